""" "Việc của tôi" and evidence files through the app: a member lands on their own work,
marks an overdue item done from its row with a PDF, and sees it done; the file is served
only to those who may see the work; files that are not what they claim are refused and
nothing is recorded."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from litestar.testing import AsyncTestClient
from openpyxl import Workbook

from tests.conftest import TZ
from tests.forms import form_token, sign_in
from tracker.app import create_app
from tracker.config import Settings
from tracker.deadlines.evidence import EVIDENCE_FILE_BYTES, check_files, evidence_path, sniff
from tracker.deadlines.tables import EvidenceFile
from tracker.errors import ValidationError
from tracker.org.auth import set_password

NOW = dt.datetime(2026, 6, 30, 17, 0, tzinfo=TZ)
PASSWORD = "mat-khau-viec-cua-toi"
MEMBER = "tuan.lm@daison.example.vn"  # Trưởng phòng Kinh tế, Đại Sơn
KIEN_AN = "lan.ttn@kienan.example.vn"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes() -> bytes:
    document = Document()
    document.add_paragraph("Báo cáo kết quả")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    book = Workbook()
    book.active.append(["STT", "Nội dung"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "không phải văn bản Office")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (PDF, "bao-cao.pdf", "application/pdf"),
        (PDF, "bao-cao.exe", "application/pdf"),  # the content decides, not the name
        (PNG, "anh.png", "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 16, "anh.jpg", "image/jpeg"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "anh.webp", "image/webp"),
        (docx_bytes(), "bao-cao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (xlsx_bytes(), "bieu.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, "cu.doc", "application/msword"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, "cu.msi", None),
        (plain_zip(), "nen.zip", None),
        (b"MZ\x90\x00", "bao-cao.pdf", None),  # a program named like a PDF
        (b"<html><script>alert(1)</script>", "trang.html", None),
    ],
)  # fmt: skip
def test_files_are_known_by_their_content(data: bytes, name: str, kind: str | None) -> None:
    found = sniff(data, name)
    assert (found[0] if found else None) == kind


def test_a_pdf_named_otherwise_keeps_its_name_and_gains_its_extension() -> None:
    [checked] = check_files([("..\\..\\bao-cao.exe", PDF)])
    assert checked.name == "bao-cao.exe.pdf"
    with pytest.raises(ValidationError, match="quá-lớn"):
        check_files([("quá-lớn.pdf", PDF + b"0" * EVIDENCE_FILE_BYTES)])
    with pytest.raises(ValidationError, match="rỗng"):
        check_files([("trong.pdf", b"")])
    assert check_files([("", b"")]) == []  # a file field left empty


@pytest.fixture
async def client(seeded_rw: Settings) -> Any:
    for email in (MEMBER, KIEN_AN):
        await set_password(email, PASSWORD)
    app = create_app(seeded_rw, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


def first_row_to_complete(html: str) -> int:
    """The first overdue row that carries a "Ghi hoàn thành" form."""
    section = html.split('id="qua-han"')[1].split('id="tuan-nay"')[0]
    marker = 'action="/occurrences/'
    start = section.index(marker) + len(marker)
    return int(section[start : section.index("/complete", start)])


async def test_a_member_marks_overdue_work_done_with_a_pdf(client: AsyncTestClient[Any]) -> None:
    landed = await sign_in(client, MEMBER, PASSWORD, follow_redirects=False)
    assert landed.headers["location"] == "/me"
    page = await client.get("/me")
    assert page.status_code == 200
    for heading in ("Quá hạn", "Đến hạn trong tuần này", "30 ngày tới", "Mới hoàn thành"):
        assert heading in page.text
    item = first_row_to_complete(page.text)
    done = await client.post(
        f"/occurrences/{item}/complete",
        data={"evidence": "Đã gửi báo cáo số 12/BC-UBND", "next": "/me", "csrf_token": await form_token(client, "/me")},
        files=[("files", ("bao-cao.pdf", PDF, "application/pdf"))],
        follow_redirects=False,
    )  # fmt: skip
    assert done.status_code in (302, 303), done.text
    assert done.headers["location"] == "/me"
    after = (await client.get("/me")).text
    recent = after.split('id="da-xong"')[1]
    assert f'href="/occurrences/{item}"' in recent
    assert "Hoàn thành quá hạn" in recent
    detail = (await client.get(f"/occurrences/{item}")).text
    assert "bao-cao.pdf" in detail
    assert "Đã gửi báo cáo số 12/BC-UBND" in detail
    file_id = int(detail.split(f"/occurrences/{item}/files/")[1].split('"')[0])
    served = await client.get(f"/occurrences/{item}/files/{file_id}")
    assert served.status_code == 200
    assert served.content == PDF
    assert served.headers["content-type"].startswith("application/pdf")
    assert served.headers["x-content-type-options"] == "nosniff"
    # Somebody of another commune learns nothing of it.
    await sign_in(client, KIEN_AN, PASSWORD)
    hidden = await client.get(f"/occurrences/{item}/files/{file_id}")
    assert hidden.status_code == 404


async def test_a_file_that_is_not_what_it_claims_records_nothing(
    client: AsyncTestClient[Any],
) -> None:
    await sign_in(client, MEMBER, PASSWORD)
    item = first_row_to_complete((await client.get("/me")).text)
    refused = await client.post(
        f"/occurrences/{item}/complete",
        data={"evidence": "Kèm tệp", "csrf_token": await form_token(client, "/me")},
        files=[("files", ("bao-cao.pdf", b"MZ\x90\x00 a program", "application/pdf"))],
    )
    assert refused.status_code == 422
    assert "bao-cao.pdf" in refused.text
    assert "Kèm tệp" in refused.text  # what was typed is still there
    detail = (await client.get(f"/occurrences/{item}")).text
    assert "Đánh dấu hoàn thành" in detail  # still open
    # Files alone are evidence enough.
    done = await client.post(
        f"/occurrences/{item}/complete",
        data={"csrf_token": await form_token(client, "/me")},
        files=[("files", ("anh-hop.png", PNG, "image/png"))],
        follow_redirects=False,
    )
    assert done.status_code in (302, 303), done.text
    assert "Tệp minh chứng: anh-hop.png" in (await client.get(f"/occurrences/{item}")).text


async def test_a_deadline_links_to_its_task_plan_and_units_wherever_it_is_listed(
    client: AsyncTestClient[Any],
) -> None:
    """From a row of "Việc của tôi" to the deadline, and from the deadline to its task in
    the plan, the plan, and the units that lead and coordinate it; each link opens."""
    await sign_in(client, MEMBER, PASSWORD)
    page = (await client.get("/me")).text
    item = first_row_to_complete(page)
    row = page.split(f'href="/occurrences/{item}"')[1].split("</li>")[0]
    plan_key = row.split('href="/plans/')[1].split('"')[0]
    assert f'href="/plans/{plan_key}#nv-' in row  # the row names its task too
    detail = (await client.get(f"/occurrences/{item}")).text
    crumbs = detail.split('class="crumbs"')[1].split("</p>")[0]
    task_anchor = crumbs.split(f'href="/plans/{plan_key}#nv-')[1].split('"')[0]
    plan = (await client.get(f"/plans/{plan_key}")).text
    assert f'id="nv-{task_anchor}"' in plan
    header = detail.split('<dl class="header">')[1].split("</dl>")[0]
    assert "<dt>Chủ trì</dt>" in header
    units = [part.split('"')[0] for part in header.split('href="/units/')[1:]]
    assert units, header
    for code in units:
        assert (await client.get(f"/units/{code}")).status_code == 200, code


async def test_a_file_given_on_one_web_host_is_served_by_another(
    seeded_rw: Settings, tmp_path: Path
) -> None:
    """Scale-out: two web hosts, each with its own data directory, one database. A file
    given through the first is served by the second, byte for byte (its content is in the
    database, not on the first host's disk); a file kept on disk before is still served."""
    for email in (MEMBER, KIEN_AN):
        await set_password(email, PASSWORD)
    first = create_app(seeded_rw, clock=lambda: NOW, bind_database=False)
    other = seeded_rw.with_changes(data_dir=tmp_path / "other-host")
    second = create_app(other, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=first) as one, AsyncTestClient(app=second) as two:
        await sign_in(one, MEMBER, PASSWORD)
        item = first_row_to_complete((await one.get("/me")).text)
        done = await one.post(
            f"/occurrences/{item}/complete",
            data={"evidence": "Kèm biên bản", "csrf_token": await form_token(one, "/me")},
            files=[("files", ("bien-ban.pdf", PDF, "application/pdf"))],
            follow_redirects=False,
        )
        assert done.status_code in (302, 303), done.text
        [row] = await EvidenceFile.select().where(EvidenceFile.occurrence == item)
        assert not (seeded_rw.data_dir / "evidence").exists()  # nothing on the host's disk
        await sign_in(two, MEMBER, PASSWORD)
        served = await two.get(f"/occurrences/{item}/files/{row['id']}")
        assert served.status_code == 200
        assert served.content == PDF
        assert served.headers["content-disposition"] == "inline; filename*=UTF-8''bien-ban.pdf"
        # A file kept on the first host's disk by an earlier version, with no content row:
        # that host still serves it; the other says plainly that it is not there.
        old = b"%PDF-1.4\n% an older file\n%%EOF\n"
        digest = hashlib.sha256(old).hexdigest()
        path = evidence_path(seeded_rw.data_dir, digest)
        path.parent.mkdir(parents=True)
        path.write_bytes(old)
        kept = await EvidenceFile.insert(
            EvidenceFile(
                occurrence=item, sha256=digest, name="cu.pdf", content_type="application/pdf",
                size=len(old), uploaded_at=NOW,
            )
        ).returning(EvidenceFile.id)  # fmt: skip
        await sign_in(one, MEMBER, PASSWORD)
        assert (await one.get(f"/occurrences/{item}/files/{kept[0]['id']}")).content == old
        missing = await two.get(f"/occurrences/{item}/files/{kept[0]['id']}")
        assert missing.status_code == 404
        assert "cu.pdf" in missing.text
