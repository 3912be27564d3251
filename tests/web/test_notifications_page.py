"""The page "Thông báo" and the unread count in the header, through the app: a reminder
pass writes a person's notifications, the page lists them newest first with the unread
ones marked and links to their deadlines, and marking one or all read moves the count."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import post_form, sign_in
from tracker.app import create_app
from tracker.config import Settings
from tracker.notify.reminders import reminder_pass
from tracker.notify.tables import Outbox
from tracker.org.auth import set_password
from tracker.org.tables import Person

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
LONG = "long.nh@daison.example.vn"  # of the office, which leads the weekly report
TUAN = "tuan.lm@daison.example.vn"
PASSWORD = "mat-khau-thong-bao"
COUNT = re.compile(r'<span class="count" title="(\d+) thông báo chưa đọc">')
NOTE = re.compile(r'<li class="note( unread)?">(.*?)</li>\s*(?=<li class="note|</ol>)', re.S)

Client = AsyncTestClient[Any]


@pytest.fixture
async def clients(seeded_rw: Settings) -> AsyncIterator[dict[str, Client]]:
    """A browser signed in as each of LONG and TUAN, and one not signed in."""
    for email in (LONG, TUAN):
        assert await set_password(email, PASSWORD)
    app = create_app(seeded_rw, clock=lambda: NOW, bind_database=False)
    async with AsyncExitStack() as stack:
        opened = {}
        for email in (LONG, TUAN, None):
            client = await stack.enter_async_context(AsyncTestClient(app=app))
            client.follow_redirects = False
            if email is not None:
                assert (await sign_in(client, email, PASSWORD)).status_code == 302
            opened[email or "anonymous"] = client
        yield opened


async def person_id(email: str) -> int:
    row = await Person.select(Person.id).where(Person.email == email).first()
    assert row is not None
    return int(row["id"])


async def stored(email: str) -> list[dict[str, Any]]:
    """The person's in-app notifications as stored, newest first."""
    return list(
        await Outbox.select(Outbox.id, Outbox.occurrence, Outbox.subject, Outbox.read_at)
        .where((Outbox.person == await person_id(email)) & (Outbox.channel == "inapp"))
        .order_by(Outbox.id, ascending=False)
    )


def header_count(html: str) -> int | None:
    found = COUNT.search(html)
    return int(found.group(1)) if found else None


async def test_before_any_reminder_the_page_is_empty_and_the_header_has_no_count(
    clients: dict[str, Client],
) -> None:
    page = await clients[LONG].get("/notifications")
    assert page.status_code == 200
    assert "Bạn chưa có thông báo nào." in page.text
    assert header_count(page.text) is None
    assert '<a href="/notifications" aria-current="page">Thông báo</a>' in page.text


async def test_the_page_lists_them_newest_first_unread_marked_each_leading_to_its_deadline(
    clients: dict[str, Client], seeded_rw: Settings
) -> None:
    await reminder_pass(seeded_rw, NOW)
    rows = await stored(LONG)
    assert len(rows) >= 2
    page = (await clients[LONG].get("/notifications")).text
    notes = NOTE.findall(page)
    assert len(notes) == len(rows)
    # Newest first, every one unread, each with its own "mark read" form.
    for (unread, html), row in zip(notes, rows, strict=True):
        assert unread == " unread"
        assert "Chưa đọc" in html
        assert f'action="/notifications/{row["id"]}/read"' in html
        if row["occurrence"] is not None:
            assert f'href="/occurrences/{row["occurrence"]}">{row["subject"]}</a>' in html
    # The daily digest lists its deadlines, each a link to its page.
    [digest] = [html for _, html in notes if "Tổng hợp ngày 08/04/2026" in html]
    assert re.search(r"<h3>(Quá hạn|Đến hạn trong 7 ngày tới) \(\d+\)</h3>", digest)
    assert re.search(r'<li><a href="/occurrences/\d+">', digest)
    # The header of every page counts them; another person's header does not.
    assert header_count(page) == len(rows)
    assert header_count((await clients[LONG].get("/units")).text) == len(rows)
    tuan = await stored(TUAN)
    assert header_count((await clients[TUAN].get("/")).text) == (len(tuan) or None)


async def test_marking_one_then_all_read_moves_the_count(
    clients: dict[str, Client], seeded_rw: Settings
) -> None:
    await reminder_pass(seeded_rw, NOW)
    rows = await stored(LONG)
    first = rows[-1]["id"]
    marked = await post_form(clients[LONG], f"/notifications/{first}/read")
    assert marked.status_code in (302, 303)
    assert marked.headers["location"].startswith("/notifications")
    page = (await clients[LONG].get("/notifications")).text
    assert header_count(page) == len(rows) - 1
    assert [unread for unread, _ in NOTE.findall(page)].count(" unread") == len(rows) - 1
    assert next(r for r in await stored(LONG) if r["id"] == first)["read_at"] == NOW
    # Only the unread ones, when asked.
    unread_only = (await clients[LONG].get("/notifications?unread=true")).text
    assert len(NOTE.findall(unread_only)) == len(rows) - 1
    assert f'action="/notifications/{first}/read"' not in unread_only

    everything = await post_form(clients[LONG], "/notifications/read")
    assert everything.status_code in (302, 303)
    assert everything.headers["location"] == f"/notifications?marked={len(rows) - 1}"
    page = (await clients[LONG].get(everything.headers["location"])).text
    assert f"Đã đánh dấu đã đọc {len(rows) - 1} thông báo." in page
    assert "Bạn đã đọc hết thông báo." in page
    assert header_count(page) is None
    assert all(r["read_at"] is not None for r in await stored(LONG))


async def test_nobody_marks_another_persons_notification_read(
    clients: dict[str, Client], seeded_rw: Settings
) -> None:
    await reminder_pass(seeded_rw, NOW)
    theirs = (await stored(LONG))[0]["id"]
    refused = await post_form(clients[TUAN], f"/notifications/{theirs}/read")
    assert refused.status_code == 404
    assert f"Không có thông báo số {theirs}." in refused.text
    assert (
        f'action="/notifications/{theirs}/read"'
        not in (await clients[TUAN].get("/notifications")).text
    )
    assert (await stored(LONG))[0]["read_at"] is None


async def test_the_page_asks_to_sign_in(clients: dict[str, Client]) -> None:
    page = await clients["anonymous"].get("/notifications")
    assert page.status_code in (302, 303)
    assert page.headers["location"] == "/login?next=%2Fnotifications"
    assert 'href="/notifications"' not in (await clients["anonymous"].get("/login")).text
