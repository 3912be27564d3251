"""Lunar dates in a timing phrase: "mùng 6 tháng Giêng", "rằm tháng Bảy", "ngày 15 tháng 7
âm lịch", "mùng 4 Tết". Converted on the Vietnamese lunar calendar for the plan's year and
always left for an officer to confirm, unless the phrase also gives the solar date and the
two agree ("Chủ nhật 22/2/2026 (tức mùng 6 tháng Giêng, năm Bính Ngọ)")."""

from __future__ import annotations

import contextlib
import re
from datetime import date

from tracker.schedule.lunar import lunar_to_solar
from tracker.schedule.timing.cell import Cell, deadline
from tracker.vn import format_date

__all__ = ["lunar_dates"]

_MONTH_WORDS = {
    "gieng": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10, "muoi mot": 11, "mot": 11, "muoi hai": 12, "chap": 12,
}  # fmt: skip
_MONTH = (
    r"(gieng|chap|muoi\s+mot|muoi\s+hai|muoi|mot|hai|bay|ba|tu|nam|sau|tam|chin|\d{1,2})(?![a-z\d])"
)
_STEMS = ("giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy")
_BRANCHES = ("ty", "suu", "dan", "mao", "thin", "ty", "ngo", "mui", "than", "dau", "tuat", "hoi")
_CYCLE_YEAR = rf"(?:\s*,?\s*(?:cua\s+)?nam\s+({'|'.join(_STEMS)})\s+({'|'.join(sorted(set(_BRANCHES)))})(?![a-z]))?"
_LUNAR_MARK = r"(\s*\(?\s*(?:am\s+lich|al)\b\s*\)?)?"

_LUNAR = re.compile(
    r"(?:(?:vao\s+)?(?:dem|ngay)\s+)?(?:(?:mung|mong)\s+(\d{1,2})|(ram)|(\d{1,2})(?:\s*(?:-|den)\s*(?:(?:ngay|mung|mong)\s+)?(\d{1,2}))?)"
    rf"\s+(?:(?:thang\s+{_MONTH})|(tet)(?:\s+nguyen\s+dan)?){_LUNAR_MARK}{_CYCLE_YEAR}"
)
# "từ ngày 6 đến ngày 8 âm lịch", "trước ngày 15 âm lịch": a lunar day with no month.
_LUNAR_DAY_ONLY = re.compile(
    r"(?:(?:tu|truoc|vao)\s+)?ngay\s+\d{1,2}(?:\s+den\s+ngay\s+\d{1,2})?\s+am\s+lich"
)


def _cycle_year(stem: str, branch: str, near: int) -> int | None:
    s = _STEMS.index(stem)
    candidates = [b for b, name in enumerate(_BRANCHES) if name == branch and b % 2 == s % 2]
    if not candidates:
        return None
    b = candidates[0]
    years = [y for y in range(near - 40, near + 41) if (y - 4) % 10 == s and (y - 4) % 12 == b]
    return min(years, key=lambda y: abs(y - near)) if years else None


def lunar_dates(cell: Cell) -> None:
    solar = re.findall(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", cell.folded)
    given: set[date] = set()
    for d, m, y in solar:
        with contextlib.suppress(ValueError):
            given.add(date(int(y), int(m), int(d)))
    for match in cell.matches(_LUNAR):
        mung, ram, first, last, month_text, tet, mark, stem, branch = match.groups()
        lunar = bool(mung or ram or tet or mark) or month_text in ("gieng", "chap")
        if not lunar:
            continue
        day = 15 if ram else int(mung or last or first)
        if tet:
            month = 1
        else:
            assert month_text is not None
            month = (
                int(month_text)
                if month_text.isdigit()
                else _MONTH_WORDS[" ".join(month_text.split())]
            )
        shown = cell.original(match.start(), match.end())
        years = []
        if stem and branch:
            named = _cycle_year(stem, branch, cell.year or date.today().year)
            if named:
                years = [named]
        if not years and cell.year is not None:
            years = [cell.year, cell.year - 1]
        converted = [d for y in years if (d := lunar_to_solar(day, month, y)) is not None]
        if any(d in given for d in converted):
            cell.take(match.start(), match.end())  # the solar date beside it says the same
            continue
        if cell.year is None and not (stem and branch):
            cell.add(
                match, [], f"ngày âm lịch '{shown}' không nêu năm và chưa biết năm của kế hoạch"
            )
            continue
        if not converted:
            cell.add(match, [], f"ngày âm lịch '{shown}' không có trong năm đó")
            continue
        due = converted[0]
        cell.add(
            match,
            [deadline(due)],
            f"ngày âm lịch '{shown}', tạm đổi sang dương lịch là {format_date(due)}",
        )
    for match in cell.matches(_LUNAR_DAY_ONLY):
        shown = cell.original(match.start(), match.end())
        cell.add(match, [], f"ngày âm lịch '{shown}' không nêu tháng")
