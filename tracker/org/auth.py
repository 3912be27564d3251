"""Who is calling: passwords (argon2), sign-in, and the caller's unit scope.

A request is answered for a signed-in person (session cookie, or HTTP Basic for
scripts) within their unit scope. Without one it is refused by the guards
(:mod:`tracker.org.guards`), unless the service runs with public reading on
(``TRACKER_PUBLIC_READ``, which ``serve --demo`` turns on for its sample data),
and then only reading is allowed.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import hashlib
import logging
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import anyio.to_thread
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from tracker import db
from tracker.errors import AuthenticationRequiredError, ValidationError
from tracker.files import create_private
from tracker.org.scope import Scope
from tracker.org.services import scope_for_person
from tracker.org.sessions import end_sessions_of, session_person
from tracker.org.tables import Person
from tracker.org.throttle import SignInLimits, Turn, refund, take_turn

__all__ = [
    "CHEAP_HASHES_FOR_TESTS",
    "authenticate",
    "hash_password",
    "hasher_for",
    "load_or_create_secret",
    "scope_for_request",
    "secret_material",
    "set_password",
    "verify_password",
]

logger = logging.getLogger(__name__)
# The test suite's own switch (set by tests/conftest.py): argon2 at 1 MiB and one pass
# instead of 64 MiB and three, so the suite's thousands of sign-ins and Basic-auth calls do
# not spend minutes hashing. Hashes keep their parameters, so a hash made either way is
# verified at its own cost. Never set it for a real service: it logs a warning when it is.
CHEAP_HASHES_FOR_TESTS = "TRACKER_TEST_CHEAP_PASSWORD_HASHES"


def hasher_for(env: Mapping[str, str]) -> PasswordHasher:
    """argon2id with argon2-cffi's defaults (RFC 9106's low-memory profile: 64 MiB, three
    passes, four lanes), or the test suite's cheap one when ``env`` asks for it."""
    if env.get(CHEAP_HASHES_FOR_TESTS) == "1":
        logger.warning(
            "Mật khẩu được băm với tham số rẻ dành cho kiểm thử (%s).", CHEAP_HASHES_FOR_TESTS
        )
        return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)
    return PasswordHasher()


@functools.cache
def _hasher() -> PasswordHasher:
    return hasher_for(os.environ)


@functools.cache
def _dummy_hash() -> str:
    return _hasher().hash(secrets.token_hex(16))


async def hash_password(password: str) -> str:
    """The argon2 hash of ``password``, worked out in a thread: argon2 takes tens of
    milliseconds of CPU on purpose, and the event loop must keep answering meanwhile."""
    return await anyio.to_thread.run_sync(_hasher().hash, password)


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def verify_password(stored_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``stored_hash``; in a thread, like :func:`hash_password`."""
    return await anyio.to_thread.run_sync(_verify, stored_hash, password)


async def set_password(email: str, password: str, now: dt.datetime | None = None) -> bool:
    """Store ``password`` (hashed) for the person with ``email`` and end the sessions
    opened with the old one; False if there is no such person."""
    if len(password) < 8:
        raise ValidationError("Mật khẩu phải có ít nhất 8 ký tự.")
    password_hash = await hash_password(password)
    async with db.write_transaction():
        rows = (
            await Person.update(password_hash=password_hash)
            .where(Person.email == email.strip().lower())
            .returning(Person.id)
        )
        for row in rows:
            await end_sessions_of(row["id"], now or dt.datetime.now(dt.UTC))
    return bool(rows)


async def authenticate(
    email: str,
    password: str,
    *,
    address: str | None,
    now: dt.datetime,
    limits: SignInLimits,
) -> int | None:
    """The person's id when ``email`` and ``password`` match an active person, else
    None. Throttled per account and per client ``address``
    (:mod:`tracker.org.throttle`): a refused try raises
    :class:`~tracker.errors.TooManyAttemptsError` without checking the password."""
    email = email.strip().lower()[:320]  # no longer address exists (Person.email)
    account = await take_turn(f"account:{email}", limits.account_free, limits, now)
    place: Turn | None = None
    if address:
        place = await take_turn(f"address:{address}", limits.address_free, limits, now)
    person_id = await _check_password(email, password)
    if person_id is None:
        logger.info("Đăng nhập sai: tài khoản %s, từ địa chỉ %s.", email, address or "?")
        return None
    await refund(account, forget=True)
    if place is not None:
        await refund(place, forget=False)
    return person_id


async def _check_password(email: str, password: str) -> int | None:
    row = (
        await Person.select(Person.id, Person.password_hash)
        .where((Person.email == email) & (Person.active == True))  # noqa: E712
        .first()
    )
    if row is None or not row["password_hash"]:
        # Spend the same time as a real check, so timing does not reveal who exists.
        await verify_password(_dummy_hash(), password)
        return None
    return row["id"] if await verify_password(row["password_hash"], password) else None


def _basic_credentials(header: str | None) -> tuple[str, str] | None:
    if not header or not header.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(header[6:].strip()).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    email, sep, password = decoded.partition(":")
    return (email, password) if sep else None


async def scope_for_request(
    session: Mapping[str, Any] | None,
    authorization: str | None,
    *,
    address: str | None,
    now: dt.datetime,
    public_read: bool,
    limits: SignInLimits,
) -> Scope:
    """The caller's scope: the person of a live session (:mod:`tracker.org.sessions`),
    else of HTTP Basic credentials, else the public reader's when public reading is on,
    else an anonymous one that sees nothing (the guards then ask to sign in). Wrong
    Basic credentials are refused at once, and throttled like the sign-in form."""
    person_id = await session_person(session, now)
    if person_id is None:
        credentials = _basic_credentials(authorization)
        if credentials is not None:
            person_id = await authenticate(*credentials, address=address, now=now, limits=limits)
            if person_id is None:
                raise AuthenticationRequiredError("Sai địa chỉ e-mail hoặc mật khẩu.")
    if person_id is not None:
        scope = await scope_for_person(person_id)
        if scope is not None:
            return scope
    return Scope.public() if public_read else Scope.anonymous()


def secret_material(configured: str, data_dir: Path) -> bytes:
    """The service's secret, every key is derived from: ``TRACKER_SECRET_KEY`` when set
    (needed when several hosts share sessions and webhooks; the settings refuse one
    shorter than 32 bytes), else 32 random bytes (64 hex digits) kept in the data
    directory's ``secret.key``, created private (0600) from its first byte."""
    if configured:
        return configured.encode("utf-8")
    path = data_dir / "secret.key"
    if not path.exists():
        # Two processes starting at once: one creates it, both read the same key.
        create_private(path, secrets.token_hex(32).encode("ascii"))
    return path.read_text(encoding="utf-8").strip().encode("utf-8")


def load_or_create_secret(configured: str, data_dir: Path) -> bytes:
    """The session-signing key: 32 bytes derived from :func:`secret_material`."""
    return hashlib.sha256(secret_material(configured, data_dir)).digest()
