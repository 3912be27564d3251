"""Signing in and out through the app's HTTP client: sessions kept by the server (a
replayed cookie stops working once its session ends), and the throttling of wrong
passwords on the form and on HTTP Basic, with time driven by the app's clock."""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AsyncExitStack, contextmanager
from typing import Any

import httpx
import pytest
import uvicorn
from argon2 import PasswordHasher
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import sign_in, sign_out
from tracker.app import create_app
from tracker.config import Settings
from tracker.org.auth import hasher_for, set_password
from tracker.org.sessions import deactivate_person
from tracker.org.tables import Person, PersonSession
from tracker.org.throttle import SignInLimits

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
OFFICER = "hoa.tt@daison.example.vn"
QUYNH = "quynh.vn@daison.example.vn"
PASSWORD = "mat-khau-thu-nghiem"
WRONG = "mat-khau-sai-1"
MINE = "/calendar"  # a page only a signed-in person sees
Client = AsyncTestClient[Any]


class Clock:
    """The app's "now", moved by the tests."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def people(seeded_rw: Settings) -> Settings:
    for email in (OFFICER, QUYNH):
        assert await set_password(email, PASSWORD)
    return seeded_rw


@pytest.fixture
async def browsers(people: Settings, clock: Clock) -> AsyncIterator[Callable[..., Any]]:
    """Opens browsers (clients with a cookie jar each) of one app, or of an app with other
    sign-in limits."""
    async with AsyncExitStack() as stack:

        async def open_one(app: Litestar | None = None) -> Client:
            app = app or create_app(people, clock=clock, bind_database=False)
            client = await stack.enter_async_context(AsyncTestClient(app=app))
            client.follow_redirects = False
            return client

        yield open_one


@contextmanager
def serving(app: Litestar) -> Iterator[str]:
    """The app behind a real uvicorn server in a thread of its own; its base URL. The
    test client hands one request at a time to the app (it blocks the caller's loop
    while the app answers), so requests that must overlap need a real server."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(500):
            if server.started:
                break
            time.sleep(0.01)
        assert server.started, "the test server did not start"
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


async def shows_my_page(client: Client) -> bool:
    response = await client.get(MINE)
    assert response.status_code in (200, 302, 303)
    return response.status_code == 200


# --------------------------------------------------------------------------- sessions


async def test_a_session_cookie_replayed_after_signing_out_no_longer_works(
    browsers: Callable[..., Any],
) -> None:
    browser = await browsers()
    assert (await sign_in(browser, OFFICER, PASSWORD)).status_code == 302
    stolen = browser.cookies["tracker_session"]
    assert await shows_my_page(browser)
    assert (await sign_out(browser)).status_code == 302

    thief = await browsers()
    thief.cookies.set("tracker_session", stolen)
    assert not await shows_my_page(thief)
    assert (await thief.get("/api/me/notifications")).status_code == 401


async def test_deactivating_a_person_ends_their_sessions_for_good(
    browsers: Callable[..., Any], clock: Clock
) -> None:
    browser = await browsers()
    await sign_in(browser, OFFICER, PASSWORD)
    cookie = browser.cookies["tracker_session"]
    assert await shows_my_page(browser)

    assert await deactivate_person(OFFICER, clock.now)
    assert not await shows_my_page(browser)
    assert (await sign_in(await browsers(), OFFICER, PASSWORD)).status_code == 401

    # Made active again, they sign in afresh: the old session stays ended.
    await Person.update({Person.active: True}).where(Person.email == OFFICER)
    replay = await browsers()
    replay.cookies.set("tracker_session", cookie)
    assert not await shows_my_page(replay)
    again = await browsers()
    assert (await sign_in(again, OFFICER, PASSWORD)).status_code == 302
    assert await shows_my_page(again)


async def test_a_session_ends_after_fourteen_idle_days_or_thirty_days_in_all(
    browsers: Callable[..., Any], clock: Clock
) -> None:
    idle = await browsers()
    busy = await browsers()
    await sign_in(idle, OFFICER, PASSWORD)
    await sign_in(busy, QUYNH, PASSWORD)
    for days in (10, 10, 9):  # day 10, 20, 29: the busy one is never idle for 14 days
        clock.advance(days=days)
        assert await shows_my_page(busy)
    assert not await shows_my_page(idle)
    clock.advance(days=2)  # day 31
    assert not await shows_my_page(busy)


async def test_signing_in_again_ends_the_session_the_browser_had(
    browsers: Callable[..., Any],
) -> None:
    browser = await browsers()
    await sign_in(browser, OFFICER, PASSWORD)
    first = browser.cookies["tracker_session"]
    await sign_in(browser, QUYNH, PASSWORD)
    assert browser.cookies["tracker_session"] != first
    replay = await browsers()
    replay.cookies.set("tracker_session", first)
    assert not await shows_my_page(replay)
    assert await PersonSession.count().where(PersonSession.revoked_at.is_null()) == 1


# --------------------------------------------------------------------------- throttling


