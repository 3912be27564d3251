"""The cell reader (``parse_timing``) on words no list of the reader's holds, slipped into cells
it reads right (hsafe): the measure of the allow-list of words that explain themselves.

Ten probing passes found that every new batch of doubt or shift words brought words no
deny-list held. Since hsafe, a run of unread words explains itself only when every word of it
is in a closed lexicon (``tracker/schedule/timing/lexicon.py``) or part of a name after a unit
word; an unknown word flags by default. This batch probes that with 30 words and phrases that
change what a timing says (an approximation, a doubt, a hearsay, a cancellation, a stop, a
loosening, a move, an exemption), most chosen because none of the reader's deny-lists held
them when the batch was written; two ("hủy", "chuyển") are in the lexicon in another sense
("tiêu hủy", "chuyển đổi"), put in to measure that. Each in five places (before the timing, after it, in brackets after it,
after a comma, as a label before a colon) of ten base cells the reader reads right.

Every mutant's expectation is ``R``: an officer must decide (the reader must flag, or read
nothing). Written, and committed, before the reader was run on any mutant; the bases alone
were run first, to keep only bases read right without a flag.

Main's reader was silent on 53 of the 150; hsafe's first allow-list (its first commit) on 25,
at first sight; after the rules this batch led to (see the corpus README, "Allow-listed words
(hsafe)"), on none; on 5 ("chuyển" in every place) once "chuyển" went back into the lexicon
for the tune part's sake. The 0 and the 5 are measured on the batch the rules were made from;
the 25 is the fair number. A second batch of 50 (ten more words), written after those rules and committed before
the reader saw it: main's reader silent on 21, hsafe's on 10 ("sơ bộ", "dự phòng" in every
place; left as known misses until the lexicon was made of words, not syllables, hlex: they
flag now).

The property: every cell is read right or flagged, never silently wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tracker.schedule.timing import parse_timing

YEAR = 2026

# Read right and unflagged by the reader before any mutant was written.
BASES = (
    "Trước 30/6/2026",
    "Hoàn thành trước ngày 15/9/2026",
    "Tháng 10/2026",
    "Ngày 25 hằng tháng",
    "Quý III/2026",
    "Từ 01/7 đến 31/7/2026",
    "Thứ Hai hằng tuần",
    "Trong 15 ngày kể từ ngày nhận được văn bản",
    "Chậm nhất ngày 20/11/2026",
    "Trước 16 giờ ngày 10/12/2026",
)

# Words and phrases that change what the timing says, with what they say.
WORDS = (
    ("đại khái", "roughly"),
    ("áng", "about"),
    ("phỏng đoán", "a guess"),
    ("dự trù", "provisional"),
    ("xê xích", "give or take"),
    ("quanh", "around"),
    ("trên dưới", "more or less"),
    ("ngót", "just under"),
    ("non", "a little short of"),
    ("lối", "around"),
    ("may ra", "perhaps"),
    ("biết đâu", "who knows"),
    ("họa chăng", "perhaps"),
    ("dường như", "it seems"),
    ("nghe đâu", "reportedly"),
    ("e là", "I fear"),
    ("chưa hẳn", "not quite"),
    ("hủy", "cancelled"),
    ("bãi bỏ", "abolished"),
    ("dừng", "stopped"),
    ("bỏ ngỏ", "left open"),
    ("nới", "loosened"),
    ("giãn", "stretched"),
    ("khất", "put off"),
    ("nán", "held over"),
    ("chuyển", "moved"),
    ("miễn", "exempt"),
    ("khỏi", "no need"),
    ("chẳng cần", "not needed"),
    ("uyển chuyển", "flexible"),
)


# A second batch, written after the rules the first led to and committed before the reader saw
# it: the fair measure of what those rules generalise to. Same bases and places.
SECOND_WORDS = (
    ("tương đối", "relatively"),
    ("sơ bộ", "preliminary"),
    ("ngấp nghé", "close to"),
    ("mập mờ", "vague"),
    ("bấp bênh", "unsteady"),
    ("lỡ", "if missed"),
    ("rút ngắn", "shortened"),
    ("đẩy nhanh", "sped up"),
    ("đề xuất", "proposed"),
    ("dự phòng", "a fallback"),
)


# A third batch (hlex), written when the lexicon was made of words, not syllables, and
# committed before the reader saw it: compounds of doubt, provision, draft, estimate, temporary
# and partial whose syllables the lexicon knows elsewhere. The first five were named in the
# brief that asked for the words' lexicon, and are in its list of doubt words; of the other
# seven, "phần lớn" is in that list too and "tạm tính" starts with its "tạm"; five are in no
# list of the reader's: the measure of what the word-level lexicon generalises to.
THIRD_WORDS = (
    ("dự thảo", "a draft"),
    ("tạm", "for now"),
    ("một phần", "partly"),
    ("bước đầu", "at first"),
    ("cơ bản", "basically"),
    ("dự định", "intended"),
    ("sơ lược", "in outline"),
    ("đại thể", "broadly"),
    ("cơ hồ", "almost"),
    ("tạm tính", "reckoned for now"),
    ("phần lớn", "for the most part"),
    ("chủ yếu", "mainly"),
)

# The cost side (hlex): task clauses made of the compounds whose syllables the lexicon now knows
# only inside them ("hồ sơ", "dự kiến", "tham dự" …), beside the same bases; each must read as
# its base reads, without a flag.
CONTROL_CLAUSES = (
    "nộp hồ sơ",
    "dự kiến",
    "UBND xã tham dự",
    "tổ chức hội thảo",
    "tiếp nhận ý kiến",
    "tổ chức sơ kết",
    "tổng hợp kiến nghị",
    "cập nhật phần mềm",
    "báo cáo cơ quan",
    "rà soát hồ sơ",
)


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def _lower(base: str) -> str:
    # "Trước 30/6" after a word is written "trước 30/6"; "Thứ Hai", "Quý III" keep theirs.
    first, _, rest = base.partition(" ")
    if first in ("Thứ", "Quý"):
        return base
    return f"{first.lower()} {rest}" if rest else first.lower()


PLACES = (
    ("before", lambda w, b: f"{_capital(w)} {_lower(b)}"),
    ("after", lambda w, b: f"{b} {w}"),
    ("bracket", lambda w, b: f"{b} ({w})"),
    ("comma", lambda w, b: f"{b}, {w}"),
    ("label", lambda w, b: f"{_capital(w)}: {_lower(b)}"),
)


@dataclass(frozen=True)
class Probe:
    cell: str
    word: str
    place: str


def probes(words: tuple[tuple[str, str], ...] = WORDS) -> list[Probe]:
    found = []
    for i, (word, _meaning) in enumerate(words):
        for j, (place, make) in enumerate(PLACES):
            base = BASES[(i * len(PLACES) + j) % len(BASES)]
            found.append(Probe(make(word, base), word, place))
    return found


@dataclass(frozen=True)
class Verdict:
    probe: Probe
    right: bool
    flagged: bool
    reason: str


def judge(probe: Probe) -> Verdict:
    result = parse_timing(probe.cell, year=YEAR)
    right = result.review or not result.rules
    return Verdict(probe, right, result.review, result.reason)


def verdicts(words: tuple[tuple[str, str], ...] = WORDS) -> list[Verdict]:
    return [judge(p) for p in probes(words)]


def summary(found: list[Verdict]) -> str:
    right = sum(v.right for v in found)
    silent = len(found) - right
    return f"{len(found)} cells: {right} flagged or unread, {silent} silently wrong"


@pytest.fixture(scope="module")
def all_verdicts() -> list[Verdict]:
    return verdicts()


def test_the_probes_are_distinct_cells() -> None:
    found = probes()
    assert len(found) == 150
    assert len({p.cell for p in found}) == 150


def test_the_second_batch_is_distinct_cells() -> None:
    found = probes(SECOND_WORDS)
    assert len(found) == 50
    assert not {p.cell for p in found} & {p.cell for p in probes()}


def test_the_bases_read_without_a_flag() -> None:
    for base in BASES:
        result = parse_timing(base, year=YEAR)
        assert result.rules, base
        assert not result.review, (base, result.reason)


# Read without a flag and left so (see the corpus README, "Allow-listed words (hsafe)"): the
# first batch's "chuyển" (moved; also to forward a paper, a lexicon word as first written):
# taken out of the lexicon after this batch, it was put back when main's larger tune part fell
# below 97.5% without it (one record, "chuyển sang …"). The second batch's "sơ bộ" and "dự
# phòng" were left so until the lexicon was made of words, not syllables (hlex): "sơ" and "dự"
# are known now only inside "hồ sơ", "dự kiến" …, and both are words of doubt.
# The third batch's "Đại thể:" (broadly) as a label: "đại" ("hiện đại hóa", "đại biểu") and
# "thể" ("toàn thể") stand alone in the lexicon and the compound is in no list; left, not
# patched after seeing the batch (main's reader was silent on 25 of the 60, this one on 1).
KNOWN_MISSES: frozenset[str] = frozenset(
    [p.cell for p in probes() if p.word == "chuyển"]
    + [p.cell for p in probes(THIRD_WORDS) if p.word == "đại thể" and p.place == "label"]
)


def test_no_cell_is_read_wrong_without_a_flag(all_verdicts: list[Verdict]) -> None:
    silent = [v for v in all_verdicts if not v.right and v.probe.cell not in KNOWN_MISSES]
    shown = "\n".join(repr(v.probe.cell) for v in silent[:20])
    assert not silent, f"{summary(all_verdicts)}\n{shown}"


def test_the_second_batch_reads_no_cell_wrong_without_a_flag() -> None:
    found = verdicts(SECOND_WORDS)
    silent = [v for v in found if not v.right and v.probe.cell not in KNOWN_MISSES]
    shown = "\n".join(repr(v.probe.cell) for v in silent[:20])
    assert not silent, f"{summary(found)}\n{shown}"


def test_the_third_batch_is_distinct_cells() -> None:
    found = probes(THIRD_WORDS)
    assert len(found) == 60
    earlier = {p.cell for p in probes()} | {p.cell for p in probes(SECOND_WORDS)}
    assert len({p.cell for p in found}) == 60
    assert not {p.cell for p in found} & earlier


def test_the_third_batch_reads_no_cell_wrong_without_a_flag() -> None:
    found = verdicts(THIRD_WORDS)
    silent = [v for v in found if not v.right and v.probe.cell not in KNOWN_MISSES]
    shown = "\n".join(repr(v.probe.cell) for v in silent[:20])
    assert not silent, f"{summary(found)}\n{shown}"


def controls() -> list[tuple[str, str]]:
    """(cell, base) pairs: a task clause after and before each base (``CONTROL_CLAUSES``)."""
    found = []
    for i, clause in enumerate(CONTROL_CLAUSES):
        after = BASES[i % len(BASES)]
        before = BASES[(i + 3) % len(BASES)]
        found.append((f"{after}, {clause}", after))
        found.append((f"{_capital(clause)} {_lower(before)}", before))
    return found


# Flagged by main's reader before hlex as by this one (the folded timing check runs before the
# lexicon: "nghị" is "nghỉ", "hội" a cycle year; "ý", "cập" are in no list): a cost hlex
# neither made nor mended.
FLAGGED_CONTROLS = frozenset(
    [
        "Ngày 25 hằng tháng, tổ chức hội thảo",
        "Tổ chức hội thảo Thứ Hai hằng tuần",
        "Quý III/2026, tiếp nhận ý kiến",
        "Tiếp nhận ý kiến trong 15 ngày kể từ ngày nhận được văn bản",
        "Thứ Hai hằng tuần, tổng hợp kiến nghị",
        "Tổng hợp kiến nghị trước 16 giờ ngày 10/12/2026",
        "Cập nhật phần mềm trước 30/6/2026",
    ]
)


def _misread_controls(flagged: frozenset[str] = frozenset()) -> list[str]:
    misread = []
    for cell, base in controls():
        if cell in flagged:
            continue
        result = parse_timing(cell, year=YEAR)
        if result.review or result.rules != parse_timing(base, year=YEAR).rules:
            misread.append(f"{cell!r}: {result.reason}")
    return misread


def test_task_clauses_of_known_compounds_read_as_their_bases() -> None:
    misread = _misread_controls(FLAGGED_CONTROLS)
    assert not misread, f"{len(misread)}/{len(controls())}\n" + "\n".join(misread)


if __name__ == "__main__":  # uv run python -m tests.schedule.test_timing_safe
    import sys

    batch = {"--second": SECOND_WORDS, "--third": THIRD_WORDS}
    found = verdicts(next((batch[a] for a in sys.argv[1:] if a in batch), WORDS))
    print(summary(found))
    for v in found:
        if not v.right:
            print(f"[SILENT] {v.probe.place}: {v.probe.cell}")
    if "--controls" in sys.argv:
        print("\n".join(_misread_controls()) or "controls: all read as their bases")
