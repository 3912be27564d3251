"""A Word plan whose issuing commune is not in the unit tree, uploaded on a phone: the
preview asks for the commune, and choosing it previews the same upload again (no second
upload), ready to save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx

from tests.browser.conftest import PHONE, OpenPage, Server
from tracker.plans.tables import Plan

TASK = "Rà soát danh mục thủ tục hành chính thực hiện tại Bộ phận Một cửa"


def unknown_commune_docx(path: Path) -> Path:
    """A plan issued by "Xã Bình Yên", a commune the demo unit tree does not hold."""
    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN XÃ BÌNH YÊN", "Số: 7/KH-UBND",
                 "Bình Yên, ngày 02 tháng 3 năm 2027"):  # fmt: skip
        document.add_paragraph(line)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph().add_run("Cải cách hành chính năm 2027").bold = True
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(
        table.rows[0].cells,
        ["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì"],
        strict=True,
    ):
        cell.text = text
    for cell, text in zip(
        table.add_row().cells,
        ["1", TASK, "Trước ngày 30/6/2027", "Văn phòng HĐND và UBND xã"],
        strict=True,
    ):
        cell.text = text
    document.save(str(path))
    return path


async def test_an_officer_chooses_the_commune_of_an_unknown_plan_without_uploading_again(
    open_page: OpenPage, server: Server, tmp_path: Path
) -> None:
    path = unknown_commune_docx(tmp_path / "ke-hoach-binh-yen.docx")
    page = await open_page("officer", viewport=PHONE)
    await page.goto("/imports")
    await page.get_by_label("Tệp kế hoạch").set_input_files(str(path))
    await page.get_by_role("button", name="Xem trước").click()
    await page.wait_for_url("**/imports")
    main = page.locator("main")
    assert "Chưa ghi được: chưa xác định đơn vị ban hành." in await main.inner_text()
    assert await page.get_by_role("button", name="Ghi kế hoạch").count() == 0

    choice = page.get_by_label("Đơn vị ban hành")
    await choice.select_option(label="UBND xã Đại Sơn")
    await page.get_by_role("button", name="Xem trước với đơn vị đã chọn").click()
    await page.wait_for_url("**/imports/unit")
    assert await page.locator("h1").inner_text() == "Cải cách hành chính năm 2027"
    summary = await main.locator("p.notice").inner_text()
    assert summary.startswith("Nếu ghi: Kế hoạch mới 7/KH-UBND: 1 nhiệm vụ")
    assert "UBND xã Đại Sơn" in await main.locator("dl.header").inner_text()
    assert await page.locator("ol.tree.root li.task", has_text=TASK).count() == 1
    assert await page.get_by_role("button", name="Ghi kế hoạch").count() == 1
    # On the phone nothing runs wider than the screen.
    width: Any = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    assert await Plan.count().where(Plan.number == "7/KH-UBND") == 0
