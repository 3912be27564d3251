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
from tracker.deadlines.read import (
    OccurrenceView,
    look_due,
    read_occurrences,
    running,
    with_deadline_by,
)
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
from tracker.notify.tables import DigestRun, Outbox
from tracker.plans.services import units_by_task
from tracker.schedule.calendars import load_work_calendar
from tracker.schedule.events import event_kind_label
from tracker.schedule.workdays import WorkCalendar

__all__ = ["Message", "PassReport", "candidates", "reminder_pass"]

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


async def _load(*where: Combinable, tz: ZoneInfo, now: dt.datetime) -> list[_Row]:
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

    async def digests(self, day: dt.date) -> None:
        """Today's digest for everyone with overdue work, work due within the policy's
        ``digest_days``, or late work reported to them; and the items today's digests
        already hold."""
        done = await DigestRun.exists().where(DigestRun.day == day)
        if not done:
            horizon = self.policy.digest_until(day)
            rows = await _load(running(day), with_deadline_by(horizon), tz=self.tz, now=self.now)
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
                rendered = render_digest(
                    digest, person=person.name, base_url=self.settings.base_url
                )
                self.report.messages.append(
                    Message(
                        key=f"digest:p{person_id}:{day.isoformat()}",
                        step="digest",
                        person=person,
                        occurrence_id=None,
                        rendered=rendered,
                        channels=self.channels(person),
                    )
                )
                self.digested[person_id] |= {i.occurrence_id for i in digest.items}
            return
        sent = (
            await Outbox.select(Outbox.person, Outbox.payload)
            .where(
                (Outbox.step == "digest")
                & (Outbox.channel == IN_APP)
                & Outbox.key.like(f"digest:%:{day.isoformat()}")
            )
            .output(load_json=True)
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


async def reminder_pass(
    settings: Settings,
    now: dt.datetime,
    *,
    dry_run: bool = False,
    calendar: WorkCalendar | None = None,
    people: PeopleIndex | None = None,
) -> PassReport:
    """One pass at ``now``: write what falls due to the outbox (nothing on a dry run)."""
    policy = ReminderPolicy(calendar or load_work_calendar(settings.calendars_dir), settings.tz)
    report = PassReport(now=now)
    work = _Pass(settings, now, policy, people or await PeopleIndex.load(), report)
    day = policy.digest_day(now)
    if day is not None:
        await work.digests(day)
    rows = await _load(*candidates(now, settings.tz), tz=settings.tz, now=now)
    report.looked_at = len(rows)
    states = {row.id: work.remind(row) for row in rows}
    if dry_run:
        return report
    async with db.write_transaction():
        report.written = await _write(report.messages, now)
        # One UPDATE per next-look time, not per occurrence: a weekly report's copies in
        # every commune share theirs.
        by_time: dict[tuple[Any, Any], list[int]] = defaultdict(list)
        for occurrence_id, values in states.items():
            by_time[values["remind_at"], values["reminded_until"]].append(occurrence_id)
        for (remind_at, until), ids in by_time.items():
            for start in range(0, len(ids), 500):
                await Occurrence.update(
                    {Occurrence.remind_at: remind_at, Occurrence.reminded_until: until}
                ).where(Occurrence.id.is_in(ids[start : start + 500]))
        if day is not None:
            await DigestRun.insert(DigestRun(day=day, finished_at=now)).on_conflict(
                target=DigestRun.day, action="DO NOTHING"
            )
    return report


async def _write(messages: Iterable[Message], now: dt.datetime) -> int:
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
