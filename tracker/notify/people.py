"""Who belongs where, for the reminder pass: the people of a unit, the head who answers
for it, a commune's chairman, what each lets through, and the webhooks that reach them.
Loaded once per pass; the questions are then answered in memory."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

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
    async def load(cls) -> PeopleIndex:
        index = cls()
        for unit in await Unit.select(Unit.id, Unit.name, Unit.path, Unit.parent, Unit.kind):
            index.unit_paths[unit["id"]] = unit["path"]
            index.unit_names[unit["id"]] = unit["name"]
            index.unit_parents[unit["id"]] = unit["parent"]
            index.unit_kinds[unit["id"]] = unit["kind"]
        for row in await GroupMember.select(GroupMember.group, GroupMember.member):
            index.group_members[row["group"]].add(row["member"])
        active = {
            p["id"]: p
            for p in await Person.select(
                Person.id, Person.name, Person.email, Person.phone, Person.role
            ).where(Person.active == True)  # noqa: E712
        }
        paths: dict[int, list[str]] = defaultdict(list)
        for row in await Membership.select(Membership.person, Membership.unit, Membership.is_head):
            if row["person"] not in active:
                continue
            index.members[row["unit"]].add(row["person"])
            if row["is_head"]:
                index.heads[row["unit"]].add(row["person"])
            paths[row["person"]].append(index.unit_paths.get(row["unit"], ""))
        for person_id, p in active.items():
            index.people[person_id] = PersonInfo(
                person_id, p["name"], p["email"] or "", p["phone"] or "", p["role"],
                tuple(sorted(paths.get(person_id, []))),
            )  # fmt: skip
        for row in await NotifySetting.select(NotifySetting.target, NotifySetting.mode):
            index.modes[row["target"]] = row["mode"]
        for row in await Webhook.select(
            Webhook.id, Webhook.url, Webhook.secret, Webhook.unit.path.as_alias("path")
        ).where(Webhook.active == True):  # noqa: E712
            index.webhooks.append(WebhookInfo(row["id"], row["url"], row["secret"], row["path"]))
        return index

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
