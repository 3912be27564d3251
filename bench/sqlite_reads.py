"""What a small read costs on SQLite: through the kept read connections of
``tracker.db.KeptSQLiteEngine`` (the laptop mode's engine) and through Piccolo's own
``SQLiteEngine``, which opens a connection (and a thread) for every query outside a
transaction.

    uv run python bench/sqlite_reads.py [--reads 500] [--json]

It migrates a fresh SQLite file, loads the seed units and plans, then times, on each engine,
``--reads`` small reads one after another (a count, a row by its key, a plan's tasks) and the
same reads 20 at a time (as a page's parts or several users ask). Figures are printed, not
asserted: the machine's load moves them.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from piccolo.engine.sqlite import SQLiteEngine

from tracker import db
from tracker.config import load_settings
from tracker.org.tables import Unit
from tracker.plans.tables import Task
from tracker.seeds import load_seeds, read_seed_set


async def _reads(count: int) -> None:
    for number in range(count):
        kind = number % 3
        if kind == 0:
            await Unit.count()
        elif kind == 1:
            await Unit.select(Unit.name).where(Unit.id == 1 + number % 5).first()
        else:
            await Task.select(Task.key, Task.label).where(Task.plan == 1).limit(20)


async def _time(count: int) -> dict[str, float]:
    start = time.perf_counter()
    await _reads(count)
    serial = (time.perf_counter() - start) / count * 1000
    start = time.perf_counter()
    await asyncio.gather(*(_reads(count // 20) for _ in range(20)))
    together = (time.perf_counter() - start) / (count // 20 * 20) * 1000
    return {"serial_ms": serial, "together_ms": together}


async def main(args: argparse.Namespace) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    url = f"sqlite:///{folder / 'tracker.db'}"
    settings = load_settings(data_dir=folder, database_url=url)
    kept = db.bind(db.make_engine(url))
    await db.migrate()
    await load_seeds(
        read_seed_set(settings.seeds_dir),
        settings,
        dt.datetime(2026, 3, 2, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    )
    plain = SQLiteEngine(path=str(folder / "tracker.db"), timeout=30)
    figures: dict[str, Any] = {"reads": args.reads}
    for name, engine in [("kept", kept), ("piccolo", plain)] * 2:
        db.bind(engine)
        runs = figures.setdefault(name, [])
        runs.append(await _time(args.reads))
    db.bind(kept)
    await db.close()
    for name in ("kept", "piccolo"):
        runs = figures[name]
        figures[name] = {
            key: round(statistics.median(run[key] for run in runs), 3) for key in runs[0]
        }
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reads", type=int, default=500)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(main(args))
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.reads} small reads on SQLite, ms per read (median of two runs):")
        for name, label in (("kept", "kept connections"), ("piccolo", "Piccolo's own engine")):
            row = result[name]
            print(
                f"  {label:22} one after another {row['serial_ms']:7.3f}"
                f"   20 at a time {row['together_ms']:7.3f}"
            )
