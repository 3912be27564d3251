"""The cell being read: its text and a folded copy with the same offsets, the spans
recognisers have taken, what they found; and the date pieces they share."""

from __future__ import annotations

import calendar
import functools
import html
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, time
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _sre_parser  # type: ignore[attr-defined]
from typing import Any

from tracker.schedule.lunar import STEMS
from tracker.schedule.rules import Rule
from tracker.vn import fold, unmangle


def fold_keep_length(text: str) -> str:
    """``fold`` one character at a time, so offsets in the result are offsets in ``text``."""
    return "".join([_fold_char(char) for char in text])


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    return folded[0] if folded else " "


_EXCEL_ESCAPE = re.compile(r"_x00(?:0[9ADad]|20)_")
_DOUBLE_DASH = re.compile(r"(?<=[\w)])\s*-{2,3}\s*(?=[\w(])")
# "từ từ ngày 23/2 đến 3/3", "Từ từ 5/3" (first sight of round fifty-one, hfirst51): "từ" typed
# twice right before a day is one "từ". Only two, only before a day written in numbers: "từ từ"
# as "slowly" before anything else ("giảm từ từ", "tăng từ từ từ ngày 5/3") is left as written;
# and even read as "slowly" the day after it would still be the start (a start is what "từ"
# before a day says), so the reading cannot mislead.
_FROM_TWICE = re.compile(
    r"(?<![^\W\d_])(?<!từ\s)(từ)\s+từ\s+(?=(?:ngày\s+)?\d{1,2}\s*[/.\-]\s*\d{1,2}|ngày\s+\d)",
    re.IGNORECASE,
)
_TILDE_RANGE = re.compile(r"(?<=\d)\s*~\s*(?=\d)")
# "từ ngày 01/01 cho đến hết ngày 30/6" (round forty): "cho đến", "cho tới" are "đến", "tới";
# "cho" left as filler between the start and "đến" kept the window apart, read as a start
# beside a deadline (flagged).
# "cho đến khi có thông báo mới" (until such time) is left as it was.
_UNTIL_FOR = re.compile(r"(?<!\w)cho\s+(?=(?:đến|tới)(?!\w)(?!\s+khi(?!\w)))", re.IGNORECASE)

# Round forty-two (hround42), wordings of local notices in the Mekong Delta and the centre.
# "từ trước 18 giờ ngày 28/11" (boats in shelter before a storm): "từ trước" before an hour
# or a day is "trước" (before); "từ trước đến nay" (all along) is not touched.
_FROM_BEFORE = re.compile(r"(?<!\w)từ\s+(?=trước\s+(?:\d|ngày\s+\d))", re.IGNORECASE)
# "2/6/2021 (8:00 - 16:30)" (a power cut in a ward notice): hours with a colon in a bracket
# after the day are the window "(8h00 - 16h30)" the reader knows.
_BRACKET_COLON_HOURS = re.compile(
    r"\(\s*(\d{1,2}):(\d{2})(?::00)?\s*-\s*(\d{1,2}):(\d{2})(?::00)?\s*\)"
)
# "nghỉ học từ chiều ngày 22/10 (thứ Tư) và ngày 23/10 (thứ Năm)": after "từ", two days a
# few days apart joined by "và" are the span's first and last day, not two deadlines.
# "từ ngày 29/8/2024 và 30/8/2024", "từ 7 giờ ngày 3/6 và 17 giờ ngày 4/6" (the lead's
# convention, hconv2): a window of those days, due at the later; an hour is the end's only when
# written for it. Two days a month or more apart keep "và" (two starts, "tăng từ 1/7/2024 và
# 1/7/2025", are no window): they flag.
# … unless an end follows the second day ("từ 22/2 và ngày 12/3 đến 5/3": the list is not the
# window's end; left as written, it flags).
_NO_END_AFTER = r"(?:\s*[/.\-]\s*\d{4})?+(?!\s*(?:\([^()]*\)\s*)?(?:cho\s+)?(?:đến|tới)(?!\w))"
_HOUR_THEN = r"(?:(?:lúc\s+)?\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2})?(?:\s*(?:phút|'|’))?\s*,?\s*)"
_FROM_DAY_AND_DAY = re.compile(
    rf"(?<!\w)(từ\s+{_HOUR_THEN}?(?:(?:sáng|trưa|chiều|tối|đêm)\s+)?(?:ngày\s+)?"
    r"(?<!\d)(\d{1,2})\s*([/.\-])\s*(\d{1,2})"
    r"(?:\s*\3\s*\d{4})?(?:\s*\([^()]*\))?)\s+và\s+"
    rf"(?={_HOUR_THEN}?(?:ngày\s+)?(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})(?!\d){_NO_END_AFTER})",
    re.IGNORECASE,
)
# "từ ngày 18 và 19-5", "từ 14 và 15/7", "từ ngày 15, 16, 17/4/2020" (the lead's convention,
# hconv2): days listed after "từ" that share the last one's month are the window from the first
# to the last (read before as days listed, "từ" left unread; after a count, "trong 2 ngày, từ
# ngày 18 và 19-5", as two deadlines without a flag). The days must rise, within the month; the
# month may be written in words ("từ ngày 5 và 6 tháng 9"). After a start's hour, "ngày" must
# stand before the first day ("từ 6 giờ 15, ngày 21/5" is an hour and its minutes).
_FROM_LISTED_DAYS = re.compile(
    rf"(?<!\w)(từ\s+(?:{_HOUR_THEN}(?:(?:sáng|trưa|chiều|tối|đêm)\s+)?ngày\s+"
    r"|(?:(?:sáng|trưa|chiều|tối|đêm)\s+)?(?:ngày\s+)?))"
    r"(?<!\d)(\d{1,2})(?!\s*[/.\-]\s*\d)((?:\s*,\s*(?:ngày\s+)?\d{1,2}(?![\d/.\-]))*)\s*(?:,|và(?!\w))\s*"
    rf"(?={_HOUR_THEN}?(?:ngày\s+)?(\d{{1,2}})\s*(?:[/.\-]|\s+tháng\s+)\s*(\d{{1,2}})(?!\d)"
    rf"{_NO_END_AFTER})",
    re.IGNORECASE,
)
# "nghỉ học từ sáng 4/12 cho đến khi có thông báo mới": a start with an open end (until
# further notice) is the start alone; an hour so started still flags as any start at an hour.
# "Từ 20/05 cho đến khi hoàn thành", "từ ngày 3/3 đến khi kết thúc đợt cao điểm", "kể từ
# 1/9 cho đến khi có chỉ đạo khác", "Từ thứ Tư (1/7) cho đến khi xong" (probed, hprobe18): the
# same open end said by the work's own close or a new instruction, after a day or a day in
# brackets (read before as the start beside an event, flagged).
_UNTIL_FURTHER_NOTICE = re.compile(
    r"(?:(?<=\d)(\s*\([^()]*\))?|(?<=\d\)))\s*,?\s*(?:cho\s+)?(?:đến|tới)\s+khi\s+"
    r"(?:có\s+(?:thông\s+báo|chỉ\s+đạo|hướng\s+dẫn)\s+(?:mới|khác)|hoàn\s+(?:thành|tất)|xong"
    r"|kết\s+thúc(?:\s+[^\W\d]+){1,6})"
    r"\s*[.;,]?\s*$",
    re.IGNORECASE,
)
# "từ chiều 6.11" (a closure from an afternoon, nothing after): the part of the day says no
# hour; the start is the day's, as "từ ngày 6/11". The part said in two words ("từ sáng sớm
# 27/2", "từ chiều tối 5/3", "từ đêm khuya 1/9", "từ rạng sáng 3/4"; hfirst54) is the same part.
_FROM_PART_OF_DAY = re.compile(
    r"^(\s*(?:kể\s+|bắt\s+đầu\s+)?từ\s+)"
    r"(?:rạng\s+sáng|sáng\s+sớm|giữa\s+trưa|chiều\s+tối|tối\s+muộn|đêm\s+khuya|khuya"
    r"|sáng|trưa|chiều|tối|đêm)\s+(?:ngày\s+)?"
    r"(?=\d{1,2}\s*[/.]\s*\d{1,2}(?:\s*[/.]\s*\d{4})?\s*[.;,]?\s*$)",
    re.IGNORECASE,
)


def _day_and_day(match: re.Match[str]) -> str:
    d1, m1, d2, m2 = (int(match[i]) for i in (2, 4, 5, 6))
    close = (m1 == m2 and 0 < d2 - d1 <= 30) or (m2 == m1 % 12 + 1 and 0 < d2 < d1)
    return match[1] + (" đến " if close else " và ")


def _listed_days(match: re.Match[str]) -> str:
    first, last = int(match[2]), int(match[4])
    days = [first, *(int(d) for d in re.findall(r"\d+", match[3])), last]
    if not (1 <= int(match[5]) <= 12 and all(a < b for a, b in itertools.pairwise(days))):
        return match[0]
    # The first day takes the month the days share ("từ 8 giờ ngày 3/6 đến ngày 4/6"), so a
    # start's hour does not leave a day with no month.
    return f"{match[1]}{match[2]}/{int(match[5])} đến "


def _local_notice_wordings(text: str) -> str:
    if "từ" in text.lower():
        text = _FROM_BEFORE.sub("", text)
        text = _FROM_DAY_AND_DAY.sub(_day_and_day, text)
        text = _FROM_LISTED_DAYS.sub(_listed_days, text)
        if _FROM_START.match(text):
            text = _UNTIL_FURTHER_NOTICE.sub(lambda m: m[1] or "", text)
            text = _FROM_PART_OF_DAY.sub(r"\1ngày ", text)
    if ":" in text:
        text = _BRACKET_COLON_HOURS.sub(r"(\1h\2 - \3h\4)", text)
    return text


_FROM_START = re.compile(r"^\s*(?:kể\s+|bắt\s+đầu\s+)?từ\s", re.IGNORECASE)


# Round forty-four (hround44), wordings of legal question-and-answer pages.
# "30.9 là hạn cuối xác nhận nhập học", "ngày 15/8 là hạn chót": a day "is the last day" (the
# day before the words) is the deadline "hạn cuối ngày …" the reader knows.
_DAY_IS_THE_LAST = re.compile(
    r"((?:\d{1,2}\s*(?:h|giờ)(?:\s*\d{2})?\s+)?(?:ngày\s+)?\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?)"
    r"\s+là\s+(hạn\s+(?:cuối|chót))(?!\w)",
    re.IGNORECASE,
)
# "kể từ sau ngày 31/12/2022": from after a day, with no end, is a start, as "kể từ ngày …"
# (the day after it, which a start's reading does not tell apart); with an end ("đến …") the
# window's first day would be a day early, so it is left as it was, as is "sau ngày X" alone.
_FROM_AFTER_DAY = re.compile(
    r"(?<!\w)(từ)\s+sau\s+(?=ngày\s+\d)(?!.*(?<!\w)(?:đến|tới)(?!\w))", re.IGNORECASE
)
# "đến trước ngày bầu cử 05 ngày": "đến trước" a count before an event is that count before
# it ("trước ngày bầu cử 05 ngày"); "đến trước ngày 15/3" (a day) is not touched.
_UNTIL_BEFORE_EVENT = re.compile(
    r"(?<!\w)đến\s+(?=trước\s+ngày\s+[^\W\d][^;,()]*?\s\d{1,3}\s+ngày(?!\s*\d)(?!\w))",
    re.IGNORECASE,
)


