"""The Huey instance and its storage: chosen from the URL, and a job's real round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from huey.storage import MemoryStorage, PostgresStorage, RedisStorage, SqliteStorage

from tests.conftest import PG_URL, QUEUE_URL, make_settings
from tracker.errors import ConfigError
from tracker.queue import configure_queue, huey, make_storage, run_async

RESULTS: list[str] = []


@huey.task(name="tests.record")
def record(value: str) -> str:
    RESULTS.append(value)
    return value.upper()


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("sqlite:///{tmp}/queue.db", SqliteStorage),
        ("redis://127.0.0.1:6379/0", RedisStorage),
        ("memory://", MemoryStorage),
    ],
)
def test_storage_is_chosen_from_the_url(tmp_path: Path, url: str, kind: type) -> None:
    assert isinstance(make_storage(url.format(tmp=tmp_path)), kind)


def test_an_unknown_queue_url_is_refused_by_name() -> None:
    with pytest.raises(ConfigError) as excinfo:
        make_storage("amqp://127.0.0.1")
    assert excinfo.value.message == (
        "Địa chỉ hàng đợi 'amqp://127.0.0.1' không được hỗ trợ; hãy dùng sqlite:///, redis:// "
        "hoặc postgresql:// cho TRACKER_QUEUE_URL."
    )


def _queue_url(tmp_path: Path, which: str) -> str:
    if which == "configured" and not QUEUE_URL:
        pytest.skip("TRACKER_TEST_QUEUE_URL is not set")
    if which == "postgres" and not PG_URL:
        pytest.skip("TRACKER_TEST_DATABASE_URL is not set")
    return {"sqlite": f"sqlite:///{tmp_path}/queue.db", "configured": QUEUE_URL,
            "postgres": PG_URL}[which]  # fmt: skip


def test_a_postgresql_url_gives_huey_s_postgres_storage(tmp_path: Path) -> None:
    url = _queue_url(tmp_path, "postgres")
    storage = make_storage(url.replace("postgresql://", "postgres://", 1))
    assert isinstance(storage, PostgresStorage)
    storage.close()


@pytest.mark.parametrize("which", ["sqlite", "configured", "postgres"])
def test_a_job_goes_through_real_storage_and_runs_once(tmp_path: Path, which: str) -> None:
    url = _queue_url(tmp_path, which)
    queue = configure_queue(make_settings(tmp_path / "data", queue_url=url))
    queue.flush()
    RESULTS.clear()
    result = record("xin chào")
    assert queue.pending_count() == 1
    task = queue.dequeue()
    assert task is not None
    assert queue.execute(task) == "XIN CHÀO"
    assert RESULTS == ["xin chào"]
    assert queue.pending_count() == 0
    assert queue.dequeue() is None
    assert result.get() == "XIN CHÀO"
    queue.flush()


def test_jobs_run_async_work_on_one_long_lived_loop() -> None:
    import asyncio

    async def which_loop() -> int:
        return id(asyncio.get_running_loop())

    assert run_async(which_loop) == run_async(which_loop)
