"""Shared fixtures: settings in a temporary data directory, and real databases.

Every database test runs on a SQLite file, and also on PostgreSQL when
TRACKER_TEST_DATABASE_URL is set (``.ci/run`` sets it). A PostgreSQL that is
configured but unreachable makes those tests fail, never skip.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from tracker import db
from tracker.config import PROJECT_DIR, Settings, load_settings
from tracker.schedule.calendars import load_work_calendar
from tracker.schedule.workdays import WorkCalendar

TZ = dt.timezone(dt.timedelta(hours=7))
SHARED_SEEDS = Path(
    os.environ.get("TRACKER_TEST_SHARED_SEEDS") or PROJECT_DIR.parent / "shared" / "seeds"
)
PG_URL = os.environ.get("TRACKER_TEST_DATABASE_URL", "")
QUEUE_URL = os.environ.get("TRACKER_TEST_QUEUE_URL", "")

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
                   "test_delivery.py", "/browser/")  # fmt: skip


def _runs_again(item: pytest.Item) -> bool:
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


@pytest.fixture(scope="session")
async def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file; each test gets a copy, which is much faster than migrating."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db.bind(db.make_engine(f"sqlite:///{path}"))
    await db.migrate()
    return path


@pytest.fixture(scope="session")
async def postgres_ready() -> str:
    """Reset the test database's schema once and migrate it ("" when not configured)."""
    if not PG_URL:
        return ""
    engine = db.bind(db.make_engine(PG_URL))
    await engine._run_in_new_connection("DROP SCHEMA IF EXISTS public CASCADE")
    await engine._run_in_new_connection("CREATE SCHEMA public")
    await db.migrate()
    return PG_URL


async def _truncate_postgres() -> None:
    names = [t._meta.tablename for t in db.all_tables() if t._meta.tablename != "migration"]
    engine = db.bound_engine()
    assert engine is not None
    quoted = ", ".join(f'"{n}"' for n in names)
    await engine._run_in_new_connection(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")


async def fresh_database(backend: str, folder: Path, sqlite_template: Path, pg_url: str) -> str:
    """Bind every table to an empty, migrated database of ``backend``; return its URL.

    No connection pool: the app under test runs in its own event loop, and a pool cannot
    cross loops; without one each query opens its own connection.
    """
    if backend == "sqlite":
        shutil.copy(sqlite_template, folder / "tracker.db")
        url = f"sqlite:///{folder / 'tracker.db'}"
        db.bind(db.make_engine(url))
    else:
        url = pg_url
        db.bind(db.make_engine(url))
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


@pytest.fixture(scope="module", params=BACKENDS)
async def seeded(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    sqlite_template: Path,
    postgres_ready: str,
) -> Settings:
    """A database holding the whole seed set, shared by the tests of one module (which
    must only read it). Yields settings whose database URL points at it."""
    from tracker.seeds import load_seeds, read_seed_set

    data_dir = tmp_path_factory.mktemp("seeded")
    url = await fresh_database(request.param, data_dir, sqlite_template, postgres_ready)
    settings = make_settings(data_dir, database_url=url)
    await load_seeds(read_seed_set(settings.seeds_dir), settings, SEED_NOW)
    return settings


@pytest.fixture(scope="session")
async def seeded_sqlite_template(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> Path:
    """A SQLite file holding the whole seed set, copied for each test that writes."""
    from tracker.seeds import load_seeds, read_seed_set

    folder = tmp_path_factory.mktemp("seeded-template")
    url = await fresh_database("sqlite", folder, sqlite_template, "")
    settings = make_settings(folder, database_url=url)
    await load_seeds(read_seed_set(settings.seeds_dir), settings, SEED_NOW)
    return folder / "tracker.db"


@pytest.fixture(params=BACKENDS)
async def seeded_rw(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    seeded_sqlite_template: Path,
    postgres_ready: str,
) -> Settings:
    """A seeded database of its own for a test that writes (reminders, events, outbox):
    a copy of the seeded SQLite file, or PostgreSQL emptied and seeded again."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    if request.param == "sqlite":
        shutil.copy(seeded_sqlite_template, data_dir / "tracker.db")
        url = f"sqlite:///{data_dir / 'tracker.db'}"
        db.bind(db.make_engine(url))
        return make_settings(data_dir, database_url=url)
    from tracker.seeds import load_seeds, read_seed_set

    url = await fresh_database("postgres", data_dir, seeded_sqlite_template, postgres_ready)
    settings = make_settings(data_dir, database_url=url)
    await load_seeds(read_seed_set(settings.seeds_dir), settings, SEED_NOW)
    return settings
