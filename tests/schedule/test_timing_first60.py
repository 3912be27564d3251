"""The cell reader (``parse_timing``) on the classes of wording it missed at FIRST SIGHT in rounds
sixty and sixty-one of the corpus (hfirst6061): a bare "khi <event>" as work on demand, rounds
counted with their months listed, a week named loosely with its days in brackets, and weekdays
listed beside the window of their dates.

Every cell was written for this file, none taken from the corpus; each expected reading was
worked out from the words (the plan's year 2025 unless the cell names one) before the reader was
run. The near wordings whose words change the meaning MUST flag; those that keep it must read.
"""

from __future__ import annotations

import pytest

from tests.schedule.probing import read_cell

YEAR = 2025


def _read(text: str, year: int = YEAR) -> tuple[str, bool, str]:
    return read_cell(text, year)


# Class 1: a bare "khi <event>" (no count, no "sau", "ngay", "kể từ"), the cell's one reading,
# with an event of no kind of its own or an end: work done when the event happens, on demand.
WHEN_ALONE = [
    "Khi kết thúc đợt diễn tập",
    "khi hoàn thành việc bàn giao mặt bằng",
    "Khi có quyết định giải thể",
    "Tổ chức chi trả khi bế mạc hội thi",
    "khi xuất hiện ổ dịch mới",
    "khi hết thời gian thử việc",
]
# The kinds a plan records once for many tasks keep the event's own day of that kind.
WHEN_OF_A_KIND = [
    ("Khi có hướng dẫn của cấp trên", "rel:huong_dan_cap_tren:+0c"),
    ("Khi nhận được hồ sơ hợp lệ", "rel:ho_so_tiep_nhan:+0c"),
    ("khi được cấp có thẩm quyền phê duyệt", "rel:phe_duyet:+0c"),
]
# Near wordings: after it by how long unsaid, right when it happens, beside a cadence or a
# day, a period's end, a judgment, a choice.
WHEN_THAT_FLAG = [
    "sau khi kết thúc đợt diễn tập",
    "ngay khi kết thúc đợt diễn tập",
    "Hằng tháng; khi kết thúc đợt diễn tập",
    "Trước 30/6, khi hoàn thành việc bàn giao mặt bằng",
    "khi kết thúc năm học",
    "Khi thích hợp",
    "khi kết thúc đợt diễn tập hoặc trước 30/6",
]


@pytest.mark.parametrize("text", WHEN_ALONE)
def test_a_bare_when_is_on_demand(text: str) -> None:
    assert _read(text)[:2] == ("ond:su_kien", False)


