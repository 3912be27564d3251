"""Use cases of the plans app: storing a plan document, and reading plans and task trees.

:func:`store_plan` writes one :class:`PlanDoc` in one transaction: the plan row,
its task tree by stable key, the units each task names; then the layer above brings
the plan's deadlines in line (:class:`PlanDeadlines`, which
:class:`tracker.deadlines.services.Expander` implements). Storing the same document
twice changes nothing; storing a revised one updates tasks in place and keeps every
task that has recorded work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from tracker import db
from tracker.audit import AuditLog, changes, jsonable
from tracker.errors import ConflictError, NotFoundError
from tracker.org.services import Scope, SyncCounts
from tracker.org.tables import Unit
from tracker.plans.documents import KnownPlan, PlanDoc, StoredPlan, TaskDoc
from tracker.plans.matching import Node, match_tasks, normalise
from tracker.plans.tables import Plan, Task, TaskUnit
from tracker.schedule.reconcile import MaterializeCounts
from tracker.schedule.rules import rules_from_dicts, rules_to_dicts

__all__ = [
    "PLAN_STATUS_LABELS",
    "PlanDeadlines",
    "PlanSummary",
    "StoreResult",
    "effective_status",
    "find_plan",
    "key_taken",
    "known_plans",
    "list_plans",
    "load_plan_doc",
    "plan_parents",
    "plan_units",
    "plan_values",
    "store_plan",
    "task_tree",
    "task_values",
]


@runtime_checkable
class PlanDeadlines(Protocol):
    """What storing a plan needs from the deadlines above it, handed in by the caller so
    that plans never import the layer that depends on them."""

    async def tasks_with_work(self, plan_id: int) -> set[int]:
        """The plan's tasks that hold recorded (done) work: they are never deleted."""
        ...

    async def expand(self, plan_id: int, *, actor: str, now: dt.datetime) -> MaterializeCounts:
        """Bring the stored plan's deadlines in line with its tasks' schedules."""
        ...


@dataclass
class StoreResult:
    plan_id: int
    plan_created: bool
    plan_updated: bool
    tasks: SyncCounts = field(default_factory=SyncCounts)
    occurrences: MaterializeCounts = field(default_factory=MaterializeCounts)

    @property
    def changed(self) -> bool:
        return (
            self.plan_created
            or self.plan_updated
            or bool(self.tasks.changed)
            or bool(self.occurrences.changed)
        )


def plan_values(doc: PlanDoc, unit_ids: dict[str, int], parent_id: int | None) -> dict[str, Any]:
    """A plan's stored columns (its key, status and timestamps aside), as the store
    writes them; the demo's bulk loader writes the same."""
    details = dict(doc.details)
    if doc.period_note:
        details["period_note"] = doc.period_note
    if doc.parent_unit:
        details["parent_unit"] = doc.parent_unit
    return {
        "number": doc.number,
        "doc_type": doc.doc_type,
        "title": doc.title,
        "unit": unit_ids[doc.unit],
        "place": doc.place,
        "issue_date": doc.issued,
        "issue_date_text": doc.issued_text,
        "year": doc.year,
        "period_start": doc.period_start,
        "period_end": doc.period_end,
        "parent": parent_id,
        "parent_ref": doc.parent_ref,
        "source": jsonable(dict(doc.source)),
        "details": jsonable(details),
    }


