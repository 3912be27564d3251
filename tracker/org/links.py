"""One-time sign-in links: a new person's invitation, or a reset for someone who must set
their password again. The link carries a random token (256 bits); only its SHA-256 is
stored (:class:`SignInLink`), as for sessions. It is good for :data:`LINK_LIFETIME`, once:
it opens the page where the person sets their own password, and then signs them in.

Sending a new link to a person ends the ones sent before it; deactivating a person ends
theirs. Sending the e-mail is not done here (org knows no outbox): see
:mod:`tracker.notify.invites`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from tracker import db
from tracker.errors import ValidationError
from tracker.org.sessions import end_sessions_of
from tracker.org.tables import Person, SignInLink

__all__ = [
    "LINK_LIFETIME",
    "MIN_PASSWORD",
    "PURPOSES",
    "IssuedLink",
    "LinkState",
    "check_new_password",
    "end_links_of",
    "issue_link",
    "link_state",
    "redeem_link",
]

LINK_LIFETIME = dt.timedelta(hours=24)
MIN_PASSWORD = 8
MAX_PASSWORD = 200
PURPOSES = {"invite": "lời mời", "reset": "đặt lại mật khẩu"}
# The shape of a token this module makes: anything else is not looked up at all.
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IssuedLink:
    """A link just made: the token is known this once (it goes into the e-mail)."""

    id: int
    token: str
    person_id: int
    email: str
    name: str
    purpose: str
    expires_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class LinkState:
    """What a token opens: ``usable``, or why not, in a sentence (``problem``)."""

    usable: bool = False
    problem: str = ""
    person_id: int | None = None
    name: str = ""
    email: str = ""
    purpose: str = "invite"
    status: int = 200


def check_new_password(password: str, confirm: str) -> None:
    """A password a person chooses: long enough, not absurdly long, typed twice alike."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")
    if len(password) > MAX_PASSWORD:
        raise ValidationError(f"Mật khẩu dài quá {MAX_PASSWORD} ký tự.")
    if password != confirm:
        raise ValidationError("Hai lần nhập mật khẩu không khớp nhau; hãy nhập lại.")


async def issue_link(
    person_id: int, *, purpose: str, now: dt.datetime, created_by: int | None
) -> IssuedLink:
    """A new link for the person; the unused ones sent before it stop working."""
    if purpose not in PURPOSES:
        raise ValidationError(f"Loại đường dẫn '{purpose}' không có; chỉ có invite hoặc reset.")
    token = secrets.token_urlsafe(32)
    async with db.write_transaction():
        person = (
            await Person.select(Person.id, Person.email, Person.name)
            .where(Person.id == person_id)
            .first()
        )
        if person is None:
            raise ValidationError(f"Không có người dùng số {person_id}.")
        await end_links_of(person_id, now)
        inserted = await SignInLink.insert(
            SignInLink(
                token_hash=_hash(token),
                person=person_id,
                purpose=purpose,
                created_by=created_by,
                created_at=now,
                expires_at=now + LINK_LIFETIME,
            )
        ).returning(SignInLink.id)
    return IssuedLink(
        id=inserted[0]["id"],
        token=token,
        person_id=person_id,
        email=person["email"],
        name=person["name"],
        purpose=purpose,
        expires_at=now + LINK_LIFETIME,
    )


async def end_links_of(person_id: int, now: dt.datetime) -> int:
    """Revoke every link of the person not yet used; how many there were."""
    rows = (
        await SignInLink.update({SignInLink.revoked_at: now})
        .where(
            (SignInLink.person == person_id)
            & SignInLink.used_at.is_null()
            & SignInLink.revoked_at.is_null()
        )
        .returning(SignInLink.id)
    )
    return len(rows)


def _well_formed(token: str) -> bool:
    return 20 <= len(token) <= 100 and set(token) <= _TOKEN_CHARS


_UNKNOWN = LinkState(
    problem="Đường dẫn đăng nhập này không đúng (có thể bị chép thiếu); hãy mở lại đường dẫn trong "
    "thư, hoặc nhờ cán bộ văn phòng gửi đường dẫn mới.",
    status=404,
)


async def link_state(token: str, now: dt.datetime, tz: dt.tzinfo) -> LinkState:
    """What the link opens now, without using it (a mail scanner that fetches the link
    must not spend it)."""
    if not _well_formed(token):
        return _UNKNOWN
    row = (
        await SignInLink.select(
            SignInLink.person,
            SignInLink.purpose,
            SignInLink.expires_at,
            SignInLink.used_at,
            SignInLink.revoked_at,
            SignInLink.person.name.as_alias("name"),
            SignInLink.person.email.as_alias("email"),
            SignInLink.person.active.as_alias("active"),
        )
        .where(SignInLink.token_hash == _hash(token))
        .first()
    )
    if row is None:
        return _UNKNOWN
    again = "; hãy nhờ cán bộ văn phòng gửi đường dẫn mới."
    if row["used_at"] is not None:
        when = row["used_at"].astimezone(tz).strftime("%H:%M %d/%m/%Y")
        problem = f"Đường dẫn này đã được dùng lúc {when}; mỗi đường dẫn chỉ dùng được một lần"
        return LinkState(problem=problem + ". Hãy đăng nhập bằng mật khẩu đã đặt.", status=410)
    if row["revoked_at"] is not None:
        problem = "Đường dẫn này đã bị thay bằng đường dẫn mới hơn" + again
        return LinkState(problem=problem, status=410)
    if not row["active"]:
        return LinkState(problem="Tài khoản này đã bị khóa" + again, status=410)
    if now >= row["expires_at"]:
        when = row["expires_at"].astimezone(tz).strftime("%H:%M %d/%m/%Y")
        problem = f"Đường dẫn này đã hết hạn lúc {when} (dùng được 24 giờ){again}"
        return LinkState(problem=problem, status=410)
    return LinkState(
        usable=True,
        person_id=row["person"],
        name=row["name"],
        email=row["email"],
        purpose=row["purpose"],
    )


async def redeem_link(token: str, password_hash: str, now: dt.datetime) -> int | None:
    """Spend the link and set the person's password, in one transaction; the person's id,
    or None when the link is not (or no longer) usable. Two tries at once: one wins."""
    if not _well_formed(token):
        return None
    try:
        return await _redeem(token, password_hash, now)
    except _Inactive:
        return None  # the transaction rolled back: the link stays as it was


async def _redeem(token: str, password_hash: str, now: dt.datetime) -> int | None:
    async with db.write_transaction():
        spent = (
            await SignInLink.update({SignInLink.used_at: now})
            .where(
                (SignInLink.token_hash == _hash(token))
                & SignInLink.used_at.is_null()
                & SignInLink.revoked_at.is_null()
                & (SignInLink.expires_at > now)
            )
            .returning(SignInLink.person)
        )
        if not spent:
            return None
        person_id = int(spent[0]["person"])
        updated = (
            await Person.update({Person.password_hash: password_hash})
            .where((Person.id == person_id) & (Person.active == True))  # noqa: E712
            .returning(Person.id)
        )
        if not updated:
            raise _Inactive()
        # A reset is often asked for because someone else may know the old password: the
        # sessions opened with it end with it.
        await end_sessions_of(person_id, now)
    return person_id


class _Inactive(Exception):
    """Rolls the spending back when the link's person was locked meanwhile."""
