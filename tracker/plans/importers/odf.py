"""OpenDocument files (.odt, .ods, as LibreOffice saves them, and their flat XML forms
.fodt, .fods): the zip opened within the limits, its XML parsed by the standard library's expat with no document type at all (so
no entity can be declared, expanded or fetched), the styles that make text bold, and the
text of a paragraph as ODF defines it.

What a part holds is judged while it is parsed: elements, paragraphs, cells and the
nesting of tables are counted as they open, so a hostile file is refused before the tree
it describes is built. :mod:`.odt` and :mod:`.ods` read the body.
"""

from __future__ import annotations

import re
import xml.parsers.expat as expat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, TreeBuilder

from tracker.plans.importers.base import DocumentError
from tracker.plans.importers.limits import LIMITS, DocumentTooComplex, Limits, check_zip, figure

__all__ = [
    "OFFICE",
    "SKIPPED",
    "STYLE",
    "TABLE",
    "TEXT",
    "OdfPackage",
    "Run",
    "Styles",
    "all_bold",
    "cached_number",
    "children",
    "open_odf",
    "paragraph_runs",
    "repeat",
    "runs_text",
]

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"

# What a paragraph's text leaves out: notes and comments (their own text and mark, not the
# paragraph's), deleted text kept for tracked changes, frames and drawings (text boxes
# float beside the flow), the small text over a ruby.
SKIPPED = {
    f"{TEXT}note",
    f"{OFFICE}annotation",
    f"{TEXT}tracked-changes",
    f"{TEXT}ruby-text",
    "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame",
    "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}custom-shape",
    "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}g",
}
# The elements the parser counts, named once (the handlers run for every element).
_PARAGRAPHS = frozenset((f"{TEXT}p", f"{TEXT}h"))
_CELLS = frozenset((f"{TABLE}table-cell", f"{TABLE}covered-table-cell"))
_SPREADSHEET = f"{OFFICE}spreadsheet"
_TABLE = f"{TABLE}table"
_SPACES = re.compile(r"[ \t\r\n]+")
# A run of spaces longer than this says nothing more to a reader (text:s text:c="10⁹").
_MOST_SPACES = 100
_CHUNK = 1024 * 1024
_HOW_TO_SAVE = "Hãy mở bằng LibreOffice và lưu lại dạng {suffix} (Tệp › Lưu thành)."


@dataclass
class _Counts:
    elements: int = 0
    paragraphs: int = 0
    cells: int = 0
    # A sheet's cells each hold a paragraph: they are bounded as cells, not as paragraphs.
    sheets: bool = False


@dataclass
class OdfPackage:
    """The parts of an OpenDocument file a reader needs: the content, the named styles."""

    name: str
    content: Element
    styles: Styles


def open_odf(path: Path, name: str, suffix: str, limits: Limits = LIMITS) -> OdfPackage:
    """Open ``path`` (shown as ``name``) and parse its content and styles: a zip's
    content.xml and styles.xml, or a flat XML file whole. Refuses, naming the file: neither
    a zip nor OpenDocument XML, no content.xml, a file encrypted with a password, a part
    that is no XML or breaks a limit."""
    if not path.is_file():
        raise DocumentError(f"{name}: không tìm thấy tệp.")
    how = _HOW_TO_SAVE.format(suffix=suffix)
    if not zipfile.is_zipfile(path):
        with path.open("rb") as stream:
            start = stream.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
        if start.startswith(b"<") and b"urn:oasis:names:tc:opendocument" in start:
            return _flat(path, name, limits)
        raise DocumentError(f"{name}: không phải tệp OpenDocument ({suffix}) hợp lệ. {how}")
    check_zip(path, name, limits)
    counts = _Counts()
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "META-INF/manifest.xml" in names:
                _refuse_encrypted(archive, name, limits)
            if "content.xml" not in names:
                raise DocumentError(
                    f"{name}: không phải tệp OpenDocument ({suffix}) hợp lệ (thiếu phần "
                    f"content.xml). {how}"
                )
            content = _parse_member(archive, "content.xml", name, limits, counts)
            styles = Styles(content)
            if "styles.xml" in names:
                styles.add(_parse_member(archive, "styles.xml", name, limits, _Counts()))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise DocumentError(
            f"{name}: tệp OpenDocument ({suffix}) bị hỏng, không giải nén được. {how}"
        ) from exc
    except RuntimeError as exc:  # a zip encrypted member by member ("password required")
        raise DocumentError(f"{name}: {_ENCRYPTED}") from exc
    return OdfPackage(name, content, styles)


