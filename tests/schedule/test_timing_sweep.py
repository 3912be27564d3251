"""Rules written when sweeping the tune part's old misses (hsweep; tests/plans/corpus/README.md,
"Sweep of the tune part's old misses"). Each rule is a kind of wording an officer anywhere
would write; the cells here are this file's own wordings, none a corpus phrase, each put in
several places of a cell, with the wordings beside them that must still flag.
"""

from __future__ import annotations

import pytest

from tests.plans.corpus.corpus import reading
from tracker.schedule.timing import parse_timing

YEAR = 2026


def _read(text: str, context: str = "") -> tuple[list[str], bool]:
    result = parse_timing(text, year=YEAR, context=context)
    return reading(result.rules, YEAR), result.review


def _daily(hour: str) -> list[str]:
    from datetime import date, timedelta

    first = date(YEAR, 1, 1)
    return sorted(f"{first + timedelta(days=n)}@{hour}" for n in range(365))


def _monthly_last_days() -> list[str]:
    import calendar

    return [f"{YEAR}-{m:02d}-{calendar.monthrange(YEAR, m)[1]:02d}" for m in range(1, 13)]


# A bound, one hour and "every day", nothing else in the cell: a daily deadline at that hour.
@pytest.mark.parametrize(
    ("text", "hour"),
    [
        ("trước 16 giờ mỗi ngày", "16:00"),
        ("Trước 17h30 hằng ngày.", "17:30"),
        ("- Chậm nhất 8h hàng ngày;", "08:00"),
        ("hằng ngày, chậm nhất 10h00", "10:00"),
        ("Mỗi ngày trước 14 giờ", "14:00"),
        ("không muộn hơn 9h hàng ngày", "09:00"),
    ],
)
def test_a_bare_daily_hour_is_a_daily_deadline(text: str, hour: str) -> None:
    assert _read(text) == (_daily(hour), False)


# With a subject, a verb or another clause around it, the same hour may be a condition
# ("files received before 15:00 are settled the same day"): flagged as before.
@pytest.mark.parametrize(
    "text",
    [
        "hồ sơ nhận trước 15 giờ hằng ngày",
        "nộp trước 16h hằng ngày",
        "trước 16h hằng ngày, trừ ngày lễ",
        "Trước 11 giờ hằng ngày được trả trong ngày",
    ],
)
def test_a_daily_hour_with_other_words_still_flags(text: str) -> None:
    assert _read(text)[1]


# "ngày cuối cùng của tháng": the month's last day as a rule's day, every month's.
@pytest.mark.parametrize(
    "text",
    [
        "Nộp vào ngày cuối cùng của tháng",
        "ngày cuối cùng của tháng",
        "- Báo cáo gửi ngày cuối cùng của tháng;",
    ],
)
def test_the_last_day_of_the_month_is_monthly(text: str) -> None:
    assert _read(text) == (_monthly_last_days(), False)


def test_the_last_day_of_the_quarter_is_quarterly() -> None:
    assert _read("gửi vào ngày cuối cùng của quý") == (
        [f"{YEAR}-03-31", f"{YEAR}-06-30", f"{YEAR}-09-30", f"{YEAR}-12-31"],
        False,
    )


def test_the_last_working_day_of_the_month_is_monthly() -> None:
    got, review = _read("ngày làm việc cuối cùng của tháng")
    assert not review
    assert len([t for t in got if t[0].isdigit()]) == 12


@pytest.mark.parametrize(
    "text",
    [
        "vào cuối tháng",  # late in this month, or each month's end
        "ngày cuối cùng của tháng (20/6)",  # another day named beside it
        "Trong tháng 6, vào ngày cuối cùng của tháng",
    ],
)
def test_a_months_end_that_may_be_one_month_still_flags(text: str) -> None:
    assert _read(text)[1]


# A count in working days from "tiếp nhận" alone: an administrative procedure's file.
@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("trong vòng 7 ngày làm việc kể từ ngày tiếp nhận", "rel:ho_so_tiep_nhan:+7w"),
        ("Không quá 3 ngày làm việc, kể từ ngày tiếp nhận.", "rel:ho_so_tiep_nhan:+3w"),
        ("Thời hạn: không quá 12 ngày làm việc kể từ ngày tiếp nhận", "rel:ho_so_tiep_nhan:+12w"),
    ],
)
def test_working_days_from_reception_count_from_the_file(text: str, token: str) -> None:
    assert _read(text) == ([token], False)


