"""The national unit list: the 34 provinces and cities and their 3,321 communes, wards and
special zones of the administrative map after 01/7/2025, from the ``vietnam-provinces``
package (``tracker units load-national``).

A commune's code is its province's code and its name in ASCII, as the package spells
them (``hai-phong.xa-an-hung``, ``ha-noi.phuong-hoan-kiem``), except for a commune the
unit tree or the seeds already hold under the same province and name, whose code is kept
(xã Đại Sơn stays ``hai-phong.dai-son``). Units that exist keep their codes and names;
loading again adds nothing. Each commune with no unit under it gets the standard offices
and positions of a commune's people's committee (:data:`STANDARD_UNITS`), under the codes
the seeds give Đại Sơn's (``.vp``, ``.kinh-te`` …), so seeds loaded later update them in
place.

The rows are written in bulk: a batch of communes per transaction, many rows per
statement (:func:`tracker.db.insert_rows`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vietnam_provinces import Province, VietNamDivisionType, Ward

from tracker import db
from tracker.audit import AuditEntry, AuditLog
from tracker.org.documents import read_units
from tracker.org.tables import Unit

__all__ = [
    "STANDARD_UNITS",
    "CommuneTarget",
    "NationalReport",
    "load_national",
    "national_targets",
    "province_codes",
    "seeded_communes",
]

_BATCH = 200  # communes per transaction
ADMINISTRATIVE = ("province", "city", "commune")


@dataclass(frozen=True)
class StandardUnit:
    """A unit every commune's people's committee has: its code below the commune's, its
    name and aliases ({full}: "xã An Hưng"; {division}: "xã", "phường", "đặc khu")."""

    suffix: str
    name: str
    kind: str
    aliases: tuple[str, ...]


STANDARD_UNITS = (
    StandardUnit("chu-tich", "Chủ tịch UBND {full}", "position",
                 ("Chủ tịch UBND {division}", "Chủ tịch Ủy ban nhân dân {division}")),
    StandardUnit("pct", "Phó Chủ tịch UBND {full}", "position",
                 ("Phó Chủ tịch UBND {division}", "PCT UBND {division}",
                  "các PCT UBND {division}")),
    StandardUnit("vp", "Văn phòng HĐND và UBND {full}", "office",
                 ("Văn phòng HĐND và UBND {division}", "Văn phòng HĐND và UBND")),
    StandardUnit("kinh-te", "Phòng Kinh tế {full}", "office", ("Phòng Kinh tế", "Kinh tế")),
    StandardUnit("vh-xh", "Phòng Văn hóa - Xã hội {full}", "office",
                 ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa – Xã hội", "Văn hóa - Xã hội")),
    StandardUnit("ttphvhcc", "Trung tâm Phục vụ hành chính công {full}", "office",
                 ("Trung tâm Phục vụ hành chính công",
                  "Trung tâm Phục vụ hành chính công {division}")),
)  # fmt: skip


@dataclass(frozen=True)
class CommuneTarget:
    """A commune of the map: its code, short name ("An Hưng"), kind of division ("xã",
    "phường", "đặc khu") and the province or city it belongs to."""

    code: str
    name: str
    division: str
    province: str
    province_name: str
    province_kind: str

    @property
    def full_name(self) -> str:
        return f"{self.division} {self.name}"

    @property
    def unit_name(self) -> str:
        return f"UBND {self.full_name}"

    @property
    def plan_key(self) -> str:
        return f"{self.code.replace('.', '-')}-2026"

    @property
    def mail_domain(self) -> str:
        return f"{self.code.split('.')[-1]}.{self.province}.example.vn"

    def aliases(self) -> list[str]:
        d, full = self.division, self.full_name
        return [f"UBND {d}", f"Ủy ban nhân dân {d}", f"Ủy ban nhân dân {full}", f"UBND {self.name}"]


def _slug(codename: str) -> str:
    return codename.replace("_", "-")


def _province(province: Province) -> tuple[str, str, str]:
    """Code, unit name and kind of a province or city of the package."""
    city = province.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG
    short = re.sub(r"^(Thành phố|Tỉnh)\s+", "", province.name)
    name = f"UBND thành phố {short}" if city else f"UBND tỉnh {short}"
    return _slug(province.codename), name, "city" if city else "province"


def _targets_of(province: Province) -> Iterator[CommuneTarget]:
    code, name, kind = _province(province)
    seen: set[str] = set()
    for ward in sorted(Ward.iter_by_province(province.code), key=lambda w: w.code.value):
        division = str(ward.division_type.value)
        short = ward.name
        if short.casefold().startswith(division.casefold()):
            short = short[len(division) :].strip()
        slug = _slug(ward.codename)
        if slug in seen:
            slug = f"{slug}-{ward.code.value}"
        seen.add(slug)
        yield CommuneTarget(f"{code}.{slug}", short, division, code, name, kind)


def _provinces(first: str | None = None) -> list[Province]:
    """The package's provinces in its order, ``first`` (a code) moved to the front."""
    return sorted(Province.iter_all(), key=lambda p: (_slug(p.codename) != first, p.code.value))


