"""The Vietnamese working-day calendar: which days are worked, and counting across them.

Pure: it is built from plain data (days off, make-up working days) so that the
rules can be tested without files. :mod:`tracker.schedule.calendars` loads that
data from the ``holidays`` package and the official notices in ``calendars/``.

A working day is Monday to Friday, minus the days off, plus the make-up days
(a Saturday the government declares worked, "làm bù"). Counting follows the
Civil Code: a period counted in days starts the day after the event (art. 147)
and, when it ends on a day off, ends on the next working day (art. 148).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Literal, get_args

from tracker.errors import ScheduleError

__all__ = ["HOLIDAY_POLICIES", "HolidayPolicy", "WorkCalendar"]

HolidayPolicy = Literal["none", "next", "previous"]
HOLIDAY_POLICIES: tuple[str, ...] = get_args(HolidayPolicy)

_WEEKEND_NAMES = {5: "Thứ Bảy", 6: "Chủ nhật"}
_ONE_DAY = timedelta(days=1)
# A guard against loops on a calendar that has no working day at all.
_MAX_SCAN_DAYS = 3660


class WorkCalendar:
    """Working days for one country's public service, from days off and make-up days."""

    def __init__(
        self,
        days_off: Mapping[date, str] | None = None,
        make_up_days: Mapping[date, str] | None = None,
    ) -> None:
        self._days_off = dict(days_off or {})
        self._make_up = dict(make_up_days or {})

    @property
    def days_off(self) -> Mapping[date, str]:
        return self._days_off

    @property
    def make_up_days(self) -> Mapping[date, str]:
        return self._make_up

    def is_working_day(self, day: date) -> bool:
        if day in self._make_up:
            return True
        return day.weekday() < 5 and day not in self._days_off

    def day_off_reason(self, day: date) -> str | None:
        """Why ``day`` is not worked ("Chủ nhật", "Ngày Chiến thắng"), or None if it is."""
        if self.is_working_day(day):
            return None
        if day in self._days_off:
            return self._days_off[day]
        return _WEEKEND_NAMES[day.weekday()]

    def next_working_day(self, day: date) -> date:
        """``day`` itself when worked, else the first working day after it."""
        return self._scan(day, _ONE_DAY)

    def previous_working_day(self, day: date) -> date:
        """``day`` itself when worked, else the last working day before it."""
        return self._scan(day, -_ONE_DAY)

    def adjust(self, day: date, policy: HolidayPolicy) -> date:
        """Move ``day`` off a day off as ``policy`` says: stay, next or previous working day."""
        if policy == "none":
            return day
        if policy == "next":
            return self.next_working_day(day)
        if policy == "previous":
            return self.previous_working_day(day)
        raise ScheduleError(
            f"Cách xử lý ngày nghỉ '{policy}' không hợp lệ; chỉ nhận {', '.join(HOLIDAY_POLICIES)}."
        )

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (before it when negative).

        ``day`` itself is never counted, as the Civil Code counts a period from
        the day after the event; ``count == 0`` gives ``day`` moved to the next
        working day.
        """
        if count == 0:
            return self.next_working_day(day)
        step = _ONE_DAY if count > 0 else -_ONE_DAY
        remaining = abs(count)
        current = day
        scanned = 0
        while remaining:
            current += step
            scanned += 1
            if scanned > _MAX_SCAN_DAYS + abs(count) * 7:
                raise ScheduleError(f"Không tìm thấy ngày làm việc nào gần ngày {day:%d/%m/%Y}.")
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days lie after ``start`` up to and including ``end``."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        current = start
        while current < end:
            current += _ONE_DAY
            if self.is_working_day(current):
                count += 1
        return count

    def _scan(self, day: date, step: timedelta) -> date:
        current = day
        for _ in range(_MAX_SCAN_DAYS):
            if self.is_working_day(current):
                return current
            current += step
        raise ScheduleError(f"Không tìm thấy ngày làm việc nào gần ngày {day:%d/%m/%Y}.")
