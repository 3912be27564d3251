"""The schedule engine: the five kinds, times and windows, stable keys, re-expansion."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.errors import ScheduleError
from tracker.schedule.expand import EventFact, expand
from tracker.schedule.reconcile import ExistingOccurrence, reconcile
from tracker.schedule.rules import Rule, parse_rrule, rules_from_dicts
from tracker.schedule.workdays import WorkCalendar

D = date


def rules(*items: dict[str, object]) -> list[Rule]:
    return rules_from_dicts(items, where="test")  # type: ignore[arg-type]


def run(calendar: WorkCalendar, items: list[Rule], start: date, end: date, events=()):  # type: ignore[no-untyped-def]
    return expand(items, period_start=start, period_end=end, calendar=calendar, events=events)


# --------------------------------------------------------------------------- deadline


def test_a_deadline_gives_one_occurrence_on_its_date_unmoved_by_default(
    calendar: WorkCalendar,
) -> None:
    [occ] = run(
        calendar, rules({"kind": "deadline", "due": "2023-09-30"}), D(2023, 1, 1), D(2023, 12, 31)
    )
    assert (occ.key, occ.due_date, occ.moved_reason) == (
        "r1",
        D(2023, 9, 30),
        "",
    )  # a Saturday, kept
    assert occ.label == "Hạn 30/09/2023"


def test_a_deadline_with_holiday_policy_next_moves_off_a_day_off(calendar: WorkCalendar) -> None:
    [occ] = run(
        calendar,
        rules({"kind": "deadline", "due": "2026-04-30", "holiday": "next"}),
        D(2026, 1, 1),
        D(2026, 12, 31),
    )
    assert occ.due_date == D(2026, 5, 4)
    assert occ.nominal_date == D(2026, 4, 30)
    assert occ.moved_reason == (
        "30/04/2026 là ngày nghỉ (Ngày Chiến thắng và Quốc tế Lao động), chuyển sang 04/05/2026."
    )


@pytest.mark.parametrize(
    ("start", "due", "label"),
    [
        ("2024-01-01", "2024-01-31", "Tháng 01/2024"),
        ("2023-04-01", "2023-06-30", "Quý II/2023"),
        ("2026-09-01", "2026-09-10", "01/09/2026 – 10/09/2026"),
    ],
)
def test_a_deadline_window_is_named_by_its_month_or_quarter(
    calendar: WorkCalendar, start: str, due: str, label: str
) -> None:
    [occ] = run(
        calendar,
        rules({"kind": "deadline", "start": start, "due": due}),
        D(2020, 1, 1),
        D(2030, 1, 1),
    )
    assert occ.start_date == D.fromisoformat(start)
    assert occ.label == label


def test_deadlines_per_assignee_are_two_occurrences_with_their_own_keys(
    calendar: WorkCalendar,
) -> None:
    items = rules(
        {"kind": "deadline", "key": "ubnd", "due": "2023-03-10", "assignee": "xa"},
        {"kind": "deadline", "key": "cong-chuc", "due": "2023-03-15", "assignee": "cc"},
    )
    occs = run(calendar, items, D(2023, 2, 28), D(2023, 12, 31))
    assert [(o.key, o.due_date, o.assignee) for o in occs] == [
        ("ubnd", D(2023, 3, 10), "xa"),
        ("cong-chuc", D(2023, 3, 15), "cc"),
    ]


# --------------------------------------------------------------------------- recurring


def test_weekly_thursday_report_from_16_00_to_16_15(calendar: WorkCalendar) -> None:
    items = rules(
        {
            "kind": "recurring",
            "rrule": "FREQ=WEEKLY;BYDAY=TH",
            "start_time": "16:00",
            "due_time": "16:15",
        }
    )
    occs = run(calendar, items, D(2026, 3, 1), D(2026, 4, 30))
    assert [o.due_date for o in occs] == [
        D(2026, 3, 5), D(2026, 3, 12), D(2026, 3, 19), D(2026, 3, 26),
        D(2026, 4, 2), D(2026, 4, 9), D(2026, 4, 16), D(2026, 4, 23),
        D(2026, 5, 4),  # Thursday 30/04 is a holiday, and so is Friday 01/05
    ]  # fmt: skip
    assert all((o.start_time, o.due_time) == (time(16, 0), time(16, 15)) for o in occs)
    assert all(o.start_date == o.due_date for o in occs)
    assert occs[5].key == "r1:2026-W15"
    assert occs[5].label == "Tuần 15/2026"


def test_quarterly_on_the_17th_of_the_last_month_moves_off_weekends(calendar: WorkCalendar) -> None:
    items = rules({"kind": "recurring", "rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=17"})
    occs = run(calendar, items, D(2023, 2, 28), D(2023, 12, 31))
    assert [(o.key, o.label, o.due_date) for o in occs] == [
        ("r1:2023-Q1", "Quý I/2023", D(2023, 3, 17)),
        ("r1:2023-Q2", "Quý II/2023", D(2023, 6, 19)),
        ("r1:2023-Q3", "Quý III/2023", D(2023, 9, 18)),
        ("r1:2023-Q4", "Quý IV/2023", D(2023, 12, 18)),
    ]


def test_an_rrule_crossing_the_year_end_keeps_one_key_per_period(calendar: WorkCalendar) -> None:
    weekly = rules({"kind": "recurring", "rrule": "FREQ=WEEKLY;BYDAY=MO"})
    occs = run(calendar, weekly, D(2025, 12, 15), D(2026, 1, 12))
    # 29/12/2025 belongs to ISO week 1 of 2026; 05/01/2026 to week 2.
    assert [(o.key, o.due_date) for o in occs] == [
        ("r1:2025-W51", D(2025, 12, 15)),
        ("r1:2025-W52", D(2025, 12, 22)),
        ("r1:2026-W01", D(2025, 12, 29)),
        ("r1:2026-W02", D(2026, 1, 5)),
        ("r1:2026-W03", D(2026, 1, 12)),
    ]
    monthly = rules({"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=-1"})
    occs = run(calendar, monthly, D(2025, 11, 1), D(2026, 2, 28))
    assert [(o.key, o.nominal_date, o.due_date) for o in occs] == [
        ("r1:2025-11", D(2025, 11, 30), D(2025, 12, 1)),  # a Sunday
        ("r1:2025-12", D(2025, 12, 31), D(2025, 12, 31)),  # a Wednesday
        ("r1:2026-01", D(2026, 1, 31), D(2026, 2, 2)),  # a Saturday
        ("r1:2026-02", D(2026, 2, 28), D(2026, 3, 2)),  # a Saturday
    ]


def test_two_dates_in_one_period_get_distinct_keys(calendar: WorkCalendar) -> None:
    items = rules(
        {"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=15,25", "holiday": "none"}
    )
    occs = run(calendar, items, D(2026, 3, 1), D(2026, 3, 31))
    assert [o.key for o in occs] == ["r1:2026-03", "r1:2026-03.2"]


def test_recurring_is_clipped_to_the_plan_period(calendar: WorkCalendar) -> None:
    items = rules({"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=5"})
    occs = run(calendar, items, D(2023, 2, 28), D(2023, 5, 31))
    assert [o.nominal_date for o in occs] == [D(2023, 3, 5), D(2023, 4, 5), D(2023, 5, 5)]
    assert occs[0].due_date == D(2023, 3, 6)  # Sunday → Monday


# --------------------------------------------------------------------------- relative, on demand


def test_a_relative_window_5_to_7_days_after_each_publication_decision(
    calendar: WorkCalendar,
) -> None:
    items = rules({"kind": "relative", "event": "qd_cong_bo_tthc", "start_offset": 5, "offset": 7})
    events = [
        EventFact(key="11", kind="qd_cong_bo_tthc", on=D(2022, 6, 1), label="QĐ 1234/QĐ-UBND"),
        EventFact(key="12", kind="qd_cong_bo_tthc", on=D(2022, 8, 25)),
        EventFact(key="13", kind="pakn_tiep_nhan", on=D(2022, 6, 1)),
        EventFact(key="14", kind="qd_cong_bo_tthc", on=D(2021, 12, 1)),  # before the plan
    ]
    occs = run(calendar, items, D(2022, 3, 23), D(2022, 12, 31), events)
    assert [(o.key, o.start_date, o.due_date) for o in occs] == [
        ("r1:ev11", D(2022, 6, 6), D(2022, 6, 8)),
        ("r1:ev12", D(2022, 8, 30), D(2022, 9, 5)),  # 01/09 (Thu) to 04/09 off: due moves to Monday
    ]
    assert occs[0].label == "QĐ 1234/QĐ-UBND (01/06/2022)"


def test_a_relative_deadline_in_working_days_counts_across_tet(calendar: WorkCalendar) -> None:
    items = rules({"kind": "relative", "event": "pakn_tiep_nhan", "offset": 5, "days": "working"})
    events = [EventFact(key="1", kind="pakn_tiep_nhan", on=D(2026, 2, 12))]
    [occ] = run(calendar, items, D(2026, 1, 1), D(2026, 12, 31), events)
    assert occ.due_date == D(2026, 2, 26)


def test_one_day_before_a_dossier_falls_due_stays_before_it(calendar: WorkCalendar) -> None:
    items = rules({"kind": "relative", "event": "ho_so_den_han", "offset": -1})
    events = [EventFact(key="5", kind="ho_so_den_han", on=D(2026, 2, 23))]
    [occ] = run(calendar, items, D(2026, 1, 1), D(2026, 12, 31), events)
    assert occ.due_date == D(2026, 2, 13)  # 22/02 is Sunday and Tết precedes it


def test_on_demand_takes_the_due_date_of_the_request(calendar: WorkCalendar) -> None:
    items = rules({"kind": "on_demand"})
    events = [EventFact(key="9", kind="yeu_cau", on=D(2026, 5, 4), due=D(2026, 5, 9))]
    [occ] = run(calendar, items, D(2026, 1, 1), D(2026, 12, 31), events)
    assert (occ.key, occ.kind, occ.due_date) == ("r1:ev9", "on_demand", D(2026, 5, 11))


def test_continuous_gives_no_occurrence(calendar: WorkCalendar) -> None:
    assert run(calendar, rules({"kind": "continuous"}), D(2026, 1, 1), D(2026, 12, 31)) == []


def test_several_rules_per_task_are_merged_by_due_date(calendar: WorkCalendar) -> None:
    items = rules(
        {"kind": "recurring", "key": "quy", "rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=14"},
        {"kind": "recurring", "key": "nam", "rrule": "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=14"},
        {"kind": "on_demand", "key": "dot-xuat"},
        {"kind": "continuous"},
    )
    occs = run(calendar, items, D(2024, 1, 18), D(2024, 12, 31))
    assert [(o.key, o.due_date) for o in occs] == [
        ("quy:2024-Q1", D(2024, 3, 14)),
        ("quy:2024-Q2", D(2024, 6, 14)),
        ("quy:2024-Q3", D(2024, 9, 16)),
        ("nam:2024", D(2024, 12, 16)),
        ("quy:2024-Q4", D(2024, 12, 16)),
    ]


# --------------------------------------------------------------------------- re-expansion


def _store(occs, done=()):  # type: ignore[no-untyped-def]
    return [ExistingOccurrence(o.key, "done" if o.key in done else "open", o) for o in occs]


def test_re_expansion_after_an_edit_keeps_completed_occurrences(calendar: WorkCalendar) -> None:
    before = run(
        calendar,
        rules({"kind": "recurring", "rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=17"}),
        D(2023, 1, 1),
        D(2023, 12, 31),
    )
    stored = _store(before, done={"r1:2023-Q1"})
    after = run(
        calendar,
        rules({"kind": "recurring", "rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"}),
        D(2023, 1, 1),
        D(2023, 12, 31),
    )
    plan = reconcile(stored, after)
    assert plan.create == []
    assert plan.cancel == []
    assert plan.reopen == []
    assert [(s.key, s.due_date) for s in plan.update] == [
        ("r1:2023-Q2", D(2023, 6, 20)),
        ("r1:2023-Q3", D(2023, 9, 20)),
        ("r1:2023-Q4", D(2023, 12, 20)),
    ]  # Q1 was done against the 17th and stays as it was


def test_re_expanding_the_same_rules_changes_nothing(calendar: WorkCalendar) -> None:
    items = rules(
        {
            "kind": "recurring",
            "rrule": "FREQ=WEEKLY;BYDAY=TH",
            "start_time": "16:00",
            "due_time": "16:15",
        }
    )
    occs = run(calendar, items, D(2026, 3, 1), D(2026, 12, 31))
    assert not reconcile(_store(occs, done={occs[0].key}), occs).changed


def test_a_removed_rule_cancels_open_occurrences_and_keeps_done_ones(
    calendar: WorkCalendar,
) -> None:
    occs = run(
        calendar,
        rules({"kind": "recurring", "rrule": "FREQ=MONTHLY;BYMONTHDAY=5"}),
        D(2023, 3, 1),
        D(2023, 5, 31),
    )
    plan = reconcile(_store(occs, done={"r1:2023-03"}), [])
    assert plan.cancel == ["r1:2023-04", "r1:2023-05"]
    cancelled = [ExistingOccurrence(o.key, "cancelled", o) for o in occs[1:]]
    again = reconcile(cancelled, occs[1:])
    assert [s.key for s in again.reopen] == ["r1:2023-04", "r1:2023-05"]


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (
            {"kind": "weekly"},
            "test, quy tắc 1: loại lịch 'weekly' không hợp lệ; chỉ nhận deadline, recurring, relative, continuous, on_demand.",
        ),
        ({"kind": "deadline"}, "test, quy tắc 1: quy tắc hạn chót phải có ngày hết hạn (due)."),
        (
            {"kind": "deadline", "due": "31/8/2022"},
            "test, quy tắc 1, due: '31/8/2022' không phải ngày dạng YYYY-MM-DD.",
        ),
        (
            {"kind": "recurring", "rrule": "FREQ=FORTNIGHTLY"},
            "test, quy tắc 1: không đọc được RRULE 'FREQ=FORTNIGHTLY' (invalid 'FREQ': FORTNIGHTLY).",
        ),
        (
            {"kind": "relative", "offset": 3},
            "test, quy tắc 1: quy tắc tính từ sự kiện phải nêu loại sự kiện (event).",
        ),
        (
            {
                "kind": "recurring",
                "rrule": "FREQ=DAILY",
                "start_time": "16:15",
                "due_time": "16:00",
            },
            "test, quy tắc 1: giờ bắt đầu 16:15 muộn hơn giờ hết hạn 16:00.",
        ),
        (
            {"kind": "deadline", "due": "2022-08-31", "when": "soon"},
            "test, quy tắc 1: không có trường lịch when; các trường hợp lệ: assignee, days, due, due_time, event, holiday, key, kind, label, offset, period, rrule, start, start_offset, start_time, until.",
        ),
    ],
)
def test_a_malformed_rule_is_refused_with_a_sentence_naming_it(
    item: dict[str, object], message: str
) -> None:
    with pytest.raises(ScheduleError) as excinfo:
        rules(item)
    assert excinfo.value.message == message


def test_rules_round_trip_through_their_dict_form() -> None:
    original = rules(
        {
            "kind": "recurring",
            "key": "tuan",
            "label": "Báo cáo tuần",
            "rrule": "FREQ=WEEKLY;BYDAY=TH",
            "start_time": "16:00",
            "due_time": "16:15",
        },
        {"kind": "relative", "event": "qd_cong_bo_tthc", "start_offset": 5, "offset": 7},
        {"kind": "deadline", "due": "2023-03-10", "assignee": "an-giang.cho-moi.kien-an"},
    )
    again = rules_from_dicts([r.to_dict() for r in original], where="again")
    assert again == original
    assert original[0].to_dict() == {
        "kind": "recurring", "key": "tuan", "label": "Báo cáo tuần", "rrule": "FREQ=WEEKLY;BYDAY=TH",
        "start_time": "16:00", "due_time": "16:15",
    }  # fmt: skip


# --------------------------------------------------------------------------- properties


_RRULES = st.sampled_from(
    [
        "FREQ=WEEKLY;BYDAY=TH",
        "FREQ=WEEKLY;BYDAY=MO,FR",
        "FREQ=MONTHLY;BYMONTHDAY=5",
        "FREQ=MONTHLY;BYMONTHDAY=15,25",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=17",
        "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYDAY=2FR",
        "FREQ=DAILY;INTERVAL=10",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    rrule=_RRULES,
    start=st.dates(min_value=D(2022, 1, 1), max_value=D(2027, 6, 30)),
    length=st.integers(min_value=0, max_value=500),
    policy=st.sampled_from(["none", "next", "previous"]),
)
def test_expansion_keys_are_unique_and_dates_move_only_off_days_off(
    calendar: WorkCalendar, rrule: str, start: date, length: int, policy: str
) -> None:
    items = rules({"kind": "recurring", "rrule": rrule, "holiday": policy})
    occs = run(calendar, items, start, start + timedelta(days=length))
    assert len({o.key for o in occs}) == len(occs)
    for occ in occs:
        assert start <= occ.nominal_date <= start + timedelta(days=length)
        if occ.due_date != occ.nominal_date:
            assert policy != "none"
            assert not calendar.is_working_day(occ.nominal_date)
            assert calendar.is_working_day(occ.due_date)
    assert reconcile(_store(occs), occs).changed is False


def test_changing_nothing_but_a_label_updates_open_occurrences(calendar: WorkCalendar) -> None:
    items = rules({"kind": "deadline", "due": "2024-01-31", "start": "2024-01-01"})
    occs = run(calendar, items, D(2024, 1, 18), D(2024, 12, 31))
    relabelled = [replace(o, label="Ban hành kế hoạch") for o in occs]
    assert [s.label for s in reconcile(_store(occs), relabelled).update] == ["Ban hành kế hoạch"]


def test_a_weekly_day_in_a_holiday_week_moves_back_rather_than_onto_next_weeks(
    calendar: WorkCalendar,
) -> None:
    # Tết Bính Ngọ: 14/2–22/2/2026 off. Monday 16/2 moved to the next working day would be
    # Monday 23/2, which is already next week's deadline: it goes back to Friday 13/2.
    occurrences = expand(
        rules({"kind": "recurring", "rrule": "FREQ=WEEKLY;BYDAY=MO"}),
        period_start=D(2026, 2, 1),
        period_end=D(2026, 3, 1),
        calendar=calendar,
    )
    dues = [o.due_date for o in occurrences]
    assert len(dues) == len(set(dues)), "two deadlines on one day"
    assert dues == [D(2026, 2, 2), D(2026, 2, 9), D(2026, 2, 13), D(2026, 2, 23)]
    moved = next(o for o in occurrences if o.nominal_date == D(2026, 2, 16))
    assert moved.key.endswith("2026-W08")
    assert "16/02/2026" in moved.moved_reason


def test_when_moving_back_is_taken_too_the_two_deadlines_merge() -> None:
    # A made-up calendar: Monday and the Friday before it both off, so Monday's deadline
    # can go neither forward (next Monday is another deadline) nor back.
    days_off = {D(2026, 3, 9) + timedelta(days=i): "nghỉ" for i in range(5)}
    days_off[D(2026, 3, 6)] = "nghỉ"
    days_off[D(2026, 3, 5)] = "nghỉ"
    days_off[D(2026, 3, 4)] = "nghỉ"
    days_off[D(2026, 3, 3)] = "nghỉ"
    days_off[D(2026, 3, 2)] = "nghỉ"
    occurrences = expand(
        rules({"kind": "recurring", "rrule": "FREQ=WEEKLY;BYDAY=MO"}),
        period_start=D(2026, 3, 2),
        period_end=D(2026, 3, 16),
        calendar=WorkCalendar(days_off),
    )
    dues = [o.due_date for o in occurrences]
    assert dues == [D(2026, 3, 16)]
    assert "gộp vào hạn 16/03/2026" in occurrences[0].moved_reason


_RRULES = [
    "FREQ=WEEKLY;BYDAY=MO",
    "FREQ=WEEKLY;BYDAY=MO,WE,FR",
    "FREQ=WEEKLY;BYDAY=TU,TH",
    "FREQ=DAILY",
    "FREQ=MONTHLY;BYMONTHDAY=1,2,3",
]


@settings(max_examples=300, deadline=None)
@given(
    rrule=st.sampled_from(_RRULES),
    holiday=st.sampled_from([None, "next", "previous"]),
    days_off=st.sets(st.integers(min_value=-6, max_value=40), max_size=14),
    saturday_worked=st.sets(st.integers(min_value=0, max_value=40), max_size=2),
    length=st.integers(min_value=6, max_value=35),
)
def test_no_deadline_is_lost_or_doubled_when_holidays_move_them(
    rrule: str, holiday: str | None, days_off: set[int], saturday_worked: set[int], length: int
) -> None:
    """However days off fall (runs of them, a make-up Saturday among them), every nominal
    date of a recurring rule is either an occurrence of its own or folded into exactly one
    other occurrence whose reason names it, and no two occurrences share a day."""
    start = D(2026, 3, 2)
    calendar = WorkCalendar(
        {start + timedelta(days=d): "nghỉ" for d in days_off},
        {
            start + timedelta(days=d): "làm bù"
            for d in saturday_worked
            if (start + timedelta(days=d)).weekday() == 5
        },
    )
    end = start + timedelta(days=length)
    rule = rules({"kind": "recurring", "rrule": rrule, **({"holiday": holiday} if holiday else {})})
    occurrences = run(calendar, rule, start, end)
    dues = [o.due_date for o in occurrences]
    assert len(dues) == len(set(dues)), "two deadlines on one day"
    keys = [o.key for o in occurrences]
    assert len(keys) == len(set(keys))
    every = parse_rrule(rrule, start).between(
        datetime.combine(start, time()), datetime.combine(end, time.max), inc=True
    )
    for day in (moment.date() for moment in every):
        own = [o for o in occurrences if o.nominal_date == day]
        folded = [o for o in occurrences if f"{day:%d/%m/%Y} là ngày nghỉ" in o.moved_reason
                  and f"gộp vào hạn {o.due_date:%d/%m/%Y}" in o.moved_reason]  # fmt: skip
        assert len(own) + len(folded) >= 1, f"{day} lost"
        assert len(own) <= 1
