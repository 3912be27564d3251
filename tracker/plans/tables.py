"""Plans and their task trees, with the units each task names."""

from __future__ import annotations

from piccolo.columns import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    OnDelete,
    Serial,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from tracker.org.tables import Unit

__all__ = ["Plan", "Task", "TaskUnit"]


class Plan(Table):
    """A plan (kế hoạch) as issued: number, issuer, date, period, parent plan, source."""

    id: Serial

    key = Varchar(length=200, unique=True, index=True)
    number = Varchar(length=100, default="")
    doc_type = Varchar(length=20, default="KH")
    title = Text()
    unit = ForeignKey(Unit, on_delete=OnDelete.restrict)
    place = Varchar(length=200, default="")
    issue_date = Date(null=True, default=None)
    issue_date_text = Varchar(length=200, default="")
    year = Integer()
    period_start = Date()
    period_end = Date()
    parent: ForeignKey[Plan] = ForeignKey("self", null=True, on_delete=OnDelete.set_null)
    parent_ref = Text(default="")
    source = JSON(default={})
    details = JSON(default={})
    status = Varchar(length=20, default="active")
    created_at = Timestamptz()
    updated_at = Timestamptz()
    # Deleted in the browser: kept with its tasks, deadlines and audit log, read by nobody.
    deleted_at = Timestamptz(null=True, default=None)


class Task(Table):
    """A node of a plan's task tree: a section heading or a task with its timing."""

    id: Serial

    plan = ForeignKey(Plan, on_delete=OnDelete.cascade, index=True)
    parent: ForeignKey[Task] = ForeignKey("self", null=True, on_delete=OnDelete.cascade)
    key = Varchar(length=300)
    label = Varchar(length=50, default="")
    alt_label = Varchar(length=50, default="")
    position = Integer(default=0)
    sort_path = Varchar(length=500, default="")
    depth = Integer(default=0)
    kind = Varchar(length=20, default="task")
    content = Text()
    details = Text(default="")
    lead_text = Text(default="")
    coordinating_text = Text(default="")
    output = Text(default="")
    note = Text(default="")
    remark = Text(default="")
    timing = Text(default="")
    schedule = JSON(default=[])
    schedule_note = Text(default="")
    review = Boolean(default=False)
    review_reason = Text(default="")
    created_at = Timestamptz()
    updated_at = Timestamptz()
    # Cancelled in the browser: its open deadlines (and its subtasks') are cancelled.
    cancelled_at = Timestamptz(null=True, default=None)


class TaskUnit(Table):
    """A unit named by a task, as lead (chủ trì) or coordinating (phối hợp)."""

    id: Serial

    task = ForeignKey(Task, on_delete=OnDelete.cascade, index=True)
    unit = ForeignKey(Unit, on_delete=OnDelete.restrict, index=True)
    role = Varchar(length=20)
    position = Integer(default=0)
