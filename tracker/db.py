"""Choosing the database engine (SQLite or PostgreSQL), binding tables to it, migrating.

Every table of every app is bound to one engine object at a time, so tests can
switch between a SQLite file and PostgreSQL without touching import-time state.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import io
import logging
import queue
import re
import sqlite3
import sys
import threading
import weakref
from collections.abc import AsyncIterator, Callable, Collection, Iterable, Iterator, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from piccolo.apps.migrations.commands.forwards import run_forwards
from piccolo.apps.migrations.tables import Migration
from piccolo.columns import JSON, Column
from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine, TransactionType, dict_factory
from piccolo.table import Table
from piccolo.utils.encoding import dump_json

from tracker import piccolo_conf
from tracker.errors import ConfigError
from tracker.files import touch_private

# The largest row id either engine can hold: Piccolo's Serial is a 32-bit SERIAL on
# PostgreSQL (SQLite's rowid is 64-bit). A larger number names no row, and would not even
# reach the database: asyncpg refuses it for an int4 column, SQLite past int64.
MAX_ID = 2**31 - 1


def is_id(value: int) -> bool:
    """Whether ``value`` could be a row's id: from 1 to :data:`MAX_ID`."""
    return 1 <= value <= MAX_ID


def id_from_text(text: str) -> int | None:
    """The id ``text`` spells in ASCII digits (``"42"``), or None (also past
    :data:`MAX_ID`): ``str.isdigit`` also takes "³" and "٣", which ``int`` refuses or
    reads as another number."""
    if not text or not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if is_id(value) else None


__all__ = [
    "BULK_ROWS",
    "MAX_ID",
    "all_tables",
    "analyze",
    "bind",
    "bound_engine",
    "bulk_load",
    "close",
    "id_from_text",
    "insert_rows",
    "is_id",
    "is_postgres",
    "make_engine",
    "migrate",
    "open_pool",
    "sorting_read",
    "write_transaction",
]

logger = logging.getLogger(__name__)

_engine: Engine[Any] | None = None


def make_engine(url: str) -> Engine[Any]:
    """An engine for ``sqlite:///relative/path``, ``sqlite:////abs/path`` or ``postgresql://…``."""
    scheme = urlsplit(url).scheme.lower()
    if scheme == "sqlite":
        path = url.split("://", 1)[1]
        path = path.removeprefix("/")
        if not path:
            raise ConfigError(f"Địa chỉ SQLite '{url}' không chỉ ra tệp nào.")
        # Private from its first byte (SQLite would create it 0644 under a lax umask);
        # its -wal and -shm files take the database file's mode.
        touch_private(Path(path))
        # Writers wait for each other instead of failing with "database is locked".
        return KeptSQLiteEngine(path=path, timeout=30)
    if scheme in ("postgres", "postgresql"):
        # No JIT: every query here is short, and compiling one (a second for the country's
        # roll-up, whose estimated cost looks high) costs more than it would ever save.
        return PostgresEngine(config={"dsn": url, "server_settings": {"jit": "off"}})
    raise ConfigError(
        f"Địa chỉ cơ sở dữ liệu '{url}' không phải sqlite:/// hay postgresql://; "
        "hãy đặt TRACKER_DATABASE_URL theo một trong hai dạng đó."
    )


def _read_only_uri(path: str) -> str:
    """``path`` as an SQLite URI opening it read-only ("?", "#" and "%" escaped)."""
    return f"file:{quote(path)}?mode=ro"


# A statement that can only read: Piccolo's selects, counts and exists, and raw reads.
_READ = re.compile(r"\s*(?:SELECT|WITH)\s", re.IGNORECASE)


