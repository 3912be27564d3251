"""The one error module: every failure the user can cause is a :class:`TrackerError`.

Messages are full sentences that name the input at fault (file, line, task,
phrase); ``app.py`` maps each class to an HTTP status.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
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
    key another unit's plan holds)."""

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
