"""Recognisers of cadences: hằng tuần, tháng, quý, năm, their weekday or day, and the
lists that name several at once."""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.plans.importers.base import fold
from tracker.plans.timing.cell import Cell, fold_keep_length, recurring, rx
from tracker.tasks.schedule import Rule

_WEEKDAYS = {
    "hai": "MO", "ba": "TU", "tu": "WE", "nam": "TH", "sau": "FR", "bay": "SA",
    "2": "MO", "3": "TU", "4": "WE", "5": "TH", "6": "FR", "7": "SA",
}  # fmt: skip


# Cadences: "hằng tuần, tháng, quý, năm", "định kỳ hàng quý, 01 năm", "02 lần/năm" …
_PERIOD_WORD = r"(?:(?:hang|moi|tung)\s+)?(?:0?1\s+)?(?:tuan\b|thang\b(?!\s*\d)|quy\b(?!\s*(?:iv|i{1,3}|v|[1-4])(?![a-z\d])|\s+dinh)|nam\b(?!\s*\d)|0?6\s+thang\b)"


_CADENCE = re.compile(
    rf"(?:dinh\s+ky|hang|moi|tung|bao\s+cao|theo)\s+({_PERIOD_WORD}(?:\s*(?:,|va|hoac)\s*{_PERIOD_WORD})*)"
)


_HALF_YEARLY = rx(
    r"(?:dinh_ky_)?(?:0?6_thang / (?:0?1_)?lan|0?2_lan / nam|hai_lan_(?:moi|mot|trong)_nam"
    r"|(?:moi|hang)_0?6_thang|0?6_thang_mot_lan|nua_nam_mot_lan|sau_thang_mot_lan)"
)


_YEARLY = rx(r"(?:0?1_lan / nam|mot_lan_(?:moi|mot|trong)_nam)")


_MONTHLY = rx(r"0?1_lan / thang")


_QUARTERLY = rx(r"0?1_lan / quy")


_WEEKDAY = re.compile(
    r"(?:vao\s+)?(?:(?:buoi\s+)?(?:sang|chieu|toi)\s+)?(?:ngay\s+)?(thu\s+(hai|ba|tu|nam|sau|bay|[2-7])\b|chu\s+nhat)"
)


_NTH_WEEK = re.compile(
    r"(?:(thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s+(?:cua\s+)?)?tuan\s+(?:thu\s+)?"
    r"(nhat|dau|hai|ba|tu|cuoi|[1-4])(?:\s+(?:cua|trong))?\s+(?:moi\s+|hang\s+)?thang"
)


_MONTH_DAYS = re.compile(
    r"(?:truoc\s+|cham\s+nhat(?:\s+la)?\s+|vao\s+|tu\s+)?ngay\s+(\d{1,2})((?:\s*(?:,|va)\s*(?:ngay\s+)?\d{1,2})*)"
    r"(?!\s*[/.\-]\s*\d|\s+thang\s+\d)"
)


_QUARTER_DAY = re.compile(
    r"(?:truoc\s+|cham\s+nhat(?:\s+la)?\s+)?ngay\s+(\d{1,2})\s+(?:cua\s+)?thang\s+(cuoi|dau)\s+(?:moi\s+)?quy"
)


_DAY_MONTH = r"\d{1,2}\s*[/.\-]\s*\d{1,2}(?!\s*[/.\-]\s*\d)"


_YEARLY_DATE = re.compile(
    r"(?:truoc\s+|cham\s+nhat(?:\s+la)?\s+|vao\s+)?(?:ngay\s+)?"
    rf"({_DAY_MONTH}(?:\s*(?:,|va)\s*(?:ngay\s+)?{_DAY_MONTH})*)\s+(?:hang|moi)\s+nam"
)


_REGULATION = rx(r"theo_(?:quy_dinh|ky_bao_cao|che_do_bao_cao)")


_PERIODIC_ONLY = rx(r"(?:dinh_ky|thuong_ky)")


_NTH = {"nhat": 1, "dau": 1, "hai": 2, "ba": 3, "tu": 4, "1": 1, "2": 2, "3": 3, "4": 4, "cuoi": -1}


def _weekday_code(text: str) -> str:
    words = text.split()
    return "SU" if words[0] == "chu" else _WEEKDAYS[words[-1]]


def _period_rule(unit: str, cell: Cell, day: int | None = None) -> Rule:
    default = 14 if cell.by_regulation else -1
    if unit == "tuan":
        return recurring("FREQ=WEEKLY;BYDAY=FR")
    if unit == "thang":
        return recurring(f"FREQ=MONTHLY;BYMONTHDAY={day or default}")
    if unit == "quy":
        return recurring(f"FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY={day or default}")
    if unit == "6thang":
        return recurring(f"FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY={day or default}")
    return recurring(f"FREQ=YEARLY;BYMONTH=12;BYMONTHDAY={day or default}")


