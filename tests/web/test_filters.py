"""The words pages use for schedules that have no dated occurrence of their own."""

from __future__ import annotations

from tracker.web.filters import describe_rules


def test_schedules_without_dates_are_named_in_vietnamese() -> None:
    rules = [
        {"kind": "continuous", "key": "r1"},
        {"kind": "continuous", "key": "r2", "start": "2024-04-01"},
        {"kind": "on_demand", "key": "r3", "event": "yeu_cau"},
        {"kind": "relative", "key": "r4", "event": "tap_huan", "offset": -1},
        {"kind": "deadline", "key": "r5", "due": "2024-06-30"},
    ]
    assert describe_rules(rules) == (
        "Thường xuyên; Thường xuyên từ 01/04/2024; "
        "Khi có yêu cầu đột xuất của cơ quan có thẩm quyền; "
        "1 ngày trước khi có cấp trên tổ chức tập huấn, bồi dưỡng, hội nghị, hội thảo"
    )
    assert describe_rules([]) == ""