def test_reception_with_a_petition_in_the_task_is_the_petitions() -> None:
    got, review = _read(
        "trong 10 ngày làm việc kể từ ngày tiếp nhận", context="Trả lời phản ánh của người dân"
    )
    assert (got, review) == (["rel:pakn_tiep_nhan:+10w"], False)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Không quá 3 ngày kể từ ngày tiếp nhận.", ""),  # calendar days: received what?
        ("10 ngày làm việc kể từ ngày nhận được", ""),  # "nhận được": a letter as often
        ("trong 10 ngày làm việc kể từ ngày tiếp nhận", "Giải quyết đơn khiếu nại"),
    ],
)
def test_reception_of_what_still_flags(text: str, context: str) -> None:
    assert _read(text, context)[1]


# "30 ngày" beside a window a month long: how a month is told in days.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("trong 30 ngày (từ 10/3 đến 10/4)", f"{YEAR}-04-10"),
        ("trong vòng 30 ngày (từ ngày 15/10 đến ngày 14/11)", f"{YEAR}-11-14"),
        ("Trong 30 ngày, từ 1/7 đến 31/7", f"{YEAR}-07-31"),
        ("- Thu nhận trong thời gian 30 ngày (từ 20/9 đến 20/10);", f"{YEAR}-10-20"),
    ],
)
def test_thirty_days_beside_a_month_long_window(text: str, due: str) -> None:
    got, review = _read(text)
    assert got == [due]
    if not text.startswith("-"):
        assert not review


@pytest.mark.parametrize(
    "text",
    [
        "trong 30 ngày (từ 10/3 đến 25/4)",  # forty-seven days: the count disagrees
        "trong 30 ngày (từ 31/1 đến 28/2)",
        "trong 20 ngày (từ 10/3 đến 10/4)",
    ],
)
def test_a_count_that_disagrees_with_its_window_still_flags(text: str) -> None:
    assert _read(text)[1]


# The day of the month before a monthly meeting ("phiên họp"): each month's day.
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("chậm nhất ngày 20 của tháng trước tháng tổ chức phiên họp", 20),
        ("Trước ngày 15 tháng trước tháng diễn ra phiên họp thường kỳ.", 15),
        ("gửi trước ngày 18 của tháng trước tháng họp phiên họp thường kỳ hằng tháng", 18),
    ],
)
def test_a_day_of_the_month_before_a_monthly_meeting(text: str, day: int) -> None:
    assert _read(text) == ([f"{YEAR}-{m:02d}-{day:02d}" for m in range(1, 13)], False)


@pytest.mark.parametrize(
    "text",
    [
        "ngày 25 của tháng trước tháng tổ chức kỳ họp",  # a council's session: twice a year
        "chậm nhất ngày 20 của tháng trước tháng tổ chức phiên họp chuyên đề",
        "chậm nhất ngày 30 của tháng trước tháng tổ chức phiên họp",  # some months lack it
    ],
)
def test_a_month_before_another_meeting_still_flags(text: str) -> None:
    assert _read(text)[1]


# "định kỳ" beside a window of days with no month: each month's window.
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("định kỳ từ ngày 3 đến ngày 9", 9),
        ("Định kỳ theo lịch, từ ngày 1 đến ngày 7.", 7),
        ("kiểm tra định kỳ từ 10-15", 15),
        ("- định kỳ, từ ngày 12 đến ngày 18;", 18),
    ],
)
def test_periodic_days_without_a_month_are_monthly(text: str, day: int) -> None:
    assert _read(text) == ([f"{YEAR}-{m:02d}-{day:02d}" for m in range(1, 13)], False)


@pytest.mark.parametrize(
    "text",
    [
        "định kỳ từ ngày 1 đến ngày 10 hằng quý",  # the quarter's days
        "định kỳ từ ngày 1 đến ngày 10, hằng năm",
        "định kỳ từ ngày 1 đến ngày 10 mỗi tuần",
        "định kỳ từ ngày 1 đến ngày 10 quý đầu",
        "định kỳ từ ngày 3 đến ngày 9 tháng 5",  # one month's window
        "định kỳ từ ngày 3 đến ngày 9 âm lịch",
        "định kỳ từ ngày 20 đến ngày 30",  # some months lack the 30th
    ],
)
def test_periodic_days_of_another_period_still_flag(text: str) -> None:
    assert _read(text)[1]


# A day moved to the next week when it falls on a day off: the clause is no weekday cadence.
@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "thứ Năm tuần thứ 2 hằng tháng, nếu trùng ngày nghỉ lễ thì tiếp vào thứ Năm của "
            "tuần tiếp theo",
            f"{YEAR}-01-08",
        ),
        (
            "Ngày 12 hằng tháng (trường hợp trùng vào ngày nghỉ, lễ thì làm vào ngày làm việc "
            "đầu tiên của tuần kế tiếp)",
            f"{YEAR}-01-12",
        ),
    ],
)
def test_a_move_to_the_next_week_keeps_the_monthly_day_and_flags(text: str, first: str) -> None:
    got, review = _read(text)
    assert len(got) == 12
    assert got[0] == first
    assert review  # a holiday mid-week moves to the next week, not the next working day


