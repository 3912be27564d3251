"""The pages that edit a plan in the browser (an officer or chairman of its commune): the
header, tasks (add, edit, move, cancel, restore), the review items an import left, and
deleting the plan; the "Lịch sử" tab of a plan and of a task; and the timing preview the
task form asks for as the officer types (``GET /api/timing/preview``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from litestar import Controller, Request, get, post
from litestar.datastructures import FormMultiDict
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template

from tracker.config import Settings
from tracker.deadlines.services import list_occurrences
from tracker.deadlines.tables import Occurrence
from tracker.errors import ERROR_RESPONSES, NotFoundError, ValidationError
from tracker.notify.services import expander_for
from tracker.org.guards import plan_editor, readable
from tracker.org.policy import DELETE_PLAN, EDIT_PLAN, allowed
from tracker.org.scope import Scope
from tracker.plans.documents import FIRST_YEAR, LAST_YEAR
from tracker.plans.editing import (
    STATUS_ORDER,
    HeaderEdit,
    TaskEdit,
    cancel_task,
    delete_plan,
    edit_header,
    editable_plan,
    move_task,
    parent_choices,
    read_timing,
    save_task,
    task_edit_of,
    task_row,
    unit_choices,
)
from tracker.plans.history import history
from tracker.plans.services import PLAN_STATUS_LABELS, find_plan, task_tree, units_by_task
from tracker.schedule.calendars import load_work_calendar
from tracker.schedule.expand import expand
from tracker.schedule.rules import rules_to_dicts
from tracker.schedule.timing.preview import preview_timing
from tracker.vn import format_date, format_due, parse_day
from tracker.web.filters import describe_rules

__all__ = ["HistoryController", "PlanEditController", "TimingController", "timing_words"]

SHOWN_DATES = 12
UNIT_KINDS = {
    "commune": "Ủy ban, lãnh đạo",
    "office": "Cơ quan, phòng ban",
    "position": "Chức danh",
    "group": "Nhóm đơn vị",
}


def actor(viewer: Scope) -> str:
    return f"person:{viewer.person_id}" if viewer.person_id is not None else "cli"


def timing_words(data: dict[str, Any]) -> dict[str, Any]:
    """What a preview shows in words: the first dates, how many more, the kinds of
    schedule that have no date of their own, and why the timing needs a look."""
    dates = [
        {"due": format_due(o["due"]), "label": o["label"]}
        for o in data["occurrences"][:SHOWN_DATES]
    ]
    return {
        "dates": dates,
        "more": max(len(data["occurrences"]) - SHOWN_DATES, 0),
        "count": len(data["occurrences"]),
        "kinds": describe_rules(data["rules"]),
        # A date due before the plan's year is read right, but saving makes it a review
        # item: the form says so now.
        "reason": " ".join(
            part for part in (data["reason"] if data["review"] else "", data.get("caution")) if part
        ),
    }


async def _form(request: Request[Any, Any, Any]) -> FormMultiDict:
    form: FormMultiDict = await request.form()
    return form


def _text(form: FormMultiDict, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _list(form: FormMultiDict, name: str) -> tuple[str, ...]:
    return tuple(v for v in form.getall(name, []) if isinstance(v, str) and v)


def _day(text: str, field: str, *, required: bool = True) -> dt.date | None:
    """A day from a form: ISO (what a date input sends) or dd/mm/yyyy (typed)."""
    text = text.strip()
    if not text:
        if required:
            raise ValidationError(f"Hãy ghi {field}.")
        return None
    try:
        day = parse_day(text)
    except ValueError:
        pass
    else:
        if FIRST_YEAR <= day.year <= LAST_YEAR:
            return day
    raise ValidationError(f"{field.capitalize()} '{text[:40]}' không phải một ngày dd/mm/yyyy.")


def _task_edit(form: FormMultiDict) -> TaskEdit:
    return TaskEdit(
        content=_text(form, "content"),
        kind=_text(form, "kind") or "task",
        label=_text(form, "label"),
        lead=_list(form, "lead"),
        coordinating=_list(form, "coordinating"),
        output=_text(form, "output"),
        note=_text(form, "note"),
        timing=_text(form, "timing"),
        reviewed=_text(form, "reviewed") in ("on", "true", "1"),
    )


def _plan_path(plan: dict[str, Any], task_id: int | None = None) -> str:
    return f"/plans/{plan['key']}" + (f"#nv-{task_id}" if task_id else "")


async def _preview(
    plan: dict[str, Any], edit: TaskEdit, settings: Settings
) -> dict[str, Any] | None:
    """The server-drawn preview of the form's timing (the page without script)."""
    if edit.kind != "task":
        return None
    rules, reason = await read_timing(
        edit.timing, year=plan["year"], content=edit.content, unit_code=plan["unit_code"]
    )
    specs = expand(
        list(rules),
        period_start=plan["period_start"],
        period_end=plan["period_end"],
        calendar=load_work_calendar(settings.calendars_dir),
        events=[],
    )
    occurrences = [
        {
            "due": dt.datetime.combine(s.due_date, s.due_time, tzinfo=settings.tz)
            if s.due_time
            else s.due_date,
            "label": s.label,
        }
        for s in specs
    ]
    data = {
        "occurrences": occurrences,
        "rules": rules_to_dicts(rules),
        "review": bool(reason),
        "reason": reason,
    }
    return timing_words(data)


