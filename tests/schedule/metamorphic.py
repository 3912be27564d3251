"""Meaning-preserving rewrites of a timing phrase (the metamorphic test, hmeta).

Each rewrite is a small function from a phrase to another surface form of the same timing, or
``None`` when it cannot apply safely: officers write the same deadline as "15/6" or "15-6" or
"15 tháng 6", "quý II" or "quý 2", "hằng tháng" or "mỗi tháng", "7h30" or "7 giờ 30", with or
without "ngày" before a date, a dash before the cell, a full stop after it. The reader must give
a rewritten phrase the reading it gives the original (or at least a flag).

A rewrite is written so it cannot change the meaning: it touches only a form it recognises whole
(a date with a valid day and month, a quarter number after "quý", a weekday after a word that
names days), and gives up on anything unclear. It never types a phrase: the test derives the
rewritten phrases at run time from the corpus's tune part (tests/plans/corpus/README.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

Rewrite = Callable[[str], str | None]

_B = r"(?<![\w/.\-:])"  # no word, date or time character before
_E = r"(?![\w/\-:]|\.\d)"  # none after (a full stop ending the sentence is allowed)

# A day and a month, with an optional year, written with one separator throughout.
_DATE = {
    sep: re.compile(
        _B + rf"(\d{{1,2}}){re.escape(sep)}(\d{{1,2}})(?:{re.escape(sep)}(\d{{4}}))?" + _E
    )
    for sep in "/-."
}


def _valid(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _dates(phrase: str, sep: str) -> list[re.Match[str]]:
    return list(_DATE[sep].finditer(phrase))


def _only_slash_dates(phrase: str) -> list[re.Match[str]] | None:
    """The dd/mm(/yyyy) dates of the phrase, when every one is a valid day and no other
    separator could make a rewritten one ambiguous (a "-" or "." already in the phrase near
    digits, a range of days "10-15/6", a fraction "1/2 số")."""
    found = _dates(phrase, "/")
    if not found or not all(_valid(m.group(1), m.group(2)) for m in found):
        return None
    if re.search(r"\d\s*[-–.]\s*\d|\d[-–]|[-–]\d", phrase):
        return None
    # every slash between digits must belong to one of the dates found
    slashes = len(re.findall(r"\d/\d", phrase))
    if slashes != sum(m.group(0).count("/") for m in found):
        return None
    return found


def _replace(phrase: str, found: list[re.Match[str]], make: Callable[[re.Match[str]], str]) -> str:
    out, last = [], 0
    for m in found:
        out.append(phrase[last : m.start()])
        out.append(make(m))
        last = m.end()
    out.append(phrase[last:])
    return "".join(out)


def _date_sep(sep: str) -> Rewrite:
    def rewrite(phrase: str) -> str | None:
        found = _only_slash_dates(phrase)
        if found is None:
            return None
        return _replace(phrase, found, lambda m: sep.join(g for g in m.groups() if g))

    rewrite.__name__ = "date_sep_" + {"-": "dash", ".": "dot"}[sep]
    return rewrite


def date_words(phrase: str) -> str | None:
    """ "15/6" → "15 tháng 6", "15/6/2026" → "15 tháng 6 năm 2026"."""
    found = _only_slash_dates(phrase)
    # "mùng 5 tháng 2" reads as a lunar day where "mùng 5/2" need not: left alone
    if found is None or re.search(r"(?<!\w)(?:mùng|mồng|âm|AL|ÂL)(?!\w)", phrase, re.I):
        return None

    def make(m: re.Match[str]) -> str:
        day, month, year = m.groups()
        text = f"{int(day)} tháng {int(month)}"
        return text + (f" năm {year}" if year else "")

    return _replace(phrase, found, make)


def zero_pad(phrase: str) -> str | None:
    """ "5/6" → "05/06" (or, when all are padded already, "05/06" → "5/6")."""
    found = _only_slash_dates(phrase)
    if found is None:
        return None
    padded = all(len(m.group(1)) == 2 and len(m.group(2)) == 2 for m in found)

    def make(m: re.Match[str]) -> str:
        day, month, year = m.groups()
        parts = (
            [str(int(day)), str(int(month))] if padded else [f"{int(day):02d}", f"{int(month):02d}"]
        )
        return "/".join(parts + ([year] if year else []))

    new = _replace(phrase, found, make)
    return new if new != phrase else None


_BEFORE_DATE = r"(trước|đến|tới|từ|hết|vào|sau|nhất|hạn)"


def insert_ngay(phrase: str) -> str | None:
    """ "trước 15/6" → "trước ngày 15/6" (after a word that takes a day)."""
    if _only_slash_dates(phrase) is None:
        return None
    pattern = re.compile(rf"(?<!\w){_BEFORE_DATE} (?=\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?{_E})", re.I)
    new = pattern.sub(lambda m: f"{m.group(1)} ngày ", phrase)
    return new if new != phrase else None


def drop_ngay(phrase: str) -> str | None:
    """ "trước ngày 15/6" → "trước 15/6" (after a word that takes a day)."""
    if _only_slash_dates(phrase) is None:
        return None
    pattern = re.compile(
        rf"(?<!\w){_BEFORE_DATE} ngày (?=\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?{_E})", re.I
    )
    new = pattern.sub(lambda m: f"{m.group(1)} ", phrase)
    return new if new != phrase else None


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def quarter_arabic(phrase: str) -> str | None:
    """ "quý II" → "quý 2"; "quý 2" → "quý II"."""
    roman = re.compile(r"(?<!\w)(quý) (IV|III|II|I)(?![\w])", re.I)
    if roman.search(phrase):
        if re.search(r"(?<!\w)quý \d", phrase, re.I):
            return None
        return roman.sub(lambda m: f"{m.group(1)} {_ROMAN[m.group(2).upper()]}", phrase)
    arabic = re.compile(r"(?<!\w)(quý) ([1-4])(?![\d,.]?\d|\s*(?:lần|ngày|tháng|tuần|năm))", re.I)
    back = {v: k for k, v in _ROMAN.items()}
    new = arabic.sub(lambda m: f"{m.group(1)} {back[int(m.group(2))]}", phrase)
    return new if new != phrase else None


def month_zero(phrase: str) -> str | None:
    """ "tháng 01" → "tháng 1" and "tháng 1" → "tháng 01" (month numbers after "tháng")."""
    padded = re.compile(r"(?<!\w)(tháng) 0([1-9])(?!\d)", re.I)
    if padded.search(phrase):
        return padded.sub(r"\1 \2", phrase)
    bare = re.compile(r"(?<!\w)(tháng) ([1-9])(?=/\d{4}(?!\d)|\s*(?:năm \d{4}|,|\.|$|\)))", re.I)
    new = bare.sub(r"\1 0\2", phrase)
    return new if new != phrase else None


_HOUR = re.compile(r"(?<![\w:/.])(\d{1,2})h(\d{2})?(?![\w'\u2019\u2032])")
_HOUR_WORDS = re.compile(r"(?<![\w:/.])(\d{1,2}) giờ(?: (\d{2})(?: phút)?)?(?![\w:])")
_HOUR_COLON = re.compile(r"(?<![\w:/.])(\d{1,2}):(\d{2})(?![\w:])")


def _hours(phrase: str) -> list[re.Match[str]] | None:
    found = list(_HOUR.finditer(phrase))
    if not found or not all(int(m.group(1)) <= 24 for m in found):
        return None
    if _HOUR_WORDS.search(phrase) or _HOUR_COLON.search(phrase):
        return None
    return found


def hour_words(phrase: str) -> str | None:
    """ "7h30" → "7 giờ 30", "7h" → "7 giờ"."""
    found = _hours(phrase)
    if found is None:
        return None
    return _replace(
        phrase, found, lambda m: f"{m.group(1)} giờ" + (f" {m.group(2)}" if m.group(2) else "")
    )


def hour_colon(phrase: str) -> str | None:
    """ "7h30" → "07:30", "7h" → "07:00"."""
    found = _hours(phrase)
    if found is None:
        return None
    return _replace(phrase, found, lambda m: f"{int(m.group(1)):02d}:{m.group(2) or '00'}")


def hour_prime(phrase: str) -> str | None:
    """ "7h30" → "7h30'" (the minutes' prime)."""
    found = _hours(phrase)
    if found is None or not all(m.group(2) for m in found):
        return None
    return _replace(phrase, found, lambda m: m.group(0) + "'")


def hour_from_words(phrase: str) -> str | None:
    """ "7 giờ 30 (phút)" → "7h30", "7:30" → "7h30"."""
    if _HOUR.search(phrase):
        return None
    new = _HOUR_WORDS.sub(lambda m: f"{m.group(1)}h{m.group(2) or ''}", phrase)
    new = _HOUR_COLON.sub(lambda m: f"{int(m.group(1))}h{m.group(2)}", new)
    return new if new != phrase else None


_WEEKDAY_NAMES = {"Hai": "2", "Ba": "3", "Tư": "4", "Năm": "5", "Sáu": "6", "Bảy": "7"}
_DAY_TAKERS = r"(?:vào|các|mỗi|hằng|hàng|sáng|chiều|tối|trưa|từ|đến|tới|và|hoặc|ngày|,|;|-)"


def weekday_digits(phrase: str) -> str | None:
    """ "thứ Hai" → "thứ 2" (capitalised day names only: "ngày thứ hai mươi" is an ordinal)."""
    pattern = re.compile(r"(?<!\w)([Tt]hứ) (Hai|Ba|Tư|Năm|Sáu|Bảy)(?!\w)(?! mươi)")
    new = pattern.sub(lambda m: f"{m.group(1)} {_WEEKDAY_NAMES[m.group(2)]}", phrase)
    return new if new != phrase else None


def weekday_names(phrase: str) -> str | None:
    """ "thứ 2" → "thứ Hai", after a word that names days ("vào thứ 2", "từ thứ 2")."""
    back = {v: k for k, v in _WEEKDAY_NAMES.items()}
    pattern = re.compile(rf"((?:^|(?<!\w){_DAY_TAKERS})\s*[Tt]hứ) ([2-7])(?![\w/.\-:])")
    if re.search(r"(?<!\w)(?:lần|tuần|đợt|kỳ|phiên|lượt|quý|tháng|năm) thứ \d", phrase, re.I):
        return None
    new = pattern.sub(lambda m: f"{m.group(1)} {back[m.group(2)]}", phrase)
    return new if new != phrase else None


def cadence_word(target: str) -> Rewrite:
    """ "hằng" / "hàng" / "mỗi" before ngày, tuần, tháng, quý, năm, each into ``target``."""
    pattern = re.compile(r"(?<!\w)(hằng|hàng|mỗi)(?= (?:ngày|tuần|tháng|quý|năm)(?! \d))", re.I)

    def rewrite(phrase: str) -> str | None:
        def make(m: re.Match[str]) -> str:
            word = m.group(1)
            return target.capitalize() if word[0].isupper() else target

        new = pattern.sub(make, phrase)
        return new if new != phrase else None

    rewrite.__name__ = f"cadence_{target}"
    return rewrite


_LATEST = re.compile(r"(?<!\w)(chậm nhất|muộn nhất|trễ nhất)(?!\w)", re.I)


def latest_word(target: str) -> Rewrite:
    """ "chậm nhất" / "muộn nhất" / "trễ nhất" into ``target`` ("không muộn hơn" only before a
    day: "không muộn hơn ngày 15/6")."""

    def rewrite(phrase: str) -> str | None:
        if target == "không muộn hơn":
            pattern = re.compile(_LATEST.pattern + r"(?: là)? (?=ngày \d|\d)", re.I)
        else:
            pattern = _LATEST
        new = pattern.sub(
            lambda m: (
                (target.capitalize() if m.group(1)[0].isupper() else target)
                + (" " if target == "không muộn hơn" else "")
            ),
            phrase,
        )
        return new if new != phrase else None

    rewrite.__name__ = "latest_" + target.replace(" ", "_")
    return rewrite


def first_letter_case(phrase: str) -> str | None:
    if not phrase or not phrase[0].isalpha():
        return None
    first = phrase[0].lower() if phrase[0].isupper() else phrase[0].upper()
    return first + phrase[1:]


def full_stop(phrase: str) -> str | None:
    if phrase.rstrip().endswith((".", ";", ":", ",", "!", "?")):
        return None
    return phrase.rstrip() + "."


def dash_bullet(phrase: str) -> str | None:
    return None if phrase.lstrip().startswith(("-", "+", "•")) else "- " + phrase


def plus_bullet(phrase: str) -> str | None:
    return None if phrase.lstrip().startswith(("-", "+", "•")) else "+ " + phrase


def time_label(phrase: str) -> str | None:
    return None if phrase.lower().startswith("thời gian") else "Thời gian: " + phrase


def time_done_label(phrase: str) -> str | None:
    return None if phrase.lower().startswith("thời gian") else "Thời gian thực hiện: " + phrase


def line_break(phrase: str) -> str | None:
    """The cell split over two lines at its first comma."""
    return phrase.replace(", ", ",\n", 1) if ", " in phrase else None


def nbsp(phrase: str) -> str | None:
    """Spaces copied from a web page as no-break spaces."""
    return phrase.replace(" ", "\u00a0") if " " in phrase else None


def double_spaces(phrase: str) -> str | None:
    return phrase.replace(" ", "  ") if " " in phrase else None


def decomposed(phrase: str) -> str | None:
    """Unicode as some PDFs give it: the marks as combining characters (NFD)."""
    new = unicodedata.normalize("NFD", phrase)
    return new if new != phrase else None


_OLD_TONES = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}  # fmt: skip


