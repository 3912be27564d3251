"""The demo viewers through ``GET /api/compliance``, on the seeds with a history and three
communes added under Hải Phòng: the Hải Dương viewer sees both of its communes, the Hải
Phòng viewer Đại Sơn and the added ones, their communes add up to their totals, and a
commune's chairman never sees another commune."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import BACKENDS, TZ, make_settings, seeded_database
from tracker.app import create_app
from tracker.config import Settings
from tracker.demo.communes import add_communes, city_targets, load_template
from tracker.demo.history import record_history
from tracker.notify.services import expander_for
from tracker.org.auth import set_password
from tracker.org.services import scope_for_person
from tracker.org.tables import Person

NOW = dt.datetime(2026, 6, 30, 17, 0, tzinfo=TZ)
PASSWORD = "mat-khau-xem-minh-hoa"
PROVINCE_VIEWER = "yen.dth@haiduong.example.vn"
CITY_VIEWER = "tam.btt@haiphong.example.vn"
DAI_SON_CHAIRMAN = "thang.pv@daison.example.vn"
LE_LOI, DOAN_KET = "hai-duong.gia-loc.le-loi", "hai-duong.huyen-chua-ro.doan-ket"
COUNTED = ("total", "due", "done_on_time", "done_late", "pending", "overdue")
YEAR_2022 = {"from": "2022-01-01", "to": "2022-12-31"}


@pytest.fixture(scope="module", params=BACKENDS)
async def demo(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    seeded_sqlite_template: Path,
    postgres_seeded: str,
) -> dict[str, Any]:
    data_dir = tmp_path_factory.mktemp("demo")
    url = await seeded_database(request.param, data_dir, seeded_sqlite_template, postgres_seeded)
    settings = make_settings(data_dir, database_url=url)
    targets = city_targets(load_template(settings, expander_for(settings)))[:3]
    await add_communes(settings, targets, NOW)
    await record_history(settings, NOW)
    added_chairman = f"chu-tich@{targets[0].mail_domain}"
    for email in (PROVINCE_VIEWER, CITY_VIEWER, DAI_SON_CHAIRMAN, added_chairman):
        await set_password(email, PASSWORD)
    return {"settings": settings, "added": [t.code for t in targets], "chairman": added_chairman}


@pytest.fixture
async def client(demo: dict[str, Any]) -> Any:
    settings: Settings = demo["settings"]
    app = create_app(settings, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


async def compliance(client: AsyncTestClient[Any], email: str, **params: str) -> Any:
    response = await client.get("/api/compliance", params=params, auth=(email, PASSWORD))
    assert response.status_code == 200, response.text
    body = response.json()
    for name in COUNTED:
        assert body["totals"][name] == sum(row[name] for row in body["rows"]), name
    return body


async def test_the_province_viewers_scope_covers_both_of_its_communes(
    demo: dict[str, Any],
) -> None:
    person = await Person.select(Person.id).where(Person.email == PROVINCE_VIEWER).first()
    assert person is not None
    scope = await scope_for_person(person["id"])
    assert scope is not None
    assert scope.role == "viewer"
    assert scope.paths == ("/hai-duong/",)
    assert scope.covers("/hai-duong/hai-duong.gia-loc/hai-duong.gia-loc.le-loi/")
    assert scope.covers("/hai-duong/hai-duong.huyen-chua-ro/hai-duong.huyen-chua-ro.doan-ket/")
    assert not scope.covers("/hai-phong/hai-phong.dai-son/")


async def test_the_province_viewer_sees_its_communes_side_by_side(
    client: AsyncTestClient[Any],
) -> None:
    body = await compliance(client, PROVINCE_VIEWER, unit="hai-duong", by="commune", **YEAR_2022)
    assert body["scope"]["code"] == "hai-duong"
    assert {row["key"] for row in body["rows"]} == {LE_LOI, DOAN_KET}
    # A year of history: most of it done, some of it still overdue.
    assert body["totals"]["done_on_time"] > body["totals"]["overdue"] > 0
    own = await compliance(client, PROVINCE_VIEWER, by="commune", **YEAR_2022)
    assert own["scope"]["code"] == "hai-duong"  # their own province by default
    assert own["totals"] == body["totals"]
    refused = await client.get(
        "/api/compliance", params={"unit": "hai-phong"}, auth=(PROVINCE_VIEWER, PASSWORD)
    )
    assert refused.status_code == 404


async def test_the_city_viewer_sees_dai_son_and_the_communes_added(
    client: AsyncTestClient[Any], demo: dict[str, Any]
) -> None:
    body = await compliance(client, CITY_VIEWER, by="commune")
    assert body["scope"]["code"] == "hai-phong"
    assert {row["key"] for row in body["rows"]} == {"hai-phong.dai-son", *demo["added"]}
    for row in body["rows"]:
        assert row["due"] > 0
        assert row["done_on_time"] > 0
    by_unit = await compliance(client, CITY_VIEWER, by="unit")
    assert by_unit["totals"] == body["totals"]


async def test_a_commune_chairman_never_sees_another_commune(
    client: AsyncTestClient[Any], demo: dict[str, Any]
) -> None:
    own = await compliance(client, DAI_SON_CHAIRMAN, by="commune")
    assert [row["key"] for row in own["rows"]] == ["hai-phong.dai-son"]
    added = await compliance(client, demo["chairman"], by="commune")
    assert [row["key"] for row in added["rows"]] == [demo["added"][0]]
    for email, other in (
        (DAI_SON_CHAIRMAN, demo["added"][0]),
        (DAI_SON_CHAIRMAN, "hai-phong"),
        (demo["chairman"], "hai-phong.dai-son"),
        (demo["chairman"], demo["added"][1]),
    ):
        refused = await client.get(
            "/api/compliance", params={"unit": other}, auth=(email, PASSWORD)
        )
        assert refused.status_code == 404, (email, other)
