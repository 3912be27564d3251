"""API shapes of deadlines; every occurrence shape is made from the one read model's
view (:class:`tracker.deadlines.read.OccurrenceView`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import msgspec

from tracker.deadlines.read import OccurrenceView

if TYPE_CHECKING:  # the services read requests of these shapes, so import this module
    from tracker.deadlines.extensions import ExtensionView

__all__ = [
    "CompleteIn",
    "DecisionIn",
    "EventIn",
    "EventOut",
    "ExtensionIn",
    "ExtensionOut",
    "OccurrenceDetail",
    "OccurrenceOut",
    "UnitRef",
    "iso",
]


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


class ExtensionIn(msgspec.Struct, kw_only=True):
    """A request for more time: the new day ("YYYY-MM-DD"), optionally a time on it
    ("HH:MM"; without one the deadline is the end of that day), and why."""

    due_date: dt.date
    due_time: str | None = None
    reason: str = ""


class DecisionIn(msgspec.Struct, kw_only=True):
    """An approval's note (optional), a refusal's reason (required)."""

    note: str = ""


class UnitRef(msgspec.Struct, kw_only=True):
    code: str
    name: str


class ExtensionOut(msgspec.Struct, kw_only=True):
    """One extension request: the occurrence it is for, with its task, plan and lead unit;
    the original deadline, the one the request replaces, the one asked for and the one
    in force now; who asked, who decided, and why."""

    id: int
    occurrence: int
    label: str
    task: int
    task_content: str
    plan: str
    plan_number: str
    lead: UnitRef | None
    original_due: str
    previous_due: str
    requested_due: str
    working_due: str
    reason: str
    state: str
    requested_by: str | None
    requested_at: str
    decided_by: str | None
    decided_at: str | None
    note: str

    @classmethod
    def of(cls, view: ExtensionView) -> ExtensionOut:
        lead = None
        if view.lead_code is not None:
            lead = UnitRef(code=view.lead_code, name=view.lead_name or "")
        return cls(
            id=view.id,
            occurrence=view.occurrence_id,
            label=view.label,
            task=view.task_id,
            task_content=view.task_content,
            plan=view.plan_key,
            plan_number=view.plan_number,
            lead=lead,
            original_due=view.original_due.isoformat(),
            previous_due=view.previous_due.isoformat(),
            requested_due=view.requested_due.isoformat(),
            working_due=view.working_due.isoformat(),
            reason=view.reason,
            state=view.state,
            requested_by=view.requested_by,
            requested_at=view.requested_at.isoformat(),
            decided_by=view.decided_by,
            decided_at=iso(view.decided_at),
            note=view.decision_note,
        )
