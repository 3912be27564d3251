"""Reading unit trees and people from their YAML form (``seeds/units``, ``seeds/people``).

Pure apart from reading the files: the result is plain dataclasses, checked
whole (unique codes, known parents and members, known kinds and roles) before
anything is written, so a bad file never leaves half an organisation behind.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tracker.errors import SeedError
from tracker.vn import nfc

__all__ = [
    "ROLES",
    "UNIT_KINDS",
    "PersonDoc",
    "UnitDoc",
    "closest",
    "load_yaml",
    "read_people",
    "read_units",
    "text_field",
]

UNIT_KINDS = ("province", "city", "district", "commune", "office", "position", "group", "body")
ADMINISTRATIVE_KINDS = ("province", "city", "district", "commune")
ROLES = ("officer", "member", "chairman", "viewer")
_CODE = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")


@dataclass(frozen=True)
class UnitDoc:
    code: str
    name: str
    kind: str
    parent: str | None
    position: int
    aliases: tuple[str, ...] = ()
    note: str = ""
    members: tuple[str, ...] = ()
    where: str = ""


@dataclass(frozen=True)
class PersonDoc:
    name: str
    email: str
    role: str
    title: str = ""
    phone: str = ""
    units: tuple[str, ...] = ()
    heads: tuple[str, ...] = ()
    where: str = ""


@dataclass
class _Reader:
    path: Path
    units: list[UnitDoc] = field(default_factory=list)


def load_yaml(
    path: Path, *, name: str | None = None, load: Callable[[str], Any] = yaml.safe_load
) -> Any:
    """Parse one YAML file, turning a syntax error into a sentence with its line. ``name``
    stands for the file in messages (an upload's own name, never a path on the server);
    ``load`` parses the text (a bounded loader for uploads)."""
    shown = name or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SeedError(f"{shown}: không đọc được tệp ({exc.strerror}).") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SeedError(
            f"{shown}: tệp YAML không phải mã UTF-8 (byte 0x{data[exc.start]:02x} ở vị trí "
            f"{exc.start + 1}); hãy lưu lại bằng mã UTF-8."
        ) from exc
    try:
        return load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", dòng {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise SeedError(f"{shown}{line}: không đọc được YAML ({problem}).") from exc


def closest(name: str, candidates: Iterable[str]) -> str:
    """A hint naming the nearest candidate ("; có phải 'x'?"), or "" when none is near."""
    matches = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f"; có phải '{matches[0]}'?" if matches else ""


def text_field(entry: Mapping[str, Any], name: str, where: str, *, required: bool = False) -> str:
    """A text field of a YAML mapping, NFC-normalised; numbers are read as their text."""
    value = entry.get(name)
    if value is None or value == "":
        if required:
            raise SeedError(f"{where}: thiếu trường '{name}'.")
        return ""
    if not isinstance(value, (str, int, float)):
        raise SeedError(
            f"{where}: trường '{name}' phải là văn bản, không phải {type(value).__name__}."
        )
    return nfc(str(value))


def _codes(entry: Mapping[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = entry.get(name) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SeedError(f"{where}: trường '{name}' phải là danh sách mã đơn vị.")
    return tuple(v.strip() for v in value)


_UNIT_FIELDS = {"parent", "code", "name", "kind", "aliases", "note", "members", "children"}


def _walk_unit(reader: _Reader, entry: Any, parent: str | None, position: int, where: str) -> None:
    if not isinstance(entry, Mapping):
        raise SeedError(f"{where}: mỗi đơn vị phải có code, name và kind.")
    code = text_field(entry, "code", where, required=True)
    where = f"{reader.path}, đơn vị '{code}'"
    if not _CODE.fullmatch(code):
        raise SeedError(
            f"{where}: mã đơn vị chỉ gồm chữ thường không dấu, chữ số, dấu chấm và gạch nối "
            "(ví dụ 'hai-phong.dai-son')."
        )
    unknown = sorted(set(entry) - _UNIT_FIELDS)
    if unknown:
        raise SeedError(f"{where}: không có trường {', '.join(unknown)}.")
    kind = text_field(entry, "kind", where, required=True)
    if kind not in UNIT_KINDS:
        raise SeedError(
            f"{where}: loại đơn vị '{kind}' không hợp lệ; chỉ nhận {', '.join(UNIT_KINDS)}{closest(kind, UNIT_KINDS)}"
        )
    members = _codes(entry, "members", where)
    if members and kind != "group":
        raise SeedError(f"{where}: chỉ đơn vị loại group mới có members.")
    aliases = tuple(nfc(a) for a in entry.get("aliases") or [] if str(a).strip())
    reader.units.append(
        UnitDoc(
            code=code,
            name=text_field(entry, "name", where, required=True),
            kind=kind,
            parent=parent,
            position=position,
            aliases=aliases,
            note=text_field(entry, "note", where),
            members=members,
            where=where,
        )
    )
    for index, child in enumerate(entry.get("children") or []):
        _walk_unit(reader, child, code, index, f"{where}, đơn vị con {index + 1}")


def read_units(paths: Sequence[Path]) -> list[UnitDoc]:
    """Every unit of every file, parents before children, checked as a whole."""
    units: list[UnitDoc] = []
    for path in paths:
        data = load_yaml(path)
        if not isinstance(data, list):
            raise SeedError(f"{path}: tệp đơn vị phải là một danh sách đơn vị.")
        reader = _Reader(path)
        for index, entry in enumerate(data):
            parent = entry.get("parent") if isinstance(entry, Mapping) else None
            _walk_unit(reader, entry, parent, index, f"{path}, mục {index + 1}")
        units.extend(reader.units)
    ordered = _ordered(_checked(units))
    _check_names_unique(ordered)
    return ordered


def _check_names_unique(units: list[UnitDoc]) -> None:
    """A name or alias must point to one unit only, among the units of an administrative
    unit (commune, district, province) and of its ancestors: that is where a document's
    cell is looked up. Comparison is case-insensitive, after NFC."""
    by_code = {u.code: u for u in units}

    def admin_of(unit: UnitDoc) -> str | None:
        current: UnitDoc | None = unit
        while current is not None and current.kind not in ADMINISTRATIVE_KINDS:
            current = by_code.get(current.parent) if current.parent else None
        return current.code if current else None

    members: dict[str | None, list[UnitDoc]] = {}
    for unit in units:
        members.setdefault(admin_of(unit), []).append(unit)
    for admin in [u for u in units if u.kind in ADMINISTRATIVE_KINDS]:
        seen: dict[str, UnitDoc] = {}
        current: UnitDoc | None = admin
        while current is not None:
            for unit in members.get(current.code, []):
                for label in {unit.name, *unit.aliases}:
                    key = label.casefold()
                    other = seen.setdefault(key, unit)
                    if other.code != unit.code:
                        raise SeedError(
                            f"{unit.where}: tên '{label}' đã dùng cho đơn vị '{other.code}'; "
                            f"một tên chỉ được trỏ tới một đơn vị trong '{admin.code}' và các cấp trên."
                        )
            current = by_code.get(current.parent) if current.parent else None


def _checked(units: list[UnitDoc]) -> list[UnitDoc]:
    by_code: dict[str, UnitDoc] = {}
    for unit in units:
        if unit.code in by_code:
            raise SeedError(f"{unit.where}: mã này đã được dùng ở {by_code[unit.code].where}.")
        by_code[unit.code] = unit
    for unit in units:
        if unit.parent is not None and unit.parent not in by_code:
            raise SeedError(
                f"{unit.where}: đơn vị cha '{unit.parent}' không có trong danh sách đơn vị"
                f"{closest(unit.parent, by_code)}"
            )
        for member in unit.members:
            if member not in by_code:
                raise SeedError(
                    f"{unit.where}: thành viên '{member}' không có trong danh sách đơn vị{closest(member, by_code)}"
                )
    return units


def _ordered(units: list[UnitDoc]) -> list[UnitDoc]:
    """Parents before children, across files, refusing cycles."""
    by_code = {u.code: u for u in units}
    done: set[str] = set()
    out: list[UnitDoc] = []

    def visit(unit: UnitDoc, trail: tuple[str, ...]) -> None:
        if unit.code in done:
            return
        if unit.code in trail:
            raise SeedError(f"{unit.where}: đơn vị là tổ tiên của chính nó ({' → '.join(trail)}).")
        if unit.parent is not None:
            visit(by_code[unit.parent], (*trail, unit.code))
        done.add(unit.code)
        out.append(unit)

    for unit in units:
        visit(unit, ())
    return out


_PERSON_FIELDS = {"name", "title", "email", "phone", "role", "units", "heads"}


def read_people(paths: Sequence[Path], unit_codes: Iterable[str]) -> list[PersonDoc]:
    known = set(unit_codes)
    people: list[PersonDoc] = []
    seen: dict[str, str] = {}
    for path in paths:
        data = load_yaml(path) or []
        if not isinstance(data, list):
            raise SeedError(f"{path}: tệp người dùng phải là một danh sách người.")
        for index, entry in enumerate(data):
            where = f"{path}, người thứ {index + 1}"
            if not isinstance(entry, Mapping):
                raise SeedError(f"{where}: mỗi người phải có name, email và role.")
            unknown = sorted(set(entry) - _PERSON_FIELDS)
            if unknown:
                raise SeedError(f"{where}: không có trường {', '.join(unknown)}.")
            email = text_field(entry, "email", where, required=True).lower()
            where = f"{path}, người dùng '{email}'"
            if "@" not in email:
                raise SeedError(f"{where}: '{email}' không phải địa chỉ e-mail.")
            if email in seen:
                raise SeedError(f"{where}: địa chỉ e-mail này đã dùng trong {seen[email]}.")
            seen[email] = str(path)
            role = text_field(entry, "role", where, required=True)
            if role not in ROLES:
                raise SeedError(
                    f"{where}: vai trò '{role}' không hợp lệ; chỉ nhận {', '.join(ROLES)}."
                )
            units, heads = _codes(entry, "units", where), _codes(entry, "heads", where)
            for code in (*units, *heads):
                if code not in known:
                    raise SeedError(
                        f"{where}: đơn vị '{code}' không có trong danh sách đơn vị{closest(code, known)}"
                    )
            people.append(
                PersonDoc(
                    name=text_field(entry, "name", where, required=True),
                    email=email,
                    role=role,
                    title=text_field(entry, "title", where),
                    phone=text_field(entry, "phone", where),
                    units=units,
                    heads=heads,
                    where=where,
                )
            )
    return people
