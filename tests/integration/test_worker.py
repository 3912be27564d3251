"""The reminder commands as their users run them: ``tracker worker`` killed mid-batch and
restarted, ``tracker remind`` against a real SMTP server (the issue's "Done when"),
``tracker event record``, ``tracker notify-mode`` and ``tracker webhook``.

Every command runs as a subprocess against a seeded database of each backend (the
``seeded_rw`` fixture); the test reads the same database to check what the command did.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
import json
import signal
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import PG_URL, QUEUE_URL
from tests.integration.test_processes import _env, _free_port
from tracker.config import Settings
from tracker.deadlines.tables import Event, Occurrence
from tracker.notify.channels import message_id, open_secret, webhook_key
from tracker.notify.reminders import reminder_pass
from tracker.notify.tables import NotifySetting, Outbox, Webhook
from tracker.org.tables import Person

pytestmark = pytest.mark.slow

NOW = "2026-04-08T15:00:00+07:00"
CO_QUAN_CM = ["long.nh@daison.example.vn", "tuan.lm@daison.example.vn", "lan.dtp@daison.example.vn"]
# The configured queue (Redis in CI), and Huey's PostgresStorage on the test database.
QUEUES = ["sqlite"] + (["redis"] if QUEUE_URL else []) + (["postgres"] if PG_URL else [])


# --------------------------------------------------------------------------- helpers


@dataclass
class Received:
    message_id: str
    rcpt_tos: list[str]
    message: EmailMessage
    port: int = 0  # the server's port it came in on (a server may listen on several)


@dataclass
class MailServer:
    """An aiosmtpd handler that keeps every message; with ``stall_at`` it takes that
    message (counting from 1), then holds its answer until ``release`` is set: the
    server has the message, the client never hears "250"."""

    stall_at: int | None = None
    received: list[Received] = field(default_factory=list)
    stalled: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    stalled_id: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        port = int(server.transport.get_extra_info("sockname")[1])
        entry = Received(str(message["Message-ID"]), list(envelope.rcpt_tos), message, port)
        with self.lock:
            self.received.append(entry)
            stall = self.stall_at is not None and len(self.received) == self.stall_at
        if stall:
            self.stalled_id = entry.message_id
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        return "250 OK"

    def ids(self) -> list[str]:
        with self.lock:
            return [r.message_id for r in self.received]


@contextmanager
def smtp_server(handler: MailServer) -> Iterator[int]:
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        handler.release.set()
        controller.stop()


def _words(text: str) -> str:
    """Rich wraps long lines; compare text with its white space folded."""
    return " ".join(text.split())


def _cli(settings: Settings, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = _env(settings.data_dir, TRACKER_DATABASE_URL=settings.database_url, **extra)
    env["COLUMNS"] = "200"
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


async def _until(
    predicate: Callable[[], Awaitable[bool] | bool],
    timeout: float,
    what: str,
    proc: subprocess.Popen[bytes] | None = None,
    log: Path | None = None,
) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        result = predicate()
        if not isinstance(result, bool):
            result = await result
        if result:
            return
        if proc is not None and proc.poll() is not None:
            break
        await asyncio.sleep(0.1)
    tail = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log else ""
    raise AssertionError(f"timed out waiting for {what}\n{tail}")


def _start_worker(settings: Settings, port: int, queue: str, log: Path) -> subprocess.Popen[bytes]:
    extra = {
        "TRACKER_DATABASE_URL": settings.database_url,
        "TRACKER_SMTP_HOST": "127.0.0.1",
        "TRACKER_SMTP_PORT": str(port),
        "TRACKER_SENDING_TIMEOUT": "2",
    }
    if queue != "sqlite":
        extra["TRACKER_QUEUE_URL"] = _queue_url(queue)
    with log.open("ab") as out:
        # One worker thread: one job, so one SMTP connection, at a time. The job that
        # stalls is then the only one in flight when the worker is killed.
        return subprocess.Popen(
            [sys.executable, "-m", "tracker", "worker", "--threads", "1"],
            env=_env(settings.data_dir, **extra),
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _queue_url(queue: str) -> str:
    return PG_URL if queue == "postgres" else QUEUE_URL


def _flush_queue(queue: str) -> None:
    from tracker.queue import make_storage

    if queue != "sqlite":
        make_storage(_queue_url(queue)).flush_all()


async def _email_rows() -> list[dict[str, Any]]:
    return list(
        await Outbox.select(Outbox.key, Outbox.address, Outbox.state)
        .where(Outbox.channel == "email")
        .order_by(Outbox.id)
    )


# --------------------------------------------------------------------------- the worker


@pytest.mark.parametrize("queue", QUEUES)
async def test_a_worker_killed_mid_batch_then_restarted_delivers_every_message_once(
    seeded_rw: Settings, queue: str, tmp_path: Path
) -> None:
    settings = seeded_rw
    _flush_queue(queue)
    # The outbox rows of the 15:00 pass of Wednesday 08/04/2026, written but not sent.
    report = await reminder_pass(settings, dt.datetime.fromisoformat(NOW))
    assert report.written > 0
    first = await _email_rows()
    assert len(first) >= 3
    assert all(row["state"] == "queued" for row in first)
    ids = {message_id(row["key"], settings.base_url): row for row in first}

    server = MailServer(stall_at=3)
    log1, log2 = tmp_path / "worker1.log", tmp_path / "worker2.log"
    with smtp_server(server) as port:
        worker = _start_worker(settings, port, queue, log1)
        try:
            await _until(server.stalled.is_set, 90, "the 3rd message to reach the server",
                         worker, log1)  # fmt: skip
        finally:
            worker.kill()
            worker.wait(timeout=30)
        taken, in_flight = server.ids()[:2], server.stalled_id
        assert in_flight in ids
        # Each message was recorded sent the moment the server took it; the one in
        # flight at the kill was not.
        states = {message_id(r["key"], settings.base_url): r["state"] for r in await _email_rows()}
        assert [states[i] for i in taken] == ["sent", "sent"]
        assert states[in_flight] == "sending"
        # The rest of the batch was claimed with it and is left "sending" too.
        rest = set(ids) - set(taken) - {in_flight}
        assert {states[i] for i in rest} == {"sending"}

        # Rows left "sending" are claimed again once TRACKER_SENDING_TIMEOUT (2 s) has
        # passed since the dead worker claimed them.
        await asyncio.sleep(2.5)
        server.release.set()
        worker = _start_worker(settings, port, queue, log2)
        try:

            async def all_sent() -> bool:
                return all(r["state"] == "sent" for r in await _email_rows())

            await _until(all_sent, 120, "every e-mail of the outbox to be sent", worker, log2)
            worker.send_signal(signal.SIGINT)
            assert worker.wait(timeout=60) == 0
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait(timeout=30)
            _flush_queue(queue)

    assert "Traceback" not in log2.read_text(encoding="utf-8")
    # The real-clock tick of each worker may have written more rows (catch-up reminders
    # for Đại Sơn): the final outbox is the account.
    rows = await _email_rows()
    assert [r for r in rows if r["state"] != "sent"] == []
    expected = {message_id(r["key"], settings.base_url): r["address"] for r in rows}
    arrived = Counter(server.ids())
    assert set(arrived) == set(expected)
    twice = {mid: n for mid, n in arrived.items() if n > 1}
    # The one message in flight at the kill came again, with the same Message-ID, so
    # mail clients drop it; every other message arrived exactly once.
    assert twice == {in_flight: 2}
    for received in server.received:
        assert received.rcpt_tos == [expected[received.message_id]]


# --------------------------------------------------------------------------- tracker remind


async def test_remind_done_when_the_weekly_report_reaches_co_quan_cm_once(
    seeded_rw: Settings,
) -> None:
    server = MailServer()
    with smtp_server(server) as port:
        smtp = {"TRACKER_SMTP_HOST": "127.0.0.1", "TRACKER_SMTP_PORT": str(port)}
        run = _cli(seeded_rw, "remind", "--now", NOW, **smtp)
        assert run.returncode == 0, run.stderr
        received = list(server.received)
        rows = await _email_rows()
        assert [r["state"] for r in rows] == ["sent"] * len(rows)
        assert sorted(r.message_id for r in received) == sorted(
            message_id(r["key"], seeded_rw.base_url) for r in rows
        )
        assert f"Đã gửi {len(received)} tin; gửi lại sau 0; thất bại 0." in _words(run.stdout)
        for address in CO_QUAN_CM:
            weekly = [
                r.message
                for r in received
                if r.rcpt_tos == [address] and "Báo cáo tuần" in str(r.message["Subject"])
            ]
            assert len(weekly) == 1, address
            body = weekly[0].get_body(("plain",))
            assert body is not None
            assert "Thứ Năm, 09/04/2026 16:15" in body.get_content()

        again = _cli(seeded_rw, "remind", "--now", NOW, **smtp)
        assert again.returncode == 0, again.stderr
        assert len(server.received) == len(received)
        out = _words(again.stdout)
        assert "không có tin nhắc việc nào đến lúc gửi" in out
        assert "Đã gửi 0 tin" in out


async def test_remind_dry_run_prints_json_and_writes_nothing(seeded_rw: Settings) -> None:
    server = MailServer()
    with smtp_server(server) as port:
        smtp = {"TRACKER_SMTP_HOST": "127.0.0.1", "TRACKER_SMTP_PORT": str(port)}
        dry = _cli(seeded_rw, "remind", "--now", NOW, "--dry-run", "--json", **smtp)
        assert dry.returncode == 0, dry.stderr
        data = json.loads(dry.stdout)
        assert data["dry_run"] is True
        assert data["now"] == NOW
        assert data["sent"] == []
        assert data["failed"] == []
        eve = {m["email"]: m for m in data["messages"] if m["step"] == "eve"}
        assert sorted(eve) == sorted(CO_QUAN_CM)
        assert all("Báo cáo tuần" in m["subject"] for m in eve.values())
        assert all(m["channels"] == ["inapp", "email"] for m in eve.values())
        assert server.received == []
        assert await Outbox.count() == 0

        # What the dry run listed is what a real run then sends.
        real = _cli(seeded_rw, "remind", "--now", NOW, **smtp)
        assert real.returncode == 0, real.stderr
        listed = [
            message_id(m["key"], seeded_rw.base_url)
            for m in data["messages"]
            if "email" in m["channels"]
        ]
        assert sorted(server.ids()) == sorted(listed)


# --------------------------------------------------------------------------- tracker event record


async def test_event_record_creates_and_names_the_relative_deadlines(seeded_rw: Settings) -> None:
    run = _cli(seeded_rw, "event", "record", "qd_cong_bo_tthc", "--date", "2022-06-01",
               "--now", "2022-06-01T09:00:00+07:00")  # fmt: skip
    assert run.returncode == 0, run.stderr
    created = await Occurrence.select(
        Occurrence.id, Occurrence.due_date, Occurrence.plan.key.as_alias("plan"),
        Occurrence.task.key.as_alias("task"),
    ).where(Occurrence.event.is_not_null())  # fmt: skip
    assert len(created) == 2
    assert {o["plan"] for o in created} == {"doan-ket-2022"}
    # "sau từ 5 đến 7 ngày kể từ khi có Quyết định công bố": 06/06 to 08/06/2022.
    assert {o["due_date"].isoformat() for o in created} == {"2022-06-08"}
    out = _words(run.stdout)
    assert "Quyết định công bố danh mục thủ tục hành chính ngày 01/06/2022" in out
    assert "2 hạn công việc trong kế hoạch doan-ket-2022" in out
    for occurrence in created:
        line = f"Hạn số {occurrence['id']}, doan-ket-2022/{occurrence['task']}: từ 06/06/2022 hạn 08/06/2022."
        assert line in out
    # The reminders it starts went out at once (as .eml files: no SMTP server is set).
    assert sorted((seeded_rw.data_dir / "mail").glob("*.eml"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["qd_khong_co", "--date", "2022-06-01"], "Loại sự kiện 'qd_khong_co' không có"),
        (["qd_cong_bo_tthc", "--date", "2022-13-01"], "'2022-13-01' không phải ngày"),
        (
            ["qd_cong_bo_tthc", "--date", "2022-06-02"],
            "Ngày xảy ra sự kiện 02/06/2022 còn ở tương lai",
        ),
    ],
    ids=["unknown-kind", "bad-date", "future-date"],
)
async def test_event_record_refuses_what_it_cannot_record(
    seeded_rw: Settings, args: list[str], message: str
) -> None:
    run = _cli(seeded_rw, "event", "record", *args, "--now", "2022-06-01T09:00:00+07:00")
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    assert message in _words(run.stderr)
    assert await Event.count() == 0


# --------------------------------------------------------------------------- notify-mode, webhook


async def test_notify_mode_a_person_may_keep_escalations_but_not_turn_everything_off(
    seeded_rw: Settings,
) -> None:
    hoa = await Person.select(Person.id).where(Person.email == "hoa.tt@daison.example.vn").first()
    assert hoa is not None
    target = f"person:{hoa['id']}"

    run = _cli(seeded_rw, "notify-mode", "escalations", "--person", "hoa.tt@daison.example.vn")
    assert run.returncode == 0, run.stderr
    assert "Đã đặt mức nhắc việc 'escalations' cho Trần Thị Hoa." in _words(run.stdout)
    stored = await NotifySetting.select(NotifySetting.mode).where(NotifySetting.target == target)
    assert stored == [{"mode": "escalations"}]

    off = _cli(seeded_rw, "notify-mode", "off", "--person", "hoa.tt@daison.example.vn")
    assert off.returncode != 0
    assert "Traceback" not in off.stderr
    assert "tắt mọi lời nhắc trừ báo cáo quá hạn: hãy chọn 'escalations'" in _words(off.stderr)
    stored = await NotifySetting.select(NotifySetting.mode).where(NotifySetting.target == target)
    assert stored == [{"mode": "escalations"}]


async def test_webhook_add_prints_its_secret_once_and_list_does_not(seeded_rw: Settings) -> None:
    url = "http://127.0.0.1:9/x"
    added = _cli(seeded_rw, "webhook", "add", url)
    assert added.returncode == 0, added.stderr
    hooks = await Webhook.select(Webhook.id, Webhook.url, Webhook.secret)
    assert len(hooks) == 1
    assert hooks[0]["url"] == url
    # Printed once, stored only sealed under the service's key.
    stored = hooks[0]["secret"]
    assert stored.startswith("enc1:")
    secret = open_secret(webhook_key(seeded_rw), stored)
    assert len(secret) >= 32
    assert secret in added.stdout
    assert secret not in stored

    listed = _cli(seeded_rw, "webhook", "list")
    assert listed.returncode == 0, listed.stderr
    assert url in listed.stdout
    assert f"│ {hooks[0]['id']} " in listed.stdout
    assert secret not in listed.stdout
