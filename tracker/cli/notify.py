"""Reminders and what starts them: ``tracker remind``, ``tracker event record``,
``tracker notify-mode`` and ``tracker webhook``."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from tracker import db
from tracker.cli.common import (
    console,
    current_time,
    err_console,
    fail,
    moment,
    run,
    settings_of,
)
from tracker.config import Settings
from tracker.deadlines.progress import EventRecord, describe_occurrences
from tracker.notify.delivery import DeliveryReport, deliver_due
from tracker.notify.jobs import pass_at
from tracker.notify.reminders import PassReport, reminder_pass
from tracker.notify.services import (
    add_webhook,
    list_webhooks,
    record_event_and_remind,
    set_mode,
)
from tracker.org.scope import Scope
from tracker.queue import configure_queue
from tracker.schedule.events import EVENT_KINDS
from tracker.vn import format_date, format_datetime, format_time

__all__ = ["event", "notify_mode", "remind", "webhook"]


@click.command()
@click.option("--now", "now_text", metavar="ISO", help="Chạy như thể lúc này (mặc định: bây giờ).")
@click.option("--dry-run", is_flag=True, help="Chỉ in những tin sẽ gửi, không ghi, không gửi.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.option(
    "--queue", "queued", is_flag=True, help="Giao lượt nhắc cho tiến trình xử lý nền (hàng đợi)."
)
@click.pass_context
def remind(
    ctx: click.Context, now_text: str | None, dry_run: bool, as_json: bool, queued: bool
) -> None:
    """Chạy một lượt nhắc việc: tìm việc đến hạn, ghi tin vào hộp thư đi và gửi."""
    settings = settings_of(ctx)
    now = moment(settings, now_text)
    if queued:
        if dry_run or as_json:
            fail("--queue không dùng cùng --dry-run hay --json: lượt nhắc chạy ở nơi khác.", 2)
        configure_queue(settings)
        pass_at(now.isoformat())
        console.print(
            f"Đã giao lượt nhắc việc lúc {format_datetime(now)} cho tiến trình xử lý nền."
        )
        return

    async def work() -> tuple[PassReport, DeliveryReport]:
        await db.migrate()
        report = await reminder_pass(settings, now, dry_run=dry_run)
        delivered = DeliveryReport() if dry_run else await deliver_due(settings, now)
        return report, delivered

    report, delivered = run(settings, work)
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


def _print_remind(report: PassReport, delivered: DeliveryReport, dry_run: bool) -> None:
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


@click.group()
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
    settings = settings_of(ctx)
    now = moment(settings, now_text)
    day = _parse_day(date_text)

    async def work() -> tuple[EventRecord, list[dict[str, Any]], PassReport, DeliveryReport]:
        await db.migrate()
        record, report = await record_event_and_remind(
            kind, day, unit_code=unit, reference=ref, scope=Scope.system(), plan_key=plan_key,
            settings=settings, now=now,
        )  # fmt: skip
        created = await describe_occurrences(record.occurrences)
        delivered = await deliver_due(settings, now)
        return record, created, report, delivered

    record, created, report, delivered = run(settings, work)
    console.print(
        f"Đã ghi sự kiện số {record.id}: {EVENT_KINDS[record.kind]} ngày "
        f"{record.occurred_on:%d/%m/%Y}; {len(record.occurrences)} hạn công việc"
        + (f" trong kế hoạch {', '.join(record.plans)}" if record.plans else "")
        + "."
    )
    _print_event_occurrences(created, settings)
    _print_remind(report, delivered, dry_run=False)


def _print_event_occurrences(rows: list[dict[str, Any]], settings: Settings) -> None:
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
    fail(f"'{text}' không phải ngày; hãy viết 2026-04-08 hoặc 08/04/2026.")


@click.command(name="notify-mode")
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
    if sum(x is not None for x in (email, plan_key, task_ref)) != 1:
        fail("Hãy chọn đúng một trong --person, --plan, --task.")
    settings = settings_of(ctx)
    target = run(
        settings,
        lambda: set_mode(
            mode, email=email, plan=plan_key, task=task_ref, now=current_time(settings)
        ),
    )
    console.print(f"Đã đặt mức nhắc việc '{mode}' cho {target}.")


@click.group()
def webhook() -> None:
    """Webhook: chuyển tin nhắc việc sang Zalo, Telegram hoặc hệ thống văn phòng điện tử."""


@webhook.command(name="add")
@click.argument("url")
@click.option("--unit", help="Chỉ tin gửi người của đơn vị này (mặc định: mọi người).")
@click.pass_context
def webhook_add(ctx: click.Context, url: str, unit: str | None) -> None:
    """Thêm webhook URL; in khóa bí mật dùng để kiểm tra chữ ký (chỉ in một lần)."""
    settings = settings_of(ctx)
    hook_id, secret = run(
        settings, lambda: add_webhook(url, unit, settings=settings, now=current_time(settings))
    )
    console.print(f"Đã thêm webhook số {hook_id}: {url}")
    console.print(f"Khóa bí mật (HMAC-SHA256, tiêu đề X-Tracker-Signature): {secret}")


@webhook.command(name="list")
@click.pass_context
def webhook_list(ctx: click.Context) -> None:
    """Liệt kê các webhook."""
    settings = settings_of(ctx)
    rows = run(settings, list_webhooks)
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
