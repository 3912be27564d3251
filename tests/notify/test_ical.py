"""The iCalendar writer, read back with three independent parsers: icalendar,
recurring-ical-events (what many servers use to expand a feed) and vobject."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
import vobject
from icalendar import Calendar

from tracker.notify.ical import CalendarEntry, build_calendar

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
STAMP = dt.datetime(2026, 4, 8, 8, 0, tzinfo=dt.UTC)
# The weekly report: Thursday 09/04/2026, 16:00–16:15 in Hà Nội time.
REPORT_START = dt.datetime(2026, 4, 9, 16, 0, tzinfo=TZ)
REPORT_DUE = dt.datetime(2026, 4, 9, 16, 15, tzinfo=TZ)
LONG_NAME = "Hạn công việc – Trung tâm Phục vụ hành chính công xã Đại Sơn"
VIETNAMESE = (
    "Rà soát, cập nhật; công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết "
    "của UBND xã Đại Sơn – Trung tâm Phục vụ hành chính công (đợt 1/2026)\n"
    "Chủ trì: Văn phòng HĐND và UBND; Phối hợp: Phòng Kinh tế, Hạ tầng và Đô thị\n"
    "Kết quả: Quyết định công bố; đường dẫn C:\\Hồ sơ\\2026\n"
    "Ghi chú: ưu tiên xử lý trước ngày 15/4 – quá hạn sẽ báo cáo Chủ tịch."
)


def _build(entries: list[CalendarEntry], **options: Any) -> bytes:
    options = {"name": "Nhắc việc", "tz": TZ, "stamp": STAMP, **options}
    return build_calendar(entries, **options)


def _parse(entries: list[CalendarEntry], **options: Any) -> Calendar:
    return Calendar.from_ical(_build(entries, **options))


def _vobject(raw: bytes) -> Any:
    return vobject.readOne(raw.decode("utf-8"))


def _vobject_items(raw: bytes, name: str = "vevent") -> list[Any]:
    return list(_vobject(raw).contents.get(name, []))


def _unescape(raw: str) -> str:
    """A TEXT value icalendar 7 hands back raw (it does so for NAME and X-WR-*)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)


def _expanded(raw: bytes, start: Any, end: Any, component: str = "VEVENT") -> list[Any]:
    query = recurring_ical_events.of(Calendar.from_ical(raw), components=[component])
    return list(query.between(start, end))


# --------------------------------------------------------------------------- events


