"""Cells that hold several readings (the eighth probing pass, hprobe8): a deadline for each
period, batch or unit ("Quý I, II: trước 15/6; Quý III, IV: trước 15/12", "- Các thôn: trước
10/3; - UBND xã: trước 15/3"), a reading beside another that waits on an event or a condition,
hours written once for several readings, cadences offered as alternatives.

What can be read surely is read (a unit's or a step's name before a colon; periods listed
before the deadline they share); what cannot is flagged, with the words that made the doubt."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from tracker.schedule.rules import Rule
from tracker.schedule.timing.cell import Cell, Found, deadline, month_end
from tracker.schedule.timing.lexicon import WHEN_WORDS, all_known, homonym_place
from tracker.vn import fold

# Words that say when, written with their marks (a label's words are compared unfolded, so
# "dân" is not "Dần", "trạm" not "trăm", "kế hoạch" not "kể"): ``lexicon.WHEN_WORDS``, the
# one written list of timing words (hlex). A word whose timing sense needs its partner is
# left to the partner ("hạn" for "gia hạn", "nhật" for "Chủ nhật", "lực" for "hiệu lực",
# "thường" for "thường niên"), so "hộ gia đình", "Chủ tịch", "Hiệu trưởng", "Thanh niên",
# "Văn phòng" stay names.
_WHEN = WHEN_WORDS

# A label at the start of a segment (the cell's start, after ";", a line break or a bullet),
# up to its colon: "- Các thôn:", "UBND xã:", "Xây dựng kế hoạch:", "Trạm Y tế:".
_LABEL = re.compile(r"(?:^|[;\n]|\.\s)\s*(?:[-+•]\s*)?([^\d;:\n()/]{1,60}?)\s*:(?!\d)")
# "Thôn: trước 10/3 - Xã: trước 15/3": a dash after a reading opens a segment too (not a
# dash inside a name, "Phòng Văn hóa - Xã hội:").
_DASHED_LABEL = re.compile(r"\s[-+•]\s+([^\d;:\n()/\-]{1,60}?)\s*:(?!\d)")


_LEADING_FRAME = re.compile(r"^\s*thời\s+(?:gian|hạn)\s+(?=\S)", re.IGNORECASE)
# "Thời hạn giải quyết là 15 ngày làm việc kể từ …", "thời hạn cấp đổi là 07 ngày …" (round
# fifty-four, hfirst54): the deadline's frame names the task before "là", as a label before
# its colon does; the words between are the task's (weighed as a label's), not the timing.
_FRAMED_TASK = re.compile(
    r"(?:^|[;\n]|\.\s)\s*(?:[-+•]\s*)?thời\s+hạn\s+([^\d;:\n()/]{1,60}?)\s+là\s+(?=\S)",
    re.IGNORECASE,
)


def _task_says_when(words: str) -> bool:
    """``_says_when``, but a timing syllable inside a compound of work ("định" of "ra quyết
    định", ``lexicon.homonym_place``) says nothing of when."""
    written = unicodedata.normalize("NFC", words).split()
    excused = homonym_place(written)
    return any(
        w.lower().strip(",.'\"-") in _WHEN and not ok
        for w, ok in zip(written, excused, strict=True)
    )


def _says_when(words: str) -> bool:
    lowered = unicodedata.normalize("NFC", words.lower())
    return any(w.strip(",.'\"-") in _WHEN for w in lowered.split())


def segment_labels(cell: Cell, explained: list[bool]) -> None:
    """ "- Các thôn: trước 10/3; - UBND xã: trước 15/3", "Tuyên truyền: tháng 3; kiểm tra:
    tháng 6": the words before a colon at a segment's start name who or what the reading
    after it is for. They are explained when a reading follows the colon and none of them
    says when (no number, no timing word); then they carry no timing."""
    for match in _labels(cell):
        for i in range(match.start(1), match.end(1)):
            explained[i] = True
    if "hạn" in cell.lowered:
        for match in _FRAMED_TASK.finditer(cell.text):
            words = match.group(1)
            if len(words.split()) > 8 or _task_says_when(words) or not all_known(words.split()):
                continue
            after = match.end()
            day_word = re.match(r"ngày\s+", cell.text[after:], re.IGNORECASE)
            if day_word and not cell.taken[after]:
                after += day_word.end()
            if after < len(cell.text) and cell.taken[after]:
                for i in range(match.start(1), match.end(1)):
                    explained[i] = True


def _labels(cell: Cell) -> list[re.Match[str]]:
    """The labels ``segment_labels`` explains, in no set order."""
    if ":" not in cell.folded:
        return []
    labels = list(_LABEL.finditer(cell.text)) + [
        m for m in _DASHED_LABEL.finditer(cell.text) if m.start() > 0 and cell.taken[m.start() - 1]
    ]
    kept = []
    for match in labels:
        # "Thời gian tổ chức hội thi: trước ngày 10/5" (hprobe22): "thời gian" (the time of)
        # leading a label frames the reading after the colon; the rest names the work.
        words = _LEADING_FRAME.sub("", match.group(1))
        if not words.strip() or len(words.split()) > 8 or _says_when(words):
            continue
        if not all_known(words.split()):
            # "Có lẽ: trước 30/6", "Dời lại: tháng 9": a label of a word outside the closed
            # lexicon is no unit's or step's name; it is left to flag (hsafe).
            continue
        after = match.end()
        while after < len(cell.text) and cell.text[after] == " ":
            after += 1
        # "Trao giải: ngày 2/12" (hprobe22): "ngày" before the reading is the reading's word.
        day_word = re.match(r"ngày\s+", cell.text[after:], re.IGNORECASE)
        if day_word and not cell.taken[after]:
            after += day_word.end()
        if after >= len(cell.text) or not cell.taken[after]:
            continue
        kept.append(match)
    return kept


def labelled_apart(cell: Cell) -> Callable[[int, int], bool]:
    """Whether two places of the cell stand under two different labels ("- Xã A: năm 2026\n-
    Xã B: quý III/2026", probed, hprobe13): each unit's reading is its own deadline, which no
    other unit's frames or takes (the year was read as the quarter's frame and dropped,
    without a flag). Never, when the cell has fewer than two labels."""
    # Only labels opening a segment (the cell's start, ";", a line, a bullet): a dashed one
    # only when the written cell's lines start with dashes (cleaning joined them), since it
    # may be the end of a range of periods ("Quý I - II: trước 15/6").
    starts = sorted(m.start(1) for m in _labels(cell) if m.re is _LABEL or cell.bullets)
    if len(starts) < 2:
        return lambda _p, _q: False
    return lambda p, q: bisect.bisect(starts, p) != bisect.bisect(starts, q)


# Periods listed side by side: "Quý I, II", "Quý I và Quý II", "quý III, quý IV", "Quý I +
# Quý II" (the third batch).
_LIST_JOINT = re.compile(r"[\s,]*(?:(?:va|&|-|\+)[\s,]*)?")
# Between the last period of a list and the deadline they share: a colon, a dash, nothing.
# "Quý I, II (trước 15/6)": the deadline in brackets after them is theirs too.
_LABEL_JOINT = re.compile(r"\s*[:\-(]?\s*")
_COLON = re.compile(r"\s*:\s*")


def _windows(found: Found) -> list[Rule]:
    """The windows a reading holds, in order ("Quý I, II": two), or none if it holds
    anything else."""
    rules = found.rules
    if not rules or not all(
        r.kind == "deadline" and r.start is not None and r.due is not None for r in rules
    ):
        return []
    return sorted(rules, key=lambda r: (r.start, r.due))


def _plain(found: Found) -> Rule | None:
    if len(found.rules) != 1:
        return None
    rule = found.rules[0]
    if rule.kind == "deadline" and rule.start is None and rule.due is not None:
        return rule
    return None


def _listed_before(cell: Cell, found: list[Found], index: int, until: Rule) -> int:
    """The first of the readings of periods listed up to ``found[index]``, each ending
    before ``until`` starts."""
    first = index
    while first > 0:
        before = _windows(found[first - 1])
        if (
            not before
            or any(w.due is None or until.start is None or w.due >= until.start for w in before)
            or not _LIST_JOINT.fullmatch(cell.folded, found[first - 1].end, found[first].start)
        ):
            break
        first -= 1
    return first


def listed_periods(cell: Cell, found: list[Found]) -> None:
    """ "Quý I, II: trước 15/6; Quý III, IV: trước 15/12" (probed, hprobe8: the first
    quarter of each pair was read as a deadline of its own, 31/3 and 30/9, without a flag):
    periods listed before one deadline share it; they are one window up to that deadline.
    "Quý I: trước 15/4" (a colon, then a deadline after the period's end): the period names
    the report the deadline is for, and adds no deadline of its own."""
    for index in range(len(found) - 1, 0, -1):
        period, deadline = found[index - 1], found[index]
        windows, plain = _windows(period), _plain(deadline)
        if not windows or plain is None or plain.due is None:
            continue
        last = windows[-1]
        assert last.start is not None
        assert last.due is not None
        if last.due < plain.due and _COLON.fullmatch(cell.folded, period.end, deadline.start):
            # Named by its period; the listed periods before it are named too.
            first = _listed_before(cell, found, index - 1, windows[0])
            for item in found[first:index]:
                item.rules = []
            continue
        if not (last.start <= plain.due <= last.due):
            continue
        if not _LABEL_JOINT.fullmatch(cell.folded, period.end, deadline.start):
            continue
        if any(w.due is None or w.due >= last.start for w in windows[:-1]):
            continue
        first = _listed_before(cell, found, index - 1, windows[0])
        earliest = _windows(found[first])[0] if first < index - 1 else windows[0]
        if earliest is last:
            continue
        for item in found[first : index - 1]:
            item.rules = []
        period.rules = [replace(last, start=earliest.start)]


def frames(rules: list[tuple[int, Rule]]) -> set[int]:
    """The windows that hold another window of the cell ("Năm 2026: Quý II"): a frame, which
    takes no deadline written beside it ("Năm 2026: Quý II; báo cáo trước 15/7", probed,
    hprobe8: the year took 15/7 as its end, then gave way to the quarter, and 15/7 was lost)."""
    windows = [r for _, r in rules if r.kind == "deadline" and r.start and r.due]
    found = set()
    for outer, inner in itertools.permutations(windows, 2):
        assert outer.start
        assert outer.due
        assert inner.start
        assert inner.due
        inside = outer.start <= inner.start and inner.due <= outer.due
        if inside and (outer.start, outer.due) != (inner.start, inner.due):
            found.add(id(outer))
    return found


def _quoted(cell: Cell, item: Found) -> str:
    return cell.original(item.start, item.end)


def _dated(rule: Rule) -> bool:
    return rule.kind in ("deadline", "recurring") and bool(rule.due or rule.rrule)


_THAT = frozenset(["do", "nay", "ay", "tren", "kia"])


def count_from_that(cell: Cell, rules: list[tuple[int, Rule]]) -> list[str]:
    """ "Các thôn: trước 10/3; UBND xã: trong 05 ngày làm việc sau đó" (probed, hprobe8: read
    as a count from an event named "Đó", without a flag): a count from "that" runs from
    another reading of the cell, which the reader does not join; an officer says which."""
    for _, rule in rules:
        if rule.kind == "relative" and fold(rule.label).strip(" .,") in _THAT:
            return [f"đếm từ '{rule.label}': từ hạn nào của ô này?"]
    return []


def event_beside_a_date(cell: Cell, rules: list[tuple[int, Rule]]) -> list[str]:
    """ "Trước 31/3, khi có quyết định giao dự toán", "Đợt 1: trước 30/4; Đợt 2: khi có kinh
    phí", "Từ 01/3, kết thúc khi hoàn thành" (probed, hprobe8: a dated deadline and the event's
    day, read side by side without a flag): an event with no count beside a day or a start
    may be the day's condition, or the day may hold only until the event; an officer says."""
    waiting = [
        r
        for _, r in rules
        if r.kind == "relative"
        and r.offset == 0
        and r.start_offset is None
        and r.days == "calendar"
    ]
    if not waiting:
        return []
    beside = [r for _, r in rules if _dated(r) or (r.kind == "continuous" and r.start is not None)]
    if not beside:
        return []
    label = waiting[0].label or waiting[0].event
    return [f"một việc chờ sự kiện ('{label}') bên cạnh một ngày: hạn nào giữ, hay điều kiện?"]


_IF = re.compile(r"(?<![a-z])neu(?![a-z])")


def condition_on_demand(cell: Cell, rules: list[tuple[int, Rule]]) -> list[str]:
    """ "Hằng tháng (nếu có phát sinh)", "Trước 30/6 (nếu có phát sinh thì báo cáo bổ sung)"
    (probed, hprobe8: read as a cadence and work on demand, without a flag): a condition on
    the dated work, or a second, on-demand task? An officer says."""
    if not any(_dated(r) for _, r in rules):
        return []
    for item in cell.found:
        if not any(r.kind == "on_demand" for r in item.rules):
            continue
        if _IF.search(cell.folded, max(0, item.start - 12), item.end):
            return [f"'{_quoted(cell, item)}' nêu một điều kiện bên cạnh một hạn"]
    return []


_START_WORD = re.compile(r"(?<![a-z])(?:khoi\s+cong|khoi\s+dong|bat\s+dau|mo\s+dau)\s*:?\s*$")


def start_word_then_deadline(cell: Cell, rules: list[tuple[int, Rule]]) -> list[str]:
    """ "Khởi công tháng 3, hoàn thành tháng 12" (probed, hprobe8: March and December read
    as two deadlines, without a flag): a period after a word that starts the work, with
    another deadline after it, is the work's start, not a deadline of its own."""
    ordered = sorted(cell.found, key=lambda f: f.start)
    for first, second in itertools.pairwise(ordered):
        if not any(r.kind == "deadline" for r in first.rules):
            continue
        if not any(_dated(r) for r in second.rules):
            continue
        if _START_WORD.search(cell.folded, max(0, first.start - 20), first.start):
            return [f"'{_quoted(cell, first)}' là lúc bắt đầu, không phải một hạn"]
    return []


def hour_for_some(cell: Cell, rules: list[tuple[int, Rule]]) -> list[str]:
    """ "Trước 16 giờ ngày 15/6 và 15/12", "Ngày 10/3; 10/6; 10/9; 10/12 lúc 8 giờ" (probed,
    hprobe8: the hour given to one day, the others due with none, without a flag): one hour
    written, several dated readings, some with it and some without: whose hour is it?"""
    if not cell.times:
        return []
    dated = [r for _, r in rules if _dated(r)]
    timed = [r for r in dated if r.due_time is not None]
    if not timed or len(timed) == len(dated):
        return []
    hours = {(t[2], t[3]) for t in cell.times}
    if len(hours) != 1:
        return []
    # "Đợt 1: 10/5; đợt 2: 17/5/2024 lúc 8 giờ": a segment with its own head keeps its
    # own hour; a bare item of a list ("10/3; 10/6 …"), or a reading in the hour's own
    # segment, may share it.
    segments = [m.span() for m in re.finditer(r"[^;\n]+", cell.folded)]
    hour_segments = {i for i, (a, b) in enumerate(segments) for t in cell.times if a <= t[0] < b}
    for item in cell.found:
        if not any(_dated(r) and r.due_time is None and r in dated for r in item.rules):
            continue
        for i, (a, b) in enumerate(segments):
            if not a <= item.start < b:
                continue
            rest = (cell.folded[a : item.start] + cell.folded[item.end : b]).strip(" ,.-:")
            if i in hour_segments or not rest:
                return ["giờ chỉ gắn với một phần các hạn: các hạn khác có cùng giờ ấy không?"]
    return []


_BARE_DAY = re.compile(r"BYMONTHDAY=-1$")
_DAYED = re.compile(r"BYMONTHDAY=(?!-1$)\d+$")


def one_day_for_cadences(cell: Cell, rules: list[tuple[int, Rule]]) -> list[str]:
    """ "Hằng tháng, quý, năm (trước ngày 20 của kỳ báo cáo)" (probed, hprobe8: the 20th given
    to the monthly cadence, the quarter and the year due on their last days, without a flag):
    cadences listed in one reading, one day said after them, given to some only. Cadences
    read apart keep their own days ("Hằng quý và báo cáo năm trước 20/12")."""
    for item in cell.found:
        cadences = [r for r in item.rules if r.kind == "recurring" and r.rrule]
        bare = [
            r
            for r in cadences
            if _BARE_DAY.search(r.rrule) and not r.rrule.startswith("FREQ=WEEKLY")
        ]
        if bare and any(_DAYED.search(r.rrule) for r in cadences):
            return [
                "một ngày nêu sau nhiều kỳ chỉ gắn với một kỳ: các kỳ khác có cùng ngày ấy không?"
            ]
    return []


# "Tháng 3, 6, 9, 12", "Các tháng 1, 4, 7 và 10": months listed with their numbers after one
# "tháng", none of them next to the one before, and nothing after that makes them something
# else (a year, "hằng năm", a day, a count, a slash).
_LISTED_MONTHS = re.compile(
    r"(?<![a-z\d/.])(?:cac\s+)?thang\s+(\d{1,2}(?:\s*(?:,|va)\s*\d{1,2})+)"
    r"(?![\d/.\-]|\s*(?:nam|hang|moi|ngay|lan|dot|thang|tuan|quy|gio|[/\-])|\s*(?:,|va)\s*\d)"
)


def listed_months(cell: Cell) -> None:
    """ "Tháng 3, 6, 9, 12" (probed, hprobe8: March read, the rest left to flag): months
    listed apart are each a window of the plan's year, due on its last day, as "tháng 3, 6,
    9, 12 hằng năm" recurs in them. Months next to each other ("tháng 4, 5, 6") are left as
    they were (one window or several?)."""
    if cell.year is None or "thang" not in cell.folded:
        return
    for match in cell.matches(_LISTED_MONTHS):
        numbers = [int(n) for n in re.findall(r"\d{1,2}", match.group(1))]
        if not all(1 <= n <= 12 for n in numbers):
            continue
        if any(b - a < 2 for a, b in itertools.pairwise(numbers)):
            continue
        cell.add(match, [deadline(month_end(cell.year, n), date(cell.year, n, 1)) for n in numbers])
