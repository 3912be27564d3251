"""The cell reader (``parse_timing``) on wordings the lead found weak (eleventh probing pass,
hprobe11): ordinals that are no weekdays ("kỳ thứ hai", "đợt thứ ba", "lần thứ tư", "năm thứ
hai", "tuần thứ hai của tháng") beside the weekdays they are spelled like ("thứ Hai", "thứ
Tư"); ranges and approximations of counts ("trong khoảng 1-3 ngày sau khi …", "từ 5 đến 7
ngày làm việc kể từ …", "khoảng 10 ngày", "không quá 2-3 ngày"); decimals and fractions ("0,5
ngày", "1,5 tháng", "nửa tháng", "một tuần rưỡi"); report periods named alone ("(kỳ báo cáo năm
2026)", "số liệu năm 2025", "năm báo cáo"); and frequency minimums and maximums ("ít nhất 2
lần/năm", "tối thiểu mỗi quý một lần", "không quá 3 lần/tháng").

Each cell was written for this pass (none taken from the corpus) and its expected reading was
worked out from its words before the reader was run on any of them, in the corpus's terms
(``tests/plans/corpus/README.md``, "Labels"; the plan's year 2026): REVIEW where an officer
must decide (a range of counts, a count not in whole days, a period's name with no deadline, a
floor or a ceiling on how often, an ordinal naming a turn with no day); the day beside an
ordinal, unsettled (a batch's name beside its deadline, a flag as fair); the count for
"khoảng N ngày kể từ …" and "không quá N ngày kể từ …" (round twelve's convention); the weekday
where "thứ Hai" is a weekday.

The property: every cell is read right or flagged, never silently wrong; and at least
``RIGHT_SHARE`` of them are read right.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest

from tests.schedule.probing import (
    HALVES,
    QUARTERLY,
    REVIEW,
    YEAR,
    Pass,
    Probe,
    day,
    month_ends,
    monthly,
    rel,
    weekly,
)

RIGHT_SHARE = 0.6


def nth_weekday_monthly(weekday: int, nth: int) -> tuple[str, ...]:
    """The ``nth`` ``weekday`` of every month (first 1)."""
    days = []
    for month in range(1, 13):
        first = date(YEAR, month, 1)
        first += timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        days.append(first.isoformat())
    return tuple(days)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# fmt: off

# Dated and periodic cells the reader reads right, to carry the words of each family.
BASES: list[tuple[str, tuple[str, ...]]] = [
    ("Trước ngày 15/3/2026", day(3, 15)),
    ("Chậm nhất ngày 20/4/2026", day(4, 20)),
    ("Hoàn thành trước 30/6/2026", day(6, 30)),
    ("Trong tháng 9/2026", day(9, 30)),
    ("Quý IV/2026", day(12, 31)),
    ("Hằng quý", QUARTERLY),
    ("Ngày 05 hằng tháng", monthly(5)),
    ("Từ ngày 01/10/2026 đến ngày 31/10/2026", day(10, 31)),
]

# Ordinals naming a turn, a batch, a session or a year; the ones spelled like weekdays first.
ORDINALS = [
    "kỳ thứ hai", "đợt thứ ba", "lần thứ tư", "đợt thứ năm", "kỳ thứ sáu", "lần thứ bảy",
    "lần thứ hai", "đợt thứ hai", "năm thứ hai", "kỳ thứ 2", "đợt thứ II", "lần thứ nhất",
    "phiên thứ hai", "vòng thứ ba", "giai đoạn thứ hai",
]


def ordinals_beside_a_reading() -> Iterator[Probe]:
    """An ordinal's turn beside a reading: the reading, or a flag (never a weekday)."""
    for ordinal in ORDINALS:
        title = ordinal[:1].upper() + ordinal[1:]
        for base, expect in BASES:
            for cell in (
                f"{title}: {lower_first(base)}",
                f"{title} {lower_first(base)}",
                f"{base} ({ordinal})",
                f"{base}, {ordinal}",
                f"Tổ chức {ordinal} {lower_first(base)}",
                f"{base}; {ordinal}",
            ):
                yield Probe(cell, expect, "ordinal-beside", settled=False)


