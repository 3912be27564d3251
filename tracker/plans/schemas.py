"""API shapes of the plans app."""

from __future__ import annotations

from typing import Any

import msgspec

from tracker.org.schemas import UnitRef

__all__ = ["Period", "PlanDetail", "PlanOut", "TaskNode"]


class Period(msgspec.Struct, kw_only=True):
    start: str
    end: str


class PlanOut(msgspec.Struct, kw_only=True):
    id: int
    key: str
    number: str
    doc_type: str
    title: str
    year: int
    unit: UnitRef
    issue_date: str | None
    period: Period
    status: str
    tasks: int
    sections: int


class PlanDetail(PlanOut, kw_only=True):
    place: str
    issue_date_text: str
    parent_ref: str
    parent_id: int | None
    source: dict[str, Any]
    details: dict[str, Any]


class TaskNode(msgspec.Struct, kw_only=True):
    id: int
    key: str
    label: str
    alt_label: str
    kind: str
    content: str
    details: str
    lead: UnitRef | None
    leads: list[UnitRef]
    lead_text: str
    coordinating: list[UnitRef]
    coordinating_text: str
    output: str
    note: str
    remark: str
    timing: str
    rules: list[dict[str, Any]]
    schedule_note: str
    review: bool
    review_reason: str
    children: list[TaskNode]
