"""What every document reader produces: the plan's raw tree, before units and timings are read.

A reader (Word, Excel, text) turns a document into a :class:`RawPlan`: the lines at its
head, and a tree of :class:`RawTask` whose fields are the document's own words, cleaned
only as the seeds README allows (line breaks joined, HTML tags and markdown marks
dropped). The pipeline (:mod:`tracker.plans.importers.build`) then reads the header,
resolves unit names to codes, parses timings, and yields a :class:`PlanDoc`.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from tracker.errors import ValidationError
from tracker.vn import one_line, unmangle

__all__ = ["DocumentError", "RawPlan", "RawTask", "ReviewItem", "clean_cell", "decode_document"]


class DocumentError(ValidationError):
    """The document cannot be read; the message names the file and, where known, the place."""

    status_code = 422


def decode_document(
    data: bytes, shown: str, kind: str, advice: str = "", *, legacy: bool = False
) -> str:
    """A text document's bytes as text: UTF-8 with or without its byte-order mark; UTF-16
    or UTF-32 with theirs (Notepad's "Unicode", Excel's "Unicode Text"); and, where
    ``legacy``, Windows-1258, whose tone marks come as combining characters and are made
    whole. Anything else is refused naming the file, its ``kind`` ("tệp CSV") and, where
    given, what to do (``advice``)."""

    def refuse(why: str) -> DocumentError:
        return DocumentError(
            f"{shown}: không đọc được {kind} ({why}{'; ' + advice if advice else ''})."
        )

    for marks, codec in (
        ((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-32"),
        ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16"),
    ):
        if data.startswith(marks):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise refuse(f"tệp mã {codec.upper()} hỏng từ byte thứ {exc.start}") from exc
    if b"\x00" in data:
        raise refuse("tệp chứa dữ liệu nhị phân, không phải văn bản")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first = exc
    if legacy:
        try:
            return unicodedata.normalize("NFC", data.decode("cp1258"))
        except UnicodeDecodeError:
            pass
    also = " hay Windows-1258" if legacy else ""
    raise refuse(
        f"byte 0x{data[first.start]:02x} ở vị trí {first.start} không phải mã UTF-8{also}"
    ) from first


@dataclass
class RawTask:
    """One node of the document's tree, with its cells or fields verbatim."""

    label: str = ""
    content: str = ""
    alt_label: str = ""
    details: list[str] = field(default_factory=list)
    lead: str = ""
    coordinating: str = ""
    output: str = ""
    note: str = ""
    timing: str = ""
    # "section" for a heading that stays a heading even without children.
    kind: str | None = None
    # Where the node is in the document, for messages: "dòng 146", "bảng 2, hàng 5".
    where: str = ""
    # Our remark on how the node was read (a cell continued after a page break …).
    remark: str = ""
    children: list[RawTask] = field(default_factory=list)
    # Already structured data, from the technical columns of our own Excel template:
    # used as they are instead of being read again from the text.
    key: str = ""
    schedule: list[dict[str, Any]] | None = None
    schedule_note: str = ""
    lead_codes: list[str] | None = None
    coordinating_codes: list[str] | None = None
    # A doubt already recorded on the task (our template's "Cần xem lại" column).
    review: str = ""

    def walk(self, depth: int = 0) -> Any:
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)


@dataclass(frozen=True)
class ReviewItem:
    """Something the officer must look at before (or after) the import: a timing nobody
    could read for sure, a unit name not in the tree, a layout oddity."""

    where: str
    field: str
    text: str
    reason: str
    suggestions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "where": self.where,
            "field": self.field,
            "text": self.text,
            "reason": self.reason,
            "suggestions": list(self.suggestions),
        }


@dataclass
class RawPlan:
    """A document as read: its head, its body as text, its task tree, and what else it says."""

    source: str
    # The lines before the first task section (number, place and date, title, "Thực hiện …").
    header_lines: list[str] = field(default_factory=list)
    tasks: list[RawTask] = field(default_factory=list)
    # Text sections kept whole: purpose, funding, closing, recipients, signer …
    details: dict[str, Any] = field(default_factory=dict)
    # The unit a section such as "Tổ chức thực hiện" charges with the whole plan
    # ("Giao Công chức Văn phòng – Thống kê … tổ chức thực hiện Kế hoạch này"): the lead
    # of tasks that name none, flagged for review.
    default_lead: str = ""
    review: list[ReviewItem] = field(default_factory=list)

    def walk(self) -> Any:
        for task in self.tasks:
            yield from task.walk()


_TAG = re.compile(r"<[^>]+>")
_MARKS = re.compile(r"\*+|^#+\s*", re.MULTILINE)


@functools.lru_cache(maxsize=8192)
def clean_cell(text: str) -> str:
    """A cell or field as the seeds keep it: NFC, HTML tags and markdown marks dropped,
    white space (line breaks included) and control characters folded to single spaces,
    so no cell can carry a line break or an escape into a mail subject. Remembered: the
    table reader asks for each cell several times (a row is tried as a header, a section,
    a task). UTF-8 that was read as Windows-1252 ("TrÆ°á»›c ngÃ y", a CSV opened with the
    wrong code page) is undone where its bytes say so surely (``unmangle``)."""
    text = unicodedata.normalize("NFC", unmangle(text))
    text = _TAG.sub(" ", text)
    text = _MARKS.sub("", text)
    return one_line(text)
