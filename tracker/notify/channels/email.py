"""The e-mail channel: a text and HTML message with the deadline as an .ics attachment
(and any files the outbox row's ``payload`` carries under ``"attachments"``), sent over SMTP with aiosmtplib (or written as .eml files when no server is set up).

The transport reports every message's fate as it goes (``on_result``), so the caller
can record a message sent the moment the server took it: a worker killed mid-batch
then leaves at most the one message in flight to be sent again, and that one carries
the same Message-ID, which mail clients use to drop the duplicate.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from email.header import Header
from email.headerregistry import BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.policy import EmailPolicy, Policy
from email.utils import format_datetime as email_date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiosmtplib

from tracker.config import Settings, host_of
from tracker.files import write_private
from tracker.notify.channels.base import DeliveryError, OnResult, OutboxRow, unsendable
from tracker.notify.channels.webhook import open_secret, webhook_key
from tracker.notify.messages import SUBJECT_LIMIT
from tracker.vn import one_line

if TYPE_CHECKING:
    from tracker.notify.people import PeopleIndex, PersonInfo

__all__ = [
    "EMAIL",
    "LINK_MARK",
    "MAIL_POLICY",
    "SEALED_LINK",
    "Attachment",
    "EmailChannel",
    "attachment_payload",
    "build_email",
    "message_id",
    "send_emails",
]

EMAIL = "email"
# A mail that carries a secret link (a one-time sign-in link) is stored with this
# placeholder in its text and the link sealed in its payload; it is opened only here, as
# the mail is sent (tracker.notify.invites).
LINK_MARK = "[[link]]"
SEALED_LINK = "sealed_link"
_TIMEOUT = 30.0
# An address header (From, To) is one line of at most this many characters: an address
# is at most 254, and a display name fits beside it.
_ADDRESS_LIMIT = 320


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


# A file sent with a mail: its name, its MIME type ("application/pdf") and its bytes.
Attachment = tuple[str, str, bytes]


def attachment_payload(attachments: Sequence[Attachment]) -> dict[str, Any]:
    """What an outbox row's ``payload`` holds for files to attach (JSON: base64)."""
    return {
        "attachments": [
            {"filename": name, "content_type": kind, "base64": base64.b64encode(data).decode()}
            for name, kind, data in attachments
        ]
    }


def _attachments(payload: Any) -> list[Attachment]:
    """The files an outbox row's payload carries (a payload of the wrong shape raises, and
    its row fails alone)."""
    if not isinstance(payload, dict):
        return []
    return [
        (str(a["filename"]), str(a["content_type"]), base64.b64decode(a["base64"], validate=True))
        for a in payload.get("attachments", [])
    ]


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
    attachments: Sequence[Attachment] = (),
) -> EmailMessage:
    """A text and HTML e-mail, with the deadline as an .ics attachment when given, and
    ``attachments`` after it.

    Every header value is made one clean line here, whatever its source: a CR or LF
    (an event's reference, a task's text) would otherwise start a header of its own
    ("Bcc: …") or make the mail library refuse the whole message."""
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"] = one_line(sender, _ADDRESS_LIMIT)
    message["To"] = one_line(to, _ADDRESS_LIMIT)
    message["Subject"] = one_line(subject, SUBJECT_LIMIT)
    message["Message-ID"] = one_line(msg_id, _ADDRESS_LIMIT)
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
    for name, kind, data in attachments:
        maintype, _, subtype = kind.partition("/")
        message.add_attachment(
            data, maintype=maintype, subtype=subtype or "octet-stream", filename=one_line(name, 200)
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
            except Exception as exc:
                # The message itself is at fault (it cannot be flattened): it fails alone.
                await on_result(index, unsendable(exc))
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
    for index, message in enumerate(messages):
        name = hashlib.sha256(str(message["Message-ID"]).encode()).hexdigest()[:24]
        try:
            # Private (0600, the folder 0700): a mail names people and their work.
            write_private(folder / f"{name}.eml", message.as_bytes())
        except OSError as exc:
            await on_result(index, DeliveryError(f"Không ghi được tệp thư: {exc}"))
            continue
        await on_result(index, None)


def _with_link(settings: Settings, row: OutboxRow) -> tuple[str, str]:
    """The row's text and HTML, with the sealed link put in place of its placeholder."""
    payload = row.get("payload")
    sealed = payload.get(SEALED_LINK) if isinstance(payload, dict) else None
    if not sealed:
        return row["body_text"], row["body_html"]
    try:
        link = open_secret(webhook_key(settings), str(sealed))
    except DeliveryError as exc:
        raise DeliveryError(
            "Không mở được đường dẫn đăng nhập trong thư: khóa bí mật của dịch vụ đã đổi từ "
            "khi thư được tạo; hãy gửi lại đường dẫn.",
            permanent=True,
        ) from exc
    return row["body_text"].replace(LINK_MARK, link), row["body_html"].replace(LINK_MARK, link)


class EmailChannel:
    """A person with an e-mail address gets each message by mail."""

    name = EMAIL
    delivered_when_written = False

    def destinations(self, person: PersonInfo, people: PeopleIndex) -> list[tuple[str, str]]:
        return [(EMAIL, person.email)] if person.email else []

    def render(self, settings: Settings, row: OutboxRow) -> EmailMessage:
        """The mail of one outbox row; its Message-ID is made from the row's key."""
        text, html = _with_link(settings, row)
        return build_email(
            sender=settings.mail_from,
            to=row["address"],
            subject=row["subject"],
            text=text,
            html=html,
            msg_id=message_id(row["key"], settings.base_url),
            date=row["created_at"].astimezone(settings.tz),
            ics=row["ics"],
            attachments=_attachments(row.get("payload")),
        )

    async def send(
        self, settings: Settings, rows: Sequence[OutboxRow], on_result: OnResult
    ) -> None:
        """Build each row's mail, then send those that could be built. A row whose mail
        cannot be built fails alone, at once; the others go out over one connection."""
        messages: list[EmailMessage] = []
        built: list[int] = []
        for index, row in enumerate(rows):
            try:
                messages.append(self.render(settings, row))
            except Exception as exc:
                await on_result(index, unsendable(exc))
                continue
            built.append(index)

        async def of_row(index: int, error: DeliveryError | None) -> None:
            await on_result(built[index], error)

        await send_emails(settings, messages, of_row)
