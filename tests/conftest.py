"""Shared fixtures: settings in a temporary data directory, and real databases.

Every database test runs on a SQLite file, and also on PostgreSQL when
TRACKER_TEST_DATABASE_URL is set (``.ci/run`` sets it). A PostgreSQL that is
configured but unreachable makes those tests fail, never skip.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import threading
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
import pytest
from piccolo.engine.postgres import PostgresEngine

from tracker import db
from tracker.config import PROJECT_DIR, Settings, load_settings
from tracker.org.auth import CHEAP_HASHES_FOR_TESTS
from tracker.schedule.calendars import load_work_calendar
from tracker.schedule.workdays import WorkCalendar

TZ = dt.timezone(dt.timedelta(hours=7))
SHARED_SEEDS = Path(
    os.environ.get("TRACKER_TEST_SHARED_SEEDS") or PROJECT_DIR.parent / "shared" / "seeds"
)
# argon2 at a test's cost (tracker.org.auth.hasher_for): the suite signs in thousands of
# times; tests/org/test_password_hashing.py checks the service's own parameters.
os.environ.setdefault(CHEAP_HASHES_FOR_TESTS, "1")

PG_CONFIGURED_URL = os.environ.get("TRACKER_TEST_DATABASE_URL", "")
QUEUE_CONFIGURED_URL = os.environ.get("TRACKER_TEST_QUEUE_URL", "")
# pytest-xdist's worker ("gw0", "gw1", …; "" without xdist).
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def worker_database_url(url: str, worker: str) -> str:
    """The PostgreSQL database of one xdist worker: the configured one's name and the
    worker's (``…/test`` → ``…/test_gw0``), on the same server."""
    if not url or not worker:
        return url
    parts = urlsplit(url)
    return parts._replace(path=f"{parts.path.rstrip('/')}_{worker}").geturl()


def worker_queue_url(url: str, worker: str) -> str:
    """The Redis database of one xdist worker: the configured number plus the worker's
    (``redis://…/0`` → ``/0`` for gw0, ``/1`` for gw1); a sqlite:// queue is left alone."""
    parts = urlsplit(url)
    if not worker or parts.scheme not in ("redis", "rediss"):
        return url
    number = int(parts.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    return parts._replace(path=f"/{number}").geturl()


PG_URL = worker_database_url(PG_CONFIGURED_URL, WORKER)
QUEUE_URL = worker_queue_url(QUEUE_CONFIGURED_URL, WORKER)

# Which databases the database tests run on: SQLite, and PostgreSQL when it is configured.
# TRACKER_TEST_BACKENDS=postgres narrows them (CI's second run: SQLite has just passed).
_ONLY = {b for b in os.environ.get("TRACKER_TEST_BACKENDS", "").split(",") if b}
BACKENDS = [
    backend
    for backend in ("sqlite", "postgres")
    if (backend == "sqlite" or PG_URL) and (not _ONLY or backend in _ONLY)
]


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [
        f"tracker databases: {', '.join(BACKENDS)}",
        f"tracker queue: {QUEUE_URL or 'sqlite (default)'}",
    ]


# CI's second run (TRACKER_TEST_BACKENDS=postgres) leaves out what its first run has just
# passed and no server changes: tests that touch no database, in modules that read no
# server address of their own.
_SERVER_MODULES = ("test_queue.py", "test_processes.py", "test_worker.py", "test_seeds.py",
                   "test_delivery.py", "test_deploy_stack.py", "/browser/")  # fmt: skip


# The browser tests run on SQLite; on PostgreSQL only the plan journey (import, edit, delete
# through the pages) runs again, as the end-to-end check of the pages on that database: the
# other journeys' writes go through the same HTTP handlers the API tests run on PostgreSQL,
# and the layout checks ask the database nothing. So the whole of CI stays under twenty
# minutes on the 2-core machines.
_BROWSER_AGAIN = "/browser/test_plan_journey.py"


def _runs_again(item: pytest.Item) -> bool:
    if "/browser/" in item.nodeid and _BROWSER_AGAIN not in item.nodeid:
        return False
    return "postgres" in item.nodeid or any(m in item.nodeid for m in _SERVER_MODULES)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if {"postgres"} == _ONLY:
        kept = [item for item in items if _runs_again(item)]
        config.hook.pytest_deselected(items=[item for item in items if not _runs_again(item)])
        items[:] = kept
    for item in items:
        if "needs_shared_seeds" in item.keywords and not SHARED_SEEDS.is_dir():
            item.add_marker(
                pytest.mark.skip(reason=f"the seed documents folder {SHARED_SEEDS} is absent")
            )


@pytest.fixture(scope="session")
def calendar() -> WorkCalendar:
    return load_work_calendar(PROJECT_DIR / "calendars")


def make_settings(data_dir: Path, **changes: object) -> Settings:
    return load_settings(env={"TRACKER_DATA_DIR": str(data_dir)}, **changes)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "data")


