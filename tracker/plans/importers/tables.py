"""Plans laid out as tables (Word, Excel, tab-separated text): rows of cells into a task tree.

:func:`find_columns` recognises a header row by its Vietnamese titles; :func:`rows_to_tasks`
turns one table's rows into sections and tasks, joining the rows a page break split.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tracker.plans.importers.base import DocumentError, RawTask, clean_cell
from tracker.vn import fold

__all__ = [
    "COLUMN_NAMES",
    "PART_LETTERS",
    "UNPLACED",
    "MergedText",
    "column_role",
    "content_and_details",
    "continuation_remark",
    "duplicate_label_remark",
    "find_columns",
    "header_key",
    "is_part",
    "is_roman",
    "rows_to_tasks",
    "split_label",
]

# How a remark names each column ("Ô nội dung bị ngắt trang …").
COLUMN_NAMES = {
    "label": "số thứ tự",
    "alt_label": "số thứ tự",
    "content": "nội dung",
    "timing": "thời gian",
    "lead": "chủ trì",
    "coordinating": "phối hợp",
    "output": "kết quả",
    "note": "ghi chú",
    "timing_start": "thời gian bắt đầu",
}
_TEXT_ROLES = ("content", "timing", "lead", "coordinating", "output", "note")

# Header titles, folded (no diacritics, lower case, punctuation as spaces), matched whole.
# Each is a head naming the column, then words that qualify it ("Thời gian thực hiện (dự
# kiến)", "Cơ quan chủ trì soạn thảo"); "các"/"những" may lead. A title of two parts
# ("Thời hạn hoàn thành/Tiến độ", "Tên nhiệm vụ/đề án") names a role when each part does.
_WHO = (
    r"((don vi|co quan|bo phan|nguoi|can bo|cong chuc|ca nhan|to chuc|lanh dao|chuyen mon) ){0,3}"
)
_MANY = r"((cac|nhung) )?"
_ROLE_PATTERNS = {
    "number": r"(so )?(stt|tt|thu tu)( ?\d+)?",
    "content": _MANY
    + r"(noi dung|nhiem vu|cong viec|viec|linh vuc|hoat dong|de an|du an|chi tieu|giai phap"
    r"|(ten|danh muc)( (nhiem vu|cong viec|hoat dong|van ban|de an|du an|chuong trinh|ke hoach))?)"
    r"( (cong viec|nhiem vu|thuc hien|cong tac|chu yeu|cu the|giai phap|hoat dong|trien khai"
    r"|trong tam|can thuc hien|can lam|ke hoach|chuong trinh|de an|du an))*",
    "timing": r"((du kien )?(thoi gian|thoi han|han|tien do|lo trinh|thoi diem|moc thoi gian|nam)"
    r"( (thuc hien|hoan thanh|bat dau|ket thuc|du kien|to chuc|trinh|ban hanh|nop|bao cao"
    r"|trien khai|gui|tien do|cap co tham quyen|ngay thang nam|thang nam))*)"
    r"(?<!^nam)",
    "lead": _MANY + rf"{_WHO}(chu tri|thuc hien|phu trach|tham muu|chiu trach nhiem|dau moi)"
    r"( (thuc hien|tham muu|chinh|chu tri|soan thao|xay dung|trien khai))*"
    r"|trach nhiem( thuc hien)?"
    r"|phan cong( (thuc hien|nhiem vu|trach nhiem))?"
    r"|(don vi|co quan) trinh",
    "coordinating": _MANY
    + rf"{_WHO}(phoi hop|tham gia( phoi hop)?)( (thuc hien|chinh|trien khai))?",
    "output": r"(du kien )?(ket qua|san pham)( (thuc hien|du kien|dau ra|can dat|dat duoc"
    r"|chu yeu|hoan thanh|cuoi cung))?"
    r"|ket qua san pham|san pham ket qua|hinh thuc (van ban|san pham)( san pham)?",
    "note": r"ghi chu( khac)?",
}
_ROLE_RES = {role: re.compile(pattern) for role, pattern in _ROLE_PATTERNS.items()}
# Titles only found in a second header row, under a merged "Thời gian": the start and the
# end of the timing in columns of their own.
_SUB_ROLE_RES = {
    "timing_start": re.compile(r"(thoi gian |ngay )?(bat dau|khoi cong|tu ngay|tu)"),
    "timing": re.compile(r"(thoi gian |ngay )?(ket thuc|hoan thanh|den ngay|den)"),
}

# A column per period, marked "x" in the rows done then ("Quý I" … "Quý IV", "Tháng 1" …
# "T12", "6 tháng đầu năm"), its title folded: the period as a timing says it.
_QUARTERS = {"i": "I", "ii": "II", "iii": "III", "iv": "IV", "1": "I", "2": "II", "3": "III",
             "4": "IV"}  # fmt: skip
_YEAR_AFTER = r"(?: (?:nam )?\d{4})?"
_PERIOD_QUARTER = re.compile(rf"(?:quy|q) ?(iv|i{{1,3}}|[1-4]){_YEAR_AFTER}")
_PERIOD_MONTH = re.compile(rf"(?:thang|t) ?(\d{{1,2}}){_YEAR_AFTER}")
_PERIOD_HALF = re.compile(rf"6 thang (dau|cuoi)(?: nam)?{_YEAR_AFTER}")
# What marks a period's cell: "x", a tick, a dot.
_MARKS = {"x", "v", "+", "*", "•", "●", "■", "✓", "✔", "☑", "√", "có"}
_PERIOD_KEY = "period:"


def period_title(cell: str) -> str:
    """The period a column title names ("Quý II", "Tháng 3", "6 tháng đầu năm"), or ""."""
    key = header_key(cell)
    if found := _PERIOD_QUARTER.fullmatch(key):
        return f"Quý {_QUARTERS[found.group(1)]}"
    if (found := _PERIOD_MONTH.fullmatch(key)) and 1 <= int(found.group(1)) <= 12:
        return f"Tháng {int(found.group(1))}"
    if found := _PERIOD_HALF.fullmatch(key):
        return f"6 tháng {'đầu' if found.group(1) == 'dau' else 'cuối'} năm"
    return ""


def _periods(row: Sequence[str]) -> dict[str, int]:
    """The period columns of a header row, when it has two or more."""
    found = {f"{_PERIOD_KEY}{title}": i for i, c in enumerate(row) if (title := period_title(c))}
    return found if len(found) >= 2 else {}


def _month_numbers(row: Sequence[str], columns: Mapping[str, int]) -> dict[str, int]:
    """Under a header's timing title merged across columns, the months as bare numbers
    ("1" … "12"), starting at the timing column: never the row of the columns' numbers,
    which numbers the first columns too."""
    start = columns.get("timing")
    filled = [(i, clean_cell(c)) for i, c in enumerate(row) if clean_cell(c)]
    if start is None or len(filled) < 2 or filled[0][0] != start:
        return {}
    numbers = [int(text) if text.isdigit() else 0 for _, text in filled]
    if numbers != list(range(1, len(numbers) + 1)) or len(numbers) > 12:
        return {}
    return {f"{_PERIOD_KEY}Tháng {n}": i for n, (i, _) in zip(numbers, filled, strict=True)}


def period_timing(columns: Mapping[str, int], cells: Sequence[str]) -> tuple[str, list[str]]:
    """A row's timing from its marked period columns ("Quý II, Quý IV"; every month marked:
    "Hằng tháng"), and the titles of the columns read; ("", []) when none is marked. A
    period cell holding words of its own ("15/3") gives those words."""
    periods = sorted(
        ((i, key[len(_PERIOD_KEY) :]) for key, i in columns.items() if key.startswith(_PERIOD_KEY)),
    )
    parts: list[str] = []
    read: list[str] = []
    for index, title in periods:
        text = clean_cell(cells[index]) if index < len(cells) else ""
        if not text:
            continue
        read.append(title)
        parts.append(title if text.lower() in _MARKS or text.isdigit() else text)
    if len(read) == 12 and parts == read and all(t.startswith("Tháng") for t in read):
        return "Hằng tháng", read
    return ", ".join(_unique(parts)), read


_ROMAN = re.compile(r"(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_LEAD = re.compile(r"([IVXL]+)[.)]?(?:\s+(.*))?", re.DOTALL)
_NUMBER = re.compile(r"(\d+(?:\.\d+)*|[a-zđ]|[-+•*])[.)]?")
_NUMBER_LEAD = re.compile(r"(\d+(?:\.\d+)*)[.)]?\s+(\S.*)", re.DOTALL)
# A paragraph that opens a sub-item: "1.", "a)", "-", "+", "•".
_ENUMERATED = re.compile(r"(\d+[.)]|[a-zđ][.)]|[-+•*])\s")
_TOTAL = re.compile(r"(tong cong|tong so|tong|cong|cong tong|tong kinh phi|tong cong kinh phi)")
_BULLET_ROW = re.compile(r"([-+•*])\s+(\S.*)", re.DOTALL)
_BOLD = re.compile(r"\s*<b>.*</b>\s*", re.IGNORECASE | re.DOTALL)
_PARAGRAPH_TAG = re.compile(r"</?p\b[^>]*>", re.IGNORECASE)


# The kind of a row no task can be made of: the builder takes it out of the tree and makes
# it a review item naming the row, so no row is dropped unsaid.
UNPLACED = "unplaced"


class MergedText(str):
    """A cell covered by a vertically merged cell above it: empty as text, with the merged
    cell's ``text`` at hand. Readers put these in rows so each text is taken once."""

    text: str

    def __new__(cls, text: str) -> MergedText:
        cell = super().__new__(cls, "")
        cell.text = text
        return cell


