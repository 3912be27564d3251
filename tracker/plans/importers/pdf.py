"""PDF plans with a text layer (pdfplumber), as provinces publish them (signed PDFs
exported from Word): each page's ruled tables and the lines around them, in reading
order, read as a Word document is (:class:`.docx.FlowReader`); a PDF without tables is
read from its text, as a text extract is (:func:`.text.read_lines`).

Before that, the pages are read as a person reads them: the national header and the
signature block, printed in two columns, column by column; running headers, footers and
page numbers left out (and kept in the plan's details); a table going on over page
breaks joined into one (its header printed again left out, a row cut by a break joined
to its row and reported for review); tables ruled only between their rows, only between
their columns or only in their header read by their header's columns; text as PDF
writers leave it (NFD, ligatures, soft hyphens, letters doubled by simulated bold or
spaced out, a word cut at a line's end after a hyphen or a slash) read as typed.

A scan (pages of pictures, no text or only a few stray characters) is refused: reading it
would need OCR, and a plan read wrong is worse than none. So are a PDF with a password
and a broken one, by name.

The number of pages, lines, table rows, columns and cells are bounded by
:class:`~.limits.Limits` as each page is read; the time and the memory by the worker
process that reads it (:mod:`.sandbox`).
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from tracker.plans.importers.base import DocumentError, RawPlan, ReviewItem, clean_cell
from tracker.plans.importers.docx import FlowReader
from tracker.plans.importers.limits import LIMITS, DocumentTooComplex, Limits, figure
from tracker.plans.importers.tables import continuation_remark, find_columns, is_roman
from tracker.plans.importers.text import read_lines
from tracker.vn import fold

__all__ = ["SCANNED", "read_pdf"]

SCANNED = (
    "tệp PDF là bản quét (chỉ có ảnh, không có lớp chữ) nên không đọc được nội dung. Hãy "
    "tải lên tệp Word (.docx) gốc của kế hoạch, hoặc tệp PDF xuất trực tiếp từ Word."
)


@dataclass(frozen=True)
class _Word:
    x0: float
    x1: float
    text: str


@dataclass(frozen=True)
class _Line:
    top: float
    text: str
    bold: bool
    page: int = 0
    # The first or the last thing on its page, near its top or bottom edge, where running
    # headers and footers stand.
    margin: bool = False
    # Its words and where each stands across the page; the height of its letters.
    words: tuple[_Word, ...] = ()
    size: float = 10.0
    bottom: float = 0.0
    # The width of its page (a landscape page's is its height when upright).
    width: float = 0.0
    # It ends inside a word: a soft hyphen, "12/KH-" or "ngày 15/" cut by the line's end.
    cut: bool = False
    # Read from a block in two columns (the national header, the signature block): never
    # a running header, even when an appendix prints the letterhead again.
    columned: bool = False


@dataclass
class _Table:
    top: float
    rows: list[list[str]]
    page: int = 0
    # Where each column stands across the page (its first row's cells).
    columns: list[tuple[float, float]] = field(default_factory=list)
    # Rows whose cells went on to the next page, merged here: (the row's cells as they
    # end up, the cells' text printed on the next page).
    joined: list[tuple[list[str], list[str]]] = field(default_factory=list)
    # The width of its page.
    width: float = 0.0


def read_pdf(path: Path, *, name: str | None = None, limits: Limits = LIMITS) -> RawPlan:
    """A PDF plan as a raw plan. ``name`` is the file's name in messages."""
    name = name or path.name
    if not path.is_file():
        raise DocumentError(f"{name}: không tìm thấy tệp.")
    damage = _Damage()
    listener = logging.getLogger("pdfminer")
    listener.addHandler(damage)
    try:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
            if pages > limits.pdf_pages:
                raise DocumentTooComplex(
                    f"{name}: tệp PDF có {figure(pages)} trang; giới hạn là "
                    f"{figure(limits.pdf_pages)} trang."
                )
            blocks, left_out, scans = _read_pages(pdf, name, limits)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DocumentError(
            f"{name}: tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi tải lên lại."
        ) from exc
    except (PdfminerException, MalformedPDFException, PSException) as exc:
        # pdfminer's own errors (PSException is the root of its syntax, type and value
        # errors) and pdfplumber's on a damaged file: a file that is no PDF we can read.
        if isinstance(exc.args[0] if exc.args else None, PDFPasswordIncorrect | PDFEncryptionError):
            raise DocumentError(
                f"{name}: tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi tải lên lại."
            ) from exc
        raise DocumentError(f"{name}: không phải tệp PDF hợp lệ.") from exc
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, zlib.error) as exc:
        # pdfplumber and pdfminer fail so on some damaged files (a page without its
        # MediaBox, a broken stream); raised anywhere else, it is our own error.
        if not _in_parser(exc):
            raise
        raise DocumentError(f"{name}: không phải tệp PDF hợp lệ.") from exc
    finally:
        listener.removeHandler(damage)
    if not any(isinstance(b, _Line) for b in blocks) and not any(
        isinstance(b, _Table) for b in blocks
    ):
        raise DocumentError(f"{name}: {SCANNED}")
    if not any(isinstance(b, _Table) for b in blocks):
        # No ruled table: the text as a text extract, whose reader knows tables laid out
        # in columns of short lines and prose broken at the end of each printed line.
        raw = read_lines([b.text for b in blocks if isinstance(b, _Line)], name)
        _report(raw, name, left_out, scans, damage.found)
        return raw
    reader = FlowReader(name)
    for block in blocks:
        if isinstance(block, _Table):
            reader.table(block.rows)
        else:
            reader.line(block.text, block.bold)
    raw = reader.finish()
    for block in blocks:
        if isinstance(block, _Table):
            for merged, piece in block.joined:
                _remark_joined(raw, merged, piece, name)
    _report(raw, name, left_out, scans, damage.found)
    return raw


