"""The web application: wiring only. ``create_app(settings)`` returns a Litestar app."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar, Request, Response, Router, get
from litestar.datastructures import State
from litestar.di import Provide
from litestar.exceptions import HTTPException, NotAuthorizedException
from litestar.middleware.session.client_side import CookieBackendConfig
from litestar.openapi import OpenAPIConfig
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Redirect, Template
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from tracker import db
from tracker.config import PACKAGE_DIR, Settings, load_settings
from tracker.deadlines.controllers import OccurrenceController
from tracker.errors import AuthenticationRequiredError, TrackerError
from tracker.notify.controllers import (
    CompletionController,
    EventController,
    FeedController,
    MeController,
    MeFeedController,
)
from tracker.notify.services import expander_for
from tracker.org.auth import load_or_create_secret
from tracker.org.controllers import UnitController
from tracker.org.guards import public
from tracker.plans.controllers import ImportController, PlanController
from tracker.plans.importers.limits import LIMITS
from tracker.plans.importers.sandbox import start_workers
from tracker.queue import configure_queue
from tracker.web.controllers import ImportPageController, PageController
from tracker.web.dependencies import (
    provide_now,
    provide_plan_deadlines,
    provide_scope,
    provide_settings,
)
from tracker.web.filters import register_filters

__all__ = ["create_app"]


def _wants_html(request: Request[Any, Any, Any]) -> bool:
    return not request.url.path.startswith(("/api/", "/schema", "/feeds/", "/healthz"))


def _after_login(request: Request[Any, Any, Any]) -> str:
    """Where signing in leads back to: the page asked for, or the page a form was posted
    from, which its handler names (``opt={"login_next": ...}``)."""
    handler = request.scope.get("route_handler")
    target = handler.opt.get("login_next") if handler is not None else None
    return target if isinstance(target, str) else request.url.path


def _error_response(request: Request[Any, Any, Any], status: int, message: str) -> Response[Any]:
    if _wants_html(request):
        if status == 401:
            return Redirect(path="/login", query_params={"next": _after_login(request)})
        return Template(
            template_name="error.html",
            context={"status": status, "message": message},
            status_code=status,
        )
    return Response({"error": message, "status": status}, status_code=status)


def _tracker_error(request: Request[Any, Any, Any], exc: TrackerError) -> Response[Any]:
    return _error_response(request, exc.status_code, exc.message)


def _http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    messages = {
        404: "Không tìm thấy trang này.",
        405: "Phương thức không được hỗ trợ.",
        # A body over the upload routes' limit, refused before its file is read or named.
        413: f"Tệp tải lên quá lớn; giới hạn cho một tệp là {LIMITS.upload_bytes // 2**20} MB.",
    }
    status = exc.status_code
    message = messages.get(status) or str(exc.detail)
    if isinstance(exc, NotAuthorizedException):
        status, message = 401, "Bạn cần đăng nhập để xem nội dung này."
    return _error_response(request, status, message)


@get(
    "/healthz", guards=[public], include_in_schema=True, tags=["Hệ thống"],
    summary="Kiểm tra dịch vụ",
)  # fmt: skip
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


def create_app(
    settings: Settings | None = None,
    *,
    clock: Callable[[], dt.datetime] | None = None,
    bind_database: bool = True,
) -> Litestar:
    """The app for ``settings``. ``clock`` fixes "now" in tests; ``bind_database=False``
    leaves the engine as the caller bound it."""
    settings = settings or load_settings()
    tz = settings.tz

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        # A connection pool belongs to one event loop: only an app that binds its own
        # engine opens one. A caller that binds the engine manages its connections.
        if not bind_database:
            yield
            return
        configure_queue(settings)  # the API hands deliveries to the worker through it
        # Slow first steps taken before the first request, beside the event loop: the
        # process that reads uploaded documents, and the working-day calendar (parsed
        # once, then cached) that the first upload or event would otherwise parse on it.
        await asyncio.to_thread(start_workers)
        await asyncio.to_thread(expander_for, settings)
        db.bind(db.make_engine(settings.effective_database_url))
        await db.open_pool()
        try:
            yield
        finally:
            await db.close()

    session = CookieBackendConfig(
        secret=load_or_create_secret(settings.secret_key, settings.data_dir),
        key="tracker_session",
        samesite="lax",
        httponly=True,
        secure=settings.base_url.startswith("https://"),
    )
    templates = TemplateConfig(
        directory=PACKAGE_DIR / "web" / "templates",
        engine=JinjaTemplateEngine,
        engine_callback=register_filters,
    )
    return Litestar(
        route_handlers=[
            healthz,
            UnitController,
            PlanController,
            ImportController,
            OccurrenceController,
            CompletionController,
            EventController,
            MeController,
            MeFeedController,
            FeedController,
            PageController,
            ImportPageController,
            create_static_files_router(
                path="/static", directories=[PACKAGE_DIR / "web" / "static"], guards=[public]
            ),
        ],
        dependencies={
            "settings": Provide(provide_settings, sync_to_thread=False),
            "now": Provide(provide_now, sync_to_thread=False),
            "viewer": Provide(provide_scope),
            "plan_deadlines": Provide(provide_plan_deadlines, sync_to_thread=False),
        },
        state=_state(settings, clock or (lambda: dt.datetime.now(tz))),
        lifespan=[lifespan],
        middleware=[session.middleware],
        template_config=templates,
        exception_handlers={
            TrackerError: _tracker_error,
            AuthenticationRequiredError: _tracker_error,
            HTTPException: _http_error,
        },
        openapi_config=OpenAPIConfig(
            title="tracker",
            version="0.1.0",
            description="Kế hoạch, hạn công việc và mức độ tuân thủ của UBND xã.",
            # The OpenAPI document is public, like the API's own description.
            openapi_router=Router(path="/schema", route_handlers=[], guards=[public]),
        ),
        debug=False,
    )


def _state(settings: Settings, clock: Callable[[], dt.datetime]) -> Any:
    return State({"settings": settings, "clock": clock})


def app_factory() -> Litestar:
    """For ``uvicorn --factory``: settings from the environment."""
    return create_app()
