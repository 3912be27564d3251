"""How fast iCal feeds are served: requests per second for /healthz, a warm feed, a cold
feed and a 304, for a person with about 500 deadlines in their feed's window.

    uv run python bench/feeds.py [--seconds 3] [--concurrency 8] [--copies 9] [--communes N]
    uv run python bench/feeds.py --communes 3321 --database-url postgresql://… --wipe [--json]

It loads the demo data into a temporary folder and imports ``--copies`` copies of xã Đại
Sơn's plan moved to next year (so that the head of Đại Sơn's office has about 500
deadlines within the feed's 12 months), starts ``tracker serve`` on
a free port with no worker, makes a feed token for that person with ``tracker feed-url``,
and then drives the server over HTTP:

- /healthz, the floor: the app's cheapest answer;
- a warm feed: the same feed again, served from the process's cache;
- a 304: the same, with If-None-Match;
- a cold feed: its commune's data version is raised before each request (as any change
  to its plans would), so every answer is built again from the database;
- after a change in another commune: that commune's version (and the global one) is
  raised before each request; the feed stays warm, for one more lookup.

``--prebuild`` serves with ``TRACKER_FEED_PREBUILD=true`` and adds a row: before each
request the commune's version is raised and the feeds are built ahead, here in this
process as the worker's task would (:func:`tracker.notify.feeds.prebuild.prebuild_commune`);
the request is then served from the store. It prints what the build ahead took, the
request's time, the store hits the server counted and the bytes stored.

``--communes N`` also loads N real communes of the map (Hải Phòng's first, then every
province's; 3,321 is the whole country) through the national demo's bulk loader
(:func:`tracker.demo.communes.add_communes`, as ``tracker demo national`` and
bench/reminder_tick.py: each with Đại Sơn's units, six people, a copy of its 2026 plan
and a history up to now; COPY on PostgreSQL, ANALYZE after), so that the same person's
feed is served from a database of the country's size. After the timings it prints how
the database runs the feed's queries for that person (EXPLAIN ANALYZE on PostgreSQL,
EXPLAIN QUERY PLAN on SQLite): the deadlines of the window, the tasks of the person's
units, the communes of their plans, and the versions a kept feed looks at.

``--database-url postgresql://… --wipe`` serves from PostgreSQL (it empties that
database); ``--json`` prints one JSON object instead of the table: ``{"backend",
"communes", "occurrences", "events", "bytes", "load_s", "first_ms", "healthz_rps",
"healthz_ms", "warm_rps", "warm_ms", "not_modified_rps", "not_modified_ms", "cold_rps",
"cold_ms", "other_commune_rps", "other_commune_ms", "load_average", "query_plans"}``
(with ``--prebuild`` also ``"prebuilt_rps", "prebuilt_ms", "prebuild_ms", "store_hits",
"stored_bytes"``).

The aims (issue 5): a warm feed at half the /healthz rate or better, a cold one under
50 ms. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import asyncpg
import httpx
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from timing import query_plan

from tracker import db
from tracker.config import Settings, load_settings
from tracker.deadlines.read import due_between, not_cancelled, occurrences_query
from tracker.deadlines.tables import Occurrence
from tracker.demo.communes import add_communes, country_targets, load_template
from tracker.notify.feeds import build_feed, target_filter
from tracker.notify.services import expander_for
from tracker.notify.tables import DataVersion
from tracker.org.services import person_unit_ids
from tracker.org.tables import Person
from tracker.plans.tables import TaskUnit

console = Console(stderr=True)
ROOT = Path(__file__).resolve().parent.parent
PERSON = "long.nh@daison.example.vn"
COMMUNE = "hai-phong.dai-son"
OTHER_COMMUNE = "an-giang.cho-moi.kien-an"


def write_plans(target: Path, copies: int, year: int) -> list[Path]:
    """``copies`` copies of Đại Sơn's 2026 plan moved to ``year``, as YAML files to import."""
    target.mkdir(parents=True)
    plan = (ROOT / "seeds" / "plans" / "dai-son-2026.yaml").read_text(encoding="utf-8")
    paths = []
    for n in range(1, copies + 1):
        text = plan.replace("2026", str(year)).replace(
            f"key: dai-son-{year}", f"key: dai-son-{year}-{n}"
        )
        text = text.replace("number: /KH-UBND", f"number: {n}/KH-UBND", 1)
        path = target / f"dai-son-{year}-{n}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def tracker(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


