"""PDF plans (real files written by reportlab, read by pdfplumber): ruled tables read as a
Word table is, a table over a page break joined, prose read as text, a scan refused with
what to send instead, and the page limit. Word 97 (.doc) files: converted by LibreOffice
when installed, else refused saying how to convert."""

from __future__ import annotations

import asyncio
import io
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.org.test_directory import DIRECTORY_UNITS, KA
from tests.plans.importers.pdfs import (
    HEADER_ROW,
    blank_pages_pdf,
    drawn_plan_pdf,
    locked_pdf,
    many_rows,
    national_plan_pdf,
    needs_font,
    prose_plan_pdf,
    scanned_cover_pdf,
    scanned_pdf,
    stray_text_scan_pdf,
    table_plan_pdf,
    tables_pdf,
)
from tracker.org.directory import UnitDirectory
from tracker.plans.importers.base import DocumentError, RawPlan
from tracker.plans.importers.build import ImportResult, build_plan
from tracker.plans.importers.limits import DocumentTooComplex, Limits
from tracker.plans.importers.read import ParseJob, read_document
from tracker.plans.importers.sandbox import parse_isolated
from tracker.plans.importers.word97 import HOW_TO_CONVERT, soffice


def _read(path: Path, limits: Limits | None = None) -> RawPlan:
    directory = UnitDirectory(DIRECTORY_UNITS)
    raw = (
        read_document(path, directory, limits=limits) if limits else read_document(path, directory)
    )
    assert isinstance(raw, RawPlan)
    return raw


@needs_font
def test_a_ruled_table_over_two_pages_is_read_row_for_row(tmp_path: Path) -> None:
    raw = _read(table_plan_pdf(tmp_path / "ke-hoach.pdf", break_after=2))
    assert raw.header_lines[:3] == [
        "ỦY BAN NHÂN DÂN XÃ KIẾN AN",
        "Số: 12/KH-UBND",
        "Kiến An, ngày 10 tháng 01 năm 2026",
    ]
    tree = [(t.label, t.content, t.timing, t.lead, depth) for t, depth in raw.walk()]
    assert tree == [
        ("I", "Công tác chỉ đạo", "", "", 0),
        ("1", "Ban hành kế hoạch kiểm soát thủ tục hành chính", "Trong tháng 01/2026", "Văn phòng UBND xã", 1),
        # The row after the page break, under its repeated header row, stays in section I.
        ("2", "Báo cáo quý về kiểm soát thủ tục hành chính", "Hàng quý", "UBND xã", 1),
        ("II", "Rà soát thủ tục hành chính", "", "", 0),
        ("1", "Rà soát, đánh giá thủ tục hành chính", "Trước ngày 30/6/2026", "CC Tư pháp – hộ tịch", 1),
    ]  # fmt: skip
    first = raw.tasks[0].children[0]
    assert (first.coordinating, first.output) == ("Các đơn vị có liên quan", "Kế hoạch")
    assert raw.details["trailing_lines"] == ["Nơi nhận:", "- Lưu: VT."]


@needs_font
def test_a_pdf_plan_is_built_with_its_commune_units_and_deadlines(tmp_path: Path) -> None:
    directory = UnitDirectory(DIRECTORY_UNITS)
    raw = _read(table_plan_pdf(tmp_path / "ke-hoach.pdf"))
    result = build_plan(raw, directory)
    assert result.errors == []
    assert result.plan is not None
    assert (result.plan.unit, result.plan.number, result.plan.task_count) == (KA, "12/KH-UBND", 3)
    review = result.plan.tasks[1].children[0]
    assert review.lead == (f"{KA}.tp-ht",)
    assert [r.to_dict()["due"] for r in review.rules] == ["2026-06-30"]


@needs_font
def test_a_pdf_in_prose_is_read_as_its_text(tmp_path: Path) -> None:
    raw = _read(prose_plan_pdf(tmp_path / "van-ban.pdf"))
    tree = [(t.label, t.content[:40], depth) for t, depth in raw.walk()]
    assert tree[:3] == [
        ("II", "NỘI DUNG THỰC HIỆN", 0),
        ("1", "Rà soát, đánh giá thủ tục hành chính thu", 1),
        ("2", "Báo cáo kết quả kiểm soát thủ tục hành c", 1),
    ]
    assert raw.tasks[0].children[0].timing == "trước ngày 30/6/2026."


