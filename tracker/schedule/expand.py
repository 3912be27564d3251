"""Expanding rules over a plan's period into dated occurrences (pure).

Each occurrence has a key that is stable across re-expansion: the rule's key plus the
period it covers ("r1:2026-W15") or the event that started it ("r2:ev17"). Deadlines that
fall on a day off move by the rule's holiday policy, and say why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from tracker.errors import ScheduleError
from tracker.schedule.rules import (
    DEFAULT_REQUEST_EVENT,
    END_OF_DAY,
    Kind,
    Period,
    Rule,
    parse_rrule,
)
from tracker.schedule.workdays import WorkCalendar
from tracker.vn import ROMAN, format_date, quarter_of

__all__ = [
    "EventFact",
    "OccurrenceSpec",
    "expand",
    "infer_period",
    "period_key",
    "period_label",
    "window_label",
]


@dataclass(frozen=True)
class EventFact:
    """A recorded event as the rules see it: what happened, when, and its stable key."""

    key: str
    kind: str
    on: date
    due: date | None = None
    label: str = ""


@dataclass(frozen=True)
class OccurrenceSpec:
    """One deadline produced by a rule, in local dates and times."""

    key: str
    rule_key: str
    kind: Kind
    label: str
    due_date: date
    nominal_date: date
    due_time: time | None = None
    start_date: date | None = None
    start_time: time | None = None
    moved_reason: str = ""
    assignee: str = ""
    event_key: str = ""

    def due_at(self, tz: Any) -> datetime:
        """The deadline instant: the due time, or the end of the due day."""
        return datetime.combine(self.due_date, self.due_time or END_OF_DAY, tzinfo=tz)


def expand(
    rules: Sequence[Rule],
    *,
    period_start: date,
    period_end: date,
    calendar: WorkCalendar,
    events: Iterable[EventFact] = (),
) -> list[OccurrenceSpec]:
    """All occurrences of ``rules`` over the plan period, sorted by due date.

    Recurring rules give one occurrence per nominal date inside the period;
    relative and on-demand rules one per matching event that happened inside
    it. Deadlines are kept even outside the period: the plan wrote them.
    """
    if period_end < period_start:
        raise ScheduleError(
            f"Kỳ kế hoạch kết thúc ({format_date(period_end)}) trước khi bắt đầu "
            f"({format_date(period_start)})."
        )
    events = list(events)
    out: list[OccurrenceSpec] = []
    for rule in rules:
        if rule.kind == "deadline":
            out.append(_expand_deadline(rule, calendar))
        elif rule.kind == "recurring":
            out.extend(_expand_recurring(rule, period_start, period_end, calendar))
        elif rule.kind in ("relative", "on_demand"):
            wanted = rule.event or DEFAULT_REQUEST_EVENT
            for event in events:
                if event.kind == wanted and period_start <= event.on <= period_end:
                    out.append(_expand_from_event(rule, event, calendar))
    out.sort(key=lambda o: (o.due_date, o.due_time or time.max, o.key))
    return out


def _moved(nominal: date, actual: date, calendar: WorkCalendar) -> str:
    if nominal == actual:
        return ""
    reason = calendar.day_off_reason(nominal) or "ngày nghỉ"
    return f"{format_date(nominal)} là ngày nghỉ ({reason}), chuyển sang {format_date(actual)}."


def _expand_deadline(rule: Rule, calendar: WorkCalendar) -> OccurrenceSpec:
    assert rule.due is not None
    due = calendar.adjust(rule.due, rule.holiday_policy)
    return OccurrenceSpec(
        key=rule.key,
        rule_key=rule.key,
        kind="deadline",
        label=rule.label or window_label(rule.start, rule.due),
        due_date=due,
        nominal_date=rule.due,
        due_time=rule.due_time,
        start_date=rule.start if rule.start else (due if rule.start_time else None),
        start_time=rule.start_time,
        moved_reason=_moved(rule.due, due, calendar),
        assignee=rule.assignee,
    )


_FREQ_PERIOD = {0: "year", 1: "month", 2: "week", 3: "day"}


def infer_period(rule_text: str) -> Period:
    """The span one occurrence of an RRULE stands for, when the rule does not say."""
    parts = dict(
        p.split("=", 1) for p in rule_text.upper().removeprefix("RRULE:").split(";") if "=" in p
    )
    freq = parts.get("FREQ", "")
    interval = int(parts.get("INTERVAL", "1") or 1)
    months = [m for m in parts.get("BYMONTH", "").split(",") if m]
    if freq == "YEARLY":
        return {1: "year", 2: "half", 4: "quarter"}.get(
            len(months), "year" if not months else "month"
        )  # type: ignore[return-value]
    if freq == "MONTHLY":
        if interval == 3 or len(months) == 4:
            return "quarter"
        if interval == 6 or len(months) == 2:
            return "half"
        if interval == 12 or len(months) == 1:
            return "year"
        return "month"
    if freq == "WEEKLY":
        return "week"
    return "day"


def period_key(day: date, period: Period) -> str:
    """A stable name for the period that contains ``day``: 2026-W15, 2023-Q2, 2023-H1 …"""
    if period == "day":
        return day.isoformat()
    if period == "week":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    if period == "quarter":
        return f"{day.year}-Q{quarter_of(day)}"
    if period == "half":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    return str(day.year)


def period_label(day: date, period: Period) -> str:
    """The Vietnamese name of the period that contains ``day``."""
    if period == "day":
        return f"Ngày {format_date(day)}"
    if period == "week":
        iso = day.isocalendar()
        return f"Tuần {iso.week:02d}/{iso.year}"
    if period == "month":
        return f"Tháng {day.month:02d}/{day.year}"
    if period == "quarter":
        return f"Quý {ROMAN[quarter_of(day) - 1]}/{day.year}"
    if period == "half":
        return f"6 tháng {'đầu' if day.month <= 6 else 'cuối'} năm {day.year}"
    return f"Năm {day.year}"


def window_label(start: date | None, due: date) -> str:
    """ "Tháng 01/2024" or "Quý I/2023" for a whole month or quarter, else "Hạn 31/08/2022"."""
    if start is not None:
        month_end = _month_end(start)
        if start.day == 1 and due == month_end:
            return period_label(start, "month")
        quarter_end = (
            _month_end(date(start.year, start.month + 2, 1)) if start.month % 3 == 1 else None
        )
        if start.day == 1 and quarter_end == due:
            return period_label(start, "quarter")
        return f"{format_date(start)} – {format_date(due)}"
    return f"Hạn {format_date(due)}"


def _month_end(day: date) -> date:
    first_next = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _expand_recurring(
    rule: Rule, period_start: date, period_end: date, calendar: WorkCalendar
) -> list[OccurrenceSpec]:
    start = max(rule.start or period_start, period_start)
    end = min(rule.until or period_end, period_end)
    if end < start:
        return []
    parsed = parse_rrule(rule.rrule, start)
    period: Period = rule.period or infer_period(rule.rrule)
    nominal_dates = [
        moment.date()
        for moment in parsed.between(
            datetime.combine(start, time()), datetime.combine(end, time.max), inc=True
        )
    ]
    seen: dict[str, int] = {}
    out: list[OccurrenceSpec] = []
    nominal_set = set(nominal_dates)
    # The occurrence due on each day so far, and those folded into a day's deadline.
    by_due: dict[date, int] = {}
    merged: dict[date, list[date]] = {}
    for nominal in nominal_dates:
        pkey = period_key(nominal, period)
        seen[pkey] = seen.get(pkey, 0) + 1
        suffix = "" if seen[pkey] == 1 else f".{seen[pkey]}"
        due = calendar.adjust(nominal, rule.holiday_policy)
        if due != nominal and (due in nominal_set or due in by_due):
            # A Monday in Tết week moved to the next working day lands on next week's
            # Monday: two deadlines on one day. Move it back before the holiday instead,
            # and if that is taken too, it is the same deadline as the one already there.
            back = calendar.adjust(nominal, "previous")
            if back in nominal_set or back in by_due or back < start:
                merged.setdefault(due, []).append(nominal)
                continue
            due = back
        by_due[due] = len(out)
        out.append(
            OccurrenceSpec(
                key=f"{rule.key}:{pkey}{suffix}",
                rule_key=rule.key,
                kind="recurring",
                label=(f"{rule.label} – " if rule.label else "") + period_label(nominal, period),
                due_date=due,
                nominal_date=nominal,
                due_time=rule.due_time,
                start_date=due if rule.start_time else None,
                start_time=rule.start_time,
                moved_reason=_moved(nominal, due, calendar),
                assignee=rule.assignee,
            )
        )
    for due, folded in merged.items():
        notes = [
            f"{format_date(n)} là ngày nghỉ ({calendar.day_off_reason(n) or 'ngày nghỉ'}), "
            f"gộp vào hạn {format_date(due)}."
            for n in folded
        ]
        index = by_due.get(due)
        if index is None:
            # Whatever took that day did not end up there (it moved on itself): the folded
            # deadline is not lost, it stands on that day on its own, saying why.
            first = folded[0]
            by_due[due] = len(out)
            out.append(
                OccurrenceSpec(
                    key=f"{rule.key}:{period_key(first, period)}.gop",
                    rule_key=rule.key,
                    kind="recurring",
                    label=(f"{rule.label} – " if rule.label else "") + period_label(first, period),
                    due_date=due,
                    nominal_date=first,
                    due_time=rule.due_time,
                    start_date=due if rule.start_time else None,
                    start_time=rule.start_time,
                    moved_reason=" ".join(notes),
                    assignee=rule.assignee,
                )
            )
            continue
        occurrence = out[index]
        reason = " ".join([occurrence.moved_reason, *notes]).strip()
        out[index] = replace(occurrence, moved_reason=reason)
    return out


def _shift(day: date, offset: int, rule: Rule, calendar: WorkCalendar) -> date:
    if rule.days == "working":
        return calendar.add_working_days(day, offset)
    return calendar.adjust(day + timedelta(days=offset), rule.holiday_policy)


def _expand_from_event(rule: Rule, event: EventFact, calendar: WorkCalendar) -> OccurrenceSpec:
    if rule.kind == "on_demand" and event.due is not None:
        nominal = event.due
        due = calendar.adjust(nominal, rule.holiday_policy)
    else:
        nominal = event.on + timedelta(days=rule.offset)
        due = _shift(event.on, rule.offset, rule, calendar)
    start = None
    if rule.start_offset is not None:
        start = _shift(event.on, rule.start_offset, rule, calendar)
    elif rule.start_time:
        start = due
    what = event.label or rule.label or "Sự kiện"
    return OccurrenceSpec(
        key=f"{rule.key}:ev{event.key}",
        rule_key=rule.key,
        kind=rule.kind,
        label=f"{what} ({format_date(event.on)})",
        due_date=due,
        nominal_date=nominal,
        due_time=rule.due_time,
        start_date=start,
        start_time=rule.start_time,
        moved_reason=_moved(nominal, due, calendar) if rule.days == "calendar" else "",
        assignee=rule.assignee,
        event_key=event.key,
    )
