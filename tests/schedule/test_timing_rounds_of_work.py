"""The cell reader (``parse_timing``) on a round of the work named after a reading (hlan): "lần
2", "lần thứ hai", "đợt 3", "lượt 2", "kỳ 2", "vòng 2", "giai đoạn 2" right after a day, a month,
a quarter or a year. The day is one round's of several and the other rounds' days are not in the
cell: the officer must review. Read before as the day alone without a flag ("15/3 lần 2" slipped
by the guard that keeps "2 lần" a count), or "lần thứ hai" as every Monday.

What keeps its reading: cadences ("2 lần/năm", "mỗi quý một lần", "định kỳ hằng quý"), a round
that names the reading after it ("Lần 3: 15/8", "…; đợt 2 từ …", "…, kỳ II trước …"), "trong
vòng" (within), "định kỳ" (every period), and "lần đầu" / "lần cuối" (flagged as before).

Every cell was written for this file, none taken from the corpus; each expected reading was
worked out from the words (the plan's year 2025) before the reader was run.
"""

from __future__ import annotations

import pytest

from tests.plans.corpus.corpus import reading
from tracker.schedule.timing import parse_timing

YEAR = 2025


def _read(text: str) -> tuple[str, bool, str]:
    result = parse_timing(text, year=YEAR)
    return " ".join(reading(result.rules, YEAR)), result.review, result.reason


# A round after a day, a month, a quarter or a year: flagged, the reason naming the round; the
# day is still read (the officer sees it).
ROUNDS_AFTER_A_READING = [
    ("Trước 15/3 lần 2 của việc kiểm tra", "lần 2", "2025-03-15"),
    ("Hạn chót 10/5 lần 2", "lần 2", "2025-05-10"),
    ("trước 30/9, lần thứ hai", "lần thứ hai", "2025-09-30"),
    ("Trước ngày 5/11 lần thứ 3 của việc rà soát", "lần thứ 3", "2025-11-05"),
    ("Trước 5/5 lần hai", "lần hai", "2025-05-05"),
    ("Trước 10/10 lần III", "lần III", "2025-10-10"),
    ("Trước 15.7 lần 2", "lần 2", "2025-07-15"),
    ("Trước 15/7/2025 lần 2", "lần 2", "2025-07-15"),
    ("Trước 20/3 đợt 2", "đợt 2", "2025-03-20"),
    ("Trước 28/2 lượt 2", "lượt 2", "2025-02-28"),
    ("Chậm nhất ngày 12/8 lượt thứ hai", "lượt thứ hai", "2025-08-12"),
    ("Trước 31/7 kỳ 2", "kỳ 2", "2025-07-31"),
    ("Trước ngày 15/10 kì 2", "kỳ 2", "2025-10-15"),  # the cell's "kì" shown as "kỳ"
    ("Trước 20/6 vòng 2", "vòng 2", "2025-06-20"),
    ("Trước 30/4 - vòng 3", "vòng 3", "2025-04-30"),
    ("Trước 25/12 giai đoạn 2", "giai đoạn 2", "2025-12-25"),
    ("Trước 15/3 (lần 2)", "lần 2", "2025-03-15"),
    ("Tháng 9 lần 2", "lần 2", "2025-09-30"),
    ("Trong tháng 11, đợt 3", "đợt 3", "2025-11-30"),
    ("Tháng 10 lượt 2 của việc tiêm", "lượt 2", "2025-10-31"),
    ("Quý II lần 2", "lần 2", "2025-06-30"),
    ("Quý IV (giai đoạn 2)", "giai đoạn 2", "2025-12-31"),
    ("Quý III, kỳ 2", "kỳ 2", "2025-09-30"),
    ("Năm 2025 lần 2", "lần 2", "2025-12-31"),
]


@pytest.mark.parametrize(("text", "words", "day"), ROUNDS_AFTER_A_READING)
def test_a_round_after_a_reading_flags(text: str, words: str, day: str) -> None:
    got, review, reason = _read(text)
    assert review, got
    assert f"'{words}'" in reason
    assert day in got.split()


# A round before its reading names that reading (a label, as the corpus reads it), and two
# rounds each with its reading are a list; cadences and "trong vòng", "định kỳ" keep their
# meaning.
KEPT = [
    ("Lần 3: 15/8", "2025-08-15"),
    ("Giai đoạn 2: trước 30/9", "2025-09-30"),
    ("Đợt 2 từ 3/11 đến 7/11", "2025-11-07"),
    ("Đợt 1 từ 1/3 đến 10/3; đợt 2 từ 1/9 đến 10/9", "2025-03-10 2025-09-10"),
    ("lần thứ nhất vào ngày 5/4; lần thứ hai vào ngày 5/10", "2025-04-05 2025-10-05"),
    ("học kỳ I kết thúc trước 15/1, kỳ II trước 25/5", "2025-01-15 2025-05-25"),
    ("Trước 30/6 lần 1, trước 31/12 lần 2", "2025-06-30 2025-12-31"),
    ("tháng 4 đợt 1, tháng 10 đợt 2", "2025-04-30 2025-10-31"),
    ("2 lần/năm", "2025-06-30 2025-12-31"),
    ("1 lần/quý", "2025-03-31 2025-06-30 2025-09-30 2025-12-31"),
    ("Mỗi quý một lần", "2025-03-31 2025-06-30 2025-09-30 2025-12-31"),
    ("Định kỳ hằng quý", "2025-03-31 2025-06-30 2025-09-30 2025-12-31"),
    ("Định kỳ 6 tháng một lần", "2025-06-30 2025-12-31"),
    ("trong vòng 5 ngày từ ngày 2/6 đến hết ngày 6/6", "2025-06-06"),
]


@pytest.mark.parametrize(("text", "expected"), KEPT)
def test_cadences_labels_and_lists_keep_their_reading(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, False)


# "lần đầu", "lần cuối" (the first, the last time): flagged as before, the day read.
FIRST_AND_LAST = [
    ("Lần đầu trước 15/3", "2025-03-15"),
    ("Đăng ký lần đầu: trước 15/3", "2025-03-15"),
    ("Trước 15/3 lần đầu", "2025-03-15"),
    ("Lần cuối trước 20/12", "2025-12-20"),
    ("Trước 20/12 lần cuối", "2025-12-20"),
]


@pytest.mark.parametrize(("text", "expected"), FIRST_AND_LAST)
def test_first_and_last_time_flag_with_their_day(text: str, expected: str) -> None:
    assert _read(text)[:2] == (expected, True)


# "trong vòng" (within) after a day is no round: whatever it reads, never silent.
@pytest.mark.parametrize("text", ["Trước 15/3 trong vòng 2 ngày", "Trước 15/3, định kỳ 2 năm"])
def test_within_and_every_period_after_a_day_never_silent(text: str) -> None:
    assert _read(text)[1]
