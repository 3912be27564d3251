"""What keeps other sites out, through the app's HTTP client: the forms' CSRF token, the
origin check on unsafe requests, the security headers, and the sign-in form's way back
("next") that only leads to this site."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import form_token, post_form, sign_in
from tracker.app import create_app
from tracker.config import PACKAGE_DIR, Settings
from tracker.notify.tables import FeedToken
from tracker.org.auth import set_password

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
OFFICER = "hoa.tt@daison.example.vn"
PASSWORD = "mat-khau-thu-nghiem"
SITE = "http://testserver.local"  # the test client's own origin
EVIL = "https://evil.example"
BAD_TOKEN = "Biểu mẫu thiếu mã bảo vệ hoặc mã đã hết hạn"
FOREIGN = "Yêu cầu gửi từ trang khác (https://evil.example) nên bị từ chối"
Client = AsyncTestClient[Any]


@pytest.fixture
async def browsers(seeded_rw: Settings) -> AsyncIterator[Callable[..., Any]]:
    """Opens browsers of one app: signed in as the officer, or not."""
    assert await set_password(OFFICER, PASSWORD)
    app = create_app(seeded_rw, clock=lambda: NOW, bind_database=False)
    async with AsyncExitStack() as stack:

        async def open_one(signed_in: bool = True) -> Client:
            client = await stack.enter_async_context(AsyncTestClient(app=app, base_url=SITE))
            client.follow_redirects = False
            if signed_in:
                assert (await sign_in(client, OFFICER, PASSWORD)).status_code == 302
            return client

        yield open_one


def text(response: Any) -> str:
    return html.unescape(response.text)


# --------------------------------------------------------------------------- CSRF


async def test_a_form_post_without_the_token_is_refused(browsers: Callable[..., Any]) -> None:
    browser = await browsers()
    refused = await browser.post("/calendar/new", data={"kind": "person"})
    assert refused.status_code == 403
    assert BAD_TOKEN in text(refused)
    assert await FeedToken.count() == 0


async def test_a_form_post_with_a_wrong_token_is_refused(browsers: Callable[..., Any]) -> None:
    browser = await browsers()
    other = await browsers()  # the same person in another browser: another session
    for token in ("0" * 64, await form_token(other)):
        form = {"kind": "person", "csrf_token": token}
        refused = await browser.post("/calendar/new", data=form)
        assert refused.status_code == 403
        assert BAD_TOKEN in text(refused)
    assert await FeedToken.count() == 0


async def test_a_form_post_from_another_origin_is_refused_even_with_the_token(
    browsers: Callable[..., Any],
) -> None:
    browser = await browsers()
    form = {"kind": "person", "csrf_token": await form_token(browser)}
    for headers in ({"origin": EVIL}, {"referer": f"{EVIL}/trang"}):
        refused = await browser.post("/calendar/new", data=form, headers=headers)
        assert refused.status_code == 403
        assert FOREIGN in text(refused)
    sandboxed = await browser.post("/calendar/new", data=form, headers={"origin": "null"})
    assert sandboxed.status_code == 403
    assert await FeedToken.count() == 0


async def test_a_form_post_with_the_token_from_this_site_works(
    browsers: Callable[..., Any],
) -> None:
    browser = await browsers()
    form = {"kind": "person", "csrf_token": await form_token(browser, "/calendar")}
    for headers in ({"origin": SITE}, {"referer": f"{SITE}/calendar"}, {}):
        made = await browser.post("/calendar/new", data=form, headers=headers)
        assert made.status_code == 200, made.text
    assert await FeedToken.count() == 3


async def test_signing_out_needs_the_token(browsers: Callable[..., Any]) -> None:
    browser = await browsers()
    assert (await browser.post("/logout")).status_code == 403
    assert (await browser.get("/calendar")).status_code == 200  # still signed in
    assert (await post_form(browser, "/logout")).status_code == 302
    assert (await browser.get("/calendar")).status_code == 302


async def test_the_sign_in_form_needs_the_token_its_own_browser_was_given(
    browsers: Callable[..., Any],
) -> None:
    """Another site cannot sign a visitor in to an account of its choosing."""
    form = {"email": OFFICER, "password": PASSWORD, "next": "/"}
    browser = await browsers(signed_in=False)
    assert (await browser.post("/login", data=form)).status_code == 403
    forger = await browsers(signed_in=False)
    stolen = {**form, "csrf_token": await form_token(forger)}
    assert (await browser.post("/login", data=stolen)).status_code == 403
    own = {**form, "csrf_token": await form_token(browser)}
    assert (await browser.post("/login", data=own, headers={"origin": EVIL})).status_code == 403
    assert (await browser.post("/login", data=own)).status_code == 302


async def test_the_api_refuses_a_cookie_request_from_another_origin_but_not_a_script(
    browsers: Callable[..., Any],
) -> None:
    browser = await browsers()
    forged = await browser.post("/api/me/feeds", json={"kind": "person"}, headers={"origin": EVIL})
    assert forged.status_code == 403
    assert forged.json()["error"].startswith(FOREIGN)
    assert await FeedToken.count() == 0
    # A script with HTTP Basic credentials and no cookie sends no Origin: nothing to forge.
    script = await browsers(signed_in=False)
    made = await script.post("/api/me/feeds", json={"kind": "person"}, auth=(OFFICER, PASSWORD))
    assert made.status_code == 201, made.text
    same_site = await browser.post(
        "/api/me/feeds", json={"kind": "person"}, headers={"origin": SITE}
    )
    assert same_site.status_code == 201, same_site.text


# --------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    "path",
    ["/", "/login", "/calendar", "/static/tracker.css", "/static/copy.js", "/healthz",
     "/api/plans", "/khong-co-trang-nay", "/schema/openapi.json", "/feeds/khong-co.ics"],
)  # fmt: skip
async def test_every_response_carries_the_security_headers(
    browsers: Callable[..., Any], path: str
) -> None:
    browser = await browsers()
    headers = (await browser.get(path)).headers
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    policy = headers["content-security-policy"]
    assert "script-src 'self';" in policy
    assert "style-src 'self';" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


async def test_the_openapi_viewer_gets_a_policy_that_lets_its_own_scripts_run(
    browsers: Callable[..., Any],
) -> None:
    page = await (await browsers(signed_in=False)).get("/schema")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in policy
    script_src = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    for src in re.findall(r'<script[^>]*\bsrc="([^"]+)"', page.text):
        origin = "/".join(src.split("/")[:3])
        assert origin in script_src, src


INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)


def test_no_template_holds_an_inline_script_style_or_event_handler() -> None:
    found = {
        path.name: INLINE.findall(path.read_text(encoding="utf-8"))
        for path in (PACKAGE_DIR / "web" / "templates").glob("*.html")
    }
    assert {name: hits for name, hits in found.items() if hits} == {}


# --------------------------------------------------------------------------- redirects


@pytest.mark.parametrize(
    ("asked", "kept"),
    [
        ("/plans/dai-son-2026?xem=1", "/plans/dai-son-2026?xem=1"),
        ("/\\evil.example", "/"),
        ("/\\/evil.example", "/"),
        ("//evil.example", "/"),
        ("/\t/evil.example", "/"),
        ("/\n/evil.example", "/"),
        ("https://evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("evil.example", "/"),
    ],
)
async def test_the_sign_in_form_leads_back_only_to_this_site(
    browsers: Callable[..., Any], asked: str, kept: str
) -> None:
    browser = await browsers(signed_in=False)
    page = await browser.get("/login", params={"next": asked})
    assert f'name="next" value="{html.escape(kept)}"' in page.text


async def test_signing_in_with_a_backslash_way_back_stays_on_this_site(
    browsers: Callable[..., Any],
) -> None:
    browser = await browsers(signed_in=False)
    answer = await sign_in(browser, OFFICER, PASSWORD, next="/\\evil.example")
    assert answer.status_code == 302
    # Where an officer lands when there is no page to return to.
    assert answer.headers["location"] == "/compliance"
