"""Extensions (gia hạn) on the command line: ``tracker extension request|approve|refuse|
withdraw|list``. The command line acts as the system, or with ``--as EMAIL`` as that
person, with exactly what they may do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable

import click
import msgspec
from rich.markup import escape
from rich.table import Table

from tracker.cli.common import console, fail, moment, run, settings_of
from tracker.deadlines.extensions import (
    ExtensionView,
    list_extensions,
    parse_due_time,
)
from tracker.deadlines.schemas import ExtensionOut
from tracker.deadlines.tables import EXTENSION_STATES
from tracker.errors import NotFoundError
from tracker.notify.services import (
    ask_extension,
    grant_extension,
    take_back_extension,
    turn_down_extension,
)
from tracker.org.scope import Scope
from tracker.org.services import scope_for_person
from tracker.org.tables import Person
from tracker.vn import format_date, format_datetime, parse_day

__all__ = ["extension"]

_AS = click.option(
    "--as", "as_email", metavar="EMAIL", help="Làm với quyền của người này (mặc định: hệ thống)."
)
_NOW = click.option(
    "--now", "now_text", metavar="ISO", help="Ghi như thể lúc này (mặc định: bây giờ)."
)


async def _scope(email: str | None) -> Scope:
    """The system, or the person with ``email`` (who must be active)."""
    if email is None:
        return Scope.system()
    person = await Person.select(Person.id).where(Person.email == email).first()
    scope = await scope_for_person(person["id"]) if person else None
    if scope is None:
        raise NotFoundError(f"Không có người dùng đang hoạt động nào có địa chỉ e-mail '{email}'.")
    return scope


def _day(text: str) -> dt.date:
    try:
        return parse_day(text)
    except ValueError:
        fail(f"'{text}' không phải ngày; hãy viết 20/04/2026 hoặc 2026-04-20.")


def _act(
    ctx: click.Context,
    as_email: str | None,
    now_text: str | None,
    action: Callable[[Scope, dt.datetime], Awaitable[ExtensionView]],
) -> ExtensionView:
    settings = settings_of(ctx)
    now = moment(settings, now_text)

    async def work() -> ExtensionView:
        return await action(await _scope(as_email), now)

    return run(settings, work)


def _short(value: dt.date | dt.datetime) -> str:
    """ "20/04/2026", or "10/04/2026 16:15" for a moment: a table's narrow column."""
    if isinstance(value, dt.datetime):
        return format_datetime(value, with_weekday=False)
    return format_date(value)


def _said(view: ExtensionView) -> str:
    return (
        f"đề nghị gia hạn số {view.id}, hạn công việc số {view.occurrence_id} "
        f"({escape(view.plan_key)}): từ {view.previous_due_text} đến {view.requested_due_text}"
    )


@click.group()
def extension() -> None:
    """Gia hạn: đề nghị, duyệt, từ chối, rút và liệt kê các đề nghị gia hạn."""


@extension.command(name="request")
@click.argument("occurrence_id", type=int)
@click.option("--date", "date_text", required=True, help="Hạn mới (dd/mm/yyyy).")
@click.option("--time", "time_text", help="Giờ của hạn mới (HH:MM); bỏ trống: hết ngày đó.")
@click.option("--reason", required=True, help="Lý do đề nghị gia hạn.")
@_AS
@_NOW
@click.pass_context
def extension_request(
    ctx: click.Context,
    occurrence_id: int,
    date_text: str,
    time_text: str | None,
    reason: str,
    as_email: str | None,
    now_text: str | None,
) -> None:
    """Đề nghị gia hạn hạn công việc số OCCURRENCE_ID."""
    day = _day(date_text)
    settings = settings_of(ctx)

    async def action(scope: Scope, now: dt.datetime) -> ExtensionView:
        return await ask_extension(
            occurrence_id, day, parse_due_time(time_text), reason, scope=scope,
            settings=settings, now=now,
        )  # fmt: skip

    view = _act(ctx, as_email, now_text, action)
    console.print(f"Đã gửi {_said(view)}; đang chờ duyệt.")


def _decision(name: str, verb: str, help_text: str) -> click.Command:
    @click.command(name=name, help=help_text)
    @click.argument("extension_id", type=int)
    @click.option("--note", default="", help="Ghi chú (từ chối thì bắt buộc: lý do).")
    @_AS
    @_NOW
    @click.pass_context
    def command(
        ctx: click.Context,
        extension_id: int,
        note: str,
        as_email: str | None,
        now_text: str | None,
    ) -> None:
        settings = settings_of(ctx)

        async def action(scope: Scope, now: dt.datetime) -> ExtensionView:
            decide = {
                "approve": grant_extension,
                "refuse": turn_down_extension,
                "withdraw": take_back_extension,
            }[name]
            return await decide(extension_id, note, scope=scope, settings=settings, now=now)

        view = _act(ctx, as_email, now_text, action)
        console.print(f"Đã {verb} {_said(view)}.")

    return command


extension.add_command(
    _decision("approve", "duyệt", "Duyệt đề nghị gia hạn số EXTENSION_ID: hạn làm việc đổi.")
)
extension.add_command(
    _decision("refuse", "từ chối", "Từ chối đề nghị gia hạn số EXTENSION_ID (--note: lý do).")
)
extension.add_command(_decision("withdraw", "rút", "Rút đề nghị gia hạn số EXTENSION_ID."))


@extension.command(name="list")
@click.option(
    "--state", type=click.Choice(EXTENSION_STATES), help="Chỉ các đề nghị ở trạng thái này."
)
@click.option("--waiting", is_flag=True, help="Chỉ các đề nghị đang chờ người này (--as) duyệt.")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON (như GET /api/extensions).")
@_AS
@click.pass_context
def extension_list(
    ctx: click.Context, state: str | None, waiting: bool, as_json: bool, as_email: str | None
) -> None:
    """Liệt kê các đề nghị gia hạn, mới nhất trước."""
    settings = settings_of(ctx)
    now = moment(settings, None)

    async def work() -> list[ExtensionView]:
        scope = await _scope(as_email)
        return await list_extensions(
            scope, tz=settings.tz, now=now, state=state, waiting_for=scope if waiting else None
        )

    views = run(settings, work)
    if as_json:
        click.echo(msgspec.json.encode([ExtensionOut.of(v) for v in views]).decode())
        return
    if not views:
        console.print("Không có đề nghị gia hạn nào.")
        return
    table = Table(title="Đề nghị gia hạn")
    for column in ("Số", "Hạn CV", "Nhiệm vụ", "Chủ trì", "Hạn ban đầu", "Hạn đề nghị",
                   "Người đề nghị", "Lý do", "Trạng thái"):  # fmt: skip
        table.add_column(column)
    for v in views:
        content = v.task_content if len(v.task_content) <= 50 else v.task_content[:49] + "…"
        decided = f"\n{v.decided_by or 'hệ thống'}: {v.decision_note}" if v.decided_at else ""
        table.add_row(
            str(v.id),
            f"{v.occurrence_id}\n{v.plan_key}",
            escape(content),
            escape(v.lead_name or ""),
            _short(v.original_due),
            _short(v.requested_due),
            escape(v.requested_by or "hệ thống"),
            escape(v.reason),
            escape(v.state_label + decided),
        )
    console.print(table)
