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
import hashlib
import secrets
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from tracker.errors import AuthenticationRequiredError, ValidationError
from tracker.files import create_private
from tracker.org.scope import Scope
from tracker.org.services import scope_for_person
from tracker.org.tables import Person

__all__ = [
    "authenticate",
    "hash_password",
    "load_or_create_secret",
    "scope_for_request",
    "secret_material",
    "set_password",
    "verify_password",
]

_hasher = PasswordHasher()
SESSION_KEY = "person_id"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def set_password(email: str, password: str) -> bool:
    """Store ``password`` (hashed) for the person with ``email``; False if there is none."""
    if len(password) < 8:
        raise ValidationError("Mật khẩu phải có ít nhất 8 ký tự.")
    rows = (
        await Person.update(password_hash=hash_password(password))
        .where(Person.email == email.strip().lower())
        .returning(Person.id)
    )
    return bool(rows)


async def authenticate(email: str, password: str) -> int | None:
    """The person's id when ``email`` and ``password`` match an active person."""
    row = (
        await Person.select(Person.id, Person.password_hash)
        .where((Person.email == email.strip().lower()) & (Person.active == True))  # noqa: E712
        .first()
    )
    if row is None or not row["password_hash"]:
        # Spend the same time as a real check, so timing does not reveal who exists.
        verify_password(_DUMMY_HASH, password)
        return None
    return row["id"] if verify_password(row["password_hash"], password) else None


_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


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
    session_person: int | None, authorization: str | None, *, public_read: bool
) -> Scope:
    """The caller's scope: the signed-in person's (session, else HTTP Basic), else the
    public reader's when public reading is on, else an anonymous one that sees nothing
    (the guards then ask to sign in). Wrong Basic credentials are refused at once."""
    person_id = session_person
    if person_id is None:
        credentials = _basic_credentials(authorization)
        if credentials is not None:
            person_id = await authenticate(*credentials)
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
