"""The reminder pass on the seed data, with the clock fixed and nothing delivered.

Đại Sơn's weekly report (II.8, led by the group "Các cơ quan chuyên môn", whose people are
long.nh, tuan.lm and lan.dtp) falls due every Thursday at 16:15; its monthly report on the
14th (Tuesday 14/04/2026 in April). The 2022–2024 plans are closed in 2026.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TZ
from tracker.config import Settings
from tracker.deadlines.progress import record_event
from tracker.deadlines.schemas import CompleteIn
from tracker.deadlines.tables import Occurrence
from tracker.errors import ValidationError
from tracker.notify.reminders import PassReport, reminder_pass
from tracker.notify.services import complete_work, expander_for, set_mode
from tracker.notify.tables import DigestRun, NotifySetting, Outbox
from tracker.org.scope import Scope
from tracker.org.services import scope_for_person
from tracker.org.tables import Person
from tracker.schedule.calendars import load_work_calendar
from tracker.schedule.workdays import WorkCalendar

LONG = "long.nh@daison.example.vn"
TUAN = "tuan.lm@daison.example.vn"
LAN = "lan.dtp@daison.example.vn"
CHAIRMAN = "thang.pv@daison.example.vn"
GROUP = {LONG, TUAN, LAN}
CLOSED_PLANS = {"le-loi-2022", "doan-ket-2022", "kien-an-2023", "nhat-tan-2024"}
REGULAR = ("before-", "due", "overdue-", "escalate-")


def at(text: str) -> dt.datetime:
    """ "2026-04-08 15:00" in local time (UTC+7)."""
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)


async def occurrence(key: str, plan: str = "dai-son-2026", task: str = "II/8/-1") -> dict[str, Any]:
    row = (
        await Occurrence.select(*Occurrence.all_columns())
        .where(
            (Occurrence.plan.key == plan) & (Occurrence.task.key == task) & (Occurrence.key == key)
        )
        .first()
    )
    assert row is not None, key
    return dict(row)


async def person_id(email: str) -> int:
    row = await Person.select(Person.id).where(Person.email == email).first()
    assert row is not None, email
    return int(row["id"])


async def plan_keys(occurrence_ids: set[int]) -> dict[int, str]:
    rows = await Occurrence.select(Occurrence.id, Occurrence.plan.key.as_alias("plan_key")).where(
        Occurrence.id.is_in(sorted(occurrence_ids) or [0])
    )
    return {r["id"]: r["plan_key"] for r in rows}


def about(report: PassReport, occurrence_id: int) -> set[tuple[str, str]]:
    """(e-mail, step) of the pass's reminders about one occurrence."""
    return {(m.person.email, m.step) for m in report.reminders if m.occurrence_id == occurrence_id}


def digest_items(report: PassReport, email: str) -> dict[str, set[int]]:
    """The occurrence ids of one person's digest in this pass, by group."""
    [digest] = [m for m in report.digests if m.person.email == email]
    payload = digest.rendered.payload
    return {group: {i["id"] for i in payload[group]} for group in ("overdue", "soon", "escalated")}


def digested(report: PassReport, email: str) -> set[int]:
    mine = [m for m in report.digests if m.person.email == email]
    if not mine:
        return set()
    return set().union(*digest_items(report, email).values())


async def outbox_rows(**where: Any) -> list[dict[str, Any]]:
    query = Outbox.select(*Outbox.all_columns())
    for name, value in where.items():
        query = query.where(getattr(Outbox, name) == value)
    return list(await query.order_by(Outbox.id))


@pytest.fixture
def work_calendar(seeded_rw: Settings) -> WorkCalendar:
    return load_work_calendar(seeded_rw.calendars_dir)


# --------------------------------------------------------------------------- the demo pass


