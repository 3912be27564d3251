"""Every timing of the five seed plans, expanded over its plan's period, against due dates
worked out by hand from the documents and the official calendar.

Relative and on-demand rules are exercised with the sample events below, chosen to land on
days off. A task missing from EXPECTED must give no date at all, and its timing must read
as continuous, event-driven or on demand: so a dated timing can never lose its schedule.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from tracker.config import PROJECT_DIR
from tracker.plans.documents import PlanDoc, TaskDoc
from tracker.schedule.expand import EventFact, expand
from tracker.schedule.workdays import WorkCalendar
from tracker.seeds import read_seed_set

E = EventFact
D = date

EVENTS: dict[str, list[EventFact]] = {
    "le-loi-2022": [
        E("1", "huong_dan_cap_tren", D(2022, 4, 10)),  # Sunday, Giỗ Tổ; Monday 11/4 is nghỉ bù
        E("2", "tap_huan", D(2022, 10, 3)),
        E("3", "yeu_cau", D(2022, 7, 1), due=D(2022, 7, 15)),
        E("4", "tap_huan", D(2021, 10, 4)),  # before the plan: ignored
    ],
    "doan-ket-2022": [
        E("1", "qd_cong_bo_tthc", D(2022, 6, 1)),
        E("2", "qd_cong_bo_tthc", D(2022, 8, 25)),  # +7 is 01/09, a holiday
        E("3", "huong_dan_cap_tren", D(2022, 4, 30)),  # 30/4-3/5 off
        E("4", "tap_huan", D(2022, 9, 2)),
        E("5", "yeu_cau", D(2022, 11, 1), due=D(2022, 11, 5)),  # a Saturday
    ],
    "kien-an-2023": [
        E("1", "pakn_tiep_nhan", D(2023, 4, 20)),  # +10 is 30/04; 29/4-3/5 off
        E("2", "ho_so_den_han", D(2023, 9, 4)),  # nghỉ bù; the day before is a Sunday
        E("3", "tap_huan", D(2023, 6, 17)),  # a Saturday
        E("4", "yeu_cau", D(2023, 5, 10), due=D(2023, 5, 20)),  # a Saturday
        E("5", "yeu_cau", D(2023, 11, 6)),  # no due date of its own: the same day
    ],
    "nhat-tan-2024": [
        E("1", "thay_doi_nhan_su", D(2024, 2, 10)),  # Tết: 8/2-14/2 off
        E("2", "tap_huan", D(2024, 5, 6)),
        E("3", "pakn_chuyen_den", D(2024, 9, 2)),  # 2/9 and 3/9 off
        E("4", "yeu_cau", D(2024, 4, 20), due=D(2024, 4, 29)),  # 29/4 swapped off, 30/4, 1/5 off
    ],
    "dai-son-2026": [
        E("1", "yeu_cau", D(2026, 8, 20), due=D(2026, 8, 22)),  # Saturday 22/8/2026 is worked
    ],
}

THURSDAYS_2026 = [D(2026, 3, 5) + timedelta(weeks=n) for n in range(44)]
WEEKLY_REPORTS = [
    f"{(D(2026, 5, 4) if d == D(2026, 4, 30) else d).isoformat()} 16:00-16:15"
    for d in THURSDAYS_2026
]
QUARTER_14_2022 = ["2022-03-14", "2022-06-14", "2022-09-14", "2022-12-14"]
HALF_YEAR_2023 = ["2023-06-30", "2024-01-02"]  # 31/12/2023 is a Sunday, 01/01/2024 a holiday
# Phụ lục I: the 27 fields item II.2 "(Chi tiết, có Phụ lục I đính kèm)" holds, keyed as in
# the appendix.
APPENDIX_2022 = {f"PL/{n}": ["2022-08-31"] for n in range(1, 28)}
MONTHLY_14_2026 = [
    "2026-03-16", "2026-04-14", "2026-05-14", "2026-06-15", "2026-07-14",
    "2026-08-14", "2026-09-14", "2026-10-14", "2026-11-16", "2026-12-14",
]  # fmt: skip
QUARTER_14_2026 = ["2026-03-16", "2026-06-15", "2026-09-14", "2026-12-14"]

EXPECTED: dict[tuple[str, str], list[str]] = {
    # Lê Lợi 2022 (period 28/02-31/12/2022)
    ("le-loi-2022", "II/1/-1"): ["2022-07-15"],
    ("le-loi-2022", "II/2/-1/+5"): ["2022-04-12"],
    ("le-loi-2022", "II/2/-2/+4"): ["2022-06-30", "2023-01-03"],
    ("le-loi-2022", "II/2/-2/+5"): ["2022-10-03"],
    ("le-loi-2022", "II/2/-2/+6"): [*QUARTER_14_2022[:2], "2022-07-15", *QUARTER_14_2022[2:]],
    ("le-loi-2022", "II/2/-8"): ["2022-02-28..2022-12-31"],
    ("le-loi-2022", "IV/3"): ["2022-02-28..2022-12-31"],
    ("le-loi-2022", "IV/4"): QUARTER_14_2022,
    **{("le-loi-2022", key): dates for key, dates in APPENDIX_2022.items()},
    # Đoàn Kết 2022 (period 23/03-31/12/2022)
    ("doan-ket-2022", "II/1/1.2/-5"): ["2022-05-04"],
    ("doan-ket-2022", "II/2/2.1/2.1.1/-1"): ["2022-03-23..2022-12-31"],
    ("doan-ket-2022", "II/2/2.1/2.1.1/+3"): ["2022-06-06..2022-06-08", "2022-08-30..2022-09-05"],
    ("doan-ket-2022", "II/2/2.1/2.1.2/b/-2"): ["2022-06-14", "2022-09-14", "2022-12-14"],
    ("doan-ket-2022", "II/2/2.1/2.1.2/b/-3"): ["2022-09-05"],
    ("doan-ket-2022", "II/2/2.1/2.1.2/c/-5"): [
        "2022-04-14",
        "2022-05-16",
        "2022-06-14",
        "2022-06-14",
        "2022-07-14",
        "2022-08-15",
        "2022-09-14",
        "2022-09-14",
        "2022-10-14",
        "2022-11-07",
        "2022-11-14",
        "2022-12-14",
        "2022-12-14",
    ],
    ("doan-ket-2022", "III/1"): [
        "2022-03-31",
        "2022-06-30",
        "2022-09-30",
        "2023-01-03",
        "2023-01-03",
    ],
    ("doan-ket-2022", "III/2/-4"): ["2022-03-23..2022-12-31"],
    ("doan-ket-2022", "III/5/-5"): ["2022-06-06..2022-06-08", "2022-08-30..2022-09-05"],
    # Kiến An 2023 (period 28/02-31/12/2023)
    ("kien-an-2023", "PL/1/I/1"): ["2023-02-28"],
    ("kien-an-2023", "PL/1/I/2"): ["2023-03-10"],
    ("kien-an-2023", "PL/1/I/3"): ["2023-01-01..2023-03-31"],
    ("kien-an-2023", "PL/1/I/4"): ["2023-03-15"],
    ("kien-an-2023", "PL/1/I/5"): ["2023-03-10"],
    ("kien-an-2023", "PL/1/I/6"): ["2023-01-01..2023-03-31"],
    ("kien-an-2023", "PL/1/I/7"): ["2023-01-01..2023-03-31"],
    ("kien-an-2023", "PL/1/I/8"): HALF_YEAR_2023,
    ("kien-an-2023", "PL/1/I/9"): ["2023-06-19"],
    ("kien-an-2023", "PL/1/I/10"): ["2023-05-04"],
    ("kien-an-2023", "PL/1/III/1"): [
        "2023-03-10 @an-giang.cho-moi.kien-an",
        "2023-03-15 @an-giang.cho-moi.kien-an.cong-chuc",
    ],
    ("kien-an-2023", "PL/1/III/2"): ["2023-08-31"],
    ("kien-an-2023", "PL/2/I/3"): [
        "2023-03-06",
        "2023-04-05",
        "2023-05-05",
        "2023-06-05",
        "2023-07-05",
        "2023-08-07",
        "2023-09-05",
        "2023-10-05",
        "2023-11-06",
        "2023-12-05",
    ],
    ("kien-an-2023", "PL/2/I/4"): ["2023-03-31", "2023-06-30", "2023-10-02", "2024-01-02"],
    ("kien-an-2023", "PL/2/I/6"): ["2023-08-31"],
    ("kien-an-2023", "PL/2/II/1"): ["2023-01-01..2023-03-31"],
    ("kien-an-2023", "PL/2/II/2"): ["2023-01-01..2023-12-31"],
    ("kien-an-2023", "PL/2/II/3"): ["2023-01-01..2023-12-31"],
    ("kien-an-2023", "PL/2/II/4"): ["2023-01-01..2023-03-31"],
    ("kien-an-2023", "PL/5/II/3"): ["2023-01-01..2023-12-31"],
    ("kien-an-2023", "PL/5/II/4"): HALF_YEAR_2023,
    ("kien-an-2023", "PL/5/II/5"): ["2023-01-01..2023-12-31"],
    ("kien-an-2023", "PL/5/II/6"): ["2023-01-01..2023-03-31"],
    ("kien-an-2023", "PL/6/I/1"): ["2023-03-17", "2023-06-19", "2023-09-18", "2023-12-18"],
    ("kien-an-2023", "PL/6/I/2"): ["2023-05-22", "2023-11-06"],
    ("kien-an-2023", "PL/6/II/1"): ["2023-04-01..2023-06-30", "2023-07-01..2023-09-30"],
    # Nhật Tân 2024 (period 18/01-31/12/2024)
    ("nhat-tan-2024", "I/1"): ["2024-01-01..2024-01-31"],
    ("nhat-tan-2024", "II/1"): ["2024-02-15"],
    ("nhat-tan-2024", "II/2"): ["2024-05-06"],
    ("nhat-tan-2024", "VI/1"): ["2024-01-01..2024-12-31"],
    ("nhat-tan-2024", "VII/2"): ["2024-09-04"],
    ("nhat-tan-2024", "VIII/#1"): [
        "2024-03-14",
        "2024-05-02",
        "2024-06-14",
        "2024-09-16",
        "2024-12-16",
        "2024-12-16",
    ],
    # Đại Sơn 2026 (period 01/03-31/12/2026)
    ("dai-son-2026", "II/2/b"): ["2026-09-01..2026-09-10"],
    ("dai-son-2026", "II/8/-1"): sorted(
        WEEKLY_REPORTS + MONTHLY_14_2026 + QUARTER_14_2026 + ["2026-12-14"]
    ),
    ("dai-son-2026", "II/8/-2"): [*QUARTER_14_2026[:2], "2026-08-22", *QUARTER_14_2026[2:]],
}

# How a task with no dated occurrence may word its timing: continuous, event-driven, on demand.
NO_DATE_TIMING = re.compile(
    r"^$|thường xuyên|khi |theo yêu cầu|ngay trong ngày|thời gian tới|tham dự|kịp thời", re.I
)


def _seed_plans() -> dict[str, PlanDoc]:
    return {p.key: p for p in read_seed_set(PROJECT_DIR / "seeds").plans}


PLANS = _seed_plans()
TASKS = [
    pytest.param(plan.key, task, id=f"{plan.key}:{task.key}")
    for plan in PLANS.values()
    for task, _ in plan.walk()
    if task.kind == "task"
]


def _describe(occ) -> str:  # type: ignore[no-untyped-def]
    text = occ.due_date.isoformat()
    if occ.start_date and occ.start_date != occ.due_date:
        text = f"{occ.start_date.isoformat()}..{text}"
    if occ.due_time:
        text += (
            f" {occ.start_time:%H:%M}-{occ.due_time:%H:%M}"
            if occ.start_time
            else f" {occ.due_time:%H:%M}"
        )
    if occ.assignee:
        text += f" @{occ.assignee}"
    return text


@pytest.mark.parametrize(("plan_key", "task"), TASKS)
def test_every_seed_timing_gives_its_exact_due_dates(
    calendar: WorkCalendar, plan_key: str, task: TaskDoc
) -> None:
    plan = PLANS[plan_key]
    occurrences = expand(
        list(task.rules),
        period_start=plan.period_start,
        period_end=plan.period_end,
        calendar=calendar,
        events=EVENTS[plan_key],
    )
    expected = EXPECTED.get((plan_key, task.key), [])
    # Same-day occurrences may come in any order; across days they come by due date.
    assert sorted(_describe(o) for o in occurrences) == sorted(expected)
    assert [o.due_date for o in occurrences] == sorted(o.due_date for o in occurrences)
    if not expected:
        assert NO_DATE_TIMING.search(task.timing), f"a dated timing without dates: {task.timing!r}"
        assert {r.kind for r in task.rules} <= {"continuous", "relative", "on_demand"}


def test_the_table_names_only_tasks_that_exist() -> None:
    keys = {(p.key, t.key) for p in PLANS.values() for t, _ in p.walk() if t.kind == "task"}
    assert set(EXPECTED) <= keys


def test_every_seed_task_has_a_schedule(tmp_path: Path) -> None:
    for plan in PLANS.values():
        for task, _ in plan.walk():
            if task.kind == "task":
                assert task.rules, f"{plan.key}:{task.key} has no schedule"
