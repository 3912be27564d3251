"""The header in a real browser: on a phone the menu folds behind its button and opens
with it, the skip link is the first stop of the keyboard, and a member sees their unread
notifications counted, reads them on a phone and marks them read."""

from __future__ import annotations

import datetime as dt

from tests.browser.conftest import PHONE, OpenPage, Server
from tests.conftest import TZ
from tracker.notify.reminders import reminder_pass

# A Wednesday afternoon of the demo year: the member gets a digest and a reminder.
REMINDED_AT = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)


async def test_on_a_phone_the_menu_folds_behind_its_button(open_page: OpenPage) -> None:
    page = await open_page("officer", viewport=PHONE)
    await page.goto("/units")
    button = page.get_by_role("button", name="Trình đơn")
    units = page.locator("#menu").get_by_role("link", name="Đơn vị")
    await button.wait_for()
    assert await button.get_attribute("aria-expanded") == "false"
    assert not await units.is_visible()
    await button.click()
    assert await button.get_attribute("aria-expanded") == "true"
    assert await units.is_visible()
    assert await units.get_attribute("aria-current") == "page"
    assert await page.get_by_role("button", name="Đăng xuất").is_visible()
    assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    await page.keyboard.press("Escape")
    assert await button.get_attribute("aria-expanded") == "false"
    assert not await units.is_visible()
    # On a wide screen there is no button: the links are all there.
    wide = await open_page("officer")
    await wide.goto("/units")
    assert not await wide.get_by_role("button", name="Trình đơn").is_visible()
    assert await wide.locator("#menu").get_by_role("link", name="Đơn vị").is_visible()


async def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(
    open_page: OpenPage,
) -> None:
    page = await open_page(None, viewport=PHONE)
    await page.goto("/units")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung")
    hidden = await skip.bounding_box()
    assert hidden is not None
    assert hidden["y"] + hidden["height"] <= 0  # above the page until it has the focus
    await page.keyboard.press("Tab")
    assert await skip.evaluate("link => link === document.activeElement")
    box = await skip.bounding_box()
    assert box is not None
    assert box["y"] >= 0
    await page.keyboard.press("Enter")
    assert page.url.endswith("#noi-dung")
    assert await page.evaluate("document.activeElement.id") == "noi-dung"


async def test_a_member_reads_their_notifications_on_a_phone(
    open_page: OpenPage, server: Server
) -> None:
    await reminder_pass(server.settings, REMINDED_AT)
    page = await open_page("member", viewport=PHONE)
    await page.goto("/plans/dai-son-2026")
    badge = page.locator("header .bell .count")
    assert await badge.get_attribute("title") == "2 thông báo chưa đọc"
    assert "2" in await badge.inner_text()
    await page.locator("header .bell a").click()
    await page.wait_for_url("**/notifications")
    assert await page.locator("li.note.unread").count() == 2
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    # A reminder leads to the deadline it is about.
    reminder = page.locator("li.note p.subject a").first
    await reminder.click()
    await page.wait_for_url("**/occurrences/*")
    assert await page.locator("h1").count() == 1
    await page.go_back()
    await page.get_by_role("button", name="Đánh dấu đã đọc tất cả").click()
    await page.wait_for_url("**/notifications?marked=2")
    assert await page.get_by_text("Đã đánh dấu đã đọc 2 thông báo.").is_visible()
    assert await page.locator("li.note.unread").count() == 0
    assert await badge.count() == 0