async def test_wednesday_15_00_tells_the_group_about_thursdays_report(seeded_rw: Settings) -> None:
    report = await reminder_pass(seeded_rw, at("2026-04-08 15:00"))
    w15 = await occurrence("tuan:2026-W15")
    assert w15["due_at"] == at("2026-04-09 16:15")
    assert about(report, w15["id"]) == {(LONG, "eve"), (TUAN, "eve"), (LAN, "eve")}
    eve = [m for m in report.reminders if m.step == "eve"]
    assert {m.occurrence_id for m in eve} == {w15["id"]}
    for message in eve:
        assert "Báo cáo tuần – Tuần 15/2026" in message.rendered.subject
        assert "Thứ Năm, 09/04/2026 16:15" in message.rendered.text
        assert ("email", message.person.email) in message.channels
    # Nobody hears of the closed plans: not in a reminder, not in a digest, not in the outbox.
    in_reminders = {m.occurrence_id for m in report.reminders if m.occurrence_id is not None}
    in_digests = {
        i["plan"]
        for m in report.digests
        for group in ("overdue", "soon", "escalated")
        for i in m.rendered.payload[group]
    }
    assert set((await plan_keys(in_reminders)).values()) == {"dai-son-2026"}
    assert in_digests == {"dai-son-2026"}
    stored = {r["occurrence"] for r in await outbox_rows() if r["occurrence"] is not None}
    assert not CLOSED_PLANS & set((await plan_keys(stored)).values())
    assert all(m.person.email.endswith("@daison.example.vn") for m in report.messages)
    # One digest per person, in the report and in the outbox.
    assert report.digests
    assert max(Counter(m.person.id for m in report.digests).values()) == 1
    inapp_digests = await outbox_rows(step="digest", channel="inapp")
    assert len(inapp_digests) == len({r["person"] for r in inapp_digests}) == len(report.digests)
    assert report.written == await Outbox.count()
    assert report.written > 0


async def test_a_second_pass_at_the_same_time_writes_nothing(seeded_rw: Settings) -> None:
    now = at("2026-04-08 15:00")
    first = await reminder_pass(seeded_rw, now)
    count = await Outbox.count()
    again = await reminder_pass(seeded_rw, now)
    assert first.written == count
    assert again.messages == []
    assert again.written == 0
    assert await Outbox.count() == count
    # The occurrences it looked at now wait for their next step.
    w15 = await occurrence("tuan:2026-W15")
    assert w15["remind_at"] == at("2026-04-09 14:15")


async def test_two_hours_before_the_report_and_not_a_minute_earlier(seeded_rw: Settings) -> None:
    w15 = await occurrence("tuan:2026-W15")
    await reminder_pass(seeded_rw, at("2026-04-08 15:00"))
    early = await reminder_pass(seeded_rw, at("2026-04-09 14:14"))
    assert about(early, w15["id"]) == set()
    report = await reminder_pass(seeded_rw, at("2026-04-09 14:15"))
    assert about(report, w15["id"]) == {(LONG, "2h"), (TUAN, "2h"), (LAN, "2h")}
    keys = {r["key"] for r in await outbox_rows(occurrence=w15["id"], channel="email")}
    ids = {email: await person_id(email) for email in GROUP}
    assert keys == {f"o{w15['id']}:p{ids[e]}:{step}" for e in GROUP for step in ("eve", "2h")}


# --------------------------------------------------------------------------- quiet hours


async def test_nothing_goes_out_in_the_evening_or_on_a_sunday(
    seeded_rw: Settings, work_calendar: WorkCalendar
) -> None:
    """The service was down from Wednesday afternoon: the 2h step of Thursday's report and
    everything else it missed wait for the next working morning."""
    w15 = await occurrence("tuan:2026-W15")
    await reminder_pass(seeded_rw, at("2026-04-08 15:00"))
    before = await Outbox.count()
    evening = await reminder_pass(seeded_rw, at("2026-04-09 19:00"))
    assert evening.messages == []
    assert evening.written == 0
    sunday = dt.date(2026, 4, 12)
    assert not work_calendar.is_working_day(sunday)
    on_sunday = await reminder_pass(seeded_rw, at("2026-04-12 10:00"))
    assert on_sunday.messages == []
    assert await Outbox.count() == before
    # Monday at 07:45 the day's digest lists the report, now late, for its people; the
    # 2h step and the overdue one it missed are not sent on their own.
    monday = await reminder_pass(seeded_rw, at("2026-04-13 07:45"))
    assert about(monday, w15["id"]) == set()
    for email in GROUP:
        assert w15["id"] in digest_items(monday, email)["overdue"]


async def test_a_fresh_database_sends_nothing_at_night(seeded_rw: Settings) -> None:
    """The first pass ever finds weeks of missed steps; at 19:00 it sends none of them."""
    report = await reminder_pass(seeded_rw, at("2026-04-09 19:00"))
    assert report.looked_at > 0
    assert report.messages == []
    assert await Outbox.count() == 0
    morning = await reminder_pass(seeded_rw, at("2026-04-10 07:00"))
    assert morning.messages


