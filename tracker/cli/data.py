"""The database and its sample data: ``tracker db migrate``, ``tracker db backup`` and
``tracker db restore`` (:mod:`tracker.backup`), and ``tracker seed`` (also what
``serve --demo`` runs on an empty database)."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from pathlib import Path

import click
from rich.progress import Progress
from rich.table import Table
from rich.tree import Tree

from tracker import backup as backups
from tracker import db
from tracker.cli.common import (
    console,
    current_time,
    err_console,
    fail,
    logger,
    run,
    settings_of,
)
from tracker.config import Settings
from tracker.errors import TrackerError
from tracker.files import write_private
from tracker.notify.services import seal_webhook_secrets
from tracker.org.auth import set_password
from tracker.org.documents import PersonDoc
from tracker.schedule.calendars import load_work_calendar
from tracker.schedule.expand import expand
from tracker.seeds import SeedReport, SeedSet, load_seeds, read_seed_set
from tracker.vn import format_date, format_time

__all__ = ["db_group", "migrate_and_seed", "migrate_database", "seed"]


@click.group(name="db")
def db_group() -> None:
    """Cơ sở dữ liệu."""


@db_group.command()
@click.pass_context
def migrate(ctx: click.Context) -> None:
    """Cập nhật cấu trúc cơ sở dữ liệu (chạy lại không thay đổi gì)."""
    settings = settings_of(ctx)
    run(settings, lambda: migrate_database(settings))
    console.print(f"Cơ sở dữ liệu đã cập nhật: {settings.effective_database_url}")


@db_group.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@click.pass_context
def backup(ctx: click.Context, file: Path, force: bool) -> None:
    """Sao lưu cơ sở dữ liệu vào FILE, hoặc vào một tệp mang ngày giờ nếu FILE là thư mục
    (SQLite: sao lưu trực tuyến; PostgreSQL: pg_dump)."""
    settings = settings_of(ctx)
    url = settings.effective_database_url
    _say_pg_versions(url)
    try:
        written = backups.backup(url, file, force=force)
    except TrackerError as exc:
        fail(exc.message)
    console.print(f"Đã sao lưu cơ sở dữ liệu vào {written} ({_size(written)}).")


@db_group.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Ghi đè cả cơ sở dữ liệu đang có dữ liệu.")
@click.pass_context
def restore(ctx: click.Context, file: Path, force: bool) -> None:
    """Phục hồi cơ sở dữ liệu từ bản sao lưu FILE (từ chối ghi đè dữ liệu nếu thiếu --force)."""
    settings = settings_of(ctx)
    url = settings.effective_database_url
    _say_pg_versions(url)
    try:
        backups.restore(url, file, force=force)
    except TrackerError as exc:
        fail(exc.message)
    # A backup of an older version: bring it to the current schema.
    run(settings, lambda: migrate_database(settings))
    console.print(f"Đã phục hồi cơ sở dữ liệu từ {file}.")


def _say_pg_versions(url: str) -> None:
    if not url.startswith(("postgres://", "postgresql://")):
        return
    try:
        client, server = backups.pg_versions(url)
    except TrackerError as exc:
        fail(exc.message)
    if client.split(".")[0] != server.split(".")[0]:
        err_console.print(
            f"[yellow]Chú ý:[/yellow] pg_dump {client} khác phiên bản chính với máy chủ "
            f"PostgreSQL {server}; pg_dump không sao lưu được máy chủ mới hơn nó."
        )


def _size(file: Path) -> str:
    size = file.stat().st_size
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} kB"


@click.command()
@click.option("--check", is_flag=True, help="Chỉ đọc và kiểm tra các tệp dữ liệu mẫu, không ghi.")
@click.option("--show", "show", metavar="PLAN", help="In cây nhiệm vụ và các hạn của một kế hoạch.")
@click.pass_context
def seed(ctx: click.Context, check: bool, show: str | None) -> None:
    """Nạp đơn vị, người dùng mẫu và các kế hoạch mẫu (chạy lại không thay đổi gì)."""
    settings = settings_of(ctx)
    try:
        seeds = read_seed_set(settings.seeds_dir)
    except TrackerError as exc:
        fail(exc.message)
    if show:
        _show_plan(settings, seeds, show)
        return
    if check:
        console.print(
            f"{len(seeds.units)} đơn vị, {len(seeds.people)} người, {len(seeds.plans)} kế hoạch: "
            + ", ".join(f"{p.key} ({p.task_count} nhiệm vụ)" for p in seeds.plans)
        )
        return
    report = run(settings, lambda: migrate_and_seed(settings))
    _print_report(report)


async def migrate_database(settings: Settings) -> None:
    """Bring the schema up to date, then seal the webhook secrets an older version kept
    in clear (this needs the service's secret, which the migrations do not know)."""
    await db.migrate()
    sealed = await seal_webhook_secrets(settings)
    if sealed:
        logger.info("Đã mã hóa khóa bí mật của %s webhook", sealed)


async def migrate_and_seed(settings: Settings, *, demo_passwords: bool = False) -> SeedReport:
    """Bring the schema up to date and load the seed set, with a progress bar; with
    ``demo_passwords``, give the demo people passwords (``serve --demo``)."""
    await migrate_database(settings)
    seeds = read_seed_set(settings.seeds_dir)
    with Progress(console=err_console, transient=True) as progress:
        bar = progress.add_task("Nạp dữ liệu mẫu", total=len(seeds.plans) + 2)
        report = await load_seeds(
            seeds, settings, current_time(settings), on_step=lambda: progress.advance(bar)
        )
    if demo_passwords:
        await _write_demo_passwords(settings, seeds.people)
    return report


def _print_report(report: SeedReport) -> None:
    table = Table(title="Dữ liệu mẫu")
    table.add_column("Phần")
    table.add_column("Kết quả")
    table.add_row("Đơn vị", str(report.units))
    table.add_row("Người dùng", str(report.people))
    for key, result in report.plans.items():
        table.add_row(f"Kế hoạch {key}", f"nhiệm vụ: {result.tasks}; hạn: {result.occurrences}")
    console.print(table)
    console.print("Không có thay đổi." if not report.changed else "Đã ghi các thay đổi.")


# What each demo person may do, as the passwords file says it.
_ROLE_NOTES = {
    "chairman": "chủ tịch: xem và ghi mọi việc của xã",
    "officer": "công chức: nạp kế hoạch, ghi sự kiện, ghi kết quả trong xã",
    "member": "cán bộ: xem xã, ghi kết quả việc đơn vị mình chủ trì",
    "viewer": "chỉ xem: mọi xã trong huyện, tỉnh hoặc thành phố của mình",
}


async def _write_demo_passwords(settings: Settings, people: Sequence[PersonDoc]) -> None:
    """Give every demo person a random password and list them, with who they are, in the
    data directory only."""
    lines = []
    for person in people:
        password = secrets.token_urlsafe(9)
        await set_password(person.email, password)
        who = f"{person.name}, {person.title}" if person.title else person.name
        lines.append(f"{person.email}\t{password}\t# {who} ({_ROLE_NOTES[person.role]})")
    path = settings.data_dir / "demo-passwords.txt"
    text = (
        "# Mật khẩu của người dùng mẫu (tạo ngẫu nhiên khi chạy serve --demo)\n"
        "# e-mail, mật khẩu, người dùng (vai trò)\n" + "\n".join(lines) + "\n"
    )
    write_private(path, text.encode("utf-8"))  # 0600 from its first byte
    logger.info("Mật khẩu của người dùng mẫu ở %s", path)


def _show_plan(settings: Settings, seeds: SeedSet, key: str) -> None:
    plans = {p.key: p for p in seeds.plans}
    if key not in plans:
        fail(f"Không có kế hoạch mẫu '{key}'; các kế hoạch mẫu: {', '.join(plans)}.")
    plan = plans[key]
    calendar = load_work_calendar(settings.calendars_dir)
    root = Tree(f"[bold]{plan.number}[/bold] {plan.title} ({plan.task_count} nhiệm vụ)")
    stack = [(root, -1)]
    for task, depth in plan.walk():
        while stack[-1][1] >= depth:
            stack.pop()
        text = f"[cyan]{task.label or '·'}[/cyan] {task.content[:90]}"
        if task.kind == "task":
            lead = ", ".join(task.lead) or "—"
            coordinating = ", ".join(task.coordinating) or "—"
            text += f"\n  chủ trì: {lead}; phối hợp: {coordinating}"
            text += f"\n  thời gian: {task.timing!r} → {[r.to_dict() for r in task.rules]}"
            occurrences = expand(
                list(task.rules),
                period_start=plan.period_start,
                period_end=plan.period_end,
                calendar=calendar,
            )
            if occurrences:
                dues = [
                    format_date(o.due_date) + (f" {format_time(o.due_time)}" if o.due_time else "")
                    for o in occurrences
                ]
                shown = ", ".join(dues[:6]) + (f" … ({len(dues)})" if len(dues) > 6 else "")
                text += f"\n  hạn: {shown}"
        node = stack[-1][0].add(text)
        stack.append((node, depth))
    console.print(root)
