"""OpenDocument spreadsheet (.ods) plans: each sheet's cells read as an Excel sheet's are
(:func:`.xlsx.read_sheets`), the sheets chosen and combined the same way.

A sheet says "the next 1,048,000 rows are empty" or "this cell, 16,000 times" rather than
writing each: empty repeats only move the position, and a repeated cell that holds
something is refused when it would reach past the row, column or cell limit, before any
copy is made.
"""

from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element

from tracker.plans.importers.base import RawPlan, ReviewItem
from tracker.plans.importers.limits import LIMITS, DocumentTooComplex, Limits, figure
from tracker.plans.importers.odf import (
    OFFICE,
    SKIPPED,
    STYLE,
    TABLE,
    TEXT,
    OdfPackage,
    Styles,
    all_bold,
    children,
    paragraph_runs,
    repeat,
    runs_text,
)
from tracker.plans.importers.xlsx import (
    hidden_row_items,
    outside_limits,
    read_sheets,
    sheet_grid,
    value_text,
)

__all__ = ["read_ods"]

_ROW_GROUPS = (
    f"{TABLE}table-header-rows",
    f"{TABLE}table-rows",
    f"{TABLE}table-row-group",
)
_COLUMN_GROUPS = (
    f"{TABLE}table-header-columns",
    f"{TABLE}table-columns",
    f"{TABLE}table-column-group",
)


def read_ods(
    package: OdfPackage, body: Element, limits: Limits = LIMITS, sheet: str | None = None
) -> RawPlan:
    """The sheets of the spreadsheet body (office:spreadsheet) as a raw plan; ``sheet``:
    that sheet alone (:func:`.xlsx.read_sheets`)."""
    sheets = []
    review: list[ReviewItem] = []
    hidden_styles = _hidden_table_styles(package)
    hidden: set[str] = set()
    for table in body.findall(f"{TABLE}table"):
        title = table.get(f"{TABLE}name", "")
        where = f"{package.name}, trang tính '{title}'"
        shown = table.get(f"{TABLE}style-name") not in hidden_styles
        if not shown:
            hidden.add(title)
        filled, merges, hidden_rows = _cells(table, package.styles, where, limits)
        if shown:
            review.extend(hidden_row_items(where, hidden_rows))
        else:
            filled.update(hidden_rows)
        sheets.append((title, sheet_grid(filled, merges, where, limits)))
    return read_sheets(
        package.name, sheets, kind="tệp bảng tính", hidden=hidden, review=review, sheet=sheet
    )


def _hidden_table_styles(package: OdfPackage) -> set[str]:
    """The names of the table styles that hide their sheet (table:display="false")."""
    names: set[str] = set()
    for style in package.content.iter(f"{STYLE}style"):
        properties = style.find(f"{STYLE}table-properties")
        if properties is not None and properties.get(f"{TABLE}display") == "false":
            names.add(style.get(f"{STYLE}name", ""))
    return names


