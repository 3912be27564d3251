"""The lead's four conventions (hconv2), each on phrases of its own (not the corpus's), read
as ``test_timing`` reads its table: over 2024, a trailing "?" for a flagged reading.

1. "từ ngày A và ngày B", "từ A và B/M", "từ ngày A, B/M": a window of those days, due at B;
   an hour on B only when written for the end.
2. "nhân ngày <day or holiday>": an occasion, flagged as "dịp" is.
3. "vào 0 giờ ngày X" (a census's or a survey's moment): that day at 00:00.
4. "trong N ngày từ D", "N ngày từ ngày D" without "kể" and without a written end: due D+N,
   the first day not counted; a written end decides; "bắt đầu từ" counts D."""

from __future__ import annotations

import pytest

from tests.schedule.test_timing import _describe
from tracker.schedule.timing import parse_timing
from tracker.schedule.workdays import WorkCalendar

FROM_DAYS_LISTED: list[tuple[str, str]] = [
    ("từ ngày 12 và 13/10", "2024-10-12..2024-10-13"),
    ("từ ngày 3 và ngày 4/6/2024", "2024-06-03..2024-06-04"),
    ("từ 14 và 15/7", "2024-07-14..2024-07-15"),
    ("từ ngày 21, 22, 23/11", "2024-11-21..2024-11-23"),
    ("từ ngày 27, 28/2/2024", "2024-02-27..2024-02-28"),
    ("từ ngày 15.6 và 16.6", "2024-06-15..2024-06-16"),
    ("từ ngày 5 và 6 tháng 9", "2024-09-05..2024-09-06"),
    ("Diễn tập từ ngày 7/3/2024 và 8/3/2024", "2024-03-07..2024-03-08"),
    ("từ ngày 28/12 và 29/12", "2024-12-28..2024-12-29"),
    ("từ sáng ngày 8 và ngày 9/3", "2024-03-08..2024-03-09"),
    ("tổ chức trong 2 ngày, từ ngày 9 và 10-8", "2024-08-09..2024-08-10"),
    ("trong thời gian 3 ngày từ ngày 26, 27 và 28.7.2024", "2024-07-26..2024-07-28"),
    # An hour written for the end is the deadline's; the start's hour is not.
    ("từ 7 giờ ngày 3/6 và 17 giờ ngày 4/6", "2024-06-03..2024-06-04 17:00"),
    ("từ ngày 10/9 và 16h ngày 12/9", "2024-09-10..2024-09-12 16:00"),
    ("từ ngày 3 và 17 giờ ngày 4/6", "2024-06-03..2024-06-04 17:00"),
    ("từ 8 giờ ngày 3 và ngày 4/6", "2024-06-03..2024-06-04"),
    ("từ 7h30 ngày 10/9 và ngày 12/9", "2024-09-10..2024-09-12"),
    # A count that disagrees, days out of order, or a month or more apart: flagged.
    ("trong 5 ngày từ ngày 9 và 10/8", "2024-08-09..2024-08-10?"),
    ("từ ngày 20 và 18/5", "2024-05-18?"),
    ("tăng lương từ ngày 1/7/2024 và 1/7/2025", "2025-07-01 continuous?"),
    # An hour and its minutes before a day are not a day listed.
    ("từ 6 giờ 15, ngày 21/5", "2024-05-21 06:15?"),
]


ON_THE_OCCASION: list[str] = [
    "nhân Ngày Quốc tế Phụ nữ 8/3",
    "nhân ngày Thầy thuốc Việt Nam 27/2",
    "Gặp mặt nhân ngày truyền thống ngành 15/8",
    "nhân dịp kỷ niệm Ngày Nhà giáo Việt Nam 20/11",
    "nhân kỷ niệm ngày Thương binh liệt sĩ 27/7",
    "nhân ngày Quốc khánh 2/9/2024",
    "nhân Quốc khánh 2/9",
    "Nhân ngày Gia đình Việt Nam (28/6)",
    "nhân ngày thành lập Hội Nông dân 14/10",
    "tổ chức tọa đàm nhân ngày Sách Việt Nam 21/4",
    "nhân Tết Nguyên đán",
    "nhân 26/3",
]


