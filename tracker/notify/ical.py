"""Deadlines as iCalendar: the .ics attached to a reminder, and (issue 5) the feeds.

Pure: entries in, bytes out. A timed deadline is an event that ends at the deadline, in
the plan's time zone with a VTIMEZONE; a date deadline is an all-day event. Work that is
done stays in the calendar, marked, so a phone that synced it earlier updates it rather
than keeping a stale copy. ``component="VTODO"`` writes the same entries as to-dos for
clients that show tasks (Thunderbird, Apple Reminders).

The content lines are written here rather than through icalendar's components: building
and folding a 500-entry feed with them takes a few hundred milliseconds (icalendar folds
character by character in Python), this takes a few. icalendar still supplies the
VTIMEZONE, built once per zone. The output follows what Google Calendar, Outlook and
phones expect: UTF-8 bytes, CRLF after every line and nowhere else, lines folded at 75
octets and never inside a UTF-8 character or between a backslash and the character it
escapes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone

__all__ = ["PRODID", "CalendarEntry", "build_calendar", "occurrence_uid", "render_entry"]

PRODID = "-//tracker//Theo doi ke hoach//VI"
DONE_MARK = "✓ "
OVERDUE_MARK = "Quá hạn: "
# A timed deadline with no start of its own that day shows as this long a block before it.
TIMED_LENGTH = dt.timedelta(minutes=30)
COMPONENTS = ("VEVENT", "VTODO")
LINE_OCTETS = 75  # RFC 5545 3.1, without the CRLF
_UTC_KEYS = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Zulu", "Zulu", "GMT", "Etc/GMT"})
# TEXT may not hold control characters other than HTAB (RFC 5545 3.3.11); line breaks
# are escaped before this runs.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_UNSAFE = re.compile("[\x00-\x1f\x7f]")


def occurrence_uid(plan_key: str, task_key: str, occurrence_key: str, host: str) -> str:
    """One occurrence's UID, the same in every feed and e-mail: made of the plan's, the
    task's and the occurrence's keys, which re-imports and re-expansions keep."""
    return re.sub(r"\s+", "-", f"{plan_key}/{task_key}/{occurrence_key}") + f"@{host}"


@dataclass(frozen=True)
class CalendarEntry:
    """One deadline. ``due`` is a date (all day) or an aware datetime (the moment it is
    due); ``start``, when given, opens the event (a window of days, or the time a timed
    deadline starts on its day). ``completed`` (aware) is when done work was done;
    ``alarms`` are absolute, aware moments."""

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
    overdue: bool = False
    completed: dt.datetime | None = None

    @property
    def title(self) -> str:
        """The SUMMARY: the status first, where a glance at the calendar shows it."""
        if self.done:
            return DONE_MARK + self.summary
        if self.overdue and not self.cancelled:
            return OVERDUE_MARK + self.summary
        return self.summary


# --------------------------------------------------------------------------- lines


def _fold(line: str) -> bytes:
    """``line`` as UTF-8, folded into physical lines of at most 75 octets (the leading
    space of a continuation counts), cut only between characters and never right after
    the backslash of an escape."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return data
    parts = []
    begin, size, end = 0, LINE_OCTETS, len(data)
    while end - begin > size:
        cut = begin + size
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: back to the character's start
            cut -= 1
        slashes = 0
        while cut - 1 - slashes > begin and data[cut - 1 - slashes] == 0x5C:
            slashes += 1
        if slashes % 2:  # the last backslash opens an escape: keep the two together
            cut -= 1
        parts.append(data[begin:cut])
        begin, size = cut, LINE_OCTETS - 1
    parts.append(data[begin:])
    return b"\r\n ".join(parts)


def _refold(text: bytes) -> list[bytes]:
    """Physical lines of ``text`` (another writer's output), unfolded and folded again."""
    unfolded = re.sub(rb"\r?\n[ \t]", b"", text)
    return [_fold(line.decode("utf-8")) for line in re.split(rb"\r?\n", unfolded) if line]


