"""HTTP API of the notify app: a person's in-app notifications and reminder setting."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec
from litestar import Controller, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter

from tracker.errors import AuthenticationRequiredError
from tracker.org.services import Scope

__all__ = ["MeController"]


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


def _person(viewer: Scope) -> int:
    if viewer.person_id is None:
        raise AuthenticationRequiredError("Bạn cần đăng nhập để xem thông báo của mình.")
    return viewer.person_id


def _out(row: dict[str, Any], tz: Any) -> NotificationOut:
    payload = row["payload"] or {}
    link = (payload.get("occurrence") or {}).get("link")
    return NotificationOut(
        id=row["id"],
        step=row["step"],
        subject=row["subject"],
        text=row["body_text"],
        occurrence=row["occurrence"],
        created_at=row["created_at"].astimezone(tz).isoformat(),
        read=row["read_at"] is not None,
        link=link,
    )


class MeController(Controller):
    path = "/api/me"
    tags = ("Thông báo",)

    @get("/notifications", summary="Thông báo nhắc việc của tôi, mới nhất trước")
    async def notifications(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Any],
        unread: Annotated[bool, QueryParameter(description="Chỉ những tin chưa đọc")] = False,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
    ) -> list[NotificationOut]:
        from tracker.notify.settings import list_notifications

        rows = await list_notifications(_person(viewer), limit=limit, unread=unread)
        return [_out(r, settings.tz) for r in rows]

    @post("/notifications/{notification_id:int}/read", summary="Đánh dấu đã đọc", status_code=204)
    async def read(
        self,
        notification_id: FromPath[int],
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> None:
        from tracker.notify.settings import mark_read

        await mark_read(_person(viewer), notification_id, now)

    @get("/notify-mode", summary="Mức nhắc việc của tôi")
    async def get_mode(self, viewer: NamedDependency[Scope]) -> ModeOut:
        from tracker.notify.settings import person_mode

        return ModeOut(mode=await person_mode(_person(viewer)))

    @put("/notify-mode", summary="Đặt mức nhắc việc: all, hoặc escalations (chỉ báo cáo quá hạn)")
    async def set_mode(
        self,
        data: JSONBody[ModeIn],
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> ModeOut:
        from tracker.notify.settings import set_mode

        await set_mode(data.mode, person_id=_person(viewer), now=now)
        return ModeOut(mode=data.mode)
