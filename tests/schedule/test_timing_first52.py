"""The cell reader (``parse_timing``) on the classes of wording it missed at FIRST SIGHT in round
fifty-two of the corpus (hfirst52): an opening and a close each with its day, a count with its
holiday clause written after it, a count "sớm hơn N ngày so với" an event and the day it comes
to, an event's day with where it is held, the rest of a year, a count with its case in brackets,
and a weekly day with its holiday exception naming the law.

Every cell was written for this file, none taken from the corpus; each expected reading was
worked out from the words (the plan's year 2025 unless the cell names one) before the reader was
run. The near wordings whose words change the meaning (an opening at an hour a few days before
its close, a window "từ … đến …", a doubt, a close before the opening; the holidays alone;
"sớm hơn" with no event; a written day that disagrees with its count; a case with another count
or a condition; days named in the exception) MUST keep their reading or flag.
"""

from __future__ import annotations

import pytest

from tests.schedule.probing import read_cell

YEAR = 2025


def _read(text: str, year: int = YEAR) -> tuple[str, bool, str]:
    return read_cell(text, year)


# Class 1 (the silent one): an event's opening and its close, each with its day, are both days
# (the lead's convention after haudit13), and so are a meeting's start and close; with hours,
# each day at its own hour, however close the two days are.
TWO_MILESTONES = [
    ("khai mạc sáng 3-3 và bế mạc ngày 25-4", "2025-03-03 2025-04-25"),
    ("Kỳ họp dự kiến khai mạc ngày 2/6 và bế mạc ngày 30/6", "2025-06-02 2025-06-30"),
    ("khai mạc ngày 05/5, bế mạc ngày 20/6/2025", "2025-05-05 2025-06-20"),
    ("Hội nghị khai mạc vào ngày 1/9 và kết thúc vào ngày 30/9", "2025-09-01 2025-09-30"),
    ("khai mạc chiều 10/10, bế mạc sáng 28/11", "2025-10-10 2025-11-28"),
    ("dự kiến khai mạc vào sáng 15.2 và bế mạc vào ngày 10.3", "2025-02-15 2025-03-10"),
    ("khai mạc ngày 3/3 và bế mạc ngày 5/3", "2025-03-03 2025-03-05"),
    ("khai mạc vào tối 12/8 và bế mạc vào ngày 13/8", "2025-08-12 2025-08-13"),
    ("khai mạc chiều 10/10, bế mạc sáng 12/10", "2025-10-10 2025-10-12"),
    (
        "khai mạc lúc 8 giờ ngày 3/3 và bế mạc lúc 16 giờ ngày 25/4",
        "2025-03-03@08:00 2025-04-25@16:00",
    ),
    ("Khai mạc lúc 7h30 ngày 10/11, bế mạc ngày 20/12", "2025-11-10@07:30 2025-12-20"),
    (
        "khai mạc lúc 19 giờ ngày 1/2 và kết thúc lúc 21 giờ ngày 8/2",
        "2025-02-01@19:00 2025-02-08@21:00",
    ),
    # a meeting named right before "bắt đầu"
    ("Kỳ họp bắt đầu ngày 2/6 và kết thúc ngày 30/6", "2025-06-02 2025-06-30"),
    ("Hội nghị dự kiến bắt đầu từ ngày 2/6, kết thúc vào ngày 4/6", "2025-06-02 2025-06-04"),
]
# One window, due at the close: a window said "từ … đến …" or "diễn ra đến", a term or a work
# "bắt đầu … kết thúc".
ONE_WINDOW = [
    ("từ ngày 3/3 đến ngày 25/4", "2025-04-25"),
    ("khai mạc ngày 3/3 và diễn ra đến ngày 25/4", "2025-04-25"),
    ("bắt đầu từ ngày 3/3 và kết thúc vào ngày 25/4", "2025-04-25"),
    ("học kỳ II bắt đầu ngày 3/3 và kết thúc ngày 25/4", "2025-04-25"),
]
MILESTONES_THAT_FLAG = [
    "khai mạc ngày 3/3, bế mạc dự kiến ngày 25/4",  # a doubt on the close
    "khai mạc vào sáng 3/3, có thể bế mạc vào ngày 25/4",
    "khai mạc ngày 25/4 và bế mạc ngày 3/3",  # the close before the opening
    "khai mạc ngày 3/3 và bế mạc ngày 25/4 nếu đủ nội dung",  # a condition
]


