"""Extensions (gia hạn) as services, on a seeded database of each test's own: the database
keeps one open request per occurrence, an approval re-plans the reminders and changes
nothing when the work was done meanwhile, the approver's waiting list holds what a page
shows, and the command line asks and decides as the system or as a person."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from tests.conftest import TZ
from tracker.audit import AuditEntry
from tracker.cli import main
from tracker.config import Settings
from tracker.deadlines.extensions import (
    approve_extension,
    list_extensions,
    refuse_extension,
    request_extension,
)
from tracker.deadlines.moments import shown_deadline
from tracker.deadlines.progress import DONE_FIRST, complete_occurrence, record_event
from tracker.deadlines.schemas import CompleteIn
from tracker.deadlines.tables import Extension, Occurrence
from tracker.errors import ConflictError, ValidationError
from tracker.notify.services import expander_for
from tracker.org.scope import Scope
from tracker.org.services import scope_for_person
from tracker.org.tables import Person

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
LOOKAHEAD = dt.timedelta(days=21)
SYSTEM = Scope.system()


async def quarterly() -> int:
    """Đại Sơn's first-quarter report of the public administration centre, due 16/03/2026."""
    rows = await Occurrence.select(Occurrence.id, Occurrence.task.content).where(
        (Occurrence.plan.key == "dai-son-2026") & (Occurrence.key == "quy:2026-Q1")
    )
    [row] = [r for r in rows if r["task.content"].startswith("Trung tâm phục vụ")]
    return int(row["id"])


async def scope_of(email: str) -> Scope:
    person = await Person.select(Person.id).where(Person.email == email).first()
    assert person is not None
    scope = await scope_for_person(person["id"])
    assert scope is not None
    return scope


async def ask(occurrence: int, day: dt.date, tz: ZoneInfo, scope: Scope = SYSTEM) -> int:
    view = await request_extension(
        occurrence, day, None, "Chờ số liệu", scope=scope, tz=tz, now=NOW
    )
    return view.id


async def test_the_database_keeps_one_open_request_per_occurrence(seeded_rw: Settings) -> None:
    occurrence = await quarterly()
    first = await ask(occurrence, dt.date(2026, 4, 20), seeded_rw.tz)
    second = Extension(
        occurrence=occurrence, requested_at=NOW, due_date=dt.date(2026, 4, 21),
        deadline_at=NOW + dt.timedelta(days=13), previous_deadline_at=NOW, reason="x",
        state="requested",
    )  # fmt: skip
    # Written past the service's own check, the second is still refused by the index.
    skipped = (
        await Extension.insert(second).on_conflict(action="DO NOTHING").returning(Extension.id)
    )
    assert skipped == []
    await refuse_extension(first, "Không", scope=SYSTEM, tz=seeded_rw.tz, now=NOW)
    again = await Extension.insert(second).on_conflict(action="DO NOTHING").returning(Extension.id)
    assert len(again) == 1
    with pytest.raises(ConflictError, match=f"đề nghị gia hạn số {again[0]['id']} đang chờ"):
        await ask(occurrence, dt.date(2026, 4, 22), seeded_rw.tz)


async def test_an_approval_restarts_the_reminder_ladder_from_the_new_date(
    seeded_rw: Settings,
) -> None:
    occurrence = await quarterly()
    before = await Occurrence.select().where(Occurrence.id == occurrence).first()
    assert before is not None
    number = await ask(occurrence, dt.date(2026, 5, 15), seeded_rw.tz)
    decided = NOW + dt.timedelta(hours=2)
    view = await approve_extension(
        number, "", scope=SYSTEM, tz=seeded_rw.tz, now=decided, lookahead=LOOKAHEAD
    )
    after = await Occurrence.select().where(Occurrence.id == occurrence).first()
    assert after is not None
    new_deadline = dt.datetime(2026, 5, 15, 23, 59, 59, tzinfo=TZ)
    assert after["due_date"] == before["due_date"] == dt.date(2026, 3, 16)
    assert after["extended_due_date"] == dt.date(2026, 5, 15)
    assert after["extended_due_at"] is None
    assert after["extension_reason"] == "Chờ số liệu"
    assert after["deadline_at"] == new_deadline
    assert after["sequence"] == before["sequence"] + 1
    assert after["remind_at"] == new_deadline - LOOKAHEAD
    assert after["reminded_until"] == decided
    assert view.previous_due == dt.date(2026, 3, 16)
    stored = await Extension.select(Extension.previous_deadline_at).where(Extension.id == number)
    assert stored == [{"previous_deadline_at": before["deadline_at"]}]
    # The command line decided: the audit log names it so.
    actors = {r["actor"] for r in await AuditEntry.select(AuditEntry.actor).where(
        (AuditEntry.entity == "extension") & (AuditEntry.entity_id == number)
    )}  # fmt: skip
    assert actors == {"cli"}


