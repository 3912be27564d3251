"""Tables of the notify app: the outbox of messages, what each plan, task or person lets
through, the webhooks that bridge messages to other systems, the digests' days, the iCal
feeds' tokens, and the version number that tells a feed its data has changed."""

from __future__ import annotations

from piccolo.columns import (
    JSON,
    Boolean,
    Bytea,
    Date,
    ForeignKey,
    Integer,
    OnDelete,
    Serial,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from tracker.deadlines.tables import Occurrence
from tracker.org.tables import Person, Unit
from tracker.plans.tables import Plan

__all__ = [
    "DataVersion",
    "DigestBranch",
    "DigestRun",
    "FeedToken",
    "NotifySetting",
    "Outbox",
    "PrebuildMark",
    "PrebuiltFeed",
    "Webhook",
]


class Outbox(Table):
    """One message on one channel. ``key`` names what it says to whom: "o12:p3:before-3"
    (occurrence 12, person 3, the 3-days-before step) or "digest:p3:2026-04-08"; with
    ``channel`` it is unique, so writing a message twice writes it once.

    States: queued → sending → sent, or failed after the last attempt; cancelled when the
    work is done before it went out. A row left in "sending" by a worker that died is
    taken again after a timeout.
    """

    id: Serial

    key = Varchar(length=300)
    channel = Varchar(length=60)
    step = Varchar(length=40, default="")
    person = ForeignKey(Person, null=True, on_delete=OnDelete.cascade, index=True)
    occurrence = ForeignKey(Occurrence, null=True, on_delete=OnDelete.cascade, index=True)
    address = Varchar(length=1000, default="")
    subject = Text(default="")
    body_text = Text(default="")
    body_html = Text(default="")
    ics = Text(default="")
    payload = JSON(default={})
    state = Varchar(length=20, default="queued", index=True)
    attempts = Integer(default=0)
    next_attempt_at = Timestamptz(index=True)
    claimed_at = Timestamptz(null=True, default=None)
    claim = Varchar(length=40, default="")
    last_error = Text(default="")
    created_at = Timestamptz()
    sent_at = Timestamptz(null=True, default=None)
    read_at = Timestamptz(null=True, default=None)


class NotifySetting(Table):
    """What a plan, a task or a person lets through: "all", "escalations" or "off".
    ``target`` is "plan:12", "task:55" or "person:3"; one row each."""

    id: Serial

    target = Varchar(length=60, unique=True)
    mode = Varchar(length=20, default="all")
    updated_at = Timestamptz()


class Webhook(Table):
    """A bridge (Zalo, Telegram, an e-office system): every message to a person in
    ``unit``'s branch (all when empty) is also POSTed to ``url`` as JSON, signed with
    HMAC-SHA256 under ``secret``."""

    id: Serial

    url = Varchar(length=1000)
    secret = Varchar(length=200)
    unit = ForeignKey(Unit, null=True, on_delete=OnDelete.cascade)
    active = Boolean(default=True)
    created_at = Timestamptz()


class DigestRun(Table):
    """The days whose digests have all been written."""

    id: Serial

    day = Date(unique=True)
    finished_at = Timestamptz()


class DigestBranch(Table):
    """The provinces (top units) whose digests of a day are written, "2026-04-09 /hai-phong/":
    a pass spread over workers, one task per province, marks each as it finishes."""

    id: Serial

    key = Varchar(length=300, unique=True)
    finished_at = Timestamptz()


class FeedToken(Table):
    """The secret in one iCal feed URL: a person's own deadlines, a unit's (with its
    sub-units) or a plan's. Only the SHA-256 of the token is stored; ``hint`` keeps its
    first characters so a person can tell two links apart. A revoked token answers 404."""

    id: Serial

    kind = Varchar(length=10)  # person, unit, plan
    person = ForeignKey(Person, null=True, on_delete=OnDelete.cascade, index=True)
    unit = ForeignKey(Unit, null=True, on_delete=OnDelete.cascade)
    plan = ForeignKey(Plan, null=True, on_delete=OnDelete.cascade)
    token_hash = Varchar(length=64, unique=True, index=True)
    hint = Varchar(length=12, default="")
    created_by = ForeignKey(Person, null=True, on_delete=OnDelete.set_null)
    created_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)
    last_used_at = Timestamptz(null=True, default=None)


class DataVersion(Table):
    """Counters the database raises itself (triggers) whenever what they watch changes:
    "feeds" rises with every change to plans, tasks, units, memberships, feed tokens and
    the deadline fields of occurrences, so a cached feed knows when it is stale."""

    id: Serial

    name = Varchar(length=40, unique=True)
    value = Integer(default=0)
    # When it last rose: a change with no timestamp of its own (a membership, a task's
    # lead unit) still moves a feed's Last-Modified.
    changed_at = Timestamptz(null=True, default=None)


class PrebuiltFeed(Table):
    """A feed the worker built ahead of its subscribers (``TRACKER_FEED_PREBUILD``), for
    every web host to serve: the bytes, the ETag and the data versions it was built at.
    ``key`` is the feed's kind, target and component ("person:12:VEVENT"): every token
    of one person, unit or plan shares it. A body is served only while the versions it
    was built at still hold, on the day it was built, until ``valid_until``."""

    id: Serial

    key = Varchar(length=60, unique=True)
    name = Text(default="")
    # The body gzipped (as served to the clients that ask for gzip, most do): a 900 KB
    # feed takes 27 KB, and is unzipped in a few milliseconds for the others.
    gzipped = Bytea(default=b"")
    etag = Varchar(length=80, default="")
    entries = Integer(default=0)
    versions = JSON(default={})
    built_at = Timestamptz()
    last_modified = Timestamptz()
    valid_until = Timestamptz(index=True)


class PrebuildMark(Table):
    """For each commune's data version ("scope:<unit id>"): the value a pre-build was
    last asked for and the value the feeds were last built at, so a burst of changes
    gives one task, and a change already built gives none."""

    id: Serial

    name = Varchar(length=40, unique=True)
    asked = Integer(default=0)
    asked_at = Timestamptz(null=True, default=None)
    built = Integer(default=0)
