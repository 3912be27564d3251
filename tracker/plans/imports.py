"""Importing a document into a plan: read it, build the plan, show what to review, and
(unless it is a dry run) write it in one transaction.

A document that cannot be read, or a plan with errors, changes nothing. Importing a
revised plan again updates its tasks by their stable keys and keeps recorded progress
(:func:`tracker.plans.services.store_plan`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
import shutil
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tracker import db
from tracker.audit import AuditEntry
from tracker.errors import NotFoundError
from tracker.org.services import load_directory, sync_units
from tracker.plans.documents import PlanDoc
from tracker.plans.importers.base import DocumentError
from tracker.plans.importers.build import ImportOptions, ImportResult
from tracker.plans.importers.limits import LIMITS, Limits, check_size
from tracker.plans.importers.read import SUFFIXES, ParseJob, read_document
from tracker.plans.importers.sandbox import parse_isolated
from tracker.plans.importers.xlsx import sheet_choice
from tracker.plans.services import (
    PlanDeadlines,
    StoreResult,
    key_taken,
    known_plans,
    plan_units,
    store_plan,
)
from tracker.plans.tables import Task

__all__ = [
    "STAGE_BYTES",
    "STAGE_COUNT",
    "STAGE_HOURS",
    "SUFFIXES",
    "UPLOAD_BODY_BYTES",
    "ImportOutcome",
    "TaskChange",
    "discard_upload",
    "import_document",
    "read_document",
    "safe_name",
    "stage_upload",
    "staged_upload",
    "stored_name",
    "unreadable_error",
]

# The largest request an upload route reads: the largest file and the form around it.
# A file between the two is refused with its name; a bigger body before it is read.
UPLOAD_BODY_BYTES = LIMITS.upload_bytes + 256 * 1024


# The task fields a change list names, in words.
_FIELD_WORDS = {
    "content": "nội dung",
    "timing": "thời gian",
    "rules": "lịch",
    "units": "đơn vị",
    "output": "kết quả",
    "note": "ghi chú",
    "label": "số thứ tự",
    "details": "chi tiết",
    "parent": "vị trí",
    "position": "vị trí",
    "review": "cần xem lại",
}


@dataclass(frozen=True)
class TaskChange:
    """One task a save creates, changes or removes, as the preview lists it."""

    action: str  # "create", "update" or "delete"
    label: str
    content: str
    fields: tuple[str, ...] = ()


@dataclass
class ImportOutcome:
    """What an import found and, unless it was a dry run, what it wrote. A dry run of a
    readable plan also says what a save would change (``stored`` and ``changes`` of a
    rehearsal that is rolled back)."""

    result: ImportResult
    stored: StoreResult | None = None
    rehearsed: bool = False
    changes: list[TaskChange] = field(default_factory=list)
    # The HTTP status of a refusal: 413 (too large), 422 (too complex, unreadable, errors)
    # or 503 (every reading slot busy).
    error_status: int = 422

    @property
    def written(self) -> bool:
        return self.stored is not None and not self.rehearsed

    def summary(self) -> dict[str, Any]:
        data = self.result.summary()
        data["written"] = self.written
        if self.stored is not None:
            if self.written:
                data["plan_id"] = self.stored.plan_id
            key = "changes" if self.written else "would_change"
            data[key] = {
                "plan": "created" if self.stored.plan_created else "updated",
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
    limits: Limits = LIMITS,
) -> ImportOutcome:
    """Import one document; errors in reading it are reported, never half-written.

    The document is read and built in a worker process within ``limits`` (size, rows,
    cells, YAML aliases, tasks, time …; :mod:`tracker.plans.importers.sandbox`), so no
    file holds the event loop. ``authorize`` may refuse (raising) once the plan and its
    unit are known, for a preview as for a write."""
    shown = name or path.name
    result = ImportResult(source=shown)
    try:
        if path.is_file():
            check_size(path.stat().st_size, shown, limits)
        owners = await plan_units()
        job = ParseJob(path, shown, await load_directory(), options, await known_plans(), owners)
        result = await parse_isolated(job, limits)
    except DocumentError as exc:
        result.errors.append(exc.message)
        status = exc.status_code if exc.status_code in (413, 503) else 422
        return ImportOutcome(result, error_status=status)
    # A plan a sheet: the preview lists them (and shows them read as one, nothing
    # rehearsed); a write refuses until the officer chooses the sheet to import.
    choose_sheet = bool(result.sheet_plans) and not (options and options.sheet)
    if choose_sheet and not dry_run:
        result.errors.append(sheet_choice(shown, result.sheet_plans))
    if result.plan is not None and not result.plan.unit:
        # The issuing commune is not known: a preview shows the document's whole tree
        # (which tells nothing of the database) with the commune to choose first; a
        # write refuses, saying why.
        if not dry_run:
            result.errors.append(f"{shown}: {result.unit_problem}")
        return ImportOutcome(result)
    if result.plan is not None:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        source = {**dict(result.plan.source), "file": shown, "sha256": digest}
        result.plan = replace(result.plan, source=source)
        if authorize is not None:
            await authorize(result.plan)
        # A key another unit's plan holds: told once the caller's own right to the
        # document's unit is checked, so the answer tells strangers nothing.
        held = owners.get(result.plan.key)
        if held is not None and held.unit != result.plan.unit:
            result.errors.append(f"{shown}: {key_taken(result.plan.key)}")
    if result.errors or result.plan is None or choose_sheet:
        return ImportOutcome(result)
    if dry_run:
        stored, listed = await _rehearse(result, deadlines, actor, now)
        return ImportOutcome(result, stored, rehearsed=True, changes=listed)
    if result.unreadable and not (options and options.accept_review):
        result.errors.append(unreadable_error(result))
        return ImportOutcome(result)
    async with db.write_transaction():
        if result.new_units:
            await sync_units(result.new_units)
        stored = await store_plan(result.plan, deadlines=deadlines, actor=actor, now=now)
    changed = await task_changes(stored.plan_id, actor, now, {})
    return ImportOutcome(result, stored, changes=changed)


class _Rehearsal(Exception):
    """Ends a rehearsal's transaction, so that nothing it wrote stays."""


