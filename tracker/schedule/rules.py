"""Schedule rules, and their expansion over a plan's period into dated occurrences.

Pure: the standard library and dateutil only. A task carries one or more
:class:`Rule` objects, one of five kinds:

``deadline``   one due date, optionally a window start ("Trong tháng 01/2024").
``recurring``  an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=TH"), one occurrence per period.
``relative``   N calendar or working days after (or before) each recorded event of a kind.
``continuous`` done all through the period ("Thường xuyên"): no occurrence of its own.
``on_demand``  a deadline appears when a request (an event) comes in.

Every occurrence has a key that is stable across re-expansion: the rule's key
plus the period it covers ("r1:2026-W15") or the event that started it
("r2:ev17"), so expanding again after an edit updates open occurrences in place
and never touches completed ones (:func:`reconcile`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any, Literal, get_args

from dateutil.rrule import rrule as RRule
from dateutil.rrule import rrulestr

from tracker.errors import ScheduleError
from tracker.schedule.workdays import HOLIDAY_POLICIES, HolidayPolicy, WorkCalendar
from tracker.vn import ROMAN, format_date, quarter_of

__all__ = [
    "END_OF_DAY",
    "KINDS",
    "EventFact",
    "ExistingOccurrence",
    "Kind",
    "MaterializeCounts",
    "OccurrenceSpec",
    "Reconciliation",
    "Rule",
    "expand",
    "period_key",
    "period_label",
    "reconcile",
    "rules_from_dicts",
    "rules_to_dicts",
]

Kind = Literal["deadline", "recurring", "relative", "continuous", "on_demand"]
KINDS: tuple[str, ...] = get_args(Kind)
Period = Literal["day", "week", "month", "quarter", "half", "year"]
PERIODS: tuple[str, ...] = get_args(Period)
DayCount = Literal["calendar", "working"]
DAY_COUNTS: tuple[str, ...] = get_args(DayCount)

DEFAULT_REQUEST_EVENT = "yeu_cau"

# A deadline given as a day lasts to the end of that day.
END_OF_DAY = time(23, 59, 59)


@dataclass(frozen=True)
class Rule:
    """One schedule rule of a task. Fields that do not apply to its kind stay empty."""

    kind: Kind
    key: str = ""
    label: str = ""
    # deadline: the due date and the optional window start;
    # recurring: ``start``/``until`` bound the RRULE (default: the plan period);
    # continuous: the span it runs (default: the plan period).
    due: date | None = None
    start: date | None = None
    until: date | None = None
    rrule: str = ""
    period: Period | None = None
    # relative and on_demand: the event kind, and the day offsets from it.
    event: str = ""
    offset: int = 0
    start_offset: int | None = None
    days: DayCount = "calendar"
    start_time: time | None = None
    due_time: time | None = None
    holiday: HolidayPolicy | None = None
    # A deadline meant for one assignee only (a unit code), when a cell gives two.
    assignee: str = ""

    @property
    def holiday_policy(self) -> HolidayPolicy:
        """The rule's own policy, else the default for its kind.

        Fixed dates written in a plan are not moved ("none"); periods and
        recurring dates end on the next working day (Civil Code art. 148),
        except a period counted backwards from an event, which must stay
        before it ("previous").
        """
        if self.holiday is not None:
            return self.holiday
        if self.kind == "deadline":
            return "none"
        if self.kind == "relative" and self.offset < 0:
            return "previous"
        return "next"

    def validate(self, where: str) -> Rule:
        """Check the fields the kind needs; raise :class:`ScheduleError` naming ``where``."""
        problem = _rule_problem(self)
        if problem:
            raise ScheduleError(f"{where}: {problem}")
        return self

    def to_dict(self) -> dict[str, Any]:
        """The compact JSON/YAML form: ``kind`` first, then only the fields that are set."""
        out: dict[str, Any] = {"kind": self.kind}
        for f in fields(self):
            if f.name == "kind":
                continue
            value = getattr(self, f.name)
            if value == f.default:
                continue
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, time):
                value = value.strftime("%H:%M")
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, where: str) -> Rule:
        """Build a rule from its dict form (YAML, JSON), with errors naming ``where``."""
        if not isinstance(data, Mapping):
            raise ScheduleError(
                f"{where}: quy tắc lịch phải là một bảng trường (mapping), không phải {data!r}."
            )
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ScheduleError(
                f"{where}: không có trường lịch {', '.join(unknown)}; "
                f"các trường hợp lệ: {', '.join(sorted(known))}."
            )
        kind = data.get("kind")
        if kind not in KINDS:
            raise ScheduleError(
                f"{where}: loại lịch {kind!r} không hợp lệ; chỉ nhận {', '.join(KINDS)}."
            )
        values: dict[str, Any] = {"kind": kind}
        for name in ("due", "start", "until"):
            if data.get(name) is not None:
                values[name] = _as_date(data[name], f"{where}, {name}")
        for name in ("start_time", "due_time"):
            if data.get(name) is not None:
                values[name] = _as_time(data[name], f"{where}, {name}")
        for name in ("offset", "start_offset"):
            if data.get(name) is not None:
                values[name] = _as_int(data[name], f"{where}, {name}")
        for name in ("key", "label", "rrule", "event", "assignee", "period", "days", "holiday"):
            if data.get(name) is not None:
                values[name] = str(data[name]).strip()
        if kind == "on_demand" and not values.get("event"):
            values["event"] = DEFAULT_REQUEST_EVENT  # the same rule, written in full
        return cls(**values).validate(where)


def _rule_problem(rule: Rule) -> str | None:
    if rule.holiday is not None and rule.holiday not in HOLIDAY_POLICIES:
        return f"cách xử lý ngày nghỉ '{rule.holiday}' không hợp lệ; chỉ nhận {', '.join(HOLIDAY_POLICIES)}."
    if rule.period is not None and rule.period not in PERIODS:
        return f"kỳ '{rule.period}' không hợp lệ; chỉ nhận {', '.join(PERIODS)}."
    if rule.days not in DAY_COUNTS:
        return f"cách đếm ngày '{rule.days}' không hợp lệ; chỉ nhận {', '.join(DAY_COUNTS)}."
    if rule.start_time and not rule.due_time:
        return "quy tắc có giờ bắt đầu thì phải có cả giờ hết hạn."
    if rule.start_time and rule.due_time and rule.start_time > rule.due_time:
        return f"giờ bắt đầu {rule.start_time:%H:%M} muộn hơn giờ hết hạn {rule.due_time:%H:%M}."
    if rule.kind == "deadline":
        if rule.due is None:
            return "quy tắc hạn chót phải có ngày hết hạn (due)."
        if rule.start and rule.start > rule.due:
            return (
                f"ngày bắt đầu {format_date(rule.start)} muộn hơn ngày hết hạn "
                f"{format_date(rule.due)}."
            )
    elif rule.kind == "recurring":
        if not rule.rrule:
            return "quy tắc định kỳ phải có RRULE, ví dụ 'FREQ=WEEKLY;BYDAY=TH'."
        try:
            _parse_rrule(rule.rrule, date(2000, 1, 1))
        except (ValueError, TypeError) as exc:
            return f"không đọc được RRULE '{rule.rrule}' ({exc})."
    elif rule.kind == "relative":
        if not rule.event:
            return "quy tắc tính từ sự kiện phải nêu loại sự kiện (event)."
        if rule.start_offset is not None and rule.start_offset > rule.offset:
            return f"số ngày bắt đầu {rule.start_offset} lớn hơn số ngày hết hạn {rule.offset}."
    return None


def _as_date(value: Any, where: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ScheduleError(f"{where}: '{value}' không phải ngày dạng YYYY-MM-DD.") from exc


def _as_time(value: Any, where: str) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, int):  # YAML 1.1 reads 16:15 as a sexagesimal number
        return time(value // 60, value % 60)
    try:
        return time.fromisoformat(str(value))
    except ValueError as exc:
        raise ScheduleError(
            f"{where}: '{value}' không phải giờ trong ngày, ví dụ '16:15'."
        ) from exc


def _as_int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ScheduleError(f"{where}: '{value}' không phải số ngày nguyên.")
    try:
        return int(value)
    except ValueError as exc:
        raise ScheduleError(f"{where}: '{value}' không phải số ngày nguyên.") from exc


def rules_from_dicts(items: Iterable[Mapping[str, Any]] | None, *, where: str) -> list[Rule]:
    """Parse a task's rules, giving each a stable key (``r1``, ``r2`` … by position) if unset."""
    rules: list[Rule] = []
    for index, item in enumerate(items or (), start=1):
        rule = Rule.from_dict(item, where=f"{where}, quy tắc {index}")
        if not rule.key:
            rule = replace(rule, key=f"r{index}")
        rules.append(rule)
    keys = [r.key for r in rules]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ScheduleError(f"{where}: khóa quy tắc {', '.join(duplicates)} bị dùng hai lần.")
    return rules