class _KeptReader:
    """Read-only connections to an SQLite file, kept open by threads of their own, that
    answer reads from any event loop: each statement whole (run and fetched in one step, in
    autocommit, so that it sees the last commit), by whichever thread is free, so that a
    long read does not hold up the small ones. A write sent here fails on the read-only
    connection before it changes anything."""

    THREADS = 4

    def __init__(self, kwargs: dict[str, Any]) -> None:
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        connect = {**kwargs, "database": _read_only_uri(str(kwargs["database"])), "uri": True}
        for _ in range(self.THREADS):
            threading.Thread(
                target=_KeptReader._work,
                args=(self._jobs, connect),
                daemon=True,
                name=f"tracker-sqlite-reader {kwargs['database']}",
            ).start()

    @staticmethod
    def _work(jobs: queue.SimpleQueue[Any], connect: dict[str, Any]) -> None:
        connection: sqlite3.Connection | None = None
        while (job := jobs.get()) is not None:
            future, sql, args = job
            try:
                if connection is None:
                    connection = sqlite3.connect(**connect)
                    connection.row_factory = dict_factory
                rows: Any = connection.execute(sql, args).fetchall()
                error: BaseException | None = None
            except BaseException as caught:  # handed to the caller, whatever it is
                rows, error = None, caught
            # The caller's loop may be closed by now (nobody waits): the thread lives on.
            with contextlib.suppress(RuntimeError):
                future.get_loop().call_soon_threadsafe(_settle, future, rows, error)
        if connection is not None:
            connection.close()

    async def read(self, sql: str, args: Sequence[Any]) -> list[dict[str, Any]]:
        future = asyncio.get_running_loop().create_future()
        self._jobs.put((future, sql, args))
        rows: list[dict[str, Any]] = await future
        return rows

    def close(self) -> None:
        for _ in range(self.THREADS):
            self._jobs.put(None)


def _settle(future: asyncio.Future[Any], rows: Any, error: BaseException | None) -> None:
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(rows)


class KeptSQLiteEngine(SQLiteEngine):
    """Piccolo's SQLite engine opens a new connection (and a thread) for every query made
    outside a transaction: 3 ms on a loaded machine, against 0.02 ms for a small read on a
    connection kept open, and most of a page's cost in the laptop mode. Here reads outside a
    transaction go to read-only connections the engine keeps (:class:`_KeptReader`);
    writes, and everything within a transaction, go Piccolo's way, so writers still wait for
    each other as before and a read never waits behind a write (WAL). A read the kept
    connections cannot answer (the file not made yet, an error) is asked Piccolo's way, which
    answers it or raises its own error."""

    def __init__(self, path: str, **kwargs: Any) -> None:
        super().__init__(path=path, **kwargs)
        self._kept: _KeptReader | None = None

    def _reader(self) -> _KeptReader | None:
        if self.path == ":memory:" or str(self.path).startswith("file:"):
            return None
        if self._kept is None:
            self._kept = _KeptReader(self.connection_kwargs)
            weakref.finalize(self, self._kept.close)
        return self._kept

    def close_reader(self) -> None:
        if self._kept is not None:
            self._kept.close()
            self._kept = None

    async def run_querystring(self, querystring: Any, in_pool: bool = False) -> Any:
        if self.current_transaction.get() is not None or self.log_queries or self.log_responses:
            return await super().run_querystring(querystring, in_pool)
        sql, args = querystring.compile_string(engine_type=self.engine_type)
        reader = self._reader() if _READ.match(sql) else None
        if reader is not None:
            with contextlib.suppress(sqlite3.Error):
                return await reader.read(sql, args)
        # Piccolo's way outside a transaction, with the statement already compiled.
        return await self._run_in_new_connection(
            query=sql, args=args, query_type=querystring.query_type, table=querystring.table
        )


def all_tables() -> list[type[Table]]:
    """Every table of every app, plus Piccolo's own migration table."""
    tables: list[type[Table]] = [Migration]
    for app in piccolo_conf.APP_REGISTRY.app_configs.values():
        tables.extend(app.table_classes)
    return tables


def bind(engine: Engine[Any]) -> Engine[Any]:
    """Point every table, and Piccolo's migration runner, at ``engine``."""
    global _engine
    _engine = engine
    for table in all_tables():
        table._meta.db = engine
    # Piccolo's migration runner imports "piccolo_conf" by name; ours answers it.
    sys.modules.setdefault("piccolo_conf", piccolo_conf)
    return engine


def bound_engine() -> Engine[Any] | None:
    return _engine


