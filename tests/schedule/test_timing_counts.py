"""Counts of days from an event: which word leads the count (hcount), and task clauses split by
the task's own words.

Every phrase here was written for this pass (none taken from the corpus). The plan's year is 2026.

- A count forward from an event led by a cap ("trong", "trong vòng", "trong thời hạn", "chậm
  nhất", "không quá", "tối đa") or by nothing is due on the event's day plus N; so is a bare "sau
  N ngày kể từ …" standing alone at its clause's start (the corpus's house reading, kept).
- A floor before it ("ít nhất", "tối thiểu", "sớm nhất", "không sớm hơn", "không ít hơn",
  "không dưới", or "sau ít nhất") gives the earliest day the work may be done: it flags.
- A bare "sau N ngày" after the task's own words in its clause ("Kiểm tra … sau 05 ngày làm
  việc kể từ …") may be on that day, by it or from it on: it flags.
- A floor before a count back from an event ("ít nhất 10 ngày trước ngày bầu cử") is a
  deadline, as before.
- The task's own words (``reader._TASK_WORDS``) between unread words, before a reading ("Tổ
  chức kiểm tra … trước ngày …"), or at the cell's start before them ("Khám sức khỏe cho …
  trước ngày …"), make one task clause with them.
"""

from __future__ import annotations

import pytest

from tracker.schedule.timing import parse_timing

YEAR = 2026


def _relative(text: str) -> tuple[bool, list[tuple[str | None, int | None, str | None]], str]:
    result = parse_timing(text, year=YEAR)
    rels = [(r.event, r.offset, r.days) for r in result.rules if r.kind == "relative"]
    return result.review, rels, result.reason


@pytest.mark.parametrize(
    ("text", "event", "offset", "days"),
    [
        ("Trong 07 ngày kể từ ngày nhận được công văn", "nhan_van_ban", 7, "calendar"),
        ("trong vòng 12 ngày làm việc kể từ ngày nhận đủ hồ sơ", "ho_so_tiep_nhan", 12, "working"),
        (
            "Trong thời hạn 04 ngày làm việc tính từ ngày nhận được đơn",
            "nhan_van_ban",
            4,
            "working",
        ),
        ("chậm nhất 9 ngày sau ngày kết thúc đợt kiểm tra", "ket_thuc", 9, "calendar"),
        ("Không quá 11 ngày kể từ ngày ký quyết định", "ky_van_ban", 11, "calendar"),
        ("08 ngày làm việc kể từ ngày nhận được tờ trình", "nhan_van_ban", 8, "working"),
        ("trong vòng sáu (06) ngày kể từ ngày nhận được giấy mời", "nhan_van_ban", 6, "calendar"),
        # The house reading of a bare "sau N ngày kể từ …" alone, kept.
        ("Sau 09 ngày làm việc kể từ ngày nhận được phiếu đề nghị", "nhan_van_ban", 9, "working"),
        ("sau 13 ngày kể từ ngày ký ban hành quyết định", "ky_van_ban", 13, "calendar"),
        ("sau tám (08) ngày kể từ khi nhận được công văn", "nhan_van_ban", 8, "calendar"),
        ("Sau 06 ngày tính từ ngày kết thúc hội nghị", "ket_thuc", 6, "calendar"),
        # A floor before a count back from an event is a deadline.
        ("ít nhất 12 ngày trước ngày bầu cử", "bau_cu", -12, "calendar"),
        ("tối thiểu là 06 ngày làm việc trước ngày mở phiên đấu giá", "su_kien", -6, "working"),
    ],
)
def test_a_cap_or_a_bare_count_reads_the_deadline(
    text: str, event: str, offset: int, days: str
) -> None:
    review, rels, reason = _relative(text)
    assert not review, reason
    assert rels == [(event, offset, days)]