async def test_the_sixth_try_waits_after_five_wrong_passwords_even_with_the_right_one(
    browsers: Callable[..., Any], clock: Clock
) -> None:
    browser = await browsers()
    for _ in range(5):
        assert (await sign_in(browser, OFFICER, WRONG)).status_code == 401
    clock.advance(seconds=10)
    waiting = await sign_in(browser, OFFICER, PASSWORD)
    assert waiting.status_code == 429
    assert waiting.headers["retry-after"] == "20"
    assert "Đăng nhập sai quá nhiều lần; hãy thử lại sau 20 giây (lúc 15:00:30)." in (waiting.text)
    # The same account from another browser waits too; another account does not.
    assert (await sign_in(await browsers(), OFFICER, PASSWORD)).status_code == 429
    assert (await sign_in(await browsers(), QUYNH, PASSWORD)).status_code == 302

    clock.advance(seconds=21)
    assert (await sign_in(browser, OFFICER, PASSWORD)).status_code == 302
    # Signing in wiped the count: one wrong password is just wrong again.
    assert (await sign_in(await browsers(), OFFICER, WRONG)).status_code == 401


async def test_each_further_wrong_password_doubles_the_wait(
    browsers: Callable[..., Any], clock: Clock
) -> None:
    browser = await browsers()
    for _ in range(5):
        await sign_in(browser, OFFICER, WRONG)
    for wait in (30, 60, 120):
        refused = await sign_in(browser, OFFICER, WRONG)
        assert refused.status_code == 429
        assert refused.headers["retry-after"] == str(wait)
        clock.advance(seconds=wait)
        assert (await sign_in(browser, OFFICER, WRONG)).status_code == 401


async def test_http_basic_is_throttled_like_the_form(
    browsers: Callable[..., Any], clock: Clock
) -> None:
    script = await browsers()
    for _ in range(5):
        wrong = await script.get("/api/me/notifications", auth=(OFFICER, WRONG))
        assert wrong.status_code == 401
    refused = await script.get("/api/me/notifications", auth=(OFFICER, PASSWORD))
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "30"
    assert refused.json()["error"].startswith("Đăng nhập sai quá nhiều lần; hãy thử lại sau 30")
    # The form shares the count.
    assert (await sign_in(await browsers(), OFFICER, PASSWORD)).status_code == 429
    clock.advance(seconds=30)
    answer = await script.get("/api/me/notifications", auth=(OFFICER, PASSWORD))
    assert answer.status_code == 200


async def test_one_address_guessing_many_accounts_is_throttled(
    browsers: Callable[..., Any], people: Settings, clock: Clock
) -> None:
    limits = SignInLimits(address_free=3)
    browser = await browsers(create_app(people, clock=clock, bind_database=False,
                                        sign_in_limits=limits))  # fmt: skip
    for n in range(3):
        assert (await sign_in(browser, f"khach{n}@example.vn", WRONG)).status_code == 401
    assert (await sign_in(browser, OFFICER, PASSWORD)).status_code == 429


async def test_a_burst_of_parallel_guesses_gets_no_more_checks_than_five(
    people: Settings, clock: Clock
) -> None:
    app = create_app(people, clock=clock, bind_database=False)
    with serving(app) as url:
        async with httpx.AsyncClient(base_url=url, timeout=60) as script:
            answers = await asyncio.gather(
                *(script.get("/api/me/notifications", auth=(OFFICER, f"doan-{n}"))
                  for n in range(12))
            )  # fmt: skip
    statuses = [a.status_code for a in answers]
    assert statuses.count(401) <= 5, statuses
    assert statuses.count(429) >= 7, statuses


async def test_health_answers_at_once_while_wrong_basic_credentials_are_checked(
    people: Settings, clock: Clock
) -> None:
    """argon2 runs in a thread: four scripts with wrong passwords do not hold up the
    event loop (on it, /healthz waited for their checks: 22 ms became 230 ms)."""
    loose = SignInLimits(account_free=1000, address_free=1000)
    app = create_app(people, clock=clock, bind_database=False, sign_in_limits=loose)
    # The service's own cost, not the suite's cheap one: the point is a check that takes time.
    full_cost = hasher_for({}).hash(PASSWORD)
    await Person.update({Person.password_hash: full_cost}).where(
        Person.email.is_in([OFFICER, QUYNH])
    )
    started = time.perf_counter()
    PasswordHasher().verify(full_cost, PASSWORD)
    one_check = time.perf_counter() - started

    async def guess(client: httpx.AsyncClient, email: str) -> None:
        for n in range(3):
            wrong = await client.get("/api/me/notifications", auth=(email, f"sai-{n}"))
            assert wrong.status_code == 401

    async def health(client: httpx.AsyncClient) -> list[float]:
        await asyncio.sleep(one_check / 2)  # the checks are under way by then
        times = []
        for _ in range(8):
            started = time.perf_counter()
            assert (await client.get("/healthz")).status_code == 200
            times.append(time.perf_counter() - started)
            await asyncio.sleep(one_check / 4)
        return times

    emails = [OFFICER, QUYNH, OFFICER, QUYNH]
    with serving(app) as url:
        async with httpx.AsyncClient(base_url=url, timeout=60) as client:
            *_, times = await asyncio.gather(
                *(guess(client, email) for email in emails), health(client)
            )
    # On the loop, a health check waits for the checks ahead of it (each ``one_check``
    # long); in threads it waits for none of them.
    assert statistics.median(times) < one_check / 2, (times, one_check)


async def test_an_overlong_e_mail_is_just_a_wrong_sign_in(browsers: Callable[..., Any]) -> None:
    script = await browsers()
    answer = await script.get("/api/me/notifications", auth=("a" * 2000 + "@x.vn", WRONG))
    assert answer.status_code == 401
