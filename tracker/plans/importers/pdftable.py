"""A plan table as text extracted from a PDF (cells broken into short lines, column after
column, the header repeated after each page break) read back into sections and tasks."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tracker.plans.importers.base import DocumentError, RawTask, clean_cell
from tracker.plans.importers.tables import (
    continuation_remark,
    duplicate_label_remark,
    is_roman,
)
from tracker.schedule.timing import looks_like_timing
from tracker.vn import fold

__all__ = ["parse_pdf_table"]

# How a column's title starts, folded; the first match of each gives the column order.
_HEADER = re.compile(
    r"\b(?P<label>so thu tu|so tt|stt|tt)\b"
    r"|\b(?P<content>noi dung( cong viec| nhiem vu)?|nhiem vu|(ten|danh muc) (nhiem vu|cong viec|de an)"
    r"|linh vuc|de an)\b"
    r"|\b(?P<timing>thoi (gian|han)( (thuc hien|hoan thanh))?|tien do)\b"
    r"|\b(?P<lead>((don vi|co quan|bo phan) )?(chu tri|dau moi))\b"
    r"|\b(?P<coordinating>((don vi|co quan|bo phan) )?phoi hop)\b"
    r"|\b(?P<output>(du kien )?(ket qua|san pham)( (thuc hien|du kien))?)\b"
    r"|\b(?P<note>ghi chu)\b"
)
# Every word of the header titles, folded: a line of these words only is part of the header.
_HEADER_WORDS = {
    "so", "thu", "tu", "stt", "tt", "noi", "dung", "cong", "viec", "nhiem", "vu", "ten", "linh",
    "vuc", "thoi", "gian", "han", "thuc", "hien", "hoan", "thanh", "tien", "do", "don", "vi",
    "co", "quan", "bo", "phan", "chu", "tri", "phoi", "hop", "du", "kien", "ket", "qua", "san",
    "pham", "ghi", "danh", "muc", "de", "an", "dau", "moi", "cac",
}  # fmt: skip
_COLUMN_NUMBERS = re.compile(r"(\(?\d+\)?\s*){3,}")
# The signature block after a table ("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH").
_STOP = re.compile(r"(noi nhan\b|tm\. |kt\. )")
_SECTION = re.compile(r"([IVXL]+)(?:\s+(\S.*))?")
_ROW = re.compile(r"(\d+(?:\.\d+)*)[.)]?(?:\s+(\S.*))?")

# How unit names begin, folded: the chủ trì and phối hợp cells start with one of these.
_UNIT = re.compile(
    r"(ubnd|uy ban|hdnd|hoi dong nhan dan|van phong|bo phan|cong chuc|can bo|cc|cac bo phan"
    r"|cac don vi|cac co quan|cac nganh|cac to chuc|cac phong|cac ban|cac doan the|cac thon"
    r"|tai chinh|ca nhan|trung tam|chu tich|pho chu tich|dang uy|mat tran|doan thanh nien"
    r"|cong an|quan su|ban chi huy|dai truyen thanh|to chuc|thu truong|lanh dao|buu dien"
    r"|buu chinh|tram y te|nguoi dung dau|tu phap|dia chinh|van hoa|thanh tra|kho bac|chi cuc"
    r"|doanh nghiep|nguoi dan)\b"
)
# Single words that name a unit only when capitalised ("Phòng Kinh tế", not "phòng, chống").
_UNIT_HEAD = re.compile(r"(phong|ban|hoi|truong|doi|cuc|nganh)\b")
# A unit name cut after its head word: the next line goes on with it ("Văn phòng" / "UBND").
_OPEN_HEAD = re.compile(r"(van phong|bo phan|phong|ban|uy ban|cong chuc|can bo|trung tam)")
_PREFIX = re.compile(r"^[-+•]\s*|^[^\W\d][\w ]{0,20}:\s*")

_EMPTY_COST = {"content": 8.0, "timing": 2.0, "lead": 2.0, "coordinating": 1.0, "output": 1.5}
_UNIT_ROLES = ("lead", "coordinating")
_NAMES = {"lead": "Đơn vị chủ trì", "coordinating": "Đơn vị phối hợp"}


def _strip_prefix(text: str) -> str:
    """Without a leading bullet or a short "Theo dõi:" lead-in."""
    return _PREFIX.sub("", text.strip(), count=1)


def _starts_like_unit(text: str) -> bool:
    text = _strip_prefix(text)
    folded = fold(text)
    if _UNIT.match(folded):
        return True
    return bool(text[:1].isupper() and _UNIT_HEAD.match(folded))


def _starts_like_timing(text: str) -> bool:
    return looks_like_timing(" ".join(_strip_prefix(text).split()[:3]))


@dataclass
class _Line:
    text: str
    number: int


@dataclass
class _Row:
    """One row of the table as read: its label, lines, and (once split) cells."""

    label: str
    number: int
    lines: list[_Line] = field(default_factory=list)
    section: bool = False
    # Lines printed after a repeated header that end this row's cells, and once read,
    # the columns they went to.
    rest: list[str] = field(default_factory=list)
    pieces: list[tuple[str, str]] = field(default_factory=list)
    cells: dict[str, list[str]] = field(default_factory=dict)


def parse_pdf_table(lines: list[str], *, where: str, first_line: int = 1) -> list[RawTask]:
    """A plan table extracted from a PDF as plain lines (from its header on) as tasks:
    Roman-numeral rows as sections holding the numbered rows after them. ``where`` names
    the document in messages; ``first_line`` is the number of ``lines[0]`` in it."""
    numbered = [
        _Line(" ".join(text.split()), first_line + index)
        for index, text in enumerate(lines)
        if text.strip()
    ]
    start = next((i for i, line in enumerate(numbered) if _opens_header(line.text)), None)
    if start is None:
        raise DocumentError(
            f"{where}: không tìm thấy dòng tiêu đề bảng (STT, Nội dung công việc, Thời gian …)."
        )
    header = _header_lines(numbered, start)
    roles = _column_roles(" ".join(line.text for line in header))
    if "content" not in roles:
        raise DocumentError(
            f"{where}, dòng {numbered[start].number}: tiêu đề bảng không có cột nội dung "
            "(Nội dung công việc, Nhiệm vụ …)."
        )
    text_roles = [role for role in roles if role != "label"]
    page = max(len(line.text) for line in numbered)
    rows = _scan(numbered[start + len(header) :], [line.text for line in header], page)
    for row in rows:
        if not row.section:
            row.cells = _split_row(row, text_roles)
    widths = _widths(rows, text_roles)
    for row in rows:
        if row.rest and not row.section:
            _continue_row(row, text_roles, widths)
    return _tree(rows, where)


def _opens_header(text: str) -> bool:
    words = re.sub(r"[^\w]+", " ", fold(text)).split()
    return bool(words) and words[0] in {"stt", "tt", "so"} and set(words) <= _HEADER_WORDS


def _header_lines(lines: list[_Line], start: int) -> list[_Line]:
    end = start + 1
    while end < len(lines):
        words = re.sub(r"[^\w]+", " ", fold(lines[end].text)).split()
        if not (set(words) <= _HEADER_WORDS or _COLUMN_NUMBERS.fullmatch(lines[end].text)):
            break
        end += 1
    return lines[start:end]


def _column_roles(text: str) -> list[str]:
    roles: list[str] = []
    for match in _HEADER.finditer(fold(text)):
        role = match.lastgroup
        if role and role not in roles:
            roles.append(role)
    return roles


@dataclass
class _Scanner:
    """Cuts the body's lines into rows by their labels, skipping repeated headers."""

    header: list[str]
    page: int
    rows: list[_Row] = field(default_factory=list)
    last_roman: int = 0
    last_number: int = 0
    # Lines after a repeated header, before the next label, end the previous row.
    broken: bool = False
    # A section's title is still being read.
    title_open: bool = False

    def label(self, text: str) -> tuple[str, str, bool] | None:
        """(label, text after it, is a section) when ``text`` opens the next row."""
        section = _SECTION.fullmatch(text)
        if section and is_roman(section.group(1)):
            value = _roman_value(section.group(1))
            rest = section.group(2) or ""
            in_order = value == self.last_roman + 1 or (rest and value > self.last_roman)
            if in_order and (not rest or rest[0].isupper() or not rest[0].isalpha()):
                return section.group(1), rest, True
        row = _ROW.fullmatch(text)
        if row:
            first = int(row.group(1).split(".")[0])
            rest = row.group(2) or ""
            dotted = "." in row.group(1)
            expected = first in (self.last_number + 1, 1) or (dotted and first <= self.last_number)
            if expected and (not rest or rest[0].isupper()):
                return row.group(1), rest, False
        return None

    def open(self, line: _Line, label: str, rest: str, section: bool) -> None:
        row = _Row(label, line.number, section=section)
        if rest:
            row.lines.append(_Line(rest, line.number))
        self.rows.append(row)
        if section:
            self.last_roman, self.last_number = _roman_value(label), 0
        elif "." not in label:
            self.last_number = int(label)
        self.broken, self.title_open = False, section

    def add(self, line: _Line) -> None:
        row = self.rows[-1] if self.rows else None
        if row is not None and row.section and not self._title_goes_on(row, line.text):
            row = None  # the lines after a section's title: a row with no number
        if row is None:
            row = _Row("", line.number)
            self.rows.append(row)
            self.title_open = self.broken = False
        if self.broken and not row.section:
            row.rest.append(line.text)
        else:
            row.lines.append(line)

    def _title_goes_on(self, row: _Row, text: str) -> bool:
        """A section title goes on to the next line while its line is nearly as wide as
        the page (and the next line reads as its continuation)."""
        if not self.title_open:
            return False
        if not row.lines:
            return True
        before = row.lines[-1].text
        width = len(before) + len(row.label) + 2 + len(text.split()[0])
        goes_on = width >= 0.85 * self.page and (text[0].islower() or len(text) > self.page / 2)
        self.title_open = goes_on
        return goes_on