async def rate(
    url: str, seconds: float, concurrency: int, headers: dict[str, str] | None = None
) -> tuple[float, float, int]:
    """Requests per second and the median latency (ms) over ``seconds``, and the status."""
    latencies: list[float] = []
    statuses: set[int] = set()
    stop = time.perf_counter() + seconds
    async with httpx.AsyncClient(timeout=30) as client:

        async def worker() -> None:
            while time.perf_counter() < stop:
                start = time.perf_counter()
                response = await client.get(url, headers=headers)
                latencies.append(time.perf_counter() - start)
                statuses.add(response.status_code)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    if len(statuses) != 1:
        raise SystemExit(f"{url}: trả lời không đều: {sorted(statuses)}")
    return len(latencies) / elapsed, statistics.median(latencies) * 1000, statuses.pop()


class Versions:
    """Raises data versions in the served database (SQLite file or PostgreSQL), as a
    change to the data would."""

    def __init__(self, database: Path, url: str) -> None:
        self.database, self.url = database, url

    async def raise_(self, *names: str) -> None:
        sql = (
            "INSERT INTO data_version (name, value) VALUES ($1, 1) ON CONFLICT (name) "
            "DO UPDATE SET value = data_version.value + 1"
        )
        if self.url:
            connection = await asyncpg.connect(self.url)
            try:
                for name in names:
                    await connection.execute(sql, name)
            finally:
                await connection.close()
            return
        with sqlite3.connect(self.database) as connection:
            for name in names:
                connection.execute(sql.replace("$1", "?"), (name,))

    async def unit_id(self, code: str) -> int:
        if self.url:
            connection = await asyncpg.connect(self.url)
            try:
                return int(await connection.fetchval("SELECT id FROM unit WHERE code = $1", code))
            finally:
                await connection.close()
        with sqlite3.connect(self.database) as connection:
            return int(
                connection.execute("SELECT id FROM unit WHERE code = ?", (code,)).fetchone()[0]
            )


async def cold(
    url: str, versions: Versions, names: list[str], count: int
) -> tuple[float, float, int]:
    """Each request after raising ``names`` (and the global version, as every change does):
    the commune's own version makes it build again; another commune's leaves it warm."""
    latencies = []
    status = 0
    async with httpx.AsyncClient(timeout=30) as client:
        for _ in range(count):
            await versions.raise_("feeds", *names)
            start = time.perf_counter()
            response = await client.get(url)
            latencies.append(time.perf_counter() - start)
            status = response.status_code
    median = statistics.median(latencies)
    return 1 / median, median * 1000, status


async def prebuilt(
    url: str, versions: Versions, own: str, env: dict[str, str], count: int
) -> tuple[tuple[float, float, int], float, int]:
    """Each request after a change in its commune and the feeds built ahead: the request's
    rate and median, the build ahead's median (ms), and the bytes stored."""
    from tracker.notify.feeds.prebuild import prebuild_commune
    from tracker.notify.tables import PrebuiltFeed

    settings = load_settings(env=env)
    db.bind(db.make_engine(settings.effective_database_url))
    await db.open_pool(settings.database_pool)  # as the worker holds one
    builds, latencies = [], []
    status = 0
    async with httpx.AsyncClient(timeout=30) as client:
        for _ in range(count):
            await versions.raise_("feeds", own)
            start = time.perf_counter()
            await prebuild_commune(own, settings=settings, now=dt.datetime.now(settings.tz))
            builds.append(time.perf_counter() - start)
            start = time.perf_counter()
            response = await client.get(url)
            latencies.append(time.perf_counter() - start)
            status = response.status_code
    stored = sum(len(r["gzipped"]) for r in await PrebuiltFeed.select(PrebuiltFeed.gzipped))
    await db.close()
    median = statistics.median(latencies)
    return (1 / median, median * 1000, status), statistics.median(builds) * 1000, stored


def store_hits(base: str) -> int:
    """The server's count of feeds served from the store (its /metrics)."""
    for line in httpx.get(f"{base}/metrics").text.splitlines():
        if line.startswith("tracker_feed_store_hits_total "):
            return int(float(line.split()[1]))
    return 0


def bench_settings(data: Path, url: str) -> Settings:
    """The served database's settings, for the work this process does on it."""
    return load_settings(env={"TRACKER_DATA_DIR": str(data)}).with_changes(database_url=url)


