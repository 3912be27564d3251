"""Writes ``compliance.docx``, the Word template of the compliance report, once.

The template is what an office edits: open ``compliance.docx`` in Word, change the
wording around the ``{{ … }}`` fields and the ``{%p … %}``/``{%tr … %}`` lines, save.
This script only made the first version, in the layout of Nghị định 30/2020/NĐ-CP,
Phụ lục I (a report, "BÁO CÁO"): A4, Times New Roman 13, margins 20/20/30/15 mm, the
issuing body beside the national motto, the number and the place and date, the title
and subject centred, the body, "Nơi nhận" beside the signer, and the appendix table.
Run it again only to start over (it overwrites the file):

    uv run python -m tracker.reports.templates.make_template

The fields the template may use are listed in :mod:`tracker.reports.documents`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

__all__ = ["HEADER_COLUMNS", "TEMPLATE", "make_template"]

TEMPLATE = Path(__file__).with_name("compliance.docx")
FONT = "Times New Roman"
BODY = Pt(13)
SMALL = Pt(12)
TINY = Pt(11)


def make_template(path: Path = TEMPLATE) -> Path:
    document = Document()
    _page(document)
    _header(document)
    _title(document)
    _body(document)
    _signature(document)
    _appendix(document)
    document.save(str(path))
    return path


# --------------------------------------------------------------------------- page


def _page(document: WordDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    spacing = normal.paragraph_format
    spacing.space_before, spacing.space_after = Pt(0), Pt(6)
    spacing.line_spacing = 1.15


def _paragraph(
    where: WordDocument | _Cell,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: Pt = BODY,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = False,
    after: Pt | None = None,
) -> Paragraph:
    """One paragraph of one run: a Jinja tag split over runs would not be read."""
    paragraph = where.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = size
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    if after is not None:
        paragraph.paragraph_format.space_after = after
    return paragraph


def _tag(where: WordDocument | _Cell, tag: str) -> None:
    """A docxtpl paragraph tag (``{%p … %}``): the paragraph holding it goes away."""
    _paragraph(where, tag, after=Pt(0))


def _cell(table: Table, row: int, column: int) -> _Cell:
    """A cell emptied of the paragraph python-docx starts it with."""
    cell = table.cell(row, column)
    for paragraph in list(cell.paragraphs):
        paragraph._element.getparent().remove(paragraph._element)
    return cell


def _widths(table: Table, widths: list[int]) -> None:
    """Columns of fixed widths (mm). Word reads each cell's width, LibreOffice the
    table's grid: both are set, and the table's own width, or the grid python-docx
    starts with (the page split evenly) would squeeze the wider column."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)
    total = table._tbl.tblPr.find(qn("w:tblW"))
    total.set(qn("w:type"), "dxa")
    total.set(qn("w:w"), str(sum(Mm(w).twips for w in widths)))


def _no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    # In the order the schema sets (Word refuses a file with tblBorders after tblLook).
    properties = table._tbl.tblPr
    later = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
    following = next((c for c in properties if c.tag in {qn(t) for t in later}), None)
    if following is None:
        properties.append(borders)
    else:
        following.addprevious(borders)


# --------------------------------------------------------------------------- parts


# The header's columns (mm): the decree's sample puts the issuing body in about 6 cm and
# the motto in about 10 cm; together the width between the margins (210 - 30 - 15).
HEADER_COLUMNS = [60, 105]


def _header(document: WordDocument) -> None:
    """The issuing body and the number beside the motto and the place and date; the
    motto, 12 pt bold, fits on one line of the right column."""
    table = document.add_table(rows=2, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(_cell(table, 0, 0), "{{ issuer_upper }}", bold=True, align=center, after=Pt(0))
    right = _cell(table, 0, 1)
    _paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=SMALL,
               align=center, after=Pt(0))  # fmt: skip
    _paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, underline=True,
               align=center, after=Pt(0))  # fmt: skip
    _paragraph(_cell(table, 1, 0), "Số: …/BC-UBND", align=center)
    _paragraph(_cell(table, 1, 1),
               "{{ place }}, ngày {{ day }} tháng {{ month }} năm {{ year }}",
               italic=True, align=center)  # fmt: skip
    _widths(table, HEADER_COLUMNS)


def _title(document: WordDocument) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "", after=Pt(0))
    _paragraph(document, "BÁO CÁO", bold=True, size=Pt(14), align=center, after=Pt(0))
    _paragraph(document, "{{ subject }}", bold=True, size=Pt(14), align=center)
    _paragraph(document, "(Số liệu tính đến {{ as_of }})", italic=True, align=center)


