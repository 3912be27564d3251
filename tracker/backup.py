"""Backing the database up and restoring it: ``tracker db backup FILE`` and
``tracker db restore FILE [--force]``.

- SQLite: SQLite's online backup API (:meth:`sqlite3.Connection.backup`), page by page
  while the service keeps running; the copy is a SQLite file itself. Restoring copies the
  pages back the same way, in one step readers never see half of.
- PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean --single-transaction``,
  so a restore that fails changes nothing.

A restore refuses a database that holds any row of ours unless told ``force``.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tracker import db
from tracker.errors import TrackerError

__all__ = ["BackupError", "backup", "is_empty", "pg_versions", "restore"]

SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables a freshly migrated, empty database already has rows in: its bookkeeping.
BOOKKEEPING = {"migration", "data_version"}
PGDUMP_MAGIC = b"PGDMP"


class BackupError(TrackerError):
    """A backup or restore that cannot be done, said in a sentence."""


def _sqlite_path(url: str) -> Path | None:
    if urlsplit(url).scheme.lower() != "sqlite":
        return None
    return Path(url.split("://", 1)[1].removeprefix("/"))


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"Không tìm thấy chương trình {name} (gói postgresql-client); hãy cài nó để sao "
            "lưu hoặc phục hồi cơ sở dữ liệu PostgreSQL."
        )
    return found


async def _our_tables() -> list[str]:
    """Our tables of data that exist in the bound database (none in a database never
    migrated)."""
    names = [t._meta.tablename for t in db.all_tables() if t._meta.tablename not in BOOKKEEPING]
    if db.is_postgres():
        query = (
            "SELECT table_name AS name FROM information_schema.tables "
            "WHERE table_schema = current_schema()"
        )
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'table'"
    table = db.all_tables()[0]
    present = {row["name"] for row in await table.raw(query)}
    return [name for name in names if name in present]


async def is_empty() -> bool:
    """Whether the bound database holds no data of ours (its schema may be there, with the
    rows migrating writes)."""
    table = db.all_tables()[0]
    for name in await _our_tables():
        if await table.raw(f'SELECT 1 AS found FROM "{name}" LIMIT 1'):
            return False
    return True


def _check_file(path: Path, magic: bytes, what: str) -> None:
    if not path.is_file():
        raise BackupError(f"Không có tệp sao lưu '{path}'.")
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if head.startswith(magic):
        return
    if head.startswith(SQLITE_MAGIC):
        found = "một bản sao lưu SQLite"
    elif head.startswith(PGDUMP_MAGIC):
        found = "một bản sao lưu PostgreSQL (pg_dump)"
    else:
        raise BackupError(f"Tệp '{path}' không phải bản sao lưu của tracker (cần {what}).")
    raise BackupError(f"Tệp '{path}' là {found}, không dùng được: cần {what}.")


def shown(url: str) -> str:
    """The database's address without its password, to name it in a message."""
    return _without_passwords(url)


def backup(url: str, target: Path, *, force: bool = False, now: dt.datetime | None = None) -> Path:
    """Write a backup of the database at ``url`` to ``target``, or, when ``target`` is a
    folder, to a file named after the moment in it (``tracker-20260408-150000.db``, or
    ``.dump`` on PostgreSQL: what a nightly timer wants); the path written."""
    if target.is_dir():
        stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%d-%H%M%S")
        suffix = ".db" if _sqlite_path(url) is not None else ".dump"
        target = target / f"tracker-{stamp}{suffix}"
    if target.exists() and not force:
        raise BackupError(f"Tệp '{target}' đã có; hãy chọn tên khác hoặc thêm --force để ghi đè.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    path = _sqlite_path(url)
    try:
        if path is not None:
            _sqlite_backup(path, partial)
        else:
            _run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                  f"--file={partial}", f"--dbname={url}"], "pg_dump")  # fmt: skip
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)  # whole or not at all
    return target


def _sqlite_backup(path: Path, partial: Path) -> None:
    if not path.is_file():
        raise BackupError(f"Không có cơ sở dữ liệu SQLite '{path}' để sao lưu.")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            # One file, with no -wal beside it: the copy is read as it is.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    finally:
        source.close()


def restore(url: str, source: Path, *, force: bool = False) -> None:
    """Replace the database at ``url`` with the backup in ``source``; refuses a database
    holding rows of ours unless ``force``."""
    path = _sqlite_path(url)
    if path is not None:
        _check_file(source, SQLITE_MAGIC, "một bản sao lưu SQLite")
        _check_sqlite_backup(source)
    else:
        _check_file(source, PGDUMP_MAGIC, "một bản sao lưu PostgreSQL (pg_dump)")
        _run([_pg_tool("pg_restore"), "--list", str(source)], "pg_restore", source=source)
    if not force and not _run_async(url, is_empty):
        raise BackupError(
            f"Cơ sở dữ liệu đích {shown(url)} đang có dữ liệu; phục hồi sẽ ghi đè tất cả. "
            "Nếu chắc chắn, hãy chạy lại với --force."
        )
    if path is not None:
        _sqlite_restore(source, path)
    else:
        _run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
              "--single-transaction", f"--dbname={url}", str(source)], "pg_restore")  # fmt: skip


def _check_sqlite_backup(source: Path) -> None:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as conn:
            status = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Tệp sao lưu '{source}' hỏng, không đọc được: {exc}.") from exc
    if status != "ok":
        raise BackupError(f"Tệp sao lưu '{source}' hỏng: {status}.")
    if "migration" not in tables or "plan" not in tables:
        raise BackupError(f"Tệp '{source}' là cơ sở dữ liệu SQLite nhưng không phải của tracker.")


def _sqlite_restore(source: Path, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as backup_db:
        target = sqlite3.connect(path, timeout=30)
        try:
            backup_db.backup(target)
            target.execute("PRAGMA journal_mode=WAL")  # as the service keeps it
        finally:
            target.close()


def _run_async(url: str, work: Any) -> Any:
    async def main() -> Any:
        db.bind(db.make_engine(url))  # no pool: each query opens its own connection
        return await work()

    return asyncio.run(main())


def _run(command: list[str], tool: str, *, source: Path | None = None) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = _without_passwords(result.stderr.strip())
        if source is not None:
            raise BackupError(f"Tệp '{source}' không đọc được bằng {tool}: {detail}")
        raise BackupError(f"{tool} thất bại: {detail}")
    return result.stdout


def _without_passwords(text: str) -> str:
    return re.sub(r"(://[^:/@\s]*:)[^@\s]+@", r"\1***@", text)


def pg_versions(url: str) -> tuple[str, str]:
    """The versions of pg_dump and of the server, to say when their major versions differ
    (pg_dump refuses a newer server; pg_restore of an older pg_dump's file works)."""
    client = _run([_pg_tool("pg_dump"), "--version"], "pg_dump")
    table = db.all_tables()[0]

    async def server() -> str:
        rows = await table.raw("SHOW server_version")
        return str(rows[0]["server_version"])

    return _version(client), _version(str(_run_async(url, server)))


def _version(text: str) -> str:
    found = re.search(r"\d+(?:\.\d+)?", text)
    return found.group(0) if found else text.strip()
