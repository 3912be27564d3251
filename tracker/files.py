"""Files the service writes hold what nobody else on the host should read: the database,
the queue, the session key, the demo passwords, the mails. Each is created private
(0600, its folder 0700) from its first byte, never created readable and narrowed later:
a reader that opens it in between keeps what it read.

Every process of the service sets :data:`UMASK` at start (:func:`restrict_umask`; the
command line does it once for ``serve``, ``worker`` and every other command), so what a
library creates on its own (SQLite's ``-wal`` and ``-shm`` files, Huey's queue) is
private too; the helpers here ask for the mode explicitly as well, so they hold in any
process.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

__all__ = [
    "PRIVATE_DIR",
    "PRIVATE_FILE",
    "UMASK",
    "create_private",
    "private_dir",
    "restrict_umask",
    "tighten",
    "touch_private",
    "write_private",
]

UMASK = 0o077
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def restrict_umask() -> None:
    """From now on this process (and what it starts) creates files 0600, folders 0700."""
    os.umask(UMASK)


def private_dir(path: Path) -> Path:
    """``path`` as a folder only its owner may enter; made so when it is new."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    return path


def _new_file(path: Path) -> int:
    return os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    """A private file beside the target holding ``data``, written and synced."""
    temp = folder / f".{name}.{secrets.token_hex(6)}.tmp"
    fd = _new_file(temp)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def create_private(path: Path, data: bytes) -> bool:
    """Create ``path`` holding ``data``, private, unless it exists: True when this call
    made it. The file appears whole or not at all (written aside, then linked), so a
    process racing to create the same file reads either nothing or all of it."""
    private_dir(path.parent)
    temp = _write_temp(path.parent, path.name, data)
    try:
        os.link(temp, path)
    except FileExistsError:
        return False
    except OSError:
        # No hard links here (some network file systems): create it exclusively instead.
        try:
            fd = _new_file(path)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    finally:
        temp.unlink(missing_ok=True)
    return True


def write_private(path: Path, data: bytes) -> None:
    """Write ``path`` whole, private, replacing what was there (atomically)."""
    private_dir(path.parent)
    temp = _write_temp(path.parent, path.name, data)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def touch_private(path: Path) -> None:
    """Make ``path`` an empty private file unless it exists (a SQLite database or queue
    file, before the library opens it and would create it with its own mode)."""
    private_dir(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(_new_file(path))


def tighten(folder: Path) -> None:
    """Narrow what an older version left readable: ``folder`` 0700 and the files in it
    (and in its sub-folders, such as ``mail/``) 0600. New files never need this."""
    if not folder.is_dir():
        return
    for path in [folder, *folder.rglob("*")]:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            continue
        wanted = PRIVATE_DIR if stat.S_ISDIR(mode) else PRIVATE_FILE
        if stat.S_IMODE(mode) & ~wanted:
            path.chmod(stat.S_IMODE(mode) & wanted)