def _body(document: WordDocument) -> None:
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    _paragraph(document, "I. KẾT QUẢ THỰC HIỆN", bold=True, indent=True)
    _paragraph(
        document,
        "Tổng số {{ t.total }} nhiệm vụ có thời hạn trong kỳ báo cáo; {{ t.done }} nhiệm vụ"
        " đến hạn đã hoàn thành, {% if t.due_count %}đạt {{ t.done_rate }}{% else %}chưa có"
        " nhiệm vụ nào đến hạn{% endif %} (đúng hạn: {{ t.done_on_time }}, quá hạn:"
        " {{ t.done_late }}); chưa hoàn thành: {{ t.not_done }} (trong hạn: {{ t.pending }},"
        " quá hạn: {{ t.overdue }}).",
        indent=True, align=justify,
    )  # fmt: skip
    _paragraph(
        document,
        "Số nhiệm vụ đã đến hạn: {{ t.due }}; tỷ lệ hoàn thành đúng hạn trên số nhiệm vụ đến"
        " hạn: {{ t.on_time_rate }}. Chi tiết theo {{ by_name }} tại Phụ lục kèm theo.",
        indent=True, align=justify,
    )  # fmt: skip
    _paragraph(document, "II. TỒN TẠI, HẠN CHẾ", bold=True, indent=True)
    _tag(document, "{%p if groups %}")
    _paragraph(document, "Còn {{ t.overdue }} nhiệm vụ quá hạn chưa hoàn thành, cụ thể:",
               indent=True, align=justify)  # fmt: skip
    _tag(document, "{%p for g in groups %}")
    _paragraph(document, "{{ loop.index }}. {{ g.name }}: {{ g.count }} nhiệm vụ quá hạn.",
               bold=True, indent=True)  # fmt: skip
    _tag(document, "{%p for i in g.entries %}")
    _paragraph(
        document,
        "- {{ i.task }}{% if show_plans %} (Kế hoạch {{ i.plan }}){% endif %}: {% if i.several"
        " %}{{ i.count }} hạn quá hạn, từ {{ i.first }} đến {{ i.last }}; hạn đầu tiên đã quá"
        "{% else %}hạn {{ i.first }}, đã quá{% endif %} {{ i.days_late }} ngày"
        " ({{ i.working_days_late }} ngày làm việc){% if i.escalated_to %}; đã báo cáo"
        " {{ i.escalated_to }}{% endif %}.",
        indent=True, align=justify,
    )  # fmt: skip
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p else %}")
    _paragraph(document, "Không có nhiệm vụ nào quá hạn.", indent=True)
    _tag(document, "{%p endif %}")
    _paragraph(document, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", bold=True, indent=True)
    _paragraph(document, "", indent=True)
    _paragraph(
        document,
        "Trên đây là báo cáo tình hình thực hiện nhiệm vụ từ ngày {{ start }} đến ngày"
        " {{ end }} của {{ issuer }}./.",
        indent=True, align=justify,
    )  # fmt: skip


def _signature(document: WordDocument) -> None:
    """ "Nơi nhận" (left, small) beside the signer (right)."""
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    left = _cell(table, 0, 0)
    _paragraph(left, "Nơi nhận:", bold=True, italic=True, size=SMALL, after=Pt(0))
    _tag(left, "{%p for r in recipients %}")
    _paragraph(left, "- {{ r }};", size=TINY, after=Pt(0))
    _tag(left, "{%p endfor %}")
    _paragraph(left, "- Lưu: VT.", size=TINY, after=Pt(0))
    right = _cell(table, 0, 1)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(right, "TM. ỦY BAN NHÂN DÂN", bold=True, align=center, after=Pt(0))
    _paragraph(right, "CHỦ TỊCH", bold=True, align=center, after=Pt(0))
    for _ in range(4):
        _paragraph(right, "", align=center, after=Pt(0))
    _paragraph(right, "{{ chairman }}", bold=True, align=center)
    _widths(table, [80, 85])


_HEAD_TOP = ["STT", "{{ by_label }}", "Tổng số", "Đã hoàn thành", "", "Chưa hoàn thành", "",
             "Tỷ lệ hoàn thành"]  # fmt: skip
_HEAD_BOTTOM = ["", "", "", "Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn", ""]
_ROW = ["{{ r.stt }}", "{{ r.name }}", "{{ r.total }}", "{{ r.done_on_time }}",
        "{{ r.done_late }}", "{{ r.pending }}", "{{ r.overdue }}", "{{ r.done_rate }}"]  # fmt: skip
_TOTAL = ["", "Tổng cộng", "{{ t.total }}", "{{ t.done_on_time }}", "{{ t.done_late }}",
          "{{ t.pending }}", "{{ t.overdue }}", "{{ t.done_rate }}"]  # fmt: skip
_COLUMNS = [13, 46, 18, 17, 17, 17, 17, 20]  # mm: "STT" and "84,62%" on one line


def _appendix(document: WordDocument) -> None:
    """The table per unit (or plan, commune …), on a page of its own."""
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "Phụ lục", bold=True, align=center, after=Pt(0))
    _paragraph(document, "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO {{ by_name_upper }}", bold=True,
               align=center, after=Pt(0))  # fmt: skip
    _paragraph(document, "(Kèm theo Báo cáo số …/BC-UBND ngày {{ date }} của {{ issuer }})",
               italic=True, align=center)  # fmt: skip
    table = document.add_table(rows=6, cols=len(_COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row, texts, bold in ((0, _HEAD_TOP, True), (1, _HEAD_BOTTOM, True), (3, _ROW, False),
                             (5, _TOTAL, True)):  # fmt: skip
        for column, text in enumerate(texts):
            if not text and row < 2:
                continue  # merged away below: an empty cell leaves nothing behind
            align = WD_ALIGN_PARAGRAPH.LEFT if row == 3 and column == 1 else center
            _paragraph(_cell(table, row, column), text, bold=bold, size=SMALL, align=align,
                       after=Pt(0))  # fmt: skip
    _paragraph(_cell(table, 2, 0), "{%tr for r in rows %}", size=SMALL, after=Pt(0))
    _paragraph(_cell(table, 4, 0), "{%tr endfor %}", size=SMALL, after=Pt(0))
    _widths(table, _COLUMNS)
    for column in (0, 1, 2, 7):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(0, 5).merge(table.cell(0, 6))
    _repeat_header(table, 2)


def _repeat_header(table: Table, rows: int) -> None:
    """The first ``rows`` rows repeat on every page the table spans."""
    for row in table.rows[:rows]:
        properties = row._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        properties.append(header)


if __name__ == "__main__":
    sys.stdout.write(f"{make_template()}\n")