async def store_plan(
    doc: PlanDoc,
    *,
    deadlines: PlanDeadlines,
    actor: str,
    now: dt.datetime,
    find_moved: bool = True,
) -> StoreResult:
    """Write ``doc`` (plan, tasks, task units) and its deadlines in one transaction.

    A re-imported document's tasks are found again by their text when their keys moved
    (``find_moved``, :mod:`tracker.plans.matching`); an edit in the browser, whose keys
    are the tasks it edits, passes False and matches by key alone."""
    async with db.write_transaction():
        unit_ids = {r["code"]: r["id"] for r in await Unit.select(Unit.code, Unit.id)}
        parent = None
        if doc.parent_plan:
            parent = await Plan.select(Plan.id).where(Plan.key == doc.parent_plan).first()
        values = plan_values(doc, unit_ids, parent["id"] if parent else None)
        audit = AuditLog(actor, now)
        row = await Plan.select().where(Plan.key == doc.key).output(load_json=True).first()
        if row is not None and row["unit"] != values["unit"]:
            raise ConflictError(key_taken(doc.key))
        result = StoreResult(plan_id=0, plan_created=row is None, plan_updated=False)
        if row is None:
            await Plan.insert(
                Plan(key=doc.key, status="active", created_at=now, updated_at=now, **values)
            ).on_conflict(target=Plan.key, action="DO NOTHING")
            row = await Plan.select().where(Plan.key == doc.key).output(load_json=True).first()
            assert row is not None
            audit.add("plan", row["id"], "create", changes(None, values), row["id"])
        else:
            diff = changes(row, values)
            if row["deleted_at"] is not None:
                # A deleted plan's key imported again brings the plan back, updated: the
                # same plan, with its history and any work done on it.
                await Plan.update(deleted_at=None, updated_at=now).where(Plan.id == row["id"])
                audit.add(
                    "plan",
                    row["id"],
                    "restore",
                    {"deleted_at": [row["deleted_at"], None]},
                    row["id"],
                )
                result.plan_updated = True
            if diff:
                await Plan.update(**values, updated_at=now).where(Plan.id == row["id"])
                audit.add("plan", row["id"], "update", diff, row["id"])
                result.plan_updated = True
        result.plan_id = row["id"]
        keep = await deadlines.tasks_with_work(row["id"])
        result.tasks = await _sync_tasks(row["id"], doc, unit_ids, audit, now, keep, find_moved)
        await audit.flush()
        result.occurrences = await deadlines.expand(row["id"], actor=actor, now=now)
    return result


def task_values(
    task: TaskDoc, parent_id: int | None, position: int, sort_path: str, depth: int
) -> dict[str, Any]:
    """A task's stored columns (its key, plan and timestamps aside), as the store writes
    them; the demo's bulk loader writes the same."""
    return {
        "parent": parent_id,
        "label": task.label,
        "alt_label": task.alt_label,
        "position": position,
        "sort_path": sort_path,
        "depth": depth,
        "kind": task.kind,
        "content": task.content,
        "details": task.details,
        "lead_text": task.lead_text,
        "coordinating_text": task.coordinating_text,
        "output": task.output,
        "note": task.note,
        "remark": task.remark,
        "timing": task.timing,
        "schedule": rules_to_dicts(task.rules),
        "schedule_note": task.schedule_note,
        "review": bool(task.review),
        "review_reason": task.review,
    }


async def _sync_tasks(
    plan_id: int,
    doc: PlanDoc,
    unit_ids: dict[str, int],
    audit: AuditLog,
    now: dt.datetime,
    keep: set[int],
    find_moved: bool,
) -> SyncCounts:
    counts = SyncCounts()
    rows = await Task.select().where(Task.plan == plan_id).output(load_json=True)
    existing = {r["key"]: r for r in rows}
    by_id = {r["id"]: r for r in rows}
    # Which stored row each task is, even under a key that moved (tracker.plans.matching).
    if find_moved:
        matched = match_tasks(_new_nodes(doc), _stored_nodes(rows), keep)
    else:
        matched = {t.key: existing[t.key]["id"] for t, _ in doc.walk() if t.key in existing}
    claimed = {task.key for task, _ in doc.walk()}
    # A row taking another key, and a row whose key another task takes, step aside first:
    # keys are unique in a plan.
    target_of = {row_id: key for key, row_id in matched.items()}
    for row in rows:
        target = target_of.get(row["id"])
        if (target is not None and target != row["key"]) or (
            target is None and row["key"] in claimed
        ):
            await Task.update(key=_aside(row["id"])).where(Task.id == row["id"])
    ids: dict[str, int] = {}
    seen: set[int] = set()

    async def visit(
        tasks: Sequence[TaskDoc], parent_key: str | None, prefix: str, depth: int
    ) -> None:
        for position, task in enumerate(tasks):
            sort_path = f"{prefix}{position:04d}."
            parent_id = ids[parent_key] if parent_key else None
            values = task_values(task, parent_id, position, sort_path, depth)
            row = by_id.get(matched[task.key]) if task.key in matched else None
            if row is None:
                inserted = await Task.insert(
                    Task(plan=plan_id, key=task.key, created_at=now, updated_at=now, **values)
                ).returning(Task.id)
                task_id = inserted[0]["id"]
                diff = changes(None, values)
            else:
                task_id = row["id"]
                diff = changes(row, values)
                if row["key"] != task.key:
                    diff["key"] = [row["key"], task.key]
                    counts.moved += 1
                if diff:
                    await Task.update(**values, key=task.key, updated_at=now).where(
                        Task.id == task_id
                    )
            before = await _sync_task_units(task_id, task, unit_ids)
            if before is not None:
                diff["units"] = [before if row is not None else None, _unit_list(task)]
            if row is None:
                audit.add("task", task_id, "create", diff, plan_id)
                counts.created += 1
            elif diff:
                audit.add("task", task_id, "update", diff, plan_id)
                counts.updated += 1
            else:
                counts.unchanged += 1
            ids[task.key] = task_id
            seen.add(task_id)
            await visit(task.children, task.key, sort_path, depth + 1)

    await visit(doc.tasks, None, "", 0)
    counts.removed, counts.kept = await _remove_tasks(plan_id, existing, seen, audit, keep, claimed)
    return counts


