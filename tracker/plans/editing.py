"""Editing a stored plan in the browser: its header, its tasks (add, edit, move, cancel and
restore), the review items an import left, and deleting the plan.

Every edit of the header or the task tree is made on the plan as a document
(:func:`tracker.plans.services.load_plan_doc`) and stored with
:func:`tracker.plans.services.store_plan`, in one transaction: the same path as a
re-import, so the audit log, the task tree's order and the deadlines (re-expanded, done
work kept) come out exactly as an import of the edited document would leave them.
Cancelling a task and deleting a plan are marks on the stored rows
(``task.cancelled_at``, ``plan.deleted_at``), which a document does not carry: a re-import
keeps a cancelled task cancelled, and brings a deleted plan back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from tracker import db
from tracker.audit import AuditLog
from tracker.errors import NotFoundError, ValidationError
from tracker.org.policy import DELETE_PLAN, EDIT_PLAN, require
from tracker.org.scope import Scope
from tracker.org.services import load_directory
from tracker.org.tables import Unit
from tracker.plans.documents import PlanDoc, TaskDoc
from tracker.plans.services import (
    PlanDeadlines,
    PlanSummary,
    find_plan,
    list_plans,
    load_plan_doc,
    store_plan,
)
from tracker.plans.tables import Plan, Task
from tracker.schedule.rules import Rule
from tracker.schedule.timing import parse_timing
from tracker.vn import format_date, nfc

__all__ = [
    "STATUS_ORDER",
    "HeaderEdit",
    "ReviewItem",
    "TaskEdit",
    "cancel_task",
    "delete_plan",
    "edit_header",
    "editable_plan",
    "move_task",
    "parent_choices",
    "read_timing",
    "review_items",
    "save_task",
    "task_edit_of",
    "task_row",
    "unit_choices",
]

# A plan moves forward only: a draft is put in force, a plan in force is closed. Reminders
# and counts start when a plan is active; a closed plan may be put back in force.
STATUS_ORDER = ("draft", "active", "closed")
_STATUS_MOVES = {
    "draft": {"draft", "active", "closed"},
    "active": {"active", "closed"},
    "closed": {"closed", "active"},
}
STATUS_WORDS = {"draft": "Dự thảo", "active": "Đang thực hiện", "closed": "Đã kết thúc"}
TEXT_LIMIT = 4000
LABEL_LIMIT = 50


@dataclass(frozen=True)
class HeaderEdit:
    """What the header form changes."""

    number: str
    title: str
    issue_date: dt.date | None
    period_start: dt.date
    period_end: dt.date
    status: str
    parent: str = ""  # the key of the plan this one implements; "" for none


@dataclass(frozen=True)
class TaskEdit:
    """What the task form holds. ``reviewed`` clears the task's review flag (unless the
    timing typed cannot be read either)."""

    content: str
    kind: str = "task"
    label: str = ""
    lead: tuple[str, ...] = ()
    coordinating: tuple[str, ...] = ()
    output: str = ""
    note: str = ""
    timing: str = ""
    reviewed: bool = False


@dataclass(frozen=True)
class ReviewItem:
    """A task flagged by its import, with what the plan page offers to fix it: the unit
    names the document gave that match no unit, each with the nearest units of the commune
    (``(code, name)``), by role."""

    task: dict[str, Any]
    reason: str
    unknown: dict[str, list[tuple[str, list[tuple[str, str]]]]]


# --------------------------------------------------------------------------- finding


async def editable_plan(ref: str | int, scope: Scope, action: str = EDIT_PLAN) -> dict[str, Any]:
    """The plan, if the caller may see it (else 404) and edit it (else 403)."""
    plan = await find_plan(ref, scope)
    require(scope, action, plan["unit_path"], where=plan["unit_name"])
    return plan


async def task_row(plan: dict[str, Any], task_id: int) -> dict[str, Any]:
    """One task of the plan, with its units; 404 for a task of another plan."""
    row = (
        await Task.select()
        .where((Task.id == task_id) & (Task.plan == plan["id"]))
        .output(load_json=True)
        .first()
        if db.is_id(task_id)
        else None
    )
    if row is None:
        raise NotFoundError(f"Kế hoạch '{plan['key']}' không có nhiệm vụ số {task_id}.")
    return row


async def unit_choices(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The units a task of the plan may name: the issuing unit and those below it, in
    tree order (``code``, ``name``, ``kind``, ``depth``)."""
    rows = (
        await Unit.select(Unit.code, Unit.name, Unit.kind, Unit.depth, Unit.path)
        .where(Unit.path.like(plan["unit_path"] + "%"))
        .order_by(Unit.path)
    )
    return [dict(r) for r in rows]


