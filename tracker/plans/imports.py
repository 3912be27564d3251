"""Importing a document into a plan: read it, build the plan, show what to review, and
(unless it is a dry run) write it in one transaction.

A document that cannot be read, or a plan with errors, changes nothing. Importing a
revised plan again updates its tasks by their stable keys and keeps recorded progress
(:func:`tracker.plans.services.store_plan`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import shutil
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tracker import db
from tracker.errors import NotFoundError
from tracker.org.directory import UnitDirectory
from tracker.org.services import load_directory, sync_units
from tracker.plans.documents import PlanDoc, read_plan
from tracker.plans.importers.base import DocumentError, RawPlan
from tracker.plans.importers.build import (
    ImportOptions,
    ImportResult,
    build_plan,
    confine_units,
)
from tracker.plans.importers.docx import read_docx
from tracker.plans.importers.text import read_text
from tracker.plans.importers.xlsx import read_xlsx
from tracker.plans.services import (
    PlanDeadlines,
    StoreResult,
    key_taken,
    known_plans,
    plan_units,
    store_plan,
)

__all__ = [
    "SUFFIXES",
    "ImportOutcome",
    "import_document",
    "read_document",
    "stage_upload",
    "staged_upload",
    "unreadable_error",
]

SUFFIXES = {
    ".docx": "Word",
    ".xlsx": "Excel",
    ".xlsm": "Excel",
    ".txt": "văn bản",
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".yaml": "YAML",
    ".yml": "YAML",
}


def read_document(
    path: Path, directory: UnitDirectory, *, name: str | None = None
) -> RawPlan | PlanDoc:
    """The raw tree of a Word, Excel or text document, or the plan a YAML file holds."""
    suffix = path.suffix.lower()
    shown = name or path.name
    if suffix == ".docx":
        raw: RawPlan = read_docx(path)
    elif suffix in (".xlsx", ".xlsm"):
        raw = read_xlsx(path)
    elif suffix in (".txt", ".md", ".markdown"):
        raw = read_text(path)
    elif suffix in (".yaml", ".yml"):
        return read_plan(path, dict.fromkeys(directory.codes(), True))
    else:
        kinds = ", ".join(sorted(SUFFIXES))
        raise DocumentError(
            f"{shown}: không đọc được loại tệp '{suffix or 'không đuôi'}'; hỗ trợ {kinds}."
        )
    raw.source = shown
    return raw


@dataclass
class ImportOutcome:
    """What an import found and, unless it was a dry run, what it wrote."""

    result: ImportResult
    stored: StoreResult | None = None

    def summary(self) -> dict[str, Any]:
        data = self.result.summary()
        data["written"] = self.stored is not None
        if self.stored is not None:
            data["plan_id"] = self.stored.plan_id
            data["changes"] = {
                "tasks": str(self.stored.tasks),
                "occurrences": str(self.stored.occurrences),
            }
        return data


async def import_document(
    path: Path,
    *,
    now: dt.datetime,
    actor: str,
    deadlines: PlanDeadlines,
    options: ImportOptions | None = None,
    dry_run: bool = False,
    name: str | None = None,
    authorize: Callable[[PlanDoc], Awaitable[None]] | None = None,
) -> ImportOutcome:
    """Import one document; errors in reading it are reported, never half-written.
    ``authorize`` may refuse the write (raising) once the plan and its unit are known."""
    shown = name or path.name
    directory = await load_directory()
    result = ImportResult(source=shown)
    try:
        document = read_document(path, directory, name=shown)
    except DocumentError as exc:
        result.errors.append(exc.message)
        return ImportOutcome(result)
    owners = await plan_units()
    if isinstance(document, PlanDoc):
        result.plan = document
    else:
        result = build_plan(
            document, directory, options, known_plans=await known_plans(), plan_units=owners
        )
    if result.plan is not None:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        source = {**dict(result.plan.source), "file": shown, "sha256": digest}
        result.plan, foreign = confine_units(replace(result.plan, source=source), directory)
        result.review.extend(foreign)
    # A key another unit's plan holds: said in a preview, refused on writing (after the
    # caller's own right to write is checked, so the answer tells nothing to strangers).
    taken = result.plan is not None and owners.get(result.plan.key, result.plan.unit) != (
        result.plan.unit
    )
    if dry_run or result.errors or result.plan is None:
        if taken and result.plan is not None:
            result.errors.append(f"{shown}: {key_taken(result.plan.key)}")
        return ImportOutcome(result)
    if authorize is not None:
        await authorize(result.plan)
    if taken:
        result.errors.append(f"{shown}: {key_taken(result.plan.key)}")
        return ImportOutcome(result)
    if result.unreadable and not (options and options.accept_review):
        result.errors.append(unreadable_error(result))
        return ImportOutcome(result)
    async with db.write_transaction():
        if result.new_units:
            await sync_units(result.new_units)
        stored = await store_plan(result.plan, deadlines=deadlines, actor=actor, now=now)
    return ImportOutcome(result, stored)


def unreadable_error(result: ImportResult) -> str:
    """Why a real import refuses a plan with timings nobody can read, naming each cell."""
    cells = "; ".join(f"{item.where}: '{item.text}'" for item in result.unreadable)
    count = len(result.unreadable)
    return (
        f"{result.source}: không đọc được thời gian của {count} nhiệm vụ ({cells}). "
        "Chưa ghi gì. Hãy sửa thời gian trong văn bản rồi nhập lại, hoặc chấp nhận ghi các "
        "nhiệm vụ này chưa có hạn, đánh dấu cần xem lại (tùy chọn --accept-review)."
    )


# --------------------------------------------------------------------------- staged uploads

_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
_STAGE_DAYS = 1


def stage_upload(data_dir: Path, name: str, content: bytes, now: dt.datetime) -> str:
    """Keep an uploaded file until the officer confirms its preview; return its token.
    Uploads older than a day are removed on the way."""
    folder = data_dir / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        age = now.timestamp() - old.stat().st_mtime
        if old.is_dir() and age > _STAGE_DAYS * 86400:
            shutil.rmtree(old, ignore_errors=True)
    token = secrets.token_urlsafe(18)
    target = folder / token
    target.mkdir()
    (target / Path(name).name).write_bytes(content)
    return token


def staged_upload(data_dir: Path, token: str) -> Path:
    """The file a token stands for, or :class:`NotFoundError`."""
    folder = data_dir / "imports" / token
    files = list(folder.iterdir()) if _TOKEN.fullmatch(token) and folder.is_dir() else []
    if len(files) != 1:
        raise NotFoundError("Tệp tải lên đã hết hạn hoặc không tồn tại; hãy tải lên lại.")
    return files[0]
