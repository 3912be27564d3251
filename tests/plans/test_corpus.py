"""The timing reader measured on real phrases from other provinces' and sectors' documents
(tests/plans/corpus/README.md): each part must be read right at 95% or more, and no phrase
may be read wrong without a flag for review."""

from __future__ import annotations

import pytest

from tests.plans.corpus.corpus import HOLDOUT, TUNE, Verdict, build, load, verdicts

MIN_RIGHT = 0.95


def _verdicts(part: str) -> tuple[Verdict, ...]:
    """Each part read once per test process (``verdicts`` keeps them): the tests below, and the
    rewrite tests on the tune part, share them."""
    return verdicts(part)


def test_the_corpus_file_is_what_phrases_txt_says() -> None:
    assert load() == build(), (
        "run `uv run python -m tests.plans.corpus.build` after editing phrases.txt"
    )


def test_the_split_is_two_thirds_tune_one_third_holdout() -> None:
    records = load()
    holdout = sum(r["part"] == HOLDOUT for r in records)
    assert 0.25 <= holdout / len(records) <= 0.42


def test_no_tune_phrase_is_read_wrong_without_a_flag() -> None:
    silent = [v for v in _verdicts(TUNE) if v.silently_wrong]
    assert not silent, [(v.record["id"], v.record["phrase"], v.got) for v in silent]


# Round four (README.md): three unseen holdout phrases of the new round are read wrong
# without a flag, by this reader and by the one before the round; round five added one more
# (a new phrase the reader before round five also read wrong; the older holdout's count
# stayed 3). Round six's 61 new holdout phrases brought 3 more that the reader before round
# six reads wrong on first sight; its rules fixed one of them and made none (counted as
# numbers, by round, with both readers), so 6; round seven's rules brought one of round
# six's back under a flag (its 36 new holdout phrases: none), so 5; round eight's 32 new
# holdout phrases brought 3 that the reader before the round reads wrong, and its rules put
# 2 of them under a flag, so 6. Rounds nine to twelve's 147 new holdout phrases brought 3
# that the reader before those rounds also reads wrong (2 of round nine's, 1 of round
# eleven's) and one of round ten's that it read wrong and today's flags; the earlier 6 stay
# (counted as numbers, by round, with the reader before the session and after), so 9.
# Rounds thirteen and fourteen's 71 new holdout phrases brought 3, all round fourteen's: 2
# that the reader before those rounds also reads wrong, and 1 that round fourteen's rule for
# a count whose start is in brackets took from flagged to wrong (the helper had run it by
# mistake, so it was known; no rule was made for it). The earlier 9 stay (counted as numbers,
# by round, with the reader before the session and after), so 12. Rounds fifteen and
# sixteen's 52 new holdout phrases brought none; round fifteen's rule for a count of days
# followed by "từ" and the days listed (`_DAYS_COUNT` with `_STARTS_WITH_DATE`, 88f8b16) took
# one phrase of rounds one to twelve from flagged to wrong (found by counting, per commit, as
# numbers only; no rule was made for it and the rule was kept as written), so 13. Rounds
# seventeen and eighteen's 59 new holdout phrases brought 2, both round eighteen's, which the
# reader before those rounds also reads wrong; the session's rules (the rounds', the sixth
# probing pass's) took 3 of rounds one to twelve's out of the count (counted as numbers, by
# round, with the reader before the session, 684f14f, and after), so 12. Rounds nineteen to
# twenty-four's 186 new holdout phrases brought 7 that the reader before those rounds (6a04f14)
# reads wrong on first sight (3 of round twenty's, 2 of round twenty-two's, 2 of round
# twenty-three's); the session's rules (six rounds, probing passes seven to ten, the allow-listed
# words) left 4 of them (2, 1, 1) and took one of the older rounds' out (rounds one to twelve's 7
# to 6), counted as numbers, by round, with both readers: 11 + 4, so 15. Rounds twenty-five to
# thirty-five's 343 new holdout phrases brought 2 that the reader before those rounds (816bd2a)
# reads wrong on first sight, both round twenty-six's; the session's rules (eleven rounds,
# probing passes eleven to thirteen, the lexicon of words, the speed gate) left 1 of them and
# moved none of the older rounds' 15 (counted as numbers, by round, with both readers), so 16.
# Rounds thirty-six to forty-four's 289 new holdout phrases brought 7 that the reader before
# those rounds (349610d) reads wrong on first sight, on today's labels (one each of rounds
# thirty-six, forty, forty-one, forty-two and forty-four, two of round thirty-nine); the
# session's rules (nine rounds, probing passes fourteen and fifteen, two sweeps, two rewrite
# tests) left 4 of them (two of round thirty-six's, one of forty-one's, one of forty-two's);
# the older rounds' count stayed 16 (rounds thirteen to eighteen's 5 to 4, nineteen to
# twenty-four's 4 to 5: one phrase of each moved, which ones is not looked at), so 20.
# Rounds forty-five to forty-eight's 122 new holdout phrases brought 1 that the reader before
# those rounds (56b6568) reads wrong on first sight; the session's rules (four rounds, probing
# passes sixteen to twenty, a sweep, two insertion tests, two conventions passes) did not move it,
# and took one of rounds one to twelve's out (6 to 5), counted as numbers, by group of rounds,
# with both readers on today's labels: 20 - 1 + 0, so 19.
# The session after round forty-eight added no round; two blind label audits (haudit8, haudit9)
# changed labels of both parts, on which the reader before the session (1dca0a9) reads 15
# wrong without a flag; the session's rules added 1 (hprobe22's frame rule, 1321ae4, found by
# counting per commit, as numbers only; no rule was made for it), so 16.
# The session after that added round forty-nine (43 holdout phrases, none of them read wrong
# without a flag at first sight, by the reader before the session) and its rules moved no count
# (measured per merge, as numbers only): still 16.
# The session of rounds fifty to fifty-four added 201 holdout phrases; the reader before that
# session read one of them (round fifty's) wrong without a flag at first sight, so 17 on its
# labels; hfirst51's rules cleared one of the older ones (measured per merge, as numbers only):
# 16 again, round fifty's among them.
# The session of rounds fifty-five to sixty-six added 392 holdout phrases; the reader before that
# session read four of them wrong without a flag at first sight (three of round fifty-five's, one
# of round sixty-two's), so 20 on its labels; hfirst62's rules cleared round sixty-two's (measured
# per merge, as numbers only): 19, the sixteen older ones and round fifty-five's three.
# Their count, never their words, is reported here, so that no session reads them by accident.
HOLDOUT_SILENT_SEEN = 19


