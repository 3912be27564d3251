"""How long the compliance counts take for a city of 114 communes, and for the country.

    uv run python bench/compliance.py [--communes 114] [--repeat 7] [--json]
    uv run python bench/compliance.py --communes 3321
    uv run python bench/compliance.py --communes 1000 --database-url postgresql://… --wipe --json
    uv run python bench/compliance.py --database-url postgresql://postgres@127.0.0.1/bench --wipe

It loads the seeds, then real communes from the vietnam-provinces package through the
demo's loader (``tracker demo communes``): Hải Phòng's first (with xã Đại Sơn of the seeds,
``--communes 114`` is the whole city), then the other provinces' (``--communes 3321`` is
the whole country), each with a copy of Đại Sơn's 2026 plan and its history up to
30/06/2026 17:00. Then it times, as of that moment, over 2026:

- ``count_compliance`` for Hải Phòng by commune and by lead unit (what the city viewer's
  page asks);
- the national roll-up (every plan) by commune and by lead unit;

each the median of ``--repeat`` runs, and prints how the database plans the query
(EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL). The aims (issue 10): under
200 ms for the city, under 1 s for the country. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from timing import timed

from tracker import db
from tracker.config import load_settings
from tracker.deadlines.tables import Occurrence
from tracker.demo.communes import CITY, add_communes, country_targets, load_template
from tracker.demo.history import record_history
from tracker.notify.services import expander_for
from tracker.org.tables import Unit
from tracker.plans.tables import Plan
from tracker.reports.compliance import compliance_query, count_compliance
from tracker.seeds import load_seeds, read_seed_set

console = Console(stderr=True)
TZ = dt.timezone(dt.timedelta(hours=7))
AS_OF = dt.datetime(2026, 6, 30, 17, 0, tzinfo=TZ)
SEED_NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=TZ)
YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
CITY_AIM, COUNTRY_AIM = 0.2, 1.0


async def query_plan(path: str, by: str, tz: Any) -> list[str]:
    sql, *values = compliance_query(
        unit_path=path, start=YEAR[0], end=YEAR[1], as_of=AS_OF, tz=tz, by=by
    )
    if db.is_postgres():
        rows = await db.sorting_read(Occurrence, f"EXPLAIN ANALYZE {sql}", *values)
        return [r["QUERY PLAN"] for r in rows]
    rows = await Occurrence.raw(f"EXPLAIN QUERY PLAN {sql}", *values)
    return [r["detail"] for r in rows]


async def main(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    settings = load_settings(env={"TRACKER_DATA_DIR": str(work / "data")})
    settings = settings.with_changes(database_url=args.database_url or "")
    (work / "data").mkdir()
    engine = db.bind(db.make_engine(settings.effective_database_url))
    if db.is_postgres():
        if not args.wipe:
            console.print("[red]--database-url: thêm --wipe để xóa và tạo lại lược đồ public.[/]")
            return 2
        await engine._run_in_new_connection("DROP SCHEMA IF EXISTS public CASCADE")
        await engine._run_in_new_connection("CREATE SCHEMA public")
    await db.migrate()
    await db.open_pool()

    start = time.perf_counter()
    await load_seeds(read_seed_set(settings.seeds_dir), settings, SEED_NOW)
    await record_history(settings, AS_OF)
    template = load_template(settings, expander_for(settings))
    targets = country_targets(template)[: max(args.communes - 1, 0)]
    with Progress(console=console, transient=True) as progress:
        bar = progress.add_task("Thêm xã", total=len(targets))
        await add_communes(
            settings,
            targets,
            AS_OF,
            template=template,
            on_progress=lambda n: progress.advance(bar, n),
        )
    loaded = time.perf_counter() - start
    # The loader analyzed what it filled; what autovacuum would also have done by the
    # time anyone asks: a visibility map for index-only scans (PostgreSQL).
    await db.analyze(vacuum=True)
    city_path = f"/{CITY}/"
    communes = await Unit.count().where(Unit.kind == "commune")
    in_city = await Unit.count().where((Unit.kind == "commune") & Unit.path.like(f"{city_path}%"))
    figures: dict[str, Any] = {
        "backend": "postgresql" if db.is_postgres() else "sqlite",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "communes": communes,
        "city_communes": in_city,
        "plans": await Plan.count(),
        "occurrences": await Occurrence.count(),
        "load_seconds": round(loaded, 1),
        "timings_ms": {},
    }
    # The country's roll-up at every size (below Hải Phòng's 114 it is the city's
    # communes and the seeds' few others), so that sizes compare.
    questions = [("city", city_path, CITY_AIM), ("country", "/", COUNTRY_AIM)]
    rows = []
    for name, path, aim in questions:
        for by in ("commune", "unit"):
            seconds, report = await timed(
                lambda path=path, by=by: count_compliance(
                    unit_path=path, start=YEAR[0], end=YEAR[1], as_of=AS_OF, tz=settings.tz, by=by
                ),
                args.repeat,
            )
            figures["timings_ms"][f"{name}_by_{by}"] = round(seconds * 1000, 1)
            verdict = "đạt" if seconds < aim else "CHƯA ĐẠT"
            rows.append(
                (
                    f"{name} theo {by}",
                    f"{seconds * 1000:.0f} ms",
                    str(len(report.rows)),
                    str(report.totals.total),
                    f"< {aim * 1000:.0f} ms: {verdict}",
                )
            )
    plans = {
        f"{name}_by_{by}": await query_plan(path, by, settings.tz)
        for name, path, _ in questions
        for by in ("commune", "unit")
    }
    figures["query_plans"] = plans
    figures["load_average"] = [round(n, 2) for n in os.getloadavg()]

    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        out = Console()
        out.print(
            f"{figures['backend']}: {communes} xã ({in_city} ở Hải Phòng), {figures['plans']} kế "
            f"hoạch, {figures['occurrences']} hạn; nạp trong {loaded:.1f} s; tải máy (load "
            f"average) {', '.join(map(str, figures['load_average']))}."
        )
        table = Table(title=f"Tình hình thực hiện năm 2026, tính đến {AS_OF:%d/%m/%Y %H:%M}")
        for column in ("Câu hỏi", "Trung vị", "Dòng", "Hạn", "Mục tiêu"):
            table.add_column(column, justify="left" if column == "Câu hỏi" else "right")
        for row in rows:
            table.add_row(*row)
        out.print(table)
        for name, lines in plans.items():
            out.print(f"Kế hoạch truy vấn ({name}):")
            for line in lines:
                out.print(f"  {line}")
    await db.close()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        console.print(f"Giữ lại thư mục {work}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=114, help="số xã (kể cả xã Đại Sơn)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--wipe", action="store_true", help="xóa lược đồ PostgreSQL trước")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    parser.add_argument("--keep", action="store_true", help="giữ thư mục tạm")
    sys.exit(asyncio.run(main(parser.parse_args())))