@pytest.mark.parametrize(
    "text",
    [
        "ngày 10 hằng tháng (trường hợp trùng vào thứ Bảy, Chủ nhật thì vào ngày làm việc đầu "
        "tiên của tuần sau)",
        "Ngày 20 hằng tháng; nếu rơi vào Chủ nhật thì chuyển sang ngày làm việc đầu tiên của "
        "tuần kế tiếp",
    ],
)
def test_a_weekend_moved_to_the_next_weeks_first_working_day_is_the_next_working_day(
    text: str,
) -> None:
    result = parse_timing(text, year=YEAR)
    assert not result.review
    assert [r.holiday_policy for r in result.rules] == ["next"]
    assert len(reading(result.rules, YEAR)) == 12


# A bare moment with its hour, then "chậm nhất" and a later one: one window, due at the second.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("8h ngày 3/6/2026 chậm nhất 16h ngày 12/6/2026", f"{YEAR}-06-12@16:00"),
        ("Từ 8h ngày 3/6, chậm nhất 16h ngày 12/6", f"{YEAR}-06-12@16:00"),
        ("7h30 ngày 3.6.2026 - Chậm nhất 17h00 ngày 12.6.2026", f"{YEAR}-06-12@17:00"),
        ("9 giờ ngày 3/6, hạn chót 11 giờ ngày 5/6", f"{YEAR}-06-05@11:00"),
    ],
)
def test_an_opening_moment_then_the_latest(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


@pytest.mark.parametrize(
    "text",
    [
        "trước 8h ngày 3/6/2026 chậm nhất 16h ngày 12/6/2026",  # an aim, then the latest
        "Đến 8h ngày 3/6, chậm nhất 16h ngày 12/6",
        "lúc 8h ngày 3/6, chậm nhất 16h ngày 12/6",
        "Ngày 2/5, chậm nhất ngày 10/5",  # no hour: an aim as likely as an opening
        "16h ngày 12/6 chậm nhất 8h ngày 3/6",  # the latest before the first
    ],
)
def test_an_aim_or_a_dayless_first_still_flags(text: str) -> None:
    assert _read(text)[1]


# "giai đoạn YYYY-YYYY": a plan's period of years, one window due at its last year's end.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("giai đoạn 2027-2031", "2031-12-31"),
        ("Giai đoạn 2026 – 2028", "2028-12-31"),
        ("trong giai đoạn từ năm 2026 đến năm 2027", "2027-12-31"),
        ("- Cả giai đoạn 2026-2029;", "2029-12-31"),
    ],
)
def test_a_period_of_years(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


@pytest.mark.parametrize(
    # "giai đoạn 1 (2026-2027)" was here (a phase's number before its years, unread then); round
    # fifty labels that wording as the years' window (hfirst50 reads it): the reversed years of
    # a numbered phase stay here.
    "text",
    ["đầu giai đoạn 2026-2030", "giai đoạn 2030-2026", "giai đoạn 1 (2027-2026)"],
)
def test_a_period_of_years_without_its_end_still_flags(text: str) -> None:
    assert _read(text)[1]


# The round-the-clock mark alone in a timing cell: continuous work.
@pytest.mark.parametrize("text", ["- 24/24;", "(24/24)", "24/24, 7/7", "24/24 và 7/7."])
def test_round_the_clock_alone_is_continuous(text: str) -> None:
    assert _read(text) == (["cont"], False)


def test_round_the_clock_beside_a_day_still_flags() -> None:
    assert _read("24/24 ngày 5/6")[1]


# "từ hôm nay (d/m)", "từ đêm nay (d/m) đến …": now, with today's date in brackets.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bắt đầu từ sáng nay (ngày 3/4)", ["cont"]),
        ("kể từ hôm nay (12/5)", ["cont"]),
        ("từ tối nay (5/3) đến hết ngày 9/3", [f"{YEAR}-03-09"]),
        ("Từ đêm nay (14/11), đến ngày 20/11", [f"{YEAR}-11-20"]),
    ],
)
def test_from_now_with_todays_date(text: str, expected: list[str]) -> None:
    assert _read(text) == (expected, False)


@pytest.mark.parametrize(
    "text", ["từ hôm nay (25/10) đến 20/10", "từ hôm nay (25/2) trở đi, trước 30/3"]
)
def test_from_now_that_does_not_fit_still_flags(text: str) -> None:
    assert _read(text)[1]


