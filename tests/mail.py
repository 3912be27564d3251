"""A real SMTP server for the tests (aiosmtpd, on a free port of 127.0.0.1) and the mail it
takes, parsed as the recipients' programs would."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


@dataclass
class Inbox:
    """An aiosmtpd handler that keeps every message it accepts (``messages``, read under
    ``lock``); ``wait_for`` waits for one to an address, from another thread or process."""

    messages: list[EmailMessage] = field(default_factory=list)
    lock: threading.Condition = field(default_factory=threading.Condition)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        with self.lock:
            self.messages.append(parsed)
            self.lock.notify_all()
        return "250 OK"

    def wait_for(self, address: str, timeout: float = 60, subject: str = "") -> EmailMessage:
        """The newest message to ``address`` (whose subject holds ``subject``, when given),
        waiting up to ``timeout`` s for one. A person may get other mail meanwhile: the
        daily digest goes out on the first tick after 07:30 of a working day."""

        def newest() -> EmailMessage | None:
            to = [
                m
                for m in self.messages
                if address in str(m["To"]) and subject in str(m["Subject"] or "")
            ]
            return to[-1] if to else None

        with self.lock:
            self.lock.wait_for(lambda: newest() is not None, timeout)
            message = newest()
        assert message is not None, f"no mail to {address} ({subject or 'any'}) within {timeout} s"
        return message


@contextmanager
def smtp_server(handler: Any) -> Iterator[int]:
    """An SMTP server handing each message to ``handler`` for the block: its port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


@contextmanager
def smtp_inbox() -> Iterator[tuple[Inbox, int]]:
    """An SMTP server keeping what it takes, for the block: its inbox and its port."""
    box = Inbox()
    with smtp_server(box) as port:
        yield box, port
