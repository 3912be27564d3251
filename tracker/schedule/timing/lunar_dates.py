"""Lunar dates in a timing phrase: "mùng 6 tháng Giêng", "rằm tháng Bảy", "ngày 15 tháng 7
âm lịch", "mùng 4 Tết". Converted on the Vietnamese lunar calendar for the plan's year and
always left for an officer to confirm, unless the phrase also gives the solar date and the
two agree ("Chủ nhật 22/2/2026 (tức mùng 6 tháng Giêng, năm Bính Ngọ)")."""

from __future__ import annotations

import contextlib
import itertools
import re
from datetime import date, timedelta

from tracker.schedule.lunar import BRANCHES, STEMS, lunar_to_solar
from tracker.schedule.timing.cell import Cell, deadline
from tracker.vn import fold, format_date

__all__ = ["lunar_dates"]

_MONTH_WORDS = {
    "gieng": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10, "muoi mot": 11, "mot": 11, "muoi hai": 12, "chap": 12,
}  # fmt: skip
_MONTH = (
    r"(gieng|chap|muoi\s+mot|muoi\s+hai|muoi|mot|hai|bay|ba|tu|nam|sau|tam|chin|\d{1,2})(?![a-z\d])"
)
# The cycle's names folded, as the text here is (tracker/schedule/lunar.py keeps them).
_STEMS = tuple(fold(s) for s in STEMS)
_BRANCHES = tuple(fold(b) for b in BRANCHES)
# "năm Bính Ngọ", or the cycle's name alone after the date ("mùng 4 Tết Bính Ngọ").
_CYCLE_YEAR = rf"(?:\s*,?\s*(?:cua\s+)?(?:nam\s+)?({'|'.join(_STEMS)})\s+({'|'.join(sorted(set(_BRANCHES)))})(?![a-z]))?"
_LUNAR_MARK = r"(\s*\(?\s*(?:am\s+lich|al)\b\s*\)?)?"

# "(từ ngày 16 đến hết ngày 18 tháng Giêng …)", "(nhằm ngày 12,13,14 tháng 8 âm lịch)", "(tức
# ngày mùng 5 và mùng 6 tháng Giêng năm Quý Mão)", "(tức ngày 10 và ngày 11 tháng Chạp)" (round
# nineteen: flagged before, the first day read as a day of no month), "(nhằm ngày 18 đến
# sáng 20 tháng Chạp)" (a part of the day before the last day changes no date): a range or a
# list of days of one lunar month; its last day is the one checked or read.
_LUNAR = re.compile(
    r"(?:(?:vao|tu|tuc|nham)\s+)?(?:(?:tu)\s+)?(?:(?:dem|ngay)\s+)?(?:(?:mung|mong)\s+(\d{1,2})|(ram)|(?:(?:mung|mong)\s+)?(?:\d{1,2}\s*(?:,|va)\s*(?:(?:mung|mong|ngay)\s+)?)*(\d{1,2})(?:\s*(?:-|den|toi)\s*(?:het\s+)?(?:(?:sang|trua|chieu|toi|dem)\s+)?(?:(?:ngay|mung|mong)\s+)?(\d{1,2}))?)"
    rf"\s+(?:(?:thang\s+{_MONTH})|(tet)(?:\s+nguyen\s+dan)?){_LUNAR_MARK}{_CYCLE_YEAR}"
    # "(nhằm mùng 1 Tết Ất Tỵ 2025)" (round forty-nine): the lunar year's number after its name
    # (the solar year it begins in), checked against the name; "2025" was left unread.
    r"(?:\s*,?\s*(?:nam\s+)?((?:19|20)\d\d)(?![\d/.\-]))?"
)
# "từ ngày 6 đến ngày 8 âm lịch", "trước ngày 15 âm lịch": a lunar day with no month.
_LUNAR_DAY_ONLY = re.compile(
    r"(?:(?:tu|truoc|vao)\s+)?ngay\s+\d{1,2}(?:\s+(?:den|toi)\s+ngay\s+\d{1,2})?\s+am\s+lich"
)


def _cycle_year(stem: str, branch: str, near: int) -> int | None:
    s = _STEMS.index(stem)
    candidates = [b for b, name in enumerate(_BRANCHES) if name == branch and b % 2 == s % 2]
    if not candidates:
        return None
    b = candidates[0]
    years = [y for y in range(near - 40, near + 41) if (y - 4) % 10 == s and (y - 4) % 12 == b]
    return min(years, key=lambda y: abs(y - near)) if years else None