def _flat(path: Path, name: str, limits: Limits) -> OdfPackage:
    """A flat XML document (.fodt, .fods): the content and the styles in one XML file."""
    with path.open("rb") as stream:
        root = parse_xml(stream, name, limits, _Counts())
    return OdfPackage(name, root, Styles(root))


_ENCRYPTED = (
    "tệp được bảo vệ bằng mật khẩu (mã hóa) nên không đọc được. Hãy mở bằng LibreOffice, "
    "lưu lại không đặt mật khẩu (bỏ chọn «Lưu với mật khẩu»), rồi tải lên tệp đó."
)


def _refuse_encrypted(archive: zipfile.ZipFile, name: str, limits: Limits) -> None:
    """A document saved with a password lists how each part is encrypted in its manifest."""
    manifest = _parse_member(archive, "META-INF/manifest.xml", name, limits, _Counts())
    if manifest.find(f".//{_MANIFEST}encryption-data") is not None:
        raise DocumentError(f"{name}: {_ENCRYPTED}")


def _parse_member(
    archive: zipfile.ZipFile, member: str, name: str, limits: Limits, counts: _Counts
) -> Element:
    with archive.open(member) as stream:
        return parse_xml(stream, f"{name}, phần {member}", limits, counts)


def parse_xml(stream: IO[bytes], where: str, limits: Limits, counts: _Counts) -> Element:
    """The XML of ``stream`` as an element tree, names as ``{namespace}local``. A document
    type declaration is refused outright (ODF has none; it is how entities are declared,
    the "billion laughs" among them), as are elements past the limits."""
    builder = TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    tables = depth = 0

    def refuse_doctype(*_: object) -> None:
        raise DocumentTooComplex(
            f"{where}: có khai báo DOCTYPE/ENTITY, điều tệp OpenDocument không có; tệp bị từ "
            "chối vì lý do an toàn."
        )

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal tables, depth
        counts.elements += 1
        depth += 1
        if depth > limits.xml_depth:
            raise DocumentTooComplex(
                f"{where}: các phần tử XML lồng nhau quá {limits.xml_depth} cấp; giới hạn là "
                f"{limits.xml_depth} cấp."
            )
        tag = _qualified(tag)
        if tag in _PARAGRAPHS:
            counts.paragraphs += not counts.sheets
        elif tag in _CELLS:
            counts.cells += 1
        elif tag == _SPREADSHEET:
            counts.sheets = True
        elif tag == _TABLE:
            tables += 1
            if tables > limits.table_depth:
                raise DocumentTooComplex(
                    f"{where}: bảng lồng trong bảng quá {limits.table_depth} cấp; giới hạn là "
                    f"{limits.table_depth} cấp."
                )
        _check_counts(counts, where, limits)
        builder.start(tag, {_qualified(k): v for k, v in attributes.items()})

    def end(tag: str) -> None:
        nonlocal tables, depth
        depth -= 1
        tag = _qualified(tag)
        tables -= tag == _TABLE
        builder.end(tag)

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    try:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise DocumentError(
            f"{where}: không phải XML hợp lệ ({expat.ErrorString(exc.code)}, dòng {exc.lineno})."
        ) from exc
    except LookupError as exc:  # an encoding Python does not know, in the XML declaration
        raise DocumentError(f"{where}: không phải XML hợp lệ (bảng mã lạ).") from exc
    root: Element = builder.close()
    return root


def _check_counts(counts: _Counts, where: str, limits: Limits) -> None:
    if counts.elements > limits.xml_elements:
        raise DocumentTooComplex(
            f"{where}: có hơn {figure(limits.xml_elements)} phần tử XML; giới hạn là "
            f"{figure(limits.xml_elements)}."
        )
    if counts.paragraphs > limits.paragraphs:
        raise DocumentTooComplex(
            f"{where}: văn bản có hơn {figure(limits.paragraphs)} đoạn; giới hạn là "
            f"{figure(limits.paragraphs)} đoạn."
        )
    if counts.cells > limits.cells:
        raise DocumentTooComplex(
            f"{where}: các bảng có hơn {figure(limits.cells)} ô; giới hạn là "
            f"{figure(limits.cells)} ô."
        )


def _qualified(name: str) -> str:
    return "{" + name if "}" in name else name


def repeat(element: Element, attribute: str) -> int:
    """A table:number-…-repeated or -spanned count (1 when absent or not a number)."""
    try:
        return max(int(element.get(f"{TABLE}{attribute}", "1")), 1)
    except ValueError:
        return 1


# --------------------------------------------------------------------------- styles


