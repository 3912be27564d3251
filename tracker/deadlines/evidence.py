"""Evidence files: what a person gives to show that work was done (the signed report as
a PDF, a photo of the meeting, the spreadsheet sent upward).

A file is taken only when its content is what it says: a PDF, an image (PNG, JPEG,
GIF, WebP) or an Office document (Word, Excel, PowerPoint, old or new, or their
OpenDocument kin); its name is never trusted. The content is stored once per SHA-256 in the
database (so every web host serves it and a backup holds it; files kept under
``<data dir>/evidence/`` before are still read from there), and is served only to those who
may see the occurrence (the caller checks with
:func:`tracker.deadlines.progress.find_occurrence`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tracker.audit import AuditLog
from tracker.deadlines.progress import actor_of, can_complete, find_occurrence
from tracker.deadlines.tables import EvidenceContent, EvidenceFile
from tracker.errors import NotFoundError, ValidationError
from tracker.org.policy import COMPLETE_WORK, refusal
from tracker.org.scope import Scope
from tracker.vn import one_line

__all__ = [
    "EVIDENCE_BODY_BYTES",
    "EVIDENCE_FILES_PER_POST",
    "EVIDENCE_FILE_BYTES",
    "Checked",
    "add_evidence",
    "check_files",
    "evidence_path",
    "find_evidence",
    "list_evidence",
    "sniff",
    "store_evidence",
]

EVIDENCE_FILE_BYTES = 20 * 1024 * 1024
EVIDENCE_FILES_PER_POST = 5
# What one form may carry: its files at their largest, and the text fields beside them.
EVIDENCE_BODY_BYTES = EVIDENCE_FILE_BYTES * EVIDENCE_FILES_PER_POST + 256 * 1024

ACCEPTED = "PDF, ảnh (PNG, JPEG, GIF, WebP) hoặc tệp Word, Excel, PowerPoint"

# Office files of the 97–2003 kind share one container; the name tells which it is.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_TYPES = {
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
}
_OOXML = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
}
_ODF = {
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
}


@dataclass(frozen=True)
class Checked:
    """A file whose content was recognised: its safe name, type and bytes."""

    name: str
    content_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _zip_kind(data: bytes) -> tuple[str, str] | None:
    """An Office Open XML or OpenDocument file, by the parts inside the archive (only the
    list of names and the small ``mimetype`` part are read, never the content)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" in names:
                for prefix, kind in _OOXML.items():
                    if any(n.startswith(prefix) for n in names):
                        return kind
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
                mime = archive.read("mimetype").decode("ascii", "replace").strip()
                if mime in _ODF:
                    return mime, _ODF[mime]
    except (zipfile.BadZipFile, ValueError, KeyError, OSError):
        return None
    return None


def sniff(data: bytes, name: str) -> tuple[str, str] | None:
    """The content type and the usual extension of ``data``, or ``None`` when it is none
    of the accepted kinds."""
    if data.startswith(b"%PDF-"):
        return "application/pdf", ".pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", ".png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", ".jpg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif", ".gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", ".webp"
    if data.startswith(_OLE):
        suffix = Path(name).suffix.lower()
        if suffix in _OLE_TYPES:
            return _OLE_TYPES[suffix], suffix
        return None
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    return None


def _safe_name(name: str, extension: str) -> str:
    """The file's own name as one clean line without folders, ending in the extension its
    content has (a PDF named "bao-cao.exe" is kept as "bao-cao.exe.pdf")."""
    base = one_line(name.replace("\\", "/").rsplit("/", 1)[-1], 200).strip(". ") or "minh-chung"
    return base if base.lower().endswith(extension) else base + extension


def check_files(files: list[tuple[str, bytes]]) -> list[Checked]:
    """The files of one form, each recognised; the first that is empty, too large or of
    another kind is named in a :class:`ValidationError` and none is taken."""
    given = [(name, data) for name, data in files if name or data]
    if len(given) > EVIDENCE_FILES_PER_POST:
        raise ValidationError(
            f"Mỗi lần chỉ gửi được tối đa {EVIDENCE_FILES_PER_POST} tệp minh chứng "
            f"(đã chọn {len(given)})."
        )
    checked = []
    for name, data in given:
        shown = one_line(name, 80) or "(không tên)"
        if not data:
            raise ValidationError(f"Tệp '{shown}' rỗng.")
        if len(data) > EVIDENCE_FILE_BYTES:
            raise ValidationError(
                f"Tệp '{shown}' lớn hơn {EVIDENCE_FILE_BYTES // (1024 * 1024)} MB."
            )
        kind = sniff(data, name)
        if kind is None:
            raise ValidationError(f"Tệp '{shown}' không phải {ACCEPTED}; tệp này không được nhận.")
        checked.append(Checked(name=_safe_name(name, kind[1]), content_type=kind[0], data=data))
    return checked


