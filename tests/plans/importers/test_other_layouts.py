"""Plans laid out as other provinces, districts and communes write them, built here as real
Word and Excel files and read through the whole pipeline (reader, units, timings): duties
listed per unit where a unit joins another's work ("Phối hợp với …"), the lead and its
partners in one column, and a column per quarter or per month marked with "x"."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from docx.table import Table, _Cell

from tests.org.test_directory import DIRECTORY_UNITS, DS
from tracker.org.directory import UnitDirectory
from tracker.plans.documents import TaskDoc
from tracker.plans.importers.base import RawPlan
from tracker.plans.importers.build import ImportOptions, ImportResult, build_plan
from tracker.plans.importers.read import read_document
from tracker.plans.importers.roles import split_roles

HEAD = ["ỦY BAN NHÂN DÂN", "XÃ ĐẠI SƠN", "Số: 31/KH-UBND", "Đại Sơn, ngày 12 tháng 01 năm 2026"]
VP, CA, QS, VHXH, KT = (f"{DS}.{c}" for c in ("vp", "cong-an", "quan-su", "vh-xh", "kinh-te"))


def _document(title: str) -> docx.document.Document:
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph().add_run(title).bold = True
    return document


def _row(table: Table, values: list[str]) -> tuple[_Cell, ...]:
    cells = table.add_row().cells
    for cell, value in zip(cells, values, strict=True):
        cell.text = value
    return cells


def _import(path: Path, **options: bool) -> ImportResult:
    directory = UnitDirectory(DIRECTORY_UNITS)
    raw = read_document(path, directory)
    assert isinstance(raw, RawPlan)
    result = build_plan(raw, directory, ImportOptions(**options))
    assert result.errors == []
    assert result.plan is not None
    return result


def _tasks(result: ImportResult) -> dict[str, TaskDoc]:
    assert result.plan is not None
    return {task.key: task for task, _ in result.plan.walk() if task.kind == "task"}


def test_a_duty_that_joins_another_units_work_is_led_by_that_unit(tmp_path: Path) -> None:
    document = _document("Bảo đảm an ninh trật tự dịp cuối năm 2026")
    for text in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Giữ vững an ninh trật tự trên địa bàn xã.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Công an xã:",
        "- Chủ trì lập phương án bảo vệ các điểm vui chơi; xong trước ngày 20/11/2026.",
        "- Phối hợp với Văn phòng HĐND và UBND xã thông tin trên loa truyền thanh; hằng tuần.",
        "2. Phòng Văn hóa - Xã hội: Phối hợp với Công an xã kiểm tra các quán karaoke, "
        "xong trước ngày 10/12/2026.",
        "3. Ban Chỉ huy Quân sự xã: phối hợp chặt chẽ với Công an xã tuần tra ban đêm; hằng tháng.",
        "4. Phòng Kinh tế:",
        "- Phối hợp với Tổ liên ngành của huyện rà soát giá cả; xong trước ngày 15/12/2026.",
        "5. Giao Công an xã chủ trì, phối hợp với Phòng Kinh tế kiểm tra kho pháo hoa trước "
        "ngày 01/12/2026.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "an-ninh.docx"
    document.save(str(path))
    result = _import(path)
    units = {key: (task.lead, task.coordinating) for key, task in _tasks(result).items()}
    assert units == {
        "II/1/-1": ((CA,), ()),
        "II/1/-2": ((VP,), (CA,)),
        "II/2": ((CA,), (VHXH,)),
        "II/3": ((CA,), (QS,)),
        # The unit it joins is no unit of the list: the duty's own unit leads, flagged.
        "II/4/-1": ((KT,), ()),
        # "Giao X chủ trì, phối hợp với Y …": X leads, read from the sentence.
        "II/5": ((CA,), (KT,)),
    }
    tasks = _tasks(result)
    assert tasks["II/1/-2"].review == ""
    assert tasks["II/2"].review == ""
    assert "không nhận ra đơn vị chủ trì" in tasks["II/4/-1"].review


def test_headings_that_ask_a_body_or_name_the_culture_office_give_their_duties(
    tmp_path: Path,
) -> None:
    """ "Đề nghị Ủy ban MTTQ … và các đoàn thể" asks bodies the commune does not command;
    "Phòng Văn hóa - Xã hội" is an office, not "phỏng vấn" (folded alike)."""
    document = _document("Phân loại rác tại nguồn năm 2026")
    for text in (
        "I. PHÂN CÔNG NHIỆM VỤ",
        "1. Phòng Văn hóa - Xã hội",
        "- Biên soạn tài liệu hướng dẫn phân loại rác; xong trước ngày 30/5/2026.",
        "2. Đề nghị Ủy ban MTTQ Việt Nam xã và các đoàn thể",
        "- Vận động hội viên phân loại rác; thường xuyên.",
        "3. Phỏng vấn người dân về thói quen phân loại rác",
        "- Lập phiếu hỏi; xong trong tháng 4/2026.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "rac.docx"
    document.save(str(path))
    tasks = _tasks(_import(path, create_units=True))
    assert tasks["I/1/-1"].lead == (VHXH,)
    assert tasks["I/1/-1"].lead_text == "Phòng Văn hóa - Xã hội"
    assert tasks["I/2/-1"].lead_text == "Ủy ban MTTQ Việt Nam xã và các đoàn thể"
    assert len(tasks["I/2/-1"].lead) == 2
    assert tasks["I/3/-1"].lead == ()


def test_the_lead_and_its_partners_in_one_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for values in (
        ["UBND XÃ ĐẠI SƠN"],
        ["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026"],
        [],
        ["TT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian hoàn thành"],
        [1, "Làm sạch dữ liệu hộ tịch", "Công an xã (chủ trì), Văn phòng HĐND và UBND xã",
         "Trước 31/3/2026"],
        [2, "Mở lớp hướng dẫn ký số", "Chủ trì: Phòng Văn hóa - Xã hội;\nPhối hợp: Công an xã, "
         "Phòng Kinh tế", "Quý II/2026"],
        [3, "Đưa tin về dịch vụ công", "Phòng Kinh tế chủ trì, phối hợp với Công an xã",
         "Tháng 9/2026"],
        [4, "Rà soát thuê bao di động", "Ban Chỉ huy Quân sự xã (phối hợp); Công an xã (chủ trì)",
         "Tháng 10/2026"],
        [5, "Tổng kết năm", "Văn phòng HĐND và UBND xã, Phòng Kinh tế", "Tháng 12/2026"],
    ):  # fmt: skip
        sheet.append(values)
    path = tmp_path / "chuyen-doi-so.xlsx"
    book.save(path)
    tasks = _tasks(_import(path))
    units = {key: (task.lead, task.coordinating) for key, task in tasks.items()}
    assert units == {
        "1": ((CA,), (VP,)),
        "2": ((VHXH,), (CA, KT)),
        "3": ((KT,), (CA,)),
        "4": ((CA,), (QS,)),
        # No role named: every unit the cell lists leads, as before.
        "5": ((VP, KT), ()),
    }
    assert (tasks["2"].lead_text, tasks["2"].coordinating_text) == (
        "Phòng Văn hóa - Xã hội", "Công an xã, Phòng Kinh tế"
    )  # fmt: skip
    assert all(task.review == "" for task in tasks.values())


@pytest.mark.parametrize(
    ("cell", "roles"),
    [
        ("Đội A (chủ trì, tổng hợp); Tổ B (phối hợp)", ("Đội A", "Tổ B")),
        ("Phối hợp: Tổ B; Chủ trì: Đội A", ("Đội A", "Tổ B")),
        ("Đơn vị chủ trì: Đội A. Đơn vị phối hợp: Tổ B, Tổ C", ("Đội A", "Tổ B, Tổ C")),
        ("Đội A chủ trì; Tổ B, Tổ C phối hợp", ("Đội A", "Tổ B, Tổ C")),
        ("Đội A chủ trì", ("Đội A", "")),
        ("Tổ B, Tổ C", None),
        ("Tổ B (phối hợp)", None),
        ("Phối hợp với Đội A chủ trì", None),
    ],
)
def test_a_cell_naming_both_roles_is_split(cell: str, roles: tuple[str, str] | None) -> None:
    assert split_roles(cell) == roles


def _dues(task: TaskDoc) -> list[str]:
    return sorted(str(rule.to_dict().get("due", rule.kind)) for rule in task.rules)


def test_a_column_per_quarter_marked_x_under_a_merged_timing_title(tmp_path: Path) -> None:
    document = _document("Phổ biến, giáo dục pháp luật năm 2026")
    table = document.add_table(rows=0, cols=8)
    top = _row(table, ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp",
                       "Thời gian thực hiện", "", "", ""])  # fmt: skip
    under = _row(table, ["", "", "", "", "Quý I", "Quý II", "Quý III", "Quý IV"])
    top[4].merge(top[7]).text = "Thời gian thực hiện"
    for column in range(4):
        top[column].merge(under[column])
    _row(table, ["1", "Phát thanh chuyên mục pháp luật", "Phòng Văn hóa - Xã hội", "Công an xã",
                 "x", "x", "x", "x"])  # fmt: skip
    _row(table, ["2", "Thi tìm hiểu pháp luật", "Văn phòng HĐND và UBND xã", "", "", "X", "", ""])
    _row(table, ["3", "Sơ kết, tổng kết", "Văn phòng HĐND và UBND xã", "", "", "✓", "", "✓"])
    _row(table, ["4", "Gặp mặt hòa giải viên", "Công an xã", "", "15/3/2026", "", "", ""])
    _row(table, ["5", "Rà soát tủ sách pháp luật", "Công an xã", "", "", "", "", ""])
    path = tmp_path / "pho-bien.docx"
    document.save(str(path))
    tasks = _tasks(_import(path))
    assert [tasks[k].timing for k in "12345"] == [
        "Quý I, Quý II, Quý III, Quý IV", "Quý II", "Quý II, Quý IV", "15/3/2026", ""
    ]  # fmt: skip
    assert _dues(tasks["1"]) == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"]
    assert _dues(tasks["3"]) == ["2026-06-30", "2026-12-31"]
    assert _dues(tasks["4"]) == ["2026-03-15"]
    assert "các cột được đánh dấu: Quý II, Quý IV" in tasks["3"].remark
    # No period marked: no timing, read as continuous work and flagged, as before.
    assert "không ghi thời gian" in tasks["5"].review
    assert tasks["1"].lead == (VHXH,)


def test_months_as_bare_numbers_under_the_timing_title_and_periods_in_one_header_row(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["UBND XÃ ĐẠI SƠN"])
    sheet.append(["KẾ HOẠCH KIỂM TRA AN TOÀN THỰC PHẨM NĂM 2026"])
    sheet.append(["TT", "Nội dung kiểm tra", "Đơn vị chủ trì", "Thời gian (tháng)"] + [None] * 11)
    sheet.append([None, None, None, *range(1, 13)])
    sheet.merge_cells("D3:O3")
    for column in "ABC":
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.append([1, "Kiểm tra bếp ăn tập thể", "Phòng Văn hóa - Xã hội"]
                 + ["x" if m in (2, 8) else None for m in range(1, 13)])  # fmt: skip
    sheet.append([2, "Lấy mẫu thực phẩm ở chợ", "Phòng Kinh tế"] + ["x"] * 12)
    halves = book.create_sheet("Năm")
    halves.append(["STT", "Nhiệm vụ", "Chủ trì", "6 tháng đầu năm", "6 tháng cuối năm", "Ghi chú"])
    halves.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"])
    halves.append([1, "Báo cáo kết quả", "Phòng Kinh tế", "x", "x", ""])
    path = tmp_path / "an-toan-thuc-pham.xlsx"
    book.save(path)
    tasks = _tasks(_import(path))
    assert {key: task.timing for key, task in tasks.items()} == {
        "#1/1": "Tháng 2, Tháng 8",
        "#1/2": "Hằng tháng",
        "#2/1": "6 tháng đầu năm, 6 tháng cuối năm",
    }
    assert _dues(tasks["#1/1"]) == ["2026-02-28", "2026-08-31"]
    assert _dues(tasks["#2/1"]) == ["2026-06-30", "2026-12-31"]
    assert [rule.kind for rule in tasks["#1/2"].rules] == ["recurring"]


def test_section_rows_written_in_the_content_cell_or_in_capitals(tmp_path: Path) -> None:
    document = _document("Cải cách hành chính năm 2026")
    table = document.add_table(rows=0, cols=5)
    _row(table, ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành",
                 "Sản phẩm đầu ra"])  # fmt: skip
    _row(table, ["", "I. CẢI CÁCH THỂ CHẾ", "", "", ""])
    _row(table, ["1", "Rà soát văn bản của xã", "Văn phòng HĐND và UBND xã", "Tháng 6/2026", ""])
    _row(table, ["Phần II", "HIỆN ĐẠI HÓA HÀNH CHÍNH", "", "", ""])
    _row(table, ["1", "Duy trì hệ thống quản lý chất lượng", "Văn phòng HĐND và UBND xã",
                 "Quý IV/2026", "Báo cáo"])  # fmt: skip
    _row(table, ["2", "", "Phòng Kinh tế", "Tháng 8/2026", ""])
    _row(table, ["", "NHIỆM VỤ PHÁT SINH", "", "", ""])
    _row(table, ["", "Việc cấp trên giao thêm trong năm", "", "", ""])
    path = tmp_path / "cchc.docx"
    document.save(str(path))
    result = _import(path)
    assert result.plan is not None
    shape = [(t.key, t.kind, t.content) for t, _ in result.plan.walk()]
    assert shape == [
        ("I", "section", "CẢI CÁCH THỂ CHẾ"),
        ("I/1", "task", "Rà soát văn bản của xã"),
        ("II", "section", "HIỆN ĐẠI HÓA HÀNH CHÍNH"),
        ("II/1", "task", "Duy trì hệ thống quản lý chất lượng"),
        # A row with no content is kept, as a task to review.
        ("II/2", "task", ""),
        ("II/#1", "section", "NHIỆM VỤ PHÁT SINH"),
        # A row the importer cannot place is a task flagged for review, never dropped.
        ("II/#1/#1", "task", "Việc cấp trên giao thêm trong năm"),
    ]
    tasks = _tasks(result)
    assert "chủ trì" in tasks["II/#1/#1"].review
    assert "không có số thứ tự" in tasks["II/#1/#1"].remark


def test_fields_one_after_another_in_a_paragraph_and_a_lead_in_brackets(tmp_path: Path) -> None:
    document = _document("Triển khai định danh điện tử năm 2026")
    for text in (
        "I. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Làm sạch dữ liệu cư trú",
        "Cơ quan chủ trì: Công an xã. Cơ quan phối hợp: Văn phòng HĐND và UBND xã. "
        "Thời gian hoàn thành: Trước 30/6/2026.",
        "2. Hướng dẫn cài đặt ứng dụng",
        "- Chủ trì: Phòng Văn hóa - Xã hội; phối hợp: Công an xã; thời gian: Quý III/2026; "
        "sản phẩm: Danh sách hộ được hướng dẫn.",
        "3. Mở điểm thanh toán số ở chợ (Phòng Kinh tế chủ trì; hoàn thành trong tháng 9/2026).",
        "4. Số hóa sổ hộ tịch",
        "- Đơn vị thực hiện: Văn phòng HĐND và UBND xã (chủ trì), Trung tâm Phục vụ hành chính "
        "công.",
        "- Thời gian: Tháng 11/2026.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "dinh-danh.docx"
    document.save(str(path))
    tasks = _tasks(_import(path))
    read = {k: (t.lead, t.coordinating, t.timing, t.output) for k, t in tasks.items()}
    assert read == {
        "I/1": ((CA,), (VP,), "Trước 30/6/2026.", ""),
        "I/2": ((VHXH,), (CA,), "Quý III/2026", "Danh sách hộ được hướng dẫn."),
        "I/3": ((KT,), (), "", ""),
        "I/4": ((VP,), (f"{DS}.ttphvhcc",), "Tháng 11/2026.", ""),
    }
    assert _dues(tasks["I/1"]) == ["2026-06-30"]
    assert _dues(tasks["I/3"]) == ["2026-09-30"]


def test_two_tables_on_one_sheet_each_under_its_title_and_a_loose_line_kept(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    header = ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"]
    for values in (
        ["UBND XÃ ĐẠI SƠN"],
        ["KẾ HOẠCH CÔNG TÁC NĂM 2026"],
        header,
        [1, "Thu thuế sử dụng đất", "Phòng Kinh tế", "", "Quý IV/2026"],
        [],
        ["Biểu 2: Lĩnh vực văn hóa - xã hội"],
        header,
        [1, "Tổ chức Tết Thiếu nhi", "Phòng Văn hóa - Xã hội", "", "Trước 01/6/2026"],
        [],
        ["(Ưu tiên các thôn vùng xa)"],
    ):
        sheet.append(values)
    path = tmp_path / "cong-tac.xlsx"
    book.save(path)
    result = _import(path)
    assert result.plan is not None
    shape = [(t.key, t.kind, t.content) for t, _ in result.plan.walk()]
    assert shape == [
        ("1", "task", "Thu thuế sử dụng đất"),
        ("#1", "section", "Biểu 2: Lĩnh vực văn hóa - xã hội"),
        # Words alone after the last row, no header after them: the end of the row above.
        ("#1/1", "task", "Tổ chức Tết Thiếu nhi (Ưu tiên các thôn vùng xa)"),
    ]


def test_unnumbered_unit_headings_over_their_duties(tmp_path: Path) -> None:
    document = _document("Bảo đảm an toàn giao thông năm 2026")
    for text, bold in (
        ("I. PHÂN CÔNG NHIỆM VỤ", True),
        ("Công an xã:", True),
        ("- Chủ trì tuần tra các tuyến liên thôn; hằng tuần.", False),
        ("- Phối hợp với Phòng Kinh tế rà soát điểm đen; xong trước ngày 30/4/2026.", False),
        ("Phòng Kinh tế:", True),
        ("- Sửa biển báo hư hỏng; quý II/2026.", False),
        ("Các nội dung sau:", False),
        ("- Đón khách tham quan; tháng 5/2026.", False),
    ):
        document.add_paragraph().add_run(text).bold = bold
    path = tmp_path / "giao-thong.docx"
    document.save(str(path))
    result = _import(path)
    assert result.plan is not None
    shape = [(t.key, t.kind, t.lead, t.coordinating) for t, _ in result.plan.walk()]
    assert shape == [
        ("I", "section", (), ()),
        ("I/#1", "section", (), ()),
        ("I/#1/-1", "task", (CA,), ()),
        ("I/#1/-2", "task", (KT,), (CA,)),
        ("I/#2", "section", (), ()),
        ("I/#2/-1", "task", (KT,), ()),
        # A line ending with a colon that names no unit leads no duties: as before.
        ("I/#3", "task", (), ()),
        ("I/-1", "task", (), ()),
    ]