def ordinals_alone() -> Iterator[Probe]:
    """An ordinal with no day: which day is the officer's to say."""
    for ordinal in ORDINALS:
        title = ordinal[:1].upper() + ordinal[1:]
        for cell in (
            title,
            f"Tổ chức {ordinal}",
            f"{title} hằng năm",
            f"{title} trong năm",
            f"{title} năm 2026",
            f"({title})",
            f"UBND xã tổ chức họp {ordinal}",
            f"Vào {ordinal}",
            f"Trước {ordinal}",
            f"Sau {ordinal}",
        ):
            yield Probe(cell, REVIEW, "ordinal-alone")
    for cell in (
        "Năm thứ hai của kế hoạch", "Năm thứ hai thực hiện đề án", "Trong năm thứ hai",
        "Tuần thứ hai hằng tháng", "Tuần thứ ba của tháng", "Tuần thứ hai của quý",
        "Tháng thứ hai của quý", "Tháng thứ hai hằng quý", "Ngày thứ hai của kỳ họp",
        "Ngày thứ hai kể từ ngày nhận hồ sơ", "Học kỳ thứ hai", "Kỳ họp thứ hai",
        "Kỳ họp thứ tư", "Kỳ họp thứ năm của HĐND xã", "Lần thứ hai trong tháng",
        "Đợt thứ ba trong quý", "Năm thứ ba", "Năm thứ tư của nhiệm kỳ", "Tuần thứ tư của tháng",
        "Tuần thứ hai", "Lần thứ hai, lần thứ ba", "Đợt thứ hai và đợt thứ ba",
    ):
        yield Probe(cell, REVIEW, "ordinal-alone")


def ordinal_weeks_of_a_month() -> Iterator[Probe]:
    """The second week of June 2026 (1/6 a Monday): 8–14/6, due at its end or flagged."""
    for cell in (
        "Tuần thứ hai của tháng 6/2026", "Tuần thứ hai tháng 6/2026", "Trong tuần thứ hai của tháng 6/2026",
    ):
        yield Probe(cell, day(6, 14), "ordinal-week", settled=False)


def weekdays_still_weekdays() -> Iterator[Probe]:
    """The weekday spelled like the ordinal: read as the weekday."""
    for cell, expect in (
        ("Thứ hai hằng tuần", weekly(0)),
        ("Thứ Hai hằng tuần", weekly(0)),
        ("Vào thứ Hai hằng tuần", weekly(0)),
        ("Ngày thứ Hai hằng tuần", weekly(0)),
        ("Thứ tư hằng tuần", weekly(2)),
        ("Thứ Năm hằng tuần", weekly(3)),
        ("Thứ Sáu hằng tuần", weekly(4)),
        ("Thứ Hai, ngày 15/6/2026", day(6, 15)),
        ("Thứ hai (15/6/2026)", day(6, 15)),
        ("Vào thứ Hai, ngày 01/6/2026", day(6, 1)),
        ("UBND xã giao ban vào thứ Hai hằng tuần", weekly(0)),
    ):
        yield Probe(cell, expect, "weekday")
    for cell, expect in (
        ("Thứ Hai tuần đầu tiên hằng tháng", nth_weekday_monthly(0, 1)),
        ("Thứ Hai đầu tiên của tháng", nth_weekday_monthly(0, 1)),
        ("Thứ hai đầu tiên hằng tháng", nth_weekday_monthly(0, 1)),
    ):
        yield Probe(cell, expect, "weekday-of-month", settled=False)
    yield Probe(
        "Thứ Hai tuần thứ hai hằng tháng", REVIEW, "weekday-of-month",
        also=(nth_weekday_monthly(0, 2),),
    )
    yield Probe(
        "Thứ Tư tuần thứ ba hằng tháng", REVIEW, "weekday-of-month",
        also=(nth_weekday_monthly(2, 3),),
    )


# Events, their readings' kind, and whether a count counts from them forwards.
EVENTS = [
    ("kể từ ngày nhận đủ hồ sơ hợp lệ", "ho_so_tiep_nhan"),
    ("kể từ ngày nhận được văn bản", "nhan_van_ban"),
    ("kể từ ngày ký", "ky_van_ban"),
    ("sau khi nhận được đơn", "nhan_van_ban"),
]

RANGES = [
    "Trong khoảng {a}-{b} ngày {ev}",
    "Từ {a} đến {b} ngày làm việc {ev}",
    "{a} - {b} ngày {ev}",
    "Trong vòng {a} – {b} ngày {ev}",
    "Không quá {a}-{b} ngày {ev}",
    "Chậm nhất {a} đến {b} ngày {ev}",
    "Khoảng {a} đến {b} ngày làm việc {ev}",
    "Trong {a} hoặc {b} ngày {ev}",
    "Từ {a} tới {b} ngày {ev}",
    "{a}-{b} ngày làm việc {ev}",
    "Trong thời hạn từ {a} đến {b} ngày {ev}",
    "{a} đến {b} tuần {ev}",
    "Trong {a}-{b} tháng {ev}",
    "Trong {a} ngày đến {b} ngày {ev}",
    "Khoảng {a}-{b} ngày {ev}",
    "Trong {a}, {b} ngày {ev}",
]


