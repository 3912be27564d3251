"""Editing plans in the browser, through the app as a browser does (forms with their CSRF
token): the header, tasks added, edited, moved, cancelled and restored, each change
re-expanding the deadlines with done work kept; a plan deleted and gone from the API, the
counts and the feeds; review items fixed on the plan page; the "Lịch sử" tab; and who may
do none of it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import form_token, sign_in
from tracker.app import create_app
from tracker.config import Settings
from tracker.notify.feeds import create_feed
from tracker.notify.services import expander_for
from tracker.org.auth import set_password
from tracker.org.scope import Scope
from tracker.plans.services import load_plan_doc, store_plan
from tracker.plans.tables import Plan

NOW = dt.datetime(2026, 6, 30, 17, 0, tzinfo=TZ)
PASSWORD = "mat-khau-sua-ke-hoach"
OFFICER = "hoa.tt@daison.example.vn"
MEMBER = "tuan.lm@daison.example.vn"
KIEN_AN = "lan.ttn@kienan.example.vn"
PLAN = "dai-son-2026"
CENTRE = "hai-phong.dai-son.ttphvhcc"  # Trung tâm Phục vụ hành chính công


@pytest.fixture
async def client(seeded_rw: Settings) -> Any:
    for email in (OFFICER, MEMBER, KIEN_AN):
        await set_password(email, PASSWORD)
    app = create_app(seeded_rw, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


async def officer(client: AsyncTestClient[Any], email: str = OFFICER) -> None:
    await sign_in(client, email, PASSWORD)


async def post_page(
    client: AsyncTestClient[Any], page: str, path: str, data: dict[str, Any]
) -> Any:
    """POST a form of ``page`` (its token taken from the page), without following."""
    form = {**data, "csrf_token": await form_token(client, page)}
    return await client.post(path, data=form, follow_redirects=False)


async def occurrences(client: AsyncTestClient[Any], task_id: int) -> list[dict[str, Any]]:
    response = await client.get("/api/occurrences", params={"plan": PLAN})
    assert response.status_code == 200, response.text
    return [o for o in response.json() if o["task"] == task_id]


async def add_task(client: AsyncTestClient[Any], timing: str, **extra: Any) -> int:
    response = await post_page(
        client,
        f"/plans/{PLAN}/tasks/new",
        f"/plans/{PLAN}/tasks/new",
        {"content": "Báo cáo kết quả rà soát TTHC", "kind": "task", "lead": CENTRE,
         "timing": timing, "output": "Báo cáo", **extra},
    )  # fmt: skip
    assert response.status_code in (302, 303), response.text
    location = response.headers["location"]
    assert location.startswith(f"/plans/{PLAN}#nv-")
    return int(location.rsplit("-", 1)[1])


async def task_nodes(client: AsyncTestClient[Any]) -> list[dict[str, Any]]:
    response = await client.get(f"/api/plans/{PLAN}/tasks")
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- the header


async def test_an_officer_edits_the_header(client: AsyncTestClient[Any]) -> None:
    await officer(client)
    page = await client.get(f"/plans/{PLAN}/edit")
    assert page.status_code == 200
    # Days are shown dd/mm/yyyy whatever the browser's language; typed so, or as a date
    # field sends them (ISO), they are read.
    assert 'name="period_start" value="01/03/2026"' in page.text
    assert 'type="date"' not in page.text
    form = {"number": "15/KH-UBND", "title": "Kiểm soát TTHC năm 2026 (sửa)",
            "issue_date": "05/03/2026", "period_start": "5-3-2026",
            "period_end": "2026-12-31", "status": "active", "parent": ""}  # fmt: skip
    saved = await post_page(client, f"/plans/{PLAN}/edit", f"/plans/{PLAN}/edit", form)
    assert saved.status_code in (302, 303), saved.text
    plan = (await client.get(f"/api/plans/{PLAN}")).json()
    assert (plan["number"], plan["title"], plan["issue_date"]) == (
        "15/KH-UBND", "Kiểm soát TTHC năm 2026 (sửa)", "2026-03-05",
    )  # fmt: skip
    assert plan["period"] == {"start": "2026-03-05", "end": "2026-12-31"}
    shown = (await client.get(f"/plans/{PLAN}")).text
    assert "15/KH-UBND" in shown
    assert "05/03/2026" in shown
    # A period that ends before it starts, and a plan in force made a draft again.
    bad = await post_page(client, f"/plans/{PLAN}/edit", f"/plans/{PLAN}/edit",
                          {**form, "period_end": "2026-01-31"})  # fmt: skip
    assert bad.status_code == 422
    assert "05/03/2026" in bad.text
    assert "31/01/2026" in bad.text
    back = await post_page(client, f"/plans/{PLAN}/edit", f"/plans/{PLAN}/edit",
                           {**form, "status": "draft"})  # fmt: skip
    assert back.status_code == 422
    assert "Dự thảo" in back.text


# --------------------------------------------------------------------------- tasks


async def test_a_new_task_with_a_timing_gets_its_deadlines(client: AsyncTestClient[Any]) -> None:
    await officer(client)
    task_id = await add_task(client, "Quý III, IV/2026")
    dues = [o["due"] for o in await occurrences(client, task_id)]
    assert dues == ["2026-09-30", "2026-12-31"]
    node = next(n for n in await task_nodes(client) if n["id"] == task_id)
    assert node["lead"]["code"] == CENTRE
    assert node["timing"] == "Quý III, IV/2026"


async def test_a_task_added_under_a_section_sits_there(client: AsyncTestClient[Any]) -> None:
    await officer(client)
    section = (await task_nodes(client))[0]["children"][0]
    assert section["kind"] == "section"
    task_id = await add_task(client, "Trước ngày 15/9/2026", parent=str(section["id"]))
    section = (await task_nodes(client))[0]["children"][0]
    assert section["children"][-1]["id"] == task_id
    assert [o["due"] for o in await occurrences(client, task_id)] == ["2026-09-15"]


async def test_a_new_timing_moves_open_deadlines_and_keeps_done_work(
    client: AsyncTestClient[Any],
) -> None:
    await officer(client)
    task_id = await add_task(client, "Ngày 05 hằng tháng")
    before = await occurrences(client, task_id)
    assert before[0]["due"] == "2026-03-05"
    done = before[0]["id"]
    completed = await client.post(
        f"/api/occurrences/{done}/complete", json={"evidence": "Đã báo cáo"},
        auth=(OFFICER, PASSWORD),
    )  # fmt: skip
    assert completed.status_code in (200, 201), completed.text
    edit = f"/plans/{PLAN}/tasks/{task_id}/edit"
    page = await client.get(edit)
    assert page.status_code == 200
    assert 'data-timing-preview="timing-preview"' in page.text
    form = {"content": "Báo cáo kết quả rà soát TTHC", "kind": "task", "lead": CENTRE,
            "timing": "Ngày 20 hằng tháng", "output": "Báo cáo"}  # fmt: skip
    saved = await post_page(client, edit, edit, form)
    assert saved.status_code in (302, 303), saved.text
    after = await occurrences(client, task_id)
    kept = [o for o in after if o["id"] == done]
    assert kept
    assert kept[0]["due"] == "2026-03-05"
    assert kept[0]["status"].startswith("done")
    # On the 20th, or the next working day when the 20th is a day off.
    expected = (await client.get("/api/timing/preview", params={
        "text": "Ngày 20 hằng tháng", "year": "2026", "start": "2026-04-01"})).json()  # fmt: skip
    assert [o["due"] for o in after if o["id"] != done] == [
        o["due"] for o in expected["occurrences"]
    ]
    assert all(o["due"][8:] == "20" or o["moved_reason"] for o in after if o["id"] != done)
    assert len(after) == len(before)  # March is done on the 5th; April–December on the 20th


async def test_the_preview_button_reads_the_timing_without_saving(
    client: AsyncTestClient[Any],
) -> None:
    await officer(client)
    task_id = await add_task(client, "Trước ngày 15/9/2026")
    edit = f"/plans/{PLAN}/tasks/{task_id}/edit"
    form = {"content": "Báo cáo kết quả rà soát TTHC", "kind": "task", "lead": CENTRE,
            "timing": "Quý II, III/2026", "action": "preview"}  # fmt: skip
    shown = await post_page(client, edit, edit, form)
    assert shown.status_code == 200
    assert "30/06/2026" in shown.text
    assert "30/09/2026" in shown.text
    assert [o["due"] for o in await occurrences(client, task_id)] == ["2026-09-15"]


async def test_the_timing_preview_api_reads_as_it_is_typed(client: AsyncTestClient[Any]) -> None:
    await officer(client)
    answer = await client.get(
        "/api/timing/preview", params={"text": "Quý II, III/2026", "year": "2026"}
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [o["due"] for o in body["occurrences"]] == ["2026-06-30", "2026-09-30"]
    assert body["review"] is False
    assert [d["due"] for d in body["words"]["dates"]] == [
        "Thứ Ba, 30/06/2026",
        "Thứ Tư, 30/09/2026",
    ]
    within = await client.get(
        "/api/timing/preview",
        params={"text": "Ngày 05 hằng tháng", "year": "2026", "start": "2026-03-01",
                "end": "2026-04-30"},
    )  # fmt: skip
    # 05/04/2026 is a Sunday: a monthly deadline moves to the Monday.
    assert [o["due"] for o in within.json()["occurrences"]] == ["2026-03-05", "2026-04-06"]
    # A year alone, as a spreadsheet's number cell holds it, is read in the form as on import.
    year_alone = (await client.get("/api/timing/preview", params={"text": "2026"})).json()
    assert ([o["due"] for o in year_alone["occurrences"]], year_alone["review"]) == (
        ["2026-12-31"],
        False,
    )
    unreadable = (await client.get("/api/timing/preview", params={"text": "tùy tình hình"})).json()
    assert unreadable["review"] is True
    assert unreadable["words"]["reason"]
    # A day of last year, written with its year, is read as written; the form says it is
    # due before the plan's year (saving makes it a review item).
    past = (
        await client.get("/api/timing/preview", params={"text": "Trước 15/3/2025", "year": "2026"})
    ).json()
    assert (past["review"], [o["due"] for o in past["occurrences"]]) == (False, ["2025-03-15"])
    assert past["caution"] == "Hạn thuộc năm 2025, trước năm của kế hoạch (2026)."
    assert past["words"]["reason"] == past["caution"]


async def test_cancelling_a_task_cancels_its_open_deadlines_and_restoring_brings_them_back(
    client: AsyncTestClient[Any],
) -> None:
    await officer(client)
    task_id = await add_task(client, "Ngày 05 hằng tháng")
    before = await occurrences(client, task_id)
    done = before[0]["id"]
    await client.post(f"/api/occurrences/{done}/complete", json={"evidence": "Xong"},
                      auth=(OFFICER, PASSWORD))  # fmt: skip
    cancelled = await post_page(
        client, f"/plans/{PLAN}", f"/plans/{PLAN}/tasks/{task_id}/cancel", {}
    )
    assert cancelled.status_code in (302, 303), cancelled.text
    assert [o["id"] for o in await occurrences(client, task_id)] == [done]
    page = (await client.get(f"/plans/{PLAN}")).text
    assert "Đã hủy" in page
    assert f"/tasks/{task_id}/restore" in page
    restored = await post_page(
        client, f"/plans/{PLAN}", f"/plans/{PLAN}/tasks/{task_id}/restore", {}
    )
    assert restored.status_code in (302, 303)
    again = await occurrences(client, task_id)
    assert [o["id"] for o in again] == [o["id"] for o in before]
    assert next(o for o in again if o["id"] == done)["status"].startswith("done")


async def test_tasks_move_up_down_and_into_another_section(client: AsyncTestClient[Any]) -> None:
    await officer(client)
    first = await add_task(client, "Trước ngày 15/9/2026")
    second = await add_task(client, "Trước ngày 15/10/2026")
    top = [n["id"] for n in await task_nodes(client)]
    assert top[-2:] == [first, second]
    moved = await post_page(client, f"/plans/{PLAN}", f"/plans/{PLAN}/tasks/{second}/move",
                            {"step": "up"})  # fmt: skip
    assert moved.status_code in (302, 303)
    assert [n["id"] for n in await task_nodes(client)][-2:] == [second, first]
    section = (await task_nodes(client))[0]["children"][0]
    into = await post_page(client, f"/plans/{PLAN}", f"/plans/{PLAN}/tasks/{first}/move",
                           {"parent": str(section["id"])})  # fmt: skip
    assert into.status_code in (302, 303)
    nodes = await task_nodes(client)
    assert first not in [n["id"] for n in nodes]
    assert nodes[0]["children"][0]["children"][-1]["id"] == first
    # Its deadline stays as it was: a move changes where a task sits, not when it is due.
    assert [o["due"] for o in await occurrences(client, first)] == ["2026-09-15"]


# --------------------------------------------------------------------------- deleting


async def test_a_deleted_plan_is_gone_from_the_api_the_counts_and_the_feeds(
    client: AsyncTestClient[Any], seeded_rw: Settings
) -> None:
    _, token = await create_feed("unit", unit_code="hai-phong.dai-son", scope=Scope.system(),
                                 now=NOW)  # fmt: skip
    feed = await client.get(f"/feeds/{token}.ics")
    assert feed.text.count("BEGIN:VEVENT") > 0
    await officer(client)
    counts = (await client.get("/api/compliance", auth=(OFFICER, PASSWORD))).json()
    assert counts["totals"]["total"] > 0
    plan_id = (await client.get(f"/api/plans/{PLAN}")).json()["id"]
    confirm = await client.get(f"/plans/{PLAN}/delete")
    assert confirm.status_code == 200
    assert "Kiểm soát thủ tục hành chính" in confirm.text
    assert PLAN in confirm.text
    deleted = await post_page(client, f"/plans/{PLAN}/delete", f"/plans/{PLAN}/delete", {})
    assert deleted.status_code in (302, 303), deleted.text
    assert deleted.headers["location"].startswith("/?deleted=")
    assert PLAN not in [p["key"] for p in (await client.get("/api/plans")).json()]
    assert (await client.get(f"/api/plans/{PLAN}")).status_code == 404
    assert (await client.get(f"/plans/{PLAN}")).status_code == 404
    listed = await client.get("/api/occurrences", params={"unit": "hai-phong.dai-son"})
    assert [o for o in listed.json() if o["plan"] == plan_id] == []
    after = (await client.get("/api/compliance", auth=(OFFICER, PASSWORD))).json()
    assert after["totals"]["total"] == 0
    assert (await client.get(f"/feeds/{token}.ics")).text.count("BEGIN:VEVENT") == 0
    # Kept, marked, with its audit entry; importing its key again brings it back.
    row = await Plan.select(Plan.deleted_at).where(Plan.key == PLAN).first()
    assert row is not None
    assert row["deleted_at"] is not None
    doc = await load_plan_doc(plan_id)
    stored = await store_plan(doc, deadlines=expander_for(seeded_rw), actor="cli", now=NOW)
    assert stored.plan_id == plan_id
    assert PLAN in [p["key"] for p in (await client.get("/api/plans")).json()]
    history = (await client.get(f"/plans/{PLAN}/history")).text
    assert "Xóa kế hoạch" in history
    assert "Khôi phục kế hoạch" in history


# --------------------------------------------------------------------------- who may


async def test_a_member_may_not_edit_and_another_commune_finds_nothing(
    client: AsyncTestClient[Any],
) -> None:
    await sign_in(client, MEMBER, PASSWORD)
    assert (await client.get(f"/plans/{PLAN}/edit")).status_code == 403
    page = (await client.get(f"/plans/{PLAN}")).text
    assert f"/plans/{PLAN}/edit" not in page  # no edit links for a member
    refused = await post_page(client, f"/plans/{PLAN}", f"/plans/{PLAN}/tasks/new",
                              {"content": "Việc mới", "timing": "Năm 2026"})  # fmt: skip
    assert refused.status_code == 403
    assert (await client.get("/api/timing/preview", params={"text": "Năm 2026"})).status_code == 403
    await sign_in(client, KIEN_AN, PASSWORD)
    assert (await client.get(f"/plans/{PLAN}/edit")).status_code == 404
    for path in (f"/plans/{PLAN}/tasks/new", f"/plans/{PLAN}/delete"):
        hidden = await post_page(client, "/", path, {"content": "Việc mới"})
        assert hidden.status_code == 404, path
    row = await Plan.select(Plan.deleted_at).where(Plan.key == PLAN).first()
    assert row == {"deleted_at": None}  # nothing was deleted


# --------------------------------------------------------------------------- history


async def test_the_history_tab_says_who_changed_what_and_when(
    client: AsyncTestClient[Any],
) -> None:
    await officer(client)
    task_id = await add_task(client, "Trước ngày 15/9/2026")
    edit = f"/plans/{PLAN}/tasks/{task_id}/edit"
    form = {"content": "Báo cáo kết quả rà soát TTHC", "kind": "task", "lead": CENTRE,
            "timing": "Trước ngày 30/9/2026", "output": "Báo cáo"}  # fmt: skip
    await post_page(client, edit, edit, form)
    plan_page = (await client.get(f"/plans/{PLAN}/history")).text
    assert "30/06/2026 17:00" in plan_page
    assert f"Trần Thị Hoa ({OFFICER})" in plan_page
    assert "Thêm nhiệm vụ" in plan_page
    task_page = await client.get(f"/plans/{PLAN}/tasks/{task_id}/history")
    assert task_page.status_code == 200
    text = task_page.text
    assert "Thời gian thực hiện: «Trước ngày 15/9/2026» → «Trước ngày 30/9/2026»" in text
    # The clock stands still in the test: the addition and the edit are one moment.
    assert "Hạn công việc: 1 mới, 1 dời hạn" in text
    # Someone of another commune does not read it.
    await sign_in(client, KIEN_AN, PASSWORD)
    assert (await client.get(f"/plans/{PLAN}/history")).status_code == 404


# --------------------------------------------------------------------------- review items


def workbook(path: Path) -> Path:
    """A Kiến An plan whose lead unit is misspelt and whose timing nobody can read."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in ("Số: 9/KH-UBND", "Kiến An, ngày 05 tháng 01 năm 2026", "KẾ HOẠCH",
                 "Thử sửa mục cần xem lại năm 2026"):  # fmt: skip
        sheet.append([line])
    sheet.append(["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì",
                  "Đơn vị phối hợp", "Dự kiến kết quả"])  # fmt: skip
    sheet.append(["1", "Tiếp nhận góp ý", "Theo kế hoạch của tỉnh", "Văn phòng UBND xa", "", ""])
    book.save(path)
    return path


