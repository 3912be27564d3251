"""Jinja filters: Vietnamese dates, due dates and compliance labels; the forms' CSRF token
and the header's unread count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from tracker.deadlines.compliance import BUCKET_LABELS
from tracker.errors import ScheduleError
from tracker.org.policy import IMPORT_PLAN, allowed
from tracker.plans.services import PLAN_STATUS_LABELS
from tracker.schedule.rules import rules_from_dicts
from tracker.schedule.words import describe_rules as describe_rule_list
from tracker.vn import (
    format_date,
    format_datetime,
    format_due,
    format_number,
    format_percent,
    has_number,
    numbered,
    one_line,
)
from tracker.web.notifications import unread_notifications
from tracker.web.previews import plan_name
from tracker.web.security import csrf_token

__all__ = ["day_text", "describe_rules", "due_text", "moment_text", "register_filters"]


def due_text(value: dt.date | dt.datetime | None) -> str:
    """ "31/08/2022" for a date; "Thứ Năm, 09/04/2026 16:15" for a time."""
    return format_due(value)


def day_text(value: dt.date | dt.datetime | None) -> str:
    """ "31/08/2022": the day of a date or of a moment, without the time."""
    if value is None:
        return ""
    return format_date(value.date() if isinstance(value, dt.datetime) else value)


def moment_text(value: dt.datetime | None) -> str:
    """ "08/04/2026 15:00": a moment already in local time, without the weekday."""
    return "" if value is None else format_datetime(value, with_weekday=False)


def describe_rules(rules: list[dict[str, Any]]) -> str:
    """In words, the schedules that have no dated occurrence of their own (continuous,
    on demand, after an event)."""
    undated = [r for r in rules if r.get("kind") in ("continuous", "on_demand", "relative")]
    try:
        return describe_rule_list(rules_from_dicts(undated, where="lịch"))
    except ScheduleError:
        return ""


def task_name(task: Any) -> str:
    """A task as a title names it: its number, or the first words of its content where it
    has only a bullet ("«Tập trung triển khai …»")."""
    label = numbered(task.get("label"))
    if label:
        return label
    content = one_line(str(task.get("content") or ""), 60, at_word=True)
    return f"«{content}»" if content else str(task.get("key") or "")


def plan_label(plan: Any) -> str:
    """A plan as a crumb, a title or a link names it: its number, or the start of its title
    where the number is blank (a draft's "/KH-UBND"), or its key. ``plan`` is a plan's row
    or a deadline's (``plan_number``, ``plan_title``, ``plan_key`` or ``plan``)."""
    number, title = _field(plan, "number"), one_line(_field(plan, "title"), 60, at_word=True)
    if has_number(number) or not title:
        return number or _field(plan, "key") or _field(plan, "")
    return plan_name(number, title)


def _field(row: Any, name: str) -> str:
    for key in (name, f"plan_{name}") if name else ("plan",):
        value = row.get(key) if isinstance(row, Mapping) else getattr(row, key, None)
        if value and isinstance(value, str):
            return value
    return ""


def register_filters(engine: Any) -> None:
    env = engine.engine
    env.filters["date_vn"] = format_date
    env.filters["due_vn"] = due_text
    env.filters["day_vn"] = day_text
    env.filters["moment_vn"] = moment_text
    env.filters["bucket"] = lambda b: BUCKET_LABELS.get(b, b)
    env.filters["rules_vn"] = describe_rules
    env.filters["num_vn"] = format_number
    env.filters["numbered"] = numbered
    env.filters["task_name"] = task_name
    env.filters["plan_label"] = plan_label
    env.filters["pct_vn"] = format_percent
    env.filters["share_vn"] = lambda part, whole: format_percent(part / whole if whole else None, 1)
    env.filters["plan_status"] = lambda s: PLAN_STATUS_LABELS.get(s, s)
    env.globals["can_import"] = lambda viewer: allowed(viewer, IMPORT_PLAN)
    env.autoescape = True
    # Replaces Litestar's own (which needs its CSRF middleware): ours ties the token to
    # the session (tracker.web.security).
    engine.register_template_callable(key="csrf_token", template_callable=csrf_token)
    engine.register_template_callable(
        key="unread_notifications", template_callable=unread_notifications
    )
