"""The cell reader (``parse_timing``) on the classes of wording it missed at FIRST SIGHT in round
fifty-seven of the corpus (hfirst57): a start then the latest end said with "chậm nhất đến", a
start with "(khi có nhu cầu)" after it, a window opened by tomorrow or a part of today, two
windows with the second's task named between them, months with their year after a dash across a
year's turn, "trong khoảng" before a range written without "từ", and a batch's length before its
window.

Every cell was written for this file, none taken from the corpus; each expected reading was
worked out from the words (the plan's year 2025 unless the cell names one) before the reader was
run. The near wordings whose words change the meaning MUST flag; those that keep it must read.
"""

from __future__ import annotations

import pytest

from tests.schedule.probing import read_cell

YEAR = 2025


def _read(text: str) -> tuple[str, bool, str]:
    return read_cell(text, YEAR)


def _flags(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 1: a start, then how far the work may run at the latest ("chậm nhất đến", "muộn nhất
# tới", "trễ nhất đến"): one window, due at that end, as a close said with its verb.
START_THEN_LATEST_END = [
    ("từ 1/9, chậm nhất đến 10/10", "2025-10-10"),
    ("Từ ngày 5/3, muộn nhất tới ngày 20/4", "2025-04-20"),
    ("bắt đầu từ 2/6 và chậm nhất đến hết ngày 30/6", "2025-06-30"),
    ("từ 15/8, trễ nhất đến 5/9", "2025-09-05"),
    ("từ ngày 3/11, chậm nhất đến 28/11 là kết thúc", "2025-11-28"),
]
# Near wordings: no "đến" (a deadline beside a start), an end before the start, a choice of
# start or end, "sớm nhất" (the earliest), no "từ" (a day aimed at and a deadline).
START_THEN_LATEST_END_THAT_FLAG = [
    "từ 1/9, chậm nhất 10/10",
    "từ 1/9, chậm nhất đến 10/8",
    "từ 1/9 hoặc chậm nhất đến 10/10",
    "từ 1/9, chậm nhất đến 10/10 hoặc 20/10",
    "từ 1/9, sớm nhất đến 10/10",
    "1/9, chậm nhất đến 10/10",
]


@pytest.mark.parametrize(("text", "expected"), START_THEN_LATEST_END)
def test_a_start_then_its_latest_end(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", START_THEN_LATEST_END_THAT_FLAG)
def test_a_start_then_its_latest_end_near_wordings_flag(text: str) -> None:
    _flags(text)


# Class 2: a start at a day (or a month), then a bracket closing the cell saying the work is
# done when it is needed: ongoing work from that start, `cont`.
START_WHEN_NEEDED = [
    "Từ ngày 3/4 (khi có nhu cầu)",
    "kể từ ngày 1/7/2025 (khi cần thiết)",
    "bắt đầu từ 10/10 (khi cần)",
    "từ tháng 5 (khi có nhu cầu)",
]
# Near wordings: an event in the bracket, a window or a deadline before it, a choice or a doubt
# inside it, a start at an hour (a review by the conventions).
START_WHEN_NEEDED_THAT_FLAG = [
    "từ ngày 3/4 (khi có văn bản)",
    "từ ngày 3/4 đến 30/4 (khi có nhu cầu)",
    "trước ngày 3/4 (khi có nhu cầu)",
    "từ ngày 3/4 (hoặc khi có nhu cầu)",
    "từ ngày 3/4 (khi có nhu cầu, dự kiến)",
    "từ 8 giờ ngày 3/4 (khi có nhu cầu)",
    "từ ngày 3/4 (khi có nhu cầu) hoặc 20/4",
]


@pytest.mark.parametrize("text", START_WHEN_NEEDED)
def test_a_start_when_needed(text: str) -> None:
    assert _read(text)[:2] == ("cont", False)


@pytest.mark.parametrize("text", START_WHEN_NEEDED_THAT_FLAG)
def test_a_start_when_needed_near_wordings_flag(text: str) -> None:
    _flags(text)


# Class 3: a window opened by tomorrow or a part of today (or tomorrow), its date in brackets
# or none, its end dated (with its part of the day or not): due at the end.
FROM_TOMORROW_OR_TODAYS_PART = [
    ("từ ngày mai (12/3) đến ngày 15/3", "2025-03-15"),
    ("Từ sáng nay đến chiều 20/6", "2025-06-20"),
    ("từ chiều mai đến tối 5/12", "2025-12-05"),
    ("từ trưa nay đến hết ngày 17/10", "2025-10-17"),
    ("từ ngày mai đến hết tháng 12", "2025-12-31"),
    ("kể từ tối nay đến sáng 2/9", "2025-09-02"),
]
# Near wordings: tomorrow's date after the end, a choice of starts or ends, "khoảng" before the
# end, tomorrow with no end.
FROM_TOMORROW_OR_TODAYS_PART_THAT_FLAG = [
    "từ ngày mai (20/3) đến ngày 15/3",
    "từ sáng nay hoặc sáng mai đến 15/10",
    "từ sáng nay đến khoảng sáng 15/10",
    "từ ngày mai (12/3) đến ngày 15/3 hoặc 18/3",
    "từ ngày mai",
]


@pytest.mark.parametrize(("text", "expected"), FROM_TOMORROW_OR_TODAYS_PART)
def test_a_window_from_tomorrow_or_a_part_of_today(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", FROM_TOMORROW_OR_TODAYS_PART_THAT_FLAG)
def test_a_window_from_tomorrow_near_wordings_flag(text: str) -> None:
    _flags(text)


# Class 4: a whole reading, a new clause naming the next work, then that work's own window
# from "từ", after the first has ended: each reading is its work's.
TWO_WINDOWS_TASK_BETWEEN = [
    ("từ 3/3 đến 10/3, rà soát từ 15/3 đến 20/3", "2025-03-10 2025-03-20"),
    ("trước ngày 30/10 và tổ chức kiểm tra từ ngày 01/11 đến 10/11", "2025-10-30 2025-11-10"),
    (
        "từ ngày 2/6 đến ngày 20/6 và thực hiện tổng hợp, tiêm bổ sung từ ngày 25/6 đến 30/6",
        "2025-06-20 2025-06-30",
    ),
    ("từ 5/1 đến 15/1; kiểm tra, giám sát từ 20/1 đến 25/1", "2025-01-15 2025-01-25"),
]
# Near wordings: a doubt, a choice, a stretch, a repeat ("nhắc lại"), a day off between; the
# second window overlapping the first; a start and an end with the words between (one window
# or two?); a start with no end after the words.
TWO_WINDOWS_TASK_BETWEEN_THAT_FLAG = [
    "từ 1/9 đến 30/10 và có thể tiêm bổ sung từ 1/11 đến 10/11",
    "từ 1/9 đến 30/10 hoặc tiêm bổ sung từ 1/11 đến 10/11",
    "từ 1/9 đến 30/10 và gia hạn từ 1/11 đến 10/11",
    "từ 1/9 đến 30/10 và tiêm nhắc lại từ 1/11 đến 10/11",
    "từ 1/9 đến 30/10 và nghỉ từ 1/11 đến 10/11",
    "từ 1/9 đến 30/10 và rà soát từ 20/10 đến 10/11",
    "từ 1/9 và thực hiện rà soát đến 10/11",
    "từ 1/9 đến 30/10 và rà soát từ 1/11",
]


@pytest.mark.parametrize(("text", "expected"), TWO_WINDOWS_TASK_BETWEEN)
def test_two_windows_with_the_second_task_between(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", TWO_WINDOWS_TASK_BETWEEN_THAT_FLAG)
def test_two_windows_with_the_second_task_between_near_wordings_flag(text: str) -> None:
    _flags(text)


# Class 5: months with their year after a dash, in every range form, across a year's turn or
# not: one window at the last month's end.
DASHED_YEAR_MONTHS = [
    ("từ tháng 10-2025 đến tháng 2-2026", "2026-02-28"),
    ("tháng 12-2024 đến tháng 4-2025", "2025-04-30"),
    ("từ tháng 3-2025 đến hết tháng 6-2025", "2025-06-30"),
    ("Từ tháng 9 - 2025 đến tháng 1 - 2026", "2026-01-31"),
    ("từ tháng 11-2025 và hoàn thành vào tháng 3-2026", "2026-03-31"),
]
# Near wordings: the ends the wrong way round, no year at the end across the year's turn, a
# choice of ends.
DASHED_YEAR_MONTHS_THAT_FLAG = [
    "từ tháng 3-2026 đến tháng 11-2025",
    "từ tháng 10-2025 đến tháng 2",
    "từ tháng 10-2025 đến tháng 2-2026 hoặc tháng 3-2026",
]


@pytest.mark.parametrize(("text", "expected"), DASHED_YEAR_MONTHS)
def test_months_with_a_dashed_year(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", DASHED_YEAR_MONTHS_THAT_FLAG)
def test_months_with_a_dashed_year_near_wordings_flag(text: str) -> None:
    _flags(text)


# Class 6: "trong khoảng" before a range written without "từ", both ends written: the span's
# own words; the window's end is due.
SPAN_WORDS_BEFORE_A_RANGE = [
    ("trong khoảng tháng 3 đến tháng 5/2025", "2025-05-31"),
    ("trong khoảng ngày 3/5 đến ngày 9/5", "2025-05-09"),
    ("trong khoảng 10/6 - 20/6/2025", "2025-06-20"),
    ("Trong khoảng tháng 7 - tháng 9", "2025-09-30"),
]
# Near wordings: one month ("about April"), no "trong" ("about"), a choice, a count of days.
SPAN_WORDS_BEFORE_A_RANGE_THAT_FLAG = [
    "trong khoảng tháng 4/2025",
    "khoảng tháng 3 đến tháng 5/2025",
    "trong khoảng tháng 3 hoặc tháng 5/2025",
    "trong khoảng 2-3 ngày",
]


@pytest.mark.parametrize(("text", "expected"), SPAN_WORDS_BEFORE_A_RANGE)
def test_span_words_before_a_range(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", SPAN_WORDS_BEFORE_A_RANGE_THAT_FLAG)
def test_span_words_before_a_range_near_wordings_flag(text: str) -> None:
    _flags(text)


# Class 7: a batch's number, how long it lasts ("kéo dài N ngày"), then its window: the batch
# names that window (a round before its reading is that reading); each batch's end.
BATCH_LENGTH_THEN_WINDOW = [
    (
        "đợt 1 kéo dài 3 ngày từ ngày 10/3 đến ngày 12/3; đợt 2 kéo dài 3 ngày từ ngày 20/3 "
        "đến ngày 22/3",
        "2025-03-12 2025-03-22",
    ),
    ("Lần 2 kéo dài 5 ngày, từ ngày 10/3 đến ngày 14/3", "2025-03-14"),
    ("đợt 1 kéo dài 2 ngày từ 0 giờ ngày 4/5 đến 24 giờ ngày 5/5", "2025-05-05"),
]
# Near wordings: a length that disagrees with the window, "khoảng", no window, a choice of
# lengths, a start with no end.
BATCH_LENGTH_THEN_WINDOW_THAT_FLAG = [
    "đợt 1 kéo dài 3 ngày từ ngày 06/1 đến ngày 09/1",
    "đợt 1 kéo dài khoảng 4 ngày từ ngày 06/1 đến ngày 09/1",
    "đợt 1 kéo dài 4 ngày",
    "đợt 1 kéo dài 4 hoặc 5 ngày từ ngày 06/1 đến ngày 09/1",
    "đợt 1 kéo dài 4 ngày từ ngày 06/1",
]


@pytest.mark.parametrize(("text", "expected"), BATCH_LENGTH_THEN_WINDOW)
def test_a_batch_length_then_its_window(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", BATCH_LENGTH_THEN_WINDOW_THAT_FLAG)
def test_a_batch_length_then_its_window_near_wordings_flag(text: str) -> None:
    _flags(text)
