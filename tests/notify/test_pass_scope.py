"""A reminder pass costs what is due: it reads the people, units and settings of the
work that falls due and no others, a pass with nothing due reads none, and a pass split
by province (as workers share it) writes exactly what the whole pass would, once."""

from __future__ import annotations

import asyncio
import datetime as dt

from tests.conftest import TZ
from tracker.config import Settings
from tracker.notify.reminders import branch_of, pass_branches, reminder_pass
from tracker.notify.tables import DigestBranch, DigestRun, Outbox
from tracker.org.tables import Membership, Person
from tracker.plans.tables import Plan


def at(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)


async def people_under(path: str) -> set[int]:
    """Everyone with a membership in the unit at ``path`` or below it."""
    rows = await Membership.select(Membership.person).where(Membership.unit.path.like(f"{path}%"))
    return {r["person"] for r in rows}


async def closed_communes() -> list[str]:
    """The paths of the communes whose plans have all ended (the 2022–2024 seed plans)."""
    rows = await Plan.select(Plan.unit.path.as_alias("path")).where(
        Plan.key.is_in(["le-loi-2022", "doan-ket-2022", "kien-an-2023", "nhat-tan-2024"])
    )
    return [r["path"] for r in rows]


async def test_a_pass_reads_only_the_people_of_its_due_work(seeded_rw: Settings) -> None:
    report = await reminder_pass(seeded_rw, at("2026-04-08 15:00"))
    assert report.reminders
    assert report.looked_at
    recipients = {m.person.id for m in report.messages}
    assert recipients <= report.people_read
    everyone = {r["id"] for r in await Person.select(Person.id)}
    assert report.people_read < everyone  # not the whole directory
    paths = await closed_communes()
    assert len(paths) >= 3
    for path in paths:
        # Communes with nothing due: nobody of theirs is read.
        assert not (await people_under(path)) & report.people_read, path


async def test_a_pass_with_nothing_due_reads_nobody(seeded_rw: Settings) -> None:
    await reminder_pass(seeded_rw, at("2026-04-08 15:00"))
    idle = await reminder_pass(seeded_rw, at("2026-04-08 15:01"))
    assert idle.looked_at == 0
    assert not idle.messages
    assert idle.people_read == set()
    assert idle.units_read == set()


async def test_after_the_digest_a_pass_reads_only_its_recipients_digests(
    seeded_rw: Settings,
) -> None:
    morning = await reminder_pass(seeded_rw, at("2026-04-09 07:45"))
    assert morning.digests
    eight = await reminder_pass(seeded_rw, at("2026-04-09 08:00"))
    # The digest already written still stands for the morning's reminders.
    digested = {m.person.id for m in morning.digests}
    assert not any(m.step == "before-1" and m.person.id in digested for m in eight.reminders)


async def test_a_pass_shared_by_provinces_writes_what_the_whole_pass_would_once(
    seeded_rw: Settings,
) -> None:
    # Two plans of other provinces run on into 2026: their late work is due too.
    await Plan.update({Plan.period_end: dt.date(2026, 12, 31), Plan.status: "active"}).where(
        Plan.key.is_in(["doan-ket-2022", "nhat-tan-2024"])
    )
    now = at("2026-04-09 07:45")  # digests and reminders
    whole = await reminder_pass(seeded_rw, now, dry_run=True)
    expected = {(m.key, channel) for m in whole.messages for channel, _ in m.channels}
    assert expected
    branches = await pass_branches(seeded_rw, now)
    assert len(branches) > 1
    # Every province twice, all at once: two workers taking the same tasks.
    reports = await asyncio.gather(
        *(reminder_pass(seeded_rw, now, branches=[b], keep=False) for b in branches * 2)
    )
    rows = await Outbox.select(Outbox.key, Outbox.channel)
    assert {(r["key"], r["channel"]) for r in rows} == expected
    assert sum(r.written for r in reports) == len(rows)
    # Each province marked its digests, so the next tick has nothing left and closes the day.
    marks = {r["key"] for r in await DigestBranch.select(DigestBranch.key)}
    assert marks == {f"{now.date().isoformat()} {b}" for b in branches}
    assert await pass_branches(seeded_rw, now + dt.timedelta(minutes=1)) == []
    assert await DigestRun.count() == 1
    again = await reminder_pass(seeded_rw, now + dt.timedelta(minutes=1))
    assert again.written == 0


async def test_the_branches_are_provinces() -> None:
    assert branch_of("/hai-phong/hai-phong.dai-son/hai-phong.dai-son.vhxh/") == "/hai-phong/"
    assert branch_of("/hai-phong/") == "/hai-phong/"


