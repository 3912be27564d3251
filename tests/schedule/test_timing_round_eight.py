"""The timing reader's rules made on round eight of the corpus, each on phrases of its own
(not the corpus's), read as ``test_timing`` reads its table: over 2024, relative rules from
an event on Monday 04/03/2024, a trailing "?" for a flagged reading."""

from __future__ import annotations

import pytest

from tests.schedule.test_timing import _describe
from tracker.schedule.workdays import WorkCalendar

CASES: list[tuple[str, str]] = [
    # A council or an assembly deciding is an approval, whatever words follow "HĐND".
    ("chậm nhất 3 ngày sau khi HĐND xã quyết định dự toán", "2024-03-07"),
    ("trong 10 ngày kể từ ngày Quốc hội quyết định", "2024-03-14"),
    # A count of months is how long, not a date ("1 - 2" is no 1 February).
    ("từ 1 - 2 tháng", "?"),
    ("2 - 2,5 tháng thả giống một lần", "?"),
    ("từ 1/2 - 15/2", "2024-02-01..2024-02-15"),
    # "đến … mới": not before then, so no deadline.
    ("phải đợi đến tháng 9/2024 mới khởi công", "2024-09-01..2024-09-30?"),
    ("đến ngày 5 mỗi tháng", "12× 2024-01-05 … 2024-12-05"),
    # A start, then its close said "kết thúc": one window; a range's end "dứt điểm".
    ("bắt đầu từ ngày 2/3, dự kiến kết thúc vào ngày 20/5/2024", "2024-03-02..2024-05-20"),
    ("từ 10/6 và kết thúc ngày 25/6", "2024-06-10..2024-06-25"),
    ("ngày 10/6 kết thúc ngày 25/6", "2024-06-10 2024-06-25?"),
    ("từ ngày 8/4 đến dứt điểm ngày 30/4", "2024-04-08..2024-04-30"),
    # On the day of a known event itself.
    ("trong ngày làm việc nhận đủ hồ sơ hợp lệ", "2024-03-04"),
    ("trong ngày làm việc", "?"),
    # A count of days, then the days in brackets; they must agree.
    ("trong 3 ngày (5, 6 và 7/8)", "2024-08-05 2024-08-06 2024-08-07"),
    ("trong 3 ngày (5 và 6/8)", "2024-08-05 2024-08-06?"),
    # A range of lunar dates in words, marked once after its last end, checked.
    (
        "từ 10/7 đến 24/7/2024 (nhằm ngày 5 tháng 6 đến ngày 19 tháng 6 âm lịch)",
        "2024-07-10..2024-07-24",
    ),
    ("nhằm ngày 5 tháng 6 đến ngày 19 tháng 6 năm 2024 âm lịch", "2024-07-10..2024-07-24?"),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_each_round_eight_phrase_gives_its_occurrences(
    calendar: WorkCalendar, text: str, expected: str
) -> None:
    assert _describe(calendar, text) == expected
