"""Vietnamese conventions: a day typed by a person, or sent by a date field."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.vn import format_date, parse_day


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
