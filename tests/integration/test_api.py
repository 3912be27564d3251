"""The JSON API through the app's own HTTP client, on a seeded database."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import sign_in, sign_out
from tracker.app import create_app
from tracker.config import Settings
from tracker.org.auth import set_password

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)


@pytest.fixture(scope="module")
async def client(seeded: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    app = create_app(seeded.with_changes(public_read=True), clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


@pytest.fixture(scope="module")
async def private_client(seeded: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    """The same data with public reading off: callers must sign in."""
    app = create_app(seeded, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


async def _plans(client: AsyncTestClient[Any]) -> dict[str, dict[str, Any]]:
    response = await client.get("/api/plans")
    assert response.status_code == 200
    return {p["key"]: p for p in response.json()}


def _walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for node in nodes:
        out.append(node)
        out.extend(_walk(node["children"]))
    return out


async def test_healthz_answers_ok(client: AsyncTestClient[Any]) -> None:
    response = await client.get("/healthz")
    assert response.json() == {"status": "ok"}


async def test_openapi_document_lists_the_api(client: AsyncTestClient[Any]) -> None:
    response = await client.get("/schema/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/units",
        "/api/plans",
        "/api/plans/{ref}/tasks",
        "/api/occurrences",
        "/healthz",
    ):
        assert path in paths


async def test_units_are_a_tree_with_codes(client: AsyncTestClient[Any]) -> None:
    roots = (await client.get("/api/units")).json()
    by_code = {u["code"]: u for u in _walk(roots)}
    assert {r["code"] for r in roots} == {"hai-duong", "hung-yen", "an-giang", "hai-phong"}
    dai_son = by_code["hai-phong.dai-son"]
    assert dai_son["name"] == "UBND xã Đại Sơn"
    assert dai_son["kind"] == "commune"
    assert by_code["hai-duong.gia-loc.le-loi"] in by_code["hai-duong.gia-loc"]["children"]


async def test_plans_list_has_the_contract_shape(client: AsyncTestClient[Any]) -> None:
    plans = await _plans(client)
    assert set(plans) == {
        "dai-son-2026",
        "doan-ket-2022",
        "kien-an-2023",
        "le-loi-2022",
        "nhat-tan-2024",
    }
    kien_an = plans["kien-an-2023"]
    assert {"id", "number", "title", "year", "unit", "tasks"} <= set(kien_an)
    assert kien_an["number"] == "96/KH-UBND"
    assert kien_an["year"] == 2023
    assert kien_an["unit"] == {"code": "an-giang.cho-moi.kien-an", "name": "UBND xã Kiến An"}
    assert plans["nhat-tan-2024"]["number"] == "12/QĐ-UBND"
    assert plans["dai-son-2026"]["period"] == {"start": "2026-03-01", "end": "2026-12-31"}
    # On 08/04/2026 the 2026 plan runs; the earlier ones have ended.
    assert {k: p["status"] for k, p in plans.items()} == {
        "dai-son-2026": "active", "doan-ket-2022": "closed", "kien-an-2023": "closed",
        "le-loi-2022": "closed", "nhat-tan-2024": "closed",
    }  # fmt: skip


async def test_a_plan_by_key_or_id_and_an_unknown_one(client: AsyncTestClient[Any]) -> None:
    plans = await _plans(client)
    by_id = (await client.get(f"/api/plans/{plans['le-loi-2022']['id']}")).json()
    by_key = (await client.get("/api/plans/le-loi-2022")).json()
    assert by_id == by_key
    assert by_key["parent_ref"].startswith("Quyết định số 418/QĐ-UBND ngày 28/02/2022")
    missing = await client.get("/api/plans/khong-co")
    assert missing.status_code == 404
    assert missing.json()["error"] == "Không có kế hoạch 'khong-co' (hoặc bạn không có quyền xem)."


async def test_task_tree_nodes_have_the_contract_fields(client: AsyncTestClient[Any]) -> None:
    tree = (await client.get("/api/plans/dai-son-2026/tasks")).json()
    nodes = _walk(tree)
    for node in nodes:
        assert {
            "id",
            "label",
            "content",
            "lead",
            "coordinating",
            "output",
            "timing",
            "rules",
            "children",
        } <= set(node)
    weekly = [n for n in nodes if any(r.get("key") == "tuan" for r in n["rules"])]
    assert len(weekly) == 1
    assert weekly[0]["lead"]["code"] == "hai-phong.dai-son.co-quan-cm"
    assert weekly[0]["rules"][0] == {
        "kind": "recurring", "key": "tuan", "label": "Báo cáo tuần", "rrule": "FREQ=WEEKLY;BYDAY=TH",
        "start_time": "16:00", "due_time": "16:15",
    }  # fmt: skip


@pytest.mark.parametrize(("plan", "rows"), [("nhat-tan-2024", 18), ("kien-an-2023", 46)])
async def test_every_leaf_row_of_the_table_plans_is_a_task_with_its_lead(
    client: AsyncTestClient[Any], plan: str, rows: int
) -> None:
    tree = (await client.get(f"/api/plans/{plan}/tasks")).json()
    if plan == "kien-an-2023":
        [appendix] = [n for n in tree if n["label"] == "PL"]
        tree = appendix["children"]
    else:
        tree = [n for n in tree if n["label"] in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")]
    leaves = [n for n in _walk(tree) if not n["children"]]
    assert len(leaves) == rows
    for leaf in leaves:
        assert leaf["kind"] == "task"
        assert leaf["lead"] is not None, leaf["content"]
        assert leaf["lead"]["name"]


async def test_the_27_appendix_tasks_of_le_loi_fall_due_on_31_08_2022(
    client: AsyncTestClient[Any],
) -> None:
    tree = (await client.get("/api/plans/le-loi-2022/tasks")).json()
    [appendix] = [n for n in tree if n["label"] == "PL"]
    assert len(appendix["children"]) == 27
    ids = {n["id"] for n in appendix["children"]}
    occurrences = (await client.get("/api/occurrences", params={"plan": "le-loi-2022"})).json()
    appendix_dues = [o["due"] for o in occurrences if o["task"] in ids]
    assert appendix_dues == ["2022-08-31"] * 27


async def test_dai_son_weekly_report_is_every_thursday_16_00_to_16_15(
    client: AsyncTestClient[Any],
) -> None:
    tree = (await client.get("/api/plans/dai-son-2026/tasks")).json()
    [weekly] = [n for n in _walk(tree) if any(r.get("key") == "tuan" for r in n["rules"])]
    occurrences = (await client.get("/api/occurrences", params={"plan": "dai-son-2026"})).json()
    reports = [
        o
        for o in occurrences
        if o["task"] == weekly["id"] and o["label"].startswith("Báo cáo tuần")
    ]
    thursdays = [dt.date(2026, 3, 5) + dt.timedelta(weeks=n) for n in range(44)]
    assert thursdays[-1] == dt.date(2026, 12, 31)
    expected = []
    for day in thursdays:
        moved = {dt.date(2026, 4, 30): dt.date(2026, 5, 4)}.get(day, day)  # 30/4 and 1/5 are off
        expected.append((f"{moved}T16:00:00+07:00", f"{moved}T16:15:00+07:00"))
    assert [(o["start"], o["due"]) for o in reports] == expected


async def test_kien_an_quarterly_report_falls_on_the_17th_moved_off_days_off(
    client: AsyncTestClient[Any],
) -> None:
    tree = (await client.get("/api/plans/kien-an-2023/tasks")).json()
    [report] = [n for n in _walk(tree) if n["timing"] == "Hàng quý"]
    occurrences = (await client.get("/api/occurrences", params={"plan": "kien-an-2023"})).json()
    dues = [o["due"] for o in occurrences if o["task"] == report["id"]]
    assert dues == ["2023-03-17", "2023-06-19", "2023-09-18", "2023-12-18"]


async def test_occurrences_filter_by_unit_and_dates(client: AsyncTestClient[Any]) -> None:
    params = {"unit": "hai-phong.dai-son.kinh-te", "from": "2026-04-06", "to": "2026-04-12"}
    response = await client.get("/api/occurrences", params=params)
    assert response.status_code == 200
    items = response.json()
    assert [o["due"] for o in items] == ["2026-04-09T16:15:00+07:00"]
    assert items[0]["status"] == "pending"
    assert {"id", "task", "label", "start", "due", "status"} <= set(items[0])
    unknown = await client.get("/api/occurrences", params={"unit": "khong-co"})
    assert unknown.status_code == 404


async def test_past_deadlines_not_done_are_overdue(client: AsyncTestClient[Any]) -> None:
    items = (
        await client.get("/api/occurrences", params={"plan": "kien-an-2023", "to": "2023-03-31"})
    ).json()
    assert items
    assert {o["status"] for o in items} == {"overdue"}


async def test_pages_render_in_vietnamese(client: AsyncTestClient[Any]) -> None:
    home = await client.get("/")
    assert home.status_code == 200
    assert "Kế hoạch" in home.text
    assert 'href="/plans/dai-son-2026"' in home.text
    plan = await client.get("/plans/dai-son-2026")
    assert plan.status_code == 200
    assert "Thứ Năm, 09/04/2026 16:15" in plan.text  # the next weekly report
    assert "Trung tâm Phục vụ hành chính công" in plan.text
    unit = await client.get("/units/hai-phong.dai-son")
    assert unit.status_code == 200
    assert "Chưa hoàn thành, trong hạn" in unit.text
    assert (await client.get("/units")).status_code == 200
    missing = await client.get("/plans/khong-co")
    assert missing.status_code == 404
    assert "Không có kế hoạch" in missing.text
    css = await client.get("/static/tracker.css")
    assert css.status_code == 200
    assert "--accent" in css.text


async def test_without_public_reading_the_api_asks_to_sign_in(
    private_client: AsyncTestClient[Any],
) -> None:
    response = await private_client.get("/api/plans")
    assert response.status_code == 401
    assert response.json()["error"] == "Bạn cần đăng nhập để xem nội dung này."
    page = await private_client.get("/", follow_redirects=False)
    assert page.status_code in (302, 303)
    assert page.headers["location"].startswith("/login")
    assert (await private_client.get("/healthz")).status_code == 200


async def test_a_commune_chairman_sees_only_their_commune(
    private_client: AsyncTestClient[Any], seeded: Settings
) -> None:
    from tracker.org.tables import Person

    chairman = (
        await Person.select(Person.email)
        .where(Person.email.like("%@kienan.example.vn") & (Person.role == "chairman"))
        .first()
    )
    assert chairman is not None
    await set_password(chairman["email"], "mat-khau-thu-nghiem")
    auth = (chairman["email"], "mat-khau-thu-nghiem")
    plans = (await private_client.get("/api/plans", auth=auth)).json()
    assert [p["key"] for p in plans] == ["kien-an-2023"]
    assert (await private_client.get("/api/plans/dai-son-2026", auth=auth)).status_code == 404
    units = (await private_client.get("/api/units", auth=auth)).json()
    assert [u["code"] for u in units] == ["an-giang.cho-moi.kien-an"]
    wrong = await private_client.get("/api/plans", auth=(chairman["email"], "sai-mat-khau"))
    assert wrong.status_code == 401


async def test_a_district_viewer_sees_the_communes_below(
    private_client: AsyncTestClient[Any], seeded: Settings
) -> None:
    from tracker.org.tables import Person

    viewer = (
        await Person.select(Person.email).where(Person.email.like("%@chomoi.example.vn")).first()
    )
    assert viewer is not None
    await set_password(viewer["email"], "mat-khau-huyen-1")
    plans = (
        await private_client.get("/api/plans", auth=(viewer["email"], "mat-khau-huyen-1"))
    ).json()
    assert [p["key"] for p in plans] == ["kien-an-2023"]


async def test_signing_in_through_the_form_sets_a_session(
    private_client: AsyncTestClient[Any], seeded: Settings
) -> None:
    from tracker.org.tables import Person

    officer = (
        await Person.select(Person.email)
        .where(Person.email.like("%@daison.example.vn") & (Person.role == "officer"))
        .first()
    )
    assert officer is not None
    await set_password(officer["email"], "mat-khau-dai-son")
    bad = await sign_in(private_client, officer["email"], "x")
    assert bad.status_code == 401
    assert "Sai địa chỉ e-mail hoặc mật khẩu." in bad.text
    good = await sign_in(
        private_client,
        officer["email"],
        "mat-khau-dai-son",
        next="//evil.example",
        follow_redirects=False,
    )
    assert good.status_code in (302, 303)
    assert good.headers["location"] == "/compliance"  # where an officer lands
    plans = (await private_client.get("/api/plans")).json()
    assert [p["key"] for p in plans] == ["dai-son-2026"]
    await sign_out(private_client)
    assert (await private_client.get("/api/plans")).status_code == 401
