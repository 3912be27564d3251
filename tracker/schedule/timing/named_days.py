"""Days of the calendar known by name: one table, read three ways by the reader (hclean).

Each row is a name as the folded cell writes it (a regular expression: "quoc\\s+khanh"), its
day and month in its own calendar when it has one, whether that calendar is the lunar one, and
what the reader's uses need of it:

- a start at a named day ("từ ngày Quốc khánh 2/9", ``reader._start_at_a_named_day``) needs a
  word a day's name is made of in the name (``CALENDAR_DAY_WORD``, from the rows marked
  ``word``: the generic words, with no day of their own, and "Quốc khánh");
- a name and a date said together ("trước ngày Quốc khánh 2/9", "2/9 (Quốc khánh)",
  ``reader._restated_days``) must agree: the solar rows with a day (``SOLAR_DAYS``, in the
  table's order, which the reader's alternatives keep); the generic ones among them need
  "ngày" before them (``needs_ngay``: "Ngày Nhà giáo Việt Nam 20/11"), the holidays' own names
  do not. A solar day's name is also a name whatever its words (``SOLAR_DAY_NAME``,
  ``reader._named``: "Giải phóng miền Nam");
- a lunar feast's name ("ngày Giỗ Tổ Hùng Vương 10/3", "Tết Trung thu 15/8") says the date
  after it is lunar, never the solar day of those numbers: such a name explains nothing and
  the cell flags (``LUNAR_FEAST``, ``reader._named``). Their lunar days are written for the
  reader of this table; no check uses them (their solar day moves every year).

Tết Nguyên đán is not here: it is a season with lunar days of its own, read by the lunar
readers (``lunar_dates``), not a name before a date.

Made from three tables that said the same things apart (``_CALENDAR_DAY_NAME``,
``_NATIONAL_DAYS``, ``_LUNAR_FEAST`` of reader.py); every pattern built here reads exactly as
the old one did (the byte-for-byte check of hclean, in tests/plans/corpus/README.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class NamedDay:
    name: str
    day: int | None = None
    month: int | None = None
    lunar: bool = False
    # Checked against a date beside it only with "ngày" before it (a generic name).
    needs_ngay: bool = False
    # A word a day's name is made of: a start at a name holding it is a start at that day.
    word: bool = False


NAMED_DAYS: tuple[NamedDay, ...] = (
    # Solar days with their fixed date, in the order the reader tries them.
    NamedDay(r"quoc\s+khanh", 2, 9, word=True),
    NamedDay(
        r"giai\s+phong\s+(?:hoan\s+toan\s+)?mien\s+nam(?:\s*,?\s*thong\s+nhat\s+dat\s+nuoc)?", 30, 4
    ),
    NamedDay(r"thuong\s+binh\s*(?:[,\-–]\s*)?liet\s+si", 27, 7),
    # (Not among the words that make a start's name: "từ ngày Tết Dương lịch 1/1" flags, as it
    # did before the tables were one.)
    NamedDay(r"tet\s+duong\s+lich", 1, 1),
    NamedDay(r"quoc\s+te\s+lao\s+dong", 1, 5),
    NamedDay(r"nha\s+giao\s+viet\s+nam", 20, 11, needs_ngay=True),
    NamedDay(r"quoc\s+te\s+phu\s+nu", 8, 3, needs_ngay=True),
    NamedDay(r"phu\s+nu\s+viet\s+nam", 20, 10, needs_ngay=True),
    NamedDay(r"quoc\s+te\s+thieu\s+nhi", 1, 6, needs_ngay=True),
    NamedDay(r"thay\s+thuoc\s+viet\s+nam", 27, 2, needs_ngay=True),
    NamedDay(r"bao\s+chi\s+cach\s+mang\s+viet\s+nam", 21, 6, needs_ngay=True),
    NamedDay(r"doanh\s+nhan\s+viet\s+nam", 13, 10, needs_ngay=True),
    NamedDay(r"gia\s+dinh\s+viet\s+nam", 28, 6, needs_ngay=True),
    NamedDay(r"thanh\s+lap\s+quan\s+doi\s+nhan\s+dan\s+viet\s+nam", 22, 12, needs_ngay=True),
    NamedDay(r"thanh\s+lap\s+dang\s+cong\s+san\s+viet\s+nam", 3, 2, needs_ngay=True),
    # Days of the state's calendar a plan names beside their date (hprobe26: "Ngày Pháp luật
    # Việt Nam (10/11)" was read as 10/11 without a flag).
    NamedDay(r"phap\s+luat\s+viet\s+nam", 9, 11, needs_ngay=True),
    NamedDay(r"chien\s+thang\s+dien\s+bien\s+phu", 7, 5, needs_ngay=True),
    NamedDay(r"quoc\s+phong\s+toan\s+dan", 22, 12, needs_ngay=True),
    NamedDay(r"moi\s+truong\s+the\s+gioi", 5, 6, needs_ngay=True),
    NamedDay(r"the\s+thao\s+viet\s+nam", 27, 3, needs_ngay=True),
    NamedDay(r"van\s+hoa\s+cac\s+dan\s+toc\s+viet\s+nam", 19, 4, needs_ngay=True),
    NamedDay(r"khoa\s+hoc\s+(?:va|&)\s+cong\s+nghe\s+viet\s+nam", 18, 5, needs_ngay=True),
    NamedDay(r"chuyen\s+doi\s+so\s+quoc\s+gia", 10, 10, needs_ngay=True),
    NamedDay(r"dai\s+doan\s+ket\s+toan\s+dan\s+toc", 18, 11, needs_ngay=True),
    NamedDay(r"quoc\s+te\s+nguoi\s+cao\s+tuoi", 1, 10, needs_ngay=True),
    NamedDay(r"dan\s+so\s+viet\s+nam", 26, 12, needs_ngay=True),
    NamedDay(r"sach\s+va\s+van\s+hoa\s+doc\s+viet\s+nam", 21, 4, needs_ngay=True),
    # The words solar days' names are made of ("Quốc tế Phụ nữ", "Nhà giáo Việt Nam", "Môi
    # trường thế giới", "ngày thành lập …"), no day of their own.
    NamedDay(r"quoc\s+te", word=True),
    NamedDay(r"the\s+gioi", word=True),
    NamedDay(r"viet\s+nam", word=True),
    NamedDay(r"toan\s+(?:dan|quoc)", word=True),
    NamedDay(r"thanh\s+lap", word=True),
    NamedDay(r"truyen\s+thong", word=True),
    NamedDay(r"giai\s+phong", word=True),
    NamedDay(r"chien\s+thang", word=True),
    NamedDay(r"sinh\s+nhat", word=True),
    NamedDay(r"ky\s+niem", word=True),
    NamedDay(r"thuong\s+binh", word=True),
    NamedDay(r"liet\s+si", word=True),
    NamedDay(r"thieu\s+nhi", word=True),
    NamedDay(r"phu\s+nu", word=True),
    NamedDay(r"nha\s+giao", word=True),
    NamedDay(r"thay\s+thuoc", word=True),
    NamedDay(r"doanh\s+nhan", word=True),
    NamedDay(r"gia\s+dinh", word=True),
    NamedDay(r"dai\s+doan\s+ket", word=True),
    NamedDay(r"bao\s+chi", word=True),
    NamedDay(r"phap\s+luat", word=True),
    NamedDay(r"moi\s+truong", word=True),
    NamedDay(r"dan\s+so", word=True),
    NamedDay(r"nguoi\s+cao\s+tuoi", word=True),
    NamedDay(r"hien\s+mau", word=True),
    # Lunar feasts, with their lunar day where it is fixed ("rằm" is the 15th of any month).
    NamedDay(r"gio\s+to", 10, 3, lunar=True),
    NamedDay(r"vu\s+lan", 15, 7, lunar=True),
    NamedDay(r"phat\s+dan", 15, 4, lunar=True),
    NamedDay(r"trung\s+thu", 15, 8, lunar=True),
    NamedDay(r"doan\s+ngo", 5, 5, lunar=True),
    NamedDay(r"nguyen\s+tieu", 15, 1, lunar=True),
    NamedDay(r"ram", 15, lunar=True),
    NamedDay(r"thuong\s+nguyen", 15, 1, lunar=True),
    NamedDay(r"trung\s+nguyen", 15, 7, lunar=True),
    NamedDay(r"ha\s+nguyen", 15, 10, lunar=True),
    NamedDay(r"ong\s+(?:cong|tao)", 23, 12, lunar=True),
    NamedDay(r"than\s+tai", 10, 1, lunar=True),
    NamedDay(r"han\s+thuc", 3, 3, lunar=True),
    NamedDay(r"long\s+tong", lunar=True),
    NamedDay(r"via\s+ba", lunar=True),
    NamedDay(r"khai\s+ha", 7, 1, lunar=True),
)


def _any_word(rows: list[NamedDay]) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{'|'.join(row.name for row in rows)})(?![a-z])")


SOLAR_DAYS: tuple[NamedDay, ...] = tuple(
    row for row in NAMED_DAYS if not row.lunar and row.day is not None
)
SOLAR_DAY_NAME = re.compile("|".join(row.name for row in SOLAR_DAYS))
CALENDAR_DAY_WORD = _any_word([row for row in NAMED_DAYS if row.word])
LUNAR_FEAST = _any_word([row for row in NAMED_DAYS if row.lunar])
