"""Every limit on a document, each met by a file made here (python-docx, openpyxl, zipfile,
plain bytes), read as the server reads it: in a worker process
(:func:`tracker.plans.importers.sandbox.parse_isolated`). Each refusal is a 413 or a 422
whose sentence names the file by its uploaded name and the limit, never a server path;
a runaway reading is stopped at the time limit."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from tracker.org.directory import UnitDirectory, UnitEntry
from tracker.plans.importers.base import DocumentError
from tracker.plans.importers.build import ImportOptions
from tracker.plans.importers.limits import LIMITS, Limits
from tracker.plans.importers.read import ParseJob
from tracker.plans.importers.sandbox import parse_isolated
from tracker.plans.imports import safe_name

UNITS = UnitDirectory(
    [
        UnitEntry("tinh", "Tỉnh Thử", "province", None),
        UnitEntry("tinh.xa", "Xã Thử", "commune", "tinh"),
        UnitEntry("tinh.xa.ubnd", "UBND xã", "office", "tinh.xa"),
    ]
)
SHOWN = "ke-hoach-tai-len"  # the name the file was uploaded under


async def refusal(path: Path, limits: Limits = LIMITS) -> DocumentError:
    """Read ``path`` as the server does and return the refusal, checking its sentence
    names the uploaded name and no server path."""
    name = f"{SHOWN}{path.suffix}"
    job = ParseJob(path, name, UNITS, ImportOptions(unit="tinh.xa"))
    with pytest.raises(DocumentError) as caught:
        await parse_isolated(job, limits)
    error = caught.value
    assert error.message.startswith(name), error.message
    assert str(path.parent) not in error.message
    return error


async def read(path: Path, limits: Limits = LIMITS) -> int:
    """The number of tasks of a document read within ``limits``."""
    job = ParseJob(path, path.name, UNITS, ImportOptions(unit="tinh.xa"))
    result = await parse_isolated(job, limits)
    assert result.errors == []
    assert result.plan is not None
    return result.plan.task_count


def plan_text(tasks: int, content: str = "Rà soát thủ tục") -> str:
    lines = ["UBND XÃ THỬ", "Số: 1/KH-UBND", "Thử, ngày 05 tháng 01 năm 2026", "KẾ HOẠCH",
             "Rà soát thủ tục năm 2026", "I. NỘI DUNG"]  # fmt: skip
    lines += [f"{n}. {content} {n}. Thời gian: quý I/2026." for n in range(1, tasks + 1)]
    return "\n".join(lines) + "\n"


def workbook(path: Path, rows: int = 3, extra: dict[str, str] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Số: 2/KH-UBND"])
    sheet.append(["Thử, ngày 05 tháng 01 năm 2026"])
    sheet.append(["KẾ HOẠCH"])
    sheet.append(["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì"])
    for n in range(1, rows + 1):
        sheet.append([str(n), f"Việc {n}", "Quý I/2026", "UBND xã"])
    for at, value in (extra or {}).items():
        sheet[at] = value
    book.save(path)
    return path


def word(path: Path, rows: int = 3, paragraphs: int = 0) -> docx.document.Document:
    document = docx.Document()
    for line in ("UBND XÃ THỬ", "Số: 3/KH-UBND", "Thử, ngày 05 tháng 01 năm 2026", "KẾ HOẠCH"):
        document.add_paragraph(line)
    for n in range(paragraphs):
        document.add_paragraph(f"Đoạn {n}")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(
        table.rows[0].cells, ["STT", "Nội dung", "Thời gian", "Chủ trì"], strict=True
    ):
        cell.text = text
    for n in range(1, rows + 1):
        for cell, text in zip(table.add_row().cells, [str(n), f"Việc {n}", "Quý I/2026", "UBND xã"], strict=True):  # fmt: skip
            cell.text = text
    document.save(path)
    return document


def rezip(path: Path, member: str, change: bytes | None = None, **kwargs: bytes) -> Path:
    """The same zip with ``member`` replaced (and more members added), deflated."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    if change is not None:
        parts[member] = change
    parts.update({name.replace("__", "/"): data for name, data in kwargs.items()})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


# --------------------------------------------------------------------------- the seeds fit


def test_the_limits_leave_room_far_above_the_seed_plans() -> None:
    seeds = sorted((Path(__file__).parents[3] / "seeds" / "plans").glob("*.yaml"))
    assert seeds
    assert all(path.stat().st_size * 20 < LIMITS.text_bytes for path in seeds)
    assert LIMITS.tasks >= 50 * 79
    assert LIMITS.field_chars >= 5 * 2_730
    assert LIMITS.task_depth >= 3 * 6


# --------------------------------------------------------------------------- sizes


async def test_a_file_over_the_upload_limit_is_refused_as_too_large(tmp_path: Path) -> None:
    path = word(tmp_path / "lon.docx") and tmp_path / "lon.docx"
    error = await refusal(path, Limits(upload_bytes=10_000))
    assert error.status_code == 413
    assert "tệp quá lớn" in error.message
    assert "giới hạn cho tệp là 10 KB" in error.message


