"""Extensions (gia hạn) end to end through the app's HTTP client, on a seeded database of
each test's own: asked for, approved or refused; the reminders, the person's calendar
feed and the compliance counts follow the approved date; and who may do what."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest
from icalendar import Calendar
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import post_form, sign_in, sign_out
from tracker.app import create_app
from tracker.audit import AuditEntry
from tracker.config import Settings
from tracker.deadlines.tables import Extension, Occurrence
from tracker.notify import feeds
from tracker.notify.feeds import create_feed
from tracker.notify.reminders import reminder_pass
from tracker.notify.tables import Outbox
from tracker.org.auth import set_password
from tracker.org.scope import Scope
from tracker.plans.tables import TaskUnit

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)  # a Wednesday

OFFICER = "hoa.tt@daison.example.vn"
CHAIRMAN = "thang.pv@daison.example.vn"
LONG = "long.nh@daison.example.vn"  # Văn phòng: one of the units that report weekly
QUYNH = "quynh.vn@daison.example.vn"  # Trung tâm Phục vụ hành chính công
CITY_VIEWER = "tam.btt@haiphong.example.vn"
KIEN_AN = "lan.ttn@kienan.example.vn"  # an officer of another commune
PASSWORD = "mat-khau-gia-han"


class Clock:
    """The app's clock, moved on by the test."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def client(seeded_rw: Settings, clock: Clock) -> AsyncIterator[AsyncTestClient[Any]]:
    for email in (OFFICER, CHAIRMAN, LONG, QUYNH, CITY_VIEWER, KIEN_AN):
        assert await set_password(email, PASSWORD)
    feeds.CACHE.clear()
    app = create_app(seeded_rw, clock=clock, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


def auth(email: str) -> tuple[str, str]:
    return (email, PASSWORD)


async def occurrence(key: str, task_lead: str | None = None) -> int:
    query = Occurrence.select(Occurrence.id).where(
        (Occurrence.plan.key == "dai-son-2026") & (Occurrence.key == key)
    )
    rows = await query
    if task_lead is not None:  # two tasks report quarterly; take the one this unit leads
        rows = [r for r in rows if await _led_by(r["id"], task_lead)]
    assert len(rows) == 1, rows
    return int(rows[0]["id"])


async def _led_by(occurrence_id: int, unit: str) -> bool:
    row = await Occurrence.select(Occurrence.task).where(Occurrence.id == occurrence_id).first()
    assert row is not None
    leads = await TaskUnit.select(TaskUnit.unit.code).where(
        (TaskUnit.task == row["task"]) & (TaskUnit.role == "lead")
    )
    return unit in {r["unit.code"] for r in leads}


async def weekly_report() -> int:
    """The weekly report due Thursday 09/04/2026 16:15 (the specialised offices lead it)."""
    return await occurrence("tuan:2026-W15")


def entry(body: bytes, occurrence_id: int) -> Any:
    """The feed's VEVENT of one occurrence, read with icalendar."""
    cal = Calendar.from_ical(body)
    [found] = [
        e for e in cal.walk("VEVENT") if str(e["URL"]).endswith(f"/occurrences/{occurrence_id}")
    ]
    return found


# --------------------------------------------------------------------------- the flow


async def test_an_approved_extension_moves_the_reminders_and_the_calendar_entry(
    client: AsyncTestClient[Any], seeded_rw: Settings, clock: Clock
) -> None:
    report = await weekly_report()
    _, token = await create_feed("person", email=LONG, scope=Scope.system(), now=NOW)
    before = entry((await client.get(f"/feeds/{token}.ics")).content, report)
    assert before.decoded("DTEND") == dt.datetime(2026, 4, 9, 16, 15, tzinfo=TZ)
    # Today's pass queues the eve reminder of Thursday's report for e-mail.
    await reminder_pass(seeded_rw, NOW)
    queued = Outbox.select(Outbox.id).where(
        (Outbox.occurrence == report) & (Outbox.channel == "email") & (Outbox.state == "queued")
    )
    assert await queued

    asked = await client.post(
        f"/api/occurrences/{report}/extensions",
        json={"due_date": "2026-04-10", "due_time": "16:15", "reason": "Chờ số liệu của Công an xã"},
        auth=auth(LONG),
    )  # fmt: skip
    assert asked.status_code == 201, asked.text
    body = asked.json()
    assert body["state"] == "requested"
    assert body["occurrence"] == report
    assert body["plan"] == "dai-son-2026"
    assert body["lead"] == {
        "code": "hai-phong.dai-son.co-quan-cm",
        "name": "Các cơ quan chuyên môn thuộc UBND xã Đại Sơn",
    }
    assert body["original_due"] == "2026-04-09T16:15:00+07:00"
    assert body["previous_due"] == "2026-04-09T16:15:00+07:00"
    assert body["requested_due"] == "2026-04-10T16:15:00+07:00"
    assert body["working_due"] == "2026-04-09T16:15:00+07:00"  # not until approved
    assert body["requested_by"] == "Nguyễn Hữu Long"
    assert body["reason"] == "Chờ số liệu của Công an xã"
    # Nothing moves while it waits.
    waiting = (await client.get(f"/api/occurrences/{report}", auth=auth(LONG))).json()
    assert waiting["extended_due"] is None

    listed = await client.get(
        "/api/extensions", params={"state": "requested", "waiting": "true"}, auth=auth(OFFICER)
    )
    assert [e["id"] for e in listed.json()] == [body["id"]]
    mine = await client.get("/api/extensions", params={"waiting": "true"}, auth=auth(LONG))
    assert mine.json() == []  # a member decides nothing

    clock.now = NOW + dt.timedelta(minutes=30)
    approved = await client.post(
        f"/api/extensions/{body['id']}/approve", json={"note": "Đồng ý"}, auth=auth(OFFICER)
    )
    assert approved.status_code == 200, approved.text
    decided = approved.json()
    assert decided["state"] == "approved"
    assert decided["decided_by"] == "Trần Thị Hoa"
    assert decided["decided_at"] == "2026-04-08T15:30:00+07:00"
    assert decided["note"] == "Đồng ý"
    assert decided["working_due"] == "2026-04-10T16:15:00+07:00"
    assert decided["original_due"] == "2026-04-09T16:15:00+07:00"
    shown = (await client.get(f"/api/occurrences/{report}", auth=auth(LONG))).json()
    assert shown["due"] == "2026-04-09T16:15:00+07:00"  # the original stays on record
    assert shown["extended_due"] == "2026-04-10T16:15:00+07:00"
    # What was queued for the old date is cancelled with the approval (the approvers'
    # mails of the request too); what is queued now is the decision, to the requester.
    left = await Outbox.select(Outbox.step, Outbox.address).where(
        (Outbox.occurrence == report) & (Outbox.channel == "email") & (Outbox.state == "queued")
    )
    assert left == [{"step": "extension-decision", "address": LONG}]

    # The calendar entry moves, with a higher SEQUENCE, on the same warm feed.
    after = entry((await client.get(f"/feeds/{token}.ics")).content, report)
    assert after.decoded("DTEND") == dt.datetime(2026, 4, 10, 16, 15, tzinfo=TZ)
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert "Gia hạn; hạn ban đầu Thứ Năm, 09/04/2026 16:15" in str(after["DESCRIPTION"])

    # The reminders follow the new date: nothing more today, the eve step on Thursday.
    later = await reminder_pass(seeded_rw, NOW + dt.timedelta(minutes=31))
    assert [m for m in later.reminders if m.occurrence_id == report] == []
    eve = await reminder_pass(seeded_rw, dt.datetime(2026, 4, 9, 15, 0, tzinfo=TZ))
    steps = [m for m in eve.reminders if m.occurrence_id == report]
    assert {m.step for m in steps} == {"eve"}
    assert {m.person.email for m in steps} >= {LONG}
    assert all(m.key.endswith(":x20260410T1615") for m in steps)
    assert all("Thứ Sáu, 10/04/2026 16:15" in m.rendered.text for m in steps)
    two_hours = await reminder_pass(seeded_rw, dt.datetime(2026, 4, 10, 14, 15, tzinfo=TZ))
    assert {m.step for m in two_hours.reminders if m.occurrence_id == report} == {"2h"}

    actions = {
        (r["entity"], r["action"])
        for r in await AuditEntry.select(AuditEntry.entity, AuditEntry.action).where(
            AuditEntry.at >= NOW
        )
    }
    assert {("extension", "request"), ("extension", "approve"), ("occurrence", "extend")} <= actions


async def test_an_approved_extension_moves_the_deadline_from_overdue_to_pending(
    client: AsyncTestClient[Any], clock: Clock
) -> None:
    quarterly = await occurrence("quy:2026-Q1", "hai-phong.dai-son.ttphvhcc")  # due 16/03

    async def counts(**params: str) -> dict[str, Any]:
        response = await client.get(
            "/api/compliance", params={"by": "plan", **params}, auth=auth(CHAIRMAN)
        )
        assert response.status_code == 200, response.text
        return dict(response.json()["totals"])

    first = await counts()
    asked = await client.post(
        f"/api/occurrences/{quarterly}/extensions",
        json={"due_date": "2026-04-20", "reason": "Hệ thống một cửa điện tử gián đoạn"},
        auth=auth(QUYNH),
    )
    assert asked.status_code == 201, asked.text
    assert asked.json()["requested_due"] == "2026-04-20"
    assert await counts() == first  # a request moves nothing
    clock.now = NOW + dt.timedelta(hours=1)
    # An approval needs no body at all.
    approved = await client.post(
        f"/api/extensions/{asked.json()['id']}/approve", auth=auth(CHAIRMAN)
    )
    assert approved.status_code == 200, approved.text
    now = await counts()
    assert now["overdue"] == first["overdue"] - 1
    assert now["pending"] == first["pending"] + 1
    assert now["due"] == first["due"] - 1
    # The deadline lists by its working day: in April's window now, no longer in March's.
    for window, listed in (
        (("2026-04-01", "2026-04-30"), True),
        (("2026-03-01", "2026-03-31"), False),
    ):
        found = await client.get(
            "/api/occurrences",
            params={"plan": "dai-son-2026", "from": window[0], "to": window[1]},
            auth=auth(CHAIRMAN),
        )
        assert found.status_code == 200, found.text
        assert (quarterly in {o["id"] for o in found.json()}) is listed, window
    # A report as of a moment before the approval still says what it said then.
    assert await counts(as_of=NOW.isoformat()) == first
    # Done by the extended date counts on time.
    clock.now = dt.datetime(2026, 4, 17, 9, 0, tzinfo=TZ)
    done = await client.post(
        f"/api/occurrences/{quarterly}/complete",
        json={"evidence": "Báo cáo quý I số 5/BC-TTPVHCC"},
        auth=auth(QUYNH),
    )
    assert done.json()["status"] == "done_on_time"
    final = await counts()
    assert final["done_on_time"] == first["done_on_time"] + 1


async def test_a_refused_extension_leaves_the_deadline_and_another_may_be_asked(
    client: AsyncTestClient[Any],
) -> None:
    report = await weekly_report()
    path = f"/api/occurrences/{report}/extensions"
    asked = await client.post(
        path, json={"due_date": "2026-04-13", "reason": "Nghỉ ốm"}, auth=auth(LONG)
    )
    assert asked.status_code == 201
    number = asked.json()["id"]
    again = await client.post(
        path, json={"due_date": "2026-04-14", "reason": "Thêm lý do"}, auth=auth(LONG)
    )
    assert again.status_code == 409
    assert f"đề nghị gia hạn số {number} đang chờ duyệt" in again.json()["error"]
    for body in ({}, None):
        silent = await client.post(
            f"/api/extensions/{number}/refuse", json=body, auth=auth(OFFICER)
        )
        assert silent.status_code == 400
        assert "Hãy ghi lý do từ chối" in silent.json()["error"]
    refused = await client.post(
        f"/api/extensions/{number}/refuse",
        json={"note": "Báo cáo tuần không được chậm"},
        auth=auth(OFFICER),
    )
    assert refused.status_code == 200
    assert refused.json()["state"] == "refused"
    assert refused.json()["note"] == "Báo cáo tuần không được chậm"
    row = await Occurrence.select(
        Occurrence.deadline_at, Occurrence.extended_due_date, Occurrence.sequence
    ).where(Occurrence.id == report).first()  # fmt: skip
    assert row == {
        "deadline_at": dt.datetime(2026, 4, 9, 16, 15, tzinfo=TZ),
        "extended_due_date": None,
        "sequence": 0,
    }
    twice = await client.post(
        f"/api/extensions/{number}/approve", json={"note": ""}, auth=auth(OFFICER)
    )
    assert twice.status_code == 409
    assert "đã bị từ chối" in twice.json()["error"]
    # Refused, the way is open for another request (and its requester may withdraw it).
    other = await client.post(
        path, json={"due_date": "2026-04-10", "reason": "Chờ số liệu"}, auth=auth(LONG)
    )
    assert other.status_code == 201
    withdrawn = await client.post(
        f"/api/extensions/{other.json()['id']}/withdraw", json={}, auth=auth(LONG)
    )
    assert withdrawn.json()["state"] == "withdrawn"
    states = [r["state"] for r in await Extension.select(Extension.state).order_by(Extension.id)]
    assert states == ["refused", "withdrawn"]


# --------------------------------------------------------------------------- who may


async def test_only_the_units_that_answer_for_the_work_and_editors_may_ask(
    client: AsyncTestClient[Any],
) -> None:
    report = await weekly_report()
    path = f"/api/occurrences/{report}/extensions"
    asked = {"due_date": "2026-04-10", "reason": "Chờ số liệu"}
    other_unit = await client.post(path, json=asked, auth=auth(QUYNH))
    assert other_unit.status_code == 403
    assert "đơn vị chủ trì" in other_unit.json()["error"]
    viewer = await client.post(path, json=asked, auth=auth(CITY_VIEWER))
    assert viewer.status_code == 403
    elsewhere = await client.post(path, json=asked, auth=auth(KIEN_AN))
    assert elsewhere.status_code == 404
    assert (await client.post(path, json=asked)).status_code == 401
    assert await Extension.count() == 0
    by_officer = await client.post(path, json=asked, auth=auth(OFFICER))
    assert by_officer.status_code == 201
    assert by_officer.json()["requested_by"] == "Trần Thị Hoa"


async def test_only_an_officer_or_chairman_of_the_commune_decides(
    client: AsyncTestClient[Any],
) -> None:
    report = await weekly_report()
    asked = await client.post(
        f"/api/occurrences/{report}/extensions",
        json={"due_date": "2026-04-10", "reason": "Chờ số liệu"},
        auth=auth(LONG),
    )
    number = asked.json()["id"]
    for action in ("approve", "refuse"):
        path = f"/api/extensions/{number}/{action}"
        member = await client.post(path, json={"note": "ok"}, auth=auth(LONG))
        assert member.status_code == 403
        assert "cán bộ văn phòng hoặc chủ tịch" in member.json()["error"]
        viewer = await client.post(path, json={"note": "ok"}, auth=auth(CITY_VIEWER))
        assert viewer.status_code == 403
        elsewhere = await client.post(path, json={"note": "ok"}, auth=auth(KIEN_AN))
        assert elsewhere.status_code == 404
        assert elsewhere.json()["error"] == f"Không có đề nghị gia hạn số {number}."
        assert (await client.post(path, json={"note": "ok"})).status_code == 401
    hidden = await client.get(f"/api/extensions/{number}", auth=auth(KIEN_AN))
    assert hidden.status_code == 404
    assert (await client.get("/api/extensions", auth=auth(KIEN_AN))).json() == []
    assert [
        e["id"] for e in (await client.get("/api/extensions", auth=auth(CITY_VIEWER))).json()
    ] == [number]
    assert (await Extension.select(Extension.state)) == [{"state": "requested"}]


@pytest.mark.parametrize(
    ("asked", "status", "words"),
    [
        ({"due_date": "2026-04-08", "reason": "x"}, 400, "phải sau hạn hiện tại"),
        ({"due_date": "2026-04-10", "reason": "  "}, 400, "Hãy ghi lý do đề nghị gia hạn"),
        ({"due_date": "2026-04-10", "due_time": "25:00", "reason": "x"}, 400, "Giờ '25:00'"),
        ({"due_date": "10/04/2026", "reason": "x"}, 400, "'due_date'"),
        ({"reason": "x"}, 400, "'due_date'"),
        ({"due_date": "2026-04-10", "reason": "x" * 2001}, 400, "2001 ký tự"),
    ],
    ids=["not later", "no reason", "bad time", "not ISO", "no date", "too long"],
)
async def test_a_bad_request_names_what_is_wrong(
    client: AsyncTestClient[Any], asked: dict[str, str], status: int, words: str
) -> None:
    report = await weekly_report()
    response = await client.post(
        f"/api/occurrences/{report}/extensions", json=asked, auth=auth(LONG)
    )
    assert response.status_code == status, response.text
    assert words in response.json()["error"]


async def test_past_and_done_work_cannot_be_extended(client: AsyncTestClient[Any]) -> None:
    earlier = await occurrence("tuan:2026-W14")  # due Thursday 02/04, overdue now
    past = await client.post(
        f"/api/occurrences/{earlier}/extensions",
        json={"due_date": "2026-04-08", "due_time": "14:00", "reason": "Chậm"},
        auth=auth(LONG),
    )
    assert past.status_code == 400
    assert "đã qua" in past.json()["error"]
    await client.post(
        f"/api/occurrences/{earlier}/complete", json={"evidence": "Đã gửi"}, auth=auth(LONG)
    )
    done = await client.post(
        f"/api/occurrences/{earlier}/extensions",
        json={"due_date": "2026-04-20", "reason": "Chậm"},
        auth=auth(LONG),
    )
    assert done.status_code == 409
    assert "đã hoàn thành" in done.json()["error"]


async def test_work_done_withdraws_its_open_request_and_its_news(
    client: AsyncTestClient[Any],
) -> None:
    report = await weekly_report()  # due Thursday 09/04 16:15, still ahead
    asked = await client.post(
        f"/api/occurrences/{report}/extensions",
        json={"due_date": "2026-04-14", "reason": "Chờ số liệu"},
        auth=auth(LONG),
    )
    assert asked.status_code == 201, asked.text
    queued = Outbox.select(Outbox.id).where(
        (Outbox.occurrence == report) & (Outbox.state == "queued")
    )
    assert await queued, "the approvers' news of the request waits in the outbox"
    done = await client.post(
        f"/api/occurrences/{report}/complete", json={"evidence": "Đã gửi báo cáo"}, auth=auth(LONG)
    )
    assert done.status_code == 200, done.text
    listed = await client.get("/api/extensions", auth=auth(CHAIRMAN))
    [request] = [e for e in listed.json() if e["id"] == asked.json()["id"]]
    assert request["state"] == "withdrawn"
    assert "đã hoàn thành" in request["note"]
    assert await queued == []  # nobody is asked to decide what is done
    waiting = await client.get(
        "/api/extensions", params={"state": "requested"}, auth=auth(CHAIRMAN)
    )
    assert asked.json()["id"] not in {e["id"] for e in waiting.json()}
    log = await AuditEntry.select(AuditEntry.action).where(
        (AuditEntry.entity == "extension") & (AuditEntry.entity_id == asked.json()["id"])
    )
    assert [r["action"] for r in log][-1] == "withdraw"


# --------------------------------------------------------------------------- the page


async def test_the_occurrence_page_asks_decides_and_shows_the_history(
    client: AsyncTestClient[Any],
) -> None:
    report = await weekly_report()
    page = f"/occurrences/{report}"
    assert (await sign_in(client, LONG, PASSWORD, follow_redirects=False)).status_code in (302, 303)
    shown = await client.get(page)
    assert "Gửi đề nghị gia hạn" in shown.text
    assert f'action="/occurrences/{report}/extensions"' in shown.text
    empty = await post_form(
        client, f"{page}/extensions", {"due_date": "2026-04-10", "due_time": "", "reason": ""}
    )
    assert empty.status_code == 400
    assert "Hãy ghi lý do đề nghị gia hạn" in empty.text
    asked = await post_form(
        client, f"{page}/extensions",
        {"due_date": "2026-04-10", "due_time": "16:15", "reason": "Chờ số liệu của Công an xã"},
        follow_redirects=False,
    )  # fmt: skip
    assert asked.status_code in (302, 303)
    assert asked.headers["location"] == f"{page}?gia_han=requested"
    waiting = await client.get(asked.headers["location"])
    assert "Đã gửi đề nghị gia hạn" in waiting.text
    assert "Chờ duyệt" in waiting.text
    assert "Thứ Sáu, 10/04/2026 16:15" in waiting.text
    assert "Chờ số liệu của Công an xã" in waiting.text
    assert "Gửi đề nghị gia hạn" not in waiting.text  # one open request at a time
    assert "Duyệt gia hạn" not in waiting.text  # a member decides nothing
    assert "Rút đề nghị" in waiting.text
    number = (await Extension.select(Extension.id).first() or {})["id"]
    refused = await post_form(client, f"/extensions/{number}/approve", {"note": ""})
    assert refused.status_code == 403
    await sign_out(client)

    assert (await sign_in(client, OFFICER, PASSWORD, follow_redirects=False)).status_code in (
        302,
        303,
    )
    deciding = await client.get(page)
    assert f'action="/extensions/{number}/approve"' in deciding.text
    assert f'formaction="/extensions/{number}/refuse"' in deciding.text
    silent = await post_form(client, f"/extensions/{number}/refuse", {"note": "  "})
    assert silent.status_code == 400
    assert "Hãy ghi lý do từ chối" in silent.text
    approved = await post_form(
        client, f"/extensions/{number}/approve", {"note": "Đồng ý"}, follow_redirects=False
    )
    assert approved.headers["location"] == f"{page}?gia_han=approved"
    after = await client.get(approved.headers["location"])
    assert "Đã duyệt gia hạn" in after.text
    assert "(đã gia hạn)" in after.text
    assert "Hạn ban đầu" in after.text
    assert "Thứ Năm, 09/04/2026 16:15" in after.text  # the original, still shown
    assert "Đã duyệt" in after.text
    assert "Trần Thị Hoa" in after.text
    assert "08/04/2026 15:00" in after.text  # when it was decided, dd/mm/yyyy
    assert "Duyệt gia hạn</button>" not in after.text
