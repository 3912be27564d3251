"""Plans saved as text (.txt, .md): the layout is found first (prose, tab-separated tables,
a table extracted from a PDF), then each part goes to the reader of its kind."""

from __future__ import annotations

import re
from pathlib import Path

from tracker.plans.importers.base import (
    DocumentError,
    RawPlan,
    RawTask,
    clean_cell,
    decode_document,
)
from tracker.plans.importers.limits import (
    LIMITS,
    DocumentTooComplex,
    Limits,
    check_size,
    figure,
)
from tracker.plans.importers.pdftable import parse_pdf_table
from tracker.plans.importers.prose import parse_prose, split_label
from tracker.plans.importers.tables import find_columns, rows_to_tasks
from tracker.vn import fold

__all__ = ["read_lines", "read_text"]


def read_text(path: Path, *, name: str | None = None, limits: Limits = LIMITS) -> RawPlan:
    """A .txt or .md plan as a raw plan. Prose goes to :func:`parse_prose`; tab-separated
    tables (an appendix) to :func:`rows_to_tasks`, one node each under "PL"; a table
    extracted from a PDF to :func:`parse_pdf_table`, the lines before it (a decision
    issuing the plan) to the plan's head. ``name`` is the file's name in messages (an
    upload's own name); by default the path's. Its size and lines are bounded by
    ``limits``."""
    shown = name or path.name
    if path.is_file():
        check_size(path.stat().st_size, shown, limits, text=True)
    lines = [line.rstrip("\r") for line in _decode(path, shown).split("\n")]
    if len(lines) > limits.paragraphs:
        raise DocumentTooComplex(
            f"{shown}: tệp có {figure(len(lines))} dòng; giới hạn là "
            f"{figure(limits.paragraphs)} dòng."
        )
    return read_lines(lines, shown)


def read_lines(lines: list[str], shown: str) -> RawPlan:
    """A plan's lines (a text file's, a PDF's text layer) read by the layout they show."""
    if _tab_table_start(lines) is not None:
        plan = _with_tab_tables(lines, shown)
    elif (start := _pdf_table_start(lines)) is not None:
        plan = _with_pdf_table(lines, start, shown)
    else:
        plan = parse_prose(lines, source=shown)
    if not plan.tasks:
        raise DocumentError(
            f"{shown}: không tìm thấy nhiệm vụ nào (không có mục Nội dung, Nhiệm vụ, "
            "Tổ chức thực hiện hay bảng nhiệm vụ)."
        )
    return plan


def _decode(path: Path, shown: str) -> str:
    """The file as text (:func:`decode_document`)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(
            f"{shown}: không đọc được tệp văn bản ({exc.strerror or exc})."
        ) from exc
    return decode_document(data, shown, "tệp văn bản")


# --------------------------------------------------------------------------- tab-separated tables


def _tab_table_start(lines: list[str]) -> int | None:
    """The first line of the first tab-separated table, or None. A table needs a header row
    ("Stt", "Nội dung", …): a few tabs in prose (a recipients list) make none."""
    header = next(
        (
            index
            for index, line in enumerate(lines)
            if "\t" in line and find_columns(line.split("\t")) is not None
        ),
        None,
    )
    if header is None:
        return None
    start = header
    while start > 0 and ("\t" in lines[start - 1] or not lines[start - 1].strip()):
        start -= 1
    while "\t" not in lines[start]:
        start += 1
    return start


def _blocks(lines: list[str], start: int) -> list[tuple[list[int], list[int]]]:
    """From ``start`` on: each table as (its heading lines, its row lines). A table runs on
    over blank lines (page breaks); the lines between two tables head the second."""
    blocks: list[tuple[list[int], list[int]]] = []
    heading: list[int] = []
    for index in range(start, len(lines)):
        line = lines[index]
        if "\t" in line:
            if heading or not blocks:
                blocks.append((heading, []))
                heading = []
            blocks[-1][1].append(index)
        elif any(c.isalpha() for c in line):  # not a page number
            heading.append(index)
    if heading:
        blocks.append((heading, []))
    return blocks


def _heading_start(lines: list[str], start: int) -> int:
    """Where the first table's heading begins: the line just before it when that line reads
    as a heading ("**1. Thực hiện …**", "## 2. …"), else the table itself."""
    index = start - 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    if index < 0:
        return start
    line = lines[index].strip()
    label, text = split_label(line)
    looks_like_heading = line.startswith(("#", "**")) or (label and label[0].isdigit())
    if not text or text.startswith("(") or not looks_like_heading:
        return start
    return index


def _appendix(plan: RawPlan, where: str) -> RawTask:
    """The plan's appendix node, made when the prose has none."""
    for task in plan.tasks:
        if task.label == "PL":
            return task
    node = RawTask(label="PL", content="PHỤ LỤC", kind="section", where=where)
    plan.tasks.append(node)
    return node


