"""Feeds per commune: the database keeps a data version per commune, unit and person, so
a change in one commune rebuilds only the feeds that show it, and the other communes'
warm feeds stay warm (served as kept, same bytes), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.notify.test_feeds import KIEN_AN, PLAN, QUYNH, app_client, get_feed, token_for
from tracker import db
from tracker.config import Settings
from tracker.deadlines.tables import Occurrence
from tracker.notify import feeds
from tracker.notify.feeds import read_versions
from tracker.org.tables import Membership, Person, Unit
from tracker.plans.tables import Plan, Task

KIEN_AN_UNIT = "an-giang.cho-moi.kien-an.tp-ht"


async def commune_version(plan_key: str) -> int:
    plan = await Plan.select(Plan.unit).where(Plan.key == plan_key).first()
    assert plan is not None
    name = f"scope:{plan['unit']}"
    return (await read_versions([name]))[name][0]


async def test_a_change_in_one_commune_leaves_the_others_feeds_warm(seeded_rw: Settings) -> None:
    dai_son = {"plan": await token_for("plan", PLAN), "person": await token_for("person", QUYNH)}
    kien_an = {
        "person": await token_for("person", KIEN_AN),
        "unit": await token_for("unit", KIEN_AN_UNIT),
    }
    tokens = {
        **{f"ds-{k}": v for k, v in dai_son.items()},
        **{f"ka-{k}": v for k, v in kien_an.items()},
    }
    async with app_client(seeded_rw) as client:
        first = {name: await get_feed(client, token) for name, token in tokens.items()}
        assert feeds.CACHE.builds == len(tokens)
        # Warm: served as kept.
        for name, token in tokens.items():
            assert (await get_feed(client, token)).content == first[name].content
        assert feeds.CACHE.builds == len(tokens)

        # Work of Đại Sơn changes: its commune's version rises, not Kiến An's.
        before = (await commune_version(PLAN), await commune_version("kien-an-2023"))
        report = (
            await Occurrence.select(Occurrence.id)
            .where((Occurrence.plan.key == PLAN) & (Occurrence.key == "tuan:2026-W15"))
            .first()
        )
        assert report is not None
        await Occurrence.update({Occurrence.moved_reason: "Báo cáo số 15/BC-VP"}).where(
            Occurrence.id == report["id"]
        )
        after = (await commune_version(PLAN), await commune_version("kien-an-2023"))
        assert after[0] > before[0]
        assert after[1] == before[1]
        builds = feeds.CACHE.builds
        hits = feeds.CACHE.hits
        for name in ("ka-person", "ka-unit"):
            again = await get_feed(client, tokens[name])
            assert again.content == first[name].content
        assert feeds.CACHE.builds == builds  # Kiến An's feeds stayed warm
        assert feeds.CACHE.hits == hits + 2
        plan_feed = await get_feed(client, tokens["ds-plan"])
        assert feeds.CACHE.builds == builds + 1  # Đại Sơn's plan feed was built again
        assert plan_feed.headers["etag"] != first["ds-plan"].headers["etag"]
        assert "Báo cáo số 15/BC-VP" in plan_feed.content.decode("utf-8").replace("\r\n ", "")

        await get_feed(client, tokens["ds-person"])  # hers shows the commune's work too
        assert feeds.CACHE.builds == builds + 2

        # A Kiến An person joins another unit: their feed is built again, nobody else's.
        person = await Person.select(Person.id).where(Person.email == KIEN_AN).first()
        unit = await Unit.select(Unit.id).where(Unit.code == KIEN_AN_UNIT).first()
        assert person is not None
        assert unit is not None
        builds = feeds.CACHE.builds
        await Membership.insert(Membership(person=person["id"], unit=unit["id"]))
        await get_feed(client, tokens["ka-person"])
        assert feeds.CACHE.builds == builds + 1
        for name in ("ds-plan", "ds-person", "ka-unit"):
            await get_feed(client, tokens[name])
        assert feeds.CACHE.builds == builds + 1

        # A Kiến An unit renamed: the feeds that name it or show its work are built again.
        builds = feeds.CACHE.builds
        await Unit.update({Unit.name: "Công chức Tư pháp – Hộ tịch (mới)"}).where(
            Unit.code == KIEN_AN_UNIT
        )
        await get_feed(client, tokens["ka-unit"])
        await get_feed(client, tokens["ds-plan"])
        await get_feed(client, tokens["ds-person"])
        assert feeds.CACHE.builds == builds + 1


async def test_one_statement_over_many_rows_of_one_commune_or_person(
    seeded_rw: Settings,
) -> None:
    """A statement that writes many rows naming one version (a person's memberships
    inserted together, every task of a plan updated at once) raises it, once per
    statement on PostgreSQL (once per row on SQLite), and is not refused."""
    person = await Person.select(Person.id).where(Person.email == KIEN_AN).first()
    assert person is not None
    member_of = [
        m["unit"]
        for m in await Membership.select(Membership.unit).where(Membership.person == person["id"])
    ]
    units = (
        await Unit.select(Unit.id)
        .where(Unit.code.like("an-giang.cho-moi.kien-an.%") & Unit.id.not_in(member_of or [0]))
        .limit(3)
    )
    assert len(units) == 3
    name = f"person:{person['id']}"
    before = (await read_versions([name]))[name][0]
    await Membership.insert(*(Membership(person=person["id"], unit=u["id"]) for u in units))
    after = (await read_versions([name]))[name][0]
    assert after == before + (1 if db.is_postgres() else 3)

    scope = await commune_version(PLAN)
    changed = (
        await Task.update({Task.note: "Rà soát lại"})
        .where(Task.plan.key == PLAN)
        .returning(Task.id)
    )
    assert len(changed) > 1
    assert await commune_version(PLAN) == scope + (1 if db.is_postgres() else len(changed))


async def test_a_change_while_a_feed_is_read_is_never_hidden_by_its_versions(
    seeded_rw: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deadline of Đại Sơn's plan assigned to a Kiến An unit shows in that person's feed
    though no task of Đại Sơn names their units. A change to it that lands while the feed
    reads its entries must leave the feed built at a version older than the change, so
    the next request builds again (read after the entries, it would hold the new
    version and the old text until some later change)."""
    from tracker.notify.feeds import build as feed_build

    person = await Person.select(Person.id).where(Person.email == KIEN_AN).first()
    unit = await Unit.select(Unit.id).where(Unit.code == KIEN_AN_UNIT).first()
    assert person is not None
    assert unit is not None
    await Membership.insert(Membership(person=person["id"], unit=unit["id"]))
    target = (
        await Occurrence.select(Occurrence.id)
        .where((Occurrence.plan.key == PLAN) & (Occurrence.key == "tuan:2026-W15"))
        .first()
    )
    assert target is not None
    await Occurrence.update({Occurrence.assignee: unit["id"]}).where(Occurrence.id == target["id"])
    reading = feed_build.read_occurrences

    async def read_then_change(*args: Any, **kwargs: Any) -> Any:
        views = await reading(*args, **kwargs)
        await Occurrence.update({Occurrence.moved_reason: "Đổi trong lúc đọc"}).where(
            Occurrence.id == target["id"]
        )
        return views

    monkeypatch.setattr(feed_build, "read_occurrences", read_then_change)
    now = dt.datetime(2026, 4, 8, 15, 0, tzinfo=seeded_rw.tz)
    body = await feed_build.build_feed(
        "person", person["id"], "x", settings=seeded_rw, now=now, todo=False
    )
    monkeypatch.undo()
    assert target["id"] in {
        v.id
        for v in await reading(
            await feed_build.target_filter("person", person["id"]), tz=seeded_rw.tz, now=now
        )
    }
    assert "Đổi trong lúc đọc" not in body.body.decode("utf-8").replace("\r\n ", "")
    scope = f"scope:{(await Plan.select(Plan.unit).where(Plan.key == PLAN).first() or {})['unit']}"
    assert body.versions[scope] < await commune_version(PLAN)
