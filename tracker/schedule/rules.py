"""Schedule rules: what a task's timing says, checked, and stored as plain dicts.

Pure: the standard library and dateutil only. Their expansion into dated occurrences is
:mod:`tracker.schedule.expand`; comparing a fresh expansion with what is stored is
:mod:`tracker.schedule.reconcile`. A task carries one or more
:class:`Rule` objects, one of five kinds:

``deadline``   one due date, optionally a window start ("Trong tháng 01/2024").
``recurring``  an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=TH"), one occurrence per period.
``relative``   N calendar or working days after (or before) each recorded event of a kind.
``continuous`` done all through the period ("Thường xuyên"): no occurrence of its own.
``on_demand``  a deadline appears when a request (an event) comes in.

Every occurrence has a key that is stable across re-expansion: the rule's key
plus the period it covers ("r1:2026-W15") or the event that started it
("r2:ev17"), so expanding again after an edit updates open occurrences in place
and never touches completed ones (:func:`tracker.schedule.reconcile.reconcile`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time
from typing import Any, Literal, get_args

from dateutil.rrule import rrule as RRule
from dateutil.rrule import rrulestr

from tracker.errors import ScheduleError
from tracker.schedule.workdays import HOLIDAY_POLICIES, HolidayPolicy
from tracker.vn import format_date

__all__ = [
    "DAY_COUNTS",
    "DEFAULT_REQUEST_EVENT",
    "END_OF_DAY",
    "KINDS",
    "PERIODS",
    "DayCount",
    "Kind",
    "Period",
    "Rule",
    "parse_rrule",
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

    def problem(self) -> str | None:
        """What makes the rule invalid (its fields contradict), or ``None``."""
        return _rule_problem(self)

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
            parse_rrule(rule.rrule, date(2000, 1, 1))
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


def parse_rrule(text: str, dtstart: date) -> RRule:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if "DTSTART" in body.upper():
        raise ValueError("không ghi DTSTART trong RRULE; ngày bắt đầu lấy từ kỳ kế hoạch")
    parsed = rrulestr(body, dtstart=datetime.combine(dtstart, time()))
    if not isinstance(parsed, RRule):
        raise ValueError("chỉ nhận một RRULE")
    return parsed
