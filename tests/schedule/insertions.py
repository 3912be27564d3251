"""Meaning-changing insertions into a timing phrase (the third metamorphic test, hmeta3).

hmeta's rewrites (``metamorphic.py``) keep a phrase's meaning and hmeta2's shifts
(``value_shifts.py``) move one of its values. These insert a fragment that changes the meaning
(a second date, a condition, an exception, a change, a doubt, a negation, a frequency, an hour,
a count, a lunar calendar, an earliest bound, another year) at a natural place of the phrase:
its start, its end, just before or after its first date, or inside its brackets. The reader may
read the new meaning or flag the phrase; it must never give a reading without a flag that the
fragment should have changed or doubted (a *silent* mutant).

Each fragment is written here (not taken from the corpus) with the places it fits. The test
derives the mutants at run time from the corpus's tune part. An insertion is skipped (exempt)
only where it would keep the meaning:

- **already said**: the phrase already holds the fragment's key word ("hằng tháng" into a
  phrase with "hằng tháng", "âm lịch" into a lunar one, "dự kiến" where it is written);
- **the same year**: "năm Y" is written with a year other than the record's year and the years
  already in the phrase;
- **the same date**: an inserted date is one the label already holds or the phrase already
  writes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

Record = dict[str, Any]

# Where a fragment may go.
START, END, BEFORE_DATE, AFTER_DATE, BRACKET = (
    "start",
    "end",
    "before_date",
    "after_date",
    "bracket",
)

# A date written in the phrase: "15/6", "15/6/2026", "15-6-2026", "15.6.2026", "15 tháng 6".
_DATE = re.compile(
    r"(?<![\w/.\-:])\d{1,2}(?:/\d{1,2}(?:/\d{4})?|-\d{1,2}-\d{4}|\.\d{1,2}\.\d{4}"
    r"| tháng \d{1,2}(?: năm \d{4})?)(?![\w/\-:]|\.\d)",
    re.I,
)
# "ngày" just before the first date belongs to it: a fragment before the date goes before "ngày".
_NGAY = re.compile(r"(?<!\w)ngày\s*$", re.I)


@dataclass(frozen=True)
class Fragment:
    kind: str  # the class of meaning change
    text: str  # the fragment; "{d1}", "{d2}" stand for dates, "{y}" for a year, filled per record
    places: tuple[str, ...]
    # words whose presence in the phrase means the fragment says nothing new (exempt)
    said: str = ""
    # which unflagged readings are right: "" none (the mutant must be flagged), "keep" the
    # original reading (a word the label conventions read as nothing new), "add" the original
    # reading with the inserted date added, "hour" the original's dates at the inserted hour,
    # "moved" only the inserted date (a change said plainly), "back7" the original's one date 7
    # days earlier, "start" a start from the date ("cont"), "away" no due date left in the
    # record's year or the original's dates moved to that year, "monthly" (and "quarterly",
    # "weekly", "halves") a cadence's due days, as a bare one is due, "restates" the original
    # reading where the original is a window lasting the inserted count of days (first and
    # last counted: "từ 4/5 đến 13/5 trong vòng 10 ngày" only restates the window's length,
    # as the reader's counted windows have it since hmeta; hmeta6)
    reads: str = ""

    @property
    def name(self) -> str:
        return f"{self.kind}: {self.text}"


_F = Fragment
FRAGMENTS: tuple[Fragment, ...] = (
    # a second date
    _F("second_date", "và ngày {d1}", (AFTER_DATE, END), "", "add"),
    _F("second_date", "hoặc {d2}", (AFTER_DATE,), ""),
    _F("second_date", ", {d1}", (AFTER_DATE,), "", "add"),
    _F("second_date", "lần hai vào ngày {d2}", (END,), "", "add"),
    _F("second_date", "và bổ sung trước {d1}", (END,), "", "add"),
    # a condition
    _F("condition", "nếu có phát sinh", (END, START), r"nếu|phát sinh"),
    _F("condition", "khi có yêu cầu", (END, START, BRACKET), r"khi|yêu cầu"),
    _F("condition", "trong trường hợp cần thiết", (END, START), r"trường hợp|cần thiết"),
    _F("condition", "tùy tình hình thực tế", (END, BRACKET), r"tùy|tuỳ"),
    _F("condition", "nếu được phê duyệt", (END,), r"nếu|phê duyệt"),
    _F("condition", "nếu đủ điều kiện", (START, END), r"nếu|điều kiện"),
    # an exception
    _F("exception", "trừ tháng 2", (END, BRACKET), r"trừ"),
    _F("exception", "riêng quý IV", (START, END), r"riêng"),
    _F("exception", "ngoại trừ dịp Tết", (END,), r"trừ|tết"),
    _F("exception", "trừ các xã miền núi", (END, BRACKET), r"trừ"),
    # a change
    _F("change", "hoãn đến {d2}", (END,), r"hoãn", "moved"),
    _F("change", "lùi sang tuần sau", (END,), r"lùi"),
    _F("change", "thay vì {d1}", (AFTER_DATE, END), r"thay", "keep"),
    _F("change", "đã điều chỉnh thành {d2}", (END, BRACKET), r"điều chỉnh", "moved"),
    _F("change", "dời lại 1 tháng", (END,), r"dời"),
    _F("change", "được gia hạn thêm 10 ngày", (END,), r"gia hạn"),
    # a doubt or an estimate
    _F("doubt", "dự kiến", (START, BEFORE_DATE), r"dự kiến", "keep"),
    _F("doubt", "khoảng", (BEFORE_DATE,), r"khoảng"),
    _F("doubt", "có thể", (START,), r"có thể"),
    _F("doubt", "tạm thời", (START,), r"tạm"),
    _F("doubt", "ước chừng", (BEFORE_DATE,), r"ước"),
    _F("doubt", "(chưa chính thức)", (END,), r"chính thức"),
    # a negation
    _F("negation", "không", (START,), r"không"),
    _F("negation", "chưa", (START,), r"chưa"),
    _F("negation", "không phải", (BEFORE_DATE,), r"không"),
    _F("negation", "không còn áp dụng", (END,), r"không|áp dụng"),
    # a frequency
    _F("frequency", "hằng tháng", (END, START), r"hằng|hàng|mỗi|định kỳ|tháng", "monthly"),
    _F("frequency", "2 lần/năm", (END,), r"lần|hằng|hàng|mỗi|định kỳ", "halves"),
    _F("frequency", "mỗi tuần", (END,), r"tuần|hằng|hàng|mỗi|định kỳ", "weekly"),
    _F("frequency", "hằng quý", (START,), r"quý|hằng|hàng|mỗi|định kỳ", "quarterly"),
    # an hour
    _F("hour", "lúc 14 giờ", (AFTER_DATE, END), r"giờ|\dh|\d:\d|sáng|chiều|trưa|tối", "hour"),
    _F("hour", "trước 16h30", (AFTER_DATE,), r"giờ|\dh|\d:\d|sáng|chiều|trưa|tối", "hour"),
    _F("hour", "buổi chiều", (END,), r"giờ|\dh|\d:\d|sáng|chiều|trưa|tối", "keep"),
    # a count of days
    _F("count", "sau 5 ngày", (END,), ""),
    _F("count", "chậm 3 ngày", (END,), ""),
    _F("count", "trong vòng 10 ngày", (END,), "", "restates"),
    _F("count", "7 ngày trước", (BEFORE_DATE,), "", "back7"),
    # a lunar calendar
    _F("lunar", "(âm lịch)", (AFTER_DATE,), r"âm|AL|ÂL|tết|rằm|mùng|mồng"),
    _F("lunar", "âm lịch", (AFTER_DATE, BRACKET), r"âm|AL|ÂL|tết|rằm|mùng|mồng"),
    # an earliest bound
    _F("earliest", "sớm nhất", (BEFORE_DATE,), r"sớm|từ|sau"),
    _F("earliest", "không trước", (BEFORE_DATE,), r"không|từ|sau"),
    _F("earliest", "bắt đầu từ", (BEFORE_DATE,), r"từ|bắt đầu|sau", "start"),
    # another year
    _F("year", "năm {y}", (AFTER_DATE, END), "", "away"),
    _F("year", "của năm sau", (END,), r"năm sau|năm tới|năm kế", "away"),
    _F("year", "năm trước", (END,), r"năm trước|năm ngoái"),
    _F("year", "(năm {y})", (BRACKET, START), "", "away"),
)


def _key(*parts: object) -> int:
    return int(hashlib.sha1(" ".join(map(str, parts)).encode()).hexdigest(), 16)


def _fill(fragment: Fragment, record: Record) -> str | None:
    """The fragment with its dates and year chosen for the record (by a hash of its id), each
    one the phrase and the label do not hold already."""
    text, phrase = fragment.text, record["phrase"]
    if "{y}" in text:
        written = {int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", phrase)}
        for k in (-3, -2, 2, 3, -4, 4):
            y = record["year"] + k
            if y not in written:
                text = text.replace("{y}", str(y))
                break
    for slot in ("{d1}", "{d2}"):
        if slot not in text:
            continue
        h = _key(record["id"], fragment.name, slot)
        for step in range(12):
            month = (h + step) % 12 + 1
            day = (h >> 8) % 27 + 2
            token = f"{record['year']}-{month:02d}-{day:02d}"
            mine = f"{day}/{month}"
            held = any(t.startswith(token) for t in record["expect"].get("reading", []))
            if not held and not re.search(rf"(?<!\d){day}\s*/\s*0?{month}(?!\d)", phrase):
                text = text.replace(slot, mine)
                break
        else:
            return None
    return text


def _join(left: str, fragment: str, right: str) -> str:
    left, right = left.rstrip(), right.lstrip()
    if fragment.startswith(","):
        return f"{left}{fragment} {right}".strip()
    return " ".join(p for p in (left, fragment, right) if p)


def insert(record: Record, fragment: Fragment, place: str) -> tuple[str, str] | None:
    """The fragment as filled and the phrase with it inserted at ``place``, or ``None`` where it does not fit or
    would say nothing new."""
    phrase = record["phrase"]
    if fragment.said and re.search(rf"(?<!\w)(?:{fragment.said})", phrase, re.I):
        return None
    text = _fill(fragment, record)
    if text is None:
        return None
    if place == START:
        head = phrase[:1].lower() if phrase[1:2].islower() else phrase[:1]
        return text, _join("", text[:1].upper() + text[1:], head + phrase[1:])
    if place == END:
        end = re.search(r"[.;]*\s*$", phrase)
        assert end is not None
        body = phrase[: end.start()]
        sep = ", " if fragment.kind in ("condition", "exception", "change") else " "
        if text.startswith(("(", ",")):
            sep = " " if text.startswith("(") else ""
        return text, body + sep + text + phrase[end.start() :]
    if place == BRACKET:
        close = phrase.find(")")
        if close < 0 or phrase.find("(") < 0 or phrase.find("(") > close:
            return None
        return text, phrase[:close].rstrip() + ", " + text.strip("()") + phrase[close:]
    m = _DATE.search(phrase)
    if m is None:
        return None
    if place == BEFORE_DATE:
        left = phrase[: m.start()]
        ngay = _NGAY.search(left)
        cut = ngay.start() if ngay else m.start()
        return text, _join(phrase[:cut], text, phrase[cut:])
    if place == AFTER_DATE:
        return text, _join(phrase[: m.end()], text, phrase[m.end() :])
    raise ValueError(place)


@dataclass(frozen=True)
class Mutant:
    fragment: Fragment
    place: str
    text: str  # the fragment as inserted
    phrase: str


def mutants(record: Record) -> list[Mutant]:
    """Every insertion that applies to the record."""
    out = []
    for fragment in FRAGMENTS:
        for place in fragment.places:
            found = insert(record, fragment, place)
            if found is not None and found[1] != record["phrase"]:
                out.append(Mutant(fragment, place, *found))
    return out


def _dates_of(text: str, year: int) -> list[str]:
    return [
        f"{year}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
        for m in re.finditer(r"(?<!\d)(\d{1,2})/(\d{1,2})(?![\d/])", text)
    ]


def right_unflagged(
    fragment: Fragment, text: str, record: Record, before: list[str], got: list[str]
) -> bool:
    """Whether ``got`` (the mutant's reading over the record's year, unflagged) is a right
    reading of the mutant: ``before`` is the original's (right) reading, ``text`` the fragment
    as inserted."""
    year, old, new = record["year"], set(before), set(got)
    if fragment.reads == "keep":
        return new == old
    if fragment.reads == "add":
        (day,) = _dates_of(text, year)
        if old == {"cont"} and got == [day]:
            # "từ ngày A và ngày B" is a window due on B (the label conventions, "Lists after
            # 'từ'"): a start with a day listed after it (hmeta5)
            return True
        return old < new and all(t.startswith(day) for t in new - old)
    if fragment.reads == "moved":
        (day,) = _dates_of(text, year)
        return bool(new) and all(t.startswith(day) for t in new)
    if fragment.reads == "hour":
        m = re.search(r"(\d{1,2})(?: giờ|h)(\d{2})?", text)
        assert m is not None
        at = f"@{int(m.group(1)):02d}:{m.group(2) or '00'}"
        dated = {t for t in old if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t)}
        if not dated and old and new == old:
            # the hour said again ("lúc 14h00 ngày 8/6 lúc 14 giờ"), or an hour of a count
            # from an event, which the reader keeps on the rule and a token does not show
            # (hmeta5)
            return all(t.endswith(at) or t.startswith("rel:") for t in old)
        return bool(dated) and new == (old - dated) | {t + at for t in dated}
    if fragment.reads == "back7":
        if len(old) != 1 or not re.fullmatch(r"\d{4}-\d{2}-\d{2}(@.*)?", before[0]):
            return False
        day = date.fromisoformat(before[0][:10]) - timedelta(days=7)
        return got == [day.isoformat() + before[0][10:]] or (day.year != year and not got)
    if fragment.reads == "restates":
        m = re.search(r"\d+", text)
        assert m is not None
        return new == old and _window_lasts(record, int(m.group(0)))
    if fragment.reads == "start":
        return got == ["cont"]
    if fragment.reads == "away":
        if old == {"cont"}:
            # a start moved to another year is still continuous work: its token has no date
            # (hmeta5)
            return new == {"cont"} or not got
        if not all(re.fullmatch(r"\d{4}-\d{2}-\d{2}(@.*)?", t) for t in old):
            return False
        m = re.search(r"\d{4}", text)
        to = int(m.group(0)) if m else year + 1  # "của năm sau"
        return not got or new == {f"{int(t[:4]) - year + to}{t[4:]}" for t in old}
    if fragment.reads in ("monthly", "quarterly", "weekly", "halves"):
        # a cadence, bounded or not by the original's window, read from a window or a start
        if not new or not all(re.fullmatch(r"\d{4}-\d{2}-\d{2}|cont", t) for t in old):
            return False
        return all(_ends(fragment.reads, t) for t in new)
    return False


def _window_lasts(record: Record, days: int) -> bool:
    """Whether the original phrase reads as a window (its end the label's due day) lasting
    ``days``, first and last counted; the start is the reader's, the due day the label's."""
    from tracker.schedule.timing import parse_timing

    due = set(record["expect"].get("reading", []))
    return any(
        rule.kind == "deadline"
        and rule.start is not None
        and rule.due is not None
        and (rule.due - rule.start).days + 1 == days
        and any(t.startswith(rule.due.isoformat()) for t in due)
        for rule in parse_timing(record["phrase"], year=record["year"]).rules
    )


def _ends(cadence: str, token: str) -> bool:
    """Whether a reading's token is a due day of a bare cadence (the label conventions: a month's
    or a quarter's last day, a Friday, the half-years' ends)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", token):
        return False
    day = date.fromisoformat(token)
    last = (day + timedelta(days=1)).day == 1
    if cadence == "monthly":
        return last
    if cadence == "quarterly":
        return last and day.month % 3 == 0
    if cadence == "halves":
        return last and day.month % 6 == 0
    return day.weekday() == 4