def _aside(task_id: int) -> str:
    """A key no document gives, held while the keys move round."""
    return f"~{task_id}~"


def _new_nodes(doc: PlanDoc) -> list[Node]:
    flat: list[tuple[TaskDoc, tuple[str, ...]]] = []

    def walk(tasks: Sequence[TaskDoc], parents: tuple[str, ...]) -> None:
        for task in tasks:
            flat.append((task, parents))
            walk(task.children, (*parents, normalise(task.content)))

    walk(doc.tasks, ())
    return _nodes(
        [(0, t.key, t.kind, t.label, t.content, t.lead_text, parents) for t, parents in flat]
    )


def _stored_nodes(rows: Sequence[dict[str, Any]]) -> list[Node]:
    by_id = {r["id"]: r for r in rows}

    def parents(row: dict[str, Any]) -> tuple[str, ...]:
        out: list[str] = []
        current = by_id.get(row["parent"])
        while current is not None and len(out) < 50:
            out.append(normalise(current["content"]))
            current = by_id.get(current["parent"])
        return tuple(reversed(out))

    ordered = sorted(rows, key=lambda r: r["sort_path"])
    return _nodes(
        [
            (r["id"], r["key"], r["kind"], r["label"], r["content"], r["lead_text"], parents(r))
            for r in ordered
        ]
    )


def _nodes(tasks: Sequence[tuple[int, str, str, str, str, str, tuple[str, ...]]]) -> list[Node]:
    """Tasks in plan order (id, key, kind, label, content, lead, parents' texts) as matched."""
    last = max(len(tasks) - 1, 1)
    return [
        Node(
            id=task_id,
            key=key,
            kind=kind,
            label=label,
            text=normalise(content),
            lead=normalise(lead),
            parents=parents,
            order=i / last,
        )
        for i, (task_id, key, kind, label, content, lead, parents) in enumerate(tasks)
    ]


def _unit_list(task: TaskDoc) -> list[list[str]]:
    return [["lead", c] for c in task.lead] + [["coordinating", c] for c in task.coordinating]


