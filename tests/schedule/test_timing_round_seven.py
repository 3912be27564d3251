"""The timing reader's rules made on round seven of the corpus, each on phrases of its own
(not the corpus's), read as ``test_timing`` reads its table: over 2024, relative rules from
an event on Monday 04/03/2024, a trailing "?" for a flagged reading."""

from __future__ import annotations

import pytest

from tests.schedule.test_timing import _describe
from tracker.schedule.workdays import WorkCalendar

CASES: list[tuple[str, str]] = [
    # Two months in a row, the year written once after the second: one window over both.
    ("vào tháng 3, 4/2024", "2024-03-01..2024-04-30"),
    ("trong tháng 11 và tháng 12/2024", "2024-11-01..2024-12-31"),
    # (Months apart are two windows; months of every year stay a cadence's.)
    ("vào tháng 3, tháng 7/2024", "2024-03-01..2024-03-31 2024-07-01..2024-07-31"),
    ("tháng 6, 7 hằng năm", "2024-07-01 2024-07-31"),
    # Ranges of months to "cuối tháng", with "năm" at each end; ranges of years after "từ".
    ("từ tháng 02 đến cuối tháng 04 năm 2024", "2024-02-01..2024-04-30"),
    ("từ tháng 9 năm 2023 đến tháng 2 năm 2024", "2023-09-01..2024-02-29"),
    ("từ năm 2021-2024", "2021-01-01..2024-12-31"),
    ("từ năm 2022 đến năm 2024", "2022-01-01..2024-12-31"),
    # From now to the end of a year or a month; a bound before "ngày" and its date.
    ("từ nay đến hết năm 2024", "2024-01-01..2024-12-31"),
    ("từ nay đến cuối tháng 9", "2024-09-01..2024-09-30"),
    ("từ 5/3 đến hết tháng 4", "2024-03-05..2024-04-30"),
    ("đến hết ngày 20/5", "2024-05-20"),
    # One to four weeks at the end of a month: the month's end.
    ("2 tuần cuối tháng 11", "2024-11-30"),
    ("7 tuần cuối tháng 11", "2024-11-30?"),
    # The school term a deadline is for is no date; alone it is nothing read.
    ("học kỳ I kết thúc trước ngày 18/1/2024", "2024-01-18"),
    ("học kỳ II", "?"),
    # The period first, the task's verb, then how many times.
    ("tháng họp một lần", "12× 2024-01-31 … 2024-12-31"),
    ("năm tổ chức 2 lần", "2024-07-01 2024-12-31"),
    ("quý kiểm tra một lần", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("6 tháng họp một lần", "?"),
    ("tháng sau họp một lần", "?"),
    # "định kỳ" before a period with its year names that period's sitting, no cadence.
    ("giao ban định kỳ quý II/2024", "2024-04-01..2024-06-30"),
    ("định kỳ tháng 3-2024", "2024-03-01..2024-03-31"),
    ("định kỳ quý II", "2024-04-01 2024-04-01..2024-06-30 2024-07-01 2024-09-30 2024-12-31?"),
    # Office hours of the day a reading names; the holiday clause said twice over.
    (
        "vào thứ Năm hằng tuần, trong giờ hành chính, nếu trùng ngày nghỉ thì tiếp vào ngày "
        "làm việc tiếp theo liền kề sau đó",
        "52× 2024-01-04 … 2024-12-26",
    ),
    ("trong giờ hành chính", "?"),
    # "từ ngày" a known event is "kể từ ngày" it.
    ("từ ngày ký", "2024-03-04"),
    ("có hiệu lực thi hành từ ngày ký ban hành", "2024-03-04"),
    ("từ ngày mai", "?"),
    # A day "của tháng", with nothing after it: every month.
    ("trước ngày 10 của tháng", "12× 2024-01-10 … 2024-12-10"),
    ("chậm nhất ngày 5 của mỗi tháng.", "12× 2024-01-05 … 2024-12-05"),
    ("ngày 15 của tháng đó", "?"),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_each_round_seven_phrase_gives_its_occurrences(
    calendar: WorkCalendar, text: str, expected: str
) -> None:
    assert _describe(calendar, text) == expected
