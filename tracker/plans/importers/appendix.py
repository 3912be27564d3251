"""Items that point to the appendix take its tables (pure): "Chi tiết tại Phụ lục, bảng 2",
"(chi tiết tại Phụ lục I kèm theo)", "(Chi tiết, có Phụ lục I đính kèm)".

A plan often says what to do in its body, item by item, and details each item in a table
of its appendix: the table's rows are then the item's tasks, with their own leads and
timings, and the item is their section. Read as two parts, the item stays a leaf that
nobody leads and the rows sit under an appendix nobody reads as the item's work.

What a reference names is found in this order:

1. a table number ("bảng 2") or an appendix of rows only ("Phụ lục I" with no tables in
   it): that table, for the item that says so;
2. a reference with no number on an item whose sub-items are leaves (Kiến An's section II,
   "Chi tiết phụ lục kèm theo" under items 1-7): each sub-item takes the table whose title
   is its own words (the appendix numbers its tables in its own order), an item "Các nội
   dung khác …" the tables left, and an item still without one the single row that is its
   own words, when one stands out.

A reference may also say "(có Phụ lục kèm theo)" or "theo Phụ lục", or name a sheet of the
appendix ("theo Biểu số 02"): the sheet is the appendix or table whose caption names that
number. A plan with several appendices and a reference naming none of them: the one
appendix (or appendix table) whose title is the item's words, when exactly one is; when
several could be, or none, nothing moves and the officer is told. Words are compared
without the reference itself and without a caption's own words ("PHỤ LỤC II", "Biểu số 1",
"NHIỆM VỤ CỤ THỂ").

Only a table number is certain; every other match is reported for review. A reference
that matches nothing moves nothing and is reported too. An appendix left empty goes, its
title kept in the plan's details.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tracker.plans.documents import task_keys
from tracker.plans.importers.base import RawPlan, RawTask, ReviewItem
from tracker.vn import fold

__all__ = ["attach_appendix_tables"]

# "chi tiết tại Phụ lục số 02, bảng 3", "(Chi tiết, có Phụ lục I đính kèm)", folded.
_REFERENCE = re.compile(
    r"chi tiet[^.;()]{0,30}?phu luc"
    r"(?:\s+(?:so\s+)?(?P<appendix>[ivxl]+|\d{1,2})\b)?"
    r"(?:\s*[,.;:-]?\s*(?:tai\s+)?(?:bang|bieu)\s*(?:so\s+)?(?P<table>\d{1,2})\b)?"
)
# "(có Phụ lục kèm theo)", "theo Phụ lục số 2", "tại Phụ lục II", folded; not "phụ lục hợp đồng".
_LOOSE_REFERENCE = re.compile(
    r"\b(?:co|kem theo|theo|tai)\s+(?:cac\s+)?phu luc"
    r"(?:\s+(?:so\s+)?(?P<appendix>[ivxl]+|\d{1,2})\b)?(?!\s+(?:hop dong|mau)\b)"
)
# "theo Biểu số 02", "(chi tiết tại Biểu 3)", folded; not "biểu mẫu".
_SHEET_REFERENCE = re.compile(
    r"(?:chi tiet[^.;()]{0,30}?|\b(?:co|kem theo|theo|tai)\s+)bieu\s*(?:so\s+)?(?P<sheet>\d{1,2})\b"
)
# A caption's own words, left out when titles are compared with items.
_CAPTION_WORDS = re.compile(
    r"\b(?:phu luc|bieu|bang)\s*(?:so\s+)?(?:[ivxl]+|\d{1,2})?\b|\bnhiem vu cu the\b|\bdanh muc\b"
    r"|\bkem theo\b|\bdinh kem\b|\bchi tiet\b"
)
# An appendix or table chosen by its title alone, among several.
_TITLE_MATCH = 0.6
_OTHERS = re.compile(r"^(?:cac\s+)?(?:noi dung|nhiem vu|cong viec|viec)\s+khac\b")
_COMMON = {
    "va", "cac", "cua", "trong", "ve", "tren", "cho", "theo", "tai", "voi", "de", "la",
    "nhung", "mot", "nam", "duoc", "co",
}  # fmt: skip
# How alike an item and a table title must be (Dice coefficient of their words), and a row
# that is the item's own words, clear of the next best.
_TABLE_MATCH = 0.8
_ROW_MATCH = 0.85
_ROW_MARGIN = 0.15


@dataclass(frozen=True)
class _Reference:
    item: RawTask
    appendix: str
    table: str
    sheet: str = ""


def attach_appendix_tables(raw: RawPlan) -> list[ReviewItem]:
    """Move each referenced appendix table under the item that points to it, in place;
    return what the officer should check."""
    appendices = [t for t in raw.tasks if t.label == "PL"]
    if not appendices:
        return []
    review: list[ReviewItem] = []
    # A row keeps the key it has in the appendix ("PL/1/I/2"): a plan imported before its
    # tables moved, imported again, finds its tasks and their recorded progress.
    keys = _keys(raw.tasks, "")
    for node in _subtree([c for a in appendices for c in a.children]):
        node.key = node.key or keys[id(node)]
    body = [t for t in raw.tasks if t.label != "PL"]
    for reference in _references(body):
        if reference.sheet:
            review.extend(_attach_sheet(reference, appendices))
            continue
        if not reference.appendix and len(appendices) > 1:
            review.extend(_attach_by_title(reference, appendices))
            continue
        target = _appendix(appendices, reference.appendix)
        if target is not None:
            review.extend(_attach(reference, target))
    for appendix in appendices:
        if not appendix.children:
            raw.tasks.remove(appendix)
            title = "\n".join(t for t in [appendix.content, *appendix.details] if t)
            raw.details.setdefault("appendix_title", title)
    return review


def _keys(tasks: list[RawTask], prefix: str) -> dict[int, str]:
    """Every node's key as the plan will give it (:func:`task_keys` of the labels)."""
    out: dict[int, str] = {}
    for task, segment in zip(tasks, task_keys([t.label for t in tasks]), strict=True):
        key = task.key or (f"{prefix}/{segment}" if prefix else segment)
        out[id(task)] = key
        out.update(_keys(task.children, key))
    return out


