"""The cell reader (``parse_timing``) on the classes of wording it missed at FIRST SIGHT in round
fifty-one of the corpus (hfirst51): a count from a written thing received (a declaration, a form,
a list, a letter, anything "bằng văn bản"), a round named before its reading with the task's
words between, "(dương lịch)" after a date, a start at a day named before its date, a window of
days on a quarter's month or on every month, and "từ" typed twice before a day.

Every cell was written for this file, none taken from the corpus; each expected reading was
worked out from the words (the plan's year 2025 unless the cell names one) before the reader was
run. The near wordings whose words change the meaning (a dossier, a petition, money or goods
received; a round after its subject, with a doubt or a change; a lunar feast's date; a start at
an hour; a window that runs backwards; "từ từ" as "slowly") MUST keep their kind or flag.
"""

from __future__ import annotations

import pytest

from tests.schedule.probing import read_cell

YEAR = 2025


def _read(text: str) -> tuple[str, bool, str]:
    return read_cell(text, YEAR)


# Class 1: "kể từ ngày nhận (được) <a written thing>" is a text received, whatever the thing
# (a declaration, a form, a list, a statement, a letter, a paper that certifies, an invoice,
# anything given "bằng văn bản"), at the cell's end, before the sender's words, after the
# receiver's, or after "sau khi".
WRITTEN_THINGS = [
    ("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được tờ khai", "rel:nhan_van_ban:+5w"),
    (
        "chậm nhất 10 ngày kể từ ngày cơ quan thuế nhận được tờ khai quyết toán",
        "rel:nhan_van_ban:+10c",
    ),
    ("15 ngày kể từ ngày nhận được danh sách đề nghị", "rel:nhan_van_ban:+15c"),
    ("Trong 3 ngày làm việc, kể từ ngày nhận được bảng kê", "rel:nhan_van_ban:+3w"),
    (
        "không quá 20 ngày kể từ ngày nhận được bản tự kiểm điểm của cán bộ",
        "rel:nhan_van_ban:+20c",
    ),
    ("trong vòng 07 ngày kể từ ngày nhận được thư của công dân", "rel:nhan_van_ban:+7c"),
    ("05 ngày làm việc kể từ khi nhận được giấy xác nhận", "rel:nhan_van_ban:+5w"),
    (
        "trong thời hạn 10 ngày kể từ ngày nhận được ý kiến bằng văn bản của Sở",
        "rel:nhan_van_ban:+10c",
    ),
    ("Sau 30 ngày kể từ ngày nhận được bản đăng ký", "rel:nhan_van_ban:+30c"),
    ("trong 2 ngày làm việc kể từ ngày tiếp nhận danh sách", "rel:nhan_van_ban:+2w"),
    ("trong 5 ngày kể từ ngày nhận được hóa đơn", "rel:nhan_van_ban:+5c"),
    (
        "Trong thời hạn 10 ngày làm việc kể từ ngày nhận được bản giải trình",
        "rel:nhan_van_ban:+10w",
    ),
    (
        "Thời hạn trả lời là 05 ngày làm việc kể từ ngày nhận được tờ khai của người nộp thuế",
        "rel:nhan_van_ban:+5w",
    ),
    ("kể từ ngày Chi cục Thuế nhận được bảng kê, trong 10 ngày", "rel:nhan_van_ban:+10c"),
    ("Chậm nhất 03 ngày làm việc sau khi nhận được danh sách", "rel:nhan_van_ban:+3w"),
    ("trong 7 ngày kể từ ngày nhận được thư góp ý", "rel:nhan_van_ban:+7c"),
]
# What is received and is no such text keeps its own kind: a dossier, papers of a file, a
# petition (even in writing), money, goods, a handover; and our own act of sending a list.
OTHER_THINGS_RECEIVED = [
    ("trong 5 ngày làm việc kể từ ngày nhận được hồ sơ kê khai", "rel:ho_so_tiep_nhan:+5w"),
    ("10 ngày kể từ ngày nhận đủ giấy tờ", "rel:ho_so_tiep_nhan:+10c"),
    ("trong 10 ngày kể từ ngày nhận được kiến nghị bằng văn bản", "rel:pakn_tiep_nhan:+10c"),
    ("trong 10 ngày kể từ ngày nhận được phản ánh bằng văn bản", "rel:pakn_tiep_nhan:+10c"),
    ("trong vòng 30 ngày kể từ khi nhận tiền bồi thường", "rel:su_kien:+30c"),
    ("07 ngày kể từ ngày nhận bàn giao mặt bằng", "rel:su_kien:+7c"),
    ("15 ngày kể từ ngày nhận được hàng", "rel:su_kien:+15c"),
    ("trong 5 ngày kể từ ngày gửi danh sách", "rel:su_kien:+5c"),
]