def ranges_of_counts() -> Iterator[Probe]:
    """A count given as a range: the deadline is the officer's to set."""
    for form in RANGES:
        for a, b in ((1, 3), (5, 7), (2, 3), (10, 15)):
            for ev, _kind in EVENTS:
                cell = form.format(a=a, b=b, ev=ev)
                yield Probe(cell, REVIEW, "range")
            core = form.format(a=a, b=b, ev=EVENTS[0][0])
            yield Probe(f"UBND xã giải quyết {lower_first(core)}", REVIEW, "range-task")
            yield Probe(f"Thẩm định hồ sơ: {lower_first(core)}", REVIEW, "range-task")
            yield Probe(f"{core} (UBND xã)", REVIEW, "range-task")
            bare = form.format(a=a, b=b, ev="").strip()
            yield Probe(bare, REVIEW, "range-bare")
    for a, b in ((5, 7), (2, 3), (10, 15)):
        for cell in (
            f"Trước {a}-{b} ngày khai mạc kỳ họp",
            f"Chậm nhất {a} - {b} ngày trước ngày khai mạc kỳ họp",
            f"Từ {a} đến {b} ngày trước ngày bầu cử",
            f"Trước ngày khai mạc kỳ họp từ {a} đến {b} ngày",
            f"Trước ngày khai mạc kỳ họp khoảng {a}-{b} ngày",
        ):
            yield Probe(cell, REVIEW, "range-before")


def approximate_counts() -> Iterator[Probe]:
    """One count, approximate or a ceiling: the count from its event (round twelve); with no
    event, no start."""
    for n in (3, 10, 15):
        for ev, kind in EVENTS:
            for form, working in (
                ("Khoảng {n} ngày {ev}", False),
                ("Trong khoảng {n} ngày {ev}", False),
                ("Không quá {n} ngày {ev}", False),
                ("Không quá {n} ngày làm việc {ev}", True),
                ("Khoảng {n} ngày làm việc {ev}", True),
            ):
                yield Probe(form.format(n=n, ev=ev), rel(kind, n, working), "approx")
        for form in (
            "Khoảng {n} ngày", "Không quá {n} ngày", "Trong khoảng {n} ngày", "Chừng {n} ngày",
            "Khoảng {n} ngày làm việc", "Không quá {n} ngày làm việc", "Tầm {n} ngày",
            "Mất khoảng {n} ngày", "Khoảng {n} tuần", "Không quá {n} tháng",
        ):
            yield Probe(form.format(n=n), REVIEW, "approx-bare")


def day_ranges_still_days() -> Iterator[Probe]:
    """Ranges of days of a month (not counts): due at their end."""
    for cell, expect, settled in (
        ("Từ ngày 5 đến ngày 7/3/2026", day(3, 7), True),
        ("Từ ngày 05/3/2026 đến ngày 07/3/2026", day(3, 7), True),
        ("Ngày 5-7/3/2026", day(3, 7), False),
        ("Từ 5 đến 7/3/2026", day(3, 7), False),
        ("Từ ngày 10 đến ngày 15/10/2026", day(10, 15), True),
        ("Ngày 10 - 15/10/2026", day(10, 15), False),
    ):
        yield Probe(cell, expect, "day-range", settled=settled)


FRACTIONS = [
    "Trong 0,5 ngày {ev}", "0,5 ngày làm việc {ev}", "Trong 1,5 ngày {ev}",
    "Trong 1,5 tháng {ev}", "Trong 2,5 ngày làm việc {ev}", "Trong nửa tháng {ev}",
    "Nửa tháng {ev}", "Một tuần rưỡi {ev}", "Trong 1 tuần rưỡi {ev}", "Trong 2 ngày rưỡi {ev}",
    "Trong một tháng rưỡi {ev}", "1.5 ngày {ev}", "Trong 1.5 tháng {ev}", "Trong 1/2 ngày {ev}",
    "Nửa ngày {ev}", "Trong 3,5 ngày làm việc {ev}", "Chậm nhất 1,5 ngày {ev}",
    "Không quá 1,5 tháng {ev}", "Khoảng 1,5 tháng {ev}", "Trong 0.5 ngày làm việc {ev}",
]


