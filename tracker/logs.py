"""Logging for every process of the service: one format, and no secret in a log line.

A feed's token is the only key to it, so a log line that held the whole path
``/feeds/<token>.ics`` (uvicorn's access log does) would hand every feed to whoever
reads the logs. :class:`RedactFeedTokens` keeps the first six characters, which is what
the feed's own ``hint`` shows, and drops the rest.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import secrets
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any

__all__ = [
    "FORMAT",
    "REQUEST_ID",
    "JsonLines",
    "RedactFeedTokens",
    "configure_logging",
    "redact",
    "request_id_from",
    "with_redaction",
]

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# A token is URL-safe base64; the first six characters are kept, as the feed's hint is.
# A one-time sign-in link (/sign-in/<token>) is cut the same way.
_FEED_TOKEN = re.compile(r"(/feeds/|/sign-in/)([A-Za-z0-9_\-]{6})[A-Za-z0-9_\-%]+")


# The id of the request being handled, for every line logged while handling it.
REQUEST_ID: ContextVar[str | None] = ContextVar("tracker_request_id", default=None)
# An id a proxy or client sends is kept only when it is short and plain: it goes into
# every log line and back into a response header.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:\-]{1,128}")


def request_id_from(header: str | None) -> str:
    """The request's id: the ``X-Request-ID`` it came with when that is sane (letters,
    digits, ``._:-``, at most 128 characters), else a new random one."""
    if header and _SANE_REQUEST_ID.fullmatch(header):
        return header
    return secrets.token_hex(16)


class JsonLines(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, the request
    id while a request is handled, and the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or REQUEST_ID.get()
        if request_id:
            line["request_id"] = request_id
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            line["exception"] = record.exc_text
        return json.dumps(line, ensure_ascii=False, default=str)


def redact(text: str) -> str:
    """``text`` with each ``/feeds/<token>`` cut to ``/feeds/<first 6 characters>…``, and
    each ``/sign-in/<token>`` likewise."""
    if "/feeds/" in text or "/sign-in/" in text:
        return _FEED_TOKEN.sub(r"\1\2…", text)
    return text


def _redact_value(value: Any) -> Any:
    return redact(value) if isinstance(value, str) else value


class RedactFeedTokens(logging.Filter):
    """Rewrites a record's message and its string arguments, in place, so whatever
    formats it afterwards (uvicorn's access formatter reads the arguments one by one)
    never sees a whole feed token. A token that only shows once the arguments are put
    into the message ("/feeds/%s.ics") is caught there: the record then carries the
    redacted message and no arguments. Never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact_value(a) for a in record.args)
        elif isinstance(record.args, Mapping):
            record.args = {k: _redact_value(v) for k, v in record.args.items()}
        if record.args and record.name != "uvicorn.access":
            try:
                message = record.getMessage()
            except (TypeError, ValueError):
                return True  # logging reports the broken format itself
            redacted = redact(message)
            if redacted != message:
                record.msg, record.args = redacted, None
        return True


def configure_logging(*, verbose: bool = False, json_lines: bool = False) -> None:
    """The command line's logging: our format (or JSON lines) on stderr, through the
    redacting filter."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format=FORMAT)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactFeedTokens) for f in handler.filters):
            handler.addFilter(RedactFeedTokens())
        if json_lines:
            handler.setFormatter(JsonLines())
    if not verbose:
        # Piccolo names its engine on every connection; that is detail, not news.
        logging.getLogger("piccolo").setLevel(logging.WARNING)


def with_redaction(
    config: dict[str, Any], *, verbose: bool = False, json_lines: bool = False
) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` dictionary (uvicorn's ``log_config``) whose every
    handler goes through :class:`RedactFeedTokens`, and whose root logger (our own
    loggers, in every web process uvicorn starts) writes our format through it too.
    With ``json_lines`` every handler, uvicorn's access log included, writes JSON lines."""
    config = {**config}
    config["filters"] = {**config.get("filters", {}), "redact_feed_tokens": {
        "()": f"{__name__}.RedactFeedTokens"}}  # fmt: skip
    tracker_format = {"()": f"{__name__}.JsonLines"} if json_lines else {"format": FORMAT}
    config["formatters"] = {**config.get("formatters", {}), "tracker": tracker_format}
    handlers = {name: {**spec} for name, spec in config.get("handlers", {}).items()}
    handlers["tracker"] = {"class": "logging.StreamHandler", "formatter": "tracker",
                           "stream": "ext://sys.stderr"}  # fmt: skip
    for spec in handlers.values():
        spec["filters"] = [*spec.get("filters", []), "redact_feed_tokens"]
        if json_lines:
            spec["formatter"] = "tracker"
    config["handlers"] = handlers
    config["root"] = {"handlers": ["tracker"], "level": "DEBUG" if verbose else "INFO"}
    if not verbose:
        config["loggers"] = {**config.get("loggers", {}), "piccolo": {"level": "WARNING"}}
    return config