@pytest.mark.parametrize(("text", "expected"), WRITTEN_THINGS)
def test_a_count_from_a_written_thing_received(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize(("text", "expected"), OTHER_THINGS_RECEIVED)
def test_other_things_received_keep_their_kind(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


# Class 2: a round opening the cell or a clause, the task's words, then its reading: that
# reading (the lead's "Rounds of the work"); "(dương lịch)" after a date is the date as written.
ROUNDS_BEFORE_THEIR_READING = [
    ("Đợt 2 thu hoạch lúa dứt điểm trước ngày 20/12", "2025-12-20"),
    ("Lần 3 rà soát hộ nghèo trước ngày 15/11", "2025-11-15"),
    ("- Đợt 1 tiêm vắc xin cho đàn bò từ ngày 1/3 đến ngày 15/3", "2025-03-15"),
    ("Đợt 1 gieo sạ trước 10/12; đợt 2 gieo sạ trước ngày 30/12", "2025-12-10 2025-12-30"),
    ("Lần 2: kiểm tra chậm nhất ngày 5/9", "2025-09-05"),
    ("Lần 2 nộp báo cáo vào ngày 30/6", "2025-06-30"),
    ("Kiểm tra; đợt 2 xuống giống lúa trước ngày 5/1", "2025-01-05"),
    ("Đợt 4 xuống giống trên cánh đồng lớn trước ngày 8/2/2025 (dương lịch)", "2025-02-08"),
    ("trước ngày 20/4/2025 (dương lịch)", "2025-04-20"),
    ("ngày 10/10 (theo dương lịch)", "2025-10-10"),
    ("ngày 12/11 (DL)", "2025-11-12"),
]
ROUNDS_THAT_FLAG = [
    "UBND xã lần 2 tổ chức kiểm tra trước ngày 15/3",  # a round after the subject
    "Lần 2 nếu chưa đạt thì nộp lại trước ngày 15/3",  # a condition
    "Đợt 2 có thể tiêm trước ngày 15/3",  # a doubt
    "Đợt 2 dời lịch tiêm trước ngày 15/3",  # a change
    "Đợt 2 và đợt 3 nộp trước ngày 15/3",  # two rounds, one day
    "Trước 15/3 đợt 2 gieo sạ",  # a round after a reading (hlan)
    "ngày 15/1/2025 (âm lịch)",  # the lunar calendar's name: a lunar date
    "Đợt 3 gieo sạ trước ngày 15/1 (dương lịch, nếu trời thuận)",
]


@pytest.mark.parametrize(("text", "expected"), ROUNDS_BEFORE_THEIR_READING)
def test_a_round_before_its_reading_with_the_tasks_words(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", ROUNDS_THAT_FLAG)
def test_a_round_with_doubt_or_elsewhere_flags(text: str) -> None:
    assert _read(text)[1]


# Class 3: a start at a day named before its date is a start at that date (continuous work), or
# a window's start when an end follows; a lunar feast's name, an hour, an occasion or a name in
# small letters flag.
STARTS_AT_A_NAMED_DAY = [
    ("bắt đầu từ ngày Quốc tế Phụ nữ 8/3", "cont"),
    ("Từ ngày Quốc khánh 2/9/2025", "cont"),
    ("kể từ ngày Nhà giáo Việt Nam 20/11", "cont"),
    ("bắt đầu từ ngày Thương binh Liệt sĩ 27/7", "cont"),
    ("Tuyên truyền bắt đầu từ ngày Quốc tế Phụ nữ 8/3", "cont"),
    ("từ ngày Quốc tế Lao động 1/5 đến ngày 5/5", "2025-05-05"),
    ("Tổ chức từ ngày Quốc khánh 2/9 đến ngày 10/9", "2025-09-10"),
]
NAMED_DAYS_THAT_FLAG = [
    "từ ngày Giỗ Tổ Hùng Vương 10/3",
    "ngày Giỗ Tổ Hùng Vương 10/3",
    "trước ngày Giỗ Tổ Hùng Vương 10/3",
    "ngày Vu Lan 15/7",
    "trước ngày Tết Trung thu 15/8",
    "bắt đầu từ ngày Quốc tế Phụ nữ 8/3 lúc 7 giờ 30",
    "từ dịp Quốc khánh 2/9",
    "từ ngày hội 1/6",
    # an office, a text or a meeting before the date is no day of the calendar
    "từ ngày UBND xã 15/3",
    "kể từ ngày Quyết định 15/3 được ký",
    "từ ngày Đại hội 20/10",
]


@pytest.mark.parametrize(("text", "expected"), STARTS_AT_A_NAMED_DAY)
def test_a_start_at_a_named_day(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", NAMED_DAYS_THAT_FLAG)
def test_a_lunar_feast_an_hour_or_an_occasion_flags(text: str) -> None:
    assert _read(text)[1]


# Class 4: a window of days on a quarter's month, or on every month, is due on its last day.
WINDOWS_ON_A_PERIOD = [
    ("từ ngày 20 đến ngày 28 của tháng cuối quý", "2025-03-28 2025-06-28 2025-09-28 2025-12-28"),
    ("Từ ngày 1 đến hết ngày 5 tháng đầu quý", "2025-01-05 2025-04-05 2025-07-05 2025-10-05"),
    (
        "bắt đầu từ ngày 10 đến ngày 15 của tháng giữa quý",
        "2025-02-15 2025-05-15 2025-08-15 2025-11-15",
    ),
    (
        "từ ngày 26 đến ngày cuối cùng của tháng cuối quý",
        "2025-03-31 2025-06-30 2025-09-30 2025-12-31",
    ),
    (
        "hằng quý, từ ngày 1 đến ngày 5 của tháng đầu quý",
        "2025-01-05 2025-04-05 2025-07-05 2025-10-05",
    ),
    (
        "Báo cáo từ ngày 21 đến ngày 28 của tháng cuối quý",
        "2025-03-28 2025-06-28 2025-09-28 2025-12-28",
    ),
    ("từ ngày 1 đến ngày 10 của mỗi tháng", " ".join(f"2025-{m:02d}-10" for m in range(1, 13))),
    ("từ ngày 20 đến hết ngày 25 của tháng", " ".join(f"2025-{m:02d}-25" for m in range(1, 13))),
]
WINDOWS_THAT_FLAG = [
    "từ ngày 20 đến ngày 10 của tháng cuối quý",  # runs backwards
    "từ ngày 25 của tháng cuối quý",  # a start, no end
    "từ ngày 1 đến ngày 10 hằng quý",  # which month of the quarter?
    "từ ngày 1 đến ngày 10 của tháng sau",  # the month after which?
]


@pytest.mark.parametrize(("text", "expected"), WINDOWS_ON_A_PERIOD)
def test_a_window_on_a_cadences_period_is_due_at_its_end(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", WINDOWS_THAT_FLAG)
def test_a_window_with_no_clear_period_flags(text: str) -> None:
    assert _read(text)[1]


# Class 5: "từ" typed twice right before a day is one "từ"; "từ từ" before anything else, or
# three times, is left (flagged where unread).
FROM_TWICE = [
    ("từ từ ngày 5/3", "cont"),
    ("Từ từ 5/3 đến 10/3", "2025-03-10"),
    ("từ từ ngày 2/6 đến ngày 6/6/2025", "2025-06-06"),
    ("Thực hiện từ từ ngày 5/3", "cont"),
]
FROM_TWICE_THAT_FLAGS = [
    "giảm từ từ từ ngày 5/3",
    "từ từ tháng 3",
    "tăng từ từ",
]


@pytest.mark.parametrize(("text", "expected"), FROM_TWICE)
def test_from_typed_twice_before_a_day(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


@pytest.mark.parametrize("text", FROM_TWICE_THAT_FLAGS)
def test_slowly_or_from_thrice_flags(text: str) -> None:
    assert _read(text)[1]