def _table_node(
    lines: list[str],
    heading: list[int],
    rows: list[int],
    number: int,
    columns: dict[str, int] | None,
) -> tuple[RawTask, dict[str, int] | None]:
    """One table as a node labelled by its heading's number, its rows' tasks under it."""
    # Blank lines inside a table are page breaks: the table reader wants them, as empty rows.
    cells = [lines[index].split("\t") for index in range(rows[0], rows[-1] + 1)]
    found = next((c for c in map(find_columns, cells) if c is not None), None)
    label, text = split_label(" ".join(lines[index].strip() for index in heading[-1:]))
    extra = [clean_cell(lines[index]) for index in heading[:-1]]
    node = RawTask(
        label=label if label and label[0].isdigit() else str(number),
        content=text,
        kind="section",
        details=extra,
        where=f"dòng {heading[-1] + 1 if heading else rows[0] + 1}",
    )
    node.children = rows_to_tasks(cells, where=f"bảng {number}", columns=found or columns)
    return node, found or columns


def _with_tab_tables(lines: list[str], source: str) -> RawPlan:
    """Prose, then tab-separated tables, one node each, labelled and named by the heading
    above it (Kiến An's appendix)."""
    start = _tab_table_start(lines)
    assert start is not None
    cut = _heading_start(lines, start)
    plan = parse_prose(lines[:cut], source=source)
    # Tables after task sections are their appendix; without any, they are the plan.
    home = _appendix(plan, f"dòng {cut + 1}").children if plan.tasks else plan.tasks
    columns: dict[str, int] | None = None
    number = 0
    for heading, rows in _blocks(lines, cut):
        if not rows:
            plan.details.setdefault("other", []).extend(clean_cell(lines[i]) for i in heading)
            continue
        number += 1
        node, columns = _table_node(lines, heading, rows, number, columns)
        home.append(node)
    return plan


# --------------------------------------------------------------------------- a PDF table

_PDF_HEADER = re.compile(r"^(stt|tt|so tt)\s+(noi dung|nhiem vu|ten|linh vuc)")
_BARE_LABEL = re.compile(r"^([IVXL]+|\d{1,3})\.?$")


def _pdf_table_start(lines: list[str]) -> int | None:
    """The header line of a table extracted from a PDF, whose cells come one line each: a
    label ("I", "1") stands alone on its line somewhere below the header."""
    for index, line in enumerate(lines):
        if not _PDF_HEADER.match(fold(clean_cell(line))):
            continue
        below = [clean_cell(text) for text in lines[index + 1 : index + 60] if text.strip()]
        if any(_BARE_LABEL.match(text) for text in below[:30]):
            return index
    return None


def _with_pdf_table(lines: list[str], start: int, source: str) -> RawPlan:
    """The lines before the table (a decision issuing the plan, its annex heading) read as
    prose; the table's rows are the tasks, under the appendix node when the prose has
    tasks of its own."""
    plan = parse_prose(lines[:start], source=source)
    tasks = parse_pdf_table(lines[start:], where=source, first_line=start + 1)
    if plan.tasks:
        _appendix(plan, f"dòng {start + 1}").children.extend(tasks)
    else:
        plan.tasks = tasks
    return plan
