"""Hosts that share the work: two web hosts (``tracker serve --no-worker``) and two
workers (``tracker worker``) on one PostgreSQL database and one queue (Redis in CI),
each with a data directory of its own, as on separate machines.

Both workers run the reminder pass of the same minute (two ``tracker.pass`` jobs
enqueued at once, as each worker's own minute tick enqueues one in production); one of
them is killed with SIGKILL while its delivery is in the middle of a batch (the mail
server holds the answer to one message). The other, given the next pass by ``tracker
remind --now … --queue``, then delivers what the dead one left: every e-mail arrives
once, except the one in flight at the kill, which may arrive twice, with the same
Message-ID. The two web hosts serve the same calendar feed, before
and after a change made through one of them, and both refuse a token once revoked.

It needs PostgreSQL and a queue server (TRACKER_TEST_DATABASE_URL and
TRACKER_TEST_QUEUE_URL, as ``.ci/run`` sets them): without them it is skipped, except in
CI's server run, where it fails; so it does with a server down.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from huey import Huey

from tests.conftest import PG_URL, QUEUE_URL, make_settings
from tests.integration.test_processes import _env, _free_port
from tests.integration.test_worker import NOW, MailServer, _email_rows, _until, smtp_server
from tracker.config import Settings
from tracker.notify.channels import message_id
from tracker.notify.jobs import pass_at
from tracker.org.auth import set_password
from tracker.org.tables import Person
from tracker.queue import configure_queue, huey

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
# CI's PostgreSQL + Redis run (.ci/run sets both addresses and narrows the backends).
SERVER_RUN = bool(PG_URL or QUEUE_URL) or os.environ.get("TRACKER_TEST_BACKENDS") == "postgres"

BASE_URL = "https://tracker.example.vn"  # the proxy's address, the same on every host
SECRET_KEY = "khoa-bi-mat-chung-cua-moi-may-chu-0123456789"
PASSWORD = "mat-khau-nhieu-may-chu"


@dataclass
class Host:
    name: str
    proc: subprocess.Popen[bytes]
    log: Path
    port: int  # the web host's own port; a worker's mail server port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _host_env(folder: Path, **extra: str) -> dict[str, str]:
    """What every host is given alike, and a data directory of its own, as on a machine
    of its own."""
    return _env(
        folder,
        TRACKER_DATABASE_URL=PG_URL,
        TRACKER_QUEUE_URL=QUEUE_URL,
        TRACKER_BASE_URL=BASE_URL,
        TRACKER_SECRET_KEY=SECRET_KEY,
        TRACKER_DATABASE_POOL="3",  # four processes, a dozen connections at most
        COLUMNS="200",
        **extra,
    )


def _start(tmp_path: Path, name: str, args: list[str], port: int, **extra: str) -> Host:
    log = tmp_path / f"{name}.log"
    env = _host_env(tmp_path / name, **extra)
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tracker", *args], env=env, stdout=out, stderr=subprocess.STDOUT
        )
    return Host(name, proc, log, port)


def _stop(host: Host) -> None:
    if host.proc.poll() is None:
        host.proc.kill()
        host.proc.wait(timeout=30)


def _healthy(host: Host) -> bool:
    try:
        return httpx.get(f"{host.url}/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def _remind_on_workers(tmp_path: Path) -> None:
    """``tracker remind --now NOW --queue``: a pass at NOW for whichever worker is free."""
    run = subprocess.run(
        [sys.executable, "-m", "tracker", "remind", "--now", NOW, "--queue"],
        env=_host_env(tmp_path / "cli"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Đã giao lượt nhắc việc lúc Thứ Tư, 08/04/2026 15:00" in run.stdout


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[Huey]:
    """The queue server's Huey, empty; this process's Huey is given back its storage
    afterwards. Without both servers' addresses the test is skipped, but it fails in CI's
    server run (before any seeding)."""
    if not (PG_URL and QUEUE_URL):
        missing = "TRACKER_TEST_DATABASE_URL" if not PG_URL else "TRACKER_TEST_QUEUE_URL"
        if IN_CI and SERVER_RUN:
            pytest.fail(f"{missing} is not set: the multi-host test needs PostgreSQL and Redis")
        pytest.skip(f"{missing} is not set: the multi-host test needs PostgreSQL and Redis")
    storage, immediate = huey.storage, huey.immediate
    queue = configure_queue(make_settings(tmp_path / "test", queue_url=QUEUE_URL))
    queue.flush()
    yield queue
    queue.flush()
    huey.storage, huey.immediate = storage, immediate


@pytest.mark.parametrize("seeded_rw", ["postgres"], indirect=True)
async def test_two_web_hosts_and_two_workers_share_the_work(
    queue: Huey, seeded_rw: Settings, tmp_path: Path
) -> None:
    assert seeded_rw.database_url == PG_URL
    hosts: dict[str, Host] = {}
    mail = MailServer(stall_at=3)
    with ExitStack() as stack:
        # One mail server listening on a port for each worker: the port a message came in
        # on says which worker sent it.
        ports = [stack.enter_context(smtp_server(mail)) for _ in range(2)]
        for index, smtp_port in enumerate(ports, start=1):
            worker = _start(
                tmp_path, f"worker{index}", ["worker", "--threads", "1", "--no-periodic"],
                smtp_port, TRACKER_SMTP_HOST="127.0.0.1", TRACKER_SMTP_PORT=str(smtp_port),
                TRACKER_SENDING_TIMEOUT="2",
            )  # fmt: skip
            hosts[worker.name] = worker
            stack.callback(_stop, worker)
        for index in (1, 2):
            port = _free_port()
            web = _start(
                tmp_path, f"web{index}", ["serve", "--no-worker", "--port", str(port)], port
            )
            hosts[web.name] = web
            stack.callback(_stop, web)
        workers = [hosts["worker1"], hosts["worker2"]]
        webs = [hosts["web1"], hosts["web2"]]
        for host in workers:
            await _until(lambda h=host: "Huey consumer started" in h.text(), 90,
                         f"{host.name} to start", host.proc, host.log)  # fmt: skip
            assert "Periodic tasks are disabled." in host.text()
        for host in webs:
            await _until(lambda h=host: _healthy(h), 90, f"{host.name} to answer",
                         host.proc, host.log)  # fmt: skip

        await _passes_at_one_minute_and_a_worker_killed_mid_batch(tmp_path, mail, workers)
        await _feeds_agree_and_a_revoked_token_is_refused_by_both(webs)

        for host in webs + [w for w in workers if w.proc.poll() is None]:
            host.proc.send_signal(signal.SIGINT)
        for host in webs + [w for w in workers if w.proc.returncode != -signal.SIGKILL]:
            assert host.proc.wait(timeout=60) == 0, host.text()[-3000:]
            assert "Traceback" not in host.text(), host.text()[-3000:]


async def _passes_at_one_minute_and_a_worker_killed_mid_batch(
    tmp_path: Path, mail: MailServer, workers: list[Host]
) -> None:
    # Two passes of one minute, enqueued at once, as the minute ticks of two workers are.
    pass_at(NOW)
    pass_at(NOW)
    await _until(mail.stalled.is_set, 90, "the 3rd e-mail to reach the mail server")
    stalled_port = mail.received[2].port
    dead = next(w for w in workers if w.port == stalled_port)
    alive = next(w for w in workers if w is not dead)
    # Both workers ran a pass of that minute: the one whose delivery is held, and the
    # other, which has finished its pass (it found the rows written, or claimed, already).
    await _until(lambda: "Lượt nhắc việc lúc Thứ Tư, 08/04/2026 15:00" in alive.text(), 90,
                 f"{alive.name} to finish its pass", alive.proc, alive.log)  # fmt: skip
    assert re.search(r"Executing \S*tracker\.pass:", dead.text())
    assert re.search(r"Executing \S*tracker\.pass:", alive.text())
    dead.proc.send_signal(signal.SIGKILL)
    assert dead.proc.wait(timeout=30) == -signal.SIGKILL

    rows = await _email_rows()
    assert len(rows) > 3
    ids = {message_id(r["key"], BASE_URL): r for r in rows}
    taken, in_flight = mail.ids()[:2], mail.stalled_id
    assert in_flight in ids
    states = {message_id(r["key"], BASE_URL): r["state"] for r in rows}
    assert [states[i] for i in taken] == ["sent", "sent"]
    # The rest of the dead worker's batch is claimed ("sending"), or, where the other
    # worker's pass came more than TRACKER_SENDING_TIMEOUT after that claim (a loaded
    # machine), claimed again and sent by it: the message in flight among them.
    assert {states[i] for i in set(ids) - set(taken)} <= {"sending", "sent"}

    # The next pass (as the next minute's tick would be) goes to the worker left; once
    # TRACKER_SENDING_TIMEOUT (2 s) has passed since the dead one's claim, it sends what
    # that one left.
    mail.release.set()
    await asyncio.sleep(2.5)
    _remind_on_workers(tmp_path)

    async def all_sent() -> bool:
        return all(r["state"] == "sent" for r in await _email_rows())

    await _until(all_sent, 90, "every e-mail to be sent", alive.proc, alive.log)
    rows = await _email_rows()
    expected = {message_id(r["key"], BASE_URL): r["address"] for r in rows}
    arrived = Counter(mail.ids())
    assert set(arrived) == set(expected)
    # Every message once, but the one in flight at the kill: again, with its Message-ID.
    assert {mid: n for mid, n in arrived.items() if n > 1} == {in_flight: 2}
    for received in mail.received:
        assert received.rcpt_tos == [expected[received.message_id]]


async def _feeds_agree_and_a_revoked_token_is_refused_by_both(webs: list[Host]) -> None:
    chairman = (
        await Person.select(Person.email)
        .where(Person.email.like("%@daison.example.vn") & (Person.role == "chairman"))
        .first()
    )
    assert chairman is not None
    await set_password(chairman["email"], PASSWORD)
    auth = (chairman["email"], PASSWORD)
    first, second = webs
    made = httpx.post(f"{first.url}/api/me/feeds", json={"kind": "plan", "plan": "dai-son-2026"},
                      auth=auth, timeout=30)  # fmt: skip
    assert made.status_code == 201, made.text
    feed = made.json()
    token = re.search(r"/feeds/([^/.]+)\.ics", feed["url"])
    assert token is not None
    assert feed["url"].startswith(f"{BASE_URL}/feeds/")

    def bodies() -> list[str]:
        answers = [httpx.get(f"{w.url}/feeds/{token[1]}.ics", timeout=30) for w in webs]
        assert [a.status_code for a in answers] == [200, 200]
        return [a.text for a in answers]

    before = bodies()
    assert before[0] == before[1]
    assert "BEGIN:VEVENT" in before[0]

    # A change through the second host: work of the plan done. Each host has cached the
    # feed; both serve it changed, and alike.
    today = dt.date.today()
    listed = httpx.get(
        f"{second.url}/api/occurrences",
        params={"plan": "dai-son-2026", "from": (today - dt.timedelta(days=60)).isoformat(),
                "to": (today + dt.timedelta(days=300)).isoformat()},
        auth=auth, timeout=30,
    )  # fmt: skip
    assert listed.status_code == 200, listed.text
    open_work = [o for o in listed.json() if o["status"] in ("pending", "overdue")]
    assert open_work, "no open work of dai-son-2026 in the feed's window"
    done = httpx.post(
        f"{second.url}/api/occurrences/{open_work[0]['id']}/complete",
        json={"evidence": "Đã làm xong theo báo cáo số 12/BC-UBND"}, auth=auth, timeout=30,
    )  # fmt: skip
    assert done.status_code == 200, done.text
    after = bodies()
    assert after[0] == after[1]
    assert after[0] != before[0]
    assert "Đã làm xong theo báo cáo số 12/BC-UBND" in after[0].replace("\r\n ", "")

    # Revoked through the first host: refused by both at once.
    revoked = httpx.post(f"{first.url}/api/me/feeds/{feed['id']}/revoke", auth=auth, timeout=30)
    assert revoked.status_code == 200, revoked.text
    for web in webs:
        answer = httpx.get(f"{web.url}/feeds/{token[1]}.ics", timeout=30)
        assert answer.status_code == 404, web.name