def header_key(cell: str) -> str:
    """A header cell as compared: folded, punctuation as spaces, spaces single."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(clean_cell(cell))).split())


# No column title is this long: a longer cell is a row's content, never compared.
_LONGEST_TITLE = 160


def column_role(cell: str) -> str | None:
    """The role a column title (or a field name) names, or None. Every row of a table is
    asked (a header may repeat after a page break), so what cannot be a title is let go
    first: a long cell, and the asides' and parts' readings where there are none."""
    if len(cell) > _LONGEST_TITLE:
        return None
    key = header_key(cell)
    if not key:
        return None
    role = _whole_role(key)
    if role is not None:
        return role
    # An aside in brackets ("(ngày/tháng/năm)", "(dự kiến)") qualifies the title.
    text = clean_cell(cell)
    if "(" in text:
        text = _ASIDE.sub(" ", text)
        role = _whole_role(header_key(text))
        if role is not None:
            return role
    pieces = _TITLE_PARTS.split(text)
    parts = [part for part in map(header_key, pieces) if part]
    roles = {_whole_role(part) for part in parts}
    if len(parts) >= 2 and len(roles) == 1:
        return roles.pop()
    return "content" if _OTHER_CONTENT.fullmatch(key) and not _OTHER_ROLE.search(key) else None


# "Nội dung kiểm tra", "Nội dung tuyên truyền", "Tên hoạt động chính": a content head with
# words of the plan's own subject, none naming another column.
_OTHER_CONTENT = re.compile(
    r"((cac|nhung) )?(noi dung|nhiem vu|cong viec|hoat dong"
    r"|ten (nhiem vu|cong viec|hoat dong))( [a-z]+){1,4}"
)
_OTHER_ROLE = re.compile(
    r"\b(chu tri|phoi hop|thoi gian|thoi han|tien do|ket qua|san pham|ghi chu|don vi|co quan"
    r"|kinh phi|nguon|phu trach|thuc hien|trach nhiem)\b"
)


def _whole_role(key: str) -> str | None:
    return next((role for role, rx in _ROLE_RES.items() if rx.fullmatch(key)), None)


_ASIDE = re.compile(r"\([^()]*\)")
_TITLE_PARTS = re.compile(r"[/,;&]|\s(?:và|hoặc)\s", re.IGNORECASE)


# Where a table has two columns that could name the lead ("Lãnh đạo phụ trách" and "Đơn vị
# chủ trì"), the one that says "chủ trì" is it, then "thực hiện".
_LEAD_RANK = ("chu tri", "thuc hien")


def _lead_rank(cell: str) -> int:
    key = header_key(cell)
    return next((i for i, words in enumerate(_LEAD_RANK) if words in key), len(_LEAD_RANK))


def _roles(row: Sequence[str]) -> tuple[dict[str, int], list[int]]:
    roles: dict[str, int] = {}
    numbers: list[int] = []
    for index, cell in enumerate(row):
        role = column_role(cell)
        if role == "number":
            numbers.append(index)
        elif role == "lead" and "lead" in roles:
            if _lead_rank(cell) < _lead_rank(row[roles["lead"]]):
                roles["lead"] = index
        elif role is not None:
            roles.setdefault(role, index)
    return roles, numbers


def find_columns(row: list[str]) -> dict[str, int] | None:
    """When ``row`` is a header row, the index of each column by its role ("label",
    "alt_label", "content", "timing", "lead", "coordinating", "output", "note"); else None."""
    roles, numbers = _roles(row)
    if "content" not in roles or (not numbers and len(roles) < 3):
        return None
    # Two numbering columns (Kiến An's "Stt", "Stt2"): the first is the running count,
    # the second the number within its group, which is the label.
    if len(numbers) >= 2:
        roles["alt_label"], roles["label"] = numbers[0], numbers[1]
    elif numbers:
        roles["label"] = numbers[0]
    else:
        # A numbering column left without a title: the first untitled column before the
        # content holds the rows' numbers.
        untitled = [i for i in range(roles["content"]) if not clean_cell(row[i])]
        if untitled:
            roles["label"] = untitled[0]
    _start_and_end(row, roles)
    periods = _periods(row)
    if periods:
        roles.update(periods)
        if roles.get("timing") in periods.values():
            del roles["timing"]
    # Every other titled column ("Kinh phí", "Địa điểm", a second "Thời gian thực hiện"
    # beside "Thời hạn hoàn thành"): its words go to the note under its title, never lost.
    used = set(roles.values()) | set(numbers)
    for index, cell in enumerate(row):
        title = clean_cell(cell)
        if index not in used and title and len(title) <= _LONGEST_TITLE:
            roles.setdefault(f"{_OTHER_KEY}{title}", index)
    return roles


_OTHER_KEY = "other:"


# Start and end in one header row: "Thời gian bắt đầu" | "Thời gian hoàn thành", "Ngày bắt
# đầu" | "Ngày kết thúc", "Từ ngày" | "Đến ngày", "Bắt đầu" | "Hoàn thành".
_WHEN = r"(thoi gian |ngay |thoi diem |thoi han |han |du kien )*"
_START_TITLE = re.compile(rf"{_WHEN}(bat dau|khoi cong|tu ngay)( thuc hien| du kien)?")
_END_TITLE = re.compile(rf"{_WHEN}(ket thuc|hoan thanh|den ngay|xong)( thuc hien| du kien)?")


def _start_and_end(row: Sequence[str], roles: dict[str, int]) -> None:
    """A header naming the start in one column and the end in another: the end is the
    timing (the deadline), the start kept as "timing_start". Never the start as the
    deadline because its title was the first to say "Thời gian"."""
    keys = [_ASIDE.sub(" ", clean_cell(cell)) for cell in row]
    start = next((i for i, k in enumerate(keys) if _START_TITLE.fullmatch(header_key(k))), None)
    if start is None:
        return
    end = next((i for i, k in enumerate(keys) if _END_TITLE.fullmatch(header_key(k))), None)
    roles["timing_start"] = start
    if end is not None:
        roles["timing"] = end
    elif roles.get("timing") == start:
        del roles["timing"]


_COLUMN_NUMBER = re.compile(r"\(?(\d{1,2}|[A-Z])\)?")


def _column_numbers(row: Sequence[str]) -> bool:
    """A row of the columns' own numbers under a header: "1", "2", "3" … or "(1)" … or
    "A", "B", "1" …, at least three, the numbers rising."""
    filled = [clean_cell(cell) for cell in row if clean_cell(cell)]
    marks = [_COLUMN_NUMBER.fullmatch(cell) for cell in filled]
    if len(filled) < 3 or not all(marks):
        return False
    numbers = [int(m.group(1)) for m in marks if m and m.group(1).isdigit()]
    return len(numbers) >= 2 and numbers == sorted(set(numbers))


def _sub_header(row: Sequence[str], columns: Mapping[str, int] | None) -> dict[str, int] | None:
    """A second header row under merged titles ("Đơn vị thực hiện" over "Chủ trì",
    "Phối hợp"; "Thời gian" over "Bắt đầu", "Kết thúc"; "Thời gian" over "Quý I" … "Quý
    IV" or "1" … "12"): every filled cell a column title."""
    filled = [i for i, cell in enumerate(row) if clean_cell(cell)]
    periods = _periods(row) or _month_numbers(row, columns or {})
    if periods:
        row = ["" if i in periods.values() else cell for i, cell in enumerate(row)]
    roles, numbers = _roles(row)
    roles.update(periods)
    for index in filled:
        key = header_key(row[index])
        for role, pattern in _SUB_ROLE_RES.items():
            if index not in roles.values() and pattern.fullmatch(key):
                roles[role] = index
    if not roles or numbers or len(set(roles.values())) != len(filled):
        return None
    return roles


def is_roman(text: str) -> bool:
    """Whether ``text`` is a Roman numeral from I to LXXXIX (section numbers)."""
    return bool(text) and _ROMAN.fullmatch(text) is not None


# A part above the Roman sections: "A. CẢI CÁCH THỂ CHẾ", "B", "Đ." (letters that are no
# Roman numeral of ours; a lower-case letter is a sub-item, not a part).
PART_LETTERS = "A-HĐ"
_PART_LEAD = re.compile(rf"([{PART_LETTERS}])[.)]?(?:\s+(.*))?", re.DOTALL)


_RANKS = tuple(
    (rank, re.compile(pattern))
    for rank, pattern in (
        (1, r"\d+"),
        (2, r"\d+(\.\d+)+"),
        (3, r"[a-zđ]"),
        (4, r"[-•*]"),
        (5, r"\+"),
    )
)


def _rank(label: str) -> int | None:
    """How deep a row's number sits: 1 for "2", 2 for "2.1", 3 for "a", 4 for "-", 5 for
    "+"; None for a row without one."""
    return next((rank for rank, rx in _RANKS if label and rx.fullmatch(label)), None)


def is_part(task: RawTask) -> bool:
    """Whether ``task`` is a lettered part ("A", "B") that holds Roman sections."""
    return task.kind == "section" and _PART_LEAD.fullmatch(task.label) is not None


def split_label(text: str) -> tuple[str, str]:
    """A label cell as (label, text after it): "1." → ("1", ""); "II. Công tác …" →
    ("II", "Công tác …"); a cell that is no label → ("", text)."""
    text = text.strip()
    roman = _ROMAN_LEAD.fullmatch(text)
    if roman and is_roman(roman.group(1)) and _opens_text(roman.group(2)):
        return roman.group(1), (roman.group(2) or "").strip()
    if _NUMBER.fullmatch(text):
        return text.rstrip(".)") or text, ""
    number = _NUMBER_LEAD.fullmatch(text)
    if number and _opens_text(number.group(2)):
        return number.group(1), number.group(2).strip()
    return "", text


def _opens_text(rest: str | None) -> bool:
    # "II Đổi mới …" is a label and its text; "I quan …" is not a label at all.
    return not rest or not rest[0].isalpha() or rest[0].isupper()


def _paragraphs(raw: str) -> list[str]:
    parts = _PARAGRAPH_TAG.split(raw) if _PARAGRAPH_TAG.search(raw) else raw.split("\n")
    return [text for text in (clean_cell(part) for part in parts) if text]


def content_and_details(raw: str) -> tuple[str, list[str]]:
    """A content cell as (content, details): when its later paragraphs are numbered or
    bulleted sub-items ("1. Thuê trụ sở …"), they are the details, one a line."""
    paragraphs = _paragraphs(raw)
    if (
        len(paragraphs) >= 2
        and not _ENUMERATED.match(paragraphs[0])
        and all(_ENUMERATED.match(p) for p in paragraphs[1:])
    ):
        return paragraphs[0], paragraphs[1:]
    return clean_cell(raw), []


def _dedupe(cells: list[str], numbering: set[int]) -> list[str]:
    """A text reader repeats a merged cell in every column it spans: keep the first."""
    out = list(cells)
    for i in range(1, len(out)):
        if i in numbering or i - 1 in numbering:
            continue
        if out[i] and clean_cell(out[i]) == clean_cell(cells[i - 1]):
            out[i] = ""
    return out


def _unique(texts: list[str]) -> list[str]:
    seen: list[str] = []
    for text in texts:
        if text and text not in seen:
            seen.append(text)
    return seen


_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")


def continuation_remark(role: str, text: str, before: str, *, after_header: bool) -> str:
    """Our remark on a cell whose end was printed on the next page."""
    where = "in sau tiêu đề bảng lặp lại ở trang sau" if after_header else "in ở trang sau"
    piece = f'phần cuối "{text}"'
    if text.startswith("- "):
        count = len(re.findall(r"(?:^|\s)- ", before)) + 1
        if 2 <= count <= len(_ORDINALS):
            piece = f'gạch đầu dòng thứ {_ORDINALS[count - 1]} "{text}"'
    return f"Ô {COLUMN_NAMES[role]} bị ngắt trang: {piece} {where}."


def duplicate_label_remark(label: str, content: str) -> tuple[str, str]:
    """Content that repeats its own label ("IV IV. Tổ chức …"): the content without the
    repeat, and our remark; or the content unchanged and ""."""
    match = re.match(rf"{re.escape(label)}[.)]\s+(\S.*)", content)
    if not label or not match:
        return content, ""
    shown = " ".join([f"{label}.", *match.group(1).split()[:4]])
    remark = (
        f'Văn bản in "{label} {shown} …": số mục "{label}." được in lặp lại trong ô nội dung; '
        f'đã bỏ phần "{label}." lặp khỏi nội dung.'
    )
    return match.group(1), remark


def _add_remark(task: RawTask, remark: str) -> None:
    if remark and remark not in task.remark:
        task.remark = f"{task.remark} {remark}".strip()


@dataclass
class _Table:
    """The state of one table being read: its columns and where new rows go."""

    where: str
    columns: dict[str, int] | None
    roots: list[RawTask] = field(default_factory=list)
    part: RawTask | None = None
    section: RawTask | None = None
    section_is_roman: bool = False
    group: RawTask | None = None
    last: RawTask | None = None
    after_break: bool = False
    after_header: bool = False
    previous_was_header: bool = False
    # Words alone in the number cell after a blank row ("Biểu 2: Lĩnh vực văn hóa"): the
    # title of the table whose header follows, else the end of the row above.
    loose: tuple[str, str, int] | None = None

    def cell(self, cells: Sequence[str], role: str) -> str:
        assert self.columns is not None
        index = self.columns.get(role)
        return cells[index] if index is not None and index < len(cells) else ""

    def numbering(self) -> set[int]:
        assert self.columns is not None
        return {self.columns[r] for r in ("label", "alt_label") if r in self.columns}

    def container(self) -> list[RawTask]:
        node = self.group or self.section or self.part
        return node.children if node is not None else self.roots

    def add_part(self, node: RawTask) -> None:
        self.roots.append(node)
        self.part, self.section, self.section_is_roman, self.group = node, None, False, None
        self.last = node

    def add_section(self, node: RawTask, *, roman: bool) -> None:
        if roman or self.section is None or not self.section_is_roman:
            (self.part.children if self.part is not None else self.roots).append(node)
            self.section, self.section_is_roman, self.group = node, roman, None
        else:
            # A bold heading inside a Roman-numbered section groups the rows that follow.
            self.section.children.append(node)
            self.group = node
        self.last = node

    def add_task(self, node: RawTask) -> None:
        siblings = self.container()
        # "1.2" goes under the "1" just before it.
        # "1.1.1" goes under "1.1" also where no row "1" stands above it (a table that
        # numbers its groups "I", then "1.1"); not under a row with a timing of its own,
        # whose deadline a group could not keep (it stays beside it, as steps do).
        parts = node.label.split(".")
        for depth in range(1, len(parts)):
            prefix = ".".join(parts[:depth])
            parent = next((t for t in reversed(siblings) if t.label == prefix), None)
            if parent is not None and parent.timing:
                break
            if parent is not None:
                siblings = parent.children
        # "a", "b" go under the numbered row before them, "-" and "+" under the row of a
        # number or a letter before them: each under the last row of a higher rank, when
        # that row is a heading of steps (no timing of its own, which a group cannot keep).
        # A step without a lead takes the heading's.
        rank = _rank(node.label)
        while len(parts) == 1 and rank is not None and siblings:
            head = siblings[-1]
            above = _rank(head.label)
            if head.kind == "section" or above is None or above >= rank or head.timing:
                break
            if not node.lead and head.lead:
                node.lead = head.lead
                _add_remark(node, f'Chủ trì lấy theo mục trên: "{head.lead}".')
            siblings = head.children
        siblings.append(node)
        self.last = node


def rows_to_tasks(
    rows: list[list[str]], *, where: str, columns: Mapping[str, int] | None = None
) -> list[RawTask]:
    """One table's rows (each a list of cell texts) as tasks: header rows found and skipped
    (also when repeated after a page break), roman-numeral rows as sections, numbered rows
    as tasks under the current section, and rows with no number continuing the previous
    row's cells. ``where`` names the table in messages ("bảng 2"). ``columns`` serves a
    table that goes on without a header of its own (the previous table's columns)."""
    table = _Table(where, dict(columns) if columns is not None else None)
    for number, row in enumerate(rows, start=1):
        # Keep MergedText cells as they are: they are empty, but not nothing.
        _read_row(table, [cell if isinstance(cell, str) else "" for cell in row], number)
    if table.loose is not None:
        _place_loose(table, heading=False)
    if table.columns is None:
        raise DocumentError(
            f"{where}: không tìm thấy hàng tiêu đề (STT, Nội dung, Thời gian …) của bảng."
        )
    return table.roots


def _read_row(table: _Table, cells: list[str], number: int) -> None:
    header = find_columns(cells)
    if table.loose is not None and (header is not None or any(clean_cell(c) for c in cells)):
        _place_loose(table, heading=header is not None)
    if header is not None:
        table.columns = header
        table.after_break = table.after_header = table.previous_was_header = True
        return
    sub_header = _sub_header(cells, table.columns) if table.previous_was_header else None
    if table.previous_was_header and sub_header is None and _column_numbers(cells):
        return  # "1 2 3 4" or "(1) (2) (3)" under the header: the columns' numbers
    table.previous_was_header = False
    if table.columns is None:
        return
    if sub_header is not None:
        table.columns.update(sub_header)
        if table.columns.get("timing") in sub_header.values() and "timing" not in sub_header:
            del table.columns["timing"]  # the merged "Thời gian" over its periods
        table.previous_was_header = True
        return
    if not any(clean_cell(c) for c in cells):
        if not any(isinstance(c, MergedText) and c.text for c in cells):
            table.after_break, table.after_header = True, False
        return
    where = f"{table.where}, hàng {number}"
    periods = {i for key, i in (table.columns or {}).items() if key.startswith(_PERIOD_KEY)}
    cells = _dedupe(cells, table.numbering() | periods)
    if not _read_section(table, cells, where):
        _read_numbered(table, cells, where, number)
    table.after_break = table.after_header = False


def _read_section(table: _Table, cells: list[str], where: str) -> bool:
    """A section row: a Roman numeral in a numbering column, or a lone bold heading."""
    numbering = [table.cell(cells, r) for r in ("alt_label", "label")]
    others = [
        clean_cell(c) for i, c in enumerate(cells) if i not in table.numbering() and clean_cell(c)
    ]
    part = next((m for m in (_PART_LEAD.fullmatch(clean_cell(c)) for c in numbering) if m), None)
    if part and _opens_text(part.group(2)) and not clean_cell(table.cell(cells, "timing")):
        # "A | CẢI CÁCH THỂ CHẾ": a part, when no timing makes it a task.
        texts = [part.group(2) or ""] + [t for t in others if t != clean_cell(part.group(0))]
        title = " ".join(_unique(texts))
        table.add_part(RawTask(label=part.group(1), content=title, kind="section", where=where))
        return True
    filled = [c for c in cells if clean_cell(c)]
    texts = _unique([clean_cell(c) for c in filled])
    content = clean_cell(table.cell(cells, "content"))
    if len(texts) == 1 and texts[0] == content and not any(clean_cell(c) for c in numbering):
        # "I. CẢI CÁCH THỂ CHẾ" in the content cell, the number cell left empty.
        numbering = [content]
    for index, raw in enumerate(numbering):
        label, rest = split_label(_PART_WORD.sub("", clean_cell(raw)))
        if is_roman(label):
            # The title may sit in the other numbering column or further right; a merged
            # cell repeated by the reader ("II. Kiểm tra" twice) counts once.
            other = [clean_cell(c) for i, c in enumerate(numbering) if i != index]
            texts = [rest] + [t for t in other + others if t != clean_cell(raw)]
            content, remark = duplicate_label_remark(label, " ".join(_unique(texts)))
            node = RawTask(label=label, content=content, kind="section", where=where)
            _add_remark(node, remark)
            table.add_section(node, roman=True)
            return True
    unnumbered = not any(split_label(clean_cell(c))[0] for c in numbering)
    if unnumbered and len(texts) == 1 and (all(_BOLD.fullmatch(c) for c in filled)
                                           or _capitals(texts[0])):  # fmt: skip
        # A lone heading in bold, or in capitals ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH").
        table.add_section(RawTask(content=texts[0], kind="section", where=where), roman=False)
        return True
    # "Lĩnh vực quốc phòng" typed in the STT cell, running over the empty cells beside it:
    # a heading (a task's words stand in the content cell).
    alone = [i for i, c in enumerate(cells) if clean_cell(c)]
    in_number = len(alone) == 1 and alone[0] in table.numbering() and not table.after_break
    if unnumbered and in_number and _heading_words(texts[0]):
        table.add_section(RawTask(content=texts[0], kind="section", where=where), roman=False)
        return True
    return False


def _heading_words(text: str) -> bool:
    """Words that can head rows: two or more, opening with a capital, no sentence's stop,
    no aside in brackets."""
    return (
        len(text.split()) >= 2
        and text[0].isupper()
        and not text.endswith((".", ";", ":"))
        and not text.startswith("(")
    )


# "Phần II", "PHẦN III." before a section's Roman number.
_PART_WORD = re.compile(r"^phần\s+(?=[IVXL]+\b)", re.IGNORECASE)


def _capitals(text: str) -> bool:
    """A heading written in capitals, of two words or more."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 2 and len(letters) >= 6 and text == text.upper()


def _read_numbered(table: _Table, cells: list[str], where: str, number: int) -> None:
    label, head = split_label(clean_cell(table.cell(cells, "label")))
    alt_label, _ = split_label(clean_cell(table.cell(cells, "alt_label")))
    raw_content = table.cell(cells, "content")
    if head and not clean_cell(raw_content):
        raw_content = head  # "1. Nội dung" in one merged cell
    elif not label and head:
        raw_content = " ".join(_unique([head, clean_cell(raw_content)]))
    unnumbered = not label and not alt_label and table.last is not None
    if unnumbered and (table.after_break or not clean_cell(raw_content)):
        _continue(table, cells, number)
        if head and not clean_cell(table.cell(cells, "content")):
            table.loose = (head, where, number)
        return
    if not (label or alt_label) and _TOTAL.fullmatch(header_key(raw_content)):
        return  # "Tổng cộng": the sum of a budget column, no task
    bullet = _BULLET_ROW.fullmatch(clean_cell(raw_content)) if not (label or alt_label) else None
    if bullet:
        # "- Tuyên truyền trên loa" in the content, the number cell empty: a bullet row.
        label, raw_content = bullet.group(1), bullet.group(2)
    content, details = content_and_details(raw_content)
    task = RawTask(label=label, alt_label=alt_label, content=content, details=details, where=where)
    for role in _TEXT_ROLES[1:]:
        setattr(task, role, _shared(table, task, cells, role))
    if "timing_start" in (table.columns or {}):
        start = _shared(table, task, cells, "timing_start")
        if start:
            task.timing = f"Từ {start} đến {task.timing}" if task.timing else f"Từ {start}"
    timing, read = period_timing(table.columns or {}, cells)
    if timing and not task.timing:
        task.timing = timing
        _add_remark(task, f"Thời gian lấy từ các cột được đánh dấu: {', '.join(read)}.")
    others = _other_columns(table, cells)
    if others:
        task.note = "; ".join([task.note, *others] if task.note else others)
    if not label and not alt_label:
        _add_remark(task, "Dòng không có số thứ tự (ô STT để trống).")
    content, remark = duplicate_label_remark(label, task.content)
    task.content = content
    _add_remark(task, remark)
    if not (task.content or task.details or task.lead or task.timing or task.coordinating):
        # "4 | | | … | Ghi chú lẻ": a number with no work, no doer, no time. No task can be
        # made of it; the builder says it, with the row's words (:data:`UNPLACED`). A row
        # with a lead or a timing but no content stays a task, to review.
        task.kind = UNPLACED
        task.content = " | ".join(t for t in (clean_cell(c) for c in cells) if t)
        task.remark = (
            "Hàng có số thứ tự nhưng không ghi việc, chủ trì hay thời gian: không tạo nhiệm vụ."
        )
    table.add_task(task)


def _other_columns(table: _Table, cells: list[str]) -> list[str]:
    """The row's words in the columns no role reads, each after its column's title
    ("Kinh phí: 20 triệu đồng")."""
    columns = table.columns or {}
    used = {i for key, i in columns.items() if not key.startswith(_OTHER_KEY)}
    found = []
    for key, index in columns.items():
        if key.startswith(_OTHER_KEY) and index not in used and index < len(cells):
            text = clean_cell(cells[index])
            if text:
                found.append(f"{key[len(_OTHER_KEY) :]}: {text}")
    return found


def _shared(table: _Table, task: RawTask, cells: list[str], role: str) -> str:
    """A cell's text; for a cell merged down from the row above, that cell's text, with
    our remark: the document writes it once for several numbered rows."""
    raw = table.cell(cells, role)
    if isinstance(raw, MergedText) and clean_cell(raw.text):
        text = clean_cell(raw.text)
        _add_remark(task, f'Ô {COLUMN_NAMES[role]} gộp chung với hàng trên: dùng chung "{text}".')
        return text
    return clean_cell(raw)


def _place_loose(table: _Table, *, heading: bool) -> None:
    """Words found alone in the number cell: a section over the table whose header comes
    next, or else the end of the row above (kept, never dropped)."""
    assert table.loose is not None
    text, where, number = table.loose
    table.loose = None
    if heading:
        table.add_section(RawTask(content=text, kind="section", where=where), roman=False)
        return
    assert table.columns is not None
    _continue(table, _moved(cells=[], table=table, text=text), number)


def _moved(cells: list[str], table: _Table, text: str) -> list[str]:
    """A row with ``text`` in its content cell and nothing else."""
    assert table.columns is not None
    row = [""] * max(len(cells), table.columns["content"] + 1)
    row[table.columns["content"]] = text
    return row


def _continue(table: _Table, cells: list[str], number: int) -> None:
    """A row with no number after a page break (or with no content): its cells end the
    previous row's cells."""
    task = table.last
    assert task is not None
    for role in _TEXT_ROLES:
        raw = table.cell(cells, role)
        text = clean_cell(raw)
        if not text:
            continue
        before = getattr(task, role)
        if role == "content":
            _continue_content(task, raw)
        else:
            setattr(task, role, f"{before} {text}".strip())
        if table.after_break:
            remark = continuation_remark(role, text, before, after_header=table.after_header)
        else:
            remark = f"Hàng {number} không có số thứ tự: ô {COLUMN_NAMES[role]} nối vào hàng trên."
        _add_remark(task, remark)


def _continue_content(task: RawTask, raw: str) -> None:
    paragraphs = _paragraphs(raw)
    if not task.details:
        content, details = content_and_details(raw)
        task.content = f"{task.content} {content}".strip()
        task.details.extend(details)
        return
    for paragraph in paragraphs:
        if _ENUMERATED.match(paragraph):
            task.details.append(paragraph)
        else:
            task.details[-1] = f"{task.details[-1]} {paragraph}"
