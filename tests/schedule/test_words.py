"""Schedules said back in Vietnamese: what the import preview shows instead of RRULEs."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.schedule.rules import Rule
from tracker.schedule.words import describe_dates, describe_rule, describe_rules

T = dt.time


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (Rule("deadline", due=dt.date(2022, 8, 31)), "Hạn 31/08/2022"),
        (Rule("deadline", due=dt.date(2026, 9, 10), due_time=T(17)), "Hạn 10/09/2026, hạn 17:00"),
        (Rule("deadline", start=dt.date(2024, 1, 1), due=dt.date(2024, 1, 31)), "Từ 01/01/2024 đến 31/01/2024"),
        (Rule("recurring", rrule="FREQ=WEEKLY;BYDAY=TH", start_time=T(16), due_time=T(16, 15)), "Thứ Năm hằng tuần, 16:00–16:15"),
        (Rule("recurring", rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"), "Thứ Hai 2 tuần một lần"),
        (Rule("recurring", rrule="FREQ=DAILY"), "Hằng ngày"),
        (Rule("recurring", rrule="FREQ=MONTHLY;BYMONTHDAY=5"), "Ngày 5 hằng tháng"),
        (Rule("recurring", rrule="FREQ=MONTHLY;BYMONTHDAY=-1"), "Ngày cuối tháng hằng tháng"),
        (Rule("recurring", rrule="FREQ=MONTHLY;BYDAY=1MO"), "Thứ Hai đầu tiên của tháng, hằng tháng"),
        (Rule("recurring", rrule="FREQ=MONTHLY;BYDAY=-1FR"), "Thứ Sáu cuối cùng của tháng, hằng tháng"),
        (Rule("recurring", rrule="FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=17"), "Hằng quý, ngày 17 tháng cuối quý"),
        (Rule("recurring", rrule="FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=5"), "Hằng quý, ngày 5 tháng đầu quý"),
        (Rule("recurring", rrule="FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"), "Hằng quý, ngày cuối tháng cuối quý"),
        (Rule("recurring", rrule="FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20"), "Ngày 20/11 hằng năm"),
        (Rule("recurring", rrule="FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"), "Ngày cuối các tháng 6, 12 hằng năm"),
        (Rule("recurring", rrule="FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR"), "Định kỳ (xem các hạn bên cạnh)"),
        (Rule("continuous"), "Thường xuyên"),
        (Rule("continuous", start=dt.date(2024, 4, 1)), "Thường xuyên từ 01/04/2024"),
        (Rule("on_demand", event="yeu_cau"), "Khi có yêu cầu đột xuất của cơ quan có thẩm quyền"),
        (Rule("relative", event="qd_cong_bo_tthc", start_offset=5, offset=7), "5–7 ngày sau khi có quyết định công bố danh mục thủ tục hành chính"),
        (Rule("relative", event="ho_so_tiep_nhan", offset=10, days="working"), None),
        (Rule("relative", event="huong_dan_cap_tren"), "Khi có hướng dẫn, chỉ đạo của cấp trên"),
    ],
)  # fmt: skip
def test_rules_in_words(rule: Rule, words: str | None) -> None:
    said = describe_rule(rule)
    if words is None:  # the event's own label, whatever it is: the count is what matters
        assert said.startswith("10 ngày làm việc sau khi có ")
    else:
        assert said == words
    assert "FREQ" not in said
    assert "_" not in said


def test_repeats_are_said_once_and_dates_are_shortened() -> None:
    rule = Rule("continuous")
    assert describe_rules([rule, rule]) == "Thường xuyên"
    days = [dt.date(2026, m, 17) for m in (3, 6, 9, 12)]
    assert describe_dates(days) == "17/03/2026, 17/06/2026, 17/09/2026, 17/12/2026"
    weekly = [dt.date(2026, 1, 1) + dt.timedelta(weeks=n) for n in range(52)]
    assert describe_dates(weekly).endswith(", … (52 hạn)")
    assert describe_dates([]) == ""
