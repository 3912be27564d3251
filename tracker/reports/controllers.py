"""HTTP API of the compliance counts: ``GET /api/compliance``, the overdue list
``GET /api/compliance/overdue``, and the reports to download,
``GET /api/compliance/report.docx`` and ``…/report.xlsx``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated
from urllib.parse import quote

from litestar import Controller, Response, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from tracker.config import Settings
from tracker.errors import ERROR_RESPONSES, NotFoundError, ValidationError
from tracker.org.guards import readable
from tracker.org.scope import Scope
from tracker.org.services import visible_unit
from tracker.plans.services import find_plan
from tracker.reports.compliance import BY, count_compliance
from tracker.reports.documents import (
    DOCX_TYPE,
    ComplianceDocument,
    gather_report,
    render_docx,
    report_filename,
)
from tracker.reports.overdue import MAX_LIMIT, check_moment, list_overdue
from tracker.reports.schemas import (
    ComplianceOut,
    ComplianceRow,
    OverdueOut,
    PlanRef,
    ScopeRef,
    TaskRef,
    Totals,
)
from tracker.reports.workbook import XLSX_TYPE, render_xlsx
from tracker.schedule.calendars import load_work_calendar
from tracker.vn import fold

__all__ = ["ComplianceController"]


async def _scope_unit(code: str | None, viewer: Scope) -> tuple[ScopeRef, str]:
    """The unit counted and its path: the one asked for, if the caller may see it, else
    the caller's own commune, district or province (the whole tree for the system and
    public reading)."""
    if code is None:
        paths = viewer.paths
        if paths is None:
            return ScopeRef(code="", name="Toàn bộ"), "/"
        if not paths:
            raise NotFoundError("Bạn chưa thuộc đơn vị nào để xem tình hình thực hiện.")
        code = paths[0].strip("/").split("/")[-1]
    unit = await visible_unit(code, viewer)
    return ScopeRef(code=unit["code"], name=unit["name"]), str(unit["path"])


class ComplianceController(Controller):
    path = "/api/compliance"
    tags = ("Tình hình thực hiện",)
    guards = (readable,)

    @get(
        "/",
        summary="Số hạn hoàn thành đúng hạn, quá hạn, chưa đến hạn và quá hạn, theo nhóm",
        responses=ERROR_RESPONSES,
    )
    async def compliance(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        unit: Annotated[str | None, QueryParameter(description="Mã đơn vị")] = None,
        plan: Annotated[str | None, QueryParameter(description="Mã số hoặc khóa kế hoạch")] = None,
        from_: Annotated[dt.date | None, QueryParameter(name="from", description="Từ ngày")] = None,
        to: Annotated[dt.date | None, QueryParameter(description="Đến ngày")] = None,
        as_of: Annotated[dt.datetime | None, QueryParameter(description="Tính đến lúc")] = None,
        by: Annotated[
            str, QueryParameter(description="unit, plan, commune, task, month, week")
        ] = "unit",
    ) -> ComplianceOut:
        _check_by(by)
        moment = _moment(as_of, now, settings)
        start, end = _window(from_, to, moment, settings)
        scope, path = await _scope_unit(unit, viewer)
        report = await count_compliance(
            unit_path=path, start=start, end=end, as_of=moment,
            tz=settings.tz, by=by, plan_ids=await _plan_ids(plan, viewer),
        )  # fmt: skip
        return ComplianceOut(
            as_of=moment.astimezone(settings.tz).isoformat(),
            from_=start.isoformat(),
            to=end.isoformat(),
            by=by,
            scope=scope,
            totals=Totals.of(report.totals.as_dict()),
            rows=[ComplianceRow(key=r.key, name=r.name, **r.counts.as_dict()) for r in report.rows],
        )

    @get(
        "/overdue",
        summary="Các hạn chưa hoàn thành đã quá hạn, quá hạn lâu nhất trước",
        responses=ERROR_RESPONSES,
    )
    async def overdue(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        unit: Annotated[str | None, QueryParameter(description="Mã đơn vị")] = None,
        plan: Annotated[str | None, QueryParameter(description="Mã số hoặc khóa kế hoạch")] = None,
        from_: Annotated[
            dt.date | None, QueryParameter(name="from", description="Hạn từ ngày")
        ] = None,
        to: Annotated[dt.date | None, QueryParameter(description="Hạn đến ngày")] = None,
        as_of: Annotated[dt.datetime | None, QueryParameter(description="Tính đến lúc")] = None,
        limit: Annotated[
            int | None, QueryParameter(description=f"Số dòng tối đa (1–{MAX_LIMIT})")
        ] = None,
    ) -> list[OverdueOut]:
        moment = _moment(as_of, now, settings)
        _, path = await _scope_unit(unit, viewer)
        items = await list_overdue(
            unit_path=path, as_of=moment, tz=settings.tz,
            calendar=load_work_calendar(settings.calendars_dir),
            plan_ids=await _plan_ids(plan, viewer), start=from_, end=to, limit=limit,
        )  # fmt: skip
        return [
            OverdueOut(
                occurrence=i.occurrence,
                task=TaskRef(id=i.task_id, content=i.task),
                plan=PlanRef(key=i.plan_key, title=i.plan_title),
                lead=ScopeRef(code=i.lead_code, name=i.lead_name or "") if i.lead_code else None,
                due=i.due.isoformat(),
                days_late=i.days_late,
                working_days_late=i.working_days_late,
                escalated_to=i.escalated_to,
            )
            for i in items
        ]

    @get(
        "/report.docx",
        summary="Báo cáo tình hình thực hiện (Word, theo Nghị định 30/2020/NĐ-CP)",
        media_type=DOCX_TYPE,
        responses=ERROR_RESPONSES,
    )
    async def report_docx(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        unit: Annotated[str | None, QueryParameter(description="Mã đơn vị")] = None,
        plan: Annotated[str | None, QueryParameter(description="Mã số hoặc khóa kế hoạch")] = None,
        from_: Annotated[dt.date | None, QueryParameter(name="from", description="Từ ngày")] = None,
        to: Annotated[dt.date | None, QueryParameter(description="Đến ngày")] = None,
        as_of: Annotated[dt.datetime | None, QueryParameter(description="Tính đến lúc")] = None,
        by: Annotated[str, QueryParameter(description="Phụ lục theo: " + ", ".join(BY))] = "unit",
    ) -> Response[bytes]:
        document = await _document(viewer, settings, now, unit, plan, from_, to, as_of, by)
        return _download(render_docx(document), DOCX_TYPE, report_filename(document, "docx"))

    @get(
        "/report.xlsx",
        summary="Bảng tổng hợp tình hình thực hiện và danh sách quá hạn (Excel)",
        media_type=XLSX_TYPE,
        responses=ERROR_RESPONSES,
    )
    async def report_xlsx(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        unit: Annotated[str | None, QueryParameter(description="Mã đơn vị")] = None,
        plan: Annotated[str | None, QueryParameter(description="Mã số hoặc khóa kế hoạch")] = None,
        from_: Annotated[dt.date | None, QueryParameter(name="from", description="Từ ngày")] = None,
        to: Annotated[dt.date | None, QueryParameter(description="Đến ngày")] = None,
        as_of: Annotated[dt.datetime | None, QueryParameter(description="Tính đến lúc")] = None,
        by: Annotated[str, QueryParameter(description="Bảng theo: " + ", ".join(BY))] = "unit",
    ) -> Response[bytes]:
        document = await _document(viewer, settings, now, unit, plan, from_, to, as_of, by)
        return _download(render_xlsx(document), XLSX_TYPE, report_filename(document, "xlsx"))


def _moment(as_of: dt.datetime | None, now: dt.datetime, settings: Settings) -> dt.datetime:
    """``as_of`` (local time when it has no offset), or now."""
    if as_of is None:
        return now.astimezone(settings.tz)
    check_moment(as_of)
    return as_of if as_of.tzinfo else as_of.replace(tzinfo=settings.tz)


def _window(
    start: dt.date | None, end: dt.date | None, moment: dt.datetime, settings: Settings
) -> tuple[dt.date, dt.date]:
    """The period counted: what was asked, else the year of ``moment`` (local time)."""
    year = moment.astimezone(settings.tz).year
    return start or dt.date(year, 1, 1), end or dt.date(year, 12, 31)


def _check_by(by: str) -> None:
    if by not in BY:
        raise ValidationError(f"Cách nhóm '{by}' không có; chọn một trong {', '.join(BY)}.")


async def _plan_ids(plan: str | None, viewer: Scope) -> list[int] | None:
    return [(await find_plan(plan, viewer))["id"]] if plan else None


async def _document(
    viewer: Scope, settings: Settings, now: dt.datetime, unit: str | None, plan: str | None,
    start: dt.date | None, end: dt.date | None, as_of: dt.datetime | None, by: str,
) -> ComplianceDocument:  # fmt: skip
    """What a downloaded report shows: the same scope, period and counts as
    ``GET /api/compliance`` with the same parameters."""
    _check_by(by)
    moment = _moment(as_of, now, settings)
    start, end = _window(start, end, moment, settings)
    scope, path = await _scope_unit(unit, viewer)
    return await gather_report(
        unit_path=path, scope_name=scope.name, start=start, end=end, as_of=moment, tz=settings.tz, calendar=load_work_calendar(settings.calendars_dir),
        by=by, plan_ids=await _plan_ids(plan, viewer),
    )  # fmt: skip


def _download(content: bytes, media_type: str, filename: str) -> Response[bytes]:
    """A file to save, named in Vietnamese for browsers that read ``filename*`` and in
    plain ASCII for those that do not."""
    ascii_name = re.sub(r"[^A-Za-z0-9.]+", "-", fold(filename)).strip("-")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return Response(content=content, media_type=media_type,
                    headers={"Content-Disposition": disposition})  # fmt: skip
