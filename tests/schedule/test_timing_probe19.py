"""The cell reader (``parse_timing``) on changed dates (nineteenth probing pass, hprobe19).

The convention (``tests/plans/corpus/README.md``, "Occasions and changes"): a changed date is
labelled by what the officer must plan by: the NEW date when the phrase says it plainly, a
review when two dates stand and the words do not say which binds. The reader flagged almost
every change word ("hoãn", "lùi", "dời", "gia hạn", "điều chỉnh", "chuyển sang", "thay vì",
"nghỉ đến", "kéo dài đến") even where the new date is plain.

Each cell was written for this pass (none taken from the corpus) and its expected reading was
worked out from its words before the reader was run on any of them (the plan's year 2026):

- a change word with one date it moves or stretches to ("gia hạn đến hết ngày D", "lùi sang
  ngày D", "dời sang 14 giờ ngày D", "kéo dài đến 17 giờ ngày D", "chuyển sang ngày D", "nghỉ
  học đến hết ngày D"): D (with its hour); to a month or a quarter: its last day;
- an old date and a new one with words that say which is which ("từ ngày A thành ngày B",
  "từ ngày A sang ngày B", "B, thay vì A", "A (hoãn sang B)", "trước A, nay gia hạn đến B",
  "B (lịch cũ là A)"): B;
- REVIEW: a change with no new date ("tạm hoãn", "đến khi có thông báo mới", "thông báo
  sau"), a date that is only the old one ("tạm hoãn kỳ thi ngày D", "hoãn tổ chức vào ngày
  D"), a change only proposed or conditional ("đề nghị lùi", "dự kiến dời", "có thể", "xin
  gia hạn", "nếu …", "trường hợp …"), a change by a count ("lùi 5 ngày"), two new dates
  offered ("sang ngày A hoặc ngày B"), a vague new time ("đầu tháng", "tuần sau").

``settled=False`` where a flag is as right as the reading (an officer might ask).

The property: no cell is read wrong without a flag; at least ``RIGHT_SHARE`` of the cells are
read right.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.plans.corpus.corpus import reading
from tests.schedule.probing import (
    REVIEW,
    Pass,
    Probe,
    day,
)
from tracker.schedule.timing import parse_timing

RIGHT_SHARE = 0.9
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
DAYS = ((14, 3), (2, 7), (23, 2), (11, 5), (6, 11), (19, 8), (27, 10), (8, 6), (21, 1), (3, 9))
# (old, new) pairs: most put off, some brought forward.
PAIRS = (
    ((10, 6), (17, 6)),
    ((15, 5), (22, 5)),
    ((28, 9), (5, 10)),
    ((20, 12), (3, 12)),
    ((4, 4), (18, 4)),
    ((30, 7), (13, 8)),
)
MONTH_END = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def weekday(dom: int, month: int) -> str:
    return WEEKDAYS[date(2026, month, dom).weekday()]


def days_for(i: int, count: int) -> Iterator[tuple[int, int]]:
    for k in range(count):
        yield DAYS[(i + 3 * k) % len(DAYS)]


# Plain: one new date after a change word.
STRETCHES = (
    "Gia hạn nộp hồ sơ đến hết ngày {d}/{m}/2026",
    "Gia hạn thời gian nộp báo cáo đến ngày {d}/{m}",
    "Thời hạn nộp hồ sơ được gia hạn đến hết ngày {d:02d}/{m:02d}/2026",
    "Kéo dài thời gian tiếp nhận hồ sơ đến ngày {d}/{m}",
    "Kéo dài thời gian lấy ý kiến đến hết ngày {d} tháng {m} năm 2026",
    "Tiếp tục gia hạn đến ngày {d}/{m}/2026",
    "Gia hạn thêm đến hết ngày {d}/{m}",
    "Được gia hạn đến ngày {d}/{m}",
    "UBND tỉnh đồng ý gia hạn thời gian hoàn thành đến ngày {d}/{m}/2026",
)
MOVES = (
    "Lùi thời gian tổ chức sang ngày {d}/{m}",
    "Lùi thời hạn nộp báo cáo đến ngày {d}/{m}/2026",
    "Kỳ thi được lùi sang ngày {d}/{m}/2026",
    "Hội nghị được dời sang ngày {d}/{m}",
    "Dời lịch tiếp công dân sang ngày {d}/{m}/2026",
    "Hoãn kỳ họp sang ngày {d}/{m}",
    "Chuyển sang ngày {d}/{m}/2026",
    "Thời gian khai mạc chuyển sang ngày {d:02d}/{m:02d}/2026",
    "Điều chỉnh thời gian tổ chức sang ngày {d}/{m}",
    "Đổi lịch thi sang ngày {d}/{m}",
    "Dời lại đến ngày {d}/{m}",
    "Lịch kiểm tra được điều chỉnh sang ngày {d} tháng {m} năm 2026",
    "Lùi lại sang ngày {d}/{m}",
)


def plain_new_days() -> Iterator[Probe]:
    for i, form in enumerate(STRETCHES):
        for d, m in days_for(i, 4):
            yield Probe(form.format(d=d, m=m), day(m, d), "plain-stretch")
    for i, form in enumerate(MOVES):
        for d, m in days_for(i + 1, 4):
            yield Probe(form.format(d=d, m=m), day(m, d), "plain-move")


HOURS = (
    ("Hội nghị được dời sang {h} giờ ngày {d}/{m}", "{h:02d}:00"),
    ("Kéo dài thời gian tiếp nhận đến {h} giờ ngày {d}/{m}", "{h:02d}:00"),
    ("Gia hạn nộp hồ sơ đến {h}h00 ngày {d}/{m}/2026", "{h:02d}:00"),
    ("Lùi giờ khai mạc sang {h} giờ 30 phút ngày {d}/{m}", "{h:02d}:30"),
    ("Hoãn sang {h}h ngày {d}/{m}/2026", "{h:02d}:00"),
)


def plain_new_hours() -> Iterator[Probe]:
    for i, (form, at) in enumerate(HOURS):
        for j, (d, m) in enumerate(days_for(i + 2, 4)):
            h = (8, 14, 17, 9)[j]
            yield Probe(form.format(h=h, d=d, m=m), day(m, d, at.format(h=h)), "plain-hour")


def dm(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}"


FROM_TO = (
    "Điều chỉnh thời gian thi từ ngày {a} thành ngày {b}",
    "Lùi thời hạn từ ngày {a} sang ngày {b}",
    "Dời lịch họp từ ngày {a} sang ngày {b}",
    "Chuyển thời gian tổ chức từ ngày {a} sang ngày {b}/2026",
    "Thay đổi ngày thi từ {a} thành {b}",
    "Hoãn hội nghị từ ngày {a} sang ngày {b}",
    "Lùi từ ngày {a} sang ngày {b}",
)
INSTEAD = (
    "Tổ chức vào ngày {b}, thay vì ngày {a} như kế hoạch",
    "Khai mạc ngày {b} thay vì ngày {a}",
    "Nộp trước ngày {b} (thay vì ngày {a} như thông báo trước)",
    "Lùi sang ngày {b}, thay vì ngày {a} như dự kiến",
    "Diễn ra vào ngày {b}, thay cho ngày {a}",
    "Ngày {b} (lịch cũ là ngày {a})",
)
OLD_THEN_NEW = (
    ("Trước {a}, nay gia hạn đến {b}", True),
    ("Ngày {a} (hoãn sang ngày {b})", True),
    ("Thời hạn {a} được lùi sang {b}", True),
    ("Hạn cũ {a}, gia hạn đến {b}", True),
    ("Dự kiến {a}, chính thức {b}", False),
)


def old_and_new() -> Iterator[Probe]:
    for i, form in enumerate(FROM_TO):
        for k in range(3):
            old, new = PAIRS[(i + 2 * k) % len(PAIRS)]
            yield Probe(form.format(a=dm(old), b=dm(new)), day(new[1], new[0]), "old-new-from")
    for i, form in enumerate(INSTEAD):
        for k in range(3):
            old, new = PAIRS[(i + 2 * k + 1) % len(PAIRS)]
            yield Probe(form.format(a=dm(old), b=dm(new)), day(new[1], new[0]), "old-new-instead")
    for i, (form, settled) in enumerate(OLD_THEN_NEW):
        for k in range(3):
            old, new = PAIRS[(i + 2 * k) % len(PAIRS)]
            cell = form.format(a=dm(old), b=dm(new))
            yield Probe(cell, day(new[1], new[0]), "old-new-then", settled=settled)


def rests_periods_weekdays() -> Iterator[Probe]:
    for i, form in enumerate(
        (
            "Học sinh nghỉ học đến hết ngày {d}/{m}",
            "Tiếp tục cho học sinh nghỉ học đến ngày {d}/{m}/2026",
            "Nghỉ đến hết ngày {d}/{m}",
        )
    ):
        for d, m in days_for(i + 4, 3):
            yield Probe(form.format(d=d, m=m), day(m, d), "plain-rest")
    for d, m in days_for(5, 3):
        yield Probe(f"Tạm nghỉ đến ngày {d}/{m}", day(m, d), "plain-rest", settled=False)
    for m in (4, 9, 11):
        last = MONTH_END[m]
        yield Probe(f"Lùi sang tháng {m}", day(m, last), "plain-period")
        yield Probe(f"Gia hạn đến hết tháng {m}/2026", day(m, last), "plain-period")
        yield Probe(f"Hoãn sang tháng {m}/2026", day(m, last), "plain-period")
    yield Probe("Dời sang quý III năm 2026", day(9, 30), "plain-period")
    yield Probe("Kéo dài đến hết quý IV", day(12, 31), "plain-period")
    yield Probe("Gia hạn đến hết quý II/2026", day(6, 30), "plain-period")
    for d, m in days_for(6, 3):
        wd = weekday(d, m)
        yield Probe(f"Dời sang {wd}, ngày {d}/{m}/2026", day(m, d), "plain-weekday")
        yield Probe(f"Lùi sang sáng {wd} ({d}/{m})", day(m, d), "plain-weekday")


def plain_with_words_around() -> Iterator[Probe]:
    yield Probe(
        "Thời gian nhận hồ sơ dự tuyển được kéo dài đến 16 giờ 30 ngày 9/10/2026",
        day(10, 9, "16:30"),
        "plain-around",
    )
    yield Probe("Sở Nội vụ thông báo lùi ngày thi viết sang ngày 26/9", day(9, 26), "plain-around")
    yield Probe(
        "Các trường tổ chức khai giảng chuyển sang ngày 7/9/2026", day(9, 7), "plain-around"
    )
    yield Probe(
        "Gia hạn thời hạn kê khai, nộp thuế đến hết ngày 31/7/2026", day(7, 31), "plain-around"
    )
    yield Probe("Kỳ họp thứ 12 hoãn sang ngày 16/12", day(12, 16), "plain-around")
    yield Probe("Thời gian bàn giao được điều chỉnh sang 25/11/2026", day(11, 25), "plain-around")
    yield Probe("Buổi đối thoại dời sang chiều ngày 13/5", day(5, 13), "plain-around")
    yield Probe("Ngày hội tuyển sinh được lùi lại đến ngày 12/4/2026", day(4, 12), "plain-around")
    yield Probe(
        "Hạn chót đăng ký được gia hạn đến 23 giờ 59 phút ngày 15/8",
        day(8, 15, "23:59"),
        "plain-around",
    )
    yield Probe("Phiên tiếp công dân tháng 3 dời sang ngày 24/3", day(3, 24), "plain-around")
    yield Probe(
        "Đề nghị các đơn vị lưu ý: hạn nộp lùi sang ngày 18/11",
        day(11, 18),
        "plain-around",
        settled=False,
    )
    yield Probe("UBND huyện đề nghị tỉnh cho lùi hạn sang ngày 30/10", REVIEW, "review-proposed")
    yield Probe("Có thể dời lịch thi sang 8 giờ ngày 4/7", REVIEW, "review-proposed")
    yield Probe("Dự kiến gia hạn đến hết tháng 10/2026", REVIEW, "review-proposed")


# Reviews.
def no_new_date() -> Iterator[Probe]:
    for cell in (
        "Hoãn đến khi có thông báo mới",
        "Tạm hoãn cho đến khi có thông báo mới",
        "Lùi thời gian tổ chức đến khi dịch bệnh được kiểm soát",
        "Gia hạn đến khi có hướng dẫn mới",
        "Hoãn vô thời hạn",
        "Dời lại, thời gian cụ thể sẽ thông báo sau",
        "Lùi lịch, ngày mới sẽ được thông báo sau",
        "Hoãn tổ chức",
        "Tạm hoãn kỳ họp",
        "Dời lịch họp",
        "Lùi thời hạn nộp báo cáo",
        "Gia hạn thời gian nộp hồ sơ",
        "Điều chỉnh thời gian tổ chức cho phù hợp",
    ):
        yield Probe(cell, REVIEW, "review-no-new")


OLD_ONLY = (
    "Tạm hoãn kỳ thi ngày {d}/{m}",
    "Hoãn hội nghị dự kiến tổ chức ngày {d}/{m}",
    "Hoãn tổ chức vào ngày {d}/{m}/2026",
    "Tạm hoãn phiên họp ngày {d}/{m}/2026",
    "Lùi lịch họp ngày {d}/{m}",
    "Dời lịch từ ngày {d}/{m}",
    "Hủy lịch thi ngày {d}/{m}",
    "Không tổ chức vào ngày {d}/{m} như kế hoạch",
    "Tạm hoãn thời gian khai mạc ngày {d}/{m}",
)
PROPOSED = (
    "Đề nghị lùi thời hạn nộp báo cáo sang ngày {d}/{m}",
    "Đề xuất gia hạn đến ngày {d}/{m}/2026",
    "Kiến nghị dời thời gian tổ chức sang ngày {d}/{m}",
    "Dự kiến dời sang ngày {d}/{m}",
    "Có thể lùi sang ngày {d}/{m}",
    "Có khả năng hoãn sang ngày {d}/{m}",
    "Xin gia hạn đến ngày {d}/{m}/2026",
    "Xem xét gia hạn đến hết ngày {d}/{m}",
    "Trình UBND tỉnh cho phép lùi sang ngày {d}/{m}",
    "Đang xin ý kiến về việc dời sang ngày {d}/{m}",
    "Nếu thời tiết không thuận lợi thì lùi sang ngày {d}/{m}",
    "Trường hợp mưa bão, hoãn sang ngày {d}/{m}",
    "Nếu chưa đủ hồ sơ sẽ gia hạn đến ngày {d}/{m}",
    "Trong trường hợp cần thiết có thể kéo dài đến ngày {d}/{m}",
    "Dự kiến lùi sang ngày {d}/{m}/2026",
    "Có thể được gia hạn đến {d}/{m}",
    "Đề nghị cho phép gia hạn đến hết ngày {d}/{m}",
)


def old_only_and_proposed() -> Iterator[Probe]:
    for i, form in enumerate(OLD_ONLY):
        for d, m in days_for(i, 3):
            yield Probe(form.format(d=d, m=m), REVIEW, "review-old-only")
    for i, form in enumerate(PROPOSED):
        for d, m in days_for(i + 2, 2):
            yield Probe(form.format(d=d, m=m), REVIEW, "review-proposed")


def counts_two_and_vague() -> Iterator[Probe]:
    for cell in (
        "Lùi 5 ngày so với kế hoạch",
        "Gia hạn thêm 15 ngày",
        "Dời lại một tuần",
        "Lùi lại 2 tuần",
        "Gia hạn thêm 10 ngày làm việc",
        "Kéo dài thêm 1 tháng",
        "Hoãn 3 ngày",
        "Hoãn sang tuần sau",
        "Dời sang tuần tới",
    ):
        yield Probe(cell, REVIEW, "review-count")
    for i, form in enumerate(
        (
            "Lùi sang ngày {a} hoặc ngày {b}",
            "Dời sang ngày {a} hoặc {b}",
            "Gia hạn đến ngày {a} hoặc {b} tùy đơn vị",
            "Hoãn sang ngày {a} hay ngày {b} chưa thống nhất",
        )
    ):
        for k in range(2):
            first, second = PAIRS[(i + 3 * k) % len(PAIRS)]
            yield Probe(form.format(a=dm(first), b=dm(second)), REVIEW, "review-two")
    for m in (5, 7, 10):
        yield Probe(f"Lùi sang đầu tháng {m}", REVIEW, "review-vague")
        yield Probe(f"Dời sang giữa tháng {m}/2026", REVIEW, "review-vague")
        yield Probe(f"Hoãn đến trung tuần tháng {m}", REVIEW, "review-vague")


FAMILIES = (
    plain_new_days,
    plain_new_hours,
    old_and_new,
    rests_periods_weekdays,
    plain_with_words_around,
    no_new_date,
    old_only_and_proposed,
    counts_two_and_vague,
)


PASS = Pass(FAMILIES, RIGHT_SHARE)
test_enough_probes = PASS.size_test(300)
test_no_cell_is_read_wrong_without_a_flag, test_most_cells_are_read_right = PASS.tests()


# Unit tests of the rules this pass made, with wordings of its own.
def _read(text: str) -> tuple[bool, tuple[str, ...]]:
    result = parse_timing(text, year=2026)
    return result.review, tuple(reading(result.rules, 2026))


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Gia hạn thời gian đăng ký dự thi đến hết ngày 12/12/2026", day(12, 12)),
        ("Thời hạn kê khai được kéo dài đến 16 giờ ngày 4/3", day(3, 4, "16:00")),
        ("Lễ ra quân được lùi sang sáng ngày 28/2", day(2, 28)),
        ("Dời lịch kiểm tra sang 9 giờ 30 ngày 15/10", day(10, 15, "09:30")),
        ("Phiên họp hoãn sang ngày 20/11/2026", day(11, 20)),
        ("Điều chỉnh thời gian tập huấn sang ngày 6/8", day(8, 6)),
        ("Cán bộ nghỉ học đến hết ngày 9/1", day(1, 9)),
        ("Lùi sang tháng 10/2026", day(10, 31)),
    ],
)
def test_a_plain_move_reads_the_new_date(text: str, expect: tuple[str, ...]) -> None:
    assert _read(text) == (False, expect)


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Dời lịch thi từ ngày 2/6 sang ngày 9/6", day(6, 9)),
        ("Điều chỉnh hạn nộp từ 31/3 thành 15/4", day(4, 15)),
        ("Chuyển thời gian bàn giao từ ngày 1/9 sang ngày 25/8", day(8, 25)),
        ("Lùi thời gian tổ chức từ ngày 3/11 sang ngày 17/11", day(11, 17)),
    ],
)
def test_from_the_old_date_to_the_new_one_after_a_change_word(
    text: str, expect: tuple[str, ...]
) -> None:
    assert _read(text) == (False, expect)


@pytest.mark.parametrize(
    "text",
    [
        # put off to an earlier day: the words and the dates disagree
        "Lùi thời hạn từ ngày 17/11 sang ngày 3/11",
        "Hoãn từ ngày 9/6 sang ngày 2/6",
        # no change word: a moved date or a window? (round thirty-nine)
        "Từ ngày 2/6 sang ngày 9/6",
    ],
)
def test_from_to_without_a_plain_move_still_flags(text: str) -> None:
    assert _read(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Dự kiến dời lịch thi sang ngày 9/6",
        "Đề nghị lùi hạn nộp sang ngày 15/4",
        "Đề xuất điều chỉnh sang ngày 6/8",
        "Xin gia hạn đến hết ngày 12/12",
        "Xem xét hoãn sang ngày 20/11",
        "Có thể dời sang ngày 28/2",
        "Nếu mưa thì lùi sang ngày 28/2",
        "Tạm hoãn đến ngày 20/11",
        "Hoãn đến ngày 20/11",
        "Lùi 5 ngày, sang ngày 28/2",
        "Lùi sang ngày 28/2 hoặc ngày 7/3",
        "Thay đổi thời gian tập huấn đến ngày 6/8",
        "Đổi lịch kiểm tra đến ngày 15/10",
        "Kiểm kê tài sản nghỉ đến ngày 15/10",
    ],
)
def test_a_change_asked_for_conditional_or_unclear_flags(text: str) -> None:
    assert _read(text)[0]


def test_a_dossier_asking_for_an_extension_is_no_proposed_move() -> None:
    text = "Trong 5 ngày làm việc kể từ ngày nhận đủ hồ sơ đề nghị gia hạn giấy phép"
    assert _read(text) == (False, ("rel:ho_so_tiep_nhan:+5w",))


# uv run python -m tests.schedule.test_timing_probe19 [kind …] [--silent]
if __name__ == "__main__":
    PASS.print_misses()
