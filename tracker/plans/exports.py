"""A plan as an Excel template officers can fill: its header, one row per task in tree order,
and hidden technical columns from which :func:`read_xlsx` rebuilds the exact tree."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from tracker.plans.documents import PlanDoc, TaskDoc
from tracker.schedule.rules import rules_to_dicts
from tracker.vn import format_date

__all__ = ["SHEET_TITLE", "TABLE_COLUMNS", "plan_to_xlsx"]

SHEET_TITLE = "Kế hoạch"
# The visible table: title and width of each column.
TABLE_COLUMNS = (
    ("STT", 7),
    ("Nội dung công việc", 60),
    ("Thời gian thực hiện", 22),
    ("Đơn vị chủ trì", 24),
    ("Đơn vị phối hợp", 24),
    ("Dự kiến kết quả", 36),
    ("Ghi chú", 28),
)
# The hidden technical columns, in this order after the table (titles read by read_xlsx).
_TECHNICAL = (
    "Cấp",
    "Mã nhiệm vụ",
    "Loại",
    "Số thứ tự 2",
    "Chi tiết",
    "Lịch (JSON)",
    "Ghi chú lịch",
    "Mã đơn vị chủ trì",
    "Mã đơn vị phối hợp",
    "Ghi chú khi nhập",
    "Cần xem lại",
)
_WRAP = Alignment(wrap_text=True, vertical="top")
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
_TECHNICAL_FILL = PatternFill("solid", start_color="EEEEEE")


def plan_to_xlsx(plan: PlanDoc, unit_names: Mapping[str, str]) -> bytes:
    """The plan as an .xlsx file's bytes; ``unit_names`` maps unit codes to the names shown
    in the chủ trì and phối hợp cells."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    header_row = _write_head(sheet, plan, unit_names) + 2
    _write_table_header(sheet, header_row)
    row = header_row
    for task, depth in plan.walk():
        row += 1
        _write_task(sheet, row, task, depth, unit_names)
    _layout(sheet, header_row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _head_rows(plan: PlanDoc, unit_names: Mapping[str, str]) -> list[list[tuple[str, str]]]:
    period = f"{format_date(plan.period_start)} – {format_date(plan.period_end)}"
    return [
        [("Tên kế hoạch:", plan.title)],
        [("Số:", plan.number), ("Loại văn bản:", plan.doc_type), ("Mã kế hoạch:", plan.key)],
        [
            ("Đơn vị ban hành:", unit_names.get(plan.unit, plan.unit)),
            ("Mã đơn vị ban hành:", plan.unit),
            ("Nơi ban hành:", plan.place),
        ],
        [
            ("Ngày ban hành:", plan.issued_text or format_date(plan.issued)),
            ("Năm:", str(plan.year)),
            ("Kỳ kế hoạch:", period),
        ],
        [("Kế hoạch cấp trên:", plan.parent_ref)],
    ]


def _write_head(sheet: Worksheet, plan: PlanDoc, unit_names: Mapping[str, str]) -> int:
    """The plan's header data, "Nhãn:" cells each followed by its value, from column B (the
    STT column is too narrow for a label); the last row used."""
    rows = _head_rows(plan, unit_names)
    for number, pairs in enumerate(rows, start=1):
        for index, (label, value) in enumerate(pairs):
            column = 2 + 2 * index
            cell = sheet.cell(number, column, label)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="right", vertical="top")
            _put_text(sheet.cell(number, column + 1), value)
        if len(pairs) == 1:
            # A long value (the title, the plan implemented) spans the rest of the table.
            sheet.merge_cells(start_row=number, start_column=3, end_row=number, end_column=7)
            sheet.row_dimensions[number].height = 32
    return len(rows)


def _put_text(cell: Cell | MergedCell, text: str) -> None:
    """Text stays text, even "=…" (which openpyxl would take for a formula); characters
    an .xlsx file cannot hold are dropped."""
    cell.alignment = _WRAP
    if text:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
        cell.data_type = "s"


def _write_table_header(sheet: Worksheet, row: int) -> None:
    titles = [title for title, _ in TABLE_COLUMNS] + list(_TECHNICAL)
    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row, column, title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = _BORDER
        cell.fill = _HEADER_FILL if column <= len(TABLE_COLUMNS) else _TECHNICAL_FILL


def _names(codes: tuple[str, ...], text: str, unit_names: Mapping[str, str]) -> str:
    if not codes:
        return text
    return "; ".join(unit_names.get(code, code) for code in codes)


def _write_task(
    sheet: Worksheet, row: int, task: TaskDoc, depth: int, unit_names: Mapping[str, str]
) -> None:
    content = "\n".join(part for part in (task.content, task.details) if part)
    visible: tuple[str, ...] = (
        task.label,
        content,
        task.timing,
        _names(task.lead, task.lead_text, unit_names),
        _names(task.coordinating, task.coordinating_text, unit_names),
        task.output,
        task.note,
    )
    technical: tuple[str | int, ...] = (
        depth + 1,
        task.key,
        task.kind,
        task.alt_label,
        task.details,
        json.dumps(rules_to_dicts(task.rules), ensure_ascii=False),
        task.schedule_note,
        "; ".join(task.lead),
        "; ".join(task.coordinating),
        task.remark,
        task.review,
    )
    bold = task.kind == "section"
    for column, value in enumerate((*visible, *technical), start=1):
        cell = sheet.cell(row, column)
        if isinstance(value, str):
            _put_text(cell, value)
        else:
            cell.value = value
        indent = depth if column == 2 else 0
        cell.alignment = Alignment(wrap_text=True, vertical="top", indent=indent)
        cell.border = _BORDER
        if bold and column <= len(TABLE_COLUMNS):
            cell.font = Font(bold=True)


def _layout(sheet: Worksheet, header_row: int) -> None:
    """Widths, hidden technical columns, the header frozen and repeated on printed pages."""
    widths = [width for _, width in TABLE_COLUMNS] + [14] * len(_TECHNICAL)
    for column, width in enumerate(widths, start=1):
        dimension = sheet.column_dimensions[get_column_letter(column)]
        dimension.width = width
        dimension.hidden = column > len(TABLE_COLUMNS)
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