def _report(
    raw: RawPlan, name: str, left_out: list[str], scans: list[int], damage: list[str]
) -> None:
    """Nothing printed is dropped unsaid: the running headers, footers and page numbers
    left out, each once, in the plan's details; each page that is a scan among pages of
    text (a signed page scanned, say), whose words nobody read, a review item; and a file
    damaged in part (pdfminer read past a broken stream or object), a review item too."""
    if damage:
        raw.review.append(
            ReviewItem(
                name,
                "tệp hỏng",
                damage[0],
                "Tệp PDF bị hỏng một phần nên có thể đã thiếu nội dung khi đọc; hãy đối chiếu "
                "với bản gốc, hoặc tải lên tệp Word (.docx) gốc.",
            )
        )
    if left_out:
        raw.details["running_lines"] = list(dict.fromkeys(left_out))
    for number in scans:
        raw.review.append(
            ReviewItem(
                f"{name}, trang {number}",
                "trang quét",
                "",
                "Trang này là ảnh quét (không có lớp chữ) nên không đọc được nội dung; hãy "
                "đối chiếu với bản gốc, hoặc tải lên tệp Word (.docx) gốc.",
            )
        )


_FIELDS = ("content", "timing", "lead", "coordinating", "output", "note")


def _remark_joined(raw: RawPlan, merged: list[str], piece: list[str], name: str) -> None:
    """Say on the task read from a row cut by a page break which of its cells went on at
    the top of the next page, and with what (the officer checks the join)."""
    label = clean_cell(merged[0])
    for task, _ in raw.walk():
        if task.label != label:
            continue
        remarks = []
        for text in (clean_cell(p) for p in piece[1:]):
            role = next((f for f in _FIELDS if text and getattr(task, f).endswith(text)), None)
            if role is not None:
                before = getattr(task, role)[: -len(text)].strip()
                remarks.append(continuation_remark(role, text, before, after_header=False))
        if remarks:
            task.remark = " ".join(r for r in [task.remark, *remarks] if r)
            reason = (
                "Hàng này bị ngắt trang: phần in ở đầu trang sau (không có số thứ tự) đã được "
                "nối vào hàng; hãy kiểm tra."
            )
            task.review = " ".join(r for r in (task.review, reason) if r)
            shown = clean_cell(" ".join(p for p in piece[1:] if p.strip()))
            raw.review.append(ReviewItem(task.where or name, "ngắt trang", shown, reason))
            return


# Fewer letters than this on a page with a picture over half of it: a scan, whatever
# stray characters its text layer holds (a stamp's number, a page number, OCR's noise).
_SCAN_LETTERS = 40


_LABEL = re.compile(r"(?:[IVXL]+|\d{1,3}(?:\.\d{1,3})*)[.)]?")


def _collapsed(rows: list[list[str]]) -> int | None:
    """The first row (under a task table's header, if it has one) that holds several rows
    in one, as pdfplumber reads a table ruled between its columns but not between its
    rows: its number cell (the first, without a header) holds two numbers or more, one a
    line ("17", "18", …)."""
    columns = find_columns(rows[0]) if rows else None
    label = columns.get("label", 0) if columns else 0
    start = 1 if columns else 0
    for index, row in enumerate(rows[start:], start=start):
        lines = [x for x in row[label].split("\n") if x.strip()] if label < len(row) else []
        if len(lines) >= 2 and all(_LABEL.fullmatch(x.strip()) for x in lines):
            return index
    return None


