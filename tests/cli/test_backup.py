"""``tracker db backup`` and ``tracker db restore``, run as the command itself, on
SQLite (the online backup API) and PostgreSQL (pg_dump/pg_restore): a round trip leaves
the same plans and deadlines and a person who can still sign in; a database holding data
is only overwritten with --force; bad input is named in the error."""

from __future__ import annotations

import re
import sqlite3
import subprocess
from pathlib import Path

from litestar.testing import AsyncTestClient

from tests.conftest import fresh_database
from tests.forms import sign_in
from tests.notify.test_feeds import _cli as run_tracker
from tracker.app import create_app
from tracker.config import Settings
from tracker.deadlines.tables import Occurrence
from tracker.org.auth import set_password
from tracker.plans.tables import Plan

OFFICER = "hoa.tt@daison.example.vn"
PASSWORD = "mat-khau-sao-luu"


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """The command's run, its error output on one line (the console wraps long lines)."""
    done = run_tracker(settings, *args)
    done.stderr = " ".join(done.stderr.split())
    return done


async def _counts() -> tuple[int, int]:
    return await Plan.count(), await Occurrence.count()


async def _signs_in(settings: Settings) -> bool:
    app = create_app(settings, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        client.follow_redirects = False
        response = await sign_in(client, OFFICER, PASSWORD)
    return response.status_code in (302, 303) and "tracker_session" in response.cookies


async def test_a_backup_restores_the_same_data_and_refuses_to_overwrite_without_force(
    seeded_rw: Settings, tmp_path: Path, sqlite_template: Path, postgres_ready: str
) -> None:
    assert await set_password(OFFICER, PASSWORD)
    before = await _counts()
    assert before[0] > 0
    assert before[1] > 0
    postgres = seeded_rw.effective_database_url.startswith("postgresql")
    file = tmp_path / ("tracker.dump" if postgres else "tracker-backup.db")

    made = _cli(seeded_rw, "db", "backup", str(file))
    assert made.returncode == 0, made.stderr
    assert file.read_bytes()[:5] == (b"PGDMP" if postgres else b"SQLit")
    assert file.stat().st_mode & 0o077 == 0  # private, as the database is
    again = _cli(seeded_rw, "db", "backup", str(file))
    assert again.returncode == 1
    assert f"'{file}' đã có" in again.stderr
    # Into a folder (a nightly timer's way): a file named after the moment.
    folder = tmp_path / "nightly"
    folder.mkdir()
    nightly = _cli(seeded_rw, "db", "backup", str(folder))
    assert nightly.returncode == 0, nightly.stderr
    [written] = folder.iterdir()
    assert re.fullmatch(r"tracker-\d{8}-\d{6}\.(db|dump)", written.name)
    assert written.read_bytes()[:5] == file.read_bytes()[:5]

    # The database still holds its data: a restore would overwrite it.
    refused = _cli(seeded_rw, "db", "restore", str(file))
    assert refused.returncode == 1
    assert "đang có dữ liệu" in refused.stderr
    assert "--force" in refused.stderr

    # Data changed since the backup: --force brings the backup's back.
    plan = await Plan.select(Plan.id).first()
    assert plan is not None
    await Plan.delete().where(Plan.id == plan["id"])
    assert (await _counts())[0] == before[0] - 1
    forced = _cli(seeded_rw, "db", "restore", "--force", str(file))
    assert forced.returncode == 0, forced.stderr
    assert await _counts() == before
    assert await _signs_in(seeded_rw)

    # An empty database (a new host) takes it without --force.
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    url = await fresh_database(
        "postgres" if postgres else "sqlite", empty_dir, sqlite_template, postgres_ready
    )
    empty = seeded_rw.with_changes(database_url=url, data_dir=empty_dir)
    assert await _counts() == (0, 0)
    restored = _cli(empty, "db", "restore", str(file))
    assert restored.returncode == 0, restored.stderr
    assert await _counts() == before
    assert await _signs_in(empty)


async def test_bad_backup_files_are_named_in_the_error(seeded_rw: Settings, tmp_path: Path) -> None:
    postgres = seeded_rw.effective_database_url.startswith("postgresql")
    missing = tmp_path / "khong-co.dump"
    answer = _cli(seeded_rw, "db", "restore", "--force", str(missing))
    assert answer.returncode == 1
    assert f"Không có tệp sao lưu '{missing}'" in answer.stderr

    text = tmp_path / "ghi-chu.txt"
    text.write_text("không phải bản sao lưu", encoding="utf-8")
    answer = _cli(seeded_rw, "db", "restore", "--force", str(text))
    assert answer.returncode == 1
    assert f"Tệp '{text}' không phải bản sao lưu của tracker" in answer.stderr

    # A backup of the other kind of database is named as what it is.
    other = tmp_path / "khac.bak"
    if postgres:
        other.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
        expected = "là một bản sao lưu SQLite"
    else:
        other.write_bytes(b"PGDMP" + b"\x00" * 100)
        expected = "là một bản sao lưu PostgreSQL"
    answer = _cli(seeded_rw, "db", "restore", "--force", str(other))
    assert answer.returncode == 1
    assert f"Tệp '{other}' {expected}" in answer.stderr

    if not postgres:
        # A SQLite file that is not ours.
        foreign = tmp_path / "khac.db"
        with sqlite3.connect(foreign) as conn:
            conn.execute("CREATE TABLE t (x)")
        answer = _cli(seeded_rw, "db", "restore", "--force", str(foreign))
        assert answer.returncode == 1
        assert (
            f"Tệp '{foreign}' là cơ sở dữ liệu SQLite nhưng không phải của tracker" in answer.stderr
        )
    # Nothing was changed by any of these.
    assert await Plan.count() > 0