def test_a_scan_is_refused_saying_what_to_send_instead(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        _read(scanned_pdf(tmp_path / "ban-quet.pdf"))
    assert caught.value.message == (
        "ban-quet.pdf: tệp PDF là bản quét (chỉ có ảnh, không có lớp chữ) nên không đọc được "
        "nội dung. Hãy tải lên tệp Word (.docx) gốc của kế hoạch, hoặc tệp PDF xuất trực tiếp "
        "từ Word."
    )


def test_a_pdf_over_the_page_limit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentTooComplex) as caught:
        _read(blank_pages_pdf(tmp_path / "dai.pdf", 4), Limits(pdf_pages=3))
    assert caught.value.message == "dai.pdf: tệp PDF có 4 trang; giới hạn là 3 trang."


def test_a_file_that_is_no_pdf_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "gia.pdf"
    path.write_bytes(b"%PDF-1.7\nnot really a pdf at all")
    with pytest.raises(DocumentError) as caught:
        _read(path)
    assert caught.value.message == "gia.pdf: không phải tệp PDF hợp lệ."


def test_a_scan_is_refused_from_the_worker_process_too(tmp_path: Path) -> None:
    path = scanned_pdf(tmp_path / "document.pdf")
    job = ParseJob(path, "ban-quet.pdf", UnitDirectory(DIRECTORY_UNITS))
    with pytest.raises(DocumentError) as caught:
        asyncio.run(parse_isolated(job))
    assert caught.value.status_code == 422
    assert caught.value.message.startswith("ban-quet.pdf: tệp PDF là bản quét")


# --------------------------------------------------------------------------- as provinces publish


def _built(path: Path) -> tuple[RawPlan, ImportResult]:
    directory = UnitDirectory(DIRECTORY_UNITS)
    raw = _read(path)
    return raw, build_plan(raw, directory)


def _rows(raw: RawPlan) -> list[tuple[str, str, str, str]]:
    """The task rows of the table (numbered under a Roman section), in order."""
    return [
        (t.label, t.content, t.timing, t.lead)
        for t, depth in raw.walk()
        if t.kind != "section" and t.label.isdigit() and t.timing
    ]


def _words(result: ImportResult) -> str:
    assert result.plan is not None
    return " | ".join(
        " ".join([t.content, t.timing, t.remark]) for t in _all_tasks(result.plan.tasks)
    )


def _all_tasks(tasks: Any) -> list[Any]:
    return [x for t in tasks for x in [t, *_all_tasks(t.children)]]


