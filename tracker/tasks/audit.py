"""Writing the append-only audit log: one row per change to a plan, task or occurrence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tracker.tasks.tables import AuditEntry

__all__ = ["AuditLog", "changes", "jsonable"]


def jsonable(value: Any) -> Any:
    """Dates and times as ISO strings, recursively, so any value fits a JSON column."""
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def changes(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value differs."""
    old = old or {}
    return {
        name: [jsonable(old.get(name)), jsonable(value)]
        for name, value in new.items()
        if old.get(name) != value
    }


@dataclass
class AuditLog:
    """Collects entries during one write and inserts them together."""

    actor: str
    now: dt.datetime

    def __post_init__(self) -> None:
        self._rows: list[AuditEntry] = []

    def add(
        self,
        entity: str,
        entity_id: int,
        action: str,
        change: Mapping[str, Any],
        plan_id: int | None = None,
    ) -> None:
        self._rows.append(
            AuditEntry(
                at=self.now,
                actor=self.actor,
                entity=entity,
                entity_id=entity_id,
                plan_id=plan_id,
                action=action,
                changes=jsonable(dict(change)),
            )
        )

    async def flush(self) -> int:
        count = len(self._rows)
        for start in range(0, count, 200):
            await AuditEntry.insert(*self._rows[start : start + 200])
        self._rows.clear()
        return count
