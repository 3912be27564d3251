"""Table rows into a task tree: header rows recognised (also repeated after a page break),
Roman-numeral and bold section rows, two numbering columns, rows continued after a break.
The Kiến An appendix (tab-separated tables) must give its curated transcription cell for cell."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SHARED_SEEDS
from tracker.config import PROJECT_DIR
from tracker.plans.documents import TaskDoc, read_plan
from tracker.plans.importers.base import DocumentError, RawTask
from tracker.plans.importers.tables import (
    MergedText,
    column_role,
    find_columns,
    rows_to_tasks,
)

HEADER = ["STT", "Nội dung công việc", "Thời gian \n thực hiện", "Đơn vị chủ trì",
          "Đơn vị phối hợp", "Dự kiến kết quả", "Ghi chú"]  # fmt: skip
CELLS = {
    "label": "label",
    "alt_label": "alt_label",
    "content": "content",
    "timing": "timing",
    "lead": "lead_text",
    "coordinating": "coordinating_text",
    "output": "output",
    "note": "note",
}


# --------------------------------------------------------------------------- find_columns


def test_a_header_row_gives_each_column_its_role() -> None:
    assert find_columns(HEADER) == {
        "label": 0,
        "content": 1,
        "timing": 2,
        "lead": 3,
        "coordinating": 4,
        "output": 5,
        "note": 6,
    }


def test_headers_match_without_diacritics_and_in_any_case() -> None:
    row = ["so tt", "NOI DUNG", "Thoi han", "Co quan chu tri", "co quan phoi hop", "San pham"]
    assert find_columns(row) == {
        "label": 0,
        "content": 1,
        "timing": 2,
        "lead": 3,
        "coordinating": 4,
        "output": 5,
    }


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Số thứ tự", "label"),
        ("Số TT", "label"),
        ("Nhiệm vụ", "content"),
        ("Lĩnh vực", "content"),
        ("Nội dung công việc", "content"),
        ("Thời gian hoàn thành", "timing"),
        ("Thời hạn", "timing"),
        ("Cơ quan chủ trì", "lead"),
        ("Đơn vị phối hợp", "coordinating"),
        ("Kết quả", "output"),
        ("Kết quả thực hiện", "output"),
        ("Kết quả dự kiến", "output"),
        ("Sản phẩm", "output"),
        ("Ghi chú", "note"),
    ],
)
def test_each_title_of_a_column(title: str, role: str) -> None:
    row = {"label": [title, "Nội dung", "Thời gian"], "content": ["STT", title, "Thời gian"]}.get(
        role, ["STT", "Nội dung", title]
    )
    columns = find_columns(row)
    assert columns is not None
    assert columns[role] == row.index(title)


# Titles as other provinces' plans write them: two parts joined by a slash or a comma, an
# aside in brackets, "các" before the title, and heads or qualifiers the first list lacked.
@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Tên nhiệm vụ/đề án", "content"),
        ("Danh mục nhiệm vụ", "content"),
        ("Đề án, nhiệm vụ", "content"),
        ("Nhiệm vụ/Chỉ tiêu", "content"),
        ("Việc cần làm", "content"),
        ("Nội dung kế hoạch", "content"),
        ("Thời hạn hoàn thành/Tiến độ", "timing"),
        ("Thời gian, tiến độ", "timing"),
        ("Thời gian triển khai", "timing"),
        ("Thời gian thực hiện\n(ngày/tháng/năm)", "timing"),
        ("Thời hạn trình cấp có thẩm quyền", "timing"),
        ("Năm hoàn thành", "timing"),
        ("Cơ quan đầu mối", "lead"),
        ("Cơ quan chủ trì soạn thảo", "lead"),
        ("Cơ quan trình", "lead"),
        ("Bộ phận chuyên môn tham mưu", "lead"),
        ("Các đơn vị phối hợp", "coordinating"),
        ("Đơn vị phối hợp chính", "coordinating"),
        ("Sản phẩm chủ yếu", "output"),
        ("Hình thức văn bản/sản phẩm", "output"),
        ("Nội dung kiểm tra", "content"),
        ("Nội dung tuyên truyền", "content"),
        ("Tên hoạt động chính", "content"),
        ("Dự kiến thời gian", "timing"),
        ("Đơn vị tham gia", "coordinating"),
        ("Cơ quan tham gia phối hợp", "coordinating"),
        ("Phân công thực hiện", "lead"),
    ],
)
def test_titles_written_otherwise(title: str, role: str) -> None:
    assert column_role(title) == role


@pytest.mark.parametrize(
    "title",
    # Two roles in one column, or no role: the column is left unread, never taken as one.
    ["Đơn vị chủ trì/phối hợp", "Thời gian/Kinh phí", "Kinh phí thực hiện", "Năm", "Cấp trình",
     "Hình thức thực hiện", "Nội dung phối hợp", "Nhiệm vụ chủ trì", "Nội dung kinh phí"],
)  # fmt: skip
def test_titles_that_name_no_single_role(title: str) -> None:
    assert column_role(title) is None


def test_two_numbering_columns_the_first_is_the_running_count() -> None:
    columns = find_columns(["Stt", "Stt2", "Nội dung", "Cơ quan chủ trì", "Ghi chú"])
    assert columns == {"alt_label": 0, "label": 1, "content": 2, "lead": 3, "note": 4}


@pytest.mark.parametrize(
    "row",
    [
        ["1", "Kế hoạch", "Quý I/2023", "Văn phòng UBND xã", "", "Kế hoạch", ""],
        ["I", "Nội dung thực hiện"],
        ["", "", ""],
        ["Ghi chú lịch", "Mã đơn vị chủ trì", "Nội dung"],
    ],
)
def test_a_row_of_tasks_is_no_header(row: list[str]) -> None:
    assert find_columns(row) is None


# --------------------------------------------------------------------------- rows_to_tasks


def test_sections_tasks_and_a_row_continued_after_the_repeated_header() -> None:
    rows = [
        HEADER,
        ["<b>I</b>", "<b>Công tác chỉ đạo</b>", "", "", "", "", ""],
        ["1", "Ban hành kế hoạch", "Quý I/2026", "UBND xã", "Văn phòng", "Kế hoạch", ""],
        ["2", "Rà soát thủ tục hành chính", "Trước", "Văn phòng", "", "Báo cáo", ""],
        [""],
        HEADER,
        ["", "", "31/3/2026", "", "", "", "Gửi UBND huyện"],
        ["<b>II. Kiểm tra</b>", "<b>II. Kiểm tra</b>", "", "", "", "", ""],
        ["1.", "Kiểm tra việc thực hiện", "Quý III/2026", "UBND xã", "", "Báo cáo", ""],
    ]
    tasks = rows_to_tasks(rows, where="bảng 2")
    assert [(t.label, t.kind, t.content) for t in tasks] == [
        ("I", "section", "Công tác chỉ đạo"),
        ("II", "section", "Kiểm tra"),
    ]
    first, second = tasks[0].children
    assert (first.label, first.lead, first.coordinating, first.where) == (
        "1",
        "UBND xã",
        "Văn phòng",
        "bảng 2, hàng 3",
    )
    assert second.timing == "Trước 31/3/2026"
    assert second.note == "Gửi UBND huyện"
    assert second.remark == (
        'Ô thời gian bị ngắt trang: phần cuối "31/3/2026" in sau tiêu đề bảng lặp lại ở trang '
        'sau. Ô ghi chú bị ngắt trang: phần cuối "Gửi UBND huyện" in sau tiêu đề bảng lặp lại '
        "ở trang sau."
    )
    assert [t.label for t in tasks[1].children] == ["1"]


def test_a_lone_bold_row_is_a_section_and_merged_text_is_taken_once() -> None:
    rows = [
        HEADER,
        ["<b>Nhiệm vụ chung</b>"] * 7,
        ["1", "Tuyên truyền", "Thường xuyên", "Đài truyền thanh", "", "Tin bài", ""],
        ["2", "Báo cáo", "Hàng quý", MergedText("Đài truyền thanh"), "", "Báo cáo", ""],
    ]
    tasks = rows_to_tasks(rows, where="bảng 1")
    assert [(t.label, t.kind, t.content) for t in tasks] == [("", "section", "Nhiệm vụ chung")]
    first, second = tasks[0].children
    assert first.remark == ""
    assert second.lead == "Đài truyền thanh"
    assert second.remark == 'Ô chủ trì gộp chung với hàng trên: dùng chung "Đài truyền thanh".'


def test_numbered_sub_items_go_under_their_item_and_paragraphs_become_details() -> None:
    rows = [
        HEADER,
        ["1", "Công khai thủ tục", "", "", "", "", ""],
        ["1.1", "<p>Niêm yết tại trụ sở</p> <p>- bảng niêm yết;</p> <p>- Cổng thông tin</p>"],
        ["1.2", "Đăng trên Cổng thông tin điện tử", "Thường xuyên", "Văn phòng", "", "", ""],
        ["", "Không số", "Quý II/2026", "Văn phòng", "", "", ""],
    ]
    tasks = rows_to_tasks(rows, where="bảng 1")
    assert [t.label for t in tasks] == ["1", ""]
    first, second = tasks[0].children
    assert (first.label, first.content, first.details) == (
        "1.1",
        "Niêm yết tại trụ sở",
        ["- bảng niêm yết;", "- Cổng thông tin"],
    )
    assert second.label == "1.2"
    assert tasks[1].remark == "Dòng không có số thứ tự (ô STT để trống)."


def test_a_table_without_a_header_row_is_refused() -> None:
    with pytest.raises(DocumentError) as caught:
        rows_to_tasks([["1", "Ban hành kế hoạch"]], where="ke-hoach.docx, bảng 3")
    assert caught.value.message == (
        "ke-hoach.docx, bảng 3: không tìm thấy hàng tiêu đề (STT, Nội dung, Thời gian …) của bảng."
    )


# --------------------------------------------------------------------------- Kiến An


def _kien_an_tables() -> list[tuple[str, list[list[str]]]]:
    """The appendix's tables: each heading's label and its rows, tab-separated lines split
    into cells and a blank line kept as an empty row (a page break)."""
    text = (SHARED_SEEDS / "003_06d5744d0e34bb3c.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "PHỤ LỤC" in line)
    tables: list[tuple[str, list[list[str]]]] = []
    for line in lines[start:]:
        heading = re.match(r"^[#*\s]*(\d+)\.\s+\S", line)
        if "\t" in line and tables:
            tables[-1][1].append(line.split("\t"))
        elif not line.strip() and tables and tables[-1][1]:
            tables[-1][1].append([""])
        elif heading:
            tables.append((heading.group(1), []))
    return tables


def _cells(task: RawTask) -> dict[str, str]:
    return {name: getattr(task, name) for name in CELLS} | {"details": "\n".join(task.details)}


def _curated_cells(task: TaskDoc) -> dict[str, str]:
    return {name: getattr(task, field) for name, field in CELLS.items()} | {"details": task.details}


@pytest.mark.needs_shared_seeds
def test_the_kien_an_appendix_gives_its_curated_rows_cell_for_cell() -> None:
    plan = read_plan(PROJECT_DIR / "seeds" / "plans" / "kien-an-2023.yaml")
    # The curated plan keeps each table under the item of section II it details.
    items = {t.label: t for t in next(t for t in plan.tasks if t.label == "II").children}
    holders = {"1": "1", "2": "2", "3": "4", "4": "3", "5": "5", "6": "7"}
    tables = _kien_an_tables()
    assert [label for label, _ in tables] == ["1", "2", "3", "4", "5", "6"]
    columns = None
    compared = 0
    for label, rows in tables:
        own = next((c for c in map(find_columns, rows) if c is not None), None)
        # Table 4 goes on without a header row of its own: it has table 3's columns.
        tasks = rows_to_tasks(rows, where=f"bảng {label}", columns=None if own else columns)
        columns = own or columns
        curated = items[holders[label]]
        assert [(s.label, s.kind, s.content) for s in tasks] == [
            (s.label, s.kind, s.content) for s in curated.children
        ]
        got = [row for section in tasks for row in section.children]
        want = [row for section in curated.children for row in section.children]
        if label == "1":  # row 10 is item 6's own words: the curated plan holds it there
            got = [row for row in got if row.label != "10"]
            want_10 = items["6"].children[0]
            row_10 = next(r for r in tasks[0].children if r.label == "10")
            assert _cells(row_10) == _curated_cells(want_10)
            compared += 1
        assert len(got) == len(want)
        for task, doc in zip(got, want, strict=True):
            assert _cells(task) == _curated_cells(doc), doc.key
            compared += 1
    assert compared == 46


def test_steps_go_under_the_heading_row_before_them() -> None:
    # "a", "b", "-" rows (or "- …" in the content with the number cell empty) under a row
    # with no timing of its own are its steps; under a row with a timing they stay beside
    # it, so its deadline is kept. A step without a lead takes the heading's.
    header = ["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian"]
    rows = [
        header,
        ["1", "Tuyên truyền", "Văn hóa - Xã hội", ""],
        ["", "- Trên loa truyền thanh", "", "Hằng tháng"],
        ["", "- Qua mạng xã hội", "Công an xã", "Thường xuyên"],
        ["2", "Tổng kết", "", ""],
        ["a", "Báo cáo tổng kết", "Văn phòng", "Trước 5/12/2026"],
        ["-", "Số liệu cả năm", "Thống kê", "Trước 1/12/2026"],
        ["b", "Khen thưởng", "Văn phòng", "Trước 20/12/2026"],
        ["3", "Hội nghị sơ kết", "Văn phòng", "Tháng 7/2026"],
        ["-", "Chuẩn bị báo cáo", "Văn phòng", "Trước 10/7/2026"],
    ]
    tasks = rows_to_tasks(rows, where="bảng 1")

    def tree(nodes: list[RawTask]) -> list[object]:
        return [
            (t.label, t.content, t.lead, t.timing, *([tree(t.children)] if t.children else []))
            for t in nodes
        ]

    assert tree(tasks) == [
        ("1", "Tuyên truyền", "Văn hóa - Xã hội", "", [
            ("-", "Trên loa truyền thanh", "Văn hóa - Xã hội", "Hằng tháng"),
            ("-", "Qua mạng xã hội", "Công an xã", "Thường xuyên"),
        ]),
        ("2", "Tổng kết", "", "", [
            ("a", "Báo cáo tổng kết", "Văn phòng", "Trước 5/12/2026"),
            ("-", "Số liệu cả năm", "Thống kê", "Trước 1/12/2026"),
            ("b", "Khen thưởng", "Văn phòng", "Trước 20/12/2026"),
        ]),
        ("3", "Hội nghị sơ kết", "Văn phòng", "Tháng 7/2026"),
        ("-", "Chuẩn bị báo cáo", "Văn phòng", "Trước 10/7/2026"),
    ]  # fmt: skip
    assert tasks[0].children[0].remark == 'Chủ trì lấy theo mục trên: "Văn hóa - Xã hội".'


@pytest.mark.parametrize(
    "numbers",
    [["1", "2", "3", "4"], ["(1)", "(2)", "(3)", "(4)"], ["A", "B", "1", "2"]],
)
def test_the_columns_numbers_under_the_header_are_no_task(numbers: list[str]) -> None:
    header = ["STT", "Nội dung", "Thời gian", "Chủ trì"]
    row = ["1", "Ban hành kế hoạch", "Quý I/2026", "Văn phòng"]
    tasks = rows_to_tasks([header, numbers, row, header, numbers, row], where="bảng 1")
    assert [(t.label, t.content, t.timing) for t in tasks] == [
        ("1", "Ban hành kế hoạch", "Quý I/2026"),
        ("1", "Ban hành kế hoạch", "Quý I/2026"),
    ]


def test_a_first_row_of_small_numbers_that_is_a_task_stays_one() -> None:
    # Not right under the header, or not rising: a task's row.
    header = ["STT", "Nội dung", "Thời gian", "Chủ trì"]
    tasks = rows_to_tasks([header, ["1", "5", "3", "2"]], where="bảng 1")
    assert [(t.label, t.content) for t in tasks] == [("1", "5")]


def test_a_numbering_column_without_a_title_still_numbers_the_rows() -> None:
    rows = [
        ["", "Nội dung", "Thời gian", "Chủ trì"],
        ["I", "Chỉ đạo", "", ""],
        ["1", "Ban hành kế hoạch", "Quý I/2026", "Văn phòng"],
        ["2", "Tổng kết", "Tháng 12/2026", "Văn phòng"],
    ]
    assert find_columns(rows[0]) == {"label": 0, "content": 1, "timing": 2, "lead": 3}
    (section,) = rows_to_tasks(rows, where="bảng 1")
    assert (section.label, section.kind) == ("I", "section")
    assert [(t.label, t.content, t.remark) for t in section.children] == [
        ("1", "Ban hành kế hoạch", ""),
        ("2", "Tổng kết", ""),
    ]
