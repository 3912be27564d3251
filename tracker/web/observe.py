"""Around every HTTP request: its id, for the log lines written while it is handled and
in the ``X-Request-ID`` response header, and its latency, by route template.

The wrapper sits outside Litestar's router (:func:`observe`), so requests no route
answers (404) are timed and given an id too; their route is counted as ``unmatched``,
never as the path asked for, which a scanner could make endless.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType

from tracker.logs import REQUEST_ID, request_id_from
from tracker.metrics import metrics

if TYPE_CHECKING:
    from litestar import Litestar
    from litestar.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["observe"]

UNMATCHED = "unmatched"


def observe(app: Litestar) -> Litestar:
    """``app`` with every HTTP request given an id and timed."""
    app.asgi_handler = _Observed(app.asgi_handler)
    return app


class _Observed:
    def __init__(self, inner: ASGIApp) -> None:
        self.inner = inner

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.inner(scope, receive, send)
            return
        header = next((v for k, v in scope["headers"] if k.lower() == b"x-request-id"), b"").decode(
            "latin-1"
        )
        request_id = request_id_from(header)
        status = [500]

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                MutableScopeHeaders.from_message(message)["x-request-id"] = request_id
            await send(message)

        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        try:
            await self.inner(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            route: Any = scope.get("path_template") or UNMATCHED
            metrics().requests.labels(
                method=scope.get("method", ""), route=route, status=str(status[0])
            ).observe(elapsed)
            REQUEST_ID.reset(token)
