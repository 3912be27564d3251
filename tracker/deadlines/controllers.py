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
from tracker.errors import NotFoundError
from tracker.org.guards import readable
from tracker.org.scope import Scope
from tracker.org.services import person_unit_ids, subtree_unit_ids
from tracker.org.tables import Person
from tracker.plans.services import find_plan, list_plans

__all__ = ["OccurrenceController"]


class OccurrenceController(Controller):
    path = "/api/occurrences"
    tags = ("Hạn công việc",)
    guards = (readable,)

    @get("/", summary="Các hạn công việc, lọc theo kế hoạch, đơn vị và khoảng ngày")
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
        unit_ids = None
        if unit is not None:
            unit_ids = await subtree_unit_ids(unit)
            if not unit_ids:
                raise NotFoundError(f"Không có đơn vị mã '{unit}'.")
        if person is not None:
            found = await Person.select(Person.id).where(Person.email == person).first()
            if found is None:
                raise NotFoundError(f"Không có người dùng nào có địa chỉ e-mail '{person}'.")
            mine = await person_unit_ids(found["id"])
            unit_ids = mine if unit_ids is None else unit_ids & mine
        views = await list_occurrences(
            tz=settings.tz, now=now, plan_ids=plan_ids, unit_ids=unit_ids, start=from_, end=to
        )
        return [OccurrenceOut.of(v) for v in views]

    @get("/{occurrence_id:int}", summary="Một hạn công việc")
    async def get_occurrence(
        self,
        occurrence_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> OccurrenceDetail:
        view = await find_occurrence(occurrence_id, viewer, tz=settings.tz, now=now)
        return OccurrenceDetail.of(view)
