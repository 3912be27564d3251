"""What one timing phrase means over a year (pure): the `tracker timing` contract."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from tracker.schedule.events import event_kind_label
from tracker.schedule.expand import EventFact, OccurrenceSpec, expand
from tracker.schedule.rules import DEFAULT_REQUEST_EVENT
from tracker.schedule.timing.reader import parse_timing
from tracker.schedule.workdays import WorkCalendar

__all__ = ["preview_timing"]


def _moment(day: date | None, moment: Any, tz: ZoneInfo) -> str | None:
    if day is None:
        return None
    if moment is None:
        return day.isoformat()
    return datetime.combine(day, moment, tzinfo=tz).isoformat()


def _occurrence(spec: OccurrenceSpec, tz: ZoneInfo) -> dict[str, Any]:
    return {
        "start": _moment(spec.start_date, spec.start_time, tz),
        "due": _moment(spec.due_date, spec.due_time, tz),
        "label": spec.label,
    }


def preview_timing(
    phrase: str,
    *,
    year: int,
    calendar: WorkCalendar,
    tz: ZoneInfo,
    event_date: date | None = None,
) -> dict[str, Any]:
    """``{"text", "rules", "occurrences", "review", "reason", "caution"}`` for ``phrase`` over
    ``year`` (``caution``: read right, but due before ``year``; the importer and the editor make
    it a review item);
    with ``event_date``, every event the rules count from happens on that day."""
    result = parse_timing(phrase, year=year)
    events = []
    if event_date is not None:
        kinds = {
            r.event or DEFAULT_REQUEST_EVENT
            for r in result.rules
            if r.kind in ("relative", "on_demand")
        }
        events = [
            EventFact(key=kind, kind=kind, on=event_date, label=event_kind_label(kind))
            for kind in sorted(kinds)
        ]
    occurrences = expand(
        list(result.rules),
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        calendar=calendar,
        events=events,
    )
    data = result.to_dict()
    data["occurrences"] = [_occurrence(o, tz) for o in occurrences]
    return {
        key: data[key] for key in ("text", "rules", "occurrences", "review", "reason", "caution")
    }
