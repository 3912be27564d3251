"""The lead's own rules of the thirty-sixth round's session, with phrases written for them.

Bodies whose names hold a timing word: "Thường trực" is standing duty (continuous work) when
it stands alone, but "Ban Thường trực", "Thường trực Đảng ủy", "Thường trực HĐND" name a body,
the recipient of a report or the one who meets. Such a name must never add continuous work to
the deadline beside it (it did, without a flag, before)."""

from __future__ import annotations

import pytest

from tests.plans.corpus.corpus import reading
from tracker.schedule.timing import parse_timing


@pytest.mark.parametrize(
    "text",
    [
        "Thường trực Đảng ủy xã họp vào ngày 6 hằng tháng",
        "Gửi báo cáo về Thường trực HĐND huyện trước ngày 12/11/2026",
        "Báo cáo Ban Thường trực Ủy ban MTTQ trước 20/6/2026",
        "Thường trực UBND xã giao ban sáng thứ Hai hằng tuần",
        "xin ý kiến Thường trực Huyện ủy trước ngày 3/4/2026",
    ],
)
def test_a_body_named_thuong_truc_is_no_continuous_work(text: str) -> None:
    result = parse_timing(text, year=2026)
    assert "cont" not in reading(result.rules, 2026), (text, result.rules)


@pytest.mark.parametrize(
    "text",
    [
        "Thường trực",
        "thường trực 24/24 giờ",
        "Thường trực trong năm 2026",
        "Trực thường trực 24/24h",
    ],
)
def test_standing_duty_stays_continuous(text: str) -> None:
    assert "cont" in reading(parse_timing(text, year=2026).rules, 2026), text


def test_a_report_to_the_standing_committee_keeps_its_deadline() -> None:
    result = parse_timing("Báo cáo Ban Thường trực trước 15/9", year=2026)
    assert reading(result.rules, 2026) == ["2026-09-15"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trong quý II năm sau", ["2027-06-30"]),
        ("quý 3 của năm tiếp theo", ["2027-09-30"]),
        ("Hoàn thành trong Quý I năm kế tiếp", ["2027-03-31"]),
        ("trước quý III năm sau", ["2027-06-30"]),
    ],
)
def test_a_quarter_of_the_next_year(text: str, expected: list[str]) -> None:
    """A quarter of "năm sau" / "năm tiếp theo" is the next year's (read before as the plan
    year's quarter, flagged)."""
    result = parse_timing(text, year=2026)
    assert (reading(result.rules, 2026), result.review) == (expected, False), result.reason


def test_two_quarters_of_the_next_year_still_flag() -> None:
    assert parse_timing("Quý III, IV năm sau", year=2026).review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Tết Bính Ngọ is 17/02/2026; its last month before has 29 days (the eve is 16/02).
        ("Đêm 30 Tết", ["2026-02-16"]),
        ("Chiều 28 Tết", ["2026-02-15"]),
        ("ngày 25 Tết", ["2026-02-12"]),
        ("mùng 3 Tết", ["2026-02-19"]),
    ],
)
def test_a_day_counted_down_to_tet_is_in_the_month_before(text: str, expected: list[str]) -> None:
    """ "28 Tết", "30 Tết" (no "mùng") are days of the last lunar month, counting down to Tết;
    "mùng 3 Tết" is in the first. Offered and flagged, as every lunar date is."""
    result = parse_timing(text, year=2026)
    assert reading(result.rules, 2026) == expected
    assert result.review


def test_a_countdown_day_beside_its_solar_day_confirms_it() -> None:
    result = parse_timing("Tối 15/02/2026 (28 Tết)", year=2026)
    assert (reading(result.rules, 2026), result.review) == (["2026-02-15"], False), result.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trong tuần thứ ba của tháng 9 (từ ngày 14 - 18.9)", ["2026-09-18"]),
        ("tuần cuối tháng 10/2026 (26 - 30/10)", ["2026-10-30"]),
        ("Tuần đầu tiên của tháng 12: từ 1/12 đến 4/12", ["2026-12-04"]),
        ("tuần thứ 2 tháng 2 (từ ngày 9/2 đến 13/2/2026)", ["2026-02-13"]),
    ],
)
def test_a_week_of_a_named_month_with_its_days(text: str, expected: list[str]) -> None:
    """A week of a named month followed by that week's days names those days (read before as
    a weekday's weekly cadence, "thứ ba" taken for Tuesday, flagged)."""
    result = parse_timing(text, year=2026)
    assert (reading(result.rules, 2026), result.review) == (expected, False), result.reason