# "cuối tháng (ngày d/m)": the bracket names which month's last day.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("vào cuối tháng (ngày 30/4)", f"{YEAR}-04-30"),
        ("Cuối tháng (28/2)", f"{YEAR}-02-28"),
        ("nộp cuối tháng (31/12/2027)", "2027-12-31"),
    ],
)
def test_a_months_end_with_its_day_in_brackets(text: str, due: str) -> None:
    got, review = _read(text)
    assert got == [due]
    if not text.startswith("nộp"):
        assert not review


@pytest.mark.parametrize(
    "text", ["vào cuối tháng (ngày 25/4)", "cuối tháng (30/2)", "vào cuối mỗi tháng (30/4)"]
)
def test_a_months_end_with_another_day_still_flags(text: str) -> None:
    assert _read(text)[1]


# A written day, then "trước khi …" with no count: the day is the deadline, the clause says why.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("trước ngày 15/12/2026, trước khi tổng kết năm", f"{YEAR}-12-15"),
        ("Chậm nhất ngày 10/3 - trước khi tổ chức hội nghị", f"{YEAR}-03-10"),
        ("hạn chót 20/11; trước khi họp xét thi đua", f"{YEAR}-11-20"),
    ],
)
def test_a_day_then_before_an_event(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


@pytest.mark.parametrize(
    "text",
    [
        "trước khi tổ chức hội nghị",  # no day: by how much before, unsaid
        "Ngày 15/12, trước khi tổng kết năm",  # no bound on the day
        "trước ngày 15/12 hoặc trước khi tổng kết năm",  # an alternative
    ],
)
def test_before_an_event_without_a_bounded_day_still_flags(text: str) -> None:
    assert _read(text)[1]


# An hour glued to its day by a slash, as typed in a table: that hour of that day.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("(từ 20h/5/6-06h/6/6)", f"{YEAR}-06-06@06:00"),
        ("từ 20h/5/6 đến 6h/6/6", f"{YEAR}-06-06@06:00"),
        ("Trước 17h/15/4", f"{YEAR}-04-15@17:00"),
        ("(21h/4/5 - 5h/5/5)", f"{YEAR}-05-05@05:00"),
    ],
)
def test_an_hour_slashed_to_its_day(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


def test_slashed_moments_out_of_order_still_flag() -> None:
    assert _read("(từ 19h/28/3-07h/27/3)")[1]


# A written day then, past a comma, a count before an event: one deadline said twice, or two.
@pytest.mark.parametrize(
    "text",
    [
        "trước ngày 15/12, trước khi tổng kết năm 3 ngày",
        "chậm nhất ngày 15/12, 3 ngày trước khi tổng kết năm",
        "Hạn chót 2/10 - 5 ngày làm việc trước khi khai mạc hội nghị",
    ],
)
def test_a_day_then_a_count_before_an_event_flags(text: str) -> None:
    assert _read(text)[1]


# The task's own words may name the period the cell leaves unsaid.
@pytest.mark.parametrize(
    ("context", "text"),
    [
        ("Báo cáo quý gửi Sở định kỳ hằng quý", "định kỳ từ ngày 1 đến ngày 5"),
        ("Kỳ họp thường lệ của HĐND", "chậm nhất ngày 20 của tháng trước tháng tổ chức phiên họp"),
        ("Phiên họp chuyên đề về quy hoạch", "Trước ngày 12 tháng trước tháng tổ chức phiên họp"),
        ("Tiếp nhận đơn thư của công dân", "Không quá 5 ngày làm việc kể từ ngày tiếp nhận"),
    ],
)
def test_a_task_naming_another_period_or_thing_keeps_the_flag(context: str, text: str) -> None:
    assert _read(text, context)[1]


def test_a_task_naming_no_other_period_keeps_the_monthly_meeting() -> None:
    got, review = _read(
        "chậm nhất ngày 20 của tháng trước tháng tổ chức phiên họp",
        context="Chuẩn bị đề án trình Chính phủ",
    )
    assert (len(got), review) == (12, False)


# ----- second sweep (hsweep2)


# A range's first day or month with its year after "năm": the same day, the range read whole.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("từ ngày 3/4 năm 2026 đến ngày 18/5/2026", "2026-05-18"),
        ("Thực hiện từ 10/2 năm 2026 đến hết 27/2 năm 2026", "2026-02-27"),
        ("từ tháng 2 năm 2026 đến ngày 25 tháng 9 năm 2026", "2026-09-25"),
        ("Triển khai từ tháng 7 năm 2026 đến tháng 10 năm 2026", "2026-10-31"),
    ],
)
def test_a_range_start_with_its_year_after_nam(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


@pytest.mark.parametrize(
    "text",
    [
        "từ tháng 4 năm 2025 đến ngày 11/9/2026",  # two years: one window, or a start?
        "từ tháng 4 năm 2026 đến hết năm 2027",
    ],
)
def test_a_range_start_with_another_year_still_flags(text: str) -> None:
    assert _read(text)[1]


# "những ngày" is "các ngày".
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("trong những ngày cuối tháng 4", "2026-04-30"),
        ("Những ngày cuối tháng 11", "2026-11-30"),
        ("tổ chức vào những ngày cuối tháng 9/2026", "2026-09-30"),
    ],
)
def test_nhung_ngay_as_cac_ngay(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


def test_nhung_ngay_dau_thang_still_flags() -> None:
    assert _read("trong những ngày đầu tháng 4")[1]


# "tối thiểu" before a number of times is "ít nhất".
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("tối thiểu 01 lần/năm", [f"{YEAR}-12-31"]),
        ("Tối thiểu một lần/năm", [f"{YEAR}-12-31"]),
        ("tối thiểu 1 lần/năm, trước ngày 14/10", [f"{YEAR}-10-14"]),
    ],
)
def test_toi_thieu_times_as_it_nhat(text: str, due: list[str]) -> None:
    assert _read(text) == (due, False)


