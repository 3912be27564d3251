"""How big and how complex a document may be before the importers refuse it, and the checks
that need no reader of their own: the file's size, the zip inside a .docx, .xlsx, .odt or .ods, the
YAML node graph, the raw tree and the plan.

Every number is in :class:`Limits` (the one place to change them), far above the seed plans
(at most 79 tasks, 6 levels, 2,730 characters in a field, 57 KB of YAML). A refusal is a
:class:`DocumentTooLarge` (413) or a :class:`DocumentTooComplex` (422): a sentence that
names the file by the name it was uploaded under and the limit it broke, never a path on
the server.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from tracker.plans.importers.base import DocumentError, RawPlan

if TYPE_CHECKING:
    from tracker.plans.documents import PlanDoc

__all__ = [
    "LIMITS",
    "DocumentTooComplex",
    "DocumentTooLarge",
    "Limits",
    "bounded_yaml",
    "check_plan",
    "check_raw",
    "check_size",
    "check_zip",
    "count_tags",
    "figure",
]

_MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The bounds of one import. The defaults leave ample room above real plans."""

    upload_bytes: int = 10 * _MIB  # any uploaded or imported file
    text_bytes: int = 2 * _MIB  # .txt, .md, .yaml: read whole by pure-Python readers
    zip_members: int = 2_000  # files inside a .docx, .xlsx, .odt or .ods
    unzipped_bytes: int = 100 * _MIB  # their total size once decompressed
    zip_ratio: int = 100  # decompressed / compressed, for a member over zip_ratio_from
    zip_ratio_from: int = 1 * _MIB
    rows: int = 10_000  # rows of one table or sheet
    columns: int = 100  # columns of one table or sheet
    cells: int = 300_000  # cells of one workbook or document (those that exist)
    paragraphs: int = 20_000  # paragraphs of a Word document, lines of a text or a PDF
    pdf_pages: int = 300  # pages of a PDF
    table_depth: int = 5  # tables inside tables
    # Elements of one OpenDocument part (content.xml), and their nesting. 600,000 elements
    # (a sheet of 300,000 cells) parse in about 3 s to 450 MB: a million stays within the
    # time and memory limits.
    xml_elements: int = 1_000_000
    xml_depth: int = 200
    yaml_nodes: int = 200_000  # nodes of a YAML document, each alias counted as expanded
    yaml_aliases: int = 100
    yaml_depth: int = 100
    tasks: int = 5_000  # tasks and sections of one plan
    task_depth: int = 20
    field_chars: int = 20_000  # characters in one field (content, timing, a header line …)
    seconds: float = 30.0  # wall time of reading and building one plan, in a worker process
    memory_bytes: int = 1024 * _MIB  # address space the worker may add
    workers: int = 2  # documents read at once by one web process; the others wait


LIMITS = Limits()


class DocumentTooLarge(DocumentError):
    """The file, or what it unpacks to, is bigger than a limit."""

    status_code = 413


class DocumentTooComplex(DocumentError):
    """The document is within size but has more rows, cells, levels … than a limit, or
    takes too long to read."""

    status_code = 422


def figure(value: float) -> str:
    """A count the Vietnamese way: 10.000; sizes in MB."""
    return f"{value:,.0f}".replace(",", ".")


def _mb(size: int) -> str:
    return f"{size / _MIB:.0f} MB" if size >= _MIB else f"{figure(size / 1024)} KB"


def check_size(size: int, name: str, limits: Limits, *, text: bool = False) -> None:
    """Refuse a file over the upload limit (or the lower limit of text files)."""
    bound = limits.text_bytes if text else limits.upload_bytes
    if size > bound:
        kind = "tệp văn bản/YAML" if text else "tệp"
        raise DocumentTooLarge(
            f"{name}: tệp quá lớn ({_mb(size)}); giới hạn cho {kind} là {_mb(bound)}."
        )


# --------------------------------------------------------------------------- zip