@needs_font
@pytest.mark.parametrize("heading", ["left", "centred", "number-beside-date"])
def test_the_national_header_in_two_columns_is_read_column_by_column(
    tmp_path: Path, heading: str
) -> None:
    """ "UBND XÃ KIẾN AN" and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" print on one line, each
    in its column (a table without borders in Word): the left column is read first, then
    the right, so the issuer, the number and the place and date are each a line of their
    own. The signature block is read so too, and nothing of it, of the running header or
    of the page numbers ("- 2 -") becomes a task. Whether each line is set to the left or
    centred in its column, or "Số: …" stands on the row of the place and date."""
    path = national_plan_pdf(tmp_path / "ke-hoach.pdf", appendix=False, heading=heading)
    raw, result = _built(path)
    number_first = heading != "number-beside-date"
    assert raw.header_lines[:7] == [
        "UBND XÃ KIẾN AN",
        *(["Số: 12/KH-UBND"] if number_first else []),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        *([] if number_first else ["Số: 12/KH-UBND"]),
        "Kiến An, ngày 10 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Kiểm soát thủ tục hành chính năm 2026",
    ]
    assert result.plan is not None
    assert result.plan.title == "Kiểm soát thủ tục hành chính năm 2026"
    assert result.errors == []
    assert result.plan is not None
    plan = result.plan
    assert (plan.unit, plan.number, plan.issued) == (KA, "12/KH-UBND", date(2026, 1, 10))
    assert [(t.label, t.content) for t in plan.tasks] == [
        ("II", "NHIỆM VỤ CỤ THỂ"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert [t.label for t in _all_tasks(plan.tasks[0].children)] == ["I", "1", "2", "II", "1"]
    words = _words(result)
    for printed in ("Kế hoạch số 12/KH-UBND của UBND xã Kiến An", "- 2 -", "Nơi nhận",
                    "CHỦ TỊCH", "Lưu: VT", "Nguyễn Văn Bình"):  # fmt: skip
        assert printed not in words
    # What was left out is kept in the plan's details, each once: nothing dropped unsaid.
    assert raw.details["running_lines"] == [
        "- 1 -", "Kế hoạch số 12/KH-UBND của UBND xã Kiến An", "- 2 -", "- 3 -"
    ]  # fmt: skip
    assert raw.details["signer"] == {
        "on_behalf": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn Bình"
    }  # fmt: skip


@needs_font
@pytest.mark.parametrize("running_header", [True, False], ids=["running-header", "page-numbers"])
@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "no-header"])
@pytest.mark.parametrize("ruling", ["grid", "horizontal", "header", "columns"])
def test_a_landscape_table_over_pages_after_prose_pages_keeps_every_row(
    tmp_path: Path, repeat_header: bool, ruling: str, running_header: bool
) -> None:
    """Portrait pages of prose, then the task table on landscape pages, running over
    several of them (its header printed again on each or not), then the closing on a
    portrait page: one table, every row in its section, in order; ruled as a grid, with
    lines between the rows only, with only its header ruled (which pdfplumber does not
    see as a table), or with lines between the columns only (which pdfplumber reads as
    one row holding all the others). Without a running header the repeated header row is the first line
    of each page: it is no running header to leave out."""
    path = national_plan_pdf(
        tmp_path / "ke-hoach.pdf", rows=many_rows(40), repeat_header=repeat_header,
        ruling=ruling, appendix=False, running_header=running_header,
    )  # fmt: skip
    raw, result = _built(path)
    want = [
        (str(n if n <= 20 else n - 20), f"Nhiệm vụ số {n} về kiểm soát thủ tục hành chính của xã Kiến An",
         f"Trước ngày 25/{(n - 1) % 12 + 1}/2026", "Văn phòng UBND xã")
        for n in range(1, 41)
    ]  # fmt: skip
    assert _rows(raw) == want
    assert result.errors == []
    assert result.plan is not None
    body = result.plan.tasks[0]
    assert [(s.label, len(s.children)) for s in body.children] == [("I", 20), ("II", 20)]
    assert result.plan.tasks[1].label == "III"
    # Every deadline read, none flagged: the rows were read whole.
    assert [r.to_dict()["due"] for r in body.children[1].children[-1].rules] == ["2026-04-25"]
    assert [i.where for i in result.review if i.field == "thời gian"] == [
        "nhiệm vụ III/#1 (dòng 19)"
    ]


@needs_font
@pytest.mark.parametrize("ruling", ["horizontal", "header"])
def test_an_unruled_portrait_table_with_its_header_over_two_lines(
    tmp_path: Path, ruling: str
) -> None:
    """On a portrait page the header's titles wrap ("Thời gian thực" over "hiện"): the
    header's two lines give the columns, and the header printed again atop each page is
    left out."""
    path = national_plan_pdf(
        tmp_path / "ke-hoach.pdf", rows=many_rows(40), ruling=ruling, appendix=False,
        landscape_table=False,
    )  # fmt: skip
    raw, result = _built(path)
    assert len(_rows(raw)) == 40
    assert [t.label for t in raw.tasks] == ["II", "III"]
    assert result.errors == []
    assert result.plan is not None
    assert result.plan.task_count == 41


