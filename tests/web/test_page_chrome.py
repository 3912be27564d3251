"""What every page has around its content: a skip link to it, our own favicon, the menu
with the open page marked, and the small script that folds the menu on a phone."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tracker.app import create_app
from tracker.config import Settings

CURRENT = re.compile(r'<a href="([^"]+)" aria-current="(page|true)">')


@pytest.fixture
async def client(seeded: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    app = create_app(seeded.with_changes(public_read=True), bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


@pytest.mark.parametrize("path", ["/", "/units", "/compliance", "/login", "/khong-co-trang-nay"])
async def test_every_page_starts_with_a_skip_link_to_its_content(
    client: AsyncTestClient[Any], path: str
) -> None:
    html = (await client.get(path)).text
    body = html[html.index("<body>") :]
    first_link = re.search(r"<a [^>]*>[^<]*</a>", body)
    assert first_link is not None
    assert first_link.group(0) == '<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung</a>'
    assert '<main id="noi-dung" tabindex="-1">' in html
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert '<script src="/static/menu.js" defer></script>' in html


@pytest.mark.parametrize(
    ("path", "marked"),
    [
        ("/", {"/": "page"}),
        ("/units", {"/units": "page"}),
        ("/units/hai-phong.dai-son", {"/units": "true"}),
        ("/plans/dai-son-2026", {"/": "true"}),
        ("/compliance", {"/compliance": "page"}),
    ],
)
async def test_the_menu_marks_the_page_that_is_open_and_nothing_else(
    client: AsyncTestClient[Any], path: str, marked: dict[str, str]
) -> None:
    page = await client.get(path)
    assert page.status_code == 200
    # The menu, in the header (a page's own tabs may mark themselves below it).
    menu = page.text.split("</header>")[0]
    assert dict(CURRENT.findall(menu)) == marked


async def test_the_favicon_and_the_menu_script_are_ours_and_served(
    client: AsyncTestClient[Any],
) -> None:
    icon = await client.get("/static/favicon.svg")
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg+xml")
    assert icon.text.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    # Nothing fetched from elsewhere: no link, image or script inside.
    assert not re.search(r"href=|<image|<script", icon.text)
    script = await client.get("/static/menu.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert "aria-expanded" in script.text
    # The button the script wakes is in every page, hidden until it does.
    page = (await client.get("/")).text
    assert (
        '<button class="menu-toggle" type="button" aria-expanded="false" aria-controls="menu"'
        " hidden>Trình đơn</button>"
    ) in page
    assert '<div class="menu" id="menu">' in page


async def test_a_plan_whose_number_is_still_blank_is_named_by_its_title(
    client: AsyncTestClient[Any],
) -> None:
    """Đại Sơn's plan is numbered "Số: /KH-UBND" (a draft's blank for the number it gets when
    signed): its crumbs, tab titles and links name it by the start of its title instead."""
    plan = (await client.get("/api/plans/dai-son-2026")).json()
    assert plan["number"] == "/KH-UBND"
    named = "«Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa …»"
    page = (await client.get("/plans/dai-son-2026")).text
    assert f"<title>{named} · " in page
    assert f'<p class="crumbs"><a href="/">Kế hoạch</a> › {named}</p>' in page
    history = (await client.get("/plans/dai-son-2026/history")).text
    assert f'<a href="/plans/dai-son-2026">{named}</a>' in history
    occurrence = (await client.get("/api/occurrences", params={"plan": "dai-son-2026"})).json()[0]
    detail = await client.get(f"/occurrences/{occurrence['id']}")
    assert f'<a href="/plans/dai-son-2026">{named}</a>' in detail.text
    # Kiến An's plan has its number, and is named by it.
    kien_an = (await client.get("/api/plans")).json()
    numbered = next(p for p in kien_an if p["key"].startswith("kien-an"))
    assert any(c.isdigit() for c in numbered["number"])
    shown = (await client.get(f"/plans/{numbered['key']}")).text
    assert f"› {numbered['number']}</p>" in shown
