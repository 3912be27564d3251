"""Real PDF files for the tests, written with reportlab: a plan with a ruled task table over
two pages, a plan in prose, a scan (an image, no text layer).

Vietnamese needs a font with its letters (DejaVu Sans, found where Linux systems keep it);
without one the tests that need text skip, saying so.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

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


# --------------------------------------------------------------------------- as provinces publish


NATIONAL_LEFT = ["UBND XÃ KIẾN AN", "Số: 12/KH-UBND"]
NATIONAL_RIGHT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Kiến An, ngày 10 tháng 01 năm 2026",
]
SIGNATURE_LEFT = ["Nơi nhận:", "- UBND huyện;", "- Các đơn vị thuộc xã;", "- Lưu: VT."]
SIGNATURE_RIGHT = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Nguyễn Văn Bình"]
INTRO = [
    "Thực hiện Kế hoạch số 182/KH-UBND ngày 06/01/2026 của UBND huyện về kiểm soát thủ tục "
    "hành chính năm 2026, Ủy ban nhân dân xã Kiến An ban hành Kế hoạch thực hiện như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "Nâng cao chất lượng giải quyết thủ tục hành chính cho người dân và doanh nghiệp trên địa "
    "bàn xã; công khai, minh bạch các thủ tục hành chính thuộc thẩm quyền của xã.",
    "2. Yêu cầu",
    "Các nhiệm vụ được giao bảo đảm đúng tiến độ, chất lượng, hiệu quả.",
    "II. NHIỆM VỤ CỤ THỂ",
    "(Chi tiết tại Phụ lục kèm theo)",
]
CLOSING = [
    "III. TỔ CHỨC THỰC HIỆN",
    "Giao Văn phòng UBND xã chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
]
LONG_CONTENT = (
    "Rà soát, đánh giá toàn bộ thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã, "
    "đề xuất phương án đơn giản hóa thủ tục hành chính, cắt giảm thời gian giải quyết và "
    "chi phí tuân thủ cho người dân, doanh nghiệp; tổng hợp kết quả báo cáo UBND huyện "
    "theo đúng mẫu quy định; cập nhật danh mục thủ tục hành chính lên Cổng dịch vụ công."
)


def many_rows(count: int, *, long: bool = False) -> list[list[str]]:
    """``count`` task rows in two sections, each with its own deadline month; with
    ``long`` every row's content is a long paragraph, so that rows break across pages."""
    rows: list[list[str]] = [["I", "Công tác kiểm soát thủ tục hành chính", "", "", "", ""]]
    half = count // 2
    for n in range(1, count + 1):
        if n == half + 1:
            rows.append(["II", "Công tác truyền thông", "", "", "", ""])
        label = n if n <= half else n - half
        month = (n - 1) % 12 + 1
        rows.append([
            str(label),
            f"Nhiệm vụ số {n} về kiểm soát thủ tục hành chính của xã Kiến An"
            + (f": {LONG_CONTENT} {LONG_CONTENT}" if long else ""),
            f"Trước ngày 25/{month}/2026",
            "Văn phòng UBND xã",
            "Các đơn vị có liên quan",
            "Báo cáo",
        ])  # fmt: skip
    return rows


def _running(text: str) -> Any:
    """A page callback that prints a running header (``text``, when given) from the
    second page on, and the page number ("- 2 -")."""

    def draw(sheet: canvas.Canvas, doc: Any) -> None:
        assert FONT is not None
        width, height = sheet._pagesize
        sheet.saveState()
        sheet.setFont(FONT[0], 8)
        if doc.page > 1 and text:
            sheet.drawCentredString(width / 2, height - 25, text)
        sheet.drawCentredString(width / 2, 20, f"- {doc.page} -")
        sheet.restoreState()

    return draw


def _two_columns(
    left: list[str], right: list[str], bold_right: bool = True, *, centred: bool = False
) -> Table:
    """Two blocks side by side with no ruling, as Word prints the national header and the
    signature block (a table without borders); each line centred in its column with
    ``centred``, as most templates print the national header."""
    body, bold, _ = _styles()
    if centred:
        body = ParagraphStyle("centred", parent=body, alignment=1)
        bold = ParagraphStyle("centred-bold", parent=bold, alignment=1)
    size = max(len(left), len(right))
    left = left + [""] * (size - len(left))
    right = right + [""] * (size - len(right))
    data = [
        [
            Paragraph(a, bold if i == 0 else body),
            Paragraph(b, bold if bold_right and i < 2 else body),
        ]
        for i, (a, b) in enumerate(zip(left, right, strict=True))
    ]
    return Table(data, colWidths=[200, 280])


