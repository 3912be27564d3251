"""HTTP API of the plans app: plans and their task trees."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from litestar import Controller, Response, get, post
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency
from litestar.enums import RequestEncodingType
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Body, FromPath

from tracker.errors import ERROR_RESPONSES, ErrorBody
from tracker.org.guards import readable, uploader
from tracker.org.policy import IMPORT_PLAN, PREVIEW_PLAN
from tracker.org.schemas import UnitRef
from tracker.org.scope import Scope
from tracker.org.services import require_on_unit
from tracker.plans.documents import PlanDoc, plan_year
from tracker.plans.importers.build import ImportOptions
from tracker.plans.imports import (
    UPLOAD_BODY_BYTES,
    ImportOutcome,
    import_document,
    safe_name,
    stored_name,
)
from tracker.plans.schemas import Period, PlanDetail, PlanOut, TaskNode
from tracker.plans.services import (
    PlanDeadlines,
    PlanSummary,
    find_plan,
    list_plans,
    task_tree,
)

__all__ = ["IMPORT_RESPONSES", "ImportController", "ImportForm", "PlanController", "run_import"]


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
    guards = (readable,)

    @get("/", summary="Các kế hoạch (trong phạm vi của người xem)", responses=ERROR_RESPONSES)
    async def list_plans(
        self, viewer: NamedDependency[Scope], now: NamedDependency[dt.datetime]
    ) -> list[PlanOut]:
        return [plan_out(p) for p in await list_plans(viewer, today=now.date())]

    @get("/{ref:str}", summary="Một kế hoạch, theo mã số hoặc khóa", responses=ERROR_RESPONSES)
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

    @get("/{ref:str}/tasks", summary="Cây nhiệm vụ của một kế hoạch", responses=ERROR_RESPONSES)
    async def get_tasks(self, ref: FromPath[str], viewer: NamedDependency[Scope]) -> list[TaskNode]:
        row = await find_plan(ref, viewer)
        return [task_node(n) for n in await task_tree(row["id"])]


@dataclass
class ImportForm:
    """The multipart form of ``POST /api/imports``."""

    file: UploadFile
    dry_run: bool = False
    unit: str | None = None
    key: str | None = None
    year: int | None = None
    create_units: bool = False
    accept_review: bool = False
    # In a workbook holding a plan a sheet, the sheet to import.
    sheet: str | None = None


async def run_import(
    form: ImportForm, viewer: Scope, deadlines: PlanDeadlines, now: dt.datetime
) -> ImportOutcome:
    """Save the upload under a name of ours in a temporary folder and import it; a preview
    needs an officer or chairman whose scope covers the plan's unit, and so does a write."""
    name = safe_name(form.file.filename)
    content = await form.file.read()
    action = PREVIEW_PLAN if form.dry_run else IMPORT_PLAN
    year = plan_year(str(form.year), "Trường 'year'") if form.year is not None else None
    with tempfile.TemporaryDirectory(prefix="tracker-import-") as folder:
        path = Path(folder) / stored_name(name)
        path.write_bytes(content)

        async def authorize(plan: PlanDoc) -> None:
            await require_on_unit(viewer, action, plan.unit)

        return await import_document(
            path,
            deadlines=deadlines,
            now=now,
            actor=f"person:{viewer.person_id}",
            options=ImportOptions(
                unit=form.unit or None,
                key=form.key or None,
                year=year,
                create_units=form.create_units,
                accept_review=form.accept_review,
                sheet=form.sheet or None,
            ),
            dry_run=form.dry_run,
            name=name,
            authorize=authorize,
        )


IMPORT_RESPONSES = {
    **ERROR_RESPONSES,
    201: ResponseSpec(
        data_container=dict[str, Any], description="Đã ghi kế hoạch: bản tóm tắt việc nhập."
    ),
    422: ResponseSpec(
        data_container=ErrorBody,
        description="Tệp có lỗi, không ghi gì: bản tóm tắt (các lỗi trong 'errors'), "
        "cùng 'error' và 'status' như mọi câu báo lỗi.",
        generate_examples=False,
    ),
    503: ResponseSpec(
        data_container=ErrorBody,
        description="Mọi chỗ đọc tệp đang bận; hãy gửi lại sau ít phút.",
        generate_examples=False,
    ),
}


class ImportController(Controller):
    path = "/api/imports"
    tags = ("Nhập kế hoạch",)
    guards = (uploader,)

    @post(
        "/",
        summary="Nhập kế hoạch từ tệp Word, PDF, Excel, văn bản hoặc YAML (dry_run để xem trước)",
        status_code=200,
        responses=IMPORT_RESPONSES,
        request_max_body_size=UPLOAD_BODY_BYTES,
    )
    async def create_import(
        self,
        data: Annotated[ImportForm, Body(media_type=RequestEncodingType.MULTI_PART)],
        viewer: NamedDependency[Scope],
        plan_deadlines: NamedDependency[PlanDeadlines],
        now: NamedDependency[dt.datetime],
    ) -> Response[dict[str, Any]]:
        outcome = await run_import(data, viewer, plan_deadlines, now)
        summary = outcome.summary()
        if summary["errors"]:
            status = outcome.error_status
            return Response({**summary, **_refusal(summary["errors"], status)}, status_code=status)
        return Response(summary, status_code=201 if outcome.written else 200)


def _refusal(errors: list[str], status: int) -> dict[str, Any]:
    """An import with errors answers its summary, and the error body's two fields too:
    every error answer of the API has them."""
    more = f" (và {len(errors) - 1} lỗi khác trong 'errors')" if len(errors) > 1 else ""
    return {"error": f"Không nhập được kế hoạch: {errors[0]}{more}", "status": status}
