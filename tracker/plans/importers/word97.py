"""Word 97-2003 (.doc) plans: converted to .docx by LibreOffice when the server has it
(``soffice --headless --convert-to docx``), then read as any Word plan; without it,
refused with how to convert the file by hand.

The conversion runs inside the worker process that reads the document (:mod:`.sandbox`):
LibreOffice inherits its memory cap, is given the time left of the reading limit, and
gets a profile of its own in a temporary folder, so two conversions never share one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tracker.plans.importers.base import DocumentError, RawPlan
from tracker.plans.importers.docx import read_docx
from tracker.plans.importers.limits import LIMITS, DocumentTooComplex, Limits

__all__ = ["HOW_TO_CONVERT", "read_doc", "soffice"]

HOW_TO_CONVERT = (
    "Hãy mở bằng Word và lưu lại dạng .docx (Tệp › Lưu thành › Tài liệu Word .docx), "
    "rồi tải lên tệp .docx."
)
_ZIP = b"PK\x03\x04"


def soffice() -> str | None:
    """The LibreOffice program, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(path: Path, *, name: str | None = None, limits: Limits = LIMITS) -> RawPlan:
    """A .doc plan as a raw plan, through a .docx that LibreOffice writes. A .docx saved
    under a .doc name (it happens) is read as what it is."""
    name = name or path.name
    if not path.is_file():
        raise DocumentError(f"{name}: không tìm thấy tệp.")
    with path.open("rb") as stream:
        if stream.read(4) == _ZIP:
            return read_docx(path, name=name, limits=limits)
    program = soffice()
    if program is None:
        raise DocumentError(
            f"{name}: tệp Word 97-2003 (.doc) chỉ đọc được khi máy chủ có LibreOffice, mà "
            f"máy chủ chưa cài. {HOW_TO_CONVERT}"
        )
    with tempfile.TemporaryDirectory(prefix="tracker-doc-") as folder:
        work = Path(folder)
        source = work / "document.doc"
        shutil.copyfile(path, source)
        profile = (work / "profile").as_uri()
        command = [
            program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
            "--convert-to", "docx", "--outdir", str(work / "out"), str(source),
        ]  # fmt: skip
        seconds = max(limits.seconds * 0.8, 1.0)
        try:
            subprocess.run(
                command, cwd=folder, capture_output=True, timeout=seconds, check=False,
                env={**os.environ, "HOME": folder},
            )  # fmt: skip
        except subprocess.TimeoutExpired as exc:
            shown = f"{seconds:g}".replace(".", ",")
            raise DocumentTooComplex(
                f"{name}: chuyển tệp .doc sang .docx quá {shown} giây nên đã dừng. {HOW_TO_CONVERT}"
            ) from exc
        converted = work / "out" / "document.docx"
        if not converted.is_file():
            raise DocumentError(
                f"{name}: LibreOffice không chuyển được tệp .doc này (tệp hỏng hoặc không "
                f"phải tệp Word). {HOW_TO_CONVERT}"
            )
        return read_docx(converted, name=name, limits=limits)
