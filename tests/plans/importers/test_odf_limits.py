"""Hostile and broken OpenDocument files, each made here with zipfile and read as the server
reads an upload (in a worker process, :func:`~tracker.plans.importers.sandbox.parse_isolated`):
repeat counts that would make billions of cells, a zip bomb, entity declarations (the
"billion laughs", an external entity, in a zip or a flat XML file), a password, a
truncated zip, no content.xml. Each is refused with a sentence naming the uploaded file,
or read within the limits."""

from __future__ import annotations

import dataclasses
import random
import re
import zipfile
from pathlib import Path

import pytest

from tests.plans.importers.odfs import cell, content_xml, covered, p, row, table, write_odf
from tests.plans.importers.test_limits import SHOWN, UNITS, refusal
from tests.plans.importers.test_limits import read as read_isolated
from tracker.plans.importers.base import DocumentError
from tracker.plans.importers.limits import LIMITS
from tracker.plans.importers.read import read_document

HEAD = [p("UBND XÃ THỬ"), p("Số: 4/KH-UBND"), p("Thử, ngày 05 tháng 01 năm 2026"), p("KẾ HOẠCH")]


def _task_rows(count: int = 3) -> list[str]:
    header = row(*(cell(t) for t in ("STT", "Nội dung", "Thời gian", "Chủ trì")))
    tasks = [
        row(cell(str(n)), cell(f"Việc {n}"), cell("Quý I/2026"), cell("UBND xã"))
        for n in range(1, count + 1)
    ]
    return [header, *tasks]


def text_plan(path: Path, *extra_rows: str) -> Path:
    body = "".join(HEAD) + table("Bảng1", *_task_rows(), *extra_rows, columns=4)
    return write_odf(path, body)


def sheet_plan(path: Path, *extra_rows: str) -> Path:
    rows = [
        row(cell(line)) for line in ("Số: 5/KH-UBND", "Thử, ngày 05 tháng 01 năm 2026", "KẾ HOẠCH")
    ]
    return write_odf(
        path, table("KH", *rows, *_task_rows(), *extra_rows, columns=4), kind="spreadsheet"
    )


# --------------------------------------------------------------------------- within limits


async def test_the_plans_within_the_limits_are_read_in_a_worker(tmp_path: Path) -> None:
    assert await read_isolated(text_plan(tmp_path / "ke-hoach.odt")) == 3
    # Calc's million empty rows of a thousand empty cells after the data cost nothing.
    tail = row(cell(number_columns_repeated=16_384), repeated=1_048_000)
    assert await read_isolated(sheet_plan(tmp_path / "ke-hoach.ods", tail)) == 3


# --------------------------------------------------------------------------- repeats


async def test_a_cell_repeated_sixteen_thousand_times_is_refused_before_any_copy(
    tmp_path: Path,
) -> None:
    wide = row(cell("x", number_columns_repeated=16_384))
    error = await refusal(sheet_plan(tmp_path / "rong.ods", wide))
    assert error.status_code == 422
    assert "có dữ liệu ở ô XFD8, ngoài giới hạn 10.000 hàng × 100 cột" in error.message


async def test_a_row_repeated_a_million_times_is_refused_before_any_copy(tmp_path: Path) -> None:
    long = row(cell("1"), cell("Việc lặp"), repeated=1_000_000)
    error = await refusal(sheet_plan(tmp_path / "dai.ods", long))
    assert error.status_code == 422
    assert "có dữ liệu ở ô A1.000.007" not in error.message  # a cell reference, no figure
    assert "có dữ liệu ở ô A1000007, ngoài giới hạn 10.000 hàng × 100 cột" in error.message


async def test_repeats_within_the_bounds_past_the_cell_limit_are_refused(tmp_path: Path) -> None:
    block = row(cell("x", number_columns_repeated=100), repeated=5_000)
    error = await refusal(sheet_plan(tmp_path / "o.ods", block))
    assert error.status_code == 422
    assert "giới hạn là 300.000 ô" in error.message


async def test_a_writer_table_row_declaring_a_hundred_million_columns_is_refused(
    tmp_path: Path,
) -> None:
    wide = row(cell("x", number_columns_repeated=100_000_000))
    error = await refusal(text_plan(tmp_path / "rong.odt", wide))
    assert error.status_code == 422
    assert "bảng 1, hàng 5: hàng rộng 100.000.000 cột; giới hạn là 100 cột" in error.message


async def test_a_writer_table_repeating_a_row_past_the_row_limit_is_refused(
    tmp_path: Path,
) -> None:
    long = row(cell("1"), cell("Việc"), repeated=1_000_000_000)
    error = await refusal(text_plan(tmp_path / "dai.odt", long))
    assert "bảng 1: bảng có 1.000.000.004 hàng; giới hạn là 10.000 hàng" in error.message