def _engine_or_fail() -> Engine[Any]:
    if _engine is None:
        raise RuntimeError("No database engine is bound; call tracker.db.bind() first.")
    return _engine


def is_postgres() -> bool:
    return isinstance(_engine_or_fail(), PostgresEngine)


# The sort memory a large roll-up gets on PostgreSQL (the server's default, 4 MB, sends the
# country's GROUP BY by lead unit to disk: 26 MB of temporary files).
SORT_MEMORY = "64MB"


async def sorting_read(table: type[Table], sql: str, *values: Any) -> list[dict[str, Any]]:
    """A read that groups or sorts many rows. On PostgreSQL it runs in a transaction of
    its own with, for that transaction alone (SET LOCAL: the pool's connections keep the
    server's settings), ``work_mem`` raised so its sort stays in memory, and a plan made
    for its own values every time: asyncpg prepares each statement, and after five runs
    on a connection PostgreSQL may switch to a generic plan, which for the country's roll-up
    by lead unit took 1.0 s instead of 0.56 s. On SQLite it is a plain read."""
    if not is_postgres():
        return list(await table.raw(sql, *values))
    async with _engine_or_fail().transaction():
        # Both in one round trip (set_config's third argument makes them local).
        await table.raw(
            "SELECT set_config('work_mem', {}, true), "
            "set_config('plan_cache_mode', 'force_custom_plan', true)",
            SORT_MEMORY,
        )
        return list(await table.raw(sql, *values))


CHUNK = 500  # the most values one ``IN (…)`` carries


async def rows_in(
    query: Callable[[], Any], column: Any, values: Collection[Any] | None
) -> list[dict[str, Any]]:
    """The rows of a fresh ``query()`` whose ``column`` is among ``values`` (all of them
    when None), asked in chunks so that no statement carries thousands of parameters.
    ``query`` is a factory because a Piccolo query keeps the clauses added to it."""
    if values is None:
        return list(await query())
    ordered = sorted(values)
    out: list[dict[str, Any]] = []
    for start in range(0, len(ordered), CHUNK):
        out.extend(await query().where(column.is_in(ordered[start : start + CHUNK])))
    return out


def write_transaction() -> Any:
    """A transaction for a write that reads first: IMMEDIATE on SQLite, so that
    concurrent writers queue instead of failing with "database is locked"."""
    engine = _engine_or_fail()
    if isinstance(engine, SQLiteEngine):
        return engine.transaction(transaction_type=TransactionType.immediate)
    return engine.transaction()


# Rows per INSERT of a bulk write: SQLite allows 32,766 values per statement, and a few
# hundred rows make one round trip to PostgreSQL instead of hundreds.
BULK_ROWS = 200


async def insert_rows(table: type[Table], rows: Sequence[Table]) -> None:
    """Insert ``rows`` of ``table`` in bulk. Inside a transaction: COPY on PostgreSQL
    (asyncpg's binary copy: one round trip, no SQL built per value), one prepared INSERT
    run for every row on SQLite (executemany); otherwise many rows per INSERT statement.
    Within :func:`bulk_load`, the table is noted for its ANALYZE."""
    if not rows:
        return
    engine = _engine_or_fail()
    filled = _filled.get()
    if filled is not None:
        filled.add(table._meta.tablename)
    transaction = engine.current_transaction.get()
    if transaction is None:
        for start in range(0, len(rows), BULK_ROWS):
            await table.insert(*rows[start : start + BULK_ROWS])
        return
    columns = [c for c in table._meta.columns if c is not table._meta.primary_key]
    names = [c._meta.db_column_name for c in columns]
    records = [tuple(_copy_value(c, getattr(row, c._meta.name)) for c in columns) for row in rows]
    if isinstance(engine, PostgresEngine):
        await transaction.connection.copy_records_to_table(
            table._meta.tablename, columns=names, records=records
        )
        return
    quoted = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    await transaction.connection.executemany(
        f'INSERT INTO "{table._meta.tablename}" ({quoted}) VALUES ({marks})', records
    )


# The tables :func:`insert_rows` filled within the current :func:`bulk_load` (None outside).
_filled: ContextVar[set[str] | None] = ContextVar("tracker_db_filled", default=None)


