"""The demo history on the seeded database: the same on two fresh databases, in roughly
the shares asked for, marked, done by people of the lead unit, idempotent, and never on
a plan that is not demo data or on work a person has recorded."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BACKENDS, SEED_NOW, TZ, fresh_database, make_settings
from tracker.audit import AuditEntry
from tracker.config import Settings
from tracker.deadlines.progress import complete_occurrence
from tracker.deadlines.schemas import CompleteIn
from tracker.deadlines.tables import Extension, Occurrence
from tracker.demo.communes import add_communes, city_targets, load_template
from tracker.demo.history import MARKER, fate, record_history
from tracker.notify.services import expander_for
from tracker.org.scope import Scope
from tracker.org.tables import GroupMember, Membership, Unit
from tracker.plans.documents import read_plan
from tracker.plans.services import store_plan
from tracker.plans.tables import Plan, TaskUnit
from tracker.seeds import load_seeds, read_seed_set

NOW = dt.datetime(2026, 6, 30, 17, 0, tzinfo=TZ)
CLOSED = ("le-loi-2022", "doan-ket-2022", "kien-an-2023", "nhat-tan-2024")


async def completions() -> set[tuple[Any, ...]]:
    """What the history recorded, by keys that mean the same in every database."""
    rows = await Occurrence.select(
        Occurrence.plan.key.as_alias("plan"),
        Occurrence.task.key.as_alias("task"),
        Occurrence.key,
        Occurrence.completed_at,
        Occurrence.completed_by.email.as_alias("by"),
        Occurrence.evidence,
    ).where(Occurrence.status == "done")
    return {
        (r["plan"], r["task"], r["key"], r["completed_at"].astimezone(dt.UTC), r["by"], r["evidence"])
        for r in rows
    }  # fmt: skip


async def history_in(backend: str, folder: Path, template: Path, pg_url: str) -> set[Any]:
    folder.mkdir()
    url = await fresh_database(backend, folder, template, pg_url)
    settings = make_settings(folder, database_url=url)
    await load_seeds(read_seed_set(settings.seeds_dir), settings, SEED_NOW)
    targets = city_targets(load_template(settings, expander_for(settings)))[:2]
    await add_communes(settings, targets, NOW)
    await record_history(settings, NOW)
    return await completions()


@pytest.mark.parametrize("backend", BACKENDS)
async def test_two_fresh_databases_get_the_same_history(
    backend: str, tmp_path: Path, sqlite_template: Path, postgres_ready: str
) -> None:
    first = await history_in("sqlite", tmp_path / "a", sqlite_template, postgres_ready)
    second = await history_in(backend, tmp_path / "b", sqlite_template, postgres_ready)
    assert len(first) > 120
    assert first == second


async def test_the_history_comes_in_the_shares_asked_for_and_is_marked(
    seeded_rw: Settings,
) -> None:
    report = await record_history(seeded_rw, NOW)
    assert report.looked_at > 120
    assert report.on_time / report.looked_at == pytest.approx(0.75, abs=0.08)
    assert report.late / report.looked_at == pytest.approx(0.12, abs=0.06)
    assert report.overdue / report.looked_at == pytest.approx(0.13, abs=0.07)
    done = await completions()
    assert len(done) == report.on_time + report.late
    assert all(evidence.endswith(MARKER) for *_, evidence in done)
    actors = await AuditEntry.select(AuditEntry.actor).where(AuditEntry.action == "complete")
    assert {a["actor"] for a in actors} == {"demo"}
    assert len(actors) == len(done)


async def test_the_closed_plans_get_a_whole_year_of_history(seeded_rw: Settings) -> None:
    await record_history(seeded_rw, NOW)
    rows = await Occurrence.select(
        Occurrence.key, Occurrence.status, Occurrence.plan.key.as_alias("plan"),
        Occurrence.task.key.as_alias("task"),
    ).where(Occurrence.plan.key.is_in(list(CLOSED)) & (Occurrence.status != "cancelled"))  # fmt: skip
    assert {r["plan"] for r in rows} == set(CLOSED)
    for row in rows:
        key = f"{row['plan']}/{row['task']}/{row['key']}"
        # Years past: all that was to be done late has been done; only the overdue wait.
        assert (row["status"] == "done") == (fate(key) != "overdue"), key


async def test_work_is_done_by_a_person_of_the_unit_that_leads_it(seeded_rw: Settings) -> None:
    await record_history(seeded_rw, NOW)
    rows = await Occurrence.select(
        Occurrence.task, Occurrence.assignee, Occurrence.completed_by
    ).where((Occurrence.status == "done") & (Occurrence.plan.key == "dai-son-2026"))
    assert rows
    paths = {r["id"]: r["path"] for r in await Unit.select(Unit.id, Unit.path)}
    members: dict[int, set[int]] = {}
    for row in await GroupMember.select():
        members.setdefault(row["group"], set()).add(row["member"])
    for row in rows:
        leads = await TaskUnit.select(TaskUnit.unit).where(
            (TaskUnit.task == row["task"]) & (TaskUnit.role == "lead")
        ).order_by(TaskUnit.position)  # fmt: skip
        lead = row["assignee"] or leads[0]["unit"]
        lead_paths = [paths[u] for u in {lead, *members.get(lead, set())}]
        theirs = await Membership.select(Membership.unit).where(
            Membership.person == row["completed_by"]
        )
        assert any(paths[m["unit"]].startswith(p) for m in theirs for p in lead_paths), row


async def test_a_second_run_changes_nothing(seeded_rw: Settings) -> None:
    first = await record_history(seeded_rw, NOW)
    assert first.changed
    recorded, audited = await completions(), await AuditEntry.count()
    again = await record_history(seeded_rw, NOW)
    assert not again.changed
    assert again.looked_at == first.overdue
    assert await completions() == recorded
    assert await AuditEntry.count() == audited


async def test_plans_that_are_not_demo_data_and_recorded_work_are_never_touched(
    seeded_rw: Settings,
) -> None:
    """A plan someone imported (here Đại Sơn's under a key of its own), and a deadline of
    a demo plan a person has already marked done, stay as they were."""
    doc = read_plan(seeded_rw.seeds_dir / "plans" / "dai-son-2026.yaml")
    expander = expander_for(seeded_rw)
    own = await store_plan(
        dataclasses.replace(doc, key="dai-son-2026-rieng", number="7/KH-UBND"),
        deadlines=expander, actor="cli", now=SEED_NOW,
    )  # fmt: skip
    first = await Occurrence.select(Occurrence.id).where(
        (Occurrence.plan.key == "dai-son-2026") & (Occurrence.key == "tuan:2026-W10")
    ).first()  # fmt: skip
    assert first is not None
    work = CompleteIn(evidence="Biên bản giao ban tuần 10", completed_at=None)
    await complete_occurrence(
        first["id"], work, scope=Scope.system(), tz=seeded_rw.tz, now=dt.datetime(2026, 3, 6, 9, 0, tzinfo=TZ)
    )  # fmt: skip
    kept = await Occurrence.select().where(Occurrence.id == first["id"]).first()

    asked = await record_history(seeded_rw, NOW, plan_ids=[own.plan_id])
    assert (asked.plans, asked.looked_at) == (0, 0)
    report = await record_history(seeded_rw, NOW)
    assert report.plans == 5
    untouched = await Occurrence.select(Occurrence.status, Occurrence.evidence).where(
        Occurrence.plan == own.plan_id
    )
    assert untouched
    assert {(r["status"], r["evidence"]) for r in untouched} == {("open", "")}
    assert await Occurrence.select().where(Occurrence.id == first["id"]).first() == kept
    assert await Plan.count().where(Plan.key == "dai-son-2026-rieng") == 1


async def test_a_few_late_deadlines_were_extended_and_so_are_on_time(seeded_rw: Settings) -> None:
    report = await record_history(seeded_rw, NOW)
    assert report.extensions
    stored = await Extension.select().where(Extension.state == "approved")
    assert len(stored) == len(report.extensions)
    for row in stored:
        occurrence = await Occurrence.select().where(Occurrence.id == row["occurrence"]).first()
        assert occurrence is not None
        assert occurrence["extended_due_date"] == row["due_date"]
        assert occurrence["deadline_at"] == row["deadline_at"]
        # Done after the original deadline, but by the extended one; approved before it.
        assert row["previous_deadline_at"] < occurrence["completed_at"] <= row["deadline_at"]
        assert row["decided_at"] < row["previous_deadline_at"]
        assert row["reason"].endswith(MARKER)
