"""The service's processes: ``tracker serve`` (the web app, with a worker beside it) and
``tracker worker`` (the Huey consumer and its tick every minute)."""

from __future__ import annotations

import copy
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import click
import uvicorn
import uvicorn.config
from huey.consumer import Consumer

from tracker.cli.common import console, current_time, logger, run, settings_of
from tracker.cli.data import migrate_and_seed, migrate_database
from tracker.config import Settings, export_settings, serving_at, settings_env
from tracker.demo.history import record_history
from tracker.files import tighten
from tracker.logs import with_redaction
from tracker.metrics import prepare_folder, serve_metrics, use_settings
from tracker.notify import jobs
from tracker.plans.tables import Plan
from tracker.queue import configure_queue
from tracker.weekly import weekly_tick

__all__ = ["serve", "worker"]


async def _prepare(settings: Settings, demo: bool) -> None:
    """Migrate; with ``demo``, seed the database when it holds no plan yet, and record
    the demo history of the deadlines passed by now (only then: never on data of one's
    own)."""
    await migrate_database(settings)
    if demo:
        if await Plan.count() == 0:
            report = await migrate_and_seed(settings, demo_passwords=True)
            logger.info("Đã nạp dữ liệu mẫu: %s kế hoạch", len(report.plans))
            # The demo opens in the middle of its year: what has fallen due has a history.
            history = await record_history(settings, current_time(settings))
            logger.info("Lịch sử thực hiện minh họa: %s", history)
        else:
            logger.info("Cơ sở dữ liệu đã có kế hoạch; bỏ qua nạp dữ liệu mẫu.")


@click.command()
@click.option(
    "--demo", is_flag=True, help="Nạp dữ liệu mẫu vào cơ sở dữ liệu trống; cho xem công khai."
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int, help="Số tiến trình web.")
@click.option("--no-worker", is_flag=True, help="Không chạy tiến trình xử lý nền bên cạnh.")
@click.pass_context
def serve(
    ctx: click.Context, demo: bool, host: str, port: int, workers: int, no_worker: bool
) -> None:
    """Chạy dịch vụ web (và một tiến trình xử lý nền bên cạnh)."""
    settings = serving_at(settings_of(ctx), host, port)
    if demo:
        settings = settings.with_changes(public_read=True)
    tighten(settings.data_dir)  # what an older version left readable
    run(settings, lambda: _prepare(settings, demo))
    if not settings.metrics_dir:
        # The web processes and the worker beside them count into one folder, which
        # /metrics on any of them adds up (tracker.metrics).
        settings = settings.with_changes(metrics_dir=str(settings.data_dir / "metrics"))
    prepare_folder(Path(settings.metrics_dir))
    export_settings(settings)
    worker = None
    # uvicorn stops gracefully on SIGTERM as on Ctrl+C, then raises the signal again once
    # its handlers are gone. Python's default for SIGTERM would end this process right
    # there, before the worker is stopped, leaving it running on its own against the
    # database; taken as Ctrl+C, it stops the worker as Ctrl+C does.
    previous = signal.signal(signal.SIGTERM, _as_interrupt)
    try:
        if not no_worker:
            worker = subprocess.Popen(
                [sys.executable, "-m", "tracker", "worker"],
                env={**os.environ, **settings_env(settings)},
            )
        console.print(
            f"tracker đang chạy tại http://{host}:{port}/, liên kết theo địa chỉ "
            f"{settings.base_url}/ (Ctrl+C để dừng)"
        )
        uvicorn.run(
            "tracker.app:app_factory",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
            # Every line, the access log's above all, with feed tokens cut to their hint.
            log_config=with_redaction(
                copy.deepcopy(uvicorn.config.LOGGING_CONFIG),
                verbose=logging.getLogger().isEnabledFor(logging.DEBUG),
                json_lines=settings.log_format == "json",
            ),
        )
    except KeyboardInterrupt:
        # uvicorn shuts down gracefully, then re-raises the signal it caught.
        pass
    finally:
        _stop_worker(worker)
        signal.signal(signal.SIGTERM, previous)
    logger.info("tracker đã dừng.")


def _as_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _stop_worker(worker: subprocess.Popen[bytes] | None) -> None:
    """Ask the worker to finish what it is doing, then make sure it is gone."""
    if worker is None or worker.poll() is not None:
        return
    worker.send_signal(signal.SIGINT)
    try:
        worker.wait(timeout=15)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


@click.command()
@click.option("--threads", default=2, show_default=True, type=int, help="Số luồng xử lý.")
@click.option(
    "--metrics-port", type=int, default=None,
    help="Cho đọc số liệu vận hành tại http://HOST:PORT/metrics (máy chỉ chạy xử lý nền).",
)  # fmt: skip
@click.option("--metrics-host", default="127.0.0.1", show_default=True)
@click.option(
    "--no-periodic",
    is_flag=True,
    help="Không chạy nhịp mỗi phút: chỉ nhận việc từ hàng đợi (các tiến trình khác chạy nhịp).",
)
@click.pass_context
def worker(
    ctx: click.Context, threads: int, metrics_port: int | None, metrics_host: str,
    no_periodic: bool,
) -> None:  # fmt: skip
    """Chạy tiến trình xử lý nền (hàng đợi Huey và nhịp kiểm tra mỗi phút)."""
    # Until Huey's consumer takes over the signals, a stop request is only noted, so a
    # worker asked to stop while it is starting (migrating, delivering what a stopped
    # worker left) stops in order instead of midway. Ctrl+C while the modules are still
    # being imported is python -m tracker's to answer (exit status 130).
    stop_requested: list[int] = []
    previous = {
        sig: signal.signal(sig, lambda signum, _frame: stop_requested.append(signum))
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    settings = settings_of(ctx)
    tighten(settings.data_dir)
    if settings.metrics_dir:
        prepare_folder(Path(settings.metrics_dir))
    use_settings(settings)  # before anything is measured
    if metrics_port is not None:
        serve_metrics(settings, metrics_host, metrics_port)
    queue = configure_queue(settings)
    jobs.configure(settings)
    # A worker may start before any web process did: the tick needs the current schema.
    run(settings, lambda: migrate_database(settings))
    # Whatever a worker that stopped left behind goes out now, not at the next tick.
    jobs.deliver()
    # The periodic jobs, registered with Huey by their modules' import: the reminder tick
    # and the Monday summary.
    logger.debug("Công việc định kỳ: %s, %s", jobs.tick.name, weekly_tick.name)
    consumer = _Consumer(
        queue, stop_requested, workers=threads, worker_type="thread", periodic=not no_periodic
    )
    if not stop_requested:
        logger.info("Tiến trình xử lý nền bắt đầu (hàng đợi: %s)", settings.effective_queue_url)
        consumer.run()
    for sig, handler in previous.items():
        signal.signal(sig, handler)
    logger.info("Tiến trình xử lý nền đã dừng.")


class _Consumer(Consumer):  # type: ignore[misc]
    """Huey's consumer, which sets its signal handlers only once its scheduler and workers
    have started, after it logged that it started: a stop asked for in between is noted by
    the worker's own handler (still in place) and handed to Huey's once it is set, instead
    of being lost (a worker whose parent ignores SIGINT would otherwise run on)."""

    def __init__(self, huey: Any, pending: list[int], **options: Any) -> None:
        super().__init__(huey, **options)
        self._pending = pending

    def start(self) -> None:
        super().start()
        if self._pending:
            os.kill(os.getpid(), self._pending[0])
