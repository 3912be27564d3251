"""Vietnamese conventions: a day typed by a person, or sent by a date field."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.vn import format_date, has_number, one_line, parse_day


@pytest.mark.parametrize(
    "text",
    ["30/06/2026", "30/6/2026", " 30/6/2026 ", "30-6-2026", "30.06.2026", "2026-06-30"],
)
def test_a_day_typed_or_sent_by_a_date_field(text: str) -> None:
    assert parse_day(text) == date(2026, 6, 30)


@pytest.mark.parametrize(
    "text", ["", "31/02/2026", "06/30/2026", "30/06/26", "2026-6-30", "30/06/2026 10:00", "hôm nay"]
)
def test_what_is_not_a_day_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="day"):
        parse_day(text)


def test_a_day_shown_is_read_back() -> None:
    day = date(2026, 1, 5)
    assert parse_day(format_date(day)) == day


def test_a_line_cut_at_a_word_keeps_whole_words_and_its_limit() -> None:
    title = "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông"
    for limit in range(12, len(title)):
        cut = one_line(title, limit, at_word=True)
        assert len(cut) <= limit
        assert cut.endswith(" …")
        kept = cut.removesuffix(" …")
        assert title.startswith(kept)
        assert title[len(kept)] in " ,"  # whole words only
    assert one_line(title, len(title), at_word=True) == title
    # One long word has nothing to cut at: it is cut as a subject is.
    assert one_line("x" * 30, 10, at_word=True) == "x" * 9 + "…"
    assert one_line("a\r\nb", 10, at_word=True) == "a b"


@pytest.mark.parametrize(
    ("number", "given"),
    [("12/KH-UBND", True), ("/KH-UBND", False), ("", False), (None, False), ("Số 05", True)],
)
def test_a_document_number_is_given_only_with_digits(number: str | None, given: bool) -> None:
    assert has_number(number) is given