def test_toi_thieu_several_times_still_flags() -> None:
    assert _read("tối thiểu 3 lần/năm")[1]


# The stock "unless told otherwise" clause ending the cell changes no day.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "trước ngày 20 tháng 10 hằng năm, trừ trường hợp Sở Nội vụ có hướng dẫn khác",
            "2026-10-20",
        ),
        ("chậm nhất ngày 12/6; trừ trường hợp có quy định khác", "2026-06-12"),
        ("Trước 30/9, trừ khi UBND tỉnh có chỉ đạo khác.", "2026-09-30"),
    ],
)
def test_unless_told_otherwise_dropped(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


@pytest.mark.parametrize(
    "text",
    [
        "trước ngày 12/6, trừ trường hợp thiếu hồ sơ",  # a real case: it may change the day
        "trước ngày 12/6, trừ trường hợp đến ngày 2/6 có hướng dẫn khác",
        "trước ngày 12/6, trừ trường hợp có hướng dẫn khác thì nộp trước 20/6",
    ],
)
def test_other_exceptions_still_flag(text: str) -> None:
    assert _read(text)[1]


# "liên tục" opening a window with its end: the window, due at its end.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("liên tục từ nay đến hết ngày 9/3/2026", "2026-03-09"),
        ("Liên tục từ ngày 4/5 đến ngày 29/5", "2026-05-29"),
        ("liên tục từ 1/8 đến hết 16/8", "2026-08-16"),
    ],
)
def test_a_running_window_due_at_its_end(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


@pytest.mark.parametrize(
    "text",
    [
        "liên tục từ 4/5 đến 29/5, báo cáo trước 2/6",  # a second day: which is the task's?
        "trước ngày 29/5 liên tục",
        "liên tục từ ngày 4/5",  # a start alone: continuous, as before
    ],
)
def test_lien_tuc_elsewhere_unchanged(text: str) -> None:
    got, review = _read(text)
    assert review or got == ["cont"]


# "ngày N (của) tháng tiếp theo / kế tiếp": each month's day N (the month after the one
# reported), when nothing else names a period.
@pytest.mark.parametrize(
    "text",
    [
        "trước ngày 8 của tháng tiếp theo",
        "Chậm nhất ngày 6 tháng kế tiếp",
        "gửi báo cáo trước ngày 12 của tháng liền kề",
    ],
)
def test_day_of_the_following_month_is_monthly(text: str) -> None:
    got, review = _read(text)
    day = next(n for n in (8, 6, 12) if f"ngày {n} " in text)
    assert (got, review) == ([f"{YEAR}-{m:02d}-{day:02d}" for m in range(1, 13)], False)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("hằng quý, trước ngày 8 của tháng tiếp theo", ""),
        ("trước ngày 8 của tháng tiếp theo", "Báo cáo kết quả thực hiện quý"),
        ("trước ngày 8 của tháng tiếp theo", "Báo cáo năm gửi Bộ"),
        ("trước ngày 30 của tháng tiếp theo", ""),  # a day not in every month
        ("trước ngày 8 của tháng sau", ""),  # next month, once?
        ("trước ngày 8 của tháng tiếp theo, lần đầu trước 15/3", ""),
    ],
)
def test_day_of_the_following_month_with_another_period_still_flags(
    text: str, context: str
) -> None:
    assert _read(text, context)[1]