def fractions() -> Iterator[Probe]:
    """A count not in whole days, or half a period, as a count: the officer's to set."""
    for form in FRACTIONS:
        for ev, _kind in EVENTS:
            yield Probe(form.format(ev=ev), REVIEW, "fraction")
        bare = form.format(ev="").strip()
        yield Probe(bare, REVIEW, "fraction-bare")
        core = form.format(ev=EVENTS[0][0])
        yield Probe(f"UBND xã giải quyết {lower_first(core)}", REVIEW, "fraction-task")
    for cell in (
        "0,5 ngày", "1,5 tháng", "Nửa tháng", "Một tuần rưỡi", "Nửa tháng một lần",
        "Hằng nửa tháng", "1,5 tháng/lần", "Định kỳ 1,5 tháng một lần", "Thời gian thực hiện 1,5 tháng",
        "Thời gian: 0,5 ngày", "Nửa tháng/lần", "Mỗi nửa tháng", "2,5 tháng", "Trong 1,5 năm",
        "Một tháng rưỡi", "Trong 0,5 tháng", "1,5 ngày/lần", "Nửa ngày", "Trong nửa năm",
    ):
        yield Probe(cell, REVIEW, "fraction-bare")
    for cell, expect in (
        ("Nửa cuối tháng 3/2026", day(3, 31)),
        ("Nửa sau tháng 3/2026", day(3, 31)),
        ("Nửa cuối năm 2026", day(12, 31)),
        ("Nửa đầu năm 2026", day(6, 30)),
        ("Trước ngày 15/3/2026 (0,5 ngày)", day(3, 15)),
        ("Ngày 15/6/2026 (1,5 ngày)", day(6, 15)),
        ("Trước ngày 20/4/2026, thời gian 0,5 ngày", day(4, 20)),
        ("Trong 1,5 ngày (15-16/6/2026)", day(6, 16)),
        ("Hoàn thành trước 30/6/2026 (khoảng 1,5 tháng)", day(6, 30)),
    ):
        yield Probe(cell, expect, "fraction-beside", settled=False)
    yield Probe("Nửa đầu tháng 3/2026", REVIEW, "fraction-beside", also=(day(3, 15),))


PERIODS_ALONE = [
    "(kỳ báo cáo năm 2026)", "Kỳ báo cáo năm 2026", "Số liệu năm 2025", "Số liệu năm 2026",
    "Kỳ báo cáo quý", "Năm báo cáo", "Năm báo cáo 2026", "Kỳ báo cáo: quý II/2026",
    "Kỳ báo cáo tháng 6/2026", "Số liệu 6 tháng đầu năm 2026", "Số liệu quý I/2026",
    "(số liệu quý III/2026)", "Số liệu tính đến 31/12/2025", "Số liệu tính đến ngày 30/6/2026",
    "Kỳ báo cáo 6 tháng", "Kỳ báo cáo 6 tháng đầu năm 2026", "Kỳ báo cáo năm", "Số liệu cả năm 2026",
    "Kỳ báo cáo quý IV/2026", "(Năm báo cáo 2026)", "Số liệu tháng 5/2026", "(số liệu năm 2025)",
    "Số liệu đến hết quý II/2026", "Kỳ báo cáo: năm 2026", "Kỳ số liệu năm 2026",
    "Số liệu báo cáo năm 2025", "Kỳ báo cáo tháng", "Số liệu 9 tháng năm 2026",
    "Số liệu tính đến hết năm 2025", "Kỳ báo cáo: 6 tháng cuối năm 2026",
]


def periods_alone() -> Iterator[Probe]:
    """A report's period named alone is no deadline."""
    for period in PERIODS_ALONE:
        yield Probe(period, REVIEW, "period-alone")
        yield Probe(f"Báo cáo kết quả {lower_first(period)}", REVIEW, "period-alone")
        yield Probe(f"UBND xã tổng hợp {lower_first(period)}", REVIEW, "period-alone")


PERIODS_BESIDE = [
    "kỳ báo cáo năm 2026", "số liệu năm 2026", "năm báo cáo 2026", "số liệu 6 tháng đầu năm 2026",
    "kỳ báo cáo quý IV/2026", "số liệu tính đến 30/11/2026", "số liệu quý III/2026",
    "kỳ báo cáo tháng 11/2026", "số liệu 9 tháng năm 2026", "số liệu năm 2025",
]


def periods_beside_a_deadline() -> Iterator[Probe]:
    """A period beside the deadline the cell gives: the deadline."""
    for period in PERIODS_BESIDE:
        title = period[:1].upper() + period[1:]
        yield Probe(f"Trước ngày 20/12/2026 ({period})", day(12, 20), "period-beside")
        yield Probe(f"{title}, gửi trước ngày 20/12/2026", day(12, 20), "period-beside", settled=False)
        yield Probe(f"{title}: chậm nhất ngày 20/12/2026", day(12, 20), "period-beside", settled=False)
        yield Probe(f"Chậm nhất ngày 20/12/2026, {period}", day(12, 20), "period-beside", settled=False)
        yield Probe(f"({title}) trước ngày 20/12/2026", day(12, 20), "period-beside", settled=False)
    for cell, expect in (
        ("Hằng quý (kỳ báo cáo quý)", QUARTERLY),
        ("Ngày 15 hằng tháng (số liệu tháng trước)", monthly(15)),
        ("Hằng quý, số liệu của quý", QUARTERLY),
    ):
        yield Probe(cell, expect, "period-cadence", settled=False)


