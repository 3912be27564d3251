"""The compliance report as an Excel workbook (openpyxl): the appendix table on "Tổng
hợp", with its totals and rates as formulas so that an office may correct a number and
see the rest follow, and the overdue list on "Quá hạn"."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tracker.reports.documents import BY_LABELS, ComplianceDocument
from tracker.vn import format_date, format_datetime

__all__ = ["OVERDUE_SHEET", "SUMMARY_SHEET", "XLSX_TYPE", "render_xlsx"]

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SUMMARY_SHEET = "Tổng hợp"
OVERDUE_SHEET = "Quá hạn"

FONT = "Times New Roman"
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_HEADER_ROW = 4  # the first of the two header rows of "Tổng hợp"
_PERCENT = "0.00%"

# "Tổng hợp": column, header (top row), header (second row), width.
_SUMMARY = [
    ("A", "STT", "", 6),
    ("B", "", "", 42),  # what a row is: "Đơn vị", "Kế hoạch" …
    ("C", "Tổng số", "", 10),
    ("D", "Đã hoàn thành", "Đúng hạn", 11),
    ("E", "", "Quá hạn", 11),
    ("F", "Chưa hoàn thành", "Trong hạn", 11),
    ("G", "", "Quá hạn", 11),
    ("H", "Tỷ lệ hoàn thành", "", 12),
    ("I", "Đã đến hạn", "", 11),
    ("J", "Đến hạn đã hoàn thành", "", 13),
]
_COUNTED = ("C", "D", "E", "F", "G", "I", "J")


def render_xlsx(document: ComplianceDocument) -> bytes:
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = SUMMARY_SHEET
    _summary(summary, document)
    _overdue(book.create_sheet(OVERDUE_SHEET), document)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _put(sheet: Worksheet, ref: str, value: object, *, bold: bool = False,
         align: Alignment = _WRAP, box: bool = True, number_format: str | None = None) -> None:  # fmt: skip
    cell = sheet[ref]
    cell.value = value
    cell.font = Font(name=FONT, size=12, bold=bold)
    cell.alignment = align
    if box:
        cell.border = _BOX
    if number_format:
        cell.number_format = number_format


def _summary(sheet: Worksheet, document: ComplianceDocument) -> None:
    label, name = BY_LABELS.get(document.by, BY_LABELS["unit"])
    issuer = document.issuer.name or document.scope_name
    _put(sheet, "A1", f"TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO {name.upper()}", bold=True,
         align=_CENTER, box=False)  # fmt: skip
    _put(sheet, "A2",
         f"{issuer}; nhiệm vụ có hạn từ ngày {format_date(document.report.start)} đến ngày "
         f"{format_date(document.report.end)}; số liệu tính đến "
         f"{format_datetime(document.as_of_local, with_weekday=False)}",
         align=_CENTER, box=False)  # fmt: skip
    sheet.merge_cells("A1:J1")
    sheet.merge_cells("A2:J2")
    top, bottom = _HEADER_ROW, _HEADER_ROW + 1
    for column, first, second, width in _SUMMARY:
        _put(sheet, f"{column}{top}", first or (label if column == "B" else None), bold=True,
             align=_CENTER)  # fmt: skip
        _put(sheet, f"{column}{bottom}", second or None, bold=True, align=_CENTER)
        sheet.column_dimensions[column].width = width
        if not second:
            sheet.merge_cells(f"{column}{top}:{column}{bottom}")
    sheet.merge_cells(f"D{top}:E{top}")
    sheet.merge_cells(f"F{top}:G{top}")
    first_row = bottom + 1
    row = first_row
    for number, counted in enumerate(document.report.rows, start=1):
        counts = counted.counts
        values = {"C": counts.total, "D": counts.done_on_time, "E": counts.done_late,
                  "F": counts.pending, "G": counts.overdue, "I": counts.due,
                  "J": counts.due_done}  # fmt: skip
        _put(sheet, f"A{row}", number, align=_CENTER)
        _put(sheet, f"B{row}", counted.name)
        for column, value in values.items():
            _put(sheet, f"{column}{row}", value, align=_CENTER)
        _put(sheet, f"H{row}", f'=IF(I{row}=0,"",J{row}/I{row})', align=_CENTER,
             number_format=_PERCENT)  # fmt: skip
        row += 1
    total = row
    _put(sheet, f"A{total}", None)
    _put(sheet, f"B{total}", "Tổng cộng", bold=True)
    for column in _COUNTED:
        summed = f"=SUM({column}{first_row}:{column}{total - 1})" if total > first_row else 0
        _put(sheet, f"{column}{total}", summed, bold=True, align=_CENTER)
    _put(sheet, f"H{total}", f'=IF(I{total}=0,"",J{total}/I{total})', bold=True,
         align=_CENTER, number_format=_PERCENT)  # fmt: skip
    sheet.freeze_panes = f"C{first_row}"
    sheet.row_dimensions[1].height = 20
    sheet.row_dimensions[2].height = 32


_OVERDUE = [
    ("STT", 6),
    ("Nhiệm vụ", 60),
    ("Kế hoạch", 30),
    ("Đơn vị chủ trì", 30),
    ("Hạn", 17),
    ("Quá hạn (ngày)", 10),
    ("Quá hạn (ngày làm việc)", 12),
    ("Đã báo cáo đến", 30),
    ("Mã hạn", 9),
]


def _overdue(sheet: Worksheet, document: ComplianceDocument) -> None:
    for index, (title, width) in enumerate(_OVERDUE, start=1):
        column = get_column_letter(index)
        _put(sheet, f"{column}1", title, bold=True, align=_CENTER)
        sheet.column_dimensions[column].width = width
    for row, item in enumerate(document.overdue, start=2):
        if isinstance(item.due, dt.datetime):
            due: dt.date | dt.datetime = item.due.astimezone(document.tz).replace(tzinfo=None)
            shown = "DD/MM/YYYY HH:MM"
        else:
            due, shown = item.due, "DD/MM/YYYY"
        values: list[tuple[object, str | None]] = [
            (row - 1, None),
            (item.task, None),
            (item.plan_title or item.plan_key, None),
            (item.lead_name or "", None),
            (due, shown),
            (item.days_late, None),
            (item.working_days_late, None),
            (item.escalated_to or "", None),
            (item.occurrence, None),
        ]
        for index, (value, number_format) in enumerate(values, start=1):
            centred = index in (1, 5, 6, 7, 9)
            _put(sheet, f"{get_column_letter(index)}{row}", value,
                 align=_CENTER if centred else _WRAP, number_format=number_format)  # fmt: skip
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = (
        f"A1:{get_column_letter(len(_OVERDUE))}{max(1, len(document.overdue) + 1)}"
    )
