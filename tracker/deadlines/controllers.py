"""HTTP API of the tasks app: occurrences (deadlines) by plan, unit and date."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter

from tracker.config import Settings
from tracker.deadlines.schemas import (
    CompleteIn,
    EventIn,
    EventOut,
    OccurrenceDetail,
    OccurrenceOut,
    iso,
)
from tracker.deadlines.services import list_occurrences, local_moment
from tracker.errors import NotFoundError
from tracker.org.services import Scope, subtree_unit_ids
from tracker.plans.services import find_plan, list_plans

__all__ = ["EventController", "OccurrenceController", "occurrence_detail"]


def occurrence_detail(
    row: dict[str, Any], settings: Settings, now: dt.datetime
) -> OccurrenceDetail:
    from tracker.deadlines.compliance import bucket

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
            from tracker.org.services import person_unit_ids
            from tracker.org.tables import Person

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
        from tracker.deadlines.progress import find_occurrence

        return occurrence_detail(await find_occurrence(occurrence_id, viewer), settings, now)

    @post(
        "/{occurrence_id:int}/complete",
        summary="Ghi hoàn thành (kết quả, người làm, thời điểm); dừng nhắc việc",
        status_code=200,
    )
    async def complete(
        self,
        occurrence_id: FromPath[int],
        data: JSONBody[CompleteIn],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> OccurrenceDetail:
        from tracker.deadlines.progress import complete_occurrence

        row = await complete_occurrence(
            occurrence_id, scope=viewer, evidence=data.evidence, link=data.link,
            completed_at=data.completed_at, now=now,
        )  # fmt: skip
        return occurrence_detail(row, settings, now)


class EventController(Controller):
    path = "/api/events"
    tags = ("Sự kiện",)

    @post("/", summary="Ghi sự kiện; tạo ngay các hạn công việc nó làm phát sinh", status_code=201)
    async def record(
        self,
        data: JSONBody[EventIn],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> EventOut:
        from tracker.deadlines.progress import record_event
        from tracker.notify.jobs import deliver
        from tracker.notify.reminders import reminder_pass
        from tracker.schedule.calendars import load_work_calendar

        calendar = load_work_calendar(settings.calendars_dir)
        record = await record_event(
            data.kind, data.date, unit_code=data.unit, reference=data.ref, scope=viewer,
            plan_key=data.plan, calendar=calendar, tz=settings.tz, now=now,
        )  # fmt: skip
        report = await reminder_pass(settings, now, calendar=calendar)
        if report.written:
            deliver()  # the worker sends them at once
        return EventOut(
            id=record.id,
            kind=record.kind,
            date=record.occurred_on.isoformat(),
            plans=record.plans,
            occurrences=record.occurrences,
            messages=len(report.messages),
        )
