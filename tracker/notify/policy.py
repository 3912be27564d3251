"""Who is told what, and when: the reminder ladder of one deadline (pure).

Times are local (the service's time zone). Every step of an occurrence is computed
from its working deadline and the working-day calendar:

``before-7``, ``before-3``, ``before-1``, ``due``
    a date deadline: 7, 3 and 1 working days before, and on the day, at 08:00. A
    deadline on a day off is announced on the working day before it.
``eve``, ``2h``
    a timed deadline (the Thursday 16:15 weekly report): the working day before at
    15:00, and two hours before on the day.
``event``
    a deadline started by an event: at once when the event is recorded; the ladder
    then goes on, without the steps that fell before the event.
``overdue-N``
    the next working day after the deadline at 08:00, then every 3 working days.
``escalate-head``, ``escalate-chairman``
    after 3 working days overdue to the head of the lead unit; after 7 to the
    commune's chairman.

No message goes out outside 07:00–18:00 or on a day off: such a step moves to the
next allowed moment, except the same-day step of a timed deadline. A pass that missed
steps (the service was down) sends each recipient only the latest one
(:func:`latest_for`), never the backlog.

The policy also says what a person's setting lets through (:meth:`ReminderPolicy.hears`),
what goes in each working day's digest (:meth:`ReminderPolicy.digest_group`, deadlines up
to :data:`DIGEST_DAYS` ahead) and how early the pass must first look at an occurrence
(:data:`LOOKAHEAD`). The reminder pass asks; it holds none of these numbers itself.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal, get_args
from zoneinfo import ZoneInfo

from tracker.deadlines.escalation import (
    ESCALATE_AFTER,
    ESCALATE_CHAIRMAN_AFTER,
    ESCALATE_HEAD_AFTER,
)
from tracker.deadlines.escalation import working_days_late as _working_days_late
from tracker.deadlines.moments import day_end
from tracker.schedule.workdays import WorkCalendar

__all__ = [
    "AUDIENCES",
    "DIGEST_DAYS",
    "DIGEST_GROUPS",
    "DIGEST_TIME",
    "LOOKAHEAD",
    "MODES",
    "Audience",
    "Deadline",
    "DigestGroup",
    "Mode",
    "ReminderPolicy",
    "Step",
    "StepKind",
    "effective_mode",
    "hears_of_extension",
    "latest_for",
    "mode_allows",
]

Audience = Literal["lead", "coordinating", "head", "chairman"]
AUDIENCES: tuple[str, ...] = get_args(Audience)
StepKind = Literal["before", "timed", "event", "overdue", "escalation"]
# What a plan, a task or a person lets through: everything, escalations only, nothing.
Mode = Literal["all", "escalations", "off"]
MODES: tuple[str, ...] = get_args(Mode)
# The parts of a person's digest: their late work, their work coming, late work reported to them.
DigestGroup = Literal["overdue", "soon", "escalated"]
DIGEST_GROUPS: tuple[DigestGroup, ...] = get_args(DigestGroup)

MORNING = dt.time(8, 0)
EVE = dt.time(15, 0)
DIGEST_TIME = dt.time(7, 30)
QUIET_END = dt.time(7, 0)  # the first minute a message may go out
QUIET_START = dt.time(18, 0)  # the first minute none may
BEFORE_DAYS = (7, 3, 1)
OVERDUE_EVERY = 3
# Who is told of late work, after how many working days: numbers kept below us, in
# tracker.deadlines.escalation, so the compliance reports say the same.
_ESCALATE_AFTER: dict[Audience, int] = dict(ESCALATE_AFTER.items())
TIMED_LEAD = dt.timedelta(hours=2)
DIGEST_DAYS = 7  # a digest lists the work due within this many days (calendar days)

LOOKAHEAD = dt.timedelta(days=21)
"""How long before its deadline the reminder pass must first look at an occurrence.

It must come before the earliest step of the ladder, ``before-7``: 08:00 seven working
days before the deadline day. Seven working days span nine calendar days over two
ordinary weekends; the longest break in the official calendar is Tết, five days off
between two weekends, which stretches them to 18 days and 16 hours before the end of the
deadline day (a deadline on 24/02/2026 has its ``before-7`` on Friday 06/02 08:00). A
timed deadline's first step (the working day before, 15:00) comes much later. Three
weeks leaves two days to spare for a longer holiday or a notice that adds a day off;
``tests/notify/test_policy.py`` checks it against every deadline of 2026.
"""

_EVERYONE: frozenset[Audience] = frozenset(("lead", "coordinating"))
_LEAD: frozenset[Audience] = frozenset(("lead",))
# At the same instant the more pressing step wins.
_PRIORITY: dict[StepKind, int] = {
    "before": 0,
    "timed": 1,
    "event": 2,
    "overdue": 3,
    "escalation": 4,
}


@dataclass(frozen=True)
class Deadline:
    """What the policy needs of one occurrence. ``due`` is the working deadline's date
    (the extension when approved); ``due_at`` its instant when the deadline has a time;
    ``event_at`` when the event that started it was recorded."""

    due: dt.date
    due_at: dt.datetime | None = None
    event_at: dt.datetime | None = None


@dataclass(frozen=True)
class Step:
    name: str
    at: dt.datetime
    kind: StepKind
    audiences: frozenset[Audience]

    @property
    def regular(self) -> bool:
        """A morning reminder that a person's daily digest may stand for."""
        return self.kind in ("before", "overdue", "escalation")

    @property
    def overdue_days(self) -> int:
        """For an overdue step or an escalation, how many working days late it says."""
        if self.name == "escalate-head":
            return ESCALATE_HEAD_AFTER
        if self.name == "escalate-chairman":
            return ESCALATE_CHAIRMAN_AFTER
        if self.name.startswith("overdue-"):
            return 1 + OVERDUE_EVERY * (int(self.name.split("-")[1]) - 1)
        return 0

    @property
    def days_left(self) -> int:
        """For a ``before-N`` step, N."""
        return int(self.name.split("-")[1]) if self.name.startswith("before-") else 0