MIDNIGHT: list[tuple[str, str]] = [
    ("vào 0 giờ ngày 1/4", "2024-04-01 00:00"),
    ("lúc 0 giờ ngày 1/10", "2024-10-01 00:00"),
    ("thời điểm 0 giờ ngày 1/7/2024", "2024-07-01 00:00"),
    ("tại thời điểm 0 giờ ngày 1/11/2024", "2024-11-01 00:00"),
    ("Thời điểm: 0 giờ ngày 15/3", "2024-03-15 00:00"),
    ("thời điểm điều tra 0 giờ ngày 1/7", "2024-07-01 00:00"),
    ("vào 0h ngày 1/11", "2024-11-01 00:00"),
    ("vào 00 giờ ngày 15/3", "2024-03-15 00:00"),
    ("vào 0 giờ 00 phút ngày 1/4/2024", "2024-04-01 00:00"),
    ("Thời điểm tổng điều tra là 0 giờ ngày 01 tháng 4 năm 2024", "2024-04-01 00:00"),
    ("thời điểm 8 giờ ngày 2/7/2024", "2024-07-02 08:00"),
    # A start at midnight with no end stays a start at an hour: flagged, as before.
    ("bắt đầu từ 0 giờ ngày 1/7/2024", "2024-07-01 00:00?"),
]


DAYS_FROM: list[tuple[str, str]] = [
    ("trong 20 ngày từ 1/10", "2024-10-02..2024-10-21"),
    ("trong 30 ngày từ ngày 5/3", "2024-03-06..2024-04-04"),
    ("trong vòng 20 ngày từ 10/4", "2024-04-11..2024-04-30"),
    ("trong thời hạn 10 ngày từ ngày 2/5/2024", "2024-05-03..2024-05-12"),
    ("trong 45 ngày, từ ngày 15/8", "2024-08-16..2024-09-29"),
    ("cấm xe trong 12 ngày từ 20/12", "2024-12-21..2025-01-01"),
    ("15 ngày từ ngày 1/6", "2024-06-02..2024-06-16"),
    ("Niêm yết: 15 ngày từ ngày 1/6", "2024-06-02..2024-06-16"),
    ("7 ngày kể từ ngày 9/9", "2024-09-10..2024-09-16"),
    # From a day's midnight the day counts, as with "kể từ 0 giờ".
    ("trong 15 ngày từ 0 giờ ngày 1/4", "2024-04-01..2024-04-15"),
    # A written end decides; a disagreeing count flags.
    ("trong 61 ngày từ 1/9 đến 31/10", "2024-09-01..2024-10-31"),
    ("trong 10 ngày từ ngày 1/7 đến ngày 25/7", "2024-07-01..2024-07-25?"),
    # "bắt đầu từ" counts D as the first day.
    ("trong 10 ngày, bắt đầu từ ngày 1/7", "2024-07-01..2024-07-10"),
    # Working days, a count after a task's words, a start at another hour: flagged.
    ("trong 7 ngày làm việc từ ngày 3/6", "continuous?"),
    ("có hiệu lực sau 15 ngày từ ngày 1/6", "continuous?"),
    ("trong 14 ngày từ 20 giờ ngày 4/5", "2024-05-04 20:00?"),
]


@pytest.mark.parametrize(
    ("text", "expected"), FROM_DAYS_LISTED, ids=[c[0] for c in FROM_DAYS_LISTED]
)
def test_days_listed_after_from_are_one_window(
    calendar: WorkCalendar, text: str, expected: str
) -> None:
    assert _describe(calendar, text) == expected


@pytest.mark.parametrize("text", ON_THE_OCCASION)
def test_on_the_occasion_of_a_day_flags(text: str) -> None:
    result = parse_timing(text, year=2024)
    assert result.review
    assert "dịp" in result.reason or "Tết" in result.reason


@pytest.mark.parametrize(
    "text",
    ["hồ sơ cá nhân ngày 15/6", "Hội nghị doanh nhân ngày 13/10", "thương nhân lễ 2/9"],
)
def test_nhan_of_a_noun_is_no_occasion(text: str) -> None:
    # "cá nhân", "doanh nhân", "thương nhân" before a day name no occasion (the phrase may flag
    # for its other words, never for an occasion).
    assert "dịp" not in parse_timing(text, year=2024).reason


@pytest.mark.parametrize(("text", "expected"), MIDNIGHT, ids=[c[0] for c in MIDNIGHT])
def test_a_moment_at_midnight_is_that_day_at_00_00(
    calendar: WorkCalendar, text: str, expected: str
) -> None:
    assert _describe(calendar, text) == expected


@pytest.mark.parametrize(("text", "expected"), DAYS_FROM, ids=[c[0] for c in DAYS_FROM])
def test_days_from_a_day_without_ke_count_as_ke_tu(
    calendar: WorkCalendar, text: str, expected: str
) -> None:
    assert _describe(calendar, text) == expected
