"""When a deadline falls, written once (pure): the working deadline is the approved
extension if there is one, else the original; a deadline given as a day lasts to the end
of that day (:data:`tracker.schedule.rules.END_OF_DAY`), in the service's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from tracker.schedule.rules import END_OF_DAY

__all__ = ["END_OF_DAY", "day_end", "local_moment", "working_deadline"]


def day_end(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    """The last second of ``day`` in ``tz``: when a date deadline passes."""
    return dt.datetime.combine(day, END_OF_DAY, tzinfo=tz)


def working_deadline(
    due_date: dt.date,
    due_at: dt.datetime | None,
    extended_due_date: dt.date | None,
    extended_due_at: dt.datetime | None,
    tz: ZoneInfo,
) -> dt.datetime:
    """The working deadline instant: the extension if approved, else the original; a date
    deadline lasts to the end of its day. ``Occurrence.deadline_at`` stores it."""
    if extended_due_at is not None:
        return extended_due_at
    if extended_due_date is not None:
        return day_end(extended_due_date, tz)
    if due_at is not None:
        return due_at
    return day_end(due_date, tz)


def local_moment(
    day: dt.date | None, moment: dt.datetime | None, tz: ZoneInfo
) -> dt.date | dt.datetime | None:
    """A deadline as shown: the moment in local time when it has one, else the day."""
    return moment.astimezone(tz) if moment is not None else day