@pytest.mark.parametrize(("text", "expected"), TWO_MILESTONES)
def test_an_opening_and_a_close_are_both_days(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize(("text", "expected"), ONE_WINDOW)
def test_a_window_stays_one_window(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", MILESTONES_THAT_FLAG)
def test_an_opening_and_a_close_with_doubt_or_reversed_flags(text: str) -> None:
    assert _read(text)[1]


# Class 2: "không kể/không tính/trừ ngày lễ, ngày nghỉ (theo quy định)" after a count of
# calendar days makes it working days; with working days already, it says them twice.
HOLIDAYS_AND_DAYS_OFF = [
    (
        "trong thời hạn 30 ngày kể từ ngày ký quyết định kiểm tra, không kể ngày lễ, ngày nghỉ",
        "rel:ky_van_ban:+30w",
    ),
    (
        "15 ngày kể từ ngày nhận đủ hồ sơ (không tính ngày nghỉ, ngày lễ theo quy định)",
        "rel:ho_so_tiep_nhan:+15w",
    ),
    (
        "Trong 20 ngày kể từ ngày nhận đủ hồ sơ, không tính ngày lễ, ngày nghỉ theo quy định "
        "của pháp luật",
        "rel:ho_so_tiep_nhan:+20w",
    ),
    ("07 ngày kể từ ngày ký, trừ ngày lễ và ngày nghỉ", "rel:ky_van_ban:+7w"),
    (
        "10 ngày làm việc kể từ ngày nhận đủ hồ sơ, không kể ngày lễ, ngày nghỉ",
        "rel:ho_so_tiep_nhan:+10w",
    ),
]
DAYS_OFF_THAT_FLAG = [
    # the holidays alone: which days count then?
    "30 ngày kể từ ngày nhận đủ hồ sơ, không kể ngày lễ",
    "30 ngày kể từ ngày nhận đủ hồ sơ (không kể ngày nghỉ theo quy định)",
    # a day off made up, not the weekly ones
    "30 ngày kể từ ngày ký, không tính ngày nghỉ bù, ngày lễ",
]


@pytest.mark.parametrize(("text", "expected"), HOLIDAYS_AND_DAYS_OFF)
def test_holidays_and_days_off_left_out_of_a_count_make_working_days(
    text: str, expected: str
) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", DAYS_OFF_THAT_FLAG)
def test_holidays_alone_left_out_of_a_count_flag(text: str) -> None:
    assert _read(text)[1]


# Class 3: "sớm hơn N ngày so với ngày <event>" is N days before it; with the day it comes to
# named after it ("cụ thể là", "tức (là)"), that day (the event's own day, when written,
# must agree).
EARLIER_THAN_AN_EVENT = [
    ("sớm hơn 3 ngày so với ngày bầu cử", "rel:bau_cu:-3c", 2026),
    ("sớm hơn 5 ngày làm việc so với ngày khai mạc kỳ họp", "rel:ky_hop:-5w", 2025),
    ("Tổ chức sớm hơn 2 ngày so với ngày bầu cử cả nước", "rel:bau_cu:-2c", 2026),
    ("sớm hơn 1 ngày so với ngày bầu cử, cụ thể là ngày 20/5/2026", "2026-05-20", 2026),
    ("trước 3 ngày so với ngày bầu cử, tức là ngày 12/5", "2026-05-12", 2026),
    ("07 ngày trước ngày khai mạc kỳ họp, tức ngày 1/7", "2025-07-01", 2025),
    ("sớm hơn 2 ngày so với ngày bầu cử 24/5/2026, cụ thể là ngày 22/5/2026", "2026-05-22", 2026),
    ("30 ngày kể từ ngày ký, tức là ngày 15/8/2025", "2025-08-15", 2025),
]
EARLIER_THAN_THAT_FLAG = [
    ("hoàn thành sớm hơn 5 ngày so với kế hoạch", 2025),  # no event's day
    ("sớm hơn 10 ngày", 2025),
    # the written day disagrees with the event's day and the count
    ("sớm hơn 2 ngày so với ngày bầu cử 24/5/2026, cụ thể là ngày 20/5/2026", 2026),
    ("sớm hơn 2 ngày so với ngày bầu cử nếu được phép", 2026),
]


@pytest.mark.parametrize(("text", "expected", "year"), EARLIER_THAN_AN_EVENT)
def test_earlier_than_an_event_and_the_day_it_comes_to(text: str, expected: str, year: int) -> None:
    assert _read(text, year)[:2] == (expected, False)


@pytest.mark.parametrize(("text", "year"), EARLIER_THAN_THAT_FLAG)
def test_earlier_than_nothing_or_disagreeing_flags(text: str, year: int) -> None:
    assert _read(text, year)[1]


# Class 4: an event's day with where it is held ("toàn quốc", "cả nước", "toàn tỉnh").
AN_EVENT_AND_WHERE = [
    ("ngày bầu cử toàn quốc 24/5/2026", "2026-05-24"),
    ("Ngày bầu cử cả nước: 24/5/2026", "2026-05-24"),
    ("ngày 24/5/2026 bầu cử toàn quốc", "2026-05-24"),
    ("Tổng kết toàn tỉnh trước ngày 30/11/2026", "2026-11-30"),
]
EVENT_AND_WHERE_THAT_FLAG = [
    "ngày bầu cử toàn quốc có thể 24/5/2026",
    "ngày bầu cử toàn quốc (chưa chốt) 24/5/2026",
]


@pytest.mark.parametrize(("text", "expected"), AN_EVENT_AND_WHERE)
def test_an_events_day_with_where_it_is_held(text: str, expected: str) -> None:
    assert _read(text, 2026)[:2] == (expected, False)


@pytest.mark.parametrize("text", EVENT_AND_WHERE_THAT_FLAG)
def test_an_events_day_with_a_doubt_flags(text: str) -> None:
    assert _read(text, 2026)[1]


# Class 5: the rest of the year is a window to its end.
REST_OF_THE_YEAR = [
    ("trong các tháng còn lại của năm 2025", "2025-12-31"),
    ("Thực hiện trong những tháng còn lại của năm", "2025-12-31"),
    ("các tháng còn lại năm 2025", "2025-12-31"),
    ("thời gian còn lại của năm 2025", "2025-12-31"),
    ("trong 4 tháng còn lại của năm 2025", "2025-12-31"),
]
REST_THAT_FLAGS = [
    "trong các tháng còn lại",  # of what?
    "trong các tháng còn lại của năm 2025 nếu còn kinh phí",
    "các tháng còn lại của năm sau",
]


@pytest.mark.parametrize(("text", "expected"), REST_OF_THE_YEAR)
def test_the_rest_of_the_year_is_due_at_its_end(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", REST_THAT_FLAGS)
def test_the_rest_of_nothing_or_with_a_condition_flags(text: str) -> None:
    assert _read(text)[1]


# Class 6: a count with its case after "đối với" or in brackets ("vụ việc đơn giản", "vụ việc
# phức tạp"): the count; another count for another case, a condition or a doubt flags.
COUNT_WITH_ITS_CASE = [
    ("45 ngày kể từ ngày thụ lý (vụ việc phức tạp)", "rel:su_kien:+45c"),
    ("Không quá 30 ngày kể từ ngày thụ lý (vụ việc đơn giản)", "rel:su_kien:+30c"),
    (
        "30 ngày kể từ ngày thụ lý đối với vụ việc có 02 nội dung cần xác minh (vụ việc đơn giản)",
        "rel:su_kien:+30c",
    ),
    ("60 ngày kể từ ngày thụ lý đối với vụ việc phức tạp", "rel:su_kien:+60c"),
]
CASES_THAT_FLAG = [
    "30 ngày kể từ ngày thụ lý (vụ việc phức tạp thì 45 ngày)",
    "30 ngày kể từ ngày thụ lý đối với vụ việc đơn giản, đối với vụ việc phức tạp thì 45 ngày",
    "30 ngày kể từ ngày thụ lý (trường hợp phức tạp)",
    "30 ngày kể từ ngày thụ lý (vụ việc đơn giản, có thể kéo dài)",
]


@pytest.mark.parametrize(("text", "expected"), COUNT_WITH_ITS_CASE)
def test_a_count_with_its_case(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", CASES_THAT_FLAG)
def test_a_case_with_another_count_or_a_condition_flags(text: str) -> None:
    assert _read(text)[1]


# Class 7: a weekly day with its holiday exception naming "the other days off" and the law.
def _weekly(weekday: int) -> str:
    from datetime import date, timedelta

    day = date(YEAR, 1, 1)
    days = []
    while day.year == YEAR:
        if day.weekday() == weekday:
            days.append(day.isoformat())
        day += timedelta(days=1)
    return " ".join(days)


WEEKLY_WITH_THE_LAW = [
    (
        "vào thứ 6 hằng tuần (trừ ngày lễ, ngày tết và ngày nghỉ khác theo quy định của pháp luật)",
        4,
    ),
    ("thứ Năm hằng tuần (trừ các ngày lễ, tết theo quy định hiện hành)", 3),
    (
        "sáng thứ Hai hằng tuần, trừ ngày nghỉ lễ và các ngày nghỉ khác theo quy định của pháp luật",
        0,
    ),
    ("thứ 4 hàng tuần (trừ ngày lễ, tết và ngày nghỉ khác)", 2),
]
WEEKLY_THAT_FLAG = [
    "thứ 6 hằng tuần (trừ ngày lễ 30/4, 1/5)",  # the days named
    "thứ 6 hằng tuần (trừ ngày lễ và ngày nghỉ khác nếu trùng lịch họp)",  # a condition
    "thứ 6 hằng tuần (trừ thứ 6 cuối tháng)",
]


@pytest.mark.parametrize(("text", "weekday"), WEEKLY_WITH_THE_LAW)
def test_a_weekly_day_with_its_holiday_exception(text: str, weekday: int) -> None:
    assert _read(text)[:2] == (_weekly(weekday), False)


@pytest.mark.parametrize("text", WEEKLY_THAT_FLAG)
def test_a_weekly_day_with_days_named_or_a_condition_flags(text: str) -> None:
    assert _read(text)[1]
