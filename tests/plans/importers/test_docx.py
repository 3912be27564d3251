"""Word plans, written here with python-docx: task tables (merged cells, a header row repeated
as after a page break, two tables under their headings), a plan in numbered paragraphs, and a
file that is no Word document."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table, _Cell

from tests.org.test_directory import DIRECTORY_UNITS, KA
from tracker.org.directory import UnitDirectory
from tracker.plans.importers.base import DocumentError, RawTask
from tracker.plans.importers.build import ImportOptions, build_plan
from tracker.plans.importers.docx import read_docx

HEADER = ["STT", "Nội dung công việc", "Thời gian\nthực hiện", "Đơn vị chủ trì",
          "Đơn vị phối hợp", "Dự kiến kết quả", "Ghi chú"]  # fmt: skip


def _row(table: Table, values: list[str]) -> tuple[_Cell, ...]:
    cells = table.add_row().cells
    for cell, value in zip(cells, values, strict=True):
        cell.text = value
    return cells


def _bold_across(cells: tuple[_Cell, ...], first: int, text: str) -> None:
    """Cells ``first`` to the last merged into one, holding ``text`` in bold."""
    merged = cells[first].merge(cells[-1])
    merged.text = ""
    merged.paragraphs[0].add_run(text).bold = True


def _outline(tasks: list[RawTask], depth: int = 0) -> list[tuple[int, str, str | None, str]]:
    out = []
    for task in tasks:
        out.append((depth, task.label, task.kind, task.content))
        out.extend(_outline(task.children, depth + 1))
    return out


def test_a_table_plan_with_merged_cells_and_a_repeated_header(tmp_path: Path) -> None:
    document = docx.Document()
    for line in (
        "ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN",
        "Số: 12/KH-UBND",
        "Đại Sơn, ngày 05 tháng 3 năm 2026",
    ):
        document.add_paragraph(line)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    table = document.add_table(rows=0, cols=7)
    _row(table, HEADER)
    _bold_across(_row(table, [""] * 7), 0, "I. Công tác chỉ đạo")
    first = _row(
        table, ["1", "Ban hành kế hoạch", "Quý I/2026", "UBND xã", "Văn phòng", "Kế hoạch", ""]
    )
    second = _row(table, ["2", "Rà soát thủ tục", "Thường xuyên", "", "Công chức", "Báo cáo", ""])
    first[3].merge(second[3])  # one chủ trì cell for rows 1 and 2
    _row(table, HEADER)  # the header repeated, as after a page break
    _row(table, ["", "hành chính", "", "", "", "", "Gửi huyện"])
    cells = _row(table, ["II", "", "", "", "", "", ""])
    _bold_across(cells, 1, "Kiểm tra")
    _row(table, ["1", "Kiểm tra việc thực hiện", "Quý III/2026", "Văn phòng", "", "Báo cáo", ""])
    document.add_paragraph("Nơi nhận:")
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))

    plan = read_docx(path)

    assert plan.source == "ke-hoach.docx"
    assert plan.header_lines == [
        "ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN",
        "Số: 12/KH-UBND",
        "Đại Sơn, ngày 05 tháng 3 năm 2026",
        "KẾ HOẠCH",
    ]
    assert _outline(plan.tasks) == [
        (0, "I", "section", "Công tác chỉ đạo"),
        (1, "1", None, "Ban hành kế hoạch"),
        (1, "2", None, "Rà soát thủ tục hành chính"),
        (0, "II", "section", "Kiểm tra"),
        (1, "1", None, "Kiểm tra việc thực hiện"),
    ]
    one, two = plan.tasks[0].children
    assert (one.timing, one.lead, one.coordinating, one.output, one.where) == (
        "Quý I/2026",
        "UBND xã",
        "Văn phòng",
        "Kế hoạch",
        "ke-hoach.docx, bảng 1, hàng 3",
    )
    assert (two.lead, two.coordinating, two.note) == ("UBND xã", "Công chức", "Gửi huyện")
    assert two.remark == (
        'Ô chủ trì gộp chung với hàng trên: dùng chung "UBND xã". '
        'Ô nội dung bị ngắt trang: phần cuối "hành chính" in sau tiêu đề bảng lặp lại ở trang '
        'sau. Ô ghi chú bị ngắt trang: phần cuối "Gửi huyện" in sau tiêu đề bảng lặp lại ở '
        "trang sau."
    )
    assert plan.details == {"trailing_lines": ["Nơi nhận:"]}


def test_two_tables_each_under_its_heading(tmp_path: Path) -> None:
    document = docx.Document()
    letterhead = document.add_table(rows=1, cols=2)  # the national heading, laid out in a table
    letterhead.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ KIẾN AN"
    letterhead.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("1. Thực hiện các nhiệm vụ kiểm soát thủ tục hành chính")
    first = document.add_table(rows=0, cols=4)
    _row(first, ["Stt", "Stt2", "Nội dung", "Cơ quan chủ trì"])
    _row(first, ["I", "Xây dựng văn bản", "", ""])
    _row(first, ["1", "1", "Kế hoạch năm 2023", "Văn phòng UBND xã"])
    _row(first, ["2", "2", "Kế hoạch kiểm tra", "Văn phòng UBND xã"])
    document.add_paragraph().add_run("2. Thực hiện cơ chế một cửa").bold = True
    second = document.add_table(rows=0, cols=4)
    _row(second, ["Stt", "Stt2", "Nội dung", "Cơ quan chủ trì"])
    _row(second, ["I", "Một cửa", "", ""])
    _row(second, ["3", "1", "Công khai thủ tục", "UBND xã"])
    path = tmp_path / "phu-luc.docx"
    document.save(str(path))

    plan = read_docx(path)

    assert plan.header_lines == [
        "ỦY BAN NHÂN DÂN",
        "XÃ KIẾN AN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "PHỤ LỤC",
    ]
    assert _outline(plan.tasks) == [
        (0, "1", "section", "Thực hiện các nhiệm vụ kiểm soát thủ tục hành chính"),
        (1, "I", "section", "Xây dựng văn bản"),
        (2, "1", None, "Kế hoạch năm 2023"),
        (2, "2", None, "Kế hoạch kiểm tra"),
        (0, "2", "section", "Thực hiện cơ chế một cửa"),
        (1, "I", "section", "Một cửa"),
        (2, "1", None, "Công khai thủ tục"),
    ]
    last = plan.tasks[1].children[0].children[0]
    assert (last.label, last.alt_label, last.lead, last.where) == (
        "1",
        "3",
        "UBND xã",
        "phu-luc.docx, bảng 3, hàng 3",
    )


def test_a_plan_in_numbered_paragraphs_goes_to_the_prose_reader(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Số: 12/KH-UBND")
    document.add_paragraph().add_run("I. NHIỆM VỤ").bold = True
    document.add_paragraph("Rà soát thủ tục hành chính.", style="List Number")
    document.add_paragraph("Công khai thủ tục hành chính tại Bộ phận Một cửa.", style="List Number")
    path = tmp_path / "van-xuoi.docx"
    document.save(str(path))

    plan = read_docx(path)

    assert plan.source == "van-xuoi.docx"
    labels = [(task.label, task.content) for task, _ in plan.walk()]
    # Word's automatic list numbers are not in the paragraphs' text: the reader adds them.
    assert ("1", "Rà soát thủ tục hành chính.") in labels
    assert ("2", "Công khai thủ tục hành chính tại Bộ phận Một cửa.") in labels


def test_a_file_that_is_no_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hong.docx"
    path.write_bytes(random.Random(7).randbytes(2048))
    with pytest.raises(DocumentError) as caught:
        read_docx(path)
    assert caught.value.message == "hong.docx: không phải tệp Word (.docx) hợp lệ."


def test_a_timing_in_two_columns_under_a_merged_title_reads_as_its_window(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Số: 3/KH-UBND")
    table = document.add_table(rows=0, cols=6)
    top = _row(table, ["TT", "Nhiệm vụ", "Thời gian", "", "Cơ quan chủ trì", "Sản phẩm"])
    below = _row(table, ["", "", "Bắt đầu", "Hoàn thành", "", ""])
    top[2].merge(top[3]).text = "Thời gian"
    for column in (0, 1, 4, 5):  # the other titles span both header rows
        top[column].merge(below[column])
    _row(table, ["1", "Khảo sát", "01/3/2026", "30/4/2026", "Văn phòng", "Báo cáo"])
    _row(table, ["2", "Tổng kết", "", "Tháng 12/2026", "UBND xã", "Báo cáo"])
    _row(table, ["3", "Theo dõi", "Tháng 6/2026", "", "Văn phòng", ""])
    path = tmp_path / "hai-cot.docx"
    document.save(str(path))

    survey, summary, follow = read_docx(path).tasks
    assert (survey.timing, survey.lead, survey.output) == (
        "Từ 01/3/2026 đến 30/4/2026",
        "Văn phòng",
        "Báo cáo",
    )
    assert summary.timing == "Tháng 12/2026"
    assert follow.timing == "Từ Tháng 6/2026"


def test_a_table_whose_titles_are_written_as_another_province_writes_them(
    tmp_path: Path,
) -> None:
    # "Tên nhiệm vụ/đề án", "Cơ quan đầu mối", "Các đơn vị phối hợp", "Sản phẩm chủ yếu",
    # "Thời hạn hoàn thành/Tiến độ": no title of the first list, each read by its role.
    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN")
    table = document.add_table(rows=0, cols=6)
    _row(table, ["TT", "Tên nhiệm vụ/đề án", "Cơ quan đầu mối", "Các đơn vị phối hợp",
                 "Sản phẩm chủ yếu", "Thời hạn hoàn thành/Tiến độ"])  # fmt: skip
    _row(table, ["1", "Xây dựng đề án chuyển đổi số", "Văn phòng", "Công an xã", "Đề án",
                 "Quý II/2026"])  # fmt: skip
    _row(table, ["2", "Số hóa hồ sơ hộ tịch", "Tư pháp - Hộ tịch", "", "Dữ liệu",
                 "Trước ngày 30/9/2026"])  # fmt: skip
    path = tmp_path / "de-an.docx"
    document.save(str(path))

    plan = read_docx(path)

    assert [
        (t.label, t.content, t.lead, t.coordinating, t.output, t.timing) for t in plan.tasks
    ] == [
        ("1", "Xây dựng đề án chuyển đổi số", "Văn phòng", "Công an xã", "Đề án", "Quý II/2026"),
        ("2", "Số hóa hồ sơ hộ tịch", "Tư pháp - Hộ tịch", "", "Dữ liệu", "Trước ngày 30/9/2026"),
    ]


def test_lettered_parts_hold_their_sections_across_a_table_break(tmp_path: Path) -> None:
    # "A", "B" rows without a timing are parts; "I" sections and numbered rows go under them,
    # also in a second table that goes on without a header of its own.
    document = docx.Document()
    table = document.add_table(rows=0, cols=4)
    _row(table, ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"])
    _row(table, ["A", "CẢI CÁCH THỂ CHẾ", "", ""])
    _row(table, ["I", "Rà soát văn bản", "", ""])
    _row(table, ["1", "Rà soát nghị quyết", "Tư pháp", "Tháng 6/2026"])
    document.add_paragraph("")
    table = document.add_table(rows=0, cols=4)
    _row(table, ["II", "Theo dõi thi hành pháp luật", "", ""])
    _row(table, ["1", "Kiểm tra thi hành", "Tư pháp", "Quý IV/2026"])
    _row(table, ["B", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", ""])
    _row(table, ["1", "Niêm yết thủ tục", "Văn phòng", "Thường xuyên"])
    path = tmp_path / "phan.docx"
    document.save(str(path))

    assert _outline(read_docx(path).tasks) == [
        (0, "A", "section", "CẢI CÁCH THỂ CHẾ"),
        (1, "I", "section", "Rà soát văn bản"),
        (2, "1", None, "Rà soát nghị quyết"),
        (1, "II", "section", "Theo dõi thi hành pháp luật"),
        (2, "1", None, "Kiểm tra thi hành"),
        (0, "B", "section", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
        (1, "1", None, "Niêm yết thủ tục"),
    ]


def test_a_number_column_numbered_by_word_itself(tmp_path: Path) -> None:
    # The STT cells hold no text: Word numbers them ("List Number"), as many plans do.
    document = docx.Document()
    table = document.add_table(rows=0, cols=3)
    _row(table, ["STT", "Nội dung", "Thời gian"])
    for content, timing in (("Ban hành kế hoạch", "Quý I/2026"), ("Tổng kết", "Tháng 12/2026")):
        cells = _row(table, ["", content, timing])
        cells[0].paragraphs[0].style = document.styles["List Number"]
    path = tmp_path / "tu-dong.docx"
    document.save(str(path))

    tasks = read_docx(path).tasks

    assert [(t.label, t.content, t.timing) for t in tasks] == [
        ("1", "Ban hành kế hoạch", "Quý I/2026"),
        ("2", "Tổng kết", "Tháng 12/2026"),
    ]


def test_a_prose_plan_whose_task_table_is_its_appendix(tmp_path: Path) -> None:
    # The body in paragraphs, signed, then "PHỤ LỤC" and its table: the body is read as
    # prose and the table is its appendix, so the item that points to it holds its rows.
    # (Before, every paragraph before the table was taken for the plan's head.)
    document = docx.Document()
    for line in (
        "ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN",
        "Số: 30/KH-UBND",
        "Đại Sơn, ngày 20 tháng 02 năm 2026",
        "KẾ HOẠCH",
        "Thực hiện công tác chuyển đổi số năm 2026",
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND thành phố;",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Đẩy mạnh chuyển đổi số.",
        "II. NHIỆM VỤ TRỌNG TÂM",
        "1. Phát triển chính quyền số (chi tiết tại Phụ lục kèm theo).",
        "2. Tuyên truyền thường xuyên trên các nền tảng số.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Văn phòng UBND xã chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "PHỤ LỤC",
        "DANH MỤC NHIỆM VỤ",
    ):
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=4)
    _row(table, ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"])
    _row(table, ["1", "Số hóa hồ sơ", "Văn phòng", "Trước 30/9/2026"])
    _row(table, ["2", "Chữ ký số", "Văn phòng", "Quý II/2026"])
    path = tmp_path / "than-va-phu-luc.docx"
    document.save(str(path))

    plan = read_docx(path)

    assert plan.header_lines[-2:] == [
        "Thực hiện công tác chuyển đổi số năm 2026",
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND thành phố;",
    ]
    assert plan.default_lead == "Văn phòng UBND xã"
    appendix = plan.tasks[-1]
    assert (appendix.label, [(t.label, t.content) for t in appendix.children]) == (
        "PL",
        [("1", "Số hóa hồ sơ"), ("2", "Chữ ký số")],
    )
    assert [(t.label, t.content) for t in plan.tasks[0].children] == [
        ("1", "Phát triển chính quyền số (chi tiết tại Phụ lục kèm theo)."),
        ("2", "Tuyên truyền thường xuyên trên các nền tảng số."),
    ]

    # Built into a plan, the item that points to the appendix holds its rows, and the
    # item that names no lead takes the unit the body charges with the plan.
    directory = UnitDirectory(DIRECTORY_UNITS)
    result = build_plan(plan, directory, ImportOptions(unit=KA))
    assert result.plan is not None
    digital, spreading = result.plan.tasks[0].children
    assert [(t.content, t.lead) for t in digital.children] == [
        ("Số hóa hồ sơ", (f"{KA}.vp-ubnd",)),
        ("Chữ ký số", (f"{KA}.vp-ubnd",)),
    ]
    assert spreading.lead == (f"{KA}.vp-ubnd",)
    assert [t.label for t in result.plan.tasks] == ["II", "III"]


def test_a_prose_plan_with_its_task_tables_inside_the_body(tmp_path: Path) -> None:
    # "II. NHIỆM VỤ", "1. Công tác tuyên truyền" then its table, "2. …" then another, a
    # prose item, "III. TỔ CHỨC THỰC HIỆN": each table's rows go under the item open where
    # it stands; the body's own items and the unit charged with the plan are kept (before,
    # the paragraphs after the first table were set aside as notes).
    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN", "KẾ HOẠCH", "Phòng chống dịch bệnh năm 2026",
                 "I. MỤC ĐÍCH, YÊU CẦU", "Chủ động phòng chống dịch.", "II. NHIỆM VỤ",
                 "1. Công tác tuyên truyền"):  # fmt: skip
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=4)
    _row(table, ["STT", "Nội dung", "Chủ trì", "Thời gian"])
    _row(table, ["1", "Tuyên truyền trên loa", "Văn phòng", "Hằng tháng"])
    _row(table, ["2", "Phát tờ rơi", "Văn phòng", "Quý II/2026"])
    document.add_paragraph("2. Công tác kiểm tra")
    table = document.add_table(rows=0, cols=4)
    _row(table, ["STT", "Nội dung", "Chủ trì", "Thời gian"])
    _row(table, ["1", "Kiểm tra vệ sinh", "Văn phòng", "Tháng 6/2026"])
    for line in ("3. Tổng kết công tác năm trước ngày 15/12/2026.", "III. TỔ CHỨC THỰC HIỆN",
                 "Giao Văn phòng UBND xã theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
                 "Trên đây là Kế hoạch phòng chống dịch năm 2026./."):  # fmt: skip
        document.add_paragraph(line)
    path = tmp_path / "xen-ke.docx"
    document.save(str(path))

    plan = read_docx(path)

    assert _outline(plan.tasks)[:7] == [
        (0, "II", "section", "NHIỆM VỤ"),
        (1, "1", None, "Công tác tuyên truyền"),
        (2, "1", None, "Tuyên truyền trên loa"),
        (2, "2", None, "Phát tờ rơi"),
        (1, "2", None, "Công tác kiểm tra"),
        (2, "1", None, "Kiểm tra vệ sinh"),
        (1, "3", None, "Tổng kết công tác năm trước ngày 15/12/2026."),
    ]
    assert plan.tasks[0].children[0].children[0].where == "xen-ke.docx, bảng 1, hàng 2"
    assert plan.default_lead == "Văn phòng UBND xã"
    assert plan.details["purpose"] == "Chủ động phòng chống dịch."


def test_a_list_starting_at_a_huge_roman_number_is_read_at_once(tmp_path: Path) -> None:
    # A hostile numbering: a list in Roman numerals starting at 10²⁰ (its numeral would be
    # 10¹⁷ "M"s; the reader never ended), and a level whose start is no number.
    document = docx.Document()
    document.add_paragraph("Số: 12/KH-UBND")
    document.add_paragraph("Rà soát thủ tục hành chính.", style="List Number")
    document.add_paragraph("Công khai thủ tục hành chính.", style="List Number 2")
    numbering = document.part.numbering_part.element
    for lvl in numbering.iter(qn("w:lvl")):
        for tag, value in (("w:numFmt", "upperRoman"), ("w:start", "100000000000000000000")):
            child = lvl.find(qn(tag))
            if child is not None:
                child.set(qn("w:val"), value)
        if lvl.get(qn("w:ilvl")) == "1":
            start = lvl.find(qn("w:start"))
            if start is not None:
                start.set(qn("w:val"), "abc")
    path = tmp_path / "so-la-ma.docx"
    document.save(str(path))

    plan = read_docx(path)  # at once: the numbers are written in digits beyond 3,999

    # Numbered from 10,000 (the highest start), the items are no task numbers; their text
    # is kept.
    text = " ".join([*plan.header_lines, *(task.content for task, _ in plan.walk())])
    assert "10000. Rà soát thủ tục hành chính." in text
    assert "Công khai thủ tục hành chính." in text


def test_a_prose_plans_other_days_are_no_deadlines(tmp_path: Path) -> None:
    # The sixth probing pass (hprobe6): a Word plan's items carry days told as done, the
    # period a review meeting is named by, a data period, a day in words after no bound;
    # only the task's own day is its deadline, and an item with none is flagged.
    document = docx.Document()
    for line in (
        "ỦY BAN NHÂN DÂN XÃ KIẾN AN",
        "Số: 45/KH-UBND",
        "Kiến An, ngày 10 tháng 3 năm 2026",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2026",
    ):
        document.add_paragraph(line)
    document.add_paragraph().add_run("I. NHIỆM VỤ").bold = True
    for item in (
        "1. Ngày 20/01/2026, UBND xã đã ban hành Quy chế; Văn phòng rà soát, trình sửa đổi "
        "trước ngày 15/7/2026.",
        "2. Văn phòng tham mưu tổ chức Hội nghị sơ kết 6 tháng đầu năm, hoàn thành trước "
        "ngày 20/7/2026.",
        "3. Văn phòng báo cáo kết quả, số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026.",
        "4. Thực hiện Quyết định được phê duyệt ngày 05 tháng 02 năm 2026, các thôn ra quân.",
    ):
        document.add_paragraph(item)
    path = tmp_path / "van-xuoi-ngay.docx"
    document.save(str(path))

    result = build_plan(read_docx(path), UnitDirectory(DIRECTORY_UNITS), ImportOptions(unit=KA))

    assert result.plan is not None
    tasks = {task.label: task for task in result.plan.tasks[0].children}
    assert [r.due for r in tasks["1"].rules] == [date(2026, 7, 15)]
    assert [r.due for r in tasks["2"].rules] == [date(2026, 7, 20)]
    for label in ("3", "4"):
        assert [r.kind for r in tasks[label].rules] == ["continuous"]
        assert "Văn bản không ghi thời gian" in tasks[label].review
    assert "kỳ số liệu" in tasks["3"].review
