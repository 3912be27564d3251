"""The cell reader (``parse_timing``) on the classes of wording it missed at FIRST SIGHT in round
fifty-five of the corpus (hfirst55): a yearly cadence and its report's day with the report's way
in brackets between, a period named in words followed by its own window of dated days, and a
count in weeks, months or years from a written day.

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


# Class 1: "hằng năm", the report's clause with the way it goes in brackets ("(qua …)"), then the
# report's own day: one yearly deadline on that day, as "hằng năm gửi báo cáo trước ngày X".
YEARLY_REPORT_BY_WAY_OF = [
    ("hằng năm gửi báo cáo về Sở (qua Phòng Kế hoạch) trước ngày 10/12", "2025-12-10"),
    ("Hằng năm, gửi báo cáo kết quả về Bộ (qua Vụ Pháp chế) chậm nhất ngày 20/11", "2025-11-20"),
    ("hàng năm báo cáo về Tổng cục (qua Vụ Nghiệp vụ 2) trước ngày 5/12", "2025-12-05"),
    (
        "Hằng năm gửi kết quả về Ủy ban nhân dân tỉnh (thông qua Sở Tư pháp) trước ngày 30/11",
        "2025-11-30",
    ),
    ("hằng năm nộp báo cáo tại Sở Nội vụ (qua Phòng Tổ chức) trước ngày 15/10", "2025-10-15"),
]
# Near wordings: a choice or an exception in the bracket, another period or a count in it, a
# clause break after it, a quarterly cadence (its day is no year's).
YEARLY_REPORT_BY_WAY_OF_THAT_FLAG = [
    "hằng năm gửi báo cáo về Sở (qua Phòng Kế hoạch hoặc Phòng Tài chính) trước ngày 10/12",
    "hằng năm gửi báo cáo về Sở (trừ Phòng Kế hoạch) trước ngày 10/12",
    "hằng năm gửi báo cáo về Sở (qua Phòng Kế hoạch tháng sau) trước ngày 10/12",
    "hằng năm gửi báo cáo về Sở (qua Phòng Kế hoạch, nếu có) trước ngày 10/12",
    "hằng năm gửi báo cáo về Sở (qua Phòng Kế hoạch 2 lần) trước ngày 10/12",
    "hằng năm gửi báo cáo về Sở (qua Phòng Kế hoạch); trước ngày 10/12",
    "Hằng quý gửi báo cáo về Sở (qua Phòng Kế hoạch) trước ngày 15/12",
]


@pytest.mark.parametrize(("text", "expected"), YEARLY_REPORT_BY_WAY_OF)
def test_a_yearly_report_by_way_of_a_unit(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", YEARLY_REPORT_BY_WAY_OF_THAT_FLAG)
def test_a_yearly_report_by_way_of_a_unit_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 2: a period named in words, then in brackets its own full window of dated days, each
# with its year, of about the same length: the period as the body counts it; its end is due.
PERIOD_WITH_ITS_OWN_DATES = [
    ("6 tháng đầu năm 2025 (từ ngày 01/12/2024 đến ngày 31/5/2025)", "2025-05-31"),
    ("Năm 2025 (từ ngày 01/10/2024 đến ngày 30/9/2025)", "2025-09-30"),
    ("Quý II/2025 (từ 01/3/2025 đến 31/5/2025)", "2025-05-31"),
    ("trong 6 tháng cuối năm 2025 (từ ngày 01/6/2025 đến ngày 30/11/2025)", "2025-11-30"),
    ("Tháng 10/2025 (từ ngày 21/9/2025 đến ngày 20/10/2025)", "2025-10-20"),
]
# Near wordings: the window's days without their years, a window much longer or shorter than
# the period, a doubt inside the bracket, a choice after it, a window from a 15th to a 14th
# (the reporting regime's data period: the report is due after its cut-off).
PERIOD_WITH_ITS_OWN_DATES_THAT_FLAG = [
    "6 tháng đầu năm 2025 (từ ngày 01/12 đến ngày 31/5)",
    "6 tháng đầu năm 2025 (từ ngày 01/10/2024 đến ngày 31/5/2025)",
    "Năm 2025 (từ ngày 01/10/2024 đến ngày 30/6/2025)",
    "6 tháng đầu năm 2025 (từ ngày 01/12/2024 đến ngày 31/5/2025, dự kiến)",
    "Quý III/2025 (từ ngày 15/6/2025 đến ngày 14/9/2025) hoặc đến 30/9/2025",
    "Năm 2025 (từ ngày 15/12/2024 đến ngày 14/12/2025)",
    "Quý II/2025 (từ 15/3/2025 đến 14/6/2025)",
    "Tháng 10/2025 (từ ngày 15/9/2025 đến ngày 14/10/2025)",
]


@pytest.mark.parametrize(("text", "expected"), PERIOD_WITH_ITS_OWN_DATES)
def test_a_period_with_its_own_dates(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", PERIOD_WITH_ITS_OWN_DATES_THAT_FLAG)
def test_a_period_with_its_own_dates_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason


# Class 3: a count in weeks, months or years from a written day stays a review (round eleven's
# convention, hprobe12's probes): which day a month or a year on comes to, and whether the day
# itself is counted, is the officer's call. hfirst55 read them as D+N; the lead kept the
# convention, and round fifty-five's two such labels are reviews.
COUNT_IN_MONTHS_OR_YEARS_THAT_FLAG = [
    "trong thời hạn 2 năm kể từ ngày 15-3-2025",
    "trong 6 tháng kể từ ngày 01/7/2025",
    "trong vòng 3 tháng kể từ ngày 10/2/2025",
    "trong 1 năm kể từ ngày 20/8/2025",
    "trong 3 tuần kể từ ngày 2/6/2025",
    "Trong thời gian 18 tháng kể từ ngày 1/1/2025",
    "trong 2 năm kể từ 0 giờ ngày 1/7/2025",
    "khoảng 2 năm kể từ ngày 1/7/2025",
    "trong 2 hoặc 3 năm kể từ ngày 1/7/2025",
    "ít nhất 2 năm kể từ ngày 1/7/2025",
    "sau 2 năm kể từ ngày 1/7/2025",
    "trong 6 tháng kể từ ngày 31/8/2025",
    "trong 1 năm kể từ ngày 29/2/2024",
    "trong 2 năm kể từ ngày nhận hồ sơ",
    "trong 3 tháng, bắt đầu từ ngày 1/7/2025",
    "trong 2 tuần, bắt đầu từ ngày 1/7/2025",
]


@pytest.mark.parametrize("text", COUNT_IN_MONTHS_OR_YEARS_THAT_FLAG)
def test_a_count_in_months_or_years_near_wordings_flag(text: str) -> None:
    got, flagged, reason = _read(text)
    assert flagged, got
    assert reason
