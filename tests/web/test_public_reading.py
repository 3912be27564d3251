"""Public reading (``TRACKER_PUBLIC_READ``, on in ``serve --demo``) is read-only: an
anonymous visitor reads the pages and the GET API, and every write, upload or preview
asks them to sign in (401 from the API, the sign-in form for pages) and changes nothing,
through the app's own HTTP client on the seeded database."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.dump import dump
from tracker.app import create_app
from tracker.config import Settings
from tracker.deadlines.tables import Occurrence
from tracker.notify.tables import FeedToken

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
PLAN_YAML = b"plan:\n  key: thu-2026\n"
SIGN_IN = "Bạn cần đăng nhập"


@pytest.fixture(scope="module")
async def client(seeded: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    app = create_app(seeded.with_changes(public_read=True), clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        client.follow_redirects = False
        yield client


@pytest.fixture(scope="module")
async def occurrence_id(seeded: Settings) -> int:
    row = await Occurrence.select(Occurrence.id).where(Occurrence.status == "open").first()
    assert row is not None
    return int(row["id"])


@pytest.mark.parametrize(
    "path", ["/", "/units", "/api/plans", "/api/units", "/api/occurrences?from=2026-04-01"]
)
async def test_an_anonymous_visitor_reads_pages_and_the_api(
    client: AsyncTestClient[Any], path: str
) -> None:
    assert (await client.get(path)).status_code == 200


@pytest.mark.parametrize("dry_run", ["true", "false"])
async def test_the_api_takes_no_upload_not_even_a_preview(
    client: AsyncTestClient[Any], seeded: Settings, dry_run: str
) -> None:
    files = {"file": ("ke-hoach.yaml", PLAN_YAML, "application/x-yaml")}
    response = await client.post("/api/imports", files=files, data={"dry_run": dry_run})
    assert response.status_code == 401
    assert response.json()["error"] == (
        "Bạn cần đăng nhập (cán bộ văn phòng hoặc chủ tịch) để ghi kế hoạch."
    )
    assert not (seeded.data_dir / "imports").exists()  # nothing staged either


async def test_the_upload_pages_send_to_the_sign_in_form(
    client: AsyncTestClient[Any], seeded: Settings
) -> None:
    files = {"file": ("ke-hoach.yaml", PLAN_YAML, "application/x-yaml")}
    answers = [
        await client.get("/imports"),
        await client.post("/imports", files=files, data={"unit": ""}),
        await client.post("/imports/confirm", data={"token": "x" * 24}),
        await client.post("/imports/sheet", data={"token": "x" * 24, "sheet": "KH"}),
        await client.post("/imports/unit", data={"token": "x" * 24, "unit": "x"}),
    ]
    for answer in answers:
        assert answer.status_code in (302, 303)
        assert answer.headers["location"] == "/login?next=%2Fimports"
    assert not (seeded.data_dir / "imports").exists()


async def test_events_completion_feeds_and_settings_ask_to_sign_in(
    client: AsyncTestClient[Any], occurrence_id: int
) -> None:
    before = await dump()
    feeds_before = await FeedToken.count()
    event = {"kind": "qd_cong_bo_tthc", "date": "2026-04-01", "unit": "hai-phong.dai-son"}
    done = {"evidence": "Báo cáo số 1"}
    answers = {
        "event": await client.post("/api/events", json=event),
        "complete": await client.post(f"/api/occurrences/{occurrence_id}/complete", json=done),
        "feed": await client.post("/api/me/feeds", json={"kind": "unit", "unit": "hai-phong"}),
        "mode": await client.put("/api/me/notify-mode", json={"mode": "escalations"}),
        "notifications": await client.get("/api/me/notifications"),
    }
    assert {name: a.status_code for name, a in answers.items()} == dict.fromkeys(answers, 401)
    assert answers["event"].json()["error"] == "Bạn cần đăng nhập để ghi sự kiện."
    assert answers["complete"].json()["error"] == "Bạn cần đăng nhập để ghi kết quả công việc."
    assert all(a.json()["error"].startswith(SIGN_IN) for a in answers.values())
    assert await dump() == before
    assert await FeedToken.count() == feeds_before


async def test_the_pages_that_write_send_to_the_sign_in_form(
    client: AsyncTestClient[Any], occurrence_id: int
) -> None:
    before = await dump()
    complete = await client.post(
        f"/occurrences/{occurrence_id}/complete", data={"evidence": "Báo cáo số 1"}
    )
    assert complete.status_code in (302, 303)
    assert complete.headers["location"].startswith("/login?next=")
    for path in ("/calendar/new", "/calendar/1/revoke", "/calendar/1/regenerate"):
        answer = await client.post(path, data={"kind": "unit", "unit": "hai-phong"})
        assert answer.status_code in (302, 303), path
        assert answer.headers["location"] == "/login?next=%2Fcalendar", path
    assert await dump() == before
