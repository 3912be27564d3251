"""The API's documentation under ``/schema``, readable with no internet: Swagger UI from
an installed package (``litestar-offline-docs`` ships its bundle), served by the app under
``/schema/assets/``, started by a script of ours rather than an inline one, so the page
runs under the same Content-Security-Policy as every other page. Litestar's own viewers
load their code from CDNs; they are not offered."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

import litestar_offline_docs
from litestar.datastructures import CacheControlHeader
from litestar.openapi.plugins import SwaggerRenderPlugin, YamlRenderPlugin
from litestar.static_files import create_static_files_router

from tracker.org.guards import public

if TYPE_CHECKING:
    from litestar import Request, Router
    from litestar.openapi.plugins import OpenAPIRenderPlugin

__all__ = ["ASSETS", "OfflineSwagger", "render_plugins"]

ASSETS = Path(litestar_offline_docs.__file__).resolve().parent / "static"
_ASSETS_PATH = "/assets"


class OfflineSwagger(SwaggerRenderPlugin):
    """Swagger UI at ``/schema`` and ``/schema/swagger`` from the app's own assets."""

    def __init__(self, root: str = "/schema") -> None:
        assets = f"{root}{_ASSETS_PATH}"
        super().__init__(
            js_url=f"{assets}/swagger-ui-bundle.js",
            css_url=f"{assets}/swagger-ui.css",
            standalone_preset_js_url=f"{assets}/swagger-ui-standalone-preset.js",
            path=["/", "/swagger"],
            favicon='<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">',
        )

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        """The page: the viewer's assets, and /static/apidocs.js, which starts it on the
        document at ``data-spec`` (no inline script, no inline style)."""
        title = html.escape(str(openapi_schema["info"]["title"]))
        spec = html.escape(self.get_openapi_json_route(request))
        page = f"""<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} · Tài liệu API</title>
  {self.favicon}
  <link rel="stylesheet" href="{self.css_url}">
  <script src="{self.js_url}" defer></script>
  <script src="{self.standalone_preset_js_url}" defer></script>
  <script src="/static/apidocs.js" defer></script>
</head>
<body>
  <div id="swagger-container" data-spec="{spec}"></div>
</body>
</html>
"""
        return page.encode("utf-8")

    def receive_router(self, router: Router) -> None:
        """Serves the assets beside the page; no OAuth2 redirect page (the API signs in
        with a session or HTTP Basic, and that page is an inline script)."""
        router.register(
            create_static_files_router(
                path=_ASSETS_PATH,
                directories=[ASSETS],
                guards=[public],
                name="schema-assets",
                # Kept a day: they change only with the installed package.
                cache_control=CacheControlHeader(public=True, max_age=86400),
            )
        )


def render_plugins() -> list[OpenAPIRenderPlugin]:
    """Swagger UI, and the document as YAML beside the JSON Litestar always serves."""
    return [OfflineSwagger(), YamlRenderPlugin(path=["/openapi.yaml", "/openapi.yml"])]
