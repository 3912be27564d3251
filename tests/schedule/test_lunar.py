from __future__ import annotations

from datetime import date

import pytest

from tracker.schedule.lunar import lunar_to_solar, tet
from tracker.schedule.timing import parse_timing


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2020, date(2020, 1, 25)),
        (2023, date(2023, 1, 22)),
        (2024, date(2024, 2, 10)),
        (2025, date(2025, 1, 29)),
        (2026, date(2026, 2, 17)),
    ],
)
def test_tet_falls_on_the_published_day(year: int, expected: date) -> None:
    assert tet(year) == expected


def test_1985_vietnam_and_china_differ_by_a_month() -> None:
    assert tet(1985) == date(1985, 1, 21)  # Vietnam, UTC+7
    assert tet(1985, tz=8) == date(1985, 2, 20)  # China, UTC+8


def test_rằm_tháng_bảy_and_a_leap_year() -> None:
    assert lunar_to_solar(15, 7, 2024) == date(2024, 8, 18)
    assert lunar_to_solar(15, 7, 2025) == date(2025, 9, 6)  # 2025 has a leap 6th month
    assert lunar_to_solar(1, 6, 2025, leap=True) == date(2025, 7, 25)
    assert lunar_to_solar(1, 5, 2025, leap=True) is None


def test_a_lunar_phrase_is_converted_and_flagged() -> None:
    result = parse_timing("mùng 6 tháng Giêng", year=2026)
    assert [r.due for r in result.rules] == [date(2026, 2, 22)]
    assert result.review
    assert "âm lịch" in result.reason


def test_a_lunar_date_beside_the_same_solar_date_needs_no_review() -> None:
    result = parse_timing("Chủ nhật 22/2/2026 (tức mùng 6 tháng Giêng, năm Bính Ngọ)", year=2026)
    assert [r.due for r in result.rules] == [date(2026, 2, 22)]
    assert not result.review


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # The lunar new year named, not dated: its first day offered, flagged.
        ("Trước Tết Nguyên đán", date(2026, 2, 17)),
        ("Hoàn thành trước Tết Nguyên đán Bính Ngọ", date(2026, 2, 17)),
        ("Tết Âm lịch 2027", date(2027, 2, 6)),
        # The cycle's name with no "năm" before it names the year of a lunar date too.
        ("mùng 4 Tết Nguyên đán Bính Ngọ", date(2026, 2, 20)),
    ],
)
def test_the_lunar_new_year_named_is_offered_and_flagged(text: str, due: date) -> None:
    result = parse_timing(text, year=2026)
    assert [r.due for r in result.rules] == [due]
    assert result.review
    assert "chưa hiểu" not in result.reason  # the cycle's name is read, not left over


def test_tet_beside_its_solar_day_needs_no_review_and_after_tet_is_no_day_of_it() -> None:
    beside = parse_timing("17/02/2026 (Tết Nguyên đán)", year=2026)
    assert ([r.due for r in beside.rules], beside.review) == ([date(2026, 2, 17)], False)
    after = parse_timing("Ngay sau Tết Nguyên đán", year=2026)
    assert after.review
    assert date(2026, 2, 17) not in [r.due for r in after.rules]