def _holdout_silent() -> int:
    return sum(v.silently_wrong for v in _verdicts(HOLDOUT))


def test_the_holdout_wrong_without_a_flag_do_not_grow() -> None:
    count = _holdout_silent()
    assert count <= HOLDOUT_SILENT_SEEN, f"{count} holdout phrases read wrong without a flag"


@pytest.mark.xfail(
    strict=True,
    reason=(
        "issue 12: 19 holdout phrases of rounds one to sixty-six are read wrong without a flag"
        " (unseen)"
    ),
)
def test_no_holdout_phrase_is_read_wrong_without_a_flag() -> None:
    count = _holdout_silent()
    assert count == 0, f"{count} holdout phrases read wrong without a flag"


def _share_right(part: str) -> float:
    verdicts = _verdicts(part)
    right = sum(v.right for v in verdicts)
    print(f"{part}: {right}/{len(verdicts)} right ({right / len(verdicts):.1%})")
    return right / len(verdicts)


def test_the_tune_part_is_read_right_at_95_percent() -> None:
    assert _share_right(TUNE) >= MIN_RIGHT


@pytest.mark.xfail(
    strict=True,
    reason="issue 12 is not done for the unseen part: holdout 2,178/2,366 (92.1%) right; target 95%",
)
def test_the_holdout_part_is_read_right_at_95_percent() -> None:
    assert _share_right(HOLDOUT) >= MIN_RIGHT
