"""The minute's tick with work in several provinces hands one task per province to the
queue (real Huey storage, a SQLite file); the tasks, run as a worker runs them, leave
nothing due, and the day's digests marked by each province close the day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from tracker.config import Settings
from tracker.notify import jobs
from tracker.notify.reminders import pass_branches
from tracker.plans.tables import Plan
from tracker.queue import configure_queue, run_async


@pytest.fixture
def bound_jobs(seeded_rw: Settings) -> Iterator[Settings]:
    """The jobs of this process bound to the test's database (and unbound after)."""
    jobs.configure(seeded_rw)
    jobs._state.pop("bound", None)
    yield seeded_rw
    jobs._state.clear()


def test_a_tick_with_several_provinces_hands_one_task_to_each(bound_jobs: Settings) -> None:
    settings = bound_jobs

    async def reopen() -> None:
        # Two plans of two other provinces run on: their late work is due.
        await jobs.bound_settings()
        await Plan.update({Plan.period_end: dt.date(2099, 12, 31), Plan.status: "active"}).where(
            Plan.key.is_in(["doan-ket-2022", "nhat-tan-2024"])
        )

    run_async(reopen)
    now = dt.datetime.now(settings.tz)
    before = run_async(lambda: pass_branches(settings, now))
    assert len(before) > 1
    queue = configure_queue(settings)
    queue.flush()
    jobs.tick.call_local()
    tasks = []
    while (task := queue.dequeue()) is not None:
        tasks.append(task)
    assert sorted(t.name for t in tasks) == ["tracker.remind_branch"] * len(before)
    assert sorted(t.args[1] for t in tasks) == before
    for task in tasks:
        queue.execute(task)
    later = dt.datetime.now(settings.tz)
    assert run_async(lambda: pass_branches(settings, later)) == []
    queue.flush()
