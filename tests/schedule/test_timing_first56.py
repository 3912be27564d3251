"""The cell reader (``parse_timing``) on the classes of wording it missed at FIRST SIGHT in round
fifty-six of the corpus (hfirst56): a window of hours given to a window of several days, "năm"
as the number five before "tháng đầu/cuối năm", a start then a close said with its bound
("hoàn thành chậm nhất vào ngày …"), the time left up to a bound ("thời gian còn lại đến …"),
and "ngày nghỉ hằng tuần" naming a dated day.

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


# Class 1: one window of hours given to a window of several days holds on each day: the days'
# opening hours. The window is the task, due on its last day, no hour (the lead's decision, as
# hours "mỗi ngày" beside a dated window, round nineteen).
HOURS_OVER_DAYS = [
    ("từ 8h đến 11h30 trong các ngày 10-14/3", "2025-03-14"),
    ("từ 7 giờ đến 17 giờ các ngày từ 5/6 đến 9/6", "2025-06-09"),
    ("Từ 13h30 đến 16h30, trong các ngày 20-22/10", "2025-10-22"),
    ("từ 8h đến 12h trong hai ngày 4-5/11", "2025-11-05"),
    ("từ 19h đến 22h từ ngày 1/9 đến ngày 5/9", "2025-09-05"),
]
# Neighbours that keep their readings: hours on one day, a window running from an hour of its
# first day to an hour of its last, hours on listed days (each day), hours "mỗi ngày" beside a
# dated window (the window), the days alone.
HOURS_AND_DAYS = [
    ("từ 8h đến 11h ngày 12/3", "2025-03-12@11:00"),
    ("từ 8 giờ ngày 10/3 đến 17 giờ ngày 14/3", "2025-03-14@17:00"),
    ("từ 8h đến 11h các ngày 12, 13/3", "2025-03-12@11:00 2025-03-13@11:00"),
    ("từ 7 giờ đến 17 giờ mỗi ngày, từ ngày 5/6 đến 9/6", "2025-06-09"),
    ("trong các ngày 10-14/3", "2025-03-14"),
]
# Near wordings: one hour (a bound or a moment) on each of the days ("các ngày": a deadline or
# an event every day, or the last day's?), a start hour with no end, a choice of windows.
HOURS_OVER_DAYS_THAT_FLAG = [
    "trước 16h trong các ngày 10-14/3",
    "lúc 8h các ngày từ 10/3 đến 14/3",
    "các ngày 10-14/3, trước 16h",
    "từ 8h trong các ngày 10-14/3",
    "từ 8h đến 11h30 trong các ngày 10-14/3 hoặc 17-21/3",
]


@pytest.mark.parametrize(("text", "expected"), HOURS_OVER_DAYS + HOURS_AND_DAYS)
def test_a_window_of_hours_over_several_days(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", HOURS_OVER_DAYS_THAT_FLAG)
def test_an_hour_of_each_of_several_days_flags(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 2: a count of the year's first, last or remaining months in words, "năm" (five)
# included when the year is said again right after.
MONTHS_OF_THE_YEAR_IN_WORDS = [
    ("trong năm tháng đầu năm", "2025-05-31"),
    ("Năm tháng đầu năm 2025", "2025-05-31"),
    ("năm tháng cuối năm", "2025-12-31"),
    ("năm tháng còn lại của năm 2025", "2025-12-31"),
    ("ba tháng đầu năm", "2025-03-31"),
    ("bảy tháng đầu năm 2025", "2025-07-31"),
    ("sáu tháng cuối năm", "2025-12-31"),
]
# Near wordings: "năm" then a unit and nothing of the year after it (five, or the year?), a
# school year (no calendar year).
MONTHS_OF_THE_YEAR_IN_WORDS_THAT_FLAG = [
    "trong năm tháng",
    "trong năm ngày",
    "trong năm tuần",
    "trong năm quý",
    "năm tháng đầu năm học 2025-2026",
]


@pytest.mark.parametrize(("text", "expected"), MONTHS_OF_THE_YEAR_IN_WORDS)
def test_months_of_the_year_counted_in_words(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", MONTHS_OF_THE_YEAR_IN_WORDS_THAT_FLAG)
def test_months_of_the_year_in_words_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 3: a start, then the close said with its bound ("chậm nhất", "muộn nhất" before "vào"):
# one window, due at the close.
START_THEN_LATEST_CLOSE = [
    ("từ ngày 1/10 và hoàn thành chậm nhất vào ngày 31/12", "2025-12-31"),
    ("trong thời gian từ ngày 2/9 và hoàn thành chậm nhất vào ngày 30/11/2025", "2025-11-30"),
    ("bắt đầu từ ngày 3/3, kết thúc muộn nhất vào ngày 30/4", "2025-04-30"),
    ("từ 15/8 và hoàn tất chậm nhất vào 30/9", "2025-09-30"),
    ("từ ngày 20/6 và kết thúc gieo cấy chậm nhất vào ngày 5/7", "2025-07-05"),
]
# Near wordings: a doubt between, a close before its start, a choice of closes, "hoặc" between.
START_THEN_LATEST_CLOSE_THAT_FLAG = [
    "từ ngày 1/10 và hoàn thành có lẽ chậm nhất vào ngày 31/12",
    "từ ngày 1/10 và hoàn thành chậm nhất vào ngày 15/9",
    "từ ngày 1/10 và hoàn thành chậm nhất vào ngày 31/12 hoặc 15/1/2026",
    "từ ngày 1/10 hoặc hoàn thành chậm nhất vào ngày 31/12",
]


@pytest.mark.parametrize(("text", "expected"), START_THEN_LATEST_CLOSE)
def test_a_start_then_its_latest_close(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", START_THEN_LATEST_CLOSE_THAT_FLAG)
def test_a_start_then_its_latest_close_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 4: the time (the days) left up to a bound: the bound's reading.
REST_UNTIL = [
    ("trong thời gian còn lại (đến ngày 28/2)", "2025-02-28"),
    ("thời gian còn lại đến hết năm 2025", "2025-12-31"),
    ("những ngày còn lại, đến hết ngày 30/6", "2025-06-30"),
    ("trong khoảng thời gian còn lại cho đến 15/12", "2025-12-15"),
]
# Near wordings: the time left after a day, from a day, with no bound, or up to a choice.
REST_UNTIL_THAT_FLAG = [
    "trong thời gian còn lại sau ngày 31/1",
    "trong thời gian còn lại, từ ngày 1/2",
    "trong thời gian còn lại",
    "trong thời gian còn lại đến ngày 31/1 hoặc 15/2",
]


@pytest.mark.parametrize(("text", "expected"), REST_UNTIL)
def test_the_time_left_up_to_a_bound(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", REST_UNTIL_THAT_FLAG)
def test_the_time_left_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 5: "ngày nghỉ hằng tuần" right before a weekday with its date names that day (11/1/2025
# is a Saturday, 19/1/2025 a Sunday): the day, no weekly cadence.
WEEKLY_REST_DAY_NAMED = [
    ("làm bù vào ngày nghỉ hằng tuần thứ Bảy ngày 11/1/2025", "2025-01-11"),
    ("ngày nghỉ hằng tuần Chủ nhật 19/1/2025", "2025-01-19"),
]
# Near wordings: the weekday against its date (10/1/2025 is a Friday), rest days with no date
# (a cadence of them, with the task unread).
WEEKLY_REST_DAY_THAT_FLAG = [
    "ngày nghỉ hằng tuần thứ Bảy ngày 10/1/2025",
    "trực vào ngày nghỉ hằng tuần",
]


@pytest.mark.parametrize(("text", "expected"), WEEKLY_REST_DAY_NAMED)
def test_the_weekly_rest_day_named_before_its_date(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", WEEKLY_REST_DAY_THAT_FLAG)
def test_the_weekly_rest_day_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


def test_a_swap_of_working_days_reads_no_weekly_cadence() -> None:
    # "từ <a working day> sang ngày nghỉ hằng tuần <the new day>" without a change word: still
    # flagged (which day binds, round thirty-nine), but no weekly cadence is read from it.
    got, flagged, _ = _read(
        "từ thứ Sáu ngày 10/1/2025 sang ngày nghỉ hằng tuần thứ Bảy ngày 18/1/2025"
    )
    assert flagged
    assert len(got.split()) <= 2, got