def rules_to_dicts(rules: Iterable[Rule]) -> list[dict[str, Any]]:
    return [rule.to_dict() for rule in rules]


# --------------------------------------------------------------------------- expansion


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


def _parse_rrule(text: str, dtstart: date) -> RRule:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if "DTSTART" in body.upper():
        raise ValueError("không ghi DTSTART trong RRULE; ngày bắt đầu lấy từ kỳ kế hoạch")
    parsed = rrulestr(body, dtstart=datetime.combine(dtstart, time()))
    if not isinstance(parsed, RRule):
        raise ValueError("chỉ nhận một RRULE")
    return parsed


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
    parsed = _parse_rrule(rule.rrule, start)
    period: Period = rule.period or infer_period(rule.rrule)
    nominal_dates = [
        moment.date()
        for moment in parsed.between(
            datetime.combine(start, time()), datetime.combine(end, time.max), inc=True
        )
    ]
    seen: dict[str, int] = {}
    out: list[OccurrenceSpec] = []
    for nominal in nominal_dates:
        pkey = period_key(nominal, period)
        seen[pkey] = seen.get(pkey, 0) + 1
        suffix = "" if seen[pkey] == 1 else f".{seen[pkey]}"
        due = calendar.adjust(nominal, rule.holiday_policy)
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


