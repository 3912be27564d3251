"""The iCalendar writer, read back with icalendar's own parser."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tracker.notify.ical import CalendarEntry, build_calendar

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
STAMP = dt.datetime(2026, 4, 8, 8, 0, tzinfo=dt.UTC)


def _parse(entries: list[CalendarEntry]) -> Calendar:
    return Calendar.from_ical(build_calendar(entries, name="Nhắc việc", tz=TZ, stamp=STAMP))


def test_timed_deadline_ends_at_the_moment_in_local_time_with_a_timezone() -> None:
    due = dt.datetime(2026, 4, 9, 16, 15, tzinfo=TZ)
    start = dt.datetime(2026, 4, 9, 16, 0, tzinfo=TZ)
    cal = _parse([CalendarEntry("r1@t", "Báo cáo tuần", due, start=start)])
    (event,) = cal.walk("VEVENT")
    assert event.decoded("dtstart") == start
    assert event.decoded("dtend") == due
    assert event["dtend"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert [str(z["tzid"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert str(event["summary"]) == "Báo cáo tuần"
    assert str(event["transp"]) == "OPAQUE"
    assert event.decoded("dtstamp") == STAMP
    assert str(cal["x-wr-calname"]) == "Nhắc việc"


def test_timed_deadline_without_a_start_is_a_short_block_before_it() -> None:
    due = dt.datetime(2026, 4, 9, 16, 15, tzinfo=TZ)
    (event,) = _parse([CalendarEntry("r2@t", "Báo cáo", due)]).walk("VEVENT")
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=30)


def test_date_deadline_is_all_day_with_an_exclusive_end() -> None:
    (event,) = _parse([CalendarEntry("d1@t", "Kế hoạch", dt.date(2026, 8, 31))]).walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2026, 8, 31)
    assert event.decoded("dtend") == dt.date(2026, 9, 1)
    assert event["dtstart"].params["VALUE"] == "DATE"
    assert str(event["transp"]) == "TRANSPARENT"


def test_a_window_of_days_spans_from_its_start() -> None:
    entry = CalendarEntry("w@t", "Tổng hợp", dt.date(2026, 4, 10), start=dt.date(2026, 4, 6))
    (event,) = _parse([entry]).walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2026, 4, 6)
    assert event.decoded("dtend") == dt.date(2026, 4, 11)


def test_done_and_cancelled_entries_are_marked_not_dropped() -> None:
    cal = _parse(
        [
            CalendarEntry("a@t", "Việc xong", dt.date(2026, 4, 1), done=True, sequence=2),
            CalendarEntry("b@t", "Việc bỏ", dt.date(2026, 4, 2), cancelled=True),
        ]
    )
    done, cancelled = cal.walk("VEVENT")
    assert str(done["summary"]) == "✔ Việc xong"
    assert str(done["x-tracker-done"]) == "TRUE"
    assert done.decoded("sequence") == 2
    assert str(done["status"]) == "CONFIRMED"
    assert str(cancelled["status"]) == "CANCELLED"
    assert "x-tracker-done" not in cancelled


def test_description_url_categories_and_last_modified_survive() -> None:
    modified = dt.datetime(2026, 4, 1, 10, 0, tzinfo=TZ)
    entry = CalendarEntry(
        "x@t",
        "Rà soát, cập nhật; hồ sơ",
        dt.date(2026, 5, 4),
        description="KH số 12/KH-UBND\nChủ trì: Văn phòng – Thống kê",
        url="http://localhost:8000/occurrences/7",
        categories=("Nhắc việc", "Đại Sơn"),
        last_modified=modified,
    )
    (event,) = _parse([entry]).walk("VEVENT")
    assert str(event["summary"]) == "Rà soát, cập nhật; hồ sơ"
    assert str(event["description"]) == "KH số 12/KH-UBND\nChủ trì: Văn phòng – Thống kê"
    assert str(event["url"]) == "http://localhost:8000/occurrences/7"
    assert [str(c) for c in event["categories"].cats] == ["Nhắc việc", "Đại Sơn"]
    assert event.decoded("last-modified") == modified


def test_alarms_are_absolute_triggers() -> None:
    alarm_at = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
    entry = CalendarEntry(
        "a@t", "Báo cáo", dt.datetime(2026, 4, 9, 16, 15, tzinfo=TZ), alarms=(alarm_at,)
    )
    raw = build_calendar([entry], name="N", tz=TZ, stamp=STAMP).decode()
    assert "TRIGGER;VALUE=DATE-TIME:20260408T080000Z" in raw
    (alarm,) = Calendar.from_ical(raw).walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == alarm_at


def test_each_uid_once_and_lines_folded() -> None:
    long = "Rất dài " * 40
    entries = [CalendarEntry(f"u{i}@t", long, dt.date(2026, 4, i + 1)) for i in range(3)]
    raw = build_calendar(entries, name="N", tz=TZ, stamp=STAMP)
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    uids = [str(e["uid"]) for e in Calendar.from_ical(raw).walk("VEVENT")]
    assert uids == ["u0@t", "u1@t", "u2@t"]


def test_a_time_without_a_zone_is_refused_naming_the_entry() -> None:
    entry = CalendarEntry("naive@t", "Báo cáo", dt.datetime(2026, 4, 9, 16, 15))
    with pytest.raises(ValueError, match="naive@t"):
        build_calendar([entry], name="N", tz=TZ, stamp=STAMP)