def _legal_answer_wordings(text: str) -> str:
    lowered = text.lower()
    if " là hạn" in lowered:
        text = _DAY_IS_THE_LAST.sub(r"\2 \1", text)
    if "từ sau" in lowered:
        text = _FROM_AFTER_DAY.sub(r"\1 ", text)
    if "đến trước" in lowered:
        text = _UNTIL_BEFORE_EVENT.sub("", text)
    return text


# Round forty-five (hround45), wordings of work calendars, meeting and duty notices.
# "đến hết ngày thứ Tư ngày 14/02/2024" (a holiday notice): a "ngày" before a weekday that a
# day's "ngày" follows is the weekday's, "đến hết thứ Tư ngày 14/02/2024" as the reader knows
# it (the window was read as two deadlines, flagged); the weekday is still checked.
_DAY_BEFORE_WEEKDAY = re.compile(
    r"(?<!\w)ngày\s+(?=(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật)\s*,?\s*ngày\s+\d)",
    re.IGNORECASE,
)
# "Vào mỗi sáng thứ Hai đầu tuần", "mỗi chiều thứ Sáu": "mỗi" (every) before a weekday is
# its weekly cadence, "hằng tuần"; "đầu tuần" after Monday and "cuối tuần" after Friday to
# Sunday say the weekday again. Only at the cell's end or before a stop: "mỗi thứ Năm tuần
# thứ hai", "mỗi thứ Sáu của tháng" say more than a week and are left as they were.
_EVERY_WEEKDAY = re.compile(
    r"(?<!\w)mỗi\s+((?:buổi\s+)?(?:(?:sáng|chiều|tối)\s+)?)"
    r"(?:(thứ\s+(?:hai|2))(?:\s+đầu\s+tuần)?|(thứ\s+(?:ba|tư|năm|[345]))"
    r"|(thứ\s+(?:sáu|bảy|bẩy|[67])|chủ\s+nhật)(?:\s+cuối\s+tuần)?)"
    r"(?=\s*(?:[,;.)]|$))",
    re.IGNORECASE,
)


def _every_weekday(match: re.Match[str]) -> str:
    return f"{match[1]}{match[2] or match[3] or match[4]} hằng tuần"


def _calendar_notice_wordings(text: str) -> str:
    lowered = text.lower()
    if "ngày thứ" in lowered or "ngày chủ" in lowered:
        text = _DAY_BEFORE_WEEKDAY.sub("", text)
    if "mỗi" in lowered:
        text = _EVERY_WEEKDAY.sub(_every_weekday, text)
    return text


# Round forty-six (hround46), wordings of the new communes' notices.
# "kể từ ngày quyết định được ký (28-12-2025)", "từ ngày Luật có hiệu lực (1/1/2026)": a start
# at an event whose day the brackets give is a start at that day, as "kể từ ngày 28/12/2025"
# (read before as the day's deadline, the event's words unread, flagged). Only the whole cell,
# the start first and the bracket last: a count before it ("trong 10 ngày kể từ ngày ký
# (15/3)") counts from that day, as it did; a bracket with more than a day is not touched, nor
# a weekday naming the day ("từ ngày thứ Ba (4/3)", checked against the date elsewhere).
_FROM_EVENT_OF_A_DAY = re.compile(
    r"^(\s*(?:kể\s+|bắt\s+đầu\s+)?từ\s+ngày\s+)(?!(?:thứ|chủ\s+nhật)(?!\w))(?:[^\W\d]+\s+){0,7}[^\W\d]+\s*"
    r"\(\s*(?:ngày\s+)?(\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?)\s*\)\s*[.;,]?\s*$",
    re.IGNORECASE,
)


def _new_commune_wordings(text: str) -> str:
    if "(" in text and _FROM_START.match(text):
        text = _FROM_EVENT_OF_A_DAY.sub(r"\1\2", text)
    return text


# An hour written "19h" or "7h30", a slash, then a day and a month: that hour of that day.
_HOUR_SLASH_DAY = re.compile(
    r"(?<![\d/])(\d{1,2}h(?:\d{2})?)/(?=\d{1,2}/\d{1,2}(?!\s*h)(?:[/\s\-),.;]|$))"
)

# "19h/26/3-07h/28/3": the dash between two such moments is the window's "đến".
_DASH_TO_HOUR_SLASH = re.compile(
    r"(?<=\dh/)(\d{1,2}/\d{1,2}(?:/\d{2,4})?)\s*-\s*(?=\d{1,2}h(?:\d{2})?/\d{1,2}/\d)"
)


def clean(text: str) -> str:
    # UTF-8 read as Windows-1252 ("TrÆ°á»›c ngÃ y"), undone where the bytes say so surely
    # (probed, hprobe9: "Từ ngày 15/3" so mangled read as a deadline on 15/3).
    text = unicodedata.normalize("NFC", unmangle(text))
    # Soft hyphens, zero-width and direction marks that Word, PDF and web copies leave inside
    # words and numbers ("15/3/\u200e2026").
    text = _INVISIBLE.sub("", text)
    # No-break, wide and doubled spaces as one space before any word is matched (hmeta: "năm
    # ngày" with two spaces or a no-break one was no count in words).
    text = _SPACES.sub(" ", text)
    # The list mark opening the cell ("+ ", "• ") marks nothing more than a dash does (hmeta:
    # after "+ " the task's words were left unread where after "- " they were read); a
    # cell of several lines keeps its marks, they part its items.
    if "\n" not in text:
        text = _LIST_MARK.sub("", text)
    if not any(c.islower() for c in text) and _TWO_WORDS.search(text):
        # A cell written all in capitals, as a heading is (hmeta: "TRUNG TUẦN THÁNG 11 …"
        # passed as a name): its capitals name nothing, so it is read in small letters; a
        # Roman numeral keeps its capitals.
        text = _ROMAN_OR_WORD.sub(lambda m: m[0] if _ROMAN.fullmatch(m[0]) else m[0].lower(), text)
    if "_x00" in text:  # Excel's escapes of a line break or a tab kept in a cell ("_x000D_")
        text = _EXCEL_ESCAPE.sub(" ", text)
    if "&" in text and _ENTITY.search(text):  # "15/3/2026 &ndash; 30/4/2026", "ng&agrave;y"
        text = html.unescape(text)
    text = re.sub(r"<[^>]+>", " ", text)
    # Full-width digits and marks ("１５／３／２０２６"), Roman numerals as one character ("Ⅱ"),
    # Unicode dashes ("15‐3‐2026", "15/3 − 30/4") and the big solidus, as the ASCII they stand for.
    text = text.translate(_AS_ASCII)
    text = text.replace("*", " ")
    if "--" in text:  # "15/3/2026 -- 30/4/2026": a dash typed as two hyphens (probed, hprobe9)
        text = _DOUBLE_DASH.sub(" - ", text)
    if "ừ t" in text.lower():
        text = _FROM_TWICE.sub(r"\1 ", text)
    text = _local_notice_wordings(text)
    text = _legal_answer_wordings(text)
    text = _calendar_notice_wordings(text)
    text = _new_commune_wordings(text)
    if "cho" in text.lower():
        text = _UNTIL_FOR.sub("", text)
    if "~" in text:  # "24/11 ~ 28/11/2012" (round fifteen): a tilde between numbers is a dash
        text = _TILDE_RANGE.sub(" - ", text)
    if "h/" in text:  # "(từ 19h/26/3-07h/28/3)" (hsweep): an hour glued to its day by a slash
        text = _DASH_TO_HOUR_SLASH.sub(r"\1 đến ", text)
        text = _HOUR_SLASH_DAY.sub(r"\1 ", text)
    # "Ngày 1⁄6⁄2020": the fraction and division slashes some editors put in dates.
    text = text.replace("\u2044", "/").replace("\u2215", "/")
    text = _NUMBER_IN_WORDS.sub(_drop_agreeing_words, text)
    if "(" in text and _DIGITS_IN_BRACKETS.search(text):
        text = _WORDS_IN_NUMBER.sub(_keep_agreeing_number, text)
    text = spelled_out(text)
    if _MUNG.search(text):
        text = _MUNG_IN_WORDS.sub(_mung_number, text)
    if _MUNG.search(text) and _MONTHLY.search(text) and not _LUNAR_MARK.search(text):
        text = _MONTHLY_MUNG.sub(_mung_as_day, text)
    text = _MONTH_IN_WORDS.sub(_month_number, text)
    text = _NTH_DAY_IN_WORDS.sub(_nth_day_number, text)
    if "ừ" in text or "Ừ" in text:  # "từ": a range of counts in words needs it
        text = _RANGE_IN_WORDS.sub(_range_numbers, text)
    text = _COUNT_IN_WORDS.sub(_count_number, text)
    if "ăm ng" in text or "ĂM NG" in text or "ăm Ng" in text:
        text = _FIVE_DAYS.sub("05 ngày", text)
    if "ăm th" in text or "ĂM TH" in text or "ăm Th" in text:
        text = _FIVE_MONTHS.sub("05 tháng", text)
    text = _TIMES_PER_PERIOD.sub(_times_per_period, text)
    text = _OLD_SPELLING.sub(lambda m: _NEW_SPELLING.get(m[0].lower(), m[0]), text)
    text = _ISO_DATE.sub(r"\4/\3/\1", text)
    if _MONTH_AND_DAY_GATE.search(text):
        text = _MONTH_THEN_DAY.sub(r"ngày \2 tháng \1", text)
        text = _MONTHS_AND_DAYS.sub(r"\1 tháng và \2 ngày", text)
    text = _SHORT_MONTH.sub(r"tháng \1", text)
    text = _SHORT_QUARTER.sub(r"quý \1", text)
    if _DIGIT_OR_NUMERAL_GLUED.search(text):
        # "ngày15/3/2026", "trước15/3", "Quý2/2026", "quýII/2026", "15/3/2026đến": a space
        # lost between a timing word and its number (probed, hprobe9).
        text = _WORD_THEN_NUMBER.sub(r"\1 ", text)
        text = _NUMBER_THEN_WORD.sub(r" \1", text)
    if _UNIT_THEN_WORD_GATE.search(text):
        # "chậm nhất 20 ngàytrước ngày họp", "05 ngàykể từ" (round thirty): a space lost
        # between a count's unit and the word that places it.
        text = _UNIT_THEN_WORD.sub(r"\1 \2", text)
    text = _MIDNIGHT_EXPORTED.sub(r"\1", text)
    if _PART_OF_DAY_GATE.search(text):
        text = _PART_OF_DAY_SAID_LONG.sub(_part_of_day_said_short, text)
    if "uần" in text or "UẦN" in text:
        text = _WEEKDAY_SHORT.sub(_weekday_words, text)
    # A full stop ending the cell ends its sentence, no more (hmeta: "từ ngày 6 đến 20-9-2018."
    # lost its date to the stop, "trong tháng 3, tháng 4." read two deadlines for one window);
    # an ellipsis ("…", "...") says something is left out and stays.
    return _FINAL_STOP.sub("", " ".join(text.split()))


_FINAL_STOP = re.compile(r"(?<![.\s])\s?\.$")