# A length in days, then the longer period it falls in: due at the period's end.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("trong 2 ngày, vào quý IV/2026", "2026-12-31"),
        ("Kéo dài 4 ngày, vào tháng 10", "2026-10-31"),
        ("trong thời gian 05 ngày, vào tháng 8/2026", "2026-08-31"),
    ],
)
def test_a_length_then_its_period(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


@pytest.mark.parametrize(
    "text",
    [
        "trong 2 ngày, vào ngày 3/10",  # which day does the length end?
        "trong 45 ngày, vào quý IV",  # longer than a month
        "trong 2 ngày, vào tháng 10, báo cáo trước 5/11",
    ],
)
def test_a_length_beside_a_day_or_longer_still_flags(text: str) -> None:
    assert _read(text)[1]


# A week's data window, from a weekday of the week before to one of the report's week: weekly.
@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("từ thứ Sáu tuần trước đến thứ Năm tuần báo cáo", 3),
        ("Tính từ thứ Ba tuần trước đến thứ Hai tuần này", 0),
    ],
)
def test_a_week_data_window_is_weekly(text: str, weekday: int) -> None:
    from datetime import date

    got, review = _read(text)
    assert not review
    assert all(date.fromisoformat(d).weekday() == weekday for d in got)
    assert len(got) in (52, 53)


def test_a_weekday_span_without_the_week_before_unchanged() -> None:
    got, review = _read("từ thứ Sáu đến thứ Năm tuần báo cáo")
    assert review or got == ["cont"]


# The year before the plan's, to a day of the report year: one window due at its end.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("từ ngày 1 tháng 12 năm trước đến ngày 30 tháng 11 của năm báo cáo", "2026-11-30"),
        ("Từ ngày 20 của tháng 11 năm trước đến ngày 19 tháng 2 của năm báo cáo", "2026-02-19"),
    ],
)
def test_a_window_from_the_year_before(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


def test_the_year_before_without_the_report_year_still_flags() -> None:
    assert _read("từ ngày 1 tháng 12 năm trước đến ngày 30 tháng 11")[1]


# The same days in each of two months named: a window each.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("vào các ngày từ 8-12 của tháng 4 và tháng 9", ["2026-04-12", "2026-09-12"]),
        ("từ 3-7 tháng 2 và 8", ["2026-02-07", "2026-08-07"]),
    ],
)
def test_the_same_days_of_two_months(text: str, due: list[str]) -> None:
    assert _read(text) == (due, False)


@pytest.mark.parametrize(
    "text",
    [
        "từ 3-7 tháng 2 và tháng 8 hằng năm",  # each year, or this one?
        "từ 25-30 tháng 9 và tháng 2",  # out of order: which year is the second?
    ],
)
def test_the_same_days_of_two_months_with_more_still_flags(text: str) -> None:
    assert _read(text)[1]


# "(trùng (với) <a lunar day>)" beside a day: the same aside as "(tức …)", checked as it is.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("ngày 3/5/2026 (trùng với ngày 17 tháng 3 âm lịch)", ["2026-05-03"]),
        (
            "khai mạc lúc 7h ngày 13/2/2026 (trùng 26 tháng Chạp) và bế mạc lúc 22h ngày 20/2/2026",
            ["2026-02-13@07:00", "2026-02-20@22:00"],  # both moments (after haudit13)
        ),
    ],
)
def test_a_lunar_aside_opened_by_trung(text: str, due: list[str]) -> None:
    assert _read(text) == (due, False)


@pytest.mark.parametrize(
    "text",
    [
        "ngày 3/5/2026 (trùng với ngày 20 tháng 3 âm lịch)",  # not the same day
        "ngày 3/5/2026 (trùng 2 ngày nghỉ)",  # no lunar day
    ],
)
def test_trung_that_is_no_lunar_aside_still_flags(text: str) -> None:
    assert _read(text)[1]


# ----- third sweep (hsweep3)


# "không vượt quá N ngày" is "không quá N ngày"; calendar days less both the holidays and
# the weekends are working days ("không tính ngày lễ và ngày nghỉ cuối tuần").
@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("không vượt quá 6 ngày làm việc kể từ ngày nhận đủ hồ sơ", "rel:ho_so_tiep_nhan:+6w"),
        (
            "Không vượt quá 12 ngày từ khi nhận đủ hồ sơ. (không tính ngày lễ và ngày nghỉ cuối tuần)",
            "rel:ho_so_tiep_nhan:+12w",
        ),
        (
            "trong 9 ngày kể từ ngày nhận hồ sơ hợp lệ (không kể thứ bảy, chủ nhật và ngày lễ)",
            "rel:ho_so_tiep_nhan:+9w",
        ),
        (
            "trong 4 ngày kể từ ngày nhận hồ sơ, không tính ngày nghỉ lễ, Tết và ngày nghỉ hằng tuần",
            "rel:ho_so_tiep_nhan:+4w",
        ),
        (
            "không vượt quá 15 ngày tính từ ngày nhận đủ hồ sơ (trừ ngày lễ, thứ 7, chủ nhật)",
            "rel:ho_so_tiep_nhan:+15w",
        ),
        (
            "trong 3 ngày làm việc kể từ ngày nhận hồ sơ (không tính ngày lễ, ngày nghỉ cuối tuần)",
            "rel:ho_so_tiep_nhan:+3w",
        ),
    ],
)
def test_days_less_holidays_and_weekends_are_working_days(text: str, token: str) -> None:
    assert _read(text) == ([token], False)


