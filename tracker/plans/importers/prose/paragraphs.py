"""A prose plan's lines as paragraphs: items joined across PDF line breaks, and the simple
text tables a prose plan may hold (an appendix of numbered rows)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.plans.importers.base import RawTask, clean_cell
from tracker.plans.importers.prose.starts import Start, bare_text, item_start
from tracker.schedule.timing import looks_like_timing
from tracker.vn import fold


@dataclass
class _Row:
    line: int
    label: str
    text: str


@dataclass
class Para:
    """One logical paragraph: an item or a sentence, its PDF line breaks joined."""

    line: int
    style: str
    marker: str
    label: str
    parts: list[str]
    heading: bool = False
    rows: list[_Row] = field(default_factory=list)
    header: str = ""
    # A table read elsewhere (a Word document's): its tasks, for the item open where it stands.
    tasks: list[RawTask] = field(default_factory=list)
    # Whether the last line ended with a space: PDF text often keeps one where it wrapped.
    wrapped: bool = False
    # The number of the last line joined in (a Word paragraph's soft breaks share one).
    end: int = 0

    @property
    def text(self) -> str:
        return clean_cell(" ".join(self.parts))

    @property
    def last(self) -> str:
        return self.parts[-1].rstrip("*_ \t") if self.parts else ""

    def as_line(self) -> str:
        """The paragraph as the details keep it: its mark, then its text."""
        return f"{self.marker} {self.text}".strip()


def is_upper(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def is_parenthetical(text: str) -> bool:
    core = text.strip("*_ ")
    return core.startswith("(") and core.endswith(")") and core.count("(") == core.count(")")


def _full_width(lines: list[tuple[int, str]]) -> int:
    """The length of a full line of the page (PDF text breaks lines near it)."""
    lengths = sorted(len(text.strip()) for _, text in lines if text.strip())
    if not lengths:
        return 80
    # No page is narrower than this; a short text must not make every line look full.
    return max(lengths[max(int(len(lengths) * 0.8) - 1, 0)], 60)


_SIGNER_TITLE = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*")

_SIGNER_WORDS = re.compile(r"^(pho )?(chu tich|giam doc|bi thu|truong (ban|phong)|thu truong)\b")


def signer_line(text: str) -> str:
    """The part of a signer block a line is: on_behalf ("TM. ỦY BAN NHÂN DÂN"), title
    ("CHỦ TỊCH"), or "" for neither."""
    if not is_upper(text) or len(text.split()) > 8:
        return ""
    if _SIGNER_TITLE.match(text):
        return "on_behalf"
    return "title" if _SIGNER_WORDS.match(fold(text)) else ""


def _typed_line_by_line(lines: list[str]) -> bool:
    """Whether a Word body was typed line by line (a PDF's text pasted in, Enter at each
    line's end): many paragraphs open in lower case, or many long ones stop mid-sentence.
    Its lines are then joined as a text's are."""
    lower = sum(1 for text in lines if text.lstrip("*_ ")[:1].islower())
    long = [text.rstrip("*_ ") for text in lines if len(text.strip()) > 60]
    unended = sum(1 for text in long if not text.endswith((".", ";", ":", "!", "?")))
    return lower > 0.2 * len(lines) or (unended >= 3 and unended > 0.25 * len(long))


_SEQUENCE_STYLES = ("num", "letter")


def _ordinal(start: Start) -> int:
    if start.style == "letter":
        return ord(start.label) - ord("a") + 1
    return int(start.label.split(".")[-1]) if start.label[-1].isdigit() else 0


class Paragraphs:
    """Joins lines into paragraphs. A line that opens no item carries on the paragraph
    before it unless that one ended: a final stop, a short line, or (where the text keeps
    a space at each wrap, as PDF extraction often does) a line without that space.

    A number at the head of a line only opens an item when the line before ended, or when
    it carries on its sequence: PDF text breaks a sentence before "2. Điều 3" as readily as
    before a real item.

    With ``whole`` (a Word or OpenDocument body), each line is a paragraph the author
    ended: the next one carries it on only when it opens in lower case or with a comma (a
    paragraph split by hand), never because the line was short. The lines one paragraph's
    soft breaks make (they share a number) are joined as text's."""

    def __init__(
        self,
        lines: list[tuple[int, str]],
        tables: dict[int, list[RawTask]] | None = None,
        *,
        whole: bool = False,
    ) -> None:
        self.lines = lines
        self.tables = tables or {}
        filled = [text for _, text in lines if text.strip()]
        self.whole = whole and not _typed_line_by_line(filled)
        self.width = _full_width(lines)
        spaced = sum(1 for text in filled if text.endswith(" ")) / max(len(filled), 1)
        # The wrap space only tells something when some lines have it and others not.
        self.spaced = 0.15 <= spaced <= 0.85
        # Markdown and Word paragraphs are not wrapped at all: one paragraph a line.
        long_lines = sum(1 for text in filled if len(text.strip()) > 140)
        self.wrapped = long_lines <= 0.1 * len(filled)
        self.paras: list[Para] = []
        self.seen: dict[str, int] = {}

    def run(self) -> list[Para]:
        index = 0
        while index < len(self.lines):
            number = self.lines[index][0]
            if number in self.tables:
                rows = self.tables[number]
                self.paras.append(Para(number, "table", "", "", [""], tasks=rows))
                index += 1
                continue
            table = _text_table(self.lines, index)
            if table is not None:
                para, index = table
                self.paras.append(para)
                continue
            self.add(*self.lines[index])
            index += 1
        return self.paras

    def add(self, number: int, line: str) -> None:
        bare, heading = bare_text(line)
        if not _has_words(bare):
            return
        prev = self.paras[-1] if self.paras else None
        start = item_start(bare)
        if start is not None and not self.accept(start, prev, number):
            start = None
        if (
            start is None
            and prev is not None
            and not heading
            and self.continues(bare, prev, number)
        ):
            prev.parts.append(bare)
            prev.wrapped = line.endswith(" ")
            prev.end = number
            return
        if start is None:
            start = Start("none", "", "", bare)
        para = Para(number, start.style, start.marker, start.label, [start.rest], heading)
        para.wrapped = line.endswith(" ")
        para.end = number
        self.paras.append(para)

    def ended(self, para: Para, number: int = 0) -> bool:
        """Whether the paragraph's last line closes it (before line ``number``)."""
        last = para.last
        if para.heading or para.style == "table" or last.endswith((".", ";", ":", "!", "?")):
            return True
        if self.whole and number != para.end:
            return True
        if last.endswith((",", "-", "–", "/", "(")):
            return False
        if not self.wrapped or len(last) < 0.7 * self.width:
            return True
        return not para.wrapped if self.spaced else False

    def continues(self, bare: str, prev: Para, number: int = 0) -> bool:
        """Whether a line that opens no item carries on the paragraph before it."""
        if prev.heading or prev.style == "table" or is_parenthetical(bare):
            return False
        if signer_line(clean_cell(bare)):
            return False
        first = bare.lstrip('*_ “"')[:1]
        if first.islower() or first in ",;)”":
            return True
        if prev.last.endswith((".", ";", ":", "!", "?")):
            return False
        if self.whole and number != prev.end:
            return False
        return first.isdigit() or not self.ended(prev, number)

    def accept(self, start: Start, prev: Para | None, number: int = 0) -> bool:
        if start.style not in _SEQUENCE_STYLES and not start.style.startswith("multi"):
            return True
        ordinal = _ordinal(start)
        if prev is None or self.ended(prev, number):
            ok = True
        elif self.spaced:
            ok = False  # the line before wrapped into this one
        else:
            ok = ordinal in (1, self.seen.get(start.style, -1) + 1)
        if ok:
            self.seen[start.style] = ordinal
        return ok


# A text table inside prose: "Số TT Lĩnh vực Thời gian hoàn thành", then "1 Lĩnh vực … Trước …".
_TABLE_HEAD = re.compile(r"^(?:Số\s*)?S?TT\b\s*\S")

_TABLE_ROW = re.compile(r"^(\d{1,3})\s+(\S.*)$")


def _next_filled(lines: list[tuple[int, str]], index: int) -> int:
    while index < len(lines) and not lines[index][1].strip():
        index += 1
    return index


def _table_head(lines: list[tuple[int, str]], index: int) -> tuple[str, int] | None:
    """The header of a text table starting at ``index`` and the index after it."""
    bare = clean_cell(lines[index][1])
    if bare == "Số":
        after = _next_filled(lines, index + 1)
        if after < len(lines) and re.match(r"^TT\b", lines[after][1].strip()):
            return f"Số {clean_cell(lines[after][1])}", after + 1
        return None
    if _TABLE_HEAD.match(bare):
        return bare, index + 1
    return None


def _table_rows(lines: list[tuple[int, str]], index: int) -> tuple[list[_Row], int]:
    """The numbered rows from ``index`` on; a line right under a row (no blank between)
    that opens nothing carries on that row's text."""
    rows: list[_Row] = []
    after_blank = False
    while index < len(lines):
        number, line = lines[index]
        bare = clean_cell(line)
        match = _TABLE_ROW.match(bare)
        if match and int(match.group(1)) == len(rows) + 1:
            rows.append(_Row(number, match.group(1), match.group(2)))
        elif bare and (not rows or after_blank or item_start(bare) or _section_like(bare)):
            break
        elif bare:
            rows[-1].text = f"{rows[-1].text} {bare}"
        after_blank = not bare
        index += 1
    return rows, index


def _section_like(text: str) -> bool:
    folded = fold(text)
    return folded.startswith(("noi nhan", "tren day", "phu luc"))


def _text_table(lines: list[tuple[int, str]], index: int) -> tuple[Para, int] | None:
    """A numbered text table (at least two rows numbered from 1) as one paragraph."""
    head = _table_head(lines, index)
    if head is None:
        return None
    header, after = head
    rows, end = _table_rows(lines, _next_filled(lines, after))
    if len(rows) < 2:
        return None
    para = Para(lines[index][0], "table", "", "", [header], rows=rows, header=header)
    return para, end


def split_timing(text: str) -> tuple[str, str]:
    """A row's text as (content, timing): the timing is the longest tail that opens a new
    cell (a capital or a digit) and reads as a timing from its first words on."""
    words = text.split()
    for index in range(1, len(words)):
        head = words[index]
        if not (head[0].isupper() or head[0].isdigit()):
            continue
        tail = " ".join(words[index:])
        if looks_like_timing(" ".join(words[index : index + 2])) and looks_like_timing(tail):
            return " ".join(words[:index]), tail
    return text, ""
