"""The reminder pass: find what falls due, work out who is told what, and write it to
the outbox. Delivery is another step (:mod:`tracker.notify.delivery`).

One indexed query finds the occurrences whose next look has come (their
``remind_at``: three weeks before the deadline when created, then each step); the
pure policy (:mod:`tracker.notify.policy`) gives their steps; the pass writes one
outbox row per message and channel under a unique key, then moves each occurrence's
``remind_at`` to its next step. Running it twice, or twice at once, writes each
message once.

On a working day from 07:30 every person first gets one digest of what is overdue
and what falls due within the policy's ``digest_days``; morning reminders of the items
in it are then not sent again on their own. Who hears what, and every number of the
ladder, the escalation and the digest, is the policy's: the pass only asks it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from piccolo.custom_types import Combinable

from tracker import db
from tracker.config import Settings
from tracker.db import rows_in
from tracker.deadlines.read import (
    OccurrenceView,
    look_due,
    read_occurrences,
    running,
    with_deadline_by,
)
from tracker.deadlines.services import retire_looks
from tracker.deadlines.tables import Occurrence
from tracker.notify.channels import IN_APP, channel_of, registered
from tracker.notify.messages import Digest, Item, Rendered, render_digest, render_reminder
from tracker.notify.people import PeopleIndex, PersonInfo
from tracker.notify.policy import (
    DIGEST_GROUPS,
    Audience,
    Deadline,
    ReminderPolicy,
    Step,
    latest_for,
)
from tracker.notify.tables import DigestBranch, DigestRun, Outbox
from tracker.plans.services import units_by_task
from tracker.plans.tables import Plan
from tracker.schedule.calendars import load_work_calendar
from tracker.schedule.events import event_kind_label
from tracker.schedule.workdays import WorkCalendar

__all__ = [
    "Message",
    "PassReport",
    "branch_of",
    "candidates",
    "pass_branches",
    "reminder_pass",
    "write_messages",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """One message to one person, on every channel that reaches them."""

    key: str
    step: str
    person: PersonInfo
    occurrence_id: int | None
    rendered: Rendered
    channels: tuple[tuple[str, str], ...]  # (channel, address)


@dataclass
class PassReport:
    now: dt.datetime
    messages: list[Message] = field(default_factory=list)
    merged: int = 0  # morning reminders that today's digest stands for
    looked_at: int = 0
    written: int = 0  # outbox rows written (0 on a dry run)
    counted: int = 0  # messages written and then dropped from ``messages`` (keep=False)
    # What the pass read to answer who is told: a pass costs what is due.
    people_read: set[int] = field(default_factory=set)
    units_read: set[int] = field(default_factory=set)

    @property
    def digests(self) -> list[Message]:
        return [m for m in self.messages if m.step == "digest"]

    @property
    def reminders(self) -> list[Message]:
        return [m for m in self.messages if m.step != "digest"]


@dataclass
class _Row:
    """An occurrence (from the read model) with the units that answer for it."""

    view: OccurrenceView
    lead: list[int]
    coordinating: list[int]

    @property
    def id(self) -> int:
        return self.view.id

    @property
    def lead_units(self) -> list[int]:
        """The unit it is assigned to, else the units that lead its task."""
        return [self.view.assignee_id] if self.view.assignee_id else self.lead


# --------------------------------------------------------------------------- loading


async def _load(*where: Combinable | None, tz: ZoneInfo, now: dt.datetime) -> list[_Row]:
    views = await read_occurrences(*where, tz=tz, now=now)
    units = await units_by_task([v.task_id for v in views])
    none: dict[str, list[dict[str, Any]]] = {"lead": [], "coordinating": []}
    return [
        _Row(
            v,
            [u["id"] for u in units.get(v.task_id, none)["lead"]],
            [u["id"] for u in units.get(v.task_id, none)["coordinating"]],
        )
        for v in views
    ]


# --------------------------------------------------------------------------- the pass


@dataclass
class _Pass:
    settings: Settings
    now: dt.datetime
    policy: ReminderPolicy
    people: PeopleIndex
    report: PassReport
    digested: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    branch: str = "/"  # the province this batch of the pass covers

    def digest_key(self, person: PersonInfo, day: dt.date) -> str:
        """The outbox key of ``person``'s digest of ``day`` from this province: one per
        person and day from their own province (that of their first unit); someone who
        also answers for work of another province gets that province's in a digest of
        its own, rather than losing it to the first one written."""
        home = branch_of(min(person.paths)) if person.paths else self.branch
        key = f"digest:p{person.id}:{day.isoformat()}"
        return key if home == self.branch else f"{key}:{self.branch.strip('/')}"

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.tz

    def deadline(self, row: _Row) -> Deadline:
        due = row.view.working_due
        due_at = due if isinstance(due, dt.datetime) else None
        day = due.date() if isinstance(due, dt.datetime) else due
        event_at = row.view.event_at if row.view.event_id else None
        return Deadline(due=day, due_at=due_at, event_at=event_at)

    def item(self, row: _Row, days_late: int = 0) -> Item:
        view = row.view
        event = ""
        if view.event_id:
            event = view.event_reference or event_kind_label(view.event_kind or "")
        return Item.of(
            view,
            [self.people.unit_names.get(u, "") for u in row.lead_units],
            [self.people.unit_names.get(u, "") for u in row.coordinating],
            event=event,
            days_late=days_late,
        )

    def audiences(self, row: _Row) -> dict[int, set[Audience]]:
        """Every person the occurrence concerns, with the audiences they belong to."""
        out: dict[int, set[Audience]] = defaultdict(set)
        for unit in row.lead_units:
            for person in self.people.people_of(unit):
                out[person].add("lead")
            for person in self.people.heads_of(unit):
                out[person].add("head")
        for unit in row.coordinating:
            for person in self.people.people_of(unit):
                if "lead" not in out.get(person, set()):
                    out[person].add("coordinating")
        for person in self.people.chairmen_of(row.view.plan_unit_id):
            out[person].add("chairman")
        return out

    def mode(self, row: _Row, person: int) -> str:
        return self.policy.effective_mode(
            self.people.mode("plan", row.view.plan_id),
            self.people.mode("task", row.view.task_id),
            self.people.mode("person", person),
        )

    def channels(self, person: PersonInfo) -> tuple[tuple[str, str], ...]:
        """Every (channel, address) that reaches ``person``, in the registry's order."""
        return tuple(
            destination
            for channel in registered()
            for destination in channel.destinations(person, self.people)
        )

    # ----------------------------------------------------------------- digests

    def digests(self, day: dt.date, rows: Iterable[_Row]) -> None:
        """Today's digest for everyone with overdue work, work due within the policy's
        ``digest_days``, or late work reported to them, among ``rows`` (one batch's
        running work up to that horizon); and the items they hold."""
        per_person: dict[int, dict[str, list[Item]]] = defaultdict(
            lambda: {group: [] for group in DIGEST_GROUPS}
        )
        for row in rows:
            self.digest_row(row, per_person)
        for person_id, groups in sorted(per_person.items()):
            person = self.people.people[person_id]
            digest = Digest(day, *(tuple(groups[k]) for k in DIGEST_GROUPS))
            if not digest.items:
                continue
            rendered = render_digest(digest, person=person.name, base_url=self.settings.base_url)
            self.report.messages.append(
                Message(
                    key=self.digest_key(person, day),
                    step="digest",
                    person=person,
                    occurrence_id=None,
                    rendered=rendered,
                    channels=self.channels(person),
                )
            )
            self.digested[person_id] |= {i.occurrence_id for i in digest.items}

    async def written_digests(self, day: dt.date, rows: Iterable[_Row]) -> None:
        """The items of today's digests already written to the people ``rows`` concern
        (only theirs: a pass reads what its due work needs)."""
        persons = {p for row in rows for p in self.audiences(row) if p in self.people.people}
        keys = {self.digest_key(self.people.people[p], day) for p in persons}
        sent = await rows_in(
            lambda: (
                Outbox.select(Outbox.person, Outbox.payload)
                .where((Outbox.step == "digest") & (Outbox.channel == IN_APP))
                .output(load_json=True)
            ),
            Outbox.key,
            keys,
        )
        for stored in sent:
            payload = stored["payload"] or {}
            for group in DIGEST_GROUPS:
                self.digested[stored["person"]] |= {i["id"] for i in payload.get(group, [])}

    def digest_row(self, row: _Row, per_person: dict[int, dict[str, list[Item]]]) -> None:
        deadline = self.deadline(row)
        late = self.policy.working_days_late(deadline, self.now)
        overdue = self.now > row.view.deadline
        for person, audiences in self.audiences(row).items():
            if person not in self.people.people:
                continue
            group = self.policy.digest_group(
                audiences, self.mode(row, person), overdue=overdue, working_days_late=late
            )
            if group is not None:
                # A coordinating unit hears only of work still coming: no days late.
                days_late = 0 if group == "soon" and "lead" not in audiences else late
                per_person[person][group].append(self.item(row, days_late))

    # ----------------------------------------------------------------- reminders

    def remind(self, row: _Row) -> dict[str, Any]:
        """The messages one occurrence's pending steps give; the occurrence's new state."""
        deadline = self.deadline(row)
        after = row.view.reminded_until
        if after is None and deadline.event_at is not None:
            after = deadline.event_at - dt.timedelta(seconds=1)
        steps, following = self.policy.pending(deadline, after, self.now)
        wake = self.policy.allowed(self.now)
        if steps and wake != self.now:
            # Quiet hours or a day off: steps found now (missed while the service was
            # down) wait for the next allowed moment, unless the latest is one the policy
            # itself places in the quiet hours (the same-day step of an early deadline).
            latest = max(steps, key=lambda s: s.at)
            if self.policy.allowed(latest.at) == latest.at:
                held = wake if following is None else min(wake, following)
                return {"remind_at": held, "reminded_until": row.view.reminded_until}
        if steps:
            self.messages(row, steps)
        return {"remind_at": following, "reminded_until": self.now}

    def messages(self, row: _Row, steps: Sequence[Step]) -> None:
        item: Item | None = None
        for person_id, audiences in sorted(self.audiences(row).items()):
            person = self.people.people.get(person_id)
            step = latest_for(steps, audiences)
            if person is None or step is None:
                continue
            if not self.policy.hears(self.mode(row, person_id), step):
                continue
            if step.regular and row.id in self.digested.get(person_id, set()):
                self.report.merged += 1
                continue
            if item is None:
                late = self.policy.working_days_late(self.deadline(row), self.now)
                item = self.item(row, late)
            rendered = render_reminder(
                step, item, person=person.name, base_url=self.settings.base_url, tz=self.tz,
                now=self.now,
            )  # fmt: skip
            self.report.messages.append(
                Message(
                    key=_key(row.view, person_id, step),
                    step=step.name,
                    person=person,
                    occurrence_id=row.id,
                    rendered=rendered,
                    channels=self.channels(person),
                )
            )


