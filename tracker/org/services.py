"""Use cases of the org app: syncing units and people from documents, the unit tree,
and who may see what (a person's unit scope)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from piccolo.columns import Column

from tracker import db
from tracker.errors import NotFoundError
from tracker.org.directory import UnitDirectory, UnitEntry
from tracker.org.documents import ADMINISTRATIVE_KINDS, PersonDoc, UnitDoc
from tracker.org.policy import require
from tracker.org.scope import Scope
from tracker.org.tables import GroupMember, Membership, Person, Unit

__all__ = [
    "Scope",
    "SyncCounts",
    "area_choices",
    "commune_choices",
    "load_directory",
    "require_on_unit",
    "scope_for_person",
    "staff_scopes",
    "subtree_unit_ids",
    "sync_people",
    "sync_units",
    "unit_names",
    "unit_names_by_id",
    "unit_tree",
    "units_by_code",
    "visible_person_units",
    "visible_subtree",
    "visible_unit",
]


@dataclass
class SyncCounts:
    """What a sync did, for the command line and the tests of idempotence."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    # Plans only: tasks found again under another key (their progress follows them), and
    # tasks the document no longer has, kept for the progress recorded on them.
    moved: int = 0
    kept: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.removed

    def __str__(self) -> str:
        return (
            f"{self.created} mới, {self.updated} cập nhật, {self.unchanged} không đổi"
            + (f", {self.removed} gỡ bỏ" if self.removed else "")
            + (f", {self.moved} đổi số thứ tự" if self.moved else "")
            + (
                f", {self.kept} không còn trong văn bản nhưng giữ lại vì đã có kết quả"
                if self.kept
                else ""
            )
        )


def _unit_values(doc: UnitDoc, parent: dict[str, Any] | None) -> dict[str, Any]:
    path = (parent["path"] if parent else "/") + doc.code + "/"
    return {
        "name": doc.name,
        "kind": doc.kind,
        "parent": parent["id"] if parent else None,
        "path": path,
        "depth": path.count("/") - 2,
        "position": doc.position,
        "aliases": list(doc.aliases),
        "note": doc.note,
    }


async def sync_units(docs: Sequence[UnitDoc]) -> SyncCounts:
    """Make the units (and group members) match ``docs``; units not in ``docs`` are kept."""
    counts = SyncCounts()
    async with db.write_transaction():
        existing = {row["code"]: row for row in await Unit.select().output(load_json=True)}
        for doc in docs:  # parents come first
            parent = existing.get(doc.parent) if doc.parent else None
            values = _unit_values(doc, parent)
            row = existing.get(doc.code)
            if row is None:
                await Unit.insert(Unit(code=doc.code, **values)).on_conflict(
                    target=Unit.code, action="DO NOTHING"
                )
                counts.created += 1
            elif any(row[k] != v for k, v in values.items()):
                await Unit.update(**values).where(Unit.code == doc.code)
                counts.updated += 1
            else:
                counts.unchanged += 1
            fresh = await Unit.select().where(Unit.code == doc.code).output(load_json=True).first()
            assert fresh is not None
            existing[doc.code] = fresh
        await _sync_group_members(docs, {code: row["id"] for code, row in existing.items()})
    return counts


async def _sync_group_members(docs: Iterable[UnitDoc], ids: dict[str, int]) -> None:
    for doc in docs:
        if doc.kind != "group":
            continue
        group_id = ids[doc.code]
        wanted = {ids[m] for m in doc.members}
        rows = await GroupMember.select(GroupMember.member).where(GroupMember.group == group_id)
        have = {r["member"] for r in rows}
        if have - wanted:
            await GroupMember.delete().where(
                (GroupMember.group == group_id) & GroupMember.member.is_in(list(have - wanted))
            )
        for member in sorted(wanted - have):
            await GroupMember.insert(GroupMember(group=group_id, member=member)).on_conflict(
                action="DO NOTHING"
            )


async def sync_people(docs: Sequence[PersonDoc], now: dt.datetime) -> SyncCounts:
    """Make the listed people, and their memberships, match ``docs``."""
    counts = SyncCounts()
    async with db.write_transaction():
        ids = await units_by_code()
        existing = {row["email"]: row for row in await Person.select()}
        for doc in docs:
            values: dict[str, Any] = {
                "name": doc.name,
                "title": doc.title,
                "phone": doc.phone,
                "role": doc.role,
            }
            row = existing.get(doc.email)
            if row is None:
                await Person.insert(Person(email=doc.email, created_at=now, **values)).on_conflict(
                    target=Person.email, action="DO NOTHING"
                )
                counts.created += 1
            elif any(row[k] != v for k, v in values.items()):
                await Person.update(**values).where(Person.email == doc.email)
                counts.updated += 1
            else:
                counts.unchanged += 1
            person = await Person.select(Person.id).where(Person.email == doc.email).first()
            assert person is not None
            await _sync_memberships(person["id"], doc, ids)
    return counts


