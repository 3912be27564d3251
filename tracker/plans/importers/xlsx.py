"""Excel (.xlsx) plans: each sheet's task table read by :mod:`.tables`, or, for our own
template (:mod:`tracker.plans.exports`), its rows and technical columns taken as they are."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from tracker.plans.importers.base import DocumentError, RawPlan, RawTask, ReviewItem, clean_cell
from tracker.plans.importers.header import read_header
from tracker.plans.importers.limits import (
    LIMITS,
    DocumentTooComplex,
    Limits,
    check_zip,
    count_tags,
    figure,
)
from tracker.plans.importers.prose.paragraphs import signer_line
from tracker.plans.importers.tables import (
    MergedText,
    content_and_details,
    find_columns,
    header_key,
    rows_to_tasks,
)
from tracker.vn import fold, nfc

__all__ = [
    "HEADER_SEARCH_ROWS",
    "TECHNICAL_COLUMNS",
    "hidden_row_items",
    "outside_limits",
    "read_rows",
    "read_sheets",
    "read_xlsx",
    "sheet_choice",
    "sheet_grid",
    "value_text",
]

HEADER_SEARCH_ROWS = 30

# Our template's technical columns (hidden, right of the table): title → RawTask field.
TECHNICAL_COLUMNS = {
    "Cấp": "depth",
    "Mã nhiệm vụ": "key",
    "Loại": "kind",
    "Số thứ tự 2": "alt_label",
    "Chi tiết": "details",
    "Lịch (JSON)": "schedule",
    "Ghi chú lịch": "schedule_note",
    "Mã đơn vị chủ trì": "lead_codes",
    "Mã đơn vị phối hợp": "coordinating_codes",
    "Ghi chú khi nhập": "remark",
    "Cần xem lại": "review",
}
_TECHNICAL_KEYS = {header_key(title): name for title, name in TECHNICAL_COLUMNS.items()}
_KINDS = {"section": "section", "muc": "section", "task": "task", "nhiem vu": "task"}
_CODES = re.compile(r"[;,\s]+")


def read_xlsx(
    path: Path, *, name: str | None = None, limits: Limits = LIMITS, sheet: str | None = None
) -> RawPlan:
    """An Excel plan as a raw plan: each sheet's tasks (one top-level node per sheet when
    there are several), the rows above the first sheet's header as the header lines.
    ``name`` is the file's name in messages (an upload's own name); by default the path's.
    ``sheet``: only that sheet is read (a workbook holding a plan a sheet).
    Only the cells that exist are read, within the row, column and cell limits, whatever
    dimension the sheet declares."""
    name = name or path.name
    if not path.is_file():
        raise DocumentError(f"{name}: không tìm thấy tệp.")
    _check_package(path, name, limits)
    try:
        book = openpyxl.load_workbook(path, read_only=False, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DocumentError(f"{name}: không phải tệp Excel (.xlsx) hợp lệ.") from exc
    review: list[ReviewItem] = []
    grids = [(sheet.title, _grid(sheet, f"{name}, trang tính '{sheet.title}'", limits, review))
             for sheet in book.worksheets]  # fmt: skip
    hidden = {sheet.title for sheet in book.worksheets if sheet.sheet_state != "visible"}
    return read_sheets(name, grids, kind="tệp Excel", hidden=hidden, review=review, sheet=sheet)


def read_sheets(
    name: str,
    sheets: list[tuple[str, list[list[str]]]],
    *,
    kind: str,
    hidden: Collection[str] = (),
    review: Sequence[ReviewItem] = (),
    sheet: str | None = None,
) -> RawPlan:
    """A workbook's sheets (title, rows) as a raw plan: the sheets holding something, each
    one's tasks (one top-level node per sheet when there are several), the rows above the
    first sheet's header as the header lines. ``kind`` names the file in a refusal.

    A sheet titled in ``hidden`` is no part of the plan as printed (a scratch sheet, last
    year's copy): left out, and said, while a sheet shown holds something. ``review``: what
    the reader already has to say (the hidden rows it left out).

    Sheets each titled as a plan of their own, different ones ("KẾ HOẠCH …" over each, other
    numbers), are listed in ``details["sheet_plans"]`` (sheet, number, title, tasks): the
    officer chooses one, given as ``sheet``, which is then read alone; a sheet not in the
    file is refused, naming those it has."""
    notes = list(review)
    shown = [(title, rows) for title, rows in sheets if title not in hidden]
    if hidden and any(map(any, (row for _, rows in shown for row in rows))):
        for title, rows in sheets:
            if title in hidden and any(map(any, rows)):
                notes.append(ReviewItem(
                    where=f"{name}, trang tính '{title}'", field="trang tính", text=title,
                    reason="Trang tính bị ẩn nên không được đọc; nếu nó thuộc kế hoạch, hãy bỏ "
                    "ẩn rồi nhập lại.",
                ))  # fmt: skip
        sheets = shown
    filled = [(title, rows) for title, rows in sheets if any(map(any, rows))]
    if not filled:
        titles = ", ".join(f"'{title}'" if title else "không tên" for title, _ in sheets)
        where = f"trang tính {titles} để trống" if sheets else "không có trang tính nào"
        raise DocumentError(f"{name}: {kind} không có dữ liệu ({where}).")
    if sheet is not None:
        chosen = [(title, rows) for title, rows in filled if title.strip() == sheet.strip()]
        if not chosen:
            titles = ", ".join(f"'{title}'" for title, _ in filled)
            raise DocumentError(
                f"{name}: không có trang tính '{sheet}' (có dữ liệu) trong {kind}; "
                f"các trang tính: {titles}."
            )
        filled = chosen
    plan = RawPlan(source=name)
    named: dict[str, str] = {}
    found: list[dict[str, Any]] = []
    for index, (title, rows) in enumerate(filled):
        read = _read_sheet(name, title, rows)
        head = read_header(read.lines)
        own = head.title
        if own and own not in named.values() and any(map(_PLAN_TITLE.match, read.lines)):
            named[title] = own
            tasks = sum(1 for task in read.tasks for node, _ in task.walk() if not node.children)
            found.append({"sheet": title, "number": head.number, "title": own, "tasks": tasks})
        if index == 0:
            plan.header_lines = read.lines
            if read.fields:
                plan.details["fields"] = read.fields
        if read.tail:
            plan.details.setdefault("trailing_lines", []).extend(read.tail)
        if len(filled) == 1:
            plan.tasks = read.tasks
        else:
            node = RawTask(content=title, kind="section", where=read.where)
            node.details = read.lines if index else []
            node.children = read.tasks
            plan.tasks.append(node)
    if len(named) >= 2:
        # "KẾ HOẠCH … 2026" on one sheet, "KẾ HOẠCH …" of another work on the next: plans
        # of their own, read as one with a section a sheet, which the officer is told.
        # The officer chooses the one to import (:func:`sheet_choice`).
        plan.details["sheet_plans"] = found
        listed = "; ".join(f"'{title}': {own}" for title, own in named.items())
        plan.review.append(ReviewItem(
            where=name, field="trang tính", text=listed,
            reason=f"Tệp có {len(named)} trang tính mang tên kế hoạch riêng; bản xem trước "
            "đọc chúng thành một kế hoạch, mỗi trang tính một mục. Để nhập, hãy chọn một "
            "trang tính (mỗi lần nhập một kế hoạch).",
        ))  # fmt: skip
    plan.review[:0] = notes
    return plan


def sheet_choice(source: str, plans: Sequence[dict[str, Any]]) -> str:
    """Why a workbook holding a plan a sheet is not imported as it is: its plans, and how
    to choose one."""
    listed = "; ".join(
        f"'{p['sheet']}' ({p['number'] or 'chưa có số'}, {p['title']}, {p['tasks']} nhiệm vụ)"
        for p in plans
    )
    return (
        f"{source}: tệp có {len(plans)} trang tính là các kế hoạch riêng: {listed}. "
        "Chưa ghi gì: hãy chọn một trang tính để nhập (dòng lệnh: --sheet TÊN; trang nhập: "
        "chọn trang tính ở bản xem trước; API: trường 'sheet')."
    )


# A sheet's head line that names a plan of its own ("KẾ HOẠCH BẢO ĐẢM AN TOÀN GIAO THÔNG …"),
# not an appendix's list ("DANH MỤC NHIỆM VỤ KÈM THEO …").
_PLAN_TITLE = re.compile(r"\s*KẾ\s+HOẠCH\b")


@dataclass
class _Sheet:
    where: str
    lines: list[str]
    fields: dict[str, str]
    tasks: list[RawTask]
    # The lines under the table: the recipients, the signer.
    tail: list[str]


def read_rows(rows: list[list[str]], *, where: str, source: str) -> RawPlan:
    """A sheet's rows read on their own (a .csv file's): the rows above the header as the
    plan's head, then its tasks. ``where`` names the rows in messages."""
    read = _read_rows(where, rows)
    plan = RawPlan(source=source, header_lines=read.lines, tasks=read.tasks)
    if read.fields:
        plan.details["fields"] = read.fields
    if read.tail:
        plan.details["trailing_lines"] = read.tail
    return plan