async def test_a_text_file_has_its_own_lower_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "dai.txt"
    path.write_text(plan_text(3) + "x" * 3_000, encoding="utf-8")
    error = await refusal(path, Limits(text_bytes=2_048))
    assert error.status_code == 413
    assert "giới hạn cho tệp văn bản/YAML là 2 KB" in error.message


async def test_a_zip_bomb_of_repeated_bytes_is_refused_before_it_is_unpacked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bom.docx"
    word(path)
    with zipfile.ZipFile(path) as source:
        xml = source.read("word/document.xml")
    padded = xml.replace(b"<w:body>", b"<w:body>" + b" " * 60_000_000, 1)
    rezip(path, "word/document.xml", padded)
    assert path.stat().st_size < 200_000  # 60 MB inside a file of a few dozen KB
    error = await refusal(path)
    assert error.status_code == 413
    assert "phần 'word/document.xml' nén bất thường" in error.message
    assert "giới hạn là gấp 100 lần" in error.message


async def test_what_a_zip_unpacks_to_in_all_is_bounded(tmp_path: Path) -> None:
    path = workbook(tmp_path / "nhieu.xlsx")
    rezip(path, "", None, xl__media__a=bytes(range(256)) * 8_000)  # 2 MB that barely packs
    error = await refusal(path, Limits(unzipped_bytes=1024 * 1024))
    assert error.status_code == 413
    assert "nội dung giải nén quá lớn (2 MB); giới hạn là 1 MB" in error.message


async def test_a_zip_of_too_many_members_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "manh.xlsx")
    rezip(path, "", None, **{f"xl__media__{n}": b"x" for n in range(30)})
    error = await refusal(path, Limits(zip_members=20))
    assert error.status_code == 422
    assert "giới hạn là 20" in error.message


# --------------------------------------------------------------------------- Excel


async def test_a_sparse_sheet_with_a_cell_at_xfd1048576_is_refused_at_once(
    tmp_path: Path,
) -> None:
    # openpyxl's max_row × max_column is 17 billion cells here; only the cells that exist
    # are read, and this one lies outside the bounds.
    path = workbook(tmp_path / "thua.xlsx", extra={"XFD1048576": "x"})
    assert path.stat().st_size < 10_000
    error = await refusal(path)
    assert error.status_code == 422
    assert "có dữ liệu ở ô XFD1048576, ngoài giới hạn 10.000 hàng × 100 cột" in error.message


async def test_a_huge_declared_dimension_over_a_small_sheet_is_read_as_it_is(
    tmp_path: Path,
) -> None:
    path = workbook(tmp_path / "khai-gian.xlsx")
    with zipfile.ZipFile(path) as source:
        xml = source.read("xl/worksheets/sheet1.xml")
    lied = xml.replace(b'<dimension ref="A1:D7"/>', b'<dimension ref="A1:XFD1048576"/>')
    assert lied != xml
    rezip(path, "xl/worksheets/sheet1.xml", lied)
    assert await read(path) == 3


async def test_a_sheet_over_the_row_limit_is_refused(tmp_path: Path) -> None:
    error = await refusal(workbook(tmp_path / "dai.xlsx", rows=40), Limits(rows=30))
    assert "ngoài giới hạn 30 hàng × 100 cột" in error.message


async def test_a_workbook_over_the_cell_limit_is_refused_before_openpyxl_reads_it(
    tmp_path: Path,
) -> None:
    error = await refusal(workbook(tmp_path / "o.xlsx", rows=40), Limits(cells=100))
    assert error.status_code == 422
    assert "tệp Excel có 167 ô; giới hạn là 100 ô" in error.message


# --------------------------------------------------------------------------- Word


async def test_a_word_cell_spanning_a_hundred_million_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rong.docx"
    document = word(path)
    cell = document.tables[0].rows[1].cells[0]
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "100000000")
    cell._tc.get_or_add_tcPr().append(span)
    document.save(path)
    error = await refusal(path)
    assert error.status_code == 422
    assert ", bảng 1, hàng 2: hàng rộng 100.000.003 cột; giới hạn là 100 cột" in error.message


async def test_tables_nested_deeper_than_the_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.docx"
    document = word(path)
    table = document.tables[0]
    for _ in range(LIMITS.table_depth):
        table = table.rows[0].cells[0].add_table(rows=1, cols=1)
    document.save(path)
    error = await refusal(path)
    assert "bảng lồng trong bảng quá 5 cấp; giới hạn là 5 cấp" in error.message


async def test_a_word_document_over_the_paragraph_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "doan.docx"
    word(path, paragraphs=120)
    error = await refusal(path, Limits(paragraphs=100))
    assert "văn bản có" in error.message
    assert "giới hạn là 100 đoạn" in error.message


async def test_a_word_table_over_the_row_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hang.docx"
    word(path, rows=40)
    error = await refusal(path, Limits(rows=30))
    assert ", bảng 1: bảng có 41 hàng; giới hạn là 30 hàng" in error.message


# --------------------------------------------------------------------------- YAML