@pytest.mark.parametrize(
    "text",
    [
        "trong 12 ngày kể từ ngày nhận hồ sơ hợp lệ (không tính ngày lễ)",  # weekends counted?
        "trong 12 ngày kể từ ngày nhận hồ sơ hợp lệ (không tính thứ bảy, chủ nhật)",  # holidays?
        "vượt quá 6 ngày làm việc kể từ ngày nhận đủ hồ sơ",  # exceeding, not a bound
        "trong 7 ngày kể từ ngày 3/3 (không tính ngày lễ và ngày nghỉ cuối tuần)",  # from a day
    ],
)
def test_days_less_one_kind_of_leave_still_flag(text: str) -> None:
    assert _read(text)[1]


# "N ngày (làm việc) được tính (bắt đầu) kể từ ngày <event>": a count from the event said at
# length, as "kể từ".
@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("trong 9 ngày làm việc được tính kể từ ngày tiếp nhận hồ sơ", "rel:ho_so_tiep_nhan:+9w"),
        (
            "Trong khoảng thời gian 20 ngày làm việc được tính bắt đầu kể từ ngày tiếp nhận đủ hồ sơ",
            "rel:ho_so_tiep_nhan:+20w",
        ),
        ("trong 7 ngày làm việc tính bắt đầu từ ngày tiếp nhận hồ sơ", "rel:ho_so_tiep_nhan:+7w"),
        ("trong 9 ngày bắt đầu kể từ khi nhận được văn bản", "rel:nhan_van_ban:+9c"),
        ("chậm nhất 5 ngày, được tính từ ngày nhận được văn bản", "rel:nhan_van_ban:+5c"),
    ],
)
def test_a_count_from_an_event_said_at_length(text: str, token: str) -> None:
    assert _read(text) == ([token], False)


@pytest.mark.parametrize(
    "text",
    [
        "trong 9 ngày bắt đầu từ ngày nhận được văn bản",  # first day counted or not?
        "trong 9 ngày được tính từ ngày 5/3",  # a written day: its own convention
    ],
)
def test_a_count_begun_on_a_day_still_flags(text: str) -> None:
    assert _read(text)[1]


# "N lần/năm vào tháng A và tháng B": as many times as months named, the months.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("định kỳ 2 lần/năm vào tháng 5 và tháng 11", ["2026-05-31", "2026-11-30"]),
        ("2 lần mỗi năm, vào tháng 3, tháng 9", ["2026-03-31", "2026-09-30"]),
        (
            "định kỳ 3 lần/năm vào tháng 4, tháng 8 và tháng 12",
            ["2026-04-30", "2026-08-31", "2026-12-31"],
        ),
        ("ba lần trong năm vào các tháng 2, 6 và 10", ["2026-02-28", "2026-06-30", "2026-10-31"]),
        ("Định kỳ 2 lần trong năm, trong tháng 1 và tháng 7.", ["2026-01-31", "2026-07-31"]),
    ],
)
def test_times_a_year_in_the_months_named(text: str, due: list[str]) -> None:
    assert _read(text) == (due, False)


@pytest.mark.parametrize(
    "text",
    [
        "định kỳ 3 lần/năm vào tháng 5 và tháng 11",  # three times, two months
        "định kỳ 2 lần/năm vào tháng 11 và tháng 5",  # the next year's May?
        "định kỳ 2 lần/năm vào tháng 5 và tháng 11, trước ngày 10",  # more words after
    ],
)
def test_times_a_year_that_do_not_fit_the_months_still_flag(text: str) -> None:
    assert _read(text)[1]


