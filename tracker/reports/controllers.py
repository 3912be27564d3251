"""HTTP API of the compliance counts: ``GET /api/compliance``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import QueryParameter

from tracker.config import Settings
from tracker.errors import ERROR_RESPONSES, NotFoundError, ValidationError
from tracker.org.guards import readable
from tracker.org.scope import Scope
from tracker.org.services import visible_unit
from tracker.plans.services import find_plan
from tracker.reports.compliance import BY, count_compliance
from tracker.reports.schemas import ComplianceOut, ComplianceRow, ScopeRef, Totals

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
        if by not in BY:
            raise ValidationError(f"Cách nhóm '{by}' không có; chọn một trong {', '.join(BY)}.")
        moment = as_of if as_of and as_of.tzinfo else (as_of or now).replace(tzinfo=settings.tz)
        year = moment.astimezone(settings.tz).year
        start, end = from_ or dt.date(year, 1, 1), to or dt.date(year, 12, 31)
        scope, path = await _scope_unit(unit, viewer)
        plan_ids = [(await find_plan(plan, viewer))["id"]] if plan else None
        report = await count_compliance(
            unit_path=path, start=start, end=end, as_of=moment,
            tz=settings.tz, by=by, plan_ids=plan_ids,
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
