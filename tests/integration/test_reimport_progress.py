"""Re-importing a Word plan whose structure shifted keeps the progress people recorded on
its tasks: done marks and their reports, notes, extensions follow the same tasks through
a row inserted above, a section inserted and the ones after it renumbered, a typo fixed,
and an appendix table that gained its caption ("Biểu số 01"); a task the new file no
longer has keeps its progress, flagged for review and counted in the answer.

Each plan is a real .docx written with python-docx and goes through ``POST /api/imports``;
the work is recorded through ``POST /api/occurrences/{id}/complete`` as the units do. The
tests share one seeded database; each writes only a plan of its own key."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import docx
import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tracker.app import create_app
from tracker.config import Settings
from tracker.deadlines.tables import Extension, Occurrence
from tracker.org.auth import set_password
from tracker.plans.history import history
from tracker.plans.tables import Task

NOW = dt.datetime(2026, 4, 20, 9, 0, tzinfo=TZ)
OFFICER = ("hoa.tt@daison.example.vn", "mat-khau-dai-son-6")
HEAD = ["ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN", "Số: 30/KH-UBND", "Đại Sơn, ngày 05 tháng 01 năm 2026",
        "KẾ HOẠCH", "Cải cách hành chính năm 2026"]  # fmt: skip
COLUMNS = ["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp"]
OFFICE = "Văn phòng HĐND và UBND xã"


@pytest.fixture(scope="module")
async def app_client(seeded: Settings) -> AsyncIterator[AsyncTestClient[Any]]:
    await set_password(OFFICER[0], OFFICER[1])
    app = create_app(seeded, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


def table_plan(path: Path, rows: list[list[str]]) -> Path:
    """A plan as one task table under its header lines."""
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    sheet = document.add_table(rows=0, cols=len(COLUMNS))
    for values in [COLUMNS, *rows]:
        for cell, value in zip(sheet.add_row().cells, values, strict=True):
            cell.text = value
    document.save(str(path))
    return path


async def post(client: AsyncTestClient[Any], path: Path, key: str, **form: str) -> dict[str, Any]:
    response = await client.post(
        "/api/imports",
        files={"file": (path.name, path.read_bytes(), "application/octet-stream")},
        data={"key": key, **form},
        auth=OFFICER,
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def tasks_by_content(plan_id: int) -> dict[str, dict[str, Any]]:
    rows = await Task.select(
        Task.id, Task.key, Task.content, Task.review, Task.review_reason
    ).where(Task.plan == plan_id)
    return {r["content"]: r for r in rows}


async def first_occurrence(task_id: int) -> dict[str, Any]:
    row = (
        await Occurrence.select()
        .where(Occurrence.task == task_id)
        .order_by(Occurrence.due_date)
        .first()
    )
    assert row is not None
    return row


async def complete(client: AsyncTestClient[Any], occurrence_id: int, report: str) -> None:
    response = await client.post(
        f"/api/occurrences/{occurrence_id}/complete", json={"evidence": report}, auth=OFFICER
    )
    assert response.status_code in (200, 201), response.text


async def progress(task_id: int) -> list[tuple[str, str, str]]:
    rows = await Occurrence.select(
        Occurrence.key, Occurrence.status, Occurrence.evidence, Occurrence.note
    ).where((Occurrence.task == task_id) & (Occurrence.status == "done"))
    return sorted((r["key"], r["evidence"], r["note"]) for r in rows)


async def test_progress_follows_tasks_whose_rows_and_sections_moved(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    key = "cchc-dich-chuyen-2026"
    v1 = [
        ["I", "Công tác chỉ đạo, điều hành", "", "", ""],
        ["1", "Ban hành kế hoạch kiểm tra công vụ năm 2026", "Trước ngày 31/3/2026", OFFICE, ""],
        ["2", "Báo cáo tình hình thực hiên công tác cải cách hành chính", "Hàng quý", OFFICE, ""],
        ["II", "Công tác tuyên truyền", "", "", ""],
        ["1", "Tuyên truyền thủ tục hành chính trên trang thông tin điện tử", "Hằng tháng", OFFICE, ""],
        ["2", "Tổ chức hội nghị đối thoại với doanh nghiệp", "Quý II/2026", OFFICE, ""],
        ["3", "Cập nhật danh mục thủ tục tại bộ phận một cửa", "Trước ngày 30/9/2026", OFFICE, ""],
    ]  # fmt: skip
    first = await post(app_client, table_plan(tmp_path / "v1.docx", v1), key, accept_review="true")
    plan_id = first["plan_id"]
    before = await tasks_by_content(plan_id)
    assert before["Ban hành kế hoạch kiểm tra công vụ năm 2026"]["key"] == "I/1"
    ids = {content: row["id"] for content, row in before.items()}
    # Work recorded on four tasks: done with a report, a note, an extension asked for.
    plan_task = ids["Ban hành kế hoạch kiểm tra công vụ năm 2026"]
    report_task = ids["Báo cáo tình hình thực hiên công tác cải cách hành chính"]
    news_task = ids["Tuyên truyền thủ tục hành chính trên trang thông tin điện tử"]
    meeting_task = ids["Tổ chức hội nghị đối thoại với doanh nghiệp"]
    listing_task = ids["Cập nhật danh mục thủ tục tại bộ phận một cửa"]
    await complete(app_client, (await first_occurrence(plan_task))["id"], "Kế hoạch số 41")
    await complete(app_client, (await first_occurrence(report_task))["id"], "Báo cáo quý I")
    news = await first_occurrence(news_task)
    await complete(app_client, news["id"], "Tin bài tháng 1")
    await Occurrence.update(note="Đăng cả trên Zalo").where(Occurrence.id == news["id"])
    meeting = await first_occurrence(meeting_task)
    await Extension.insert(
        Extension(occurrence=meeting["id"], requested_at=NOW, due_date=dt.date(2026, 7, 15),
                  deadline_at=NOW + dt.timedelta(days=80), previous_deadline_at=NOW,
                  reason="Chờ lịch của doanh nghiệp")
    )  # fmt: skip
    done_before = {t: await progress(t) for t in (plan_task, report_task, news_task)}

    # The corrected file: a row inserted above, a typo fixed, a section inserted before the
    # second (renumbered III), the meeting dropped, the listing moved up under the new one.
    v2 = [
        ["I", "Công tác chỉ đạo, điều hành", "", "", ""],
        ["1", "Rà soát quy chế làm việc của Ủy ban nhân dân xã", "Quý II/2026", OFFICE, ""],
        ["2", "Ban hành kế hoạch kiểm tra công vụ năm 2026", "Trước ngày 31/3/2026", OFFICE, ""],
        ["3", "Báo cáo tình hình thực hiện công tác cải cách hành chính", "Hàng quý", OFFICE, ""],
        ["II", "Công tác kiểm soát thủ tục hành chính", "", "", ""],
        ["1", "Cập nhật danh mục thủ tục tại bộ phận một cửa", "Trước ngày 30/9/2026", OFFICE, ""],
        ["III", "Công tác tuyên truyền", "", "", ""],
        ["1", "Tuyên truyền thủ tục hành chính trên trang thông tin điện tử", "Hằng tháng", OFFICE, ""],
    ]  # fmt: skip
    second = await post(app_client, table_plan(tmp_path / "v2.docx", v2), key, accept_review="true")
    after = await tasks_by_content(plan_id)
    # The same rows, under their new keys: nothing recorded moved to another task.
    assert after["Ban hành kế hoạch kiểm tra công vụ năm 2026"]["id"] == plan_task
    assert after["Ban hành kế hoạch kiểm tra công vụ năm 2026"]["key"] == "I/2"
    fixed = after["Báo cáo tình hình thực hiện công tác cải cách hành chính"]
    assert (fixed["id"], fixed["key"]) == (report_task, "I/3")
    assert "Báo cáo tình hình thực hiên công tác cải cách hành chính" not in after
    assert after["Tuyên truyền thủ tục hành chính trên trang thông tin điện tử"]["id"] == news_task
    assert after["Cập nhật danh mục thủ tục tại bộ phận một cửa"]["id"] == listing_task
    assert after["Công tác tuyên truyền"]["key"] == "III"
    new_row = after["Rà soát quy chế làm việc của Ủy ban nhân dân xã"]
    assert new_row["id"] not in ids.values()
    assert await progress(new_row["id"]) == []
    assert {t: await progress(t) for t in done_before} == done_before
    assert done_before[news_task][0][2] == "Đăng cả trên Zalo"
    # The dropped meeting held an extension: kept, flagged, and the answer says so.
    kept = after["Tổ chức hội nghị đối thoại với doanh nghiệp"]
    assert kept["id"] == meeting_task
    assert kept["review"] is True
    assert "không còn trong văn bản" in kept["review_reason"]
    assert await Extension.count().where(Extension.occurrence == meeting["id"]) == 1
    assert (
        "1 không còn trong văn bản nhưng giữ lại vì đã có kết quả" in (second["changes"]["tasks"])
    )
    # The task's "Lịch sử" says it moved, in words.
    moved = await history(plan_id, tz=ZoneInfo("Asia/Ho_Chi_Minh"), task_id=plan_task)
    details = [d for change in moved for line in change.lines for d in line.details]
    assert "Mã nhiệm vụ: «I/1» → «I/2»" in details
    # Importing the same file again changes nothing.
    third = await post(app_client, table_plan(tmp_path / "v2.docx", v2), key, accept_review="true")
    assert third["changes"]["tasks"].startswith("0 mới, 0 cập nhật")
    assert await tasks_by_content(plan_id) == after


async def test_a_kept_task_gives_its_key_to_the_new_task_that_has_it(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    """The task in row 2 is replaced by another: the new one takes key "I/2", the old one
    and its done work stay, under "I/2 (cũ …)"."""
    key = "cchc-thay-the-2026"
    rows = [
        ["I", "Công tác chỉ đạo, điều hành", "", "", ""],
        ["1", "Ban hành kế hoạch kiểm tra công vụ năm 2026", "Trước ngày 31/3/2026", OFFICE, ""],
        ["2", "Khảo sát mức độ hài lòng của người dân", "Trước ngày 31/3/2026", OFFICE, ""],
    ]  # fmt: skip
    first = await post(app_client, table_plan(tmp_path / "v1.docx", rows), key)
    survey = (await tasks_by_content(first["plan_id"]))["Khảo sát mức độ hài lòng của người dân"]
    await complete(app_client, (await first_occurrence(survey["id"]))["id"], "Phiếu khảo sát")
    rows[2][1] = "Niêm yết công khai số điện thoại đường dây nóng"
    await post(app_client, table_plan(tmp_path / "v2.docx", rows), key)
    after = await tasks_by_content(first["plan_id"])
    assert after["Niêm yết công khai số điện thoại đường dây nóng"]["key"] == "I/2"
    old = after["Khảo sát mức độ hài lòng của người dân"]
    assert (old["id"], old["key"], old["review"]) == (
        survey["id"],
        f"I/2 (cũ {survey['id']})",
        True,
    )
    assert [p[1] for p in await progress(survey["id"])] == ["Phiếu khảo sát"]


_BODY = ["I. MỤC ĐÍCH, YÊU CẦU", "Làm đúng hạn.", "II. NHIỆM VỤ",
         "1. Triển khai các nhiệm vụ chuyển đổi số theo Biểu số 01.",
         "III. TỔ CHỨC THỰC HIỆN", "Văn phòng theo dõi.", "Nơi nhận:", "- Như trên;",
         "CHỦ TỊCH", "Trần Văn Bình"]  # fmt: skip


def appendix_plan(path: Path, caption: list[str]) -> Path:
    """A plan in paragraphs whose task table comes after the signature, with ``caption``."""
    document = docx.Document()
    for line in [*HEAD[:4], "Chuyển đổi số năm 2026", *_BODY, *caption]:
        document.add_paragraph(line)
    sheet = document.add_table(rows=0, cols=len(COLUMNS))
    for values in [COLUMNS,
                   ["1", "Lắp bảng chỉ dẫn thủ tục bằng mã QR", "Quý II/2026", OFFICE, ""],
                   ["2", "Mở chuyên mục hỏi đáp trên trang thông tin", "Hằng tháng", OFFICE, ""]]:  # fmt: skip
        for cell, value in zip(sheet.add_row().cells, values, strict=True):
            cell.text = value
    document.save(str(path))
    return path


async def test_progress_follows_rows_when_the_appendix_table_gains_its_caption(
    app_client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    key = "cds-bieu-2026"
    first = await post(app_client, appendix_plan(tmp_path / "v1.docx", ["PHỤ LỤC"]), key)
    before = await tasks_by_content(first["plan_id"])
    signs = before["Lắp bảng chỉ dẫn thủ tục bằng mã QR"]
    qna = before["Mở chuyên mục hỏi đáp trên trang thông tin"]
    await complete(app_client, (await first_occurrence(signs["id"]))["id"], "Ảnh bảng chỉ dẫn")
    await complete(app_client, (await first_occurrence(qna["id"]))["id"], "Chuyên mục đã mở")
    captioned = ["Biểu số 01", "NHIỆM VỤ CHUYỂN ĐỔI SỐ CỦA XÃ"]
    await post(app_client, appendix_plan(tmp_path / "v2.docx", captioned), key)
    after = await tasks_by_content(first["plan_id"])
    # The caption now heads the table, so its rows took other keys ("PL/1" before) ...
    assert after["Lắp bảng chỉ dẫn thủ tục bằng mã QR"]["key"] != signs["key"]
    for row in (signs, qna):
        moved = after[row["content"]]
        assert moved["id"] == row["id"]
        assert "không còn trong văn bản" not in moved["review_reason"]
        assert len(await progress(row["id"])) == 1
    # ... and no task of the plan was left behind holding the rows' old work.
    assert [r for r in after.values() if "không còn" in r["review_reason"]] == []
