"""The web application: wiring only. ``create_app(settings)`` returns a Litestar app."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar, Request, Router, get
from litestar.datastructures import State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from litestar.middleware.session.client_side import CookieBackendConfig
from litestar.openapi import OpenAPIConfig
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from tracker import db
from tracker.config import PACKAGE_DIR, Settings, load_settings
from tracker.deadlines.controllers import OccurrenceController
from tracker.errors import ERROR_RESPONSES
from tracker.metrics import use_settings
from tracker.notify.controllers import (
    CompletionController,
    EventController,
    ExtensionController,
    ExtensionRequestController,
    FeedController,
    MeController,
    MeFeedController,
)
from tracker.org.auth import load_or_create_secret
from tracker.org.controllers import UnitController
from tracker.org.guards import public
from tracker.org.sessions import IDLE
from tracker.org.throttle import SignInLimits
from tracker.plans.controllers import ImportController, PlanController
from tracker.plans.importers.sandbox import start_workers
from tracker.queue import configure_queue
from tracker.reports.controllers import ComplianceController
from tracker.schedule.calendars import load_work_calendar
from tracker.web.admin import AdminController, SignInLinkController
from tracker.web.apidocs import render_plugins
from tracker.web.compliance import CompliancePageController
from tracker.web.controllers import ImportPageController, PageController
from tracker.web.dependencies import (
    provide_now,
    provide_plan_deadlines,
    provide_scope,
    provide_settings,
    provide_sign_in_limits,
)
from tracker.web.editing import HistoryController, PlanEditController, TimingController
from tracker.web.errors import EXCEPTION_HANDLERS, ids_in_range
from tracker.web.filters import register_filters
from tracker.web.me import MyWorkController
from tracker.web.metrics import metrics_endpoint
from tracker.web.notifications import NotificationPageController, count_unread
from tracker.web.observe import observe
from tracker.web.security import CsrfMiddleware, security_headers

__all__ = ["create_app"]


@get(
    "/healthz", guards=[public], include_in_schema=True, tags=["Hệ thống"],
    summary="Kiểm tra dịch vụ", responses=ERROR_RESPONSES,
)  # fmt: skip
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


def create_app(
    settings: Settings | None = None,
    *,
    clock: Callable[[], dt.datetime] | None = None,
    bind_database: bool = True,
    sign_in_limits: SignInLimits | None = None,
) -> Litestar:
    """The app for ``settings``. ``clock`` fixes "now" in tests; ``bind_database=False``
    leaves the engine as the caller bound it; ``sign_in_limits`` changes how many wrong
    passwords are let through (:mod:`tracker.org.throttle`)."""
    settings = settings or load_settings()
    tz = settings.tz
    use_settings(settings)  # before anything is measured

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
        await asyncio.to_thread(load_work_calendar, settings.calendars_dir)
        db.bind(db.make_engine(settings.effective_database_url))
        await db.open_pool(settings.database_pool)
        try:
            yield
        finally:
            await db.close()

    secret = load_or_create_secret(settings.secret_key, settings.data_dir)
    secure = settings.base_url.startswith("https://")
    # The cookie holds the person's id and a session id; the session itself is kept in
    # the database (tracker.org.sessions), which ends it on signing out.
    session = CookieBackendConfig(
        secret=secret,
        key="tracker_session",
        samesite="lax",
        httponly=True,
        secure=secure,
        max_age=int(IDLE.total_seconds()),
    )
    csrf = DefineMiddleware(CsrfMiddleware, key=secret, base_url=settings.base_url, secure=secure)
    templates = TemplateConfig(
        directory=PACKAGE_DIR / "web" / "templates",
        engine=JinjaTemplateEngine,
        engine_callback=register_filters,
    )
    app = Litestar(
        route_handlers=[
            healthz,
            metrics_endpoint,
            UnitController,
            PlanController,
            ImportController,
            OccurrenceController,
            ComplianceController,
            CompletionController,
            EventController,
            ExtensionRequestController,
            ExtensionController,
            MeController,
            MeFeedController,
            FeedController,
            PageController,
            CompliancePageController,
            MyWorkController,
            ImportPageController,
            AdminController,
            SignInLinkController,
            PlanEditController,
            HistoryController,
            TimingController,
            NotificationPageController,
            create_static_files_router(
                path="/static", directories=[PACKAGE_DIR / "web" / "static"], guards=[public]
            ),
        ],
        dependencies={
            "settings": Provide(provide_settings, sync_to_thread=False),
            "now": Provide(provide_now, sync_to_thread=False),
            "viewer": Provide(provide_scope),
            "plan_deadlines": Provide(provide_plan_deadlines, sync_to_thread=False),
            "sign_in_limits": Provide(provide_sign_in_limits, sync_to_thread=False),
        },
        state=_state(
            settings, clock or (lambda: dt.datetime.now(tz)), sign_in_limits or SignInLimits()
        ),
        lifespan=[lifespan],
        # The session first: the CSRF check ties form tokens to the session id.
        middleware=[session.middleware, csrf],
        before_send=[security_headers],
        template_config=templates,
        exception_handlers=EXCEPTION_HANDLERS,
        before_request=_before_request,
        openapi_config=OpenAPIConfig(
            title="tracker",
            version="0.1.0",
            description="Kế hoạch, hạn công việc và mức độ tuân thủ của UBND xã.",
            # The OpenAPI document is public, like the API's own description.
            openapi_router=Router(
                path="/schema", route_handlers=[], guards=[public], include_in_schema=False
            ),
            # Swagger UI from an installed package: /schema works with no internet.
            render_plugins=render_plugins(),
        ),
        debug=False,
    )
    # Every request gets an id (logs, X-Request-ID) and is timed by its route template.
    return observe(app)


async def _before_request(request: Request[Any, Any, Any]) -> None:
    """Before every handler: ids past the database's range are refused, and a page's
    header gets the signed-in person's unread count."""
    await ids_in_range(request)
    await count_unread(request)


def _state(
    settings: Settings, clock: Callable[[], dt.datetime], sign_in_limits: SignInLimits
) -> Any:
    return State({"settings": settings, "clock": clock, "sign_in_limits": sign_in_limits})


def app_factory() -> Litestar:
    """For ``uvicorn --factory``: settings from the environment."""
    return create_app()