def check_zip(path: Path, name: str, limits: Limits) -> None:
    """Refuse a .docx/.xlsx/.odt/.ods whose zip would unpack to too much, judged from its directory
    before any XML is read: too many members, too many bytes in all, or a member packed
    too tightly (a zip bomb of repeated bytes). zipfile never decompresses past a member's
    declared size, so the declared sizes bound what is read."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the reader says it is not a valid file, in its own words
    if len(members) > limits.zip_members:
        raise DocumentTooComplex(
            f"{name}: tệp nén chứa {figure(len(members))} tệp con; giới hạn là "
            f"{figure(limits.zip_members)}."
        )
    total = sum(member.file_size for member in members)
    if total > limits.unzipped_bytes:
        raise DocumentTooLarge(
            f"{name}: nội dung giải nén quá lớn ({_mb(total)}); giới hạn là "
            f"{_mb(limits.unzipped_bytes)}."
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > limits.zip_ratio_from and ratio > limits.zip_ratio:
            raise DocumentTooLarge(
                f"{name}: phần '{member.filename}' nén bất thường (giải nén gấp "
                f"{figure(ratio)} lần, tới {_mb(member.file_size)}); giới hạn là gấp "
                f"{figure(limits.zip_ratio)} lần."
            )


def count_tags(path: Path, members: Iterable[str], tags: Iterable[bytes]) -> int:
    """How many times the tags occur in the zip members, read in chunks (no XML parser,
    no tree in memory): a count of cells or paragraphs before a library builds them."""
    wanted = tuple(tags)
    keep = max(len(tag) for tag in wanted) - 1
    count = 0
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        for member in members:
            if member not in names:
                continue
            with archive.open(member) as stream:
                tail = b""
                while chunk := stream.read(_MIB):
                    data = tail + chunk
                    count += sum(data.count(tag) for tag in wanted)
                    # A tag cut by the chunk's end is counted once, in the next window.
                    tail = data[-keep:] if keep else b""
                    count -= sum(tail.count(tag) for tag in wanted)
    return count


# --------------------------------------------------------------------------- YAML


def bounded_yaml(text: str, name: str, limits: Limits) -> Any:
    """``yaml.safe_load`` that refuses a node graph too big once its aliases are expanded
    (the "billion laughs": a few hundred bytes of nested aliases that a reader walking
    the data would see as a million tasks), too many aliases, or too deep a nesting."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_graph(node, name, limits)
        return loader.construct_document(node)
    finally:
        loader.dispose()


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """The safe loader (libyaml's when it is there); only plain data, no Python objects."""


def _check_graph(root: yaml.Node, name: str, limits: Limits) -> None:
    """Size (aliases expanded) and depth of every node, each shared node computed once, so
    the check itself stays linear in the text."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    aliases = 0
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            if size[key] > limits.yaml_nodes:
                raise DocumentTooComplex(
                    f"{name}: YAML quá phức tạp (hơn {figure(limits.yaml_nodes)} phần tử khi "
                    "mở các tham chiếu *alias); giới hạn là "
                    f"{figure(limits.yaml_nodes)}."
                )
            if depth[key] > limits.yaml_depth:
                raise DocumentTooComplex(
                    f"{name}: YAML lồng quá sâu (hơn {limits.yaml_depth} cấp); giới hạn là "
                    f"{limits.yaml_depth} cấp."
                )
            continue
        if key in open_nodes:
            raise DocumentTooComplex(f"{name}: YAML có tham chiếu *alias vòng lại chính nó.")
        # A node met again once measured is an alias: it is counted, not walked again.
        if key in size:
            aliases += 1
        else:
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children)
        if aliases > limits.yaml_aliases:
            raise DocumentTooComplex(
                f"{name}: YAML dùng quá nhiều tham chiếu *alias (hơn {limits.yaml_aliases}); "
                f"giới hạn là {limits.yaml_aliases}."
            )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


# --------------------------------------------------------------------------- trees


def _field(text: str, where: str, limits: Limits) -> None:
    if len(text) > limits.field_chars:
        raise DocumentTooComplex(
            f"{where}: một trường dài {figure(len(text))} ký tự; giới hạn là "
            f"{figure(limits.field_chars)} ký tự."
        )


def check_raw(raw: RawPlan, limits: Limits) -> None:
    """Refuse a document read into too many tasks, too deep a tree or too long a field,
    before units and timings are read for each."""
    for line in raw.header_lines:
        _field(line, raw.source, limits)
    for count, (task, depth) in enumerate(raw.walk(), start=1):
        where = task.where if task.where.startswith(raw.source) else raw.source
        if task.where and where != task.where:
            where = f"{raw.source}, {task.where}"
        _bounded_tree(count, depth, raw.source, limits)
        for text in (task.label, task.content, task.lead, task.coordinating, task.output,
                     task.note, task.timing, *task.details):  # fmt: skip
            _field(text, where, limits)


def check_plan(plan: PlanDoc, name: str, limits: Limits) -> None:
    """The same bounds on a plan read from YAML."""
    for count, (task, depth) in enumerate(plan.walk(), start=1):
        _bounded_tree(count, depth, name, limits)
        for text in (task.content, task.details, task.timing, task.output, task.note,
                     task.lead_text, task.coordinating_text):  # fmt: skip
            _field(text, f"{name}, nhiệm vụ {task.key}", limits)


def _bounded_tree(count: int, depth: int, name: str, limits: Limits) -> None:
    if count > limits.tasks:
        raise DocumentTooComplex(
            f"{name}: kế hoạch có hơn {figure(limits.tasks)} mục và nhiệm vụ; giới hạn là "
            f"{figure(limits.tasks)}."
        )
    if depth >= limits.task_depth:
        raise DocumentTooComplex(
            f"{name}: cây nhiệm vụ sâu hơn {limits.task_depth} cấp; giới hạn là "
            f"{limits.task_depth} cấp."
        )
