"""Throttling of sign-in: wrong passwords in a row, counted per account and per client
address in the database (so every web host counts the same ones).

After :attr:`SignInLimits.account_free` wrong passwords for an account (or
:attr:`SignInLimits.address_free` from one address), the next try waits
:attr:`SignInLimits.first_delay`, and each further wrong one doubles the wait up to
:attr:`SignInLimits.longest_delay`. While an account or address waits, every try is
refused (429) without looking at the password, the right one included. A count with no
wrong password for :attr:`SignInLimits.forget_after` starts again; signing in resets the
account's count.

A try is counted before its password is checked, with a compare-and-set on the count: a
burst of parallel guesses gets no more checks than sequential ones would.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass

from tracker.errors import TooManyAttemptsError
from tracker.org.tables import SignInFailures

__all__ = ["SignInLimits", "Turn", "refund", "take_turn"]

logger = logging.getLogger(__name__)

# Tries at one count before a burst of parallel tries is told to wait a moment.
_RACES = 10


@dataclass(frozen=True)
class SignInLimits:
    """How many wrong passwords are let through, and how long the waits after them are."""

    account_free: int = 5
    # Higher: a commune office signs in from behind one address.
    address_free: int = 20
    first_delay: dt.timedelta = dt.timedelta(seconds=30)
    longest_delay: dt.timedelta = dt.timedelta(minutes=15)
    forget_after: dt.timedelta = dt.timedelta(hours=1)

    def delay(self, failures: int, free: int) -> dt.timedelta | None:
        """The wait after ``failures`` wrong passwords in a row, None while still free."""
        if failures < free:
            return None
        doubled: dt.timedelta = self.first_delay * 2 ** min(failures - free, 20)
        return min(doubled, self.longest_delay)


@dataclass(frozen=True)
class Turn:
    """A try counted for ``key``: ``failures`` is the count with this try included."""

    key: str
    failures: int


def _refusal(blocked_until: dt.datetime, now: dt.datetime) -> TooManyAttemptsError:
    seconds = max(1, math.ceil((blocked_until - now).total_seconds()))
    at = blocked_until.astimezone(now.tzinfo).strftime("%H:%M:%S")
    return TooManyAttemptsError(
        f"Đăng nhập sai quá nhiều lần; hãy thử lại sau {seconds} giây (lúc {at}).",
        retry_after=seconds,
    )


async def take_turn(key: str, free: int, limits: SignInLimits, now: dt.datetime) -> Turn:
    """Count one try for ``key``, or refuse it (:class:`TooManyAttemptsError`) while the
    key waits. The try counts as wrong until :func:`refund` says otherwise."""
    for _ in range(_RACES):
        row = await SignInFailures.select().where(SignInFailures.key == key).first()
        if row is None:
            await SignInFailures.insert(SignInFailures(key=key, failures=0)).on_conflict(
                target=SignInFailures.key, action="DO NOTHING"
            )
            continue
        blocked_until = row["blocked_until"]
        if blocked_until is not None and now < blocked_until:
            raise _refusal(blocked_until, now)
        last = row["last_failed_at"]
        stale = last is not None and now - last >= limits.forget_after
        failures = 1 if stale else row["failures"] + 1
        delay = limits.delay(failures, free)
        changed = (
            await SignInFailures.update(
                {
                    SignInFailures.failures: failures,
                    SignInFailures.last_failed_at: now,
                    SignInFailures.blocked_until: now + delay if delay else None,
                }
            )
            .where((SignInFailures.key == key) & (SignInFailures.failures == row["failures"]))
            .returning(SignInFailures.id)
        )
        if changed:
            if delay is not None:
                logger.warning(
                    "Đăng nhập: %s đã sai %s lần liền; lần thử sau phải chờ %s giây.",
                    key,
                    failures,
                    int(delay.total_seconds()),
                )
            return Turn(key, failures)
    # Other tries for the same key kept changing the count under this one.
    raise _refusal(now + dt.timedelta(seconds=1), now)


async def refund(turn: Turn, *, forget: bool) -> None:
    """The try was right: forget the key's count (an account), or take this try back
    (an address), unless other tries have counted since."""
    if forget:
        await SignInFailures.delete().where(SignInFailures.key == turn.key)
        return
    await SignInFailures.update(
        {SignInFailures.failures: turn.failures - 1, SignInFailures.blocked_until: None}
    ).where((SignInFailures.key == turn.key) & (SignInFailures.failures == turn.failures))