def _scan(lines: list[_Line], header: list[str], page: int) -> list[_Row]:
    scan = _Scanner(header, page)
    index = 0
    while index < len(lines):
        line = lines[index]
        if _STOP.match(fold(line.text)):
            break
        if [x.text for x in lines[index : index + len(header)]] == scan.header:
            scan.broken = True
            index += len(header)
            continue
        opened = scan.label(line.text)
        if opened is not None:
            scan.open(line, *opened)
        else:
            scan.add(line)
        index += 1
    return scan.rows


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, char in enumerate(text):
        value = values[char]
        total += -value if i + 1 < len(text) and values[text[i + 1]] > value else value
    return total


# --------------------------------------------------------------------------- cells


@dataclass(frozen=True)
class _Atom:
    """A line, or one part of a line that may hold two cells ("Thường xuyên UBND xã"):
    ``glued`` when it is the second part, which stays on its line unless a cell starts there."""

    text: str
    glued: bool = False


def _atoms(lines: list[str]) -> list[_Atom]:
    out: list[_Atom] = []
    for text in lines:
        parts = _timing_unit(text)
        out.append(_Atom(parts[0]))
        out.extend(_Atom(part, glued=True) for part in parts[1:])
    return out


def _timing_unit(text: str) -> list[str]:
    """A line cut where a timing ends and a unit name begins, when it reads so."""
    words = text.split()
    for cut in range(1, len(words)):
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        if len(left) > 25 or len(right) > 25:
            continue
        if _starts_like_timing(left) and looks_like_timing(left) and _starts_like_unit(right):
            return [left, right]
    return [text]


