"""A worker's jobs bind its job loop to the database once, even when its first jobs
start together (a worker with two threads takes the tick and a delivery in the same
second after it starts)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tracker import db
from tracker.config import Settings
from tracker.notify import jobs
from tracker.plans.tables import Plan
from tracker.queue import run_async


@pytest.fixture
def unbound_jobs(database: str, tmp_path: Path) -> Iterator[Settings]:
    settings = make_settings(tmp_path / "jobs", database_url=database)
    jobs.configure(settings)
    jobs._state.pop("bound", None)
    yield settings
    jobs._state.clear()


def test_jobs_that_start_together_bind_one_engine(unbound_jobs: Settings) -> None:
    engines = []

    async def first_job() -> int:
        await jobs.bound_settings()
        engines.append(db._engine_or_fail())
        async with db.write_transaction():
            count = await Plan.count()
            # Held open while the other jobs go on: a connection taken before the pool
            # was there went back to it at the end (asyncpg refused it).
            await asyncio.sleep(0.3)
            return count

    async def together() -> list[int]:
        return list(await asyncio.gather(*(first_job() for _ in range(6))))

    assert run_async(together, timeout=60) == [0] * 6
    assert len({id(engine) for engine in engines}) == 1
