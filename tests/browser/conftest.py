"""Browser tests: the real service (``tracker serve`` in a process of its own, on a seeded
copy of the demo data) driven by Chromium through Playwright.

- One browser for the whole session; each test opens its own contexts (cookies apart).
- One server per test module, on SQLite and, when TRACKER_TEST_DATABASE_URL is set, on
  PostgreSQL (the backends of :mod:`tests.conftest`). A module whose journeys need the
  background worker overrides the ``serve_args`` fixture, and one that needs other
  settings (a mail server, say) the ``serve_env`` fixture.
- Chromium is Debian's (``/usr/bin/chromium``, or TRACKER_TEST_CHROMIUM): Playwright's
  own download is never used. Without it, or without Playwright, the tests are skipped
  with the reason; under CI (CI=true) they fail instead.
- ``--screenshots DIR`` (given with ``tests/browser`` on the command line) keeps the
  pictures the journeys take for the README (``screenshot(page, name)``), on SQLite.
- A failing test leaves a screenshot of each page it opened, and the server's log, in
  ``test-artifacts/browser/`` (or TRACKER_TEST_ARTIFACTS); the paths are printed.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import BACKENDS, make_settings, seeded_database
from tracker.config import PROJECT_DIR, Settings
from tracker.org.auth import set_password

try:
    from playwright.async_api import Browser, Page, async_playwright
except ImportError:  # reported by the ``browser`` fixture: skipped, or failed in CI
    async_playwright = None

CHROMIUM = Path(os.environ.get("TRACKER_TEST_CHROMIUM") or "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("TRACKER_TEST_ARTIFACTS") or PROJECT_DIR / "test-artifacts")
SHOTS = ARTIFACTS / "browser"
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
PASSWORD = "mat-khau-trinh-duyet"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# The demo people a journey signs in as, by what they are.
PEOPLE = {
    "officer": "hoa.tt@daison.example.vn",
    "chairman": "thang.pv@daison.example.vn",
    "member": "tuan.lm@daison.example.vn",
    "viewer": "tam.btt@haiphong.example.vn",
}

_saved: list[Path] = []


def _missing() -> str:
    """Why the browser tests cannot run here ("" when they can)."""
    if async_playwright is None:
        return "Playwright for Python is not installed (uv sync installs it with the dev group)"
    if not CHROMIUM.is_file():
        return (
            f"Chromium is not at {CHROMIUM}: install Debian's package "
            "(apt-get install -y chromium) or set TRACKER_TEST_CHROMIUM"
        )
    return ""


@pytest.fixture(scope="session", autouse=True)
async def browser() -> AsyncIterator[Browser]:
    """The one Chromium of the session; first, so a missing one stops before any server."""
    reason = _missing()
    if reason:
        if IN_CI:
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        await chromium.close()


# --------------------------------------------------------------------------- the server


@dataclass
class Server:
    """A running ``tracker serve`` and the database it serves (bound in this process too,
    so a test can look things up or set them)."""

    url: str
    settings: Settings
    log: Path
    process: subprocess.Popen[bytes]
    backend: str = "sqlite"
    states: dict[str, Any] = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture(scope="module")
def serve_args() -> list[str]:
    """Options of ``tracker serve`` beyond the port; a module may override this fixture
    (without ``--no-worker`` the background worker runs beside the web app)."""
    return ["--no-worker"]


@pytest.fixture(scope="module")
def serve_env() -> dict[str, str]:
    """Settings (``TRACKER_*`` variables) of the service and its worker beyond the
    database, the data directory and public reading; a module may override this fixture
    (to send mail to a test SMTP server, say)."""
    return {}


@pytest.fixture(scope="module", params=BACKENDS)
async def server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    seeded_sqlite_template: Path,
    postgres_seeded: str,
    serve_args: list[str],
    serve_env: dict[str, str],
) -> AsyncIterator[Server]:
    """``tracker serve`` on a free port, over a seeded database of its own, with public
    reading on; stopped after the module's tests."""
    backend = request.param
    data_dir = tmp_path_factory.mktemp("browser-data")
    url = await seeded_database(backend, data_dir, seeded_sqlite_template, postgres_seeded)
    settings = make_settings(data_dir, database_url=url, public_read=True)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(TRACKER_DATA_DIR=str(data_dir), TRACKER_DATABASE_URL=url, TRACKER_PUBLIC_READ="true")
    env.update(serve_env)
    SHOTS.mkdir(parents=True, exist_ok=True)
    log = SHOTS / f"{_slug(request.node.nodeid)}-{backend}-server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tracker", "serve", "--port", str(port), *serve_args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180  # a busy machine starts slowly
    while not _answers(base):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            text = log.read_text(encoding="utf-8", errors="replace")
            pytest.fail(f"tracker serve did not start (log {log}):\n{text[-3000:]}")
        time.sleep(0.2)
    try:
        yield Server(url=base, settings=settings, log=log, process=process, backend=backend)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --------------------------------------------------------------------------- pages