@dataclass
class Styles:
    """The styles of a document (its automatic styles, then the named ones of styles.xml):
    which make text bold, and the list and outline numbering."""

    root: Element
    weights: dict[tuple[str, str], str | None] = field(default_factory=dict)
    parents: dict[tuple[str, str], str] = field(default_factory=dict)
    defaults: dict[str, str | None] = field(default_factory=dict)
    lists: dict[str, Element] = field(default_factory=dict)
    outline: Element | None = None

    def __post_init__(self) -> None:
        self.add(self.root)

    def add(self, root: Element) -> None:
        for group in (f"{OFFICE}automatic-styles", f"{OFFICE}styles"):
            for holder in root.iter(group):
                self._read(holder)

    def _read(self, holder: Element) -> None:
        for style in holder:
            if style.tag == f"{TEXT}list-style" and style.get(f"{STYLE}name"):
                self.lists.setdefault(style.get(f"{STYLE}name", ""), style)
            elif style.tag == f"{TEXT}outline-style" and self.outline is None:
                self.outline = style
            elif style.tag in (f"{STYLE}style", f"{STYLE}default-style"):
                family = style.get(f"{STYLE}family", "")
                weight = _weight(style)
                if style.tag == f"{STYLE}default-style":
                    self.defaults.setdefault(family, weight)
                    continue
                key = (family, style.get(f"{STYLE}name", ""))
                self.weights.setdefault(key, weight)
                parent = style.get(f"{STYLE}parent-style-name")
                if parent:
                    self.parents.setdefault(key, parent)

    def bold(self, family: str, name: str | None, inherited: bool = False) -> bool:
        """Whether text in style ``name`` is bold: its own weight, else its parents', else
        ``inherited`` (the paragraph's or the cell's), else the family's default."""
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            weight = self.weights.get((family, name))
            if weight is not None:
                return _is_bold(weight)
            name = self.parents.get((family, name))
        if inherited:
            return True
        default = self.defaults.get(family)
        return default is not None and _is_bold(default)


def _weight(style: Element) -> str | None:
    properties = style.find(f"{STYLE}text-properties")
    return None if properties is None else properties.get(f"{FO}font-weight")


def _is_bold(weight: str) -> bool:
    return weight == "bold" or (weight.isdigit() and int(weight) >= 600)


# --------------------------------------------------------------------------- text


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph's text, bold or not."""

    text: str
    bold: bool


def paragraph_runs(paragraph: Element, styles: Styles, bold: bool) -> list[Run]:
    """A text:p or text:h as runs: white space collapsed as ODF says (text:s, text:tab and
    text:line-break are the spaces, tabs and breaks that count), spans bold by their style,
    a list or heading number cached in text:number left out (the reader gives it)."""
    runs: list[Run] = []
    own = styles.bold("paragraph", paragraph.get(f"{TEXT}style-name"), bold)
    _inline(paragraph, styles, own, runs)
    return runs


def _inline(element: Element, styles: Styles, bold: bool, runs: list[Run]) -> None:
    if element.text:
        runs.append(Run(_SPACES.sub(" ", element.text), bold))
    for child in element:
        tag = child.tag
        if tag == f"{TEXT}s":
            runs.append(Run(" " * min(_count(child), _MOST_SPACES), bold))
        elif tag == f"{TEXT}tab":
            runs.append(Run("\t", bold))
        elif tag == f"{TEXT}line-break":
            runs.append(Run("\n", bold))
        elif tag == f"{TEXT}span":
            _inline(child, styles, styles.bold("text", child.get(f"{TEXT}style-name"), bold), runs)
        elif tag not in SKIPPED and tag != f"{TEXT}number":
            _inline(child, styles, bold, runs)
        if child.tail:
            runs.append(Run(_SPACES.sub(" ", child.tail), bold))


def _count(element: Element) -> int:
    try:
        return max(int(element.get(f"{TEXT}c", "1")), 1)
    except ValueError:
        return 1


def runs_text(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)


def all_bold(runs: list[Run]) -> bool:
    """Whether every word is bold (and there is a word)."""
    worded = [run for run in runs if run.text.strip()]
    return bool(worded) and all(run.bold for run in worded)


def cached_number(paragraph: Element) -> str | None:
    """The number the application wrote into the paragraph (text:number), if any."""
    number = paragraph.find(f"{TEXT}number")
    if number is None:
        return None
    return "".join(number.itertext()).strip()


def children(element: Element, *grouping: str) -> Iterator[Element]:
    """The children of ``element``, those whose tag is in ``grouping`` opened in place
    (the row groups and header rows around a table's rows)."""
    for child in element:
        if child.tag in grouping:
            yield from children(child, *grouping)
        else:
            yield child