def _key(view: OccurrenceView, person_id: int, step: Step) -> str:
    """The outbox key of a reminder: "o12:p3:before-3". An extended deadline has a ladder
    of its own, named by the new deadline ("o12:p3:before-3:x20260520T2359"), so that its
    steps are sent even where the old date's steps of the same name were."""
    key = f"o{view.id}:p{person_id}:{step.name}"
    if view.extended_due is not None:
        key += f":x{view.deadline:%Y%m%dT%H%M}"
    return key


def candidates(now: dt.datetime, tz: ZoneInfo) -> tuple[Combinable, ...]:
    """Open work of running plans whose next look has come: three weeks before the
    deadline at first (at once for work an event started), then at each step the policy
    gives."""
    return running(now.astimezone(tz).date()), look_due(now)


def branch_of(path: str) -> str:
    """The top of a unit's path ("/hai-phong/" for "/hai-phong/hai-phong.dai-son/"): the
    province or city whose work one batch of a pass covers."""
    head = path.strip("/").split("/", 1)[0]
    return f"/{head}/" if head else "/"


def _in_branch(branch: str | None) -> Combinable | None:
    return None if branch is None else Occurrence.plan._.unit._.path.like(f"{branch}%")


def _digest_key(day: dt.date, branch: str) -> str:
    return f"{day.isoformat()} {branch}"


