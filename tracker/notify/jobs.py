"""Huey jobs of the notify app: the tick every minute and the delivery of the outbox.

A tick with work in one province (or none) runs the pass itself. With work in several
(the first pass of a day, or after a bulk load) it hands one task per province
(:func:`remind_branch`) to whichever workers are free; each holds a lock on its
province, so a tick a minute later does not start the same work twice, and the
outbox's unique keys write each message once whatever runs it.

Huey's crontab runs in UTC; the domain decides what is due in local time, so the tick
runs every minute and asks the rules. Jobs are sync functions that hand their async
work to the one event loop of this worker process (:func:`tracker.queue.run_async`),
where the database is bound on first use.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any

from huey import crontab
from huey.exceptions import TaskLockedException

from tracker import db
from tracker.config import Settings, load_settings
from tracker.metrics import count_deliveries, metrics
from tracker.notify.delivery import DeliveryReport, deliver_due
from tracker.notify.feeds.prebuild import changed_communes, prebuild_commune
from tracker.notify.reminders import pass_branches, reminder_pass
from tracker.org.housekeeping import purge_stale
from tracker.queue import huey, run_async
from tracker.vn import format_datetime

__all__ = [
    "bound_settings",
    "configure",
    "deliver",
    "feed_watch",
    "housekeeping",
    "job_settings",
    "pass_at",
    "prebuild_feeds",
    "remind_branch",
    "run_pass",
    "tick",
]

logger = logging.getLogger(__name__)

_state: dict[str, Any] = {}


def configure(settings: Settings) -> None:
    """The settings the jobs of this process use (else read from the environment)."""
    _state["settings"] = settings


def _settings() -> Settings:
    if "settings" not in _state:
        _state["settings"] = load_settings()
    settings: Settings = _state["settings"]
    return settings


async def _bound() -> Settings:
    """Bind this process's job loop to the database once. Jobs that start together
    (a worker's threads share the loop) wait for the first to open the pool: binding
    an engine each, one's connection, taken before its pool was open, went back to
    another's pool at the end of its transaction, which asyncpg refused."""
    settings = _settings()
    if not _state.get("bound"):
        async with _state.setdefault("binding", asyncio.Lock()):
            if not _state.get("bound"):
                db.bind(db.make_engine(settings.effective_database_url))
                await db.open_pool(settings.database_pool)
                _state["bound"] = True
    return settings


# For the jobs of the layer above (tracker.weekly): the same settings and the same
# binding of this process's job loop to the database.
job_settings = _settings
bound_settings = _bound


async def run_pass(now: dt.datetime, branches: list[str] | None = None) -> tuple[int, int]:
    """One reminder pass (of ``branches`` only, when given), then delivery of what is
    due: (messages written, sent)."""
    settings = await _bound()
    with metrics().reminder_pass.time():
        report = await reminder_pass(settings, now, branches=branches, keep=False)
    delivered = _counted(await deliver_due(settings, now))
    return report.written, len(delivered.sent)


async def _branches(now: dt.datetime) -> list[str]:
    return await pass_branches(await _bound(), now)


def _counted(report: DeliveryReport) -> DeliveryReport:
    """``report``, its messages counted for /metrics by channel and result."""
    count_deliveries(*([row["channel"] for row in rows]
                       for rows in (report.sent, report.retried, report.failed)))  # fmt: skip
    return report


@huey.periodic_task(crontab(minute="*"), name="tracker.tick")
def tick() -> None:
    """Every minute: the reminder pass at the local time, then delivery; spread over
    the workers, one task per province, when several have work."""
    settings = _settings()
    now = dt.datetime.now(settings.tz)
    branches = run_async(lambda: _branches(now))
    if len(branches) > 1 and not huey.immediate:
        for branch in branches:
            remind_branch(now.isoformat(), branch)
        logger.info("Nhắc việc: chia %s tỉnh cho các tiến trình nền", len(branches))
        return
    written, sent = run_async(lambda: run_pass(now, branches))
    if written or sent:
        logger.info("Nhắc việc: %s tin mới, %s tin đã gửi", written, sent)


@huey.task(name="tracker.remind_branch")
def remind_branch(moment: str, branch: str) -> None:
    """One province's share of the pass at ``moment`` (ISO), then delivery."""
    now = dt.datetime.fromisoformat(moment)
    try:
        with huey.lock_task(f"tracker.remind:{branch}"):
            written, sent = run_async(lambda: run_pass(now, [branch]))
    except TaskLockedException:
        return  # another worker is on it; what it leaves, the next tick finds
    if written or sent:
        logger.info("Nhắc việc %s: %s tin mới, %s tin đã gửi", branch, written, sent)


@huey.task(name="tracker.pass")
def pass_at(moment: str) -> tuple[int, int]:
    """A reminder pass as at ``moment`` (ISO 8601), then delivery, by whichever worker
    takes it: ``tracker remind --queue``. Passes at one moment from several workers write
    and send each message once. (messages written, sent)"""
    now = dt.datetime.fromisoformat(moment)
    written, sent = run_async(lambda: run_pass(now))
    logger.info(
        "Lượt nhắc việc lúc %s: %s tin mới, %s tin đã gửi", format_datetime(now), written, sent
    )
    return written, sent


@huey.task(name="tracker.deliver")
def deliver() -> None:
    """Deliver what is due in the outbox now (recording an event enqueues this)."""

    async def work() -> int:
        settings = await _bound()
        report = _counted(await deliver_due(settings, dt.datetime.now(settings.tz)))
        return len(report.sent)

    sent = run_async(work)
    if sent:
        logger.info("Đã gửi %s tin", sent)


@huey.periodic_task(crontab(minute="*"), name="tracker.feed_watch")
def feed_watch() -> None:
    """Every minute, with ``TRACKER_FEED_PREBUILD`` on: one task per commune whose data
    has changed since its feeds were last built ahead (a burst of changes in the minute
    gives one). Off, it does nothing, not even a query."""
    settings = _settings()
    if not settings.feed_prebuild:
        return

    async def work() -> list[tuple[str, int]]:
        await _bound()
        return await changed_communes(dt.datetime.now(settings.tz))

    for name, _version in run_async(work):
        prebuild_feeds(name)


@huey.task(name="tracker.prebuild_feeds")
def prebuild_feeds(name: str) -> None:
    """Build ahead, and store for every web host, the feeds that show the commune of the
    data version ``name`` ("scope:<unit id>"), as they are now."""

    async def work() -> int:
        settings = await _bound()
        stored = await prebuild_commune(name, settings=settings, now=dt.datetime.now(settings.tz))
        metrics().feed_prebuilt.inc(stored)
        return stored

    try:
        with huey.lock_task(f"tracker.prebuild:{name}"):
            stored = run_async(work)
    except TaskLockedException:
        return  # another worker is building them; a change it missed is asked for again
    if stored:
        logger.info("Lịch iCal dựng sẵn cho %s: %s", name, stored)


@huey.periodic_task(crontab(minute="40", hour="19"), name="tracker.housekeeping")
def housekeeping() -> None:
    """Once a day at 02:40 local time (19:40 UTC): clear the sessions, wrong-password
    counts and one-time links that ended a while ago (:mod:`tracker.org.housekeeping`).
    Several workers doing it at once delete the same rows once."""

    async def work() -> tuple[int, int, int]:
        settings = await _bound()
        purged = await purge_stale(dt.datetime.now(settings.tz))
        return purged.sessions, purged.failures, purged.links

    sessions, failures, links = run_async(work)
    if sessions or failures or links:
        logger.info(
            "Dọn dẹp: xóa %s phiên đăng nhập, %s bộ đếm đăng nhập sai, %s liên kết một lần đã hết",
            sessions, failures, links,
        )  # fmt: skip
