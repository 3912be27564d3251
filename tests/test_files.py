"""What the service writes is private from its first byte (finding 8 of issue 14): the
data directory 0700, every file in it 0600 (database, queue, session key, demo
passwords, mails), even in a process whose umask would make them readable; and a short
``TRACKER_SECRET_KEY``, with which a session for anyone could be forged, is refused."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tracker import db
from tracker.cli.data import migrate_and_seed
from tracker.config import MIN_SECRET_KEY_BYTES, Settings, load_settings
from tracker.errors import ConfigError
from tracker.files import create_private, tighten
from tracker.notify.channels import DeliveryError, build_email, send_emails
from tracker.org.auth import load_or_create_secret
from tracker.queue import make_storage


@pytest.fixture
def lax_umask() -> Iterator[None]:
    """The umask most shells give (files 0644, folders 0755): the helpers must not rely
    on the process having narrowed it."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def modes(folder: Path) -> dict[str, int]:
    return {
        str(p.relative_to(folder.parent)): stat.S_IMODE(p.stat().st_mode)
        for p in [folder, *folder.rglob("*")]
    }


def assert_private(folder: Path) -> None:
    for name, mode in modes(folder).items():
        wanted = 0o700 if (folder.parent / name).is_dir() else 0o600
        assert mode == wanted, f"{name} is {oct(mode)}, not {oct(wanted)}"


async def _write_eml(settings: Settings) -> None:
    message = build_email(
        sender=settings.mail_from, to="long.nh@daison.example.vn", subject="Nhắc việc",
        text="nội dung", html="", msg_id="<thu@theodoi.example.vn>",
        date=dt.datetime(2026, 4, 8, 15, tzinfo=dt.UTC),
    )  # fmt: skip
    results: list[DeliveryError | None] = []

    async def on_result(index: int, error: DeliveryError | None) -> None:
        results.append(error)

    await send_emails(settings.with_changes(smtp_host=""), [message], on_result)
    assert results == [None]


async def test_a_demo_start_leaves_the_data_directory_and_every_file_in_it_private(
    tmp_path: Path, lax_umask: None
) -> None:
    """What ``serve --demo`` does before serving (migrate, seed with demo passwords, the
    session key, the queue), then a mail written as an .eml file."""
    settings = make_settings(tmp_path / "data")
    db.bind(db.make_engine(settings.effective_database_url))
    try:
        await migrate_and_seed(settings, demo_passwords=True)
    finally:
        await db.close()
    load_or_create_secret(settings.secret_key, settings.data_dir)
    queue = make_storage(settings.effective_queue_url)
    queue.enqueue(b"a task")
    await _write_eml(settings)

    found = modes(settings.data_dir)
    for name in ("tracker.db", "queue.db", "secret.key", "demo-passwords.txt", "mail"):
        assert f"data/{name}" in found, sorted(found)
    assert len(list((settings.data_dir / "mail").glob("*.eml"))) == 1
    assert_private(settings.data_dir)


def test_a_file_is_never_readable_even_for_a_moment(tmp_path: Path, lax_umask: None) -> None:
    """Created whole and private, or not at all: a second creator leaves the first's."""
    path = tmp_path / "data" / "secret.key"
    assert create_private(path, b"first")
    assert not create_private(path, b"second")
    assert path.read_bytes() == b"first"
    assert_private(tmp_path / "data")
    assert [p.name for p in path.parent.iterdir()] == ["secret.key"]  # no temporary left


def test_what_an_older_version_left_readable_is_narrowed(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "mail").mkdir(parents=True)
    for name in ("tracker.db", "mail/a.eml"):
        (folder / name).write_bytes(b"x")
        (folder / name).chmod(0o644)
    folder.chmod(0o755)
    tighten(folder)
    assert_private(folder)


@pytest.mark.parametrize("key", ["changeme", "x" * (MIN_SECRET_KEY_BYTES - 1)])
def test_a_short_secret_key_is_refused_naming_the_setting(key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"TRACKER_SECRET_KEY": key})
    message = caught.value.message
    assert message.startswith(f"TRACKER_SECRET_KEY quá ngắn ({len(key)} byte)")
    assert f"ít nhất {MIN_SECRET_KEY_BYTES} byte" in message
    assert key not in message  # the key itself is never repeated


def test_a_long_enough_secret_key_or_none_is_accepted() -> None:
    assert load_settings(env={"TRACKER_SECRET_KEY": "k" * MIN_SECRET_KEY_BYTES}).secret_key
    assert load_settings(env={}).secret_key == ""


def test_the_command_line_will_not_start_with_a_short_secret_key(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(TRACKER_DATA_DIR=str(tmp_path / "data"), TRACKER_SECRET_KEY="changeme",
               COLUMNS="300")  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "db", "migrate"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "TRACKER_SECRET_KEY quá ngắn (8 byte)" in done.stderr
    assert not (tmp_path / "data").exists()  # refused before anything was written