# --------------------------------------------------------------------------- databases


def copy_sqlite(source: Path, target: Path) -> None:
    """A copy of the SQLite file ``source``, whole: its write-ahead log is first moved into
    the file (the engine keeps read connections open, so the log outlives each query)."""
    with contextlib.closing(sqlite3.connect(source)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(source, target)


@pytest.fixture(scope="session")
async def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file; each test gets a copy, which is much faster than migrating."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db.bind(db.make_engine(f"sqlite:///{path}"))
    await db.migrate()
    return path


@pytest.fixture(scope="session")
async def postgres_ready() -> AsyncIterator[str]:
    """Reset the test database's schema once, migrate it and keep a snapshot of the migrated
    state that each test gets back (see :class:`PostgresSnapshot`); "" when not configured.
    At the end of the session, the pooled engines' connections are closed."""
    if not PG_URL:
        yield ""
        return
    await _create_worker_database()
    engine = db.bind(db.make_engine(PG_URL))
    for schema in ("public", *PostgresSnapshot.SCHEMAS):
        await engine._run_in_new_connection(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    await engine._run_in_new_connection("CREATE SCHEMA public")
    await db.migrate()
    _PG_SNAPSHOTS["migrated"] = await PostgresSnapshot.take("migrated")
    yield PG_URL
    for pooled in _POOLED.values():
        pooled.service.close()


async def _create_worker_database() -> None:
    """Under pytest-xdist each worker has a database of its own (``test_gw0`` beside the
    configured ``test``), created on the configured server the first time."""
    if PG_URL == PG_CONFIGURED_URL:
        return
    name = urlsplit(PG_URL).path.lstrip("/")
    connection = await asyncpg.connect(PG_CONFIGURED_URL)
    try:
        if not await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            # template0 accepts no connections, so the workers never wait for each other.
            await connection.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    finally:
        await connection.close()


class PostgresSnapshot:
    """A state of the PostgreSQL test database (migrated, or seeded too) kept in a schema
    of its own, and the one SQL text that puts it back: every table of ``public`` emptied
    with DELETE, its sequences set as they were, and the kept rows copied back, in one
    transaction with triggers off (``session_replication_role = replica``: the foreign
    keys are not checked row by row, the feeds-version triggers do not fire, the audit
    log's no-delete trigger does not refuse). On 22 small tables that takes a tenth of
    the time of one TRUNCATE, which makes a new file for every table and index, and a
    hundredth of loading the seeds again. Needs a superuser (the ``postgres`` user of the
    README); for another user the tests fall back to TRUNCATE and loading the seeds."""

    SCHEMAS = ("tracker_test_migrated", "tracker_test_seeded")

    def __init__(self, restore_sql: str) -> None:
        self.restore_sql = restore_sql

    @classmethod
    async def take(cls, name: str) -> PostgresSnapshot | None:
        connection = await asyncpg.connect(PG_URL)
        try:
            if not await connection.fetchval(
                "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
            ):
                return None
            schema = f"tracker_test_{name}"
            assert schema in cls.SCHEMAS
            tables = [
                row["tablename"]
                for row in await connection.fetch(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    " AND tablename <> 'migration' ORDER BY tablename"
                )
            ]
            sequences = await connection.fetch(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
                " ORDER BY sequencename"
            )
            kept = []
            await connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            await connection.execute(f'CREATE SCHEMA "{schema}"')
            for table in tables:
                if await connection.fetchval(f'SELECT EXISTS (SELECT FROM public."{table}")'):
                    await connection.execute(
                        f'CREATE TABLE "{schema}"."{table}" AS SELECT * FROM public."{table}"'
                    )
                    kept.append(table)
        finally:
            await connection.close()
        sql = ["BEGIN", "SET LOCAL session_replication_role = replica"]
        sql += [f'DELETE FROM public."{table}"' for table in tables]
        sql += [
            f"SELECT setval('public.\"{row['sequencename']}\"', {row['last_value']}, true)"
            if row["last_value"] is not None
            else f"SELECT setval('public.\"{row['sequencename']}\"', 1, false)"
            for row in sequences
        ]
        sql += [
            f'INSERT INTO public."{table}" OVERRIDING SYSTEM VALUE SELECT * FROM "{schema}"."{table}"'
            for table in kept
        ]
        sql.append("COMMIT")
        return cls(";\n".join(sql))

    async def restore(self) -> None:
        connection = await asyncpg.connect(PG_URL)
        try:
            await connection.execute(self.restore_sql)
        finally:
            await connection.close()


# The snapshots taken in this session (None: the user may not switch triggers off).
_PG_SNAPSHOTS: dict[str, PostgresSnapshot | None] = {}


async def _truncate_postgres() -> None:
    """Put the PostgreSQL test database back to its migrated state."""
    snapshot = _PG_SNAPSHOTS.get("migrated")
    if snapshot is not None:
        await snapshot.restore()
        return
    names = [t._meta.tablename for t in db.all_tables() if t._meta.tablename != "migration"]
    engine = db.bound_engine()
    assert engine is not None
    quoted = ", ".join(f'"{n}"' for n in names)
    await engine._run_in_new_connection(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")


class _PoolService:
    """A pool of PostgreSQL connections that lives in a thread and event loop of its own, so
    that code running in any event loop can use it (see :class:`_PooledEngine`)."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.loop = asyncio.new_event_loop()
        self.pool: asyncpg.Pool | None = None
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    async def _fetch(self, query: str, args: list[Any]) -> list[Any]:
        if self.pool is None:
            self.pool = await asyncpg.create_pool(
                self.dsn, min_size=1, max_size=4, server_settings={"jit": "off"}
            )
        async with self.pool.acquire() as connection:
            return await connection.fetch(query, *args)

    async def fetch(self, query: str, args: list[Any]) -> list[Any]:
        future = asyncio.run_coroutine_threadsafe(self._fetch(query, args), self.loop)
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        if self.pool is not None:
            asyncio.run_coroutine_threadsafe(self.pool.close(), self.loop).result(timeout=30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=30)


class _PooledEngine(PostgresEngine):
    """The engine the tests bind on PostgreSQL. The app under test uses the bound engine
    (``create_app(bind_database=False)``) and runs in an event loop of its test client's,
    where no pool was opened: every query opened a connection of its own, and PostgreSQL
    starts a process for each (about 14 ms here, against 0.2 ms for a query), a third of
    CI's PostgreSQL run. Here the queries made outside a transaction go to one pool per
    test process, from whatever loop they are made in, as a served app's queries go to its
    pool; a transaction still opens its own connection in its caller's loop."""

    def __init__(self, url: str) -> None:
        self.service = _PoolService(url)  # before Piccolo's init, which asks the version
        super().__init__(config={"dsn": url, "server_settings": {"jit": "off"}})

    async def _run_in_new_connection(
        self, query: str, args: Sequence[Any] | None = None
    ) -> list[Any]:
        return await self.service.fetch(query, list(args or []))


_POOLED: dict[str, _PooledEngine] = {}


def pooled_postgres_engine(url: str) -> PostgresEngine:
    """The test process's pooled engine for ``url`` (see :class:`_PooledEngine`)."""
    if url not in _POOLED:
        _POOLED[url] = _PooledEngine(url)
    return _POOLED[url]


async def fresh_database(backend: str, folder: Path, sqlite_template: Path, pg_url: str) -> str:
    """Bind every table to an empty, migrated database of ``backend``; return its URL.

    No connection pool: the app under test runs in its own event loop, and a pool cannot
    cross loops; without one each query opens its own connection.
    """
    if backend == "sqlite":
        copy_sqlite(sqlite_template, folder / "tracker.db")
        url = f"sqlite:///{folder / 'tracker.db'}"
        db.bind(db.make_engine(url))
    else:
        url = pg_url
        db.bind(pooled_postgres_engine(url))
        await _truncate_postgres()
    return url


@pytest.fixture(params=BACKENDS)
async def database(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path, postgres_ready: str
) -> str:
    """A fresh, migrated database bound to every table; its URL."""
    return await fresh_database(request.param, tmp_path, sqlite_template, postgres_ready)


@pytest.fixture
def now() -> dt.datetime:
    return dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)


SEED_NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=TZ)


@pytest.fixture(scope="session")
async def seeded_sqlite_template(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> Path:
    """A SQLite file holding the whole seed set, copied for each test that writes."""
    folder = tmp_path_factory.mktemp("seeded-template")
    url = await fresh_database("sqlite", folder, sqlite_template, "")
    await _load_seed_set(make_settings(folder, database_url=url))
    return folder / "tracker.db"


async def _load_seed_set(settings: Settings) -> None:
    from tracker.seeds import load_seeds, read_seed_set

    await load_seeds(read_seed_set(settings.seeds_dir), settings, SEED_NOW)


@pytest.fixture(scope="session")
async def postgres_seeded(postgres_ready: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The PostgreSQL test database's URL, with the seeded state kept as a snapshot that
    :func:`seeded_database` puts back ("" when PostgreSQL is not configured)."""
    if postgres_ready and "seeded" not in _PG_SNAPSHOTS:
        await fresh_database("postgres", Path(), Path(), postgres_ready)
        folder = tmp_path_factory.mktemp("postgres-seeded")
        await _load_seed_set(make_settings(folder, database_url=postgres_ready))
        _PG_SNAPSHOTS["seeded"] = await PostgresSnapshot.take("seeded")
    return postgres_ready


async def seeded_database(
    backend: str, data_dir: Path, seeded_sqlite_template: Path, postgres_seeded: str
) -> str:
    """Bind every table to a database of ``backend`` holding the whole seed set, of its
    own (a copy of the seeded SQLite file, or the PostgreSQL test database put back to
    its seeded snapshot); return its URL."""
    if backend == "sqlite":
        copy_sqlite(seeded_sqlite_template, data_dir / "tracker.db")
        url = f"sqlite:///{data_dir / 'tracker.db'}"
        db.bind(db.make_engine(url))
        return url
    db.bind(pooled_postgres_engine(postgres_seeded))
    snapshot = _PG_SNAPSHOTS.get("seeded")
    if snapshot is not None:
        await snapshot.restore()
    else:
        await _truncate_postgres()
        await _load_seed_set(make_settings(data_dir, database_url=postgres_seeded))
    return postgres_seeded


@pytest.fixture(scope="module", params=BACKENDS)
async def seeded(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    seeded_sqlite_template: Path,
    postgres_seeded: str,
) -> Settings:
    """A database holding the whole seed set, shared by the tests of one module (which
    must only read it). Yields settings whose database URL points at it."""
    data_dir = tmp_path_factory.mktemp("seeded")
    url = await seeded_database(request.param, data_dir, seeded_sqlite_template, postgres_seeded)
    return make_settings(data_dir, database_url=url)


@pytest.fixture(params=BACKENDS)
async def seeded_rw(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    seeded_sqlite_template: Path,
    postgres_seeded: str,
) -> Settings:
    """A seeded database of its own for a test that writes (reminders, events, outbox):
    a copy of the seeded SQLite file, or PostgreSQL put back to its seeded snapshot."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    url = await seeded_database(request.param, data_dir, seeded_sqlite_template, postgres_seeded)
    return make_settings(data_dir, database_url=url)