# What pdfminer says when it reads past damage: a stream that does not decompress, an
# object the cross-reference table cannot place, content that is no stream.
_DAMAGE = re.compile(r"Data-loss|Not adding object|non-indirect object")


class _Damage(logging.Handler):
    """Collects pdfminer's warnings of damage while a file is read."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if _DAMAGE.search(message) and len(self.found) < 10:
            self.found.append(message[:200])


def _in_parser(exc: BaseException) -> bool:
    """The error was raised inside pdfplumber or pdfminer (reading a damaged file): the
    innermost frame of theirs or ours, past the standard library's (base64, zlib …),
    is theirs."""
    frames = []
    trace = exc.__traceback__
    while trace is not None:
        frames.append(trace.tb_frame.f_code.co_filename.replace("\\", "/"))
        trace = trace.tb_next
    for where in reversed(frames):
        if "/pdfminer/" in where or "/pdfplumber/" in where:
            return True
        if "/tracker/" in where:
            return False
    return False


def _pictured(page: Any) -> bool:
    """The page is a picture over half of it with almost no letters on it (a scan)."""
    area = float(page.width) * float(page.height)
    covered = sum(
        max(0.0, float(i["x1"]) - float(i["x0"])) * max(0.0, float(i["bottom"]) - float(i["top"]))
        for i in page.images
    )
    if covered < 0.5 * area:
        return False
    return sum(1 for c in page.chars if c.get("text", "").isalnum()) < _SCAN_LETTERS


def _doubled(chars: list[dict[str, Any]]) -> set[int]:
    """The characters printed a second time over themselves (within a point), as bold is
    simulated by printing each letter twice: their ids, to leave out."""
    seen: dict[tuple[str, str, int, int], list[dict[str, Any]]] = {}
    doubled: set[int] = set()
    for char in chars:
        x, y = float(char["x0"]), float(char["top"])
        key = (char.get("text", ""), char.get("fontname", ""), round(x), round(y))
        near = [
            other
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for other in seen.get((key[0], key[1], key[2] + dx, key[3] + dy), [])
        ]
        if any(abs(float(o["x0"]) - x) <= 1 and abs(float(o["top"]) - y) <= 1 for o in near):
            doubled.add(id(char))
        else:
            seen.setdefault(key, []).append(char)
    return doubled


def _read_pages(
    pdf: Any, name: str, limits: Limits
) -> tuple[list[_Line | _Table], list[str], list[int]]:
    """Every page's tables and the lines outside them, top to bottom, page after page;
    running headers, footers and page numbers left out (and returned, as printed), a
    table going on over a page break joined into one; and the pages that are scans. A
    PDF whose pages are scans more than half is refused."""
    blocks: list[_Line | _Table] = []
    lines = cells = 0
    scans: list[int] = []
    for number, printed in enumerate(pdf.pages, start=1):
        where = f"{name}, trang {number}"
        page = printed
        if _pictured(page):
            scans.append(number)
        doubled = _doubled(page.chars)
        if doubled:  # bold simulated by printing each letter twice
            page = page.filter(lambda obj, doubled=doubled: id(obj) not in doubled)
        found = page.find_tables()
        boxes = []
        on_page: list[_Line | _Table] = []
        for table in found:
            rows = [[_cell(c) for c in row] for row in table.extract()]
            box = table.bbox
            if (collapsed := _collapsed(rows)) is not None:
                # Ruled only between its columns: pdfplumber reads the body as one row.
                # The header stays the table; the lines below are read by its columns
                # (a page of such rows without the header: by the columns before).
                rows = rows[:collapsed]
                box = (box[0], box[1], box[2], table.rows[collapsed].bbox[1])
                if not rows:
                    continue
            boxes.append(box)
            width = max((len(row) for row in rows), default=0)
            if len(rows) > limits.rows or width > limits.columns:
                raise DocumentTooComplex(
                    f"{where}: bảng có {figure(len(rows))} hàng, {figure(width)} cột; giới hạn "
                    f"là {figure(limits.rows)} hàng, {limits.columns} cột."
                )
            cells += sum(len(row) for row in rows)
            first = table.rows[0].cells if table.rows else []
            columns = [(c[0], c[2]) for c in first if c is not None]
            on_page.append(_Table(table.bbox[1], rows, number, columns, width=float(page.width)))

        def outside(obj: dict[str, Any], boxes: list[Any] = boxes) -> bool:
            if "x0" not in obj or "top" not in obj:
                return True
            middle_x = (obj["x0"] + obj["x1"]) / 2
            middle_y = (obj["top"] + obj["bottom"]) / 2
            return not any(
                x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes
            )

        text_page = page.filter(outside) if boxes else page
        found_lines = _page_lines(text_page, number)
        on_page.extend(found_lines)
        lines += len(found_lines)
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
        on_page.sort(key=lambda block: block.top)
        height = float(page.height)
        top, end = (on_page[0], on_page[-1]) if on_page else (None, None)
        if isinstance(top, _Line) and not top.columned and top.bottom < _MARGIN * height:
            on_page[0] = replace(top, margin=True)
        if isinstance(end, _Line) and not end.columned and end.top > (1 - _MARGIN) * height:
            on_page[-1] = replace(end, margin=True)
        blocks.extend(on_page)
        printed.close()
    if len(scans) * 2 > len(pdf.pages):
        raise DocumentError(f"{name}: {SCANNED}")
    kept = _without_running_lines(blocks)
    kept_ids = {id(b) for b in kept}
    left_out = [b.text for b in blocks if isinstance(b, _Line) and id(b) not in kept_ids]
    return _join_tables(_unruled_tables(kept)), left_out, scans


# Two pieces of one printed line further apart than this many letters' heights are two
# columns (the national header, the signature block), not two words.
_COLUMN_GAP = 3.0
# Letters further apart than this part of a letter's height are two words; in letters
# spaced out, further apart than this part more than the letters' own spacing.
_WORD_GAP = 0.2
_LETTER_SPACING = 0.15
# The top and bottom of a page where running headers, footers and page numbers stand
# (the first or the last line of the page, and within this part of its height).
_MARGIN = 0.15


@dataclass(frozen=True)
class _Piece:
    """Part of a printed line: its text and where it stands across the page."""

    x0: float
    x1: float
    text: str
    bold: bool
    words: tuple[_Word, ...] = ()
    size: float = 10.0


def _page_lines(page: Any, number: int) -> list[_Line]:
    """The page's lines in reading order: where a line is printed in two columns (the
    national header: the issuing body and "Số: …" on the left, "CỘNG HÒA …" and the
    place and date on the right; the signature block), the left column's lines come
    first, then the right's, as the eye reads them."""
    height = float(page.height)
    printed: list[tuple[float, float, list[_Piece]]] = []
    for line in page.extract_text_lines(return_chars=True):
        pieces = _pieces(line["chars"])
        if pieces:
            printed.append((float(line["top"]), float(line["bottom"]), pieces))
    out: list[_Line] = []
    index = 0
    while index < len(printed):
        end, gutter = _two_column_block(printed, index)
        block = printed[index:end]
        if gutter is not None and not _heading_or_signature(block, number, height):
            gutter = None  # a table's row with two cells filled, say: read as printed
        if gutter is None:
            block_columns = [[(top, bottom, ps) for top, bottom, ps in block]]
        else:
            left = [(t, b, [p for p in ps if p.x1 <= gutter]) for t, b, ps in block]
            right = [(t, b, [p for p in ps if p.x1 > gutter]) for t, b, ps in block]
            block_columns = [left, right]
        # The block's lines keep this order among the page's tables (sorted by their top).
        order = 0
        for column in block_columns:
            for top, bottom, pieces in column:
                raw = " ".join(p.text for p in pieces)
                text = _text(raw)
                if not text:
                    continue
                above = out[-1] if out else None
                if (
                    above is not None
                    and above.cut
                    and above.page == number
                    and above.bottom - above.size < top <= above.bottom + 1.5 * above.size
                ):
                    # The word cut at the end of the line above goes on here.
                    out.pop()
                    text = above.text + text
                    top, pieces = above.top, [*pieces]
                    words = (*above.words, *(w for p in pieces for w in p.words))
                else:
                    words = tuple(w for p in pieces for w in p.words)
                bold = all(p.bold for p in pieces)
                size = max(p.size for p in pieces)
                at = top if gutter is None else block[0][0] + order * 1e-4
                line = _Line(at, text, bold, number, False, words, size, bottom, float(page.width))
                out.append(replace(line, cut=bool(_CUT.search(raw)), columned=gutter is not None))
                order += 1
        index = end
    return out