def _text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks
    escaped; other control characters, which strict parsers refuse, dropped."""
    value = (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )
    return _CONTROL.sub("", value)


def _uri(value: str, uid: str) -> str:
    if _UNSAFE.search(value):
        raise ValueError(f"{uid}: url {value!r} has control characters")
    return value


def _aware(value: dt.datetime, uid: str, what: str) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{uid}: {what} {value.isoformat()} has no time zone")
    return value


def _utc(value: dt.datetime, uid: str, what: str) -> str:
    return _aware(value, uid, what).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _date(value: dt.date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def _duration(value: dt.timedelta) -> str:
    """A positive DURATION (RFC 5545 3.3.6), e.g. PT1H, P1D, PT1H30M."""
    seconds = int(value.total_seconds())
    if seconds <= 0:
        raise ValueError(f"refresh interval {value} is not positive")
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "P" + (f"{days}D" if days else "")
    if hours or minutes or seconds:
        text += "T" + (f"{hours}H" if hours else "")
        text += f"{minutes}M" if minutes else ""
        text += f"{seconds}S" if seconds else ""
    return text


class _Writer:
    """Content lines of one calendar; a date-time in ``tz`` carries its TZID."""

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self.lines: list[str] = []
        self.tzid: str | None = None if tz.key in _UTC_KEYS else tz.key
        self.tzid_used = False

    def add(self, line: str) -> None:
        self.lines.append(line)

    def moment(self, name: str, value: dt.date | dt.datetime, uid: str) -> None:
        """``name`` as a DATE, or as a DATE-TIME in the calendar's zone."""
        if not isinstance(value, dt.datetime):
            self.lines.append(f"{name};VALUE=DATE:{_date(value)}")
            return
        local = _aware(value, uid, name.lower()).astimezone(self.tz)
        if self.tzid is None:
            self.lines.append(f"{name}:{local.strftime('%Y%m%dT%H%M%S')}Z")
            return
        self.tzid_used = True
        self.lines.append(f"{name};TZID={self.tzid}:{local.strftime('%Y%m%dT%H%M%S')}")


# --------------------------------------------------------------------------- entries


def _local_day(value: dt.date | dt.datetime, tz: ZoneInfo) -> dt.date:
    return value.astimezone(tz).date() if isinstance(value, dt.datetime) else value


def _span(
    entry: CalendarEntry, tz: ZoneInfo
) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """DTSTART and DTEND of an event. A timed one ends at the deadline, in ``tz``, and
    starts at ``start`` when that is earlier the same day, else 30 minutes before; an
    all-day one starts on the window's first day (or the due date) and ends the day
    after the due date (RFC 5545 DTEND is exclusive)."""
    if isinstance(entry.due, dt.datetime):
        end = _aware(entry.due, entry.uid, "due").astimezone(tz)
        begin = end - TIMED_LENGTH
        if isinstance(entry.start, dt.datetime):
            start = _aware(entry.start, entry.uid, "start").astimezone(tz)
            if start < end and start.date() == end.date():
                begin = start
        return begin, end
    day = entry.due
    first = day if entry.start is None else min(_local_day(entry.start, tz), day)
    return first, day + dt.timedelta(days=1)


def _todo_start(entry: CalendarEntry, tz: ZoneInfo) -> dt.date | dt.datetime | None:
    """A to-do's DTSTART: its start, of the same kind as DUE and strictly before it."""
    if entry.start is None:
        return None
    if isinstance(entry.due, dt.datetime):
        due = _aware(entry.due, entry.uid, "due")
        if isinstance(entry.start, dt.datetime):
            start = _aware(entry.start, entry.uid, "start").astimezone(tz)
        else:
            start = dt.datetime.combine(entry.start, dt.time(0), tz)
        return start if start < due else None
    day = _local_day(entry.start, tz)
    return day if day < entry.due else None


def _write_entry(
    out: _Writer, entry: CalendarEntry, component: str, stamp: str, tz: ZoneInfo
) -> None:
    uid = entry.uid
    add = out.add
    add(f"BEGIN:{component}")
    add(f"UID:{_text(uid)}")
    add(f"DTSTAMP:{stamp}")
    if component == "VEVENT":
        begin, end = _span(entry, tz)
        out.moment("DTSTART", begin, uid)
        out.moment("DTEND", end, uid)
    else:
        start = _todo_start(entry, tz)
        if start is not None:
            out.moment("DTSTART", start, uid)
        out.moment("DUE", entry.due, uid)
    add(f"SUMMARY:{_text(entry.title)}")
    if entry.description:
        add(f"DESCRIPTION:{_text(entry.description)}")
    if entry.url:
        add(f"URL:{_uri(entry.url, uid)}")
    if entry.categories:
        add("CATEGORIES:" + ",".join(_text(c) for c in entry.categories))
    add(f"SEQUENCE:{int(entry.sequence)}")
    if entry.last_modified is not None:
        add(f"LAST-MODIFIED:{_utc(entry.last_modified, uid, 'last_modified')}")
    if component == "VEVENT":
        # A day's deadline does not make the whole day busy; a timed one does.
        add("TRANSP:" + ("OPAQUE" if isinstance(entry.due, dt.datetime) else "TRANSPARENT"))
        add("STATUS:" + ("CANCELLED" if entry.cancelled else "CONFIRMED"))
    else:
        if entry.cancelled:
            add("STATUS:CANCELLED")
        elif entry.done:
            add("STATUS:COMPLETED")
        else:
            add("STATUS:NEEDS-ACTION")
        if entry.done and entry.completed is not None:
            add(f"COMPLETED:{_utc(entry.completed, uid, 'completed')}")
        add(f"PERCENT-COMPLETE:{100 if entry.done else 0}")
    if entry.done:
        add("X-TRACKER-DONE:TRUE")
    if entry.alarms:
        alarm_text = _text(entry.summary)
        for moment in entry.alarms:
            add("BEGIN:VALARM")
            add("ACTION:DISPLAY")
            add(f"DESCRIPTION:{alarm_text}")
            # An absolute trigger must say so: TRIGGER's default value type is a duration.
            add(f"TRIGGER;VALUE=DATE-TIME:{_utc(moment, uid, 'alarm')}")
            add("END:VALARM")
    add(f"END:{component}")


