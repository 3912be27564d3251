"""Recognisers of dates and windows: days, months, quarters, halves and years."""

from __future__ import annotations

import itertools
import re
from datetime import date, time, timedelta

from tracker.schedule.lunar import lunar_to_solar
from tracker.schedule.rules import Rule
from tracker.schedule.timing.cell import (
    ANY_DATE,
    DATE,
    DATE_WORDS,
    NUMBER_ENDS,
    SEP,
    WEEK_ORDINAL,
    YEAR,
    Cell,
    Found,
    date_from,
    deadline,
    month_end,
    need_year,
    recurring,
    two_milestones,
    whole_year,
    year_of,
)
from tracker.schedule.timing.lexicon import TASK_SYLLABLES
from tracker.vn import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


# Windows and dates.
_ROMAN_Q = r"(?:iv|i{1,3}|[1-4])(?![a-z\d])"


_QUARTERS = re.compile(
    rf"(?:(truoc|cuoi|dau|giua)\s+)?quy\s+({_ROMAN_Q}(?:\s*(?:,|va|-|&)\s*{_ROMAN_Q})*)(?:{YEAR})?"
)


# "6 tháng đầu năm", "07 THÁNG ĐẦU NĂM 2007", "3 tháng cuối năm": the first or last N months.
# "6 tháng đầu năm", "3 tháng cuối năm 2024", "2 tháng còn lại của năm 2021" (the last two).
# "nửa đầu năm", "nửa cuối năm 2026" (probed, hprobe17): six months.
_HALF = re.compile(
    r"(?:(0?[1-9]|1[01])\s+thang|nua(?=\s+(?:dau|cuoi)))\s+(dau|cuoi|con\s+lai)\s+(?:cua\s+)?nam"
    r"(?:\s+(\d{4}))?"
)


# "trong các tháng còn lại của năm 2021", "những tháng còn lại của năm", "thời gian còn lại
# của năm 2026" (round fifty-two, hfirst52; "còn lại" left unread, flagged): the rest of the
# year, a window to its end, as "2 tháng còn lại của năm 2021" is (its first day unsaid).
_REST_OF_YEAR = re.compile(
    r"(?<![a-z])(?:(?:cac|nhung)\s+thang|thoi\s+gian)\s+con\s+lai\s+(?:cua\s+)?nam"
    r"(?:\s+(\d{4}))?(?![\d/.\-])"
)


# "9 tháng năm 2022", "9 tháng của năm 2022", "11 tháng năm 2021" (round forty-eight, provinces'
# reports): the first N months of a named year, as "9 tháng đầu năm 2022" (flagged before, the
# count left unread and the whole year read). Only with the year written: "ngày 9 tháng năm"
# is a day of May in words, and a count with no year ("9 tháng năm nay") is left to flag.
_MONTHS_OF_YEAR = re.compile(
    r"(?<![\d/.\-])(?<!ngay\s)(?<!mung\s)(?<!hom\s)(0?[1-9]|1[01])\s+thang\s+(?:cua\s+)?nam\s+(\d{4})(?![\d/.\-])"
)


_BEFORE_MONTH = re.compile(rf"truoc\s+thang\s+(\d{{1,2}})(?:{YEAR})?(?!\s*\d)")


_MONTH_RANGE = re.compile(
    rf"(?:tu\s+)?thang\s+(\d{{1,2}})\s*(?:den|-|toi)\s*(?:het\s+|cuoi\s+)?(?:thang\s+)?(\d{{1,2}})(?:{YEAR})?(?!\s*\d)"
)


# "từ tháng 4-2020 đến hết năm 2020", "từ tháng 5 đến cuối năm": a window from a month's
# first day to the year's end (the years, when both are written, must agree).
_MONTH_TO_YEAR_END = re.compile(
    rf"(?:bat\s+dau\s+)?tu\s+thang\s+(\d{{1,2}})(?:{YEAR})?\s*,?\s*(?:den|toi)\s+(?:het|cuoi)\s+nam"
    r"(?:\s+(?:nay|(\d{4})))?(?![\d/])"
)


# "đến hết tháng 4", "đến cuối tháng 6": until that month's end.
_MONTH = re.compile(
    rf"(?:(?:den|toi)\s+(?:het\s+|cuoi\s+)?|(trong|cuoi|dau|giua)\s+(?:thoi\s+gian\s+)?)?thang\s+(\d{{1,2}})(?:{YEAR})?(?!\s*[/.\-]?\s*\d)"
)


_MONTH_YEAR = re.compile(r"(?<![\d/.])(\d{1,2})\s*/\s*(\d{4})(?![\d/])")


# (Not "năm học", the school year: "cuối năm học" is in May, not on 31/12.)
_YEAR_WORDS = re.compile(
    r"(?:(trong|ca|suot|cuoi|dau|giua)\s+)?nam(?!\s+hoc(?![a-z]))(?:\s+(\d{4})(?:\s*-\s*(\d{4}))?)?(?![\d/])"
)

# "giai đoạn 2026-2030", "trong giai đoạn từ năm 2021 đến năm 2025" (hsweep): a plan's period
# of years, one window due at its last year's end, as "năm 2026-2030" is. Its start or middle
# ("đầu giai đoạn …") says no day, and is left to flag.
#
# "chặng đường 2021-2025", "Ở chặng đường 2026 – 2030", "chặng đường tới (2026-2030)" (round
# fifty-three, hfirst53): a stage of the road, the plan's period as "giai đoạn" is, read the same
# way here and in ``_PHASE_BEFORE``; "tới", "sắp tới", "tiếp theo" or "mới" (the coming stage)
# may stand between the word and its years. "đầu/giữa chặng đường …", "chặng đường trước
# (…)" still flag.
#
# Ranges of years, one reading shared (hclean): ``_YEARS_TO`` is the two years, "2021-2025",
# "2021 đến 2025", "2021 đến hết năm 2025" (a dash is a hyphen by then: ``cell.clean`` makes
# every Unicode dash one); ``_YEARS`` lets "từ", "năm" or both lead them. They are read after
# the stage's words (``_PERIOD_OF_YEARS``), after a phase's number or a count, bracketed or not
# (``_BRACKETED_YEARS``: ``_PHASE_YEARS``, ``_COUNTED_YEARS``), and after "từ năm", both
# required (``_YEAR_RANGE``).
# Each is one window from 1/1 of the first year to 31/12 of the last (``_years_window``); the
# readers led by a plan's words take a plan's period (``_plan_years``: a later year, twenty at
# most) and a count that fits it (``_counts_the_years``). ``_BARE_YEAR_RANGE`` stays apart: it
# is the whole cell and nothing says its numbers are years, so only a dash joins them, both of
# this era, the second two to thirty after the first (below). "năm 2024-2025" is ``_YEAR_WORDS``'s own, a
# hyphen only (a year and its range in one pattern).
_YEARS_TO = r"(\d{4})\s*(?:-|den|toi)\s*(?:het\s+)?(?:nam\s+)?(\d{4})"
_YEARS = rf"(?:tu\s+)?(?:nam\s+)?{_YEARS_TO}"
_BRACKETED_YEARS = rf"(?P<bracket>\()?\s*{_YEARS}(?(bracket)\s*\))(?![\d/])"
_STAGE = r"(?:giai\s+doan|chang\s+duong)"
_COMING = r"(?:toi|sap\s+toi|tiep\s+theo|moi)"
_PERIOD_OF_YEARS = re.compile(
    rf"(?<![a-z])(?:(trong|ca|suot|cuoi|dau|giua)\s+)?{_STAGE}(?:\s+{_COMING})?"
    rf"\s+{_YEARS}(?![\d/])"
)

# "giai đoạn I (2021-2025)", "Giai đoạn 2: 2026 - 2030", "giai đoạn II (từ năm 2026 đến năm
# 2030)" (round fifty, hfirst50): a phase's number, then its years (in a bracket, after a colon,
# a comma or a dash); one window at the last year's end, as "giai đoạn 2026-2030" is (left
# unread before: the phase's number is set aside as a batch's, the bare years left unread).
# The years alone are matched (the number is taken by then), the phase looked for before them.
# ("giai đoạn thứ hai (…)" still flags, on the ordinal's own rule.)
_PHASE_YEARS = re.compile(_BRACKETED_YEARS)
# A number followed by "năm" ("chặng đường 5 năm (2021-2025)") counts the years: read here only
# when the count fits the range, as ``_COUNTED_YEARS`` does ("chặng đường 2 năm (2021-2025)"
# flags). The stage's words before the years are taken with them (``years``).
_PHASE_BEFORE = re.compile(
    rf"(?<![a-z])(?:(?:trong|o)\s+)?{_STAGE}(?:\s+(?:thu\s+)?(?:(\d{{1,2}})(\s+nam)?|[ivx]{{1,4}}"
    rf"|mot|nhat|hai|ba|bon|tu|bay|tam|chin|muoi)|\s+{_COMING})?\s*[:,\-–]?\s*$"
)

# "trong 5 năm 2026 - 2030", "trong 3 năm (2024 - 2026)" (round forty-six): a count of years
# before the range it counts, one window at the last year's end, as the range alone is (the
# count was left unread, flagged). Only a count that fits the range (its last year less its
# first, or one more, the years counted whole): "trong 2 năm 2021 - 2025" still flags.
_COUNTED_YEARS = re.compile(
    rf"(?<![a-z\d])(?:(?:trong|suot)\s+)?(\d{{1,2}})\s+nam\s*{_BRACKETED_YEARS}"
)

# "(2015-2020)", "2021 – 2025" (the tune part's misses, hmiss): a cell that is a range of years
# and nothing else, bracketed or not; one window at the last year's end, as "năm 2021-2025" and
# "giai đoạn 2021-2025" are (the README's convention "Periods"). Only the whole cell, two years
# of this era, the second two to thirty after the first: "2026-2027", one apart, may be a school
# year (September to May, no calendar window), and flags as before; "Đề án (2021-2025)", a range
# with any other word, is left to flag (the period a project is named by, not the work's window).
_BARE_YEAR_RANGE = re.compile(
    r"\s*(\()?\s*((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\s*(?(1)\))\s*[.;,]?\s*"
)


def _years_window(first: int, last: int) -> Rule:
    """A range of years: one window from 1/1 of the first to 31/12 of the last, due at its end."""
    return deadline(date(last, 12, 31), date(first, 1, 1))


def _plan_years(first: int, last: int) -> bool:
    """A plan's period of years: the last after the first, twenty years at most."""
    return first < last <= first + 20


def _counts_the_years(count: int, first: int, last: int) -> bool:
    """ "5 năm 2021-2025", "4 năm (2021-2025)": a count of years fits their range when it is the
    last year less the first, or one more (the years counted whole)."""
    return count in (last - first, last - first + 1)


# "hoãn Hội thao từ năm 2025 sang 2026", "chuyển từ năm 2025 thành 2026" (the tune part's
# misses, hmiss): the new year of a move written bare after the old one's "năm"; that year, as
# "sang năm 2026" is (the move itself is weighed by the reader's ``_strike_moved_from``). Only
# right after "từ năm YYYY sang" or "… thành".
_MOVED_TO_A_BARE_YEAR = re.compile(r"tu\s+nam\s+\d{4}\s+(?:sang|thanh)\s+(\d{4})(?![\d/.\-])")
_FOUR_DIGITS = re.compile(r"\d{4}")
# "dự kiến khởi công đến 2025", "hoàn thành tới hết 2026" (round sixty-two, hfirst62): a bare
# year after "đến" or "tới", with no "năm", is that year's end, as "đến năm 2025" is. Only where
# the clause ends after it (the cell's end, a mark, "và"): "đến 2025 người", "đến 2025 hộ" are
# counts; and not after a number ("từ 1.500 đến 2025": a range of counts).
_UNTIL_BARE_YEAR = re.compile(
    r"(?<![a-z])(?:cho\s+)?(?:den|toi)\s+(?:het\s+)?((?:19|20)\d\d)(?![\d/.\-])"
    r"(?=\s*(?:$|[.,;:)]|va(?![a-z])))"
)
_NUMBER_BEFORE = re.compile(r"\d[\d.,]*\s*(?:cho\s+)?$")

# A range's first date may be followed by "- 31/12/2024", which a lone date may not.
_RANGE_START = rf"(?:{DATE_WORDS}|(\d{{1,2}}){SEP}(\d{{1,2}})(?:{SEP}(\d{{4}}|\d{{2}}))?(?!\d))"
# "từ thứ Bảy ngày 27/4/2024 đến hết thứ Tư ngày 01/5/2024": a weekday may name each end.
# "Thứ Hai (03/8) - Thứ Sáu (07/8/2026)": or name it with the date in brackets after it.
_NAMED_DAY = r"(?:(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s*[,(]?\s*)?"
# "từ thứ Bảy 14/2/2026 (tức 27 tháng Chạp, năm Ất Tỵ) đến hết Chủ nhật 22/2/2026": the
# start may carry its lunar aside, once that aside is checked against it (see
# ``_matches_over_asides``).
_ASIDE = r"(?:\s*,?\s*\([^()]{1,80}\))?"
# "từ ngày 5/3 và sẽ kéo dài đến ngày 20/4", "từ 1/6, dự kiến kéo dài đến 30/6": how long
# it lasts, said with "sẽ" or "dự kiến" before "kéo dài" (round thirteen; flagged before).
_LASTS_TO = r"(?:va\s+)?(?:(?:(?:se|du\s+kien)\s+)?keo\s+dai\s+)?(?:den|toi)"
# "Bắt đầu tiêm từ ngày 6/11 đến ngày 11/11/2023" (round twenty-three): the task's words (up
# to three, none a timing word, nor "thu" that folds as "thứ") between "bắt đầu" and "từ";
# "bắt đầu" was left unread and flagged.
_BEGIN = r"(?:bat\s+dau\s+(?:(?!(?:tu|den|toi|ngay|thang|nam|quy|tuan|truoc|sau|thu|chu|tai)\s)[a-z]+\s+){0,3})"
# "Bắt đầu ngày 16/10/2025", "bắt đầu vào ngày 3/2", "bắt đầu thực hiện ngày 1/7" (round
# fifty, hfirst50): the start said without "từ" before its day, the work's words (as
# ``_BEGIN`` allows them) and "vào" between; a start as "bắt đầu từ ngày …" is (read before
# as the day's deadline, "bắt đầu" left unread and flagged).
# No word of doubt, negation, choice or bound among them ("bắt đầu không phải ngày …", hmeta3's
# insertions: "không" was read as the work's word).
_BEGIN_AT_DAY = (
    r"bat\s+dau\s+(?:(?!(?:tu|den|toi|ngay|thang|nam|quy|tuan|truoc|sau|thu|chu|tai|luc|vao"
    r"|khong|chua|chang|phai|khoang|uoc|chung|som|muon|cham|tre|nhat|gan|hon|it|hoac|neu|tru"
    r"|ngoai|rieng|moi|hang)\s)[a-z]+\s+){0,3}(?:vao\s+)?(?=(?:ngay\s+)?\d)"
)
# "từ chiều ngày 31/12/2025 đến hết ngày 01/01/2026" (round twenty-five, a holiday's flags):
# the part of the day the window opens in, after "từ"; "đến ngày hết ngày 03/9/2018", a
# doubled "ngày" before "hết", is "đến hết ngày". Both left "từ" unread and flagged.
_PART_OF_DAY_AFTER_FROM = r"(?:(?:sang|trua|chieu|toi|dem)\s+(?=(?:ngay\s+)?\d))?"
# "Từ tối 31/12 đến rạng sáng 1/1/2026", "từ tối 3/4 đến sáng 4/4" (round thirty-three, an
# event's closure over midnight): the part of the day before the end's date, as before the
# start's (the two days were read before as deadlines not joined, flagged).
_PART_OF_DAY_BEFORE_END = r"(?:(?:rang\s+sang|sang|trua|chieu|toi|dem)\s+(?=(?:ngay\s+)?\d))?"
_DATE_RANGE = re.compile(
    rf"(?:{_BEGIN}?tu\s+{_PART_OF_DAY_AFTER_FROM}|{_BEGIN_AT_DAY})?{_NAMED_DAY}(?:ngay\s+)?{_RANGE_START}(?:\s*\))?{_ASIDE}\s*,?\s*(?:{_LASTS_TO}|-)"
    rf"\s*(?:ngay\s+(?=het\s))?(?:het\s+|truoc\s+|dut\s+diem\s+)?{_PART_OF_DAY_BEFORE_END}{_NAMED_DAY}(?:ngay\s+)?{ANY_DATE}"
)
# "bắt đầu từ ngày 19/1, dự kiến kết thúc vào ngày 30/9/2018", "từ ngày 5/3, hoàn thành
# trước 30/4": a start, then the close said as the work's end ("kết thúc", "hoàn thành",
# "hoàn tất", "xong"): one window, due at its close. "khai mạc vào tối ngày 24/11 và bế mạc
# vào ngày 25/11": an opening and its close, the same.
_CLOSE_VERB = r"(?:ket\s+thuc|be\s+mac|hoan\s+(?:thanh|tat)|xong)"
# "khai mạc vào tối 30.10 và sẽ diễn ra tới ngày 5.11" (round twenty-one, on a round-nineteen
# phrase it had left flagged; without "sẽ" it was read as two deadlines, without a flag):
# how long it goes on after its start or opening is its close, as above.
_GOES_ON_TO = r"(?:dien\s+ra|keo\s+dai)\s+(?:den|toi)(?:\s+het)?"
# "bắt đầu từ sáng ngày 2/3 và kết thúc vào lúc 17 giờ ngày 9/3" (round twenty-eight, a fair's
# days; "bắt đầu từ" was left unread and flagged): the part of the day after "từ", as in a range.
# "Bắt đầu ngày 10/5, kết thúc ngày 20/5" (probed, hprobe12): the start said without "từ"
# before its day, then the close; read before as two deadlines, flagged.
# "học kỳ I được bắt đầu ngày 06/9/2024, kết thúc ngày 18/01/2025" (round twenty-nine, a
# school year's framework): "bắt đầu" with its day and no "từ", then the close; one window
# ("bắt đầu" was left unread and the two days read as two deadlines, flagged).
# "từ ngày 20/6 và kết thúc gieo cấy vào ngày 5/7" (round forty-nine): the work's words (up
# to three, none a timing word) between the close verb and "vào"/"trước" before its day, as
# ``_BEGIN`` allows them after "bắt đầu".
_NOT_WORK = (
    r"(?!(?:tu|den|toi|ngay|thang|nam|quy|tuan|truoc|sau|chu|tai|vao|luc|trong|cham|muon"
    r"|tre|va|hoac|dot|lan|ky|hang|moi|du|se|phai)(?![a-z]))(?!thu(?![a-z])(?!\s+hoach))"
)
_CLOSED_WORK = rf"(?:(?:\s+{_NOT_WORK}[a-z]+){{1,3}}(?=\s+(?:vao|truoc|(?:cham|muon)\s+nhat)\s))?"
# "khai mạc chiều 10/10, bế mạc sáng 12/10" (hfirst52): the part of the day before the close's
# date, as before a range's end ("bế" was left unread, flagged).
# "từ 1/9, chậm nhất đến 10/10" (round fifty-seven, hfirst57): a start, then how far the work
# may run at the latest ("chậm nhất", "muộn nhất", "trễ nhất" then "đến"/"tới"): the window's
# end, as a close said with its verb. Without "đến" ("từ 1/9, chậm nhất 10/10") a deadline
# beside a start is still left to flag (``reader._start_beside_a_deadline``).
# "bắt đầu thực hiện từ 15/3, hoàn thành trước 30/6" (probed, hprobe27): the work's words between
# "bắt đầu" and "từ", as ``_BEGIN`` allows them in a range ("bắt đầu" was left unread, flagged).
_LATEST_TO = r"(?:cham|muon|tre)\s+nhat\s+(?:la\s+)?(?:den|toi)(?:\s+het)?"
_START_THEN_CLOSE = re.compile(
    rf"(?:{_BEGIN}?tu\s+{_PART_OF_DAY_AFTER_FROM}|bat\s+dau\s*:\s*|{_BEGIN_AT_DAY}|khai\s+mac\s*:?\s*(?:(?:luc|vao)\s+)?(?:(?:sang|chieu|toi|dem)\s+)?)"
    rf"{_NAMED_DAY}(?:ngay\s+)?{_RANGE_START}{_ASIDE}\s*[,;]?\s*(?:va\s+)?"
    rf"(?:(?:du\s+kien|se|phai)\s+)?(?:{_CLOSE_VERB}{_CLOSED_WORK}|{_GOES_ON_TO}|{_LATEST_TO})\s*:?\s+(?:(?:vao|truoc|trong|(?:cham|muon|tre)\s+nhat(?:\s+(?:la|vao))?)\s+)?"
    rf"{_PART_OF_DAY_BEFORE_END}{_NAMED_DAY}(?:ngay\s+)?{ANY_DATE}"
)
# "triển khai từ tháng 9/2025 và hoàn thành trước ngày 15/10/2025": the start a month (its
# first day), then the close, as above; one window. Round twelve.
_MONTH_THEN_CLOSE = re.compile(
    r"(?<![a-z])(?:bat\s+dau\s+)?tu\s+thang\s+(\d{1,2})(?:\s*(?:/|-|\.|nam)\s*(\d{4}))?"
    r"\s*[,;]?\s*(?:va\s+)?(?:(?:du\s+kien|se|phai)\s+)?"
    rf"{_CLOSE_VERB}\s*:?\s+(?:(?:vao|truoc|(?:cham|muon|tre)\s+nhat(?:\s+(?:la|vao))?)\s+)?"
    rf"(?:ngay\s+)?{ANY_DATE}"
)
# "bắt đầu từ tháng 3/2026 và kết thúc vào tháng 6/2026", "triển khai từ tháng 3, hoàn
# thành trong tháng 10/2026" (probed, hprobe12): the start a month, the close a month; one
# window from the first's first day to the second's last. Before, a start (continuous work)
# beside a deadline, flagged.
_MONTH_THEN_CLOSE_MONTH = re.compile(
    r"(?<![a-z])(?:bat\s+dau\s+)?tu\s+thang\s+(\d{1,2})(?:\s*(?:/|-|\.|nam)\s*(\d{4}))?"
    r"\s*[,;]?\s*(?:va\s+)?(?:(?:du\s+kien|se|phai)\s+)?"
    rf"{_CLOSE_VERB}\s*:?\s+(?:(?:vao|trong|truoc\s+het)\s+)?"
    r"thang\s+(\d{1,2})(?:\s*(?:/|-|\.|nam)\s*(\d{4}))?(?![\d/\-]|\.\d)"
)
# "bắt đầu từ quý I.2022, hoàn thành trước ngày 31.5.2022" (round twenty-three): the start a
# quarter (its first day), then the close, as a month's above; one window. Before, the quarter
# was read as a window of its own beside the deadline, "bắt đầu từ" left unread.
_QUARTER_THEN_CLOSE = re.compile(
    rf"(?<![a-z])(?:bat\s+dau\s+)?tu\s+quy\s+({_ROMAN_Q})(?:{YEAR})?"
    r"\s*[,;]?\s*(?:va\s+)?(?:(?:du\s+kien|se|phai)\s+)?"
    rf"{_CLOSE_VERB}\s*:?\s+(?:(?:vao|truoc|(?:cham|muon|tre)\s+nhat(?:\s+(?:la|vao))?)\s+)?"
    rf"(?:ngay\s+)?{ANY_DATE}"
)
# "lũy kế từ đầu năm đến tháng 8/2023", "từ đầu năm đến ngày 15/6": a window from the year's
# first day (of the bound's year) to the bound. "từ đầu năm đến nay" has no bound and stays
# unread. Round twelve.
_FROM_YEAR_START = re.compile(
    r"(?<![a-z])tu\s+dau\s+nam(?:\s+nay)?\s*,?\s*(?:den|toi)\s+(?:het\s+)?"
    r"(?:thang\s+(\d{1,2})(?:\s*(?:/|-|\.|nam)\s*(\d{4}))?(?![\d/.-])|(?:ngay\s+)?"
    rf"{ANY_DATE})"
)
_GOES_ON = re.compile(rf"(?<![a-z]){_GOES_ON_TO}(?![a-z])")
# A range's first day after a bound ("trước", "hạn chót", "chậm nhất"), its second after
# "kéo dài" or "gia hạn": a deadline stretched, no window (probed, hprobe12).
_EXTENDED = re.compile(r"(?<![a-z])(?:keo\s+dai|gia\s+han)(?![a-z])")
_BOUND_BEFORE_A_RANGE = re.compile(
    r"(?<![a-z])(?:truoc|han\s+chot|(?:cham|muon|tre)\s+nhat(?:\s+(?:la|vao))?|thoi\s+han|han)\s*:?\s*"
    r"(?:(?:ngay|vao)\s+)?$"
)
_SOME_CLOSE = re.compile(rf"(?<![a-z])(?:{_CLOSE_VERB}|{_GOES_ON_TO}|{_LATEST_TO})(?![a-z])")
_WEEKDAY_AT = re.compile(
    r"thu\s+(hai|ba|tu|nam|sau|bay|[2-7])\b|chu\s+nhat|\(\s*(?:t\s*([2-7])|cn)\s*\)"
)
_WEEKDAY_NUMBER = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}