PLAN_WITH_AN_EARLY_DEADLINE = """\
key: dai-son-giao-ban-2026
doc_type: KH
number: 15/KH-UBND
title: Giao ban đầu tuần của UBND xã Đại Sơn
unit: hai-phong.dai-son
year: 2026
period: {start: 2026-04-01, end: 2026-12-31}
tasks:
  - label: "1"
    content: Gửi nội dung giao ban đầu tuần
    lead: [hai-phong.dai-son.vp]
    timing: "08:00 thứ Hai hằng tuần"
    schedule:
      - {kind: recurring, key: giao-ban, rrule: "FREQ=WEEKLY;BYDAY=MO", due_time: "08:00", label: "Giao ban"}
"""


async def test_the_same_day_step_of_an_early_deadline_may_break_the_quiet_hours(
    seeded_rw: Settings, tmp_path: Path, work_calendar: WorkCalendar
) -> None:
    """A deadline at 08:00: its 2h step at 06:00 is the one message the policy lets out
    before 07:00; the other steps found at 06:00 wait."""
    from tracker.plans.documents import read_plan
    from tracker.plans.services import store_plan

    path = tmp_path / "giao-ban.yaml"
    path.write_text(PLAN_WITH_AN_EARLY_DEADLINE, encoding="utf-8")
    await store_plan(
        read_plan(path), deadlines=expander_for(seeded_rw), actor="test",
        now=at("2026-04-01 09:00"),
    )  # fmt: skip
    monday = await occurrence("giao-ban:2026-W16", plan="dai-son-giao-ban-2026", task="1")
    assert monday["due_at"] == at("2026-04-13 08:00")
    w15 = await occurrence("tuan:2026-W15")
    await reminder_pass(seeded_rw, at("2026-04-10 07:45"))  # Friday, then down until Monday
    dawn = await reminder_pass(seeded_rw, at("2026-04-13 06:00"))
    assert {(m.person.email, m.step) for m in dawn.messages} == {(LONG, "2h")}
    assert [m.occurrence_id for m in dawn.messages] == [monday["id"]]
    # What else it found (Friday's 08:00 overdue step of the weekly report, the eve step
    # of this one) waits: at 07:00 the overdue step goes out; the eve step, overtaken by
    # the 2h step, never does.
    seven = await reminder_pass(seeded_rw, at("2026-04-13 07:00"))
    assert about(seven, w15["id"]) == {(LONG, "overdue-1"), (TUAN, "overdue-1"), (LAN, "overdue-1")}
    assert about(seven, monday["id"]) == set()
    assert await Outbox.count().where(Outbox.key.like(f"o{monday['id']}:%:eve")) == 0


# --------------------------------------------------------------------------- backlog


async def test_after_weeks_down_only_the_latest_step_goes_out(
    seeded_rw: Settings, work_calendar: WorkCalendar
) -> None:
    await reminder_pass(seeded_rw, at("2026-04-08 15:00"))
    now = at("2026-05-21 15:00")  # Thursday, six weeks later
    assert work_calendar.is_working_day(now.date())
    report = await reminder_pass(seeded_rw, now)
    pairs = Counter((m.occurrence_id, m.person.id) for m in report.reminders)
    assert pairs
    assert max(pairs.values()) == 1
    # The report due today at 16:15 missed its eve step (yesterday 15:00) and its 2h step
    # (14:15): only the 2h step goes out.
    w21 = await occurrence("tuan:2026-W21")
    assert about(report, w21["id"]) == {(LONG, "2h"), (TUAN, "2h"), (LAN, "2h")}
    # In the outbox: at most one row per occurrence, person and channel from this pass.
    rows = [r for r in await outbox_rows(channel="email") if r["created_at"] == now]
    per_pair = Counter((r["occurrence"], r["person"]) for r in rows if r["occurrence"])
    assert max(per_pair.values()) == 1
    # The weeks of late weekly reports are in the digests instead.
    w16 = await occurrence("tuan:2026-W16")
    for email in GROUP:
        assert w16["id"] in digest_items(report, email)["overdue"]


# --------------------------------------------------------------------------- digest