def province_codes() -> list[str]:
    return [_slug(p.codename) for p in _provinces()]


def national_targets(
    province: str | None = None, *, first: str | None = None
) -> list[CommuneTarget]:
    """Every commune of the map (of ``province`` alone, given its code), in the
    package's order, the communes of the province ``first`` first."""
    chosen = [p for p in _provinces(first) if province is None or _slug(p.codename) == province]
    if province is not None and not chosen:
        raise ValueError(province)
    return [t for p in chosen for t in _targets_of(p)]


def seeded_communes(seeds_dir: Path) -> dict[tuple[str, str], str]:
    """The communes the seeds define, by (province code, casefolded name): their codes."""
    units = read_units(sorted((seeds_dir / "units").glob("*.yaml")))
    return {(u.code.split(".")[0], u.name.casefold()): u.code for u in units if u.kind == "commune"}


# --------------------------------------------------------------------------- loading


@dataclass
class NationalReport:
    provinces_added: int = 0
    communes_added: int = 0
    communes_kept: int = 0
    offices_given: int = 0  # communes given the standard units
    units_added: int = 0
    # Each target's code in the unit tree (a seed's or an earlier unit's where they differ).
    codes: dict[str, str] = field(default_factory=dict)


async def load_national(
    targets: Sequence[CommuneTarget],
    now: Any,
    *,
    known: Mapping[tuple[str, str], str] | None = None,
    actor: str = "cli",
    on_progress: Callable[[int], None] = lambda n: None,
) -> NationalReport:
    """Add the provinces and communes of ``targets`` the unit tree does not hold, and the
    standard units to each commune that has none under it. ``known``: communes held
    elsewhere (the seeds'), by province code and name, whose code a new one takes.
    The tables it fills are analyzed at the end (:func:`tracker.db.bulk_load`)."""
    async with db.bulk_load(AuditEntry):
        return await _load_national(targets, now, known=known, actor=actor, on_progress=on_progress)


async def _load_national(
    targets: Sequence[CommuneTarget],
    now: Any,
    *,
    known: Mapping[tuple[str, str], str] | None,
    actor: str,
    on_progress: Callable[[int], None],
) -> NationalReport:
    report = NationalReport()
    stored = {
        r["code"]: r
        for r in await Unit.select(Unit.id, Unit.code, Unit.name, Unit.path, Unit.kind).where(
            Unit.kind.is_in(list(ADMINISTRATIVE))
        )
    }
    by_name = dict(known or {})
    by_name.update(
        {
            (c.split(".")[0], r["name"].casefold()): c
            for c, r in stored.items()
            if r["kind"] == "commune"
        }
    )
    for t in targets:
        report.codes[t.code] = (
            t.code
            if t.code in stored
            else by_name.get((t.province, t.unit_name.casefold()), t.code)
        )
    report.provinces_added = await _ensure_provinces(targets, stored, now, actor)
    report.units_added = report.provinces_added
    for start in range(0, len(targets), _BATCH):
        batch = targets[start : start + _BATCH]
        async with db.write_transaction():
            await _load_batch(batch, report, stored, now, actor)
        on_progress(len(batch))
    return report


