"""Calendar feed links: ``tracker feed-url`` and ``tracker feed-revoke``."""

from __future__ import annotations

import click

from tracker import db
from tracker.cli.common import console, current_time, err_console, fail, run, settings_of
from tracker.notify.feeds import Feed, create_feed, feed_urls, revoke_feed
from tracker.org.scope import Scope

__all__ = ["feed_revoke", "feed_url"]


@click.command(name="feed-url")
@click.option("--person", "email", help="E-mail của người: lịch các việc của người đó.")
@click.option("--unit", "unit_code", help="Mã đơn vị: lịch các việc của đơn vị và đơn vị con.")
@click.option("--plan", "plan_ref", help="Khóa hoặc số của kế hoạch: lịch của cả kế hoạch.")
@click.option("--todo", is_flag=True, help="Đường dẫn dạng việc cần làm (VTODO).")
@click.pass_context
def feed_url(
    ctx: click.Context,
    email: str | None,
    unit_code: str | None,
    plan_ref: str | None,
    todo: bool,
) -> None:
    """Tạo đường dẫn lịch iCal mới và in ra (https và webcal://)."""
    chosen = [(k, v) for k, v in (("person", email), ("unit", unit_code), ("plan", plan_ref)) if v]
    if len(chosen) != 1:
        fail("Chọn đúng một trong --person EMAIL, --unit CODE hoặc --plan REF.", code=2)
    kind = chosen[0][0]
    settings = settings_of(ctx)
    now = current_time(settings)

    async def work() -> tuple[Feed, str]:
        await db.migrate()
        return await create_feed(
            kind, email=email, unit_code=unit_code, plan_ref=plan_ref, scope=Scope.system(), now=now
        )

    feed, token = run(settings, work)
    url, webcal = feed_urls(settings, token, todo=todo)
    click.echo(url)
    click.echo(webcal)
    err_console.print(
        f"Đường dẫn số {feed.id}: {feed.name}. Giữ kín đường dẫn này; thu hồi bằng "
        f"'tracker feed-revoke {feed.id}'."
    )


@click.command(name="feed-revoke")
@click.argument("feed_id", type=int)
@click.pass_context
def feed_revoke(ctx: click.Context, feed_id: int) -> None:
    """Thu hồi đường dẫn lịch số FEED_ID: từ nay nó trả lời 404."""
    settings = settings_of(ctx)
    now = current_time(settings)
    feed = run(settings, lambda: revoke_feed(feed_id, scope=Scope.system(), now=now))
    console.print(f"Đã thu hồi đường dẫn số {feed.id} ({feed.name}).")
