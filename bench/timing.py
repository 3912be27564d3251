"""What the benchmarks share: the median time of a piece of async work, and how the
database plans a query."""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any


async def timed(work: Callable[[], Awaitable[Any]], repeat: int) -> tuple[float, Any]:
    """The median wall time of ``repeat`` runs, in seconds, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = await work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


async def query_plan(query: object, *, analyze: bool = False) -> list[str]:
    """The lines of the bound database's plan of ``query`` (PostgreSQL's EXPLAIN, with
    ANALYZE when asked; SQLite's EXPLAIN QUERY PLAN)."""
    from tracker import db

    engine = db.bound_engine()
    assert engine is not None
    if db.is_postgres():
        verb = "EXPLAIN ANALYZE" if analyze else "EXPLAIN"
        return [r["QUERY PLAN"] for r in await engine.run_ddl(f"{verb} {query}")]
    return [r["detail"] for r in await engine.run_ddl(f"EXPLAIN QUERY PLAN {query}")]
