"""Events, completing work, notifications and the occurrence page, through the app's own
HTTP client on a seeded database of each test's own (they write)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import post_form, sign_in
from tracker.app import create_app
from tracker.audit import AuditEntry
from tracker.config import Settings
from tracker.deadlines.tables import Occurrence
from tracker.notify.reminders import reminder_pass
from tracker.notify.tables import NotifySetting, Outbox
from tracker.org.auth import set_password
from tracker.org.tables import Person

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)

OFFICER = "hoa.tt@daison.example.vn"  # officer of Đại Sơn
LONG = "long.nh@daison.example.vn"  # a civil servant of a unit that leads the weekly report
TUAN = "tuan.lm@daison.example.vn"
QUYNH = "quynh.vn@daison.example.vn"  # Đại Sơn, but not of the weekly report's units
KIEN_AN = "lan.ttn@kienan.example.vn"  # an officer of another commune
PASSWORD = "mat-khau-thu-nghiem"


@pytest.fixture
async def client(seeded_rw: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    for email in (OFFICER, LONG, TUAN, QUYNH, KIEN_AN):
        assert await set_password(email, PASSWORD)
    app = create_app(seeded_rw, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


def auth(email: str) -> tuple[str, str]:
    return (email, PASSWORD)


async def person_id(email: str) -> int:
    row = await Person.select(Person.id).where(Person.email == email).first()
    assert row is not None
    return int(row["id"])


async def weekly_report() -> int:
    """The weekly report due Thursday 09/04/2026 16:15."""
    row = (
        await Occurrence.select(Occurrence.id)
        .where((Occurrence.plan.key == "dai-son-2026") & (Occurrence.key == "tuan:2026-W15"))
        .first()
    )
    assert row is not None
    return int(row["id"])


# --------------------------------------------------------------------------- events


async def test_an_officer_records_an_event_and_its_occurrences_are_told(
    client: AsyncTestClient[Any],
) -> None:
    response = await client.post(
        "/api/events",
        json={"kind": "yeu_cau", "date": "2026-04-08", "unit": "hai-phong.dai-son",
              "ref": "Công văn số 45/UBND-VP"},
        auth=auth(OFFICER),
    )  # fmt: skip
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["kind"] == "yeu_cau"
    assert body["date"] == "2026-04-08"
    assert body["plans"] == ["dai-son-2026"]
    assert len(body["occurrences"]) == 1
    assert body["messages"] > 0
    [created] = await Occurrence.select(*Occurrence.all_columns()).where(
        Occurrence.id.is_in(body["occurrences"])
    )
    assert created["due_date"] == dt.date(2026, 4, 8)
    assert created["status"] == "open"
    assert created["event"] == body["id"]
    # The "at once" step is in the outbox for the unit that leads the work.
    rows = await Outbox.select(Outbox.person, Outbox.channel, Outbox.step, Outbox.state).where(
        Outbox.occurrence == created["id"]
    )
    assert {r["step"] for r in rows} == {"event"}
    assert {r["person"] for r in rows} == {await person_id(QUYNH)}
    assert {r["channel"] for r in rows} == {"inapp", "email"}
    detail = (await client.get(f"/api/occurrences/{created['id']}", auth=auth(OFFICER))).json()
    # An on-demand report is named after the request that asked for it.
    assert detail["label"] == "Công văn số 45/UBND-VP (08/04/2026)"


async def test_only_editors_record_events(client: AsyncTestClient[Any]) -> None:
    event = {"kind": "yeu_cau", "date": "2026-04-08", "unit": "hai-phong.dai-son"}
    member = await client.post("/api/events", json=event, auth=auth(LONG))
    assert member.status_code == 403
    assert "cán bộ văn phòng" in member.json()["error"]
    anonymous = await client.post("/api/events", json=event)
    assert anonymous.status_code == 401
    # Another commune's unit answers as one that does not exist: no hint it is there.
    other_commune = await client.post("/api/events", json=event, auth=auth(KIEN_AN))
    assert other_commune.status_code == 404
    assert await Occurrence.count().where(Occurrence.event.is_not_null()) == 0


async def test_an_unknown_event_kind_is_named_in_the_answer(client: AsyncTestClient[Any]) -> None:
    response = await client.post(
        "/api/events", json={"kind": "bao_lu", "date": "2026-04-08", "unit": "hai-phong.dai-son"},
        auth=auth(OFFICER),
    )  # fmt: skip
    assert response.status_code == 400
    message = response.json()["error"]
    assert "Loại sự kiện 'bao_lu' không có" in message
    assert "yeu_cau" in message
    future = await client.post(
        "/api/events", json={"kind": "yeu_cau", "date": "2026-04-09", "unit": "hai-phong.dai-son"},
        auth=auth(OFFICER),
    )  # fmt: skip
    assert future.status_code == 400
    assert "09/04/2026" in future.json()["error"]


# --------------------------------------------------------------------------- completing


async def test_completing_work_records_who_when_and_what(
    client: AsyncTestClient[Any], seeded_rw: Settings
) -> None:
    occurrence = await weekly_report()
    await reminder_pass(seeded_rw, NOW)  # the eve step is queued for e-mail
    response = await client.post(
        f"/api/occurrences/{occurrence}/complete",
        json={"evidence": "Báo cáo số 12/BC-VP ngày 08/04/2026"},
        auth=auth(LONG),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "done_on_time"
    assert body["completed_by"] == "Nguyễn Hữu Long"
    assert body["completed_at"] == "2026-04-08T15:00:00+07:00"
    assert body["evidence"] == "Báo cáo số 12/BC-VP ngày 08/04/2026"
    row = (
        await Occurrence.select(*Occurrence.all_columns())
        .where(Occurrence.id == occurrence)
        .first()
    )
    assert row is not None
    assert row["status"] == "done"
    assert row["completed_by"] == await person_id(LONG)
    assert row["completed_at"] == NOW
    [audit] = await AuditEntry.select().where(
        (AuditEntry.entity == "occurrence") & (AuditEntry.entity_id == occurrence)
        & (AuditEntry.action == "complete")
    ).output(load_json=True)  # fmt: skip
    assert audit["actor"] == f"person:{await person_id(LONG)}"
    assert audit["changes"]["status"] == ["open", "done"]
    # What was queued is cancelled; later passes say nothing of it.
    states = await Outbox.select(Outbox.state).where(
        (Outbox.occurrence == occurrence) & (Outbox.channel == "email")
    )
    assert {r["state"] for r in states} == {"cancelled"}
    for later in (
        dt.datetime(2026, 4, 9, 14, 15, tzinfo=TZ),
        dt.datetime(2026, 4, 10, 8, 0, tzinfo=TZ),
    ):
        report = await reminder_pass(seeded_rw, later)
        assert [m for m in report.reminders if m.occurrence_id == occurrence] == []
    # Completing it again changes nothing.
    again = await client.post(
        f"/api/occurrences/{occurrence}/complete", json={"evidence": "lần nữa"}, auth=auth(TUAN)
    )
    assert again.status_code == 200
    assert again.json()["completed_by"] == "Nguyễn Hữu Long"
    assert await AuditEntry.count().where(
        (AuditEntry.entity_id == occurrence) & (AuditEntry.action == "complete")
    ) == 1  # fmt: skip


async def test_a_link_alone_is_evidence_enough(client: AsyncTestClient[Any]) -> None:
    occurrence = await weekly_report()
    link = "https://daison.example.vn/van-ban/bao-cao-tuan-15.pdf"
    response = await client.post(
        f"/api/occurrences/{occurrence}/complete", json={"link": link}, auth=auth(OFFICER)
    )
    assert response.status_code == 200
    assert response.json()["evidence"] == link
    assert response.json()["completed_by"] == "Trần Thị Hoa"


async def test_who_may_not_complete_work(client: AsyncTestClient[Any]) -> None:
    occurrence = await weekly_report()
    path = f"/api/occurrences/{occurrence}/complete"
    evidence = {"evidence": "Đã làm"}
    empty = await client.post(path, json={"evidence": "  ", "link": ""}, auth=auth(LONG))
    assert empty.status_code == 400
    assert "Hãy ghi kết quả" in empty.json()["error"]
    # Someone of the commune whose unit does not lead the work.
    outsider = await client.post(path, json=evidence, auth=auth(QUYNH))
    assert outsider.status_code == 403
    assert "đơn vị chủ trì" in outsider.json()["error"]
    # Someone of another commune does not even see it.
    elsewhere = await client.post(path, json=evidence, auth=auth(KIEN_AN))
    assert elsewhere.status_code == 404
    assert (await client.post(path, json=evidence)).status_code == 401
    row = await Occurrence.select(Occurrence.status).where(Occurrence.id == occurrence).first()
    assert row == {"status": "open"}


async def test_one_occurrence_has_the_contract_shape(client: AsyncTestClient[Any]) -> None:
    occurrence = await weekly_report()
    response = await client.get(f"/api/occurrences/{occurrence}", auth=auth(TUAN))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "id", "key", "task", "task_label", "task_content", "plan", "plan_number", "label",
        "kind", "start", "due", "extended_due", "status", "completed_at", "completed_by",
        "evidence",
    }  # fmt: skip
    assert body["id"] == occurrence
    assert body["plan"] == "dai-son-2026"
    assert body["label"] == "Báo cáo tuần – Tuần 15/2026"
    assert body["kind"] == "recurring"
    assert body["start"] == "2026-04-09T16:00:00+07:00"
    assert body["due"] == "2026-04-09T16:15:00+07:00"
    assert body["status"] == "pending"
    assert body["completed_at"] is None
    missing = await client.get("/api/occurrences/999999", auth=auth(TUAN))
    assert missing.status_code == 404
    hidden = await client.get(f"/api/occurrences/{occurrence}", auth=auth(KIEN_AN))
    assert hidden.status_code == 404


# --------------------------------------------------------------------------- notifications


async def test_a_persons_notifications_and_marking_one_read(
    client: AsyncTestClient[Any], seeded_rw: Settings
) -> None:
    occurrence = await weekly_report()
    assert (await client.get("/api/me/notifications", auth=auth(LONG))).json() == []
    await reminder_pass(seeded_rw, NOW)
    listed = (await client.get("/api/me/notifications", auth=auth(LONG))).json()
    assert {n["step"] for n in listed} == {"digest", "eve"}
    [eve] = [n for n in listed if n["step"] == "eve"]
    assert set(eve) == {"id", "step", "subject", "text", "occurrence", "created_at", "read", "link"}
    assert eve["occurrence"] == occurrence
    assert eve["read"] is False
    assert eve["created_at"] == "2026-04-08T15:00:00+07:00"
    assert eve["link"].endswith(f"/occurrences/{occurrence}")
    assert "Thứ Năm, 09/04/2026 16:15" in eve["text"]
    # Another person cannot mark it read, nor see it.
    theirs = await client.post(f"/api/me/notifications/{eve['id']}/read", auth=auth(TUAN))
    assert theirs.status_code == 404
    assert eve["id"] not in {
        n["id"] for n in (await client.get("/api/me/notifications", auth=auth(TUAN))).json()
    }
    mine = await client.post(f"/api/me/notifications/{eve['id']}/read", auth=auth(LONG))
    assert mine.status_code == 204
    unread = (await client.get("/api/me/notifications?unread=true", auth=auth(LONG))).json()
    assert eve["id"] not in {n["id"] for n in unread}
    assert len(unread) == len(listed) - 1
    again = (await client.get("/api/me/notifications", auth=auth(LONG))).json()
    assert next(n for n in again if n["id"] == eve["id"])["read"] is True
    assert (await client.get("/api/me/notifications")).status_code == 401


async def test_a_person_sets_their_own_reminder_mode(
    client: AsyncTestClient[Any], seeded_rw: Settings
) -> None:
    mode = await client.get("/api/me/notify-mode", auth=auth(LONG))
    assert mode.json() == {"mode": "all"}
    changed = await client.put("/api/me/notify-mode", json={"mode": "escalations"}, auth=auth(LONG))
    assert changed.status_code == 200
    assert changed.json() == {"mode": "escalations"}
    assert (await client.get("/api/me/notify-mode", auth=auth(LONG))).json() == {
        "mode": "escalations"
    }
    assert (await client.get("/api/me/notify-mode", auth=auth(TUAN))).json() == {"mode": "all"}
    off = await client.put("/api/me/notify-mode", json={"mode": "off"}, auth=auth(LONG))
    assert off.status_code == 400
    assert "escalations" in off.json()["error"]
    setting = await NotifySetting.select(NotifySetting.target, NotifySetting.mode)
    assert setting == [{"target": f"person:{await person_id(LONG)}", "mode": "escalations"}]
    report = await reminder_pass(seeded_rw, NOW)
    assert {m.person.email for m in report.reminders if m.step == "eve"} == {
        TUAN,
        "lan.dtp@daison.example.vn",
    }
    assert (await client.get("/api/me/notify-mode")).status_code == 401


# --------------------------------------------------------------------------- the page


async def _sign_in(client: AsyncTestClient[Any], email: str) -> None:
    response = await sign_in(client, email, PASSWORD, follow_redirects=False)
    assert response.status_code in (302, 303)


async def test_the_occurrence_page_and_its_completion_form(client: AsyncTestClient[Any]) -> None:
    occurrence = await weekly_report()
    anonymous = await client.get(f"/occurrences/{occurrence}", follow_redirects=False)
    assert anonymous.status_code in (302, 303)
    assert anonymous.headers["location"].startswith("/login")
    await _sign_in(client, LONG)
    page = await client.get(f"/occurrences/{occurrence}")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "Báo cáo tuần – Tuần 15/2026" in page.text
    assert "Thứ Năm, 09/04/2026 16:15" in page.text
    assert "Chưa hoàn thành, trong hạn" in page.text
    assert f'action="/occurrences/{occurrence}/complete"' in page.text
    assert "Đánh dấu hoàn thành" in page.text
    # An empty form comes back with the reason, nothing recorded.
    empty = await post_form(
        client, f"/occurrences/{occurrence}/complete", data={"evidence": "", "link": ""}
    )
    assert empty.status_code == 422
    assert "Hãy ghi kết quả" in empty.text
    done = await post_form(
        client,
        f"/occurrences/{occurrence}/complete",
        data={"evidence": "Đã gửi báo cáo tuần qua Hệ thống", "link": ""},
        follow_redirects=False,
    )
    assert done.status_code in (302, 303)
    assert done.headers["location"] == f"/occurrences/{occurrence}"
    after = await client.get(f"/occurrences/{occurrence}")
    assert "Hoàn thành đúng hạn" in after.text
    assert "Đã gửi báo cáo tuần qua Hệ thống" in after.text
    assert "Thứ Tư, 08/04/2026 15:00 – Nguyễn Hữu Long" in after.text
    assert "Đánh dấu hoàn thành" not in after.text


async def test_the_page_offers_no_form_to_someone_who_may_not_complete(
    client: AsyncTestClient[Any],
) -> None:
    occurrence = await weekly_report()
    await _sign_in(client, QUYNH)
    page = await client.get(f"/occurrences/{occurrence}")
    assert page.status_code == 200
    assert "Đánh dấu hoàn thành" not in page.text
    assert "Chỉ người của đơn vị chủ trì" in page.text
    refused = await post_form(
        client,
        f"/occurrences/{occurrence}/complete",
        data={"evidence": "Đã làm"},
        follow_redirects=False,
    )
    assert refused.status_code == 403
    assert "đơn vị chủ trì" in refused.text