async def test_a_cell_merged_down_a_billion_rows_costs_nothing(tmp_path: Path) -> None:
    tall = row(cell("4"), cell("Việc 4"), cell("Quý II/2026"),
               cell("UBND xã", number_rows_spanned=1_000_000_000))  # fmt: skip
    below = row(cell("5"), cell("Việc 5"), cell("Quý III/2026"), covered())
    assert await read_isolated(text_plan(tmp_path / "gop.odt", tall, below)) == 5


# --------------------------------------------------------------------------- XML


async def test_a_billion_laughs_is_refused_before_any_entity_is_expanded(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    content = content_xml(p("&lol9;"), "text").replace(
        "<office:document-content", f"<!DOCTYPE office:document-content [{entities}]>"
        "<office:document-content", 1,
    )  # fmt: skip
    error = await refusal(write_odf(tmp_path / "cuoi.odt", "", content=content))
    assert error.status_code == 422
    assert "phần content.xml: có khai báo DOCTYPE/ENTITY" in error.message


async def test_an_external_entity_is_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("MẬT KHẨU", encoding="utf-8")
    content = content_xml(p("&xxe;"), "text").replace(
        "<office:document-content",
        f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]><office:document-content', 1,
    )  # fmt: skip
    error = await refusal(write_odf(tmp_path / "xxe.odt", "", content=content))
    assert "có khai báo DOCTYPE/ENTITY" in error.message
    assert "MẬT KHẨU" not in error.message


async def test_elements_nested_past_the_xml_depth_are_refused(tmp_path: Path) -> None:
    deep = "<text:p>" + "<text:span>" * 5_000 + "sâu" + "</text:span>" * 5_000 + "</text:p>"
    error = await refusal(write_odf(tmp_path / "sau.odt", "".join(HEAD) + deep))
    assert "lồng nhau quá 200 cấp" in error.message


async def test_tables_nested_deeper_than_the_limit_are_refused(tmp_path: Path) -> None:
    nested = "x"
    for _ in range(8):
        nested = table("T", row(f"<table:table-cell>{nested}</table:table-cell>"))
    error = await refusal(write_odf(tmp_path / "long.odt", "".join(HEAD) + nested))
    assert "bảng lồng trong bảng quá 5 cấp" in error.message


async def test_a_document_over_the_element_limit_is_refused_as_it_is_parsed(
    tmp_path: Path,
) -> None:
    many = "<text:p>" + "<text:span>x</text:span>" * 2_000 + "</text:p>"
    path = write_odf(tmp_path / "nhieu.odt", "".join(HEAD) + many)
    error = await refusal(path, dataclasses.replace(LIMITS, xml_elements=1_000))
    assert "có hơn 1.000 phần tử XML; giới hạn là 1.000" in error.message


@pytest.mark.parametrize(
    "content",
    [
        b"<office:document-content><oops",
        b'<?xml version="1.0" encoding="UTF-99"?><office:document-content/>',
    ],
)
async def test_a_part_that_is_not_xml_is_told_in_a_sentence(tmp_path: Path, content: bytes) -> None:
    path = write_odf(tmp_path / "hong.odt", "", content=content)
    error = await refusal(path)
    assert "phần content.xml: không phải XML hợp lệ" in error.message


# --------------------------------------------------------------------------- the package


async def test_a_zip_bomb_in_content_xml_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    padded = content_xml(" " * 60_000_000 + "".join(HEAD), "text")
    path = write_odf(tmp_path / "bom.odt", "", content=padded)
    assert path.stat().st_size < 200_000
    error = await refusal(path)
    assert error.status_code == 413
    assert "phần 'content.xml' nén bất thường" in error.message


async def test_a_document_saved_with_a_password_is_refused_saying_how_to_save_it(
    tmp_path: Path,
) -> None:
    path = write_odf(tmp_path / "mat-khau.odt", "".join(HEAD), encrypted=True)
    error = await refusal(path)
    assert "tệp được bảo vệ bằng mật khẩu" in error.message
    assert "lưu lại không đặt mật khẩu" in error.message


async def test_a_truncated_zip_is_refused(tmp_path: Path) -> None:
    path = text_plan(tmp_path / "cut.odt")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    error = await refusal(path)
    assert "không phải tệp OpenDocument (.odt) hợp lệ" in error.message


