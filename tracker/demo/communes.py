"""More communes for the demo and the benchmarks, with real names.

The names come from the ``vietnam-provinces`` package, which holds the map after the
reform of 01/7/2025: 34 provinces and cities, 3,321 communes, wards and special zones
(Hải Phòng: 114, xã Đại Sơn among them). Each commune added gets the office units of xã
Đại Sơn (``seeds/units/dai-son.yaml``) under a code of its own, six people, a copy of
Đại Sơn's 2026 plan (``seeds/plans/dai-son-2026.yaml``) whose tasks name the new
commune's units, the deadlines that plan's schedules give, and a history
(:mod:`tracker.demo.history`).

Everything is written in bulk: a batch of communes per transaction, many rows per
statement, the schedules expanded once for all copies. A commune whose plan is already
stored is left as it is, so loading the same communes again adds nothing. Events
recorded before the copy are not expanded into it; ``tracker seed`` does not touch it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from tracker import db
from tracker.audit import AuditEntry, AuditLog
from tracker.config import Settings
from tracker.deadlines.services import Expander, new_occurrence
from tracker.deadlines.tables import Extension, Occurrence
from tracker.demo.history import ACTOR, COPY_MARK, HistoryReport, record_history
from tracker.errors import SeedError
from tracker.notify.services import expander_for
from tracker.org.documents import UnitDoc, read_units
from tracker.org.national import CommuneTarget, load_national, national_targets
from tracker.org.tables import GroupMember, Membership, Person, Unit
from tracker.plans.documents import PlanDoc, TaskDoc, read_plan
from tracker.plans.services import plan_values, task_values
from tracker.plans.tables import Plan, Task, TaskUnit
from tracker.schedule.expand import OccurrenceSpec, expand

__all__ = [
    "CITY",
    "CommuneTarget",
    "CommunesReport",
    "Template",
    "add_communes",
    "city_targets",
    "country_targets",
    "load_template",
]

CITY = "hai-phong"
TEMPLATE_COMMUNE = "hai-phong.dai-son"
TEMPLATE_PLAN = "dai-son-2026"
TEMPLATE_NAME = "Đại Sơn"
_BATCH = 20  # communes per transaction
_HISTORY_PLANS = 400  # plans whose history is recorded at a time

# The people each commune gets: (address, title, role, unit below the commune, heads it).
_PEOPLE = (
    ("chu-tich", "Chủ tịch UBND {full}", "chairman", "chu-tich", True),
    ("vp-tk", "Công chức Văn phòng – Thống kê", "officer", "vp.vp-tk", False),
    ("chanh-vp", "Chánh Văn phòng HĐND và UBND {division}", "member", "vp", True),
    ("kinh-te", "Trưởng phòng Kinh tế", "member", "kinh-te", True),
    ("vh-xh", "Trưởng phòng Văn hóa - Xã hội", "member", "vh-xh", True),
    ("ttphvhcc", "Giám đốc Trung tâm Phục vụ hành chính công", "member", "ttphvhcc", True),
)
_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương")
_MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Xuân")
_GIVEN = (
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hằng", "Hiếu", "Hoa", "Hùng", "Hương",
    "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Phong", "Phương", "Quân", "Sơn", "Tâm",
    "Thảo", "Thắng", "Trang", "Tuấn", "Yến",
)  # fmt: skip


def _not_seeded(targets: Iterator[CommuneTarget], template: Template) -> list[CommuneTarget]:
    """Leave out the communes the seeds already hold (xã Đại Sơn in Hải Phòng)."""
    seeded = template.seeded_communes
    return [t for t in targets if (t.province, f"UBND {t.full_name}".casefold()) not in seeded]


def city_targets(template: Template) -> list[CommuneTarget]:
    """Hải Phòng's communes, wards and special zones, in the package's order, without
    those the seeds hold: 113 of its 114."""
    return _not_seeded(iter(national_targets(CITY)), template)


def country_targets(template: Template, province: str | None = None) -> list[CommuneTarget]:
    """Every commune of the country (or of ``province``) without those the seeds hold:
    Hải Phòng's first, then each province's in the package's order."""
    return _not_seeded(iter(national_targets(province, first=CITY)), template)


