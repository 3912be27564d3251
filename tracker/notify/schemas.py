"""Request and response types of the notify app's HTTP API: in-app notifications, the
reminder setting and calendar feeds."""

from __future__ import annotations

import msgspec

__all__ = ["FeedIn", "FeedOut", "ModeIn", "ModeOut", "NotificationOut", "WeeklySummary"]


class NotificationOut(msgspec.Struct, kw_only=True):
    id: int
    step: str
    subject: str
    text: str
    occurrence: int | None
    created_at: str
    read: bool
    link: str | None


class ModeIn(msgspec.Struct, kw_only=True):
    """ "all": every reminder; "escalations": only reports of late work."""

    mode: str


class ModeOut(msgspec.Struct, kw_only=True):
    mode: str


class WeeklySummary(msgspec.Struct, kw_only=True):
    """Whether a chairman or officer gets the Monday summary e-mail (on unless turned off)."""

    enabled: bool


class FeedIn(msgspec.Struct, kw_only=True):
    """A new feed: "person" (my own deadlines), "unit" with ``unit`` (a code), or "plan"
    with ``plan`` (an id or key)."""

    kind: str = "person"
    unit: str | None = None
    plan: str | None = None


class FeedOut(msgspec.Struct, kw_only=True):
    id: int
    kind: str
    name: str
    hint: str
    created_at: str
    last_used_at: str | None
    revoked: bool
    url: str | None = None  # only when the token was just made
    webcal: str | None = None