def _subtree(tasks: list[RawTask]) -> Iterator[RawTask]:
    for task in tasks:
        yield task
        yield from _subtree(task.children)


def _references(tasks: list[RawTask]) -> Iterator[_Reference]:
    for task in tasks:
        text = fold(" ".join([task.content, task.note, *task.details]))
        if match := _REFERENCE.search(text):
            yield _Reference(task, match.group("appendix") or "", match.group("table") or "")
        elif match := _SHEET_REFERENCE.search(text):
            yield _Reference(task, "", "", match.group("sheet"))
        elif match := _LOOSE_REFERENCE.search(text):
            yield _Reference(task, match.group("appendix") or "", "")
        yield from _references(task.children)


def _appendix(appendices: list[RawTask], number: str) -> RawTask | None:
    if len(appendices) == 1 or not number:
        return appendices[0]
    wanted = _number(number)
    for appendix in appendices:
        found = re.search(r"phu luc\s+(?:so\s+)?([ivxl]+|\d+)\b", fold(appendix.content))
        if found and _number(found.group(1)) == wanted:
            return appendix
    return None


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for here, after in zip(text, [*text[1:], ""], strict=True):
        value = values[here]
        total += -value if after and values[after] > value else value
    return total


def _attach_sheet(reference: _Reference, appendices: list[RawTask]) -> list[ReviewItem]:
    """ "theo Biểu số 02": the appendix, or else the appendix table, whose caption names
    that sheet; with one appendix, its table numbered so."""
    item, wanted = reference.item, int(reference.sheet)
    for appendix in appendices:
        if _sheet_number(appendix.content) == wanted:
            _move(appendix, item, appendix, f"Biểu số {reference.sheet}")
            return []
    for appendix in appendices:
        for table in _tables(appendix):
            if table is not appendix and _sheet_number(table.content) == wanted:
                _move(table, item, appendix, f"Biểu số {reference.sheet}")
                return []
    if len(appendices) == 1:
        tables = _tables(appendices[0])
        numbered = next((t for t in tables if t is not appendices[0] and t.label.isdigit() and int(t.label) == wanted), None)  # fmt: skip
        if numbered is not None:
            _move(numbered, item, appendices[0], f"Phụ lục, bảng {numbered.label}")
            return [_note(item, f"Mục này trỏ tới Biểu số {reference.sheet}; đã gắn bảng số {numbered.label} của phụ lục; hãy kiểm tra.")]  # fmt: skip
    return [_note(item, f"Mục này trỏ tới Biểu số {reference.sheet}, nhưng không tìm thấy biểu số đó trong phụ lục; chưa gắn bảng nào.")]  # fmt: skip


