"""``GET /api/compliance`` through the app: totals are the sum of the rows for every
grouping, the counts agree with the deadlines ``/api/occurrences`` lists for the same
scope and year, and nobody counts another commune's work."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tracker.app import create_app
from tracker.config import Settings
from tracker.org.auth import set_password
from tracker.reports.compliance import BY

NOW = dt.datetime(2026, 6, 30, 17, 0, tzinfo=TZ)
PASSWORD = "mat-khau-bao-cao"
CHAIRMAN = "thang.pv@daison.example.vn"
CITY_VIEWER = "tam.btt@haiphong.example.vn"
KIEN_AN = "lan.ttn@kienan.example.vn"
COUNTED = ("total", "due", "done_on_time", "done_late", "pending", "overdue")


@pytest.fixture(scope="module")
async def signed_up(seeded: Settings) -> Settings:
    for email in (CHAIRMAN, CITY_VIEWER, KIEN_AN):
        await set_password(email, PASSWORD)
    return seeded


@pytest.fixture
async def client(signed_up: Settings) -> Any:
    app = create_app(signed_up, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


@pytest.mark.parametrize("by", BY)
async def test_totals_are_the_sum_of_the_rows(client: AsyncTestClient[Any], by: str) -> None:
    response = await client.get("/api/compliance", params={"by": by}, auth=(CHAIRMAN, PASSWORD))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["scope"]["code"] == "hai-phong.dai-son"  # the chairman's own commune
    assert (body["from"], body["to"]) == ("2026-01-01", "2026-12-31")
    for name in COUNTED:
        assert body["totals"][name] == sum(row[name] for row in body["rows"]), name
    totals = body["totals"]
    assert totals["total"] == sum(
        totals[b] for b in ("done_on_time", "done_late", "pending", "overdue")
    )


async def test_the_counts_agree_with_the_deadlines_listed(client: AsyncTestClient[Any]) -> None:
    auth = (CHAIRMAN, PASSWORD)
    counted = (await client.get("/api/compliance", params={"by": "plan"}, auth=auth)).json()
    listed = await client.get(
        "/api/occurrences", params={"from": "2026-01-01", "to": "2026-12-31"}, auth=auth
    )
    buckets = Counter(o["status"] for o in listed.json())
    assert counted["totals"]["total"] == len(listed.json())
    for name in ("done_on_time", "done_late", "pending", "overdue"):
        assert counted["totals"][name] == buckets[name], name


async def test_nobody_counts_another_commune(client: AsyncTestClient[Any]) -> None:
    other = await client.get(
        "/api/compliance", params={"unit": "hai-phong.dai-son"}, auth=(KIEN_AN, PASSWORD)
    )
    assert other.status_code == 404
    city = await client.get(
        "/api/compliance", params={"by": "commune"}, auth=(CITY_VIEWER, PASSWORD)
    )
    assert city.status_code == 200
    assert [row["key"] for row in city.json()["rows"]] == ["hai-phong.dai-son"]
    refused = await client.get("/api/compliance", params={"by": "nam"}, auth=(CHAIRMAN, PASSWORD))
    assert refused.status_code == 400
    assert "Cách nhóm 'nam' không có" in refused.json()["error"]
