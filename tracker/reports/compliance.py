"""Compliance counts as the state's reports give them: of the deadlines whose working
deadline falls in a period, how many were done on time, done late, are still within
their deadline, or are overdue, at a moment ``as_of``; grouped by lead unit, plan,
commune, task, month or week.

One SQL aggregation answers each question (a GROUP BY, never a loop over rows). Work
completed after ``as_of`` counts as not done at ``as_of``. Cancelled deadlines are not
counted; continuous tasks have none. The working deadline is the one that stood at
``as_of`` (:func:`tracker.deadlines.moments.working_deadline_sql`): the approved extension
if any, else the original, but an extension approved after ``as_of`` is not yet applied.
Work done by the extended deadline is on time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, astuple, dataclass, field, fields
from typing import Any
from zoneinfo import ZoneInfo

from tracker import db
from tracker.deadlines.moments import day_end, extended_after_sql, working_deadline_sql
from tracker.deadlines.tables import Occurrence
from tracker.errors import ValidationError
from tracker.vn import format_date

__all__ = [
    "BY",
    "Counts",
    "Report",
    "bucket_members",
    "compliance_query",
    "count_compliance",
]

BY = ("unit", "plan", "commune", "task", "month", "week")

_NO_LEAD = "Chưa rõ đơn vị chủ trì"
# The working deadline of occurrence "o" as it stood at the moment bound to "{as_of}".
_DEADLINE = working_deadline_sql("{as_of}", "o")


@dataclass(frozen=True)
class Counts:
    """The four buckets, with what the rates need: of the deadlines passed by ``as_of``
    (``due``), how many were done, and done on time."""

    total: int = 0
    due: int = 0
    done_on_time: int = 0
    done_late: int = 0
    pending: int = 0
    overdue: int = 0
    due_done: int = 0
    due_done_on_time: int = 0

    @property
    def done_rate(self) -> float | None:
        return round(self.due_done / self.due, 4) if self.due else None

    @property
    def on_time_rate(self) -> float | None:
        return round(self.due_done_on_time / self.due, 4) if self.due else None

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def as_dict(self) -> dict[str, Any]:
        """What the API shows: the buckets and the rates, not the rates' numerators."""
        shown = {k: v for k, v in asdict(self).items() if not k.startswith("due_")}
        return {**shown, "done_rate": self.done_rate, "on_time_rate": self.on_time_rate}


@dataclass(frozen=True)
class Row:
    key: str
    name: str
    counts: Counts


@dataclass(frozen=True)
class Report:
    as_of: dt.datetime
    start: dt.date
    end: dt.date
    rows: list[Row] = field(default_factory=list)

    @property
    def totals(self) -> Counts:
        out = Counts()
        for row in self.rows:
            out = out + row.counts
        return out


def _moment(value: dt.datetime) -> Any:
    """A moment as the database compares it: SQLite keeps UTC text (``str`` of the
    datetime: microseconds when there are any), PostgreSQL instants. Written with its
    microseconds, so that text compares as the instants do, within the second too: a
    completion or an approval at 10:00:02.3 is before "now" at 10:00:02.6."""
    if db.is_postgres():
        return value
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f+00:00")


def _group(by: str, tz: ZoneInfo, as_of: dt.datetime) -> tuple[str, str, str]:
    """The SQL of a row's key and name, and the joins they need."""
    first_lead = (
        "SELECT tu.unit FROM task_unit tu WHERE tu.task = o.task"
        " AND tu.role = 'lead' ORDER BY tu.position, tu.id LIMIT 1"
    )
    if by == "unit" and db.is_postgres():
        # Once per deadline: as a join key, PostgreSQL ran the lookup twice for each (in
        # the hash and again in its check), 425,088 times for the country's year.
        return (
            "lu.code",
            "lu.name",
            (
                f"LEFT JOIN LATERAL ({first_lead}) fl ON TRUE"
                " LEFT JOIN unit lu ON lu.id = COALESCE(o.assignee, fl.unit)"
            ),
        )
    if by == "unit":
        return (
            "lu.code",
            "lu.name",
            f"LEFT JOIN unit lu ON lu.id = COALESCE(o.assignee, ({first_lead}))",
        )
    if by == "plan":
        return "p.key", "p.title", ""
    if by == "commune":
        return "pu.code", "pu.name", ""
    if by == "task":
        return "CAST(o.task AS TEXT)", "t.content", "JOIN task t ON t.id = o.task"
    local = _local(tz, as_of)
    if by == "month":
        if db.is_postgres():
            month = f"to_char({local}, 'YYYY-MM')"
        else:
            month = f"strftime('%Y-%m', {local})"
        return month, month, ""
    if by == "week":
        if db.is_postgres():
            week = f"to_char(date_trunc('week', {local}), 'YYYY-MM-DD')"
        else:
            week = f"date({local}, 'weekday 0', '-6 days')"
        return week, week, ""
    raise ValidationError(f"Cách nhóm '{by}' không có; chọn một trong {', '.join(BY)}.")


