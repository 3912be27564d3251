"""Importing beyond the plain case, through the API, the upload page and the command line on
a seeded database: a plan from a commune not in the unit tree (a preview reads it whole, a
write refuses naming why), PDF files (a text layer read, a scan refused), Word 97 files and CSV.

The tests of this module share one seeded database and write nothing to it. OpenDocument files (.odt, .ods) go through the API and the
command line, and the upload page offers every format the readers take.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from litestar.testing import AsyncTestClient

from tests.dump import dump
from tests.forms import post_form, sign_in, sign_out
from tests.integration.test_imports import DS_OFFICER, KA_OFFICER, NOW, ROWS, XLSX, workbook
from tests.plans.importers.odfs import cell, p, row, table, write_odf
from tests.plans.importers.pdfs import (
    locked_pdf,
    many_rows,
    national_plan_pdf,
    needs_font,
    scanned_pdf,
    table_plan_pdf,
)
from tests.plans.importers.test_sheet_plans import FOUND as SHEET_PLANS
from tests.plans.importers.test_sheet_plans import plans_workbook
from tracker.app import create_app
from tracker.cli import main
from tracker.config import Settings
from tracker.org.auth import set_password
from tracker.plans.importers.read import SUFFIXES
from tracker.plans.importers.word97 import soffice


@pytest.fixture(scope="module")
async def app_client(seeded: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    for email, password in (KA_OFFICER, DS_OFFICER):
        await set_password(email, password)
    app = create_app(seeded.with_changes(public_read=True), clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


async def _post(
    client: AsyncTestClient[Any], path: Path, auth: tuple[str, str] | None, **form: str
) -> Any:
    files = {"file": (path.name, path.read_bytes(), "application/octet-stream")}
    return await client.post("/api/imports", files=files, data=form, auth=auth)


# --------------------------------------------------------------------------- unknown commune


async def test_a_dry_run_reads_a_plan_of_an_unknown_commune_whole(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = workbook(tmp_path / "binh-yen.xlsx", "3/KH-UBND", ROWS, place="Bình Yên")
    before = await dump()
    response = await _post(app_client, path, KA_OFFICER, dry_run="true")
    assert response.status_code == 200
    summary = response.json()
    assert (summary["plan"], summary["unit"], summary["tasks"], summary["errors"]) == (
        "binh-yen-2026", None, 4, []
    )  # fmt: skip
    assert summary["written"] is False
    choose = summary["review"][0]
    assert (choose["field"], choose["text"]) == ("đơn vị ban hành", "Bình Yên")
    assert choose["reason"].startswith("Không xác định được đơn vị ban hành (Bình Yên)")
    # The timings are read as for any plan; no unit is called unknown before the commune is.
    assert [r["text"] for r in summary["review"] if r["field"] == "thời gian"] == [
        "Theo kế hoạch của tỉnh"
    ]
    assert [r for r in summary["review"] if r["field"] in ("chủ trì", "phối hợp")] == []
    assert await dump() == before


async def test_a_real_import_of_an_unknown_commune_is_refused_naming_why(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = workbook(tmp_path / "binh-yen.xlsx", "3/KH-UBND", ROWS, place="Bình Yên")
    before = await dump()
    response = await _post(app_client, path, KA_OFFICER, accept_review="true")
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error == (
        "binh-yen.xlsx: Không xác định được đơn vị ban hành (Bình Yên); hãy chọn đơn vị ban "
        "hành (tùy chọn --unit)."
    )
    assert response.json()["written"] is False
    assert await dump() == before
    # Chosen, the same file is an import of that commune's, for its officer only.
    other = await _post(
        app_client, path, DS_OFFICER, dry_run="true", unit="an-giang.cho-moi.kien-an"
    )
    assert other.status_code == 403
    chosen = await _post(
        app_client, path, KA_OFFICER, dry_run="true", unit="an-giang.cho-moi.kien-an"
    )
    assert chosen.status_code == 200
    assert (chosen.json()["unit"], chosen.json()["review"][0]["field"]) == (
        "an-giang.cho-moi.kien-an", "chủ trì"
    )  # fmt: skip


async def test_the_upload_page_previews_an_unknown_communes_plan_without_a_save_button(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = workbook(tmp_path / "binh-yen.xlsx", "3/KH-UBND", ROWS, place="Bình Yên")
    await sign_in(app_client, *KA_OFFICER)
    try:
        preview = await post_form(
            app_client, "/imports", files={"file": (path.name, path.read_bytes(), XLSX)},
            data={"unit": ""},
        )  # fmt: skip
    finally:
        await sign_out(app_client)
    assert preview.status_code == 200, preview.text[-3000:]
    text = preview.text
    assert "Chưa xác định: hãy chọn ở mục đầu tiên cần xem lại" in text
    assert "Chưa ghi được: chưa xác định đơn vị ban hành." in text
    assert "Ghi kế hoạch</button>" not in text
    # The upload is kept: the commune is chosen on the preview, among the officer's own.
    assert 'action="/imports/unit"' in text
    assert '<option value="an-giang.cho-moi.kien-an">' in text
    assert "hai-phong.dai-son" not in text
    # The units as the document names them, the first review row the commune to choose.
    assert "<dd>Văn phòng UBND xã</dd>" in text
    review = text.split("<tbody>")[1]
    assert review.index("đơn vị ban hành") < review.index("thời gian")


def test_the_command_line_previews_an_unknown_commune_and_refuses_to_write(
    seeded: Settings, tmp_path: Path
) -> None:
    runner = CliRunner()
    env = {
        "TRACKER_DATA_DIR": str(seeded.data_dir),
        "TRACKER_DATABASE_URL": seeded.effective_database_url,
    }
    path = workbook(tmp_path / "binh-yen.xlsx", "3/KH-UBND", ROWS, place="Bình Yên")
    preview = runner.invoke(main, ["import", str(path), "--dry-run"], env=env)
    assert preview.exit_code == 0, preview.output
    assert "Văn phòng UBND xã" in preview.output
    assert "đơn vị ban hành" in preview.output
    refused = runner.invoke(main, ["import", str(path), "--json", "--accept-review"], env=env)
    assert refused.exit_code == 1
    [error] = json.loads(refused.output)["errors"]
    assert "Không xác định được đơn vị ban hành (Bình Yên)" in error


# --------------------------------------------------------------------------- PDF and .doc


@needs_font
async def test_a_pdf_plan_is_previewed_through_the_api(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = table_plan_pdf(tmp_path / "ke-hoach.pdf")
    before = await dump()
    response = await _post(app_client, path, KA_OFFICER, dry_run="true", key="pdf-2026")
    assert response.status_code == 200, response.text
    summary = response.json()
    assert (summary["plan"], summary["unit"], summary["tasks"], summary["errors"]) == (
        "pdf-2026", "an-giang.cho-moi.kien-an", 3, []
    )  # fmt: skip
    assert summary["would_change"]["plan"] == "created"
    assert await dump() == before


@needs_font
def test_the_command_line_previews_a_pdf_as_provinces_publish_it(
    seeded: Settings, tmp_path: Path
) -> None:
    """The national header in two columns, prose on portrait pages, the task table ruled
    only between its rows on landscape pages, a row cut by a page break, running headers
    and page numbers: previewed whole; a PDF with a password and a truncated one refused
    in Vietnamese, nothing written."""
    env = {
        "TRACKER_DATA_DIR": str(seeded.data_dir),
        "TRACKER_DATABASE_URL": seeded.effective_database_url,
    }
    path = national_plan_pdf(
        tmp_path / "ke-hoach.pdf", rows=many_rows(24), ruling="horizontal", appendix=False,
        break_at=9, split_row=True,
    )  # fmt: skip
    runner = CliRunner()
    preview = runner.invoke(
        main, ["import", str(path), "--dry-run", "--json", "--key", "pdf-tinh"], env=env
    )
    assert preview.exit_code == 0, preview.output
    summary = json.loads(preview.output)
    assert (summary["unit"], summary["tasks"], summary["errors"], summary["written"]) == (
        "an-giang.cho-moi.kien-an", 24 + 1, [], False
    )  # fmt: skip
    [cut] = [item for item in summary["review"] if item["field"] == "ngắt trang"]
    assert cut["text"] == "thủ tục hành chính của xã Kiến An"
    whole = path.read_bytes()
    (tmp_path / "hong.pdf").write_bytes(whole[: len(whole) // 2])
    for broken, message in [
        (locked_pdf(tmp_path / "khoa.pdf"), "khoa.pdf: tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi tải lên lại."),
        (tmp_path / "hong.pdf", "hong.pdf: không phải tệp PDF hợp lệ."),
    ]:  # fmt: skip
        refused = runner.invoke(main, ["import", str(broken), "--json"], env=env)
        assert refused.exit_code == 1, refused.output
        summary = json.loads(refused.output)
        assert (summary["errors"], summary["written"]) == ([message], False)


async def test_a_scanned_pdf_and_a_doc_without_libreoffice_are_refused_with_a_422(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    scan = await _post(
        app_client, scanned_pdf(tmp_path / "ban-quet.pdf"), KA_OFFICER, dry_run="true"
    )
    assert scan.status_code == 422
    [error] = scan.json()["errors"]
    assert error.startswith("ban-quet.pdf: tệp PDF là bản quét")
    old = tmp_path / "cu.doc"
    old.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504)
    refused = await _post(app_client, old, KA_OFFICER, dry_run="true")
    assert refused.status_code == 422
    [error] = refused.json()["errors"]
    if soffice() is None:
        assert "Hãy mở bằng Word và lưu lại dạng .docx" in error
    else:  # LibreOffice finds no document in these bytes
        assert error.startswith("cu.doc: LibreOffice không chuyển được tệp .doc này")


# --------------------------------------------------------------------------- CSV


async def test_a_csv_plan_is_previewed_through_the_api(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    # Excel's "Save as CSV UTF-8": a byte-order mark, the head's rows, then the table.
    path = tmp_path / "ke-hoach.csv"
    path.write_bytes(
        "\ufeffUBND XÃ KIẾN AN,,,\r\n"
        "Số: 9/KH-UBND,,,\r\n"
        '"Kiến An, ngày 05 tháng 01 năm 2026",,,\r\n'
        "STT,Nội dung,Thời gian,Đơn vị chủ trì\r\n"
        '1,"Rà soát, công bố thủ tục",Quý II/2026,Văn phòng UBND xã\r\n'
        "2,Tổng kết,Trước ngày 15/12/2026,Văn phòng UBND xã\r\n".encode()
    )
    before = await dump()
    response = await _post(app_client, path, KA_OFFICER, dry_run="true", key="csv-2026")
    assert response.status_code == 200, response.text
    summary = response.json()
    assert (summary["plan"], summary["unit"], summary["tasks"], summary["errors"]) == (
        "csv-2026", "an-giang.cho-moi.kien-an", 2, []
    )  # fmt: skip
    assert summary["review"] == []
    assert summary["would_change"]["plan"] == "created"
    assert await dump() == before


# --------------------------------------------------------------------------- OpenDocument


def _opendocument_plan(path: Path) -> Path:
    """Kiến An's plan as LibreOffice saves it: as text with a table (.odt) or as a sheet."""
    head = ["UBND XÃ KIẾN AN", "Số: 11/KH-UBND", "Kiến An, ngày 05 tháng 01 năm 2026", "KẾ HOẠCH"]
    rows = [
        ("STT", "Nội dung", "Thời gian", "Đơn vị chủ trì"),
        ("1", "Rà soát, công bố thủ tục", "Quý II/2026", "Văn phòng UBND xã"),
        ("2", "Tổng kết", "Trước ngày 15/12/2026", "Văn phòng UBND xã"),
    ]
    if path.suffix == ".ods":
        lines = [row(cell(line)) for line in head]
        sheet = table("KH", *lines, *(row(*map(cell, r)) for r in rows), columns=4)
        return write_odf(path, sheet, kind="spreadsheet")
    body = "".join(map(p, head)) + table("Bảng1", *(row(*map(cell, r)) for r in rows), columns=4)
    return write_odf(path, body)