@needs_font
@pytest.mark.parametrize("ruling", ["horizontal", "header", "columns"])
def test_the_heading_right_under_an_unruled_table_is_no_row_of_it(
    tmp_path: Path, ruling: str
) -> None:
    """ "III. TỔ CHỨC THỰC HIỆN" printed right under a table without full ruling keeps to
    its columns ("III." under STT): a Roman number with a full stop where the table's own
    sections have none ends the table, so the closing stays the body's section."""
    path = national_plan_pdf(
        tmp_path / "ke-hoach.pdf", ruling=ruling, appendix=False, landscape_table=False,
        closing_gap=0,
    )  # fmt: skip
    raw, result = _built(path)
    assert [(t.label, t.content) for t in raw.tasks] == [
        ("II", "NHIỆM VỤ CỤ THỂ"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert [t.label for t in raw.tasks[0].children] == ["I", "II"]
    assert result.errors == []


@needs_font
@pytest.mark.parametrize("ruling", ["horizontal", "header", "columns"])
def test_a_lead_cell_going_on_with_a_chairman_keeps_the_table_going(
    tmp_path: Path, ruling: str
) -> None:
    """A lead cell whose second line starts "Phó Chủ tịch UBND xã" (a line of the table
    that starts so): no signature block, the table goes on to its next row."""
    rows = [
        ["I", "Công tác chỉ đạo", "", "", "", ""],
        ["1", "Tổ chức hội nghị", "Quý I/2026",
         "Văn phòng UBND xã; Phó Chủ tịch UBND xã phụ trách khối", "", "Hội nghị"],
        ["2", "Kiểm tra", "Quý II/2026", "Văn phòng UBND xã", "", "Báo cáo"],
    ]  # fmt: skip
    path = national_plan_pdf(tmp_path / "ke-hoach.pdf", rows=rows, ruling=ruling, appendix=False)
    raw, _ = _built(path)
    assert [(t.label, t.lead) for t in raw.tasks[0].children[0].children] == [
        ("1", "Văn phòng UBND xã; Phó Chủ tịch UBND xã phụ trách khối"),
        ("2", "Văn phòng UBND xã"),
    ]


@needs_font
@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "no-header"])
@pytest.mark.parametrize("ruling", ["grid", "horizontal", "header", "columns"])
def test_a_row_cut_by_a_page_break_is_joined_and_said_so(
    tmp_path: Path, repeat_header: bool, ruling: str
) -> None:
    """Word lets a row break across pages: its content goes on at the top of the next
    page in a row with no number. It is joined to its row, and the task says so."""
    path = national_plan_pdf(
        tmp_path / "ke-hoach.pdf", rows=many_rows(12), repeat_header=repeat_header,
        ruling=ruling, appendix=False, break_at=5, split_row=True,
    )  # fmt: skip
    raw, result = _built(path)
    rows = _rows(raw)
    assert [label for label, *_ in rows] == [*"123456", *"123456"]
    cut = next(t for t, _ in raw.walk() if t.content.startswith("Nhiệm vụ số 5 "))
    assert cut.content == "Nhiệm vụ số 5 về kiểm soát thủ tục hành chính của xã Kiến An"
    assert cut.timing == "Trước ngày 25/5/2026"
    assert cut.remark == (
        'Ô nội dung bị ngắt trang: phần cuối "thủ tục hành chính của xã Kiến An" in ở trang sau.'
    )
    assert result.errors == []
    assert result.plan is not None
    assert result.plan.task_count == 12 + 1
    # The join is a guess: the officer is asked to check it, and the task is flagged.
    [item] = [i for i in result.review if i.field == "ngắt trang"]
    assert item.text == "thủ tục hành chính của xã Kiến An"
    assert item.reason.startswith("Hàng này bị ngắt trang")
    joined = next(t for t in _all_tasks(result.plan.tasks) if t.content == cut.content)
    assert joined.review


@needs_font
@pytest.mark.parametrize("ruling", ["grid", "horizontal"])
def test_a_row_without_a_number_after_a_section_row_and_a_page_break_is_kept_flagged(
    tmp_path: Path, ruling: str
) -> None:
    """An unnumbered row first on a page, after a section's title row: not joined to the
    title, kept as a row of its own, flagged (nobody leads it, no timing)."""
    rows = many_rows(6)
    rows.insert(5, ["", "Tổ chức hội nghị sơ kết công tác.", "", "", "", ""])
    path = national_plan_pdf(
        tmp_path / "ke-hoach.pdf", rows=rows, break_at=5, appendix=False, ruling=ruling
    )
    raw, result = _built(path)
    second = raw.tasks[0].children[1]
    assert (second.label, second.content) == ("II", "Công tác truyền thông")
    assert [(t.label, t.content) for t in second.children][:2] == [
        ("", "Tổ chức hội nghị sơ kết công tác."),
        ("1", "Nhiệm vụ số 4 về kiểm soát thủ tục hành chính của xã Kiến An"),
    ]
    flagged = {i.field for i in result.review if "II/II/#1" in i.where}
    assert flagged == {"chủ trì", "thời gian"}


