"""The cell reader (``parse_timing``) on numbers and minutes written in words, and on parts of a
month, a quarter, a half-year and a year (seventeenth probing pass, hprobe17).

Vietnamese pages write a day, a month, a year, a count or the minutes of an hour in words as
often as in digits ("ngày mười lăm tháng năm", "năm hai nghìn không trăm hai mươi sáu", "mười
lăm ngày", "8 giờ rưỡi", "14 giờ kém 15", "10 (mười) ngày"), and name a part of a period rather
than a day ("tháng đầu tiên của mỗi quý", "6 tháng đầu năm sau", "nửa cuối tháng 5", "hạ tuần
tháng 7", "những tháng cuối năm", "tuần cuối cùng của quý").

Each cell was written for this pass (none taken from the corpus) and its expected reading was
worked out from its words before the reader was run on any of them, in the corpus's terms
(``tests/plans/corpus/README.md``, "The label conventions, in one place"; the plan's year 2026).
The decisions of this pass, kind by kind:

- minutes in words: "rưỡi" is half past, "ba mươi" thirty, "kém N" N minutes before the hour,
  "sáng" keeps the hour, "chiều" / "tối" add twelve to an hour below twelve; a time with a day is
  that day at that time, a time with no day is REVIEW;
- numbers in words are the numbers they spell, wherever a number stands (a day, a month, a year,
  a count, an hour); a number in digits with the same number in words in brackets beside it is
  that number; digits and words that disagree ("10 (mười lăm) ngày") are REVIEW;
- "mồng / mùng N" before a month is the solar day, or a flag (it may be lunar: ``settled=False``);
  so is a day and its month both in words with no year ("ngày mười tháng ba": a lunar day is
  written so; the reader leaves the month unread since the lead's review of hprobe17);
  "tháng Giêng", "tháng Chạp" are lunar months' names: REVIEW;
- a part of a period with a fixed end is due at that end: "6 tháng đầu năm" 30/6, "9 tháng đầu
  năm" 30/9, "quý đầu năm" 31/3, "nửa cuối tháng 5" 31/5, "tháng đầu tiên của quý III" 31/7, "tháng
  giữa quý" / "tháng thứ hai của quý" its second month's last day, "10 ngày đầu tháng 8" 10/8;
  "năm sau" / "năm tới" after it moves it to 2027;
- "của mỗi quý" / "hằng quý" with a month of the quarter is a quarterly cadence at that month's
  end (or on its day where one is given); "quý sau" with no quarter and no quarterly report named
  is REVIEW (which quarter is next, unsaid), as "tháng sau" is;
- windows whose end is fixed by custom but which the corpus labels a review ("thượng tuần" 1–10,
  "trung tuần" 11–20, "hạ tuần" 21–end, "nửa đầu tháng" 1–15, "cuối tháng / cuối quý / cuối năm",
  "tuần cuối (cùng) của quý", "những tháng cuối năm"): due at their end, or a flag
  (``settled=False``);
- windows whose end no custom fixes ("đầu tháng", "giữa tháng", "đầu quý", "giữa năm", "những
  tháng đầu năm", "tuần đầu của quý", "nửa đầu quý"): REVIEW.

The property: no cell is read wrong without a flag; at least ``RIGHT_SHARE`` of them are read
right.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from tests.plans.corpus.corpus import reading
from tests.schedule.probing import (
    QUARTERLY,
    REVIEW,
    Pass,
    Probe,
    day,
    month_ends,
    monthly,
    rel,
    weekly,
)
from tracker.schedule.timing import parse_timing

RIGHT_SHARE = 0.75

# fmt: off
WORDS = {
    1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín",
    10: "mười", 11: "mười một", 12: "mười hai", 13: "mười ba", 14: "mười bốn", 15: "mười lăm",
    16: "mười sáu", 17: "mười bảy", 18: "mười tám", 19: "mười chín", 20: "hai mươi",
    21: "hai mươi mốt", 22: "hai mươi hai", 23: "hai mươi ba", 24: "hai mươi tư",
    25: "hai mươi lăm", 26: "hai mươi sáu", 27: "hai mươi bảy", 28: "hai mươi tám",
    29: "hai mươi chín", 30: "ba mươi", 31: "ba mươi mốt", 45: "bốn mươi lăm", 40: "bốn mươi",
    50: "năm mươi", 60: "sáu mươi", 90: "chín mươi",
}
MONTH_WORDS = {
    1: "một", 2: "hai", 3: "ba", 4: "tư", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín",
    10: "mười", 11: "mười một", 12: "mười hai",
}
# fmt: on


def last(month: int, year: int = 2026) -> date:
    return (date(year, month + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(days=1)


def end_of(month: int, year: int = 2026) -> tuple[str, ...]:
    return (last(month, year).isoformat(),)


def on(year: int, month: int, dom: int) -> tuple[str, ...]:
    return (date(year, month, dom).isoformat(),)


def quarter_months(position: int) -> tuple[str, ...]:
    """The last day of the ``position``-th month (1–3) of each quarter."""
    return tuple(last(q * 3 + position).isoformat() for q in range(4))


def quarterly_on(dom: int, months: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(date(2026, m, dom).isoformat() for m in months)


def daily(at: str) -> tuple[str, ...]:
    first = date(2026, 1, 1)
    return tuple(f"{(first + timedelta(days=i)).isoformat()}@{at}" for i in range(365))


def at_weekly(weekday: int, at: str) -> tuple[str, ...]:
    return tuple(f"{d}@{at}" for d in weekly(weekday))


def at_monthly(dom: int, at: str) -> tuple[str, ...]:
    return tuple(f"{d}@{at}" for d in monthly(dom))


def minutes_in_words() -> Iterator[Probe]:
    k = "minutes"
    for h, d, m in ((7, 12, 5), (8, 3, 6), (9, 21, 9), (10, 14, 10), (13, 8, 4), (16, 27, 11)):
        at = f"{h:02d}:30"
        yield Probe(f"Trước {h} giờ rưỡi ngày {d}/{m}", day(m, d, at), k)
        yield Probe(f"vào lúc {h} giờ ba mươi ngày {d}/{m}/2026", day(m, d, at), k)
        yield Probe(f"Khai mạc lúc {h} giờ 30 phút, ngày {d} tháng {m} năm 2026", day(m, d, at), k)
    for h, d, m in ((7, 2, 3), (8, 19, 8), (9, 5, 12), (10, 30, 7)):
        yield Probe(f"{h} giờ rưỡi sáng ngày {d}/{m}", day(m, d, f"{h:02d}:30"), k)
        yield Probe(f"{h} giờ 30 phút sáng ngày {d}/{m}/2026", day(m, d, f"{h:02d}:30"), k)
        yield Probe(f"Chậm nhất {h} giờ mười lăm phút ngày {d}/{m}", day(m, d, f"{h:02d}:15"), k)
        yield Probe(f"lúc {h} giờ bốn mươi lăm phút ngày {d}/{m}", day(m, d, f"{h:02d}:45"), k)
    for h, d, m in ((2, 11, 2), (3, 17, 6), (4, 9, 10), (5, 23, 11)):
        yield Probe(f"{h} giờ rưỡi chiều ngày {d}/{m}", day(m, d, f"{h + 12:02d}:30"), k)
        yield Probe(
            f"lúc {h} giờ 30 phút chiều ngày {d}/{m}/2026", day(m, d, f"{h + 12:02d}:30"), k
        )
        yield Probe(f"Trước {h} giờ chiều ngày {d} tháng {m}", day(m, d, f"{h + 12:02d}:00"), k)
    for h, d, m in ((14, 6, 5), (9, 13, 8), (16, 24, 9), (11, 1, 12)):
        yield Probe(f"Trước {h} giờ kém 15 ngày {d}/{m}", day(m, d, f"{h - 1:02d}:45"), k)
        yield Probe(f"lúc {h} giờ kém mười lăm ngày {d}/{m}/2026", day(m, d, f"{h - 1:02d}:45"), k)
        yield Probe(f"{h} giờ kém 10 phút ngày {d}/{m}", day(m, d, f"{h - 1:02d}:50"), k)
    for h, d, m in ((20, 4, 7), (19, 15, 1)):
        yield Probe(f"{h - 12} giờ rưỡi tối ngày {d}/{m}", day(m, d, f"{h:02d}:30"), k)
    # Hours in words.
    yield Probe("mười giờ sáng ngày 12/6", day(6, 12, "10:00"), k)
    yield Probe("hai giờ chiều ngày 3/7", day(7, 3, "14:00"), k)
    yield Probe("bảy giờ ba mươi phút sáng ngày 9/9", day(9, 9, "07:30"), k)
    yield Probe("Trước mười sáu giờ ngày 20/10/2026", day(10, 20, "16:00"), k)
    yield Probe("tám giờ rưỡi sáng ngày 14/4", day(4, 14, "08:30"), k)
    # With a cadence.
    yield Probe("Trước 10 giờ rưỡi hằng ngày", daily("10:30"), k)
    yield Probe("8 giờ rưỡi sáng thứ Hai hằng tuần", at_weekly(0, "08:30"), k)
    yield Probe("Hằng tháng, trước 16 giờ rưỡi ngày 25", at_monthly(25, "16:30"), k)
    yield Probe("Trước 15 giờ 30 phút ngày 12 hằng tháng", at_monthly(12, "15:30"), k)
    # No day.
    for cell in (
        "Chậm nhất 16 giờ rưỡi",
        "vào lúc 9 giờ kém 15",
        "trước 7 giờ ba mươi sáng",
        "lúc 14 giờ 30 phút chiều",
        "mười giờ rưỡi",
        "vào 3 giờ rưỡi chiều",
    ):
        yield Probe(cell, REVIEW, k)


def days_in_words() -> Iterator[Probe]:
    k = "words-day"
    for d, m in (
        (15, 6),
        (25, 12),
        (20, 11),
        (14, 7),
        (21, 9),
        (10, 3),
        (24, 8),
        (31, 10),
        (11, 2),
        (18, 4),
        (28, 1),
        (30, 9),
    ):
        dw, mw = WORDS[d], MONTH_WORDS[m]
        yield Probe(f"ngày {dw} tháng {m} năm 2026", day(m, d), k)
        yield Probe(f"Trước ngày {dw} tháng {mw}", day(m, d), k, settled=False)
        yield Probe(f"chậm nhất ngày {d} ({dw}) tháng {m}", day(m, d), k)
        yield Probe(f"ngày {dw} tháng {mw} năm hai nghìn không trăm hai mươi sáu", day(m, d), k)
    yield Probe("ngày mười lăm tháng năm", day(5, 15), k, settled=False)
    yield Probe("trước ngày hai mươi tháng năm năm 2026", day(5, 20), k)
    yield Probe("Hạn chót: ngày mười hai tháng tư", day(4, 12), k, settled=False)
    yield Probe("ngày mười lăm", REVIEW, k)
    yield Probe("trước ngày hai mươi lăm", REVIEW, k)
    yield Probe("ngày 15 (mười sáu) tháng 8", REVIEW, k)
    # "mồng / mùng": solar, or a flag.
    for d, m in ((10, 3), (5, 9), (2, 11), (8, 6)):
        yield Probe(f"mồng {WORDS[d]} tháng {m}", day(m, d), k, settled=False)
        yield Probe(f"ngày mùng {d} tháng {m} năm 2026", day(m, d), k, settled=False)
    yield Probe("mồng mười tháng Giêng", REVIEW, k)
    yield Probe("ngày hai mươi ba tháng Chạp", REVIEW, k)
    # Days of each month or quarter.
    for d in (10, 15, 20, 25, 5):
        yield Probe(f"ngày {WORDS[d]} hằng tháng", monthly(d), k)
        yield Probe(
            f"Hằng quý, trước ngày {WORDS[d]} của tháng cuối quý", quarterly_on(d, (3, 6, 9, 12)), k
        )
    yield Probe("ngày ba mươi hằng tháng", REVIEW, k)
    yield Probe("ngày ba mươi mốt hằng tháng", REVIEW, k)


def months_and_years_in_words() -> Iterator[Probe]:
    k = "words-month"
    for m in (10, 11, 12, 7, 9, 4):
        mw = MONTH_WORDS[m]
        yield Probe(f"trong tháng {mw}", end_of(m), k)
        yield Probe(f"Trong tháng {mw} năm 2026", end_of(m), k)
        yield Probe(f"đến hết tháng {mw}", end_of(m), k)
        yield Probe(f"trước tháng {mw}", end_of(m - 1), k)
    k = "words-year"
    yield Probe("năm hai nghìn không trăm hai mươi sáu", ("2026-12-31",), k)
    yield Probe("Trong năm hai nghìn không trăm hai mươi sáu", ("2026-12-31",), k)
    yield Probe("trong năm hai nghìn không trăm hai mươi bảy", ("2027-12-31",), k)
    yield Probe("trước ngày 31 tháng 12 năm hai nghìn không trăm hai mươi sáu", day(12, 31), k)
    yield Probe("ngày 30 tháng 6 năm hai nghìn không trăm hai mươi bảy", on(2027, 6, 30), k)
    yield Probe("Trước ngày 01 tháng 3 năm hai không hai sáu", day(3, 1), k, settled=False)


def counts_in_words() -> Iterator[Probe]:
    k = "words-count"
    for n in (15, 10, 20, 7, 30, 45, 60, 5):
        w = WORDS[n]
        yield Probe(f"trong {w} ngày kể từ ngày nhận được văn bản", rel("nhan_van_ban", n), k)
        yield Probe(
            f"trong thời hạn {n:02d} ({w}) ngày kể từ ngày nhận được quyết định",
            rel("nhan_van_ban", n),
            k,
        )
        yield Probe(
            f"trong vòng {w} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
            rel("ho_so_tiep_nhan", n, working=True),
            k,
        )
        yield Probe(
            f"{n} ({w}) ngày làm việc kể từ ngày tiếp nhận hồ sơ",
            rel("ho_so_tiep_nhan", n, working=True),
            k,
        )
        yield Probe(f"{w} ngày", REVIEW, k)
    for n, d, m in ((10, 5, 6), (15, 1, 9), (20, 3, 3), (7, 12, 10)):
        w = WORDS[n]
        due = date(2026, m, d) + timedelta(days=n)
        yield Probe(f"trong vòng {w} ngày kể từ ngày {d}/{m}", (due.isoformat(),), k)
        yield Probe(f"trong {n} ({w}) ngày kể từ ngày {d}/{m}/2026", (due.isoformat(),), k)
    yield Probe("trong 10 (mười lăm) ngày kể từ ngày nhận được văn bản", REVIEW, k)
    yield Probe("trong 30 (hai mươi) ngày làm việc kể từ ngày nhận đủ hồ sơ", REVIEW, k)


def quarter_parts() -> Iterator[Probe]:
    k = "quarter-part"
    for lead in (
        "Hằng quý, vào tháng đầu tiên của quý",
        "trong tháng đầu tiên của mỗi quý",
        "vào tháng đầu của mỗi quý",
        "Định kỳ tháng thứ nhất của mỗi quý",
    ):
        yield Probe(lead, quarter_months(1), k)
    for lead in (
        "Hằng quý, trong tháng giữa quý",
        "vào tháng thứ hai của mỗi quý",
        "trong tháng thứ 2 của quý, hằng quý",
    ):
        yield Probe(lead, quarter_months(2), k)
    for lead in (
        "vào tháng cuối của mỗi quý",
        "trong tháng thứ ba của mỗi quý",
        "Hằng quý, trong tháng cuối quý",
    ):
        yield Probe(lead, quarter_months(3), k)
    for d in (10, 15, 5, 20):
        yield Probe(
            f"Hằng quý, trước ngày {d} của tháng đầu quý sau", quarterly_on(d, (1, 4, 7, 10)), k
        )
        yield Probe(
            f"Báo cáo quý gửi trước ngày {d} tháng đầu của quý sau",
            quarterly_on(d, (1, 4, 7, 10)),
            k,
        )
        yield Probe(f"ngày {d} tháng đầu tiên của mỗi quý", quarterly_on(d, (1, 4, 7, 10)), k)
        yield Probe(f"ngày {d} của tháng giữa quý, hằng quý", quarterly_on(d, (2, 5, 8, 11)), k)
        yield Probe(f"Trước ngày {d} tháng đầu của quý sau", REVIEW, k)
    for q, roman in ((1, "I"), (2, "II"), (3, "III"), (4, "IV")):
        first, mid, lastm = 3 * q - 2, 3 * q - 1, 3 * q
        yield Probe(f"trong tháng đầu tiên của quý {roman}", end_of(first), k)
        yield Probe(f"trước ngày 15 tháng đầu của quý {roman}", day(first, 15), k)
        yield Probe(f"trong tháng giữa quý {roman} năm 2026", end_of(mid), k)
        yield Probe(f"vào tháng thứ hai của quý {roman}", end_of(mid), k)
        yield Probe(f"tháng cuối quý {roman}", end_of(lastm), k)
        yield Probe(f"tuần đầu của quý {roman}", REVIEW, k)
        yield Probe(f"đầu quý {roman}", REVIEW, k)
        yield Probe(f"cuối quý {roman}", end_of(lastm), k, settled=False)
        yield Probe(f"trong tuần cuối cùng của quý {roman}", end_of(lastm), k, settled=False)
        yield Probe(f"nửa đầu quý {roman}", REVIEW, k)
    yield Probe("tuần đầu của quý", REVIEW, k)
    yield Probe("Hằng quý, trong tuần cuối cùng của quý", QUARTERLY, k, settled=False)
    yield Probe("vào tuần cuối của mỗi quý", QUARTERLY, k, settled=False)
    yield Probe("giữa quý", REVIEW, k)


def year_parts() -> Iterator[Probe]:
    k = "year-part"
    for cell, expect in (
        ("Trong 06 tháng đầu năm", day(6, 30)),
        ("trong 6 tháng đầu năm 2026", day(6, 30)),
        ("sáu tháng đầu năm", day(6, 30)),
        ("trong sáu tháng cuối năm", day(12, 31)),
        ("6 tháng cuối năm 2026", day(12, 31)),
        ("3 tháng đầu năm", day(3, 31)),
        ("ba tháng đầu năm 2026", day(3, 31)),
        ("9 tháng đầu năm", day(9, 30)),
        ("nửa đầu năm", day(6, 30)),
        ("nửa cuối năm 2026", day(12, 31)),
        ("trong quý đầu năm", day(3, 31)),
        ("quý đầu năm 2026", day(3, 31)),
        ("trong quý cuối năm", day(12, 31)),
        ("tháng đầu năm 2026", day(1, 31)),
        ("trong tháng đầu tiên của năm", day(1, 31)),
        ("tháng cuối năm", day(12, 31)),
        ("6 tháng đầu năm sau", on(2027, 6, 30)),
        ("trong 6 tháng đầu năm tới", on(2027, 6, 30)),
        ("quý đầu năm sau", on(2027, 3, 31)),
        ("nửa đầu năm 2027", on(2027, 6, 30)),
        ("3 tháng cuối năm 2026", day(12, 31)),
        ("Hằng năm, trong 6 tháng đầu năm", day(6, 30)),
        ("Hằng năm, vào quý đầu năm", day(3, 31)),
        ("trong quý cuối cùng của năm", day(12, 31)),
    ):
        yield Probe(cell, expect, k)
    for cell in (
        "vào những tháng cuối năm",
        "các tháng cuối năm 2026",
        "cuối năm",
        "vào cuối năm 2026",
        "trong những tháng cuối năm nay",
    ):
        yield Probe(cell, day(12, 31), k, settled=False)
    for cell in (
        "những tháng đầu năm",
        "đầu năm 2026",
        "giữa năm",
        "vào giữa năm 2026",
        "các tháng đầu năm sau",
        "6 tháng đầu năm, 6 tháng cuối năm",
    ):
        yield Probe(cell, REVIEW, k)


def month_parts() -> Iterator[Probe]:
    k = "month-part"
    for m in (5, 2, 7, 10, 4, 12):
        yield Probe(f"nửa cuối tháng {m}", end_of(m), k)
        yield Probe(f"trong nửa cuối tháng {m}/2026", end_of(m), k)
        yield Probe(f"nửa đầu tháng {m}", day(m, 15), k, settled=False)
        yield Probe(f"thượng tuần tháng {m}", day(m, 10), k, settled=False)
        yield Probe(f"trung tuần tháng {m}", day(m, 20), k, settled=False)
        yield Probe(f"vào hạ tuần tháng {m}", end_of(m), k, settled=False)
        yield Probe(f"đầu tháng {m}", REVIEW, k)
        yield Probe(f"giữa tháng {m}", REVIEW, k)
        yield Probe(f"vào cuối tháng {m}", end_of(m), k, settled=False)
        yield Probe(f"10 ngày đầu tháng {m}", day(m, 10), k)
        yield Probe(f"trong 10 ngày cuối tháng {m}", end_of(m), k)
        yield Probe(f"tuần đầu tháng {m}", REVIEW, k)
    yield Probe("nửa đầu tháng mười", day(10, 15), k, settled=False)
    yield Probe("nửa cuối tháng mười một", end_of(11), k)
    yield Probe("hạ tuần tháng chín", end_of(9), k, settled=False)
    yield Probe("Hằng tháng, vào cuối tháng", month_ends(), k)
    yield Probe("vào cuối mỗi tháng", month_ends(), k)
    yield Probe("vào đầu mỗi tháng", REVIEW, k)
    yield Probe("giữa tháng, hằng tháng", REVIEW, k)
    yield Probe("5 ngày đầu mỗi tháng", monthly(5), k)
    yield Probe("từ giữa tháng 6 đến cuối tháng 7", end_of(7), k, settled=False)
    yield Probe("trước giữa tháng 8", REVIEW, k)
    yield Probe("nửa đầu tháng", REVIEW, k)
    yield Probe("thượng tuần", REVIEW, k)


FAMILIES = (
    minutes_in_words,
    days_in_words,
    months_and_years_in_words,
    counts_in_words,
    quarter_parts,
    year_parts,
    month_parts,
)


# Named after the first run, kept as written (not relabelled):
# - "Trước ngày N tháng đầu của quý sau" alone was expected REVIEW (which quarter is next,
#   unsaid, as a bare "tháng sau"); the reader reads it quarterly on the Nth of January, April,
#   July and October, and so does the corpus's tune part, whose label of one record of the same
#   form alone (a day of the first month of the next quarter, nothing else in the bracket) is
#   that quarterly reading. A rule that flagged it broke that record and was withdrawn: the
#   corpus's convention stands.
# - "6 tháng đầu năm, 6 tháng cuối năm" was expected REVIEW (both halves, or one of them?); the
#   reader reads both halves' ends, as the corpus reads days and periods listed, each due. The
#   expectation, not the reader, is doubtful here.
KNOWN_SILENT = frozenset(
    [f"Trước ngày {d} tháng đầu của quý sau" for d in (10, 15, 5, 20)]
    + ["6 tháng đầu năm, 6 tháng cuối năm"]
)


PASS = Pass(FAMILIES, RIGHT_SHARE, known=KNOWN_SILENT)
test_no_cell_is_read_wrong_without_a_flag, test_most_cells_are_read_right = PASS.tests()


def _read(text: str) -> tuple[bool, tuple[str, ...]]:
    result = parse_timing(text, year=2026)
    return result.review, tuple(reading(result.rules, 2026))


# The rules of this pass, each on phrases of its own (none among the probes above).
@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # Minutes in words: half past, thirty, N minutes, N minutes before the hour.
        ("Hạn nộp: 15 giờ rưỡi ngày 18/9", day(9, 18, "15:30")),
        ("lúc chín giờ kém mười lăm sáng ngày 2/10", day(10, 2, "08:45")),
        ("17 giờ kém 5 phút ngày 30/6", day(6, 30, "16:55")),
        ("6 giờ hai mươi phút sáng ngày 1/8", day(8, 1, "06:20")),
        # A day, a month and a year in words.
        ("trước ngày hai mươi hai tháng mười năm 2026", day(10, 22)),
        ("ngày mười tám hằng tháng", monthly(18)),
        ("ngày 16 tháng năm", day(5, 16)),
        ("ngày 3 tháng 9 năm hai nghìn không trăm hai mươi sáu", day(9, 3)),
        # A month of the quarter, of every quarter or of one named.
        ("Hằng quý, trong tháng thứ hai của quý", quarter_months(2)),
        ("Hằng quý, vào tháng cuối của quý", quarter_months(3)),
        ("ngày hai mươi của tháng giữa quý, hằng quý", quarterly_on(20, (2, 5, 8, 11))),
        ("trước ngày 12 tháng cuối của quý III", day(9, 12)),
        # The first or last quarter, month or half of the year; the last days of a month.
        ("quý cuối năm 2026", day(12, 31)),
        ("tháng cuối cùng của năm", day(12, 31)),
        ("nửa cuối năm", day(12, 31)),
        ("trong 7 ngày cuối tháng 9", day(9, 30)),
        ("nửa cuối tháng 6/2026", day(6, 30)),
    ],
)
def test_spelled_numbers_and_parts_of_periods(text: str, expect: tuple[str, ...]) -> None:
    assert _read(text) == (False, tuple(sorted(expect)))


@pytest.mark.parametrize(
    "text",
    [
        # A length of time, not a time of day: "rưỡi" left unread.
        "trong vòng 2 giờ rưỡi kể từ khi nhận tin báo",
        # A day and a month in words beside a festival or worship: maybe lunar.
        "Lễ giỗ ngày mười tháng ba",
        # A day and a month in words with no year: how a lunar day is written (the lead,
        # after hprobe17).
        "Hội thi tổ chức ngày mười tháng ba",
        "trước ngày hai mươi tháng chín",
        # "Tháng thứ ba của quý" with no quarter named, nor every quarter: maybe a turn's
        # ordinal (hprobe11).
        "Tháng thứ ba của quý",
        # A count of quarters, not the first quarter.
        "3 quý đầu năm",
        # The first half of a month: the 14th, the 15th or the 16th; offered, flagged.
        "nửa đầu tháng 9",
        # More last days than a month has.
        "trong 40 ngày cuối tháng 9",
    ],
)
def test_doubtful_spellings_and_parts_flag(text: str) -> None:
    assert _read(text)[0]


if __name__ == "__main__":  # python -m tests.schedule.test_timing_probe17 [kind …] [--silent]
    PASS.print_misses(set_aside_known=True)
