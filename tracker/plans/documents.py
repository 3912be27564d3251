"""The structured form of a plan (``seeds/plans/*.yaml``): reading it and checking it whole.

A :class:`PlanDoc` is what every importer produces and what the store writes in
one transaction: header data, the task tree in the document's own order, unit
codes and schedule rules. Reading checks everything (known units, valid rules,
unique keys) first and names the file and task of the first problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.errors import ScheduleError, SeedError
from tracker.org.documents import closest, load_yaml, text_field
from tracker.plans.importers.limits import LIMITS, Limits, bounded_yaml, check_size
from tracker.schedule.events import EVENT_KINDS
from tracker.schedule.rules import Rule, rules_from_dicts
from tracker.vn import nfc

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "KnownPlan",
    "PlanDoc",
    "TaskDoc",
    "plan_to_dict",
    "plan_to_yaml",
    "plan_year",
    "read_plan",
    "task_keys",
]

DOC_TYPES = ("KH", "QĐ")
TASK_KINDS = ("section", "task")
_BULLETS = {"", "-", "+", "*", "•"}
_ROLE_NAMES = {"lead": "chủ trì", "coordinating": "phối hợp", "unit": "ban hành"}

# The years a plan may be for: dates, calendars and expansions stay within them (a year
# like 99999 is past what a date can hold).
FIRST_YEAR, LAST_YEAR = 1990, 2100


def plan_year(text: str, where: str) -> int | None:
    """The year a form field gives (ASCII digits, blank for none); else :class:`SeedError`
    naming the field."""
    text = text.strip()
    if not text:
        return None
    year = int(text) if text.isascii() and text.isdigit() else None
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        raise SeedError(
            f"{where}: năm '{text}' không dùng được; hãy ghi một năm từ {FIRST_YEAR} "
            f"đến {LAST_YEAR}, ví dụ 2026."
        )
    return year


@dataclass(frozen=True)
class TaskDoc:
    key: str
    label: str
    kind: str
    content: str
    alt_label: str = ""
    details: str = ""
    lead: tuple[str, ...] = ()
    lead_text: str = ""
    coordinating: tuple[str, ...] = ()
    coordinating_text: str = ""
    output: str = ""
    note: str = ""
    remark: str = ""
    timing: str = ""
    rules: tuple[Rule, ...] = ()
    schedule_note: str = ""
    # Why the task needs the officer's look (an import's doubts); empty when it does not.
    review: str = ""
    children: tuple[TaskDoc, ...] = ()

    def walk(self, depth: int = 0) -> Iterator[tuple[TaskDoc, int]]:
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)


@dataclass(frozen=True)
class KnownPlan:
    """A stored plan the document may implement: numbers repeat across units and years,
    so its unit and day of issue are needed to tell which one a reference means."""

    number: str
    key: str
    unit: str
    issued: dt.date | None = None


@dataclass(frozen=True)
class StoredPlan:
    """What an import's default key needs to know of the plan stored under a key: whose it
    is, and which document it came from (its number and title)."""

    unit: str
    number: str = ""
    title: str = ""


@dataclass(frozen=True)
class PlanDoc:
    key: str
    title: str
    unit: str
    year: int
    period_start: dt.date
    period_end: dt.date
    doc_type: str = "KH"
    number: str = ""
    place: str = ""
    issued: dt.date | None = None
    issued_text: str = ""
    period_note: str = ""
    parent_ref: str = ""
    parent_plan: str = ""
    parent_unit: str = ""
    source: Mapping[str, Any] = field(default_factory=dict)
    details: Mapping[str, Any] = field(default_factory=dict)
    tasks: tuple[TaskDoc, ...] = ()
    where: str = ""

    def walk(self) -> Iterator[tuple[TaskDoc, int]]:
        for task in self.tasks:
            yield from task.walk()

    @property
    def task_count(self) -> int:
        return sum(1 for t, _ in self.walk() if t.kind == "task")

    @property
    def depth(self) -> int:
        return max((d + 1 for _, d in self.walk()), default=0)


_PLAN_FIELDS = {
    "key", "doc_type", "number", "title", "unit", "place", "issued", "issued_text", "year",
    "period", "period_note", "parent", "source", "details", "tasks",
}  # fmt: skip
_TASK_FIELDS = {
    "key", "label", "alt_label", "kind", "content", "details", "lead", "lead_text",
    "coordinating", "coordinating_text", "output", "note", "remark", "timing", "schedule",
    "schedule_note", "review", "children",
}  # fmt: skip


def _multiline(entry: Mapping[str, Any], name: str, where: str) -> str:
    """Text whose line breaks are meaningful (details: one bullet a line)."""
    value = entry.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise SeedError(f"{where}: trường '{name}' phải là văn bản.")
    return "\n".join(nfc(line) for line in value.strip().splitlines() if line.strip())


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise SeedError(f"{where}: '{value}' không phải ngày dạng YYYY-MM-DD.") from exc


def task_keys(labels: list[str]) -> list[str]:
    """Key segments for siblings: the label when it is unique and not a bullet,
    else the label (or '#') with its ordinal among siblings sharing it."""
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        if label not in _BULLETS and counts[label] == 1:
            out.append(label)
        else:
            out.append(f"{label or '#'}{seen[label]}")
    return out


@dataclass
class _PlanReader:
    shown: str
    units: Mapping[str, Any] | None
    keys: set[str] = field(default_factory=set)
    # The plan's own unit, once read: a "có phải …?" hint names only units of its line
    # (its subtree and the units above it), never another commune's, which the person
    # importing may not see.
    own: str | None = None

    def hint(self, code: str) -> str:
        if self.units is None or self.own is None:
            return ""
        own = self.own
        near = [
            c for c in self.units if c == own or c.startswith(f"{own}.") or own.startswith(f"{c}.")
        ]
        return closest(code, near)

    def unit_codes(self, entry: Mapping[str, Any], name: str, where: str) -> tuple[str, ...]:
        value = entry.get(name) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SeedError(f"{where}: trường '{name}' phải là danh sách mã đơn vị.")
        codes = tuple(v.strip() for v in value)
        if self.units is not None:
            for code in codes:
                if code not in self.units:
                    raise SeedError(
                        f"{where}: đơn vị {_ROLE_NAMES.get(name, name)} '{code}' không có trong danh sách đơn vị{self.hint(code)}"
                    )
        return codes

    def rules(self, entry: Mapping[str, Any], where: str) -> tuple[Rule, ...]:
        items = entry.get("schedule") or []
        if not isinstance(items, list):
            raise SeedError(f"{where}: trường 'schedule' phải là danh sách quy tắc.")
        try:
            rules = rules_from_dicts(items, where=where)
        except ScheduleError as exc:
            raise SeedError(exc.message) from exc
        for rule in rules:
            if rule.event and rule.event not in EVENT_KINDS:
                raise SeedError(
                    f"{where}, quy tắc {rule.key}: loại sự kiện '{rule.event}' không hợp lệ; chỉ nhận "
                    f"{', '.join(EVENT_KINDS)}{closest(rule.event, EVENT_KINDS)}"
                )
            if rule.assignee and self.units is not None and rule.assignee not in self.units:
                raise SeedError(
                    f"{where}, quy tắc {rule.key}: đơn vị được giao '{rule.assignee}' không có trong danh sách đơn vị"
                    f"{self.hint(rule.assignee)}"
                )
        return tuple(rules)

    def tasks(self, items: Any, prefix: str, where: str) -> tuple[TaskDoc, ...]:
        if items is None:
            return ()
        if not isinstance(items, list):
            raise SeedError(f"{where}: 'tasks' và 'children' phải là danh sách.")
        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                raise SeedError(
                    f"{where}, mục {index + 1}: mỗi nhiệm vụ phải là một bảng trường (mapping)."
                )
        labels = [text_field(item, "label", where) for item in items]
        segments = task_keys(labels)
        return tuple(
            self.task(item, label, segment, prefix)
            for item, label, segment in zip(items, labels, segments, strict=True)
        )

    def task(self, item: Mapping[str, Any], label: str, segment: str, prefix: str) -> TaskDoc:
        key = text_field(item, "key", "") or (f"{prefix}/{segment}" if prefix else segment)
        where = f"{self.shown}, nhiệm vụ {key}"
        unknown = sorted(set(item) - _TASK_FIELDS)
        if unknown:
            raise SeedError(
                f"{where}: không có trường {', '.join(unknown)}{closest(unknown[0], _TASK_FIELDS)}"
            )
        if key in self.keys:
            raise SeedError(f"{where}: khóa nhiệm vụ bị dùng hai lần trong kế hoạch.")
        self.keys.add(key)
        children = self.tasks(item.get("children"), key, where)
        kind = text_field(item, "kind", where) or ("section" if children else "task")
        if kind not in TASK_KINDS:
            raise SeedError(
                f"{where}: loại '{kind}' không hợp lệ; chỉ nhận {', '.join(TASK_KINDS)}."
            )
        return TaskDoc(
            key=key,
            label=label,
            kind=kind,
            content=text_field(item, "content", where, required=True),
            alt_label=text_field(item, "alt_label", where),
            details=_multiline(item, "details", where),
            lead=self.unit_codes(item, "lead", where),
            lead_text=text_field(item, "lead_text", where),
            coordinating=self.unit_codes(item, "coordinating", where),
            coordinating_text=text_field(item, "coordinating_text", where),
            output=text_field(item, "output", where),
            note=text_field(item, "note", where),
            remark=text_field(item, "remark", where),
            timing=text_field(item, "timing", where),
            rules=self.rules(item, where),
            schedule_note=text_field(item, "schedule_note", where),
            review=text_field(item, "review", where),
            children=children,
        )


def read_plan(
    path: Path,
    units: Mapping[str, Any] | None = None,
    *,
    name: str | None = None,
    limits: Limits = LIMITS,
) -> PlanDoc:
    """Read one plan file. With ``units`` (code → anything), every code is checked.
    ``name`` stands for the file in messages (an upload's own name; by default the path);
    the text's size and its YAML node graph are bounded by ``limits``."""
    where = name or str(path)
    if path.is_file():
        check_size(path.stat().st_size, where, limits, text=True)
    data = load_yaml(path, name=where, load=lambda text: bounded_yaml(text, where, limits))
    if not isinstance(data, Mapping):
        raise SeedError(f"{where}: tệp kế hoạch phải có key, title, unit và tasks.")
    unknown = sorted(set(data) - _PLAN_FIELDS)
    if unknown:
        raise SeedError(f"{where}: không có trường {', '.join(unknown)}.")
    reader = _PlanReader(where, units)
    key = text_field(data, "key", where, required=True)
    doc_type = text_field(data, "doc_type", where) or "KH"
    if doc_type not in DOC_TYPES:
        raise SeedError(
            f"{where}: doc_type '{doc_type}' không hợp lệ; chỉ nhận {', '.join(DOC_TYPES)}."
        )
    unit = reader.unit_codes(
        {"unit": [text_field(data, "unit", where, required=True)]}, "unit", where
    )[0]
    reader.own = unit
    period = data.get("period")
    if not isinstance(period, Mapping) or "start" not in period or "end" not in period:
        raise SeedError(f"{where}: 'period' phải có ngày 'start' và 'end'.")
    start, end = (
        _date(period["start"], f"{where}, period"),
        _date(period["end"], f"{where}, period"),
    )
    if end < start:
        raise SeedError(f"{where}: kỳ kế hoạch kết thúc trước khi bắt đầu.")
    parent = data.get("parent") or {}
    if not isinstance(parent, Mapping):
        raise SeedError(f"{where}: 'parent' phải có ref, plan và unit.")
    parent_unit = text_field(parent, "unit", where)
    if parent_unit:
        reader.unit_codes({"unit": [parent_unit]}, "unit", f"{where}, parent")
    year = data.get("year")
    if not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise SeedError(
            f"{where}: 'year' phải là một năm từ {FIRST_YEAR} đến {LAST_YEAR}, ví dụ 2026."
        )
    return PlanDoc(
        key=key,
        title=text_field(data, "title", where, required=True),
        unit=unit,
        year=year,
        period_start=start,
        period_end=end,
        doc_type=doc_type,
        number=text_field(data, "number", where),
        place=text_field(data, "place", where),
        issued=_date(data["issued"], f"{where}, issued") if data.get("issued") else None,
        issued_text=text_field(data, "issued_text", where),
        period_note=text_field(data, "period_note", where),
        parent_ref=text_field(parent, "ref", where),
        parent_plan=text_field(parent, "plan", where),
        parent_unit=parent_unit,
        source=dict(data.get("source") or {}),
        details=dict(data.get("details") or {}),
        tasks=reader.tasks(data.get("tasks"), "", where),
        where=where,
    )


# --------------------------------------------------------------------------- writing

_TASK_TEXT_FIELDS = (
    "alt_label", "content", "details", "lead_text", "coordinating_text", "output", "note",
    "remark", "timing", "schedule_note", "review",
)  # fmt: skip


def _task_dict(task: TaskDoc, default_key: str) -> dict[str, Any]:
    out: dict[str, Any] = {"label": task.label}
    if task.key != default_key:
        out["key"] = task.key
    if task.kind != ("section" if task.children else "task"):
        out["kind"] = task.kind
    for name in _TASK_TEXT_FIELDS:
        value = getattr(task, name)
        if value:
            out[name] = value
    if task.lead:
        out["lead"] = list(task.lead)
    if task.coordinating:
        out["coordinating"] = list(task.coordinating)
    if task.rules:
        out["schedule"] = [rule.to_dict() for rule in task.rules]
    if task.children:
        out["children"] = _task_list(task.children, task.key)
    return out


def _task_list(tasks: tuple[TaskDoc, ...], prefix: str) -> list[dict[str, Any]]:
    segments = task_keys([t.label for t in tasks])
    return [
        _task_dict(task, f"{prefix}/{segment}" if prefix else segment)
        for task, segment in zip(tasks, segments, strict=True)
    ]


def plan_to_dict(plan: PlanDoc) -> dict[str, Any]:
    """The YAML form of ``plan``: what :func:`read_plan` reads back to the same plan."""
    out: dict[str, Any] = {
        "key": plan.key,
        "doc_type": plan.doc_type,
        "number": plan.number,
        "title": plan.title,
        "unit": plan.unit,
        "place": plan.place,
        "issued": plan.issued,
        "issued_text": plan.issued_text,
        "year": plan.year,
        "period": {"start": plan.period_start, "end": plan.period_end},
    }
    if plan.period_note:
        out["period_note"] = plan.period_note
    parent = {"ref": plan.parent_ref, "plan": plan.parent_plan, "unit": plan.parent_unit}
    if any(parent.values()):
        out["parent"] = {k: v for k, v in parent.items() if v}
    if plan.source:
        out["source"] = dict(plan.source)
    if plan.details:
        out["details"] = dict(plan.details)
    out["tasks"] = _task_list(plan.tasks, "")
    return out


def plan_to_yaml(plan: PlanDoc) -> str:
    import yaml

    return yaml.safe_dump(plan_to_dict(plan), allow_unicode=True, sort_keys=False, width=100)
