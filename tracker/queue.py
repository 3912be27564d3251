"""The one Huey instance, and its storage chosen from ``TRACKER_QUEUE_URL``.

The instance exists at import (job decorators need it) with in-memory storage;
:func:`configure_queue` gives it its real storage from the settings: a SQLite
file (embedded default), Redis, or PostgreSQL. Jobs are sync functions that
hand their async work to one long-lived event loop per process (:func:`run_async`),
because a database pool cannot cross event loops.
"""

from __future__ import annotations

import asyncio
import atexit
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from huey import Huey
from huey.storage import MemoryStorage, RedisStorage, SqliteStorage

from tracker.config import Settings
from tracker.errors import ConfigError
from tracker.files import touch_private

__all__ = ["configure_queue", "huey", "make_storage", "run_async"]

T = TypeVar("T")

huey = Huey("tracker", storage_class=MemoryStorage, utc=True)


def make_storage(url: str, name: str = "tracker") -> Any:
    """Huey storage for ``sqlite:///path``, ``redis://…``, ``postgresql://…`` or ``memory://``."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "sqlite":
        path = url.split("://", 1)[1]
        path = path[1:] if path.startswith("/") else path
        touch_private(Path(path))  # private from its first byte, as the database
        return SqliteStorage(name=name, filename=path)
    if scheme in ("redis", "rediss", "unix"):
        return RedisStorage(name=name, url=url)
    if scheme in ("postgres", "postgresql"):
        from huey.storage import PostgresStorage

        return PostgresStorage(name=name, dsn=url)
    if scheme == "memory":
        return MemoryStorage(name=name)
    raise ConfigError(
        f"Địa chỉ hàng đợi '{url}' không được hỗ trợ; hãy dùng sqlite:///, redis:// "
        "hoặc postgresql:// cho TRACKER_QUEUE_URL."
    )


def configure_queue(settings: Settings, *, immediate: bool = False) -> Huey:
    """Point the Huey instance at the storage the settings name."""
    huey.immediate = immediate
    if not immediate:
        huey.storage = make_storage(settings.effective_queue_url)
    return huey


_loop: asyncio.AbstractEventLoop | None = None
_loop_lock = threading.Lock()


def _background_loop() -> asyncio.AbstractEventLoop:
    global _loop
    with _loop_lock:
        if _loop is None:
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="tracker-jobs", daemon=True)
            thread.start()
            atexit.register(loop.call_soon_threadsafe, loop.stop)
            _loop = loop
        return _loop


def run_async(factory: Callable[[], Coroutine[Any, Any, T]], timeout: float | None = None) -> T:
    """Run a coroutine on this process's job event loop and wait for its result."""
    future = asyncio.run_coroutine_threadsafe(factory(), _background_loop())
    return future.result(timeout)
