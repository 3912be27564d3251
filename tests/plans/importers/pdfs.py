"""Real PDF files for the tests, written with reportlab: a plan with a ruled task table over
two pages, a plan in prose, a scan (an image, no text layer).

Vietnamese needs a font with its letters (DejaVu Sans, found where Linux systems keep it);
without one the tests that need text skip, saying so.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

_FOLDERS = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
]


def _font() -> tuple[str, str] | None:
    for folder in _FOLDERS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("DejaVu", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(bold)))
            return "DejaVu", "DejaVu-Bold"
    return None


FONT = _font()
needs_font = pytest.mark.skipif(
    FONT is None, reason="không có phông DejaVu Sans để viết chữ tiếng Việt vào tệp PDF thử"
)

HEAD = [
    "ỦY BAN NHÂN DÂN XÃ KIẾN AN",
    "Số: 12/KH-UBND",
    "Kiến An, ngày 10 tháng 01 năm 2026",
]
TITLE = "KẾ HOẠCH"
SUBTITLE = "Kiểm soát thủ tục hành chính năm 2026"
HEADER_ROW = [
    "STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp",
    "Dự kiến kết quả",
]  # fmt: skip
ROWS = [
    ["I", "Công tác chỉ đạo", "", "", "", ""],
    ["1", "Ban hành kế hoạch kiểm soát thủ tục hành chính", "Trong tháng 01/2026",
     "Văn phòng UBND xã", "Các đơn vị có liên quan", "Kế hoạch"],
    ["2", "Báo cáo quý về kiểm soát thủ tục hành chính", "Hàng quý", "UBND xã", "", "Báo cáo"],
    ["II", "Rà soát thủ tục hành chính", "", "", "", ""],
    ["1", "Rà soát, đánh giá thủ tục hành chính", "Trước ngày 30/6/2026",
     "CC Tư pháp – hộ tịch", "", "Báo cáo rà soát"],
]  # fmt: skip


def _styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    assert FONT is not None
    regular, bold = FONT
    return (
        ParagraphStyle("body", fontName=regular, fontSize=10, leading=13),
        ParagraphStyle("bold", fontName=bold, fontSize=11, leading=14),
        ParagraphStyle("cell", fontName=regular, fontSize=8, leading=10),
    )


def table_plan_pdf(path: Path, *, break_after: int = 3) -> Path:
    """A plan whose task table is ruled and runs over a page break after ``break_after``
    rows, its header row repeated on the second page, as Word prints long tables."""
    body, bold, cell = _styles()
    story: list[Flowable] = [
        Paragraph(line, bold if i == 0 else body) for i, line in enumerate(HEAD)
    ]
    story += [Spacer(1, 8), Paragraph(TITLE, bold), Paragraph(SUBTITLE, bold), Spacer(1, 8)]
    parts = [ROWS[:break_after], ROWS[break_after:]]
    for index, rows in enumerate(parts):
        data = [[Paragraph(text, cell) for text in row] for row in [HEADER_ROW, *rows]]
        table = Table(data, colWidths=[30, 150, 80, 80, 80, 60])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        story.append(table)
        if index == 0:
            story.append(PageBreak())
    story += [Spacer(1, 12), Paragraph("Nơi nhận:", bold), Paragraph("- Lưu: VT.", body)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


PROSE = [
    "II. NỘI DUNG THỰC HIỆN",
    "1. Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã. Thời gian thực hiện: trước ngày 30/6/2026.",
    "2. Báo cáo kết quả kiểm soát thủ tục hành chính hằng quý.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Giao Công chức Văn phòng – Thống kê theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
]


def prose_plan_pdf(path: Path) -> Path:
    """A plan written as numbered paragraphs, no table."""
    body, bold, _ = _styles()
    story: list[Flowable] = [Paragraph(line, body) for line in HEAD]
    story += [Paragraph(TITLE, bold), Paragraph(SUBTITLE, bold), Spacer(1, 8)]
    story += [Paragraph(line, bold if line[:3] in ("II.", "III") else body) for line in PROSE]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages that are only pictures of text, as a scanner makes them."""
    picture = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(picture).text((20, 80), "KE HOACH so 12/KH-UBND", fill=0)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    sheet = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        buffer.seek(0)
        sheet.drawImage(ImageReader(buffer), 50, 500, width=500, height=160)
        sheet.showPage()
    sheet.save()
    return path


def blank_pages_pdf(path: Path, pages: int) -> Path:
    sheet = canvas.Canvas(str(path), pagesize=A4)
    for number in range(pages):
        sheet.drawString(50, 800, f"Page {number + 1}")
        sheet.showPage()
    sheet.save()
    return path