# "Từ 16/10- 2/11 (từ 8/9- 25/9 âl)", "Thứ Bảy 11/01/2025 (nhằm 12/12 ÂL)", "Thứ 3 ngày
# 08/04/2025 (ngày 11/3 Âm lịch)": the lunar dates in
# brackets name the solar ones beside them. Taken when each one converts to a solar date the
# cell gives (the same day, or a range's first or last day); otherwise left for an officer.
# "(tức ngày 15 - 17/2 âm lịch)", "(tức ngày 8 đến 10/3 âm lịch)" (round seventeen): a range
# whose first day shares the last one's month, each end checked as the others are. "tới" is
# "đến" between the ends, here and in every lunar range (hmeta).
_LUNAR_ASIDE = re.compile(
    r"\(\s*(?:(?:tuc|nham|tuc\s+la)\s+)?(?:tu\s+)?(?:ngay\s+)?(\d{1,2})(?:\s*/\s*(\d{1,2})(?:\s*/\s*\d{4})?)?"
    r"(?:\s*(?:-|den|toi)\s*(?:ngay\s+)?(\d{1,2})(?:\s*/\s*|-(?=\d))(\d{1,2})(?:\s*/\s*\d{4})?)?\s*(?:am\s+lich|al)\s*\)"
)
# "từ ngày 21 đến 27-11-2023 (tức ngày 9 đến 15-10 âm lịch)" (round forty-two, a province's
# sowing rounds): the solar window's first day takes its month from the last, and days written
# with dashes are days; both ends are then checked against the lunar ones.
_SOLAR_DASHED = re.compile(r"(?<![\d/])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d/])")
_SOLAR_FIRST_DAY = re.compile(
    r"(?<![\d/])(\d{1,2})(\s+(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?)(\d{1,2})\s*/\s*(\d{1,2})(?![\d])"
)
_SOLAR_DAY = re.compile(
    r"(?<![\d/])(\d{1,2})(?:\s*-\s*(\d{1,2}))?\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])"
)


def _solar_days(text: str, year: int) -> set[date]:
    days: set[date] = set()
    for first, second, month, given in _SOLAR_DAY.findall(text):
        for day in (first, second):
            if day:
                with contextlib.suppress(ValueError):
                    days.add(date(int(given or year), int(month), int(day)))
    return days


def _lunar_asides(cell: Cell) -> None:
    if cell.year is None:
        return
    for match in cell.matches(_LUNAR_ASIDE):
        if not match[2] and not match[3]:
            continue  # "(15 âm lịch)": a day with no month, left to the other readers
        outside = cell.folded[: match.start()] + " " + cell.folded[match.end() :]
        outside = _SOLAR_DASHED.sub(r"\1/\2/\3", outside)
        outside = _SOLAR_FIRST_DAY.sub(r"\1/\4\2\3/\4", outside)
        solar = _solar_days(outside, cell.year)
        pairs = [(int(match[1]), int(match[2] or match[4]))]
        if match[3]:
            pairs.append((int(match[3]), int(match[4])))
        years = {d.year for d in solar} | {cell.year}
        converted = [
            [c for y in {*years, *(y - 1 for y in years)} if (c := lunar_to_solar(d, m, y))]
            for d, m in pairs
        ]
        agree = all(any(c in solar for c in days) for days in converted)
        if not agree and len(pairs) == 1 and len(solar) >= 2:
            # "từ 11- 21/11 (10/10 âl)": the lunar day of a short window's main day, inside it.
            first, last = min(solar), max(solar)
            agree = (last - first).days <= 31 and any(first <= c <= last for c in converted[0])
        shown = cell.original(match.start(), match.end())
        if solar and agree:
            cell.take(match.start(), match.end())
        else:
            cell.add(match, [], f"ngày âm lịch '{shown}' không khớp với ngày dương lịch bên cạnh")


_WORDED_SOLAR = re.compile(
    r"(?<![\d/])(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?(?![\d/])"
    r"(?!\s*\(?\s*(?:am\s+lich|al)(?![a-z]))"
)


