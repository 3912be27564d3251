"""The day and time fields of the forms, as the browser holds them: dd/mm/yyyy and hh:mm
whatever the browser's language, their patterns checked by the browser itself (a pattern
the browser cannot compile would be ignored and let anything through)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from playwright.async_api import Browser

TEMPLATES = Path(__file__).resolve().parents[2] / "tracker" / "web" / "templates"
FORM = (
    '{% from "_fields.html" import day_input, time_input %}'
    '<form>{{ day_input("day") }}{{ time_input("hour") }}</form>'
)


@pytest.mark.parametrize(
    ("field", "typed", "valid"),
    [
        ("day", "30/06/2026", True),
        ("day", "3/6/2026", True),
        ("day", "30.06.2026", True),
        ("day", "30-6-2026", True),
        ("day", "2026-06-30", True),  # as a date field would send it
        ("day", "06/30/26", False),
        ("day", "hôm nay", False),
        ("hour", "16:15", True),
        ("hour", "16h15", True),
        ("hour", "4 PM", False),
    ],
)
async def test_a_field_takes_what_the_server_reads(
    browser: Browser, field: str, typed: str, valid: bool
) -> None:
    html = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES)).from_string(FORM)
    page = await browser.new_page()
    try:
        await page.set_content(html.render())
        selector = f"input[name={field}]"
        assert await page.get_attribute(selector, "type") == "text"
        assert await page.get_attribute(selector, "placeholder") in ("dd/mm/yyyy", "hh:mm")
        await page.fill(selector, typed)
        assert await page.eval_on_selector(selector, "e => e.checkValidity()") is valid
    finally:
        await page.close()
