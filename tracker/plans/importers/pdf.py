"""PDF plans with a text layer (pdfplumber): each page's ruled tables and the lines around
them, in reading order, read as a Word document is (:class:`.docx.FlowReader`); a PDF
whose tables have no ruling lines is read from its text, as a text extract is
(:func:`.text.read_lines`). A scan (pages of images, no text) is refused: reading it
would need OCR, and a plan read wrong is worse than none.

The number of pages, lines, table rows, columns and cells are bounded by
:class:`~.limits.Limits` as each page is read; the time and the memory by the worker
process that reads it (:mod:`.sandbox`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from tracker.plans.importers.base import DocumentError, RawPlan, clean_cell
from tracker.plans.importers.docx import FlowReader
from tracker.plans.importers.limits import LIMITS, DocumentTooComplex, Limits, figure
from tracker.plans.importers.text import read_lines

__all__ = ["SCANNED", "read_pdf"]

SCANNED = (
    "tệp PDF là bản quét (chỉ có ảnh, không có lớp chữ) nên không đọc được nội dung. Hãy "
    "tải lên tệp Word (.docx) gốc của kế hoạch, hoặc tệp PDF xuất trực tiếp từ Word."
)
# A page number or "Trang 2/5" alone on its line, between a table and its next page.
_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Line:
    top: float
    text: str
    bold: bool


@dataclass(frozen=True)
class _Table:
    top: float
    rows: list[list[str]]


def read_pdf(path: Path, *, name: str | None = None, limits: Limits = LIMITS) -> RawPlan:
    """A PDF plan as a raw plan. ``name`` is the file's name in messages."""
    name = name or path.name
    if not path.is_file():
        raise DocumentError(f"{name}: không tìm thấy tệp.")
    try:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
            if pages > limits.pdf_pages:
                raise DocumentTooComplex(
                    f"{name}: tệp PDF có {figure(pages)} trang; giới hạn là "
                    f"{figure(limits.pdf_pages)} trang."
                )
            blocks = _read_pages(pdf, name, limits)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DocumentError(
            f"{name}: tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi tải lên lại."
        ) from exc
    except (PdfminerException, PDFSyntaxError) as exc:
        if isinstance(exc.args[0] if exc.args else None, PDFPasswordIncorrect | PDFEncryptionError):
            raise DocumentError(
                f"{name}: tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi tải lên lại."
            ) from exc
        raise DocumentError(f"{name}: không phải tệp PDF hợp lệ.") from exc
    if not any(isinstance(b, _Line) for b in blocks) and not any(
        isinstance(b, _Table) for b in blocks
    ):
        raise DocumentError(f"{name}: {SCANNED}")
    if not any(isinstance(b, _Table) for b in blocks):
        # No ruled table: the text as a text extract, whose reader knows tables laid out
        # in columns of short lines and prose broken at the end of each printed line.
        return read_lines([b.text for b in blocks if isinstance(b, _Line)], name)
    reader = FlowReader(name)
    for block in blocks:
        if isinstance(block, _Table):
            reader.table(block.rows)
        else:
            reader.line(block.text, block.bold)
    return reader.finish()


def _read_pages(pdf: Any, name: str, limits: Limits) -> list[_Line | _Table]:
    """Every page's tables and the lines outside them, top to bottom, page after page."""
    blocks: list[_Line | _Table] = []
    lines = cells = 0
    for number, page in enumerate(pdf.pages, start=1):
        where = f"{name}, trang {number}"
        found = page.find_tables()
        boxes = [table.bbox for table in found]
        on_page: list[_Line | _Table] = []
        for table in found:
            rows = [[_cell(c) for c in row] for row in table.extract()]
            width = max((len(row) for row in rows), default=0)
            if len(rows) > limits.rows or width > limits.columns:
                raise DocumentTooComplex(
                    f"{where}: bảng có {figure(len(rows))} hàng, {figure(width)} cột; giới hạn "
                    f"là {figure(limits.rows)} hàng, {limits.columns} cột."
                )
            cells += sum(len(row) for row in rows)
            on_page.append(_Table(table.bbox[1], rows))

        def outside(obj: dict[str, Any], boxes: list[Any] = boxes) -> bool:
            if "x0" not in obj or "top" not in obj:
                return True
            middle_x = (obj["x0"] + obj["x1"]) / 2
            middle_y = (obj["top"] + obj["bottom"]) / 2
            return not any(
                x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes
            )

        text_page = page.filter(outside) if boxes else page
        for line in text_page.extract_text_lines(return_chars=True):
            text = clean_cell(line["text"])
            if not text or _PAGE_NUMBER.match(text):
                continue
            fonts = [c.get("fontname", "") for c in line["chars"] if c.get("text", "").strip()]
            bold = bool(fonts) and all("bold" in f.lower() for f in fonts)
            on_page.append(_Line(line["top"], text, bold))
            lines += 1
        if lines > limits.paragraphs:
            raise DocumentTooComplex(
                f"{name}: tệp PDF có hơn {figure(limits.paragraphs)} dòng; giới hạn là "
                f"{figure(limits.paragraphs)} dòng."
            )
        if cells > limits.cells:
            raise DocumentTooComplex(
                f"{name}: các bảng có hơn {figure(limits.cells)} ô; giới hạn là "
                f"{figure(limits.cells)} ô."
            )
        blocks.extend(sorted(on_page, key=lambda block: block.top))
        page.close()
    return blocks


def _cell(value: str | None) -> str:
    """A cell's text with its printed line breaks (the table reader joins them)."""
    return "\n".join(line.strip() for line in (value or "").split("\n"))
