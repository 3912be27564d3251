"""How late work is, and to whom it has been reported by then (pure).

Late work climbs: after 3 working days overdue the head of the lead unit is told, after 7
the commune's chairman. The numbers live here, below both the reminder policy
(:mod:`tracker.notify.policy`, which sends the escalations) and the compliance reports
(:mod:`tracker.reports.overdue`, which say who has been told), so that the two, which may
not import each other, can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Literal
from zoneinfo import ZoneInfo

from tracker.schedule.workdays import WorkCalendar

__all__ = [
    "ESCALATE_AFTER",
    "ESCALATE_CHAIRMAN_AFTER",
    "ESCALATE_HEAD_AFTER",
    "Escalation",
    "escalation_at",
    "working_days_late",
    "working_days_late_each",
]

Escalation = Literal["head", "chairman"]

ESCALATE_HEAD_AFTER = 3
ESCALATE_CHAIRMAN_AFTER = 7
# Who is told of late work, after how many working days, lowest first.
ESCALATE_AFTER: Mapping[Escalation, int] = MappingProxyType(
    {"head": ESCALATE_HEAD_AFTER, "chairman": ESCALATE_CHAIRMAN_AFTER}
)


def working_days_late(
    calendar: WorkCalendar, deadline: dt.datetime, now: dt.datetime, tz: ZoneInfo
) -> int:
    """How many working days after the deadline's local day ``now`` falls; 0 until the
    working deadline ``deadline`` has passed."""
    if now <= deadline:
        return 0
    day = deadline.astimezone(tz).date()
    return max(0, calendar.working_days_between(day, now.astimezone(tz).date()))


def working_days_late_each(
    calendar: WorkCalendar, deadlines: Sequence[dt.datetime], now: dt.datetime, tz: ZoneInfo
) -> list[int]:
    """:func:`working_days_late` of many deadlines at one moment, each day of the span
    looked at once (a list of overdue work reaching back years stays cheap)."""
    today = now.astimezone(tz).date()
    days = [deadline.astimezone(tz).date() for deadline in deadlines]
    first = min(days, default=today)
    # worked[i]: the working days after ``first`` up to and including ``first + i``.
    worked = [0]
    for offset in range(1, (today - first).days + 1):
        worked.append(worked[-1] + calendar.is_working_day(first + dt.timedelta(days=offset)))
    return [
        0 if now <= deadline else max(0, worked[-1] - worked[(day - first).days])
        for deadline, day in zip(deadlines, days, strict=True)
    ]


def escalation_at(late: int) -> Escalation | None:
    """The highest step work ``late`` working days late has been reported to; None
    before the first."""
    reached = [who for who, after in ESCALATE_AFTER.items() if late >= after]
    return reached[-1] if reached else None