@pytest.mark.parametrize("suffix", [".odt", ".ods"])
async def test_an_opendocument_plan_is_previewed_through_the_api(
    app_client: AsyncTestClient[Any], tmp_path: Path, suffix: str
) -> None:
    path = _opendocument_plan(tmp_path / f"ke-hoach{suffix}")
    before = await dump()
    response = await _post(app_client, path, KA_OFFICER, dry_run="true", key="odf-2026")
    assert response.status_code == 200, response.text
    summary = response.json()
    assert (summary["plan"], summary["unit"], summary["tasks"], summary["errors"]) == (
        "odf-2026", "an-giang.cho-moi.kien-an", 2, []
    )  # fmt: skip
    assert summary["review"] == []
    assert summary["would_change"]["plan"] == "created"
    assert await dump() == before


async def test_an_encrypted_opendocument_file_is_refused_with_a_422(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = write_odf(tmp_path / "mat-khau.odt", p("KẾ HOẠCH"), encrypted=True)
    response = await _post(app_client, path, KA_OFFICER, dry_run="true")
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error.startswith("mat-khau.odt: tệp được bảo vệ bằng mật khẩu")


async def test_the_upload_page_offers_every_format_the_readers_take(
    app_client: AsyncTestClient[Any],
) -> None:
    await sign_in(app_client, *KA_OFFICER)
    try:
        page = await app_client.get("/imports")
    finally:
        await sign_out(app_client)
    assert page.status_code == 200
    accept = page.text.split('name="file" required accept="')[1].split('"')[0]
    assert set(accept.split(",")) == set(SUFFIXES)


def test_the_command_line_imports_an_opendocument_plan(seeded: Settings, tmp_path: Path) -> None:
    env = {
        "TRACKER_DATA_DIR": str(seeded.data_dir),
        "TRACKER_DATABASE_URL": seeded.effective_database_url,
    }
    path = _opendocument_plan(tmp_path / "ke-hoach.ods")
    preview = CliRunner().invoke(main, ["import", str(path), "--dry-run", "--json"], env=env)
    assert preview.exit_code == 0, preview.output
    summary = json.loads(preview.output)
    assert (summary["tasks"], summary["errors"], summary["written"]) == (2, [], False)


# --------------------------------------------------------------------------- a plan a sheet


def test_the_command_line_lists_a_workbooks_plans_and_imports_only_the_chosen_sheet(
    seeded: Settings, tmp_path: Path
) -> None:
    env = {
        "TRACKER_DATA_DIR": str(seeded.data_dir),
        "TRACKER_DATABASE_URL": seeded.effective_database_url,
    }
    runner = CliRunner()
    path = plans_workbook(tmp_path / "hai-ke-hoach.xlsx")
    preview = runner.invoke(main, ["import", str(path), "--dry-run"], env=env)
    assert preview.exit_code == 0, preview.output
    for words in ("PCTT", "31/KH-UBND", "ATGT", "32/KH-UBND", "--sheet"):
        assert words in preview.output
    assert "Nếu ghi" not in preview.output  # nothing to rehearse before a sheet is chosen
    listed = runner.invoke(main, ["import", str(path), "--dry-run", "--json"], env=env)
    assert json.loads(listed.output)["sheets"] == SHEET_PLANS
    # A write without a choice refuses, naming the sheets; nothing is written.
    refused = runner.invoke(main, ["import", str(path), "--json", "--key", "hai-2026"], env=env)
    assert refused.exit_code == 1
    [error] = json.loads(refused.output)["errors"]
    assert error.startswith("hai-ke-hoach.xlsx: tệp có 2 trang tính là các kế hoạch riêng: 'PCTT'")
    assert "--sheet TÊN" in error
    chosen = runner.invoke(
        main, ["import", str(path), "--dry-run", "--json", "--sheet", "ATGT"], env=env
    )
    assert chosen.exit_code == 0, chosen.output
    summary = json.loads(chosen.output)
    assert (summary["tasks"], summary["sheets"], summary["errors"]) == (2, [], [])
    assert summary["would_change"]["plan"] == "created"
    missing = runner.invoke(main, ["import", str(path), "--dry-run", "--sheet", "Trang 9"], env=env)
    assert missing.exit_code == 1
    assert "không có trang tính 'Trang 9'" in missing.output


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
async def test_the_api_refuses_a_workbook_of_plans_until_a_sheet_is_chosen(
    app_client: AsyncTestClient[Any], tmp_path: Path, suffix: str
) -> None:
    path = plans_workbook(tmp_path / f"hai-ke-hoach{suffix}")
    before = await dump()
    listed = await _post(app_client, path, KA_OFFICER, dry_run="true")
    assert listed.status_code == 200, listed.text
    assert listed.json()["sheets"] == SHEET_PLANS
    refused = await _post(app_client, path, KA_OFFICER, key="hai-2026")
    assert refused.status_code == 422
    assert "trang tính là các kế hoạch riêng" in refused.json()["error"]
    chosen = await _post(app_client, path, KA_OFFICER, dry_run="true", sheet="PCTT")
    assert chosen.status_code == 200, chosen.text
    assert (chosen.json()["tasks"], chosen.json()["sheets"]) == (3, [])
    assert await dump() == before


async def test_the_upload_page_lists_a_workbooks_plans_and_previews_the_chosen_sheet(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = plans_workbook(tmp_path / "hai-ke-hoach.xlsx")
    before = await dump()
    await sign_in(app_client, *KA_OFFICER)
    try:
        preview = await post_form(
            app_client, "/imports", files={"file": (path.name, path.read_bytes(), XLSX)},
            data={"unit": "", "key": "atgt-2026"},
        )  # fmt: skip
        assert preview.status_code == 200, preview.text[-3000:]
        text = preview.text
        assert "Các kế hoạch trong tệp (2 trang tính)" in text
        assert 'action="/imports/sheet"' in text
        assert 'name="sheet" value="ATGT"' in text
        assert "32/KH-UBND" in text
        assert "Bảo đảm trật tự an toàn giao thông năm 2026" in text
        assert "Ghi kế hoạch</button>" not in text  # a plan a sheet: choose first
        token = text.split('name="token" value="')[1].split('"')[0]
        form = {"token": token, "unit": "", "year": "", "create_units": "", "key": "atgt-2026"}
        chosen = await post_form(app_client, "/imports/sheet", data={**form, "sheet": "ATGT"})
        assert chosen.status_code == 200, chosen.text[-3000:]
        assert "Các kế hoạch trong tệp" not in chosen.text
        assert "<dt>Trang tính</dt><dd>ATGT</dd>" in chosen.text
        assert "Ghi kế hoạch</button>" in chosen.text
        assert '<input type="hidden" name="sheet" value="ATGT">' in chosen.text
        assert "Ra quân tuyên truyền" in chosen.text
        assert "Diễn tập sơ tán dân" not in chosen.text
        unchosen = await post_form(app_client, "/imports/sheet", data=form)
        assert unchosen.status_code == 400
    finally:
        await sign_out(app_client)
    assert await dump() == before


def _token(text: str) -> str:
    return text.split('name="token" value="')[1].split('"')[0]


async def test_choosing_the_commune_on_the_preview_rereads_the_same_upload(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = workbook(tmp_path / "binh-yen.xlsx", "4/KH-UBND", ROWS, place="Bình Yên")
    before = await dump()
    await sign_in(app_client, *KA_OFFICER)
    try:
        preview = await post_form(
            app_client, "/imports", files={"file": (path.name, path.read_bytes(), XLSX)},
            data={"unit": "", "key": "binh-yen-chon-xa"},
        )  # fmt: skip
        token = _token(preview.text)
        form = {"token": token, "year": "", "create_units": "", "key": "binh-yen-chon-xa"}
        # No commune chosen, or one outside the officer's scope: refused, the upload kept.
        assert (await post_form(app_client, "/imports/unit", data=form)).status_code == 400
        other = await post_form(
            app_client, "/imports/unit", data={**form, "unit": "hai-phong.dai-son"}
        )
        assert other.status_code == 403
        assert "4/KH-UBND" not in other.text
        chosen = await post_form(
            app_client, "/imports/unit", data={**form, "unit": "an-giang.cho-moi.kien-an"}
        )
        assert chosen.status_code == 200, chosen.text[-3000:]
        assert "Nếu ghi: Kế hoạch mới 4/KH-UBND" in chosen.text
        assert "Ghi kế hoạch</button>" in chosen.text
        assert _token(chosen.text) == token
        assert 'name="unit" value="an-giang.cho-moi.kien-an"' in chosen.text
        assert "Chưa ghi được" not in chosen.text
    finally:
        await sign_out(app_client)
    # Another commune's officer never reaches the stored upload, whatever commune named.
    await sign_in(app_client, *DS_OFFICER)
    try:
        for unit in ("hai-phong.dai-son", "an-giang.cho-moi.kien-an"):
            stranger = await post_form(app_client, "/imports/unit", data={**form, "unit": unit})
            assert stranger.status_code in (403, 404)
            assert "4/KH-UBND" not in stranger.text
        stranger = await post_form(
            app_client, "/imports/confirm", data={**form, "unit": "hai-phong.dai-son"}
        )
        assert stranger.status_code == 404
    finally:
        await sign_out(app_client)
    assert await dump() == before


async def test_a_workbook_of_an_unknown_communes_plans_chooses_commune_and_sheet_at_once(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = tmp_path / "binh-yen-hai-ke-hoach.xlsx"
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, number in (("PCTT", "41/KH-UBND"), ("ATGT", "42/KH-UBND")):
        sheet = book.create_sheet(name)
        for line in (f"Số: {number}", "Bình Yên, ngày 10 tháng 02 năm 2026", "KẾ HOẠCH",
                     f"Kế hoạch {name} năm 2026"):  # fmt: skip
            sheet.append([line])
        sheet.append(["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì"])
        sheet.append(["1", f"Việc đầu của {name}", "Trong tháng 3/2026", "Văn phòng UBND xã"])
    book.save(path)
    before = await dump()
    await sign_in(app_client, *KA_OFFICER)
    try:
        preview = await post_form(
            app_client, "/imports", files={"file": (path.name, path.read_bytes(), XLSX)},
            data={"unit": "", "key": "binh-yen-hai-trang"},
        )  # fmt: skip
        text = preview.text
        assert preview.status_code == 200, text[-3000:]
        # One form: the commune to choose and the sheets to choose from, the upload kept.
        assert 'action="/imports/unit"' in text
        assert 'action="/imports/sheet"' not in text
        assert 'name="sheet" value="ATGT"' in text
        assert '<option value="an-giang.cho-moi.kien-an">' in text
        form = {"token": _token(text), "year": "", "create_units": "",
                "key": "binh-yen-hai-trang", "unit": "an-giang.cho-moi.kien-an"}  # fmt: skip
        chosen = await post_form(app_client, "/imports/unit", data={**form, "sheet": "ATGT"})
        assert chosen.status_code == 200, chosen.text[-3000:]
        assert "<dt>Trang tính</dt><dd>ATGT</dd>" in chosen.text
        assert "Việc đầu của ATGT" in chosen.text
        assert "Việc đầu của PCTT" not in chosen.text
        assert "Ghi kế hoạch</button>" in chosen.text
    finally:
        await sign_out(app_client)
    assert await dump() == before
