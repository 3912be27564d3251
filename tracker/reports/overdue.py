"""The overdue list: at a moment ``as_of``, the deadlines not done whose working deadline
has passed, worst first, with how late each is (calendar and working days) and whom the
reminder ladder has reported it to by then.

The items are what :func:`tracker.reports.compliance.count_compliance` counts as
``overdue`` for the same scope, plans and period: one SQL query finds them, with the
lead unit joined as the counts join it. Who has been told follows the ladder's rule
(:mod:`tracker.deadlines.escalation`): the head of the lead unit (the nearest head above
a unit with none; a group's members' heads), then the chairman of the plan's commune.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from tracker import db
from tracker.deadlines.escalation import escalation_at, working_days_late_each
from tracker.deadlines.moments import END_OF_DAY, day_end, working_deadline_sql
from tracker.deadlines.tables import Occurrence
from tracker.errors import ValidationError
from tracker.org.tables import GroupMember, Membership
from tracker.reports.compliance import bind, group_sql, moment
from tracker.schedule.workdays import WorkCalendar
from tracker.vn import format_date

__all__ = ["MAX_LIMIT", "OverdueItem", "check_moment", "list_overdue"]

MAX_LIMIT = 10_000
# The moments a report may be taken at: the years of the plans (plans.documents.plan_year).
YEARS = range(1990, 2101)


def check_moment(as_of: dt.datetime) -> None:
    """Refuse a moment no plan lives in (year 1 or 9999), before any date arithmetic."""
    if as_of.year not in YEARS:
        raise ValidationError(
            f"Thời điểm tính (as_of) {as_of.isoformat()} phải thuộc các năm "
            f"{YEARS.start}–{YEARS.stop - 1}."
        )


@dataclass(frozen=True)
class OverdueItem:
    occurrence: int
    task_id: int
    task: str
    plan_key: str
    plan_title: str
    lead_code: str | None
    lead_name: str | None
    due: dt.date | dt.datetime  # the working deadline: a day, or a local moment
    days_late: int
    working_days_late: int
    escalated_to: str | None


async def list_overdue(
    *,
    unit_path: str,
    as_of: dt.datetime,
    tz: ZoneInfo,
    calendar: WorkCalendar,
    plan_ids: list[int] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    limit: int | None = None,
) -> list[OverdueItem]:
    """The overdue deadlines at ``as_of`` of non-draft plans issued at or below
    ``unit_path`` (of ``plan_ids`` only, when given; whose working deadline falls in
    ``[start, end]``, when given), the longest overdue first, at most ``limit``."""
    check_moment(as_of)
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(f"Số dòng tối đa (limit={limit}) phải từ 1 đến {MAX_LIMIT}.")
    if start is not None and end is not None and end < start:
        raise ValidationError(
            f"Khoảng thời gian từ {format_date(start)} đến {format_date(end)} không hợp lệ."
        )
    # The working deadline as it stood at ``as_of`` (an extension approved later not yet).
    deadline = working_deadline_sql("{as_of}", "o")
    _, _, lead_join = group_sql("unit", tz, as_of)
    where = [
        "o.status != 'cancelled'",
        "p.status != 'draft'",
        "p.deleted_at IS NULL",
        "pu.path LIKE {prefix}",
        "NOT (o.status = 'done' AND o.completed_at <= {as_of})",
        f"{deadline} <= {{as_of}}",
    ]
    values: dict[str, Any] = {"as_of": moment(as_of), "prefix": unit_path + "%"}
    if start is not None:
        where.append(f"{deadline} >= {{since}}")
        values["since"] = moment(dt.datetime.combine(start, dt.time(0), tzinfo=tz))
    if end is not None:
        where.append(f"{deadline} <= {{until}}")
        values["until"] = moment(day_end(end, tz))
    if plan_ids is not None:
        where.append(f"o.plan IN ({', '.join(str(int(i)) for i in plan_ids) or '0'})")
    sql = f"""
        SELECT o.id AS occurrence, o.task AS task_id, t.content AS task, p.key AS plan_key,
          p.title AS plan_title, pu.path AS plan_path, pu.name AS plan_unit,
          lu.id AS lead_id, lu.code AS lead_code, lu.name AS lead_name, lu.path AS lead_path,
          lu.kind AS lead_kind, {deadline} AS deadline
        FROM occurrence o
        JOIN plan p ON p.id = o.plan
        JOIN unit pu ON pu.id = p.unit
        JOIN task t ON t.id = o.task
        {lead_join}
        WHERE {" AND ".join(where)}
        ORDER BY {deadline}, o.id
        {f"LIMIT {int(limit)}" if limit is not None else ""}
    """
    rows = await db.sorting_read(Occurrence, *bind(sql, values))
    told = await _Told.load(rows, unit_path)
    deadlines = [_instant(row["deadline"], tz) for row in rows]
    lateness = working_days_late_each(calendar, deadlines, as_of, tz)
    items = []
    for row, when, late in zip(rows, deadlines, lateness, strict=True):
        due = _shown(when, tz)
        day = due.date() if isinstance(due, dt.datetime) else due
        items.append(
            OverdueItem(
                occurrence=int(row["occurrence"]),
                task_id=int(row["task_id"]),
                task=str(row["task"] or ""),
                plan_key=str(row["plan_key"]),
                plan_title=str(row["plan_title"] or ""),
                lead_code=row["lead_code"],
                lead_name=row["lead_name"],
                due=due,
                days_late=max(0, (as_of.astimezone(tz).date() - day).days),
                working_days_late=late,
                escalated_to=told.name(row, late),
            )
        )
    # The query's order (earliest deadline first) is already worst first; equal
    # lateness keeps it.
    items.sort(key=lambda item: -item.working_days_late)
    return items


def _instant(value: Any, tz: ZoneInfo) -> dt.datetime:
    """A timestamp as the database returns it: PostgreSQL an aware datetime, SQLite
    (for an expression) its text."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    assert isinstance(value, dt.datetime)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _shown(deadline: dt.datetime, tz: ZoneInfo) -> dt.date | dt.datetime:
    """A deadline as people read it: the day, when it lasts to the end of a day; else the
    local moment."""
    local = deadline.astimezone(tz)
    return local.date() if local.time() == END_OF_DAY else local