async def _sync_task_units(
    task_id: int, task: TaskDoc, unit_ids: dict[str, int]
) -> list[list[str]] | None:
    """Make the task's lead and coordinating units match; when anything changed, the
    units it had (as :func:`_unit_list` gives them), else None."""
    wanted = {
        (unit_ids[code], role): position
        for role, codes in (("lead", task.lead), ("coordinating", task.coordinating))
        for position, code in enumerate(codes)
    }
    rows = (
        await TaskUnit.select(*TaskUnit.all_columns(), TaskUnit.unit.code.as_alias("code"))
        .where(TaskUnit.task == task_id)
        .order_by(TaskUnit.position)
    )
    have = {(r["unit"], r["role"]): r for r in rows}
    before = [[r["role"], r["code"]] for r in rows if r["role"] == "lead"] + [
        [r["role"], r["code"]] for r in rows if r["role"] == "coordinating"
    ]
    changed = False
    for key, row in have.items():
        if key not in wanted:
            await TaskUnit.delete().where(TaskUnit.id == row["id"])
            changed = True
        elif row["position"] != wanted[key]:
            await TaskUnit.update(position=wanted[key]).where(TaskUnit.id == row["id"])
            changed = True
    for (unit_id, role), position in wanted.items():
        if (unit_id, role) not in have:
            await TaskUnit.insert(
                TaskUnit(task=task_id, unit=unit_id, role=role, position=position)
            ).on_conflict(action="DO NOTHING")
            changed = True
    return before if changed else None


async def _remove_tasks(
    plan_id: int,
    existing: dict[str, dict[str, Any]],
    seen: set[int],
    audit: AuditLog,
    with_work: set[int],
    claimed: set[str],
) -> tuple[int, int]:
    """Delete tasks the document no longer has, unless they (or a descendant) hold recorded
    work (``with_work``): those stay, flagged for the officer to review, under their key
    or, when a task of the document now has it, under that key marked as the old one.
    Returns how many were deleted and how many kept."""
    gone = [row for row in existing.values() if row["id"] not in seen]
    if not gone:
        return 0, 0
    parents = {row["id"]: row["parent"] for row in existing.values()}
    protected: set[int] = set()
    # A task of the document keeps its work itself; one it no longer has keeps the rows
    # above it as they were (a row the document has again sits where the document says).
    for task_id in with_work - seen:
        current: int | None = task_id
        while current is not None and current not in protected:
            protected.add(current)
            current = parents.get(current)
    removed = kept = 0
    for row in sorted(gone, key=lambda r: -r["depth"]):
        if row["id"] in protected:
            reason = "Nhiệm vụ không còn trong văn bản kế hoạch nhưng đã có kết quả thực hiện."
            key = row["key"] if row["key"] not in claimed else f"{row['key']} (cũ {row['id']})"
            diff: dict[str, Any] = {}
            if key != row["key"]:
                diff["key"] = [row["key"], key]
            if not row["review"]:
                diff["review"] = [False, True]
            await Task.update(key=key, review=True, review_reason=reason).where(
                Task.id == row["id"]
            )
            if diff:
                audit.add("task", row["id"], "flag", diff, plan_id)
            kept += 1
            continue
        await Task.delete().where(Task.id == row["id"])
        audit.add("task", row["id"], "delete", {"key": [row["key"], None]}, plan_id)
        removed += 1
    return removed, kept


# --------------------------------------------------------------------------- reading


PLAN_STATUS_LABELS = {"draft": "Dự thảo", "active": "Đang thực hiện", "closed": "Đã kết thúc"}


def effective_status(stored: str, period_end: dt.date, today: dt.date | None) -> str:
    """An active plan whose period has ended is closed; other statuses stand as stored."""
    if stored == "active" and today is not None and period_end < today:
        return "closed"
    return stored


@dataclass(frozen=True)
class PlanSummary:
    id: int
    key: str
    number: str
    doc_type: str
    title: str
    year: int
    unit_code: str
    unit_name: str
    issue_date: dt.date | None
    period_start: dt.date
    period_end: dt.date
    status: str
    tasks: int
    sections: int
    unit_path: str = ""