def _local(tz: ZoneInfo, as_of: dt.datetime) -> str:
    """The working deadline at ``as_of`` in local time, in SQL. Vietnam keeps one offset
    all year."""
    if db.is_postgres():
        return f"({_DEADLINE} AT TIME ZONE '{tz.key}')"
    offset = as_of.astimezone(tz).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    return f"datetime({_DEADLINE}, '{minutes:+d} minutes')"


# The parts of a bucket, at the moment ``{as_of}``, in SQL over occurrence ``o``.
BUCKET_SQL = {
    "done": "(o.status = 'done' AND o.completed_at <= {as_of})",
    "passed": f"({_DEADLINE} <= {{as_of}})",
    "late": f"(o.completed_at > {_DEADLINE})",
}
_IS = {
    "done_on_time": "{done} AND NOT {late}",
    "done_late": "{done} AND {late}",
    "pending": "NOT {done} AND NOT {passed}",
    "overdue": "NOT {done} AND {passed}",
}


def _window(
    unit_path: str,
    start: dt.date,
    end: dt.date,
    as_of: dt.datetime,
    tz: ZoneInfo,
    plan_ids: list[int] | None,
) -> tuple[list[str], dict[str, Any]]:
    """The deadlines counted: of plans issued at or below ``unit_path`` (of ``plan_ids``
    only, when given), not cancelled, whose working deadline at ``as_of`` falls in
    ``[start, end]``; the conditions and the values they are bound to."""
    if end < start:
        raise ValidationError(
            f"Khoảng thời gian từ {format_date(start)} đến {format_date(end)} không hợp lệ."
        )
    where = [
        "o.status != 'cancelled'",
        "p.status != 'draft'",
        "p.deleted_at IS NULL",
        # The stored deadline's range finds nearly all of them through its index; the
        # few an extension approved since has moved are added by id.
        f"((o.deadline_at >= {{since}} AND o.deadline_at <= {{until}}) OR {extended_after_sql()})",
        f"{_DEADLINE} >= {{since}}",
        f"{_DEADLINE} <= {{until}}",
        # The plans in scope first: a city's few plans are then found by index on
        # (plan, deadline_at), not by reading the whole country's deadlines of the period.
        "o.plan IN (SELECT sp.id FROM plan sp JOIN unit su ON su.id = sp.unit"
        " WHERE su.path LIKE {prefix})",
    ]
    if plan_ids is not None:
        where.append(f"o.plan IN ({', '.join(str(int(i)) for i in plan_ids) or '0'})")
    # Unit codes hold no LIKE wildcards (checked when units are read).
    values = {
        "as_of": _moment(as_of),
        "since": _moment(dt.datetime.combine(start, dt.time(0), tzinfo=tz)),
        "until": _moment(day_end(end, tz)),
        "prefix": unit_path + "%",
    }
    return where, values


async def bucket_members(
    *,
    unit_path: str,
    start: dt.date,
    end: dt.date,
    as_of: dt.datetime,
    tz: ZoneInfo,
    bucket: str,
    plan_ids: list[int] | None = None,
    lead: str | None = None,
    limit: int = 500,
) -> list[int]:
    """The occurrences behind one number of :func:`count_compliance` (the same window and
    conditions): those in ``bucket`` at ``as_of``, of the lead unit with code ``lead``
    when given ("" for those without one), by working deadline, at most ``limit``."""
    if bucket not in _IS:
        raise ValidationError(f"Không có nhóm '{bucket}'; chọn một trong {', '.join(_IS)}.")
    where, values = _window(unit_path, start, end, as_of, tz, plan_ids)
    where.append(_IS[bucket].format(**BUCKET_SQL))
    _, _, join = _group("unit", tz, as_of)
    if lead is not None:
        where.append("lu.code = {lead}" if lead else "lu.code IS NULL")
        if lead:
            values["lead"] = lead
    sql = f"""
        SELECT o.id AS id FROM occurrence o
        JOIN plan p ON p.id = o.plan
        JOIN unit pu ON pu.id = p.unit
        {join}
        WHERE {" AND ".join(where)}
        ORDER BY {_DEADLINE}, o.id
        LIMIT {int(limit)}
    """
    return [int(r["id"]) for r in await db.sorting_read(Occurrence, *_bind(sql, values))]


