"""What every command shares: the consoles, the settings the group read, running the
async part of a command against the database, the clock, and failing with a sentence."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import sys
from collections.abc import Awaitable, Callable
from typing import NoReturn, TypeVar

import click
from rich.console import Console

from tracker import db
from tracker.config import Settings
from tracker.errors import TrackerError

__all__ = [
    "console",
    "current_time",
    "err_console",
    "fail",
    "logger",
    "moment",
    "run",
    "settings_of",
]

console = Console()
err_console = Console(stderr=True)
# One logger for every command module: its name is part of the log lines people read.
logger = logging.getLogger("tracker.cli")

T = TypeVar("T")


def settings_of(ctx: click.Context) -> Settings:
    """The settings ``tracker`` read once, before any command ran."""
    settings: Settings = ctx.obj["settings"]
    return settings


def fail(message: str, code: int = 1) -> NoReturn:
    err_console.print(f"[red]Lỗi:[/red] {message}")
    sys.exit(code)


def run(settings: Settings, work: Callable[[], Awaitable[T]]) -> T:
    """Bind the database, run ``work``, close: the async part of a command."""

    async def main() -> T:
        db.bind(db.make_engine(settings.effective_database_url))
        await db.open_pool(settings.database_pool)
        try:
            return await work()
        finally:
            await db.close()

    try:
        return asyncio.run(main())
    except TrackerError as exc:
        fail(exc.message)


def current_time(settings: Settings) -> dt.datetime:
    return dt.datetime.now(settings.tz)


def moment(settings: Settings, text: str | None) -> dt.datetime:
    """``--now``: an ISO 8601 date-time (local time when it has no offset)."""
    if not text:
        return current_time(settings)
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        fail(f"'{text}' không phải thời điểm ISO 8601, ví dụ 2026-04-08T15:00:00+07:00.")
    return when if when.tzinfo else when.replace(tzinfo=settings.tz)
