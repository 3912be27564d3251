"""Unit names as tables shorten them ("VP HĐND-UBND", "CA xã", "BCH Quân sự", "TYT xã"),
spelled out for the unit directory (pure). The builder asks the directory with the
spelled-out cell only when the cell as written names a unit the directory does not know,
and keeps it only when more of its names are then found."""

from __future__ import annotations

import re

__all__ = ["spell_out"]

# Capitals as written in a cell; a pattern never matches inside a longer word.
_SHORT = [
    (r"HĐND\s*[-–&/+]\s*UBND", "HĐND và UBND"),
    (r"BCH\s*QS|BCHQS", "Ban Chỉ huy Quân sự"),
    (r"BCH", "Ban Chỉ huy"),
    (r"QS", "Quân sự"),
    (r"VP", "Văn phòng"),
    (r"CA", "Công an"),
    (r"TYT", "Trạm Y tế"),
    (r"UBMTTQ(?:\s*VN)?", "Ủy ban MTTQ Việt Nam"),
    (r"ĐTN|Đoàn\s+TN(?:CS\s*HCM)?", "Đoàn Thanh niên"),
    (r"HLHPN|Hội\s+LHPN|HPN", "Hội Liên hiệp Phụ nữ"),
    (r"HND", "Hội Nông dân"),
    (r"HCCB", "Hội Cựu chiến binh"),
    (r"TTPVHCC", "Trung tâm Phục vụ hành chính công"),
    (r"TTDVSNC", "Trung tâm Dịch vụ sự nghiệp công"),
    (r"Phòng\s+KT", "Phòng Kinh tế"),
    (r"Phòng\s+VHXH", "Phòng Văn hóa - Xã hội"),
]
_PATTERNS = [(re.compile(rf"(?<![\w]){short}(?![\w])"), long) for short, long in _SHORT]


def spell_out(cell: str) -> str:
    """The cell with the unit abbreviations tables use written in full ("CA xã" → "Công
    an xã"); the cell itself when it holds none."""
    for pattern, long in _PATTERNS:
        cell = pattern.sub(long, cell)
    return cell