def _solar_days_given(cell: Cell) -> set[date]:
    given: set[date] = set()
    # "22/5/2024", "15-5-2024": one separator throughout.
    for full in re.finditer(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})", cell.folded):
        with contextlib.suppress(ValueError):
            given.add(date(int(full[4]), int(full[3]), int(full[1])))
    # "ngày 22 tháng 5 dương lịch", "22 tháng 5 năm 2024": solar days in words.
    for d, m, y in _WORDED_SOLAR.findall(cell.folded):
        for year in [int(y)] if y else [cell.year, cell.year + 1] if cell.year else []:
            with contextlib.suppress(ValueError):
                given.add(date(year, int(m), int(d)))
    if cell.year is not None:
        # "(tức 4/3)", "từ 31-1 đến hết ngày 11-2": solar days written without their year,
        # of the plan's year or the one after it (a lunar year's end falls in January).
        # "từ ngày 27.1-24.2 (…)": with dots too.
        text = re.sub(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?![\d.])", r"\1/\2", cell.folded)
        text = re.sub(r"(\d{1,2})\s*-\s*(\d{1,2})(?=\s*(?:\(|$|den|[;,.]))", r"\1/\2", text)
        for year in (cell.year, cell.year + 1):
            given |= _solar_days(text, year)
    return given


# "Sáng mùng 5/2 (mùng 6 tháng Giêng)": "mùng" before a solar day the lunar date beside it
# confirms is the everyday way of saying that day; unconfirmed, it stays to flag.
_MUNG_SOLAR = re.compile(
    r"(?:mung|mong)\s+(?=(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/]))"
)


def _solar_mung(cell: Cell, confirmed: set[date]) -> None:
    for match in cell.matches(_MUNG_SOLAR) if confirmed else ():
        day, month, year = int(match[1]), int(match[2]), match[3]
        if any(
            (d.day, d.month) == (day, month) and (year is None or d.year == int(year))
            for d in confirmed
        ):
            cell.take(match.start(), match.end())


_BETWEEN_LUNAR = re.compile(r"\s*(?:den|toi)(?:\s+het)?\s*")


def _lunar_range_words(cell: Cell, spans: list[tuple[int, int]]) -> None:
    """ "(tức từ 24 tháng chạp đến hết mồng 5 tháng giêng)": the word joining two lunar
    dates read (or checked) on their own belongs to them."""
    for (_, left_end), (right_start, _) in itertools.pairwise(spans):
        if _BETWEEN_LUNAR.fullmatch(cell.folded, left_end, right_start):
            cell.take(left_end, right_start)


# "Ngày 8-4-Giáp Thìn (15-5-2024)", "Ngày 15/4 năm Giáp Thìn (tức 22/5/2024)", "từ ngày 8/4 -
# 15/4/2024 Âm lịch (tức …)", "ngày mùng 8/4 đến 15/4 Giáp Thìn": a lunar date in numbers,
# marked as lunar by "âm lịch" or by its year's name in the sixty-year cycle after it (a
# range's last end carries the mark); "mùng" may lead its first day.
# "nhằm ngày 15-17/9 âm lịch" (round twenty-eight, unbracketed after a solar range): the first
# end may share the last one's month. "6/1/2024(25/11/Quý Mão)": the cycle's name may follow
# the day and month after a slash (both flagged before).
_DAY_MONTH = r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})"
_FIRST_END = r"(\d{1,2})(?:\s*[/.\-]\s*(\d{1,2}))?"
_LUNAR_NUMERIC = re.compile(
    rf"(?:(?<!thu\s)(?:tu|tuc|nham|vao)\s+)?(?:ngay\s+)?(?:(?:mung|mong)\s+)?(?:{_FIRST_END}(?:\s*[/.\-]\s*\d{{4}})?\s*(?:-|den|toi)\s*(?:ngay\s+)?)?"
    rf"{_DAY_MONTH}(?:\s*[/.\-]\s*(\d{{4}}))?"
    r"(?:\s*(?:am\s+lich|al)(?![a-z])|\s*\(\s*(?:am\s+lich|al|a\s*\.\s*l\.?)\s*\)|\s*[,\-/]?\s*(?:nam\s+)?"
    rf"({'|'.join(_STEMS)})\s+({'|'.join(sorted(set(_BRANCHES)))})(?![a-z]))"
)


def _lunar_years(written: str | None, year: int | None) -> list[int]:
    """The lunar years a date may be of: the one written, else the plan's year and the one
    before (a lunar date early in a solar year is often of the lunar year before)."""
    if written:
        return [int(written)]
    return [] if year is None else [year, year - 1]


