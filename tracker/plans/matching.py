"""Which stored task a re-imported task is: the progress recorded on a task (done marks,
reports, notes, extensions, events) hangs on its row, so a re-import must find the row
again even when the task's key moved.

A key is the task's labels from the root ("II/3/a"), so a caption that now heads a table,
a row inserted above, a renumbered heading or a task moved under another section gives
the same task another key. The rows are matched in rounds, each over what the rounds
before left:

1. the same key and the same text (normalised: case, spaces and punctuation aside);
2. the same text under another key; when a text repeats, the pair with the same parent
   text, then the same lead, then the same label, then the nearest place wins;
3. nearly the same text (a typo fixed, a word added), at least 85 % alike, over texts
   long enough for that to mean something;
4. the same key, when the stored row holds no progress or its text is still more than
   half alike: that is how it was matched before, and nothing recorded is moved by it.

A stored row left unmatched is deleted unless it holds progress; then the store keeps it,
flagged for review, and says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

__all__ = ["Node", "match_tasks", "normalise"]

_NOT_WORD = re.compile(r"[^\w]+")
# Fuzzy round: how alike, and how long a text must be for a likeness to mean anything.
_NEAR = 0.85
_NEAR_MIN_LENGTH = 15
_SAME_KEY_NEAR = 0.5
# Above this many pairs the fuzzy round is skipped (a whole plan rewritten, not revised).
_MAX_FUZZY_PAIRS = 40_000


def normalise(text: str) -> str:
    """Text as compared: NFC, lower case, words only, single spaces."""
    return " ".join(_NOT_WORD.sub(" ", unicodedata.normalize("NFC", text).lower()).split())


@dataclass(frozen=True)
class Node:
    """One task as matched: its key, its place and what it says."""

    id: int  # the stored row's id; 0 for a task of the document
    key: str
    kind: str
    label: str
    text: str  # normalised content
    lead: str  # normalised lead text
    parents: tuple[str, ...]  # normalised texts of its ancestors, root first
    order: float  # its place in the plan, from 0 (first) to 1 (last)


def _score(new: Node, old: Node) -> tuple[int, int, int, int, int, float]:
    return (
        int(new.parents == old.parents),
        int(bool(new.parents) and bool(old.parents) and new.parents[-1] == old.parents[-1]),
        int(new.lead == old.lead),
        int(new.label == old.label),
        int(new.kind == old.kind),
        -abs(new.order - old.order),
    )


def _greedy(
    pairs: Iterable[tuple[tuple[float, ...], Node, Node]],
    out: dict[str, int],
    taken: set[int],
) -> None:
    for _, new, old in sorted(pairs, key=lambda p: p[0], reverse=True):
        if new.key in out or old.id in taken:
            continue
        out[new.key] = old.id
        taken.add(old.id)


def _ratio(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < _NEAR or matcher.quick_ratio() < _NEAR:
        return 0.0
    return matcher.ratio()


def match_tasks(new: Sequence[Node], old: Sequence[Node], with_work: set[int]) -> dict[str, int]:
    """The stored row (by id) each new task (by key) is, for those that have one."""
    out: dict[str, int] = {}
    taken: set[int] = set()

    def left() -> tuple[list[Node], list[Node]]:
        return [n for n in new if n.key not in out], [o for o in old if o.id not in taken]

    # 1. Same key, same text.
    by_key = {o.key: o for o in old}
    for n in new:
        o = by_key.get(n.key)
        if o is not None and o.text == n.text:
            out[n.key] = o.id
            taken.add(o.id)

    # 2. Same text elsewhere.
    fresh, stale = left()
    by_text: dict[str, list[Node]] = {}
    for o in stale:
        if o.text:
            by_text.setdefault(o.text, []).append(o)
    _greedy(
        (((1.0, *_score(n, o)), n, o) for n in fresh if n.text for o in by_text.get(n.text, ())),
        out,
        taken,
    )

    # 3. Nearly the same text.
    fresh, stale = left()
    fresh = [n for n in fresh if len(n.text) >= _NEAR_MIN_LENGTH]
    stale = [o for o in stale if len(o.text) >= _NEAR_MIN_LENGTH]
    if fresh and stale and len(fresh) * len(stale) <= _MAX_FUZZY_PAIRS:
        scored = []
        for n in fresh:
            for o in stale:
                ratio = _ratio(n.text, o.text)
                if ratio >= _NEAR:
                    scored.append(((round(ratio, 2), *_score(n, o)), n, o))
        _greedy(scored, out, taken)

    # 4. Same key, as before, when no recorded progress moves to another task by it.
    fresh, stale = left()
    by_key = {o.key: o for o in stale}
    for n in fresh:
        o = by_key.get(n.key)
        if o is None:
            continue
        if o.id in with_work and (
            SequenceMatcher(None, n.text, o.text, autojunk=False).ratio() <= _SAME_KEY_NEAR
        ):
            continue
        out[n.key] = o.id
        taken.add(o.id)
    return out
