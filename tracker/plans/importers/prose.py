"""Plans written as prose or markdown, read into the shared raw tree: lines are joined into
paragraphs (PDF line breaks undone), then nested by their numbering, never by heading level."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.plans.importers.base import RawPlan, RawTask, ReviewItem, clean_cell, fold
from tracker.plans.timing import looks_like_timing

__all__ = ["parse_prose", "split_label"]

# --------------------------------------------------------------------------- item starts

_BULLETISH = ("bullet", "none")
# How deep a bullet mark usually sits: "*" heads a block, "+" hangs under "-".
_BULLET_RANK = {"*": 0, "-": 1, "": 1, "+": 2}

_PLUS = re.compile(r"^[-–]\s*\+\s*(?=\S)")
_DASH = re.compile(r"^[-–•]\s+(?=\S)")
_BARE_DASH = re.compile(r"^-(?=[^\W\d_])")
_PLUS_ONLY = re.compile(r"^\+\s*(?=\S)")
_MULTI = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)")
# "2. Việc", "2.Việc", "2) 100% hồ sơ"; not "2.5 tỷ" nor "2021."
_NUM = re.compile(r"^(\d{1,2})\s*[.)](?:\s+(?=\S)|(?=[^\d\s./]))")
_LETTER = re.compile(r"^([a-zđ])\s*\)\s*(?=\S)|^([a-zđ])\.\s+(?=\S)")
_ROMAN = re.compile(r"^([IVXL]{1,6})\s*(?:[.)]\s*|[-–:]\s+)(?=\S)")
_ROMAN_VALID = re.compile(r"^L?X{0,3}(IX|IV|V?I{0,3})$")
_ARTICLE = re.compile(r"^Điều\s+(\d{1,3})\s*[.:]\s+(?=\S)")
_STAR = re.compile(r"^\*\s+(?=[^*\s])")


@dataclass(frozen=True)
class _Start:
    """How a line opens an item: its numbering style, the mark as printed, the label."""

    style: str
    marker: str
    label: str
    rest: str


def _bullet_start(text: str) -> _Start | None:
    for pattern, mark in ((_PLUS, "+"), (_DASH, "-"), (_PLUS_ONLY, "+")):
        match = pattern.match(text)
        if match:
            return _Start("bullet", mark, mark, text[match.end() :])
    match = _BARE_DASH.match(text)
    if match and text[1].isupper():
        return _Start("bullet", "-", "-", text[1:])
    return None


def _numbered_start(text: str) -> _Start | None:
    match = _MULTI.match(text)
    if match:
        label = match.group(1)
        return _Start(f"multi{label.count('.') + 1}", f"{label}.", label, text[match.end() :])
    match = _NUM.match(text)
    if match:
        return _Start("num", match.group(0).strip(), match.group(1), text[match.end() :])
    match = _LETTER.match(text)
    if match:
        label = match.group(1) or match.group(2)
        return _Start("letter", match.group(0).strip(), label, text[match.end() :])
    match = _ROMAN.match(text)
    if match and _ROMAN_VALID.match(match.group(1)):
        return _Start("roman", f"{match.group(1)}.", match.group(1), text[match.end() :])
    match = _ARTICLE.match(text)
    if match and text[match.end()].isupper():
        label = f"Điều {match.group(1)}"
        return _Start("article", f"{label}.", label, text[match.end() :])
    return None


def _item_start(bare: str) -> _Start | None:
    """The item a line opens, if any. A lone "*" before a space is a bullet; other stars
    are emphasis and do not hide the numbering behind them ("**1. Nội dung**")."""
    match = _STAR.match(bare)
    if match:
        return _Start("bullet", "*", "*", bare[match.end() :])
    text = bare.lstrip("* ")
    return _bullet_start(text) or _numbered_start(text)


def split_label(line: str) -> tuple[str, str]:
    """A heading or item line as (label, text), both cleaned: "## **2. Thực hiện …**" gives
    ("2", "Thực hiện …"), "- Việc a" gives ("-", "Việc a"), an unnumbered line ("", line)."""
    bare, _ = _bare(line)
    start = _item_start(bare)
    if start is None:
        return "", clean_cell(bare)
    return start.label, clean_cell(start.rest)


# --------------------------------------------------------------------------- paragraphs


@dataclass
class _Row:
    line: int
    label: str
    text: str


@dataclass
class _Para:
    """One logical paragraph: an item or a sentence, its PDF line breaks joined."""

    line: int
    style: str
    marker: str
    label: str
    parts: list[str]
    heading: bool = False
    rows: list[_Row] = field(default_factory=list)
    header: str = ""
    # Whether the last line ended with a space: PDF text often keeps one where it wrapped.
    wrapped: bool = False

    @property
    def text(self) -> str:
        return clean_cell(" ".join(self.parts))

    @property
    def last(self) -> str:
        return self.parts[-1].rstrip("*_ \t") if self.parts else ""

    def as_line(self) -> str:
        """The paragraph as the details keep it: its mark, then its text."""
        return f"{self.marker} {self.text}".strip()


def _bare(line: str) -> tuple[str, bool]:
    """The line without surrounding space and markdown heading marks; whether it was a heading."""
    text = line.strip()
    heading = text.startswith("#")
    return text.lstrip("#").strip(), heading


def _is_upper(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _is_parenthetical(text: str) -> bool:
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


def _signer_line(text: str) -> str:
    """The part of a signer block a line is: on_behalf ("TM. ỦY BAN NHÂN DÂN"), title
    ("CHỦ TỊCH"), or "" for neither."""
    if not _is_upper(text) or len(text.split()) > 8:
        return ""
    if _SIGNER_TITLE.match(text):
        return "on_behalf"
    return "title" if _SIGNER_WORDS.match(fold(text)) else ""


_SEQUENCE_STYLES = ("num", "letter")


def _ordinal(start: _Start) -> int:
    if start.style == "letter":
        return ord(start.label) - ord("a") + 1
    return int(start.label.split(".")[-1]) if start.label[-1].isdigit() else 0


class _Paragraphs:
    """Joins lines into paragraphs. A line that opens no item carries on the paragraph
    before it unless that one ended: a final stop, a short line, or (where the text keeps
    a space at each wrap, as PDF extraction often does) a line without that space.

    A number at the head of a line only opens an item when the line before ended, or when
    it carries on its sequence: PDF text breaks a sentence before "2. Điều 3" as readily as
    before a real item."""

    def __init__(self, lines: list[tuple[int, str]]) -> None:
        self.lines = lines
        self.width = _full_width(lines)
        filled = [text for _, text in lines if text.strip()]
        spaced = sum(1 for text in filled if text.endswith(" ")) / max(len(filled), 1)
        # The wrap space only tells something when some lines have it and others not.
        self.spaced = 0.15 <= spaced <= 0.85
        # Markdown and Word paragraphs are not wrapped at all: one paragraph a line.
        long_lines = sum(1 for text in filled if len(text.strip()) > 140)
        self.wrapped = long_lines <= 0.1 * len(filled)
        self.paras: list[_Para] = []
        self.seen: dict[str, int] = {}

    def run(self) -> list[_Para]:
        index = 0
        while index < len(self.lines):
            table = _text_table(self.lines, index)
            if table is not None:
                para, index = table
                self.paras.append(para)
                continue
            self.add(*self.lines[index])
            index += 1
        return self.paras

    def add(self, number: int, line: str) -> None:
        bare, heading = _bare(line)
        if not _has_words(bare):
            return
        prev = self.paras[-1] if self.paras else None
        start = _item_start(bare)
        if start is not None and not self.accept(start, prev):
            start = None
        if start is None and prev is not None and not heading and self.continues(bare, prev):
            prev.parts.append(bare)
            prev.wrapped = line.endswith(" ")
            return
        if start is None:
            start = _Start("none", "", "", bare)
        para = _Para(number, start.style, start.marker, start.label, [start.rest], heading)
        para.wrapped = line.endswith(" ")
        self.paras.append(para)

    def ended(self, para: _Para) -> bool:
        """Whether the paragraph's last line closes it."""
        last = para.last
        if para.heading or para.style == "table" or last.endswith((".", ";", ":", "!", "?")):
            return True
        if last.endswith((",", "-", "–", "/", "(")):
            return False
        if not self.wrapped or len(last) < 0.7 * self.width:
            return True
        return not para.wrapped if self.spaced else False

    def continues(self, bare: str, prev: _Para) -> bool:
        """Whether a line that opens no item carries on the paragraph before it."""
        if prev.heading or prev.style == "table" or _is_parenthetical(bare):
            return False
        if _signer_line(clean_cell(bare)):
            return False
        first = bare.lstrip('*_ “"')[:1]
        if first.islower() or first in ",;)”":
            return True
        if prev.last.endswith((".", ";", ":", "!", "?")):
            return False
        return first.isdigit() or not self.ended(prev)

    def accept(self, start: _Start, prev: _Para | None) -> bool:
        if start.style not in _SEQUENCE_STYLES and not start.style.startswith("multi"):
            return True
        ordinal = _ordinal(start)
        if prev is None or self.ended(prev):
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
        elif bare and (not rows or after_blank or _item_start(bare) or _section_like(bare)):
            break
        elif bare:
            rows[-1].text = f"{rows[-1].text} {bare}"
        after_blank = not bare
        index += 1
    return rows, index


