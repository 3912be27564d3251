"""The service's processes: the worker and ``serve --demo`` start, answer and stop cleanly."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import QUEUE_URL

pytestmark = pytest.mark.slow

FEED_TOKEN = "Zq3xY9_unTokenLichKhongCoThat-0042"


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update({"TRACKER_DATA_DIR": str(data_dir), **extra})
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()


@pytest.mark.parametrize("queue", ["sqlite", "configured"])
def test_the_worker_starts_and_stops_cleanly(tmp_path: Path, queue: str) -> None:
    extra = {}
    if queue == "configured":
        if not QUEUE_URL:
            pytest.skip("TRACKER_TEST_QUEUE_URL is not set")
        extra["TRACKER_QUEUE_URL"] = QUEUE_URL
    log = tmp_path / "worker.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tracker", "worker"],
            env=_env(tmp_path / "data", **extra),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for(
                lambda: b"Huey consumer started" in log.read_bytes(), 30, "the worker to start"
            )
            assert proc.poll() is None
            proc.send_signal(signal.SIGINT)
            # A clean stop waits for the job running at that moment (the first tick): on a
            # machine loaded by the PostgreSQL run, that took more than 30 s once in CI.
            try:
                code = proc.wait(timeout=90)
            except subprocess.TimeoutExpired:
                pytest.fail("the worker did not stop in 90 s:\n" + log.read_text("utf-8")[-3000:])
            assert code == 0
        finally:
            if proc.poll() is None:
                proc.kill()
    text = log.read_text(encoding="utf-8")
    assert "Tiến trình xử lý nền đã dừng." in text
    assert "Traceback" not in text


def test_serve_demo_seeds_serves_the_five_plans_and_stops_with_its_worker(tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tracker", "serve", "--demo", "--port", str(port)],
            env=_env(tmp_path / "data"),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"

            def healthy() -> bool:
                try:
                    return httpx.get(f"{base}/healthz", timeout=1).status_code == 200
                except httpx.HTTPError:
                    return False

            _wait_for(healthy, 120, "the service to answer /healthz")
            plans = httpx.get(f"{base}/api/plans", timeout=10).json()
            assert len(plans) == 5
            page = httpx.get(f"{base}/plans/dai-son-2026", timeout=10)
            assert page.status_code == 200
            assert "Đại Sơn" in page.text
            workers = _children(proc.pid)
            assert workers, "serve should run a worker beside the web app"
            _wait_for(
                lambda: b"Huey consumer started" in log.read_bytes(), 60, "the worker to start"
            )
            # No log line holds a whole feed token (the access log least of all).
            feed = httpx.get(f"{base}/feeds/{FEED_TOKEN}.ics", timeout=10)
            assert feed.status_code == 404
            passwords = tmp_path / "data" / "demo-passwords.txt"
            assert passwords.exists()
            # Without TRACKER_BASE_URL, the links it makes name the port it serves on.
            # Each line: e-mail, password, then who the person is.
            email, password = next(
                line.split("\t")[:2]
                for line in passwords.read_text(encoding="utf-8").splitlines()
                if "\t" in line
            )
            made = httpx.post(
                f"{base}/api/me/feeds", json={"kind": "person"}, auth=(email, password), timeout=10
            )
            assert made.status_code == 201, made.text
            assert made.json()["url"].startswith(f"{base}/feeds/")
            # The data directory and every file in it are private: database and its WAL,
            # queue, session key, demo passwords.
            data = tmp_path / "data"
            for path in [data, *data.rglob("*")]:
                try:
                    mode = path.stat().st_mode
                except FileNotFoundError:
                    # A file renamed as it was listed: the worker writing a message to
                    # the mail folder (a temporary name, then the message's own).
                    continue
                wanted = 0o700 if stat.S_ISDIR(mode) else 0o600
                assert stat.S_IMODE(mode) == wanted, path
            assert {"tracker.db", "queue.db", "secret.key", "demo-passwords.txt"} <= {
                p.name for p in data.iterdir()
            }
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=60) == 0
            _wait_for(lambda: not any(_alive(w) for w in workers), 20, "the worker to stop")
        finally:
            if proc.poll() is None:
                proc.kill()
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text
    assert "Aborted" not in text
    assert "Tiến trình xử lý nền đã dừng." in text
    assert "tracker đã dừng." in text
    assert FEED_TOKEN not in text
    assert f'"GET /feeds/{FEED_TOKEN[:6]}….ics HTTP/1.1" 404' in text


def test_serve_stopped_with_sigterm_stops_its_worker_too(tmp_path: Path) -> None:
    """A service manager (or a test) stops ``serve`` with SIGTERM: the worker beside it
    stops with it, rather than running on alone against the database."""
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tracker", "serve", "--port", str(port)],
            env=_env(tmp_path / "data"),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        workers: list[int] = []
        try:

            def healthy() -> bool:
                try:
                    return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).is_success
                except httpx.HTTPError:
                    return False

            _wait_for(healthy, 120, "the service to answer /healthz")
            workers = _children(proc.pid)
            assert workers, "serve should run a worker beside the web app"
            _wait_for(
                lambda: b"Huey consumer started" in log.read_bytes(), 60, "the worker to start"
            )
            proc.terminate()
            assert proc.wait(timeout=60) == 0
            _wait_for(lambda: not any(_alive(w) for w in workers), 20, "the worker to stop")
        finally:
            if proc.poll() is None:
                proc.kill()
            for pid in workers:
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
    text = log.read_text(encoding="utf-8")
    assert "Tiến trình xử lý nền đã dừng." in text
    assert "tracker đã dừng." in text
