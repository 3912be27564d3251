"""Reconciling stored occurrences with a fresh expansion, by key (pure): what to create,
update, reopen and cancel so the store matches the rules while keeping recorded work."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tracker.schedule.expand import OccurrenceSpec

__all__ = ["ExistingOccurrence", "MaterializeCounts", "Reconciliation", "reconcile"]


@dataclass(frozen=True)
class ExistingOccurrence:
    """What the store already holds for one occurrence key."""

    key: str
    status: str  # "open", "done" or "cancelled"
    spec: OccurrenceSpec


@dataclass
class Reconciliation:
    """What to write so the store matches a fresh expansion, keeping all recorded work."""

    create: list[OccurrenceSpec] = field(default_factory=list)
    update: list[OccurrenceSpec] = field(default_factory=list)
    reopen: list[OccurrenceSpec] = field(default_factory=list)
    cancel: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.create or self.update or self.reopen or self.cancel)


@dataclass
class MaterializeCounts:
    """How many stored occurrences a reconciliation created, updated, reopened, cancelled
    or left alone; printed after an import, a seed or an event."""

    created: int = 0
    updated: int = 0
    reopened: int = 0
    cancelled: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.reopened + self.cancelled

    def add(self, other: MaterializeCounts) -> None:
        for name in ("created", "updated", "reopened", "cancelled", "unchanged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def __str__(self) -> str:
        return (
            f"{self.created} mới, {self.updated} cập nhật, {self.reopened} mở lại, "
            f"{self.cancelled} hủy, {self.unchanged} không đổi"
        )


def reconcile(
    existing: Iterable[ExistingOccurrence], fresh: Iterable[OccurrenceSpec]
) -> Reconciliation:
    """Compare stored occurrences with a fresh expansion, by key.

    Completed occurrences are never moved, reopened or cancelled: the work was
    done against the deadline it had. Open ones follow the rules; open ones the
    rules no longer produce are cancelled (kept for the record, not deleted),
    and a cancelled one the rules produce again is reopened.
    """
    stored = {e.key: e for e in existing}
    result = Reconciliation()
    fresh_keys: set[str] = set()
    for spec in fresh:
        fresh_keys.add(spec.key)
        old = stored.get(spec.key)
        if old is None:
            result.create.append(spec)
        elif old.status == "cancelled":
            result.reopen.append(spec)
        elif old.status == "open" and old.spec != spec:
            result.update.append(spec)
    for key, old in stored.items():
        if key not in fresh_keys and old.status == "open":
            result.cancel.append(key)
    return result
