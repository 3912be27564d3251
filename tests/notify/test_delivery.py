"""Delivering reminders from the outbox, against real servers started by the tests: an
SMTP server (aiosmtpd) and an HTTP server for webhooks, on every database backend.

The seed set at Wednesday 2026-04-08 15:00 (+07:00) gives Đại Sơn five digests and the
``eve`` reminder of the weekly report due Thursday 09/04/2026 16:15 to the three members
of the "co-quan-cm" group: eight e-mails, eight in-app rows.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
import hashlib
import hmac
import json
import socket
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import pytest
from aiosmtpd.controller import Controller
from icalendar import Calendar
from litestar.testing import AsyncTestClient

from tests.conftest import BACKENDS, PG_URL, TZ
from tracker.app import create_app
from tracker.config import Settings
from tracker.deadlines.tables import Event
from tracker.notify.channels import message_id
from tracker.notify.delivery import deliver_due
from tracker.notify.reminders import reminder_pass
from tracker.notify.services import add_webhook, seal_webhook_secrets
from tracker.notify.tables import Outbox, Webhook
from tracker.org.auth import set_password

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
BASE_URL = "https://theodoi.daison.example.vn"
CO_QUAN_CM = {"long.nh@daison.example.vn", "tuan.lm@daison.example.vn", "lan.dtp@daison.example.vn"}
DUE_TEXT = "Thứ Năm, 09/04/2026 16:15"
DUE_AT = dt.datetime(2026, 4, 9, 16, 15, tzinfo=HCM)


# --------------------------------------------------------------------------- SMTP server


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.data, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


@dataclass
class Mailbox:
    """An aiosmtpd handler that keeps what it accepts; it refuses on demand, at RCPT
    (one reply per address, or one for every address) or at DATA."""

    received: list[Received] = field(default_factory=list)
    refuse_rcpt: dict[str, str] = field(default_factory=dict)
    refuse_every_rcpt: str = ""
    refuse_data: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        reply = self.refuse_every_rcpt or self.refuse_rcpt.get(address, "")
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse_data:
            return self.refuse_data
        data = envelope.original_content or envelope.content
        with self.lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), data))
        return "250 OK"

    def ids(self) -> Counter[str]:
        with self.lock:
            return Counter(r.message_id for r in self.received)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    port = _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


@pytest.fixture
def smtp_settings(seeded_rw: Settings, mailbox: tuple[Mailbox, int]) -> Settings:
    return seeded_rw.with_changes(smtp_host="127.0.0.1", smtp_port=mailbox[1], base_url=BASE_URL)


# --------------------------------------------------------------------------- helpers


async def _rows(channel: str | None = None) -> list[dict[str, Any]]:
    query = Outbox.select().order_by(Outbox.id).output(load_json=True)
    if channel is not None:
        query = query.where(Outbox.channel == channel)
    return list(await query)


def _text_and_html(message: EmailMessage) -> tuple[str, str]:
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert plain is not None
    assert html is not None
    return str(plain.get_content()), str(html.get_content())


def _calendars(message: EmailMessage) -> list[EmailMessage]:
    return [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]


def _assert_eve_mail(message: EmailMessage, occurrence_id: int) -> None:
    """The eve reminder of the weekly report, as a person's mail program shows it."""
    text, html = _text_and_html(message)
    link = f"{BASE_URL}/occurrences/{occurrence_id}"
    assert f"Hạn: {DUE_TEXT}" in text
    assert DUE_TEXT in html
    assert link in text
    assert f'href="{link}"' in html
    (attachment,) = _calendars(message)
    assert str(attachment.get_filename()).endswith(".ics")
    payload = attachment.get_payload(decode=True)
    assert isinstance(payload, bytes)
    (event,) = Calendar.from_ical(payload).walk("VEVENT")
    assert event.decoded("dtend") == DUE_AT
    assert event["dtend"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert event.decoded("dtend").utcoffset() == dt.timedelta(hours=7)
    assert str(event["url"]) == link


# --------------------------------------------------------------------------- e-mail


async def test_smtp_delivers_every_mail_once_with_subject_body_link_and_calendar(
    smtp_settings: Settings, mailbox: tuple[Mailbox, int]
) -> None:
    box, _ = mailbox
    report = await reminder_pass(smtp_settings, NOW)
    eve = [m for m in report.messages if m.step == "eve"]
    assert {m.person.email for m in eve} == CO_QUAN_CM
    assert len({m.occurrence_id for m in eve}) == 1
    occurrence_id = eve[0].occurrence_id
    assert occurrence_id is not None
    # In-app rows are delivered by being written; e-mails wait for delivery.
    inapp = await _rows("inapp")
    assert sorted(r["key"] for r in inapp) == sorted(m.key for m in report.messages)
    for row in inapp:
        assert row["state"] == "sent"
        assert row["sent_at"] == NOW
        assert row["address"] == ""
    assert all(r["state"] == "queued" for r in await _rows("email"))

    delivered = await deliver_due(smtp_settings, NOW)
    assert await _rows("inapp") == inapp  # never claimed
    rows = await _rows("email")
    assert len(rows) == len(report.messages) == 8
    assert len(delivered.sent) == len(rows)
    assert delivered.retried == []
    assert delivered.failed == []

    by_id = {r.message_id: r for r in box.received}
    assert len(box.received) == len(rows)
    for row in rows:
        got = by_id[message_id(row["key"], BASE_URL)]
        assert got.rcpt_tos == [row["address"]]
        assert got.mail_from == smtp_settings.mail_from
        message = got.message
        # Decoded exactly: Python 3.11's folder used to drop the space between two
        # encoded words of a long Vietnamese subject ("cơ chế" → "cơchế").
        assert str(message["Subject"]) == row["subject"]
        assert str(message["To"]) == row["address"]
        assert str(message["Message-ID"]) == message_id(row["key"], BASE_URL)
        assert row["state"] == "sent"
        assert row["sent_at"] == NOW
        assert row["attempts"] == 0
        _text_and_html(message)

    eve_rows = [r for r in rows if r["step"] == "eve"]
    assert {r["address"] for r in eve_rows} == CO_QUAN_CM
    long_subject = eve_rows[0]["subject"]
    assert "cơ chế một cửa" in long_subject
    assert len(long_subject.encode()) > 150  # folded over several encoded words
    for row in eve_rows:
        assert row["occurrence"] == occurrence_id
        _assert_eve_mail(by_id[message_id(row["key"], BASE_URL)].message, occurrence_id)
    digests = [by_id[message_id(r["key"], BASE_URL)].message for r in rows if r["step"] == "digest"]
    assert len(digests) == 5
    assert all(_calendars(m) == [] for m in digests)


@pytest.mark.parametrize("stage", ["rcpt", "data"])
async def test_temporary_refusal_is_retried_after_the_backoff_and_delivered_once(
    smtp_settings: Settings, mailbox: tuple[Mailbox, int], stage: str
) -> None:
    box, _ = mailbox
    refusal = "451 4.3.0 Mailbox busy, try later"
    if stage == "rcpt":
        box.refuse_every_rcpt = refusal
    else:
        box.refuse_data = refusal
    await reminder_pass(smtp_settings, NOW)

    first = await deliver_due(smtp_settings, NOW)
    assert first.sent == []
    assert first.failed == []
    assert len(first.retried) == 8
    assert box.received == []
    for row in await _rows("email"):
        assert row["state"] == "queued"
        assert row["attempts"] == 1
        assert row["next_attempt_at"] == NOW + dt.timedelta(minutes=1)
        assert "451" in row["last_error"]
        assert "Mailbox busy" in row["last_error"]
        assert row["sent_at"] is None
        assert row["claim"] == ""

    box.refuse_every_rcpt = box.refuse_data = ""
    early = await deliver_due(smtp_settings, NOW + dt.timedelta(seconds=30))
    assert early.sent == []
    assert box.received == []

    later = NOW + dt.timedelta(minutes=2)
    second = await deliver_due(smtp_settings, later)
    rows = await _rows("email")
    assert len(second.sent) == len(rows) == 8
    assert box.ids() == Counter({message_id(r["key"], BASE_URL): 1 for r in rows})
    for row in rows:
        assert row["state"] == "sent"
        assert row["sent_at"] == later
        assert row["attempts"] == 1
        assert row["last_error"] == ""

    third = await deliver_due(smtp_settings, later + dt.timedelta(minutes=1))
    assert third.sent == []
    assert third.retried == []
    assert len(box.received) == 8


async def test_permanent_refusal_fails_that_address_only(
    smtp_settings: Settings, mailbox: tuple[Mailbox, int]
) -> None:
    box, _ = mailbox
    refused = "tuan.lm@daison.example.vn"
    box.refuse_rcpt[refused] = "550 5.1.1 No such user here"
    await reminder_pass(smtp_settings, NOW)

    report = await deliver_due(smtp_settings, NOW)
    rows = await _rows("email")
    theirs = [r for r in rows if r["address"] == refused]
    others = [r for r in rows if r["address"] != refused]
    assert {r["step"] for r in theirs} == {"digest", "eve"}
    assert len(report.failed) == len(theirs) == 2
    assert len(report.sent) == len(others) == 6
    assert report.retried == []
    for row in theirs:
        assert row["state"] == "failed"
        assert row["attempts"] == 1
        assert "550" in row["last_error"]
        assert row["sent_at"] is None
    for row in others:
        assert row["state"] == "sent"
    assert sorted(r.rcpt_tos[0] for r in box.received) == sorted(r["address"] for r in others)

    # A failed row is not tried again.
    box.refuse_rcpt.clear()
    again = await deliver_due(smtp_settings, NOW + dt.timedelta(hours=2))
    assert again.sent == []
    assert len(box.received) == 6


async def test_concurrent_passes_and_deliveries_write_and_send_each_message_once(
    smtp_settings: Settings, mailbox: tuple[Mailbox, int]
) -> None:
    box, _ = mailbox
    # Two passes and two deliveries in one event loop (small batches, so that the two
    # deliveries claim turn about) …
    await asyncio.gather(reminder_pass(smtp_settings, NOW), reminder_pass(smtp_settings, NOW))
    first = await asyncio.gather(
        deliver_due(smtp_settings, NOW, batch=2), deliver_due(smtp_settings, NOW, batch=2)
    )

    # … and again in two threads with their own event loops, the next day at 14:15:
    # that day's digests and the 2h step before the report's deadline.
    barrier = threading.Barrier(2)

    def in_thread(make: Any) -> Any:
        barrier.wait()
        return asyncio.run(make())

    later = dt.datetime(2026, 4, 9, 14, 15, tzinfo=TZ)
    await asyncio.gather(
        asyncio.to_thread(in_thread, lambda: reminder_pass(smtp_settings, later)),
        asyncio.to_thread(in_thread, lambda: reminder_pass(smtp_settings, later)),
    )
    second = await asyncio.gather(
        asyncio.to_thread(in_thread, lambda: deliver_due(smtp_settings, later, batch=2)),
        asyncio.to_thread(in_thread, lambda: deliver_due(smtp_settings, later, batch=2)),
    )

    rows = await _rows()
    pairs = Counter((r["key"], r["channel"]) for r in rows)
    assert len(rows) == 32
    assert max(pairs.values()) == 1
    emails = [r for r in rows if r["channel"] == "email"]
    assert Counter(r["step"] for r in emails) == Counter({"digest": 10, "eve": 3, "2h": 3})
    assert all(r["state"] == "sent" for r in emails)
    sent = [s["id"] for report in (*first, *second) for s in report.sent]
    assert sorted(sent) == sorted(r["id"] for r in emails)
    assert box.ids() == Counter({message_id(r["key"], BASE_URL): 1 for r in emails})


@pytest.mark.parametrize("seeded_rw", [b for b in BACKENDS if b == "postgres"], indirect=True)
async def test_rows_another_worker_is_claiming_are_skipped_then_taken_once_stale(
    smtp_settings: Settings, mailbox: tuple[Mailbox, int]
) -> None:
    """PostgreSQL: a delivery neither waits for nor takes the rows that another worker's
    claim holds locked; once that worker is gone for ``sending_timeout``, they are sent."""
    box, _ = mailbox
    await reminder_pass(smtp_settings, NOW)
    emails = await _rows("email")
    held = [r["id"] for r in emails[:3]]
    other = await asyncpg.connect(PG_URL)
    try:
        claiming = other.transaction()
        await claiming.start()
        await other.execute(
            "UPDATE outbox SET state = 'sending', claim = 'other', claimed_at = $1"
            " WHERE id = ANY($2::int[])",
            NOW,
            held,
        )
        try:
            report = await asyncio.wait_for(deliver_due(smtp_settings, NOW), timeout=30)
        finally:
            await claiming.commit()
    finally:
        await other.close()
    assert sorted(s["id"] for s in report.sent) == sorted(r["id"] for r in emails[3:])
    assert len(box.received) == 5
    states = {r["id"]: r["state"] for r in await _rows("email")}
    assert [states[i] for i in held] == ["sending"] * 3

    # Staleness is told by the wall clock (here a clock of the test's), not by the moment
    # a delivery is run for.
    timeout = dt.timedelta(seconds=smtp_settings.sending_timeout)
    assert (await deliver_due(smtp_settings, NOW + timeout, clock=lambda: NOW)).sent == []
    assert (await deliver_due(smtp_settings, NOW, clock=lambda: NOW + timeout)).sent == []
    later = NOW + timeout + dt.timedelta(seconds=1)
    stale = await deliver_due(smtp_settings, NOW, clock=lambda: later)
    assert sorted(s["id"] for s in stale.sent) == held
    assert box.ids() == Counter({message_id(r["key"], BASE_URL): 1 for r in emails})


async def test_a_second_pass_at_the_same_moment_writes_and_sends_nothing(
    smtp_settings: Settings, mailbox: tuple[Mailbox, int]
) -> None:
    box, _ = mailbox
    first = await reminder_pass(smtp_settings, NOW)
    assert first.written == 16  # eight messages, in-app and e-mail
    await deliver_due(smtp_settings, NOW)
    before = await _rows()

    again = await reminder_pass(smtp_settings, NOW)
    assert again.written == 0
    delivered = await deliver_due(smtp_settings, NOW)
    assert delivered.sent == []
    assert await _rows() == before
    assert len(box.received) == 8


async def test_without_an_smtp_host_mails_are_written_as_eml_files(seeded_rw: Settings) -> None:
    settings = seeded_rw.with_changes(smtp_host="", base_url=BASE_URL)
    report = await reminder_pass(settings, NOW)
    delivered = await deliver_due(settings, NOW)
    rows = await _rows("email")
    assert len(delivered.sent) == len(rows) == 8

    files = sorted((settings.data_dir / "mail").glob("*.eml"))
    assert len(files) == len(rows)
    parsed: dict[str, EmailMessage] = {}
    for path in files:
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        parsed[str(message["Message-ID"])] = message
    for row in rows:
        message = parsed[message_id(row["key"], BASE_URL)]
        assert str(message["Subject"]) == row["subject"]
        assert str(message["To"]) == row["address"]
        assert row["state"] == "sent"
    eve = next(m for m in report.messages if m.step == "eve")
    assert eve.occurrence_id is not None
    for row in rows:
        if row["step"] == "eve":
            _assert_eve_mail(parsed[message_id(row["key"], BASE_URL)], eve.occurrence_id)


async def test_a_row_of_an_unknown_channel_fails_with_the_reason_and_the_batch_goes_on(
    smtp_settings: Settings, mailbox: tuple[Mailbox, int]
) -> None:
    """A row written for a channel nobody registers (a Zalo bridge that was never
    installed) is not recorded sent: it fails at once and says why, and the e-mails
    claimed in the same batch still go out."""
    box, _ = mailbox
    await reminder_pass(smtp_settings, NOW)
    email_row = (await _rows("email"))[0]
    inserted = (
        await Outbox.insert(
            Outbox(
                key=email_row["key"], channel="zalo", step=email_row["step"],
                person=email_row["person"], occurrence=email_row["occurrence"],
                address="0912345678", subject=email_row["subject"],
                body_text=email_row["body_text"], body_html="", ics="", payload={},
                state="queued", attempts=0, next_attempt_at=NOW, created_at=NOW,
            )
        ).returning(Outbox.id)
    )  # fmt: skip
    zalo_id = inserted[0]["id"]

    report = await deliver_due(smtp_settings, NOW)
    reason = "Kênh gửi 'zalo' không có trong sổ kênh của hệ thống, nên tin này không được gửi đi."
    (zalo,) = await _rows("zalo")
    assert zalo["id"] == zalo_id
    assert zalo["state"] == "failed"
    assert zalo["last_error"] == reason
    assert zalo["attempts"] == 1
    assert zalo["sent_at"] is None
    assert zalo["claim"] == ""
    assert [(f["id"], f["error"]) for f in report.failed] == [(zalo_id, reason)]
    assert report.retried == []
    emails = await _rows("email")
    assert len(emails) == 8
    assert all(r["state"] == "sent" for r in emails)
    assert sorted(s["id"] for s in report.sent) == sorted(r["id"] for r in emails)
    assert len(box.received) == 8

    # Failed is final: a later delivery does not try it again.
    again = await deliver_due(smtp_settings, NOW + dt.timedelta(hours=1))
    assert (again.sent, again.failed, again.retried) == ([], [], [])
    assert (await _rows("zalo"))[0]["state"] == "failed"


# --------------------------------------------------------------------------- webhooks


@dataclass
class Call:
    path: str
    headers: dict[str, str]
    body: bytes
    status: int
    valid: bool

    @property
    def json(self) -> dict[str, Any]:
        data = json.loads(self.body)
        assert isinstance(data, dict)
        return data


def _signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass
class HookServer:
    """A webhook receiver that checks each POST's signature against the secret of its
    path, answers ``status``, and records every call."""

    secrets: dict[str, str] = field(default_factory=dict)
    status: int = 200
    calls: list[Call] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handler(self) -> type[BaseHTTPRequestHandler]:
        hooks = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                secret = hooks.secrets.get(self.path, "")
                header = self.headers.get("X-Tracker-Signature", "")
                valid = bool(secret) and hmac.compare_digest(_signature(secret, body), header)
                status = hooks.status if valid else 401
                with hooks.lock:
                    hooks.calls.append(Call(self.path, dict(self.headers), body, status, valid))
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


@pytest.fixture
def hooks() -> Iterator[tuple[HookServer, int]]:
    server = HookServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), server.handler())
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, int(httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _assert_item(item: dict[str, Any]) -> None:
    assert isinstance(item["id"], int)
    assert item["link"] == f"{BASE_URL}/occurrences/{item['id']}"
    due = dt.date.fromisoformat(item["due"][:10])
    assert due.strftime("%d/%m/%Y") in item["due_text"]


async def test_webhooks_get_signed_json_and_a_500_is_retried(
    seeded_rw: Settings, hooks: tuple[HookServer, int]
) -> None:
    server, port = hooks
    settings = seeded_rw.with_changes(smtp_host="", base_url=BASE_URL)
    url = f"http://127.0.0.1:{port}"
    everyone, everyone_secret = await add_webhook(f"{url}/hook", None, settings=settings, now=NOW)
    dai_son, dai_son_secret = await add_webhook(
        f"{url}/dai-son", "hai-phong.dai-son", settings=settings, now=NOW
    )
    kien_an, kien_an_secret = await add_webhook(
        f"{url}/kien-an", "an-giang.cho-moi.kien-an", settings=settings, now=NOW
    )
    server.secrets = {"/hook": everyone_secret, "/dai-son": dai_son_secret,
                      "/kien-an": kien_an_secret}  # fmt: skip
    # The database keeps each secret sealed, never in clear.
    stored = {r["id"]: r["secret"] for r in await Webhook.select(Webhook.id, Webhook.secret)}
    assert set(stored) == {everyone, dai_son, kien_an}
    for value in stored.values():
        assert value.startswith("enc1:")
        for secret in (everyone_secret, dai_son_secret, kien_an_secret):
            assert secret not in value
    report = await reminder_pass(settings, NOW)
    keys = sorted(m.key for m in report.messages)
    rows = await _rows()
    assert sorted(r["key"] for r in rows if r["channel"] == f"webhook:{everyone}") == keys
    assert sorted(r["key"] for r in rows if r["channel"] == f"webhook:{dai_son}") == keys
    assert [r for r in rows if r["channel"] == f"webhook:{kien_an}"] == []

    server.status = 500
    first = await deliver_due(settings, NOW)
    assert len(first.retried) == 16
    assert len(server.calls) == 16
    assert all(c.valid for c in server.calls)
    hook_rows = [r for r in await _rows() if r["channel"].startswith("webhook:")]
    assert len(hook_rows) == 16
    for row in hook_rows:
        assert row["state"] == "queued"
        assert row["attempts"] == 1
        assert "500" in row["last_error"]
        assert row["next_attempt_at"] == NOW + dt.timedelta(minutes=1)

    server.status = 200
    later = NOW + dt.timedelta(minutes=2)
    second = await deliver_due(settings, later)
    assert len(second.sent) == 16
    for row in [r for r in await _rows() if r["channel"].startswith("webhook:")]:
        assert row["state"] == "sent"
        assert row["sent_at"] == later
    taken = [c for c in server.calls if c.status == 200]
    assert all(c.valid for c in taken)
    assert Counter((c.path, c.headers["X-Tracker-Delivery"]) for c in taken) == Counter(
        {(path, key): 1 for path in ("/hook", "/dai-son") for key in keys}
    )
    assert (await deliver_due(settings, later + dt.timedelta(hours=1))).sent == []

    by_key = {m.key: m for m in report.messages}
    for call in taken:
        payload = call.json
        message = by_key[payload["key"]]
        assert call.headers["X-Tracker-Delivery"] == payload["key"]
        assert payload["recipient"] == {
            "id": message.person.id,
            "name": message.person.name,
            "email": message.person.email,
            "phone": message.person.phone,
        }
        assert payload["subject"] == message.rendered.subject
        assert payload["type"] == ("digest" if message.step == "digest" else "reminder")
        if payload["type"] == "reminder":
            occurrence = payload["occurrence"]
            assert occurrence["id"] == message.occurrence_id
            assert occurrence["due"] == DUE_AT.isoformat()
            assert occurrence["due_text"] == DUE_TEXT
            assert occurrence["link"] == f"{BASE_URL}/occurrences/{message.occurrence_id}"
            assert payload["step"] == "eve"
        else:
            assert payload["day"] == "2026-04-08"
            items = payload["overdue"] + payload["soon"] + payload["escalated"]
            assert items
            for item in items:
                _assert_item(item)

    # What the receiver's check stands for: a changed body, or another hook's secret,
    # does not pass.
    call = taken[0]
    secret = server.secrets[call.path]
    header = call.headers["X-Tracker-Signature"]
    assert hmac.compare_digest(_signature(secret, call.body), header)
    tampered = call.body.replace(b'"subject": "', b'"subject": "x')
    assert tampered != call.body
    assert not hmac.compare_digest(_signature(secret, tampered), header)
    other = dai_son_secret if call.path == "/hook" else everyone_secret
    assert not hmac.compare_digest(_signature(other, call.body), header)


# --------------------------------------------------------------------------- poisoned messages


async def _insert_row(like: dict[str, Any], **changes: Any) -> int:
    """An outbox row written as the pass writes one, with ``changes``."""
    fields = {k: v for k, v in like.items() if k not in ("id",)}
    fields.update(state="queued", attempts=0, next_attempt_at=NOW, claim="", claimed_at=None,
                  sent_at=None, last_error="", created_at=NOW)  # fmt: skip
    fields.update(changes)
    inserted = await Outbox.insert(Outbox(**fields)).returning(Outbox.id)
    return int(inserted[0]["id"])


def _header_lines(data: bytes) -> list[bytes]:
    return data.split(b"\r\n\r\n", 1)[0].split(b"\r\n")


async def test_a_poisoned_message_fails_alone_and_the_good_ones_around_it_arrive(
    smtp_settings: Settings, mailbox: tuple[Mailbox, int], hooks: tuple[HookServer, int]
) -> None:
    """A subject with "\\r\\nBcc:" (as an event's reference used to put there) is sent as
    one cleaned line, and never reaches the SMTP server raw; a row whose mail cannot be
    built and a webhook row whose stored payload is of the wrong shape each fail alone,
    with the reason; the e-mails and webhook calls around them all go out; no row is left
    "sending"."""
    box, _ = mailbox
    server, port = hooks
    hook, secret = await add_webhook(
        f"http://127.0.0.1:{port}/hook", None, settings=smtp_settings, now=NOW
    )
    server.secrets = {"/hook": secret}
    await reminder_pass(smtp_settings, NOW)
    good = await _rows("email")
    first = good[0]
    # Written before and after the pass's rows, so the bad ones sit between good ones.
    bcc = await _insert_row(
        first, key="poison:subject", subject="Họp giao ban\r\nBcc: x@evil.example"
    )
    unbuildable = await _insert_row(first, key="poison:address", address="a@[bad")
    wrong_payload = await _insert_row(
        first, key="poison:payload", channel=f"webhook:{hook}", address=f"http://127.0.0.1:{port}/hook",
        payload=["not", "an", "object"],
    )  # fmt: skip
    after = await _insert_row(first, key="good:after")

    report = await deliver_due(smtp_settings, NOW)

    rows = {r["id"]: r for r in await _rows()}
    assert [r["id"] for r in rows.values() if r["state"] not in ("sent", "failed")] == []
    assert {f["id"] for f in report.failed} == {unbuildable, wrong_payload}
    assert rows[unbuildable]["state"] == "failed"
    assert rows[unbuildable]["attempts"] == 1
    assert rows[unbuildable]["last_error"].startswith(
        "Không tạo hoặc gửi được tin này (AttributeError"
    )
    assert rows[wrong_payload]["state"] == "failed"
    assert rows[wrong_payload]["last_error"].startswith(
        "Không tạo hoặc gửi được tin này (TypeError"
    )
    assert "các tin khác vẫn được gửi" in rows[wrong_payload]["last_error"]
    # Every good mail and webhook call went out, once.
    sent_mail = [r for r in rows.values() if r["channel"] == "email" and r["state"] == "sent"]
    assert {r["id"] for r in sent_mail} == {r["id"] for r in good} | {bcc, after}
    assert box.ids() == Counter({message_id(r["key"], BASE_URL): 1 for r in sent_mail})
    hook_rows = [r for r in rows.values() if r["channel"] == f"webhook:{hook}"]
    assert {r["id"] for r in hook_rows if r["state"] == "sent"} == {
        r["id"] for r in hook_rows if r["id"] != wrong_payload
    }
    assert len(server.calls) == len(hook_rows) - 1
    assert all(c.valid for c in server.calls)

    # The poisoned subject arrived cleaned: one line, no header of its own, no recipient.
    (poisoned,) = [
        r for r in box.received if r.message_id == message_id("poison:subject", BASE_URL)
    ]
    assert str(poisoned.message["Subject"]) == "Họp giao ban Bcc: x@evil.example"
    assert poisoned.message["Bcc"] is None
    assert poisoned.rcpt_tos == [first["address"]]
    assert not any(line.lower().startswith(b"bcc:") for line in _header_lines(poisoned.data))
    assert all("x@evil.example" not in r.rcpt_tos for r in box.received)
    assert all("\r" not in str(r.message["Subject"]) for r in box.received)
    assert all("\n" not in str(r.message["Subject"]) for r in box.received)

    # Failed is final, and the next delivery has nothing left over.
    again = await deliver_due(smtp_settings, NOW + dt.timedelta(hours=1))
    assert (again.sent, again.failed, again.retried) == ([], [], [])


async def test_an_event_reference_with_a_line_break_is_stored_as_one_line_and_its_mail_arrives(
    smtp_settings: Settings, mailbox: tuple[Mailbox, int]
) -> None:
    box, _ = mailbox
    officer = "hoa.tt@daison.example.vn"
    assert await set_password(officer, "mat-khau-thu-nghiem")
    app = create_app(smtp_settings, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        response = await client.post(
            "/api/events",
            json={"kind": "yeu_cau", "date": "2026-04-08", "unit": "hai-phong.dai-son",
                  "ref": "Công văn số 45/UBND-VP\r\nBcc: x@evil.example"},
            auth=(officer, "mat-khau-thu-nghiem"),
        )  # fmt: skip
    assert response.status_code == 201, response.text
    stored = await Event.select(Event.reference).where(Event.id == response.json()["id"]).first()
    assert stored == {"reference": "Công văn số 45/UBND-VP Bcc: x@evil.example"}

    report = await deliver_due(smtp_settings, NOW)
    assert report.failed == []
    rows = await _rows("email")
    assert {r["state"] for r in rows} == {"sent"}
    (event_row,) = [r for r in rows if r["step"] == "event"]
    assert "\n" not in event_row["subject"]
    (mail,) = [r for r in box.received if r.message_id == message_id(event_row["key"], BASE_URL)]
    subject = str(mail.message["Subject"])
    assert "Công văn số 45/UBND-VP Bcc: x@evil.example" in subject
    assert mail.message["Bcc"] is None
    assert all("x@evil.example" not in r.rcpt_tos for r in box.received)


async def test_a_secret_stored_in_clear_still_signs_and_is_sealed_where_the_key_is_known(
    seeded_rw: Settings, hooks: tuple[HookServer, int]
) -> None:
    """A webhook an older version stored with its secret in clear keeps working; the step
    that runs with ``tracker db migrate`` (and at serve's and worker's start) seals it,
    once; a service whose secret changed fails its messages saying why."""
    server, port = hooks
    settings = seeded_rw.with_changes(smtp_host="", base_url=BASE_URL)
    legacy = "mot-khoa-bi-mat-cu-luu-ro-trong-co-so-du-lieu"
    inserted = await Webhook.insert(
        Webhook(url=f"http://127.0.0.1:{port}/old", secret=legacy, unit=None, active=True,
                created_at=NOW)
    ).returning(Webhook.id)  # fmt: skip
    hook = inserted[0]["id"]
    server.secrets = {"/old": legacy}
    await reminder_pass(settings, NOW)
    channel = f"webhook:{hook}"
    first = await deliver_due(settings, NOW)
    assert len([s for s in first.sent if s["channel"] == channel]) == 8
    assert len(server.calls) == 8
    assert all(c.valid for c in server.calls)

    assert await seal_webhook_secrets(settings) == 1
    assert await seal_webhook_secrets(settings) == 0
    row = await Webhook.select(Webhook.secret).where(Webhook.id == hook).first()
    assert row is not None
    assert row["secret"].startswith("enc1:")
    assert legacy not in row["secret"]

    later = dt.datetime(2026, 4, 9, 14, 15, tzinfo=TZ)  # the next day's digests and the 2h step
    await reminder_pass(settings, later)
    second = await deliver_due(settings, later)
    hooked = [s for s in second.sent if s["channel"] == channel]
    assert hooked
    assert second.failed == []
    assert len(server.calls) == 8 + len(hooked)
    assert all(c.valid for c in server.calls)

    # The service's secret changed: the sealed secret cannot be opened, and the row says so.
    other_key = settings.with_changes(secret_key="x" * 64)
    third_day = dt.datetime(2026, 4, 10, 8, 0, tzinfo=TZ)
    await reminder_pass(other_key, third_day)
    third = await deliver_due(other_key, third_day)
    assert [s for s in third.sent if s["channel"] == channel] == []
    assert third.failed
    assert {f["channel"] for f in third.failed} == {channel}
    assert all("TRACKER_SECRET_KEY" in f["error"] for f in third.failed)