async def _rehearse(
    result: ImportResult, deadlines: PlanDeadlines, actor: str, now: dt.datetime
) -> tuple[StoreResult, list[TaskChange]]:
    """What saving the plan would do, found by saving it in a transaction that is then
    rolled back: the counts, and the tasks it would create, change or remove."""
    assert result.plan is not None
    outcome: list[tuple[StoreResult, list[TaskChange]]] = []
    try:
        async with db.write_transaction():
            before = await _tasks_of(result.plan.key)
            if result.new_units:
                await sync_units(result.new_units)
            stored = await store_plan(result.plan, deadlines=deadlines, actor=actor, now=now)
            outcome.append((stored, await task_changes(stored.plan_id, actor, now, before)))
            raise _Rehearsal
    except _Rehearsal:
        pass
    return outcome[0]


async def _tasks_of(plan_key: str) -> dict[int, tuple[str, str]]:
    rows = await Task.select(Task.id, Task.label, Task.content).where(Task.plan.key == plan_key)
    return {r["id"]: (r["label"], r["content"]) for r in rows}


async def task_changes(
    plan_id: int, actor: str, now: dt.datetime, before: dict[int, tuple[str, str]]
) -> list[TaskChange]:
    """The tasks that one save by ``actor`` at ``now`` created, changed or removed, read
    back from the audit log it wrote (``before``: the tasks' labels and content before it,
    for those it removed)."""
    entries = await AuditEntry.select(
        AuditEntry.entity_id, AuditEntry.action, AuditEntry.changes
    ).where(
        (AuditEntry.plan_id == plan_id)
        & (AuditEntry.entity == "task")
        & (AuditEntry.actor == actor)
        & (AuditEntry.at == now)
    )
    if not entries:
        return []
    ids = sorted({e["entity_id"] for e in entries})
    now_rows = await Task.select(Task.id, Task.label, Task.content).where(Task.id.is_in(ids))
    known = {**before, **{r["id"]: (r["label"], r["content"]) for r in now_rows}}
    actions: dict[int, str] = {}
    words: dict[int, list[str]] = {}
    for entry in entries:
        task_id, action = entry["entity_id"], entry["action"]
        if actions.get(task_id) not in ("create", "delete"):
            actions[task_id] = "update" if action == "flag" else action
        changed = entry["changes"] if isinstance(entry["changes"], dict) else {}
        for name in changed:
            word = _FIELD_WORDS.get(name)
            if word and word not in words.setdefault(task_id, []):
                words[task_id].append(word)
    order = {"create": 0, "update": 1, "delete": 2}
    out = [
        TaskChange(
            action=actions[i],
            label=known.get(i, ("", ""))[0],
            content=known.get(i, ("", ""))[1],
            fields=tuple(words.get(i, [])) if actions[i] == "update" else (),
        )
        for i in ids
    ]
    return sorted(out, key=lambda c: order.get(c.action, 3))


def unreadable_error(result: ImportResult) -> str:
    """Why a real import refuses a plan with timings nobody can read, naming each cell."""
    cells = "; ".join(f"{item.where}: '{item.text}'" for item in result.unreadable)
    count = len(result.unreadable)
    return (
        f"{result.source}: không đọc được thời gian của {count} nhiệm vụ ({cells}). "
        "Chưa ghi gì. Hãy sửa thời gian trong văn bản rồi nhập lại, hoặc chấp nhận ghi các "
        "nhiệm vụ này chưa có hạn, đánh dấu cần xem lại (tùy chọn --accept-review)."
    )


# --------------------------------------------------------------------------- upload names

_CONTROL = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_NAME_CHARS = 120