async def parent_choices(plan: dict[str, Any], scope: Scope) -> list[PlanSummary]:
    """The plans this one may implement: those the caller sees, but not itself nor any
    plan that implements it (directly or further down), which would make a circle."""
    links = {r["id"]: r["parent"] for r in await Plan.select(Plan.id, Plan.parent)}

    def below(plan_id: int) -> bool:
        current: int | None = plan_id
        seen: set[int] = set()
        while current is not None and current not in seen:
            if current == plan["id"]:
                return True
            seen.add(current)
            current = links.get(current)
        return False

    return [p for p in await list_plans(scope) if not below(p.id)]


# --------------------------------------------------------------------------- timing


async def read_timing(
    text: str, *, year: int, content: str, unit_code: str
) -> tuple[tuple[Rule, ...], str]:
    """A timing typed in a form as rules, and why it needs a look ("" when it reads
    cleanly), as an import reads it: a unit a deadline is for ("(Công chức Tư pháp)") is
    looked up in the plan's commune. A blank timing is continuous work."""
    if not text.strip():
        return (Rule(kind="continuous", key="r1"),), ""
    result = parse_timing(text, year=year, context=content)
    reasons = [result.reason or "Không đọc được thời gian."] if result.review else []
    if result.caution:
        reasons.append(result.caution)
    if not result.rules:
        reasons = [result.reason or "Không đọc được thời gian; chưa có hạn nào."]
    rules = []
    directory = None
    for rule in result.rules:
        if rule.assignee:
            directory = directory or await load_directory()
            code = directory.find_one(rule.assignee, unit_code)
            if code is None:
                reasons.append(
                    f"Hạn dành cho '{rule.assignee}' nhưng đơn vị này không có trong danh sách."
                )
            rule = replace(rule, assignee=code or "")
        rules.append(rule)
    return tuple(rules), " ".join(dict.fromkeys(reasons))


# --------------------------------------------------------------------------- the header


def _clean(text: str, field: str, limit: int = TEXT_LIMIT) -> str:
    value = nfc(text).strip()
    if len(value) > limit:
        raise ValidationError(
            f"{field} dài {len(value)} ký tự; hãy rút gọn còn không quá {limit} ký tự."
        )
    return value


