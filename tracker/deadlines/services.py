"""Use cases of the tasks app: turning schedules into stored occurrences, and reading them.

The rules are pure (:mod:`tracker.schedule.rules`); this module loads what they
need (tasks, recorded events, stored occurrences), asks them what should exist,
and writes the difference, keyed by ``(task, key)`` so a second run writes
nothing and completed work is never touched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from tracker import db
from tracker.audit import AuditLog, changes
from tracker.deadlines.moments import working_deadline
from tracker.deadlines.read import (
    OccurrenceView,
    due_between,
    for_units,
    in_plans,
    look_due,
    not_cancelled,
    read_occurrences,
)
from tracker.deadlines.tables import Event, EvidenceFile, Extension, Occurrence
from tracker.org.tables import Unit
from tracker.plans.tables import Plan, Task
from tracker.schedule.events import event_kind_label
from tracker.schedule.expand import EventFact, OccurrenceSpec, expand
from tracker.schedule.reconcile import ExistingOccurrence, MaterializeCounts, reconcile
from tracker.schedule.rules import rules_from_dicts
from tracker.schedule.workdays import WorkCalendar

__all__ = [
    "Expander",
    "MaterializeCounts",
    "cancelled_tasks",
    "list_occurrences",
    "materialize_plan",
    "new_occurrence",
    "task_due_summary",
]


def _at(day: dt.date | None, moment: dt.time | None, tz: ZoneInfo) -> dt.datetime | None:
    if day is None or moment is None:
        return None
    return dt.datetime.combine(day, moment, tzinfo=tz)


def _local_time(moment: dt.datetime | None, tz: ZoneInfo) -> dt.time | None:
    return None if moment is None else moment.astimezone(tz).time()


def first_look(
    deadline_at: dt.datetime, by_event: bool, now: dt.datetime, lookahead: dt.timedelta
) -> dt.datetime:
    """When the reminder pass should first look at an occurrence (``Occurrence.remind_at``):
    ``lookahead`` before its deadline (the reminder policy says how long), or at once when
    an event started it. Always set, so the pass finds its work with one range over the
    ``(status, remind_at)`` index."""
    return now if by_event else deadline_at - lookahead


@dataclass(frozen=True)
class Expander:
    """Turns stored plans into stored deadlines: the working-day calendar, the time zone,
    and how long before a deadline the reminder pass first looks at it (the layer above
    builds one with the reminder policy's look-ahead). It is what storing a plan needs
    from deadlines (:class:`tracker.plans.services.PlanDeadlines`)."""

    calendar: WorkCalendar
    tz: ZoneInfo
    lookahead: dt.timedelta

    async def tasks_with_work(self, plan_id: int) -> set[int]:
        """Tasks with anything people recorded on them: a deadline done, or with a note,
        a report or evidence, an extension asked for; an event recorded for the task."""
        done = await Occurrence.select(Occurrence.task).where(
            (Occurrence.plan == plan_id)
            & (
                (Occurrence.status == "done")
                | (Occurrence.note != "")
                | (Occurrence.evidence != "")
            )
        )
        extended = await Extension.select(Extension.occurrence.task.as_alias("task")).where(
            Extension.occurrence.plan == plan_id
        )
        filed = await EvidenceFile.select(EvidenceFile.occurrence.task.as_alias("task")).where(
            EvidenceFile.occurrence.plan == plan_id
        )
        events = await Event.select(Event.task).where(Event.task.plan == plan_id)
        return {row["task"] for rows in (done, extended, filed, events) for row in rows}

    async def expand(self, plan_id: int, *, actor: str, now: dt.datetime) -> MaterializeCounts:
        return await materialize_plan(plan_id, expander=self, actor=actor, now=now)


def _spec_values(spec: OccurrenceSpec, tz: ZoneInfo, unit_ids: dict[str, int]) -> dict[str, Any]:
    return {
        "rule_key": spec.rule_key,
        "kind": spec.kind,
        "label": spec.label,
        "assignee": unit_ids.get(spec.assignee) if spec.assignee else None,
        "event": int(spec.event_key) if spec.event_key else None,
        "start_date": spec.start_date,
        "start_at": _at(spec.start_date, spec.start_time, tz),
        "due_date": spec.due_date,
        "due_at": _at(spec.due_date, spec.due_time, tz),
        "nominal_date": spec.nominal_date,
        "moved_reason": spec.moved_reason,
    }


def _spec_of_row(row: dict[str, Any], tz: ZoneInfo, unit_codes: dict[int, str]) -> OccurrenceSpec:
    return OccurrenceSpec(
        key=row["key"],
        rule_key=row["rule_key"],
        kind=row["kind"],
        label=row["label"],
        due_date=row["due_date"],
        nominal_date=row["nominal_date"],
        due_time=_local_time(row["due_at"], tz),
        start_date=row["start_date"],
        start_time=_local_time(row["start_at"], tz),
        moved_reason=row["moved_reason"],
        assignee=unit_codes.get(row["assignee"], "") if row["assignee"] else "",
        event_key=str(row["event"]) if row["event"] else "",
    )


async def _plan_events(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Recorded events that concern the plan: for it or one of its tasks, or recorded at a
    unit on the plan's branch of the tree (its issuer, above it, or below it)."""
    rows = await Event.select(
        Event.id,
        Event.kind,
        Event.occurred_on,
        Event.due_date,
        Event.plan,
        Event.task,
        Event.reference,
        Event.unit.path.as_alias("unit_path"),
    ).where((Event.plan.is_null()) | (Event.plan == plan["id"]))
    path = plan["unit_path"]
    return [
        r
        for r in rows
        if r["unit_path"] is None
        or path.startswith(r["unit_path"])
        or r["unit_path"].startswith(path)
    ]


def _facts(events: Iterable[dict[str, Any]], task_id: int) -> list[EventFact]:
    return [
        EventFact(
            key=str(e["id"]),
            kind=e["kind"],
            on=e["occurred_on"],
            due=e["due_date"],
            label=e["reference"] or event_kind_label(e["kind"]),
        )
        for e in events
        if e["task"] is None or e["task"] == task_id
    ]


async def materialize_plan(
    plan_id: int, *, expander: Expander, actor: str, now: dt.datetime
) -> MaterializeCounts:
    """Bring the plan's stored occurrences in line with its tasks' schedules and events."""
    calendar = expander.calendar
    counts = MaterializeCounts()
    async with db.write_transaction():
        plan = (
            await Plan.select(
                Plan.id, Plan.period_start, Plan.period_end, Plan.unit.path.as_alias("unit_path")
            )
            .where(Plan.id == plan_id)
            .first()
        )
        if plan is None:
            return counts
        tasks = (
            await Task.select(Task.id, Task.key, Task.schedule, Task.parent, Task.cancelled_at)
            .where(Task.plan == plan_id)
            .output(load_json=True)
        )
        cancelled = cancelled_tasks(tasks)
        stored: dict[int, list[dict[str, Any]]] = {}
        for row in await Occurrence.select().where(Occurrence.plan == plan_id):
            stored.setdefault(row["task"], []).append(row)
        units = await Unit.select(Unit.id, Unit.code)
        unit_ids = {u["code"]: u["id"] for u in units}
        unit_codes = {u["id"]: u["code"] for u in units}
        events = await _plan_events(plan)
        audit = AuditLog(actor, now)
        for task in tasks:
            rules = rules_from_dicts(task["schedule"], where=f"nhiệm vụ {task['key']}")
            # A cancelled task gives no deadlines: its open ones are cancelled, done ones kept.
            specs = (
                []
                if task["id"] in cancelled
                else expand(
                    rules,
                    period_start=plan["period_start"],
                    period_end=plan["period_end"],
                    calendar=calendar,
                    events=_facts(events, task["id"]),
                )
            )
            rows = stored.get(task["id"], [])
            counts.add(
                await _apply(
                    task["id"], plan_id, specs, rows, expander, unit_ids, unit_codes, audit, now
                )
            )
        await audit.flush()
        await rearm_looks(plan_id, now)
    return counts


async def rearm_looks(plan_id: int, now: dt.datetime) -> None:
    """The plan's open deadlines with no next look are looked at by the next pass: those
    :func:`retire_looks` put aside while the plan was not running (closed, deleted, its
    period over), now that it may run again. Ones whose reminders had all been sent are
    looked at once more and stay quiet."""
    await Occurrence.update({Occurrence.remind_at: now}).where(
        (Occurrence.plan == plan_id)
        & (Occurrence.status == "open")
        & Occurrence.remind_at.is_null()
    )


async def retire_looks(now: dt.datetime, today: dt.date) -> int:
    """Open deadlines whose next look has come but whose plan no longer runs (closed,
    deleted, its period over) keep no next look: the reminder pass would never take
    them, and left in the ``(status, remind_at)`` index they would make every idle pass
    search past them. Storing the plan again (an edit, a restore, a reopening) brings
    them back (:func:`rearm_looks`). ``today`` is the local day of ``now``. Returns how
    many plans were put aside."""
    stopped = (
        await Occurrence.select(Occurrence.plan)
        .where(
            (Occurrence.status == "open")
            & look_due(now)
            & (
                (Occurrence.plan._.status != "active")
                | (Occurrence.plan._.period_end < today)
                | Occurrence.plan._.deleted_at.is_not_null()
            )
        )
        .distinct()
    )
    plans = [row["plan"] for row in stopped]
    for start in range(0, len(plans), db.CHUNK):
        await Occurrence.update({Occurrence.remind_at: None}).where(
            Occurrence.plan.is_in(plans[start : start + db.CHUNK])
            & (Occurrence.status == "open")
            & look_due(now)
        )
    return len(plans)


def new_occurrence(
    spec: OccurrenceSpec,
    *,
    task_id: int,
    plan_id: int,
    expander: Expander,
    unit_ids: dict[str, int],
    now: dt.datetime,
) -> Occurrence:
    """The row of a new occurrence of ``spec`` (not yet inserted): open, its working
    deadline the original one, first looked at by the reminder pass when the policy says."""
    values = _spec_values(spec, expander.tz, unit_ids)
    deadline = working_deadline(spec.due_date, values["due_at"], None, None, expander.tz)
    values["remind_at"] = first_look(deadline, values["event"] is not None, now, expander.lookahead)
    return Occurrence(
        task=task_id,
        plan=plan_id,
        key=spec.key,
        deadline_at=deadline,
        status="open",
        created_at=now,
        updated_at=now,
        **values,
    )


def cancelled_tasks(tasks: Iterable[dict[str, Any]]) -> set[int]:
    """The ids of the tasks cancelled themselves or under a cancelled section
    (rows with ``id``, ``parent`` and ``cancelled_at``)."""
    rows = list(tasks)
    parents = {r["id"]: r["parent"] for r in rows}
    marked = {r["id"] for r in rows if r["cancelled_at"] is not None}
    out: set[int] = set()
    for row in rows:
        current: int | None = row["id"]
        while current is not None:
            if current in marked:
                out.add(row["id"])
                break
            current = parents.get(current)
    return out


async def _apply(
    task_id: int,
    plan_id: int,
    specs: Sequence[OccurrenceSpec],
    rows: Sequence[dict[str, Any]],
    expander: Expander,
    unit_ids: dict[str, int],
    unit_codes: dict[int, str],
    audit: AuditLog,
    now: dt.datetime,
) -> MaterializeCounts:
    tz = expander.tz
    by_key = {r["key"]: r for r in rows}
    existing = [
        ExistingOccurrence(r["key"], r["status"], _spec_of_row(r, tz, unit_codes)) for r in rows
    ]
    plan = reconcile(existing, specs)
    counts = MaterializeCounts(unchanged=len(specs) - len(plan.create) - len(plan.update))
    counts.unchanged -= len(plan.reopen)
    new_rows = [
        new_occurrence(
            spec, task_id=task_id, plan_id=plan_id, expander=expander, unit_ids=unit_ids, now=now
        )
        for spec in plan.create
    ]
    for start in range(0, len(new_rows), 200):
        await Occurrence.insert(*new_rows[start : start + 200]).on_conflict(
            target=(Occurrence.task, Occurrence.key), action="DO NOTHING"
        )
    if plan.create:
        created = await Occurrence.select(Occurrence.id, Occurrence.key).where(
            (Occurrence.task == task_id) & Occurrence.key.is_in([s.key for s in plan.create])
        )
        for row in created:
            audit.add("occurrence", row["id"], "create", {"key": row["key"]}, plan_id)
        counts.created = len(created)
    for spec, action in [(s, "update") for s in plan.update] + [(s, "reopen") for s in plan.reopen]:
        row = by_key[spec.key]
        values = _spec_values(spec, tz, unit_ids)
        values["deadline_at"] = working_deadline(
            spec.due_date, values["due_at"], row["extended_due_date"], row["extended_due_at"], tz
        )
        if action == "reopen":
            values["status"] = "open"
        diff = changes(row, values)
        values["updated_at"] = now
        values["sequence"] = row["sequence"] + 1
        # The reminder pass works out the ladder again from where it left off.
        values["remind_at"] = first_look(
            values["deadline_at"], values["event"] is not None, now, expander.lookahead
        )
        await Occurrence.update(**values).where(Occurrence.id == row["id"])
        audit.add("occurrence", row["id"], action, diff, plan_id)
    counts.updated, counts.reopened = len(plan.update), len(plan.reopen)
    for key in plan.cancel:
        row = by_key[key]
        await Occurrence.update(
            status="cancelled", updated_at=now, sequence=row["sequence"] + 1
        ).where(Occurrence.id == row["id"])
        audit.add(
            "occurrence", row["id"], "cancel", {"status": [row["status"], "cancelled"]}, plan_id
        )
    counts.cancelled = len(plan.cancel)
    return counts


# --------------------------------------------------------------------------- reading


async def list_occurrences(
    *,
    tz: ZoneInfo,
    now: dt.datetime,
    plan_ids: Sequence[int] | None = None,
    unit_ids: set[int] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    include_cancelled: bool = False,
    limit: int | None = None,
) -> list[OccurrenceView]:
    """Occurrences by plan, by the units answerable for them, and by due date, sorted by
    working deadline: the API's and the pages' question to the read model."""
    return await read_occurrences(
        in_plans(plan_ids) if plan_ids is not None else None,
        None if include_cancelled else not_cancelled(),
        due_between(start, end),
        await for_units(unit_ids) if unit_ids is not None else None,
        tz=tz,
        now=now,
        limit=limit,
    )


async def task_due_summary(
    plan_id: int, today: dt.date, tz: ZoneInfo, now: dt.datetime
) -> dict[int, dict[str, Any]]:
    """Per task: its next open occurrence from ``today``, its last one, and how many it has."""
    out: dict[int, dict[str, Any]] = {}
    for view in await read_occurrences(in_plans([plan_id]), not_cancelled(), tz=tz, now=now):
        entry = out.setdefault(view.task_id, {"next": None, "last": None, "count": 0})
        entry["count"] += 1
        entry["last"] = view
        due_day = view.due.date() if isinstance(view.due, dt.datetime) else view.due
        if entry["next"] is None and view.open and due_day >= today:
            entry["next"] = view
    return out
