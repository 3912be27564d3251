"""The "Lịch sử" tab of a plan and of a task: the audit log in Vietnamese words.

One write (an import, an edit, a cancellation) is one set of audit entries with the same
moment and actor; each set is shown as one change: who, when, and a line for each plan
or task it touched ("Sửa nhiệm vụ 2.b: Thời gian thực hiện: «Quý I/2026» → «Quý II/2026»"),
with the deadlines it created, moved or cancelled counted on one line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from piccolo.query.functions.aggregate import Count

from tracker.audit import AuditEntry
from tracker.org.tables import Person, Unit
from tracker.plans.tables import Plan, Task
from tracker.vn import format_date, numbered

__all__ = ["Change", "Line", "history", "who_is"]

_PLAN_FIELDS = {
    "number": "Số, ký hiệu",
    "title": "Tên kế hoạch",
    "doc_type": "Loại văn bản",
    "unit": "Đơn vị ban hành",
    "place": "Nơi ban hành",
    "issue_date": "Ngày ban hành",
    "year": "Năm",
    "period_start": "Thực hiện từ ngày",
    "period_end": "Thực hiện đến ngày",
    "status": "Trạng thái",
    "parent": "Thực hiện kế hoạch",
    "parent_ref": "Căn cứ",
}
_TASK_FIELDS = {
    "key": "Mã nhiệm vụ",  # a re-import found the task under another key ("I/1" → "I/2")
    "label": "Số thứ tự",
    "kind": "Loại",
    "content": "Nội dung",
    "details": "Chi tiết",
    "units": "Đơn vị",
    "output": "Dự kiến kết quả",
    "note": "Ghi chú",
    "timing": "Thời gian thực hiện",
    "review": "Cần xem lại",
}
# Where a task sits: shown as one word, not as the numbers that encode it.
_LAYOUT = {"parent", "position", "sort_path", "depth"}
_ACTIONS = {
    ("plan", "create"): "Tạo kế hoạch",
    ("plan", "update"): "Sửa kế hoạch",
    ("plan", "delete"): "Xóa kế hoạch",
    ("plan", "restore"): "Khôi phục kế hoạch (nhập lại)",
    ("task", "create"): "Thêm",
    ("task", "update"): "Sửa",
    ("task", "delete"): "Bỏ",
    ("task", "flag"): "Đánh dấu cần xem lại",
    ("task", "cancel"): "Hủy",
    ("task", "restore"): "Khôi phục",
}
_OCCURRENCE_WORDS = {
    "create": "mới",
    "update": "dời hạn",
    "reopen": "mở lại",
    "cancel": "hủy",
    "complete": "hoàn thành",
}
_STATUS = {"draft": "Dự thảo", "active": "Đang thực hiện", "closed": "Đã kết thúc"}
_KIND = {"task": "nhiệm vụ", "section": "mục"}
_ROLE = {"lead": "Chủ trì", "coordinating": "Phối hợp"}
_SHOWN = 200  # characters of a long text shown before "…"


@dataclass
class Line:
    title: str
    details: list[str] = field(default_factory=list)


@dataclass
class Change:
    at: dt.datetime
    who: str
    lines: list[Line] = field(default_factory=list)


async def who_is(actors: Iterable[str]) -> dict[str, str]:
    """Each actor of the audit log in words: a person's name and e-mail, the command line,
    the demo data."""
    ids = {int(a.split(":", 1)[1]) for a in actors if a.startswith("person:") and a[7:].isdigit()}
    people = (
        {
            p["id"]: f"{p['name']} ({p['email']})"
            for p in await Person.select(Person.id, Person.name, Person.email).where(
                Person.id.is_in(sorted(ids))
            )
        }
        if ids
        else {}
    )
    words = {"cli": "Dòng lệnh (tracker)", "seed": "Dữ liệu mẫu", "system": "Hệ thống"}
    out = {}
    for actor in actors:
        if actor.startswith("person:") and actor[7:].isdigit():
            out[actor] = people.get(int(actor[7:]), f"Người dùng số {actor[7:]}")
        else:
            out[actor] = words.get(actor, actor)
    return out


async def history(
    plan_id: int,
    *,
    tz: ZoneInfo,
    task_id: int | None = None,
    occurrence_ids: Sequence[int] = (),
    limit: int = 200,
) -> list[Change]:
    """The plan's changes, newest first (at most ``limit``); with ``task_id``, only those
    of that task and of its deadlines (``occurrence_ids``)."""
    entries = AuditEntry.select().where(
        (AuditEntry.plan_id == plan_id) & AuditEntry.entity.is_in(["plan", "task"])
    )
    counted = (
        AuditEntry.select(AuditEntry.at, AuditEntry.actor, AuditEntry.action, Count())
        .where((AuditEntry.plan_id == plan_id) & (AuditEntry.entity == "occurrence"))
        .group_by(AuditEntry.at, AuditEntry.actor, AuditEntry.action)
    )
    if task_id is not None:
        entries = entries.where((AuditEntry.entity == "task") & (AuditEntry.entity_id == task_id))
        counted = counted.where(AuditEntry.entity_id.is_in(list(occurrence_ids) or [0]))
    rows = await entries.order_by(AuditEntry.id).output(load_json=True)
    counts = await counted
    names = await _names(rows)
    who = await who_is({r["actor"] for r in rows} | {c["actor"] for c in counts})
    changes: dict[tuple[dt.datetime, str], Change] = {}

    def change_of(at: dt.datetime, actor: str) -> Change:
        key = (at, actor)
        if key not in changes:
            changes[key] = Change(at.astimezone(tz), who[actor])
        return changes[key]

    for row in rows:
        line = _line(row, names)
        if line is not None:
            change_of(row["at"], row["actor"]).lines.append(line)
    by_set: dict[tuple[dt.datetime, str], list[str]] = {}
    for c in sorted(
        counts,
        key=lambda c: (
            list(_OCCURRENCE_WORDS).index(c["action"]) if c["action"] in _OCCURRENCE_WORDS else 99
        ),
    ):
        word = _OCCURRENCE_WORDS.get(c["action"], c["action"])
        by_set.setdefault((c["at"], c["actor"]), []).append(f"{c['count']} {word}")
    for (at, actor), parts in by_set.items():
        change_of(at, actor).lines.append(Line("Hạn công việc: " + ", ".join(parts)))
    ordered = sorted(changes.values(), key=lambda c: c.at, reverse=True)
    return ordered[:limit]


async def _names(rows: Sequence[dict[str, Any]]) -> dict[str, dict[Any, str]]:
    """What the lines name: tasks by id, units by code, plans by id."""
    task_ids = {r["entity_id"] for r in rows if r["entity"] == "task"}
    tasks = {
        t["id"]: f"{_KIND.get(t['kind'], 'nhiệm vụ')} {numbered(t['label'])}".strip()
        + f" ({_short(t['content'], 60)})"
        for t in (
            await Task.select(Task.id, Task.key, Task.label, Task.kind, Task.content).where(
                Task.id.is_in(sorted(task_ids) or [0])
            )
        )
    }
    units = {u["code"]: u["name"] for u in await Unit.select(Unit.code, Unit.name)}
    units.update({str(u["id"]): u["name"] for u in await Unit.select(Unit.id, Unit.name)})
    plans = {
        str(p["id"]): p["number"] or p["key"]
        for p in await Plan.select(Plan.id, Plan.key, Plan.number)
    }
    return {"task": tasks, "unit": units, "plan": plans}


def _line(row: Mapping[str, Any], names: dict[str, dict[Any, str]]) -> Line | None:
    entity, action, diff = row["entity"], row["action"], row["changes"] or {}
    verb = _ACTIONS.get((entity, action), action)
    if entity == "plan":
        fields = _PLAN_FIELDS
        title = verb
    else:
        fields = _TASK_FIELDS
        gone = (diff.get("key") or [None])[0]
        name = names["task"].get(row["entity_id"]) or f"nhiệm vụ {gone or row['entity_id']}"
        title = f"{verb} {name}"
    if action in ("create", "delete", "restore", "cancel", "flag"):
        return Line(title)
    details = [
        f"{fields[f]}: {_value(f, old, names)} → {_value(f, new, names)}"
        for f, (old, new) in diff.items()
        if f in fields and not (action == "create" and new in (None, "", [], False))
    ]
    if entity == "task" and _LAYOUT & set(diff):
        details.append("Đổi vị trí trong kế hoạch")
    if not details:
        return None
    return Line(title, details)


def _value(name: str, value: Any, names: dict[str, dict[Any, str]]) -> str:
    if value is None or value == "" or value == []:
        return "(trống)"
    if isinstance(value, bool):
        return "có" if value else "không"
    if name == "status":
        return _STATUS.get(str(value), str(value))
    if name == "kind":
        return _KIND.get(str(value), str(value))
    if name == "units" and isinstance(value, list):
        return "; ".join(
            f"{_ROLE.get(role, role)}: {names['unit'].get(code, code)}" for role, code in value
        )
    if name == "unit":
        return names["unit"].get(str(value), str(value))
    if name == "parent":
        return names["plan"].get(str(value), str(value))
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            pass
    return f"«{_short(str(value), _SHOWN)}»"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
