"""An import's preview in words: unit names instead of codes, each task's schedule as a
Vietnamese sentence with its first due dates, and what saving would change (or, after
saving, what it changed) in one sentence with the list of tasks."""

from __future__ import annotations

from typing import Any

from tracker.plans.documents import PlanDoc
from tracker.plans.imports import ImportOutcome, TaskChange
from tracker.schedule.expand import expand
from tracker.schedule.words import describe_dates, describe_rules
from tracker.schedule.workdays import WorkCalendar
from tracker.vn import format_number, has_number

__all__ = ["change_sentence", "plan_name", "preview_words"]

_ACTIONS = {"create": "thêm", "update": "sửa", "delete": "bỏ"}


def plan_name(number: str, title: str) -> str:
    """A plan as a sentence names it: its number, or its title where the number has no
    digits ("/KH-UBND", a draft's)."""
    return number if has_number(number) else f"«{title}»"


def change_sentence(outcome: ImportOutcome, plan: PlanDoc, stored_name: str = "") -> str:
    """ "Cập nhật kế hoạch 12/KH-UBND: 3 nhiệm vụ sửa, 4 hạn mới, 2 hạn bị hủy." (or what
    a new plan brings); empty when nothing was rehearsed or written. An update names the
    stored plan (``stored_name``) where the caller knows it."""
    stored = outcome.stored
    if stored is None:
        return ""
    name = plan_name(plan.number, plan.title)
    tasks = stored.tasks
    deadlines = stored.occurrences
    if stored.plan_created:
        # Tasks as the page's header counts them (the leaves), not the sections too.
        head = f"Kế hoạch mới {name}"
        parts = [
            f"{format_number(plan.task_count)} nhiệm vụ",
            f"{format_number(deadlines.created)} hạn",
        ]
    else:
        head = f"Cập nhật kế hoạch {stored_name or name} đã có"
        parts = [
            f"{format_number(n)} {word}"
            for n, word in (
                (tasks.created, "nhiệm vụ mới"),
                (tasks.updated, "nhiệm vụ sửa"),
                (tasks.removed, "nhiệm vụ bỏ"),
                (deadlines.created, "hạn mới"),
                (deadlines.updated + deadlines.reopened, "hạn đổi"),
                (deadlines.cancelled, "hạn bị hủy"),
            )
            if n
        ] or ["không có gì thay đổi"]
    return f"{head}: {', '.join(parts)}."


def change_rows(changes: list[TaskChange]) -> list[dict[str, str]]:
    return [
        {
            "action": _ACTIONS.get(c.action, c.action),
            "kind": c.action,
            "label": c.label,
            "content": c.content,
            "fields": ", ".join(c.fields),
        }
        for c in changes
    ]


def preview_words(
    plan: PlanDoc, names: dict[str, str], calendar: WorkCalendar
) -> dict[str, dict[str, str]]:
    """Per task key: its lead and coordinating units by name, its schedule in words and
    its first due dates over the plan's period."""
    out: dict[str, dict[str, str]] = {}
    for task, _ in plan.walk():
        if task.kind != "task":
            continue
        dates = [
            spec.due_date
            for spec in expand(
                list(task.rules),
                period_start=plan.period_start,
                period_end=plan.period_end,
                calendar=calendar,
            )
        ]
        out[task.key] = {
            # Names as the document gives them where no unit was found (no commune yet).
            "lead": ", ".join(names.get(code, code) for code in task.lead) or task.lead_text,
            "coordinating": ", ".join(names.get(code, code) for code in task.coordinating)
            or task.coordinating_text,
            "schedule": describe_rules(task.rules),
            "dates": describe_dates(dates),
        }
    return out


def codes_of(plan: PlanDoc) -> set[str]:
    """Every unit code the plan names."""
    codes = {plan.unit} if plan.unit else set()
    for task, _ in plan.walk():
        codes.update(task.lead)
        codes.update(task.coordinating)
    return codes


def preview_context(
    outcome: ImportOutcome, names: dict[str, str], calendar: WorkCalendar, stored_name: str = ""
) -> dict[str, Any]:
    plan = outcome.result.plan
    if plan is None:
        return {"words": {}, "sentence": "", "changes": [], "unit_name": ""}
    for unit in outcome.result.new_units:
        names.setdefault(unit.code, unit.name)
    return {
        "words": preview_words(plan, names, calendar),
        "sentence": change_sentence(outcome, plan, stored_name),
        "changes": change_rows(outcome.changes),
        "unit_name": names.get(plan.unit, plan.unit),
    }