def _section_like(text: str) -> bool:
    folded = fold(text)
    return folded.startswith(("noi nhan", "tren day", "phu luc"))


def _text_table(lines: list[tuple[int, str]], index: int) -> tuple[_Para, int] | None:
    """A numbered text table (at least two rows numbered from 1) as one paragraph."""
    head = _table_head(lines, index)
    if head is None:
        return None
    header, after = head
    rows, end = _table_rows(lines, _next_filled(lines, after))
    if len(rows) < 2:
        return None
    para = _Para(lines[index][0], "table", "", "", [header], rows=rows, header=header)
    return para, end


def _split_timing(text: str) -> tuple[str, str]:
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


# --------------------------------------------------------------------------- sections

_PURPOSE = ("muc dich", "yeu cau", "muc tieu")
_FUNDING = ("kinh phi",)
_BACKGROUND = ("ket qua", "danh gia", "tinh hinh", "thuc trang", "can cu", "co so")
_TASKS = (
    "noi dung", "nhiem vu", "giai phap", "to chuc thuc hien", "trach nhiem", "phan cong",
    "hoat dong", "lo trinh", "tien do", "chuong trinh",
)  # fmt: skip
_APPENDIX = re.compile(r"^phu luc\b(?:\s+(?:so\s+)?[ivxl\d]+\b)?\s*[:.\-–]?\s*")


