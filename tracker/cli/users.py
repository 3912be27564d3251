"""People who sign in: ``tracker user password``, ``tracker user deactivate``."""

from __future__ import annotations

import click

from tracker.cli.common import console, current_time, fail, run, settings_of
from tracker.org.auth import set_password
from tracker.org.sessions import deactivate_person

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


@user.command(name="deactivate")
@click.argument("email")
@click.pass_context
def user_deactivate(ctx: click.Context, email: str) -> None:
    """Khóa tài khoản EMAIL: không đăng nhập được nữa, mọi phiên đang mở kết thúc ngay."""
    settings = settings_of(ctx)
    now = current_time(settings)
    if not run(settings, lambda: deactivate_person(email, now)):
        fail(f"Không có người dùng nào có địa chỉ e-mail '{email}'.")
    console.print(f"Đã khóa tài khoản {email}; mọi phiên đăng nhập của người này đã kết thúc.")