async def load_communes(settings: Settings, count: int, quiet: bool) -> float:
    """``count`` communes of the country through the national demo's loader (which
    analyzes what it filled); the seconds it took."""
    start = time.perf_counter()
    db.bind(db.make_engine(settings.effective_database_url))
    await db.open_pool()
    try:
        template = load_template(settings, expander_for(settings))
        targets = country_targets(template)[:count]
        with Progress(console=console, transient=True, disable=quiet) as progress:
            bar = progress.add_task("Thêm xã", total=len(targets))
            await add_communes(
                settings,
                targets,
                dt.datetime.now(settings.tz),
                template=template,
                on_progress=lambda n: progress.advance(bar, n),
            )
        # The seeds' and the imported plans' tables too (their loaders are not bulk ones).
        await db.analyze()
    finally:
        await db.close()
    return time.perf_counter() - start


async def feed_queries(settings: Settings) -> tuple[int, dict[str, list[str]]]:
    """How many occurrences the database holds, and how it runs the feed's queries for
    :data:`PERSON` (as tracker.notify.feeds.build builds it today)."""
    db.bind(db.make_engine(settings.effective_database_url))
    await db.open_pool()
    try:
        occurrences = await Occurrence.count()
        person = await Person.select(Person.id).where(Person.email == PERSON).first()
        units = sorted(await person_unit_ids(person["id"]))
        today = dt.datetime.now(settings.tz).date()
        window = due_between(
            today - dt.timedelta(days=settings.feed_past_days),
            today + dt.timedelta(days=settings.feed_future_days),
        )
        built = await build_feed(
            "person", person["id"], PERSON, settings=settings,
            now=dt.datetime.now(settings.tz), todo=False,
        )  # fmt: skip
        queries = {
            # for_units: the tasks the person's units lead or coordinate.
            "tasks_of_units": TaskUnit.select(TaskUnit.task).where(TaskUnit.unit.is_in(units)),
            # The communes of those tasks' plans, whose versions the feed keeps.
            "communes_of_plans": TaskUnit.select(
                TaskUnit.task._.plan._.unit.as_alias("scope")
            ).distinct().where(TaskUnit.unit.is_in(units)),
            # The main one: the window's deadlines, with their tasks and plans.
            "occurrences": occurrences_query(
                await target_filter("person", person["id"]), window, not_cancelled()
            ),
            # A kept feed after a change elsewhere: the versions it was built at.
            "kept_versions": DataVersion.select(DataVersion.name, DataVersion.value).where(
                DataVersion.name.is_in(sorted(built.versions))
            ),
        }  # fmt: skip
        return occurrences, {name: await query_plan(q, analyze=True) for name, q in queries.items()}
    finally:
        await db.close()


