"""The cell reader (``parse_timing``) on a length told before its window (hmend): days, weeks or
months, in figures or "một", before a window in brackets or not, after "trong (vòng|thời
gian|thời hạn)", "thời gian (thực hiện)" or (days only) nothing. The length only restates the
window: read with it when the reading right after it is that one window and lasts that long
(days: first and last counted, a day's slack, none for a half day; weeks: a day's slack; "trong
tuần": up to seven days; months: exactly that many whole months, else a month's slack, half a
month for one), or when that many single days are listed after it. A length that disagrees is
left unread, flagged. One check (``reader._length_of_a_window``) where three were.

Every cell was written for this file, none taken from the corpus; each expected reading was
worked out from the words (the plan's year 2025) before the reader was run.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.schedule.timing import parse_timing

YEAR = 2025


def _window(text: str) -> tuple[tuple[date | None, date | None, str], ...]:
    result = parse_timing(text, year=YEAR)
    assert not result.review, result.reason
    return tuple((rule.start, rule.due, rule.rrule) for rule in result.rules)


def d(month: int, day: int, year: int = YEAR) -> date:
    return date(year, month, day)


# A length that agrees with the one window after it: read with it, no flag.
AGREEING = [
    # days, first and last counted, or one more (the first day not counted)
    ("Trong 12 ngày, từ ngày 2/6 đến ngày 13/6", d(6, 2), d(6, 13)),
    ("trong vòng 12 ngày từ 2.6 đến hết ngày 14.6", d(6, 2), d(6, 14)),
    ("8 ngày kể từ ngày 4/3 đến 11/3", d(3, 4), d(3, 11)),
    ("trong thời hạn 9 ngày: bắt đầu từ 1/10 đến 9/10", d(10, 1), d(10, 9)),
    ("Thời gian thực hiện 25 ngày (từ 3/11 đến 27/11)", d(11, 3), d(11, 27)),
    ("trong 6 ngày (8/4 - 13/4)", d(4, 8), d(4, 13)),
    ("trong thời gian 2,5 ngày từ ngày 17/9 đến 19/9", d(9, 17), d(9, 19)),
    # weeks, and "the week"
    ("trong 3 tuần từ 2/6 đến 22/6", d(6, 2), d(6, 22)),
    ("trong vòng 2 tuần, kể từ ngày 7/7 đến ngày 21/7", d(7, 7), d(7, 21)),
    ("trong một tuần từ 11/8 đến 17/8", d(8, 11), d(8, 17)),
    ("trong hai tuần (từ 3/11 đến 16/11)", d(11, 3), d(11, 16)),
    ("thời gian thực hiện: 4 tuần (từ 2/2 đến 1/3)", d(2, 2), d(3, 1)),
    ("trong tuần từ ngày 13/10 tới 17/10", d(10, 13), d(10, 17)),
    # months: whole months exactly, others within the slack
    ("trong thời gian 4 tháng, từ 1/3 đến 30/6", d(3, 1), d(6, 30)),
    ("trong 3 tháng từ 20/1 đến 25/4", d(1, 20), d(4, 25)),
    ("trong vòng một tháng từ 1/10 đến 31/10", d(10, 1), d(10, 31)),
    ("trong 1 tháng (từ 10/3 đến 9/4)", d(3, 10), d(4, 9)),
    ("trong thời hạn 2 tháng (từ ngày 1/5 đến hết ngày 30/6)", d(5, 1), d(6, 30)),
    ("thời gian 5 tháng từ 1/4 đến 31/8", d(4, 1), d(8, 31)),
    ("Thời gian thực hiện 04 tháng (từ tháng 7 đến tháng 10/2025)", d(7, 1), d(10, 31)),
    ("trong 3 tháng (từ 1/12/2025 đến 28/2/2026)", d(12, 1), d(2, 28, 2026)),
]


@pytest.mark.parametrize(("text", "start", "due"), AGREEING)
def test_a_length_that_agrees_is_read_with_its_window(text: str, start: date, due: date) -> None:
    assert _window(text) == ((start, due, ""),)


def test_days_listed_after_their_count() -> None:
    # as many single days as the count (a half day held on one more)
    assert _window("trong 2 ngày liên tiếp là ngày 4/8 và ngày 5/8") == (
        (None, d(8, 4), ""),
        (None, d(8, 5), ""),
    )
    assert _window("Trong 1,5 ngày diễn ra vào ngày 9, 10/12") == (
        (None, d(12, 9), ""),
        (None, d(12, 10), ""),
    )


def test_a_window_every_year_is_measured_from_its_first_day() -> None:
    # read as its last day every year; the length is checked from "từ …" to that day
    assert _window("trong 20 ngày (từ 1/9 đến 20/9 hằng năm)") == (
        (None, None, "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=20"),
    )
    assert _window("trong 4 tháng (từ tháng 3 đến tháng 6 hằng năm)") == (
        (None, None, "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-1"),
    )
    flagged = parse_timing("trong 10 ngày (từ 1/9 đến 20/9 hằng năm)", year=YEAR)
    assert flagged.review
    assert "'10'" in flagged.reason


# A length that disagrees with the window after it, or not right before a single window, or
# a week's or a month's with nothing before it: left unread, flagged with the count shown.
DISAGREEING = [
    ("Trong 12 ngày từ ngày 2/6 đến ngày 15/6", "12"),
    ("8 ngày kể từ ngày 4/3 đến 20/3", "8"),
    ("trong thời gian 2,5 ngày từ ngày 17/9 đến 20/9", "2,5"),
    ("Thời gian thực hiện 25 ngày (từ 3/11 đến 30/11)", "25"),
    ("trong 3 ngày là ngày 6/5 và 9/5", "3"),
    ("Trong 5 ngày từ 2/6 đến 20/6 và từ 1/7 đến 5/7", "5"),  # the first window is not 5 days
    ("trong 3 tuần từ 2/6 đến 30/6", "3 tuần"),
    ("trong tuần từ 6/10 đến 24/10", "tuần"),
    ("2 tuần từ 2/6 đến 15/6", "2 tuần"),
    ("trong 4 tháng từ 1/3 đến 31/7", "4"),  # whole months: exactly
    ("trong 2 tháng (từ tháng 4 đến tháng 6)", "2"),
    ("Thời gian thực hiện 05 tháng (từ tháng 7 đến tháng 10/2025)", "05"),
    ("trong 1 tháng (từ 10/3 đến 20/3)", "1"),  # half a month's slack for one
    ("trong 3 tháng từ 1/2 đến 30/9", "3"),
    ("3 tháng từ 1/4 đến 30/6", "3"),  # maybe how long after: not taken bare
]


@pytest.mark.parametrize(("text", "count"), DISAGREEING)
def test_a_length_that_disagrees_flags(text: str, count: str) -> None:
    result = parse_timing(text, year=YEAR)
    assert result.review
    assert f"'{count}" in result.reason


def test_a_count_after_its_window_has_no_slack() -> None:
    assert _window("từ 3/8 đến 9/8 (7 ngày)") == ((d(8, 3), d(8, 9), ""),)
    assert _window("từ 3/8 đến 9/8 hằng năm (7 ngày)") == (
        (None, None, "FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=9"),
    )
    assert parse_timing("từ 3/8 đến 10/8 (7 ngày)", year=YEAR).review
