"""On a phone (390 × 844 CSS pixels) no page scrolls sideways: tables become stacked
rows, the header folds into a menu, long words wrap. Checked on every page, for a
signed-in officer and for the public view (pages that need signing in show the form)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import PHONE, OpenPage, Server
from tracker.deadlines.tables import Occurrence
from tracker.org.tables import Unit
from tracker.plans.tables import Plan

PLAN = "dai-son-2026"
PAGES = [
    "/",
    "/compliance",
    "/units",
    "unit",
    "plan",
    "occurrence",
    "/calendar",
    "/notifications",
    "/imports",
    "/login",
]


@pytest.fixture(scope="module")
async def paths(server: Server) -> dict[str, str]:
    """The pages that name a thing, on the demo plan with the most text: the commune
    that issued it, the plan, and the open deadline of its longest task."""
    plan = await Plan.select(Plan.id, Plan.key, Plan.unit).where(Plan.key == PLAN).first()
    assert plan is not None
    unit = await Unit.select(Unit.code).where(Unit.id == plan["unit"]).first()
    rows = await Occurrence.select(Occurrence.id, Occurrence.task.content).where(
        (Occurrence.plan == plan["id"]) & (Occurrence.status == "open")
    )
    longest = max(rows, key=lambda r: len(r["task.content"]))
    return {
        "unit": f"/units/{unit['code']}",
        "plan": f"/plans/{plan['key']}",
        "occurrence": f"/occurrences/{longest['id']}",
    }


@pytest.mark.parametrize("who", ["officer", None], ids=["officer", "public"])
@pytest.mark.parametrize("page_name", PAGES, ids=lambda p: p.strip("/") or "home")
async def test_no_page_is_wider_than_a_phone(
    open_page: OpenPage, paths: dict[str, str], page_name: str, who: str | None
) -> None:
    page = await open_page(who, viewport=PHONE)
    response = await page.goto(paths.get(page_name, page_name))
    assert response is not None
    assert response.status == 200, await page.content()
    width: Any = await page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        wide = await page.evaluate(WIDEST)
        pytest.fail(f"{page.url} is {width}px wide at {PHONE['width']}px; widest: {wide}")


# What sticks out past the right edge, to say in the failure which element to fix.
WIDEST = """() => {
  const limit = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > limit + 0.5)
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
      + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
    .slice(0, 8).join(', ');
}"""


async def test_the_import_preview_is_no_wider_than_a_phone(
    open_page: OpenPage, server: Server
) -> None:
    """The preview of an upload (a page only a POST reaches): the demo plan as YAML."""
    page = await open_page("officer", viewport=PHONE)
    await page.goto("/imports")
    await page.get_by_label("Tệp kế hoạch").set_input_files(
        str(server.settings.seeds_dir / "plans" / f"{PLAN}.yaml")
    )
    await page.get_by_role("button", name="Xem trước").click()
    await page.wait_for_load_state()
    assert await page.locator("ol.tree.root li.task").count() > 10
    width: Any = await page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        wide = await page.evaluate(WIDEST)
        pytest.fail(f"the preview is {width}px wide at {PHONE['width']}px; widest: {wide}")
