"""Who belongs where, for the reminder pass: the people of a unit, the head who answers
for it, a commune's chairman, what each lets through, and the webhooks that reach them.
Loaded once per batch of the pass, for the units its due work names only
(:meth:`PeopleIndex.load` with ``units``), so a pass costs what is due, not the size of
the country; the questions are then answered in memory."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from piccolo.custom_types import Combinable

from tracker import db
from tracker.db import rows_in
from tracker.notify.tables import NotifySetting, Webhook
from tracker.org.tables import GroupMember, Membership, Person, Unit

__all__ = ["PeopleIndex", "PersonInfo", "WebhookInfo"]


@dataclass(frozen=True)
class PersonInfo:
    id: int
    name: str
    email: str
    phone: str
    role: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class WebhookInfo:
    id: int
    url: str
    secret: str
    path: str | None


@dataclass
class PeopleIndex:
    people: dict[int, PersonInfo] = field(default_factory=dict)
    unit_paths: dict[int, str] = field(default_factory=dict)
    unit_names: dict[int, str] = field(default_factory=dict)
    unit_parents: dict[int, int | None] = field(default_factory=dict)
    unit_kinds: dict[int, str] = field(default_factory=dict)
    members: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    heads: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    group_members: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    modes: dict[str, str] = field(default_factory=dict)
    webhooks: list[WebhookInfo] = field(default_factory=list)
    _chairmen: dict[int, frozenset[int]] = field(default_factory=dict, repr=False)

    @classmethod
    async def load(
        cls,
        units: Collection[int] | None = None,
        *,
        communes: Collection[int] = (),
        targets: Collection[str] | None = None,
    ) -> PeopleIndex:
        """Everyone (``units`` None), or only what questions about ``units`` need: those
        units, the units their groups stand for, the units above them (for the nearest
        head), their people with all their memberships, the chairmen of ``communes``, and
        the settings named in ``targets`` ("plan:3", "task:5"; the people's own are added)."""
        index = cls()
        unit_where: Combinable | None = None
        if units is not None:
            wanted = set(units) | set(communes)
            groups = await rows_in(
                lambda: GroupMember.select(GroupMember.group, GroupMember.member),
                GroupMember.group,
                wanted,
            )
            wanted |= {g["member"] for g in groups}
            paths = await rows_in(lambda: Unit.select(Unit.path), Unit.id, wanted)
            codes = {c for p in paths for c in p["path"].strip("/").split("/") if c}
            above = await rows_in(lambda: Unit.select(Unit.id), Unit.code, codes)
            wanted |= {u["id"] for u in above}
            unit_where = Unit.id.is_in(sorted(wanted) or [0])
        else:
            groups = await GroupMember.select(GroupMember.group, GroupMember.member)
        for row in groups:
            index.group_members[row["group"]].add(row["member"])
        query = Unit.select(Unit.id, Unit.name, Unit.path, Unit.parent, Unit.kind)
        for unit in await (query.where(unit_where) if unit_where is not None else query):
            index.unit_paths[unit["id"]] = unit["path"]
            index.unit_names[unit["id"]] = unit["name"]
            index.unit_parents[unit["id"]] = unit["parent"]
            index.unit_kinds[unit["id"]] = unit["kind"]
        columns = (Membership.person, Membership.unit, Membership.is_head)
        if units is None:
            memberships = await Membership.select(*columns, Membership.unit.path.as_alias("path"))
        else:
            # The people of the loaded units, and the chairmen of the communes' branches.
            found = await rows_in(
                lambda: Membership.select(Membership.person), Membership.unit, index.unit_paths
            )
            person_ids = {m["person"] for m in found}
            for start in range(0, len(communes), db.CHUNK):
                branch = [index.unit_paths[c] for c in list(communes)[start : start + db.CHUNK]]
                chairmen = await Membership.select(Membership.person).where(
                    (Membership.person.role == "chairman")
                    & _any_under(Membership.unit.path, branch)
                )
                person_ids |= {c["person"] for c in chairmen}
            memberships = await rows_in(
                lambda: Membership.select(*columns, Membership.unit.path.as_alias("path")),
                Membership.person,
                person_ids,
            )
        active = {
            p["id"]: p
            for p in await rows_in(
                lambda: Person.select(
                    Person.id, Person.name, Person.email, Person.phone, Person.role
                ).where(Person.active == True),  # noqa: E712
                Person.id,
                None if units is None else {m["person"] for m in memberships},
            )
        }
        paths_of: dict[int, list[str]] = defaultdict(list)
        for row in memberships:
            if row["person"] not in active:
                continue
            index.members[row["unit"]].add(row["person"])
            if row["is_head"]:
                index.heads[row["unit"]].add(row["person"])
            paths_of[row["person"]].append(row["path"] or "")
        for person_id, p in active.items():
            index.people[person_id] = PersonInfo(
                person_id, p["name"], p["email"] or "", p["phone"] or "", p["role"],
                tuple(sorted(paths_of.get(person_id, []))),
            )  # fmt: skip
        names = None if targets is None else set(targets) | {f"person:{p}" for p in index.people}
        for row in await rows_in(
            lambda: NotifySetting.select(NotifySetting.target, NotifySetting.mode),
            NotifySetting.target,
            names,
        ):
            index.modes[row["target"]] = row["mode"]
        await index._load_webhooks()
        return index

    @classmethod
    async def of_people(
        cls, person_ids: Collection[int], *, targets: Collection[str] = ()
    ) -> PeopleIndex:
        """Only these people (the active ones), with their units' paths, their own
        settings and those named in ``targets`` ("plan:3", "task:5"), and the webhooks:
        what telling a few named people something needs (an extension's approvers)."""
        index = cls()
        wanted = sorted(set(person_ids))
        if not wanted:
            return index
        memberships = await Membership.select(
            Membership.person, Membership.unit, Membership.unit.path.as_alias("path")
        ).where(Membership.person.is_in(wanted))
        paths_of: dict[int, list[str]] = defaultdict(list)
        for row in memberships:
            paths_of[row["person"]].append(row["path"] or "")
        for p in await Person.select(
            Person.id, Person.name, Person.email, Person.phone, Person.role
        ).where(Person.id.is_in(wanted) & (Person.active == True)):  # noqa: E712
            index.people[p["id"]] = PersonInfo(
                p["id"], p["name"], p["email"] or "", p["phone"] or "", p["role"],
                tuple(sorted(paths_of.get(p["id"], []))),
            )  # fmt: skip
        names = sorted(set(targets) | {f"person:{p}" for p in index.people})
        for row in await NotifySetting.select(NotifySetting.target, NotifySetting.mode).where(
            NotifySetting.target.is_in(names)
        ):
            index.modes[row["target"]] = row["mode"]
        await index._load_webhooks()
        return index

    async def _load_webhooks(self) -> None:
        """Every active webhook, with the path of the unit it listens for."""
        for row in await Webhook.select(
            Webhook.id, Webhook.url, Webhook.secret, Webhook.unit.path.as_alias("path")
        ).where(Webhook.active == True):  # noqa: E712
            self.webhooks.append(WebhookInfo(row["id"], row["url"], row["secret"], row["path"]))

    # ----------------------------------------------------------------- questions

    def _expand(self, unit_id: int) -> list[int]:
        """A group unit stands for its members; any other unit for itself."""
        if self.unit_kinds.get(unit_id) == "group" and self.group_members.get(unit_id):
            return sorted(self.group_members[unit_id])
        return [unit_id]

    def people_of(self, unit_id: int) -> set[int]:
        """The people who work in the unit (or in the units a group stands for); a unit
        with nobody in it answers through the nearest head above it."""
        found: set[int] = set()
        for unit in self._expand(unit_id):
            found |= self.members.get(unit, set()) or self._nearest_head(unit)
        return found

    def heads_of(self, unit_id: int) -> set[int]:
        """Who answers for the unit: its head, else the nearest head above it."""
        found: set[int] = set()
        for unit in self._expand(unit_id):
            found |= self._nearest_head(unit)
        return found

    def _nearest_head(self, unit_id: int) -> set[int]:
        current: int | None = unit_id
        while current is not None:
            if self.heads.get(current):
                return set(self.heads[current])
            current = self.unit_parents.get(current)
        return set()

    def chairmen_of(self, commune_id: int) -> set[int]:
        """The chairmen among the people of the commune's branch of the tree."""
        if commune_id not in self._chairmen:
            path = self.unit_paths.get(commune_id, "")
            self._chairmen[commune_id] = frozenset(
                p.id
                for p in self.people.values()
                if p.role == "chairman" and any(q.startswith(path) for q in p.paths)
            )
        return set(self._chairmen[commune_id])

    def mode(self, kind: str, ident: int) -> str | None:
        return self.modes.get(f"{kind}:{ident}")

    def webhooks_for(self, person_id: int) -> list[WebhookInfo]:
        person = self.people.get(person_id)
        if person is None:
            return []
        return [
            w
            for w in self.webhooks
            if w.path is None or any(p.startswith(w.path) for p in person.paths)
        ]


def _any_under(column: Any, paths: list[str]) -> Combinable:
    clause: Combinable = column.like(f"{paths[0]}%")
    for path in paths[1:]:
        clause = clause | column.like(f"{path}%")
    return clause
