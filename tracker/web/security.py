"""What keeps other sites out: the check of where an unsafe request comes from, the
token on every form (CSRF), and the security headers on every response.

- Every POST, PUT, PATCH or DELETE whose ``Origin`` (or, without one, ``Referer``) names
  another site is refused (403), pages and API alike. Browsers send ``Origin`` on every
  such request; a request with neither header comes from no browser page (a script) and
  is let through to the token check and the guards.
- Every form of the pages carries a token: for a signed-in browser the HMAC of its session
  id, for a browser not signed in (the sign-in form) the HMAC of a random cookie of its
  own (a signed double-submit cookie). A page POST from a browser with a session, and
  every POST of the sign-in form, must carry the right one. A request with HTTP Basic
  credentials and no session cookie cannot be forged by another site (browsers add no
  Basic credentials of ours by themselves: the service never asks them for any), and
  the JSON API is protected by the origin check.
- Headers: a Content-Security-Policy without inline scripts or styles (the OpenAPI
  viewers under /schema load their scripts from CDNs and get their own), no framing,
  no referrer sent to other sites, no MIME sniffing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from litestar.datastructures import Cookie, MutableScopeHeaders
from litestar.enums import ScopeType

from tracker.errors import PermissionDeniedError
from tracker.org.sessions import SID_KEY

if TYPE_CHECKING:
    from litestar import Request
    from litestar.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "CSRF_COOKIE",
    "CSRF_FIELD",
    "CsrfMiddleware",
    "csrf_token",
    "security_headers",
]

CSRF_FIELD = "csrf_token"
CSRF_COOKIE = "tracker_csrf"
_TOKEN = "tracker_csrf_token"  # the request's token, in its ASGI scope
_COOKIE_NEEDED = "tracker_csrf_cookie"  # a fresh cookie a rendered form relies on
_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Paths that are not pages: the API, feeds, the OpenAPI document, health, static files.
_NOT_PAGES = ("/api/", "/feeds/", "/schema", "/healthz", "/static/")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Forms that sign someone in, checked even without a session: the one-time link's page.
_SIGN_IN_PAGES = ("/sign-in/",)

FOREIGN_ORIGIN = (
    "Yêu cầu gửi từ trang khác ({origin}) nên bị từ chối; "
    "hãy mở trang của dịch vụ rồi thao tác lại."
)
BAD_TOKEN = (
    "Biểu mẫu thiếu mã bảo vệ hoặc mã đã hết hạn (có thể bạn vừa đăng nhập hay đăng xuất "
    "ở thẻ khác); hãy tải lại trang rồi gửi lại."
)


def _origin(url: str) -> str | None:
    """ "https://host[:port]" of ``url``, the default port left out; None if it has none."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    shown = "" if port in (None, _DEFAULT_PORTS[parts.scheme]) else f":{port}"
    return f"{parts.scheme}://{parts.hostname.lower()}{shown}"


def _sign(key: bytes, purpose: str, value: str) -> str:
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


class CsrfMiddleware:
    """Refuses unsafe requests from other sites and form posts without the right token;
    puts the request's token where :func:`csrf_token` finds it for the templates."""

    def __init__(self, app: ASGIApp, *, key: bytes, base_url: str, secure: bool) -> None:
        self.app = app
        self.key = hashlib.sha256(b"csrf:" + key).digest()
        self.own = _origin(base_url)
        self.secure = secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        request: Request[Any, Any, Any] = scope["litestar_app"].request_class(scope, receive)
        session = scope.get("session")
        sid = session.get(SID_KEY) if isinstance(session, Mapping) else None
        cookie = request.cookies.get(CSRF_COOKIE, "")
        fresh = ""
        if isinstance(sid, str) and sid:
            token = _sign(self.key, "session", sid)
        else:
            sid = None
            if not 32 <= len(cookie) <= 100:
                cookie = fresh = secrets.token_urlsafe(32)
            token = _sign(self.key, "anonymous", cookie)
        scope[_TOKEN] = token  # type: ignore[literal-required]
        if request.method in _UNSAFE:
            self._check_origin(request)
            path = request.url.path
            signing_in = path == "/login" or path.startswith(_SIGN_IN_PAGES)
            if (sid is not None or signing_in) and not path.startswith(_NOT_PAGES):
                form = await request.form()
                sent = form.get(CSRF_FIELD)
                if not isinstance(sent, str) or not hmac.compare_digest(sent, token):
                    raise PermissionDeniedError(BAD_TOKEN)
        await self.app(scope, receive, self._sender(scope, send, fresh) if fresh else send)

    def _check_origin(self, request: Request[Any, Any, Any]) -> None:
        claimed = request.headers.get("origin") or request.headers.get("referer")
        if claimed is None:
            return
        origin = _origin(claimed)
        allowed = {self.own, _origin(str(request.base_url))}
        if origin is None or origin not in allowed:
            raise PermissionDeniedError(FOREIGN_ORIGIN.format(origin=(origin or claimed)[:100]))

    def _sender(self, scope: Scope, send: Send, value: str) -> Send:
        """Sets the fresh anonymous cookie when the answer holds a form that relies on it."""

        async def sender(message: Message) -> None:
            if message["type"] == "http.response.start" and scope.get(_COOKIE_NEEDED):
                cookie = Cookie(
                    key=CSRF_COOKIE,
                    value=value,
                    path="/",
                    httponly=True,
                    secure=self.secure,
                    samesite="lax",
                )
                headers = MutableScopeHeaders.from_message(message)
                headers.add("set-cookie", cookie.to_header(header=""))
            await send(message)

        return sender


def csrf_token(context: Mapping[str, Any]) -> str:
    """For the templates: ``<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">``."""
    scope = context["request"].scope
    scope[_COOKIE_NEEDED] = True
    token: str = scope.get(_TOKEN, "")
    return token


# --------------------------------------------------------------------------- headers

_PAGE_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# Litestar's OpenAPI viewers (Redoc, Swagger UI, Elements, RapiDoc) start with an inline
# script and load their code, styles and fonts from these CDNs.
_VIEWER_CDNS = (
    "https://cdn.jsdelivr.net https://unpkg.com https://cdn.redoc.ly "
    "https://fonts.googleapis.com https://fonts.gstatic.com"
)
_SCHEMA_CSP = "; ".join(
    [
        "default-src 'self'",
        f"script-src 'self' 'unsafe-inline' {_VIEWER_CDNS}",
        f"style-src 'self' 'unsafe-inline' {_VIEWER_CDNS}",
        f"font-src 'self' data: {_VIEWER_CDNS}",
        "img-src 'self' data: https:",
        "connect-src 'self'",
        f"worker-src 'self' blob: {_VIEWER_CDNS}",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
_HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    # Not "no-referrer": with it, browsers send "Origin: null" on our own forms' POSTs,
    # and the origin check could not tell them from another site's.
    "referrer-policy": "same-origin",
}


def _csp_for(path: str) -> str:
    viewer = path.startswith("/schema") and not path.endswith((".json", ".yaml", ".yml"))
    return _SCHEMA_CSP if viewer else _PAGE_CSP


async def security_headers(message: Message, scope: Scope) -> None:
    """Litestar ``before_send`` hook: the security headers on every response, errors and
    static files included; a header the handler set itself is kept."""
    if message["type"] != "http.response.start":
        return
    headers = MutableScopeHeaders.from_message(message)
    wanted = {**_HEADERS, "content-security-policy": _csp_for(scope.get("path", ""))}
    for name, value in wanted.items():
        if headers.get(name) is None:
            headers[name] = value