BILLION_LAUGHS = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{b}: &{b} [*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a},*{a}]\n"
    for a, b in zip("abcdefgh", "bcdefghi", strict=True)
) + "tasks: [*i]\n"  # fmt: skip


async def test_a_yaml_billion_laughs_is_refused_before_anything_walks_it(tmp_path: Path) -> None:
    path = tmp_path / "cuoi.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    assert path.stat().st_size < 400  # 9^9 nodes once expanded
    error = await refusal(path)
    assert error.status_code == 422
    assert "YAML quá phức tạp" in error.message
    assert "giới hạn là 200.000" in error.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("x: &x 1\nl: [" + ", ".join(["*x"] * 150) + "]\n", "quá nhiều tham chiếu *alias"),
        ("l: &l [1, *l]\n", "vòng lại chính nó"),
        ("l: " + "[" * 150 + "]" * 150 + "\n", "YAML lồng quá sâu (hơn 100 cấp)"),
    ],
    ids=["too many aliases", "an alias of itself", "too deep"],
)
async def test_a_yaml_graph_past_a_bound_is_refused(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "do-thi.yaml"
    path.write_text(text, encoding="utf-8")
    assert words in (await refusal(path)).message


async def test_a_non_utf8_yaml_is_told_in_a_sentence_not_a_server_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"key: k\xea ho\xe1ch\n")  # Latin-1, as an old editor saves it
    error = await refusal(path)
    assert error.status_code == 422
    assert error.message == (
        f"{SHOWN}.yaml: tệp YAML không phải mã UTF-8 (byte 0xea ở vị trí 7); hãy lưu lại "
        "bằng mã UTF-8."
    )


async def test_a_yaml_error_names_the_upload_and_not_the_server_path(tmp_path: Path) -> None:
    path = tmp_path / "sai.yaml"
    path.write_text("key: [unclosed\n", encoding="utf-8")
    error = await refusal(path)
    assert error.message.startswith(f"{SHOWN}.yaml, dòng")
    error = await refusal(_yaml(tmp_path / "thieu.yaml", "title: Thiếu khóa\n"))
    assert error.message == f"{SHOWN}.yaml: thiếu trường 'key'."


def _yaml(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- trees and text


async def test_a_plan_over_the_task_limit_is_refused(tmp_path: Path) -> None:
    path = _text(tmp_path / "nhieu.txt", plan_text(30))
    error = await refusal(path, Limits(tasks=20))
    assert "kế hoạch có hơn 20 mục và nhiệm vụ; giới hạn là 20" in error.message


async def test_a_field_over_the_length_limit_is_refused(tmp_path: Path) -> None:
    path = _text(tmp_path / "truong.txt", plan_text(2, content="Rà soát " * 40))
    error = await refusal(path, Limits(field_chars=200))
    assert error.message.startswith(f"{SHOWN}.txt, dòng 7: một trường dài")
    assert "giới hạn là 200 ký tự" in error.message


async def test_a_text_over_the_line_limit_is_refused(tmp_path: Path) -> None:
    error = await refusal(_text(tmp_path / "dong.txt", plan_text(60)), Limits(paragraphs=50))
    assert "giới hạn là 50 dòng" in error.message


def _text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


async def test_the_same_files_within_the_limits_are_read(tmp_path: Path) -> None:
    assert await read(_text(tmp_path / "vua.txt", plan_text(30))) == 30
    assert await read(workbook(tmp_path / "vua.xlsx", rows=40)) == 40
    word(tmp_path / "vua.docx", rows=40, paragraphs=120)
    assert await read(tmp_path / "vua.docx") == 40


# --------------------------------------------------------------------------- time


async def test_a_reading_past_the_time_limit_is_stopped_and_answered(tmp_path: Path) -> None:
    tasks = "".join(f"  - content: Việc số {n} {'rà soát thủ tục ' * 20}\n" for n in range(3_000))
    path = _yaml(tmp_path / "cham.yaml", "key: cham\ntitle: Chậm\ntasks:\n" + tasks)
    error = await refusal(path, dataclasses.replace(LIMITS, seconds=0.05))
    assert error.status_code == 422
    assert "đọc tệp quá 0,05 giây nên đã dừng" in error.message


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("uploaded", "kept"),
    [
        ("Kế hoạch 96.docx", "Kế hoạch 96.docx"),
        ("..", "ke-hoach"),
        (".", "ke-hoach"),
        ("", "ke-hoach"),
        ("../../etc/passwd.yaml", "passwd.yaml"),
        ("C:\\Users\\cb\\ke hoach.xlsx", "ke hoach.xlsx"),
        ("..\\..\\.yaml", "ke-hoach.yaml"),
        ("ke\x00hoach\r\n\u202e.txt", "ke hoach.txt"),
        (".hidden.md", "hidden.md"),
        ("a" * 300 + ".docx", "a" * 115 + ".docx"),
    ],
)
def test_an_upload_name_is_made_safe(uploaded: str, kept: str) -> None:
    assert safe_name(uploaded) == kept
