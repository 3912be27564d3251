"""The channel registry: the stored channel names of existing outboxes still find their
channel, in the order a message lists them; an unknown name is an error that says so.
And what every mail header is: one clean line, whatever the text it came from."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.notify.channels import (
    EmailChannel,
    InAppChannel,
    UnknownChannelError,
    WebhookChannel,
    build_email,
    channel_of,
    register,
    registered,
    webhook_channel,
)
from tracker.notify.messages import SUBJECT_LIMIT
from tracker.plans.importers.base import clean_cell
from tracker.vn import one_line


def test_a_message_goes_in_app_then_by_email_then_to_each_webhook() -> None:
    assert [c.name for c in registered()] == ["inapp", "email", "webhook"]


@pytest.mark.parametrize(
    ("stored", "kind"),
    [
        ("inapp", InAppChannel),
        ("email", EmailChannel),
        ("webhook:12", WebhookChannel),
        (webhook_channel(7), WebhookChannel),
    ],
)
def test_the_channel_strings_already_stored_find_their_channel(
    stored: str, kind: type[object]
) -> None:
    assert isinstance(channel_of(stored), kind)


def test_webhook_rows_are_stored_under_the_hooks_id() -> None:
    assert webhook_channel(12) == "webhook:12"


@pytest.mark.parametrize("stored", ["zalo", "telegram:5", "", "Email"])
def test_an_unknown_channel_is_an_error_naming_it(stored: str) -> None:
    with pytest.raises(UnknownChannelError) as caught:
        channel_of(stored)
    assert caught.value.permanent
    assert caught.value.message == (
        f"Kênh gửi '{stored}' không có trong sổ kênh của hệ thống, nên tin này không được gửi đi."
    )


def test_only_in_app_is_delivered_by_being_written() -> None:
    assert [c.name for c in registered() if c.delivered_when_written] == ["inapp"]


def test_a_channel_name_is_registered_once() -> None:
    with pytest.raises(ValueError, match="'email'"):
        register(EmailChannel())


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Họp giao ban\r\nBcc: x@evil.example", "Họp giao ban Bcc: x@evil.example"),
        ("a\nb\rc\x0bd\x0ce\x85f\u2028g", "a b c d e f g"),
        ("NUL\x00 ESC\x1b[31m DEL\x7f", "NUL ESC [31m DEL"),
        ("  nhiều    khoảng\t trắng  ", "nhiều khoảng trắng"),
        ("Quye\u0302\u0301t đi\u0323nh", "Quyết định"),  # NFC
    ],
)
def test_every_mail_header_is_one_clean_line(raw: str, clean: str) -> None:
    message = build_email(
        sender=f"tracker@localhost{raw[:2]}", to="long.nh@daison.example.vn", subject=raw,
        text="nội dung", html="", msg_id="<x@theodoi.example.vn>",
        date=dt.datetime(2026, 4, 8, 15, tzinfo=dt.UTC),
    )  # fmt: skip
    assert str(message["Subject"]) == clean
    flat = message.as_bytes()
    headers = flat.split(b"\r\n\r\n", 1)[0]
    assert not any(line.lower().startswith(b"bcc:") for line in headers.split(b"\r\n"))
    assert b"\x00" not in headers
    assert b"\x1b" not in headers


def test_a_subject_is_bounded_in_length() -> None:
    line = one_line("việc " * 200, SUBJECT_LIMIT)
    assert len(line) == SUBJECT_LIMIT
    assert line.endswith("…")


def test_an_imported_cell_keeps_no_line_break_or_control_character() -> None:
    assert clean_cell("Báo cáo\r\nBcc: x@evil.example\x00\x1b") == "Báo cáo Bcc: x@evil.example"