async def _ensure_provinces(
    targets: Iterable[CommuneTarget], stored: dict[str, dict[str, Any]], now: Any, actor: str
) -> int:
    wanted = {t.province: t for t in targets if t.province not in stored}
    if not wanted:
        return 0
    async with db.write_transaction():
        rows = [
            Unit(code=code, name=t.province_name, kind=t.province_kind, parent=None,
                 path=f"/{code}/", depth=0, position=0, aliases=[], note="")
            for code, t in sorted(wanted.items())
        ]  # fmt: skip
        await db.insert_rows(Unit, rows)
        made = await _read(Unit.code.is_in(list(wanted)))
        stored.update(made)
        audit = AuditLog(actor, now)
        for code in sorted(made):
            audit.add("unit", made[code]["id"], "create", {"code": [None, code]})
        await audit.flush()
    return len(rows)


async def _read(where: Any) -> dict[str, dict[str, Any]]:
    rows = await Unit.select(Unit.id, Unit.code, Unit.name, Unit.path, Unit.kind).where(where)
    return {r["code"]: r for r in rows}


async def _load_batch(
    batch: Sequence[CommuneTarget],
    report: NationalReport,
    stored: dict[str, dict[str, Any]],
    now: Any,
    actor: str,
) -> None:
    """One transaction: the batch's communes not yet there, then the standard units of
    those with nothing under them."""
    codes = {report.codes[t.code]: t for t in batch}
    new = [(code, t) for code, t in codes.items() if code not in stored]
    report.communes_kept += len(codes) - len(new)
    report.communes_added += len(new)
    rows = []
    for position, (code, t) in enumerate(new):
        parent = stored[t.province]
        rows.append(
            Unit(code=code, name=t.unit_name, kind="commune", parent=parent["id"],
                 path=f"{parent['path']}{code}/", depth=1, position=position,
                 aliases=t.aliases(), note="")
        )  # fmt: skip
    await db.insert_rows(Unit, rows)
    made = await _read(Unit.code.is_in([code for code, _ in new])) if new else {}
    stored.update(made)
    ids = {stored[code]["id"]: code for code in codes}
    with_children = {
        r["parent"]
        for r in await Unit.select(Unit.parent).where(Unit.parent.is_in(list(ids))).distinct()
    }
    bare = [(code, codes[code]) for i, code in ids.items() if i not in with_children]
    offices = []
    for code, t in bare:
        commune = stored[code]
        for position, unit in enumerate(STANDARD_UNITS):
            fill = {"full": t.full_name, "division": t.division}
            child = f"{code}.{unit.suffix}"
            offices.append(
                Unit(code=child, name=unit.name.format(**fill), kind=unit.kind,
                     parent=commune["id"], path=f"{commune['path']}{child}/",
                     depth=commune["path"].count("/") - 1, position=position,
                     aliases=[a.format(**fill) for a in unit.aliases], note="")
            )  # fmt: skip
    await db.insert_rows(Unit, offices)
    report.offices_given += len(bare)
    report.units_added += len(rows) + len(offices)
    audit = AuditLog(actor, now)
    for code in sorted(made):
        audit.add("unit", made[code]["id"], "create", {"code": [None, code]})
    for code, _ in bare:
        suffixes = [u.suffix for u in STANDARD_UNITS]
        audit.add("unit", stored[code]["id"], "update", {"standard_units": [None, suffixes]})
    await audit.flush()
