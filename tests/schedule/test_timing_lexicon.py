"""The lexicon of words (hlex): compounds matched whole, syllables known only inside them, words
of doubt made of known syllables, and the one written list of timing words the reader's checks
share. Phrases written for these tests, none from the corpus."""

from __future__ import annotations

from tracker.schedule.timing import lexicon
from tracker.schedule.timing.lexicon import all_known, in_place
from tracker.vn import fold


def test_a_known_compound_explains_its_syllables() -> None:
    assert in_place(["nộp", "hồ", "sơ", "tại", "bộ", "phận", "một", "cửa"]) == [True] * 8
    assert all_known(["UBND", "xã", "tham", "dự"])
    assert all_known(["tổ", "chức", "sơ", "kết"])


def test_a_syllable_known_only_inside_a_compound_is_unknown_alone() -> None:
    assert {"sơ", "dự", "kiến", "thảo", "cơ"} <= lexicon.BOUND_SYLLABLES
    assert in_place(["sơ"]) == [None]
    assert not all_known(["dự", "tính"])
    assert not all_known(["sơ", "lược"])


def test_a_word_of_doubt_made_of_known_syllables_flags() -> None:
    assert in_place(["kết", "quả", "sơ", "bộ"]) == [True, True, False, False]
    for words in ("dự phòng", "dự thảo", "một phần", "cơ bản", "tham khảo", "tạm"):
        assert not all_known(words.split()), words


def test_the_longest_match_wins_from_the_left() -> None:
    # "hồ sơ" is read before "sơ bộ" could be: "bộ" is then a unit word of its own.
    assert in_place(["hồ", "sơ", "bộ"]) == [True, True, True]


def test_a_compound_is_not_matched_across_a_comma_or_a_bracket() -> None:
    assert in_place(["hồ,", "sơ"]) == [True, None]
    assert in_place(["hồ", "(sơ)"]) == [True, None]


def test_a_doubt_written_as_a_name_after_a_unit_word_is_a_name() -> None:
    assert all_known(["xã", "Sơ", "Bộ"])


def test_the_timing_lists_are_one() -> None:
    written = lexicon.WHEN_WORDS
    assert {"ngày", "tháng", "quý", "nhật", "lực"} <= written
    # Said when only beside a partner: the written list leaves them to it ("Chủ tịch").
    assert not {"chủ", "hiệu", "niên"} & written
    assert {"chu", "hieu", "nien"} <= lexicon.FOLDED_TIMING_VOCABULARY
    assert "chu" in lexicon.FOLDED_TIMING_SYLLABLES
    # Said when only as written: folded they are other words ("đồng", "dư").
    assert not {"dong", "du"} & lexicon.FOLDED_TIMING_VOCABULARY
    assert lexicon.FOLDED_TIMING_SYLLABLES <= lexicon.FOLDED_TIMING_VOCABULARY
    assert {fold(w) for w in written} - lexicon.FOLDED_TIMING_VOCABULARY == {
        fold(w) for w in ("quí", "kì", "hạ", "đông", "bù", "dự", "kéo", "thường", "tục")
    } | {fold(w) for w in ("xuất", "yêu", "cầu")}


def test_no_word_is_both_known_and_a_doubt() -> None:
    assert not lexicon.COMPOUNDS & lexicon.DOUBT_WORDS
    assert not {w[0] for w in lexicon.DOUBT_WORDS if len(w) == 1} & lexicon.KNOWN_WORDS