# "Từ nửa cuối tháng 6-8/2026": a range opened in a half of its first month, due at its end.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Từ nửa cuối tháng 6-8/2026", "2026-08-31"),
        ("Từ nửa đầu tháng 3 đến tháng 5", "2026-05-31"),
        ("từ nửa sau tháng 9 đến hết tháng 11/2026", "2026-11-30"),
        ("Từ nửa cuối tháng 10 - 12", "2026-12-31"),
        ("từ nửa đầu tháng 2 tới tháng 4 năm 2026", "2026-04-30"),
    ],
)
def test_a_range_opened_in_half_a_month(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


@pytest.mark.parametrize(
    "text",
    [
        "Từ nửa cuối tháng 6",  # a start, no end
        "nửa cuối tháng 6-8/2026",  # no "từ": a half of each month?
        "từ nửa cuối tháng 6 - 20/8",  # a month then a day
    ],
)
def test_half_a_month_without_a_range_still_flags(text: str) -> None:
    assert _read(text)[1]


# "(theo giờ làm việc của <office>)": the office's hours in brackets, as "(giờ hành chính)".
@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "từ 8h ngày 3/3 đến 11h ngày 5/3 (theo giờ làm việc của Kho bạc Nhà nước, trừ thứ bảy,"
            " chủ nhật)",
            "2026-03-05@11:00",
        ),
        ("ngày 12/5 (theo giờ làm việc của Ngân hàng Nông nghiệp)", "2026-05-12"),
        ("từ 7h30 ngày 2/10 đến 16h ngày 9/10 (trong giờ làm việc)", "2026-10-09@16:00"),
        ("chậm nhất ngày 14/8 (theo giờ làm việc của cơ quan)", "2026-08-14"),
        ("trước 17 giờ ngày 20/11 (theo giờ làm việc của đơn vị tiếp nhận)", "2026-11-20@17:00"),
    ],
)
def test_office_hours_in_brackets(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


@pytest.mark.parametrize(
    "text",
    [
        "ngày 12/5 (theo giờ làm việc mùa hè)",  # a season's hours
        "ngày 12/5 (theo giờ làm việc của Tuần lễ văn hóa)",  # a name with a period's word
        "ngày 12/5 (theo giờ làm việc của tuần sau)",  # which week?
    ],
)
def test_other_working_hours_still_flag(text: str) -> None:
    assert _read(text)[1]


# A lunar date with its cycle year after "âm lịch", then "tương ứng (với)" its solar days: the
# solar days, checked against the lunar ones as after "tức".
@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "kéo dài từ ngày 1/3 đến 10/3 âm lịch năm Bính Ngọ, tương ứng với khoảng thời gian từ"
            " 17/4 đến 26/4/2026 dương lịch",
            "2026-04-26",
        ),
        ("từ ngày 1/3 đến 10/3 âm lịch, tương ứng từ 17/4 đến 26/4/2026", "2026-04-26"),
        ("ngày 15/8 âm lịch, tương ứng với ngày 25/9/2026", "2026-09-25"),
        ("Từ 8/4 đến 15/4 Âm lịch năm Bính Ngọ, tương ứng với từ 24/5 đến 31/5/2026", "2026-05-31"),
        ("ngày 16/1 âm lịch, tương ứng ngày 4/3/2026", "2026-03-04"),
    ],
)
def test_a_lunar_date_then_its_solar_days(text: str, due: str) -> None:
    assert _read(text) == ([due], False)


@pytest.mark.parametrize(
    "text",
    [
        # the cycle year of 2025, not of the solar days
        "từ ngày 1/3 đến 10/3 âm lịch năm Ất Tỵ, tương ứng với khoảng thời gian từ 17/4 đến"
        " 26/4/2026",
        "từ ngày 1/3 đến 10/3 âm lịch, tương ứng từ 18/4 đến 27/4/2026",  # not the same days
        "ngày 15/8, tương ứng với ngày 25/9/2026",  # no lunar mark
    ],
)
def test_a_lunar_date_and_other_solar_days_still_flag(text: str) -> None:
    assert _read(text)[1]


# A length of N and a half days before the days it is held on: a day and a half over two days,
# two and a half over three; "tổ chức vào", "diễn ra vào" may stand between.
@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("kỳ họp diễn ra trong 1,5 ngày, vào ngày 8, 9/7", ["2026-07-08", "2026-07-09"]),
        ("trong thời gian 1,5 ngày tổ chức vào ngày 8, 9/7", ["2026-07-08", "2026-07-09"]),
        ("trong thời gian 2,5 ngày, từ ngày 14 đến 16/12", ["2026-12-16"]),
        ("trong 2 ngày tổ chức vào ngày 3, 4/11", ["2026-11-03", "2026-11-04"]),
        ("trong thời gian 2 ngày diễn ra vào ngày 27 và 28/10", ["2026-10-27", "2026-10-28"]),
        ("hội nghị trong 0,5 ngày, vào ngày 6/2", ["2026-02-06"]),
    ],
)
def test_a_length_in_half_days_before_its_days(text: str, due: list[str]) -> None:
    assert _read(text) == (due, False)


@pytest.mark.parametrize(
    "text",
    [
        "trong 1,5 ngày, vào các ngày 8, 9, 10/7",  # three days for a day and a half
        "trong 2,5 ngày, từ ngày 14 đến 15/12",  # two days for two and a half
        "trong 3 ngày tổ chức vào ngày 14, 15/12",  # three days, two named
        "trong 1,5 ngày tổ chức vào ngày 14/12",  # one day for a day and a half
    ],
)
def test_a_length_that_does_not_fit_its_days_still_flags(text: str) -> None:
    assert _read(text)[1]
