"""The cell reader (``parse_timing``) on the classes of wording it missed at FIRST SIGHT in round
sixty-two of the corpus (hfirst62): "hưởng ứng" a named day, week, month or campaign (an
occasion, as "nhân ngày"), a bare year after "đến", a count "tính từ" a day, a day of Tết said
in words ("mùng Một"), "mới" and a verb of completion after a day, a plan's stated horizon
("tầm nhìn đến năm …"), and a length of hours on a day.

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


# Class 1: "hưởng ứng" (in response to) a named day, week, month or campaign is an occasion
# around it, as "nhân ngày" is (the conventions' "Occasions"): flagged, date written or not.
IN_RESPONSE_TO_AN_OCCASION = [
    "Hưởng ứng Ngày Nước thế giới (22/3) năm 2025",
    "hưởng ứng Ngày Quốc tế Đa dạng sinh học 22/5",
    "Hưởng ứng Tuần lễ Quốc gia phòng chống thiên tai (1-7/5/2025)",
    "hưởng ứng Tháng hành động vì an toàn thực phẩm năm 2025",
    "Hưởng ứng Chiến dịch Làm cho thế giới sạch hơn (từ 15/9 đến 30/9)",
    "hưởng ứng Ngày Sách Việt Nam",
    "Hưởng ứng Ngày Nước thế giới 22/3, hoàn thành trước ngày 20/3",
]
# Near wordings: "hưởng ứng" before no named occasion is the task's verb; the deadline stands.
IN_RESPONSE_NO_OCCASION = [
    ("Đăng ký hưởng ứng trước ngày 30/5", "2025-05-30"),
    ("hưởng ứng phong trào thi đua trước ngày 20/7", "2025-07-20"),
]


@pytest.mark.parametrize("text", IN_RESPONSE_TO_AN_OCCASION)
def test_in_response_to_an_occasion_flags(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


@pytest.mark.parametrize(("text", "expected"), IN_RESPONSE_NO_OCCASION)
def test_in_response_to_no_occasion_reads(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


# Class 2: a bare year after "đến"/"tới" (no "năm") at a clause's end: that year's end.
UNTIL_A_BARE_YEAR = [
    ("đến 2026", "2026-12-31"),
    ("hoàn thành tới 2027", "2027-12-31"),
    ("đến hết 2025.", "2025-12-31"),
    ("dự kiến khởi công đến 2026, hoàn thành", "2026-12-31"),
]
# Near wordings: a count ("2025 người"), a range of counts, a choice, a year far ahead.
UNTIL_A_BARE_YEAR_THAT_FLAG = [
    "đến 2025 người",
    "từ 1.500 đến 2025",
    "đến 2025 hoặc 2026",
    "đến 2062",
]


@pytest.mark.parametrize(("text", "expected"), UNTIL_A_BARE_YEAR)
def test_until_a_bare_year(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", UNTIL_A_BARE_YEAR_THAT_FLAG)
def test_until_a_bare_year_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 3: a count of calendar days "tính từ" a written day, as "kể từ": due D+N (the first day
# not counted); with its end written, the end decides and the count is checked against it.
COUNTED_FROM_A_DAY = [
    ("trong 20 ngày tính từ ngày 10/3", "2025-03-30"),
    ("trong thời gian 15 ngày tính từ ngày 05 tháng 8 năm 2025", "2025-08-20"),
    ("trong vòng 10 ngày, tính từ ngày 1/6", "2025-06-11"),
    ("trong 30 ngày tính từ ngày 1/11 đến 30/11", "2025-11-30"),
]
# Near wordings: working days, months, "sau" (the day it takes effect), a count that does not
# fit its window, a choice of starts.
COUNTED_FROM_A_DAY_THAT_FLAG = [
    "trong 10 ngày làm việc tính từ ngày 5/3",
    "trong 2 tháng tính từ ngày 5/3",
    "có hiệu lực sau 15 ngày tính từ ngày 1/6",
    "trong 20 ngày tính từ ngày 1/11 đến 30/11",
    "trong 30 ngày tính từ ngày 5/3 hoặc 10/3",
]


@pytest.mark.parametrize(("text", "expected"), COUNTED_FROM_A_DAY)
def test_counted_from_a_day(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", COUNTED_FROM_A_DAY_THAT_FLAG)
def test_counted_from_a_day_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 4: a day of Tết said in words ("mùng Một" … "mùng Mười") is read as its digits; a
# bracket restating a solar window by those days reads when it agrees (mùng 1 Tết Ất Tỵ is
# 29/1/2025), and flags when it does not, as the digits do.
TET_DAYS_IN_WORDS = [
    ("từ ngày 29/1 đến 31/1/2025 (nhằm mùng Một đến mùng Ba Tết Ất Tỵ)", "2025-01-31"),
    (
        "từ 8h ngày 29/1 đến 17h ngày 31/1/2025 (nhằm mồng Một đến hết mồng Ba Tết)",
        "2025-01-31@17:00",
    ),
]
TET_DAYS_IN_WORDS_THAT_FLAG = [
    "từ ngày 29/1 đến 31/1/2025 (nhằm mùng Hai đến mùng Bốn Tết)",
    "mùng Một Tết",
    "Mồng Năm tháng Giêng",
]


@pytest.mark.parametrize(("text", "expected"), TET_DAYS_IN_WORDS)
def test_tet_days_in_words_restating_a_window(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", TET_DAYS_IN_WORDS_THAT_FLAG)
def test_tet_days_in_words_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 5: "mới" (only then) between one day and a verb of completion: done on that day.
DONE_ONLY_THEN = [
    ("ngày 15/9 mới hoàn thành", "2025-09-15"),
    ("dự kiến ngày 30/6 mới thông tuyến", "2025-06-30"),
    ("Ngày 2/10 mới bàn giao mặt bằng", "2025-10-02"),
]
# Near wordings: "đến … mới" (not until), a month, "mới được" and starts (the earliest day),
# a choice of days.
DONE_ONLY_THEN_THAT_FLAG = [
    "đến ngày 15/9 mới hoàn thành",
    "tháng 9 mới hoàn thành",
    "ngày 15/9 mới được thông xe",
    "ngày 15/9 mới bắt đầu",
    "ngày 15/9 mới triển khai",
    "ngày 15/9 hoặc 20/9 mới thông xe",
]


@pytest.mark.parametrize(("text", "expected"), DONE_ONLY_THEN)
def test_done_only_then(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", DONE_ONLY_THEN_THAT_FLAG)
def test_done_only_then_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 6: a plan's stated horizon ("tầm nhìn", "dài hạn", "định hướng" đến năm Y) is the
# year's end, without the far-year doubt. A term followed by a longer horizon ("… và dài hạn
# đến năm Y", "…, định hướng đến năm Y") is two milestones, a review (the lead made round
# sixty-two's "dài hạn" record agree with the older "định hướng" one).
HORIZONS = [
    ("Tầm nhìn đến năm 2050", "2050-12-31"),
    ("tầm nhìn tới năm 2045", "2045-12-31"),
    ("định hướng đến năm 2040", "2040-12-31"),
]
# Near wordings: a far year with no horizon word, a day after the horizon word, a target and
# an orientation or a vision (two milestones: labelled a review in the tune part), a choice,
# years listed.
HORIZONS_THAT_FLAG = [
    "đến năm 2050",
    "hoàn thành trước năm 2060",
    "tầm nhìn đến ngày 15/3/2062",
    "đến năm 2030, định hướng đến năm 2045",
    "từ nay đến năm 2030 và dài hạn đến năm 2045",
    "đến năm 2030, tầm nhìn đến năm 2045",
    "Tầm nhìn đến năm 2050 hoặc 2060",
    "đến năm 2030 và năm 2035",
]


@pytest.mark.parametrize(("text", "expected"), HORIZONS)
def test_a_stated_horizon(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", HORIZONS_THAT_FLAG)
def test_a_stated_horizon_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 7: a length of hours on a day ("trong (khoảng) thời gian 1 giờ ngày D"): the day, no
# hour; an hour said as a moment keeps its hour.
LENGTH_ON_A_DAY = [
    ("trong khoảng thời gian 1 giờ ngày 29/3", "2025-03-29"),
    ("trong thời gian 2 tiếng, ngày 5/6", "2025-06-05"),
    ("kéo dài 3 giờ vào ngày 9/9", "2025-09-09"),
    ("trong vòng 1 giờ 30 phút ngày 10/10", "2025-10-10"),
    ("vào lúc 1 giờ ngày 29/3", "2025-03-29@01:00"),
]
# Near wordings: no day, hours counted from an hour, a choice of days.
LENGTH_ON_A_DAY_THAT_FLAG = [
    "trong thời gian 1 giờ",
    "trong 1 giờ kể từ 8 giờ ngày 29/3",
    "trong thời gian 1 giờ ngày 29/3 hoặc 30/3",
]


@pytest.mark.parametrize(("text", "expected"), LENGTH_ON_A_DAY)
def test_a_length_on_a_day(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", LENGTH_ON_A_DAY_THAT_FLAG)
def test_a_length_on_a_day_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason
