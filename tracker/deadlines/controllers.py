"""HTTP API of deadlines: occurrences by plan, unit and date, and one occurrence.
Recording events and completing work also stop or start reminders, so their endpoints
live a layer up, in :mod:`tracker.notify.controllers`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter

from tracker.config import Settings
from tracker.deadlines.compliance import bucket
from tracker.deadlines.progress import find_occurrence
from tracker.deadlines.schemas import (
    OccurrenceDetail,
    OccurrenceOut,
    iso,
)
from tracker.deadlines.services import list_occurrences, local_moment
from tracker.errors import NotFoundError
from tracker.org.guards import readable
from tracker.org.scope import Scope
from tracker.org.services import person_unit_ids, subtree_unit_ids
from tracker.org.tables import Person
from tracker.plans.services import find_plan, list_plans

__all__ = ["OccurrenceController", "occurrence_detail"]


def occurrence_detail(
    row: dict[str, Any], settings: Settings, now: dt.datetime
) -> OccurrenceDetail:
    tz = settings.tz

    def local(day: dt.date | None, moment: dt.datetime | None) -> dt.date | dt.datetime | None:
        return local_moment(day, moment, tz)

    due = local(row["due_date"], row["due_at"])
    assert due is not None
    return OccurrenceDetail(
        id=row["id"],
        key=row["key"],
        task=row["task"],
        task_label=row["task_label"],
        task_content=row["task_content"],
        plan=row["plan_key"],
        plan_number=row["plan_number"],
        label=row["label"],
        kind=row["kind"],
        start=iso(local(row["start_date"], row["start_at"])),
        due=due.isoformat(),
        extended_due=iso(local(row["extended_due_date"], row["extended_due_at"])),
        status=bucket(
            status=row["status"],
            deadline=row["deadline_at"],
            completed_at=row["completed_at"],
            now=now,
        ),
        completed_at=iso(row["completed_at"].astimezone(tz) if row["completed_at"] else None),
        completed_by=row["completed_by_name"],
        evidence=row["evidence"],
    )


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
        return occurrence_detail(await find_occurrence(occurrence_id, viewer), settings, now)