# "bắt đầu từ thứ tư ngày mùng 8/4 đến 15/4 Giáp Thìn (tức 15/5 …)": the weekday before a
# lunar date the solar dates confirm is the weekday of its solar day; checked, then taken.
_WEEKDAY_BEFORE = re.compile(
    r"(?<![a-z])(?:(?:bat\s+dau\s+)?tu\s+)?(?:thu\s+(hai|ba|tu|nam|sau|bay|[2-7])|(chu\s+nhat))\s*,?\s*$"
)
_WEEKDAYS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}


def _weekday_before(cell: Cell, start: int, day: date) -> None:
    before = _WEEKDAY_BEFORE.search(cell.folded, max(0, start - 30), start)
    if before is None:
        return
    named = before[1]
    weekday = 6 if before[2] else _WEEKDAYS.get(named, int(named) - 2 if named.isdigit() else -1)
    if weekday == day.weekday() and cell.free(before.start(), start):
        cell.take(before.start(), start)


def _numeric_lunar_dates(
    cell: Cell, given: set[date], confirmed: set[date], spans: list[tuple[int, int]]
) -> None:
    for match in cell.matches(_LUNAR_NUMERIC):
        first_day, first_month, day, month, written, stem, branch = match.groups()
        if written and stem:
            continue  # "10/2/2024, năm Giáp Thìn": a solar date and its year's name
        if stem and branch:
            named = _cycle_year(stem, branch, cell.year or date.today().year)
            years = [named] if named else []
        else:
            years = _lunar_years(written, cell.year)
        ends = [(int(day), int(month))]
        if first_day:
            ends.insert(0, (int(first_day), int(first_month or month)))
            if not first_month and int(first_day) >= int(day):
                continue  # "19-21" the wrong way round: no range of one month
        converted = [[c for y in years if (c := lunar_to_solar(d, m, y))] for d, m in ends]
        shown = cell.original(match.start(), match.end())
        if converted and all(any(c in given for c in days) for days in converted):
            cell.take(match.start(), match.end())  # the solar dates beside it say the same
            confirmed.update(c for days in converted for c in days if c in given)
            spans.append(match.span())
            _weekday_before(cell, match.start(), next(c for c in converted[0] if c in given))
        elif not all(converted):
            cell.add(match, [], f"ngày âm lịch '{shown}' chưa đổi được sang dương lịch")
        else:
            due, start = converted[-1][0], converted[0][0] if first_day else None
            cell.add(
                match,
                [deadline(due, start)],
                f"ngày âm lịch '{shown}', tạm đổi sang dương lịch là {format_date(due)}",
            )


# "22 tháng 5 dương lịch", "24/4/2024 dương lịch": the solar calendar's name after a date.
# "trước ngày 15/1/2024 (dương lịch)", "(theo dương lịch)", "(DL)" (first sight of round
# fifty-one, hfirst51: the bracket left "dương" unread, flagged): the same name in brackets says
# the date is the solar one, as written. ("(âm lịch)" is a lunar date, read by ``lunar_dates``.)
_SOLAR_MARK = re.compile(
    r"(?<=\d)\s*,?\s*(\(\s*(?:theo\s+)?(?:duong\s+lich|dl)\s*\)|(?:duong\s+lich|dl)(?![a-z]))"
)
# "(Phật lịch 2568)": the Buddhist era's year (the common era's + 544), checked against the
# year of the dates beside it.
_BUDDHIST_YEAR = re.compile(r"\(\s*(?:nam\s+)?phat\s+lich\s+(\d{4})\s*\)")


def _calendar_names(cell: Cell, given: set[date]) -> None:
    for match in cell.matches(_SOLAR_MARK):
        cell.take(match.start(1), match.end(1))
    for match in cell.matches(_BUDDHIST_YEAR):
        if int(match[1]) - 544 in {d.year for d in given}:
            cell.take(match.start(), match.end())
        else:
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}' không khớp với năm của ngày bên cạnh")


# "Ngày 5/10/2023 (nhằm mùng 1 tháng 7 theo lịch Chăm)", "sáng 12/10 là ngày 1/7 theo Chăm
# lịch" (round twenty-eight, the Katê festival): a date of the Cham calendar, which is not the
# Vietnamese lunar one and is not converted here. Beside a solar date it is a remark on it,
# taken; alone it is left for an officer. It was converted as a Vietnamese lunar date before
# (a month or two off) or read as a solar day, and flagged.
_CHAM_DATE = re.compile(
    r"(\(\s*)?(?:(?:tuc|nham|la)\s+)?(?:ngay\s+)?(?:(?:mung|mong)\s+)?\d{1,2}"
    r"(?:\s*/\s*\d{1,2}|\s+thang\s+\d{1,2})\s*,?\s*(\(\s*)?(?:theo\s+)?(?:lich\s+cham|cham\s+lich)"
    r"(?![a-z])(?(2)\s*\))(?(1)\s*\))"
)


