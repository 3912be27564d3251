"""How an item starts: roman, arabic, multi-level, letters, bullets, and the label it carries."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.plans.importers.base import clean_cell
from tracker.plans.importers.tables import PART_LETTERS

BULLETISH = ("bullet", "none")

# How deep a bullet mark usually sits: "*" heads a block, "+" hangs under "-".
BULLET_RANK = {"*": 0, "-": 1, "": 1, "+": 2}

_PLUS = re.compile(r"^[-–]\s*\+\s*(?=\S)")

_DASH = re.compile(r"^[-–•]\s+(?=\S)")

_BARE_DASH = re.compile(r"^-(?=[^\W\d_])")

_PLUS_ONLY = re.compile(r"^\+\s*(?=\S)")

_MULTI = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)")

# "2. Việc", "2.Việc", "2) 100% hồ sơ"; not "2.5 tỷ" nor "2021."
_NUM = re.compile(r"^(\d{1,2})\s*[.)](?:\s+(?=\S)|(?=[^\d\s./]))")

_LETTER = re.compile(r"^([a-zđ])\s*\)\s*(?=\S)|^([a-zđ])\.\s+(?=\S)")

_ROMAN = re.compile(r"^([IVXL]{1,6})\s*(?:[.)]\s*|[-–:]\s+)(?=\S)")

_ROMAN_VALID = re.compile(r"^L?X{0,3}(IX|IV|V?I{0,3})$")

# "A. MỤC ĐÍCH, YÊU CẦU", "B. NỘI DUNG": a lettered part above the Roman sections (letters
# that are no Roman numeral; the title after it in capitals).
_PART = re.compile(rf"^([{PART_LETTERS}])\s*[.)]\s+(?=\S)")

_ARTICLE = re.compile(r"^Điều\s+(\d{1,3})\s*[.:]\s+(?=\S)")

_STAR = re.compile(r"^\*\s+(?=[^*\s])")


@dataclass(frozen=True)
class Start:
    """How a line opens an item: its numbering style, the mark as printed, the label."""

    style: str
    marker: str
    label: str
    rest: str


def _bullet_start(text: str) -> Start | None:
    for pattern, mark in ((_PLUS, "+"), (_DASH, "-"), (_PLUS_ONLY, "+")):
        match = pattern.match(text)
        if match:
            return Start("bullet", mark, mark, text[match.end() :])
    match = _BARE_DASH.match(text)
    if match and text[1].isupper():
        return Start("bullet", "-", "-", text[1:])
    return None


def _numbered_start(text: str) -> Start | None:
    match = _MULTI.match(text)
    if match:
        label = match.group(1)
        return Start(f"multi{label.count('.') + 1}", f"{label}.", label, text[match.end() :])
    match = _NUM.match(text)
    if match:
        return Start("num", match.group(0).strip(), match.group(1), text[match.end() :])
    match = _LETTER.match(text)
    if match:
        label = match.group(1) or match.group(2)
        return Start("letter", match.group(0).strip(), label, text[match.end() :])
    match = _PART.match(text)
    if match and text[match.end() :].isupper():
        return Start("part", f"{match.group(1)}.", match.group(1), text[match.end() :])
    match = _ROMAN.match(text)
    if match and _ROMAN_VALID.match(match.group(1)):
        return Start("roman", f"{match.group(1)}.", match.group(1), text[match.end() :])
    match = _ARTICLE.match(text)
    if match and text[match.end()].isupper():
        label = f"Điều {match.group(1)}"
        return Start("article", f"{label}.", label, text[match.end() :])
    return None


def item_start(bare: str) -> Start | None:
    """The item a line opens, if any. A lone "*" before a space is a bullet; other stars
    are emphasis and do not hide the numbering behind them ("**1. Nội dung**")."""
    match = _STAR.match(bare)
    if match:
        return Start("bullet", "*", "*", bare[match.end() :])
    text = bare.lstrip("* ")
    return _bullet_start(text) or _numbered_start(text)


def split_label(line: str) -> tuple[str, str]:
    """A heading or item line as (label, text), both cleaned: "## **2. Thực hiện …**" gives
    ("2", "Thực hiện …"), "- Việc a" gives ("-", "Việc a"), an unnumbered line ("", line)."""
    bare, _ = bare_text(line)
    start = item_start(bare)
    if start is None:
        return "", clean_cell(bare)
    return start.label, clean_cell(start.rest)


def bare_text(line: str) -> tuple[str, bool]:
    """The line without surrounding space and markdown heading marks; whether it was a heading."""
    text = line.strip()
    heading = text.startswith("#")
    return text.lstrip("#").strip(), heading
