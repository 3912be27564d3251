"""On a phone (390 × 844 CSS pixels) no page scrolls sideways: tables become stacked
rows, the header folds into a menu, long words wrap. Checked for a signed-in officer,
chairman, member and viewer, and for the public view, on every page their menu leads to
(read from the page, so a new menu entry is checked too) and on the pages of a plan, a
task, a deadline, a unit, the administration and importing that they may open."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import PEOPLE, PHONE, OpenPage, Server
from tracker.deadlines.tables import Occurrence
from tracker.org.tables import Person, Unit
from tracker.plans.tables import Plan

PLAN = "dai-son-2026"
# The unit of Đại Sơn with the longest name, for its pages.
LONG_UNIT = "hai-phong.dai-son.ttphvhcc"

# The pages every reader may open (the public view too), beyond the menu's.
READING = ["unit", "unit-all", "plan", "plan-history", "task-history", "occurrence"]
# The pages that only those who manage the commune reach, from its pages and the menu.
MANAGING = [
    "plan-edit",
    "plan-delete",
    "task-edit",
    "task-new",
    "section-new",
    "/admin/people/new",
    "person",
    "/admin/units",
    "admin-unit",
]
PAGES: dict[str | None, list[str]] = {
    "officer": READING + MANAGING,
    "chairman": READING + MANAGING,
    "member": READING,
    "viewer": READING,
    None: [*READING, "/login"],
}


@pytest.fixture(scope="module")
async def paths(server: Server) -> dict[str, str]:
    """The pages that name a thing, on the demo plan with the most text: the commune
    that issued it, the plan, its longest task and that task's open deadline, the member
    of the demo (on the officer's people pages) and the unit with the longest name."""
    plan = await Plan.select(Plan.id, Plan.key, Plan.unit).where(Plan.key == PLAN).first()
    assert plan is not None
    unit = await Unit.select(Unit.code).where(Unit.id == plan["unit"]).first()
    assert unit is not None
    rows = await Occurrence.select(Occurrence.id, Occurrence.task, Occurrence.task.content).where(
        (Occurrence.plan == plan["id"]) & (Occurrence.status == "open")
    )
    longest = max(rows, key=lambda r: len(r["task.content"]))
    member = await Person.select(Person.id).where(Person.email == PEOPLE["member"]).first()
    assert member is not None
    key, task = plan["key"], longest["task"]
    return {
        "unit": f"/units/{unit['code']}",
        "unit-all": f"/units/{unit['code']}?all=true",
        "plan": f"/plans/{key}",
        "plan-history": f"/plans/{key}/history",
        "plan-edit": f"/plans/{key}/edit",
        "plan-delete": f"/plans/{key}/delete",
        "task-history": f"/plans/{key}/tasks/{task}/history",
        "task-edit": f"/plans/{key}/tasks/{task}/edit",
        "task-new": f"/plans/{key}/tasks/new",
        "section-new": f"/plans/{key}/tasks/new?kind=section",
        "occurrence": f"/occurrences/{longest['id']}",
        "person": f"/admin/people/{member['id']}",
        "admin-unit": f"/admin/units/{LONG_UNIT}",
    }


async def _too_wide(page: Any) -> str:
    """Why the page is wider than the phone ("" when it is not)."""
    width: Any = await page.evaluate("document.documentElement.scrollWidth")
    if width <= PHONE["width"]:
        return ""
    return f"{width}px wide; widest: {await page.evaluate(WIDEST)}"


@pytest.mark.parametrize("who", list(PAGES), ids=lambda w: w or "public")
async def test_no_page_is_wider_than_a_phone(
    open_page: OpenPage, paths: dict[str, str], who: str | None
) -> None:
    page = await open_page(who, viewport=PHONE)
    await page.goto("/")
    menu = await page.locator("header a[href^='/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert "/units" in menu
    if who in ("officer", "chairman"):
        assert {"/me", "/imports", "/calendar", "/admin/people", "/notifications"} <= set(menu)
    wanted = list(dict.fromkeys([*menu, *(paths.get(p, p) for p in PAGES[who])]))
    problems = []
    for path in wanted:
        response = await page.goto(path)
        assert response is not None
        assert response.status == 200, f"{path}: {response.status}"
        too_wide = await _too_wide(page)
        if too_wide:
            problems.append(f"{path} is {too_wide}")
    assert not problems, "\n".join(problems)
    assert len(wanted) >= (20 if who in ("officer", "chairman") else 10)


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
    assert not await _too_wide(page)