FREQUENCIES = [
    "Ít nhất 2 lần/năm", "Tối thiểu 2 lần/năm", "Ít nhất 02 lần/quý", "Không quá 3 lần/tháng",
    "Tối đa 2 lần/năm", "Không dưới 4 lần/năm", "Không quá 1 lần/quý", "Ít nhất 3 lần mỗi tháng",
    "Tối thiểu 2 lần trong năm", "Mỗi năm ít nhất 2 lần", "Mỗi tháng không quá 3 lần",
    "Mỗi quý tối thiểu 2 lần", "Không ít hơn 2 lần/năm", "Ít nhất 2 lần một năm",
    "Tối thiểu mỗi quý một lần", "Ít nhất 1 lần/tháng", "Ít nhất mỗi tháng một lần",
    "Ít nhất 01 lần/quý", "Tối thiểu 1 lần/năm", "Không quá 1 lần/năm", "Ít nhất mỗi năm 1 lần",
    "Tối đa mỗi tháng 2 lần", "Không quá 2 lần trong một năm", "Tối thiểu 4 lần/năm",
    "Ít nhất một lần mỗi quý", "Mỗi tháng tối thiểu một lần", "Ít nhất 6 tháng một lần",
    "Không quá 6 tháng một lần", "Tối thiểu 3 tháng/lần", "Ít nhất 1 lần trong 6 tháng",
]


def frequencies() -> Iterator[Probe]:
    """A floor or a ceiling on how often (the corpus labels "ít nhất 02 lần/năm" and
    "tối thiểu 1 lần/năm" reviews): the officer's to set."""
    for core in FREQUENCIES:
        yield Probe(core, REVIEW, "frequency")
        yield Probe(f"Kiểm tra {lower_first(core)}", REVIEW, "frequency")
        yield Probe(f"UBND xã tổ chức giao ban {lower_first(core)}", REVIEW, "frequency")
        yield Probe(f"Định kỳ {lower_first(core)}", REVIEW, "frequency")
        yield Probe(f"{core} (UBND xã thực hiện)", REVIEW, "frequency")
        yield Probe(f"Năm 2026: {lower_first(core)}", REVIEW, "frequency")
    for cell, expect in (
        ("2 lần/năm", HALVES),
        ("Mỗi quý một lần", QUARTERLY),
        ("1 lần/tháng", month_ends()),
        ("Mỗi tháng một lần", month_ends()),
    ):
        yield Probe(cell, expect, "frequency-control", settled=False)


# fmt: on

FAMILIES: list[Callable[[], Iterator[Probe]]] = [
    weekdays_still_weekdays,
    ordinal_weeks_of_a_month,
    ordinals_alone,
    ordinals_beside_a_reading,
    day_ranges_still_days,
    ranges_of_counts,
    approximate_counts,
    fractions,
    periods_beside_a_deadline,
    periods_alone,
    frequencies,
]


# --- the second batch, written after the first batch's rules, before the reader met it ------
# fmt: off

ORDINALS_2 = [
    "phiên họp thứ hai", "kỳ họp thứ 2", "đợt kiểm tra thứ ba", "lần tập huấn thứ tư",
    "ĐỢT THỨ HAI", "Lần Thứ Năm", "đợt thứ bảy", "vòng thứ sáu", "lượt thứ hai",
]
BASES_2: list[tuple[str, tuple[str, ...]]] = [
    ("Trước ngày 15/3/2026", day(3, 15)),
    ("Chậm nhất ngày 10/11/2026", day(11, 10)),
    ("Trong quý III/2026", day(9, 30)),
    ("Thứ Sáu hằng tuần", weekly(4)),
    ("Hằng tháng", month_ends()),
]


def second_ordinals() -> Iterator[Probe]:
    for ordinal in ORDINALS_2:
        title = ordinal[:1].upper() + ordinal[1:]
        for base, expect in BASES_2:
            for cell in (
                f"{title}: {lower_first(base)}",
                f"{base} ({ordinal})",
                f"{base} - {ordinal}",
                f"Tổ chức {ordinal}, {lower_first(base)}",
            ):
                yield Probe(cell, expect, "2-ordinal-beside", settled=False)
        for cell in (title, f"{title} trong năm 2026", f"Tổ chức {ordinal} hằng năm", f"({title})"):
            yield Probe(cell, REVIEW, "2-ordinal-alone")
    for cell in (
        "Ngày thứ ba kể từ ngày khai mạc", "Ngày thứ hai sau khi kết thúc kỳ họp",
        "Trong ngày thứ năm kể từ ngày nhận hồ sơ", "Vào ngày thứ bảy của đợt",
        "Tuần thứ hai sau khi khai mạc", "Tháng thứ ba kể từ ngày ký",
        "Năm thứ hai kể từ ngày phê duyệt", "Kỳ thứ hai trong tháng", "Lần thứ 2, thứ 3",
        "Ngày thứ sáu của kỳ nghỉ", "Buổi thứ hai của lớp tập huấn", "Tiết thứ ba",
        "Ngày thứ tư của hội nghị", "Đến ngày thứ năm kể từ ngày nhận đơn",
    ):
        yield Probe(cell, REVIEW, "2-ordinal-alone")
    for cell, expect in (
        ("Lần thứ hai vào thứ Hai, ngày 15/6/2026", day(6, 15)),
        ("ĐỢT THỨ HAI: TRƯỚC NGÀY 15/3/2026", day(3, 15)),
        ("Quý thứ hai của năm 2026", day(6, 30)),
        ("Đợt thứ hai từ ngày 15/3/2026", ("cont",)),
    ):
        yield Probe(cell, expect, "2-ordinal-beside", settled=False)
    for cell, expect in (
        ("Thứ hai và thứ năm hằng tuần", tuple(sorted(weekly(0) + weekly(3)))),
        ("Các ngày thứ Hai, thứ Tư hằng tuần", tuple(sorted(weekly(0) + weekly(2)))),
        ("Thứ Bảy hằng tuần", weekly(5)),
    ):
        yield Probe(cell, expect, "2-weekday")