def test_timed_deadline_ends_at_the_moment_in_local_time_with_a_timezone() -> None:
    raw = _build([CalendarEntry("r1@t", "Báo cáo tuần", REPORT_DUE, start=REPORT_START)])
    cal = Calendar.from_ical(raw)
    (event,) = cal.walk("VEVENT")
    assert event.decoded("dtstart") == REPORT_START
    assert event.decoded("dtend") == REPORT_DUE
    assert event["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert event["dtend"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20260409T160000\r\n" in raw
    assert b"DTEND;TZID=Asia/Ho_Chi_Minh:20260409T161500\r\n" in raw
    assert [str(z["tzid"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert str(event["summary"]) == "Báo cáo tuần"
    assert str(event["transp"]) == "OPAQUE"
    assert event.decoded("dtstamp") == STAMP
    assert str(cal["x-wr-calname"]) == "Nhắc việc"


def test_timed_deadline_reads_the_same_in_recurring_ical_events_and_vobject() -> None:
    raw = _build([CalendarEntry("r1@t", "Báo cáo tuần", REPORT_DUE, start=REPORT_START)])
    (expanded,) = _expanded(raw, dt.date(2026, 4, 9), dt.date(2026, 4, 10))
    assert expanded.decoded("dtstart") == REPORT_START
    assert expanded.decoded("dtend") == REPORT_DUE
    assert _expanded(raw, dt.date(2026, 4, 10), dt.date(2026, 4, 20)) == []
    (event,) = _vobject_items(raw)
    # vobject builds the zone from our VTIMEZONE, not from its own tz database.
    start, end = event.dtstart.value, event.dtend.value
    assert (start.hour, start.minute, end.hour, end.minute) == (16, 0, 16, 15)
    assert start.utcoffset() == dt.timedelta(hours=7)
    assert start == REPORT_START
    assert end == REPORT_DUE
    assert start.weekday() == 3  # a Thursday


def test_timed_deadline_without_a_start_that_day_is_a_short_block_before_it() -> None:
    earlier_day = dt.datetime(2026, 4, 6, 8, 0, tzinfo=TZ)
    cal = _parse(
        [
            CalendarEntry("r2@t", "Báo cáo", REPORT_DUE),
            CalendarEntry("r3@t", "Báo cáo", REPORT_DUE, start=earlier_day),
            CalendarEntry("r4@t", "Báo cáo", REPORT_DUE, start=dt.date(2026, 4, 6)),
        ]
    )
    for event in cal.walk("VEVENT"):
        assert event.decoded("dtend") == REPORT_DUE
        assert event.decoded("dtstart") == REPORT_DUE - dt.timedelta(minutes=30)


def test_a_utc_moment_is_shown_in_the_calendar_zone() -> None:
    due_utc = REPORT_DUE.astimezone(dt.UTC)
    (event,) = _parse([CalendarEntry("u@t", "Báo cáo", due_utc)]).walk("VEVENT")
    assert event["dtend"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert event.decoded("dtend").hour == 16


def test_a_utc_calendar_writes_utc_times_without_a_timezone_block() -> None:
    raw = _build([CalendarEntry("z@t", "Báo cáo", REPORT_DUE)], tz=ZoneInfo("UTC"))
    assert b"DTEND:20260409T091500Z\r\n" in raw
    assert b"VTIMEZONE" not in raw
    (event,) = _vobject_items(raw)
    assert event.dtend.value == REPORT_DUE


def test_date_deadline_is_all_day_with_an_exclusive_end() -> None:
    raw = _build([CalendarEntry("d1@t", "Kế hoạch", dt.date(2026, 8, 31))])
    (event,) = Calendar.from_ical(raw).walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2026, 8, 31)
    assert event.decoded("dtend") == dt.date(2026, 9, 1)
    assert event["dtstart"].params["VALUE"] == "DATE"
    assert str(event["transp"]) == "TRANSPARENT"
    # No time anywhere, so no VTIMEZONE.
    assert Calendar.from_ical(raw).walk("VTIMEZONE") == []
    (expanded,) = _expanded(raw, dt.date(2026, 8, 31), dt.date(2026, 9, 1))
    assert expanded.decoded("dtstart") == dt.date(2026, 8, 31)
    assert _expanded(raw, dt.date(2026, 9, 1), dt.date(2026, 9, 30)) == []
    (parsed,) = _vobject_items(raw)
    assert parsed.dtstart.value == dt.date(2026, 8, 31)
    assert parsed.dtend.value == dt.date(2026, 9, 1)


def test_a_window_of_days_spans_from_its_start() -> None:
    entry = CalendarEntry("w@t", "Tổng hợp", dt.date(2026, 4, 10), start=dt.date(2026, 4, 6))
    raw = _build([entry])
    (event,) = Calendar.from_ical(raw).walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2026, 4, 6)
    assert event.decoded("dtend") == dt.date(2026, 4, 11)
    # Every day of the window shows it, the day after does not.
    assert len(_expanded(raw, dt.date(2026, 4, 8), dt.date(2026, 4, 9))) == 1
    assert _expanded(raw, dt.date(2026, 4, 11), dt.date(2026, 4, 12)) == []
    (parsed,) = _vobject_items(raw)
    assert parsed.dtstart.value == dt.date(2026, 4, 6)
    assert parsed.dtend.value == dt.date(2026, 4, 11)


def test_a_start_after_the_due_date_is_ignored() -> None:
    entry = CalendarEntry("w2@t", "Tổng hợp", dt.date(2026, 4, 10), start=dt.date(2026, 4, 12))
    (event,) = _parse([entry]).walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2026, 4, 10)
    assert event.decoded("dtend") == dt.date(2026, 4, 11)


# --------------------------------------------------------------------------- status


def test_done_and_cancelled_entries_are_marked_not_dropped() -> None:
    cal = _parse(
        [
            CalendarEntry("a@t", "Việc xong", dt.date(2026, 4, 1), done=True, sequence=2),
            CalendarEntry("b@t", "Việc bỏ", dt.date(2026, 4, 2), cancelled=True),
        ]
    )
    done, cancelled = cal.walk("VEVENT")
    assert str(done["summary"]) == "✓ Việc xong"
    assert str(done["x-tracker-done"]) == "TRUE"
    assert done.decoded("sequence") == 2
    assert str(done["status"]) == "CONFIRMED"
    assert str(cancelled["status"]) == "CANCELLED"
    assert "x-tracker-done" not in cancelled


def test_the_title_shows_done_and_overdue_in_every_parser() -> None:
    entries = [
        CalendarEntry("open@t", "Báo cáo tuần", dt.date(2026, 4, 9)),
        CalendarEntry("late@t", "Báo cáo tuần", dt.date(2026, 4, 9), overdue=True),
        CalendarEntry("done@t", "Báo cáo tuần", dt.date(2026, 4, 9), done=True),
        # Done late is done: the title says so and nothing else.
        CalendarEntry("both@t", "Báo cáo tuần", dt.date(2026, 4, 9), done=True, overdue=True),
    ]
    expected = {
        "open@t": "Báo cáo tuần",
        "late@t": "Quá hạn: Báo cáo tuần",
        "done@t": "✓ Báo cáo tuần",
        "both@t": "✓ Báo cáo tuần",
    }
    raw = _build(entries)
    parsed = {str(e["uid"]): str(e["summary"]) for e in Calendar.from_ical(raw).walk("VEVENT")}
    assert parsed == expected
    expanded = _expanded(raw, dt.date(2026, 4, 9), dt.date(2026, 4, 10))
    assert {str(e["uid"]): str(e["summary"]) for e in expanded} == expected
    assert {e.uid.value: e.summary.value for e in _vobject_items(raw)} == expected
    assert "✓ Báo cáo tuần".encode() in raw  # U+2713, the check mark
    assert "✔".encode() not in raw


def test_description_url_categories_and_last_modified_survive() -> None:
    modified = dt.datetime(2026, 4, 1, 10, 0, tzinfo=TZ)
    entry = CalendarEntry(
        "x@t",
        "Rà soát, cập nhật; hồ sơ",
        dt.date(2026, 5, 4),
        description="KH số 12/KH-UBND\nChủ trì: Văn phòng – Thống kê",
        url="http://localhost:8000/occurrences/7",
        categories=("Nhắc việc", "Đại Sơn", "Kinh tế, Hạ tầng"),
        last_modified=modified,
    )
    raw = _build([entry])
    (event,) = Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["summary"]) == "Rà soát, cập nhật; hồ sơ"
    assert str(event["description"]) == "KH số 12/KH-UBND\nChủ trì: Văn phòng – Thống kê"
    assert str(event["url"]) == "http://localhost:8000/occurrences/7"
    assert [str(c) for c in event["categories"].cats] == [
        "Nhắc việc",
        "Đại Sơn",
        "Kinh tế, Hạ tầng",
    ]
    assert event.decoded("last-modified") == modified
    assert b"LAST-MODIFIED:20260401T030000Z\r\n" in raw
    (parsed,) = _vobject_items(raw)
    assert parsed.categories.value == ["Nhắc việc", "Đại Sơn", "Kinh tế, Hạ tầng"]
    assert parsed.url.value == "http://localhost:8000/occurrences/7"
    assert parsed.last_modified.value == modified


def test_alarms_are_absolute_triggers() -> None:
    alarm_at = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
    entry = CalendarEntry("a@t", "Báo cáo", REPORT_DUE, overdue=True, alarms=(alarm_at,))
    raw = _build([entry], name="N")
    assert b"TRIGGER;VALUE=DATE-TIME:20260408T080000Z\r\n" in raw
    (alarm,) = Calendar.from_ical(raw).walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == alarm_at
    # The alarm text is the task itself, without the status prefix.
    assert str(alarm["description"]) == "Báo cáo"
    (expanded,) = _expanded(raw, dt.date(2026, 4, 9), dt.date(2026, 4, 10))
    (expanded_alarm,) = expanded.walk("VALARM")
    assert expanded_alarm.decoded("trigger") == alarm_at
    (event,) = _vobject_items(raw)
    assert event.valarm.trigger.value == alarm_at
    assert event.valarm.action.value == "DISPLAY"


# --------------------------------------------------------------------------- to-dos


def test_todo_items_carry_due_status_completed_and_percent() -> None:
    completed = dt.datetime(2026, 4, 9, 15, 40, tzinfo=TZ)
    entries = [
        CalendarEntry("t1@t", "Báo cáo tuần", REPORT_DUE, start=REPORT_START, sequence=3),
        CalendarEntry(
            "t2@t",
            "Kế hoạch",
            dt.date(2026, 4, 10),
            start=dt.date(2026, 4, 6),
            done=True,
            completed=completed,
        ),
        CalendarEntry("t3@t", "Việc bỏ", dt.date(2026, 4, 11), cancelled=True),
        CalendarEntry("t4@t", "Trễ", dt.date(2026, 4, 3), overdue=True),
    ]
    raw = _build(entries, component="VTODO")
    cal = Calendar.from_ical(raw)
    assert cal.walk("VEVENT") == []
    timed, done, cancelled, late = cal.walk("VTODO")
    assert timed.decoded("dtstart") == REPORT_START
    assert timed.decoded("due") == REPORT_DUE
    assert timed["due"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert str(timed["status"]) == "NEEDS-ACTION"
    assert timed.decoded("percent-complete") == 0
    assert timed.decoded("sequence") == 3
    assert "completed" not in timed
    assert "transp" not in timed  # a VEVENT-only property
    assert done.decoded("dtstart") == dt.date(2026, 4, 6)
    assert done.decoded("due") == dt.date(2026, 4, 10)
    assert done["due"].params["VALUE"] == "DATE"
    assert str(done["status"]) == "COMPLETED"
    assert done.decoded("completed") == completed
    assert b"COMPLETED:20260409T084000Z\r\n" in raw  # in UTC, as RFC 5545 requires
    assert done.decoded("percent-complete") == 100
    assert str(done["summary"]) == "✓ Kế hoạch"
    assert str(cancelled["status"]) == "CANCELLED"
    assert "dtstart" not in cancelled
    assert str(late["summary"]) == "Quá hạn: Trễ"
    assert str(late["status"]) == "NEEDS-ACTION"
    assert [str(z["tzid"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]


def test_todo_items_read_the_same_in_vobject_and_recurring_ical_events() -> None:
    completed = dt.datetime(2026, 4, 9, 15, 40, tzinfo=TZ)
    entries = [
        CalendarEntry("t1@t", "Báo cáo tuần", REPORT_DUE, start=REPORT_START),
        CalendarEntry("t2@t", "Kế hoạch", dt.date(2026, 4, 10), done=True, completed=completed),
    ]
    raw = _build(entries, component="VTODO")
    timed, done = _vobject_items(raw, "vtodo")
    assert timed.due.value == REPORT_DUE
    assert timed.dtstart.value == REPORT_START
    assert timed.status.value == "NEEDS-ACTION"
    assert timed.contents["percent-complete"][0].value == "0"
    assert done.due.value == dt.date(2026, 4, 10)
    assert done.status.value == "COMPLETED"
    assert done.completed.value == completed
    assert done.contents["percent-complete"][0].value == "100"
    expanded = _expanded(raw, dt.date(2026, 4, 9), dt.date(2026, 4, 11), component="VTODO")
    assert sorted(str(t["uid"]) for t in expanded) == ["t1@t", "t2@t"]


def test_a_todo_start_that_is_not_before_its_due_is_left_out() -> None:
    entries = [
        CalendarEntry("s1@t", "A", dt.date(2026, 4, 10), start=dt.date(2026, 4, 10)),
        CalendarEntry("s2@t", "B", REPORT_DUE, start=dt.date(2026, 4, 6)),
    ]
    same_day, date_start = _parse(entries, component="VTODO").walk("VTODO")
    assert "dtstart" not in same_day
    # A window's first day opening a timed deadline: that day's midnight, same value type.
    assert date_start.decoded("dtstart") == dt.datetime(2026, 4, 6, 0, 0, tzinfo=TZ)


def test_an_unknown_component_is_refused() -> None:
    with pytest.raises(ValueError, match="VJOURNAL"):
        _build([], component="VJOURNAL")


# --------------------------------------------------------------------------- calendar


def test_calendar_name_description_and_refresh_interval() -> None:
    description = "Các hạn từ 08/01/2026 đến 08/04/2027, theo dõi bằng hệ thống tracker."
    raw = _build([], name=LONG_NAME, refresh=dt.timedelta(hours=1), description=description)
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in raw
    assert b"X-PUBLISHED-TTL:PT1H\r\n" in raw
    cal = Calendar.from_ical(raw)
    assert str(cal["x-wr-calname"]) == LONG_NAME
    assert str(cal["name"]) == LONG_NAME
    # icalendar 7 reads X-WR-CALDESC raw; the value is TEXT with its comma escaped.
    assert _unescape(str(cal["x-wr-caldesc"])) == description
    assert str(cal["description"]) == description
    assert cal.decoded("refresh-interval") == dt.timedelta(hours=1)
    assert str(cal["method"]) == "PUBLISH"
    assert str(cal["version"]) == "2.0"
    parsed = _vobject(raw)
    assert parsed.x_wr_calname.value == LONG_NAME
    assert parsed.contents["name"][0].value == LONG_NAME
    assert parsed.x_wr_caldesc.value == description
    assert parsed.contents["x-published-ttl"][0].value == "PT1H"
    assert parsed.contents["refresh-interval"][0].value == "PT1H"
    assert (
        list(recurring_ical_events.of(cal).between(dt.date(2026, 1, 1), dt.date(2027, 1, 1))) == []
    )


def test_a_calendar_name_with_commas_and_semicolons_is_escaped_text() -> None:
    name = "Hạn công việc; Văn phòng, Thống kê"
    raw = _build([], name=name)
    assert "X-WR-CALNAME:Hạn công việc\\; Văn phòng\\, Thống kê\r\n".encode() in raw
    assert _vobject(raw).x_wr_calname.value == name
    assert _vobject(raw).contents["name"][0].value == name
    assert _unescape(str(Calendar.from_ical(raw)["x-wr-calname"])) == name


def test_the_refresh_interval_takes_any_positive_duration() -> None:
    raw = _build([], refresh=dt.timedelta(days=1, hours=2, minutes=30))
    assert b"X-PUBLISHED-TTL:P1DT2H30M\r\n" in raw
    assert Calendar.from_ical(raw).decoded("refresh-interval") == dt.timedelta(
        days=1, hours=2, minutes=30
    )
    with pytest.raises(ValueError, match="not positive"):
        _build([], refresh=dt.timedelta(0))


def test_without_refresh_or_description_those_properties_are_absent() -> None:
    cal = _parse([])
    assert "refresh-interval" not in cal
    assert "x-published-ttl" not in cal
    assert "x-wr-caldesc" not in cal
    assert "description" not in cal
    assert str(cal["name"]) == "Nhắc việc"


# --------------------------------------------------------------------------- text and lines


def test_vietnamese_text_round_trips_exactly_in_every_parser() -> None:
    summary = "Rà soát, cập nhật; công bố thủ tục hành chính – Kế hoạch số 12/KH-UBND ngày 05/01"
    entry = CalendarEntry(
        "vi@t",
        summary,
        REPORT_DUE,
        start=REPORT_START,
        description=VIETNAMESE,
        categories=("12/KH-UBND", "Văn phòng HĐND và UBND", "Đang thực hiện"),
    )
    raw = _build([entry], name=LONG_NAME)
    (event,) = Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["summary"]) == summary
    assert str(event["description"]) == VIETNAMESE
    assert str(Calendar.from_ical(raw)["x-wr-calname"]) == LONG_NAME
    (expanded,) = _expanded(raw, dt.date(2026, 4, 9), dt.date(2026, 4, 10))
    assert str(expanded["summary"]) == summary
    assert str(expanded["description"]) == VIETNAMESE
    (parsed,) = _vobject_items(raw)
    assert parsed.summary.value == summary
    assert parsed.description.value == VIETNAMESE
    assert parsed.categories.value == ["12/KH-UBND", "Văn phòng HĐND và UBND", "Đang thực hiện"]
    assert _vobject(raw).x_wr_calname.value == LONG_NAME


def test_control_characters_are_dropped_and_line_breaks_kept() -> None:
    # Text pasted from Word can carry a vertical tab; strict parsers refuse it.
    entry = CalendarEntry("c@t", "Báo\x0bcáo\x00", dt.date(2026, 4, 9), description="a\r\nb\rc\td")
    raw = _build([entry])
    (event,) = Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["summary"]) == "Báocáo"
    assert str(event["description"]) == "a\nb\nc\td"
    (parsed,) = _vobject_items(raw)
    assert parsed.description.value == "a\nb\nc\td"


def test_a_url_with_a_line_break_is_refused_naming_the_entry() -> None:
    entry = CalendarEntry("bad@t", "A", dt.date(2026, 4, 9), url="http://x/\r\nBEGIN:VEVENT")
    with pytest.raises(ValueError, match="bad@t"):
        _build([entry])


def _physical_lines(raw: bytes) -> list[bytes]:
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")
    assert lines[-1] == b""
    return lines[:-1]


def test_lines_are_folded_at_75_octets_on_character_boundaries_with_crlf() -> None:
    # Every alignment of 2-, 3- and 4-byte characters and of escapes against the fold.
    texts = [
        "x" * shift + body
        for shift in range(4)
        for body in (
            VIETNAMESE,
            "Đặng Thị Phương Hồng ở Hải Phòng " * 6,
            "ể" * 80,
            "😀 ư" * 40,
            "\\;,\n" * 60,
            "ự\\" * 70,
        )
    ]
    entries = [
        CalendarEntry(
            f"f{i}@t",
            text[:200],
            dt.date(2026, 4, 9),
            description=text,
            categories=(text[:90], "Đại Sơn"),
        )
        for i, text in enumerate(texts)
    ]
    raw = _build(entries, name=LONG_NAME * 3, description=VIETNAMESE)
    assert b"\n" not in raw.replace(b"\r\n", b"")  # no bare LF
    assert b"\r" not in raw.replace(b"\r\n", b"")  # no bare CR
    lines = _physical_lines(raw)
    folded = [line for line in lines if line.startswith(b" ")]
    assert len(folded) > 100  # the long texts were folded
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8", errors="strict")  # no character cut in two
        # A fold never separates a backslash from the character it escapes.
        trailing = len(line) - len(line.rstrip(b"\\"))
        assert trailing % 2 == 0, line
    # A full first line is 75 octets: the fold uses the whole width.
    assert max(len(line) for line in lines) == 75
    # Unfolded, the text is back whole in every parser.
    cal = Calendar.from_ical(raw)
    descriptions = [str(e["description"]) for e in cal.walk("VEVENT")]
    assert descriptions == texts
    assert str(cal["x-wr-calname"]) == LONG_NAME * 3
    assert [e.description.value for e in _vobject_items(raw)] == texts
    expanded = _expanded(raw, dt.date(2026, 4, 9), dt.date(2026, 4, 10))
    assert sorted(str(e["description"]) for e in expanded) == sorted(texts)


def test_the_timezone_block_is_written_with_crlf_and_once() -> None:
    entries = [
        CalendarEntry(f"z{i}@t", "Báo cáo", REPORT_DUE + dt.timedelta(days=7 * i)) for i in range(5)
    ]
    raw = _build(entries, component="VTODO")
    assert raw.count(b"BEGIN:VTIMEZONE\r\n") == 1
    assert raw.count(b"TZID:Asia/Ho_Chi_Minh\r\n") == 1
    assert raw.index(b"END:VTIMEZONE") < raw.index(b"BEGIN:VTODO")
    assert re.search(rb"[^\r]\n", raw) is None


def test_each_uid_once_and_lines_folded() -> None:
    long = "Rất dài " * 40
    entries = [CalendarEntry(f"u{i}@t", long, dt.date(2026, 4, i + 1)) for i in range(3)]
    raw = _build(entries, name="N")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    uids = [str(e["uid"]) for e in Calendar.from_ical(raw).walk("VEVENT")]
    assert uids == ["u0@t", "u1@t", "u2@t"]


def _many(count: int) -> list[CalendarEntry]:
    entries = []
    for i in range(count):
        day = dt.date(2026, 1, 5) + dt.timedelta(days=i % 365)
        if i % 3 == 0:
            due: dt.date | dt.datetime = dt.datetime.combine(day, dt.time(16, 15), TZ)
            start: dt.date | dt.datetime | None = dt.datetime.combine(day, dt.time(16, 0), TZ)
        else:
            due, start = day, (day - dt.timedelta(days=3) if i % 3 == 1 else None)
        entries.append(
            CalendarEntry(
                f"dai-son-2026.t{i % 40}.o{i}@tracker.example.vn",
                f"Báo cáo số {i} – 12/KH-UBND",
                due,
                start=start,
                description=VIETNAMESE,
                url=f"https://tracker.example.vn/occurrences/{i}",
                categories=("12/KH-UBND", "Văn phòng HĐND và UBND"),
                done=i % 5 == 0,
                overdue=i % 5 == 1,
                completed=STAMP if i % 5 == 0 else None,
                sequence=i % 4,
                last_modified=STAMP,
                alarms=(dt.datetime.combine(day - dt.timedelta(days=1), dt.time(8), TZ),),
            )
        )
    return entries


@pytest.mark.parametrize("component", ["VEVENT", "VTODO"])
def test_five_hundred_entries_parse_in_every_parser(component: str) -> None:
    entries = _many(500)
    raw = _build(entries, name=LONG_NAME, component=component, refresh=dt.timedelta(hours=1))
    uids = {e.uid for e in entries}
    cal = Calendar.from_ical(raw)
    items = cal.walk(component)
    assert len(items) == 500
    assert {str(e["uid"]) for e in items} == uids
    assert len(cal.walk("VTIMEZONE")) == 1
    expanded = _expanded(raw, dt.date(2025, 12, 1), dt.date(2027, 2, 1), component=component)
    assert len(expanded) == 500
    assert {str(e["uid"]) for e in expanded} == uids
    parsed = _vobject_items(raw, component.lower())
    assert len(parsed) == 500
    assert {e.uid.value for e in parsed} == uids
    assert all(len(line) <= 75 for line in _physical_lines(raw))


def test_the_same_entries_give_the_same_bytes() -> None:
    entries = _many(20)
    assert _build(entries) == _build(list(entries))


def test_a_time_without_a_zone_is_refused_naming_the_entry() -> None:
    entry = CalendarEntry("naive@t", "Báo cáo", dt.datetime(2026, 4, 9, 16, 15))
    with pytest.raises(ValueError, match="naive@t"):
        build_calendar([entry], name="N", tz=TZ, stamp=STAMP)