def tone_placement(phrase: str) -> str | None:
    """The tone mark on the other vowel of "oa", "oe", "uy" ("hòa" / "hoà", "thủy" / "thuỷ")
    at the end of a syllable, as either style of writing puts it."""
    both = {**_OLD_TONES, **{v: k for k, v in _OLD_TONES.items()}}
    pattern = re.compile("(" + "|".join(both) + r")(?!\w)")
    # "quý" / "qúy" is not a placement variant people use: keep "qu" out
    new = pattern.sub(
        lambda m: (
            m.group(1)
            if phrase[max(m.start() - 1, 0) : m.start()].lower() == "q"
            else both[m.group(1)]
        ),
        phrase,
    )
    return new if new != phrase else None


def _range_word(target: str) -> Rewrite:
    """ "đến" / "tới" / "-" between two dates of a range, into ``target``."""
    pattern = re.compile(
        r"(\d{1,2}/\d{1,2}(?:/\d{4})?) (đến|tới|-|–) (ngày )?(?=\d{1,2}/\d{1,2}(?![\d]))"
    )

    def rewrite(phrase: str) -> str | None:
        found = _dates(phrase, "/")
        if not found or not all(_valid(m.group(1), m.group(2)) for m in found):
            return None
        if target == "-":
            new = pattern.sub(lambda m: f"{m.group(1)} - " + (m.group(3) or ""), phrase)
        else:
            new = pattern.sub(lambda m: f"{m.group(1)} {target} " + (m.group(3) or ""), phrase)
        return new if new != phrase else None

    rewrite.__name__ = "range_" + {"đến": "den", "tới": "toi", "-": "dash"}[target]
    return rewrite


