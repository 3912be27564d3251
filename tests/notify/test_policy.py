"""The reminder ladder, table-driven on the official calendar with the clock fixed.

2026: Tết off 16–20/02; Giỗ Tổ observed Monday 27/04; 30/04 and 01/05 off; Saturday
22/08 worked to make up for Monday 31/08; 01–02/09 off.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tracker.notify.policy import (
    LOOKAHEAD,
    Audience,
    Deadline,
    DigestGroup,
    ReminderPolicy,
    Step,
    StepKind,
    effective_mode,
    latest_for,
    mode_allows,
)
from tracker.schedule.workdays import WorkCalendar

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def at(text: str) -> dt.datetime:
    """ "08/04/2026 15:00" in local time."""
    return dt.datetime.strptime(text, "%d/%m/%Y %H:%M").replace(tzinfo=TZ)


def day(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


@pytest.fixture(scope="module")
def policy(calendar: WorkCalendar) -> ReminderPolicy:
    return ReminderPolicy(calendar, TZ)


def ladder(policy: ReminderPolicy, deadline: Deadline, until: str) -> list[str]:
    return [f"{s.name} {s.at:%a %d/%m %H:%M}" for s in policy.steps(deadline, at(until))]


LADDERS = [
    pytest.param(
        Deadline(day("24/02/2026")), "06/03/2026 00:00",
        ["before-7 Fri 06/02 08:00", "before-3 Thu 12/02 08:00", "before-1 Mon 23/02 08:00",
         "due Tue 24/02 08:00", "overdue-1 Wed 25/02 08:00", "escalate-head Fri 27/02 08:00",
         "overdue-2 Mon 02/03 08:00", "overdue-3 Thu 05/03 08:00",
         "escalate-chairman Thu 05/03 08:00", "overdue-4 Tue 10/03 08:00"],
        id="a date deadline after Tết: the week off is skipped both ways",
    ),
    pytest.param(
        Deadline(day("03/09/2026")), "03/09/2026 12:00",
        ["before-7 Fri 21/08 08:00", "before-3 Wed 26/08 08:00", "before-1 Fri 28/08 08:00",
         "due Thu 03/09 08:00", "overdue-1 Fri 04/09 08:00"],
        id="a make-up Saturday (22/08) counts; 31/08, 01/09 and 02/09 do not",
    ),
    pytest.param(
        Deadline(day("24/08/2026")), "24/08/2026 12:00",
        ["before-7 Fri 14/08 08:00", "before-3 Thu 20/08 08:00", "before-1 Sat 22/08 08:00",
         "due Mon 24/08 08:00", "overdue-1 Tue 25/08 08:00"],
        id="the reminder the day before falls on the worked Saturday",
    ),
    pytest.param(
        Deadline(day("15/03/2026")), "17/03/2026 00:00",
        ["before-7 Thu 05/03 08:00", "before-3 Wed 11/03 08:00", "due Fri 13/03 08:00",
         "overdue-1 Mon 16/03 08:00", "escalate-head Wed 18/03 08:00"],
        id="a deadline on a Sunday is announced on the Friday, once",
    ),
    pytest.param(
        Deadline(day("09/04/2026"), at("09/04/2026 16:15")), "21/04/2026 00:00",
        ["eve Wed 08/04 15:00", "2h Thu 09/04 14:15", "overdue-1 Fri 10/04 08:00",
         "escalate-head Tue 14/04 08:00", "overdue-2 Wed 15/04 08:00",
         "overdue-3 Mon 20/04 08:00", "escalate-chairman Mon 20/04 08:00",
         "overdue-4 Thu 23/04 08:00"],
        id="the Thursday 16:15 weekly report",
    ),
    pytest.param(
        Deadline(day("04/05/2026"), at("04/05/2026 16:15")), "04/05/2026 17:00",
        ["eve Wed 29/04 15:00", "2h Mon 04/05 14:15", "overdue-1 Tue 05/05 08:00"],
        id="the report moved off 30/04: the eve is the last working day before the holidays",
    ),
    pytest.param(
        Deadline(day("10/04/2026"), at("10/04/2026 08:00")), "10/04/2026 08:00",
        ["eve Thu 09/04 15:00", "2h Fri 10/04 06:00", "overdue-1 Mon 13/04 08:00"],
        id="a deadline at 08:00: the same-day step may break the quiet hours",
    ),
    pytest.param(
        Deadline(day("20/03/2026"), event_at=at("13/03/2026 20:05")), "23/03/2026 12:00",
        ["event Mon 16/03 07:00", "before-3 Tue 17/03 08:00", "before-1 Thu 19/03 08:00",
         "due Fri 20/03 08:00", "overdue-1 Mon 23/03 08:00", "escalate-head Wed 25/03 08:00"],
        id="an event recorded on Friday evening: at once means Monday 07:00; no step before it",
    ),
    pytest.param(
        Deadline(day("20/03/2026"), event_at=at("24/03/2026 10:00")), "30/03/2026 12:00",
        ["event Tue 24/03 10:00", "escalate-head Wed 25/03 08:00", "overdue-2 Thu 26/03 08:00",
         "overdue-3 Tue 31/03 08:00"],
        id="an event recorded after its deadline: at once, then the late steps still to come",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("deadline", "until", "expected"), LADDERS)
def test_the_ladder(
    policy: ReminderPolicy, deadline: Deadline, until: str, expected: list[str]
) -> None:
    assert ladder(policy, deadline, until) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("08/04/2026 15:00", "08/04/2026 15:00"),  # working hours
        ("08/04/2026 06:30", "08/04/2026 07:00"),  # before 07:00
        ("08/04/2026 18:00", "09/04/2026 07:00"),  # from 18:00
        ("10/04/2026 19:30", "13/04/2026 07:00"),  # Friday evening → Monday
        ("11/04/2026 10:00", "13/04/2026 07:00"),  # Saturday
        ("17/02/2026 09:00", "23/02/2026 07:00"),  # Tết
        ("29/04/2026 18:30", "04/05/2026 07:00"),  # before 30/04 and 01/05
        ("22/08/2026 09:00", "22/08/2026 09:00"),  # the make-up Saturday is worked
    ],
)
def test_quiet_hours_and_days_off(policy: ReminderPolicy, moment: str, expected: str) -> None:
    assert policy.allowed(at(moment)) == at(expected)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("08/04/2026 07:29", None),
        ("08/04/2026 07:30", "08/04/2026"),
        ("08/04/2026 17:59", "08/04/2026"),
        ("08/04/2026 18:00", None),
        ("11/04/2026 08:00", None),  # Saturday
        ("22/08/2026 08:00", "22/08/2026"),  # make-up Saturday
        ("18/02/2026 08:00", None),  # Tết
    ],
)
def test_the_digest_day(policy: ReminderPolicy, moment: str, expected: str | None) -> None:
    assert policy.digest_day(at(moment)) == (day(expected) if expected else None)


def test_pending_is_the_window_since_the_last_pass_and_the_next_step(
    policy: ReminderPolicy,
) -> None:
    report = Deadline(day("09/04/2026"), at("09/04/2026 16:15"))
    steps, following = policy.pending(report, None, at("08/04/2026 15:00"))
    assert [s.name for s in steps] == ["eve"]
    assert following == at("09/04/2026 14:15")
    steps, following = policy.pending(report, at("08/04/2026 15:00"), at("08/04/2026 15:01"))
    assert (steps, following) == ([], at("09/04/2026 14:15"))
    # Down from Wednesday to Monday 20/04: six steps missed; "two hours left" is stale
    # once the deadline has passed, and is not sent.
    steps, following = policy.pending(report, at("08/04/2026 15:01"), at("20/04/2026 09:00"))
    assert [s.name for s in steps] == [
        "overdue-1", "escalate-head", "overdue-2", "overdue-3", "escalate-chairman",
    ]  # fmt: skip
    assert following == at("23/04/2026 08:00")


def test_a_missed_backlog_gives_each_recipient_only_the_latest_step(policy: ReminderPolicy) -> None:
    report = Deadline(day("09/04/2026"), at("09/04/2026 16:15"))
    steps, _ = policy.pending(report, None, at("20/04/2026 09:00"))
    latest = {
        who: step.name if (step := latest_for(steps, audiences)) else None
        for who, audiences in {
            "lead": {"lead"},
            "coordinating": {"coordinating"},
            "head": {"head"},
            "chairman": {"chairman"},
            "head who is also of the lead unit": {"lead", "head"},
            "chairman who leads the work": {"lead", "chairman"},
        }.items()
    }
    assert latest == {
        "lead": "overdue-3",
        "coordinating": None,  # its steps all spoke of a deadline now past
        "head": "escalate-head",
        "chairman": "escalate-chairman",
        "head who is also of the lead unit": "overdue-3",
        "chairman who leads the work": "escalate-chairman",  # the more pressing at a tie
    }


def test_a_step_before_the_deadline_is_dropped_once_the_deadline_has_passed(
    policy: ReminderPolicy,
) -> None:
    report = Deadline(day("09/04/2026"), at("09/04/2026 16:15"))
    # Held through a quiet evening, "two hours left" would arrive the next morning.
    steps, _ = policy.pending(report, at("09/04/2026 14:00"), at("09/04/2026 16:10"))
    assert [s.name for s in steps] == ["2h"]
    steps, _ = policy.pending(report, at("09/04/2026 14:00"), at("10/04/2026 07:00"))
    assert steps == []
    letter = Deadline(day("10/04/2026"))
    steps, _ = policy.pending(letter, at("09/04/2026 09:00"), at("10/04/2026 23:00"))
    assert [s.name for s in steps] == ["due"]  # the day is not over yet
    steps, _ = policy.pending(letter, at("09/04/2026 09:00"), at("13/04/2026 08:00"))
    assert [s.name for s in steps] == ["overdue-1"]


def test_working_days_late(policy: ReminderPolicy) -> None:
    deadline = Deadline(day("24/02/2026"))
    assert policy.working_days_late(deadline, at("24/02/2026 17:00")) == 0
    assert policy.working_days_late(deadline, at("25/02/2026 08:00")) == 1
    assert policy.working_days_late(deadline, at("02/03/2026 08:00")) == 4
    timed = Deadline(day("09/04/2026"), at("09/04/2026 16:15"))
    assert policy.working_days_late(timed, at("09/04/2026 16:00")) == 0
    assert policy.working_days_late(timed, at("14/04/2026 08:00")) == 3


def test_step_numbers() -> None:
    def step(name: str) -> Step:
        return Step(name, at("08/04/2026 08:00"), "overdue", frozenset({"lead"}))

    assert [step(n).overdue_days for n in ("overdue-1", "overdue-2", "overdue-3")] == [1, 4, 7]
    assert step("escalate-head").overdue_days == 3
    assert step("escalate-chairman").overdue_days == 7
    assert step("before-7").days_left == 7


@pytest.mark.parametrize(
    ("modes", "expected"),
    [
        ((None, None, None), "all"),
        (("all", None, "escalations"), "escalations"),
        (("off", None, "all"), "off"),
        ((None, "escalations", None), "escalations"),
        (("escalations", "off", None), "off"),
    ],
)
def test_the_strictest_setting_wins(modes: tuple[str | None, ...], expected: str) -> None:
    assert effective_mode(*modes) == expected


def test_what_each_mode_lets_through() -> None:
    kinds = ("before", "timed", "event", "overdue", "escalation")
    assert [k for k in kinds if mode_allows("all", k)] == list(kinds)  # type: ignore[arg-type]
    assert [k for k in kinds if mode_allows("escalations", k)] == ["escalation"]  # type: ignore[arg-type]
    assert [k for k in kinds if mode_allows("off", k)] == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("mode", "kind", "heard"),
    [
        ("all", "before", True),
        ("all", "escalation", True),
        ("escalations", "overdue", False),
        ("escalations", "escalation", True),
        ("off", "escalation", False),
    ],
)
def test_who_hears_a_step_by_their_setting(
    policy: ReminderPolicy, mode: str, kind: StepKind, heard: bool
) -> None:
    step = Step("x", at("08/04/2026 08:00"), kind, frozenset({"lead"}))
    assert policy.hears(mode, step) is heard


@pytest.mark.parametrize(
    ("audiences", "late", "escalated"),
    [
        ({"head"}, 2, False),
        ({"head"}, 3, True),
        ({"chairman"}, 6, False),
        ({"chairman"}, 7, True),
        ({"lead"}, 30, False),  # the lead unit hears of it as overdue, not escalated
        ({"coordinating"}, 30, False),
        ({"lead", "head"}, 3, True),
    ],
)
def test_late_work_escalates_to_the_head_after_3_working_days_and_the_chairman_after_7(
    audiences: set[Audience], late: int, escalated: bool
) -> None:
    assert ReminderPolicy.escalates(audiences, late) is escalated


@pytest.mark.parametrize(
    ("audiences", "mode", "overdue", "late", "group"),
    [
        ({"lead"}, "all", False, 0, "soon"),
        ({"lead"}, "all", True, 1, "overdue"),
        ({"lead"}, "escalations", True, 5, None),
        ({"coordinating"}, "all", False, 0, "soon"),
        ({"coordinating"}, "all", True, 1, None),  # only work still coming
        ({"head"}, "all", True, 2, None),
        ({"head"}, "escalations", True, 3, "escalated"),
        ({"chairman"}, "all", True, 6, None),
        ({"chairman"}, "all", True, 7, "escalated"),
        ({"chairman"}, "off", True, 7, None),
        ({"lead", "head"}, "escalations", True, 3, "escalated"),
    ],
)
def test_what_goes_in_a_persons_digest(
    policy: ReminderPolicy,
    audiences: set[Audience],
    mode: str,
    overdue: bool,
    late: int,
    group: DigestGroup | None,
) -> None:
    assert policy.digest_group(audiences, mode, overdue=overdue, working_days_late=late) == group


def test_a_digest_lists_what_falls_due_within_seven_days(policy: ReminderPolicy) -> None:
    assert policy.digest_days == 7
    assert policy.digest_until(day("08/04/2026")) == _end_of(day("15/04/2026"))


def _end_of(due: dt.date) -> dt.datetime:
    return dt.datetime.combine(due, dt.time(23, 59, 59), tzinfo=TZ)


TIMES = (dt.time(0, 30), dt.time(8, 0), dt.time(16, 15), dt.time(23, 59))


def test_the_look_ahead_comes_before_the_first_step_of_every_deadline_of_2026(
    policy: ReminderPolicy,
) -> None:
    """The pass first looks at an occurrence ``LOOKAHEAD`` before its deadline (the end of
    a date deadline's day, or a timed deadline's moment): that must not be after the first
    step of its ladder, for a deadline on any day of the year, Tết included."""
    assert ReminderPolicy.LOOKAHEAD == LOOKAHEAD == dt.timedelta(days=21)
    long_ago = at("01/01/2000 00:00")
    tightest = dt.timedelta(days=21)
    due = dt.date(2026, 1, 1)
    while due.year == 2026:
        deadlines = [(Deadline(due), _end_of(due))] + [
            (Deadline(due, moment), moment)
            for moment in (dt.datetime.combine(due, t, tzinfo=TZ) for t in TIMES)
        ]
        for deadline, deadline_at in deadlines:
            first = policy.steps(deadline, long_ago)[0]
            assert deadline_at - LOOKAHEAD <= first.at, (deadline, first)
            tightest = min(tightest, first.at - (deadline_at - LOOKAHEAD))
        due += dt.timedelta(days=1)
    # Tết 2026 is the tightest: a deadline on 24/02 has its before-7 on 06/02 08:00,
    # 18 days and 16 hours before the end of its day.
    assert tightest == LOOKAHEAD - dt.timedelta(days=18, hours=15, minutes=59, seconds=59)
