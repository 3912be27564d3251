"""``tracker units load-national``: the national list of provinces and communes."""

from __future__ import annotations

import click
from rich.progress import Progress
from rich.table import Table

from tracker.cli.common import console, err_console, fail, moment, run, settings_of
from tracker.cli.data import migrate_database
from tracker.org.national import (
    CommuneTarget,
    NationalReport,
    load_national,
    national_targets,
    province_codes,
    seeded_communes,
)

__all__ = ["count", "national_summary", "targets_of", "units_group"]


@click.group(name="units")
def units_group() -> None:
    """Đơn vị hành chính: danh sách tỉnh, thành phố, xã, phường cả nước."""


def targets_of(provinces: tuple[str, ...]) -> list[CommuneTarget]:
    """The communes of ``provinces`` (codes), or of the whole country when none is given;
    an unknown code fails with the list of known ones."""
    known = province_codes()
    unknown = [p for p in provinces if p not in known]
    if unknown:
        fail(f"Không có tỉnh, thành phố mã '{unknown[0]}'. Các mã: {', '.join(known)}.")
    if not provinces:
        return national_targets()
    return [t for p in dict.fromkeys(provinces) for t in national_targets(p)]


def count(n: int) -> str:
    """3.321: thousands marked with a dot, as Vietnamese writes them."""
    return f"{n:,}".replace(",", ".")


def national_summary(report: NationalReport) -> Table:
    table = Table(title="Danh sách đơn vị hành chính (bản đồ từ 01/7/2025)")
    table.add_column("Phần")
    table.add_column("Số lượng", justify="right")
    table.add_row("Tỉnh, thành phố thêm mới", count(report.provinces_added))
    table.add_row("Xã, phường, đặc khu thêm mới", count(report.communes_added))
    table.add_row("Xã, phường, đặc khu đã có từ trước", count(report.communes_kept))
    table.add_row("Xã được thêm các cơ quan, chức danh chuẩn", count(report.offices_given))
    table.add_row("Tổng số đơn vị thêm mới", count(report.units_added))
    return table


@units_group.command(name="load-national")
@click.option(
    "--province", "provinces", multiple=True, metavar="CODE",
    help="Chỉ nạp tỉnh, thành phố này (mã, ví dụ lai-chau; có thể lặp lại).",
)  # fmt: skip
@click.pass_context
def load_national_command(ctx: click.Context, provinces: tuple[str, ...]) -> None:
    """Nạp 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu (bản đồ hành chính từ
    01/7/2025) từ gói vietnam-provinces; xã nào chưa có cơ quan nào được thêm Văn phòng
    HĐND và UBND, Phòng Kinh tế, Phòng Văn hóa - Xã hội, Trung tâm Phục vụ hành chính
    công, Chủ tịch và Phó Chủ tịch. Chạy lại không thêm gì; đơn vị đã có giữ mã và tên."""
    settings = settings_of(ctx)
    now = moment(settings, None)
    targets = targets_of(provinces)

    async def work() -> NationalReport:
        await migrate_database(settings)
        with Progress(console=err_console, transient=True) as progress:
            bar = progress.add_task("Nạp xã, phường", total=len(targets))
            return await load_national(
                targets,
                now,
                known=seeded_communes(settings.seeds_dir),
                on_progress=lambda n: progress.advance(bar, n),
            )

    console.print(national_summary(run(settings, work)))
