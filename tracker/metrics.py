"""What the service measures, for Prometheus: the metrics every process records, and who
may read them.

Each process records into its own registry. Several processes of one host (uvicorn's web
workers, the worker beside ``tracker serve``, or a web and a worker unit under systemd)
share their numbers through prometheus-client's multiprocess mode: with
``PROMETHEUS_MULTIPROC_DIR`` set (``tracker serve`` sets it to ``<data dir>/metrics``
when it is not), every process writes its samples to files in that folder, and
``/metrics`` on any web process of the host adds them up. What all hosts share (the
outbox) is not counted here but read from the database when ``/metrics`` is asked
(:mod:`tracker.web.metrics`), so every host answers the same.
"""

from __future__ import annotations

import functools
import hmac
import ipaddress
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    ProcessCollector,
    generate_latest,
    values,
)
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from tracker.config import Settings

__all__ = [
    "Metrics",
    "allowed",
    "exposition",
    "metrics",
    "prepare_folder",
    "serve_metrics",
    "use_settings",
]

# Request latency from a millisecond (a warm feed) to ten seconds (a large import).
_LATENCY = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# A reminder pass: from a few milliseconds (nothing due) to minutes (after a bulk load).
_PASS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


@dataclass(frozen=True)
class Metrics:
    """The metrics this process records."""

    registry: CollectorRegistry
    requests: Histogram
    reminder_pass: Histogram
    deliveries: Counter
    feed_builds: Counter
    feed_cache_hits: Counter
    feed_store_hits: Counter
    feed_prebuilt: Counter


_folder: dict[str, str] = {}


def use_settings(settings: Settings) -> None:
    """Record into the settings' multiprocess folder, if they name one. Call it before
    anything is recorded (the app and the worker do, at start)."""
    if settings.metrics_dir and not getattr(values.ValueClass, "_multiprocess", False):
        # prometheus-client chooses multiprocess mode when it is imported; a process
        # whose folder is only known from its settings chooses it here instead.
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = settings.metrics_dir
        values.ValueClass = values.MultiProcessValue()  # type: ignore[no-untyped-call]
    if settings.metrics_dir:
        _folder["path"] = settings.metrics_dir


@functools.cache
def metrics() -> Metrics:
    """This process's metrics, made on first use (after :func:`use_settings`)."""
    registry = CollectorRegistry(auto_describe=True)
    return Metrics(
        registry=registry,
        requests=Histogram(
            "tracker_http_request_duration_seconds",
            "Thời gian trả lời một yêu cầu HTTP, theo mẫu đường dẫn (không theo đường dẫn cụ thể).",
            ["method", "route", "status"],
            buckets=_LATENCY,
            registry=registry,
        ),
        reminder_pass=Histogram(
            "tracker_reminder_pass_duration_seconds",
            "Thời gian một lượt nhắc việc (tìm việc đến hạn, ghi hộp thư đi).",
            buckets=_PASS,
            registry=registry,
        ),
        deliveries=Counter(
            "tracker_deliveries",
            "Tin đã thử gửi, theo kênh và kết quả (sent, retried, failed).",
            ["channel", "result"],
            registry=registry,
        ),
        feed_builds=Counter(
            "tracker_feed_builds",
            "Lịch iCal phải dựng lại (không có trong bộ nhớ đệm).",
            registry=registry,
        ),
        feed_cache_hits=Counter(
            "tracker_feed_cache_hits",
            "Lịch iCal trả từ bộ nhớ đệm của tiến trình.",
            registry=registry,
        ),
        feed_store_hits=Counter(
            "tracker_feed_store_hits",
            "Lịch iCal trả từ bản dựng sẵn trong cơ sở dữ liệu (TRACKER_FEED_PREBUILD).",
            registry=registry,
        ),
        feed_prebuilt=Counter(
            "tracker_feed_prebuilt",
            "Lịch iCal tiến trình nền dựng sẵn sau một thay đổi của xã (TRACKER_FEED_PREBUILD).",
            registry=registry,
        ),
    )


def count_deliveries(sent: Iterable[str], retried: Iterable[str], failed: Iterable[str]) -> None:
    """Count tried messages by the channel of each."""
    deliveries = metrics().deliveries
    for result, channels in (("sent", sent), ("retried", retried), ("failed", failed)):
        for channel in channels:
            deliveries.labels(channel=channel, result=result).inc()


def exposition(*extra: Collector) -> bytes:
    """The Prometheus text of this host's processes (all of them in multiprocess mode,
    else this one with its memory and CPU), followed by ``extra``."""
    registry = CollectorRegistry(auto_describe=True)
    if "path" in _folder:
        MultiProcessCollector(registry, path=_folder["path"])  # type: ignore[no-untyped-call]
    else:
        registry.register(_Own())
        ProcessCollector(registry=registry)
    for collector in extra:
        registry.register(collector)
    return generate_latest(registry)


class _Own(Collector):
    def collect(self):  # type: ignore[no-untyped-def]
        yield from metrics().registry.collect()


def allowed(settings: Settings, client: str | None, authorization: str | None) -> bool | None:
    """Whether this caller may read the metrics: True when it calls from an allowed
    network or shows the configured bearer token (compared in constant time); False when
    it shows another token (403); None otherwise (404: nothing to see here)."""
    try:
        address = ipaddress.ip_address((client or "").strip("[]"))
    except ValueError:
        address = None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address is not None and any(
        address in ipaddress.ip_network(network, strict=False) for network in settings.metrics_allow
    ):
        return True
    if not authorization:
        return None
    scheme, _, offered = authorization.partition(" ")
    token = settings.metrics_token.encode()
    # compare_digest on bytes of unequal length still takes the time of the offered one.
    return (
        bool(token)
        and scheme.lower() == "bearer"
        and hmac.compare_digest(offered.strip().encode(), token)
    )


def serve_metrics(settings: Settings, host: str, port: int) -> WSGIServer:
    """Serve this process's metrics at ``http://host:port/metrics`` from a thread, with
    the same check as the web app's ``/metrics``: for a worker host, which has no web
    app to ask."""

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        verdict = allowed(settings, environ.get("REMOTE_ADDR"), environ.get("HTTP_AUTHORIZATION"))
        if environ.get("PATH_INFO") != "/metrics" or verdict is None:
            start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
            return ["Không có trang này.\n".encode()]
        if verdict is False:
            start_response("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8")])
            return ["Mã truy cập số liệu vận hành không đúng.\n".encode()]
        start_response("200 OK", [("Content-Type", CONTENT_TYPE_LATEST)])
        return [exposition()]

    server = make_server(host, port, app, _ThreadingServer, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, name="tracker-metrics", daemon=True).start()
    return server


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Prometheus asks every few seconds: no line each time."""


def prepare_folder(path: Path) -> None:
    """Make the multiprocess folder, and forget the files of processes that are gone
    (prometheus-client names each file after its process id): a restarted host starts
    its counts again, which Prometheus expects of counters."""
    path.mkdir(parents=True, exist_ok=True)
    for file in path.glob("*.db"):
        pid = file.stem.rpartition("_")[2]
        if not pid.isdigit() or not _alive(int(pid)):
            file.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
