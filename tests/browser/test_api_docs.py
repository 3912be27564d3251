"""/schema in a real browser with no internet: every request it makes stays on the
service (any other is cut and named), the operations show, and nothing is refused by
the page's Content-Security-Policy."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import OpenPage, Server


async def test_the_api_documentation_renders_from_the_service_alone(
    open_page: OpenPage, server: Server
) -> None:
    page = await open_page(None)
    elsewhere: list[str] = []
    problems: list[str] = []

    async def only_ours(route: Any) -> None:
        if route.request.url.startswith(server.url + "/"):
            await route.continue_()
        else:
            elsewhere.append(route.request.url)
            await route.abort()

    await page.route("**/*", only_ours)
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    response = await page.goto("/schema")
    assert response is not None
    assert response.status == 200
    operations = page.locator(".opblock")
    await operations.first.wait_for(timeout=20_000)
    assert await operations.count() > 10
    assert await page.locator(".opblock-summary-path", has_text="/api/plans").count() > 0
    # Opening one operation draws its parameters and answers, still from the service alone.
    await page.locator(".opblock-summary", has_text="/healthz").first.click()
    await page.locator(".opblock-body").first.wait_for()
    assert elsewhere == []
    assert problems == []