@contextlib.asynccontextmanager
async def bulk_load(*also: type[Table]) -> AsyncIterator[set[str]]:
    """A bulk load: the tables :func:`insert_rows` fills within it, and ``also`` (those
    it fills another way, such as the audit log), are analyzed when it ends
    (:func:`analyze`), as PostgreSQL's manual advises after one. Without it the planner
    keeps believing a table that grew from a hundred rows to a hundred thousand holds a
    hundred, and picks nested loops over all of them. Nested, only the outermost
    analyzes. It yields the names of the tables filled so far, for a loader that needs
    fresh statistics midway (``await analyze(filled)``)."""
    outer = _filled.get()
    if outer is not None:
        outer.update(t._meta.tablename for t in also)
        yield outer
        return
    filled = {t._meta.tablename for t in also}
    token = _filled.set(filled)
    try:
        yield filled
    finally:
        _filled.reset(token)
    await analyze(filled)


async def analyze(
    tables: Iterable[type[Table] | str] | None = None, *, vacuum: bool = False
) -> None:
    """Fresh planner statistics for ``tables`` (classes or names; every table when None):
    ``ANALYZE "a", "b"`` on PostgreSQL, ``ANALYZE "a"`` for each on SQLite (into
    ``sqlite_stat1``). ``vacuum``: VACUUM ANALYZE on PostgreSQL, which also brings the
    visibility map up to date for index-only scans (it cannot run inside a transaction);
    SQLite has no such map and only analyzes."""
    engine = _engine_or_fail()
    names = None
    if tables is not None:
        names = sorted({t if isinstance(t, str) else t._meta.tablename for t in tables})
        if not names:
            return
    quoted = [f'"{n}"' for n in names] if names is not None else []
    if isinstance(engine, PostgresEngine):
        verb = "VACUUM ANALYZE" if vacuum else "ANALYZE"
        await engine.run_ddl(f"{verb} {', '.join(quoted)}".strip())
        return
    for sql in [f"ANALYZE {q}" for q in quoted] or ["ANALYZE"]:
        await engine.run_ddl(sql)


def _copy_value(column: Column, value: Any) -> Any:
    """A row's value as COPY or a prepared INSERT takes it: JSON as its text, a row as
    its id, an enum's value (SQLite's adapters, which Piccolo registers, do the rest)."""
    if isinstance(column, JSON):
        return value if isinstance(value, str) else dump_json(value)
    if isinstance(value, Table):
        return value._meta.primary_key.value_type(
            getattr(value, value._meta.primary_key._meta.name)
        )
    if isinstance(value, enum.Enum):
        return value.value
    return value


@contextlib.contextmanager
def _piccolo_output_to_log() -> Iterator[None]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        yield
    for line in buffer.getvalue().splitlines():
        if line.strip():
            logger.debug("migrate: %s", line.strip())


async def migrate() -> None:
    """Bring the schema up to date: every app's migrations, in dependency order."""
    engine = _engine_or_fail()
    if isinstance(engine, SQLiteEngine):
        # WAL lets readers work while one writer writes; it is stored in the file.
        await engine._run_in_new_connection("PRAGMA journal_mode=WAL")
    with _piccolo_output_to_log():
        result = await run_forwards(app_name="all")
    if not result.success:
        raise ConfigError(f"Cập nhật cấu trúc cơ sở dữ liệu thất bại: {result.message}")


async def open_pool(size: int = 10) -> None:
    """On PostgreSQL, a pool of at most ``size`` connections (TRACKER_DATABASE_POOL), one
    kept open when idle: every web process and worker holds its own, and the server's
    ``max_connections`` (100 by default) is shared by them all."""
    engine = _engine_or_fail()
    if isinstance(engine, PostgresEngine):
        await engine.start_connection_pool(min_size=1, max_size=size)


async def close() -> None:
    engine = _engine
    if isinstance(engine, PostgresEngine):
        await engine.close_connection_pool()
    elif isinstance(engine, KeptSQLiteEngine):
        engine.close_reader()
