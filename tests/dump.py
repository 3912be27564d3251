"""A database's content in a form that compares across runs and engines: by stable keys,
never by ids or timestamps."""

from __future__ import annotations

from typing import Any

from tracker.audit import AuditEntry
from tracker.deadlines.tables import Occurrence
from tracker.org.tables import GroupMember, Membership, Person, Unit
from tracker.plans.tables import Plan, Task, TaskUnit


async def dump() -> dict[str, Any]:
    units = {u["id"]: u for u in await Unit.select().output(load_json=True)}
    code = {i: u["code"] for i, u in units.items()}
    plans = {p["id"]: p for p in await Plan.select().output(load_json=True)}
    tasks = {t["id"]: t for t in await Task.select().output(load_json=True)}
    people = {p["id"]: p for p in await Person.select()}

    def task_ref(task_id: int) -> str:
        t = tasks[task_id]
        return f"{plans[t['plan']]['key']}:{t['key']}"

    return {
        "units": sorted(
            (
                u["code"],
                u["name"],
                u["kind"],
                code.get(u["parent"]),
                u["path"],
                u["depth"],
                u["position"],
                tuple(u["aliases"]),
                u["note"],
            )
            for u in units.values()
        ),
        "group_members": sorted(
            (code[g["group"]], code[g["member"]]) for g in await GroupMember.select()
        ),
        "people": sorted(
            (p["email"], p["name"], p["title"], p["phone"], p["role"], p["active"])
            for p in people.values()
        ),
        "memberships": sorted(
            (people[m["person"]]["email"], code[m["unit"]], m["is_head"])
            for m in await Membership.select()
        ),
        "plans": sorted(
            (
                p["key"],
                p["number"],
                p["doc_type"],
                p["title"],
                code[p["unit"]],
                p["place"],
                p["issue_date"],
                p["issue_date_text"],
                p["year"],
                p["period_start"],
                p["period_end"],
                p["parent_ref"],
                repr(p["source"]),
                repr(p["details"]),
                p["status"],
            )
            for p in plans.values()
        ),
        "tasks": sorted(
            (
                task_ref(t["id"]),
                task_ref(t["parent"]) if t["parent"] else None,
                t["label"],
                t["alt_label"],
                t["position"],
                t["sort_path"],
                t["depth"],
                t["kind"],
                t["content"],
                t["details"],
                t["lead_text"],
                t["coordinating_text"],
                t["output"],
                t["note"],
                t["remark"],
                t["timing"],
                repr(t["schedule"]),
                t["schedule_note"],
                t["review"],
            )
            for t in tasks.values()
        ),
        "task_units": sorted(
            (task_ref(tu["task"]), code[tu["unit"]], tu["role"], tu["position"])
            for tu in await TaskUnit.select()
        ),
        "occurrences": sorted(
            (
                task_ref(o["task"]),
                o["key"],
                o["rule_key"],
                o["kind"],
                o["label"],
                code.get(o["assignee"]),
                o["start_date"],
                o["start_at"],
                o["due_date"],
                o["due_at"],
                o["nominal_date"],
                o["moved_reason"],
                o["deadline_at"],
                o["status"],
            )
            for o in await Occurrence.select()
        ),
        "audit_entries": await AuditEntry.count(),
    }
