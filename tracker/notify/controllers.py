"""HTTP API of the notify app: a person's in-app notifications, reminder setting and
calendar feeds, and the feeds themselves; and the deadlines' use cases that stop or start
reminders: recording events, completing work, extensions."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime, parsedate_to_datetime
from typing import Annotated, Any

from litestar import Controller, Request, Response, get, head, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter

from tracker.config import Settings
from tracker.deadlines.extensions import (
    find_extension,
    list_extensions,
    parse_due_time,
)
from tracker.deadlines.schemas import (
    CompleteIn,
    DecisionIn,
    EventIn,
    EventOut,
    ExtensionIn,
    ExtensionOut,
    OccurrenceDetail,
)
from tracker.errors import ERROR_RESPONSES, NotFoundError, ValidationError
from tracker.notify import services
from tracker.notify.feeds import (
    FeedBody,
    create_feed,
    feed_urls,
    feeds_of,
    open_feed,
    regenerate_feed,
    revoke_feed,
)
from tracker.notify.jobs import deliver
from tracker.notify.schemas import (
    FeedIn,
    FeedOut,
    ModeIn,
    ModeOut,
    NotificationOut,
    WeeklySummary,
)
from tracker.notify.services import (
    ask_extension,
    complete_work,
    grant_extension,
    record_event_and_remind,
    take_back_extension,
    turn_down_extension,
)
from tracker.notify.summaries import set_weekly_summary, weekly_summary_on
from tracker.org.guards import completer, decider, editor, public, readable, requester, signed_in
from tracker.org.policy import OWN_SETTINGS, refusal
from tracker.org.scope import Scope

__all__ = [
    "CompletionController",
    "EventController",
    "ExtensionController",
    "ExtensionRequestController",
    "FeedController",
    "MeController",
    "MeFeedController",
]


def _person(viewer: Scope) -> int:
    """The signed-in person, whom the ``signed_in`` guard let through."""
    if viewer.person_id is None:
        raise refusal(viewer, OWN_SETTINGS)
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
    guards = (signed_in,)

    @get(
        "/notifications",
        summary="Thông báo nhắc việc của tôi, mới nhất trước",
        responses=ERROR_RESPONSES,
    )
    async def notifications(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Any],
        unread: Annotated[bool, QueryParameter(description="Chỉ những tin chưa đọc")] = False,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
    ) -> list[NotificationOut]:
        rows = await services.list_notifications(_person(viewer), limit=limit, unread=unread)
        return [_out(r, settings.tz) for r in rows]

    @post(
        "/notifications/{notification_id:int}/read",
        summary="Đánh dấu đã đọc",
        status_code=204,
        responses=ERROR_RESPONSES,
    )
    async def read(
        self,
        notification_id: FromPath[int],
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> None:
        await services.mark_read(_person(viewer), notification_id, now)

    @get("/notify-mode", summary="Mức nhắc việc của tôi", responses=ERROR_RESPONSES)
    async def get_mode(self, viewer: NamedDependency[Scope]) -> ModeOut:
        return ModeOut(mode=await services.person_mode(_person(viewer)))

    @put(
        "/notify-mode",
        summary="Đặt mức nhắc việc: all, hoặc escalations (chỉ báo cáo quá hạn)",
        responses=ERROR_RESPONSES,
    )
    async def set_mode(
        self,
        data: JSONBody[ModeIn],
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> ModeOut:
        await services.set_mode(data.mode, person_id=_person(viewer), now=now)
        return ModeOut(mode=data.mode)

    @get(
        "/weekly-summary",
        summary="Tôi có nhận thư tổng hợp sáng thứ Hai không",
        responses=ERROR_RESPONSES,
    )
    async def get_weekly(self, viewer: NamedDependency[Scope]) -> WeeklySummary:
        return WeeklySummary(enabled=await weekly_summary_on(_person(viewer)))

    @put(
        "/weekly-summary",
        summary="Bật hoặc tắt thư tổng hợp sáng thứ Hai (chủ tịch, cán bộ văn phòng)",
        responses=ERROR_RESPONSES,
    )
    async def set_weekly(
        self,
        data: JSONBody[WeeklySummary],
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> WeeklySummary:
        return WeeklySummary(enabled=await set_weekly_summary(_person(viewer), data.enabled, now))


# --------------------------------------------------------------------------- iCal feeds


def _feed_out(feed: Any, tz: Any, settings: Any = None, token: str | None = None) -> FeedOut:
    url, webcal = feed_urls(settings, token) if token else (None, None)
    return FeedOut(
        id=feed.id,
        kind=feed.kind,
        name=feed.name,
        hint=feed.hint,
        created_at=feed.created_at.astimezone(tz).isoformat(),
        last_used_at=feed.last_used_at.astimezone(tz).isoformat() if feed.last_used_at else None,
        revoked=feed.revoked_at is not None,
        url=url,
        webcal=webcal,
    )


class MeFeedController(Controller):
    path = "/api/me/feeds"
    tags = ("Lịch iCal",)
    guards = (signed_in,)

    @get("/", summary="Các đường dẫn lịch của tôi (không kèm mã bí mật)", responses=ERROR_RESPONSES)
    async def list_feeds(
        self, viewer: NamedDependency[Scope], settings: NamedDependency[Any]
    ) -> list[FeedOut]:
        return [_feed_out(f, settings.tz) for f in await feeds_of(_person(viewer))]

    @post(
        "/",
        summary="Tạo đường dẫn lịch mới; mã chỉ hiện một lần",
        status_code=201,
        responses=ERROR_RESPONSES,
    )
    async def create(
        self,
        data: JSONBody[FeedIn],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Any],
        now: NamedDependency[dt.datetime],
    ) -> FeedOut:
        feed, token = await create_feed(
            data.kind, unit_code=data.unit, plan_ref=data.plan, scope=viewer,
            created_by=_person(viewer), now=now,
        )  # fmt: skip
        return _feed_out(feed, settings.tz, settings, token)

    @post(
        "/{feed_id:int}/revoke",
        summary="Thu hồi đường dẫn lịch",
        status_code=200,
        responses=ERROR_RESPONSES,
    )
    async def revoke(
        self,
        feed_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Any],
        now: NamedDependency[dt.datetime],
    ) -> FeedOut:
        _person(viewer)
        return _feed_out(await revoke_feed(feed_id, scope=viewer, now=now), settings.tz)

    @post(
        "/{feed_id:int}/regenerate",
        summary="Thu hồi và tạo đường dẫn mới",
        status_code=201,
        responses=ERROR_RESPONSES,
    )
    async def regenerate(
        self,
        feed_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Any],
        now: NamedDependency[dt.datetime],
    ) -> FeedOut:
        _person(viewer)
        feed, token = await regenerate_feed(feed_id, scope=viewer, now=now)
        return _feed_out(feed, settings.tz, settings, token)


def _not_modified(
    request: Request[Any, Any, Any], etags: tuple[str, ...], modified: dt.datetime
) -> bool:
    """RFC 9110: If-None-Match decides when present (a weak comparison, so either
    encoding's tag matches); else If-Modified-Since."""
    match = request.headers.get("if-none-match")
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return "*" in tags or bool(tags & set(etags))
    since = request.headers.get("if-modified-since")
    if since:
        try:
            moment = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return modified <= moment
    return False


def _feed_headers(feed: FeedBody, *, compress: bool) -> dict[str, str]:
    headers = {
        "ETag": feed.gzip_etag if compress else feed.etag,
        "Last-Modified": format_datetime(feed.last_modified.astimezone(dt.UTC), usegmt=True),
        "Cache-Control": "private, max-age=300",
        "Content-Disposition": 'inline; filename="han-cong-viec.ics"',
        "Vary": "Accept-Encoding",
    }
    if compress:
        headers["Content-Encoding"] = "gzip"
    return headers


class FeedController(Controller):
    """``/feeds/{token}.ics``: no sign-in, the token is the key."""

    path = "/feeds"
    tags = ("Lịch iCal",)
    guards = (public,)  # the token is the key

    async def _answer(
        self, request: Request[Any, Any, Any], filename: str, type_: str | None,
        settings: Any, now: dt.datetime, *, head: bool,
    ) -> Response[bytes]:  # fmt: skip
        token = filename.removesuffix(".ics")
        if token == filename or not token:
            raise NotFoundError("Không có lịch này.")
        if type_ not in (None, "", "event", "todo"):
            raise ValidationError(f"type '{type_}' không có; dùng type=todo hoặc bỏ trống.")
        feed = await open_feed(token, settings=settings, now=now, todo=type_ == "todo")
        if feed is None:
            raise NotFoundError("Không có lịch này, hoặc đường dẫn đã bị thu hồi.")
        # Compressed only when asked for; the compressed bytes are kept with the feed.
        compress = "gzip" in request.headers.get("accept-encoding", "").lower()
        body = feed.gzipped if compress else feed.body
        headers = _feed_headers(feed, compress=compress)
        if _not_modified(request, (feed.etag, feed.gzip_etag), feed.last_modified):
            return Response(content=b"", status_code=304, headers=headers)
        headers["Content-Length"] = str(len(body))
        return Response(
            content=b"" if head else body,
            media_type="text/calendar",  # Litestar adds "; charset=utf-8" to text types
            headers=headers,
        )

    @get(
        "/{filename:str}",
        summary="Lịch iCal theo mã (không cần đăng nhập)",
        responses=ERROR_RESPONSES,
    )
    async def feed(
        self,
        request: Request[Any, Any, Any],
        filename: FromPath[str],
        settings: NamedDependency[Any],
        now: NamedDependency[dt.datetime],
        type_: Annotated[str | None, QueryParameter(name="type")] = None,
    ) -> Response[bytes]:
        return await self._answer(request, filename, type_, settings, now, head=False)

    @head("/{filename:str}", summary="Chỉ tiêu đề của lịch iCal", responses=ERROR_RESPONSES)
    async def feed_head(
        self,
        request: Request[Any, Any, Any],
        filename: FromPath[str],
        settings: NamedDependency[Any],
        now: NamedDependency[dt.datetime],
        type_: Annotated[str | None, QueryParameter(name="type")] = None,
    ) -> Response[None]:
        answer = await self._answer(request, filename, type_, settings, now, head=True)
        return Response(
            content=None,
            status_code=answer.status_code,
            media_type=answer.media_type,
            headers=dict(answer.headers),
        )


# --------------------------------------------------------------------------- work


class CompletionController(Controller):
    """Completing work stops its reminders, so the endpoint lives here, above deadlines."""

    path = "/api/occurrences"
    tags = ("Hạn công việc",)
    guards = (completer,)

    @post(
        "/{occurrence_id:int}/complete",
        summary="Ghi hoàn thành (kết quả, người làm, thời điểm); dừng nhắc việc",
        status_code=200,
        responses=ERROR_RESPONSES,
    )
    async def complete(
        self,
        occurrence_id: FromPath[int],
        data: JSONBody[CompleteIn],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> OccurrenceDetail:
        row = await complete_work(occurrence_id, data, scope=viewer, tz=settings.tz, now=now)
        return OccurrenceDetail.of(row)


class EventController(Controller):
    path = "/api/events"
    tags = ("Sự kiện",)
    guards = (editor,)

    @post(
        "/",
        summary="Ghi sự kiện; tạo ngay các hạn công việc nó làm phát sinh",
        status_code=201,
        responses=ERROR_RESPONSES,
    )
    async def record(
        self,
        data: JSONBody[EventIn],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> EventOut:
        record, report = await record_event_and_remind(
            data.kind, data.date, unit_code=data.unit, reference=data.ref, scope=viewer,
            plan_key=data.plan, settings=settings, now=now,
        )  # fmt: skip
        if report.written:
            deliver()  # the worker sends them at once
        return EventOut(
            id=record.id,
            kind=record.kind,
            date=record.occurred_on.isoformat(),
            plans=record.plans,
            occurrences=record.occurrences,
            messages=len(report.messages),
        )


# --------------------------------------------------------------------------- extensions
# Approving one cancels the reminders queued for the old date, so they live here.


def _note(data: DecisionIn | None) -> str:
    """A decision's body may be left out: no note."""
    return data.note if data is not None else ""


class ExtensionRequestController(Controller):
    path = "/api/occurrences"
    tags = ("Gia hạn",)
    guards = (requester,)

    @post(
        "/{occurrence_id:int}/extensions",
        summary="Đề nghị gia hạn: ngày (và giờ) mới, lý do",
        status_code=201,
        responses=ERROR_RESPONSES,
    )
    async def ask(
        self,
        occurrence_id: FromPath[int],
        data: JSONBody[ExtensionIn],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> ExtensionOut:
        view = await ask_extension(
            occurrence_id, data.due_date, parse_due_time(data.due_time), data.reason,
            scope=viewer, settings=settings, now=now,
        )  # fmt: skip
        deliver()  # the worker tells the approvers at once
        return ExtensionOut.of(view)


class ExtensionController(Controller):
    path = "/api/extensions"
    tags = ("Gia hạn",)

    @get(
        "/",
        guards=[readable],
        summary="Các đề nghị gia hạn trong phạm vi của tôi, mới nhất trước",
        responses=ERROR_RESPONSES,
    )
    async def list_extensions(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        state_: Annotated[
            str | None,
            QueryParameter(name="state", description="requested, approved, refused hoặc withdrawn"),
        ] = None,
        waiting: Annotated[
            bool, QueryParameter(description="Chỉ những đề nghị đang chờ tôi duyệt")
        ] = False,
    ) -> list[ExtensionOut]:
        views = await list_extensions(
            viewer, tz=settings.tz, now=now, state=state_, waiting_for=viewer if waiting else None
        )
        return [ExtensionOut.of(v) for v in views]

    @get(
        "/{extension_id:int}",
        guards=[readable],
        summary="Một đề nghị gia hạn",
        responses=ERROR_RESPONSES,
    )
    async def get_extension(
        self,
        extension_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> ExtensionOut:
        return ExtensionOut.of(await find_extension(extension_id, viewer, tz=settings.tz, now=now))

    @post(
        "/{extension_id:int}/approve",
        guards=[decider],
        summary="Duyệt đề nghị gia hạn: hạn làm việc đổi, nhắc việc và lịch theo hạn mới",
        status_code=200,
        responses=ERROR_RESPONSES,
    )
    async def approve(
        self,
        extension_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        data: JSONBody[DecisionIn | None] = None,
    ) -> ExtensionOut:
        view = await grant_extension(
            extension_id, _note(data), scope=viewer, settings=settings, now=now
        )
        deliver()  # the worker tells the requester at once
        return ExtensionOut.of(view)

    @post(
        "/{extension_id:int}/refuse",
        guards=[decider],
        summary="Từ chối đề nghị gia hạn (cần lý do); hạn giữ nguyên",
        status_code=200,
        responses=ERROR_RESPONSES,
    )
    async def refuse(
        self,
        extension_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        data: JSONBody[DecisionIn | None] = None,
    ) -> ExtensionOut:
        view = await turn_down_extension(
            extension_id, _note(data), scope=viewer, settings=settings, now=now
        )
        deliver()  # the worker tells the requester at once
        return ExtensionOut.of(view)

    @post(
        "/{extension_id:int}/withdraw",
        guards=[requester],
        summary="Rút đề nghị gia hạn đang chờ duyệt",
        status_code=200,
        responses=ERROR_RESPONSES,
    )
    async def withdraw(
        self,
        extension_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        data: JSONBody[DecisionIn | None] = None,
    ) -> ExtensionOut:
        view = await take_back_extension(
            extension_id, _note(data), scope=viewer, settings=settings, now=now
        )
        return ExtensionOut.of(view)
