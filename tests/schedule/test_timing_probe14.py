"""The cell reader (``parse_timing``) on the task's own words around a sure reading, and on the
words that change the reading beside them (fourteenth probing pass, hprobe14).

The reader flags every word it did not explain. Most words a plan writes beside a timing are
the task's own: what is done (an activity of any sector, a verb or a noun, "kiểm kê tài sản",
"khóa bồi dưỡng nghiệp vụ", "phun thuốc diệt muỗi"), discourse words ("riêng", "cũng", "sẽ",
"đều", "cần"), a clarifying clause ("tức ngay sau lễ khai giảng"). A few words beside a timing
change it: a postponement, a move, a stop or a ban ("hoãn", "lùi", "dời", "tạm dừng", "hủy",
"cấm", "nghỉ"), an exception ("trừ", "ngoài"), a negation ("không", "chưa"), a shift ("sau",
"sớm hơn", "muộn hơn"), a stretch ("kéo dài", "gia hạn"), a condition ("nếu", "khi").

Each cell was written for this pass (none taken from the corpus) and its expected reading was
worked out from its words before the reader was run on any of them, in the corpus's terms
(``tests/plans/corpus/README.md``, "Labels"; the plan's year 2026):

- (a) an activity or a discourse word before, after or around a sure reading (a day, a
  window, a month, a quarter, a year, a weekly, monthly or quarterly cadence, a count from an
  event): the reading. Settled: a flag is no wrong reading, but it is no right one either;
  the share read right is the measure of this pass;
- (b) the same places with a word that changes the reading: REVIEW (flagged or nothing read),
  or, where the word leads an end that is read ("hoãn đến ngày 25/5/2026", "kéo dài đến
  ngày 25/5/2026": moved or stretched to that day), that day read without a flag also taken.

Batches, each committed before the reader was run on it (README, fourteenth pass).

The property: no cell is read wrong without a flag (but the two ``KNOWN_SILENT``); at least
``RIGHT_SHARE`` of the cells of (a), both batches, are read right.
"""

from __future__ import annotations

from collections.abc import Iterator

from tests.schedule.probing import (
    QUARTERLY,
    REVIEW,
    Pass,
    Probe,
    day,
    month_ends,
    monthly,
    rel,
    weekly,
)

RIGHT_SHARE = 0.5


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# fmt: off

# Sure readings (each read right alone), with what they say, and whether words may follow
# them (a count from an event takes the words after it as the event's).
BASES: list[tuple[str, tuple[str, ...], bool]] = [
    ("Ngày 18/9/2026", day(9, 18), True),
    ("Trước ngày 15/3/2026", day(3, 15), True),
    ("Chậm nhất ngày 20/4/2026", day(4, 20), True),
    ("Đến ngày 25/5/2026", day(5, 25), True),
    ("Từ ngày 01/10/2026 đến ngày 31/10/2026", day(10, 31), True),
    ("Trong tháng 9/2026", day(9, 30), True),
    ("Quý IV/2026", day(12, 31), True),
    ("Năm 2026", day(12, 31), True),
    ("Thứ Hai hằng tuần", weekly(0), True),
    ("Ngày 05 hằng tháng", monthly(5), True),
    ("Hằng tháng", month_ends(), True),
    ("Hằng quý", QUARTERLY, True),
    ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 5, True), False),
    ("Trong 10 ngày kể từ ngày nhận được văn bản", rel("nhan_van_ban", 10), False),
]

DAY_BASES = [b for b in BASES if b[0].startswith(("Ngày 18", "Trước", "Chậm", "Đến"))]

# Activities of plans in many sectors, verbs and nouns, two to six words, typed for this pass.
ACTIVITIES = [
    "Kiểm kê tài sản",
    "Khóa bồi dưỡng nghiệp vụ",
    "Phun thuốc diệt muỗi",
    "Tổng vệ sinh môi trường",
    "Ra quân làm đường giao thông nông thôn",
    "Hội thi văn nghệ quần chúng",
    "Diễn tập phòng cháy chữa cháy",
    "Nghiệm thu công trình nhà văn hóa",
    "Bàn giao mặt bằng thi công",
    "Chấm điểm thi đua",
    "Cấp phát thẻ bảo hiểm y tế",
    "Điều tra hộ nghèo",
    "Lấy ý kiến nhân dân",
    "Đăng ký nghĩa vụ quân sự",
    "Tiêm vắc xin cho trẻ em",
    "Kiểm tra an toàn thực phẩm",
    "Đấu giá quyền sử dụng đất",
    "Khởi công xây dựng cầu",
    "Trao học bổng cho học sinh",
    "Thả cá giống",
    "Hiến máu tình nguyện",
    "Họp phụ huynh học sinh",
    "Chấm thi",
    "Coi thi tốt nghiệp",
    "Mua sắm trang thiết bị",
    "In ấn tài liệu",
    "Sửa chữa phòng học",
    "Đón đoàn kiểm tra của tỉnh",
    "Thanh lý hợp đồng",
    "Duyệt quyết toán kinh phí",
    "Tiếp nhận hồ sơ xét tuyển",
    "Kiểm định chất lượng giáo dục",
    "Phát thẻ cử tri",
    "Niêm yết danh sách cử tri",
    "Ra đề kiểm tra",
    "Chuyển đổi số",
    "Tuần tra kiểm soát",
    "Khám sức khỏe cho người cao tuổi",
    "Giải ngân vốn đầu tư công",
    "Tập huấn sử dụng phần mềm",
    "Thu thuế sử dụng đất phi nông nghiệp",
    "Vận động quyên góp quỹ vì người nghèo",
]