@dataclass
class _Told:
    """The people an escalation reaches: heads of units (by unit code) and chairmen (with
    the path of a unit they belong to), loaded once for a whole list."""

    heads: dict[str, list[str]]
    chairmen: list[tuple[str, str]]
    groups: dict[int, list[str]]

    @classmethod
    async def load(cls, rows: Iterable[dict[str, Any]], unit_path: str) -> _Told:
        rows = list(rows)
        groups: dict[int, list[str]] = defaultdict(list)
        group_ids = sorted({r["lead_id"] for r in rows if r["lead_kind"] == "group"})
        if group_ids:
            for g in await GroupMember.select(
                GroupMember.group, GroupMember.member.path.as_alias("path")
            ).where(GroupMember.group.is_in(group_ids)):
                groups[g["group"]].append(g["path"])
        paths = [r["lead_path"] for r in rows if r["lead_path"]]
        paths += [p for members in groups.values() for p in members]
        codes = sorted({code for path in paths for code in path.strip("/").split("/") if code})
        heads: dict[str, list[str]] = defaultdict(list)
        if codes:
            for h in await Membership.select(
                Membership.unit.code.as_alias("code"),
                Membership.person.name.as_alias("name"),
                Membership.person.title.as_alias("title"),
            ).where(
                (Membership.is_head == True)  # noqa: E712
                & (Membership.person.active == True)  # noqa: E712
                & Membership.unit.code.is_in(codes)
            ):
                heads[h["code"]].append(_person(h["name"], h["title"]))
        chairmen = [
            (_person(c["name"], c["title"]), c["path"])
            for c in await Membership.select(
                Membership.person.name.as_alias("name"),
                Membership.person.title.as_alias("title"),
                Membership.unit.path.as_alias("path"),
            ).where(
                (Membership.person.role == "chairman")
                & (Membership.person.active == True)  # noqa: E712
                & Membership.unit.path.like(unit_path + "%")
            )
        ]
        return cls(heads=dict(heads), chairmen=chairmen, groups=dict(groups))

    def name(self, row: dict[str, Any], late: int) -> str | None:
        """Whom the ladder has told of this late work by now, by name and title; the
        office's title when nobody holds it; None before the first escalation."""
        reached = escalation_at(late)
        if reached == "chairman":
            found = sorted(
                {who for who, path in self.chairmen if path.startswith(row["plan_path"])}
            )
            return "; ".join(found) or f"Chủ tịch {row['plan_unit']}"
        if reached == "head" and row["lead_id"] is not None:
            paths = self.groups.get(row["lead_id"]) or [row["lead_path"]]
            found = sorted({who for path in paths for who in self._nearest_head(path)})
            return "; ".join(found) or f"Người đứng đầu {row['lead_name']}"
        return None

    def _nearest_head(self, path: str) -> list[str]:
        codes = [code for code in path.strip("/").split("/") if code]
        for code in reversed(codes):
            if self.heads.get(code):
                return self.heads[code]
        return []


def _person(name: str, title: str | None) -> str:
    return f"{name} ({title})" if title else name