class ReminderPolicy:
    """The ladder on one working-day calendar, in one time zone."""

    LOOKAHEAD: ClassVar[dt.timedelta] = LOOKAHEAD
    digest_days: ClassVar[int] = DIGEST_DAYS

    def __init__(self, calendar: WorkCalendar, tz: ZoneInfo) -> None:
        self.calendar = calendar
        self.tz = tz

    # ----------------------------------------------------------------- who hears what

    @staticmethod
    def effective_mode(*modes: str | None) -> Mode:
        """The strictest of the plan's, the task's and the person's settings."""
        return effective_mode(*modes)

    @staticmethod
    def hears(mode: str, step: Step) -> bool:
        """Whether a person whose setting (:meth:`effective_mode`) is ``mode`` is sent
        ``step``."""
        return mode_allows(mode, step.kind)

    @staticmethod
    def escalates(audiences: Collection[Audience], working_days_late: int) -> bool:
        """Whether work ``working_days_late`` working days late is reported to a person
        in ``audiences``: to a head of the lead unit after 3, to the chairman after 7."""
        return any(
            working_days_late >= after
            for audience, after in _ESCALATE_AFTER.items()
            if audience in audiences
        )

    def digest_group(
        self,
        audiences: Collection[Audience],
        mode: str,
        *,
        overdue: bool,
        working_days_late: int,
    ) -> DigestGroup | None:
        """Where an occurrence goes in the digest of a person in ``audiences`` whose
        setting is ``mode``; None when it is not in it. The lead units hear of their work,
        late or coming; a coordinating unit only of work still coming; a head or the
        chairman of work late long enough to be escalated, whatever their own setting
        short of "off"."""
        if mode == "all" and "lead" in audiences:
            return "overdue" if overdue else "soon"
        if mode == "all" and "coordinating" in audiences and not overdue:
            return "soon"
        if mode != "off" and self.escalates(audiences, working_days_late):
            return "escalated"
        return None

    def digest_until(self, day: dt.date) -> dt.datetime:
        """The last moment a deadline may fall for ``day``'s digest to list it as coming."""
        return day_end(day + dt.timedelta(days=self.digest_days), self.tz)

    # ----------------------------------------------------------------- time helpers

    def _at(self, day: dt.date, moment: dt.time) -> dt.datetime:
        return dt.datetime.combine(day, moment, tzinfo=self.tz)

    def allowed(self, at: dt.datetime) -> dt.datetime:
        """``at``, or the next moment a message may go out (07:00–18:00 on a working day)."""
        local = at.astimezone(self.tz)
        day = local.date()
        if self.calendar.is_working_day(day) and QUIET_END <= local.time() < QUIET_START:
            return local
        if self.calendar.is_working_day(day) and local.time() < QUIET_END:
            return self._at(day, QUIET_END)
        following = self.calendar.next_working_day(day + dt.timedelta(days=1))
        return self._at(following, QUIET_END)

    def digest_day(self, now: dt.datetime) -> dt.date | None:
        """The day whose digest is due at ``now``: a working day from 07:30 until the
        quiet hours begin; None otherwise (a digest not sent by then is not sent)."""
        local = now.astimezone(self.tz)
        if self.calendar.is_working_day(local.date()) and DIGEST_TIME <= local.time() < QUIET_START:
            return local.date()
        return None

    def working_days_late(self, deadline: Deadline, now: dt.datetime) -> int:
        """How many working days after its deadline day ``now`` falls (0 when not late)."""
        end = deadline.due_at or day_end(deadline.due, self.tz)
        return _working_days_late(self.calendar, end, now, self.tz)

    # ----------------------------------------------------------------- the ladder

    def steps(self, deadline: Deadline, until: dt.datetime) -> list[Step]:
        """Every step up to ``until`` (inclusive), then the first one after it, in order."""
        out: list[Step] = []
        for step in self._ladder(deadline):
            out.append(step)
            if step.at > until:
                break
        return out

    def pending(
        self, deadline: Deadline, after: dt.datetime | None, now: dt.datetime
    ) -> tuple[list[Step], dt.datetime | None]:
        """The steps that fell due in (``after``, ``now``], and when the next one falls.
        Once the deadline has passed, a step that speaks of it as coming ("two hours
        left", held through the night) is not sent any more."""
        due: list[Step] = []
        following: dt.datetime | None = None
        passed = now > (deadline.due_at or day_end(deadline.due, self.tz))
        for step in self.steps(deadline, now):
            if step.at > now:
                following = step.at
            elif (after is None or step.at > after) and not (
                passed and step.kind in ("before", "timed")
            ):
                due.append(step)
        return due, following

    def _ladder(self, deadline: Deadline) -> Iterator[Step]:
        """The steps in time order; overdue steps go on without end. A deadline started
        by an event has no step before the event is recorded, and one at once."""
        first = sorted(self._before_steps(deadline), key=_order)
        steps = heapq.merge(first, self._late_steps(deadline), key=_order)
        if deadline.event_at is None:
            yield from steps
            return
        event = Step("event", self.allowed(deadline.event_at), "event", _EVERYONE)
        yielded = False
        for step in steps:
            if step.at <= deadline.event_at:
                continue
            if not yielded and _order(event) <= _order(step):
                yield event
                yielded = True
            yield step

    def calendar_alarm(self, deadline: Deadline) -> dt.datetime:
        """The one alarm a calendar entry carries: the step the day before (15:00 for a
        timed deadline, 08:00 one working day before a date), else the morning of it."""
        steps = {step.name: step for step in self._before_steps(deadline)}
        for name in ("eve", "before-1", "due"):
            if name in steps:
                return steps[name].at
        return self._at(deadline.due, MORNING)

    def _before_steps(self, deadline: Deadline) -> list[Step]:
        calendar = self.calendar
        if deadline.due_at is not None:
            due_at = deadline.due_at.astimezone(self.tz)
            eve_day = calendar.add_working_days(due_at.date(), -1)
            steps = [Step("eve", self._at(eve_day, EVE), "timed", _EVERYONE)]
            two_hours = due_at - TIMED_LEAD
            # The same-day step may break the quiet hours; one that would fall the day
            # before is left to the eve step.
            if two_hours.date() == due_at.date():
                steps.append(Step("2h", two_hours, "timed", _EVERYONE))
            return steps
        steps = [
            Step(f"before-{n}", self._at(calendar.add_working_days(deadline.due, -n), MORNING),
                 "before", _EVERYONE)
            for n in BEFORE_DAYS
        ]  # fmt: skip
        on_day = calendar.previous_working_day(deadline.due)
        steps = [s for s in steps if s.at.date() != on_day]
        steps.append(Step("due", self._at(on_day, MORNING), "before", _EVERYONE))
        return steps

    def _late_steps(self, deadline: Deadline) -> Iterator[Step]:
        calendar = self.calendar
        day = deadline.due_at.astimezone(self.tz).date() if deadline.due_at else deadline.due
        escalations = [
            Step(f"escalate-{audience}", self._at(calendar.add_working_days(day, after), MORNING),
                 "escalation", frozenset((audience,)))
            for audience, after in _ESCALATE_AFTER.items()
        ]  # fmt: skip
        overdue_day = calendar.add_working_days(day, 1)
        number = 1
        while True:
            step = Step(f"overdue-{number}", self._at(overdue_day, MORNING), "overdue", _LEAD)
            while escalations and _order(escalations[0]) <= _order(step):
                yield escalations.pop(0)
            yield step
            number += 1
            overdue_day = calendar.add_working_days(overdue_day, OVERDUE_EVERY)


