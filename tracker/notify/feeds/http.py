"""Serving feeds cheaply. Feeds are read far more often than their data changes, so a
built feed is kept in this process with its ETag, and serving it again costs one lookup
of the "feeds" data version, which the database raises itself on every change a feed can
show (see the notify migrations); a revoked token, or one of a deactivated person (theirs,
or a unit's or plan's feed they made), therefore answers 404 at once on every web host.

When that version has moved, a kept feed looks at the versions of what it shows (its
communes, units and person, raised by the database too): a change in another commune
leaves it as it is, for one more lookup.

With ``TRACKER_FEED_PREBUILD`` on, a feed this process does not hold (or holds stale) is
looked for among those the worker built ahead (:mod:`.prebuild`) before it is built here:
one more query, and a build saved when the worker has been there first."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from tracker.config import Settings
from tracker.metrics import metrics
from tracker.notify.feeds.build import ENTRIES, FeedBody, build_feed, read_versions
from tracker.notify.feeds.prebuild import stored_feed
from tracker.notify.feeds.tokens import feed_name, hash_token, live_token, target_id
from tracker.notify.tables import DataVersion, FeedToken

__all__ = ["CACHE", "data_version", "open_feed"]

# A token's last use is written at most this often: each write is a write per request.
LAST_USE_EVERY = dt.timedelta(minutes=15)
CACHE_SIZE = 512


async def data_version() -> int:
    """The "feeds" data version (the database raises it on every change feeds show).
    Every warm feed asks: one small read (on SQLite through the engine's kept read
    connections, ``db.KeptSQLiteEngine``; on PostgreSQL through the pool)."""
    row = await DataVersion.select(DataVersion.value).where(DataVersion.name == "feeds").first()
    if row is None:
        # An emptied database (tests truncate tables): start the counter again.
        await DataVersion.insert(DataVersion(name="feeds", value=0)).on_conflict(
            target=DataVersion.name, action="DO NOTHING"
        )
        return 0
    return int(row["value"])


@dataclass
class _Cached:
    version: int
    feed: dict[str, Any] | None
    body: FeedBody | None = None


@dataclass
class _Built:
    version: int  # the global version it was last found right at
    body: FeedBody


class _Cache:
    """Per process: the token rows and the built feeds of the current data version."""

    def __init__(self) -> None:
        self.tokens: OrderedDict[str, _Cached] = OrderedDict()
        self.bodies: OrderedDict[tuple[str, int, bool], _Built] = OrderedDict()
        self.last_use: dict[int, dt.datetime] = {}
        self.builds = 0  # feeds built since the process started (or the cache was cleared)
        self.hits = 0  # feeds served as kept
        self.stored = 0  # feeds served as the worker built them ahead

    def clear(self) -> None:
        ENTRIES.clear()
        self.tokens.clear()
        self.bodies.clear()
        self.last_use.clear()
        self.builds = 0
        self.hits = 0
        self.stored = 0

    @staticmethod
    def _put(store: OrderedDict[Any, Any], key: Any, value: Any) -> None:
        store[key] = value
        store.move_to_end(key)
        while len(store) > CACHE_SIZE:
            store.popitem(last=False)


CACHE = _Cache()


async def open_feed(
    token: str, *, settings: Settings, now: dt.datetime, todo: bool = False
) -> FeedBody | None:
    """The feed behind ``token`` as it is at ``now``; None when the token is unknown,
    revoked, or its person or maker deactivated."""
    version = await data_version()
    digest = hash_token(token)
    cached = CACHE.tokens.get(digest)
    if cached is None or cached.version != version:
        cached = _Cached(version, await live_token(digest))
        CACHE._put(CACHE.tokens, digest, cached)
    row = cached.feed
    if row is None:
        return None
    await _note_use(row["id"], now)
    key = (row["kind"], target_id(row), todo)
    name = feed_name(row)
    built = CACHE.bodies.get(key)
    if (
        built is not None
        and now < built.body.valid_until
        and built.body.name == name
        # Nothing it shows has changed (a change elsewhere moves only the global version).
        and (built.version == version or await _unchanged(built.body))
    ):
        built.version = version
        CACHE.hits += 1
        metrics().feed_cache_hits.inc()
        return built.body
    if settings.feed_prebuild:
        stored = await stored_feed(row["kind"], target_id(row), todo, name=name, now=now)
        if stored is not None:
            CACHE.stored += 1
            metrics().feed_store_hits.inc()
            CACHE._put(CACHE.bodies, key, _Built(version, stored))
            return stored
    metrics().feed_builds.inc()
    body = await build_feed(
        row["kind"], target_id(row), name, settings=settings, now=now, todo=todo
    )
    CACHE.builds += 1
    CACHE._put(CACHE.bodies, key, _Built(version, body))
    return body


async def _unchanged(body: FeedBody) -> bool:
    """Whether the commune, unit and person versions the feed was built at still hold."""
    now = await read_versions(body.versions)
    return all(now[name][0] == value for name, value in body.versions.items())


async def _note_use(feed_id: int, now: dt.datetime) -> None:
    last = CACHE.last_use.get(feed_id)
    if last is not None and now - last < LAST_USE_EVERY:
        return
    CACHE.last_use[feed_id] = now
    await FeedToken.update({FeedToken.last_used_at: now}).where(FeedToken.id == feed_id)
