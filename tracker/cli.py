"""The ``tracker`` command: serve, worker, db migrate, seed, user password.

The command line is an edge: it reads the clock, prints with rich, and hands
everything else to the services.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import secrets
import signal
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table
from rich.tree import Tree

from tracker import db
from tracker.config import Settings, export_settings, load_settings, settings_env
from tracker.errors import TrackerError
from tracker.org.scope import Scope

console = Console()
err_console = Console(stderr=True)
logger = logging.getLogger("tracker.cli")

T = TypeVar("T")


def _settings(ctx: click.Context) -> Settings:
    settings: Settings = ctx.obj["settings"]
    return settings


def _fail(message: str, code: int = 1) -> None:
    err_console.print(f"[red]Lỗi:[/red] {message}")
    sys.exit(code)


def _run(settings: Settings, work: Callable[[], Awaitable[T]]) -> T:
    """Bind the database, run ``work``, close: the async part of a command."""

    async def main() -> T:
        db.bind(db.make_engine(settings.effective_database_url))
        await db.open_pool()
        try:
            return await work()
        finally:
            await db.close()

    try:
        return asyncio.run(main())
    except TrackerError as exc:
        _fail(exc.message)
        raise  # _fail exits; this keeps the type checker informed


def _now(settings: Settings) -> dt.datetime:
    return dt.datetime.now(settings.tz)


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
        _fail(f"cấu hình: {exc.message}", code=2)


# --------------------------------------------------------------------------- db, seed


@main.group(name="db")
def db_group() -> None:
    """Cơ sở dữ liệu."""


@db_group.command()
@click.pass_context
def migrate(ctx: click.Context) -> None:
    """Cập nhật cấu trúc cơ sở dữ liệu (chạy lại không thay đổi gì)."""
    settings = _settings(ctx)
    _run(settings, db.migrate)
    console.print(f"Cơ sở dữ liệu đã cập nhật: {settings.effective_database_url}")


@main.command()
@click.option("--check", is_flag=True, help="Chỉ đọc và kiểm tra các tệp dữ liệu mẫu, không ghi.")
@click.option("--show", "show", metavar="PLAN", help="In cây nhiệm vụ và các hạn của một kế hoạch.")
@click.pass_context
def seed(ctx: click.Context, check: bool, show: str | None) -> None:
    """Nạp đơn vị, người dùng mẫu và các kế hoạch mẫu (chạy lại không thay đổi gì)."""
    from tracker.seeds import read_seed_set

    settings = _settings(ctx)
    try:
        seeds = read_seed_set(settings.seeds_dir)
    except TrackerError as exc:
        _fail(exc.message)
    if show:
        _show_plan(settings, seeds, show)
        return
    if check:
        console.print(
            f"{len(seeds.units)} đơn vị, {len(seeds.people)} người, {len(seeds.plans)} kế hoạch: "
            + ", ".join(f"{p.key} ({p.task_count} nhiệm vụ)" for p in seeds.plans)
        )
        return
    report = _run(settings, lambda: _migrate_and_seed(settings))
    _print_report(report)


async def _migrate_and_seed(settings: Settings, *, demo_passwords: bool = False) -> Any:
    from tracker.seeds import load_seeds, read_seed_set

    await db.migrate()
    seeds = read_seed_set(settings.seeds_dir)
    with Progress(console=err_console, transient=True) as progress:
        bar = progress.add_task("Nạp dữ liệu mẫu", total=len(seeds.plans) + 2)
        report = await load_seeds(
            seeds, settings, _now(settings), on_step=lambda: progress.advance(bar)
        )
    if demo_passwords:
        await _write_demo_passwords(settings, [p.email for p in seeds.people])
    return report


def _print_report(report: Any) -> None:
    table = Table(title="Dữ liệu mẫu")
    table.add_column("Phần")
    table.add_column("Kết quả")
    table.add_row("Đơn vị", str(report.units))
    table.add_row("Người dùng", str(report.people))
    for key, result in report.plans.items():
        table.add_row(f"Kế hoạch {key}", f"nhiệm vụ: {result.tasks}; hạn: {result.occurrences}")
    console.print(table)
    console.print("Không có thay đổi." if not report.changed else "Đã ghi các thay đổi.")


async def _write_demo_passwords(settings: Settings, emails: list[str]) -> None:
    """Give every demo person a random password and list them in the data directory only."""
    from tracker.org.auth import set_password

    lines = []
    for email in emails:
        password = secrets.token_urlsafe(9)
        await set_password(email, password)
        lines.append(f"{email}\t{password}")
    path = settings.data_dir / "demo-passwords.txt"
    path.write_text(
        "# Mật khẩu của người dùng mẫu (tạo ngẫu nhiên khi chạy serve --demo)\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    path.chmod(0o600)
    logger.info("Mật khẩu của người dùng mẫu ở %s", path)


def _show_plan(settings: Settings, seeds: Any, key: str) -> None:
    from tracker.schedule.calendars import load_work_calendar
    from tracker.schedule.rules import expand
    from tracker.vn import format_date, format_time

    plans = {p.key: p for p in seeds.plans}
    if key not in plans:
        _fail(f"Không có kế hoạch mẫu '{key}'; các kế hoạch mẫu: {', '.join(plans)}.")
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


# --------------------------------------------------------------------------- users


@main.group()
def user() -> None:
    """Người dùng."""


@user.command(name="password")
@click.argument("email")
@click.password_option("--password", prompt="Mật khẩu mới", confirmation_prompt="Nhập lại")
@click.pass_context
def user_password(ctx: click.Context, email: str, password: str) -> None:
    """Đặt mật khẩu đăng nhập cho người dùng EMAIL."""
    from tracker.org.auth import set_password

    settings = _settings(ctx)
    if not _run(settings, lambda: set_password(email, password)):
        _fail(f"Không có người dùng nào có địa chỉ e-mail '{email}'.")
    console.print(f"Đã đặt mật khẩu cho {email}.")


# --------------------------------------------------------------------------- serve, worker


async def _prepare(settings: Settings, demo: bool) -> None:
    """Migrate; with ``demo``, seed the database when it holds no plan yet."""
    from tracker.plans.tables import Plan

    await db.migrate()
    if demo:
        if await Plan.count() == 0:
            report = await _migrate_and_seed(settings, demo_passwords=True)
            logger.info("Đã nạp dữ liệu mẫu: %s kế hoạch", len(report.plans))
        else:
            logger.info("Cơ sở dữ liệu đã có kế hoạch; bỏ qua nạp dữ liệu mẫu.")


@main.command()
@click.option(
    "--demo", is_flag=True, help="Nạp dữ liệu mẫu vào cơ sở dữ liệu trống; cho xem công khai."
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int, help="Số tiến trình web.")
@click.option("--no-worker", is_flag=True, help="Không chạy tiến trình xử lý nền bên cạnh.")
@click.pass_context
def serve(
    ctx: click.Context, demo: bool, host: str, port: int, workers: int, no_worker: bool
) -> None:
    """Chạy dịch vụ web (và một tiến trình xử lý nền bên cạnh)."""
    import uvicorn

    settings = _settings(ctx)
    if demo:
        settings = settings.with_changes(public_read=True)
    _run(settings, lambda: _prepare(settings, demo))
    export_settings(settings)
    worker = None
    if not no_worker:
        worker = subprocess.Popen(
            [sys.executable, "-m", "tracker", "worker"],
            env={**os.environ, **settings_env(settings)},
        )
    console.print(f"tracker đang chạy tại http://{host}:{port}/ (Ctrl+C để dừng)")
    try:
        uvicorn.run(
            "tracker.app:app_factory",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
        )
    except KeyboardInterrupt:
        # uvicorn shuts down gracefully, then re-raises the signal it caught.
        pass
    finally:
        _stop_worker(worker)
    logger.info("tracker đã dừng.")


def _stop_worker(worker: subprocess.Popen[bytes] | None) -> None:
    """Ask the worker to finish what it is doing, then make sure it is gone."""
    if worker is None or worker.poll() is not None:
        return
    worker.send_signal(signal.SIGINT)
    try:
        worker.wait(timeout=15)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


@main.command()
@click.option("--threads", default=2, show_default=True, type=int, help="Số luồng xử lý.")
@click.pass_context
def worker(ctx: click.Context, threads: int) -> None:
    """Chạy tiến trình xử lý nền (hàng đợi Huey và nhịp kiểm tra mỗi phút)."""
    # Until Huey's consumer takes over the signals, a stop request is only noted, so a
    # worker asked to stop while it is starting stops in order instead of mid-import.
    stop_requested: list[int] = []
    previous = {
        sig: signal.signal(sig, lambda signum, _frame: stop_requested.append(signum))
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    from tracker.queue import configure_queue

    settings = _settings(ctx)
    queue = configure_queue(settings)
    from tracker.notify import jobs

    jobs.configure(settings)
    # A worker may start before any web process did: the tick needs the current schema.
    _run(settings, db.migrate)
    # Whatever a worker that stopped left behind goes out now, not at the next tick.
    jobs.deliver()
    consumer = queue.create_consumer(workers=threads, worker_type="thread", periodic=True)
    for sig, handler in previous.items():
        signal.signal(sig, handler)
    if not stop_requested:
        logger.info("Tiến trình xử lý nền bắt đầu (hàng đợi: %s)", settings.effective_queue_url)
        consumer.run()
    logger.info("Tiến trình xử lý nền đã dừng.")


# --------------------------------------------------------------------------- timing, import, export


@main.command()
@click.argument("phrase")
@click.option("--year", type=int, help="Năm của kế hoạch (mặc định: năm nay).")
@click.option("--event-date", type=click.DateTime(formats=["%Y-%m-%d", "%d/%m/%Y"]),
              help="Ngày xảy ra sự kiện, cho các thời hạn tính từ sự kiện.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.pass_context
def timing(
    ctx: click.Context, phrase: str, year: int | None, event_date: Any, as_json: bool
) -> None:
    """Đọc một cụm thời gian (PHRASE) và liệt kê các hạn của nó trong năm."""
    import json

    from tracker.schedule.calendars import load_work_calendar
    from tracker.schedule.timing.preview import preview_timing

    settings = _settings(ctx)
    data = preview_timing(
        phrase,
        year=year or _now(settings).year,
        event_date=event_date.date() if event_date else None,
        calendar=load_work_calendar(settings.calendars_dir),
        tz=settings.tz,
    )
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console.print(f"[bold]{phrase}[/bold]")
    for rule in data["rules"]:
        console.print(f"  quy tắc: {rule}")
    for occ in data["occurrences"]:
        start = f"{occ['start']} → " if occ["start"] else ""
        console.print(f"  {occ['label']}: {start}{occ['due']}")
    if data["review"]:
        console.print(f"[yellow]Cần xem lại:[/yellow] {data['reason']}")


@main.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ xem trước, không ghi gì.")
@click.option("--json", "as_json", is_flag=True, help="In tóm tắt dạng JSON.")
@click.option("--unit", help="Mã đơn vị ban hành, khi văn bản không nêu rõ.")
@click.option("--key", help="Khóa của kế hoạch (mặc định: tên xã và năm).")
@click.option("--year", type=int, help="Năm của kế hoạch, khi văn bản không nêu rõ.")
@click.option(
    "--create-units", is_flag=True, help="Tạo đơn vị mới cho các tên chưa có trong danh sách."
)
@click.option(
    "--accept-review",
    is_flag=True,
    help="Vẫn ghi các nhiệm vụ không đọc được thời gian: chưa có hạn, đánh dấu cần xem lại.",
)
@click.pass_context
def import_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    dry_run: bool,
    as_json: bool,
    unit: str | None,
    key: str | None,
    year: int | None,
    create_units: bool,
    accept_review: bool,
) -> None:
    """Nhập kế hoạch từ tệp Word (.docx), Excel (.xlsx), văn bản (.txt, .md) hoặc YAML."""
    import json

    from tracker.notify.services import expander_for
    from tracker.plans.importers.build import ImportOptions
    from tracker.plans.imports import import_document

    settings = _settings(ctx)
    if key and len(paths) > 1:
        _fail("Tùy chọn --key chỉ dùng khi nhập một tệp.")
    options = ImportOptions(
        unit=unit, key=key, year=year, create_units=create_units, accept_review=accept_review
    )

    async def work() -> list[Any]:
        await db.migrate()
        outcomes = []
        with Progress(console=err_console, transient=True, disable=len(paths) < 2) as progress:
            bar = progress.add_task("Nhập kế hoạch", total=len(paths))
            for path in paths:
                outcomes.append(
                    await import_document(
                        path,
                        now=_now(settings),
                        deadlines=expander_for(settings),
                        actor="cli",
                        options=options,
                        dry_run=dry_run,
                    )
                )
                progress.advance(bar)
        return outcomes

    outcomes = _run(settings, work)
    summaries = [o.summary() for o in outcomes]
    if as_json:
        click.echo(
            json.dumps(
                summaries[0] if len(summaries) == 1 else summaries,
                ensure_ascii=False,
                indent=2,
                default=str,
            )
        )
    else:
        for outcome in outcomes:
            _print_import(outcome, dry_run)
    if any(s["errors"] for s in summaries):
        sys.exit(1)


def _print_import(outcome: Any, dry_run: bool) -> None:
    result = outcome.result
    console.rule(result.source)
    for error in result.errors:
        err_console.print(f"[red]Lỗi:[/red] {error}")
    if result.plan is None:
        return
    plan = result.plan
    root = Tree(f"[bold]{plan.number or plan.key}[/bold] {plan.title} ({plan.task_count} nhiệm vụ)")
    stack = [(root, -1)]
    for task, depth in plan.walk():
        while stack[-1][1] >= depth:
            stack.pop()
        rules = ", ".join(r.kind for r in task.rules)
        text = f"[cyan]{task.label or '·'}[/cyan] {task.content[:80]}"
        if task.kind == "task":
            text += f" [dim]({', '.join(task.lead) or 'chưa có chủ trì'}; {rules})[/dim]"
        node = stack[-1][0].add(text)
        stack.append((node, depth))
    console.print(root)
    if result.review:
        table = Table(title=f"Cần xem lại ({len(result.review)})")
        for column in ("Vị trí", "Mục", "Nội dung", "Lý do"):
            table.add_column(column)
        for item in result.review:
            table.add_row(item.where, item.field, item.text, item.reason)
        console.print(table)
    if result.unreadable and dry_run:
        console.print(
            f"[yellow]{len(result.unreadable)} nhiệm vụ không đọc được thời gian:[/yellow] "
            "khi nhập thật, cần sửa văn bản hoặc thêm --accept-review."
        )
    if outcome.stored is not None:
        console.print(
            f"Đã ghi kế hoạch {plan.key}: nhiệm vụ {outcome.stored.tasks}; hạn {outcome.stored.occurrences}."
        )
    elif dry_run:
        console.print("Xem trước: chưa ghi gì.")


@main.command(name="export")
@click.argument("plan")
@click.option(
    "--format", "fmt", type=click.Choice(["yaml", "xlsx"]), default="yaml", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp kết quả (mặc định: KHÓA.yaml hoặc KHÓA.xlsx; '-' để in YAML ra màn hình).")  # fmt: skip
@click.pass_context
def export_command(ctx: click.Context, plan: str, fmt: str, output: Path | None) -> None:
    """Xuất kế hoạch PLAN (mã số hoặc khóa) ra YAML hoặc mẫu Excel nhập lại được."""
    from tracker.org.services import Scope, unit_tree
    from tracker.plans.documents import plan_to_yaml
    from tracker.plans.services import find_plan, load_plan_doc

    settings = _settings(ctx)

    async def work() -> tuple[Any, dict[str, str]]:
        row = await find_plan(plan, Scope.system())
        names: dict[str, str] = {}

        def collect(nodes: list[dict[str, Any]]) -> None:
            for node in nodes:
                names[node["code"]] = node["name"]
                collect(node["children"])

        collect(await unit_tree(Scope.system()))
        return await load_plan_doc(row["id"]), names

    doc, names = _run(settings, work)
    if fmt == "yaml":
        text = plan_to_yaml(doc)
        if output is not None and str(output) == "-":
            click.echo(text, nl=False)
            return
        target = output or Path(f"{doc.key}.yaml")
        target.write_text(text, encoding="utf-8")
    else:
        from tracker.plans.exports import plan_to_xlsx

        target = output or Path(f"{doc.key}.xlsx")
        target.write_bytes(plan_to_xlsx(doc, names))
    console.print(f"Đã xuất {doc.key} ra {target}")


# --------------------------------------------------------------------------- reminders, events


def _moment(settings: Settings, text: str | None) -> dt.datetime:
    """``--now``: an ISO 8601 date-time (local time when it has no offset)."""
    if not text:
        return _now(settings)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        _fail(f"'{text}' không phải thời điểm ISO 8601, ví dụ 2026-04-08T15:00:00+07:00.")
        raise
    return moment if moment.tzinfo else moment.replace(tzinfo=settings.tz)


@main.command()
@click.option("--now", "now_text", metavar="ISO", help="Chạy như thể lúc này (mặc định: bây giờ).")
@click.option("--dry-run", is_flag=True, help="Chỉ in những tin sẽ gửi, không ghi, không gửi.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.pass_context
def remind(ctx: click.Context, now_text: str | None, dry_run: bool, as_json: bool) -> None:
    """Chạy một lượt nhắc việc: tìm việc đến hạn, ghi tin vào hộp thư đi và gửi."""
    import json

    from tracker.notify.delivery import DeliveryReport, deliver_due
    from tracker.notify.reminders import reminder_pass

    settings = _settings(ctx)
    now = _moment(settings, now_text)

    async def work() -> tuple[Any, DeliveryReport]:
        await db.migrate()
        report = await reminder_pass(settings, now, dry_run=dry_run)
        delivered = DeliveryReport() if dry_run else await deliver_due(settings, now)
        return report, delivered

    report, delivered = _run(settings, work)
    if as_json:
        data = {
            "now": now.isoformat(),
            "dry_run": dry_run,
            "messages": [
                {
                    "key": m.key,
                    "step": m.step,
                    "person": m.person.name,
                    "email": m.person.email,
                    "subject": m.rendered.subject,
                    "channels": [c for c, _ in m.channels],
                }
                for m in report.messages
            ],
            "merged_into_digest": report.merged,
            "sent": delivered.sent,
            "retried": delivered.retried,
            "failed": delivered.failed,
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    _print_remind(report, delivered, dry_run)


def _print_remind(report: Any, delivered: Any, dry_run: bool) -> None:
    from tracker.vn import format_datetime

    when = format_datetime(report.now)
    if not report.messages:
        console.print(f"{when}: không có tin nhắc việc nào đến lúc gửi.")
    else:
        table = Table(title=f"Tin nhắc việc lúc {when}" + (" (xem trước)" if dry_run else ""))
        for column in ("Người nhận", "Bước", "Tiêu đề", "Kênh"):
            table.add_column(column)
        for m in report.messages:
            channels = ", ".join(c for c, _ in m.channels)
            table.add_row(
                f"{m.person.name}\n{m.person.email}", m.step, m.rendered.subject, channels
            )
        console.print(table)
    if report.merged:
        console.print(f"{report.merged} lời nhắc buổi sáng đã nằm trong bản tổng hợp hằng ngày.")
    if dry_run:
        console.print("Xem trước: chưa ghi, chưa gửi gì.")
        return
    console.print(
        f"Đã gửi {len(delivered.sent)} tin; gửi lại sau {len(delivered.retried)}; "
        f"thất bại {len(delivered.failed)}."
    )
    for failure in delivered.failed + delivered.retried:
        err_console.print(f"[yellow]{failure['address']}[/yellow]: {failure['error']}")


@main.group()
def event() -> None:
    """Sự kiện làm phát sinh hạn công việc (quyết định công bố, phản ánh kiến nghị …)."""


@event.command(name="record")
@click.argument("kind")
@click.option(
    "--date", "date_text", required=True, help="Ngày xảy ra (YYYY-MM-DD hoặc dd/mm/yyyy)."
)
@click.option("--unit", help="Mã đơn vị nơi sự kiện xảy ra (mặc định: mọi kế hoạch).")
@click.option("--plan", "plan_key", help="Chỉ cho một kế hoạch (khóa).")
@click.option("--ref", default="", help="Số hiệu, trích yếu văn bản hoặc hồ sơ.")
@click.option("--now", "now_text", metavar="ISO", help="Ghi như thể lúc này (mặc định: bây giờ).")
@click.pass_context
def event_record(
    ctx: click.Context,
    kind: str,
    date_text: str,
    unit: str | None,
    plan_key: str | None,
    ref: str,
    now_text: str | None,
) -> None:
    """Ghi sự kiện KIND; tạo ngay các hạn công việc nó làm phát sinh và gửi nhắc việc."""
    from tracker.deadlines.progress import describe_occurrences
    from tracker.notify.delivery import deliver_due
    from tracker.notify.services import record_event_and_remind
    from tracker.schedule.events import EVENT_KINDS

    settings = _settings(ctx)
    now = _moment(settings, now_text)
    day = _parse_day(date_text)

    async def work() -> tuple[Any, list[dict[str, Any]], Any, Any]:
        await db.migrate()
        record, report = await record_event_and_remind(
            kind, day, unit_code=unit, reference=ref, scope=Scope.system(), plan_key=plan_key,
            settings=settings, now=now,
        )  # fmt: skip
        created = await describe_occurrences(record.occurrences)
        delivered = await deliver_due(settings, now)
        return record, created, report, delivered

    record, created, report, delivered = _run(settings, work)
    console.print(
        f"Đã ghi sự kiện số {record.id}: {EVENT_KINDS[record.kind]} ngày "
        f"{record.occurred_on:%d/%m/%Y}; {len(record.occurrences)} hạn công việc"
        + (f" trong kế hoạch {', '.join(record.plans)}" if record.plans else "")
        + "."
    )
    _print_event_occurrences(created, settings)
    _print_remind(report, delivered, dry_run=False)


def _print_event_occurrences(rows: list[dict[str, Any]], settings: Settings) -> None:
    from rich.markup import escape

    from tracker.vn import format_date, format_time

    for row in rows:
        due = format_date(row["due_date"])
        if row["due_at"] is not None:
            due += " " + format_time(row["due_at"].astimezone(settings.tz).time())
        start = f"từ {format_date(row['start_date'])} " if row["start_date"] else ""
        content = row["content"] if len(row["content"]) <= 80 else row["content"][:79] + "…"
        console.print(
            f"  • Hạn số {row['id']}, {escape(row['plan_key'])}/{escape(row['task_key'])}: "
            f"{start}hạn {due}. {escape(content)}"
        )


def _parse_day(text: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    _fail(f"'{text}' không phải ngày; hãy viết 2026-04-08 hoặc 08/04/2026.")
    raise AssertionError


@main.command(name="feed-url")
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
    from tracker.notify.feeds import create_feed, feed_urls

    chosen = [(k, v) for k, v in (("person", email), ("unit", unit_code), ("plan", plan_ref)) if v]
    if len(chosen) != 1:
        _fail("Chọn đúng một trong --person EMAIL, --unit CODE hoặc --plan REF.", code=2)
    kind = chosen[0][0]
    settings = _settings(ctx)
    now = _now(settings)

    async def work() -> tuple[Any, str]:
        await db.migrate()
        return await create_feed(
            kind, email=email, unit_code=unit_code, plan_ref=plan_ref, scope=Scope.system(), now=now
        )

    feed, token = _run(settings, work)
    url, webcal = feed_urls(settings, token, todo=todo)
    click.echo(url)
    click.echo(webcal)
    err_console.print(
        f"Đường dẫn số {feed.id}: {feed.name}. Giữ kín đường dẫn này; thu hồi bằng "
        f"'tracker feed-revoke {feed.id}'."
    )


@main.command(name="feed-revoke")
@click.argument("feed_id", type=int)
@click.pass_context
def feed_revoke(ctx: click.Context, feed_id: int) -> None:
    """Thu hồi đường dẫn lịch số FEED_ID: từ nay nó trả lời 404."""
    from tracker.notify.feeds import revoke_feed
    from tracker.org.services import Scope

    settings = _settings(ctx)
    now = _now(settings)
    feed = _run(settings, lambda: revoke_feed(feed_id, scope=Scope.system(), now=now))
    console.print(f"Đã thu hồi đường dẫn số {feed.id} ({feed.name}).")


@main.command(name="notify-mode")
@click.argument("mode", type=click.Choice(["all", "escalations", "off"]))
@click.option("--person", "email", help="E-mail của người (chỉ 'all' hoặc 'escalations').")
@click.option("--plan", "plan_key", help="Khóa hoặc số của kế hoạch.")
@click.option(
    "--task", "task_ref", metavar="PLAN/KEY", help="Nhiệm vụ: khóa kế hoạch/khóa nhiệm vụ."
)
@click.pass_context
def notify_mode(
    ctx: click.Context, mode: str, email: str | None, plan_key: str | None, task_ref: str | None
) -> None:
    """Đặt mức nhắc việc: all (tất cả), escalations (chỉ báo cáo quá hạn) hoặc off (tắt)."""
    from tracker.notify.services import set_mode

    if sum(x is not None for x in (email, plan_key, task_ref)) != 1:
        _fail("Hãy chọn đúng một trong --person, --plan, --task.")
    settings = _settings(ctx)
    target = _run(
        settings,
        lambda: set_mode(mode, email=email, plan=plan_key, task=task_ref, now=_now(settings)),
    )
    console.print(f"Đã đặt mức nhắc việc '{mode}' cho {target}.")


@main.group()
def webhook() -> None:
    """Webhook: chuyển tin nhắc việc sang Zalo, Telegram hoặc hệ thống văn phòng điện tử."""


@webhook.command(name="add")
@click.argument("url")
@click.option("--unit", help="Chỉ tin gửi người của đơn vị này (mặc định: mọi người).")
@click.pass_context
def webhook_add(ctx: click.Context, url: str, unit: str | None) -> None:
    """Thêm webhook URL; in khóa bí mật dùng để kiểm tra chữ ký (chỉ in một lần)."""
    from tracker.notify.services import add_webhook

    settings = _settings(ctx)
    hook_id, secret = _run(settings, lambda: add_webhook(url, unit, now=_now(settings)))
    console.print(f"Đã thêm webhook số {hook_id}: {url}")
    console.print(f"Khóa bí mật (HMAC-SHA256, tiêu đề X-Tracker-Signature): {secret}")


@webhook.command(name="list")
@click.pass_context
def webhook_list(ctx: click.Context) -> None:
    """Liệt kê các webhook."""
    from tracker.notify.services import list_webhooks

    settings = _settings(ctx)
    rows = _run(settings, list_webhooks)
    table = Table(title="Webhook")
    for column in ("Số", "URL", "Đơn vị", "Đang dùng"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["url"],
            row["unit"] or "mọi đơn vị",
            "có" if row["active"] else "không",
        )
    console.print(table)
