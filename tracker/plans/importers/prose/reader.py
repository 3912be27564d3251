"""The prose reader: paragraphs into the plan's raw tree, its head and its closing parts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.plans.importers.base import RawPlan, RawTask, ReviewItem, clean_cell
from tracker.plans.importers.prose.paragraphs import (
    Para,
    Paragraphs,
    is_parenthetical,
    is_upper,
    signer_line,
    split_timing,
)
from tracker.plans.importers.prose.sections import (
    APPENDIX,
    assign_units,
    charged_unit,
    cut_prefix,
    fields_of,
    list_lead,
    speaks_of_list,
    top_level,
    unit_heading,
)
from tracker.plans.importers.prose.starts import BULLET_RANK, BULLETISH
from tracker.schedule.timing import looks_like_timing
from tracker.vn import fold


@dataclass
class _Open:
    """An item still open for children, with how it was numbered."""

    node: RawTask
    style: str
    marker: str
    colon: bool = False


@dataclass
class _Fields:
    """An item that carries implementation fields, and the field waiting for its lines."""

    owner: RawTask
    pending: str = ""


_NAME = re.compile(r"^([^\W\d_][^\W\d_]*\s){1,5}[^\W\d_]+$")

_DECISION = re.compile(r"^quyet dinh\s*:$")

_RECIPIENT_NOTE = re.compile(r"^(?P<name>.*?[;,.])\s+(?P<note>Để\s+\S.*)$")


def _closing(para: Para) -> bool:
    text = para.text
    return para.style == "none" and (fold(text).startswith("tren day") or text.endswith("/."))


def _recipient(para: Para) -> str:
    """A recipient line; a group note after a wide gap ("Để báo cáo") follows a dash."""
    pieces = [p for p in re.split(r"\s{3,}", " ".join(para.parts)) if p.strip()]
    text = clean_cell(pieces[0]) if pieces else para.text
    note = " ".join(clean_cell(p) for p in pieces[1:])
    match = _RECIPIENT_NOTE.match(text)
    if not note and match:
        text, note = match.group("name"), match.group("note")
    return f"{text} — {note}" if note else text


def _join(old: str, new: str) -> str:
    return f"{old} {new}".strip() if old else new


class _Reader:
    """Reads paragraphs in order into the plan: head, sections, closing and signature."""

    def __init__(self, source: str) -> None:
        self.plan = RawPlan(source=source)
        self.mode = "head"
        self.role = ""
        self.texts: dict[str, list[str]] = {}
        self.sections_seen = False
        self.stack: list[_Open] = []
        self.fields: _Fields | None = None
        self.markers: dict[int, str] = {}
        self.title_open = False
        self.in_part = False
        self.closing: list[str] = []
        self.recipients: list[str] = []
        self.decision: list[str] = []
        self.signer: dict[str, str] = {}

    # ----------------------------------------------------------------- dispatch

    def feed(self, para: Para) -> None:
        if para.style == "table":
            self.table(para)
            return
        role = top_level(para, self.in_appendix(), self.in_part)
        if role:
            self.open_section(para, role)
        elif fold(para.text).startswith("noi nhan"):
            self.mode = "recipients"
        elif self.mode in ("tasks", "text") and para.style == "none" and signer_line(para.text):
            self.mode = "tail"
            self.signature(para)
        elif self.mode in ("tasks", "text") and _closing(para):
            self.mode = "tail"
            self.closing.append(para.text)
        elif self.mode == "tasks":
            self.item(para)
        elif self.mode == "text":
            self.texts[self.role].append(para.as_line())
        elif self.mode in ("tail", "recipients"):
            self.tail(para)
        else:
            self.head(para)

    def in_appendix(self) -> bool:
        return bool(self.stack) and self.stack[0].node.label == "PL"

    def head(self, para: Para) -> None:
        """A paragraph before the first section, or in the articles of a decision."""
        if self.mode == "decision":
            self.decision.append(para.as_line())
            return
        if _DECISION.match(fold(para.text)):
            self.mode = "decision"
        self.plan.header_lines.append(para.as_line())

    def tail(self, para: Para) -> None:
        """After the closing: more closing words, the recipients, the signer."""
        if self.signature(para):
            return
        if self.mode == "recipients" and para.style == "bullet":
            self.recipients.append(_recipient(para))
        elif (
            self.mode == "tail"
            and not (self.recipients or self.signer)
            and para.style == "none"
            and not is_upper(para.text)
        ):
            self.closing.append(para.text)
        elif not self.sections_seen:
            self.plan.header_lines.append(para.as_line())
        else:
            self.plan.details.setdefault("other", []).append(para.as_line())

    def signature(self, para: Para) -> bool:
        """The signer block: "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", then the name."""
        text = para.text
        if para.style != "none":
            return False
        role = signer_line(text)
        if role:
            self.signer[role] = text
            return True
        if self.signer and "name" not in self.signer and _NAME.match(text) and text.istitle():
            self.signer["name"] = text
            return True
        return False

    # ----------------------------------------------------------------- sections

    def open_section(self, para: Para, role: str) -> None:
        self.sections_seen = True
        self.fields = None
        self.in_part = para.style == "part"
        if role in ("purpose", "funding", "background"):
            self.mode, self.role = "text", role
            self.texts.setdefault(role, [])
            self.stack = []
            return
        appendix = role == "appendix"
        content = cut_prefix(para.text, APPENDIX) if appendix else para.text
        node = RawTask(
            label="PL" if appendix else para.label,
            content=content,
            kind="section",
            where=f"dòng {para.line}",
        )
        self.plan.tasks.append(node)
        self.stack = [_Open(node, "top", "")]
        self.mode, self.title_open = "tasks", appendix
        if role == "unknown":
            self.plan.review.append(
                ReviewItem(
                    where=node.where,
                    field="section",
                    text=para.text,
                    reason="Không rõ mục này là phần nhiệm vụ hay phần mô tả; đã đọc như phần nhiệm vụ.",
                )
            )

    # ----------------------------------------------------------------- items

    def item(self, para: Para) -> None:
        if self.title_open and para.style == "none":
            self.appendix_title(para)
            return
        self.title_open = False
        found = fields_of(para)
        if found is not None:
            for role, value in found:
                self.apply_field(para, role, value)
        elif self.fields is not None and para.style in BULLETISH and not self.ends_fields(para):
            self.after_fields(para)
        elif para.style == "none" and is_parenthetical(para.text):
            self.note(para.text)
        else:
            self.fields = None
            self.place(para)

    def appendix_title(self, para: Para) -> None:
        node = self.stack[0].node
        if is_parenthetical(para.text):
            node.details.append(para.text)
        else:
            node.content = _join(node.content, para.text)

    def place(self, para: Para) -> None:
        if para.style == "none" and self.closes_list(para):
            if speaks_of_list(para.text) or not looks_like_timing(para.text):
                self.close_list(para)
                return
            # A duty with its own timing after a list said in full: the list's sibling,
            # never a step of its last item, never lost in a details line.
            self.stack.pop()
        node = RawTask(label=para.label, content=para.text, where=f"dòng {para.line}")
        self.markers[id(node)] = para.marker
        if para.style in BULLETISH:
            parent = self.bullet_parent(para.marker)
        else:
            parent = self.numbered_parent(para.style)
        parent.children.append(node)
        self.stack.append(_Open(node, para.style, para.marker, para.text.endswith(":")))

    def closes_list(self, para: Para) -> bool:
        """Whether an unnumbered paragraph after the last of a list of numbered or lettered
        items ("a) …", "b) …") closes the list rather than carrying on the last item: it
        speaks of the items above it ("… các nội dung trên"), or it follows an item said
        in full (ending with a stop) in a list whose items had no paragraphs of their own.
        After bullets ("- …") or unnumbered paragraphs, only a paragraph that speaks of
        them closes them."""
        if len(self.stack) < 2:
            return False
        top = self.stack[-1]
        siblings = self.stack[-2].node.children
        if top.colon or top.node.children or len(siblings) < 2 or siblings[-1] is not top.node:
            return False
        if top.style in BULLETISH:
            # "- …", "- …" (or unnumbered paragraphs), then "Công an xã chủ trì thực hiện
            # các nội dung trên."
            return speaks_of_list(para.text)
        if top.style not in ("num", "letter") and not top.style.startswith("multi"):
            return False
        if speaks_of_list(para.text):
            return True
        said = top.node.content.rstrip(" *_").endswith((".", ";"))
        return said and not any(c.label == "" for item in siblings for c in item.children)

    def close_list(self, para: Para) -> None:
        """The closing paragraph of a list: kept with the item that holds the list (its
        details); a unit it gives the items ("X chủ trì thực hiện các nội dung trên")
        leads those that name none."""
        self.stack.pop()
        owner = self.stack[-1].node
        owner.details.append(para.as_line())
        if not speaks_of_list(para.text):
            # Read as the list's close only because it follows items said in full: said.
            self.plan.review.append(
                ReviewItem(
                    where=f"dòng {para.line}",
                    field="đoạn",
                    text=para.text,
                    reason=f"Đoạn không đánh số sau danh sách được giữ trong phần chi tiết của "
                    f'mục "{owner.content[:60]}", không thành nhiệm vụ; nếu đó là một việc '
                    "cần theo dõi, hãy thêm nhiệm vụ.",
                )
            )
        if looks_like_timing(para.text):
            self.plan.review.append(
                ReviewItem(
                    where=f"dòng {para.line}",
                    field="thời gian",
                    text=para.text,
                    reason="Câu cuối danh sách có nêu thời gian; thời gian này không được gán "
                    "cho các mục trên, hãy kiểm tra hạn của từng mục.",
                )
            )
        unit = list_lead(para.text)
        if not unit:
            return
        given = [
            task
            for item in owner.children
            for task, _ in item.walk()
            if not task.children and not task.lead
        ]
        for task in given:
            task.lead = unit
            task.remark = f'{task.remark} Chủ trì lấy từ câu cuối danh sách: "{para.text}".'.strip()
        if given:
            self.plan.review.append(
                ReviewItem(
                    where=f"dòng {para.line}",
                    field="chủ trì",
                    text=para.text,
                    reason=(
                        f"Câu cuối danh sách giao {unit} chủ trì {len(given)} mục trên "
                        f"({', '.join(t.label or t.content[:30] for t in given)}); hãy kiểm tra."
                    ),
                )
            )

    def numbered_parent(self, style: str) -> RawTask:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].style == style:
                del self.stack[index:]
                return self.stack[-1].node
        while len(self.stack) > 1 and self.stack[-1].style in BULLETISH:
            self.stack.pop()
        return self.stack[-1].node

    def bullet_parent(self, marker: str) -> RawTask:
        """Bullets are siblings whatever their mark, unless the one before ends with ":"
        and leads them in (Lê Lợi "- … nhiệm vụ về:" then "+ …")."""
        top = self.stack[-1]
        if top.style not in BULLETISH:
            return top.node
        if top.marker != marker and top.colon and top.style == "bullet":
            return top.node
        if top.style == "none" and top.colon and marker and unit_heading(top.node.content):
            # "Công an xã:" on a line of its own, unnumbered, then its duties as bullets.
            return top.node
        index = len(self.stack) - 1
        while index > 0 and self.stack[index].style in BULLETISH:
            if self.stack[index].marker == marker:
                del self.stack[index:]
                return self.stack[-1].node
            index -= 1
        self.stack.pop()
        return self.stack[-1].node

    def note(self, text: str) -> None:
        """A parenthetical line: the note of the item it closes, or of the list it ends."""
        target = self.stack[-1].node
        if len(self.stack) > 1 and not target.children and not target.lead:
            parent = self.stack[-2].node
            if len(parent.children) > 1:
                target = parent
        target.note = _join(target.note, text)
        if "phu luc" in fold(text):
            # The items only name what the appendix details: headings, not tasks.
            for child in target.children:
                if not child.children:
                    child.kind = "section"

    # ----------------------------------------------------------------- fields

    def apply_field(self, para: Para, role: str, value: str) -> None:
        if self.fields is None:
            self.fields = _Fields(self.field_owner(para.marker))
        owner = self.fields.owner
        if role == "lead_any":
            role = "lead"
            if owner.lead:
                self.fields.pending = ""
                return
        if role == "lead":
            owner.lead = value
        else:
            setattr(owner, role, _join(getattr(owner, role), value))
        self.fields.pending = "" if value else role

    def field_owner(self, marker: str) -> RawTask:
        """The item the fields describe: the nearest open item their mark sits under ("+"
        fields under a "-" bullet, "-" fields under "a)"). Its bullets so far become its
        details."""
        rank = BULLET_RANK.get(marker, 1)
        top = len(self.stack) - 1
        while (
            top > 0
            and self.stack[top].style in BULLETISH
            and BULLET_RANK.get(self.stack[top].marker, 1) >= rank
        ):
            top -= 1
        owner = self.stack[top].node
        del self.stack[top + 1 :]
        owner.details.extend(
            f"{self.markers.get(id(task), '')} {task.content}".strip()
            for task, _ in owner.walk()
            if task is not owner
        )
        owner.children = []
        return owner

    def ends_fields(self, para: Para) -> bool:
        """Whether a bullet is the next sibling of a bullet that carried fields."""
        owner = self.stack[-1]
        return owner.style in BULLETISH and BULLET_RANK.get(para.marker, 1) <= BULLET_RANK.get(
            owner.marker, 1
        )

    def after_fields(self, para: Para) -> None:
        assert self.fields is not None
        owner = self.fields.owner
        if para.style == "none" and is_parenthetical(para.text):
            owner.note = _join(owner.note, para.text)
        elif self.fields.pending:
            name = self.fields.pending
            setattr(owner, name, _join(getattr(owner, name), para.as_line()))
        else:
            owner.details.append(para.as_line())

    # ----------------------------------------------------------------- tables

    def table(self, para: Para) -> None:
        """A text table: its rows are tasks under the open item, the timing split off each
        row when the header has a timing column. A table read elsewhere brings its tasks."""
        if para.tasks:
            self.table_tasks(para.tasks)
            return
        if self.mode != "tasks":
            lines = [para.header] + [f"{row.label} {row.text}" for row in para.rows]
            for line in lines:
                self.feed(Para(para.line, "none", "", "", [line]))
            return
        self.title_open = False
        self.fields = None
        while len(self.stack) > 1 and self.stack[-1].style in BULLETISH:
            self.stack.pop()
        parent = self.stack[-1].node
        timed = any(word in fold(para.header) for word in ("thoi gian", "thoi han", "tien do"))
        for row in para.rows:
            content, timing = split_timing(clean_cell(row.text)) if timed else (row.text, "")
            parent.children.append(
                RawTask(
                    label=row.label,
                    content=clean_cell(content),
                    timing=timing,
                    where=f"dòng {row.line}",
                )
            )

    def table_tasks(self, tasks: list[RawTask]) -> None:
        self.title_open = False
        self.fields = None
        if self.mode != "tasks":
            self.plan.tasks.extend(tasks)
            return
        while len(self.stack) > 1 and self.stack[-1].style in BULLETISH:
            self.stack.pop()
        self.stack[-1].node.children.extend(tasks)

    # ----------------------------------------------------------------- the end

    def finish(self) -> RawPlan:
        plan = self.plan
        for role, lines in self.texts.items():
            if lines:
                plan.details[role] = "\n".join(lines)
        for name, value in (
            ("closing", "\n".join(self.closing)),
            ("recipients", self.recipients),
            ("signer", self.signer),
            ("decision", "\n".join(self.decision)),
        ):
            if value:
                plan.details[name] = value
        for task in plan.tasks:
            assign_units(task)
        plan.default_lead = self.default_lead()
        return plan

    def default_lead(self) -> str:
        for task, _ in self.plan.walk():
            unit = charged_unit(task.content, task.lead)
            if unit:
                return unit
        for line in self.decision:
            unit = charged_unit(line, "")
            if unit:
                return unit
        return ""


def parse_prose(
    lines: list[str],
    *,
    source: str,
    tables: dict[int, list[RawTask]] | None = None,
    whole: bool = False,
) -> RawPlan:
    """A prose plan's lines (text as extracted, or a Word document's paragraphs) as a raw plan.

    ``source`` names the document in messages. A line holding line breaks is read as that
    many lines sharing its number (a Word paragraph with soft breaks). ``tables`` gives the
    tasks of a table read elsewhere (a Word document's) standing at a line's number: they go
    under the item or section open there. ``whole``: each line is a paragraph as its
    author ended it (a Word or OpenDocument body), never joined because it is short.
    """
    numbered = [
        (number, piece.rstrip("\r"))
        for number, line in enumerate(lines, start=1)
        for piece in line.split("\n")
    ]
    reader = _Reader(source)
    for para in Paragraphs(numbered, tables or {}, whole=whole).run():
        reader.feed(para)
    return reader.finish()
