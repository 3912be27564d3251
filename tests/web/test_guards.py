"""Every route says who may call it: a guard of ``tracker.org.guards`` on each handler,
``public`` where anyone may. A route added without one fails here, before it can be
called by someone it was not meant for."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar.routes import HTTPRoute
from litestar.testing import AsyncTestClient

from tracker.app import create_app
from tracker.config import Settings
from tracker.org.guards import GUARDS, public

# The routes anyone may call, signed in or not, public reading or not.
PUBLIC_ROUTES = {
    ("/healthz", "GET"),
    ("/metrics", "GET"),  # its own check: an allowed network or the token (tracker.metrics)
    ("/feeds/{filename:str}", "GET"),
    ("/feeds/{filename:str}", "HEAD"),
    ("/feeds", "GET"),  # a redirect to /calendar, which asks to sign in
    ("/login", "GET"),
    ("/login", "POST"),
    ("/logout", "POST"),
    ("/sign-in/{token:str}", "GET"),  # a one-time sign-in link: the token is the key
    ("/sign-in/{token:str}", "POST"),
}


def handlers(settings: Settings) -> list[tuple[str, str, Any]]:
    """(path, method, handler) for every HTTP handler of the app, the static files and
    the OpenAPI document included; not the OPTIONS answers Litestar adds to every path
    (they say which methods a path has, and call nothing of ours)."""
    app = create_app(settings, bind_database=False)
    found = []
    for route in app.routes:
        assert isinstance(route, HTTPRoute), f"{route.path}: only HTTP routes are expected"
        for handler in route.route_handlers:
            if handler.http_methods == {"OPTIONS"} and _from_litestar(handler):
                continue
            for method in sorted(handler.http_methods):
                found.append((route.path, method, handler))
    return found


def _from_litestar(handler: Any) -> bool:
    return str(getattr(handler.fn, "__module__", "")).startswith("litestar.")


def test_every_route_handler_has_a_guard_of_its_own(settings: Settings) -> None:
    found = handlers(settings)
    paths = {path for path, _, _ in found}
    # The walk reaches the static files and the OpenAPI document too.
    assert any(p.startswith("/static") for p in paths)
    assert "/schema/openapi.json" in paths
    unguarded = [
        f"{method} {path}"
        for path, method, handler in found
        if not set(handler.resolve_guards()) & GUARDS
    ]
    assert unguarded == []


def test_the_public_routes_are_those_meant_to_be(settings: Settings) -> None:
    public_ones = {
        (path, method)
        for path, method, handler in handlers(settings)
        if public in handler.resolve_guards() and not path.startswith(("/static", "/schema"))
    }
    assert public_ones == PUBLIC_ROUTES


@pytest.fixture
async def private_client(settings: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    """No public reading, and no database: the public routes must not need one."""
    app = create_app(settings, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        client.follow_redirects = False
        yield client


@pytest.mark.parametrize(
    "path", ["/healthz", "/login", "/static/tracker.css", "/schema/openapi.json"]
)
async def test_the_public_routes_answer_without_signing_in(
    private_client: AsyncTestClient[Any], path: str
) -> None:
    assert (await private_client.get(path)).status_code == 200


async def test_the_api_asks_to_sign_in_and_pages_send_to_the_sign_in_form(
    private_client: AsyncTestClient[Any],
) -> None:
    api = await private_client.get("/api/plans")
    assert api.status_code == 401
    assert api.json()["error"] == "Bạn cần đăng nhập để xem nội dung này."
    page = await private_client.get("/units")
    assert page.status_code in (302, 303)
    assert page.headers["location"] == "/login?next=%2Funits"
