"""How long one reminder tick takes to find what is due, with 100 communes' plans.

    uv run python bench/reminder_tick.py [--communes 100] [--plans 3]
    uv run python bench/reminder_tick.py --database-url postgresql://postgres@127.0.0.1/bench --wipe

It loads the seeds (the five real seed plans), then ``--communes`` real communes of the
map after 01/7/2025 (Hải Phòng's first) through the demo's loader
(:func:`tracker.demo.communes.add_communes`, as ``tracker demo national``): each with xã Đại
Sơn's units, six people and ``--plans`` copies of its 2026 plan, with a history up to
02/03/2026 08:00; and then times, at Wednesday 08/04/2026
15:00 (the eve of the weekly report):

- the query a tick runs to find what is due, on the first tick (nothing looked at yet)
  and on the next minute's tick (every occurrence already has its next reminder time);
  the first tick's also province by province, as the pass runs it (the slowest province);
- the whole pass without writing (people, digests, rendering), and the first pass that
  writes the outbox (province by province, as the workers share it);
- the pass of the next minute, with nothing due: it reads no people, units or settings,
  so it costs the same at 100 communes as at the country's 3,321;
- how the database plans the query (it must use the index on ``remind_at``).

The aims (issues 4 and 13): under one second to find what is due; the pass with nothing
due under 100 ms at any size. Figures are printed, not asserted. ``--json`` prints one
object instead: ``{"communes", "plans", "occurrences", "load_s", "find_due_ms",
"first_pass_ms", "first_pass_rows", "idle_pass_ms"}`` (medians, ms), so that other
tools can compare sizes, with ``first_find_ms`` (the whole country's first search at once)
and ``first_find_worst_province_ms`` beside them.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from timing import query_plan, timed

from tracker import db
from tracker.config import load_settings
from tracker.deadlines.tables import Occurrence
from tracker.demo.communes import add_communes, country_targets, load_template
from tracker.notify.reminders import _in_branch, _load, candidates, pass_branches, reminder_pass
from tracker.notify.services import expander_for
from tracker.plans.tables import Plan
from tracker.seeds import load_seeds, read_seed_set

console = Console()
TZ = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
SEED_NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=TZ)


async def tick_plan(now: dt.datetime) -> list[str]:
    """How the database runs the tick's query (its first, indexed, part)."""
    return await query_plan(Occurrence.select(Occurrence.id).where(*candidates(now, TZ)))


