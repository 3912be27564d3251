"""Feeds built ahead by the worker (TRACKER_FEED_PREBUILD), on a seeded database of each
test's own: after a change in one commune the feeds that show it are built and stored,
byte for byte what the endpoint builds; a second web host with an empty cache serves
them without building; a later change makes them stale and they are not served; a
commune that did not change is left alone; with the setting off nothing is asked for."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from huey import Huey
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.notify.test_feeds import COMMUNE, KIEN_AN, LONG, NOW, PLAN, get_feed, token_for
from tracker.app import create_app
from tracker.config import Settings
from tracker.deadlines.tables import Occurrence
from tracker.metrics import metrics
from tracker.notify import feeds, jobs
from tracker.notify.feeds import build_feed
from tracker.notify.feeds.prebuild import (
    changed_communes,
    prebuild_commune,
    store_key,
    stored_feed,
)
from tracker.notify.feeds.tokens import feed_columns, feed_name, hash_token, target_id
from tracker.notify.tables import FeedToken, PrebuildMark, PrebuiltFeed
from tracker.org.tables import Person, Unit
from tracker.plans.tables import Plan
from tracker.queue import huey

PROVINCE = "hai-duong"


def fresh_host(settings: Settings, now: dt.datetime) -> AsyncTestClient[Any]:
    """Another web host: its own process cache, empty."""
    feeds.CACHE.clear()
    return AsyncTestClient(app=create_app(settings, clock=lambda: now, bind_database=False))


def store_hits() -> float:
    return metrics().registry.get_sample_value("tracker_feed_store_hits_total") or 0.0


async def scope_of(code: str) -> str:
    unit = await Unit.select(Unit.id).where(Unit.code == code).first()
    assert unit is not None
    return f"scope:{unit['id']}"


async def person_id(email: str) -> int:
    person = await Person.select(Person.id).where(Person.email == email).first()
    assert person is not None
    return int(person["id"])


async def feed_of(token: str) -> tuple[str, int, str]:
    """The kind, target and name of the feed behind ``token``."""
    row = (
        await FeedToken.select(*feed_columns())
        .where(FeedToken.token_hash == hash_token(token))
        .first()
    )
    assert row is not None
    return row["kind"], target_id(row), feed_name(row)


async def settle(settings: Settings, now: dt.datetime) -> None:
    """Build ahead whatever the seeding changed, as a worker turned on would at first.
    Each body is built once, though a province's feed shows several communes."""
    built = 0
    for name, _ in await changed_communes(now):
        built += await prebuild_commune(name, settings=settings, now=now)
    assert await changed_communes(now) == []
    assert built == await PrebuiltFeed.count()


async def edit_in_window(plan: str, note: str, since: dt.date | None = None) -> int:
    """A change to an occurrence of ``plan`` that its feeds show (a note on its due date)."""
    row = (
        await Occurrence.select(Occurrence.id)
        .where((Occurrence.plan.key == plan) & (Occurrence.due_date >= (since or NOW.date())))
        .order_by(Occurrence.due_date)
        .first()
    )
    assert row is not None
    await Occurrence.update({Occurrence.moved_reason: note}).where(Occurrence.id == row["id"])
    return int(row["id"])