class PlanEditController(Controller):
    """The edit pages of one plan; the services check the caller's right on the plan."""

    path = "/plans/{ref:str}"
    include_in_schema = False
    guards = (plan_editor,)

    @get("/edit")
    async def header_form(self, ref: FromPath[str], viewer: NamedDependency[Scope]) -> Template:
        plan = await editable_plan(ref, viewer)
        return await _header_page(plan, viewer, _header_of(plan))

    @post("/edit", opt={"login_next": "/"})
    async def save_header(
        self,
        ref: FromPath[str],
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        plan = await editable_plan(ref, viewer)
        form = await _form(request)
        values = {
            k: _text(form, k)
            for k in (
                "number",
                "title",
                "issue_date",
                "period_start",
                "period_end",
                "status",
                "parent",
            )
        }
        try:
            edit = HeaderEdit(
                number=values["number"],
                title=values["title"],
                issue_date=_day(values["issue_date"], "ngày ban hành", required=False),
                period_start=_day(values["period_start"], "ngày bắt đầu kỳ kế hoạch"),  # type: ignore[arg-type]
                period_end=_day(values["period_end"], "ngày kết thúc kỳ kế hoạch"),  # type: ignore[arg-type]
                status=values["status"] or plan["status"],
                parent=values["parent"],
            )
            await edit_header(
                plan,
                edit,
                scope=viewer,
                deadlines=expander_for(settings),
                actor=actor(viewer),
                now=now,
            )
        except ValidationError as exc:
            return await _header_page(plan, viewer, values, exc.message)
        return Redirect(path=_plan_path(plan))

    @get("/tasks/new")
    async def new_task_form(
        self,
        ref: FromPath[str],
        viewer: NamedDependency[Scope],
        parent: FromQuery[int | None] = None,
        kind: FromQuery[str] = "task",
    ) -> Template:
        plan = await editable_plan(ref, viewer)
        under = await task_row(plan, parent) if parent is not None else None
        edit = TaskEdit(content="", kind="section" if kind == "section" else "task")
        return await _task_page(plan, viewer, None, edit, parent=under)

    @post("/tasks/new", opt={"login_next": "/"})
    async def add_task(
        self,
        ref: FromPath[str],
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        plan = await editable_plan(ref, viewer)
        form = await _form(request)
        parent_id = int(_text(form, "parent")) if _text(form, "parent").isdigit() else None
        under = await task_row(plan, parent_id) if parent_id is not None else None
        edit = _task_edit(form)
        if _text(form, "action") == "preview":
            preview = await _preview(plan, edit, settings)
            return await _task_page(plan, viewer, None, edit, parent=under, preview=preview)
        try:
            task_id = await save_task(
                plan,
                None,
                edit,
                parent_id=parent_id,
                deadlines=expander_for(settings),
                actor=actor(viewer),
                now=now,
            )
        except ValidationError as exc:
            return await _task_page(plan, viewer, None, edit, parent=under, error=exc.message)
        return Redirect(path=_plan_path(plan, task_id))

    @get("/tasks/{task_id:int}/edit")
    async def task_form(
        self, ref: FromPath[str], task_id: FromPath[int], viewer: NamedDependency[Scope]
    ) -> Template:
        plan = await editable_plan(ref, viewer)
        row = await task_row(plan, task_id)
        units = (await units_by_task([task_id])).get(task_id, {})
        return await _task_page(plan, viewer, row, task_edit_of(row, units))

    @post("/tasks/{task_id:int}/edit", opt={"login_next": "/"})
    async def update_task(
        self,
        ref: FromPath[str],
        task_id: FromPath[int],
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        plan = await editable_plan(ref, viewer)
        row = await task_row(plan, task_id)
        form = await _form(request)
        edit = _task_edit(form)
        if _text(form, "action") == "preview":
            preview = await _preview(plan, edit, settings)
            return await _task_page(plan, viewer, row, edit, preview=preview)
        try:
            await save_task(
                plan, task_id, edit, deadlines=expander_for(settings), actor=actor(viewer), now=now
            )
        except ValidationError as exc:
            return await _task_page(plan, viewer, row, edit, error=exc.message)
        return Redirect(path=_plan_path(plan, task_id))

    @post("/tasks/{task_id:int}/review", opt={"login_next": "/"})
    async def fix_review(
        self,
        ref: FromPath[str],
        task_id: FromPath[int],
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Redirect:
        """A review item fixed on the plan page: the units chosen among the suggestions
        join the task's, the timing retyped is read again, and the flag goes."""
        plan = await editable_plan(ref, viewer)
        row = await task_row(plan, task_id)
        form = await _form(request)
        units = (await units_by_task([task_id])).get(task_id, {})
        current = task_edit_of(row, units)
        timing = _text(form, "timing") if "timing" in form else current.timing
        edit = TaskEdit(
            **{
                **current.__dict__,
                "timing": timing,
                "reviewed": True,
                "lead": current.lead + _list(form, "lead"),
                "coordinating": current.coordinating + _list(form, "coordinating"),
            },
        )
        await save_task(
            plan, task_id, edit, deadlines=expander_for(settings), actor=actor(viewer), now=now
        )
        return Redirect(path=_plan_path(plan, task_id))

    @post("/tasks/{task_id:int}/move", opt={"login_next": "/"})
    async def move(
        self,
        ref: FromPath[str],
        task_id: FromPath[int],
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Redirect:
        plan = await editable_plan(ref, viewer)
        form = await _form(request)
        step = {"up": -1, "down": 1}.get(_text(form, "step"), 0)
        target = _text(form, "parent")
        await move_task(
            plan,
            task_id,
            step=step,
            parent_id=int(target) if target.isdigit() else None,
            to_top=target == "top",
            deadlines=expander_for(settings),
            actor=actor(viewer),
            now=now,
        )
        return Redirect(path=_plan_path(plan, task_id))

    @post("/tasks/{task_id:int}/cancel", opt={"login_next": "/"})
    async def cancel(
        self,
        ref: FromPath[str],
        task_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Redirect:
        plan = await editable_plan(ref, viewer)
        await cancel_task(
            plan,
            task_id,
            cancel=True,
            deadlines=expander_for(settings),
            actor=actor(viewer),
            now=now,
        )
        return Redirect(path=_plan_path(plan, task_id))

    @post("/tasks/{task_id:int}/restore", opt={"login_next": "/"})
    async def restore(
        self,
        ref: FromPath[str],
        task_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Redirect:
        plan = await editable_plan(ref, viewer)
        await cancel_task(
            plan,
            task_id,
            cancel=False,
            deadlines=expander_for(settings),
            actor=actor(viewer),
            now=now,
        )
        return Redirect(path=_plan_path(plan, task_id))

    @get("/delete")
    async def delete_form(
        self,
        ref: FromPath[str],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template:
        """The confirmation step: the plan named, with what goes with it."""
        plan = await editable_plan(ref, viewer)
        views = await list_occurrences(tz=settings.tz, now=now, plan_ids=[plan["id"]])
        tasks = await task_tree(plan["id"])
        context = {
            "viewer": viewer,
            "plan": plan,
            "tasks": sum(1 for _ in _walk(tasks)),
            "open": sum(1 for v in views if v.open),
            "done": sum(1 for v in views if v.stored_status == "done"),
        }
        return Template("plan_delete.html", context=context)

    @post("/delete", opt={"login_next": "/"})
    async def delete(
        self, ref: FromPath[str], viewer: NamedDependency[Scope], now: NamedDependency[dt.datetime]
    ) -> Redirect:
        plan = await delete_plan(ref, scope=viewer, actor=actor(viewer), now=now)
        deleted = {"deleted": plan["number"] or plan["key"], "key": plan["key"]}
        return Redirect(path="/", query_params=deleted)


def _walk(nodes: list[dict[str, Any]]) -> Any:
    for node in nodes:
        yield node
        yield from _walk(node["children"])


def _header_of(plan: dict[str, Any]) -> dict[str, str]:
    return {
        "number": plan["number"],
        "title": plan["title"],
        "issue_date": format_date(plan["issue_date"]),
        "period_start": format_date(plan["period_start"]),
        "period_end": format_date(plan["period_end"]),
        "status": plan["status"],
        "parent": "",
    }


async def _header_page(
    plan: dict[str, Any], viewer: Scope, values: dict[str, str], error: str = ""
) -> Template:
    parents = await parent_choices(plan, viewer)
    if not error and plan["parent"]:
        values["parent"] = next((p.key for p in parents if p.id == plan["parent"]), "")
    context = {
        "viewer": viewer,
        "plan": plan,
        "form": values,
        "parents": parents,
        "statuses": [(s, PLAN_STATUS_LABELS[s]) for s in STATUS_ORDER],
        "error": error,
    }
    return Template("plan_edit.html", context=context, status_code=422 if error else 200)


async def _task_page(
    plan: dict[str, Any],
    viewer: Scope,
    row: dict[str, Any] | None,
    edit: TaskEdit,
    *,
    parent: dict[str, Any] | None = None,
    preview: dict[str, Any] | None = None,
    error: str = "",
) -> Template:
    units = await unit_choices(plan)
    groups: dict[str, list[dict[str, Any]]] = {}
    for unit in units:
        groups.setdefault(UNIT_KINDS.get(unit["kind"], "Đơn vị khác"), []).append(unit)
    sections = []
    if row is not None:
        sections = [
            n
            for n in _walk(await task_tree(plan["id"]))
            if n["kind"] == "section" and not n["sort_path"].startswith(row["sort_path"])
        ]
    context = {
        "viewer": viewer,
        "plan": plan,
        "task": row,
        "form": edit,
        "parent": parent,
        "unit_groups": groups,
        "sections": sections,
        "preview": preview,
        "error": error,
    }
    return Template("task_edit.html", context=context, status_code=422 if error else 200)


class HistoryController(Controller):
    """The "Lịch sử" tab: anyone who may read the plan sees its changes."""

    path = "/plans/{ref:str}"
    include_in_schema = False
    guards = (readable,)

    @get("/history")
    async def plan_history(
        self,
        ref: FromPath[str],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
    ) -> Template:
        plan = await _plan_for_history(ref, viewer)
        changes = await history(plan["id"], tz=settings.tz)
        return _history_page(plan, None, changes, viewer)

    @get("/tasks/{task_id:int}/history")
    async def task_history(
        self,
        ref: FromPath[str],
        task_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
    ) -> Template:
        plan = await _plan_for_history(ref, viewer)
        row = await task_row(plan, task_id)
        ids = [
            r["id"]
            for r in await Occurrence.select(Occurrence.id).where(Occurrence.task == task_id)
        ]
        changes = await history(plan["id"], tz=settings.tz, task_id=task_id, occurrence_ids=ids)
        return _history_page(plan, row, changes, viewer)


async def _plan_for_history(ref: str, viewer: Scope) -> dict[str, Any]:
    """The plan whose history is asked for: one readable, or a deleted one for those who
    may delete it (the history of the deletion, and of what the plan held, stays theirs
    to read); anyone else finds no deleted plan, as the other pages."""
    plan = await find_plan(ref, viewer, deleted=True)
    if plan["deleted_at"] is not None and not allowed(viewer, DELETE_PLAN, plan["unit_path"]):
        raise NotFoundError(f"Không có kế hoạch '{ref}' (hoặc bạn không có quyền xem).")
    return plan


def _history_page(
    plan: dict[str, Any], task: dict[str, Any] | None, changes: list[Any], viewer: Scope
) -> Template:
    context = {
        "viewer": viewer,
        "plan": plan,
        "task": task,
        "changes": changes,
        "can_edit": allowed(viewer, EDIT_PLAN, plan["unit_path"]),
    }
    return Template("history.html", context=context)


class TimingController(Controller):
    """Reading a timing phrase as it is typed, for the task form's live preview."""

    path = "/api/timing"
    tags = ("Kế hoạch",)
    guards = (plan_editor,)

    @get(
        "/preview",
        summary="Đọc một cụm thời gian và liệt kê các hạn của nó trong năm",
        responses=ERROR_RESPONSES,
    )
    async def preview(
        self,
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        text: FromQuery[str] = "",
        year: FromQuery[int | None] = None,
        start: FromQuery[dt.date | None] = None,
        end: FromQuery[dt.date | None] = None,
    ) -> dict[str, Any]:
        """The ``tracker timing --json`` answer (``text``, ``rules``, ``occurrences``,
        ``review``, ``reason``, ``caution``) over ``year``, only the dates due from ``start`` to ``end``
        when given (a plan's period), and ``words``: the first dates as the pages write
        them."""
        if len(text) > 1000:
            raise ValidationError("Cụm thời gian dài quá 1.000 ký tự; hãy rút gọn.")
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValidationError(
                f"Năm {year} không dùng được; hãy ghi một năm từ {FIRST_YEAR} đến {LAST_YEAR}."
            )
        data = preview_timing(
            text,
            year=year or now.year,
            calendar=load_work_calendar(settings.calendars_dir),
            tz=settings.tz,
        )
        data["occurrences"] = [
            o
            for o in data["occurrences"]
            if (start is None or o["due"][:10] >= start.isoformat())
            and (end is None or o["due"][:10] <= end.isoformat())
        ]
        shown = {
            **data,
            "occurrences": [
                {
                    **o,
                    "due": dt.datetime.fromisoformat(o["due"])
                    if "T" in o["due"]
                    else dt.date.fromisoformat(o["due"]),
                }
                for o in data["occurrences"]
            ],
        }
        return {**data, "words": timing_words(shown)}