async def edit_header(
    plan: dict[str, Any],
    edit: HeaderEdit,
    *,
    scope: Scope,
    deadlines: PlanDeadlines,
    actor: str,
    now: dt.datetime,
) -> None:
    """Change the header; a new period re-expands the deadlines (done work kept)."""
    title = _clean(edit.title, "Tên kế hoạch")
    if not title:
        raise ValidationError("Hãy ghi tên kế hoạch.")
    if edit.period_end < edit.period_start:
        raise ValidationError(
            f"Kỳ kế hoạch từ {format_date(edit.period_start)} đến "
            f"{format_date(edit.period_end)} không hợp lệ: ngày kết thúc trước ngày bắt đầu."
        )
    if edit.status not in _STATUS_MOVES.get(plan["status"], set()):
        raise ValidationError(
            f"Không chuyển được kế hoạch từ '{STATUS_WORDS.get(plan['status'], plan['status'])}' "
            f"sang '{STATUS_WORDS.get(edit.status, edit.status)}'; chỉ chuyển dự thảo → đang "
            "thực hiện → đã kết thúc (hoặc mở lại kế hoạch đã kết thúc)."
        )
    if edit.parent and edit.parent not in {p.key for p in await parent_choices(plan, scope)}:
        raise ValidationError(
            f"Không chọn được kế hoạch '{edit.parent}' làm kế hoạch cấp trên của kế hoạch này."
        )
    async with db.write_transaction():
        doc = await load_plan_doc(plan["id"])
        edited = replace(
            doc,
            number=_clean(edit.number, "Số, ký hiệu", 100),
            title=title,
            issued=edit.issue_date,
            issued_text=doc.issued_text if edit.issue_date == doc.issued else "",
            period_start=edit.period_start,
            period_end=edit.period_end,
            parent_plan=edit.parent,
        )
        await store_plan(edited, deadlines=deadlines, actor=actor, now=now, find_moved=False)
        if edit.status != plan["status"]:
            await Plan.update(status=edit.status, updated_at=now).where(Plan.id == plan["id"])
            audit = AuditLog(actor, now)
            audit.add(
                "plan", plan["id"], "update", {"status": [plan["status"], edit.status]}, plan["id"]
            )
            await audit.flush()


# --------------------------------------------------------------------------- tasks


def _map_tasks(
    tasks: Sequence[TaskDoc], change: Callable[[TaskDoc], TaskDoc | None]
) -> tuple[TaskDoc, ...]:
    """The tree with ``change`` applied to every node (children first); None drops it."""
    out = []
    for task in tasks:
        task = replace(task, children=_map_tasks(task.children, change))
        changed = change(task)
        if changed is not None:
            out.append(changed)
    return tuple(out)


def _find(tasks: Sequence[TaskDoc], key: str) -> TaskDoc | None:
    for task in tasks:
        if task.key == key:
            return task
        found = _find(task.children, key)
        if found is not None:
            return found
    return None


def _keys(tasks: Sequence[TaskDoc]) -> set[str]:
    return {t.key for task in tasks for t, _ in task.walk()}


def _insert(
    tasks: tuple[TaskDoc, ...], parent: str | None, task: TaskDoc, index: int | None = None
) -> tuple[TaskDoc, ...]:
    """The tree with ``task`` put under ``parent`` (None: the top level), at ``index``
    (None: last)."""
    if parent is None:
        at = len(tasks) if index is None else index
        return (*tasks[:at], task, *tasks[at:])
    return _map_tasks(
        tasks,
        lambda t: (
            replace(t, children=_insert(t.children, None, task, index)) if t.key == parent else t
        ),
    )


async def _store_edited(
    plan: dict[str, Any],
    change: Callable[[PlanDoc], PlanDoc],
    *,
    deadlines: PlanDeadlines,
    actor: str,
    now: dt.datetime,
) -> None:
    async with db.write_transaction():
        doc = await load_plan_doc(plan["id"])
        await store_plan(change(doc), deadlines=deadlines, actor=actor, now=now, find_moved=False)


def task_edit_of(row: dict[str, Any], units: dict[str, list[dict[str, Any]]]) -> TaskEdit:
    """The form's values for a stored task (``units``: its lead and coordinating units)."""
    return TaskEdit(
        content=row["content"],
        kind=row["kind"],
        label=row["label"],
        lead=tuple(u["code"] for u in units.get("lead", [])),
        coordinating=tuple(u["code"] for u in units.get("coordinating", [])),
        output=row["output"],
        note=row["note"],
        timing=row["timing"],
    )


