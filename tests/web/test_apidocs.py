"""The API's documentation under /schema works with no internet: its page names only
assets of our own origin, and each of them is served by the app from the installed
package (litestar-offline-docs) or from our own static files."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tracker.app import create_app
from tracker.config import Settings
from tracker.web.apidocs import ASSETS

ASSET = re.compile(r'<(?:script|link)[^>]*\b(?:src|href)="([^"]+)"')


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    """No database: the documentation must not need one."""
    app = create_app(settings, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


@pytest.mark.parametrize("path", ["/schema", "/schema/swagger"])
async def test_the_viewer_names_only_same_origin_assets_and_each_loads(
    client: AsyncTestClient[Any], path: str
) -> None:
    page = await client.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "http://" not in page.text
    assert "https://" not in page.text
    assets = ASSET.findall(page.text)
    assert sorted(assets) == [
        "/schema/assets/swagger-ui-bundle.js",
        "/schema/assets/swagger-ui-standalone-preset.js",
        "/schema/assets/swagger-ui.css",
        "/static/apidocs.js",
        "/static/favicon.svg",
    ]
    for asset in assets:
        answer = await client.get(asset)
        assert answer.status_code == 200, asset
        assert len(answer.content) > 500, asset
    # The document the viewer reads, named by the page rather than by an inline script.
    assert 'data-spec="/schema/openapi.json"' in page.text
    spec = await client.get("/schema/openapi.json")
    assert spec.status_code == 200
    assert spec.json()["info"]["title"] == "tracker"


async def test_the_assets_are_the_installed_packages_files(
    client: AsyncTestClient[Any],
) -> None:
    bundle = await client.get("/schema/assets/swagger-ui-bundle.js")
    assert bundle.content == (ASSETS / "swagger-ui-bundle.js").read_bytes()
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert "max-age=86400" in bundle.headers["cache-control"]
    style = await client.get("/schema/assets/swagger-ui.css")
    assert style.headers["content-type"].startswith("text/css")


async def test_no_viewer_that_loads_from_a_cdn_is_offered(client: AsyncTestClient[Any]) -> None:
    for path in ("/schema/redoc", "/schema/elements", "/schema/rapidoc"):
        assert (await client.get(path)).status_code == 404, path
    assert (await client.get("/schema/openapi.yaml")).status_code == 200