def _slug(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text).strip("_")[:150]


async def sign_in(page: Page, email: str) -> None:
    """Sign in through the form as ``email`` (given :data:`PASSWORD` first); the page ends
    where the service sends the person (their landing page)."""
    assert await set_password(email, PASSWORD), f"no demo person {email}"
    await page.goto("/login")
    await page.get_by_label("Địa chỉ e-mail").fill(email)
    await page.get_by_label("Mật khẩu").fill(PASSWORD)
    await page.get_by_role("button", name="Đăng nhập").click()
    await page.wait_for_url(lambda url: "/login" not in url)


async def _signed_in_state(browser: Browser, server: Server, email: str) -> Any:
    """Cookies of a browser that signed in as ``email`` through the form, once per server."""
    if email not in server.states:
        context = await browser.new_context(base_url=server.url)
        page = await context.new_page()
        await sign_in(page, email)
        server.states[email] = await context.storage_state()
        await context.close()
    return server.states[email]


OpenPage = Callable[..., Awaitable["Page"]]


@pytest.fixture
async def open_page(
    browser: Browser, server: Server, request: pytest.FixtureRequest
) -> AsyncIterator[OpenPage]:
    """``await open_page(who=None, viewport=PHONE)``: a new page in a browser of its own,
    signed in as the demo person ``who`` ("officer", "member", … or an e-mail) or not
    signed in at all. A failing test leaves a screenshot of every page it opened."""
    contexts = []
    pages: list[Page] = []

    async def opener(who: str | None = None, viewport: dict[str, int] | None = None) -> Page:
        state = None
        if who is not None:
            state = await _signed_in_state(browser, server, PEOPLE.get(who, who))
        context = await browser.new_context(
            base_url=server.url,
            viewport=viewport or DESKTOP,
            storage_state=state,
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
        )
        contexts.append(context)
        page = await context.new_page()
        pages.append(page)
        return page

    yield opener
    report = getattr(request.node, "call_report", None)
    if report is not None and report.failed:
        SHOTS.mkdir(parents=True, exist_ok=True)
        for index, page in enumerate(pages):
            path = SHOTS / f"{_slug(request.node.nodeid)}-{index}.png"
            try:
                await page.screenshot(path=str(path), full_page=True)
            except Exception as exc:  # a page that crashed has nothing to show
                print(f"no screenshot of {page.url}: {exc}")
                continue
            _saved.append(path)
            print(f"screenshot of {page.url}: {path}")
        print(f"server log: {server.log}")
    for context in contexts:
        await context.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--screenshots",
        metavar="DIR",
        default=None,
        help="save the browser journeys' pictures for the README (docs/screenshots) in DIR",
    )


Screenshot = Callable[["Page", str], Awaitable[None]]


@pytest.fixture
def screenshot(request: pytest.FixtureRequest, server: Server) -> Screenshot:
    """``await screenshot(page, name)``: with ``--screenshots DIR``, the page as the
    browser shows it (its viewport, not the whole page: small files) in DIR/name.png,
    taken on the SQLite run only; without the option, nothing."""
    folder = request.config.getoption("--screenshots")

    async def take(page: Page, name: str) -> None:
        if folder and server.backend == "sqlite":
            Path(folder).mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=str(Path(folder) / f"{name}.png"))

    return take


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keeps the outcome of the test's call where its fixtures look at teardown."""
    report = yield
    if report.when == "call":
        item.call_report = report  # type: ignore[attr-defined]
    return report


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _saved:
        terminalreporter.section("browser screenshots of failures")
        for path in _saved:
            terminalreporter.write_line(str(path))
