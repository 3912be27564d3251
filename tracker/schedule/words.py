"""Schedule rules said back in Vietnamese (pure), for people who check what was read:
"Thứ Năm hằng tuần, 16:00–16:15", "Hạn 31/08/2022", "5–7 ngày sau khi có Quyết định
công bố". Never RRULE text or kind names: what a rule cannot be said plainly in is said
by its dates, which the caller lists beside it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time

from tracker.schedule.events import event_kind_label
from tracker.schedule.rules import Rule
from tracker.vn import format_date, format_time

__all__ = ["describe_dates", "describe_rule", "describe_rules"]

_DAYS = {"MO": "Thứ Hai", "TU": "Thứ Ba", "WE": "Thứ Tư", "TH": "Thứ Năm", "FR": "Thứ Sáu",
         "SA": "Thứ Bảy", "SU": "Chủ nhật"}  # fmt: skip
_ORDINALS = {1: "đầu tiên", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", -1: "cuối cùng"}
_QUARTER_MONTHS: dict[tuple[int, ...], str] = {
    (1, 4, 7, 10): "tháng đầu quý",
    (2, 5, 8, 11): "tháng giữa quý",
    (3, 6, 9, 12): "tháng cuối quý",
}


def _parts(rrule: str) -> dict[str, str]:
    out = {}
    for piece in rrule.upper().split(";"):
        name, _, value = piece.partition("=")
        if name and value:
            out[name.strip()] = value.strip()
    return out


def _ints(text: str) -> list[int]:
    try:
        return [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        return []


def _monthday(days: list[int], of_month: bool = False) -> str:
    """ "ngày 17", "ngày 5, 20"; the last day is "ngày cuối tháng", or "ngày cuối" when a
    month is named after it."""
    last = "ngày cuối" if of_month else "ngày cuối tháng"
    return ", ".join(last if d == -1 else f"ngày {d}" for d in days)


def _weekday(code: str) -> str | None:
    """ "TH" → "Thứ Năm"; "1MO" → "Thứ Hai đầu tiên"; "-1FR" → "Thứ Sáu cuối cùng"."""
    day = _DAYS.get(code[-2:])
    if day is None:
        return None
    number = code[:-2]
    if not number:
        return day
    try:
        return f"{day} {_ORDINALS[int(number)]}"
    except (ValueError, KeyError):
        return None


def _recurring(rrule: str) -> str | None:
    parts = _parts(rrule)
    freq = parts.get("FREQ", "")
    interval = _ints(parts.get("INTERVAL", "1")) or [1]
    months = _ints(parts.get("BYMONTH", ""))
    monthdays = _ints(parts.get("BYMONTHDAY", ""))
    weekdays = [w for w in parts.get("BYDAY", "").split(",") if w]
    named = [_weekday(w) for w in weekdays]
    if any(n is None for n in named) or set(parts) - {"FREQ", "INTERVAL", "BYMONTH",
                                                      "BYMONTHDAY", "BYDAY", "WKST"}:  # fmt: skip
        return None
    days = ", ".join(n for n in named if n)
    if freq == "DAILY" and interval == [1] and not (months or monthdays or weekdays):
        return "Hằng ngày"
    if freq == "WEEKLY" and not (months or monthdays):
        every = "hằng tuần" if interval == [1] else f"{interval[0]} tuần một lần"
        return f"{days or 'Một ngày'} {every}"
    if freq == "MONTHLY" and not months and interval == [1]:
        if monthdays and not weekdays:
            return f"{_monthday(monthdays).capitalize()} hằng tháng"
        if weekdays and not monthdays:
            return f"{days} của tháng, hằng tháng"
    if freq in ("MONTHLY", "YEARLY") and months:
        where = _QUARTER_MONTHS.get(tuple(sorted(months)))
        if monthdays and not weekdays:
            if len(months) == 1 and freq == "YEARLY" and len(monthdays) == 1 and monthdays[0] > 0:
                return f"Ngày {monthdays[0]:02d}/{months[0]:02d} hằng năm"
            if where:
                return f"Hằng quý, {_monthday(monthdays, True)} {where}"
            listed = ", ".join(str(m) for m in sorted(months))
            plural = "tháng" if len(months) == 1 else "các tháng"
            return f"{_monthday(monthdays, True).capitalize()} {plural} {listed} hằng năm"
        if weekdays and not monthdays:
            listed = ", ".join(str(m) for m in sorted(months))
            return f"{days} của các tháng {listed}"
    if freq == "MONTHLY" and interval == [3] and monthdays and not weekdays:
        return f"Hằng quý, {_monthday(monthdays)}"
    if freq == "YEARLY" and not (months or monthdays or weekdays):
        return "Hằng năm"
    return None


def _times(start: time | None, due: time | None) -> str:
    if start and due:
        return f"{format_time(start)}–{format_time(due)}"
    if due:
        return f"hạn {format_time(due)}"
    if start:
        return f"từ {format_time(start)}"
    return ""


def _count(days: int, kind: str) -> str:
    return f"{days} ngày làm việc" if kind == "working" else f"{days} ngày"


def describe_rule(rule: Rule) -> str:
    """One rule as a short Vietnamese sentence."""
    times = _times(rule.start_time, rule.due_time)
    if rule.kind == "deadline":
        text = f"Hạn {format_date(rule.due)}" if rule.due else "Hạn"
        if rule.start and rule.start != rule.due:
            text = f"Từ {format_date(rule.start)} đến {format_date(rule.due)}"
        return f"{text}, {times}" if times else text
    if rule.kind == "recurring":
        text = _recurring(rule.rrule) or "Định kỳ (xem các hạn bên cạnh)"
        return f"{text}, {times}" if times else text
    if rule.kind == "continuous":
        text = "Thường xuyên"
        if rule.start:
            text += f" từ {format_date(rule.start)}"
        if rule.until:
            text += f" đến {format_date(rule.until)}"
        return text
    event = event_kind_label(rule.event).lower() if rule.event else "yêu cầu"
    event = event.removeprefix("có ")
    if rule.offset == 0 or (rule.kind == "on_demand" and not rule.offset):
        text = f"Khi có {event}"
        return f"{text}, {times}" if times else text
    after = rule.offset >= 0
    last = abs(rule.offset)
    first = abs(rule.start_offset) if rule.start_offset is not None else None
    span = _count(last, rule.days)
    if first is not None and first != last:
        low, high = sorted((first, last))
        span = f"{low}–{_count(high, rule.days)}"
    text = f"{span} {'sau khi có' if after else 'trước khi có'} {event}"
    return f"{text}, {times}" if times else text


def describe_rules(rules: Iterable[Rule]) -> str:
    """Several rules, one sentence each, without repeats."""
    return "; ".join(dict.fromkeys(describe_rule(r) for r in rules))


def describe_dates(days: Sequence[date], shown: int = 6) -> str:
    """ "17/03/2026, 17/06/2026, … (12 hạn)": the first few due dates and how many."""
    if not days:
        return ""
    listed = ", ".join(format_date(d) for d in days[:shown])
    if len(days) > shown:
        return f"{listed}, … ({len(days)} hạn)"
    return listed
