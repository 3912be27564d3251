"""No log line holds a whole feed token: uvicorn's access log and our own loggers go
through the redacting filter, which keeps the six characters a feed's hint shows."""

from __future__ import annotations

import copy
import logging

import uvicorn.config
from uvicorn.logging import AccessFormatter

from tracker.logs import FORMAT, RedactFeedTokens, redact, with_redaction

TOKEN = "AbCdEf_gh-IjKlMnOpQrStUvWxYz0123"


def _access_record(path: str) -> logging.LogRecord:
    """A record as uvicorn's access logger makes it."""
    return logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:51234", "GET", path, "1.1", 200), None,
    )  # fmt: skip


def test_an_access_log_line_keeps_only_the_tokens_first_six_characters() -> None:
    record = _access_record(f"/feeds/{TOKEN}.ics?type=todo")
    assert RedactFeedTokens().filter(record)
    formatter = AccessFormatter(
        uvicorn.config.LOGGING_CONFIG["formatters"]["access"]["fmt"], use_colors=False
    )
    line = formatter.format(record)
    assert TOKEN not in line
    assert TOKEN[6:12] not in line
    assert '"GET /feeds/AbCdEf….ics?type=todo HTTP/1.1" 200' in line


def test_our_own_log_lines_are_redacted_in_the_message_and_its_arguments() -> None:
    record = logging.LogRecord(
        "tracker.web", logging.WARNING, __file__, 1, "GET /feeds/%s.ics from %s: /feeds/" + TOKEN,
        (TOKEN, "/feeds/" + TOKEN), None,
    )  # fmt: skip
    RedactFeedTokens().filter(record)
    line = logging.Formatter(FORMAT).format(record)
    assert TOKEN not in line
    assert "GET /feeds/AbCdEf….ics from /feeds/AbCdEf…: /feeds/AbCdEf…" in line


def test_other_paths_are_left_as_they_are() -> None:
    assert redact("/api/me/feeds/12/revoke") == "/api/me/feeds/12/revoke"
    assert redact("/feeds/abc.ics") == "/feeds/abc.ics"  # too short to be a token


def test_every_handler_uvicorn_is_given_redacts_and_our_loggers_use_one_of_them() -> None:
    config = with_redaction(copy.deepcopy(uvicorn.config.LOGGING_CONFIG))
    assert set(config["handlers"]) == {"default", "access", "tracker"}
    for spec in config["handlers"].values():
        assert "redact_feed_tokens" in spec["filters"]
    assert config["root"]["handlers"] == ["tracker"]
    assert config["filters"]["redact_feed_tokens"]["()"] == "tracker.logs.RedactFeedTokens"
    assert "filters" not in uvicorn.config.LOGGING_CONFIG["handlers"]["access"]  # not changed
