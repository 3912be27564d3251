"""One document in, one import result out, with every limit applied: the whole of the work
that :mod:`.sandbox` runs in a worker process (pure apart from reading the file, and
LibreOffice converting a .doc).

A Word, PDF, Excel, OpenDocument or text document is read into its raw tree, checked against the limits,
then built into a plan (units and timings read); a YAML file is the plan itself. Nothing
here touches the database: the units and the known plans come in the job.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from tracker.errors import SeedError
from tracker.org.directory import UnitDirectory
from tracker.plans.documents import KnownPlan, PlanDoc, StoredPlan, read_plan
from tracker.plans.importers.base import DocumentError, RawPlan
from tracker.plans.importers.build import ImportOptions, ImportResult, build_plan, confine_units
from tracker.plans.importers.csvfile import read_csv
from tracker.plans.importers.docx import read_docx
from tracker.plans.importers.limits import LIMITS, Limits, check_plan, check_raw, check_size
from tracker.plans.importers.odf import OFFICE, open_odf
from tracker.plans.importers.ods import read_ods
from tracker.plans.importers.odt import read_odt
from tracker.plans.importers.pdf import read_pdf
from tracker.plans.importers.text import read_text
from tracker.plans.importers.word97 import read_doc
from tracker.plans.importers.xlsx import read_xlsx

__all__ = ["SUFFIXES", "ParseJob", "parse_document", "read_document", "read_odf"]

SUFFIXES = {
    ".docx": "Word",
    ".doc": "Word 97-2003",
    ".pdf": "PDF",
    ".xlsx": "Excel",
    ".xlsm": "Excel",
    ".odt": "văn bản OpenDocument",
    ".ods": "bảng tính OpenDocument",
    ".fodt": "văn bản OpenDocument (XML phẳng)",
    ".fods": "bảng tính OpenDocument (XML phẳng)",
    ".csv": "CSV",
    ".txt": "văn bản",
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".yaml": "YAML",
    ".yml": "YAML",
}


_NO_SHEETS = (
    "{name}: chỉ tệp bảng tính (.xlsx, .ods) mới chọn được trang tính; "
    "hãy nhập tệp này mà không chọn trang tính."
)


def read_document(
    path: Path,
    directory: UnitDirectory,
    *,
    name: str | None = None,
    limits: Limits = LIMITS,
    sheet: str | None = None,
) -> RawPlan | PlanDoc:
    """The raw tree of a Word, Excel or text document, or the plan a YAML file holds.
    ``name`` is the file in messages (an upload's own name); every limit is checked.
    ``sheet``: the one sheet of a workbook to read (a spreadsheet's only)."""
    suffix = path.suffix.lower()
    shown = name or path.name
    if path.is_file():
        check_size(path.stat().st_size, shown, limits)
    if sheet is not None and suffix not in (".xlsx", ".xlsm", ".ods", ".fods", ".odt", ".fodt"):
        raise DocumentError(_NO_SHEETS.format(name=shown))
    if suffix == ".docx":
        raw: RawPlan = read_docx(path, name=shown, limits=limits)
    elif suffix == ".doc":
        raw = read_doc(path, name=shown, limits=limits)
    elif suffix == ".pdf":
        raw = read_pdf(path, name=shown, limits=limits)
    elif suffix in (".xlsx", ".xlsm"):
        raw = read_xlsx(path, name=shown, limits=limits, sheet=sheet)
    elif suffix in (".odt", ".ods", ".fodt", ".fods"):
        raw = read_odf(path, name=shown, limits=limits, sheet=sheet)
    elif suffix == ".csv":
        raw = read_csv(path, name=shown, limits=limits)
    elif suffix in (".txt", ".md", ".markdown"):
        raw = read_text(path, name=shown, limits=limits)
    elif suffix in (".yaml", ".yml"):
        try:
            plan = read_plan(
                path, dict.fromkeys(directory.codes(), True), name=shown, limits=limits
            )
        except SeedError as exc:
            raise DocumentError(exc.message) from exc
        check_plan(plan, shown, limits)
        return plan
    else:
        kinds = ", ".join(sorted(SUFFIXES))
        raise DocumentError(
            f"{shown}: không đọc được loại tệp '{suffix or 'không đuôi'}'; hỗ trợ {kinds}."
        )
    raw.source = shown
    check_raw(raw, limits)
    return raw


def read_odf(
    path: Path, *, name: str | None = None, limits: Limits = LIMITS, sheet: str | None = None
) -> RawPlan:
    """An OpenDocument plan (LibreOffice's .odt or .ods, or their flat XML .fodt, .fods),
    read by what its body holds (text or sheets), whichever name it came under; a Word or
    Excel file given such a name is read as what it is. ``sheet``: a spreadsheet's one
    sheet to read; a text document has none."""
    shown = name or path.name
    suffix = ".ods" if path.suffix.lower() in (".ods", ".fods") else ".odt"
    office = _office_open_xml(path)
    if office == "word":
        if sheet is not None:
            raise DocumentError(_NO_SHEETS.format(name=shown))
        return read_docx(path, name=shown, limits=limits)
    if office == "excel":
        return read_xlsx(path, name=shown, limits=limits, sheet=sheet)
    package = open_odf(path, shown, suffix, limits)
    body = package.content.find(f"{OFFICE}body")
    for part in body if body is not None else ():
        if part.tag == f"{OFFICE}text":
            if sheet is not None:
                raise DocumentError(_NO_SHEETS.format(name=shown))
            return read_odt(package, part, limits)
        if part.tag == f"{OFFICE}spreadsheet":
            return read_ods(package, part, limits, sheet=sheet)
    raise DocumentError(
        f"{shown}: tệp OpenDocument này không phải văn bản (.odt) hay bảng tính (.ods); "
        "hãy tải lên kế hoạch dạng văn bản hoặc bảng tính."
    )


def _office_open_xml(path: Path) -> str | None:
    """ "word" or "excel" for a Word or Excel file saved under an OpenDocument name (only
    the zip's list of names is read)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return "word"
    return "excel" if "xl/workbook.xml" in names else None


@dataclass(frozen=True)
class ParseJob:
    """What a worker needs to read one document: the file, the name to show, and what
    the database knows (units, stored plans) taken along."""

    path: Path
    name: str
    directory: UnitDirectory
    options: ImportOptions | None = None
    known_plans: list[KnownPlan] = field(default_factory=list)
    plan_units: dict[str, StoredPlan] = field(default_factory=dict)


def parse_document(job: ParseJob, limits: Limits = LIMITS) -> ImportResult:
    """Read and build one document. A document that breaks a limit or cannot be read
    raises :class:`DocumentError` (with its ``status_code``); a plan with problems comes
    back with its errors."""
    sheet = job.options.sheet if job.options else None
    document = read_document(job.path, job.directory, name=job.name, limits=limits, sheet=sheet)
    if isinstance(document, PlanDoc):
        result = ImportResult(source=job.name, plan=document)
    else:
        result = build_plan(
            document, job.directory, job.options,
            known_plans=job.known_plans, plan_units=job.plan_units,
        )  # fmt: skip
    if result.plan is not None:
        check_plan(result.plan, job.name, limits)
    if result.plan is not None and result.plan.unit:
        # Units of another commune are taken off here, where the directory also knows
        # the units this import creates.
        result.plan, foreign = confine_units(result.plan, job.directory)
        result.review.extend(foreign)
    return result