async def _sync_memberships(person_id: int, doc: PersonDoc, ids: dict[str, int]) -> None:
    wanted = {ids[code]: code in doc.heads for code in (*doc.units, *doc.heads)}
    rows = await Membership.select().where(Membership.person == person_id)
    have = {r["unit"]: r for r in rows}
    for unit_id, row in have.items():
        if unit_id not in wanted:
            await Membership.delete().where(Membership.id == row["id"])
        elif row["is_head"] != wanted[unit_id]:
            await Membership.update(is_head=wanted[unit_id]).where(Membership.id == row["id"])
    for unit_id, is_head in wanted.items():
        if unit_id not in have:
            await Membership.insert(
                Membership(person=person_id, unit=unit_id, is_head=is_head)
            ).on_conflict(action="DO NOTHING")


async def unit_names(codes: Iterable[str]) -> dict[str, str]:
    """The names of the units with these codes (codes no unit has are left out)."""
    return await _names(Unit.code, codes)


async def unit_names_by_id(ids: Iterable[int]) -> dict[int, str]:
    """The names of the units with these ids (ids no unit has are left out)."""
    return await _names(Unit.id, ids)


async def _names(column: Column, keys: Iterable[Any]) -> dict[Any, str]:
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    rows = await Unit.select(column.as_alias("key"), Unit.name).where(column.is_in(wanted))
    return {r["key"]: r["name"] for r in rows}


async def units_by_code() -> dict[str, int]:
    return {row["code"]: row["id"] for row in await Unit.select(Unit.code, Unit.id)}


# --------------------------------------------------------------------------- scope


def _administrative_root(path: str, kinds: dict[str, str]) -> str:
    """The path of the nearest province, city, district or commune at or above ``path``."""
    codes = [c for c in path.strip("/").split("/") if c]
    for depth in range(len(codes), 0, -1):
        if kinds.get(codes[depth - 1]) in ADMINISTRATIVE_KINDS:
            return "/" + "/".join(codes[:depth]) + "/"
    return path


async def scope_for_person(person_id: int) -> Scope | None:
    """A person's scope: the whole commune, district or province their units belong to."""
    person = await Person.select().where((Person.id == person_id) & (Person.active == True)).first()  # noqa: E712
    if person is None:
        return None
    rows = await Membership.select(Membership.unit.path, Membership.unit.id).where(
        Membership.person == person_id
    )
    return _scope_of(person, rows, await _kinds_on([r["unit.path"] for r in rows]))


async def staff_scopes(branch: str, roles: Sequence[str]) -> list[Scope]:
    """The scopes of the active people of ``roles`` with a unit in ``branch`` (a unit
    path, its subtree), each as :func:`scope_for_person` gives it, in three queries
    whatever their number: who may act on something of that branch, for a notice."""
    rows = await Membership.select(
        Membership.person, Membership.unit.path, Membership.unit.id
    ).where(
        Membership.unit.path.like(f"{branch}%")
        & Membership.person.role.is_in(list(roles) or [""])
        & (Membership.person.active == True)  # noqa: E712
    )
    ids = sorted({r["person"] for r in rows})
    if not ids:
        return []
    people = await Person.select().where(Person.id.is_in(ids))
    # Every unit of each of them, not only those in the branch: their scope is all of them.
    every = await Membership.select(
        Membership.person, Membership.unit.path, Membership.unit.id
    ).where(Membership.person.is_in(ids))
    kinds = await _kinds_on([r["unit.path"] for r in every])
    by_person: dict[int, list[dict[str, Any]]] = {}
    for row in every:
        by_person.setdefault(row["person"], []).append(row)
    return [_scope_of(p, by_person.get(p["id"], []), kinds) for p in people]


async def _kinds_on(paths: Iterable[str]) -> dict[str, str]:
    """The kind of every unit on these paths, by code."""
    on_paths = {code for path in paths for code in path.strip("/").split("/") if code}
    return {
        r["code"]: r["kind"]
        for r in await Unit.select(Unit.code, Unit.kind).where(
            Unit.code.is_in(sorted(on_paths) or [""])
        )
    }


def _scope_of(
    person: dict[str, Any], rows: Sequence[dict[str, Any]], kinds: dict[str, str]
) -> Scope:
    roots = sorted({_administrative_root(r["unit.path"], kinds) for r in rows})
    # Drop a root already inside another one.
    paths = tuple(p for p in roots if not any(p != q and p.startswith(q) for q in roots))
    return Scope.of_person(
        person["id"],
        role=person["role"],
        paths=paths,
        name=person["name"],
        unit_ids=frozenset(r["unit.id"] for r in rows),
    )


async def subtree_unit_ids(code: str) -> set[int]:
    """The unit, its descendants, and the groups that stand for any of them."""
    unit = await Unit.select(Unit.id, Unit.path).where(Unit.code == code).first()
    if unit is None:
        return set()
    ids = {r["id"] for r in await Unit.select(Unit.id).where(Unit.path.like(f"{unit['path']}%"))}
    groups = await GroupMember.select(GroupMember.group).where(GroupMember.member.is_in(list(ids)))
    return ids | {g["group"] for g in groups}


