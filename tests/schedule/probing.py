"""What the probing passes share (tests/schedule/test_timing_probe7.py … probe22.py): a cell
with the reading worked out from its words, the verdict of the reader on it, the two
properties every pass holds (none wrong without a flag, most right), and the command line that
prints the misses while a pass is written. A pass declares its families of cells and its
thresholds as a ``Pass`` and binds the standard tests ``Pass.tests`` returns under their names.

A probe is right when the reader does not flag it and reads what is expected (or one of the
readings an officer would equally take), when ``REVIEW`` is expected and it flags or reads
nothing, or, for a probe not ``settled``, when it flags. Silently wrong: wrong and not flagged.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from tests.plans.corpus.corpus import reading
from tracker.schedule.timing import parse_timing

YEAR = 2026
REVIEW: tuple[str, ...] = ("REVIEW",)

# Readings written as the corpus compares them (tests/plans/corpus/corpus.py ``reading``),
# over the probes' year.
QUARTERLY = ("2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31")
HALVES = ("2026-06-30", "2026-12-31")


def day(month: int, dom: int, at: str = "") -> tuple[str, ...]:
    return (date(YEAR, month, dom).isoformat() + (f"@{at}" if at else ""),)


def monthly(dom: int) -> tuple[str, ...]:
    return tuple(date(YEAR, m, dom).isoformat() for m in range(1, 13))


def month_ends() -> tuple[str, ...]:
    return tuple(
        ((date(YEAR, m + 1, 1) if m < 12 else date(YEAR + 1, 1, 1)) - timedelta(days=1)).isoformat()
        for m in range(1, 13)
    )


def weekly(weekday: int) -> tuple[str, ...]:
    """Every ``weekday`` (Monday 0) of the plan's year."""
    first = date(YEAR, 1, 1)
    first += timedelta(days=(weekday - first.weekday()) % 7)
    found = []
    while first.year == YEAR:
        found.append(first.isoformat())
        first += timedelta(days=7)
    return tuple(found)


def rel(kind: str, count: int, working: bool = False) -> tuple[str, ...]:
    return (f"rel:{kind}:{count:+d}{'w' if working else 'c'}",)


@dataclass(frozen=True)
class Probe:
    cell: str
    expect: tuple[str, ...]
    kind: str
    # False where a flag is as right as the reading (an officer might ask).
    settled: bool = True
    # Other readings an officer would take as right (an event as much one kind as another).
    also: tuple[tuple[str, ...], ...] = field(default=())


@dataclass(frozen=True)
class Verdict:
    probe: Probe
    right: bool
    flagged: bool
    got: tuple[str, ...]
    reason: str

    @property
    def silent(self) -> bool:
        return not self.right and not self.flagged


def folded_spaces(cell: str) -> str:
    """A cell on one line with its runs of white space made one (a cell of several lines kept
    as written: its line breaks are what it tests)."""
    return cell if "\n" in cell else " ".join(cell.split())


def distinct(
    families: Iterable[Callable[[], Iterator[Probe]]],
    spaces: Callable[[str], str] = folded_spaces,
) -> list[Probe]:
    """Each cell once (the first family to write it keeps it), its readings sorted."""
    seen: dict[str, Probe] = {}
    for family in families:
        for item in family():
            cell = spaces(item.cell)
            expect = item.expect if item.expect == REVIEW else tuple(sorted(set(item.expect)))
            also = tuple(tuple(sorted(set(a))) for a in item.also)
            seen.setdefault(cell, Probe(cell, expect, item.kind, item.settled, also))
    return list(seen.values())


def judge(item: Probe, ignore: frozenset[str] = frozenset()) -> Verdict:
    """The reader's verdict on one probe; ``ignore``: tokens the pass does not judge (the
    holiday policy a reading carries, "hol:previous")."""
    result = parse_timing(item.cell, year=YEAR)
    got = tuple(t for t in reading(result.rules, YEAR) if t not in ignore)
    flagged = result.review
    if item.expect == REVIEW:
        right = flagged or (not result.rules and not got)
        if not flagged and item.also:
            right = got in item.also
    else:
        accepted = (item.expect, *item.also)
        right = (not flagged and got in accepted) or (flagged and not item.settled)
    return Verdict(item, right, flagged, got, result.reason)


def summary(found: list[Verdict]) -> str:
    right = sum(v.right for v in found)
    silent = sum(v.silent for v in found)
    flagged = len(found) - right - silent
    return f"{len(found)} cells: {right} right, {flagged} flagged, {silent} silently wrong"


def short(items: tuple[str, ...]) -> str:
    return " ".join(items) if len(items) <= 5 else f"{' '.join(items[:3])} … ({len(items)})"