async def main(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    settings = load_settings(env={"TRACKER_DATA_DIR": str(work / "data")})
    settings = settings.with_changes(database_url=args.database_url or "")
    (work / "data").mkdir()
    engine = db.bind(db.make_engine(settings.effective_database_url))
    if args.existing:
        return await existing(args, settings, engine)
    if db.is_postgres():
        if not args.wipe:
            console.print("[red]--database-url: thêm --wipe để xóa và tạo lại lược đồ public.[/]")
            return 2
        await engine._run_in_new_connection("DROP SCHEMA IF EXISTS public CASCADE")
        await engine._run_in_new_connection("CREATE SCHEMA public")
    await db.migrate()
    await db.open_pool()

    seed_set = read_seed_set(settings.seeds_dir)
    start = time.perf_counter()
    with Progress(console=console, transient=True, disable=args.json) as progress:
        bar = progress.add_task("Nạp kế hoạch", total=len(seed_set.plans) + 2 + args.communes)
        await load_seeds(seed_set, settings, SEED_NOW, lambda: progress.advance(bar))
        # The demo's loader (tracker demo national): real communes, Hải Phòng's first.
        template = load_template(settings, expander_for(settings))
        await add_communes(
            settings,
            country_targets(template)[: args.communes],
            SEED_NOW,
            template=template,
            plans=args.plans,
            on_progress=lambda n: progress.advance(bar, n),
        )
    loaded = time.perf_counter() - start
    # The loader analyzed what it filled (as autovacuum would within a minute or so:
    # without it PostgreSQL believes the new tables empty and picks nested loops); the
    # seeds' tables too.
    await db.analyze()
    plans = await Plan.count()
    occurrences = await Occurrence.count()

    rows: list[tuple[str, str, str]] = []
    first_find, found = await timed(
        lambda: _load(*candidates(NOW, TZ), tz=TZ, now=NOW), args.repeat
    )
    rows.append(("Tìm việc đến hạn, lượt đầu", f"{first_find * 1000:.0f} ms", f"{len(found)} hạn"))
    # The pass itself never searches the whole country at once: it goes province by
    # province (one worker task each), so each search is one province's.
    provinces = await pass_branches(settings, NOW, day_done=True, tidy=False)
    per_province = []
    for branch in provinces:
        took, _ = await timed(
            lambda b=branch: _load(*candidates(NOW, TZ), _in_branch(b), tz=TZ, now=NOW), 1
        )
        per_province.append(took)
    worst_province = max(per_province, default=0.0)
    rows.append(
        (
            "Tìm việc đến hạn, lượt đầu, từng tỉnh: chậm nhất",
            f"{worst_province * 1000:.0f} ms",
            f"{len(provinces)} tỉnh, cộng lại {sum(per_province) * 1000:.0f} ms",
        )
    )
    if not args.json:
        dry, report = await timed(lambda: reminder_pass(settings, NOW, dry_run=True), args.repeat)
        rows.append(("Cả lượt, không ghi", f"{dry * 1000:.0f} ms", f"{len(report.messages)} tin"))
    written, report = await timed(lambda: reminder_pass(settings, NOW, keep=False), 1)
    first_rows = report.written
    rows.append(("Cả lượt, ghi hộp thư đi", f"{written * 1000:.0f} ms", f"{first_rows} dòng"))
    later = NOW + dt.timedelta(minutes=1)
    next_find, found = await timed(
        lambda: _load(*candidates(later, TZ), tz=TZ, now=later), args.repeat
    )
    rows.append(("Tìm việc đến hạn, phút sau", f"{next_find * 1000:.0f} ms", f"{len(found)} hạn"))
    tick, report = await timed(lambda: reminder_pass(settings, later), args.repeat)
    rows.append(
        (
            "Cả lượt, phút sau (không có gì đến hạn)",
            f"{tick * 1000:.1f} ms",
            f"{len(report.messages)} tin, đọc {len(report.people_read)} người",
        )
    )
    if args.json:
        figures = {
            "communes": args.communes,
            "plans": plans,
            "occurrences": occurrences,
            "load_s": round(loaded, 1),
            "find_due_ms": round(next_find * 1000, 2),
            "first_pass_ms": round(written * 1000, 1),
            "first_pass_rows": first_rows,
            "idle_pass_ms": round(tick * 1000, 2),
            "first_find_ms": round(first_find * 1000, 1),
            "first_find_worst_province_ms": round(worst_province * 1000, 1),
        }
        print(json.dumps(figures))
        await db.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        return 0

    backend = "PostgreSQL" if db.is_postgres() else "SQLite"
    table = Table(title=f"Một nhịp nhắc việc lúc {NOW:%d/%m/%Y %H:%M} ({backend})")
    table.add_column("Đo")
    table.add_column("Thời gian (trung vị)", justify="right")
    table.add_column("Kết quả", justify="right")
    for row in rows:
        table.add_row(*row)
    console.print(
        f"{args.communes} xã thêm, {plans} kế hoạch, {occurrences} hạn công việc; "
        f"nạp trong {loaded:.1f} s."
    )
    console.print(table)
    console.print("Kế hoạch truy vấn:")
    for line in await tick_plan(later):
        console.print(f"  {line}")
    worst = max(worst_province, next_find)
    verdict = "đạt" if worst < 1.0 else "CHƯA ĐẠT"
    console.print(
        f"Mục tiêu tìm việc đến hạn dưới 1 giây (mỗi lần tìm của một lượt, tức một tỉnh): "
        f"{verdict} ({worst * 1000:.0f} ms; tìm cả nước một lần: {first_find * 1000:.0f} ms)."
    )
    await db.close()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        console.print(f"Giữ lại thư mục {work}")
    return 0


async def existing(args: argparse.Namespace, settings: Any, engine: Any) -> int:
    """``--existing``: the minute after a pass, on a database loaded (and passed over)
    by an earlier run: what is due and the pass with nothing due, after ANALYZE."""
    await db.open_pool()
    await db.analyze()
    later = NOW + dt.timedelta(minutes=1)
    find, _ = await timed(lambda: _load(*candidates(later, TZ), tz=TZ, now=later), args.repeat)
    idle, _ = await timed(lambda: reminder_pass(settings, later), args.repeat)
    figures = {
        "communes": args.communes,
        "plans": await Plan.count(),
        "occurrences": await Occurrence.count(),
        "load_s": None,
        "find_due_ms": round(find * 1000, 2),
        "first_pass_ms": None,
        "first_pass_rows": None,
        "idle_pass_ms": round(idle * 1000, 2),
    }
    print(json.dumps(figures))
    await db.close()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=100)
    parser.add_argument("--plans", type=int, default=3, help="kế hoạch năm 2026 mỗi xã")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--wipe", action="store_true", help="xóa lược đồ PostgreSQL trước")
    parser.add_argument("--keep", action="store_true", help="giữ thư mục tạm")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    parser.add_argument(
        "--existing",
        action="store_true",
        help="không nạp: đo phút sau trên cơ sở dữ liệu một lần chạy trước đã nạp (JSON)",
    )
    sys.exit(asyncio.run(main(parser.parse_args())))
