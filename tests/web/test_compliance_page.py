"""The page "Tình hình thực hiện" through the app: the chairman lands on it after signing
in, its four numbers are the API's, the city sees its communes side by side, work done
moves the numbers, and nobody sees another commune's page."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import post_form, sign_in
from tracker.app import create_app
from tracker.config import Settings
from tracker.org.auth import set_password
from tracker.reports.compliance import Counts, Row
from tracker.reports.periods import period_of
from tracker.web.compliance import CHART_HEIGHT, trend_bars

NOW = dt.datetime(2026, 6, 30, 17, 0, tzinfo=TZ)
PASSWORD = "mat-khau-trang-bao-cao"
CHAIRMAN = "thang.pv@daison.example.vn"
MEMBER = "tuan.lm@daison.example.vn"
CITY_VIEWER = "tam.btt@haiphong.example.vn"
KIEN_AN = "lan.ttn@kienan.example.vn"
BUCKETS = ("done_on_time", "done_late", "pending", "overdue")
CARD = re.compile(r'class="card (\w+)"[^>]*>\s*<span class="value">([\d.]+)</span>')


def cards(html: str) -> dict[str, int]:
    """The four numbers as the page shows them ("1.234" is one thousand two hundred...)."""
    return {name: int(value.replace(".", "")) for name, value in CARD.findall(html)}


async def _people(settings: Settings) -> Settings:
    for email in (CHAIRMAN, MEMBER, CITY_VIEWER, KIEN_AN):
        await set_password(email, PASSWORD)
    return settings


@pytest.fixture(scope="module")
async def signed_up(seeded: Settings) -> Settings:
    return await _people(seeded)


@pytest.fixture
async def client(signed_up: Settings) -> Any:
    app = create_app(signed_up, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


async def test_the_chairman_lands_on_the_page_and_sees_the_api_numbers(
    client: AsyncTestClient[Any],
) -> None:
    landed = await sign_in(client, CHAIRMAN, PASSWORD, follow_redirects=False)
    assert landed.status_code == 302
    assert landed.headers["location"] == "/compliance"
    page = await client.get("/compliance")
    assert page.status_code == 200, page.text
    assert "UBND xã Đại Sơn" in page.text
    assert "Năm 2026" in page.text
    api = (await client.get("/api/compliance", auth=(CHAIRMAN, PASSWORD))).json()["totals"]
    assert api["total"] > 0
    assert api["overdue"] > 0
    assert cards(page.text) == {name: api[name] for name in BUCKETS}
    assert f"Tổng số <strong>{api['total']}</strong>" in page.text
    # Twelve months in the trend, units ranked, plans listed, and no communes table for
    # a commune.
    assert page.text.count('text-anchor="middle"') == 12
    assert "Đơn vị chủ trì, xếp theo số hạn quá hạn" in page.text
    assert 'href="/plans/' in page.text
    assert 'id="xa"' not in page.text


async def test_the_overdue_list_and_the_reports_behind_the_numbers(
    client: AsyncTestClient[Any],
) -> None:
    await sign_in(client, CHAIRMAN, PASSWORD)
    page = (await client.get("/compliance")).text
    api = await client.get("/api/compliance/overdue", auth=(CHAIRMAN, PASSWORD))
    worst = api.json()[0]
    section = page.split('id="qua-han"')[1].split('id="xu-huong"')[0]
    assert f'href="/occurrences/{worst["occurrence"]}"' in section
    assert section.index(f'/occurrences/{worst["occurrence"]}"') < section.index("</tbody>")
    docx = page.split('href="/api/compliance/report.docx?')[1].split('"')[0].replace("&amp;", "&")
    word = await client.get(f"/api/compliance/report.docx?{docx}")
    assert word.status_code == 200
    assert word.content.startswith(b"PK")
    excel = page.split('href="/api/compliance/report.xlsx?')[1].split('"')[0].replace("&amp;", "&")
    assert (await client.get(f"/api/compliance/report.xlsx?{excel}")).status_code == 200


async def test_a_member_lands_on_their_own_work(client: AsyncTestClient[Any]) -> None:
    landed = await sign_in(client, MEMBER, PASSWORD, follow_redirects=False)
    assert landed.headers["location"] == "/me"
    # A page asked for before signing in is still where the sign-in leads.
    again = await sign_in(client, CHAIRMAN, PASSWORD, next="/units", follow_redirects=False)
    assert again.headers["location"] == "/units"


async def test_units_are_ranked_by_overdue(client: AsyncTestClient[Any]) -> None:
    await sign_in(client, CHAIRMAN, PASSWORD)
    page = (await client.get("/compliance")).text
    rows = (await client.get("/api/compliance", auth=(CHAIRMAN, PASSWORD))).json()["rows"]
    ranked = sorted(rows, key=lambda r: -r["overdue"])
    section = page.split('id="don-vi"')[1].split('id="ke-hoach"')[0]
    positions = [section.index(f"<td>{r['name']}</td>") for r in ranked if r["overdue"]]
    assert positions == sorted(positions)


async def test_the_city_sees_its_communes_side_by_side(client: AsyncTestClient[Any]) -> None:
    await sign_in(client, CITY_VIEWER, PASSWORD)
    page = await client.get("/compliance")
    assert page.status_code == 200
    assert "UBND thành phố Hải Phòng" in page.text
    assert 'id="xa"' in page.text
    assert 'href="/compliance?unit=hai-phong.dai-son&amp;period=year"' in page.text
    for sort in ("on_time_rate", "due", "name"):
        assert (await client.get("/compliance", params={"sort": sort})).status_code == 200
    commune = await client.get("/compliance", params={"unit": "hai-phong.dai-son"})
    assert commune.status_code == 200
    assert "UBND xã Đại Sơn" in commune.text
    city = (await client.get("/api/compliance", auth=(CITY_VIEWER, PASSWORD))).json()["totals"]
    assert cards(page.text) == {name: city[name] for name in BUCKETS}


async def test_nobody_sees_another_commune(client: AsyncTestClient[Any]) -> None:
    await sign_in(client, KIEN_AN, PASSWORD)
    refused = await client.get("/compliance", params={"unit": "hai-phong.dai-son"})
    assert refused.status_code == 404
    assert "Đại Sơn" not in refused.text.split("<main ")[1]


async def test_periods_past_moments_and_bad_input(client: AsyncTestClient[Any]) -> None:
    await sign_in(client, CHAIRMAN, PASSWORD)
    quarter = await client.get("/compliance", params={"period": "quarter"})
    assert "Quý II/2026" in quarter.text
    api = await client.get(
        "/api/compliance",
        params={"from": "2026-04-01", "to": "2026-06-30"},
        auth=(CHAIRMAN, PASSWORD),
    )
    assert cards(quarter.text) == {name: api.json()["totals"][name] for name in BUCKETS}
    past = await client.get("/compliance", params={"as_of": "31/03/2026", "period": "ytd"})
    assert past.status_code == 200
    assert "xem lại thời điểm đã qua" in past.text
    assert "31/03/2026" in past.text
    custom = await client.get(
        "/compliance", params={"period": "custom", "from": "2026-02-01", "to": "2026-02-28"}
    )
    assert "Từ 01/02/2026 đến 28/02/2026" in custom.text
    # An empty field of the form is no filter; a wrong day is named back.
    blank = await client.get("/compliance", params={"from": "", "to": "", "as_of": ""})
    assert blank.status_code == 200
    wrong = await client.get("/compliance", params={"as_of": "31/02/2026"})
    assert wrong.status_code == 400
    assert "31/02/2026" in wrong.text
    backwards = await client.get(
        "/compliance", params={"period": "custom", "from": "2026-03-01", "to": "2026-02-01"}
    )
    assert backwards.status_code == 400
    assert "01/03/2026" in backwards.text


async def test_an_empty_year_points_to_the_years_with_plans(
    client: AsyncTestClient[Any],
) -> None:
    """In January, before the new year's plans are in, the year's page is empty: it says
    so in plain words and links the years whose plans the commune has, each counted as a
    whole year today."""
    await sign_in(client, CHAIRMAN, PASSWORD)
    page = await client.get("/compliance?period=custom&from=01/01/2027&to=31/12/2027")
    assert page.status_code == 200, page.text
    text = " ".join(re.sub(r"<[^>]+>", " ", page.text).split())
    assert (
        "Không có hạn nào của UBND xã Đại Sơn từ 01/01/2027 đến 31/12/2027. "
        "Xem năm có kế hoạch: năm 2026 ." in text
    )
    [href] = re.findall(r'href="([^"]+)">năm 2026</a>', page.text)
    year = await client.get(href.replace("&amp;", "&"))
    assert "Từ 01/01/2026 đến 31/12/2026" in year.text
    api = (await client.get("/api/compliance", auth=(CHAIRMAN, PASSWORD))).json()["totals"]
    assert cards(year.text) == {name: api[name] for name in BUCKETS}
    # A period with deadlines has no such line.
    assert "Xem năm có kế hoạch" not in year.text


async def test_work_done_moves_the_numbers(seeded_rw: Settings) -> None:
    await _people(seeded_rw)
    app = create_app(seeded_rw, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        await sign_in(client, CHAIRMAN, PASSWORD)
        before = cards((await client.get("/compliance")).text)
        auth = (CHAIRMAN, PASSWORD)
        listed = await client.get(
            "/api/occurrences", params={"from": "2026-01-01", "to": "2026-12-31"}, auth=auth
        )
        overdue = [o for o in listed.json() if o["status"] == "overdue"][:2]
        for item in overdue:
            done = await client.post(
                f"/api/occurrences/{item['id']}/complete", json={"evidence": "Đã gửi"}, auth=auth
            )
            assert done.status_code == 200, done.text
        after = cards((await client.get("/compliance")).text)
        assert after["overdue"] == before["overdue"] - 2
        assert after["done_late"] == before["done_late"] + 2
        # As of the day before, the work was not yet done.
        yesterday = cards((await client.get("/compliance", params={"as_of": "2026-06-29"})).text)
        assert yesterday["done_late"] == before["done_late"]


def test_the_trend_stacks_each_month_to_its_share_of_the_busiest() -> None:
    rows = [
        Row("2026-01", "Tháng 01/2026", Counts(total=10, done_on_time=6, overdue=4)),
        Row("2026-03", "Tháng 03/2026", Counts(total=5, done_late=1, pending=4)),
    ]
    bars = trend_bars(rows, dt.date(2026, 1, 1), dt.date(2026, 4, 30))
    assert [b.label for b in bars] == ["01/26", "02/26", "03/26", "04/26"]
    assert [b.total for b in bars] == [10, 0, 5, 0]
    january = {name: (y, h) for name, y, h, _ in bars[0].parts}
    assert january["done_on_time"] == (CHART_HEIGHT * 0.4, CHART_HEIGHT * 0.6)
    assert january["overdue"] == (0.0, CHART_HEIGHT * 0.4)
    assert sum(h for _, _, h, _ in bars[2].parts) == CHART_HEIGHT / 2
    assert all(h == 0 for _, _, h, _ in bars[1].parts)


@pytest.mark.parametrize(
    ("key", "day", "start", "end", "label"),
    [
        ("week", dt.date(2026, 12, 6), dt.date(2026, 11, 30), dt.date(2026, 12, 6), "Tuần từ 30/11/2026 đến 06/12/2026"),
        ("month", dt.date(2026, 12, 6), dt.date(2026, 12, 1), dt.date(2026, 12, 31), "Tháng 12/2026"),
        ("month", dt.date(2028, 2, 10), dt.date(2028, 2, 1), dt.date(2028, 2, 29), "Tháng 02/2028"),
        ("quarter", dt.date(2026, 12, 6), dt.date(2026, 10, 1), dt.date(2026, 12, 31), "Quý IV/2026"),
        ("quarter", dt.date(2026, 5, 6), dt.date(2026, 4, 1), dt.date(2026, 6, 30), "Quý II/2026"),
        ("year", dt.date(2026, 5, 6), dt.date(2026, 1, 1), dt.date(2026, 12, 31), "Năm 2026"),
        ("ytd", dt.date(2026, 5, 6), dt.date(2026, 1, 1), dt.date(2026, 5, 6), "Năm 2026, từ 01/01/2026 đến 06/05/2026"),
    ],
)  # fmt: skip
def test_periods(key: str, day: dt.date, start: dt.date, end: dt.date, label: str) -> None:
    period = period_of(key, day)
    assert (period.start, period.end, period.label) == (start, end, label)


async def test_each_listed_deadline_links_to_its_task_plan_and_lead(
    client: AsyncTestClient[Any],
) -> None:
    """The overdue list, a unit's deadlines and a plan's tasks link a deadline to its task,
    its plan and its lead unit, and each link opens on what it names."""
    await sign_in(client, CHAIRMAN, PASSWORD)
    worst = (await client.get("/api/compliance/overdue", auth=(CHAIRMAN, PASSWORD))).json()[0]
    page = (await client.get("/compliance")).text
    section = page.split('id="qua-han"')[1].split("</tr>", 2)[1]
    plan_key, task = worst["plan"]["key"], worst["task"]["id"]
    assert f'href="/plans/{plan_key}"' in section
    assert f'href="/plans/{plan_key}#nv-{task}"' in section
    assert f'href="/units/{worst["lead"]["code"]}"' in section
    plan = (await client.get(f"/plans/{plan_key}")).text
    node = plan.split(f'id="nv-{task}"')[1].split('<div class="node-actions">')[0]
    linked = re.findall(r'href="/occurrences/(\d+)"', node)
    assert linked, "the task's next or last deadline links to its page"
    assert (await client.get(f"/occurrences/{linked[0]}")).status_code == 200
    unit = (await client.get(f"/units/{worst['lead']['code']}", params={"all": "true"})).text
    row = unit.split(f'href="/occurrences/{worst["occurrence"]}"')[1].split("</tr>")[0]
    assert f'href="/plans/{plan_key}#nv-{task}"' in row
    assert f'href="/plans/{plan_key}"' in row


async def test_the_chairman_decides_waiting_extensions_from_the_page(seeded_rw: Settings) -> None:
    await _people(seeded_rw)
    app = create_app(seeded_rw, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        member = (MEMBER, PASSWORD)
        listed = await client.get(
            "/api/occurrences", params={"unit": "hai-phong.dai-son.kinh-te"}, auth=member
        )
        pending = [o for o in listed.json() if o["status"] == "pending"]
        asked = []
        for item in pending[:2]:
            due = dt.date.fromisoformat(str(item["due"])[:10]) + dt.timedelta(days=10)
            made = await client.post(
                f"/api/occurrences/{item['id']}/extensions",
                json={"due_date": due.isoformat(), "reason": "Chờ số liệu của huyện"},
                auth=member,
            )
            assert made.status_code == 201, made.text
            asked.append(made.json()["id"])
        await sign_in(client, CHAIRMAN, PASSWORD)
        page = (await client.get("/compliance")).text
        assert "Đề nghị gia hạn chờ duyệt (2)" in page
        assert "Chờ số liệu của huyện" in page
        waiting = page.split('id="gia-han-cho-duyet"')[1].split("</section>")[0]
        assert waiting.count('href="/plans/') == 4  # each request: its plan and its task
        approved = await post_form(
            client, f"/extensions/{asked[0]}/approve",
            {"note": "Đồng ý", "next": "/compliance#gia-han-cho-duyet"}, follow_redirects=False,
        )  # fmt: skip
        assert approved.status_code in (302, 303)
        assert approved.headers["location"].startswith("/compliance")
        refused = await post_form(
            client, f"/extensions/{asked[1]}/refuse",
            {"note": "Không có lý do chính đáng", "next": "/compliance"}, follow_redirects=False,
        )  # fmt: skip
        assert refused.status_code in (302, 303)
        states = (await client.get("/api/extensions", auth=(CHAIRMAN, PASSWORD))).json()
        by_id = {e["id"]: e["state"] for e in states}
        assert (by_id[asked[0]], by_id[asked[1]]) == ("approved", "refused")
        assert "Đề nghị gia hạn chờ duyệt" not in (await client.get("/compliance")).text


async def test_every_number_leads_to_the_deadlines_behind_it(client: AsyncTestClient[Any]) -> None:
    await sign_in(client, CHAIRMAN, PASSWORD)
    totals = cards((await client.get("/compliance")).text)
    rows = (await client.get("/api/compliance", auth=(CHAIRMAN, PASSWORD))).json()["rows"]
    for bucket in BUCKETS:
        page = (await client.get("/compliance", params={"bucket": bucket})).text
        listed = page.split('id="danh-sach"')[1].split("</section>")[0]
        assert listed.count('<li class="item') == totals[bucket], bucket
    worst = max(rows, key=lambda r: r["overdue"])
    page = await client.get("/compliance", params={"bucket": "overdue", "lead": worst["key"]})
    listed = page.text.split('id="danh-sach"')[1].split("</section>")[0]
    assert listed.count('<li class="item') == worst["overdue"]
    assert worst["name"] in listed
    wrong = await client.get("/compliance", params={"bucket": "xong"})
    assert wrong.status_code == 400