async def test_work_an_event_started_is_looked_at_again_at_once(seeded_rw: Settings) -> None:
    record = await record_event(
        "yeu_cau", NOW.date(), unit_code="hai-phong.dai-son", reference="Công văn 45/UBND",
        scope=SYSTEM, expander=expander_for(seeded_rw), now=NOW,
    )  # fmt: skip
    [occurrence] = record.occurrences
    number = await ask(occurrence, dt.date(2026, 4, 30), seeded_rw.tz)
    decided = NOW + dt.timedelta(days=1)
    await approve_extension(
        number, "", scope=SYSTEM, tz=seeded_rw.tz, now=decided, lookahead=LOOKAHEAD
    )
    row = await Occurrence.select(Occurrence.remind_at, Occurrence.reminded_until).where(
        Occurrence.id == occurrence
    )
    # As when the event was recorded: the next pass looks at once, from this moment on.
    assert row == [{"remind_at": decided, "reminded_until": decided}]


async def test_work_done_before_the_approval_is_not_extended(seeded_rw: Settings) -> None:
    occurrence = await quarterly()
    number = await ask(occurrence, dt.date(2026, 4, 20), seeded_rw.tz)
    await complete_occurrence(
        occurrence, CompleteIn(evidence="Báo cáo quý I"), scope=SYSTEM, tz=seeded_rw.tz, now=NOW
    )
    # Completing the work closed the request: nobody is left waiting for a decision.
    assert await Extension.select(Extension.state, Extension.decision_note) == [
        {"state": "withdrawn", "decision_note": DONE_FIRST}
    ]
    with pytest.raises(ConflictError, match=f"Đề nghị gia hạn số {number} đã được rút lại"):
        await approve_extension(
            number, "", scope=SYSTEM, tz=seeded_rw.tz, now=NOW, lookahead=LOOKAHEAD
        )
    row = await Occurrence.select(Occurrence.extended_due_date).where(Occurrence.id == occurrence)
    assert row == [{"extended_due_date": None}]
    officer = await scope_of("hoa.tt@daison.example.vn")
    assert await list_extensions(officer, tz=seeded_rw.tz, now=NOW, waiting_for=officer) == []
    actions = await AuditEntry.select(AuditEntry.action).where(
        (AuditEntry.entity == "extension") & (AuditEntry.entity_id == number)
    )
    assert sorted(a["action"] for a in actions) == ["request", "withdraw"]


async def test_the_waiting_list_holds_what_an_approvers_page_shows(seeded_rw: Settings) -> None:
    tz = seeded_rw.tz
    occurrence = await quarterly()
    quynh = await scope_of("quynh.vn@daison.example.vn")
    number = await ask(occurrence, dt.date(2026, 4, 20), tz, quynh)
    officer = await scope_of("hoa.tt@daison.example.vn")
    [waiting] = await list_extensions(officer, tz=tz, now=NOW, waiting_for=officer)
    assert waiting.id == number
    assert waiting.open
    assert waiting.state_label == "Chờ duyệt"
    assert waiting.requested_by == "Vũ Ngọc Quỳnh"
    assert waiting.requested_due_text == "Thứ Hai, 20/04/2026"
    assert waiting.original_due_text == "Thứ Hai, 16/03/2026"
    assert waiting.lead_name == "Trung tâm Phục vụ hành chính công xã Đại Sơn"
    assert waiting.plan_key == "dai-son-2026"
    assert waiting.commune == "UBND xã Đại Sơn"
    assert waiting.occurrence_status == "overdue"
    # A member sees it, but nothing waits for them; another commune sees nothing.
    assert [v.id for v in await list_extensions(quynh, tz=tz, now=NOW)] == [number]
    assert await list_extensions(quynh, tz=tz, now=NOW, waiting_for=quynh) == []
    kien_an = await scope_of("lan.ttn@kienan.example.vn")
    assert await list_extensions(kien_an, tz=tz, now=NOW, waiting_for=kien_an) == []
    assert await list_extensions(officer, tz=tz, now=NOW, state="approved") == []
    with pytest.raises(ValidationError, match="Trạng thái 'cho-duyet' không có"):
        await list_extensions(officer, tz=tz, now=NOW, state="cho-duyet")


