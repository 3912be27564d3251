"""The Huey instance and its storage: chosen from the URL, and a job's real round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from huey.storage import MemoryStorage, RedisStorage, SqliteStorage

from tests.conftest import QUEUE_URL, make_settings
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


def _queue_urls(tmp_path: Path) -> list[str]:
    return [f"sqlite:///{tmp_path}/queue.db"] + ([QUEUE_URL] if QUEUE_URL else [])


@pytest.mark.parametrize("which", ["sqlite", "configured"])
def test_a_job_goes_through_real_storage_and_runs_once(tmp_path: Path, which: str) -> None:
    urls = _queue_urls(tmp_path)
    if which == "configured" and not QUEUE_URL:
        pytest.skip("TRACKER_TEST_QUEUE_URL is not set")
    url = urls[0] if which == "sqlite" else urls[1]
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
