"""Feeds built ahead (``TRACKER_FEED_PREBUILD``): after a change to a commune, the worker
builds the feeds that show it and stores them, so that the subscribers polling after a
morning of edits, and a web host that starts cold, are answered without a build.

The database raises a commune's data version ("scope:<unit id>") on every change a feed
shows. Once a minute the worker looks for the communes whose version has risen past the
one their feeds were built at (:func:`changed_communes`) and hands each to a task
(:func:`prebuild_commune`). A burst of edits within that minute gives one task, and a
task finds the version it was asked for already built gives none.

A stored body is exactly what the endpoint would build at the same moment (the same
function builds it) and is served only while every data version it was built at still
holds, on the day it was built, before its ``valid_until`` (:func:`stored_feed`).
"""

from __future__ import annotations

import datetime as dt
import gzip
from typing import Any

from tracker.config import Settings
from tracker.db import rows_in
from tracker.deadlines.tables import Occurrence
from tracker.notify.feeds.build import FeedBody, build_feed, read_versions
from tracker.notify.feeds.tokens import feed_columns, feed_name, serves, target_id
from tracker.notify.tables import DataVersion, FeedToken, PrebuildMark, PrebuiltFeed
from tracker.org.tables import GroupMember, Membership, Unit
from tracker.plans.tables import Plan, TaskUnit

__all__ = [
    "changed_communes",
    "feeds_showing",
    "prebuild_commune",
    "store_key",
    "stored_feed",
]

# A task asked for and not done within this time (its worker died) is asked for again.
ASK_AGAIN_AFTER = dt.timedelta(minutes=10)
SCOPE = "scope:"


def store_key(kind: str, target: int, todo: bool) -> str:
    return f"{kind}:{target}:{'VTODO' if todo else 'VEVENT'}"


async def stored_feed(
    kind: str, target: int, todo: bool, *, name: str, now: dt.datetime
) -> FeedBody | None:
    """The stored body of a feed, if it was built at the data versions of now, earlier
    today and is still good at ``now``; None otherwise (a stale body is never served)."""
    row = (
        await PrebuiltFeed.select(
            PrebuiltFeed.name,
            PrebuiltFeed.gzipped,
            PrebuiltFeed.etag,
            PrebuiltFeed.entries,
            PrebuiltFeed.versions,
            PrebuiltFeed.built_at,
            PrebuiltFeed.last_modified,
            PrebuiltFeed.valid_until,
        )
        .where(PrebuiltFeed.key == store_key(kind, target, todo))
        .output(load_json=True)
        .first()
    )
    # Built at or before now, so no deadline between now and then has passed in it (its
    # valid_until, at the latest the midnight after it was built, bounds the other side).
    if row is None or row["name"] != name or not row["built_at"] <= now < row["valid_until"]:
        return None
    versions: dict[str, int] = {n: int(v) for n, v in row["versions"].items()}
    current = await read_versions(versions)
    if any(current[n][0] != v for n, v in versions.items()):
        return None
    gzipped = bytes(row["gzipped"])
    feed = FeedBody(
        gzip.decompress(gzipped),
        row["etag"],
        row["last_modified"],
        row["valid_until"],
        name,
        row["entries"],
        versions,
    )
    feed.__dict__["gzipped"] = gzipped  # what FeedBody.gzipped would make again
    return feed


async def _store(kind: str, target: int, todo: bool, body: FeedBody, now: dt.datetime) -> None:
    values: dict[Any, Any] = {
        PrebuiltFeed.name: body.name,
        PrebuiltFeed.gzipped: body.gzipped,
        PrebuiltFeed.etag: body.etag,
        PrebuiltFeed.entries: body.count,
        PrebuiltFeed.versions: body.versions,
        PrebuiltFeed.built_at: now,
        PrebuiltFeed.last_modified: body.last_modified,
        PrebuiltFeed.valid_until: body.valid_until,
    }
    row = PrebuiltFeed({PrebuiltFeed.key: store_key(kind, target, todo), **values})
    await PrebuiltFeed.insert(row).on_conflict(
        target=PrebuiltFeed.key, action="DO UPDATE", values=list(values)
    )


