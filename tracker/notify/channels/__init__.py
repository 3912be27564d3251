"""How a message leaves: the channels, one module each, and the registry that delivery
looks a stored channel up in.

A message is one outbox row per channel that reaches its person, in the order the
channels are registered here: in-app (:mod:`.in_app`), e-mail (:mod:`.email`) and each
webhook (:mod:`.webhook`). A new way out (a direct Zalo or Telegram bot, say) is one
module with a class like these (:class:`Channel`: ``name``, ``destinations``, ``send``)
and one line below; an outbox row whose channel nobody registers fails with the reason.
"""

from __future__ import annotations

from tracker.notify.channels.base import (
    Channel,
    DeliveryError,
    OnResult,
    UnknownChannelError,
    unsendable,
)
from tracker.notify.channels.email import (
    EMAIL,
    MAIL_POLICY,
    EmailChannel,
    build_email,
    message_id,
    send_emails,
)
from tracker.notify.channels.in_app import IN_APP, InAppChannel
from tracker.notify.channels.registry import channel_of, register, registered
from tracker.notify.channels.webhook import (
    DELIVERY_HEADER,
    SIGNATURE_HEADER,
    WEBHOOK,
    WebhookChannel,
    is_sealed,
    open_secret,
    post_webhook,
    seal_secret,
    sign,
    verify_signature,
    webhook_channel,
    webhook_key,
)

__all__ = [
    "DELIVERY_HEADER",
    "EMAIL",
    "IN_APP",
    "MAIL_POLICY",
    "SIGNATURE_HEADER",
    "WEBHOOK",
    "Channel",
    "DeliveryError",
    "EmailChannel",
    "InAppChannel",
    "OnResult",
    "UnknownChannelError",
    "WebhookChannel",
    "build_email",
    "channel_of",
    "is_sealed",
    "message_id",
    "open_secret",
    "post_webhook",
    "register",
    "registered",
    "seal_secret",
    "send_emails",
    "sign",
    "unsendable",
    "verify_signature",
    "webhook_channel",
    "webhook_key",
]

register(InAppChannel())
register(EmailChannel())
register(WebhookChannel())