# What joins a range's two ends ("đến", "tới", a dash, the close's verb).
_JOINT = re.compile(rf"(?<![a-z])(?:den|toi|{_CLOSE_VERB})(?![a-z])|-")


_BRACKET = re.compile(r"\([^()]*\)")


def _first_date_end(match: re.Match[str]) -> int:
    """Where a range's first date ends (its groups 1–6, as ``_RANGE_START`` has them)."""
    return max(match.end(i) for i in range(1, 7) if match.group(i))


def _weekdays_disagree(match: re.Match[str], start: date, due: date) -> bool:
    """Whether a weekday written at an end of a range names another day than that end: one
    written before the words joining the two dates names the start ("từ thứ Hai 3/8",
    "3/8 (thứ Hai) đến"), one after them the end ("đến thứ Sáu 7/8")."""
    ends = [match.start(i) for i in range(7, min(13, match.re.groups + 1)) if match.group(i)]
    if ends:
        first_end = _first_date_end(match)
        joint = _JOINT.search(match.string, first_end, min(ends))
        middle = joint.start() if joint else first_end
    else:  # a start alone: "Từ thứ Hai, 03/8/2026"
        middle = match.end()
    for named in _WEEKDAY_AT.finditer(match.string, match.start(), match.end()):
        word = named[1] or named[2]
        number = (
            6
            if word is None
            else _WEEKDAY_NUMBER.get(word, int(word) - 2 if word.isdigit() else -1)
        )
        end = due if named.start() > middle else start
        if end.weekday() != number:
            return True
    return False


# "Từ 15/9 đến tháng 2/2015", "bắt đầu từ ngày 1/9 đến hết năm": from a day to the end of
# a month or of the year; "từ 1/7 đến hết năm 2023" (round twenty-nine, a shellfish ban):
# the year named after "năm" (left unread before, the start read as the due day, flagged).
# "khai mạc vào tối 29/11 tới, kéo dài đến cuối tháng 12": an opening, then how long it
# lasts ("tới" after a date is "the coming").
_DATE_TO_PERIOD = re.compile(
    rf"(?:(?:bat\s+dau\s+)?tu\s+|khai\s+mac\s+(?:vao\s+)?(?:(?:sang|chieu|toi|dem)\s+)?)(?:ngay\s+)?{_RANGE_START}"
    rf"(?:\s+toi(?=\s*,))?\s*,?\s*{_LASTS_TO}"
    r"\s*(?:het\s+|cuoi\s+)?(?:thang\s+(\d{1,2})|(nam))(?:(?:\s*[/.\-]\s*|\s+nam\s+|(?<=nam)\s+)(\d{4}))?(?![\d/\-]|\.\d|\s+\d)"
)


# "Từ 20-30/5/2024", "Ngày 20-25/5": days of one month.
# "Từ ngày 15 đến 21-4", "từ ngày 13 đến hết ngày 15/02/2025", "từ ngày 12 đến 19-11-2014".
# "từ đêm 7 đến ngày 9/9", "từ sáng ngày 3 đến chiều 5/6", "từ ngày mùng 7 đến hết ngày 10/7"
# (round forty-nine): the part of the day after "từ" or before the end, as in a range of full
# dates, and "mùng" before a day of the month written with its month in figures (the solar
# days 1 to 10, as "mùng" is said of them; "từ" unread before, flagged).
_DAY_RANGE = re.compile(
    rf"(?:(?:bat\s+dau\s+)?tu\s+{_PART_OF_DAY_AFTER_FROM}|{_BEGIN_AT_DAY})?(?:ngay\s+)?(?:mung\s+(?=(?:[1-9]|10)\s))?(\d{{1,2}})\s*(?:-|den|toi)\s*(?:het\s+|truoc\s+)?{_PART_OF_DAY_BEFORE_END}(?:ngay\s+)?(\d{{1,2}})"
    r"(?:\s*[/.]\s*|\s*-\s*(?=\d{1,2}(?:\s*[/.\-]\s*\d{4})?(?![\d/.\-]))|\s+thang\s+)(\d{1,2})"
    rf"(?:(?:\s*[/.\-]\s*|\s+nam\s+)(\d{{4}}))?{NUMBER_ENDS}"
)


# "Ngày 15 và 16-7", "vào ngày 21 và ngày 22 tháng 11 năm 2018": days of one month, each due.
# "ngày 20 và cả ngày 21/11" (round twenty-three): "cả" ("also") joins them as "và" does.
# "diễn ra 2 ngày, 20 và 21-5" (round twenty-eight): a comma after "ngày" of a count before
# the days it lists (left unread and flagged before).
_DAY_LIST = re.compile(
    r"(?:vao\s+)?ngay(?:\s*,\s*|\s+)(\d{1,2})((?:\s*(?:,|va(?:\s+ca)?)\s*(?:ngay\s+)?\d{1,2})+)(?:\s*[/.\-]\s*|\s+thang\s+)(\d{1,2})"
    rf"(?:(?:\s*[/.\-]\s*|\s+nam\s+)(\d{{4}}))?{NUMBER_ENDS}"
)


# "trong 2 ngày (1 và 2-6)": the days a count names, listed in brackets after it.
_DAY_LIST_BRACKETED = re.compile(
    r"(?<![a-z])ngay\s*\(\s*(?:ngay\s+)?(\d{1,2})((?:\s*(?:,|va)\s*(?:ngay\s+)?\d{1,2})+)"
    r"(?:\s*[/.\-]\s*|\s+thang\s+)(\d{1,2})"
    r"(?:(?:\s*[/.\-]\s*|\s+nam\s+)(\d{4}))?\s*\)"
)


# "Tháng 10/2024 đến tháng 12/2024", "Tháng 12/2024 - Tháng 1/2025": one window.
# "từ tháng 07 năm 2021 đến tháng 10 năm 2021": the year in words at each end.
# "từ tháng 11-2024 đến tháng 3-2025" (the tune part's older misses, hfirst5859; round
# fifty-seven, hfirst57): or after a dash, as newspapers write it; four figures after it are no
# month ("tháng 12-1/2027" is two months), so the dash joining the two ends stays unambiguous.
_MONTH_YEAR_RANGE = re.compile(
    r"(?:tu\s+)?thang\s+(\d{1,2})(?:\s*[/.\-]\s*|\s+nam\s+)(\d{4})\s*(?:den|-|toi)\s*(?:het\s+|cuoi\s+)?"
    rf"(?:thang\s+)?(\d{{1,2}})(?:\s*[/.\-]\s*|\s+nam\s+)(\d{{4}}){NUMBER_ENDS}"
)


# "vào tháng 5, 6/2020", "trong tháng 9 và tháng 10/2022": two months in a row, the year
# written once after the second, are one window over both (due at the second's end). Not
# months apart ("tháng 4, tháng 8": two windows), nor months of every year ("tháng 6, 7
# hằng năm").
# Three or more ("tháng 6, 7, 8/2024") likewise; a list not in a row is one window per month,
# each in the year written ("tháng 3, 6, 9/2024").
# "tháng 3 & 4", "tháng 5 + 6/2025" (round fifty, hfirst50): "&" and "+" join the months as
# "và" does (read before as the first month, the second flagged or, with a year after it, as
# two months' windows without a flag).
_MONTH_JOINT = r"(?:,|va|&|\+)"
_NEXT_MONTHS = re.compile(
    rf"thang\s+(\d{{1,2}}(?:\s*{_MONTH_JOINT}\s*(?:thang\s+)?\d{{1,2}})+)(?:\s*[/.\-]\s*|\s+nam\s+)(\d{{4}})"
    rf"{NUMBER_ENDS}"
    r"(?!\s*,?\s*(?:hang|moi)\s+nam)"
)
# "trong tháng 3, tháng 4", "vào tháng 5 và tháng 6": months in a row with no year written
# are likewise one window, in the plan's year (before, each month was a window of its own,
# two deadlines without a flag). Not a list apart ("tháng 4, tháng 8"), nor months of every
# year, nor a number that counts something else ("tháng 5, 6 ngày"), nor a day's months
# ("ngày 20 tháng 5, 6").
_NEXT_MONTHS_YEARLESS = re.compile(
    rf"(?<!\d\s)(?<!\d)thang\s+(\d{{1,2}}(?:\s*{_MONTH_JOINT}\s*(?:thang\s+)?\d{{1,2}})+)(?![\d/.\-])"
    r"(?!\s*(?:nam\s+\d|,?\s*(?:hang|moi|cac)\s+nam|ngay|gio|h(?![a-z])|lan|thang|tuan|dot))"
)
_DAY_BEFORE = re.compile(r"ngay\s+\d{1,2}\s*(?:cua\s+)?(?:cac\s+)?$")
# "trong 2 tháng 5 và 6", "trong 02 tháng (tháng 5 và tháng 6)": a count of months, then the
# months it counts (as many as the count): read before as the 2nd of May and of June, without
# a flag, or flagged on the count (found probing beside round thirteen).
_COUNT_OF_MONTHS = {"2": 2, "02": 2, "3": 3, "03": 3, "4": 4, "04": 4, "hai": 2, "ba": 3, "bon": 4}
_COUNTED_MONTHS = re.compile(
    r"(?<![a-z])trong\s+(?:vong\s+|thoi\s+gian\s+)?(0?[2-4]|hai|ba|bon)\s+thang\s*[(:]?\s*(?:thang\s+)?"
    rf"(\d{{1,2}}(?:\s*{_MONTH_JOINT}\s*(?:thang\s+)?\d{{1,2}})+)(?:\s*[/.]\s*(\d{{4}})|\s+nam\s+(\d{{4}}))?"
    r"\s*\)?(?![\d/.\-])(?!\s*(?:nam\s+[a-z]|,?\s*(?:hang|moi|cac)\s+nam|ngay|gio))"
)
# "tháng 3 và tháng 4 năm sau": a year said in words after the last of listed months may
# hold for all of them or for the last alone; read before as the first in the plan's year and
# the last in the next, without a flag. Flagged (found probing beside round thirteen); not
# when the months turn the year ("tháng 7 và tháng 1 năm sau"): the year is the last one's.
_MONTHS_THEN_OTHER_YEAR = re.compile(
    rf"thang\s+\d{{1,2}}(?:\s*{_MONTH_JOINT}\s*(?:thang\s+)?\d{{1,2}})+\s*,?\s+nam\s+"
    r"(?:sau|toi|ke\s+tiep|tiep\s+theo|truoc|ngoai|qua)(?![a-z])"
)


# "từ năm 2022-2024", "từ năm 2022 đến năm 2024": a window of years, due at the last's end.
# "từ năm" says the numbers are years and the range is the work's: any range reads, one
# year long too ("từ năm 2024 đến năm 2024"), not only a plan's period (``_plan_years``).
_YEAR_RANGE = re.compile(rf"(?:bat\s+dau\s+)?tu\s+nam\s+{_YEARS_TO}(?![\d/])")


_DEADLINE_VERB = (
    r"(?:truoc|(?:cham|muon|tre)\s+nhat(?:\s+la)?(?:\s+vao)?|hoan\s+thanh(?:\s+truoc)?|han\s+(?:chot|cuoi)|han|den(?:\s+thoi\s+diem)?|toi"
    r"|khong\s+qua|xong\s+truoc|xong|trong|vao)"
)


_DEADLINE = re.compile(rf"(?:{_DEADLINE_VERB}\s*:?\s+(?:ngay\s+)?)?{ANY_DATE}")


# "từ ngày thứ Hai (3/3)" (round thirty-two, a museum's closing day): "ngày" before the
# weekday that names the day (read before as a deadline, "từ" left unread, flagged).
# "Từ 01/01/2024", "Từ tháng 4/2024" with no end: the work runs from then on.
# (Not "Thứ Tư 24/4/2024": a weekday, whose "Tư" folds to "tu".) "từ thời điểm 15/7 trở đi"
# (round thirty-seven): "thời điểm" (the moment) before the day says nothing more.
# "(hiệu lực từ ngày 15-2)": an entry into force is such a start ("hết hiệu lực", an
# expiry, is not: left to flag); "từ thứ Hai, ngày
# 23/2/2026" names its weekday, checked against the date.
# "từ ngày 12.4 tới", "kể từ ngày 1/7 tới đây" (round thirty-eight): "tới" closing the clause is
# "the coming" day, a start (left unread before, flagged); "tới" before more words or a date is
# the range's "to", as before.
# "Bắt đầu từ ngày 2/2/2026 (thứ Hai)" (probed, hprobe18): the weekday in brackets after the
# start's day names it (checked against the date); read before as a weekly cadence, flagged.
_WEEKDAY_BRACKETED = r"(?:\s*\(\s*(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s*\))?"
# "đi học trở lại từ ngày 2/3", "mở cửa trở lại từ 15/4" (the tune part's misses, hmiss): work
# resumed ("trở lại") from a day with no end is a start at that day, as "bắt đầu từ" is; "trở
# lại" was left unread and flagged. Only right before "từ" and a single day.
_FROM_DATE = re.compile(
    r"(?:(?<!het\s)(?:co\s+)?hieu\s+luc(?:\s+thi\s+hanh)?\s+(?:ke\s+)?)?"
    rf"(?:(?:{_BEGIN}|tro\s+lai\s+)?(?<!thu\s)tu\s+|bat\s+dau\s*:\s*|{_BEGIN_AT_DAY})(?:thoi\s+diem\s+)?(?:ngay\s+(?=thu\s|chu\s+nhat))?"
    rf"{_NAMED_DAY}(?:ngay\s+)?{ANY_DATE}{_WEEKDAY_BRACKETED}"
    r"(?:\s+tro\s+(?:di|ve\s+sau)(?![a-z])|\s+toi(?:\s+day)?(?=\s*(?:[,;:.)]|$))|(?!\s*(?:den|-|toi|tro\s+di)))"
)
_FROM_YEAR = re.compile(
    r"(?:bat\s+dau\s+)?tu\s+nam\s+(\d{4})(?:\s+tro\s+(?:di|ve\s+sau))?(?!\s*(?:den|-|toi|\d))"
)
# "áp dụng từ năm học 2025-2026", "kể từ năm học 2025 – 2026" (round thirty-five, texts taking
# effect): a start at a school year with no end, continuous work from its opening month,
# September (the school year is no calendar year: it starts in one and ends in the next).
# A bare "Từ năm học 2025-2026" (the tune part's misses, hmiss) is the same start: haudit9's
# convention reads a start at a school year alone as `cont`, as a start at a calendar year
# ("Từ năm 2026", ``_FROM_YEAR``) with no start word; the word that marks the start ("kể",
# "bắt đầu", "áp dụng", "thực hiện", "có hiệu lực") is no longer needed. Only two years one
# apart; "từ năm học 2025-2026 đến …" has an end and is left as before.
_FROM_SCHOOL_YEAR = re.compile(
    r"(?<![a-z])(?:(?:ke|bat\s+dau|ap\s+dung|thuc\s+hien|hieu\s+luc(?:\s+thi\s+hanh)?)\s+)?"
    r"(?<!thu\s)tu\s+nam\s+hoc\s+(\d{4})\s*[-–]\s*(\d{4})(?!\d)"
    r"(?:\s+tro\s+(?:di|ve\s+sau))?(?!\s*(?:den|-|–|toi))"
)
# "ngay từ ngày đầu tiên của năm 2026", "từ ngày đầu tiên của tháng 7/2025" (round thirty-five,
# texts taking effect): a start at a year's or a month's first day, named in words; continuous
# from that day (read before as the year's or the month's end, flagged). Only after "từ" and
# with the year written or the month's year known; "ngày đầu tiên" alone is left as before.
_FROM_FIRST_DAY = re.compile(
    r"(?<![a-z])tu\s+ngay\s+dau\s+tien\s+cua\s+"
    r"(?:nam\s+(\d{4})|thang\s+(\d{1,2})(?:\s*(?:/|-|\.|nam)\s*(\d{4}))?)(?![\d/.-])"
    r"(?!\s*(?:den|toi))"
)
# "Bắt đầu từ quý II năm 2026 trở đi", "từ tháng 9 trở đi" (probed, hprobe18): "trở đi"
# (onwards) closing the start says it again, as after a day or a year (left unread before,
# flagged). "từ đầu (giữa, cuối) tháng 9" says no day: left to flag, as the corpus labels it (a
# rule reading "từ đầu tháng" as the month's first day was withdrawn: a tune record is a review).
_ONWARDS = r"(?:\s+tro\s+(?:di|ve\s+sau)(?![a-z]))?"
_FROM_QUARTER = re.compile(
    rf"(?:bat\s+dau\s+)?tu\s+quy\s+({_ROMAN_Q})(?:{YEAR})?{_ONWARDS}"
    r"(?![\d/.]|\s*(?:den|-|toi|,|va|tro\s+di))"
)
_FROM_MONTH = re.compile(
    rf"(?:bat\s+dau\s+)?tu\s+thang\s+(\d{{1,2}})(?:{YEAR})?{_ONWARDS}"
    r"(?![\d/.]|\s*(?:den|-|toi|tro\s+di))"
)