def _sheet_number(title: str) -> int | None:
    found = re.match(r"\s*bieu\s*(?:so\s*)?(\d{1,2})\b", fold(title))
    return int(found.group(1)) if found else None


def _attach_by_title(reference: _Reference, appendices: list[RawTask]) -> list[ReviewItem]:
    """A reference naming no appendix in a plan with several: under a reference placed
    after a list of items, the one appendix whose tables bear their titles; otherwise the
    one appendix, or appendix table, whose title is the item's words."""
    item = reference.item
    leaves = [c for c in item.children if not c.children]
    if leaves:
        named = [
            appendix for appendix in appendices
            if any(_alike(leaf.content, table.content) >= _TABLE_MATCH
                   for leaf in leaves for table in _tables(appendix) if table is not appendix)
        ]  # fmt: skip
        if len(named) == 1:
            return _attach(reference, named[0])
        if named:
            names = "; ".join(f"'{a.content[:60]}'" for a in named)
            return [_note(item, f"Các mục con trỏ tới phụ lục mà không nêu số, và bảng của nhiều phụ lục mang tên chúng ({names}); chưa gắn bảng nào, hãy kiểm tra.")]  # fmt: skip
    candidates = [
        (appendix, table)
        for appendix in appendices
        for table in [appendix, *(t for t in _tables(appendix) if t is not appendix)]
        if _alike(item.content, table.content) >= _TITLE_MATCH
    ]
    if len(candidates) > 1:
        names = "; ".join(f"'{t.content[:60]}'" for _, t in candidates)
        return [_note(item, f"Mục này trỏ tới phụ lục mà không nêu số, và nhiều phụ lục có thể là phụ lục đó ({names}); chưa gắn bảng nào, hãy chọn.")]  # fmt: skip
    if not candidates:
        return [_note(item, "Mục này trỏ tới phụ lục mà không nêu số, và không phụ lục nào mang tên mục; chưa gắn bảng nào, hãy kiểm tra.")]  # fmt: skip
    [(appendix, table)] = candidates
    label = table.label if table is not appendix else ""
    _move(table, item, appendix, f"Phụ lục, bảng {label}" if label else "Phụ lục")
    name = f"phụ lục '{table.content[:80]}'" if table is appendix else _name(table, appendix)
    return [_note(item, f"Các nhiệm vụ con lấy từ {name}, vì tên của nó trùng với nội dung mục này; hãy kiểm tra.")]  # fmt: skip


def _tables(appendix: RawTask) -> list[RawTask]:
    """The appendix's tables: its section nodes (one per table), or itself when its
    children are the rows of a single table."""
    sections = [t for t in appendix.children if t.kind == "section" or t.children]
    return sections if sections else [appendix]


def _attach(reference: _Reference, appendix: RawTask) -> list[ReviewItem]:
    item = reference.item
    tables = _tables(appendix)
    if reference.table:
        table = next((t for t in tables if t.label == reference.table), None)
        if table is None:
            return [_note(item, f"Mục này trỏ tới Phụ lục, bảng {reference.table}, nhưng phụ lục không có bảng số đó; chưa gắn bảng nào.")]  # fmt: skip
        _move(table, item, appendix, f"Phụ lục, bảng {table.label}")
        return []
    if not item.children and tables == [appendix]:
        # "(Chi tiết, có Phụ lục I đính kèm)": an appendix that is one table of rows.
        _move(appendix, item, appendix, "Phụ lục")
        return [_note(item, "Các nhiệm vụ con lấy từ bảng của phụ lục mà mục này trỏ tới; hãy kiểm tra.")]  # fmt: skip
    leaves = [c for c in item.children if not c.children] if item.children else [item]
    return _match(leaves, tables, appendix)