@needs_font
def test_long_rows_over_many_pages_with_the_table_as_the_appendix(tmp_path: Path) -> None:
    """The table as "PHỤ LỤC" after the signature block, its long rows filling page after
    page, the letterhead printed again above it: every row read whole; the appendix is
    kept, and the item that points to it ("Chi tiết tại Phụ lục kèm theo") is flagged when
    no table is named as it is."""
    path = national_plan_pdf(
        tmp_path / "ke-hoach.pdf", rows=many_rows(10, long=True), ruling="horizontal",
        letterhead_again=True, running_header=False,
    )  # fmt: skip
    raw, result = _built(path)
    # The letterhead printed again atop the appendix is no running header: the plan's
    # own stays whole.
    assert raw.header_lines[:2] == ["UBND XÃ KIẾN AN", "Số: 12/KH-UBND"]
    assert result.plan is not None
    assert result.plan.unit == KA
    assert [t.label for t in raw.tasks] == ["II", "III", "PL"]
    assert len(_rows(raw)) == 10
    assert all(
        t.content.endswith("lên Cổng dịch vụ công.")
        for t, _ in raw.walk()
        if "số" in t.content[:13]
    )
    assert result.errors == []
    assert [i.field for i in result.review].count("phụ lục") == 1


@needs_font
def test_a_table_with_a_header_of_its_own_on_the_next_page_is_another_table(
    tmp_path: Path,
) -> None:
    """Two ruled tables of as many columns, each on its own page with nothing between:
    the second, with a header of its own (its columns in another order), is not joined to
    the first as rows."""
    head = ["UBND XÃ KIẾN AN", "Số: 12/KH-UBND", "Kiến An, ngày 10 tháng 01 năm 2026",
            "KẾ HOẠCH", "Cải cách hành chính năm 2026"]  # fmt: skip
    one = [["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì"],
           ["1", "Rà soát thủ tục hành chính", "Quý II/2026", "Văn phòng UBND xã"]]  # fmt: skip
    two = [["TT", "Thời hạn hoàn thành", "Nhiệm vụ", "Cơ quan chủ trì"],
           ["1", "Trước ngày 30/9/2026", "Số hóa hồ sơ hộ tịch", "Công an xã"]]  # fmt: skip
    raw, result = _built(tables_pdf(tmp_path / "ke-hoach.pdf", head, [one, two]))
    assert [(t.label, t.content, t.timing, t.lead) for t, _ in raw.walk()] == [
        ("1", "Rà soát thủ tục hành chính", "Quý II/2026", "Văn phòng UBND xã"),
        ("1", "Số hóa hồ sơ hộ tịch", "Trước ngày 30/9/2026", "Công an xã"),
    ]
    assert result.errors == []


HEAD = [
    "**UBND XÃ KIẾN AN",
    "Số: 12/KH-UBND",
    "Kiến An, ngày 10 tháng 01 năm 2026",
    "**^^KẾ HOẠCH",
    "**Chuyển đổi số năm 2026",
]
BODY = [
    "**II. NỘI DUNG THỰC HIỆN",
    "1. Số hóa hồ sơ và lưu trữ \ufb01le điện tử của Bộ phận Một cửa, hoàn thành trước",
    "ngày 30/6/2026.",
    "2. Cập nhật thông tin lên trang inter\u00ad",
    "net của xã theo Kế hoạch số 7/KH-",
    "UBND, báo cáo trước ngày 15/",
    "9/2026.",
    "**III. TỔ CHỨC THỰC HIỆN",
    "Giao Văn phòng UBND xã chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
]


@needs_font
@pytest.mark.parametrize("form", ["nfc", "nfd", "overprinted"])
def test_text_as_pdf_writers_leave_it_reads_as_typed(tmp_path: Path, form: str) -> None:
    """Letters in NFD (a base letter and its marks), a title's letters spaced out, bold
    simulated by printing each line twice a hair apart (extracted, every letter doubled), a ligature (ﬁ), a soft hyphen
    and a word cut at the line's end after a hyphen or a slash: read as the officer
    typed them, so the number, the dates and the deadlines come out."""
    lines = HEAD + BODY
    if form == "nfd":
        lines = [unicodedata.normalize("NFD", line) for line in lines]
    overprint = 0.4 if form == "overprinted" else 0.0
    raw, result = _built(drawn_plan_pdf(tmp_path / "ke-hoach.pdf", lines, overprint=overprint))
    assert raw.header_lines[:3] == [
        "UBND XÃ KIẾN AN", "Số: 12/KH-UBND", "Kiến An, ngày 10 tháng 01 năm 2026"
    ]  # fmt: skip
    contents = [t.content for t, _ in raw.walk()]
    assert contents[1:3] == [
        "Số hóa hồ sơ và lưu trữ file điện tử của Bộ phận Một cửa, hoàn thành trước ngày "
        "30/6/2026.",
        "Cập nhật thông tin lên trang internet của xã theo Kế hoạch số 7/KH-UBND, báo cáo "
        "trước ngày 15/9/2026.",
    ]
    assert result.errors == []
    assert result.plan is not None
    assert (result.plan.number, result.plan.unit) == ("12/KH-UBND", KA)
    # The title's letters spaced out still read "KẾ HOẠCH", and the title after it.
    assert result.plan.title == "Chuyển đổi số năm 2026"
    first, second = result.plan.tasks[0].children
    assert [r.to_dict()["due"] for r in first.rules] == ["2026-06-30"]
    assert [r.to_dict()["due"] for r in second.rules] == ["2026-09-15"]


