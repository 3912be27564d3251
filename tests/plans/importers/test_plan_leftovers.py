"""What the importer left over last time, built here as real Word and Excel files and read
through the whole pipeline: a title that opens with "Thực hiện Chương trình …", a table's
caption ("Biểu 1: …") under the title, the closing sentence of a lettered list, and the
Excel layouts other communes use (two header rows with start and end, a note holding the
timing, shortened unit names, "1.1.1" numbering, headings across the whole row, hidden rows
and sheets, several sheets). Nothing may be dropped unsaid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.org.test_directory import DIRECTORY_UNITS, DS
from tests.plans.importers import odfs
from tracker.org.directory import UnitDirectory
from tracker.plans.documents import TaskDoc
from tracker.plans.importers.base import RawPlan, RawTask
from tracker.plans.importers.build import ImportOptions, ImportResult, build_plan
from tracker.plans.importers.header import read_header
from tracker.plans.importers.read import read_document

HEAD = ["ỦY BAN NHÂN DÂN", "XÃ ĐẠI SƠN", "Số: 31/KH-UBND", "Đại Sơn, ngày 12 tháng 01 năm 2026"]
VP, CA, QS, VHXH = (f"{DS}.{c}" for c in ("vp", "cong-an", "quan-su", "vh-xh"))
TABLE_HEADER = ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"]


def _document(*title: str) -> docx.document.Document:
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    for line in title:
        document.add_paragraph().add_run(line).bold = True
    return document


def _table(document: docx.document.Document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def _import(path: Path) -> ImportResult:
    directory = UnitDirectory(DIRECTORY_UNITS)
    raw = read_document(path, directory)
    assert isinstance(raw, RawPlan)
    result = build_plan(raw, directory, ImportOptions())
    assert result.errors == []
    assert result.plan is not None
    return result


def _shape(result: ImportResult) -> list[tuple[str, str, str]]:
    assert result.plan is not None
    return [(t.key, t.kind, t.content) for t, _ in result.plan.walk()]


def _tasks(result: ImportResult) -> dict[str, TaskDoc]:
    assert result.plan is not None
    return {task.key: task for task, _ in result.plan.walk()}


def _dues(task: TaskDoc) -> list[tuple[str, str]]:
    return [(str(r.to_dict().get("start", "")), str(r.to_dict().get("due", r.kind)))
            for r in task.rules]  # fmt: skip


def _review(result: ImportResult, field: str) -> list[tuple[str, str]]:
    return [(item.where, item.text) for item in result.review if item.field == field]


# --------------------------------------------------------------------------- the title


def prose_plan(path: Path) -> Path:
    """A plan in numbered paragraphs whose title opens with "Thực hiện Chương trình", and
    whose first item is a lettered list closed by a sentence giving it a lead."""
    document = _document("Thực hiện Chương trình chuyển đổi số của xã năm 2026")
    for text in (
        "Căn cứ Kế hoạch số 10/KH-UBND ngày 05/01/2026 của UBND thành phố; UBND xã ban hành"
        " kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao hiệu quả công tác.",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Công tác tuyên truyền",
        "a) Tuyên truyền trên loa truyền thanh, hoàn thành trước 30/6/2026.",
        "b) Tổ chức hội nghị phổ biến, hoàn thành trong Quý III/2026.",
        "Công an xã chủ trì thực hiện các nội dung trên.",
        "2. Xây dựng dữ liệu dân cư, hoàn thành trước 31/12/2026.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Giao Văn phòng HĐND và UBND xã theo dõi, đôn đốc thực hiện Kế hoạch này.",
    ):
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_a_title_that_opens_with_thuc_hien_chuong_trinh_is_the_title(tmp_path: Path) -> None:
    result = _import(prose_plan(tmp_path / "chuyen-doi-so.docx"))
    assert result.plan is not None
    assert result.plan.title == "Thực hiện Chương trình chuyển đổi số của xã năm 2026"
    assert result.plan.year == 2026
    # The body's first sentence is a paragraph of its own, never joined to the title.
    assert result.plan.parent_ref.startswith("Kế hoạch số 10/KH-UBND")


def test_the_same_title_over_a_task_table(tmp_path: Path) -> None:
    document = _document(
        "Thực hiện Chương trình mục tiêu quốc gia", "xây dựng nông thôn mới năm 2026"
    )
    _table(document, [TABLE_HEADER, ["1", "Làm đường thôn", "Phòng Kinh tế", "", "Quý IV/2026"]])
    path = tmp_path / "ntm.docx"
    document.save(str(path))
    result = _import(path)
    assert result.plan is not None
    assert result.plan.title == (
        "Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2026"
    )


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # Not bold (a text or PDF plan) and no sentence: still the title.
        (["KẾ HOẠCH", "Thực hiện Chương trình giảm nghèo bền vững năm 2026", "Căn cứ Luật …"],
         "Thực hiện Chương trình giảm nghèo bền vững năm 2026"),
        # A sentence that cites a text by its number is the body, not the title.
        (["KẾ HOẠCH", "Thực hiện Chương trình số 05-CTr/ĐU ngày 02/01/2026 của Đảng ủy xã, "
          "UBND xã ban hành kế hoạch như sau:"], ""),
        # A plain line under a bold title, or a line leading into the body, is the body.
        (["**KẾ HOẠCH**", "**Phòng chống thiên tai năm 2026**", "Để chủ động ứng phó, UBND xã "
          "ban hành Kế hoạch năm 2026"], "Phòng chống thiên tai năm 2026"),
        (["KẾ HOẠCH", "Phòng chống thiên tai năm 2026", "Để chủ động ứng phó, UBND xã ban hành "
          "Kế hoạch như sau:"], "Phòng chống thiên tai năm 2026"),
        (["KẾ HOẠCH", "Phòng chống thiên tai", "trên địa bàn xã năm 2026", "I. MỤC ĐÍCH"],
         "Phòng chống thiên tai trên địa bàn xã năm 2026"),
        # In bold, a title may cite the text it implements.
        (["**KẾ HOẠCH**", "**Thực hiện Kế hoạch số 45/KH-UBND của UBND thành phố về chuyển "
          "đổi số**", "Căn cứ …"],
         "Thực hiện Kế hoạch số 45/KH-UBND của UBND thành phố về chuyển đổi số"),
    ],
)  # fmt: skip
def test_the_first_line_under_ke_hoach(lines: list[str], title: str) -> None:
    assert read_header(lines).title == title


# --------------------------------------------------------------------------- captions


def test_captions_over_tables_head_them_and_never_lengthen_the_title(tmp_path: Path) -> None:
    document = _document("Công tác cải cách hành chính năm 2026")
    document.add_paragraph("Biểu 1: Danh mục nhiệm vụ trọng tâm")
    _table(document, [TABLE_HEADER, ["1", "Rà soát thủ tục", "VP HĐND-UBND", "", "Quý II/2026"]])
    document.add_paragraph("Biểu 2: Nhiệm vụ về chuyển đổi số")
    _table(document, [TABLE_HEADER, ["1", "Số hóa hồ sơ", "CA xã", "", "Trước 30/9/2026"]])
    path = tmp_path / "cchc.docx"
    document.save(str(path))
    result = _import(path)
    assert result.plan is not None
    assert result.plan.title == "Công tác cải cách hành chính năm 2026"
    assert _shape(result) == [
        ("#1", "section", "Biểu 1: Danh mục nhiệm vụ trọng tâm"),
        ("#1/1", "task", "Rà soát thủ tục"),
        ("#2", "section", "Biểu 2: Nhiệm vụ về chuyển đổi số"),
        ("#2/1", "task", "Số hóa hồ sơ"),
    ]
    tasks = _tasks(result)
    # Shortened unit names as tables write them.
    assert (tasks["#1/1"].lead, tasks["#2/1"].lead) == ((VP,), (CA,))


@pytest.mark.parametrize(
    "caption", ["PHỤ LỤC 1", "Phụ lục: Danh mục nhiệm vụ", "Bảng 1 - Nhiệm vụ"]
)
def test_one_table_under_a_caption(tmp_path: Path, caption: str) -> None:
    document = _document("Công tác cải cách hành chính năm 2026")
    document.add_paragraph(caption)
    _table(document, [TABLE_HEADER, ["1", "Rà soát thủ tục", "Phòng Kinh tế", "", "Quý II/2026"]])
    path = tmp_path / "cchc.docx"
    document.save(str(path))
    result = _import(path)
    assert result.plan is not None
    assert result.plan.title == "Công tác cải cách hành chính năm 2026"
    assert _shape(result) == [("1", "task", "Rà soát thủ tục")]


def test_a_caption_row_above_an_excel_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for values in (
        ["UBND XÃ ĐẠI SƠN"],
        ["KẾ HOẠCH CÔNG TÁC NĂM 2026"],
        ["Biểu số 01: Nhiệm vụ trọng tâm"],
        TABLE_HEADER,
        [1, "Thu thuế sử dụng đất", "Phòng Kinh tế", "", "Quý IV/2026"],
    ):
        sheet.append(values)
    path = tmp_path / "cong-tac.xlsx"
    book.save(path)
    result = _import(path)
    assert result.plan is not None
    assert result.plan.title == "CÔNG TÁC NĂM 2026"


# --------------------------------------------------------------------------- a list's close


def test_a_closing_sentence_after_a_lettered_list_closes_it(tmp_path: Path) -> None:
    result = _import(prose_plan(tmp_path / "chuyen-doi-so.docx"))
    assert _shape(result)[:5] == [
        ("II", "section", "NHIỆM VỤ, GIẢI PHÁP"),
        ("II/1", "section", "Công tác tuyên truyền"),
        ("II/1/a", "task", "Tuyên truyền trên loa truyền thanh, hoàn thành trước 30/6/2026."),
        ("II/1/b", "task", "Tổ chức hội nghị phổ biến, hoàn thành trong Quý III/2026."),
        ("II/2", "task", "Xây dựng dữ liệu dân cư, hoàn thành trước 31/12/2026."),
    ]
    tasks = _tasks(result)
    # Kept with the item that holds the list; the unit it names leads the items, flagged.
    assert tasks["II/1"].details == "Công an xã chủ trì thực hiện các nội dung trên."
    assert (tasks["II/1/a"].lead, tasks["II/1/b"].lead) == ((CA,), (CA,))
    assert "câu cuối danh sách" in tasks["II/1/b"].remark
    assert [text for _, text in _review(result, "chủ trì") if "nội dung trên" in text] == [
        "Công an xã chủ trì thực hiện các nội dung trên."
    ]
    # The plan's default lead still serves the item the sentence does not speak of.
    assert tasks["II/2"].lead == (VP,)


def test_paragraphs_that_are_the_items_own_stay_under_them(tmp_path: Path) -> None:
    document = _document("Phòng, chống dịch bệnh năm 2026")
    for text in (
        "I. NHIỆM VỤ",
        "1. Công tác tuyên truyền",
        "Tuyên truyền trên loa truyền thanh hằng tháng.",
        "2. Công tác kiểm tra",
        "Kiểm tra các cơ sở kinh doanh thực phẩm trong Quý II/2026.",
        "3. Tổng kết, hoàn thành trước 20/12/2026.",
        "Báo cáo kết quả về UBND xã.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "dich-benh.docx"
    document.save(str(path))
    shape = _shape(_import(path))
    # Items with a paragraph of their own: the paragraph after the last one is its own too.
    assert ("I/3/#1", "task", "Báo cáo kết quả về UBND xã.") in shape
    assert ("I/2/#1", "task", "Kiểm tra các cơ sở kinh doanh thực phẩm trong Quý II/2026.") in shape


# --------------------------------------------------------------------------- Excel layouts


def _workbook(
    path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()
) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kế hoạch"
    for values in rows:
        sheet.append(values)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return book


TWO_ROWS = [
    ["UBND XÃ ĐẠI SƠN"],
    ["KẾ HOẠCH CÔNG TÁC NĂM 2026"],
    ["TT", "Nội dung", "Thời gian", None, "Đơn vị thực hiện", None, "Kết quả/Sản phẩm", "Ghi chú"],
    [None, None, "Bắt đầu", "Kết thúc", "Chủ trì", "Phối hợp", None, None],
]
TWO_ROWS_MERGES = ("C3:D3", "E3:F3", "A3:A4", "B3:B4", "G3:G4", "H3:H4")


def test_two_header_rows_with_start_and_end_a_result_and_a_note_holding_the_timing(
    tmp_path: Path,
) -> None:
    rows = [
        *TWO_ROWS,
        ["I.", "CÔNG TÁC CHỈ ĐẠO"],
        ["1.1", "Ban hành kế hoạch", "01/02/2026", "28/02/2026", "VP HĐND-UBND", "CA xã",
         "Kế hoạch", ""],
        ["1.1.1", "Dự thảo kế hoạch", "01/02/2026", "15/02/2026", "UBND xã", "", "Dự thảo", ""],
        ["1.2", "Kiểm tra việc thực hiện", "", "", "UBND xã", "", "", ""],
        ["1.2.1", "Kiểm tra thôn 1", "", "30/6/2026", "CA xã", "", "Biên bản", ""],
        ["A.", "LĨNH VỰC AN NINH"],
        ["*", "Tuần tra dịp Tết", "", "", "CA xã", "BCH Quân sự", "", "Trước 15/02/2026"],
        ["-", "Diễn tập phòng thủ", "", "", "BCH Quân sự", "", "", "Quý III/2026"],
        ["Lĩnh vực quốc phòng"],
        ["-", "Tuyển quân", "", "", "BCH Quân sự", "", "", "Quý I/2026"],
        ["Lĩnh vực văn hóa - xã hội"],
        ["2", "Tổ chức Tết Thiếu nhi", "", "01/6/2026", "Phòng Văn hóa - Xã hội", "", "",
         "Theo Công văn ngày 10/01/2026"],
    ]  # fmt: skip
    path = tmp_path / "hai-hang.xlsx"
    _workbook(path, rows, (*TWO_ROWS_MERGES, "B5:H5", "B10:H10", "A15:H15"))
    result = _import(path)
    assert _shape(result) == [
        ("I", "section", "CÔNG TÁC CHỈ ĐẠO"),
        # "1.1" has a timing of its own, which a group could not keep: "1.1.1" beside it.
        ("I/1.1", "task", "Ban hành kế hoạch"),
        ("I/1.1.1", "task", "Dự thảo kế hoạch"),
        # "1.2.1" under "1.2", though no row "1" stands above them.
        ("I/1.2", "section", "Kiểm tra việc thực hiện"),
        ("I/1.2/1.2.1", "task", "Kiểm tra thôn 1"),
        ("A", "section", "LĨNH VỰC AN NINH"),
        ("A/#1", "task", "Tuần tra dịp Tết"),
        ("A/-1", "task", "Diễn tập phòng thủ"),
        # Words typed in the STT cell alone, running over the empty cells: a heading.
        ("A/#2", "section", "Lĩnh vực quốc phòng"),
        ("A/#2/-1", "task", "Tuyển quân"),
        # A row merged across the whole table, in plain letters: a heading.
        ("A/#3", "section", "Lĩnh vực văn hóa - xã hội"),
        ("A/#3/2", "task", "Tổ chức Tết Thiếu nhi"),
    ]
    tasks = _tasks(result)
    # The end is the deadline, the start kept.
    assert _dues(tasks["I/1.1"]) == [("2026-02-01", "2026-02-28")]
    assert _dues(tasks["I/1.1.1"]) == [("2026-02-01", "2026-02-15")]
    assert tasks["I/1.1.1"].output == "Dự thảo"
    assert (tasks["I/1.1"].lead, tasks["I/1.1"].coordinating) == ((VP,), (CA,))
    # The note holds the timing where the timing cells are empty.
    assert _dues(tasks["A/#1"]) == [("", "2026-02-15")]
    assert "ghi chú" in tasks["A/#1"].remark
    assert (tasks["A/#1"].lead, tasks["A/#1"].coordinating) == ((CA,), (QS,))
    assert _dues(tasks["A/-1"]) == [("2026-07-01", "2026-09-30")]
    # A note that only mentions a date stays a note.
    assert _dues(tasks["A/#3/2"]) == [("", "2026-06-01")]
    assert tasks["A/#3/2"].note == "Theo Công văn ngày 10/01/2026"


def test_hidden_rows_and_sheets_and_a_row_with_nothing_to_do_are_said(tmp_path: Path) -> None:
    rows = [
        *TWO_ROWS,
        ["1", "Tổ chức Tết Thiếu nhi", "", "01/6/2026", "Phòng Văn hóa - Xã hội", "", "", ""],
        ["2", "Việc của năm trước", "", "30/6/2025", "UBND xã", "", "", ""],
        ["3", "", "", "", "", "", "", "Ghi chú lẻ"],
        ["4", "Tổng kết năm", "", "20/12/2026", "VP HĐND-UBND", "", "", ""],
    ]
    path = tmp_path / "an.xlsx"
    book = _workbook(path, rows, TWO_ROWS_MERGES)
    book.active.row_dimensions[6].hidden = True  # type: ignore[union-attr]
    scratch = book.create_sheet("Nháp")
    scratch.sheet_state = "hidden"
    scratch.append(TABLE_HEADER)
    scratch.append([1, "Dữ liệu tạm", "UBND xã", "", "31/12/2026"])
    book.save(path)
    result = _import(path)
    assert _shape(result) == [
        ("1", "task", "Tổ chức Tết Thiếu nhi"),
        ("4", "task", "Tổng kết năm"),
    ]
    assert _review(result, "hàng ẩn") == [
        ("an.xlsx, trang tính 'Kế hoạch', hàng 6", "2 | Việc của năm trước | 30/6/2025 | UBND xã")
    ]
    assert _review(result, "trang tính") == [("an.xlsx, trang tính 'Nháp'", "Nháp")]
    assert _review(result, "hàng") == [("an.xlsx, trang tính 'Kế hoạch', hàng 7", "3 | Ghi chú lẻ")]


def test_a_plan_and_its_appendix_on_two_sheets(tmp_path: Path) -> None:
    path = tmp_path / "hai-trang.xlsx"
    book = _workbook(path, [*TWO_ROWS, ["1", "Tổ chức Tết Thiếu nhi", "", "01/6/2026",
                                       "Phòng Văn hóa - Xã hội", "", "", ""]], TWO_ROWS_MERGES)  # fmt: skip
    appendix = book.create_sheet("Phụ lục")
    for values in (
        ["DANH MỤC BÁO CÁO KÈM THEO KẾ HOẠCH"],
        ["STT", "Nội dung", "Thời hạn", "Chủ trì"],
        [1, "Báo cáo quý", "Hằng quý", "UBND xã"],
    ):
        appendix.append(values)
    book.save(path)
    result = _import(path)
    assert _shape(result) == [
        ("#1", "section", "Kế hoạch"),
        ("#1/1", "task", "Tổ chức Tết Thiếu nhi"),
        ("#2", "section", "Phụ lục"),
        ("#2/1", "task", "Báo cáo quý"),
    ]
    assert _tasks(result)["#2"].details == "DANH MỤC BÁO CÁO KÈM THEO KẾ HOẠCH"
    # An appendix's list is no plan of its own: nothing to say about the sheets.
    assert _review(result, "trang tính") == []


def test_a_plan_on_each_sheet_is_read_as_one_and_said(tmp_path: Path) -> None:
    path = tmp_path / "moi-trang.xlsx"
    book = _workbook(path, [])
    for sheet, title, work in (
        (book.active, "KẾ HOẠCH PHÒNG CHỐNG THIÊN TAI NĂM 2026", "Diễn tập cứu hộ"),
        (book.create_sheet("Giao thông"), "KẾ HOẠCH BẢO ĐẢM AN TOÀN GIAO THÔNG NĂM 2026",
         "Tuần tra dịp Tết"),
    ):  # fmt: skip
        assert sheet is not None
        for values in (
            ["UBND XÃ ĐẠI SƠN"],
            [title],
            TABLE_HEADER,
            [1, work, "CA xã", "", "Quý III/2026"],
        ):
            sheet.append(values)
    book.save(path)
    result = _import(path)
    assert [key for key, _, _ in _shape(result)] == ["#1", "#1/1", "#2", "#2/1"]
    assert _review(result, "trang tính") == [(
        "moi-trang.xlsx",
        "'Kế hoạch': PHÒNG CHỐNG THIÊN TAI NĂM 2026; 'Giao thông': BẢO ĐẢM AN TOÀN GIAO "
        "THÔNG NĂM 2026",
    )]  # fmt: skip


def test_start_and_end_in_one_header_row_a_month_shown_without_its_day_and_other_columns(
    tmp_path: Path,
) -> None:
    rows: list[list[object]] = [
        ["UBND XÃ ĐẠI SƠN"],
        ["KẾ HOẠCH CÔNG TÁC NĂM 2026"],
        ["STT", "Nội dung", "Thời gian bắt đầu", "Thời gian hoàn thành", "Đơn vị chủ trì",
         "Kinh phí (triệu đồng)", "Địa điểm"],
        [1, "Làm đường thôn 3", dt.datetime(2026, 3, 1), dt.datetime(2026, 9, 30), "Phòng KT",
         500, "Thôn 3"],
        [2, "Sửa nhà văn hóa", "Tháng 3/2026", "Tháng 5/2026", "Phòng Kinh tế", None, None],
        [3, "Trồng cây", None, dt.datetime(2026, 6, 1), "Phòng Kinh tế", None, None],
    ]  # fmt: skip
    path = tmp_path / "bat-dau.xlsx"
    book = _workbook(path, rows)
    # Shown "06/2026": the 1st Excel stores is no day the officer wrote.
    book.active["D6"].number_format = "mm/yyyy"  # type: ignore[index]
    book.save(path)
    tasks = _tasks(_import(path))
    # The end is the deadline, never the start that says "Thời gian" first.
    assert _dues(tasks["1"]) == [("2026-03-01", "2026-09-30")]
    assert _dues(tasks["2"]) == [("2026-03-01", "2026-05-31")]
    assert _dues(tasks["3"]) == [("2026-06-01", "2026-06-30")]
    # Columns no role reads: their words in the note, under their titles.
    assert tasks["1"].note == "Kinh phí (triệu đồng): 500; Địa điểm: Thôn 3"
    assert tasks["1"].lead == (f"{DS}.kinh-te",)


def test_a_word_table_with_two_header_rows_and_a_row_across_it(tmp_path: Path) -> None:
    document = _document("Công tác năm 2026")
    table = document.add_table(rows=0, cols=8)

    def row(values: list[str]) -> tuple[docx.table._Cell, ...]:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
        return cells

    first = row(["TT", "Nội dung", "Thời gian", "", "Đơn vị thực hiện", "", "Kinh phí", "Ghi chú"])
    second = row(["", "", "Bắt đầu", "Kết thúc", "Chủ trì", "Phối hợp", "", ""])
    first[2].merge(first[3])
    first[4].merge(first[5])
    for index in (0, 1, 6, 7):
        first[index].merge(second[index])
    across = row([""] * 8)
    across[0].merge(across[7]).text = "Lĩnh vực kinh tế"
    row(["1", "Làm đường thôn 3", "01/3/2026", "30/9/2026", "Phòng KT", "CA xã", "500", ""])
    row(["2", "Thu ngân sách", "", "", "Phòng Kinh tế", "", "", "Hằng quý"])
    path = tmp_path / "hai-hang.docx"
    document.save(str(path))
    result = _import(path)
    assert _shape(result) == [
        ("#1", "section", "Lĩnh vực kinh tế"),
        ("#1/1", "task", "Làm đường thôn 3"),
        ("#1/2", "task", "Thu ngân sách"),
    ]
    tasks = _tasks(result)
    assert _dues(tasks["#1/1"]) == [("2026-03-01", "2026-09-30")]
    assert (tasks["#1/1"].coordinating, tasks["#1/1"].note) == ((CA,), "Kinh phí: 500")
    assert [r.kind for r in tasks["#1/2"].rules] == ["recurring"]


def test_a_group_with_a_timing_of_its_own_is_said() -> None:
    raw = RawPlan(source="nhom.docx", header_lines=["KẾ HOẠCH", "Công tác năm 2026", *HEAD])
    group = RawTask(label="1", content="Ban hành kế hoạch", timing="Quý I/2026", where="dòng 9")
    group.children = [
        RawTask(label="a", content="Dự thảo", lead="Công an xã", timing="Tháng 1/2026")
    ]
    raw.tasks = [group]
    result = build_plan(raw, UnitDirectory(DIRECTORY_UNITS))
    # A group keeps no deadline: its timing is said, never dropped unsaid.
    assert _review(result, "thời gian") == [("nhiệm vụ 1 (dòng 9)", "Quý I/2026")]


def test_a_later_tables_caption_with_its_title_and_its_aside(tmp_path: Path) -> None:
    document = _document("Công tác cải cách hành chính năm 2026")
    _table(document, [TABLE_HEADER, ["1", "Rà soát thủ tục", "Phòng Kinh tế", "", "Quý II/2026"]])
    for text in ("PHỤ LỤC II", "DANH MỤC BÁO CÁO ĐỊNH KỲ", "(Kèm theo Kế hoạch số 31/KH-UBND)"):
        document.add_paragraph(text)
    _table(document, [TABLE_HEADER, ["1", "Báo cáo quý", "Phòng Kinh tế", "", "Hằng quý"]])
    path = tmp_path / "hai-bang.docx"
    document.save(str(path))
    result = _import(path)
    assert _shape(result) == [
        ("1", "task", "Rà soát thủ tục"),
        ("#1", "section", "PHỤ LỤC II DANH MỤC BÁO CÁO ĐỊNH KỲ"),
        ("#1/1", "task", "Báo cáo quý"),
    ]
    assert _tasks(result)["#1"].details == "(Kèm theo Kế hoạch số 31/KH-UBND)"


def test_hidden_rows_and_a_hidden_sheet_of_an_ods_are_said(tmp_path: Path) -> None:
    def cells(*texts: str) -> str:
        return odfs.row(*(odfs.cell(text) for text in texts))

    shown = odfs.table(
        "Kế hoạch",
        cells("KẾ HOẠCH CÔNG TÁC NĂM 2026"),
        cells(*TABLE_HEADER),
        cells("1", "Tổ chức Tết Thiếu nhi", "Phòng Văn hóa - Xã hội", "", "01/6/2026"),
        cells("2", "Việc của năm trước", "UBND xã", "", "30/6/2025").replace(
            "<table:table-row>", '<table:table-row table:visibility="collapsed">'
        ),
        columns=5,
    )
    scratch = odfs.table(
        "Nháp", cells(*TABLE_HEADER), cells("1", "Dữ liệu tạm", "UBND xã", "", "2026"), columns=5
    )
    scratch = scratch.replace('table:name="Nháp"', 'table:name="Nháp" table:style-name="ta2"')
    styles = odfs.BOLD_STYLES + (
        '<style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
    )
    path = tmp_path / "an.ods"
    odfs.write_odf(
        path,
        "",
        kind="spreadsheet",
        content=odfs.content_xml(shown + scratch, "spreadsheet", styles),
    )
    raw = read_document(path, UnitDirectory(DIRECTORY_UNITS))
    assert isinstance(raw, RawPlan)
    assert [(t.label, t.content) for t in raw.tasks] == [("1", "Tổ chức Tết Thiếu nhi")]
    assert [(item.field, item.where, item.text) for item in raw.review] == [
        (
            "hàng ẩn",
            "an.ods, trang tính 'Kế hoạch', hàng 4",
            "2 | Việc của năm trước | UBND xã | 30/6/2025",
        ),
        ("trang tính", "an.ods, trang tính 'Nháp'", "Nháp"),
    ]


def test_a_word_plan_typed_line_by_line_still_joins_its_lines(tmp_path: Path) -> None:
    document = _document("Chuyển đổi số năm 2026")
    for text in (
        "I. NHIỆM VỤ",
        "1. Tổ chức tuyên truyền về chuyển đổi số trên hệ thống loa truyền thanh của",
        "xã và trên trang thông tin điện tử, hoàn thành trước ngày 30 tháng 6 năm",
        "2026.",
        "2. Phối hợp với Công an xã rà soát, làm sạch dữ liệu dân cư trên địa bàn và",
        "báo cáo kết quả thực hiện với Chủ tịch Ủy ban nhân dân xã trước ngày 30/9/2026, gửi",
        "Văn phòng HĐND và UBND xã tổng hợp chung vào báo cáo năm của xã.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "go-tung-dong.docx"
    document.save(str(path))
    shape = _shape(_import(path))
    assert [key for key, _, _ in shape] == ["I", "I/1", "I/2"]
    assert shape[2][2].endswith(
        "gửi Văn phòng HĐND và UBND xã tổng hợp chung vào báo cáo năm của xã."
    )


def test_rows_above_a_word_tables_header_are_kept(tmp_path: Path) -> None:
    document = _document("Công tác cải cách hành chính năm 2026")
    _table(document, [TABLE_HEADER, ["1", "Rà soát thủ tục", "Phòng Kinh tế", "", "Quý II/2026"]])
    table = document.add_table(rows=0, cols=5)
    title = table.add_row().cells
    title[0].merge(title[4]).text = "Biểu 2: Nhiệm vụ về chuyển đổi số"
    for values in (TABLE_HEADER, ["1", "Số hóa hồ sơ", "Phòng Kinh tế", "", "Trước 30/9/2026"]):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    path = tmp_path / "tieu-de-trong-bang.docx"
    document.save(str(path))
    result = _import(path)
    # The title row inside the table is its caption, never dropped; rows keep their numbers.
    assert _shape(result) == [
        ("1", "task", "Rà soát thủ tục"),
        ("#1", "section", "Biểu 2: Nhiệm vụ về chuyển đổi số"),
        ("#1/1", "task", "Số hóa hồ sơ"),
    ]
    raw = read_document(path, UnitDirectory(DIRECTORY_UNITS))
    assert isinstance(raw, RawPlan)
    assert [t.where for t, _ in raw.walk() if t.content == "Số hóa hồ sơ"] == [
        "tieu-de-trong-bang.docx, bảng 2, hàng 3"
    ]


def test_the_recipients_and_the_signer_under_an_excel_table_are_no_tasks(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["UBND XÃ ĐẠI SƠN"],
        ["KẾ HOẠCH CÔNG TÁC NĂM 2026"],
        TABLE_HEADER,
        [1, "Thu thuế sử dụng đất", "Phòng Kinh tế", "", "Quý IV/2026"],
        [2, "Tổ chức Tết Thiếu nhi", "Phòng Văn hóa - Xã hội", "", "Trước 01/6/2026"],
        [],
        ["Nơi nhận:", None, None, "TM. ỦY BAN NHÂN DÂN"],
        ["- UBND huyện;", None, None, "CHỦ TỊCH"],
        ["- Lưu: VT."],
        [None, None, None, "Nguyễn Văn An"],
    ]
    path = tmp_path / "ky.xlsx"
    _workbook(path, rows)
    result = _import(path)
    assert _shape(result) == [
        ("1", "task", "Thu thuế sử dụng đất"),
        ("2", "task", "Tổ chức Tết Thiếu nhi"),
    ]
    assert _tasks(result)["2"].coordinating == ()
    assert result.plan is not None
    assert result.plan.details["trailing_lines"] == [
        "Nơi nhận: TM. ỦY BAN NHÂN DÂN",
        "- UBND huyện; CHỦ TỊCH",
        "- Lưu: VT.",
        "Nguyễn Văn An",
    ]


def test_a_sentence_that_speaks_of_the_bullets_above_it_closes_them(tmp_path: Path) -> None:
    document = _document("Phòng, chống dịch bệnh năm 2026")
    for text in (
        "I. NHIỆM VỤ",
        "1. Công tác tuyên truyền",
        "- Tuyên truyền trên loa truyền thanh, hoàn thành trước 30/6/2026;",
        "- Phát tờ rơi đến các hộ, hoàn thành trong Quý III/2026.",
        "Giao Công an xã thực hiện các nhiệm vụ nêu trên.",
        "2. Tổng kết, hoàn thành trước 20/12/2026.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "gach-dau-dong.docx"
    document.save(str(path))
    result = _import(path)
    assert [key for key, _, _ in _shape(result)] == ["I", "I/1", "I/1/-1", "I/1/-2", "I/2"]
    tasks = _tasks(result)
    assert tasks["I/1"].details == "Giao Công an xã thực hiện các nhiệm vụ nêu trên."
    assert (tasks["I/1/-1"].lead, tasks["I/1/-2"].lead) == ((CA,), (CA,))


def test_a_note_that_opens_like_a_timing_but_reads_as_none_stays_a_note(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["UBND XÃ ĐẠI SƠN"],
        ["KẾ HOẠCH CÔNG TÁC NĂM 2026"],
        ["STT", "Nội dung", "Chủ trì", "Ghi chú"],
        [1, "Thu thuế sử dụng đất", "Phòng Kinh tế", "Trước đây do thôn thu hộ"],
        [2, "Tổ chức Tết Thiếu nhi", "Phòng Văn hóa - Xã hội", "Trước 01/6"],
    ]
    path = tmp_path / "ghi-chu.xlsx"
    _workbook(path, rows)
    result = _import(path)
    tasks = _tasks(result)
    # No timing read without a doubt: the note stays a note, the task continuous and
    # flagged, never a timing nobody can read that would stop the import.
    assert (tasks["1"].timing, tasks["1"].note) == ("", "Trước đây do thôn thu hộ")
    assert [r.kind for r in tasks["1"].rules] == ["continuous"]
    assert result.unreadable == []
    # The plan's year completes a note's date.
    assert _dues(tasks["2"]) == [("", "2026-06-01")]


@pytest.mark.parametrize("titled", [True, False])
def test_appendices_one_a_table_after_the_signature_go_to_the_items_naming_them(
    tmp_path: Path, titled: bool
) -> None:
    document = _document("Cải cách hành chính năm 2026")
    for text in (
        "I. NHIỆM VỤ",
        "1. Cải cách thủ tục hành chính (chi tiết tại Phụ lục I kèm theo).",
        "2. Chuyển đổi số (chi tiết tại Phụ lục II kèm theo).",
        "II. TỔ CHỨC THỰC HIỆN",
        "Giao Văn phòng HĐND và UBND xã theo dõi, đôn đốc thực hiện Kế hoạch này.",
        "Nơi nhận:",
        "- UBND thành phố;",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
    ):
        document.add_paragraph(text)
    header = ["STT", "Nội dung", "Thời gian", "Chủ trì"]
    for caption, title, work in (
        ("PHỤ LỤC I", "DANH MỤC THỦ TỤC RÀ SOÁT", "Rà soát thủ tục đất đai"),
        ("PHỤ LỤC II", "NHIỆM VỤ CHUYỂN ĐỔI SỐ", "Số hóa hồ sơ"),
    ):
        document.add_paragraph(caption)
        if titled:
            document.add_paragraph(title)
        _table(document, [header, ["1", work, "Quý III/2026", "Phòng Kinh tế"]])
    path = tmp_path / "hai-phu-luc.docx"
    document.save(str(path))
    tasks = _tasks(_import(path))
    # Each appendix's rows under the item that names it by its number.
    assert [t.content for t in tasks["I/1"].children] == ["Rà soát thủ tục đất đai"]
    assert [t.content for t in tasks["I/2"].children] == ["Số hóa hồ sơ"]


def test_a_duty_with_its_own_timing_after_a_list_is_its_sibling(tmp_path: Path) -> None:
    document = _document("Phòng, chống dịch bệnh năm 2026")
    for text in (
        "I. NHIỆM VỤ",
        "1. Tổ chức tuyên truyền phòng bệnh, hoàn thành trước 30/4/2026.",
        "2. Kiểm tra vệ sinh các chợ, hoàn thành trong Quý II/2026.",
        "Các thôn tổ chức tổng vệ sinh tại địa bàn, báo cáo trước 30/6/2026.",
        "Công an xã chủ trì thực hiện các nội dung trên, hoàn thành trong năm 2026.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "ve-sinh.docx"
    document.save(str(path))
    result = _import(path)
    shape = _shape(result)
    # A step of no item, nor a line of details: a task beside the list, its deadline kept.
    assert (
        "I/#1",
        "task",
        "Các thôn tổ chức tổng vệ sinh tại địa bàn, báo cáo trước 30/6/2026.",
    ) in shape
    assert _dues(_tasks(result)["I/#1"]) == [("", "2026-06-30")]
    # A closing sentence with a timing: kept in the details, its timing said for review;
    # its unit leads the items above it, the duty beside them too.
    assert [key for key, _, _ in shape] == ["I", "I/1", "I/2", "I/#1"]
    assert _tasks(result)["I/#1"].lead == (CA,)
    assert (
        "dòng 11",
        "Công an xã chủ trì thực hiện các nội dung trên, hoàn thành trong năm 2026.",
    ) in (_review(result, "thời gian"))


def test_a_sentence_closing_a_list_only_by_its_place_is_said(tmp_path: Path) -> None:
    document = _document("Phòng, chống dịch bệnh năm 2026")
    for text in (
        "I. NHIỆM VỤ",
        "1. Tổ chức tuyên truyền phòng bệnh, hoàn thành trước 30/4/2026.",
        "2. Kiểm tra vệ sinh các chợ, hoàn thành trong Quý II/2026.",
        "Các thôn tổ chức ra quân tổng vệ sinh.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "ra-quan.docx"
    document.save(str(path))
    result = _import(path)
    assert [key for key, _, _ in _shape(result)] == ["I", "I/1", "I/2"]
    assert _tasks(result)["I"].details == "Các thôn tổ chức ra quân tổng vệ sinh."
    assert _review(result, "đoạn") == [("dòng 10", "Các thôn tổ chức ra quân tổng vệ sinh.")]


def test_a_row_across_an_ods_table_is_a_heading(tmp_path: Path) -> None:
    def cells(*texts: str) -> str:
        return odfs.row(*(odfs.cell(text) for text in texts))

    sheet = odfs.table(
        "Kế hoạch",
        cells("KẾ HOẠCH CÔNG TÁC NĂM 2026"),
        cells(*TABLE_HEADER),
        # In the content cell, across it and every column after it.
        odfs.row(
            odfs.cell(),
            odfs.cell("Lĩnh vực văn hóa - xã hội", number_columns_spanned=4),
            odfs.covered(3),
        ),
        cells("1", "Tổ chức Tết Thiếu nhi", "Phòng Văn hóa - Xã hội", "", "01/6/2026"),
        columns=5,
    )
    path = odfs.write_odf(tmp_path / "ngang.ods", sheet, kind="spreadsheet")
    raw = read_document(path, UnitDirectory(DIRECTORY_UNITS))
    assert isinstance(raw, RawPlan)
    assert [(t.kind, t.content, [c.content for c in t.children]) for t in raw.tasks] == [
        ("section", "Lĩnh vực văn hóa - xã hội", ["Tổ chức Tết Thiếu nhi"])
    ]
