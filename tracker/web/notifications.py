"""The page "Thông báo" (``/notifications``): a person's in-app notifications, newest
first, the unread ones marked, each leading to the deadline it is about; marking one or
all of them read. And the unread count in the header of every page, counted once per
request before the page's handler runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from litestar import Controller, Request, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template

from tracker.config import Settings
from tracker.notify.services import list_notifications, mark_all_read, mark_read, unread_count
from tracker.org.guards import signed_in, viewer_of
from tracker.org.scope import Scope
from tracker.vn import has_number

__all__ = [
    "SHOWN",
    "Note",
    "NoteItem",
    "NotificationPageController",
    "count_unread",
    "unread_notifications",
]

# How many notifications the page lists, newest first.
SHOWN = 100
# The groups of a daily digest, in the order the e-mail tells them.
DIGEST_GROUPS = (
    ("overdue", "Quá hạn"),
    ("soon", "Đến hạn trong 7 ngày tới"),
    ("escalated", "Quá hạn, báo lên anh/chị"),
)
# Paths that are not pages: no header, no count.
_NOT_PAGES = ("/api/", "/feeds/", "/schema", "/healthz", "/static/")
_UNREAD = "tracker_unread"
# The parts of the occurrence page a notification may lead to (nothing else is put in a link).
_ANCHORS = {"#gia-han": "#gia-han"}  # the count, in the request's ASGI scope


@dataclass(frozen=True)
class NoteItem:
    """A deadline a notification names: where it leads and how it is told."""

    occurrence_id: int
    title: str
    plan: str
    plan_ref: str
    due: str
    anchor: str = ""  # the part of the occurrence page it leads to ("#gia-han")

    @property
    def href(self) -> str:
        return f"/occurrences/{self.occurrence_id}{self.anchor}"

    @classmethod
    def of(cls, item: dict[str, Any]) -> NoteItem:
        number = str(item.get("plan_number") or "")
        return cls(
            occurrence_id=int(item["id"]),
            title=str(item.get("title") or ""),
            plan=str(item.get("plan") or ""),
            plan_ref=f"KH số {number}" if has_number(number) else "",
            due=str(item.get("due_text") or ""),
            anchor=_ANCHORS.get(str(item.get("anchor") or ""), ""),
        )


@dataclass(frozen=True)
class Note:
    """One notification as the page shows it: a reminder about one deadline, or a day's
    digest listing several, or (from an older version) its subject and text alone."""

    id: int
    subject: str
    at: dt.datetime
    read: bool
    reason: str = ""
    item: NoteItem | None = None
    groups: tuple[tuple[str, tuple[NoteItem, ...]], ...] = ()
    text: str = ""

    @classmethod
    def of(cls, row: dict[str, Any], tz: ZoneInfo) -> Note:
        payload = row["payload"] if isinstance(row["payload"], dict) else {}
        common = {
            "id": row["id"],
            "subject": row["subject"],
            "at": row["created_at"].astimezone(tz),
            "read": row["read_at"] is not None,
        }
        occurrence = payload.get("occurrence")
        if isinstance(occurrence, dict) and "id" in occurrence:
            return cls(**common, reason=str(payload.get("reason") or ""),
                       item=NoteItem.of(occurrence))  # fmt: skip
        groups = tuple(
            (word, tuple(NoteItem.of(i) for i in payload.get(key) or () if "id" in i))
            for key, word in DIGEST_GROUPS
            if payload.get(key)
        )
        if groups:
            return cls(**common, groups=groups)
        return cls(**common, text=row["body_text"])


class NotificationPageController(Controller):
    path = "/notifications"
    include_in_schema = False
    guards = (signed_in,)

    @get("/")
    async def page(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        unread: FromQuery[bool] = False,
        marked: FromQuery[int | None] = None,
    ) -> Template:
        person = _person(viewer)
        rows = await list_notifications(person, limit=SHOWN, unread=unread)
        context = {
            "viewer": viewer,
            "notes": [Note.of(r, settings.tz) for r in rows],
            "unread_only": unread,
            "shown": SHOWN,
            "marked": marked,
        }
        return Template("notifications.html", context=context)

    @post("/{notification_id:int}/read", opt={"login_next": "/notifications"})
    async def read_one(
        self,
        notification_id: FromPath[int],
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> Redirect:
        await mark_read(_person(viewer), notification_id, now)
        return Redirect(path="/notifications", query_params={"marked": "1"})

    @post("/read", opt={"login_next": "/notifications"})
    async def read_all(
        self, viewer: NamedDependency[Scope], now: NamedDependency[dt.datetime]
    ) -> Redirect:
        marked = await mark_all_read(_person(viewer), now)
        return Redirect(path="/notifications", query_params={"marked": str(marked)})


def _person(viewer: Scope) -> int:
    assert viewer.person_id is not None  # the signed_in guard lets only people through
    return viewer.person_id


async def count_unread(request: Request[Any, Any, Any]) -> None:
    """Before a page's handler: the signed-in person's unread count, for the header."""
    if request.url.path.startswith(_NOT_PAGES):
        return
    viewer = await viewer_of(request)
    if viewer.person_id is not None:
        request.scope[_UNREAD] = await unread_count(viewer.person_id)  # type: ignore[literal-required]


def unread_notifications(context: Any) -> int:
    """For the templates: ``{{ unread_notifications() }}``, 0 when nothing was counted."""
    count: int = context["request"].scope.get(_UNREAD, 0)
    return count