def _role(title: str) -> str:
    """What a top-level section holds, from its title."""
    folded = fold(title)
    if _APPENDIX.match(folded):
        return "appendix"
    for role, words in (("purpose", _PURPOSE), ("funding", _FUNDING), ("background", _BACKGROUND)):
        if folded.startswith(words):
            return role
    if any(word in folded for word in _TASKS):
        return "tasks"
    return "unknown"


def _top_level(para: _Para, in_appendix: bool) -> str:
    """The role of the section ``para`` opens, or "" when it opens none."""
    text = para.text
    if para.style == "none":
        folded = fold(text)
        if _is_upper(text) and _APPENDIX.match(folded):
            return "appendix"
        return ""
    if para.style == "roman" and not (in_appendix and not _is_upper(text)):
        return _role(text)
    if para.style in ("num", "letter") or para.style.startswith("multi"):
        role = _role(text) if _is_upper(text) else ""
        return role if role not in ("unknown", "") else ""
    return ""


def _cut_prefix(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` without the prefix ``pattern`` matches in its folded form (folding keeps
    one character per character of NFC Vietnamese, so the offsets agree)."""
    folded = fold(text)
    match = pattern.match(folded)
    if match is None or len(folded) != len(text):
        return text
    return text[match.end() :].strip()


# --------------------------------------------------------------------------- fields

_FIELDS = {
    "lead_any": (
        "co quan thuc hien", "don vi thuc hien", "bo phan thuc hien", "nguoi thuc hien",
        "co quan, don vi thuc hien", "trach nhiem thuc hien",
    ),
    "lead": (
        "co quan chu tri", "don vi chu tri", "chu tri", "co quan chu tri thuc hien",
        "don vi chu tri thuc hien", "bo phan chu tri",
    ),
    "coordinating": (
        "co quan phoi hop", "don vi phoi hop", "phoi hop", "co quan phoi hop thuc hien",
        "don vi phoi hop thuc hien", "bo phan phoi hop",
    ),
    "output": (
        "san pham", "du kien ket qua", "ket qua", "ket qua thuc hien", "san pham dau ra",
        "ket qua du kien", "hinh thuc san pham",
    ),
    "timing": (
        "thoi gian thuc hien", "thoi gian hoan thanh", "thoi gian", "thoi han",
        "thoi han hoan thanh", "tien do", "tien do thuc hien",
    ),
    "note": ("ghi chu",),
}  # fmt: skip
_FIELD_NAMES = {name: role for role, names in _FIELDS.items() for name in names}


def _field(para: _Para) -> tuple[str, str] | None:
    """An implementation field ("Cơ quan chủ trì: …") as (role, value without its label)."""
    if para.style not in _BULLETISH:
        return None
    text = para.text
    name, colon, value = text.partition(":")
    if not colon:
        return None
    role = _FIELD_NAMES.get(" ".join(fold(name).split()))
    return (role, value.strip()) if role else None


# --------------------------------------------------------------------------- units

_UNIT_WORDS = (
    "cong chuc", "can bo", "van phong", "phong", "bo phan", "cac bo phan", "cac phong",
    "cac co quan", "co quan", "trung tam", "ubnd", "uy ban", "dai truyen thanh", "dai",
    "cong an", "quan su", "ban", "hoi", "doan thanh nien", "mat tran", "ubmttq", "lanh dao",
    "chu tich", "pho chu tich", "hop dong", "thu truong", "cac nganh", "nganh", "truong",
    "to", "dang uy", "hdnd", "thuong truc", "chi cuc", "so", "cac don vi", "don vi",
    "nguoi dung dau", "buu dien", "tram y te", "cac to chuc", "thanh vien", "cac thanh vien",
    "cac ban", "cac hoi", "cac doan the", "doan the", "cac cong chuc", "cac can bo",
)  # fmt: skip
_NOT_UNITS = (
    "ban hanh", "to chuc", "hoi nghi", "hoi thao", "phong chong", "phong, chong",
    "phong ngua", "truong hop", "so hoa", "so lieu", "so luong", "dai dien", "to trinh",
    "don vi tinh", "hop dong lao dong", "truong hoc", "so ket", "so tay", "dai hoi", "dai hoc",
    "ban giao", "ban cam ket", "to cao", "phong chay", "phong van", "hoi dap",
)  # fmt: skip
_RESPONSIBILITY = re.compile(r"^trach nhiem (cua|thuoc)\s+")


def _names_unit(text: str) -> bool:
    folded = " ".join(fold(text).split())
    if folded.startswith(_NOT_UNITS):
        return False
    return any(folded == word or folded.startswith(word + " ") for word in _UNIT_WORDS)


def _heading_unit(heading: str) -> str:
    """The unit a heading names ("1. Công chức Văn phòng Đảng ủy - Nội vụ", "a) Trách
    nhiệm của lãnh đạo UBND xã"), or ""."""
    text = _cut_prefix(heading.rstrip(" :."), _RESPONSIBILITY)
    if len(text.split()) > 14 or re.search(r"[.;!?]\s", text) or not _names_unit(text):
        return ""
    return text


def _prefix_unit(text: str) -> str:
    """The unit before a colon ("Trung tâm Phục vụ hành chính công: Chủ trì, …"), or ""."""
    name, colon, rest = text.partition(":")
    return _heading_unit(name) if colon and rest.strip() else ""


def _leaves(node: RawTask) -> list[RawTask]:
    return [task for task, _ in node.walk() if not task.children and task is not node]


def _assign_units(node: RawTask) -> None:
    """Duties listed per unit: a heading naming a unit over one paragraph is that unit's
    task; over bullets or paragraphs, each of them is (inner headings first)."""
    for child in node.children:
        _assign_units(child)
    if node.lead or not node.label:
        return
    unit = _prefix_unit(node.content) or (_heading_unit(node.content) if node.children else "")
    if not unit:
        return
    kids = node.children
    if len(kids) == 1 and kids[0].label == "" and not kids[0].children and unit == node.content:
        node.content, node.details, node.children = kids[0].content, kids[0].details, []
        node.note = node.note or kids[0].note
    if not node.children:
        node.lead = unit
    for leaf in _leaves(node):
        leaf.lead = leaf.lead or unit


# "Giao Công chức Văn phòng – Thống kê tham mưu, theo dõi và tổ chức thực hiện Kế hoạch này".
_GIAO = re.compile(
    r"\bgiao\s+(?:cho\s+)?(?P<unit>.+?)\s+(?=(?:tham mưu|theo dõi|đôn đốc|chủ trì|phối hợp|"
    r"tổ chức|thực hiện|triển khai|kiểm tra|hướng dẫn|làm đầu mối|là đầu mối|là cơ quan|"
    r"có trách nhiệm|chịu trách nhiệm)\b)",
    re.IGNORECASE,
)
_CHARGE = re.compile(r"\b(theo doi|don doc|chu tri|huong dan|tham muu)\b")
_THIS_PLAN = re.compile(r"\bthuc hien ke hoach nay\b")


def _charged_unit(text: str, lead: str) -> str:
    """The unit a sentence charges with the whole plan, or ""."""
    folded = fold(text)
    match = _GIAO.search(text)
    if match and _names_unit(match.group("unit")) and "ke hoach" in folded[match.end() :]:
        return match.group("unit").strip(" ,")
    if lead and _THIS_PLAN.search(folded) and _CHARGE.search(folded):
        return lead
    return ""


# --------------------------------------------------------------------------- the reader


@dataclass
class _Open:
    """An item still open for children, with how it was numbered."""

    node: RawTask
    style: str
    marker: str
    colon: bool = False


@dataclass
class _Fields:
    """An item that carries implementation fields, and the field waiting for its lines."""

    owner: RawTask
    pending: str = ""


_NAME = re.compile(r"^([^\W\d_][^\W\d_]*\s){1,5}[^\W\d_]+$")
_DECISION = re.compile(r"^quyet dinh\s*:$")
_RECIPIENT_NOTE = re.compile(r"^(?P<name>.*?[;,.])\s+(?P<note>Để\s+\S.*)$")


def _closing(para: _Para) -> bool:
    text = para.text
    return para.style == "none" and (fold(text).startswith("tren day") or text.endswith("/."))


def _recipient(para: _Para) -> str:
    """A recipient line; a group note after a wide gap ("Để báo cáo") follows a dash."""
    pieces = [p for p in re.split(r"\s{3,}", " ".join(para.parts)) if p.strip()]
    text = clean_cell(pieces[0]) if pieces else para.text
    note = " ".join(clean_cell(p) for p in pieces[1:])
    match = _RECIPIENT_NOTE.match(text)
    if not note and match:
        text, note = match.group("name"), match.group("note")
    return f"{text} — {note}" if note else text


def _join(old: str, new: str) -> str:
    return f"{old} {new}".strip() if old else new


class _Reader:
    """Reads paragraphs in order into the plan: head, sections, closing and signature."""

    def __init__(self, source: str) -> None:
        self.plan = RawPlan(source=source)
        self.mode = "head"
        self.role = ""
        self.texts: dict[str, list[str]] = {}
        self.sections_seen = False
        self.stack: list[_Open] = []
        self.fields: _Fields | None = None
        self.markers: dict[int, str] = {}
        self.title_open = False
        self.closing: list[str] = []
        self.recipients: list[str] = []
        self.decision: list[str] = []
        self.signer: dict[str, str] = {}

    # ----------------------------------------------------------------- dispatch

    def feed(self, para: _Para) -> None:
        if para.style == "table":
            self.table(para)
            return
        role = _top_level(para, self.in_appendix())
        if role:
            self.open_section(para, role)
        elif fold(para.text).startswith("noi nhan"):
            self.mode = "recipients"
        elif self.mode in ("tasks", "text") and para.style == "none" and _signer_line(para.text):
            self.mode = "tail"
            self.signature(para)
        elif self.mode in ("tasks", "text") and _closing(para):
            self.mode = "tail"
            self.closing.append(para.text)
        elif self.mode == "tasks":
            self.item(para)
        elif self.mode == "text":
            self.texts[self.role].append(para.as_line())
        elif self.mode in ("tail", "recipients"):
            self.tail(para)
        else:
            self.head(para)

    def in_appendix(self) -> bool:
        return bool(self.stack) and self.stack[0].node.label == "PL"

    def head(self, para: _Para) -> None:
        """A paragraph before the first section, or in the articles of a decision."""
        if self.mode == "decision":
            self.decision.append(para.as_line())
            return
        if _DECISION.match(fold(para.text)):
            self.mode = "decision"
        self.plan.header_lines.append(para.as_line())

    def tail(self, para: _Para) -> None:
        """After the closing: more closing words, the recipients, the signer."""
        if self.signature(para):
            return
        if self.mode == "recipients" and para.style == "bullet":
            self.recipients.append(_recipient(para))
        elif (
            self.mode == "tail"
            and not (self.recipients or self.signer)
            and para.style == "none"
            and not _is_upper(para.text)
        ):
            self.closing.append(para.text)
        elif not self.sections_seen:
            self.plan.header_lines.append(para.as_line())
        else:
            self.plan.details.setdefault("other", []).append(para.as_line())

    def signature(self, para: _Para) -> bool:
        """The signer block: "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", then the name."""
        text = para.text
        if para.style != "none":
            return False
        role = _signer_line(text)
        if role:
            self.signer[role] = text
            return True
        if self.signer and "name" not in self.signer and _NAME.match(text) and text.istitle():
            self.signer["name"] = text
            return True
        return False

    # ----------------------------------------------------------------- sections

    def open_section(self, para: _Para, role: str) -> None:
        self.sections_seen = True
        self.fields = None
        if role in ("purpose", "funding", "background"):
            self.mode, self.role = "text", role
            self.texts.setdefault(role, [])
            self.stack = []
            return
        appendix = role == "appendix"
        content = _cut_prefix(para.text, _APPENDIX) if appendix else para.text
        node = RawTask(
            label="PL" if appendix else para.label,
            content=content,
            kind="section",
            where=f"dòng {para.line}",
        )
        self.plan.tasks.append(node)
        self.stack = [_Open(node, "top", "")]
        self.mode, self.title_open = "tasks", appendix
        if role == "unknown":
            self.plan.review.append(
                ReviewItem(
                    where=node.where,
                    field="section",
                    text=para.text,
                    reason="Không rõ mục này là phần nhiệm vụ hay phần mô tả; đã đọc như phần nhiệm vụ.",
                )
            )

    # ----------------------------------------------------------------- items

    def item(self, para: _Para) -> None:
        if self.title_open and para.style == "none":
            self.appendix_title(para)
            return
        self.title_open = False
        found = _field(para)
        if found is not None:
            self.apply_field(para, *found)
        elif self.fields is not None and para.style in _BULLETISH and not self.ends_fields(para):
            self.after_fields(para)
        elif para.style == "none" and _is_parenthetical(para.text):
            self.note(para.text)
        else:
            self.fields = None
            self.place(para)

    def appendix_title(self, para: _Para) -> None:
        node = self.stack[0].node
        if _is_parenthetical(para.text):
            node.details.append(para.text)
        else:
            node.content = _join(node.content, para.text)

    def place(self, para: _Para) -> None:
        node = RawTask(label=para.label, content=para.text, where=f"dòng {para.line}")
        self.markers[id(node)] = para.marker
        if para.style in _BULLETISH:
            parent = self.bullet_parent(para.marker)
        else:
            parent = self.numbered_parent(para.style)
        parent.children.append(node)
        self.stack.append(_Open(node, para.style, para.marker, para.text.endswith(":")))

    def numbered_parent(self, style: str) -> RawTask:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].style == style:
                del self.stack[index:]
                return self.stack[-1].node
        while len(self.stack) > 1 and self.stack[-1].style in _BULLETISH:
            self.stack.pop()
        return self.stack[-1].node

    def bullet_parent(self, marker: str) -> RawTask:
        """Bullets are siblings whatever their mark, unless the one before ends with ":"
        and leads them in (Lê Lợi "- … nhiệm vụ về:" then "+ …")."""
        top = self.stack[-1]
        if top.style not in _BULLETISH:
            return top.node
        if top.marker != marker and top.colon and top.style == "bullet":
            return top.node
        index = len(self.stack) - 1
        while index > 0 and self.stack[index].style in _BULLETISH:
            if self.stack[index].marker == marker:
                del self.stack[index:]
                return self.stack[-1].node
            index -= 1
        self.stack.pop()
        return self.stack[-1].node

    def note(self, text: str) -> None:
        """A parenthetical line: the note of the item it closes, or of the list it ends."""
        target = self.stack[-1].node
        if len(self.stack) > 1 and not target.children and not target.lead:
            parent = self.stack[-2].node
            if len(parent.children) > 1:
                target = parent
        target.note = _join(target.note, text)
        if "phu luc" in fold(text):
            # The items only name what the appendix details: headings, not tasks.
            for child in target.children:
                if not child.children:
                    child.kind = "section"

    # ----------------------------------------------------------------- fields

    def apply_field(self, para: _Para, role: str, value: str) -> None:
        if self.fields is None:
            self.fields = _Fields(self.field_owner(para.marker))
        owner = self.fields.owner
        if role == "lead_any":
            role = "lead"
            if owner.lead:
                self.fields.pending = ""
                return
        if role == "lead":
            owner.lead = value
        else:
            setattr(owner, role, _join(getattr(owner, role), value))
        self.fields.pending = "" if value else role

    def field_owner(self, marker: str) -> RawTask:
        """The item the fields describe: the nearest open item their mark sits under ("+"
        fields under a "-" bullet, "-" fields under "a)"). Its bullets so far become its
        details."""
        rank = _BULLET_RANK.get(marker, 1)
        top = len(self.stack) - 1
        while (
            top > 0
            and self.stack[top].style in _BULLETISH
            and _BULLET_RANK.get(self.stack[top].marker, 1) >= rank
        ):
            top -= 1
        owner = self.stack[top].node
        del self.stack[top + 1 :]
        owner.details.extend(
            f"{self.markers.get(id(task), '')} {task.content}".strip()
            for task, _ in owner.walk()
            if task is not owner
        )
        owner.children = []
        return owner

    def ends_fields(self, para: _Para) -> bool:
        """Whether a bullet is the next sibling of a bullet that carried fields."""
        owner = self.stack[-1]
        return owner.style in _BULLETISH and _BULLET_RANK.get(para.marker, 1) <= _BULLET_RANK.get(
            owner.marker, 1
        )

    def after_fields(self, para: _Para) -> None:
        assert self.fields is not None
        owner = self.fields.owner
        if para.style == "none" and _is_parenthetical(para.text):
            owner.note = _join(owner.note, para.text)
        elif self.fields.pending:
            name = self.fields.pending
            setattr(owner, name, _join(getattr(owner, name), para.as_line()))
        else:
            owner.details.append(para.as_line())

    # ----------------------------------------------------------------- tables

    def table(self, para: _Para) -> None:
        """A text table: its rows are tasks under the open item, the timing split off each
        row when the header has a timing column."""
        if self.mode != "tasks":
            lines = [para.header] + [f"{row.label} {row.text}" for row in para.rows]
            for line in lines:
                self.feed(_Para(para.line, "none", "", "", [line]))
            return
        self.title_open = False
        self.fields = None
        while len(self.stack) > 1 and self.stack[-1].style in _BULLETISH:
            self.stack.pop()
        parent = self.stack[-1].node
        timed = any(word in fold(para.header) for word in ("thoi gian", "thoi han", "tien do"))
        for row in para.rows:
            content, timing = _split_timing(clean_cell(row.text)) if timed else (row.text, "")
            parent.children.append(
                RawTask(
                    label=row.label,
                    content=clean_cell(content),
                    timing=timing,
                    where=f"dòng {row.line}",
                )
            )

    # ----------------------------------------------------------------- the end

    def finish(self) -> RawPlan:
        plan = self.plan
        for role, lines in self.texts.items():
            if lines:
                plan.details[role] = "\n".join(lines)
        for name, value in (
            ("closing", "\n".join(self.closing)),
            ("recipients", self.recipients),
            ("signer", self.signer),
            ("decision", "\n".join(self.decision)),
        ):
            if value:
                plan.details[name] = value
        for task in plan.tasks:
            _assign_units(task)
        plan.default_lead = self.default_lead()
        return plan

    def default_lead(self) -> str:
        for task, _ in self.plan.walk():
            unit = _charged_unit(task.content, task.lead)
            if unit:
                return unit
        for line in self.decision:
            unit = _charged_unit(line, "")
            if unit:
                return unit
        return ""


def parse_prose(lines: list[str], *, source: str) -> RawPlan:
    """A prose plan's lines (text as extracted, or a Word document's paragraphs) as a raw plan.

    ``source`` names the document in messages. A line holding line breaks is read as that
    many lines sharing its number (a Word paragraph with soft breaks).
    """
    numbered = [
        (number, piece.rstrip("\r"))
        for number, line in enumerate(lines, start=1)
        for piece in line.split("\n")
    ]
    reader = _Reader(source)
    for para in _Paragraphs(numbered).run():
        reader.feed(para)
    return reader.finish()
