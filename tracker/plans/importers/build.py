"""From a document's raw tree to a plan (pure): header, issuing unit, units, timings.

Everything the reader found is kept; everything the pipeline is not sure of becomes a
:class:`ReviewItem`: a timing read with a doubt, a unit name not in the tree, a lead
taken from the plan's "Tổ chức thực hiện" section, a task without a timing read as
continuous. Fatal problems (no task at all, no issuing unit) are errors, and then there
is no plan.
"""

from __future__ import annotations

import copy
import difflib
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from tracker.org.directory import Resolution, UnitDirectory, UnitEntry, normalise_name
from tracker.org.documents import UnitDoc
from tracker.plans.documents import KnownPlan, PlanDoc, StoredPlan, TaskDoc, task_keys
from tracker.plans.importers.appendix import attach_appendix_tables
from tracker.plans.importers.base import RawPlan, RawTask, ReviewItem
from tracker.plans.importers.header import Header, read_header
from tracker.plans.importers.prose.sections import partner_named
from tracker.plans.importers.roles import split_roles
from tracker.plans.importers.tables import UNPLACED
from tracker.schedule.rules import Rule, rules_from_dicts
from tracker.schedule.timing import TimingResult, find_timing, looks_like_timing, parse_timing
from tracker.vn import fold

__all__ = [
    "ImportOptions",
    "ImportResult",
    "build_plan",
    "commune_label",
    "confine_units",
    "default_key",
    "slug",
]


@dataclass(frozen=True)
class ImportOptions:
    """What the officer may tell the importer: the issuing unit when the header does not
    say it clearly, the plan's key and year, whether unknown units may be created, and
    whether tasks whose timing nobody can read may be written anyway (without deadlines,
    flagged for review), and, in a workbook holding a plan a sheet, the sheet to import."""

    unit: str | None = None
    key: str | None = None
    year: int | None = None
    create_units: bool = False
    accept_review: bool = False
    sheet: str | None = None


@dataclass
class ImportResult:
    source: str
    plan: PlanDoc | None = None
    review: list[ReviewItem] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    new_units: list[UnitDoc] = field(default_factory=list)
    # Timing cells that gave no deadline at all: a real import refuses them unless
    # the officer accepts to write those tasks without deadlines.
    unreadable: list[ReviewItem] = field(default_factory=list)
    # Why the issuing commune is not known (the plan is then read with ``unit`` ""): a
    # preview shows the tree, a real import refuses with this reason.
    unit_problem: str = ""
    # A workbook whose sheets are plans of their own (sheet, number, title, tasks): a
    # preview lists them, an import refuses until one is chosen.
    sheet_plans: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """The JSON summary of the command line and the API."""
        return {
            "source": self.source,
            "plan": self.plan.key if self.plan else None,
            "unit": (self.plan.unit or None) if self.plan else None,
            "tasks": self.plan.task_count if self.plan else 0,
            "depth": self.plan.depth if self.plan else 0,
            "review": [item.to_dict() for item in self.review],
            "unreadable": [item.to_dict() for item in self.unreadable],
            "errors": list(self.errors),
            "new_units": [{"code": u.code, "name": u.name, "kind": u.kind} for u in self.new_units],
            "sheets": [dict(plan) for plan in self.sheet_plans],
        }