_DEADLINE_STRICT = re.compile(rf"{_DEADLINE_VERB}\s+(?:ngay\s+)?{ANY_DATE}")


# (Not "từ ngày 01 tháng 12 năm 2016": a start, which ``starts`` reads.)
# (Nor "bắt đầu ngày 01 tháng 7 năm 2025": a start, as after "từ"; hfirst50.)
_WORDED = re.compile(
    rf"(?<![\d/.])(?<!tu\s)(?<!tu\sngay\s)(?<!bat\sdau\s)(?<!bat\sdau\sngay\s)(?<!bat\sdau\svao\sngay\s)"
    rf"(?<!bat\sdau\svao\s)(?:{_DEADLINE_VERB}\s+)?{DATE_WORDS}"
)


_BOUND_FIRST = re.compile(rf"{_DEADLINE_VERB}\s")


_DAY_ONLY = re.compile(
    r"(?:truoc|(?:cham|muon|tre)\s+nhat(?:\s+la)?|vao)?\s*ngay\s+(\d{1,2})(?![\d/.\-])"
)


def _quarter_window(quarter: int, year: int) -> Rule:
    start = date(year, quarter * 3 - 2, 1)
    return deadline(month_end(year, quarter * 3), start)


# "Từ quý II đến quý III/2026", "từ Quý II/2026 đến hết Quý III/2026": one window from the
# first quarter's first day to the last's end (read before as two deadlines, flagged).
_QUARTER_RANGE = re.compile(
    rf"(?:bat\s+dau\s+)?tu\s+quy\s+({_ROMAN_Q})(?:{YEAR})?\s*,?\s*(?:den|toi|-)\s*"
    rf"(?:het\s+|cuoi\s+)?quy\s+({_ROMAN_Q})(?:{YEAR})?(?![\d/])"
)


def _quarter_range(cell: Cell, match: re.Match[str]) -> None:
    first_year, last_year = match.group(2), match.group(4)
    if first_year and last_year and first_year != last_year:
        return  # across years: left to the readings of each, which flag
    year = need_year(cell, match, year_of(last_year or first_year, cell))
    first, last = _ROMAN[match.group(1)], _ROMAN[match.group(3)]
    if year is None or first >= last:
        return
    window = _quarter_window(last, year)
    assert window.due is not None
    cell.add(match, [deadline(window.due, _quarter_window(first, year).start)])


# "trong quý III và IV", "trong quý II, quý III năm 2026" (the tune part's remaining misses,
# hmiss2): quarters in a row after "trong" are one window over them, due at the last one's end,
# as months in a row are (the conventions' "Months listed"); read before as each quarter's
# window, without a flag. Only after "trong" (a bare "Quý III và Quý IV năm 2024", or a payment
# "quý III và quý IV-2012", stays each quarter's, as labelled and tested before), not quarters
# apart, not a dash, not quarters of every year or of a year said in words, not a list that
# labels what follows it ("trong quý I, II: trước 15/6"). "trong các quý II, III và IV", "trong
# quý II & III" (round sixty-three, hfirst63): "các" and "&" as with months ("trong các tháng 4
# và 5", "tháng 3 & 4").
_QUARTERS_IN_A_ROW = re.compile(
    rf"(?<![a-z])trong\s+(?:cac\s+)?quy\s+({_ROMAN_Q}(?:\s*(?:,|va|&)\s*(?:quy\s+)?{_ROMAN_Q})+)"
    rf"(?:{YEAR})?"
    r"(?![\d/.\-])(?!\s*(?:nam\s+[a-z]|,?\s*(?:hang|moi|cac)\s+nam|:|-|–))"
)


def _quarters_in_a_row(cell: Cell) -> None:
    for match in cell.matches(_QUARTERS_IN_A_ROW):
        numbers = [_ROMAN[q] for q in re.findall(r"iv|i{1,3}|[1-4]", match[1].replace("quy", " "))]
        if any(b - a != 1 for a, b in itertools.pairwise(numbers)):
            continue  # apart ("trong quý I và quý III") or out of order: each quarter's, as before
        year = need_year(cell, match, year_of(match[2], cell))
        if year is None:
            continue
        last = _quarter_window(numbers[-1], year)
        assert last.due is not None
        cell.add(match, [deadline(last.due, _quarter_window(numbers[0], year).start)])


def quarters(cell: Cell) -> None:
    if "trong" in cell.folded:
        _quarters_in_a_row(cell)
    for match in cell.matches(_QUARTERS):
        year = need_year(cell, match, year_of(match.group(3), cell))
        if year is None:
            continue
        where = match.group(1)
        numbers = [_ROMAN[q] for q in re.findall(r"iv|i{1,3}|[1-4]", match.group(2))]
        note = ""
        if "-" in match.group(2) and where != "truoc":
            # "Quý II-IV/2024": a dash between two quarters is a range, not a list of two.
            shown = cell.original(match.start(), match.end())
            if len(numbers) == 2 and numbers[0] < numbers[1] and where is None:
                first, last = _quarter_window(numbers[0], year), _quarter_window(numbers[1], year)
                assert last.due is not None
                cell.add(match, [deadline(last.due, first.start)])
            else:
                cell.add(match, [], f"'{shown}': các quý nối bằng gạch ngang, cần xem lại")
            continue
        if where == "truoc":
            previous = numbers[0] - 1
            rules = (
                [deadline(month_end(year, previous * 3))]
                if previous
                else [deadline(date(year - 1, 12, 31))]
            )
        elif where == "cuoi":
            rules = [deadline(month_end(year, q * 3)) for q in numbers]
        elif where in ("dau", "giua"):
            rules = [_quarter_window(q, year) for q in numbers]
            shown = cell.original(match.start(), match.end())
            note = f"'{shown}' không nêu ngày, tạm hiểu là hết quý"
        else:
            rules = [_quarter_window(q, year) for q in numbers]
        cell.add(match, rules, note)


# "thượng tuần tháng 9", "hạ tuần tháng 8/2024": the first, middle or last ten days of a
# month (1-10, 11-20, 21 to its end), offered due at that part's end, with a flag (the
# corpus labels "trung tuần" a review: roughly, not a day).
_TEN_DAYS = re.compile(
    rf"(thuong|trung|ha)\s+tuan\s+(?:cua\s+)?thang\s+(\d{{1,2}})(?:{YEAR})?(?!\s*[/.\-]?\s*\d)"
)
_TEN_DAYS_FIRST = {"thuong": 1, "trung": 11, "ha": 21}
# "Trong 10 ngày đầu tháng 8/2024": the first days of a month named, one window.
_FIRST_DAYS_OF_MONTH = re.compile(
    rf"(?:trong\s+)?(\d{{1,2}})\s+ngay\s+dau\s+(?:tien\s+)?(?:cua\s+)?thang\s+(\d{{1,2}})(?:{YEAR})?"
    r"(?!\s*[/.\-]?\s*\d)"
)


# "nửa cuối tháng 5", "trong 10 ngày cuối tháng 8/2026", "nửa đầu tháng 6" (probed, hprobe17):
# the last days of a month named are a window due at its end; its first half is offered due
# on the 15th, with a flag (half of 28 or 31 days: the 14th, the 15th or the 16th).
_PART_OF_MONTH = re.compile(
    rf"(?:trong\s+)?(?:(\d{{1,2}})\s+ngay|(nua))\s+(dau|cuoi)\s+(?:cung\s+)?(?:cua\s+)?thang\s+(\d{{1,2}})"
    rf"(?:{YEAR})?(?!\s*[/.\-]?\s*\d)"
)


def parts_of_months(cell: Cell) -> None:
    """Read before the cadences and the months, whose "cuối tháng 5" would leave "nửa"."""
    if "nua" not in cell.folded and "cuoi" not in cell.folded:
        return
    for match in cell.matches(_PART_OF_MONTH):
        days, half, where, month = match[1], match[2], match[3], int(match[4])
        if not 1 <= month <= 12 or (days and (where == "dau" or not 1 <= int(days) <= 28)):
            continue  # the first N days are ``_FIRST_DAYS_OF_MONTH``'s
        year = need_year(cell, match, year_of(match[5], cell))
        if year is None:
            continue
        end = month_end(year, month)
        if where == "cuoi":
            first = end.day - int(days) + 1 if days else 16
            cell.add(match, [deadline(end, date(year, month, first))])
        elif half:
            shown = cell.original(match.start(), match.end())
            note = f"'{shown}' là khoảng ngày 1-15, không nêu ngày hạn"
            cell.add(match, [deadline(date(year, month, 15), date(year, month, 1))], note)


# "vào đầu tháng 5.2026 (trước ngày 15.5.2026)" (round forty-five, a congress planned): a
# bound in brackets after the beginning or the middle of a month, a day of that same month,
# says the day the vague words do not; the bound is read as the deadline, without a flag.
_BOUND_ASIDE = re.compile(
    r"\s*\(\s*(?:truoc|cham\s+nhat(?:\s+la)?|khong\s+(?:muon|tre)\s+hon)\s+(?:ngay\s+)?"
    r"(\d{1,2})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*(\d{4}))?\s*\)"
)


def _bound_in_the_month(cell: Cell, at: int, year: int, month: int) -> bool:
    bound = _BOUND_ASIDE.match(cell.folded, at)
    return (
        bound is not None
        and int(bound[2]) == month
        and 1 <= int(bound[1]) <= month_end(year, month).day
        and (bound[3] is None or int(bound[3]) == year)
    )


def months(cell: Cell) -> None:
    for match in cell.matches(_TEN_DAYS) if "tuan" in cell.folded else ():
        year = need_year(cell, match, year_of(match.group(3), cell))
        month = int(match.group(2))
        if year is None or not 1 <= month <= 12:
            continue
        first = _TEN_DAYS_FIRST[match.group(1)]
        last = month_end(year, month) if first == 21 else date(year, month, first + 9)
        shown = cell.original(match.start(), match.end())
        note = f"'{shown}' là khoảng ngày {first}-{last.day}, không nêu ngày hạn"
        cell.add(match, [deadline(last, date(year, month, first))], note)
    for match in cell.matches(_FIRST_DAYS_OF_MONTH) if "dau" in cell.folded else ():
        year = need_year(cell, match, year_of(match.group(3), cell))
        days, month = int(match.group(1)), int(match.group(2))
        if year is not None and 1 <= month <= 12 and 1 <= days <= 28:
            cell.add(match, [deadline(date(year, month, days), date(year, month, 1))])
    for match in cell.matches(_HALF):
        year = need_year(cell, match, year_of(match.group(3), cell))
        if year is None:
            continue
        months = int(match.group(1) or 6)
        first = 1 if match.group(2) == "dau" else 13 - months
        cell.add(match, [deadline(month_end(year, first + months - 1), date(year, first, 1))])
    for match in cell.matches(_REST_OF_YEAR) if "con lai" in cell.folded else ():
        year = need_year(cell, match, year_of(match.group(1), cell))
        if year is not None:
            cell.add(match, [deadline(date(year, 12, 31))])
    for match in cell.matches(_MONTHS_OF_YEAR) if "thang" in cell.folded else ():
        year = int(match.group(2))
        months = int(match.group(1))
        cell.add(match, [deadline(month_end(year, months), date(year, 1, 1))])
    for match in cell.matches(_BEFORE_MONTH):
        year = need_year(cell, match, year_of(match.group(2), cell))
        month = int(match.group(1))
        if year is not None and 1 <= month <= 12:
            due = date(year, month, 1).replace(day=1)
            cell.add(match, [deadline(due.fromordinal(due.toordinal() - 1))])
    year_end = "het nam" in cell.folded or "cuoi nam" in cell.folded
    for match in cell.matches(_MONTH_TO_YEAR_END) if year_end else ():
        from_year, to_year = match.group(2), match.group(3)
        if from_year and to_year and from_year != to_year:
            continue  # across years: left to flag
        year = need_year(cell, match, year_of(from_year or to_year, cell))
        month = int(match.group(1))
        if year is not None and 1 <= month <= 12:
            cell.add(match, [deadline(date(year, 12, 31), date(year, month, 1))])
    for match in cell.matches(_MONTH):
        if re.match(r"den|toi", match[0]) and re.search(
            rf"(?<![a-z])tu(?![a-z])(?!\s+(?:{NOW_WORDS}|sau\s+(?:(?:ky\s+)?nghi\s+)?tet))",
            cell.folded[: match.start()],
        ):
            continue  # "từ … đến hết tháng 4" whose start no range took ("từ nay" did): left to flag
        year = need_year(cell, match, year_of(match.group(3), cell))
        month = int(match.group(2))
        if year is None or not 1 <= month <= 12:
            continue
        where = match.group(1)
        if where in ("dau", "giua"):
            note = f"'{cell.original(match.start(), match.end())}' không nêu ngày, tạm hiểu là hết tháng"
            if _bound_in_the_month(cell, match.end(), year, month):
                note = ""  # "đầu tháng 5.2026 (trước ngày 15.5.2026)": the bound says the day
            cell.add(match, [deadline(month_end(year, month), date(year, month, 1))], note)
        elif where == "cuoi":
            cell.add(match, [deadline(month_end(year, month))])
        else:
            cell.add(match, [deadline(month_end(year, month), date(year, month, 1))])
    for match in cell.matches(_MONTH_YEAR):
        month, year = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            cell.add(match, [deadline(month_end(year, month), date(year, month, 1))])
    _days_in_month(cell)
    _weeks_in_month(cell)


# "2 tuần cuối tháng 12", "01 tuần đầu tháng 3": some weeks at one end of a month; the
# month's end (or its start, asked about as "đầu tháng" is) reads them, the count of weeks
# (one to four) changes no date.
_WEEKS_BEFORE = re.compile(r"(?<![\d/.,])(?:0?[1-4]|mot|hai|ba|bon)\s+tuan\s+(?:le\s+)?$")


def _weeks_in_month(cell: Cell) -> None:
    if "tuan" not in cell.folded:
        return
    for found in cell.found:
        if not re.match(r"(?:cuoi|dau|giua)\s+thang", cell.folded[found.start :]):
            continue
        count = _WEEKS_BEFORE.search(cell.folded[: found.start])
        if count and cell.free(count.start(), count.end()):
            cell.take(count.start(), count.end())


# "trong 3 ngày tháng 9/2021": some days of a month the phrase names, which ones unsaid;
# the month's window holds them and is due at its end.
_DAYS_OF_MONTH = re.compile(r"trong\s+(\d{1,2})\s+ngay\s*,?\s*(?:(?:cua|trong)\s+)?$")


def _days_in_month(cell: Cell) -> None:
    for found in cell.found:
        if len(found.rules) != 1 or not cell.folded.startswith("thang", found.start):
            continue
        rule = found.rules[0]
        if rule.kind != "deadline" or rule.start is None or rule.due is None or rule.start.day != 1:
            continue
        count = _DAYS_OF_MONTH.search(cell.folded[: found.start])
        whole = rule.due == month_end(rule.start.year, rule.start.month)
        if count and whole and 0 < int(count[1]) <= rule.due.day:
            cell.take(count.start(), count.end())


# "Trước năm 2025": by the end of the year before (as "trước tháng 6" is by 31/5).
_BEFORE_YEAR = re.compile(r"(?<![a-z])truoc\s+nam\s+(\d{4})(?![\d/])")


# In a sentence, a year is a deadline only after the words that bound it: "tổng kết vào
# cuối năm 2026", "hoàn thành trong năm 2026", "đến hết năm 2026"; "năm 2026" alone names the
# plan's year or a law's ("Luật Đất đai năm 2024").
_YEAR_BOUND_IN_SENTENCE = re.compile(
    r"(?<![a-z])(?:(?:hoan\s+(?:thanh|tat)|xong|ket\s+thuc)(?:\s+(?:truoc|trong|vao))?|vao|truoc"
    r"|(?:den|toi)\s+het|(?:cham|muon|tre)\s+nhat(?:\s+(?:la|vao))*)\s+$"
)


# "Từ nay đến hết năm", "đến hết năm nay" (probed, hprobe18): the end of the plan's year, as
# "đến cuối năm" is (left unread before, flagged). Not "hết năm ngày" (five days) nor a year
# named after it (read with its number).
_TO_YEAR_END = re.compile(
    r"(?<![a-z])(?:cho\s+)?(?:den|toi)\s+het\s+nam(?:\s+nay)?(?![a-z\d/])"
    r"(?!\s*(?:\d|ngay|tuan|thang|nam|gio|phut|lan|hoc|sau|truoc|toi|tai|ke)(?![a-z]))"
)


# "vào cuối năm 2026 và đầu năm 2027": a year joined to one read before it is bound as it is.
_YEAR_JOINT = re.compile(r"(\S)\s*(?:,|va|hoac|den)\s+$")


def _bounded_in_sentence(cell: Cell, match: re.Match[str]) -> bool:
    if _YEAR_BOUND_IN_SENTENCE.search(cell.folded, 0, match.start()):
        return True
    joint = _YEAR_JOINT.search(cell.folded, max(0, match.start() - 24), match.start())
    return joint is not None and cell.taken[joint.start(1)] == 1


# "trình tại kỳ họp cuối năm", "kỳ họp thường lệ cuối năm 2025", "kỳ họp HĐND tỉnh cuối năm"
# (round forty-one, councils' programmes): "cuối năm" names the council's year-end session,
# held on a day of December the phrase does not give (the corpus labels such sessions reviews);
# read before as 31/12 without a flag. Up to four words of the council's name may stand between,
# none a bound word; a session with its own day or month ("kỳ họp cuối năm (tháng 12)") keeps
# that reading beside the flag.
_SESSION_BEFORE = re.compile(
    r"(?<![a-z])ky\s+hop(?:\s+(?!(?:vao|truoc|sau|den|toi|tu|trong|het|ngay|thang)(?![a-z]))[a-z]+){0,4}\s+$"
)


def _stage_of_a_read_range(cell: Cell) -> None:
    """ "chặng đường từ năm 2026 đến năm 2030": the years read first as a range of years (one
    window from 1/1 to 31/12 of a later year); the stage's words right before it are its own,
    as they are before the years alone (``_PHASE_BEFORE``)."""
    for found in cell.found:
        rules = found.rules
        if not (
            len(rules) == 1
            and rules[0].kind == "deadline"
            and rules[0].start is not None
            and rules[0].due is not None
            and (rules[0].start.month, rules[0].start.day, rules[0].due.month, rules[0].due.day)
            == (1, 1, 12, 31)
            and _plan_years(rules[0].start.year, rules[0].due.year)
        ):
            continue
        phase = _PHASE_BEFORE.search(cell.folded, max(0, found.start - 30), found.start)
        if phase is None or phase[2] is not None:
            continue  # "chặng đường 5 năm từ năm …": a count, read where it is one
        if not any(phase.start() <= other.start < found.start for other in cell.found):
            cell.take(phase.start(), found.start)


def _plan_window(
    cell: Cell, match: re.Match[str], first: int, last: int, count: int | None = None
) -> bool:
    """A plan's period of years read as its window, when it is one and the count of years
    written before it (if any) fits it; whether it was read."""
    if not _plan_years(first, last) or (
        count is not None and not _counts_the_years(count, first, last)
    ):
        return False
    cell.add(match, [_years_window(first, last)])
    return True