# Discourse words and clauses around a task and its reading: (template, kind).
DISCOURSE = [
    ("Riêng {act}: {base}", "discourse-rieng"),
    ("Riêng việc {act} {base}", "discourse-rieng"),
    ("{Act} cũng {base}", "discourse-cung"),
    ("{Act} sẽ {base}", "discourse-se"),
    ("{Act} sẽ được thực hiện {base}", "discourse-se"),
    ("{Act} đều {base}", "discourse-deu"),
    ("{Act} cần hoàn thành {base}", "discourse-can"),
    ("{Act} phải xong {base}", "discourse-phai"),
    ("{Act} vẫn {base}", "discourse-van"),
    ("Đồng thời {act} {base}", "discourse-dong-thoi"),
    ("Bên cạnh đó, {act} {base}", "discourse-ben-canh"),
    ("Theo đó, {act} {base}", "discourse-theo-do"),
    ("{Act} khẩn trương {base}", "discourse-khan"),
    ("{Act} nghiêm túc {base}", "discourse-nghiem"),
    ("Tiếp tục {act} {base}", "discourse-tiep-tuc"),
]

# Clarifying clauses after a day: (template, kind).
CLARIFYING = [
    "{Base}, tức ngay sau lễ khai giảng",
    "{Base}, tức là ngay sau hội nghị tổng kết",
    "{Base} (tức sau buổi lễ chào cờ)",
    "{Base}, nghĩa là trước kỳ thi",
]

# Words that change a reading beside them, typed for this pass.
CHANGERS = [
    "hoãn", "lùi", "dời", "trừ", "ngoài", "nghỉ", "cấm", "không", "chưa", "sau",
    "tạm dừng", "hủy", "kéo dài", "gia hạn", "sớm hơn", "muộn hơn", "không được",
    "chưa được", "ngừng", "đình chỉ", "trì hoãn", "lùi lại", "dời lại", "đổi lịch",
    "thay đổi thời gian", "rút ngắn", "đẩy lên", "chậm trễ", "quá", "bỏ", "thôi",
    "nếu", "khi", "giả sử", "trường hợp", "không phải", "chưa chắc", "tạm hoãn",
    "bãi bỏ", "miễn",
]

# A word that moves or stretches the work to the end it leads: that end read is also right.
LEADS_AN_END = ("hoãn", "lùi", "dời", "gia hạn", "kéo dài", "lùi lại", "dời lại", "tạm hoãn", "trì hoãn")


def activities_around_a_reading() -> Iterator[Probe]:
    """(a) An activity before, after or around a sure reading: the reading."""
    for act in ACTIVITIES:
        for base, expect, after in BASES:
            low = lower_first(base)
            yield Probe(f"{act} {low}", expect, "act-before")
            yield Probe(f"{act}: {low}", expect, "act-label")
            if after:
                yield Probe(f"{base} {lower_first(act)}", expect, "act-after")
                yield Probe(f"{base}, {lower_first(act)}", expect, "act-comma")
                yield Probe(f"{base} ({lower_first(act)})", expect, "act-bracket")
                yield Probe(f"{base}: {lower_first(act)}", expect, "act-colon-after")


def discourse_around_a_reading() -> Iterator[Probe]:
    """(a) A discourse word around a task and its reading: the reading."""
    for i, (template, kind) in enumerate(DISCOURSE):
        for j, (base, expect, _) in enumerate(BASES):
            for k in range(3):
                act = ACTIVITIES[(i * 7 + j * 3 + k * 11) % len(ACTIVITIES)]
                cell = template.format(Act=act, act=lower_first(act), base=lower_first(base))
                yield Probe(upper_first(cell), expect, kind)


def clarifying_clauses() -> Iterator[Probe]:
    """(a) A clause after a day saying what it is right after or before: the day."""
    for template in CLARIFYING:
        for base, expect, _ in DAY_BASES:
            yield Probe(template.format(Base=base), expect, "clarifying")


