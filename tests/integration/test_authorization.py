"""Who may touch what, tried through the API as each kind of caller would, on things of
their own commune and on things that already exist in another commune.

One line a case: the caller, what they try, on whose thing, and the answer. Writes are
checked on what is stored, not only on what arrives: a document's key never moves a plan
from one commune to another, an event never lands on another commune's plan, and a plan
never gives work to another commune's units.

The cases share one seeded database (seeding PostgreSQL for each would cost minutes):
each write lands on a key, an occurrence or an event of its own, and no case depends on
another's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tracker.app import create_app
from tracker.config import Settings
from tracker.deadlines.tables import Occurrence
from tracker.org.auth import set_password
from tracker.plans.tables import Plan, Task, TaskUnit

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)

PEOPLE = {
    "ds-chairman": "thang.pv@daison.example.vn",
    "ds-officer": "hoa.tt@daison.example.vn",
    "ds-member": "long.nh@daison.example.vn",
    "hp-viewer": "tam.btt@haiphong.example.vn",
    "ka-officer": "lan.ttn@kienan.example.vn",
    "ll-chairman": "khai.nv@leloi.example.vn",
}
PASSWORD = "mat-khau-thu-quyen"

DAI_SON = "hai-phong.dai-son"
LE_LOI = "hai-duong.gia-loc.le-loi"
OWN_PLAN, OTHER_PLAN = "dai-son-2026", "le-loi-2022"


def plan_yaml(*, key: str, unit: str, lead: str) -> str:
    return f"""key: {key}
doc_type: KH
number: 9/KH-UBND
title: Kế hoạch thử quyền
unit: {unit}
year: 2026
period: {{start: 2026-01-01, end: 2026-12-31}}
tasks:
  - label: "1"
    content: "Rà soát thủ tục hành chính"
    lead: [{lead}]
    timing: "Trước ngày 30/6/2026"
    schedule:
      - {{kind: deadline, due: 2026-06-30}}