async def list_plans(
    scope: Scope, plan_ids: Sequence[int] | None = None, today: dt.date | None = None
) -> list[PlanSummary]:
    """The plans the scope covers (only ``plan_ids`` when given), with their task counts;
    with ``today``, a plan whose period has ended shows as closed."""
    query = (
        Plan.select(
            Plan.id,
            Plan.key,
            Plan.number,
            Plan.doc_type,
            Plan.title,
            Plan.year,
            Plan.issue_date,
            Plan.period_start,
            Plan.period_end,
            Plan.status,
            Plan.unit.code.as_alias("unit_code"),
            Plan.unit.name.as_alias("unit_name"),
            Plan.unit.path.as_alias("unit_path"),
        )
        .order_by(Plan.year, ascending=False)
        .order_by(Plan.key)
    )
    query = query.where(Plan.deleted_at.is_null())
    if plan_ids is not None:
        query = query.where(Plan.id.is_in(list(plan_ids) or [0]))
    clause = scope.where(Plan.unit.path)
    if clause is not None:
        query = query.where(clause)
    visible = await query
    counts: dict[tuple[int, str], int] = {}
    if visible:
        for t in await Task.select(Task.plan, Task.kind).where(
            Task.plan.is_in([r["id"] for r in visible])
        ):
            counts[(t["plan"], t["kind"])] = counts.get((t["plan"], t["kind"]), 0) + 1
    return [
        PlanSummary(
            id=r["id"],
            key=r["key"],
            number=r["number"],
            doc_type=r["doc_type"],
            title=r["title"],
            year=r["year"],
            unit_code=r["unit_code"],
            unit_name=r["unit_name"],
            issue_date=r["issue_date"],
            period_start=r["period_start"],
            period_end=r["period_end"],
            status=effective_status(r["status"], r["period_end"], today),
            tasks=counts.get((r["id"], "task"), 0),
            sections=counts.get((r["id"], "section"), 0),
            unit_path=str(r["unit_path"]),
        )
        for r in visible
    ]


async def find_plan(ref: str | int, scope: Scope, *, deleted: bool = False) -> dict[str, Any]:
    """A plan by id (ASCII digits) or key, if the scope covers it; else
    :class:`NotFoundError`, the same whether it does not exist or is out of sight. A
    deleted plan is found only with ``deleted=True`` (its history, for those who manage
    it: the caller checks that)."""
    query = Plan.select(
        *Plan.all_columns(),
        Plan.unit.code.as_alias("unit_code"),
        Plan.unit.name.as_alias("unit_name"),
        Plan.unit.path.as_alias("unit_path"),
    ).output(load_json=True)
    # ASCII digits up to the largest id are an id; anything else ("³", "٣", "1e5", a
    # number past db.MAX_ID) is a key, which no plan has unless it is one.
    plan_id = ref if isinstance(ref, int) else db.id_from_text(ref)
    if plan_id is None:
        row = await query.where(Plan.key == str(ref)).first()
    else:
        row = await query.where(Plan.id == plan_id).first() if db.is_id(plan_id) else None
    gone = row is not None and row["deleted_at"] is not None and not deleted
    if row is None or gone or not scope.covers(row["unit_path"]):
        raise NotFoundError(f"Không có kế hoạch '{ref}' (hoặc bạn không có quyền xem).")
    return row


async def units_by_task(task_ids: Sequence[int]) -> dict[int, dict[str, list[dict[str, Any]]]]:
    """Each task's lead and coordinating units in the plan's order, each unit as
    ``{"id", "code", "name"}``; a task without units is absent."""
    by_task: dict[int, dict[str, list[dict[str, Any]]]] = {}
    ids = sorted(set(task_ids))
    for start in range(0, len(ids), 500):
        links = (
            await TaskUnit.select(
                TaskUnit.task,
                TaskUnit.role,
                TaskUnit.unit.as_alias("id"),
                TaskUnit.unit.code.as_alias("code"),
                TaskUnit.unit.name.as_alias("name"),
            )
            .where(TaskUnit.task.is_in(ids[start : start + 500]))
            .order_by(TaskUnit.position)
        )
        for link in links:
            roles = by_task.setdefault(link["task"], {"lead": [], "coordinating": []})
            roles[link["role"]].append(
                {"id": link["id"], "code": link["code"], "name": link["name"]}
            )
    return by_task


async def task_tree(plan_id: int) -> list[dict[str, Any]]:
    """The plan's task tree as nested dicts, each with its lead and coordinating units."""
    rows = (
        await Task.select()
        .where(Task.plan == plan_id)
        .order_by(Task.sort_path)
        .output(load_json=True)
    )
    by_task = await units_by_task([r["id"] for r in rows])
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for row in rows:
        roles = by_task.get(row["id"], {"lead": [], "coordinating": []})
        node = {
            **row,
            "lead": [{"code": u["code"], "name": u["name"]} for u in roles["lead"]],
            "coordinating": [{"code": u["code"], "name": u["name"]} for u in roles["coordinating"]],
            "children": [],
        }
        nodes[row["id"]] = node
        parent = nodes.get(row["parent"]) if row["parent"] else None
        (parent["children"] if parent else roots).append(node)
    return roots


