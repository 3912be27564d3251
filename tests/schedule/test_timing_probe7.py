"""The cell reader (``parse_timing``) on procedures' time limits and counts from events
(seventh probing pass, hprobe7): the "Thời hạn giải quyết" cell of a procedure, or a plan's
timing column where a task runs from something that happens. What a count runs from, working
or calendar days, several counts in one cell (per case, per step, per level), hours, conditions,
"ngay", steps a) b) c), terms of validity, "không quá", "tối đa", extensions ("gia hạn không quá
…"), counts in months and years from an event, "Khoảng từ … đến …", counts from the end of a
period or from a date, and words after an event that change the count.

Each cell was written for this pass (none taken from the corpus), and its expected reading was
worked out from its words before the reader was run on any of them, in the corpus's terms
(``tests/plans/corpus/README.md``, "Labels"): the sorted due dates over the plan's year 2026,
``rel:<event>:<±N><w|c>`` for a count from an event (``su_kien`` for an event with no kind of
its own), ``cont``, ``ond:<event>``, or ``REVIEW`` when an officer would have to decide (a count
with no start, a count in hours, months or years from an event, several counts for several
cases, a term of validity, an extension, "about when").

A cell may list other readings an officer would accept (``also``: an event that is as much
one kind as another), and a reading marked unsettled is right as read or flagged (an officer
might well ask).

The property: every cell is read right or flagged, never silently wrong; and at least
``RIGHT_SHARE`` of them are read right.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from tests.schedule.probing import (
    REVIEW,
    YEAR,
    Pass,
    Probe,
)

RIGHT_SHARE = 0.8


def rel(kind: str, count: int, working: bool = False) -> tuple[str, ...]:
    return (f"rel:{kind}:{count:+d}{'w' if working else 'c'}",)


def iso(day: date) -> str:
    return day.isoformat()


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- the events a count runs from, with the kind each is ------------------------------------
# One cell a line: the families below are tables.
# fmt: off

KNOWN_EVENTS: list[tuple[str, str]] = [
    ("kể từ ngày nhận đủ hồ sơ hợp lệ", "ho_so_tiep_nhan"),
    ("kể từ ngày tiếp nhận hồ sơ", "ho_so_tiep_nhan"),
    ("kể từ ngày nhận được hồ sơ đầy đủ, hợp lệ", "ho_so_tiep_nhan"),
    ("kể từ ngày nhận được đơn", "nhan_van_ban"),
    ("kể từ ngày nhận được văn bản đề nghị của UBND cấp xã", "nhan_van_ban"),
    ("kể từ ngày nhận được quyết định", "nhan_van_ban"),
    ("kể từ ngày ký", "ky_van_ban"),
    ("kể từ ngày ban hành quyết định", "ky_van_ban"),
    ("kể từ ngày kết thúc kỳ họp", "ket_thuc"),
    ("kể từ ngày nhận được phản ánh, kiến nghị", "pakn_tiep_nhan"),
    ("kể từ ngày thụ lý", "su_kien"),
    ("kể từ ngày phát hiện vi phạm", "su_kien"),
    ("kể từ ngày xảy ra sự cố", "su_kien"),
    ("tính từ ngày nhận đủ hồ sơ", "ho_so_tiep_nhan"),
]

LEADS = ["Trong thời hạn", "Trong vòng", "Không quá", "Chậm nhất", "Tối đa", "Trong", ""]


def plain_counts() -> Iterator[Probe]:
    """What held before: one count, one known event, the common leads."""
    counts = [3, 5, 7, 10, 15, 20, 30]
    for i, (event, kind) in enumerate(KNOWN_EVENTS):
        for j, working in enumerate((False, True)):
            n = counts[(i + j) % len(counts)]
            lead = LEADS[(i + 2 * j) % len(LEADS)]
            unit = "ngày làm việc" if working else "ngày"
            number = f"{n:02d}" if (i + j) % 2 else str(n)
            comma = "," if (i + j) % 3 == 0 else ""
            cell = capital(f"{lead} {number} {unit}{comma} {event}".strip())
            yield Probe(cell, rel(kind, n, working), "plain")


def procedure_cells() -> Iterator[Probe]:
    """A procedure's "Thời hạn giải quyết" cell as portals write it."""
    yield Probe("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 5, True), "procedure")
    yield Probe("12 ngày làm việc, kể từ ngày nhận đủ hồ sơ theo quy định", rel("ho_so_tiep_nhan", 12, True), "procedure")
    yield Probe("Không quá 07 ngày làm việc kể từ ngày tiếp nhận hồ sơ đầy đủ, hợp lệ", rel("ho_so_tiep_nhan", 7, True), "procedure")
    yield Probe("Tối đa 16 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 16, True), "procedure")
    yield Probe("Tối đa không quá 09 ngày làm việc kể từ ngày nhận đủ hồ sơ", rel("ho_so_tiep_nhan", 9, True), "procedure")
    yield Probe("Không được quá 25 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 25), "procedure")
    yield Probe("08 (tám) ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 8, True), "procedure")
    yield Probe("Mười hai ngày làm việc kể từ ngày tiếp nhận hồ sơ", rel("ho_so_tiep_nhan", 12, True), "procedure")
    yield Probe("Trong thời hạn 06 ngày làm việc (kể từ ngày nhận đủ hồ sơ hợp lệ)", rel("ho_so_tiep_nhan", 6, True), "procedure")
    yield Probe("04 ngày làm việc (kể từ ngày nhận được hồ sơ hợp lệ)", rel("ho_so_tiep_nhan", 4, True), "procedure")
    yield Probe("Trong 18 ngày kể từ ngày nhận được hồ sơ hợp lệ.", rel("ho_so_tiep_nhan", 18), "procedure")
    yield Probe("14 NGÀY LÀM VIỆC KỂ TỪ NGÀY NHẬN ĐỦ HỒ SƠ HỢP LỆ", rel("ho_so_tiep_nhan", 14, True), "procedure")
    yield Probe("Thời hạn giải quyết: 11 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 11, True), "procedure", settled=False)
    yield Probe("Giải quyết trong 03 ngày làm việc kể từ ngày nhận hồ sơ", rel("ho_so_tiep_nhan", 3, True), "procedure", settled=False)
    yield Probe("Trả kết quả sau 06 ngày làm việc kể từ ngày nhận đủ hồ sơ", rel("ho_so_tiep_nhan", 6, True), "procedure", settled=False)
    yield Probe("Trong thời hạn 02 ngày làm việc kể từ ngày nhận được hồ sơ do UBND xã chuyển đến", rel("ho_so_tiep_nhan", 2, True), "procedure")
    yield Probe("Trong 05 ngày kể từ ngày nhận đủ hồ sơ và lệ phí", rel("ho_so_tiep_nhan", 5), "procedure")
    yield Probe("Trong vòng 13 ngày làm việc kể từ ngày nhận lại hồ sơ đã bổ sung", rel("ho_so_tiep_nhan", 13, True), "procedure")
    yield Probe("Chậm nhất 04 ngày làm việc kể từ ngày nhận được hồ sơ bổ sung", rel("ho_so_tiep_nhan", 4, True), "procedure")
    yield Probe("Trong 15 ngày kể từ ngày nhận được phản ánh của người dân", rel("pakn_tiep_nhan", 15), "procedure")
    yield Probe("Trong 07 ngày làm việc kể từ ngày nhận được văn bản chuyển phản ánh", rel("pakn_chuyen_den", 7, True), "procedure")
    yield Probe("Chậm nhất 10 ngày kể từ ngày có quyết định công bố thủ tục hành chính", rel("qd_cong_bo_tthc", 10), "procedure")
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận được yêu cầu", rel("nhan_van_ban", 5, True), "procedure")
    yield Probe("Chậm nhất 08 ngày kể từ ngày nhận được văn bản yêu cầu của Thanh tra huyện", rel("nhan_van_ban", 8), "procedure")
    yield Probe("Trong 20 ngày kể từ ngày nhận được đơn tố cáo", rel("nhan_van_ban", 20), "procedure")
    yield Probe("Trong 09 ngày kể từ ngày nhận được dự thảo báo cáo", rel("nhan_van_ban", 9), "procedure")
    yield Probe("trong thời hạn 12 ngày kể từ ngày nhận được tờ trình", rel("nhan_van_ban", 12), "procedure")
    yield Probe("Trong 06 ngày làm việc kể từ ngày nhận được công văn của Sở", rel("nhan_van_ban", 6, True), "procedure")
    yield Probe("Trong 10 ngày kể từ ngày nhận được bản án", rel("nhan_van_ban", 10), "procedure")
    yield Probe("Trong 04 ngày kể từ ngày ký quyết định", rel("ky_van_ban", 4), "procedure")
    yield Probe("Trong 07 ngày kể từ ngày văn bản được ban hành", rel("ky_van_ban", 7), "procedure")
    # A contract's signing: round twenty (merged after this pass's runs) reads it as an event of
    # its own words; either kind is taken (README, seventh pass).
    yield Probe("Trong 03 ngày kể từ ngày ký hợp đồng", rel("ky_van_ban", 3), "procedure", also=(rel("su_kien", 3),))
    yield Probe("Chậm nhất 20 ngày kể từ ngày kế hoạch được phê duyệt", rel("phe_duyet", 20), "procedure")
    yield Probe("Trong 10 ngày kể từ ngày dự toán được cấp có thẩm quyền phê duyệt", rel("phe_duyet", 10), "procedure")
    yield Probe("Chậm nhất 05 ngày làm việc kể từ ngày kết thúc đợt kiểm tra", rel("ket_thuc", 5, True), "procedure")
    yield Probe("Trong 15 ngày kể từ ngày kết thúc hội nghị", rel("ket_thuc", 15), "procedure")
    yield Probe("Trong 10 ngày kể từ ngày bế mạc kỳ họp", rel("ket_thuc", 10), "procedure")
    yield Probe("Trong 06 ngày kể từ ngày khai mạc kỳ họp", rel("ky_hop", 6), "procedure")
    yield Probe("Trong 02 ngày làm việc kể từ ngày được phân công", rel("su_kien", 2, True), "procedure")
    yield Probe("Trong 30 ngày kể từ ngày phát sinh nghĩa vụ", rel("su_kien", 30), "procedure")
    yield Probe("Trong 05 ngày kể từ ngày có thông báo trúng tuyển", rel("su_kien", 5), "procedure")
    yield Probe("Trong vòng 10 ngày kể từ ngày chuyển đến nơi ở mới", rel("su_kien", 10), "procedure")
    yield Probe("Trong thời hạn 15 ngày kể từ ngày cấp giấy chứng nhận", rel("su_kien", 15), "procedure")
    yield Probe("Chậm nhất 03 ngày sau khi kết thúc hội nghị", rel("ket_thuc", 3), "procedure")
    yield Probe("Trong 10 ngày sau khi nhận đủ hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 10), "procedure")
    yield Probe("Sau 05 ngày làm việc kể từ ngày nhận được văn bản", rel("nhan_van_ban", 5, True), "procedure")
    yield Probe("Sau từ 3 đến 5 ngày kể từ ngày tiếp nhận hồ sơ", rel("ho_so_tiep_nhan", 5), "procedure")


def partial_events() -> Iterator[Probe]:
    """An event whose words hold another kind's words: the end of a meeting named after it,
    a text received whose subject names an approval, a conference or a request, the end of a
    period for receiving files, a due day that is not a file's, an election's results."""
    # The end named after the thing that ends.
    yield Probe("Trong 10 ngày kể từ ngày kỳ họp kết thúc", rel("ket_thuc", 10), "partial-end")
    yield Probe("Chậm nhất 05 ngày kể từ ngày cuộc họp kết thúc", rel("ket_thuc", 5), "partial-end")
    yield Probe("Trong 07 ngày làm việc kể từ ngày phiên họp kết thúc", rel("ket_thuc", 7, True), "partial-end")
    yield Probe("Trong 15 ngày kể từ ngày kỳ họp bế mạc", rel("ket_thuc", 15), "partial-end")
    yield Probe("Chậm nhất 03 ngày làm việc sau khi cuộc họp kết thúc", rel("ket_thuc", 3, True), "partial-end")
    yield Probe("Trong 20 ngày kể từ ngày hội nghị kết thúc", rel("ket_thuc", 20), "partial-end")
    yield Probe("Trong 05 ngày kể từ ngày lớp tập huấn kết thúc", rel("ket_thuc", 5), "partial-end")
    yield Probe("Chậm nhất 10 ngày kể từ ngày đợt kiểm tra kết thúc", rel("ket_thuc", 10), "partial-end")
    # A text received, whatever its subject names.
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận được tờ trình đề nghị thẩm định", rel("nhan_van_ban", 5, True), "partial-text")
    yield Probe("Trong 07 ngày kể từ ngày nhận được báo cáo kết quả hội nghị", rel("nhan_van_ban", 7), "partial-text")
    yield Probe("Trong 10 ngày kể từ ngày nhận được văn bản đề nghị phê duyệt", rel("nhan_van_ban", 10), "partial-text")
    yield Probe("Trong 15 ngày kể từ ngày nhận được tờ trình xin phê duyệt dự toán", rel("nhan_van_ban", 15), "partial-text")
    yield Probe("Trong 03 ngày làm việc kể từ ngày nhận được công văn đề nghị hướng dẫn", rel("nhan_van_ban", 3, True), "partial-text")
    yield Probe("Trong 04 ngày kể từ ngày nhận được thông báo thay đổi lịch họp", rel("nhan_van_ban", 4), "partial-text")
    yield Probe("Trong 06 ngày kể từ ngày nhận được báo cáo đề nghị khen thưởng", rel("nhan_van_ban", 6), "partial-text")
    yield Probe("Chậm nhất 08 ngày kể từ ngày nhận được tờ trình đề nghị tổ chức hội thảo", rel("nhan_van_ban", 8), "partial-text")
    yield Probe("Trong 05 ngày kể từ ngày nhận được thông báo kết quả kỳ họp", rel("nhan_van_ban", 5), "partial-text")
    yield Probe("Trong 12 ngày kể từ ngày nhận được dự thảo quyết định phê duyệt", rel("nhan_van_ban", 12), "partial-text")
    yield Probe("Trong 07 ngày kể từ ngày nhận được báo cáo kết quả bầu cử", rel("nhan_van_ban", 7), "partial-text")
    yield Probe("Trong 10 ngày kể từ ngày nhận được văn bản chỉ đạo của UBND tỉnh", rel("nhan_van_ban", 10), "partial-text", also=(rel("huong_dan_cap_tren", 10),))
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận được hồ sơ đề nghị phê duyệt", rel("ho_so_tiep_nhan", 5, True), "partial-text")
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ đề nghị công nhận", rel("ho_so_tiep_nhan", 10), "partial-text", also=(rel("nhan_van_ban", 10),))
    # A text received of a kind the list may not hold.
    yield Probe("Trong 10 ngày kể từ ngày nhận được kế hoạch của UBND huyện", rel("nhan_van_ban", 10), "partial-text")
    yield Probe("Trong 05 ngày kể từ ngày nhận được biên bản kiểm tra", rel("nhan_van_ban", 5), "partial-text")
    yield Probe("Trong 03 ngày kể từ ngày nhận được giấy mời", rel("nhan_van_ban", 3), "partial-text")
    yield Probe("Trong 07 ngày kể từ ngày nhận được chỉ thị của Thủ tướng", rel("nhan_van_ban", 7), "partial-text", also=(rel("huong_dan_cap_tren", 7),))
    yield Probe("Trong 15 ngày kể từ ngày nhận được nghị quyết của HĐND huyện", rel("nhan_van_ban", 15), "partial-text")
    yield Probe("Chậm nhất 10 ngày làm việc kể từ ngày nhận được kết quả thẩm định", rel("nhan_van_ban", 10, True), "partial-text", also=(rel("su_kien", 10, True),))
    # Sent, submitted or asked for approval: not the approval.
    yield Probe("Trong 10 ngày kể từ ngày trình phê duyệt", rel("su_kien", 10), "partial-approval")
    yield Probe("Trong 15 ngày kể từ ngày gửi hồ sơ đề nghị phê duyệt", rel("su_kien", 15), "partial-approval")
    yield Probe("Trong 05 ngày kể từ ngày trình UBND huyện xem xét phê duyệt", rel("su_kien", 5), "partial-approval")
    yield Probe("Trong 20 ngày kể từ ngày nộp hồ sơ xin phê duyệt", rel("su_kien", 20), "partial-approval", also=(rel("ho_so_tiep_nhan", 20),))
    yield Probe("Chậm nhất 07 ngày kể từ ngày đề nghị thông qua", rel("su_kien", 7), "partial-approval", also=(rel("yeu_cau", 7),))
    yield Probe("Trong 10 ngày kể từ ngày không phê duyệt", rel("su_kien", 10), "partial-approval")
    # The end of a time for receiving or submitting files: not a file received.
    yield Probe("Trong 10 ngày kể từ ngày hết hạn nhận hồ sơ", rel("su_kien", 10), "partial-file")
    yield Probe("Trong 05 ngày làm việc kể từ ngày hết thời hạn tiếp nhận hồ sơ", rel("su_kien", 5, True), "partial-file")
    yield Probe("Chậm nhất 07 ngày kể từ ngày hết hạn nộp hồ sơ", rel("su_kien", 7), "partial-file")
    yield Probe("Trong 15 ngày kể từ ngày kết thúc việc nhận hồ sơ", rel("ket_thuc", 15), "partial-file", also=(rel("su_kien", 15),))
    yield Probe("Trong 03 ngày làm việc kể từ ngày từ chối tiếp nhận hồ sơ", rel("su_kien", 3, True), "partial-file")
    yield Probe("Trong 05 ngày kể từ ngày trả hồ sơ", rel("su_kien", 5), "partial-file")
    yield Probe("Trong 02 ngày làm việc kể từ ngày thông báo bổ sung hồ sơ", rel("su_kien", 2, True), "partial-file")
    yield Probe("Trong 10 ngày kể từ ngày chuyển hồ sơ lên UBND huyện", rel("su_kien", 10), "partial-file")
    yield Probe("Trong 30 ngày kể từ ngày hoàn thành hồ sơ", rel("su_kien", 30), "partial-file")
    yield Probe("Trong 05 ngày kể từ ngày niêm yết hồ sơ", rel("su_kien", 5), "partial-file")
    # A due day that is not a file's.
    yield Probe("Trong 10 ngày kể từ ngày đến hạn nộp thuế", rel("su_kien", 10), "partial-due")
    yield Probe("Chậm nhất 05 ngày kể từ ngày đến hạn thanh toán", rel("su_kien", 5), "partial-due")
    yield Probe("Trong 30 ngày kể từ ngày đến hạn trả nợ", rel("su_kien", 30), "partial-due")
    yield Probe("Trong 15 ngày kể từ ngày đến hạn nộp báo cáo", rel("su_kien", 15), "partial-due")
    yield Probe("Trước 01 ngày của hồ sơ đến hạn trả kết quả", rel("ho_so_den_han", -1), "partial-due")
    # An election's day, or something after it.
    yield Probe("Trong 10 ngày kể từ ngày công bố kết quả bầu cử", rel("su_kien", 10), "partial-election")
    yield Probe("Chậm nhất 05 ngày sau ngày bầu cử", rel("bau_cu", 5), "partial-election")
    yield Probe("Trong 15 ngày kể từ ngày có kết quả bầu cử", rel("su_kien", 15), "partial-election")
    yield Probe("Trong 20 ngày kể từ ngày nhận được hồ sơ ứng cử", rel("ho_so_tiep_nhan", 20), "partial-election")
    yield Probe("Chậm nhất 10 ngày trước ngày bầu cử", rel("bau_cu", -10), "partial-election")
    # A signing that is a receipt.
    yield Probe("Trong 05 ngày kể từ ngày ký nhận quyết định", rel("nhan_van_ban", 5), "partial-sign", also=(rel("su_kien", 5),))
    yield Probe("Trong 10 ngày kể từ ngày ký nhận hồ sơ", rel("ho_so_tiep_nhan", 10), "partial-sign", also=(rel("su_kien", 10),))
    yield Probe("Trong 03 ngày kể từ ngày ký biên bản bàn giao", rel("ky_van_ban", 3), "partial-sign", also=(rel("su_kien", 3),))
    # A change of something else than staff; a text published that is not a procedures' list.
    yield Probe("Trong 10 ngày kể từ ngày có thay đổi thông tin đăng ký", rel("su_kien", 10), "partial-other")
    yield Probe("Trong 15 ngày kể từ ngày thay đổi ngành nghề kinh doanh", rel("su_kien", 15), "partial-other")
    yield Probe("Trong 30 ngày kể từ ngày công bố quy hoạch", rel("su_kien", 30), "partial-other")
    yield Probe("Trong 05 ngày kể từ ngày công bố danh mục thủ tục hành chính", rel("qd_cong_bo_tthc", 5), "partial-other")
    yield Probe("Trong 10 ngày kể từ ngày văn bản có hiệu lực", rel("su_kien", 10), "partial-other")
    yield Probe("Trong 05 ngày kể từ ngày quyết định có hiệu lực thi hành", rel("su_kien", 5), "partial-other")
    yield Probe("Trong 07 ngày kể từ ngày hướng dẫn viên nhận nhiệm vụ", rel("su_kien", 7), "partial-other")
    yield Probe("Trong 10 ngày kể từ ngày tổ chức hội nghị", rel("tap_huan", 10), "partial-other", also=(rel("su_kien", 10),))
    yield Probe("Trong 05 ngày kể từ ngày mở lớp bồi dưỡng", rel("tap_huan", 5), "partial-other", also=(rel("su_kien", 5),))


def working_or_calendar() -> Iterator[Probe]:
    """Working days or calendar days, said in other words than "làm việc"."""
    ev = "kể từ ngày nhận đủ hồ sơ hợp lệ"
    k = "ho_so_tiep_nhan"
    yield Probe(f"Trong 10 ngày làm việc {ev}", rel(k, 10, True), "workdays")
    yield Probe(f"Trong 10 ngày {ev}", rel(k, 10), "workdays")
    yield Probe(f"Trong 08 ngày làm việc (không kể thứ Bảy, Chủ nhật và ngày lễ) {ev}", rel(k, 8, True), "workdays", settled=False)
    yield Probe(f"Trong 12 ngày (tính cả ngày nghỉ) {ev}", rel(k, 12), "workdays", settled=False)
    yield Probe(f"Trong 15 ngày {ev} (kể cả ngày nghỉ, lễ)", rel(k, 15), "workdays", settled=False)
    yield Probe(f"Trong 06 ngày {ev} (không kể ngày nghỉ theo quy định)", rel(k, 6, True), "workdays", settled=False)
    yield Probe(f"Trong 09 ngày {ev}, không kể ngày nghỉ, lễ, Tết", rel(k, 9, True), "workdays", settled=False)
    yield Probe(f"Trong 07 ngày {ev} (không tính thứ Bảy, Chủ nhật)", REVIEW, "workdays", settled=False)
    yield Probe(f"Trong 05 ngày {ev} (không tính ngày lễ, Tết)", REVIEW, "workdays")
    yield Probe(f"Trong 10 ngày {ev} (ngày làm việc)", rel(k, 10, True), "workdays", settled=False)
    yield Probe(f"10 ngày (làm việc) {ev}", rel(k, 10, True), "workdays", settled=False)
    yield Probe(f"Trong 04 ngày lv {ev}", rel(k, 4, True), "workdays", settled=False)
    yield Probe(f"Trong 03 ngày công {ev}", REVIEW, "workdays")
    yield Probe(f"Trong 20 ngày dương lịch {ev}", rel(k, 20), "workdays", settled=False)
    yield Probe(f"Trong 20 ngày theo lịch {ev}", rel(k, 20), "workdays", settled=False)
    yield Probe(f"Trong 05 ngày làm việc liên tục {ev}", rel(k, 5, True), "workdays", settled=False)
    yield Probe(f"Trong 30 ngày liên tục {ev}", rel(k, 30), "workdays", settled=False)
    yield Probe(f"05 ngày làm việc đối với hồ sơ cá nhân, 07 ngày làm việc đối với hồ sơ tổ chức {ev}", REVIEW, "workdays")
    yield Probe(f"Trong 10 ngày làm việc {ev} (trừ ngày nghỉ lễ)", rel(k, 10, True), "workdays", settled=False)
    yield Probe(f"Trong 10 ngày làm việc {ev}; nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo", rel(k, 10, True), "workdays")
    yield Probe(f"Trong 15 ngày {ev}, nếu ngày cuối cùng trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo", rel(k, 15), "workdays", settled=False)
    yield Probe(f"Trong 10 ngày làm việc hoặc 14 ngày {ev}", REVIEW, "workdays")
    yield Probe(f"Trong 3 ngày làm việc tức 5 ngày {ev}", REVIEW, "workdays")
    yield Probe(f"Trong 02 tuần làm việc {ev}", REVIEW, "workdays")
    yield Probe(f"Trong nửa ngày làm việc {ev}", REVIEW, "workdays")
    yield Probe(f"Trong 1,5 ngày làm việc {ev}", REVIEW, "workdays")
    yield Probe(f"Trong 2.5 ngày {ev}", REVIEW, "workdays")
    yield Probe(f"Trong 01 buổi làm việc {ev}", REVIEW, "workdays")


def several_counts() -> Iterator[Probe]:
    """Several counts in one cell: per case, per level, per step, a total and its parts."""
    yield Probe("Trong 10 ngày kể từ ngày thụ lý; trường hợp phức tạp không quá 20 ngày kể từ ngày thụ lý", REVIEW, "several")
    yield Probe("15 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp phải xác minh là 25 ngày làm việc", REVIEW, "several")
    yield Probe("Không quá 10 ngày kể từ ngày nhận đơn, vụ việc phức tạp không quá 15 ngày", REVIEW, "several")
    yield Probe("Cấp xã: 05 ngày làm việc; cấp huyện: 10 ngày làm việc kể từ ngày nhận đủ hồ sơ", REVIEW, "several")
    yield Probe("UBND xã 03 ngày làm việc, Phòng Tư pháp 07 ngày làm việc kể từ ngày nhận hồ sơ", REVIEW, "several")
    yield Probe("Tổng thời gian 10 ngày làm việc kể từ ngày nhận đủ hồ sơ, trong đó: UBND xã 03 ngày, UBND huyện 07 ngày", rel("ho_so_tiep_nhan", 10, True), "several", settled=False)
    yield Probe("10 ngày làm việc kể từ ngày nhận đủ hồ sơ (UBND xã: 04 ngày; Phòng TN&MT: 06 ngày)", rel("ho_so_tiep_nhan", 10, True), "several", settled=False)
    yield Probe("Trong 05 ngày kể từ ngày nhận được đơn đối với cá nhân; 10 ngày đối với tổ chức", REVIEW, "several")
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ; 20 ngày đối với hồ sơ cần thẩm định thực địa", REVIEW, "several")
    yield Probe("07 ngày làm việc (đối với hộ gia đình, cá nhân); 15 ngày làm việc (đối với tổ chức) kể từ ngày nhận đủ hồ sơ", REVIEW, "several")
    yield Probe("Trong 03 ngày làm việc kể từ ngày nhận hồ sơ, UBND xã chuyển hồ sơ lên huyện; trong 05 ngày làm việc kể từ ngày nhận hồ sơ của xã, UBND huyện giải quyết", REVIEW, "several")
    yield Probe("Trong 05 ngày kể từ ngày nhận đơn phải thụ lý; trong 30 ngày kể từ ngày thụ lý phải giải quyết", REVIEW, "several")
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ hoặc 15 ngày kể từ ngày niêm yết", REVIEW, "several")
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ hoặc kể từ ngày hết hạn niêm yết", REVIEW, "several")
    yield Probe("Trong 07 ngày kể từ ngày nhận được văn bản hoặc kể từ ngày kết thúc cuộc họp", REVIEW, "several")
    yield Probe("Trong 15 ngày kể từ ngày nhận đủ hồ sơ hoặc kể từ ngày có kết quả xác minh", REVIEW, "several")
    yield Probe("Trong 05 ngày kể từ ngày ký hoặc ngày nhận được quyết định", REVIEW, "several")
    yield Probe("Chậm nhất 10 ngày kể từ ngày nhận được quyết định và không quá 30 ngày kể từ ngày ký", REVIEW, "several")
    yield Probe("Trong 30 ngày kể từ ngày thụ lý (vụ việc phức tạp 45 ngày)", REVIEW, "several")
    yield Probe("Trong 20 ngày kể từ ngày nhận đủ hồ sơ (ở vùng sâu, vùng xa là 30 ngày)", REVIEW, "several")
    yield Probe("Trong 12 ngày kể từ ngày nhận đơn, vùng đặc biệt khó khăn 20 ngày", REVIEW, "several")
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ (nhà ở riêng lẻ: 07 ngày)", REVIEW, "several")
    yield Probe("10 - 15 ngày kể từ ngày nhận hồ sơ", REVIEW, "several")
    yield Probe("Từ 05 đến 07 ngày làm việc kể từ ngày nhận đủ hồ sơ", REVIEW, "several")
    yield Probe("05-07 ngày làm việc kể từ ngày nhận hồ sơ", REVIEW, "several")
    yield Probe("Trong thời hạn từ 10 đến 20 ngày kể từ ngày nhận được yêu cầu", REVIEW, "several")
    yield Probe("Trong 05 ngày kể từ ngày nhận đủ hồ sơ, UBND xã niêm yết trong 15 ngày", REVIEW, "several")
    yield Probe("Trong 05 ngày kể từ ngày nhận đủ hồ sơ; niêm yết công khai 07 ngày", REVIEW, "several")
    yield Probe("Trong 03 ngày kể từ ngày kết thúc niêm yết; thời gian niêm yết là 10 ngày", REVIEW, "several")
    yield Probe("30 ngày kể từ ngày thụ lý, 45 ngày đối với vụ việc phức tạp", REVIEW, "several")
    yield Probe("Trong 15 ngày làm việc kể từ ngày nhận hồ sơ (thẩm định 10 ngày, phê duyệt 05 ngày)", rel("ho_so_tiep_nhan", 15, True), "several", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ; 30 ngày đối với trường hợp phải lấy ý kiến", REVIEW, "several")
    yield Probe("Không quá 05 ngày làm việc/hồ sơ kể từ ngày nhận đủ hồ sơ", rel("ho_so_tiep_nhan", 5, True), "several", settled=False)
    yield Probe("Trong 02 ngày làm việc kể từ ngày nhận hồ sơ đối với cấp xã và 05 ngày làm việc đối với cấp huyện", REVIEW, "several")


def hours() -> Iterator[Probe]:
    """Counts in hours from an event, and hours of the day that are conditions."""
    yield Probe("Trong 24 giờ kể từ khi nhận được tin báo", REVIEW, "hours")
    yield Probe("Trong vòng 12 giờ kể từ khi phát hiện sự cố", REVIEW, "hours")
    yield Probe("Không quá 48 giờ kể từ thời điểm tiếp nhận", REVIEW, "hours")
    yield Probe("Chậm nhất 08 giờ làm việc kể từ khi nhận đủ hồ sơ", REVIEW, "hours")
    yield Probe("04 giờ làm việc kể từ khi nhận hồ sơ hợp lệ", REVIEW, "hours")
    yield Probe("Thời hạn: 24 giờ kể từ khi xảy ra sự việc", REVIEW, "hours")
    yield Probe("72 giờ kể từ khi có kết quả xét nghiệm", REVIEW, "hours")
    yield Probe("36 giờ kể từ khi nhận được yêu cầu", REVIEW, "hours")
    yield Probe("12 giờ kể từ khi phát hiện", REVIEW, "hours")
    yield Probe("16 giờ kể từ khi tiếp nhận hồ sơ", REVIEW, "hours")
    yield Probe("Trong 02 giờ sau khi nhận được thông tin", REVIEW, "hours")
    yield Probe("Trong 01 giờ kể từ khi nhận được tin báo cháy", REVIEW, "hours")
    yield Probe("Trong ngày làm việc; nếu nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo", REVIEW, "hours")
    yield Probe("Trả kết quả trong ngày nếu nhận hồ sơ trước 10 giờ", REVIEW, "hours")
    yield Probe("Trước 16 giờ cùng ngày nhận hồ sơ", REVIEW, "hours")
    yield Probe("Trước 11 giờ ngày làm việc tiếp theo", REVIEW, "hours")
    yield Probe("Trong 4 giờ làm việc kể từ khi tiếp nhận yêu cầu", REVIEW, "hours")
    yield Probe("Không quá 24 giờ, kể từ khi nhận đủ hồ sơ", REVIEW, "hours")
    yield Probe("Tối đa 08 giờ kể từ khi có yêu cầu", REVIEW, "hours")
    yield Probe("Chậm nhất 2 giờ sau khi kết thúc cuộc họp", REVIEW, "hours")
    yield Probe("Trong 24h kể từ khi nhận được tin", REVIEW, "hours")
    yield Probe("Trong 48h kể từ khi phát hiện dịch bệnh", REVIEW, "hours")
    yield Probe("1 ngày 8 giờ kể từ khi nhận hồ sơ", REVIEW, "hours")
    yield Probe("Trong 01 ngày làm việc và 04 giờ kể từ khi nhận đủ hồ sơ", REVIEW, "hours")


def conditions() -> Iterator[Probe]:
    """A count for one case, or two cases by a condition."""
    yield Probe("Trường hợp hồ sơ chưa hợp lệ, trong 02 ngày làm việc kể từ ngày nhận hồ sơ phải hướng dẫn bổ sung", rel("ho_so_tiep_nhan", 2, True), "condition", settled=False)
    yield Probe("Nếu hồ sơ không đủ điều kiện thì trong 03 ngày làm việc kể từ ngày nhận hồ sơ phải trả lời bằng văn bản", rel("ho_so_tiep_nhan", 3, True), "condition", settled=False)
    yield Probe("Trong 05 ngày kể từ ngày nhận đủ hồ sơ nếu không phải xác minh; nếu phải xác minh thì 10 ngày", REVIEW, "condition")
    yield Probe("Trong 10 ngày kể từ ngày nhận đủ hồ sơ, nếu phải xác minh thì không quá 15 ngày", REVIEW, "condition")
    yield Probe("Trong 07 ngày làm việc kể từ ngày nhận đủ hồ sơ, trường hợp cần xác minh thì kéo dài không quá 10 ngày làm việc", REVIEW, "condition")
    yield Probe("Trong 05 ngày kể từ ngày nhận hồ sơ (trường hợp cần xác minh thì không quá 10 ngày)", REVIEW, "condition")
    yield Probe("Trong 03 ngày làm việc kể từ ngày nhận hồ sơ; trường hợp hồ sơ không hợp lệ thì trong 01 ngày làm việc phải thông báo", REVIEW, "condition")
    # Relabelled after the run (README, seventh pass): first REVIEW; a tune label reads a count
    # beside "trừ trường hợp …" as the count, and the convention is the corpus's.
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ, trừ trường hợp phải lấy ý kiến các cơ quan liên quan", rel("ho_so_tiep_nhan", 10), "condition", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ, trường hợp đặc biệt có thể kéo dài", REVIEW, "condition")
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, nếu quá thời hạn mà chưa giải quyết thì phải thông báo lý do", rel("ho_so_tiep_nhan", 5, True), "condition", settled=False)
    yield Probe("Khi có yêu cầu thì trong 05 ngày làm việc phải trả lời", rel("yeu_cau", 5, True), "condition", settled=False, also=(rel("nhan_van_ban", 5, True),))
    yield Probe("Nếu có khiếu nại thì trong 10 ngày kể từ ngày nhận được khiếu nại", rel("nhan_van_ban", 10), "condition", settled=False)
    yield Probe("Trường hợp không đồng ý thì trong 05 ngày phải có văn bản trả lời", REVIEW, "condition")
    yield Probe("Trường hợp phải lấy ý kiến thì thời hạn được kéo dài thêm 05 ngày", REVIEW, "condition")
    yield Probe("Nếu không có ý kiến trong 10 ngày kể từ ngày nhận được văn bản thì coi như đồng ý", REVIEW, "condition")
    yield Probe("Quá 15 ngày kể từ ngày nhận được văn bản mà không có ý kiến thì coi như đã đồng ý", REVIEW, "condition")
    yield Probe("Sau 30 ngày kể từ ngày niêm yết nếu không có khiếu nại", rel("su_kien", 30), "condition", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày nhận được văn bản, trường hợp không đồng ý phải nêu rõ lý do", rel("nhan_van_ban", 10), "condition", settled=False)
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ (nếu hồ sơ hợp lệ)", rel("ho_so_tiep_nhan", 5, True), "condition", settled=False)
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận hồ sơ, nếu hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 5, True), "condition", settled=False)
    yield Probe("Trong 02 ngày làm việc kể từ ngày nhận hồ sơ nếu hồ sơ chưa đầy đủ", rel("ho_so_tiep_nhan", 2, True), "condition", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ, không tính thời gian bổ sung hồ sơ", REVIEW, "condition")
    yield Probe("Trong 15 ngày kể từ ngày nhận hồ sơ, không kể thời gian niêm yết công khai", REVIEW, "condition")
    yield Probe("Trong 15 ngày kể từ ngày nhận hồ sơ (không kể thời gian niêm yết công khai)", REVIEW, "condition")
    yield Probe("Trong 20 ngày kể từ ngày nhận đủ hồ sơ, không bao gồm thời gian lấy ý kiến", REVIEW, "condition")
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ, thời gian xác minh không tính vào thời hạn giải quyết", REVIEW, "condition")
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ, chưa kể thời gian thẩm định", REVIEW, "condition")
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ, cộng thêm thời gian đi lại", REVIEW, "condition")
    yield Probe("Trong 07 ngày kể từ ngày nhận hồ sơ, kể cả thời gian xác minh", rel("ho_so_tiep_nhan", 7), "condition", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ, sau đó chuyển lên huyện", rel("ho_so_tiep_nhan", 10), "condition", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ, tính cả thời gian niêm yết", rel("ho_so_tiep_nhan", 10), "condition", settled=False)
    yield Probe("Trong 05 ngày kể từ ngày nhận hồ sơ, đối với trường hợp khẩn cấp thì trong ngày", REVIEW, "condition")
    yield Probe("Trong 10 ngày làm việc kể từ ngày nhận đủ hồ sơ, riêng hồ sơ phải thẩm tra là 20 ngày", REVIEW, "condition")
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ, ngoài ra phải niêm yết 15 ngày", REVIEW, "condition")


def right_away() -> Iterator[Probe]:
    """ "ngay": right away, on the same day, with or without an event named."""
    yield Probe("Ngay trong ngày nhận đủ hồ sơ", rel("ho_so_tiep_nhan", 0), "ngay", settled=False)
    yield Probe("Ngay trong ngày tiếp nhận hồ sơ", rel("ho_so_tiep_nhan", 0), "ngay", settled=False)
    yield Probe("Trong ngày nhận đủ hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 0), "ngay", settled=False)
    # Relabelled after the run: first +0c; the same day, counted as a working day by its words
    # ("ngày làm việc"), is +0w, the reader's reading (a slip of the label, not of the reader).
    yield Probe("Trong ngày làm việc nhận được hồ sơ", rel("ho_so_tiep_nhan", 0, True), "ngay", settled=False)
    yield Probe("Ngay trong ngày", REVIEW, "ngay")
    yield Probe("Giải quyết ngay trong ngày", REVIEW, "ngay")
    yield Probe("Trả kết quả ngay", REVIEW, "ngay")
    yield Probe("Giải quyết ngay", REVIEW, "ngay")
    yield Probe("Ngay khi nhận được hồ sơ", REVIEW, "ngay")
    yield Probe("Ngay sau khi nhận được văn bản", REVIEW, "ngay")
    yield Probe("Ngay sau khi kết thúc hội nghị", REVIEW, "ngay")
    yield Probe("Ngay khi phát hiện", REVIEW, "ngay")
    yield Probe("Thực hiện ngay khi có yêu cầu", ("ond:yeu_cau",), "ngay", settled=False)
    yield Probe("Ngay sau khi có quyết định", REVIEW, "ngay")
    yield Probe("Trong ngày", REVIEW, "ngay")
    yield Probe("Trong ngày làm việc", REVIEW, "ngay")
    yield Probe("Trong ngày hoặc ngày làm việc tiếp theo", REVIEW, "ngay")
    yield Probe("Ngay trong ngày hoặc chậm nhất ngày làm việc tiếp theo", REVIEW, "ngay")
    yield Probe("Trong ngày làm việc tiếp theo kể từ ngày nhận hồ sơ", rel("ho_so_tiep_nhan", 1, True), "ngay", settled=False)
    yield Probe("Ngày làm việc tiếp theo sau ngày nhận hồ sơ", rel("ho_so_tiep_nhan", 1, True), "ngay", settled=False)
    yield Probe("Ngay lập tức", REVIEW, "ngay")
    yield Probe("Kịp thời, ngay khi có thông tin", REVIEW, "ngay")
    yield Probe("Ngay sau khi nhận được hồ sơ, chậm nhất 02 ngày làm việc", rel("ho_so_tiep_nhan", 2, True), "ngay", settled=False)
    yield Probe("Trả ngay khi nhận đủ giấy tờ", REVIEW, "ngay")


def steps() -> Iterator[Probe]:
    """A procedure's steps a) b) c) or "Bước 1 …" in one cell."""
    yield Probe("a) Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 3, True), "steps", settled=False)
    yield Probe("b) Trong 05 ngày làm việc kể từ ngày nhận được văn bản của UBND xã", rel("nhan_van_ban", 5, True), "steps", settled=False)
    yield Probe("a) 02 ngày làm việc kể từ ngày nhận đủ hồ sơ; b) 05 ngày làm việc kể từ ngày nhận được tờ trình của UBND xã", REVIEW, "steps")
    yield Probe("a) Trong 03 ngày kể từ ngày nhận hồ sơ, UBND xã kiểm tra; b) trong 07 ngày kể từ ngày nhận hồ sơ của xã, Phòng LĐTBXH thẩm định; c) trong 05 ngày kể từ ngày nhận tờ trình, UBND huyện quyết định", REVIEW, "steps")
    yield Probe("a) 03 ngày làm việc; b) 05 ngày làm việc; c) 02 ngày làm việc", REVIEW, "steps")
    yield Probe("Bước 1: 02 ngày làm việc kể từ ngày nhận hồ sơ; Bước 2: 05 ngày làm việc", REVIEW, "steps")
    yield Probe("Bước 1 - 03 ngày; Bước 2 - 07 ngày; Bước 3 - 02 ngày", REVIEW, "steps")
    yield Probe("- UBND xã: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ\n- UBND huyện: 10 ngày làm việc kể từ ngày nhận hồ sơ do xã chuyển", REVIEW, "steps")
    yield Probe("1. Tiếp nhận: 01 ngày\n2. Thẩm định: 05 ngày\n3. Trả kết quả: 01 ngày", REVIEW, "steps")
    yield Probe("(1) 02 ngày làm việc kể từ ngày nhận hồ sơ; (2) 03 ngày làm việc kể từ ngày nhận kết quả thẩm định", REVIEW, "steps")
    yield Probe("a) Trong 02 ngày làm việc kể từ ngày nhận hồ sơ\nb) Trong 03 ngày làm việc kể từ ngày nhận đề nghị của xã", REVIEW, "steps")
    yield Probe("Tổng cộng 10 ngày làm việc (bước 1: 03 ngày; bước 2: 07 ngày) kể từ ngày nhận đủ hồ sơ", rel("ho_so_tiep_nhan", 10, True), "steps", settled=False)
    yield Probe("c) Chậm nhất 05 ngày kể từ ngày ký quyết định", rel("ky_van_ban", 5), "steps", settled=False)
    yield Probe("Bước 3: Trong 05 ngày làm việc kể từ ngày nhận được tờ trình", rel("nhan_van_ban", 5, True), "steps", settled=False)
    yield Probe("Giai đoạn 1: 30 ngày; giai đoạn 2: 45 ngày", REVIEW, "steps")
    yield Probe("a) 03 ngày; b) 05 ngày", REVIEW, "steps")
    yield Probe("a) 10 ngày kể từ ngày nhận đơn; b) 15 ngày kể từ ngày thụ lý", REVIEW, "steps")
    yield Probe("Trong 03 ngày làm việc (bước a) và 05 ngày làm việc (bước b) kể từ ngày nhận hồ sơ", REVIEW, "steps")
    yield Probe("Bước 1: 02 ngày; Bước 2: 05 ngày (kể từ ngày nhận đủ hồ sơ)", REVIEW, "steps")
    yield Probe("a. 02 ngày làm việc kể từ ngày nhận hồ sơ; b. 03 ngày làm việc kể từ ngày nhận văn bản của xã", REVIEW, "steps")


def validity_terms() -> Iterator[Probe]:
    """How long a paper holds, not when a task is due."""
    yield Probe("Có hiệu lực 12 tháng kể từ ngày ký", REVIEW, "validity")
    yield Probe("Giấy phép có thời hạn 05 năm", REVIEW, "validity")
    yield Probe("Có giá trị trong 30 ngày kể từ ngày cấp", REVIEW, "validity")
    yield Probe("Có giá trị 60 ngày", REVIEW, "validity")
    yield Probe("Thời hạn sử dụng 06 tháng kể từ ngày cấp", REVIEW, "validity")
    yield Probe("Hiệu lực: 24 tháng", REVIEW, "validity")
    yield Probe("Giấy chứng nhận có hiệu lực trong 03 năm", REVIEW, "validity")
    yield Probe("Thời hạn hiệu lực của giấy phép là 10 năm kể từ ngày cấp", REVIEW, "validity")
    yield Probe("Có giá trị sử dụng trong 06 tháng", REVIEW, "validity")
    yield Probe("Có hiệu lực trong 90 ngày kể từ ngày ký", REVIEW, "validity")
    yield Probe("Có giá trị 30 ngày kể từ ngày ký", REVIEW, "validity")
    yield Probe("Giấy xác nhận có giá trị trong thời hạn 6 tháng kể từ ngày ký", REVIEW, "validity")
    yield Probe("Hiệu lực 15 ngày kể từ ngày cấp", REVIEW, "validity")
    yield Probe("Thời hạn của giấy phép không quá 12 tháng", REVIEW, "validity")
    yield Probe("Thời hạn hoạt động 50 năm kể từ ngày được cấp giấy chứng nhận", REVIEW, "validity")
    yield Probe("Trong 10 ngày làm việc kể từ ngày nhận đủ hồ sơ; giấy phép có hiệu lực 12 tháng", rel("ho_so_tiep_nhan", 10, True), "validity", settled=False)
    yield Probe("Trong 05 ngày kể từ ngày nhận hồ sơ (giấy xác nhận có giá trị 30 ngày)", rel("ho_so_tiep_nhan", 5), "validity", settled=False)
    yield Probe("Có giá trị đến hết ngày 31/12/2026", REVIEW, "validity", settled=False, also=(("2026-12-31",),))
    yield Probe("Có hiệu lực đến ngày 30/6/2026", REVIEW, "validity", settled=False, also=(("2026-06-30",),))
    yield Probe("Giấy phép hết hạn sau 24 tháng", REVIEW, "validity")
    yield Probe("Thời hạn lưu trú tối đa 30 ngày", REVIEW, "validity")
    yield Probe("Thời hạn thuê đất 50 năm", REVIEW, "validity")
    yield Probe("Thời gian tạm trú 02 năm", REVIEW, "validity")
    yield Probe("Thời hạn bảo hành 12 tháng kể từ ngày nghiệm thu", REVIEW, "validity")
    yield Probe("Thời gian thử việc không quá 60 ngày", REVIEW, "validity")
    yield Probe("Thời hạn tạm giữ không quá 07 ngày kể từ ngày tạm giữ", REVIEW, "validity", settled=False, also=(rel("su_kien", 7),))
    yield Probe("Giữ nguyên giá trị trong 10 ngày", REVIEW, "validity")


def caps() -> Iterator[Probe]:
    """ "không quá", "tối đa", "ít nhất" and their company."""
    ev, k = "kể từ ngày nhận được văn bản đề nghị", "nhan_van_ban"
    yield Probe(f"Không quá 15 ngày {ev}", rel(k, 15), "cap")
    yield Probe(f"Tối đa 15 ngày {ev}", rel(k, 15), "cap")
    yield Probe(f"Không quá 15 ngày làm việc {ev}", rel(k, 15, True), "cap")
    yield Probe(f"Tối đa là 12 ngày {ev}", rel(k, 12), "cap")
    yield Probe(f"Thời hạn tối đa 20 ngày {ev}", rel(k, 20), "cap")
    yield Probe(f"Trong thời hạn tối đa 10 ngày làm việc {ev}", rel(k, 10, True), "cap")
    yield Probe(f"Trong thời hạn không quá 08 ngày {ev}", rel(k, 8), "cap")
    yield Probe(f"Không được quá 09 ngày {ev}", rel(k, 9), "cap")
    yield Probe(f"Không vượt quá 15 ngày {ev}", rel(k, 15), "cap", settled=False)
    yield Probe(f"Không chậm hơn 10 ngày {ev}", rel(k, 10), "cap", settled=False)
    yield Probe(f"Không muộn hơn 07 ngày {ev}", rel(k, 7), "cap", settled=False)
    yield Probe(f"Ít nhất 10 ngày {ev}", REVIEW, "cap")
    yield Probe(f"Sớm nhất 05 ngày {ev}", REVIEW, "cap")
    yield Probe(f"Không sớm hơn 05 ngày {ev}", REVIEW, "cap")
    yield Probe(f"Sau ít nhất 15 ngày {ev}", REVIEW, "cap")
    yield Probe(f"Tối thiểu 05 ngày làm việc {ev}", REVIEW, "cap")
    yield Probe(f"Không ít hơn 10 ngày {ev}", REVIEW, "cap")
    yield Probe(f"Không quá 10 ngày và không ít hơn 05 ngày {ev}", REVIEW, "cap", settled=False, also=(rel(k, 10),))
    yield Probe(f"Không dưới 07 ngày {ev}", REVIEW, "cap")
    yield Probe("Ít nhất 07 ngày trước ngày khai mạc kỳ họp", rel("ky_hop", -7), "cap")
    yield Probe("Chậm nhất 10 ngày trước ngày khai mạc kỳ họp", rel("ky_hop", -10), "cap")
    yield Probe(f"Tối đa 20 ngày {ev}, tối thiểu 10 ngày", REVIEW, "cap")
    yield Probe(f"Không quá 30 ngày {ev} (trường hợp phức tạp không quá 45 ngày)", REVIEW, "cap")
    yield Probe("Không quá 30 ngày", REVIEW, "cap")
    yield Probe("Tối đa 15 ngày làm việc", REVIEW, "cap")
    yield Probe("Không quá 05 ngày làm việc", REVIEW, "cap")
    yield Probe("Tối đa 10 ngày", REVIEW, "cap")


def extensions() -> Iterator[Probe]:
    """An extension beside a count, or alone."""
    ev = "kể từ ngày nhận đủ hồ sơ"
    yield Probe(f"Trong 15 ngày {ev}; gia hạn không quá 10 ngày", REVIEW, "extension")
    yield Probe(f"Trong 15 ngày {ev}, có thể gia hạn thêm 15 ngày", REVIEW, "extension")
    yield Probe(f"Trong 20 ngày {ev} (được gia hạn một lần không quá 20 ngày)", REVIEW, "extension")
    yield Probe(f"Trong 20 ngày {ev}, được gia hạn một lần", REVIEW, "extension")
    yield Probe(f"Trong 20 ngày {ev} (có thể gia hạn)", REVIEW, "extension")
    yield Probe(f"Trong 10 ngày làm việc {ev}; trường hợp phức tạp được kéo dài thêm 05 ngày làm việc", REVIEW, "extension")
    yield Probe(f"Trong 10 ngày {ev}; kéo dài không quá 20 ngày", REVIEW, "extension")
    yield Probe(f"Trong 10 ngày {ev}, có thể kéo dài nhưng không quá 30 ngày", REVIEW, "extension")
    yield Probe("Gia hạn không quá 30 ngày", REVIEW, "extension")
    yield Probe("Được gia hạn 01 lần, không quá 15 ngày", REVIEW, "extension")
    yield Probe("Gia hạn thêm 10 ngày kể từ ngày hết hạn", REVIEW, "extension")
    yield Probe("Gia hạn tối đa 02 lần, mỗi lần không quá 07 ngày", REVIEW, "extension")
    yield Probe(f"Trong 30 ngày {ev}; gia hạn tối đa 30 ngày", REVIEW, "extension")
    yield Probe(f"Trong 30 ngày {ev} (gia hạn không quá 30 ngày)", REVIEW, "extension")
    yield Probe(f"Trong 30 ngày {ev}, có thể gia hạn nhưng tổng thời gian không quá 60 ngày", REVIEW, "extension")
    yield Probe("Trong 10 ngày kể từ ngày thụ lý, gia hạn thêm không quá 10 ngày", REVIEW, "extension")
    yield Probe("Trong 45 ngày kể từ ngày thụ lý; gia hạn một lần không quá 30 ngày", REVIEW, "extension")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn (không tính thời gian gia hạn)", REVIEW, "extension")
    yield Probe("Gia hạn đến ngày 30/6/2026", ("2026-06-30",), "extension", settled=False)
    yield Probe("Được gia hạn đến hết ngày 15/9/2026", ("2026-09-15",), "extension", settled=False)
    yield Probe("Trong 15 ngày kể từ ngày hết thời hạn gia hạn", rel("su_kien", 15), "extension", settled=False)
    yield Probe(f"Trong 15 ngày {ev}, trường hợp gia hạn thì thời gian gia hạn không quá 15 ngày", REVIEW, "extension")
    yield Probe(f"15 ngày {ev} + gia hạn 10 ngày", REVIEW, "extension")
    yield Probe(f"Trong 07 ngày {ev}; nếu chưa giải quyết xong được lùi thêm 05 ngày", REVIEW, "extension")


def months_and_years() -> Iterator[Probe]:
    """Counts in months and years from an event: their days vary, an officer decides."""
    events = [
        ("kể từ ngày nhận được quyết định", "nhận được quyết định"),
        ("kể từ ngày ký", "ký"),
        ("kể từ ngày nhận đủ hồ sơ hợp lệ", "hồ sơ"),
        ("kể từ ngày quyết định có hiệu lực", "hiệu lực"),
        ("kể từ ngày kết thúc năm ngân sách", "năm ngân sách"),
        ("kể từ ngày được cấp giấy phép", "giấy phép"),
        ("kể từ ngày thay đổi nơi cư trú", "cư trú"),
    ]
    counts = [
        ("Trong 01 tháng", "1m"), ("Trong thời hạn 03 tháng", "3m"), ("Không quá 06 tháng", "6m"),
        ("Trong vòng 12 tháng", "12m"), ("Trong 01 năm", "1y"), ("Chậm nhất 02 năm", "2y"),
        ("Sau 03 tháng", "3m"), ("Trong thời gian 24 tháng", "24m"), ("Tối đa 05 năm", "5y"),
    ]  # fmt: skip
    for i, (event, _) in enumerate(events):
        for j in range(3):
            count, _tag = counts[(i * 3 + j) % len(counts)]
            yield Probe(f"{count} {event}", REVIEW, "months-years")
    yield Probe("Trong vòng một tháng kể từ ngày nhận được đơn", REVIEW, "months-years")
    yield Probe("Trong ba tháng kể từ ngày ký", REVIEW, "months-years")
    yield Probe("Trong 01 tháng (30 ngày) kể từ ngày nhận quyết định", rel("nhan_van_ban", 30), "months-years", settled=False)
    yield Probe("Trong 02 tháng (60 ngày) kể từ ngày ký", rel("ky_van_ban", 60), "months-years", settled=False)
    yield Probe("Sau 6 tháng kể từ ngày ban hành", REVIEW, "months-years")
    yield Probe("Chậm nhất 03 tháng sau khi kết thúc năm tài chính", REVIEW, "months-years")
    yield Probe("Chậm nhất 6 tháng kể từ ngày kết thúc năm ngân sách", REVIEW, "months-years")
    yield Probe("Trong vòng 01 năm kể từ ngày phát hiện", REVIEW, "months-years")
    yield Probe("Trong 1 tháng 15 ngày kể từ ngày nhận hồ sơ", REVIEW, "months-years")
    yield Probe("Trong 02 tháng 10 ngày kể từ ngày ký", REVIEW, "months-years")
    yield Probe("Trong 06 tháng đầu kể từ ngày khởi công", REVIEW, "months-years")
    yield Probe("Hằng năm, trong 03 tháng kể từ ngày kết thúc năm", REVIEW, "months-years")
    yield Probe("Trong 3 tháng, kể từ ngày nhận được quyết định giao đất", REVIEW, "months-years")
    yield Probe("Trong 12 tháng tiếp theo kể từ ngày ký", REVIEW, "months-years")
    yield Probe("Trong thời gian 18 tháng kể từ ngày có hiệu lực", REVIEW, "months-years")
    yield Probe("Trong 06 tháng, kể từ ngày quyết định thu hồi đất có hiệu lực", REVIEW, "months-years")
    yield Probe("Trong 3 năm kể từ ngày bàn giao", REVIEW, "months-years")
    yield Probe("Sau 01 năm kể từ ngày chấm dứt", REVIEW, "months-years")
    yield Probe("Sau hai năm kể từ ngày chấp hành xong", REVIEW, "months-years")


def about_when() -> Iterator[Probe]:
    """ "Khoảng …": about when; "trong khoảng (thời gian) từ … đến …" names a window."""
    yield Probe("Khoảng từ ngày 05/3 đến ngày 15/3/2026", REVIEW, "about")
    yield Probe("Khoảng từ 10/4 đến 20/4", REVIEW, "about")
    yield Probe("Khoảng từ tháng 5 đến tháng 7/2026", REVIEW, "about")
    yield Probe("Khoảng từ 10 đến 15 ngày kể từ ngày nhận hồ sơ", REVIEW, "about")
    yield Probe("Khoảng 15 ngày kể từ ngày nhận đủ hồ sơ", rel("ho_so_tiep_nhan", 15), "about", settled=False)
    yield Probe("Khoảng tháng 9/2026", REVIEW, "about")
    yield Probe("Khoảng giữa tháng 6", REVIEW, "about")
    yield Probe("Khoảng cuối tháng 10/2026", REVIEW, "about")
    yield Probe("Khoảng đầu quý III", REVIEW, "about")
    yield Probe("Khoảng ngày 20/8/2026", REVIEW, "about")
    yield Probe("Trong khoảng từ ngày 05/3 đến ngày 15/3/2026", ("2026-03-15",), "about")
    yield Probe("Trong khoảng thời gian từ 01/6/2026 đến 30/6/2026", ("2026-06-30",), "about")
    yield Probe("Khoảng từ 7 giờ đến 11 giờ ngày 15/5/2026", REVIEW, "about")
    yield Probe("Khoảng 10 ngày sau khi kết thúc hội nghị", rel("ket_thuc", 10), "about", settled=False)
    yield Probe("Dự kiến khoảng từ ngày 10/10 đến 20/10/2026", REVIEW, "about")
    yield Probe("Vào khoảng từ 15/11 đến 25/11", REVIEW, "about")
    yield Probe("Khoảng từ giữa tháng 3 đến cuối tháng 4", REVIEW, "about")
    yield Probe("Từ khoảng ngày 10/9 đến ngày 30/9/2026", REVIEW, "about")
    yield Probe("Khoảng 2 - 3 ngày kể từ ngày nhận hồ sơ", REVIEW, "about")
    yield Probe("Khoảng từ quý II đến quý III/2026", REVIEW, "about")
    yield Probe("Trong khoảng từ tháng 5 đến tháng 7/2026", ("2026-07-31",), "about", settled=False)


def words_after_the_event() -> Iterator[Probe]:
    """The event's words run on past a comma: the task's own words (harmless), or words that
    change the count (a case, an alternative, an exception)."""
    ev, k = "kể từ ngày nhận đủ hồ sơ hợp lệ", "ho_so_tiep_nhan"
    yield Probe(f"Trong 05 ngày làm việc {ev}, UBND xã có trách nhiệm trả kết quả", rel(k, 5, True), "after-event", settled=False)
    yield Probe(f"Trong 05 ngày làm việc {ev}, cơ quan tiếp nhận phải trả lời", rel(k, 5, True), "after-event", settled=False)
    yield Probe(f"Trong 10 ngày làm việc {ev}, đối với hồ sơ của hộ gia đình, cá nhân", rel(k, 10, True), "after-event", settled=False)
    # Relabelled after the run, as the "trừ trường hợp" cell of ``conditions``: first REVIEW.
    yield Probe(f"Trong 10 ngày làm việc {ev}, trừ trường hợp phải kiểm tra thực địa", rel(k, 10, True), "after-event", settled=False)
    yield Probe(f"Trong 10 ngày làm việc {ev}, hoặc kể từ ngày nhận được kết quả kiểm tra", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, hoặc ngày nhận được ý kiến của Sở", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, nhưng không quá ngày 31/12/2026", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, chậm nhất trước ngày 15/12/2026", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, đến hết ngày 30/11/2026", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, sau khi có ý kiến của Sở", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, khi có ý kiến thống nhất của huyện", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, mỗi lần bổ sung tính lại từ đầu", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, tính cả ngày nghỉ", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, cả ngày thứ Bảy", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, trước khi trình UBND huyện", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, sớm hơn nếu có thể", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, trường hợp khẩn thì rút ngắn", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, riêng hồ sơ tổ chức thì lâu hơn", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, trường hợp hồ sơ phức tạp thì lâu hơn", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, kể cả khi phải xác minh", rel(k, 10, True), "after-event", settled=False)
    yield Probe(f"Trong 10 ngày làm việc {ev}, không phân biệt hồ sơ giấy hay trực tuyến", rel(k, 10, True), "after-event", settled=False)
    yield Probe(f"Trong 10 ngày làm việc {ev}, tính theo dấu bưu điện", rel(k, 10, True), "after-event", settled=False)
    yield Probe(f"Trong 10 ngày làm việc {ev}, chưa tính thời gian chuyển hồ sơ", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, thời gian trình ký không tính", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, nếu cần thiết có thể tăng thêm", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, lùi lại nếu trùng kỳ họp", REVIEW, "after-event")
    yield Probe(f"Trong 10 ngày làm việc {ev}, đến khi trả kết quả", rel(k, 10, True), "after-event", settled=False)
    yield Probe(f"Trong 10 ngày làm việc {ev} và nộp phí", REVIEW, "after-event", settled=False, also=(rel(k, 10, True),))
    yield Probe(f"Trong 10 ngày làm việc {ev} hoặc hồ sơ bổ sung", REVIEW, "after-event", settled=False, also=(rel(k, 10, True),))
    yield Probe("Trong 07 ngày kể từ ngày nhận được văn bản, quá thời hạn trên mà không trả lời thì xem như đồng ý", rel("nhan_van_ban", 7), "after-event", settled=False)


def from_periods_and_dates() -> Iterator[Probe]:
    """Counts from the end of a period or from a date written out."""
    q_ends = [date(YEAR - 1, 12, 31), date(YEAR, 3, 31), date(YEAR, 6, 30), date(YEAR, 9, 30), date(YEAR, 12, 31)]
    def after(days: int, ends: list[date]) -> tuple[str, ...]:
        return tuple(sorted({iso(e + timedelta(days=days)) for e in ends if (e + timedelta(days=days)).year == YEAR}))
    yield Probe("Trong 15 ngày kể từ ngày kết thúc quý", after(15, q_ends), "from-period")
    yield Probe("Chậm nhất 20 ngày kể từ ngày kết thúc quý", after(20, q_ends), "from-period")
    yield Probe("Trong 30 ngày kể từ ngày kết thúc 6 tháng đầu năm", (iso(date(YEAR, 7, 30)),), "from-period")
    yield Probe("Trong 10 ngày kể từ ngày kết thúc tháng", after(10, [date(YEAR - 1, 12, 31)] + [date(YEAR, m + 1, 1) - timedelta(days=1) for m in range(1, 12)] + [date(YEAR, 12, 31)]), "from-period")
    # Relabelled after the run: first from last year's end (due in the plan's year); a tune
    # label counts from the plan's own year's end (due early the next year), the corpus's
    # convention.
    yield Probe("Chậm nhất 90 ngày kể từ ngày kết thúc năm tài chính", (iso(date(YEAR, 12, 31) + timedelta(days=90)),), "from-period", settled=False)
    yield Probe("Trong 30 ngày kể từ ngày kết thúc năm", (iso(date(YEAR, 12, 31) + timedelta(days=30)),), "from-period", settled=False)
    yield Probe("Trong 15 ngày kể từ ngày kết thúc quý (ngày làm việc)", REVIEW, "from-period")
    yield Probe("Trong 10 ngày làm việc kể từ ngày kết thúc quý", REVIEW, "from-period")
    yield Probe("Trong 15 ngày kể từ ngày kết thúc kỳ báo cáo", REVIEW, "from-period")
    yield Probe("Trong 20 ngày kể từ ngày kết thúc học kỳ", REVIEW, "from-period")
    yield Probe("Trong 10 ngày kể từ ngày kết thúc đợt", REVIEW, "from-period", settled=False, also=(rel("ket_thuc", 10),))
    yield Probe("Trong 10 ngày kể từ ngày 01/7/2026", (iso(date(YEAR, 7, 11)),), "from-date", settled=False)
    yield Probe("Trong 30 ngày kể từ ngày 15/3/2026", (iso(date(YEAR, 4, 14)),), "from-date", settled=False)
    yield Probe("Chậm nhất 15 ngày kể từ ngày 01/10/2026", (iso(date(YEAR, 10, 16)),), "from-date", settled=False)
    yield Probe("Trong 05 ngày làm việc kể từ ngày 04/5/2026", (iso(date(YEAR, 5, 11)),), "from-date", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày 20/12/2026", (iso(date(YEAR, 12, 30)),), "from-date", settled=False)
    yield Probe("Trong 30 ngày kể từ ngày 01/7", (iso(date(YEAR, 7, 31)),), "from-date", settled=False)
    yield Probe("Sau 15 ngày kể từ ngày 01/3/2026", (iso(date(YEAR, 3, 16)),), "from-date", settled=False)
    yield Probe("Trong 03 tháng kể từ ngày 01/7/2026", (iso(date(YEAR, 9, 30)),), "from-date", settled=False, also=((iso(date(YEAR, 10, 1)),),))
    yield Probe("Trong 01 năm kể từ ngày 01/01/2026", (iso(date(YEAR, 12, 31)),), "from-date", settled=False, also=((iso(date(YEAR + 1, 1, 1)),),))
    yield Probe("30 ngày trước ngày 31/12/2026", (iso(date(YEAR, 12, 1)),), "from-date", settled=False)
    yield Probe("Trước ngày 15/12/2026 ít nhất 10 ngày", (iso(date(YEAR, 12, 5)),), "from-date", settled=False)


def before_events() -> Iterator[Probe]:
    """Counts back from an event."""
    yield Probe("Chậm nhất 05 ngày trước ngày tổ chức hội nghị", rel("tap_huan", -5), "before", also=(rel("su_kien", -5),))
    yield Probe("Trước ngày khai mạc kỳ họp ít nhất 07 ngày", rel("ky_hop", -7), "before")
    yield Probe("Trước khi khai mạc kỳ họp 10 ngày", rel("ky_hop", -10), "before")
    yield Probe("Chậm nhất 30 ngày trước ngày hết hạn giấy phép", rel("su_kien", -30), "before")
    yield Probe("Trước khi giấy phép hết hạn 60 ngày", rel("su_kien", -60), "before")
    yield Probe("Chậm nhất 15 ngày trước khi hết thời hạn tạm trú", rel("su_kien", -15), "before")
    yield Probe("Trước 03 ngày làm việc so với ngày tổ chức", rel("su_kien", -3, True), "before", settled=False)
    yield Probe("20 ngày trước ngày bầu cử", rel("bau_cu", -20), "before")
    yield Probe("Chậm nhất 05 ngày làm việc trước ngày họp", rel("ky_hop", -5, True), "before", also=(rel("su_kien", -5, True),))
    yield Probe("Ít nhất 03 ngày trước khi tổ chức tiếp xúc cử tri", rel("su_kien", -3), "before")
    yield Probe("Trước 01 ngày của hồ sơ đến hạn", rel("ho_so_den_han", -1), "before")
    yield Probe("Chậm nhất 02 tháng trước ngày hết hạn", REVIEW, "before")
    yield Probe("Trước khi hết hạn 01 năm", REVIEW, "before")
    yield Probe("Chậm nhất 45 ngày trước ngày kết thúc năm học", REVIEW, "before", settled=False, also=(rel("ket_thuc", -45),))
    yield Probe("Trước ngày hết hạn hợp đồng 30 ngày", rel("su_kien", -30), "before")
    yield Probe("Trước 10 ngày đến 15 ngày so với ngày khai mạc", REVIEW, "before")
    yield Probe("Trước ngày khai mạc từ 05 đến 07 ngày", REVIEW, "before")
    yield Probe("Chậm nhất 24 giờ trước khi khai mạc", REVIEW, "before")
    yield Probe("Trước và sau ngày bầu cử 05 ngày", REVIEW, "before")


def second_batch() -> Iterator[Probe]:
    """Written after the first run and its rules, before the reader was run on these: new
    wordings of the same classes, to see whether the rules hold beyond the cells that made
    them (README, seventh pass: "second sight"). Cells the rules must not flag are among them."""
    ho, vb = "ho_so_tiep_nhan", "nhan_van_ban"
    # What a count runs from.
    yield Probe("Trong 05 ngày kể từ ngày phiên họp bế mạc", rel("ket_thuc", 5), "b2-event")
    yield Probe("Chậm nhất 07 ngày kể từ ngày hội thảo kết thúc", rel("ket_thuc", 7), "b2-event")
    yield Probe("Trong 10 ngày kể từ ngày cuộc thanh tra kết thúc", rel("ket_thuc", 10), "b2-event")
    yield Probe("Trong 03 ngày kể từ ngày nhận được thông báo kết thúc kỳ họp", rel(vb, 3), "b2-event")
    yield Probe("Trong 15 ngày kể từ ngày nhận được đề án", rel(vb, 15), "b2-event", also=(rel("su_kien", 15),))
    yield Probe("Trong 07 ngày kể từ ngày nhận được phương án bồi thường", rel(vb, 7), "b2-event", also=(rel("su_kien", 7),))
    yield Probe("Trong 10 ngày kể từ ngày nhận được hợp đồng", rel(vb, 10), "b2-event", also=(rel("su_kien", 10),))
    yield Probe("Trong 05 ngày kể từ ngày nhận được báo cáo của đoàn kiểm tra", rel(vb, 5), "b2-event")
    yield Probe("Trong 10 ngày kể từ ngày nhận được văn bản thẩm định", rel(vb, 10), "b2-event")
    yield Probe("Trong 20 ngày kể từ ngày nhận được thông báo kết quả phê duyệt", rel(vb, 20), "b2-event")
    yield Probe("Trong 10 ngày kể từ ngày trình hồ sơ", rel("su_kien", 10), "b2-event")
    yield Probe("Trong 05 ngày làm việc kể từ ngày gửi báo cáo", rel("su_kien", 5, True), "b2-event")
    yield Probe("Trong 07 ngày kể từ ngày nộp tờ khai", rel("su_kien", 7), "b2-event")
    yield Probe("Trong 10 ngày kể từ ngày xin ý kiến", rel("su_kien", 10), "b2-event")
    yield Probe("Trong 05 ngày kể từ ngày UBND huyện trình phê duyệt", rel("su_kien", 5), "b2-event")
    yield Probe("Trong 10 ngày kể từ ngày Sở đề nghị phê duyệt", rel("su_kien", 10), "b2-event", also=(rel("yeu_cau", 10),))
    yield Probe("Trong 10 ngày kể từ ngày hết hạn đăng ký", rel("su_kien", 10), "b2-event")
    yield Probe("Trong 15 ngày kể từ ngày hết thời hạn niêm yết", rel("su_kien", 15), "b2-event")
    yield Probe("Trong 07 ngày kể từ ngày đến hạn nộp phí", rel("su_kien", 7), "b2-event")
    yield Probe("Trong 05 ngày kể từ ngày đến hạn trả kết quả", rel("ho_so_den_han", 5), "b2-event")
    yield Probe("Trong 10 ngày kể từ ngày thông báo kết quả bầu cử", rel("su_kien", 10), "b2-event")
    yield Probe("Chậm nhất 15 ngày sau khi có kết quả kỳ họp", rel("su_kien", 15), "b2-event")
    yield Probe("Trong 05 ngày kể từ ngày ký kết hợp đồng", rel("ky_van_ban", 5), "b2-event", also=(rel("su_kien", 5),))
    yield Probe("Trong 10 ngày kể từ ngày ký phụ lục hợp đồng", rel("ky_van_ban", 10), "b2-event", also=(rel("su_kien", 10),))
    yield Probe("Trong 03 ngày kể từ ngày thanh lý hợp đồng", rel("su_kien", 3), "b2-event")
    yield Probe("Trong 05 ngày kể từ ngày văn bản hết hiệu lực", rel("su_kien", 5), "b2-event")
    yield Probe("Trong 10 ngày kể từ ngày nhận được văn bản hướng dẫn", rel(vb, 10), "b2-event", also=(rel("huong_dan_cap_tren", 10),))
    yield Probe("Trong 07 ngày kể từ ngày có văn bản hướng dẫn của Sở", rel("huong_dan_cap_tren", 7), "b2-event")
    yield Probe("Trong 05 ngày kể từ ngày hướng dẫn viên bàn giao đoàn khách", rel("su_kien", 5), "b2-event")
    yield Probe("Trong 04 ngày làm việc kể từ ngày nhận được giấy báo", rel(vb, 4, True), "b2-event", also=(rel("su_kien", 4, True),))
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ đề nghị cấp giấy phép", rel(ho, 10), "b2-event")
    yield Probe("Trong 06 ngày kể từ ngày nhận được đơn đề nghị phê duyệt", rel(vb, 6), "b2-event")
    yield Probe("Trong 08 ngày kể từ ngày hội đồng họp xét", rel("su_kien", 8), "b2-event", also=(rel("ky_hop", 8),))
    # Working or calendar days.
    yield Probe("Trong 08 ngày kể từ ngày nhận đủ hồ sơ (trừ ngày nghỉ)", rel(ho, 8, True), "b2-days", settled=False)
    yield Probe("Trong 12 ngày kể từ ngày nhận đơn, không tính ngày nghỉ hằng tuần", REVIEW, "b2-days")
    yield Probe("Trong 10 ngày làm việc kể từ ngày nhận đơn (không kể ngày lễ)", rel(vb, 10, True), "b2-days", settled=False)
    yield Probe("Trong 15 ngày (không kể thứ Bảy, Chủ nhật) kể từ ngày nhận đơn", rel(vb, 15, True), "b2-days", settled=False)
    # Several counts.
    yield Probe("Trong 05 ngày kể từ ngày nhận đơn; 07 ngày đối với vụ việc ở vùng sâu", REVIEW, "b2-several")
    yield Probe("Cá nhân: 03 ngày làm việc; tổ chức: 05 ngày làm việc", REVIEW, "b2-several")
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ hoặc 20 ngày nếu phải thẩm định", REVIEW, "b2-several")
    yield Probe("Trong 15 ngày kể từ ngày nhận đơn, hoặc kể từ ngày hòa giải không thành", REVIEW, "b2-several")
    yield Probe("Trong 07 ngày kể từ ngày ký hoặc kể từ ngày công bố", REVIEW, "b2-several")
    yield Probe("Trong 30 ngày kể từ ngày thụ lý, hoặc ngày nhận được kết quả giám định", REVIEW, "b2-several")
    yield Probe("Trong 20 ngày kể từ ngày nhận được quyết định hoặc văn bản thông báo", rel(vb, 20), "b2-several", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn (15 ngày đối với đơn có nhiều nội dung)", REVIEW, "b2-several")
    # Hours.
    yield Probe("48 giờ kể từ khi nhận được thông báo", REVIEW, "b2-hours")
    yield Probe("08 giờ, kể từ khi có yêu cầu", REVIEW, "b2-hours")
    yield Probe("Trong vòng 6 giờ kể từ khi phát hiện", REVIEW, "b2-hours")
    yield Probe("02 giờ sau khi kết thúc", REVIEW, "b2-hours")
    yield Probe("20 giờ tính từ khi nhận tin", REVIEW, "b2-hours")
    # Words after the event.
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ, nếu hồ sơ đầy đủ", rel(ho, 10), "b2-after", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ, trường hợp vắng mặt thì hoãn", REVIEW, "b2-after")
    yield Probe("Trong 15 ngày kể từ ngày nhận hồ sơ, không tính ngày bổ sung", REVIEW, "b2-after")
    yield Probe("Trong 05 ngày kể từ ngày nhận hồ sơ, thời gian lấy ý kiến không tính vào", REVIEW, "b2-after")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn, thời gian hòa giải được tính thêm", REVIEW, "b2-after")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn, có thể chậm hơn", REVIEW, "b2-after")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn, tạm dừng khi chờ giám định", REVIEW, "b2-after")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn, thời gian giám định được trừ ra", REVIEW, "b2-after")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn mà không giải quyết thì chuyển lên cấp trên", REVIEW, "b2-after")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn, thời hạn có thể dài hơn với vụ việc phức tạp", REVIEW, "b2-after")
    yield Probe("Trong 07 ngày kể từ ngày nhận đơn, UBND xã tổ chức hòa giải", rel(vb, 7), "b2-after")
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận hồ sơ, công chức kiểm tra và trình ký", rel(ho, 5, True), "b2-after")
    yield Probe("Trong 10 ngày kể từ ngày nhận được đơn, Chủ tịch UBND xã thụ lý và thông báo cho người khiếu nại", rel(vb, 10), "b2-after")
    yield Probe("Trong 03 ngày kể từ ngày ký, Văn phòng gửi các đơn vị", rel("ky_van_ban", 3), "b2-after")
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, Phòng Tư pháp thẩm định, trình UBND huyện", rel(ho, 5, True), "b2-after")
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ, hoặc sớm hơn theo yêu cầu", REVIEW, "b2-after")
    # "ngay".
    yield Probe("Ngay khi có thông báo", REVIEW, "b2-ngay")
    yield Probe("Thực hiện ngay sau khi nhận văn bản", REVIEW, "b2-ngay")
    yield Probe("Ngay trong ngày làm việc", REVIEW, "b2-ngay")
    yield Probe("Giải quyết trong ngày làm việc tiếp theo", REVIEW, "b2-ngay")
    yield Probe("Trong ngày làm việc kế tiếp kể từ ngày nhận đơn", rel(vb, 1, True), "b2-ngay", settled=False)
    yield Probe("Trả kết quả ngay trong ngày", REVIEW, "b2-ngay")
    yield Probe("Ngay khi nhận được văn bản của huyện", REVIEW, "b2-ngay")
    # Steps.
    yield Probe("a) 03 ngày kể từ ngày nhận đơn; b) 05 ngày kể từ ngày hòa giải", REVIEW, "b2-steps")
    yield Probe("- Cấp xã: 07 ngày\n- Cấp huyện: 10 ngày", REVIEW, "b2-steps")
    yield Probe("Bước 2: Trong 03 ngày làm việc kể từ ngày nhận hồ sơ do bộ phận một cửa chuyển đến", rel(ho, 3, True), "b2-steps", settled=False)
    yield Probe("b) trong 05 ngày kể từ ngày nhận được biên bản hòa giải", rel(vb, 5), "b2-steps", settled=False, also=(rel("su_kien", 5),))
    # Terms of validity.
    yield Probe("Có giá trị sử dụng 90 ngày kể từ ngày cấp", REVIEW, "b2-validity")
    yield Probe("Có hiệu lực thi hành sau 15 ngày kể từ ngày ký", REVIEW, "b2-validity")
    yield Probe("Giá trị 30 ngày kể từ ngày cấp", REVIEW, "b2-validity")
    yield Probe("Hiệu lực trong vòng 60 ngày kể từ ngày ký", REVIEW, "b2-validity")
    yield Probe("Thời hạn hiệu lực 30 ngày kể từ ngày ký", REVIEW, "b2-validity")
    yield Probe("Có giá trị đến khi có quyết định thay thế", REVIEW, "b2-validity")
    yield Probe("Sử dụng trong 06 tháng kể từ ngày cấp", REVIEW, "b2-validity")
    # Caps.
    yield Probe("Tối đa không quá 20 ngày kể từ ngày nhận đơn", rel(vb, 20), "b2-cap")
    yield Probe("Trong thời gian không quá 10 ngày làm việc kể từ ngày tiếp nhận hồ sơ", rel(ho, 10, True), "b2-cap")
    yield Probe("Không quá 05 ngày làm việc, kể từ ngày nhận được yêu cầu", rel(vb, 5, True), "b2-cap")
    yield Probe("Chậm nhất không quá 15 ngày kể từ ngày ký", rel("ky_van_ban", 15), "b2-cap")
    yield Probe("Ít nhất 05 ngày làm việc kể từ ngày niêm yết", REVIEW, "b2-cap")
    # Extensions.
    yield Probe("Trong 30 ngày kể từ ngày thụ lý; có thể kéo dài thêm 15 ngày", REVIEW, "b2-extension")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn (gia hạn tối đa 05 ngày)", REVIEW, "b2-extension")
    yield Probe("Trong 20 ngày kể từ ngày nhận đơn, được gia hạn không quá 10 ngày", REVIEW, "b2-extension")
    yield Probe("Gia hạn 15 ngày", REVIEW, "b2-extension")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn; gia hạn nếu cần", REVIEW, "b2-extension")
    # Months and years.
    yield Probe("Trong 02 tháng kể từ ngày nhận hồ sơ", REVIEW, "b2-months")
    yield Probe("Trong 6 tháng kể từ ngày được giao đất", REVIEW, "b2-months")
    yield Probe("Trong thời hạn 1 năm kể từ ngày đăng ký", REVIEW, "b2-months")
    yield Probe("Sau 12 tháng kể từ ngày bàn giao", REVIEW, "b2-months")
    yield Probe("Trong 04 tháng kể từ ngày kết thúc năm", REVIEW, "b2-months")
    yield Probe("Trong hai tháng, kể từ ngày nhận được quyết định", REVIEW, "b2-months")
    # About when.
    yield Probe("Khoảng từ 20 đến 30/9/2026", REVIEW, "b2-about")
    yield Probe("Khoảng từ ngày 1/11 - 10/11/2026", REVIEW, "b2-about")
    yield Probe("Khoảng 07 ngày làm việc kể từ ngày nhận hồ sơ", rel(ho, 7, True), "b2-about", settled=False)
    yield Probe("Khoảng 1 tuần kể từ ngày nhận đơn", REVIEW, "b2-about")
    yield Probe("Khoảng từ cuối tháng 8 đến đầu tháng 9", REVIEW, "b2-about")
    # Before an event.
    yield Probe("Chậm nhất 15 ngày trước ngày hết hạn hợp đồng", rel("su_kien", -15), "b2-before")
    yield Probe("Trước ngày khai giảng ít nhất 10 ngày", rel("su_kien", -10), "b2-before")
    yield Probe("05 ngày làm việc trước ngày họp", rel("ky_hop", -5, True), "b2-before", also=(rel("su_kien", -5, True),))
    yield Probe("Trước 07 ngày so với ngày hết hạn nộp hồ sơ", rel("su_kien", -7), "b2-before")
    # Periods' ends.
    yield Probe("Trong 20 ngày kể từ ngày kết thúc học kỳ I", REVIEW, "b2-period")
    yield Probe("Trong 45 ngày kể từ ngày kết thúc năm ngân sách", (iso(date(YEAR, 12, 31) + timedelta(days=45)),), "b2-period", settled=False)


def third_batch() -> Iterator[Probe]:
    """Written after the second batch's rules, before the reader was run on these: counts
    beside words the reader may take for filler ("quá", "trên", "tới", "hạn", "hết", "lần",
    parts of the day, "hôm sau"), the Nth day, counts with no number ("thời hạn quy định")."""
    vb, ho = "nhan_van_ban", "ho_so_tiep_nhan"
    yield Probe("Quá 10 ngày kể từ ngày nhận đơn", REVIEW, "b3-filler")
    yield Probe("Quá hạn 05 ngày kể từ ngày hồ sơ đến hạn", REVIEW, "b3-filler")
    yield Probe("Trên 10 ngày kể từ ngày nhận đơn", REVIEW, "b3-filler")
    yield Probe("Tới 10 ngày kể từ ngày nhận đơn", REVIEW, "b3-filler", settled=False, also=(rel(vb, 10),))
    yield Probe("Hạn 10 ngày kể từ ngày nhận đơn", rel(vb, 10), "b3-filler", settled=False)
    yield Probe("Hạn giải quyết 07 ngày làm việc kể từ ngày nhận hồ sơ", rel(ho, 7, True), "b3-filler", settled=False)
    yield Probe("10 ngày kể từ ngày nhận đơn, tháng sau báo cáo", REVIEW, "b3-filler")
    # Relabelled after the run: first REVIEW; a tune label reads a count from an event named
    # with its year ("… kỳ họp cuối năm trước") as a count from that event, the corpus's way.
    yield Probe("10 ngày kể từ ngày nhận đơn năm trước", rel(vb, 10), "b3-filler", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày nhận hồ sơ lần 2", rel(ho, 10), "b3-filler", settled=False)
    yield Probe("Đợt 2: trong 10 ngày kể từ ngày nhận hồ sơ", rel(ho, 10), "b3-filler", settled=False)
    yield Probe("Mỗi lần 10 ngày kể từ ngày nhận đơn", REVIEW, "b3-filler")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn, chiều thứ Sáu trả kết quả", REVIEW, "b3-filler")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn, sáng hôm sau trả kết quả", REVIEW, "b3-filler")
    yield Probe("Chiều cùng ngày nhận hồ sơ", REVIEW, "b3-filler")
    yield Probe("Sáng hôm sau ngày nhận hồ sơ", REVIEW, "b3-filler")
    yield Probe("Hết 10 ngày kể từ ngày nhận đơn", rel(vb, 10), "b3-filler", settled=False)
    yield Probe("Kéo dài 10 ngày kể từ ngày khai mạc", REVIEW, "b3-filler")
    yield Probe("Chậm 10 ngày so với ngày nhận đơn", REVIEW, "b3-filler")
    yield Probe("Sớm hơn 05 ngày so với thời hạn", REVIEW, "b3-filler")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn (tức trước ngày 15/6/2026)", REVIEW, "b3-filler", settled=False, also=(("2026-06-15",),))
    yield Probe("Ngày thứ 10 kể từ ngày nhận đơn", rel(vb, 10), "b3-nth")
    yield Probe("Trước ngày thứ 10 kể từ ngày nhận đơn", rel(vb, 10), "b3-nth", settled=False)
    yield Probe("Sau ngày thứ 10 kể từ ngày nhận đơn", REVIEW, "b3-nth")
    yield Probe("Từ ngày thứ 11 kể từ ngày nhận đơn", REVIEW, "b3-nth")
    yield Probe("Trong thời hạn quy định kể từ ngày nhận đơn", REVIEW, "b3-none")
    yield Probe("Theo thời hạn quy định", REVIEW, "b3-none")
    yield Probe("Trong thời hạn luật định", REVIEW, "b3-none")
    yield Probe("Trong thời gian sớm nhất kể từ ngày nhận đơn", REVIEW, "b3-none")
    yield Probe("Trong thời hạn ngắn nhất kể từ ngày nhận hồ sơ", REVIEW, "b3-none")
    yield Probe("Trong thời hạn theo quy định của pháp luật kể từ ngày thụ lý", REVIEW, "b3-none")


def fourth_batch() -> Iterator[Probe]:
    """Written after the merge with round twenty, before the reader was run on these: other
    ways of saying when a count starts, counts beside their reasons, works and sites, weeks."""
    vb, ho = "nhan_van_ban", "ho_so_tiep_nhan"
    yield Probe("Trong 05 ngày làm việc kể từ thời điểm nhận đủ hồ sơ", rel(ho, 5, True), "b4-start")
    yield Probe("Trong 07 ngày kể từ lúc nhận được đơn", rel(vb, 7), "b4-start")
    yield Probe("10 ngày làm việc tính từ ngày tiếp nhận hồ sơ hợp lệ", rel(ho, 10, True), "b4-start")
    yield Probe("Sau 15 ngày kể từ ngày nhận được thông báo", rel(vb, 15), "b4-start")
    yield Probe("Trong hạn 10 ngày kể từ ngày nhận đơn", rel(vb, 10), "b4-start", settled=False)
    yield Probe("Vòng 07 ngày kể từ ngày nhận hồ sơ", rel(ho, 7), "b4-start", settled=False)
    yield Probe("Trong 10 ngày, tính từ ngày nhận được văn bản", rel(vb, 10), "b4-start")
    yield Probe("Trong 10 ngày (tính từ ngày nhận được văn bản)", rel(vb, 10), "b4-start")
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận được kết quả xác minh", rel(vb, 5, True), "b4-start", also=(rel("su_kien", 5, True),))
    yield Probe("Trong 03 ngày kể từ ngày được thông báo", rel("su_kien", 3), "b4-start", also=(rel(vb, 3),))
    yield Probe("Trong 10 ngày kể từ ngày nhận bàn giao", rel("su_kien", 10), "b4-start")
    yield Probe("Trong 15 ngày kể từ ngày kết thúc thời gian niêm yết", rel("ket_thuc", 15), "b4-start", also=(rel("su_kien", 15),))
    yield Probe("Trong 30 ngày kể từ ngày có kết luận thanh tra", rel("su_kien", 30), "b4-start", also=(rel("ky_van_ban", 30),))
    yield Probe("Trong 10 ngày kể từ ngày khởi công", rel("su_kien", 10), "b4-start")
    yield Probe("Trong 20 ngày kể từ ngày nghiệm thu công trình", rel("su_kien", 20), "b4-start")
    yield Probe("Trong 05 ngày kể từ ngày hoàn thành việc niêm yết", rel("su_kien", 5), "b4-start")
    yield Probe("Trong 07 ngày kể từ ngày xảy ra thiên tai", rel("su_kien", 7), "b4-start")
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận được danh sách", rel(vb, 5, True), "b4-start", also=(rel("su_kien", 5, True),))
    yield Probe("Trong 10 ngày kể từ ngày nhận được quyết định giao đất", rel(vb, 10), "b4-start", also=(rel("su_kien", 10),))
    yield Probe("Trong 05 ngày kể từ ngày nhận được ý kiến của các cơ quan", rel(vb, 5), "b4-start", also=(rel("su_kien", 5),))
    yield Probe("Trong 03 ngày kể từ ngày nhận được phiếu chuyển", rel(vb, 3), "b4-start", also=(rel("su_kien", 3), rel("pakn_chuyen_den", 3)))
    yield Probe("Trong 10 ngày kể từ ngày kỳ họp HĐND xã bế mạc", rel("ket_thuc", 10), "b4-start")
    yield Probe("Trong 05 ngày kể từ ngày đại hội kết thúc", rel("ket_thuc", 5), "b4-start")
    yield Probe("Trong 07 ngày kể từ ngày bế mạc đại hội", rel("ket_thuc", 7), "b4-start")
    yield Probe("Trong 10 ngày kể từ ngày công bố kết quả kiểm tra", rel("su_kien", 10), "b4-start")
    yield Probe("Trong 10 ngày kể từ ngày có quyết định phê duyệt kết quả", rel("phe_duyet", 10), "b4-start")
    yield Probe("Trong 30 ngày kể từ ngày chương trình được thông qua", rel("phe_duyet", 30), "b4-start")
    yield Probe("Trong 15 ngày kể từ ngày UBND tỉnh chấp thuận chủ trương", rel("phe_duyet", 15), "b4-start")
    # Counts beside their reasons or their sites.
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ (theo Quyết định số 15/QĐ-UBND)", rel(ho, 5, True), "b4-reason", settled=False)
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ (rút ngắn 02 ngày so với quy định)", REVIEW, "b4-reason", settled=False, also=(rel(ho, 5, True),))
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ (quy định 07 ngày)", REVIEW, "b4-reason")
    yield Probe("03 ngày làm việc (giảm 02 ngày) kể từ ngày nhận đủ hồ sơ", REVIEW, "b4-reason", settled=False, also=(rel(ho, 3, True),))
    yield Probe("Trong 10 ngày làm việc kể từ ngày nhận đủ hồ sơ tại Bộ phận Một cửa", rel(ho, 10, True), "b4-reason")
    yield Probe("Trong 10 ngày làm việc kể từ ngày nhận đủ hồ sơ trực tuyến", rel(ho, 10, True), "b4-reason")
    yield Probe("Trong 10 ngày làm việc kể từ ngày nhận đủ hồ sơ qua dịch vụ bưu chính", rel(ho, 10, True), "b4-reason")
    # Weeks and months said otherwise.
    yield Probe("Trong 01 tuần kể từ ngày nhận đơn", REVIEW, "b4-weeks")
    yield Probe("Trong tuần kể từ ngày nhận đơn", REVIEW, "b4-weeks")
    yield Probe("Trong tháng kể từ ngày nhận đơn", REVIEW, "b4-weeks")
    yield Probe("Trong nửa tháng kể từ ngày nhận đơn", REVIEW, "b4-weeks")
    yield Probe("Trong một tuần làm việc kể từ ngày nhận hồ sơ", REVIEW, "b4-weeks")
    yield Probe("Trong tháng tiếp theo kể từ ngày nhận đơn", REVIEW, "b4-weeks")
    yield Probe("Trong 15 ngày đầu kể từ ngày khai giảng", REVIEW, "b4-weeks", settled=False, also=(rel("su_kien", 15),))
    # Leads and numbers in other words.
    yield Probe("Hạn chót 10 ngày kể từ ngày nhận đơn", rel(vb, 10), "b4-lead", settled=False)
    yield Probe("Thời hạn là 15 ngày kể từ ngày nhận đơn", rel(vb, 15), "b4-lead")
    yield Probe("Thời gian giải quyết không quá 12 ngày làm việc kể từ ngày nhận đủ hồ sơ", rel(ho, 12, True), "b4-lead", settled=False)
    yield Probe("Mười lăm (15) ngày làm việc kể từ ngày nhận đủ hồ sơ", rel(ho, 15, True), "b4-lead")
    yield Probe("15 (mười năm) ngày kể từ ngày nhận đơn", rel(vb, 15), "b4-lead", settled=False)
    yield Probe("15 (mười sáu) ngày kể từ ngày nhận đơn", REVIEW, "b4-lead")
    yield Probe("Trong vòng 15-20 ngày kể từ ngày nhận đơn", REVIEW, "b4-lead")
    yield Probe("Trong 15 đến 20 ngày kể từ ngày nhận đơn", REVIEW, "b4-lead")
    yield Probe("Trong 10 ngày làm việc tiếp theo kể từ ngày nhận đơn", rel(vb, 10, True), "b4-lead", settled=False)
    yield Probe("Thêm 10 ngày kể từ ngày nhận đơn", REVIEW, "b4-lead")
    yield Probe("Trong 10 ngày nữa kể từ ngày nhận đơn", REVIEW, "b4-lead", settled=False, also=(rel(vb, 10),))
    yield Probe("Trước 10 ngày kể từ ngày nhận đơn", REVIEW, "b4-lead", settled=False, also=(rel(vb, 10),))
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn hợp lệ đầu tiên", rel(vb, 10), "b4-lead", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn cuối cùng", rel(vb, 10), "b4-lead", settled=False)
    # Holiday clauses beside counts.
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn; nếu ngày cuối trùng ngày nghỉ thì lùi sang ngày làm việc tiếp theo", rel(vb, 10), "b4-holiday", settled=False)
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ (không tính ngày nhận hồ sơ)", rel(ho, 5, True), "b4-holiday", settled=False)
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ (tính cả ngày nhận hồ sơ)", REVIEW, "b4-holiday")
    yield Probe("Trong 05 ngày kể từ ngày tiếp theo ngày nhận hồ sơ", REVIEW, "b4-holiday", settled=False, also=(rel(ho, 5),))


def fifth_batch() -> Iterator[Probe]:
    """Written after the merge with round nineteen, before the reader was run on these: a
    plan's timing column when a task waits on something, and procedures' cells with their
    header, cases and words around the count."""
    vb, ho = "nhan_van_ban", "ho_so_tiep_nhan"
    yield Probe("Sau khi có hướng dẫn của cấp trên", REVIEW, "b5-plan", settled=False, also=(rel("huong_dan_cap_tren", 0),))
    yield Probe("Trong 07 ngày sau khi có hướng dẫn của Sở", rel("huong_dan_cap_tren", 7), "b5-plan")
    yield Probe("Trong 05 ngày làm việc kể từ khi có văn bản chỉ đạo của huyện", rel("huong_dan_cap_tren", 5, True), "b5-plan")
    yield Probe("Chậm nhất 10 ngày sau khi kết thúc đợt tuyên truyền", rel("ket_thuc", 10), "b5-plan")
    yield Probe("Trong 15 ngày sau khi tổ chức hội nghị", rel("tap_huan", 15), "b5-plan", also=(rel("su_kien", 15),))
    yield Probe("Trong 03 ngày sau khi kết thúc lớp tập huấn", rel("ket_thuc", 3), "b5-plan")
    yield Probe("Sau 05 ngày kể từ ngày kết thúc cuộc kiểm tra", rel("ket_thuc", 5), "b5-plan")
    yield Probe("Chậm nhất 05 ngày làm việc trước ngày tổ chức kỳ họp", rel("ky_hop", -5, True), "b5-plan", also=(rel("su_kien", -5, True),))
    yield Probe("Trước khai mạc kỳ họp ít nhất 05 ngày", rel("ky_hop", -5), "b5-plan", settled=False)
    yield Probe("Trong 10 ngày kể từ sau khi nhận được kế hoạch của huyện", rel(vb, 10), "b5-plan", settled=False)
    yield Probe("Trong vòng 10 ngày kể từ khi nhận được kế hoạch", rel(vb, 10), "b5-plan")
    yield Probe("Trong 05 ngày kể từ khi nhận được báo cáo của các thôn", rel(vb, 5), "b5-plan")
    yield Probe("Trong 07 ngày kể từ khi có quyết định phân công", rel("su_kien", 7), "b5-plan", also=(rel("ky_van_ban", 7),))
    yield Probe("Trong 10 ngày kể từ khi có quyết định thành lập Ban chỉ đạo", rel("su_kien", 10), "b5-plan", also=(rel("ky_van_ban", 10),))
    yield Probe("Ngay sau khi có quyết định thành lập", REVIEW, "b5-plan")
    yield Probe("Khi có quyết định thành lập, trong 05 ngày phải ban hành quy chế", rel("su_kien", 5), "b5-plan", settled=False, also=(rel("ky_van_ban", 5),))
    # Procedures' cells with their header, cases and words around the count.
    yield Probe("Thời hạn giải quyết: Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", rel(ho, 5, True), "b5-proc", settled=False)
    yield Probe("Thời hạn: 10 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ", rel(ho, 10, True), "b5-proc", settled=False)
    yield Probe("- Thời hạn giải quyết: 03 ngày làm việc.", REVIEW, "b5-proc")
    yield Probe("Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, trường hợp phải gửi văn bản xác minh thì thời hạn không quá 10 ngày làm việc", REVIEW, "b5-proc")
    yield Probe("Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; nếu phải xác minh thì không quá 10 ngày làm việc", REVIEW, "b5-proc")
    yield Probe("Trong 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, cơ quan đăng ký cấp giấy chứng nhận", rel(ho, 3, True), "b5-proc")
    yield Probe("Trong 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, nếu hồ sơ chưa hợp lệ thì thông báo cho người nộp", rel(ho, 3, True), "b5-proc", settled=False)
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ. Trường hợp từ chối phải trả lời bằng văn bản và nêu rõ lý do", rel(ho, 5, True), "b5-proc", settled=False)
    yield Probe("Trong 20 ngày kể từ ngày nhận đủ hồ sơ; trong đó thời gian niêm yết là 07 ngày", REVIEW, "b5-proc", settled=False, also=(rel(ho, 20),))
    yield Probe("Trong 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (riêng trường hợp phải đo đạc không quá 20 ngày)", REVIEW, "b5-proc")
    yield Probe("Trong 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (đối với xã vùng sâu là 25 ngày)", REVIEW, "b5-proc")
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (cộng thêm 05 ngày nếu phải xác minh)", REVIEW, "b5-proc")
    yield Probe("Ngay trong ngày tiếp nhận; trường hợp nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo", REVIEW, "b5-proc")
    yield Probe("Trong 02 ngày làm việc kể từ ngày nhận đủ hồ sơ (không kể thời gian xác minh)", REVIEW, "b5-proc")
    yield Probe("Trong 02 ngày làm việc kể từ ngày nhận đủ hồ sơ (không bao gồm thời gian niêm yết)", REVIEW, "b5-proc")
    yield Probe("Trong 02 ngày làm việc kể từ ngày nhận đủ hồ sơ (chưa bao gồm thời gian thẩm định)", REVIEW, "b5-proc")
    yield Probe("Trong 02 ngày làm việc kể từ ngày nhận đủ hồ sơ và nộp lệ phí theo quy định", rel(ho, 2, True), "b5-proc")
    yield Probe("Trong 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ theo quy định của pháp luật", rel(ho, 7, True), "b5-proc")
    yield Probe("Trong 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, trừ ngày nghỉ lễ, Tết", rel(ho, 7, True), "b5-proc", settled=False)
    yield Probe("Trong 07 ngày kể từ ngày nhận đủ hồ sơ hợp lệ, trừ ngày nghỉ lễ, Tết", REVIEW, "b5-proc")
    yield Probe("Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, đến hết ngày làm việc thứ năm", rel(ho, 5, True), "b5-proc", settled=False)
    yield Probe("Đến hết ngày làm việc thứ 05 kể từ ngày nhận đủ hồ sơ", rel(ho, 5, True), "b5-proc", settled=False)
    yield Probe("Ngày làm việc thứ 03 kể từ ngày nhận đủ hồ sơ", rel(ho, 3, True), "b5-proc", settled=False)
    yield Probe("Trong 10 ngày kể từ ngày nhận đủ hồ sơ, hoặc theo thỏa thuận", REVIEW, "b5-proc")
    yield Probe("Trong 10 ngày kể từ ngày nhận đủ hồ sơ, tùy theo tính chất vụ việc", REVIEW, "b5-proc")
    yield Probe("Trong 10 ngày kể từ ngày nhận đủ hồ sơ, tùy trường hợp", REVIEW, "b5-proc")
    yield Probe("Từ 10 ngày kể từ ngày nhận đủ hồ sơ", REVIEW, "b5-proc")
    yield Probe("Tới hạn 10 ngày kể từ ngày nhận đơn", REVIEW, "b5-proc", settled=False, also=(rel(vb, 10),))
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn hoặc ngày được giao", REVIEW, "b5-proc")
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn, khi đủ điều kiện", REVIEW, "b5-proc", settled=False, also=(rel(vb, 10),))
    yield Probe("Trong 10 ngày kể từ ngày nhận đơn, sau đó báo cáo UBND huyện", rel(vb, 10), "b5-proc", settled=False)


# fmt: on

FAMILIES = [
    plain_counts,
    procedure_cells,
    partial_events,
    working_or_calendar,
    several_counts,
    hours,
    conditions,
    right_away,
    steps,
    validity_terms,
    caps,
    extensions,
    months_and_years,
    about_when,
    words_after_the_event,
    from_periods_and_dates,
    before_events,
    second_batch,
    third_batch,
    fourth_batch,
    fifth_batch,
]


PASS = Pass(FAMILIES, RIGHT_SHARE)
test_the_probes_are_a_few_hundred_distinct_cells = PASS.size_test(400, 1000)
test_no_cell_is_read_wrong_without_a_flag, test_most_cells_are_read_right = PASS.tests()


if __name__ == "__main__":  # uv run python -m tests.schedule.test_timing_probe7 [kind …] [--silent]
    PASS.print_misses()