async def test_the_morning_digest_stands_for_the_morning_reminders(seeded_rw: Settings) -> None:
    report = await reminder_pass(seeded_rw, at("2026-04-09 07:45"))
    assert report.digests
    assert max(Counter(m.person.id for m in report.digests).values()) == 1
    assert report.merged > 0
    for message in report.reminders:
        if message.step.startswith(REGULAR):
            assert message.occurrence_id not in digested(report, message.person.email)
    # At 08:00 the monthly report (due Tuesday 14/04) reaches its 3-days-before step: the
    # digest already listed it, so no message of its own, and no second digest.
    april = await occurrence("thang:2026-04")
    for email in GROUP:
        assert april["id"] in digest_items(report, email)["soon"]
    eight = await reminder_pass(seeded_rw, at("2026-04-09 08:00"))
    assert eight.digests == []
    assert about(eight, april["id"]) == set()
    assert eight.merged >= len(GROUP)
    assert await Outbox.count().where(Outbox.key.like(f"o{april['id']}:%")) == 0
    # The digest is written once per person and channel.
    day_rows = await outbox_rows(step="digest", channel="inapp")
    assert len(day_rows) == len(report.digests)


async def test_the_digest_is_not_sent_before_07_30(seeded_rw: Settings) -> None:
    report = await reminder_pass(seeded_rw, at("2026-04-09 07:29"))
    assert report.digests == []
    assert await DigestRun.count() == 0
    assert (await reminder_pass(seeded_rw, at("2026-04-09 07:30"))).digests


# --------------------------------------------------------------------------- escalation


async def test_late_work_reaches_the_chairman_after_7_working_days(
    seeded_rw: Settings, work_calendar: WorkCalendar
) -> None:
    """The monthly report due Tuesday 14/04/2026 stays undone. With the service ticking
    every working morning, the chairman first hears of it in the digest of the 7th working
    day after the deadline (23/04), under "late work reported up"."""
    april = await occurrence("thang:2026-04")
    due = april["due_date"]
    assert due == dt.date(2026, 4, 14)
    seventh = work_calendar.add_working_days(due, 7)
    assert seventh == dt.date(2026, 4, 23)  # 15, 16, 17, 20, 21, 22, 23 by hand
    day = due
    heard: dict[dt.date, set[str]] = {}
    while day <= seventh:
        if work_calendar.is_working_day(day):
            morning = await reminder_pass(seeded_rw, dt.datetime.combine(day, dt.time(7, 30), TZ))
            heard[day] = {
                group
                for group, ids in digest_items(morning, CHAIRMAN).items()
                if april["id"] in ids
            }
            steps = await reminder_pass(seeded_rw, dt.datetime.combine(day, dt.time(8, 0), TZ))
            assert about(steps, april["id"]) == set()  # the digests stand for them
        day += dt.timedelta(days=1)
    assert {d for d, groups in heard.items() if groups} == {seventh}
    assert heard[seventh] == {"escalated"}
    # Its people hear of it every morning, overdue from the day after the deadline.
    for email in GROUP:
        assert await Outbox.count().where(
            (Outbox.step == "digest") & (Outbox.person == await person_id(email))
            & (Outbox.channel == "inapp")
        ) == len(heard)  # fmt: skip


async def test_the_head_escalation_goes_out_on_its_own_before_the_digest(
    seeded_rw: Settings, work_calendar: WorkCalendar
) -> None:
    """The service was down from Thursday afternoon and came back on Monday at 07:15,
    before the digest: the escalation of the 3rd working day goes to the heads of the
    lead units, on its own; the chairman hears nothing of it yet."""
    april = await occurrence("thang:2026-04")
    third = work_calendar.add_working_days(april["due_date"], 3)
    assert third == dt.date(2026, 4, 17)  # 15, 16, 17 by hand
    await reminder_pass(seeded_rw, at("2026-04-16 15:00"))  # 2 working days late
    restart = await reminder_pass(seeded_rw, at("2026-04-20 07:15"))
    assert restart.digests == []
    assert about(restart, april["id"]) == {
        (LONG, "escalate-head"), (TUAN, "escalate-head"), (LAN, "escalate-head"),
    }  # fmt: skip
    escalation = next(m for m in restart.reminders if m.occurrence_id == april["id"])
    assert "14/04/2026" in escalation.rendered.text


