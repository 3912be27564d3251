"""The compliance counts: the SQL aggregation gives, for every grouping, what the buckets
of the occurrence read model give one occurrence at a time; totals are the sum of the
rows; work completed after the moment of the report counts as not done at that moment,
and an extension approved after it is not yet applied."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import TZ
from tracker.config import Settings
from tracker.deadlines.extensions import approve_extension, refuse_extension, request_extension
from tracker.deadlines.read import OccurrenceView, in_plans, not_cancelled, read_occurrences
from tracker.deadlines.tables import Occurrence
from tracker.org.scope import Scope
from tracker.org.tables import Unit
from tracker.plans.services import units_by_task
from tracker.plans.tables import Plan
from tracker.reports.compliance import BY, Counts, count_compliance

AS_OF = dt.datetime(2026, 6, 30, 17, 0, tzinfo=TZ)
START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
DAI_SON = "/hai-phong/hai-phong.dai-son/"


def bucket_at(view: OccurrenceView, as_of: dt.datetime) -> str:
    """The bucket as the state counts it at ``as_of``, one occurrence at a time."""
    done = view.stored_status == "done" and view.completed_at is not None
    done = done and view.completed_at <= as_of  # type: ignore[operator]
    if done:
        return "done_late" if view.completed_at > view.deadline else "done_on_time"  # type: ignore[operator]
    return "overdue" if view.deadline <= as_of else "pending"


async def _work(tz: ZoneInfo) -> list[OccurrenceView]:
    """Đại Sơn's deadlines with work recorded: on time, late, and after the report."""
    plan = await Plan.select(Plan.id).where(Plan.key == "dai-son-2026").first()
    views = await read_occurrences(in_plans([plan["id"]]), not_cancelled(), tz=tz, now=AS_OF)
    passed = [v for v in views if v.deadline < AS_OF - dt.timedelta(days=3)]
    assert len(passed) > 6
    cases = [
        (passed[0], passed[0].deadline - dt.timedelta(days=1)),  # on time
        (passed[1], passed[1].deadline + dt.timedelta(days=2)),  # late
        (passed[2], passed[2].deadline),  # at the very deadline: on time
        (passed[3], AS_OF + dt.timedelta(days=1)),  # done after the report: overdue then
        (passed[4], passed[4].deadline + dt.timedelta(seconds=1)),  # one second late
    ]
    for view, when in cases:
        await Occurrence.update({Occurrence.status: "done", Occurrence.completed_at: when}).where(
            Occurrence.id == view.id
        )
    return await read_occurrences(in_plans([plan["id"]]), not_cancelled(), tz=tz, now=AS_OF)


async def _group_keys(views: list[OccurrenceView], by: str) -> dict[int, str]:
    units = {r["id"]: r["code"] for r in await Unit.select(Unit.id, Unit.code)}
    leads = await units_by_task([v.task_id for v in views])
    keys: dict[int, str] = {}
    for v in views:
        local = v.deadline
        if by == "unit":
            first = leads.get(v.task_id, {}).get("lead", [])
            keys[v.id] = (
                units[v.assignee_id] if v.assignee_id else (first[0]["code"] if first else "")
            )
        elif by == "plan":
            keys[v.id] = v.plan_key
        elif by == "commune":
            keys[v.id] = units[v.plan_unit_id]
        elif by == "task":
            keys[v.id] = str(v.task_id)
        elif by == "month":
            keys[v.id] = local.strftime("%Y-%m")
        else:
            keys[v.id] = (local.date() - dt.timedelta(days=local.weekday())).isoformat()
    return keys


@pytest.mark.parametrize("by", BY)
async def test_the_counts_equal_the_buckets_of_each_deadline(seeded_rw: Settings, by: str) -> None:
    views = await _work(seeded_rw.tz)
    keys = await _group_keys(views, by)
    expected: dict[str, Counter[str]] = defaultdict(Counter)
    for view in views:
        if START <= view.deadline.date() <= END:
            expected[keys[view.id]][bucket_at(view, AS_OF)] += 1
            expected[keys[view.id]]["due"] += view.deadline <= AS_OF
    report = await count_compliance(
        unit_path=DAI_SON, start=START, end=END, as_of=AS_OF, tz=seeded_rw.tz, by=by
    )
    got = {
        row.key: {k: v for k, v in row.counts.as_dict().items() if isinstance(v, int) and v}
        for row in report.rows
    }
    want = {
        key: {k: v for k, v in counts.items() if v} | {"total": sum(
            counts[b] for b in ("done_on_time", "done_late", "pending", "overdue")
        )}
        for key, counts in expected.items()
    }  # fmt: skip
    assert got == want
    assert report.totals.total == sum(row.counts.total for row in report.rows)
    assert report.totals.done_on_time == 2  # done early, and done at the very deadline
    assert report.totals.done_late == 2  # two days late, and one second late


async def test_work_done_after_the_report_counts_as_overdue_then(seeded_rw: Settings) -> None:
    await _work(seeded_rw.tz)
    before = await count_compliance(
        unit_path=DAI_SON, start=START, end=END, as_of=AS_OF, tz=seeded_rw.tz, by="plan"
    )
    after = await count_compliance(
        unit_path=DAI_SON, start=START, end=END, as_of=AS_OF + dt.timedelta(days=2),
        tz=seeded_rw.tz, by="plan",
    )  # fmt: skip
    # The work done a day after the first report is late in the second, overdue in the first.
    assert after.totals.done_late == before.totals.done_late + 1


def test_the_rates_are_of_the_deadlines_passed() -> None:
    counts = Counts(total=10, due=8, done_on_time=5, done_late=2, pending=2, overdue=1,
                    due_done=7, due_done_on_time=5)  # fmt: skip
    assert counts.done_rate == 0.875
    assert counts.on_time_rate == 0.625
    assert Counts().done_rate is None
    assert (counts + counts).total == 20


