"""People who sign in: ``tracker user password``."""

from __future__ import annotations

import click

from tracker.cli.common import console, fail, run, settings_of
from tracker.org.auth import set_password

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