def slug(text: str) -> str:
    """An ASCII code segment for a Vietnamese name: "Lê Lợi" → "le-loi"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


@dataclass(frozen=True)
class _Issuer:
    """Who issued the document: the commune's code, or why it is not known, the name the
    head gives and the communes of that name (the national unit list's, when loaded)."""

    code: str | None
    problem: str = ""
    name: str = ""
    candidates: tuple[str, ...] = ()


_COMMUNE_WORDS = re.compile(r"^(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+|UBND\s+)?(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+",
                            re.IGNORECASE)  # fmt: skip


def _communes_named(name: str, directory: UnitDirectory) -> list[UnitEntry]:
    """The communes (and wards) whose name or alias ends with ``name``."""
    wanted = normalise_name(_COMMUNE_WORDS.sub("", name))
    return directory.communes_ending_with(wanted) if wanted else []


def _same_division(name: str, hits: list[UnitEntry]) -> list[UnitEntry]:
    """Of communes sharing a name, those of the division ``name`` says ("PHƯỜNG BA ĐÌNH"
    is not "xã Ba Đình"); all of them when it says none or none is of it."""
    said = _COMMUNE_WORDS.match(name)
    if len(hits) < 2 or said is None:
        return hits
    wanted = normalise_name(f"{said.group(1)} {_COMMUNE_WORDS.sub('', name)}")
    same = [u for u in hits if normalise_name(u.name).endswith(wanted)]
    return same or hits


def _near_communes(name: str, directory: UnitDirectory) -> list[UnitEntry]:
    """Communes whose name is close to ``name`` (a letter off, a diacritic missing)."""
    wanted = normalise_name(_COMMUNE_WORDS.sub("", name))
    labels: dict[str, list[UnitEntry]] = {}
    for unit in directory.administrative_units():
        if unit.kind == "commune":
            short = normalise_name(_COMMUNE_WORDS.sub("", unit.name))
            labels.setdefault(short, []).append(unit)
    close = difflib.get_close_matches(wanted, list(labels), n=5, cutoff=0.8) if wanted else []
    return [unit for label in close for unit in labels[label]]


def commune_label(code: str, directory: UnitDirectory) -> str:
    """ "Xã Đại Sơn, thành phố Hải Phòng (hai-phong.dai-son)": a commune with the units
    above it, to tell communes of one name apart."""
    chain = [directory.get(c) for c in directory.ancestors(code)]
    names = [u.name for u in chain if u is not None]
    return f"{', '.join(names)} ({code})" if names else code


def _issuing_unit(
    header: Header, lines: Sequence[str], directory: UnitDirectory, options: ImportOptions
) -> _Issuer:
    if options.unit:
        if options.unit in directory:
            return _Issuer(options.unit)
        return _Issuer(None, f"Không có đơn vị mã '{options.unit}'.", options.unit)
    names = [n for n in (header.issuer, header.place) if n]
    head = normalise_name(" ".join(lines))
    for name in names:
        hits = _same_division(name, _communes_named(name, directory))
        if len(hits) == 1:
            return _Issuer(hits[0].code)
        if len(hits) > 1:
            # The district or province the head also names ("UBND HUYỆN GIA LỘC") tells
            # communes of one name apart.
            placed = [u for u in hits if _named_above(u.code, head, directory)]
            if len(placed) == 1:
                return _Issuer(placed[0].code)
            ordered = placed + [u for u in hits if u not in placed]
            return _Issuer(
                None,
                f"Có {len(hits)} xã tên '{_shown_name(name)}'; hãy chọn đơn vị ban hành "
                "(tùy chọn --unit).",
                name,
                tuple(u.code for u in ordered),
            )
    shown = " / ".join(names) or "không rõ"
    near = tuple(dict.fromkeys(u.code for n in names for u in _near_communes(n, directory)))
    hint = " (có thể là một trong các xã gần giống tên bên dưới)" if near else ""
    return _Issuer(
        None,
        f"Không xác định được đơn vị ban hành ({shown}){hint}; hãy chọn đơn vị ban hành "
        "(tùy chọn --unit).",
        names[0] if names else "",
        near,
    )


def _shown_name(name: str) -> str:
    """A commune's name as a message shows it: "XÃ BÌNH YÊN" from a letterhead is "Bình Yên"."""
    bare = _COMMUNE_WORDS.sub("", name).strip()
    return bare.title() if bare.isupper() else bare


# "UBND tỉnh", "Ủy ban nhân dân thành phố", "huyện" … before a unit's own name (the
# national list names a province "UBND tỉnh Hưng Yên"; a head may say "TỈNH HƯNG YÊN").
_ABOVE_KINDS = r"(?:tỉnh|thành phố|huyện|quận|thị xã)"
_ABOVE_WORDS = rf"^(?:(?:ủy ban nhân dân|ubnd)\s+)?{_ABOVE_KINDS}\s+"


def _named_above(code: str, head: str, directory: UnitDirectory) -> bool:
    """Whether the head names a district or province above the commune ``code``."""
    for above in directory.ancestors(code)[1:]:
        unit = directory.get(above)
        if unit is None or unit.kind == "commune":
            continue
        short = normalise_name(re.sub(_ABOVE_WORDS, "", unit.name, flags=re.IGNORECASE))
        # Named as a province, city or district ("TỈNH PHÚ THỌ"), not merely the same
        # words: a ward of Hồ Chí Minh City is called "Phú Thọ" too.
        if short and re.search(rf"(?:^|\s){_ABOVE_KINDS}\s+{re.escape(short)}(?:\s|$)", head):
            return True
    return False


# "Thanh toán không dùng tiền mặt (Phòng Kinh tế chủ trì; hoàn thành trong tháng 9)".
_ASIDE_LEAD = re.compile(r"\(\s*([^()]{3,100}?)\s+chủ trì\b[^()]*\)", re.IGNORECASE)


@dataclass
class _Builder:
    raw: RawPlan
    directory: UnitDirectory
    options: ImportOptions
    # None while the issuing commune is unknown: units are then left as the document's
    # names, for a preview of the rest.
    commune: str | None
    year: int
    review: list[ReviewItem] = field(default_factory=list)
    new_units: list[UnitDoc] = field(default_factory=list)
    unreadable: list[ReviewItem] = field(default_factory=list)

    def note(
        self, where: str, name: str, text: str, reason: str, suggestions: tuple[str, ...] = ()
    ) -> None:
        self.review.append(ReviewItem(where, name, text, reason, suggestions))

    def tasks(self, raws: list[RawTask], prefix: str) -> tuple[TaskDoc, ...]:
        segments = task_keys([r.label for r in raws])
        out = []
        for raw, segment in zip(raws, segments, strict=True):
            key = raw.key or (f"{prefix}/{segment}" if prefix else segment)
            out.append(self.task(raw, key))
        return tuple(out)

    def task(self, raw: RawTask, key: str) -> TaskDoc:
        where = f"nhiệm vụ {key}" + (f" ({raw.where})" if raw.where else "")
        children = self.tasks(raw.children, key)
        kind = raw.kind or ("section" if children else "task")
        first_note = len(self.review)
        if raw.lead_codes is None and (roles := split_roles(raw.lead)):
            # One column for both roles: "Công an xã (chủ trì), Văn phòng HĐND và UBND xã".
            raw.lead = roles[0]
            raw.coordinating = "; ".join(t for t in (roles[1], raw.coordinating) if t)
        lead = self.units(raw.lead, raw.lead_codes, where, "chủ trì")
        coordinating = self.units(raw.coordinating, raw.coordinating_codes, where, "phối hợp")
        if kind == "task" and raw.lead_codes is None:
            lead, coordinating = self.from_sentence(raw, where, lead, coordinating)
        if kind == "task" and not lead and self.raw.default_lead and raw.lead_codes is None:
            lead = self.units(self.raw.default_lead, None, where, "chủ trì")
            if lead:
                self.note(where, "chủ trì", self.raw.default_lead,
                          "Văn bản không nêu chủ trì cho nhiệm vụ này; tạm lấy đơn vị được giao tổ chức thực hiện kế hoạch.")  # fmt: skip
        if kind == "task" and not lead and not raw.lead and raw.lead_codes is None:
            self.note(where, "chủ trì", "",
                      "Văn bản không nêu đơn vị chủ trì nhiệm vụ này; hãy chọn đơn vị chủ trì.")  # fmt: skip
        rules = self.rules(raw, kind, where)
        if kind == "section" and raw.timing and raw.schedule is None:
            # "1.1 | Ban hành kế hoạch | 28/02/2026" over "1.1.1 …": a group has no deadline.
            self.note(where, "thời gian", raw.timing,
                      "Mục có việc con nên thời gian của mục không thành hạn (chỉ các việc con "
                      "có hạn); nếu mục cũng cần hạn, hãy thêm một việc con cho nó.")  # fmt: skip
        # The task is stored flagged with every doubt found about it, so the plan page
        # shows what the officer still has to check after the import.
        reasons = [raw.review] + [item.reason for item in self.review[first_note:]]
        review = " ".join(dict.fromkeys(r for r in reasons if r))
        return TaskDoc(
            key=key,
            label=raw.label,
            kind=kind,
            content=raw.content,
            alt_label=raw.alt_label,
            details="\n".join(raw.details),
            lead=lead,
            lead_text=raw.lead,
            coordinating=coordinating,
            coordinating_text=raw.coordinating,
            output=raw.output,
            note=raw.note,
            remark=raw.remark,
            timing=raw.timing,
            rules=rules,
            schedule_note=raw.schedule_note,
            review=review,
            children=children,
        )

    def from_sentence(
        self, raw: RawTask, where: str, lead: tuple[str, ...], coordinating: tuple[str, ...]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """With no lead field, the sentence may name its doer ("Phòng Kinh tế chủ trì …",
        "Căn cứ Kế hoạch này, Thủ trưởng các ngành …", "Giao Công an xã chủ trì …") and
        partners ("phối hợp với …")."""
        if self.commune is None:
            return lead, coordinating
        if not lead and not raw.lead and raw.coordinating:
            named = partner_named(raw.content)
            if named is not None:
                return self.partner_leads(raw, named, where, coordinating)
        # "Căn cứ Kế hoạch này, Thủ trưởng …"; "Giao Công an xã chủ trì, phối hợp với …".
        sentence = re.sub(r"^(?:Căn cứ [^,]*,\s*|Giao\s+(?:cho\s+)?)", "", raw.content)
        subject = self.directory.leading(sentence, self.commune)
        if not subject and (aside := _ASIDE_LEAD.search(raw.content)):
            subject = self.directory.leading(aside.group(1), self.commune)
        partners: list[str] = []
        for part in re.split(r"phối hợp với", raw.content, flags=re.IGNORECASE)[1:]:
            partners.extend(self.directory.leading(part, self.commune))
        if subject and not lead and not raw.lead:
            lead = tuple(subject)
            self.note(where, "chủ trì", raw.content[:80], "Chủ trì lấy từ câu văn; hãy kiểm tra.")
        extra = tuple(c for c in partners if c not in lead and c not in coordinating)
        if extra and not raw.coordinating:
            coordinating = coordinating + extra
            self.note(
                where, "phối hợp", raw.content[:80], "Đơn vị phối hợp lấy từ câu văn; hãy kiểm tra."
            )
        return lead, coordinating

    def partner_leads(
        self, raw: RawTask, after: str, where: str, coordinating: tuple[str, ...]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A unit's duty "Phối hợp với X …": X leads and the unit coordinates. When X is no
        unit of the list, the unit is left leading, flagged."""
        assert self.commune is not None
        named = tuple(
            c for c in self.directory.leading(after, self.commune) if c not in coordinating
        )
        if named:
            return named, coordinating
        self.note(where, "chủ trì", raw.content[:80],
                  f"Câu văn giao '{raw.coordinating}' phối hợp nhưng không nhận ra đơn vị chủ trì; "
                  f"tạm để '{raw.coordinating}' chủ trì, hãy kiểm tra.")  # fmt: skip
        return coordinating, ()

    def units(self, text: str, codes: list[str] | None, where: str, role: str) -> tuple[str, ...]:
        if self.commune is None:
            return ()
        if codes is not None:
            return tuple(codes)
        if not text:
            return ()
        resolution = self.directory.resolve(text, self.commune)
        return resolution.codes + self.unknown(resolution, where, role)

    def unknown(self, resolution: Resolution, where: str, role: str) -> tuple[str, ...]:
        assert self.commune is not None
        created = []
        for name in resolution.unknown:
            if self.options.create_units:
                created.append(self.create(name))
                self.note(
                    where,
                    role,
                    name,
                    f"Đơn vị '{name}' chưa có trong danh sách; đã tạo mới dưới {self.commune}.",
                )
            else:
                hint = (
                    "; gần giống: " + ", ".join(resolution.suggestions[name])
                    if resolution.suggestions.get(name)
                    else ""
                )
                self.note(where, role, name, f"Đơn vị '{name}' không có trong danh sách đơn vị{hint}.",
                          resolution.suggestions.get(name, ()))  # fmt: skip
        return tuple(created)

    def create(self, name: str) -> str:
        assert self.commune is not None
        code = f"{self.commune}.{slug(name)[:60]}"
        if code not in self.directory:
            words = fold(name)
            kind = (
                "group"
                if words.startswith("cac ")
                else "position"
                if words.startswith(("cong chuc", "can bo", "chu tich"))
                else "office"
            )
            doc = UnitDoc(
                code=code,
                name=name,
                kind=kind,
                parent=self.commune,
                position=100 + len(self.new_units),
            )
            self.new_units.append(doc)
            self.directory.add(UnitEntry(code, name, kind, self.commune))
        return code

    def rules(self, raw: RawTask, kind: str, where: str) -> tuple[Rule, ...]:
        if raw.schedule is not None:
            return tuple(rules_from_dicts(raw.schedule, where=where))
        if kind != "task":
            return ()
        if raw.timing:
            result = parse_timing(raw.timing, year=self.year, context=raw.content)
        else:
            result = find_timing(" ".join([raw.content, *raw.details]), year=self.year)
            if not result.rules and (from_note := self.note_timing(raw)) is not None:
                result = from_note
            if not result.rules:
                # What the sentence held that is no deadline ("kỳ số liệu …", an hour with no
                # day) is said: the officer knows why no deadline was read.
                self.note(
                    where,
                    "thời gian",
                    "",
                    "Văn bản không ghi thời gian; tạm coi là việc thường xuyên."
                    + (f" {result.reason}" if result.reason else ""),
                )
                return (Rule(kind="continuous", key="r1"),)
        if result.review or not result.rules:
            self.note(where, "thời gian", raw.timing, result.reason or "Không đọc được thời gian.")
        elif result.caution:
            # Read right, but due before the plan's year: most often last year's plan copied
            # with its dates; the officer says which year holds.
            self.note(where, "thời gian", raw.timing, result.caution)
        if not result.rules:
            self.unreadable.append(self.review[-1])
        return tuple(self.assignee(rule, where) for rule in result.rules)

    def note_timing(self, raw: RawTask) -> TimingResult | None:
        """A note that is the task's timing ("Ghi chú: Trước 15/02/2026", "Hằng quý") where
        nothing else says when: it opens with a timing and reads as one without a doubt.
        It becomes the timing, kept as the note too, with our remark; None otherwise."""
        words = raw.note.split()
        if not words or len(words) > 12 or not looks_like_timing(" ".join(words[:2])):
            return None
        result = parse_timing(raw.note, year=self.year, context=raw.content)
        if not result.rules or result.review or result.caution:
            return None
        raw.timing = raw.note
        raw.remark = f'{raw.remark} Thời gian lấy từ ô ghi chú: "{raw.note}".'.strip()
        return result

    def assignee(self, rule: Rule, where: str) -> Rule:
        if not rule.assignee:
            return rule
        if self.commune is None:
            return replace(rule, assignee="")
        code = self.directory.find_one(rule.assignee, self.commune)
        if code:
            return replace(rule, assignee=code)
        self.note(
            where,
            "thời gian",
            rule.assignee,
            f"Hạn dành cho '{rule.assignee}' nhưng đơn vị này không có trong danh sách.",
        )
        return replace(rule, assignee="")


def _period_start(header: Header, year: int) -> tuple[date, str]:
    """The plan runs from its day of issue; with the day left blank, from the first of its
    month (said in a note); with no date at all, from 1 January."""
    if header.issued and header.issued.year == year:
        return header.issued, ""
    if header.issued_month and not header.issued:
        start = date(year, header.issued_month, 1)
        return start, (
            "Văn bản để trống ngày ban hành; kỳ kế hoạch tính từ ngày đầu tháng ban hành "
            f"({start:%d/%m/%Y})."
        )
    return date(year, 1, 1), ""


_REF_DATE = re.compile(
    r"ngày\s+(\d{1,2})\s*(?:tháng\s+|[/.-])\s*(\d{1,2})\s*(?:năm\s+|[/.-])\s*(\d{4})"
)
_REF_ISSUER = re.compile(r"\bcủa\s+(.+)$")


def _parent_plan(
    header: Header, directory: UnitDirectory, commune: str, own_key: str, known: Sequence[KnownPlan]
) -> tuple[str, str]:
    """The key of the plan this one implements, and a note when the reference is ambiguous.
    A number alone links nothing ("182/KH-UBND" exists in every commune): the issuer named
    in the reference must be the stored plan's unit or, with no issuer named, its day of
    issue must match."""
    number = header.parent_number
    candidates = [p for p in known if number and p.number == number and p.key != own_key]
    if not candidates:
        return "", ""
    ref = header.parent_ref
    day: date | None = None
    if found := _REF_DATE.search(ref):
        try:
            day = date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
        except ValueError:
            day = None
    if day is not None:
        candidates = [p for p in candidates if p.issued in (None, day)]
    if found := _REF_ISSUER.search(ref):
        # "của Ủy ban nhân dân huyện Chợ Mới tổ chức hoạt động …": the unit it begins with.
        issuers = directory.leading(found.group(1), commune)[:1]
        candidates = [p for p in candidates if p.unit in issuers]
    elif day is None:
        candidates = []
    else:
        candidates = [p for p in candidates if p.issued == day]
    if len(candidates) == 1:
        return candidates[0].key, ""
    if candidates:
        keys = ", ".join(p.key for p in candidates)
        return (
            "",
            f"Có {len(candidates)} kế hoạch số {number} khớp ({keys}); chưa liên kết kế hoạch cấp trên.",
        )
    return "", ""


def default_key(
    commune: str,
    year: int,
    stored: Mapping[str, StoredPlan],
    number: str = "",
    title: str = "",
) -> str:
    """The plan's key when the officer gives none: the commune's own code and the year
    ("dai-son-2026"), or the commune's whole code ("hai-phong-dai-son-2026") where another
    unit's plan holds that key (communes of one name in two provinces). A commune issues
    many plans a year: where one of its other documents already holds the key, this one
    gets its own, with its number or title ("dai-son-2026-21-kh-ubnd"), so that importing a
    second plan never replaces the first; the same document imported again finds its key."""
    short = f"{commune.rsplit('.', 1)[-1]}-{year}"
    held = stored.get(short)
    prefix = (
        short if held is None or held.unit == commune else f"{commune.replace('.', '-')}-{year}"
    )
    own = _document_slug(number, title)
    candidates = itertools.chain(
        (prefix, f"{prefix}-{own}"), (f"{prefix}-{own}-{n}" for n in itertools.count(2))
    )
    for key in candidates:
        held = stored.get(key)
        if held is None or (held.unit == commune and _same_document(held, number, title)):
            return key
    raise AssertionError("unreachable: the stored plans are finite")


def _document_slug(number: str, title: str) -> str:
    """A document's own part of a key: its number where it has one ("21/KH-UBND" →
    "21-kh-ubnd"), else the first words of its title."""
    if re.search(r"\d", number):
        return slug(number)
    return slug(title)[:48].rstrip("-") or "ke-hoach"


def _same_document(held: StoredPlan, number: str, title: str) -> bool:
    """Whether a stored plan came from this document: the same number where both have
    one with digits (a title may be corrected), else the same title."""
    if re.search(r"\d", held.number) and re.search(r"\d", number):
        return slug(held.number) == slug(number)
    return slug(held.title) == slug(title)


def confine_units(plan: PlanDoc, directory: UnitDirectory) -> tuple[PlanDoc, list[ReviewItem]]:
    """The plan with every unit its tasks name kept within the plan's own administrative
    unit or those above it. A unit of another commune is taken off its task, which is
    flagged, and reported for review: a plan never sends its work, its reminders or its
    feeds to another commune's people."""
    items: list[ReviewItem] = []

    def confine(task: TaskDoc) -> TaskDoc:
        where = f"nhiệm vụ {task.key}"
        kept: dict[str, tuple[str, ...]] = {}
        for role, field_name, codes in (
            ("chủ trì", "lead", task.lead),
            ("phối hợp", "coordinating", task.coordinating),
        ):
            kept[field_name] = tuple(c for c in codes if directory.may_name(plan.unit, c))
            for code in codes:
                if code not in kept[field_name]:
                    items.append(ReviewItem(where, role, code, _foreign(code, plan.unit)))
        rules = tuple(
            replace(rule, assignee="")
            if rule.assignee and not directory.may_name(plan.unit, rule.assignee)
            else rule
            for rule in task.rules
        )
        for old, new in zip(task.rules, rules, strict=True):
            if old != new:
                items.append(
                    ReviewItem(where, "giao cho", old.assignee, _foreign(old.assignee, plan.unit))
                )
        changed = kept["lead"] != task.lead or kept["coordinating"] != task.coordinating
        changed = changed or rules != task.rules
        reason = _foreign("", plan.unit) if changed else ""
        review = " ".join(r for r in (task.review, reason) if r)
        return replace(
            task, lead=kept["lead"], coordinating=kept["coordinating"], rules=rules,
            review=review, children=tuple(confine(c) for c in task.children),
        )  # fmt: skip

    return replace(plan, tasks=tuple(confine(t) for t in plan.tasks)), items


def _foreign(code: str, plan_unit: str) -> str:
    unit = f"Đơn vị '{code}'" if code else "Một đơn vị được nêu"
    return (
        f"{unit} không thuộc {plan_unit} hay cấp trên của nó; đã bỏ khỏi nhiệm vụ, "
        "hãy kiểm tra lại đơn vị thực hiện."
    )


def take_unplaced(tasks: list[RawTask]) -> list[ReviewItem]:
    """The rows a reader could make no task of (:data:`.tables.UNPLACED`) taken out of the
    tree, each a review item naming the row and giving its words; rows under one move up
    into its place."""
    items: list[ReviewItem] = []
    index = 0
    while index < len(tasks):
        task = tasks[index]
        if task.kind != UNPLACED:
            items.extend(take_unplaced(task.children))
            index += 1
            continue
        items.append(ReviewItem(task.where, "hàng", task.content, task.remark))
        tasks[index : index + 1] = task.children
    return items


def build_plan(
    raw: RawPlan,
    directory: UnitDirectory,
    options: ImportOptions | None = None,
    *,
    known_plans: Sequence[KnownPlan] = (),
    plan_units: Mapping[str, StoredPlan] | None = None,
) -> ImportResult:
    """The plan a raw document describes, with everything to review. ``known_plans`` are
    the stored plans, to link the one this plan implements; ``plan_units`` every stored
    plan's key and unit, so a default key never names another unit's plan."""
    options = options or ImportOptions()
    raw = copy.deepcopy(raw)
    result = ImportResult(source=raw.source, review=list(raw.review))
    result.sheet_plans = raw.details.pop("sheet_plans", [])
    result.review.extend(take_unplaced(raw.tasks))
    result.review.extend(attach_appendix_tables(raw))
    header = read_header(raw.header_lines)
    issuer = _issuing_unit(header, raw.header_lines, directory, options)
    commune = issuer.code
    year = options.year or header.year or (header.issued.year if header.issued else None)
    if year is None:
        result.errors.append(
            f"{raw.source}: không tìm thấy năm của kế hoạch; hãy chọn năm (tùy chọn --year)."
        )
    if not any(True for _ in raw.walk()):
        result.errors.append(f"{raw.source}: không tìm thấy nhiệm vụ nào trong văn bản.")
    if result.errors or year is None:
        if commune is None:
            result.errors.insert(0, f"{raw.source}: {issuer.problem}")
        return result
    builder = _Builder(raw, directory, options, commune, year)
    tasks = builder.tasks(raw.tasks, "")
    if commune is None:
        # The whole tree is read for the preview; choosing the commune comes first, and a
        # real import refuses until it is chosen (:mod:`tracker.plans.imports`).
        labels = tuple(commune_label(code, directory) for code in issuer.candidates)
        listed = f" Các xã có thể là: {'; '.join(labels)}." if labels else ""
        result.unit_problem = issuer.problem + listed
        result.review.insert(
            0,
            ReviewItem("kế hoạch", "đơn vị ban hành", issuer.name, result.unit_problem,
                       issuer.candidates),
        )  # fmt: skip
    result.review.extend(builder.review)
    result.unreadable = builder.unreadable
    result.new_units = builder.new_units
    period_start, period_note = _period_start(header, year)
    if period_note:
        result.review.append(
            ReviewItem("kế hoạch", "ngày ban hành", header.issued_text, period_note)
        )
    if commune is None:
        key = options.key or f"{slug(_COMMUNE_WORDS.sub('', issuer.name)) or 'ke-hoach'}-{year}"
        parent_plan, parent_note = "", ""
    else:
        key = options.key or default_key(
            commune, year, plan_units or {}, header.number, header.title or raw.source
        )
        parent_plan, parent_note = _parent_plan(header, directory, commune, key, known_plans)
    if parent_note:
        result.review.append(ReviewItem("kế hoạch", "thực hiện", header.parent_ref, parent_note))
    result.plan = PlanDoc(
        key=key,
        title=header.title or raw.source,
        unit=commune or "",
        year=year,
        period_start=period_start,
        period_end=date(year, 12, 31),
        doc_type=header.doc_type,
        number=header.number,
        place=header.place,
        issued=header.issued,
        issued_text=header.issued_text,
        period_note=period_note,
        parent_ref=header.parent_ref,
        parent_plan=parent_plan,
        source={"file": raw.source},
        details=dict(raw.details),
        tasks=tasks,
        where=raw.source,
    )
    return result
