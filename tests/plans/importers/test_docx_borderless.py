"""Word task tables as offices draw them without borders: no table style (python-docx's
own tables have none), borders switched off cell by cell, the header row marked to repeat
on each page; a table split at a page with its header typed again, in the same table or
in a second one after the page break; and a "table" of paragraphs whose cells are set
apart by tabs. Each file is written here with python-docx and read as an upload is."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table

from tests.org.test_directory import DIRECTORY_UNITS
from tracker.org.directory import UnitDirectory
from tracker.plans.importers.build import build_plan
from tracker.plans.importers.docx import read_docx

HEAD = ["ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN", "Số: 44/KH-UBND", "Đại Sơn, ngày 06 tháng 01 năm 2026",
        "KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2026"]  # fmt: skip
COLUMNS = ["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì"]
OFFICE = "Văn phòng HĐND và UBND xã"
ROWS = [
    ["I", "Rà soát, đánh giá thủ tục", "", ""],
    ["1", "Rà soát thủ tục lĩnh vực hộ tịch", "Quý II/2026", OFFICE],
    ["2", "Rà soát thủ tục lĩnh vực đất đai", "Quý III/2026", OFFICE],
    ["II", "Công khai thủ tục", "", ""],
    ["1", "Niêm yết thủ tục tại bộ phận một cửa", "Trước ngày 31/3/2026", OFFICE],
    ["2", "Đăng tải thủ tục lên trang thông tin của xã", "Hằng tháng", OFFICE],
]


def _no_borders(table: Table) -> None:
    """Borders switched off on the table and on each cell, as "No Border" does."""
    props = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    props.append(borders)
    for row in table.rows:
        for cell in row.cells:
            cell_borders = OxmlElement("w:tcBorders")
            for side in ("top", "left", "bottom", "right"):
                edge = OxmlElement(f"w:{side}")
                edge.set(qn("w:val"), "none")
                cell_borders.append(edge)
            cell._tc.get_or_add_tcPr().append(cell_borders)


def _repeat_header(table: Table) -> None:
    """The first row marked "Repeat as header row at the top of each page"."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _add_table(document: object, rows: list[list[str]]) -> Table:
    table = document.add_table(rows=0, cols=len(COLUMNS))  # type: ignore[attr-defined]
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    return table  # type: ignore[no-any-return]


def _read(path: Path) -> dict[str, list[str]]:
    """The plan's sections with their tasks' contents, and every task's timing."""
    result = build_plan(read_docx(path), UnitDirectory(DIRECTORY_UNITS))
    assert result.plan is not None, result.errors
    return {t.content: [c.content for c in t.children] for t in result.plan.tasks}


def _leads(path: Path) -> list[tuple[str, ...]]:
    result = build_plan(read_docx(path), UnitDirectory(DIRECTORY_UNITS))
    assert result.plan is not None
    return [t.lead for t, _ in result.plan.walk() if t.kind == "task"]


EXPECTED = {
    "Rà soát, đánh giá thủ tục": ["Rà soát thủ tục lĩnh vực hộ tịch", "Rà soát thủ tục lĩnh vực đất đai"],
    "Công khai thủ tục": ["Niêm yết thủ tục tại bộ phận một cửa", "Đăng tải thủ tục lên trang thông tin của xã"],
}  # fmt: skip


def _document() -> object:
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    return document


def test_a_table_without_borders_whose_header_repeats_on_each_page(tmp_path: Path) -> None:
    document = _document()
    table = _add_table(document, [COLUMNS, *ROWS])
    assert table.style is None or table.style.name in ("Normal Table", "Table Normal")
    _no_borders(table)
    _repeat_header(table)
    path = tmp_path / "khong-vien.docx"
    document.save(str(path))  # type: ignore[attr-defined]
    assert _read(path) == EXPECTED
    assert len(_leads(path)) == 4
    assert all(_leads(path))


def test_a_header_typed_again_inside_the_table_after_a_page_break(tmp_path: Path) -> None:
    document = _document()
    table = _add_table(document, [COLUMNS, *ROWS[:3], COLUMNS, *ROWS[3:]])
    _no_borders(table)
    # The row after the break starts on a new page.
    page = OxmlElement("w:pageBreakBefore")
    table.rows[4].cells[0].paragraphs[0]._p.get_or_add_pPr().append(page)
    path = tmp_path / "lap-tieu-de.docx"
    document.save(str(path))  # type: ignore[attr-defined]
    assert _read(path) == EXPECTED


def test_a_table_split_at_a_page_with_its_header_again_in_a_second_table(tmp_path: Path) -> None:
    document = _document()
    first = _add_table(document, [COLUMNS, *ROWS[:2]])
    _repeat_header(first)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # type: ignore[attr-defined]
    second = _add_table(document, [COLUMNS, ROWS[2], *ROWS[3:]])
    for table in (first, second):
        _no_borders(table)
    path = tmp_path / "hai-trang.docx"
    document.save(str(path))  # type: ignore[attr-defined]
    assert _read(path) == EXPECTED


def test_a_table_laid_out_with_tabs(tmp_path: Path) -> None:
    """No table at all: each row a paragraph, its cells set apart by tabs (two where the
    author lined a short number up), a section row's empty cells kept; the signature's
    tabbed line after it is no row."""
    document = _document()
    for values in [COLUMNS, *ROWS]:
        gap = "\t\t" if values[0].isdigit() else "\t"
        document.add_paragraph(values[0] + gap + "\t".join(values[1:]))  # type: ignore[attr-defined]
    for line in ["Nơi nhận:\tKT. CHỦ TỊCH", "- Như trên;\tPHÓ CHỦ TỊCH"]:
        document.add_paragraph(line)  # type: ignore[attr-defined]
    path = tmp_path / "tab.docx"
    document.save(str(path))  # type: ignore[attr-defined]
    assert _read(path) == EXPECTED
    assert len(_leads(path)) == 4
