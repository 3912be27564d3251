"""API shapes of deadlines; every occurrence shape is made from the one read model's
view (:class:`tracker.deadlines.read.OccurrenceView`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from tracker.deadlines.read import OccurrenceView

__all__ = ["CompleteIn", "EventIn", "EventOut", "OccurrenceDetail", "OccurrenceOut", "iso"]


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """ISO 8601: a date, or a date-time with its +07:00 offset."""
    return None if value is None else value.isoformat()


def _when(view: OccurrenceView) -> dict[str, Any]:
    """What every occurrence shape says of it: which it is, and when it falls and stands."""
    return {
        "id": view.id,
        "label": view.label,
        "kind": view.kind,
        "start": iso(view.start),
        "due": view.due.isoformat(),
        "extended_due": iso(view.extended_due),
        "status": view.status,
    }


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
            **_when(view), task=view.task_id, plan=view.plan_id, moved_reason=view.moved_reason
        )


class OccurrenceDetail(msgspec.Struct, kw_only=True):
    """One occurrence with its task, plan and what was recorded of the work."""

    id: int
    key: str
    task: int
    task_label: str
    task_content: str
    plan: str
    plan_number: str
    label: str
    kind: str
    start: str | None
    due: str
    extended_due: str | None
    status: str
    completed_at: str | None
    completed_by: str | None
    evidence: str

    @classmethod
    def of(cls, view: OccurrenceView) -> OccurrenceDetail:
        return cls(
            **_when(view),
            key=view.key,
            task=view.task_id,
            task_label=view.task_label,
            task_content=view.task_content,
            plan=view.plan_key,
            plan_number=view.plan_number,
            completed_at=iso(view.completed_at),
            completed_by=view.completed_by_name,
            evidence=view.evidence,
        )


class CompleteIn(msgspec.Struct, kw_only=True):
    """The work is done: what it produced (text, a link or both), and when."""

    evidence: str = ""
    link: str = ""
    completed_at: dt.datetime | None = None


class EventIn(msgspec.Struct, kw_only=True):
    """An event that starts relative deadlines: its kind, its day, where, and its reference."""

    kind: str
    date: dt.date
    unit: str | None = None
    plan: str | None = None
    ref: str = ""


class EventOut(msgspec.Struct, kw_only=True):
    id: int
    kind: str
    date: str
    plans: list[str]
    occurrences: list[int]
    messages: int