def _read_sheet(name: str, title: str, rows: list[list[str]]) -> _Sheet:
    return _read_rows(f"{name}, trang tính '{title}'", rows)


def _read_rows(where: str, rows: list[list[str]]) -> _Sheet:
    found = _find_header(rows)
    if found is None:
        raise DocumentError(
            f"{where}: không tìm thấy hàng tiêu đề (STT, Nội dung, Thời gian …) "
            f"trong {HEADER_SEARCH_ROWS} hàng đầu."
        )
    index, columns, technical = found
    lines, fields = _head(rows[:index])
    tail: list[str] = []
    if technical:
        tasks = _template_tasks(rows, index, columns, technical, where)
        lines += _document_lines(fields)
    else:
        cut = _tail_start(rows, index + 1, columns.get("content"))
        tail = [text for text in map(_row_line, rows[cut:]) if text]
        tasks = rows_to_tasks(rows[:cut], where=where)
    return _Sheet(where, lines, fields, tasks, tail)


def _row_line(row: list[str]) -> str:
    return " ".join(dict.fromkeys(text for text in map(clean_cell, row) if text))


def _tail_start(rows: list[list[str]], first: int, content: int | None) -> int:
    """Where the table ends and the document's tail begins under it: the row that says
    "Nơi nhận:", "Trên đây là …", or signs ("TM. ỦY BAN NHÂN DÂN"; "CHỦ TỊCH" outside the
    content column); ``len(rows)`` when none does. The tail is no task."""
    for number in range(first, len(rows)):
        for index, cell in enumerate(rows[number]):
            text = clean_cell(cell)
            if not text:
                continue
            folded = fold(text)
            role = signer_line(text)
            if (
                folded.startswith(("noi nhan", "tren day la"))
                or role == "on_behalf"
                or (role and index != content)
            ):
                return number
    return len(rows)


