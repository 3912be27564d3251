"""The page "Tình hình thực hiện" (``/compliance``) in a real browser, on the demo in the
middle of its year (its history recorded up to now, and three more of Hải Phòng's
communes with theirs):

- Đại Sơn's chairman lands on the page after signing in and sees 2026 to date in the four buckets, the numbers those of
  ``GET /api/compliance`` fetched with the page's own cookies, the lead units ranked by
  overdue work and a monthly trend drawn as SVG; a number opens the deadlines behind it;
- the Hải Phòng viewer sees the communes side by side, sorts them and opens one;
- a member of the lead unit asks for an extension on a deadline's page, the chairman
  approves it from the waiting list of ``/compliance``, the deadline's page shows the new
  date beside the original, and the deadline moves from "overdue" to "pending";
- at phone width (390 px) the city's page with a list open, and the chairman's page with
  a request waiting, scroll only downwards (the pages of ``test_phone_width`` are the
  officer's and the public's).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any
from urllib.parse import quote

import pytest

from tests.browser.conftest import PASSWORD, PEOPLE, PHONE, OpenPage, Server
from tests.browser.test_phone_width import WIDEST
from tests.conftest import TZ
from tracker.demo.communes import add_communes, city_targets, load_template
from tracker.demo.history import record_history
from tracker.notify.services import expander_for
from tracker.vn import format_date, format_number, format_percent

COMMUNE = "hai-phong.dai-son"
CITY = "hai-phong"
MORE_COMMUNES = 3  # beside Đại Sơn, so that sorting the communes means something
YEAR_START = dt.date(2026, 1, 1)
YEAR_END = dt.date(2026, 12, 31)
# Who may ask for an extension as Đại Sơn's member (Lê Minh Tuấn, Phòng Kinh tế): work his
# office leads, or that the group of the commune's offices leads.
MEMBERS_LEADS = ("hai-phong.dai-son.kinh-te", "hai-phong.dai-son.co-quan-cm")
BUCKETS = ("done_on_time", "done_late", "pending", "overdue")  # as the cards stand
COUNTED = ("total", "due", *BUCKETS)


@pytest.fixture(scope="module")
async def today(server: Server) -> dt.date:
    """The demo in the middle of its year, as ``serve --demo`` opens it: what fell due
    before now has its history; three more communes under Hải Phòng have theirs. The
    server reads the real clock, so the history is recorded up to the real now."""
    now = dt.datetime.now(TZ)
    settings = server.settings
    await record_history(settings, now)
    template = load_template(settings, expander_for(settings))
    added = await add_communes(
        settings, city_targets(template)[:MORE_COMMUNES], now, template=template
    )
    assert len(added.added) == MORE_COMMUNES
    return now.date()


def _to_date(today: dt.date) -> dt.date:
    """The end of "2026 to date" (the whole year once it is over)."""
    return min(today, YEAR_END)


# --------------------------------------------------------------------------- reading pages

_TABLE = """(selector) => [...document.querySelectorAll(selector + ' tr')].map(
  tr => [...tr.children].map(cell => cell.textContent.replace(/\\s+/g, ' ').trim()))"""

_CARDS = """() => Object.fromEntries([...document.querySelectorAll('.cards a.card')].map(
  a => [a.classList[1], a.querySelector('.value').textContent.trim()]))"""


def _number(text: str) -> int:
    """ "1.234" as the page writes it."""
    return int(text.replace(".", ""))


async def _cards(page: Any) -> dict[str, int]:
    shown: dict[str, str] = await page.evaluate(_CARDS)
    return {key: _number(value) for key, value in shown.items()}


async def _table(page: Any, selector: str) -> list[list[str]]:
    rows: list[list[str]] = await page.evaluate(_TABLE, selector)
    return rows


def _shown(counts: dict[str, Any]) -> list[str]:
    """A row's cells after its name, as the page writes them."""
    return [format_number(counts[k]) for k in COUNTED] + [format_percent(counts["on_time_rate"], 1)]


async def _api(page: Any, path: str, **params: Any) -> Any:
    """An API answer for the person signed in on ``page`` (its cookies, its scope)."""
    response = await page.request.get(path, params={k: str(v) for k, v in params.items()})
    assert response.ok, await response.text()
    return await response.json()


async def _totals(page: Any, unit: str, start: dt.date, end: dt.date) -> dict[str, Any]:
    counted = await _api(page, "/api/compliance", unit=unit, **{"from": start, "to": end})
    return {k: counted["totals"][k] for k in COUNTED}


async def _same_as_api(page: Any, unit: str, start: dt.date, end: dt.date) -> dict[str, int]:
    """The page's four numbers, checked against the API asked just before and just after
    (a deadline falling due in between would change them by one: either answer is right)."""
    before = await _totals(page, unit, start, end)
    cards = await _cards(page)
    after = await _totals(page, unit, start, end)
    assert cards in ({k: before[k] for k in BUCKETS}, {k: after[k] for k in BUCKETS})
    return cards