def _joined(atoms: list[_Atom]) -> list[str]:
    """The cell's lines: a glued part rejoins the line it was cut from."""
    lines: list[str] = []
    for index, atom in enumerate(atoms):
        if atom.glued and index:
            lines[-1] = f"{lines[-1]} {atom.text}"
        else:
            lines.append(atom.text)
    return lines


def _best_cut(
    count: int, roles: list[str], cost: Callable[[str, int, int], float]
) -> list[tuple[int, int]]:
    """The lowest-cost cut of ``count`` lines into one (possibly empty) span per role, in
    order, as (start, end) spans; ``cost(role, start, end)`` prices one span."""
    inf = float("inf")
    best = [[inf] * (count + 1) for _ in range(len(roles) + 1)]
    back = [[0] * (count + 1) for _ in range(len(roles) + 1)]
    best[0][0] = 0.0
    for j, role in enumerate(roles):
        for start in range(count + 1):
            if best[j][start] == inf:
                continue
            for end in range(start, count + 1):
                total = best[j][start] + cost(role, start, end)
                if total < best[j + 1][end]:
                    best[j + 1][end], back[j + 1][end] = total, start
    spans: list[tuple[int, int]] = []
    end = count
    for j in range(len(roles), 0, -1):
        spans.append((back[j][end], end))
        end = back[j][end]
    return spans[::-1]


def _split_row(row: _Row, roles: list[str]) -> dict[str, list[str]]:
    """The best partition of the row's lines into its columns, in order."""
    atoms = _atoms([line.text for line in row.lines])
    spans = _best_cut(len(atoms), roles, lambda role, s, e: _cell_cost(role, atoms[s:e]))
    return {role: [a.text for a in atoms[s:e]] for role, (s, e) in zip(roles, spans, strict=True)}


def _cell_cost(role: str, atoms: list[_Atom]) -> float:
    """How unlikely ``atoms`` are as one cell of the column ``role``."""
    if not atoms:
        return _EMPTY_COST.get(role, 0.3)
    lines = _joined(atoms)
    text = " ".join(lines)
    cost = _wrap_cost(lines) + (0.3 if atoms[0].glued else 0.0)
    if text[0].islower():
        cost += 0.5  # cells begin with a capital, a digit or a bullet
    if role == "timing":
        if not looks_like_timing(text):
            cost += 4.0
        elif not _starts_like_timing(text):
            cost += 2.0
    if role in _UNIT_ROLES and not _starts_like_unit(text):
        cost += 4.0
    for before, line in itertools.pairwise(lines):
        # A unit name inside a cell usually starts the next cell, unless it completes a
        # name cut after its head word ("Văn phòng" / "UBND").
        opened = role in _UNIT_ROLES and _OPEN_HEAD.fullmatch(fold(before))
        if _starts_like_unit(line) and not opened:
            cost += 1.0
    return cost


