"""A worker host's own metrics (``tracker worker --metrics-port``), read over real HTTP
with the same rule as the web app's /metrics, and its log as JSON lines."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.integration.test_processes import _env, _free_port, _wait_for

TOKEN = "worker-metrics-token-0123456789abcdef"


def test_a_worker_serves_its_metrics_to_allowed_callers_and_logs_json(tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "worker.log"
    env = _env(
        tmp_path / "data",
        TRACKER_LOG_FORMAT="json",
        TRACKER_METRICS_ALLOW="10.0.0.0/8",  # not the loopback address the test calls from
        TRACKER_METRICS_TOKEN=TOKEN,
    )
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tracker", "worker", "--metrics-port", str(port)],
            env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            _wait_for(lambda: b"Huey consumer started" in log.read_bytes(), 60, "the worker")
            url = f"http://127.0.0.1:{port}/metrics"
            assert httpx.get(url).status_code == 404
            assert httpx.get(url, headers={"Authorization": "Bearer nope"}).status_code == 403
            answer = httpx.get(url, headers={"Authorization": f"Bearer {TOKEN}"})
            assert answer.status_code == 200
            names = {family.name for family in text_string_to_metric_families(answer.text)}
            assert {"tracker_reminder_pass_duration_seconds", "tracker_deliveries"} <= names
            assert httpx.get(f"http://127.0.0.1:{port}/other").status_code == 404
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=30) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    ours = [line for line in lines if line["logger"].startswith("tracker")]
    assert any(line["message"] == "Tiến trình xử lý nền đã dừng." for line in ours)
    for line in lines:
        assert {"time", "level", "logger", "message"} <= line.keys()
