"""The demo's data: ``tracker demo history`` (work done on the demo plans' deadlines that
have passed), ``tracker demo communes N`` (more communes under Hải Phòng) and ``tracker
demo national`` (the whole country)."""

from __future__ import annotations

import datetime as dt
import time

import click
from rich.progress import Progress
from rich.table import Table

from tracker.cli.common import console, err_console, fail, moment, run, settings_of
from tracker.cli.data import migrate_database
from tracker.cli.units import count, national_summary, targets_of
from tracker.config import Settings
from tracker.demo.communes import (
    CommunesReport,
    Template,
    add_communes,
    city_targets,
    country_targets,
    load_template,
)
from tracker.demo.history import HistoryReport, record_history
from tracker.errors import TrackerError
from tracker.notify.services import expander_for
from tracker.org.national import NationalReport, load_national, seeded_communes

__all__ = ["demo_group"]


@click.group(name="demo")
def demo_group() -> None:
    """Dữ liệu minh họa: lịch sử thực hiện, thêm xã, dữ liệu cả nước."""


@demo_group.command()
@click.option("--now", "now_text", metavar="ISO", help="Ghi lịch sử đến thời điểm này.")
@click.pass_context
def history(ctx: click.Context, now_text: str | None) -> None:
    """Ghi kết quả thực hiện minh họa cho các hạn đã qua của các kế hoạch mẫu (chạy lại
    không thay đổi gì; không đụng tới kế hoạch nào khác)."""
    settings = settings_of(ctx)
    now = moment(settings, now_text)

    async def work() -> HistoryReport:
        await migrate_database(settings)
        return await record_history(settings, now)

    report = run(settings, work)
    console.print(str(report) + ".")
    console.print("Không có thay đổi." if not report.changed else "Đã ghi các thay đổi.")


def _start(ctx: click.Context, now_text: str | None) -> tuple[Settings, dt.datetime, Template]:
    """The settings, the moment of ``--now`` and the template commune (xã Đại Sơn)."""
    settings = settings_of(ctx)
    now = moment(settings, now_text)
    try:
        return settings, now, load_template(settings, expander_for(settings))
    except TrackerError as exc:
        fail(exc.message)


@demo_group.command()
@click.argument("count", type=click.IntRange(min=0))
@click.option("--now", "now_text", metavar="ISO", help="Ghi lịch sử đến thời điểm này.")
@click.pass_context
def communes(ctx: click.Context, count: int, now_text: str | None) -> None:
    """Thêm COUNT xã, phường của thành phố Hải Phòng (tên thật, theo bản đồ hành chính từ
    01/7/2025), mỗi xã có các cơ quan, vài người dùng, bản sao kế hoạch 2026 của xã Đại Sơn
    và lịch sử thực hiện. Chạy lại với cùng COUNT không thêm gì."""
    settings, now, template = _start(ctx, now_text)
    targets = city_targets(template)
    if count > len(targets):
        fail(
            f"Thành phố Hải Phòng có {len(targets) + 1} xã, phường, đặc khu (kể cả xã Đại Sơn "
            f"đã có sẵn); chỉ thêm được tối đa {len(targets)}, không phải {count}."
        )

    async def work() -> CommunesReport:
        await migrate_database(settings)
        with Progress(console=err_console, transient=True) as progress:
            bar = progress.add_task("Thêm xã", total=count)
            return await add_communes(
                settings,
                targets[:count],
                now,
                template=template,
                on_progress=lambda n: progress.advance(bar, n),
            )

    report = run(settings, work)
    table = Table(title="Xã, phường thêm vào thành phố Hải Phòng")
    table.add_column("Phần")
    table.add_column("Kết quả")
    table.add_row("Xã mới", str(len(report.added)))
    table.add_row("Đã có từ trước", str(report.kept))
    table.add_row("Lịch sử", str(report.history))
    console.print(table)


@demo_group.command()
@click.option(
    "--plans",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Số bản sao kế hoạch 2026 của xã Đại Sơn cho mỗi xã.",
)
@click.option(
    "--province",
    "provinces",
    multiple=True,
    metavar="CODE",
    help="Chỉ các tỉnh, thành phố này (mã, ví dụ lai-chau; có thể lặp lại).",
)
@click.option("--now", "now_text", metavar="ISO", help="Ghi lịch sử đến thời điểm này.")
@click.pass_context
def national(
    ctx: click.Context, plans: int, provinces: tuple[str, ...], now_text: str | None
) -> None:
    """Dữ liệu cả nước: 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu (bản đồ hành
    chính từ 01/7/2025), mỗi xã có các cơ quan, vài người dùng, PLANS bản sao kế hoạch
    2026 của xã Đại Sơn và lịch sử thực hiện. Chạy lại không thêm gì."""
    settings, now, template = _start(ctx, now_text)
    units = targets_of(provinces)
    chosen = {t.code for t in units}
    targets = [t for t in country_targets(template) if t.code in chosen]

    async def work() -> tuple[NationalReport, CommunesReport]:
        await migrate_database(settings)
        with Progress(console=err_console, transient=True) as progress:
            bar = progress.add_task("Nạp xã, phường", total=len(units))
            loaded = await load_national(
                units,
                now,
                known=seeded_communes(settings.seeds_dir),
                on_progress=lambda n: progress.advance(bar, n),
            )
            bar = progress.add_task("Thêm người dùng, kế hoạch", total=len(targets))
            added = await add_communes(
                settings,
                targets,
                now,
                template=template,
                plans=plans,
                on_progress=lambda n: progress.advance(bar, n),
            )
        return loaded, added

    started = time.perf_counter()
    loaded, report = run(settings, work)
    console.print(national_summary(loaded))
    table = Table(title="Dữ liệu minh họa cả nước")
    table.add_column("Phần")
    table.add_column("Kết quả")
    table.add_row("Xã mới có người dùng và kế hoạch", count(len(report.added)))
    table.add_row("Đã có từ trước", count(report.kept))
    table.add_row("Kế hoạch mỗi xã", str(plans))
    table.add_row("Lịch sử", str(report.history))
    table.add_row("Thời gian", f"{time.perf_counter() - started:.0f} giây")
    console.print(table)
