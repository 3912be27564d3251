"""The "Lịch của tôi" page (/calendar): a person's calendar feeds, a new link shown once
with its webcal form and QR code, revoking and regenerating, through the app's own HTTP
client on a seeded database of each test's own (they write)."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from typing import Any
from urllib.parse import urlsplit

import icalendar
import pytest
import segno
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import post_form, sign_in
from tracker.app import create_app
from tracker.config import Settings
from tracker.notify.feeds import CACHE
from tracker.notify.tables import FeedToken
from tracker.org.auth import set_password
from tracker.org.tables import Person
from tracker.web.feedpage import QR_ALT

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
BASE_URL = "https://lich.daison.example.vn"

OFFICER = "hoa.tt@daison.example.vn"  # officer of Đại Sơn
CHAIRMAN = "thang.pv@daison.example.vn"
LONG = "long.nh@daison.example.vn"  # a member of the office (vp), which leads the weekly report
QUYNH = "quynh.vn@daison.example.vn"  # a member of another unit of Đại Sơn
PASSWORD = "mat-khau-thu-nghiem"

Client = AsyncTestClient[Any]


@pytest.fixture
async def open_client(seeded_rw: Settings) -> AsyncIterator[Callable[..., Any]]:
    """Opens clients of one app: signed in through the /login form (a session cookie),
    or anonymous."""
    for email in (OFFICER, CHAIRMAN, LONG, QUYNH):
        assert await set_password(email, PASSWORD)
    CACHE.clear()  # built feeds are kept per process; each test has a database of its own
    settings = seeded_rw.with_changes(base_url=BASE_URL)
    app = create_app(settings, clock=lambda: NOW, bind_database=False)
    async with AsyncExitStack() as stack:

        async def open_one(email: str | None = None) -> Client:
            # https, since the session cookie is Secure when the base URL is https.
            client = await stack.enter_async_context(
                AsyncTestClient(app=app, base_url="https://testserver.local")
            )
            client.follow_redirects = False  # the tests look at the redirects themselves
            if email is not None:
                response = await sign_in(client, email, PASSWORD, next="/calendar")
                assert response.status_code in (302, 303), response.text
                assert response.headers["location"] == "/calendar"
            return client

        yield open_one


def field(page: str, element_id: str) -> str:
    match = re.search(rf'<input id="{element_id}"[^>]*\bvalue="([^"]*)"', page)
    assert match is not None, f"no input #{element_id}"
    return html.unescape(match.group(1))


def webcal_link(page: str) -> str:
    match = re.search(r'<a class="open" href="([^"]*)">Mở trong ứng dụng lịch</a>', page)
    assert match is not None
    return html.unescape(match.group(1))


def local_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


async def new_person_feed(client: Client) -> tuple[str, Any]:
    response = await post_form(client, "/calendar/new", data={"kind": "person"})
    assert response.status_code == 200, response.text
    return field(response.text, "feed-url"), response


async def feed_ids(email: str) -> list[int]:
    person = await Person.select(Person.id).where(Person.email == email).first()
    assert person is not None
    rows = await FeedToken.select(FeedToken.id).where(FeedToken.person == person["id"])
    return sorted(r["id"] for r in rows)


def qr_modules(svg: str) -> list[list[bool]]:
    """The dark modules of segno's SVG path (class "qrline": "M4 4.5h7m4 0h3...", in
    module units after scale(n)), read back into a matrix without the quiet zone. The
    other path is the light background."""
    size = re.search(r'<svg width="(\d+)" height="(\d+)"', svg)
    scale = re.search(r'transform="scale\((\d+)\)"', svg)
    path = re.search(r'<path[^>]*class="qrline"[^>]*\bd="([^"]+)"', svg)
    assert size is not None
    assert scale is not None
    assert path is not None
    side = int(size.group(1)) // int(scale.group(1))
    cells = [[False] * side for _ in range(side)]
    x = y = 0.0
    for op, a, b in re.findall(r"([MmHhVv])(-?[\d.]+)(?:\s+(-?[\d.]+))?", path.group(1)):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        elif op == "h":
            for i in range(int(float(a))):
                cells[int(y)][int(x) + i] = True
            x += float(a)
        else:
            raise AssertionError(f"unexpected path command {op}")
    dark = [r for r in range(side) if any(cells[r])]
    first, last = dark[0], dark[-1]
    return [row[first : last + 1] for row in cells[first : last + 1]]


# --------------------------------------------------------------------------- the page


async def test_anonymous_people_are_sent_to_sign_in(open_client: Callable[..., Any]) -> None:
    client = await open_client()
    response = await client.get("/calendar")
    assert response.status_code in (302, 303)
    assert response.headers["location"] == "/login?next=%2Fcalendar"
    posted = await post_form(client, "/calendar/new", data={"kind": "person"})
    assert posted.status_code in (302, 303)
    assert posted.headers["location"].startswith("/login?next=")
    assert await feed_ids(LONG) == []
    # The address a person may guess leads to the page too.
    guessed = await client.get("/feeds")
    assert guessed.headers["location"] == "/calendar"


async def test_a_member_sees_the_page_in_vietnamese(open_client: Callable[..., Any]) -> None:
    client = await open_client(LONG)
    response = await client.get("/calendar")
    assert response.status_code == 200
    page = response.text
    assert '<html lang="vi">' in page
    assert "<h1>Lịch của tôi</h1>" in page
    assert "Bạn chưa có đường dẫn lịch nào." in page
    assert "Tạo đường dẫn lịch của tôi" in page
    # In the site's navigation, marked as the page that is open.
    assert '<a href="/calendar" aria-current="page">Lịch của tôi</a>' in page
    # A member makes only their own feed: no form for a unit's or a plan's.
    assert 'name="unit"' not in page
    assert 'name="plan"' not in page


async def test_the_navigation_links_the_page_only_for_signed_in_people(
    open_client: Callable[..., Any],
) -> None:
    login = await (await open_client()).get("/login")
    assert login.status_code == 200
    assert 'href="/calendar"' not in login.text
    plans = await (await open_client(QUYNH)).get("/")
    assert '<a href="/calendar">Lịch của tôi</a>' in plans.text


async def test_a_new_person_feed_is_shown_once_and_its_url_serves_the_calendar(
    open_client: Callable[..., Any],
) -> None:
    client = await open_client(LONG)
    url, response = await new_person_feed(client)
    page = response.text
    assert response.headers["cache-control"] == "no-store"
    assert "<h1>Hạn công việc – Nguyễn Hữu Long</h1>" in page
    assert re.fullmatch(BASE_URL + r"/feeds/[A-Za-z0-9_-]{32}\.ics", url)
    webcal = webcal_link(page)
    assert webcal == url.replace("https://", "webcal://")
    assert field(page, "feed-todo-url") == url + "?type=todo"
    assert f'href="{webcal}?type=todo"' in page
    for words in ("Google Calendar", "Từ URL", "Đăng ký từ web", "Thêm lịch đã đăng ký",
                  "Android", "Ai có đường dẫn này đều đọc được lịch", "Thu hồi"):  # fmt: skip
        assert words in page

    # The feed itself needs no sign-in: a client with no session reads it.
    anonymous = await open_client()
    feed = await anonymous.get(local_path(url))
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.content)
    events = calendar.walk("VEVENT")
    assert events
    # Long's office leads the weekly report due Thursday 09/04/2026 16:15.
    weekly = [e for e in events if e.decoded("dtend") == dt.datetime(2026, 4, 9, 16, 15, tzinfo=TZ)]
    assert weekly
    assert str(calendar["X-WR-CALNAME"]).startswith("Hạn công việc – ")

    todo = await anonymous.get(local_path(field(page, "feed-todo-url")))
    assert todo.status_code == 200
    assert icalendar.Calendar.from_ical(todo.content).walk("VTODO")


async def test_the_qr_code_is_the_webcal_address_as_inline_svg(
    open_client: Callable[..., Any],
) -> None:
    client = await open_client(LONG)
    _, response = await new_person_feed(client)
    page = response.text
    webcal = webcal_link(page)
    assert page.count("<svg") == 1
    svg = page[page.index("<svg") : page.index("</svg>") + len("</svg>")]
    assert "&lt;" not in svg  # the page holds real markup, not escaped text
    # No script, link or text of ours inside: only segno's path of modules.
    assert "<script" not in svg
    assert "webcal" not in svg
    modules = qr_modules(svg)
    expected = segno.make(webcal, micro=False)
    assert len(modules) == expected.symbol_size(scale=1, border=0)[0]
    assert modules == [[bool(v) for v in row] for row in expected.matrix]
    # The three finder patterns of a QR code: 7×7 dark rings in three corners.
    ring = [True] * 7
    assert modules[0][:7] == ring
    assert modules[0][-7:] == ring
    assert modules[-1][:7] == ring
    size = re.search(r'<svg width="(\d+)" height="(\d+)"', svg)
    assert size is not None
    assert size.group(1) == size.group(2)
    assert int(size.group(1)) == expected.symbol_size(scale=5, border=4)[0]
    # The address under the code, for those who read it rather than scan it, and a text
    # alternative that says so to a screen reader (and on hovering the code).
    assert f'<code class="small">{webcal}</code>' in page
    assert f'<div class="qr-code" role="img" aria-label="{QR_ALT}">' in page
    assert f"<title>{QR_ALT}</title>" in svg


async def test_the_page_lists_feeds_with_dates_in_dd_mm_yyyy(
    open_client: Callable[..., Any],
) -> None:
    client = await open_client(LONG)
    url, _ = await new_person_feed(client)
    listed = (await client.get("/calendar")).text
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert f"<code>{token[:6]}…</code>" in listed
    assert token not in listed  # the page never shows a token again
    assert "08/04/2026 15:00" in listed  # created, local time
    assert "Chưa dùng" in listed
    assert "Cá nhân" in listed
    await (await open_client()).get(local_path(url))
    listed = (await client.get("/calendar")).text
    assert "Chưa dùng" not in listed  # the calendar app's read was recorded


async def test_revoking_a_feed_stops_its_url_at_once(open_client: Callable[..., Any]) -> None:
    client = await open_client(LONG)
    url, _ = await new_person_feed(client)
    anonymous = await open_client()
    assert (await anonymous.get(local_path(url))).status_code == 200  # now cached and warm
    (feed_id,) = await feed_ids(LONG)

    response = await post_form(client, f"/calendar/{feed_id}/revoke")
    assert response.status_code in (302, 303)
    assert response.headers["location"] == f"/calendar?revoked={feed_id}"
    assert (await anonymous.get(local_path(url))).status_code == 404
    page = (await client.get(response.headers["location"])).text
    assert f"Đã thu hồi đường dẫn lịch số {feed_id}" in page
    assert "Bạn chưa có đường dẫn lịch nào." in page


async def test_regenerating_gives_a_new_url_and_kills_the_old(
    open_client: Callable[..., Any],
) -> None:
    client = await open_client(LONG)
    old, _ = await new_person_feed(client)
    (feed_id,) = await feed_ids(LONG)
    anonymous = await open_client()
    assert (await anonymous.get(local_path(old))).status_code == 200

    response = await post_form(client, f"/calendar/{feed_id}/regenerate")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    new = field(response.text, "feed-url")
    assert new != old
    assert "đường dẫn cũ đã bị thu hồi" in response.text
    assert (await anonymous.get(local_path(old))).status_code == 404
    served = await anonymous.get(local_path(new))
    assert served.status_code == 200
    assert icalendar.Calendar.from_ical(served.content).walk("VEVENT")
    assert len(await feed_ids(LONG)) == 2  # the old row stays, revoked


async def test_a_member_cannot_make_a_unit_or_plan_feed(open_client: Callable[..., Any]) -> None:
    client = await open_client(LONG)
    for form in ({"kind": "unit", "unit": "hai-phong.dai-son.vp"},
                 {"kind": "plan", "plan": "dai-son-2026"}):  # fmt: skip
        response = await post_form(client, "/calendar/new", data=form)
        assert response.status_code == 403
        assert "Chỉ cán bộ văn phòng hoặc chủ tịch" in response.text
        assert "<h1>Lịch của tôi</h1>" in response.text  # shown on the page, with its forms
        assert "feed-url" not in response.text
    assert await FeedToken.count() == 0


async def test_an_unknown_kind_is_told_on_the_page(open_client: Callable[..., Any]) -> None:
    client = await open_client(OFFICER)
    response = await post_form(client, "/calendar/new", data={"kind": "year"})
    assert response.status_code == 400
    assert "Loại lịch 'year' không có" in html.unescape(response.text)
    assert await FeedToken.count() == 0


async def test_a_member_cannot_touch_another_persons_feed(
    open_client: Callable[..., Any],
) -> None:
    owner = await open_client(LONG)
    url, _ = await new_person_feed(owner)
    (feed_id,) = await feed_ids(LONG)
    other = await open_client(QUYNH)
    for action in ("revoke", "regenerate"):
        response = await post_form(other, f"/calendar/{feed_id}/{action}")
        assert response.status_code == 404
        assert "Không tìm thấy" in response.text
        assert "feed-url" not in response.text
    assert len(await feed_ids(LONG)) == 1
    assert (await (await open_client()).get(local_path(url))).status_code == 200
    # Nor does it show on the other person's page.
    assert "Bạn chưa có đường dẫn lịch nào." in (await other.get("/calendar")).text


async def test_an_officer_makes_a_unit_feed_and_a_plan_feed(
    open_client: Callable[..., Any],
) -> None:
    client = await open_client(OFFICER)
    page = (await client.get("/calendar")).text
    assert '<option value="hai-phong.dai-son.ttphvhcc">' in page
    assert '<option value="dai-son-2026">' in page
    assert '<option value="kien-an-2023">' not in page  # another commune's plan

    response = await post_form(
        client, "/calendar/new", data={"kind": "unit", "unit": "hai-phong.dai-son.ttphvhcc"}
    )
    assert response.status_code == 200, response.text
    assert "<h1>Hạn công việc – Trung tâm Phục vụ hành chính công xã Đại Sơn</h1>" in response.text
    feed = await (await open_client()).get(local_path(field(response.text, "feed-url")))
    calendar = icalendar.Calendar.from_ical(feed.content)
    assert str(calendar["X-WR-CALNAME"]) == (
        "Hạn công việc – Trung tâm Phục vụ hành chính công xã Đại Sơn"
    )
    assert calendar.walk("VEVENT")

    plan = await post_form(client, "/calendar/new", data={"kind": "plan", "plan": "dai-son-2026"})
    assert plan.status_code == 200
    assert field(plan.text, "feed-url").endswith(".ics")
    listed = (await client.get("/calendar")).text
    assert "Đơn vị" in listed
    assert "Kế hoạch" in listed
    assert listed.count('action="/calendar/') >= 4  # revoke and regenerate for each


async def test_an_officer_cannot_share_another_communes_unit(
    open_client: Callable[..., Any],
) -> None:
    client = await open_client(CHAIRMAN)
    response = await post_form(
        client, "/calendar/new", data={"kind": "unit", "unit": "an-giang.cho-moi.kien-an"}
    )
    assert response.status_code == 404
    assert "Không có đơn vị mã 'an-giang.cho-moi.kien-an'" in html.unescape(response.text)
    assert await FeedToken.count() == 0


async def test_the_feed_path_still_serves_feeds_and_not_pages(
    open_client: Callable[..., Any],
) -> None:
    anonymous = await open_client()
    unknown = await anonymous.get("/feeds/" + "x" * 32 + ".ics")
    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("application/json")
