"""The channel registry: the stored channel names of existing outboxes still find their
channel, in the order a message lists them; an unknown name is an error that says so."""

from __future__ import annotations

import pytest

from tracker.notify.channels import (
    EmailChannel,
    InAppChannel,
    UnknownChannelError,
    WebhookChannel,
    channel_of,
    register,
    registered,
    webhook_channel,
)


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