_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_LIST_MARK = re.compile("^[ \t]*[+\u2022\u00b7\u25e6\u25aa\u25ba\u27a2][ \t]+")
_TWO_WORDS = re.compile(r"[^\W\d_]{2,}\W+[^\W\d_]{2,}")
_ROMAN_OR_WORD = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"[IVX]+")
_SPACES = re.compile(
    "[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#[xX][0-9a-fA-F]{2,4});")
_AS_ASCII = {
    **{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"},
    **{code: unicodedata.normalize("NFKC", chr(code)) for code in range(0x2160, 0x2170)},
    0x3000: " ", 0x3002: ".", 0x29F8: "/", 0x00D0: "Đ", 0x00F0: "đ",
    0x2018: "'", 0x2019: "'", 0x2032: "'",
}  # fmt: skip


# A timing word glued to its number, or a number to the word after it.
_DIGIT_OR_NUMERAL_GLUED = re.compile(r"[^\W\d_]\d|\d[^\W\d_]{2}|[ýy][IV]")
_WORD_THEN_NUMBER = re.compile(
    r"(?<![^\W\d_])(ngày|tháng|quý|năm|trước|đến|tới|từ|hết|lúc|vào|ngay|thang|quy|nam|truoc"
    r"|den|toi|tu|het|luc|vao)(?=\d|(?<=[ýy])(?:I{1,3}|IV)(?![^\W\d_]))",
    re.IGNORECASE,
)
# "trong tháng8này" (round forty-five): the demonstrative "này" glued to a month's number too.
_NUMBER_THEN_WORD = re.compile(
    r"(?<=\d)(đến|tới|và|hoặc|hằng|hàng|này|den|toi|va|hoac|hang)(?![^\W\d_])", re.IGNORECASE
)


# A count's unit glued to the word after it: no Vietnamese word is written so.
_UNIT_THEN_WORD_GATE = re.compile(r"(?:ngày|tháng|tuần)(?:trước|sau|kể|tính|làm)", re.IGNORECASE)
_UNIT_THEN_WORD = re.compile(
    r"(?<![^\W\d_])(ngày|tháng|tuần)(trước|sau|kể|tính|làm)(?![^\W\d_])", re.IGNORECASE
)


# "2026-03-15 00:00:00" (a spreadsheet's date and time, the time always midnight): the day.
_MIDNIGHT_EXPORTED = re.compile(
    r"((?<!\d)\d{1,2}/\d{1,2}/\d{4})\s+0?0:00:00(?!\s*(?:SA|CH|AM|PM|[:\d]))", re.IGNORECASE
)


# A part of the day said in two words, or as "khuya", before its day, its weekday or after its
# hour ("rạng sáng ngày 5/9", "sáng sớm 2/9", "chiều tối ngày 12/8", "22h tối muộn ngày 3/3",
# "đêm khuya thứ Bảy", "23 giờ khuya ngày 1/5", "giữa trưa ngày 10/6"; hlex4): said as the
# plain part the readers know ("sáng", "tối", "đêm", "trưa"). A morning, an evening or a
# night with no hour is that day, and an hour keeps its own reading; before, the second word
# ("sớm", "muộn", "khuya", "giữa") was left unread and flagged. Only with marks, and only
# before a day or a weekday: "sớm" and "muộn" alone stay words of change.
_PART_OF_DAY_GATE = re.compile(r"sớm|muộn|khuya|rạng|giữa\s+trưa|chiều\s+tối", re.IGNORECASE)
_PART_OF_DAY_SAID_LONG = re.compile(
    r"(?<!\w)(?:rạng\s+sáng|sáng\s+sớm|giữa\s+trưa|chiều\s+tối|tối\s+muộn|đêm\s+khuya|khuya)"
    r"(?=\s+(?:ngày\s+|hôm\s+)?(?:\d|thứ\s|chủ\s+nhật))",
    re.IGNORECASE,
)
_PART_OF_DAY_SHORT = {
    "rạng sáng": "sáng",
    "sáng sớm": "sáng",
    "giữa trưa": "trưa",
    "chiều tối": "tối",
    "tối muộn": "tối",
    "đêm khuya": "đêm",
    "khuya": "đêm",
}


def _part_of_day_said_short(match: re.Match[str]) -> str:
    short = _PART_OF_DAY_SHORT[" ".join(match[0].lower().split())]
    return short[0].upper() + short[1:] if match[0][:1].isupper() else short


# "T2 hằng tuần", "CN hàng tuần": a weekday abbreviated before a weekly cadence (probed,
# hprobe9: "CN hằng tuần" read as every Friday, the abbreviation taken for the task's words).
_WEEKDAY_SHORT = re.compile(
    r"(?<![\w/.])(CN|[Tt][2-7])(?=\s*,?\s*(?:hằng|hàng|mỗi|các)\s+tuần(?![\w]))", re.IGNORECASE
)


def _weekday_words(match: re.Match[str]) -> str:
    short = match[1].upper()
    return "Chủ nhật" if short == "CN" else f"thứ {short[1]}"


# "quí", "định kì": the older spelling of "quý", "kỳ" (and "ký", "kỷ"), still in use.
# "Qúy II/2026": the tone mark typed on the "u" of "quý" (a common slip) is the same word.
_NEW_SPELLING = {"quí": "quý", "qúi": "quý", "qúy": "quý", "kì": "kỳ", "kí": "ký", "kỉ": "kỷ"}
_OLD_SPELLING = re.compile(
    "(?<![\\w])(?:qu\u00ed|q\u00fa[iy]|k[\u00ec\u00ed\u1ec9])(?![\\w])", re.IGNORECASE
)


# "2024-06-15", "2024/06/15": a date written year first, as spreadsheets export it.
_ISO_DATE = re.compile(
    r"(?<![\d/.\-])(\d{4})([/\-.])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d/.\-])"
)


# "Tháng 2 Ngày 19": a month's column, then its day's (a table's two cells joined), is that
# day of that month, written as the reader knows it, "ngày 19 tháng 2". Not after a count
# ("3 tháng 10 ngày": a duration) or a range's "đến", nor before a slash ("tháng 3 ngày
# 8/3"), "lần", "đợt" or a cadence ("tháng 9 ngày 15 hằng tháng"); no comma between.
_MONTH_THEN_DAY = re.compile(
    r"(?<![\w/.\-])(?<!\d\s)(?<!đến\s)(?<!tới\s)tháng\s+(\d{1,2})\s*:?\s+ngày\s+(\d{1,2})"
    r"(?![\d/.\-]|\s*(?:tháng|lần|đợt|ngày|hằng|hàng|mỗi)(?![\w]))",
    re.IGNORECASE,
)


# Both patterns above and below need a number before "ngày": a quick scan first.
_MONTH_AND_DAY_GATE = re.compile(r"\d\s*:?\s+ng[àÀ]y", re.IGNORECASE)


# "kéo dài 3 tháng 10 ngày", "thời gian 1 tháng 5 ngày": a duration of months and days (no
# "ngày" before it), not a day of a month; written with "và" between, so no date is read in
# it ("3 tháng 10" was read as 3 October, without a flag).
_MONTHS_AND_DAYS = re.compile(
    r"(?<![\w/.\-])(?<!ngày\s)(?<!mùng\s)(?<!mồng\s)(\d{1,2})\s+tháng\s+(\d{1,2})\s+ngày"
    r"(?=\s*$|\s*[,.;)]|\s+(?:kể|tính|làm|liên|trở|để|thì|và))",
    re.IGNORECASE,
)


# "T10/2024", "Q3/2024": a month or a quarter abbreviated, as spreadsheets write them.
# "T.10/2024", "Q.III/2024", "QII/2024" (round fourteen): with a dot after the letter, and a
# quarter in Roman numerals; always with the year after it.
_SHORT_MONTH = re.compile(r"(?<![\w/.])[Tt]\.?\s?(\d{1,2})(?=\s*[/\-]\s*\d{4}(?!\d))")
_SHORT_QUARTER = re.compile(r"(?<![\w/.])[Qq]\.?\s?([1-4]|I{1,3}|IV)(?=\s*[/\-]\s*\d{4}(?!\d))")


# "mỗi tháng 2 lần", "hằng quý 01 lần", "tháng 2 lần", "01 tháng 01 lần": so many times in
# each period, never the period numbered ("tháng 2" is February, "quý 2" the second quarter).
# Written as the reader knows it, "02 lần/tháng". Not "tháng 6 lần 1" nor "tháng 3 lần đầu"
# (a numbered round in that month), nor "06 tháng 01 lần" (once in six months); "năm" only
# after "mỗi", "hằng", "một" or "01" ("năm" is also five).
_TIMES_PER_PERIOD = re.compile(
    r"(?<![\w/])(?:(?:mỗi|hằng|hàng|một|0?1)\s+(tháng|quý|năm|tuần)|(?<!\d\s)(tháng|quý|tuần))"
    r"\s+(\d{1,2})\s+(lần|đợt)(?![\w/])(?!\s*(?:\d|thứ|đầu|cuối|trong|\())",
    re.IGNORECASE,
)


def _times_per_period(match: re.Match[str]) -> str:
    period = (match[1] or match[2]).lower()
    return f"{int(match[3]):02d} {match[4]}/{period}"


# "vào ngày mùng 5 hằng tháng", "từ mùng 3 đến ngày 20 hàng tháng": "mùng" (or "mồng") is
# how days one to ten are said, of either calendar. Beside a monthly cadence, with no word of
# the lunar calendar in the cell ("âm lịch", "rằm", "AL", "tháng Giêng" …) nor of worship
# ("cúng", "dâng hương", "chùa": offerings keep the lunar days), it is the solar day, as
# "ngày 5": fees, meetings and reports fall on it (the corpus's tune part has three such
# cells, all solar; the compositions' "mùng 5 hằng tháng" was a review until then). It was left unread and flagged (and
# the cadence fell on the month's end). "mùng 5/5" (a date with its month: Đoan Ngọ, or 5 May?)
# and the lunar cells stay with the lunar reader, which flags them.
_MUNG = re.compile(r"(?<!\w)m[ùồ]ng(?!\w)", re.IGNORECASE)
_MONTHLY = re.compile(r"(?<!\w)(?:hằng|hàng|mỗi|các)\s+tháng(?!\w)", re.IGNORECASE)
_LUNAR_MARK = re.compile(
    r"(?<!\w)(?:âm\s+lịch|rằm|al|a\.l|giêng|chạp|tết|ngày\s+vía|sóc|vọng|cúng|dâng\s+hương"
    r"|thắp\s+hương|chùa|đình|đền|miếu|phật|sám\s+hối|ăn\s+chay)(?!\w)",
    re.IGNORECASE,
)
_MONTHLY_MUNG = re.compile(
    r"(?<!\w)(ngày\s+)?m[ùồ]ng\s+(?=\d{1,2}(?!\s*[/.\-]\s*\d)(?!\d))", re.IGNORECASE
)


def _mung_as_day(match: re.Match[str]) -> str:
    return match[1] or "ngày "


# "(nhằm mùng Một đến hết mùng Ba Tết Nguyên đán)" (round sixty-two, hfirst62): a day of the
# first ten of a lunar month said in words, as "mùng 1", "mùng 3" are written in digits (and
# read, or flagged, as those are). Only one to ten, the days "mùng" names.
_MUNG_NUMBERS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5,
    "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip
_MUNG_IN_WORDS = re.compile(
    rf"(?<!\w)(m[ùồ]ng\s+)({'|'.join(_MUNG_NUMBERS)})"
    rf"(?!\s+(?:mươi|mốt|lăm|{'|'.join(_MUNG_NUMBERS)})(?!\w))(?!\w)",
    re.IGNORECASE,
)


def _mung_number(match: re.Match[str]) -> str:
    return f"{match[1]}{_MUNG_NUMBERS[match[2].lower()]}"


# "ngày thứ hai mươi", "ngày thứ ba mươi", "ngày thứ mười": the Nth day, as tax law writes
# it. Only numbers of ten and more ("ngày thứ hai" is a Monday).
_NTH_DAY_IN_WORDS = re.compile(
    r"(?<![\w])(ngày\s+thứ)\s+((?:mười|(?:hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+mươi)"
    r"(?:\s+(?:mốt|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín))?)(?![\w])",
    re.IGNORECASE,
)


# "trong thời hạn không quá ba mươi ngày làm việc", "sáu tháng đầu năm": a count of days,
# weeks, months or hours in words. Not a weekday or an ordinal ("thứ hai", "ngày thứ ba
# mươi"), not a lunar or calendar day ("mùng hai", "ngày hai"), not "năm" or "một" alone
# (a year, "one"), and not a count followed by its date ("hai ngày 03 và 04/02", read as
# the days listed).
_COUNT_IN_WORDS = re.compile(
    r"(?<![\w])(?<!thứ\s)(?<!mùng\s)(?<!mồng\s)(?<!ngày\s)(?<!tháng\s)"
    r"((?:mười|(?:hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+mươi)"
    r"(?:\s+(?:mốt|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín))?|hai|ba|bốn|sáu|bảy|tám|chín)"
    r"\s+(ngày|tuần|tháng|giờ)(?![\w])(?!\s*\d)",
    re.IGNORECASE,
)


# "trong thời hạn năm ngày làm việc kể từ …", "chậm nhất là năm ngày trước ngày khai mạc kỳ
# họp": "năm" alone is five only when a count's own words follow its "ngày" ("làm việc", "kể
# từ", "tính từ", or "trước"/"sau" and the day or moment it counts from); elsewhere it may
# be the year.
_FIVE_DAYS = re.compile(
    r"(?<![\w])(?<!thứ\s)(?<!mùng\s)(?<!mồng\s)(?<!ngày\s)(?<!tháng\s)năm\s+ngày"
    r"(?=\s*,?\s+(?:làm\s+việc|kể\s+từ|tính\s+từ|(?:trước|sau)\s+(?:ngày|khi|thời\s+điểm))(?![\w]))",
    re.IGNORECASE,
)


# "trong năm tháng đầu năm", "năm tháng cuối năm 2024", "năm tháng còn lại của năm" (round
# fifty-six, hfirst56): "năm" is five when the months it counts are the year's first, last or
# remaining ones, the year said again right after ("đầu năm", "cuối năm"); read before as "đầu
# năm" alone (the first quarter, flagged). Elsewhere ("trong năm tháng", "năm tháng qua") it
# may be the year, or time in general, and is left.
_FIVE_MONTHS = re.compile(
    r"(?<![\w])(?<!thứ\s)(?<!mùng\s)(?<!mồng\s)(?<!ngày\s)(?<!tháng\s)năm\s+tháng"
    r"(?=\s+(?:đầu|cuối|còn\s+lại)\s+(?:của\s+)?năm(?![\w])(?!\s+học))",
    re.IGNORECASE,
)


# "từ năm đến bảy ngày", "từ mười đến mười lăm ngày làm việc": a range of counts in words,
# its unit said once, after the second.
_WORDS_NUMBER = (
    r"(?:(?:mười|(?:hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+mươi)"
    r"(?:\s+(?:mốt|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín))?|một|hai|ba|bốn|năm|sáu|bảy|tám|chín)"
)
_RANGE_IN_WORDS = re.compile(
    rf"(?<![\w])(từ)\s+({_WORDS_NUMBER})\s*(đến|tới|-)\s*({_WORDS_NUMBER})\s+(ngày|tuần|tháng|giờ)(?![\w])",
    re.IGNORECASE,
)


def _range_numbers(match: re.Match[str]) -> str:
    low, high = number_in_words(match[2]), number_in_words(match[4])
    if not low or not high or low >= high:
        return match[0]
    return f"{match[1]} {low:02d} {match[3]} {high:02d} {match[5]}"


def _count_number(match: re.Match[str]) -> str:
    number = number_in_words(match[1])
    return f"{number:02d} {match[2]}" if number else match[0]


def _nth_day_number(match: re.Match[str]) -> str:
    number = number_in_words(match[2])
    return f"{match[1]} {number}" if number else match[0]


_UNITS = {"khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5,
          "lam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}  # fmt: skip


def number_in_words(words: str) -> int | None:
    """ "mười" 10, "hai mươi" 20, "mười hai" 12, "ba mươi mốt" 31, "hai mươi lăm" 25; None
    for anything else. Up to 99: the days and months a date is written with."""
    parts = fold(words).replace("-", " ").split()  # "mười", "mươi" fold alike; "mốt" is "một"
    if not parts:
        return None
    tens, rest = 0, parts
    if parts[0] == "muoi":
        tens, rest = 1, parts[1:]
    elif len(parts) >= 2 and parts[1] == "muoi" and parts[0] in _UNITS:
        tens, rest = _UNITS[parts[0]], parts[2:]
        if tens < 2:
            return None
    if rest and rest[0] in ("linh", "le"):
        rest = rest[1:]
    if len(rest) > 1 or (rest and rest[0] not in _UNITS) or (not tens and not rest):
        return None
    return tens * 10 + (_UNITS[rest[0]] if rest else 0)


def number_of(text: str) -> int | None:
    """A number written in digits or in words ("2", "hai", "Mười lăm"); None for anything else."""
    return int(text) if text.isdigit() else number_in_words(text)


# "ngày 10 (mười)", "tháng 12 (mười hai)": a number followed by the same number in words, as
# legal texts write it. The words say nothing new when they agree; when they disagree they
# stay, and the reader asks about them.
_NUMBER_IN_WORDS = re.compile(r"(\d{1,2})\s*\(\s*([^\W\d_][^()\d]{0,30}?)\s*\)")


# "Tháng một hàng năm", "tháng tư": a month named in words, as laws write it. Not after a
# day ("mùng 6 tháng Giêng", "rằm tháng Bảy": lunar, read elsewhere), not "tháng một lần"
# (once a month), and not "tháng năm" (too often "tháng, năm").
_MONTH_IN_WORDS = re.compile(
    r"(?<![\w])(tháng)\s+(mười\s+hai|mười\s+một|mười|một|hai|ba|tư|bốn|sáu|bảy|tám|chín)"
    r"(?![\w])(?!\s+(?:lần|âm|al\b|\())",
    re.IGNORECASE,
)


def _month_number(match: re.Match[str]) -> str:
    before = match.string[: match.start()].rstrip().lower()
    if re.search(r"(?:\d|rằm|mùng|mồng|ngày)$", before):
        return match[0]
    number = number_in_words(match[2])
    return f"{match[1]} {number}" if number else match[0]


def _drop_agreeing_words(match: re.Match[str]) -> str:
    return match[1] if number_in_words(match[2]) == int(match[1]) else match[0]


# "hai mươi (20) ngày làm việc", "chín mươi (90) ngày": the words first, the same number in
# digits after them in brackets (the other order is read above). When they agree the digits
# stand for both; when they disagree both stay, and the reader asks about them.
_WORDS_IN_NUMBER = re.compile(
    r"(?<![\w])((?:mười|(?:hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+mươi)"
    r"(?:\s+(?:mốt|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín))?|một|hai|ba|bốn|năm|sáu|bảy|tám|chín)"
    r"\s*\(\s*(\d{1,2})\s*\)",
    re.IGNORECASE,
)


_DIGITS_IN_BRACKETS = re.compile(r"\(\s*\d{1,2}\s*\)")


def _keep_agreeing_number(match: re.Match[str]) -> str:
    return match[2] if number_in_words(match[1]) == int(match[2]) else match[0]


# Numbers and minutes written in words, and a month of a quarter or of the year named by its
# place (probed, hprobe17): written as the digits the readers know, before they read.
_WORDS_UP_TO_99 = (
    r"(?:(?:mười|(?:hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+mươi)"
    r"(?:\s+(?:mốt|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín))?"
    r"|một|hai|ba|bốn|năm|sáu|bảy|tám|chín)"
)

# "8 giờ rưỡi", "7 giờ ba mươi", "9 giờ mười lăm phút", "14 giờ kém 15", "tám giờ rưỡi sáng":
# the minutes of an hour in words, or before the hour ("kém"). Not a length of time ("trong
# 2 giờ rưỡi", "sau một giờ rưỡi", "khoảng 1 giờ rưỡi"): left as written, and flagged.
_MINUTES_IN_WORDS = re.compile(
    rf"(?<![\w/])(\d{{1,2}}|{_WORDS_UP_TO_99})\s+giờ\s+"
    rf"(?:(rưỡi)|kém\s+(\d{{1,2}}|{_WORDS_UP_TO_99})(?:\s+phút)?|({_WORDS_UP_TO_99})(\s+phút)?)"
    r"(?![\w])",
    re.IGNORECASE,
)
_A_LENGTH_BEFORE = re.compile(
    r"(?<![\w])(?:trong(?:\s+(?:vòng|thời\s+gian|khoảng))?|khoảng|mất|sau|kéo\s+dài|chừng|"
    r"hơn|quá|tối\s+đa|tối\s+thiểu|ít\s+nhất|không\s+quá|vòng)\s*$",
    re.IGNORECASE,
)
# After minutes in words with no "phút": a count's unit ("7 giờ ba mươi ngày kể từ …") is no
# minute; a date's "ngày 12/5" is.
_UNIT_AFTER = re.compile(r"\s+(?:ngày|tuần|tháng|năm|giờ|lần)(?![\w])(?!\s+\d)", re.IGNORECASE)


def _hour_minutes(match: re.Match[str]) -> str:
    if _A_LENGTH_BEFORE.search(match.string, 0, match.start()):
        return match[0]
    hour = number_of(match[1])
    if hour is None or not 0 <= hour <= 24:
        return match[0]
    if not match[3] and hour > 23:
        return match[0]  # "24 giờ rưỡi": no such time
    if match[2]:  # rưỡi
        minutes = 30
    elif match[3]:  # kém N
        before = number_of(match[3])
        if before is None or not 1 <= before <= 30 or hour < 1:
            return match[0]
        hour, minutes = hour - 1, 60 - before
    else:
        minutes_or_none = number_in_words(match[4])
        one_word = len(match[4].split()) == 1
        if minutes_or_none is None or not 1 <= minutes_or_none <= 59:
            return match[0]
        if not match[5] and (one_word or _UNIT_AFTER.match(match.string, match.end())):
            return match[0]  # "8 giờ năm" (a year?), "7 giờ ba mươi ngày" (a count?)
        minutes = minutes_or_none
    return f"{hour} giờ {minutes:02d} phút"


# "ngày mười lăm tháng 6", "ngày hai mươi lăm hằng tháng", "ngày mười của tháng cuối quý",
# "mồng mười tháng 3": a day in words before its month (or every month). "mồng / mùng" keep
# their word: whether the day is lunar is decided where digits follow them.
_DAY_IN_WORDS = re.compile(
    rf"(?<![\w])(ngày|mùng|mồng)\s+({_WORDS_UP_TO_99})"
    r"(?=\s+(?:của\s+)?(?:(?:hằng|hàng|mỗi|các)\s+)?tháng(?![\w])(?!\s+(?:một\s+)?lần))",
    re.IGNORECASE,
)


def _day_number(match: re.Match[str]) -> str:
    number = number_in_words(match[2])
    return f"{match[1]} {number}" if number and 1 <= number <= 31 else match[0]


# "ngày 15 tháng mười hai", "ngày 20 tháng năm năm 2026": a month in words after a day, where
# no word of the lunar calendar, of worship or of a festival is in the cell (a day and a month
# in words are how lunar dates are told: "ngày mười tháng ba" of the Hùng kings). "tháng năm"
# only at the cell's or a clause's end, or before its year ("tháng, năm" is too common).
_MONTH_AFTER_DAY = re.compile(
    r"(?<![\w])(ngày\s+\d{1,2}\s+(?:của\s+)?tháng)\s+"
    r"(mười\s+hai|mười\s+một|mười|một|hai|ba|tư|bốn|sáu|bảy|tám|chín"
    r"|năm(?=\s*(?:$|[,.;)]|năm\s+(?:\d{4}|hai\s+(?:nghìn|ngàn)))))"
    r"(?![\w])(?!\s+(?:lần|âm|al\b|\())",
    re.IGNORECASE,
)
# A year written with the date ("năm 2026", "/2026", "năm hai nghìn …" once made digits).
_WRITTEN_YEAR = re.compile(r"(?:năm\s+|/|-|\.)(?:19|20)\d{2}(?!\d)", re.IGNORECASE)
_FESTIVE = re.compile(r"(?<![\w])(?:giỗ|lễ\s+hội|hội\s+làng|vía)(?![\w])", re.IGNORECASE)


def _month_after_day(match: re.Match[str]) -> str:
    number = 5 if fold(match[2]) == "nam" else number_in_words(match[2])
    return f"{match[1]} {number}" if number else match[0]


# "năm hai nghìn không trăm hai mươi sáu", "năm hai ngàn không trăm linh năm": a year in words.
_YEAR_IN_WORDS = re.compile(
    r"(?<![\w])(năm)\s+hai\s+(?:nghìn|ngàn)"
    rf"(?:\s+không\s+trăm(?:\s+(?:linh|lẻ))?\s+({_WORDS_UP_TO_99}))?(?![\w])",
    re.IGNORECASE,
)


def _year_number(match: re.Match[str]) -> str:
    if not match[2]:
        return f"{match[1]} 2000"
    number = number_in_words(match[2])
    return f"{match[1]} {2000 + number}" if number is not None else match[0]


# "tháng thứ hai của mỗi quý", "tháng thứ 3 trong quý": a month's place in the quarter, said
# as "đầu", "giữa", "cuối" (so "thứ hai" is no Monday).
_MONTH_PLACE = re.compile(
    r"(?<![\w])(tháng)\s+thứ\s+(nhất|hai|ba|[123])(?=\s+(?:của|trong)\s+(?:(?:mỗi|hằng|hàng|các)\s+)?quý(?![\w]))",
    re.IGNORECASE,
)
_EVERY_QUARTER = re.compile(r"(?<![\w])(?:hằng|hàng|mỗi|các)\s+quý(?![\w])", re.IGNORECASE)
_PLACE_WORDS = {"nhat": "đầu", "1": "đầu", "hai": "giữa", "2": "giữa", "ba": "cuối", "3": "cuối"}


_A_NAMED_QUARTER = re.compile(
    r"\s+(?:của|trong)\s+quý\s+(?:IV|I{1,3}|[1-4])(?![\w])", re.IGNORECASE
)


def _month_place(match: re.Match[str]) -> str:
    # "Tháng thứ hai của quý" alone may be a turn's ordinal (hprobe11): left to flag, unless
    # the quarter is named ("của quý II") or every quarter is ("hằng quý", "của mỗi quý").
    if not _A_NAMED_QUARTER.match(match.string, match.end()) and not _EVERY_QUARTER.search(
        match.string
    ):
        return match[0]
    return f"{match[1]} {_PLACE_WORDS[fold(match[2])]}"


# "tháng đầu tiên của quý III", "tháng giữa quý II năm 2026", "tháng cuối quý 4": that month.
_MONTH_OF_A_QUARTER = re.compile(
    r"(?<![\w])(tháng)\s+(đầu|giữa|cuối)(?:\s+(?:tiên|cùng))?\s+(?:(?:của|trong)\s+)?quý\s+"
    r"(IV|I{1,3}|[1-4])(?![\w])",
    re.IGNORECASE,
)
_PLACE_OFFSET = {"dau": 2, "giua": 1, "cuoi": 0}
_QUARTER_NUMBER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _month_of_a_quarter(match: re.Match[str]) -> str:
    month = 3 * _QUARTER_NUMBER[match[3].lower()] - _PLACE_OFFSET[fold(match[2])]
    return f"{match[1]} {month}"


# "quý đầu năm 2026", "tháng đầu tiên của năm", "quý cuối cùng của năm": quarter I, January,
# quarter IV, December. Not a count's ("hai quý đầu năm", "06 tháng đầu năm") nor some months
# ("những tháng đầu năm"), nor the school year ("tháng đầu năm học").
_FIRST_OR_LAST_OF_YEAR = re.compile(
    r"(?<![\w])(quý|tháng)\s+(đầu|cuối)(?:\s+(?:tiên|cùng))?\s+(?:của\s+)?(năm)(?!\s+học)(?![\w])",
    re.IGNORECASE,
)
_SOME_BEFORE = re.compile(
    rf"(?:\d|(?<![\w]){_WORDS_UP_TO_99}|những|các|mấy|vài|mỗi|hằng|hàng)\s*$", re.IGNORECASE
)


def _first_or_last_of_year(match: re.Match[str]) -> str:
    if _SOME_BEFORE.search(match.string, max(0, match.start() - 20), match.start()):
        return match[0]
    first = fold(match[2]) == "dau"
    if fold(match[1]) == "quy":
        return f"{match[1]} {'I' if first else 'IV'} {match[3]}"
    return f"{match[1]} {1 if first else 12} {match[3]}"


def spelled_out(text: str) -> str:
    """Numbers, minutes and places in a period that the cell spells out, as digits."""
    lowered = text.lower()
    if "giờ" in lowered:
        text = _MINUTES_IN_WORDS.sub(_hour_minutes, text)
    if "nghìn" in lowered or "ngàn" in lowered:
        text = _YEAR_IN_WORDS.sub(_year_number, text)
    if "ngày" in lowered or "mùng" in lowered or "mồng" in lowered:
        # A day and its month both in words with no year ("ngày mười tháng ba") is how a
        # lunar day is written: its month stays unread (flagged), as before hprobe17.
        day_in_words = _DAY_IN_WORDS.search(text) is not None
        text = _DAY_IN_WORDS.sub(_day_number, text)
        if (
            not _LUNAR_MARK.search(text)
            and not _FESTIVE.search(text)
            and (not day_in_words or _WRITTEN_YEAR.search(text))
        ):
            text = _MONTH_AFTER_DAY.sub(_month_after_day, text)
    if "quý" in lowered:
        text = _MONTH_PLACE.sub(_month_place, text)
        text = _MONTH_OF_A_QUARTER.sub(_month_of_a_quarter, text)
    if "năm" in lowered:
        text = _FIRST_OR_LAST_OF_YEAR.sub(_first_or_last_of_year, text)
    return text


@dataclass
class Found:
    """One reading the recognisers made: rules, with the span they came from."""

    start: int
    end: int
    rules: list[Rule]
    note: str = ""  # a doubt worth a review, in Vietnamese
    yearless: bool = False  # a date written without its year ("trước ngày 15/6")
    # "báo cáo năm": a cadence that may only name the report a dated deadline is for.
    names_report: bool = False


@dataclass
class Cell:
    """The cell being read: original and folded text, what is taken, what was found."""

    text: str
    folded: str
    year: int | None
    context: str
    taken: bytearray = field(default_factory=bytearray)
    found: list[Found] = field(default_factory=list)
    policy: str | None = None
    # Hours read: where each begins and ends, its start (of a span) and its due time.
    times: list[tuple[int, int, time | None, time]] = field(default_factory=list)
    by_regulation: bool = False
    # Reading a sentence rather than a timing cell (find_timing): stricter.
    strict: bool = False
    # The cell or its task speaks of a report (báo cáo): cadences fall on the cut-off day.
    reports: bool = False
    # Where an anchor read into another reading begins ("ngày 20" of "hằng tháng"): a bound
    # just before it is its own (see ``reader._bounds``).
    anchors: list[int] = field(default_factory=list)
    # Brackets naming the period a report's data covers, set aside before the cadences read
    # (``dates.data_brackets``): where each begins and ends.
    data_spans: list[tuple[int, int]] = field(default_factory=list)
    # The written cell starts a line with a dash (a bullet): cleaning joins its lines, so a
    # dash between two readings may be a bullet rather than a range.
    bullets: bool = False
    # Spans holding a date the cell marks as the old one ("thay vì 27/10"), struck from the
    # reading (``reader._strike_old_dates``).
    struck: list[tuple[int, int]] = field(default_factory=list)
    # Brackets after a moment that name only what it follows or its occasion (``reader.
    # _aside_of_a_moment``): taken, and no occasion of their own ("nhân dịp …").
    asides: list[tuple[int, int]] = field(default_factory=list)
    # Last days a count came to ("trong 18 tháng kể từ ngày 1/1/2025", ``dates.
    # _days_counted_from``): worked out, not written, so their year is no year left unwritten.
    counted_ends: list[date] = field(default_factory=list)

    def __post_init__(self) -> None:
        # One byte per character, 1 when taken: the hot test "is this span free" is a C scan.
        self.taken = bytearray(len(self.text))

    def free(self, start: int, end: int) -> bool:
        return 1 not in self.taken[start:end]

    def take(self, start: int, end: int) -> None:
        end = min(end, len(self.taken))
        if start < end:
            self.taken[start:end] = b"\x01" * (end - start)

    def matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        folded = self.folded
        # Most patterns cannot match most cells: a word every match of the pattern holds is
        # missing ("lan" of "1 lần/năm"). A substring test skips the scan, the costly part.
        kept = _NEEDED.get(id(pattern))  # needed_words(pattern), without the call: hot
        for words in kept[1] if kept is not None and kept[0] is pattern else needed_words(pattern):
            for word in words:
                if word in folded:
                    break
            else:
                return
        taken = self.taken
        for match in pattern.finditer(folded):
            if 1 not in taken[match.start() : match.end()]:
                yield match

    def add(
        self, match: re.Match[str], rules: list[Rule], note: str = "", yearless: bool = False
    ) -> None:
        self.take(match.start(), match.end())
        self.found.append(Found(match.start(), match.end(), rules, note, yearless))

    def original(self, start: int, end: int) -> str:
        return self.text[start:end].strip(" ,.;:()-")

    @functools.cached_property
    def lowered(self) -> str:
        """The text in lower case, with the text's offsets (unchanged when lowering would
        move them): for words whose tones matter ("hoãn" is not "hoàn")."""
        lowered = self.text.lower()
        return lowered if len(lowered) == len(self.text) else self.text


# Each pattern's needed words, by the pattern's identity: hashing a pattern hashes its whole
# compiled code, which cost more than the scan it spares. The pattern is kept beside its words,
# so its identity is never another's; the recognisers' patterns are the module's, a few hundred.
_NEEDED: dict[int, tuple[re.Pattern[str], tuple[frozenset[str], ...]]] = {}


def needed_words(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of words, each set holding one word at least that every match of ``pattern``
    contains: the three most telling, read from the pattern's own parse (its literal runs, the
    options of its alternations, the bodies of its required repeats). Nothing where case is
    ignored. A cell lacking every word of one set cannot match: ``Cell.matches`` skips it."""
    kept = _NEEDED.get(id(pattern))
    if kept is None or kept[0] is not pattern:
        kept = _NEEDED[id(pattern)] = (pattern, _read_needed_words(pattern))
    return kept[1]


def _read_needed_words(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    if pattern.flags & re.IGNORECASE:
        return ()
    sets = _needed_in(list(_sre_parser.parse(pattern.pattern, pattern.flags)))
    sets.sort(key=lambda words: (-min(len(word) for word in words), len(words)))
    return tuple(sets[:3])


def _needed_in(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    found: list[frozenset[str]] = []
    run = ""  # letters in a row, one word every match holds
    for op, value in items:
        if op is _sre.LITERAL:
            run += chr(value)
            continue
        if run:
            found.append(frozenset([run]))
            run = ""
        if op is _sre.SUBPATTERN:
            _group, added, _removed, body = value
            if not added & re.IGNORECASE:
                found.extend(_needed_in(list(body)))
        elif op is _sre.BRANCH:
            options: set[str] = set()
            for branch in value[1]:
                best = _most_telling(_needed_in(list(branch)))
                if best is None:  # a branch needing nothing: the alternation needs nothing
                    options.clear()
                    break
                options |= best
            if options:
                found.append(frozenset(options))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            least, _most, body = value
            if least >= 1:
                found.extend(_needed_in(list(body)))
        elif op is _sre.ATOMIC_GROUP:
            found.extend(_needed_in(list(value)))
        # Anything else (classes, anchors, lookarounds, back references) needs no word.
    if run:
        found.append(frozenset([run]))
    return found


def _most_telling(sets: list[frozenset[str]]) -> frozenset[str] | None:
    if not sets:
        return None
    return max(sets, key=lambda words: (min(len(word) for word in words), -len(words)))


# The ordinal of a week of a month, folded ("tuần thứ hai", "tuần 3", "tuần cuối"): cadences'
# "thứ Sáu tuần thứ hai hằng tháng" and dates' "tuần thứ ba của tháng 6 (từ …)". -1 is the last.
WEEK_ORDINAL = {"nhat": 1, "dau": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "cuoi": -1}
WEEK_ORDINAL.update({str(n): n for n in range(1, 6)})


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace(" ", r"\s*").replace("_", r"\s+"))


SEP = r"(?:\s*[/.\-]\s*)"


# An hour after a dash, with no date of its own after it: "- 7h30", "- 14:00", "- 8 giờ".
_HOUR_ALONE = (
    r"\d{1,2}\s*(?:(?:h|g|gio)(?![a-z])\s*(?:\d{2}|(?!\d))|:\s*\d{2})\s*(?:phut(?![a-z]))?"
    r"(?!\s*,?\s*(?:ngay\s+)?\d{1,2}\s*[/.-]\s*\d)"
)
# Not a count of months or weeks ("từ 1 - 2 tháng", "1 - 1,5 tháng một lần": how long, no day).
# A dash then an hour alone ("Thứ Tư, 11/3/2026 - 7h30", "15/3 - 14:00") leaves the date
# whole; an hour's minutes are no month ("7h30 - 11h00" holds no 30/11).
DATE = (
    rf"(?<!\d)(\d{{1,2}}){SEP}(\d{{1,2}})(?:{SEP}(\d{{4}}|\d{{2}}))?"
    rf"(?!\d|\s*[/.-]\s*(?!{_HOUR_ALONE})\d"
    r"|\s*,\s*\d+\s*(?:thang|tuan)(?![a-z])|\s+(?:thang|tuan)(?![a-z])|h\d{2}(?!\d)|:\d{2}(?![\dh]))"
)


# "ngày 15 tháng 6 năm 2024", "15 tháng 8 năm 2022" (not "06 tháng 01 lần").
DATE_WORDS = r"(?:ngay\s+)?(?<!tuan\s)(?<!tuan\sthu\s)(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})(?!\s*(?:lan|dot|\d))(?:\s+nam\s+(\d{4}))?"


ANY_DATE = rf"(?:{DATE_WORDS}|{DATE})"


YEAR = r"(?:\s*[/.\-]\s*|\s+nam\s+)(\d{4})"


# The end of a written number: no digit or slash follows, nor a dot before a digit. A full
# stop may: a sentence ending on a year ("… đến tháng 3/2027.") left the range it closed
# unread, two windows read in its place without a flag (probed, hprobe5).
NUMBER_ENDS = r"(?![\d/]|\.\d)"


def year_of(text: str | None, cell: Cell) -> int | None:
    if text:
        value = int(text)
        return value + 2000 if value < 100 else value
    return cell.year


def date_from(groups: tuple[str | None, ...], cell: Cell) -> date | None:
    """Day, month, year from either the worded or the numeric half of ``ANY_DATE``."""
    day, month, year = (groups[0], groups[1], groups[2]) if groups[0] else groups[3:6]
    if day is None or month is None:
        return None
    full_year = year_of(year, cell)
    if full_year is None:
        return None
    try:
        return date(full_year, int(month), int(day))
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def whole_year(rule: Rule) -> bool:
    """A window from 1 January to 31 December ("Năm 2024", "năm 2024-2025")."""
    return (
        rule.kind == "deadline"
        and rule.start is not None
        and rule.due is not None
        and (rule.start.month, rule.start.day, rule.due.month, rule.due.day) == (1, 1, 12, 31)
    )


# "Kỳ họp dự kiến khai mạc sáng 20/10 và bế mạc ngày 12/12", "khai mạc ngày 3/3, kết thúc
# ngày 5/3" (round fifty-two, hfirst52; the window's end alone, without a flag): an event's
# opening and its closing, each with its day, are both days, as "trong hai ngày A và B" is (the
# lead's convention after haudit13: the opening has preparations of its own). So is a meeting's
# start and close ("Kỳ họp bắt đầu ngày 2/6 và kết thúc ngày 30/6"): the meeting named right
# before "bắt đầu" (a school term, a campaign or a work "bắt đầu … kết thúc …" is a window, as
# its labels say). With hours ("Khai mạc lúc 18 giờ, ngày 28/10 và kết thúc vào 17 giờ, ngày
# 3/11") each day keeps its own hour.
_OPENING_AND_CLOSE = re.compile(r"(?:khai\s+mac|bat\s+dau)\b.*(?:be\s+mac|ket\s+thuc)")
_MEETING_BEFORE = re.compile(
    r"(?<![a-z])(?:ky\s+hop|phien\s+hop|cuoc\s+hop|hoi\s+nghi|dai\s+hoi|hoi\s+thao)"
    r"(?:\s+[a-z]+){0,4}?\s+(?:(?:du\s+kien|se)\s+)?$"
)


def two_milestones(text: str, start: date, due: date, before: str = "") -> bool:
    """Whether a range read from an opening and a close (``text``, folded, opening on the
    opening; ``before``, the folded words before it) names two milestones (see above)."""
    if start == due or not _OPENING_AND_CLOSE.match(text):
        return False
    return text.startswith("khai") or _MEETING_BEFORE.search(before) is not None


def deadline(due: date, start: date | None = None, assignee: str = "") -> Rule:
    return Rule(kind="deadline", due=due, start=start, assignee=assignee)


def recurring(rrule: str, period: str | None = None) -> Rule:
    return Rule(kind="recurring", rrule=rrule, period=period)  # type: ignore[arg-type]


def need_year(cell: Cell, match: re.Match[str], year: int | None) -> int | None:
    if year is None:
        cell.add(
            match,
            [],
            f"'{cell.original(match.start(), match.end())}' không nêu năm và chưa biết năm của kế hoạch",
        )
    return year


# ----- second sweep of the tune part's misses (hsweep2): wordings read as a kind they say
# plainly, applied to a timing cell only (``parse_timing``), not to a prose sentence.

# "từ ngày 2/7 năm 2025 đến …": a day with its year after "năm" is the same day as
# "2/7/2025"; inside a range's start the "năm 2025" was read apart, as a year's deadline
# beside the range.
_DAY_MONTH_THEN_YEAR = re.compile(r"(?<![\d/])(\d{1,2}\s*/\s*\d{1,2})\s+năm\s+(\d{4})(?!\d)")
# A range's first month with its year ("từ tháng 3 năm 2025 đến ngày 20 tháng 6 năm 2025"):
# the year said again at the range's end is the first month's too, dropped there; another
# year at the end leaves the words as they were.
_FROM_MONTH_THEN_YEAR = re.compile(
    r"(?<![^\W\d_])(từ\s+tháng\s+\d{1,2})\s+năm\s+(\d{4})(?!\d)(?=\s+(?:đến|tới)(?![^\W\d_]))",
    re.IGNORECASE,
)
_YEARS = re.compile(r"(?<!\d)\d{4}(?!\d)")

# "trong những ngày cuối tháng 3": "những ngày" is "các ngày", a plural and no more.
_THOSE_DAYS = re.compile(r"(?<![^\W\d_])(n)hững(?=\s+ngày(?![^\W\d_]))", re.IGNORECASE)

# Bounds said with more words (hlex4): "ít nhất là 01 lần/tháng", "tối thiểu là 2 lần/năm" are
# "ít nhất 01 lần/tháng", "ít nhất 2 lần/năm" (once a period at least is that period's cadence,
# twice or more flags, as before); "ít nhất mỗi quý một lần", "tối thiểu hằng tháng 01 lần",
# "ít nhất 01 lần/quý", "ít nhất 1 lần/tuần" (the month's and the year's were read already):
# once each period at least is that period's cadence; "nhiều nhất (là) 10 ngày" (at most) is
# "tối đa 10 ngày", a count the events read. Before, "Ít", "là" or "Nhiều" was left unread.
_ONCE_EACH_AT_LEAST = re.compile(
    r"(?<![^\W\d_])(?:ít\s+nhất|tối\s+thiểu)(?:\s+là)?\s+(?=(?:mỗi|hằng|hàng)\s+(?:tuần|tháng|quý|năm)"
    r"\s+(?:0?1|một)\s+lần(?![^\W\d_])|(?:0?1|một)\s+lần\s*(?:/|mỗi|một|trong)\s*(?:tuần|quý)(?![^\W\d_]))",
    re.IGNORECASE,
)
_CEILING_OF_DAYS = re.compile(
    r"(?<![^\W\d_])nhiều\s+nhất(?:\s+là)?(?=\s+\d{1,3}\s+ngày(?![^\W\d_]))", re.IGNORECASE
)

# "tối thiểu 1 lần/năm", "tối thiểu một lần mỗi quý", "ít nhất là 2 lần": a floor before a
# number of times, however said, is "ít nhất", which the cadences read.
_FLOOR_TIMES = re.compile(
    r"(?<![^\W\d_])(?:ít\s+nhất\s+là|tối\s+thiểu(?:\s+là)?)"
    r"(?=\s+(?:\d{1,2}|một|hai|ba|bốn)\s+lần(?![^\W\d_]))",
    re.IGNORECASE,
)

# "…, trừ trường hợp Bộ có hướng dẫn khác" ending the cell: the law's stock escape (unless
# told otherwise) changes no day the cell names; dropped. A case naming a day, a number or
# anything else than another instruction stays and is read (and flagged) as before.
_UNLESS_TOLD_OTHERWISE = re.compile(
    r"\s*[,;]\s*trừ\s+(?:trường\s+hợp|khi)(?:\s+[^\W\d_]+){0,6}?\s+có\s+"
    r"(?:hướng\s+dẫn|quy\s+định|văn\s+bản|chỉ\s+đạo|yêu\s+cầu)\s+khác\s*[.;]?\s*$",
    re.IGNORECASE,
)

# "liên tục từ nay đến hết ngày 15/4", "liên tục từ ngày 2/3 đến ngày 15/4": a window worked
# without a break is the window, due at its end; "liên tục" said how, not a second task.
_RUNNING_WINDOW = re.compile(
    r"^\s*liên\s+tục\s+(?=từ\s+(?:nay|bây\s+giờ|ngày\s+\d|\d)[^,;]*?\s(?:đến|tới)\s+(?:hết\s+)?"
    r"(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}[^,;]*$)",
    re.IGNORECASE,
)

# "trước ngày 10 của tháng tiếp theo", "chậm nhất ngày 5 tháng kế tiếp": the month after the
# one reported, each month: "ngày 10 hằng tháng". Only with no other period in the cell or
# the task's words (a quarter's, a year's, a week's report is due in the month after the
# quarter, the year, …) and no other number; "tháng sau" alone (next month, once?) still flags.
_DAY_OF_NEXT_MONTH = re.compile(
    r"(?<![^\W\d_])(ngày\s+(\d{1,2}))\s+(?:của\s+)?tháng\s+(?:tiếp\s+theo|kế\s+tiếp|liền\s+kề)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_OTHER_PERIOD = re.compile(
    r"(?<![a-z])(?:quy|nam|tuan|(?<!dinh )ky|thu|dot|hoc\s+ky|nien|mua|am\s+lich)(?![a-z])"
)


# "trong 3 ngày, vào tháng 10", "kéo dài 2 ngày, vào quý IV": how long the work lasts, then
# the longer period it falls in; due at that period's end, the length said no more. A length of
# a month or more, or a day after "vào", is left as it was (which day does the length end?).
_LENGTH_THEN_PERIOD = re.compile(
    r"^\s*(?:trong|kéo\s+dài)\s+(?:thời\s+gian\s+)?0?([1-9]|1\d|2[0-7])\s+ngày\s*,\s*"
    r"(?=vào\s+(?:tháng|quý|năm)\s+[^,;]*$)",
    re.IGNORECASE,
)

# "từ thứ Sáu tuần trước đến thứ Năm tuần báo cáo": a week's data window, closed each week
# on its last weekday, as "thứ Năm hằng tuần".
_WEEK_DATA_WINDOW = re.compile(
    r"^\s*(?:tính\s+)?từ\s+(?:thứ\s+[^\W\d_]+|thứ\s+[2-7]|chủ\s+nhật)\s+tuần\s+trước\s+"
    r"(?:đến|tới)\s+(thứ\s+[^\W\d_]+|thứ\s+[2-7]|chủ\s+nhật)\s+(?:của\s+)?tuần\s+"
    r"(?:này|hiện\s+tại|(?:kỳ\s+)?báo\s+cáo)\s*$",
    re.IGNORECASE,
)

# "từ ngày 1 tháng 12 năm trước đến ngày 30 tháng 11 của năm báo cáo": the year before the
# plan's, and the plan's; one window due at its end.
_YEAR_BEFORE = re.compile(
    r"(?<![^\W\d_])(tháng\s+\d{1,2})\s+(?:của\s+)?năm\s+trước(?=\s+(?:đến|tới)\s)",
    re.IGNORECASE,
)
_DAY_OF_MONTH = re.compile(r"(?<![^\W\d_])(ngày\s+\d{1,2})\s+của\s+(?=tháng\s+\d)", re.IGNORECASE)
_REPORT_YEAR = re.compile(
    r"(?<![^\W\d_])(tháng\s+\d{1,2})\s+(?:của\s+)?năm\s+(?:báo\s+cáo|nay|hiện\s+tại)\s*$",
    re.IGNORECASE,
)

# "các ngày từ 8-12 của tháng 4 và tháng 9": the same days in each month named, a window each.
_DAYS_OF_TWO_MONTHS = re.compile(
    r"(?<![^\W\d_])từ\s+(?:ngày\s+)?(\d{1,2})\s*-\s*(\d{1,2})\s+(?:của\s+)?tháng\s+(\d{1,2})"
    r"\s+và\s+(?:tháng\s+)?(\d{1,2})(?![\d/])",
    re.IGNORECASE,
)


def _days_of_two_months(match: re.Match[str]) -> str:
    d1, d2, m1, m2 = match[1], match[2], match[3], match[4]
    if not (int(d1) < int(d2) <= 28 and 1 <= int(m1) < int(m2) <= 12):
        return match[0]
    return f"từ {d1}/{m1} đến {d2}/{m1} và từ {d1}/{m2} đến {d2}/{m2}"


# "ngày 26/1 (trùng 27 tháng Chạp năm Giáp Thìn)": a lunar aside in brackets opened by
# "trùng (với)" (falls on) says the same day as one opened by "tức", which the lunar reader
# takes as an aside; only where the brackets hold a lunar mark.
_FALLS_ON_LUNAR = re.compile(
    r"\(\s*trùng(?:\s+với)?\s+(?=(?:ngày\s+)?(?:m[ùồ]ng\s+)?\d{1,2}\s[^()]*\))", re.IGNORECASE
)


def _falls_on_lunar(match: re.Match[str]) -> str:
    end = match.string.find(")", match.end())
    return "(tức " if _LUNAR_MARK.search(match.string, match.end(), end) else match[0]


def second_sweep_wordings(text: str, context: str = "", year: int | None = None) -> str:
    if "trùng" in text and "(" in text:
        text = _FALLS_ON_LUNAR.sub(_falls_on_lunar, text)
    if "ngày" in text:
        text = _LENGTH_THEN_PERIOD.sub("", text)
    if "tuần" in text:
        text = _WEEK_DATA_WINDOW.sub(r"\1 hằng tuần", text)
    if year and "năm" in text and _YEAR_BEFORE.search(text) and _REPORT_YEAR.search(text):
        text = _DAY_OF_MONTH.sub(r"\1 ", text)
        text = _YEAR_BEFORE.sub(rf"\1 năm {year - 1}", text)
        text = _REPORT_YEAR.sub(rf"\1 năm {year}", text)
    if "và" in text and "tháng" in text:
        text = _DAYS_OF_TWO_MONTHS.sub(_days_of_two_months, text)
    if "năm" in text:
        text = _DAY_MONTH_THEN_YEAR.sub(r"\1/\2", text)
        match = _FROM_MONTH_THEN_YEAR.search(text)
        if match and _YEARS.findall(text[match.end() :])[-1:] == [match[2]]:
            text = text[: match.start()] + match[1] + text[match.end() :]
    if "hững" in text:
        text = _THOSE_DAYS.sub(lambda m: ("c" if m[1] == "n" else "C") + "ác", text)
    if "thiểu" in text or "ít nhất" in text.lower():
        text = _FLOOR_TIMES.sub("ít nhất", text)
        text = _ONCE_EACH_AT_LEAST.sub("", text)
    if "nhiều nhất" in text.lower():
        text = _CEILING_OF_DAYS.sub("tối đa", text)
    if "trừ" in text:
        text = _UNLESS_TOLD_OTHERWISE.sub("", text)
    if "tục" in text:
        text = _RUNNING_WINDOW.sub("", text)
    if "tháng" in text:
        match = _DAY_OF_NEXT_MONTH.search(text)
        if match and len(re.findall(r"\d+", text)) == 1:
            words = fold(text[: match.start()] + " " + text[match.end() :] + " " + context)
            if not _OTHER_PERIOD.search(words) and 1 <= int(match[2]) <= 28:
                text = text[: match.start()] + f"{match[1]} hằng tháng" + text[match.end() :]
    return text


# ----- third sweep of the tune part's misses (hsweep3): more wordings read as a kind they say
# plainly, applied to a timing cell only (``parse_timing``), after the second sweep's.

# "không vượt quá 5 ngày làm việc …": "vượt quá" (exceed) said with "không" is "không quá".
_NOT_EXCEEDING = re.compile(r"(?<![^\W\d_])(k)hông\s+vượt\s+quá(?![^\W\d_])", re.IGNORECASE)

# "10 ngày làm việc được tính kể từ ngày tiếp nhận hồ sơ", "… tính bắt đầu từ ngày nhận đơn",
# "… bắt đầu kể từ khi nhận": how a count from an event is counted, said at length; "kể từ".
# Only before an event's words (not a written day: "N ngày, bắt đầu từ ngày D" counts D as the
# first day, a convention of its own), and only where "tính" or "kể" says it is a count from.
_COUNTED_FROM = re.compile(
    r"(?<=\d)(\s+ngày(?:\s+làm\s+việc)?)\s*,?\s+"
    r"(?:(?:được\s+)?tính\s+(?:bắt\s+đầu\s+)?(?:kể\s+)?|bắt\s+đầu\s+kể\s+)từ\s+"
    r"(?=(?:ngày|khi)\s+[^\W\d_])",
    re.IGNORECASE,
)

# "8 ngày kể từ ngày nhận đủ hồ sơ (không tính ngày lễ và ngày nghỉ cuối tuần)", "(không kể
# thứ bảy, chủ nhật và ngày lễ)": calendar days less both the holidays and the weekends are
# working days. One of the two alone (holidays only) leaves the flag: which days count then?
# "…, không kể ngày lễ, ngày nghỉ theo quy định" (round fifty-two, hfirst52; nothing was read):
# the holidays and the days off ("ngày nghỉ" alone: the weekly ones) as the weekend, "theo quy
# định (của pháp luật)" after them naming the law that sets them; with or without brackets.
_LEAVE_ITEM = (
    r"(?:các\s+)?(?:ngày\s+)?(?:nghỉ\s+)?(?:lễ|tết|cuối\s+tuần|hằng\s+tuần|hàng\s+tuần)"
    r"|(?:ngày\s+)?thứ\s+(?:bảy|7)|(?:ngày\s+)?chủ\s+nhật"
    r"|(?:các\s+)?ngày\s+nghỉ(?!\s+(?:bù|phép|lễ|tết))(?![^\W\d_])"
)
_LEAVE_LEFT_OUT = re.compile(
    r"\s*[,.]?\s*(\()?\s*(?:không\s+(?:tính|kể)|trừ)\s+"
    rf"((?:{_LEAVE_ITEM})(?:\s*(?:,|và|hoặc)\s*(?:{_LEAVE_ITEM}))*)"
    r"(?:\s+theo\s+quy\s+định(?:\s+(?:của\s+pháp\s+luật|hiện\s+hành))?)?"
    r"\s*(?(1)\)|(?=[.;]?\s*$))",
    re.IGNORECASE,
)
_CALENDAR_DAYS = re.compile(
    r"(?<![\d,])(\d{1,3})\s+ngày(?!\s+làm\s+việc)(?![^\W\d_])", re.IGNORECASE
)


_WORKING_DAYS = re.compile(r"(?<![\d,])\d{1,3}\s+ngày\s+làm\s+việc", re.IGNORECASE)


def _working_days_said_long(text: str) -> str:
    match = _LEAVE_LEFT_OUT.search(text)
    if match is None:
        return text
    items = fold(match[2])
    holidays = re.search(r"(?<![a-z])(?:le|tet)(?![a-z])", items)
    weekends = re.search(r"cuoi\s+tuan|h[aă]ng\s+tuan|ngay\s+nghi(?!\s+(?:le|tet))", items) or (
        re.search(r"thu\s+(?:bay|7)", items) and "chu nhat" in items
    )
    counts = _CALENDAR_DAYS.findall(text)
    if not (holidays and weekends):
        return text
    if not counts and len(_WORKING_DAYS.findall(text)) == 1:
        # "15 ngày làm việc …, không kể ngày lễ, ngày nghỉ": working days said twice.
        return text[: match.start()] + text[match.end() :]
    if len(counts) != 1 or "làm việc" in text.lower():
        return text
    text = text[: match.start()] + text[match.end() :]
    return _CALENDAR_DAYS.sub(r"\1 ngày làm việc", text)


# "định kỳ 2 lần/năm vào tháng 6 và tháng 12": the months named are the times counted; a
# count that says as many times as months are named adds nothing. Another count, months out
# of order, or anything after the months still flags, but the year's cadence said again
# ("… vào tháng 5 và tháng 11 hằng năm", hfirst54: the count was read as its own half-yearly
# cadence beside the months, four days a year, without a flag).
_TIMES_A_YEAR_IN_MONTHS = re.compile(
    r"^\s*(?:định\s+kỳ\s+)?(\d|hai|ba|bốn)\s+lần\s*(?:/|trong|mỗi|một|trên)\s*năm\s*,?\s*"
    r"(?=(?:vào|trong)\s+(?:các\s+)?tháng\s+(\d{1,2}(?:\s*(?:,|và)\s*(?:tháng\s+)?\d{1,2})+)"
    r"(?:\s*,?\s*(?:hằng|hàng|mỗi)\s+năm)?\s*[.;]?\s*$)",
    re.IGNORECASE,
)


def _times_a_year_in_months(match: re.Match[str]) -> str:
    times = number_of(match[1])
    months = [int(m) for m in re.findall(r"\d{1,2}", match[2])]
    in_order = all(1 <= a < b <= 12 for a, b in itertools.pairwise(months))
    return "" if times == len(months) >= 2 and in_order else match[0]


# "3 đợt (tháng 7,8,9) năm 2022", "2 đợt: tháng 4 và tháng 10", "ba lần vào tháng 3, 6, 9"
# (first sight of round sixty, hfirst6061): rounds counted, then their months listed, as many
# as the rounds and in order, are a round in each month, each due at its month's end, as "đợt
# 1 tháng 7, đợt 2 tháng 8, đợt 3 tháng 9" already reads (months next to each other without
# the count are one window, the conventions' "Months listed"). Written so. Another count, a
# range of months ("tháng 7-9"), "hoặc", months out of order or anything after the months but
# the year still flag.
_ROUNDS_IN_MONTHS = re.compile(
    r"(?<![^\W_])(\d|hai|ba|bốn|năm|sáu)\s+(đợt|lần)\s*(?:(\()|:|vào|trong)?\s*(?:các\s+)?tháng\s+"
    r"(\d{1,2}(?:\s*(?:,|và)\s*(?:tháng\s+)?\d{1,2})+)(\s*/\s*\d{4})?\s*(?(3)\))"
    r"(\s*,?\s*năm\s+\d{4})?(?=\s*[.;]?\s*$)",
    re.IGNORECASE,
)


def _rounds_in_months(match: re.Match[str]) -> str:
    rounds = number_of(match[1].lower())
    months = [int(m) for m in re.findall(r"\d{1,2}", match[4])]
    in_order = all(1 <= a < b <= 12 for a, b in itertools.pairwise(months))
    if rounds != len(months) or not in_order or (match[5] and match[6]):
        return match[0]
    word = match[2].lower()
    # The year said once, after the list, is each round's: written on each month.
    year = re.search(r"\d{4}", match[5] or match[6] or "")
    suffix = f"/{year[0]}" if year else ""
    return ", ".join(f"{word} {i} tháng {m}{suffix}" for i, m in enumerate(months, start=1))


# "Từ nửa cuối tháng 7-9/2025", "từ nửa đầu tháng 3 đến tháng 5": a range opened in a half of
# its first month is due at its end, as "từ giữa tháng 7 đến tháng 9" is; the half is read as
# the month's start or middle, and the dash between two months as "đến".
_HALF_MONTH_START = re.compile(
    r"(?<![^\W\d_])(từ)\s+nửa\s+(đầu|cuối|sau)\s+tháng\s+(\d{1,2})\s*(?:(-)\s*(?:tháng\s+)?"
    r"(?=\d{1,2}(?:\s*/\s*\d{4})?(?![\d/]))|(?=(?:đến|tới)\s+(?:hết\s+)?tháng\s+\d))",
    re.IGNORECASE,
)


def _half_month_start(match: re.Match[str]) -> str:
    half = "đầu" if match[2].lower() == "đầu" else "giữa"
    joined = " đến tháng " if match[4] else " "
    return f"{match[1]} {half} tháng {match[3]}{joined}"


# "(theo giờ làm việc của Ngân hàng, trừ thứ bảy, chủ nhật)", "(trong giờ làm việc)": the
# office's hours in brackets after a reading, as "(trong giờ hành chính)" is; whose office may
# follow: "cơ quan", "đơn vị" and their words, or a name (a capitalised word and up to four
# more) that holds no word of a day, a period or an hour.
_OFFICE_HOURS_OF = re.compile(
    r"(?<=\()\s*(?:theo|trong)\s+giờ\s+làm\s+việc"
    r"(?:\s+của\s+((?:cơ\s+quan|đơn\s+vị)(?:\s+[^\W\d_]+){0,3}?"
    r"|[^\W\d_a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]"
    r"[^\W\d_]*(?:\s+[^\W\d_]+){0,4}?))?"
    r"(?=\s*[,)])"
)
_NO_NAME_WORDS = re.compile(
    r"(?<![a-z])(?:ngay|thang|nam|tuan|quy|gio|phut|sau|truoc|sang|chieu|toi|dem|le|tet|ky|dot"
    r"|mua|he|dong|xuan|thu)(?![a-z])"
)


def _office_hours_of(match: re.Match[str]) -> str:
    if match[1] and _NO_NAME_WORDS.search(fold(match[1])):
        return match[0]
    return "trong giờ hành chính"


# "từ ngày 1/4 đến 15/4 âm lịch năm Ất Tỵ, tương ứng với khoảng thời gian từ 28/4 đến
# 12/5/2025": the cycle year named after "âm lịch" says the lunar year (checked against the
# solar days as the lunar reader does), and "tương ứng (với)" opens the solar days as "tức"
# does. Only after a lunar date; elsewhere "tương ứng" still flags.
_LUNAR_THEN_CYCLE_YEAR = re.compile(
    r"(?<=\d)\s*(?:âm\s+lịch|\(\s*âm\s+lịch\s*\))\s*,?\s+(?:của\s+)?(năm\s+[^\W\d_]+\s+[^\W\d_]+)"
    r"(?=\s*[,(])",
    re.IGNORECASE,
)
_CORRESPONDING = re.compile(
    r"\s*,?\s*tương\s+ứng(?:\s+với)?(?:\s+(?:khoảng\s+)?thời\s+gian|\s+ngày)?\s+(?=(?:từ\s+)?\d)",
    re.IGNORECASE,
)


# "Quý I, cụ thể từ 1/1 đến 31/3", "Chủ nhật (cụ thể là ngày 15/3)" (hprobe26): "cụ thể (là)"
# between a timing and its restatement says what "tức (là)" says, and is read so (the day or the
# window after it binds when the two agree, and the checks of "tức" flag them when they do not).
# Only after a comma, a colon, a dash or an opening bracket, and before a timing's first word.
_SPECIFICALLY = re.compile(
    r"(?:(?<=[,:\-–]\s)|(?<=\())cụ\s+thể(\s+là)?(?=\s+(?:\d|ngày|từ|tháng|năm|mùng|mồng|rằm"
    r"|thứ|chủ\s+nhật|trước|đến|vào|hết|trong|tuần|quý))",
    re.IGNORECASE,
)


def third_sweep_wordings(text: str) -> str:
    lowered = text.lower()
    if "cụ thể" in lowered:
        text = _SPECIFICALLY.sub(lambda m: "tức" + (m[1] or ""), text)
    if "vượt quá" in lowered:
        text = _NOT_EXCEEDING.sub(r"\1hông quá", text)
    if "từ" in lowered and "ngày" in lowered:
        text = _COUNTED_FROM.sub(r"\1 kể từ ", text)
    if "ngày" in lowered and ("lễ" in lowered or "tết" in lowered):
        text = _working_days_said_long(text)
    if "lần" in lowered and "tháng" in lowered:
        text = _TIMES_A_YEAR_IN_MONTHS.sub(_times_a_year_in_months, text)
    if ("đợt" in lowered or "lần" in lowered) and "tháng" in lowered:
        text = _ROUNDS_IN_MONTHS.sub(_rounds_in_months, text)
    if "nửa" in lowered:
        text = _HALF_MONTH_START.sub(_half_month_start, text)
    if "giờ làm việc" in lowered and "(" in text:
        text = _OFFICE_HOURS_OF.sub(_office_hours_of, text)
    if "tương ứng" in lowered and "âm lịch" in lowered:
        text = _lunar_then_solar(text)
    return text


def _lunar_then_solar(text: str) -> str:
    aside = _CORRESPONDING.search(text)
    if aside is None or "âm lịch" not in text[: aside.start()].lower():
        return text
    match = _LUNAR_THEN_CYCLE_YEAR.search(text, 0, aside.start() + 1)
    if match and fold(match[1]).split()[1] in _CYCLE_STEMS:
        text = text[: match.start()] + " " + match[1] + text[match.end() :]
    return _CORRESPONDING.sub(", tức ", text, count=1)


_CYCLE_STEMS = frozenset(fold(s) for s in STEMS)  # folded (tracker/schedule/lunar.py)