async def test_the_chairman_escalation_goes_out_on_its_own_before_the_digest(
    seeded_rw: Settings, work_calendar: WorkCalendar
) -> None:
    april = await occurrence("thang:2026-04")
    seventh = work_calendar.add_working_days(april["due_date"], 7)
    assert seventh == dt.date(2026, 4, 23)
    await reminder_pass(seeded_rw, at("2026-04-22 15:00"))  # 6 working days late
    assert work_calendar.working_days_between(april["due_date"], dt.date(2026, 4, 22)) == 6
    restart = await reminder_pass(seeded_rw, at("2026-04-24 07:15"))
    # The steps of 23/04 08:00: the 3rd overdue reminder to its people, and the
    # escalation to the chairman.
    assert about(restart, april["id"]) == {
        (LONG, "overdue-3"), (TUAN, "overdue-3"), (LAN, "overdue-3"),
        (CHAIRMAN, "escalate-chairman"),
    }  # fmt: skip


# --------------------------------------------------------------------------- overrides


async def test_a_person_on_escalations_only_hears_nothing_else(
    seeded_rw: Settings, work_calendar: WorkCalendar
) -> None:
    now = at("2026-04-08 15:00")
    await set_mode("escalations", email=LONG, now=now)
    report = await reminder_pass(seeded_rw, now)
    w15 = await occurrence("tuan:2026-W15")
    assert about(report, w15["id"]) == {(TUAN, "eve"), (LAN, "eve")}
    assert [m for m in report.reminders if m.person.email == LONG] == []
    # Long's digest holds only the late work reported to him as a head (3+ working days).
    items = digest_items(report, LONG)
    assert items["overdue"] == set()
    assert items["soon"] == set()
    assert items["escalated"]
    rows = await Occurrence.select(Occurrence.id, Occurrence.due_date).where(
        Occurrence.id.is_in(sorted(items["escalated"]))
    )
    for row in rows:
        assert work_calendar.working_days_between(row["due_date"], now.date()) >= 3
    # Tuấn, on "all", has the same items as overdue, and the coming ones.
    assert items["escalated"] <= digest_items(report, TUAN)["overdue"]
    assert digest_items(report, TUAN)["soon"]


async def test_a_plan_turned_off_sends_nothing(seeded_rw: Settings) -> None:
    now = at("2026-04-08 15:00")
    shown = await set_mode("off", plan="dai-son-2026", now=now)
    assert "dai-son-2026" in shown
    report = await reminder_pass(seeded_rw, now)
    assert report.looked_at > 0
    assert report.messages == []
    assert await Outbox.count() == 0
    await set_mode("all", plan="dai-son-2026", now=now)
    assert (await reminder_pass(seeded_rw, at("2026-04-09 14:15"))).messages


async def test_a_person_may_not_turn_everything_off(seeded_rw: Settings) -> None:
    with pytest.raises(ValidationError, match="escalations"):
        await set_mode("off", email=LONG, now=at("2026-04-08 15:00"))
    assert await NotifySetting.count() == 0
    with pytest.raises(ValidationError, match="không có"):
        await set_mode("sometimes", email=LONG, now=at("2026-04-08 15:00"))


# --------------------------------------------------------------------------- completing


async def test_completed_work_is_not_reminded_again(seeded_rw: Settings) -> None:
    w15 = await occurrence("tuan:2026-W15")
    await reminder_pass(seeded_rw, at("2026-04-08 15:00"))
    queued = await outbox_rows(occurrence=w15["id"], channel="email")
    assert {r["state"] for r in queued} == {"queued"}
    long_id = await person_id(LONG)
    scope = await scope_for_person(long_id)
    assert scope is not None
    work = CompleteIn(
        evidence="Đã gửi báo cáo tuần 15 qua hệ thống",
        link="https://daison.example.vn/bao-cao/tuan-15",
    )
    done = await complete_work(
        w15["id"], work, scope=scope, tz=seeded_rw.tz, now=at("2026-04-08 16:00")
    )
    assert done.stored_status == "done"
    assert done.completed_by_id == long_id
    assert {r["state"] for r in await outbox_rows(occurrence=w15["id"], channel="email")} == {
        "cancelled"
    }
    # In-app notifications were delivered by being written; they stay as they were.
    assert {r["state"] for r in await outbox_rows(occurrence=w15["id"], channel="inapp")} == {
        "sent"
    }
    for now in ("2026-04-09 07:45", "2026-04-09 14:15", "2026-04-10 08:00", "2026-04-15 08:00"):
        report = await reminder_pass(seeded_rw, at(now))
        assert about(report, w15["id"]) == set(), now
        for message in report.digests:
            assert w15["id"] not in digested(report, message.person.email), now
    assert await Outbox.count().where(Outbox.occurrence == w15["id"]) == len(queued) * 2


