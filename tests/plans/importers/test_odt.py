"""OpenDocument text plans (.odt, as LibreOffice Writer saves them), written here with
zipfile: the Word plan of test_docx laid out in ODF (a task table with merged cells and its
header repeated after a page break), plans in numbered lists and numbered headings, and the
ways ODF writes spaces, tabs, breaks, notes and tracked changes. Each is read through
:func:`~tracker.plans.importers.read.read_document`, as an import reads it."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.org.test_directory import DIRECTORY_UNITS
from tests.plans.importers.odfs import cell, covered, p, row, table, write_flat, write_odf
from tracker.org.directory import UnitDirectory
from tracker.plans.importers.base import RawPlan, RawTask
from tracker.plans.importers.odf import OFFICE, TEXT, open_odf, paragraph_runs, runs_text
from tracker.plans.importers.read import SUFFIXES, read_document

DIRECTORY = UnitDirectory(DIRECTORY_UNITS)
HEADER = ["STT", "Nội dung công việc", "Thời gian\nthực hiện", "Đơn vị chủ trì",
          "Đơn vị phối hợp", "Dự kiến kết quả", "Ghi chú"]  # fmt: skip
NUMBERED = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
    '<text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>'
    "</text:list-style>"
)
OUTLINE = (
    '<text:outline-style style:name="Outline">'
    '<text:outline-level-style text:level="1" style:num-suffix="." style:num-format="I"/>'
    '<text:outline-level-style text:level="2" style:num-suffix="." style:num-format="1"'
    ' text:display-levels="2"/>'
    "</text:outline-style>"
)


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


def _row(*texts: str) -> str:
    return row(*(cell(text) for text in texts))


def _bold_across(first: list[str], text: str, width: int = 7) -> str:
    """Cells ``first``, then one spanning the rest of the row holding ``text`` in bold."""
    span = width - len(first)
    merged = (
        f'<table:table-cell table:number-columns-spanned="{span}">'
        f'<text:p><text:span text:style-name="T1">{text}</text:span></text:p>'
        "</table:table-cell>"
    )
    return row(*(cell(t) for t in first), merged, covered(span - 1))


def _merged_plan() -> str:
    """The plan of test_docx's first test, as Writer lays it out."""
    return "".join(
        [
            p("ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN"),
            p("Số: 12/KH-UBND"),
            p("Đại Sơn, ngày 05 tháng 3 năm 2026"),
            p("KẾ HOẠCH", style="P1"),
            table(
                "Bảng1",
                _row(*HEADER),
                _bold_across([], "I. Công tác chỉ đạo"),
                row(
                    cell("1"), cell("Ban hành kế hoạch"), cell("Quý I/2026"),
                    cell("UBND xã", number_rows_spanned=2), cell("Văn phòng"),
                    cell("Kế hoạch"), cell(),
                ),
                row(
                    cell("2"), cell("Rà soát thủ tục"), cell("Thường xuyên"), covered(),
                    cell("Công chức"), cell("Báo cáo"), cell(),
                ),
                _row(*HEADER),  # the header repeated, as after a page break
                _row("", "hành chính", "", "", "", "", "Gửi huyện"),
                _bold_across(["II"], "Kiểm tra"),
                _row("1", "Kiểm tra việc thực hiện", "Quý III/2026", "Văn phòng", "", "Báo cáo", ""),
                columns=7,
            ),
            p("Nơi nhận:"),
        ]
    )  # fmt: skip


def test_a_table_plan_with_merged_cells_and_a_repeated_header(tmp_path: Path) -> None:
    plan = read(write_odf(tmp_path / "ke-hoach.odt", _merged_plan()))

    assert plan.source == "ke-hoach.odt"
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
        "ke-hoach.odt, bảng 1, hàng 3",
    )
    assert (two.lead, two.coordinating, two.note) == ("UBND xã", "Công chức", "Gửi huyện")
    assert two.remark == (
        'Ô chủ trì gộp chung với hàng trên: dùng chung "UBND xã". '
        'Ô nội dung bị ngắt trang: phần cuối "hành chính" in sau tiêu đề bảng lặp lại ở trang '
        'sau. Ô ghi chú bị ngắt trang: phần cuối "Gửi huyện" in sau tiêu đề bảng lặp lại ở '
        "trang sau."
    )
    assert plan.details == {"trailing_lines": ["Nơi nhận:"]}
    assert SUFFIXES[".odt"] == "văn bản OpenDocument"


