"""PDF plans (real files written by reportlab, read by pdfplumber): ruled tables read as a
Word table is, a table over a page break joined, prose read as text, a scan refused with
what to send instead, and the page limit. Word 97 (.doc) files: converted by LibreOffice
when installed, else refused saying how to convert."""

from __future__ import annotations

import asyncio
import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from tests.org.test_directory import DIRECTORY_UNITS, KA
from tests.plans.importers.pdfs import (
    blank_pages_pdf,
    needs_font,
    prose_plan_pdf,
    scanned_pdf,
    table_plan_pdf,
)
from tracker.org.directory import UnitDirectory
from tracker.plans.importers.base import DocumentError, RawPlan
from tracker.plans.importers.build import build_plan
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
