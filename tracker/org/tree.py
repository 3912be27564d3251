"""Changing a commune's unit tree by hand: adding an office, a position, a group or a body
under a unit, renaming one, its aliases (the other names plans give it), a group's
members. Each change is asked of the rules (:data:`MANAGE_UNITS` on the unit) and written
to the audit log.

Codes stay stable: a new unit's code is made once from its commune's code and its name
("hai-phong.dai-son.phong-noi-vu"), made unique with a number when needed, and never
changes when the unit is renamed: plans, feeds and the seeds refer to units by code.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from tracker import db
from tracker.audit import AuditLog
from tracker.errors import NotFoundError, ValidationError
from tracker.org.directory import normalise_name
from tracker.org.documents import ADMINISTRATIVE_KINDS
from tracker.org.people import actor_of
from tracker.org.policy import MANAGE_UNITS, require
from tracker.org.scope import Scope
from tracker.org.tables import GroupMember, Unit
from tracker.vn import nfc, one_line

__all__ = [
    "KIND_NAMES",
    "NEW_KINDS",
    "add_unit",
    "code_slug",
    "edit_unit",
    "group_members",
    "parse_aliases",
    "set_group_members",
]

# What may be added by hand (provinces, districts and communes come from the national list).
NEW_KINDS = ("office", "position", "group", "body")
KIND_NAMES = {
    "province": "tỉnh",
    "city": "thành phố",
    "district": "huyện",
    "commune": "xã, phường",
    "office": "phòng, ban, văn phòng",
    "position": "chức danh",
    "group": "nhóm đơn vị",
    "body": "cơ quan, tổ chức",
}
# A unit may hold others when it is an administrative level, an office or a body; a
# position or a group holds none (a group lists its members instead).
PARENT_KINDS = (*ADMINISTRATIVE_KINDS, "office", "body")
MAX_ALIASES = 30
_SLUG_LENGTH = 40


def code_slug(name: str) -> str:
    """The name as a code's last part: lower case ASCII words joined by "-"
    ("Phòng Nội vụ" → "phong-noi-vu"). Only for making codes, never for matching names."""
    text = unicodedata.normalize("NFD", nfc(name).replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", text)
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > _SLUG_LENGTH:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "don-vi"


def parse_aliases(text: str) -> list[str]:
    """The comma-separated aliases of the form, tidied, each once."""
    aliases = [one_line(nfc(a), 200) for a in text.split(",")]
    kept = list(dict.fromkeys(a for a in aliases if a))
    if len(kept) > MAX_ALIASES:
        raise ValidationError(f"Một đơn vị có tối đa {MAX_ALIASES} tên gọi khác.")
    return kept


def _name(text: str) -> str:
    name = one_line(nfc(text), 500)
    if not name:
        raise ValidationError("Hãy nhập tên đơn vị.")
    return name


async def _unit(code: str, scope: Scope) -> dict[str, Any]:
    """The unit, if the caller may manage it; one outside their commune is answered as
    one that does not exist."""
    unit = await Unit.select().where(Unit.code == code).output(load_json=True).first()
    if unit is None or not scope.covers(unit["path"]):
        raise NotFoundError(f"Không có đơn vị mã '{code}' (hoặc bạn không có quyền xem).")
    require(scope, MANAGE_UNITS, unit["path"], where=unit["name"])
    return dict(unit)


async def _area_code(path: str) -> str:
    """The code of the province, city, district or commune at or above ``path``."""
    codes = [c for c in path.strip("/").split("/") if c]
    rows = await Unit.select(Unit.code, Unit.kind).where(Unit.code.is_in(codes or [""]))
    kinds = {r["code"]: r["kind"] for r in rows}
    for code in reversed(codes):
        if kinds.get(code) in ADMINISTRATIVE_KINDS:
            return code
    return codes[0]


async def _free_code(base: str) -> str:
    taken = {
        r["code"]
        for r in await Unit.select(Unit.code).where(
            (Unit.code == base) | Unit.code.like(f"{base}-%")
        )
    }
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


async def _name_free(name: str, area_path: str, code: str | None) -> None:
    """No two units of one commune answer to one name (as plans are matched: case and
    punctuation aside), nor a new name to another unit's alias: a plan naming it could
    not tell them apart."""
    rows = (
        await Unit.select(Unit.code, Unit.name, Unit.aliases)
        .where(Unit.path.like(f"{area_path}%"))
        .output(load_json=True)
    )
    wanted = normalise_name(name)
    for row in rows:
        if row["code"] == code:
            continue
        if normalise_name(row["name"]) == wanted:
            raise ValidationError(
                f"Đã có đơn vị tên '{row['name']}' (mã {row['code']}); hãy đặt tên khác."
            )
        if any(normalise_name(a) == wanted for a in row["aliases"] or []):
            raise ValidationError(
                f"'{name}' đã là tên gọi khác của '{row['name']}' (mã {row['code']}); "
                "hãy đặt tên khác."
            )


def _area_path(path: str, area: str) -> str:
    return path[: path.index(f"/{area}/") + len(area) + 2]


async def add_unit(
    parent_code: str, name: str, kind: str, aliases: str, scope: Scope, now: dt.datetime
) -> str:
    """Add a unit of ``kind`` under ``parent_code``; its new code."""
    parent = await _unit(parent_code, scope)
    if kind not in NEW_KINDS:
        raise ValidationError(
            f"Loại đơn vị '{one_line(kind, 40)}' không thêm được ở đây; chọn một trong: "
            + ", ".join(f"{k} ({KIND_NAMES[k]})" for k in NEW_KINDS) + "."
        )  # fmt: skip
    if parent["kind"] not in PARENT_KINDS:
        raise ValidationError(
            f"'{parent['name']}' là {KIND_NAMES.get(parent['kind'], parent['kind'])}, không có "
            "đơn vị trực thuộc; hãy chọn xã, phòng, ban hoặc cơ quan."
        )
    name, alias_list = _name(name), parse_aliases(aliases)
    async with db.write_transaction():
        area = await _area_code(parent["path"])
        await _name_free(name, _area_path(parent["path"], area), None)
        code = await _free_code(f"{area}.{code_slug(name)}")
        path = f"{parent['path']}{code}/"
        siblings = await Unit.select(Unit.position).where(Unit.parent == parent["id"])
        position = max((r["position"] for r in siblings), default=-1) + 1
        inserted = await Unit.insert(
            Unit(code=code, name=name, kind=kind, parent=parent["id"], path=path,
                 depth=path.count("/") - 2, position=position, aliases=alias_list, note="")
        ).returning(Unit.id)  # fmt: skip
        log = AuditLog(actor_of(scope), now)
        log.add("unit", inserted[0]["id"], "add", {"code": code, "name": name, "kind": kind,
                "parent": parent_code, "aliases": alias_list})  # fmt: skip
        await log.flush()
    return code


async def edit_unit(code: str, name: str, aliases: str, scope: Scope, now: dt.datetime) -> bool:
    """Rename the unit and set its aliases; its code stays. The name a unit had before is
    kept among its aliases, so plans written with the old name still find it. A province,
    district or commune keeps its official name (only its aliases change). Whether
    anything changed."""
    unit = await _unit(code, scope)
    alias_list = parse_aliases(aliases)
    new_name = unit["name"] if unit["kind"] in ADMINISTRATIVE_KINDS else _name(name)
    if unit["kind"] in ADMINISTRATIVE_KINDS and name.strip() and _name(name) != unit["name"]:
        raise ValidationError(
            f"Tên của {KIND_NAMES[unit['kind']]} '{unit['name']}' theo danh mục hành chính, "
            "không đổi ở đây được; chỉ sửa được tên gọi khác."
        )
    if new_name != unit["name"] and unit["name"] not in alias_list:
        alias_list.append(unit["name"])
    async with db.write_transaction():
        if new_name != unit["name"]:
            area = await _area_code(unit["path"])
            await _name_free(new_name, _area_path(unit["path"], area), code)
        change: dict[str, list[Any]] = {}
        if new_name != unit["name"]:
            change["name"] = [unit["name"], new_name]
        if alias_list != list(unit["aliases"] or []):
            change["aliases"] = [list(unit["aliases"] or []), alias_list]
        if not change:
            return False
        await Unit.update({Unit.name: new_name, Unit.aliases: alias_list}).where(
            Unit.id == unit["id"]
        )
        log = AuditLog(actor_of(scope), now)
        log.add("unit", unit["id"], "rename" if "name" in change else "aliases", change)
        await log.flush()
    return True


async def group_members(code: str) -> list[str]:
    """The codes of the units a group stands for."""
    rows = await GroupMember.select(GroupMember.member.code.as_alias("code")).where(
        GroupMember.group.code == code
    )
    return sorted(r["code"] for r in rows)


async def set_group_members(
    code: str, members: Sequence[str], scope: Scope, now: dt.datetime
) -> bool:
    """Make the group stand for exactly ``members`` (units of the caller's commune, not
    groups themselves); whether anything changed."""
    group = await _unit(code, scope)
    if group["kind"] != "group":
        raise ValidationError(f"'{group['name']}' không phải nhóm đơn vị nên không có thành viên.")
    wanted = list(dict.fromkeys(m.strip() for m in members if m.strip()))
    rows = await Unit.select(Unit.id, Unit.code, Unit.kind, Unit.path).where(
        Unit.code.is_in(wanted or [""])
    )
    found = {r["code"]: r for r in rows}
    for member in wanted:
        row = found.get(member)
        if row is None or not scope.covers(row["path"]):
            raise NotFoundError(f"Không có đơn vị mã '{member}' (hoặc bạn không có quyền xem).")
        if row["kind"] == "group":
            raise ValidationError(f"Nhóm không chứa nhóm khác: '{member}' là một nhóm đơn vị.")
    async with db.write_transaction():
        before = await group_members(code)
        if sorted(wanted) == before:
            return False
        await GroupMember.delete().where(GroupMember.group == group["id"])
        for member in wanted:
            await GroupMember.insert(GroupMember(group=group["id"], member=found[member]["id"]))
        log = AuditLog(actor_of(scope), now)
        log.add("unit", group["id"], "members", {"members": [before, sorted(wanted)]})
        await log.flush()
    return True