def since_word(phrase: str) -> str | None:
    """ "kể từ ngày" ↔ "tính từ ngày"."""
    if re.search(r"(?<!\w)kể từ ngày(?!\w)", phrase, re.I):
        return re.sub(
            r"(?<!\w)([Kk])ể từ ngày",
            lambda m: ("T" if m.group(1) == "K" else "t") + "ính từ ngày",
            phrase,
        )
    if re.search(r"(?<!\w)tính từ ngày(?!\w)", phrase, re.I):
        return re.sub(
            r"(?<!\w)([Tt])ính từ ngày",
            lambda m: ("K" if m.group(1) == "T" else "k") + "ể từ ngày",
            phrase,
        )
    return None


# Only before a count of days, weeks or hours (not "trong 6 tháng đầu năm", a period), and not
# after a count it bounds ("01 ngày trong 01 tuần", once a week).
_WITHIN = re.compile(
    r"(?<!\d ngày )(?<!\d lần )(?<!\d buổi )(?<!\w)([Tt])rong (vòng |thời hạn |thời gian )?"
    r"(?=\d+ (?:ngày|tuần|giờ)(?!\w))"
)


def within_word(target: str) -> Rewrite:
    """ "trong vòng N ngày" / "trong thời hạn N ngày" / "trong N ngày", into ``target``."""

    def rewrite(phrase: str) -> str | None:
        new = _WITHIN.sub(lambda m: f"{m.group(1)}rong {target}", phrase)
        return new if new != phrase else None

    rewrite.__name__ = "within_" + (target.strip().replace(" ", "_") or "bare")
    return rewrite