# --------------------------------------------------------------------------- template


@dataclass(frozen=True)
class Template:
    """Xã Đại Sơn as the seeds give it: its units, its 2026 plan, the plan's deadlines
    (the same for every copy: the schedules name no commune), and the seed communes."""

    units: list[UnitDoc]
    plan: PlanDoc
    specs: dict[str, list[OccurrenceSpec]]
    seeded_communes: frozenset[tuple[str, str]]


def load_template(settings: Settings, expander: Expander) -> Template:
    seeds = settings.seeds_dir
    units = read_units(sorted((seeds / "units").glob("*.yaml")))
    by_code = {u.code: u for u in units}
    mine = [u for u in units if u.code == TEMPLATE_COMMUNE or _inside(u.code, TEMPLATE_COMMUNE)]
    path = seeds / "plans" / f"{TEMPLATE_PLAN}.yaml"
    plan = read_plan(path, by_code)
    if not mine or plan.unit != TEMPLATE_COMMUNE:
        raise SeedError(f"{path}: cần xã mẫu '{TEMPLATE_COMMUNE}' và kế hoạch của xã đó.")
    specs = {
        task.key: expand(
            list(task.rules),
            period_start=plan.period_start,
            period_end=plan.period_end,
            calendar=expander.calendar,
        )
        for task, _ in plan.walk()
        if task.rules
    }
    seeded = frozenset(
        (u.code.split(".")[0], u.name.casefold()) for u in units if u.kind == "commune"
    )
    return Template(mine, plan, specs, seeded)


def _inside(code: str, root: str) -> bool:
    return code.startswith(root + ".")


# --------------------------------------------------------------------------- renaming


@dataclass(frozen=True)
class _Copy:
    """How a target renames what the template names."""

    target: CommuneTarget

    def code(self, code: str) -> str:
        t = self.target
        if code == TEMPLATE_COMMUNE or _inside(code, TEMPLATE_COMMUNE):
            return t.code + code[len(TEMPLATE_COMMUNE) :]
        if code == CITY or _inside(code, CITY):
            return t.province + code[len(CITY) :]
        return code

    def text(self, text: str) -> str:
        t = self.target
        text = text.replace(f"xã {TEMPLATE_NAME}", t.full_name).replace(TEMPLATE_NAME, t.name)
        if t.province != CITY:
            place = t.province_name.removeprefix("UBND ")
            text = text.replace("thành phố Hải Phòng", place)
        return text

    def unit_name(self, text: str) -> str:
        """A unit's name or alias: "UBND xã" is "UBND phường" in a ward."""
        return re.sub(r"\bxã\b", self.target.division, self.text(text))

    def task(self, task: TaskDoc) -> TaskDoc:
        return dataclasses.replace(
            task,
            content=self.text(task.content),
            details=self.text(task.details),
            output=self.text(task.output),
            note=self.text(task.note),
            remark=self.text(task.remark),
            lead=tuple(self.code(c) for c in task.lead),
            coordinating=tuple(self.code(c) for c in task.coordinating),
            rules=tuple(
                dataclasses.replace(r, assignee=self.code(r.assignee)) if r.assignee else r
                for r in task.rules
            ),
            children=tuple(self.task(child) for child in task.children),
        )

    def plans(self, plan: PlanDoc, count: int) -> list[PlanDoc]:
        """``count`` copies: the first under the target's plan key, the others under it
        with "-2", "-3" … and "(bản 2)" … in the title."""
        first = self.plan(plan)
        return [first] + [
            dataclasses.replace(first, key=f"{first.key}-{n}", title=f"{first.title} (bản {n})")
            for n in range(2, count + 1)
        ]

    def plan(self, plan: PlanDoc) -> PlanDoc:
        return dataclasses.replace(
            plan,
            key=self.target.plan_key,
            unit=self.code(plan.unit),
            title=self.text(plan.title),
            place=self.text(plan.place),
            issued_text=self.text(plan.issued_text),
            parent_ref=self.text(plan.parent_ref),
            parent_plan="",
            parent_unit=self.code(plan.parent_unit) if plan.parent_unit else "",
            source={**plan.source, COPY_MARK: plan.key},
            details=_renamed(plan.details, self.text),
            tasks=tuple(self.task(t) for t in plan.tasks),
        )


