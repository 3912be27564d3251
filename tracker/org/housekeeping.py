"""What sign-in leaves behind, cleared once it can matter no more: sessions ended (revoked,
idle past ``expires_at``, or past their absolute lifetime), counts of wrong passwords
that have been forgotten anyway (:attr:`SignInLimits.forget_after` without a wrong try,
and not blocking), and one-time links spent, replaced or expired. Each is kept
:data:`KEEP_ENDED` after it ended, so a page can still say when a link was used; nothing
that can still open a session or hold a guesser back is touched. The worker runs it
once a day (``tracker.housekeeping``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.org.sessions import LIFETIME
from tracker.org.tables import PersonSession, SignInFailures, SignInLink
from tracker.org.throttle import SignInLimits

__all__ = ["KEEP_ENDED", "Purged", "purge_stale"]

KEEP_ENDED = dt.timedelta(days=30)


@dataclass(frozen=True)
class Purged:
    sessions: int
    failures: int
    links: int


async def purge_stale(now: dt.datetime, limits: SignInLimits | None = None) -> Purged:
    """Delete what ended :data:`KEEP_ENDED` before ``now``; how many rows of each."""
    limits = limits or SignInLimits()
    ended = now - KEEP_ENDED
    sessions = (
        await PersonSession.delete()
        .where(
            (PersonSession.expires_at < ended)
            | (PersonSession.revoked_at < ended)
            | (PersonSession.created_at < ended - LIFETIME)
        )
        .returning(PersonSession.id)
    )
    forgotten = now - limits.forget_after
    failures = (
        await SignInFailures.delete()
        .where(
            (SignInFailures.last_failed_at.is_null() | (SignInFailures.last_failed_at < forgotten))
            & (SignInFailures.blocked_until.is_null() | (SignInFailures.blocked_until < now))
        )
        .returning(SignInFailures.id)
    )
    links = (
        await SignInLink.delete()
        .where(
            (SignInLink.expires_at < ended)
            | (SignInLink.used_at < ended)
            | (SignInLink.revoked_at < ended)
        )
        .returning(SignInLink.id)
    )
    return Purged(sessions=len(sessions), failures=len(failures), links=len(links))