EVENTS_2 = [
    "kể từ ngày nhận được đơn", "kể từ ngày kết thúc kỳ họp", "sau khi có kết quả thẩm định",
    "trước ngày tổ chức hội nghị", "sau ngày bầu cử", "kể từ ngày nhận đủ hồ sơ hợp lệ",
]
RANGES_2 = [
    "Từ 05 - 07 ngày làm việc {ev}", "Trong vòng từ {a} đến {b} ngày {ev}", "Sau {a}-{b} ngày {ev}",
    "Mất {a}-{b} ngày {ev}", "Trong 0{a} - {b} ngày làm việc {ev}", "Từ {a} ngày đến {b} ngày {ev}",
    "Tối thiểu {a}, tối đa {b} ngày {ev}", "Trong {a} ~ {b} ngày {ev}", "{a} hoặc {b} ngày {ev}",
    "{a} – {b} ngày làm việc {ev}", "Từ 1 tuần đến 2 tuần {ev}", "Chậm nhất sau {a}-{b} ngày {ev}",
    "Trong hai đến ba ngày {ev}", "Từ ba đến năm ngày làm việc {ev}", "Trong vòng năm đến bảy ngày {ev}",
    "Khoảng {a} - {b} ngày {ev}", "Trong khoảng từ {a} đến {b} ngày làm việc {ev}",
    "{a}/{b} ngày {ev}",
]