def _find_header(rows: list[list[str]]) -> tuple[int, dict[str, int], dict[str, int]] | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        technical = _technical(row)
        masked = ["" if i in technical.values() else cell for i, cell in enumerate(row)]
        columns = find_columns(masked)
        if columns is not None:
            return index, columns, technical
    return None


def _technical(row: list[str]) -> dict[str, int]:
    """Our template's technical columns in a header row: none unless it has the task key
    or level column and another (a plan's own "Loại" or "Chi tiết" column is no template)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        name = _TECHNICAL_KEYS.get(header_key(cell))
        if name is not None:
            found.setdefault(name, index)
    if len(found) < 2 or not {"key", "depth"} & set(found):
        return {}
    return found


def _head(rows: list[list[str]]) -> tuple[list[str], dict[str, str]]:
    """The rows above the header: one line a row, or, for rows of "Nhãn:" cells each
    followed by its value, one line a pair (and the pairs as fields)."""
    lines: list[str] = []
    fields: dict[str, str] = {}
    for row in rows:
        texts = [text for text in map(clean_cell, row) if text]
        if not texts:
            continue
        if not texts[0].endswith(":"):
            lines.append(" ".join(dict.fromkeys(texts)))
            continue
        for index, label in enumerate(texts):
            if not label.endswith(":"):
                continue
            after = texts[index + 1] if index + 1 < len(texts) else ""
            value = "" if after.endswith(":") else after
            fields[label.rstrip(":").strip()] = value
            lines.append(f"{label} {value}".strip())
    return lines, fields


def _document_lines(fields: dict[str, str]) -> list[str]:
    """Our template's plan fields also as the lines a plan's head has, for the header
    reader: the plan it implements ("Thực hiện …"), then the title ("KẾ HOẠCH …") last,
    as nothing of the body follows it here."""
    lines = []
    if fields.get("Kế hoạch cấp trên"):
        lines.append(f"Thực hiện {fields['Kế hoạch cấp trên']}")
    if fields.get("Tên kế hoạch"):
        lines.append(f"KẾ HOẠCH {fields['Tên kế hoạch']}")
    return lines


# --------------------------------------------------------------------------- cells


def _check_package(path: Path, name: str, limits: Limits) -> None:
    """The zip, then the cells counted in the sheets' XML text, before openpyxl makes an
    object of each."""
    check_zip(path, name, limits)
    try:
        with zipfile.ZipFile(path) as archive:
            sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        cells = count_tags(path, sheets, [b"<c>", b"<c "])
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # openpyxl says it is not a valid file, in its own words
    if cells > limits.cells:
        raise DocumentTooComplex(
            f"{name}: tệp Excel có {figure(cells)} ô; giới hạn là {figure(limits.cells)} ô."
        )


def _grid(
    sheet: Worksheet, where: str, limits: Limits, review: list[ReviewItem]
) -> list[list[str]]:
    """The sheet as rows of cell texts from A1, bold cells wrapped in <b>. Only cells that
    exist and hold a value are read: a sheet's declared size (and openpyxl's ``max_row``,
    ``max_column``) may be a million rows for one stray cell. A merged range's text sits in
    its top-left cell only, so it is taken once; the cells the range covers below its first
    row get it as :class:`MergedText`. A merged range across the whole width of the table in
    one row is a heading (bold). A hidden row is left out, and said in ``review`` with its
    words (it is not in the plan as printed, but nothing goes unsaid)."""
    # openpyxl keeps the cells that exist in ``_cells``; its public iterators walk every
    # coordinate up to max_row × max_column instead.
    cells: dict[tuple[int, int], Cell | MergedCell] = sheet._cells
    filled = {at: text for at, cell in cells.items() if (text := _text(cell))}
    hidden = {row for row, dimension in sheet.row_dimensions.items() if dimension.hidden}
    if hidden and sheet.sheet_state == "visible":
        left_out = {at: filled.pop(at) for at in list(filled) if at[0] in hidden}
        review.extend(hidden_row_items(where, left_out))
    width = max((c for _, c in filled), default=0)
    merges = []
    for m in sheet.merged_cells.ranges:
        merges.append((m.min_row, m.min_col, m.max_row))
        at = (m.min_row, m.min_col)
        across = m.min_row == m.max_row and m.min_col <= 2 and m.max_col >= max(width, 4)
        if across and at in filled and not filled[at].lstrip().startswith("<b>"):
            filled[at] = f"<b>{filled[at]}</b>"
    return sheet_grid(filled, merges, where, limits)


def hidden_row_items(where: str, cells: dict[tuple[int, int], str]) -> list[ReviewItem]:
    """The hidden rows a reader left out (their cells by (row, column)), one review item a
    row, with its words."""
    rows: dict[int, list[str]] = {}
    for (row, _), text in sorted(cells.items()):
        if clean_cell(text):
            rows.setdefault(row, []).append(clean_cell(text))
    return [
        ReviewItem(
            where=f"{where}, hàng {row}", field="hàng ẩn", text=" | ".join(texts),
            reason="Hàng bị ẩn trong bảng tính nên không được đọc; nếu đó là một nhiệm vụ của "
            "kế hoạch, hãy bỏ ẩn rồi nhập lại.",
        )
        for row, texts in rows.items()
    ]  # fmt: skip


def sheet_grid(
    filled: dict[tuple[int, int], str],
    merges: list[tuple[int, int, int]],
    where: str,
    limits: Limits,
) -> list[list[str]]:
    """Rows of cell texts from the cells that hold something (``(row, column)`` from 1):
    within the cell, row and column limits whatever size the sheet declares. A merged
    range (first row, first column, last row) keeps its text in its first cell; the rows
    below get it as :class:`MergedText` in that column."""
    if len(filled) > limits.cells:
        raise DocumentTooComplex(
            f"{where}: có {figure(len(filled))} ô; giới hạn là {figure(limits.cells)} ô."
        )
    height = max((r for r, _ in filled), default=0)
    width = max((c for _, c in filled), default=0)
    if height > limits.rows or width > limits.columns:
        far = max(filled, key=lambda at: (at[0] > limits.rows or at[1] > limits.columns, at))
        raise outside_limits(where, *far, limits)
    rows = [[""] * width for _ in range(height)]
    for (r, c), text in filled.items():
        rows[r - 1][c - 1] = text
    for first_row, column, last_row in merges:
        if first_row > height or column > width:
            continue
        top = rows[first_row - 1][column - 1]
        for row in range(first_row + 1, min(last_row, height) + 1):
            rows[row - 1][column - 1] = MergedText(top)
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def outside_limits(where: str, row: int, column: int, limits: Limits) -> DocumentTooComplex:
    """The refusal of a cell holding something beyond the row or column limit."""
    return DocumentTooComplex(
        f"{where}: có dữ liệu ở ô {get_column_letter(column)}{row}, ngoài giới hạn "
        f"{figure(limits.rows)} hàng × {limits.columns} cột."
    )


def _text(cell: Cell | MergedCell) -> str:
    value = cell.value
    if value is None or isinstance(cell, MergedCell):
        return ""
    text = _shown_date(value, cell.number_format) or value_text(value)
    if text.strip() and cell.font is not None and cell.font.b:
        return f"<b>{text}</b>"
    return text


# What a date format shows: its quoted words and [colour] or [$-locale] parts left out.
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _shown_date(value: object, number_format: str | None) -> str:
    """A date whose cell shows no day ("mm/yyyy", "mmm-yy", "yyyy") as the sheet shows it
    ("06/2026", "2026"), "" for any other value: the day Excel stores (the 1st) is no
    deadline the officer wrote, and read as one it would end the month 29 days early."""
    if not isinstance(value, dt.date) or not number_format:
        return ""
    shown = _FORMAT_NOISE.sub("", number_format.lower())
    if "d" in shown or "y" not in shown or "h" in shown or "s" in shown:
        return ""
    return f"{value.month:02d}/{value.year}" if "m" in shown else str(value.year)


def value_text(value: object) -> str:
    """A cell's value as the sheet shows it to a reader: dates as dd/mm/yyyy (a time of
    day after them when there is one), whole numbers without ".0"."""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y" if value.time() == dt.time() else "%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --------------------------------------------------------------------------- our template


def _template_tasks(
    rows: list[list[str]],
    header: int,
    columns: dict[str, int],
    technical: dict[str, int],
    where: str,
) -> list[RawTask]:
    """Our template's rows: every field from its column, the tree from the level column
    (or, on rows an officer added without one, from the labels)."""
    roots: list[RawTask] = []
    stack: list[tuple[int, RawTask]] = []
    for number, row in enumerate(rows[header + 1 :], start=header + 2):
        if not any(clean_cell(cell) for cell in row) or find_columns(row) is not None:
            continue
        place = f"{where}, hàng {number}"
        task, depth = _template_task(row, columns, technical, place, stack)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(task)
        stack.append((depth, task))
    return roots


def _template_task(
    row: list[str],
    columns: dict[str, int],
    technical: dict[str, int],
    place: str,
    stack: list[tuple[int, RawTask]],
) -> tuple[RawTask, int]:
    def cell(index: int | None) -> str:
        return nfc(_plain(row[index])) if index is not None and index < len(row) else ""

    def raw(index: int | None) -> str:
        return _plain(row[index]) if index is not None and index < len(row) else ""

    tech = {name: cell(index) for name, index in technical.items()}
    content_cell = raw(columns.get("content"))
    details = [nfc(line) for line in raw(technical.get("details")).splitlines() if line.strip()]
    task = RawTask(
        label=cell(columns.get("label")),
        alt_label=tech.get("alt_label", ""),
        content=_content(content_cell, details),
        details=details or content_and_details(content_cell)[1],
        lead=cell(columns.get("lead")),
        coordinating=cell(columns.get("coordinating")),
        output=cell(columns.get("output")),
        note=cell(columns.get("note")),
        timing=cell(columns.get("timing")),
        kind=_KINDS.get(header_key(tech.get("kind", ""))),
        where=place,
        remark=tech.get("remark", ""),
        key=tech.get("key", ""),
        schedule_note=tech.get("schedule_note", ""),
        review=tech.get("review", ""),
    )
    task.schedule = _schedule(raw(technical.get("schedule")), place)
    # An exported row (it has a key) holds its codes as they are, none included; a row an
    # officer added has only names, which the pipeline resolves.
    for field_name, text in (("lead_codes", task.lead), ("coordinating_codes", task.coordinating)):
        codes = [code for code in _CODES.split(tech.get(field_name, "")) if code]
        setattr(task, field_name, codes if codes or task.key or not text else None)
    return task, _depth(tech.get("depth", ""), task, stack, place)


def _plain(text: str) -> str:
    """A template cell's text without the bold marks the grid adds."""
    return re.sub(r"^\s*<b>(.*)</b>\s*$", r"\1", text, flags=re.DOTALL)


