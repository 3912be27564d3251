"""People who sign in: ``tracker user add|list|invite|password|deactivate|activate``.

The command line is the system: it may manage anyone, in any commune. A sign-in link it
sends is also printed, since whoever runs the command may hand it over themselves.
"""

from __future__ import annotations

import json

import click
from rich.table import Table

from tracker.cli.common import console, current_time, fail, run, settings_of
from tracker.config import Settings
from tracker.errors import NotFoundError
from tracker.notify.delivery import deliver_due
from tracker.notify.invites import SentLink, add_and_invite, send_sign_in_link
from tracker.org.auth import set_password
from tracker.org.people import PersonForm, PersonRow, add_person, list_people, person_by_email
from tracker.org.people import set_active as set_person_active
from tracker.org.policy import ROLE_NAMES
from tracker.org.scope import PERSON_ROLES, Scope
from tracker.org.tables import Unit
from tracker.vn import format_datetime

__all__ = ["user"]


@click.group()
def user() -> None:
    """Người dùng."""


@user.command(name="password")
@click.argument("email")
@click.password_option("--password", prompt="Mật khẩu mới", confirmation_prompt="Nhập lại")
@click.pass_context
def user_password(ctx: click.Context, email: str, password: str) -> None:
    """Đặt mật khẩu đăng nhập cho người dùng EMAIL."""
    settings = settings_of(ctx)
    if not run(settings, lambda: set_password(email, password)):
        fail(f"Không có người dùng nào có địa chỉ e-mail '{email}'.")
    console.print(f"Đã đặt mật khẩu cho {email}.")


@user.command(name="add")
@click.argument("email")
@click.option("--name", required=True, help="Họ và tên.")
@click.option("--title", default="", help="Chức danh.")
@click.option("--phone", default="", help="Số điện thoại.")
@click.option("--role", type=click.Choice(PERSON_ROLES), default="member", show_default=True)
@click.option("--unit", "units", multiple=True, metavar="CODE", help="Mã đơn vị (lặp lại được).")
@click.option(
    "--head", "heads", multiple=True, metavar="CODE", help="Mã đơn vị người này đứng đầu."
)
@click.option("--invite/--no-invite", default=True, show_default=True,
              help="Gửi thư có đường dẫn đăng nhập dùng một lần (và in đường dẫn ra).")  # fmt: skip
@click.pass_context
def user_add(
    ctx: click.Context, email: str, name: str, title: str, phone: str, role: str,
    units: tuple[str, ...], heads: tuple[str, ...], invite: bool,
) -> None:  # fmt: skip
    """Thêm người dùng EMAIL vào các đơn vị đã chọn."""
    settings = settings_of(ctx)
    now = current_time(settings)
    form = PersonForm(name=name, email=email, role=role, title=title, phone=phone,
                      units=units, heads=heads)  # fmt: skip

    async def work() -> SentLink | None:
        if not invite:
            await add_person(form, Scope.system(), now)
            return None
        sent = await add_and_invite(form, scope=Scope.system(), settings=settings, now=now)
        await deliver_due(settings, now)
        return sent

    sent = run(settings, work)
    console.print(f"Đã thêm {name} <{email.strip().lower()}>.")
    if sent is not None:
        _print_link(sent)
    else:
        console.print("Chưa gửi thư mời: dùng [bold]tracker user invite[/bold] khi cần.")


@user.command(name="invite")
@click.argument("email")
@click.option("--reset", is_flag=True, help="Thư đặt lại mật khẩu (mặc định: khi đã có mật khẩu).")
@click.pass_context
def user_invite(ctx: click.Context, email: str, reset: bool) -> None:
    """Gửi cho EMAIL đường dẫn đăng nhập dùng một lần (24 giờ) và in đường dẫn ra.
    Các đường dẫn gửi trước đó của người này không dùng được nữa."""
    settings = settings_of(ctx)
    now = current_time(settings)

    async def work() -> SentLink:
        person = await person_by_email(email, Scope.system())
        purpose = "reset" if reset or person.has_password else "invite"
        sent = await send_sign_in_link(
            person.id, purpose=purpose, scope=Scope.system(), settings=settings, now=now
        )
        await deliver_due(settings, now)
        return sent

    _print_link(run(settings, work))


def _print_link(sent: SentLink) -> None:
    console.print(f"Đã gửi thư có đường dẫn đăng nhập tới {sent.email}.")
    console.print("Đường dẫn (dùng một lần, đến " + format_datetime(sent.expires_at) + "):")
    console.print(sent.url, soft_wrap=True, highlight=False)


@user.command(name="list")
@click.option(
    "--unit", default=None, metavar="CODE", help="Chỉ người của đơn vị này (và cấp dưới)."
)
@click.option("--json", "as_json", is_flag=True, help="In JSON.")
@click.pass_context
def user_list(ctx: click.Context, unit: str | None, as_json: bool) -> None:
    """Liệt kê người dùng: vai trò, đơn vị, đơn vị đứng đầu, trạng thái."""
    settings = settings_of(ctx)
    people = run(settings, lambda: _people(settings, unit))
    if as_json:
        click.echo(json.dumps([_as_json(p) for p in people], ensure_ascii=False, indent=2))
        return
    table = Table("Họ và tên", "E-mail", "Vai trò", "Đơn vị", "Đứng đầu", "Trạng thái")
    for p in people:
        state = (
            "đã khóa" if not p.active else ("đang dùng" if p.has_password else "chưa đặt mật khẩu")
        )
        table.add_row(p.name, p.email, ROLE_NAMES.get(p.role, p.role),
                      "\n".join(p.unit_codes), "\n".join(p.head_codes), state)  # fmt: skip
    console.print(table)
    console.print(f"{len(people)} người.")


async def _people(settings: Settings, unit: str | None) -> list[PersonRow]:
    scope = Scope.system()
    if unit:
        row = await Unit.select(Unit.path).where(Unit.code == unit).first()
        if row is None:
            raise NotFoundError(f"Không có đơn vị mã '{unit}'.")
        scope = Scope(role=scope.role, paths=(row["path"],))
    return await list_people(scope)


def _as_json(p: PersonRow) -> dict[str, object]:
    return {"id": p.id, "name": p.name, "title": p.title, "email": p.email, "phone": p.phone,
            "role": p.role, "active": p.active, "has_password": p.has_password,
            "units": p.unit_codes, "heads": p.head_codes}  # fmt: skip


@user.command(name="deactivate")
@click.argument("email")
@click.pass_context
def user_deactivate(ctx: click.Context, email: str) -> None:
    """Khóa tài khoản EMAIL: không đăng nhập được nữa, mọi phiên đang mở kết thúc ngay."""
    _set_active(ctx, email, active=False)
    console.print(f"Đã khóa tài khoản {email}; mọi phiên đăng nhập của người này đã kết thúc.")


@user.command(name="activate")
@click.argument("email")
@click.pass_context
def user_activate(ctx: click.Context, email: str) -> None:
    """Mở khóa tài khoản EMAIL (các phiên đăng nhập cũ vẫn không dùng lại được)."""
    _set_active(ctx, email, active=True)
    console.print(f"Đã mở khóa tài khoản {email}.")


def _set_active(ctx: click.Context, email: str, *, active: bool) -> None:
    settings = settings_of(ctx)
    now = current_time(settings)

    async def work() -> bool:
        person = await person_by_email(email, Scope.system())
        return await set_person_active(person.id, active, Scope.system(), now)

    run(settings, work)
