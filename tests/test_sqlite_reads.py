"""The SQLite engine's kept read connections (``tracker.db.KeptSQLiteEngine``): reads outside a
transaction go to connections the engine keeps open, writes and transactions go Piccolo's way.
What a user could notice is tested here: every read sees the last commit, a write is never lost
or stuck behind a failed one, any event loop can read, odd file names work, and closing the
engine stops its threads."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from piccolo.engine.sqlite import SQLiteEngine

from tests.conftest import copy_sqlite
from tracker import db
from tracker.org.tables import Unit


async def _engine_at(path: Path, template: Path) -> db.KeptSQLiteEngine:
    copy_sqlite(template, path)
    engine = db.bind(db.make_engine(f"sqlite:///{path}"))
    assert isinstance(engine, db.KeptSQLiteEngine)
    return engine


@pytest.fixture
async def engine(tmp_path: Path, sqlite_template: Path) -> AsyncIterator[db.KeptSQLiteEngine]:
    kept = await _engine_at(tmp_path / "tracker.db", sqlite_template)
    yield kept
    await db.close()


def _unit(code: str) -> Unit:
    return Unit(code=code, name=f"Đơn vị {code}", kind="commune", path=f"/{code}/")


def _readers(path: Path) -> int:
    return sum(t.name == f"tracker-sqlite-reader {path}" for t in threading.enumerate())


async def test_a_read_sees_each_write_as_soon_as_it_is_committed(
    engine: db.KeptSQLiteEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    piccolos_way: list[str] = []
    usual = SQLiteEngine._run_in_new_connection

    async def noted(self: SQLiteEngine, query: str, *args: object, **kwargs: object) -> object:
        piccolos_way.append(query.split()[0].upper())
        return await usual(self, query, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SQLiteEngine, "_run_in_new_connection", noted)
    for number in range(30):
        await Unit.insert(_unit(f"u{number}"))
        assert await Unit.count() == number + 1
        await Unit.update(name=f"Tên {number}").where(Unit.code == f"u{number}")
        row = await Unit.select(Unit.name).where(Unit.code == f"u{number}").first()
        assert row == {"name": f"Tên {number}"}
    assert _readers(Path(engine.path)) == db._KeptReader.THREADS
    # Only the writes went Piccolo's way (a new connection each); every read was kept.
    assert piccolos_way == ["INSERT", "UPDATE"] * 30


async def test_reads_within_a_transaction_see_its_own_writes_and_others_do_not(
    engine: db.KeptSQLiteEngine,
) -> None:
    async with db.write_transaction():
        await Unit.insert(_unit("inside"))
        assert await Unit.exists().where(Unit.code == "inside")
        with contextlib.closing(sqlite3.connect(engine.path)) as other:
            assert other.execute("SELECT count(*) FROM unit").fetchone() == (0,)
    assert await Unit.exists().where(Unit.code == "inside")


async def test_a_failed_write_leaves_nothing_open_and_later_writes_land(
    engine: db.KeptSQLiteEngine,
) -> None:
    await Unit.insert(_unit("same"))
    with pytest.raises(sqlite3.IntegrityError):
        await Unit.insert(_unit("same"))  # the code is unique
    with pytest.raises(sqlite3.OperationalError, match="no such column"):
        await Unit.raw("SELECT nothing_here FROM unit")  # a read that fails, twice over
    await Unit.insert(_unit("after"))
    assert sorted(r["code"] for r in await Unit.select(Unit.code)) == ["after", "same"]


async def test_many_reads_and_writes_at_once_lose_nothing(engine: db.KeptSQLiteEngine) -> None:
    async def write(number: int) -> None:
        await Unit.insert(_unit(f"w{number}"))

    async def read() -> int:
        return await Unit.count()

    results = await asyncio.gather(*(write(n) if n % 2 else read() for n in range(200)))
    counts = [r for r in results if isinstance(r, int)]
    assert all(0 <= c <= 100 for c in counts)
    assert await Unit.count() == 100


async def test_a_statement_that_writes_behind_with_or_select_still_writes(
    engine: db.KeptSQLiteEngine,
) -> None:
    await Unit.raw(
        "WITH names(code) AS (VALUES ('cte')) INSERT INTO unit (code, name, kind, path, depth, "
        "position, aliases, note) SELECT code, 'CTE', 'commune', '/cte/', 0, 0, '[]', '' FROM names"
    )
    assert await Unit.select(Unit.name).where(Unit.code == "cte").first() == {"name": "CTE"}


def test_reads_from_other_event_loops_at_once(tmp_path: Path, sqlite_template: Path) -> None:
    """The served app and the test client, or a worker's threads, read from loops of their
    own; each gets its answer in its own loop."""

    async def setup() -> None:
        await _engine_at(tmp_path / "tracker.db", sqlite_template)
        await Unit.insert(*(_unit(f"t{n}") for n in range(7)))

    asyncio.run(setup())
    answers: list[int] = []
    errors: list[BaseException] = []

    def reader() -> None:
        async def many() -> None:
            for _ in range(50):
                answers.append(await Unit.count())

        try:
            asyncio.run(many())
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert answers == [7] * 200
    asyncio.run(db.close())


@pytest.mark.parametrize("name", ["a?b.db", "c#d.db", "e%20f.db", "dấu cách và ký tự.db"])
async def test_file_names_an_uri_would_misread(
    tmp_path: Path, sqlite_template: Path, name: str
) -> None:
    engine = await _engine_at(tmp_path / name, sqlite_template)
    await Unit.insert(_unit("x"))
    reader = engine._reader()
    assert reader is not None
    # Asked of the kept connections directly: no way round through Piccolo's.
    assert await reader.read("SELECT count(*) AS n FROM unit", []) == [{"n": 1}]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db") == [name]
    await db.close()


async def test_a_read_before_the_file_exists_is_answered_piccolos_way(tmp_path: Path) -> None:
    db.bind(db.make_engine(f"sqlite:///{tmp_path / 'new.db'}"))
    assert await Unit.raw("SELECT 41 + 1 AS answer") == [{"answer": 42}]
    await db.migrate()
    assert await Unit.count() == 0
    await db.close()


async def test_closing_the_engine_stops_its_reader_threads(
    tmp_path: Path, sqlite_template: Path
) -> None:
    path = tmp_path / "tracker.db"
    await _engine_at(path, sqlite_template)
    assert _readers(path) == 0  # started by the first read
    await Unit.count()
    assert _readers(path) == db._KeptReader.THREADS
    await db.close()
    for _ in range(100):
        if _readers(path) == 0:
            break
        await asyncio.sleep(0.02)
    assert _readers(path) == 0


def test_the_engine_is_piccolos_sqlite_engine_for_everything_else(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    assert isinstance(engine, SQLiteEngine)
    assert engine.connection_kwargs["timeout"] == 30
