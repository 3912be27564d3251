"""Deadlines as iCalendar: the .ics attached to a reminder, and (issue 5) a person's feed.

Pure: entries in, bytes out. A timed deadline is an event that ends at the deadline, in
the plan's time zone with a VTIMEZONE; a date deadline is an all-day event. Work that is
done stays in the calendar, marked, so a phone that synced it earlier updates it rather
than keeping a stale copy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone

__all__ = ["PRODID", "CalendarEntry", "build_calendar"]

PRODID = "-//tracker//Theo doi ke hoach//VI"
DONE_MARK = "✔ "
# A timed deadline with no start of its own shows as this long a block before it.
TIMED_LENGTH = dt.timedelta(minutes=30)


@dataclass(frozen=True)
class CalendarEntry:
    """One deadline. ``due`` is a date (all day) or an aware datetime (the moment it is
    due); ``start``, when given, is of the same kind and opens the event."""

    uid: str
    summary: str
    due: dt.date | dt.datetime
    start: dt.date | dt.datetime | None = None
    description: str = ""
    url: str = ""
    categories: tuple[str, ...] = ()
    done: bool = False
    cancelled: bool = False
    sequence: int = 0
    last_modified: dt.datetime | None = None
    alarms: tuple[dt.datetime, ...] = ()


@lru_cache(maxsize=16)
def _vtimezone(tzid: str) -> Timezone:
    """The VTIMEZONE of ``tzid``, built once: icalendar takes tens of milliseconds to
    work out a zone's transitions, which a reminder pass would pay for every message."""
    return Timezone.from_tzid(tzid)


def _aware(value: dt.datetime, uid: str, what: str) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{uid}: {what} {value.isoformat()} has no time zone")
    return value


def _span(
    entry: CalendarEntry, tz: ZoneInfo
) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """DTSTART and DTEND of an entry: all-day ends the day after (RFC 5545 DTEND is
    exclusive); a timed one ends at the deadline, in ``tz``."""
    if isinstance(entry.due, dt.datetime):
        end = _aware(entry.due, entry.uid, "due").astimezone(tz)
        start = entry.start
        if isinstance(start, dt.datetime):
            begin = _aware(start, entry.uid, "start").astimezone(tz)
            if begin >= end:
                begin = end - TIMED_LENGTH
        else:
            begin = end - TIMED_LENGTH
        return begin, end
    day = entry.due
    first = entry.start if type(entry.start) is dt.date and entry.start <= day else day
    return first, day + dt.timedelta(days=1)


def _event(entry: CalendarEntry, tz: ZoneInfo, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    begin, end = _span(entry, tz)
    event.add("dtstart", begin)
    event.add("dtend", end)
    event.add("summary", (DONE_MARK if entry.done else "") + entry.summary)
    if entry.description:
        event.add("description", entry.description)
    if entry.url:
        event.add("url", entry.url)
    if entry.categories:
        event.add("categories", list(entry.categories))
    event.add("sequence", entry.sequence)
    if entry.last_modified is not None:
        modified = _aware(entry.last_modified, entry.uid, "last_modified")
        event.add("last-modified", modified.astimezone(dt.UTC))
    # A day's deadline does not make the whole day busy; a timed one does.
    event.add("transp", "OPAQUE" if isinstance(entry.due, dt.datetime) else "TRANSPARENT")
    event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    if entry.done:
        event.add("x-tracker-done", "TRUE")
    for moment in entry.alarms:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", entry.summary)
        # An absolute trigger must say so: TRIGGER's default value type is a duration.
        alarm.add(
            "trigger",
            _aware(moment, entry.uid, "alarm").astimezone(dt.UTC),
            parameters={"VALUE": "DATE-TIME"},
        )
        event.add_component(alarm)
    return event


def build_calendar(
    entries: Iterable[CalendarEntry],
    *,
    name: str,
    tz: ZoneInfo,
    stamp: dt.datetime,
    method: str = "PUBLISH",
) -> bytes:
    """A VCALENDAR of ``entries`` named ``name``: one VEVENT each, with the VTIMEZONE
    their times need. ``stamp`` (aware) is the DTSTAMP of every event."""
    stamp = _aware(stamp, "calendar", "stamp")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", tz.key)
    for entry in entries:
        calendar.add_component(_event(entry, tz, stamp))
    # VTIMEZONEs come first, as add_missing_timezones() would put them, but from the cache.
    for position, tzid in enumerate(sorted(calendar.get_missing_tzids())):
        calendar.subcomponents.insert(position, _vtimezone(tzid))
    data: bytes = calendar.to_ical()
    return data