# --------------------------------------------------------------------------- events


async def test_an_event_starts_its_occurrences_and_tells_their_people_at_once(
    seeded_rw: Settings, work_calendar: WorkCalendar
) -> None:
    now = dt.datetime(2022, 6, 1, 9, 0, tzinfo=TZ)
    record = await record_event(
        "qd_cong_bo_tthc", dt.date(2022, 6, 1), unit_code=None, reference="QĐ 123", scope=Scope.system(),
        expander=expander_for(seeded_rw), now=now,
    )  # fmt: skip
    assert record.plans == ["doan-ket-2022"]
    assert len(record.occurrences) == 2
    rows = await Occurrence.select(*Occurrence.all_columns()).where(
        Occurrence.id.is_in(record.occurrences)
    )
    # "sau từ 5 đến 7 ngày": calendar days (the plan does not say working days).
    # 01/06/2022 (Wednesday) + 7 days = Wednesday 08/06/2022, a working day; start + 5 =
    # Monday 06/06/2022.
    assert work_calendar.is_working_day(dt.date(2022, 6, 8))
    assert {r["due_date"] for r in rows} == {dt.date(2022, 6, 8)}
    assert {r["start_date"] for r in rows} == {dt.date(2022, 6, 6)}
    assert {r["status"] for r in rows} == {"open"}
    assert set((await plan_keys(set(record.occurrences))).values()) == {"doan-ket-2022"}
    report = await reminder_pass(seeded_rw, now)
    started = [m for m in report.reminders if m.occurrence_id in record.occurrences]
    assert {m.step for m in started} == {"event"}
    assert {m.occurrence_id for m in started} == set(record.occurrences)
    emails = {m.person.email for m in started}
    assert "nhung.dth@doanket.example.vn" in emails
    assert all(e.endswith("@doanket.example.vn") for e in emails)
    assert all("QĐ 123" in m.rendered.text for m in started)
    stored = await Outbox.count().where(
        Outbox.occurrence.is_in(record.occurrences) & (Outbox.step == "event")
    )
    assert stored == sum(len(m.channels) for m in started)
    # An hour later nothing more: the next step is 3 working days before the deadline.
    later = await reminder_pass(seeded_rw, now + dt.timedelta(hours=1))
    assert [m for m in later.reminders if m.occurrence_id in record.occurrences] == []


async def test_an_event_recorded_in_the_evening_is_told_the_next_working_morning(
    seeded_rw: Settings, work_calendar: WorkCalendar
) -> None:
    now = dt.datetime(2022, 6, 3, 19, 30, tzinfo=TZ)  # Friday evening
    record = await record_event(
        "qd_cong_bo_tthc", dt.date(2022, 6, 3), unit_code=None, reference="QĐ 124", scope=Scope.system(),
        expander=expander_for(seeded_rw), now=now,
    )  # fmt: skip
    evening = await reminder_pass(seeded_rw, now)
    assert [m for m in evening.messages if m.occurrence_id in record.occurrences] == []
    monday = await reminder_pass(seeded_rw, dt.datetime(2022, 6, 6, 7, 0, tzinfo=TZ))
    started = {m.step for m in monday.reminders if m.occurrence_id in record.occurrences}
    assert started == {"event"}


# --------------------------------------------------------------------------- dry run


async def test_a_dry_run_writes_nothing(seeded_rw: Settings) -> None:
    now = at("2026-04-08 15:00")
    columns = (Occurrence.id, Occurrence.remind_at, Occurrence.reminded_until)
    before = await Occurrence.select(*columns).order_by(Occurrence.id)
    dry = await reminder_pass(seeded_rw, now, dry_run=True)
    assert dry.messages
    assert dry.written == 0
    assert await Outbox.count() == 0
    assert await DigestRun.count() == 0
    assert await Occurrence.select(*columns).order_by(Occurrence.id) == before
    real = await reminder_pass(seeded_rw, now)
    assert sorted(m.key for m in real.messages) == sorted(m.key for m in dry.messages)
    assert real.written == sum(len(m.channels) for m in dry.messages)
