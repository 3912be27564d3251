"""Reading a cell: the recognisers in order of precedence, then the readings combined
(a window and its report date, a cadence and its day), times attached, and whatever no
recogniser took reported for review."""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any

from tracker.schedule.lunar import BRANCHES, STEMS, spellings
from tracker.schedule.rules import Rule, parse_rrule
from tracker.schedule.timing.cadences import (
    cadence_exceptions,
    cadences,
    numbered_weekdays,
    periodic_unspecified,
    report_month_spans,
    weekly_by_day,
)
from tracker.schedule.timing.cell import (
    ANY_DATE,
    Cell,
    Found,
    clean,
    date_from,
    fold_keep_length,
    month_end,
    number_of,
    second_sweep_wordings,
    third_sweep_wordings,
    whole_year,
)
from tracker.schedule.timing.dates import (
    NOW_WORDS,
    counted_months,
    data_brackets,
    data_clauses,
    data_cut_offs,
    date_ranges,
    dates,
    day_only,
    days_before_a_date,
    fractional_counts,
    how_often_ceilings,
    iso_weeks,
    months,
    named_first_last_days,
    ordinals,
    parts_of_months,
    quarters,
    quarters_each_year,
    report_periods,
    review_meetings,
    starts,
    vague_spans,
    week_numbers,
    weekdays_of_iso_weeks,
    working_days_within,
    years,
)
from tracker.schedule.timing.events import (
    NIGHT_HOURS_NOTE,
    bare_when_on_demand,
    continuous,
    date_leads,
    holiday_clause,
    named_numbers,
    on_demand,
    per_assignee,
    references,
    relative,
    times,
)
from tracker.schedule.timing.lexicon import CHANGES as _CHANGES
from tracker.schedule.timing.lexicon import (
    FOLDED_TIMING_SYLLABLES,
    FOLDED_TIMING_VOCABULARY,
    WHEN_WORDS,
    all_known,
    homonym_place,
    in_place,
    known,
    named,
    unit_word,
)
from tracker.schedule.timing.lexicon import TASK_SYLLABLES as _TASK_SYLLABLES
from tracker.schedule.timing.lunar_dates import lunar_dates
from tracker.schedule.timing.named_days import (
    CALENDAR_DAY_WORD,
    LUNAR_FEAST,
    SOLAR_DAY_NAME,
    SOLAR_DAYS,
)
from tracker.schedule.timing.several import (
    condition_on_demand,
    count_from_that,
    event_beside_a_date,
    frames,
    hour_for_some,
    labelled_apart,
    listed_months,
    listed_periods,
    one_day_for_cadences,
    segment_labels,
    start_word_then_deadline,
)
from tracker.vn import fold

__all__ = ["TimingResult", "find_timing", "looks_like_timing", "parse_timing"]


@dataclass(frozen=True)
class TimingResult:
    """What a timing cell means: rules, and whether (and why) an officer must check it."""

    text: str
    rules: tuple[Rule, ...]
    review: bool = False
    reason: str = ""
    # What is read right but sits oddly in the plan: a date whose year, written in the phrase,
    # is before the plan's ("ngày 30/6/2015" in a plan of 2021). Not a doubt about the words;
    # the importer and the editor put it before the officer as a review item all the same.
    caution: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "rules": [r.to_dict() for r in self.rules],
            "review": self.review,
            "reason": self.reason,
            "caution": self.caution,
        }


# Words that say nothing about when: they may stay unclaimed without a review.
_BENIGN = frozenset(
    [
        "ban",
        "bao",
        "bo",
        "cac",
        "can",
        "cao",
        "cham",
        "chi",
        "chieu",
        "chinh",
        "cho",
        "chot",
        "chuc",
        "chuyen",
        "co",
        "cong",
        "cua",
        "dai",
        "dam",
        "day",
        "de",
        "diem",
        "dien",
        "dinh",
        "do",
        "doan",
        "doi",
        # "đồng loạt" (all at once; round twenty-nine): filler only as the lexicon's compound,
        # "đông" (winter) and "loạt" alone being no lexicon words.
        "dong",
        "dot",
        "du",
        "dung",
        "duoc",
        "gia",
        "giai",  # "giai đoạn 1 …, giai đoạn 2 …": a batch, as "đợt"
        "gian",
        "giao",
        "gui",
        "han",
        "hang",
        "hanh",
        "het",
        "hien",
        "hinh",
        "hoac",
        "hoach",
        "hoc",
        "hom",
        "hop",
        "huyen",
        "ke",
        "keo",
        "ket",
        "khai",
        "kien",
        "kip",
        "ky",
        "la",
        "lan",
        "lay",  # "lấy ngày 10/10 hằng năm là …": to take (a day as), no timing of its own
        "lich",
        "lieu",
        "loat",
        "luc",
        "mac",
        "mai",
        "mot",
        "nam",
        "nay",
        "ngay",
        "nghiem",
        "nhat",
        "nhiem",
        "nop",
        "o",
        "phai",  # "chậm nhất phải được công bố trước …": must, no timing of its own
        "phan",
        "phong",
        "qua",
        "quy",
        "ra",
        "sang",
        "so",
        "tac",
        "tai",
        "tap",
        "tham",
        "thang",
        "thanh",
        "theo",
        "thoi",
        "thuc",
        "thuoc",
        "thuong",
        "tieu",
        "tinh",
        "to",
        "toi",
        "tong",
        "tren",
        "trien",
        "trinh",
        "trong",
        # "Trưa 28-9", "trưa ngày 31/8" (round thirty-four): noon, a part of the day as
        # "sáng", "chiều" and "tối" are, saying nothing the date does not.
        "trua",
        "tuc",
        "tuong",
        "ubnd",
        "va",
        "van",
        "vao",
        "ve",
        "viec",
        "voi",
        "vu",
        "xa",
        "xac",
        "xong",
    ]
)


def _read(cell: Cell, strict: bool) -> None:
    if not strict:
        _from_the_notice(cell)
        _weekend_excepted(cell)
        _weekly_rest_day_named(cell)
    references(cell)
    named_numbers(cell)
    vague_spans(cell)
    ordinals(cell)
    fractional_counts(cell)
    parts_of_months(cell)
    data_clauses(cell)
    report_month_spans(cell)
    report_periods(cell)
    review_meetings(cell)
    holiday_clause(cell)
    lunar_dates(cell)
    times(cell)
    per_assignee(cell)
    on_demand(cell)
    days_before_a_date(cell)
    relative(cell)
    continuous(cell)
    data_brackets(cell)
    counted_months(cell)
    data_cut_offs(cell)
    weekdays_of_iso_weeks(cell)
    quarters_each_year(cell)
    if not strict:
        numbered_weekdays(cell)
    cadences(cell)
    how_often_ceilings(cell)
    cadence_exceptions(cell)
    iso_weeks(cell)
    date_ranges(cell)
    if not strict:
        starts(cell)
    else:
        _starts_in_a_sentence(cell)
    if not strict:
        named_first_last_days(cell)
    dates(cell, strict)
    if not strict:
        _holiday_day_asides(cell)
    week_numbers(cell)
    quarters(cell)
    if not strict:
        listed_months(cell)
    months(cell)
    years(cell, strict)
    if not strict:
        weekly_by_day(cell)
        day_only(cell)
    periodic_unspecified(cell)
    date_leads(cell)


# "ngày 1/1/2026 – ngày đầu tiên của kỳ nghỉ Tết Dương lịch", "trước ngày 30/4 (ngày cuối cùng
# của đợt nghỉ lễ)" (round thirty-eight): an aside after one day names where that day falls in a
# holiday break; it changes no date (left unread before, flagged). Only right after a single
# day's deadline, only "ngày đầu tiên / cuối cùng / thứ N" of a "kỳ nghỉ" or "đợt nghỉ", then a
# few words with no number and no bound ("sau", "trước", "đến", "từ" …), to the cell's end.
_HOLIDAY_DAY_ASIDE = re.compile(
    r"\s*(?:[-–—,]|\()\s*ngay\s+(?:dau\s+tien|cuoi\s+cung|thu\s+(?:hai|ba|tu|nam|sau|bay))"
    r"\s+(?:cua\s+)?(?:ky|dot)\s+nghi"
    r"(?:\s+(?!(?:truoc|sau|den|tu|toi|han|neu|tru|ngoai|rieng)(?![a-z]))[a-z]+){0,5}"
    r"\s*\)?\s*[.;]?\s*$"
)


def _holiday_day_asides(cell: Cell) -> None:
    if "ky nghi" not in cell.folded and "dot nghi" not in cell.folded:
        return
    match = _HOLIDAY_DAY_ASIDE.search(cell.folded)
    if match is None or not cell.free(match.start(), match.end()):
        return
    before = [f for f in cell.found if f.end <= match.start()]
    if not before:
        return
    last = max(before, key=lambda f: f.end)
    if cell.folded[last.end : match.start()].strip() or len(last.rules) != 1:
        return
    rule = last.rules[0]
    if rule.kind == "deadline" and rule.due is not None and rule.start in (None, rule.due):
        cell.add(match, [])


def _starts_in_a_sentence(cell: Cell) -> None:
    """ "Thời gian qua, nhất là từ tháng 01/2026, …" (probed, hprobe6): a start with no end, in
    a sentence, says since when, not by when; left unread, its month was read as a window due
    at its end, without a flag. Set aside (the task's own deadline beside it still reads)."""
    if "tu" not in cell.folded:
        return
    before = len(cell.found)
    starts(cell)
    for found in cell.found[before:]:
        found.rules, found.note = [], ""


# A bound: the words that lead to the day (or the hour, or the count) a thing is due by.
# Each says "by then" ("trước ngày X" is due on X, the house reading); they chain ("hoàn
# thành chậm nhất là vào"). One vocabulary for every anchor, so a bound read before a date
# is read before a day of the month, a day of a quarter, a weekday or an hour too.
_BOUND_WORD = (
    r"(?:truoc\s+hoac\s+(?:trong|vao)|truoc|(?:cham|muon|tre)\s+nhat|han\s+(?:chot|cuoi)(?:\s+cung)?"
    r"|thoi\s+han(?:\s+cuoi)?|han|khong\s+(?:qua|(?:muon|tre|cham)\s+hon|sau)|hoan\s+thanh|xong"
    # "tối đa đến ngày 30/11/2021" (round twenty-four): "at most until", a latest day (only
    # before a date: see ``_A_DATE_AFTER``).
    r"|toi\s+da|(?:den|toi)(?:\s+het)?|vao(?:\s+luc)?|luc|trong|la)"
)
# "đến hết ngày 3/4": the bound may stand before "ngày", which a date read alone leaves;
# "Tính đến chiều ngày 07/02", "đến sáng 15/3": and before the part of the day; "tính đến
# ngày hôm nay (24/5/2023)", "đến ngày mai (1/1)": and before the name of the day the date
# in brackets after it gives; "trước thời gian 15/7/2022", "trước thời điểm ngày 30/6": and
# before "thời gian" or "thời điểm" (round twelve).
_BOUNDS_BEFORE = re.compile(
    rf"(?<![a-z])(?:{_BOUND_WORD}\s*[:,]?\s*)+(?:thoi\s+(?:gian|diem)\s+)?"
    r"(?:(?:buoi\s+)?(?:sang|chieu|trua|toi|dem)\s+)?(?:ngay\s+)?"
    r"(?:(?:hom\s+nay|hom\s+qua|mai)\s*\(\s*)?$"
)
# Before a count of days from an event, only the bounds that say "within".
_WITHIN_WORD = (
    r"(?:toi\s+da|khong\s+(?:duoc\s+)?qua|khong\s+(?:muon|tre|cham)\s+hon|(?:cham|muon|tre)\s+nhat|trong(?:\s+vong|\s+thoi\s+(?:han|gian))?"
    r"|thoi\s+han|han|la)"
)
_HOUR_WORD = (
    r"(?:truoc\s+hoac\s+(?:trong|vao)|truoc|(?:cham|muon|tre)\s+nhat|han\s+(?:chot|cuoi)(?:\s+cung)?"
    r"|khong\s+(?:(?:muon|tre|cham)\s+hon|sau)|hoan\s+thanh|xong|(?:den|toi)(?:\s+het)?|vao(?:\s+luc)?|luc|la)"
)
_HOUR_BEFORE = re.compile(rf"(?<![a-z])(?:{_HOUR_WORD}\s*[:,]?\s*)+$")
_BOUND_REACH = 60
# "tối đa (đến|tới) (hết) (ngày) 30/11": "tối đa" before a date is a bound; before anything
# else ("tối đa 2 lần/năm", "tối đa 10 ngày") it is no latest day.
_A_DATE_AFTER = re.compile(r"\s*(?:(?:den|toi)(?:\s+het)?\s+)?(?:ngay\s+)?\d{1,2}\s*[/.\-]\s*\d")
_EITHER_BEFORE = re.compile(r"(?<![a-z])truoc\s+hoac\s+$")
_WITHIN_BEFORE = re.compile(rf"(?<![a-z])(?:{_WITHIN_WORD}\s*[:,]?\s*)+$")
# "Hằng năm cứ đến ngày 01/10", "cứ vào ngày 20 hằng tháng": "cứ" before the "đến", "tới"
# or "vào" that leads a cadence to its day.
_REPEAT_BEFORE = re.compile(r"(?<![a-z])cu\s+$")


def _bounds(cell: Cell) -> None:
    """ "Hạn cuối ngày 10 của tháng cuối quý", "không quá 17 giờ ngày 20 hằng tháng", "trước
    hoặc trong ngày 15/6", "tối đa 10 ngày kể từ …": a bound just before a reading (a date, a
    day of a period, a cadence's day, an hour, a count of days) is that reading's own; it
    changes no date, so it is taken whichever recogniser read the anchor."""
    anchors = [
        (f.start, "within" if any(r.kind == "relative" for r in f.rules) else "by")
        for f in cell.found
        if f.rules
        and all(r.kind in ("deadline", "recurring", "relative") for r in f.rules)
        and not any(r.kind == "relative" and (r.offset or 0) <= 0 for r in f.rules)
    ]
    starts = [f.start for f in cell.found if f.rules] + cell.anchors
    for position, end, _, _ in cell.times:
        # "không quá 17 giờ ngày 20" is a bound; "không quá 2 giờ", with no day after the
        # hour, is how long: only the bounds that cannot be a duration stand before it.
        dated = any(p >= end and _HOUR_THEN_DAY.fullmatch(cell.folded, end, p) for p in starts)
        anchors.append((position, "by" if dated else "hour"))
    anchors += [(position, "by") for position in cell.anchors]
    for start, kind in anchors:
        end = start
        window = max(0, start - _BOUND_REACH)  # a bound is a few words: no need to scan the cell
        either = _EITHER_BEFORE.search(cell.folded, window, start)
        if either and re.match(r"(?:trong|vao)(?![a-z])", cell.folded[start:]):
            end = either.start()  # "trước hoặc trong ngày 15/6": by that day, as "trước"
        pattern = {"within": _WITHIN_BEFORE, "hour": _HOUR_BEFORE}.get(kind, _BOUNDS_BEFORE)
        if kind == "by" and end == start:
            # "trước ngày Quốc khánh 2/9" (round twenty-four): the bound before a day's name
            # that stands before its date is the date's (read before with "trước" unread).
            name = _name_before(cell, window, start)
            if name:
                end = name.start()
        bound = pattern.search(cell.folded, window, end)
        first = bound.start() if bound is not None and bound.group().strip() else end
        if (
            pattern is _BOUNDS_BEFORE
            and cell.folded.startswith("toi da", first)
            and not _A_DATE_AFTER.match(cell.folded, first + 6)
        ):
            first += 6  # "tối đa 2 lần/năm": a most, not a latest day; left unread (flagged)
        repeat = _REPEAT_BEFORE.search(cell.folded, window, first)
        if repeat and re.match(r"(?:den|toi|vao)(?![a-z])", cell.folded[first:]):
            first = repeat.start()
        if first < start and cell.free(first, start):
            cell.take(first, start)
    for match in cell.matches(_FROM_NOW):
        # "từ nay đến hết năm 2025": from now to a reading the bound after it leads to.
        if match.end() < len(cell.taken) and cell.taken[match.end()]:
            cell.take(match.start(), match.end())
    for match in cell.matches(_FROM_NOW_THEN_CLOSE) if "tu" in cell.folded else ():
        # "từ nay, hoàn thành trước 30/6": now, then the close of one deadline after it.
        after = [f for f in cell.found if f.start >= match.end() and f.rules]
        if after and all(r.kind == "deadline" for f in after for r in f.rules):
            closing = min(f.start for f in after)
            words = _CLOSING_WORDS.fullmatch(cell.folded, match.end(), closing)
            cell.take(match.start(), closing if words else match.end())
    for match in cell.matches(_REST_UNTIL) if "con lai" in cell.folded else ():
        # "trong thời gian còn lại (đến ngày 31/1)": the rest of the time up to a reading.
        if match.end() < len(cell.taken) and cell.taken[match.end()]:
            cell.take(match.start(), match.end())


# "bắt đầu từ ngày Quốc tế Thiếu nhi 1/6", "từ ngày Nhà giáo Việt Nam 20/11", "kể từ ngày Quốc
# khánh 2/9 đến 10/9" (first sight of round fifty-one, hfirst51): a start at a day named, its
# date right after the name, is a start at that date, as "bắt đầu từ ngày 1/6" is (continuous
# work with no end; a window's start when an end follows). The name is a day's (capitalised,
# known words: ``_NAME_BEFORE``, as "trước ngày Quốc khánh 2/9" reads it). Read before as the
# day alone with "từ" unread, flagged. Only a single day with no hour, no note (a lunar day
# keeps its flag) and no end after it; "từ dịp …", "từ nhân ngày …" are occasions, left.
# The words a day of the calendar is named with ("Quốc khánh", "Quốc tế Phụ nữ", "Nhà giáo Việt
# Nam", "Thương binh Liệt sĩ", "Môi trường thế giới", "thành lập …"): a start needs one, so that
# an office, a text or a meeting named before a date ("từ ngày UBND xã 15/3", "kể từ ngày Quyết
# định 15/3 được ký", "từ ngày Đại hội 20/10") stays unread and flags, as before. They are the
# rows marked ``word`` of the one table of named days (``named_days.CALENDAR_DAY_WORD``).
_FROM_BEFORE_A_NAME = re.compile(r"(?<![a-z])(?<!tu\s)(?:(?:bat\s+dau|ke)\s+)?tu\s+$")
_AN_END_AFTER = re.compile(r"\s*(?:den|toi|-|\u2013|tro\s+di)(?![a-z])")


# "trong tháng 5/2025 kể từ ngày 18/5/2025", "Trong quý III, bắt đầu từ ngày 15/7" (round
# fifty-four, hfirst54): a whole month (or a quarter) with a start inside it written just
# after: the start says only when the period's work begins; the period's end is due (read
# before as a start beside a deadline, flagged). Only the two readings in the cell, the period
# whole (its first day to its month's end, no range written), the start a day with no end,
# inside the period and not its first day; nothing but "kể", "bắt đầu" or a comma between.
# A start outside the period, or a start with its own end, is left as it was (flagged).
_GAP_TO_ITS_START = re.compile(r"\s*,?\s*(?:(?:ke|bat\s+dau)\s+)?")


def _start_inside_its_period(cell: Cell) -> None:
    if len(cell.found) != 2 or "tu" not in cell.folded:
        return
    period, start = sorted(cell.found, key=lambda f: f.start)
    if period.note or start.note or len(period.rules) != 1 or len(start.rules) != 1:
        return
    window, since = period.rules[0], start.rules[0]
    if (
        window.kind != "deadline"
        or window.start is None
        or window.due is None
        or window.start.day != 1
        or window.due != month_end(window.due.year, window.due.month)
        # a month, months in a row or a quarter: not a year ("trong năm 2025 kể từ …")
        or window.due.year != window.start.year
        or window.due.month - window.start.month > 2
        or since.kind != "continuous"
        or since.start is None
        or since.until is not None
        or not window.start < since.start <= window.due
        or _RANGE_WORD.search(cell.folded, period.start, period.end)
        or not re.match(r"(?:ke\s+|bat\s+dau\s+)?tu\s", cell.folded[start.start : start.end])
    ):
        return
    gap = _GAP_TO_ITS_START.fullmatch(cell.folded, period.end, start.start)
    if gap is None:
        return
    cell.found = [period]
    cell.take(period.end, start.start)


def _start_at_a_named_day(cell: Cell) -> None:
    if "tu ngay" not in cell.folded or cell.times:
        return
    for found in cell.found:
        name = _NAME_BEFORE.search(cell.text, max(0, found.start - 80), found.start)
        if (
            name is None
            or not _named(name[1], capitalised=True)
            or not CALENDAR_DAY_WORD.search(fold(name[1]))
        ):
            continue
        opens = _FROM_BEFORE_A_NAME.search(cell.folded, max(0, name.start() - 20), name.start())
        if opens is None or not cell.free(opens.start(), opens.end()):
            continue
        rules = found.rules
        due = rules[0].due if len(rules) == 1 and rules[0].kind == "deadline" else None
        if due is None:
            continue
        rule = rules[0]
        if rule.start is None:
            if found.note or _AN_END_AFTER.match(cell.folded, found.end):
                continue
            found.rules = [Rule(kind="continuous", start=due)]
        elif rule.start > due:
            continue  # a window read otherwise; its start is not the named day's
        cell.take(opens.start(), opens.end())


# "từ ngày thông báo đến ngày 21/10", "kể từ ngày ra thông báo đến hết 16 giờ 30 ngày 29/3",
# "từ ngày niêm yết đến hết ngày 15/9", "từ ngày thông báo đấu giá đến 17h ngày 2/3" (round
# twenty-six): a window that a notice or a posting opens and a dated day closes, as auction and
# recruitment notices give their selling windows. Its end is due, as "từ nay đến …"'s is; the
# notice's day only opens it (before, "ra thông báo" was read as the text's signing beside an
# unread date, and "từ ngày thông báo" left unread: both flagged). Set aside before the events
# read, and only before a date or an hour after "đến"/"tới".
#   "bắt đầu từ ngày ký Thông báo đến ngày 20/10", "kể từ ngày ký đến hết ngày 30/6" (round
# thirty-one: the survey window of a land-recovery notice): a signing or an issuing opens it
# the same way.
_FROM_THE_NOTICE = re.compile(
    r"(?<![a-z])(?:bat\s+dau\s+)?(?:ke\s+)?tu\s+(?:ngay\s+)?(?:ra\s+|dang\s+|co\s+|phat\s+hanh\s+)?"
    r"(?:thong\s+bao|niem\s+yet|ky(?:\s+ban\s+hanh)?|ban\s+hanh)(?:\s+[a-z]+){0,3}?\s*,?\s*"
    r"(?=(?:den|toi)(?![a-z])(?:\s+het)?(?:\s+ngay)?\s+\d{1,2}(?:\s*[/.\-]\s*\d|\s*(?:gio|h|:)))"
)


def _from_the_notice(cell: Cell) -> None:
    folded = cell.folded
    if not any(w in folded for w in ("thong bao", "niem yet", "ngay ky", "ban hanh")):
        return
    for match in cell.matches(_FROM_THE_NOTICE):
        cell.take(match.start(), match.end())


# "từ ngày 13/12 đến hết ngày 27/12 (trừ thứ bảy và chủ nhật)", "… trừ thứ 7, chủ nhật và
# ngày lễ" (round twenty-six): the days off a window leaves out, which move no day of it;
# before, the weekdays were read as weekly cadences beside the window (flagged). Only where
# the cell dates something.
_WEEKEND_EXCEPTED = re.compile(
    r"(?<![a-z])(?:tru|khong\s+ke)\s+(?:cac\s+)?(?:ngay\s+)?thu\s+(?:bay|7)\s*(?:,|va)\s*"
    r"(?:ngay\s+)?chu\s+nhat(?:\s*(?:,|va)\s*(?:cac\s+)?ngay\s+(?:le|nghi\s+le)(?:\s*,?\s*tet)?)?(?![a-z])"
)
_DATED = re.compile(rf"{ANY_DATE}")


def _weekend_excepted(cell: Cell) -> None:
    if "chu nhat" not in cell.folded or not _DATED.search(cell.folded):
        return
    for match in cell.matches(_WEEKEND_EXCEPTED):
        cell.take(match.start(), match.end())


# "sang ngày nghỉ hằng tuần thứ Bảy ngày 10/1/2026", "làm bù vào ngày nghỉ hằng tuần (Chủ nhật
# 18/1)" (round fifty-six, hfirst56: a swap of working days): "the weekly rest day" names the
# kind of the dated day after it, no weekly cadence; read before as one ("hằng tuần" beside
# the weekday), flagged. Only right before a weekday with its date; alone ("trực vào ngày
# nghỉ hằng tuần") it is a cadence of rest days and is left as before.
_WEEKLY_REST_DAY_NAMED = re.compile(
    r"(?<![a-z])(?:(?:cac|nhung)\s+)?ngay\s+nghi\s+hang\s+tuan\s*(?:[,(:]\s*)?(?:la\s+)?"
    r"(?=(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s*[,(]?\s*(?:ngay\s+)?"
    r"\d{1,2}\s*[/.\-]\s*\d)"
)


def _weekly_rest_day_named(cell: Cell) -> None:
    if "nghi hang tuan" not in cell.folded:
        return
    for match in cell.matches(_WEEKLY_REST_DAY_NAMED):
        cell.take(match.start(), match.end())


# A length told before its window, which only restates it: read with the window when the
# reading found right after it is that one window and lasts that long, else left unread
# (flagged). One check for days, weeks and months, in figures ("một" in words: the sweeps
# write the other number words as figures), with the window bracketed or not:
#   "30 ngày, kể từ ngày 01/4 đến 30/4", "trong vòng 40 ngày từ ngày 6.7 đến hết ngày 14.8"
# (round twenty-six): days, first and last counted, a day's slack ("trong 15 ngày" over 16);
#   "trong thời gian 1,5 ngày tổ chức vào ngày 21, 22/12" (hsweep3): a day and a half over two
# days, two and a half over three, no slack; "tổ chức vào", "diễn ra vào" may stand between;
#   "trong 02 ngày liên tiếp là ngày 30/5 và ngày 31/5" (round twenty-six): that many days
# listed after it (all the readings after it, each a day);
#   "trong 2 tuần từ 1/6 đến 14/6" (round forty-nine): weeks, a day's slack; "trong tuần từ
# ngày 6/10 tới 10/10", "the week", no more than seven days;
#   "trong thời gian 3 tháng, từ 12-12-2025 đến 16-3-2026" (round forty-nine): months, a
# month's slack (half a month for one, so "trong 1 tháng" over two weeks flags), but a window
# of whole months holds exactly that many: "trong thời hạn 1 tháng (từ ngày 1/7 đến hết ngày
# 31/7 hằng năm)" (round eighteen), "Thời gian thực hiện 06 tháng (từ tháng 3 đến tháng
# 8/2026)" (hprobe12), where "05 tháng" flags.
# Days may stand bare; weeks and months only after "trong (vòng|thời gian|thời hạn)" or
# "thời gian (thực hiện)" ("3 tháng từ …" may be how long after). A window in brackets may
# open on its first day itself ("trong 1 tháng (1/8 - 31/8)") and must be read from its first
# word; one not in brackets opens on "từ", "kể từ", "bắt đầu từ", "vào", "(các) ngày …".
#   "10 ngày trên trang thương mại điện tử của tỉnh từ ngày 22/4 đến ngày 2/5", "trong 3 ngày
# tại Nhà văn hóa huyện, từ 8/3 đến 10/3" (round fifty-three, hfirst53): a place or a medium
# ("trên", "tại", "ở" and up to eight words) may stand between the length and its window, taken
# with them when the count agrees and the words are known ones with no timing word, no doubt and
# no change (``_place_between``); else all of it flags, as before.
#   "vào 10 ngày làm việc: Từ ngày 20-8-2025 đến ngày 4-9-2025" (round fifty-eight,
# hfirst5859): days "làm việc" agree when the window may hold that many working days
# (``_working_days_agree``); weeks or half days of work are not counted, and flag.
_LENGTH_BEFORE_A_WINDOW = re.compile(
    r"(?<![a-z\d])(trong\s+(?:vong\s+|thoi\s+(?:gian|han)\s+)?|thoi\s+gian(?:\s+thuc\s+hien)?\s*:?\s+)?"
    r"(?:(\d{1,3}|mot)(,5)?\s+(ngay|tuan|thang)|(tuan))(\s+lam\s+viec)?(?:\s+lien\s+tiep)?"
    r"(\s*,?\s+(?:tren|tai|o)\s+[^\d(),;:/]{2,80}?"
    r"(?=\s*,?\s*\(?\s*(?:(?:ke\s+|bat\s+dau\s+)?tu|vao)\s+(?:ngay\s+)?\d))?"
    r"\s*(?:(\()\s*|[,:]?\s*(?:la\s+)?)"
    r"(?=((?:to\s+chuc|dien\s+ra)\s+(?=vao\s))?(?:vao\s+)?(?:bat\s+dau\s+)?"
    r"(?:(?:ke\s+)?tu\s|(?:cac\s+)?ngay\s+\d|(\d)))"
)


def _months_between(start: date, due: date) -> float:
    return (due.year - start.year) * 12 + due.month - start.month + (due.day - start.day) / 30


def _length_agrees(unit: str, count: float, start: date, due: date) -> bool:
    days = (due - start).days + 1
    if unit == "ngay":
        return days - math.ceil(count) in ((0,) if count % 1 else (0, 1))
    if unit == "tuan":
        return 1 <= days <= 7 if not count else days in (7 * count, 7 * count + 1)
    after = due + timedelta(days=1)
    if start.day == 1 and after.day == 1:  # whole months: exactly that many
        return _months_between(start, after) == count
    return abs(_months_between(start, after) - count) <= min(1.0, count / 2)


# "từ ngày 1/7 đến hết ngày 31/7 hằng năm", "từ tháng 1 đến tháng 6 hằng năm": a window every
# year is read as its last day every year; its first day is the one after "từ".
_YEARLY_END = re.compile(r"FREQ=YEARLY;BYMONTH=(\d{1,2});BYMONTHDAY=(-1|\d{1,2})")
_YEARLY_OPENING = re.compile(
    r"(?:bat\s+dau\s+)?tu\s+(?:(?:ngay\s+)?(\d{1,2})\s*[/.\-]\s*|thang\s+)(\d{1,2})(?![\d/.\-])"
)


def _span_read(cell: Cell, found: Found) -> tuple[date, date] | None:
    """The first and last day of the one window ``found`` reads, if that is what it reads."""
    if len(found.rules) != 1:
        return None
    rule = found.rules[0]
    if rule.kind == "deadline" and rule.start is not None and rule.due is not None:
        return rule.start, rule.due
    end = _YEARLY_END.fullmatch(rule.rrule) if rule.kind == "recurring" else None
    opening = _YEARLY_OPENING.match(cell.folded, found.start)
    if end is None or opening is None:
        return None
    try:  # a leap year, so that a window may end on 29/2
        month = int(end[1])
        due = month_end(2000, month) if end[2] == "-1" else date(2000, month, int(end[2]))
        start = date(2000, int(opening[2]), int(opening[1] or 1))
    except ValueError:
        return None
    return (start if start <= due else start.replace(year=1999)), due


def _length_of_a_window(cell: Cell) -> None:
    folded = cell.folded
    if "ngay" not in folded and "tuan" not in folded and "thang" not in folded:
        return
    for match in _LENGTH_BEFORE_A_WINDOW.finditer(folded):
        lead, number, half, unit, week, working, place, bracket, between, first_day = match.groups()
        if place and not _place_between(cell, *match.span(7)):
            continue
        length = (match.start(2), match.end(4)) if number else match.span(5)
        if not cell.free(*length):
            continue  # the count is another reading's ("ngày 15" …)
        if (not lead and (week or unit != "ngay")) or (half and unit != "ngay"):
            continue  # "3 tháng từ …": maybe how long after
        if working and (unit != "ngay" or half):
            continue  # "2 tuần làm việc", "1,5 ngày làm việc": not counted here
        if first_day and not bracket:
            continue
        count = (1 if number == "mot" else int(number)) + (0.5 if half else 0) if number else 0
        if number and not count:
            continue
        after = [found for found in cell.found if found.start >= match.end()]
        if not after or min(f.start for f in after) - match.end() > 12 + len(between or ""):
            continue
        if bracket and cell.free(match.end(), match.end() + 2):
            continue  # the bracket is not read from its first word
        span = _span_read(cell, min(after, key=lambda found: found.start))
        rules = [rule for found in after for rule in found.rules]
        listed = (
            unit == "ngay"
            and len(rules) == math.ceil(count)
            and all(r.kind == "deadline" and r.start is None and r.due is not None for r in rules)
            and all(
                not working or working_days_within(r.due, r.due) == (1, 1)
                for r in rules
                if r.due is not None
            )
        )
        if working:
            agrees = span is not None and _working_days_agree(int(count), *span)
        else:
            agrees = span is not None and _length_agrees(unit or "tuan", count, *span)
        if listed or agrees:
            cell.take(match.start(), match.end())


def _working_days_agree(count: int, start: date, due: date) -> bool:
    """ "vào 10 ngày làm việc: từ ngày 20/8 đến ngày 4/9" (round fifty-eight, hfirst5859): a
    length in working days agrees with its window when the window may hold that many (the
    reader knows the weekends, not which holidays are given off: ``working_days_within``), with
    the calendar count's slack of one day (the first day not counted)."""
    bounds = working_days_within(start, due)
    return bounds is not None and bounds[0] - 1 <= count <= bounds[1]


def _place_between(cell: Cell, start: int, end: int) -> bool:
    """Whether the words between a length and its window (``_LENGTH_BEFORE_A_WINDOW``'s place:
    "trên trang thương mại điện tử của tỉnh") name only where the work is done: free, at most
    nine words (the preposition with them), all known, none a timing word, a doubt or a
    change."""
    if not cell.free(start, end):
        return False
    words = cell.lowered[start:end].replace(",", " ").split()
    return (
        len(words) <= 9
        and not any(
            _written_word(w) in WHEN_WORDS and not held
            for w, held in zip(words[1:], homonym_place(words[1:]), strict=True)
        )
        and all_known(words[1:])
        and _DOUBT_IN_CLAUSE.search(cell.lowered, start, end) is None
        and _CHANGES.search(cell.lowered, start, end) is None
        and _CHOICE_IN_CLAUSE.search(cell.folded, start, end) is None
    )


# "từ 0 giờ ngày 29/1 đến 24 giờ ngày 4/2/2026 (7 ngày)", "… đến 24 giờ ngày 16/01/2025
# (tổng cộng 5 ngày)", "…, kéo dài 7 ngày" (round twenty-nine, the water release calendars):
# the same count told after its window, in brackets or after "kéo dài". When the window holds
# that many days (first and last counted) it only restates it and is read with it; a count
# that disagrees stays unread (flagged), as one before a window does.
_COUNT_AFTER_A_WINDOW = re.compile(
    r"\s*(?:,\s*keo\s+dai\s+|\(\s*(?:tong\s+cong\s+|keo\s+dai\s+)?)(\d{1,3})\s+ngay(?![a-z])"
)


def _count_after_a_window(cell: Cell) -> None:
    if "ngay" not in cell.folded:
        return
    for found in list(cell.found):
        span = _span_read(cell, found)
        match = _COUNT_AFTER_A_WINDOW.match(cell.folded, found.end) if span else None
        if match is None or span is None or not cell.free(match.start(1), match.end()):
            continue
        if (span[1] - span[0]).days + 1 != int(match[1]):  # no slack: "(7 ngày)" counts them
            continue
        end = match.end()
        if "(" in match.group(0):
            close = re.match(r"\s*\)", cell.folded[end:])
            if close is None:
                continue
            end += close.end()
        cell.take(match.start(), end)


# "hoàn thành ngay sau UBND xã đi vào hoạt động (trước 7h00 sáng ngày 01/7/2025)", "ngay sau
# khi bàn giao (chậm nhất ngày 30/6)" (round forty-nine): an event clause, then the deadline in
# brackets. The bracket's day (and hour) is the deadline; the clause says when the work may
# start, the task's own words. Only the whole cell so made, the bracket a bound with one dated
# reading, the clause with no number and no word of choice or condition; otherwise the event and
# the day stay two readings, flagged.
_EVENT_THEN_DEADLINE = re.compile(
    r"\s*(?:(?:hoan\s+thanh|thuc\s+hien|trien\s+khai|to\s+chuc)\s+)?(?:ngay\s+sau|sau\s+khi)"
    r"(?:\s+khi)?\s+([^()\d]{3,80}?)\s*\(\s*(?=(?:truoc|(?:cham|muon)\s+nhat|khong\s+qua|han)\s)"
    r"[^()]*\)\s*\.?\s*"
)
_CHOICE_IN_CLAUSE = re.compile(r"(?<![a-z])(?:hoac|neu|chua|khong|tru|hay)(?![a-z])")


def _event_then_deadline(cell: Cell) -> None:
    if "sau" not in cell.folded or "(" not in cell.folded:
        return
    match = _EVENT_THEN_DEADLINE.fullmatch(cell.folded)
    if match is None or _CHOICE_IN_CLAUSE.search(match[1]):
        return
    bracket = cell.folded.index("(", match.end(1))
    inside = [found for found in cell.found if found.start >= bracket]
    if (
        len(inside) != 1
        or len(inside[0].rules) != 1
        or inside[0].rules[0].kind != "deadline"
        or inside[0].rules[0].due is None
        or any(bracket > found.start >= match.end(1) for found in cell.found)
    ):
        return
    cell.found = [found for found in cell.found if found.start >= bracket]
    cell.take(0, bracket)


# "vào lúc 20 giờ 30 phút ngày 5/4 (ngay sau khi kết thúc lễ khai mạc)", "Lúc 8 giờ 00, ngày
# 12/6 (nhân dịp Ngày hội Văn hóa các dân tộc lần thứ hai)" (round fifty-three, hfirst53): a
# bracket after a moment written with its day and its hour, naming only what the moment follows
# ("ngay sau (khi)", "liền sau", "sau khi") or the occasion it is held for ("nhân dịp", "chào
# mừng"); the mirror of ``_event_then_deadline``. The moment is the reading; the bracket restates
# it (read before as a second task, a count of no days from the event, or as an occasion around
# a day, both flagged; here the day and the hour are written outside it). Only one reading
# before the bracket, a day with no start and an hour; nothing read after it; in the bracket no
# number but an occasion's "lần thứ N", no day, no choice or condition, no doubt or change, and
# no timing word but in a capitalised name ("Đêm Khai mạc"). A day with no hour ("ngày 12/6
# (nhân dịp …)") stays a review, as "dịp" is (the conventions' "Occasions").
_ASIDE_OF_A_MOMENT = re.compile(
    r"\s*,?\s*\(\s*((?:ngay|lien)\s+sau(?:\s+khi)?|sau\s+khi|nhan\s+dip"
    r"|chao\s+mung)\s+([^()\d]{3,100}?)(\s+lan\s+thu\s+(?:\d{1,3}|[ivxl]{1,6}|[a-z]+))?\s*\)"
)


def _aside_of_a_moment(cell: Cell) -> None:
    folded = cell.folded
    if "(" not in folded or not cell.times or not cell.found:
        return
    if not any(word in folded for word in ("sau", "nhan dip", "chao mung")):
        return
    for match in _ASIDE_OF_A_MOMENT.finditer(folded):
        before = [f for f in cell.found if f.end <= match.start()]
        inside = [f for f in cell.found if match.start() <= f.start < match.end()]
        event = [f for f in inside if f.rules]
        if (
            len(before) != 1
            or len(before) + len(inside) != len(cell.found)
            # what it follows: an event read as a count of no days from it, or no reading
            or any(r.kind != "relative" or r.offset or r.due for f in event for r in f.rules)
            or (event and match[1].startswith(("nhan", "chao")))
            or (match[3] and not match[1].startswith(("nhan", "chao")))
            # an occasion's "lần thứ 9", read as a round's ordinal: the occasion's, no more
            or any(not f.rules and f.start < match.start(3) for f in inside if match[3])
            or any(not f.rules for f in inside if not match[3])
        ):
            continue
        moment = before[0]
        if (
            len(moment.rules) != 1
            or moment.rules[0].kind != "deadline"
            or moment.rules[0].due is None
            or moment.rules[0].start is not None
        ):
            continue
        paren = folded.index("(", match.start())
        hours = [t for t in cell.times if t[1] <= paren]
        reach = max([moment.end] + [t[1] for t in hours])
        if len(hours) != 1 or hours[0][2] is not None or folded[reach:paren].strip(" ,"):
            continue  # no hour, a span of hours, or words between the moment and the bracket
        if not _aside_words_only_name(cell, *match.span(2)):
            continue
        cell.found = before
        cell.take(match.start(), match.end())
        cell.asides.append(match.span())


# "từ ngày 3/3 đến 5/3 (thời gian cụ thể do UBND xã thông báo sau)", "ngày 12/6 (giờ cụ thể sẽ
# thông báo sau)" (round fifty-four, hfirst54): a bracket closing the cell that says the exact
# time is to come, after a reading with its days written. The days stand; only the hour is to
# come, so the reading is the window's (or the day's) as written (before, the bracket's words
# were left unread and flagged). Only a deadline's day or window before it, nothing read in or
# after it; in it "cụ thể" and who gives notice, in words the lexicon knows, with no number, no
# timing word, no choice, doubt or change ("(dự kiến …)", "(có thể thay đổi …)" are no such
# bracket). With no day before it ("thời gian sẽ thông báo sau") nothing is read: a review.
_DETAILS_LATER = re.compile(
    r"\s*,?\s*\(\s*(?:(?:thoi\s+gian|gio|lich|thoi\s+diem)\s+)?cu\s+the\s+(?:(?:se\s+)?do\s+)?([^()\d]{0,80}?)\s*"
    r"(?:se\s+)?(?:duoc\s+)?thong\s+bao\s+sau\s*\)\s*[.;]?\s*$"
)
_A_WRITTEN_DAY = re.compile(r"(?<!\d)\d{1,2}\s*[/.\-]\s*\d{1,2}(?!\d)|(?<![a-z])ngay\s+\d")


def _details_later(cell: Cell) -> None:
    folded = cell.folded
    if "thong bao sau" not in folded or not cell.found:
        return
    match = _DETAILS_LATER.search(folded)
    if match is None or any(f.end > match.start() for f in cell.found):
        return
    rules = [r for f in cell.found for r in f.rules]
    if not rules or any(r.kind != "deadline" or r.due is None for r in rules):
        return
    if not _A_WRITTEN_DAY.search(folded, 0, match.start()):
        return  # a month or a quarter: the day itself is to come
    start, end = match.span(1)
    words = cell.text[start:end].split()
    if words and (
        not all_known(words)
        or re.search(r"\d", cell.text[start:end])
        or not _aside_words_only_name(cell, start, end)
    ):
        return
    cell.take(match.start(), match.end())
    cell.asides.append(match.span())


# "Mở nước từ ngày 16/8/2025 (khi có nhu cầu)", "từ ngày 1/7 (khi cần thiết)" (round
# fifty-seven, hfirst57): a start at a day, then a bracket saying the work is done when it is
# needed: from that day on, as the need arises; the work is ongoing from its start (before, the
# need was read as an event beside the start, flagged). Only a bracket closing the cell with
# "khi" and the need alone ("có nhu cầu", "cần", "cần thiết"), after a single start with no end;
# an event in the bracket ("khi có văn bản"), a doubt or a choice, a deadline or a window before
# it, or a reading after it are not this, and flag as before.
_WHEN_NEEDED = re.compile(
    r"\s*,?\s*\(\s*khi\s+(?:co\s+nhu\s+cau|can(?:\s+thiet)?)\s*\)\s*[.;]?\s*$"
)


def _start_when_needed(cell: Cell) -> None:
    if "khi" not in cell.folded or not cell.found:
        return
    match = _WHEN_NEEDED.search(cell.folded)
    if match is None:
        return
    before = [f for f in cell.found if f.end <= match.start()]
    inside = [f for f in cell.found if f.start >= match.start()]
    if len(before) != 1 or len(before) + len(inside) != len(cell.found):
        return
    start = before[0]
    if start.note or len(start.rules) != 1:
        return
    rule = start.rules[0]
    if rule.kind != "continuous" or rule.start is None or rule.until is not None:
        return
    if not re.match(r"(?:ke\s+|bat\s+dau\s+)?tu\s", cell.folded[start.start : start.end]):
        return
    if cell.folded[start.end : match.start()].strip():
        return  # words between the start and the bracket
    cell.found = [start]
    cell.take(match.start(), match.end())


def _aside_words_only_name(cell: Cell, start: int, end: int) -> bool:
    """Whether the words of an aside (``_ASIDE_OF_A_MOMENT``) only name an event or an
    occasion: no choice, condition, doubt or change, and no timing word but a capitalised
    one (a title's) or one inside a compound that is no timing ("kết thúc" is the event's)."""
    if _CHOICE_IN_CLAUSE.search(cell.folded, start, end) or _DOUBT_IN_CLAUSE.search(
        cell.lowered, start, end
    ):
        return False
    if _CHANGES.search(cell.lowered, start, end):
        return False
    words = cell.text[start:end].split()
    held = homonym_place(words)
    return not any(
        written in WHEN_WORDS and written not in _EVENT_WORDS and not w[:1].isupper() and not h
        for w, h in zip(words, held, strict=True)
        for written in [_written_word(w)]
    )


# The words of timing that in an aside name the event itself: its close or opening ("kết thúc",
# "khai mạc", "bế mạc", "hoàn thành"), a ceremony ("lễ", not "ngày lễ") or a sitting ("phiên",
# "buổi").
_EVENT_WORDS = frozenset(
    ["kết", "thúc", "khai", "mạc", "bế", "hoàn", "thành", "xong", "lễ", "phiên", "buổi"]
)


# "từ nay", "kể từ hôm nay" before "đến"/"tới": the window runs from now; its end is due.
# "Từ sau Tết Nguyên đán đến ngày 15/3" (probed, hprobe18): a window opened by the lunar new
# year, which the reading does not need; its end is due as well (only when that end is read).
#   "từ sáng nay đến sáng 15/10", "từ chiều nay đến 17h ngày 15/10" (the tune part's older
# misses, hfirst5859): now said with its part of the day; "từ sáng mai …" (tomorrow) is not now.
_FROM_NOW = re.compile(
    rf"(?<![a-z])(?:ke\s+)?tu\s+(?:(?:buoi\s+)?(?:sang|trua|chieu|toi|dem)\s+nay|{NOW_WORDS}"
    r"|sau\s+(?:(?:ky\s+)?nghi\s+)?tet(?:\s+(?:nguyen\s+dan|am\s+lich|co\s+truyen))?)"
    r"\s*,?\s*(?:cho\s+)?(?=(?:den|toi)(?![a-z]))"
)


# "từ nay, hoàn thành trước 30/6", "Triển khai từ nay; hoàn thành trong quý III" (probed,
# hprobe27): now, then only a joiner and the work's close before a later deadline, as "đến"
# is ("từ" was left unread, flagged). The close's words are the deadline's own.
_FROM_NOW_THEN_CLOSE = re.compile(
    r"(?<![a-z])(?:ke\s+)?tu\s+(?:(?:buoi\s+)?(?:sang|trua|chieu|toi|dem)\s+nay|nay|hom\s+nay|bay\s+gio)"
    r"(?=\s*[,;]?\s*(?:va\s+)?(?:(?:du\s+kien|se|phai|thoi\s+han|han)\s+)*"
    r"(?:ket\s+thuc|hoan\s+(?:thanh|tat)|xong|(?:cham|muon|tre)\s+nhat\s+(?:la\s+)?(?:den|toi))(?![a-z]))"
)

# "trong thời gian còn lại (đến ngày 31/1/2021)", "những ngày còn lại, đến hết 30/6" (round
# fifty-six, hfirst56): the time (the days, the months) left until a bound is the run up to it;
# the bound's reading is due, as after "từ nay" (``_FROM_NOW``). Read before with "còn lại"
# unread, flagged. Only right before "đến"/"tới" and the reading it leads to; "còn lại" before
# a start, an "after" or nothing is left to flag.
_REST_UNTIL = re.compile(
    r"(?<![a-z])(?:trong\s+)?(?:(?:khoang|quang)\s+)?"
    r"(?:thoi\s+gian|(?:cac|nhung)\s+(?:ngay|tuan|thang))\s+con\s+lai"
    r"\s*[(,:]?\s*(?:cho\s+)?(?=(?:den|toi)(?![a-z]))"
)


# "thứ Tư hằng tuần, trong giờ hành chính", "ngày 15/6 (trong giờ hành chính)": the hours of
# the day a reading names; they change no date. (Alone, or over "các ngày làm việc", they
# are opening hours, which ``continuous`` reads.)
# "… ngày 31/5/2022 (giờ hành chính)" (round twenty-six): the same hours alone in brackets.
_OFFICE_HOURS_OF_A_DAY = re.compile(
    r"(?:(?<![a-z])(?:trong|vao)\s+|(?<=\()\s*)gio\s+hanh\s+chinh(?![a-z])"
)


# "Cả ngày 27/3", "Thứ Sáu 28/3 - Cả ngày", "(cả ngày)": all of the day a reading names (in a
# weekly calendar, where an hour would stand); it changes no date.
_ALL_DAY = re.compile(
    r"(?<![a-z])ca\s+(?=ngay\s+\d)|(?<![a-z])(?:\(\s*)?ca\s+ngay(?:\s*\))?(?=\s*(?:[,;.)]|$))"
)


def _hours_of_the_day(cell: Cell) -> None:
    if not any(r.kind in ("deadline", "recurring") for f in cell.found for r in f.rules):
        return
    for match in cell.matches(_OFFICE_HOURS_OF_A_DAY) if "hanh chinh" in cell.folded else ():
        cell.take(match.start(), match.end())
    for match in cell.matches(_ALL_DAY) if "ca ngay" in cell.folded else ():
        cell.take(match.start(), match.end())


# "trong giờ hành chính các ngày làm việc từ 02/6 đến 13/6/2025": office hours and working
# days right beside a dated window are the window's own hours; the window is the task, with
# no continuous work of its own beside it (read as both before, without a flag).
_WORKING_DAYS_WORDS = re.compile(r"(?:gio\s+hanh\s+chinh|ngay\s+lam\s+viec)")
_BETWEEN_READINGS = re.compile(r"[\s,:;()]*")


def _hours_of_a_window(cell: Cell) -> None:
    if "lam viec" not in cell.folded and "hanh chinh" not in cell.folded:
        return
    ordered = sorted(cell.found, key=lambda f: f.start)
    for index, item in enumerate(ordered):
        if [r.kind for r in item.rules] != ["continuous"]:
            continue
        if not _WORKING_DAYS_WORDS.search(cell.folded, item.start, item.end):
            continue
        near = []
        if index + 1 < len(ordered):
            near.append((item.end, ordered[index + 1].start, ordered[index + 1]))
        if index:
            near.append((ordered[index - 1].end, item.start, ordered[index - 1]))
        for gap_start, gap_end, other in near:
            window = [r for r in other.rules if r.kind == "deadline" and r.start and r.due]
            between = _BETWEEN_READINGS.fullmatch(cell.folded, gap_start, gap_end)
            if between and window and len(window) == len(other.rules):
                item.rules = []
                break


# "Hoạt động từ 8 giờ - 21 giờ mỗi ngày, từ ngày 3-6 đến 9-6", "từ 7h đến 17h hằng ngày, từ
# ngày 3/6 đến 9/6/2024", "bắt đầu từ 8 giờ mỗi ngày, từ …": hours of every day right beside
# a dated window are its opening hours, as office hours beside one are (round nineteen: read
# before as the window due at the hours' end, plus continuous work, without a flag). The
# window is the task; its hours add no due time and no continuous work. A bound at an hour
# every day ("trước 16 giờ hằng ngày, từ …") is a deadline each day, and is left alone.
_OPENS_AT = re.compile(r"(?<![a-z])(?:bat\s+dau\s+)?tu\s+$")
# "từ ngày 3/6 đến 9/6, mở cửa từ 8 giờ đến 22 giờ mỗi ngày": what opens between them.
_WINDOW_THEN_HOURS = re.compile(r"[\s,:;()]*(?:(?:mo\s+cua|hoat\s+dong|phuc\s+vu)\s*:?\s*)?")
# "từ 6 giờ đến 18 giờ hàng ngày trong thời gian từ ngày 3/5 đến hết ngày 8/5" (round
# thirty-three, a ban on trucks at hours): "trong thời gian" between the hours of every day and
# the dated window ties them as a comma does (read before as the window due at the hours' end
# plus continuous work, without a flag).
_HOURS_THEN_WINDOW = re.compile(r"[\s,:;()]*(?:trong\s+(?:khoang\s+)?thoi\s+gian\s*:?[\s,]*)?")


def _daily_hours_of_a_window(cell: Cell) -> None:
    if not cell.times or not _EVERY_DAY.search(cell.folded):
        return
    windows = [
        f
        for f in cell.found
        if f.rules and all(r.kind == "deadline" and r.start and r.due for r in f.rules)
    ]
    if len(windows) != 1:
        return
    window = windows[0]
    for every in _EVERY_DAY.finditer(cell.folded):
        hours = [
            t
            for t in cell.times
            if t[1] <= every.start()
            and _BETWEEN_READINGS.fullmatch(cell.folded, t[1], every.start())
        ]
        if len(hours) != 1:
            continue
        hour = hours[0]
        opens = _OPENS_AT.search(cell.folded, max(0, hour[0] - 15), hour[0])
        first = opens.start() if opens else hour[0]
        then_hours = _WINDOW_THEN_HOURS.fullmatch(cell.folded, window.end, first)
        hours_then = _HOURS_THEN_WINDOW.fullmatch(cell.folded, every.end(), window.start)
        if not (hours_then or then_hours):
            continue
        if hour[2] is None and not opens:
            # "trước 16 giờ hằng ngày, từ ngày 3/6 đến 9/6", "lúc 8 giờ mỗi ngày, từ …"
            # (probed: read before as the window due at that hour plus continuous work,
            # without a flag): a deadline or an event every day of the window? An officer
            # says.
            window.note = "giờ hằng ngày bên cạnh một khoảng thời gian, cần xem lại"
            continue
        for item in cell.found:
            if (
                item.start <= every.start()
                and every.end() <= item.end
                and all(r.kind == "continuous" for r in item.rules)
            ):
                item.rules = []
        cell.times.remove(hour)
        if opens:
            cell.take(opens.start(), opens.end())
        if then_hours:
            cell.take(then_hours.start(), then_hours.end())
        if hours_then:
            cell.take(hours_then.start(), hours_then.end())
        cell.take(every.start(), every.end())


def _nightly_hours_of_a_window(cell: Cell) -> None:
    """ "từ ngày 18 đến 23/11, thời gian từ 23g đến 5g sáng hôm sau", "từ 23h đến 4h sáng từ
    ngày 15/2 đến 28/2" (round thirty-three): a night's hours beside the one dated window of
    days are its hours each night; the window is the task, due on its last day as written."""
    nights = [f for f in cell.found if not f.rules and f.note == NIGHT_HOURS_NOTE]
    if not nights or cell.times:
        return
    windows = [
        f
        for f in cell.found
        if f.rules
        and all(r.kind == "deadline" and r.due for r in f.rules)
        # "từ nay đến hết ngày 8/3": a window from today, as one from a written day.
        and (
            all(r.start for r in f.rules)
            or re.match(r"(?:ke\s+)?tu\s+(?:hom\s+)?nay\b", cell.folded[f.start : f.end])
        )
    ]
    others = [f for f in cell.found if f.rules and f not in windows]
    if len(windows) != 1 or len(windows[0].rules) != 1 or others:
        return
    if windows[0].rules[0].due_time is not None:
        return
    for night in nights:
        night.note = ""


_EXPLAINING_JOINT = re.compile(r"\s*[:\-\u2013\u2014]\s*")


def _explained_dates(cell: Cell, found: list[Found]) -> None:
    """ "Chậm nhất ngày 07/02/2021 (105 ngày trước ngày bầu cử)": a count from an event in
    brackets beside a dated deadline says how that date was reckoned; it is no second rule."""
    dated = [f for f in found if any(r.kind == "deadline" and r.due for r in f.rules)]
    if not dated:
        return
    for item in found:
        # Only a count explains a date: a bare "khi …" beside it ("Từ 01/4 đến 30/4 (khi được
        # giao)", probed, hprobe10) is a condition, and was dropped here without a flag.
        if not item.rules or any(r.kind != "relative" or not r.offset for r in item.rules):
            continue
        before = cell.text[: item.start].rstrip()
        inside = before.endswith("(") or ("(" in before and ")" not in before[before.rindex("(") :])
        if (
            inside
            and _OFFERED.search(cell.folded, cell.text.rfind("(", 0, item.start), item.start)
            and any(r.event not in _SET_DAY_EVENTS for r in item.rules)
        ):
            # "Trước ngày 15/3 (hoặc 30 ngày kể từ ngày ký)" (probed, hprobe13): a count
            # offered in brackets as the other choice explains nothing; it was dropped here.
            # From a day set for everyone ahead (an election, a session), "hoặc N ngày sau
            # ngày bầu cử" says the same day another way, as the tune labels read it.
            inside = False
        # "Ngày 04/01/2026: Chậm nhất 70 ngày trước bầu cử" (round twenty-two): after a colon
        # or a dash right behind the dated deadline, the count says how it was reckoned too
        # (read before as a second rule, without a flag).
        behind = any(
            d.end <= item.start and _EXPLAINING_JOINT.fullmatch(cell.folded, d.end, item.start)
            for d in dated
        )
        # "Ngày 4/5, tức 19 ngày trước Ngày bầu cử 23/5" (round thirty): after "tức" or
        # "nghĩa là" behind the dated reading, the count says how that day was reckoned too
        # (read before as a second rule beside the date, flagged).
        said = [
            d
            for d in dated
            if d.end <= item.start and _EXPLAINING_WORD.fullmatch(cell.folded, d.end, item.start)
        ]
        if inside or behind or said:
            rules, item.rules = item.rules, []
        if said:
            cell.take(said[-1].end, item.start)  # "tức", "nghĩa là": the joint's own words
        if said and item.note:
            # The event's own day left in its words ("… Ngày bầu cử 23/5") is what flagged
            # it: no doubt left when the date and the count agree on it; said when not.
            item.note = _event_day_disagrees(cell, item, said[-1], rules[0])


# "hoặc", "hay" inside the bracket before a count: the count is offered, not explained.
_OFFERED = re.compile(r"\b(?:hoac|hay)\b")
_SET_DAY_EVENTS = frozenset(["bau_cu", "ky_hop"])
# "tức", "tức là", "nghĩa là" between a dated reading and the count that explains it.
_EXPLAINING_WORD = re.compile(r"\s*,?\s*(?:tuc|nghia)(?:\s+la)?\s+")
_DAY_MONTH = re.compile(
    r"(?<![\d/.])(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?![\d/.])"
)


def _event_day_disagrees(cell: Cell, item: Found, dated: Found, count: Rule) -> str:
    """The doubt left on a count that explains a dated reading, whose event's day is in its
    words: none when that day, moved by the count, is the dated reading's day."""
    days = list(_DAY_MONTH.finditer(cell.folded, item.start, item.end))
    dues = [r.due for r in dated.rules if r.kind == "deadline" and r.due]
    if len(days) != 1 or len(dues) != 1 or count.days != "calendar" or count.start_offset:
        return item.note
    day, month, year = days[0].groups()
    try:
        event = date(int(year) if year else dues[0].year, int(month), int(day))
    except ValueError:
        return item.note
    if dues[0] + timedelta(days=-count.offset) == event:
        return ""
    shown = cell.original(dated.start, item.end)
    return f"'{shown}': ngày và số ngày tính từ sự kiện không khớp nhau, cần xem lại"


# "Từ ngày 22 đến ngày 24/11/2024; khai mạc lúc 14 giờ ngày 22/11/2024", "từ 10/6 đến 14/6,
# lễ khai mạc ngày 10/6": the opening of a window of days, on its first day, is the window's
# start, not a deadline inside it (round nineteen: read before as the opening alone, at its
# hour, the window's close lost, without a flag, as "Trong tháng 9 (báo cáo trước 10/9)"
# narrows a month). An opening on another day of the window is offered, flagged.
_OPENING = re.compile(
    r"(?<![a-z])(?:le\s+)?(?:khai\s+(?:mac|truong)|mo\s+cua)\s*:?\s*(?:(?:luc|vao)\s+)?"
    r"(?:(?:sang|chieu|toi|dem)\s+)?(?:ngay\s+)?$"
)
_NEAR_HOUR = re.compile(r"[\s,]*(?:ngay\s*)?")
_DAY_AFTER_HOUR = re.compile(rf"[\s,]*(?:ngay\s+)?({ANY_DATE})")


def _opening_of_a_window(cell: Cell, found: list[Found]) -> None:
    if "khai" not in cell.folded and "mo cua" not in cell.folded:
        return
    windows = [
        one
        for f in found
        if len(f.rules) == 1
        for one in f.rules
        if one.kind == "deadline" and one.start and one.due and one.start < one.due
    ]
    for item in found:
        if len(item.rules) != 1:
            continue
        day = item.rules[0]
        if day.kind != "deadline" or day.start is not None or day.due is None:
            continue
        hours = [
            t
            for t in cell.times
            if _NEAR_HOUR.fullmatch(cell.folded, t[1], item.start)
            or _NEAR_HOUR.fullmatch(cell.folded, item.end, t[0])
        ]
        lead = min([item.start] + [t[0] for t in hours if t[1] <= item.start])
        opening = _OPENING.search(cell.folded, max(0, lead - 30), lead)
        if not opening:
            continue
        holding = [w for w in windows if w.start and w.due and w.start <= day.due <= w.due]
        if not holding and len(windows) == 1:
            # "từ ngày 10/6 đến 14/6, khai mạc ngày 20/6" (probed: two deadlines, no flag).
            item.note = "ngày khai mạc nằm ngoài khoảng thời gian"
            continue
        if len(holding) != 1:
            continue
        if day.due == holding[0].start:
            item.rules = []
            for hour in hours:
                cell.times.remove(hour)
            cell.take(opening.start(), opening.end())  # "lễ khai mạc": the opening's words
        else:
            item.note = "ngày khai mạc không phải ngày đầu của khoảng thời gian"
    if len(windows) != 1:
        return
    window = windows[0]
    for hour in list(cell.times):
        # "… từ ngày 10 đến 12/6, khai mạc lúc 20 giờ ngày 10/6" in a sentence, where the day
        # after the hour is no reading (a bare date): the hour is the opening's, not the
        # window's close (probed: the window was due at 20:00, without a flag).
        if not _OPENING.search(cell.folded, max(0, hour[0] - 30), hour[0]):
            continue
        if any(f.start <= hour[0] < f.end for f in found if f.rules):
            continue
        after = _DAY_AFTER_HOUR.match(cell.folded, hour[1])
        opened = date_from(after.groups()[1:], cell) if after else None
        if after is None or (opened is not None and opened == window.start):
            cell.times.remove(hour)
        elif not any(f.start <= after.start(1) < f.end for f in found if f.rules):
            cell.times.remove(hour)
            cell.found.append(
                Found(
                    hour[0], hour[1], [], "ngày khai mạc không phải ngày đầu của khoảng thời gian"
                )
            )


# "15h00 ngày 2.5.2025 Chậm nhất 17h ngày 10.5.2025", "Từ 8h ngày 3/6, chậm nhất 16h ngày
# 12/6" (hsweep; a registration table's two columns, run together): a moment with its hour and
# no bound before it, then "chậm nhất" and a later moment with its hour: the first opens the
# work, the second closes it; one window, due at the second. Read before as two deadlines (or
# an aim and a latest day), flagged. A bound before the first ("trước 15h ngày 2/5, chậm nhất
# …": an aim beside the latest day) or a first day with no hour ("Ngày 2/5, chậm nhất ngày
# 10/5") is left to flag as before.
_BARE_OPENING = re.compile(r"[\s(\-–:;,]*(?:(?:ke\s+)?tu\s+|bat\s+dau(?:\s+tu)?\s+)?")
_THEN_LATEST_HOUR = re.compile(
    r"[\s,;:\-–]*(?:(?:cham|muon|tre)\s+nhat|han\s+(?:chot|cuoi))(?:\s+la)?\s*:?\s*(?:(?:luc|vao)\s+)?"
)


def _opening_then_latest(cell: Cell, found: list[Found]) -> None:
    if "nhat" not in cell.folded and "han" not in cell.folded:
        return
    for first, second in itertools.pairwise(found):
        if len(first.rules) != 1 or len(second.rules) != 1:
            continue
        opened, closed = first.rules[0], second.rules[0]
        if not all(
            r.kind == "deadline" and r.start is None and r.due is not None for r in (opened, closed)
        ):
            continue
        if opened.due is None or closed.due is None or not opened.due < closed.due:
            continue
        before = [t for t in cell.times if _NEAR_HOUR.fullmatch(cell.folded, t[1], first.start)]
        after = [t for t in cell.times if _NEAR_HOUR.fullmatch(cell.folded, t[1], second.start)]
        if len(before) != 1 or len(after) != 1:
            continue
        if not _BARE_OPENING.fullmatch(cell.folded, 0, before[0][0]) or not re.match(
            r"\d", cell.folded[before[0][0] :]
        ):
            continue  # a bound before the first hour, or inside its span ("trước 8h")
        # The bound before the hour, or inside the hour's span ("chậm nhất 16h" read as one).
        if not _THEN_LATEST_HOUR.fullmatch(cell.folded, first.end, after[0][0]) and not (
            re.fullmatch(r"[\s,;:\-–]*", cell.folded[first.end : after[0][0]])
            and _THEN_LATEST_HOUR.match(cell.folded, after[0][0], after[0][1])
            and re.match(r"(?:cham|muon|tre|han)", cell.folded[after[0][0] :])
        ):
            continue
        second.rules = [replace(closed, start=opened.due)]
        first.rules = []
        cell.times.remove(before[0])
        cell.take(0, after[0][0])


# "Từ ngày 1/3 và hoàn thành trong tháng 6", "từ tháng 3, chậm nhất đến 30/6", "Từ 1/6, hạn
# hoàn thành 31/7", "Thực hiện từ quý II, hoàn thành trong quý III/2026" (probed, hprobe27): a
# start (a day, a month, a quarter after "từ"), then only a joiner and the work's close (its
# verb, "chậm nhất đến", a bound word) before a later reading: one window from the start, due
# at that reading (a day, a day at its hour, a month, a quarter). The date ranges read the
# close only when it is a day after a day ("từ ngày 5/3, hoàn thành trước 30/4"); the rest was
# a start beside a deadline (or two quarters' ends), flagged. Any other word between (a task's,
# "sớm nhất", "có thể", "hoặc") keeps the two apart, flagged as before; so does a close before
# its start.
_CLOSING_WORDS = re.compile(
    r"[\s,;:\-–]*(?:(?:va|du\s+kien|se|phai|thoi\s+han|han|ket\s+thuc|hoan\s+(?:thanh|tat)|xong"
    r"|(?:cham|muon|tre)\s+nhat|la|vao|truoc|trong|luc|ngay|den|toi|het)(?![a-z])[\s,:]*)*"
)
_CLOSE_LEADS = re.compile(
    r"[\s,;:\-–]*(?:va\s+)?(?:(?:du\s+kien|se|phai|thoi\s+han|han)\s+)*"
    r"(?:ket\s+thuc|hoan\s+(?:thanh|tat)|xong|(?:cham|muon|tre)\s+nhat\s+(?:la\s+)?(?:den|toi))(?![a-z])"
)
_FROM_BEFORE = re.compile(r"(?<![a-z])(?:(?:bat\s+dau|ke)\s+)?tu\s+$")
# "từ đầu tháng 3, hoàn thành trước 30/6": a part of a month opening the work names no day
# (its note says so); joined to its close, the close alone is due and the note is moot.
_PART_OF_A_MONTH = re.compile(r"(?:dau|giua|cuoi)\s+thang(?![a-z])")
# "khởi công ngày 1/3, hoàn thành trước 30/6", "Khởi công tháng 4/2026, hoàn thành tháng
# 12/2026": the day or the period after "khởi công" (hprobe8: "là lúc bắt đầu, không phải một
# hạn") opens the work, as after "từ"; the day was read before as a deadline of its own beside
# the close, without a flag (the period was flagged). Not a ceremony ("Lễ khởi công"), which
# has preparations of its own, as an opening has.
_STARTED_BEFORE = re.compile(
    r"(?<![a-z])(?<!le\s)(?:khoi\s+cong|khoi\s+dong)\s*:?\s*(?:(?:vao|tu)\s+)?(?:ngay\s+)?$"
)
# "Bắt đầu 8h ngày 3/3 và hoàn thành trong tháng 6": "bắt đầu" (the work's words, "lúc")
# before the start's hour; the day after the hour opens the work.
_BEGUN_AT = re.compile(
    r"(?<![a-z])bat\s+dau\s+(?:(?!(?:tu|den|toi|ngay|thang|nam|quy|tuan|truoc|sau|thu|chu|tai"
    r"|luc|vao|khong|hoac|du|co)\s)[a-z]+\s+){0,3}(?:(?:vao\s+)?luc\s+|vao\s+)?$"
)


def _opening_words(cell: Cell, at: int, *patterns: re.Pattern[str]) -> int | None:
    """Where the words opening the work ("từ", "khởi công") right before ``at`` begin, when
    nothing read them."""
    for pattern in patterns or (_FROM_BEFORE, _STARTED_BEFORE):
        before = pattern.search(cell.folded, max(0, at - 40), at)
        if before is not None and cell.free(before.start(), at):
            return before.start()
    return None


def _start_then_its_close(cell: Cell, found: list[Found]) -> None:
    if not _SOME_CLOSE_WORD.search(cell.folded) and "nhat" not in cell.folded:
        return
    ruled = [f for f in found if f.rules]
    for first, second in itertools.pairwise(ruled):
        if len(first.rules) != 1 or len(second.rules) != 1:
            continue
        opened, closed = first.rules[0], second.rules[0]
        if closed.kind != "deadline" or closed.due is None:
            continue
        taken_from: int | None = None
        hour = None
        if first.note and not _PART_OF_A_MONTH.match(cell.folded, first.start):
            continue  # a doubt of the start's own (a lunar day, a slip) keeps its flag
        if opened.kind == "continuous" and opened.start is not None:
            since = opened.start
        elif (
            opened.kind == "deadline"
            and opened.start is not None
            and opened.due is not None
            and opened.start < opened.due
            and (before := _opening_words(cell, first.start)) is not None
        ):
            since, taken_from = opened.start, before  # "từ quý II": its first day
        elif (
            opened.kind == "deadline"
            and opened.start is None
            and opened.due is not None
            and (before := _opening_words(cell, first.start, _STARTED_BEFORE)) is not None
        ):
            since, taken_from = opened.due, before  # "khởi công ngày 1/3"
        elif opened.kind == "deadline" and opened.start is None and opened.due is not None:
            # "bắt đầu 8h ngày 3/3": the day at the start's hour opens the work.
            hours = [t for t in cell.times if _NEAR_HOUR.fullmatch(cell.folded, t[1], first.start)]
            begun = _BEGUN_AT.search(cell.folded, 0, hours[0][0]) if len(hours) == 1 else None
            if begun is None or not cell.free(begun.start(), hours[0][0]):
                continue
            since, taken_from, hour = opened.due, begun.start(), hours[0]
        else:
            continue
        if not since < closed.due:
            continue  # a close before its start: flagged as before
        # The words between, an hour of the close left out (it is the close's own).
        between = list(cell.folded[first.end : second.start])
        for begin, end, *_ in cell.times:
            for i in range(max(begin, first.end), min(end, second.start)):
                between[i - first.end] = " "
        gap = "".join(between)
        if not _CLOSING_WORDS.fullmatch(gap):
            continue
        if not _CLOSE_LEADS.match(gap + cell.folded[second.start : second.end]):
            continue
        first.rules, first.note = [], ""
        second.rules = [replace(closed, start=since)]
        if hour is not None:
            cell.times.remove(hour)
        if taken_from is not None:
            cell.take(taken_from, first.start)
        cell.take(first.end, second.start)


_DASH_ONLY = re.compile(r"[ \t]*[-–—][ \t]*")
_BULLET_LINE = re.compile(r"(?:^|\n)\s*[-–—]")


def _dashed_windows(cell: Cell, found: list[Found]) -> None:
    """ "Quý II/2024 - Quý IV/2024", "6/2024 - 9/2024", "Quý II-IV/2024": two periods with
    only a dash between them are one window from the first's start to the second's end (they
    were two windows, the months between dropped). Out of order, they flag."""
    if cell.bullets:
        return  # "- Quý I\n- Quý III": a bullet, not a range
    last: Found | None = None
    for item in found:
        one = item.rules[0] if len(item.rules) == 1 else None
        window = one is not None and one.kind == "deadline" and one.start and one.due
        if not window:
            last = None if item.rules else last
            continue
        assert one is not None
        assert one.start is not None
        assert one.due is not None
        if last is not None and _DASH_ONLY.fullmatch(cell.text, last.end, item.start):
            first = last.rules[0]
            assert first.start is not None
            assert first.due is not None
            if first.due < one.start:
                last.rules = [replace(first, due=one.due)]
                item.rules = []
                last.end = item.end
                continue
            if first.start <= one.start and one.due <= first.due:  # "Năm 2024 - Quý III"
                last = item
                continue
            shown = cell.original(last.start, item.end)
            item.note = f"'{shown}': hai kỳ nối bằng gạch ngang không theo thứ tự, cần xem lại"
        last = item


_DAY_OF_A_WORDED_MONTH = re.compile(r"(?:[a-z\s]*\s)?ngay\s+(\d{1,2})\s+(?:cua\s+)?thang\s+\d")
_MONTH_WORD = re.compile(r"(?:cac\s+)?thang\s+\d")


def _day_of_listed_months(cell: Cell, found: list[Found]) -> None:
    """ "trước ngày 10 tháng 7 và tháng 12", "ngày 15 tháng 3, tháng 6, tháng 9": months
    listed after a day of a month share its day (they were whole months, no flag). After a
    day written with slashes ("ngày 15/6 và tháng 12") which is meant is for an officer."""
    day: int | None = None
    worded = False
    last: Found | None = None
    for item in found:
        one = item.rules[0] if len(item.rules) == 1 else None
        if one is None or one.kind != "deadline" or one.due is None:
            day, last = None, None if item.rules else last
            continue
        joined = last is not None and _LIST_JOINT.fullmatch(cell.folded, last.end, item.start)
        whole_month = (
            one.start is not None
            and one.start.day == 1
            and one.start.month == one.due.month
            and one.due == month_end(one.due.year, one.due.month)
        )
        if (
            day is not None
            and joined
            and whole_month
            and _MONTH_WORD.match(cell.folded, item.start)
        ):
            try:
                due = date(one.due.year, one.due.month, day)
            except ValueError:
                due = None
            if worded and due is not None:
                item.rules = [replace(one, start=None, due=due)]
            else:
                shown = cell.original(last.start if last else item.start, item.end)
                item.note = f"'{shown}': ngày {day} của tháng sau, hay cả tháng, cần xem lại"
            last = item
            continue
        day, last = None, item
        if one.start is None:
            head = _DAY_OF_A_WORDED_MONTH.match(cell.folded, item.start, item.end)
            worded = head is not None
            day = int(head[1]) if head else one.due.day


# A day or a month written in a reading's words: "20/12", "ngày 20", "tháng 12".
_A_DAY = re.compile(r"\d{1,2}\s*[/.-]\s*\d|ngay\s+\d|thang\s+\d")
_BRACKETED = re.compile(r"\([^()]*\)")


def _names_a_day(words: str) -> bool:
    """Whether a reading's words name a day or a month ("20/12", "ngày 20", "tháng 12");
    a bracket is an aside (the period a report covers, say)."""
    return _A_DAY.search(_BRACKETED.sub("", words)) is not None


# A yearly, half-yearly or nine-monthly cadence with no day of its own ("hằng năm", "báo cáo
# 6 tháng đầu năm"); not a quarterly one.
_BARE_YEARLY = re.compile(r"FREQ=YEARLY;BYMONTH=(?!3,6,9,12;)[\d,]+;BYMONTHDAY=(?:-1|14)$")


def _rules_in_order(cell: Cell) -> list[tuple[int, Rule]]:
    """Every rule found, by its place in the cell; a cadence followed by a date without
    its year ("báo cáo năm trước ngày 15/12") becomes that cadence on that day."""
    found = sorted(cell.found, key=lambda f: f.start)
    _explained_dates(cell, found)
    _opening_of_a_window(cell, found)
    _opening_then_latest(cell, found)
    _start_then_its_close(cell, found)
    _dashed_windows(cell, found)
    _day_of_listed_months(cell, found)
    listed_periods(cell, found)
    _period_with_its_own_dates(cell, found)
    for current, following in itertools.pairwise(found):
        if not (following.yearless and len(current.rules) == 1 and len(following.rules) == 1):
            continue
        cadence, deadline = current.rules[0], following.rules[0]
        # A bound or an hour between a cadence and its day joins them ("Hằng năm, chậm
        # nhất 17 giờ ngày 15/6"): only the words nothing read count as distance.
        free = "".join(
            c
            for c, t in zip(
                cell.folded[current.end : following.start],
                cell.taken[current.end : following.start],
                strict=True,
            )
            if not t
        )
        near = len(free) < 25 or _same_clause(cell, current, following)
        # A quarterly cadence is no year's: "Hằng quý (…); năm (trước ngày 15/12)" is two.
        # "Trước ngày 20/12 hằng năm, trước ngày 20/6": a yearly cadence with its own day is
        # a deadline of its own; the date after it is another (it took the cadence's place).
        if (
            near
            and _BARE_YEARLY.match(cadence.rrule)
            and deadline.due is not None
            and not _names_a_day(cell.folded[current.start : current.end])
        ):
            period = "half" if "BYMONTH=6,12" in cadence.rrule else cadence.period or "year"
            rrule = f"FREQ=YEARLY;BYMONTH={deadline.due.month};BYMONTHDAY={deadline.due.day}"
            current.rules[0] = replace(cadence, rrule=rrule, period=period)
            following.rules = []
    _report_names(cell, found)
    return [(f.start, r) for f in found for r in f.rules]


# "(qua Vụ Nghiệp vụ 1)", "(qua Phòng Tư pháp)": a bracket naming the way a report goes, its
# words no timing's but the "qua" (via) that opens it.
_ROUTE_ASIDE = re.compile(r"\(\s*(?:thong\s+)?qua\s+([^()]*)\)")


def _route_asides(cell: Cell, start: int, end: int) -> str:
    """The folded text from ``start`` to ``end`` without the brackets naming a report's way
    (``_ROUTE_ASIDE``) that hold no word that says when and no number but one set aside as a
    unit's ("Vụ Nghiệp vụ 1"). Other brackets are kept, to be weighed as they were."""
    kept: list[str] = []
    at = start
    for match in _ROUTE_ASIDE.finditer(cell.folded, start, end):
        # Written, so that "Kế hoạch" is no "kể" (``lexicon.WHEN_WORDS``); a proper name's
        # words ("Sở Tư pháp") are the name's (``lexicon.named``).
        written = cell.text[match.start(1) : match.end(1)].split()
        words = [
            w
            for w, name in zip(written, named(written), strict=True)
            if not name
            for w in re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", w.lower()))
        ]
        untaken_digit = any(
            cell.folded[i].isdigit() and not cell.taken[i]
            for i in range(match.start(1), match.end(1))
        )
        if untaken_digit or any(w in WHEN_WORDS for w in words):
            continue
        kept.append(cell.folded[at : match.start()])
        at = match.end()
    kept.append(cell.folded[at:end])
    return "".join(kept)


# A period named in words ("6 tháng đầu năm 2024", "năm 2025", "quý III"): no day, no range.
_A_RANGE_OR_DAY = re.compile(r"(?<![a-z])(?:tu|den|toi|ngay)(?![a-z])|\d\s*[/.\-]\s*\d+\s*[/.\-]")
_OWN_DATES_OPEN = re.compile(r"\s*\(\s*")
_OWN_DATES_CLOSE = re.compile(r"\s*\)")
_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _period_with_its_own_dates(cell: Cell, found: list[Found]) -> None:
    """ "6 tháng đầu năm 2024 (từ ngày 01/12/2023 đến ngày 31/5/2024)", "Trong 6 tháng đầu năm
    (từ 1 - 10 - 2022 đến 31 - 3 - 2023)" (round fifty-five, hfirst55: a judicial or an
    enforcement year, which does not follow the calendar): a period named in words, then in
    brackets right after it a full window of explicit dates, each with its year, of about the
    same length (three days either way), is that period as the body counts it; the window's end
    is due, not the calendar period's. Flagged before as two overlapping windows. A window
    without its years ("(từ 15/12 đến 14/6)"), of another length, with words before it in the
    bracket ("số liệu từ …") or after it, or from a 15th to a 14th (the reporting regime's data
    period) keeps the overlap flag (``_overlapping_windows``)."""
    for first, second in itertools.pairwise(found):
        if len(first.rules) != 1 or len(second.rules) != 1:
            continue
        period, window = first.rules[0], second.rules[0]
        if not (
            period.kind == "deadline"
            and window.kind == "deadline"
            and period.start is not None
            and period.due is not None
            and window.start is not None
            and window.due is not None
            and period.start.day == 1
            and period.due == month_end(period.due.year, period.due.month)
            and (period.start, period.due) != (window.start, window.due)
            and period.start <= window.due
            and window.start <= period.due
        ):
            continue
        same_length = abs((window.due - window.start) - (period.due - period.start)).days <= 3
        # From a 15th to a 14th: the state reporting regime's data period (its cut-off; the
        # report falls due after it), as "Năm 2026 (từ 15/12/2025 đến 14/12/2026)" is flagged.
        data_period = window.start.day == 15 and window.due.day == 14
        if (
            same_length
            and not data_period
            and not _A_RANGE_OR_DAY.search(cell.folded, first.start, first.end)
            and _OWN_DATES_OPEN.fullmatch(cell.folded, first.end, second.start)
            and _OWN_DATES_CLOSE.match(cell.folded, second.end)
            and len(_FOUR_DIGIT_YEAR.findall(cell.folded, second.start, second.end)) == 2
        ):
            first.rules = []


def _same_clause(cell: Cell, first: Found, second: Found) -> bool:
    """ "Báo cáo định kỳ 6 tháng: thời hạn gửi báo cáo chậm nhất vào ngày 15/6": only words
    (no other number, no sentence break) between a cadence and the day it is due on.
    "hằng năm gửi báo cáo … về Bộ (qua Vụ Pháp chế) trước ngày 15/12" (round fifty-five,
    hfirst55): a bracket naming the report's way is the task's words too (``_route_asides``);
    its length is not counted."""
    between = _route_asides(cell, first.end, second.start)
    return (
        len(between) < 80
        and not re.search(r"[\d;.()]", between)
        and not any(f.start >= first.end and f.end <= second.start for f in cell.found)
    )


def _report_names(cell: Cell, found: list[Found]) -> None:
    """ "Trước 25/12/2024 (báo cáo năm)", "Báo cáo quý trước ngày 10/4/2024": the cadence
    names the report the dated deadline is for; it adds no deadline of its own."""
    for first, second in itertools.pairwise(found):
        for report, dated in ((first, second), (second, first)):
            # A day without its year after the report's name is its day (joined above); before
            # it ("Chậm nhất ngày 31/1 năm sau, gửi báo cáo năm", probed, hprobe5: a yearly
            # 31/12 was read beside it, without a flag in a sentence), the report is its own.
            heading = report is first and _heads_the_cell(cell, report)
            yearless_after = dated.yearless and dated is second and not heading
            if not report.names_report or yearless_after or len(dated.rules) != 1:
                continue
            # "trước ngày 18 tháng 6 của năm báo cáo đối với báo cáo 6 tháng đầu năm" (probed,
            # hprobe15): "của năm báo cáo" after the day is the day's own year, no gap.
            between = cell.folded[first.end : second.start]
            gap = len(_OF_THE_REPORT_YEAR.sub("", between, count=1))
            if (gap >= 25 and not heading) or dated.names_report:
                continue
            if _OR.search(cell.folded, first.end, second.start):
                # "Báo cáo hằng quý hoặc trước ngày 15/12" (probed, hprobe13): offered as
                # alternatives, the cadence names no report; read before as 15/12 alone.
                continue
            if (";" in between and not heading) or any(
                not re.search(r"BYMONTHDAY=(?:-1|14)$|BYDAY=FR$", r.rrule) for r in report.rules
            ):
                # "Ngày 5 hằng tháng; báo cáo quý trước ngày 10 tháng cuối quý": a report
                # with its own day, or in its own clause, is a deadline of its own.
                continue
            rule = dated.rules[0]
            if (rule.kind == "deadline" and not rule.start) or (
                # "Báo cáo năm gửi trước ngày 20/11 hằng năm": one yearly deadline, on 20/11.
                rule.kind == "recurring" and "BYMONTHDAY=-1" not in rule.rrule
            ):
                report.rules = []


# "của năm báo cáo" right after a day: the year the day is in, part of the day's words.
_OF_THE_REPORT_YEAR = re.compile(r"^\s*(?:cua\s+)?nam\s+bao\s+cao(?![a-z])")


def _heads_the_cell(cell: Cell, report: Found) -> bool:
    """ "Báo cáo 6 tháng đầu năm: thời gian lấy số liệu …; thời gian gửi báo cáo: trước ngày 12
    tháng 7" (probed, hprobe15): a report's name opening the cell as its heading (a colon or a
    full stop after it) names the report of the clauses after it, across ";" too."""
    if cell.folded[: report.start].strip(" -"):
        return False
    after = cell.folded[report.end :]
    # "- Báo cáo 9 tháng\n- Chốt số liệu …\n- Gửi …": the first bullet alone heads the rest.
    return bool(re.match(r"\s*[:.]", after) or (cell.bullets and re.match(r"\s+-\s", after)))


def _narrowest_windows(
    rules: list[tuple[int, Rule]], listed: frozenset[tuple[int, int]] = frozenset()
) -> list[tuple[int, Rule]]:
    """ "Năm 2024: Quý III": a window holding another is its frame, not a second deadline.
    Two periods listed with "và" ("quý I và tháng 2 năm 2026", round sixteen's probing: read
    as February alone, without a flag) are two periods, each its own deadline."""
    windows = [(p, r) for p, r in rules if r.kind == "deadline" and r.start is not None]

    def frames(outer: Rule, inner: Rule) -> bool:
        if not (outer.start and outer.due and inner.start and inner.due):
            return False
        inside = outer.start <= inner.start and inner.due <= outer.due
        return inside and (outer.start, outer.due) != (inner.start, inner.due)

    wide = {
        id(a)
        for pa, a in windows
        for pb, b in windows
        if a is not b and frames(a, b) and (pa, pb) not in listed
    }
    return [(p, r) for p, r in rules if id(r) not in wide]


# "quý I và tháng 2": the word that lists two readings as peers.
_LISTED = re.compile(r"\s*(?:va|&)\s*")
_LISTING_WORD = re.compile(r"(?<![a-z])va(?![a-z])|&")


def _listed_pairs(cell: Cell) -> frozenset[tuple[int, int]]:
    """The starts of readings listed side by side with "và", both ways round."""
    if len(cell.found) < 2 or not _LISTING_WORD.search(cell.folded):
        return frozenset()
    found = sorted(cell.found, key=lambda f: f.start)
    pairs = set()
    for first, second in itertools.pairwise(found):
        if _LISTED.fullmatch(cell.folded, first.end, second.start):
            pairs |= {(first.start, second.start), (second.start, first.start)}
    return frozenset(pairs)


def _bounded_by_start(rules: list[tuple[int, Rule]]) -> list[tuple[int, Rule]]:
    """ "Hằng năm (từ năm 2024)": a start beside a cadence bounds the cadence."""
    starts = [r for _, r in rules if r.kind == "continuous" and r.start is not None]
    cadences = [r for _, r in rules if r.kind == "recurring" and r.start is None]
    if len(starts) != 1 or not cadences:
        return rules
    since = starts[0].start
    return [
        (p, replace(r, start=since) if r in cadences else r) for p, r in rules if r is not starts[0]
    ]


def _framed_by_year(
    cell: Cell, rules: list[tuple[int, Rule]], apart: Callable[[int, int], bool]
) -> list[tuple[int, Rule]]:
    """ "Ngày 20 hằng tháng, năm 2024", "Năm 2025, hằng quý": a whole year beside cadences
    is their frame, not a deadline of its own; they run in that year only. So are whole
    years in a row ("Hằng năm từ năm 2026 đến năm 2030", "hằng quý năm 2026-2027", probed,
    hprobe5: read before as the cadence plus a deadline at the span's end, without a flag).
    A year reached by "đến" ("Hằng năm đến năm 2030") is the cadence's end, not its frame:
    ``_bounded_by_end`` reads it (framed in that year alone, the cadence flagged before)."""
    cadences = [
        r for _, r in rules if r.kind == "recurring" and r.start is None and r.until is None
    ]
    years = [
        r
        for p, r in rules
        if whole_year(r)
        and r.start
        and r.due
        and r.start.year <= r.due.year
        and not _UNTIL_BEFORE.search(cell.folded, max(0, p - 20), p)
    ]
    if not cadences or len(years) != 1:
        return rules
    frame = years[0]
    at = next(p for p, r in rules if r is frame)
    if any(apart(p, at) for p, r in rules if r in cadences):
        return rules  # "Xã A: năm 2026; xã B: hằng quý": the year is a unit's own deadline
    return [
        (p, replace(r, start=frame.start, until=frame.due) if r in cadences else r)
        for p, r in rules
        if r is not frame
    ]


def _merge(
    cell: Cell, rules: list[tuple[int, Rule]], listed: frozenset[tuple[int, int]] = frozenset()
) -> list[tuple[int, Rule]]:
    """Combine readings that belong together: a window and the deadline written inside it
    ("Trong tháng 9/2026 (báo cáo trước ngày 10/9/2026)"); a weekly cadence and the same
    cadence with its weekday; half-yearly next to yearly (the half-year falls in June)."""
    plain = [
        (p, r) for p, r in rules if r.kind == "deadline" and r.start is None and not r.assignee
    ]
    framing = frames(rules)
    windows = [
        (p, r)
        for p, r in rules
        if r.kind == "deadline" and r.start is not None and id(r) not in framing
    ]
    drop: set[int] = set()
    apart = labelled_apart(cell)
    for wp, window in windows:
        assert window.start is not None
        assert window.due is not None
        for dp, deadline in plain:
            assert deadline.due is not None
            if apart(wp, dp):
                continue  # two units' deadlines, each its own
            if window.start <= deadline.due <= window.due and id(deadline) not in drop:
                rules = [(p, replace(r, due=deadline.due) if r is window else r) for p, r in rules]
                drop.add(id(deadline))
                break
    rules = [(p, r) for p, r in rules if id(r) not in drop]
    listed = listed | {(pa, pb) for pa, _ in rules for pb, _ in rules if apart(pa, pb)}
    rules = _narrowest_windows(rules, listed)
    rules = _bounded_by_start(rules)
    rules = _framed_by_year(cell, rules, apart)
    weekdays = [
        r
        for _, r in rules
        if r.rrule.startswith("FREQ=WEEKLY;BYDAY=") and r.rrule != "FREQ=WEEKLY;BYDAY=FR"
    ]
    if weekdays:
        rules = [(p, r) for p, r in rules if r.rrule != "FREQ=WEEKLY;BYDAY=FR"]
    rules = _same_cadence_with_its_day(rules)
    yearly_dec = any(r.rrule.startswith("FREQ=YEARLY;BYMONTH=12;") for _, r in rules)
    if yearly_dec:
        rules = [
            (p, replace(r, rrule=r.rrule.replace("BYMONTH=6,12;", "BYMONTH=6;"), period="half"))
            if r.rrule.startswith("FREQ=YEARLY;BYMONTH=6,12;") else (p, r)
            for p, r in rules
        ]  # fmt: skip
    unique: list[tuple[int, Rule]] = []
    seen: set[str] = set()
    for position, rule in rules:
        signature = repr(sorted(rule.to_dict().items()))
        if signature not in seen:
            seen.add(signature)
            unique.append((position, rule))
    return unique


# A cadence with no day said, as ``_period_rule`` makes it, and the rrules of the same
# period with a day ("báo cáo tháng" and "ngày 5 hằng tháng").
_BARE_CADENCES = {
    "FREQ=MONTHLY;BYMONTHDAY=-1": re.compile(r"FREQ=MONTHLY;BYMONTHDAY=\d+$"),
    "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1": re.compile(
        r"FREQ=YEARLY;BYMONTH=\d+,\d+,\d+,\d+;BYMONTHDAY=\d+$"
    ),
}


def _same_cadence_with_its_day(rules: list[tuple[int, Rule]]) -> list[tuple[int, Rule]]:
    """ "Báo cáo tháng: trước ngày 5 hằng tháng": the period named twice, once with its
    day, is one cadence on that day, not a second one on the period's last day."""
    rrules = [r.rrule for _, r in rules if r.kind == "recurring" and not r.start_time]
    for bare, with_day in _BARE_CADENCES.items():
        if bare in rrules and any(with_day.match(r) for r in rrules):
            rules = [(p, r) for p, r in rules if not (r.kind == "recurring" and r.rrule == bare)]
    return rules


_WORKING_DAYS = re.compile(r"cac\s+ngay\s+lam\s+viec")
# "từ 17h đến 18h các ngày trong tuần (từ thứ hai đến thứ sáu)" (round forty-six): a window of
# hours over the days of the week, glossed in brackets by a span of weekdays, is hours of
# service, continuous work, as over "các ngày làm việc" (flagged before). Only a window ("từ …
# đến …") and only with the gloss: one window over a bare span ("từ 7h đến 9h, từ thứ Hai đến
# thứ Sáu") is still asked about, as decided in the first rounds, and one hour over it ("trước
# 16h …") may be each day's deadline.
_WEEKDAY_NAME = r"(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)(?![a-z\d])"
_DAYS_OF_THE_WEEK_GLOSSED = re.compile(
    rf"(?<![a-z])cac\s+ngay\s+trong\s+tuan\s*\(\s*tu\s+{_WEEKDAY_NAME}\s+den\s+(?:het\s+)?{_WEEKDAY_NAME}"
)
_DAILY_BOUND_IN = re.compile(r"(?:truoc|(?:cham|muon|tre)\s+nhat|han)(?![a-z])")
_DAILY_BOUND = re.compile(
    r"(?<![a-z])(?:truoc|(?:cham|muon|tre)\s+nhat(?:\s+la)?|khong\s+(?:muon|tre)\s+hon|han\s+(?:chot|cuoi))"
    r"\s*:?\s*(?:(?:luc|vao)\s+)?$"
)
_EVERY_DAY = re.compile(r"(?:hang|moi)\s+ngay")
# "từ thứ 2 đến thứ 7 (Sáng: từ 7h30 đến 11h00, Chiều: …)" (round twenty): offices open on
# Saturday too; the week of opening hours may end on it.
_WORKING_WEEK = re.compile(
    r"tu\s+thu\s+(?:hai|2)\s+den\s+(?:het\s+)?(?:sang\s+)?thu\s+(?:sau|6|bay|7)(?![\d/.\-])"
)


def _hours_then_every_day(cell: Cell, hours: int, every_day: int) -> bool:
    """The cell's only window of hours, followed by nothing but "hằng ngày"."""
    return (
        len(cell.times) == 1
        and hours < every_day
        and _EVERY_DAY.match(cell.folded, every_day) is not None
        and all(cell.taken[i] or cell.folded[i] in " ,'" for i in range(hours, every_day))
    )


# "trong các ngày 10-14/3", "những ngày từ 10/3 đến 14/3": each of the days of a window.
_EACH_OF_THE_DAYS = re.compile(r"(?<![a-z])(?:cac|nhung)\s+ngay(?![a-z])")
# "từ 7h30 đến 11h30 các ngày 15/4 và 16/4" (probed, hprobe8).
_HOUR_THEN_DAY = re.compile(r"[\s,]*(?:(?:sang|chieu|toi)\s*,?\s*)?(?:(?:cac\s+)?ngay\s*)?")


# The words a cell may hold around its one daily hour and still be nothing but a daily
# deadline: "trước 15h hằng ngày", "Hằng ngày, chậm nhất lúc 10 giờ 30." (hsweep).
_BARE_DAILY_BEFORE = re.compile(
    r"[\s,;:.\-]*(?:(?:hang|moi)\s+ngay[\s,;:]*)?"
    r"(?:(?:truoc|(?:cham|muon)\s+nhat(?:\s+la)?|khong\s+(?:muon|tre)\s+hon|han\s+(?:chot|cuoi))"
    r"\s*:?\s*(?:(?:luc|vao)\s+)?)?"
)
_BARE_DAILY_AFTER = re.compile(r"[\s,;:.\-]*(?:(?:hang|moi)\s+ngay)?[\s,;:.\-]*")


def _bare_daily_hour(cell: Cell, position: int, end: int) -> bool:
    """The cell is its daily bound, its one hour and "every day" said once, nothing else (the
    bound is before the hour or inside its span, as the caller has checked)."""
    before, after = cell.folded[:position], cell.folded[end:]
    return (
        bool(_BARE_DAILY_BEFORE.fullmatch(before))
        and bool(_BARE_DAILY_AFTER.fullmatch(after))
        and len(_EVERY_DAY.findall(cell.folded)) == 1
    )


# "lúc 9 giờ" (a moment) every day, said once, nothing else around it.
_AT_HOUR = re.compile(r"luc\s")
_BARE_MOMENT_BEFORE = re.compile(r"[\s,;:.\-]*(?:(?:hang|moi)\s+ngay[\s,;:]*)?(?:vao\s+)?")


def _bare_daily_moment(cell: Cell, position: int, end: int) -> bool:
    """The cell is "every day" and one hour at which ("lúc"), said once, nothing else."""
    return (
        bool(_BARE_MOMENT_BEFORE.fullmatch(cell.folded[:position]))
        and bool(_BARE_DAILY_AFTER.fullmatch(cell.folded[end:]))
        and len(_EVERY_DAY.findall(cell.folded)) == 1
    )


_LIST_JOINT = re.compile(r"\s*(?:,|va)\s*(?:ngay\s+)?")


def _listed_before(cell: Cell, rules: list[tuple[int, Rule]], chosen: int) -> list[int]:
    """ "ngày 10/5 và 17/5/2024, lúc 8 giờ": the days listed (a comma or "và" between them)
    before the one an hour follows share its hour (the first had none, without a flag)."""
    ends = {f.start: f.end for f in cell.found}
    listed: list[int] = []
    following = rules[chosen][0]
    for index in range(chosen - 1, -1, -1):
        place, rule = rules[index]
        end = ends.get(place)
        if (
            rule.kind != "deadline"
            or rule.due is None
            or rule.due_time is not None
            or end is None
            or not _LIST_JOINT.fullmatch(cell.folded, end, following)
        ):
            break
        listed.append(index)
        following = place
    return listed


def _listed_after(cell: Cell, rules: list[tuple[int, Rule]], chosen: int) -> list[int]:
    """ "Trước 16 giờ ngày 15/6 và 15/12", "trước 16h30 ngày 10/6 và ngày 10/12" (probed,
    hprobe8: the second day was due with no hour, flagged since): the days listed after the
    one an hour stands before share its hour."""
    ends = {f.start: f.end for f in cell.found}
    listed: list[int] = []
    end = ends.get(rules[chosen][0])
    for index in range(chosen + 1, len(rules)):
        place, rule = rules[index]
        if (
            rule.kind != "deadline"
            or rule.due is None
            or rule.start is not None
            or rule.due_time is not None
            or end is None
            or not _LIST_JOINT.fullmatch(cell.folded, end, place)
        ):
            break
        listed.append(index)
        end = ends.get(place)
    return listed


def _over_several_days(rule: Rule) -> bool:
    """A deadline closing a window of more than one day."""
    return (
        rule.kind == "deadline"
        and rule.start is not None
        and rule.due is not None
        and rule.start < rule.due
    )


def _with_times(
    cell: Cell, rules: list[tuple[int, Rule]]
) -> tuple[list[tuple[int, Rule]], list[str]]:
    doubts = []
    timed_already: set[int] = set()
    for position, end, start, due in cell.times:
        timed = [
            # "Trước 19h ngày 10/04": an hour just before a day is that day's, however near
            # another reading is on the other side.
            (
                -1
                if p >= end and _HOUR_THEN_DAY.fullmatch(cell.folded, end, p)
                else abs(p - position),
                i,
            )
            for i, (p, r) in enumerate(rules)
            if r.kind in ("deadline", "recurring", "relative")
        ]
        if not timed:
            daily = [i for i, (_, r) in enumerate(rules) if r.kind == "continuous" and not r.start]
            if (
                daily
                and (
                    # not one moment ("các ngày làm việc lúc 14 giờ", hmeta5: a task at that
                    # hour each working day, or a meeting's hour? left to flag below)
                    (
                        _WORKING_DAYS.search(cell.folded)
                        and not _AT_HOUR.match(cell.folded, position)
                    )
                    or (start is not None and _DAYS_OF_THE_WEEK_GLOSSED.search(cell.folded))
                )
                and "hanh chinh" not in cell.folded
            ):
                # "07 giờ 00' đến 08 giờ 00' tất cả các ngày làm việc trong tuần": hours on
                # every working day are hours of service, continuous work, as a span of
                # weekdays is (the convention decided blind after round thirty-five, hconv;
                # read before as a deadline each working day at the window's end).
                continue
            if (
                daily
                and start is not None
                and _hours_then_every_day(cell, position, rules[daily[0]][0])
            ):
                # "từ 19h00' đến 21h00' hằng ngày": one window of hours, then "every day": a
                # daily task due when the window ends, as "từ 16 giờ đến 16 giờ 15 phút ngày
                # thứ Năm hằng tuần" is a weekly one. Every day is every day: weekends and
                # holidays included, none moved. But the same words are as often opening
                # hours ("từ 7 giờ đến 17 giờ hằng ngày", work done within them, continuous),
                # and nothing in them tells which: the daily reading is offered, and flagged.
                doubts.append(
                    "khung giờ hằng ngày: là hạn mỗi ngày lúc kết thúc khung giờ, "
                    "hay giờ làm việc liên tục trong khung giờ đó"
                )
                p, rule = rules[daily[0]]
                daily_rule = Rule(
                    kind="recurring",
                    rrule="FREQ=DAILY",
                    start_time=start,
                    due_time=due,
                    holiday="none",
                )
                rules[daily[0]] = (p, daily_rule)
                continue
            if daily and start is not None and _EVERY_DAY.search(cell.folded):
                # "hàng ngày từ 11h đến 14h và từ 18h đến 23h": windows of hours every day,
                # as the one window above: a deadline each day, or hours of service? The
                # continuous reading is offered, and flagged (read before without a flag).
                doubts.append(
                    "khung giờ hằng ngày: là hạn mỗi ngày lúc kết thúc khung giờ, "
                    "hay giờ làm việc liên tục trong khung giờ đó"
                )
                continue
            bound = moment = False
            if (
                daily
                and not cell.strict
                and start is None
                and len(cell.times) == 1
                and len(rules) == 1
                and _EVERY_DAY.search(cell.folded)
            ):
                bound = bool(
                    _DAILY_BOUND.search(cell.folded, max(0, position - 30), position)
                    or _DAILY_BOUND_IN.match(cell.folded, position)
                )
                moment = not bound and bool(_AT_HOUR.match(cell.folded, position))
            if bound or moment:
                # "Trước 16 giờ hằng ngày", "hằng ngày, chậm nhất 10h00": a deadline at that
                # hour every day, as a window's end is (weekends and holidays included); but
                # the same words make a condition ("hồ sơ được tiếp nhận trước 15 giờ hàng
                # ngày", a seed plan's): the daily reading is offered, and flagged. Unless the
                # cell says nothing else (hsweep): "trước 15h hằng ngày" alone, the bound, one
                # hour and "every day" with no subject or verb to make a condition of, is the
                # daily deadline a plan's timing column means.
                # "Hằng ngày, vào lúc 08 giờ" (round forty-five, a command centre's daily
                # call): one moment ("lúc") every day is a daily task at that hour, as a
                # daily bound's hour is (read before as continuous work, flagged). Flagged
                # unless the cell says nothing else: "hằng ngày vào lúc 9 giờ, đơn vị họp …"
                # may be a meeting's hour rather than a task due.
                if bound and not _bare_daily_hour(cell, position, end):
                    doubts.append("giờ hằng ngày: là hạn mỗi ngày, hay điều kiện trong ngày")
                if moment and not _bare_daily_moment(cell, position, end):
                    doubts.append("giờ hằng ngày: là hạn mỗi ngày, hay giờ của một việc trong ngày")
                p, rule = rules[daily[0]]
                rules[daily[0]] = (
                    p,
                    Rule(kind="recurring", rrule="FREQ=DAILY", due_time=due, holiday="none"),
                )
                continue
            opening = [t for t in cell.times if t[1] is not None]
            if (
                daily
                and start is not None
                and len(opening) >= 2
                and _WORKING_WEEK.search(cell.folded)
            ):
                # "Sáng từ 07 giờ đến 11 giờ 30 phút, chiều từ 13 giờ 30 đến 17 giờ, từ thứ hai
                # đến thứ sáu": a morning and an afternoon over the working week are opening
                # hours, when the continuous work is done.
                continue
            doubts.append("giờ không gắn với hạn nào")
            continue
        distance, chosen = min(timed)
        if start is not None and _over_several_days(rules[chosen][1]):
            # "từ 9h đến 14h trong các ngày 15-23/2", "từ 8h đến 11h các ngày từ 10/3 đến
            # 14/3" (round fifty-six, hfirst56): one window of hours given to a window of
            # several days holds on each of its days: its opening hours, as hours "mỗi ngày"
            # beside a dated window are (round nineteen, ``_daily_hours_of_a_window``) and a
            # night's hours beside one (round thirty-three). The window is the task, due on
            # its last day, the hours giving it no due time (the lead, after haudit16 found
            # the labels split); read before as one deadline at the last day's closing hour.
            # A window from an hour of its first day to an hour of its last ("từ 9h ngày 15/2
            # đến 14h ngày 23/2") has no window of hours and is not this.
            continue
        if (
            start is None
            and _over_several_days(rules[chosen][1])
            and _EACH_OF_THE_DAYS.search(
                cell.folded,
                max(0, min(position, rules[chosen][0]) - 12),
                max(end, rules[chosen][0] + 12),
            )
        ):
            # "trước 16h trong các ngày 10-14/3", "lúc 8h các ngày từ 10/3 đến 14/3"
            # (hfirst56): one hour on each of the days ("các ngày"): a deadline or an event
            # every day of the window, not its last day's hour alone; an officer says, as
            # round nineteen flags "trước 16 giờ hằng ngày, từ …" (read before as the last
            # day at that hour, without a flag). The end's own hour ("từ ngày 10/3 đến 16h
            # ngày 14/3") is no hour of each day, and is read as before.
            doubts.append("giờ của mỗi ngày trong một khoảng ngày: hạn mỗi ngày, hay hạn ngày cuối")
        # "Từ 8h00 đến 11h00 các ngày 15, 16/6/2024": the hours of a list of days are every
        # day's (not a list of cadences': "hằng tuần, tháng, quý" keeps them for the first).
        place, first = rules[chosen]
        siblings = [
            i
            for i, (p, r) in enumerate(rules)
            if i == chosen or (p == place and r.kind == first.kind == "deadline")
        ]
        if distance >= 0 and position > place and first.kind == "deadline":
            siblings += _listed_before(cell, rules, chosen)
        if distance < 0 and first.kind == "deadline" and first.start is None:
            siblings += _listed_after(cell, rules, chosen)
        for index in siblings:
            p, rule = rules[index]
            if index in timed_already and (rule.start_time, rule.due_time) != (start, due):
                # "trước 16 giờ hằng ngày và trước 10 giờ thứ Hai hằng tuần": two hours, one
                # reading to give them to: which hour holds is for an officer to say.
                doubts.append("hai giờ khác nhau cho cùng một hạn")
            elif rule.due_time is not None and rule.due_time != due:
                # "từ ngày 16/7 đến 17h ngày 28/7 lúc 14 giờ" (hmeta5's insertions): the
                # reading already holds an hour of its own words; another hour after it was
                # put in its place without a flag. Two hours for one deadline, as above.
                doubts.append("hai giờ khác nhau cho cùng một hạn")
            timed_already.add(index)
            rules[index] = (p, replace(rule, start_time=start, due_time=due))
    return rules, doubts


# A number left after one of these words was a date nobody could make ("tháng 13").
_COUNTED = frozenset(["ngay", "thang", "quy", "tuan"])


# "Đợt 1", "lần 2", "bước 3": a number that only names the item.
_ORDINAL_OF = frozenset(["dot", "lan", "buoc", "doan", "khoan", "muc", "diem"])


# Words that may carry timing: never explained away by a lexicon or a role. A phrase whose
# unread words include one of these (or any number) is flagged, whatever else is around.
# Folded, from the one written list of timing words (``lexicon.FOLDED_TIMING_SYLLABLES``, hlex).
_TIMING_SYLLABLES = FOLDED_TIMING_SYLLABLES


# The task's own words that carry no timing: what is done ("tiếp công dân", "điều tra",
# "gieo mạ") and who it is for ("Bảo hiểm xã hội Việt Nam"). Whole compounds, matched as
# such; they explain their own syllables only.
_TASK_WORDS = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(
        w.replace(" ", r"[\s,]+")
        for w in (
        "tiep cong dan", "tiep dan", "tiep xuc cu tri", "cu tri", "dieu tra", "bau cu",
        # "Kỳ thi diễn ra từ ngày 12 đến ngày 14/7" (round forty-eight, a province's entrance
        # exam): the exam is the task, not a period ("kỳ"), as "bầu cử" is.
        "ky thi",
        # "ngày bầu cử toàn quốc 15/3/2026", "sớm hơn 2 ngày so với ngày bầu cử cả nước"
        # (round fifty-two, hfirst52): where the event is held, the whole country or province;
        # no timing (the two words at the cell's end were taken for a doubt, flagged).
        "toan quoc", "ca nuoc", "toan tinh", "toan thanh pho", "toan huyen", "toan xa",
        "co hieu luc thi hanh", "co hieu luc", "gieo ma", "gieo cay", "gieo sa",
        "gieo trong", "gieo", "cay", "thu hoach", "tiem phong", "tiem", "bao hiem xa hoi",
        # "Kết thúc xuống giống trước ngày 05/01/2019" (round forty-two, a district's sowing
        # rounds in the Mekong Delta): the southern word for sowing, as "gieo sạ".
        "xuong giong",
        # "kết thúc khám tuyển vào ngày …" (round thirty-seven, a district's health checks for
        # the call-up): the check is the task's own work, no timing.
        "kham so tuyen", "kham tuyen", "kham suc khoe",
        "bao hiem y te", "viet nam", "kho bac nha nuoc", "cuc thue", "chi cuc thue",
        "nghia vu thue", "khao sat", "giam sat", "kiem tra", "thanh tra",
        # "học kỳ II trước ngày 31/5": the school term a deadline is for; alone it is no date.
        "hoc ky i", "hoc ky ii",
        # "Dự kiến 26/10/2025 tại Lễ tổng kết chương trình" (round twenty-one): the ceremony
        # where the day's thing is done. Only after "tại": "lễ khai mạc ngày 1/9 và lễ bế mạc
        # ngày 5/9" (an opening and a close) is left to flag, as it was.
        "tai le tong ket", "tai le trao giai", "tai le khai mac", "tai le be mac",
        "tai le phat dong",
        # "đến hết ngày 29/3/2025 theo múi giờ Việt Nam" (round twenty-one): the plan's own zone.
        "theo mui gio viet nam", "mui gio viet nam", "gio viet nam",
        # "dự kiến sẽ diễn ra ngày 20-3" (round twenty-one): "will take place", no timing. Not
        # "sẽ" alone: it is what flagged readings joined by it that no rule joins.
        "se dien ra", "se duoc to chuc", "se to chuc",
        # Offices whose syllables fold to timing words ("chủ" of "Chủ nhật", "thư" of "thứ"):
        # who does the work (hsafe).
        "pho chu tich", "chu tich", "bi thu", "pho bi thu",
        # "Trước 20/10 (có thể điều chỉnh)": the plan may be amended, as every plan may; the
        # day stands (``_DOUBT_IN_CLAUSE`` leaves it). Whole, so the allow-list (hsafe) need
        # not hold "có" or "thể".
        "co the duoc dieu chinh", "co the dieu chinh", "co the duoc thay doi", "co the thay doi",
        # "chi trả theo quý" (round twenty-four): paying out, the task's own verb.
        "chi tra",
        # "áp dụng từ ngày 01/7", "được áp dụng đến hết ngày 30/9" (round thirty-five, texts
        # taking effect): applying a rule, the task's own verb; the bound beside it is read.
        "ap dung",
        # "Ngày 30/4, cấm xe ô tô tải lưu thông từ 4 giờ đến 11 giờ", "Thời gian xuất phát 8h
        # ngày 7/10" (round thirty-three, traffic notices): a ban on vehicles, a race's start;
        # the notice's own words. "Thời gian cấm lưu thông từ 5 giờ ngày 9/1 …", "cấm đường,
        # phân luồng từ …" (the tune part's misses, hmiss): a ban on traffic or on a road, the
        # same notice's words.
        "cam xe o to tai luu thong", "cam xe tai luu thong", "cam xe luu thong", "cam xe tai",
        "cam xe", "cam luu thong", "cam duong", "luu thong", "phan luong", "phuong tien",
        "xuat phat",
        # "nộp đảng phí hằng quý", "Đảng ủy xã họp thường kỳ" (round twenty-seven): the party
        # fee, members, committee and branch, who does or pays. Their first syllable folds to
        # "đang" (a timing word: "đang thực hiện"), so they are named whole; "đang" alone flags.
        "dang phi", "dang vien", "dang uy", "dang bo",
        # "trả lời trong thời hạn 07 ngày …" (round twenty-five, working rules): answering,
        # the task's own verb ("góp ý", "cho ý kiến" are known words of the lexicon: folded,
        # "chờ ý kiến", waiting for opinions, would read as "cho ý kiến"). "phiên họp thường
        # kỳ" is the regular session's name, not "thường" (usually), a doubt word; "phiên họp
        # thường kỳ" and "phiên họp" (a sitting: "Phiên họp tháng 6") whole (round forty-one:
        # "phiên" alone is a timing word, left to flag).
        "tra loi", "phien hop thuong ky", "hop thuong ky", "phien thuong ky", "phien hop",
        # "tuần tra kiểm soát" (a patrol; probed, hprobe14): no week.
        "tuan tra",
        )
    )
    + r")(?![a-z])"
)  # fmt: skip


# "Phấn đấu đến năm 2030", "phấn đấu hoàn thành trước 30/6" (round sixteen): an aim said
# before its timing, as "dự kiến" is; it carries no timing. Matched with its marks: "phần
# đầu" (the first part) folds alike and is a timing.
_AIM = re.compile(r"(?<!\w)phấn\s+đấu(?!\w)", re.IGNORECASE)


# "Rạng sáng ngày 20/5", "rạng sáng 3/9/2024" (round forty-eight, a province's news): dawn of
# the day after it, as "sáng ngày …" is that day (flagged before, "rạng" unread). Matched with
# its marks and only before a date: "rằng", "ràng" fold alike and are no part of a day.
_DAWN = re.compile(r"(?<!\w)rạng\s+sáng(?=\s+(?:ngày\s+)?\d)", re.IGNORECASE)


# "gửi về Bảo hiểm xã hội Việt Nam", "nộp tại Sở Nội vụ": the words after a verb of sending
# name the recipient, up to the next reading or punctuation. They carry no timing unless
# one of them is a timing word (then they are left to flag).
# "gửi về Tổng cục (qua Vụ Nghiệp vụ 1)" (round fifty-five, hfirst55): a bracket opened by
# "qua" (via) names the way the paper goes, a recipient too, under the same test; a unit's
# number in it is set aside before (``events.named_numbers``), and ends the words weighed.
_RECIPIENT = re.compile(
    r"(?<![a-z])(?:gui\s+(?:ve|den|toi|cho|len)|gui|nop\s+(?:ve|tai|cho|den|len)|bao\s+cao\s+ve)\s+"
    r"([^\d,;.()]+)"
    r"|\(\s*(?:thong\s+)?qua\s+([^\d,;.()]+)(?=(?:\d{1,2}\s*)?\))"
)


# The closed vocabulary a timing is built from, beyond ``_TIMING_SYLLABLES``: number words,
# qualifiers, repetition, conditions, suspension, duration, seasons, sessions, occasions, the
# lunar months and years (``lexicon.FOLDED_TIMING_VOCABULARY``, folded from the one written
# list, hlex). Folded, so a syllable stands for all its tones ("hè" and "hệ"): the list errs on
# the side of flagging.
_TIMING_VOCABULARY = FOLDED_TIMING_VOCABULARY


# Words that say how sure or how firm a timing is, or move it, though no syllable of them is
# a timing word (probed, hprobe10): "Có thể trước 31/8", "Chừng tháng 9", "Trước 30/6 (kéo
# dài thêm)", "…, chưa chắc chắn", "tùy tình hình". A run holding one is no task's clause and
# explains nothing. Matched as written: folded, "chừng" is "chứng" (a certificate), "thể" is in
# "thể thao".
_DOUBT_IN_CLAUSE = re.compile(
    r"(?<!\w)(?:có\s+thể(?!\s+(?:được\s+)?(?:điều\s+chỉnh|thay\s+đổi))|chừng|chắc\s+chắn|chưa\s+rõ|tùy|tuỳ|kéo\s+dài|thêm|trễ|muộn|sớm"
    r"|có\s+lẽ|miễn(?=\s+là)|điều\s+kiện|hình\s+như|giả\s+sử|phụ\s+thuộc|chờ|nhích)(?!\w)"
)


# The words a short task clause beside a timing is made of: ``lexicon.TASK_SYLLABLES``. A run
# of three words or fewer at an end of the cell explains itself only with one of them.


def _task_word(cell: Cell, start: int, end: int) -> bool:
    """Whether the word is one plans name their work with (``_TASK_SYLLABLES``), a name (a
    capital after the cell's first word: "Đ/c Huy", "(Quốc khánh)"), or an abbreviation
    ("(DL)", "Đ/c"). A cell written all in capitals, as a heading is, names nothing by its
    capitals, and "AL", "ÂL" are the lunar calendar's letters, no name
    (hmeta: "TRUNG TUẦN THÁNG 11 …" and "tháng 3 … ÂL" passed as names, unflagged)."""
    written = cell.text[start:end].strip(" ,.'\"-…()")
    if not written:
        return False
    if written.lower() in _TASK_SYLLABLES or "/" in written:
        return True
    if not any(c.islower() for c in cell.text):
        return False
    if len(written) > 1 and written.isupper():
        return fold(written) != "al"
    return written[:1].isupper() and bool(cell.text[:start].strip(" -+*•"))


def _all_known(cell: Cell, run: list[tuple[int, int]]) -> bool:
    """Whether every word of the run is a known non-timing word or part of a name
    (``lexicon.all_known``)."""
    previous = cell.text[: run[0][0]].split()[-1:] if run else []
    after_unit = bool(previous) and unit_word(previous[0].strip(" ,.'\"-…()"))
    return all_known([cell.text[a:b] for a, b in run], after_unit)


_NEVER_EXCUSED = frozenset(["chủ", "hiệu", "niên", "đường"])


def _written_word(shown: str) -> str:
    return unicodedata.normalize("NFC", shown.strip(" ,.'\"-/…").lower())


# The task's own words that may join a run of unread words (``_bridges_a_run``): not a rule's
# force or scope ("áp dụng cho các hồ sơ nộp trước ngày …", "có hiệu lực …": the day picks the
# papers or the start, round thirty-five), nor a doubt ("có thể điều chỉnh"). At the cell's
# start, only work done ("tiêm phòng", "kiểm tra", "khám sức khỏe"), not a name or an office.
_NO_BRIDGE = frozenset(
    [
        "ap dung", "co hieu luc", "co hieu luc thi hanh", "co the duoc dieu chinh",
        "co the dieu chinh", "co the duoc thay doi", "co the thay doi",
    ]
)  # fmt: skip
_WORK_AT_START = frozenset(
    [
        "tiep cong dan", "tiep dan", "tiep xuc cu tri", "dieu tra", "gieo ma", "gieo cay",
        "gieo sa", "gieo trong", "gieo", "thu hoach", "tiem phong", "tiem", "xuong giong",
        "kham so tuyen", "kham tuyen", "kham suc khoe", "khao sat", "giam sat", "kiem tra",
        "thanh tra", "chi tra", "tra loi", "tuan tra",
    ]
)  # fmt: skip


def _bridges_a_run(
    cell: Cell,
    task: list[str],
    tokens: list[tuple[int, int, bool]],
    index: int,
    run: list[tuple[int, int]],
) -> bool:
    """ "Kết nạp đảng viên mới …", "Tiêm phòng cho lợn, bò …" (hcount): the task's own words
    (``_TASK_WORDS``, no reading's) inside a run of unread words, with unread words on both
    sides of them in the same clause, or at the cell's start before unread words ("Tiêm
    phòng cho lợn, bò, gà trước …"), join the run instead of parting it; the run is then
    weighed whole, as one task clause (a bare "sau N ngày" after a task's words flags at the
    count, ``events._after_a_task``)."""
    start, end, _ = tokens[index]
    if any(cell.taken[start:end]) or not all(task[start:end]) or task[start] in _NO_BRIDGE:
        return False
    if not run and not (
        task[start] in _WORK_AT_START and all(all(task[a:b]) for a, b, _ in tokens[:index])
    ):
        return False
    for later, later_end, read in tokens[index + 1 :]:
        if any(cell.taken[later:later_end]) or cell.folded[later:later_end] in (";", ":", "(", ")"):
            return False
        if all(task[later:later_end]):
            continue
        return not read
    return False


# The frame words of a timing (hprobe22), written with their marks: "thời gian" (the time
# of), "kết thúc" (ends). They name what the reading beside them is, and change nothing.
_TIMING_FRAME = re.compile(r"(?<!\w)(?:thời\s+gian|kết\s+thúc)(?!\w)")


# A full stop closing a sentence: right after a reading's last mark, a space, then a capital.
_ENDS_A_SENTENCE = re.compile(r"(?<=\.)[ \t]+(?=\w)")


def _ends_a_sentence(cell: Cell, end: int) -> bool:
    after = _ENDS_A_SENTENCE.match(cell.text, end)
    return after is not None and cell.text[after.end()].isupper()


def _peripheral_clause(cell: Cell, explained: list[bool]) -> None:
    """ "trổ tập trung từ 10/4 đến 25/4", "đi làm thứ Bảy, ngày 25/4/2015": the task's own
    clause (what is done, by whom, for whom) wraps the timing; it does not split it. A run of
    unread words that reaches an end of the cell (or a clause break) from a reading, and holds
    no word of the timing vocabulary and no number, is that clause. A run between two
    readings ("từ 7h30 và quản lý học sinh đến 17h30") may join or qualify them: it is left."""
    if not cell.found:
        return
    task: list[str] = [""] * len(cell.folded)
    for match in _TASK_WORDS.finditer(cell.folded):
        compound = " ".join(re.findall(r"[a-z]+", match[0]))
        for i in range(match.start(), match.end()):
            task[i] = compound
    tokens = [
        (
            m.start(),
            m.end(),
            any(cell.taken[m.start() : m.end()]) or all(explained[m.start() : m.end()]),
        )
        for m in re.finditer(r"[^\s;:()]+|[;:()]", cell.folded)
    ]
    # A line break of the written cell (the folded text holds a space there) parts clauses.
    if "\n" in cell.text:
        tokens = sorted(
            tokens + [(m.start(), m.end(), False) for m in re.finditer("\n", cell.text)]
        )
    # "Tập huấn diễn ra ngày 5/3": "ngày" just before a reading is that reading's word, after
    # two or more unread words; after one ("Chung ngày 15/6", "chừng" written without its
    # marks; probe9) the word stays weighed with "ngày" and flags, as before.
    for index in range(2, len(tokens) - 1):
        start, end, read = tokens[index]
        after = tokens[index + 1]
        before = tokens[index - 2 : index]
        if (
            not read
            and cell.folded[start:end] == "ngay"
            and any(cell.taken[after[0] : after[1]])
            and not any(r or cell.folded[a:b] in (";", ":", "(", ")") for a, b, r in before)
        ):
            tokens[index] = (start, end, True)
    frame = [False] * len(cell.folded)
    for match in _TIMING_FRAME.finditer(cell.lowered):
        for i in range(match.start(), match.end()):
            frame[i] = True
    runs: list[list[tuple[int, int]]] = [[]]
    sides: list[list[bool]] = [[False, False]]
    read_before = False
    for index, (start, end, read) in enumerate(tokens):
        word = cell.folded[start:end]
        if _bridges_a_run(cell, task, tokens, index, runs[-1]):
            continue
        if not read and all(frame[start:end]):
            # "Kết thúc tập huấn vào ngày 5/3", "Thời gian thi tuyển từ … đến …" (hprobe22,
            # first-sight misses of rounds thirty-six to forty-eight): the frame words of a
            # timing say what the reading is (the end, the time of the work) and part no
            # clause; the task's words around them are weighed as one run. They stay unread
            # words themselves (``_leftover`` lets them pass as filler, as before).
            continue
        if cell.text[start:end] == "\n" or (read and _ends_a_sentence(cell, end)):
            # "Đăng ký trước 10/3\nnộp hồ sơ trước 31/3", "… trước 31/3. Tổ chức tập huấn …"
            # (hprobe28): a line break, or a full stop after a reading with a capital after
            # it, ends a clause as ";" does; the words after it head the next clause's reading
            # (before, a run between two readings, left to flag).
            if runs[-1]:
                sides[-1][1] = read
                runs.append([])
                sides.append([False, False])
            read_before = False
            continue
        if read or word in (";", ":", "(", ")"):
            if runs[-1]:
                sides[-1][1] = read
                runs.append([])
                sides.append([False, False])
            # "15/6/2024 (Quốc khánh)": a bracket opened just after a reading is a remark on
            # it, as the words after it would be; so is a colon just after a reading ("Chậm
            # nhất ngày 2/10: chứng thực bản sao", hlex2: the task it heads); other marks part
            # the clauses.
            read_before = read or (word in ("(", ":") and read_before)
            continue
        if not runs[-1]:
            sides[-1][0] = read_before
        runs[-1].append((start, end))
    for run, (left, right) in zip(runs, sides, strict=True):
        if not run or (left and right) or not (left or right):
            continue
        words = [cell.folded[a:b].strip(" ,.'\"-/…") for a, b in run]
        previous = cell.text[: run[0][0]].split()[-1:]
        names = named(
            [cell.text[a:b] for a, b in run],
            bool(previous) and unit_word(previous[0].strip(" ,.'\"-…()")),
        )
        # A word that folds to a timing syllable is one unless it is written, marks and all,
        # as a word the lexicon knows there and no word that says when ("môi trường", "đường",
        # "họp dân", "hồ sơ đăng ký", "chủ trì"; probed, hprobe12): folded, they were "mỗi",
        # "dương", "Dần", "đang", "Chủ nhật", and the clause flagged. Written without its marks
        # ("moi truong") a word is no lexicon word and still counts.
        # Not "chủ", "hiệu", "niên" (a timing word beside their partner: "Chủ nhật"), nor
        # "đường" (a street's name may hold a date: "đường Cách mạng Tháng Tám"); and a
        # dotted abbreviation of a timing word ("C.N", Chủ nhật) is one.
        written = [cell.text[a:b] for a, b in run]
        standing = in_place(written)
        # A timing word as written inside a compound of work that holds it and says nothing of
        # when ("thu" of "thu gom", "kỳ" of "kỳ họp", "niên" of "thanh niên";
        # ``lexicon.TIMING_HOMONYM_COMPOUNDS``, hlex3) is that compound's syllable, no timing.
        held = homonym_place(written)
        if any(
            (
                re.search(r"\d", w)
                or ("." in w and w.replace(".", "") in _TIMING_LETTERS)
                or (
                    w in _TIMING_VOCABULARY
                    and not inside
                    and not (
                        place
                        and _written_word(shown) not in WHEN_WORDS
                        and _written_word(shown) not in _NEVER_EXCUSED
                    )
                )
            )
            and not name
            for w, name, place, shown, inside in zip(
                words, names, standing, written, held, strict=True
            )
        ):
            continue
        if _DOUBT_IN_CLAUSE.search(cell.lowered, run[0][0], run[-1][1] + 4) or any(
            _never_filler(cell, a, b) for a, b in run
        ):
            continue
        # "Trước 30/6 (dời lịch)", "…, nhưng có khả năng lùi": a word outside the closed
        # lexicon of the words plans name their work, units, places, documents and people
        # with (``lexicon.KNOWN_WORDS``), and no part of a proper name, is not understood:
        # the clause holding it explains nothing and flags (hsafe), unless the run is the
        # task's own words with no word that changes a reading (``_content_run``, hprobe14).
        # "Trước 30/6 (dời lịch)", "…, nhưng có khả năng lùi": a word outside the closed
        # lexicon of the words plans name their work, units, places, documents and people
        # with (``lexicon.KNOWN_WORDS``), and no part of a proper name, is not understood:
        # the clause holding it explains nothing and flags (hsafe). Nor does a clause holding
        # a word that changes the reading beside it, known or not (``lexicon.CHANGES``,
        # hprobe14: "nghỉ", "trừ", "hủy bỏ", "đổi lịch").
        if not _all_known(cell, run) or _CHANGES.search(cell.lowered, run[0][0], run[-1][1]):
            continue
        if len(run) <= 3 and not any(_task_word(cell, a, b) for a, b in run):
            # "Tháng 6/2026 (hình như)", "Trước 30/11, giả sử", "Nhích lên trước 25/6" (probed,
            # hprobe10, third batch): a few words at an end of the cell, none of them a word
            # plans name their work with, are no task's clause; the doubt words no list can
            # hold are among them. A longer clause ("UBND xã tổ chức thực hiện") explains
            # itself as before.
            continue
        for a, b in run:
            for i in range(a, b):
                explained[i] = True


# "Khai mạc ngày 19/5/2022 (Ngày sinh nhật Bác)", "ngày 10/10 (ngày Giải phóng Thủ đô)": a
# bracket right after a date that names the day, with no number and none of the words below
# (which may say when: a weekday, a part of the day, a lunar date, a move, a bound), is the
# day's name. Unfolded, so "Việt Nam" is not "năm".
# A stop-list of its own, not ``lexicon.WHEN_WORDS``: a day's name may hold a number word
# ("Hai Bà Trưng"), and "làm việc", "nhằm", "tức" here say the day is moved or named by
# another (hlex kept it as it was).
_DAY_NAME = re.compile(r"\s*\(\s*ngày\s+([^()\d]{1,60}?)\s*\)", re.IGNORECASE)
_WHEN_WORDS = frozenset(
    [
        "tháng", "năm", "tuần", "giờ", "phút", "thứ", "chủ", "sáng", "chiều", "trưa", "tối",
        "đêm", "trước", "sau", "từ", "đến", "tới", "hạn", "hoặc", "tức", "nhằm", "âm",
        "dương", "lịch", "hằng", "hàng", "mỗi", "nghỉ", "bù", "đợt", "lần", "kỳ", "quý", "hết",
        "đầu", "cuối", "giữa", "mùng", "mồng", "rằm", "tết", "làm", "việc", "kể", "khi",
    ]
)  # fmt: skip


# "Ngày Báo chí Cách mạng Việt Nam 21/6 hằng năm", "Ngày Quốc tế Phụ nữ 8/3": the day's
# name before its date, capitalised (as a name's first word is written), with no number and
# none of the words above.
_NAME_BEFORE = re.compile(r"(?:^|(?<=[\s,;:(]))ngày((?:\s+[^\s\d()/,;:]+){1,8})\s*$", re.IGNORECASE)
# "Trước ngày diễn ra đại hội 20.6", "trước ngày tổ chức Hội nghị 15/3" (the tune part's misses,
# hmiss): the day an event takes place, named by "diễn ra" or "tổ chức" and the event's words,
# its date right after; the date is that day, as after a day's name ("trước ngày Quốc khánh
# 2/9"). The event's words are the task's (known where they stand, or a name: ``_named``),
# with no word that says when ("trước ngày diễn ra hội nghị tổng kết năm 20/5" flags).
_HELD_BEFORE = re.compile(
    r"(?:^|(?<=[\s,;:(]))ngày\s+(?:diễn\s+ra|tổ\s+chức)((?:\s+[^\s\d()/,;:]+){1,6})\s*$",
    re.IGNORECASE,
)


def _name_before(cell: Cell, window: int, start: int) -> re.Match[str] | None:
    """The name of the day (or of the event held on it) written just before a date at
    ``start``: "ngày Quốc khánh", "ngày diễn ra đại hội"."""
    name = _NAME_BEFORE.search(cell.text, window, start)
    if name and _named(name[1], capitalised=True):
        return name
    if "diễn" not in cell.lowered and "chức" not in cell.lowered:
        return None
    held = _HELD_BEFORE.search(cell.text, window, start)
    if held and _named(held[1], capitalised=False):
        return held
    return None


# A lunar feast's name ("ngày Giỗ Tổ Hùng Vương 10/3", "ngày Vu Lan 15/7", "Tết Trung thu
# 15/8"; hfirst51, probing beside the named day at a start): the date written after it is the
# lunar one, never the solar day of those numbers. Such a name explains nothing (the cell flags),
# as a lunar date does. Read before as the solar day, without a flag. The lunar rows of the one
# table of named days (``named_days.LUNAR_FEAST``).


def _named(words: str, capitalised: bool) -> bool:
    split = [w.strip(",.-–'\"") for w in words.split()]
    return (
        LUNAR_FEAST.search(fold(words)) is None
        and all(split)
        and not (capitalised and not split[0][:1].isupper())
        and not any(w.lower() in _WHEN_WORDS for w in split)
        and (
            _name_words(split)
            # "Giải phóng miền Nam" (hprobe24): a national day's name, words known or not.
            or SOLAR_DAY_NAME.fullmatch(fold(" ".join(split)).lower()) is not None
        )
    )


def _name_words(split: list[str]) -> bool:
    """ "Giải phóng Thủ đô", "sinh nhật Bác", "Quốc tế Phụ nữ": a day's name is known words
    (``lexicon.in_place``) and names, a name running from a capitalised word to the next known
    one. "(ngày tạm định)" holds neither and is no name: it flags (hsafe)."""
    in_name = False
    for word, place in zip(split, in_place(split), strict=True):
        in_name = word[:1].isupper() or (in_name and not place)
        if not (in_name or place):
            return False
    return True


def _day_names(cell: Cell) -> list[tuple[int, int]]:
    spans = []
    for item in cell.found:
        if not any(
            (r.kind in ("deadline", "recurring") and (r.due or r.rrule))
            or (r.kind == "continuous" and r.start)
            for r in item.rules
        ):
            continue
        dated = any(r.kind == "deadline" and r.due for r in item.rules)
        name = _DAY_NAME.match(cell.text, item.end)
        if dated and name and _named(name[1], capitalised=False):
            spans.append((name.start(), name.end()))
        before = _name_before(cell, max(0, item.start - 80), item.start)
        if before:
            spans.append((before.start(1), before.end(1)))
    return spans + _agreeing_day_names(cell)


def _agreeing_day_names(cell: Cell) -> list[tuple[int, int]]:
    """ "Ngày Quốc tế Lao động: 1/5", "Quốc khánh, tức 2/9", "5/6 - Ngày Môi trường thế giới"
    (hprobe26): a national day's name restated by its own date, or the date by the name, with a
    colon, a dash or "tức", "nhằm", "là" between, explains itself as "Quốc khánh (2/9)" does
    (left unread before, flagged). The name's words only, and only when the date agrees (when it
    does not, ``_restated_days`` flags)."""
    if not any(word in cell.folded for word in _NATIONAL_GATE):
        return []
    spans = []
    for pattern, name_first in ((_NAME_THEN_DAY, True), (_DAY_THEN_NAME, False)):
        for match in pattern.finditer(cell.folded):
            named = next(k for k, v in match.groupdict().items() if v is not None)
            day = SOLAR_DAYS[int(named[1:])]
            count = len(match.groups())
            dom, month = (count - 1, count) if name_first else (1, 2)
            if (int(match[dom]), int(match[month])) != (day.day, day.month):
                continue
            if name_first:
                spans.append((match.start(), match.start(dom)))
            else:
                spans.append((match.end(month), match.end()))
    return spans


# "Kéo dài từ ngày 10/5 đến ngày 20/5", "kéo dài đến hết tháng 5", "bắt đầu từ tháng 3 đến
# tháng 6" (probed, hprobe12): the verb that leads a span whose ends are read says how long
# the work lasts, nothing more. Only where no reading comes before it: "Trước 15/5, kéo dài
# đến 25/5" moves a deadline and flags; nor after a word of doubt or grant ("có thể", "được",
# "sẽ" are unknown words and flag on their own).
_LEADS_A_SPAN = re.compile(
    r"(?<![a-z])(?:keo\s+dai|bat\s+dau)\s+(?=((?:tu|den|toi)(?:\s+het)?\s+)(?:ngay\s+)?\S)"
)


# "Từ giữa tháng 5 đến hết tháng 6", "từ đầu tháng 5 đến ngày 20/5" (probed, hprobe12): a
# start said by its part of a month, before a span whose end is read; the end, the deadline,
# is sure. Not a start with no end ("Từ giữa tháng 5"), nor "từ khoảng …" (about when: the
# seventh pass's "Từ khoảng ngày 10/9 đến ngày 30/9" is a review), which flag.
_ROUGH_START = re.compile(r"(?<![a-z])tu\s+(?:giua|dau|cuoi)\s+(?=thang\s+\d)")
_AN_END_IN = re.compile(r"(?<![a-z])(?:den|toi)(?![a-z])")
# "Buổi sáng các ngày làm việc", "các buổi chiều thứ Năm" (probed, hprobe12): "buổi" before
# the part of the day it names says no more than that part ("sáng các ngày làm việc" was read
# and "buổi" alone flagged).
_SESSION_OF_A_PART = re.compile(r"(?<![a-z])buoi\s+(?=(?:sang|chieu|trua|toi)(?![a-z]))")


# "Lùi sang ngày 14/7", "lùi lại đến 9h ngày 4/11", "tiếp tục đến hết ngày 20/5" (round
# thirty-nine, dates changed): a move or a continuation word right before the one date it
# moves to says no more than "dời sang ngày 19/4" and "gia hạn đến 30/6", which read as the
# new date (hprobe4's convention: one moved date alone is the new one). Written, not folded;
# only where no reading comes before the word (an old date beside the new one flags in
# ``_moved_dates``) and one reading in the cell names a day; a count ("lùi 3 ngày") stays
# unexplained and flags. Not "hoãn đến …" (held until a day, or put off to it? a review since
# round eight), nor "tạm …".
_MOVED_ALONE = re.compile(
    r"(?<!\w)(?:lùi(?:\s+lại)?\s+(?=(?:sang|đến|tới)\s)|tiếp\s+tục\s+(?=(?:đến|tới)\s))"
)


def _moved_alone(cell: Cell, explained: list[bool]) -> None:
    lowered = cell.lowered
    if len(lowered) != len(cell.folded) or ("lùi" not in lowered and "tục" not in lowered):
        return
    if sum(1 for f in cell.found if _has_a_day(f)) != 1:
        return
    for match in _MOVED_ALONE.finditer(lowered):
        if any(cell.taken[: match.start()]):
            continue
        if any(cell.taken[match.end() : match.end() + 12]):
            for i in range(match.start(), match.end()):
                explained[i] = True


# A date moved or stretched, said plainly (probed, hprobe19): "Gia hạn nộp hồ sơ đến hết ngày
# 30/6", "Hội nghị được dời sang 14 giờ ngày 5/4", "Kéo dài thời gian tiếp nhận đến 17 giờ
# ngày 12/9", "Học sinh nghỉ học đến hết ngày 8/2": the change word, the words of the task or
# of the time it moves ("thời gian", "lịch", "giờ khai mạc"), then the word that leads to the
# one date the cell reads. That date is the one to plan by (the README's convention on
# changes); the clause flagged before for the change word or for the time's words. Only when
# nothing is read before the clause but an old date struck (``_strike_moved_from``), every
# other word is one the lexicon knows there (or a name, or one of ``_MOVE_OBJECTS``), no
# number stands in it, and no word makes the change only asked for, planned, possible or
# conditional (``_MOVE_BLOCKERS``). "hoãn" leads only with "sang" ("hoãn đến": held until a
# day, or put off to it? a review since round eight); "gia hạn", "kéo dài", "nghỉ", "tiếp
# tục" only with "đến" or "tới" (stretched to a day, not moved).
_MOVE_VERBS = re.compile(
    r"(?<!\w)(?:lùi|dời|hoãn|gia\s+hạn|kéo\s+dài|điều\s+chỉnh|chuyển|thay\s+đổi|đổi|nghỉ"
    r"|tiếp\s+tục)(?!\w)"
)
_STRETCH_VERBS = ("gia", "kéo", "nghỉ", "tiếp")
_MOVE_LEAD = re.compile(r"(?:sang|đến|tới|thành)(?!\w)")
# The words between a lead and the date it leads to ("sang chiều ngày 13/5", "đến hết ngày").
_DAY_WORDS = frozenset(("hết", "vào", "ngày", "sáng", "chiều", "tối", "trưa", "lúc"))
_LEAD_TO_DAY = re.compile(r"(?:\s+(?:hết|vào|ngày|sáng|chiều|tối|trưa|lúc))*\s*$")
_MOVE_OBJECTS = frozenset(
    (
        *("thời", "gian", "hạn", "lịch", "ngày", "giờ", "điểm", "kỳ", "kì", "chót"),
        *("phiên", "buổi", "được", "lại", "thêm", "đã", "học"),
    )
)
_MOVE_BLOCKERS = re.compile(
    r"(?<!\w)(?:đề\s+nghị|đề\s+xuất|kiến\s+nghị|dự\s+kiến|dự\s+định|xin|xem\s+xét|trình"
    r"|tạm|có\s+thể|khả\s+năng|nếu|trường\s+hợp|sẽ|chưa|không|hoặc|hay|cần|thì)(?!\w)"
)


def _leads_for(verb: str) -> tuple[str, ...]:
    """The words that lead a change word to its new date: "hoãn", and the words that change
    without a direction ("đổi", "thay đổi", "điều chỉnh", "chuyển"), only "sang" or "thành"
    ("đổi lịch … đến ngày 25/5": changed until that day, or to it? hprobe14 flags it); the
    words that stretch only "đến" or "tới"; "lùi" and "dời" either."""
    if verb.startswith(("hoãn", "đổi", "thay", "điều", "chuyển")):
        return ("sang", "thành")
    if verb.startswith(_STRETCH_VERBS):
        return ("đến", "tới")
    return ("sang", "đến", "tới", "thành")


# "Học sinh nghỉ học đến hết ngày 8/2", "Nghỉ đến hết ngày 3/9": "nghỉ" moves a date only as
# a day off school or as the cell's first word with nothing after it but the lead; "Thanh lý
# hợp đồng nghỉ đến ngày …" (a stop, hprobe14) still flags.
_DAY_OFF = re.compile(r"nghỉ(\s+học)?\s+(?:đến|tới)(?!\w)")


def _a_day_off(lowered: str, verb: re.Match[str]) -> bool:
    off = _DAY_OFF.match(lowered, verb.start())
    return off is not None and (off.group(1) is not None or not lowered[: verb.start()].strip())


def _in_spans(spans: list[tuple[int, int]], index: int) -> bool:
    return any(a <= index < b for a, b in spans)


def _moved_clause_end(cell: Cell, target: Found) -> int:
    """Where the plain move clause before ``target`` starts (0), or -1 if there is none."""
    lowered = cell.lowered
    # The words read with the date but outside its reading ("đến hết ngày", "8 giờ"), and the
    # words of a day between them ("ngày", "sáng"), belong to it: the clause ends where they
    # begin. A change word's own syllable taken as a bound ("hạn" of "gia hạn") stays in it.
    verbs = [
        m
        for m in _MOVE_VERBS.finditer(lowered, 0, target.start)
        if not _in_spans(cell.struck, m.start())
    ]
    verb_spans = [(m.start(), m.end()) for m in verbs]
    end = target.start
    words = [] if _MOVE_LEAD.match(lowered, end) else re.finditer(r"\S+", lowered[:end])
    for word in reversed(list(words)):
        if _in_spans(cell.struck, word.start()) or _in_spans(verb_spans, word.start()):
            break
        if not (any(cell.taken[word.start() : word.end()]) or word.group(0) in _DAY_WORDS):
            break
        end = word.start()
    # Nothing read before the clause: no other reading, no hour (a word taken with a known
    # task word, "hoàn thành", is checked as a word below).
    if any(
        f is not target and f.start < end and not _in_spans(cell.struck, f.start)
        for f in cell.found
    ):
        return -1
    if any(t[0] < end for t in cell.times):
        return -1
    if not verbs or _MOVE_BLOCKERS.search(lowered, 0, end):
        return -1
    leads = _leads_for(verbs[-1].group(0))
    if verbs[-1].group(0) == "nghỉ" and not _a_day_off(lowered, verbs[-1]):
        return -1
    if verbs[-1].group(0) == "hoãn" and _put_off_to_a_year(cell, target):
        # "hoãn tới năm 2026", "hoãn đến năm 2026" (the tune part's misses, hmiss): put off to
        # a whole year; "held until a year" is no reading a plan makes, unlike "hoãn đến ngày
        # 5/3" (held until that day, or put off to it?), which still flags.
        leads = (*leads, "đến", "tới")
    # "Thời gian gia hạn nhận hồ sơ: ngày 5/3", "thời gian gia hạn nộp bài là ngày 20/10" (the
    # tune part's misses, hmiss): the extended time named as the frame of its one day; no lead
    # is needed ("đến" or "tới"), the day is the time itself.
    # Only a deadline: "thời gian gia hạn … từ ngày 20/10" (an extension from a day, its end
    # unsaid) flags.
    framed = (
        verbs[-1].group(0).startswith("gia")
        and all(r.kind == "deadline" and r.due is not None for r in target.rules)
        and re.search(r"(?<!\w)thời\s+gian\s+$", lowered[: verbs[-1].start()]) is not None
    )
    own = _MOVE_LEAD.match(lowered, end)
    tokens = [
        m for m in re.finditer(r"[^\s,]+", lowered[:end]) if not _in_spans(cell.struck, m.start())
    ]
    if own is not None:
        if own.group(0) not in leads:
            return -1
    elif framed:
        tail = re.search(r"(?:\s+(?:là|vào|ngày|hết))*[\s:]*$", lowered[:end])
        tokens = [m for m in tokens if tail is None or m.start() < tail.start()]
    else:
        tail = _LEAD_TO_DAY.search(lowered, 0, end)
        lead_end = tail.start() if tail else end
        last = [m for m in tokens if m.end() <= lead_end][-1:]
        if not last or last[0].group(0) not in leads or last[0].start() < verbs[-1].end():
            return -1
        tokens = [m for m in tokens if m.start() < last[0].start()]
    rest = [m for m in tokens if not _in_spans(verb_spans, m.start())]
    if any(re.search(r"\d", m.group(0)) for m in rest):
        return -1
    for change in _CHANGES.finditer(lowered, 0, end):
        if (
            not _in_spans(verb_spans, change.start())
            and change.group(0).strip() not in ("thêm", "lại")
            and not _in_spans(cell.struck, change.start())
        ):
            return -1
    written = [cell.text[m.start() : m.end()] for m in rest]
    standing = in_place(written)
    names = named(written)
    for m, place, name in zip(rest, standing, names, strict=True):
        bare = m.group(0).strip(" .;:()'\"-…")
        if not (place or name or bare in _MOVE_OBJECTS or not bare):
            return -1
    return 0


_A_WHOLE_YEAR = re.compile(r"(?:den|toi)\s+nam\s+\d{4}\s*[.;,]?\s*$")


def _put_off_to_a_year(cell: Cell, target: Found) -> bool:
    """The moved reading is a whole year, led by "đến" or "tới" at the cell's end."""
    return (
        any(
            r.due is not None
            and r.start is not None
            and (r.start.month, r.start.day) == (1, 1)
            and (r.due.month, r.due.day) == (12, 31)
            and r.start.year == r.due.year
            for r in target.rules
        )
        and _A_WHOLE_YEAR.search(cell.folded) is not None
        and target.end >= len(cell.folded.rstrip(" .;,"))
    )


def _moved_clause(cell: Cell, explained: list[bool]) -> None:
    if len(cell.lowered) != len(cell.folded) or _MOVE_VERBS.search(cell.lowered) is None:
        return
    if len(cell.found) != 1 or not _has_a_day(cell.found[0]):
        return
    target = cell.found[0]
    if _moved_clause_end(cell, target) < 0:
        return
    for i in range(target.start):
        if not _in_spans(cell.struck, i) and not cell.taken[i]:
            explained[i] = True


# "Bắt đầu vào lúc 8 giờ 15 phút, ngày 12/5", "bắt đầu lúc 14h ngày 3/10" (the tune part's
# misses, hmiss): an event begun on a day at an hour, the README's convention "Starts" (the day
# at that hour, as "khai mạc lúc …, ngày …" reads); "bắt đầu" was left unread and flagged. Only
# at the cell's head (nothing read before), with the hour read right after "lúc", one reading
# naming a day after that hour, and no end written after ("đến", "tới", "kết thúc", a
# dash): "bắt đầu lúc 8 giờ ngày 5/3 đến 17 giờ ngày 7/3" is a window and flags as before; a
# start at an hour with no day ("bắt đầu lúc 7 giờ") still flags (after round eight).
_BEGINS_AT_AN_HOUR = re.compile(r"(?<![a-z])bat\s+dau\s+(?=(?:vao\s+)?luc\s+\d)")
_AN_END_AFTER_THE_START = re.compile(r"(?<![a-z])(?:den|toi|ket\s+thuc|tro\s+di)(?![a-z])|[-–]")


def _begins_at_an_hour(cell: Cell, explained: list[bool]) -> None:
    folded = cell.folded
    if "bat dau" not in folded or "luc" not in folded or len(cell.found) != 1:
        return
    (found,) = cell.found
    if not _has_a_day(found) or len(cell.times) != 1:
        return
    for match in _BEGINS_AT_AN_HOUR.finditer(folded):
        if any(cell.taken[: match.start()]) or folded[: match.start()].strip(" -–:;,("):
            continue
        at = folded.index("luc", match.end()) + 3
        hour = cell.times[0]
        if folded[at : hour[0]].strip() or _AN_END_AFTER_THE_START.search(folded, match.end()):
            continue
        if hour[2] is not None or hour[1] > found.start:  # a span of hours, or after the day
            continue
        for i in range(match.start(), match.end()):
            explained[i] = True


def _leads_a_span(cell: Cell, explained: list[bool]) -> None:
    _begins_at_an_hour(cell, explained)
    _moved_alone(cell, explained)
    _moved_clause(cell, explained)
    for match in _LEADS_A_SPAN.finditer(cell.folded):
        if any(cell.taken[: match.start()]):
            continue
        ahead = match.end()
        if any(cell.taken[ahead : ahead + len(match.group(1)) + 6]):
            for i in range(match.start(), match.end()):
                explained[i] = True
    for match in _SESSION_OF_A_PART.finditer(cell.folded) if "buoi" in cell.folded else ():
        for i in range(match.start(), match.end()):
            explained[i] = True
    for match in _ROUGH_START.finditer(cell.folded) if "tu " in cell.folded else ():
        end = match.end()
        if not cell.taken[end] or any(cell.taken[match.start() : end]):
            continue
        while end < len(cell.taken) and (cell.taken[end] or cell.folded[end] == " "):
            end += 1
        if _AN_END_IN.search(cell.folded, match.end(), end):
            for i in range(match.start(), match.end()):
                explained[i] = True


def _explained_task_words(cell: Cell) -> list[bool]:
    """Which characters of the cell are the task's own words (see ``_TASK_WORDS``)."""
    explained = [False] * len(cell.folded)

    def mark(start: int, end: int) -> None:
        for i in range(start, end):
            explained[i] = True

    for match in _TASK_WORDS.finditer(cell.folded):
        mark(match.start(), match.end())
    if "phan dau" in cell.folded:
        for match in _AIM.finditer(cell.text):
            mark(match.start(), match.end())
    if "rang sang" in cell.folded:
        for match in _DAWN.finditer(cell.text):
            mark(match.start(), match.end())
    for start, end in _day_names(cell):
        mark(start, end)
    for match in _RECIPIENT.finditer(cell.folded):
        group = 1 if match.group(1) is not None else 2
        start = match.start(group)
        end = start
        while end < match.end(group) and not cell.taken[end]:
            end += 1
        words = cell.folded[start:end].split()
        tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", cell.folded[:end])]
        tokens = [(a, b) for a, b in tokens if a >= start]
        if words and not any(w in _TIMING_SYLLABLES for w in words) and _all_known(cell, tokens):
            # "nộp tại Sở Nội vụ": a recipient of known words or a name (hsafe); "gửi cho
            # xã, nếu kịp" is no recipient and flags.
            mark(start, end)
    _leads_a_span(cell, explained)
    _tense_and_aspect(cell, explained)
    _done_only_then(cell, explained)
    _people_come_to(cell, explained)
    _scope_at_the_head(cell, explained)
    _horizon_words(cell, explained)
    _batch_as_subject(cell, explained)
    _round_before_its_reading(cell, explained)
    _task_between_windows(cell, explained)
    _remainder_after_a_part(cell, explained)
    segment_labels(cell, explained)
    _peripheral_clause(cell, explained)
    return explained


# Tense and aspect (hlex4): "đã", "đang", "vừa", "sắp", "vẫn", "sẽ", "tiếp tục", "đã và đang"
# before the task's verb ("UBND xã đã tổ chức từ …", "Sắp thực hiện trước ngày …", "Tiếp tục
# nộp trước ngày 20 hằng tháng") say whether the work is done, doing or to do; a day said past
# or future is still that day, and the reading stands. Explained only before a word the
# lexicon knows where it stands (``in_place``: a verb or a task's word) that says nothing of
# when: "đã hoãn", "vừa mới", "sắp tới ngày" are left to flag ("mới", not before, changes the
# deadline: "đến ngày 2/3 mới triển khai"). Matched with their marks: folded, "đã" is "da",
# "đang" is "đăng", "sắp" is "sáp".
_ASPECT = re.compile(
    r"(?<!\w)(?:đã\s+và\s+đang|đã|đang|vừa|sắp|vẫn|sẽ|tiếp\s+tục)(?:\s+tiếp\s+tục)?"
    r"(?=\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?)"
)
# Right after a reading, at a clause's end: "ngày 15/9 tới", "trong tháng 10 sắp tới", "quý III
# vừa qua", "trước ngày 20/7 vừa rồi" (hlex4) name the same day or period as past or coming.
_SAID_PAST_OR_COMING = re.compile(
    r"\s+((?:vừa\s+qua|vừa\s+rồi|sắp\s+tới|tới)(?:\s*[,;:.])?)(?=\s|\)|$)"
)


# "dự kiến ngày 12/8 mới thông xe", "ngày 20/9 mới hoàn thành" (round sixty-two, hfirst62):
# "mới" (only then) between a day and a verb of completion says the thing is done on that day,
# no earlier; the day is due, as a day before the verb is. Only right after a reading of one
# day (no month, year or window: "tháng 9 mới thông xe" says no day), a verb that finishes
# the work (``_DONE``), and no "đến"/"tới" before the day ("đến ngày 12/8 mới …" keeps its
# doubt, ``_not_until``). "mới được", "mới bắt đầu", "mới triển khai" (the earliest day allowed,
# a start) are not verbs of completion and still flag.
_DONE = (
    r"(?:thông\s+xe|thông\s+tuyến|hoàn\s+thành|hoàn\s+tất|xong|khánh\s+thành|bàn\s+giao"
    r"|có\s+kết\s+quả|đưa\s+vào\s+sử\s+dụng|đưa\s+vào\s+vận\s+hành)"
)
_ONLY_THEN_DONE = re.compile(rf"\s+(mới)\s+(?={_DONE}(?!\w))")


def _done_only_then(cell: Cell, explained: list[bool]) -> None:
    lowered = cell.lowered
    if "mới" not in lowered or len(lowered) != len(cell.folded):
        return
    for found in cell.found:
        if len(found.rules) != 1:
            continue
        rule = found.rules[0]
        if rule.kind != "deadline" or rule.due is None or rule.start not in (None, rule.due):
            continue
        match = _ONLY_THEN_DONE.match(lowered, found.end)
        if match is None or _UNTIL_LEAD.search(cell.folded, max(0, found.start - 20), found.start):
            continue
        for i in range(match.start(1), match.end(1)):
            explained[i] = True


_UNTIL_LEAD = re.compile(r"(?<![a-z])(?:den|toi)(?:\s+het)?\s*(?:ngay\s+)?$")


def _tense_and_aspect(cell: Cell, explained: list[bool]) -> None:
    lowered = cell.lowered
    if not any(w in lowered for w in ("đã", "đang", "vừa", "sắp", "vẫn", "sẽ", "tiếp", "tới")):
        return
    for match in _ASPECT.finditer(lowered):
        if any(cell.taken[match.start() : match.end()]):
            continue
        following = [w for w in match.groups() if w]
        # "đã hoàn thành", "sẽ tiếp nhận": a timing syllable inside a vetted compound of work
        # (``homonym_place``, hlex3) is the verb, no timing word.
        if (following[0] in WHEN_WORDS and not homonym_place(following)[0]) or not in_place(
            following
        )[0]:
            continue
        for i in range(match.start(), match.end()):
            explained[i] = True
    for match in _SAID_PAST_OR_COMING.finditer(lowered):
        if not cell.taken[match.start() - 1]:
            continue
        for i in range(match.start(1), match.end(1)):
            explained[i] = True


# "Thời gian công dân đến đăng ký là trước ngày 20 hằng tháng", "Người dân đến nộp hồ sơ trước
# 16 giờ" (the tune part's misses, hmiss): "đến" (come) between the people who come and what
# they come to do is a verb of the task, not "until"; the people's words are the task's. Only
# with no reading before them, a person written whole (``_PEOPLE``) right before "đến" or
# "tới", and a verb of the task right after it (``_COME_TO``): "Học sinh đến 2/3 mới …", "công
# dân đến hết ngày 5/3", "người dân đến khi …" keep "đến" a timing word and flag as before.
_PEOPLE = (
    r"(?:công\s+dân|người\s+dân|nhân\s+dân|học\s+sinh|sinh\s+viên|phụ\s+huynh|thí\s+sinh"
    r"|cử\s+tri|người\s+bệnh|bệnh\s+nhân|người\s+lao\s+động|người\s+nộp\s+thuế|hộ\s+gia\s+đình"
    r"|cá\s+nhân|doanh\s+nghiệp)"
)
_COME_TO = r"(?:đăng\s+ký|nộp|làm|nhận|khám|tiêm|dự|tham\s+gia|xác\s+nhận|kê\s+khai|lấy|mang|trình)"
_PEOPLE_COME = re.compile(
    rf"(?<!\w)(?:các\s+)?({_PEOPLE})\s+(?:trực\s+tiếp\s+)?(?:đến|tới)\s+(?={_COME_TO}(?!\w))"
)


def _people_come_to(cell: Cell, explained: list[bool]) -> None:
    lowered = cell.lowered
    if len(lowered) != len(cell.folded) or ("đến" not in lowered and "tới" not in lowered):
        return
    for match in _PEOPLE_COME.finditer(lowered):
        if any(cell.taken[: match.end()]):
            continue
        reading = cell.taken.find(1, match.end())
        if reading < 0:
            continue
        # What they come to do, up to the reading: known words of the task only, no number, no
        # word of change or doubt ("đến nộp hồ sơ sớm nhất là ngày 15" flags); a "là" or a
        # mark before the reading is left to the bound or the punctuation.
        end = reading
        tail = re.search(r"(?:\s+là)?[\s,:;]*$", lowered[match.end() : reading])
        if tail is not None:
            end = match.end() + tail.start()
        words = [m for m in re.finditer(r"\S+", cell.text[:end]) if m.start() >= match.end()]
        if (
            not words
            or re.search(r"\d", lowered[match.end() : end])
            or _CHANGES.search(lowered, match.end(), end)
            or _DOUBT_IN_CLAUSE.search(lowered, match.end(), end)
            or not _all_known(cell, [(m.start(), m.end()) for m in words])
        ):
            continue
        for i in range(match.start(), end):
            explained[i] = True


# A batch or a campaign named as the subject of its one window (round forty-nine): "Đợt tiêm này
# diễn ra từ ngày 1 đến ngày 5/10", "Đợt 2 của chiến dịch kéo dài từ 1/6 đến 30/6", "Chiến dịch
# ra quân sẽ được tổ chức từ …". The words before the window name the work and say it takes
# place; its end is due. Only at the head of the cell, before "từ", with one reading (a window)
# in the cell, the name of known words with no timing word, and no other batch in the cell:
# "Đợt 1 …; đợt 2 …" keeps its meaning (each batch its own reading), and so does "đợt" after a
# reading ("Trước 15/3 đợt 2", flagged).
# The verb may be left out (round fifty-three, hfirst53): "Đợt từ ngày 8-13/3", "đợt tiêm bổ
# sung từ 8/3 đến 13/3", "- Đợt, từ …": the batch named, then its window, says the same. Then
# the name is four words at most and the window follows at once; a start with no end ("đợt từ
# ngày 8/3") is no window and still flags.
_BATCH_AS_SUBJECT = re.compile(
    r"\s*(?:[-+\u2022]\s*)?(đợt|chiến\s+dịch)"
    r"(?:\s+(?:\d{1,2}|[ivx]+|thứ\s+\d{1,2})(?=\s+(?:của|thuộc)\s))?"
    r"(?:\s+(?:của|thuộc))?((?:\s+[^\W\d_]+){0,8}?)(?:\s+này)?\s*,?"
    r"\s+(?:(?:(?:sẽ|dự\s+kiến)\s+)?(?:(?:được|đã)\s+)?"
    r"(diễn\s+ra|kéo\s+dài|tổ\s+chức|triển\s+khai|thực\s+hiện|tiến\s+hành)\s+)?"
    r"(?=(?:bắt\s+đầu\s+)?từ\s)"
)


def _batch_as_subject(cell: Cell, explained: list[bool]) -> None:
    lowered = cell.lowered
    head = lowered.lstrip(" -+\u2022")
    if not head.startswith(("đợt", "chiến dịch")) or len(cell.found) != 1:
        return
    match = _BATCH_AS_SUBJECT.match(lowered)
    if match is None or lowered.count("đợt") > 1:
        return
    if match[3] is None and len(match[2].split()) > 4:
        return  # with no verb, a long run is no batch's name
    found = cell.found[0]
    rules = found.rules
    if (
        found.start < match.end()
        or cell.folded[match.end() : found.start].strip() not in ("", "tu", "bat dau tu")
        or len(rules) != 1
        or rules[0].kind != "deadline"
        or rules[0].start is None
    ):
        return
    name = match.group(2).split()
    if any(fold(w) in _TIMING_SYLLABLES for w in name) or not all_known(name):
        return
    for i in range(match.start(1), match.end()):
        explained[i] = True


# A round named before its reading with the task's words between (hfirst51): "Đợt 3 gieo sạ dứt
# điểm trước ngày 15/1", "Lần 2 tiêm vắc xin từ ngày 1/3 đến 15/3". ``events.named_numbers``
# takes the round's number when the clause opens with it and a day follows the task's words
# (the lead's "Rounds of the work": a round before its reading is that reading); the words
# between, with a read number on one side and the reading on the other, are the task's own
# clause, as they are with no round before them. Explained only when they are known words
# with no timing word, no doubt and no change (else they flag as any unknown run).
_ROUND_OPENS = re.compile(
    r"(?:^|[;\n])\s*(?:[-+\u2022]\s*)?(?:dot|lan)\s+(?:thu\s+)?(\d{1,2})(?:\s*[:\-\u2013])?\s+"
)


def _round_before_its_reading(cell: Cell, explained: list[bool]) -> None:
    if "dot" not in cell.folded and "lan" not in cell.folded:
        return
    for match in _ROUND_OPENS.finditer(cell.folded):
        if not cell.taken[match.start(1)]:
            continue
        after = [f for f in cell.found if f.start >= match.end()]
        if not after:
            continue
        first = min(after, key=lambda f: f.start)
        gap = cell.lowered[match.end() : first.start]
        words = gap.split()
        if (
            not 1 <= len(words) <= 8
            or any(cell.taken[match.end() : first.start])
            or re.search(r"[\d;:()]", gap)
            # "thu" of "thu hoạch" is the work's syllable, no season (``homonym_place``)
            or any(
                fold(w) in _TIMING_SYLLABLES and not held
                for w, held in zip(words, homonym_place(words), strict=True)
            )
            or not all_known(words)
            or _DOUBT_IN_CLAUSE.search(gap)
            or _CHANGES.search(gap)
        ):
            continue
        for i in range(match.end(), first.start):
            explained[i] = True


# Two windows in a row, the second's task named between them (round fifty-seven, hfirst57):
# "từ ngày 1/9 đến ngày 30/10 và thực hiện rà soát, tiêm bổ sung từ ngày 1 đến 10/11", "từ 3/3
# đến 10/3, kiểm tra từ 15/3 đến 20/3": the first reading is whole (a day or a window, due on
# its day), then a new clause ("và", a comma, a semicolon) names the next work, then that work's
# own window opens with "từ" after the first has ended. Each reading is its work's; the words
# between are the second's task (before, the run between two readings was left, as one that
# may join them: "từ 7h30 và quản lý học sinh đến 17h30", a start and an end, still is).
# Only known words with no timing syllable, no number, no doubt, no change, at most eight;
# "bổ sung" (a supplementary pass) may stand among them, as a round named before its reading
# is that reading (the conventions' "Rounds of the work"). "hoặc", "nhắc lại", "gia hạn",
# "có thể", windows out of order or overlapping are left to flag.
_NEXT_CLAUSE = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|và\s+)")
_SUPPLEMENT = re.compile(r"(?<!\w)bổ\s+sung(?!\w)")


def _task_between_windows(cell: Cell, explained: list[bool]) -> None:
    if len(cell.found) < 2:
        return
    ordered = sorted(cell.found, key=lambda f: f.start)
    for first, second in itertools.pairwise(ordered):
        dues = [r.due for r in first.rules if r.kind == "deadline"]
        later = second.rules
        if (
            not first.rules
            or len(dues) != len(first.rules)
            or any(d is None for d in dues)
            or len(later) != 1
            or later[0].kind != "deadline"
            or later[0].start is None
            or later[0].due is None
            or first.note
            or second.note
            or not re.match(r"(?:bat\s+dau\s+)?tu\s", cell.folded[second.start : second.end])
            or any(later[0].start <= d for d in dues if d is not None)
        ):
            continue
        joint = _NEXT_CLAUSE.match(cell.lowered, first.end)
        if joint is None or joint.end() >= second.start:
            continue
        gap = cell.lowered[joint.end() : second.start]
        if any(cell.taken[joint.end() : second.start]) or re.search(r"[\d;:()]", gap):
            continue
        words = _SUPPLEMENT.sub(" ", gap).split()
        # A timing syllable passes only written as a lexicon word where it stands and no word
        # that says when ("thực" of "thực hiện"), as in ``_peripheral_clause``.
        standing, held = in_place(words), homonym_place(words)
        if (
            not 1 <= len(gap.split()) <= 8
            or not words
            or any(
                fold(w.strip(",")) in _TIMING_SYLLABLES
                and not inside
                and not (
                    place
                    and _written_word(w) not in WHEN_WORDS
                    and _written_word(w) not in _NEVER_EXCUSED
                )
                for w, place, inside in zip(words, standing, held, strict=True)
            )
            or not all_known(words)
            or _DOUBT_IN_CLAUSE.search(gap)
            or _CHANGES.search(gap)
            or _CHOICE_IN_CLAUSE.search(fold(gap))
        ):
            continue
        for i in range(first.end, second.start):
            explained[i] = True


# Two parts of a payment or a submission (round forty-nine): "nộp 50% trước ngày 30/7, số còn
# lại nộp trước ngày 20/11", "…, phần còn lại trước 31/12", "số tiền còn lại". "còn lại" (the
# rest) names the second part, due on its own day; both days are read. Only between two
# readings; a share ("50%", "một nửa") before the first reading names the first part.
_REMAINDER = re.compile(r"(?<!\w)(?:số\s+tiền|số|phần|khoản)\s+(còn\s+lại)(?!\w)")
_SHARE = re.compile(r"(?<![\d\w])\d{1,3}(?:[.,]\d{1,2})?\s*%|(?<!\w)một\s+nửa(?!\w)")


def _remainder_after_a_part(cell: Cell, explained: list[bool]) -> None:
    if "con lai" not in cell.folded:
        return
    for match in _REMAINDER.finditer(cell.lowered):
        before = cell.taken.find(1, 0, match.start()) >= 0
        after = cell.taken.find(1, match.end()) >= 0
        if not (before and after) or any(cell.taken[match.start() : match.end()]):
            continue
        for i in range(match.start(), match.end()):
            explained[i] = True


def _share_before_a_remainder(cell: Cell) -> None:
    """The share ("50%", "một nửa") before the first of two readings split by "số/phần còn
    lại" (``_REMAINDER``): it names the first part, no timing; read with the split."""
    if "con lai" not in cell.folded:
        return
    first = cell.taken.find(1)
    if first < 0 or not any(
        cell.taken.find(1, m.end()) >= 0 and m.start() > first and cell.free(m.start(), m.end())
        for m in _REMAINDER.finditer(cell.lowered)
    ):
        return
    for share in _SHARE.finditer(cell.lowered, 0, first):
        cell.take(share.start(), share.end())


# A scope word opening the cell just before a day (hlex4): "Riêng ngày 7/7, …", "Đặc biệt là
# trong ngày 26/11", "Chỉ ngày 15/9", "Kể cả trước ngày 4/7: …" say which work or which case
# the row is about, not when; the day read is the row's. Only at the head, nothing but the
# word before the reading, and only before a day written in figures: before a period or a
# weekday ("Riêng quý IV …", "riêng thứ Bảy", "kể cả thứ Bảy hằng tuần") it may carve a case
# out of a cadence or add days to others, and flags as before; so do "Trước 20/6; riêng thôn
# Đông trước 30/6" (a second case after a first reading), "trừ", "ngoại trừ", "không kể"
# (days taken out), and "Ngay trong ngày …" keeps its own question.
_SCOPE_AT_THE_HEAD = re.compile(
    r"\s*(?:riêng|đặc\s+biệt(?:\s+là)?|nhất\s+là|chỉ|kể\s+cả|cả)\s*,?\s+"
    r"(?=(?:(?:là|trong|vào|trước|chậm\s+nhất)\s+)*(?:ngày\s+)?\d)"
)


def _scope_at_the_head(cell: Cell, explained: list[bool]) -> None:
    match = _SCOPE_AT_THE_HEAD.match(cell.lowered)
    if match is None:
        return
    # The reading begins inside the words after the scope ("là trong tháng 11" read whole) or
    # just after them, a day's "ngày" between ("Riêng ngày 19/6": the reading takes "19/6").
    end = match.end()
    if cell.lowered.startswith("ngày ", end):
        end += len("ngày ")
    reading = cell.taken.find(1)
    if reading < 0 or reading > end:
        return
    for i in range(reading):
        explained[i] = True


# Filler words whose syllable hides a timing word (probed, hprobe10): left unread, "hằng" with
# no period after it ("Trước 31/12 (hằng)"), "độ" standing alone ("Tháng 11 (độ)", about),
# "sang" before a period ("sang năm", next year), "lần" or "đợt" with no number after it ("các
# lần", every time) and "chờ" (awaiting; folded, "cho") were dropped as filler, their cells
# read without a flag. Matched as
# written: "độ" in "chế độ", "trình độ", "mức độ" is no doubt.
_HIDDEN_TIMING = re.compile(
    r"(?<!\w)hằng(?!\s+(?:ngày|tuần|tháng|quý|quí|năm|kỳ|kì)(?!\w))"
    r"|(?<!chế\s)(?<!trình\s)(?<!mức\s)(?<!tốc\s)(?<!nhiệt\s)(?<!thái\s)(?<!cấp\s)(?<!tiến\s)"
    r"(?<!cường\s)(?<!mật\s)(?<!tọa\s)(?<!hạn\s)(?<!niên\s)(?<!độ\s)(?<!thước\s)(?<!giai\s)"
    r"(?<!\w)độ(?!\s+(?:chừng|khoảng|dài|tuổi|ẩm|cao|sâu|rộng|che|phủ|bao)(?!\w))(?!\w)"
    r"|(?<!\w)chờ(?!\w)"
    # "Cận ngày 15/6", "cận Tết" (hprobe23): near the day; folded, "cần" (need), filler.
    r"|(?<!\w)cận(?=\s+(?:kề\s+)?(?:ngày|tết|dịp|hạn|cuối|đầu|\d)(?!\w))"
    r"|(?<!\w)sang(?=\s+(?:năm|tháng|tuần|quý|quí)(?!\w))"
    r"|(?<!\w)(?:năm|tháng|tuần|quý)(?=\s+(?:trước|sau|tới|ngoái|kế|tiếp|qua)(?!\w))"
    # "trong năm ngày", "trong năm tháng" (hfirst56): a unit left after "năm" read as the year
    # may make it five ("within five days"); read before as the year's end, without a flag.
    r"|(?<=năm\s)(?:ngày|tuần|tháng|quý|quí)(?!\w)"
    r"|(?<![\d\w])(?<!\d\s)(?<!một\s)(?<!hai\s)(?<!ba\s)(?<!bốn\s)(?<!năm\s)(?<!sáu\s)(?<!bảy\s)"
    r"(?<!tám\s)(?<!chín\s)(?<!mười\s)(?<!vài\s)(?<!mấy\s)"
    r"(?:lần|đợt)(?!\s*(?:thứ\s+)?(?:\d{1,2}(?![\d/.])|[ivx]+(?!\w)|đầu|cuối|này))(?!\w)"
)


# The filler words of ``_BENIGN`` that are in no lexicon, written (hsafe): folded, "khai" is
# "khái" ("đại khái", roughly), "gian" is "giãn" (stretched), "phong" is "phỏng" (a guess).
_WRITTEN_FILLER = frozenset(["đầy", "đây", "gian", "kéo", "là", "lấy", "ở", "thuộc", "xác", "xong"])


# The filler list's timing syllables as plans write them, beside the timing words themselves
# (``WHEN_WORDS``): another word of the same letters ("hẵng", not until) is no filler.
_TIMING_FILLER = frozenset(
    [
        "lúc",
        "nhất",
        "kế",
        "kể",
        "chỉ",
        "định",
        "hợp",
        "thực",
        "theo",
        "thời",
        "kết",
        "hôm",
        "mai",
        "một",
        "sang",
        "qua",
        "quá",
        "kịp",
        "lịch",
        "tới",
        "tối",
        "trưa",
        "chiều",
        "hết",
        "hạn",
        "kỳ",
        "kì",
        "hằng",
        "hàng",
        "lần",
        "đợt",
        "năm",
        "tháng",
        "ngày",
        "quý",
        "quí",
        "hoặc",
        "chậm",
        "đổi",
        "dời",
    ]
)


def _filler(cell: Cell, word: str, shown: str, place: Callable[[], bool | None]) -> bool:
    """Whether the unread word is filler: folded in ``_BENIGN`` and, unless it is one of the
    timing syllables the filler list holds by design, written as a lexicon word where it
    stands (``place()``, from ``lexicon.in_place``: "sơ" in "hồ sơ", not in "sơ bộ") or one of
    ``_WRITTEN_FILLER``. An unknown word sharing a filler's letters flags (hsafe, hlex)."""
    if word not in _BENIGN:
        return False
    written = shown.strip(" ,.;:()-/'\"…").lower()
    if word in _TIMING_VOCABULARY:
        # Unless written with marks as no timing word and no word the lexicon knows there:
        # "(hẵng)" (not until; probed, hprobe14) folds to "hằng" and passed as one.
        return not (
            fold(written) != written
            and written not in WHEN_WORDS
            and written not in _TIMING_FILLER
            and place() is None
        )
    standing = place()
    return bool(standing) or (standing is None and written in _WRITTEN_FILLER)


def _never_filler(cell: Cell, start: int, end: int) -> bool:
    """Whether the filler word at ``start`` hides a timing word (``_HIDDEN_TIMING``)."""
    while start < end and not cell.lowered[start].isalnum():
        start += 1
    if _HIDDEN_TIMING.match(cell.lowered, start) is not None:
        return True
    change = _CHANGES.match(cell.lowered, start)
    if change is None:
        return False
    # "Gia hạn đến hết 30/6", "Dời sang ngày 19/4" (round four's tests): a move or a stretch
    # leading the end that is read, with no reading before it, says the new day (as
    # ``_LEADS_A_SPAN``); "Trước 15/5, gia hạn đến 25/5" moves a deadline and flags.
    lead = _LEADS_AN_END.match(cell.lowered, change.end())
    return not (
        lead and any(cell.taken[lead.end() : lead.end() + 12]) and not any(cell.taken[:start])
    )


# After a change word: the end it leads ("đến hết", "sang ngày", "tới").
_LEADS_AN_END = re.compile(r"\s+(?:lại\s+)?(?:sang|đến|tới)(?:\s+hết)?(?:\s+ngày)?\s+")


def _misfolded(shown: str) -> bool:
    """Whether the first word a reading took is written with marks, folds to a timing syllable and is
    no timing word as written (``WHEN_WORDS``, ``_TIMING_FILLER``) nor a lexicon word: "hẵng"
    (not until) taken for "hằng", "mới" for "mỗi"."""
    written = _written_word(shown)
    if not written or fold(written) == written or fold(written) not in _TIMING_SYLLABLES:
        return False
    return written not in WHEN_WORDS and written not in _TIMING_FILLER and not known(written)


def _leftover(cell: Cell) -> str:
    """The words no reading took and nothing explained, as the officer wrote them: each run of
    them shown whole from its first word to its last, the explained words between kept ("trường
    hợp chưa hoàn thành thì báo cáo lý do", not "trường chưa hoàn thì lý do"); a run stops at a
    reading."""
    words: list[tuple[int, int]] = []
    previous = ""
    previous_start = 0
    explained = _explained_task_words(cell)
    matches = list(re.finditer(r"\S+", cell.folded))
    places: list[bool | None] = []

    def place(index: int) -> bool | None:
        # Where each word stands in the lexicon (``lexicon.in_place``), worked out once per
        # cell and only when a filler asks.
        if not places:
            places.extend(in_place([cell.text[m.start() : m.end()] for m in matches]))
        return places[index]

    for index, match in enumerate(matches):
        if any(cell.taken[match.start() : match.end()]):
            # "Q3/2024", "T10/2024", "15→20/6": letters or digits glued to a reading are
            # read with it or meant something the reading missed ("Q3" is no March).
            glued = any(
                not cell.taken[i] and not explained[i] and cell.folded[i].isalnum()
                for i in range(match.start(), match.end())
            )
            if glued and not _dotted_name(match.group(0).strip(" ,.;:()-/'\"…")):
                words.append((match.start(), match.end()))
            elif any(f.start == match.start() for f in cell.found) and _misfolded(
                cell.text[match.start() : match.end()]
            ):
                # "hẵng ngày 18/9" (not until; probed, hprobe14) read as "hằng ngày", daily:
                # a reading taken on a word written with other marks than its timing word's.
                words.append((match.start(), match.end()))
            previous = ""
            continue
        letters = [i for i in range(match.start(), match.end()) if cell.folded[i].isalnum()]
        if all(explained[i] for i in letters) and not re.search(r"\d", match.group(0)):
            previous = ""
            continue
        word = match.group(0).strip(" ,.;:()-/'\"…")
        shown = cell.text[match.start() : match.end()].strip(" ,.;:()-'\"")
        if word == "khoang" and _about_a_read_hour(cell, match.end()):
            previous = ""
            continue
        if word.isdigit() and previous in _COUNTED:
            words.append((previous_start, match.end()))
        elif word.isdigit() and not re.search(
            rf"\b(?:{'|'.join(sorted(_ORDINAL_OF))})\s*$", cell.folded[: match.start()]
        ):
            words.append((match.start(), match.end()))  # a number nobody read meant something
        elif (
            word
            and not word.isdigit()
            and (
                not _filler(cell, word, shown, partial(place, index))
                or _never_filler(cell, match.start(), match.end())
            )
            # A lone letter is a list's mark ("a)", "b.") unless it stands as a word: "e là"
            # (I fear) is no mark (hsafe).
            and (len(word) > 1 or not re.search(r"[).:]$", match.group(0)))
            and not _dotted_name(word)
        ):
            words.append((match.start(), match.end()))
        previous, previous_start = word, match.start()
    return _shown_runs(cell, words)


def _shown_runs(cell: Cell, spans: list[tuple[int, int]]) -> str:
    """Unread words' spans as runs of the written text: two spans join when nothing a reading
    took stands between them; each run is shown from its first word to its last, trimmed of
    marks, cut at 80 characters, and runs parted by a reading are joined by " … "."""
    runs: list[list[int]] = []
    for start, end in sorted(set(spans)):
        if runs and (start <= runs[-1][1] or 1 not in cell.taken[runs[-1][1] : start]):
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    shown = []
    for start, end in runs:
        text = " ".join(cell.text[start:end].split()).strip(" ,.;:()-'\"")
        shown.append(text if len(text) <= 80 else text[:79].rstrip() + "…")
    return " … ".join(t for t in shown if t)


# "khoảng 10 giờ 30 phút ngày 27/1", "Vào khoảng 10 giờ ngày 31-10" (round thirty-four): "about"
# before an hour that was read with its day hedges the hour only, the day being written in
# full; it is no doubt about the deadline. Before anything else ("khoảng 10 ngày", "khoảng
# tháng 9", an hour with no day) it stays unread and flags, as before.
_AN_HOUR_AFTER = re.compile(r"\s+(\d{1,2})\s*(?:gio|h|g)(?![a-z])")


def _about_a_read_hour(cell: Cell, end: int) -> bool:
    hour = _AN_HOUR_AFTER.match(cell.folded, end)
    return hour is not None and all(cell.taken[hour.start(1) : hour.end(1)])


# "thành phố trực thuộc T.Ư", "U.B.N.D xã": single letters parted by dots are a body's
# abbreviated name, not a word left unread (round thirteen). Not when the letters spell a
# timing word or a timing abbreviation ("C.N", Chủ nhật; "Â.L", "D.L", the calendars).
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]\.?")
_TIMING_LETTERS = frozenset(["cn", "al", "dl"])


def _dotted_name(word: str) -> bool:
    if not _DOTTED.fullmatch(word):
        return False
    letters = word.replace(".", "")
    return letters not in _TIMING_LETTERS


def _alternatives(cell: Cell) -> list[str]:
    """ "vào tháng 2 hoặc tháng 3", "ngày 15/5 (dự phòng 22/5)": two dated readings offered
    as alternatives (or one held in reserve) are not two deadlines; which one holds is for
    an officer to say."""
    # Cadences too (probed, hprobe8: "Hằng tuần hoặc hằng tháng" read as both).
    dated = [f for f in cell.found if any(r.kind in ("deadline", "recurring") for r in f.rules)]
    shown = _two_readings_joined_by(cell, dated, _OR, cell.folded)
    if not shown:
        # A day or a count from an event, one or the other (probed, hprobe13: "Trước ngày 15/3
        # hoặc trong 7 ngày kể từ ngày nhận văn bản" read as both without a flag).
        counted = [f for f in cell.found if any(r.kind == "relative" for r in f.rules)]
        shown = _day_or_count(cell, dated, counted)
    for item in dated:
        # "Hằng tuần hoặc hằng tháng": two cadences in one reading, offered as alternatives
        # (not "… hoặc đột xuất", "… hoặc khi có yêu cầu", work on demand beside them).
        several = sum(r.kind in ("deadline", "recurring") for r in item.rules) >= 2
        if not shown and several and _OR_IN_ONE.search(cell.folded, item.start, item.end):
            shown = cell.original(item.start, item.end)
    if not shown:
        shown = _or_an_undated_one(cell, dated)
    return [f"'{shown}' nêu hai thời hạn để chọn một"] if shown else []


# "giai đoạn 2 (2026-2030) hoặc giai đoạn 3" (hprobe25): a dated reading or another period the
# cell does not date; read before as the first alone, without a flag. Only a period's word
# after "hoặc" (a stage, a round, a turn, a term), the cell reading nothing after it.
_OR_A_PERIOD = re.compile(
    r"\s*,?\s*hoac\s+(?:(?:vao|trong)\s+)?(?:giai\s+doan|dot|lan|ky|nam|quy|thang|tuan)(?![a-z])"
)


def _or_an_undated_one(cell: Cell, dated: list[Found]) -> str:
    if "hoac" not in cell.folded or not dated:
        return ""
    last = max(dated, key=lambda f: f.end)
    after = _OR_A_PERIOD.match(cell.folded, last.end)
    bracket = cell.folded.find(")", last.end)
    if after is None and bracket >= 0 and not cell.folded[last.end : bracket].strip():
        after = _OR_A_PERIOD.match(cell.folded, bracket + 1)
    if after is None or any(f.rules and f.start >= after.start() for f in cell.found):
        return ""
    return cell.original(last.start, len(cell.text)).rstrip(" .;")


def _day_or_count(cell: Cell, dated: list[Found], counted: list[Found]) -> str:
    """A dated reading and a count from an event next to each other with "hoặc" between them,
    as written; "" if none."""
    ordered = sorted(
        [(f, True) for f in dated] + [(f, False) for f in counted if f not in dated],
        key=lambda pair: pair[0].start,
    )
    for (first, first_dated), (second, second_dated) in itertools.pairwise(ordered):
        if first_dated != second_dated and _OR.search(cell.folded, first.end, second.start):
            return cell.original(first.start, second.end)
    return ""


_OR_IN_ONE = re.compile(r"\bhoac\s+(?!dot\s+xuat|khi|theo|neu)")


# "bù": a day made up ("Ngày 15/3 (Chủ nhật); làm bù thứ Bảy 21/3", probed, hprobe8).
_OR = re.compile(r"\bhoac\b|\bdu\s+phong\b|\bbu\b")


def _two_readings_joined_by(
    cell: Cell, readings: list[Found], words: re.Pattern[str], text: str
) -> str:
    """The first two readings next to each other (by place) with ``words`` between them in
    ``text`` (the folded or the lowered cell), as written; "" if none."""
    ordered = sorted(readings, key=lambda f: f.start)
    for first, second in itertools.pairwise(ordered):
        if words.search(text, first.end, second.start):
            return cell.original(first.start, second.end)
    return ""


# A date changed (probed, hprobe4): "Lùi thời hạn từ ngày 15/3 sang ngày 30/3", "Ngày
# 15/3 (hoãn sang 30/3)", "Trước 15/3, nay gia hạn đến 30/3", "15/3 -> 30/3", "Dự kiến
# 15/6, chính thức 22/6": the old date and the new side by side, read before as two
# deadlines (or a start and a deadline) without a flag. Alone, one moved date reads as the
# new one ("gia hạn đến 30/6", "dời sang ngày 19/4"). Matched on the written words: folded,
# "lùi", "hoãn", "đổi" and "dời" are "lui", "hoàn", "đội" and "đời" too.
_MOVE_WORD = re.compile(
    r"(?<!\w)(?:lùi|hoãn|dời|đổi|gia\s+hạn|điều\s+chỉnh|chính\s+thức|chuyển\s+(?:sang|thành))(?!\w)"
    r"|->|=>|→|⇒|(?<!\w)nay\s+là(?!\w)"
)
# "sang", "thành" between two readings, a move word anywhere ("Chuyển ngày 15/3 sang 30/3",
# "đổi ngày 15/3 thành ngày 30/3"); not "hoàn thành".
_MOVE_TO = re.compile(r"(?<!\w)(?:sang|(?<!hoàn\s)thành)(?!\w)")
# A date named as the old one: "thay vì 15/3", "(thay cho ngày 10/4)", "hạn cũ", "trước đây
# là 31/5", "ban đầu": whatever else the cell reads, an officer says which date holds.
# "lịch cũ", "hạn cũ", "ngày cũ", "thời gian cũ": a date named as the old one (also in
# ``_OLD_MARK`` below, which strikes the date after it).
_NAMED_OLD = r"(?:hạn|ngày|lịch|thời\s+gian)\s+cũ"
_OLD_DATE = re.compile(
    rf"(?<!\w)(?:thay\s+(?:vì|cho|bằng)|{_NAMED_OLD}|cũ\s*:|trước\s+đây"
    r"|ban\s+đầu|(?:kế\s+hoạch|lịch)\s+trước)(?!\w)"
)
# Words one of which each pattern above needs: a cheap test before the scan.
_OLD_GATE = re.compile("thay|cũ|đây|ban đầu|hoạch trước|lịch trước")
_MOVE_GATE = re.compile("lùi|hoãn|dời|đổi|gia hạn|điều chỉnh|chính thức|chuyển|->|=>|→|⇒|nay là")
# "từ" leading a reading, "sang" after it (``_moved_dates``).
_FROM_LEAD = re.compile(r"(?<!\w)từ(?!\w)")
_SANG = re.compile(r"(?<!\w)sang(?!\w)")
# Between two readings: "Ngày 30/3 (so với kế hoạch là 15/3)".
_COMPARED = re.compile(r"(?<!\w)so\s+với(?!\w)")


def _has_a_day(found: Found) -> bool:
    """A reading that names a day, a period or a cadence (not an event, not "thường xuyên")."""
    return any(r.due or r.start or r.rrule for r in found.rules)


# "vào ngày 31-5 (lịch cũ là 29-3)", "18h ngày 28-10, thay vì 18h ngày 27-10", "sang ngày
# 28/8, thay vì ngày 25/8": a date right after a word that marks it as the old one, with
# another day read outside that clause: the words say which holds, the old one is struck
# (flagged before, hprobe4, as any old date beside a new one). Only a marker just before its
# date (six words at most, no number, no stop between) and only when a day is read outside
# the struck clause; a marker after its date ("… như kế hoạch ban đầu"), or "ban đầu",
# "trước đây" alone, still flag in ``_moved_dates``.
_OLD_MARK = re.compile(
    rf"(?<!\w)(?:thay\s+(?:vì|cho)|{_NAMED_OLD}(?:\s+là)?|trước\s+đây\s+là)(?!\w)"
)
_CLAUSE_END = re.compile(r"[,;)]|\s(?:như|theo|và|nhưng|để)\s")
# "… như kế hoạch ban đầu", "như lịch dự kiến trước đó": the old date's own words.
_AS_PLANNED = re.compile(
    r"\s*(?:như|theo)\s+(?:(?:kế\s+hoạch|lịch|thời\s+gian)\s*)?(?:dự\s+kiến\s*)?"
    r"(?:ban\s+đầu|trước\s+đó|cũ|đã\s+(?:định|thông\s+báo|công\s+bố))?(?!\w)"
)
# An old day followed by the rest of a window: "thay vì 8/5 đến …", "thay vì 8/5 - 9/3".
# Not an old window ("thay vì từ 8/5 – 9/5"): the old day is the first thing after the mark.
_OLD_DAY = re.compile(
    r"\s*(?:ngày\s+)?\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?(?![\d/.\-])"
)
# Also what belonged to the new day and follows the old one: "trước ngày 5/1 thay vì 8/3 năm
# sau" (the year is the new day's), "… thay vì 8/3 và kết thúc …"; a bracket may stand between.
# hmeta6: the new day's year named by its place ("của năm tiếp theo") or as a Can Chi year
# ("năm Giáp Thìn"), a window going on with "(và) (sẽ|dự kiến) kéo dài đến" or after a comma
# (", đến 15/12"), and an hour or a window of hours after the old day ("thay vì 8/3 10:41",
# "thay vì 8/3 8h - 8h30", "thay vì 8/3 (8:00 - 16:30)", "thay vì 8/3 chậm nhất 17h …"):
# each may belong to the new day as well as to the old one.
# The cycle's names as written, with their other spellings (tracker/schedule/lunar.py).
_CAN = f"(?:{'|'.join(spellings(STEMS))})"
_CHI = f"(?:{'|'.join(spellings(BRANCHES))})"
_WINDOW_GOES_ON = re.compile(
    r"(?:\s*\([^)]*\))?\s*,?\s*(?:(?:đến|tới)(?!\w)|[-–—]\s*\d"
    r"|(?:của\s+)?năm\s+(?:sau|trước|tới|ngoái|kế|tiếp(?:\s+theo)?)(?!\w)"
    rf"|năm\s+{_CAN}\s+{_CHI}(?!\w)"
    r"|và\s+kết\s+thúc(?!\w)|(?:và\s+)?(?:(?:sẽ|dự\s+kiến)\s+)?kéo\s+dài\s+(?:đến|tới)(?!\w)"
    r"|(?:(?:chậm|muộn)\s+nhất\s+)?\(?\d{1,2}\s*(?:h|giờ|:)\s*\d{0,2}(?!\w|/))"
)
_AN_HOUR = re.compile(r"\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}(?:\s*phút)?'?(?!\w)")


def _strike_old_dates(cell: Cell) -> None:
    lowered = cell.lowered
    if "thay" not in lowered and "cũ" not in lowered and "trước đây" not in lowered:
        return
    days = [f for f in cell.found if _has_a_day(f)]
    for mark in _OLD_MARK.finditer(lowered):
        after = sorted((f for f in days if f.start >= mark.end()), key=lambda f: f.start)
        if not after:
            continue
        gap = _AN_HOUR.sub(" ", lowered[mark.end() : after[0].start])
        if len(gap.split()) > 6 or re.search(r"[\d;.]", gap):
            continue
        stop = _CLAUSE_END.search(lowered, after[0].end)
        end = stop.start() if stop else len(lowered)
        # "từ ngày 4/3 thay vì 8/5 đến 17 giờ ngày 9/3" (hmeta4): the old day sits inside a
        # window whose end follows it; striking to the clause's end would take the window's
        # end too and leave a start alone, so nothing is struck and the old day flags.
        first = _OLD_DAY.match(lowered, mark.end())
        if first and _WINDOW_GOES_ON.match(lowered, first.end()):
            continue
        as_planned = _AS_PLANNED.match(lowered, end)
        end = as_planned.end() if as_planned else end
        old = [f for f in cell.found if mark.start() <= f.start < end]
        kept = [f for f in days if f not in old]
        if not kept:
            continue
        end = max(end, *(f.end for f in old))
        cell.found = [f for f in cell.found if f not in old]
        cell.times = [t for t in cell.times if not mark.start() <= t[0] < end]
        cell.take(mark.start(), end)
        cell.struck.append((mark.start(), end))
        days = kept


# "Điều chỉnh thời gian thi từ ngày 10/6 thành ngày 17/6", "Dời lịch họp từ ngày 28/9 sang
# ngày 5/10" (probed, hprobe19): a change word, then "từ" the old date "sang" or "thành" the
# new: the words say which date holds, and the old one is struck (read before as work from
# the first day plus a deadline on the second, flagged). Only two readings, the first led by
# "từ", nothing but "sang" or "thành" between them, and a plain move clause before
# (``_moved_clause_end``: no proposal, no condition, no unknown word). Without the change
# word ("Từ ngày 20/12 sang ngày 3/12", round thirty-nine) it still flags.
_FROM_OLD_TO_NEW = re.compile(r"\s*(?:sang|thành)(?:\s+ngày)?\s*")


def _strike_moved_from(cell: Cell) -> None:
    lowered = cell.lowered
    if "từ" not in lowered or len(lowered) != len(cell.folded) or len(cell.found) != 2:
        return
    old, new = sorted(cell.found, key=lambda f: f.start)
    if not (_has_a_day(old) and _has_a_day(new)):
        return
    if not re.match(r"từ(?!\w)", lowered[old.start : old.end]):
        return
    between = _FROM_OLD_TO_NEW.fullmatch(lowered, old.end, new.start)
    if between is None or not re.search(r"sang|thành", between.group(0)):
        return
    if _put_off_backwards(lowered, old, new):
        return
    cell.struck.append((old.start, old.end))
    lead = _MOVE_LEAD.search(lowered, old.end, new.start)
    clause = _moved_clause_end(cell, _starting_at(new, lead.start() if lead else new.start))
    cell.struck.pop()
    if clause < 0:
        return
    cell.found = [f for f in cell.found if f is not old]
    cell.times = [t for t in cell.times if not old.start <= t[0] < old.end]
    cell.take(old.start, old.end)
    cell.struck.append((old.start, old.end))


# "Lùi thời hạn từ ngày 20/12 sang ngày 3/12": a word that puts a date off ("lùi", "hoãn",
# "gia hạn", "kéo dài") with a new date before the old one: the words and the dates disagree;
# left to flag.
_PUT_OFF = re.compile(r"(?<!\w)(?:lùi|hoãn|gia\s+hạn|kéo\s+dài)(?!\w)")


def _first_day(found: Found) -> date | None:
    days = [d for r in found.rules for d in (r.due or r.start,) if d is not None]
    return min(days) if days else None


def _put_off_backwards(lowered: str, old: Found, new: Found) -> bool:
    if _PUT_OFF.search(lowered, 0, old.start) is None:
        return False
    before, after = _first_day(old), _first_day(new)
    return before is None or after is None or after < before


def _starting_at(found: Found, start: int) -> Found:
    """``found`` as if it began at ``start`` (the lead before it is looked for in its text)."""
    return replace(found, start=start)


# "Dự kiến dời sang ngày 21/1", "Đề nghị lùi thời hạn sang ngày 5/6", "Xin gia hạn đến
# 30/6" (probed, hprobe19): a change asked for, proposed or planned, then the day it would
# move to: the day is not yet the one to plan by. Read before as the new day without a flag
# where the change word led the date. Not "hồ sơ đề nghị gia hạn" (a dossier asking for an
# extension, read with its count), which has no date after it.
_PROPOSED_MOVE = re.compile(
    r"(?<!\w)(?<!sơ\s)(?<!đơn\s)(?:đề\s+nghị|đề\s+xuất|kiến\s+nghị|dự\s+kiến|dự\s+định|xin"
    r"|xem\s+xét)(?:\s+\S+){0,5}?\s+(?:lùi|dời|hoãn|gia\s+hạn|điều\s+chỉnh|chuyển|thay\s+đổi"
    r"|đổi)(?!\w)"
)


def _proposed_move(cell: Cell) -> list[str]:
    lowered = cell.lowered
    if (
        "đề" not in lowered
        and "dự" not in lowered
        and "xin" not in lowered
        and "xem" not in lowered
    ):
        return []
    for match in _PROPOSED_MOVE.finditer(lowered):
        if any(_has_a_day(f) and match.end() <= f.start <= match.end() + 60 for f in cell.found):
            shown = cell.original(match.start(), match.end())
            return [f"'{shown}': việc đổi ngày mới được đề nghị hoặc dự kiến, cần xem lại"]
    return []


# "Xây dựng kế hoạch trước 15/3" (hprobe28): "trước" right before a day bounds the work of
# making the plan; it is "the earlier plan" only beside a word of change.
_PLAN_BEFORE_A_DAY = re.compile(r"(?:kế\s+hoạch|lịch)\s+trước\s+(?:ngày\s+)?\d")


def _moved_dates(cell: Cell) -> list[str]:
    lowered = cell.lowered
    old_gate, move_gate = _OLD_GATE.search(lowered), _MOVE_GATE.search(lowered)
    if old_gate is None and move_gate is None and "sang" not in lowered:
        return []
    read = sorted((f for f in cell.found if _has_a_day(f)), key=lambda f: f.start)
    if not read:
        return []
    old = _OLD_DATE.search(lowered) if old_gate else None
    while old and (
        any(a <= old.start() < b for a, b in cell.struck)
        or (move_gate is None and _PLAN_BEFORE_A_DAY.match(lowered, old.start()))
    ):
        old = _OLD_DATE.search(lowered, old.end())
    if old:
        return [
            f"'{cell.original(old.start(), old.end())}' nêu một ngày cũ đã thay đổi: hạn nào còn giữ"
        ]
    # "Từ ngày 20/12 sang ngày 3/12" with the verb outside the cell ("Thay đổi thời gian tổ
    # chức: …"; round thirty-nine): no span is written "từ … sang …", so the day after "từ" is
    # the old one and the other the new, as with a move word; read before as work from the
    # first day plus a deadline on the second, without a flag.
    for first, second in itertools.pairwise(read):
        led = _FROM_LEAD.search(lowered[max(0, first.start - 4) : first.start + 3])
        if led and any(first.end <= m.start() < second.start for m in _SANG.finditer(lowered)):
            shown = cell.original(first.start, second.end)
            return [f"'{shown}' nêu một ngày đổi sang ngày khác: hạn nào còn giữ"]
    if move_gate is None:
        return []
    moves = [m.start() for m in _MOVE_WORD.finditer(lowered)]
    if not moves:
        return []
    to = [m.start() for m in _MOVE_TO.finditer(lowered)]
    for first, second in itertools.pairwise(read):
        # The second reading's own bound may hold the word ("(gia hạn 30/3)": "hạn" bounds).
        if any(first.end <= p < second.end for p in moves) or any(
            first.end <= p < second.start for p in to
        ):
            shown = cell.original(first.start, second.end)
            return [f"'{shown}' nêu một ngày đổi sang ngày khác: hạn nào còn giữ"]
    return []


def _compared_dates(cell: Cell) -> list[str]:
    if "so v" not in cell.lowered:
        return []
    read = [f for f in cell.found if _has_a_day(f)]
    shown = _two_readings_joined_by(cell, read, _COMPARED, cell.lowered)
    return [f"'{shown}' so một ngày với ngày khác: hạn nào còn giữ"] if shown else []


# "Trước 15/3/2024, chậm nhất 30/3/2024", "Dự kiến trước 15/3, muộn nhất 30/3" (probed,
# hprobe4): a day aimed at, then the latest day allowed, nothing else between them. Read
# before as two deadlines; which one the task is held to is for an officer to say.
_THEN_LATEST = re.compile(
    r"[\s,;:(\-]*(?:(?:và|hoặc)\s+)?(?:(?:chậm|muộn|trễ)\s+nhất|hạn\s+(?:chót|cuối)|không\s+quá"
    r"|không\s+(?:muộn|chậm)\s+hơn)(?:\s+là)?(?:\s+(?:vào|đến|tới))?(?:\s+(?:ngày|tháng))?\s*"
)


def _aim_then_latest(cell: Cell) -> list[str]:
    lowered = cell.lowered
    # "Nộp trước 15/3 (hạn chót), khuyến khích trước 10/3": a day encouraged beside the
    # deadline is no second deadline.
    if "khuyến khích" in lowered and (
        sum(any(r.kind == "deadline" and r.due for r in f.rules) for f in cell.found) >= 2
    ):
        return ["một ngày khuyến khích bên cạnh hạn chót, hạn nào là của việc"]
    if "nhất" not in lowered and "hạn" not in lowered and "quá" not in lowered:
        return []
    # A month then its latest day ("Trong tháng 3, chậm nhất ngày 20/3") is one deadline in
    # its frame. A window wholly before or after the other reading is no frame (round
    # thirty-seven: "vào cuối tháng 6, trễ nhất là đến tháng 8-2017", an aim and a later
    # latest month, read before as two deadlines without a flag).
    dated = sorted(
        (f for f in cell.found if f.rules and all(r.kind == "deadline" and r.due for r in f.rules)),
        key=lambda f: f.start,
    )
    for first, second in itertools.pairwise(dated):
        digit = re.search(r"\d", cell.text[second.start : second.end])
        if digit is None or len(lowered) != len(cell.text) or _framed(first, second):
            continue
        stop = second.start + digit.start()
        # "Đến 8h ngày 3/6, chậm nhất 16h ngày 12/6" (hsweep; read as two deadlines without a
        # flag): an hour before the latest day, its bound before it or inside its span.
        hour = next(
            (
                t
                for t in cell.times
                if first.end <= t[0] and _NEAR_HOUR.fullmatch(cell.folded, t[1], second.start)
            ),
            None,
        )
        if hour is not None:
            stop = hour[0]
        latest = _THEN_LATEST.match(lowered, stop) if hour is not None else None
        if _THEN_LATEST.fullmatch(lowered, first.end, stop) or (
            latest is not None
            and latest.end() > stop
            and re.fullmatch(r"[\s,;:(\-]*", lowered[first.end : stop])
        ):
            shown = cell.original(first.start, second.end)
            return [f"'{shown}': một ngày nhắm tới và một hạn chót, hạn nào là của việc"]
    return []


def _framed(first: Found, second: Found) -> bool:
    """One reading's window holds the other's day (or they are one reading): a frame and a
    day in it, not an aim and a latest day."""
    for outer, inner in ((first, second), (second, first)):
        for window in outer.rules:
            for rule in inner.rules:
                start = window.start or window.due
                inside = bool(start and window.due and rule.due and start <= rule.due <= window.due)
                if inside and (window.start or rule.start):
                    return True
    return False


# "Dừng thực hiện từ ngày 15/3", "Bãi bỏ từ 1/7", "Ngày 15/3 (hủy)", "Quá hạn từ ngày 31/3",
# "Từ ngày 31/3 sẽ bị xử phạt" (probed, hprobe4): the day work stops, a date cancelled, what
# follows a deadline missed; read before as work from that day or a deadline on it.
_STOPPED = re.compile(
    r"(?<!\w)(?:dừng|ngừng|ngưng|thôi|chấm\s+dứt|đình\s+chỉ|bãi\s+bỏ|(?<!tiêu\s)h(?:ủy|uỷ)(?!\s+(?:hoại|diệt|hoá|hóa))"
    r"|giải\s+thể|đóng\s+cửa|hết\s+hiệu\s+lực|bỏ\s+lịch|kết\s+thúc\s+từ|quá\s+hạn|trễ\s+hạn"
    r"|(?:bị|sẽ\s+bị)\s+(?:xử\s+)?phạt|phạt\s+từ"
    # "Tránh tổ chức trong tháng 7", "Đủ 30 ngày kể từ ngày niêm yết mới được tổ chức": a
    # month to keep clear of, the earliest day allowed.
    r"|(?<!trốn\s)tránh|mới\s+(?:được|bắt\s+đầu|tiếp\s+nhận|tổ\s+chức|thực\s+hiện|nhận|cho\s+phép|có\s+thể))(?!\w)"
)


_STOP_GATE = re.compile(
    "dừng|ngừng|ngưng|thôi|chấm dứt|đình chỉ|bãi bỏ|hủy|huỷ|giải thể|đóng cửa|hết hiệu lực|bỏ lịch"
    "|kết thúc từ|quá hạn|trễ hạn|phạt|tránh|mới (?:được|bắt|tiếp|tổ|thực|nhận|cho|có)"
)


# Cells as typed or copied (probed, hprobe9). Written without any diacritic, the words the
# checks above read as written ("hoãn", "dừng", "hủy", "tránh", "thay vì", "chừng", "so với",
# "chậm nhất" after another day) cannot be told from plain words ("hoan" is "hoàn" too,
# "dung" "dùng", "huy" "huy động"): "Dung thuc hien tu ngay 15/3" read as work from 15/3, "Thay
# vi 15/3" as a deadline on it. Such a word in a cell with no marks flags.
_UNMARKED_DOUBT = re.compile(
    r"(?<![a-z])(?:lui|hoan(?!\s+(?:thanh|tat|thien|chinh|tra|toan|hao|cong))"
    r"|doi\s+(?:sang|thanh|den|toi|lai|ngay|lich|thoi)|gia\s+han|dieu\s+chinh|chinh\s+thuc"
    r"|chuyen\s+(?:sang|thanh)|nay\s+la|thay\s+(?:vi|cho|bang)|(?:han|lich|ngay)\s+cu(?!\s+the)"
    r"|truoc\s+day|ban\s+dau|so\s+voi"
    r"|(?<!su\s)(?<!xay\s)(?<!noi\s)(?<!ung\s)(?<!ap\s)(?<!tuyen\s)(?<!trien\s)dung"
    r"(?!\s+(?:han|thoi\s+han|quy|muc|tien\s+do))"
    r"|ngung|cham\s+dut|dinh\s+chi|bai\s+bo|(?<!phat\s)(?<!chi\s)(?<!tieu\s)huy(?!\s+(?:dong|hieu|chuong|hoai|diet))"
    r"|giai\s+the|dong\s+cua|het\s+hieu\s+luc|bo\s+lich|qua\s+han|tre\s+han|xu\s+phat|bi\s+phat"
    r"|(?<!canh\s)(?<!dau\s)(?<!tron\s)tranh(?!\s+(?:chap|thu|luan|cu|anh|ve))"
    r"|moi\s+(?:duoc|bat\s+dau|tiep\s+nhan|to\s+chuc|thuc\s+hien|cho\s+phep|co\s+the)"
    r"|(?:chung|co|do|uoc(?:\s+tinh)?)\s+(?:vao\s+)?(?:khoang\s+)?(?:ngay\s+)?(?=\d)"
    r"|\d\s*\)?\s*[,;(]\s*(?:(?:cham|muon|tre)\s+nhat|han\s+(?:chot|cuoi)))(?![a-z])"
)
# Text in an old font's code shown in a Unicode one (TCVN3 "Tr­íc ngµy", VNI "Tröôùc
# ngaøy"), or with letters a decoder gave up on ("ng\ufffdy", "ng?y"): the words are not
# there to read ("Tõ ngµy 15/3", from 15/3, read as a deadline on it). A Latin-1 letter
# Vietnamese never writes, a Latin-1 sign inside a word, a "?" or "\ufffd" inside one, flag.
_NOT_VIETNAMESE_LETTER = "ªµºÄÅÆÇËÎÏÑÖØÛÜÞßäåæçëîïñöøûüþÿ"
_GARBLED = re.compile(
    rf"[{_NOT_VIETNAMESE_LETTER}\ufffd]"
    r"|(?<=[^\W\d_])[\u00a1-\u00bf\u00d7\u00f7?](?=[^\W\d_])"
    # "T? 15/3/2026": a letter lost at a word's end, more of the cell after it.
    r"|(?<=[^\W\d_])\?(?=\s*[\w(])"
)
_EXPORTED_MIDNIGHT = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}\s+0?0:00(?![\d:])")
# "Quý 5/2026", "quý 7": a quarter numbered past four, read before as May.
_NO_SUCH_QUARTER = re.compile(r"(?<![a-z])quy\s*(?:0?[5-9]|[1-9]\d)(?!\d)")
# "12:00:00 SA", "8:00 PM": a twelve-hour clock's mark (a spreadsheet's export), which the
# hour read before it does not carry ("12:00 SA" is midnight).
_TWELVE_HOUR_MARK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:sa|ch|am|pm|a\.m\.|p\.m\.)(?![a-z])")


def _as_typed(cell: Cell) -> list[str]:
    text, folded = cell.text, cell.folded
    doubts = []
    garbled = _GARBLED.search(text)
    if garbled:
        word = re.search(r"\S*$", text[: garbled.start()])
        end = re.match(r"\S*", text[garbled.end() :])
        shown = (word[0] if word else "") + garbled[0] + (end[0] if end else "")
        doubts.append(f"'{shown}' là chữ mã cũ (TCVN3, VNI) hay chữ lỗi mã, không đọc được")
    # Each such word written without its marks, in a cell with none or with some ("Dung thực
    # hiện từ ngày 15/3": the marked words beside it are read as written).
    marked = not text.isascii()
    for unmarked in _UNMARKED_DOUBT.finditer(folded):
        start = unmarked.start()
        if not text[start : unmarked.end()].isascii() or any(
            a <= start < b for a, b in cell.struck
        ):
            continue
        # In a marked cell, a capital inside a clause is a name ("đồng chí Dung", "anh Huy").
        before = text[:start].rstrip()
        if marked and text[start].isupper() and before and before[-1] not in ",;:(-.":
            continue
        shown = cell.original(start, unmarked.end()) or unmarked[0]
        doubts.append(
            f"'{shown}' viết không dấu: không rõ là chữ nào (dời, dừng, hủy, phỏng chừng …)"
        )
        break
    if "quy" in folded:
        quarter = _NO_SUCH_QUARTER.search(folded)
        if quarter:
            doubts.append(f"'{cell.original(quarter.start(), quarter.end())}': không có quý này")
    if ":" in text and _EXPORTED_MIDNIGHT.search(text):
        # "15/03/2026 00:00" (probed, hprobe9): a spreadsheet's time of a bare date, or a
        # deadline at midnight (the day's first moment, or the end of the day before)?
        doubts.append("'00:00' sau ngày: hạn đầu ngày hay chỉ là giờ của ô ngày tháng, cần xem lại")
    if ":" in text:
        twelve = _TWELVE_HOUR_MARK.search(folded)
        if twelve:
            doubts.append(
                f"'{cell.original(twelve.start(), twelve.end())}': giờ theo cách 12 giờ, cần xem lại"
            )
    return doubts


_AN_EVENTS_WORDS = re.compile(r"(?<!\w)(?:khi|kể\s+từ\s+ngày|từ\s+ngày)\s+[^,;.()\d]{0,40}$")
# Stops that can be an event a count runs from (not "mới được", "tránh", "phạt": those say
# when the work may or must not be done whatever comes before them).
_EVENT_STOP = re.compile(
    r"dừng|ngừng|ngưng|chấm\s+dứt|đình\s+chỉ|bãi\s+bỏ|h[ủu]y|giải\s+thể|đóng\s+cửa|hết\s+hiệu\s+lực"
)


# "kể từ ngày có quyết định sáp nhập, hợp nhất, giải thể, …, ngừng hoạt động" (round twenty): a
# decision on a list of changes, the stop among them, is the event too, commas and all; not
# when a day follows the stop ("Kể từ ngày có quyết định này, dừng thực hiện từ ngày 15/3").
_A_DECISION_ON = re.compile(
    r"(?<!\w)(?:khi|kể\s+từ\s+ngày|từ\s+ngày)\s+(?:có\s+|nhận\s+được\s+)?quyết\s+định\s+[^;.()\d]{0,120}$"
)


def _an_event(found: re.Match[str], lowered: str) -> bool:
    before = lowered[: found.start()]
    return bool(_EVENT_STOP.match(found.group(0))) and bool(
        _AN_EVENTS_WORDS.search(before)
        or (_A_DECISION_ON.search(before) and not re.search(r"\d", lowered[found.end() :]))
    )


def _stopped(cell: Cell) -> list[str]:
    if not any(f.rules for f in cell.found):
        return []
    lowered = cell.lowered
    matches = _STOPPED.finditer(lowered) if _STOP_GATE.search(lowered) else iter(())
    # "Trước khi giấy phép hết hiệu lực 90 ngày", "sau khi chấm dứt hợp đồng": the stop is
    # the event a count runs from, not a day the work stops.
    found = next((m for m in matches if not _an_event(m, lowered)), None)
    if found is None:
        return []
    return [
        f"'{cell.original(found.start(), found.end())}': không phải hạn làm (ngày dừng, hủy, quá hạn, tránh hay sớm nhất)"
    ]


# "30/3/2024 (15/3/2024)", "(15/3) 30/3/2024", "30/3/2024 (KH: 15/3/2024)", "Trước 5/7
# (chốt ngày 30/6)" (probed, hprobe4): a bracket holding nothing but another day or window
# (a short label at most), right beside
# a dated reading it does not fall in: the old day, the planned one, a lunar day without its
# word? Read before as two deadlines. Not batches each with its bracket ("Đợt 1 (15/3), đợt
# 2 (30/3)"): the day beside the bracket must be outside any.
# At most three words before the day ("(KH: 15/3)", "(chốt ngày 30/6)", "(tính đến 30/6)",
# "(giai đoạn từ 1/1 đến 30/6)"): the day or window is the bracket's whole matter.
_BRACKET_LABEL = re.compile(r"\s*(?:[a-z]+\s+){0,3}(?:[a-z]+\s*:\s*)?")


def _bare_bracketed_date(cell: Cell) -> list[str]:
    if "(" not in cell.text:
        return []
    dated = [f for f in cell.found if any(r.kind == "deadline" and r.due for r in f.rules)]
    if len(dated) < 2:
        return []
    brackets = [m.span() for m in re.finditer(r"\([^()]*\)", cell.folded)]
    for left, right in brackets:
        inner = [f for f in dated if left < f.start and f.end < right]
        if len(inner) != 1:
            continue
        one = inner[0]
        if not _BRACKET_LABEL.fullmatch(cell.folded, left + 1, one.start) or cell.folded[
            one.end : right - 1
        ].strip(" ,.;:-"):
            continue
        days = {r.due for r in one.rules if r.due}
        for other in dated:
            if other is one or any(a <= other.start < b for a, b in brackets):
                continue
            before = other.end <= left and not cell.folded[other.end : left].strip()
            after = other.start >= right and not cell.folded[right : other.start].strip()
            if not (before or after):
                continue
            if any(
                r.due is not None and (r.start or r.due) <= day <= r.due
                for r in other.rules
                for day in days
            ):
                continue
            shown = cell.original(left, right)
            return [f"'{shown}': một ngày khác trong ngoặc, cần xem lại"]
    return []


# "Chừng 15/6", "Cỡ 15/6", "Độ 15/6" (probed, hprobe4): a day given roughly, as "khoảng"
# gives it (which flags); read before as that day. Matched on the written words ("cỡ" folds
# as "có", "độ" as "do").
_ROUGHLY_BEFORE = re.compile(
    r"(?<!\w)(?:(?:độ|ước|áng)\s+chừng|chừng|cỡ|độ|ước\s+tính)\s+(?:vào\s+)?(?:khoảng\s+)?(?:ngày\s+)?$"
)


def _roughly(cell: Cell) -> list[str]:
    lowered = cell.lowered
    if not any(w in lowered for w in ("chừng", "cỡ", "độ", "ước")):
        return []
    for found in cell.found:
        digit = re.search(r"\d", cell.text[found.start : found.end])
        if not found.rules or digit is None:
            continue
        start = found.start + digit.start()
        if _ROUGHLY_BEFORE.search(lowered, max(0, start - 30), start):
            return [f"'{cell.original(found.start, found.end)}' chỉ là ngày phỏng chừng"]
    return []


# "nhân ngày Doanh nhân Việt Nam 13/10", "nhân Ngày Quốc tế Phụ nữ 8/3", "nhân dịp Quốc khánh
# 2/9", "nhân kỷ niệm 80 năm ngày thành lập …" (the lead's convention, hconv2): on the occasion
# of a day, an occasion around it as "dịp" is, not a deadline on it; the day named is read, and
# flagged (read before as a deadline on the day, without a flag). "nhân" of a noun ("cá nhân",
# "doanh nhân", "quân nhân" …) before a day is no occasion.
# "Hưởng ứng Ngày Môi trường thế giới (5/6)", "hưởng ứng Tuần lễ Biển và Hải đảo", "Hưởng ứng
# Tháng hành động vì môi trường", "hưởng ứng Giờ Trái đất" (round sixty-two, hfirst62): in
# response to a named day, week, month or campaign is the same kind of occasion, and flags as
# "nhân ngày" does, whether the date is written or not. "hưởng ứng" before no such name
# ("Đăng ký hưởng ứng trước ngày 30/5": the registration's deadline) is no occasion.
_ON_THE_OCCASION = re.compile(
    r"(?<!\w)(?:nhân\s+(?:dịp|kỷ\s+niệm|kỉ\s+niệm|ngày|tết|lễ|quốc\s+khánh|\d{1,2}\s*[/.\-]\s*\d{1,2})"
    r"|(hưởng\s+ứng)\s+(?:(?:lễ\s+)?kỷ\s+niệm|kỉ\s+niệm|ngày|tuần(?:\s+lễ)?|tháng|năm|giờ|lễ|tết"
    r"|chiến\s+dịch|\d{1,2}\s*[/.\-]\s*\d{1,2}))(?!\w)"
)
_NOUNS_IN_NHAN_WORDS = """
cá doanh bệnh công thương nạn chủ tư nghệ phạm thân tội đương quân tù hôn phu nguyên sát ân
danh cố thi chứng trí siêu nữ nam tân quý kỹ nhà hội thành
"""
_NOUNS_IN_NHAN = frozenset(_NOUNS_IN_NHAN_WORDS.split())


def _on_the_occasion(cell: Cell) -> list[str]:
    lowered = cell.lowered
    if ("nhân" not in lowered and "hưởng" not in lowered) or not any(f.rules for f in cell.found):
        return []
    for match in _ON_THE_OCCASION.finditer(lowered):
        if any(a <= match.start() < b for a, b in cell.asides):
            continue  # the occasion of a moment written outside it (``_aside_of_a_moment``)
        before = lowered[: match.start()].split()
        if match.group(1) is None and before and before[-1].strip(",.;:()-") in _NOUNS_IN_NHAN:
            continue
        shown = cell.original(match.start(), match.end())
        shown += "" if shown[-1].isdigit() else " …"
        return [f"'{shown}' là một dịp quanh ngày đó, không rõ hạn"]
    return []


# "…tựu trường sớm nhất trước hai tuần, tức là từ ngày 22/8" (round twenty-nine): "tức là"
# opens a gloss, a day that restates a timing told before it (an earliest day, a latest
# one, a start). A bare start after it ("tức là từ ngày 22/8") says no more than the words
# it glosses, which the phrase does not carry: read before as continuous work from that day,
# without a flag. A whole window glossed ("tức từ ngày 31/12 đến hết ngày 02/01") is read as
# any window is. So also after a bullet or a label ("+ tức là …", "Thời gian: tức là …") and
# with the day in words ("từ ngày 22 tháng 8"): hmeta's rewrites read them as a start, unflagged.
_GLOSSED_START = re.compile(
    r"\W*(?:thoi\s+gian(?:\s+thuc\s+hien)?\s*:\W*)?tuc(?:\s+la)?\s+(?:ke\s+|bat\s+dau\s+)?tu\s+"
    r"(?:ngay\s+)?(?:[\d/.\-\s]|thang|nam)+\W*"
)
_GLOSS_LEAD = re.compile(r"\W*(?:thoi\s+gian(?:\s+thuc\s+hien)?\s*:\W*)?tuc(?![a-z])")


def _glossed_start(cell: Cell) -> list[str]:
    if not _GLOSS_LEAD.match(cell.folded):
        return []
    if not _GLOSSED_START.fullmatch(cell.folded):
        return []
    shown = cell.original(0, len(cell.text))
    return [f"'{shown}' nói lại một mốc đã nêu trước đó (sớm nhất? chậm nhất?), cần xem lại"]


# "Ngày giao: 5/1/2024; hạn: 30/6/2024", "Trước 30/6 (giao ngày 5/1)", "Ngày ban hành:
# 5/1; thời hạn: 30/6" (probed, hprobe4): the day a task was given, issued or received,
# beside another day, read before as a second deadline. Alone ("Ký ngày 1/7") it may be the
# task's own day, and stays.
_GIVEN_ON = re.compile(
    r"(?<!\w)(?:ngày\s+)?(?:giao|ban\s+hành|ký|nhận|tiếp\s+nhận)(?:\s+nhiệm\s+vụ)?\s*:?\s*(?:vào\s+)?(?:ngày\s+)?$"
)


def _given_on(cell: Cell) -> list[str]:
    if not any(w in cell.lowered for w in ("giao", "ban hành", "ký", "nhận")):
        return []
    dated = [f for f in cell.found if any(r.kind == "deadline" and r.due for r in f.rules)]
    if len(dated) < 2:
        return []
    lowered = cell.lowered
    for found in dated:
        digit = re.search(r"\d", cell.text[found.start : found.end])
        if digit is None:
            continue
        start = found.start + digit.start()
        label = _GIVEN_ON.search(lowered, max(0, start - 30), start)
        if label:
            shown = cell.original(label.start(), found.end)
            return [f"'{shown}' là ngày giao, ban hành hay nhận, không phải hạn"]
    return []


# "Trước 15/3 (để Sở tổng hợp báo cáo UBND tỉnh trước 30/3)", "Trước 5/7 (khai mạc kỳ họp
# ngày 15/7)" (probed, hprobe4): the later date is another body's deadline or the event the
# work serves, read before as a second deadline of the task.
_PURPOSE = re.compile(r"(?<!\w)(?:để|nhằm)(?!\w)")
_EVENT_IN_BRACKET = re.compile(
    r"\([^()]*(?<!\w)(?:khai\s+mạc|bế\s+mạc|kỳ\s+họp|hội\s+nghị|đại\s+hội|diễn\s+ra|họp"
    r"|tổ\s+chức|báo\s+cáo|gửi|nộp|tổng\s+hợp|trình)(?!\w)"
)


def _another_party(cell: Cell) -> list[str]:
    if "(" not in cell.text and "để" not in cell.text and "nhằm" not in cell.text:
        return []
    dated = sorted(
        (f for f in cell.found if any(r.kind == "deadline" and r.due for r in f.rules)),
        key=lambda f: f.start,
    )
    lowered = cell.lowered
    for first, second in itertools.pairwise(dated):
        gap = lowered[first.end : second.start]
        # "Trong tháng 9 (báo cáo trước ngày 10/9)": a day inside the window before it.
        if any(
            r.start is not None and r.due is not None and r.start <= o.due <= r.due
            for r in first.rules
            for o in second.rules
            if o.due is not None
        ):
            continue
        if _PURPOSE.search(gap) or _EVENT_IN_BRACKET.search(gap):
            shown = cell.original(second.start, second.end)
            return [f"'{shown}' là hạn của việc khác hay ngày của sự kiện mà việc phục vụ"]
    return []


# What joins several dates into one timing: a list ("ngày 10, 15 và 20"), a batch ("đợt 1 …
# đợt 2 …", "lần 2"), alternatives ("hoặc", flagged on their own), brackets, a bullet.
_JOINED = re.compile(
    r"[,;()&+\-–]|(?<![a-z])(?:va|hoac|dot|lan|buoc|giai\s+doan|con|cung)(?![a-z])"
)


def _day_then_count_before(cell: Cell) -> list[str]:
    """ "chậm nhất ngày 15/12, 3 ngày trước khi tổng kết năm" (hsweep; read as the day and a
    count before the event, both, without a flag): a written day then, past a comma, a count
    before an event is one deadline said twice, or two; an officer says which holds."""
    ordered = sorted((f for f in cell.found if f.rules), key=lambda f: f.start)
    for first, second in itertools.pairwise(ordered):
        if not all(r.kind == "deadline" and r.due for r in first.rules):
            continue
        if not all(r.kind == "relative" and r.offset < 0 for r in second.rules):
            continue
        if re.fullmatch(r"[\s,;:\-–(]*", cell.folded[first.end : second.start]):
            shown = cell.original(first.start, second.end)
            return [f"'{shown}': một ngày và một số ngày trước sự kiện, hạn nào là của việc"]
    return []


def _new_clause_between(cell: Cell, start: int, end: int) -> bool:
    """ "Sơ kết trước 30/6\nKiểm tra từ 1/8 đến 15/8", "… trước 30/6. Nộp hồ sơ trước 31/8"
    (hprobe28): a line break or a sentence's full stop, then the next clause's task words,
    between two readings: each clause has its own (a badly split row has no words between
    its dates)."""
    between = cell.text[start:end]
    broken = "\n" in between or any(
        _ends_a_sentence(cell, i + 1) for i in range(start, end) if cell.text[i] == "."
    )
    return broken and re.search(r"[^\W\d_]{2,}", between) is not None


def _unjoined_dates(cell: Cell) -> list[str]:
    """ "Anh văn 18/04/2021 Trước 19h ngày 10/04/2021": dates side by side that no list,
    range or batch joins are a badly split row, not two deadlines; an officer must say
    which one holds."""
    dated = sorted(
        (f for f in cell.found if f.rules and all(r.kind == "deadline" and r.due for r in f.rules)),
        key=lambda f: f.start,
    )

    def frames(one: Found, other: Found) -> bool:  # "Năm 2024: Quý III"
        return any(
            r.start is not None and r.due is not None and r.start <= o.due <= r.due
            for r in one.rules
            for o in other.rules
            if o.due is not None
        )

    for first, second in itertools.pairwise(dated):
        if frames(first, second) or frames(second, first):
            continue
        if not _JOINED.search(cell.folded[first.end : second.start]) and not _new_clause_between(
            cell, first.end, second.start
        ):
            one, other = (
                cell.original(first.start, first.end),
                cell.original(second.start, second.end),
            )
            return [f"'{one}' và '{other}' là hai thời hạn không nối với nhau, cần xem lại"]
    return []


# A year written in a reading: four digits, "năm" (sau, nay …), or two digits after a date.
_A_YEAR = re.compile(r"\d{4}|(?<![a-z])nam(?![a-z])|\d\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2}")


def _back_across_the_year(cell: Cell) -> list[str]:
    """ "Ngày 30/12 và 5/1", "Đợt 1: 20/12; đợt 2: 10/1", "Ngày 30/12/2024 và 5/1" (probed,
    hprobe5), "Quý IV (trước 15/12), quý I (trước 15/3)": a day or a period written without
    its year after a later one, read before in the plan's year, before the first, without a
    flag. Listed in the order they fall, it is most likely the next year's; an officer says
    (as for "tháng 12 và tháng 1"). Not a day inside the window before it ("Trong tháng 9
    (trước ngày 10/9)")."""
    if len(cell.found) < 2:
        return []
    dated = sorted(
        (f for f in cell.found if f.rules and all(r.kind == "deadline" and r.due for r in f.rules)),
        key=lambda f: f.start,
    )
    for first, second in itertools.pairwise(dated):
        if not (second.yearless or not _A_YEAR.search(cell.folded, second.start, second.end)):
            continue
        opens = min(r.start or r.due for r in first.rules if r.due)
        falls = min(r.due for r in second.rules if r.due)
        if falls < opens:
            later = cell.original(second.start, second.end)
            earlier = cell.original(first.start, first.end)
            return [
                f"'{later}' viết sau '{earlier}', không nêu năm: có thể là năm sau, cần xem lại"
            ]
    return []


def _clause_between(cell: Cell, start: int, end: int) -> bool:
    """Whether a clause mark (";", ",", a line break, a full stop) and a task's word (any word
    but a list's or a reading's own) stand between two readings."""
    between = cell.folded[start:end]
    if not re.search(r"[;,.]", between) and "\n" not in cell.text[start:end]:
        return False
    words = re.findall(r"[a-z]{2,}", between)
    return any(w not in ("va", "ngay", "hoac", "den", "tu", "truoc", "han") for w in words)


def _year_only_after(cell: Cell) -> list[str]:
    """ "Sơ kết trước 30/6; tổng kết trước 20/12/2027", "Lập danh sách trước 15/12/2025; triển
    khai trước 31/3" (hprobe28): a day without its year beside a day of another clause written
    with a year not the one it was read in: the plan's year, or the year written beside it? An
    officer says. Read before as the plan's year, without a flag."""
    dated = sorted(
        (f for f in cell.found if f.rules and all(r.kind == "deadline" and r.due for r in f.rules)),
        key=lambda f: f.start,
    )

    def yearless(found: Found) -> bool:
        return found.yearless or not _A_YEAR.search(cell.folded, found.start, found.end)

    for first, second in itertools.pairwise(dated):
        if not _clause_between(cell, first.end, second.start):
            continue  # "Ngày 30/12 và 5/1/2025": one list, its year written once at its end
        one, other = (first, second) if yearless(first) else (second, first)
        if not yearless(one) or not re.search(r"\d{4}", cell.folded[other.start : other.end]):
            continue
        years = {r.due.year for r in one.rules if r.due}
        if any(r.due and r.due.year not in years for r in other.rules):
            bare = cell.original(one.start, one.end)
            given = cell.original(other.start, other.end)
            return [f"'{bare}' không nêu năm, '{given}' nêu năm khác: năm nào, cần xem lại"]
    return []


def _yearless_in_years(cell: Cell) -> list[str]:
    """ "Năm 2026 - 2027: Quý IV", "Từ năm 2026 đến năm 2028, trước ngày 30/6" (probed,
    hprobe5): a period or a day without its year inside whole years in a row, read before in
    the plan's year alone, without a flag. In each of those years, or in which one? An
    officer says. (A year written, "Năm 2026-2027, Quý IV/2026", says which.)"""
    if len(cell.found) < 2:
        return []
    spans = [
        f
        for f in cell.found
        if len(f.rules) == 1
        and whole_year(f.rules[0])
        and f.rules[0].start is not None
        and f.rules[0].due is not None
        and f.rules[0].start.year < f.rules[0].due.year
    ]
    if not spans:
        return []
    for other in cell.found:
        if other in spans or not other.rules or any(r.kind != "deadline" for r in other.rules):
            continue
        if other.yearless or not _A_YEAR.search(cell.folded, other.start, other.end):
            inner = cell.original(other.start, other.end)
            span = cell.original(spans[0].start, spans[0].end)
            return [f"'{inner}' trong '{span}': mỗi năm, hay năm nào, cần xem lại"]
    return []


# (A restatement's word may follow: "Quý I, tức từ 1/4 đến 30/6", "6 tháng đầu năm là từ …",
# hprobe26: read before as two deadlines where the bracket flagged.)
_ASIDE = re.compile(
    r"[\s(:,;\-–]*(?:va\s+|ky\s+bao\s+cao|so\s+lieu)?[\s(:,\-–]*"
    r"(?:(?:(?:tuc|nham)(?:\s+la)?|la)\s+)?"
)


def _overlapping_windows(cell: Cell) -> list[str]:
    """ "Quý III (từ 15/6 đến 14/9)", "6 tháng đầu năm (từ 15/12 năm trước đến 14/6)",
    "Tháng 6 (từ 15/5 đến 14/6)" (probed, hprobe5): a period with a span beside it that
    overlaps it but neither holds the other (most often its report's data period) read
    before as two windows, two deadlines, without a flag. Which is the task's? An officer
    says. (A span inside the period, "Quý III (từ 1/7 đến 15/9)", narrows it, as before.)"""
    if len(cell.found) < 2:
        return []
    windows = sorted(
        (
            f
            for f in cell.found
            if len(f.rules) == 1 and f.rules[0].kind == "deadline" and f.rules[0].start
        ),
        key=lambda f: f.start,
    )
    for first, second in itertools.pairwise(windows):
        one, two = first.rules[0], second.rules[0]
        if one.start is None or one.due is None or two.start is None or two.due is None:
            continue
        overlap = one.start <= two.due and two.start <= one.due
        held = (one.start <= two.start and two.due <= one.due) or (
            two.start <= one.start and one.due <= two.due
        )
        if overlap and not held and _ASIDE.fullmatch(cell.folded, first.end, second.start):
            shown = _quoted(cell, first.start, second.start)
            return [f"{shown}: hai khoảng chồng lên nhau, cần xem lại"]
        # "Quý IV/2026 (từ tháng 9 đến tháng 12)", "6 tháng cuối năm (từ tháng 6 đến tháng 12)"
        # (hprobe24): a named period with its months restated after it, wider than it: the
        # restatement disagrees (a span inside narrows, one equal says it again).
        wider = two.start < one.start and one.due <= two.due
        if (
            wider
            and _NAMED_PERIOD.search(cell.folded, first.start, first.end)
            and "thang" in cell.folded[second.start : second.end]
            and _ASIDE.fullmatch(cell.folded, first.end, second.start)
        ):
            shown = _quoted(cell, first.start, second.start)
            return [f"{shown}: các tháng nêu lại không khớp với kỳ, cần xem lại"]
        # "Tháng 3 (từ 25/2 đến 31/3)", "Quý III, tức từ 1/4 đến 30/9" (hprobe26): the same with
        # days written, after a month too; "9 tháng đầu năm (từ 1/1 đến 30/6)": a count of
        # months restated by whole months of another count. Read before as the period's end or
        # the window's, without a flag.
        if _RESTATING_ASIDE.fullmatch(cell.folded, first.end, second.start) and (
            # (A year beside, "Quý I (năm 2026)", is the period's frame, not its restatement.)
            (
                _holds_more(one, two)
                and not whole_year(two)
                and _RESTATED_PERIOD.match(cell.folded, first.start)
            )
            or _fewer_whole_months(cell, first, one, two)
        ):
            shown = _quoted(cell, first.start, second.start)
            return [f"{shown}: khoảng nêu lại không khớp với kỳ, cần xem lại"]
    return []


# (Not "và": "trong tháng 2 và quý I/2026" names two periods.)
_RESTATING_ASIDE = re.compile(
    r"\s*[(:,\-–][\s(:,\-–]*(?:(?:(?:tuc|nham)(?:\s+la)?|la)\s+)?"
    r"|\s*(?:(?:tuc|nham)(?:\s+la)?|la)\s+"
)
_RESTATED_PERIOD = re.compile(
    r"(?:(?:trong|cua)\s+)?(?:quy|\d+\s+thang\s+(?:dau|cuoi)\s+nam|thang\s+\d{1,2})(?![a-z])"
)
_MONTHS_COUNTED = re.compile(r"(?:(?:trong|cua)\s+)?(\d+)\s+thang\s+(?:dau|cuoi)\s+nam(?![a-z])")


def _holds_more(one: Rule, two: Rule) -> bool:
    """The window ``two`` holds the period ``one`` and more ("tháng 3 và tháng 4 (từ 1/3 đến
    31/5)")."""
    if one.start is None or one.due is None or two.start is None or two.due is None:
        return False
    holds = two.start <= one.start and one.due <= two.due
    return holds and (two.start, two.due) != (one.start, one.due)


def _fewer_whole_months(cell: Cell, first: Found, one: Rule, two: Rule) -> bool:
    """The window ``two`` runs whole months inside the period ``one``, named by its count of
    months ("9 tháng đầu năm"), and is not as many months."""
    counted = _MONTHS_COUNTED.match(cell.folded, first.start)
    if counted is None or one.start is None or one.due is None:
        return False
    if two.start is None or two.due is None or two.start.day != 1:
        return False
    if (two.due + timedelta(days=1)).day != 1:
        return False
    inside = one.start <= two.start and two.due <= one.due
    months = (two.due.year - two.start.year) * 12 + two.due.month - two.start.month + 1
    return inside and months != int(counted[1])


# "tháng đầu quý, từ ngày 1 đến ngày 10 tháng 4" (hprobe25): months named in each quarter (or
# year) with no day of their own, beside a deadline dated in one month. Each quarter's first
# month, of which April is the example, or April alone? Read before as 10/4 alone, without a
# flag; "tháng đầu quý, từ ngày 1 đến ngày 10" (no month) stays the quarters' cadence.
_MONTH_OF_EACH = re.compile(r"thang\s+(?:thu\s+\w+\s+)?(?:dau|giua|cuoi|\d)")
_SEVERAL_MONTH_ENDS = re.compile(r"FREQ=YEARLY;BYMONTH=\d+(?:,\d+)+;BYMONTHDAY=-1")


def _months_of_each_period_beside_a_day(cell: Cell) -> list[str]:
    parts = [
        f
        for f in cell.found
        if any(r.kind == "recurring" and _SEVERAL_MONTH_ENDS.fullmatch(r.rrule) for r in f.rules)
        # A cadence's own default months ("định kỳ 6 tháng", "hằng quý") are no named months.
        and _MONTH_OF_EACH.search(cell.folded, f.start, f.end)
    ]
    if not parts:
        return []
    for other in cell.found:
        if other in parts:
            continue
        if any(r.kind == "deadline" and r.due and not whole_year(r) for r in other.rules):
            shown = _quoted(cell, parts[0].start, other.start)
            return [f"{shown}: tháng của mỗi kỳ bên cạnh một ngày có tháng, mỗi kỳ hay một lần?"]
    return []


# "Quý đầu năm, từ 1/4 đến 30/6", "6 tháng đầu năm, từ 1/7 đến 31/12" (hprobe25): a named
# period with a window right after it that shares no day with it. The window restates the
# period and disagrees; read before as two deadlines without a flag. ("Tháng đầu năm" is read
# as January before this.) The window's days are written: months listed ("vào tháng 4, tháng
# 8", "tháng 3, tháng 7/2024") are each month.
_DAY_SPAN = re.compile(r"(?<!\d)\d{1,2}\s*[/.\-]\s*\d{1,2}(?!\d)|ngay")
# ("Quý đầu năm" is read as "Quý I năm": the year's word stays between.)
_YEAR_WORD_ASIDE = re.compile(r"(?:\s+nam(?![a-z]))?" + _ASIDE.pattern)
_NAMED_PART = re.compile(
    r"(?<![a-z])(?:quy|(?:\d+\s+)?thang\s+(?:dau|cuoi|\d{1,2})(?:\s+nam)?)(?![a-z])"
)


def _disjoint_restated_period(cell: Cell) -> list[str]:
    windows = sorted(
        (
            f
            for f in cell.found
            if len(f.rules) == 1 and f.rules[0].kind == "deadline" and f.rules[0].start
        ),
        key=lambda f: f.start,
    )
    for first, second in itertools.pairwise(windows):
        one, two = first.rules[0], second.rules[0]
        if one.start is None or one.due is None or two.start is None or two.due is None:
            continue
        apart = two.due < one.start or one.due < two.start
        if (
            apart
            and _NAMED_PART.match(cell.folded, first.start)
            and _YEAR_WORD_ASIDE.fullmatch(cell.folded, first.end, second.start)
            and _DAY_SPAN.search(cell.folded, second.start, second.end)
        ):
            shown = _quoted(cell, first.start, second.start)
            return [f"{shown}: khoảng nêu sau không nằm trong kỳ, cần xem lại"]
    return []


_NAMED_PERIOD = re.compile(r"(?<![a-z])(?:quy|\d+\s+thang\s+(?:dau|cuoi)\s+nam)(?![a-z])")


# Days said twice (hprobe24): a day and the same day's name, its year in words, or the day a
# count comes to. They must agree; when they do not, which binds is an officer's call.
# A national day with its fixed date ("trước ngày Quốc khánh 2/9", "trước ngày 2/9 (Quốc
# khánh)"): the generic names need "ngày" before them ("Ngày Nhà giáo Việt Nam 20/11"), the
# holidays' own names do not. Lunar holidays (Tết, Giỗ Tổ) have no fixed solar day: not here.
# The names and their days are the solar rows of the one table of named days
# (``named_days.SOLAR_DAYS``); every one of them holds a word of ``_NATIONAL_GATE``.
_NATIONAL_GATE = (
    "khanh",
    "mien nam",
    "liet si",
    "duong lich",
    "viet nam",
    "quoc te",
    "dien bien",
    "quoc phong",
    "the gioi",
    "quoc gia",
    "dan toc",
)
_NAME_ALTERNATIVES = "|".join(
    f"(?P<n{index}>{'ngay' + chr(92) + 's+' if day.needs_ngay else ''}{day.name})"
    for index, day in enumerate(SOLAR_DAYS)
)
_NAMED_DAY_MONTH = r"(\d{1,2})\s*[/.]\s*(\d{1,2})(?!\s*[\-–]\s*\d)(?![\d.])"
# (A restatement's word may come between, "Quốc khánh, tức 2/9", "Ngày Gia đình Việt Nam (nhằm
# 28/6)", "1/6, tức Ngày Quốc tế Thiếu nhi": hprobe26, read before without the check.)
_RESTATING = r"(?:(?:(?:tuc|nham)(?:\s+la)?|la)\s+)?"
_NAME_THEN_DAY = re.compile(
    rf"(?<![a-z])(?:{_NAME_ALTERNATIVES})\s*[(,:\-–]?\s*{_RESTATING}(?:ngay\s+)?{_NAMED_DAY_MONTH}"
)
_DAY_THEN_NAME = re.compile(
    rf"(?<![\d/.\-])(?<![\d/.\-]\s){_NAMED_DAY_MONTH}(?:\s*[/.]\s*\d{{4}})?\s*(?:\(|,|[\-–])\s*"
    rf"{_RESTATING}(?:(?:ngay|le)\s+)?(?:{_NAME_ALTERNATIVES})"
)
# "30/6/2027 năm nay", "ngày 30/6/2026 (năm sau)": a year in figures and again in words.
_YEAR_IN_WORDS = re.compile(
    r"(?<![\d/.\-])\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(\d{4})\s*[(,]?\s*"
    r"nam\s+(nay|sau|toi|truoc|ngoai)(?![a-z])"
)
_YEAR_WORD_SHIFT = {"nay": 0, "sau": 1, "toi": 1, "truoc": -1, "ngoai": -1}
# ", tức đến ngày 25/6", "(tức là trước ngày 15/6)": the day a reading before comes to.
_THAT_IS = re.compile(r"[\s,(]*tuc(?:\s+la)?\s+(?:(?:den|truoc|vao|het|han)\s+)*(?:ngay\s+)?(?=\d)")
_LUNAR_WORDS = re.compile(r"(?<![a-z])(?:am\s+lich|al|chap|gieng|am)(?![a-z])")


def _restated_days(cell: Cell) -> list[str]:
    folded = cell.folded
    notes: list[str] = []
    if any(word in folded for word in _NATIONAL_GATE):
        for pattern in (_NAME_THEN_DAY, _DAY_THEN_NAME):
            for match in pattern.finditer(folded):
                named = next(k for k, v in match.groupdict().items() if v is not None)
                day = SOLAR_DAYS[int(named[1:])]
                dom, month = day.day, day.month
                numbers = [g for g in match.groups() if g is not None and g.isdigit()]
                if len(numbers) >= 2 and (int(numbers[0]), int(numbers[1])) != (dom, month):
                    shown = cell.original(match.start(), match.end())
                    notes.append(f"'{shown}': ngày không khớp với tên ngày lễ ({dom}/{month})")
    if cell.year is not None and any(f"nam {w}" in folded for w in _YEAR_WORD_SHIFT):
        for match in _YEAR_IN_WORDS.finditer(folded):
            if int(match[1]) != cell.year + _YEAR_WORD_SHIFT[match[2]]:
                shown = cell.original(match.start(), match.end())
                notes.append(f"'{shown}': năm ghi bằng số không khớp với năm ghi bằng chữ")
    notes += _restated_relative_words(cell)
    if "tuc " in folded:
        for match in _THAT_IS.finditer(folded):
            before = [f for f in cell.found if f.rules and f.end <= match.start()]
            after = next((f for f in cell.found if f.rules and f.start >= match.start()), None)
            if not before or after is None or after.start > match.end() + 6:
                continue
            last = max(before, key=lambda f: f.end)
            if folded[last.end : match.start()].strip(" ,(") or _LUNAR_WORDS.search(
                folded, after.start, min(len(folded), after.end + 12)
            ):
                continue
            one = {r.due for r in last.rules if r.kind == "deadline" and r.due}
            two = {r.due for r in after.rules if r.kind == "deadline" and r.due}
            if one and two and one != two:
                shown = cell.original(last.start, after.end)
                notes.append(f"'{shown}': ngày nêu lại sau 'tức' không khớp, cần xem lại")
    return notes


# Restatements of words by figures (hprobe26), each read before as the figures alone without a
# flag when the two disagreed:
# - "năm nay (tức là năm 2027)", "năm sau: 2028": the year in words, then in figures;
_YEAR_WORDS_THEN_FIGURES = re.compile(
    rf"(?<![a-z])nam\s+(nay|sau|toi)\s*[(,:\-–]?\s*{_RESTATING}(?:nam\s+)?(\d{{4}})(?![\d/.\-])"
)
# - "hôm nay (12/3) và ngày mai (15/3)": days named from today, each with its date, must be as
#   far apart as their words say;
_DAY_FROM_TODAY = re.compile(
    rf"(?<![a-z])(?:(hom|sang|chieu|toi|dem)\s+nay|(?:ngay|sang|chieu|toi)\s+(mai)|ngay\s+(kia))"
    rf"\s*[(,:\-–]?\s*{_RESTATING}(?:ngay\s+)?(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})(?![\d])"
)
# - "đầu tháng 4 - ngày 25/4", "cuối tháng 4 (ngày 5-7/4)": a part of a month, then days of that
#   month outside the part (its first, middle or last ten days).
_PART_THEN_DAYS = re.compile(
    rf"(?<![a-z])(dau|giua|cuoi)\s+thang\s+(\d{{1,2}})(?:\s*/\s*\d{{4}})?(?!\d)"
    rf"(?:\s*[(,:\-–]\s*{_RESTATING}|\s+(?:(?:tuc|nham)(?:\s+la)?|la)\s+)(?:(?:tu|ngay)\s+)*(\d{{1,2}})(?:\s*(?:-|–|den)\s*(?:ngay\s+)?(\d{{1,2}}))?"
    rf"\s*[/.]\s*(\d{{1,2}})(?![\d])"
)
_PART_DAYS = {"dau": (1, 10), "giua": (11, 20), "cuoi": (21, 31)}


def _restated_relative_words(cell: Cell) -> list[str]:
    folded = cell.folded
    notes: list[str] = []
    if cell.year is not None and "nam " in folded:
        for match in _YEAR_WORDS_THEN_FIGURES.finditer(folded):
            if int(match[2]) != cell.year + _YEAR_WORD_SHIFT[match[1]]:
                shown = cell.original(match.start(), match.end())
                notes.append(f"'{shown}': năm ghi bằng số không khớp với năm ghi bằng chữ")
    if cell.year is not None and ("nay" in folded or "mai" in folded or "kia" in folded):
        todays = set()
        for match in _DAY_FROM_TODAY.finditer(folded):
            shift = 0 if match[1] else 1 if match[2] else 2
            try:
                written = date(cell.year, int(match[5]), int(match[4]))
            except ValueError:
                continue
            todays.add(written - timedelta(days=shift))
        if len(todays) > 1:
            notes.append("các ngày nêu theo hôm nay không khớp với nhau, cần xem lại")
    if "thang" in folded:
        for match in _PART_THEN_DAYS.finditer(folded):
            low, high = _PART_DAYS[match[1]]
            days = [int(match[3])] + ([int(match[4])] if match[4] else [])
            if int(match[5]) != int(match[2]) or not all(low <= d <= high for d in days):
                shown = cell.original(match.start(), match.end())
                notes.append(f"'{shown}': ngày nêu lại không nằm trong phần tháng, cần xem lại")
    return notes


# A document's or an event's name between "ngày" and a date (hprobe25): "trước ngày Quyết định
# 15/3 được ký", "trước ngày Lễ hội 10/3 khai mạc". The date belongs to the name (the document's
# own date or number, the festival's name), and the day wanted is the document's or the event's,
# which the cell does not give: read before as the date, without a flag. A document's kind
# flags with nothing after the date too ("trước ngày Quyết định 15/3": its date, or its
# number?); an event's name flags only with its verb after the date ("… 20/5 khai mạc"): without
# one the date is the event's day, as "ngày Quốc khánh 2/9" is (``_name_before``).
_DOCUMENT_KIND = (
    r"(?:quyet\s+dinh|nghi\s+dinh|nghi\s+quyet|thong\s+tu|chi\s+thi|cong\s+van|cong\s+dien"
    r"|thong\s+bao|ke\s+hoach|van\s+ban|to\s+trinh|luat|phap\s+lenh|huong\s+dan|quy\s+dinh)"
)
_NAME_THEN_DATE = re.compile(
    r"(?<![a-z])ngay\s+((?:[^\s\d()/,;:]+\s+){1,6}?)(?:so\s+)?\d{1,2}\s*[/.\-]\s*\d{1,2}"
    r"(?:\s*[/.\-]\s*\d{2,4})?(?![\d/.\-])"
)
_EVENT_VERB_AFTER = re.compile(
    r"\s*(?:duoc\s+|chinh\s+thuc\s+|se\s+)*(?:khai\s+mac|be\s+mac|dien\s+ra|ket\s+thuc"
    r"|bat\s+dau|to\s+chuc|co\s+hieu\s+luc|het\s+hieu\s+luc|ky|ban\s+hanh|phe\s+duyet"
    r"|thong\s+qua|cong\s+bo|khoi\s+cong|khanh\s+thanh|hop|khai\s+giang)(?![a-z])"
)


def _named_thing_dated(cell: Cell) -> list[str]:
    if "ngay" not in cell.folded:
        return []
    for match in _NAME_THEN_DATE.finditer(cell.folded):
        name = match[1].strip()
        written = cell.text[match.start(1) : match.end(1)].strip()
        document = re.fullmatch(_DOCUMENT_KIND + r"(?:\s+\S+)*", name) is not None
        event = written[:1].isupper() and _EVENT_VERB_AFTER.match(cell.folded, match.end())
        if not (document or event):
            continue
        if any(w in _WHEN_WORDS for w in written.lower().split()):
            continue
        shown = cell.original(match.start(), match.end())
        return [f"'{shown}': ngày ghi sau tên văn bản hay sự kiện, không rõ có phải hạn không"]
    return []


# A cadence whose day is its period's default (the last day, Friday): nothing in the cell
# said its day. The first half's and the nine months' reports ("báo cáo 6 tháng đầu năm",
# "báo cáo 9 tháng", hprobe15) too: beside a day they did not name, they flag.
_DEFAULT_DAY = re.compile(
    r"^FREQ=(?:MONTHLY;BYMONTHDAY=-1|YEARLY;BYMONTH=(?:3,6,9,12|6,12|12|6|9);BYMONTHDAY=-1"
    r"|WEEKLY;BYDAY=FR)$"
)


def _quoted(cell: Cell, *starts: int) -> str:
    """The readings that begin at ``starts``, quoted in the cell's order: "'A' và 'B'"."""
    words = sorted((f for f in cell.found if f.start in starts), key=lambda f: f.start)
    return " và ".join(f"'{cell.original(f.start, f.end)}'" for f in words)


def _cadence_beside_a_date(cell: Cell, rules: list[tuple[int, Rule]]) -> list[str]:
    """ "Hằng tháng, từ ngày 1/6 đến ngày 15/6": a cadence with no day of its own beside a
    dated deadline it did not join (as "Hằng năm, trước ngày 15/6" joins) is two readings
    of one cell; which holds is for an officer to say."""
    bare = [p for p, r in rules if r.kind == "recurring" and _DEFAULT_DAY.match(r.rrule)]
    dated = [
        p
        for p, r in rules
        if r.kind == "deadline"
        and r.due is not None
        # "hằng tháng năm 2021": the year is the cadence's frame, not a deadline beside it.
        and not whole_year(r)
    ]
    if bare and dated:
        shown = _quoted(cell, bare[0], dated[0])
        return [
            f"{shown}: một kỳ không nêu ngày bên cạnh một thời hạn, không rõ nối với nhau thế nào"
        ]
    # "định kỳ 2 lần/năm vào tháng 11 và tháng 5 hằng năm" (hfirst54): a cadence with no day
    # (twice a year, read as June and December) beside a yearly cadence in months it names;
    # read before as both, four days a year, without a flag.
    named_months = [
        p
        for p, r in rules
        if r.kind == "recurring"
        and r.rrule.startswith("FREQ=YEARLY;BYMONTH=")
        and not _DEFAULT_DAY.match(r.rrule)
    ]
    if bare and named_months:
        shown = _quoted(cell, bare[0], named_months[0])
        return [f"{shown}: hai kỳ trong năm, không rõ nối với nhau thế nào"]
    # "tháng đầu quý, từ ngày 1 đến ngày 20 hằng tháng" (found by hmiss, read before as both:
    # each quarter's first month at its end plus the 20th of every month, without a flag):
    # named months with no day of their own beside a monthly day. The days of those months, or
    # two tasks?
    month_ends = [
        p
        for p, r in rules
        if r.kind == "recurring"
        and r.rrule.startswith("FREQ=YEARLY;BYMONTH=")
        and r.rrule.endswith(";BYMONTHDAY=-1")
        and not _DEFAULT_DAY.match(r.rrule)
    ]
    monthly_days = [
        p
        for p, r in rules
        if r.kind == "recurring"
        and r.rrule.startswith("FREQ=MONTHLY;BYMONTHDAY=")
        and not r.rrule.endswith("=-1")
    ]
    if month_ends and monthly_days:
        shown = _quoted(cell, month_ends[0], monthly_days[0])
        return [f"{shown}: các tháng nêu tên bên cạnh một ngày hằng tháng, không rõ nối với nhau"]
    # "Ngày 10 hằng tháng trong quý III", "trước ngày 5 hằng tháng, tháng 3-6/2024": a cadence
    # with its day beside a window it was not bounded to (a span of months is, see
    # ``_months_of_a_cadence``) is the cadence within the window, or two tasks. Round twelve,
    # probing phrases of its own: read before as the cadence all year plus the window's last
    # day, without a flag.
    timed = [
        p
        for p, r in rules
        if r.kind == "recurring"
        and r.start is None
        and r.until is None
        and not _DEFAULT_DAY.match(r.rrule)
    ]
    windows = [
        p
        for p, r in rules
        if r.kind == "deadline" and r.due is not None and r.start is not None and not whole_year(r)
    ]
    if not timed or not windows:
        return []
    shown = _quoted(cell, timed[0], windows[0])
    return [f"{shown}: một kỳ bên cạnh một khoảng thời gian (kỳ trong khoảng ấy, hay hai việc?)"]


def _start_beside_a_deadline(cell: Cell, rules: list[tuple[int, Rule]]) -> list[str]:
    """ "khởi công từ ngày 5/3/2024, bàn giao ngày 30/9/2024": a start with no end beside a
    later deadline that no close joined to it ("hoàn thành", "kết thúc" make one window) is
    either one window or ongoing work with a deadline inside it; an officer says which."""
    starts = [(p, r.start) for p, r in rules if r.kind == "continuous" and r.start is not None]
    if len(starts) != 1:
        return []
    since = starts[0][1]
    later = [p for p, r in rules if r.kind == "deadline" and r.due is not None and r.due > since]
    # "từ tháng 9, hoàn thành trước ngày 15/8": a close before its own start is a slip of a
    # date or a month (round twelve; read before as ongoing work and a deadline, no flag).
    earlier = [p for p, r in rules if r.kind == "deadline" and r.due is not None and r.due < since]
    if not later and not (earlier and _SOME_CLOSE_WORD.search(cell.folded)):
        return []
    shown = _quoted(cell, starts[0][0], (later or earlier)[0])
    if not later:
        return [f"{shown}: thời hạn hoàn thành trước cả lúc bắt đầu, cần xem lại ngày"]
    return [
        f"{shown}: một lúc bắt đầu bên cạnh một thời hạn (một đợt, hay việc thường xuyên có hạn?)"
    ]


_SOME_CLOSE_WORD = re.compile(
    r"(?<![a-z])(?:ket\s+thuc|be\s+mac|hoan\s+(?:thanh|tat)|xong)(?![a-z])"
)


# "từ ngày 2/5 đến ngày 12/5, kết thúc cấy trước ngày 20/5", "từ 3/6 - 10/6 và hoàn thành
# trước 15/6" (round fifty, hfirst50): a window with its end, then the work's close said with
# another day: two ends of one work, read before as two deadlines without a flag. Which binds
# is an officer's call. Not a close inside a whole period it narrows ("Trong tháng 5, hoàn
# thành trước 20/5"), nor the window's own end said again, nor a batch's or a phase's own close
# ("đợt 1 từ … đến …; đợt 2 hoàn thành trước …": each batch with its end).
_BATCH_WORD = re.compile(r"(?<![a-z])(?:dot|lan|luot|giai\s+doan|buoc|vong)(?![a-z])")
# A window written as a range (not a dash before a period's year: "tháng 5-2025").
_RANGE_WORD = re.compile(r"(?<![a-z])(?:tu|den|toi|keo\s+dai)(?![a-z])|[-\u2013](?!\s*\d{4}(?!\d))")


def _two_ends_of_one_work(cell: Cell) -> list[str]:
    if not _SOME_CLOSE_WORD.search(cell.folded):
        return []
    dated = sorted(
        (f for f in cell.found if f.rules and all(r.kind == "deadline" and r.due for r in f.rules)),
        key=lambda f: f.start,
    )
    for first, second in itertools.pairwise(dated):
        window = first.rules[0]
        if len(first.rules) != 1 or window.start is None or window.due is None:
            continue
        # The close may head the second reading ("hoàn thành trước …" is read whole).
        gap = cell.folded[first.end : second.end]
        gap = gap[: next((m.start() for m in re.finditer(r"\d", gap)), len(gap))]
        if not _SOME_CLOSE_WORD.search(gap) or _BATCH_WORD.search(gap):
            continue
        dues = [r.due for r in second.rules if r.due is not None]
        if all(due == window.due for due in dues):
            continue
        inside = all(window.start <= due <= window.due for due in dues)
        if inside and not _RANGE_WORD.search(cell.folded, first.start, first.end):
            continue  # "Trong tháng 5, hoàn thành trước 20/5": the period narrowed
        shown = _quoted(cell, first.start, second.start)
        return [f"{shown}: hai mốc kết thúc của một việc, mốc nào là hạn, cần xem lại"]
    return []


# "phải chờ đến năm 2025 mới triển khai", "tới tháng 9 mới khởi công": "mới" after the
# reading a bound leads to says "not before then"; the bound is a start, no deadline. ("mới"
# folds as "mỗi" does, so the written word is checked.)
_NOT_UNTIL = re.compile(r"(?<![a-z])(?:den|toi)(?:\s+het)?\s+[^;.()]{1,40}?\s+(moi)(?![a-z])")


def _not_until(cell: Cell) -> list[str]:
    if "mới" not in cell.text.lower():
        return []
    for match in _NOT_UNTIL.finditer(cell.folded):
        if cell.text[match.start(1) : match.end(1)].lower() != "mới":
            continue
        if any(f.rules and match.start() <= f.start < match.start(1) for f in cell.found):
            shown = cell.original(match.start(), match.end())
            return [f"'{shown}' là lúc bắt đầu, không phải hạn"]
    return []


# "10-12/2024": 10 December 2024, or the months October to December 2024? A dash then a
# slash, two numbers that can both be months, no "ngày" or "tháng" before them.
_DAY_OR_MONTHS = re.compile(
    r"(?<![\d/.\-])(?<!ngay\s)(?<!thang\s)(\d{1,2})\s*-\s*(\d{1,2})\s*/\s*\d{4}"
)


def _day_or_months(cell: Cell) -> list[str]:
    for match in _DAY_OR_MONTHS.finditer(cell.folded):
        first, second = int(match[1]), int(match[2])
        if 1 <= first < second <= 12:
            shown = cell.original(match.start(), match.end())
            return [f"'{shown}' là một ngày, hay các tháng {first} đến {second}"]
    return []


_UNTIL_BEFORE = re.compile(r"(?<![a-z])(?:cho\s+)?(?:den|toi)(?:\s+het)?\s*(?:ngay\s+)?$")


def _bounded_by_end(cell: Cell, rules: list[tuple[int, Rule]]) -> list[tuple[int, Rule]]:
    """ "Hằng năm đến năm 2030", "hằng tháng, đến hết ngày 31/12/2025": a bound after a
    cadence ends the cadence; it is no deadline of its own."""
    cadences = [r for _, r in rules if r.kind == "recurring" and r.until is None]
    ends = [
        (p, r)
        for p, r in rules
        if r.kind == "deadline"
        and r.due is not None
        and _UNTIL_BEFORE.search(cell.folded, max(0, p - 20), p)
    ]
    if not cadences or len(ends) != 1:
        return rules
    end = ends[0][1]
    return [
        (p, replace(r, until=end.due) if r in cadences else r) for p, r in rules if r is not end
    ]


# A span of whole months, "từ tháng 2 đến tháng 9" (dash or "tới" too), its year at most once.
_MONTH_SPAN = re.compile(
    r"(?<![a-z])tu\s+thang\s+(\d{1,2})\s*(?:den|toi|-|–)\s*(?:het\s+)?thang\s+(\d{1,2})"
    r"(?:\s*(?:/|-|\.|nam)\s*(\d{4}))?(?!\s*[/.-]?\d)"
)


# "06 tháng/lần (tháng 6 và tháng 12)", "Tổ chức 02 đợt/năm (tháng 4 và tháng 10)", "Hằng
# năm (tháng 10)", "2 lần/năm: tháng 5 và tháng 11": a cadence with no day of its own, then,
# in a bracket or after a colon, as many whole months as it has periods in a year, one in
# each period: the months say when it falls. One cadence in those months (read before as the
# cadence's own period ends beside the months, flagged).
_MONTHS_OF_A_YEAR_CADENCE = {"12": 1, "6,12": 2, "3,6,9,12": 4}
_THEN_ITS_MONTHS = re.compile(r"\s*(?:\(|:)\s*(?:vào\s+|trong\s+)?(?:các\s+)?tháng\s")


def _cadence_in_its_months(cell: Cell, rules: list[tuple[int, Rule]]) -> list[tuple[int, Rule]]:
    cadences = [
        (i, p, r)
        for i, (p, r) in enumerate(rules)
        if r.kind == "recurring"
        and r.rrule
        and r.start is None
        and r.until is None
        and (found := re.fullmatch(r"FREQ=YEARLY;BYMONTH=([\d,]+);BYMONTHDAY=-1", r.rrule))
        and found[1] in _MONTHS_OF_A_YEAR_CADENCE
    ]
    if len(cadences) != 1:
        return rules
    index, place, cadence = cadences[0]
    assert cadence.rrule is not None
    per_year = _MONTHS_OF_A_YEAR_CADENCE[cadence.rrule.split("=")[2].split(";")[0]]
    months = [
        (i, r)
        for i, (p, r) in enumerate(rules)
        if i != index
        and r.kind == "deadline"
        and r.start is not None
        and r.due is not None
        and r.start.day == 1
        and r.start.month == r.due.month
        and r.due == month_end(r.due.year, r.due.month)
        and (cell.year is None or r.due.year == cell.year)
    ]
    if len(months) != per_year or len(months) != len(rules) - 1:
        return rules
    written = next((f for f in cell.found if f.rules and f.rules[0] is cadence), None)
    if written is None or not _THEN_ITS_MONTHS.match(cell.lowered, written.end):
        return rules
    numbers = sorted(r.due.month for _, r in months if r.due is not None)
    if len({(m - 1) * per_year // 12 for m in numbers}) != per_year:
        return rules  # two months in one period: not one in each
    joined = replace(
        cadence, rrule=f"FREQ=YEARLY;BYMONTH={','.join(map(str, numbers))};BYMONTHDAY=-1"
    )
    return [(place, joined)]


def _months_of_a_cadence(cell: Cell, rules: list[tuple[int, Rule]]) -> list[tuple[int, Rule]]:
    """ "Ngày 05 hằng tháng (từ tháng 02 đến tháng 9)": a span of whole months beside a
    monthly cadence says in which months it falls; it is no window of its own (round
    twelve: read as the cadence all year plus a deadline on 30/9, without a flag). With a
    year written, the cadence is also bounded to that year, when it is the plan's."""
    cadences = [
        r
        for _, r in rules
        if r.kind == "recurring"
        and r.rrule.startswith("FREQ=MONTHLY;")
        and "BYMONTH=" not in r.rrule
        and r.start is None
        and r.until is None
    ]
    windows = [
        (p, r)
        for p, r in rules
        if r.kind == "deadline" and r.start is not None and r.due is not None and not r.assignee
    ]
    if not cadences or len(windows) != 1:
        return rules
    window = windows[0][1]
    assert window.start is not None
    assert window.due is not None
    span = _MONTH_SPAN.search(cell.folded)
    if (
        span is None
        or (int(span[1]), int(span[2])) != (window.start.month, window.due.month)
        or window.start.day != 1
        or window.start.year != window.due.year
        or (window.due + timedelta(days=1)).day != 1
        or window.start.month >= window.due.month
    ):
        return rules
    months = ",".join(str(m) for m in range(window.start.month, window.due.month + 1))
    dated = span.group(3) is not None
    if dated and cell.year is not None and window.due.year != cell.year:
        return rules  # another year than the plan's: left as read, and flagged as such

    def within(rule: Rule) -> Rule:
        rrule = rule.rrule.replace("FREQ=MONTHLY;", f"FREQ=MONTHLY;BYMONTH={months};", 1)
        if dated:
            return replace(rule, rrule=rrule, start=window.start, until=window.due)
        return replace(rule, rrule=rrule)

    return [(p, within(r) if r in cadences else r) for p, r in rules if r is not window]


# "từ ngày 1 đến ngày 31/11 hàng năm": a yearly day its month never has (or, 29/2, has one
# year in four) gives no date at all; a typo, or a month misread. Flagged, never dropped.
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_a_month_lacks(rrule: str) -> list[str]:
    yearly = re.search(r"FREQ=YEARLY;.*?BYMONTH=([\d,]+);BYMONTHDAY=([\d,]+)", rrule)
    if not yearly:
        return []
    return [
        f"tháng {m} không có ngày {d}" if (d, m) != (29, 2) else "có năm không có ngày 29/2"
        for m in map(int, yearly.group(1).split(","))
        for d in map(int, yearly.group(2).split(","))
        if 1 <= m <= 12 and d > _MONTH_DAYS[m - 1]
    ]


# In a sentence the words nobody read are not shown (a sentence holds many); these, beside
# a reading, change it, and flag it: a state "as of" a day ("Tính đến hết tháng 6/2024, đã
# giải ngân …"), a week of a month ("vào tuần thứ 2 của tháng 7"), an occasion with no day
# ("Hằng năm, vào dịp Tết Nguyên đán, …"), so many times in each period ("Mỗi tháng tổ chức
# ít nhất 2 lần kiểm tra").
_AS_OF = re.compile(r"(?<![a-z])tinh\s+(?:den|toi)(?![a-z])")
_WEEK_OF_MONTH = re.compile(
    r"(?<![a-z])tuan\s+(?:thu\s+)?(?:\d|nhat|hai|ba|tu|cuoi|dau)(?:\s+tien|\s+cung)?\s+(?:cua\s+)?thang"
)
_OCCASION = re.compile(r"(?<![a-z])(?:vao\s+)?dip\s+[a-z]")
_TIMES_IN_PERIOD = re.compile(
    r"(?<![a-z])(?:moi|hang)\s+(?:thang|quy|nam|tuan)(?![a-z])[^.;:]{0,50}?(?<![a-z\d])"
    r"(?:[2-9]|[1-9]\d|0[2-9]|hai|ba|bon|nam|sau)\s+(?:lan|dot|cuoc|buoi|lop)(?![a-z])"
)


# "Tháng 1 năm tới", "Trong năm tới": the year after the plan's, or the plan's own (a plan
# written late in the year before)? "tới", "sau", "trước" left unread after a period's word
# were dropped and the plan's year read, without a flag.
_NEXT_PERIOD = re.compile(r"(?<![a-z])(?:nam|quy|thang|tuan)\s+(toi|sau|truoc)(?![a-z])")


# "Năm 2024 (theo năm học)" (probed, hprobe4): a school year left unread beside a calendar
# year, read before as the calendar year without a flag.
_SCHOOL_YEAR = re.compile(r"(?<![a-z])nam\s+hoc(?![a-z])")
# "kết thúc năm học trước 31/5/2026" (round twenty-nine, a school year's framework): the
# school year as the task's words, a bound and a day with its own year after them; that day
# is the reading whatever year the school one is (flagged before).
_SCHOOL_YEAR_DATED = re.compile(
    r"\s+(?:truoc|(?:cham|muon|tre)\s+nhat(?:\s+la)?|den|vao|trong)\s+(?:ngay\s+)?"
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}(?!\d)"
)


def _next_period_unread(cell: Cell) -> list[str]:
    for match in _NEXT_PERIOD.finditer(cell.folded):
        if not any(cell.taken[match.start(1) : match.end(1)]):
            return [f"'{cell.original(match.start(), match.end())}' là kỳ nào, cần xem lại"]
    if "hoc" in cell.folded:
        for match in _SCHOOL_YEAR.finditer(cell.folded):
            if _SCHOOL_YEAR_DATED.match(cell.folded, match.end()):
                continue
            if not any(cell.taken[match.start() : match.end()]):
                return ["năm học không phải năm dương lịch, cần xem lại"]
    return []


def _prose_doubts(cell: Cell, rules: list[tuple[int, Rule]]) -> list[str]:
    if not rules:
        return []
    doubts = []
    if _AS_OF.search(cell.folded):
        doubts.append("'tính đến' nêu mốc của số liệu, không phải thời hạn")
    if _WEEK_OF_MONTH.search(cell.folded):
        doubts.append("tuần của tháng không nêu ngày")
    if _OCCASION.search(cell.folded) and any(r.kind == "recurring" for _, r in rules):
        doubts.append("'dịp …' không nêu ngày")
    if _TIMES_IN_PERIOD.search(cell.folded):
        doubts.append("nhiều lần trong mỗi kỳ")
    return doubts


def _one_bound_for_cadences(rules: list[tuple[int, Rule]]) -> list[str]:
    """ "Trước ngày 15 hằng tháng; từ 1/7/2024 trước ngày 20 hằng tháng", "Ngày 15 hằng tháng
    đến tháng 6; từ tháng 7 ngày 20 hằng tháng" (probed, hprobe4): one start (or end) given
    to every cadence of the cell, read before without a flag, so the 15th ran from July too.
    A cadence's day changed at a date, or two cadences over one span? An officer says."""
    cadences = [r for _, r in rules if r.kind == "recurring"]
    if len({r.rrule for r in cadences}) < 2:
        return []
    for bound in ("start", "until"):
        values = [getattr(r, bound) for r in cadences]
        if values[0] is not None and all(v == values[0] for v in values):
            return ["một mốc cho nhiều kỳ khác nhau (kỳ đổi từ mốc ấy, hay hai kỳ cùng mốc?)"]
    return []


_YEARS_AHEAD = 10
# "Tầm nhìn đến năm 2050", "dài hạn đến năm 2035", "định hướng đến năm 2045" (round sixty-two,
# hfirst62): a plan's stated horizon is read as the year's end; the words name a horizon, so a
# year far ahead is meant, not a typo, and the far-year doubt is not raised for it (up to
# ``_HORIZON_YEARS`` ahead). A far year with no such words ("hoàn thành đến năm 2050", "trước
# ngày 15/3/2062") keeps the doubt; so does a day after the horizon word (a horizon is a year).
_HORIZON = re.compile(
    r"(?<!\w)(tầm\s+nhìn|dài\s+hạn|định\s+hướng)\s*,?\s+(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?"
    r"((?:19|20)\d\d)(?![\d/.\-])"
)
_HORIZON_YEARS = 80


def _horizons(cell: Cell) -> list[re.Match[str]]:
    """The horizons the cell states whose year a reading took."""
    lowered = cell.lowered
    if len(lowered) != len(cell.folded) or not any(
        w in lowered for w in ("tầm nhìn", "dài hạn", "định hướng")
    ):
        return []
    return [m for m in _HORIZON.finditer(lowered) if cell.taken[m.start(2)]]


def _horizon_words(cell: Cell, explained: list[bool]) -> None:
    for match in _horizons(cell):
        for i in range(match.start(1), match.end(1)):
            explained[i] = True


# "tính đến ngày 31/12/2022" on a page of 2023 (round forty-three, land statistics): an
# as-of figure counted to the last day of the year before is the usual statistical cut-off,
# not last year's deadline copied; the date is read as written, without the past-year doubt.
# Only "tính đến (hết) ngày" with the previous year's 31 December and nothing else read.
_AS_OF_LAST_YEAR = re.compile(
    r"^\s*tính\s+đến\s+(?:hết\s+)?(?:ngày\s+)?31\s*[/.-]\s*12\s*[/.-]\s*(\d{4})\s*$",
    re.IGNORECASE,
)


def _last_years_cut_off(cell: Cell, final: list[Rule]) -> bool:
    match = _AS_OF_LAST_YEAR.match(unicodedata.normalize("NFC", cell.text))
    return (
        match is not None
        and cell.year is not None
        and int(match.group(1)) == cell.year - 1
        and len(final) == 1
        and final[0].kind == "deadline"
    )


_YEARS_LOOKED_BACK = 3  # a window begun this many years before the plan's year (or more)

# Words that make a past day a cut-off of data, not a deadline ("tính đến ngày 31/12/2025",
# "số liệu đến 30/6/2025").
_DATA_CUT_OFF = re.compile(r"(?<![a-z])(?:tinh\s+(?:den|tu)|so\s+lieu)(?![a-z])")


def _past_day_as_written(cell: Cell, final: list[Rule]) -> bool:
    """ "ngày 30/6/2015", "trước 31/1/2018", "chậm nhất ngày 25.12.2017" in a plan of a later
    year: each day before the plan's year is one day with its year written, so the words are
    read right; whether the plan means that year is the plan's question, a caution the
    importer and the editor make a review item. A period of the past ("năm 2025", "Tháng
    5-8/2020", "từ năm 2014 đến 2018"), a year the reader worked out ("trước quý I/2024", due
    at the end of 2023) or a cut-off of data stays a doubt: those are most often not the
    task's deadline at all (a data year, a term looked back on), and so does a day years
    back ("ngày Thành lập Quân đội (22/12/1944)") and a day in a sentence (``find_timing``),
    where an earlier year is most often a document's or a fact's."""
    assert cell.year is not None
    if cell.strict or _DATA_CUT_OFF.search(cell.folded):
        return False
    for rule in final:
        if rule.kind != "deadline" or rule.due is None or rule.due.year >= cell.year:
            continue
        if rule.start is not None and rule.start != rule.due:
            return False
        if rule.due.year <= cell.year - _YEARS_LOOKED_BACK:
            return False  # a founding day, a law's date: named, not due
        if not re.search(rf"(?<!\d){rule.due.year}(?!\d)", cell.text):
            return False
    return True


# What may join a condition to a dated reading as a second reading: "Hằng quý và khi có yêu
# cầu", "Trước 30/6; đột xuất khi có yêu cầu", "thường xuyên hoặc khi cần".
_CONDITION_JOINT = re.compile(r"(?<![a-z])(?:va|hoac|hay|dot\s+xuat|cung\s+nhu)(?![a-z])|;|\n")


def _conditioned(cell: Cell) -> list[str]:
    """ "Trước 20/2/2026 khi có yêu cầu", "Chậm nhất 18/6/2026 (khi có yêu cầu)", "Trước
    30/6, UBND xã khi tổ chức thực hiện" (probed, hprobe10): a condition ("khi …", on demand)
    beside a dated reading with nothing joining them as two: the day on a condition, or the
    day and on demand besides? Read before as both, without a flag. Joined ("và", "hoặc",
    "đột xuất", ";") they are two readings, as before."""
    if "khi" not in cell.folded and "yeu cau" not in cell.folded and "lien tuc" not in cell.folded:
        return []
    # "Trước ngày 05/3 liên tục", "Hoàn thành trước 15/11 (liên tục)" (second batch): work
    # "liên tục" (without a break) beside another reading, nothing joining them: continuous
    # work, or the day? ("thường xuyên" beside a day stays two readings, as the labels have it.)
    steady = [
        f
        for f in cell.found
        if any(r.kind == "continuous" for r in f.rules)
        and cell.folded.startswith("lien tuc", f.start)
    ]
    for condition in steady:
        for other in cell.found:
            if other is condition or not any(r.kind != "continuous" for r in other.rules):
                continue
            first, second = sorted((condition, other), key=lambda f: f.start)
            if not re.search(
                r"(?<![a-z])(?:va|hoac)(?![a-z])",
                cell.folded[first.end : max(first.end, second.start)],
            ):
                shown = cell.original(condition.start, condition.end)
                return [f"'{shown}' là cách làm của hạn, hay thêm việc liên tục?"]
    dated = [f for f in cell.found if any(r.kind in ("deadline", "recurring") for r in f.rules)]
    if not dated:
        return []
    conditions = [
        f
        for f in cell.found
        if any(r.kind == "on_demand" for r in f.rules)
        or (
            any(r.kind == "relative" and not r.offset for r in f.rules)
            and re.match(r"(?:ngay\s+)?khi(?![a-z])", cell.folded[f.start : f.end])
        )
    ]
    for condition in conditions:
        for other in dated:
            first, second = sorted((condition, other), key=lambda f: f.start)
            if not _CONDITION_JOINT.search(cell.folded, first.end, max(first.end, second.start)):
                shown = cell.original(condition.start, condition.end)
                return [f"'{shown}' là điều kiện của hạn, hay thêm một việc theo yêu cầu?"]
    return []


# The kinds of reading a cell may give; two at once ("từ 1/7, khi có yêu cầu": work from a
# day and work on request; a due day and a count from an event) is two readings of different
# kinds, which the label conventions send to review: the officer says which one the task keeps.
_KIND_GROUP = {
    "deadline": "hạn",
    "recurring": "hạn",
    "relative": "tính từ sự kiện",
    "continuous": "thường xuyên",
    "on_demand": "theo yêu cầu",
}


_ONGOING = re.compile(r"(?<![a-z])(?:thuong\s+xuyen|ca\s+nam|quanh\s+nam)(?![a-z])")


# A cadence word of months, quarters or weeks, and a day written with its month (hmeta4).
_SHORT_CADENCE = re.compile(r"(?<!\w)(?:hằng|hàng|mỗi)\s+(?:tháng|quý|tuần)(?!\w)")
_YEAR_AFTER = re.compile(r"\s*[/.\-]\s*\d{4}")
_DAY_OF_A_MONTH = re.compile(r"(?<![\w/.])\d{1,2}\s*[/.]\s*\d{1,2}(?![\d\w])")
_DASHED_DAY = re.compile(r"(?<![\w/.\-])\d{1,2}\s*-\s*\d{1,2}(?![\d\w])")


# hmeta6: a dashed pair with no year is a day and its month, not a span of days of each
# month, when it ends a list or a range ("ngày 8 và 9-6", "ngày 4, 5 và 6-6", "từ ngày 12
# đến 18-6", "… đến hết ngày 27-6"): a span would be a list's or a range's member spanning
# on its own; or when its first number is the larger ("8 giờ sáng 19-5": no span runs
# backwards). "ngày 2-10 hằng tháng" alone stays the days of each month (a tune label's).
_ENDS_A_LIST = re.compile(r"(?:(?<!\w)(?:và|đến|tới)(?:\s+hết)?|,)\s*(?:ngày\s*)?$")


def _dashed_month_day(lowered: str, pair: re.Match[str]) -> bool:
    first, second = (int(n) for n in re.findall(r"\d+", pair.group()))
    if first > second and second <= 12:
        return True
    return _ENDS_A_LIST.search(lowered, 0, pair.start()) is not None


def _cadence_word_beside_a_dated_day(cell: Cell) -> list[str]:
    """ "Hằng tháng 8 giờ ngày 9/5/2024", "từ ngày 11 đến 18/9 hằng tháng", "Thứ Ba, ngày
    14/5 mỗi tuần": a cadence of months, quarters or weeks beside a day of one named month
    says either that the cadence starts there or that the day is a single date with a
    cadence named beside it; read before as the day alone or the cadence on the window's
    first day, without a flag (hmeta4's insertions). An officer says which."""
    lowered = cell.lowered
    cadence = _SHORT_CADENCE.search(lowered)
    if cadence is None:
        return []
    if re.search(r"(?<!\w)nghỉ\s+$", lowered[: cadence.start()]):
        return []  # "ngày nghỉ hằng tuần": the weekly rest day, no cadence of the work
    # "ngày 2-10 hằng tháng" with no year is days of each month, not a day of October.
    days = [d for d in _DAY_OF_A_MONTH.finditer(lowered) if "-" not in d.group()]
    days += [
        d
        for d in _DASHED_DAY.finditer(lowered)
        if _YEAR_AFTER.match(lowered, d.end()) or _dashed_month_day(lowered, d)
    ]
    days.sort(key=lambda d: d.start())
    if not days:
        return []
    day = days[0]
    between = lowered[min(cadence.end(), day.end()) : max(cadence.start(), day.start())]
    # One clause, and not a start of the cadence ("hằng tuần kể từ ngày 3/3").
    if re.search(r"[,;]|kể\s+từ", between):
        return []
    first, second = sorted((cadence, day), key=lambda m: m.start())
    shown = f"'{cell.original(first.start(), first.end())}' và '{cell.original(second.start(), second.end())}'"
    return [
        f"{shown}: một kỳ bên cạnh một ngày của một tháng đã nêu (kỳ bắt đầu từ đó, hay một lần?)"
    ]


# "và" (or "&") and at most "vào", "cả", "ngày" between a period and a day listed after it,
# after the period's closing bracket ("(từ 15/11 đến 15/12/2025) và ngày 27/11") or a few
# words naming it ("… đến ngày 14/12 của kỳ báo cáo và ngày 8/12", "trong năm nay và …").
_LISTED_DAY = re.compile(
    r"\s*\)?(?:\s+(?!va(?![a-z]))[a-z]+){0,4}\s*,?\s*(?:va|&)\s+(?:vao\s+)?(?:ca\s+)?(?:ngay\s*)?"
)


def _day_listed_after_a_period(cell: Cell) -> list[str]:
    """ "Quý I/2025 và ngày 22/2", "từ 15/4 đến 15/5/2025 và ngày 26/4", "hằng năm và ngày
    19/3": a day listed with "và" after a window holding it, or after a yearly cadence with no
    day of its own, is either a
    second deadline beside the period or the period's own day. Read before as the day alone
    (the window's end, or the cadence's day, taken by it) without a flag (hmeta5's
    insertions); a day outside the window is a second deadline, read as both, and "vào ngày"
    with no "và" names the period's day, as before. An officer says which."""
    found = sorted(cell.found, key=lambda f: f.start)
    for first, second in itertools.pairwise(found):
        if len(second.rules) != 1 or not first.rules or first.end > second.start:
            continue
        day = second.rules[0]
        if day.kind != "deadline" or day.start is not None or day.due is None:
            continue
        if not _LISTED_DAY.fullmatch(cell.folded, first.end, second.start):
            continue
        holds = any(
            # a yearly cadence with no day of its own takes the day (``_rules_in_order``)
            (r.kind == "recurring" and _BARE_YEARLY.match(r.rrule))
            or (r.kind == "deadline" and r.start and r.due and r.start <= day.due <= r.due)
            for r in first.rules
        )
        if holds:
            shown = _quoted(cell, first.start, second.start)
            return [
                f"{shown}: một ngày nối bằng 'và' sau một kỳ chứa nó (hai hạn, hay hạn của kỳ?)"
            ]
    return []


# "năm 2022" written as a year (not a document's number, "09/2019/NĐ-CP").
_WRITTEN_YEAR = re.compile(r"(?<![a-z])nam\s+((?:19|20)\d{2})(?![\d/])")


def _years_held(final: list[Rule]) -> set[int]:
    """The years of the readings' days; a due 31/12 holds the next year too, as "trước năm
    2025" and "trước tháng 1 năm 2026" end the day before the year they name."""
    days = [d for r in final for d in (r.start, r.due, r.until) if d is not None]
    return {d.year for d in days} | {d.year + 1 for d in days if (d.month, d.day) == (12, 31)}


def _written_year_unheld(cell: Cell, final: list[Rule]) -> list[str]:
    """ "trước ngày 10/07 của năm báo cáo năm 2022", "từ ngày 15/6 đến ngày 14/12 của kỳ báo
    cáo năm 2022" in a plan of 2025: a year written in words ("năm 2022"), other than the
    plan's, that no dated reading holds, was taken into the words around it and the dates
    read in the plan's year without a flag (hmeta5's insertions). The dates of that year, or
    of the plan's? An officer says which. Only beside dated readings: a count from an event
    or work on request holds no year."""
    if cell.year is None or not any(r.kind in ("deadline", "recurring") for r in final):
        return []
    held = _years_held(final)
    for m in _WRITTEN_YEAR.finditer(cell.folded):
        year = int(m.group(1))
        if year != cell.year and year not in held:
            shown = cell.original(m.start(), m.end())
            return [f"'{shown}' không thuộc hạn nào đã đọc (hạn đọc theo năm khác)"]
    return []


def _end_year_from_the_plan(cell: Cell, final: list[Rule]) -> list[str]:
    """ "tính từ ngày 01 tháng 01 năm 2022 đến hết ngày 31 tháng 12" in a plan of 2025: a
    window whose first day has its year and whose last day has none took the plan's year for
    its end, spanning years without a flag (hmeta5's insertions), where the first day's year
    fits it too. Two readings: an officer says which. An end that falls before the start in
    the start's year ("từ 15/12/2024 đến 14/12") is in the next year either way."""
    for rule in final:
        if rule.kind != "deadline" or rule.start is None or rule.due is None:
            continue
        if rule.start.year >= rule.due.year or str(rule.due.year) in cell.text:
            continue
        if rule.due in cell.counted_ends:
            continue  # "trong 18 tháng kể từ ngày 1/1/2025": the end is counted, not written
        try:
            same = rule.due.replace(year=rule.start.year)
        except ValueError:  # 29/2
            continue
        if same >= rule.start and str(rule.start.year) in cell.text:
            return [
                f"năm của ngày cuối không ghi: {same:%d/%m/%Y} (năm của ngày đầu) "
                f"hay {rule.due:%d/%m/%Y} (năm của kế hoạch)?"
            ]
    return []


# hmeta6: a cadence named by its words ("hằng tháng", "mỗi tuần", "2 lần/năm", "6 tháng một
# lần") and the periods the reading repeats on. The period of the words, by the label
# conventions' bare cadences: a half-year is "2 lần/năm", "6 tháng/lần".
_CADENCE_OF = re.compile(r"(?<!\w)(?:hằng|hàng|mỗi)\s+(tuần|tháng|quý|năm)(?!\w)")
_TIMES_A = re.compile(
    r"(?<![\w/])(\d{1,2}|một|hai|ba|bốn|sáu)\s+lần\s*/\s*(năm|quý|tháng|tuần)(?!\w)"
)
_EVERY_N_MONTHS = re.compile(r"(?<![\w/])(\d{1,2}|một|ba|sáu)\s+tháng\s*(?:/\s*|một\s+)lần(?!\w)")
_PER_UNIT = {
    ("năm", 1): "năm",
    ("năm", 2): "nửa năm",
    ("năm", 4): "quý",
    ("năm", 12): "tháng",
    ("quý", 1): "quý",
    ("quý", 3): "tháng",
    ("tháng", 1): "tháng",
    ("tuần", 1): "tuần",
}
_MONTHS_APART = {1: "tháng", 3: "quý", 6: "nửa năm", 12: "năm"}
_PERIOD_OF_WORD = {"tuần": "tuần", "tháng": "tháng", "quý": "quý", "năm": "năm"}


def _count_of(word: str) -> int:
    return number_of(word) or 0  # the patterns above take only numbers it reads


def _named_cadences(lowered: str) -> list[tuple[re.Match[str], str | None]]:
    """The cadences the cell's words name, each with its period (``None``: one the bare
    cadences do not hold, "3 lần/năm")."""
    named: list[tuple[re.Match[str], str | None]] = []
    for match in _CADENCE_OF.finditer(lowered):
        if re.search(r"(?<!\w)nghỉ\s+$", lowered[: match.start()]):
            continue  # "ngày nghỉ hằng tuần": the weekly rest day
        named.append((match, _PERIOD_OF_WORD[match[1]]))
    for match in _TIMES_A.finditer(lowered):
        named.append((match, _PER_UNIT.get((match[2], _count_of(match[1])))))
    for match in _EVERY_N_MONTHS.finditer(lowered):
        named.append((match, _MONTHS_APART.get(_count_of(match[1]))))
    return named


def _periods_of(rule: Rule) -> frozenset[str]:
    """The periods a recurring rule repeats on: a yearly rule on listed months repeats each
    year and, four months a year, each quarter ("Tháng 3, 6, 9, 12 hằng năm")."""
    if rule.kind != "recurring":
        return frozenset()
    if "FREQ=WEEKLY" in rule.rrule:
        return frozenset({"tuần"})
    if "FREQ=MONTHLY" in rule.rrule:
        return frozenset({"tháng"})
    months = re.search(r"BYMONTH=([\d,]+)", rule.rrule)
    if "FREQ=YEARLY" in rule.rrule:
        count = len(months[1].split(",")) if months else 1
        return frozenset({"năm", {2: "nửa năm", 4: "quý", 12: "tháng"}.get(count, "năm")})
    return frozenset({"khác"})


def _cadence_word_unread(cell: Cell, final: list[Rule]) -> list[str]:
    """ "Hằng tháng 12 ngày kể từ ngày nhận hồ sơ", "kể từ ngày ký 2 lần/năm", "chậm nhất
    ngày 18 của tháng sau 2 lần/năm", "trước ngày 18 tháng cuối quý mỗi tuần": a cadence
    named in words beside a reading that does not repeat on it (a count from an event, a
    day, another cadence) was read as that reading alone, or as both, without a flag
    (hmeta6's insertions). The words name a cadence the reading leaves out or contradicts:
    an officer says which holds. Only words in a reading's clause count. Flagged when a
    reading stands and no recurring rule repeats on a period the words name, or (in one
    clause, no comma, semicolon, "và" or "hoặc") the reading repeats on two periods, or the
    words name two that no one rule repeats on ("3 tháng một lần mỗi tuần")."""
    if not final:
        return []
    lowered = cell.lowered
    # Only words in a reading's clause: "trước ngày 15/12, …, khen thưởng hằng năm" names
    # the task's own yearly round, not the deadline's cadence.
    named = [
        (match, period)
        for match, period in _named_cadences(lowered)
        if any(
            not re.search(
                r"[,;]",
                lowered[min(match.end(), f.end) : max(match.start(), f.start)],
            )
            for f in cell.found
            if f.rules
        )
    ]
    if not named:
        return []
    words = {period for _, period in named if period is not None}
    read = [p for r in final if (p := _periods_of(r))]
    shown = cell.original(named[0][0].start(), named[0][0].end())
    if not read:
        if any(r.kind in ("deadline", "relative", "on_demand") for r in final):
            return [f"'{shown}': kỳ lặp lại không được đọc cùng thời hạn, cần xem lại"]
        return []
    if any(not any(w in p for p in read) for w in words):
        return [f"'{shown}': kỳ lặp lại khác với kỳ đã đọc, cần xem lại"]
    joint = re.search(r"[,;]|(?<!\w)(?:và|hoặc)(?!\w)", lowered)
    if not joint and (len(set(read)) > 1 or not any(words <= p for p in read)):
        return [f"'{shown}' bên cạnh một kỳ lặp lại khác, cần xem lại"]
    return []


def _window_restating(cell: Cell, end: int) -> bool:
    """A window (a deadline with a start) right after ``end``, in brackets, after a colon or a
    restatement's word."""
    aside = re.compile(r"\s*(?:\(|:)\s*|\s*[,\-–]?\s*(?:tuc|nham)(?:\s+la)?\s+")
    joined = aside.match(cell.folded, end)
    if joined is None:
        return False
    return any(
        f.start == joined.end() and any(r.kind == "deadline" and r.start for r in f.rules)
        for f in cell.found
    )


def _kinds_mixed(cell: Cell, final: list[Rule]) -> list[str]:
    kinds = {r.kind for r in final}
    if kinds == {"recurring", "on_demand"}:
        return []  # "định kỳ hằng quý và đột xuất": reports on a cadence and on request
    ongoing = _ONGOING.search(cell.folded)
    if "continuous" in kinds and ongoing and not _window_restating(cell, ongoing.end()):
        # "Thường xuyên; báo cáo hằng quý", "Cả năm, báo cáo trước 15/12" (unit tests of
        # earlier passes): work said to be ongoing, with a duty of another kind beside it, is
        # read as both; a start from a day beside a request ("từ ngày D, khi có yêu cầu") flags.
        # A window restating the ongoing words ("Cả năm (từ 01/01 đến 31/12)", hprobe26) is no
        # duty beside them: the work throughout, or due at the window's end? It flags.
        return []
    groups = list(dict.fromkeys(_KIND_GROUP[r.kind] for r in final))
    if len(groups) > 1:
        return [f"vừa đọc ra {' vừa '.join(groups)}: việc theo cách nào"]
    return []


def _result(cell: Cell, strict: bool) -> TimingResult:
    _strike_old_dates(cell)
    _strike_moved_from(cell)
    # Before the readings are merged (a merge may join the two it looks at).
    restated = _months_of_each_period_beside_a_day(cell) + _disjoint_restated_period(cell)
    listed_day = [] if strict else _day_listed_after_a_period(cell)
    merged = _merge(cell, _rules_in_order(cell), _listed_pairs(cell))
    rules = _months_of_a_cadence(cell, _bounded_by_end(cell, merged))
    rules, doubts = _with_times(cell, rules)
    rules = _cadence_in_its_months(cell, rules)
    doubts = _one_bound_for_cadences(rules) + doubts
    doubts = _not_until(cell) + doubts
    if not strict:
        doubts = (
            _unjoined_dates(cell)
            + _day_then_count_before(cell)
            + _cadence_beside_a_date(cell, rules)
            + _start_beside_a_deadline(cell, rules)
            + _two_ends_of_one_work(cell)
            + _day_or_months(cell)
            + _conditioned(cell)
            + listed_day
            + doubts
        )
    doubts = (
        _alternatives(cell)
        + _moved_dates(cell)
        + _proposed_move(cell)
        + _compared_dates(cell)
        + _aim_then_latest(cell)
        + _bare_bracketed_date(cell)
        + _roughly(cell)
        + _glossed_start(cell)
        + _on_the_occasion(cell)
        + _given_on(cell)
        + _another_party(cell)
        + _stopped(cell)
        + _as_typed(cell)
        + _back_across_the_year(cell)
        + _year_only_after(cell)
        + _yearless_in_years(cell)
        + _overlapping_windows(cell)
        + _restated_days(cell)
        + _named_thing_dated(cell)
        + restated
        + doubts
    )
    if strict:
        doubts = _prose_doubts(cell, rules) + doubts
    else:
        doubts += _next_period_unread(cell)
    final = []
    for index, (_, rule) in enumerate(rules, start=1):
        if cell.policy and rule.kind in ("deadline", "recurring", "relative"):
            rule = replace(rule, holiday=cell.policy)  # type: ignore[arg-type]
        rule = replace(rule, key=f"r{index}")
        # A rule whose parts contradict (a window opening after it closes: "từ 8/4 … đến
        # 15/4" with words between that moved one end) is no reading: flagged, not raised
        # (hmeta3: an insertion made the reader throw on a phrase).
        broken = rule.problem()
        if broken:
            doubts.append(f"các phần của thời hạn mâu thuẫn nhau ({broken.rstrip('.')})")
            continue
        final.append(rule.validate(f"thời gian '{cell.text}'"))
    final = bare_when_on_demand(cell, final)
    if not strict:
        doubts += _kinds_mixed(cell, final)
        doubts += _cadence_word_beside_a_dated_day(cell)
        doubts += _cadence_word_unread(cell, final)
    doubts = [f.note for f in cell.found if f.note] + doubts
    cautions: list[str] = []
    if cell.year is not None:
        # "trước 31/1/2018" in a plan of 2019: a deadline before the plan's own year is most
        # often last year's plan copied with its dates; an officer says which year holds.
        past = sorted(
            {r.due.year for r in final if r.kind == "deadline" and r.due and r.due.year < cell.year}
        )
        if past and not _last_years_cut_off(cell, final):
            before = f"hạn thuộc năm {past[0]}, trước năm của kế hoạch ({cell.year})"
            (cautions if _past_day_as_written(cell, final) else doubts).append(before)
        # "từ ngày 1-7-2016 đến 1-7-2021" in a page of 2021 (round forty, a supervision's
        # period): a window begun years before the plan's year and closing in it is most often
        # a period looked back on (a term supervised, data gathered), not a time to finish by.
        # A span of whole years is a plan's term, due at its end (the house reading).
        long_ago = sorted(
            {
                r.start.year
                for r in final
                if r.kind == "deadline"
                and r.due
                and r.start
                and r.due.year == cell.year
                and r.start.year <= cell.year - _YEARS_LOOKED_BACK
                # whole years ("từ năm 2021-2024", a plan's term) keep the house reading
                and not (r.start.timetuple()[1:3] == (1, 1) and r.due.timetuple()[1:3] == (12, 31))
            }
        )
        if long_ago:
            doubts.append(
                f"khoảng thời gian bắt đầu từ năm {long_ago[0]}, nhiều năm trước năm của kế hoạch"
                f" ({cell.year}): giai đoạn nhìn lại hay thời hạn?"
            )
        # "Trước ngày 15/3/2062" in a plan of 2026 (probed, hprobe9): a year so far ahead is
        # most often a typo of the plan's own.
        horizons = {int(m[2]) for m in _horizons(cell) if int(m[2]) <= cell.year + _HORIZON_YEARS}
        far = sorted(
            {
                r.due.year
                for r in final
                if r.kind == "deadline"
                and r.due
                and r.due.year > cell.year + _YEARS_AHEAD
                and r.due.year not in horizons
            }
        )
        if far:
            doubts.append(
                f"hạn thuộc năm {far[0]}, quá xa năm của kế hoạch ({cell.year}): có gõ nhầm không"
            )
        framed = [
            r
            for r in final
            if r.kind == "recurring"
            and r.start is not None
            and r.until is not None
            and (r.until.year < cell.year or r.start.year > cell.year)
        ]
        if framed:
            first, last = framed[0].start, framed[0].until
            assert first is not None
            assert last is not None
            span = (
                f"trong năm {first.year}"
                if first.year == last.year
                else f"từ năm {first.year} đến năm {last.year}"
            )
            doubts.append(f"lặp lại {span}, ngoài năm của kế hoạch ({cell.year})")
    for rule in final:
        late = re.search(r"FREQ=MONTHLY;BYMONTHDAY=([\d,]+)", rule.rrule)
        if late and any(int(d) >= 29 for d in late.group(1).split(",")):
            doubts.append("có tháng không có ngày " + max(late.group(1).split(","), key=int))
        doubts += _days_a_month_lacks(rule.rrule)
    if not strict:
        doubts += _written_year_unheld(cell, final) + _end_year_from_the_plan(cell, final)
    if not strict:
        doubts += (
            event_beside_a_date(cell, rules)
            + count_from_that(cell, rules)
            + condition_on_demand(cell, rules)
            + start_word_then_deadline(cell, rules)
            + hour_for_some(cell, rules)
            + one_day_for_cadences(cell, rules)
            + _window_before_an_event(cell, rules)
        )
    if not strict:
        rest = _leftover(cell)
        if not final and not any(f.note for f in cell.found):
            doubts.insert(0, "không nhận ra thời hạn nào")
        elif rest:
            doubts.append(f"chưa hiểu phần '{rest}'")
    return TimingResult(
        cell.text, tuple(final), bool(doubts), _sentence(doubts), _sentence(cautions)
    )


def _sentence(parts: list[str]) -> str:
    said = "; ".join(dict.fromkeys(parts))
    return said[:1].upper() + said[1:] + ("." if said and said[-1] not in ".?!" else "")


# "trong thời hạn 3 ngày làm việc trước ngày mở cuộc đấu giá", "trong vòng 5 ngày trước ngày
# họp" (round twenty-six): the days before an event in which a thing is done (an auction's
# deposit, a file's delivery), a window whose last day the count does not name: it may be due
# the day before the event or on it, and the count back is when the window opens. Read as that
# count back, as before, and flagged ("chậm nhất 3 ngày trước …", "trước ngày họp 5 ngày" and
# a count after an event are not windows, and read as before).
_WINDOW_BEFORE_AN_EVENT = re.compile(
    r"(?<![a-z])trong\s+(?:thoi\s+han\s+|thoi\s+gian\s+|vong\s+|khoang\s+)?\d+\s+ngay"
    r"(?:\s+lam\s+viec)?\s*,?\s*(?:lien\s+)?truoc\s+(?!\d|ngay\s+\d)"
)


def _window_before_an_event(cell: Cell, rules: list[tuple[int, Rule]]) -> list[str]:
    back = any(r.kind == "relative" and r.offset < 0 for _, r in rules)
    if back and _WINDOW_BEFORE_AN_EVENT.search(cell.folded):
        return ["một khoảng ngày trước một sự kiện: hạn là ngày trước sự kiện hay chính ngày ấy"]
    return []


# A timing cell holding nothing but a year (a full stop after it allowed).
_YEAR_ALONE = re.compile(r"(19|20)\d\d\.?")


def parse_timing(text: str, *, year: int | None = None, context: str = "") -> TimingResult:
    """Read one timing cell. ``year`` is the plan's year, for phrases that give none;
    ``context`` is the task's own text, which may name what a bare cadence or event means
    ("Hàng quý" with "chậm nhất là ngày 17 của tháng cuối quý" in the content)."""
    context = clean(context) if context else ""
    cleaned = third_sweep_wordings(second_sweep_wordings(clean(text), context, year))
    if not cleaned:
        return TimingResult(text, (), True, "Văn bản không ghi thời gian.")
    if _YEAR_ALONE.fullmatch(cleaned):
        # A year alone, as a "Năm hoàn thành" column or a spreadsheet's number cell holds it,
        # is that year: read as "Năm 2026" is.
        cleaned = f"Năm {cleaned.rstrip('. ')}"
    cell = Cell(cleaned, fold_keep_length(cleaned), year, context)
    cell.bullets = _BULLET_LINE.search(text) is not None
    _read(cell, strict=False)
    _bounds(cell)
    _start_at_a_named_day(cell)
    _start_inside_its_period(cell)
    _length_of_a_window(cell)
    _count_after_a_window(cell)
    _share_before_a_remainder(cell)
    _event_then_deadline(cell)
    _aside_of_a_moment(cell)
    _details_later(cell)
    _start_when_needed(cell)
    _hours_of_the_day(cell)
    _hours_of_a_window(cell)
    _daily_hours_of_a_window(cell)
    _nightly_hours_of_a_window(cell)
    result = _result(cell, strict=False)
    if not result.review and year is not None:
        empty = _no_day_in_the_year(result.rules, year) or _a_deadline_beside_a_cadence(
            cell, result.rules
        )
        if empty:
            return replace(
                result, text=text, review=True, reason=_join_reason(result.reason, empty)
            )
    return replace(result, text=text)


# What joins two readings as two (a list, a second clause, a remark): with none of these
# between them, a deadline and a cadence's own day are one clause saying two things.
_TWO_CLAUSES = re.compile(
    r"[,;:()\n+]|(?<![a-z])(?:va|hoac|hay|rieng|con|dong\s+thoi|ngoai\s+ra|sau\s+do)(?![a-z])"
)


def _a_deadline_beside_a_cadence(cell: Cell, rules: tuple[Rule, ...]) -> str:
    """ "Trước ngày 20/5 định kỳ hằng năm vào ngày 30/6", "Định kỳ hằng năm ngày 1/10 chậm nhất
    ngày 25/9" (hprobe23): a one-off day and a cadence's day, in one clause with nothing that
    joins them as two; which binds the task is unsaid. Read before as both, without a flag."""
    deadlines = [r.due for r in rules if r.kind == "deadline" and r.due]
    cadences = [r for r in rules if r.kind == "recurring"]
    if not deadlines or not cadences or _TWO_CLAUSES.search(cell.folded):
        return ""
    return (
        "Một thời hạn và một ngày định kỳ trong cùng một vế, không rõ ngày nào là hạn: cần xem lại."
    )


def _join_reason(reason: str, more: str) -> str:
    return f"{reason.rstrip()} {more}".strip()


def _no_day_in_the_year(rules: tuple[Rule, ...], year: int) -> str:
    """A cadence the reader made that falls due on no day of the plan's year: cut off before
    its first due day ("đến hết ngày 3/4 2 lần/năm", "Đến hết quý I 2 lần/năm") or starting in a
    later year ("Hằng quý kể từ năm 2027"). Read before as nothing, without a flag (hmeta6 left
    it; hprobe23): the plan would hold no day for the task."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    for rule in rules:
        if rule.kind != "recurring" or not rule.rrule:
            continue
        start = max(rule.start or first, first)
        end = min(rule.until or last, last)
        if end >= start and parse_rrule(rule.rrule, start).between(
            datetime.combine(start, time()), datetime.combine(end, time.max), inc=True
        ):
            continue
        bound = ""
        if rule.until and rule.until < last:
            bound = f", chỉ đến ngày {rule.until:%d/%m/%Y}"
        elif rule.start and rule.start > first:
            bound = f", bắt đầu từ ngày {rule.start:%d/%m/%Y}"
        return (
            f"Lịch định kỳ đọc được không có kỳ hạn nào trong năm {year}{bound}: "
            "cần xem lại thời hạn."
        )
    return ""


def find_timing(text: str, *, year: int | None = None) -> TimingResult:
    """Find the timing a sentence carries within it ("… báo cáo định kỳ hằng quý …"), for
    prose plans without a timing field. Strict: only cadences, events, continuous and
    on-demand words, and dates after a deadline verb count; a bare date or "năm 2022" in a
    sentence names something else (a decision, the plan's year) and is left alone."""
    cleaned = clean(text)
    cell = Cell(cleaned, fold_keep_length(cleaned), year, cleaned)
    cell.strict = True
    _counts_with_a_slash(cell)
    _read(cell, strict=True)
    _daily_hours_of_a_window(cell)
    _named_not_due(cell)
    return _result(cell, strict=True)


# A prose plan's sentence carries days and periods that are no deadline of its task (probed,
# hprobe6), read before without a flag beside the task's own day or alone:
# - a clause telling what was done: its day or period opens it and its verb follows "đã"
#   ("Ngày 10/3/2026, UBND xã đã ban hành …", "Quý I/2026 xã đã giải quyết 215 hồ sơ"), or
#   "đã" stands before the reading in its part of the clause ("xã đã tổ chức 05 cuộc kiểm
#   tra trong tháng 01/2026"), or "vừa qua" follows it: a report of the past, set aside;
# - the period a review meeting is named by ("Hội nghị sơ kết 6 tháng đầu năm", "tổng kết
#   công tác quý I/2026"), or a plan, a result, a review or data ("Kế hoạch kiểm tra quý
#   III/2026", "đánh giá kết quả thực hiện nhiệm vụ quý I/2026", "số liệu tháng 6/2026"):
#   what it is about, not when it is due; set aside (alone, the task has no timing, which the
#   importer flags);
# - an aim's later year or its rate each year ("Phấn đấu đến hết năm 2027 …" in a plan of
#   2026, "Phấn đấu mỗi năm giảm 1% …"): offered, flagged; an aim by the end of the plan's
#   year, or with a day ("Phấn đấu hoàn thành trước ngày 30/9"), is the task's deadline.
_CLAUSE_BREAK = re.compile(r"[;!?]|\.(?!\d)")
_OPENS_CLAUSE = re.compile(r"^\s*(?:[-+•]\s*)?(?:(?:vao|trong|den|tinh\s+den)\s+)?$")
# Where a part of a clause begins: after a comma or a colon, or a detail line's mark (the
# importer joins an item's detail lines, "- …", "+ …", to its sentence).
_PART_BREAK = re.compile(r"[,:]|\s[-+]\s")
_JUST_PAST = re.compile(r"\s*(?:vua\s+(?:qua|roi)|qua)\s*[,;]")
_PAST = re.compile(r"(?<![^\W\d_])đã(?![^\W\d_])")
# "đã" after a day that opens the clause, its subject between ("Ngày 10/3/2026, UBND xã đã").
_PAST_AFTER = re.compile(r"[\s,]*(?:[^\W_]+[\s,]+){0,5}đã(?![^\W\d_])")
_REVIEW_OF = re.compile(
    r"(?<![a-z])(?:so\s+ket|tong\s+ket|danh\s+gia|kiem\s+diem|ket\s+qua|so\s+lieu|ke\s+hoach"
    r"|chuong\s+trinh)(?:\s+(?!(?:trong|vao|truoc|den|toi|han|cham|hoan|xong|tu|la|cua)(?![a-z]))"
    r"[a-z]+){0,5}\s*$"
)
# A period named after those words, not a bound ("sơ kết vào ngày 15/7" is its day).
_PERIOD_NAMED = re.compile(r"(?:\d|quy\s|thang\s|nam\s)")
# A deadline's own words: "Hoàn thành trước ngày 31/8 việc … đã tiếp nhận" is the task's.
_DUE_WORD = re.compile(
    r"(?:truoc|(?:cham|muon|tre)\s+nhat|hoan\s+(?:thanh|tat)|han(?![a-z])|xong|khong\s+qua)"
)
_AIM_WORDS = re.compile(r"(?<![a-z])(?:phan\s+dau|muc\s+tieu)(?![a-z])")
_DAY_WRITTEN = re.compile(r"(?<![a-z])ngay(?![a-z])|\d\s*[/.-]\s*\d{1,2}(?!\d)")


# "trong 9/12 thôn", "Hoàn thành 8/10 chỉ tiêu", "đến 30.6 triệu đồng", "trong 12.5 ha" (probed,
# hprobe6): a count or an amount written with a slash or a dot, after a word that bounds a day
# in a sentence, was read as a deadline (9 December, 30 June). A number pair followed by what
# it counts or measures, with no "ngày" before it, is no day.
_PAIR_COUNTING = re.compile(
    r"(?<!ngay\s)(?<![\d/.])\d{1,3}\s*[/.]\s*\d{1,3}(?![\d/.]|\s*[/.-]\s*\d)\s*(?:%|(?:"
    r"thon|xom|ap|to\s+dan\s+pho|khu\s+dan\s+cu|xa(?!\s+hoi)|ho\s+(?:gia\s+dinh|dan|ngheo|can\s+ngheo)"
    r"|chi\s+tieu|tieu\s+chi|ha|m2|m3|km|tan|kg|lit|trieu|ty|nghin|ngan|dong(?!\s+(?:thoi|chi|bao))"
    r"|so\s+(?:ho|nguoi|xa|thon|truong|vu)|hoc\s+sinh|nguoi|luot)(?![a-z\d]))"
)


def _counts_with_a_slash(cell: Cell) -> None:
    if "/" in cell.folded or "." in cell.folded:
        for match in _PAIR_COUNTING.finditer(cell.folded):
            cell.take(match.start(), match.end())


# "hồ sơ tiếp nhận từ 01/3 đến 31/5", "đơn phát sinh trong tháng 6" (probed, hprobe6): a span
# or a day after the records' receipt picks the records the task is about, as a birth day
# picks people (``dates.data_cut_offs``); read before as the task's window, without a flag.
# Set aside; alone, it flags ("tiếp nhận hồ sơ từ …", the task's own receiving, is a window).
_PICKED_BY = re.compile(
    r"(?<![a-z])(?:ho\s+so|don(?:\s+thu)?|van\s+ban|vu\s+viec)(?:\s+(?:da|duoc))*"
    r"\s+(?:tiep\s+nhan|nhan|phat\s+sinh|ban\s+hanh)\s+$"
)


def _clause(cell: Cell, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding ``start``–``end`` begins and ends."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(cell.folded, 0, start)]
    after = _CLAUSE_BREAK.search(cell.folded, end)
    return (before[-1] if before else 0), (after.start() if after else len(cell.folded))


def _anniversary(cell: Cell, rules: list[Rule]) -> int | None:
    """ "Kỷ niệm 96 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2026)": a span opening years
    before the plan's, in a sentence, counts an anniversary (read before as a window due on
    its day, without a flag). The year it opens, or None."""
    if cell.year is None:
        return None
    for rule in rules:
        if rule.kind == "deadline" and rule.start and rule.start.year < cell.year - 1:
            return rule.start.year
    return None


def _beyond_the_plan(cell: Cell, rule: Rule) -> bool:
    """A rate each year, or an aim after the plan's year ("đến hết năm 2024" in a plan of 2024
    is its deadline)."""
    if rule.kind == "recurring":
        return True
    return cell.year is not None and rule.due is not None and rule.due.year > cell.year


def _told_as_past(cell: Cell, found: Found, first: int, last: int) -> bool:
    """Whether ``found`` opens a clause whose verb follows "đã" a few words on, or "đã"
    stands before it in its part of the clause, or "vừa qua" follows it ("Trong quý I/2026
    vừa qua, …")."""
    breaks = [m.end() for m in _PART_BREAK.finditer(cell.folded, first, found.start)]
    segment = breaks[-1] if breaks else first
    if _PAST.search(cell.lowered, segment, found.start) or _JUST_PAST.match(cell.folded, found.end):
        return True
    opening = _OPENS_CLAUSE.match(cell.folded[segment : found.start]) is not None
    return (
        opening
        and not _DUE_WORD.match(cell.folded, found.start)
        and _PAST_AFTER.match(cell.lowered, found.end, last) is not None
    )


def _named_not_due(cell: Cell) -> None:
    picked: list[Found] = []
    for found in cell.found:
        if not found.rules:
            continue
        first, last = _clause(cell, found.start, found.end)
        reviewed = _REVIEW_OF.search(cell.folded, first, found.start) is not None
        if _told_as_past(cell, found, first, last) or (
            reviewed and _PERIOD_NAMED.match(cell.folded, found.start)
        ):
            found.rules = []
        elif _PICKED_BY.search(cell.folded, first, found.start):
            found.rules = []
            picked.append(found)
        elif since := _anniversary(cell, found.rules):
            shown = cell.original(found.start, found.end)
            found.note = found.note or (
                f"'{shown}': khoảng từ năm {since} (ngày kỷ niệm?), không phải thời hạn"
            )
        elif (
            _AIM_WORDS.search(cell.folded, first, found.start)
            and not _DAY_WRITTEN.search(cell.folded, found.start, found.end)
            and any(_beyond_the_plan(cell, rule) for rule in found.rules)
        ):
            shown = cell.original(found.start, found.end)
            found.note = found.note or f"'{shown}': mục tiêu phấn đấu, không phải thời hạn?"
    if picked and not any(found.rules for found in cell.found):
        shown = cell.original(picked[0].start, picked[0].end)
        picked[0].note = f"'{shown}' chọn hồ sơ theo ngày nhận, không phải thời hạn"


_TIMING_WORDS = re.compile(
    r"\b(truoc|cham nhat|hoan thanh|trong (thang|nam|quy|thoi gian|thoi han|ngay)|thang \d|quy [ivx\d]"
    r"|nam 20\d\d|thuong xuyen|dinh ky|hang (tuan|thang|quy|nam|ngay)|hang nam|theo yeu cau|dot xuat"
    r"|khi (co|nhan|cap tren)|sau (tu )?\d|ngay \d|\d{1,2}[/.-]\d{1,2}|lan ?/ ?nam|thang ?/ ?\d* ?lan"
    r"|tuan|thu (hai|ba|tu|nam|sau|bay|\d)|chu nhat|\d+ ?(gio|h\b))"
)


def looks_like_timing(text: str) -> bool:
    """Whether ``text`` reads like a timing cell (a date, a cadence, "thường xuyên" …).
    A cheap test for readers that must tell a timing cell from its neighbours."""
    return bool(_TIMING_WORDS.search(fold(text)))
