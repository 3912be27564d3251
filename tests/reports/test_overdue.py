"""The overdue list: exactly the deadlines the counts call overdue, for the same scope and
moment, worst first, late by calendar and by working days on the official calendar, with
whom the reminder ladder has told; and nobody lists another commune's work."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tracker.app import create_app
from tracker.config import Settings
from tracker.deadlines.escalation import escalation_at
from tracker.deadlines.schemas import CompleteIn
from tracker.notify.services import complete_work
from tracker.org.auth import set_password
from tracker.org.scope import Scope
from tracker.reports.compliance import count_compliance
from tracker.reports.overdue import list_overdue
from tracker.schedule.calendars import load_work_calendar
from tracker.schedule.workdays import WorkCalendar

NOW = dt.datetime(2026, 6, 30, 17, 0, tzinfo=TZ)
# The Monday after the 30/04–01/05 break, which Giỗ Tổ (observed Monday 27/04) precedes.
AFTER_THE_BREAK = "2026-05-04T09:00:00+07:00"
PASSWORD = "mat-khau-bao-cao"
CHAIRMAN = "thang.pv@daison.example.vn"
CHAIRMAN_NAME = "Phạm Văn Thắng"
CITY_VIEWER = "tam.btt@haiphong.example.vn"
KIEN_AN = "phuoc.lv@kienan.example.vn"  # Kiến An's chairman
# The heads of the three offices "Các cơ quan chuyên môn" stands for (seeds/people).
GROUP_HEADS = ("Nguyễn Hữu Long", "Lê Minh Tuấn", "Đỗ Thị Phương Lan")
EVERYTHING = {"from": "2000-01-01", "to": "2100-12-31"}


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


async def _get(client: AsyncTestClient[Any], path: str, who: str = CHAIRMAN, **params: Any) -> Any:
    response = await client.get(path, params=params, auth=(who, PASSWORD))
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("as_of", [None, AFTER_THE_BREAK, "2026-03-20T08:00:00+07:00"])
async def test_the_overdue_items_are_what_the_counts_call_overdue(
    client: AsyncTestClient[Any], as_of: str | None
) -> None:
    moment = {"as_of": as_of} if as_of else {}
    items = await _get(client, "/api/compliance/overdue", **moment)
    counted = await _get(client, "/api/compliance", **moment, **EVERYTHING)
    assert items, "the demo has overdue work to list"
    assert len(items) == counted["totals"]["overdue"]
    assert len({i["occurrence"] for i in items}) == len(items)
    # Unit by unit too: the lead each item names is the row the counts put it in.
    by_unit = await _get(client, "/api/compliance", by="unit", **moment, **EVERYTHING)
    leads = Counter(i["lead"]["code"] if i["lead"] else "" for i in items)
    assert leads == {r["key"]: r["overdue"] for r in by_unit["rows"] if r["overdue"]}
    # A period narrows both alike.
    period = {"from": "2026-04-01", "to": "2026-04-30"}
    narrowed = await _get(client, "/api/compliance/overdue", **moment, **period)
    counted = await _get(client, "/api/compliance", **moment, **period)
    assert len(narrowed) == counted["totals"]["overdue"]
    assert all("2026-04-01" <= i["due"][:10] <= "2026-04-30" for i in narrowed)


async def test_the_worst_come_first_and_a_limit_keeps_the_worst(
    client: AsyncTestClient[Any],
) -> None:
    items = await _get(client, "/api/compliance/overdue")
    lateness = [(i["working_days_late"], i["days_late"]) for i in items]
    assert lateness == sorted(lateness, reverse=True)
    assert lateness[0] > lateness[-1]
    first = await _get(client, "/api/compliance/overdue", limit=3)
    assert first == items[:3]
    refused = await client.get(
        "/api/compliance/overdue", params={"limit": 0}, auth=(CHAIRMAN, PASSWORD)
    )
    assert refused.status_code == 400
    assert "limit=0" in refused.json()["error"]
    for moment in ("9999-12-31T00:00:00+00:00", "0001-01-01T00:00:00+01:00"):
        for path in ("/api/compliance/overdue", "/api/compliance/report.docx"):
            far = await client.get(path, params={"as_of": moment}, auth=(CHAIRMAN, PASSWORD))
            assert far.status_code == 400, (path, moment)
            assert "phải thuộc các năm 1990–2100" in far.json()["error"]


async def test_working_days_late_skip_the_holidays(
    client: AsyncTestClient[Any], calendar: WorkCalendar
) -> None:
    """The weekly report of Thursday 23/04/2026 16:15, seen on Monday 04/05 at 09:00: 11
    days late, but Giỗ Tổ (27/04), 30/04, 01/05 and two weekends are not worked, so 4
    working days: told to the heads of the offices, not yet to the chairman."""
    items = await _get(client, "/api/compliance/overdue", as_of=AFTER_THE_BREAK)
    weekly = next(i for i in items if i["due"] == "2026-04-23T16:15:00+07:00")
    assert (weekly["days_late"], weekly["working_days_late"]) == (11, 4)
    assert weekly["lead"]["code"] == "hai-phong.dai-son.co-quan-cm"
    assert all(name in weekly["escalated_to"] for name in GROUP_HEADS)
    assert CHAIRMAN_NAME not in weekly["escalated_to"]
    as_of = dt.date(2026, 5, 4)
    for item in items:
        due = dt.date.fromisoformat(item["due"][:10])
        worked = [
            due + dt.timedelta(days=n)
            for n in range(1, (as_of - due).days + 1)
            if calendar.is_working_day(due + dt.timedelta(days=n))
        ]
        assert item["working_days_late"] == len(worked), item["due"]
        assert item["days_late"] == (as_of - due).days


async def test_escalated_to_follows_the_reminder_ladder(client: AsyncTestClient[Any]) -> None:
    # Wednesday 17/06: the reports of 15/06 are 2 working days late, Thursday 11/06's 4,
    # and the spring's far more.
    items = await _get(client, "/api/compliance/overdue", as_of="2026-06-17T09:00:00+07:00")
    reached = Counter(escalation_at(i["working_days_late"]) for i in items)
    assert set(reached) == {None, "head", "chairman"}, reached  # every step is met
    for item in items:
        step = escalation_at(item["working_days_late"])
        if step is None:
            assert item["escalated_to"] is None
        elif step == "chairman":
            assert item["escalated_to"] == f"{CHAIRMAN_NAME} (Chủ tịch UBND xã Đại Sơn)"
        else:
            assert item["escalated_to"]
            assert CHAIRMAN_NAME not in item["escalated_to"]


async def test_nobody_lists_another_communes_overdue_work(client: AsyncTestClient[Any]) -> None:
    refused = await client.get(
        "/api/compliance/overdue",
        params={"unit": "hai-phong.dai-son"},
        auth=(KIEN_AN, PASSWORD),
    )
    assert refused.status_code == 404
    hidden = await client.get(
        "/api/compliance/overdue", params={"plan": "dai-son-2026"}, auth=(KIEN_AN, PASSWORD)
    )
    assert hidden.status_code == 404
    own = await _get(client, "/api/compliance/overdue", who=KIEN_AN)
    assert own  # Kiến An's closed 2023 plan still has overdue work
    assert {i["plan"]["key"] for i in own} == {"kien-an-2023"}
    city = await _get(client, "/api/compliance/overdue", who=CITY_VIEWER)
    assert city == await _get(client, "/api/compliance/overdue")  # Hải Phòng holds Đại Sơn only
    anonymous = await client.get("/api/compliance/overdue")
    assert anonymous.status_code == 401


async def test_work_done_after_the_moment_is_still_overdue_at_it(seeded_rw: Settings) -> None:
    """As of a past moment, work completed after it is listed; work completed before it
    is not; and the list still equals the counts."""
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    calendar = load_work_calendar(seeded_rw.calendars_dir)
    before = await list_overdue(unit_path="/hai-phong/", as_of=NOW, tz=tz, calendar=calendar)
    early, late = before[0], before[-1]
    finished = NOW + dt.timedelta(days=2)
    for item, when in ((early, NOW - dt.timedelta(days=1)), (late, finished)):
        await complete_work(
            item.occurrence,
            CompleteIn(evidence="Báo cáo số 12/BC-UBND", completed_at=when),
            scope=Scope.system(),
            tz=tz,
            now=finished,
        )
    for moment in (NOW, finished + dt.timedelta(hours=1)):
        listed = await list_overdue(unit_path="/hai-phong/", as_of=moment, tz=tz, calendar=calendar)
        counted = await count_compliance(
            unit_path="/hai-phong/", start=dt.date(2000, 1, 1), end=dt.date(2100, 12, 31),
            as_of=moment, tz=tz,
        )  # fmt: skip
        assert len(listed) == counted.totals.overdue
        ids = {i.occurrence for i in listed}
        assert early.occurrence not in ids
        assert (late.occurrence in ids) == (moment == NOW)