@lru_cache(maxsize=16)
def _vtimezone(tzid: str) -> tuple[bytes, ...]:
    """The VTIMEZONE of ``tzid`` as folded lines, built once: icalendar takes tens of
    milliseconds to work out a zone's transitions, which every feed would pay for."""
    return tuple(_refold(Timezone.from_tzid(tzid).to_ical()))


def render_entry(
    entry: CalendarEntry, *, component: str, tz: ZoneInfo, stamp: dt.datetime
) -> bytes:
    """One entry's folded content lines, to keep and pass to :func:`build_calendar` again:
    a feed rebuilt after a change renders again only the entries that changed."""
    if component not in COMPONENTS:
        raise ValueError(f"component {component!r} is not one of {', '.join(COMPONENTS)}")
    out = _Writer(tz)
    _write_entry(out, entry, component, _utc(stamp, entry.uid, "stamp"), tz)
    return b"\r\n".join(_fold(line) for line in out.lines)


def build_calendar(
    entries: Iterable[CalendarEntry | bytes],
    *,
    name: str,
    tz: ZoneInfo,
    stamp: dt.datetime,
    method: str = "PUBLISH",
    component: str = "VEVENT",
    refresh: dt.timedelta | None = None,
    description: str = "",
) -> bytes:
    """A VCALENDAR named ``name`` with one ``component`` (VEVENT or VTODO) per entry and
    the VTIMEZONE their times need. ``stamp`` (aware) is the DTSTAMP of every item;
    ``refresh``, when given, is how often a subscribed client should fetch it again
    (REFRESH-INTERVAL and X-PUBLISHED-TTL); ``description`` becomes X-WR-CALDESC and the
    calendar's DESCRIPTION. All are escaped TEXT, as RFC 5545 has X- properties default
    to (icalendar 7 writes and reads NAME and X-WR-* raw; vobject unescapes them)."""
    if component not in COMPONENTS:
        raise ValueError(f"component {component!r} is not one of {', '.join(COMPONENTS)}")
    stamp_text = _utc(stamp, "calendar", "stamp")
    out = _Writer(tz)
    rendered: list[bytes] = []
    for entry in entries:
        if isinstance(entry, bytes):
            # Already rendered (render_entry) for this component and zone.
            rendered.append(entry)
            out.tzid_used = out.tzid_used or b";TZID=" in entry
            continue
        out.lines.clear()
        _write_entry(out, entry, component, stamp_text, tz)
        rendered.append(b"\r\n".join(_fold(line) for line in out.lines))
    out.lines.clear()
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
    ]
    if method:
        head.append(f"METHOD:{method}")
    head.append(f"NAME:{_text(name)}")
    head.append(f"X-WR-CALNAME:{_text(name)}")
    if description:
        head.append(f"DESCRIPTION:{_text(description)}")  # RFC 7986
        head.append(f"X-WR-CALDESC:{_text(description)}")
    head.append(f"X-WR-TIMEZONE:{tz.key}")
    if refresh is not None:
        every = _duration(refresh)
        head.append(f"REFRESH-INTERVAL;VALUE=DURATION:{every}")
        head.append(f"X-PUBLISHED-TTL:{every}")
    physical = [_fold(line) for line in head]
    if out.tzid_used and out.tzid is not None:
        physical.extend(_vtimezone(out.tzid))
    physical.extend(rendered)
    physical.extend(_fold(line) for line in out.lines)
    physical.append(b"END:VCALENDAR")
    physical.append(b"")
    return b"\r\n".join(physical)