def _wrap_cost(lines: list[str]) -> float:
    """A wrapped cell fills each line but its last: a short line inside a cell means the
    cell ended there, unless it ends a sentence or an item."""
    widest = max(len(line) for line in lines)
    cost = 0.0
    for line, after in itertools.pairwise(lines):
        if line.endswith((".", ";", ":")):
            continue
        gap = widest - (len(line) + 1 + len(after.split()[0]))
        if gap > 0.2 * widest:
            cost += 3.0 * gap / widest
    return cost


def _widths(rows: list[_Row], roles: list[str]) -> dict[str, int]:
    return {
        role: max((len(x) for row in rows for x in row.cells.get(role, [])), default=0)
        for role in roles
    }


def _continue_row(row: _Row, roles: list[str], widths: dict[str, int]) -> None:
    """Give the lines printed after the page break to the columns they end."""
    lines = row.rest
    most = max(len(row.cells.get(role, [])) for role in roles)

    def cost(role: str, start: int, end: int) -> float:
        if start == end:
            return 0.0  # this column does not go on
        return _rest_cost(row, role, lines[start:end], most, widths)

    for role, (start, end) in zip(roles, _best_cut(len(lines), roles, cost), strict=True):
        if start < end:
            row.cells[role] = [*row.cells.get(role, []), *lines[start:end]]
            row.pieces.append((role, clean_cell(" ".join(lines[start:end]))))


def _rest_cost(row: _Row, role: str, lines: list[str], most: int, widths: dict[str, int]) -> float:
    """How unlikely ``lines`` end the row's ``role`` cell: the cell cut by the page break
    reached the bottom of the page (it has the most lines), is unfinished, and is wide
    enough for them."""
    before = row.cells.get(role, [])
    if not before:
        return 5.0
    cost = min(3.0, float(most - len(before))) + _wrap_cost(lines)
    if before[-1].endswith("."):
        cost += 1.5
    if any(len(line) > widths.get(role, 0) + 3 for line in lines):
        cost += 4.0
    return cost


# --------------------------------------------------------------------------- tree


def _tree(rows: list[_Row], where: str) -> list[RawTask]:
    roots: list[RawTask] = []
    section: RawTask | None = None
    for row in rows:
        place = f"{where}, dòng {row.number}"
        if row.section:
            text = clean_cell(" ".join(line.text for line in row.lines))
            content, remark = duplicate_label_remark(row.label, text)
            section = RawTask(
                label=row.label, content=content, kind="section", where=place, remark=remark
            )
            roots.append(section)
            continue
        task = _task(row, place)
        siblings = section.children if section is not None else roots
        parts = task.label.split(".")
        for depth in range(1, len(parts)):
            prefix = ".".join(parts[:depth])
            parent = next((t for t in reversed(siblings) if t.label == prefix), None)
            if parent is None:
                break
            siblings = parent.children
        siblings.append(task)
    return roots


def _task(row: _Row, place: str) -> RawTask:
    cells = {role: clean_cell(" ".join(lines)) for role, lines in row.cells.items()}
    task = RawTask(
        label=row.label,
        content=cells.get("content", ""),
        timing=cells.get("timing", ""),
        lead=cells.get("lead", ""),
        coordinating=cells.get("coordinating", ""),
        output=cells.get("output", ""),
        note=cells.get("note", ""),
        where=place,
    )
    remarks = []
    if not row.label:
        remarks.append("Dòng không có số thứ tự (ô STT để trống).")
    units = [role for role in _UNIT_ROLES if role in row.cells]
    if len(units) == 2 and bool(task.lead) != bool(task.coordinating):
        empty, filled = ("coordinating", "lead") if task.lead else ("lead", "coordinating")
        remarks.append(
            f'Ô {_NAMES[empty]} để trống; ô đơn vị duy nhất ("{getattr(task, filled)}") '
            f"đọc là {_NAMES[filled].lower()}."
        )
    for role, piece in row.pieces:
        before = cells[role][: len(cells[role]) - len(piece)].strip()
        remarks.append(continuation_remark(role, piece, before, after_header=True))
    task.content, remark = duplicate_label_remark(row.label, task.content)
    remarks.append(remark)
    task.remark = " ".join(r for r in remarks if r)
    return task
