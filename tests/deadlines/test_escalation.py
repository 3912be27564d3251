"""How late work is, and who has been told by then: the rule the reports and the
reminder ladder share, on the official 2026 calendar (Tết off 16–20/02; 30/04 and 01/05
off)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tracker.deadlines.escalation import escalation_at, working_days_late, working_days_late_each
from tracker.deadlines.moments import day_end
from tracker.notify.policy import Deadline, ReminderPolicy
from tracker.schedule.workdays import WorkCalendar

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def at(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%d/%m/%Y %H:%M").replace(tzinfo=TZ)


@pytest.mark.parametrize(
    ("deadline", "now", "late"),
    [
        ("13/02/2026 23:59", "13/02/2026 23:00", 0),  # not passed yet
        ("13/02/2026 23:59", "20/02/2026 10:00", 0),  # only Tết and a weekend since
        ("13/02/2026 23:59", "23/02/2026 10:00", 1),  # the first working day after Tết
        ("13/02/2026 23:59", "04/03/2026 08:00", 8),
        ("29/04/2026 23:59", "04/05/2026 08:00", 1),  # 30/04, 01/05 and the weekend off
        ("09/04/2026 16:15", "09/04/2026 17:00", 0),  # a timed deadline passed today
        ("09/04/2026 16:15", "14/04/2026 08:00", 3),
    ],
)
def test_working_days_late_skips_the_days_off(
    calendar: WorkCalendar, deadline: str, now: str, late: int
) -> None:
    assert working_days_late(calendar, at(deadline), at(now), TZ) == late


def test_many_deadlines_at_once_count_as_one_at_a_time(calendar: WorkCalendar) -> None:
    now = at("04/05/2026 09:00")
    deadlines = [
        at("31/12/2025 23:59"), at("13/02/2026 23:59"), at("23/04/2026 16:15"),
        at("29/04/2026 23:59"), at("04/05/2026 08:00"), at("04/05/2026 16:15"),
        at("12/05/2026 23:59"),
    ]  # fmt: skip
    assert working_days_late_each(calendar, deadlines, now, TZ) == [
        working_days_late(calendar, deadline, now, TZ) for deadline in deadlines
    ]
    assert working_days_late_each(calendar, [], now, TZ) == []


@pytest.mark.parametrize(
    ("late", "who"),
    [(0, None), (2, None), (3, "head"), (6, "head"), (7, "chairman"), (40, "chairman")],
)
def test_escalation_climbs_to_the_head_then_the_chairman(late: int, who: str | None) -> None:
    assert escalation_at(late) == who


def test_the_reminder_ladder_escalates_when_the_rule_says(calendar: WorkCalendar) -> None:
    """Each escalation step of the ladder falls on the morning the rule first names its
    audience, and the policy counts lateness as the rule does."""
    policy = ReminderPolicy(calendar, TZ)
    due = dt.date(2026, 2, 13)
    steps = policy.steps(Deadline(due), at("31/03/2026 00:00"))
    escalations = {s.name.removeprefix("escalate-"): s.at for s in steps if s.kind == "escalation"}
    assert set(escalations) == {"head", "chairman"}
    for who, moment in escalations.items():
        late = working_days_late(calendar, day_end(due, TZ), moment, TZ)
        assert escalation_at(late) == who
        assert escalation_at(late - 1) != who
        assert policy.working_days_late(Deadline(due), moment) == late