def _match(items: list[RawTask], tables: list[RawTask], appendix: RawTask) -> list[ReviewItem]:
    """Items and tables paired by their words, best pairs first; then the "other" items
    and single rows."""
    review: list[ReviewItem] = []
    pairs = sorted(
        ((_alike(i.content, t.content), n, m) for n, i in enumerate(items) for m, t in enumerate(tables)),
        key=lambda pair: -pair[0],
    )  # fmt: skip
    taken: dict[int, RawTask] = {}
    used: set[int] = set()
    for score, n, m in pairs:
        if score >= _TABLE_MATCH and n not in taken and m not in used:
            taken[n] = tables[m]
            used.add(m)
    for n, table in taken.items():
        label = table.label if table is not appendix else ""
        _move(table, items[n], appendix, f"Phụ lục, bảng {label}" if label else "Phụ lục")
        review.append(_note(items[n], f"Các nhiệm vụ con lấy từ {_name(table, appendix)}, vì tên bảng trùng với nội dung mục này; hãy kiểm tra."))  # fmt: skip
    left = [t for m, t in enumerate(tables) if m not in used and t is not appendix]
    others = [i for n, i in enumerate(items) if n not in taken and _OTHERS.match(fold(i.content))]
    if left and len(others) == 1:
        for table in left:
            _move(table, others[0], appendix, f"Phụ lục, bảng {table.label}")
        names = ", ".join(_name(t, appendix) for t in left)
        review.append(_note(others[0], f"Các nhiệm vụ con lấy từ {names}: những bảng không mang tên mục nào khác của phụ lục; hãy kiểm tra."))  # fmt: skip
        taken[items.index(others[0])] = left[0]
    holders = [items[n] for n in taken]
    for n, item in enumerate(items):
        if n in taken:
            continue
        row = _single_row(item, holders)
        if row is None:
            review.append(_note(item, "Mục này trỏ tới phụ lục nhưng không tìm thấy bảng nào mang tên mục; hãy kiểm tra."))  # fmt: skip
            continue
        parent, task = row
        parent.children.remove(task)
        item.children.append(task)
        item.kind = "section"
        item.remark = _joined(item.remark, f"Nhiệm vụ con là hàng {task.label} của phụ lục ({parent.content[:60]}).")  # fmt: skip
        review.append(_note(item, f"Nhiệm vụ con lấy từ hàng {task.label} của phụ lục, vì nội dung hàng trùng với nội dung mục này; hãy kiểm tra."))  # fmt: skip
    return review


def _single_row(item: RawTask, holders: list[RawTask]) -> tuple[RawTask, RawTask] | None:
    """The one row of the tables other items took whose words are the item's, when it
    stands clear of the next best."""
    rows = sorted(
        ((_alike(item.content, task.content), parent, task) for holder in holders
         for parent, task in _rows(holder)),
        key=lambda row: -row[0],
    )  # fmt: skip
    if not rows or rows[0][0] < _ROW_MATCH:
        return None
    if len(rows) > 1 and rows[0][0] - rows[1][0] < _ROW_MARGIN:
        return None
    return rows[0][1], rows[0][2]


def _rows(node: RawTask) -> Iterator[tuple[RawTask, RawTask]]:
    for child in node.children:
        if child.children:
            yield from _rows(child)
        else:
            yield node, child


def _move(table: RawTask, item: RawTask, appendix: RawTask, name: str) -> None:
    """The table's rows (and sections) become the item's children; the table leaves the
    appendix (an appendix that is itself the table is emptied)."""
    item.children.extend(table.children)
    item.kind = "section"
    title = f" ({table.content})" if table.content and table is not appendix else ""
    item.remark = _joined(item.remark, f"Các nhiệm vụ con là {name}{title}.")
    if table is not appendix:  # an appendix's own lines are its heading, kept with its title
        item.details.extend(d for d in table.details if d not in item.details)
    table.children = []
    if table is not appendix:
        appendix.children.remove(table)


def _name(table: RawTask, appendix: RawTask) -> str:
    if table is appendix:
        return "phụ lục"
    number = f" {table.label}" if table.label else ""
    return f"bảng{number} của phụ lục ('{table.content[:80]}')"


def _note(item: RawTask, reason: str) -> ReviewItem:
    return ReviewItem(item.where or item.label, "phụ lục", item.content[:80], reason)


def _joined(first: str, second: str) -> str:
    return f"{first} {second}".strip()


def _words(text: str) -> set[str]:
    """The text's own words: folded, without a reference to the appendix, a caption's
    own words or common words."""
    folded = fold(text)
    for pattern in (_REFERENCE, _SHEET_REFERENCE, _LOOSE_REFERENCE):
        folded = pattern.sub(" ", folded)
    folded = _CAPTION_WORDS.sub(" ", folded)
    return {w for w in re.findall(r"[a-z0-9]+", folded) if w not in _COMMON}


def _alike(first: str, second: str) -> float:
    """Dice's coefficient of the two texts' words (folded, common words left out)."""
    a, b = _words(first), _words(second)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0