def _cham_dates(cell: Cell) -> None:
    for match in cell.matches(_CHAM_DATE):
        outside = cell.folded[: match.start()] + " " + cell.folded[match.end() :]
        if _SOLAR_DAY.search(outside) or _WORDED_SOLAR.search(outside):
            cell.take(match.start(), match.end())
        else:
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}' là ngày theo lịch Chăm, chưa đổi sang dương lịch")


# No lunar date is written without one of these words: cells without them skip the search.
_LUNAR_WORDS = re.compile(
    r"mung|mong|ram\b|tet\b|gieng|chap|am\s+lich|\bal\b|\ba\s*\.\s*l\b|duong\s+lich|phat\s+lich"
    r"|lich\s+cham|cham\s+lich"
    rf"|\b(?:{'|'.join(_STEMS)})\s+(?:{'|'.join(sorted(set(_BRANCHES)))})\b"
)


# "(nhằm ngày 06 tháng 06 đến ngày 04 tháng 08 năm 2021 âm lịch)": a range of lunar dates in
# words, the mark (and the year) written once after its last end, which holds for both.
_LUNAR_WORD_RANGE = re.compile(
    r"(?:(?:tuc|nham)(?:\s+la)?\s+)?(?:tu\s+)?(?:ngay|mung|mong)\s+(\d{1,2})\s+thang\s+(\d{1,2})"
    r"\s*(?:-|den|toi)\s*(?:het\s+)?(?:ngay|mung|mong)\s+(\d{1,2})\s+thang\s+(\d{1,2})"
    r"(?:\s+nam\s+(\d{4}))?\s*,?\s*(?:am\s+lich|al)(?![a-z])"
)


def _lunar_word_ranges(cell: Cell, given: set[date], confirmed: set[date]) -> None:
    for match in cell.matches(_LUNAR_WORD_RANGE):
        first_day, first_month, day, month, written = match.groups()
        years = _lunar_years(written, cell.year)
        ends = [(int(first_day), int(first_month)), (int(day), int(month))]
        converted = [[c for y in years if (c := lunar_to_solar(d, m, y))] for d, m in ends]
        shown = cell.original(match.start(), match.end())
        if all(any(c in given for c in days) for days in converted):
            cell.take(match.start(), match.end())  # the solar dates beside it say the same
            confirmed.update(c for days in converted for c in days if c in given)
        elif not all(converted):
            cell.add(match, [], f"ngày âm lịch '{shown}' chưa đổi được sang dương lịch")
        else:
            due, start = converted[-1][0], converted[0][0]
            cell.add(
                match,
                [deadline(due, start if start <= due else None)],
                f"ngày âm lịch '{shown}', tạm đổi sang dương lịch là {format_date(due)}",
            )


# "Trước Tết Nguyên đán", "Tết Nguyên đán Bính Ngọ", "Tết Âm lịch 2026": the lunar new
# year's day (mùng 1 Tết), converted for the year named (in the cycle or in digits) or the
# plan's, and offered for an officer to confirm: which Tết a plan means, and whether "trước
# Tết" is the day or the holiday before it, the words do not say.
# "0 giờ ngày 10/2/2024, tức đêm giao thừa Tết Giáp Thìn" (round twenty-eight, fireworks): the
# New Year's Eve of a Tết is the night into its first day, the day before it or the day itself
# beside it; "đêm giao thừa" was left unread and flagged. Alone it is offered as Tết is.
_NEW_YEAR = re.compile(
    # Not after "sau" (after Tết is no day of it) nor "nghỉ" (the holiday's days).
    r"(?<![a-z])(?<!sau\s)(?<!nghi\s)((?:(?:dem|toi|thoi\s+khac)\s+)?giao\s+thua\s+)?"
    r"tet\s+(?:nguyen\s+dan|am\s+lich|co\s+truyen)"
    rf"{_CYCLE_YEAR}(?:\s*,?\s*(?:nam\s+)?(\d{{4}})(?![\d/]))?"
)