def changers_around_a_reading() -> Iterator[Probe]:
    """(b) A word that changes the reading, in the places of (a): REVIEW."""
    for i, word in enumerate(CHANGERS):
        for j, (base, expect, after) in enumerate(BASES):
            act = ACTIVITIES[(i * 5 + j) % len(ACTIVITIES)]
            low = lower_first(base)
            lact = lower_first(act)
            ends = (expect,) if word in LEADS_AN_END and base.startswith("Đến") else ()
            yield Probe(f"{upper_first(word)} {lact} {low}", REVIEW, "change-first", also=ends)
            yield Probe(f"{act} {word} {low}", REVIEW, "change-between", also=ends)
            if after:
                yield Probe(f"{base}, {word} {lact}", REVIEW, "change-comma")
                yield Probe(f"{base} ({word})", REVIEW, "change-bracket")
                yield Probe(f"{base}; {word} {lact}", REVIEW, "change-semicolon")
                yield Probe(f"{act} {low} {word}", REVIEW, "change-last")
            else:
                yield Probe(f"{base}, {word}", REVIEW, "change-count-comma")


# Second batch, written after the first batch's rules and committed before the reader was run
# on it: activities and change words none of the first batch's lists hold.
ACTIVITIES_2 = [
    "Nạo vét kênh mương nội đồng",
    "Cắm mốc giới quy hoạch",
    "Lắp đặt camera an ninh",
    "Đo đạc địa chính",
    "Ươm cây giống",
    "Sơn sửa cổng trường",
    "Tiêu độc khử trùng chuồng trại",
    "Bốc thăm chia bảng",
    "Thẩm tra lý lịch",
    "Tháo dỡ biển quảng cáo",
    "Rải đá cấp phối",
    "Kiểm đếm vật nuôi",
    "Chụp ảnh làm thẻ",
    "Trưng bày sản phẩm",
    "Gắn biển số nhà",
    "Vớt rác trên sông",
    "Nuôi cấy vi sinh",
    "Lát gạch vỉa hè",
    "Trích lục bản đồ",
    "Đúc kết kinh nghiệm",
]

CHANGERS_2 = [
    "gác lại", "treo", "đóng băng", "vắng mặt", "xin rút", "bàn lại", "hẵng", "sai lệch",
    "nghe như", "bất định", "đứt quãng", "gián đoạn", "dây dưa", "đột ngột", "dè dặt",
    "cắt giảm", "co lại", "xích lên", "gộp", "nháp",
]


def second_activities() -> Iterator[Probe]:
    """(a), second batch: new activities before, after or around a sure reading."""
    for i, act in enumerate(ACTIVITIES_2):
        for j, (base, expect, after) in enumerate(BASES):
            low = lower_first(base)
            yield Probe(f"{act} {low}", expect, "act2-before")
            yield Probe(f"{act}: {low}", expect, "act2-label")
            if after:
                yield Probe(f"{base}, {lower_first(act)}", expect, "act2-comma")
                yield Probe(f"{base} ({lower_first(act)})", expect, "act2-bracket")
            template, _ = DISCOURSE[(i + j) % len(DISCOURSE)]
            cell = template.format(Act=act, act=lower_first(act), base=low)
            yield Probe(upper_first(cell), expect, "act2-discourse")


def second_changers() -> Iterator[Probe]:
    """(b), second batch: change words no list of the first batch's rules holds: REVIEW."""
    for i, word in enumerate(CHANGERS_2):
        for j, (base, _, after) in enumerate(BASES):
            act = ACTIVITIES_2[(i * 3 + j) % len(ACTIVITIES_2)]
            low = lower_first(base)
            lact = lower_first(act)
            yield Probe(f"{upper_first(word)} {lact} {low}", REVIEW, "change2-first")
            yield Probe(f"{act} {word} {low}", REVIEW, "change2-between")
            if after:
                yield Probe(f"{base}, {word} {lact}", REVIEW, "change2-comma")
                yield Probe(f"{base} ({word})", REVIEW, "change2-bracket")
                yield Probe(f"{act} {low} {word}", REVIEW, "change2-last")
            else:
                yield Probe(f"{base}, {word}", REVIEW, "change2-count-comma")


FAMILIES = [
    activities_around_a_reading,
    discourse_around_a_reading,
    clarifying_clauses,
    changers_around_a_reading,
    second_activities,
    second_changers,
]

# fmt: on


# Two change cells whose expected REVIEW (written before the run) missed a reading the words
# do give: "kéo dài từ … đến …" reads the window's end (hprobe12's convention), "đổi lịch đến
# ngày …" (rescheduled to that day) the day. Left as written, not relabelled after the run.
KNOWN_SILENT: frozenset[str] = frozenset(
    {
        "Chấm thi kéo dài từ ngày 01/10/2026 đến ngày 31/10/2026",
        "Ra đề kiểm tra đổi lịch đến ngày 25/5/2026",
    }
)


# The share is taken of the content cells (not the change ones).
PASS = Pass(
    FAMILIES,
    RIGHT_SHARE,
    ignore=frozenset({"hol:previous", "hol:next"}),
    known=KNOWN_SILENT,
    counted=lambda p: not p.kind.startswith("change"),
)
test_no_cell_is_read_wrong_without_a_flag, test_most_content_cells_are_read_right = PASS.tests()


if __name__ == "__main__":
    # uv run python -m tests.schedule.test_timing_probe14 [kind …] [--silent]
    PASS.print_misses()