def years(cell: Cell, strict: bool = False) -> None:
    """A year, its start, middle or end ("cuối năm 2024", "trong năm 2024", "trước năm
    2025"). ``strict`` (a sentence): only a year its words bound as a deadline."""
    for match in cell.matches(_BEFORE_YEAR):
        cell.add(match, [deadline(date(int(match.group(1)) - 1, 12, 31))])
    # In a sentence, a plan's period names the plan ("Đề án … giai đoạn 2026 - 2030").
    staged = not strict and ("giai doan" in cell.folded or "chang duong" in cell.folded)
    for match in cell.matches(_PERIOD_OF_YEARS) if staged else ():
        if match[1] not in ("dau", "giua"):
            _plan_window(cell, match, int(match[2]), int(match[3]))
    for match in cell.matches(_PHASE_YEARS) if staged else ():
        phase = _PHASE_BEFORE.search(cell.folded, max(0, match.start() - 30), match.start())
        if phase is None:
            continue
        counted = phase[1] is not None and (
            phase[2] is not None or match[0].lstrip("( ").startswith("nam")
        )
        count = int(phase[1]) if counted else None
        if _plan_window(cell, match, int(match[2]), int(match[3]), count):
            # The stage's own words ("chặng đường tới") are the reading's, not a leftover.
            cell.take(phase.start(), match.start())
    if staged and "chang duong" in cell.folded:
        _stage_of_a_read_range(cell)
    for match in cell.matches(_TO_YEAR_END) if "het nam" in cell.folded else ():
        year = need_year(cell, match, year_of(None, cell))
        if year is not None:
            cell.add(match, [deadline(date(year, 12, 31))])
    for moved in (
        _MOVED_TO_A_BARE_YEAR.finditer(cell.folded)
        if "sang" in cell.folded or ("thanh" in cell.folded)
        else ()
    ):
        year_match = _FOUR_DIGITS.match(cell.folded, moved.start(1))
        if year_match is not None and cell.free(moved.start(1), moved.end(1)):
            year = int(moved[1])
            cell.add(year_match, [deadline(date(year, 12, 31), date(year, 1, 1))])
    for match in cell.matches(_UNTIL_BARE_YEAR) if not strict else ():
        if _NUMBER_BEFORE.search(cell.folded, 0, match.start()):
            continue
        year = int(match[1])
        cell.add(match, [deadline(date(year, 12, 31), date(year, 1, 1))])
    bare = _BARE_YEAR_RANGE.fullmatch(cell.folded) if not strict else None
    if bare is not None and cell.free(0, len(cell.folded)):
        first, last_year = int(bare[2]), int(bare[3])
        if first + 1 < last_year <= first + 30:
            cell.add(bare, [_years_window(first, last_year)])
    for match in cell.matches(_COUNTED_YEARS) if not strict else ():
        _plan_window(cell, match, int(match[3]), int(match[4]), int(match[1]))
    for match in cell.matches(_YEAR_WORDS):
        where, given, last = match.group(1), match.group(2), match.group(3)
        if not where and not given:
            continue  # "năm" alone says nothing
        if strict and not _bounded_in_sentence(cell, match):
            continue
        year = need_year(cell, match, year_of(given, cell))
        if year is None:
            continue
        if where == "cuoi" and _SESSION_BEFORE.search(cell.folded, 0, match.start()):
            # "tại kỳ họp cuối năm 2025": the council's year-end session, not the year's end.
            cell.add(
                match,
                [deadline(date(year, 12, 31))],
                "'kỳ họp cuối năm': ngày họp không nêu, tạm hiểu là 31/12",
            )
        elif where == "cuoi":
            cell.add(match, [deadline(date(year, 12, 31))])
        elif where == "dau":
            cell.add(match, [deadline(date(year, 3, 31), date(year, 1, 1))],
                     "'đầu năm' không nêu ngày, tạm hiểu là trong quý I")  # fmt: skip
        elif where == "giua":
            cell.add(
                match, [deadline(date(year, 6, 30))], "'giữa năm' không nêu ngày, tạm hiểu là 30/6"
            )
        else:
            end_year = int(last) if last and int(last) >= year else year
            # "trong năm 2024 và năm 2025": the task in each year, or once over both? The
            # officer decides (a range, "từ năm 2024 đến 2025", is one window).
            # "từ nay đến năm 2025 và dài hạn đến năm 2035", "…, định hướng đến năm 2030":
            # a target and a longer horizon are two milestones (which binds?), a review as
            # the tune part labels them.
            listed = not last and any(whole_year(r) for f in cell.found for r in f.rules)
            note = "các năm kể ra: mỗi năm một hạn, hay một đợt qua các năm" if listed else ""
            cell.add(match, [deadline(date(end_year, 12, 31), date(year, 1, 1))], note)


# "trước ngày 31/01 năm sau", "chậm nhất ngày 15 tháng 3 của năm liền kề", "tháng 01 năm sau
# năm báo cáo": that day or month of the year after the plan's (or the report's) year.
_NEXT_YEAR = r"\s*,?\s+(?:cua\s+)?nam\s+(?:lien\s+sau|sau|lien\s+ke|tiep\s+theo|ke\s+tiep)(?:\s+(?:cua\s+)?nam\s+bao\s+cao)?(?![a-z\d])"
_DATE_NEXT_YEAR = re.compile(
    rf"(?:{_DEADLINE_VERB}\s*:?\s+)?(?:ngay\s+)?(\d{{1,2}})(?:{SEP}|\s+thang\s+)(\d{{1,2}}){_NEXT_YEAR}"
)
_MONTH_NEXT_YEAR = re.compile(rf"(?:(?:trong|vao|truoc)\s+)?thang\s+(\d{{1,2}}){_NEXT_YEAR}")
# "trong quý I năm sau", "quý I của năm tiếp theo": one quarter of the next year (read before as
# the plan year's quarter, flagged for the unread "năm sau"). One quarter only; "trước quý I năm
# sau" is the day before it starts.
_QUARTER_NEXT_YEAR = re.compile(
    rf"(?:(trong|vao|truoc)\s+)?quy\s+({_ROMAN_Q})(?!\s*(?:,|va|-|&)\s*{_ROMAN_Q}){_NEXT_YEAR}"
)


# "từ ngày 1/2 đến hết ngày 30/6 năm sau" (round eighteen, a budget's settlement steps): the
# year said after the window's end is its start's too, when the start comes first in the
# year; "từ 1/12 đến 31/1 năm sau" crosses into it from the plan's year. Either way one
# window, due at its end.
_RANGE_NEXT_YEAR = re.compile(
    rf"(?<![a-z])(?:tinh\s+)?tu\s+(?:ngay\s+)?(\d{{1,2}}){SEP}(\d{{1,2}})(?!\s*[/.\-]?\s*\d)\s*,?\s*"
    rf"(?:den|toi|-)\s*(?:het\s+)?(?:ngay\s+)?(\d{{1,2}})(?:{SEP}|\s+thang\s+)(\d{{1,2}}){_NEXT_YEAR}"
)


def _next_year(cell: Cell) -> None:
    for match in cell.matches(_RANGE_NEXT_YEAR) if " sau" in cell.folded else ():
        year = need_year(cell, match, cell.year)
        if year is None:
            continue
        first, last = (int(match[2]), int(match[1])), (int(match[4]), int(match[3]))
        try:
            since = date(year + 1 if first <= last else year, *first)
            due = date(year + 1, *last)
        except ValueError:
            continue
        cell.add(match, [deadline(due, since)])
    for match in cell.matches(_DATE_NEXT_YEAR):
        year = need_year(cell, match, cell.year)
        if year is None:
            continue
        try:
            due = date(year + 1, int(match[2]), int(match[1]))
        except ValueError:
            continue
        cell.add(match, [deadline(due)], "", yearless=True)
    for match in cell.matches(_MONTH_NEXT_YEAR):
        year = need_year(cell, match, cell.year)
        month = int(match[1])
        if year is None or not 1 <= month <= 12:
            continue
        if cell.folded[match.start() :].startswith("truoc"):
            cell.add(match, [deadline(date(year + 1, month, 1) - timedelta(days=1))])
        else:
            cell.add(match, [deadline(month_end(year + 1, month), date(year + 1, month, 1))])
    for match in cell.matches(_QUARTER_NEXT_YEAR) if "quy" in cell.folded else ():
        year = need_year(cell, match, cell.year)
        if year is None:
            continue
        opens = date(year + 1, _ROMAN[match[2]] * 3 - 2, 1)
        if match[1] == "truoc":
            cell.add(match, [deadline(opens - timedelta(days=1))])
        else:
            cell.add(match, [deadline(month_end(year + 1, opens.month + 2), opens)])


# "30 ngày bắt đầu từ ngày 1.7.2017": a count of days that starts on a date, the first day
# counted (as "trong 12 ngày, từ ngày 9-6 đến ngày 20-6" counts it).
_DAYS_FROM_DATE = re.compile(
    rf"(?:trong\s+)?(\d{{1,3}})\s+ngay\s*,?\s*bat\s+dau\s+(?:tu\s+)?(?:ngay\s+)?{ANY_DATE}"
)


# "10 ngày trước ngày 15/8", "chậm nhất 7 ngày trước ngày 20/7/2026", "trước 10 ngày so với
# ngày 15/8", "trước ngày 30/6 ít nhất 5 ngày" (hprobe24; hprobe23 left them flagged, "a count
# back from a written day reads no event"): calendar days counted back from a written day, due
# that many days before it. Working days are not counted here (the holidays are the calendar's,
# not the reader's): "5 ngày làm việc trước ngày 30/6" stays a review.
_DAYS_BEFORE_DATE = re.compile(
    rf"(?<![\d/.])(?:(?:it|toi)\s+(?:nhat|thieu)\s+(?:la\s+)?)?(\d{{1,3}})\s+ngay\s+truoc\s+ngay\s+{ANY_DATE}"
    rf"|truoc\s+(\d{{1,3}})\s+ngay\s+so\s+voi\s+ngay\s+{ANY_DATE}"
)
_DATE_THEN_AT_LEAST = re.compile(
    rf"truoc\s+ngay\s+{ANY_DATE}\s*,?\s+(?:it\s+nhat|toi\s+thieu)\s+(?:la\s+)?(\d{{1,3}})\s+ngay"
    r"(?!\s+lam\s+viec)(?![a-z\d])"
)


_NOT_A_LATEST = re.compile(
    r"(?<![a-z])(?:khong\s+(?:vuot\s+)?qua|toi\s+da|som\s+nhat|trong(?:\s+vong)?|khoang|nhieu\s+nhat"
    # "Thời gian 10 ngày trước ngày 15/6" (hprobe23): how long, or how far back?
    r"|thoi\s+gian(?:\s+[a-z]+){0,3}\s*:?)\s*$"
)


def days_before_a_date(cell: Cell) -> None:
    if "truoc" not in cell.folded:
        return
    for match in cell.matches(_DAYS_BEFORE_DATE):
        if _NOT_A_LATEST.search(cell.folded, 0, match.start()):
            continue  # "không quá 10 ngày trước ngày 15/8": not earlier than, a floor
        groups = match.groups()
        count, day = (
            (groups[0], date_from(groups[1:7], cell))
            if groups[0]
            else (
                groups[7],
                date_from(groups[8:14], cell),
            )
        )
        if day is not None and count is not None and 1 <= int(count) <= 366:
            cell.add(match, [deadline(day - timedelta(days=int(count)))])
    for match in cell.matches(_DATE_THEN_AT_LEAST):
        if _NOT_A_LATEST.search(cell.folded, 0, match.start()):
            continue
        day = date_from(match.groups()[:6], cell)
        if day is not None and 1 <= int(match[7]) <= 366:
            cell.add(match, [deadline(day - timedelta(days=int(match[7])))])


# "Gieo đầu tháng 11 đến 25/11", "bắt đầu từ tháng 8 đến ngày 25.9": a window from a month
# (or a part of it) to a date; the date is due.
_VAGUE_START_RANGE = re.compile(
    r"(?:(?:bat\s+dau\s+)?tu\s+(?:(?:dau|giua|cuoi)\s+)?|(?:dau|giua|cuoi)\s+)thang\s+(\d{1,2})"
    rf"\s*(?:den|toi|-)\s*(?:het\s+|truoc\s+)?(?:ngay\s+)?{ANY_DATE}"
)
# "từ nay đến 31/8", "từ hôm nay đến hết ngày 15/3": a window from now; its end is due.
# "từ nay cho đến hết ngày 5/5" (round twenty-one): "cho đến" is "đến".
# "từ đêm nay (22/10) đến ngày 27/10", "từ hôm nay (25/2) đến hết 5/3" (hsweep): "tonight",
# "this morning" are now too, and today's date in brackets after them changes no end.
# "từ ngày mai (30/11) đến ngày 3/12", "từ sáng nay đến sáng 15/10" (the tune part's older
# misses, hfirst5859; round fifty-seven, hfirst57): tomorrow and its parts ("ngày mai", "sáng
# mai"), today's noon, open a window as now does, and the end may carry its part of the day as a
# range's does ("từ" was left unread).
NOW_WORDS = (
    r"(?:nay|ngay\s+mai|(?:hom|dem|toi|sang|chieu|trua)\s+nay|(?:dem|toi|sang|chieu|trua)\s+mai"
    r"|bay\s+gio)"
)
_NOW = (
    rf"{NOW_WORDS}"
    r"(?:\s*\(\s*(?:ngay\s+)?\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?\s*\))?"
)
_FROM_NOW = re.compile(
    rf"(?:ke\s+)?tu\s+{_NOW}\s*,?\s*(?:cho\s+)?(?:den|toi)\s*(?:het\s+|truoc\s+)?"
    rf"{_PART_OF_DAY_BEFORE_END}(?:ngay\s+)?{ANY_DATE}"
)
# "Bắt đầu từ hôm nay (25/2)", "kể từ hôm nay (ngày 3/4/2026)" with no end (hsweep): a start
# at that day alone, continuous work from it, as "từ ngày 25/2" is.
_FROM_TODAY_DATED = re.compile(
    rf"(?:bat\s+dau\s+)?(?:ke\s+)?tu\s+(?:hom|dem|toi|sang|chieu)\s+nay\s*\(\s*(?:ngay\s+)?{ANY_DATE}\s*\)"
    r"(?!\s*,?\s*(?:cho\s+)?(?:den|toi|-|tro\s+di))"
)


# "Tính từ ngày 15/12 năm trước kỳ báo cáo đến ngày 14/12 của kỳ báo cáo": a data period
# from a day of the year before to a day of the report's year.
_FROM_PREVIOUS_YEAR = re.compile(
    rf"(?:tinh\s+)?tu\s+(?:ngay\s+)?(\d{{1,2}}){SEP}(\d{{1,2}})\s+(?:cua\s+)?nam\s+truoc"
    r"(?:\s+(?:cua\s+)?(?:ky|nam)\s+bao\s+cao)?\s*,?\s*(?:den|toi|-)\s*(?:het\s+)?(?:ngay\s+)?"
    rf"(\d{{1,2}}){SEP}(\d{{1,2}})(?:\s+(?:cua\s+)?(?:ky|nam)\s+bao\s+cao)?(?![\d/.])"
)


# "(Tuần thứ 07 từ ngày 09/02/2026 đến ngày 13/02/2026)": a week's number before its own
# dates; it names them (checked against the ISO week of the dates), adding nothing.
# "Tuần 1: Sáng 06/01/2021": a week's number before one day, its part of the day between.
# "Tuần 22 (27/5/2024 - 02/6/2024)": the week's dates in brackets after its number.
_WEEK_NUMBER = re.compile(
    r"tuan\s+(?:thu\s+|so\s+)?(\d{1,2})\s*(?:[,:]|\((?=[^()]*\)))?\s*((?:(?:sang|chieu|toi)\s+)?)(?=(?:tu\s+)?(?:ngay\s+)?\d)"
)


def _extra_windows(cell: Cell) -> None:
    for match in cell.matches(_FROM_PREVIOUS_YEAR):
        year = need_year(cell, match, cell.year)
        if year is None:
            continue
        try:
            since = date(year - 1, int(match[2]), int(match[1]))
            due = date(year, int(match[4]), int(match[3]))
        except ValueError:
            continue
        cell.add(match, [deadline(due, since)])
    for match in cell.matches(_DAYS_FROM_DATE):
        first = date_from(match.groups()[1:7], cell)
        count = int(match[1])
        if first is not None and 1 <= count <= 366:
            cell.add(match, [deadline(first + timedelta(days=count - 1), first)])
    for match in cell.matches(_FROM_NOW):
        end = date_from(match.groups()[:6], cell)
        today = re.search(r"\((?:\s*ngay)?\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})", match[0])
        if today and end is not None and (int(today[2]), int(today[1])) > (end.month, end.day):
            continue  # "từ hôm nay (25/10) đến 20/10": today after the end; left to flag
        if end is not None:
            cell.add(match, [deadline(end)])
    for match in cell.matches(_FROM_TODAY_DATED) if "nay" in cell.folded else ():
        opened = date_from(match.groups()[:6], cell)
        if opened is not None:
            cell.add(match, [Rule(kind="continuous", start=opened)])
    for match in cell.matches(_VAGUE_START_RANGE):
        end = date_from(match.groups()[1:7], cell)
        month = int(match[1])
        if end is not None and 1 <= month <= end.month:
            cell.add(match, [deadline(end, date(end.year, month, 1))])


# "vào cuối tuần từ 18-20/8": the weekend names the days of the window after it (checked:
# from Friday to Sunday, a Saturday or a Sunday among them).
# "Trong hai ngày cuối tuần vừa qua (4 - 5/1/2025)" (first sight of round sixty-one, hfirst6061):
# the weekend named loosely ("vừa qua", "qua", "này"), its days in brackets, is checked the same
# way; a count of its days must be the window's.
_WEEKEND = re.compile(
    r"(?:vao\s+)?(?:(?:trong\s+)?(\d{1,2})\s+ngay\s+)?cuoi\s+tuan"
    r"(?:\s+(?:vua\s+qua|qua|nay)(?=\s*\())?\s*,?\s*\(?\s*(?=(?:tu\s+)?(?:ngay\s+)?\d)"
)


def _weekends(cell: Cell) -> None:
    for match in cell.matches(_WEEKEND):
        window = next((f for f in cell.found if f.start == match.end()), None)
        rules = [r for r in window.rules if r.kind == "deadline"] if window else []
        if len(rules) != 1 or rules[0].due is None:
            continue
        due = rules[0].due
        first = rules[0].start or due
        days = [first + timedelta(days=n) for n in range((due - first).days + 1)]
        counted = match[1] is None or int(match[1]) == len(days)
        if (
            counted
            and len(days) <= 3
            and all(d.weekday() >= 4 for d in days)
            and days[-1].weekday() >= 5
        ):
            cell.take(match.start(), match.end())
        else:
            shown = cell.original(match.start(), window.end if window else match.end())
            cell.add(match, [], f"'cuối tuần' trong '{shown}' không khớp với ngày")


# "Tuần 24/2026", "trong tuần 24 năm 2026", "tuần thứ 05/2026" (hprobe24, weekly calendars): a
# week numbered with its year is the ISO week of that number (Monday to Sunday, as the "(Tuần
# 13)" beside a week's days is checked, round fourteen), due on its Sunday as a month is due on
# its last day. Not a number with no year ("Tuần 24": of a school year, a campaign, or the
# calendar's?), "của năm" in words, a month's or a quarter's week, nor a list or a range of
# weeks ("tuần 24-25/2026", "tuần 24 hoặc tuần 25/2026": the second week's "tuần" is read, the
# first left to flag). A week the year lacks ("Tuần 54/2026", "tuần 53/2027") reads nothing.
# "trước tuần 24/2026" is due on the Sunday before the week, as "trước tháng X" on the month
# before's last day.
_ISO_WEEK = re.compile(
    r"(?<![a-z\d])(?<!\d\s)(?<!hang\s)(?<!moi\s)(?<!cac\s)(?:(truoc)\s+)?tuan\s+(?:thu\s+)?(\d{1,2})"
    r"(?:\s*/\s*|\s+nam\s+)(\d{4})(?![\d/.\-])"
)


# "từ tuần 12 đến tuần 14/2026", "tuần 12/2026 đến tuần 14/2026" (hprobe25): a span of weeks
# numbered with one year, the first week's Monday to the last's Sunday (a window due at its end,
# as any span). Read before as the last week, flagged for the first. The year written once or
# twice, the same; the first week before the last.
_ISO_WEEK_SPAN = re.compile(
    r"(?<![a-z\d])(?:tu\s+)?tuan\s+(?:thu\s+)?(\d{1,2})(?:\s*/\s*(\d{4}))?\s*(?:den|toi|-|–)\s*"
    r"(?:het\s+)?tuan\s+(?:thu\s+)?(\d{1,2})(?:\s*/\s*|\s+nam\s+)(\d{4})(?![\d/.\-])"
)


def iso_weeks(cell: Cell) -> None:
    if "tuan" not in cell.folded:
        return
    for match in cell.matches(_ISO_WEEK_SPAN):
        if (match[2] and match[2] != match[4]) or int(match[1]) >= int(match[3]):
            continue
        try:
            monday = date.fromisocalendar(int(match[4]), int(match[1]), 1)
            sunday = date.fromisocalendar(int(match[4]), int(match[3]), 7)
        except ValueError:
            continue
        if cell.year is None or abs(sunday.year - cell.year) <= 1:
            cell.add(match, [deadline(sunday, monday)])
    for match in cell.matches(_ISO_WEEK):
        try:
            monday = date.fromisocalendar(int(match[3]), int(match[2]), 1)
        except ValueError:
            continue
        if cell.year is not None and abs(monday.year - cell.year) > 1:
            continue
        if match[1]:
            # "trước tuần 24/2026": the week before's last day, as "trước tháng X" is.
            cell.add(match, [deadline(monday - timedelta(days=1))])
        else:
            cell.add(match, [deadline(monday + timedelta(days=6), monday)])


# "Thứ Sáu tuần 24/2026", "chủ nhật của tuần 10/2026" (hprobe25): a weekday of a week numbered
# with its year is that day of the ISO week (Monday the first), a deadline. Read before as the
# week's Sunday: flagged for a weekday not Monday, and for "thứ Hai" silently (the weekday
# matched the week's first day).
_WEEKDAY_OF_ISO_WEEK = re.compile(
    r"(?<![a-z\d])(?:thu\s+(hai|ba|tu|nam|sau|bay|[2-7])|(chu\s+nhat|cn))\s*,?\s+(?:cua\s+)?"
    r"tuan\s+(?:thu\s+)?(\d{1,2})(?:\s*/\s*|\s+nam\s+)(\d{4})(?![\d/.\-])"
)


