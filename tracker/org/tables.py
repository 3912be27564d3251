"""Units (a tree of any depth), the people in them, group membership, and the
bookkeeping of signing in: open sessions and failed attempts."""

from __future__ import annotations

from piccolo.columns import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    OnDelete,
    Serial,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

__all__ = [
    "GroupMember",
    "Membership",
    "Person",
    "PersonSession",
    "SignInFailures",
    "SignInLink",
    "Unit",
]


class Unit(Table):
    """An organisation unit: province, district, commune, office, position or group.

    ``path`` holds the codes from the root, "/hai-phong/hai-phong.dai-son/", so a
    scope check or a subtree query is one prefix comparison.
    """

    id: Serial

    code = Varchar(length=200, unique=True, index=True)
    name = Varchar(length=500)
    kind = Varchar(length=20)
    parent: ForeignKey[Unit] = ForeignKey("self", null=True, on_delete=OnDelete.restrict)
    path = Varchar(length=2000, index=True)
    depth = Integer(default=0)
    position = Integer(default=0)
    aliases = JSON(default=[])
    note = Text(default="")


class GroupMember(Table):
    """A group unit ("Các bộ phận chuyên môn") lists the units it stands for."""

    id: Serial

    group = ForeignKey(Unit, on_delete=OnDelete.cascade)
    member = ForeignKey(Unit, on_delete=OnDelete.cascade)


class Person(Table):
    """A civil servant, chairman or viewer; ``role`` says what they may do."""

    id: Serial

    name = Varchar(length=300)
    title = Varchar(length=300, default="")
    email = Varchar(length=320, unique=True, index=True)
    phone = Varchar(length=50, default="")
    role = Varchar(length=20, default="member")
    password_hash = Varchar(length=300, null=True, default=None)
    active = Boolean(default=True)
    created_at = Timestamptz()


class Membership(Table):
    """A person belongs to a unit; ``is_head`` marks who answers for it."""

    id: Serial

    person = ForeignKey(Person, on_delete=OnDelete.cascade)
    unit = ForeignKey(Unit, on_delete=OnDelete.cascade)
    is_head = Boolean(default=False)


class PersonSession(Table):
    """One signed-in browser. The session cookie holds the person's id and a random
    session id; only the SHA-256 of that id is stored, so a copy of the table opens
    nothing. A session ends when revoked (signing out, deactivation), after
    ``expires_at`` (idle time) or at its absolute end; every request checks it here."""

    id: Serial

    sid_hash = Varchar(length=64, unique=True, index=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, index=True)
    created_at = Timestamptz()
    last_seen_at = Timestamptz()
    expires_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)


class SignInFailures(Table):
    """Wrong passwords in a row, per account ("account:<email>") and per client address
    ("address:<ip>"), kept in the database so that every web host counts the same ones.
    ``blocked_until`` is when the next attempt may be checked."""

    id: Serial

    key = Varchar(length=400, unique=True, index=True)
    failures = Integer(default=0)
    last_failed_at = Timestamptz(null=True, default=None)
    blocked_until = Timestamptz(null=True, default=None)


class SignInLink(Table):
    """A one-time sign-in link, sent by e-mail to a new person (``purpose`` "invite") or
    to one who must set their password again ("reset"). Only the SHA-256 of its random
    token is stored. It opens the page where the person sets their password, once:
    ``used_at`` marks it spent; ``revoked_at`` a link replaced by a newer one, or ended
    by deactivation; after ``expires_at`` it is refused."""

    id: Serial

    token_hash = Varchar(length=64, unique=True, index=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, index=True)
    purpose = Varchar(length=20, default="invite")
    created_by = ForeignKey(Person, null=True, on_delete=OnDelete.set_null)
    created_at = Timestamptz()
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)
    revoked_at = Timestamptz(null=True, default=None)
