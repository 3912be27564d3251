"""The page "Tình hình thực hiện" (``/compliance``): the four buckets of a commune,
district, province or city over a period, its units ranked by overdue work, its plans,
its communes side by side, a trend by month, and the lists behind the numbers.

Counting is the reports area's (one SQL aggregation per question); this module chooses
what to ask for, in what order to show it, and draws the trend as plain SVG."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromQuery, QueryParameter
from litestar.response import Template

from tracker.config import Settings
from tracker.deadlines.extensions import list_extensions
from tracker.deadlines.moments import day_end
from tracker.deadlines.read import OccurrenceView, read_occurrences, with_ids
from tracker.errors import NotFoundError, ValidationError
from tracker.org.guards import readable
from tracker.org.scope import Scope
from tracker.org.services import area_choices, unit_names_by_id, visible_unit
from tracker.plans.services import list_plans, plan_parents
from tracker.reports.compliance import Counts, Row, bucket_members, count_compliance
from tracker.reports.overdue import list_overdue
from tracker.reports.periods import PERIODS, Period, period_of
from tracker.schedule.calendars import load_work_calendar
from tracker.vn import parse_day

__all__ = ["CompliancePageController", "TrendBar", "trend_bars"]

# How the communes side by side may be ordered: the key, and whether the largest first.
SORTS: dict[str, tuple[str, bool]] = {
    "overdue": ("Quá hạn nhiều nhất", True),
    "on_time_rate": ("Tỷ lệ đúng hạn thấp nhất", False),
    "due": ("Nhiều hạn đến hạn nhất", True),
    "name": ("Tên", False),
}

# The colours and words of the four buckets, in the order they are stacked.
STACK = (
    ("done_on_time", "Hoàn thành đúng hạn"),
    ("done_late", "Hoàn thành quá hạn"),
    ("pending", "Chưa đến hạn"),
    ("overdue", "Quá hạn, chưa hoàn thành"),
)


@dataclass(frozen=True)
class Area:
    """Whose work is counted: a unit with the path below which plans are counted."""

    code: str
    name: str
    kind: str
    path: str


@dataclass(frozen=True)
class TrendBar:
    """One month of the trend: where its bar stands and its stacked parts (bucket, y, height)."""

    label: str
    x: float
    width: float
    total: int
    parts: tuple[tuple[str, float, float, int], ...]


LIST_SHOWN = 500  # the deadlines behind one number, at most
OVERDUE_SHOWN = 50  # the worst ones; the reports list them all
CHART_HEIGHT = 180.0
CHART_WIDTH = 720.0


def trend_bars(rows: list[Row], start: dt.date, end: dt.date) -> list[TrendBar]:
    """One bar per month from ``start`` to ``end`` (months without deadlines stay empty),
    scaled to the busiest month, each stacked in the order of :data:`STACK`."""
    by_month = {row.key: row.counts for row in rows}
    months: list[tuple[str, str]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((f"{year:04d}-{month:02d}", f"{month:02d}/{year % 100:02d}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    peak = max((by_month[key].total for key, _ in months if key in by_month), default=0) or 1
    slot = CHART_WIDTH / max(len(months), 1)
    bars = []
    for index, (key, label) in enumerate(months):
        counts = by_month.get(key, Counts())
        y = CHART_HEIGHT
        parts = []
        for name, _ in STACK:
            value = getattr(counts, name)
            height = CHART_HEIGHT * value / peak
            y -= height
            parts.append((name, round(y, 2), round(height, 2), value))
        bars.append(
            TrendBar(
                label=label,
                x=round(index * slot + slot * 0.15, 2),
                width=round(slot * 0.7, 2),
                total=counts.total,
                parts=tuple(parts),
            )
        )
    return bars


async def _area(code: str | None, viewer: Scope) -> Area:
    """The unit asked for if the caller sees it, else the caller's own commune, district or
    province; the whole tree for the system and public reading."""
    if not code:
        if viewer.paths is None:
            return Area(code="", name="Tất cả đơn vị", kind="all", path="/")
        if not viewer.paths:
            raise NotFoundError("Bạn chưa thuộc đơn vị nào để xem tình hình thực hiện.")
        code = viewer.paths[0].strip("/").split("/")[-1]
    unit = await visible_unit(code, viewer)
    return Area(code=unit["code"], name=unit["name"], kind=unit["kind"], path=str(unit["path"]))


def _ranked(rows: list[Row]) -> list[Row]:
    """Units worst first: most overdue, then the lowest on-time rate, then by name."""
    return sorted(
        rows,
        key=lambda r: (
            -r.counts.overdue,
            r.counts.on_time_rate if r.counts.on_time_rate is not None else 2.0,
            r.name,
        ),
    )


def _sorted(rows: list[Row], sort: str) -> list[Row]:
    if sort == "name":
        return sorted(rows, key=lambda r: r.name)
    largest_first = SORTS[sort][1]

    def value(row: Row) -> float:
        raw = row.counts.on_time_rate if sort == "on_time_rate" else getattr(row.counts, sort)
        if raw is None:  # nothing due: after every commune with a rate
            return float("inf")
        return -float(raw) if largest_first else float(raw)

    return sorted(rows, key=lambda r: (value(r), r.name))


def _day(text: str | None, what: str) -> dt.date | None:
    """A day from a form field: "2026-06-30" (a date input) or "30/06/2026"; empty is none."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return parse_day(text)
    except ValueError:
        raise ValidationError(
            f"{what} '{text[:40]}' không phải một ngày (viết dd/mm/yyyy, ví dụ 30/06/2026)."
        ) from None


