"""The ``tracker`` command: the group and its options; each area's commands live in a
module of their own and are added here.

The command line is an edge: it reads the clock, prints with rich, and hands
everything else to the services.
"""

from __future__ import annotations

import logging

import click

from tracker.cli import data, feeds, notify, plans, serve, timing, users
from tracker.cli.common import fail
from tracker.config import load_settings
from tracker.errors import TrackerError

__all__ = ["main"]


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Ghi nhật ký chi tiết hơn.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """tracker: kế hoạch, hạn công việc và nhắc việc cho UBND xã."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not verbose:
        # Piccolo names its engine on every connection; that is detail, not news.
        logging.getLogger("piccolo").setLevel(logging.WARNING)
    try:
        ctx.obj = {"settings": load_settings()}
    except TrackerError as exc:
        fail(f"cấu hình: {exc.message}", code=2)


# Each area module defines its commands; this is the one place that puts them together.
main.add_command(serve.serve)
main.add_command(serve.worker)
main.add_command(data.db_group)
main.add_command(data.seed)
main.add_command(users.user)
main.add_command(timing.timing)
main.add_command(plans.import_command)
main.add_command(plans.export_command)
main.add_command(notify.remind)
main.add_command(notify.event)
main.add_command(notify.notify_mode)
main.add_command(notify.webhook)
main.add_command(feeds.feed_url)
main.add_command(feeds.feed_revoke)
