"""A plan table extracted from a PDF as plain lines: columns split by what their text reads
like, rows continued after each repeated header. Nhật Tân's table must give its curated
transcription, every row and every cell."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED_SEEDS
from tracker.config import PROJECT_DIR
from tracker.plans.documents import read_plan
from tracker.plans.importers.base import DocumentError
from tracker.plans.importers.pdftable import parse_pdf_table

CELLS = {
    "label": "label",
    "content": "content",
    "timing": "timing",
    "lead": "lead_text",
    "coordinating": "coordinating_text",
    "output": "output",
    "note": "note",
    "remark": "remark",
}


@pytest.mark.needs_shared_seeds
def test_the_nhat_tan_table_gives_its_curated_rows_cell_for_cell() -> None:
    lines = (SHARED_SEEDS / "002_72cf5e278b90568b.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("STT Nội dung công việc"))
    tasks = parse_pdf_table(lines[start:], where="002", first_line=start + 1)
    plan = read_plan(PROJECT_DIR / "seeds" / "plans" / "nhat-tan-2024.yaml")
    assert [(t.label, t.kind, t.content, t.remark) for t in tasks] == [
        (t.label, "section", t.content, t.remark) for t in plan.tasks
    ]
    got = [row for section in tasks for row in section.children]
    want = [row for section in plan.tasks for row in section.children]
    assert len(got) == len(want) == 18
    for task, doc in zip(got, want, strict=True):
        assert {name: getattr(task, name) for name in CELLS} == {
            name: getattr(doc, field) for name, field in CELLS.items()
        }, doc.key
    assert tasks[0].where == f"002, dòng {start + 15}"  # the "I" line
    assert lines[start + 14].strip() == "I"


# Another layout: the unit columns before the timing, numbers on the content's first line,
# no blank lines, and a result cell cut by the page break.
OTHER_LAYOUT = """\
TT Nội dung nhiệm vụ
Đơn vị
chủ trì
Đơn vị
phối hợp
Thời gian
hoàn thành
Kết quả
I Công tác tuyên truyền
1 Tuyên truyền về cải cách thủ tục hành
chính trên Đài truyền thanh xã
Văn hóa - Thông
tin
Đài truyền
thanh xã
Hằng tháng
Tin, bài tuyên truyền
2 Cập nhật tài liệu hướng dẫn thủ tục
hành chính tại Bộ phận Một cửa
Bộ phận Một cửa
Văn phòng
Quý II/2025
Tài liệu hướng dẫn được in
và niêm yết tại Bộ phận
Một cửa; danh mục thủ tục
TT Nội dung nhiệm vụ
Đơn vị
chủ trì
Đơn vị
phối hợp
Thời gian
hoàn thành
Kết quả
được công khai.
II Kiểm tra
1 Kiểm tra việc niêm yết thủ tục
Văn phòng
Trước 30/6/2025
Biên bản kiểm tra
"""


def test_another_layout_is_read_by_its_own_header() -> None:
    tasks = parse_pdf_table(OTHER_LAYOUT.splitlines(), where="ke-hoach.pdf", first_line=40)
    assert [(t.label, t.content) for t in tasks] == [
        ("I", "Công tác tuyên truyền"),
        ("II", "Kiểm tra"),
    ]
    first, second = tasks[0].children
    assert (first.label, first.content, first.lead, first.coordinating, first.timing) == (
        "1",
        "Tuyên truyền về cải cách thủ tục hành chính trên Đài truyền thanh xã",
        "Văn hóa - Thông tin",
        "Đài truyền thanh xã",
        "Hằng tháng",
    )
    assert (second.lead, second.coordinating, second.timing) == (
        "Bộ phận Một cửa",
        "Văn phòng",
        "Quý II/2025",
    )
    assert second.output == (
        "Tài liệu hướng dẫn được in và niêm yết tại Bộ phận Một cửa; danh mục thủ tục "
        "được công khai."
    )
    assert second.remark == (
        'Ô kết quả bị ngắt trang: phần cuối "được công khai." in sau tiêu đề bảng lặp lại ở '
        "trang sau."
    )
    (check,) = tasks[1].children
    assert (check.lead, check.coordinating, check.timing, check.output) == (
        "Văn phòng",
        "",
        "Trước 30/6/2025",
        "Biên bản kiểm tra",
    )
    assert check.where == "ke-hoach.pdf, dòng 75"


def test_lines_without_a_table_header_are_refused() -> None:
    with pytest.raises(DocumentError) as caught:
        parse_pdf_table(["Căn cứ Luật tổ chức chính quyền địa phương"], where="ke-hoach.pdf")
    assert caught.value.message == (
        "ke-hoach.pdf: không tìm thấy dòng tiêu đề bảng (STT, Nội dung công việc, Thời gian …)."
    )


def test_a_header_naming_its_columns_as_other_provinces_do() -> None:
    # "Danh mục nhiệm vụ", "Cơ quan đầu mối", "Các đơn vị phối hợp": the lead and the content
    # found by these titles too.
    lines = """\
TT Danh mục nhiệm vụ
Cơ quan
đầu mối
Các đơn vị
phối hợp
Thời gian
hoàn thành
1 Số hóa sổ hộ tịch của xã
Tư pháp - Hộ tịch
Văn phòng
Quý III/2025
2 Rà soát thủ tục hành chính
Văn phòng
Bộ phận Một cửa
Trước 30/6/2025
""".splitlines()
    tasks = parse_pdf_table(lines, where="de-an.pdf", first_line=1)
    assert [(t.label, t.content, t.lead, t.coordinating, t.timing) for t in tasks] == [
        ("1", "Số hóa sổ hộ tịch của xã", "Tư pháp - Hộ tịch", "Văn phòng", "Quý III/2025"),
        ("2", "Rà soát thủ tục hành chính", "Văn phòng", "Bộ phận Một cửa", "Trước 30/6/2025"),
    ]
