"""Recording what happens: an event that starts relative deadlines, and work done.

Recording an event stores it and brings the plans on its branch of the unit tree up to
date, so the occurrences it starts exist at once (the reminder pass then tells their
people). Completing an occurrence records who did it, when, and what they produced, in
the audit log; reminders for it stop.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from tracker import db
from tracker.audit import AuditLog
from tracker.deadlines.read import OccurrenceView, read_occurrence
from tracker.deadlines.schemas import CompleteIn
from tracker.deadlines.services import Expander, materialize_plan
from tracker.deadlines.tables import Event, Extension, Occurrence
from tracker.errors import NotFoundError, ValidationError
from tracker.org.policy import (
    COMPLETE_WORK,
    READ,
    RECORD_EVENT,
    Where,
    allowed,
    refusal,
    require,
)
from tracker.org.scope import Scope
from tracker.org.tables import GroupMember, Membership, Unit
from tracker.plans.tables import Plan, TaskUnit
from tracker.schedule.events import EVENT_KINDS
from tracker.schedule.reconcile import MaterializeCounts
from tracker.vn import one_line

__all__ = [
    "DONE_FIRST",
    "REFERENCE_LIMIT",
    "EventRecord",
    "actor_of",
    "can_complete",
    "complete_occurrence",
    "describe_occurrences",
    "find_occurrence",
    "record_event",
    "whose_work",
]


# An event's reference ("Quyết định số 12/QĐ-UBND") names the occurrences it starts, so it
# reaches reminder subjects: it is kept as one line of at most this many characters.
REFERENCE_LIMIT = 300


@dataclass
class EventRecord:
    id: int
    kind: str
    occurred_on: dt.date
    plans: list[str] = field(default_factory=list)
    counts: MaterializeCounts = field(default_factory=MaterializeCounts)
    occurrences: list[int] = field(default_factory=list)


async def _plans_on_branch(unit_path: str | None, today: dt.date) -> list[dict[str, Any]]:
    """Running plans an event recorded at ``unit_path`` concerns: those of the unit, of the
    units above it, and of the units below it (every plan when no unit is given)."""
    rows = await Plan.select(Plan.id, Plan.key, Plan.unit.path.as_alias("path")).where(
        (Plan.status == "active") & (Plan.period_end >= today) & Plan.deleted_at.is_null()
    )
    if unit_path is None:
        return list(rows)
    return [r for r in rows if unit_path.startswith(r["path"]) or r["path"].startswith(unit_path)]


async def record_event(
    kind: str,
    occurred_on: dt.date,
    *,
    unit_code: str | None,
    reference: str,
    scope: Scope,
    expander: Expander,
    now: dt.datetime,
    plan_key: str | None = None,
) -> EventRecord:
    """Store the event and create the occurrences it starts: for the system (the command
    line), or an officer or chairman whose scope covers the unit."""
    if kind not in EVENT_KINDS:
        known = "; ".join(f"{k} ({v})" for k, v in EVENT_KINDS.items())
        raise ValidationError(f"Loại sự kiện '{kind}' không có; các loại: {known}.")
    reference = one_line(reference)
    if len(reference) > REFERENCE_LIMIT:
        raise ValidationError(
            f"Số hiệu, trích yếu của sự kiện dài {len(reference)} ký tự; hãy rút gọn còn "
            f"không quá {REFERENCE_LIMIT} ký tự (bắt đầu: '{reference[:40]}…')."
        )
    unit: dict[str, Any] | None = None
    if unit_code:
        unit = (
            await Unit.select(Unit.id, Unit.path, Unit.name).where(Unit.code == unit_code).first()
        )
        # A unit outside what the caller may see answers as one that does not exist.
        if unit is None or not allowed(scope, READ, unit["path"]):
            raise NotFoundError(f"Không có đơn vị mã '{unit_code}'.")
    plan: dict[str, Any] | None = None
    if plan_key:
        plan = (
            await Plan.select(Plan.id, Plan.key, Plan.unit.path.as_alias("path"))
            .where(Plan.key == plan_key)
            .first()
        )
        if plan is None or not allowed(scope, READ, plan["path"]):
            raise NotFoundError(f"Không có kế hoạch '{plan_key}'.")
    # The event is checked against everything it touches as stored: its unit and its
    # plan, each of which the caller must be able to write to.
    if unit is not None:
        require(scope, RECORD_EVENT, unit["path"])
    if plan is not None:
        require(scope, RECORD_EVENT, plan["path"])
    if unit is None and plan is None:
        require(scope, RECORD_EVENT, None)
    if unit is None and plan is None and not scope.everything:
        raise ValidationError("Hãy chọn đơn vị nơi sự kiện xảy ra (mã đơn vị).")
    tz = expander.tz
    if occurred_on > now.astimezone(tz).date():
        raise ValidationError(
            f"Ngày xảy ra sự kiện {occurred_on:%d/%m/%Y} còn ở tương lai; hãy ghi khi sự kiện đã có."
        )
    async with db.write_transaction():
        inserted = await Event.insert(
            Event(
                kind=kind,
                occurred_on=occurred_on,
                unit=unit["id"] if unit else None,
                plan=plan["id"] if plan else None,
                reference=reference,
                created_at=now,
                created_by=scope.person_id,
            )
        ).returning(Event.id)
    record = EventRecord(inserted[0]["id"], kind, occurred_on)
    today = now.astimezone(tz).date()
    targets = [plan] if plan else await _plans_on_branch(unit["path"] if unit else None, today)
    actor = actor_of(scope)
    for target in targets:
        counts = await materialize_plan(target["id"], expander=expander, actor=actor, now=now)
        record.counts.add(counts)
        if counts.created:
            record.plans.append(target["key"])
    record.occurrences = [
        r["id"] for r in await Occurrence.select(Occurrence.id).where(Occurrence.event == record.id)
    ]
    return record


def actor_of(scope: Scope) -> str:
    """Who the audit log names: the person, or the command line."""
    return f"person:{scope.person_id}" if scope.person_id is not None else "cli"


# --------------------------------------------------------------------------- completing


async def find_occurrence(
    occurrence_id: int, scope: Scope, *, tz: ZoneInfo, now: dt.datetime
) -> OccurrenceView:
    """The occurrence with its task and plan, if the caller may see it."""
    view = await read_occurrence(occurrence_id, tz=tz, now=now)
    if view is None or not scope.covers(view.plan_path):
        raise NotFoundError(f"Không có hạn công việc số {occurrence_id}.")
    return view


async def can_complete(scope: Scope, view: OccurrenceView) -> bool:
    """An officer or chairman of the plan's commune, or someone of the units that lead
    the work (or of the unit it is assigned to)."""
    if allowed(scope, COMPLETE_WORK, view.plan_path):
        return True
    if not allowed(scope, COMPLETE_WORK) or scope.person_id is None:
        return False
    return allowed(scope, COMPLETE_WORK, whose=await whose_work(scope.person_id, view))


async def whose_work(person_id: int, view: OccurrenceView) -> Where:
    """``Where.LEADS`` when a unit the person belongs to leads the occurrence's task (or
    is assigned it)."""
    units = (
        {view.assignee_id}
        if view.assignee_id
        else {
            r["unit"]
            for r in await TaskUnit.select(TaskUnit.unit).where(
                (TaskUnit.task == view.task_id) & (TaskUnit.role == "lead")
            )
        }
    )
    # A group unit ("Các cơ quan chuyên môn") stands for its member units, as for reminders.
    units |= {
        r["member"]
        for r in await GroupMember.select(GroupMember.member).where(
            GroupMember.group.is_in(sorted(units) or [0])
        )
    }
    mine = {
        r["unit"]
        for r in await Membership.select(Membership.unit).where(Membership.person == person_id)
    }
    return Where.LEADS if units & mine else Where.ELSEWHERE


async def complete_occurrence(
    occurrence_id: int, work: CompleteIn, *, scope: Scope, tz: ZoneInfo, now: dt.datetime
) -> OccurrenceView:
    """Record the work done (the caller stops its reminders). Completing done work again
    changes nothing."""
    row = await find_occurrence(occurrence_id, scope, tz=tz, now=now)
    if not await can_complete(scope, row):
        raise refusal(scope, COMPLETE_WORK)
    if row.stored_status == "done":
        return row
    if row.stored_status == "cancelled":
        raise ValidationError(
            f"Hạn công việc số {occurrence_id} đã bị hủy; không ghi kết quả được."
        )
    when = work.completed_at or now
    if when > now + dt.timedelta(minutes=5):
        raise ValidationError("Thời điểm hoàn thành không thể ở tương lai.")
    text = work.evidence.strip()
    if work.link.strip():
        text = f"{text}\n{work.link.strip()}".strip()
    if not text:
        raise ValidationError("Hãy ghi kết quả (nội dung hoặc đường dẫn tới văn bản, sản phẩm).")
    audit = AuditLog(actor_of(scope), now)
    async with db.write_transaction():
        await Occurrence.update(
            {
                Occurrence.status: "done",
                Occurrence.completed_at: when,
                Occurrence.completed_by: scope.person_id,
                Occurrence.evidence: text,
                Occurrence.updated_at: now,
                Occurrence.sequence: Occurrence.sequence + 1,
            }
        ).where((Occurrence.id == occurrence_id) & (Occurrence.status == "open"))
        audit.add(
            "occurrence", occurrence_id, "complete",
            {"status": ["open", "done"], "completed_at": [None, when.isoformat()],
             "completed_by": [None, scope.person_id], "evidence": ["", text]},
            row.plan_id,
        )  # fmt: skip
        # An extension still waiting for a decision has nothing left to decide.
        moot = (
            await Extension.update(
                {
                    Extension.state: "withdrawn",
                    Extension.decided_by: scope.person_id,
                    Extension.decided_at: now,
                    Extension.decision_note: DONE_FIRST,
                }
            )
            .where((Extension.occurrence == occurrence_id) & (Extension.state == "requested"))
            .returning(Extension.id)
        )
        for closed in moot:
            audit.add(
                "extension", closed["id"], "withdraw",
                {"state": ["requested", "withdrawn"], "note": ["", DONE_FIRST]}, row.plan_id,
            )  # fmt: skip
        await audit.flush()
    return await find_occurrence(occurrence_id, scope, tz=tz, now=now)


DONE_FIRST = "Công việc đã hoàn thành trước khi đề nghị được quyết định."


async def describe_occurrences(ids: list[int]) -> list[dict[str, Any]]:
    """The occurrences an event created, with their task and plan, for printing."""
    if not ids:
        return []
    return list(
        await Occurrence.select(
            Occurrence.id,
            Occurrence.start_date,
            Occurrence.due_date,
            Occurrence.due_at,
            Occurrence.task.key.as_alias("task_key"),
            Occurrence.task.content.as_alias("content"),
            Occurrence.plan.key.as_alias("plan_key"),
        )
        .where(Occurrence.id.is_in(ids))
        .order_by(Occurrence.id)
    )