def _order(step: Step) -> tuple[dt.datetime, int]:
    return step.at, _PRIORITY[step.kind]


def latest_for(steps: Sequence[Step], audiences: Iterable[Audience]) -> Step | None:
    """The one step a recipient in ``audiences`` is sent of ``steps`` (the latest, the
    more pressing at a tie); None when none of them is for them."""
    wanted = set(audiences)
    mine = [s for s in steps if s.audiences & wanted]
    return max(mine, key=_order) if mine else None


_STRICTNESS: dict[str, int] = {"all": 0, "escalations": 1, "off": 2}


def effective_mode(*modes: str | None) -> Mode:
    """The strictest of the plan's, the task's and the person's settings."""
    given = [m for m in modes if m]
    strictest = max(given, key=lambda m: _STRICTNESS[m], default="all")
    return strictest  # type: ignore[return-value]


def mode_allows(mode: str, kind: StepKind) -> bool:
    """Whether ``mode`` lets a step of ``kind`` through: "escalations" only escalations."""
    if mode == "off":
        return False
    if mode == "escalations":
        return kind == "escalation"
    return True


def hears_of_extension(mode: str) -> bool:
    """Whether ``mode`` lets through what an extension request asks of one person: to
    an approver, a request waiting for their decision; to the requester, the decision.
    Each is addressed to that person and asks something of them, as a report of late
    work does, so "escalations" lets it through; "off" (a plan's or a task's) does not."""
    return mode != "off"