def _renamed(value: Any, rename: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return rename(value)
    if isinstance(value, dict):
        return {k: _renamed(v, rename) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_renamed(v, rename) for v in value]
    return value


def _person_name(key: str) -> str:
    digest = hashlib.sha256(key.encode()).digest()
    family, middle, given = (digest[i] for i in range(3))
    return f"{_FAMILY[family % len(_FAMILY)]} {_MIDDLE[middle % len(_MIDDLE)]} {_GIVEN[given % len(_GIVEN)]}"


def _tasks(
    tasks: Sequence[TaskDoc], parent: str | None = None, prefix: str = "", depth: int = 0
) -> Iterator[tuple[TaskDoc, str | None, int, str, int]]:
    """Each task with its parent's key, its position, sort path and depth, as the store
    gives them."""
    for position, task in enumerate(tasks):
        sort_path = f"{prefix}{position:04d}."
        yield task, parent, position, sort_path, depth
        yield from _tasks(task.children, task.key, sort_path, depth + 1)


# --------------------------------------------------------------------------- loading


@dataclass
class CommunesReport:
    added: list[str] = field(default_factory=list)
    kept: int = 0  # already there
    history: HistoryReport = field(default_factory=HistoryReport)


async def add_communes(
    settings: Settings,
    targets: Sequence[CommuneTarget],
    now: dt.datetime,
    *,
    template: Template | None = None,
    plans: int = 1,
    on_progress: Callable[[int], None] = lambda n: None,
) -> CommunesReport:
    """Add the communes of ``targets`` not yet stored, each with ``plans`` copies of the
    template's plan, then record their history up to ``now``. The communes themselves and
    their standard offices come from the national list's loader
    (:func:`tracker.org.national.load_national`), which keeps those already there.
    ``on_progress`` hears how many targets each batch dealt with."""
    expander = expander_for(settings)
    template = template or load_template(settings, expander)
    report = CommunesReport()
    keys = [t.plan_key for t in targets]
    stored = {
        r["key"]
        for start in range(0, len(keys), 500)
        for r in await Plan.select(Plan.key).where(Plan.key.is_in(keys[start : start + 500]))
    }
    todo = [t for t in targets if t.plan_key not in stored]
    # Every table it fills (and the audit log, the extensions the history approves) is
    # analyzed when it ends, history included (:func:`tracker.db.bulk_load`).
    async with db.bulk_load(AuditEntry, Extension) as filled:
        units = await load_national(todo, now, actor=ACTOR)
        # A commune the tree holds under another code (added by hand, say) is left alone.
        todo = [t for t in todo if units.codes[t.code] == t.code]
        report.kept = len(targets) - len(todo)
        on_progress(report.kept)
        plan_ids: list[int] = []
        for start in range(0, len(todo), _BATCH):
            batch = [_Copy(t) for t in todo[start : start + _BATCH]]
            plan_ids += await _load_batch(batch, template, expander, now, plans)
            report.added += [c.target.code for c in batch]
            on_progress(len(batch))
        if plan_ids:
            # Before the history too: a deadline table PostgreSQL still thinks holds a
            # hundred open rows makes every UPDATE of the history scan them all.
            await db.analyze(filled)
        # The history a few hundred plans at a time: it holds every passed deadline of
        # the plans it looks at, and their audit entries, until it writes them.
        for start in range(0, len(plan_ids), _HISTORY_PLANS):
            part = await record_history(
                settings, now, plan_ids=plan_ids[start : start + _HISTORY_PLANS]
            )
            report.history = _added(report.history, part)
    return report


def _added(one: HistoryReport, other: HistoryReport) -> HistoryReport:
    return HistoryReport(
        plans=one.plans + other.plans,
        looked_at=one.looked_at + other.looked_at,
        on_time=one.on_time + other.on_time,
        late=one.late + other.late,
        overdue=one.overdue + other.overdue,
        extensions=one.extensions + other.extensions,
    )


async def _load_batch(
    batch: Sequence[_Copy], template: Template, expander: Expander, now: dt.datetime, plans: int
) -> list[int]:
    """One transaction: units, people, plans, tasks, task units, deadlines."""
    async with db.write_transaction():
        units = await _write_units(batch, template)
        await _write_people(batch, units, now)
        docs = {doc.key: (c, doc) for c in batch for doc in c.plans(template.plan, plans)}
        plan_ids = await _write_plans([doc for _, doc in docs.values()], units, now)
        await _write_tasks(docs, plan_ids, units, template, expander, now)
        audit = AuditLog(ACTOR, now)
        for key, (_, doc) in docs.items():
            pid = plan_ids[key]
            audit.add(
                "plan",
                pid,
                "create",
                {"key": [None, doc.key], COPY_MARK: [None, TEMPLATE_PLAN]},
                pid,
            )
        await audit.flush()
    return list(plan_ids.values())


async def _write_units(batch: Sequence[_Copy], template: Template) -> dict[str, dict[str, Any]]:
    """The communes' units, a level of the tree at a time (a child needs its parent's id);
    every unit by code, with its id and path."""
    codes = {c.target.province for c in batch}
    codes |= {copy.code(unit.code) for copy in batch for unit in template.units}
    known = {
        r["code"]: r
        for r in await Unit.select(Unit.id, Unit.code, Unit.path).where(
            Unit.code.is_in(sorted(codes))
        )
    }
    made_here: set[str] = set()  # units the national list's loader did not give
    level: dict[str, int] = {}
    for unit in template.units:  # parents come first
        level[unit.code] = level[unit.parent] + 1 if unit.parent in level else 0
    for depth in range(max(level.values()) + 1):
        rows = []
        for copy in batch:
            for unit in template.units:
                if level[unit.code] != depth:
                    continue
                parent = known[copy.code(unit.parent or CITY)]
                code = copy.code(unit.code)
                if code in known:
                    continue
                path = f"{parent['path']}{code}/"
                rows.append(
                    Unit(
                        code=code,
                        name=copy.unit_name(unit.name),
                        kind=unit.kind,
                        parent=parent["id"],
                        path=path,
                        depth=path.count("/") - 2,
                        position=unit.position,
                        aliases=[copy.unit_name(a) for a in unit.aliases],
                        note="",
                    )
                )
        if not rows:
            continue
        await db.insert_rows(Unit, rows)
        made = await Unit.select(Unit.id, Unit.code, Unit.path).where(
            Unit.code.is_in([r.code for r in rows])
        )
        known.update({r["code"]: r for r in made})
        made_here.update(r["code"] for r in made)
    members = [
        GroupMember(group=known[copy.code(unit.code)]["id"], member=known[copy.code(m)]["id"])
        for copy in batch
        for unit in template.units
        if copy.code(unit.code) in made_here
        for m in unit.members
    ]
    await db.insert_rows(GroupMember, members)
    return known


async def _write_people(
    batch: Sequence[_Copy], units: dict[str, dict[str, Any]], now: dt.datetime
) -> None:
    people = []
    for copy in batch:
        t = copy.target
        for address, title, role, _, _ in _PEOPLE:
            email = f"{address}@{t.mail_domain}"
            people.append(
                Person(
                    name=_person_name(email),
                    email=email,
                    role=role,
                    created_at=now,
                    title=title.format(full=t.full_name, division=t.division),
                )
            )
    await db.insert_rows(Person, people)
    ids = {
        r["email"]: r["id"]
        for r in await Person.select(Person.id, Person.email).where(
            Person.email.is_in([p.email for p in people])
        )
    }
    memberships = []
    for copy in batch:
        t = copy.target
        for address, _, _, unit, heads in _PEOPLE:
            person = ids[f"{address}@{t.mail_domain}"]
            own = units[f"{t.code}.{unit}"]["id"]
            if address == "chu-tich":  # holds the post, and heads the commune
                memberships.append(Membership(person=person, unit=own))
                memberships.append(
                    Membership(person=person, unit=units[t.code]["id"], is_head=True)
                )
            else:
                memberships.append(Membership(person=person, unit=own, is_head=heads))
    await db.insert_rows(Membership, memberships)


async def _write_plans(
    plans: Sequence[PlanDoc], units: dict[str, dict[str, Any]], now: dt.datetime
) -> dict[str, int]:
    """The plans' ids, by their keys."""
    ids = {code: row["id"] for code, row in units.items()}
    await db.insert_rows(
        Plan,
        [
            Plan(
                key=doc.key,
                status="active",
                created_at=now,
                updated_at=now,
                **plan_values(doc, ids, None),
            )
            for doc in plans
        ],
    )
    rows = await Plan.select(Plan.id, Plan.key).where(Plan.key.is_in([d.key for d in plans]))
    return {r["key"]: r["id"] for r in rows}


async def _write_tasks(
    plans: dict[str, tuple[_Copy, PlanDoc]],
    plan_ids: dict[str, int],
    units: dict[str, dict[str, Any]],
    template: Template,
    expander: Expander,
    now: dt.datetime,
) -> None:
    """Tasks a level at a time, then the units they name and their deadlines."""
    unit_ids = {code: row["id"] for code, row in units.items()}
    flat = {key: list(_tasks(doc.tasks)) for key, (_, doc) in plans.items()}
    task_ids: dict[tuple[int, str], int] = {}
    for depth in range(max(d for rows in flat.values() for *_, d in rows) + 1):
        rows = [
            Task(
                plan=plan_ids[code],
                key=task.key,
                created_at=now,
                updated_at=now,
                **task_values(
                    task,
                    task_ids[(plan_ids[code], parent)] if parent else None,
                    position,
                    sort_path,
                    d,
                ),
            )
            for code, items in flat.items()
            for task, parent, position, sort_path, d in items
            if d == depth
        ]
        await db.insert_rows(Task, rows)
        made = await Task.select(Task.id, Task.plan, Task.key).where(
            Task.plan.is_in(list(plan_ids.values())) & (Task.depth == depth)
        )
        task_ids.update({(r["plan"], r["key"]): r["id"] for r in made})
    named = []
    deadlines = []
    for code, items in flat.items():
        copy = plans[code][0]
        for task, *_ in items:
            tid = task_ids[(plan_ids[code], task.key)]
            for role, codes in (("lead", task.lead), ("coordinating", task.coordinating)):
                named += [
                    TaskUnit(task=tid, unit=unit_ids[c], role=role, position=i)
                    for i, c in enumerate(codes)
                ]
            for spec in template.specs.get(task.key, ()):
                if spec.assignee:
                    spec = dataclasses.replace(spec, assignee=copy.code(spec.assignee))
                deadlines.append(
                    new_occurrence(
                        spec,
                        task_id=tid,
                        plan_id=plan_ids[code],
                        expander=expander,
                        unit_ids=unit_ids,
                        now=now,
                    )
                )
    await db.insert_rows(TaskUnit, named)
    await db.insert_rows(Occurrence, deadlines)
