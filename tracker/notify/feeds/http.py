"""Serving feeds cheaply. Feeds are read far more often than their data changes, so a
built feed is kept in this process with its ETag, and serving it again costs one lookup
of the "feeds" data version, which the database raises itself on every change a feed can
show (see the notify migrations); a revoked token, or one of a deactivated person (theirs,
or a unit's or plan's feed they made), therefore answers 404 at once on every web host."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from tracker import db
from tracker.config import Settings
from tracker.metrics import metrics
from tracker.notify.feeds.build import ENTRIES, FeedBody, build_feed
from tracker.notify.feeds.tokens import feed_name, hash_token, live_token, target_id
from tracker.notify.tables import DataVersion, FeedToken

__all__ = ["CACHE", "data_version", "open_feed"]

# A token's last use is written at most this often: each write is a write per request.
LAST_USE_EVERY = dt.timedelta(minutes=15)
CACHE_SIZE = 512


async def data_version() -> int:
    """The "feeds" data version (the database raises it on every change feeds show).
    Every warm feed asks, so on SQLite it is read through a kept connection."""
    kept = db.kept_read("SELECT value FROM data_version WHERE name = 'feeds'")
    if kept is not None:
        return int(kept[0])
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


class _Cache:
    """Per process: the token rows and the built feeds of the current data version."""

    def __init__(self) -> None:
        self.tokens: OrderedDict[str, _Cached] = OrderedDict()
        self.bodies: OrderedDict[tuple[str, int, bool], tuple[int, FeedBody]] = OrderedDict()
        self.last_use: dict[int, dt.datetime] = {}

    def clear(self) -> None:
        ENTRIES.clear()
        self.tokens.clear()
        self.bodies.clear()
        self.last_use.clear()

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
    built = CACHE.bodies.get(key)
    if built is not None and built[0] == version and now < built[1].valid_until:
        metrics().feed_cache_hits.inc()
        return built[1]
    metrics().feed_builds.inc()
    body = await build_feed(
        row["kind"], target_id(row), feed_name(row), settings=settings, now=now, todo=todo
    )
    CACHE._put(CACHE.bodies, key, (version, body))
    return body


async def _note_use(feed_id: int, now: dt.datetime) -> None:
    last = CACHE.last_use.get(feed_id)
    if last is not None and now - last < LAST_USE_EVERY:
        return
    CACHE.last_use[feed_id] = now
    await FeedToken.update({FeedToken.last_used_at: now}).where(FeedToken.id == feed_id)
