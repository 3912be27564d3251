"""The ``tracker`` command: the group and its options; each area's commands live in a
module of their own, named in :data:`COMMANDS`.

A command's module is imported when that command runs (or when ``--help`` lists them
all), so ``tracker timing`` starts without the web stack, the queue and Excel: about a
second instead of three. This is for start-up time only; the modules import nothing
from here.

The command line is an edge: it reads the clock, prints with rich, and hands
everything else to the services.
"""

from __future__ import annotations

import importlib

import click

from tracker.cli.common import fail
from tracker.config import load_settings
from tracker.errors import TrackerError
from tracker.files import restrict_umask
from tracker.logs import configure_logging

__all__ = ["COMMANDS", "main"]

# Each command, by the module that defines it and its name there.
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("tracker.cli.serve", "serve"),
    "worker": ("tracker.cli.serve", "worker"),
    "db": ("tracker.cli.data", "db_group"),
    "seed": ("tracker.cli.data", "seed"),
    "demo": ("tracker.cli.demo", "demo_group"),
    "user": ("tracker.cli.users", "user"),
    "timing": ("tracker.cli.timing", "timing"),
    "import": ("tracker.cli.plans", "import_command"),
    "export": ("tracker.cli.plans", "export_command"),
    "remind": ("tracker.cli.notify", "remind"),
    "event": ("tracker.cli.notify", "event"),
    "notify-mode": ("tracker.cli.notify", "notify_mode"),
    "webhook": ("tracker.cli.notify", "webhook"),
    "feed-url": ("tracker.cli.feeds", "feed_url"),
    "feed-revoke": ("tracker.cli.feeds", "feed_revoke"),
    "report": ("tracker.cli.reports", "report"),
    "extension": ("tracker.cli.extensions", "extension"),
}


class _AreaGroup(click.Group):
    """A group whose commands are loaded from their area's module when asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return None
        command = getattr(importlib.import_module(where[0]), where[1])
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_AreaGroup)
@click.option("-v", "--verbose", is_flag=True, help="Ghi nhật ký chi tiết hơn.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """tracker: kế hoạch, hạn công việc và nhắc việc cho UBND xã."""
    # Whatever this process or its children create (the database, the queue, the key,
    # the mails) is private from its first byte: 0600 files, 0700 folders.
    restrict_umask()
    try:
        settings = load_settings()
    except TrackerError as exc:
        configure_logging(verbose=verbose)
        fail(f"cấu hình: {exc.message}", code=2)
    configure_logging(verbose=verbose, json_lines=settings.log_format == "json")
    ctx.obj = {"settings": settings}