async def _choose_period(page: Any, start: dt.date, end: dt.date) -> None:
    """The period filter, as a person uses it: "Tùy chọn", two days, "Xem"."""
    form = page.locator("form.filters")
    await form.locator("select[name=period]").select_option(label="Tùy chọn")
    # Days typed as people write them; the field says so whatever the browser's language.
    assert await form.locator("input[name=from]").get_attribute("placeholder") == "dd/mm/yyyy"
    await form.locator("input[name=from]").fill(format_date(start))
    await form.locator("input[name=to]").fill(format_date(end))
    await form.get_by_role("button", name="Xem").click()
    await page.wait_for_url(f"**period=custom&from={quote(format_date(start), safe='')}**")
    await page.wait_for_load_state()


async def _no_sideways_scroll(page: Any) -> None:
    width: Any = await page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        wide = await page.evaluate(WIDEST)
        pytest.fail(f"{page.url} is {width}px wide at {PHONE['width']}px; widest: {wide}")


def _ranked(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The lead units worst first, as the page promises: most overdue, then the lowest
    on-time rate (none last), then by name."""
    return sorted(
        rows,
        key=lambda r: (
            -r["overdue"],
            r["on_time_rate"] if r["on_time_rate"] is not None else 2.0,
            r["name"],
        ),
    )


# --------------------------------------------------------------------------- the chairman


async def test_the_chairman_sees_the_year_to_date_in_four_buckets(
    open_page: OpenPage, today: dt.date
) -> None:
    end = _to_date(today)
    await open_page("chairman")  # gives the chairman the harness's password, once
    # Signing in through the form lands the chairman on this page.
    page = await open_page(None)
    await page.goto("/login")
    await page.get_by_label("Địa chỉ e-mail").fill(PEOPLE["chairman"])
    await page.get_by_label("Mật khẩu").fill(PASSWORD)
    await page.get_by_role("button", name="Đăng nhập").click()
    await page.wait_for_url("**/compliance")
    assert await page.locator("h1").inner_text() == "UBND xã Đại Sơn"
    await _choose_period(page, YEAR_START, end)
    period = await page.locator("p.period").inner_text()
    assert f"Từ {format_date(YEAR_START)} đến {format_date(end)}" in period

    cards = await _same_as_api(page, COMMUNE, YEAR_START, end)
    assert all(cards[k] for k in ("done_on_time", "done_late", "overdue")), cards
    counted = await _api(
        page, "/api/compliance", unit=COMMUNE, by="unit", **{"from": YEAR_START, "to": end}
    )
    totals = counted["totals"]
    sentence = await page.locator("p.sentence").inner_text()
    assert sentence.startswith(f"Tổng số {format_number(totals['total'])} hạn công việc;")
    # The stacked bar: one part per bucket that has work, as wide as its share.
    parts = page.locator("svg.stackbar rect")
    assert await parts.count() == sum(1 for k in BUCKETS if totals[k])
    widths = [
        float(await parts.nth(i).get_attribute("width") or 0) for i in range(await parts.count())
    ]
    shares = [1000 * totals[k] / totals["total"] for k in BUCKETS if totals[k]]
    assert widths == pytest.approx(shares, abs=0.01)

    # The lead units, worst first, each with the API's numbers, and their total.
    units = await _table(page, "#don-vi + .scroll table tbody")
    expected = _ranked(counted["rows"])
    assert [[r["name"], *_shown(r)] for r in expected] == units
    assert len(units) > 1
    total_row = await _table(page, "#don-vi + .scroll table tfoot")
    assert total_row == [["Tổng cộng", *_shown(totals)]]

    # The trend: a bar for each month of the period, each month's total the API's.
    months = await _api(
        page, "/api/compliance", unit=COMMUNE, by="month", **{"from": YEAR_START, "to": end}
    )
    labels = await page.locator("figure.trend svg text").all_text_contents()
    assert labels == [f"{m:02d}/26" for m in range(1, end.month + 1)]
    titles = await page.locator("figure.trend svg g > title").all_text_contents()
    by_month = {r["key"]: r["total"] for r in months["rows"]}
    for month, title in enumerate(titles, start=1):
        total = by_month.get(f"2026-{month:02d}", 0)
        assert title.startswith(f"Tháng {month:02d}/26: {format_number(total)} hạn"), title
    assert await page.locator("figure.trend svg rect").count() >= len(by_month)


async def test_a_number_opens_the_deadlines_behind_it(open_page: OpenPage, today: dt.date) -> None:
    end = _to_date(today)
    page = await open_page("chairman")
    await page.goto(f"/compliance?period=custom&from={YEAR_START}&to={end}")
    cards = await _cards(page)
    await page.locator(".cards a.card.overdue").click()
    await page.wait_for_url("**bucket=overdue**")
    listed = page.locator("#danh-sach li.item")
    heading = await page.locator("#danh-sach h2").inner_text()
    assert heading == f"Quá hạn, chưa hoàn thành ({await listed.count()})"
    overdue = await _api(
        page, "/api/compliance/overdue", unit=COMMUNE, **{"from": YEAR_START, "to": end}
    )
    assert await listed.count() == cards["overdue"] == len(overdue)
    assert await listed.locator(".issuer").count() == 0  # a commune's own page: all its own
    hrefs = await listed.locator("a.task").evaluate_all("links => links.map(a => a.pathname)")
    assert sorted(hrefs) == sorted(f"/occurrences/{i['occurrence']}" for i in overdue)

    # A number in a unit's row: that unit's deadlines done on time.
    first = page.locator("#don-vi + .scroll table tbody tr").first
    name = await first.locator("td").first.inner_text()
    number = first.locator('td[data-label="Đúng hạn"] a')
    count = _number(await number.inner_text())
    await number.click()
    await page.wait_for_url("**bucket=done_on_time**")
    heading = await page.locator("#danh-sach h2").inner_text()
    assert heading == f"Hoàn thành đúng hạn · {name} ({count})"
    assert await page.locator("#danh-sach li.item").count() == count
    # And a deadline of the list opens its own page.
    item = page.locator("#danh-sach li.item a.task").first
    task = await item.inner_text()
    await item.click()
    await page.wait_for_url("**/occurrences/*")
    assert (await page.locator("h1").inner_text()).startswith(task.removesuffix("…")[:40])
    assert await page.locator("dl.header .badge").inner_text()


# --------------------------------------------------------------------------- the city


def _sorted(rows: list[dict[str, Any]], sort: str) -> list[str]:
    """The communes' names in the order a sort promises (ties by name; no rate last)."""
    if sort == "name":
        return sorted(r["name"] for r in rows)
    if sort == "on_time_rate":
        none_last = [(r["on_time_rate"] is None, r["on_time_rate"] or 0, r["name"]) for r in rows]
        return [name for _, _, name in sorted(none_last)]
    return [r["name"] for r in sorted(rows, key=lambda r: (-r[sort], r["name"]))]


async def test_the_city_sees_its_communes_side_by_side_and_sorts_them(
    open_page: OpenPage, today: dt.date
) -> None:
    end = _to_date(today)
    page = await open_page("viewer")
    await page.goto("/compliance")
    await _choose_period(page, YEAR_START, end)
    assert await page.locator("h1").inner_text() == "UBND thành phố Hải Phòng"
    await _same_as_api(page, CITY, YEAR_START, end)
    counted = await _api(
        page, "/api/compliance", unit=CITY, by="commune", **{"from": YEAR_START, "to": end}
    )
    rows = counted["rows"]
    assert len(rows) == 1 + MORE_COMMUNES
    table = "#xa + p + .scroll table tbody"
    shown = await _table(page, table)
    by_name = {r["name"]: [r["name"], *_shown(r)] for r in rows}
    assert shown == [by_name[name] for name in _sorted(rows, "overdue")]  # the default
    orders = set()
    for sort, word in (("on_time_rate", "Tỷ lệ đúng hạn thấp nhất"),
                       ("due", "Nhiều hạn đến hạn nhất"), ("name", "Tên"),
                       ("overdue", "Quá hạn nhiều nhất")):  # fmt: skip
        await (
            page.locator("p", has_text="Sắp xếp:")
            .get_by_role("link", name=word, exact=True)
            .click()
        )
        await page.wait_for_url(f"**sort={sort}**")
        names = [row[0] for row in await _table(page, table)]
        assert names == _sorted(rows, sort), sort
        orders.add(tuple(names))
    assert len(orders) > 1  # the communes differ enough for the order to matter

    # A commune's name leads to its own page, with its own numbers.
    commune = rows[-1]
    await page.locator(table).get_by_role("link", name=commune["name"]).click()
    await page.wait_for_url(f"**unit={commune['key']}**")
    assert await page.locator("h1").inner_text() == commune["name"]
    cards = await _cards(page)
    assert cards == {k: commune[k] for k in BUCKETS}
    assert await page.locator("#xa").count() == 0  # a commune has no communes below it


async def test_the_citys_list_names_each_deadlines_commune_and_fits_a_phone(
    open_page: OpenPage, today: dt.date
) -> None:
    """The communes' copies of Đại Sơn's plan read alike: above a commune, each deadline
    behind a number says whose it is."""
    end = _to_date(today)
    page = await open_page("viewer", viewport=PHONE)
    response = await page.goto(
        f"/compliance?period=custom&from={YEAR_START}&to={end}&bucket=overdue"
    )
    assert response is not None
    assert response.status == 200
    counted = await _api(
        page, "/api/compliance", unit=CITY, by="commune", **{"from": YEAR_START, "to": end}
    )
    issuers = await page.locator("#danh-sach li.item .issuer").all_inner_texts()
    assert Counter(issuers) == {r["name"]: r["overdue"] for r in counted["rows"] if r["overdue"]}
    assert await page.locator("#xa + p + .scroll table tbody tr").count() == 1 + MORE_COMMUNES
    await _no_sideways_scroll(page)


# --------------------------------------------------------------------------- an extension


def _next_working_day(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


async def test_an_extension_asked_for_on_the_deadline_and_approved_from_the_page(
    open_page: OpenPage, today: dt.date
) -> None:
    chairman = await open_page("chairman")
    await chairman.goto("/compliance")
    overdue = await _api(chairman, "/api/compliance/overdue", unit=COMMUNE)
    mine = [i for i in overdue if i["lead"] and i["lead"]["code"] in MEMBERS_LEADS]
    assert mine, "no overdue work of the member's office in the demo"
    item = mine[0]
    occurrence = f"/occurrences/{item['occurrence']}"
    original = format_date(dt.date.fromisoformat(item["due"][:10]))
    new_day = _next_working_day(today + dt.timedelta(days=10))
    year = (YEAR_START, YEAR_END)

    # The member asks, on the deadline's page.
    member = await open_page("member")
    await member.goto(occurrence)
    form = member.locator("form", has=member.get_by_role("button", name="Gửi đề nghị gia hạn"))
    await form.get_by_label("Hạn mới").fill(format_date(new_day))
    await form.get_by_label("Lý do").fill("Chờ số liệu của các thôn (thử trong trình duyệt)")
    await form.get_by_role("button", name="Gửi đề nghị gia hạn").click()
    await member.wait_for_url("**gia_han=requested**")
    assert "Đã gửi đề nghị gia hạn" in await member.locator("p.notice").inner_text()
    asked = member.locator("table.extensions tbody tr")
    assert await asked.count() == 1
    assert "Chờ duyệt" in await asked.inner_text()
    assert await member.get_by_role("button", name="Gửi đề nghị gia hạn").count() == 0

    # On a phone, the chairman's page with the request waiting stays within the screen.
    phone = await open_page("chairman", viewport=PHONE)
    await phone.goto("/compliance")
    assert await phone.locator("#gia-han-cho-duyet li.item").count() == 1
    await _no_sideways_scroll(phone)

    # The chairman approves it from the waiting list of /compliance.
    await chairman.reload()
    waiting = chairman.locator("#gia-han-cho-duyet li.item", has=chairman.locator(
        f'a.task[href="{occurrence}"]'
    ))  # fmt: skip
    assert await waiting.count() == 1
    text = await waiting.inner_text()
    assert "Chờ số liệu của các thôn" in text
    assert format_date(new_day) in text
    await waiting.get_by_label("Ý kiến").fill("Đồng ý, hoàn thành trước hạn mới")
    # The year's counts just before and just after (nothing else falls due in between).
    before = await _totals(chairman, COMMUNE, *year)
    await waiting.get_by_role("button", name="Đồng ý gia hạn").click()
    # Back on /compliance, the request has left the waiting list.
    await chairman.locator(f'#gia-han-cho-duyet a.task[href="{occurrence}"]').wait_for(
        state="detached"
    )
    await chairman.wait_for_load_state()
    after = await _totals(chairman, COMMUNE, *year)
    assert "/compliance" in chairman.url

    # The deadline's page: the new date in force, the original kept.
    await member.goto(occurrence)
    header = member.locator("dl.header")
    in_force = await header.locator("dt:text-is('Hạn') + dd").inner_text()
    assert format_date(new_day) in in_force
    assert "(đã gia hạn)" in in_force
    assert original in await header.locator("dt:text-is('Hạn ban đầu') + dd").inner_text()
    assert "Đã duyệt" in await member.locator("table.extensions tbody tr").inner_text()

    # The counts of the year: one deadline less overdue, one more still to come (or, if
    # the new date lies in the next year, one deadline less in this one).
    moved = dict(before, overdue=before["overdue"] - 1, due=before["due"] - 1)
    if new_day <= YEAR_END:
        moved["pending"] += 1
    else:
        moved["total"] -= 1
    assert after == moved
    await chairman.goto(f"/compliance?period=custom&from={YEAR_START}&to={YEAR_END}")
    await _same_as_api(chairman, COMMUNE, *year)  # the page shows the counts after it
    if new_day <= YEAR_END:
        await chairman.locator(".cards a.card.pending").click()
        await chairman.wait_for_url("**bucket=pending**")
        assert await chairman.locator(f'#danh-sach a.task[href="{occurrence}"]').count() == 1