async def pass_branches(
    settings: Settings, now: dt.datetime, *, day_done: bool | None = None, tidy: bool = True
) -> list[str]:
    """The provinces a pass at ``now`` has work in: those of the due occurrences, and,
    while today's digests are not all written, those of every running plan whose
    province has not marked its own (when all have, the day is marked written).
    ``tidy`` puts aside the next looks of plans that stopped running
    (:func:`~tracker.deadlines.services.retire_looks`); a dry run does not."""
    tz = settings.tz
    # First the index alone, with no join: on a pass with nothing due this is all the
    # search costs, whatever the number of plans. Asked as "the earliest next look"
    # (one step along the (status, remind_at) index), never as "is there one due": with
    # statistics from before a pass moved thousands of next looks, PostgreSQL answered
    # that by reading the whole table (50 ms at the country's size, on every tick).
    found: list[dict[str, Any]] = []
    earliest = (
        await Occurrence.select(Occurrence.remind_at)
        .where((Occurrence.status == "open") & Occurrence.remind_at.is_not_null())
        .order_by(Occurrence.remind_at)
        .first()
    )
    if earliest is not None and earliest["remind_at"] <= now:
        found = (
            await Occurrence.select(Occurrence.plan._.unit._.path.as_alias("path"))
            .where(Occurrence.plan._.deleted_at.is_null(), *candidates(now, tz))
            .distinct()
        )
        if not found and tidy:
            # What the index holds belongs to plans that no longer run.
            await retire_looks(now, now.astimezone(tz).date())
    branches = {branch_of(r["path"]) for r in found}
    day = ReminderPolicy(load_work_calendar(settings.calendars_dir), tz).digest_day(now)
    if day_done is None:
        day_done = day is None or await DigestRun.exists().where(DigestRun.day == day)
    if day is not None and not day_done:
        plans = (
            await Plan.select(Plan.unit.path.as_alias("path"))
            .where((Plan.status == "active") & (Plan.period_end >= day) & Plan.deleted_at.is_null())
            .distinct()
        )
        done = {
            r["key"]
            for r in await DigestBranch.select(DigestBranch.key).where(
                DigestBranch.key.like(f"{day.isoformat()} %")
            )
        }
        left = {branch_of(r["path"]) for r in plans}
        left -= {key.split(" ", 1)[1] for key in done}
        if done and not left:
            # Every province has written its digests (spread over workers): the day is.
            await DigestRun.insert(DigestRun(day=day, finished_at=now)).on_conflict(
                target=DigestRun.day, action="DO NOTHING"
            )
        branches |= left
    return sorted(branches)