# The signature block's first words, folded: "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN",
# "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".
_SIGNATURE = re.compile(r"(noi nhan\b|tm\.|kt\.|q\. ?chu tich)")
# "CHỦ TỊCH", "PHÓ CHỦ TỊCH" alone, in capitals (in a table, "Chủ tịch UBND xã" leads).
_SIGNER = re.compile(r"(pho )?chu tich")


def _heading_or_signature(
    block: list[tuple[float, float, list[_Piece]]], page: int, height: float
) -> bool:
    """Lines in two columns are read column by column only where plans print them so:
    the national header at the top of the first page, and the signature block (two lines
    in two columns at least, one of them "Nơi nhận:", "TM. …", "KT. CHỦ TỊCH" …)."""
    if page == 1 and block[0][0] < 0.3 * height:
        return True  # the national header, whatever its rows ("Số: …" beside the date)
    if sum(1 for _, _, pieces in block if len(pieces) == 2) < 2:
        return False
    return any(
        _SIGNATURE.match(fold(p.text)) or (p.text.isupper() and _SIGNER.fullmatch(fold(p.text)))
        for _, _, pieces in block
        for p in pieces
    )


def _pieces(chars: list[dict[str, Any]]) -> list[_Piece]:
    """A line's characters cut where a gap wider than a column gap parts them."""
    pieces: list[_Piece] = []
    run: list[dict[str, Any]] = []

    def close() -> None:
        words: list[_Word] = []
        letters: list[dict[str, Any]] = []
        # Letters spaced out ("K Ế  H O Ạ C H", a title's expanded spacing) stand apart
        # by the same gap: a word ends only where the gap is wider than theirs.
        shown = [c for c in run if c.get("text", "").strip()]
        gaps = sorted(float(b["x0"]) - float(a["x1"]) for a, b in itertools.pairwise(shown))
        spacing = max(0.0, gaps[len(gaps) // 2]) if len(gaps) >= 4 else 0.0
        for char in [*run, None]:
            # A word ends at a space or where the letters stand apart (a PDF need not
            # print its spaces).
            if char is not None and char.get("text", "").strip():
                size = float(char.get("size") or 10)
                apart = letters and float(char["x0"]) - float(letters[-1]["x1"]) > max(
                    _WORD_GAP * size, spacing + _LETTER_SPACING * size
                )
                if not apart:
                    letters.append(char)
                    continue
            if letters:
                text = "".join(c.get("text", "") for c in letters)
                words.append(_Word(float(letters[0]["x0"]), float(letters[-1]["x1"]), text))
            letters = [char] if char is not None and char.get("text", "").strip() else []
        if words:
            fonts = [c.get("fontname", "") for c in run if c.get("text", "").strip()]
            bold = bool(fonts) and all("bold" in f.lower() for f in fonts)
            size = max(float(c.get("size") or 10) for c in run)
            text = " ".join(w.text for w in words)
            pieces.append(_Piece(words[0].x0, words[-1].x1, text, bold, tuple(words), size))

    last: dict[str, Any] | None = None
    for char in chars:
        if (
            last is not None
            and _LIGATURES.fullmatch(char.get("text", ""))
            and char.get("text") == last.get("text")
            and abs(float(char["x0"]) - float(last["x0"])) < 0.01
        ):
            continue  # pdfplumber lists a ligature once for each letter it stands for
        if not char.get("text", "").strip():
            run.append(char)
            continue
        if last is not None:
            gap = float(char["x0"]) - float(last["x1"])
            if gap > _COLUMN_GAP * float(char.get("size") or 10):
                close()
                run = []
        run.append(char)
        last = char
    close()
    return pieces


def _two_column_block(
    printed: list[tuple[float, float, list[_Piece]]], start: int
) -> tuple[int, float | None]:
    """Where the block of lines printed in two columns that starts at ``start`` ends, and
    the gutter between its columns; (start + 1, None) when the line is no such block."""
    pieces = printed[start][2]
    if len(pieces) != 2:
        return start + 1, None
    low, high = pieces[0].x1, pieces[1].x0
    end = start + 1
    while end < len(printed):
        top, _, more = printed[end]
        if top - printed[end - 1][1] > printed[end - 1][1] - printed[end - 1][0]:
            break  # a blank line: the block has ended
        if len(more) == 2 and more[0].x1 < high and more[1].x0 > low:
            low, high = max(low, more[0].x1), min(high, more[1].x0)
        elif len(more) == 1 and (more[0].x1 < high or more[0].x0 > low):
            if more[0].x1 < high:
                low = max(low, more[0].x1)
            else:
                high = min(high, more[0].x0)
        else:
            break
        if low >= high:
            break
        end += 1
    return end, (low + high) / 2


# A page number alone on its line: "2", "- 2 -", "Trang 2", "Trang 2/5", "2/5".
_PAGE_NUMBER = re.compile(
    r"^[-–—(\[]?\s*(?:trang\s*)?(\d{1,4})(?:\s*/\s*\d{1,4})?\s*[-–—)\]]?$", re.IGNORECASE
)


def _without_running_lines(blocks: list[_Line | _Table]) -> list[_Line | _Table]:
    """Without the page numbers and the running headers and footers: the first or the
    last line of two pages or more, the same words but for the page's own number
    ("Kế hoạch số 12/KH-UBND …", "Trang 2/5"). Only the page's own number is left out of
    the comparison, so that the first rows of a table on two pages, alike but for their
    numbers, are never taken for a running header."""
    pages: dict[str, set[int]] = {}
    for block in blocks:
        if isinstance(block, _Line) and block.margin:
            pages.setdefault(_running_key(block), set()).add(block.page)
    edges: dict[int, list[int]] = {}
    for block in blocks:
        edges.setdefault(block.page, []).append(id(block))
    ends = {ids[0] for ids in edges.values()} | {ids[-1] for ids in edges.values()}
    kept: list[_Line | _Table] = []
    for block in blocks:
        if isinstance(block, _Line):
            if _page_number(block) and (block.margin or id(block) in ends):
                continue
            if block.margin and len(pages[_running_key(block)]) > 1 and not _heads(block):
                continue
        kept.append(block)
    return kept


def _page_number(line: _Line) -> bool:
    """The line is its page's number alone: "2", "- 2 -", "Trang 2", "2/5" (numbered from
    the first page, or from the second)."""
    match = _PAGE_NUMBER.match(line.text)
    return match is not None and int(match.group(1)) in (line.page, line.page - 1)


def _heads(line: _Line) -> bool:
    """The line is a task table's header row, printed again at the top of each page."""
    return _unruled_header([line], 0) is not None


def _running_key(line: _Line) -> str:
    """The line's words, its page's number (as "- 2 -", "Trang 2", "2/5") left out."""
    own = rf"(?<![\d/]){line.page}(?:\s*/\s*\d{{1,4}})?(?![\d/])"
    return re.sub(own, "#", " ".join(line.text.lower().split()))


# Words of one header cell stand closer than this many letters' heights.
_CELL_GAP = 1.2


def _unruled_tables(blocks: list[_Line | _Table]) -> list[_Line | _Table]:
    """Task tables printed without full ruling, which pdfplumber does not see as tables:
    lines only between the rows, or only the header row ruled (found as a table of its
    header alone). Their header gives the columns; each line's words go to the column
    they stand in; a word in the number column opens a row, the lines after it go on
    in its cells. The table ends at a line that does not keep to the columns, after a
    blank line's gap, at a page of another size, or at a ruled table."""
    out: list[_Line | _Table] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        found = _unruled_header(blocks, index)
        start = index
        if found is None:
            out.append(block)
            index += 1
            continue
        bounds, rows = found
        header = rows[0]
        first = (find_columns(header) or {}).get("label", 0)
        table = _Table(block.top, [list(row) for row in rows], block.page)
        index += 1
        # The header's own lines that wrap ("Thời gian" / "thực hiện").
        while len(rows) == 1 and index < len(blocks) and isinstance(line := blocks[index], _Line):
            cells = _in_columns(line, bounds)
            if cells is None or cells[first] or line.page != block.page:
                break
            header = [_join_cell(a, b) for a, b in zip(header, cells, strict=True)]
            index += 1
        table.rows[0] = header
        # The header's lines as printed, to know them again atop the next pages.
        heading = [b.text for b in blocks[start:index] if isinstance(b, _Line)]
        last: _Line | None = None
        # The cells of a row cut by a page break printed on the next page.
        piece: list[str] | None = None
        page, width = block.page, block.width
        fresh = False
        while index < len(blocks):
            line = blocks[index]
            if line.page != page and (line.page != page + 1 or line.width != width):
                break  # the table goes on only to the next page, of the same size
            if isinstance(line, _Table):
                # The header, ruled, printed again on the next page (and any row under it
                # pdfplumber found ruled).
                if line.page == page or not _same(line.rows[0], header):
                    break
                for number, cells in enumerate(line.rows[1:]):
                    piece = _take(table, first, cells, piece, new_page=number == 0)
                # The first line after it is the first of its page.
                fresh = len(line.rows) == 1
                page, last = line.page, None
                index += 1
                continue
            again = [b.text for b in blocks[index : index + len(heading)] if isinstance(b, _Line)]
            if heading and line.page != page and again == heading:
                index += len(heading)  # the header printed again on the next page
                continue
            if last is not None and line.page == last.page and not _goes_on_from(last, line):
                break
            cells = _in_columns(line, bounds)
            if cells is None or _STOP.match(fold(line.text)) or _body_heading(table, first, cells):
                break
            piece = _take(table, first, cells, piece, new_page=line.page != page or fresh)
            page, last, fresh = line.page, line, False
            index += 1
        if piece is not None:
            table.joined.append((table.rows[-1], piece))
        out.append(table)
    return out


# What follows a plan's last table: the signature block ("Nơi nhận:", "TM. …", "KT. …").
_STOP = re.compile(r"(noi nhan\b|tm\. |kt\. )")


def _body_heading(table: _Table, first: int, cells: list[str]) -> bool:
    """The line is the body's next heading ("III. TỔ CHỨC THỰC HIỆN") printed right under
    the table: a Roman number with a full stop where the table's own sections have none."""
    number = cells[first].strip()
    if not (number.endswith(".") and is_roman(number[:-1])):
        return False
    sections = [row[first].strip() for row in table.rows[1:] if is_roman(row[first].strip(" ."))]
    return bool(sections) and not any(x.endswith(".") for x in sections)


def _take(
    table: _Table, first: int, cells: list[str], piece: list[str] | None, *, new_page: bool
) -> list[str] | None:
    """Add one printed line's cells to the table: a new row when its number cell is
    filled, else the open row's cells go on. Returns the cells printed since a page break
    cut the open row (None when none did)."""
    section = is_roman(clean_cell(table.rows[-1][first]))
    if cells[first] or len(table.rows) == 1 or (new_page and section):
        if piece is not None:
            table.joined.append((table.rows[-1], piece))
        table.rows.append(cells)
        return None
    if new_page:
        piece = [""] * len(cells)
    table.rows[-1] = [_join_cell(a, b) for a, b in zip(table.rows[-1], cells, strict=True)]
    if piece is not None:
        piece = [_join_cell(a, b) for a, b in zip(piece, cells, strict=True)]
    return piece


def _unruled_header(
    blocks: list[_Line | _Table], index: int
) -> tuple[list[float], list[list[str]]] | None:
    """The boundaries between the columns and the header's cells, when ``blocks[index]``
    is the header of a task table printed without full ruling: a line whose words fall
    in cells naming the columns, or a ruled table of the header row alone."""
    block = blocks[index]
    if isinstance(block, _Table):
        # Only the header ruled (or the header and a row or two above the first rule
        # pdfplumber misses): the lines below it that keep to its columns go on in it.
        if len(block.columns) != len(block.rows[0]) or find_columns(block.rows[0]) is None:
            return None
        bounds = [x1 for _, x1 in block.columns[:-1]]
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if not isinstance(after, _Line) or after.page != block.page:
            return None
        below = _in_columns(after, bounds)
        if below is None or not below[(find_columns(block.rows[0]) or {}).get("label", 0)]:
            return None
        return bounds, block.rows
    if len(block.words) < 3:
        return None
    cells: list[list[_Word]] = [[block.words[0]]]
    for word in block.words[1:]:
        if word.x0 - cells[-1][-1].x1 > _CELL_GAP * block.size:
            cells.append([word])
        else:
            cells[-1].append(word)
    texts = [" ".join(w.text for w in cell) for cell in cells]
    if len(cells) < 3 or find_columns(texts) is None:
        return None
    words = [
        w
        for b in blocks[index + 1 : index + 80]
        if isinstance(b, _Line) and b.page == block.page
        for w in b.words
    ]
    bounds = [_boundary(a[-1].x1, b[0].x0, words) for a, b in itertools.pairwise(cells)]
    return bounds, [texts]


def _boundary(low: float, high: float, words: list[_Word]) -> float:
    """Where two columns part, between the end of one's title and the start of the
    next's: where the fewest of the words below stand across (the middle of the widest
    such stretch), so that titles centred over their columns and titles set to the left
    both give their columns."""
    words = [w for w in words if w.x1 > low and w.x0 < high]
    edges = sorted(
        {low, high} | {x for w in words for x in (w.x0 - 0.1, w.x1 + 0.1) if low <= x <= high}
    )
    # And every point between two edges, where a word may stand across.
    edges = sorted({*edges, *((a + b) / 2 for a, b in itertools.pairwise(edges))})

    def across(x: float) -> int:
        return sum(1 for w in words if w.x0 < x < w.x1)

    counts = [across(x) for x in edges]
    least = min(counts)
    best: tuple[float, float] = (edges[0], edges[0])
    start: float | None = None
    for x, count in zip(edges, counts, strict=True):
        if count == least:
            start = x if start is None else start
            if x - start >= best[1] - best[0]:
                best = (start, x)
        else:
            start = None
    return (best[0] + best[1]) / 2


def _in_columns(line: _Line, bounds: list[float]) -> list[str] | None:
    """The line's words by the column they stand in; None when a word stands across a
    boundary between columns (a line of prose, not of the table)."""
    cells: list[list[str]] = [[] for _ in range(len(bounds) + 1)]
    for word in line.words:
        column = sum(1 for b in bounds if b <= word.x0)
        if column < len(bounds) and word.x1 > bounds[column] + 1:
            return None
        cells[column].append(word.text)
    return [_text(" ".join(cell)) for cell in cells]


def _goes_on_from(last: _Line, line: _Line) -> bool:
    """``line``, on the page of ``last``, can be the table's next line: below it without
    a blank line's gap."""
    return line.top - last.bottom <= 1.5 * last.size


def _join_tables(blocks: list[_Line | _Table]) -> list[_Line | _Table]:
    """A table that goes on at the top of the next page (nothing between, the same number
    of columns) joined to the one before it: its header row, when printed again, left out;
    a first row with no number whose cells go on from the last row (Word lets a row break
    across pages) joined to that row. A table with a header of its own that is not the
    one before's is another table."""
    out: list[_Line | _Table] = []
    for block in blocks:
        last = out[-1] if out else None
        if (
            isinstance(block, _Table)
            and isinstance(last, _Table)
            and block.page > last.page
            and _width(block.rows) == _width(last.rows)
        ):
            rows = block.rows
            header = 0
            while (
                header < len(rows)
                and header < len(last.rows)
                and _same(rows[header], last.rows[header])
            ):
                header += 1
            rows = rows[header:]
            if rows and not header and find_columns(rows[0]) is not None:
                out.append(block)  # another table, with a header of its own
                continue
            if rows and last.rows and _goes_on(last.rows[-1], rows[0]):
                before, piece = last.rows[-1], rows[0]
                merged = [_join_cell(a, b) for a, b in zip(before, piece, strict=True)]
                last.rows[-1] = merged
                last.joined.append((merged, piece))
                rows = rows[1:]
            last.rows.extend(rows)
            continue
        out.append(block)
    return out


def _width(rows: list[list[str]]) -> int:
    return max((len(row) for row in rows), default=0)


def _same(row: list[str], other: list[str]) -> bool:
    return [clean_cell(c) for c in row] == [clean_cell(c) for c in other]


def _goes_on(before: list[str], row: list[str]) -> bool:
    """``row``, first on its page, is the end of ``before`` cut by the page break: its
    number cell is empty, ``before`` has one, and every cell it fills is filled in
    ``before`` too, one of them going on (not ended by a full stop, or going on in small
    letters)."""
    if len(row) != len(before) or clean_cell(row[0]) or not clean_cell(before[0]):
        return False
    if is_roman(clean_cell(before[0])):
        return False  # a section's title: the row after it is a row of its own
    filled = [
        (clean_cell(a), clean_cell(b)) for a, b in zip(before, row, strict=True) if clean_cell(b)
    ]
    if not filled or any(not a for a, _ in filled):
        return False
    return any(b[0].islower() or not a.endswith((".", ";", ":", "!", "?")) for a, b in filled)


def _join_cell(before: str, after: str) -> str:
    if not after.strip():
        return before
    if not before.strip():
        return after
    return f"{before}\n{after}"


def _text(text: str) -> str:
    """A printed line's text as typed: ligatures (ﬁ, ﬂ) spelled out, soft hyphens and
    zero-width marks left out, NFC."""
    text = text.translate(_INVISIBLE)
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return clean_cell(text)


_INVISIBLE = {0x00AD: None, 0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None}
_LIGATURES = re.compile("[\ufb00-\ufb06]")


# A line that ends inside a word: with a soft hyphen, or a hyphen or a slash right after
# a letter or a digit ("12/KH-", "ngày 15/"), as a narrow column or the line's end cut it.
_CUT = re.compile(r"(\u00ad|(?<=\w)[-/])\s*$")


def _cell(value: str | None) -> str:
    """A cell's text with its printed line breaks (the table reader joins them), a word
    cut at a line's end ("30/6/" over "2026") joined again."""
    lines: list[str] = []
    cut = False
    for raw in (value or "").split("\n"):
        text = _text(raw)
        if cut and lines and text[:1].isalnum():
            lines[-1] += text
        else:
            lines.append(text)
        cut = bool(_CUT.search(raw))
    return "\n".join(lines)