def test_a_flat_xml_document_reads_as_its_zip_does(tmp_path: Path) -> None:
    zipped = read(write_odf(tmp_path / "ke-hoach.odt", _merged_plan()))
    flat = read(write_flat(tmp_path / "ke-hoach.fodt", _merged_plan()))
    assert _outline(flat.tasks) == _outline(zipped.tasks)
    assert [t.where for t, _ in flat.walk()][1] == "ke-hoach.fodt, bảng 1, hàng 3"
    assert (flat.header_lines, flat.details) == (zipped.header_lines, zipped.details)
    assert SUFFIXES[".fodt"] == "văn bản OpenDocument (XML phẳng)"


def _list(*items: str, attributes: str = "") -> str:
    inner = "".join(f"<text:list-item>{p(item)}</text:list-item>" for item in items)
    return f'<text:list text:style-name="L1"{attributes}>{inner}</text:list>'


def test_numbered_headings_and_lists_take_the_numbers_their_styles_give(tmp_path: Path) -> None:
    # Writer keeps the numbers out of the text: the outline style numbers the headings
    # ("I.", "1.1."), the list style the items, a list interrupted by a paragraph goes on
    # counting when it says so, and a nested list counts on its own level ("a)").
    body = "".join(
        [
            p("Số: 12/KH-UBND"),
            '<text:h text:outline-level="1">NHIỆM VỤ</text:h>',
            _list("Rà soát thủ tục hành chính.", "Công khai thủ tục tại Bộ phận Một cửa."),
            p("Ngoài ra:"),
            '<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item>'
            + p("Tổng kết, báo cáo kết quả.")
            + "<text:list><text:list-item>"
            + p("Báo cáo quý.")
            + "</text:list-item><text:list-item>"
            + p("Báo cáo năm.")
            + "</text:list-item></text:list></text:list-item></text:list>",
            '<text:h text:outline-level="1">TỔ CHỨC THỰC HIỆN</text:h>',
            '<text:h text:outline-level="2">Văn phòng</text:h>',
        ]
    )
    path = write_odf(tmp_path / "van-xuoi.odt", body, styles=NUMBERED + OUTLINE)

    plan = read(path)

    labels = [(task.label, task.content) for task, _ in plan.walk()]
    assert ("I", "NHIỆM VỤ") in labels
    assert ("1", "Rà soát thủ tục hành chính.") in labels
    assert ("2", "Công khai thủ tục tại Bộ phận Một cửa.") in labels
    assert ("3", "Tổng kết, báo cáo kết quả.") in labels
    assert ("a", "Báo cáo quý.") in labels
    assert ("b", "Báo cáo năm.") in labels
    assert ("II", "TỔ CHỨC THỰC HIỆN") in labels


def test_a_new_list_starts_again_and_a_cached_number_is_taken_as_written(tmp_path: Path) -> None:
    body = "".join(
        [
            '<text:h text:outline-level="1"><text:number>I.</text:number>NHIỆM VỤ</text:h>',
            _list("Rà soát thủ tục hành chính."),
            '<text:h text:outline-level="1"><text:number>II.</text:number>KIỂM TRA</text:h>',
            _list("Kiểm tra việc thực hiện.", "Báo cáo kết quả kiểm tra."),
        ]
    )
    plan = read(write_odf(tmp_path / "hai-muc.odt", body, styles=NUMBERED))
    assert _outline(plan.tasks) == [
        (0, "I", "section", "NHIỆM VỤ"),
        (1, "1", None, "Rà soát thủ tục hành chính."),
        (0, "II", "section", "KIỂM TRA"),
        (1, "1", None, "Kiểm tra việc thực hiện."),
        (1, "2", None, "Báo cáo kết quả kiểm tra."),
    ]


