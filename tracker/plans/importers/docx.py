"""Word (.docx) plans: the body walked in order, task tables read by :mod:`.tables`, and plans
written as numbered paragraphs handed to the prose reader."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from tracker.plans.importers.base import DocumentError, RawPlan, RawTask, clean_cell
from tracker.plans.importers.header import CAPTION
from tracker.plans.importers.limits import (
    LIMITS,
    DocumentTooComplex,
    Limits,
    check_zip,
    count_tags,
    figure,
)
from tracker.plans.importers.prose import parse_prose
from tracker.plans.importers.tables import (
    MergedText,
    find_columns,
    is_part,
    rows_to_tasks,
    split_label,
)
from tracker.vn import fold

__all__ = [
    "BULLETS",
    "HIGHEST_LIST_START",
    "FlowReader",
    "format_number",
    "list_start",
    "read_docx",
]

_HEADING = re.compile(r"(\d+|[IVXL]+)[.)]\s+(\S.*)")
# "PHỤ LỤC I", "Phụ lục số 02": an appendix with its number, alone on its line.
_NUMBERED_APPENDIX = re.compile(r"phụ\s+lục\s+(?:số\s+)?(?:[IVXL]+|\d{1,2})\.?", re.IGNORECASE)
BULLETS = {"\uf0b7": "-", "•": "-", "◦": "-", "▪": "-", "-": "-", "–": "-", "+": "+"}


def read_docx(path: Path, *, name: str | None = None, limits: Limits = LIMITS) -> RawPlan:
    """A Word plan as a raw plan: its task tables' rows as tasks (the paragraphs before the
    first table as the header lines), or, with no task table, its paragraphs as prose.
    ``name`` is the file's name in messages (an upload's own name); by default the path's.
    The zip, the paragraphs, the cells and the tables' nesting are bounded by ``limits``
    before python-docx builds anything."""
    name = name or path.name
    if not path.is_file():
        raise DocumentError(f"{name}: không tìm thấy tệp.")
    _check_package(path, name, limits)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
        raise DocumentError(f"{name}: không phải tệp Word (.docx) hợp lệ.") from exc
    _check_tables(document, name, limits)
    numbering = _Numbering(document)
    reader = FlowReader(name, whole=True)
    tabbed: list[tuple[str, bool]] = []  # paragraphs whose words are set apart by tabs
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = numbering.label(block) + block.text.strip()
            if "\t" in text:
                tabbed.append((text, numbering.bold(block)))
                continue
            _tab_table(reader, tabbed)
            reader.line(text, numbering.bold(block))
        else:
            _tab_table(reader, tabbed)
            where = f"{name}, bảng {reader.tables + 1}"
            reader.table(_table_rows(block, where, limits, numbering))
    _tab_table(reader, tabbed)
    return reader.finish()


def _tab_table(reader: FlowReader, paragraphs: list[tuple[str, bool]]) -> None:
    """Paragraphs laid out as a table with tabs, no table drawn ("STT⇥Nội dung⇥Thời
    gian⇥Chủ trì", then a paragraph per row): read as a table when the first is a task
    header, else as the paragraphs they are. Tabs repeated to line the words up make no
    empty cells, unless the row then has as many cells as the header."""
    if not paragraphs:
        return
    header = [c.strip() for c in paragraphs[0][0].split("\t") if c.strip()]
    columns = find_columns(header) if len(paragraphs) > 1 and len(header) > 1 else None
    rows = [header]
    numbered = columns is not None and columns.get("label") == 0
    for text, _ in paragraphs[1:] if columns is not None else ():
        cells = [c.strip() for c in text.split("\t")]
        while len(cells) > len(header) and not cells[-1]:
            cells.pop()
        if len(cells) != len(header):
            cells = [c for c in cells if c]
        if numbered and cells and not _numbers_a_row(cells[0]):
            break  # the table has ended ("Nơi nhận:⇥KT. CHỦ TỊCH")
        rows.append((cells + [""] * len(header))[: max(len(header), len(cells))])
    if len(rows) > 1:
        reader.table(rows)
    for text, bold in paragraphs[len(rows) if len(rows) > 1 else 0 :]:
        reader.line(text, bold)
    paragraphs.clear()


_ROW_LETTER = re.compile(r"[a-zđ][.)]?", re.IGNORECASE)


def _numbers_a_row(cell: str) -> bool:
    """Whether a table's first cell, its number column, could be a row's: empty, a number,
    a Roman numeral, a letter, a bullet."""
    label, rest = split_label(cell)
    return (
        not cell
        or (bool(label) and not rest)
        or cell in BULLETS
        or bool(_ROW_LETTER.fullmatch(cell))
    )


@dataclass
class FlowReader:
    """A document's body read in order, paragraph by paragraph and table by table (Word,
    and PDF pages with ruled tables): lines before the first task table, tasks, and the
    paragraphs since the last task table (a heading for the next one, or closing text)."""

    source: str
    lines: list[str] = field(default_factory=list)
    tasks: list[RawTask] = field(default_factory=list)
    pending: list[tuple[str, bool]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    found_table: bool = False
    tables: int = 0
    columns: dict[str, int] | None = None
    width: int = 0
    # Every paragraph and every task table's tasks, in the document's order.
    flow: list[str | list[RawTask]] = field(default_factory=list)
    # Whether each line is a paragraph as its author ended it (Word, OpenDocument; not
    # the lines of a PDF page).
    whole: bool = False
    # The first task table's caption ("Biểu 1: …"): its tasks become its section when a
    # later table has a caption of its own (each table then stands under its own).
    first_caption: str = ""
    headings: list[RawTask] = field(default_factory=list)

    def line(self, text: str, bold: bool = False) -> None:
        """One paragraph (with its list label), bold when all its words are."""
        if not text.strip():
            return
        self.flow.append(f"**{text.strip()}**" if bold else text.strip())
        if self.found_table:
            self.pending.append((text.strip(), bold))
        else:
            # Bold paragraphs keep the markdown marks the text extracts use ("**KẾ HOẠCH**").
            self.lines.append(f"**{text.strip()}**" if bold else text.strip())

    def table(self, rows: list[list[str]]) -> None:
        """One table as rows of cells (a merged cell's text once, in its first cell)."""
        self.tables += 1
        where = f"{self.source}, bảng {self.tables}"
        width = max((len(row) for row in rows), default=0)
        found = [(i, c) for i, c in enumerate(map(find_columns, rows)) if c is not None][:1]
        columns = found[0][1] if found else None
        # Words above its header (a title row) start a table of its own.
        titled = bool(found) and any(clean_cell(c) for row in rows[: found[0][0]] for c in row)
        goes_on = (
            self.columns is not None and width == self.width and not self.pending and not titled
        )
        if columns is None and goes_on:
            # A table that goes on from the previous one without a header of its own.
            self._go_on(rows_to_tasks(rows, where=where, columns=self.columns))
            return
        if goes_on and columns == self.columns:
            # The same table on the next page, its header row printed again (PDF).
            self._go_on(rows_to_tasks(rows, where=where))
            return
        if columns is None:
            self._layout_table(rows)
            return
        rows = self._rows_above_header(rows)
        tasks = rows_to_tasks(rows, where=where)
        self.flow.append(list(tasks))
        caption = (
            not self.found_table and bool(self.lines) and CAPTION.match(clean_cell(self.lines[-1]))
        )
        heading = self._heading()
        if heading is not None:
            heading.children = tasks
            self.headings.append(heading)
            tasks = [heading]
        elif caption:
            self.first_caption = clean_cell(self.lines[-1])
        self.tasks.extend(tasks)
        self.found_table, self.columns, self.width = True, columns, width

    def _rows_above_header(self, rows: list[list[str]]) -> list[list[str]]:
        """A task table's rows above its header ("BIỂU 1: DANH MỤC NHIỆM VỤ" merged across
        the first row): their text joins the document's flow before the table (a caption
        then heads it), their cells left empty so the rows keep their numbers."""
        start = next(i for i, row in enumerate(rows) if find_columns(row) is not None)
        for row in rows[:start]:
            for cell in row:
                for text in (clean_cell(x) for x in cell.split("\n")):
                    if text:
                        self.line(text)
        return [[""] * len(row) for row in rows[:start]] + rows[start:]

    def _go_on(self, tasks: list[RawTask]) -> None:
        last = self.tasks[-1] if self.tasks else None
        while last is not None and last.children and last.children[-1].kind == "section":
            last = last.children[-1]
        # The rows before the next section row go on in the open section; a section row
        # and what follows it stand at the top, as in a table read in one piece.
        lead = next((i for i, t in enumerate(tasks) if t.kind == "section"), len(tasks))
        if lead and last is not None and last.kind == "section":
            last.children.extend(tasks[:lead])
            tasks = tasks[lead:]
        # Roman sections go on in the lettered part ("B", then "II", "III") still open.
        part = self.tasks[-1] if self.tasks and is_part(self.tasks[-1]) else None
        while part is not None and tasks and not is_part(tasks[0]):
            part.children.append(tasks.pop(0))
        self.tasks.extend(tasks)
        if self.flow and isinstance(self.flow[-1], list):
            self.flow[-1].extend(tasks)

    def _layout_table(self, rows: list[list[str]]) -> None:
        """A table with no task header (the national heading, a signature block): its
        text, cell by cell, stays in the document's flow."""
        texts: list[str] = []
        for row in rows:
            for cell in row:
                texts.extend(t for t in (clean_cell(x) for x in cell.split("\n")) if t)
        if self.found_table:
            self.pending.extend((text, False) for text in texts)
        else:
            self.lines.extend(texts)

    def _caption(self) -> RawTask | None:
        """A caption among the last lines before a table ("Biểu 2: Lĩnh vực văn hóa";
        "PHỤ LỤC II", then its title "DANH MỤC NHIỆM VỤ …" and "(Kèm theo Kế hoạch số …)"):
        the table's section, the caption and its title as its words, what stands in
        brackets as its details."""
        texts = [clean_cell(text) for text, _ in self.pending]
        start = next(
            (
                i
                for i in range(len(texts) - 1, max(len(texts) - 4, -1), -1)
                if CAPTION.match(texts[i])
            ),
            None,
        )
        if start is None:
            return None
        self.notes.extend(texts[:start])
        self.pending.clear()
        words = [t for t in texts[start:] if not (t.startswith("(") and t.endswith(")"))]
        node = RawTask(content=" ".join(words), kind="section", where=self.source)
        node.details = [t for t in texts[start:] if t not in words]
        return node

    def _heading(self) -> RawTask | None:
        """The paragraph just before a task table, when it heads it ("1. Thực hiện …")."""
        if self.found_table:
            if not self.pending:
                return None
            caption = self._caption()
            if caption is not None:
                return caption
            text, bold = self.pending.pop()
            self.notes.extend(t for t, _ in self.pending)
            self.pending.clear()
            if not (_HEADING.fullmatch(text) or bold):
                self.notes.append(text)
                return None
        else:
            if not self.lines or not _HEADING.fullmatch(clean_cell(self.lines[-1])):
                return None
            text = self.lines.pop()
        label, content = split_label(clean_cell(text))
        return RawTask(label=label, content=content, kind="section", where=self.source)

    def finish(self) -> RawPlan:
        """The document read: its task tables with what surrounds them, or, with no task
        table, its paragraphs as prose."""
        if not self.found_table:
            return parse_prose(self.lines, source=self.source, whole=self.whole)
        return self.plan()

    def plan(self) -> RawPlan:
        if self.first_caption and any(CAPTION.match(h.content) for h in self.headings):
            # The first table's rows are the tasks before the next table's heading.
            ids = {id(heading) for heading in self.headings}
            end = next((i for i, t in enumerate(self.tasks) if id(t) in ids), None)
            node = RawTask(content=self.first_caption, kind="section", where=self.source)
            node.children, self.tasks[:end] = self.tasks[:end], [node]
            self.headings.append(node)
            if self.lines and clean_cell(self.lines[-1]) == self.first_caption:
                self.lines.pop()
        plan = (
            self._body_and_appendix()
            or self._body_with_tables()
            or RawPlan(source=self.source, header_lines=[clean_cell(x) for x in self.lines])
        )
        if not plan.tasks:
            plan.tasks = self.tasks
        if self.notes:
            plan.details["between_tables"] = self.notes
        if self.pending:
            plan.details["trailing_lines"] = [text for text, _ in self.pending]
        return plan

    def _body_and_appendix(self) -> RawPlan | None:
        """A plan written as prose, its task tables after the body (after "PHỤ LỤC", or
        after the closing and the signature): the body read as prose, the tables its
        appendix, so items that point to them ("chi tiết tại Phụ lục") take their rows.
        None when the tables are the plan itself or sit inside its body."""
        if not self.tasks or not self.lines:
            return None
        lines, caption = self._appendix_caption()
        prose = parse_prose(lines, source=self.source, whole=self.whole)
        appendix = next((t for t in prose.tasks if t.label == "PL"), None)
        ended = any(key in prose.details for key in ("closing", "recipients", "signer"))
        if not any(t.label != "PL" for t in prose.tasks) or not (appendix or ended):
            return None
        if caption is not None:
            # The first table heads its own section, as the later captioned ones do.
            ids = {id(heading) for heading in self.headings}
            end = next((i for i, t in enumerate(self.tasks) if id(t) in ids), len(self.tasks))
            caption.children, self.tasks[:end] = self.tasks[:end], [caption]
            self.headings.append(caption)
        if appendix is None:
            appendix = RawTask(label="PL", content="PHỤ LỤC", kind="section", where=self.source)
            prose.tasks.append(appendix)
        # A table under a caption naming an appendix of its own ("PHỤ LỤC II …") is that
        # appendix, found by its number by the items that point to it.
        ids = {id(heading) for heading in self.headings}
        own = [t for t in self.tasks if id(t) in ids and fold(t.content).startswith("phu luc")]
        appendix.children.extend(t for t in self.tasks if not any(t is o for o in own))
        for table in own:
            table.label = "PL"
            prose.tasks.append(table)
        numbered = [
            line for line in map(clean_cell, self.lines) if _NUMBERED_APPENDIX.fullmatch(line)
        ]
        if own and numbered and "phu luc" not in fold(appendix.content):
            # The body's own appendix keeps its number ("PHỤ LỤC I") beside the others'.
            appendix.content = f"{numbered[-1]} {appendix.content}".strip()
        return prose

    def _appendix_caption(self) -> tuple[list[str], RawTask | None]:
        """The first task table's own caption when it stands after the body's end (the
        signature, or "PHỤ LỤC"): "Biểu số 01" (or "Bảng 1", "Mẫu 2"), its title on the next
        lines, among the last three lines before the table. The lines without it, and the
        section it heads (its words; what stands in brackets as its details); or the lines
        unchanged and None (no such caption, the table already headed, or a caption that is
        an appendix of its own, "PHỤ LỤC II", which the body's reading keeps)."""
        if id(self.tasks[0]) in {id(heading) for heading in self.headings}:
            return self.lines, None
        texts = [clean_cell(line) for line in self.lines]
        start = next(
            (
                i
                for i in range(len(texts) - 1, max(len(texts) - 4, -1), -1)
                if CAPTION.match(texts[i]) and not fold(texts[i]).startswith("phu luc")
            ),
            None,
        )
        if start is None:
            return self.lines, None
        before = parse_prose(self.lines[:start], source=self.source, whole=self.whole)
        if not any(
            key in before.details for key in ("closing", "recipients", "signer")
        ) and not any(t.label == "PL" for t in before.tasks):
            # A caption inside the body (or before its end) is not the appendix's.
            return self.lines, None
        words = [t for t in texts[start:] if not (t.startswith("(") and t.endswith(")"))]
        node = RawTask(content=" ".join(words), kind="section", where=self.source)
        node.details = [t for t in texts[start:] if t not in words]
        return self.lines[:start], node

    def _body_with_tables(self) -> RawPlan | None:
        """A plan written as prose with its task tables inside the body (a section "II.
        NHIỆM VỤ", an item, then the item's table): read as prose, each table's tasks
        under the item or section open where it stands, so the body's own items, its
        closing and the unit it charges with the plan are kept. None when no task section
        comes before the first table (the tables are the plan)."""
        first = next((i for i, entry in enumerate(self.flow) if isinstance(entry, list)), None)
        if first is None:
            return None
        before = [entry for entry in self.flow[:first] if isinstance(entry, str)]
        if not any(
            t.label != "PL" for t in parse_prose(before, source=self.source, whole=self.whole).tasks
        ):
            return None
        lines: list[str] = []
        tables: dict[int, list[RawTask]] = {}
        for entry in self.flow:
            if isinstance(entry, list):
                lines.append("")
                tables[len(lines)] = entry
            else:
                lines.append(entry)
        return parse_prose(lines, source=self.source, tables=tables, whole=self.whole)


def _check_package(path: Path, name: str, limits: Limits) -> None:
    """The zip, then the paragraphs and cells counted in the XML text, before parsing it."""
    check_zip(path, name, limits)
    try:
        paragraphs = count_tags(path, ["word/document.xml"], [b"<w:p>", b"<w:p "])
        cells = count_tags(path, ["word/document.xml"], [b"<w:tc>", b"<w:tc "])
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # python-docx says it is not a valid file, in its own words
    if paragraphs > limits.paragraphs:
        raise DocumentTooComplex(
            f"{name}: văn bản có {figure(paragraphs)} đoạn; giới hạn là "
            f"{figure(limits.paragraphs)} đoạn."
        )
    if cells > limits.cells:
        raise DocumentTooComplex(
            f"{name}: các bảng có {figure(cells)} ô; giới hạn là {figure(limits.cells)} ô."
        )


def _check_tables(document: Document, name: str, limits: Limits) -> None:
    """Tables inside tables inside tables …: refused past the depth limit."""
    tbl = qn("w:tbl")
    for table in document.element.body.iter(tbl):
        depth = 1 + sum(1 for _ in table.iterancestors(tbl))
        if depth > limits.table_depth:
            raise DocumentTooComplex(
                f"{name}: bảng lồng trong bảng quá {limits.table_depth} cấp; giới hạn là "
                f"{limits.table_depth} cấp."
            )


def _table_rows(table: Table, where: str, limits: Limits, numbering: _Numbering) -> list[list[str]]:
    """The table as rows of grid cells, each merged cell's text taken once: python-docx
    repeats it in every column it spans (kept in the first) and every row it spans down
    (the rows below get :class:`MergedText`). A row wider than the column limit (a cell
    declaring that it spans a million columns) or a table longer than the row limit is
    refused before any list that size is made."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    trs = table._tbl.tr_lst
    if len(trs) > limits.rows:
        raise DocumentTooComplex(
            f"{where}: bảng có {figure(len(trs))} hàng; giới hạn là {figure(limits.rows)} hàng."
        )
    # The table's declared columns, read without python-docx's accessor (which raises on a
    # table that declares no grid).
    grid = table._tbl.find(qn("w:tblGrid"))
    grid_width = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    for index, tr in enumerate(trs, start=1):
        width = tr.grid_before + sum(tc.grid_span for tc in tr.tc_lst)
        if width > limits.columns:
            raise DocumentTooComplex(
                f"{where}, hàng {index}: hàng rộng {figure(width)} cột; giới hạn là "
                f"{limits.columns} cột."
            )
        row: list[str] = [""] * tr.grid_before
        # One cell across the whole row ("Lĩnh vực kinh tế" over every column): a heading,
        # read as one in bold is.
        across = len(tr.tc_lst) == 1 and width >= 3 and width >= grid_width
        for tc in tr.tc_lst:
            column = len(row)
            if tc.vMerge == "continue":
                row.append(MergedText(above.get(column, "")))
            else:
                text = _cell_text(_Cell(tc, table), numbering)
                if across and text.strip() and not text.startswith("<b>"):
                    text = f"<b>{text}</b>"
                above[column] = text
                row.append(text)
            row.extend([""] * (tc.grid_span - 1))
        rows.append(row)
    return rows


def _cell_text(cell: _Cell, numbering: _Numbering) -> str:
    """The cell's paragraphs, one a line, each with its automatic list number (an STT
    column numbered by Word holds no text of its own); a cell all in bold wrapped in <b>
    (a heading)."""
    lines: list[str] = []
    worded: list[Paragraph] = []
    for paragraph in cell.paragraphs:
        label = numbering.label(paragraph)
        if paragraph.text.strip():
            worded.append(paragraph)
            lines.append(label + paragraph.text.strip() if label else paragraph.text)
        elif label.strip():
            lines.append(label.strip())
    text = "\n".join(lines)
    if worded and all(numbering.bold(p) for p in worded):
        return f"<b>{text}</b>"
    return text


@dataclass
class _Numbering:
    """Word's automatic list numbers, which are not in a paragraph's text: rendered from the
    numbering definitions so "1.", "a)", "-" labels reach the reader."""

    document: Document
    counters: dict[str, list[int]] = field(default_factory=dict)
    levels: dict[tuple[str, int], tuple[str, str, int]] = field(default_factory=dict)
    # A paragraph style's lookup scans every style of the document in python-docx: each
    # style is looked up once (a 3,000-row table took 25 s, most of it here).
    styles: dict[str | None, Any] = field(default_factory=dict)

    def style(self, paragraph: Paragraph) -> Any:
        """The paragraph's style (its own, or the document's default), looked up once."""
        style_id = paragraph._p.style
        if style_id not in self.styles:
            self.styles[style_id] = paragraph.style
        return self.styles[style_id]

    def bold(self, paragraph: Paragraph) -> bool:
        """Whether all the paragraph's words are bold, by their runs or by its style."""
        runs = [run for run in paragraph.runs if run.text.strip()]
        style = self.style(paragraph)
        style_bold = bool(style is not None and style.font.bold)
        return bool(runs) and all(
            run.bold is True or (run.bold is None and style_bold) for run in runs
        )

    def __post_init__(self) -> None:
        try:
            root = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstracts = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            abstract = abstracts.get(ref.get(qn("w:val")) if ref is not None else None)
            if abstract is None:
                continue
            for lvl in abstract.findall(qn("w:lvl")):
                level = list_start(lvl.get(qn("w:ilvl"))) or 0
                if level > 8:
                    continue  # Word has nine levels; a file that says more is not Word's
                start = list_start(_val(lvl, "w:start"))
                self.levels[(num.get(qn("w:numId")) or "", level)] = (
                    _val(lvl, "w:numFmt") or "decimal",
                    _val(lvl, "w:lvlText") or "",
                    1 if start is None else start,
                )

    def label(self, paragraph: Paragraph) -> str:
        """The paragraph's list label and a space, or ""."""
        if not self.levels:
            return ""
        num_id, level = _num_pr(paragraph, self.style(paragraph))
        if (num_id, level) not in self.levels:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        fmt, text, _ = self.levels[(num_id, level)]
        if fmt == "bullet":
            return BULLETS.get(text.strip(), "-") + " "
        return re.sub(r"%(\d)", lambda m: self._number(num_id, int(m.group(1)) - 1), text) + " "

    def _number(self, num_id: str, level: int) -> str:
        fmt, _, start = self.levels.get((num_id, level), ("decimal", "", 1))
        value = start - 1 + max(self.counters[num_id][level], 1)
        return format_number(value, fmt)