async def reminder_pass(
    settings: Settings,
    now: dt.datetime,
    *,
    dry_run: bool = False,
    calendar: WorkCalendar | None = None,
    people: PeopleIndex | None = None,
    branches: Sequence[str] | None = None,
    keep: bool = True,
) -> PassReport:
    """One pass at ``now``: write what falls due to the outbox (nothing on a dry run).

    The pass goes province by province (``branches``, else every province with work,
    :func:`pass_branches`), each in a transaction of its own that reads only its due
    work and the people, units and settings that work names; a pass with nothing due
    reads nothing else. ``branches`` given, it does just those (a worker's share);
    ``keep=False`` drops each province's messages once written, so memory stays that
    of one province (the report then keeps the counts)."""
    policy = ReminderPolicy(calendar or load_work_calendar(settings.calendars_dir), settings.tz)
    report = PassReport(now=now)
    day = policy.digest_day(now)
    day_done = day is None or await DigestRun.exists().where(DigestRun.day == day)
    todo = (
        await pass_branches(settings, now, day_done=day_done, tidy=not dry_run)
        if branches is None
        else branches
    )
    for branch in todo:
        work = _Pass(settings, now, policy, people or PeopleIndex(), report)
        await _branch_pass(work, branch, day, day_done, dry_run=dry_run, people=people)
        if not keep:
            report.counted += len(report.messages)
            report.messages.clear()
    if day is not None and not day_done and not dry_run and branches is None:
        await DigestRun.insert(DigestRun(day=day, finished_at=now)).on_conflict(
            target=DigestRun.day, action="DO NOTHING"
        )
    return report


