"""The webhook channel: each message as a JSON POST, signed with HMAC-SHA256 in
``X-Tracker-Signature``, for bridges to Zalo, Telegram or an e-office system. A webhook
(optionally of one unit's branch) reaches everyone under it; the outbox stores its rows
as ``webhook:<id>``.

A webhook's secret is stored sealed (AES-256-GCM, "enc1:" and the nonce with the
ciphertext in URL-safe base64) under a key derived (HKDF-SHA256) from the service's
secret (``TRACKER_SECRET_KEY``, or the data directory's ``secret.key``): a copy of the
database alone does not let anyone sign messages as the service. A secret stored in
clear by an older version still works; ``tracker db migrate`` (and ``serve`` and
``worker`` at start, where the key is known) seals it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import httpx
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tracker.config import Settings
from tracker.notify.channels.base import DeliveryError, OnResult, OutboxRow
from tracker.notify.tables import Webhook
from tracker.org.auth import secret_material
from tracker.org.tables import Person

if TYPE_CHECKING:
    from tracker.notify.people import PeopleIndex, PersonInfo

__all__ = [
    "DELIVERY_HEADER",
    "SIGNATURE_HEADER",
    "WEBHOOK",
    "WebhookChannel",
    "is_sealed",
    "open_secret",
    "post_webhook",
    "seal_secret",
    "sign",
    "verify_signature",
    "webhook_channel",
    "webhook_key",
]

WEBHOOK = "webhook"
SIGNATURE_HEADER = "X-Tracker-Signature"
DELIVERY_HEADER = "X-Tracker-Delivery"
_TIMEOUT = 30.0


_SEALED = "enc1:"
_PURPOSE = b"tracker webhook secrets v1"
_NONCE = 12


def webhook_key(settings: Settings) -> bytes:
    """The 256-bit key webhook secrets are sealed with, derived from the service's secret
    (so it is never the key that signs sessions)."""
    material = secret_material(settings.secret_key, settings.data_dir)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(material)


def seal_secret(key: bytes, secret: str) -> str:
    """``secret`` as the database keeps it: "enc1:" and base64 of nonce and ciphertext."""
    nonce = os.urandom(_NONCE)
    sealed = AESGCM(key).encrypt(nonce, secret.encode("utf-8"), _PURPOSE)
    return _SEALED + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")


def is_sealed(stored: str) -> bool:
    return stored.startswith(_SEALED)


def open_secret(key: bytes, stored: str) -> str:
    """The secret a stored value holds; one stored in clear by an older version as it is.
    A value sealed under another key (the service's secret changed) is a permanent
    :class:`DeliveryError` that says so."""
    if not is_sealed(stored):
        return stored
    try:
        raw = base64.urlsafe_b64decode(stored[len(_SEALED) :])
        return AESGCM(key).decrypt(raw[:_NONCE], raw[_NONCE:], _PURPOSE).decode("utf-8")
    except (InvalidTag, ValueError) as exc:
        raise DeliveryError(
            "Không mở được khóa bí mật của webhook: TRACKER_SECRET_KEY (hoặc tệp secret.key "
            "trong thư mục dữ liệu) đã đổi từ khi webhook được thêm; hãy thêm lại webhook.",
            permanent=True,
        ) from exc


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
        key = webhook_key(settings)
        for index, row in enumerate(rows):
            try:
                secret = open_secret(key, await _secret(row["channel"]))
                payload = await self.render(row)
                await post_webhook(row["address"], secret, payload, delivery=row["key"])
            except DeliveryError as error:
                await on_result(index, error)
                continue
            await on_result(index, None)


async def _secret(stored: str) -> str:
    """The stored (sealed) secret of the active webhook an outbox row names."""
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