async def main(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="tracker-feeds-bench-"))
    year = time.localtime().tm_year + 1
    plans = write_plans(work / "plans", args.copies, year)
    data = work / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    port = free_port()
    env.update(
        {
            "TRACKER_DATA_DIR": str(data),
            "TRACKER_BASE_URL": f"http://127.0.0.1:{port}",
        }
    )
    if args.prebuild:
        env["TRACKER_FEED_PREBUILD"] = "true"
    if args.database_url:
        if not args.wipe:
            console.print("[red]--database-url: thêm --wipe để xóa và tạo lại lược đồ public.[/]")
            return 2
        connection = await asyncpg.connect(args.database_url)
        await connection.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
        await connection.close()
        env["TRACKER_DATABASE_URL"] = args.database_url
        tracker(env, "db", "migrate")
    if not args.json:
        console.print("Nạp dữ liệu mẫu …")
    started = time.perf_counter()
    tracker(env, "seed")
    if plans:
        tracker(env, "import", "--accept-review", *map(str, plans))
    settings = bench_settings(data, args.database_url)
    if args.communes:
        await load_communes(settings, args.communes, args.json)
    loaded = time.perf_counter() - started
    url = tracker(env, "feed-url", "--person", PERSON).splitlines()[0]
    server = subprocess.Popen(
        [sys.executable, "-m", "tracker", "serve", "--no-worker", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(work / "serve.log").open("w"),
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):  # a busy machine may take a while to start it
            try:
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.2)
        began = time.perf_counter()
        first = httpx.get(url)  # the first build: nothing kept yet
        first_ms = (time.perf_counter() - began) * 1000
        events = first.text.count("BEGIN:VEVENT")
        etag = first.headers["etag"]
        rows = [
            ("/healthz", await rate(f"{base}/healthz", args.seconds, args.concurrency)),
            ("Lịch, đã có sẵn (warm)", await rate(url, args.seconds, args.concurrency)),
            (
                "Lịch, 304 (If-None-Match)",
                await rate(url, args.seconds, args.concurrency, {"If-None-Match": etag}),
            ),
        ]
        versions = Versions(data / "tracker.db", args.database_url)
        own = f"scope:{await versions.unit_id(COMMUNE)}"
        other = f"scope:{await versions.unit_id(OTHER_COMMUNE)}"
        rows.append(("Lịch, dựng lại mỗi lần (cold)", await cold(url, versions, [own], 30)))
        rows.append(("Lịch, sau một thay đổi ở xã khác", await cold(url, versions, [other], 30)))
        if args.prebuild:
            row, ahead_ms, stored = await prebuilt(url, versions, own, env, 30)
            rows.append(("Lịch, dựng sẵn sau một thay đổi ở xã mình", row))
            hits = store_hits(base)
    finally:
        server.terminate()
        server.wait(timeout=15)
    load_average = [round(n, 2) for n in os.getloadavg()]
    occurrences, plans_of = await feed_queries(settings)
    if args.json:
        figures = {
            "backend": "postgresql" if args.database_url else "sqlite",
            "communes": args.communes,
            "occurrences": occurrences,
            "events": events,
            "bytes": len(first.content),
            "load_s": round(loaded, 1),
            "first_ms": round(first_ms, 1),
            **{
                f"{key}_{unit}": round(value, 1)
                for key, row in zip(
                    ("healthz", "warm", "not_modified", "cold", "other_commune", "prebuilt"),
                    rows,
                    strict=False,
                )
                for unit, value in (("rps", row[1][0]), ("ms", row[1][1]))
            },
            "load_average": load_average,
            "query_plans": plans_of,
        }
        if args.prebuild:
            figures |= {
                "prebuild_ms": round(ahead_ms, 1),
                "store_hits": hits,
                "stored_bytes": stored,
            }
        print(json.dumps(figures, ensure_ascii=False))
        shutil.rmtree(work, ignore_errors=True)
        return 0
    out = Console()
    backend = "PostgreSQL" if args.database_url else "SQLite"
    out.print(
        f"{backend}: {args.communes} xã thêm, {occurrences} hạn công việc; nạp trong "
        f"{loaded:.0f} s; lần dựng đầu tiên {first_ms:.0f} ms; tải máy (load average) "
        f"{', '.join(map(str, load_average))}."
    )
    table = Table(title=f"Lịch iCal của {PERSON}: {events} hạn, {len(first.content)} byte")
    table.add_column("Yêu cầu")
    table.add_column("Yêu cầu/giây", justify="right")
    table.add_column("Trung vị (ms)", justify="right")
    table.add_column("Mã", justify="right")
    for name, (per_second, median, status) in rows:
        table.add_row(name, f"{per_second:.0f}", f"{median:.1f}", str(status))
    out.print(table)
    healthz, warm, cold_ms = rows[0][1][0], rows[1][1][0], rows[3][1][1]
    other_ms = rows[4][1][1]
    out.print(
        f"Lịch có sẵn / healthz = {warm / healthz:.2f} (mục tiêu ≥ 0,5); "
        f"lịch dựng lại: {cold_ms:.0f} ms (mục tiêu < 50 ms); sau thay đổi ở xã khác: "
        f"{other_ms:.1f} ms (vẫn có sẵn nếu gần bằng lịch có sẵn, xa dưới lịch dựng lại)."
    )
    if args.prebuild:
        out.print(
            f"Dựng sẵn (tiến trình nền): {ahead_ms:.0f} ms mỗi lần; máy chủ trả từ bản dựng sẵn "
            f"{hits} lần; lưu {stored} byte."
        )
    for name, lines in plans_of.items():
        out.print(f"Kế hoạch truy vấn ({name}):")
        for line in lines:
            out.print(f"  {line}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--copies", type=int, default=9)
    parser.add_argument(
        "--communes", type=int, default=0, help="số xã thật nạp thêm (3321: cả nước)"
    )
    parser.add_argument("--database-url", default="", help="PostgreSQL (với --wipe)")
    parser.add_argument("--wipe", action="store_true", help="xóa lược đồ PostgreSQL trước")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    parser.add_argument(
        "--prebuild", action="store_true", help="TRACKER_FEED_PREBUILD=true, thêm một dòng"
    )
    sys.exit(asyncio.run(main(parser.parse_args())))
