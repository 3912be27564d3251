"""A database made by the previous release migrates and serves unchanged.

``tests/data/tracker-6df3b15.db.gz`` is the SQLite file of release 6df3b15 (before the
layers were named): migrated, seeded, an event recorded on 01/06/2022, a reminder pass
and delivery at 2026-04-08 15:00, a person feed made for long.nh, and Đại Sơn's week-15
report marked done by him on 09/04/2026. Today's code must take it as it is: the same
Piccolo app names in its migration table, the same rows, the same reminder keys.
"""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from piccolo.apps.migrations.tables import Migration

from tests.conftest import TZ, make_settings
from tracker import db
from tracker.app import create_app
from tracker.config import Settings
from tracker.deadlines.tables import Occurrence
from tracker.notify.feeds import feeds_of
from tracker.notify.reminders import reminder_pass
from tracker.org.tables import Person
from tracker.plans.tables import Plan
from tracker.seeds import load_seeds, read_seed_set

RELEASE = Path(__file__).resolve().parents[1] / "data" / "tracker-6df3b15.db.gz"
LONG = "long.nh@daison.example.vn"


@pytest.fixture
async def upgraded(tmp_path: Path) -> Settings:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with gzip.open(RELEASE) as source, (data_dir / "tracker.db").open("wb") as target:
        shutil.copyfileobj(source, target)
    url = f"sqlite:///{data_dir / 'tracker.db'}"
    db.bind(db.make_engine(url))
    await db.migrate()
    return make_settings(data_dir, database_url=url, public_read=True)


async def test_the_previous_release_keeps_its_app_names_and_migrates(
    upgraded: Settings,
) -> None:
    apps = {r["app_name"] for r in await Migration.select(Migration.app_name)}
    assert apps == {"org", "plans", "tasks", "notify"}
    assert await Plan.count() == 5
    # Migrating again finds nothing to do.
    before = await Migration.count()
    await db.migrate()
    assert await Migration.count() == before


async def test_the_seed_set_finds_nothing_to_change_in_the_previous_release(
    upgraded: Settings,
) -> None:
    occurrences = await Occurrence.count()
    seeds = read_seed_set(upgraded.seeds_dir)
    known = {r["email"] for r in await Person.select(Person.email)}
    report = await load_seeds(seeds, upgraded, dt.datetime(2026, 12, 6, 9, 0, tzinfo=TZ))
    # Since that release two seed plans hold their appendix tables under the items that
    # point to them: the rows move (same keys, so their deadlines and progress stay), the
    # appendix containers go, and Lê Lợi's item II.2 "(… Phụ lục I đính kèm)" becomes the
    # section of its 27 rows, its own deadline cancelled. Nothing else changes.
    moved = {"kien-an-2023": (60, 7), "le-loi-2022": (28, 1)}
    for key, stored in report.plans.items():
        tasks, deadlines = stored.tasks, stored.occurrences
        assert (tasks.created, deadlines.created, deadlines.updated, deadlines.reopened) == (
            0, 0, 0, 0
        ), key  # fmt: skip
        assert (tasks.updated, tasks.removed) == moved.get(key, (0, 0)), key
        assert deadlines.cancelled == (1 if key == "le-loi-2022" else 0), key
    assert not report.units.changed
    # Only the people the seeds gained since that release (the Hải Dương viewer) are new.
    assert report.people.created == len([p for p in seeds.people if p.email not in known])
    assert report.people.updated == report.people.removed == 0
    assert await Occurrence.count() == occurrences


async def test_a_reminder_pass_writes_nothing_the_previous_release_already_wrote(
    upgraded: Settings,
) -> None:
    report = await reminder_pass(upgraded, dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ))
    assert report.written == 0


async def test_recorded_work_and_feeds_survive_the_upgrade(upgraded: Settings) -> None:
    person = await Person.select(Person.id, Person.name).where(Person.email == LONG).first()
    assert person is not None
    assert [f.kind for f in await feeds_of(person["id"])] == ["person"]
    done = (
        await Occurrence.select(Occurrence.id)
        .where((Occurrence.key == "tuan:2026-W15") & (Occurrence.status == "done"))
        .first()
    )
    assert done is not None
    app = create_app(
        upgraded, clock=lambda: dt.datetime(2026, 4, 10, 9, 0, tzinfo=TZ), bind_database=False
    )
    client: AsyncTestClient[Any]
    async with AsyncTestClient(app=app) as client:
        response = await client.get(f"/api/occurrences/{done['id']}")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["status"] == "done_on_time"
        assert body["completed_by"] == person["name"]
        assert body["evidence"] == "Báo cáo tuần 15"
        listed = await client.get("/api/occurrences", params={"plan": "doan-ket-2022"})
        assert listed.status_code == 200
        labels = {o["label"] for o in listed.json()}
        assert "QĐ 123/QĐ-UBND (01/06/2022)" in labels
