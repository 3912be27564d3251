"""API shapes of the compliance counts."""

from __future__ import annotations

from typing import Any

import msgspec

__all__ = ["ComplianceOut", "ComplianceRow", "ScopeRef", "Totals"]


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
