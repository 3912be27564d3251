"""A member's day in the browser, on a phone: they sign in through the form, land on "Việc của tôi",
open an overdue item, mark it done with a PDF from its page, and see it done, with the
file listed and served back as it was sent."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.browser.conftest import PEOPLE, PHONE, OpenPage, Screenshot, Server, sign_in
from tracker.deadlines.tables import Occurrence

REPORT = "Báo cáo kết quả rà soát, số 15/BC-KT"


def small_pdf(path: Path) -> bytes:
    """A one-page PDF of a report, written here and read back by a real PDF parser."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setTitle("Bao cao ket qua")
    page.drawString(72, 760, "BAO CAO KET QUA RA SOAT")
    page.drawString(72, 740, "Phong Kinh te, xa Dai Son")
    page.showPage()
    page.save()
    data = out.getvalue()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert "BAO CAO KET QUA" in (pdf.pages[0].extract_text() or "")
    path.write_bytes(data)
    return data


async def test_a_member_marks_an_overdue_item_done_with_a_pdf(
    open_page: OpenPage, server: Server, tmp_path: Path, screenshot: Screenshot
) -> None:
    page = await open_page(None, viewport=PHONE)
    await sign_in(page, PEOPLE["member"])
    await page.wait_for_url("**/me")
    assert await page.locator("h1").inner_text() == "Việc của tôi"

    overdue = page.locator("h2#qua-han + ul.work > li.item")
    count = await overdue.count()
    assert count > 0, "the member has no overdue work on /me"
    jump = await page.get_by_role("link", name=re.compile(r"^Quá hạn \(\d+\)$")).inner_text()
    assert jump == f"Quá hạn ({count})"
    first = overdue.first
    await screenshot(page, "viec-cua-toi")
    assert re.fullmatch(r"quá \d+ ngày", await first.locator(".badge.overdue").inner_text())
    title = await first.locator("a.task").inner_text()
    await first.locator("a.task").click()
    await page.wait_for_url(re.compile(r"/occurrences/\d+$"))
    occurrence_id = int(page.url.rsplit("/", 1)[1])
    header = page.locator("dl.header")
    assert await header.locator("dd .badge").inner_text() == "Chưa hoàn thành, quá hạn"
    assert (await page.locator("h1").inner_text()).startswith(title.removesuffix("..."))

    pdf = small_pdf(tmp_path / "bao-cao-ra-soat.pdf")
    await page.get_by_label("Kết quả (số, ngày văn bản, nội dung đã làm)").fill(REPORT)
    await page.get_by_label(re.compile("^Tệp minh chứng")).set_input_files(
        str(tmp_path / "bao-cao-ra-soat.pdf")
    )
    await page.get_by_role("button", name="Đánh dấu hoàn thành").click()
    await page.wait_for_url(f"**/occurrences/{occurrence_id}")

    # Done, late (it was overdue), with what was written and the file.
    assert await header.locator("dd .badge").inner_text() == "Hoàn thành quá hạn"
    assert await header.locator("dd.evidence").inner_text() == REPORT
    files = page.locator("#minh-chung ul.files li")
    assert await files.count() == 1
    link = files.first.get_by_role("link", name="bao-cao-ra-soat.pdf")
    href = await link.get_attribute("href")
    assert href is not None
    served = await page.request.get(href)
    assert served.status == 200
    assert served.headers["content-type"].startswith("application/pdf")
    assert await served.body() == pdf
    await page.locator("#minh-chung").scroll_into_view_if_needed()
    await screenshot(page, "da-hoan-thanh")
    stored = await Occurrence.select(Occurrence.status).where(Occurrence.id == occurrence_id)
    assert stored[0]["status"] == "done"

    # Back on "Việc của tôi": no longer overdue, listed among the work done recently.
    await page.goto("/me")
    assert (
        await page.locator(f'h2#qua-han + ul.work a[href="/occurrences/{occurrence_id}"]').count()
        == 0
    )
    done = page.locator(f'h2#da-xong + ul.work li.item:has(a[href="/occurrences/{occurrence_id}"])')
    assert await done.locator(".badge").inner_text() == "Hoàn thành quá hạn"