"""


Call = Callable[[AsyncTestClient[Any], tuple[str, str] | None, Path], Awaitable[Any]]


def get(path: str) -> Call:
    async def call(client: AsyncTestClient[Any], auth: Any, tmp: Path) -> Any:
        return await client.get(path, auth=auth)

    return call


def import_plan(*, key: str, unit: str, lead: str) -> Call:
    async def call(client: AsyncTestClient[Any], auth: Any, tmp: Path) -> Any:
        text = plan_yaml(key=key, unit=unit, lead=lead)
        files = {"file": ("ke-hoach.yaml", text.encode("utf-8"), "application/x-yaml")}
        return await client.post("/api/imports", files=files, auth=auth)

    return call


def event(*, unit: str | None = None, plan: str | None = None) -> Call:
    async def call(client: AsyncTestClient[Any], auth: Any, tmp: Path) -> Any:
        body = {"kind": "qd_cong_bo_tthc", "date": "2026-04-08", "unit": unit, "plan": plan}
        return await client.post("/api/events", json=body, auth=auth)

    return call


def complete(plan: str) -> Call:
    async def call(client: AsyncTestClient[Any], auth: Any, tmp: Path) -> Any:
        row = (
            await Occurrence.select(Occurrence.id)
            .where((Occurrence.plan.key == plan) & (Occurrence.status == "open"))
            .order_by(Occurrence.id)
            .first()
        )
        assert row is not None
        body = {"evidence": "Đã làm xong"}
        return await client.post(f"/api/occurrences/{row['id']}/complete", json=body, auth=auth)

    return call


def unit_feed(unit: str) -> Call:
    async def call(client: AsyncTestClient[Any], auth: Any, tmp: Path) -> Any:
        return await client.post("/api/me/feeds", json={"kind": "unit", "unit": unit}, auth=auth)

    return call


CASES: list[tuple[str, str, Call, int]] = [
    # reading
    ("ds-officer", "reads own plan", get(f"/api/plans/{OWN_PLAN}"), 200),
    ("ds-member", "reads own plan", get(f"/api/plans/{OWN_PLAN}"), 200),
    ("hp-viewer", "reads a plan of its city", get(f"/api/plans/{OWN_PLAN}"), 200),
    ("ds-officer", "reads another commune's plan", get(f"/api/plans/{OTHER_PLAN}"), 404),
    ("ka-officer", "reads another commune's plan", get(f"/api/plans/{OWN_PLAN}"), 404),
    ("anonymous", "reads a plan", get(f"/api/plans/{OWN_PLAN}"), 401),
    # importing
    (
        "ds-officer",
        "imports a new plan of own commune",
        import_plan(key="ds-thu", unit=DAI_SON, lead=f"{DAI_SON}.vp"),
        201,
    ),
    (
        "ds-chairman",
        "imports a new plan of own commune",
        import_plan(key="ds-thu", unit=DAI_SON, lead=f"{DAI_SON}.vp"),
        201,
    ),
    (
        "ds-member",
        "imports a new plan of own commune",
        import_plan(key="ds-thu", unit=DAI_SON, lead=f"{DAI_SON}.vp"),
        403,
    ),
    (
        "ds-officer",
        "imports a plan for another commune",
        import_plan(key="ll-thu", unit=LE_LOI, lead=f"{LE_LOI}.vp-tk"),
        403,
    ),
    (
        "ds-officer",
        "imports under another commune's existing key",
        import_plan(key=OTHER_PLAN, unit=DAI_SON, lead=f"{DAI_SON}.vp"),
        422,
    ),
    (
        "ll-chairman",
        "imports another commune's plan under its own key",
        import_plan(key=OTHER_PLAN, unit=DAI_SON, lead=f"{DAI_SON}.vp"),
        403,
    ),
    (
        "anonymous",
        "imports a plan",
        import_plan(key="ds-thu", unit=DAI_SON, lead=f"{DAI_SON}.vp"),
        401,
    ),
    # events
    ("ds-officer", "records an event in own commune", event(unit=DAI_SON), 201),
    ("ds-officer", "records an event for own plan", event(plan=OWN_PLAN), 201),
    (
        "ds-officer",
        "records an own-unit event on another commune's plan",
        event(unit=DAI_SON, plan=OTHER_PLAN),
        404,
    ),
    ("ds-officer", "records an event in another commune", event(unit=LE_LOI), 404),
    ("hp-viewer", "records an event in a commune of its city", event(unit=DAI_SON), 403),
    ("ds-member", "records an event in own commune", event(unit=DAI_SON), 403),
    (
        "ka-officer",
        "records an event on another commune's plan",
        event(unit="an-giang.cho-moi.kien-an", plan=OWN_PLAN),
        404,
    ),
    # completing work
    ("ds-officer", "completes work of own commune", complete(OWN_PLAN), 200),
    ("ka-officer", "completes work of another commune", complete(OWN_PLAN), 404),
    ("ll-chairman", "completes work of another commune", complete(OWN_PLAN), 404),
    ("hp-viewer", "completes work its unit does not lead", complete(OWN_PLAN), 403),
    ("anonymous", "completes work", complete(OWN_PLAN), 401),
    # unit feeds
    ("ds-officer", "makes a feed of an own unit", unit_feed(f"{DAI_SON}.vp"), 201),
    ("ds-member", "makes a feed of an own unit", unit_feed(f"{DAI_SON}.vp"), 403),
    ("ds-officer", "makes a feed of another commune's unit", unit_feed(f"{LE_LOI}.vp-tk"), 404),
]


@pytest.fixture(scope="module")
async def signed_up(seeded: Settings) -> Settings:
    """The seeded database with a password for each person of the table (argon2 is slow
    on purpose: once per module)."""
    for email in PEOPLE.values():
        await set_password(email, PASSWORD)
    return seeded


@pytest.fixture
async def client(signed_up: Settings) -> Any:
    app = create_app(signed_up, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


@pytest.mark.parametrize(
    ("who", "what", "call", "status"), CASES, ids=[f"{w} {t}" for w, t, _, _ in CASES]
)
async def test_who_may_touch_what(
    client: AsyncTestClient[Any], tmp_path: Path, who: str, what: str, call: Call, status: int
) -> None:
    auth = None if who == "anonymous" else (PEOPLE[who], PASSWORD)
    response = await call(client, auth, tmp_path)
    assert response.status_code == status, response.text


async def test_a_key_of_another_commune_never_moves_its_plan(
    client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    before = await Plan.select(Plan.id, Plan.unit).where(Plan.key == OTHER_PLAN).first()
    tasks = await Task.count().where(Task.plan == before["id"])
    take = import_plan(key=OTHER_PLAN, unit=DAI_SON, lead=f"{DAI_SON}.vp")
    response = await take(client, (PEOPLE["ds-officer"], PASSWORD), tmp_path)
    assert response.status_code == 422
    assert "đã được dùng cho kế hoạch của một đơn vị khác" in " ".join(response.json()["errors"])
    after = await Plan.select(Plan.id, Plan.unit).where(Plan.key == OTHER_PLAN).first()
    assert after == before
    assert await Task.count().where(Task.plan == before["id"]) == tasks
    owner = await client.get(f"/api/plans/{OTHER_PLAN}", auth=(PEOPLE["ll-chairman"], PASSWORD))
    assert owner.status_code == 200


async def test_a_plan_never_gives_work_to_another_commune_s_units(
    client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    foreign = import_plan(key="ds-ngoai", unit=DAI_SON, lead=f"{LE_LOI}.vp-tk")
    response = await foreign(client, (PEOPLE["ds-officer"], PASSWORD), tmp_path)
    assert response.status_code == 201, response.text
    review = response.json()["review"]
    assert [(r["field"], r["text"]) for r in review] == [("chủ trì", f"{LE_LOI}.vp-tk")]
    plan = await Plan.select(Plan.id).where(Plan.key == "ds-ngoai").first()
    [task] = await Task.select(Task.id, Task.review).where(Task.plan == plan["id"])
    assert task["review"]
    assert await TaskUnit.count().where(TaskUnit.task == task["id"]) == 0
