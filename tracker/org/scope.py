"""Who is asking, and which part of the unit tree they see: a caller's scope.

A scope is always built on purpose: :meth:`Scope.system` for the command line and the
jobs, :meth:`Scope.public` for an anonymous visitor while public reading is on, and
``tracker.org.services.scope_for_person`` for someone signed in. A bare ``Scope()`` is an
anonymous caller who sees nothing and may do nothing, so forgetting to build one fails
closed. What each role may do is in :mod:`tracker.org.policy`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ANONYMOUS", "PERSON_ROLES", "PUBLIC", "SYSTEM", "Scope"]

SYSTEM = "system"
PUBLIC = "public"
ANONYMOUS = "anonymous"
# The roles a person may hold (the seed documents check them); anything else reads as
# "viewer", so a stray value in the database never grants the system's or the public's.
PERSON_ROLES = ("chairman", "officer", "member", "viewer")


@dataclass(frozen=True)
class Scope:
    """The caller: their role, and the subtrees (by path prefix) they see.

    ``paths is None`` is the whole tree (the system, public reading); ``()`` is nothing.
    """

    role: str = ANONYMOUS
    paths: tuple[str, ...] | None = ()
    person_id: int | None = None
    person_name: str = ""
    unit_ids: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def system(cls) -> Scope:
        """The command line and the background jobs: everything, without signing in."""
        return cls(role=SYSTEM, paths=None)

    @classmethod
    def public(cls) -> Scope:
        """An anonymous visitor while public reading is on: reads everything, writes nothing."""
        return cls(role=PUBLIC, paths=None)

    @classmethod
    def anonymous(cls) -> Scope:
        """Nobody signed in, and no public reading: sees nothing."""
        return cls()

    @classmethod
    def of_person(
        cls,
        person_id: int,
        *,
        role: str,
        paths: tuple[str, ...],
        name: str = "",
        unit_ids: frozenset[int] = frozenset(),
    ) -> Scope:
        """A signed-in person's scope: the subtrees of their commune, district or province."""
        return cls(
            role=role if role in PERSON_ROLES else "viewer",
            paths=paths,
            person_id=person_id,
            person_name=name,
            unit_ids=unit_ids,
        )

    @property
    def everything(self) -> bool:
        """Whether the caller sees the whole tree (which is not the same as may change it)."""
        return self.paths is None

    @property
    def signed_in(self) -> bool:
        return self.person_id is not None

    def covers(self, path: str) -> bool:
        return self.paths is None or any(path.startswith(p) for p in self.paths)

    def where(self, path_column: Any) -> Any:
        """A WHERE clause keeping rows whose unit path lies in the scope, or None for all.
        Unit codes hold no LIKE wildcards (checked when units are read)."""
        if self.paths is None:
            return None
        clauses = [path_column.like(f"{p}%") for p in self.paths]
        if not clauses:
            return path_column.is_null() & path_column.is_not_null()  # nothing
        combined = clauses[0]
        for clause in clauses[1:]:
            combined = combined | clause
        return combined
