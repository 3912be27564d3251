"""The append-only audit log: one row per change to a plan, task or occurrence.

Every area writes to it, so it sits below them all. Its table stays in the Piccolo app
"tasks" (:mod:`tracker.deadlines.piccolo_app`), where existing databases recorded it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from piccolo.columns import JSON, Integer, Serial, Timestamptz, Varchar
from piccolo.table import Table

__all__ = ["AuditEntry", "AuditLog", "changes", "jsonable"]


class AuditEntry(Table):
    """One change to a plan, task or occurrence. Append-only: triggers refuse edits."""

    id: Serial

    at = Timestamptz(index=True)
    actor = Varchar(length=320, default="system")
    entity = Varchar(length=20)
    entity_id = Integer(index=True)
    plan_id = Integer(null=True, default=None, index=True)
    action = Varchar(length=30)
    changes = JSON(default={})


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
