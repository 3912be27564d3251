"""OpenDocument text (.odt) plans: the body walked in order as a Word document's is
(:class:`.docx.FlowReader`): paragraphs and headings with the numbers their list or
outline style gives them, and tables as rows of cells, a merged cell's text once."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from tracker.plans.importers.base import RawPlan
from tracker.plans.importers.docx import BULLETS, FlowReader, format_number, list_start
from tracker.plans.importers.limits import LIMITS, DocumentTooComplex, Limits, figure
from tracker.plans.importers.odf import (
    STYLE,
    TABLE,
    TEXT,
    OdfPackage,
    Styles,
    all_bold,
    cached_number,
    children,
    paragraph_runs,
    repeat,
    runs_text,
)
from tracker.plans.importers.tables import MergedText

__all__ = ["read_odt"]

# The number formats of ODF (style:num-format) in Word's words.
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
            "I": "upperRoman"}  # fmt: skip
_ROW_GROUPS = (
    f"{TABLE}table-header-rows",
    f"{TABLE}table-rows",
    f"{TABLE}table-row-group",
)
_CELLS = (f"{TABLE}table-cell", f"{TABLE}covered-table-cell")
_LEVELS = 10


def read_odt(package: OdfPackage, body: Element, limits: Limits = LIMITS) -> RawPlan:
    """The text body (office:text) of ``package`` as a raw plan, as a Word plan is read."""
    flow = _Flow(package.name, package.styles, limits)
    reader = FlowReader(package.name, whole=True)
    for block in flow.blocks(body):
        if isinstance(block, _Paragraph):
            reader.line(block.label + block.text.strip(), block.bold)
        else:
            where = f"{package.name}, bảng {reader.tables + 1}"
            reader.table(flow.table_rows(block, where))
    return reader.finish()


@dataclass(frozen=True)
class _Paragraph:
    label: str  # its list or heading number and a space, or ""
    text: str
    bold: bool


@dataclass
class _Counters:
    """The running numbers of one list (or of the headings), a count per level."""

    style: str
    counts: list[int] = field(default_factory=lambda: [0] * _LEVELS)

    def step(self, level: int, start: int | None = None) -> None:
        index = min(level, _LEVELS) - 1
        self.counts[index] = (start - 1 if start is not None else self.counts[index]) + 1
        for deeper in range(index + 1, _LEVELS):
            self.counts[deeper] = 0


@dataclass
class _Flow:
    name: str
    styles: Styles
    limits: Limits
    lists: dict[str, _Counters] = field(default_factory=dict)  # by the list's xml:id
    last: dict[str, _Counters] = field(default_factory=dict)  # the last list of a style
    headings: _Counters = field(default_factory=lambda: _Counters(""))

    def blocks(self, container: Element, bold: bool = False) -> list[_Paragraph | Element]:
        """Paragraphs and tables in document order; sections opened in place; indexes,
        tracked changes and declarations left out. ``bold`` is the container's own (a
        table cell's style), which paragraphs without a weight of their own take."""
        out: list[_Paragraph | Element] = []
        for child in container:
            tag = child.tag
            if tag == f"{TEXT}p":
                out.append(self._paragraph(child, "", bold))
            elif tag == f"{TEXT}h":
                out.append(self._heading(child))
            elif tag == f"{TEXT}list":
                self._list(child, 1, None, out, bold)
            elif tag == f"{TEXT}section":
                out.extend(self.blocks(child, bold))
            elif tag == f"{TABLE}table":
                out.append(child)
        return out

    def _paragraph(self, element: Element, label: str = "", bold: bool = False) -> _Paragraph:
        runs = paragraph_runs(element, self.styles, bold)
        return _Paragraph(label, runs_text(runs), all_bold(runs))

    def _heading(self, element: Element) -> _Paragraph:
        """A heading, bold as headings are, numbered by the outline style when it numbers
        its level (or by the number the application wrote into it)."""
        try:
            level = max(int(element.get(f"{TEXT}outline-level", "1")), 1)
        except ValueError:
            level = 1
        label = cached_number(element)
        numbered = element.get(f"{TEXT}is-list-header") != "true"
        outline = self.styles.outline
        if label is None and numbered and outline is not None:
            self.headings.step(level)
            label = _label(outline, self.headings, level)
        runs = paragraph_runs(element, self.styles, True)
        return _Paragraph(f"{label} " if label else "", runs_text(runs), True)

    def _list(
        self,
        element: Element,
        level: int,
        counters: _Counters | None,
        out: list[_Paragraph | Element],
        bold: bool,
    ) -> None:
        style = element.get(f"{TEXT}style-name") or (counters.style if counters else "")
        if counters is None:
            counters = self._counters(element, style)
        for item in element:
            header = item.tag == f"{TEXT}list-header"
            if item.tag != f"{TEXT}list-item" and not header:
                continue
            first = True
            for child in item:
                if child.tag in (f"{TEXT}p", f"{TEXT}h"):
                    label = ""
                    if first and not header:
                        label = self._item_label(item, child, style, counters, level)
                    out.append(self._paragraph(child, label, bold))
                    first = False
                elif child.tag == f"{TEXT}list":
                    self._list(child, level + 1, counters, out, bold)
                elif child.tag == f"{TABLE}table":
                    out.append(child)

    def _counters(self, element: Element, style: str) -> _Counters:
        """A new list's numbers, or those of the list it continues (text:continue-list
        names it; text:continue-numbering continues the last list of its style)."""
        counters = self.lists.get(element.get(f"{TEXT}continue-list", ""))
        if counters is None and element.get(f"{TEXT}continue-numbering") == "true":
            counters = self.last.get(style)
        if counters is None:
            counters = _Counters(style)
        own = element.get("{http://www.w3.org/XML/1998/namespace}id")
        if own:
            self.lists[own] = counters
        self.last[style] = counters
        return counters

    def _item_label(
        self, item: Element, paragraph: Element, style: str, counters: _Counters, level: int
    ) -> str:
        cached = cached_number(paragraph)
        list_style = self.styles.lists.get(style)
        level_style = _level_style(list_style, level) if list_style is not None else None
        start = list_start(item.get(f"{TEXT}start-value"))
        if start is None and counters.counts[min(level, _LEVELS) - 1] == 0:
            start = _start(level_style)
        counters.step(level, start)
        if cached is not None:
            return f"{cached} " if cached else ""
        label = _label(list_style, counters, level)
        return f"{label} " if label else ""

    # ----------------------------------------------------------------------- tables

    def table_rows(self, table: Element, where: str) -> list[list[str]]:
        """The table as rows of cells: a cell spanning columns holds its text in its first
        column (the covered cells beside it are empty), one spanning rows gives it to the
        covered cells below as :class:`MergedText`. Repeated rows and cells are counted
        against the limits before any is copied."""
        rows_xml = [row for row in children(table, *_ROW_GROUPS) if row.tag == f"{TABLE}table-row"]
        height = sum(repeat(row, "number-rows-repeated") for row in rows_xml)
        if height > self.limits.rows:
            raise DocumentTooComplex(
                f"{where}: bảng có {figure(height)} hàng; giới hạn là "
                f"{figure(self.limits.rows)} hàng."
            )
        rows: list[list[str]] = []
        down: dict[int, tuple[str, int]] = {}  # column → (text, last row it covers)
        for row in rows_xml:
            cells = [cell for cell in row if cell.tag in _CELLS]
            width = sum(repeat(cell, "number-columns-repeated") for cell in cells)
            if width > self.limits.columns:
                raise DocumentTooComplex(
                    f"{where}, hàng {len(rows) + 1}: hàng rộng {figure(width)} cột; giới hạn "
                    f"là {self.limits.columns} cột."
                )
            texts: list[str] = []
            for cell in cells:
                times = repeat(cell, "number-columns-repeated")
                if cell.tag == f"{TABLE}covered-table-cell":
                    for _ in range(times):
                        text, last = down.get(len(texts), ("", -1))
                        texts.append(MergedText(text) if last >= len(rows) else "")
                    continue
                text = self._cell_text(cell)
                span = repeat(cell, "number-rows-spanned")
                for _ in range(times):
                    if span > 1:
                        down[len(texts)] = (text, len(rows) + span - 1)
                    texts.append(text)
            rows.extend(list(texts) for _ in range(repeat(row, "number-rows-repeated")))
        return rows

    def _cell_text(self, cell: Element) -> str:
        """The cell's paragraphs, one a line, each with its list number; a cell all in bold
        wrapped in <b> (a heading), as a Word cell is read."""
        bold = self.styles.bold("table-cell", cell.get(f"{TABLE}style-name"))
        lines: list[str] = []
        worded: list[_Paragraph] = []
        for block in self.blocks(cell, bold):
            if not isinstance(block, _Paragraph):
                continue  # a table inside the cell: its own text is not the cell's
            if block.text.strip():
                worded.append(block)
                lines.append(block.label + block.text.strip() if block.label else block.text)
            elif block.label.strip():
                lines.append(block.label.strip())
        text = "\n".join(lines)
        if worded and all(p.bold for p in worded):
            return f"<b>{text}</b>"
        return text