def _cells(
    table: Element, styles: Styles, where: str, limits: Limits
) -> tuple[dict[tuple[int, int], str], list[tuple[int, int, int]], dict[tuple[int, int], str]]:
    """The cells that hold something, by (row, column) from 1, the ranges merged down
    (first row, column, last row), and apart the cells of hidden rows (collapsed or
    filtered out)."""
    columns = _column_styles(table, limits)
    filled: dict[tuple[int, int], str] = {}
    hidden: dict[tuple[int, int], str] = {}
    # Cells merged across columns in one row: (row, first column, last column).
    spans: list[tuple[int, int, int]] = []
    merges: list[tuple[int, int, int]] = []
    row_at = 1
    for row in children(table, *_ROW_GROUPS):
        if row.tag != f"{TABLE}table-row":
            continue
        times = repeat(row, "number-rows-repeated")
        texts: dict[int, str] = {}
        column = 1
        for cell in row:
            if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                continue
            across = repeat(cell, "number-columns-repeated")
            # A covered cell is part of a merged range: what it may still hold is hidden.
            text = "" if cell.tag != f"{TABLE}table-cell" else _text(cell, styles, columns, column)
            if text:
                if column + across - 1 > limits.columns:
                    raise outside_limits(where, row_at, column + across - 1, limits)
                texts.update(dict.fromkeys(range(column, column + across), text))
                down = repeat(cell, "number-rows-spanned")
                if down > 1:
                    merges.append((row_at, column, row_at + down - 1))
                if down == 1 and times == 1:
                    spans.append(
                        (row_at, column, column + repeat(cell, "number-columns-spanned") - 1)
                    )
            column += across
        if texts:
            if row_at + times - 1 > limits.rows:
                raise outside_limits(where, row_at + times - 1, min(texts), limits)
            if len(filled) + len(texts) * times > limits.cells:
                count = len(filled) + len(texts) * times
                raise DocumentTooComplex(
                    f"{where}: có {figure(count)} ô; giới hạn là {figure(limits.cells)} ô."
                )
            into = hidden if row.get(f"{TABLE}visibility") in ("collapsed", "filter") else filled
            for offset in range(times):
                into.update({(row_at + offset, c): text for c, text in texts.items()})
        row_at += times
    _headings_across(filled, spans)
    return filled, merges, hidden


def _headings_across(filled: dict[tuple[int, int], str], spans: list[tuple[int, int, int]]) -> None:
    """A cell merged across the whole width of the table in its row ("Lĩnh vực văn hóa -
    xã hội" over every column) is a heading, in bold as an Excel sheet's is."""
    width = max((column for _, column in filled), default=0)
    for row, first, last in spans:
        text = filled.get((row, first), "")
        across = first <= 2 and last >= max(width, 4) and last > first
        if across and text and not text.lstrip().startswith("<b>"):
            filled[(row, first)] = f"<b>{text}</b>"


def _column_styles(table: Element, limits: Limits) -> list[str | None]:
    """The default cell style of each column, up to the column limit (a sheet declares
    a thousand or sixteen thousand columns, most of them empty)."""
    styles: list[str | None] = []
    for column in children(table, *_COLUMN_GROUPS):
        if column.tag != f"{TABLE}table-column":
            continue
        times = min(repeat(column, "number-columns-repeated"), limits.columns + 1 - len(styles))
        styles.extend([column.get(f"{TABLE}default-cell-style-name")] * max(times, 0))
        if len(styles) > limits.columns:
            break
    return styles


def _text(cell: Element, styles: Styles, columns: list[str | None], column: int) -> str:
    """The cell as the sheet shows it: its paragraphs one a line, a date as dd/mm/yyyy, a
    number as Excel's cells give it; in <b> when all of it is bold."""
    style = cell.get(f"{TABLE}style-name") or (
        columns[column - 1] if column <= len(columns) else None
    )
    bold = styles.bold("table-cell", style)
    runs = [paragraph_runs(p, styles, bold) for p in _paragraphs(cell)]
    text = "\n".join(runs_text(line) for line in runs)
    value = _value(cell)
    if value is not None:
        text = value
    if not text.strip():
        return ""
    every = [run for line in runs for run in line]
    if (bold and not every) or all_bold(every):
        return f"<b>{text}</b>"
    return text


def _value(cell: Element) -> str | None:
    """A date or number cell's own value (what it shows may be in any format); None for
    text, and for other types, whose shown text is what a reader reads."""
    kind = cell.get(f"{OFFICE}value-type")
    try:
        if kind == "date":
            return value_text(_date(cell.get(f"{OFFICE}date-value", "")))
        if kind == "float":
            return value_text(float(cell.get(f"{OFFICE}value", "")))
    except ValueError:
        return None
    return None


def _date(text: str) -> dt.date | dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment.date() if "T" not in text else moment.replace(tzinfo=None)


def _paragraphs(element: Element) -> list[Element]:
    """The paragraphs of a cell in order, inside lists too, not those of its comment."""
    found: list[Element] = []
    for child in element:
        if child.tag in (f"{TEXT}p", f"{TEXT}h"):
            found.append(child)
        elif child.tag not in SKIPPED:
            found.extend(_paragraphs(child))
    return found
