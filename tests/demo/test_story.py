"""The demo history's choices, without a database: the shares of each fate, when work is
done (working days, working hours, on the right side of the deadline) and the extension
each picked deadline would get."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import pytest

from tracker.demo.history import (
    MARKER,
    PassedDeadline,
    completion_of,
    evidence_text,
    extension_of,
    fate,
    share,
)
from tracker.schedule.workdays import WorkCalendar

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = dt.datetime(2026, 12, 6, 10, 0, tzinfo=TZ)
KEYS = [
    f"plan-{p}/II/{t}/tuan:2026-W{w:02d}" for p in range(8) for t in range(25) for w in range(50)
]


def deadlines(calendar: WorkCalendar) -> list[PassedDeadline]:
    """A spread of deadlines over 2026: end-of-day ones, Thursday 16:15 ones with a
    16:00 start, and windows of a month."""
    out = []
    for index, key in enumerate(KEYS[:3000]):
        day = dt.date(2026, 1, 2) + dt.timedelta(days=index % 330)
        start = None
        if index % 3 == 0:
            deadline = dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=TZ)
        elif index % 3 == 1:  # weekly meetings are held on working days
            day = calendar.previous_working_day(day)
            deadline = dt.datetime.combine(day, dt.time(16, 15), tzinfo=TZ)
            start = deadline - dt.timedelta(minutes=15)
        else:
            deadline = dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=TZ)
            if day.day >= 10:  # a window ("Trong tháng 8/2026") holds working days
                start = dt.datetime.combine(day.replace(day=1), dt.time(0), tzinfo=TZ)
        out.append(PassedDeadline(index, key, 1, deadline, start, "x", (7, 8, 9)))
    return out


def test_the_fates_come_in_the_shares_asked_for() -> None:
    counts = Counter(fate(key) for key in KEYS)
    assert counts["on_time"] / len(KEYS) == pytest.approx(0.75, abs=0.015)
    assert counts["late"] / len(KEYS) == pytest.approx(0.12, abs=0.015)
    assert counts["overdue"] / len(KEYS) == pytest.approx(0.13, abs=0.015)


def test_a_share_is_fixed_by_its_key_and_aspect_alone() -> None:
    assert share("dai-son-2026/II/8/-1/tuan:2026-W10", "fate") == share(
        "dai-son-2026/II/8/-1/tuan:2026-W10", "fate"
    )
    assert share("a", "fate") != share("a", "who") != share("b", "fate")
    assert all(0 <= share(key, "time") < 1 for key in KEYS[:500])


def _in_working_hours(moment: dt.datetime) -> bool:
    local = moment.astimezone(TZ).time()
    return dt.time(8) <= local <= dt.time(11, 30) or dt.time(13, 30) <= local <= dt.time(17)


def test_work_done_on_time_comes_before_its_deadline_on_a_working_day(
    calendar: WorkCalendar,
) -> None:
    seen = 0
    for item in deadlines(calendar):
        done = completion_of(item, now=NOW, calendar=calendar, tz=TZ)
        if fate(item.key) != "on_time":
            continue
        assert done is not None
        assert not done.late
        assert done.completed_at <= item.deadline - dt.timedelta(minutes=15), item
        if item.start is not None:
            assert done.completed_at >= item.start, item
        local = done.completed_at.astimezone(TZ)
        assert calendar.is_working_day(local.date()), item
        assert _in_working_hours(done.completed_at), item
        # "A few days before": at most four working days ahead of the deadline's day.
        due_day = item.deadline.astimezone(TZ).date()
        assert calendar.working_days_between(local.date(), due_day) <= 4, item
        assert done.completed_by in (7, 8, 9)
        seen += 1
    assert seen > 2000


def test_late_work_comes_some_working_days_after_and_never_after_now(
    calendar: WorkCalendar,
) -> None:
    late = [item for item in deadlines(calendar) if fate(item.key) == "late"]
    assert late
    for item in late:
        done = completion_of(item, now=NOW, calendar=calendar, tz=TZ)
        if done is None:  # its day has not come yet
            assert item.deadline > NOW - dt.timedelta(days=20), item
            continue
        assert done.late
        assert done.completed_at > item.deadline
        assert done.completed_at <= NOW
        local = done.completed_at.astimezone(TZ)
        assert calendar.is_working_day(local.date())
        assert _in_working_hours(local)
        days = calendar.working_days_between(item.deadline.astimezone(TZ).date(), local.date())
        assert 1 <= days <= 8, item


def test_overdue_work_has_no_completion(calendar: WorkCalendar) -> None:
    for item in deadlines(calendar):
        if fate(item.key) == "overdue":
            assert completion_of(item, now=NOW, calendar=calendar, tz=TZ) is None


def test_an_extension_is_granted_before_the_deadline_and_covers_the_late_work(
    calendar: WorkCalendar,
) -> None:
    items = deadlines(calendar)
    picks = [(item, extension_of(item, calendar=calendar, tz=TZ)) for item in items]
    extended = [(item, pick) for item, pick in picks if pick is not None]
    late = sum(1 for item in items if fate(item.key) == "late")
    assert 0.2 * late < len(extended) < 0.5 * late
    for item, pick in extended:
        assert fate(item.key) == "late"
        assert pick.requested_at < pick.decided_at < item.deadline
        assert pick.reason.endswith(MARKER)
        done = completion_of(item, now=dt.datetime(2030, 1, 1, tzinfo=TZ), calendar=calendar, tz=TZ)
        assert done is not None
        assert done.completed_at.astimezone(TZ).date() <= pick.extended_to


@pytest.mark.parametrize(
    ("output", "label", "content", "expected"),
    [
        ("Công văn, báo cáo...", "Báo cáo tuần – Tuần 10/2026", "x",
         "Công văn, báo cáo: Báo cáo tuần – Tuần 10/2026 (dữ liệu minh họa)"),
        ("", "Hạn 31/08/2022", "x", "Đã thực hiện: Hạn 31/08/2022 (dữ liệu minh họa)"),
        ("Danh sách công khai.", "", "Công khai thủ tục hành chính",
         "Danh sách công khai: Công khai thủ tục hành chính (dữ liệu minh họa)"),
    ],
)  # fmt: skip
def test_the_evidence_names_the_output_and_is_marked(
    output: str, label: str, content: str, expected: str
) -> None:
    assert evidence_text(output, label, content) == expected


def test_long_evidence_is_cut_but_keeps_its_marker() -> None:
    text = evidence_text("Báo cáo " * 40, "", "Nội dung " * 40)
    assert text.endswith(MARKER)
    assert len(text) < 200
