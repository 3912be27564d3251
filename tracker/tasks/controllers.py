"""HTTP API of the tasks app: occurrences (deadlines) by plan, unit and date."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from tracker.config import Settings
from tracker.errors import NotFoundError
from tracker.org.services import Scope, subtree_unit_ids
from tracker.plans.services import find_plan, list_plans
from tracker.tasks.schemas import OccurrenceOut
from tracker.tasks.services import list_occurrences

__all__ = ["OccurrenceController"]


class OccurrenceController(Controller):
    path = "/api/occurrences"
    tags = ("Hạn công việc",)

    @get("/", summary="Các hạn công việc, lọc theo kế hoạch, đơn vị và khoảng ngày")
    async def list_occurrences(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        plan: Annotated[str | None, QueryParameter(description="Mã số hoặc khóa kế hoạch")] = None,
        unit: Annotated[str | None, QueryParameter(description="Mã đơn vị")] = None,
        from_: Annotated[dt.date | None, QueryParameter(name="from", description="Từ ngày")] = None,
        to: Annotated[dt.date | None, QueryParameter(description="Đến ngày")] = None,
    ) -> list[OccurrenceOut]:
        if plan is not None:
            plan_ids = [(await find_plan(plan, viewer))["id"]]
        else:
            plan_ids = [p.id for p in await list_plans(viewer)]
        unit_ids = None
        if unit is not None:
            unit_ids = await subtree_unit_ids(unit)
            if not unit_ids:
                raise NotFoundError(f"Không có đơn vị mã '{unit}'.")
        views = await list_occurrences(
            tz=settings.tz, now=now, plan_ids=plan_ids, unit_ids=unit_ids, start=from_, end=to
        )
        return [OccurrenceOut.of(v) for v in views]
