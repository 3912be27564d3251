"""The timing reader's rules made on round six of the corpus, each on phrases of its own
(not the corpus's), read as ``test_timing`` reads its table: over 2024, relative rules from
an event on Monday 04/03/2024, a trailing "?" for a flagged reading."""

from __future__ import annotations

import pytest

from tests.schedule.test_timing import _describe
from tracker.schedule.workdays import WorkCalendar

CASES: list[tuple[str, str]] = [
    # A condition, then the count of days from it: the count is kept.
    ("Khi nhận được phản ánh của người dân thì trong vòng 5 ngày làm việc", "2024-03-11"),
    ("khi có kết quả thẩm định, trong 10 ngày", "2024-03-14"),
    # A number after an event that no rule read is never dropped silently.
    ("Sau khi hoàn thành, chậm nhất ngày 15/6", "2024-03-04?"),
    # A report's data period in brackets beside its deadline describes the data.
    ("(số liệu tính từ ngày 01/01 đến ngày 30/6) gửi trước ngày 10/7/2024", "2024-07-10"),
    ("(kỳ báo cáo tính từ 01/7 đến hết 31/12) chậm nhất ngày 15/01/2025", "2025-01-15"),
    # Alone, it is still the window it names.
    ("Số liệu tính từ ngày 01/01 đến ngày 30/6/2024", "2024-01-01..2024-06-30"),
    # One window of hours, then "hằng ngày": a daily task due at the window's end,
    # weekends included; "hằng ngày" first stays continuous work within those hours.
    ("từ 17h đến 18h30 hằng ngày", "366× 2024-01-01 17:00-18:30 … 2024-12-31 17:00-18:30"),
    ("hằng ngày từ 17h đến 18h30", "continuous"),
    ("từ 6h đến 8h và từ 17h đến 19h hằng ngày", "continuous"),
    # "dịp" is an occasion: a season, not a day.
    ("nhân dịp cuối năm", "2024-12-31?"),
    ("vào dịp 30/4/2024", "2024-04-30?"),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_each_round_six_phrase_gives_its_occurrences(
    calendar: WorkCalendar, text: str, expected: str
) -> None:
    assert _describe(calendar, text) == expected