def key_taken(key: str) -> str:
    """The sentence that refuses a document whose key another unit's plan holds: a
    document can never move a plan from one commune to another."""
    return (
        f"Khóa kế hoạch '{key}' đã được dùng cho kế hoạch của một đơn vị khác; một văn bản "
        "không thể chuyển kế hoạch sang đơn vị khác. Hãy đặt khóa khác cho kế hoạch này."
    )


async def plan_units() -> dict[str, StoredPlan]:
    """Every stored plan's key, with the code of the unit that issued it and the number
    and title of its document."""
    rows = await Plan.select(
        Plan.key, Plan.unit.code.as_alias("unit_code"), Plan.number, Plan.title
    )
    return {r["key"]: StoredPlan(r["unit_code"], r["number"], r["title"]) for r in rows}


async def known_plans() -> list[KnownPlan]:
    """The stored plans that have a number, to link an imported plan to its parent."""
    rows = await Plan.select(
        Plan.number, Plan.key, Plan.unit.code.as_alias("unit_code"), Plan.issue_date
    ).where((Plan.number != "") & Plan.deleted_at.is_null())
    return [
        KnownPlan(r["number"], r["key"], r["unit_code"], r["issue_date"])
        for r in rows
        if not r["number"].startswith("/")
    ]


async def load_plan_doc(plan_id: int) -> PlanDoc:
    """A stored plan as a document again, for export (YAML, Excel)."""
    row = (
        await Plan.select(
            *Plan.all_columns(),
            Plan.unit.code.as_alias("unit_code"),
            Plan.parent.key.as_alias("parent_key"),
        )
        .where(Plan.id == plan_id)
        .output(load_json=True)
        .first()
    )
    if row is None:
        raise NotFoundError(f"Không có kế hoạch mã số {plan_id}.")
    details = dict(row["details"])
    period_note = details.pop("period_note", "")
    parent_unit = details.pop("parent_unit", "")
    return PlanDoc(
        key=row["key"],
        title=row["title"],
        unit=row["unit_code"],
        year=row["year"],
        period_start=row["period_start"],
        period_end=row["period_end"],
        doc_type=row["doc_type"],
        number=row["number"],
        place=row["place"],
        issued=row["issue_date"],
        issued_text=row["issue_date_text"],
        period_note=period_note,
        parent_ref=row["parent_ref"],
        parent_plan=row["parent_key"] or "",
        parent_unit=parent_unit,
        source=row["source"],
        details=details,
        tasks=tuple(_task_doc(node) for node in await task_tree(plan_id)),
        where=row["key"],
    )


def _task_doc(node: dict[str, Any]) -> TaskDoc:
    return TaskDoc(
        key=node["key"],
        label=node["label"],
        kind=node["kind"],
        content=node["content"],
        alt_label=node["alt_label"],
        details=node["details"],
        lead=tuple(u["code"] for u in node["lead"]),
        lead_text=node["lead_text"],
        coordinating=tuple(u["code"] for u in node["coordinating"]),
        coordinating_text=node["coordinating_text"],
        output=node["output"],
        note=node["note"],
        remark=node["remark"],
        timing=node["timing"],
        rules=tuple(rules_from_dicts(node["schedule"], where=node["key"])),
        schedule_note=node["schedule_note"],
        review=(node["review_reason"] or "Cần xem lại.") if node["review"] else "",
        children=tuple(_task_doc(child) for child in node["children"]),
    )


async def plan_parents(keys: Sequence[str]) -> dict[str, str | None]:
    """For each plan key, the key of the plan it implements (``None`` for none)."""
    if not keys:
        return {}
    rows = await Plan.select(Plan.key, Plan.parent.key.as_alias("parent_key")).where(
        Plan.key.is_in(list(keys))
    )
    return {r["key"]: r["parent_key"] for r in rows}
