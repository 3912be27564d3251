"""Litestar guards: who may call a route at all, asked of the rules in
:mod:`tracker.org.policy`. Whether the caller may touch this plan or that commune is
asked again by the services, once they know the thing.

Every route handler carries one of :data:`GUARDS` (a test walks the app to check), and
a route anyone may call says so with :func:`public`. A guard works out the caller's
scope once per request and keeps it for the ``viewer`` dependency.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, cast

from tracker.org.auth import scope_for_request
from tracker.org.policy import (
    COMPLETE_WORK,
    DECIDE_EXTENSION,
    EDIT_PLAN,
    IMPORT_PLAN,
    MANAGE_PEOPLE,
    MANAGE_UNITS,
    OWN_SETTINGS,
    PREVIEW_PLAN,
    READ,
    RECORD_EVENT,
    REQUEST_EXTENSION,
    allowed,
    refusal,
)
from tracker.org.scope import Scope
from tracker.org.throttle import SignInLimits

if TYPE_CHECKING:
    from litestar.connection import ASGIConnection
    from litestar.handlers.base import BaseRouteHandler

__all__ = [
    "GUARDS",
    "completer",
    "decider",
    "editor",
    "may",
    "people_manager",
    "plan_editor",
    "public",
    "readable",
    "requester",
    "signed_in",
    "unit_manager",
    "uploader",
    "viewer_of",
]

Guard = Callable[["ASGIConnection[Any, Any, Any, Any]", "BaseRouteHandler"], Awaitable[None]]
_VIEWER = "tracker_viewer"


async def viewer_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Scope:
    """The caller's scope, worked out once per request (HTTP Basic costs an argon2 check)."""
    # Kept in the request's own ASGI scope: never shared with another request (the
    # "state" dict may be a copy of the app's lifespan state).
    request = cast("dict[str, Any]", connection.scope)
    kept = request.get(_VIEWER)
    if isinstance(kept, Scope):
        return kept
    session = connection.scope.get("session")
    state = connection.app.state
    limits = state.get("sign_in_limits")
    scope = await scope_for_request(
        session if isinstance(session, dict) else None,
        connection.headers.get("authorization"),
        address=connection.client.host if connection.client else None,
        now=state.clock(),
        public_read=state.settings.public_read,
        limits=limits if isinstance(limits, SignInLimits) else SignInLimits(),
    )
    request[_VIEWER] = scope
    return scope


async def public(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """Anyone may call this route, signed in or not: said out loud rather than left
    without a guard."""


def may(action: str, *, refused_as: str | None = None) -> Guard:
    """A guard letting through the callers whose role may do ``action`` somewhere; the
    others are asked to sign in (401) or refused (403) in the words of ``refused_as``
    (default ``action``)."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        scope = await viewer_of(connection)
        if not allowed(scope, action):
            raise refusal(scope, refused_as or action)

    guard.__doc__ = f"Only callers who may {action}."
    return guard


readable = may(READ)
"""Pages and GET APIs: someone signed in, or anyone while public reading is on."""
signed_in = may(OWN_SETTINGS)
"""A person's own notifications, settings and feeds: someone signed in."""
uploader = may(PREVIEW_PLAN, refused_as=IMPORT_PLAN)
"""Uploading a plan, to preview or to write it: an officer or a chairman (a preview shows
a commune's unit names and how they are matched, so it is for those who may write). Both
are checked against the plan's unit once the document is read; an upload is refused in
the words of writing, which is what it is for."""
editor = may(RECORD_EVENT)
"""Recording events: an officer or a chairman (of the unit, checked by the service)."""
plan_editor = may(EDIT_PLAN)
"""Editing and deleting plans in the browser, and reading a timing as it is typed: an
officer or a chairman (of the plan's commune, checked by the service)."""
completer = may(COMPLETE_WORK)
"""Marking work done: someone signed in (whose unit leads it, or an officer or a
chairman of its commune, checked by the service)."""

people_manager = may(MANAGE_PEOPLE)
"""The people pages: an officer or a chairman (of the person's commune, checked by the
service)."""
unit_manager = may(MANAGE_UNITS)
"""The units pages: an officer or a chairman (of the unit's commune, checked by the service)."""

requester = may(REQUEST_EXTENSION)
"""Asking for an extension (or withdrawing the request): someone signed in (whose unit
leads the work, or an officer or a chairman of its commune, checked by the service)."""
decider = may(DECIDE_EXTENSION)
"""Approving or refusing an extension: an officer or a chairman (whose scope covers the
plan, checked by the service)."""

GUARDS: frozenset[Any] = frozenset(
    {
        public,
        readable,
        signed_in,
        uploader,
        editor,
        completer,
        people_manager,
        unit_manager,
        requester,
        decider,
        plan_editor,
    }
)
