"""A plan's head (pure): number and symbol, issuing body, place and date, title, year, and
the plan it implements."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from tracker.plans.importers.base import clean_cell
from tracker.vn import fold

__all__ = ["Header", "read_header"]


@dataclass(frozen=True)
class Header:
    number: str = ""
    doc_type: str = "KH"
    title: str = ""
    place: str = ""
    issued: date | None = None
    # The month of issue, also when the day is left blank ("ngày tháng 3 năm 2026").
    issued_month: int | None = None
    issued_text: str = ""
    year: int | None = None
    parent_ref: str = ""
    parent_number: str = ""
    # The issuing body as printed ("UBND XÃ LÊ LỢI", "ỦY BAN NHÂN DÂN XÃ NHẬT TÂN").
    issuer: str = ""


_NUMBER = re.compile(r"Số\s*:?\s*(\d*)\s*/\s*([A-ZĐ]+(?:\s*-\s*[A-ZĐ]+)+)")
# The place before ", ngày … tháng … năm …": up to six words on its line ("Pa Ủ",
# "Cư M’gar", "Sơn Kim 1", "Đắk song"), which ``_place`` narrows: Vietnamese capitals and
# small letters interleave in Unicode, so no character class tells them apart.
_PLACE_DATE = re.compile(
    r"(?<![\w’'–-])((?:[\w’'–-]+[ \t]){0,5}[\w’'–-]+),\s*ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})"
    r"\s+năm\s+(\d{4})"
)
_ISSUER = re.compile(
    r"^(?:(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND|ĐẢNG\s+(?:ỦY|UỶ|BỘ))\s+)?"
    r"((?:XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+[A-ZÀ-ỸĐ0-9’'\-– ]+?)\s*$"
)
_REFERENCE = (
    r"((?:Kế hoạch|Quyết định|Nghị quyết|Chỉ thị|Công văn)\s+(?:số\s+)?(\d+\s*/\s*[A-ZĐ\-]+)?"
    r"[^;]*?)(?=;|\.\s|\.$|\n\s*\n|$)"
)
_IMPLEMENTS = [re.compile(rf"Thực hiện\s+{_REFERENCE}"), re.compile(rf"Căn cứ\s+{_REFERENCE}")]
_TITLE_START = re.compile(r"^\s*#*\s*\**\s*KẾ\s+HOẠCH\b\s*\**\s*(.*)$")
# Other kinds of plan a commune issues as a table: "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026",
# "DANH MỤC NHIỆM VỤ …", "LỊCH CÔNG TÁC …", "PHƯƠNG ÁN …", "ĐỀ ÁN …" (in capitals).
_OTHER_TITLE_START = re.compile(
    r"^\s*#*\s*\**\s*((?:CHƯƠNG\s+TRÌNH|DANH\s+MỤC|LỊCH|PHƯƠNG\s+ÁN|ĐỀ\s+ÁN)\s+.*)$"
)
# The first line of the body: "Căn cứ …", "Thực hiện Kế hoạch số …" (a title may itself
# open with "Thực hiện": "Thực hiện công tác chuyển đổi số năm 2026"), "I.", "Điều".
_TITLE_END = re.compile(
    r"^(?:Thực hiện\s+(?:các\s+|sự\s+)?(?:Kế hoạch|Quyết định|Chỉ thị|Nghị quyết|Nghị định|"
    r"Thông tư|Thông báo|Công văn|Chương trình|Luật|Hướng dẫn|Văn bản|ý kiến|chỉ đạo)\b|"
    r"Căn cứ|\(Ban hành|\(Kèm theo|I\.|#+\s*\**\s*I\.|Điều)",
    re.IGNORECASE,
)


# A caption over a table ("Biểu 1: Danh mục nhiệm vụ", "PHỤ LỤC 2", "Bảng số 01"): the
# title has ended, whatever the caption says.
CAPTION = re.compile(
    r"^(?:(?:Biểu|Bảng|Mẫu)\s+(?:số\s*)?(?:\d{1,3}|[IVX]{1,4})\b|Phụ\s+lục\b)", re.IGNORECASE
)
# A sentence that leads into the body: "… ban hành Kế hoạch như sau:".
_LEADS_IN = re.compile(r":$|\bnhư sau\b", re.IGNORECASE)
# A body sentence, not a title's line: it ends as a sentence does, or cites a text by its
# number ("Thực hiện Chương trình số 05-CTr/ĐU …, UBND xã ban hành kế hoạch như sau:").
_SENTENCE = re.compile(r"[.;:,]$|\bsố\s*\d|\bnhư sau\b", re.IGNORECASE)


def _ends_title(line: str, first: bool, bold: bool = False) -> bool:
    """Whether ``line`` (as the document has it, bold in "**") is no longer the title. The
    first line under a bare "KẾ HOẠCH" is the title even when it opens with "Thực hiện
    Chương trình …" (the text it implements as its name): in bold, or not a sentence.
    After it, a line that leads into the body ("…, UBND xã ban hành Kế hoạch như sau:"),
    or a plain line after a title in ``bold``, ends it."""
    text = clean_cell(line)
    if CAPTION.match(text) or line.startswith(("---", "Số")):
        return True
    if not first and (_LEADS_IN.search(text) or (bold and not line.startswith("**"))):
        return True
    if not _TITLE_END.match(text):
        return False
    if first and text.lower().startswith("thực hiện"):
        return not line.startswith("**") and bool(_SENTENCE.search(text))
    return True


def _place(words: str) -> str:
    """The place's words: the last run of words written with a capital ("Lê Lợi", not
    "QĐ-UBND" or "tại"), numbers ("Sơn Kim 1"), or a small word right after a capitalised
    one ("Đắk song"), joined by dashes ("Chân Mây – Lăng Cô")."""

    def capitalised(word: str) -> bool:  # "Lê", "Ủ", "M’gar", "KDang"; not "QĐ-UBND"
        return word[0].isupper() and (len(word) == 1 or any(c.islower() for c in word))

    parts = words.split()
    start = len(parts)
    while start > 0:
        word = parts[start - 1]
        small_after_capital = word.islower() and start >= 2 and capitalised(parts[start - 2])
        number = word.isdigit() and len(word) <= 2
        if not (capitalised(word) or number or small_after_capital or word in ("-", "–")):
            break
        start -= 1
    while start < len(parts) and not (capitalised(parts[start]) or parts[start].isdigit()):
        start += 1
    return " ".join(parts[start:])


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _title(lines: list[str]) -> str:
    """The words after "KẾ HOẠCH" up to the first paragraph of the body; without a "KẾ
    HOẠCH", a capitalised "CHƯƠNG TRÌNH …", "DANH MỤC …" line and those after it, whole."""
    for pattern in (_TITLE_START, _OTHER_TITLE_START):
        for index, line in enumerate(lines):
            match = pattern.match(line)
            if not match or (pattern is _OTHER_TITLE_START and not line.isupper()):
                continue
            parts = [match.group(1)] if match.group(1).strip(" *#") else []
            bold = line.strip().startswith("**")
            for following in lines[index + 1 :]:
                text = following.strip()
                if not text:
                    continue  # a PDF puts blank lines inside a title
                if _ends_title(text, first=not parts, bold=bold):
                    break
                bold = bold if parts else text.startswith("**")
                parts.append(text)
            title = clean_cell(" ".join(parts))
            if title:
                return title
    return ""


