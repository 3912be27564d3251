"""Importing plans through the API, the upload page and the command line, on a seeded
database: previews write nothing, writes need an officer of the plan's unit, broken
documents change nothing, and re-importing a revised plan keeps recorded progress.

The tests of this module share one seeded database; each writes only plans of its own key.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.dump import dump
from tests.forms import post_form, sign_in, sign_out
from tests.plans.importers.test_sheet_plans import plans_workbook
from tracker.app import create_app
from tracker.cli import main
from tracker.config import Settings
from tracker.deadlines.tables import Occurrence
from tracker.org.auth import set_password
from tracker.plans.tables import Plan, Task

NOW = dt.datetime(2026, 1, 20, 9, 0, tzinfo=TZ)
KA_OFFICER = ("lan.ttn@kienan.example.vn", "mat-khau-kien-an")
KA_MEMBER = ("ha.ntt@kienan.example.vn", "mat-khau-thanh-vien")
DS_OFFICER = ("hoa.tt@daison.example.vn", "mat-khau-dai-son")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(path: Path, number: str, rows: list[list[str]], *, place: str = "Kiến An") -> Path:
    """A plan sheet as an officer keeps it: title rows, then the header on row 5."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kế hoạch"
    sheet.append([f"Số: {number}"])
    sheet.append([f"{place}, ngày 05 tháng 01 năm 2026"])
    sheet.append(["KẾ HOẠCH"])
    sheet.append(["Thử nghiệm nhập kế hoạch năm 2026"])
    sheet.append(
        [
            "STT",
            "Nội dung công việc",
            "Thời gian thực hiện",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Dự kiến kết quả",
        ]
    )
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


ROWS = [
    ["I", "Phần chung", "", "", "", ""],
    [
        "1",
        "Ban hành kế hoạch",
        "Trong tháng 01/2026",
        "Văn phòng UBND xã",
        "Các đơn vị có liên quan",
        "Kế hoạch",
    ],
    ["2", "Báo cáo quý", "Hàng quý", "UBND xã", "", "Báo cáo"],
    ["3", "Rà soát thủ tục", "Trước ngày 30/6/2026", "CC Tư pháp – hộ tịch", "", "Báo cáo rà soát"],
    ["4", "Tiếp nhận góp ý", "Theo kế hoạch của tỉnh", "Phòng Thông tin mới", "", ""],
]