async def visible_unit(code: str, scope: Scope) -> dict[str, Any]:
    """The unit (``id``, ``code``, ``name``, ``kind``, ``path``) if the scope sees it. A
    code that names no unit and one outside the scope get the same :class:`NotFoundError`,
    so asking tells nobody which codes exist beyond their commune."""
    unit = (
        await Unit.select(Unit.id, Unit.code, Unit.name, Unit.kind, Unit.path)
        .where(Unit.code == code)
        .first()
    )
    if unit is None or not scope.covers(unit["path"]):
        raise NotFoundError(f"Không có đơn vị mã '{code}' (hoặc bạn không có quyền xem).")
    return dict(unit)


async def visible_subtree(code: str, scope: Scope) -> set[int]:
    """:func:`subtree_unit_ids` of a unit the scope sees (:func:`visible_unit`)."""
    await visible_unit(code, scope)
    return await subtree_unit_ids(code)


async def visible_person_units(email: str, scope: Scope) -> set[int]:
    """:func:`person_unit_ids` of the person with ``email``, when the scope sees one of
    their units; else the same :class:`NotFoundError` whether the address is unknown or
    out of sight."""
    person = await Person.select(Person.id).where(Person.email == email).first()
    seen = False
    if person is not None:
        paths = await Membership.select(Membership.unit.path.as_alias("path")).where(
            Membership.person == person["id"]
        )
        seen = scope.everything or any(scope.covers(row["path"]) for row in paths)
    if person is None or not seen:
        raise NotFoundError(
            f"Không có người dùng nào có địa chỉ e-mail '{email}' (hoặc bạn không có quyền xem)."
        )
    return await person_unit_ids(person["id"])


async def person_unit_ids(person_id: int) -> set[int]:
    """The units a person belongs to, and the groups that stand for any of them: whose
    tasks are theirs."""
    ids = {
        r["unit"]
        for r in await Membership.select(Membership.unit).where(Membership.person == person_id)
    }
    if not ids:
        return set()
    groups = await GroupMember.select(GroupMember.group).where(GroupMember.member.is_in(list(ids)))
    return ids | {g["group"] for g in groups}


async def unit_tree(scope: Scope) -> list[dict[str, Any]]:
    """The units the scope covers, as nested dicts (roots are the scope's subtrees)."""
    query = Unit.select().order_by(Unit.depth).order_by(Unit.position).order_by(Unit.code)
    clause = scope.where(Unit.path)
    if clause is not None:
        query = query.where(clause)
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for row in await query.output(load_json=True):
        node = {
            "code": row["code"],
            "name": row["name"],
            "kind": row["kind"],
            "aliases": row["aliases"],
            "children": [],
        }
        nodes[row["id"]] = node
        parent = nodes.get(row["parent"]) if row["parent"] else None
        (parent["children"] if parent else roots).append(node)
    return roots


async def load_directory() -> UnitDirectory:
    """The whole unit tree, for resolving the names documents give units."""
    rows = await Unit.select(
        Unit.code, Unit.name, Unit.kind, Unit.aliases, Unit.parent.code
    ).output(load_json=True)
    return UnitDirectory(
        UnitEntry(r["code"], r["name"], r["kind"], r["parent.code"], tuple(r["aliases"] or ()))
        for r in rows
    )


async def require_on_unit(scope: Scope, action: str, unit_code: str) -> None:
    """:func:`tracker.org.policy.require` for the unit with ``unit_code``, named in the
    refusal. A unit not (yet) known lies in nobody's commune: only the system may."""
    unit = await Unit.select(Unit.path, Unit.name).where(Unit.code == unit_code).first()
    # "" is a path no person's scope covers, and the whole tree covers.
    path, name = (unit["path"], unit["name"]) if unit else ("", unit_code)
    require(scope, action, path, where=name)


async def commune_choices(scope: Scope) -> list[dict[str, str]]:
    """The communes (and wards) a person may import plans for, for the upload form."""
    query = Unit.select(Unit.code, Unit.name).where(Unit.kind == "commune").order_by(Unit.name)
    clause = scope.where(Unit.path)
    if clause is not None:
        query = query.where(clause)
    return [{"code": r["code"], "name": r["name"]} for r in await query]


AREA_KINDS = ("province", "city", "district", "commune")


async def area_choices(scope: Scope) -> list[dict[str, Any]]:
    """The provinces, cities, districts and communes the scope sees, in tree order, for
    choosing whose work a page counts (``code``, ``name``, ``kind``, ``depth``)."""
    query = (
        Unit.select(Unit.code, Unit.name, Unit.kind, Unit.depth, Unit.path)
        .where(Unit.kind.is_in(list(AREA_KINDS)))
        .order_by(Unit.path)
    )
    clause = scope.where(Unit.path)
    if clause is not None:
        query = query.where(clause)
    return [dict(r) for r in await query]