# --------------------------------------------------------------------------- reconciliation


@dataclass(frozen=True)
class ExistingOccurrence:
    """What the store already holds for one occurrence key."""

    key: str
    status: str  # "open", "done" or "cancelled"
    spec: OccurrenceSpec


@dataclass
class Reconciliation:
    """What to write so the store matches a fresh expansion, keeping all recorded work."""

    create: list[OccurrenceSpec] = field(default_factory=list)
    update: list[OccurrenceSpec] = field(default_factory=list)
    reopen: list[OccurrenceSpec] = field(default_factory=list)
    cancel: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.create or self.update or self.reopen or self.cancel)


@dataclass
class MaterializeCounts:
    """How many stored occurrences a reconciliation created, updated, reopened, cancelled
    or left alone; printed after an import, a seed or an event."""

    created: int = 0
    updated: int = 0
    reopened: int = 0
    cancelled: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.reopened + self.cancelled

    def add(self, other: MaterializeCounts) -> None:
        for name in ("created", "updated", "reopened", "cancelled", "unchanged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def __str__(self) -> str:
        return (
            f"{self.created} mới, {self.updated} cập nhật, {self.reopened} mở lại, "
            f"{self.cancelled} hủy, {self.unchanged} không đổi"
        )


def reconcile(
    existing: Iterable[ExistingOccurrence], fresh: Iterable[OccurrenceSpec]
) -> Reconciliation:
    """Compare stored occurrences with a fresh expansion, by key.

    Completed occurrences are never moved, reopened or cancelled: the work was
    done against the deadline it had. Open ones follow the rules; open ones the
    rules no longer produce are cancelled (kept for the record, not deleted),
    and a cancelled one the rules produce again is reopened.
    """
    stored = {e.key: e for e in existing}
    result = Reconciliation()
    fresh_keys: set[str] = set()
    for spec in fresh:
        fresh_keys.add(spec.key)
        old = stored.get(spec.key)
        if old is None:
            result.create.append(spec)
        elif old.status == "cancelled":
            result.reopen.append(spec)
        elif old.status == "open" and old.spec != spec:
            result.update.append(spec)
    for key, old in stored.items():
        if key not in fresh_keys and old.status == "open":
            result.cancel.append(key)
    return result