@needs_font
def test_a_date_or_a_number_cut_in_a_narrow_cell_is_joined(tmp_path: Path) -> None:
    """A narrow timing column breaks "30/6/2026" after its slash; a content cell breaks
    "7/KH-UBND" after its hyphen: the cell's lines are joined back without a space."""
    cells = [
        HEADER_ROW,
        ["1", "Số hóa hồ sơ, lưu \ufb01le", "Trước ngày 30/6/\n2026", "Văn phòng UBND xã", "", "Hồ sơ"],
        ["2", "Ban hành văn bản theo Kế hoạch số 7/KH-\nUBND", "Hằng quý", "Văn phòng UBND\nxã", "", ""],
    ]  # fmt: skip
    path = drawn_plan_pdf(tmp_path / "ke-hoach.pdf", [*HEAD, "**II. NHIỆM VỤ"], cells=cells)
    raw, result = _built(path)
    assert [(t.content, t.timing, t.lead) for t in raw.tasks[0].children] == [
        ("Số hóa hồ sơ, lưu file", "Trước ngày 30/6/2026", "Văn phòng UBND xã"),
        ("Ban hành văn bản theo Kế hoạch số 7/KH-UBND", "Hằng quý", "Văn phòng UBND xã"),
    ]
    assert result.plan is not None
    assert [r.to_dict()["due"] for r in result.plan.tasks[0].children[0].rules] == ["2026-06-30"]


def test_a_scan_with_a_few_stray_characters_is_still_a_scan(tmp_path: Path) -> None:
    """Pages that are pictures, with a page number and a stamp's letters in the text
    layer: refused as a scan, not read as an empty plan."""
    with pytest.raises(DocumentError) as caught:
        _read(stray_text_scan_pdf(tmp_path / "ban-quet.pdf"))
    assert caught.value.message.startswith("ban-quet.pdf: tệp PDF là bản quét")


@needs_font
def test_a_scanned_page_among_pages_of_text_is_a_review_item(tmp_path: Path) -> None:
    """The signed first page scanned, the plan's text and table after it: the text is
    read, and the scanned page, whose words nobody read, is named for review."""
    raw, result = _built(scanned_cover_pdf(tmp_path / "ke-hoach.pdf"))
    assert len(_rows(raw)) == 3
    [scan] = [item for item in result.review if item.field == "trang quét"]
    assert scan.where == "ke-hoach.pdf, trang 1"
    assert scan.reason.startswith("Trang này là ảnh quét")


