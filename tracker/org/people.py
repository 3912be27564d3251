"""The people of a commune, kept by its officer or chairman (or on the command line):
listing them, adding one, changing one, locking and unlocking an account. Every change is
asked of the rules (:data:`MANAGE_PEOPLE` on each unit touched, :func:`require_over_person`
for the roles), and written to the audit log.

A person is "of" the commune when one of their units lies in it; someone outside the
caller's reach is answered as if they did not exist (404), like a unit or a plan.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tracker import db
from tracker.audit import AuditLog
from tracker.errors import ConflictError, NotFoundError, ValidationError
from tracker.org.links import end_links_of
from tracker.org.policy import (
    MANAGE_PEOPLE,
    ROLE_NAMES,
    require,
    require_grant,
    require_over_person,
)
from tracker.org.scope import PERSON_ROLES, Scope
from tracker.org.sessions import end_sessions_of
from tracker.org.tables import Membership, Person, Unit
from tracker.vn import nfc, one_line

__all__ = [
    "PersonForm",
    "PersonRow",
    "actor_of",
    "add_person",
    "change_person",
    "find_person",
    "list_people",
    "person_by_email",
    "set_active",
    "unit_choices",
]

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


def actor_of(scope: Scope) -> str:
    """Who the audit log names: "person:7" for someone signed in, "cli" for the system."""
    return f"person:{scope.person_id}" if scope.person_id is not None else "cli"


@dataclass(frozen=True)
class PersonForm:
    """What the page's form or the command line gives for a person."""

    name: str
    email: str
    role: str = "member"
    title: str = ""
    phone: str = ""
    units: tuple[str, ...] = ()
    heads: tuple[str, ...] = ()

    def cleaned(self) -> PersonForm:
        """The form with its text tidied and checked; a :class:`ValidationError` naming
        the field at fault otherwise."""
        name = one_line(nfc(self.name), 300)
        if not name:
            raise ValidationError("Hãy nhập họ và tên.")
        email = self.email.strip().lower()
        if len(email) > 320 or not _EMAIL.fullmatch(email):
            raise ValidationError(f"Địa chỉ e-mail '{one_line(self.email, 80)}' không hợp lệ.")
        if self.role not in PERSON_ROLES:
            raise ValidationError(
                f"Vai trò '{one_line(self.role, 40)}' không có; chọn một trong: "
                + ", ".join(f"{r} ({ROLE_NAMES[r]})" for r in PERSON_ROLES)
                + "."
            )
        phone = one_line(self.phone, 50)
        if phone and not re.fullmatch(r"[0-9 +().\-]+", phone):
            raise ValidationError(
                f"Số điện thoại '{phone}' chỉ được có chữ số, dấu cách, + ( ) . -."
            )
        heads = tuple(dict.fromkeys(c.strip() for c in self.heads if c.strip()))
        units = tuple(dict.fromkeys([*(c.strip() for c in self.units if c.strip()), *heads]))
        if not units:
            raise ValidationError("Hãy chọn ít nhất một đơn vị cho người này.")
        return PersonForm(
            name=name,
            email=email,
            role=self.role,
            title=one_line(nfc(self.title), 300),
            phone=phone,
            units=units,
            heads=heads,
        )


@dataclass
class PersonRow:
    """One person as the list and the form show them."""

    id: int
    name: str
    title: str
    email: str
    phone: str
    role: str
    active: bool
    has_password: bool
    units: list[dict[str, str]] = field(default_factory=list)  # code, name
    heads: list[dict[str, str]] = field(default_factory=list)

    @property
    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)

    @property
    def unit_codes(self) -> list[str]:
        return [u["code"] for u in self.units]

    @property
    def head_codes(self) -> list[str]:
        return [u["code"] for u in self.heads]