def assert_none_silent(found: list[Verdict], known: frozenset[str] = frozenset()) -> None:
    """No probe read wrong without a flag, but those a pass left so and names (``known``)."""
    silent = [v for v in found if v.silent and v.probe.cell not in known]
    shown = "\n".join(
        f"{v.probe.cell!r}: want {short(v.probe.expect)}, got {short(v.got)}" for v in silent[:20]
    )
    assert not silent, f"{summary(found)}\n{shown}"


def assert_mostly_right(found: list[Verdict], share: float) -> None:
    right = sum(v.right for v in found)
    assert right >= share * len(found), summary(found)


# The passes of task clauses beside a timing (hlex2's sixteenth, hlex3's twentieth): the
# holiday tokens their readings leave aside, and the eight timings a clause is written with.
HOLIDAY_MOVES = frozenset({"hol:previous", "hol:next"})


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# A core of a pass: the timing words, the reading expected, and whether it is settled.
Core = tuple[str, tuple[str, ...], bool]


def alone_and_placed(core: str, index: int, clauses: Sequence[str]) -> list[str]:
    """The core alone, and once more in one of four places turning with ``index``: after a
    task's clause, after it and a colon, after "Thời gian:", as a bullet."""
    clause = clauses[index % len(clauses)]
    low = core[:1].lower() + core[1:]
    other = [f"{clause} {low}", f"{clause}: {low}", f"Thời gian: {low}", f"- {upper_first(core)}"]
    return [upper_first(core), other[index % 4]]


def placed_cores(
    cores: Sequence[Core],
    kind: str,
    also: tuple[tuple[str, ...], ...] = (),
    *,
    clauses: Sequence[str],
) -> Iterator[Probe]:
    """Each core's cells (``alone_and_placed``) as probes of ``kind`` (passes 25 and 27)."""
    for index, (core, expect, settled) in enumerate(cores):
        for cell in alone_and_placed(core, index, clauses):
            yield Probe(cell, expect, kind, settled=settled, also=also)


def month_end(month: int) -> tuple[str, ...]:
    last = 31 if month in (1, 3, 5, 7, 8, 10, 12) else 30 if month != 2 else 28
    return day(month, last)


def clause_timings(
    clause: str, d: int, m: int
) -> tuple[list[tuple[str, tuple[str, ...]]], list[tuple[str, tuple[str, ...]]]]:
    """The clause with a timing after it (the clause capitalised) and before it (lower-case),
    each with its reading: four of each. ``d`` is a day 2–28, ``m`` a month."""
    a, big = clause, upper_first(clause)
    after = [
        (f"{big} trước ngày {d}/{m}", day(m, d)),
        (f"{big} chậm nhất ngày {d:02d}/{m:02d}/{YEAR}", day(m, d)),
        (f"{big} trong tháng {m}", month_end(m)),
        (f"{big} từ ngày 1/{m} đến ngày {d}/{m}", day(m, d)),
    ]
    before = [
        (f"Trước ngày {d}/{m}, {a}", day(m, d)),
        (f"Chậm nhất ngày {d}/{m}: {a}", day(m, d)),
        (f"Trong tháng {m}/{YEAR}, {a}", month_end(m)),
        (f"Ngày {d} hằng tháng, {a}", monthly(d)),
    ]
    return after, before


def read_cell(text: str, year: int = YEAR) -> tuple[str, bool, str]:
    """The reader's reading of one cell as the first-sight test files compare it: the tokens
    joined by spaces, whether it flags, and its reason."""
    result = parse_timing(text, year=year)
    return " ".join(reading(result.rules, year)), result.review, result.reason


def assert_read(text: str, expect: tuple[str, ...], ignore: frozenset[str] = HOLIDAY_MOVES) -> None:
    """A cell of a rule's own test read as ``expect``, without a flag."""
    verdict = judge(Probe(text, expect, "rule"), ignore)
    assert not verdict.flagged, verdict.reason
    assert verdict.right, verdict.got


def assert_flags(text: str) -> None:
    """A cell of a rule's own test flagged, or read as nothing."""
    verdict = judge(Probe(text, REVIEW, "rule"))
    assert verdict.flagged or not verdict.got, verdict.got