def national_plan_pdf(
    path: Path,
    *,
    rows: list[list[str]] | None = None,
    repeat_header: bool = True,
    break_at: int | None = None,
    split_row: bool = False,
    ruling: str = "grid",
    landscape_table: bool = True,
    appendix: bool = True,
    running_header: bool = True,
    heading: str = "left",
    letterhead_again: bool = False,
    closing_gap: float = 8,
) -> Path:
    """A plan as a province publishes it: the national header in two columns, prose on
    portrait pages, the task table on landscape pages (``ruling`` "grid", "horizontal" for
    lines between rows only, "header" for a ruled header row only, "columns" for lines
    between the columns and under the header only), a running header and
    page numbers. ``heading`` lays the national header out "left" (each line set to the
    left of its column), "centred", or "number-beside-date" ("Số: …" on the row of the place
    and date, below the rest). With ``break_at`` the table breaks to a new page before that row (its
    header printed again with ``repeat_header``), the row itself cut in two with
    ``split_row``. With ``appendix`` the table is the "PHỤ LỤC" after the signature block
    (as most plans print it), else it follows "II. NHIỆM VỤ CỤ THỂ" and the closing and the
    signature block come after it, on a portrait page again; ``letterhead_again`` prints
    the issuer and "CỘNG HÒA …" again atop the appendix, as many appendices do;
    ``closing_gap`` is the space above the closing "III. TỔ CHỨC THỰC HIỆN" (none: the
    table's last row has no padding below either, as Word often prints it)."""
    from reportlab.lib.pagesizes import landscape
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

    body, bold, cell = _styles()
    running = _running("Kế hoạch số 12/KH-UBND của UBND xã Kiến An" if running_header else "")
    portrait_frame = Frame(56, 50, A4[0] - 112, A4[1] - 100, id="p")
    wide = landscape(A4)
    landscape_frame = Frame(40, 40, wide[0] - 80, wide[1] - 80, id="l")
    doc = BaseDocTemplate(str(path), pagesize=A4)
    doc.addPageTemplates([
        PageTemplate("portrait", [portrait_frame], onPage=running, pagesize=A4),
        PageTemplate("landscape", [landscape_frame], onPage=running, pagesize=wide),
    ])  # fmt: skip
    if heading == "number-beside-date":
        # "Số: 12/KH-UBND" on the row of the place and date, below a gap.
        story: list[Flowable] = [
            _two_columns(["UBND XÃ KIẾN AN"], NATIONAL_RIGHT[:2], centred=True),
            Spacer(1, 14),
            _two_columns(NATIONAL_LEFT[1:], NATIONAL_RIGHT[2:], bold_right=False, centred=True),
            Spacer(1, 12),
        ]
    else:
        columns = _two_columns(NATIONAL_LEFT, NATIONAL_RIGHT, centred=heading == "centred")
        story = [columns, Spacer(1, 12)]
    story += [Paragraph(TITLE, bold), Paragraph(SUBTITLE, bold), Spacer(1, 8)]
    intro = INTRO if appendix else INTRO[:-1]
    story += [Paragraph(line, bold if line[:2] in ("I.", "II") else body) for line in intro]
    closing = [Spacer(1, closing_gap)]
    closing += [Paragraph(line, bold if line[:3] == "III" else body) for line in CLOSING]
    closing += [Spacer(1, 12), _two_columns(SIGNATURE_LEFT, SIGNATURE_RIGHT)]
    if appendix:
        story += closing
    if landscape_table:
        story += [NextPageTemplate("landscape"), PageBreak()]
    if appendix:
        if letterhead_again:
            story += [_two_columns(NATIONAL_LEFT[:1], NATIONAL_RIGHT[:2]), Spacer(1, 8)]
        story += [Paragraph("PHỤ LỤC", bold), Paragraph("NHIỆM VỤ CỤ THỂ", bold)]
        story.append(Paragraph("(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2026)", body))
    widths = [30, 260, 110, 110, 110, 80] if landscape_table else [30, 150, 80, 80, 80, 60]
    style = {
        "grid": [("GRID", (0, 0), (-1, -1), 0.5, "black")],
        "horizontal": [("LINEBELOW", (0, 0), (-1, -1), 0.5, "black"),
                       ("LINEABOVE", (0, 0), (-1, 0), 0.5, "black")],
        "header": [("BOX", (0, 0), (-1, 0), 0.5, "black"),
                   ("INNERGRID", (0, 0), (-1, 0), 0.5, "black")],
        "columns": [("BOX", (0, 0), (-1, -1), 0.5, "black"),
                    ("LINEAFTER", (0, 0), (-2, -1), 0.5, "black"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black")],
    }[ruling]  # fmt: skip
    rows = list(ROWS if rows is None else rows)
    parts = [rows] if rows else []  # no rows: a plan in prose, no table
    if break_at is not None:
        parts = [rows[:break_at], rows[break_at:]]
        if split_row:
            # Word lets a row break across pages: the row's content goes on at the top of
            # the next page, in a row of its own with the other cells empty.
            row = parts[1][0]
            words = row[1].split()
            half = len(words) // 2
            parts[0] = [*parts[0], [row[0], " ".join(words[:half]), *row[2:]]]
            parts[1] = [["", " ".join(words[half:]), "", "", "", ""], *parts[1][1:]]
    for index, part in enumerate(parts):
        head = [HEADER_ROW] if index == 0 or repeat_header else []
        data = [[Paragraph(text, cell) for text in row] for row in [*head, *part]]
        table = Table(data, colWidths=widths, repeatRows=1 if head and repeat_header else 0)
        rules = style if head else {"header": [], "columns": style[:2]}.get(ruling, style)
        tight = [("BOTTOMPADDING", (0, -1), (-1, -1), 0)] if not closing_gap else []
        table.setStyle(TableStyle([*rules, *tight, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
        if index + 1 < len(parts):
            story.append(PageBreak())
    if not appendix:
        if landscape_table:
            story += [NextPageTemplate("portrait"), PageBreak()]
        story += closing
    doc.build(story)
    return path


def drawn_plan_pdf(
    path: Path, lines: list[str], *, overprint: float = 0.0, cells: list[list[str]] | None = None
) -> Path:
    """Lines drawn one by one as given, characters and all (a soft hyphen, a ligature,
    letters in NFD stay in the text layer as written; "**" makes a line bold, "^^" spaces
    its letters out by 3 points). With
    ``overprint`` each line is drawn a second time that far to the right, as some
    programs simulate bold; ``cells`` adds a ruled table after the lines, its cells'
    lines broken where "\\n" stands."""
    assert FONT is not None
    regular, bold = FONT
    sheet = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 60
    for line in lines:
        font = bold if line.startswith("**") else regular
        text = line.removeprefix("**")
        spaced = text.startswith("^^")
        text = text.removeprefix("^^")
        for dx in (0.0, overprint) if overprint else (0.0,):
            words = sheet.beginText(56 + dx, y)
            words.setFont(font, 11)
            if spaced:  # a title's letters spaced out (Word's "Expanded by 3 pt")
                words.setCharSpace(3)
            words.textOut(text)
            sheet.saveState()  # the spacing is the page's state: for this line only
            sheet.drawText(words)
            sheet.restoreState()
        y -= 16
    if cells:
        _, _, cell = _styles()
        data = [[Paragraph(text.replace("\n", "<br/>"), cell) for text in row] for row in cells]
        table = Table(data, colWidths=[30, 170, 70, 90, 90, 50])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
        _, height = table.wrapOn(sheet, A4[0] - 100, y)
        table.drawOn(sheet, 50, y - height)
    sheet.showPage()
    sheet.save()
    return path


def stray_text_scan_pdf(path: Path, pages: int = 3) -> Path:
    """A scan whose text layer is a few stray characters (a stamp's number, a page
    number), as a scanner's OCR or a stamp tool leaves them."""
    scanned_pdf(path, pages)
    picture = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(picture).text((20, 80), "KE HOACH so 12/KH-UBND", fill=0)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    sheet = canvas.Canvas(str(path), pagesize=A4)
    for number in range(pages):
        buffer.seek(0)
        sheet.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
        sheet.setFont("Helvetica", 8)
        sheet.drawString(300, 20, str(number + 1))
        if number == 0:
            sheet.drawString(400, 700, "ll .")
        sheet.showPage()
    sheet.save()
    return path


def locked_pdf(path: Path) -> Path:
    """A plan saved with a password to open it."""
    from reportlab.lib import pdfencrypt

    sheet = canvas.Canvas(str(path), pagesize=A4, encrypt=pdfencrypt.StandardEncryption("mat-khau"))
    sheet.drawString(56, 780, "Ke hoach so 12/KH-UBND")
    sheet.showPage()
    sheet.save()
    return path


def tables_pdf(path: Path, head: list[str], tables: list[list[list[str]]]) -> Path:
    """``head``'s lines, then each ruled table on a page of its own, nothing between."""
    body, bold, cell = _styles()
    story: list[Flowable] = [
        Paragraph(line, bold if i == 0 else body) for i, line in enumerate(head)
    ]
    for index, rows in enumerate(tables):
        if index:
            story.append(PageBreak())
        table = Table([[Paragraph(text, cell) for text in row] for row in rows])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def scanned_cover_pdf(path: Path) -> Path:
    """A first page that is a scan (the signed page, scanned), then the plan's text and
    its ruled table on the next page."""
    body, bold, cell = _styles()
    picture = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(picture).text((20, 80), "KE HOACH so 12/KH-UBND", fill=0)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")

    def cover(sheet: canvas.Canvas, doc: Any) -> None:
        buffer.seek(0)
        sheet.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])

    story: list[Flowable] = [Spacer(1, 1), PageBreak()]
    story += [Paragraph(line, bold if i == 0 else body) for i, line in enumerate(HEAD)]
    story += [Paragraph(TITLE, bold), Paragraph(SUBTITLE, bold), Spacer(1, 8)]
    table = Table([[Paragraph(text, cell) for text in row] for row in [HEADER_ROW, *ROWS]])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=cover)
    return path