def latest_la(phrase: str) -> str | None:
    """ "chậm nhất là ngày" ↔ "chậm nhất ngày"."""
    with_la = re.compile(r"(?<!\w)((?:chậm|muộn|trễ) nhất) là (?=(?:ngày|vào ngày)? ?\d)", re.I)
    if with_la.search(phrase):
        return with_la.sub(r"\1 ", phrase)
    bare = re.compile(r"(?<!\w)((?:chậm|muộn|trễ) nhất) (?=ngày \d)", re.I)
    new = bare.sub(r"\1 là ", phrase)
    return new if new != phrase else None


def count_zero(phrase: str) -> str | None:
    """A count of days padded or not: "05 ngày" ↔ "5 ngày"."""
    padded = re.compile(r"(?<![\w/.\-:])0([1-9]) (?=ngày|tuần|tháng)(?!\w*/)")
    if padded.search(phrase):
        return padded.sub(r"\1 ", phrase)
    bare = re.compile(r"(?<![\w/.\-:,])([1-9]) (?=ngày (?:làm việc|kể|tính|sau|trước|,|$))")
    new = bare.sub(r"0\1 ", phrase)
    return new if new != phrase else None


def deadline_word(phrase: str) -> str | None:
    """ "hạn chót" ↔ "hạn cuối" (the last day allowed)."""
    if re.search(r"(?<!\w)hạn chót(?!\w)", phrase, re.I):
        return re.sub(r"(?<!\w)([Hh])ạn chót(?!\w)", r"\1ạn cuối", phrase)
    new = re.sub(r"(?<!\w)([Hh])ạn cuối(?! cùng)(?!\w)", r"\1ạn chót", phrase)
    return new if new != phrase else None