async def save_task(
    plan: dict[str, Any],
    task_id: int | None,
    edit: TaskEdit,
    *,
    parent_id: int | None = None,
    deadlines: PlanDeadlines,
    actor: str,
    now: dt.datetime,
) -> int:
    """Store a new task (``task_id`` None, under ``parent_id`` or at the top level) or the
    edit of one; a new timing is read again and the deadlines follow. Returns its id."""
    content = _clean(edit.content, "Nội dung nhiệm vụ")
    if not content:
        raise ValidationError("Hãy ghi nội dung nhiệm vụ.")
    if edit.kind not in ("task", "section"):
        raise ValidationError(f"Loại '{edit.kind}' không có; chỉ có nhiệm vụ hoặc mục.")
    allowed = {u["code"] for u in await unit_choices(plan)}
    for code in (*edit.lead, *edit.coordinating):
        if code not in allowed:
            raise ValidationError(
                f"Đơn vị mã '{code}' không thuộc {plan['unit_name']}; hãy chọn trong danh sách."
            )
    row = await task_row(plan, task_id) if task_id is not None else None
    parent = await task_row(plan, parent_id) if parent_id is not None else None
    if parent is not None and parent["kind"] != "section":
        raise ValidationError("Chỉ thêm được nhiệm vụ vào một mục (phần, đề mục) của kế hoạch.")
    timing = _clean(edit.timing, "Thời gian thực hiện", 1000)
    keep_rules = row is not None and row["timing"] == timing and row["kind"] == edit.kind
    rules: tuple[Rule, ...] = ()
    reason = ""
    if edit.kind == "task" and not keep_rules:
        rules, reason = await read_timing(
            timing, year=plan["year"], content=content, unit_code=plan["unit_code"]
        )
    lead = tuple(dict.fromkeys(edit.lead))
    values: dict[str, Any] = {
        "kind": edit.kind,
        "label": _clean(edit.label, "Số thứ tự", LABEL_LIMIT),
        "content": content,
        "lead": lead if edit.kind == "task" else (),
        "coordinating": tuple(c for c in dict.fromkeys(edit.coordinating) if c not in lead)
        if edit.kind == "task"
        else (),
        "output": _clean(edit.output, "Dự kiến kết quả"),
        "note": _clean(edit.note, "Ghi chú"),
        "timing": timing if edit.kind == "task" else "",
    }
    new_key = ""

    def change(doc: PlanDoc) -> PlanDoc:
        nonlocal new_key
        if row is None:
            taken = _keys(doc.tasks)
            new_key = next(f"moi-{n}" for n in range(1, len(taken) + 2) if f"moi-{n}" not in taken)
            task = TaskDoc(key=new_key, rules=rules, review=reason, **values)
            return replace(doc, tasks=_insert(doc.tasks, parent["key"] if parent else None, task))

        def edit_one(task: TaskDoc) -> TaskDoc:
            if task.key != row["key"]:
                return task
            review = reason or ("" if edit.reviewed else task.review)
            if reason or not keep_rules:
                schedule: dict[str, Any] = {"rules": rules, "schedule_note": ""}
            else:
                schedule = {}
            return replace(task, review=review, **values, **schedule)

        return replace(doc, tasks=_map_tasks(doc.tasks, edit_one))

    await _store_edited(plan, change, deadlines=deadlines, actor=actor, now=now)
    if row is not None:
        return int(row["id"])
    stored = (
        await Task.select(Task.id).where((Task.plan == plan["id"]) & (Task.key == new_key)).first()
    )
    assert stored is not None
    return int(stored["id"])


async def move_task(
    plan: dict[str, Any],
    task_id: int,
    *,
    step: int = 0,
    parent_id: int | None = None,
    to_top: bool = False,
    deadlines: PlanDeadlines,
    actor: str,
    now: dt.datetime,
) -> None:
    """Move a task one place up (``step`` -1) or down (+1) among its siblings, or to the
    end of another section (``parent_id``) or of the top level (``to_top``)."""
    row = await task_row(plan, task_id)
    target = await task_row(plan, parent_id) if parent_id is not None else None
    if target is not None and target["kind"] != "section":
        raise ValidationError("Chỉ chuyển được nhiệm vụ vào một mục (phần, đề mục) của kế hoạch.")

    def change(doc: PlanDoc) -> PlanDoc:
        task = _find(doc.tasks, row["key"])
        assert task is not None
        if target is not None or to_top:
            if target is not None and target["key"] in _keys((task,)):
                raise ValidationError(
                    "Không chuyển được một mục vào chính nó hay vào mục con của nó."
                )
            tree = _map_tasks(doc.tasks, lambda t: None if t.key == row["key"] else t)
            return replace(doc, tasks=_insert(tree, target["key"] if target else None, task))
        return replace(doc, tasks=_step(doc.tasks, row["key"], step))

    await _store_edited(plan, change, deadlines=deadlines, actor=actor, now=now)


