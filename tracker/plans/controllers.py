"""HTTP API of the plans app: plans and their task trees."""

from __future__ import annotations

import datetime as dt
from typing import Any

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromPath

from tracker.org.schemas import UnitRef
from tracker.org.services import Scope
from tracker.plans.schemas import Period, PlanDetail, PlanOut, TaskNode
from tracker.plans.services import PlanSummary, find_plan, list_plans, task_tree

__all__ = ["PlanController"]


def plan_out(p: PlanSummary) -> PlanOut:
    return PlanOut(
        id=p.id,
        key=p.key,
        number=p.number,
        doc_type=p.doc_type,
        title=p.title,
        year=p.year,
        unit=UnitRef(code=p.unit_code, name=p.unit_name),
        issue_date=p.issue_date.isoformat() if p.issue_date else None,
        period=Period(start=p.period_start.isoformat(), end=p.period_end.isoformat()),
        status=p.status,
        tasks=p.tasks,
        sections=p.sections,
    )


def task_node(node: dict[str, Any]) -> TaskNode:
    leads = [UnitRef(**u) for u in node["lead"]]
    return TaskNode(
        id=node["id"],
        key=node["key"],
        label=node["label"],
        alt_label=node["alt_label"],
        kind=node["kind"],
        content=node["content"],
        details=node["details"],
        lead=leads[0] if leads else None,
        leads=leads,
        lead_text=node["lead_text"],
        coordinating=[UnitRef(**u) for u in node["coordinating"]],
        coordinating_text=node["coordinating_text"],
        output=node["output"],
        note=node["note"],
        remark=node["remark"],
        timing=node["timing"],
        rules=node["schedule"],
        schedule_note=node["schedule_note"],
        review=node["review"],
        review_reason=node["review_reason"],
        children=[task_node(c) for c in node["children"]],
    )


class PlanController(Controller):
    path = "/api/plans"
    tags = ("Kế hoạch",)

    @get("/", summary="Các kế hoạch (trong phạm vi của người xem)")
    async def list_plans(
        self, viewer: NamedDependency[Scope], now: NamedDependency[dt.datetime]
    ) -> list[PlanOut]:
        return [plan_out(p) for p in await list_plans(viewer, today=now.date())]

    @get("/{ref:str}", summary="Một kế hoạch, theo mã số hoặc khóa")
    async def get_plan(
        self, ref: FromPath[str], viewer: NamedDependency[Scope], now: NamedDependency[dt.datetime]
    ) -> PlanDetail:
        row = await find_plan(ref, viewer)
        [summary] = await list_plans(viewer, plan_ids=[row["id"]], today=now.date())
        return PlanDetail(
            **{f: getattr(plan_out(summary), f) for f in PlanOut.__struct_fields__},
            place=row["place"],
            issue_date_text=row["issue_date_text"],
            parent_ref=row["parent_ref"],
            parent_id=row["parent"],
            source=row["source"],
            details=row["details"],
        )

    @get("/{ref:str}/tasks", summary="Cây nhiệm vụ của một kế hoạch")
    async def get_tasks(self, ref: FromPath[str], viewer: NamedDependency[Scope]) -> list[TaskNode]:
        row = await find_plan(ref, viewer)
        return [task_node(n) for n in await task_tree(row["id"])]
