"""Items that point to an appendix table hold its rows: by the table's number, by an
appendix that is one table, by a table's title; an "other contents" item takes the tables
left and an item with no table its own row. The Kiến An seed's section II holds its
tables, and every leaf of it has a lead."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import SHARED_SEEDS
from tests.org.test_directory import DIRECTORY_UNITS, KA
from tracker.org.directory import UnitDirectory
from tracker.plans.importers.appendix import attach_appendix_tables
from tracker.plans.importers.base import RawPlan, RawTask
from tracker.plans.importers.build import build_plan
from tracker.plans.importers.docx import read_docx
from tracker.plans.importers.text import read_text
from tracker.vn import fold

HEAD = ["Số: 7/KH-UBND", "Kiến An, ngày 10 tháng 01 năm 2024", "KẾ HOẠCH", "Thử năm 2024"]


def row(label: str, content: str, lead: str = "Văn phòng UBND xã") -> RawTask:
    return RawTask(label=label, content=content, lead=lead, timing="Trước ngày 30/6/2024")


def table(label: str, title: str, *rows: RawTask) -> RawTask:
    return RawTask(label=label, content=title, kind="section", children=list(rows))


def appendix(*children: RawTask, title: str = "Danh mục nhiệm vụ") -> RawTask:
    return RawTask(label="PL", content=title, kind="section", details=["(Kèm theo Kế hoạch)"],
                   children=list(children))  # fmt: skip


def test_an_item_naming_its_table_holds_the_tables_rows() -> None:
    item = RawTask(label="2", content="Cải cách thủ tục hành chính. Chi tiết tại Phụ lục, bảng 2.")
    raw = RawPlan("thu.txt", tasks=[
        RawTask(label="II", content="NỘI DUNG", children=[RawTask(label="1", content="Việc một", timing="Hàng quý"), item]),
        appendix(table("1", "Bảng một", row("1", "Hàng một")), table("2", "Bảng hai", row("1", "Rà soát"), row("2", "Công bố"))),
    ])  # fmt: skip
    review = attach_appendix_tables(raw)
    assert review == []  # a table's number is certain
    assert (item.kind, [c.content for c in item.children]) == ("section", ["Rà soát", "Công bố"])
    assert item.remark == "Các nhiệm vụ con là Phụ lục, bảng 2 (Bảng hai)."
    # Table 1 nobody named stays in the appendix.
    assert [t.label for t in raw.tasks[1].children] == ["1"]


def test_an_appendix_that_is_one_table_goes_to_the_item_pointing_to_it() -> None:
    item = RawTask(
        label="+", content="Tổ chức rà soát thủ tục hành chính (chi tiết tại Phụ lục I kèm theo)."
    )
    raw = RawPlan("thu.txt", tasks=[
        RawTask(label="II", content="NỘI DUNG", children=[item]),
        appendix(row("1", "Lĩnh vực đất đai"), row("2", "Lĩnh vực hộ tịch"), title="Rà soát năm 2024"),
    ])  # fmt: skip
    [note] = attach_appendix_tables(raw)
    assert [c.content for c in item.children] == ["Lĩnh vực đất đai", "Lĩnh vực hộ tịch"]
    assert [t.label for t in raw.tasks] == ["II"]  # the emptied appendix goes
    assert raw.details["appendix_title"] == "Rà soát năm 2024\n(Kèm theo Kế hoạch)"
    assert (note.field, note.reason) == (
        "phụ lục",
        "Các nhiệm vụ con lấy từ bảng của phụ lục mà mục này trỏ tới; hãy kiểm tra.",
    )


def test_items_under_a_reference_take_their_tables_by_title_then_the_rest() -> None:
    items = [
        RawTask(label="1", content="Thực hiện các nhiệm vụ kiểm soát thủ tục hành chính."),
        RawTask(label="2", content="Công tác truyền thông về cải cách thủ tục hành chính."),
        RawTask(label="3", content="Tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, cá nhân."),
        RawTask(label="4", content="Các nội dung khác về cải cách thủ tục hành chính."),
    ]
    raw = RawPlan("thu.txt", tasks=[
        RawTask(label="II", content="NỘI DUNG", note="(Chi tiết phụ lục kèm theo)", children=items),
        appendix(
            # The appendix numbers its tables in its own order.
            table("1", "Công tác truyền thông về cải cách thủ tục hành chính", row("1", "Tuyên truyền")),
            table("2", "Thực hiện các nhiệm vụ kiểm soát thủ tục hành chính",
                  row("1", "Ban hành kế hoạch"), row("2", "Tiếp nhận và xử lý phản ánh, kiến nghị của cá nhân, tổ chức.")),
            table("3", "Báo cáo, kiểm tra", row("1", "Báo cáo quý")),
        ),
    ])  # fmt: skip
    review = attach_appendix_tables(raw)
    assert [[c.content for c in i.children] for i in items] == [
        ["Ban hành kế hoạch"],
        ["Tuyên truyền"],
        ["Tiếp nhận và xử lý phản ánh, kiến nghị của cá nhân, tổ chức."],
        ["Báo cáo quý"],
    ]
    assert all(i.kind == "section" for i in items)
    assert [t.label for t in raw.tasks] == ["II"]
    # Every match by words is for the officer to check.
    assert len(review) == 4
    assert all(r.reason.endswith("hãy kiểm tra.") for r in review)


def test_a_reference_to_a_table_that_is_not_there_moves_nothing() -> None:
    item = RawTask(label="1", content="Rà soát (Chi tiết tại Phụ lục, bảng 9).")
    raw = RawPlan("thu.txt", tasks=[item, appendix(table("1", "Bảng một", row("1", "Hàng")))])
    [note] = attach_appendix_tables(raw)
    assert item.children == []
    assert note.reason == (
        "Mục này trỏ tới Phụ lục, bảng 9, nhưng phụ lục không có bảng số đó; chưa gắn bảng nào."
    )
    assert [t.label for t in raw.tasks] == ["1", "PL"]


def test_without_an_appendix_a_reference_changes_nothing() -> None:
    raw = RawPlan(
        "thu.txt", tasks=[RawTask(label="1", content="Rà soát (Chi tiết tại Phụ lục, bảng 2).")]
    )
    assert attach_appendix_tables(raw) == []
    assert raw.tasks[0].children == []


def test_the_built_item_is_a_section_whose_tasks_have_their_leads() -> None:
    item = RawTask(label="1", content="Rà soát thủ tục hành chính. Chi tiết tại Phụ lục, bảng 1.")
    raw = RawPlan("thu.txt", header_lines=HEAD, tasks=[
        RawTask(label="II", content="NỘI DUNG", children=[item]),
        appendix(table("1", "Rà soát", row("1", "Rà soát lĩnh vực hộ tịch", "CC Tư pháp – hộ tịch"))),
    ])  # fmt: skip
    result = build_plan(raw, UnitDirectory(DIRECTORY_UNITS))
    assert result.plan is not None
    [section] = result.plan.tasks
    [held] = section.children
    assert (held.key, held.kind) == ("II/1", "section")
    # The row keeps its appendix key: a plan imported before the move finds it again.
    assert [(t.key, t.lead) for t in held.children] == [("PL/1/1", (f"{KA}.tp-ht",))]
    # The raw document given is left as it was.
    assert item.children == []


@pytest.mark.needs_shared_seeds
def test_kien_an_section_ii_holds_its_tables_and_every_leaf_has_a_lead() -> None:
    raw = read_text(SHARED_SEEDS / "003_06d5744d0e34bb3c.txt")
    result = build_plan(raw, UnitDirectory(DIRECTORY_UNITS))
    assert result.plan is not None
    [section] = [t for t in result.plan.tasks if t.label == "II"]
    assert [(c.label, c.kind, len(c.children)) for c in section.children] == [
        ("1", "section", 3), ("2", "section", 3), ("3", "section", 1), ("4", "section", 3),
        ("5", "section", 2), ("6", "section", 1), ("7", "section", 2),
    ]  # fmt: skip
    assert [t.label for t in result.plan.tasks] == ["II", "IV"]
    leaves = [t for t, _ in result.plan.walk() if not t.children]
    assert [t.key for t in leaves if not t.lead] == []
    assert len(leaves) == 49


# ------------------------------------------------- pointers naming no number, in Word files

_BODY = [
    "ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN", "Số: 21/KH-UBND", "Đại Sơn, ngày 02 tháng 02 năm 2026",
    "KẾ HOẠCH", "Chuyển đổi số năm 2026", "I. MỤC ĐÍCH, YÊU CẦU", "Làm đúng hạn.",
    "II. NHIỆM VỤ",
]  # fmt: skip
_CLOSE = ["III. TỔ CHỨC THỰC HIỆN", "Văn phòng theo dõi.", "Nơi nhận:", "- Như trên;", "CHỦ TỊCH",
          "Trần Văn Bình"]  # fmt: skip
_COLUMNS = ["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp"]
_SIGNS = [["1", "Lắp bảng chỉ dẫn số", "Quý II/2026", "Văn phòng HĐND và UBND xã", ""],
          ["2", "Mở chuyên mục trên trang tin", "Hằng tháng", "Văn phòng HĐND và UBND xã", ""]]  # fmt: skip
_DATA = [["1", "Làm sạch dữ liệu hộ tịch", "Quý III/2026", "Văn phòng HĐND và UBND xã", ""]]


def _word_plan(
    folder: Path, items: list[str], appendices: list[tuple[list[str], list[list[str]]]]
) -> RawPlan:
    """A .docx written here: the body's items under "II. NHIỆM VỤ", then each appendix as
    its caption lines and a task table, read back as the importer reads it."""
    document = docx.Document()
    for line in [*_BODY, *items, *_CLOSE]:
        document.add_paragraph(line)
    for caption, rows in appendices:
        for line in caption:
            document.add_paragraph(line)
        sheet = document.add_table(rows=0, cols=len(_COLUMNS))
        for values in [_COLUMNS, *rows]:
            for cell, value in zip(sheet.add_row().cells, values, strict=True):
                cell.text = value
    path = folder / "chuyen-doi-so.docx"
    document.save(str(path))
    return read_docx(path)


def _built(raw: RawPlan) -> tuple[dict[str, list[str]], list[str]]:
    """Each top task's children's contents by its key, and the appendix review reasons."""
    result = build_plan(raw, UnitDirectory(DIRECTORY_UNITS))
    assert result.plan is not None
    held = {t.key: [c.content for c in t.children] for t, _ in result.plan.walk() if t.children}
    return held, [r.reason for r in result.review if r.field == "phụ lục"]


@pytest.mark.parametrize("pointer", ["(Chi tiết tại Phụ lục kèm theo)", "(có Phụ lục kèm theo)"])
def test_a_pointer_without_a_number_takes_the_one_appendix_titled_as_the_item(
    tmp_path: Path, pointer: str
) -> None:
    raw = _word_plan(tmp_path, [
        f"1. Tuyên truyền về chuyển đổi số trên địa bàn xã {pointer}.",
        "2. Làm sạch dữ liệu hộ tịch, xong trước ngày 30/9/2026.",
    ], [
        (["PHỤ LỤC I", "NHIỆM VỤ CỤ THỂ VỀ TUYÊN TRUYỀN CHUYỂN ĐỔI SỐ TRÊN ĐỊA BÀN XÃ"], _SIGNS),
        (["PHỤ LỤC II", "DỮ LIỆU HỘ TỊCH ĐIỆN TỬ"], _DATA),
    ])  # fmt: skip
    held, reasons = _built(raw)
    assert held["II/1"] == ["Lắp bảng chỉ dẫn số", "Mở chuyên mục trên trang tin"]
    # The appendix nobody pointed to stays where it was.
    assert held["PL"] == ["Làm sạch dữ liệu hộ tịch"]
    [reason] = reasons
    assert reason.startswith("Các nhiệm vụ con lấy từ phụ lục 'PHỤ LỤC I NHIỆM VỤ CỤ THỂ VỀ TUYÊN")
    assert reason.endswith("hãy kiểm tra.")


def test_a_pointer_without_a_number_takes_the_appendix_table_titled_as_the_item(
    tmp_path: Path,
) -> None:
    raw = _word_plan(tmp_path, [
        "1. Tuyên truyền về chuyển đổi số trên địa bàn xã (có Phụ lục kèm theo).",
    ], [
        (["PHỤ LỤC", "NHIỆM VỤ CỤ THỂ", "Biểu 1. Làm sạch dữ liệu hộ tịch"], _DATA),
        (["Biểu 2. Tuyên truyền về chuyển đổi số trên địa bàn xã"], _SIGNS),
    ])  # fmt: skip
    held, [reason] = _built(raw)
    assert held["II/1"] == ["Lắp bảng chỉ dẫn số", "Mở chuyên mục trên trang tin"]
    assert "'Biểu 2. Tuyên truyền về chuyển đổi số trên địa bàn xã'" in reason


def test_a_pointer_to_a_sheet_by_its_number_takes_that_sheet(tmp_path: Path) -> None:
    raw = _word_plan(tmp_path, [
        "1. Triển khai các việc theo Biểu số 02.",
    ], [
        (["PHỤ LỤC", "NHIỆM VỤ CỤ THỂ", "Biểu số 01. Làm sạch dữ liệu hộ tịch"], _DATA),
        (["Biểu số 02. Tuyên truyền về chuyển đổi số"], _SIGNS),
    ])  # fmt: skip
    held, reasons = _built(raw)
    assert held["II/1"] == ["Lắp bảng chỉ dẫn số", "Mở chuyên mục trên trang tin"]
    assert held["PL"] == ["Biểu số 01. Làm sạch dữ liệu hộ tịch"]
    assert reasons == []  # a number is certain


def test_a_pointer_to_a_sheet_that_is_not_there_is_flagged(tmp_path: Path) -> None:
    raw = _word_plan(tmp_path, ["1. Triển khai các việc theo Biểu số 05."], [
        (["PHỤ LỤC", "Biểu số 01. Tuyên truyền về chuyển đổi số"], _SIGNS),
    ])  # fmt: skip
    held, [reason] = _built(raw)
    assert "II/1" not in held
    assert reason == (
        "Mục này trỏ tới Biểu số 05, nhưng không tìm thấy biểu số đó trong phụ lục; chưa gắn bảng nào."
    )


def test_a_pointer_without_a_number_that_several_appendices_could_answer_is_flagged(
    tmp_path: Path,
) -> None:
    raw = _word_plan(tmp_path, [
        "1. Tuyên truyền về chuyển đổi số (Chi tiết tại Phụ lục kèm theo).",
    ], [
        (["PHỤ LỤC I", "TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ Ở THÔN"], _SIGNS),
        (["PHỤ LỤC II", "TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ Ở TRƯỜNG HỌC"], _DATA),
    ])  # fmt: skip
    held, [reason] = _built(raw)
    assert "II/1" not in held  # nothing moves: the officer chooses
    assert reason.startswith("Mục này trỏ tới phụ lục mà không nêu số, và nhiều phụ lục")
    assert "TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ Ở THÔN" in reason


def test_a_pointer_without_a_number_that_no_appendix_answers_is_flagged(tmp_path: Path) -> None:
    raw = _word_plan(tmp_path, ["1. Nâng cấp đường truyền (có Phụ lục kèm theo)."], [
        (["PHỤ LỤC I", "TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ"], _SIGNS),
        (["PHỤ LỤC II", "DỮ LIỆU HỘ TỊCH ĐIỆN TỬ"], _DATA),
    ])  # fmt: skip
    held, [reason] = _built(raw)
    assert "II/1" not in held
    assert "không phụ lục nào mang tên mục" in reason


def test_a_contract_annex_or_a_report_form_is_no_pointer() -> None:
    raw = RawPlan("thu.txt", tasks=[
        RawTask(label="1", content="Ký phụ lục hợp đồng bảo trì, báo cáo theo biểu mẫu số 01."),
        appendix(row("1", "Hàng một")),
    ])  # fmt: skip
    assert attach_appendix_tables(raw) == []
    assert raw.tasks[0].children == []


def test_a_sheet_number_with_one_appendix_numbering_its_tables_takes_that_table() -> None:
    item = RawTask(label="1", content="Rà soát thủ tục theo Biểu số 2.")
    raw = RawPlan("thu.txt", tasks=[
        item, appendix(table("1", "Bảng một", row("1", "Hàng một")), table("2", "Bảng hai", row("1", "Hàng hai"))),
    ])  # fmt: skip
    [note] = attach_appendix_tables(raw)
    assert [c.content for c in item.children] == ["Hàng hai"]
    assert note.reason == "Mục này trỏ tới Biểu số 2; đã gắn bảng số 2 của phụ lục; hãy kiểm tra."


def test_items_under_a_reference_take_their_tables_from_the_one_appendix_bearing_their_titles() -> (
    None
):
    items = [
        RawTask(label="1", content="Thực hiện các nhiệm vụ kiểm soát thủ tục hành chính."),
        RawTask(label="2", content="Công tác truyền thông về cải cách thủ tục hành chính."),
    ]
    other = RawTask(label="PL", content="PHỤ LỤC I Chỉ tiêu năm", kind="section",
                    children=[table("1", "Chỉ tiêu về dân số", row("1", "Tỷ lệ sinh"))])  # fmt: skip
    raw = RawPlan("thu.txt", tasks=[
        RawTask(label="II", content="NỘI DUNG", note="(Chi tiết phụ lục kèm theo)", children=items),
        other,
        appendix(
            table("1", "Công tác truyền thông về cải cách thủ tục hành chính", row("1", "Tuyên truyền")),
            table("2", "Thực hiện các nhiệm vụ kiểm soát thủ tục hành chính", row("1", "Ban hành kế hoạch")),
            title="PHỤ LỤC II Nhiệm vụ cụ thể",
        ),
    ])  # fmt: skip
    review = attach_appendix_tables(raw)
    assert [[c.content for c in i.children] for i in items] == [
        ["Ban hành kế hoạch"],
        ["Tuyên truyền"],
    ]
    assert [c.content for c in other.children] == ["Chỉ tiêu về dân số"]  # untouched
    assert len(review) == 2


# ----------------------------- the first appendix table's own caption, after the signature


@pytest.mark.parametrize(
    "caption",
    [
        ["Biểu số 01", "TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ"],
        ["Biểu số 01. TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ"],
        ["Biểu số 01", "TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ", "(Kèm theo Kế hoạch số 21/KH-UBND)"],
    ],
)
def test_the_first_appendix_tables_caption_right_after_the_signature_stays_its_caption(
    tmp_path: Path, caption: list[str]
) -> None:
    raw = _word_plan(tmp_path, ["1. Lắp đặt và giới thiệu theo Biểu số 01."], [(caption, _SIGNS)])
    [appendix] = [t for t in raw.tasks if t.label == "PL"]
    [table] = appendix.children
    assert fold(table.content).startswith("bieu so 01")
    assert "TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ" in table.content
    assert [c.content for c in table.children] == [row[1] for row in _SIGNS]
    assert table.details == caption[2:]
    assert "other" not in raw.details  # the caption no longer strays into the details
    held, reasons = _built(raw)
    # Found by its number: the item takes the table's rows, nothing left under "PHỤ LỤC".
    assert held["II/1"] == ["Lắp bảng chỉ dẫn số", "Mở chuyên mục trên trang tin"]
    assert "PL" not in held
    assert reasons == []


def test_the_first_of_two_captioned_appendix_tables_keeps_its_caption_too(tmp_path: Path) -> None:
    raw = _word_plan(tmp_path, ["1. Làm sạch dữ liệu theo Biểu số 02."], [
        (["Biểu số 01", "TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ"], _SIGNS),
        (["Biểu số 02", "DỮ LIỆU HỘ TỊCH ĐIỆN TỬ"], _DATA),
    ])  # fmt: skip
    held, reasons = _built(raw)
    assert held["II/1"] == ["Làm sạch dữ liệu hộ tịch"]
    # The table nobody pointed to stays under its own caption, not loose under "PHỤ LỤC".
    assert held["PL"] == ["Biểu số 01 TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ"]
    assert reasons == []


def test_a_caption_before_the_signature_is_not_taken_for_the_appendix_tables(
    tmp_path: Path,
) -> None:
    """A line of the closing that opens with a sheet's number, just before the signer: the
    table after the signature is not headed by it (nor by the signer's lines)."""
    document = docx.Document()
    for line in [*_BODY, "1. Lắp đặt bảng chỉ dẫn.", "III. TỔ CHỨC THỰC HIỆN",
                 "Biểu số 01 gửi kèm để các đơn vị theo dõi.", "CHỦ TỊCH", "Trần Văn Bình"]:  # fmt: skip
        document.add_paragraph(line)
    sheet = document.add_table(rows=0, cols=len(_COLUMNS))
    for values in [_COLUMNS, *_SIGNS]:
        for cell, value in zip(sheet.add_row().cells, values, strict=True):
            cell.text = value
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    raw = read_docx(path)
    [appendix] = [t for t in raw.tasks if t.label == "PL"]
    assert [c.content for c in appendix.children] == [row[1] for row in _SIGNS]