@pytest.mark.parametrize(
    "text",
    [
        "Trong tuần thứ hai của tháng 9 (từ ngày 21 - 25.9)",  # the fourth week's days
        "tuần cuối tháng 10 (5 - 9/10)",
        "tuần đầu tháng 7 (từ 6/8 đến 10/8)",  # another month's days
    ],
)
def test_a_week_that_does_not_match_its_days_flags(text: str) -> None:
    assert parse_timing(text, year=2026).review, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sau khi kết thúc kỳ thi 07 ngày", ["rel:ket_thuc:+7c"]),
        ("sau ngày bế mạc Đại hội 03 ngày làm việc", ["rel:ket_thuc:+3w"]),
        ("Sau khi có quyết định phê duyệt chậm nhất 20 ngày", ["rel:phe_duyet:+20c"]),
    ],
)
def test_a_count_after_the_event_it_follows(text: str, expected: list[str]) -> None:
    """ "sau khi <event> N ngày": the count written after the event, as "trước khi <event> N
    ngày" already was (read before as the event's own day, flagged)."""
    result = parse_timing(text, year=2026)
    assert (reading(result.rules, 2026), result.review) == (expected, False), result.reason


@pytest.mark.parametrize(
    "text", ["sau ngày 15/6 10 ngày", "sau khi kết thúc năm 30 ngày", "sau ngày cuối tháng 5 ngày"]
)
def test_a_count_after_a_date_or_a_period_still_flags(text: str) -> None:
    assert parse_timing(text, year=2026).review, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vào Chủ nhật 14-6 (lịch cũ là 7-6)", ["2026-06-14"]),
        ("lúc 8h ngày 20-11, thay vì 8h ngày 18-11 như kế hoạch", ["2026-11-20@08:00"]),
        ("hoàn thành trước 30/9/2026 thay vì 31/12/2026", ["2026-09-30"]),
        ("Trước ngày 15/7 (thay cho ngày 30/6)", ["2026-07-15"]),
        ("Trước ngày 30/6, thay vì ngày 15/6 như kế hoạch ban đầu", ["2026-06-30"]),
    ],
)
def test_a_date_marked_as_the_old_one_is_struck(text: str, expected: list[str]) -> None:
    """A date right after "thay vì", "thay cho", "lịch cũ là", "trước đây là", with the new
    day read outside its clause: the new one holds (flagged before as two dates)."""
    result = parse_timing(text, year=2026)
    assert (reading(result.rules, 2026), result.review) == (expected, False), result.reason


@pytest.mark.parametrize(
    "text",
    [
        "thay vì 31/12",  # nothing else read: no new day
        "Ngày 10/5 như kế hoạch ban đầu, nay là 12/5",  # the marker after its date
        "Trước 30/6, thay vì báo cáo quý như các năm trước ngày 15/6",  # far from its date
    ],
)
def test_an_old_date_not_plainly_marked_still_flags(text: str) -> None:
    assert parse_timing(text, year=2026).review, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tổ chức 02 đợt/năm (tháng 5 và tháng 11)", ["2026-05-31", "2026-11-30"]),
        ("06 tháng/lần (vào tháng 6 và tháng 12)", ["2026-06-30", "2026-12-31"]),
        (
            "Hằng quý (các tháng 2, 5, 8, 11)",
            ["2026-02-28", "2026-05-31", "2026-08-31", "2026-11-30"],
        ),
        ("2 lần/năm: tháng 4 và tháng 10", ["2026-04-30", "2026-10-31"]),
        ("Hằng năm (tháng 9)", ["2026-09-30"]),
    ],
)
def test_a_cadence_with_its_months(text: str, expected: list[str]) -> None:
    """A cadence with no day, then as many months as it has periods, one in each: the
    months say when it falls (read before as the cadence's own period ends beside the
    months, flagged)."""
    result = parse_timing(text, year=2026)
    assert (reading(result.rules, 2026), result.review) == (expected, False), result.reason
    assert all(rule.kind == "recurring" for rule in result.rules)