def _new_year(cell: Cell, given: set[date]) -> None:
    for match in cell.matches(_NEW_YEAR):  # lunar_dates reads only cells with lunar words
        eve, stem, branch, written = match.groups()
        year = int(written) if written else cell.year
        if stem and branch:
            year = _cycle_year(stem, branch, year or date.today().year)
        day = lunar_to_solar(1, 1, year) if year else None
        shown = cell.original(match.start(), match.end())
        if day is None:
            cell.add(match, [], f"'{shown}' không nêu năm và chưa biết năm của kế hoạch")
        elif day in given or (eve and day - timedelta(days=1) in given):
            cell.take(match.start(), match.end())  # the solar date beside it says the same
            days = frozenset({day - timedelta(days=1)} if eve else {day})
            cell.restated.append((match.start(), match.end(), days & given))
        else:
            cell.add(match, [deadline(day)], f"'{shown}': tạm lấy mùng 1 Tết là {format_date(day)}")


def _countdown_day(day: int, tet_year: int) -> date | None:
    """Day ``day`` of the last lunar month before the Tết of ``tet_year``; "30 Tết" in a year
    whose last month has 29 days is that month's last day, the eve."""
    found = lunar_to_solar(day, 12, tet_year - 1)
    if found is None and day == 30:
        first = lunar_to_solar(1, 1, tet_year)
        return first - timedelta(days=1) if first else None
    return found


def lunar_dates(cell: Cell) -> None:
    if not _LUNAR_WORDS.search(cell.folded):
        return
    if "cham" in cell.folded:
        _cham_dates(cell)
    _lunar_asides(cell)
    given: set[date] | None = None  # the solar days the cell gives, found when first needed
    confirmed: set[date] = set()  # solar days a lunar date beside them agrees with
    if _LUNAR_WORD_RANGE.search(cell.folded):
        given = _solar_days_given(cell)
        _lunar_word_ranges(cell, given, confirmed)
    lunar_spans: list[tuple[int, int]] = []
    for match in cell.matches(_LUNAR):
        mung, ram, first, last, month_text, tet, mark, stem, branch, numbered = match.groups()
        # "ngày 15 tháng 4 năm Giáp Thìn": a year named in the sixty-year cycle is a lunar one.
        lunar = bool(mung or ram or tet or mark or (stem and branch)) or month_text in (
            "gieng",
            "chap",
        )
        if not lunar:
            continue
        lunar_spans.append(match.span())
        day = 15 if ram else int(mung or last or first)
        # "28 Tết", "đêm 30 Tết" (no "mùng"): a day of the last month before that Tết, as
        # people count down to it; read before as the first month's day (30 Tết of 2026 as
        # 18/3/2026). "mùng 4 Tết" and small days stay in the first month.
        before_tet = bool(tet) and not mung and day >= 20
        if tet:
            month = 12 if before_tet else 1
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
            named = _cycle_year(stem, branch, int(numbered or 0) or cell.year or date.today().year)
            if named:
                years = [named]
            if numbered and named != int(numbered):
                cell.add(match, [], f"'{shown}': tên năm âm lịch và số năm không khớp, cần xem lại")
                continue
        elif numbered:
            years = [int(numbered)]
        if given is None:
            given = _solar_days_given(cell)
        if not years and cell.year is not None:
            # The plan's lunar year or the one before; and those of the solar dates beside it
            # ("ngày 20/2/2026 (mùng 4 tháng Giêng)" in a plan of 2025).
            near = {cell.year} | {d.year for d in given if abs(d.year - cell.year) <= 1}
            years = sorted({*near, *(y - 1 for y in near)}, key=lambda y: (y != cell.year, -y))
        converted = [
            d
            for y in years
            if (d := _countdown_day(day, y) if before_tet else lunar_to_solar(day, month, y))
        ]
        if any(d in given for d in converted):
            cell.take(match.start(), match.end())  # the solar date beside it says the same
            confirmed.update(d for d in converted if d in given)
            cell.restated.append((match.start(), match.end(), frozenset(converted) & given))
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
    if given is None:
        given = _solar_days_given(cell)
    _new_year(cell, given)
    _numeric_lunar_dates(cell, given, confirmed, lunar_spans)
    _calendar_names(cell, given)
    # "(từ ngày 6 tháng giêng đến 5.2 năm Quý Mão)": a range's ends in words and in numbers.
    _lunar_range_words(cell, sorted(lunar_spans))
    _solar_mung(cell, confirmed)
    for match in cell.matches(_LUNAR_DAY_ONLY):
        shown = cell.original(match.start(), match.end())
        cell.add(match, [], f"ngày âm lịch '{shown}' không nêu tháng")