async def _branch_pass(
    work: _Pass,
    branch: str,
    day: dt.date | None,
    day_done: bool,
    *,
    dry_run: bool,
    people: PeopleIndex | None,
) -> None:
    """One province of a pass: its digests if today's are not written, its due work."""
    settings, now, report = work.settings, work.now, work.report
    work.branch = branch
    tz = settings.tz
    where = _in_branch(branch)
    digest_rows: list[_Row] = []
    if day is not None and not day_done:
        mark = _digest_key(day, branch)
        if not await DigestBranch.exists().where(DigestBranch.key == mark):
            horizon = work.policy.digest_until(day)
            digest_rows = await _load(
                running(day), with_deadline_by(horizon), where, tz=tz, now=now
            )
        else:
            day_done = True
    rows = await _load(*candidates(now, tz), where, tz=tz, now=now)
    report.looked_at += len(rows)
    if not rows and not digest_rows:
        return
    if people is None:
        work.people = await _people_for([*digest_rows, *rows])
    report.people_read |= set(work.people.people)
    report.units_read |= set(work.people.unit_paths)
    first = len(report.messages)
    if digest_rows or (day is not None and not day_done):
        work.digests(day, digest_rows)  # type: ignore[arg-type]
    elif day is not None:
        await work.written_digests(day, rows)
    states = {row.id: work.remind(row) for row in rows}
    if dry_run:
        return
    async with db.write_transaction():
        report.written += await write_messages(report.messages[first:], now)
        # One UPDATE per next-look time, not per occurrence: a weekly report's copies in
        # every commune share theirs.
        by_time: dict[tuple[Any, Any], list[int]] = defaultdict(list)
        for occurrence_id, values in states.items():
            by_time[values["remind_at"], values["reminded_until"]].append(occurrence_id)
        for (remind_at, until), ids in by_time.items():
            for start in range(0, len(ids), db.CHUNK):
                await Occurrence.update(
                    {Occurrence.remind_at: remind_at, Occurrence.reminded_until: until}
                ).where(Occurrence.id.is_in(ids[start : start + db.CHUNK]))
        if day is not None and not day_done:
            await DigestBranch.insert(
                DigestBranch(key=_digest_key(day, branch), finished_at=now)
            ).on_conflict(target=DigestBranch.key, action="DO NOTHING")


async def _people_for(rows: Sequence[_Row]) -> PeopleIndex:
    """The people, units and settings the rows name, and no others."""
    units = {u for row in rows for u in (*row.lead_units, *row.coordinating)}
    communes = {row.view.plan_unit_id for row in rows}
    targets = {f"plan:{row.view.plan_id}" for row in rows} | {
        f"task:{row.view.task_id}" for row in rows
    }
    return await PeopleIndex.load(units, communes=communes, targets=targets)


async def write_messages(messages: Iterable[Message], now: dt.datetime) -> int:
    """Insert the outbox rows, skipping any already there. A row of a channel that is
    delivered by being written (in-app) is written sent."""
    rows = []
    for message in messages:
        for channel, address in message.channels:
            written_is_sent = channel_of(channel).delivered_when_written
            rows.append(
                Outbox(
                    key=message.key,
                    channel=channel,
                    step=message.step,
                    person=message.person.id,
                    occurrence=message.occurrence_id,
                    address=address,
                    subject=message.rendered.subject,
                    body_text=message.rendered.text,
                    body_html=message.rendered.html,
                    ics=message.rendered.ics,
                    payload=message.rendered.payload,
                    state="sent" if written_is_sent else "queued",
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                    sent_at=now if written_is_sent else None,
                )
            )
    written = 0
    for start in range(0, len(rows), 200):
        inserted = (
            await Outbox.insert(*rows[start : start + 200])
            .on_conflict(target=(Outbox.key, Outbox.channel), action="DO NOTHING")
            .returning(Outbox.id)
        )
        written += len(inserted)  # a row another pass wrote first is not returned
    return written
