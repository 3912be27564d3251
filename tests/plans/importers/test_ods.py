"""OpenDocument spreadsheet plans (.ods, as LibreOffice Calc saves them), written here with
zipfile: the Excel plans of test_xlsx laid out in ODF (title rows, a merged bold section
row, a lead cell merged down, two sheets, a two-row header over dates), with the huge
repeats of empty rows and columns Calc writes after the data. Each is read through
:func:`~tracker.plans.importers.read.read_document`, as an import reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.org.test_directory import DIRECTORY_UNITS
from tests.plans.importers.odfs import cell, covered, row, table, write_flat, write_odf
from tracker.org.directory import UnitDirectory
from tracker.plans.importers.base import DocumentError, RawPlan, RawTask
from tracker.plans.importers.header import read_header
from tracker.plans.importers.read import SUFFIXES, read_document

DIRECTORY = UnitDirectory(DIRECTORY_UNITS)
HEADER = ["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì",
          "Đơn vị phối hợp", "Dự kiến kết quả", "Ghi chú"]  # fmt: skip
# What Calc writes below and right of the data: a row of 1,024 empty cells, repeated to
# the sheet's last row.
CALC_TAIL = row(cell(number_columns_repeated=1024), repeated=1_048_550)


def read(path: Path) -> RawPlan:
    document = read_document(path, DIRECTORY)
    assert isinstance(document, RawPlan)
    return document


def _outline(tasks: list[RawTask], depth: int = 0) -> list[tuple[int, str, str | None, str]]:
    out = []
    for task in tasks:
        out.append((depth, task.label, task.kind, task.content))
        out.extend(_outline(task.children, depth + 1))
    return out


def number(value: int) -> str:
    return cell(str(value), office_value_type="float", office_value=value)


def _texts(*texts: str) -> str:
    """A row of text cells, the empty ones after the last written as Calc does."""
    return row(*(cell(text) for text in texts), cell(number_columns_repeated=1017))


def _bold_row(text: str) -> str:
    """A bold row merged across the seven columns (A:G)."""
    return row(
        cell(text, style_name="ce1", number_columns_spanned=7), covered(6),
        cell(number_columns_repeated=1017),
    )  # fmt: skip


def _plan_sheet(name: str) -> str:
    """test_xlsx's sheet: title rows, the header on row 4, a merged bold Roman section row,
    a chủ trì cell merged over two rows, a bold group row without a number."""
    return table(
        name,
        _texts("ỦY BAN NHÂN DÂN XÃ LÊ LỢI"),
        _texts("KẾ HOẠCH"),
        _texts("Kiểm soát thủ tục hành chính năm 2022"),
        _texts(*HEADER),
        _bold_row("I. Công tác chỉ đạo"),
        row(
            number(1), cell("Ban hành kế hoạch"), cell("Quý I/2022"),
            cell("UBND xã", number_rows_spanned=2), cell("Văn phòng"), cell("Kế hoạch"),
            cell(number_columns_repeated=1018),
        ),
        row(
            number(2), cell("Rà soát thủ tục"), cell("Thường xuyên"), covered(),
            cell("Công chức"), cell("Báo cáo"), cell(number_columns_repeated=1018),
        ),
        _bold_row("Nhiệm vụ khác"),
        row(
            number(1), cell("Tổng kết năm"), cell("Trước 15/12/2022"), cell("Văn phòng"), cell(),
            cell("Báo cáo"), cell("Gửi huyện"), cell(number_columns_repeated=1017),
        ),
        CALC_TAIL,
        columns=1024,
    )  # fmt: skip


def test_a_sheet_with_its_header_below_title_rows_and_merged_rows(tmp_path: Path) -> None:
    path = write_odf(tmp_path / "ke-hoach.ods", _plan_sheet("KH"), kind="spreadsheet")

    plan = read(path)  # a million empty rows are skipped, not walked

    assert plan.source == "ke-hoach.ods"
    assert plan.header_lines == [
        "ỦY BAN NHÂN DÂN XÃ LÊ LỢI",
        "KẾ HOẠCH",
        "Kiểm soát thủ tục hành chính năm 2022",
    ]
    # A bold heading with no number inside a Roman section groups the rows after it.
    assert _outline(plan.tasks) == [
        (0, "I", "section", "Công tác chỉ đạo"),
        (1, "1", None, "Ban hành kế hoạch"),
        (1, "2", None, "Rà soát thủ tục"),
        (1, "", "section", "Nhiệm vụ khác"),
        (2, "1", None, "Tổng kết năm"),
    ]
    one, two, group = plan.tasks[0].children
    assert (one.lead, one.coordinating, one.where) == (
        "UBND xã",
        "Văn phòng",
        "ke-hoach.ods, trang tính 'KH', hàng 6",
    )
    assert two.lead == "UBND xã"
    assert two.remark == 'Ô chủ trì gộp chung với hàng trên: dùng chung "UBND xã".'
    last = group.children[0]
    assert (last.timing, last.note) == ("Trước 15/12/2022", "Gửi huyện")
    assert SUFFIXES[".ods"] == "bảng tính OpenDocument"


def test_a_plan_over_two_sheets_gives_one_node_a_sheet(tmp_path: Path) -> None:
    second = table(
        "Phụ lục 2",
        _texts("Danh mục nhiệm vụ bổ sung"),
        _texts(*HEADER),
        row(number(1), cell("Đối thoại với người dân"), cell("Định kỳ 06 tháng/01 lần"),
            cell("Chủ tịch UBND xã")),
        columns=7,
    )  # fmt: skip
    empty = table("Trống", CALC_TAIL, columns=1024)
    path = write_odf(
        tmp_path / "hai-trang.ods", _plan_sheet("Phụ lục 1") + second + empty, kind="spreadsheet"
    )

    plan = read(path)

    assert [(t.label, t.kind, t.content) for t in plan.tasks] == [
        ("", "section", "Phụ lục 1"),
        ("", "section", "Phụ lục 2"),
    ]
    assert [t.label for t in plan.tasks[0].children] == ["I"]
    assert plan.tasks[1].details == ["Danh mục nhiệm vụ bổ sung"]
    (task,) = plan.tasks[1].children
    assert (task.content, task.timing, task.lead, task.where) == (
        "Đối thoại với người dân",
        "Định kỳ 06 tháng/01 lần",
        "Chủ tịch UBND xã",
        "hai-trang.ods, trang tính 'Phụ lục 2', hàng 3",
    )


def test_a_task_list_with_date_cells_under_a_two_row_header(tmp_path: Path) -> None:
    # test_xlsx's "DANH MỤC" list: dates shown in Calc's short format are read from their
    # own value as dd/mm/yyyy; numbers from theirs; "Tổng cộng" under a budget column is
    # no task; the header's merged cells are covered cells.
    def date(iso: str, shown: str) -> str:
        return cell(shown, office_value_type="date", office_date_value=iso)

    sheet = table(
        "Sheet1",
        _texts("ỦY BAN NHÂN DÂN XÃ LÊ LỢI"),
        _texts("DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"),
        row(cell(number_columns_repeated=1024)),
        row(
            cell("TT", number_rows_spanned=2), cell("Nhiệm vụ", number_rows_spanned=2),
            cell("Cơ quan chủ trì", number_rows_spanned=2),
            cell("Thời gian thực hiện", number_columns_spanned=2), covered(),
            cell("Kinh phí", number_rows_spanned=2),
        ),
        row(covered(3), cell("Bắt đầu"), cell("Hoàn thành"), covered()),
        row(number(1), cell("Nâng cấp mạng nội bộ"), cell("Văn phòng"),
            date("2026-03-01", "01/03/26"), date("2026-06-30T00:00:00", "30/06/26"), number(50)),
        row(number(2), cell("Số hóa hồ sơ"), cell("Tư pháp"), cell(),
            date("2026-11-15", "15 thg 11, 2026"), number(20)),
        row(cell(), cell("Tổng cộng"), cell(number_columns_repeated=3),
            cell("70", office_value_type="float", office_value="70",
                 formula="of:=SUM([.F6:.F7])")),
        columns=6,
    )  # fmt: skip
    plan = read(write_odf(tmp_path / "danh-muc.ods", sheet, kind="spreadsheet"))

    assert [(t.label, t.content, t.lead, t.timing) for t in plan.tasks] == [
        ("1", "Nâng cấp mạng nội bộ", "Văn phòng", "Từ 01/03/2026 đến 30/06/2026"),
        ("2", "Số hóa hồ sơ", "Tư pháp", "15/11/2026"),
    ]
    header = read_header(plan.header_lines)
    assert (header.title, header.year) == ("DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026", 2026)


def test_an_empty_spreadsheet_is_refused(tmp_path: Path) -> None:
    path = write_odf(tmp_path / "trong.ods", table("Trang 1", CALC_TAIL), kind="spreadsheet")
    with pytest.raises(DocumentError) as caught:
        read(path)
    assert caught.value.message == (
        "trong.ods: tệp bảng tính không có dữ liệu (trang tính 'Trang 1' để trống)."
    )


def test_a_spreadsheet_saved_under_an_odt_name_is_read_as_what_it_is(tmp_path: Path) -> None:
    path = write_odf(tmp_path / "nham-ten.odt", _plan_sheet("KH"), kind="spreadsheet")
    plan = read(path)
    assert [t.label for t in plan.tasks] == ["I"]
    assert plan.tasks[0].children[0].where == "nham-ten.odt, trang tính 'KH', hàng 6"


def test_a_flat_xml_spreadsheet_reads_as_its_zip_does(tmp_path: Path) -> None:
    zipped = read(write_odf(tmp_path / "a.ods", _plan_sheet("KH"), kind="spreadsheet"))
    flat = read(write_flat(tmp_path / "a.fods", _plan_sheet("KH"), kind="spreadsheet"))
    assert _outline(flat.tasks) == _outline(zipped.tasks)
    assert flat.header_lines == zipped.header_lines
    assert flat.tasks[0].children[0].where == "a.fods, trang tính 'KH', hàng 6"


def test_a_spreadsheet_with_no_sheet_at_all_says_so(tmp_path: Path) -> None:
    path = write_odf(tmp_path / "khong.ods", "", kind="spreadsheet")
    with pytest.raises(DocumentError) as caught:
        read(path)
    assert caught.value.message == (
        "khong.ods: tệp bảng tính không có dữ liệu (không có trang tính nào)."
    )
