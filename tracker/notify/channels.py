"""How a message leaves: e-mail over SMTP (or as .eml files when no server is set up),
and webhooks, signed JSON POSTs for bridges to Zalo, Telegram or an e-office system.

Each transport reports every message's fate as it goes (``on_result``), so the caller
can record a message sent the moment the server took it: a worker killed mid-batch
then leaves at most the one message in flight to be sent again, and that one carries
the same Message-ID, which mail clients use to drop the duplicate.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from email.header import Header
from email.headerregistry import BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.policy import EmailPolicy, Policy
from email.utils import format_datetime as email_date
from pathlib import Path
from typing import Any

import aiosmtplib
import httpx

from tracker.config import Settings, host_of

__all__ = [
    "SIGNATURE_HEADER",
    "DeliveryError",
    "build_email",
    "message_id",
    "post_webhook",
    "send_emails",
    "sign",
    "verify_signature",
]

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Tracker-Signature"
DELIVERY_HEADER = "X-Tracker-Delivery"
_TIMEOUT = 30.0

OnResult = Callable[[int, "DeliveryError | None"], Awaitable[None]]


class DeliveryError(Exception):
    """A message that did not go out; ``permanent`` when trying again cannot help (the
    server refused the address), else it is retried later."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent


# --------------------------------------------------------------------------- e-mail


class _Subject(UnstructuredHeader, BaseHeader):
    """A Subject header that a long Vietnamese subject leaves intact: Python 3.11's
    folder drops the space between two encoded words ("cơ chế" arrives as "cơchế"), so
    a non-ASCII subject is encoded by :class:`email.header.Header` instead. The header
    folds itself, so this holds under whatever policy flattens the message: aiosmtplib
    sends with ``email.policy.SMTP``, not the message's own policy."""

    def fold(self, *, policy: Policy) -> str:
        if str(self).isascii():
            return super().fold(policy=policy)
        linesep = policy.linesep
        encoded = Header(str(self), "utf-8", header_name=self.name).encode(linesep=linesep)
        return f"{self.name}: {encoded}{linesep}"


_HEADERS = HeaderRegistry()
_HEADERS.map_to_type("subject", _Subject)
MAIL_POLICY = EmailPolicy(linesep="\r\n", header_factory=_HEADERS)


def message_id(key: str, base_url: str) -> str:
    """The Message-ID of the message with outbox ``key``: the same key, the same ID."""
    host = host_of(base_url)
    local = re.sub(r"[^A-Za-z0-9.\-]+", ".", key).strip(".")
    return f"<{local}@{host}>"


def build_email(
    *,
    sender: str,
    to: str,
    subject: str,
    text: str,
    html: str,
    msg_id: str,
    date: Any,
    ics: str = "",
    ics_name: str = "nhac-viec.ics",
) -> EmailMessage:
    """A text and HTML e-mail, with the deadline as an .ics attachment when given."""
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = msg_id
    message["Date"] = email_date(date)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    if ics:
        message.add_attachment(
            ics.encode("utf-8"),
            maintype="text",
            subtype="calendar",
            filename=ics_name,
            params={"method": "PUBLISH", "charset": "utf-8"},
        )
    return message


def _smtp_error(exc: Exception) -> DeliveryError:
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        codes = [error.code for error in exc.recipients]
        permanent = bool(codes) and all(500 <= code < 600 for code in codes)
        return DeliveryError(f"Máy chủ thư từ chối người nhận: {exc}", permanent=permanent)
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        return DeliveryError(
            f"Máy chủ thư trả lời {exc.code}: {exc.message}", permanent=500 <= exc.code < 600
        )
    return DeliveryError(f"Không gửi được thư: {exc}")


async def send_emails(
    settings: Settings, messages: Sequence[EmailMessage], on_result: OnResult
) -> None:
    """Send ``messages`` over one SMTP connection (or write them as .eml files when no
    SMTP host is set), calling ``on_result(index, error)`` after each. A connection that
    fails stops the batch: the messages not tried get no result."""
    if not settings.smtp_host:
        await _write_files(settings.data_dir / "mail", messages, on_result)
        return
    client = aiosmtplib.SMTP(
        hostname=settings.smtp_host,
        port=settings.smtp_port,
        # TLS on port 465 is TLS from the first byte (SMTPS); on any other port, STARTTLS.
        # Without TLS asked for, none is tried: a local relay's certificate may not verify.
        use_tls=settings.smtp_tls and settings.smtp_port == 465,
        start_tls=settings.smtp_tls and settings.smtp_port != 465,
        timeout=_TIMEOUT,
    )
    try:
        await client.connect()
        if settings.smtp_user:
            await client.login(settings.smtp_user, settings.smtp_password)
    except (aiosmtplib.SMTPException, OSError) as exc:
        if messages:
            await on_result(0, _smtp_error(exc))
        return
    try:
        for index, message in enumerate(messages):
            try:
                await client.send_message(message)
            except aiosmtplib.SMTPServerDisconnected as exc:
                await on_result(index, _smtp_error(exc))
                return
            except (aiosmtplib.SMTPException, OSError) as exc:
                await on_result(index, _smtp_error(exc))
                if not client.is_connected:
                    return
                continue
            await on_result(index, None)
    finally:
        if client.is_connected:
            try:
                await client.quit()
            except (aiosmtplib.SMTPException, OSError):
                client.close()


async def _write_files(folder: Path, messages: Sequence[EmailMessage], on_result: OnResult) -> None:
    """The demo's mail server: each message as an .eml file, named by its Message-ID so
    writing it again replaces it."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, message in enumerate(messages):
        name = hashlib.sha256(str(message["Message-ID"]).encode()).hexdigest()[:24]
        try:
            (folder / f"{name}.eml").write_bytes(message.as_bytes())
        except OSError as exc:
            await on_result(index, DeliveryError(f"Không ghi được tệp thư: {exc}"))
            continue
        await on_result(index, None)


# --------------------------------------------------------------------------- webhooks


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