def _issuer(lines: list[str]) -> str:
    """The letterhead's body ("XÃ LÊ LỢI"): an all-capital line, never a sentence."""
    for line in lines:
        text = clean_cell(line)
        if text and text == text.upper() and (match := _ISSUER.match(text)):
            return clean_cell(match.group(1))
    return ""


def read_header(lines: list[str]) -> Header:
    """Read what a plan's first lines say about it. Anything not found stays empty."""
    text = _nfc("\n".join(lines))
    number = symbol = ""
    if match := _NUMBER.search(text):
        number, symbol = match.group(1), re.sub(r"\s+", "", match.group(2))
    place = issued_text = ""
    issued: date | None = None
    month: int | None = None
    year: int | None = None
    if match := _PLACE_DATE.search(text):
        place = _place(clean_cell(match.group(1)))
        issued_text = clean_cell(match.group(0))
        year = int(match.group(4))
        month = int(match.group(3)) if 1 <= int(match.group(3)) <= 12 else None
        if match.group(2) and month:
            try:
                issued = date(year, month, int(match.group(2)))
            except ValueError:  # "ngày 31 tháng 2": the year and month still hold
                issued = None
    title = _title(text.splitlines())
    if found := re.search(r"năm\s+(\d{4})", title, re.IGNORECASE):
        year = int(found.group(1))
    parent_ref = parent_number = ""
    for pattern in _IMPLEMENTS:  # "Thực hiện" names the plan it implements; else "Căn cứ"
        if match := pattern.search(text):
            parent_ref = clean_cell(match.group(1)).rstrip(" .;,")
            parent_number = re.sub(r"\s+", "", match.group(2) or "")
            break
    issuer = _issuer(text.splitlines())
    return Header(
        number=f"{number}/{symbol}" if symbol else "",
        doc_type="QĐ" if fold(symbol).startswith("qd") else "KH",
        title=title,
        place=place,
        issued=issued,
        issued_month=month,
        issued_text=issued_text,
        year=year,
        parent_ref=parent_ref,
        parent_number=parent_number,
        issuer=issuer,
    )
