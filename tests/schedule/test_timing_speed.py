"""The reader's gate on needed words (``cell.needed_words``): a pattern is skipped on a cell
only when the cell lacks every word of one of its sets, so it may never skip a cell the
pattern matches. Phrases written for this test."""

from __future__ import annotations

import re

from tracker.schedule.timing import cadences, cell, dates, events, lunar_dates, reader, several
from tracker.schedule.timing.cell import clean, fold_keep_length, needed_words

PHRASES = [
    "Chậm nhất ngày 20 hằng tháng",
    "Hai lần mỗi năm, vào tháng 6 và tháng 12",
    "Trong 15 ngày làm việc kể từ ngày nhận đủ hồ sơ",
    "Từ 7h30 đến 11h00 các ngày thứ Hai đến thứ Sáu",
    "Quý III/2026, trước ngày 25 tháng cuối quý",
    "Mùng 10 tháng 3 âm lịch hằng năm",
    "Từ ngày 01/6/2026 - 30/6/2026 (trừ ngày nghỉ lễ)",
    "01 lần/tuần, vào sáng thứ Sáu",
    "Thường xuyên, khi có yêu cầu của cấp trên",
    "Ban đêm từ 22 giờ đến 5 giờ sáng hôm sau",
    "Năm 2027",
    "Trước 30 ngày so với ngày tổ chức hội nghị",
]


def test_words_come_from_the_pattern() -> None:
    assert needed_words(re.compile(r"(?:moi|hang)\s+quy")) == (
        frozenset({"quy"}),
        frozenset({"moi", "hang"}),
    )
    assert needed_words(re.compile(r"(?:truoc\s+)?ngay\s+\d+")) == (frozenset({"ngay"}),)
    # An optional part, a branch needing nothing, or ignored case needs nothing.
    assert needed_words(re.compile(r"(?:it\s+nhat\s+)?\d+")) == ()
    assert needed_words(re.compile(r"(?:lan|\d)")) == ()
    assert needed_words(re.compile(r"ngay", re.IGNORECASE)) == ()


def test_no_pattern_of_the_reader_is_skipped_where_it_matches() -> None:
    patterns = [
        value
        for module in (cadences, cell, dates, events, lunar_dates, reader, several)
        for value in vars(module).values()
        if isinstance(value, re.Pattern)
    ]
    texts = [fold_keep_length(clean(phrase)) for phrase in PHRASES]
    checked = 0
    for pattern in patterns:
        for text in texts:
            if pattern.search(text) is None:
                continue
            checked += 1
            for words in needed_words(pattern):
                assert any(word in text for word in words), (pattern.pattern, text, words)
    assert checked > 100
