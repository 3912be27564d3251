"""Sessions kept by the server. The signed cookie holds the person's id and a random
session id; the session itself lives in :class:`PersonSession`, so signing out or
deactivating someone ends it at once on every web host, not when the cookie expires.

A session ends when it is revoked, after :data:`IDLE` without a request, or
:data:`LIFETIME` after signing in, whichever comes first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Mapping
from typing import Any

from tracker import db
from tracker.org.tables import Person, PersonSession

__all__ = [
    "IDLE",
    "LIFETIME",
    "PERSON_KEY",
    "SID_KEY",
    "deactivate_person",
    "end_session",
    "end_sessions_of",
    "open_session",
    "session_cookie",
    "session_person",
]

PERSON_KEY = "person_id"
SID_KEY = "sid"
IDLE = dt.timedelta(days=14)
LIFETIME = dt.timedelta(days=30)
# A request refreshes "last seen" (and so the idle end) at most this often: reading pages
# should not write a row each time.
TOUCH_EVERY = dt.timedelta(minutes=5)


def _hash(sid: str) -> str:
    return hashlib.sha256(sid.encode("utf-8")).hexdigest()


def session_cookie(person_id: int, sid: str) -> dict[str, Any]:
    """What the signed cookie holds for a session."""
    return {PERSON_KEY: person_id, SID_KEY: sid}


def _sid_of(cookie: Mapping[str, Any] | None) -> tuple[int, str] | None:
    if not cookie:
        return None
    person, sid = cookie.get(PERSON_KEY), cookie.get(SID_KEY)
    if isinstance(person, int) and isinstance(sid, str) and sid:
        return person, sid
    return None  # a cookie from before server-side sessions: sign in again


async def open_session(person_id: int, now: dt.datetime) -> str:
    """Start a session for ``person_id``; the session id to put in the cookie."""
    sid = secrets.token_urlsafe(32)
    await PersonSession.insert(
        PersonSession(
            sid_hash=_hash(sid),
            person=person_id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + IDLE,
        )
    )
    return sid


async def session_person(cookie: Mapping[str, Any] | None, now: dt.datetime) -> int | None:
    """The person whose live session the cookie names, else None (no session, revoked,
    expired, or the cookie's person is not the session's)."""
    found = _sid_of(cookie)
    if found is None:
        return None
    person_id, sid = found
    row = (
        await PersonSession.select(
            PersonSession.id,
            PersonSession.person,
            PersonSession.created_at,
            PersonSession.last_seen_at,
            PersonSession.expires_at,
            PersonSession.revoked_at,
        )
        .where(PersonSession.sid_hash == _hash(sid))
        .first()
    )
    if row is None or row["person"] != person_id or row["revoked_at"] is not None:
        return None
    if now >= row["expires_at"] or now >= row["created_at"] + LIFETIME:
        return None
    if now - row["last_seen_at"] >= TOUCH_EVERY:
        await PersonSession.update(
            {PersonSession.last_seen_at: now, PersonSession.expires_at: now + IDLE}
        ).where(PersonSession.id == row["id"])
    return person_id


async def end_session(cookie: Mapping[str, Any] | None, now: dt.datetime) -> None:
    """Revoke the session the cookie names (signing out); nothing when there is none."""
    found = _sid_of(cookie)
    if found is None:
        return
    await PersonSession.update({PersonSession.revoked_at: now}).where(
        (PersonSession.sid_hash == _hash(found[1])) & PersonSession.revoked_at.is_null()
    )


async def end_sessions_of(person_id: int, now: dt.datetime) -> int:
    """Revoke every open session of a person; how many there were."""
    rows = (
        await PersonSession.update({PersonSession.revoked_at: now})
        .where((PersonSession.person == person_id) & PersonSession.revoked_at.is_null())
        .returning(PersonSession.id)
    )
    return len(rows)


async def deactivate_person(email: str, now: dt.datetime) -> bool:
    """Mark the person with ``email`` inactive and end all their sessions, in one
    transaction; False when there is no such person. Signing in again is refused until
    they are active again, and even then their old sessions stay ended."""
    async with db.write_transaction():
        rows = (
            await Person.update({Person.active: False})
            .where(Person.email == email.strip().lower())
            .returning(Person.id)
        )
        for row in rows:
            await end_sessions_of(row["id"], now)
    return bool(rows)
