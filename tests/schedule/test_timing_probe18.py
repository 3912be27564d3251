"""The cell reader (``parse_timing``) on starts, open bounds and counts from events of any kind
(eighteenth probing pass, hprobe18).

Issue 12: unseen phrases are often flagged on a leftover "từ", "đến", "từ sau", "bắt đầu từ",
"trở đi", "cuối", "tuần" the reader did not attach, and on counts from events it has no kind
for ("kể từ ngày nhận được biên bản kiểm phiếu", "sau khi hoàn thành cắm mốc"). An event beyond
the known kinds becomes a relative rule of the generic kind (``su_kien``) carrying its words.

Each cell was written for this pass (none taken from the corpus) and its expected reading was
worked out from its words before the reader was run on any of them, in the corpus's terms
(``tests/plans/corpus/README.md``, "The label conventions, in one place"; the plan's year 2026):

- a start at a day alone, open ("trở đi", "cho đến khi hoàn thành", "đến khi có thông báo
  mới"), is continuous work (``cont``); at a month, a quarter or a year too; a start at a vague
  part of a month ("giữa tháng", "cuối tháng") or after a lunar feast ("sau Tết") is ``cont``
  or a flag; a start at an hour of a day with no end is a review;
- a window is due at its end ("từ nay đến hết năm": 31/12; "từ đầu năm đến 30/6": 30/6);
- an end with no start and no day ("cho đến khi có thông báo mới", "đến khi hoàn thành"), a
  start at a week with no date ("từ tuần sau"): REVIEW;
- N days from an event: ``rel:<kind>:±N<w|c>``; a text received ``nhan_van_ban``, a dossier
  received ``ho_so_tiep_nhan``, an election ``bau_cu``, a session or meeting opening or held
  ``ky_hop``, an end ``ket_thuc``, an approval ``phe_duyet``, a signing ``ky_van_ban``,
  anything else ``su_kien`` (where the reader has a narrower kind of its own, e.g.
  ``tap_huan`` for a conference held, it is taken too: ``also``);
- "ngay sau khi <event>" with no count, a count in months or hours from an event: REVIEW; a
  count in weeks is 7 days a week, or a flag.

Batches, each committed before the reader was run on it (README, eighteenth pass).

The property: no cell is read wrong without a flag; at least ``RIGHT_SHARE`` of the cells are
read right.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.plans.corpus.corpus import reading
from tests.schedule.probing import (
    REVIEW,
    Probe,
    Verdict,
    assert_mostly_right,
    assert_none_silent,
    day,
    distinct,
    judge,
    print_misses,
    rel,
)
from tracker.schedule.timing import parse_timing

RIGHT_SHARE = 0.75
CONT = ("cont",)
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
DAYS = ((15, 3), (1, 7), (2, 2), (20, 5), (9, 11), (27, 8), (4, 10), (18, 6), (12, 1), (30, 9))


def weekday(dom: int, month: int) -> str:
    return WEEKDAYS[date(2026, month, dom).weekday()]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# Batch one: starts and open bounds.
def starts_at_days() -> Iterator[Probe]:
    forms = (
        "Từ ngày {d}/{m} trở đi",
        "Bắt đầu từ {d}/{m}",
        "Kể từ ngày {d}/{m}/2026",
        "Từ {d:02d}/{m:02d} cho đến khi hoàn thành",
        "Bắt đầu từ ngày {d} tháng {m} năm 2026",
        "Áp dụng từ ngày {d}/{m}/2026",
        "Từ ngày {d}/{m} cho đến khi có thông báo mới",
        "Thực hiện từ {d}/{m} trở đi",
        "Từ sau ngày {d}/{m}",
        "Bắt đầu triển khai kể từ ngày {d:02d}/{m:02d}/2026",
        "Từ {wd}, ngày {d}/{m}/2026 trở đi",
        "Kể từ {wd} ({d}/{m})",
        "Từ ngày {d}/{m} đến khi kết thúc đợt cao điểm",
    )
    for i, form in enumerate(forms):
        for d, m in (DAYS[i % len(DAYS)], DAYS[(i + 3) % len(DAYS)], DAYS[(i + 7) % len(DAYS)]):
            yield Probe(form.format(d=d, m=m, wd=weekday(d, m)), CONT, "start-day")


def starts_at_months() -> Iterator[Probe]:
    for m in (3, 9, 11):
        yield Probe(f"Từ tháng {m}/2026", CONT, "start-month")
        yield Probe(f"Bắt đầu từ tháng {m} năm 2026", CONT, "start-month")
        yield Probe(f"Từ đầu tháng {m} trở đi", CONT, "start-month")
        yield Probe(f"Kể từ tháng {m:02d}/2026 cho đến khi có thông báo mới", CONT, "start-month")
        yield Probe(f"Từ giữa tháng {m}", CONT, "start-vague", settled=False)
        yield Probe(f"Từ cuối tháng {m} trở đi", CONT, "start-vague", settled=False)
        yield Probe(f"Bắt đầu từ giữa tháng {m}/2026", CONT, "start-vague", settled=False)
    for q in ("II", "III", "IV"):
        yield Probe(f"Từ quý {q}/2026", CONT, "start-month")
        yield Probe(f"Bắt đầu từ quý {q} năm 2026 trở đi", CONT, "start-month")
    yield Probe("Từ năm 2027 trở đi", CONT, "start-month", settled=False)
    yield Probe("Từ sau Tết Nguyên đán", REVIEW, "start-vague", also=(CONT,))
    yield Probe("Bắt đầu từ sau Tết", REVIEW, "start-vague", also=(CONT,))
    yield Probe("Từ sau Tết trở đi", REVIEW, "start-vague", also=(CONT,))
    yield Probe("Từ nay cho đến khi có thông báo mới", CONT, "start-vague", settled=False)
    yield Probe("Kể từ nay trở đi", CONT, "start-vague", settled=False)


def starts_at_hours() -> Iterator[Probe]:
    for d, m in DAYS[:5]:
        yield Probe(f"Từ 7h30 ngày {d}/{m} trở đi", REVIEW, "start-hour")
        yield Probe(f"Bắt đầu từ 14 giờ ngày {d}/{m}/2026", REVIEW, "start-hour")
        yield Probe(f"Kể từ 0 giờ ngày {d:02d}/{m:02d}/2026", REVIEW, "start-hour")


def windows() -> Iterator[Probe]:
    yield Probe("Từ nay đến hết năm", day(12, 31), "window")
    yield Probe("Từ nay đến hết năm 2026", day(12, 31), "window")
    yield Probe("Từ nay đến cuối năm", day(12, 31), "window")
    for m, last in ((4, 30), (6, 30), (7, 31), (10, 31)):
        yield Probe(f"Từ đầu năm đến {last}/{m}", day(m, last), "window")
        yield Probe(f"Từ đầu năm đến hết tháng {m}", day(m, last), "window")
        yield Probe(f"Từ nay đến cuối tháng {m}", day(m, last), "window")
        yield Probe(f"Từ nay đến hết tháng {m}/2026", day(m, last), "window")
        yield Probe(f"Từ tháng {m - 2} đến tháng {m}", day(m, last), "window")
        yield Probe(f"Từ 15/{m - 1} đến hết tháng {m}", day(m, last), "window")
        yield Probe(f"Từ đầu tháng {m} đến ngày {last - 10}/{m}", day(m, last - 10), "window")
    for d, m in DAYS:
        yield Probe(f"Từ nay đến ngày {d}/{m}", day(m, d), "window")
        yield Probe(f"Đến hết ngày {d}/{m}/2026", day(m, d), "window")
        yield Probe(f"Từ sau Tết Nguyên đán đến ngày {d}/{m}", day(m, d), "window")
    yield Probe("Từ quý II đến hết quý III", day(9, 30), "window")
    yield Probe("Từ đầu quý IV đến cuối quý IV", day(12, 31), "window")
    yield Probe("Từ ngày 3/2 đến ngày 28/2", day(2, 28), "window")
    yield Probe("Từ 14 giờ ngày 5/6 đến 17 giờ ngày 7/6", day(6, 7, "17:00"), "window")
    yield Probe("Từ 8h ngày 10/4 đến hết ngày 12/4", day(4, 12), "window")


def bounds_without_a_day() -> Iterator[Probe]:
    for cell in (
        "Cho đến khi có thông báo mới",
        "Đến khi có thông báo mới",
        "Đến khi hoàn thành",
        "Cho đến khi kết thúc dự án",
        "Từ tuần sau",
        "Bắt đầu từ thứ Hai tuần sau",
        "Từ cuối tuần này",
        "Từ tuần này đến hết tuần sau",
        "Bắt đầu từ tuần tới",
        "Từ đầu tuần sau trở đi",
        "Từ khi có quyết định",
        "Bắt đầu từ khi nhận được kinh phí",
        "Từ sau khi có kết quả",
        "Trở đi",
        "Đến cuối",
    ):
        yield Probe(cell, REVIEW, "open-no-day")


# Batch two: counts from events of every kind.
# (the event's words after "kể từ ngày", its kind, other kinds taken too, may precede the task)
EVENTS: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    ("nhận được biên bản kiểm phiếu", "nhan_van_ban", (), False),
    ("nhận được báo cáo của UBND cấp xã", "nhan_van_ban", (), False),
    ("nhận được thông báo của Sở Tài chính", "nhan_van_ban", (), False),
    ("nhận được kết luận thanh tra", "nhan_van_ban", (), False),
    ("nhận được đơn khiếu nại", "nhan_van_ban", (), False),
    ("nhận được văn bản đề nghị của UBND huyện", "nhan_van_ban", (), False),
    ("nhận đủ hồ sơ hợp lệ", "ho_so_tiep_nhan", (), False),
    ("tiếp nhận hồ sơ đề nghị cấp phép", "ho_so_tiep_nhan", (), False),
    ("nhận được hồ sơ đầy đủ", "ho_so_tiep_nhan", (), False),
    ("kết thúc hội nghị", "ket_thuc", (), False),
    ("bế mạc kỳ họp", "ket_thuc", (), False),
    ("kết thúc đợt kiểm tra", "ket_thuc", (), False),
    ("kết thúc kỳ thi", "ket_thuc", (), False),
    ("kết thúc thời gian niêm yết", "ket_thuc", (), False),
    ("khai mạc kỳ họp", "ky_hop", (), True),
    ("tổ chức cuộc họp", "ky_hop", (), True),
    ("khai mạc đại hội", "ky_hop", ("su_kien",), True),
    ("bầu cử", "bau_cu", (), True),
    ("bầu cử đại biểu Hội đồng nhân dân", "bau_cu", (), True),
    ("ký quyết định", "ky_van_ban", (), False),
    ("ban hành quyết định", "ky_van_ban", (), False),
    ("ký ban hành kế hoạch", "ky_van_ban", (), False),
    ("được cấp có thẩm quyền phê duyệt", "phe_duyet", (), False),
    ("UBND tỉnh phê duyệt kế hoạch", "phe_duyet", (), False),
    ("HĐND tỉnh thông qua nghị quyết", "phe_duyet", (), False),
    ("có văn bản chấp thuận của Sở Xây dựng", "phe_duyet", (), False),
    ("công bố kết quả thi", "su_kien", (), False),
    ("hoàn thành cắm mốc", "su_kien", (), False),
    ("nghiệm thu công trình", "su_kien", (), False),
    ("khai giảng năm học", "su_kien", (), True),
    ("niêm yết công khai danh sách", "su_kien", (), False),
    ("xảy ra sự cố", "su_kien", (), False),
    ("phát hiện vi phạm", "su_kien", (), False),
    ("bàn giao mặt bằng", "su_kien", (), True),
    ("có kết quả xét nghiệm", "su_kien", (), False),
    ("thành lập đoàn kiểm tra", "su_kien", (), False),
    ("hoàn thành việc kiểm phiếu", "su_kien", (), False),
    ("tổ chức hội nghị", "su_kien", ("tap_huan", "ky_hop"), True),
    ("tổ chức kỳ thi", "su_kien", (), True),
    ("đối thoại với người dân", "su_kien", (), True),
    ("công bố quy hoạch", "su_kien", (), False),
    ("giao dự toán", "su_kien", (), False),
)

AFTER_FORMS = (
    ("Trong vòng {n} ngày kể từ ngày {e}", False),
    ("Chậm nhất {n} ngày làm việc kể từ ngày {e}", True),
    ("Sau {n} ngày kể từ ngày {e}", False),
    ("{n} ngày kể từ ngày {e}", False),
    ("Trong thời hạn {n:02d} ngày làm việc kể từ ngày {e}", True),
    ("Không quá {n} ngày sau khi {e}", False),
)
BEFORE_FORMS = (
    ("Chậm nhất {n} ngày làm việc trước ngày {e}", True),
    ("Trước ngày {e} {n} ngày", False),
    ("Ít nhất {n} ngày trước ngày {e}", False),
)


def counts_from_events() -> Iterator[Probe]:
    for i, (words, kind, others, before) in enumerate(EVENTS):
        n = (3, 5, 7, 10, 15, 20, 30)[i % 7]
        for j in (i % len(AFTER_FORMS), (i + 2) % len(AFTER_FORMS), (i + 4) % len(AFTER_FORMS)):
            form, working = AFTER_FORMS[j]
            cell = form.format(n=n, e=words)
            also = tuple(rel(k, n, working) for k in others)
            yield Probe(cell, rel(kind, n, working), f"after-{kind}", also=also)
        if before:
            for form, working in BEFORE_FORMS:
                cell = form.format(n=n, e=words)
                also = tuple(rel(k, -n, working) for k in others)
                yield Probe(cell, rel(kind, -n, working), f"before-{kind}", also=also)
        # "sau khi <event> N ngày": the count after the event's words.
        also = tuple(rel(k, n) for k in others)
        yield Probe(f"Sau khi {words} {n} ngày", rel(kind, n), f"after-{kind}", also=also)
        yield Probe(f"Ngay sau khi {words}", REVIEW, "immediately")


def other_units() -> Iterator[Probe]:
    yield Probe(
        "Trong vòng 2 tuần kể từ ngày kết thúc hội nghị", rel("ket_thuc", 14), "unit", settled=False
    )
    yield Probe(
        "Sau 1 tuần kể từ ngày hoàn thành cắm mốc", rel("su_kien", 7), "unit", settled=False
    )
    yield Probe("Trong 3 tháng kể từ ngày nghiệm thu công trình", REVIEW, "unit")
    yield Probe("Trong 6 tháng kể từ ngày được phê duyệt", REVIEW, "unit")
    yield Probe("Trong 48 giờ kể từ khi phát hiện sự cố", REVIEW, "unit")
    yield Probe("Chậm nhất 12 giờ kể từ khi kết thúc kiểm phiếu", REVIEW, "unit")
    yield Probe("Trước 24 giờ so với giờ khai mạc kỳ họp", REVIEW, "unit")


# Batch three: the same with weekdays, hours and activity words around.
def with_words_around() -> Iterator[Probe]:
    yield Probe(
        "Gửi tài liệu chậm nhất 5 ngày làm việc trước ngày khai mạc kỳ họp",
        rel("ky_hop", -5, True),
        "around",
    )
    yield Probe(
        "Nộp báo cáo trong vòng 10 ngày kể từ ngày kết thúc hội nghị", rel("ket_thuc", 10), "around"
    )
    yield Probe(
        "UBND xã niêm yết sau 3 ngày kể từ ngày công bố kết quả thi", rel("su_kien", 3), "around"
    )
    yield Probe(
        "Triển khai 30 ngày kể từ ngày được cấp có thẩm quyền phê duyệt",
        rel("phe_duyet", 30),
        "around",
    )
    yield Probe("Niêm yết danh sách cử tri trước ngày bầu cử 20 ngày", rel("bau_cu", -20), "around")
    yield Probe(
        "Báo cáo kết quả sau khi kết thúc đợt kiểm tra 7 ngày", rel("ket_thuc", 7), "around"
    )
    yield Probe(
        "Tổng hợp, báo cáo trong 5 ngày kể từ ngày nhận được biên bản kiểm phiếu",
        rel("nhan_van_ban", 5),
        "around",
    )
    yield Probe(
        "Bàn giao hồ sơ mốc trong 10 ngày sau khi hoàn thành cắm mốc", rel("su_kien", 10), "around"
    )
    yield Probe("Ban hành quyết định ngay sau khi có quyết định của UBND tỉnh", REVIEW, "around")
    yield Probe(
        "Gửi giấy mời chậm nhất 07 ngày trước ngày tổ chức hội nghị",
        rel("su_kien", -7),
        "around",
        also=(rel("tap_huan", -7), rel("ky_hop", -7)),
    )
    yield Probe(
        "Trả kết quả trong 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        rel("ho_so_tiep_nhan", 15, True),
        "around",
    )
    yield Probe(
        "Công khai trong thời hạn 05 ngày làm việc kể từ ngày ký quyết định",
        rel("ky_van_ban", 5, True),
        "around",
    )
    yield Probe(
        "Hoàn thiện hồ sơ chậm nhất 10 ngày sau khi bế mạc kỳ họp", rel("ket_thuc", 10), "around"
    )
    yield Probe(
        "Trả lời bằng văn bản trong 7 ngày kể từ ngày nhận được văn bản đề nghị",
        rel("nhan_van_ban", 7),
        "around",
    )
    yield Probe(
        "Thông báo cho người dân ít nhất 3 ngày trước ngày đối thoại", rel("su_kien", -3), "around"
    )
    yield Probe(
        "Cập nhật dữ liệu trong 2 ngày làm việc kể từ ngày có kết quả xét nghiệm",
        rel("su_kien", 2, True),
        "around",
    )
    # hours beside a count: the count is the rule, the hour does not change its day
    yield Probe(
        "Trước 17h, chậm nhất 3 ngày trước ngày bầu cử",
        rel("bau_cu", -3),
        "around-hour",
        settled=False,
    )
    yield Probe(
        "Trước 16 giờ, trong 5 ngày làm việc kể từ ngày nhận đủ hồ sơ",
        rel("ho_so_tiep_nhan", 5, True),
        "around-hour",
        settled=False,
    )
    # weekdays with starts and windows
    for d, m in DAYS[:6]:
        wd = weekday(d, m)
        yield Probe(f"Bắt đầu từ {wd}, ngày {d}/{m}/2026", CONT, "around-weekday")
        yield Probe(f"Từ {wd} ({d}/{m}) cho đến khi hoàn thành", CONT, "around-weekday")
        yield Probe(f"Hạn chót: {wd}, ngày {d}/{m}/2026", day(m, d), "around-weekday")
    yield Probe(
        "Từ thứ Hai đến thứ Sáu hằng tuần, bắt đầu từ 2/3", CONT, "around-weekday", settled=False
    )
    # activity words before starts and windows
    yield Probe("Thu phí từ ngày 1/7 trở đi", CONT, "around-start")
    yield Probe("Tổ chức tuyên truyền từ nay đến hết năm 2026", day(12, 31), "around-start")
    yield Probe("Rà soát từ đầu năm đến 30/6/2026", day(6, 30), "around-start")
    yield Probe("Áp dụng mức hỗ trợ mới kể từ ngày 1/1/2027", CONT, "around-start", settled=False)
    yield Probe(
        "Tạm dừng tiếp nhận hồ sơ từ 01/10 cho đến khi có thông báo mới", CONT, "around-start"
    )
    yield Probe("Kiểm tra định kỳ từ tháng 9/2026", CONT, "around-start")
    yield Probe("Cấm đường từ giữa tháng 4", CONT, "around-start", settled=False)


# Batch four (written after the rules of the first three batches, before the reader ran on it):
# more events the reader has never seen, other leads and numbers in words, starts and ends.
EVENTS_TWO: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    ("nhận được quyết định giao nhiệm vụ", "nhan_van_ban", (), False),
    ("nhận được phiếu lấy ý kiến", "nhan_van_ban", (), False),
    ("nhận được thư mời", "nhan_van_ban", (), False),
    ("nhận được giấy báo trúng tuyển", "nhan_van_ban", (), False),
    ("nhận hồ sơ đăng ký dự tuyển", "ho_so_tiep_nhan", (), False),
    ("tiếp nhận đủ hồ sơ", "ho_so_tiep_nhan", (), False),
    ("kết thúc kỳ họp", "ket_thuc", (), False),
    ("kết thúc đợt tập huấn", "ket_thuc", (), False),
    ("bế giảng lớp học", "ket_thuc", (), False),
    ("khai mạc Đại hội Đảng bộ", "ky_hop", ("su_kien",), True),
    ("họp Hội đồng nhân dân", "ky_hop", (), True),
    ("bầu cử đại biểu Quốc hội", "bau_cu", (), True),
    ("Chủ tịch UBND tỉnh ký quyết định", "ky_van_ban", (), False),
    ("văn bản được ban hành", "ky_van_ban", (), False),
    ("được Bộ Tài chính chấp thuận", "phe_duyet", (), False),
    ("dự án được phê duyệt", "phe_duyet", (), False),
    ("có thông báo trúng tuyển", "su_kien", (), False),
    ("hoàn thành kiểm kê", "su_kien", (), False),
    ("phát hiện ổ dịch", "su_kien", (), False),
    ("bão đổ bộ", "su_kien", (), False),
    ("có kết quả thẩm định", "su_kien", (), False),
    ("ký hợp đồng", "su_kien", ("ky_van_ban",), False),
    ("thanh lý hợp đồng", "su_kien", (), False),
    ("trao giải", "su_kien", (), True),
    ("khởi công công trình", "su_kien", (), True),
    ("cắt băng khánh thành", "su_kien", (), True),
)
AFTER_FORMS_TWO = (
    ("Trong thời hạn {n} ngày, kể từ ngày {e}", False),
    ("Chậm nhất sau {n} ngày kể từ khi {e}", False),
    ("Trong vòng {n} ngày làm việc tính từ ngày {e}", True),
    ("Sau {n} ngày làm việc kể từ ngày {e}", True),
)
BEFORE_FORMS_TWO = (
    ("Trước {n} ngày so với ngày {e}", False),
    ("Chậm nhất là {n} ngày trước khi {e}", False),
)
WORDED = {3: "ba", 5: "năm", 7: "bảy", 10: "mười", 15: "mười lăm"}


def counts_from_events_two() -> Iterator[Probe]:
    for i, (words, kind, others, before) in enumerate(EVENTS_TWO):
        n = (5, 7, 10, 15, 3)[i % 5]
        for j in (i % len(AFTER_FORMS_TWO), (i + 1) % len(AFTER_FORMS_TWO)):
            form, working = AFTER_FORMS_TWO[j]
            also = tuple(rel(k, n, working) for k in others)
            yield Probe(
                form.format(n=n, e=words), rel(kind, n, working), f"b4-after-{kind}", also=also
            )
        also = tuple(rel(k, n) for k in others)
        worded = f"Trong thời hạn {WORDED[n]} ngày kể từ ngày {words}"
        yield Probe(worded, rel(kind, n), f"b4-worded-{kind}", also=also)
        if before:
            for form, working in BEFORE_FORMS_TWO:
                also = tuple(rel(k, -n, working) for k in others)
                yield Probe(
                    form.format(n=n, e=words),
                    rel(kind, -n, working),
                    f"b4-before-{kind}",
                    also=also,
                )
        yield Probe(f"Ngay khi {words}", REVIEW, "b4-immediately")


def starts_and_ends_two() -> Iterator[Probe]:
    for d, m in DAYS[:6]:
        wd = weekday(d, m)
        yield Probe(f"Có hiệu lực từ ngày {d}/{m}/2026", CONT, "b4-start")
        yield Probe(f"Áp dụng kể từ {d}/{m}", CONT, "b4-start")
        yield Probe(f"Từ ngày {d} tháng {m} trở về sau", CONT, "b4-start")
        yield Probe(f"Bắt đầu từ ngày {d}/{m}/2026 ({wd})", CONT, "b4-start")
        yield Probe(f"Tính từ ngày {d}/{m}", CONT, "b4-start", settled=False)
        yield Probe(f"Kể từ hôm nay đến hết ngày {d}/{m}", day(m, d), "b4-window")
        yield Probe(f"Từ ngày {d}/{m} đến hết năm", day(12, 31), "b4-window")
        yield Probe(
            f"Từ 8 giờ ngày {d}/{m} đến 11 giờ cùng ngày",
            day(m, d, "11:00"),
            "b4-window",
            settled=False,
        )
    for m in (2, 5, 8):
        yield Probe(f"Từ tuần thứ hai của tháng {m}", REVIEW, "b4-vague", also=(CONT,))
        yield Probe(f"Từ tháng {m} đến hết năm", day(12, 31), "b4-window")
    yield Probe("Từ quý II đến hết năm", day(12, 31), "b4-window")
    yield Probe("Từ cuối năm 2026", CONT, "b4-vague", settled=False)
    for cell in (
        "Từ đầu năm đến nay",
        "Từ nay đến Tết",
        "Từ nay đến trước Tết Nguyên đán",
        "Đến hết tuần này",
        "Từ 1/3 đến cuối tuần",
        "Từ đầu tuần",
        "Kể từ khi có văn bản",
        "Trong thời gian tới",
        "Từ sau khi kết thúc",
    ):
        yield Probe(cell, REVIEW, "b4-open-no-day")


FAMILIES = (
    starts_at_days,
    starts_at_months,
    starts_at_hours,
    windows,
    bounds_without_a_day,
    counts_from_events,
    other_units,
    with_words_around,
    counts_from_events_two,
    starts_and_ends_two,
)


def probes() -> list[Probe]:
    return distinct(FAMILIES)


def verdicts() -> list[Verdict]:
    return [judge(p) for p in probes()]


@pytest.fixture(scope="module")
def all_verdicts() -> list[Verdict]:
    return verdicts()


def test_enough_probes() -> None:
    assert len(probes()) >= 300


# "Kể từ khi có văn bản": expected REVIEW (a start at an event); the reader reads the event's
# own day (``rel:huong_dan_cap_tren:+0c``), as the corpus labels a bare "kể từ ngày ký ban
# hành" (``rel:ky_van_ban:+0c``). Found after the first run of batch four; named, not relabelled.
KNOWN_SILENT: frozenset[str] = frozenset({"Kể từ khi có văn bản"})


def test_no_cell_is_read_wrong_without_a_flag(all_verdicts: list[Verdict]) -> None:
    assert_none_silent(all_verdicts, KNOWN_SILENT)


def test_most_cells_are_read_right(all_verdicts: list[Verdict]) -> None:
    assert_mostly_right(all_verdicts, RIGHT_SHARE)


# Unit tests of the rules this pass made, with wordings of its own.
def _read(text: str) -> tuple[bool, tuple[str, ...]]:
    result = parse_timing(text, year=2026)
    return result.review, tuple(reading(result.rules, 2026))


@pytest.mark.parametrize(
    "text",
    [
        "Từ 11/04 cho đến khi hoàn thành",
        "Kể từ ngày 6/5 đến khi hoàn tất",
        "Từ ngày 22/8 cho đến khi xong",
        "Từ ngày 3/3 đến khi kết thúc mùa mưa bão",
        "Bắt đầu từ 14/9 cho đến khi có chỉ đạo khác",
        "Từ thứ Sáu (13/11) cho đến khi hoàn thành",
    ],
)
def test_a_start_with_an_open_end_is_continuous(text: str) -> None:
    assert _read(text) == (False, CONT)


@pytest.mark.parametrize(
    "text",
    [
        "Từ 7 giờ ngày 11/4 cho đến khi hoàn thành",  # a start at an hour still flags
        "Cho đến khi hoàn thành",  # no start
        "Từ ngày 3/3 đến khi kết thúc",  # the end of nothing named
    ],
)
def test_an_open_end_without_a_day_start_still_flags(text: str) -> None:
    assert _read(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Từ tháng 10 trở đi",
        "Bắt đầu từ tháng 2/2026 trở đi",
        "Từ quý III trở đi",
        "Từ quý I/2026 trở về sau",
    ],
)
def test_onwards_after_a_month_or_a_quarter_start(text: str) -> None:
    assert _read(text) == (False, CONT)


@pytest.mark.parametrize("text", ["Từ đầu tháng 10 trở đi", "Từ giữa tháng 2 trở đi"])
def test_a_start_at_a_part_of_a_month_still_flags(text: str) -> None:
    assert _read(text)[0]


@pytest.mark.parametrize(
    "text", ["Đến hết năm", "Tuyên truyền từ nay đến hết năm", "Cho đến hết năm nay"]
)
def test_to_the_end_of_the_year_without_its_number(text: str) -> None:
    assert _read(text) == (False, day(12, 31))


@pytest.mark.parametrize("text", ["Trong vòng đến hết năm ngày", "Đến hết năm học"])
def test_het_nam_before_a_unit_or_a_school_year_is_not_the_year_end(text: str) -> None:
    assert _read(text) != (False, day(12, 31))


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Từ sau Tết đến ngày 25/2", day(2, 25)),
        ("Từ sau Tết Nguyên đán cho đến 10/3/2026", day(3, 10)),
        ("Từ sau kỳ nghỉ Tết đến hết tháng 3", day(3, 31)),
    ],
)
def test_a_window_opened_by_tet_is_due_at_its_end(text: str, expect: tuple[str, ...]) -> None:
    assert _read(text) == (False, expect)


def test_a_start_after_tet_alone_still_flags() -> None:
    assert _read("Từ sau Tết Nguyên đán trở đi")[0]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # hprobe23: a bare count after the event and after the task's words flags (on that
        # day, by it, or from it on?), so the "kết quả" case is held with a cap.
        ("Gửi kết quả sau khi kết thúc hội thi chậm nhất 5 ngày", rel("ket_thuc", 5)),
        ("Báo cáo cấp trên trong 3 ngày kể từ ngày kết thúc đợt kiểm tra", rel("ket_thuc", 3)),
    ],
)
def test_ket_qua_and_cap_tren_are_not_more_than_a_count(text: str, expect: tuple[str, ...]) -> None:
    assert _read(text) == (False, expect)


@pytest.mark.parametrize(
    "text", ["Quá 5 ngày kể từ ngày kết thúc hội thi", "Trên 3 ngày kể từ ngày nhận hồ sơ"]
)
def test_more_than_a_count_still_flags(text: str) -> None:
    assert _read(text)[0]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Trong 3 ngày kể từ ngày nhận được phiếu báo điểm", rel("nhan_van_ban", 3)),
        ("Sau 10 ngày kể từ ngày nhận được thư mời họp", rel("nhan_van_ban", 10)),
        ("Chậm nhất 7 ngày kể từ ngày nhận được giấy triệu tập", rel("nhan_van_ban", 7)),
        ("Trong 5 ngày kể từ ngày nhận được giấy báo nhập học", rel("nhan_van_ban", 5)),
    ],
)
def test_a_form_a_letter_or_a_notice_paper_received_is_a_text_received(
    text: str, expect: tuple[str, ...]
) -> None:
    assert _read(text) == (False, expect)


def test_income_received_is_no_text() -> None:
    assert _read("Trong 5 ngày kể từ ngày nhận được thu nhập") != (False, rel("nhan_van_ban", 5))


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Chậm nhất 3 ngày trước ngày họp Hội đồng thi đua", rel("ky_hop", -3)),
        ("Trong 2 ngày làm việc kể từ ngày họp Ủy ban nhân dân xã", rel("ky_hop", 2, True)),
        ("Trước ngày họp Ban Thường vụ 5 ngày", rel("ky_hop", -5)),
    ],
)
def test_a_body_meeting_named_with_its_name_is_a_meeting(
    text: str, expect: tuple[str, ...]
) -> None:
    assert _read(text) == (False, expect)


def test_a_contract_is_no_meeting() -> None:
    assert _read("Trong 5 ngày kể từ ngày ký hợp đồng")[1] != rel("ky_hop", 5)


@pytest.mark.parametrize(
    "text",
    [
        "Bắt đầu từ ngày 7/9/2026 (thứ Hai)",
        "Kể từ ngày 3/10 (thứ Bảy)",
        "Từ ngày 1/11/2026 (Chủ nhật)",
    ],
)
def test_a_start_with_its_weekday_in_brackets_is_continuous(text: str) -> None:
    assert _read(text) == (False, CONT)


def test_a_start_with_a_wrong_weekday_in_brackets_flags() -> None:
    assert _read("Bắt đầu từ ngày 7/9/2026 (thứ Ba)")[0]


if (
    __name__ == "__main__"
):  # uv run python -m tests.schedule.test_timing_probe18 [kind …] [--silent]
    print_misses(verdicts())
