"""Storing plans and materialising occurrences on a real database (SQLite, PostgreSQL):
re-expansion keeps completed work, events start relative deadlines, every change is in the
append-only audit log."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from tests.conftest import TZ
from tracker.audit import AuditEntry
from tracker.deadlines.services import Expander, materialize_plan
from tracker.deadlines.tables import Event, Occurrence
from tracker.notify.policy import LOOKAHEAD
from tracker.org.documents import UnitDoc
from tracker.org.services import sync_units
from tracker.plans.documents import PlanDoc, TaskDoc
from tracker.plans.services import store_plan
from tracker.plans.tables import Task
from tracker.schedule.rules import rules_from_dicts
from tracker.schedule.workdays import WorkCalendar

NOW = dt.datetime(2023, 3, 1, 9, 0, tzinfo=TZ)
ZONE = dt.timezone(dt.timedelta(hours=7))

UNITS = [
    UnitDoc(code="tinh", name="UBND tỉnh Thử", kind="province", parent=None, position=0),
    UnitDoc(code="tinh.xa", name="UBND xã Thử", kind="commune", parent="tinh", position=0),
    UnitDoc(
        code="tinh.xa.vp", name="Văn phòng UBND xã", kind="office", parent="tinh.xa", position=0
    ),
    UnitDoc(
        code="tinh.xa.tp", name="Công chức Tư pháp", kind="position", parent="tinh.xa", position=1
    ),
]


def task(key: str, schedule: list[dict[str, Any]], **extra: Any) -> TaskDoc:
    return TaskDoc(
        key=key,
        label=key,
        kind="task",
        content=f"Nhiệm vụ {key}",
        lead=("tinh.xa.vp",),
        coordinating=("tinh.xa.tp",),
        rules=tuple(rules_from_dicts(schedule, where=key)),
        **extra,
    )


def plan(*tasks: TaskDoc) -> PlanDoc:
    return PlanDoc(
        key="thu-2023",
        title="Kế hoạch thử",
        unit="tinh.xa",
        year=2023,
        period_start=dt.date(2023, 2, 28),
        period_end=dt.date(2023, 12, 31),
        number="1/KH-UBND",
        tasks=tasks,
    )


QUARTERLY = {"kind": "recurring", "rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=17"}


async def _store(doc: PlanDoc, calendar: WorkCalendar, now: dt.datetime = NOW) -> Any:
    return await store_plan(doc, deadlines=_expander(calendar), actor="test", now=now)


def _expander(calendar: WorkCalendar) -> Expander:
    return Expander(calendar, ZONE, LOOKAHEAD)  # type: ignore[arg-type]


async def _occurrences() -> dict[str, dict[str, Any]]:
    rows = await Occurrence.select(
        Occurrence.key, Occurrence.status, Occurrence.due_date, Occurrence.completed_at,
        Occurrence.assignee.code.as_alias("assignee"),
    )  # fmt: skip
    return {r["key"]: r for r in rows}


async def test_re_storing_after_a_schedule_edit_keeps_completed_occurrences(
    database: str, calendar: WorkCalendar
) -> None:
    await sync_units(UNITS)
    first = await _store(plan(task("1", [QUARTERLY])), calendar)
    assert first.occurrences.created == 4
    done_at = dt.datetime(2023, 3, 16, 10, 0, tzinfo=TZ)
    await Occurrence.update(status="done", completed_at=done_at).where(
        Occurrence.key == "r1:2023-Q1"
    )
    edited = {"kind": "recurring", "rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"}
    second = await _store(plan(task("1", [edited])), calendar)
    assert second.tasks.updated == 1
    assert (second.occurrences.created, second.occurrences.updated) == (0, 3)
    rows = await _occurrences()
    assert rows["r1:2023-Q1"]["status"] == "done"
    assert rows["r1:2023-Q1"]["due_date"] == dt.date(2023, 3, 17)  # as it was when done
    assert rows["r1:2023-Q1"]["completed_at"] == done_at
    assert [rows[f"r1:2023-Q{q}"]["due_date"] for q in (2, 3, 4)] == [
        dt.date(2023, 6, 20), dt.date(2023, 9, 20), dt.date(2023, 12, 20)
    ]  # fmt: skip
    third = await _store(plan(task("1", [edited])), calendar)
    assert not third.changed


async def test_a_revised_plan_drops_untouched_tasks_and_flags_ones_with_done_work(
    database: str, calendar: WorkCalendar
) -> None:
    await sync_units(UNITS)
    await _store(
        plan(task("1", [QUARTERLY]), task("2", [QUARTERLY]), task("3", [QUARTERLY])), calendar
    )
    await Occurrence.update(status="done", completed_at=NOW).where(
        Occurrence.task == (await Task.select(Task.id).where(Task.key == "2").first())["id"]  # type: ignore[index]
    )
    result = await _store(plan(task("1", [QUARTERLY])), calendar)
    assert result.tasks.removed == 1
    tasks = {r["key"]: r for r in await Task.select(Task.key, Task.review, Task.review_reason)}
    assert set(tasks) == {"1", "2"}
    assert tasks["2"]["review"] is True
    assert tasks["2"]["review_reason"] == (
        "Nhiệm vụ không còn trong văn bản kế hoạch nhưng đã có kết quả thực hiện."
    )


async def test_recorded_events_start_relative_occurrences(
    database: str, calendar: WorkCalendar
) -> None:
    await sync_units(UNITS)
    relative = {"kind": "relative", "event": "qd_cong_bo_tthc", "start_offset": 5, "offset": 7}
    result = await _store(plan(task("1", [relative])), calendar)
    assert result.occurrences.created == 0
    unit = await Event.raw("SELECT id FROM unit WHERE code = 'tinh'")
    await Event.insert(
        Event(kind="qd_cong_bo_tthc", occurred_on=dt.date(2023, 4, 20), unit=unit[0]["id"],
              reference="QĐ 500/QĐ-UBND", created_at=NOW),
        Event(kind="pakn_tiep_nhan", occurred_on=dt.date(2023, 4, 20), created_at=NOW),
    )  # fmt: skip
    counts = await materialize_plan(
        result.plan_id,
        expander=_expander(calendar),
        actor="test",
        now=NOW,
    )
    assert counts.created == 1
    [row] = await Occurrence.select(
        Occurrence.start_date, Occurrence.due_date, Occurrence.label, Occurrence.event
    )
    # 20/4 + 5 = 25/4; 20/4 + 7 = 27/4 (a Thursday, worked in 2023).
    assert (row["start_date"], row["due_date"]) == (dt.date(2023, 4, 25), dt.date(2023, 4, 27))
    assert row["label"] == "QĐ 500/QĐ-UBND (20/04/2023)"
    again = await materialize_plan(
        result.plan_id,
        expander=_expander(calendar),
        actor="test",
        now=NOW,
    )
    assert again.changed == 0


async def test_per_assignee_deadlines_are_stored_with_their_assignee(
    database: str, calendar: WorkCalendar
) -> None:
    await sync_units(UNITS)
    schedule = [
        {"kind": "deadline", "key": "xa", "due": "2023-03-10", "assignee": "tinh.xa"},
        {"kind": "deadline", "key": "tp", "due": "2023-03-15", "assignee": "tinh.xa.tp"},
    ]
    await _store(plan(task("1", schedule)), calendar)
    rows = await _occurrences()
    assert {k: (r["due_date"], r["assignee"]) for k, r in rows.items()} == {
        "xa": (dt.date(2023, 3, 10), "tinh.xa"),
        "tp": (dt.date(2023, 3, 15), "tinh.xa.tp"),
    }


async def test_timed_occurrences_store_their_instant_with_the_time_zone(
    database: str, calendar: WorkCalendar
) -> None:
    await sync_units(UNITS)
    weekly = {
        "kind": "recurring",
        "rrule": "FREQ=WEEKLY;BYDAY=TH",
        "start_time": "16:00",
        "due_time": "16:15",
    }
    await _store(plan(task("1", [weekly])), calendar)
    row = await Occurrence.select().where(Occurrence.key == "r1:2023-W10").first()
    assert row is not None
    assert row["start_at"] == dt.datetime(2023, 3, 9, 16, 0, tzinfo=ZONE)
    assert row["due_at"] == dt.datetime(2023, 3, 9, 16, 15, tzinfo=ZONE)
    assert row["deadline_at"] == row["due_at"]


async def test_every_change_is_in_the_audit_log_which_refuses_edits(
    database: str, calendar: WorkCalendar
) -> None:
    await sync_units(UNITS)
    await _store(plan(task("1", [QUARTERLY])), calendar)
    renamed = dataclasses.replace(task("1", [QUARTERLY]), content="Nhiệm vụ đã sửa")
    await _store(plan(renamed), calendar, now=NOW + dt.timedelta(days=1))
    entries = (
        await AuditEntry.select()
        .where(AuditEntry.entity == "task")
        .order_by(AuditEntry.id)
        .output(load_json=True)
    )
    assert [e["action"] for e in entries] == ["create", "update"]
    assert entries[1]["changes"] == {"content": ["Nhiệm vụ 1", "Nhiệm vụ đã sửa"]}
    assert entries[1]["actor"] == "test"
    creates = await AuditEntry.count().where(
        (AuditEntry.entity == "occurrence") & (AuditEntry.action == "create")
    )
    assert creates == 4
    with pytest.raises(Exception, match="audit_entry is append-only"):
        await AuditEntry.update(action="sửa").where(AuditEntry.id == entries[0]["id"])
    with pytest.raises(Exception, match="audit_entry is append-only"):
        await AuditEntry.delete().where(AuditEntry.id == entries[0]["id"])
    assert await AuditEntry.count().where(AuditEntry.entity == "task") == 2


async def test_a_task_rewritten_under_its_key_is_another_task_unless_edited_in_place(
    database: str, calendar: WorkCalendar
) -> None:
    """A re-import whose row 1 now says something else entirely keeps the old task and its
    done work apart (flagged, under a key marked old); an edit in the browser, which names
    the task it edits by its key, rewrites the same task."""
    await sync_units(UNITS)
    await _store(plan(task("1", [QUARTERLY])), calendar)
    old = await Task.select(Task.id).where(Task.key == "1").first()
    assert old is not None
    await Occurrence.update(status="done", completed_at=NOW).where(Occurrence.task == old["id"])
    rewritten = dataclasses.replace(task("1", [QUARTERLY]), content="Tổng kết phong trào thi đua")
    edited = await store_plan(
        plan(rewritten), deadlines=_expander(calendar), actor="test", now=NOW, find_moved=False
    )
    assert (edited.tasks.updated, edited.tasks.kept) == (1, 0)
    assert [r["id"] for r in await Task.select(Task.id)] == [old["id"]]
    other = dataclasses.replace(task("1", [QUARTERLY]), content="Kiểm tra việc niêm yết")
    result = await _store(plan(other), calendar)
    assert (result.tasks.created, result.tasks.kept) == (1, 1)
    rows = {r["key"]: r for r in await Task.select(Task.id, Task.key, Task.review)}
    assert rows[f"1 (cũ {old['id']})"]["id"] == old["id"]
    assert rows[f"1 (cũ {old['id']})"]["review"] is True
    assert rows["1"]["id"] != old["id"]