def _units_of(listing: str) -> list[str]:
    units = []
    for word in re.findall(r"0?6\s+thang|tuan|thang|quy|nam", listing):
        units.append("6thang" if word.endswith("thang") and word[0].isdigit() else word)
    return units


def cadences(cell: Cell) -> None:
    # "theo quy định" sets a report's due day (the cut-off of Nghị định 09/2019); a meeting
    # "theo quy định" is only held as the rules say.
    cell.reports = "bao cao" in cell.folded or "bao cao" in fold(cell.context)
    cell.by_regulation = bool(_REGULATION.search(cell.folded)) and cell.reports
    for match in cell.matches(_YEARLY_DATE):
        pairs = re.findall(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})", match[1])
        rules = [
            recurring(f"FREQ=YEARLY;BYMONTH={int(m)};BYMONTHDAY={int(d)}", "year") for d, m in pairs
        ]
        cell.add(match, rules)
    for match in cell.matches(_NTH_WEEK):
        weekday = _weekday_code(match[1]) if match[1] else "FR"
        cell.add(match, [recurring(f"FREQ=MONTHLY;BYDAY={_NTH[match[2]]}{weekday}", "month")])
    for pattern, unit in (
        (_HALF_YEARLY, "6thang"),
        (_YEARLY, "nam"),
        (_MONTHLY, "thang"),
        (_QUARTERLY, "quy"),
    ):
        for match in cell.matches(pattern):
            cell.add(match, [_period_rule(unit, cell)])
    for match in cell.matches(_CADENCE):
        units = _units_of(match.group(1))
        if match.group(0).startswith("theo") and units != ["quy"]:
            continue  # "theo tháng" is not a cadence on its own unless "theo quý"
        cell.add(match, [_period_rule(u, cell) for u in units])
    _refine_days(cell)
    for match in cell.matches(_QUARTER_DAY):
        # "ngày 17 của tháng cuối quý" says quarterly on its own.
        months = "3,6,9,12" if match[2] == "cuoi" else "1,4,7,10"
        cell.add(match, [recurring(f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY={int(match[1])}")])


def _refine_days(cell: Cell) -> None:
    """Give weekly, monthly and quarterly cadences the weekday or day the cell names (or,
    for a bare cadence, the task's own words name)."""
    for found in cell.found:
        for index, rule in enumerate(found.rules):
            if rule.kind != "recurring":
                continue
            refined = _refine(rule, cell)
            if refined is not rule:
                found.rules[index] = refined


def _refine(rule: Rule, cell: Cell) -> Rule:
    if rule.rrule == "FREQ=WEEKLY;BYDAY=FR":
        for match in cell.matches(_WEEKDAY):
            cell.take(match.start(), match.end())
            return replace(rule, rrule=f"FREQ=WEEKLY;BYDAY={_weekday_code(match[1])}")
    if rule.rrule.startswith("FREQ=YEARLY;BYMONTH=3,6,9,12;"):
        for source in (cell, Cell(cell.context, fold_keep_length(cell.context), None, "")):
            for match in source.matches(_QUARTER_DAY):
                source.take(match.start(), match.end())
                months = "3,6,9,12" if match[2] == "cuoi" else "1,4,7,10"
                return replace(
                    rule, rrule=f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY={int(match[1])}"
                )
    if rule.rrule.startswith("FREQ=MONTHLY;BYMONTHDAY="):
        for match in cell.matches(_MONTH_DAYS):
            days = [match[1], *re.findall(r"\d{1,2}", match[2] or "")]
            if all(1 <= int(d) <= 31 for d in days):
                cell.take(match.start(), match.end())
                return replace(
                    rule, rrule="FREQ=MONTHLY;BYMONTHDAY=" + ",".join(str(int(d)) for d in days)
                )
    return rule


def weekly_by_day(cell: Cell) -> None:
    """A weekday with "hằng tuần" nearby was taken with its cadence; a weekday left alone
    ("thứ Sáu") is read as weekly, with a doubt."""
    for match in cell.matches(_WEEKDAY):
        rule = recurring(f"FREQ=WEEKLY;BYDAY={_weekday_code(match[1])}")
        cell.add(match, [rule], "chỉ nêu thứ trong tuần, tạm hiểu là hằng tuần")


def periodic_unspecified(cell: Cell) -> None:
    if any(r.kind == "recurring" for f in cell.found for r in f.rules):
        return
    for match in cell.matches(_PERIODIC_ONLY):
        rule = recurring(f"FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY={14 if cell.reports else -1}")
        cell.add(
            match,
            [rule],
            f"'{cell.original(match.start(), match.end())}' không nêu kỳ, tạm hiểu là hằng quý",
        )
