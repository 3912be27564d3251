"""The daily clean-up of sign-in leftovers, on a real database: what ended more than 30 days
ago goes, what can still open a session or hold a guesser back stays; the worker's job is
registered to run it once a day."""

from __future__ import annotations

import datetime as dt

from tests.conftest import TZ
from tracker.config import Settings
from tracker.notify import jobs
from tracker.org.housekeeping import purge_stale
from tracker.org.sessions import LIFETIME
from tracker.org.tables import Person, PersonSession, SignInFailures, SignInLink
from tracker.queue import huey

NOW = dt.datetime(2026, 12, 6, 2, 40, tzinfo=TZ)
DAY = dt.timedelta(days=1)


async def test_what_ended_a_month_ago_goes_and_what_still_counts_stays(seeded_rw: Settings) -> None:
    person = await Person.select(Person.id).first()
    assert person is not None
    pid = person["id"]

    def session(
        name: str, created: dt.datetime, expires: dt.datetime, revoked: dt.datetime | None = None
    ) -> PersonSession:
        return PersonSession(sid_hash=name.ljust(64, "0"), person=pid, created_at=created,
                             last_seen_at=created, expires_at=expires, revoked_at=revoked)  # fmt: skip

    await PersonSession.insert(
        session("live", NOW - DAY, NOW + 13 * DAY),
        session("idle-long-ago", NOW - 60 * DAY, NOW - 46 * DAY),
        session("idle-lately", NOW - 20 * DAY, NOW - 6 * DAY),  # kept a month after it ended
        session("revoked-long-ago", NOW - 50 * DAY, NOW + DAY, revoked=NOW - 40 * DAY),
        session("too-old", NOW - LIFETIME - 31 * DAY, NOW + DAY),
    )
    await SignInFailures.insert(
        SignInFailures(key="account:blocked@x.vn", failures=9, last_failed_at=NOW - 2 * DAY,
                       blocked_until=NOW + dt.timedelta(minutes=5)),
        SignInFailures(key="account:counting@x.vn", failures=2,
                       last_failed_at=NOW - dt.timedelta(minutes=10)),
        SignInFailures(key="address:10.0.0.9", failures=3, last_failed_at=NOW - 2 * DAY),
    )  # fmt: skip

    def link(name: str, expires: dt.datetime, used: dt.datetime | None = None) -> SignInLink:
        return SignInLink(token_hash=name.ljust(64, "0"), person=pid, purpose="invite",
                          created_at=expires - DAY, expires_at=expires, used_at=used)  # fmt: skip

    await SignInLink.insert(
        link("open", NOW + DAY),
        link("used-lately", NOW - 5 * DAY, used=NOW - 5 * DAY - dt.timedelta(hours=2)),
        link("expired-long-ago", NOW - 45 * DAY),
    )

    purged = await purge_stale(NOW)
    assert (purged.sessions, purged.failures, purged.links) == (3, 1, 1)
    left = {r["sid_hash"].rstrip("0") for r in await PersonSession.select(PersonSession.sid_hash)}
    assert {"live", "idle-lately"} <= left
    assert not left & {"idle-long-ago", "revoked-long-ago", "too-old"}
    keys = {r["key"] for r in await SignInFailures.select(SignInFailures.key)}
    assert keys >= {"account:blocked@x.vn", "account:counting@x.vn"}
    assert "address:10.0.0.9" not in keys
    tokens = {r["token_hash"].rstrip("0") for r in await SignInLink.select(SignInLink.token_hash)}
    assert {"open", "used-lately"} <= tokens
    assert "expired-long-ago" not in tokens
    assert await purge_stale(NOW) == type(purged)(0, 0, 0)  # a second run finds nothing


def test_the_worker_runs_it_once_a_day() -> None:
    due = {task.name for task in huey.read_periodic(dt.datetime(2026, 12, 6, 19, 40))}
    assert "tracker.housekeeping" in due  # 02:40 in Hà Nội; Huey's crontab is in UTC
    later = {task.name for task in huey.read_periodic(dt.datetime(2026, 12, 6, 19, 41))}
    assert "tracker.housekeeping" not in later
    assert jobs.housekeeping.name == "tracker.housekeeping"