async def test_a_review_item_is_fixed_on_the_plan_page(
    client: AsyncTestClient[Any], tmp_path: Path
) -> None:
    path = workbook(tmp_path / "ke-hoach.xlsx")
    imported = await client.post(
        "/api/imports", files={"file": (path.name, path.read_bytes(), "application/octet-stream")},
        data={"accept_review": "true"}, auth=(KIEN_AN, PASSWORD),
    )  # fmt: skip
    assert imported.status_code == 201, imported.text
    key = imported.json()["plan"]
    await officer(client, KIEN_AN)
    page = (await client.get(f"/plans/{key}")).text
    assert "Cần xem lại (1)" in page
    action = re.search(r'action="(/plans/[^"]+/review)"', page)
    assert action is not None
    suggested = re.findall(r'name="lead" value="([^"]+)"', page)
    assert suggested, "the misspelt unit has suggestions to choose from"
    fixed = await post_page(
        client, f"/plans/{key}", action.group(1),
        {"lead": suggested[0], "timing": "Trước ngày 30/9/2026"},
    )  # fmt: skip
    assert fixed.status_code in (302, 303), fixed.text
    after = (await client.get(f"/plans/{key}")).text
    assert "Cần xem lại (" not in after
    [task] = (await client.get(f"/api/plans/{key}/tasks")).json()
    assert task["lead"]["code"] == suggested[0]
    listed = (await client.get("/api/occurrences", params={"plan": key})).json()
    assert [o["due"] for o in listed] == ["2026-09-30"]


async def test_a_task_numbered_only_by_a_bullet_is_named_by_its_first_words(
    client: AsyncTestClient[Any],
) -> None:
    """A prose plan's items may carry a bullet ("-") for their number: the edit and
    history pages name such a task by its first words, never "nhiệm vụ -"."""
    from tracker.plans.tables import Task

    plan = await Plan.select(Plan.id).where(Plan.key == "dai-son-2026").first()
    assert plan is not None
    bullet = (
        await Task.select(Task.id, Task.content)
        .where((Task.plan == plan["id"]) & (Task.label == "-") & (Task.kind == "task"))
        .first()
    )
    assert bullet is not None, "Đại Sơn's seed has items numbered by a bullet"
    await officer(client)
    first_words = " ".join(bullet["content"].split()[:4])
    for path in (f"/tasks/{bullet['id']}/edit", f"/tasks/{bullet['id']}/history"):
        page = await client.get(f"/plans/dai-son-2026{path}")
        assert page.status_code == 200, page.text
        assert "nhiệm vụ -" not in page.text
        assert f"nhiệm vụ «{first_words}" in page.text