@pytest.mark.parametrize(("text", "expected"), WHEN_OF_A_KIND)
def test_a_bare_when_of_a_kind_keeps_it(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", WHEN_THAT_FLAG)
def test_a_bare_when_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 2: rounds counted, then their months listed, as many as the rounds and in order: a
# round in each month, each due at its month's end.
ROUNDS_IN_MONTHS = [
    ("3 đợt (tháng 7, 8, 9)", "2025-07-31 2025-08-31 2025-09-30"),
    ("2 đợt (tháng 4 và tháng 10) năm 2025", "2025-04-30 2025-10-31"),
    ("Tổ chức 2 lần: tháng 3, tháng 9", "2025-03-31 2025-09-30"),
    ("ba đợt vào tháng 5, 6, 7/2025", "2025-05-31 2025-06-30 2025-07-31"),
    ("4 đợt (tháng 3, 6, 9, 12)", "2025-03-31 2025-06-30 2025-09-30 2025-12-31"),
]
# Near wordings: another count, months out of order, a range, a choice, more after, a guess.
ROUNDS_IN_MONTHS_THAT_FLAG = [
    "2 đợt (tháng 7, 8, 9)",
    "3 đợt (tháng 9, 7, 8)",
    "3 đợt (tháng 7-9)",
    "2 đợt (tháng 4 hoặc tháng 10)",
    "3 đợt (tháng 7, 8, 9), mỗi đợt 5 ngày",
    "khoảng 3 đợt (tháng 7, 8, 9)",
]


@pytest.mark.parametrize(("text", "expected"), ROUNDS_IN_MONTHS)
def test_rounds_counted_with_their_months(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", ROUNDS_IN_MONTHS_THAT_FLAG)
def test_rounds_counted_with_their_months_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 3: a week named loosely with its days in brackets right after it: the bracket's window
# end, or its one day when the bracket says it ends the week or the week is numbered.
LOOSE_WEEKS = [
    ("trong tuần qua (từ 14/4 đến 20/4)", "2025-04-20", YEAR),
    ("tuần vừa qua (kết thúc ngày 18/5)", "2025-05-18", YEAR),
    ("Trong tuần thống kê gần nhất (từ 10-7 đến 16-7)", "2025-07-16", YEAR),
    ("tuần này (từ 21/4 đến 25/4)", "2025-04-25", YEAR),
    ("tính đến tuần 10 (ngày 9/3/2025)", "2025-03-09", YEAR),
    ("Trong hai ngày cuối tuần qua (15-16/3/2025)", "2025-03-16", YEAR),
    # 2021 began on a Friday: 11/4/2021 closes ISO week 14 and week 15 counted from the week
    # holding 1 January; both numbers fit.
    ("tính đến tuần 15 (ngày 11/4/2021)", "2021-04-11", 2021),
    ("tuần 14 (ngày 11/4/2021)", "2021-04-11", 2021),
]
# Near wordings: one day that may open the week, a window longer than a week, a number the day
# does not fit, a choice, a guess, a weekend count or days that are no weekend.
LOOSE_WEEKS_THAT_FLAG = [
    ("tuần qua (ngày 18/5)", YEAR),
    ("tuần qua (từ 1/5 đến 18/5)", YEAR),
    ("tính đến tuần 12 (ngày 9/3/2025)", YEAR),
    ("tuần 16 (ngày 11/4/2021)", 2021),
    ("tuần vừa qua (kết thúc ngày 18/5 hoặc 19/5)", YEAR),
    ("tuần qua (dự kiến từ 14/4 đến 20/4)", YEAR),
    ("Trong ba ngày cuối tuần qua (15-16/3/2025)", YEAR),
    ("cuối tuần qua (17-18/3/2025)", YEAR),
]


@pytest.mark.parametrize(("text", "expected", "year"), LOOSE_WEEKS)
def test_a_loose_week_with_its_days(text: str, expected: str, year: int) -> None:
    assert _read(text, year)[:2] == (expected, False)


@pytest.mark.parametrize(("text", "year"), LOOSE_WEEKS_THAT_FLAG)
def test_a_loose_week_near_wordings_flag(text: str, year: int) -> None:
    got, flagged, reason = _read(text, year)
    assert flagged, got
    assert reason


# Class 4: weekdays listed beside the window of their dates (either way round): the window,
# due at its end, when the weekdays are exactly its days; no weekly cadence.
WEEKDAYS_RESTATED = [
    ("vào thứ Bảy và Chủ nhật (ngày 15-16/3/2025)", "2025-03-16"),
    ("thứ Sáu, thứ Bảy (14-15/3)", "2025-03-15"),
    ("ngày 15-16/3/2025 (thứ Bảy, Chủ nhật)", "2025-03-16"),
    ("thứ Năm, thứ Sáu và thứ Bảy (ngày 13 - 15/3)", "2025-03-15"),
]
# Near wordings: weekdays that are not the window's, one day for two weekdays, a choice, out of
# order, a weekly cadence said.
WEEKDAYS_RESTATED_THAT_FLAG = [
    "thứ Bảy và Chủ nhật (ngày 16-17/3/2025)",
    "thứ Bảy và Chủ nhật (ngày 15/3/2025)",
    "thứ Bảy hoặc Chủ nhật (ngày 15-16/3/2025)",
    "Chủ nhật và thứ Bảy (ngày 15-16/3/2025)",
    "thứ Bảy và Chủ nhật hằng tuần (ngày 15-16/3/2025)",
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAYS_RESTATED)
def test_weekdays_restated_by_their_dates(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", WEEKDAYS_RESTATED_THAT_FLAG)
def test_weekdays_restated_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason
