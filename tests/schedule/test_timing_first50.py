"""The cell reader (``parse_timing``) on the classes of wording it missed at FIRST SIGHT in round
fifty of the corpus (hfirst50): two ends said for one work (a window, then the work's close
with another day), a start said without "từ" ("Bắt đầu ngày …"), batches whose number is
followed by a comma or "bắt đầu" before their window, months joined by "&" or "+", and a
phase's number with its years ("giai đoạn I (2021-2025)").

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


# Class 1: a window with its end, then the work's close ("kết thúc", "hoàn thành", "hoàn tất",
# "xong", "bế mạc") with another day: two ends of one work, which binds? Flagged.
TWO_ENDS = [
    "từ ngày 03/6 đến ngày 14/6/2025, kết thúc thu hoạch trước ngày 25/6/2025",
    "Từ 03/6 đến 14/6, hoàn thành trước 25/6",
    "từ ngày 3 đến ngày 14/6, xong trước ngày 25/6",
    "từ 3/6 - 14/6 và hoàn tất trước 25/6",
    "Tổ chức từ ngày 3/6 đến 14/6, dự kiến kết thúc vào ngày 25/6",
    "Từ 03/6 đến 14/6; kết thúc tiêm phòng ngày 25/6",
    "từ ngày 1/9 đến ngày 30/9, hoàn thành trước 15/9",
    "Từ tháng 3 đến tháng 5, hoàn thành trước ngày 15/6",
    "Quý III, kết thúc trước ngày 20/10",
    "trong tháng 8/2025 và hoàn thành trước ngày 30/9/2025",
    "Chiến dịch diễn ra từ 10/7 đến 20/7, bế mạc ngày 25/7",
    "tháng 3-5/2025, hoàn thành trước ngày 20/5/2025",
    "Tháng 7-2025, kết thúc trước ngày 15/8/2025",
]
# Near wordings that keep one reading each: batches each with their end, a close that repeats
# the window's end, a deadline inside a whole period it narrows, another task's day, a start
# then its close (one window).
ONE_END_EACH = [
    ("đợt 1 từ ngày 03/6 đến ngày 14/6; đợt 2 hoàn thành trước ngày 25/7", "2025-06-14 2025-07-25"),
    ("Đợt 1 từ 3/6 đến 14/6, đợt 2 từ 1/7 đến 12/7", "2025-06-14 2025-07-12"),
    ("giai đoạn 1 từ 3/6 đến 14/6; giai đoạn 2 kết thúc trước 30/8", "2025-06-14 2025-08-30"),
    ("từ ngày 03/6 đến ngày 14/6 (hoàn thành trước 14/6)", "2025-06-14"),
    ("Trong tháng 10, hoàn thành trước ngày 20/10", "2025-10-20"),
    ("Quý III, hoàn thành trước ngày 15/9", "2025-09-15"),
    ("Tháng 7-2025, hoàn thành trước ngày 20/7/2025", "2025-07-20"),
    ("từ ngày 03/6 đến ngày 14/6, báo cáo trước ngày 25/6", "2025-06-14 2025-06-25"),
    ("bắt đầu từ ngày 3/6, hoàn thành trước 25/6", "2025-06-25"),
    ("từ ngày 3/6 và kết thúc tiêm phòng vào ngày 25/6", "2025-06-25"),
    ("Bắt đầu ngày 3/6, kết thúc ngày 25/6", "2025-06-25"),
]


@pytest.mark.parametrize("text", TWO_ENDS)
def test_two_ends_of_one_work_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


@pytest.mark.parametrize(("text", "expected"), ONE_END_EACH)
def test_one_end_each_still_reads(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


# Class 2: a start without "từ": "Bắt đầu ngày D", "bắt đầu vào ngày D", "bắt đầu <việc> ngày
# D" is continuous work from D, as "bắt đầu từ ngày D" is; with an end after it, one window.
STARTS = [
    ("Bắt đầu ngày 02/3/2025", "cont"),
    ("bắt đầu vào ngày 2/3", "cont"),
    ("Bắt đầu thực hiện ngày 01-7-2025", "cont"),
    ("bắt đầu triển khai vào ngày 15/8", "cont"),
    ("Bắt đầu nhận hồ sơ ngày 5/1/2025", "cont"),
    ("Tổ chức hội thi bắt đầu ngày 9/11", "cont"),
    ("dự kiến bắt đầu ngày 20/4", "cont"),
    ("bắt đầu 2/3/2025", "cont"),
    ("Bắt đầu ngày 01 tháng 7 năm 2025", "cont"),
    ("bắt đầu vào ngày 1 tháng 7", "cont"),
    ("Bắt đầu ngày 01 tháng 7 năm 2025, kết thúc ngày 30 tháng 9 năm 2025", "2025-09-30"),
    ("bắt đầu ngày 2/3 đến ngày 20/3", "2025-03-20"),
    ("Bắt đầu thực hiện ngày 2/3 - 20/3/2025", "2025-03-20"),
    ("bắt đầu vào ngày 2 đến 20/3", "2025-03-20"),
    ("bắt đầu thực hiện ngày 2/3, hoàn thành trước 30/4", "2025-04-30"),
    ("Bắt đầu ngày 2/3 và kết thúc ngày 30/4", "2025-04-30"),
]
# A bound before the day, a choice, or a deadline beside the start keeps its flag.
STARTS_THAT_FLAG = [
    "bắt đầu trước ngày 2/3",
    "bắt đầu sau ngày 2/3",
    "bắt đầu ngày 2/3 hoặc ngày 9/3",
    "bắt đầu ngày 2/3, báo cáo trước 20/3",
    "Bắt đầu ngày 2/3 hằng năm",
    "bắt đầu không phải ngày 2/3",
    "bắt đầu khoảng ngày 2/3",
    "bắt đầu sớm nhất ngày 2/3",
    "Học kỳ II bắt đầu chưa rõ ngày 2/3, kết thúc ngày 30/5",
]


@pytest.mark.parametrize(("text", "expected"), STARTS)
def test_a_start_without_tu(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", STARTS_THAT_FLAG)
def test_a_start_without_tu_near_wordings_flag(text: str) -> None:
    assert _read(text)[1]


# Class 3: batches whose number (Arabic or Roman) is followed by a comma or "bắt đầu" before
# their window: each batch has its day, read.
BATCHES = [
    ("đợt I, bắt đầu từ ngày 03 - 21/4; đợt II, từ ngày 06 - 21/5", "2025-04-21 2025-05-21"),
    ("Đợt 1, từ ngày 3/4 đến 21/4; Đợt 2, từ ngày 6/5 đến 21/5", "2025-04-21 2025-05-21"),
    (
        "đợt I bắt đầu từ ngày 3/4 đến 20/4; đợt II bắt đầu từ ngày 6/5 đến 25/5",
        "2025-04-20 2025-05-25",
    ),
    ("Lần I, vào ngày 5/3; lần II, vào ngày 5/9", "2025-03-05 2025-09-05"),
    ("Đợt III, trước ngày 30/9", "2025-09-30"),
    ("Trước 20/4; đợt 2, từ 1/5 đến 20/5", "2025-04-20 2025-05-20"),
    ("đợt 1, ngày 12/3; đợt 2, ngày 14/9", "2025-03-12 2025-09-14"),
]
# A round after a reading with no day of its own keeps its flag, a comma after it or not.
ROUNDS_THAT_FLAG = [
    "Trước 15/3 lần 2, hoàn thành báo cáo",
    "Trước 15/3 lần 2",
    "Tháng 6, đợt II",
    "đợt 2, sau khi có kết quả",
]


@pytest.mark.parametrize(("text", "expected"), BATCHES)
def test_batches_with_a_comma_or_a_start(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", ROUNDS_THAT_FLAG)
def test_rounds_without_their_day_flag(text: str) -> None:
    assert _read(text)[1]


# Class 4: months next to each other joined by "&" or "+" are one window, due at the later
# month's end (convention "Months listed"); a bracket or a calendar's name in it changes none.
MONTHS = [
    ("tháng 5 & 6", "2025-06-30"),
    ("(tháng 5 & 6 dương lịch)", "2025-06-30"),
    ("tháng 5 + 6", "2025-06-30"),
    ("(tháng 9 + 10)", "2025-10-31"),
    ("tháng 5 & 6/2025", "2025-06-30"),
    ("trong tháng 5 & tháng 6 năm 2025", "2025-06-30"),
    ("tháng 5 + 6 năm 2025", "2025-06-30"),
    ("vào tháng 3, 4 & 5", "2025-05-31"),
    ("tháng 4 & 8/2025", "2025-04-30 2025-08-31"),
]
# Across the year's end, a year in words after them, a cadence or a count after them: a flag.
MONTHS_THAT_FLAG = [
    "tháng 12 & 1",
    "tháng 3 & 4 năm sau",
    "tháng 5 & 6 hằng năm",
    "tháng 5 + 6 ngày",
    "tháng 4 & 8",
]


@pytest.mark.parametrize(("text", "expected"), MONTHS)
def test_months_joined_by_ampersand_or_plus(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


# "&" and "+" read as "và" does, wherever the list stands in the cell.
AS_VA = [
    "Thực hiện trong tháng 11 {} 12, báo cáo trước 20/12",
    "Tổng hợp số liệu (tháng 7 {} 8)",
    "tháng 2 {} 3/2025; đợt 2 tháng 9",
    "Trước ngày 15/1; tháng 6 {} 7",
]


@pytest.mark.parametrize("text", AS_VA)
@pytest.mark.parametrize("joint", ["&", "+"])
def test_ampersand_and_plus_read_as_va(text: str, joint: str) -> None:
    assert _read(text.format(joint))[:2] == _read(text.format("và"))[:2]


@pytest.mark.parametrize("text", MONTHS_THAT_FLAG)
def test_months_joined_near_wordings_flag(text: str) -> None:
    assert _read(text)[1]


# Class 5: a phase's number (Arabic or Roman) with its years, in a bracket or after a colon, a
# comma or a dash: one window at the last year's end, as "giai đoạn 2021-2025".
PHASES = [
    ("giai đoạn I (2021-2025)", "2025-12-31"),
    ("Giai đoạn 1: 2021-2025", "2025-12-31"),
    ("giai đoạn II (2026 - 2030)", "2030-12-31"),
    ("Giai đoạn 2: từ năm 2026 đến năm 2030", "2030-12-31"),
    ("giai đoạn II (từ năm 2026 đến năm 2030)", "2030-12-31"),
    ("giai đoạn I, 2021 - 2025", "2025-12-31"),
    ("Thực hiện giai đoạn 1 (2023 – 2025)", "2025-12-31"),
    ("giai đoạn 1 (2021-2025) và giai đoạn 2 (2026-2030)", "2025-12-31 2030-12-31"),
]
# The years reversed, one year only, the phase's start, or years listed after it: a flag.
PHASES_THAT_FLAG = [
    "giai đoạn I (2025-2021)",
    "giai đoạn 2 (2026)",
    "đầu giai đoạn I (2021-2025)",
    "giai đoạn I (2021-2025) và năm 2026",
]


@pytest.mark.parametrize(("text", "expected"), PHASES)
def test_a_phase_with_its_years(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", PHASES_THAT_FLAG)
def test_a_phase_near_wordings_flag(text: str) -> None:
    assert _read(text)[1]