async def test_a_commune_counts_only_its_own_plans(seeded_rw: Settings) -> None:
    report = await count_compliance(
        unit_path=DAI_SON, start=dt.date(2020, 1, 1), end=END, as_of=AS_OF, tz=seeded_rw.tz,
        by="plan",
    )  # fmt: skip
    assert [row.key for row in report.rows] == ["dai-son-2026"]
    everything = await count_compliance(
        unit_path="/", start=dt.date(2020, 1, 1), end=END, as_of=AS_OF, tz=seeded_rw.tz,
        by="commune",
    )  # fmt: skip
    assert len(everything.rows) == 5
    assert everything.totals.total == sum(r.counts.total for r in everything.rows)


# --------------------------------------------------------------------------- extensions

# The report due 10/09/2026 (Đại Sơn's plan, II.9): one deadline, the only one of its task.
D = dt.datetime(2026, 9, 10, 23, 59, 59, tzinfo=TZ)
SEPTEMBER = (dt.date(2026, 9, 1), dt.date(2026, 9, 30))
LOOKAHEAD = dt.timedelta(days=21)
SECOND = 1 / 86400  # in days

# Each extension: (its new day, days after D; decided, days after D; approved or refused).
# Then: done, days after D (None: not done); the report's moment, days after D; the window
# (None: the year); the bucket the deadline is counted in then (None: not counted).
# fmt: off
EXTENSION_CASES = [
    ("extended then done by the new date is on time", [(20, -5, True)], 15, 30, None, "done_on_time"),
    ("extended then done after the new date is late", [(20, -5, True)], 22, 30, None, "done_late"),
    ("before a late approval the old deadline had passed", [(20, 3, True)], None, 1, None, "overdue"),
    ("after the late approval it is within its new deadline", [(20, 3, True)], None, 4, None, "pending"),
    ("a refused extension leaves the deadline as it was", [(20, -5, False)], None, 1, None, "overdue"),
    ("a second extension replays to the first before it", [(10, -5, True), (20, 16, True)], None, 15, None, "overdue"),
    ("and to the second after it", [(10, -5, True), (20, 16, True)], None, 17, None, "pending"),
    ("before an approval that moves it out of the window, it is in", [(25, 3, True)], None, 1, SEPTEMBER, "overdue"),
    ("after that approval it is out of the window", [(25, 3, True)], None, 4, SEPTEMBER, None),
    ("an approval moving it into the window brings it in", [(25, 3, True)], None, 4, (dt.date(2026, 10, 1), dt.date(2026, 10, 31)), "pending"),
    # Within one second: a completion or an approval at .3 is before a report at .6
    # (SQLite compares the moments as text), and an approval at .6 is after one at .3.
    ("done a fraction of a second before the report", [], SECOND * 0.3, SECOND * 0.6, None, "done_late"),
    ("approved a fraction of a second before the report", [(20, 3 + SECOND * 0.3, True)], None, 3 + SECOND * 0.6, None, "pending"),
    ("approved a fraction of a second after the report", [(20, 3 + SECOND * 0.6, True)], None, 3 + SECOND * 0.3, None, "overdue"),
]
# fmt: on


async def _decide(
    occurrence: int, new_day: int, decided: float, approved: bool, tz: ZoneInfo
) -> None:
    when = D + dt.timedelta(days=decided)
    scope = Scope.system()
    asked = await request_extension(
        occurrence, D.date() + dt.timedelta(days=new_day), None, "Chờ số liệu của cấp trên",
        scope=scope, tz=tz, now=when - dt.timedelta(hours=1),
    )  # fmt: skip
    if approved:
        await approve_extension(asked.id, "", scope=scope, tz=tz, now=when, lookahead=LOOKAHEAD)
    else:
        await refuse_extension(asked.id, "Không có lý do chính đáng", scope=scope, tz=tz, now=when)


@pytest.mark.parametrize(
    ("extensions", "done", "as_of", "window", "expected"),
    [case[1:] for case in EXTENSION_CASES],
    ids=[case[0] for case in EXTENSION_CASES],
)
async def test_an_extension_counts_from_its_approval(
    seeded_rw: Settings,
    extensions: list[tuple[int, float, bool]],
    done: float | None,
    as_of: float,
    window: tuple[dt.date, dt.date] | None,
    expected: str | None,
) -> None:
    tz = seeded_rw.tz
    row = await Occurrence.select(Occurrence.id, Occurrence.task, Occurrence.deadline_at).where(
        (Occurrence.plan.key == "dai-son-2026") & (Occurrence.key == "bao-cao")
    ).first()  # fmt: skip
    assert row is not None
    assert row["deadline_at"] == D
    assert await Occurrence.count().where(Occurrence.task == row["task"]) == 1
    for new_day, decided, approved in extensions:
        await _decide(row["id"], new_day, decided, approved, tz)
    if done is not None:
        await Occurrence.update(
            {Occurrence.status: "done", Occurrence.completed_at: D + dt.timedelta(days=done)}
        ).where(Occurrence.id == row["id"])
    start, end = window or (START, END)
    report = await count_compliance(
        unit_path=DAI_SON, start=start, end=end, as_of=D + dt.timedelta(days=as_of), tz=tz,
        by="task",
    )  # fmt: skip
    [counted] = [r.counts for r in report.rows if r.key == str(row["task"])] or [None]
    buckets = ("done_on_time", "done_late", "pending", "overdue")
    got = None if counted is None else next(b for b in buckets if getattr(counted, b))
    assert got == expected
    if counted is not None:
        assert counted.total == 1
        assert counted.due == (expected in ("done_on_time", "done_late", "overdue"))