def evidence_path(data_dir: Path, sha256: str) -> Path:
    return data_dir / "evidence" / sha256[:2] / sha256


async def store_evidence(
    occurrence_id: int,
    plan_id: int,
    files: list[Checked],
    *,
    person_id: int | None,
    actor: str,
    now: dt.datetime,
) -> list[dict[str, Any]]:
    """Keep ``files`` for the occurrence: each content stored once, in the database (a second
    copy of the same bytes is the same content), a row per file given, and the audit log.
    In the database, not on one host's disk: any web host serves it, and a backup holds it."""
    rows = []
    for item in files:
        await EvidenceContent.insert(
            EvidenceContent(sha256=item.sha256, data=item.data)
        ).on_conflict(target=EvidenceContent.sha256, action="DO NOTHING")
        rows.append(
            EvidenceFile(
                occurrence=occurrence_id,
                sha256=item.sha256,
                name=item.name,
                content_type=item.content_type,
                size=len(item.data),
                uploaded_by=person_id,
                uploaded_at=now,
            )
        )
    if rows:
        await EvidenceFile.insert(*rows)
        log = AuditLog(actor=actor, now=now)
        shown = [{"name": f.name, "sha256": f.sha256, "size": len(f.data)} for f in files]
        log.add("occurrence", occurrence_id, "evidence", {"files": shown}, plan_id=plan_id)
        await log.flush()
    return [row.to_dict() for row in rows]


async def list_evidence(occurrence_id: int) -> list[dict[str, Any]]:
    """The files of an occurrence, oldest first, with who gave them."""
    return list(
        await EvidenceFile.select(
            EvidenceFile.id,
            EvidenceFile.name,
            EvidenceFile.content_type,
            EvidenceFile.size,
            EvidenceFile.uploaded_at,
            EvidenceFile.uploaded_by.name.as_alias("uploaded_by_name"),
        )
        .where(EvidenceFile.occurrence == occurrence_id)
        .order_by(EvidenceFile.id)
    )


async def find_evidence(
    occurrence_id: int, file_id: int, data_dir: Path
) -> tuple[dict[str, Any], bytes]:
    """One file of an occurrence (the caller has checked the occurrence is visible) and its
    content: from the database, or from ``<data dir>/evidence/`` for a file kept there
    before contents moved to the database."""
    row = (
        await EvidenceFile.select()
        .where((EvidenceFile.id == file_id) & (EvidenceFile.occurrence == occurrence_id))
        .first()
    )
    if row is None:
        raise NotFoundError(f"Không có tệp minh chứng số {file_id} của hạn công việc này.")
    content = (
        await EvidenceContent.select(EvidenceContent.data)
        .where(EvidenceContent.sha256 == row["sha256"])
        .first()
    )
    if content is not None:
        return dict(row), bytes(content["data"])
    path = evidence_path(data_dir, row["sha256"])
    if not path.is_file():
        raise NotFoundError(f"Tệp '{row['name']}' không còn trên máy chủ.")
    return dict(row), path.read_bytes()


async def add_evidence(
    occurrence_id: int,
    files: list[Checked],
    *,
    scope: Scope,
    tz: ZoneInfo,
    now: dt.datetime,
) -> list[dict[str, Any]]:
    """Files given for an occurrence by someone who may record its work (before or after
    it is marked done; not on cancelled work)."""
    view = await find_occurrence(occurrence_id, scope, tz=tz, now=now)
    if not await can_complete(scope, view):
        raise refusal(scope, COMPLETE_WORK)
    if view.stored_status == "cancelled":
        raise ValidationError(f"Hạn công việc số {occurrence_id} đã bị hủy; không thêm tệp được.")
    return await store_evidence(
        occurrence_id, view.plan_id, files,
        person_id=scope.person_id, actor=actor_of(scope), now=now,
    )  # fmt: skip
