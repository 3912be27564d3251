"""Finding units by the names documents give them (pure).

A plan's cells name units loosely: "Văn phòng HĐND&UBND xã", "CC Tư pháp – hộ tịch",
"Bộ phận một cửa, công chức chuyên môn", "- UBND xã,". :class:`UnitDirectory` matches
such a cell against the units of one commune (or district, province) and those above
it: by exact name or alias, then by a normalised form (case, spacing, dashes, "&",
abbreviations), then by a unique partial name; and splits a cell that names several
units, keeping names that themselves contain commas or "và" whole.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Resolution", "UnitDirectory", "UnitEntry", "normalise_name", "spell_out"]

ADMINISTRATIVE = ("province", "city", "district", "commune")


@dataclass(frozen=True)
class UnitEntry:
    code: str
    name: str
    kind: str
    parent: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """The units a cell names: codes found, and names that matched none (with the nearest
    known names for each)."""

    codes: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    suggestions: dict[str, tuple[str, ...]] = field(default_factory=dict)


_ABBREVIATIONS = [
    (r"\bcc\b", "công chức"),
    (r"\bvp\b", "văn phòng"),
    (r"\btk\b", "thống kê"),
    (r"\btc\b", "tài chính"),
    (r"\bkt\b", "kế toán"),
    (r"\btp\b", "tư pháp"),
    (r"\bht\b", "hộ tịch"),
    (r"\bvh\b", "văn hóa"),
    (r"\bxh\b", "xã hội"),
    (r"\btt\b", "thông tin"),
    (r"\bbpmc\b", "bộ phận một cửa"),
    (r"\bttphcc\b", "trung tâm phục vụ hành chính công"),
    (r"ủy ban nhân dân|uỷ ban nhân dân", "ubnd"),
    (r"hội đồng nhân dân", "hđnd"),
    (r"\b1 cửa\b", "một cửa"),
    (r"tiếp nhận và trả kết quả", "một cửa"),
]
# Unit names as tables shorten them in capitals ("VP HĐND-UBND", "CA xã", "BCH Quân sự",
# "TYT xã"), matched as written (in lower case "ca", "qs" are ordinary words) and never inside a
# longer word. A cell is read again with them spelled out only when it names a unit the tree
# does not know, and that reading is kept only when it finds more (``resolve``).
_CAPITALS = [
    (re.compile(rf"(?<![\w]){short}(?![\w])"), long)
    for short, long in [
        (r"HĐND\s*[-–&/+]\s*UBND", "HĐND và UBND"),
        (r"BCH\s*QS|BCHQS", "Ban Chỉ huy Quân sự"),
        (r"BCH", "Ban Chỉ huy"),
        (r"QS", "Quân sự"),
        (r"VP", "Văn phòng"),
        (r"CA", "Công an"),
        (r"TYT", "Trạm Y tế"),
        (r"UBMTTQ(?:\s*VN)?", "Ủy ban MTTQ Việt Nam"),
        (r"ĐTN|Đoàn\s+TN(?:CS\s*HCM)?", "Đoàn Thanh niên"),
        (r"HLHPN|Hội\s+LHPN|HPN", "Hội Liên hiệp Phụ nữ"),
        (r"HND", "Hội Nông dân"),
        (r"HCCB", "Hội Cựu chiến binh"),
        (r"TTPVHCC", "Trung tâm Phục vụ hành chính công"),
        (r"TTDVSNC", "Trung tâm Dịch vụ sự nghiệp công"),
        (r"Phòng\s+KT", "Phòng Kinh tế"),
        (r"Phòng\s+VHXH", "Phòng Văn hóa - Xã hội"),
    ]
]


def spell_out(cell: str) -> str:
    """The cell with the capitals tables shorten unit names to written in full ("CA xã" →
    "Công an xã"); the cell itself when it holds none."""
    for pattern, long in _CAPITALS:
        cell = pattern.sub(long, cell)
    return cell


# Words that describe a unit's place rather than name it: dropped when comparing.
_FILLER = re.compile(r"\b(?:của|thuộc|cấp|các|xã|huyện|tỉnh|thành phố)\b")


def normalise_name(text: str, *, keep_commas: bool = False) -> str:
    """The comparable form of a unit name: NFC, lower case, "&" as "và", dashes and
    punctuation as spaces, common abbreviations spelled out."""
    text = unicodedata.normalize("NFC", text).lower()
    text = text.replace("&", " và ").replace("uỷ", "ủy")
    for pattern, replacement in _ABBREVIATIONS:
        text = re.sub(pattern, replacement, text)
    text = re.sub(r"[–—\-‐/.;:()\"'“”*]+" if keep_commas else r"[–—\-‐/.,;:()\"'“”*]+", " ", text)
    return " ".join(text.replace(",", " , " if keep_commas else " ").split())


_COMMUNE_WORD = re.compile(r"(?<!thị )\b(?:xã|phường|thị trấn|đặc khu)\b")
_ABOVE_WORD = re.compile(r"\b(?:huyện|quận|thị xã|tỉnh|thành phố)\b")


def _said_level(name: str) -> str | None:
    """The level a unit's name says it is at: "commune" ("… xã", "… phường"), "above"
    ("… huyện", "… tỉnh", "… thành phố"), or None when it says neither or both."""
    text = normalise_name(name)
    if re.search(r"\b(?:các|những|mỗi|từng)\b", text):
        return None  # "UBND các xã, thị trấn": the communes together, a unit above them
    commune, above = bool(_COMMUNE_WORD.search(text)), bool(_ABOVE_WORD.search(text))
    if commune == above:
        return None
    return "commune" if commune else "above"


def _loose(text: str) -> str:
    """Coarser still: place words dropped, diacritics kept (they are data)."""
    return " ".join(_FILLER.sub(" ", normalise_name(text)).split())


class UnitDirectory:
    """The unit tree, for looking names up within one administrative unit and above."""

    def __init__(self, units: Iterable[UnitEntry]) -> None:
        self._units = {u.code: u for u in units}
        self._admin_of = {code: self._admin_root(code) for code in self._units}
        self._commune_suffixes: dict[str, dict[str, UnitEntry]] | None = None

    def codes(self) -> list[str]:
        return list(self._units)

    def add(self, unit: UnitEntry) -> None:
        """A unit created during an import, so later cells find it too."""
        self._units[unit.code] = unit
        self._admin_of[unit.code] = self._admin_root(unit.code)
        self._commune_suffixes = None

    def __contains__(self, code: object) -> bool:
        return code in self._units

    def get(self, code: str) -> UnitEntry | None:
        return self._units.get(code)

    def _admin_root(self, code: str) -> str | None:
        current = self._units.get(code)
        while current is not None and current.kind not in ADMINISTRATIVE:
            current = self._units.get(current.parent) if current.parent else None
        return current.code if current else None

    def ancestors(self, code: str) -> list[str]:
        """``code`` and its ancestors, nearest first."""
        out = []
        current = self._units.get(code)
        while current is not None:
            out.append(current.code)
            current = self._units.get(current.parent) if current.parent else None
        return out

    def may_name(self, plan_unit: str, code: str) -> bool:
        """Whether a plan issued by ``plan_unit`` may give work to ``code``: a unit at or
        below the plan's unit, or of an administrative unit above it (its district's or
        province's offices); never another commune's."""
        if code not in self._units or plan_unit not in self._units:
            return False
        if plan_unit in self.ancestors(code):
            return True
        above = {c for c in self.ancestors(plan_unit) if self._units[c].kind in ADMINISTRATIVE}
        return self._admin_of[code] in above

    def scope(self, admin_code: str) -> list[UnitEntry]:
        """The units a document of ``admin_code`` may name: its own, then those above."""
        chain = [c for c in self.ancestors(admin_code) if self._units[c].kind in ADMINISTRATIVE]
        return [
            u for level in chain for u in self._units.values() if self._admin_of[u.code] == level
        ]

    def administrative_units(self) -> list[UnitEntry]:
        return [u for u in self._units.values() if u.kind in ADMINISTRATIVE]

    def communes_ending_with(self, wanted: str) -> list[UnitEntry]:
        """The communes one of whose names (its name, its aliases), normalised, is
        ``wanted`` (normalised) or ends with it after a space: "le loi" finds "UBND xã Lê
        Lợi" in every province. Indexed once: the country has 3,321 communes."""
        if self._commune_suffixes is None:
            index: dict[str, dict[str, UnitEntry]] = {}
            for unit in self._units.values():
                if unit.kind != "commune":
                    continue
                for label in (unit.name, *unit.aliases):
                    words = normalise_name(label).split()
                    for start in range(len(words)):
                        index.setdefault(" ".join(words[start:]), {})[unit.code] = unit
            self._commune_suffixes = index
        return list(self._commune_suffixes.get(" ".join(wanted.split()), {}).values())

    def find_one(self, name: str, within: str) -> str | None:
        """The one unit ``name`` stands for within ``within``, or None. A name that says
        its level ("Văn phòng UBND xã", "… huyện") is never a unit of another level: the
        place words are dropped only for the looser comparisons."""
        candidates = self._of_level(self.scope(within), name)
        for key in (normalise_name, _loose):
            wanted = key(name)
            if not wanted:
                return None
            hits = {
                u.code for u in candidates for label in (u.name, *u.aliases) if key(label) == wanted
            }
            if len(hits) == 1:
                return hits.pop()
            if hits:
                # The same words at several levels ("Văn phòng"): the nearest level wins.
                for unit in candidates:
                    if unit.code in hits:
                        return unit.code
        return self._partial(name, candidates)

    def _of_level(self, units: list[UnitEntry], name: str) -> list[UnitEntry]:
        said = _said_level(name)
        if said is None:
            return units
        return [u for u in units if self._level(u) in (None, said)]

    def _level(self, unit: UnitEntry) -> str | None:
        admin = self._units.get(self._admin_of.get(unit.code) or "")
        if admin is None:
            return None
        return "commune" if admin.kind == "commune" else "above"

    def _partial(self, name: str, candidates: list[UnitEntry]) -> str | None:
        """ "Kinh tế" for "Phòng Kinh tế": a short name inside exactly one unit's name."""
        wanted = _loose(name)
        if len(wanted) < 4:
            return None
        pattern = re.compile(rf"(?:^|\s){re.escape(wanted)}(?:\s|$)")
        hits = {
            u.code
            for u in candidates
            for label in (u.name, *u.aliases)
            if pattern.search(_loose(label))
        }
        return hits.pop() if len(hits) == 1 else None

    def _prefix(self, part: str, within: str) -> str | None:
        """ "Trung tâm phục vụ hành chính công thực hiện công khai …": a unit's name, then
        what it does. Only when words (not a comma) follow the name."""
        text = normalise_name(part, keep_commas=True)
        best: tuple[int, str] | None = None
        for unit in self.scope(within):
            for label in (unit.name, *unit.aliases):
                name = normalise_name(label)
                follows = text[len(name) + 1 : len(name) + 2]
                fits = len(name) > 6 and text.startswith(name + " ") and follows.isalpha()
                if fits and (best is None or len(name) > best[0]):
                    best = (len(name), unit.code)
        return best[1] if best else None

    def leading(self, text: str, within: str) -> list[str]:
        """The units ``text`` begins with ("Trung tâm Dịch vụ sự nghiệp công, Ban biên tập
        Cổng thông tin điện tử xã thường xuyên …" → both), longest names first."""
        labels = sorted(
            {
                (normalise_name(label), unit.code)
                for unit in self.scope(within)
                for label in (unit.name, *unit.aliases)
                if len(normalise_name(label)) > 6
            },
            key=lambda item: -len(item[0]),
        )
        rest = normalise_name(text)
        found: list[str] = []
        while rest:
            match = next(
                (c for name, c in labels if rest == name or rest.startswith(name + " ")), None
            )
            if match is None:
                break
            name = next(
                name
                for name, c in labels
                if c == match and (rest == name or rest.startswith(name + " "))
            )
            found.append(match)
            rest = re.sub(r"^(?:và|cùng|với)\s+", "", rest[len(name) :].strip())
        return list(dict.fromkeys(found))

    def suggest(self, name: str, within: str, count: int = 3) -> tuple[str, ...]:
        labels: dict[str, str] = {}
        for unit in self.scope(within):
            for label in (unit.name, *unit.aliases):
                labels.setdefault(normalise_name(label), unit.name)
        close = difflib.get_close_matches(
            normalise_name(name), list(labels), n=count * 2, cutoff=0.5
        )
        return tuple(dict.fromkeys(labels[c] for c in close))[:count]

    def resolve(self, cell: str, within: str) -> Resolution:
        """Every unit a cell names, in order; names matching none are reported. A cell that
        names a unit the tree does not know is asked again with its capitals spelled out
        ("CA xã", "VP HĐND-UBND"), kept when that finds more."""
        resolution = self._resolve(cell, within)
        if resolution.unknown and (spelled := spell_out(cell)) != cell:
            again = self._resolve(spelled, within)
            if len(again.unknown) < len(resolution.unknown):
                return again
        return resolution

    def _resolve(self, cell: str, within: str) -> Resolution:
        codes: list[str] = []
        unknown: list[str] = []
        whole = self.find_one(_strip(cell), within)
        for part in [_strip(cell)] if whole else _parts(cell):
            self._resolve_part(part, within, codes, unknown)
        suggestions = {name: self.suggest(name, within) for name in unknown}
        return Resolution(tuple(dict.fromkeys(codes)), tuple(dict.fromkeys(unknown)), suggestions)

    def _resolve_part(self, part: str, within: str, codes: list[str], unknown: list[str]) -> None:
        whole = self.find_one(part, within)
        if whole:
            codes.append(whole)
            return
        _, colon, listing = part.partition(":")
        if colon and listing.strip():
            # "Các cơ quan chuyên môn UBND xã: Kinh tế, Văn hóa - xã hội": the list names them.
            part = listing
        atoms = [a for a in re.split(r",|\bvà\b|\n", part) if a.strip(" -.;")]
        index = 0
        while index < len(atoms):
            found, index = self._longest_run(atoms, index, within)
            if found:
                codes.append(found)
                continue
            described = self._prefix(atoms[index], within)
            if described:
                # "Các phòng chuyên môn UBND xã rà soát, cung cấp …": the rest says what it does.
                codes.append(described)
                return
            name = _strip(atoms[index])
            if name:
                unknown.append(name)
            index += 1

    def _longest_run(self, atoms: list[str], index: int, within: str) -> tuple[str | None, int]:
        """The longest run of atoms from ``index`` that names one unit (a name may itself
        hold a comma or "và"), and the index after it; (None, index) when none does."""
        for end in range(len(atoms), index, -1):
            run = atoms[index:end]
            found = self.find_one(",".join(run), within)
            if not found and len(run) > 1:
                found = self.find_one(" và ".join(run), within)
            if found:
                return found, end
        return None, index


def _strip(text: str) -> str:
    return " ".join(text.split()).strip(" -–.,;:+*")


def _parts(cell: str) -> list[str]:
    """A cell split where it surely names different units: semicolons, new lines, bullets,
    and a parenthesis that names a second unit ("Văn phòng UBND xã (Bộ phận Một cửa xã)")."""
    text = re.sub(r"\((?:nếu có|neu co)\)", " ", cell, flags=re.IGNORECASE)
    text = re.sub(
        r"^\s*(?:theo dõi|thực hiện|chủ trì|phối hợp)\s*:", " ", text, flags=re.IGNORECASE
    )
    text = text.replace("(", ";").replace(")", ";")
    # A bullet starts a line or follows a semicolon; an inline " - " before a capital
    # ("- UBND xã, - Công chức …") is one too, but not the dash in "Văn hóa - xã hội".
    pieces = re.split(r";|\n|\s[-–+•]\s+(?=[A-ZĐÀ-Ỹ])", text)
    return [p for p in (_strip(piece) for piece in pieces) if p]