def _step(tasks: tuple[TaskDoc, ...], key: str, step: int) -> tuple[TaskDoc, ...]:
    keys = [t.key for t in tasks]
    if key in keys:
        at = keys.index(key)
        to = min(max(at + step, 0), len(tasks) - 1)
        order = list(tasks)
        order[at], order[to] = order[to], order[at]
        return tuple(order)
    return tuple(replace(t, children=_step(t.children, key, step)) for t in tasks)


async def cancel_task(
    plan: dict[str, Any],
    task_id: int,
    *,
    cancel: bool,
    deadlines: PlanDeadlines,
    actor: str,
    now: dt.datetime,
) -> None:
    """Cancel a task (and what lies under it): its open deadlines are cancelled, done work
    stays; or restore it, and the deadlines its timing gives are open again."""
    row = await task_row(plan, task_id)
    if (row["cancelled_at"] is not None) == cancel:
        return
    async with db.write_transaction():
        await Task.update(cancelled_at=now if cancel else None, updated_at=now).where(
            Task.id == task_id
        )
        audit = AuditLog(actor, now)
        audit.add(
            "task",
            task_id,
            "cancel" if cancel else "restore",
            {"cancelled_at": [row["cancelled_at"], now if cancel else None]},
            plan["id"],
        )
        await audit.flush()
        await deadlines.expand(plan["id"], actor=actor, now=now)


async def delete_plan(
    ref: str | int, *, scope: Scope, actor: str, now: dt.datetime
) -> dict[str, Any]:
    """Delete the plan: kept, marked, with everything it holds, and read by nobody; its
    deadlines leave the pages, feeds, reminders and counts. Importing its key again
    brings it back. Returns the plan as it was."""
    plan = await editable_plan(ref, scope, DELETE_PLAN)
    async with db.write_transaction():
        await Plan.update(deleted_at=now, updated_at=now).where(Plan.id == plan["id"])
        audit = AuditLog(actor, now)
        audit.add("plan", plan["id"], "delete", {"deleted_at": [None, now]}, plan["id"])
        await audit.flush()
    return plan


# --------------------------------------------------------------------------- review items


async def review_items(plan: dict[str, Any], tree: Sequence[dict[str, Any]]) -> list[ReviewItem]:
    """The plan's flagged tasks in tree order, each with the unit names its document gave
    that match no unit of the commune, and the nearest units to choose from."""
    flagged: list[dict[str, Any]] = []

    def walk(nodes: Sequence[dict[str, Any]]) -> None:
        for node in nodes:
            if node["review"]:
                flagged.append(node)
            walk(node["children"])

    walk(tree)
    if not flagged:
        return []
    directory = await load_directory()
    commune = plan["unit_code"]
    items = []
    for node in flagged:
        unknown: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
        for role, text in (
            ("lead", node["lead_text"]),
            ("coordinating", node["coordinating_text"]),
        ):
            if not text:
                continue
            resolution = directory.resolve(text, commune)
            for name in resolution.unknown:
                near = [
                    (code, suggested)
                    for suggested in resolution.suggestions.get(name, ())
                    if (code := directory.find_one(suggested, commune))
                ]
                unknown.setdefault(role, []).append((name, near))
        items.append(ReviewItem(node, node["review_reason"] or "Cần xem lại.", unknown))
    return items
