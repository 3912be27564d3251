"""How every error is answered: the API with one body, :class:`tracker.errors.ErrorBody`
(``{"error", "status"}``) and a sentence in Vietnamese, the pages with the error page
(or the sign-in form for a 401). Litestar's own refusals (a malformed parameter, a method
the path does not take, a body too large) are told in Vietnamese too, and a failure
nobody foresaw is logged and answered without a word about the server's insides."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from litestar import Request, Response
from litestar.exceptions import (
    HTTPException,
    MethodNotAllowedException,
    NotAuthorizedException,
    ValidationException,
)
from litestar.response import Redirect, Template
from litestar.types import ExceptionHandlersMap

from tracker import db
from tracker.errors import (
    AuthenticationRequiredError,
    ErrorBody,
    NotFoundError,
    TooManyAttemptsError,
    TrackerError,
)
from tracker.plans.importers.limits import LIMITS

__all__ = ["EXCEPTION_HANDLERS", "ids_in_range", "validation_message"]

logger = logging.getLogger(__name__)

# What a path's integer parameter names, for "Không có … số N."
_ID_NAMES = {
    "occurrence_id": "hạn công việc",
    "notification_id": "thông báo",
    "feed_id": "đường dẫn lịch",
    "extension_id": "đề nghị gia hạn",
    "task_id": "nhiệm vụ",
}

_MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    401: "Bạn cần đăng nhập để xem nội dung này.",
    403: "Bạn không có quyền làm việc này.",
    404: "Không tìm thấy trang này.",
    405: "Phương thức không được hỗ trợ.",
    406: "Không có dạng trả lời nào như yêu cầu.",
    413: "Nội dung gửi lên quá lớn.",
    415: "Không nhận kiểu nội dung này.",
    429: "Quá nhiều yêu cầu; hãy thử lại sau.",
}

# Litestar's words for a few refusals, and what they are in ours.
_DETAILS = {
    "Request Entity Too Large": (413, _MESSAGES[413]),  # the multipart parser's limits
    "Invalid multipart/form-data": (400, "Biểu mẫu gửi lên (multipart/form-data) hỏng."),
}

# The routes that take a plan document.
_UPLOADS = ("/api/imports", "/imports", "/imports/confirm")

_SOURCES = {
    "path": "đường dẫn",
    "query": "chuỗi truy vấn",
    "header": "tiêu đề",
    "cookie": "cookie",
    "body": "nội dung",
}


async def ids_in_range(request: Request[Any, Any, Any]) -> None:
    """Before any handler: an integer in the path past a 64-bit id (or below 1) names
    nothing, and the database would fail on it rather than find nothing."""
    for name, value in request.path_params.items():
        if isinstance(value, int) and not db.is_id(value):
            raise NotFoundError(f"Không có {_ID_NAMES.get(name, 'mục')} số {value}.")


def validation_message(extra: Any, aliases: Mapping[str, str] | None = None) -> str:
    """Litestar's validation details as a sentence naming each bad parameter or field;
    ``aliases`` maps a handler's argument to the name the caller used (``from_`` → ``from``)."""
    problems: list[str] = []
    for item in extra if isinstance(extra, list) else []:
        if not isinstance(item, Mapping):
            continue
        text = str(item.get("message", ""))
        # msgspec names a missing field only in its message ("Object missing required
        # field `kind`"), under the key of the whole body.
        field_missing = re.search(r"missing required field `([^`]+)`", text)
        key = field_missing.group(1) if field_missing else item.get("key")
        if key == "data":
            key = None
        if key:
            key = (aliases or {}).get(str(key), key)
        source = item.get("source")
        where = _SOURCES.get(str(getattr(source, "value", source)), "")
        missing = text.startswith("Missing required") or field_missing is not None
        named = (f"'{key}'" + (f" ({where})" if where else "")) if key else f"phần {where}"
        problems.append(f"{named} {'bị thiếu' if missing else 'không hợp lệ'}")
    if not problems:
        return "Yêu cầu không hợp lệ: nội dung hoặc tham số không đọc được."
    return f"Yêu cầu không hợp lệ: {'; '.join(dict.fromkeys(problems))}."


def _aliases(request: Request[Any, Any, Any]) -> dict[str, str]:
    """The handler's arguments that the caller knows by another name (``QueryParameter(
    name="from")`` on ``from_``)."""
    handler: Any = request.scope.get("route_handler")
    found: dict[str, str] = {}
    if handler is None:
        return found
    for name, parameter in handler.parsed_fn_signature.parameters.items():
        kwarg = parameter.kwarg_definition
        alias = getattr(kwarg, "name", None) or getattr(kwarg, "query", None)
        if isinstance(alias, str) and alias != name:
            found[name] = alias
    return found


def _wants_html(request: Request[Any, Any, Any]) -> bool:
    return not request.url.path.startswith(("/api/", "/schema", "/feeds/", "/healthz"))


def _after_login(request: Request[Any, Any, Any]) -> str:
    """Where signing in leads back to: the page asked for, or the page a form was posted
    from, which its handler names (``opt={"login_next": ...}``)."""
    handler = request.scope.get("route_handler")
    target = handler.opt.get("login_next") if handler is not None else None
    return target if isinstance(target, str) else request.url.path


def _answer(
    request: Request[Any, Any, Any],
    status: int,
    message: str,
    headers: Mapping[str, str] | None = None,
) -> Response[Any]:
    if _wants_html(request):
        if status == 401:
            return Redirect(path="/login", query_params={"next": _after_login(request)})
        return Template(
            template_name="error.html",
            context={"status": status, "message": message},
            status_code=status,
            headers=dict(headers or {}),
        )
    return Response(
        ErrorBody(error=message, status=status), status_code=status, headers=dict(headers or {})
    )


def _tracker_error(request: Request[Any, Any, Any], exc: TrackerError) -> Response[Any]:
    headers = None
    if isinstance(exc, TooManyAttemptsError):
        headers = {"Retry-After": str(exc.retry_after)}
    return _answer(request, exc.status_code, exc.message, headers)


def _http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    status = exc.status_code
    message = _MESSAGES.get(status, _MESSAGES[400])
    if isinstance(exc, ValidationException):
        message = validation_message(exc.extra, _aliases(request))
    if str(exc.detail) in _DETAILS:
        status, message = _DETAILS[str(exc.detail)]
    if exc.status_code == 413 and request.url.path.rstrip("/") in _UPLOADS:
        # A body over the upload routes' limit, refused before its file is read or named
        # (too many form parts is Litestar's 400, told above as a body too large).
        message = f"Tệp tải lên quá lớn; giới hạn cho một tệp là {LIMITS.upload_bytes // 2**20} MB."
    if isinstance(exc, NotAuthorizedException):
        status, message = 401, _MESSAGES[401]
    if isinstance(exc, MethodNotAllowedException):
        allow = (exc.headers or {}).get("allow", "")
        message = f"Đường dẫn này không nhận {request.method}; chỉ nhận {allow}."
    if status >= 500:
        return _server_error(request, exc)
    # The 405's Allow header, and any other header the exception carries.
    return _answer(request, status, message, exc.headers)


def _server_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    logger.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
    return _answer(request, 500, "Máy chủ gặp lỗi khi xử lý yêu cầu này; hãy thử lại sau.")


EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    TrackerError: _tracker_error,
    AuthenticationRequiredError: _tracker_error,
    HTTPException: _http_error,
    Exception: _server_error,
}
