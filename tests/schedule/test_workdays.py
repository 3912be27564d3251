"""The working-day calendar: days off, make-up Saturdays, counting, holiday policies."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.errors import ScheduleError
from tracker.schedule.workdays import WorkCalendar

D = date


@pytest.mark.parametrize(
    ("day", "worked", "reason"),
    [
        (D(2026, 2, 13), True, None),  # Friday before Tết
        (D(2026, 2, 14), False, "Thứ Bảy"),
        (D(2026, 2, 16), False, "Tết Nguyên đán Bính Ngọ"),
        (D(2026, 2, 20), False, "Tết Nguyên đán Bính Ngọ"),
        (D(2026, 2, 23), True, None),  # first working day after Tết
        (D(2026, 4, 27), False, "Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)"),
        (D(2026, 4, 30), False, "Ngày Chiến thắng và Quốc tế Lao động"),
        (D(2026, 8, 22), True, None),  # make-up Saturday for Monday 31/8/2026
        (D(2026, 8, 31), False, "Nghỉ hoán đổi, làm bù thứ Bảy 22/8/2026"),
        (D(2026, 9, 2), False, "Quốc khánh (01/9 và 02/9)"),
        (D(2026, 11, 24), False, "Ngày Văn hóa Việt Nam"),
        (D(2024, 5, 4), True, None),  # make-up Saturday of 2024
        (D(2025, 4, 26), True, None),  # make-up Saturday of 2025
        (D(2023, 9, 4), False, "Nghỉ bù Quốc khánh (02/9 trùng thứ Bảy)"),
    ],
)
def test_official_days_off_and_make_up_days(
    calendar: WorkCalendar, day: date, worked: bool, reason: str | None
) -> None:
    assert calendar.is_working_day(day) is worked
    assert calendar.day_off_reason(day) == reason


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        # Across Tết 2026 (16-20/02 off, with the weekends 14-15 and 21-22).
        (D(2026, 2, 12), 1, D(2026, 2, 13)),
        (D(2026, 2, 12), 2, D(2026, 2, 23)),
        (D(2026, 2, 12), 5, D(2026, 2, 26)),
        (D(2026, 2, 13), 1, D(2026, 2, 23)),
        (D(2026, 2, 16), 1, D(2026, 2, 23)),  # counting starts the day after, even on a day off
        (D(2026, 2, 23), -1, D(2026, 2, 13)),
        (D(2026, 2, 25), -3, D(2026, 2, 13)),
        # Across the make-up Saturday 22/08/2026 and the 2/9 break (31/8-2/9 off).
        (D(2026, 8, 21), 1, D(2026, 8, 22)),
        (D(2026, 8, 21), 2, D(2026, 8, 24)),
        (D(2026, 8, 28), 1, D(2026, 9, 3)),
        (D(2026, 9, 3), -1, D(2026, 8, 28)),
        (D(2026, 8, 24), -1, D(2026, 8, 22)),
        # Zero means "this day, or the next working day".
        (D(2026, 2, 18), 0, D(2026, 2, 23)),
        (D(2026, 2, 23), 0, D(2026, 2, 23)),
    ],
)
def test_counting_working_days(
    calendar: WorkCalendar, start: date, count: int, expected: date
) -> None:
    assert calendar.add_working_days(start, count) == expected


def test_working_days_between_counts_tet_2026_as_one_week_lost(calendar: WorkCalendar) -> None:
    # 09/02 to 27/02/2026: three calendar weeks, two of them worked.
    assert calendar.working_days_between(D(2026, 2, 6), D(2026, 2, 27)) == 10
    assert calendar.working_days_between(D(2026, 2, 27), D(2026, 2, 6)) == -10


def test_working_days_between_counts_the_make_up_saturday(calendar: WorkCalendar) -> None:
    # Mon 17/8 to Fri 28/8/2026 holds ten weekdays plus Saturday 22/8 worked.
    assert calendar.working_days_between(D(2026, 8, 16), D(2026, 8, 28)) == 11


@pytest.mark.parametrize(
    ("day", "policy", "expected"),
    [
        (D(2026, 4, 30), "none", D(2026, 4, 30)),
        (D(2026, 4, 30), "next", D(2026, 5, 4)),
        (D(2026, 4, 30), "previous", D(2026, 4, 29)),
        (D(2026, 2, 17), "next", D(2026, 2, 23)),
        (D(2026, 2, 17), "previous", D(2026, 2, 13)),
        (D(2026, 8, 22), "next", D(2026, 8, 22)),  # a make-up Saturday is a working day
        (D(2026, 8, 23), "previous", D(2026, 8, 22)),
        (D(2023, 6, 17), "next", D(2023, 6, 19)),
        (D(2026, 3, 5), "next", D(2026, 3, 5)),
    ],
)
def test_holiday_policy_moves_a_day_off(
    calendar: WorkCalendar, day: date, policy: str, expected: date
) -> None:
    assert calendar.adjust(day, policy) == expected  # type: ignore[arg-type]


def test_unknown_holiday_policy_is_refused_by_name(calendar: WorkCalendar) -> None:
    with pytest.raises(ScheduleError) as excinfo:
        calendar.adjust(D(2026, 4, 30), "later")  # type: ignore[arg-type]
    assert excinfo.value.message == (
        "Cách xử lý ngày nghỉ 'later' không hợp lệ; chỉ nhận none, next, previous."
    )


def test_a_calendar_built_from_plain_data_needs_no_files() -> None:
    calendar = WorkCalendar(days_off={D(2030, 1, 1): "Tết"}, make_up_days={D(2030, 1, 5): "Làm bù"})
    assert not calendar.is_working_day(D(2030, 1, 1))
    assert calendar.is_working_day(D(2030, 1, 5))  # a Saturday
    assert calendar.add_working_days(D(2029, 12, 31), 1) == D(2030, 1, 2)