async def unit_choices(scope: Scope) -> list[dict[str, Any]]:
    """The units a person of the caller's commune may be put in, in tree order, with
    their depth below the commune (for indenting)."""
    query = Unit.select(Unit.id, Unit.code, Unit.name, Unit.kind, Unit.parent, Unit.depth)
    clause = scope.where(Unit.path)
    if clause is not None:
        query = query.where(clause)
    rows = await query.order_by(Unit.depth).order_by(Unit.position).order_by(Unit.code)
    children: dict[int | None, list[dict[str, Any]]] = {}
    ids = {r["id"] for r in rows}
    for row in rows:
        parent = row["parent"] if row["parent"] in ids else None
        children.setdefault(parent, []).append(row)
    ordered: list[dict[str, Any]] = []

    def walk(parent: int | None, level: int) -> None:
        for row in children.get(parent, []):
            ordered.append({"code": row["code"], "name": row["name"], "kind": row["kind"],
                            "level": level})  # fmt: skip
            walk(row["id"], level + 1)

    walk(None, 0)
    return ordered


async def _memberships(person_ids: Iterable[int], scope: Scope) -> list[dict[str, Any]]:
    query = Membership.select(
        Membership.person,
        Membership.is_head,
        Membership.unit.code.as_alias("code"),
        Membership.unit.name.as_alias("name"),
        Membership.unit.path.as_alias("path"),
    ).where(Membership.person.is_in(list(person_ids) or [0]))
    return [r for r in await query.order_by(Membership.unit.path) if scope.covers(r["path"])]


def _row(person: dict[str, Any], memberships: Sequence[dict[str, Any]]) -> PersonRow:
    mine = [m for m in memberships if m["person"] == person["id"]]
    return PersonRow(
        id=person["id"],
        name=person["name"],
        title=person["title"],
        email=person["email"],
        phone=person["phone"],
        role=person["role"],
        active=person["active"],
        has_password=bool(person["password_hash"]),
        units=[{"code": m["code"], "name": m["name"]} for m in mine],
        heads=[{"code": m["code"], "name": m["name"]} for m in mine if m["is_head"]],
    )


async def list_people(scope: Scope) -> list[PersonRow]:
    """The people of the caller's commune (everyone, for the system): active ones first,
    then by name; each with the units of theirs that the caller sees."""
    require(scope, MANAGE_PEOPLE)
    query = Person.select()
    if not scope.everything:
        members = Membership.select(Membership.person)
        clause = scope.where(Membership.unit.path)
        ids = {r["person"] for r in await members.where(clause)}
        query = query.where(Person.id.is_in(sorted(ids) or [0]))
    people = await query
    memberships = await _memberships([p["id"] for p in people], scope)
    rows = [_row(p, memberships) for p in people]
    return sorted(rows, key=lambda r: (not r.active, nfc(r.name).casefold(), r.id))


async def find_person(person_id: int, scope: Scope) -> PersonRow:
    """The person, if the caller may manage people and one of the person's units lies in
    the caller's commune; else 403 (the role may not), or the same 404 as for a person who
    does not exist."""
    require(scope, MANAGE_PEOPLE)
    person = await Person.select().where(Person.id == person_id).first()
    memberships = await _memberships([person_id], scope) if person else []
    if person is None or not (scope.everything or memberships):
        raise NotFoundError(f"Không có người dùng số {person_id} (hoặc bạn không có quyền xem).")
    return _row(person, memberships)


async def person_by_email(email: str, scope: Scope) -> PersonRow:
    """:func:`find_person` by e-mail address (the command line's way to name someone)."""
    row = await Person.select(Person.id).where(Person.email == email.strip().lower()).first()
    if row is None:
        raise NotFoundError(f"Không có người dùng nào có địa chỉ e-mail '{email}'.")
    return await find_person(row["id"], scope)


async def _units_for(form: PersonForm, scope: Scope) -> dict[str, dict[str, Any]]:
    """The form's units, each one the caller may put people in; a code outside their
    commune is answered like one that does not exist."""
    rows = await Unit.select(Unit.id, Unit.code, Unit.name, Unit.path).where(
        Unit.code.is_in(list(form.units))
    )
    found = {r["code"]: r for r in rows}
    for code in form.units:
        unit = found.get(code)
        if unit is None or not scope.covers(unit["path"]):
            raise NotFoundError(f"Không có đơn vị mã '{code}' (hoặc bạn không có quyền xem).")
        require(scope, MANAGE_PEOPLE, unit["path"], where=unit["name"])
    return found


async def _email_free(email: str, person_id: int | None) -> None:
    row = await Person.select(Person.id).where(Person.email == email).first()
    if row is not None and row["id"] != person_id:
        raise ConflictError(
            f"Địa chỉ e-mail '{email}' đã có người dùng khác; hãy dùng địa chỉ khác."
        )