async def test_a_change_builds_the_communes_feeds_ahead_and_another_host_serves_them(
    seeded_rw: Settings,
) -> None:
    on = dataclasses.replace(seeded_rw, feed_prebuild=True)
    dai_son = await scope_of(COMMUNE)
    plan = await Plan.select(Plan.unit).where(Plan.key == PLAN).first()
    assert plan is not None
    assert f"scope:{plan['unit']}" == dai_son
    person_token = await token_for("person", LONG)
    plan_token = await token_for("plan", PLAN)
    other_token = await token_for("person", KIEN_AN)
    await token_for("unit", PROVINCE)  # shows Đoàn Kết and Lê Lợi
    long_id, kien_an_id = await person_id(LONG), await person_id(KIEN_AN)
    await settle(on, NOW)
    kien_an_key = store_key("person", kien_an_id, False)
    kien_an_before = await PrebuiltFeed.select().where(PrebuiltFeed.key == kien_an_key).first()
    assert kien_an_before is not None  # settled: every feed was built once

    # A morning's edits in Đại Sơn: two changes before the worker looks give one task.
    later = NOW + dt.timedelta(minutes=5)
    await edit_in_window(PLAN, "Lùi theo công văn số 12/UBND")
    await edit_in_window(PLAN, "Lùi theo công văn số 13/UBND")
    asked = await changed_communes(later)
    assert [name for name, _ in asked] == [dai_son]
    assert await changed_communes(later) == []  # asked for already, not asked again
    assert await prebuild_commune(dai_son, settings=on, now=later) == 4  # 2 feeds, 2 forms
    assert await prebuild_commune(dai_son, settings=on, now=later) == 0  # built at this version
    mark = await PrebuildMark.select().where(PrebuildMark.name == dai_son).first()
    assert mark is not None
    assert mark["built"] == mark["asked"] == asked[0][1]
    # Kiến An's feed shows no Đại Sơn work: it was not built again.
    kien_an_after = await PrebuiltFeed.select().where(PrebuiltFeed.key == kien_an_key).first()
    assert kien_an_after == kien_an_before

    # What was stored is what the endpoint builds, to the byte and the ETag.
    served_at = later + dt.timedelta(minutes=1)
    kind, target, name = await feed_of(person_token)
    assert (kind, target) == ("person", long_id)
    for todo in (False, True):
        stored = await stored_feed(kind, target, todo, name=name, now=served_at)
        assert stored is not None
        feeds.ENTRIES.clear()  # rendered from nothing
        fresh = await build_feed(kind, target, name, settings=on, now=served_at, todo=todo)
        assert stored.body == fresh.body
        assert stored.etag == fresh.etag
        assert stored.last_modified == fresh.last_modified
        assert stored.valid_until == fresh.valid_until
        assert stored.gzipped == fresh.gzipped
        assert "Lùi theo công văn số 13/UBND" in fresh.body.decode("utf-8")

    # A second web host, cold, serves both feeds without building either.
    hits = store_hits()
    async with fresh_host(on, served_at) as client:
        for token in (person_token, plan_token):
            answer = await get_feed(client, token)
            again = await get_feed(client, token, encoding="gzip")
            assert again.content == answer.content
        assert (feeds.CACHE.builds, feeds.CACHE.stored, feeds.CACHE.hits) == (0, 2, 2)
        assert store_hits() == hits + 2
        served = answer.content
        built_etag = answer.headers["etag"]
    # With the setting off the same host builds it, and gets the same bytes.
    async with fresh_host(seeded_rw, served_at) as client:
        answer = await get_feed(client, plan_token)
        assert (feeds.CACHE.builds, feeds.CACHE.stored) == (1, 0)
        assert answer.content == served
        assert answer.headers["etag"] == built_etag

    # A change after the build: the stored body is stale and never served.
    await edit_in_window(PLAN, "Lùi theo công văn số 14/UBND")
    kind, target, name = await feed_of(plan_token)
    assert await stored_feed(kind, target, False, name=name, now=served_at) is None
    assert await PrebuiltFeed.exists().where(PrebuiltFeed.key == store_key(kind, target, False))
    async with fresh_host(on, served_at) as client:
        answer = await get_feed(client, plan_token)
        assert (feeds.CACHE.builds, feeds.CACHE.stored) == (1, 0)
        assert answer.content != served
        assert "Lùi theo công văn số 14/UBND" in answer.text
        # Kiến An's, untouched, is still served as stored.
        await get_feed(client, other_token)
        assert (feeds.CACHE.builds, feeds.CACHE.stored) == (1, 1)
    # Nor is a body served before it was built, or once its day is over.
    async with fresh_host(on, NOW - dt.timedelta(minutes=1)) as client:
        await get_feed(client, other_token)
        assert (feeds.CACHE.builds, feeds.CACHE.stored) == (1, 0)
    tomorrow = dt.datetime.combine(NOW.date() + dt.timedelta(days=1), dt.time(0, 1), TZ)
    async with fresh_host(on, tomorrow) as client:
        await get_feed(client, other_token)
        assert (feeds.CACHE.builds, feeds.CACHE.stored) == (1, 0)
    # The worker's next look drops the bodies whose day is over.
    await changed_communes(tomorrow)
    assert await PrebuiltFeed.count() == 0


@pytest.fixture
def queue() -> Iterator[Huey]:
    """This process's Huey with its own empty memory storage, given back afterwards; the
    jobs use the database the test has bound."""
    storage, immediate, state = huey.storage, huey.immediate, dict(jobs._state)
    huey.immediate = False
    huey.storage = huey.create_storage()
    jobs._state["bound"] = True
    yield huey
    huey.storage, huey.immediate = storage, immediate
    jobs._state.clear()
    jobs._state.update(state)


async def test_the_worker_watch_asks_for_a_build_only_with_the_setting_on(
    seeded_rw: Settings, queue: Huey
) -> None:
    now = dt.datetime.now(TZ)  # the jobs read the real clock
    token = await token_for("person", LONG, now)
    # Off: the minute's look asks nothing of the database and queues nothing.
    jobs.configure(seeded_rw)
    await edit_in_window(PLAN, "Lùi theo công văn số 15/UBND", now.date())
    jobs.feed_watch.call_local()
    assert queue.pending_count() == 0
    assert await PrebuildMark.count() == 0
    # On: a task for every commune changed since the seeding (Đại Sơn among them) ...
    on = dataclasses.replace(seeded_rw, feed_prebuild=True)
    jobs.configure(on)
    jobs.feed_watch.call_local()
    pending = [task.args for task in queue.pending()]
    assert (await scope_of(COMMUNE),) in pending
    assert queue.pending_count() == await PrebuildMark.count()
    # ... which a worker runs, storing the feeds for every host.
    for args in pending:
        jobs.prebuild_feeds.call_local(*args)
    after = dt.datetime.now(TZ)
    async with fresh_host(on, after) as client:
        answer = await get_feed(client, token)
        assert (feeds.CACHE.builds, feeds.CACHE.stored) == (0, 1)
        assert "Lùi theo công văn số 15/UBND" in answer.text
