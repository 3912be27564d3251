"""Value-shifting rewrites of a timing record (the second metamorphic test, hmeta2).

hmeta's rewrites (``metamorphic.py``) change how a phrase is written and keep its label. These
change what it says, in ways whose new label is computed exactly from the old one, so the reader
meets values it was never tuned on:

- **year shift**: the record's year Y becomes Y+k, with every four-digit year of the phrase
  that is Y-1, Y or Y+1, and every year of the label's dates;
- **day shift**: every dd/mm date of the phrase one day later (or earlier), staying in its
  month, and the label's dates (each one written in the phrase) the same;
- **month shift**: every dd/mm date of the phrase moved by the same number of months, where
  the label is a plain list of those dates;
- **count shift**: N in "N ngày (làm việc)" of a count from an event one more (or less), and
  the label's N the same.

Each takes a record (``phrase``, ``year``, ``expect``) and returns a new one, or ``None`` when
it cannot apply surely: it refuses whatever might pin a value the shift would move (a named
weekday pins a year and a day, a lunar word, a holiday, a count of days over a range, a date
of the label not written in the phrase, a year range, a leap day). No phrase is typed here: the
test derives the shifted records at run time from the corpus's tune part.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

Record = dict[str, Any]
Shift = Callable[[Record], Record | None]

_DATE_TOKEN = re.compile(r"(\d{4})-(\d{2})-(\d{2})(@\d{2}:\d{2})?")

# Words that pin a value a shift moves, or read a calendar other than the solar one.
_WEEKDAY = re.compile(r"(?<!\w)(?:thứ|chủ nhật|CN|T[2-7])(?!\w)", re.I)
_LUNAR = re.compile(
    r"(?<!\w)(?:âm lịch|âm|AL|ÂL|tết|rằm|mùng|mồng|nguyên đán|giêng|chạp|giáp|ất|bính|đinh|mậu|kỷ|canh|"
    r"tân|nhâm|quý mão|quý tỵ|quý hợi|quý sửu|quý mùi|quý dậu|thìn|tỵ|ngọ|mùi|thân|dậu|tuất|hợi|"
    r"tý|sửu|dần|mão)(?!\w)",
    re.I,
)
_HOLIDAY = re.compile(
    r"(?<!\w)(?:lễ|kỷ niệm|quốc khánh|giải phóng|chiến thắng|thành lập|ngày sinh|nghỉ|"
    r"giáng sinh|noel|phục sinh)(?!\w)",
    re.I,
)
_YEAR_RANGE = re.compile(
    r"\d{4}\s*[-–—/]\s*\d{4}|(?<!\w)(?:năm học|niên khóa|niên khoá|giai đoạn|nhiệm kỳ|"
    r"học kỳ|khóa học|khoá học)(?!\w)",
    re.I,
)
_SHORT_YEAR = re.compile(r"(?<!\d)\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}(?!\d)")


def _key(*parts: object) -> int:
    return int(hashlib.sha1(" ".join(map(str, parts)).encode()).hexdigest(), 16)


def _dated(expect: dict[str, Any]) -> list[re.Match[str]]:
    return [m for t in expect.get("reading", []) if (m := _DATE_TOKEN.fullmatch(t))]


def _with(record: Record, phrase: str, reading: list[str] | None, **extra: Any) -> Record:
    expect = dict(record["expect"])
    if reading is not None:
        expect["reading"] = sorted(set(reading))
    return {**record, **extra, "phrase": phrase, "expect": expect}


# ----- year shift


def _leap_trouble(record: Record, year: int) -> bool:
    """Shifting across a leap year moves "the last day of February" and a 29 February: refused
    when either could be in play."""
    k = year - record["year"]
    near = range(record["year"] - 1, record["year"] + 2)
    if any(calendar.isleap(y) != calendar.isleap(y + k) for y in near) and re.search(
        r"(?<!\d)(?:28|29)(?!\d)", record["phrase"]
    ):
        return True
    return any(
        m.group(2) == "02"
        and m.group(3) in ("28", "29")
        and calendar.isleap(int(m.group(1))) != calendar.isleap(int(m.group(1)) + k)
        for m in _dated(record["expect"])
    )


def year_shift(k: int) -> Shift:
    def shift(record: Record) -> Record | None:
        phrase, y, expect = record["phrase"], record["year"], record["expect"]
        new_year = y + k
        if _WEEKDAY.search(phrase) or _LUNAR.search(phrase) or _HOLIDAY.search(phrase):
            return None
        if _YEAR_RANGE.search(phrase) or _SHORT_YEAR.search(phrase):
            return None
        if any(t.startswith("hol:") for t in expect.get("reading", [])):
            return None
        dated = _dated(expect)
        # the label's dates depend on the weekdays (working days, weeks) or are too many to be
        # fixed days (a daily cadence may skip weekends)
        if dated and re.search(r"(?<!\w)(?:tuần|làm việc|cuối tuần)(?!\w)", phrase, re.I):
            return None
        # a count of days to a date crosses a February of one length or the other
        if dated and re.search(r"\d+\s*(?:ngày|tuần|tháng)(?!\w)", phrase, re.I):
            return None
        if len(dated) > 24 or _leap_trouble(record, new_year):
            return None
        years = [int(m.group(0)) for m in re.finditer(r"(?<!\d)(?:19|20)\d{2}(?!\d)", phrase)]
        if any(abs(v - y) > 1 for v in years):
            return None
        new_phrase = re.sub(
            r"(?<!\d)(?:19|20)\d{2}(?!\d)", lambda m: str(int(m.group(0)) + k), phrase
        )
        reading = None
        if not expect["review"]:
            reading = [
                f"{int(m.group(1)) + k}-{m.group(2)}-{m.group(3)}{m.group(4) or ''}"
                if (m := _DATE_TOKEN.fullmatch(t))
                else t
                for t in expect["reading"]
            ]
        return _with(record, new_phrase, reading, year=new_year)

    shift.__name__ = f"year_{k:+d}"
    return shift


def weekly_year_shift(k: int) -> Shift:
    """The year shift of a weekly reading, which the year shift refuses for its weekday: where
    the label is every day of Y on some weekdays (one time of day or none), the shifted label is
    every day of Y+k on those weekdays; where it has no dates (``cont``, ``rel:``, ``ond:``) it
    stays. Only with no figure but hours in the phrase, no lunar or holiday word."""

    def shift(record: Record) -> Record | None:
        phrase, y, expect = record["phrase"], record["year"], record["expect"]
        if expect["review"] or not _WEEKDAY.search(phrase):
            return None
        if _LUNAR.search(phrase) or _HOLIDAY.search(phrase):
            return None
        named = re.sub(
            r"(?<!\w)(?:thứ\s*|T)[2-7](?:\s*[-–,]\s*[2-7])*(?!\w)", " ", phrase, flags=re.I
        )
        if re.search(r"\d", _HOURS.sub(" ", named)) or any(
            t.startswith("hol:") for t in expect["reading"]
        ):
            return None
        dated = _dated(expect)
        if not dated:
            return _with(record, phrase, list(expect["reading"]), year=y + k)
        if len(dated) != len(expect["reading"]) or len({m.group(4) for m in dated}) != 1:
            return None
        days = {date(int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in dated}
        weekdays = {d.weekday() for d in days}
        if days != set(_days_on(y, weekdays)):
            return None
        moment = dated[0].group(4) or ""
        reading = [d.isoformat() + moment for d in _days_on(y + k, weekdays)]
        return _with(record, phrase, reading, year=y + k)

    shift.__name__ = f"weekly_year_{k:+d}"
    return shift


def _days_on(year: int, weekdays: set[int]) -> list[date]:
    first = date(year, 1, 1)
    every = (first + timedelta(days=n) for n in range(366))
    return [d for d in every if d.year == year and d.weekday() in weekdays]


# ----- dates of the phrase (day and month shifts)

_DMY = re.compile(
    r"(?<![\w/.\-:])(\d{1,2})([/\-])(\d{1,2})(?:\2(\d{4}))?(?![\w/\-:]|\.\d)"
    r"|(?<![\w/.\-:])(\d{1,2})(\.)(\d{1,2})\.(\d{4})(?![\w/\-:]|\.\d)"
    r"|(?<![\w/.\-:])(\d{1,2})( tháng )(\d{1,2})(?: năm (\d{4}))?(?![\w/.\-:])",
    re.I,
)
_HOURS = re.compile(
    r"(?<![\w:/.])\d{1,2}(?:h\d{0,2}'?|:\d{2}| giờ(?: \d{1,2}(?: phút)?)?)(?![\w:])", re.I
)


def _figure(value: int, was: str) -> str:
    """``value`` written as ``was`` was: "05" → "06", "10" → "9" (padded only if it was)."""
    return f"{value:0{len(was)}d}" if was.startswith("0") else str(value)


class _Date:
    """A date written in the phrase: "15/6", "15-6-2026", "15.6.2026", "15 tháng 6 năm 2026"."""

    def __init__(self, m: re.Match[str], year: int) -> None:
        groups = next(g for g in (m.groups()[0:4], m.groups()[4:8], m.groups()[8:12]) if g[0])
        self.start, self.end = m.start(), m.end()
        self.day_text, self.sep, self.month_text, self.year_text = groups
        self.day, self.month = int(self.day_text), int(self.month_text)
        self.year = int(self.year_text) if self.year_text else year

    def written(self, month: int, day: int) -> str:
        day_text, month_text = _figure(day, self.day_text), _figure(month, self.month_text)
        if self.sep == " tháng ":
            return f"{day_text} tháng {month_text}" + (
                f" năm {self.year_text}" if self.year_text else ""
            )
        return self.sep.join([day_text, month_text] + ([self.year_text] if self.year_text else []))


def _phrase_dates(phrase: str, year: int) -> tuple[list[_Date], str] | None:
    """The dates of the phrase, and the phrase without them, when they are the only figures
    that could be days: no other number but hours, no range of days ("10-15/6"), each a real
    day."""
    found = [_Date(m, year) for m in _DMY.finditer(phrase)]
    if not found:
        return None
    rest = _DMY.sub(" ", phrase)
    if re.search(r"\d", _HOURS.sub(" ", rest)):
        return None
    for d in found:
        if not 1 <= d.month <= 12 or not 1 <= d.day <= calendar.monthrange(d.year, d.month)[1]:
            return None
    return found, rest


def _common_refusals(record: Record) -> bool:
    phrase, expect = record["phrase"], record["expect"]
    return bool(
        expect["review"]
        or _WEEKDAY.search(phrase)
        or _LUNAR.search(phrase)
        or _HOLIDAY.search(phrase)
        or re.search(
            r"(?<!\w)(?:đêm|rạng sáng|khuya|tuần|làm việc|cuối|đầu|giữa|trung|thượng|hạ)(?!\w)",
            phrase,
            re.I,
        )
        or any(t.startswith(("hol:", "rel:", "ond:")) for t in expect["reading"])
    )


def _written(record: Record, dates: list[_Date]) -> bool:
    """Every token of the label is a date written in the phrase (its year included), or
    ``cont``."""
    written = {(d.year, d.month, d.day) for d in dates}
    dated = _dated(record["expect"])
    return len(dated) == len([t for t in record["expect"]["reading"] if t != "cont"]) and all(
        (int(m.group(1)), int(m.group(2)), int(m.group(3))) in written for m in dated
    )


def _move(
    record: Record, dates: list[_Date], move: Callable[[int, int, int], tuple[int, int]]
) -> Record:
    """The phrase's dates and the label's, each (year, month, day) → (month, day) by ``move``,
    written as the phrase wrote them."""
    phrase, out, last = record["phrase"], [], 0
    for d in dates:
        out += [phrase[last : d.start], d.written(*move(d.year, d.month, d.day))]
        last = d.end
    out.append(phrase[last:])
    reading = []
    for t in record["expect"]["reading"]:
        if mt := _DATE_TOKEN.fullmatch(t):
            y, mo, day = int(mt.group(1)), int(mt.group(2)), int(mt.group(3))
            new_mo, new_d = move(y, mo, day)
            t = f"{y}-{new_mo:02d}-{new_d:02d}{mt.group(4) or ''}"
        reading.append(t)
    return _with(record, "".join(out), reading)


def _other_days(rest: str) -> bool:
    """ "ngày" left in the phrase once its dates are taken out (not just before one): a count
    ("trong 3 ngày") or a day named otherwise ("ngày cuối", "hôm sau") no shift can follow."""
    rest = re.sub(r"(?<!\w)ngày\s*$|(?<!\w)ngày (?=\s)", " ", rest)
    return bool(re.search(r"(?<!\w)(?:ngày|hôm)(?!\w)", rest, re.I))


def day_shift(delta: int) -> Shift:
    def shift(record: Record) -> Record | None:
        if _common_refusals(record):
            return None
        found = _phrase_dates(record["phrase"], record["year"])
        if found is None:
            return None
        dates, rest = found
        if _other_days(rest) or not _written(record, dates):
            return None
        for d in dates:
            new = d.day + delta
            last = calendar.monthrange(d.year, d.month)[1]
            if new < 1 or new > last or (d.month == 2 and new >= 29):
                return None
        return _move(record, dates, lambda y, mo, day: (mo, day + delta))

    shift.__name__ = f"day_{delta:+d}"
    return shift


def month_shift(delta: int) -> Shift:
    def shift(record: Record) -> Record | None:
        if _common_refusals(record) or "cont" in record["expect"]["reading"]:
            return None
        found = _phrase_dates(record["phrase"], record["year"])
        if found is None or not _dated(record["expect"]):
            return None
        dates, rest = found
        season = r"(?<!\w)(?:tháng|quý|hè|đông|xuân|thu|mùa|học|nửa|năm)(?!\w)"
        if _other_days(rest) or re.search(season, rest, re.I) or not _written(record, dates):
            return None
        for d in dates:
            new = d.month + delta
            if not 1 <= new <= 12 or d.day > calendar.monthrange(d.year, new)[1]:
                return None
            if new == 2 and d.day >= 29:
                return None
        return _move(record, dates, lambda y, mo, day: (mo + delta, day))

    shift.__name__ = f"month_{delta:+d}"
    return shift


# ----- month-word shift

_MONTH_WORD = re.compile(r"(?<!\w)(tháng) (\d{1,2})(?:(/| năm )(\d{4}))?(?![\w/.\-:])", re.I)


def month_word_shift(delta: int) -> Shift:
    """ "tháng M" (with its year or not) → "tháng M+delta" where the label is the last day of
    written months: each due date moves to the end of its moved month (30 or 31 days, February
    of its year)."""

    def shift(record: Record) -> Record | None:
        phrase, expect = record["phrase"], record["expect"]
        if _common_refusals(record) or not expect["reading"]:
            return None
        if re.search(
            r"(?<!\w)(?:trước|sau|ngày|hôm|nửa|quý|mùa|học|kỳ|đợt|lần|đến trước)(?!\w)",
            phrase,
            re.I,
        ):
            return None
        found = list(_MONTH_WORD.finditer(phrase))
        if not found or re.search(r"\d", _HOURS.sub(" ", _MONTH_WORD.sub(" ", phrase))):
            return None
        months = [
            (int(m.group(4)) if m.group(4) else record["year"], int(m.group(2))) for m in found
        ]
        if not all(1 <= mo <= 12 and 1 <= mo + delta <= 12 for _, mo in months):
            return None
        ends = {(y, mo, calendar.monthrange(y, mo)[1]) for y, mo in months}
        dated = _dated(expect)
        if len(dated) != len(expect["reading"]) or not all(
            (int(m.group(1)), int(m.group(2)), int(m.group(3))) in ends for m in dated
        ):
            return None
        out, last = [], 0
        for m in found:
            month_text = _figure(int(m.group(2)) + delta, m.group(2))
            out += [phrase[last : m.start(2)], month_text]
            last = m.end(2)
        out.append(phrase[last:])
        reading = []
        for m in dated:
            y, mo = int(m.group(1)), int(m.group(2)) + delta
            reading.append(f"{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}{m.group(4) or ''}")
        return _with(record, "".join(out), reading)

    shift.__name__ = f"month_word_{delta:+d}"
    return shift


# ----- count shift

_COUNT = re.compile(r"(?<![\w/.\-:,])(\d{1,3})(?= ngày(?!\w))")
_REL = re.compile(r"rel:([a-z_]+):([+-])(\d+)([wc])")


def count_shift(delta: int) -> Shift:
    def shift(record: Record) -> Record | None:
        phrase, expect = record["phrase"], record["expect"]
        if expect["review"] or not expect["reading"]:
            return None
        rels = [_REL.fullmatch(t) for t in expect["reading"]]
        if not all(rels):
            return None
        ns = {int(m.group(3)) for m in rels if m}
        counts = list(_COUNT.finditer(phrase))
        if len(ns) != 1 or len(counts) != 1 or int(counts[0].group(1)) not in ns:
            return None
        if _DMY.search(phrase) or _LUNAR.search(phrase):
            return None
        # the only figures: the count (and hours)
        if re.search(r"\d", _HOURS.sub(" ", _COUNT.sub(" ", phrase))):
            return None
        n = int(counts[0].group(1))
        new = n + delta
        if not 1 <= new <= 999:
            return None
        m = counts[0]
        new_phrase = phrase[: m.start()] + _figure(new, m.group(1)) + phrase[m.end() :]
        reading = []
        for r in rels:
            assert r is not None
            reading.append(f"rel:{r.group(1)}:{r.group(2)}{new}{r.group(4)}")
        return _with(record, new_phrase, reading)

    shift.__name__ = f"count_{delta:+d}"
    return shift


# Each kind of shift, with the values it may take: the test picks one per record by a hash of
# its id (the same every run); the module's command line of the test tries them all. "day_far"
# and "count_far" move a date's day or a count further than one (exactly as well: the refusals
# are the same), to reach values far from the ones written.
SHIFTS: dict[str, list[Shift]] = {
    "year": [year_shift(k) for k in (-3, -2, -1, 1, 2, 3)],
    "weekly_year": [weekly_year_shift(k) for k in (-3, -2, -1, 1, 2, 3)],
    "day": [day_shift(1), day_shift(-1)],
    "day_far": [day_shift(d) for d in range(-27, 28) if abs(d) > 1],
    "month": [month_shift(j) for j in (-3, -2, -1, 1, 2, 3)],
    "month_word": [month_word_shift(j) for j in (-3, -2, -1, 1, 2, 3)],
    "count": [count_shift(1), count_shift(-1)],
    "count_far": [count_shift(d) for d in (-20, -9, -3, -2, 2, 3, 9, 20, 41)],
}


def shifted(kind: str, record: Record, every: bool = False) -> list[Record]:
    """The record shifted by ``kind``: by one of its values (the first that applies, in an order
    set by the record's id), or by every value that applies."""
    shifts = SHIFTS[kind]
    order = sorted(shifts, key=lambda s: _key(kind, s.__name__, record["id"]))
    out = []
    for s in order:
        new = s(record)
        if new is None or (new["phrase"], new["year"]) == (record["phrase"], record["year"]):
            continue
        out.append({**new, "shift": s.__name__})
        if not every:
            break
    return out