def second_ranges() -> Iterator[Probe]:
    for form in RANGES_2:
        for a, b in ((3, 5), (7, 10)):
            for ev in EVENTS_2:
                yield Probe(form.format(a=a, b=b, ev=ev), REVIEW, "2-range")
            core = form.format(a=a, b=b, ev=EVENTS_2[0])
            yield Probe(f"Giải quyết đơn: {lower_first(core)}", REVIEW, "2-range")
            yield Probe(f"{core}; UBND xã trả lời", REVIEW, "2-range")
            yield Probe(form.format(a=a, b=b, ev="").strip(), REVIEW, "2-range")
    for cell, expect, settled in (
        ("Khoảng 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 5, True), True),
        ("Không quá 07 ngày kể từ ngày nhận được văn bản", rel("nhan_van_ban", 7), True),
        ("Tối đa 10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 10), True),
        ("Không vượt quá 15 ngày kể từ ngày ký", rel("ky_van_ban", 15), False),
        ("Không quá mười ngày kể từ ngày nhận được văn bản", rel("nhan_van_ban", 10), False),
        ("Trong thời gian khoảng 10 ngày kể từ ngày ký", rel("ky_van_ban", 10), False),
    ):
        yield Probe(cell, expect, "2-approx", settled=settled)
    for cell in (
        "Khoảng hai tuần", "Chừng một tuần", "Độ 3 ngày", "Không quá 2 - 3 ngày", "Dưới 5 ngày",
        "Hơn 10 ngày", "Trên 15 ngày kể từ ngày ký", "Ít nhất 5 ngày kể từ ngày nhận đơn",
        "Sau ít nhất 10 ngày kể từ ngày ký", "Không dưới 7 ngày kể từ ngày nhận đủ hồ sơ hợp lệ",
        "Khoảng 1 tháng", "Gần 10 ngày", "Xấp xỉ 15 ngày kể từ ngày ký", "Hơn 5 ngày làm việc",
    ):
        yield Probe(cell, REVIEW, "2-approx")


def second_fractions() -> Iterator[Probe]:
    for cell in (
        "0,5 ngày/hồ sơ", "1,5 giờ", "Nửa buổi", "2,5 tháng kể từ ngày ký", "Một năm rưỡi",
        "Ba tháng rưỡi", "Trong 7,5 ngày", "Trong ½ ngày", "Trong 1½ tháng", "15 ngày rưỡi",
        "Trong 0,5 - 1 ngày", "Cứ nửa tháng một lần", "2 tuần rưỡi", "Trong 2.5 tháng",
        "Trong 10.5 ngày", "3.5 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "Trong 2/3 tháng", "Trong 1/4 năm", "Nửa năm kể từ ngày ký", "Một tuần rưỡi kể từ ngày ký",
        "Trong nửa ngày làm việc", "Trong vòng nửa tháng", "Trong một ngày rưỡi kể từ ngày nhận đơn",
        "Thời hạn 4,5 tháng", "Trong 1,5 - 2 tháng", "Khoảng 0,5 ngày",
    ):
        yield Probe(cell, REVIEW, "2-fraction")
        yield Probe(f"UBND xã thực hiện {lower_first(cell)}", REVIEW, "2-fraction")
    yield Probe("Nửa đầu tháng 6/2026", REVIEW, "2-fraction", also=(day(6, 15),))
    for cell, expect in (
        ("Hằng tháng, mỗi lần 0,5 ngày", month_ends()),
        ("Trước ngày 30/6/2026, mỗi đợt 1,5 ngày", day(6, 30)),
        ("Ngày 10/9/2026 (nửa ngày)", day(9, 10)),
        ("Trong buổi sáng ngày 15/3/2026", day(3, 15)),
        ("Quý II/2026 (thời gian 1,5 tháng)", day(6, 30)),
    ):
        yield Probe(cell, expect, "2-fraction-beside", settled=False)


PERIODS_ALONE_2 = [
    "Số liệu tính từ đầu năm đến hết tháng 6/2026", "Số liệu ước thực hiện năm 2026",
    "(số liệu ước cả năm)", "Số liệu chính thức năm 2025", "Năm tài chính 2026",
    "Năm ngân sách 2026", "Năm học 2025-2026", "Kỳ đánh giá: 6 tháng đầu năm 2026",
    "Giai đoạn báo cáo: quý III/2026", "Thời kỳ báo cáo năm 2026", "Số liệu năm trước",
    "Số liệu quý trước", "Số liệu tháng trước", "Số liệu 06 tháng", "Số liệu lũy kế đến hết tháng 9/2026",
    "Kỳ báo cáo năm 2026 (từ 01/01 đến 31/12/2026)", "Báo cáo số liệu năm 2025",
    "SỐ LIỆU NĂM 2025", "Kỳ báo cáo - năm 2026", "Kỳ BC năm 2026", "Số liệu thống kê năm 2025",
    "Số liệu đến 30/9/2026", "Niên độ 2026", "Năm kế hoạch 2027", "Kỳ báo cáo quý I năm 2026",
    "Kỳ báo cáo tháng 10", "Số liệu năm 2025 và 6 tháng đầu năm 2026", "Kỳ thống kê năm 2026",
]


def second_periods() -> Iterator[Probe]:
    for period in PERIODS_ALONE_2:
        yield Probe(period, REVIEW, "2-period-alone")
        yield Probe(f"Rà soát, {lower_first(period)}", REVIEW, "2-period-alone")
    for cell, expect in (
        ("Trước ngày 15/01/2026 (số liệu năm 2025)", day(1, 15)),
        ("Gửi trước ngày 05/10/2026, số liệu 9 tháng năm 2026", day(10, 5)),
        ("Số liệu ước thực hiện năm 2026: trước ngày 20/11/2026", day(11, 20)),
        ("Trước ngày 10 hằng tháng (số liệu tháng trước)", monthly(10)),
        ("Ngày 20 tháng cuối quý (kỳ báo cáo quý)", ("2026-03-20", "2026-06-20", "2026-09-20", "2026-12-20")),
        ("Hằng năm (kỳ báo cáo năm), trước ngày 15/12", day(12, 15)),
        ("Kỳ báo cáo năm 2026 - chậm nhất ngày 25/12/2026", day(12, 25)),
        ("Số liệu năm 2025; gửi trước 31/01/2026", day(1, 31)),
        ("Năm báo cáo 2026, nộp trước ngày 15/12/2026", day(12, 15)),
        ("Trước ngày 05/7/2026 - kỳ báo cáo 6 tháng đầu năm 2026", day(7, 5)),
    ):
        yield Probe(cell, expect, "2-period-beside", settled=False)


FREQUENCIES_2 = [
    "Tối thiểu 02 lần/năm", "Ít nhất hai lần trong một năm", "Không quá hai lần mỗi năm",
    "Tối đa 1 lần/tháng", "Không vượt quá 1 lần/năm", "Nhiều nhất 1 lần/quý",
    "Không được quá 1 lần/năm", "Tối đa mỗi năm một lần", "Không quá một lần trong năm",
    "Không quá 1 lần trong 6 tháng", "Tối thiểu 3 lần/năm", "Ít nhất 4 lần/năm",
    "Ít nhất 12 lần/năm", "Từ 2 đến 3 lần/năm", "2-3 lần/tháng", "1-2 lần/quý",
    "Ít nhất 1-2 lần/năm", "Hằng tháng ít nhất 2 lần", "Mỗi tuần không quá 2 lần",
    "Định kỳ không quá 1 lần/năm", "Tối đa 3 tháng/lần", "Không quá 12 tháng/lần",
    "Không quá 2 lần/năm", "Ít nhất ba lần mỗi năm",
]


def second_frequencies() -> Iterator[Probe]:
    for core in FREQUENCIES_2:
        for cell in (
            core, f"Kiểm tra {lower_first(core)}", f"{core} (UBND xã thực hiện)",
            f"Trong năm 2026, {lower_first(core)}", f"Giám sát: {lower_first(core)}",
        ):
            yield Probe(cell, REVIEW, "2-frequency")
    # A floor of once a period is read as its cadence (the corpus's convention, met in the
    # first batch); a flag is as fair.
    for cell, expect in (
        ("Mỗi quý ít nhất một lần", QUARTERLY),
        ("Không ít hơn 1 lần/quý", QUARTERLY),
        ("Ít nhất 01 lần/năm", day(12, 31)),
        ("Trước ngày 30/11/2026, kiểm tra ít nhất 2 lần", day(11, 30)),
    ):
        yield Probe(cell, expect, "2-frequency", settled=False)


# fmt: on

SECOND_BATCH: list[Callable[[], Iterator[Probe]]] = [
    second_ordinals,
    second_ranges,
    second_fractions,
    second_periods,
    second_frequencies,
]


def frequency_places(core: str) -> list[str]:
    """The places ``frequencies`` writes a floor or a ceiling in."""
    low = lower_first(core)
    return [
        core,
        f"Kiểm tra {low}",
        f"UBND xã tổ chức giao ban {low}",
        f"Định kỳ {low}",
        f"{core} (UBND xã thực hiện)",
        f"Năm 2026: {low}",
    ]


# Read wrong without a flag and left so, their labels kept as written (README, eleventh pass):
# this pass labelled a floor of once a period a review, but the corpus's tune labels (and
# round twenty-three's rule) read "ít nhất một lần/năm", "ít nhất 6 tháng một lần" as the
# cadence; and a week of the month with no day in it, labelled a review here, is read as its
# Friday by ``tests/schedule/test_timing.py``'s own case ("tuần thứ hai của tháng").
# "Tối thiểu 1 lần/năm": the corpus label this pass cited was changed after it (5f18c9a: the
# bare yearly cadence, as "ít nhất một lần/năm" is), and hsweep2 reads "tối thiểu" before a
# number of times as "ít nhất"; read as the yearly cadence, no longer flagged.
# "Tối thiểu mỗi quý một lần", "Ít nhất mỗi tháng một lần", "Ít nhất 01 lần/quý", "Ít nhất một
# lần mỗi quý" (hlex4): the label conventions now say once a period at least is that period's
# cadence (hconv, haudit5), so hlex4 reads the quarter's and the week's, and the floor said
# before "mỗi <period> một lần", as the month's and the year's were read; labels kept as written.
KNOWN_SILENT: frozenset[str] = frozenset(
    [
        cell
        for core in (
            "Ít nhất 1 lần/tháng",
            "Ít nhất mỗi năm 1 lần",
            "Ít nhất 6 tháng một lần",
            "Tối thiểu 1 lần/năm",
            "Tối thiểu mỗi quý một lần",
            "Ít nhất mỗi tháng một lần",
            "Ít nhất 01 lần/quý",
            "Ít nhất một lần mỗi quý",
        )
        for cell in frequency_places(core)
    ]
    + ["Tuần thứ hai hằng tháng", "Tuần thứ ba của tháng", "Tuần thứ tư của tháng"]
)


PASS = Pass(FAMILIES + SECOND_BATCH, RIGHT_SHARE, known=KNOWN_SILENT)
test_the_probes_are_many_distinct_cells = PASS.size_test(2000, 4000)
test_no_cell_is_read_wrong_without_a_flag, test_most_cells_are_read_right = PASS.tests()


if __name__ == "__main__":
    # uv run python -m tests.schedule.test_timing_probe11 [kind …] [--silent]
    PASS.print_misses()


# --- an ordinal offers no weekday, even flagged ---------------------------------------------


@pytest.mark.parametrize(
    ("cell", "weekdays"),
    [
        ("Kỳ thứ hai", set()),
        ("Đợt thứ ba", set()),
        ("Lần thứ tư", set()),
        ("Phiên họp thứ năm", set()),
        ("Tổ chức kỳ họp thứ 2, thứ Sáu hằng tuần", {"FR"}),
        ("Họp 1 lần vào thứ Hai hằng tuần", {"MO"}),
    ],
)
def test_an_ordinal_is_no_weekday(cell: str, weekdays: set[str]) -> None:
    from tracker.schedule.timing import parse_timing

    found = {
        day
        for rule in parse_timing(cell, year=YEAR).rules
        if rule.rrule and "FREQ=WEEKLY" in rule.rrule
        for day in rule.rrule.split("BYDAY=")[1].split(";")[0].split(",")
    }
    assert found == weekdays