@pytest.mark.parametrize(
    "text",
    [
        "6 tháng/lần (tháng 3 và tháng 5)",  # both in the first half
        "Hằng năm (tháng 10/2025)",  # another year's month
        "Hằng quý (tháng 3 và tháng 9)",  # fewer months than quarters
    ],
)
def test_a_cadence_with_months_that_do_not_fit_still_flags(text: str) -> None:
    assert parse_timing(text, year=2026).review, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Qúy II/2026", ["2026-06-30"]), ("hoàn thành trong qúy 3", ["2026-09-30"])],
)
def test_quy_with_its_mark_on_the_u(text: str, expected: list[str]) -> None:
    """ "Qúy": the tone mark typed on the "u" of "quý", a common slip, is the same word
    (flagged before as an unknown word)."""
    result = parse_timing(text, year=2026)
    assert (reading(result.rules, 2026), result.review) == (expected, False), result.reason


def test_the_unread_part_is_shown_as_written() -> None:
    """The reason shows each run of unread words whole, as the officer wrote it, with the
    explained words between ("trường hợp … thành … báo cáo" were left out of it before, the
    reason reading "trường chưa hoàn thì lý do")."""
    result = parse_timing(
        "Trước ngày 20/11/2026 (trường hợp chưa hoàn thành thì giải trình lý do)", year=2026
    )
    assert result.review
    assert "'trường hợp chưa hoàn thành thì giải trình lý do'" in result.reason, result.reason


def test_runs_of_unread_words_part_at_a_reading() -> None:
    result = parse_timing("ưu tiên trước ngày 15/9/2026, sớm hơn nếu được", year=2026)
    assert result.review
    assert "'ưu tiên … sớm hơn nếu'" in result.reason, result.reason


# Days listed after "từ" are the window's first and last day (hconv2) only when no end follows
# them: "từ 22/2 và ngày 12/3 đến 5/3" read one window 22/2–5/3 without a flag, the listed day
# lost (an insertion of round fifty-four's first sight, tests/schedule/test_timing_meta3.py).
@pytest.mark.parametrize(
    "text",
    [
        "từ 22/2 và ngày 12/3 đến 5/3/2026",
        "từ ngày 2/4 và ngày 9/4 đến ngày 30/4",
        "từ 2/4/2026 và 9/4/2026 tới 30/4/2026",
        "từ 14 và 15/7 đến 20/7",
        "Từ 8 giờ ngày 3/6 và 17 giờ ngày 4/6 (thứ Năm) cho đến ngày 10/6",
    ],
)
def test_days_listed_after_tu_then_an_end_flag(text: str) -> None:
    assert parse_timing(text, year=2026).review, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("từ ngày 29 và 30/8", ["2026-08-30"]),
        ("từ ngày 29/8/2026 và 30/8/2026", ["2026-08-30"]),
        ("từ 7 giờ ngày 3/6 và 17 giờ ngày 4/6", ["2026-06-04@17:00"]),
    ],
)
def test_days_listed_after_tu_alone_stay_a_window(text: str, expected: list[str]) -> None:
    result = parse_timing(text, year=2026)
    assert (reading(result.rules, 2026), result.review) == (expected, False)


# Named months with no day of their own beside a monthly day: "the 1st to the 20th of each
# quarter's first month", or every month's 20th and the quarters' first months? Read before as
# both, without a flag (found by hmiss). Two reports of different periods, each with its day,
# still read.
@pytest.mark.parametrize(
    "text",
    [
        "tháng đầu quý, từ ngày 1 đến ngày 20 hằng tháng",
        "Tháng đầu quý; ngày 15 hằng tháng",
        "tháng 2, 5, 8, 11 hằng năm, trước ngày 10 hằng tháng",
    ],
)
def test_named_months_beside_a_monthly_day_flag(text: str) -> None:
    assert parse_timing(text, year=2026).review, text


def test_a_monthly_and_a_quarterly_report_each_with_its_day_still_read() -> None:
    result = parse_timing(
        "Hằng tháng trước ngày 20; báo cáo quý trước ngày 15 tháng cuối quý", year=2026
    )
    assert not result.review, result.reason
    assert "2026-03-15" in reading(result.rules, 2026)
