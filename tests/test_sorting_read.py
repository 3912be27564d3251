"""``tracker.db.sorting_read``: on PostgreSQL the roll-ups read with their sort memory raised
and a plan made for their own values, for their own transaction only (the pool's connections
keep the server's settings); on SQLite it is a plain read. Runs on both backends."""

from __future__ import annotations

from tracker import db
from tracker.config import Settings
from tracker.deadlines.tables import Occurrence


async def test_the_settings_hold_for_the_read_alone(database: Settings) -> None:
    if not db.is_postgres():
        assert await db.sorting_read(Occurrence, "SELECT 1 + {} AS two", 1) == [{"two": 2}]
        return
    ask = (
        "SELECT current_setting('work_mem') AS memory, current_setting('plan_cache_mode') AS plans"
    )
    assert await db.sorting_read(Occurrence, ask) == [
        {"memory": db.SORT_MEMORY, "plans": "force_custom_plan"}
    ]
    after = await Occurrence.raw(ask)
    assert after[0]["plans"] == "auto"
    assert after[0]["memory"] != db.SORT_MEMORY
