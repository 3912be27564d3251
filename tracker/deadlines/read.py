"""The one occurrence read model.

Every reader of deadlines (the API, the pages, the iCal feeds, the reminder pass, the
compliance reports) selects occurrences here: one column list, one mapper to
:class:`OccurrenceView`, and the filters below, combined by :func:`read_occurrences`.
A new reader adds a filter or a field here rather than a query of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from piccolo.columns import Column
from piccolo.custom_types import Combinable
from piccolo.query import Select

from tracker.deadlines.compliance import Bucket, bucket
from tracker.deadlines.moments import local_moment
from tracker.deadlines.tables import Occurrence
from tracker.plans.tables import TaskUnit

__all__ = [
    "OccurrenceView",
    "due_between",
    "for_units",
    "in_plans",
    "look_due",
    "not_cancelled",
    "occurrences_query",
    "read_occurrence",
    "read_occurrences",
    "running",
    "with_deadline_by",
    "with_ids",
]

_COLUMNS = (
    *Occurrence.all_columns(),
    Occurrence.task.key.as_alias("task_key"),
    Occurrence.task.label.as_alias("task_label"),
    Occurrence.task.content.as_alias("task_content"),
    Occurrence.task.output.as_alias("task_output"),
    Occurrence.task.updated_at.as_alias("task_updated_at"),
    Occurrence.plan.key.as_alias("plan_key"),
    Occurrence.plan.number.as_alias("plan_number"),
    Occurrence.plan.title.as_alias("plan_title"),
    Occurrence.plan.unit.as_alias("plan_unit"),
    Occurrence.plan._.unit._.path.as_alias("plan_path"),
    Occurrence.plan.updated_at.as_alias("plan_updated_at"),
    Occurrence.event.kind.as_alias("event_kind"),
    Occurrence.event.reference.as_alias("event_reference"),
    Occurrence.event.created_at.as_alias("event_at"),
    Occurrence.completed_by.name.as_alias("completed_by_name"),
)


@dataclass(frozen=True, slots=True)
class OccurrenceView:
    """One occurrence with its task and plan, its moments in local time, and its
    compliance bucket at the moment it was read. Two views are equal when everything a
    reader shows is equal (the reminder pass's bookkeeping is left out), so feeds use a
    view as the key of what they rendered."""

    id: int
    key: str
    task_id: int
    plan_id: int
    label: str
    kind: str
    assignee_id: int | None
    start: dt.date | dt.datetime | None
    due: dt.date | dt.datetime  # the original deadline, never changed by an extension
    extended_due: dt.date | dt.datetime | None
    deadline: dt.datetime  # the working deadline instant, local time
    stored_status: str  # "open", "done" or "cancelled"
    status: Bucket  # the compliance bucket when read
    completed_at: dt.datetime | None
    completed_by_id: int | None
    completed_by_name: str | None
    evidence: str
    moved_reason: str
    extension_reason: str
    sequence: int
    updated_at: dt.datetime
    task_key: str
    task_label: str
    task_content: str
    task_output: str
    task_updated_at: dt.datetime | None
    plan_key: str
    plan_number: str
    plan_title: str
    plan_unit_id: int
    plan_path: str
    plan_updated_at: dt.datetime | None
    event_id: int | None
    event_kind: str | None
    event_reference: str | None
    event_at: dt.datetime | None
    reminded_until: dt.datetime | None = field(default=None, compare=False)

    @property
    def working_due(self) -> dt.date | dt.datetime:
        """The deadline people work to: the extended one when approved, else the original."""
        return self.extended_due if self.extended_due is not None else self.due

    @property
    def open(self) -> bool:
        return self.stored_status == "open"

    def bucket_at(self, now: dt.datetime) -> Bucket:
        return bucket(
            status=self.stored_status,
            deadline=self.deadline,
            completed_at=self.completed_at,
            now=now,
        )


def _view(row: dict[str, Any], tz: ZoneInfo, now: dt.datetime) -> OccurrenceView:
    due = local_moment(row["due_date"], row["due_at"], tz)
    assert due is not None  # every occurrence has a due date
    completed = row["completed_at"]
    return OccurrenceView(
        id=row["id"],
        key=row["key"],
        task_id=row["task"],
        plan_id=row["plan"],
        label=row["label"],
        kind=row["kind"],
        assignee_id=row["assignee"],
        start=local_moment(row["start_date"], row["start_at"], tz),
        due=due,
        extended_due=local_moment(row["extended_due_date"], row["extended_due_at"], tz),
        deadline=row["deadline_at"].astimezone(tz),
        stored_status=row["status"],
        status=bucket(
            status=row["status"], deadline=row["deadline_at"], completed_at=completed, now=now
        ),
        completed_at=completed.astimezone(tz) if completed is not None else None,
        completed_by_id=row["completed_by"],
        completed_by_name=row["completed_by_name"],
        evidence=row["evidence"],
        moved_reason=row["moved_reason"],
        extension_reason=row["extension_reason"],
        sequence=row["sequence"],
        updated_at=row["updated_at"],
        task_key=row["task_key"],
        task_label=row["task_label"],
        task_content=row["task_content"],
        task_output=row["task_output"],
        task_updated_at=row["task_updated_at"],
        plan_key=row["plan_key"],
        plan_number=row["plan_number"],
        plan_title=row["plan_title"],
        plan_unit_id=row["plan_unit"],
        plan_path=row["plan_path"],
        plan_updated_at=row["plan_updated_at"],
        event_id=row["event"],
        event_kind=row["event_kind"],
        event_reference=row["event_reference"],
        event_at=row["event_at"],
        reminded_until=row["reminded_until"],
    )


def occurrences_query(*where: Combinable | None, limit: int | None = None) -> Select[Occurrence]:
    """The query :func:`read_occurrences` runs (the benchmarks print its plan)."""
    # A deleted plan's deadlines are kept for the record and shown to nobody: not in
    # the pages, the API, the feeds, the reminder pass or the counts.
    query = Occurrence.select(*_COLUMNS).where(Occurrence.plan._.deleted_at.is_null())
    for clause in where:
        if clause is not None:
            query = query.where(clause)
    query = query.order_by(Occurrence.deadline_at).order_by(Occurrence.id)
    if limit:
        query = query.limit(limit)
    return query


async def read_occurrences(
    *where: Combinable | None, tz: ZoneInfo, now: dt.datetime, limit: int | None = None
) -> list[OccurrenceView]:
    """The occurrences every clause keeps (None keeps all) of plans not deleted, by
    working deadline, each with its bucket at ``now``."""
    return [_view(row, tz, now) for row in await occurrences_query(*where, limit=limit)]


async def read_occurrence(
    occurrence_id: int, *, tz: ZoneInfo, now: dt.datetime
) -> OccurrenceView | None:
    found = await read_occurrences(with_ids([occurrence_id]), tz=tz, now=now)
    return found[0] if found else None


# --------------------------------------------------------------------------- filters


def with_ids(ids: Sequence[int]) -> Combinable:
    return Occurrence.id.is_in(list(ids) or [0])


def in_plans(plan_ids: Sequence[int]) -> Combinable:
    return Occurrence.plan.is_in(list(plan_ids) or [0])


def not_cancelled() -> Combinable:
    return Occurrence.status != "cancelled"


def due_between(start: dt.date | None, end: dt.date | None) -> Combinable | None:
    """By the working due day (the approved extension's, else the original), as the API's
    ``from``/``to`` and the feeds' window: a deadline extended into the window is in it,
    one extended out of it is not (the counts window the same way)."""

    def within(day: Column) -> Combinable | None:
        clauses = []
        if start is not None:
            clauses.append(day >= start)
        if end is not None:
            clauses.append(day <= end)
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else clauses[0] & clauses[1]

    original, extended = within(Occurrence.due_date), within(Occurrence.extended_due_date)
    if original is None or extended is None:
        return None
    return (Occurrence.extended_due_date.is_null() & original) | extended


def with_deadline_by(moment: dt.datetime) -> Combinable:
    return Occurrence.deadline_at <= moment


def running(today: dt.date) -> Combinable:
    """Open work of a plan that is still running (not closed, its period not over)."""
    return (
        (Occurrence.status == "open")
        & (Occurrence.plan.status == "active")
        & (Occurrence.plan.period_end >= today)
    )


def look_due(now: dt.datetime) -> Combinable:
    """Occurrences whose next look by the reminder pass has come (``remind_at``)."""
    return Occurrence.remind_at <= now


async def for_units(unit_ids: set[int]) -> Combinable:
    """Occurrences the units answer for: assigned to one of them, or (with no assignee)
    of a task one of them leads or coordinates."""
    task_ids = await TaskUnit.select(TaskUnit.task).where(
        TaskUnit.unit.is_in(list(unit_ids) or [0])
    )
    return Occurrence.assignee.is_in(list(unit_ids) or [0]) | (
        Occurrence.assignee.is_null()
        & Occurrence.task.is_in(sorted({t["task"] for t in task_ids}) or [0])
    )
