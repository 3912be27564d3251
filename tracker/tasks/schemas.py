"""API shapes of the tasks app."""

from __future__ import annotations

import datetime as dt

import msgspec

from tracker.tasks.services import OccurrenceView

__all__ = ["OccurrenceOut", "iso"]


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """ISO 8601: a date, or a date-time with its +07:00 offset."""
    return None if value is None else value.isoformat()


class OccurrenceOut(msgspec.Struct, kw_only=True):
    id: int
    task: int
    plan: int
    label: str
    kind: str
    start: str | None
    due: str
    extended_due: str | None
    status: str
    moved_reason: str

    @classmethod
    def of(cls, view: OccurrenceView) -> OccurrenceOut:
        return cls(
            id=view.id,
            task=view.task_id,
            plan=view.plan_id,
            label=view.label,
            kind=view.kind,
            start=iso(view.start),
            due=view.due.isoformat(),
            extended_due=iso(view.extended_due),
            status=view.status,
            moved_reason=view.moved_reason,
        )
