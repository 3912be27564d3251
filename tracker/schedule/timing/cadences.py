"""Recognisers of cadences: hằng tuần, tháng, quý, năm, their weekday or day, and the
lists that name several at once."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from tracker.schedule.rules import Rule
from tracker.schedule.timing.cell import (
    WEEK_ORDINAL,
    Cell,
    Found,
    deadline,
    fold_keep_length,
    month_end,
    need_year,
    recurring,
    rx,
)
from tracker.vn import fold

_WEEKDAYS = {
    "hai": "MO", "ba": "TU", "tu": "WE", "nam": "TH", "sau": "FR", "bay": "SA",
    "2": "MO", "3": "TU", "4": "WE", "5": "TH", "6": "FR", "7": "SA",
}  # fmt: skip


# Cadences: "hằng tuần, tháng, quý, năm", "định kỳ hàng quý, 01 năm", "02 lần/năm" … Not
# "hằng năm học", "02 lần/năm học" (probed, hprobe5): the school year is no calendar year
# (read before as yearly on 31/12, or half-yearly, without a flag).
# "tuần tra" (a patrol; probed, hprobe14: "Hằng tháng, tuần tra kiểm soát" read a weekly
# cadence) is no week.
# "Báo cáo 9 tháng", "báo cáo chín tháng đầu năm" (probed, hprobe15): the nine-month report,
# due once a year at the end of September (its period's end); beside its sending day it names
# the report (``_report_names``). Left unread before ('9' flagged).
_PERIOD_WORD = r"(?:(?:hang|moi|tung)\s+)?(?:0?1\s+)?(?:tuan\b(?!\s+tra\b)|thang\b(?!\s*\d)|quy\b(?!\s*(?:iv|i{1,3}|v|[1-4])(?![a-z\d])|\s+dinh)|nam\b(?!\s*\d|\s+hoc\b)|0?6\s+thang\b(?:\s+(?:dau|cuoi)\s+(?:cua\s+)?nam\b(?!\s*\d))?|(?:0?9|chin)\s+thang\b(?!\s*\d)(?:\s+dau\s+(?:cua\s+)?nam\b(?!\s*\d))?)"


_CADENCE = re.compile(
    rf"(?<![a-z])(?:dinh\s+ky|hang|moi|tung|bao\s+cao|theo)\s+({_PERIOD_WORD}(?:\s*(?:,|va|hoac)\s*{_PERIOD_WORD})*)"
)

_CADENCE_HEAD = re.compile(r"(?<![a-z])(?:dinh\s+ky|hang|moi|tung|bao\s+cao|theo)\s")


def _untaken_cadences(cell: Cell) -> Iterator[re.Match[str]]:
    """The cadences no other reading took, left to right. A list whose head another reading
    took leaves the rest to be read: "ngày 31/3 hằng năm hoặc hằng quý" (probed, hprobe13),
    where "hằng năm hoặc hằng quý" matched as one list and was dropped with "hằng quý"."""
    end = 0
    for head in _CADENCE_HEAD.finditer(cell.folded):
        if head.start() < end:
            continue
        match = _CADENCE.match(cell.folded, head.start())
        if match is None or 1 in cell.taken[match.start() : match.end()]:
            continue
        end = match.end()
        yield match


# "ít nhất một lần/năm", "ít nhất sáu tháng/lần": at least as often; the cadence holds.
_HALF_YEARLY = rx(
    r"(?<!\d)(?:it_nhat_)?(?:dinh_ky_)?(?:(?:0?6|sau)_thang /? (?:0?1_|mot_)?lan|0?2_(?:lan|dot|ky) / nam(?!\s+hoc)|hai_lan_(?:moi|mot|trong)_nam"
    r"|(?:moi|hang)_0?6_thang|0?6_thang_mot_lan|nua_nam_mot_lan|sau_thang_mot_lan)"
)


# "ít nhất 2 lần/năm", "tối thiểu hai lần mỗi năm" (round twenty-three): a least number of
# times, not when; half-yearly is a guess (both may fall in one half), so it is offered and
# flagged. Once a period at least ("ít nhất một lần/năm") and an interval at least ("ít nhất
# sáu tháng/lần") say their due day, and stay read as before.
_AT_LEAST_TWICE = rx(
    r"(?<![a-z])(?:it_nhat|toi_thieu)_(?:dinh_ky_)?(?:0?2|hai)_(?:lan|dot|ky)(?![a-z])"
)
# "ít nhất 12 lần/năm", "tối thiểu 4 lần/năm" (probed, hprobe11): a least number of times
# more than once, read before as the cadence it would be exactly, without a flag.
_AT_LEAST_MANY = rx(
    r"(?<![a-z])(?:it_nhat|toi_thieu)_(?:dinh_ky_)?(?:0?[2-9]|[1-9]\d|hai|ba|bon|sau|muoi_hai)_(?:lan|dot|ky)(?![a-z])"
)


# "1 năm 1 lần", "một năm một lần": the period first, then the times, as "1 lần/năm".
_YEARLY = rx(
    r"(?<!\d)(?:it_nhat_)?(?:(?:0?1|mot)_(?:lan|dot) / nam(?!\s+hoc)|mot_lan_(?:moi|mot|trong)_nam"
    r"|(?:0?1|mot)_nam_(?:0?1|mot)_lan)"
)


# "ít nhất 01 ngày trong 01 tháng" (round twenty-two): one day a month, its day unsaid.
_MONTHLY = rx(
    r"(?<!\d)(?:it_nhat_)?(?:(?:0?1|mot)_(?:lan|dot) / thang|12_(?:lan|dot) / nam"
    r"|(?:0?1|mot)_ngay_trong_(?:(?:0?1|mot)_)?thang(?![a-z]|\s*\d))"
)


_QUARTERLY = rx(
    r"(?<!\d)(?:(?:0?1|mot)_(?:lan|dot) / quy|0?3_thang /? (?:0?1_|mot_)?lan|0?4_(?:lan|dot|ky) / nam|(?:moi|hang)_0?3_thang)"
)


# "ít nhất 01 ngày trong 01 tuần" (round twenty-two): a day a week, as the law asks of a
# commune chairman's citizens' reception.
_WEEKLY = rx(
    r"(?<!\d)(?:(?:0?1|mot)_(?:lan|dot) / tuan"
    r"|(?:it_nhat_)?(?:0?1|mot)_ngay_trong_(?:(?:0?1|mot)_)?tuan(?![a-z]))"
)


# "Chi hội quý họp một lần", "năm tổ chức 2 lần": the period first, the task's verb, then
# how many times. Once a week, month, quarter or year; twice a year is every half-year.
_PERIOD_THEN_TIMES = re.compile(
    r"(?<![a-z\d/.])(?<!\d\s)(?<!hang\s)(?<!moi\s)(?<!tung\s)(tuan|thang|quy|nam)(?!\s*[\d/.\-])\s+((?:[a-z]+\s+){1,2}?)(0?1|mot|0?2|hai)\s+lan(?![a-z])"
)
_TIMES_UNIT = {("tuan", 1): "tuan", ("thang", 1): "thang", ("quy", 1): "quy",
               ("nam", 1): "nam", ("nam", 2): "6thang"}  # fmt: skip
# Words that would make the period another one ("tháng sau", "năm nay") or say when.
_NOT_A_VERB = frozenset(
    [
        "nay", "sau", "truoc", "toi", "dau", "cuoi", "giua", "nua", "hang", "moi", "tung",
        "thu", "ngay", "tuan", "thang", "quy", "nam", "lan", "dinh", "ky", "hoc", "tai",
        "khoa", "dot", "phien",
    ]
)  # fmt: skip


# "trưa", "đêm" before a weekday ("Đêm thứ Bảy hằng tuần", hlex4): parts of the day as "sáng",
# "chiều", "tối" are; that weekday.
_A_WEEKDAY = re.compile(r"thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])\b|chu\s+nhat")
_WEEKDAY = re.compile(
    r"(?:vao\s+)?(?:(?:buoi\s+)?(?:sang|trua|chieu|toi|dem)\s+)?(?:ngay\s+)?(thu\s+(hai|ba|tu|nam|sau|bay|[2-7])\b|chu\s+nhat)"
)


# "thứ Hai của tuần đầu tiên trong tháng", "ngày thứ Năm, tuần thứ hai hằng tháng", "thứ Sáu
# tuần lễ cuối tháng": the nth such weekday of each month (the last one for "cuối").
_NTH_WEEK = re.compile(
    r"(?:vao\s+)?(?:(?:buoi\s+)?(?:sang|trua|chieu|toi|dem)\s+)?(?:(?:vao\s+)?(?:ngay\s+)?"
    r"(thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s*,?\s*(?:(?:cua|o|trong|vao)\s+)?)?"
    r"tuan(?:\s+le)?\s+(?:thu\s+)?"
    r"(nhat|dau|hai|ba|tu|cuoi|[1-4])(?:\s+(?:tien|cung))?\s*(?:(?:cua|trong)\s+)?(?:moi\s+|hang\s+|cac\s+)?thang(?!\s*\d)"
)


# "vào ngày thứ Sáu tuần thứ 2 và ngày thứ Sáu tuần thứ 4 hàng tháng": several at once.
_WEEK_OF_MONTH = (
    r"(?:ngay\s+)?(thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s*,?\s*(?:(?:cua|o|trong|vao)\s+)?"
    r"tuan(?:\s+le)?\s+(?:thu\s+)?(nhat|dau|hai|ba|tu|cuoi|[1-4])(?:\s+(?:tien|cung))?"
)
_NTH_WEEK_LIST = re.compile(
    rf"(?:vao\s+)?{_WEEK_OF_MONTH}(?:\s*(?:,|va)\s*{_WEEK_OF_MONTH})+"
    r"\s*(?:(?:cua|trong)\s+)?(?:moi\s+|hang\s+|cac\s+)?thang(?!\s*\d)"
)
_ONE_WEEK_OF_MONTH = re.compile(_WEEK_OF_MONTH)
# "Thứ Bảy tuần thứ 2 và tuần thứ 4 hằng tháng" (probed, hprobe3; flagged before): one weekday,
# the weeks listed, each "tuần" written. Not "… tuần thứ 2 và thứ 4": "thứ 4" is Wednesday
# as well as the fourth, so it is left to flag.
_WEEKS_OF_ONE_DAY = re.compile(
    r"(?:vao\s+)?(?:ngay\s+)?(thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s*,?\s*"
    r"(?:(?:cua|o|trong|vao)\s+(?:cac\s+)?)?"
    r"((?:tuan(?:\s+le)?\s+(?:thu\s+)?(?:nhat|dau|hai|ba|tu|cuoi|[1-4])(?:\s+(?:tien|cung))?\s*(?:,|va)\s*)+"
    r"tuan(?:\s+le)?\s+(?:thu\s+)?(?:nhat|dau|hai|ba|tu|cuoi|[1-4])(?:\s+(?:tien|cung))?)"
    r"\s*(?:(?:cua|trong)\s+)?(?:moi\s+|hang\s+|cac\s+)?thang(?!\s*\d)"
)
_ONE_WEEK = re.compile(r"tuan(?:\s+le)?\s+(?:thu\s+)?(nhat|dau|hai|ba|tu|cuoi|[1-4])")


# "thứ Hai đầu tiên của tháng", "thứ Sáu cuối cùng hằng tháng".
_NTH_WEEKDAY = re.compile(
    r"(?:(?:buoi\s+)?(?:sang|trua|chieu|toi|dem)\s+)?(?:ngay\s+)?(thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s+(?:thu\s+)?"
    r"(nhat|dau|hai|ba|tu|cuoi|[1-4])(?:\s+(?:tien|cung))?(?:\s+(?:cua|trong))?\s+(?:moi\s+|hang\s+)?thang(?!\s*\d)"
)


# "ngày thứ bảy cuối cùng tháng 3 hàng năm" (round fifteen, Earth Hour), "thứ Hai đầu tiên
# của tháng 9/2024", "Chủ nhật thứ 2 của tháng 5": that weekday of a named month, every year
# when "hằng năm" follows, else in the year written or the plan's. Flagged before, read as
# every such weekday. A bare number is the nth only before "của" or "trong": "thứ Hai 3
# tháng 6" is Monday the 3rd of June.
_NTH_WEEKDAY_OF_A_MONTH = re.compile(
    r"(?:(?:buoi\s+)?(?:sang|trua|chieu|toi|dem)\s+)?(?:ngay\s+)?(thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s+"
    r"(thu\s+(?:nhat|hai|ba|tu|[1-4])|(?:dau|cuoi)(?:\s+(?:tien|cung))?|[1-4](?=\s+(?:cua|trong)\s))"
    r"(?:\s+(?:cua|trong))?\s+thang\s+(\d{1,2})"
    r"(?:\s*(?:[/.\-]|nam)\s*(\d{4})|\s+((?:hang|moi)\s+nam))?(?![\d/.\-])"
)


_WEEKDAY_NUMBERS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _nth_weekday(year: int, month: int, nth: int, weekday: str) -> date:
    """The nth (or, -1, the last) given weekday of a month."""
    wanted = _WEEKDAY_NUMBERS.index(weekday)
    if nth < 0:
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - wanted) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(wanted - first.weekday()) % 7 + 7 * (nth - 1))


def _nth_weekdays_of_a_month(cell: Cell) -> None:
    for match in cell.matches(_NTH_WEEKDAY_OF_A_MONTH):
        nth = WEEK_ORDINAL[
            match[2].split()[1] if match[2].startswith("thu") else match[2].split()[0]
        ]
        month, weekday = int(match[3]), _weekday_code(match[1])
        if not 1 <= month <= 12:
            continue
        if match[5]:
            rrule = f"FREQ=YEARLY;BYMONTH={month};BYDAY={nth}{weekday}"
            cell.add(match, [recurring(rrule, "year")])
            continue
        year = need_year(cell, match, int(match[4]) if match[4] else cell.year)
        if year is not None:
            cell.add(match, [deadline(_nth_weekday(year, month, nth, weekday))])


# The words that lead to a due day: "trước", "chậm nhất (là)", "vào".
_BY = r"(?:truoc\s+|(?:cham|muon|tre)\s+nhat(?:\s+la)?\s+|vao\s+)?"


_MONTH_DAYS = re.compile(
    r"(?:truoc\s+|(?:cham|muon|tre)\s+nhat(?:\s+la)?\s+|vao\s+|tu\s+|(?:den|toi)\s+(?:het\s+)?)?(?:cac\s+)?ngay\s+(\d{1,2})(?!\d)((?:\s*(?:,|va)\s*(?:ngay\s+)?\d{1,2}(?!\d))*)"
    r"(?!\s*[/.\-]\s*\d|\s+thang\s+\d)"
)


# "Chậm nhất ngày 15 của tháng báo cáo", "trước ngày 20 của tháng sau tháng báo cáo": a day
# of every month (the month reported on, or the one after it).
# The month after is after a month the phrase names ("tháng sau tháng báo cáo", "tháng tiếp
# theo tháng phát sinh nghĩa vụ thuế"); a bare "ngày 20 tháng sau" says not which, and is
# left to flag. "ngày thứ 20": the 20th.
_ANCHOR_MONTH = r"(?:bao\s+cao|phat\s+sinh(?:\s+nghia\s+vu(?:\s+thue)?)?|ke\s+khai|tinh\s+thue)"
_REPORT_MONTH_DAY = re.compile(
    rf"{_BY}ngay\s+(?:thu\s+(?=\d{{2}}))?(\d{{1,2}})\s+(?:cua\s+)?thang\s+(?:bao\s+cao"
    # "ngày 14 của tháng thuộc kỳ báo cáo": the month of the reporting period (round twenty)
    r"|(?:thuoc|cua)\s+ky\s+bao\s+cao"
    r"|(?:(?:lien\s+)?sau|tiep\s+theo|ke\s+tiep)(?:\s+lien\s+ke)?\s+(?:cua\s+)?thang\s+"
    rf"{_ANCHOR_MONTH}"
    # "chậm nhất ngày 25 của tháng trước tháng tổ chức phiên họp" (hsweep): the month before a
    # monthly meeting's ("phiên họp", "phiên họp thường kỳ": a government's or a committee's
    # meeting of each month; a council's "kỳ họp", twice a year, and a meeting named further,
    # "phiên họp chuyên đề", are not, and are left to flag). Each month is some meeting's.
    r"|truoc\s+(?:cua\s+)?thang\s+(?:to\s+chuc\s+|dien\s+ra\s+|hop\s+)?(?:cac\s+)?phien\s+hop"
    r"(?:\s+thuong\s+ky)?(?:\s+(?:hang|moi)\s+thang)?(?=\s*(?:$|[,;.()])))(?![a-z])"
)
# "Tính từ ngày 15 của tháng trước kỳ báo cáo đến ngày 14 của tháng cuối quý", "từ ngày 15
# tháng trước đến ngày 14 của tháng báo cáo" (round twenty): a report's data period, from a
# day of the month before to a day of the month (or the quarter's last month) reported on.
# Its start is the period's, no day of its own: the end, read after it, is the reading. The
# start was left unread (flagged), or read as a monthly day of its own (probed: "từ ngày 15
# của tháng trước đến ngày 14 của tháng báo cáo" was monthly on the 15th, without a flag).
_PERIOD_FROM_MONTH_BEFORE = re.compile(
    r"(?:(?<![a-z])tinh\s+)?(?<![a-z])tu\s+(?:ngay\s+)?\d{1,2}\s+(?:cua\s+)?thang\s+truoc"
    r"(?:\s+(?:cua\s+)?ky\s+bao\s+cao)?\s*,?\s*(?:den|toi)\s+(?:het\s+)?"
    r"(?=(?:ngay\s+)?\d{1,2}\s+(?:cua\s+)?thang\s+(?:bao\s+cao|(?:thuoc|cua)\s+ky"
    r"\s+bao\s+cao|cuoi\s+(?:cung\s+)?(?:cua\s+)?quy)(?![a-z]))"
)
# "Kỳ 1 được tính từ ngày 01 đến ngày 10 của tháng báo cáo", "kỳ 3 từ ngày 21 đến ngày cuối
# cùng của tháng báo cáo" (round forty, banks' ten- and fifteen-day report periods): a span of
# days inside the month reported on, every month, due on its last day (or the month's last).
# Read before, the end alone was the report month's day and the start, left untaken, then gave
# the monthly rule its day (the 1st), without a flag; the end as "the last day of the month"
# was read as a count from an end (0 days after it), also without a flag.
_REPORT_MONTH_SPAN = re.compile(
    r"(?<![a-z])(?:(?:duoc\s+)?tinh\s+)?(?:bat\s+dau\s+)?tu\s+(?:ngay\s+)?(\d{1,2})\s*(?:den|toi|-)\s*"
    r"(?:het\s+)?(?:ngay\s+)?(\d{1,2}|cuoi\s+cung)\s+(?:cua\s+)?thang\s+(?:bao\s+cao"
    r"|(?:thuoc|cua)\s+ky\s+bao\s+cao)(?![a-z])"
)
# "Báo cáo tháng gửi trước ngày 15 của tháng": "the month" with nothing after it is every
# month ("của tháng đó", "của tháng sau" name one, and are left to flag).
_DAY_OF_THE_MONTH = re.compile(
    rf"{_BY}ngay\s+(\d{{1,2}})\s+cua\s+(?:moi\s+|hang\s+|tung\s+)?thang(?=\s*(?:$|[,;.()]))"
)
# "định kỳ từ ngày 5 đến ngày 13", "định kỳ theo lịch, từ ngày 1 đến ngày 7" (hsweep): a
# window of days with no month beside "định kỳ": only a month repeats its days, so it is each
# month's window, due on its last day, as "từ ngày 5 đến ngày 13 hằng tháng" is. "định kỳ" was
# read as a quarter (flagged) and the days left without their month. A day with its month
# after it ("đến ngày 13/5", "ngày 13 tháng 5") is no such window.
_PERIODIC_DAYS = re.compile(
    r"(?<![a-z])dinh\s+ky\s*,?\s*(?:theo\s+(?:phien|lich|ky)\s*,?\s*)?(?:vao\s+)?(?:cac\s+ngay\s+)?"
    r"tu\s+(?:ngay\s+)?(\d{1,2})\s*(?:den|toi|-)\s*(?:het\s+)?(?:ngay\s+)?(\d{1,2})"
    r"(?=\s*(?:$|[,;)]|\.(?!\s*\d)))"
)
# Another period said in the cell or the task ("định kỳ từ ngày 1 đến ngày 10 hằng quý", "…
# quý đầu", a quarterly report's task): the days are that period's, not each month's.
_ANOTHER_PERIOD = re.compile(
    r"(?<![a-z])(?:tuan|quy|nam|hang\s+ngay|moi\s+ngay|ky\s+bao\s+cao)(?![a-z])"
)
# A task that names a council's session, or a meeting of another period, beside "phiên họp".
_NOT_MONTHLY_MEETING = re.compile(
    r"(?<![a-z])(?:ky\s+hop|quy|nam|6\s+thang|hang\s+tuan|chuyen\s+de|bat\s+thuong)(?![a-z])"
)
_ANCHOR_QUARTER = r"(?:bao\s+cao|do|phat\s+sinh(?:\s+nghia\s+vu(?:\s+thue)?)?)"
# "ngày thứ ba mươi của quý tiếp theo quý phát sinh nghĩa vụ thuế": the Nth day of the
# quarter after each quarter, counted from its first day (Jan, Apr, Jul, Oct all have 30).
_NEXT_QUARTER_DAY = re.compile(
    rf"{_BY}ngay\s+(?:thu\s+(?=\d{{2}}))?(\d{{1,2}})\s+(?:cua\s+)?quy\s+(?:(?:lien\s+)?sau|tiep\s+theo|ke\s+tiep)"
    rf"(?:\s+lien\s+ke)?\s+(?:cua\s+)?quy\s+{_ANCHOR_QUARTER}(?![a-z])"
)


# "trước ngày 12 của tháng đầu tiên của kỳ kế tiếp", "ngày 10 tháng đầu của kỳ sau" (probed,
# hprobe15): a day of the first month of the period after the one reported on. Which period,
# the cell says only by the report's kind: read where it names one kind alone, quarterly (the
# first month of each quarter) or monthly (the month after: each month); left to flag where
# it names none, or several ("báo cáo quý, năm").
_NEXT_PERIOD_DAY = re.compile(
    rf"{_BY}ngay\s+(\d{{1,2}})\s+(?:cua\s+)?thang\s+dau(?:\s+tien)?\s+(?:cua\s+)?ky"
    r"\s+(?:ke\s+tiep|tiep\s+theo|(?:lien\s+)?sau)(?:\s+(?:cua\s+)?ky\s+bao\s+cao)?(?![a-z])"
)
_REPORT_KIND = re.compile(
    r"(?<![a-z])(?:bao\s+cao|hang|moi|dinh\s+ky)\s+(?:(?:dinh\s+ky|hang)\s+)?"
    r"(quy|thang|nam|(?:0?[69]|sau|chin)\s+thang)(?![a-z])"
)


def _one_report_kind(cell: Cell) -> str | None:
    kinds = {" ".join(k.split()) for k in _REPORT_KIND.findall(cell.folded)}
    return kinds.pop() if len(kinds) == 1 else None


# "ngày 17 của tháng cuối quý", "ngày 10 tháng cuối cùng của mỗi quý", "ngày 15 tháng đầu quý
# sau quý báo cáo", "ngày 20 của tháng thứ hai trong quý": one day in one month of every
# quarter. The quarter after the one reported on has its months in the same places.
_QUARTER_DAY = re.compile(
    r"(?:truoc\s+|(?:cham|muon|tre)\s+nhat(?:\s+la)?\s+|vao\s+)?ngay\s+(\d{1,2}|cuoi\s+cung)\s+(?:cua\s+)?thang\s+"
    r"(cuoi|dau|giua|thu\s+(?:nhat|hai|ba))(?:\s+(?:cung|tien))?\s+(?:(?:cua|trong)\s+)?(?:moi\s+|hang\s+|cac\s+)?quy"
    r"(?:\s+(?:(?:lien\s+)?sau|tiep\s+theo|ke\s+tiep)(?:\s+lien\s+ke)?"
    r"(?:\s+(?:quy\s+)?(?:bao\s+cao|do|phat\s+sinh(?:\s+nghia\s+vu(?:\s+thue)?)?))?)?(?![a-z])"
)


def _take_window_opening(cell: Cell, match: re.Match[str]) -> None:
    """The window's first day just before a quarter's day ("từ ngày 25 đến" before "ngày 30
    của tháng cuối quý"): the window's own, taken with its end (``_WINDOW_OPENS_BEFORE``)."""
    opens = _WINDOW_OPENS_BEFORE.search(cell.folded, max(0, match.start() - 40), match.start())
    last = _day_number(match[1]) % 32  # the last day of the month (-1) after any first day
    if opens and cell.free(opens.start(), opens.end()) and 1 <= int(opens[1]) < last:
        cell.take(opens.start(), opens.end())


def _day_number(text: str) -> int:
    """ "17" is the 17th; "cuối cùng" the last day (-1)."""
    return -1 if text.startswith("cuoi") else int(text)


_QUARTER_MONTHS = {"dau": "1,4,7,10", "thu nhat": "1,4,7,10", "giua": "2,5,8,11",
                   "thu hai": "2,5,8,11", "cuoi": "3,6,9,12", "thu ba": "3,6,9,12"}  # fmt: skip


def _quarter_months(word: str) -> str:
    return _QUARTER_MONTHS[" ".join(word.split())]


_DAY_MONTH = r"\d{1,2}\s*[/.\-]\s*\d{1,2}(?!\s*[/.\-]\s*\d)"


# "15/6 và 15/12 hằng năm", "ngày 31 tháng 01 hằng năm".
_ANY_DAY_MONTH = rf"(?:{_DAY_MONTH}|\d{{1,2}}\s+thang\s+\d{{1,2}}(?!\s*[/.\-]?\s*\d))"
# "Từ ngày 1 tháng 11 đến ngày 31 tháng 12 hàng năm": a window every year, due on its end;
# its first day may leave the month to the last ("từ ngày 15 - 22/5 hàng năm").
# "từ ngày 29/4 – 6/5 hằng năm": a first day and month, a dash, then the last day and month.
_DASHED_START = rf"\d{{1,2}}\s*[/.]\s*\d{{1,2}}(?=\s*-\s*(?:ngay\s+)?{_DAY_MONTH})"
_YEARLY_FROM = rf"(?:(?:bat\s+dau\s+)?tu\s+(?:ngay\s+)?(?:{_DASHED_START}|{_ANY_DAY_MONTH}|\d{{1,2}})\s*(?:den|toi|-)\s*(?:het\s+)?)?"
_YEARLY_DATE = re.compile(
    rf"{_BY}{_YEARLY_FROM}(?:ngay\s+)?({_ANY_DAY_MONTH}(?:\s*(?:,|va)\s*(?:ngay\s+)?{_ANY_DAY_MONTH})*)"
    r"(?:\s+nam)?\s+(?:hang|moi)\s+nam"
)
_PAIR = re.compile(r"(\d{1,2})\s*(?:[/.\-]|\s+thang\s+)\s*(\d{1,2})")


# "Trước ngày 20 tháng 3, 6, 9, 12": one day in each month named, every year.
_MONTH_LIST = r"\d{1,2}(?:\s*(?:,|va)\s*\d{1,2})+"
_DAY_IN_MONTHS = re.compile(
    rf"{_BY}(?:ngay\s+)?(\d{{1,2}})\s+(?:cua\s+)?(?:cac\s+)?thang\s+({_MONTH_LIST})(?![\d/.])(?:\s+(?:hang|moi)\s+nam)?"
)


# "Trong 05 ngày đầu tháng", "10 ngày đầu của mỗi tháng": the first days of every month, due
# on the last of them (a month named after it is one window: ``dates`` reads it).
_FIRST_DAYS_MONTHLY = re.compile(
    r"(?:trong\s+)?(\d{1,2})\s+ngay\s+(?:lam\s+viec\s+)?dau\s+(?:tien\s+)?(?:cua\s+)?(?:moi\s+|hang\s+|cac\s+)?thang"
    r"(?!\s*[\d/.\-])(?!\s+(?:nay|sau|truoc|toi|tiep|ke|cuoi|dau))"
)


# "Tháng cuối quý", "trong tháng đầu của mỗi quý", "tháng giữa quý" (and "tháng thứ hai của
# quý", written so by ``cell.spelled_out``): that month of every quarter, due at its end.
_MONTH_OF_QUARTER = re.compile(
    r"(?:(?:trong|vao)\s+)?thang\s+(cuoi|dau|giua)\s+(?:cung\s+|tien\s+)?(?:(?:cua|trong)\s+)?(?:moi\s+|hang\s+|cac\s+)?quy"
    r"(?![a-z\d/.\-])(?!\s+(?:sau|tiep|ke|truoc|nay|toi|bao|[ivx\d]))"
)


# "tháng đầu tiên của quý, từ ngày 1 đến ngày 20", "tháng cuối quý bắt đầu từ ngày 20 đến
# ngày 25 của quý đó" (the tune part's misses, hmiss): the month of the quarter written first,
# then the window of its days, "của quý đó" or "của tháng đó" (that quarter's, that month's)
# after it; read as the window written before the month is (``_QUARTER_DAY``). Only a first
# day before the last and a last day every month has (to 28); only "từ" before the first
# ("tháng đầu quý, ngày 1 và ngày 20" names two days, left as before).
_QUARTER_MONTH_THEN_DAYS = re.compile(
    r"\s*[,:]?\s*(?:bat\s+dau\s+)?tu\s+ngay\s+(\d{1,2})\s*(?:den|toi|-|\u2013)\s*(?:het\s+)?"
    r"(?:ngay\s+)?(\d{1,2})(?:\s+(?:cua\s+)?(?:quy|thang)\s+do)?(?![\d/.\-])"
    r"(?!\s*(?:cua\s+)?(?:thang|quy|nam|hang|moi)(?![a-z]))"
)


# "Từ ngày 01 - 05 hàng tháng": a window in every month, due on its last day.
# "từ ngày 1 đến ngày 10 của mỗi tháng", "từ ngày 20 đến hết ngày 25 của tháng" (hfirst51,
# probing the windows on a cadence's period: the window's first day was read as each month's
# day, without a flag): "của tháng" with nothing after it is every month, as
# ``_DAY_OF_THE_MONTH`` reads it.
_MONTH_DAY_RANGE = re.compile(
    r"(?:(?:bat\s+dau\s+)?tu\s+)?ngay\s+(\d{1,2})\s*(?:den|-|toi)\s*(?:het\s+)?(?:ngay\s+)?(\d{1,2})\s+"
    r"(?:(?:cua\s+)?(?:hang|moi|tung)\s+thang|cua\s+thang(?=\s*(?:$|[,;.()])))"
)
# "từ ngày 25 đến ngày 30 của tháng cuối quý", "từ ngày 1 đến hết ngày 5 tháng đầu quý"
# (first sight of round fifty-one, hfirst51): a window of days in a month of every quarter is
# due on its last day, as a weekly window is due at its end (hconv); the end is read by
# ``_QUARTER_DAY``, the window's opening just before it is its own (read before as a bare day
# "ngày 25" with no month, flagged). Only a first day before the last.
_WINDOW_OPENS_BEFORE = re.compile(
    r"(?<![a-z])(?:(?:duoc\s+)?tinh\s+)?(?:bat\s+dau\s+)?tu\s+(?:ngay\s+)?(\d{1,2})\s*"
    r"(?:den|toi|-|\u2013)\s*(?:het\s+)?$"
)


# "Tháng 11 hằng năm", "quý I hàng năm", "hằng năm vào tháng 3", "tháng 3, 6, 9, 12 hằng
# năm": those months or that quarter, every year. Each month may keep its word ("vào tháng 6
# và tháng 10 hằng năm", "tháng 3, tháng 9 hàng năm"; hfirst54): the same list, each month's end
# (before, the last month was read as the cadence and the others as windows beside it, flagged).
_EVERY_YEAR = r"(?:hang|moi)\s+nam(?!\s*\d)"
_MONTHS = r"\d{1,2}(?:\s*(?:,|va)\s*(?:thang\s+)?\d{1,2})*"
_YEARLY_IN_PERIOD = re.compile(
    rf"(?:(?:trong|vao)\s+)?(?:(?:cac\s+)?thang\s+(?P<m>{_MONTHS})|quy\s+(?P<q>iv|i{{1,3}}|[1-4]))(?![\d/.a-z])"
    rf"\s*,?\s*{_EVERY_YEAR}"
    rf"|{_EVERY_YEAR}\s*,?\s*(?:(?:trong|vao)\s+)?"
    rf"(?:(?:cac\s+)?thang\s+(?P<m2>{_MONTHS})|quy\s+(?P<q2>iv|i{{1,3}}|[1-4]))(?![\d/.a-z])"
)
_QUARTER_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# "Từ tháng 1 đến tháng 6 hằng năm", "hằng năm, từ tháng 5 đến hết tháng 8": a window of
# months every year, due at the end of its last month.
_MONTH_SPAN = (
    r"(?:(?:bat\s+dau\s+)?tu\s+)?thang\s+(?P<{a}>\d{{1,2}})\s*(?:den|toi|-)\s*(?:het\s+|cuoi\s+)?"
    r"(?:thang\s+)?(?P<{b}>\d{{1,2}})(?![\d/.a-z])"
)
_YEARLY_MONTHS = re.compile(
    _MONTH_SPAN.format(a="a", b="b") + rf"\s*,?\s*{_EVERY_YEAR}"
    rf"|{_EVERY_YEAR}\s*,?\s*(?:(?:trong|vao)\s+)?" + _MONTH_SPAN.format(a="a2", b="b2")
)


_REGULATION = rx(r"theo_(?:quy_dinh|ky_bao_cao|che_do_bao_cao)")


_PERIODIC_ONLY = rx(r"(?:dinh_ky|thuong_ky)")


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
    if unit == "9thang":
        return recurring(f"FREQ=YEARLY;BYMONTH=9;BYMONTHDAY={day or default}")
    return recurring(f"FREQ=YEARLY;BYMONTH=12;BYMONTHDAY={day or default}")


def _units_of(listing: str) -> list[str]:
    units = []
    listing = re.sub(r"((?:0?[69]|chin)\s+thang)\s+(?:dau|cuoi)\s+(?:cua\s+)?nam", r"\1", listing)
    for word in re.findall(r"0?6\s+thang|(?:0?9|chin)\s+thang|tuan|thang|quy|nam", listing):
        if re.match(r"(?:0?9|chin)\s", word):
            units.append("9thang")
        else:
            units.append("6thang" if word.endswith("thang") and word[0].isdigit() else word)
    return units


# "2 đến 3 lần/tuần (vào các ngày thứ 3, thứ 5 và Chủ nhật)", "hằng tuần vào các ngày thứ 2,
# thứ 4, thứ 6", "thứ 3 và thứ 5 hằng tuần": a weekly cadence on each weekday listed. A count
# of times a week must hold the number of days listed.
_LISTED_DAY = r"(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])(?![a-z\d])|chu\s+nhat)"
# "Thứ 2, 4, 6 hằng tuần" (probed, hprobe8: Monday read, the rest left to flag): the days
# after the first written as their numbers alone.
_BARE_DAY_NUMBER = r"[2-7](?![\d/.\-:a-z]|\s*(?:lan|ngay|gio|h(?![a-z])|thang|nam|tuan\s*/))"
_WEEKDAY_LIST = re.compile(
    rf"(?:vao\s+)?(?:cac\s+)?(?:ngay\s+)?{_LISTED_DAY}"
    rf"(?:\s*(?:,|va|;)\s*(?:(?:ngay\s+)?{_LISTED_DAY}|{_BARE_DAY_NUMBER}))+"
)
_A_LISTED_DAY = re.compile(rf"{_LISTED_DAY}|{_BARE_DAY_NUMBER}")
_COUNT_A_WEEK = r"(\d)(?:\s*(?:-|den)\s*(\d))?"
_WEEK_BEFORE_LIST = re.compile(
    rf"(?:(?:hang|moi)\s+tuan(?:\s*,?\s*{_COUNT_A_WEEK}\s+lan)?|{_COUNT_A_WEEK}\s*lan\s*/\s*tuan)"
    r"\s*[,:]?\s*(\()?\s*$"
)
_WEEK_AFTER_LIST = re.compile(r"\s*,?\s*(?:hang|moi)\s+tuan(?![a-z])")


def _weekday_lists(cell: Cell) -> None:
    if "tuan" not in cell.folded:
        return
    for match in cell.matches(_WEEKDAY_LIST):
        before = _WEEK_BEFORE_LIST.search(cell.folded[: match.start()])
        after = _WEEK_AFTER_LIST.match(cell.folded, match.end())
        if before is None and after is None:
            continue
        start, end = (before.start() if before else match.start()), match.end()
        if before and before[5]:
            closing = re.match(r"\s*\)", cell.folded[end:])
            end += closing.end() if closing else 0
        if after and not before:
            end = after.end()
        if not cell.free(start, end):
            continue
        codes = list(dict.fromkeys(_weekday_code(w[0]) for w in _A_LISTED_DAY.finditer(match[0])))
        low, high = (before[1] or before[3], before[2] or before[4]) if before else (None, None)
        note = ""
        if low and not int(low) <= len(codes) <= int(high or low):
            shown = cell.original(start, end)
            note = f"'{shown}' nêu số lần trong tuần khác số thứ được kể"
        cell.take(start, end)
        cell.found.append(
            Found(start, end, [recurring(f"FREQ=WEEKLY;BYDAY={','.join(codes)}")], note)
        )


# "cuối mỗi tháng", "vào ngày cuối cùng của mỗi quý", "ngày làm việc cuối cùng hằng tháng": the
# period's end said before its cadence; its last day (its last working day), as the cadence
# alone falls on. "cuối" was left unread and flagged. Said without "mỗi" ("vào cuối tháng",
# "ngày cuối cùng của quý"), which month is unsaid: every month is offered, flagged. Not a
# month's or a week's end named by its number ("cuối tháng 6", "cuối quý II"), nor "tháng cuối
# quý" (a month of the quarter, read elsewhere).
_END_OF_PERIOD = re.compile(
    r"(?<![a-z])(?:vao\s+)?(?:ngay\s+)?(lam\s+viec\s+)?cuoi(?:\s+cung)?(?:\s+(?:cua|trong))?\s+"
    r"((?:hang|moi|tung|cac)\s+)?(thang|quy)(?![a-z])"
    r"(?!\s*(?:\d+|i{1,3}|iv|v|nay|sau|truoc|do|ay|dau|cuoi|tiep|toi|thu|nhat|hai|ba|tu|bay)(?![a-z\d]))"
)

# "vào ngày (làm việc) cuối cùng của tháng" (hsweep): the last (working) day of "the month", said as a rule's day and
# not as a time ("cuối tháng" is also "late this month"); with no number in the cell to name
# which month, every month's, as "hằng tháng" would say, without a flag.
_THE_LAST_DAY_OF_THE_PERIOD = re.compile(
    r"(?<![a-z])ngay\s+(?:lam\s+viec\s+)?cuoi\s+cung\s+cua\s+(?:thang|quy)$"
)

_END_NAMED = re.compile(
    r"\s*\(\s*(?:ngay\s+)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?\s*\)"
)


def _ends_of_periods(cell: Cell, quarter_days: list[tuple[int, int]]) -> None:
    for match in cell.matches(_END_OF_PERIOD):
        before = cell.folded[max(0, match.start() - 6) : match.start()]
        if re.search(r"(?:thang|tuan|nam|quy|\d)\s*$", before) or any(
            start < match.end() and match.start() < end for start, end in quarter_days
        ):
            continue  # "tháng cuối quý", "6 tháng cuối năm": a period of a period
        working, every, unit = match.groups()
        named = _END_NAMED.match(cell.folded, match.end()) if not every and not working else None
        if named and unit == "thang" and cell.year:
            # "vào cuối tháng (ngày 29/2)" (hsweep): the month's last day, written after it in
            # brackets, says which month's; that one day. Another day in the brackets is left
            # to flag, as before (a cadence beside a deadline).
            day, month = int(named[1]), int(named[2])
            year = int(named[3]) if named[3] else cell.year
            if 1 <= month <= 12 and 1900 < year < 2200 and month_end(year, month).day == day:
                cell.take(match.start(), named.end())
                rule = deadline(date(year, month, day))
                cell.found.append(Found(match.start(), named.end(), [rule], yearless=not named[3]))
                continue
        rule = _period_rule(unit, cell, day=-1)
        if working:
            rule = replace(rule, holiday="previous")
        note = ""
        if not every and (
            not _THE_LAST_DAY_OF_THE_PERIOD.search(match[0]) or re.search(r"\d", cell.folded)
        ):
            shown = cell.original(match.start(), match.end())
            what = "tháng" if unit == "thang" else "quý"
            note = f"'{shown}' không nêu {what} nào, tạm hiểu là hằng {what}"
        cell.add(match, [rule], note)


def report_month_spans(cell: Cell) -> None:
    """A span of days of the month reported on (``_REPORT_MONTH_SPAN``), read before counts
    from events take "tính từ … ngày cuối cùng" as a count from an end."""
    for match in cell.matches(_REPORT_MONTH_SPAN) if "bao cao" in cell.folded else ():
        first, last = int(match[1]), _day_number(match[2])
        if 1 <= first <= 31 and (last == -1 or first < last <= 31):
            cell.add(match, [recurring(f"FREQ=MONTHLY;BYMONTHDAY={last}", "month")])


def cadences(cell: Cell) -> None:
    # "theo quy định" sets a report's due day (the cut-off of Nghị định 09/2019); a meeting
    # "theo quy định" is only held as the rules say.
    cell.reports = "bao cao" in cell.folded or "bao cao" in fold(cell.context)
    cell.by_regulation = bool(_REGULATION.search(cell.folded)) and cell.reports
    if "thang" in cell.folded and _A_WEEKDAY.search(cell.folded):
        _nth_weekdays_of_a_month(cell)
    _weekday_lists(cell)
    for match in cell.matches(_PERIOD_FROM_MONTH_BEFORE) if "truoc" in cell.folded else ():
        cell.take(match.start(), match.end())
    for match in cell.matches(_YEARLY_DATE):
        pairs = [(int(d), int(m)) for d, m in _PAIR.findall(match[1])]
        if all(1 <= d <= 31 and 1 <= m <= 12 for d, m in pairs):
            rules = [recurring(f"FREQ=YEARLY;BYMONTH={m};BYMONTHDAY={d}", "year") for d, m in pairs]
            cell.add(match, rules)
    for match in cell.matches(_REPORT_MONTH_DAY):
        if "phien hop" in match[0] and _NOT_MONTHLY_MEETING.search(fold(cell.context)):
            continue  # the task names a session or another period: which month's, unsaid
        if 1 <= int(match[1]) <= 31:
            cell.add(match, [recurring(f"FREQ=MONTHLY;BYMONTHDAY={int(match[1])}", "month")])
    for match in cell.matches(_PERIODIC_DAYS) if "dinh ky" in cell.folded else ():
        if (
            1 <= int(match[1]) < int(match[2]) <= 31
            and not _ANOTHER_PERIOD.search(cell.folded)
            and not _ANOTHER_PERIOD.search(fold(cell.context))
        ):
            cell.add(match, [recurring(f"FREQ=MONTHLY;BYMONTHDAY={int(match[2])}", "month")])
    # Before the window's last day alone ("ngày 10 của mỗi tháng") takes it.
    for match in cell.matches(_MONTH_DAY_RANGE):
        first, last = int(match[1]), int(match[2])
        if 1 <= first <= last <= 31:
            cell.add(match, [recurring(f"FREQ=MONTHLY;BYMONTHDAY={last}", "month")])
    for match in cell.matches(_DAY_OF_THE_MONTH):
        if 1 <= int(match[1]) <= 31:
            cell.add(match, [recurring(f"FREQ=MONTHLY;BYMONTHDAY={int(match[1])}", "month")])
    for match in cell.matches(_NEXT_PERIOD_DAY) if "ky" in cell.folded else ():
        kind, dom = _one_report_kind(cell), int(match[1])
        if kind == "quy" and 1 <= dom <= 30:
            rrule = f"FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY={dom}"
            cell.add(match, [recurring(rrule, "quarter")])
        elif kind == "thang" and 1 <= dom <= 28:
            cell.add(match, [recurring(f"FREQ=MONTHLY;BYMONTHDAY={dom}", "month")])
    for match in cell.matches(_NEXT_QUARTER_DAY):
        if 1 <= int(match[1]) <= 30:
            rrule = f"FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY={int(match[1])}"
            cell.add(match, [recurring(rrule, "quarter")])
    for match in cell.matches(_DAY_IN_MONTHS):
        day, months = int(match[1]), [int(m) for m in re.findall(r"\d{1,2}", match[2])]
        if 1 <= day <= 31 and all(1 <= m <= 12 for m in months):
            listed = ",".join(str(m) for m in months)
            cell.add(match, [recurring(f"FREQ=YEARLY;BYMONTH={listed};BYMONTHDAY={day}")])
    for match in cell.matches(_FIRST_DAYS_MONTHLY) if "dau" in cell.folded else ():
        if "lam viec" in match[0]:
            continue  # working days: the day moves month by month; left to flag
        last = int(match[1])
        if 1 <= last <= 28:
            cell.add(match, [recurring(f"FREQ=MONTHLY;BYMONTHDAY={last}", "month")])
    for match in cell.matches(_YEARLY_MONTHS) if "nam" in cell.folded else ():
        first, last = int(match["a"] or match["a2"]), int(match["b"] or match["b2"])
        if 1 <= first < last <= 12:
            cell.add(match, [recurring(f"FREQ=YEARLY;BYMONTH={last};BYMONTHDAY=-1", "month")])
    for match in cell.matches(_YEARLY_IN_PERIOD):
        months_text, quarter = match["m"] or match["m2"], match["q"] or match["q2"]
        months = [int(m) for m in re.findall(r"\d{1,2}", months_text or "")]
        if (
            months_text
            and "thang" in months_text
            and any(b == a + 1 for a, b in itertools.pairwise(months))
        ):
            # "tháng 5 và tháng 6 hằng năm": months in a row, each with its word, may be one
            # window (the corpus convention on months listed); left to flag, as before.
            continue
        if months and all(1 <= m <= 12 for m in months):
            listed = ",".join(str(m) for m in months)
            rule = recurring(f"FREQ=YEARLY;BYMONTH={listed};BYMONTHDAY=-1", "month")
        elif quarter:
            last = 3 * _QUARTER_NUMBERS[quarter]
            rule = recurring(f"FREQ=YEARLY;BYMONTH={last};BYMONTHDAY=-1", "quarter")
        else:
            continue
        cell.add(match, [rule])
    weeks = "tuan" in cell.folded  # a week of the month is never named without the word
    for match in cell.matches(_NTH_WEEK_LIST) if weeks else ():
        days = [
            f"{WEEK_ORDINAL[n]}{_weekday_code(w)}" for w, n in _ONE_WEEK_OF_MONTH.findall(match[0])
        ]
        cell.add(match, [recurring(f"FREQ=MONTHLY;BYDAY={','.join(days)}", "month")])
    for match in cell.matches(_WEEKS_OF_ONE_DAY) if weeks else ():
        weekday = _weekday_code(match[1])
        nths = [WEEK_ORDINAL[n] for n in _ONE_WEEK.findall(match[2])]
        if len(set(nths)) == len(nths):
            listed = ",".join(f"{n}{weekday}" for n in nths)
            cell.add(match, [recurring(f"FREQ=MONTHLY;BYDAY={listed}", "month")])
    named = _A_WEEKDAY.search(cell.folded) is not None
    for pattern in ((_NTH_WEEK,) if weeks else ()) + ((_NTH_WEEKDAY,) if named else ()):
        for match in cell.matches(pattern):
            weekday = _weekday_code(match[1]) if match[1] else "FR"
            rule = recurring(f"FREQ=MONTHLY;BYDAY={WEEK_ORDINAL[match[2]]}{weekday}", "month")
            cell.add(match, [rule])
    for match in cell.matches(_PERIOD_THEN_TIMES):
        times = 2 if match[3] in ("2", "02", "hai") else 1
        unit = _TIMES_UNIT.get((match[1], times))
        if unit == "thang" and _placed_by_week(cell, match):
            cell.take(match.start(), match.end())
        elif unit and not set(match[2].split()) & _NOT_A_VERB:
            cell.add(match, [_period_rule(unit, cell)])
    for pattern, unit in (
        (_HALF_YEARLY, "6thang"),
        (_YEARLY, "nam"),
        (_MONTHLY, "thang"),
        (_QUARTERLY, "quy"),
        (_WEEKLY, "tuan"),
    ):
        for match in cell.matches(pattern):
            if unit == "thang" and _placed_by_week(cell, match):
                cell.take(match.start(), match.end())
                continue
            note = ""
            if unit == "6thang" and _AT_LEAST_TWICE.search(
                cell.folded, max(0, match.start() - 16), match.end()
            ):
                shown = cell.original(match.start(), match.end())
                note = f"'{shown}': số lần tối thiểu, không nêu khi nào; đọc tạm là nửa năm một lần"
            elif _AT_LEAST_MANY.search(cell.folded, max(0, match.start() - 16), match.end()):
                shown = cell.original(match.start(), match.end())
                note = f"'{shown}': số lần tối thiểu, không nêu khi nào"
            cell.add(match, [_period_rule(unit, cell)], note)
    quarter_days = [m.span() for m in cell.matches(_QUARTER_DAY)]
    if "cuoi" in cell.folded:
        _ends_of_periods(cell, quarter_days)
    if "quy" in cell.folded:  # "trong tháng đầu tiên của mỗi quý": a month, not "mỗi quý" alone
        quarter_days += [m.span() for m in cell.matches(_MONTH_OF_QUARTER)]
    for match in _untaken_cadences(cell):
        if any(start < match.end() and match.start() < end for start, end in quarter_days):
            continue  # "ngày 10 tháng cuối cùng của mỗi quý" is a day, not "mỗi quý" alone
        units = _units_of(match.group(1))
        if match.group(0).startswith("theo") and units != ["quy"]:
            continue  # "theo tháng" is not a cadence on its own unless "theo quý"
        if units == ["thang"] and _placed_by_week(cell, match):
            cell.take(match.start(), match.end())
            continue
        rules = [_period_rule(u, cell) for u in units]
        half = re.search(r"0?6\s+thang\s+(dau|cuoi)", match.group(1))
        if half and len(rules) == 1:  # "Báo cáo 6 tháng đầu năm": the first half only
            month = "6" if half.group(1) == "dau" else "12"
            rules = [
                replace(rules[0], rrule=rules[0].rrule.replace("BYMONTH=6,12", f"BYMONTH={month}"))
            ]
        cell.add(match, rules)
        if match.group(0).startswith("bao") and len(units) == 1:
            cell.found[-1].names_report = True
    _refine_days(cell)
    for match in cell.matches(_QUARTER_DAY):
        # "ngày 17 của tháng cuối quý" says quarterly on its own.
        quarter_months = _quarter_months(match[2])
        rrule = f"FREQ=YEARLY;BYMONTH={quarter_months};BYMONTHDAY={_day_number(match[1])}"
        _take_window_opening(cell, match)
        cell.add(match, [recurring(rrule)])
    # After the days of a quarter's month ("ngày 25 tháng cuối quý") took theirs.
    for match in cell.matches(_MONTH_OF_QUARTER) if "quy" in cell.folded else ():
        listed = _quarter_months(match[1])
        window = _QUARTER_MONTH_THEN_DAYS.match(cell.folded, match.end())
        if window is not None and cell.free(window.start(), window.end()):
            first, last = int(window[1]), int(window[2])
            if 1 <= first < last <= 28:
                # "tháng đầu tiên của quý, từ ngày 1 đến ngày 20": that month's window, due on
                # its last day every quarter, as "từ ngày 1 đến ngày 20 tháng đầu quý" is.
                cell.take(match.start(), window.end())
                cell.add(window, [recurring(f"FREQ=YEARLY;BYMONTH={listed};BYMONTHDAY={last}")])
                continue
        cell.add(match, [recurring(f"FREQ=YEARLY;BYMONTH={listed};BYMONTHDAY=-1", "quarter")])


# "mỗi tháng một lần vào tuần cuối tháng", "hằng tháng, vào thứ Sáu tuần đầu tháng" (round
# twenty-five, meeting cycles): a bare monthly cadence right beside the week of the month its
# meeting falls in is that one cadence, placed. Read alone, it added each month's last day as
# a second deadline, without a flag. Only beside it: "báo cáo hằng tháng; họp thứ Hai tuần
# đầu tháng" are two tasks, each read as before.
_BESIDE_A_WEEK = re.compile(r"\s*(?:(?:0?1|mot)\s+lan)?\s*,?\s*(?:(?:vao|trong)\s+)?")


def _placed_by_week(cell: Cell, match: re.Match[str]) -> bool:
    for found in cell.found:
        if not any(
            r.kind == "recurring" and (r.rrule or "").startswith("FREQ=MONTHLY;BYDAY=")
            for r in found.rules
        ):
            continue
        after = found.start >= match.end() and _BESIDE_A_WEEK.fullmatch(
            cell.folded, match.end(), found.start
        )
        before = found.end <= match.start() and _BESIDE_A_WEEK.fullmatch(
            cell.folded, found.end, match.start()
        )
        if after or before:
            return True
    return False


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


_WEEKDAY_JOIN = re.compile(r"\s*(?:,|va)\s*")


def _refine(rule: Rule, cell: Cell) -> Rule:
    if rule.rrule == "FREQ=WEEKLY;BYDAY=FR":
        # "thứ Hai và thứ Năm hằng tuần", "các ngày thứ Hai, thứ Tư": a list of weekdays.
        listed: list[re.Match[str]] = []
        for match in cell.matches(_WEEKDAY):
            if listed and not _WEEKDAY_JOIN.fullmatch(cell.folded, listed[-1].end(), match.start()):
                break
            listed.append(match)
        if listed:
            cell.take(listed[0].start(), listed[-1].end())
            cell.anchors.append(listed[0].start())
            codes = ",".join(dict.fromkeys(_weekday_code(m[1]) for m in listed))
            return replace(rule, rrule=f"FREQ=WEEKLY;BYDAY={codes}")
    if rule.rrule.startswith("FREQ=YEARLY;BYMONTH=3,6,9,12;"):
        for source in (cell, Cell(cell.context, fold_keep_length(cell.context), None, "")):
            for match in source.matches(_QUARTER_DAY):
                _take_window_opening(source, match)
                source.take(match.start(), match.end())
                source.anchors.append(match.start())
                months = _quarter_months(match[2])
                return replace(
                    rule, rrule=f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY={_day_number(match[1])}"
                )
        # "Hằng quý, vào tháng đầu tiên của quý" (probed, hprobe17): the bare cadence placed in
        # its month of the quarter, not each quarter's end beside it.
        for match in cell.matches(_MONTH_OF_QUARTER):
            cell.take(match.start(), match.end())
            cell.anchors.append(match.start())
            months = _quarter_months(match[1])
            return replace(rule, rrule=f"FREQ=YEARLY;BYMONTH={months};BYMONTHDAY=-1")
    if rule.rrule.startswith("FREQ=MONTHLY;BYMONTHDAY="):
        quarter_days = [q.span() for q in _QUARTER_DAY.finditer(cell.folded)]
        for match in cell.matches(_MONTH_DAYS):
            if any(start <= match.start(1) < end for start, end in quarter_days):
                continue  # "ngày 15 tháng cuối quý": a quarter's day, not every month's
            days = [match[1], *re.findall(r"\d{1,2}", match[2] or "")]
            if all(1 <= int(d) <= 31 for d in days):
                cell.take(match.start(), match.end())
                cell.anchors.append(match.start())
                return replace(
                    rule, rrule="FREQ=MONTHLY;BYMONTHDAY=" + ",".join(str(int(d)) for d in days)
                )
    return rule


_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _weekday_naming_a_date(cell: Cell, match: re.Match[str], code: str | None = None) -> bool:
    """ "Thứ Hai (09/02/2026)", "07/02/2021 (chủ Nhật)", "Chủ nhật, ngày 23/5/2021": the
    weekday names the day of a date beside it; it is checked, not read as weekly."""
    for found in cell.found:
        dated = [r for r in found.rules if r.kind == "deadline" and r.due]
        if not dated:
            continue
        if found.start >= match.end():
            between = cell.folded[match.end() : found.start]
        elif found.end <= match.start():
            between = cell.folded[found.end : match.start()]
        else:
            continue
        # ("22 tháng 5 dương lịch (thứ 4)": the solar calendar's name may come between.)
        # ("Thứ Hai, tức 16/3", "Chủ nhật (nhằm ngày 15/3)", "Thứ Năm là 12/3": a restatement's
        # word may come between, hprobe26; read before as weekly, flagged.)
        if not re.fullmatch(
            r"[\s,.:;()\-]*(?:(?:(?:tuc|nham)(?:\s+la)?|la)\s+)?(?:(?:ngay|duong\s+lich)\s*)?"
            r"[\s,.:;()\-]*",
            between,
        ):
            continue
        code = code or _weekday_code(match[1])
        days = {r.due for r in dated} | {r.start for r in dated if r.start}
        if not any(d is not None and _DAY_CODES[d.weekday()] == code for d in days):
            cell.add(
                match,
                [],
                f"'{cell.original(match.start(), match.end())}' không khớp với ngày bên cạnh",
            )
        else:
            cell.take(match.start(), match.end())
            cell.anchors.append(match.start())
        return True
    return False


# "17/6 (CN)", "ngày 15/6 (T7)": a weekday abbreviated beside a date names its day, and is
# checked as the full name is (round thirteen, found probing: "17/6 (CN)" on a Monday was read
# without a flag, "(T7)" flagged as a word left unread). Alone, the letters are left unread.
_WEEKDAY_SHORT = re.compile(r"(?<![a-z\d/.\-])(cn|t\s*([2-7]))(?![a-z\d/.\-])")


# "làm việc trong các ngày 3 - 5 – 7 trong tuần", "các ngày 2, 4, 6 hằng tuần" (round
# thirty-eight): weekdays by their numbers alone, "thứ" left out, three or more of them and
# "trong tuần", "hằng tuần" or "mỗi tuần" after: a weekly cadence on those days (read before as
# a date, "5 – 7" taken for 5/7, flagged). Two numbers ("ngày 3 - 5 trong tuần") may be a span
# of weekdays or a list and are left as before; so are numbers repeated or out of order.
_NUMBERED_WEEKDAYS = re.compile(
    r"(?<![a-z\d/.])(?:(?:cac|nhung)\s+)?ngay\s+([2-7](?:(?:\s*[,\-–]\s*|\s+va\s+)[2-7]){2,5})"
    r"\s+(?:trong|hang|moi)\s+tuan(?![a-z])"
)


def numbered_weekdays(cell: Cell) -> None:
    if "tuan" not in cell.folded:
        return
    for match in cell.matches(_NUMBERED_WEEKDAYS):
        numbers = re.findall(r"[2-7]", match[1])
        if numbers != sorted(set(numbers), key=numbers.index) or numbers != sorted(numbers):
            continue
        codes = ",".join(_WEEKDAYS[n] for n in numbers)
        cell.add(match, [recurring(f"FREQ=WEEKLY;BYDAY={codes}")])


# "vào ngày thứ 7 và Chủ nhật (ngày 7-8/9/2024)" (first sight of round sixty, hfirst6061):
# weekdays listed, then the window of their dates in brackets (or the window, then its
# weekdays in brackets), restate one another: the window is read and the weekdays checked, as
# one weekday beside one date is (``_weekday_naming_a_date``). Taken only when the weekdays
# named are exactly the window's days, each once, over at most a week; otherwise the list is
# left to be read as before (weekly, flagged) or flags where a weekday does not fit.
_ONE_WEEKDAY = r"(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])(?![a-z\d])|chu\s+nhat)"
_WEEKDAYS_LISTED = re.compile(
    rf"(?<![a-z])(?:vao\s+)?(?:(?:cac\s+)?ngay\s+)?({_ONE_WEEKDAY}"
    rf"(?:\s*(?:,|va|-|–)\s*(?:ngay\s+)?{_ONE_WEEKDAY})+)"
)
_LISTED_BRACKET_OPEN = re.compile(r"\s*\(\s*(?:(?:tu\s+)?ngay\s+)?")
_LISTED_BRACKET_CLOSE = re.compile(r"\s*\)")


def _weekdays_listed_naming_dates(cell: Cell) -> None:
    for match in list(cell.matches(_WEEKDAYS_LISTED)):
        codes = [_weekday_code(w) for w in re.findall(_ONE_WEEKDAY, match[1])]
        window = None
        opened = _LISTED_BRACKET_OPEN.match(cell.folded, match.end())
        if opened:
            window = next(
                (
                    f
                    for f in cell.found
                    if match.end() < f.start <= opened.end()
                    and cell.folded[f.start - 1] in " ("
                    and _LISTED_BRACKET_CLOSE.match(cell.folded, f.end)
                ),
                None,
            )
        else:
            before = cell.folded[: match.start()]
            bracket = re.search(r"\(\s*$", before)
            closed = _LISTED_BRACKET_CLOSE.match(cell.folded, match.end())
            if bracket and closed:
                window = next(
                    (
                        f
                        for f in cell.found
                        if f.end <= bracket.start() and not before[f.end : bracket.start()].strip()
                    ),
                    None,
                )
        rules = [r for r in window.rules if r.kind == "deadline"] if window else []
        if window is None or len(window.rules) != 1 or len(rules) != 1 or rules[0].due is None:
            continue
        first = rules[0].start or rules[0].due
        span = (rules[0].due - first).days
        if not 0 <= span <= 6:
            continue
        days = [_DAY_CODES[(first + timedelta(days=n)).weekday()] for n in range(span + 1)]
        if codes == days:
            cell.take(match.start(), match.end())
            cell.anchors.append(match.start())


def weekly_by_day(cell: Cell) -> None:
    """A weekday with "hằng tuần" nearby was taken with its cadence; a weekday beside a date
    names that date's day; a weekday left alone ("thứ Sáu") is read as weekly, with a doubt."""
    if cell.found and _A_WEEKDAY.search(cell.folded):
        _weekdays_listed_naming_dates(cell)
    for short in list(cell.matches(_WEEKDAY_SHORT)) if cell.found else ():
        _weekday_naming_a_date(cell, short, "SU" if short[2] is None else _WEEKDAYS[short[2]])
    if not _A_WEEKDAY.search(cell.folded):
        return
    for match in list(cell.matches(_WEEKDAY)):
        if _weekday_naming_a_date(cell, match):
            continue
        if not cell.free(match.start(), match.end()):
            continue
        rule = recurring(f"FREQ=WEEKLY;BYDAY={_weekday_code(match[1])}")
        cell.add(match, [rule], "chỉ nêu thứ trong tuần, tạm hiểu là hằng tuần")


def periodic_unspecified(cell: Cell) -> None:
    if any(r.kind == "recurring" for f in cell.found for r in f.rules):
        return
    for match in cell.matches(_PERIODIC_ONLY):
        if _names_one_period(cell, match):
            continue
        rule = recurring(f"FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY={14 if cell.reports else -1}")
        cell.add(
            match,
            [rule],
            f"'{cell.original(match.start(), match.end())}' không nêu kỳ, tạm hiểu là hằng quý",
        )


def _names_one_period(cell: Cell, match: re.Match[str]) -> bool:
    """ "Hội nghị giao ban định kỳ quý IV/2024", "định kỳ tháng 1-2026": "định kỳ" before a
    period with its year names that period's sitting of a regular meeting; the period is
    the deadline, and "định kỳ" adds no cadence."""
    gap = re.match(r"[\s:,]*", cell.folded[match.end() :])
    after = match.end() + (gap.end() if gap else 0)
    window = next((f for f in cell.found if f.start == after), None)
    if (
        window is None
        or not window.rules
        or not all(r.kind == "deadline" and r.start is not None for r in window.rules)
    ):
        return False
    if not re.search(r"\d{4}", cell.folded[window.start : window.end]) and not (
        _A_SITTING.search(cell.folded, 0, match.start())
        and len(window.rules) == 1
        and not _YEARLY_AFTER.match(cell.folded, window.end)
    ):
        return False
    cell.take(match.start(), match.end())
    return True


# "Phiên họp thường kỳ tháng 6", "UBND xã họp thường kỳ tháng 10" (round forty-one, councils'
# and committees' work programmes): a meeting's regular sitting of one month, named without
# the year, is that month's sitting, due at the month's end as the month alone is ("thường kỳ"
# read before as an unstated period, flagged). Only right after "họp" or "giao ban"; a period
# followed by "hằng năm" ("định kỳ tháng 6 hằng năm") is a yearly cadence, left as it was.
_A_SITTING = re.compile(r"(?<![a-z])(?:hop|giao\s+ban)\s*$")
_YEARLY_AFTER = re.compile(r"\s*,?\s*(?:hang|moi|tung)\s+(?:nam|thang|quy)(?![a-z])")


# "Ngày 10 hằng tháng (trừ tháng 2)", "ngày 20 hằng tháng, riêng tháng 12 là ngày 10"
# (probed, hprobe3; flagged before as a cadence beside a month): an exception to the one
# monthly day read. The months excluded drop out of it; a month given its own day is due on
# that day instead. Anything else beside it (two cadences, a day some month lacks) is left
# to flag.
_EXCEPT_MONTHS = re.compile(
    r"\(?\s*,?\s*(?:ngoai\s+)?tru\s+(?:cac\s+)?thang\s+(\d{1,2})((?:\s*(?:,|va)\s*(?:thang\s+)?\d{1,2})*)"
    r"(?![\d/.])\s*\)?"
)
_OWN_DAY = re.compile(
    r"\(?\s*,?\s*rieng\s+thang\s+(\d{1,2})(?![\d/.])\s*,?\s*(?:la\s+|thi\s+)?"
    r"(?:truoc\s+|(?:cham|muon|tre)\s+nhat(?:\s+la)?\s+|vao\s+)?ngay\s+(\d{1,2})(?![\d/.])\s*\)?"
)


def cadence_exceptions(cell: Cell) -> None:
    if "tru" not in cell.folded and "rieng" not in cell.folded:
        return
    monthly = [
        (found, rule)
        for found in cell.found
        for rule in found.rules
        if rule.kind == "recurring"
        and rule.rrule
        and re.fullmatch(r"FREQ=MONTHLY;BYMONTHDAY=([1-9]|1\d|2[0-8])", rule.rrule)
    ]
    cadences_read = [r for f in cell.found for r in f.rules if r.kind == "recurring"]
    if len(monthly) != 1 or len(cadences_read) != 1:
        return
    found, rule = monthly[0]
    for match in cell.matches(_EXCEPT_MONTHS):
        if match.start() < found.end:
            continue
        months = {int(match[1]), *(int(m) for m in re.findall(r"\d{1,2}", match[2]))}
        if not all(1 <= m <= 12 for m in months) or len(months) >= 12:
            continue
        kept = ",".join(str(m) for m in range(1, 13) if m not in months)
        found.rules[found.rules.index(rule)] = rule = replace(
            rule, rrule=f"{rule.rrule};BYMONTH={kept}"
        )
        cell.add(match, [])
        return
    for match in cell.matches(_OWN_DAY):
        month, day = int(match[1]), int(match[2])
        if match.start() < found.end or not (1 <= month <= 12 and 1 <= day <= 28):
            continue
        kept = ",".join(str(m) for m in range(1, 13) if m != month)
        found.rules[found.rules.index(rule)] = replace(rule, rrule=f"{rule.rrule};BYMONTH={kept}")
        own = recurring(f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}", rule.period)
        cell.add(match, [own])
        return
