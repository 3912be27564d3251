"""Loading the working-day calendar: ``holidays`` (VN) overlaid with ``calendars/*.ics``.

The library knows the Labour Code's holidays; the government's yearly notices
(which days around Tết and 2/9 are off, which Saturdays are worked to make up)
live as data in ``calendars/``, one .ics file a year, and win over the library.
Each event is an all-day span with ``X-TRACKER-DAY:OFF`` (a day off) or
``X-TRACKER-DAY:WORK`` (a make-up working day).
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from pathlib import Path

import holidays
from icalendar import Calendar

from tracker.errors import ConfigError
from tracker.schedule.workdays import WorkCalendar

__all__ = ["LIBRARY_YEARS", "load_work_calendar", "read_calendar_file"]

# Years the library fills in where no notice file exists.
LIBRARY_YEARS = range(2015, 2041)


def read_calendar_file(path: Path) -> tuple[dict[date, str], dict[date, str]]:
    """The days off and make-up days one notice file declares."""
    try:
        calendar = Calendar.from_ical(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: không đọc được tệp lịch ({exc}).") from exc
    days_off: dict[date, str] = {}
    make_up: dict[date, str] = {}
    for event in calendar.walk("VEVENT"):
        summary = str(event.get("SUMMARY", "")).strip()
        kind = str(event.get("X-TRACKER-DAY", "")).strip().upper()
        where = f"{path}, sự kiện '{summary or event.get('UID', '?')}'"
        if kind not in ("OFF", "WORK"):
            raise ConfigError(f"{where}: X-TRACKER-DAY phải là OFF hoặc WORK, không phải '{kind}'.")
        start = event.decoded("DTSTART") if "DTSTART" in event else None
        if not isinstance(start, date):
            raise ConfigError(f"{where}: DTSTART phải là một ngày.")
        end = event.decoded("DTEND") if "DTEND" in event else start + timedelta(days=1)
        if not isinstance(end, date) or end <= start:
            raise ConfigError(f"{where}: DTEND phải là một ngày sau DTSTART.")
        target = days_off if kind == "OFF" else make_up
        day = start
        while day < end:
            target[day] = summary
            day += timedelta(days=1)
    return days_off, make_up


@functools.lru_cache(maxsize=8)
def load_work_calendar(calendars_dir: Path) -> WorkCalendar:
    """The calendar for every year the library covers, with the notices laid over it."""
    days_off: dict[date, str] = {
        day: str(name)
        for day, name in holidays.country_holidays("VN", years=LIBRARY_YEARS, language="vi").items()
    }
    make_up: dict[date, str] = {}
    if calendars_dir.is_dir():
        for path in sorted(calendars_dir.glob("*.ics")):
            file_off, file_work = read_calendar_file(path)
            years = {d.year for d in [*file_off, *file_work]}
            # A notice file is the whole truth for its years.
            days_off = {d: n for d, n in days_off.items() if d.year not in years}
            days_off.update(file_off)
            make_up.update(file_work)
    return WorkCalendar(days_off=days_off, make_up_days=make_up)
