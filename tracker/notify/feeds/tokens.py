"""Feed tokens: who a feed shows (a person, a unit with its sub-units, or a plan), and the
random token that reaches it (192 bits, stored only as its SHA-256 with a 6-character
hint): making, listing, revoking and regenerating them."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

from tracker.config import Settings
from tracker.errors import NotFoundError, ValidationError
from tracker.notify.tables import FeedToken
from tracker.org.policy import OWN_SETTINGS, SHARE_FEED, Where, allowed, require
from tracker.org.scope import Scope
from tracker.org.tables import Person, Unit
from tracker.plans.services import find_plan
from tracker.vn import has_number

__all__ = [
    "KINDS",
    "Feed",
    "create_feed",
    "feed_columns",
    "feed_name",
    "feed_urls",
    "feeds_of",
    "hash_token",
    "live_token",
    "regenerate_feed",
    "revoke_feed",
    "serves",
    "target_id",
]

KINDS = {"person": "người", "unit": "đơn vị", "plan": "kế hoạch"}
TOKEN_BYTES = 24


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def feed_urls(settings: Settings, token: str, *, todo: bool = False) -> tuple[str, str]:
    """The feed's address and its webcal:// form (which phones open as a subscription)."""
    url = f"{settings.base_url}/feeds/{token}.ics" + ("?type=todo" if todo else "")
    return url, re.sub(r"^https?://", "webcal://", url)


@dataclass(frozen=True)
class Feed:
    id: int
    kind: str
    target_id: int
    name: str
    hint: str
    person: int | None
    created_by: int | None
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None


_FEED_COLUMNS = (
    FeedToken.id,
    FeedToken.kind,
    FeedToken.person,
    FeedToken.unit,
    FeedToken.plan,
    FeedToken.hint,
    FeedToken.created_by,
    FeedToken.created_at,
    FeedToken.revoked_at,
    FeedToken.last_used_at,
    FeedToken.person.name.as_alias("person_name"),
    FeedToken.unit.name.as_alias("unit_name"),
    FeedToken.plan.key.as_alias("plan_key"),
    FeedToken.plan.number.as_alias("plan_number"),
    FeedToken.plan.title.as_alias("plan_title"),
)
# Whether the feed's person and its maker may still use the service.
_LIVE_COLUMNS = (
    FeedToken.person.active.as_alias("person_active"),
    FeedToken.created_by.active.as_alias("maker_active"),
)


def feed_columns(*, live: bool = False) -> tuple[Any, ...]:
    """The columns of a feed's row (with ``live``: those :func:`serves` reads too)."""
    return _FEED_COLUMNS + (_LIVE_COLUMNS if live else ())


def target_id(row: dict[str, Any]) -> int:
    return int(row[row["kind"]])


def feed_name(row: dict[str, Any]) -> str:
    if row["kind"] == "person":
        return f"Hạn công việc – {row['person_name']}"
    if row["kind"] == "unit":
        return f"Hạn công việc – {row['unit_name']}"
    number = row["plan_number"] or ""
    ref = f"KH số {number}" if has_number(number) else row["plan_title"]
    return f"Hạn công việc – {ref}"


def _feed(row: dict[str, Any]) -> Feed:
    return Feed(
        id=row["id"],
        kind=row["kind"],
        target_id=target_id(row),
        name=feed_name(row),
        hint=row["hint"],
        person=row["person"],
        created_by=row["created_by"],
        created_at=row["created_at"],
        revoked_at=row["revoked_at"],
        last_used_at=row["last_used_at"],
    )


async def _resolve_target(
    kind: str, *, email: str | None, unit_code: str | None, plan_ref: str | None, scope: Scope
) -> int:
    """The id of the person (by e-mail; the signed-in person when none is named), unit or
    plan a feed of ``kind`` shows, within ``scope``."""
    if kind == "person":
        target = scope.person_id
        if email is not None or target is None:
            person = await Person.select(Person.id).where(Person.email == (email or "")).first()
            if person is None:
                raise NotFoundError(f"Không có người dùng nào có địa chỉ e-mail '{email}'.")
            target = int(person["id"])
        require(scope, OWN_SETTINGS, whose=_whose(scope, target))
        return target
    if kind in ("unit", "plan"):
        require(scope, SHARE_FEED)
    if kind == "unit":
        unit = await Unit.select(Unit.id, Unit.path).where(Unit.code == (unit_code or "")).first()
        if unit is None or not allowed(scope, SHARE_FEED, unit["path"]):
            raise NotFoundError(f"Không có đơn vị mã '{unit_code}' (hoặc bạn không có quyền xem).")
        return int(unit["id"])
    if kind == "plan":
        plan = await find_plan(plan_ref or "", scope)
        return int(plan["id"])
    raise ValidationError(f"Loại lịch '{kind}' không có; chọn person, unit hoặc plan.")


