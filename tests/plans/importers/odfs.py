"""OpenDocument files written here as LibreOffice writes them: the ``mimetype`` part first
and stored uncompressed, ``META-INF/manifest.xml``, ``content.xml`` with the usual
namespace declarations, and ``styles.xml`` with the named styles a test gives; or the same
document as one flat XML file."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MIMETYPES = {
    "text": "application/vnd.oasis.opendocument.text",
    "spreadsheet": "application/vnd.oasis.opendocument.spreadsheet",
}

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)

# Bold styles as LibreOffice names its automatic ones.
BOLD_STYLES = (
    '<style:style style:name="P1" style:family="paragraph">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="T1" style:family="text">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="ce1" style:family="table-cell">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
)


def content_xml(body: str, kind: str = "text", automatic_styles: str = BOLD_STYLES) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<office:document-content {NAMESPACES}>"
        f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
        f"<office:body><office:{kind}>{body}</office:{kind}></office:body>"
        "</office:document-content>"
    )


def manifest_xml(kind: str = "text", encrypted: bool = False) -> str:
    encryption = (
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
        '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        'manifest:initialisation-vector="x"/></manifest:encryption-data>'
        if encrypted
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPES[kind]}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"'
        f' manifest:size="100">{encryption}</manifest:file-entry>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )


def write_odf(
    path: Path,
    body: str,
    *,
    kind: str = "text",
    styles: str = "",
    content: str | bytes | None = None,
    encrypted: bool = False,
    leave_out: tuple[str, ...] = (),
) -> Path:
    """An OpenDocument file at ``path`` whose body (inside office:text or
    office:spreadsheet) is ``body``; ``styles`` goes inside styles.xml's office:styles;
    ``content`` replaces content.xml whole; ``leave_out`` names parts not written."""
    parts: dict[str, str | bytes] = {
        "mimetype": MIMETYPES[kind],
        "content.xml": content if content is not None else content_xml(body, kind),
        "styles.xml": (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<office:document-styles {NAMESPACES}><office:styles>{styles}</office:styles>"
            "</office:document-styles>"
        ),
        "META-INF/manifest.xml": manifest_xml(kind, encrypted),
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            if name in leave_out:
                continue
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=method)
    return path


def write_flat(path: Path, body: str, *, kind: str = "text", styles: str = "") -> Path:
    """The same document as flat XML (.fodt, .fods): one office:document holding the
    styles, the automatic styles and the body."""
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {NAMESPACES} office:mimetype="{MIMETYPES[kind]}">'
        f"<office:styles>{styles}</office:styles>"
        f"<office:automatic-styles>{BOLD_STYLES}</office:automatic-styles>"
        f"<office:body><office:{kind}>{body}</office:{kind}></office:body></office:document>",
        encoding="utf-8",
    )
    return path


def p(text: str, style: str = "") -> str:
    """A paragraph; line breaks in ``text`` become text:line-break."""
    attribute = f' text:style-name="{style}"' if style else ""
    inner = "<text:line-break/>".join(escape(line) for line in text.split("\n"))
    return f"<text:p{attribute}>{inner}</text:p>"


def cell(text: str = "", **attributes: str | int) -> str:
    """A table cell holding ``text`` (paragraphs split at line breaks); attributes named
    as table:… (``number_columns_spanned=2``) or office:… (``office_value_type``)."""
    written = "".join(
        f" {'office' if key.startswith('office_') else 'table'}:"
        f'{key.removeprefix("office_").replace("_", "-")}="{value}"'
        for key, value in attributes.items()
    )
    paragraphs = "".join(p(line) for line in text.split("\n")) if text else ""
    return f"<table:table-cell{written}>{paragraphs}</table:table-cell>"


def covered(times: int = 1) -> str:
    repeated = f' table:number-columns-repeated="{times}"' if times > 1 else ""
    return f"<table:covered-table-cell{repeated}/>"


def row(*cells: str, repeated: int = 1) -> str:
    attribute = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{attribute}>{''.join(cells)}</table:table-row>"


def table(name: str, *rows: str, columns: int = 1) -> str:
    return (
        f'<table:table table:name="{name}">'
        f'<table:table-column table:number-columns-repeated="{columns}"/>'
        f"{''.join(rows)}</table:table>"
    )
