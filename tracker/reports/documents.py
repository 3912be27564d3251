"""The compliance report that goes upward, as a Word document (Nghị định 30/2020/NĐ-CP,
Phụ lục I), filled from the Word template ``templates/compliance.docx`` with docxtpl.

:func:`gather_report` asks the database once for everything a report shows (the counts,
the overdue list, who issues and signs it); :func:`render_docx` fills the template, and
:mod:`tracker.reports.workbook` writes the same tables as a workbook. An office changes
the wording in Word; the fields it may use are those of :meth:`ComplianceDocument.context`:

``issuer``, ``issuer_upper``, ``place``, ``day``, ``month``, ``year``, ``date``
    who issues the report ("UBND xã Đại Sơn"), where and when ("Đại Sơn", "05", "12",
    "2026"; "05/12/2026");
``subject``, ``start``, ``end``, ``as_of``
    the subject line, the period (dd/mm/yyyy) and the moment the numbers are taken at;
``t``
    the totals, written the Vietnamese way: ``total``, ``due``, ``done``,
    ``done_on_time``, ``done_late``, ``not_done``, ``pending``, ``overdue``,
    ``done_rate``, ``on_time_rate`` ("98,62%"), and ``due_count`` (a number, for tests);
``groups``
    the overdue work by lead unit: ``name``, ``count`` (deadlines overdue) and
    ``entries``, one per task however many of its deadlines are overdue: ``task``,
    ``plan``, ``count``, ``several`` (more than one deadline), ``first`` and ``last``
    (the first and last overdue dates; with its time when there is one deadline),
    ``dues`` (every date, in a row), and of the one late longest ``days_late``,
    ``working_days_late`` and ``escalated_to``; ``show_plans`` when more than one plan
    is counted;
``rows``, ``by_label``, ``by_name``, ``by_name_upper``
    the appendix table (``stt``, ``name`` and the counts as in ``t``) and what a row is;
``recipients``, ``chairman``
    "Nơi nhận" and the chairman's name (empty when unknown).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from docxtpl import DocxTemplate

from tracker.org.documents import ADMINISTRATIVE_KINDS
from tracker.org.tables import Membership, Unit
from tracker.plans.tables import Plan
from tracker.reports.compliance import Counts, Report, count_compliance
from tracker.reports.overdue import OverdueItem, check_moment, list_overdue
from tracker.schedule.workdays import WorkCalendar
from tracker.vn import (
    format_date,
    format_datetime,
    format_number,
    format_percent,
    format_time,
    has_number,
)

__all__ = [
    "BY_LABELS",
    "DOCX_TYPE",
    "TEMPLATE",
    "ComplianceDocument",
    "Issuer",
    "gather_report",
    "place_name",
    "render_docx",
    "report_filename",
]

TEMPLATE = Path(__file__).with_name("templates") / "compliance.docx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# What a row of the appendix is, by grouping: its column header, and its name in a sentence.
BY_LABELS: dict[str, tuple[str, str]] = {
    "unit": ("Đơn vị", "đơn vị"),
    "plan": ("Kế hoạch", "kế hoạch"),
    "commune": ("Xã, phường", "xã, phường"),
    "task": ("Nhiệm vụ", "nhiệm vụ"),
    "month": ("Tháng", "tháng"),
    "week": ("Tuần", "tuần"),
}

# "UBND xã Đại Sơn" -> "Đại Sơn": the body and the kind of place come off.
_PLACE = re.compile(
    r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+"
    r"(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s+",
    re.IGNORECASE,
)


def place_name(name: str) -> str:
    """The short name of a commune or province for the date line: "UBND xã Đại Sơn" is
    "Đại Sơn", "UBND thành phố Hải Phòng" is "Hải Phòng"."""
    return _PLACE.sub("", name).strip()


@dataclass(frozen=True)
class Issuer:
    """Who issues the report: the commune (or district, province, city) at or above the
    unit counted; the one above it, which receives it; and the chairman who signs."""

    name: str = ""
    place: str = ""
    parent: str = ""
    chairman: str = ""


@dataclass(frozen=True)
class ComplianceDocument:
    """Everything a report shows, in one place for the Word and the Excel writers."""

    scope_name: str
    issuer: Issuer
    report: Report
    overdue: list[OverdueItem]
    tz: ZoneInfo
    by: str = "unit"
    plan_title: str = ""
    plan_number: str = ""
    extra_recipients: list[str] = field(default_factory=list)

    @property
    def totals(self) -> Counts:
        return self.report.totals

    @property
    def as_of_local(self) -> dt.datetime:
        return self.report.as_of.astimezone(self.tz)

    @property
    def subject(self) -> str:
        period = f"từ ngày {format_date(self.report.start)} đến ngày {format_date(self.report.end)}"
        if self.plan_title:
            number = f"số {self.plan_number} " if has_number(self.plan_number) else ""
            title = self.plan_title[:1].lower() + self.plan_title[1:]
            return f"Tình hình thực hiện nhiệm vụ theo Kế hoạch {number}về {title} {period}"
        return f"Tình hình thực hiện nhiệm vụ {period}"

    def overdue_by_lead(self) -> list[tuple[str, list[OverdueItem]]]:
        """The overdue items by lead unit, the units with the most first, each unit's
        worst first."""
        groups: dict[str, list[OverdueItem]] = defaultdict(list)
        for item in self.overdue:
            groups[item.lead_name or "Chưa rõ đơn vị chủ trì"].append(item)
        return sorted(groups.items(), key=lambda pair: (-len(pair[1]), pair[0]))

    def context(self) -> dict[str, Any]:
        """The fields of the Word template (see the module's description)."""
        day = self.as_of_local.date()
        label, name = BY_LABELS.get(self.by, BY_LABELS["unit"])
        issuer = self.issuer.name or self.scope_name
        return {
            "issuer": issuer,
            "issuer_upper": issuer.upper(),
            "place": self.issuer.place or place_name(issuer),
            # Nghị định 30: a day below 10 and the months 1 and 2 take a leading zero.
            "day": f"{day.day:02d}",
            "month": f"{day.month:02d}" if day.month < 3 else str(day.month),
            "year": str(day.year),
            "date": format_date(day),
            "subject": self.subject,
            "start": format_date(self.report.start),
            "end": format_date(self.report.end),
            "as_of": format_datetime(self.as_of_local, with_weekday=False),
            "t": _counts(self.totals),
            "by_label": label,
            "by_name": name,
            "by_name_upper": name.upper(),
            "rows": [
                {"stt": str(i), "name": row.name, **_counts(row.counts)}
                for i, row in enumerate(self.report.rows, start=1)
            ],
            "groups": [
                {
                    "name": lead,
                    "count": format_number(len(items)),
                    "entries": _entries(items),
                }
                for lead, items in self.overdue_by_lead()
            ],
            "show_plans": len({i.plan_key for i in self.overdue}) > 1,
            "recipients": [p for p in (self.issuer.parent, *self.extra_recipients) if p],
            "chairman": self.issuer.chairman,
        }


def _counts(counts: Counts) -> dict[str, Any]:
    return {
        "total": format_number(counts.total),
        "due": format_number(counts.due),
        "due_count": counts.due,
        "done": format_number(counts.done_on_time + counts.done_late),
        "done_on_time": format_number(counts.done_on_time),
        "done_late": format_number(counts.done_late),
        "not_done": format_number(counts.pending + counts.overdue),
        "pending": format_number(counts.pending),
        "overdue": format_number(counts.overdue),
        "done_rate": format_percent(counts.done_rate),
        "on_time_rate": format_percent(counts.on_time_rate),
    }


def _entries(items: list[OverdueItem]) -> list[dict[str, Any]]:
    """A unit's overdue work, one entry per task (a weekly report late twelve times is one
    line: "12 hạn quá hạn, từ 08/01/2026 đến 26/11/2026"), the task late longest first."""
    tasks: dict[int, list[OverdueItem]] = defaultdict(list)
    for item in items:
        tasks[item.task_id].append(item)
    entries = []
    for late in tasks.values():
        worst = max(late, key=lambda i: (i.working_days_late, i.days_late))
        dues = sorted(late, key=_due_key)
        several = len(late) > 1
        entries.append(
            {
                "task": worst.task.rstrip(" .;:"),
                "plan": worst.plan_title or worst.plan_key,
                "count": format_number(len(late)),
                "several": several,
                "first": _short_due(dues[0].due, with_time=not several),
                "last": _short_due(dues[-1].due, with_time=not several),
                "dues": ", ".join(_short_due(i.due) for i in dues),
                "days_late": format_number(worst.days_late),
                "working_days_late": format_number(worst.working_days_late),
                "escalated_to": worst.escalated_to or "",
                "occurrences": [i.occurrence for i in late],
            }
        )
    return entries


def _due_key(item: OverdueItem) -> dt.datetime:
    due = item.due
    if isinstance(due, dt.datetime):
        return due.replace(tzinfo=None)
    return dt.datetime.combine(due, dt.time.max)


def _short_due(due: dt.date | dt.datetime, *, with_time: bool = True) -> str:
    if isinstance(due, dt.datetime):
        if not with_time:
            return format_date(due.date())
        return f"{format_date(due.date())} {format_time(due.time())}"
    return format_date(due)


def render_docx(document: ComplianceDocument, template: Path = TEMPLATE) -> bytes:
    """The report as a .docx file's bytes."""
    word = DocxTemplate(str(template))
    word.render(document.context(), autoescape=True)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def report_filename(document: ComplianceDocument, suffix: str) -> str:
    """The file's name, in Vietnamese: "Báo cáo tình hình thực hiện - Đại Sơn -
    05-12-2026.docx"."""
    place = document.issuer.place or place_name(document.scope_name) or "toan-bo"
    day = document.as_of_local.date()
    return f"Báo cáo tình hình thực hiện - {place} - {day:%d-%m-%Y}.{suffix}"


# --------------------------------------------------------------------------- gathering


async def gather_report(
    *,
    unit_path: str,
    scope_name: str,
    start: dt.date,
    end: dt.date,
    as_of: dt.datetime,
    tz: ZoneInfo,
    calendar: WorkCalendar,
    by: str = "unit",
    plan_ids: list[int] | None = None,
) -> ComplianceDocument:
    """The counts, the overdue work of the same period and scope, and who issues the
    report of the unit at ``unit_path``."""
    check_moment(as_of)
    report = await count_compliance(
        unit_path=unit_path, start=start, end=end, as_of=as_of, tz=tz, by=by, plan_ids=plan_ids
    )
    overdue = await list_overdue(
        unit_path=unit_path, as_of=as_of, tz=tz, calendar=calendar,
        plan_ids=plan_ids, start=start, end=end,
    )  # fmt: skip
    plan = {"title": "", "number": ""}
    if plan_ids is not None and len(plan_ids) == 1:
        found = await Plan.select(Plan.title, Plan.number).where(Plan.id == plan_ids[0]).first()
        plan = found or plan
    return ComplianceDocument(
        scope_name=scope_name,
        issuer=await issuer_of(unit_path),
        report=report,
        overdue=overdue,
        tz=tz,
        by=by,
        plan_title=str(plan["title"] or ""),
        plan_number=str(plan["number"] or ""),
    )


async def issuer_of(unit_path: str) -> Issuer:
    """The administrative unit at or above ``unit_path`` (a commune, district, province
    or city), the one above it, and its chairman: the person with the role of chairman
    who heads it."""
    codes = [c for c in unit_path.strip("/").split("/") if c]
    if not codes:
        return Issuer()
    units = {
        u["code"]: u
        for u in await Unit.select(Unit.id, Unit.code, Unit.name, Unit.kind).where(
            Unit.code.is_in(codes)
        )
    }
    chain = [
        units[c] for c in reversed(codes) if c in units and units[c]["kind"] in ADMINISTRATIVE_KINDS
    ]
    if not chain:
        return Issuer()
    own = chain[0]
    chairman = (
        await Membership.select(Membership.person.name.as_alias("name"))
        .where(
            (Membership.unit == own["id"])
            & (Membership.is_head == True)  # noqa: E712
            & (Membership.person.role == "chairman")
            & (Membership.person.active == True)  # noqa: E712
        )
        .order_by(Membership.person.name)
        .first()
    )
    return Issuer(
        name=own["name"],
        place=place_name(own["name"]),
        parent=chain[1]["name"] if len(chain) > 1 else "",
        chairman=chairman["name"] if chairman else "",
    )