def month_year_words(phrase: str) -> str | None:
    """ "tháng 6/2026" → "tháng 6 năm 2026"."""
    pattern = re.compile(r"(?<!\w)(tháng) (\d{1,2})/(\d{4})(?![\d/.\-])", re.I)
    found = list(pattern.finditer(phrase))
    if not found or not all(1 <= int(m.group(2)) <= 12 for m in found):
        return None
    return pattern.sub(r"\1 \2 năm \3", phrase)


_COUNT_WORDS = {
    2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười",
}  # fmt: skip


def count_words(phrase: str) -> str | None:
    """A count of two to ten days written in words: "05 ngày làm việc" → "năm ngày làm
    việc" (only before "ngày" followed by what a count takes: "làm việc", "kể từ", "trước",
    "sau", a comma)."""
    pattern = re.compile(
        r"(?<![\w/.\-:,])0?([2-9]|10) (?=ngày (?:làm việc|kể từ|tính từ|trước|sau)(?!\w)|ngày,)"
    )
    new = pattern.sub(lambda m: _COUNT_WORDS[int(m.group(1))] + " ", phrase)
    return new if new != phrase else None


def day_zero(phrase: str) -> str | None:
    """A day of the month after "ngày" alone ("ngày 5 hằng tháng") padded or not."""
    padded = re.compile(r"(?<!\w)(ngày) 0([1-9])(?![\d/.\-:])(?! (?:ngày|tháng|tuần|năm)(?!\w))")
    if padded.search(phrase):
        return padded.sub(r"\1 \2", phrase)
    bare = re.compile(r"(?<!\w)(ngày) ([1-9])(?![\d/.\-:])(?= (?:hằng|hàng|mỗi|của|cuối|đầu) )")
    new = bare.sub(r"\1 0\2", phrase)
    return new if new != phrase else None