def print_misses(found: list[Verdict], argv: list[str] | None = None) -> None:
    """``python -m tests.schedule.test_timing_probeN [kind …] [--silent]``: the counts, then
    each miss (only the silent ones with ``--silent``; only kinds starting so, if given)."""
    args = sys.argv[1:] if argv is None else argv
    kinds = [a for a in args if not a.startswith("--")]
    found = [v for v in found if not kinds or any(v.probe.kind.startswith(k) for k in kinds)]
    print(summary(found))
    misses = Counter(v.probe.kind for v in found if not v.right)
    silent = Counter(v.probe.kind for v in found if v.silent)
    print("misses by kind:", dict(misses.most_common()))
    print("silent by kind:", dict(silent.most_common()))
    only_silent = "--silent" in args
    for v in found:
        if v.right or (only_silent and v.flagged):
            continue
        tag = "flagged" if v.flagged else "SILENT"
        print(f"[{tag}] {v.probe.kind}: {v.probe.cell!r}")
        print(f"    want {short(v.probe.expect)}\n    got  {short(v.got)} | {v.reason}")


Family = Callable[[], Iterator[Probe]]
Test = Callable[..., None]


class Pass:
    """A probing pass: its families of cells, how the cells are judged, and what its standard
    tests hold. ``share``: the least share of the cells read right; ``ignore``: tokens the pass
    does not judge (``judge``); ``spaces``: how a cell's white space is kept (``distinct``);
    ``known``: the cells read wrong without a flag that the pass left so and names (or a
    function of the verdicts that names them); ``counted``: the cells the share is taken of
    (all of them when None)."""

    def __init__(
        self,
        families: Sequence[Family],
        share: float,
        *,
        ignore: frozenset[str] = frozenset(),
        spaces: Callable[[str], str] = folded_spaces,
        known: frozenset[str] | Callable[[list[Verdict]], frozenset[str]] = frozenset(),
        counted: Callable[[Probe], bool] | None = None,
    ) -> None:
        self.families = tuple(families)
        self.share = share
        self.ignore = ignore
        self.spaces = spaces
        self.known = known
        self.counted = counted
        self._probes: list[Probe] | None = None
        self._verdicts: list[Verdict] | None = None

    def build(self) -> list[Probe]:
        """The cells, built anew."""
        return distinct(self.families, self.spaces)

    def probes(self) -> list[Probe]:
        """The cells, built once."""
        if self._probes is None:
            self._probes = self.build()
        return self._probes

    def verdicts(self) -> list[Verdict]:
        """The reader's verdict on each cell, judged once."""
        if self._verdicts is None:
            self._verdicts = [judge(p, self.ignore) for p in self.probes()]
        return self._verdicts

    def known_in(self, found: list[Verdict]) -> frozenset[str]:
        return self.known if isinstance(self.known, frozenset) else self.known(found)

    def tests(self, per_cell: bool = False) -> tuple[Test, Test]:
        """The two standard tests: no cell read wrong without a flag (one test of all the
        verdicts, or with ``per_cell`` one test a cell, its id the cell), and most cells
        read right."""

        def test_no_cell_is_read_wrong_without_a_flag() -> None:
            found = self.verdicts()
            assert_none_silent(found, self.known_in(found))

        def test_most_cells_are_read_right() -> None:
            found = self.verdicts()
            if self.counted is not None:
                found = [v for v in found if self.counted(v.probe)]
            assert_mostly_right(found, self.share)

        if not per_cell:
            return test_no_cell_is_read_wrong_without_a_flag, test_most_cells_are_read_right
        probes = self.probes()

        @pytest.mark.parametrize("probe", probes, ids=[p.cell for p in probes])
        def test_each_cell(probe: Probe) -> None:
            verdict = judge(probe, self.ignore)
            assert not verdict.silent, (verdict.got, verdict.reason)

        test_each_cell.__name__ = test_each_cell.__qualname__ = (
            "test_no_cell_is_read_wrong_without_a_flag"
        )
        return test_each_cell, test_most_cells_are_read_right

    def kinds_test(self, least: dict[str, int]) -> Test:
        """A test that the pass holds at least so many cells of each kind (kinds starting so)."""

        def test_the_pass_is_as_wide_as_written() -> None:
            probes = self.probes()
            for kind, count in least.items():
                assert sum(p.kind.startswith(kind) for p in probes) >= count, kind

        return test_the_pass_is_as_wide_as_written

    def size_test(self, least: int, most: int | None = None) -> Test:
        """A test that the pass is made of ``least`` cells or more (and ``most`` or fewer),
        the same cells each time they are built."""

        def test_the_probes_are_distinct_cells() -> None:
            found = self.build()
            assert least <= len(found)
            if most is not None:
                assert len(found) <= most
            assert self.build() == found

        return test_the_probes_are_distinct_cells

    def print_misses(self, set_aside_known: bool = False) -> None:
        """``print_misses`` of the pass's verdicts; with ``set_aside_known``, its known cells
        counted first and left out."""
        found = self.verdicts()
        if set_aside_known:
            named = self.known_in(found)
            print(f"named (known): {sum(v.probe.cell in named for v in found)}")
            found = [v for v in found if v.probe.cell not in named]
        print_misses(found)