async def feeds_showing(commune: int) -> list[dict[str, Any]]:
    """The live feed tokens (one per person, unit or plan shown) whose feeds show the
    commune's plans: the inverse of :func:`~tracker.notify.feeds.build.target_filter`.

    A task's lead or coordinating unit, or an occurrence's assignee, makes the plan's
    work theirs; a group among them stands for its members. A person's feed shows it when
    they belong to one of these units; a unit's feed when one of them is in its subtree;
    a plan's feed when the plan is the commune's."""
    plans = {r["id"] for r in await Plan.select(Plan.id).where(Plan.unit == commune)}
    if not plans:
        return []
    led = await rows_in(
        lambda: TaskUnit.select(TaskUnit.unit).distinct(), TaskUnit.task._.plan, plans
    )
    assigned = await rows_in(
        lambda: Occurrence.select(Occurrence.assignee).distinct(), Occurrence.plan, plans
    )
    units = {r["unit"] for r in led} | {r["assignee"] for r in assigned if r["assignee"]}
    members = await rows_in(
        lambda: GroupMember.select(GroupMember.member), GroupMember.group, units
    )
    units |= {r["member"] for r in members}
    people = {
        r["person"]
        for r in await rows_in(
            lambda: Membership.select(Membership.person).distinct(), Membership.unit, units
        )
    }
    paths = [r["path"] for r in await rows_in(lambda: Unit.select(Unit.path), Unit.id, units)]
    rows = await FeedToken.select(*feed_columns(live=True)).where(
        FeedToken.revoked_at.is_null()
        & (
            (FeedToken.kind == "unit")
            | ((FeedToken.kind == "plan") & FeedToken.plan.is_in(sorted(plans)))
            | ((FeedToken.kind == "person") & FeedToken.person.is_in(sorted(people) or [0]))
        )
    )
    unit_paths = {
        r["id"]: r["path"]
        for r in await rows_in(
            lambda: Unit.select(Unit.id, Unit.path),
            Unit.id,
            {r["unit"] for r in rows if r["kind"] == "unit"},
        )
    }
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for row in rows:
        if not serves(row):
            continue
        if row["kind"] == "unit":
            prefix = unit_paths.get(row["unit"])
            if prefix is None or not any(p.startswith(prefix) for p in paths):
                continue
        found.setdefault((row["kind"], target_id(row)), row)
    return list(found.values())


async def changed_communes(now: dt.datetime) -> list[tuple[str, int]]:
    """The communes whose data version has risen past the one their feeds were last built
    at, and which no task is already asked to build (or was asked for too long ago): each
    with its version, marked as asked. Drops stored bodies that are no longer good."""
    await PrebuiltFeed.delete().where(PrebuiltFeed.valid_until <= now)
    rows = await DataVersion.raw(
        "SELECT d.name, d.value FROM data_version d "
        "LEFT JOIN prebuild_mark m ON m.name = d.name "
        f"WHERE d.name LIKE '{SCOPE}%' AND d.value > COALESCE(m.built, 0)"
    )
    if not rows:
        return []
    marks = {
        r["name"]: r
        for r in await rows_in(
            lambda: PrebuildMark.select(
                PrebuildMark.name, PrebuildMark.asked, PrebuildMark.asked_at
            ),
            PrebuildMark.name,
            {r["name"] for r in rows},
        )
    }
    wanted: list[tuple[str, int]] = []
    for row in rows:
        mark = marks.get(row["name"])
        value = int(row["value"])
        if (
            mark is None
            or value > mark["asked"]
            or mark["asked_at"] is None
            or now - mark["asked_at"] > ASK_AGAIN_AFTER
        ):
            wanted.append((row["name"], value))
    for name, value in wanted:
        await PrebuildMark.insert(
            PrebuildMark(name=name, asked=value, asked_at=now, built=0)
        ).on_conflict(
            target=PrebuildMark.name,
            action="DO UPDATE",
            values=[PrebuildMark.asked, PrebuildMark.asked_at],
        )
    return sorted(wanted)


async def prebuild_commune(scope: str, *, settings: Settings, now: dt.datetime) -> int:
    """Build and store the feeds (both forms, events and to-dos) that show the commune of
    the data version ``scope``, unless they are already built at its current value; the
    number of bodies built."""
    current = (await read_versions([scope]))[scope][0]
    mark = await PrebuildMark.select(PrebuildMark.built).where(PrebuildMark.name == scope).first()
    if mark is not None and mark["built"] >= current:
        return 0  # a task asked for an older version, or a twin, has built it
    stored = 0
    for row in await feeds_showing(int(scope.removeprefix(SCOPE))):
        kind, target = row["kind"], target_id(row)
        name = feed_name(row)
        for todo in (False, True):
            # A feed showing several communes (a district's, a province's) that the task
            # of another of them has just built is not built again.
            if await stored_feed(kind, target, todo, name=name, now=now) is not None:
                continue
            body = await build_feed(kind, target, name, settings=settings, now=now, todo=todo)
            await _store(kind, target, todo, body, now)
            stored += 1
    # The version read before building: a change made meanwhile raised it past this, so
    # the next look asks again.
    await PrebuildMark.insert(
        PrebuildMark(name=scope, asked=current, asked_at=now, built=current)
    ).on_conflict(target=PrebuildMark.name, action="DO UPDATE", values=[PrebuildMark.built])
    return stored