def _content(cell: str, details: list[str]) -> str:
    """The content cell shows the details under the content: take them off again."""
    lines = [line for line in cell.splitlines() if line.strip()]
    if details and [nfc(line) for line in lines[-len(details) :]] == details:
        lines = lines[: -len(details)]
    elif not details:
        return content_and_details(cell)[0] if len(lines) > 1 else nfc(cell)
    return nfc(" ".join(lines))


def _schedule(text: str, place: str) -> list[dict[str, Any]] | None:
    if not text.strip():
        return None
    try:
        rules = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"{place}: ô Lịch (JSON) không phải JSON hợp lệ ({exc.msg}, ký tự {exc.pos + 1})."
        ) from exc
    if not isinstance(rules, list) or not all(isinstance(rule, dict) for rule in rules):
        raise DocumentError(f"{place}: ô Lịch (JSON) phải là một danh sách quy tắc lịch.")
    return rules


def _depth(text: str, task: RawTask, stack: list[tuple[int, RawTask]], place: str) -> int:
    if text:
        try:
            return max(int(float(text)) - 1, 0)
        except ValueError as exc:
            raise DocumentError(f"{place}: ô Cấp phải là một số (1, 2, 3 …).") from exc
    if task.kind == "section" or re.fullmatch(r"[IVXL]+", task.label):
        return 0
    # A task row added without a level: a sibling of the task above, or under its section.
    for depth, node in reversed(stack):
        if node.kind != "section":
            return depth
        return depth + 1
    return 0