def test_a_deadline_is_shown_as_a_day_or_a_moment() -> None:
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    assert shown_deadline(dt.datetime(2026, 3, 16, 16, 59, 59, tzinfo=dt.UTC), tz) == dt.date(
        2026, 3, 16
    )
    moment = dt.datetime(2026, 4, 9, 9, 15, tzinfo=dt.UTC)
    assert shown_deadline(moment, tz) == dt.datetime(2026, 4, 9, 16, 15, tzinfo=tz)


async def test_the_command_line_asks_and_decides_as_a_person(seeded_rw: Settings) -> None:
    occurrence = await quarterly()
    env = {
        "TRACKER_DATA_DIR": str(seeded_rw.data_dir),
        "TRACKER_DATABASE_URL": seeded_rw.effective_database_url,
    }
    when = ["--now", "2026-04-08T15:00:00+07:00"]

    def tracker(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(main, list(args), env=env)
        return result.exit_code, result.output

    async def cli(*args: str) -> tuple[int, str]:
        # Each command runs its own event loop, as it does from a shell.
        return await asyncio.to_thread(tracker, *args)

    code, out = await cli(
        "extension", "request", str(occurrence), "--date", "20/04/2026", "--reason",
        "Chờ số liệu", "--as", "quynh.vn@daison.example.vn", *when,
    )  # fmt: skip
    assert code == 0, out
    assert "Đã gửi đề nghị gia hạn số 1" in out
    assert "Thứ Hai, 20/04/2026" in out
    code, out = await cli("extension", "list", "--state", "requested")
    assert code == 0, out
    assert "Đề nghị gia hạn" in out  # the table's title
    code, out = await cli("extension", "list", "--state", "requested", "--json")
    [listed] = json.loads(out)
    assert (listed["id"], listed["occurrence"], listed["state"]) == (1, occurrence, "requested")
    assert (listed["original_due"], listed["requested_due"]) == ("2026-03-16", "2026-04-20")
    assert listed["requested_by"] == "Vũ Ngọc Quỳnh"
    code, out = await cli("extension", "approve", "1", "--as", "long.nh@daison.example.vn")
    assert code == 1
    assert "Chỉ cán bộ văn phòng hoặc chủ tịch" in " ".join(out.split())
    code, out = await cli(
        "extension", "approve", "1", "--note", "Đồng ý", "--as", "hoa.tt@daison.example.vn", *when
    )
    assert code == 0, out
    assert "Đã duyệt đề nghị gia hạn số 1" in out
    code, out = await cli(
        "extension", "list", "--waiting", "--json", "--as", "hoa.tt@daison.example.vn"
    )
    assert json.loads(out) == []
    code, out = await cli("extension", "refuse", "1", "--note", "Thôi")
    assert code == 1
    assert "đã được duyệt" in out
    code, out = await cli("extension", "request", "1", "--date", "2026-04-20", "--reason", "x",
                          "--as", "ai-do@example.vn")  # fmt: skip
    assert code == 1
    assert "Không có người dùng đang hoạt động" in out
    row = await Occurrence.select(Occurrence.extended_due_date).where(Occurrence.id == occurrence)
    assert row == [{"extended_due_date": dt.date(2026, 4, 20)}]
