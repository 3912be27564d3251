"""The one error module: every failure the user can cause is a :class:`TrackerError`.

Messages are full sentences that name the input at fault (file, line, task,
phrase); ``app.py`` maps each class to an HTTP status. Every error the API answers,
ours or the framework's, has one body, :class:`ErrorBody`, and every route documents it
for each error status (:data:`ERROR_RESPONSES`).
"""

from __future__ import annotations

import msgspec
from litestar.openapi.datastructures import ResponseSpec

__all__ = [
    "ERROR_RESPONSES",
    "ConfigError",
    "ErrorBody",
    "NotFoundError",
    "PermissionDeniedError",
    "ScheduleError",
    "SeedError",
    "TrackerError",
    "ValidationError",
]


class TrackerError(Exception):
    """Base class: a problem with the user's input or request, told in one sentence."""

    status_code = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(TrackerError):
    """A setting is missing or malformed."""


class ValidationError(TrackerError):
    """A request or document field has a value the service cannot accept."""


class ScheduleError(ValidationError):
    """A schedule rule is malformed (bad RRULE, unknown kind, impossible date)."""


class SeedError(ValidationError):
    """A seed file cannot be loaded; the message names the file and the entry."""


class NotFoundError(TrackerError):
    """The thing asked for does not exist (or is outside the caller's scope)."""

    status_code = 404


class PermissionDeniedError(TrackerError):
    """The caller is known but may not see or change this."""

    status_code = 403


class AuthenticationRequiredError(TrackerError):
    """The caller must sign in first."""

    status_code = 401


class ConflictError(TrackerError):
    """The request would take over or overwrite something that belongs elsewhere (a plan
    key another unit's plan holds), or clashes with the state of what it acts on (a second
    open extension request, a decision on one already decided)."""

    status_code = 409


__all__ += ["AuthenticationRequiredError", "ConflictError"]


class TooManyAttemptsError(TrackerError):
    """Too many wrong passwords in a row: the next try waits ``retry_after`` seconds
    (sent as the ``Retry-After`` header)."""

    status_code = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


__all__ += ["TooManyAttemptsError"]


class ErrorBody(msgspec.Struct):
    """The body of every error answer: the sentence in Vietnamese, and the status again."""

    error: str
    status: int


def _spec(description: str) -> ResponseSpec:
    return ResponseSpec(data_container=ErrorBody, description=description, generate_examples=False)


# The error statuses any route may answer, for the OpenAPI document: each handler passes
# ``responses=ERROR_RESPONSES`` (a test checks every operation of the document lists them).
ERROR_RESPONSES: dict[int, ResponseSpec] = {
    400: _spec("Yêu cầu không hợp lệ: câu báo lỗi nêu tham số hoặc trường sai."),
    401: _spec("Cần đăng nhập (phiên hoặc HTTP Basic)."),
    403: _spec("Vai trò hoặc địa bàn của người gọi không cho phép việc này."),
    404: _spec("Không có, hoặc nằm ngoài phạm vi của người gọi (hai trường hợp trả lời như nhau)."),
    405: _spec("Đường dẫn không nhận phương thức này; tiêu đề Allow liệt kê các phương thức nhận."),
    409: _spec(
        "Xung đột với dữ liệu đã có (ví dụ khóa kế hoạch đơn vị khác đã dùng, hoặc một đề nghị "
        "gia hạn đang chờ duyệt)."
    ),
    413: _spec("Nội dung gửi lên quá lớn."),
    422: _spec("Dữ liệu đọc được nhưng không dùng được (ví dụ tệp kế hoạch có lỗi)."),
    429: _spec("Quá nhiều yêu cầu; hãy thử lại sau."),
}
