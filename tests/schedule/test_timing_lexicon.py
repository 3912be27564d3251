"""The lexicon of words (hlex): compounds matched whole, syllables known only inside them, words
of doubt made of known syllables, and the one written list of timing words the reader's checks
share. Phrases written for these tests, none from the corpus."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.schedule.timing import lexicon, parse_timing
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


# The sector words (hlex2): the vetting, checked mechanically on every entry.

_SECTOR = lexicon._entries(lexicon.SECTOR_WORDS)
_WRITTEN_TIMING = frozenset(
    lexicon._norm(w)
    for words in (
        lexicon._WHEN_SYLLABLES,
        lexicon._WHEN_MORE,
        lexicon._WHEN_WRITTEN_ONLY,
        lexicon._WHEN_PARTNERED,
    )
    for w in words.split()
)
# Written with marks that make them no timing word, though folded they are one ("dân" is not
# "Dần", "đảng" not "đang", "trẻ" not "trễ", "hội" not "Hợi"): each looked at by hand, and
# known only inside the compounds that hold them. Unmarked ones ("chi", "quy", "tu", "nam")
# stand only beside a marked partner ("chi trả", "quy hoạch", "trùng tu", "Việt Nam").
_REVIEWED = """
bay binh bà bá bình bón bạ cam chi chiếu chí chăm chấm chấp chứa chữ chữa cánh cưới cảm cảnh
cầm da dinh dân dâng dã dưỡng dạng dấu dầu dẫn dột giấy hiếu hài hòm hôn hại hạng hệ họp hỏi
hội hộp khoáng khí kè kê ký kế kỷ kỹ lai lấn lận lệ lục mua muối màu mái máu móng môi mưa mại
mẫu mới mời mừng nam nghị ngoại ngân ngõ ngộ nhũng quy quà quả quỹ rậm sàng sáp sâu thú thư
thần thụ thủ thức thử thực trú trạm trẻ trợ trụ tu tán tâm tú tưới tấn tầm tội tủ tử tự đa
đàn đá đình đói đăng đường đảng đấu đậu đẳng đền đối đốt đội đời ấm ẩm
"""
_REVIEWED_FOLDED = frozenset(_REVIEWED.split())
# Words of urgency, order, repetition, supplement or provision the brief names, beside the
# lists the reader holds: none may stand in a sector word.
_NEVER = [
    tuple(e.split())
    for e in (
        "khẩn",
        "gấp",
        "ngay",
        "bổ sung",
        "đột",
        "thường",
        "xuyên",
        "lần",
        "đợt",
        "kỳ",
        "kì",
        "tạm",
        "hoãn",
        "lùi",
        "sơ bộ",
        "dự phòng",
        "dự kiến",
        "ưu tiên",
    )
]


def _holds(entry: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(entry[i : i + len(part)] == part for i in range(len(entry) - len(part) + 1))


def test_the_sector_words_are_many_and_compounds() -> None:
    assert 800 <= len(_SECTOR) <= 1500
    assert all(len(entry) > 1 for entry in _SECTOR)
    assert len(set(_SECTOR)) == len(_SECTOR)
    assert set(_SECTOR) <= lexicon.COMPOUNDS
    assert {w for entry in _SECTOR for w in entry} <= lexicon.TASK_SYLLABLES


def test_no_sector_word_holds_a_syllable_that_says_when() -> None:
    said = {" ".join(e) for e in _SECTOR if set(e) & (_WRITTEN_TIMING | lexicon.WHEN_WORDS)}
    assert not said


def test_a_sector_syllable_folding_to_a_timing_one_is_reviewed() -> None:
    assert not _REVIEWED_FOLDED & _WRITTEN_TIMING
    unreviewed = {
        w
        for entry in _SECTOR
        for w in entry
        if fold(w) in lexicon.FOLDED_TIMING_VOCABULARY and w not in _REVIEWED_FOLDED
    }
    assert not unreviewed


def test_no_sector_word_changes_doubts_or_hides_a_timing() -> None:
    from tracker.schedule.timing.reader import _DOUBT_IN_CLAUSE, _HIDDEN_TIMING

    for entry in _SECTOR:
        text = " ".join(entry)
        assert lexicon.CHANGES.search(text) is None, text
        assert _DOUBT_IN_CLAUSE.search(text) is None, text
        assert _HIDDEN_TIMING.search(text) is None, text
        assert not any(_holds(entry, doubt) for doubt in lexicon.DOUBT_WORDS), text
        assert not any(_holds(entry, word) for word in _NEVER), text


def test_a_sector_word_is_known_whole_and_its_syllables_not_alone() -> None:
    assert all_known(["khám", "tuyển", "nghĩa", "vụ", "quân", "sự"])
    assert all_known(["giải", "phóng", "mặt", "bằng"])
    assert all_known(["niêm", "yết", "danh", "sách", "cử", "tri"])
    # "giống" (of "xuống giống"), "lăng" (of "lăng quăng"), "trũng" (of "vùng trũng"): alone,
    # unknown.
    for syllable in ("giống", "lăng", "trũng", "hiệp"):
        assert in_place([syllable]) == [None], syllable
    assert not all_known(["lăng", "mạ"])


def test_the_words_holding_a_timing_syllable_stay_out() -> None:
    # "thu" (autumn), "lễ" (a holiday), "kỳ" (a period), "tiếp" (next), "niên" (a year), "hàng"
    # (every): these work words stay unknown, and a clause of them flags.
    for words in ("thu hoạch", "lễ hội", "kỳ họp", "tiếp công dân", "thanh niên", "cửa hàng"):
        assert tuple(words.split()) not in set(_SECTOR), words


# The lead, after hlex2: things the work is done to, one syllable each ("lúa", "xe", "thuốc"),
# are task words; a change or a doubt beside them still flags.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Đăng kiểm xe trước ngày 12/8", date(2026, 8, 12)),
        ("Trước ngày 5/5 phát thuốc", date(2026, 5, 5)),
        ("Gặt lúa xong trước 30/9", date(2026, 9, 30)),
    ],
)
def test_one_syllable_things_are_the_tasks_words(text: str, due: date) -> None:
    result = parse_timing(text, year=2026)
    assert not result.review, result.reason
    assert [rule.due for rule in result.rules] == [due]


@pytest.mark.parametrize(
    "text", ["Đăng kiểm xe trước ngày 12/8, có thể lùi", "Trước ngày 5/5 phát thuốc (tạm hoãn)"]
)
def test_one_syllable_things_do_not_hide_a_change(text: str) -> None:
    assert parse_timing(text, year=2026).review


# hlex3: the compounds of work that hold a timing syllable as written.
_HOMONYMS = lexicon._entries(lexicon.TIMING_HOMONYM_COMPOUNDS)
_TIMED = lexicon._entries(lexicon.TIMED_COMPOUNDS)


def test_each_homonym_compound_holds_a_timing_syllable_and_no_more() -> None:
    from tracker.schedule.timing.reader import _DOUBT_IN_CLAUSE, _HIDDEN_TIMING

    assert len(set(_HOMONYMS)) == len(_HOMONYMS)
    for entry in _HOMONYMS:
        text = " ".join(entry)
        assert len(entry) > 1, text
        assert set(entry) & lexicon.WHEN_WORDS | set(entry) & {"niên"}, text
        assert entry in lexicon.COMPOUNDS, text
        assert set(entry) <= lexicon.TASK_SYLLABLES, text
        assert lexicon.CHANGES.search(text) is None, text
        assert _DOUBT_IN_CLAUSE.search(text) is None, text
        assert _HIDDEN_TIMING.search(text) is None, text
        assert not any(_holds(entry, doubt) for doubt in lexicon.DOUBT_WORDS), text
        assert not any(_holds(entry, w) for w in _NEVER if w not in {("kỳ",), ("kì",)}), text
        # "thu hồi" alone (a decision revoked) is out; "thu hồi đất" (land taken back) is in.
        assert not any(_holds(entry, t) for t in _TIMED if t != ("thu", "hồi")), text
        assert entry != ("thu", "hồi"), text


def test_a_timing_syllable_is_held_only_inside_its_compound() -> None:
    def held(words: str) -> list[bool]:
        return lexicon.homonym_place(words.split(" "))

    assert held("thu gom rác") == [True, True, False]
    assert held("mùa thu") == [False, False]
    assert held("thu hồi quyết định") == [False, False, True, True]
    assert held("vốn đầu tư công") == [False, True, True, True]
    assert held("thu, gom rác") == [False, False, False]
    assert held("nghiem thu") == [False, False]
    assert held("hoãn thiện") == [False, False]
    assert held("định kỳ họp") == [False, False, False]
    assert held("các kỳ họp") == [False, False, False]
    assert held("tiếp theo dõi") == [False, False, False]
    assert held("kỳ họp thường lệ") == [True, True, False, False]