def _moment(as_of: dt.date | None, now: dt.datetime, settings: Settings) -> dt.datetime:
    """As of the end of the day asked for; today (or no day) is now."""
    if as_of is None or as_of >= now.astimezone(settings.tz).date():
        return now
    return day_end(as_of, settings.tz)


class CompliancePageController(Controller):
    include_in_schema = False

    @get("/compliance", guards=[readable])
    async def compliance(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        unit: FromQuery[str | None] = None,
        plan: FromQuery[str | None] = None,
        period: FromQuery[str] = "year",
        from_: Annotated[str | None, QueryParameter(name="from")] = None,
        to_: Annotated[str | None, QueryParameter(name="to")] = None,
        as_of_: Annotated[str | None, QueryParameter(name="as_of")] = None,
        sort: FromQuery[str] = "overdue",
        bucket: FromQuery[str | None] = None,
        lead: FromQuery[str | None] = None,
    ) -> Template:
        start, end = _day(from_, "Từ ngày"), _day(to_, "Đến ngày")
        as_of = _day(as_of_, "Tính đến ngày")
        if sort not in SORTS:
            raise ValidationError(
                f"Không sắp xếp được theo '{sort}'; chọn một trong {', '.join(SORTS)}."
            )
        moment = _moment(as_of, now, settings)
        day = moment.astimezone(settings.tz).date()
        chosen = period_of(period, day, start, end)
        area = await _area(unit, viewer)
        plans = await list_plans(viewer)
        plan_ids = None
        if plan:
            picked = [p for p in plans if plan in (p.key, p.number)]
            if not picked:
                raise NotFoundError(f"Không có kế hoạch '{plan}' (hoặc bạn không có quyền xem).")
            plan_ids = [picked[0].id]

        async def count(by: str, over: Period = chosen) -> list[Row]:
            report = await count_compliance(
                unit_path=area.path, start=over.start, end=over.end, as_of=moment,
                tz=settings.tz, by=by, plan_ids=plan_ids,
            )  # fmt: skip
            return report.rows

        units = await count("unit")
        totals = sum((r.counts for r in units), Counts())
        communes = [] if area.kind == "commune" else _sorted(await count("commune"), sort)
        plan_rows = await count("plan")
        # The trend covers the period when it spans months, else the year around it.
        over = chosen if chosen.months > 1 else period_of("year", day)
        trend = trend_bars(await count("month", over), over.start, over.end)
        overdue = await list_overdue(
            unit_path=area.path, as_of=moment, tz=settings.tz,
            calendar=load_work_calendar(settings.calendars_dir), plan_ids=plan_ids,
            start=chosen.start, end=chosen.end, limit=OVERDUE_SHOWN + 1,
        )  # fmt: skip
        report_query = {
            "unit": area.code or None,
            "plan": plan,
            "from": chosen.start.isoformat(),
            "to": chosen.end.isoformat(),
            "as_of": moment.isoformat() if moment < now else None,
        }
        downloads = {
            kind: f"/api/compliance/report.{kind}?"
            + urlencode({k: v for k, v in report_query.items() if v})
            for kind in ("docx", "xlsx")
        }
        query = {
            "unit": area.code or None,
            "plan": plan,
            "period": chosen.key,
            "from": chosen.start.isoformat() if chosen.key == "custom" else None,
            "to": chosen.end.isoformat() if chosen.key == "custom" else None,
            "as_of": as_of.isoformat() if as_of else None,
        }
        behind: list[OccurrenceView] = []
        if bucket:
            ids = await bucket_members(
                unit_path=area.path, start=chosen.start, end=chosen.end, as_of=moment,
                tz=settings.tz, bucket=bucket, plan_ids=plan_ids, lead=lead, limit=LIST_SHOWN,
            )  # fmt: skip
            behind = await read_occurrences(with_ids(ids), tz=settings.tz, now=moment)
        # Above a commune the list says whose each deadline is: the communes' copies of
        # one plan read alike.
        issuers: dict[int, str] = {}
        if area.kind != "commune":
            issuers = await unit_names_by_id(v.plan_unit_id for v in behind)
        waiting = await list_extensions(
            viewer, tz=settings.tz, now=now, state="requested", waiting_for=viewer
        )
        # An empty period (a new year before its plans are in) points to the years whose
        # plans the area has, each as a whole year counted today.
        year_links: list[tuple[int, str]] = []
        if not totals.total:
            other_years = sorted(
                {
                    p.year
                    for p in plans
                    if p.unit_path.startswith(area.path)
                    and (plan_ids is None or p.id in plan_ids)
                    and not (p.period_start <= chosen.end and p.period_end >= chosen.start)
                },
                reverse=True,
            )[:5]
            whole_year = {"period": "custom", "as_of": None}
            year_links = [
                (y, _link(query, {**whole_year, "from": f"{y}-01-01", "to": f"{y}-12-31"}))
                for y in other_years
            ]
        context: dict[str, Any] = {
            "other_years": year_links,
            "bucket": bucket,
            "lead": lead,
            "behind": behind,
            "issuers": issuers,
            "list_shown": LIST_SHOWN,
            "unit_names": {r.key: r.name for r in units},
            "waiting": [w for w in waiting if w.plan_path.startswith(area.path)],
            "viewer": viewer,
            "area": area,
            "areas": await area_choices(viewer),
            "plans": plans,
            "plan": plan or "",
            "periods": PERIODS,
            "period": chosen,
            "as_of": moment.astimezone(settings.tz),
            "as_of_day": as_of,
            "past": moment < now,
            "totals": totals,
            "stack": STACK,
            "units": _ranked(units),
            "communes": communes,
            "sorts": SORTS,
            "sort": sort,
            "plan_rows": _nested(plan_rows, await plan_parents([r.key for r in plan_rows])),
            "trend": trend,
            "overdue": overdue[:OVERDUE_SHOWN],
            "more_overdue": len(overdue) > OVERDUE_SHOWN,
            "downloads": downloads,
            "trend_period": over,
            "chart": {"width": CHART_WIDTH, "height": CHART_HEIGHT},
            "link": lambda **changes: _link(query, changes),
        }
        return Template("compliance.html", context=context)


def _link(query: dict[str, Any], changes: dict[str, Any]) -> str:
    """This page's address with some of its parameters changed (``None`` drops one)."""
    merged = {**query, **changes}
    shown = {k: v for k, v in merged.items() if v not in (None, "")}
    return "/compliance?" + urlencode(shown) if shown else "/compliance"


def _nested(rows: list[Row], parents: dict[str, str | None]) -> list[tuple[Row, int]]:
    """Plans with the plans that implement them right below them (depth 1), the others in
    their order; a plan whose parent is not counted here stands on its own."""
    counted = {row.key for row in rows}
    children: dict[str, list[Row]] = {}
    tops = []
    for row in rows:
        parent = parents.get(row.key)
        if parent and parent in counted:
            children.setdefault(parent, []).append(row)
        else:
            tops.append(row)
    out: list[tuple[Row, int]] = []
    for row in tops:
        out.append((row, 0))
        out.extend((child, 1) for child in children.get(row.key, []))
    return out