def all_capitals(phrase: str) -> str | None:
    """The cell in capitals, as a heading is written."""
    new = phrase.upper()
    return new if new != phrase else None


def lunar_short(phrase: str) -> str | None:
    """ "âm lịch" → "ÂL"."""
    new = re.sub(r"(?<!\w)[Ââ]m lịch(?!\w)", "ÂL", phrase)
    return new if new != phrase else None


def date_spaced(phrase: str) -> str | None:
    """ "15/6/2026" → "15 / 6 / 2026", as some PDF copies give it."""
    found = _only_slash_dates(phrase)
    if found is None:
        return None
    return _replace(phrase, found, lambda m: " / ".join(g for g in m.groups() if g))


def dot_bullet(phrase: str) -> str | None:
    return None if phrase.lstrip().startswith(("-", "+", "•")) else "• " + phrase


def sunday_case(phrase: str) -> str | None:
    """ "Chủ nhật" ↔ "chủ nhật" ↔ "Chủ Nhật"."""
    if "Chủ nhật" in phrase:
        return phrase.replace("Chủ nhật", "Chủ Nhật")
    if "chủ nhật" in phrase:
        return phrase.replace("chủ nhật", "Chủ nhật")
    if "Chủ Nhật" in phrase:
        return phrase.replace("Chủ Nhật", "chủ nhật")
    return None


REWRITES: dict[str, Rewrite] = {
    f.__name__: f
    for f in [
        cadence_word("hằng"),
        cadence_word("hàng"),
        cadence_word("mỗi"),
        latest_word("chậm nhất"),
        latest_word("muộn nhất"),
        latest_word("trễ nhất"),
        latest_word("không muộn hơn"),
        latest_la,
        _date_sep("-"),
        _date_sep("."),
        date_words,
        zero_pad,
        insert_ngay,
        drop_ngay,
        quarter_arabic,
        month_zero,
        hour_words,
        hour_colon,
        hour_prime,
        hour_from_words,
        weekday_digits,
        weekday_names,
        first_letter_case,
        full_stop,
        dash_bullet,
        plus_bullet,
        time_label,
        time_done_label,
        line_break,
        nbsp,
        double_spaces,
        decomposed,
        tone_placement,
        _range_word("đến"),
        _range_word("tới"),
        _range_word("-"),
        since_word,
        within_word("vòng "),
        within_word("thời hạn "),
        within_word(""),
        count_zero,
        deadline_word,
        month_year_words,
        count_words,
        day_zero,
        all_capitals,
        lunar_short,
        date_spaced,
        dot_bullet,
        sunday_case,
    ]
}