def _num_pr(paragraph: Paragraph, style: Any) -> tuple[str, int]:
    """The paragraph's list (numId, level): its own, else its style's (the "List Number"
    styles), else ("", 0)."""
    elements: list[Any] = [paragraph._p]
    while style is not None:
        elements.append(style.element)
        style = style.base_style
    for element in elements:
        num_ids = element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        if num_ids:
            levels = element.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
            return str(num_ids[0]), int(levels[0]) if levels else 0
    return "", 0


def _val(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


# The highest number a list may start from: no plan holds a list of ten thousand items.
HIGHEST_LIST_START = 10_000


def list_start(text: str | None) -> int | None:
    """A list's start value as a file writes it, within what a list can hold (a start of
    10²⁰ in a hostile file is bounded); None for no number ("abc")."""
    try:
        return min(max(int(text or ""), 0), HIGHEST_LIST_START)
    except ValueError:
        return None


def format_number(value: int, fmt: str) -> str:
    """A list number in a Word numFmt (decimal, lowerLetter, upperLetter, lowerRoman,
    upperRoman). Roman numerals go to 3,999; a number beyond is written in digits (its
    numeral would be a thousand "M" for each thousand: 10²⁰ would never be written)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while value >= number:
            out, value = out + letters, value - number
    return out
