"""The webhook channel: each message as a JSON POST, signed with HMAC-SHA256 in
``X-Tracker-Signature``, for bridges to Zalo, Telegram or an e-office system. A webhook
(optionally of one unit's branch) reaches everyone under it; the outbox stores its rows
as ``webhook:<id>``."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import httpx

from tracker.config import Settings
from tracker.notify.channels.base import DeliveryError, OnResult, OutboxRow
from tracker.notify.tables import Webhook
from tracker.org.tables import Person

if TYPE_CHECKING:
    from tracker.notify.people import PeopleIndex, PersonInfo

__all__ = [
    "DELIVERY_HEADER",
    "SIGNATURE_HEADER",
    "WEBHOOK",
    "WebhookChannel",
    "post_webhook",
    "sign",
    "verify_signature",
    "webhook_channel",
]

WEBHOOK = "webhook"
SIGNATURE_HEADER = "X-Tracker-Signature"
DELIVERY_HEADER = "X-Tracker-Delivery"
_TIMEOUT = 30.0


def webhook_channel(hook_id: int) -> str:
    """The outbox's channel for the webhook ``hook_id``: ``webhook:<id>``."""
    return f"{WEBHOOK}:{hook_id}"


def sign(secret: str, body: bytes) -> str:
    """The signature header's value for ``body``: "sha256=" and the HMAC in hex."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify_signature(secret: str, body: bytes, header: str | None) -> bool:
    """Whether ``header`` is the signature of ``body`` under ``secret`` (for bridges)."""
    return bool(header) and hmac.compare_digest(sign(secret, body), header or "")


async def post_webhook(
    url: str, secret: str, payload: dict[str, Any], *, delivery: str, timeout: float = _TIMEOUT
) -> None:
    """POST ``payload`` as JSON, signed; raise :class:`DeliveryError` unless it is taken
    (2xx). 4xx other than 408 and 429 are permanent: the bridge refuses the message."""
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        SIGNATURE_HEADER: sign(secret, body),
        DELIVERY_HEADER: delivery,
        "User-Agent": "tracker-webhook/1",
    }
    try:
        async with httpx.AsyncClient(timeout=timeout) as client:
            response = await client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise DeliveryError(f"Không gọi được webhook {url}: {exc}") from exc
    if 200 <= response.status_code < 300:
        return
    permanent = 400 <= response.status_code < 500 and response.status_code not in (408, 429)
    raise DeliveryError(
        f"Webhook {url} trả lời {response.status_code}: {response.text[:200]}", permanent=permanent
    )


class WebhookChannel:
    """Every active webhook whose branch holds the person gets each of their messages."""

    name = WEBHOOK
    delivered_when_written = False

    def destinations(self, person: PersonInfo, people: PeopleIndex) -> list[tuple[str, str]]:
        return [(webhook_channel(hook.id), hook.url) for hook in people.webhooks_for(person.id)]

    async def render(self, row: OutboxRow) -> dict[str, Any]:
        """The JSON body of one outbox row: the message's payload, its key, subject and
        text, and who it is for."""
        person = (
            await Person.select(Person.id, Person.name, Person.email, Person.phone)
            .where(Person.id == row["person"])
            .first()
        )
        return {
            **(row["payload"] or {}),
            "key": row["key"],
            "subject": row["subject"],
            "text": row["body_text"],
            # A bridge to Zalo or Telegram finds the person by name, e-mail or phone.
            "recipient": person or {"id": row["person"]},
        }

    async def send(
        self, settings: Settings, rows: Sequence[OutboxRow], on_result: OnResult
    ) -> None:
        for index, row in enumerate(rows):
            try:
                secret = await _secret(row["channel"])
                payload = await self.render(row)
                await post_webhook(row["address"], secret, payload, delivery=row["key"])
            except DeliveryError as error:
                await on_result(index, error)
                continue
            await on_result(index, None)


async def _secret(stored: str) -> str:
    """The secret of the active webhook an outbox row names."""
    target = stored.partition(":")[2]
    hook = None
    if target.isdigit():
        hook = (
            await Webhook.select(Webhook.secret, Webhook.active)
            .where(Webhook.id == int(target))
            .first()
        )
    if hook is None or not hook["active"]:
        raise DeliveryError("Webhook đã bị xóa hoặc tắt.", permanent=True)
    return str(hook["secret"])
