"""The cell reader (``parse_timing``) on the small words around a timing (twenty-first probing
pass, hlex4).

On first sight of new phrases the reader's most common miss is one small word it does not
explain, so the cell flags ("Chưa hiểu phần 'X'") though the reading is right. Five classes of
such words, each written in many shapes (a deadline, a window, a count before an event, weekly
and monthly cadences, a task clause before), and for each word what it does to the deadline,
decided from its meaning and the house conventions (``tests/plans/corpus/README.md``, "The
label conventions, in one place"; the plan's year 2026):

1. tense and aspect ("sẽ", "đã", "đang", "vừa", "vừa qua", "vừa rồi", "sắp", "sắp tới", "tới"
   after a date, "vẫn", "tiếp tục"): a day said to be past or future is still that day; the
   reading is the timing's. "mới" ("đến ngày 2/3 mới triển khai": not before) changes it:
   REVIEW. "trước đó" (earlier, before that) leans on another day: a flag is as right;
2. approximations ("khoảng", "tầm", "chừng", "độ", "khoảng chừng", "xấp xỉ", "dự kiến
   khoảng"): the house flags "khoảng" before a day or an hour on purpose (probe 20's "khoảng
   ngày …"; "Khoảng 18h tối, ngày 5/12" labelled 18:00 that day, flagged by design), so before a
   day, a month or an hour the reading is the day's and a flag is as right (``settled`` False);
   "khoảng N ngày (làm việc) kể từ …" is the count (round twelve's convention), the other
   approximations before a count are the count or a flag; "sau khoảng N ngày kể từ …" is a
   review (round twenty-one); "dự kiến" alone carries no timing (the month or day);
3. bounds: "chậm nhất", "muộn nhất", "không muộn hơn", "không quá" before a day are due that
   day; "tối đa", "không quá", "nhiều nhất" before a count from an event are that count;
   "ít nhất (là)", "tối thiểu" N days (working) before an event are the event − N (the house
   reading of "N ngày trước"); at least once a period is that period's cadence, twice or more a
   review. "không sớm hơn", "sớm nhất", "sau ít nhất" name an earliest moment: REVIEW;
4. parts of the day ("rạng sáng", "sáng sớm", "chiều tối", "tối muộn", "đêm", "khuya", "giữa
   trưa", "đêm khuya") beside a day: the day ("A morning, an afternoon or an evening with no
   hour is that day"); an hour only when written ("22h tối muộn ngày …": 22:00);
5. scope ("riêng", "đặc biệt là", "nhất là", "chỉ", "ngay", "kể cả", "cả") before a day at
   the head of a cell: scope does not move the day ("Riêng ngày 7/7, …" is 7/7 for the row that
   says it). "trừ", "ngoại trừ", "không kể" remove days: REVIEW, unless the reading drops what
   they remove (``also``: the reading with those days gone, or the same end when they do not
   touch it).

Every cell was written for this pass, none taken from the corpus; each expected reading was
worked out from its words before the reader was run on them (committed first).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.schedule.probing import (
    HOLIDAY_MOVES,
    QUARTERLY,
    REVIEW,
    YEAR,
    Pass,
    Probe,
    assert_mostly_right,
    assert_none_silent,
    assert_read,
    day,
    month_end,
    month_ends,
    monthly,
    rel,
    upper_first,
    weekly,
)
from tracker.schedule.timing import parse_timing

# Set after the run with the rules: 341 of 354 (96%), 346 after merging main at 2c6fa4f;
# main read 218 of them (62%), 222 at 2c6fa4f.
RIGHT_SHARE = 0.93

CLAUSES = (
    "báo cáo kết quả",
    "tổ chức hội nghị",
    "nộp hồ sơ",
    "tổng vệ sinh môi trường",
    "rà soát hộ nghèo",
    "kiểm tra an toàn thực phẩm",
    "tập huấn nghiệp vụ",
    "tuyên truyền phòng chống dịch bệnh",
)


def _dm(i: int) -> tuple[int, int]:
    return 3 + (i * 7) % 25, 1 + (i * 5) % 12


# 1. Tense and aspect, before the verb of the task.
ASPECTS_BEFORE = ("sẽ", "đã", "đang", "vừa", "sắp", "vẫn", "tiếp tục", "đã và đang", "sẽ tiếp tục")


def aspects() -> Iterator[Probe]:
    for i, w in enumerate(ASPECTS_BEFORE):
        d, m = _dm(i)
        c = CLAUSES[i % len(CLAUSES)]
        W = upper_first(w)
        forms = [
            (f"{W} thực hiện trước ngày {d}/{m}", day(m, d)),
            (f"{W} tổ chức trong tháng {m}", month_end(m)),
            (f"{upper_first(c)} {w} hoàn thành chậm nhất ngày {d}/{m}/{YEAR}", day(m, d)),
            (f"{W} thực hiện vào thứ Năm hằng tuần", weekly(3)),
            (f"{W} nộp trước ngày {d} hằng tháng", monthly(d)),
            (f"UBND xã {w} tổ chức từ ngày 1/{m} đến ngày {d}/{m}", day(m, d)),
            (f"Trước ngày {d}/{m}, {w} {c}", day(m, d)),
            (f"Hằng quý, {w} {c}", QUARTERLY),
        ]
        for cell, expect in forms:
            yield Probe(cell, expect, "aspect")


# Time words after a date or a period: "tới", "sắp tới", "vừa qua", "vừa rồi", "này".
ASPECTS_AFTER = ("tới", "sắp tới", "vừa qua", "vừa rồi", "này")


def aspects_after() -> Iterator[Probe]:
    for i, w in enumerate(ASPECTS_AFTER):
        d, m = _dm(i + 3)
        c = CLAUSES[(i + 2) % len(CLAUSES)]
        forms = [
            (f"Trước ngày {d}/{m} {w}", day(m, d)),
            (f"Chậm nhất ngày {d}/{m} {w}, {c}", day(m, d)),
            (f"Trong tháng {m} {w}", month_end(m)),
            (f"{upper_first(c)} trong quý III {w}", day(9, 30)),
            (f"{upper_first(c)} trước ngày {d}/{m} {w}", day(m, d)),
        ]
        for cell, expect in forms:
            yield Probe(cell, expect, "aspect-after")


# "mới" (only then, not before) and "trước đó" (before that other day).
def aspect_changes() -> Iterator[Probe]:
    for i, c in enumerate(CLAUSES):
        d, m = _dm(i + 1)
        yield Probe(f"Đến ngày {d}/{m} mới {c}", REVIEW, "aspect-moi")
        yield Probe(f"Sau ngày {d}/{m} mới {c}", REVIEW, "aspect-moi")
        yield Probe(f"Phải đến tháng {m} mới {c}", REVIEW, "aspect-moi")
        yield Probe(f"Ngày {d} hằng tháng mới {c}", REVIEW, "aspect-moi")
    yield Probe("Trước đó, ngày 12/4 hoàn thành hồ sơ", day(4, 12), "aspect-truoc-do", False)
    yield Probe("Trước đó 3 ngày, gửi giấy mời", REVIEW, "aspect-truoc-do")


# 2. Approximations.
APPROX = ("khoảng", "tầm", "chừng", "độ", "khoảng chừng", "xấp xỉ", "dự kiến khoảng")


def approximations() -> Iterator[Probe]:
    for i, w in enumerate(APPROX):
        d, m = _dm(i + 5)
        c = CLAUSES[i % len(CLAUSES)]
        W = upper_first(w)
        yield Probe(f"{W} ngày {d}/{m}", day(m, d), "approx", False)
        yield Probe(f"{upper_first(c)} vào {w} ngày {d}/{m}/{YEAR}", day(m, d), "approx", False)
        yield Probe(f"{W} tháng {m}/{YEAR}", month_end(m), "approx", False)
        yield Probe(f"{W} 18h ngày {d}/{m}", day(m, d, "18:00"), "approx", False)
        yield Probe(f"Sau {w} 30 ngày kể từ ngày nhận được văn bản", REVIEW, "approx-foretold")
        count = rel("nhan_van_ban", 10)
        yield Probe(
            f"{W} 10 ngày kể từ ngày nhận được văn bản", count, "approx-count", w == "khoảng"
        )
    yield Probe("Dự kiến trong tháng 8", month_end(8), "approx-du-kien")
    yield Probe("Dự kiến ngày 14/10/2026", day(10, 14), "approx-du-kien")
    yield Probe("Tổ chức hội nghị dự kiến vào ngày 21/5", day(5, 21), "approx-du-kien")


# 3. Bounds.
DEADLINE_BOUNDS = ("chậm nhất", "muộn nhất", "không muộn hơn", "không quá", "chậm nhất là")


def bounds() -> Iterator[Probe]:
    for i, w in enumerate(DEADLINE_BOUNDS):
        d, m = _dm(i + 7)
        c = CLAUSES[(i + 3) % len(CLAUSES)]
        W = upper_first(w)
        yield Probe(f"{W} ngày {d}/{m}", day(m, d), "bound")
        yield Probe(f"{upper_first(c)} {w} ngày {d}/{m}/{YEAR}", day(m, d), "bound")
        yield Probe(f"{W} ngày {d} hằng tháng", monthly(d), "bound")
        yield Probe(f"{W} thứ Sáu hằng tuần", weekly(4), "bound")
    counts = ("tối đa", "không quá", "nhiều nhất", "trong thời hạn tối đa", "trong vòng không quá")
    for i, w in enumerate(counts):
        n = 5 + i * 3
        W = upper_first(w)
        yield Probe(
            f"{W} {n} ngày kể từ ngày nhận được văn bản", rel("nhan_van_ban", n), "bound-count"
        )
        yield Probe(
            f"{W} {n} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
            rel("ho_so_tiep_nhan", n, True),
            "bound-count",
        )
    least = ("ít nhất", "ít nhất là", "tối thiểu", "tối thiểu là")
    for i, w in enumerate(least):
        n = 3 + i * 2
        W = upper_first(w)
        yield Probe(f"{W} {n} ngày trước ngày khai mạc kỳ họp", rel("ky_hop", -n), "bound-least")
        yield Probe(
            f"Gửi tài liệu {w} {n} ngày làm việc trước ngày khai mạc kỳ họp",
            rel("ky_hop", -n, True),
            "bound-least",
        )
        yield Probe(f"{W} {n + 10} ngày trước ngày bầu cử", rel("bau_cu", -n - 10), "bound-least")
        yield Probe(f"{W} 01 lần/tháng", month_ends(), "bound-least")
        yield Probe(f"{W} mỗi quý một lần", QUARTERLY, "bound-least")
        yield Probe(f"{W} 2 lần/năm", REVIEW, "bound-least")
    earliest = ("không sớm hơn", "sớm nhất", "sớm nhất là", "không trước")
    for i, w in enumerate(earliest):
        d, m = _dm(i + 9)
        yield Probe(f"{upper_first(w)} ngày {d}/{m}", REVIEW, "bound-earliest")
        yield Probe(f"Nộp hồ sơ {w} ngày {d}/{m}/{YEAR}", REVIEW, "bound-earliest")
    yield Probe("Sau ít nhất 10 ngày kể từ ngày niêm yết", REVIEW, "bound-earliest")
    yield Probe("Sau ít nhất 05 ngày làm việc kể từ ngày nhận văn bản", REVIEW, "bound-earliest")
    yield Probe("Tối đa 2 lần/tháng", REVIEW, "bound-earliest")


# 4. Parts of the day, beside a day; with an hour written.
PARTS = (
    ("rạng sáng", "4h", "04:00"),
    ("sáng sớm", "5h", "05:00"),
    ("chiều tối", "18h", "18:00"),
    ("tối muộn", "22h", "22:00"),
    ("đêm", "23h", "23:00"),
    ("khuya", "23 giờ", "23:00"),
    ("giữa trưa", "12h", "12:00"),
    ("đêm khuya", "23h30", "23:30"),
)


def parts_of_day() -> Iterator[Probe]:
    for i, (p, h, at) in enumerate(PARTS):
        d, m = _dm(i + 11)
        c = CLAUSES[(i + 5) % len(CLAUSES)]
        P = upper_first(p)
        yield Probe(f"{P} ngày {d}/{m}", day(m, d), "part")
        yield Probe(f"{P} {d}/{m}/{YEAR}", day(m, d), "part")
        yield Probe(f"{upper_first(c)} vào {p} ngày {d}/{m}", day(m, d), "part")
        yield Probe(f"{P} thứ Bảy hằng tuần", weekly(5), "part")
        yield Probe(f"{h} {p} ngày {d}/{m}", day(m, d, at), "part-hour")
        yield Probe(f"Trước {h} {p} ngày {d}/{m}", day(m, d, at), "part-hour")
        yield Probe(f"Từ {p} ngày 1/{m} đến {p} ngày {d}/{m}", day(m, d), "part")


# 5. Scope words at the head of a cell, before its timing.
SCOPES = ("riêng", "đặc biệt là", "nhất là", "chỉ", "ngay", "kể cả", "cả")


def scopes() -> Iterator[Probe]:
    for i, w in enumerate(SCOPES):
        d, m = _dm(i + 13)
        c = CLAUSES[(i + 1) % len(CLAUSES)]
        W = upper_first(w)
        yield Probe(f"{W} ngày {d}/{m}, {c}", day(m, d), "scope")
        yield Probe(f"{W} trong ngày {d}/{m}", day(m, d), "scope")
        yield Probe(f"{W} trong tháng {m}", month_end(m), "scope")
        yield Probe(f"{W} trước ngày {d}/{m}: {c}", day(m, d), "scope")
        yield Probe(f"{W} thứ Bảy hằng tuần", weekly(5), "scope")
    # Scope after a reading may open a second case for part of the work: flag (or read both).
    yield Probe("Trước ngày 20/6; riêng thôn Đông trước ngày 30/6", REVIEW, "scope-after")
    # Corrected after the first run (README): the reader reads this exception as the house
    # does (hprobe3: "a month given its own day is due on it"), which the comment above meant
    # by "read both"; the ``also`` was missing.
    yield Probe(
        "Ngày 10 hằng tháng, riêng tháng 12 là ngày 5",
        REVIEW,
        "scope-after",
        also=((*monthly(10)[:11], "2026-12-05"),),
    )


def exceptions() -> Iterator[Probe]:
    for i, w in enumerate(("trừ", "ngoại trừ", "không kể", "trừ các")):
        d, m = _dm(i + 15)
        yield Probe(
            f"Từ ngày 1/{m} đến ngày {d}/{m}, {w} ngày 2/{m}", REVIEW, "except", also=(day(m, d),)
        )
        yield Probe(f"Thứ Sáu hằng tuần, {w} tuần cuối tháng", REVIEW, "except")
        yield Probe(
            f"Ngày {d} hằng tháng, {w} tháng 2",
            REVIEW,
            "except",
            also=(tuple(x for x in monthly(d) if x[5:7] != "02"),),
        )
        yield Probe(f"Trong tháng {m}, {w} ngày {d}/{m}", REVIEW, "except", also=(month_end(m),))
        yield Probe(f"Hằng quý, {w} quý IV", REVIEW, "except", also=(QUARTERLY[:3],))


FAMILIES = [
    aspects,
    aspects_after,
    aspect_changes,
    approximations,
    bounds,
    parts_of_day,
    scopes,
    exceptions,
]


PASS = Pass(FAMILIES, RIGHT_SHARE, ignore=HOLIDAY_MOVES)
test_no_cell_is_read_wrong_without_a_flag = PASS.tests(per_cell=True)[0]
test_the_pass_is_as_wide_as_written = PASS.size_test(300)


def test_most_cells_are_read_right() -> None:
    found = PASS.verdicts()
    assert_none_silent(found)
    assert_mostly_right(found, RIGHT_SHARE)


if __name__ == "__main__":  # uv run python -m tests.schedule.test_timing_probe21 [kind …]
    PASS.print_misses()


# The rules of this pass, on cells written for these tests (none from the corpus).
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # Tense and aspect before a verb the lexicon knows, or after a reading.
        ("Phòng Văn hóa đã tổ chức trước ngày 8/3", day(3, 8)),
        ("Đang triển khai, hoàn thành trước ngày 30/10", day(10, 30)),
        ("Vừa triển khai trong tháng 4", month_end(4)),
        ("Sắp tổ chức kiểm tra vào thứ Hai hằng tuần", weekly(0)),
        ("Tiếp tục báo cáo trước ngày 25 hằng tháng", monthly(25)),
        ("Nộp báo cáo trước ngày 12/11 tới", day(11, 12)),
        ("Trong tháng 6 vừa qua, tổ chức hội nghị", month_end(6)),
        ("Hoàn thành trước ngày 3/3 vừa rồi", day(3, 3)),
        ("Trong quý IV sắp tới", day(12, 31)),
        # Parts of the day in two words, or "khuya", before a day or a weekday.
        ("Sáng sớm ngày 14/5, ra quân tổng vệ sinh", day(5, 14)),
        ("Chiều tối 21/8/2026", day(8, 21)),
        ("Trước 21 giờ tối muộn ngày 9/9", day(9, 9, "21:00")),
        ("Khuya ngày 30/4", day(4, 30)),
        ("Đêm Chủ nhật hằng tuần", weekly(6)),
        ("Từ chiều tối ngày 2/10 đến đêm khuya ngày 4/10", day(10, 4)),
        # Bounds said with more words.
        ("Ít nhất là 01 lần/quý", QUARTERLY),
        ("Tối thiểu hằng tháng 01 lần", month_ends()),
        ("Ít nhất 1 lần/tuần", weekly(4)),
        ("Nhiều nhất là 7 ngày kể từ ngày nhận được văn bản", rel("nhan_van_ban", 7)),
        ("Ít nhất 6 ngày trước ngày khai mạc kỳ họp", rel("ky_hop", -6)),
        # A scope word opening the cell before a day.
        ("Riêng ngày 2/12, tập huấn nghiệp vụ", day(12, 2)),
        ("Đặc biệt là trước ngày 14/4: nộp hồ sơ", day(4, 14)),
        ("Chỉ trong ngày 6/6", day(6, 6)),
    ],
)
def test_a_small_word_that_cannot_move_the_day_is_explained(
    text: str, expect: tuple[str, ...]
) -> None:
    assert_read(text, expect)


@pytest.mark.parametrize(
    "text",
    [
        # "mới": not before that day.
        "Đến ngày 9/8 mới nộp báo cáo",
        "Sau ngày 20/3 mới tổ chức",
        "Đến tháng 10 mới triển khai",
        "Vừa mới hoàn thành trước ngày 4/4",
        # An aspect word before a word of change, or before an unknown word.
        "Đã hoãn đến ngày 15/5",
        "Đang lùi trước ngày 15/5",
        "Sẽ xê dịch trước ngày 15/5",
        # Earliest moments.
        "Không sớm hơn ngày 10/7",
        "Sớm nhất là ngày 10/7",
        "Sau ít nhất 15 ngày kể từ ngày niêm yết",
        # Twice or more at least, a ceiling on how often.
        "Ít nhất là 3 lần/năm",
        "Nhiều nhất 2 lần/tháng",
        # Approximations before a day, a month, an hour; after about N days.
        "Khoảng ngày 20/9",
        "Tầm giữa tháng 5",
        "Chừng 16h ngày 2/2",
        "Sau khoảng 20 ngày kể từ ngày công bố",
        # Scope before a period or a weekday, or after a first reading; days taken out.
        "Riêng quý IV, báo cáo trước ngày 10",
        "Riêng thứ Bảy hằng tuần",
        "Kể cả thứ Bảy hằng tuần",
        "Trước ngày 1/6; riêng xã Tân Lập trước ngày 10/6",
        "Từ ngày 1/3 đến ngày 31/3, trừ ngày 31/3",
        "Thứ Hai hằng tuần, không kể tuần đầu tháng",
        "Hằng ngày, ngoại trừ thứ Bảy",
        # "sớm", "muộn" alone stay words of change.
        "Sớm ngày 4/6",
        "Muộn ngày 4/6",
    ],
)
def test_a_word_that_moves_or_bounds_the_day_still_flags(text: str) -> None:
    result = parse_timing(text, year=YEAR)
    assert result.review or not result.rules, (text, result.rules)
