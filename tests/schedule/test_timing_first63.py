"""The cell reader (``parse_timing``) on the classes of wording it missed at FIRST SIGHT in round
sixty-three of the corpus (hfirst63): quarters next to each other under "trong", "tuần này"
restated by its window in brackets, a bound before a lunar day restated by its solar date,
"khoảng" before an hour of a day named ("khoảng 22g tối qua, ngày …"), and a count of days
before as many days each written with its month.

Every cell was written for this file, none taken from the corpus; each expected reading was
worked out from the words (the plan's year 2025 unless the cell names one; Tết of 2025 fell on
29/1, so "30 Tết" was 28/1, "mùng 5 Tết" 2/2 and "rằm tháng Giêng" 12/2; 2/6/2025 and 3/3/2025
were Mondays) before the reader was run. The near wordings whose words change the meaning MUST
flag; those that keep it must read.
"""

from __future__ import annotations

import pytest

from tests.schedule.probing import read_cell

YEAR = 2025


def _read(text: str) -> tuple[str, bool, str]:
    return read_cell(text, YEAR)


def _assert_flags(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 1: quarters next to each other under "trong" are one window, due at the last one's end
# (as "trong tháng 4 và tháng 5" is); a bare list and quarters apart stay each quarter's end.
QUARTERS_IN_A_ROW = [
    ("trong quý III và IV", "2025-12-31"),
    ("trong quý 3 và quý 4/2025", "2025-12-31"),
    ("Hoàn thành trong quý I và quý II năm 2025", "2025-06-30"),
    ("trong các quý II, III và IV", "2025-12-31"),
    ("trong quý II & III", "2025-09-30"),
    ("trong quý I, quý II", "2025-06-30"),
]
QUARTERS_EACH = [
    ("quý III và quý IV/2025", "2025-09-30 2025-12-31"),
    ("trong quý I và quý III", "2025-03-31 2025-09-30"),
    ("trong quý II và IV", "2025-06-30 2025-12-31"),
]
# Near wordings: a choice, quarters across a year's end, every year, a year in words after.
QUARTERS_THAT_FLAG = [
    "trong quý III hoặc IV",
    "trong quý IV và quý I",
    "trong quý III và IV hằng năm",
    "trong quý III và IV năm sau",
    "trong quý II và III hoặc quý IV",
]


@pytest.mark.parametrize(("text", "expected"), QUARTERS_IN_A_ROW)
def test_quarters_in_a_row_under_trong(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize(("text", "expected"), QUARTERS_EACH)
def test_quarters_bare_or_apart_stay_each(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", QUARTERS_THAT_FLAG)
def test_quarters_near_wordings_flag(text: str) -> None:
    _assert_flags(text)


# Class 2: "tuần này" restated by its window in brackets: the window's end, when it lies in one
# week from Monday to Sunday and ends Friday to Sunday (hfirst6061 read the bracket, any seven
# days; hfirst63 added the week's shape).
THIS_WEEK = [
    ("trong tuần này (2/6-8/6)", "2025-06-08"),
    ("tuần này (từ ngày 02/6/2025 đến ngày 08/6/2025)", "2025-06-08"),
    ("Trong tuần này (từ ngày 4/6 đến ngày 8/6)", "2025-06-08"),
    ("tuần này (từ 2/6 đến 6/6)", "2025-06-06"),
    ("tuần này (đến ngày 8/6)", "2025-06-08"),
]
# Near wordings: a window across two weeks, one ending mid-week (or its end there), two weeks,
# a single day, no bracket, a choice, the next week.
THIS_WEEK_THAT_FLAG = [
    "tuần này (từ 4/6 đến 10/6)",
    "tuần này (2/6-4/6)",
    "tuần này (từ 26/5 đến 8/6)",
    "tuần này (8/6)",
    "tuần này (kết thúc ngày 4/6)",
    "tuần này từ 2/6 đến 8/6",
    "trong tuần này, từ ngày 3/3 đến ngày 9/3",
    "tuần này (từ 2/6 đến 8/6 hoặc 15/6)",
    "tuần sau (từ 9/6 đến 15/6)",
]


@pytest.mark.parametrize(("text", "expected"), THIS_WEEK)
def test_this_week_restated_by_its_window(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", THIS_WEEK_THAT_FLAG)
def test_this_week_near_wordings_flag(text: str) -> None:
    _assert_flags(text)


# Class 3: a bound before a lunar day restated by its solar date in brackets is the solar
# date's, when the two agree.
LUNAR_RESTATED = [
    ("từ nay đến 30 Tết (ngày 28/1)", "2025-01-28"),
    ("trước mùng 5 Tết (2/2/2025)", "2025-02-02"),
    ("đến rằm tháng Giêng (ngày 12/2)", "2025-02-12"),
    ("chậm nhất 28 Tết (27/1)", "2025-01-27"),
    ("trước Tết Nguyên đán (29/1/2025)", "2025-01-29"),
]
# Near wordings: a solar date that disagrees, none, a window in the bracket, a choice.
LUNAR_RESTATED_THAT_FLAG = [
    "từ nay đến 30 Tết (ngày 29/1)",
    "trước mùng 5 Tết (3/2)",
    "từ nay đến 30 Tết",
    "đến 30 Tết (từ 25/1 đến 28/1)",
    "trước 28 Tết (27/1) hoặc 30/1",
]


@pytest.mark.parametrize(("text", "expected"), LUNAR_RESTATED)
def test_a_bound_before_a_lunar_day_restated(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", LUNAR_RESTATED_THAT_FLAG)
def test_a_bound_before_a_lunar_day_near_wordings_flag(text: str) -> None:
    _assert_flags(text)


# Class 4: "khoảng" before an hour, its part of the day said with "(hôm) qua" or "nay", then the
# day (after a comma or in brackets): about that moment (hmiss2 read "tối/sáng/chiều qua, ngày";
# hfirst63 added the night, noon, "hôm" and the bracket).
ABOUT_AN_HOUR = [
    ("vào khoảng 21g tối qua, ngày 14/3/2025", "2025-03-14@21:00"),
    ("khoảng 3 giờ sáng nay (20/4)", "2025-04-20@03:00"),
    ("khoảng 23 giờ đêm hôm qua, ngày 4/6", "2025-06-04@23:00"),
    ("khoảng 14h chiều nay, ngày 9/9/2025", "2025-09-09@14:00"),
    ("Vào khoảng 11 giờ trưa nay, ngày 2/10", "2025-10-02@11:00"),
]
# Near wordings: "mất", "kéo dài" before "khoảng" (how long), no day, no part of the day
# before a bracket, an hour the part of the day cannot hold, a choice of days. ("trong khoảng 2
# giờ sáng nay, ngày 31/5" reads 02:00 on main, as "trong 2 giờ sáng, ngày 31/5" did before:
# the part of the day makes the hour a clock's; not a near wording that must flag.)
ABOUT_AN_HOUR_THAT_FLAG = [
    "mất khoảng 3 giờ chiều qua, ngày 31/5",
    "kéo dài khoảng 3 giờ chiều nay, ngày 31/5",
    "khoảng 22g tối qua",
    "khoảng 2 giờ (20/4)",
    "khoảng 14 giờ sáng nay, ngày 31/5",
    "khoảng 22g tối qua, ngày 31/5 hoặc 1/6",
]


@pytest.mark.parametrize(("text", "expected"), ABOUT_AN_HOUR)
def test_about_an_hour_of_a_day_named(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", ABOUT_AN_HOUR_THAT_FLAG)
def test_about_an_hour_near_wordings_flag(text: str) -> None:
    _assert_flags(text)


# Class 5: a count of days, then as many days each with its month: each day is due.
DAYS_NAMED = [
    ("hai ngày 26/2 và 27/2", "2025-02-26 2025-02-27"),
    ("trong hai ngày 14/8 và 15/8/2025", "2025-08-14 2025-08-15"),
    ("vào 2 ngày 5/9 và ngày 6/9", "2025-09-05 2025-09-06"),
    ("ba ngày 1/7, 2/7 và 3/7", "2025-07-01 2025-07-02 2025-07-03"),
    ("trong 02 ngày 10/10 và 12/10", "2025-10-10 2025-10-12"),
]
# Near wordings: a count that disagrees (either way), a choice, one day twice.
DAYS_NAMED_THAT_FLAG = [
    "hai ngày 26/2, 27/2 và 28/2",
    "ba ngày 26/2 và 27/2",
    "hai ngày 26/2 hoặc 27/2",
    "hai ngày 26/2 và 27/2 hoặc 28/2",
    "hai ngày 26/2 và 26/2",
]


@pytest.mark.parametrize(("text", "expected"), DAYS_NAMED)
def test_a_count_of_the_days_listed(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", DAYS_NAMED_THAT_FLAG)
def test_a_count_of_the_days_listed_near_wordings_flag(text: str) -> None:
    _assert_flags(text)