def weekdays_of_iso_weeks(cell: Cell) -> None:
    if "tuan" not in cell.folded:
        return
    for match in cell.matches(_WEEKDAY_OF_ISO_WEEK):
        if match[2]:
            weekday = 7
        elif match[1].isdigit():
            weekday = int(match[1]) - 1
        else:
            weekday = _WEEKDAY_NUMBER[match[1]] + 1
        try:
            day = date.fromisocalendar(int(match[4]), int(match[3]), weekday)
        except ValueError:
            continue
        if cell.year is not None and abs(day.year - cell.year) > 1:
            continue
        cell.add(match, [deadline(day)])


# "quý I, III hằng năm", "quý 1 và quý 3 hằng năm", "hằng năm vào quý II và quý IV" (hprobe25):
# quarters listed on a yearly cadence are each quarter's end, every year. Read before as a
# quarter's deadline beside a yearly cadence (flagged), or with "quý I, III" as three quarters.
_QUARTER_NUMBER = r"(?:iv|i{1,3}|[1-4])"
_QUARTERS_LISTED = (
    rf"quy\s+({_QUARTER_NUMBER})((?:\s*(?:,|va)\s*(?:quy\s+)?{_QUARTER_NUMBER})+)(?![a-z\d/.\-])"
)
_QUARTERS_EACH_YEAR = re.compile(
    rf"(?<![a-z])(?:(?:(hang|moi)\s+nam\s*,?\s*(?:vao\s+|trong\s+)?){_QUARTERS_LISTED}"
    rf"|(?:(?:vao|trong)\s+)?{_QUARTERS_LISTED}\s*,?\s*(hang|moi)\s+nam(?![a-z]))"
)


