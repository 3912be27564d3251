"""HTTP API of deadlines: occurrences by plan, unit and date, and one occurrence.
Recording events and completing work also stop or start reminders, so their endpoints
live a layer up, in :mod:`tracker.notify.controllers`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter

from tracker.config import Settings
from tracker.deadlines.progress import find_occurrence
from tracker.deadlines.schemas import (
    OccurrenceDetail,
    OccurrenceOut,
)
from tracker.deadlines.services import list_occurrences
from tracker.errors import ERROR_RESPONSES
from tracker.org.guards import readable
from tracker.org.scope import Scope
from tracker.org.services import visible_person_units, visible_subtree
from tracker.plans.services import find_plan, list_plans

__all__ = ["OccurrenceController"]


class OccurrenceController(Controller):
    path = "/api/occurrences"
    tags = ("Hạn công việc",)
    guards = (readable,)

    @get(
        "/",
        summary="Các hạn công việc, lọc theo kế hoạch, đơn vị và khoảng ngày",
        responses=ERROR_RESPONSES,
    )
    async def list_occurrences(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        plan: Annotated[str | None, QueryParameter(description="Mã số hoặc khóa kế hoạch")] = None,
        unit: Annotated[str | None, QueryParameter(description="Mã đơn vị")] = None,
        person: Annotated[
            str | None,
            QueryParameter(description="E-mail: các việc của đơn vị người đó (như lịch iCal)"),
        ] = None,
        from_: Annotated[dt.date | None, QueryParameter(name="from", description="Từ ngày")] = None,
        to: Annotated[dt.date | None, QueryParameter(description="Đến ngày")] = None,
    ) -> list[OccurrenceOut]:
        if plan is not None:
            plan_ids = [(await find_plan(plan, viewer))["id"]]
        else:
            plan_ids = [p.id for p in await list_plans(viewer)]
        unit_ids = None if unit is None else await visible_subtree(unit, viewer)
        if person is not None:
            mine = await visible_person_units(person, viewer)
            unit_ids = mine if unit_ids is None else unit_ids & mine
        views = await list_occurrences(
            tz=settings.tz, now=now, plan_ids=plan_ids, unit_ids=unit_ids, start=from_, end=to
        )
        return [OccurrenceOut.of(v) for v in views]

    @get("/{occurrence_id:int}", summary="Một hạn công việc", responses=ERROR_RESPONSES)
    async def get_occurrence(
        self,
        occurrence_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> OccurrenceDetail:
        view = await find_occurrence(occurrence_id, viewer, tz=settings.tz, now=now)
        return OccurrenceDetail.of(view)
