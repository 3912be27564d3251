"""An officer adds a person in the browser, and the person gets in through the one-time
link in the e-mail the service's own worker sends (to an aiosmtpd server here): in a
browser of their own they open it, set a password and land signed in; the link is spent."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.browser.conftest import PHONE, OpenPage, Server
from tests.mail import Inbox, smtp_inbox

NEW = "mai.nt@daison.example.vn"
NAME = "Nguyễn Thị Mai"
PASSWORD = "mat-khau-cua-mai-1"


@pytest.fixture(scope="module")
def mailbox() -> Iterator[tuple[Inbox, int]]:
    with smtp_inbox() as inbox:
        yield inbox


@pytest.fixture(scope="module")
def serve_args() -> list[str]:
    return []  # the worker runs beside the web app, and sends the invitation


@pytest.fixture(scope="module")
def serve_env(mailbox: tuple[Inbox, int]) -> dict[str, str]:
    return {
        "TRACKER_SMTP_HOST": "127.0.0.1",
        "TRACKER_SMTP_PORT": str(mailbox[1]),
        "TRACKER_MAIL_FROM": "theo-doi@daison.example.vn",
    }


async def test_an_officer_adds_a_person_who_signs_in_through_the_link(
    open_page: OpenPage, server: Server, mailbox: tuple[Inbox, int]
) -> None:
    officer = await open_page("officer")
    await officer.goto("/admin/people")
    await officer.get_by_role("link", name=re.compile("Thêm người dùng")).click()
    await officer.wait_for_url("**/admin/people/new")
    await officer.get_by_label("Họ và tên").fill(NAME)
    await officer.get_by_label("Chức danh").fill("Chuyên viên Phòng Kinh tế")
    await officer.get_by_label("Địa chỉ e-mail").fill(NEW)
    await officer.get_by_label("Điện thoại").fill("0912 345 678")
    await officer.get_by_label("Vai trò").select_option(label="cán bộ, công chức")
    await (
        officer.locator("li", has_text="Phòng Kinh tế xã Đại Sơn")
        .get_by_role("checkbox")
        .first.check()
    )
    await officer.get_by_role("button", name="Thêm và gửi thư mời").click()
    await officer.wait_for_url(re.compile(r"/admin/people/\d+\?notice=added$"))
    assert await officer.locator("h1").inner_text() == NAME
    await officer.goto("/admin/people")
    row = officer.locator("tr", has_text=NEW)
    assert "Chưa đặt mật khẩu" in await row.inner_text()

    # The worker sends the invitation; the link is in the mail, in text and in HTML.
    mail = mailbox[0].wait_for(NEW, subject="Mời bạn đăng nhập")
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    match = re.search(r"(https?://\S+)/sign-in/([A-Za-z0-9_-]+)", text)
    assert match is not None, text
    assert match.group(0) in html
    assert match.group(1) == server.url  # serve --port P makes links on port P

    # The new person, in a browser of their own, on a phone.
    newcomer = await open_page(None, viewport=PHONE)
    await newcomer.goto(match.group(0))
    assert await newcomer.locator("h1").inner_text() == "Đặt mật khẩu"
    assert NEW in await newcomer.locator("form.login").inner_text()
    assert await newcomer.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    await newcomer.get_by_label(re.compile("^Mật khẩu mới")).fill(PASSWORD)
    await newcomer.get_by_label("Nhập lại mật khẩu").fill(PASSWORD)
    await newcomer.get_by_role("button", name="Đặt mật khẩu và đăng nhập").click()
    await newcomer.wait_for_url(lambda url: "/sign-in/" not in url)
    assert newcomer.url.endswith("/me")
    assert await newcomer.locator("h1").inner_text() == "Việc của tôi"
    assert NAME in await newcomer.locator("main").inner_text()
    await newcomer.get_by_role("button", name="Trình đơn").click()
    assert await newcomer.get_by_role("button", name="Đăng xuất").is_visible()

    # Spent: the link now says so, to anyone.
    again = await open_page(None)
    used = await again.goto(match.group(0))
    assert used is not None
    assert used.status == 410
    assert "đã được dùng" in await again.get_by_role("alert").inner_text()
    # The officer's list no longer waits for a password.
    await officer.reload()
    assert "Chưa đặt mật khẩu" not in await row.inner_text()
