"""When a deadline falls, written once (pure): the working deadline is the approved
extension if there is one, else the original; a deadline given as a day lasts to the end
of that day (:data:`tracker.schedule.rules.END_OF_DAY`), in the service's time zone.

The same rule as it stood at a past moment is SQL text here too
(:func:`working_deadline_sql`), for the reports that count "as of" a date."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from tracker.schedule.rules import END_OF_DAY

__all__ = [
    "END_OF_DAY",
    "day_end",
    "extended_after_sql",
    "local_moment",
    "shown_deadline",
    "working_deadline",
    "working_deadline_sql",
]


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


def shown_deadline(moment: dt.datetime, tz: ZoneInfo) -> dt.date | dt.datetime:
    """A working deadline instant as people read it: the day when it is the end of a day
    (a date deadline), else the moment in local time."""
    local = moment.astimezone(tz)
    return local.date() if local.time() == END_OF_DAY else local


def working_deadline_sql(as_of: str = "{as_of}", occurrence: str = "o") -> str:
    """The working deadline of the occurrence aliased ``occurrence`` as it stood at the
    moment ``as_of`` (an SQL expression, or a named slot such as ``"{as_of}"``), in SQL
    that SQLite and PostgreSQL both read.

    An extension approved after ``as_of`` was not yet applied then: the deadline is the one
    the earliest such extension replaced (its ``previous_deadline_at``). Otherwise it is the
    stored working deadline, ``deadline_at`` (the latest approved extension, else the
    original). A report "as of 30/06/2026" printed in December so says what it said in June.
    """
    # Only the few occurrences an extension approved since has moved look one up: the
    # set of them is worked out once per query (a hashed list), not a lookup per deadline
    # and use, which made the country's roll-up four times slower.
    return (
        f"(CASE WHEN {extended_after_sql(as_of, occurrence)}"
        " THEN COALESCE((SELECT x.previous_deadline_at FROM extension x"
        f" WHERE x.occurrence = {occurrence}.id AND x.state = 'approved'"
        f" AND x.decided_at > {as_of} ORDER BY x.decided_at, x.id LIMIT 1),"
        f" {occurrence}.deadline_at) ELSE {occurrence}.deadline_at END)"
    )


def extended_after_sql(as_of: str = "{as_of}", occurrence: str = "o") -> str:
    """True for the occurrences an extension approved after ``as_of`` has moved since: only
    for them does :func:`working_deadline_sql` differ from ``deadline_at``. A window over
    the working deadline is ``(deadline_at BETWEEN … OR this) AND working deadline
    BETWEEN …``, which keeps the index on ``deadline_at`` usable."""
    return (
        f"{occurrence}.id IN (SELECT x.occurrence FROM extension x"
        f" WHERE x.state = 'approved' AND x.decided_at > {as_of})"
    )
