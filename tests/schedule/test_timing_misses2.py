"""The cell reader (``parse_timing``) on the classes of wording the tune part of the corpus still
missed (hmiss2): quarters in a row after "trong" (one window, as months in a row), a count of
days before the days it counts, each written with its month, and the central government's bodies
("Chính phủ", "Thủ tướng") named beside a timing, and an hour hedged by "khoảng" with its part of
the day told from the day of writing ("tối qua"), then its day.

Every cell was written for this file, none taken from the corpus; each expected reading was
worked out from the words (the plan's year 2025 unless the cell names one) before the reader was
run. The near wordings whose words change the meaning MUST flag; those that keep the older
reading keep it.
"""

from __future__ import annotations

import pytest

from tests.schedule.probing import read_cell

YEAR = 2025


def _read(text: str) -> tuple[str, bool, str]:
    return read_cell(text, YEAR)


# Class 1: quarters in a row after "trong" are one window, due at the last one's end, as months
# in a row are (the conventions' "Months listed").
QUARTERS_IN_A_ROW = [
    ("trong quý III và IV", "2025-12-31"),
    ("Hoàn thành trong quý II và quý III năm 2025", "2025-09-30"),
    ("trong quý I, II và III", "2025-09-30"),
    ("trong quý 3 và quý 4/2025", "2025-12-31"),
    ("trong quý II, III/2026", "2026-09-30"),
]
# Near wordings that keep each quarter's own end, as before: quarters apart, no "trong" (a
# payment for each quarter is written so), quarters out of order.
QUARTERS_EACH = [
    ("trong quý I và quý III", "2025-03-31 2025-09-30"),
    ("Quý III và Quý IV năm 2025", "2025-09-30 2025-12-31"),
    ("trong quý IV và III", "2025-09-30 2025-12-31"),
]
# Near wordings that flag: a year in words, a yearly cadence, a choice.
QUARTERS_IN_A_ROW_THAT_FLAG = [
    "trong quý III và IV năm sau",
    "trong quý III và IV hằng năm",
    "trong quý II hoặc quý III",
]


@pytest.mark.parametrize(("text", "expected"), QUARTERS_IN_A_ROW)
def test_quarters_in_a_row_after_trong_are_one_window(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize(("text", "expected"), QUARTERS_EACH)
def test_quarters_apart_or_without_trong_keep_each_end(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", QUARTERS_IN_A_ROW_THAT_FLAG)
def test_quarters_in_a_row_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 2: a count of days, then the days it counts each written with its month: both (all)
# days, as "hai ngày 26 và 27/2" (the month once) is read.
COUNTED_DAYS_EACH_DATED = [
    ("hai ngày 26/2 và 27/2", "2025-02-26 2025-02-27"),
    ("trong 3 ngày 5/6, 6/6 và 7/6", "2025-06-05 2025-06-06 2025-06-07"),
    ("trong hai ngày 31/1 và 1/2", "2025-01-31 2025-02-01"),
    ("Tổng cộng 2 ngày 10/10 và 11/10", "2025-10-10 2025-10-11"),
]
# Near wordings that flag: a count that disagrees (fewer or more days), a choice, a day said
# twice, an hour, a window among the days.
COUNTED_DAYS_EACH_DATED_THAT_FLAG = [
    "ba ngày 26/2 và 27/2",
    "hai ngày 26/2, 27/2 và 28/2",
    "hai ngày 26/2 hoặc 27/2",
    "trong 2 ngày 26/2 và 26/2",
    "hai ngày 8h 26/2 và 27/2",
    "trong 2 ngày 26/2 và từ 27/2 đến 28/2",
]


@pytest.mark.parametrize(("text", "expected"), COUNTED_DAYS_EACH_DATED)
def test_a_count_before_days_each_with_its_month(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", COUNTED_DAYS_EACH_DATED_THAT_FLAG)
def test_a_count_before_days_each_with_its_month_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 3: the central government's bodies ("Chính phủ", "Thủ tướng") named beside a timing say
# nothing of when, as "Bộ Tài chính" or "Thanh tra tỉnh" does (words of the lexicon, matched whole).
CENTRAL_BODIES = [
    ("theo yêu cầu của Chính phủ", "ond:yeu_cau"),
    ("theo yêu cầu của Thủ tướng Chính phủ", "ond:yeu_cau"),
    ("theo yêu cầu bằng văn bản của Văn phòng Chính phủ", "ond:yeu_cau"),
    ("Báo cáo Thủ tướng Chính phủ trước ngày 15/12", "2025-12-15"),
    ("trình Chính phủ trước 30/6", "2025-06-30"),
]
# Near wordings that flag: "phủ" outside the compound, a choice between bodies or between a day
# and a decision, an exception, a body that "sẽ" decide or allows a delay.
CENTRAL_BODIES_THAT_FLAG = [
    "trước 30/6, phủ xanh đồi trọc",
    "theo yêu cầu của Thủ tướng hoặc Chính phủ",
    "trước 30/6 hoặc theo quyết định của Thủ tướng",
    "trước ngày 15/3 trừ khi Chính phủ quyết định khác",
    "trước ngày 15/3, Chính phủ sẽ xem xét",
    "Chính phủ cho phép lùi đến 30/6",
]


@pytest.mark.parametrize(("text", "expected"), CENTRAL_BODIES)
def test_central_bodies_named_beside_a_timing(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", CENTRAL_BODIES_THAT_FLAG)
def test_central_bodies_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 4: "khoảng" before an hour, its part of the day told from the day of writing ("tối qua",
# "sáng nay", "tối mai"), a comma, then the day: the day is sure and the hour is read, as
# "Khoảng 18h tối, ngày 5/12" is.
HEDGED_HOUR_LAST_NIGHT = [
    ("khoảng 22 giờ tối qua, ngày 31/5", "2025-05-31@22:00"),
    ("vào khoảng 5 giờ sáng qua, ngày 12/4", "2025-04-12@05:00"),
    ("khoảng 21h tối nay, ngày 3/9", "2025-09-03@21:00"),
    ("Khoảng 16h chiều mai, ngày 7/7", "2025-07-07@16:00"),
]
# Near wordings that flag: no day (how long, or when?), an earliest day, a choice of days.
HEDGED_HOUR_LAST_NIGHT_THAT_FLAG = [
    "khoảng 22h tối qua",
    "khoảng 22h tối qua, sau ngày 31/5",
    "khoảng 22h tối qua, ngày 31/5 hoặc 1/6",
]


@pytest.mark.parametrize(("text", "expected"), HEDGED_HOUR_LAST_NIGHT)
def test_a_hedged_hour_last_night_then_its_day(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", HEDGED_HOUR_LAST_NIGHT_THAT_FLAG)
def test_a_hedged_hour_last_night_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason
