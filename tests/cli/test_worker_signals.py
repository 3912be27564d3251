"""A stop asked for while Huey's consumer starts is not lost.

Huey logs that it started, then starts its scheduler and workers, and only then sets its
signal handlers; a SIGINT in between used to be ignored (where the parent ignores SIGINT,
as a test runner's worker may) and the worker ran on. The worker's consumer hands such a
stop to Huey's handler as soon as it is set."""

from __future__ import annotations

import logging
import os
import signal
import threading

import pytest
from huey import MemoryHuey

from tracker.cli.serve import _Consumer


def test_a_stop_noted_before_huey_took_the_signals_stops_the_consumer(
    caplog: pytest.LogCaptureFixture,
) -> None:
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    # Were the noted stop lost, run() would never return: a SIGTERM after a minute ends it,
    # and the log tells which signal stopped it.
    guard = threading.Timer(60, os.kill, (os.getpid(), signal.SIGTERM))
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        consumer = _Consumer(
            MemoryHuey("stop-test"), [signal.SIGINT], workers=1, worker_type="thread",
            periodic=False,
        )  # fmt: skip
        guard.start()
        with caplog.at_level(logging.INFO, logger="huey"):
            consumer.run()
    finally:
        guard.cancel()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    received = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Received")]
    assert received == ["Received SIGINT"]
    assert "All workers have stopped." in caplog.text
