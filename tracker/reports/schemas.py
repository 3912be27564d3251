"""API shapes of the compliance counts."""

from __future__ import annotations

from typing import Any

import msgspec

__all__ = [
    "ComplianceOut",
    "ComplianceRow",
    "OverdueOut",
    "PlanRef",
    "ScopeRef",
    "TaskRef",
    "Totals",
]


class Totals(msgspec.Struct, kw_only=True):
    total: int
    due: int
    done_on_time: int
    done_late: int
    pending: int
    overdue: int
    done_rate: float | None
    on_time_rate: float | None

    @classmethod
    def of(cls, counts: dict[str, Any]) -> Totals:
        return cls(**counts)


class ComplianceRow(Totals, kw_only=True):
    key: str
    name: str


class ScopeRef(msgspec.Struct, kw_only=True):
    code: str
    name: str


class ComplianceOut(msgspec.Struct, kw_only=True):
    """The counts at ``as_of`` of the deadlines whose working deadline falls in
    ``[from, to]``; ``totals`` is the sum of ``rows``."""

    as_of: str
    from_: str = msgspec.field(name="from")
    to: str
    by: str
    scope: ScopeRef
    totals: Totals
    rows: list[ComplianceRow]


class TaskRef(msgspec.Struct, kw_only=True):
    id: int
    content: str


class PlanRef(msgspec.Struct, kw_only=True):
    key: str
    title: str


class OverdueOut(msgspec.Struct, kw_only=True):
    """One overdue deadline at ``as_of``. ``due`` is the working deadline (ISO date, or a
    local date-time with its offset); ``escalated_to`` whom the reminders have reported
    it to by then (the head of the lead unit after 3 working days, the chairman after
    7), null before that."""

    occurrence: int
    task: TaskRef
    plan: PlanRef
    lead: ScopeRef | None
    due: str
    days_late: int
    working_days_late: int
    escalated_to: str | None