def quarters_each_year(cell: Cell) -> None:
    if "quy" not in cell.folded or "nam" not in cell.folded:
        return
    for match in cell.matches(_QUARTERS_EACH_YEAR):
        first, rest = (match[2], match[3]) if match[1] else (match[4], match[5])
        numbers = [first, *re.findall(_QUARTER_NUMBER + r"(?![a-z])", re.sub(r"quy|va", " ", rest))]
        quarters = sorted({_ROMAN[n] for n in numbers})
        # Quarters next to each other (one span, or each?) and a day of the quarter written
        # elsewhere in the cell ("…, trước ngày 15 của tháng cuối quý") are left as before.
        if (
            len(quarters) != len(numbers)
            or len(quarters) in (1, 4)
            or any(b - a == 1 for a, b in itertools.pairwise(quarters))
            or "ngay" in cell.folded
        ):
            continue
        months = ",".join(str(q * 3) for q in quarters)
        cell.add(match, [recurring(f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY=-1", "year")])


_ISO_WEEK_GAP = re.compile(r"[\s(:,\-–]*((?:tu\s+)?(?:ngay\s+)?)")


def _iso_weeks_dated(cell: Cell) -> None:
    """ "Tuần 24/2026 (từ 08/6 đến 12/6/2026)": the week's own days after it say it again;
    days inside the ISO week stand for it, others flag."""
    for found in list(cell.found):
        if not _ISO_WEEK.match(cell.folded, found.start) or len(found.rules) != 1:
            continue
        week = found.rules[0]
        after = _ISO_WEEK_GAP.match(cell.folded, found.end)
        days = next((f for f in cell.found if f.start in after.span(1)), None) if after else None
        rules = [r for r in days.rules if r.kind == "deadline"] if days else []
        if days is None or len(rules) != 1 or rules[0].due is None:
            continue
        first = rules[0].start or rules[0].due
        if (
            week.start is not None
            and week.due is not None
            and week.start <= first
            and rules[0].due <= week.due
        ):
            found.rules = []
        else:
            shown = cell.original(found.start, days.end)
            found.note = f"'{shown}': số tuần không khớp với ngày bên cạnh"


# "trong tuần vừa qua (kết thúc vào ngày 29-3)", "trong chu kỳ tuần thống kê gần nhất (từ 31-7
# đến 6-8)", "tính đến tuần 27 (ngày 3/7/2022)" (first sight of round sixty, hfirst6061): a week
# named loosely (the last one, this one, the statistics' latest, or by a number with no year)
# with its days in brackets right after it: the bracket says which days, and it is read. A
# window of at most seven days; one day only as the week's end ("kết thúc (vào) ngày", "đến")
# or inside the numbered week. Anything else in the bracket, a longer window or a day outside
# the numbered week is left to flag.
_LOOSE_WEEK = re.compile(
    r"(?<![a-z])(?:(?:tinh\s+)?den\s+)?(?:chu\s+ky\s+)?tuan\s+"
    r"(?:(vua\s+qua|qua|nay|gan\s+nhat|thong\s+ke(?:\s+gan\s+nhat)?)|(?:thu\s+)?(\d{1,2}))"
    r"\s*\(\s*"
)
# Between the bracket and the day's reading (which may have taken some of these words itself).
_DAYS_LEAD = re.compile(r"(?:(ket\s+thuc|den|tinh\s+den)\s+)?(?:vao\s+)?(?:(?:tu\s+)?ngay\s+)?")
_AN_END_LEAD = re.compile(r"(?:ket\s+thuc|den|tinh\s+den)(?![a-z])")
_BRACKET_CLOSE = re.compile(r"\s*\)")


def _loose_weeks_dated(cell: Cell) -> None:
    for match in cell.matches(_LOOSE_WEEK):
        lead = _DAYS_LEAD.match(cell.folded, match.end())
        reach = lead.end() if lead else match.end()
        days = next(
            (
                f
                for f in cell.found
                if match.end() <= f.start <= reach
                and (f.start == match.end() or cell.folded[f.start - 1] == " ")
            ),
            None,
        )
        rules = [r for r in days.rules if r.kind == "deadline"] if days else []
        if days is None or len(rules) != 1 or rules[0].due is None:
            continue
        closed = _BRACKET_CLOSE.match(cell.folded, days.end)
        if len(days.rules) != 1 or closed is None:
            continue
        due = rules[0].due
        first = rules[0].start or due
        if not 0 <= (due - first).days <= 6:
            continue
        if match[2] is not None:
            number = int(match[2])
            if not all(number in _week_numbers_of(d) for d in (first, due)):
                continue
        elif match[1] == "nay" and not _this_week(first, due):
            continue
        elif rules[0].start is None and not _AN_END_LEAD.search(cell.folded, match.end(), days.end):
            continue  # "tuần qua (ngày 29/3)": the week's first day, its last, or one inside?
        cell.take(match.start(), days.start)
        cell.take(days.end, closed.end())


def _this_week(first: date, due: date) -> bool:
    """ "trong tuần này (23/2-1/3)", "tuần này (từ ngày 5/6 đến ngày 11/6)" (round sixty-three,
    hfirst63): "this week" restated by its days must be the week or its days of work: inside one
    week from Monday to Sunday, ending on its Friday, Saturday or Sunday. A window across two
    weeks ("tuần này (từ 4/6 đến 10/6)", Wednesday to Tuesday) or ending mid-week says
    something else than the week, and flags."""
    return first.weekday() <= due.weekday() and due.weekday() >= 4 and (due - first).days < 7


def _week_numbers_of(day: date) -> set[int]:
    """The numbers a week holding ``day`` is given: the ISO week's, and the count from the
    week (Monday to Sunday) holding 1 January, as statistics weeks are often numbered
    ("tuần 27 (ngày 3/7/2022)": 3/7/2022 closes ISO week 26)."""
    first_monday = date(day.year, 1, 1) - timedelta(days=date(day.year, 1, 1).weekday())
    return {day.isocalendar()[1], (day - first_monday).days // 7 + 1}


def week_numbers(cell: Cell) -> None:
    """After the windows are read: a week number just before one names it; a weekend just
    before one, its days."""
    if "tuan" not in cell.folded:
        return
    _iso_weeks_dated(cell)
    _weekends(cell)
    _loose_weeks_dated(cell)
    for match in cell.matches(_WEEK_NUMBER):
        window = next((f for f in cell.found if f.start == match.end()), None)
        rules = [r for r in window.rules if r.kind == "deadline"] if window else []
        if not rules or rules[0].due is None or (rules[0].start is None and len(rules) > 1):
            continue
        if rules[0].start is None and (not match.group(2) or window is None or window.yearless):
            continue  # one day, dated in full, with its part of the day: "Tuần 1: Sáng 6/1/2021"
        due = rules[0].due
        start = rules[0].start or due
        if (due - start).days > 6:
            continue
        if start.isocalendar()[1] == int(match[1]) == due.isocalendar()[1]:
            cell.take(match.start(), match.end())
        else:
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}' không khớp với ngày bên cạnh")
    _weeks_named(cell)
    _weeks_in_a_row(cell)
    _week_of_a_month_dated(cell)


# "Tuần thứ nhất từ 27/2 đến 8/3", "tuần thứ hai: từ ngày 9 đến 15/3" (round twenty-one, a
# contest's weeks): an ordinal in words counts the weeks of the thing itself, not of the year
# or the month; before a window dated at both ends, of at most two weeks, it names that
# window. Anything else with it ("tuần thứ hai của tháng") is read as before.
_WEEK_IN_A_ROW = re.compile(
    r"(?<![a-z])tuan\s+(?:thi\s+)?thu\s+(?:nhat|hai|ba|tu|nam)\s*:?\s*(?=(?:tu\s+)?(?:ngay\s+)?\d)"
)


def _weeks_in_a_row(cell: Cell) -> None:
    for match in cell.matches(_WEEK_IN_A_ROW):
        window = next((f for f in cell.found if f.start == match.end()), None)
        rules = [r for r in window.rules if r.kind == "deadline"] if window else []
        if len(rules) != 1 or rules[0].start is None or rules[0].due is None:
            continue
        if 0 < (rules[0].due - rules[0].start).days <= 13:
            cell.take(match.start(), match.end())


# "Trong tuần thứ ba của tháng 6 (từ ngày 15 - 19.6)", "tuần cuối tháng 11/2026 (23 - 27/11)":
# a week of a named month with its days after it names those days (the issue's own example,
# read before as every Tuesday, flagged). Taken only when the days are one week's, in that
# month, and in the week the ordinal says (the Nth seven days; the last seven for "cuối").
_WEEK_OF_A_MONTH = re.compile(
    r"(?<![a-z])(?:(?:trong|vao)\s+)?tuan\s+(?:le\s+)?(?:thu\s+)?(nhat|dau|hai|ba|tu|nam|cuoi|[1-5])"
    r"(?:\s+(?:tien|cung))?\s+(?:cua\s+)?(?:trong\s+)?thang\s+(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?"
    r"\s*[(,:]?\s*(?=(?:tu\s+)?(?:ngay\s+)?\d)"
)


def _week_of_a_month_dated(cell: Cell) -> None:
    for match in cell.matches(_WEEK_OF_A_MONTH):
        window = next((f for f in cell.found if f.start == match.end()), None)
        week = _one_week(window)
        if week is None:
            continue
        start, due = week
        written = match[3]
        if start.month != int(match[2]) or due.month != start.month:
            continue
        if written and int(written) != start.year:
            continue
        ordinal = match[1]
        if ordinal == "cuoi":
            fits = (due + timedelta(days=7)).month != due.month
        else:
            number = WEEK_ORDINAL[ordinal]
            fits = 7 * (number - 1) < due.day and start.day <= 7 * number
        if fits:
            cell.take(match.start(), match.end())


# "Lịch công tác tuần (từ ngày 24/3 đến 30/3/2025)": "tuần" before a window of one week's days
# names it; "Từ 24/3 - 28/3/2025 (Tuần 13)": a week's number in brackets after its window,
# checked against the ISO week (round fourteen, weekly calendars).
_WEEK_BEFORE = re.compile(
    r"(?<![a-z])(?<!hang\s)(?<!moi\s)tuan\s*\(?\s*(?=(?:tu\s+)?(?:ngay\s+)?\d)"
)
_WEEK_AFTER = re.compile(r"\s*\(\s*tuan\s+(?:thu\s+|so\s+)?(\d{1,2})\s*\)")


def _one_week(found: Found | None) -> tuple[date, date] | None:
    rules = [r for r in found.rules if r.kind == "deadline"] if found else []
    if len(rules) != 1 or rules[0].start is None or rules[0].due is None:
        return None
    start, due = rules[0].start, rules[0].due
    if not 0 <= (due - start).days <= 6 or start.isocalendar()[:2] != due.isocalendar()[:2]:
        return None
    return start, due


def _weeks_named(cell: Cell) -> None:
    for match in cell.matches(_WEEK_BEFORE):
        window = next((f for f in cell.found if f.start == match.end()), None)
        if _one_week(window) is not None:
            cell.take(match.start(), match.end())
    for found in list(cell.found):
        week = _one_week(found)
        after = _WEEK_AFTER.match(cell.folded, found.end) if week else None
        if week is None or after is None or not cell.free(after.start(), after.end()):
            continue
        if week[0].isocalendar()[1] == int(after[1]):
            cell.take(after.start(), after.end())
        else:
            shown = cell.original(after.start(), after.end())
            cell.add(after, [], f"'{shown}' không khớp với ngày bên cạnh")


_WEEKDAY_ALONE = re.compile(
    r"\s*(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat|t\s*[2-7]|cn)\s*"
)


# "hoàn thành chậm nhất vào ngày 31/12" (round fifty-six, hfirst56): the bound's own words
# ("chậm nhất" before "vào") are no work's name (``_NOT_WORK``, as ``_CLOSED_WORK`` skips
# them); they were taken for one and, unknown as a task's, left the start beside a deadline,
# flagged.
_CLOSE_THEN_WORK = re.compile(
    rf"{_CLOSE_VERB}((?:\s+{_NOT_WORK}[a-z]+){{1,3}}?)\s+(?:vao|truoc|(?:cham|muon)\s+nhat)\s"
)


def _closed_work_known(cell: Cell, match: re.Match[str]) -> bool:
    """Whether the work's words between a close verb and its day ("kết thúc gieo cấy vào …")
    are all words plans name their work with (``lexicon.TASK_SYLLABLES``, as written): "kết
    thúc có lẽ vào …" is no work's name and is left to flag."""
    close = _CLOSE_THEN_WORK.search(cell.folded, match.start(), match.end())
    if close is None or not close[1]:
        return True
    words = cell.lowered[close.start(1) : close.end(1)].split()
    return all(word in TASK_SYLLABLES for word in words)


def _matches_over_asides(cell: Cell, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Matches free but for a bracket already taken (a lunar aside checked against its
    solar date): the reading may span the bracket, never an unchecked one."""
    found = []
    for match in pattern.finditer(cell.folded):
        # The aside follows the first date ("Thứ Hai (03/8) - …" brackets the date itself).
        first_end = _first_date_end(match)
        bracket = _BRACKET.search(cell.folded, first_end, match.end())
        if bracket is None:
            if cell.free(match.start(), match.end()):
                found.append(match)
            continue
        start, end = bracket.start(), bracket.end()
        if _WEEKDAY_ALONE.fullmatch(cell.folded, start + 1, end - 1):
            # "từ 03/8/2026 (thứ Hai) đến 07/8/2026": the start's weekday, checked by the
            # range's reader as a weekday before the start's date is.
            if cell.free(match.start(), match.end()):
                found.append(match)
            continue
        inside = "".join(
            " " if cell.taken[i] else cell.folded[i] for i in range(start + 1, end - 1)
        )
        if (
            any(cell.taken[start + 1 : end - 1])
            and re.fullmatch(r"[\s,.:;\-]*(?:(?:tuc|nham)(?:\s+la)?)?[\s,.:;\-]*", inside)
            and cell.free(match.start(), start)
            and cell.free(end, match.end())
        ):
            found.append(match)
    return found


# "(kỳ báo cáo tính từ ngày 01/01 đến hết ngày 31/12) trước ngày 10/01 của năm tiếp theo",
# "(số liệu tính từ ngày 15/12 năm trước đến 14/12)": the period a report's data covers, in
# brackets beside the report's deadline. It describes the data; it is no deadline. "kể từ" is
# "tính từ" there (hmeta: read as a second deadline, unflagged).
# Unbracketed ("Số liệu tính từ 01/01 đến 30/6, gửi trước 15/7"), it ends at its second date.
_DATA_WORDS = (
    r"(?:(?:thoi\s+)?ky\s+bao\s+cao|(?:thoi\s+(?:gian|ky|diem)\s+(?:lay\s+|chot\s+)?)?so\s+lieu(?:\s+bao\s+cao)?)"
    r"\s*:?\s*(?:duoc\s+)?(?:(?:tinh|ke)\s+)?tu\s+"
)
_DATA_PERIOD_BARE = (
    rf"{_DATA_WORDS}(?:ngay\s+)?{ANY_DATE}(?:\s+(?:cua\s+)?nam\s+truoc)?\s*(?:den|toi|-)\s*"
    rf"(?:het\s+)?(?:ngay\s+)?{ANY_DATE}"
)
_DATA_PERIOD = re.compile(
    rf"\(\s*{_DATA_WORDS}[^()]*?\d[^()]*?(?:den|toi|-)[^()]*?\d[^()]*\)|{_DATA_PERIOD_BARE}"
)
_DATA_PERIOD_ALONE = re.compile(_DATA_PERIOD_BARE)


# "Ngày 20 hằng tháng (kỳ báo cáo từ ngày 15 tháng trước đến ngày 14 tháng báo cáo)": a
# bracketed data period beside a cadence's day; its days of the month are no cadence.
_DATA_BRACKET = re.compile(
    rf"\(\s*{_DATA_WORDS}[^()]*?(?:den|toi|-)[^()]*\)"
    # "Trước ngày 15/01/2025 (báo cáo năm 2024)", "(số liệu quý IV/2024)": the period a
    # report is about, named in brackets beside its deadline, is no second deadline.
    # "Trong tháng 7/2026 (sơ kết 6 tháng đầu năm)": the period a review meeting looks back on.
    r"|\(\s*(?:bao\s+cao|so\s+lieu|ky\s+bao\s+cao|so\s+ket|tong\s+ket|danh\s+gia(?:\s+ket\s+qua)?)"
    r"(?:\s+(?:so\s+(?:ket|lieu)|tong\s+ket))?"
    r"\s+(?:0?[69]\s+thang(?:\s+(?:dau|cuoi)(?:\s+nam)?)?|nam|quy\s+(?:iv|i{1,3}|[1-4])|thang\s+\d{1,2})"
    r"(?:\s*[/.\-]\s*|\s+(?:nam\s+)?)?(?:\d{4})?\s*\)"
)
_SOME_READING = re.compile(r"\d|(?<![a-z])(?:hang|moi|dinh\s+ky)(?![a-z])")


# "trong 2 - 3 năm tiếp theo", "từ 1-2 năm" (round twenty-two): a count of years, not the day
# 2/3 (read before as a day of March, or work from it, without a flag); so is a count of days
# ("từ 7 - 10 ngày", probed: read as work from 7 October). A day is named
# ("ngày 2-3 năm nay") or written the other way round ("30-9 năm nay") when it is one.
# Months or quarters joined by a dash before "năm" ("tháng 1 - 2 năm sau", probed: read as the
# day 1/2 of next year, without a flag) flag too.
# "Giờ cao điểm: 5-7 phút/chuyến", "trong 2-3 tiếng", "cách nhau 3-5 km" (round thirty-two,
# timetables): a range of minutes, hours, weeks or lengths is no day either (read before as
# 7 May, the minutes' one without a flag).
_COUNT_OF_YEARS = re.compile(
    r"(?<![\d/.,])(?<!ngay\s)(\d{1,2})\s*[-\u2013]\s*(\d{1,2})\s+"
    r"(nam|ngay|lan|dot|phut|giay|tieng|gio|tuan|km|chuyen)(?![a-z])(?!\s*\d)"
)
_COUNT_UNITS = {
    "ngay": "ngày", "lan": "lần", "dot": "đợt", "phut": "phút", "giay": "giây",
    "tieng": "tiếng", "gio": "giờ", "tuan": "tuần", "km": "km", "chuyen": "chuyến",
}  # fmt: skip
# "trong tháng 9 và các tháng cuối năm", "những tháng đầu năm 2026": some months of the year,
# which and until when unsaid (read before, after "các", as the year's end, without a flag).
_SOME_MONTHS = re.compile(
    r"(?<![a-z])(?:cac|nhung)\s+thang\s+(?:dau|cuoi)(?:\s+cua)?\s+nam(?:\s+(?:nay|\d{4}))?(?![a-z\d])"
)


def vague_spans(cell: Cell) -> None:
    """Before anything reads a day or a period: spans that only look like one flag."""
    folded = cell.folded
    for match in cell.matches(_COUNT_OF_YEARS) if re.search(r"\d\s*[-\u2013]\s*\d", folded) else ():
        if int(match[1]) < int(match[2]) <= 12:
            shown = cell.original(match.start(), match.end())
            if re.search(r"(?:thang|quy)\s*$", folded[: match.start()]):
                cell.add(
                    match, [], f"'{shown}': tháng hay quý nối bằng gạch trước năm, cần xem lại"
                )
            else:
                # "2-3 lần/tháng" (probed, hprobe11): a range of times, read before as 2/3.
                unit = _COUNT_UNITS.get(match[3], "năm")
                cell.add(match, [], f"'{shown}': một khoảng số {unit}, không phải một ngày")
    for match in cell.matches(_SOME_MONTHS) if "thang" in folded else ():
        shown = cell.original(match.start(), match.end())
        cell.add(match, [], f"'{shown}': những tháng nào, hạn nào, cần xem lại")


# "(kỳ báo cáo năm 2026)", "Số liệu quý I/2026", "Năm báo cáo 2026", "Kỳ báo cáo quý" (probed,
# hprobe11): the period a report covers, named with no deadline, read before as a deadline at
# the period's end (or a quarterly cadence: "báo cáo quý"), without a flag. Beside another
# reading it is set aside; alone, it flags: when the report is due the cell does not say.
_PERIOD_NAMED = (
    r"(?:(?:ca\s+)?nam(?:\s+(?:nay|\d{4}))?|\d{4}"
    r"|quy(?:\s+(?:iv|i{1,3}|[1-4])(?:\s*[/.\-]\s*\d{4}|\s+(?:nam\s+)?\d{4})?)?"
    r"|thang(?:\s+\d{1,2}(?:\s*[/.\-]\s*\d{4}|\s+(?:nam\s+)?\d{4})?)?"
    r"|\d{1,2}\s+thang(?:\s+(?:dau|cuoi))?(?:\s+(?:cua\s+)?nam)?(?:\s*[/.\-]?\s*\d{4})?)"
)
_REPORT_PERIOD = re.compile(
    r"(?<![a-z])(?<!chot\s)(?:(?:thoi\s+)?ky\s+(?:bao\s+cao|so\s+lieu)|so\s+lieu(?:\s+bao\s+cao)?"
    r"|nam\s+bao\s+cao|giai\s+doan\s+bao\s+cao)\s*[:\-]?\s*(?:(?:duoc\s+)?tinh\s+)?"
    r"(?:tu\s+dau\s+(?:nam|quy|thang)\s+)?(?:(?:den|toi)\s+(?:het\s+)?)?(?:cua\s+)?"
    rf"(?:((?:ngay\s+)?{ANY_DATE})|{_PERIOD_NAMED}(?:\s*(?:,|va)\s*{_PERIOD_NAMED})*)(?![a-z\d/])"
    # "Kỳ báo cáo năm 2026 (từ 01/01 đến 31/12/2026)": the period's bracketed window is its own.
    r"(?:\s*\(\s*(?:tinh\s+)?tu\s[^()]*\))?"
)
# "1.5 ngày", "trong 1/2 ngày" (probed, hprobe11): a count written with a dot or a slash,
# read before as the day 1/5 or 1/2, without a flag; "1,5 ngày" flags already.
_FRACTIONAL_COUNT = re.compile(
    r"(?<![\d/.,])(?<!ngay\s)(?<!thang\s)(?<!tu\s)(?<!den\s)(\d{1,2})\s*([./])\s*(\d{1,2})"
    r"\s+(?:ngay|tuan|thang|nam(?!\s*(?:nay|sau|truoc|toi|ngoai|ke|tiep|lien|hoc)(?![a-z])))"
    r"(?![a-z])(?!\s*[\d/.\-])"
)


# "không quá 1 lần/quý", "tối đa 2 lần/năm", "không quá 6 tháng một lần" (probed, hprobe11):
# a ceiling on how often is no deadline, read before as the cadence it bounds, without a flag.
# The cadence is kept as the reading offered, flagged (``how_often_ceilings``).
_CEILING_TIMES = re.compile(
    r"(?<![a-z])(?:khong\s+(?:vuot\s+)?qua|toi\s+da|nhieu\s+nhat)\s+(?:la\s+)?"
    r"(?:(?:moi|hang|mot|0?1)\s+(?:tuan|thang|quy|nam)\s+)?"
    r"(?:\d{1,2}|mot|hai|ba|sau)\s*(?:(?:lan|dot)|(?:tuan|thang|nam)\s*(?:/\s*|\s+(?:0?1|mot)\s+)lan)(?![a-z])"
)


def how_often_ceilings(cell: Cell) -> None:
    """After the cadences read: a cadence read inside a ceiling is offered, flagged."""
    if "lan" not in cell.folded:
        return
    for match in _CEILING_TIMES.finditer(cell.folded):
        shown = cell.original(match.start(), match.end())
        for found in cell.found:
            if found.start < match.end() and match.start() < found.end and not found.note:
                found.note = f"'{shown}': số lần tối đa, không phải thời hạn"


# "kỳ thứ hai", "đợt thứ ba", "lần tập huấn thứ tư", "kỳ họp thứ 2", "năm thứ hai" (probed,
# hprobe11): an ordinal after the thing it numbers is no weekday ("Tổ chức kỳ họp thứ 2, thứ
# Sáu hằng tuần" read Mondays and Fridays without a flag; "Kỳ thứ hai" alone offered Mondays).
# Up to two words of the thing's name may stand between ("đợt kiểm tra thứ ba"), none of them
# a timing word ("1 lần vào thứ Hai" stays a weekday). "ngày thứ hai", "tuần thứ hai" and
# "quý thứ hai" are left to the readers of days, weeks and quarters.
# "lần thứ nhất vào ngày 1 và 2/6; lần thứ hai vào ngày 1 và 2/12" (round thirty-two, the two
# Vitamin A rounds): "thứ nhất" names the first turn as "thứ hai" names the second
# ("lần thứ" was left unread, flagged).
_NOT_TIMING = (
    r"(?!(?:vao|trong|cac|ngay|moi|hang|sang|chieu|toi|trua|va|hoac|tu|den|truoc|sau|buoi|luc"
    r"|tuan|thang|quy|nam|la|o|tai|nhat|mot|hai|ba)(?![a-z]))"
)
_ORDINAL = re.compile(
    r"(?<![a-z])(?<!\d\s)(?:(?:ky|phien)(?:\s+hop)?|hoc\s+ky|dot|lan|vong|luot|giai\s+doan|hoi\s+nghi"
    r"|buoi|tiet|khoa|nam)"
    rf"(?:\s+{_NOT_TIMING}[a-z]+){{0,2}}?\s+thu\s+(?:nhat|hai|ba|tu|nam|sau|bay|[2-7]|ii|iii|iv|v|vi|vii)"
    r"(?![a-z\d/.])"
)
# "trong ngày thứ năm kể từ ngày nhận hồ sơ", "năm thứ hai kể từ ngày phê duyệt": the Nth day
# (week, month, year) from an event, read before as the event's own day, without a flag.
_A_DAY = re.compile(
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}|(?<![a-z])ngay\s+\d{1,2}(?!\d)|\d{1,2}\s+thang\s+\d|(?<![a-z])thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])(?![a-z\d])|chu\s+nhat"
)
_IN_AN_EVENT = re.compile(r"(?<![a-z])(?:ke\s+tu|tinh\s+tu|sau\s+khi|truoc\s+khi)(?![a-z])[^;()]*$")
_NTH_DAY_FROM = re.compile(
    r"(?<![a-z])(?:ngay|tuan|thang|quy|nam)\s+thu\s+(?:hai|ba|tu|nam|sau|bay|tam|chin|muoi|\d{1,2})"
    r"\s*,?\s+(?:ke\s+tu|tinh\s+tu|sau\s+(?:khi|ngay)|ke\s+tiep)(?![a-z])"
)


# "Giai đoạn hai, từ ngày 30/11 đến 31/12", "Đợt ba: từ …" (round thirty-three, phases of
# works): a number word right after the batch's name, before a comma or a colon, names the
# batch as "thứ hai" does (left unread before, flagged).
_BARE_ORDINAL = re.compile(
    r"(?<![a-z])(?:dot|giai\s+doan|buoc)\s+(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)"
    r"(?=\s*[,:;])"
)


_WEEKDAY_OF_ORDINAL = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
_DAY_RIGHT_AFTER = re.compile(
    r"\s*[,(:\-]?\s*(?:ngay\s+)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?!\d)"
)


def _weekday_disagrees(cell: Cell, match: re.Match[str]) -> bool:
    """An ordinal spelled as a weekday ("thứ 6", "thứ Sáu") right before a day that falls on
    another weekday."""
    words = match[0].split()
    if (words[0] not in ("hoi", "buoi", "tiet") and words[-3:-2] == [words[0]]) or (
        words[:2] in (["ky", "hop"], ["phien", "hop"], ["hoc", "ky"]) and len(words) == 4
    ):
        return False  # "kỳ họp thứ 6 ngày 15/6", "đợt thứ 3, 15/6": a turn's number
    word = words[-1]
    weekday = int(word) - 2 if word.isdigit() else _WEEKDAY_OF_ORDINAL.get(word)
    after = _DAY_RIGHT_AFTER.match(cell.folded, match.end()) if weekday is not None else None
    if after is None:
        return False
    year = int(after[3]) if after[3] else cell.year
    try:
        return year is not None and date(year, int(after[2]), int(after[1])).weekday() != weekday
    except ValueError:
        return False


def ordinals(cell: Cell) -> None:
    folded = cell.folded
    for match in cell.matches(_BARE_ORDINAL):
        outside = folded[: match.start()] + " " + folded[match.end() :]
        if _A_DAY.search(outside):
            cell.take(match.start(), match.end())
    if "thu" not in folded:
        return
    for match in cell.matches(_NTH_DAY_FROM):
        shown = cell.original(match.start(), match.end())
        cell.add(match, [], f"'{shown}': ngày thứ mấy kể từ một việc, cần xem lại")
    for match in cell.matches(_ORDINAL):
        if _IN_AN_EVENT.search(folded, 0, match.start()):
            continue  # "kể từ ngày thông báo lần thứ hai": the event's own words
        outside = folded[: match.start()] + " " + folded[match.end() :]
        if _weekday_disagrees(cell, match):
            # "Hội nghị sơ kết thứ 6, 15/6/2026" (hprobe24): the sixth meeting, or Friday
            # the 15th, which is a Monday? Read before as the day, the ordinal its name.
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}': thứ tự hay thứ trong tuần? không khớp với ngày sau")
        elif _A_DAY.search(outside):
            # "kỳ thứ hai trước ngày 31/10 hằng năm": the turn's own day, the ordinal its name.
            cell.take(match.start(), match.end())
        else:
            # "Kỳ thứ hai hằng năm", "Đợt thứ ba năm 2026": one turn of several in a period;
            # its day is unsaid.
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}': lần, đợt, kỳ thứ mấy; ngày không nêu")


# "Thời gian chốt số liệu: ngày 14 của tháng cuối quý; Thời hạn gửi báo cáo: trước ngày 18 của
# tháng cuối quý", "Kỳ báo cáo: tính từ ngày 15 của tháng trước đến ngày 14 của tháng báo cáo.
# Gửi báo cáo trước ngày 05 của tháng kế tiếp tháng báo cáo" (probed, hprobe15): a report's
# data cut-off or data period, in a clause of its own, beside the clause that says when the
# report is sent. The sending deadline is the task's; the data clause describes the figures.
# Read before, a cut-off or period given as a day of each month or quarter was a second cadence
# (or gave the report's cadence its day), without a flag. A data clause opens a clause (the
# cell's start, after ";", ".", ":", "," or a capitalised line; a bracket is left to
# ``data_brackets``) with its own words ("chốt số liệu", "lấy số liệu", "số liệu tính", "kỳ báo
# cáo: / tính / từ"), and runs to the clause's end or to the sending words. Only where another
# clause sends ("gửi", "nộp") and gives a number is it set aside; alone, or beside a day no
# clause sends, it reads as before (its end, its day, or a flag).
_DATA_LEAD = re.compile(
    r"(?<![a-z])(?:(?:thoi\s+gian|ngay|moc|thoi\s+diem)\s+)?"
    r"(?:chot\s+so\s+lieu|lay\s+so\s+lieu|so\s+lieu(?:\s+bao\s+cao)?\s+(?:duoc\s+)?(?:tinh|chot|lay)"
    r"|(?:thoi\s+)?ky\s+bao\s+cao(?:\s+(?:thang|quy|nam|\d\s+thang|sau\s+thang|chin\s+thang))?"
    r"\s*(?=:|(?:duoc\s+)?tinh(?![a-z])|tu(?![a-z])))"
)
_SENDING = re.compile(r"(?<![a-z])(?:gui|nop)(?![a-z])")
_CLAUSE_BREAK = re.compile(r"[;\n()]|\.(?=\s)")


def _data_leads(cell: Cell) -> list[re.Match[str]]:
    """The data clauses' openings: at the cell's start, after a clause's mark, or written with
    a capital letter (a line of its own: the cleaned cell has no line breaks)."""
    found = []
    for lead in _DATA_LEAD.finditer(cell.folded):
        before = cell.folded[: lead.start()].rstrip()
        if before.endswith("("):
            continue  # a bracketed data period is ``data_brackets``' and ``_data_periods``'
        if not before or before[-1] in ";.:,-" or cell.text[lead.start()].isupper():
            found.append(lead)
    return found


def data_clauses(cell: Cell) -> None:
    folded = cell.folded
    if "so lieu" not in folded and "ky bao cao" not in folded:
        return
    if not _SENDING.search(folded):
        return
    leads = _data_leads(cell)
    spans = []
    for lead in leads:
        stop = _CLAUSE_BREAK.search(folded, lead.end())
        end = stop.start() if stop else len(folded)
        nxt = next((other.start() for other in leads if lead.end() <= other.start() < end), end)
        end = min(end, nxt)
        send = _SENDING.search(folded, lead.end(), end)
        if send is not None:
            comma = folded.rfind(",", lead.end(), send.start())
            end = comma if comma >= 0 else send.start()
        spans.append((lead.start(), end))
    if not spans:
        return
    # A clause that sends, outside every data clause, with a number to read.
    sends = False
    for send in _SENDING.finditer(folded):
        if any(a <= send.start() < b for a, b in spans):
            continue
        stop = _CLAUSE_BREAK.search(folded, send.end())
        end = stop.start() if stop else len(folded)
        end = next((lead.start() for lead in leads if send.end() <= lead.start() < end), end)
        if re.search(r"\d", folded[send.end() : end]):
            sends = True
    if sends:
        for start, end in spans:
            cell.take(start, end)


# "Hội nghị sơ kết 6 tháng (tháng 7)", "Tổng kết năm (tháng 12)", "Sơ kết 9 tháng (tháng
# 10/2025)" (round forty-one, work programmes): a review meeting named by the period it reviews,
# its own time in the bracket right after. The period is the meeting's name (left unread
# before, "6", "hội nghị", flagged); the bracket is read as it would be alone. Only with that
# bracket, opening on a month, a day, a quarter or a bound; "sơ kết 6 tháng đầu năm" alone is
# left to the readers of months.
_REVIEW_MEETING = re.compile(
    r"(?<![a-z])(?:hoi\s+nghi\s+)?(?:so|tong)\s+ket"
    r"(?:\s+(?:cong\s+tac|hoat\s+dong|nhiem\s+vu|tinh\s+hinh))?\s+"
    r"(?:(?:\d{1,2}|ba|sau|chin)\s+thang(?:\s+(?:dau|cuoi)\s+nam)?|nam|quy\s+(?:iv|i{1,3}|[1-4])"
    r"|giua\s+nhiem\s+ky|nhiem\s+ky)"
    r"(?=\s*\(\s*(?:thang|ngay|quy|truoc|du\s+kien|\d{1,2}\s*[/.\-]\s*\d)(?![a-z]))"
)


def review_meetings(cell: Cell) -> None:
    if "ket" not in cell.folded or "(" not in cell.folded:
        return
    for match in cell.matches(_REVIEW_MEETING):
        cell.take(match.start(), match.end())


def report_periods(cell: Cell) -> None:
    folded = cell.folded
    if "bao cao" not in folded and "lieu" not in folded:
        return
    for match in cell.matches(_REPORT_PERIOD):
        outside = folded[: match.start()] + " " + folded[match.end() :]
        if _SOME_READING.search(outside):
            # A day the data is counted to, beside another reading, is ``data_cut_offs``'s.
            if match[1] is None:
                cell.take(match.start(), match.end())
            continue
        shown = cell.original(match.start(), match.end())
        cell.add(match, [], f"'{shown}': kỳ báo cáo, số liệu; hạn gửi không nêu")


def fractional_counts(cell: Cell) -> None:
    for match in cell.matches(_FRACTIONAL_COUNT) if re.search(r"\d[./]\d", cell.folded) else ():
        if match[2] == "/" and int(match[1]) >= int(match[3]):
            continue  # "24/24 giờ", "7/7 ngày": all of them, no fraction
        if match[2] == "/" and len(match[1]) == 2 and match[1].startswith("0"):
            # "04/11 năm báo cáo" (found by the day shifts of hmeta2): a figure padded with
            # a nought is a day of a date; a fraction is written "1/2 năm", never "01/2".
            continue
        shown = cell.original(match.start(), match.end())
        cell.add(match, [], f"'{shown}': số lẻ hay phân số của ngày, tháng, cần xem lại")


def data_brackets(cell: Cell) -> None:
    """Before the cadences read: a bracketed data period, beside anything else to read, is
    set aside (``_data_periods`` then joins it to a cadence just before it)."""
    if "(" not in cell.folded:
        return
    for match in cell.matches(_DATA_BRACKET):
        outside = cell.folded[: match.start()] + " " + cell.folded[match.end() :]
        if _SOME_READING.search(outside):
            cell.take(match.start(), match.end())
            cell.data_spans.append((match.start(), match.end()))


# "Trước ngày 15/1/2025 (số liệu tính đến 31/12/2024)", "Gửi trước 10/7 (chốt số liệu đến
# hết 30/6)", "Chốt số liệu ngày 30/6, báo cáo trước 10/7" (probed, hprobe4): the day a
# report's data is counted to, beside the report's deadline, read before as a second
# deadline. In brackets after another reading it describes the data and is set aside;
# unbracketed beside another reading it may be a task of its own (closing the books), and
# flags. Alone it stays the deadline the corpus's labels make it ("tính đến ngày 19/7").
_DATA_AS_OF = re.compile(
    r"(?<![a-z])(?:(?:chot\s+)?so\s+lieu(?:\s+bao\s+cao)?\s*:?\s*(?:duoc\s+)?(?:tinh\s+|chot\s+|lay\s+)?"
    r"(?:den|toi)\s+(?:het\s+)?|(?:chot\s+so\s+lieu|so\s+lieu\s+chot)\s*:?\s*(?:vao\s+|tai\s+)?)"
    rf"(?:ngay\s+)?{ANY_DATE}"
)
# "Sinh từ ngày 1/1/2018", "(trẻ sinh từ 01/01/2018 đến 31/12/2018)", "Trẻ sinh năm 2018":
# whom the task is for, by their birth day, read before as work from that day. Set aside
# beside another reading; alone, it flags.
_BORN = re.compile(
    r"(?:^|(?<=[(,;:])\s*|(?<![a-z])(?:tre(?:\s+em)?|nguoi|cong\s+dan|doi\s+tuong|chau|be|con"
    r"|thanh\s+nien|nu|nam)\s+)sinh\s+(?:tu\s+|truoc\s+|sau\s+|trong\s+|vao\s+|den\s+)?"
    rf"(?:(?:ngay\s+)?{ANY_DATE}(?:\s*(?:den|toi|-)\s*(?:het\s+)?(?:ngay\s+)?{ANY_DATE})?"
    r"|nam\s+\d{4}(?:\s*(?:den|toi|-)\s*(?:nam\s+)?\d{4})?(?![\d/]))"
)
_IN_BRACKET = re.compile(r"\(\s*$")


def data_cut_offs(cell: Cell) -> None:
    folded = cell.folded
    if "lieu" in folded:
        for match in cell.matches(_DATA_AS_OF):
            outside = folded[: match.start()] + " " + folded[match.end() :]
            if not _SOME_READING.search(outside):
                continue
            shown = cell.original(match.start(), match.end())
            bracketed = _IN_BRACKET.search(folded, 0, match.start())
            note = "" if bracketed else f"'{shown}': mốc số liệu, hay một việc có hạn riêng?"
            cell.add(match, [], note)
    if "sinh" in folded:
        for match in cell.matches(_BORN):
            outside = folded[: match.start()] + " " + folded[match.end() :]
            shown = cell.original(match.start(), match.end())
            note = (
                "" if _SOME_READING.search(outside) else f"'{shown}' là ngày sinh, không phải hạn"
            )
            cell.add(match, [], note)


def _data_periods(cell: Cell) -> None:
    spans = list(cell.data_spans)
    for match in cell.matches(_DATA_PERIOD):
        outside = cell.folded[: match.start()] + " " + cell.folded[match.end() :]
        if _DEADLINE_STRICT.search(outside):
            cell.take(match.start(), match.end())
            spans.append((match.start(), match.end()))
        elif re.search(r"\d", outside):
            # "Ngày 20/12/2024; kỳ báo cáo từ 15/12/2023 đến 14/12/2024": beside a day with
            # no bound (probed, hprobe4), read before as a second deadline, without a flag.
            # Alone it stays a window due on its end, as the corpus's labels have it.
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}': kỳ số liệu bên cạnh một ngày, cần xem lại")
        elif match.group(0).startswith("("):
            bare = _DATA_PERIOD_ALONE.search(cell.folded, match.start(), match.end())
            if bare is not None and _DEADLINE_STRICT.search(cell.folded, bare.end(), match.end()):
                # "(kỳ báo cáo từ 01/8/2025 đến 31/7/2026; gửi trước 5/8/2026)" (probed, round
                # twenty-two): the deadline inside the period's bracket; the period's end was
                # read as a second deadline, without a flag. The period alone is set aside.
                cell.take(bare.start(), bare.end())
                spans.append((bare.start(), bare.end()))
                continue
            # "(thời kỳ báo cáo từ ngày 1/8/2024 đến ngày 31/7/2025)" alone (round twenty-two):
            # the bracket describes the data of a report whose deadline the cell does not
            # give; read before as a window due on its end, without a flag.
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}': kỳ số liệu của báo cáo, hạn gửi không nêu")
        elif cell.strict:
            # "Báo cáo kết quả …, số liệu tính từ 15/12/2025 đến 14/6/2026" (probed, hprobe6): in
            # a sentence, the data's end is no day of the report, read before as its deadline.
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}': kỳ số liệu, không phải thời hạn báo cáo")
    for start, end in spans:
        # "định kỳ hằng năm (kỳ báo cáo …) trước ngày 15 tháng 1 …": the bracket belongs to
        # the cadence before it, which may still take the deadline after it as its day.
        cadence = next(
            (
                f
                for f in cell.found
                if f.rules
                and all(r.kind == "recurring" for r in f.rules)
                and not cell.folded[f.end : start].strip()
            ),
            None,
        )
        if cadence is not None:
            cadence.end = end
        else:
            cell.found.append(Found(start, end, []))


# "tháng trong 11/2025": the word "tháng" before the bound of a month written in numbers, in
# an order no plan means; the month read after it may not be what was meant.
_MONTH_WORD_ASTRAY = re.compile(
    r"(?<![a-z])thang\s+(?:trong|vao)\s+(?=\d{1,2}\s*/\s*\d{4}(?!\s*[/.\-]?\d))"
)


# "trước ngày Sinh nhật Bác (19/5)": a day named, its date in brackets after the name.
_NAMED_DAY_DATE = re.compile(
    rf"(?<![a-z])ngay\s+((?:[a-z]+\s+){{0,5}}[a-z]+)\s*\(\s*(?:ngay\s+)?{DATE}\s*\)"
)
# "nhân ngày doanh nhân Việt Nam 13/10", "nhân dịp ngày Nhà giáo Việt Nam 20/11" (round
# twenty-three): on the occasion of a day named, its date right after the name, no brackets.
# Only after "nhân (dịp)": elsewhere words then a date are a task's, not a day's name.
_OCCASION_DATE = re.compile(
    rf"(?<![a-z])nhan\s+(?:dip\s+)?(?:ky\s+niem\s+)?ngay\s+((?:[a-z]+\s+){{0,5}}[a-z]+)\s*,?\s*(?:ngay\s+)?{DATE}"
)
_NOT_A_NAME = re.compile(
    r"(?<![a-z])(?:truoc|sau|tu|den|toi|trong|vao|khi|thang|nam|tuan|quy|hang|moi|cuoi|dau|giua"
    r"|ke|tinh|lam|viec|thu|chu|nay|mai|kia|ay|do|tiep|theo|het|han|cham|muon)(?![a-z])"
)


def _named_days(cell: Cell) -> None:
    for match in cell.matches(_MONTH_WORD_ASTRAY) if "thang" in cell.folded else ():
        shown = cell.original(match.start(), match.end() + 8)
        cell.add(match, [], f"'{shown}': chữ 'tháng' đứng lạc chỗ, cần xem lại")
    for match in cell.matches(_OCCASION_DATE) if "nhan" in cell.folded else ():
        name = cell.text[match.start(1) : match.end(1)]
        lower = " ".join(w for w in name.split() if not w[:1].isupper())
        if not any(w[:1].isupper() for w in name.split()) or _NOT_A_NAME.search(fold(lower)):
            continue
        due = date_from((None, None, None, *match.groups()[1:4]), cell)
        if due is not None and match.group(4) and cell.year and due.year != cell.year:
            continue  # a day remembered, in a year gone by
        if due is not None:
            cell.add(match, [deadline(due)], "", yearless=not match.group(4))
    if "(" not in cell.text:
        return
    for match in cell.matches(_NAMED_DAY_DATE):
        name = cell.text[match.start(1) : match.end(1)]
        # A name's words are capitalised ("Ngày Môi trường thế giới"); a timing word written
        # in lower case ("ngày họp trước (15/6)") makes it no name.
        lower = " ".join(w for w in name.split() if not w[:1].isupper())
        named = name[:1].isupper() or cell.text[match.start() : match.start() + 1].isupper()
        if not named or _NOT_A_NAME.search(fold(lower)):
            continue
        due = date_from((None, None, None, *match.groups()[1:4]), cell)
        if due is not None and match.group(4) and cell.year and due.year != cell.year:
            continue  # "ngày Thành lập Đảng (3/2/1930)": a day remembered, not one due
        if due is not None:
            cell.add(match, [deadline(due)], "", yearless=not match.group(4))


def counted_months(cell: Cell) -> None:
    """ "trong 2 tháng 5 và 6": read before a day of listed months ("ngày 2 tháng 5 và 6",
    a cadence) can take the count for a day."""
    folded = cell.folded
    for match in cell.matches(_COUNTED_MONTHS) if "trong" in folded and "thang" in folded else ():
        listed = [int(m) for m in re.findall(r"\d{1,2}", match[2])]
        if not all(1 <= m <= 12 for m in listed):
            continue
        if _COUNT_OF_MONTHS[match[1]] != len(listed):  # "trong 3 tháng 5, 6": a day, or a slip?
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}': số tháng không khớp với các tháng kể ra")
            continue
        year = need_year(cell, match, year_of(match[3] or match[4], cell))
        if year is None or listed != sorted(set(listed)):
            continue
        if listed == list(range(listed[0], listed[-1] + 1)):
            cell.add(match, [deadline(month_end(year, listed[-1]), date(year, listed[0], 1))])
        else:
            cell.add(match, [deadline(month_end(year, m), date(year, m, 1)) for m in listed])


def date_ranges(cell: Cell) -> None:
    """Spans that must be read before single dates: "từ ngày A đến ngày B", "ngày 15
    tháng 6 năm 2024", "tháng 3-5/2024" (not the 3rd of May)."""
    _named_days(cell)
    _data_periods(cell)
    listing = "thang" in cell.folded and any(j in cell.folded for j in (",", "va", "&", "+"))
    for match in cell.matches(_MONTHS_THEN_OTHER_YEAR) if listing and "nam" in cell.folded else ():
        listed = [int(m) for m in re.findall(r"\d{1,2}", match[0])]
        if listed != sorted(listed):
            continue  # "tháng 7 và tháng 1 năm sau": the year's turn says it is the last's alone
        shown = cell.original(match.start(), match.end())
        cell.add(match, [], f"'{shown}': năm nêu sau tháng cuối, chưa rõ có gồm các tháng trước")
    _next_year(cell)
    _extra_windows(cell)
    _day_lists(cell)
    for match in (
        cell.matches(_DATE_TO_PERIOD) if re.search(r"\b(?:den|toi)\b", cell.folded) else ()
    ):
        since = date_from(match.groups()[:6], cell)
        month, _, given = match.groups()[6:9]
        if since is None or (month and not 1 <= int(month) <= 12):
            continue
        end_year = int(given) if given else since.year
        until = month_end(end_year, int(month)) if month else date(end_year, 12, 31)
        if month and not given and until < since:
            until = month_end(end_year + 1, int(month))
        if since <= until:
            cell.add(match, [deadline(until, since)])
    closes = [
        match
        for match in (
            _matches_over_asides(cell, _START_THEN_CLOSE) if _SOME_CLOSE.search(cell.folded) else []
        )
        if _closed_work_known(cell, match)
    ]
    for match in cell.matches(_FROM_YEAR_START) if "dau nam" in cell.folded else ():
        if match[1]:
            month = int(match[1])
            if not 1 <= month <= 12:
                continue
            year = int(match[2]) if match[2] else cell.year
            if year is None:
                continue
            due: date | None = month_end(year, month)
        else:
            due = date_from(match.groups()[2:8], cell)
        if due is not None:
            cell.add(match, [deadline(due, date(due.year, 1, 1))], "", yearless=False)
    for match in (
        cell.matches(_MONTH_THEN_CLOSE) if closes or _SOME_CLOSE.search(cell.folded) else ()
    ):
        due = date_from(match.groups()[2:8], cell)
        month, given = int(match[1]), match[2]
        if due is None or not 1 <= month <= 12:
            continue
        since = date(int(given) if given else due.year, month, 1)
        # "từ tháng 1/2021 và kết thúc vào ngày 30/6/2022" (round twenty-three): with the
        # start's year written, a window over a year is still one window (a guessed year
        # keeps the year's bound, as before).
        if since <= due and ((due - since).days < 366 or (given and due.year - since.year <= 5)):
            cell.add(
                match, [deadline(due, since)], "", yearless=not (given or match[5] or match[8])
            )
    for match in cell.matches(_MONTH_THEN_CLOSE_MONTH) if _SOME_CLOSE.search(cell.folded) else ():
        first, last = int(match[1]), int(match[3])
        written = match[4] or match[2]
        closing_year = int(written) if written else cell.year
        if closing_year is None or not (1 <= first <= 12 and 1 <= last <= 12):
            continue
        start_year = int(match[2]) if match[2] else closing_year
        since, until = date(start_year, first, 1), month_end(closing_year, last)
        if since <= until and (until - since).days < 366:
            cell.add(match, [deadline(until, since)], "", yearless=not (match[2] or match[4]))
    for match in (
        cell.matches(_QUARTER_THEN_CLOSE)
        if "quy" in cell.folded and (closes or _SOME_CLOSE.search(cell.folded))
        else ()
    ):
        due = date_from(match.groups()[2:8], cell)
        given = match[2]
        if due is None:
            continue
        since = date(int(given) if given else due.year, _ROMAN[match[1]] * 3 - 2, 1)
        if since <= due and (due - since).days < 366:
            cell.add(
                match, [deadline(due, since)], "", yearless=not (given or match[5] or match[8])
            )
    for match in _matches_over_asides(cell, _DATE_RANGE) + closes:
        due = date_from(match.groups()[6:12], cell)
        if (
            due is not None
            and _EXTENDED.search(match.group(0))
            and _BOUND_BEFORE_A_RANGE.search(cell.folded, 0, match.start())
        ):
            # "Trước ngày 30/6, kéo dài đến 15/7", "Hạn chót 30/6, kéo dài đến ngày 15/7"
            # (probed, hprobe12): a deadline, then how far it is stretched; read before as
            # one window due at the later day, without a flag. Which day holds is the
            # officer's to say.
            shown = cell.original(match.start(), match.end())
            cell.add(match, [deadline(due)], f"'{shown}': thời hạn được kéo dài, cần xem lại")
            continue
        start_groups = match.groups()[:6]
        borrowed = due is not None and not (start_groups[2] or start_groups[5])
        if due is not None and borrowed:
            # "10/3 - 15/3/2023": the first date takes the second's year.
            start_groups = (*start_groups[:2], str(due.year), *start_groups[3:5], str(due.year))
        start = date_from(start_groups, cell)
        written = match.groups()[8] or match.groups()[11]
        if borrowed and start and due and start > due and written and start.month >= due.month + 3:
            # "từ ngày 5/9 đến hết ngày 12/1/2018": a window across the new year; its first
            # day is in the year before the one written at its end. Ends a month or two
            # apart the wrong way round ("từ 20/7 đến 10/6/2024") are more likely a slip.
            start = _year_before(start)
        if start and due and start > due and not written and start.month >= due.month + 3:
            # "Từ ngày 20/12 đến ngày 10/1", "từ 25/12/2026 đến 10/1" (probed, hprobe5): no
            # year at the end, across the new year; read before as two deadlines in the plan's
            # year (flagged in a cell, but a sentence read 10/1 alone, without a flag). Ends a
            # month or two the wrong way round are a slip, as above, and flag as before.
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}' nối qua năm mới, chưa rõ năm nào")
            continue
        if start and due and start <= due:
            shown = cell.original(match.start(), match.end())
            note = (
                f"thứ trong '{shown}' không khớp với ngày"
                if _weekdays_disagree(match, start, due)
                else ""
            )
            yearless = not (match.groups()[8] or match.groups()[11])
            if two_milestones(match.group(0), start, due, cell.folded[: match.start()]):
                cell.add(match, [deadline(start), deadline(due)], note, yearless)
                continue
            cell.add(match, [deadline(due, start)], note, yearless)
        elif start and due and _GOES_ON.search(match.group(0)):
            # "khai mạc ngày 20/6 và diễn ra đến ngày 14/6/2025" (probed, round twenty-one):
            # its ends the wrong way round, a slip; read before as two deadlines, unflagged
            # (other ranges the wrong way round were flagged by the checks after, and are
            # left to them).
            shown = cell.original(match.start(), match.end())
            cell.add(match, [deadline(due)], f"'{shown}': ngày cuối trước ngày đầu, cần xem lại")
    # "từ ngày 01 đến ngày 30 tháng 6 năm 2024": days of one month, its month in words once;
    # before a worded date alone, which would take the second day and leave the first.
    _day_ranges(cell)
    for match in cell.matches(_WORDED):
        if (
            cell.strict
            and not _BOUND_FIRST.match(match[0])
            and not hours_bound(cell, match.start())
        ):
            # "Quy chế được phê duyệt ngày 05 tháng 02 năm 2026", "Nghị quyết số 03-NQ/ĐU ngày
            # 08 tháng 01 năm 2026" (probed, hprobe6): in a sentence a day in words, as one in
            # figures, is a deadline only after a bound; read before whatever stood before it.
            # Taken, so that its month is not read alone.
            cell.add(match, [])
            continue
        due = date_from((*match.groups()[:3], None, None, None), cell)
        if due is not None:
            cell.add(match, [deadline(due)], "", yearless=not match.group(3))
    for match in cell.matches(_MONTH_YEAR_RANGE):
        first, first_year, last, last_year = (int(g) for g in match.groups())
        if 1 <= first <= 12 and 1 <= last <= 12 and (first_year, first) <= (last_year, last):
            cell.add(match, [deadline(month_end(last_year, last), date(first_year, first, 1))])
    for match in cell.matches(_NEXT_MONTHS):
        listed, shared = [int(m) for m in re.findall(r"\d{1,2}", match[1])], int(match[2])
        if not all(1 <= m <= 12 for m in listed) or listed != sorted(set(listed)):
            continue
        if listed == list(range(listed[0], listed[-1] + 1)):
            cell.add(match, [deadline(month_end(shared, listed[-1]), date(shared, listed[0], 1))])
        elif len(listed) > 2:
            cell.add(match, [deadline(month_end(shared, m), date(shared, m, 1)) for m in listed])
    listing = "thang" in cell.folded and any(j in cell.folded for j in (",", "va", "&", "+"))
    for match in cell.matches(_NEXT_MONTHS_YEARLESS) if listing else ():
        listed = [int(m) for m in re.findall(r"\d{1,2}", match[1])]
        in_a_row = listed == list(range(listed[0], listed[-1] + 1)) and listed[0] >= 1
        # "trong tháng 12 và tháng 1": in a row across a year's end; which years is unsaid.
        across = [(m - 1) % 12 + 1 for m in range(listed[0], listed[0] + len(listed))]
        if _DAY_BEFORE.search(cell.folded[: match.start()]) or max(listed) > 12:
            continue
        if not in_a_row and listed == across and listed[0] > listed[-1]:
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}': các tháng nối qua năm mới, chưa rõ năm nào")
            continue
        year = need_year(cell, match, cell.year) if in_a_row else None
        if year is not None:
            window = deadline(month_end(year, listed[-1]), date(year, listed[0], 1))
            cell.add(match, [window], yearless=True)
    for match in cell.matches(_QUARTER_RANGE) if "quy" in cell.folded else ():
        _quarter_range(cell, match)
    for match in cell.matches(_YEAR_RANGE):
        from_year, to_year = int(match[1]), int(match[2])
        if from_year <= to_year:
            cell.add(match, [_years_window(from_year, to_year)])
    for match in cell.matches(_MONTH_RANGE):
        year = need_year(cell, match, year_of(match.group(3), cell))
        first, last = int(match.group(1)), int(match.group(2))
        if year is not None and 1 <= first <= last <= 12:
            cell.add(match, [deadline(month_end(year, last), date(year, first, 1))])
        elif year is not None and 1 <= last < first <= 12:
            _months_across_the_year(cell, match, first, last, year)
    _counted_windows(cell)


def _months_across_the_year(
    cell: Cell, match: re.Match[str], first: int, last: int, year: int
) -> None:
    """ "Tháng 12-1/2027", "từ tháng 11 đến tháng 2/2027" (probed, hprobe5): months across
    the new year, read before as the 12th of January, without a flag. The year written
    after the last is its own; the first falls in the year before, as a range of days
    across the new year does. With no year written, which years is for an officer to say
    (as "tháng 12 và tháng 1")."""
    if match.group(3):
        cell.add(match, [deadline(month_end(year, last), date(year - 1, first, 1))])
        return
    shown = cell.original(match.start(), match.end())
    cell.add(match, [], f"'{shown}': các tháng nối qua năm mới, chưa rõ năm nào")


# "trong 12 ngày, từ ngày 9-6 đến ngày 20-6", "trong 2 ngày 22/9 - 23/9": the count of days
# a window lasts, written before it. Taken when it agrees with the window.
# "Hai ngày 03 và 04/02/2017": the count of the days listed. "trong thời gian 7 ngày, từ
# 28/10 đến 3/11", "Trong thời gian 6 ngày (từ 9 đến 14-10)": the window may follow in
# brackets. "Trong vòng 3 ngày từ 10-12/6": "trong vòng" as "trong"; "trong thời hạn" too
# (hmeta), before the window or after it.
# "tổng cộng 9 ngày, từ 25/1 đến hết 2/2", "từ 25/1 đến hết 2/2, tổng cộng 9 ngày" (round
# fourteen, holiday notices): "tổng cộng", "tổng số", "kéo dài" lead a count as "trong" does,
# before the window or after it. "trong thời gian 2 ngày, từ ngày 10 và 11/6" (round fifteen):
# a "từ" may stand between the count and the days it lists. "diễn ra trong 1 ngày vào
# 28/7/2025", "trong một ngày, ngày 28/7" (round sixteen): one day, then the day it is.
_DAYS_COUNT = re.compile(
    r"(?:(?:trong(?:\s+thoi\s+(?:gian|han)|\s+vong)?|tong\s+(?:cong|so)|keo\s+dai(?:\s+trong)?)\s+|(?<![a-z\d]))"
    r"(\d{1,3}|mot|hai|ba|bon)\s+(?:ngay(?:\s+lien\s+tuc)?\s*[,(:]?\s*(?:tinh\s+)?(?:tu\s+)?)?(?:vao\s+(?:ngay\s+)?)?$"
)
# "từ 15/5 đến 17/5, trong 03 ngày", "từ ngày 15/5 đến ngày 17/5 (03 ngày)" (probed,
# hprobe12): "trong (thời gian)" leads a count after its window too, and a bare count in
# brackets right after it is its length; both flagged before. Not working days ("(05 ngày
# làm việc)"): they are left to flag.
_DAYS_COUNT_AFTER = re.compile(
    r"\s*[,;]?\s*(?:\(\s*)?(?:(?:tong\s+(?:cong|so)|keo\s+dai(?:\s+trong)?|trong(?:\s+thoi\s+(?:gian|han)|\s+vong)?)\s+(?:la\s+)?"
    r"|(?<=\()|(?<=\(\s))(\d{1,3})\s+ngay"
    r"(?:\s+lien\s+tuc)?(?![a-z])(?!\s+lam\s+viec)(?:\s*\))?"
)
_COUNT_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4}
# "trong 1 ngày vào 28/7, 29/7": another day listed after a day read alone; the count is of
# them all, which one reading does not know.
_MORE_DAYS = re.compile(r"\s*(?:,|;|&|-|va|hoac|den|toi)\s*(?:ngay\s+)?\d")


def _maybe_off(year: int) -> set[date]:
    """Days a public holiday may fall on in ``year``, taken broadly: New Year, the days around
    30/4–1/5 and 2/9, the Hùng Kings' day and the whole Tết week (lunar, so computed)."""
    days = {date(year, m, d) for m, d in ((1, 1), (4, 30), (5, 1), (9, 1), (9, 2), (9, 3))}
    kings = lunar_to_solar(10, 3, year)
    if kings is not None:
        days.add(kings)
    tet = lunar_to_solar(1, 1, year)
    if tet is not None:
        days.update(tet + timedelta(n) for n in range(-6, 8))
    return days


def _weekdays(start: date, due: date) -> int:
    """Monday to Friday from ``start`` to ``due``, both counted; -1 when either end is a
    weekend or a public holiday may fall inside (the reader holds no calendar of days off)."""
    span = [start + timedelta(n) for n in range((due - start).days + 1)]
    off = set().union(*(_maybe_off(y) for y in {start.year, due.year}))
    if start.weekday() > 4 or due.weekday() > 4 or any(day in off for day in span):
        # Working days are counted from a working day to a working day: "5 ngày, từ thứ Hai
        # đến Chủ nhật" is a week of seven days miscounted, or of five worked: unsaid.
        return -1
    return sum(1 for day in span if day.weekday() < 5)


def working_days_within(start: date, due: date) -> tuple[int, int] | None:
    """The fewest and the most working days from ``start`` to ``due`` (both counted): Monday to
    Friday, less as many as the public holidays that may fall inside (``_maybe_off``: the reader
    holds no calendar of days off, so a holiday's bridge day is not known). None when an end
    is a weekend or may be a holiday: working days are counted from a working day to one."""
    if due < start or (due - start).days > 366:
        return None
    off = set().union(*(_maybe_off(y) for y in {start.year, due.year}))
    if any(end.weekday() > 4 or end in off for end in (start, due)):
        return None
    weekdays = [start + timedelta(n) for n in range((due - start).days + 1)]
    weekdays = [day for day in weekdays if day.weekday() < 5]
    return len(weekdays) - sum(1 for day in weekdays if day in off), len(weekdays)


def _counted_windows(cell: Cell) -> None:
    for found in list(cell.found):
        dated = [r for r in found.rules if r.kind == "deadline" and r.due]
        if not dated:
            continue
        rule = dated[0]
        # "Trong thời gian 12 ngày (từ ngày 17-3 đến 1-4)" (round twenty-seven): a course's
        # count of days may be its working days, Monday to Friday; it agrees so too. A window
        # that may hold a public holiday, whose working days the reader cannot count, flags.
        workdays = -1
        if len(dated) == 1 and rule.start is not None and rule.due is not None:
            days = (rule.due - rule.start).days + 1
            if 0 < days <= 366:
                workdays = _weekdays(rule.start, rule.due)
        elif len(dated) == 1 and _MORE_DAYS.match(cell.folded, found.end):
            _count_before_days_each_dated(cell, found)
            continue
        else:
            days = len(dated) if all(r.start is None for r in dated) else -1
        after = _DAYS_COUNT_AFTER.match(cell.folded, found.end)
        if after and int(after[1]) == days and cell.free(after.start(), after.end()):
            cell.take(after.start(), after.end())
        count = _DAYS_COUNT.search(cell.folded[: found.start])
        if count is None:
            continue
        number = _COUNT_WORDS[count[1]] if count[1] in _COUNT_WORDS else int(count[1])
        led = count[0].startswith(("trong", "tong", "keo"))
        # "5 ngày liên tục, từ thứ Hai, ngày 16/2 đến hết thứ Sáu, ngày 20/2" (round
        # thirty-six, a commune's Tết notice): days "liên tục" (running) are a window's length
        # as "trong" makes them, calendar days only; "liên tục" was read besides as continuous
        # work beside the window, flagged. Taken with the count, it is no second reading.
        running = re.search(r"(?<![a-z])lien\s+tuc(?![a-z])", count[0]) is not None
        if (
            (number == days and (led or running or len(dated) > 1))
            or (led and number == workdays)
            or (led and number == 30 and len(dated) == 1 and _a_month_long(rule))
        ):
            cell.take(count.start(), count.end())
            if running:
                cell.found[:] = [
                    f
                    for f in cell.found
                    if not (
                        count.start() <= f.start
                        and f.end <= count.end()
                        and f.rules
                        and all(r.kind == "continuous" for r in f.rules)
                    )
                ]


# "hai ngày 26/2 và 27/2", "trong 3 ngày 5/6, 6/6 và 7/6" (the tune part's remaining misses,
# hmiss2): a count, then the days it counts each written with its month, as "hai ngày 26 và
# 27/2" (the month once) has been read: both days, the count taken when it agrees (the count
# was left unread and flagged). Only days alone (no window, no hour), joined by "," or "và", the
# count of them equal to the number, nothing listed after; a count that disagrees, or days
# joined by "hoặc", "đến" or a dash, still flag.
_DAY_JOINT = re.compile(r"\s*(?:,|va)\s*(?:ngay\s+)?")


def _a_single_day(found: Found) -> bool:
    return (
        len(found.rules) == 1
        and found.rules[0].kind == "deadline"
        and found.rules[0].due is not None
        and found.rules[0].start is None
        and found.rules[0].due_time is None
    )


def _count_before_days_each_dated(cell: Cell, first: Found) -> None:
    if not _a_single_day(first):
        return
    count = _DAYS_COUNT.search(cell.folded[: first.start])
    if count is None or not cell.free(count.start(), count.end()):
        return
    run = [first]
    for found in sorted(cell.found, key=lambda f: f.start):
        if found.start <= run[-1].start:
            continue
        joint = _DAY_JOINT.fullmatch(cell.folded, run[-1].end, found.start)
        if joint is None or not _a_single_day(found):
            break
        run.append(found)
    number = _COUNT_WORDS[count[1]] if count[1] in _COUNT_WORDS else int(count[1])
    if len(run) < 2 or number != len(run) or _MORE_DAYS.match(cell.folded, run[-1].end):
        return
    if len({f.rules[0].due for f in run}) != len(run):
        return
    cell.take(count.start(), count.end())


def _a_month_long(rule: Rule) -> bool:
    """ "trong 30 ngày (từ 25/7 đến 25/8)" (hsweep): "30 ngày" is how a month is told in days;
    a window from a day to the same day of the next month (or the day before it), or a whole
    month, is as long as that, whatever the month's true length."""
    start, due = rule.start, rule.due
    if start is None or due is None:
        return False
    if start.day == 1 and due == month_end(start.year, start.month):
        return True
    following = (start.year + start.month // 12, start.month % 12 + 1)
    return (due.year, due.month) == following and 0 <= start.day - due.day <= 1


# "trong 30 ngày kể từ ngày 01/4", "trong vòng 15 ngày kể từ 0 giờ ngày 1/4" (round
# thirty-four): a count of calendar days from a written day (or from its midnight) is a
# window that closes on the count's last day; the start alone was read as
# continuous work, or the midnight as the deadline, with the count unread (flagged). Not
# working days ("10 ngày làm việc"), not a start at another hour (the convention after round
# eight).
# Without "kể" ("trong 61 ngày từ 1/11", "20 ngày từ ngày 3/4"; the lead's convention, hconv2):
# counted as "kể từ" is, the first day not counted (due D+N); flagged before. A count with no
# "trong" before it is read only at the phrase's head or after a colon or comma ("Niêm yết: 15
# ngày từ ngày 1/6"); after other words ("có hiệu lực sau 15 ngày …") it is left to flag. When an
# end is written ("… từ 1/11 đến 31/12") the window is read, and the count only checked against it.
#   "trong thời gian 30 ngày (kể từ ngày 25/9/2017)" (the tune part's older misses,
# hfirst5859): the start may stand in brackets of its own after the count, the bracket closing
# right after its day. Counts in weeks, months or years from a day stay reviews (round eleven's
# convention, hprobe12's probes): hfirst55 read them as D+N, and the lead kept the convention.
_COUNT_FROM = re.compile(
    r"(?:(?<![a-z])trong\s+(?:vong\s+|thoi\s+gian\s+|thoi\s+han\s+)?|^\W*|[:,;]\s*)(\d{1,3})\s+ngay\s*,?\s*"
    r"(\(\s*)?(?:ke\s+|tinh\s+)?(?:tu\s+0\s*(?:gio|h)(?:\s*00)?\s*,?\s*)?(?:ngay\s+)?$"
)
_MIDNIGHT = re.compile(r"tu\s+0\s*(?:gio|h)")
_CLOSING = re.compile(r"\s*\)")


def _days_counted_from(cell: Cell) -> None:
    for found in cell.found:
        if len(found.rules) != 1:
            continue
        rule = found.rules[0]
        count = _COUNT_FROM.search(cell.folded[: found.start])
        if count is None or not 0 < int(count[1]) <= 366:
            continue
        closing = _CLOSING.match(cell.folded, found.end) if count[2] else None
        if count[2] and (closing is None or not cell.free(*closing.span())):
            continue
        midnight = _MIDNIGHT.search(cell.folded, count.start(), found.start)
        days = int(count[1])
        if midnight is None and rule.kind == "continuous" and rule.start is not None:
            # Counted from a day, the day itself is not counted (Civil Code art. 147), as the
            # probes of hprobe7 want "Trong 10 ngày kể từ ngày 01/7" (due 11/7; flagged
            # before). From its midnight, the day is the first counted.
            first = rule.start + timedelta(days=1)
        elif midnight is not None and rule.kind == "deadline" and rule.start is None and rule.due:
            first = rule.due
            hours = [t for t in cell.times if midnight.start() <= t[0] < found.start]
            if len(hours) != 1 or hours[0][3] != time(0, 0):
                continue
            cell.times.remove(hours[0])
        else:
            continue
        due = first + timedelta(days=days - 1)
        found.rules = [Rule(kind="deadline", start=first, due=due)]
        cell.counted_ends.append(due)
        cell.take(count.start(), found.start)
        if closing is not None:
            cell.take(*closing.span())


# "trong khoảng thời gian từ ngày 1/2 đến hết ngày 30/6" (round eighteen): "during the span
# from … to …", the window's own words, set aside once the window after them is read.
# "Khoảng từ …" alone (about when) is left to flag.
# "trong khoảng thời gian từ nay cho đến hết ngày 5/5/2025" (round twenty-one): from now, too.
# "trong khoảng từ năm 2024-2026", "trong khoảng năm 2024-2026", "trong khoảng từ tháng 5 đến
# tháng 7" (the tune part's misses, hmiss): the same words before a span of months, quarters or
# years; "khoảng" after "trong" is the span itself (as in "trong khoảng thời gian"), not "about":
# both ends are written, and the README's convention reads a range of years as one window at
# the last year's end. A bare "khoảng năm 2024-2026" (no "trong"), "trong khoảng năm 2025" (one
# year: about when) and "trong khoảng 1-3 ngày" (a count) are left to flag.
# "trong khoảng tháng 02 đến tháng 4/2025", "trong khoảng ngày 3/5 đến ngày 9/5" (round
# fifty-seven, hfirst57): the same words before a range written without "từ", both its ends
# written (a month or a day, "đến", "tới" or a dash, another); "trong khoảng tháng 4" (one
# month: about when) still flags, and so does "khoảng tháng 2 đến tháng 4" (no "trong").
_SPAN_WORDS = re.compile(
    r"(?<![a-z])trong\s+khoang(?:\s+thoi\s+gian)?\s+"
    r"(?=tu\s+(?:(?:ngay|thang|nam)\s+)?\d|tu\s+quy\s+[ivx\d]|tu\s+(?:hom\s+)?nay(?![a-z])"
    r"|nam\s+\d{4}\s*[-–]\s*\d{4}(?!\d)"
    r"|thang\s+\d{1,2}(?:\s*[/.\-]\s*\d{4})?\s*(?:den|toi|[-–])\s*(?:het\s+)?thang\s+\d"
    r"|(?:ngay\s+)?\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?\s*(?:den|toi|[-–])\s*"
    r"(?:het\s+)?(?:ngay\s+)?\d{1,2}\s*[/.\-]\s*\d)"
)


def _window_words(cell: Cell) -> None:
    folded = cell.folded
    for match in _SPAN_WORDS.finditer(folded) if "khoang" in folded else ():
        # "năm 2024-2026": the range of years is written right after (read later, by ``years``).
        years_ahead = folded.startswith("nam", match.end())
        # The window after them is read as one window (its start and its end), not its first
        # month or day alone beside a deadline.
        window = any(
            f.start == match.end() and len(f.rules) == 1 and f.rules[0].start is not None
            for f in cell.found
        ) or folded.startswith("tu", match.end())
        if cell.free(match.start(), match.end()) and (
            years_ahead or (window and not cell.free(match.end(), match.end() + 2))
        ):
            cell.take(match.start(), match.end())


def _year_before(day: date) -> date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return None


# "Thời điểm nghỉ hưu … là kết thúc ngày cuối cùng của tháng 4-2021", "ngày đầu tiên của tháng
# 5-2021", "ngày cuối cùng của năm 2025" (round thirty-eight): a month's or a year's first or last
# day named in words; that day (read before as the whole month or year, flagged). "bắt đầu"
# before it makes it a start, continuous work from that day; "kết thúc" (its end) changes no
# day. Not after "từ" (``_FROM_FIRST_DAY`` reads that start) and not before "đến", "tới" or a
# dash (a range, left as before); the month needs its year written or known.
_NAMED_FIRST_LAST_DAY = re.compile(
    r"(?<![a-z])(?<!tu\s)(?:(ket\s+thuc|bat\s+dau)\s+)?(?:(?:vao|la)\s+)?"
    r"ngay\s+(dau\s+tien|cuoi\s+cung)\s+cua\s+"
    r"(?:nam\s+(\d{4})|thang\s+(\d{1,2})(?:\s*(?:/|-|\.|nam)\s*(\d{4}))?)(?![\d/.-])"
    r"(?!\s*(?:den|toi|-|–))"
)


def named_first_last_days(cell: Cell) -> None:
    if "dau tien" not in cell.folded and "cuoi cung" not in cell.folded:
        return
    for match in cell.matches(_NAMED_FIRST_LAST_DAY):
        first = match.group(2).startswith("dau")
        if match.group(3):
            year, month = int(match.group(3)), (1 if first else 12)
        else:
            month = int(match.group(4))
            year = need_year(cell, match, year_of(match.group(5), cell))  # type: ignore[assignment]
            if year is None or not 1 <= month <= 12:
                continue
        day = date(year, month, 1) if first else month_end(year, month)
        if match.group(1) == "bat dau":
            cell.add(match, [Rule(kind="continuous", start=day)])
        else:
            cell.add(match, [deadline(day)])


def starts(cell: Cell) -> None:
    """A start with no end ("Từ 01/01/2024", "Từ tháng 4/2024"): continuous from then."""
    for match in cell.matches(_FROM_DATE):
        start = date_from(match.groups()[:6], cell)
        if start is not None:
            shown = cell.original(match.start(), match.end())
            note = (
                f"thứ trong '{shown}' không khớp với ngày"
                if _weekdays_disagree(match, start, start)
                else ""
            )
            cell.add(match, [Rule(kind="continuous", start=start)], note)
    for match in cell.matches(_FROM_YEAR):
        cell.add(match, [Rule(kind="continuous", start=date(int(match.group(1)), 1, 1))])
    if "dau tien" in cell.folded:
        for match in cell.matches(_FROM_FIRST_DAY):
            if match.group(1):
                cell.add(match, [Rule(kind="continuous", start=date(int(match.group(1)), 1, 1))])
                continue
            year = need_year(cell, match, year_of(match.group(3), cell))
            month = int(match.group(2))
            if year is not None and 1 <= month <= 12:
                cell.add(match, [Rule(kind="continuous", start=date(year, month, 1))])
    if "nam hoc" in cell.folded:
        for match in cell.matches(_FROM_SCHOOL_YEAR):
            first, second = int(match.group(1)), int(match.group(2))
            if second == first + 1:
                cell.add(match, [Rule(kind="continuous", start=date(first, 9, 1))])
    for match in cell.matches(_FROM_QUARTER):
        year = need_year(cell, match, year_of(match.group(2), cell))
        if year is not None:
            first_month = _ROMAN[match.group(1)] * 3 - 2
            cell.add(match, [Rule(kind="continuous", start=date(year, first_month, 1))])
    for match in cell.matches(_FROM_MONTH):
        year = need_year(cell, match, year_of(match.group(2), cell))
        month = int(match.group(1))
        if year is not None and 1 <= month <= 12:
            cell.add(match, [Rule(kind="continuous", start=date(year, month, 1))])


def _day_lists(cell: Cell) -> None:
    bracketed = [
        m
        for m in cell.matches(_DAY_LIST_BRACKETED)
        if re.search(r"(?<![a-z\d])(?:\d{1,3}|hai|ba|bon)\s+$", cell.folded[: m.start()])
    ]
    for match in [*cell.matches(_DAY_LIST), *bracketed]:
        year = need_year(cell, match, year_of(match.group(4), cell))
        days = [int(match.group(1)), *(int(d) for d in re.findall(r"\d{1,2}", match.group(2)))]
        month = int(match.group(3))
        if year is None or not 1 <= month <= 12 or days != sorted(set(days)):
            continue
        if days[-1] <= month_end(year, month).day and days[0] >= 1:
            cell.add(match, [deadline(date(year, month, d)) for d in days])


def _day_ranges(cell: Cell) -> None:
    for match in cell.matches(_DAY_RANGE):
        if cell.folded[: match.start()].rstrip().endswith("thang"):
            continue  # "tháng 3-5/2024" is months
        year = need_year(cell, match, year_of(match.group(4), cell))
        first, last, month = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if year is None or not 1 <= month <= 12 or not 1 <= first < last:
            continue
        if last <= month_end(year, month).day:
            # Without its year it is yearless, as "từ 1/6 đến 7/6" is: "hằng năm, từ ngày 1 -
            # 7/6" is then the yearly window, as "từ ngày 1 - 7/6 hằng năm" was (round
            # seventeen: read as a window beside a bare yearly cadence, flagged).
            window = deadline(date(year, month, last), date(year, month, first))
            cell.add(match, [window], yearless=not match.group(4))


# A sentence's bound, then an hour, then the day ("báo cáo trước 17 giờ ngày 15/3/2026",
# "tổ chức vào 8 giờ ngày 20/3/2026", "chậm nhất 16 giờ 30 phút ngày 5 tháng 5 năm 2026"), or
# a span of hours then the day ("từ 7 giờ 30 đến 11 giờ ngày 12/4/2026"): the hours (read by
# ``times`` first, with the bound when it leads them) stand between the bound and the day,
# which a sentence's strict reading wants side by side; the day went unread and the hour was
# flagged as bound to no deadline (found by round nineteen's helper and the lead's probe).
_DAY_AFTER_HOUR = re.compile(rf"\s*,?\s*(?:ngay\s+)?{ANY_DATE}")
_BOUND_BEFORE_HOUR = re.compile(rf"(?<![a-z]){_DEADLINE_VERB}\s*:?\s*$")
_HOURS_BEFORE_DAY = re.compile(r"\s*,?\s*(?:ngay\s+)?$")


def hours_bound(cell: Cell, day_start: int) -> tuple[int, int] | None:
    """The span of the bound before the hours just before a day, or (for a span of hours,
    which says its day's when) of those hours; None where the day has no such hours."""
    for hour_start, hour_end, first, _ in cell.times:
        if hour_end > day_start or not _HOURS_BEFORE_DAY.match(cell.folded[hour_end:day_start]):
            continue
        bound = _BOUND_FIRST.match(cell.folded, hour_start) or _BOUND_BEFORE_HOUR.search(
            cell.folded, max(0, hour_start - 30), hour_start
        )
        if bound is not None:
            return bound.start(), bound.end()
        if first is not None:
            return hour_start, hour_start
    return None


def _bound_hour_then_day(cell: Cell) -> None:
    for _, hour_end, _, _ in list(cell.times):
        match = _DAY_AFTER_HOUR.match(cell.folded, hour_end)
        if match is None or 1 in cell.taken[match.start() : match.end()]:
            continue
        bound = hours_bound(cell, match.end() - len(match.group(0).lstrip(" ,")))
        groups = match.groups()
        due = date_from(groups[:6], cell) if bound else None
        if bound is None or due is None:
            continue
        # The reading spans its bound, so that a clause told as done ("vào 8 giờ ngày 5/3,
        # UBND xã đã …") is recognised as it is without the hour.
        cell.take(bound[0], match.end())
        start = min(bound[0], match.start() + len(match.group(0)) - len(match.group(0).lstrip()))
        cell.found.append(
            Found(start, match.end(), [deadline(due)], "", not (groups[2] or groups[5]))
        )


def dates(cell: Cell, strict: bool) -> None:
    if strict and cell.times:
        _bound_hour_then_day(cell)
    for match in cell.matches(_DEADLINE_STRICT if strict else _DEADLINE):
        groups = match.groups()
        due = date_from(groups[:6], cell)
        if due is None:
            if year_of(groups[2] or groups[5], cell) is None:
                need_year(cell, match, None)
            continue
        yearless = not (groups[2] or groups[5])
        cell.add(match, [deadline(due)], "", yearless)
    if "ngay" in cell.folded and not strict:
        # "trong 1 ngày vào 28/7/2025": a day read alone may have its count of days too.
        _counted_windows(cell)
        _days_counted_from(cell)
    if "khoang" in cell.folded and not strict:
        _window_words(cell)


def day_only(cell: Cell) -> None:
    for match in cell.matches(_DAY_ONLY):
        cell.add(
            match,
            [],
            f"'{cell.original(match.start(), match.end())}' chỉ nêu ngày, không rõ tháng nào",
        )