async def _load_feed(feed_id: int) -> dict[str, Any]:
    row = await FeedToken.select(*_FEED_COLUMNS).where(FeedToken.id == feed_id).first()
    if row is None:
        raise NotFoundError(f"Không có đường dẫn lịch số {feed_id}.")
    return row


async def _insert_token(
    kind: str, target_id: int, created_by: int | None, now: dt.datetime
) -> tuple[int, str]:
    """Store a new random token's hash for the feed; return its id and the token."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    row = FeedToken(
        kind=kind, token_hash=hash_token(token), hint=token[:6], created_by=created_by,
        created_at=now,
    )  # fmt: skip
    setattr(row, kind, target_id)
    inserted = await FeedToken.insert(row).returning(FeedToken.id)
    return int(inserted[0]["id"]), token


async def create_feed(
    kind: str,
    *,
    email: str | None = None,
    unit_code: str | None = None,
    plan_ref: str | None = None,
    scope: Scope,
    created_by: int | None = None,
    now: dt.datetime,
) -> tuple[Feed, str]:
    """A new feed token for a person (their own deadlines; without ``email``, the
    signed-in person of ``scope``), a unit (with its sub-units) or a plan. Returns the
    feed and the token, which is shown this once."""
    target_id = await _resolve_target(
        kind, email=email, unit_code=unit_code, plan_ref=plan_ref, scope=scope
    )
    feed_id, token = await _insert_token(kind, target_id, created_by, now)
    return _feed(await _load_feed(feed_id)), token


def _whose(scope: Scope, *people: int | None) -> Where:
    """``Where.OWN`` when the caller is one of ``people`` (a feed's person or maker)."""
    mine = scope.person_id is not None and scope.person_id in people
    return Where.OWN if mine else Where.ELSEWHERE


def _require_manage(row: dict[str, Any], scope: Scope) -> None:
    """One's own feeds, and those one made; another's answer as if they did not exist."""
    require(
        scope, OWN_SETTINGS, whose=_whose(scope, row["person"], row["created_by"]),
        hidden=f"Không có đường dẫn lịch số {row['id']}.",
    )  # fmt: skip


async def revoke_feed(feed_id: int, *, scope: Scope, now: dt.datetime) -> Feed:
    """Stop a feed: its token answers 404 from now on, on every web host."""
    row = await _load_feed(feed_id)
    _require_manage(row, scope)
    if row["revoked_at"] is None:
        await FeedToken.update({FeedToken.revoked_at: now}).where(FeedToken.id == feed_id)
    return _feed(await _load_feed(feed_id))


async def regenerate_feed(feed_id: int, *, scope: Scope, now: dt.datetime) -> tuple[Feed, str]:
    """Revoke a feed and make a new token for the same person, unit or plan."""
    row = await _load_feed(feed_id)
    _require_manage(row, scope)
    if row["revoked_at"] is None:
        await FeedToken.update({FeedToken.revoked_at: now}).where(FeedToken.id == feed_id)
    feed_id, token = await _insert_token(
        row["kind"], target_id(row), scope.person_id or row["created_by"], now
    )
    return _feed(await _load_feed(feed_id)), token


async def feeds_of(person_id: int, *, include_revoked: bool = False) -> list[Feed]:
    """The feeds a person owns (their own) or made (a unit's, a plan's)."""
    query = FeedToken.select(*_FEED_COLUMNS).where(
        (FeedToken.person == person_id) | (FeedToken.created_by == person_id)
    )
    if not include_revoked:
        query = query.where(FeedToken.revoked_at.is_null())
    return [_feed(r) for r in await query.order_by(FeedToken.id)]


def serves(row: dict[str, Any]) -> bool:
    """Not revoked, and nobody behind it deactivated: neither the person whose feed it is,
    nor the person who made it (a unit's or a plan's feed lives no longer than its maker's
    account; one made on the command line has no maker)."""
    if row["revoked_at"] is not None:
        return False
    if row["kind"] == "person" and not row["person_active"]:
        return False
    return row["created_by"] is None or bool(row["maker_active"])


async def live_token(digest: str) -> dict[str, Any] | None:
    """The feed row behind a token's hash, unless it is unknown, revoked, or its person or
    its maker has been deactivated. (A person's deactivation raises the "feeds" data
    version, so every web host's cache asks again at once.)"""
    row = (
        await FeedToken.select(*_FEED_COLUMNS, *_LIVE_COLUMNS)
        .where(FeedToken.token_hash == digest)
        .first()
    )
    return row if row and serves(row) else None