def safe_name(filename: str | None, default: str = "ke-hoach") -> str:
    """An uploaded file's name fit to show and to keep: its last path part (either
    separator), without control characters, leading dots or spaces, at most 120
    characters with its suffix kept; "ke-hoach" (with the suffix) when nothing is left
    ("", ".", "..", "/"). It is only ever shown: files on the server get names of ours."""
    text = unicodedata.normalize("NFC", filename or "")
    text = re.split(r"[/\\]", text)[-1]
    text = "".join(" " if unicodedata.category(ch) in _CONTROL else ch for ch in text)
    text = " ".join(text.split())
    stem, dot, suffix = text.rpartition(".")
    if not dot:
        stem, suffix = text, ""
    stem, suffix = stem.lstrip(". ").rstrip() or default, suffix.strip()[:16]
    stem = stem[: _NAME_CHARS - (len(suffix) + 1 if suffix else 0)].rstrip()
    return f"{stem}.{suffix}" if suffix else stem


def stored_name(name: str) -> str:
    """The name an upload is stored under on the server: ours, with the upload's suffix
    when it is a plain one (the readers go by it)."""
    suffix = Path(name).suffix.lower()
    return f"document{suffix}" if re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) else "document"


# --------------------------------------------------------------------------- staged uploads

_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
STAGE_COUNT = 10  # staged uploads one person may hold; the oldest go first
STAGE_BYTES = 3 * LIMITS.upload_bytes  # their total size
STAGE_HOURS = 24  # then they are removed, confirmed or not
_META = "meta.json"


def _owner(person_id: int) -> str:
    return f"p{int(person_id)}"


def stage_upload(
    data_dir: Path, person_id: int, name: str, content: bytes, now: dt.datetime
) -> str:
    """Keep an uploaded file until its person confirms the preview; return its token.

    The file is stored under a name of ours (only its suffix is the upload's), in a folder
    of the person's. Expired uploads (everyone's) go first, then the person's oldest until
    the new one fits their quota of :data:`STAGE_COUNT` files and :data:`STAGE_BYTES`."""
    shown = safe_name(name)
    check_size(len(content), shown, LIMITS)
    root = data_dir / "imports"
    _remove_expired(root, now)
    folder = root / _owner(person_id)
    folder.mkdir(parents=True, exist_ok=True)
    staged = sorted(_staged(folder), key=lambda item: item[1]["staged"])
    while staged and (
        len(staged) >= STAGE_COUNT
        or sum(meta["bytes"] for _, meta in staged) + len(content) > STAGE_BYTES
    ):
        oldest, _ = staged.pop(0)
        shutil.rmtree(oldest, ignore_errors=True)
    token = secrets.token_urlsafe(18)
    # Written aside, then renamed whole: a staged upload is never seen half-written.
    partial = folder / f".{token}"
    partial.mkdir()
    (partial / stored_name(shown)).write_bytes(content)
    meta = {"name": shown, "bytes": len(content), "staged": now.isoformat()}
    (partial / _META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    partial.rename(folder / token)
    return token


def staged_upload(data_dir: Path, person_id: int, token: str, now: dt.datetime) -> tuple[Path, str]:
    """The file a token of this person stands for, and its uploaded name; or
    :class:`NotFoundError` (expired, removed, or another person's)."""
    gone = NotFoundError("Tệp tải lên đã hết hạn hoặc không tồn tại; hãy tải lên lại.")
    if not _TOKEN.fullmatch(token):
        raise gone
    folder = data_dir / "imports" / _owner(person_id) / token
    meta = _meta(folder)
    files = [p for p in folder.iterdir() if p.name != _META] if meta is not None else []
    if meta is None or len(files) != 1 or _expired(meta, now):
        raise gone
    return files[0], str(meta["name"])


def discard_upload(data_dir: Path, person_id: int, token: str) -> None:
    """Remove a staged upload once it has been written."""
    if _TOKEN.fullmatch(token):
        shutil.rmtree(data_dir / "imports" / _owner(person_id) / token, ignore_errors=True)


def _meta(folder: Path) -> dict[str, Any] | None:
    try:
        meta = json.loads((folder / _META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _staged(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for item in folder.iterdir():
        if item.name.startswith("."):
            continue  # being written
        meta = _meta(item) if item.is_dir() else None
        if meta is None:
            shutil.rmtree(item, ignore_errors=True)  # half-written, or not ours
        else:
            found.append((item, meta))
    return found


def _expired(meta: dict[str, Any], now: dt.datetime) -> bool:
    try:
        staged = dt.datetime.fromisoformat(str(meta["staged"]))
    except (KeyError, ValueError):
        return True
    return now - staged > dt.timedelta(hours=STAGE_HOURS)


def _remove_expired(root: Path, now: dt.datetime) -> None:
    if not root.is_dir():
        return
    for person in root.iterdir():
        if not person.is_dir():
            continue
        for item, meta in _staged(person):
            if _expired(meta, now):
                shutil.rmtree(item, ignore_errors=True)