@pytest.mark.parametrize(
    "text",
    [
        "sau ít nhất 08 ngày kể từ ngày nhận đủ hồ sơ",
        "Sau ít nhất 03 ngày làm việc kể từ khi nhận được văn bản",
        "ít nhất 14 ngày kể từ ngày niêm yết danh sách",
        "Ít nhất là 21 ngày tính từ ngày công bố dự thảo",
        "tối thiểu 09 ngày kể từ ngày đăng thông báo",
        "tối thiểu sau 02 ngày kể từ ngày chốt danh sách",
        "sớm nhất sau 11 ngày kể từ ngày ký quyết định",
        "Sớm nhất là 05 ngày làm việc kể từ ngày nhận được hồ sơ",
        "không sớm hơn 10 ngày kể từ ngày họp",
        "Không sớm hơn năm (05) ngày làm việc kể từ ngày nhận được đơn",
        "không ít hơn 20 ngày tính từ ngày niêm yết",
        "không dưới 15 ngày kể từ ngày công khai",
        "sau khi kết thúc đợt tập huấn ít nhất 06 ngày",
        "Tổ chức đối thoại ít nhất 07 ngày kể từ ngày nhận được kiến nghị",
    ],
)
def test_a_floor_before_a_count_forward_flags_as_an_earliest_day(text: str) -> None:
    review, rels, reason = _relative(text)
    assert review
    assert "sớm nhất" in reason, reason
    assert rels
    assert all(offset and offset > 0 for _, offset, _ in rels)


@pytest.mark.parametrize(
    "text",
    [
        "Kiểm tra vệ sinh môi trường sau 04 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "Tổ chức nghiệm thu công trình sau 10 ngày kể từ ngày hoàn thành thi công",
        "UBND xã công khai kết quả sau 3 ngày kể từ ngày họp xét",
        "Trả kết quả cho công dân sau 07 ngày làm việc tính từ ngày nhận hồ sơ",
        "Bàn giao mặt bằng sau mười (10) ngày kể từ ngày ký biên bản",
        "Niêm yết danh sách sau từ 3 đến 5 ngày kể từ ngày họp",
        "Phòng Tư pháp thẩm định sau 05 ngày kể từ khi nhận được dự thảo",
    ],
)
def test_a_bare_sau_after_the_task_s_words_flags(text: str) -> None:
    review, rels, reason = _relative(text)
    assert review
    assert "sau lời của việc" in reason, reason
    assert rels


@pytest.mark.parametrize(
    "text",
    [
        # A cap after the task's words is still a cap.
        "Kiểm tra vệ sinh môi trường trong 04 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "Trả kết quả cho công dân chậm nhất sau 07 ngày làm việc kể từ ngày nhận hồ sơ",
        # A count after a clause break starts its own clause.
        "Tổ chức họp xét; sau 06 ngày kể từ ngày họp xét",
    ],
)
def test_a_cap_after_the_task_s_words_or_a_new_clause_is_no_bare_sau(text: str) -> None:
    _, rels, reason = _relative(text)
    assert "sau lời của việc" not in reason
    assert rels


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # Unread words, the task's own words, unread words, then the reading: one clause.
        ("Tổ chức kiểm tra an toàn lao động trước ngày 20/8", "2026-08-20"),
        ("Phòng Kinh tế phối hợp kiểm tra cơ sở sản xuất trước ngày 30/9", "2026-09-30"),
        ("Xây dựng kế hoạch giám sát dịch bệnh trước ngày 10/5", "2026-05-10"),
        # At the cell's start, work done, then unread words.
        ("Khám sức khỏe cho học sinh tiểu học trước ngày 30/9", "2026-09-30"),
        ("Tiêm phòng cho trâu, bò trước ngày 25/4", "2026-04-25"),
        ("Kiểm tra cơ sở sản xuất kinh doanh trước ngày 15/11", "2026-11-15"),
    ],
)
def test_task_words_inside_unread_words_make_one_task_clause(text: str, due: str) -> None:
    result = parse_timing(text, year=YEAR)
    assert not result.review, result.reason
    assert [str(r.due) for r in result.rules] == [due]


@pytest.mark.parametrize(
    "text",
    [
        # A word that changes the reading inside the joined clause still flags.
        "Hoãn kiểm tra cơ sở sản xuất trước ngày 15/11",
        "Tổ chức kiểm tra cơ sở sản xuất không trước ngày 15/11",
        "Tổ chức giám sát dịch bệnh nếu cần trước ngày 10/5",
        "Tạm dừng tiêm phòng cho trâu, bò trước ngày 25/4",
        # A rule's scope: the day picks the papers, it is no deadline.
        "áp dụng cho các đơn nộp trước ngày 12/3/2026",
        # A timing word inside the joined clause.
        "Tổ chức kiểm tra hằng tháng cơ sở sản xuất trước ngày 15/11",
    ],
)
def test_a_joined_clause_with_a_change_a_scope_or_a_timing_word_flags(text: str) -> None:
    assert parse_timing(text, year=YEAR).review