async def count_compliance(
    *,
    unit_path: str,
    start: dt.date,
    end: dt.date,
    as_of: dt.datetime,
    tz: ZoneInfo,
    by: str = "unit",
    plan_ids: list[int] | None = None,
) -> Report:
    """The counts at ``as_of`` of the deadlines of plans issued at or below ``unit_path``
    whose working deadline falls in ``[start, end]`` (local days), one row per group."""
    query = compliance_query(
        unit_path=unit_path, start=start, end=end, as_of=as_of, tz=tz, by=by, plan_ids=plan_ids
    )
    rows = await db.sorting_read(Occurrence, *query)
    return Report(
        as_of=as_of,
        start=start,
        end=end,
        rows=[
            Row(
                key=str(r["key"]) if r["key"] is not None else "",
                name=_row_name(by, r),
                counts=Counts(*(int(r[f.name] or 0) for f in fields(Counts))),
            )
            for r in rows
        ],
    )


def compliance_query(
    *,
    unit_path: str,
    start: dt.date,
    end: dt.date,
    as_of: dt.datetime,
    tz: ZoneInfo,
    by: str = "unit",
    plan_ids: list[int] | None = None,
) -> tuple[Any, ...]:
    """The one aggregation :func:`count_compliance` runs, as Piccolo's raw query text
    and its values (the benchmark asks the database how it plans it)."""
    key, name, join = _group(by, tz, as_of)
    where, values = _window(unit_path, start, end, as_of, tz, plan_ids)
    done, passed, late = BUCKET_SQL["done"], BUCKET_SQL["passed"], BUCKET_SQL["late"]

    def when(condition: str) -> str:
        return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"

    # Grouped by position: a month or week key holds the as-of moment as a bound value, and
    # PostgreSQL would take it in GROUP BY (another parameter) for another expression.
    sql = f"""
        SELECT {key} AS key, MIN({name}) AS name, COUNT(*) AS total,
          {when(passed)} AS due,
          {when(f"{done} AND NOT {late}")} AS done_on_time,
          {when(f"{done} AND {late}")} AS done_late,
          {when(f"NOT {done} AND NOT {passed}")} AS pending,
          {when(f"NOT {done} AND {passed}")} AS overdue,
          {when(f"{done} AND {passed}")} AS due_done,
          {when(f"{done} AND NOT {late} AND {passed}")} AS due_done_on_time
        FROM occurrence o
        JOIN plan p ON p.id = o.plan
        JOIN unit pu ON pu.id = p.unit
        {join}
        WHERE {" AND ".join(where)}
        GROUP BY 1
        ORDER BY 1
    """
    return _bind(sql, values)


def _bind(sql: str, values: dict[str, Any]) -> tuple[Any, ...]:
    """The query with its named "{name}" slots as Piccolo's positional "{}", and the
    values in their order."""
    parts = re.split(r"\{(" + "|".join(values) + r")\}", sql)
    text = "".join("{}" if i % 2 else part for i, part in enumerate(parts))
    return (text, *(values[name] for name in parts[1::2]))


def _row_name(by: str, row: dict[str, Any]) -> str:
    if by == "unit" and row["key"] is None:
        return _NO_LEAD
    if by == "week" and row["key"]:
        return f"Tuần từ {format_date(dt.date.fromisoformat(str(row['key'])))}"
    if by == "month" and row["key"]:
        year, month = str(row["key"]).split("-")
        return f"Tháng {int(month):02d}/{year}"
    return str(row["name"] or "")


# Public names for the other report modules (the overdue list, the documents): the same
# binding of named values, the same moments, the same lead-unit join as the counts.
bind = _bind
moment = _moment
group_sql = _group
