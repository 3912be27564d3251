"""Plans saved as CSV, written here as Excel writes them: UTF-8 with a byte-order mark and
commas, or Windows-1258 (tone marks as combining characters) with semicolons; and files
that are not CSV a reader can trust."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from tracker.plans.importers.base import DocumentError
from tracker.plans.importers.csvfile import read_csv
from tracker.plans.importers.header import read_header
from tracker.plans.importers.limits import LIMITS, DocumentTooComplex
from tracker.plans.importers.read import SUFFIXES

_SHAPES = "\u0302\u0306\u031b"  # circumflex, breve, horn: letters of their own in cp1258


def _windows_1258(text: str) -> bytes:
    """``text`` as Vietnamese Windows writes it: â, ê, ô, ơ, ư, ă whole, tones combining."""
    clusters: list[list[str]] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            clusters[-1].append(char)
        else:
            clusters.append([char])
    out = []
    for base, *marks in clusters:
        shaped = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _SHAPES))
        out.append(shaped + "".join(m for m in marks if m not in _SHAPES))
    return "".join(out).encode("cp1258")


def test_a_utf8_csv_with_its_head_rows_and_quoted_commas(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.csv"
    path.write_bytes(
        "\ufeffỦY BAN NHÂN DÂN XÃ ĐẠI SƠN,,,\r\n"
        "DANH MỤC NHIỆM VỤ NĂM 2026,,,\r\n"
        "STT,Nội dung,Thời gian,Chủ trì\r\n"
        '1,"Rà soát, cập nhật dữ liệu",Quý II/2026,Công an xã\r\n'
        '2,Tổng kết,"Trước 15/12/2026",Văn phòng\r\n'.encode()
    )
    plan = read_csv(path)
    assert [(t.label, t.content, t.timing, t.lead) for t in plan.tasks] == [
        ("1", "Rà soát, cập nhật dữ liệu", "Quý II/2026", "Công an xã"),
        ("2", "Tổng kết", "Trước 15/12/2026", "Văn phòng"),
    ]
    header = read_header(plan.header_lines)
    assert (header.issuer, header.year) == ("XÃ ĐẠI SƠN", 2026)
    assert SUFFIXES[".csv"] == "CSV"


def test_a_windows_1258_csv_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.csv"
    path.write_bytes(
        _windows_1258(
            "STT;Nội dung;Thời gian;Chủ trì\r\n1;Rà soát dữ liệu dân cư;Quý II/2026;Công an xã\r\n"
        )
    )
    (task,) = read_csv(path).tasks
    assert (task.content, task.timing, task.lead) == (
        "Rà soát dữ liệu dân cư",
        "Quý II/2026",
        "Công an xã",
    )


def test_a_utf16_file_with_its_mark_is_read_and_one_without_is_refused(tmp_path: Path) -> None:
    """Excel's "Unicode Text" and Notepad's "Unicode" write UTF-16 with a byte-order mark;
    without the mark the encoding cannot be told, and the officer is told how to save."""
    text = "STT,Nội dung,Thời gian\r\n1,Việc,Quý II/2026\r\n"
    marked = tmp_path / "utf16.csv"
    marked.write_bytes(text.encode("utf-16"))
    [task] = [t for t, _ in read_csv(marked).walk()]
    assert (task.content, task.timing) == ("Việc", "Quý II/2026")
    bare = tmp_path / "utf16le.csv"
    bare.write_bytes(text.encode("utf-16-le"))
    with pytest.raises(DocumentError) as caught:
        read_csv(bare)
    assert caught.value.message == (
        "utf16le.csv: không đọc được tệp CSV (tệp chứa dữ liệu nhị phân, không phải văn bản; "
        "hãy lưu lại dạng 'CSV UTF-8')."
    )


def test_rows_past_the_limit_are_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "dai.csv"
    path.write_text("STT,Nội dung,Thời gian\n" + "1,Việc,Quý II/2026\n" * 50, encoding="utf-8")
    with pytest.raises(DocumentTooComplex, match="giới hạn là 20 hàng"):
        read_csv(path, limits=replace(LIMITS, rows=20))


def test_a_csv_without_a_header_row_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "khong-tieu-de.csv"
    path.write_text("1,Việc,Quý II/2026\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="không tìm thấy hàng tiêu đề"):
        read_csv(path)
