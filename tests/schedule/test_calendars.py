"""The calendar files in calendars/: readable, complete for 2022-2027, and consistent with
the holidays package except where a government notice differs from it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import holidays
import pytest

from tracker.config import PROJECT_DIR
from tracker.errors import ConfigError
from tracker.schedule.calendars import load_work_calendar, read_calendar_file

FILES = sorted((PROJECT_DIR / "calendars").glob("*.ics"))


def test_there_is_one_notice_file_for_each_year_2022_to_2027() -> None:
    assert [p.name for p in FILES] == [f"vn-{y}.ics" for y in range(2022, 2028)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_weekday_holiday_of_the_library_is_a_day_off_in_the_file(path: Path) -> None:
    days_off, make_up = read_calendar_file(path)
    year = int(path.stem.split("-")[1])
    library = holidays.country_holidays("VN", years=year)
    weekday_holidays = {d for d in library if d.weekday() < 5}
    # The government notices give days off the Labour Code alone does not (swaps);
    # they never drop a statutory holiday.
    assert weekday_holidays <= set(days_off)
    assert all(d.weekday() == 5 for d in make_up)  # make-up days are Saturdays


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_files_and_the_library_agree_on_every_weekday_off(path: Path) -> None:
    # Two independent sources: the notices transcribed by hand into calendars/, and the
    # holidays package (which carries the same swaps). Any difference is a data error.
    days_off, _ = read_calendar_file(path)
    year = int(path.stem.split("-")[1])
    library = holidays.country_holidays("VN", years=year)
    assert {d for d in days_off if d.weekday() < 5} == {d for d in library if d.weekday() < 5}


def test_make_up_saturdays_of_2024_to_2026_are_working_days() -> None:
    calendar = load_work_calendar(PROJECT_DIR / "calendars")
    for day in (date(2024, 5, 4), date(2025, 4, 26), date(2026, 8, 22)):
        assert calendar.is_working_day(day)


def test_a_broken_calendar_file_names_the_file_and_event(tmp_path: Path) -> None:
    path = tmp_path / "vn-2030.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        "DTSTART;VALUE=DATE:20300101\r\nSUMMARY:Tết Dương lịch\r\nX-TRACKER-DAY:MAYBE\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as excinfo:
        read_calendar_file(path)
    assert excinfo.value.message == (
        f"{path}, sự kiện 'Tết Dương lịch': X-TRACKER-DAY phải là OFF hoặc WORK, không phải 'MAYBE'."
    )


def test_a_year_without_a_file_falls_back_to_the_library() -> None:
    calendar = load_work_calendar(PROJECT_DIR / "calendars")
    assert not calendar.is_working_day(date(2030, 9, 2))
    assert not calendar.is_working_day(date(2030, 1, 1))