async def test_a_zip_with_a_corrupt_content_part_is_refused(tmp_path: Path) -> None:
    path = text_plan(tmp_path / "crc.odt")
    with zipfile.ZipFile(path) as archive:
        offset = archive.getinfo("content.xml").header_offset
    data = bytearray(path.read_bytes())
    for at in range(offset + 80, offset + 120):
        data[at] ^= 0xFF
    path.write_bytes(bytes(data))
    error = await refusal(path)
    assert "bị hỏng" in error.message or "không phải XML hợp lệ" in error.message


async def test_a_flat_xml_file_is_parsed_as_safely_as_a_zipped_part(tmp_path: Path) -> None:
    path = tmp_path / "phang.fodt"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE office:document [<!ENTITY a "aaaaaaaaaa">]>'
        f"{content_xml(p('&a;'))}".replace("document-content", "document"),
        encoding="utf-8",
    )
    error = await refusal(path)
    assert error.message == (
        f"{SHOWN}.fodt: có khai báo DOCTYPE/ENTITY, điều tệp OpenDocument không có; tệp bị "
        "từ chối vì lý do an toàn."
    )
    other = tmp_path / "khac.fods"
    other.write_text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')
    error = await refusal(other)
    assert "không phải tệp OpenDocument (.ods) hợp lệ" in error.message


async def test_a_zip_without_content_xml_is_refused(tmp_path: Path) -> None:
    path = write_odf(tmp_path / "thieu.ods", "", kind="spreadsheet", leave_out=("content.xml",))
    error = await refusal(path)
    assert "thiếu phần content.xml" in error.message


async def test_a_presentation_is_refused_as_neither_text_nor_sheets(tmp_path: Path) -> None:
    path = write_odf(tmp_path / "trinh-chieu.odt", "", content=content_xml("", "presentation"))
    error = await refusal(path)
    assert "không phải văn bản (.odt) hay bảng tính (.ods)" in error.message


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 not a zip", bytes(range(256)) * 8])
async def test_bytes_that_are_no_zip_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "rac.ods"
    path.write_bytes(data)
    error = await refusal(path)
    assert "không phải tệp OpenDocument (.ods) hợp lệ" in error.message


async def test_a_sheets_cells_are_bounded_as_cells_and_a_texts_paragraphs_as_paragraphs(
    tmp_path: Path,
) -> None:
    # Every cell of a sheet holds a paragraph: 1,200 cells pass a bound of 1,000
    # paragraphs, and the same table in a text document does not.
    limits = dataclasses.replace(LIMITS, paragraphs=1_000)
    rows = [row(cell(str(n)), cell(f"Việc {n}"), cell("Quý I/2026"), cell("UBND xã"))
            for n in range(4, 304)]  # fmt: skip
    assert await read_isolated(sheet_plan(tmp_path / "dai.ods", *rows), limits) == 303
    error = await refusal(text_plan(tmp_path / "dai.odt", *rows), limits)
    assert "văn bản có hơn 1.000 đoạn; giới hạn là 1.000 đoạn" in error.message


@pytest.mark.parametrize("suffix", [".odt", ".ods"])
def test_mangled_content_is_read_or_refused_in_a_sentence_never_a_traceback(
    tmp_path: Path, suffix: str
) -> None:
    # Read in this process, where no worker's catch-all would hide an exception: bytes cut,
    # changed and inserted, attribute values swapped for nonsense.
    make = text_plan if suffix == ".odt" else sheet_plan
    with zipfile.ZipFile(make(tmp_path / f"goc{suffix}")) as archive:
        original = archive.read("content.xml")
    rng = random.Random(2026)
    refusals: list[str] = []
    read = 0
    for n in range(150):
        data = bytes(original)
        if n % 2:
            data = re.sub(rb'="[^"]*"', lambda m: _nonsense(rng, m.group(0)), data)
        mangled = bytearray(data)
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(mangled))
            if rng.random() < 0.5:
                mangled[at : at + rng.randint(1, 20)] = rng.choice(INSERTS)
            else:
                mangled[at] = rng.randrange(256)
        kind = "text" if suffix == ".odt" else "spreadsheet"
        path = write_odf(tmp_path / f"hong-{n}{suffix}", "", content=bytes(mangled), kind=kind)
        try:
            read_document(path, UNITS)
            read += 1
        except DocumentError as error:
            refusals.append(error.message)
    assert read > 0
    assert refusals
    assert all(message.startswith("hong-") for message in refusals)


NONSENSE = [b"0", b"-7", b"abc", b"", b"99999999999999999999", b"date", b"float", b"true"]
INSERTS = [b'"', b"<", b">", b"&", b"<table:covered-table-cell/>", b"</table:table-row>"]


def _nonsense(rng: random.Random, attribute: bytes) -> bytes:
    """An attribute's value, or (three times in ten) nonsense in its place."""
    return b'="' + rng.choice(NONSENSE) + b'"' if rng.random() < 0.3 else attribute