def test_a_pdf_with_a_password_is_refused_saying_so(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        _read(locked_pdf(tmp_path / "khoa.pdf"))
    assert caught.value.message == (
        "khoa.pdf: tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi tải lên lại."
    )


@needs_font
@pytest.mark.parametrize("kept", [100, 0.5, -40], ids=["head", "half", "tail-cut"])
def test_a_truncated_pdf_is_refused_by_name(tmp_path: Path, kept: float) -> None:
    whole = table_plan_pdf(tmp_path / "goc.pdf").read_bytes()
    end = int(len(whole) * kept) if isinstance(kept, float) else int(kept)
    path = tmp_path / "hong.pdf"
    path.write_bytes(whole[:end])
    with pytest.raises(DocumentError) as caught:
        _read(path)
    assert caught.value.message == "hong.pdf: không phải tệp PDF hợp lệ."


@needs_font
def test_a_pdf_whose_pages_lost_their_size_is_refused_by_name(tmp_path: Path) -> None:
    """Damage pdfplumber meets as a TypeError (no MediaBox to a page): the same message
    as any broken PDF, not a server error."""
    whole = table_plan_pdf(tmp_path / "goc.pdf").read_bytes()
    path = tmp_path / "hong.pdf"
    path.write_bytes(whole.replace(b"/MediaBox", b"/MediaBoz"))
    with pytest.raises(DocumentError) as caught:
        _read(path)
    assert caught.value.message == "hong.pdf: không phải tệp PDF hợp lệ."


@needs_font
def test_a_pdf_damaged_in_part_is_read_with_a_review_item_saying_so(tmp_path: Path) -> None:
    """A font's compressed data (its letters' map) broken in the middle: pdfminer reads
    past it, and the text may come out missing or garbled, so the plan is flagged for
    review."""
    whole = bytearray(table_plan_pdf(tmp_path / "goc.pdf").read_bytes())
    found = re.search(rb"/Filter \[ /FlateDecode \] /Length (\d+)", whole)
    assert found is not None
    start = whole.index(b"stream", found.end()) + 7 + int(int(found.group(1)) * 0.3)
    whole[start : start + 20] = bytes(b ^ 0x55 for b in whole[start : start + 20])
    path = tmp_path / "hong-mot-phan.pdf"
    path.write_bytes(bytes(whole))
    raw = _read(path)
    [item] = [i for i in raw.review if i.field == "tệp hỏng"]
    assert item.where == "hong-mot-phan.pdf"
    assert item.reason.startswith("Tệp PDF bị hỏng một phần")


def test_the_default_page_limit_refuses_a_pdf_of_301_pages(tmp_path: Path) -> None:
    with pytest.raises(DocumentTooComplex) as caught:
        _read(blank_pages_pdf(tmp_path / "dai.pdf", 301))
    assert caught.value.message == "dai.pdf: tệp PDF có 301 trang; giới hạn là 300 trang."


# --------------------------------------------------------------------------- Word 97


def _word97(path: Path) -> Path:
    """A Word 97-2003 file: the OLE2 compound file signature, then what follows it."""
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504)
    return path


def test_a_doc_without_libreoffice_is_refused_saying_how_to_convert(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The server's own PATH, emptied: as on a server without LibreOffice.
    monkeypatch.setenv("PATH", str(tmp_path / "khong-co"))
    assert soffice() is None
    with pytest.raises(DocumentError) as caught:
        _read(_word97(tmp_path / "ke-hoach-cu.doc"))
    assert caught.value.message == (
        "ke-hoach-cu.doc: tệp Word 97-2003 (.doc) chỉ đọc được khi máy chủ có LibreOffice, mà "
        f"máy chủ chưa cài. {HOW_TO_CONVERT}"
    )
    assert "Hãy mở bằng Word và lưu lại dạng .docx" in HOW_TO_CONVERT


def test_a_docx_saved_under_a_doc_name_is_read_as_what_it_is(tmp_path: Path) -> None:
    document = docx.Document()
    for line in ["Số: 5/KH-UBND", "Kiến An, ngày 10 tháng 01 năm 2026", "KẾ HOẠCH", "Thử",
                 "II. NỘI DUNG", "1. Rà soát thủ tục hành chính trước ngày 30/6/2026."]:  # fmt: skip
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "doi-ten.doc"
    path.write_bytes(buffer.getvalue())
    raw = _read(path)
    assert [t.content for t, _ in raw.walk()] == [
        "NỘI DUNG",
        "Rà soát thủ tục hành chính trước ngày 30/6/2026.",
    ]


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="máy này không cài LibreOffice (soffice)"
)
def test_a_doc_is_converted_by_libreoffice_and_read(tmp_path: Path) -> None:
    """A .doc written by LibreOffice itself from a .docx, then read back through it."""
    document = docx.Document()
    for line in ["Số: 5/KH-UBND", "Kiến An, ngày 10 tháng 01 năm 2026", "KẾ HOẠCH", "Thử",
                 "II. NỘI DUNG", "1. Rà soát thủ tục hành chính trước ngày 30/6/2026."]:  # fmt: skip
        document.add_paragraph(line)
    source = tmp_path / "goc.docx"
    document.save(source)
    program = soffice()
    assert program is not None
    profile = (tmp_path / "profile").as_uri()
    command = [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
               "--outdir", str(tmp_path / "out"), str(source)]  # fmt: skip
    subprocess.run(command, check=True, timeout=120, capture_output=True)
    raw = _read(tmp_path / "out" / "goc.doc")
    assert raw.source == "goc.doc"
    assert [t.content for t, _ in raw.walk()][-1] == (
        "Rà soát thủ tục hành chính trước ngày 30/6/2026."
    )