def _fields(form: PersonForm) -> dict[str, Any]:
    return {"name": form.name, "title": form.title, "email": form.email,
            "phone": form.phone, "role": form.role}  # fmt: skip


async def add_person(form: PersonForm, scope: Scope, now: dt.datetime) -> int:
    """Add the person with their units (and the ones they head); the new person's id.
    They have no password yet: a sign-in link gives them the way to set one."""
    form = form.cleaned()
    require(scope, MANAGE_PEOPLE)
    require_grant(scope, form.role)
    async with db.write_transaction():
        units = await _units_for(form, scope)
        await _email_free(form.email, None)
        inserted = await Person.insert(
            Person(**_fields(form), active=True, created_at=now)
        ).returning(Person.id)
        person_id = int(inserted[0]["id"])
        for code in form.units:
            await Membership.insert(
                Membership(person=person_id, unit=units[code]["id"], is_head=code in form.heads)
            )
        log = AuditLog(actor_of(scope), now)
        log.add("person", person_id, "add", {**_fields(form), "units": list(form.units),
                                             "heads": list(form.heads)})  # fmt: skip
        await log.flush()
    return person_id


async def change_person(person_id: int, form: PersonForm, scope: Scope, now: dt.datetime) -> None:
    """Change the person's details, role and units. Their units outside the caller's
    commune (a person may belong to two) are kept as they are."""
    form = form.cleaned()
    before = await find_person(person_id, scope)
    require_over_person(scope, role=before.role, person_id=person_id, new_role=form.role)
    async with db.write_transaction():
        units = await _units_for(form, scope)
        await _email_free(form.email, person_id)
        await Person.update(**_fields(form)).where(Person.id == person_id)
        await _replace_memberships(person_id, form, units, scope)
        old = {**_fields(_as_form(before)), "units": before.unit_codes, "heads": before.head_codes}
        new = {**_fields(form), "units": list(form.units), "heads": list(form.heads)}
        change = {k: [old[k], v] for k, v in new.items() if old[k] != v}
        if change:
            log = AuditLog(actor_of(scope), now)
            log.add("person", person_id, "change", change)
            await log.flush()


def _as_form(row: PersonRow) -> PersonForm:
    return PersonForm(name=row.name, email=row.email, role=row.role, title=row.title,
                      phone=row.phone, units=tuple(row.unit_codes), heads=tuple(row.head_codes))  # fmt: skip


async def _replace_memberships(
    person_id: int, form: PersonForm, units: dict[str, dict[str, Any]], scope: Scope
) -> None:
    rows = await Membership.select(
        Membership.id, Membership.is_head, Membership.unit.code.as_alias("code"),
        Membership.unit.path.as_alias("path"),
    ).where(Membership.person == person_id)  # fmt: skip
    have = {r["code"]: r for r in rows if scope.covers(r["path"])}
    for code, row in have.items():
        if code not in units:
            await Membership.delete().where(Membership.id == row["id"])
        elif row["is_head"] != (code in form.heads):
            await Membership.update({Membership.is_head: code in form.heads}).where(
                Membership.id == row["id"]
            )
    for code in form.units:
        if code not in have:
            await Membership.insert(
                Membership(person=person_id, unit=units[code]["id"], is_head=code in form.heads)
            )


async def set_active(person_id: int, active: bool, scope: Scope, now: dt.datetime) -> bool:
    """Lock (``active`` false) or unlock the person's account; whether anything changed.
    Locking ends every session and every unused sign-in link of theirs at once, and their
    feeds answer 404 (:mod:`tracker.notify.feeds`); unlocking brings back none of those
    sessions and links."""
    person = await find_person(person_id, scope)
    require_over_person(scope, role=person.role, person_id=person_id, locks=not active)
    if person.active == active:
        return False
    async with db.write_transaction():
        await Person.update({Person.active: active}).where(Person.id == person_id)
        ended = 0
        if not active:
            ended = await end_sessions_of(person_id, now)
            await end_links_of(person_id, now)
        log = AuditLog(actor_of(scope), now)
        action = "reactivate" if active else "deactivate"
        log.add("person", person_id, action, {"active": [not active, active], "sessions": ended})
        await log.flush()
    return True
