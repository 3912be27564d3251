"""An officer's plan in the browser: a Word plan (written here with python-docx, laid out
as the communes' plans are: the letterhead, "KẾ HOẠCH", a task table with section rows)
is uploaded, its preview read in words, saved; a task's timing is edited on the plan page
and its deadlines move; a copy saved by mistake under the wrong year is deleted."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import docx
from docx.table import Table, _Cell

from tests.browser.conftest import OpenPage, Screenshot, Server
from tracker.audit import AuditEntry
from tracker.deadlines.tables import Occurrence
from tracker.plans.tables import Plan, Task

HEADER = ["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì",
          "Đơn vị phối hợp", "Dự kiến kết quả", "Ghi chú"]  # fmt: skip
WEEKLY = "Họp giao ban về tiến độ giải quyết thủ tục hành chính tại Bộ phận Một cửa"
REVIEW = "Rà soát quy trình nội bộ giải quyết thủ tục hành chính trên môi trường điện tử"
TITLE = "Chuyển đổi số tại Bộ phận Một cửa xã Đại Sơn năm 2027"
KEY = "dai-son-2027"
MISTAKE = "dai-son-2028"
DEMO = "dai-son-2026"
OWN_KEY = "dai-son-2026-21-kh-ubnd"
QUARTERLY = "Báo cáo tình hình số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"


def _row(table: Table, values: list[str]) -> tuple[_Cell, ...]:
    cells = table.add_row().cells
    for cell, value in zip(cells, values, strict=True):
        cell.text = value
    return cells


def _section(table: Table, text: str) -> None:
    cells = _row(table, [""] * 7)
    merged = cells[0].merge(cells[-1])
    merged.text = ""
    merged.paragraphs[0].add_run(text).bold = True


def plan_docx(path: Path) -> Path:
    """Đại Sơn's plan for the digital one-stop shop: three tasks under two sections, with a
    weekly meeting, a one-off deadline and a quarterly report, led by the commune's units
    under the names the plans use for them."""
    document = docx.Document()
    for line in (
        "ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN",
        "Số: 21/KH-UBND",
        "Đại Sơn, ngày 10 tháng 3 năm 2027",
    ):
        document.add_paragraph(line)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph().add_run(
        "Chuyển đổi số tại Bộ phận Một cửa xã Đại Sơn năm 2027"
    ).bold = True
    table = document.add_table(rows=0, cols=7)
    _row(table, HEADER)
    _section(table, "I. Công tác chỉ đạo, điều hành")
    _row(table, ["1", WEEKLY, "Từ 16 giờ đến 16 giờ 15 phút ngày thứ Năm hằng tuần",
                 "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND xã",
                 "Thông báo kết luận", ""])  # fmt: skip
    _row(table, ["2", REVIEW, "Trước ngày 31/8/2027", "Phòng Kinh tế",
                 "Trung tâm Phục vụ hành chính công", "Báo cáo kết quả rà soát", ""])  # fmt: skip
    _section(table, "II. Kiểm tra, báo cáo")
    _row(table, ["1", QUARTERLY, "Hằng quý, chậm nhất ngày 17 của tháng cuối quý",
                 "Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội", "Báo cáo quý",
                 ""])  # fmt: skip
    document.add_paragraph("Nơi nhận:")
    document.save(str(path))
    return path


async def _upload(page, path: Path, year: str, key: str = "") -> None:  # type: ignore[no-untyped-def]
    await page.goto("/imports")
    await page.get_by_label("Tệp kế hoạch").set_input_files(str(path))
    await page.get_by_label("Đơn vị ban hành").select_option(label="UBND xã Đại Sơn")
    await page.get_by_label("Năm của kế hoạch").fill(year)
    await page.get_by_label("Khóa kế hoạch").fill(key)
    await page.get_by_role("button", name="Xem trước").click()
    await page.wait_for_load_state()


async def test_an_officer_imports_edits_and_deletes_a_plan(
    open_page: OpenPage, server: Server, tmp_path: Path, screenshot: Screenshot
) -> None:
    path = plan_docx(tmp_path / "ke-hoach-chuyen-doi-so.docx")
    page = await open_page("officer")
    await _upload(page, path, "2027")
    main = page.locator("main")

    # The preview in words: a new plan, unit names (not codes), schedules as sentences.
    assert await page.locator("h1").inner_text() == TITLE
    summary = await main.locator("p.notice").inner_text()
    assert re.fullmatch(r"Nếu ghi: Kế hoạch mới 21/KH-UBND: 3 nhiệm vụ, \d+ hạn\.", summary)
    weekly = page.locator("ol.tree.root li.task", has_text=WEEKLY)
    assert await _field(weekly, "Chủ trì") == "Trung tâm Phục vụ hành chính công xã Đại Sơn"
    assert await _field(weekly, "Phối hợp") == "Văn phòng HĐND và UBND xã Đại Sơn"
    assert await _field(weekly, "Đọc là") == "Thứ Năm hằng tuần, 16:00–16:15"
    review = page.locator("ol.tree.root li.task", has_text=REVIEW)
    assert await _field(review, "Chủ trì") == "Phòng Kinh tế xã Đại Sơn"
    assert await _field(review, "Đọc là") == "Hạn 31/08/2027"
    quarterly = page.locator("ol.tree.root li.task", has_text=QUARTERLY)
    assert await _field(quarterly, "Đọc là") == "Hằng quý, ngày 17 tháng cuối quý"
    assert (await _field(quarterly, "Các hạn")).startswith("17/03/2027, 17/06/2027")
    assert "hai-phong.dai-son" not in await main.inner_text()
    assert "FREQ=" not in await main.inner_text()

    await screenshot(page, "xem-truoc-ke-hoach")
    await page.get_by_role("button", name="Ghi kế hoạch").click()
    await page.wait_for_url("**/imports/confirm")
    saved = await main.locator("p.notice").inner_text()
    assert saved.startswith("Đã ghi. Kế hoạch mới 21/KH-UBND: 3 nhiệm vụ")
    await page.get_by_role("link", name="Mở kế hoạch").click()
    await page.wait_for_url(f"**/plans/{KEY}")

    # Edit the review's timing on the plan page: the dates show as it is typed, and
    # once saved its deadline moves from 31/08 to 30/09.
    task = page.locator("li.task", has_text=REVIEW)
    assert "31/08/2027" in await _field(task, "Hạn tiếp theo")
    await task.locator(".node-actions").get_by_role("link", name="Sửa").click()
    await page.wait_for_url(re.compile(r"/tasks/\d+/edit$"))
    timing = page.get_by_label("Thời gian thực hiện")
    assert await timing.input_value() == "Trước ngày 31/8/2027"
    await timing.fill("Trước ngày 30/9/2027")
    preview = page.locator("#timing-preview")
    await preview.get_by_text("30/09/2027").wait_for()
    assert "31/08/2027" not in await preview.inner_text()
    await page.get_by_role("button", name="Lưu", exact=True).click()
    await page.wait_for_url(re.compile(rf"/plans/{KEY}(#nv-\d+)?$"))
    assert "30/09/2027" in await _field(task, "Hạn tiếp theo")
    plan = await Plan.select(Plan.id).where(Plan.key == KEY).first()
    assert plan is not None
    dues = await Occurrence.select(Occurrence.due_date, Occurrence.status).where(
        (Occurrence.plan == plan["id"]) & (Occurrence.task.content == REVIEW)
    )
    assert {(r["due_date"], r["status"]) for r in dues if r["status"] == "open"} == {
        (dt.date(2027, 9, 30), "open")
    }
    # The task's "Lịch sử" says what changed, in words.
    await task.locator(".node-actions").get_by_role("link", name="Lịch sử").click()
    changes = page.locator("ol.history > li").first
    assert "Thời gian thực hiện: «Trước ngày 31/8/2027» → «Trước ngày 30/9/2027»" in (
        await changes.inner_text()
    )

    # The same file again with the wrong year typed: a second plan, saved by mistake.
    await _upload(page, path, "2028")
    await page.get_by_role("button", name="Ghi kế hoạch").click()
    await page.wait_for_url("**/imports/confirm")
    await page.get_by_role("link", name="Mở kế hoạch").click()
    await page.wait_for_url(f"**/plans/{MISTAKE}")
    await page.goto("/")
    listed = page.locator("table.list tbody tr")
    assert await listed.filter(has=page.locator(f'a[href="/plans/{MISTAKE}"]')).count() == 1

    await page.goto(f"/plans/{MISTAKE}")
    await page.get_by_role("link", name="Xóa kế hoạch").click()
    await page.wait_for_url(f"**/plans/{MISTAKE}/delete")
    assert "năm 2028" in await page.locator(".warning").inner_text()
    await page.get_by_role("button", name="Xóa kế hoạch 21/KH-UBND").click()
    await page.wait_for_url(re.compile(r"/\?deleted="))
    notice = page.get_by_role("status")
    assert await notice.inner_text() == (
        "Đã xóa kế hoạch 21/KH-UBND. Nhập lại tệp kế hoạch cùng khóa sẽ khôi phục kế hoạch. "
        "Xem lịch sử"
    )
    assert await listed.filter(has=page.locator(f'a[href="/plans/{MISTAKE}"]')).count() == 0
    assert await listed.filter(has=page.locator(f'a[href="/plans/{KEY}"]')).count() == 1
    gone = await page.goto(f"/plans/{MISTAKE}")
    assert gone is not None
    assert gone.status == 404
    # Its "Lịch sử" stays for the officer: the deletion first, by them, then the import.
    await page.go_back()
    await notice.get_by_role("link", name="Xem lịch sử").click()
    await page.wait_for_url(f"**/plans/{MISTAKE}/history")
    assert (await page.get_by_role("status").inner_text()).startswith("Kế hoạch này đã bị xóa lúc ")
    entries = page.locator("ol.history > li")
    assert await entries.count() == 2
    assert "Xóa kế hoạch" in await entries.nth(0).inner_text()
    assert "Trần Thị Hoa" in await entries.nth(0).locator(".when").inner_text()
    assert await page.locator("main").get_by_role("link", name="Nhiệm vụ").count() == 0
    # Nobody else reads a deleted plan, its history neither.
    member = await open_page("member")
    hidden = await member.goto(f"/plans/{MISTAKE}/history")
    assert hidden is not None
    assert hidden.status == 404
    # The audit log keeps the deletion.
    deleted = await Plan.select(Plan.id, Plan.deleted_at).where(Plan.key == MISTAKE).first()
    assert deleted is not None
    assert deleted["deleted_at"] is not None
    entries = (
        await AuditEntry.select(AuditEntry.action)
        .order_by(AuditEntry.id)
        .where((AuditEntry.entity == "plan") & (AuditEntry.entity_id == deleted["id"]))
    )
    assert [e["action"] for e in entries][-1] == "delete"


async def test_a_second_plan_of_the_same_year_is_not_taken_for_the_first(
    open_page: OpenPage, server: Server, tmp_path: Path
) -> None:
    """A commune issues many plans a year. Imported without a key, a second plan of the
    year gets its own key (with its number) instead of the stored plan's, so saving never
    replaces that plan; a key typed in the form that names the stored plan is warned of,
    naming the plan a save would replace."""
    path = plan_docx(tmp_path / "ke-hoach-chuyen-doi-so.docx")
    demo = await Plan.select(Plan.id).where(Plan.key == DEMO).first()
    assert demo is not None
    demo_tasks = await Task.count().where(Task.plan == demo["id"])
    page = await open_page("officer")
    await _upload(page, path, "2026", key=DEMO)
    alert = page.get_by_role("alert")
    assert (await alert.inner_text()).startswith(
        f"Khóa {DEMO} là của kế hoạch đã lưu /KH-UBND «Kiểm soát thủ tục hành chính"
    )
    assert (await page.locator("p.warning", has_text="Nếu ghi:").inner_text()).startswith(
        "Nếu ghi: Cập nhật kế hoạch «Kiểm soát thủ tục hành chính"
    )

    await _upload(page, path, "2026")
    assert await alert.count() == 0
    assert (await page.locator("p.notice").inner_text()).startswith(
        "Nếu ghi: Kế hoạch mới 21/KH-UBND: 3 nhiệm vụ"
    )
    assert await page.locator("dl.header code").inner_text() == OWN_KEY
    await page.get_by_role("button", name="Ghi kế hoạch").click()
    await page.wait_for_url("**/imports/confirm")
    await page.get_by_role("link", name="Mở kế hoạch").click()
    await page.wait_for_url(f"**/plans/{OWN_KEY}")
    assert await page.locator("h1").inner_text() == TITLE
    await page.goto("/")
    for key in (DEMO, OWN_KEY):
        assert await page.locator(f'table.list a[href="/plans/{key}"]').count() == 1
    assert await Task.count().where(Task.plan == demo["id"]) == demo_tasks


async def _field(task, name: str) -> str:  # type: ignore[no-untyped-def]
    """The words of one field of a task on the preview or the plan page."""
    row = task.locator(":scope > .row dl.fields")
    term = row.locator("dt", has_text=re.compile(f"^{name}$"))
    return " ".join((await term.locator("xpath=following-sibling::dd[1]").inner_text()).split())
