"""Plans saved as comma-separated values (.csv: Excel's "Save as CSV", a spreadsheet
exported from the web): the rows are read as one sheet of an Excel workbook is.

Excel writes UTF-8 (with a byte-order mark) or, on Vietnamese Windows, the Windows-1258
code page; it separates cells with commas, or semicolons where the comma is the decimal
mark. Both are found, never guessed silently: a file in neither encoding is refused.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tracker.plans.importers.base import DocumentError, RawPlan, decode_document
from tracker.plans.importers.limits import LIMITS, DocumentTooComplex, Limits, check_size, figure
from tracker.plans.importers.xlsx import read_rows

__all__ = ["read_csv"]

_DELIMITERS = ",;\t"


def read_csv(path: Path, *, name: str | None = None, limits: Limits = LIMITS) -> RawPlan:
    """A .csv plan as a raw plan: the rows above the header as its head, then its tasks.
    ``name`` is the file's name in messages (an upload's own name); by default the path's."""
    shown = name or path.name
    if not path.is_file():
        raise DocumentError(f"{shown}: không tìm thấy tệp.")
    check_size(path.stat().st_size, shown, limits, text=True)
    text = decode_document(
        path.read_bytes(), shown, "tệp CSV", "hãy lưu lại dạng 'CSV UTF-8'", legacy=True
    )
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:8192], delimiters=_DELIMITERS
        )
    except csv.Error:
        dialect = csv.excel
    rows: list[list[str]] = []
    cells = 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            if len(rows) >= limits.rows:
                raise DocumentTooComplex(
                    f"{shown}: tệp có hơn {figure(limits.rows)} hàng; giới hạn là "
                    f"{figure(limits.rows)} hàng."
                )
            if len(row) > limits.columns:
                raise DocumentTooComplex(
                    f"{shown}, hàng {len(rows) + 1}: hàng có {figure(len(row))} cột; giới hạn "
                    f"là {limits.columns} cột."
                )
            cells += len(row)
            if cells > limits.cells:
                raise DocumentTooComplex(
                    f"{shown}: tệp có hơn {figure(limits.cells)} ô; giới hạn là "
                    f"{figure(limits.cells)} ô."
                )
            rows.append(row)
    except csv.Error as exc:
        raise DocumentError(f"{shown}, hàng {len(rows) + 1}: không đọc được ({exc}).") from exc
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        raise DocumentError(f"{shown}: tệp CSV không có dữ liệu.")
    return read_rows(rows, where=shown, source=shown)
