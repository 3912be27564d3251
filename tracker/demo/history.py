"""A deterministic record of the work done on the demo plans' deadlines that have passed.

For every open deadline of a demo plan whose working deadline lies before ``now``, the
deadline's stable key (plan, task, occurrence) decides, through a hash and never a random
state, whether it was done on time (about 75 %), done late (about 12 %) or is still
overdue (about 13 %); when it was done (on time: a few working days before the deadline;
late: some working days after it; always within working hours); who did it (a member of
the lead unit, else the commune's officer); and what it produced, marked
"(dữ liệu minh họa)". Two fresh databases get the same history, and a second run at the
same moment changes nothing: only open deadlines that nobody has recorded work on are
looked at, and only those of demo plans (the seed plans, and the copies
:mod:`tracker.demo.communes` makes).

The choices are pure (:func:`fate`, :func:`completion_of`, :func:`extension_of`);
:func:`record_history` loads what they need and writes the result in bulk, a few hundred
deadlines per statement, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, TypeVar
from zoneinfo import ZoneInfo

from tracker import db
from tracker.audit import AuditLog
from tracker.config import Settings
from tracker.deadlines.moments import day_end
from tracker.deadlines.tables import Extension, Occurrence
from tracker.org.documents import load_yaml
from tracker.org.tables import GroupMember, Membership, Unit
from tracker.plans.tables import Plan, TaskUnit
from tracker.schedule.calendars import load_work_calendar
from tracker.schedule.workdays import WorkCalendar

__all__ = [
    "ACTOR",
    "COPY_MARK",
    "MARKER",
    "Completion",
    "ExtensionPick",
    "Fate",
    "HistoryReport",
    "PassedDeadline",
    "completion_of",
    "demo_plan_ids",
    "evidence_text",
    "extension_of",
    "fate",
    "record_history",
    "share",
]

MARKER = "(dữ liệu minh họa)"
ACTOR = "demo"
# A plan's ``source`` holds this key when tracker demo communes made it (its value: the
# key of the plan it copies).
COPY_MARK = "demo_copy_of"

ON_TIME_SHARE = 0.75
LATE_SHARE = 0.12  # the rest, about 13 %, stay overdue
# Of the late ones, those whose lead would have asked for (and got) an extension.
EXTENDED_SHARE_OF_LATE = 1 / 3
EXTENSION_WORKING_DAYS = 10

_DAYS_EARLY = (0, 0, 1, 1, 2, 3, 4)
_DAYS_LATE = (1, 1, 2, 2, 3, 4, 5, 6, 8)  # all within EXTENSION_WORKING_DAYS
# Minutes of the day an office works: 08:00–11:30 and 13:30–17:00, every five minutes.
_SLOTS = (*range(8 * 60, 11 * 60 + 31, 5), *range(13 * 60 + 30, 17 * 60 + 1, 5))
_MARGIN = dt.timedelta(minutes=15)  # work done "on time" comes at least this early
_BATCH = 500

_EXTENSION_REASONS = (
    "Cần thêm thời gian tổng hợp số liệu từ các bộ phận",
    "Chờ ý kiến của cơ quan cấp trên",
    "Cán bộ phụ trách được điều động tham gia nhiệm vụ đột xuất",
)

Fate = Literal["on_time", "late", "overdue"]
T = TypeVar("T")


def share(key: str, aspect: str) -> float:
    """A number in [0, 1) fixed by ``key`` and ``aspect``: the same on every machine and
    every run (SHA-256, not Python's salted ``hash``)."""
    digest = hashlib.sha256(f"{aspect}\x00{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _pick(key: str, aspect: str, options: Sequence[T]) -> T:
    return options[int(share(key, aspect) * len(options))]


def fate(key: str) -> Fate:
    """What became of the deadline with this stable key."""
    x = share(key, "fate")
    if x < ON_TIME_SHARE:
        return "on_time"
    if x < ON_TIME_SHARE + LATE_SHARE:
        return "late"
    return "overdue"


@dataclass(frozen=True)
class PassedDeadline:
    """What the history needs of one open deadline that has passed."""

    id: int
    key: str  # "plan/task/occurrence": stable across databases
    plan_id: int
    deadline: dt.datetime  # the working deadline
    start: dt.datetime | None  # when the work could start, if the plan says
    evidence: str
    people: tuple[int, ...] = ()  # who may have done it, in a stable order


@dataclass(frozen=True)
class Completion:
    id: int
    plan_id: int
    completed_at: dt.datetime
    completed_by: int | None
    evidence: str
    late: bool


@dataclass(frozen=True)
class ExtensionPick:
    """A demo deadline whose lead would have asked for an extension (gia hạn), approved
    the day before the original deadline. :func:`record_history` stores each pick as an
    approved extension, moving the occurrence's working deadline to ``extended_to``: the
    completion recorded for a picked deadline falls before it, so it counts as done on
    time."""

    occurrence_id: int
    original: dt.datetime
    extended_to: dt.date
    reason: str
    requested_at: dt.datetime
    decided_at: dt.datetime
    requested_by: int | None


def _at(day: dt.date, minutes: int, tz: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=tz)


def _doer(item: PassedDeadline) -> int | None:
    return _pick(item.key, "who", item.people) if item.people else None


def _on_time(item: PassedDeadline, calendar: WorkCalendar, tz: ZoneInfo) -> dt.datetime:
    deadline = item.deadline.astimezone(tz)
    back = _pick(item.key, "early", _DAYS_EARLY)
    day = deadline.date()
    day = calendar.add_working_days(day, -back) if back else calendar.previous_working_day(day)
    slots = [m for m in _SLOTS if _at(day, m, tz) <= deadline - _MARGIN]
    if not slots:  # a deadline early in the morning: the day before
        day, slots = calendar.add_working_days(day, -1), list(_SLOTS)
    moment = _at(day, _pick(item.key, "time", slots), tz)
    if item.start is not None and moment < item.start <= deadline:
        moment = _within(item, item.start.astimezone(tz), deadline, calendar, tz)
    return moment


def _within(
    item: PassedDeadline,
    start: dt.datetime,
    deadline: dt.datetime,
    calendar: WorkCalendar,
    tz: ZoneInfo,
) -> dt.datetime:
    """Work that has a window (a month, a meeting from 16:00 to 16:15) is done inside
    it: in working hours of its last working days when there are some, else at a moment
    of the window itself."""
    moments: list[dt.datetime] = []
    day = deadline.date()
    while day >= start.date() and len(moments) < 5 * len(_SLOTS):
        if calendar.is_working_day(day):
            moments += [
                at for m in _SLOTS if start <= (at := _at(day, m, tz)) <= deadline - _MARGIN
            ]
        day -= dt.timedelta(days=1)
    if moments:
        return _pick(item.key, "within", sorted(moments))
    within = (deadline - start) * share(item.key, "within")
    return (start + within).replace(second=0, microsecond=0)


def _late(item: PassedDeadline, calendar: WorkCalendar, tz: ZoneInfo) -> dt.datetime:
    days = _pick(item.key, "late", _DAYS_LATE)
    day = calendar.add_working_days(item.deadline.astimezone(tz).date(), days)
    return _at(day, _pick(item.key, "time", _SLOTS), tz)


def completion_of(
    item: PassedDeadline, *, now: dt.datetime, calendar: WorkCalendar, tz: ZoneInfo
) -> Completion | None:
    """The work recorded for ``item`` by ``now``, or None while it is still overdue (its
    fate, or late work whose day has not come yet)."""
    what = fate(item.key)
    if what == "overdue":
        return None
    moment = _on_time(item, calendar, tz) if what == "on_time" else _late(item, calendar, tz)
    if moment > now:
        return None
    return Completion(
        id=item.id,
        plan_id=item.plan_id,
        completed_at=moment,
        completed_by=_doer(item),
        evidence=item.evidence,
        late=moment > item.deadline,
    )


def extension_of(
    item: PassedDeadline, *, calendar: WorkCalendar, tz: ZoneInfo
) -> ExtensionPick | None:
    """The extension a late deadline's lead would have got, for about a third of them."""
    if fate(item.key) != "late" or share(item.key, "extended") >= EXTENDED_SHARE_OF_LATE:
        return None
    day = item.deadline.astimezone(tz).date()
    reason = _pick(item.key, "reason", _EXTENSION_REASONS)
    return ExtensionPick(
        occurrence_id=item.id,
        original=item.deadline,
        extended_to=calendar.add_working_days(day, EXTENSION_WORKING_DAYS),
        reason=f"{reason} {MARKER}",
        requested_at=_at(calendar.add_working_days(day, -2), 9 * 60, tz),
        decided_at=_at(calendar.add_working_days(day, -1), 14 * 60 + 30, tz),
        requested_by=_doer(item),
    )


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def evidence_text(output: str, label: str, content: str) -> str:
    """What the work produced, as a person would note it, marked as made up."""
    what = _short(re.sub(r"[\s.,;:…]+$", "", output.strip())) or "Đã thực hiện"
    whose = _short(label or content)
    return f"{what}: {whose} {MARKER}" if whose else f"{what} {MARKER}"


# --------------------------------------------------------------------------- writing


@dataclass
class HistoryReport:
    plans: int = 0
    looked_at: int = 0  # open deadlines of demo plans passed by now
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    # Stored as approved extensions (see ExtensionPick).
    extensions: list[ExtensionPick] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.on_time or self.late)

    def __str__(self) -> str:
        return (
            f"{self.looked_at} hạn đã qua chưa ghi kết quả ở {self.plans} kế hoạch mẫu: "
            f"{self.on_time} ghi hoàn thành đúng hạn, {self.late} hoàn thành quá hạn, "
            f"{self.overdue} để quá hạn"
        )


def seed_plan_keys(seeds_dir: Path) -> set[str]:
    """The keys of the seed plans (``seeds/plans/*.yaml``)."""
    keys = set()
    for path in sorted((seeds_dir / "plans").glob("*.yaml")):
        data = load_yaml(path)
        if isinstance(data, dict) and data.get("key"):
            keys.add(str(data["key"]))
    return keys


async def demo_plan_ids(seeds_dir: Path) -> list[int]:
    """The stored demo plans: the seed plans, and the copies tracker demo communes made."""
    keys = seed_plan_keys(seeds_dir)
    rows = await Plan.select(Plan.id, Plan.key, Plan.source).output(load_json=True)
    return sorted(
        r["id"]
        for r in rows
        if r["key"] in keys or (isinstance(r["source"], dict) and r["source"].get(COPY_MARK))
    )


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def _passed(plan_ids: Sequence[int], now: dt.datetime) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(plan_ids, _BATCH):
        rows += await Occurrence.select(
            Occurrence.id,
            Occurrence.key,
            Occurrence.label,
            Occurrence.task,
            Occurrence.plan,
            Occurrence.assignee,
            Occurrence.start_date,
            Occurrence.start_at,
            Occurrence.deadline_at,
            Occurrence.task.key.as_alias("task_key"),
            Occurrence.task.content.as_alias("content"),
            Occurrence.task.output.as_alias("output"),
            Occurrence.plan.key.as_alias("plan_key"),
            Occurrence.plan._.unit._.path.as_alias("plan_path"),
        ).where(
            Occurrence.plan.is_in(list(chunk))
            & (Occurrence.status == "open")
            & Occurrence.completed_at.is_null()
            & (Occurrence.deadline_at <= now)
        )
    return sorted(rows, key=lambda r: r["id"])


async def _first_leads(plan_ids: Sequence[int]) -> dict[int, int]:
    """Each task's first lead unit, as the compliance counts take it."""
    leads: dict[int, int] = {}
    for chunk in _chunks(plan_ids, _BATCH):
        rows = (
            await TaskUnit.select(TaskUnit.task, TaskUnit.unit)
            .where(TaskUnit.task._.plan.is_in(list(chunk)) & (TaskUnit.role == "lead"))
            .order_by(TaskUnit.position)
            .order_by(TaskUnit.id)
        )
        for row in rows:
            leads.setdefault(row["task"], row["unit"])
    return leads


def _prefixes(path: str) -> Iterator[str]:
    """ "/a/b/" → "/a/", "/a/b/"."""
    codes = [c for c in path.split("/") if c]
    for depth in range(1, len(codes) + 1):
        yield "/" + "/".join(codes[:depth]) + "/"


@dataclass
class _People:
    """Who belongs where: everyone at or below a unit's path, and the officers."""

    paths: dict[int, str]
    members: dict[int, list[int]]
    below: dict[str, set[tuple[str, int]]]
    officers: dict[str, set[tuple[str, int]]]

    @classmethod
    async def load(cls) -> _People:
        paths = {r["id"]: r["path"] for r in await Unit.select(Unit.id, Unit.path)}
        members: dict[int, list[int]] = {}
        for row in await GroupMember.select(GroupMember.group, GroupMember.member):
            members.setdefault(row["group"], []).append(row["member"])
        below: dict[str, set[tuple[str, int]]] = {}
        officers: dict[str, set[tuple[str, int]]] = {}
        rows = await Membership.select(
            Membership.person,
            Membership.person.email.as_alias("email"),
            Membership.person.role.as_alias("role"),
            Membership.unit._.path.as_alias("path"),
        ).where(Membership.person._.active == True)  # noqa: E712
        for row in rows:
            who = (row["email"], row["person"])
            for prefix in _prefixes(row["path"]):
                below.setdefault(prefix, set()).add(who)
                if row["role"] == "officer":
                    officers.setdefault(prefix, set()).add(who)
        return cls(paths, members, below, officers)

    def doers(self, lead: int | None, plan_path: str) -> tuple[int, ...]:
        """The people of the lead unit (of a group's member units), by e-mail; else the
        officers of the plan's commune."""
        units = [lead, *self.members.get(lead, [])] if lead is not None else []
        found = {who for u in units for who in self.below.get(self.paths.get(u, "?"), ())}
        if not found:
            found = set(self.officers.get(plan_path, ()))
        return tuple(person for _, person in sorted(found))


def _start(row: dict[str, Any], tz: ZoneInfo) -> dt.datetime | None:
    if row["start_at"] is not None:
        moment: dt.datetime = row["start_at"]
        return moment
    if row["start_date"] is not None:
        return dt.datetime.combine(row["start_date"], dt.time(0), tzinfo=tz)
    return None


async def record_history(
    settings: Settings, now: dt.datetime, *, plan_ids: Sequence[int] | None = None
) -> HistoryReport:
    """Record the demo history of the demo plans (only those among ``plan_ids`` when
    given) up to ``now``; see the module's docstring."""
    demo = await demo_plan_ids(settings.seeds_dir)
    ids = demo if plan_ids is None else sorted(set(demo) & set(plan_ids))
    tz = settings.tz
    calendar = load_work_calendar(settings.calendars_dir)
    rows = await _passed(ids, now)
    leads = await _first_leads(ids)
    people = await _People.load()
    report = HistoryReport(plans=len(ids), looked_at=len(rows))
    done: list[Completion] = []
    for row in rows:
        item = PassedDeadline(
            id=row["id"],
            key=f"{row['plan_key']}/{row['task_key']}/{row['key']}",
            plan_id=row["plan"],
            deadline=row["deadline_at"],
            start=_start(row, tz),
            evidence=evidence_text(row["output"], row["label"], row["content"]),
            people=people.doers(row["assignee"] or leads.get(row["task"]), row["plan_path"]),
        )
        completion = completion_of(item, now=now, calendar=calendar, tz=tz)
        pick = extension_of(item, calendar=calendar, tz=tz)
        if pick is not None and completion is not None:
            report.extensions.append(pick)
            # Done after the original deadline, but by the extended one: on time.
            completion = replace(completion, late=False)
        if completion is None:
            report.overdue += 1
        else:
            done.append(completion)
    report.late = sum(1 for c in done if c.late)
    report.on_time = len(done) - report.late
    await _write(done, now, report.extensions, tz)
    return report


async def _write(
    done: Sequence[Completion],
    now: dt.datetime,
    extensions: Sequence[ExtensionPick] = (),
    tz: ZoneInfo | None = None,
) -> None:
    """Grant the picked extensions, mark the work done, a batch of deadlines per
    statement, and note each in the audit log as the demo's doing; one transaction."""
    if not done:
        return
    audit = AuditLog(ACTOR, now)
    async with db.write_transaction():
        if extensions and tz is not None:
            await _grant(extensions, now, tz, audit)
        for batch in _chunks(done, _BATCH):
            await Occurrence.raw(*_update(batch, now))
        for c in done:
            audit.add(
                "occurrence", c.id, "complete",
                {"status": ["open", "done"], "completed_at": [None, c.completed_at],
                 "completed_by": [None, c.completed_by], "evidence": ["", c.evidence]},
                c.plan_id,
            )  # fmt: skip
        await audit.flush()


async def _grant(
    picks: Sequence[ExtensionPick], now: dt.datetime, tz: ZoneInfo, audit: AuditLog
) -> None:
    """Store each pick as an extension approved before its original deadline, and move the
    occurrence's working deadline to it (the original stays on record)."""
    rows = [
        Extension(
            occurrence=p.occurrence_id,
            requested_by=p.requested_by,
            requested_at=p.requested_at,
            due_date=p.extended_to,
            due_at=None,
            deadline_at=day_end(p.extended_to, tz),
            previous_deadline_at=p.original,
            reason=p.reason,
            state="approved",
            decided_by=None,
            decided_at=p.decided_at,
            decision_note=f"Đồng ý {MARKER}",
        )
        for p in picks
    ]
    for batch in _chunks(rows, _BATCH):
        await Extension.insert(*batch)
    for p in picks:
        await Occurrence.update(
            {
                Occurrence.extended_due_date: p.extended_to,
                Occurrence.extended_due_at: None,
                Occurrence.extension_reason: p.reason,
                Occurrence.deadline_at: day_end(p.extended_to, tz),
                Occurrence.sequence: Occurrence.sequence + 1,
                Occurrence.updated_at: now,
            }
        ).where(Occurrence.id == p.occurrence_id)
        audit.add(
            "occurrence", p.occurrence_id, "extend",
            {"extended_due_date": [None, p.extended_to], "reason": ["", p.reason]},
        )  # fmt: skip


def _update(batch: Sequence[Completion], now: dt.datetime) -> tuple[Any, ...]:
    """One UPDATE … FROM (VALUES …) for a batch: SQLite (3.33+) and PostgreSQL alike;
    PostgreSQL needs the values' types spelled out."""
    if db.is_postgres():
        row = "({}::integer, {}::timestamptz, {}::integer, {}::text)"
    else:
        row = "({}, {}, {}, {})"
    sql = (
        "WITH v(id, completed_at, completed_by, evidence) AS (VALUES "
        + ", ".join([row] * len(batch))
        + ") UPDATE occurrence SET status = 'done', completed_at = v.completed_at,"
        " completed_by = v.completed_by, evidence = v.evidence, updated_at = {},"
        " sequence = occurrence.sequence + 1"
        " FROM v WHERE occurrence.id = v.id AND occurrence.status = 'open'"
        " AND occurrence.completed_at IS NULL"
    )
    values = [x for c in batch for x in (c.id, c.completed_at, c.completed_by, c.evidence)]
    return (sql, *values, now)