async def test_plans_that_stopped_running_leave_nothing_for_the_idle_pass_to_search_past(
    seeded_rw: Settings,
) -> None:
    from tracker.deadlines.tables import Occurrence
    from tracker.notify.services import expander_for
    from tracker.org.scope import Scope
    from tracker.plans.editing import HeaderEdit, edit_header, editable_plan

    def due_in_index(now: dt.datetime) -> object:
        return Occurrence.exists().where(
            (Occurrence.status == "open") & (Occurrence.remind_at <= now)
        )

    now = at("2026-04-08 15:00")
    # The seeds' 2022–2024 plans are over; their open deadlines still had a next look.
    stale = await Occurrence.count().where(
        (Occurrence.status == "open")
        & (Occurrence.remind_at <= now)
        & (Occurrence.plan.key == "kien-an-2023")
    )
    assert stale > 0
    await reminder_pass(seeded_rw, now)
    idle = await reminder_pass(seeded_rw, now + dt.timedelta(minutes=1))
    assert (idle.looked_at, idle.people_read) == (0, set())
    # The first pass took what ran; the idle one found the rest belonged to plans that
    # stopped, and put it aside: the index itself now holds nothing due.
    assert not await due_in_index(now + dt.timedelta(minutes=2))
    assert (
        await Occurrence.count().where(
            (Occurrence.plan.key == "kien-an-2023") & Occurrence.remind_at.is_null()
        )
        >= stale
    )

    # Kiến An's plan runs again (its period carried on): its late work is looked at and
    # reminded once more.
    plan = await Plan.select().where(Plan.key == "kien-an-2023").first()
    assert plan is not None
    later = now + dt.timedelta(minutes=5)
    await edit_header(
        await editable_plan("kien-an-2023", Scope.system()),
        HeaderEdit(
            number=plan["number"],
            title=plan["title"],
            issue_date=plan["issue_date"],
            period_start=plan["period_start"],
            period_end=dt.date(2026, 12, 31),
            status="active",
        ),
        scope=Scope.system(),
        deadlines=expander_for(seeded_rw),
        actor="test",
        now=later,
    )
    assert await due_in_index(later)
    again = await reminder_pass(seeded_rw, later + dt.timedelta(minutes=1))
    assert again.looked_at >= stale
    assert {m.occurrence_id for m in again.reminders} & {
        r["id"]
        for r in await Occurrence.select(Occurrence.id).where(Occurrence.plan.key == "kien-an-2023")
    }


async def test_someone_answering_in_two_provinces_gets_each_provinces_digest(
    seeded_rw: Settings,
) -> None:
    from tracker.deadlines.tables import Occurrence
    from tracker.org.tables import Unit
    from tracker.plans.tables import TaskUnit

    # Nhật Tân's plan (another province) runs on into 2026, and a Đại Sơn officer also
    # belongs to a unit that leads some of its tasks.
    await Plan.update({Plan.period_end: dt.date(2026, 12, 31), Plan.status: "active"}).where(
        Plan.key == "nhat-tan-2024"
    )
    lead = (
        await TaskUnit.select(TaskUnit.unit)
        .where((TaskUnit.task.plan.key == "nhat-tan-2024") & (TaskUnit.role == "lead"))
        .first()
    )
    person = (
        await Person.select(Person.id).where(Person.email == "long.nh@daison.example.vn").first()
    )
    assert lead is not None
    assert person is not None
    await Membership.insert(Membership(person=person["id"], unit=lead["unit"]))
    other = await Unit.select(Unit.path).where(Unit.id == lead["unit"]).first()
    assert other is not None
    assert branch_of(other["path"]) != "/hai-phong/"

    now = at("2026-04-09 07:45")
    report = await reminder_pass(seeded_rw, now)
    digests = [m for m in report.digests if m.person.id == person["id"]]
    assert len(digests) == 2
    home, away = sorted(digests, key=lambda m: len(m.key))
    assert home.key == f"digest:p{person['id']}:2026-04-09"
    assert away.key == f"{home.key}:{branch_of(other['path']).strip('/')}"
    # Each holds its own province's work, and both reach the outbox.
    plans = {}
    for message in (home, away):
        assert await Outbox.exists().where(
            (Outbox.key == message.key) & (Outbox.person == person["id"])
        )
        ids = [item["id"] for group in message.rendered.payload.values() if isinstance(group, list)
               for item in group]  # fmt: skip
        rows = await Occurrence.select(Occurrence.plan.key.as_alias("plan")).where(
            Occurrence.id.is_in(ids or [0])
        )
        plans[message.key] = {r["plan"] for r in rows}
    assert plans[away.key] == {"nhat-tan-2024"}
    assert "nhat-tan-2024" not in plans[home.key]
    assert plans[home.key]