def test_spaces_tabs_breaks_notes_comments_and_deleted_text_as_odf_defines_them(
    tmp_path: Path,
) -> None:
    # XML white space folds to one space; text:s, text:tab and text:line-break are the
    # real ones; a footnote, a comment, a text frame and deleted text are not the line's.
    body = (
        "<text:tracked-changes><text:changed-region text:id='c1'><text:deletion>"
        + p("Đoạn đã xóa")
        + "</text:deletion></text:changed-region></text:tracked-changes>"
        + "<text:p>Số:<text:s text:c='3'/>12/KH-UBND\n   ngày<text:tab/>05/3/2026"
        "<text:note text:note-class='footnote'><text:note-citation>1</text:note-citation>"
        "<text:note-body>" + p("Chú thích cuối trang") + "</text:note-body></text:note>"
        "<office:annotation><dc:creator>A</dc:creator>" + p("Góp ý") + "</office:annotation>"
        "<draw:frame><draw:text-box>" + p("Khung chữ") + "</draw:text-box></draw:frame>"
        "</text:p>"
        "<text:p>KẾ HOẠCH<text:line-break/>Kiểm soát thủ tục hành chính</text:p>"
        "<text:p>Ba<text:s text:c='1000000000'/>tỷ khoảng trắng</text:p>"
    )
    path = write_odf(tmp_path / "khoang-trang.odt", body)
    package = open_odf(path, path.name, ".odt")
    texts = [
        runs_text(paragraph_runs(paragraph, package.styles, False))
        for paragraph in package.content.iterfind(f"{OFFICE}body/{OFFICE}text/{TEXT}p")
    ]
    assert texts == [
        "Số:   12/KH-UBND ngày\t05/3/2026",
        "KẾ HOẠCH\nKiểm soát thủ tục hành chính",
        "Ba" + " " * 100 + "tỷ khoảng trắng",  # a billion spaces asked for, a hundred given
    ]
    # As an import reads it: the line's own words, nothing of the rest.
    plan = read(path)
    assert plan.header_lines == [
        "Số: 12/KH-UBND ngày 05/3/2026",
        "KẾ HOẠCH",
        "Kiểm soát thủ tục hành chính",
        "Ba tỷ khoảng trắng",
    ]


def test_a_cell_in_a_bold_style_and_a_numbered_cell_read_as_a_word_cell_is(
    tmp_path: Path,
) -> None:
    # A heading row bold by its cell style, and an STT column numbered by a list style:
    # Writer gives each cell a list of its own, the later ones continuing the first.
    def numbered(text: str, link: str) -> str:
        return (
            f'<table:table-cell><text:list text:style-name="L1" {link}><text:list-item>'
            f"{p('')}</text:list-item></text:list></table:table-cell>{cell(text)}"
            f"{cell('Quý II/2026')}{cell('Văn phòng UBND xã')}"
        )

    body = p("KẾ HOẠCH") + table(
        "Bảng1",
        _row("STT", "Nội dung", "Thời gian", "Chủ trì"),
        row(
            cell("A", style_name="ce1"),
            '<table:table-cell table:style-name="ce1" table:number-columns-spanned="3">'
            f"{p('NHIỆM VỤ TRỌNG TÂM')}</table:table-cell>",
            covered(2),
        ),
        row(numbered("Rà soát thủ tục", 'xml:id="list1"')),
        row(numbered("Công khai thủ tục", 'text:continue-list="list1"')),
        columns=4,
    )
    plan = read(write_odf(tmp_path / "stt.odt", body, styles=NUMBERED))
    assert _outline(plan.tasks) == [
        (0, "A", "section", "NHIỆM VỤ TRỌNG TÂM"),
        (1, "1", None, "Rà soát thủ tục"),
        (1, "2", None, "Công khai thủ tục"),
    ]
    assert plan.tasks[0].children[1].lead == "Văn phòng UBND xã"


def test_a_list_starting_at_a_huge_number_in_roman_numerals_is_read_at_once(
    tmp_path: Path,
) -> None:
    styles = (
        '<text:list-style style:name="L1"><text:list-level-style-number text:level="1"'
        ' style:num-suffix="." style:num-format="I" text:start-value="99999999999999999999"/>'
        "</text:list-style>"
    )
    body = p("Số: 1/KH-UBND") + '<text:list text:style-name="L1"><text:list-item>'
    body += p("NHIỆM VỤ") + "</text:list-item></text:list>"
    plan = read(write_odf(tmp_path / "la-ma.odt", body, styles=styles))  # at once
    # 10,000, the highest start a list is given, beyond Roman numerals (to 3,999): written
    # in digits, no number a plan would hold, so the line stays text (a paragraph of its
    # own: an OpenDocument paragraph is never joined to the one before).
    assert plan.tasks == []
    assert plan.header_lines[-2:] == ["Số: 1/KH-UBND", "10000. NHIỆM VỤ"]


def test_a_word_file_saved_under_an_odt_name_is_read_as_what_it_is(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Số: 12/KH-UBND")
    document.add_paragraph().add_run("I. NHIỆM VỤ").bold = True
    document.add_paragraph("1. Rà soát thủ tục hành chính.")
    path = tmp_path / "nham-ten.odt"
    document.save(str(path))
    labels = [(task.label, task.content) for task, _ in read(path).walk()]
    assert ("1", "Rà soát thủ tục hành chính.") in labels