@pytest.fixture(scope="module")
async def app_client(seeded: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    for email, password in (KA_OFFICER, KA_MEMBER, DS_OFFICER):
        await set_password(email, password)
    app = create_app(seeded.with_changes(public_read=True), clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


async def _post(
    client: AsyncTestClient[Any], path: Path, auth: tuple[str, str] | None = None, **form: str
) -> Any:
    files = {
        "file": (
            path.name,
            path.read_bytes(),
            XLSX if path.suffix == ".xlsx" else "application/octet-stream",
        )
    }
    return await client.post("/api/imports", files=files, data=form, auth=auth)


async def test_a_dry_run_summarises_and_writes_nothing(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = workbook(tmp_path / "ke-hoach-thu.xlsx", "5/KH-UBND", ROWS)
    before = await dump()
    response = await _post(app_client, path, KA_OFFICER, dry_run="true")
    assert response.status_code == 200
    summary = response.json()
    assert {"plan", "tasks", "depth", "review", "errors"} <= set(summary)
    assert (summary["plan"], summary["tasks"], summary["depth"], summary["errors"]) == (
        "kien-an-2026",
        4,
        2,
        [],
    )
    assert summary["written"] is False
    [unknown] = [r for r in summary["review"] if r["field"] == "chủ trì"]
    assert unknown["text"] == "Phòng Thông tin mới"
    assert [r["text"] for r in summary["review"] if r["field"] == "thời gian"] == [
        "Theo kế hoạch của tỉnh"
    ]
    assert await dump() == before


async def test_writing_needs_an_officer_of_the_plans_commune(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = workbook(tmp_path / "ke-hoach-quyen.xlsx", "6/KH-UBND", ROWS)
    nobody = await _post(app_client, path, key="quyen-2026")
    assert nobody.status_code == 401
    assert (
        nobody.json()["error"]
        == "Bạn cần đăng nhập (cán bộ văn phòng hoặc chủ tịch) để ghi kế hoạch."
    )
    member = await _post(app_client, path, KA_MEMBER, key="quyen-2026")
    assert member.status_code == 403
    other_commune = await _post(app_client, path, DS_OFFICER, key="quyen-2026")
    assert other_commune.status_code == 403
    assert other_commune.json()["error"] == "Bạn không có quyền ghi kế hoạch của UBND xã Kiến An."
    assert await Plan.count().where(Plan.key == "quyen-2026") == 0
    officer = await _post(app_client, path, KA_OFFICER, key="quyen-2026", accept_review="true")
    assert officer.status_code == 201
    assert officer.json()["written"] is True
    plans = (await app_client.get("/api/plans")).json()
    [stored] = [p for p in plans if p["key"] == "quyen-2026"]
    assert (stored["number"], stored["tasks"]) == ("6/KH-UBND", 4)
    tasks = (await app_client.get("/api/plans/quyen-2026/tasks")).json()
    first = tasks[0]["children"][0]
    assert first["lead"]["code"] == "an-giang.cho-moi.kien-an.vp-ubnd"
    assert [c["code"] for c in first["coordinating"]] == ["an-giang.cho-moi.kien-an.lien-quan"]


async def test_a_broken_document_changes_nothing(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    empty = tmp_path / "trong.xlsx"
    openpyxl.Workbook().save(empty)
    before = await dump()
    for path in (broken, empty):
        response = await _post(app_client, path, KA_OFFICER)
        assert response.status_code == 422
        [error] = response.json()["errors"]
        assert error.startswith(f"{path.name}:")
    assert await dump() == before


async def test_a_timing_nobody_can_read_is_refused_until_the_officer_accepts_it(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    rows = [
        *ROWS[:3],
        ["4", "Tham dự hội nghị", "Hội nghị, hội thảo, tọa đàm, ...", "UBND xã", "", ""],
    ]
    path = workbook(tmp_path / "doc-khong-duoc.xlsx", "10/KH-UBND", rows)
    preview = (
        await _post(app_client, path, KA_OFFICER, dry_run="true", key="khong-doc-2026")
    ).json()
    assert preview["errors"] == []
    [unreadable] = preview["unreadable"]
    assert (unreadable["where"], unreadable["text"]) == (
        "nhiệm vụ I/4 (doc-khong-duoc.xlsx, trang tính 'Kế hoạch', hàng 9)",
        "Hội nghị, hội thảo, tọa đàm, ...",
    )
    before = await dump()
    refused = await _post(app_client, path, KA_OFFICER, key="khong-doc-2026")
    assert refused.status_code == 422
    [error] = refused.json()["errors"]
    assert error.startswith(
        "doc-khong-duoc.xlsx: không đọc được thời gian của 1 nhiệm vụ (nhiệm vụ I/4 (doc-khong-duoc.xlsx, trang tính 'Kế hoạch', hàng 9): 'Hội nghị, hội thảo, tọa đàm, ...')."
    )
    assert "--accept-review" in error
    assert refused.json()["written"] is False
    assert await dump() == before
    accepted = await _post(app_client, path, KA_OFFICER, key="khong-doc-2026", accept_review="true")
    assert accepted.status_code == 201
    tasks = {t["key"]: t for t in await Task.select(Task.key, Task.schedule, Task.review, Task.review_reason).where(
        Task.plan == accepted.json()["plan_id"]).output(load_json=True)}  # fmt: skip
    flagged = tasks["I/4"]
    assert (flagged["schedule"], flagged["review"]) == ([], True)
    assert flagged["review_reason"] == unreadable["reason"]
    plan_id = accepted.json()["plan_id"]
    counts = {t["key"]: await Occurrence.count().where(Occurrence.task == t["id"]) for t in await Task.select(Task.id, Task.key).where(Task.plan == plan_id)}  # fmt: skip
    assert counts == {"I": 0, "I/1": 1, "I/2": 4, "I/4": 0}
    assert [k for k, t in tasks.items() if t["review"]] == ["I/4"]


async def test_reimporting_a_revised_plan_keeps_recorded_progress(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    first = await _post(
        app_client,
        workbook(tmp_path / "v1.xlsx", "7/KH-UBND", ROWS),
        KA_OFFICER,
        key="sua-2026",
        accept_review="true",
    )
    assert first.status_code == 201
    plan_id = first.json()["plan_id"]
    done = (
        await Occurrence.select(Occurrence.id, Occurrence.due_date)
        .where((Occurrence.plan == plan_id) & (Occurrence.key == "r1:2026-Q1"))
        .first()
    )
    assert done is not None
    completed = dt.datetime(2026, 3, 20, 10, 0, tzinfo=TZ)
    await Occurrence.update(status="done", completed_at=completed, evidence="Báo cáo số 12").where(
        Occurrence.id == done["id"]
    )
    revised = [row[:] for row in ROWS[:4]]  # task 4 dropped
    revised[2][2] = "Hàng quý, chậm nhất ngày 20 của tháng cuối quý"  # the quarterly report moves
    revised[3][2] = "Trước ngày 31/7/2026"
    before = await dump()
    rehearsed = await _post(
        app_client, workbook(tmp_path / "v2.xlsx", "7/KH-UBND", revised), KA_OFFICER,
        key="sua-2026", dry_run="true",
    )  # fmt: skip
    assert rehearsed.json()["written"] is False
    assert rehearsed.json()["would_change"]["plan"] == "updated"
    assert "1 gỡ bỏ" in rehearsed.json()["would_change"]["tasks"]
    assert await dump() == before  # what a save would do was tried and rolled back
    second = await _post(
        app_client, workbook(tmp_path / "v2.xlsx", "7/KH-UBND", revised), KA_OFFICER, key="sua-2026"
    )
    assert second.status_code == 201
    rows = {
        r["key"]: r
        for r in await Occurrence.select(
            Occurrence.key, Occurrence.status, Occurrence.due_date, Occurrence.evidence
        ).where(Occurrence.plan == plan_id)
    }
    assert (rows["r1:2026-Q1"]["status"], rows["r1:2026-Q1"]["due_date"], rows["r1:2026-Q1"]["evidence"]) == (
        "done", done["due_date"], "Báo cáo số 12"
    )  # fmt: skip
    assert rows["r1:2026-Q2"]["due_date"] == dt.date(2026, 6, 22)  # 20/6/2026 is a Saturday
    keys = {t["key"] for t in await Task.select(Task.key).where(Task.plan == plan_id)}
    assert keys == {"I", "I/1", "I/2", "I/3"}


async def test_the_upload_page_previews_then_writes_on_confirm(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = workbook(tmp_path / "trang.xlsx", "8/KH-UBND", ROWS)
    await sign_in(app_client, *KA_MEMBER)
    page = await app_client.get("/imports")
    assert page.status_code == 403  # a member may neither write nor preview
    assert 'href="/imports"' not in (await app_client.get("/")).text  # nor sees the menu entry
    member = await post_form(
        app_client,
        "/imports",
        files={"file": (path.name, path.read_bytes(), XLSX)},
        data={"unit": ""},
    )
    assert member.status_code == 403
    assert "Plan" not in member.text
    assert "Phòng Thông tin mới" not in member.text
    await sign_out(app_client)
    await sign_in(app_client, *KA_OFFICER)
    page = await app_client.get("/imports")
    assert page.status_code == 200
    assert "Nhập kế hoạch" in page.text
    preview = await post_form(
        app_client,
        "/imports",
        files={"file": (path.name, path.read_bytes(), XLSX)},
        data={"unit": ""},
    )
    assert preview.status_code == 200
    assert "Nếu ghi: Kế hoạch mới 8/KH-UBND:" in preview.text
    assert "Cần xem lại" in preview.text
    assert "Phòng Thông tin mới" in preview.text
    assert "Ghi kế hoạch" in preview.text
    assert "Không đọc được thời gian của 1 nhiệm vụ" in preview.text
    assert 'name="accept_review"' in preview.text
    token = preview.text.split('name="token" value="')[1].split('"')[0]
    assert await Plan.count().where(Plan.number == "8/KH-UBND") == 0
    form = {"token": token, "unit": "", "year": "", "create_units": ""}
    refused = await post_form(app_client, "/imports/confirm", data=form)
    assert refused.status_code == 422
    assert "«Theo kế hoạch của tỉnh»" in refused.text or "'Theo kế hoạch của tỉnh'" in refused.text
    assert await Plan.count().where(Plan.number == "8/KH-UBND") == 0
    confirm = await post_form(app_client, "/imports/confirm", data={**form, "accept_review": "on"})
    assert confirm.status_code == 200
    assert "Đã ghi. Kế hoạch mới 8/KH-UBND:" in confirm.text
    assert 'href="/plans/kien-an-2026"' in confirm.text
    assert "Ghi kế hoạch</button>" not in confirm.text
    assert await Plan.count().where(Plan.number == "8/KH-UBND") == 1
    gone = await post_form(app_client, "/imports/confirm", data={"token": "x" * 24})
    assert gone.status_code == 404
    await sign_out(app_client)


def test_the_command_line_imports_previews_and_exports(seeded: Settings, tmp_path: Path) -> None:
    runner = CliRunner()
    env = {
        "TRACKER_DATA_DIR": str(seeded.data_dir),
        "TRACKER_DATABASE_URL": seeded.effective_database_url,
    }
    path = workbook(tmp_path / "dong-lenh.xlsx", "9/KH-UBND", ROWS)
    preview = runner.invoke(
        main, ["import", str(path), "--dry-run", "--json", "--key", "cli-2026"], env=env
    )
    assert preview.exit_code == 0, preview.output
    summary = json.loads(preview.output)
    assert (summary["plan"], summary["tasks"], summary["written"]) == ("cli-2026", 4, False)
    refused = runner.invoke(main, ["import", str(path), "--key", "cli-2026"], env=env)
    assert refused.exit_code == 1
    assert "không đọc được thời gian của 1 nhiệm vụ" in refused.output
    assert "--accept-review" in refused.output
    written = runner.invoke(
        main, ["import", str(path), "--json", "--key", "cli-2026", "--accept-review"], env=env
    )
    assert written.exit_code == 0, written.output
    assert json.loads(written.output)["written"] is True
    exported = tmp_path / "cli-2026.yaml"
    assert runner.invoke(main, ["export", "cli-2026", "-o", str(exported)], env=env).exit_code == 0
    again = runner.invoke(main, ["import", str(exported), "--json"], env=env)
    assert again.exit_code == 0, again.output
    changes = json.loads(again.output)["changes"]
    assert changes["tasks"].startswith("0 mới, 0 cập nhật")
    assert changes["occurrences"].startswith("0 mới, 0 cập nhật, 0 mở lại, 0 hủy")
    broken = tmp_path / "hong.txt"
    broken.write_bytes(b"\xff\xfe\x00\x00 binary")
    failed = runner.invoke(main, ["import", str(broken), "--json"], env=env)
    assert failed.exit_code == 1
    assert json.loads(failed.output)["errors"][0].startswith("hong.txt:")


def test_tracker_timing_prints_the_contract(seeded: Settings) -> None:
    result = CliRunner().invoke(
        main, ["timing", "sau từ 5 đến 7 ngày kể từ khi có Quyết định công bố", "--year", "2026", "--event-date", "2026-04-28", "--json"],
        env={"TRACKER_DATA_DIR": str(seeded.data_dir)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # The contract's keys, and "caution" (a day read right but due before the year asked).
    assert set(data) == {"text", "rules", "occurrences", "review", "reason", "caution"}
    assert data["rules"] == [
        {
            "kind": "relative",
            "key": "r1",
            "event": "qd_cong_bo_tthc",
            "offset": 7,
            "start_offset": 5,
        }
    ]
    # 28/4 + 5 = 3/5 (a Sunday, after the 30/4-1/5 break) → Monday 4/5; 28/4 + 7 = 5/5.
    assert data["occurrences"] == [
        {
            "start": "2026-05-04",
            "due": "2026-05-05",
            "label": "Quyết định công bố danh mục thủ tục hành chính (28/04/2026)",
        }
    ]


async def test_a_workbook_of_plans_writes_the_sheet_chosen_on_the_preview(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = plans_workbook(tmp_path / "hai-ke-hoach.xlsx")
    await sign_in(app_client, *KA_OFFICER)
    try:
        preview = await post_form(
            app_client, "/imports", files={"file": (path.name, path.read_bytes(), XLSX)},
            data={"unit": "", "key": "pctt-2026"},
        )  # fmt: skip
        token = preview.text.split('name="token" value="')[1].split('"')[0]
        form = {"token": token, "unit": "", "year": "", "create_units": "", "key": "pctt-2026"}
        # Confirming without a sheet (a form made by hand) is refused, nothing written.
        refused = await post_form(app_client, "/imports/confirm", data=form)
        assert refused.status_code == 422
        assert "trang tính là các kế hoạch riêng" in refused.text
        chosen = await post_form(app_client, "/imports/sheet", data={**form, "sheet": "PCTT"})
        assert "Ghi kế hoạch</button>" in chosen.text
        saved = await post_form(app_client, "/imports/confirm", data={**form, "sheet": "PCTT"})
        assert saved.status_code == 200, saved.text[-3000:]
        assert "Đã ghi." in saved.text
    finally:
        await sign_out(app_client)
    plan = await Plan.select(Plan.number, Plan.title).where(Plan.key == "pctt-2026").first()
    assert plan == {"number": "31/KH-UBND", "title": "Phòng, chống thiên tai năm 2026"}
    assert await Plan.count().where(Plan.number == "32/KH-UBND") == 0