def _level_style(list_style: Element, level: int) -> Element | None:
    for style in list_style:
        if style.get(f"{TEXT}level") == str(level):
            return style
    return None


def _start(level_style: Element | None) -> int | None:
    return None if level_style is None else list_start(level_style.get(f"{TEXT}start-value"))


def _label(list_style: Element | None, counters: _Counters, level: int) -> str:
    """The number a list or outline level shows: its prefix, the numbers of the levels it
    displays (each in its level's format) joined by dots, its suffix ("1.", "1.2.", "a)",
    "I."); a bullet as "-" or "+"; "" where the level numbers nothing."""
    if list_style is None:
        return ""
    level_style = _level_style(list_style, level)
    if level_style is None:
        return ""
    if level_style.tag == f"{TEXT}list-level-style-bullet":
        return BULLETS.get(level_style.get(f"{TEXT}bullet-char", "").strip(), "-")
    fmt = level_style.get(f"{STYLE}num-format", "")
    if (
        level_style.tag
        not in (
            f"{TEXT}list-level-style-number",
            f"{TEXT}outline-level-style",
        )
        or fmt not in _FORMATS
    ):
        return ""
    try:
        shown = max(int(level_style.get(f"{TEXT}display-levels", "1")), 1)
    except ValueError:
        shown = 1
    numbers = []
    for at in range(max(level - shown + 1, 1), min(level, _LEVELS) + 1):
        upper = _level_style(list_style, at) if at != level else level_style
        own = upper.get(f"{STYLE}num-format", "") if upper is not None else ""
        value = max(counters.counts[at - 1], 1)
        numbers.append(format_number(value, _FORMATS.get(own, "decimal")))
    prefix = level_style.get(f"{STYLE}num-prefix", "")
    suffix = level_style.get(f"{STYLE}num-suffix", "")
    return f"{prefix}{'.'.join(numbers)}{suffix}".strip()
