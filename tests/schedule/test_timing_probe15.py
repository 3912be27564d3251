"""The cell reader (``parse_timing``) on reporting clauses: a report's period, its data cut-off
and its sending deadline, for monthly, quarterly, six-monthly, nine-monthly and yearly reports,
alone or together in one cell (fifteenth probing pass, hprobe15).

Ministries' and provinces' reporting rules write three days for one report: the period it
covers ("Kỳ báo cáo 6 tháng: tính từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 6"), the day
its figures are taken ("Thời gian chốt số liệu: ngày 14 của tháng cuối quý") and the day it is
sent ("Thời hạn gửi báo cáo: trước ngày 18 của tháng cuối quý"), with "năm trước", "năm báo
cáo", "năm sau", "tháng cuối kỳ", "tháng đầu của kỳ sau", "kỳ kế tiếp". Round forty's first
sight found the reader silently wrong four times in this family.

Each cell was written for this pass (none taken from the corpus) and its expected reading was
worked out from its words before the reader was run on any of them, in the corpus's terms
(``tests/plans/corpus/README.md``, "Labels"; the plan's year 2026):

- the sending deadline is the task's deadline (a cadence over the report's kind, or a date);
  a period beside it, or a cut-off beside it, is read with it: the deadline;
- a period alone is due at its end, a cut-off alone on its day (the corpus's labels of such
  clauses);
- "năm sau" after a yearly report's day is that day in the plan's year, as the corpus labels
  it ("trước ngày 01/10 năm sau"); a flag is as right there (``settled=False``). [After the
  first run: this misquotes the corpus, whose labels put that day in the next year; the cells
  are kept as written and the next year's reading named, see ``known``.]
- a "kỳ" that names no kind ("tháng cuối kỳ" with no report named), a "tháng sau" of no month,
  two kinds' deadlines joined by "hoặc": REVIEW.

Batches, each committed before the reader was run on it (README, fifteenth pass).

The property: no cell is read wrong without a flag (but those named after the first run, see
``known``); at least ``RIGHT_SHARE`` of the cells are read right.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.plans.corpus.corpus import reading
from tests.schedule.probing import (
    REVIEW,
    Pass,
    Probe,
    Verdict,
    day,
    monthly,
)
from tracker.schedule.timing import parse_timing

RIGHT_SHARE = 0.75


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def quarterly_on(dom: int, months: tuple[int, ...] = (3, 6, 9, 12)) -> tuple[str, ...]:
    return tuple(d for m in months for d in day(m, dom))


@dataclass(frozen=True)
class Kind:
    """One report's kind: its names, its period, its cut-off, and its sending deadlines, each
    with what it says."""

    key: str
    names: tuple[str, ...]
    period: tuple[str, tuple[str, ...]]
    cutoff: tuple[str, tuple[str, ...]]
    sends: tuple[tuple[str, tuple[str, ...], bool], ...]  # (words, reading, settled)


# fmt: off

KINDS = [
    Kind(
        "month",
        ("Báo cáo tháng", "Báo cáo định kỳ hằng tháng", "Báo cáo hằng tháng"),
        ("từ ngày 15 của tháng trước đến ngày 14 của tháng báo cáo", monthly(14)),
        ("ngày 14 hằng tháng", monthly(14)),
        (
            ("trước ngày 18 hằng tháng", monthly(18), True),
            ("chậm nhất ngày 18 hằng tháng", monthly(18), True),
            ("trước ngày 05 của tháng kế tiếp tháng báo cáo", monthly(5), True),
            ("trước ngày 05 của tháng sau tháng báo cáo", monthly(5), True),
        ),
    ),
    Kind(
        "quarter",
        ("Báo cáo quý", "Báo cáo định kỳ hằng quý", "Báo cáo hằng quý"),
        ("từ ngày 15 của tháng trước quý báo cáo đến ngày 14 của tháng cuối quý", quarterly_on(14)),
        ("ngày 14 của tháng cuối quý", quarterly_on(14)),
        (
            ("trước ngày 18 của tháng cuối quý", quarterly_on(18), True),
            ("chậm nhất ngày 18 của tháng cuối quý", quarterly_on(18), True),
            ("trước ngày 12 của tháng đầu quý sau", quarterly_on(12, (1, 4, 7, 10)), True),
            ("trước ngày 12 của tháng đầu tiên của kỳ kế tiếp", quarterly_on(12, (1, 4, 7, 10)), True),
        ),
    ),
    Kind(
        "half",
        ("Báo cáo 6 tháng", "Báo cáo sáu tháng", "Báo cáo 6 tháng đầu năm"),
        ("từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 6 năm báo cáo", day(6, 14)),
        ("ngày 14 tháng 6", day(6, 14)),
        (
            ("trước ngày 18 tháng 6", day(6, 18), True),
            ("chậm nhất ngày 18/6", day(6, 18), True),
            ("trước ngày 12 tháng 7", day(7, 12), True),
            ("trước ngày 18 tháng 6 của năm báo cáo", day(6, 18), True),
        ),
    ),
    Kind(
        "nine",
        ("Báo cáo 9 tháng", "Báo cáo chín tháng", "Báo cáo 9 tháng đầu năm"),
        ("từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 9 năm báo cáo", day(9, 14)),
        ("ngày 14 tháng 9", day(9, 14)),
        (
            ("trước ngày 18 tháng 9", day(9, 18), True),
            ("chậm nhất ngày 18/9", day(9, 18), True),
        ),
    ),
    Kind(
        "year",
        ("Báo cáo năm", "Báo cáo hằng năm", "Báo cáo tổng kết năm"),
        ("từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 12 năm báo cáo", day(12, 14)),
        ("ngày 14 tháng 12", day(12, 14)),
        (
            ("trước ngày 18 tháng 12", day(12, 18), True),
            ("chậm nhất ngày 18/12", day(12, 18), True),
            ("trước ngày 18 tháng 12 của năm báo cáo", day(12, 18), True),
            ("trước ngày 15 tháng 01 năm sau", day(1, 15), False),
            ("trước ngày 15 tháng 01 của năm sau năm báo cáo", day(1, 15), False),
        ),
    ),
]

# How a sending deadline is introduced: a label, a verb.
SEND_LEADS = [
    "Thời hạn gửi báo cáo: {send}",
    "Thời hạn gửi báo cáo {send}",
    "Gửi báo cáo {send}",
    "Hạn nộp báo cáo: {send}",
    "Thời gian gửi báo cáo: {send}",
    "Ngày gửi báo cáo: {send}",
]

# How a period is introduced.
PERIOD_LEADS = [
    "Kỳ báo cáo: tính từ {period}",
    "Kỳ báo cáo tính từ {period}",
    "Thời gian lấy số liệu: {period}",
    "Số liệu báo cáo tính từ {period}",
]

# How a cut-off is introduced.
CUTOFF_LEADS = [
    "Thời gian chốt số liệu: {cut}",
    "Ngày chốt số liệu: {cut}",
    "Chốt số liệu vào {cut}",
]

# Between two clauses of one cell.
JOINS = ["; ", ". ", "\n", ", "]

# fmt: on


def sending_alone() -> Iterator[Probe]:
    """A report's name and its sending deadline, in several places: the deadline."""
    for kind in KINDS:
        for i, (send, expect, settled) in enumerate(kind.sends):
            for j, lead in enumerate(SEND_LEADS):
                name = kind.names[(i + j) % len(kind.names)]
                clause = lead.format(send=send)
                yield Probe(f"{name}: {lower_first(clause)}", expect, f"send-{kind.key}", settled)
                yield Probe(f"{clause} ({lower_first(name)})", expect, f"send-{kind.key}", settled)
                yield Probe(
                    f"{clause} đối với {lower_first(name)}", expect, f"send-{kind.key}", settled
                )
            name = kind.names[i % len(kind.names)]
            yield Probe(f"{name} gửi {send}", expect, f"send-{kind.key}", settled)
            yield Probe(
                f"{name} gửi về Ủy ban nhân dân xã {send}", expect, f"send-{kind.key}", settled
            )


def period_alone() -> Iterator[Probe]:
    """A report's period with no sending deadline: due at its end."""
    for kind in KINDS:
        period, expect = kind.period
        for j, lead in enumerate(PERIOD_LEADS):
            name = kind.names[j % len(kind.names)]
            clause = lead.format(period=period)
            yield Probe(f"{name}: {lower_first(clause)}", expect, f"period-{kind.key}")
            yield Probe(f"{clause} ({lower_first(name)})", expect, f"period-{kind.key}")


def cutoff_alone() -> Iterator[Probe]:
    """A report's data cut-off with no sending deadline: on its day."""
    for kind in KINDS:
        cut, expect = kind.cutoff
        for j, lead in enumerate(CUTOFF_LEADS):
            name = kind.names[j % len(kind.names)]
            clause = lead.format(cut=cut)
            yield Probe(f"{name}: {lower_first(clause)}", expect, f"cutoff-{kind.key}")
            yield Probe(f"{clause} ({lower_first(name)})", expect, f"cutoff-{kind.key}")


def period_and_sending() -> Iterator[Probe]:
    """A period beside a sending deadline, either first: the deadline."""
    for kind in KINDS:
        period, _ = kind.period
        for i, (send, expect, settled) in enumerate(kind.sends):
            for j, join in enumerate(JOINS):
                name = kind.names[(i + j) % len(kind.names)]
                p = PERIOD_LEADS[(i + j) % len(PERIOD_LEADS)].format(period=period)
                s = SEND_LEADS[(i * 2 + j) % len(SEND_LEADS)].format(send=send)
                yield Probe(
                    f"{name}: {lower_first(p)}{join}{upper_first(s) if join != ', ' else lower_first(s)}",
                    expect,
                    f"period+send-{kind.key}",
                    settled,
                )
                yield Probe(
                    f"{name}: {lower_first(s)}{join}{upper_first(p) if join != ', ' else lower_first(p)}",
                    expect,
                    f"send+period-{kind.key}",
                    settled,
                )


def cutoff_and_sending() -> Iterator[Probe]:
    """A cut-off beside a sending deadline, either first: the deadline."""
    for kind in KINDS:
        cut, _ = kind.cutoff
        for i, (send, expect, settled) in enumerate(kind.sends):
            for j, join in enumerate(JOINS):
                name = kind.names[(i + j) % len(kind.names)]
                c = CUTOFF_LEADS[(i + j) % len(CUTOFF_LEADS)].format(cut=cut)
                s = SEND_LEADS[(i + j * 2) % len(SEND_LEADS)].format(send=send)
                yield Probe(
                    f"{name}: {lower_first(c)}{join}{upper_first(s) if join != ', ' else lower_first(s)}",
                    expect,
                    f"cutoff+send-{kind.key}",
                    settled,
                )
                yield Probe(
                    f"{name}: {lower_first(s)}{join}{upper_first(c) if join != ', ' else lower_first(c)}",
                    expect,
                    f"send+cutoff-{kind.key}",
                    settled,
                )


def all_three() -> Iterator[Probe]:
    """A period, a cut-off and a sending deadline in one cell, in three orders: the deadline."""
    for kind in KINDS:
        period, _ = kind.period
        cut, _ = kind.cutoff
        for i, (send, expect, settled) in enumerate(kind.sends):
            for j, join in enumerate(JOINS[:3]):
                name = kind.names[(i + j) % len(kind.names)]
                p = PERIOD_LEADS[(i + j) % len(PERIOD_LEADS)].format(period=period)
                c = CUTOFF_LEADS[(i + j) % len(CUTOFF_LEADS)].format(cut=cut)
                s = SEND_LEADS[(i + j) % len(SEND_LEADS)].format(send=send)
                for order in ((p, c, s), (s, p, c), (c, s, p)):
                    body = join.join(upper_first(x) for x in order)
                    yield Probe(
                        f"{name}.\n{body}" if join == "\n" else f"{name}: {lower_first(body)}",
                        expect,
                        f"three-{kind.key}",
                        settled,
                    )


def several_kinds() -> Iterator[Probe]:
    """Several reports' deadlines in one cell: all their days (a list read whole)."""
    q18 = quarterly_on(18)
    cells: list[tuple[str, tuple[str, ...], bool]] = [
        (
            "Báo cáo 6 tháng gửi trước ngày 18/6; báo cáo năm gửi trước ngày 18/12",
            day(6, 18) + day(12, 18),
            True,
        ),
        (
            "Báo cáo 6 tháng: trước ngày 18 tháng 6. Báo cáo năm: trước ngày 18 tháng 12",
            day(6, 18) + day(12, 18),
            True,
        ),
        (
            "Báo cáo 6 tháng, báo cáo năm: gửi trước ngày 18 của tháng cuối kỳ",
            day(6, 18) + day(12, 18),
            True,
        ),
        (
            "Báo cáo 6 tháng và báo cáo năm gửi trước ngày 18 của tháng cuối kỳ báo cáo",
            day(6, 18) + day(12, 18),
            True,
        ),
        ("Báo cáo quý, 6 tháng, 9 tháng và năm: gửi trước ngày 18 của tháng cuối kỳ", q18, True),
        (
            "Báo cáo quý gửi trước ngày 18 của tháng cuối quý; báo cáo năm gửi trước ngày 18/12",
            q18,
            True,
        ),
        (
            "Báo cáo quý: trước ngày 18 tháng cuối quý; báo cáo 6 tháng: trước ngày 18/6; báo cáo 9 "
            "tháng: trước ngày 18/9; báo cáo năm: trước ngày 18/12",
            q18,
            True,
        ),
        (
            "Báo cáo 9 tháng gửi trước ngày 18/9, báo cáo năm gửi trước ngày 18/12",
            day(9, 18) + day(12, 18),
            True,
        ),
        (
            "- Báo cáo 6 tháng: trước ngày 18/6\n- Báo cáo năm: trước ngày 18/12",
            day(6, 18) + day(12, 18),
            True,
        ),
        (
            "Báo cáo tháng gửi trước ngày 18 hằng tháng; báo cáo quý gửi trước ngày 18 của tháng cuối quý",
            monthly(18),
            False,
        ),
    ]
    for cell, expect, settled in cells:
        yield Probe(cell, expect, "several", settled)


def counts_from_a_period_end() -> Iterator[Probe]:
    """A count of calendar days from the end of a named period: that many days after each end."""
    cells: list[tuple[str, tuple[str, ...]]] = [
        ("Báo cáo quý gửi trong 15 ngày kể từ ngày kết thúc quý", quarterly_on(15, (1, 4, 7, 10))),
        ("Báo cáo quý: chậm nhất 15 ngày sau khi kết thúc quý", quarterly_on(15, (1, 4, 7, 10))),
        (
            "Thời hạn gửi báo cáo quý: trong vòng 15 ngày kể từ ngày kết thúc quý",
            quarterly_on(15, (1, 4, 7, 10)),
        ),
        ("Báo cáo năm gửi chậm nhất 15 ngày kể từ ngày kết thúc năm", day(1, 15)),
    ]
    for cell, expect in cells:
        yield Probe(cell, expect, "count-end", settled=False)


def with_a_holiday_clause() -> Iterator[Probe]:
    """A sending deadline moved to the next working day when it falls on a day off: the
    deadline (the holiday policy is not judged; a flag is as right)."""
    tails = [
        " (nếu trùng ngày nghỉ thì gửi vào ngày làm việc tiếp theo)",
        "; trường hợp trùng ngày nghỉ, ngày lễ thì gửi vào ngày làm việc kế tiếp",
        ", nếu trùng ngày nghỉ thì lùi sang ngày làm việc tiếp theo",
    ]
    for kind in KINDS:
        for i, (send, expect, _) in enumerate(kind.sends[:2]):
            for j, tail in enumerate(tails):
                name = kind.names[(i + j) % len(kind.names)]
                yield Probe(
                    f"{name} gửi {send}{tail}", expect, f"holiday-{kind.key}", settled=False
                )


def undecided() -> Iterator[Probe]:
    """Words an officer must decide: REVIEW."""
    cells = [
        # "kỳ" names no kind of report.
        "Gửi báo cáo trước ngày 18 của tháng cuối kỳ",
        "Thời hạn gửi báo cáo: trước ngày 18 của tháng cuối kỳ báo cáo",
        "Báo cáo định kỳ gửi trước ngày 12 của tháng đầu tiên của kỳ kế tiếp",
        "Thời gian chốt số liệu: ngày 14 của tháng cuối kỳ",
        "Chốt số liệu vào ngày cuối cùng của kỳ báo cáo",
        "Kỳ báo cáo: từ ngày 15 của tháng trước kỳ đến ngày 14 của tháng cuối kỳ",
        # "tháng sau" of no month, "năm sau" of no year.
        "Gửi báo cáo trước ngày 20 tháng sau",
        "Hạn nộp báo cáo: ngày 10 tháng sau",
        "Gửi báo cáo trước ngày 15/01 năm sau",
        # Two kinds' deadlines offered, one or the other.
        "Báo cáo gửi trước ngày 18 hằng tháng hoặc trước ngày 18 của tháng cuối quý",
        "Gửi báo cáo trước ngày 18/6 hoặc trước ngày 18/12",
        # A count from a period's end with no period named.
        "Gửi báo cáo trong 15 ngày kể từ ngày kết thúc kỳ báo cáo",
        # A cut-off whose day is left to another text.
        "Thời gian chốt số liệu theo hướng dẫn của cấp trên",
    ]
    for cell in cells:
        yield Probe(cell, REVIEW, "undecided")


FAMILIES = [
    sending_alone,
    period_alone,
    cutoff_alone,
    period_and_sending,
    cutoff_and_sending,
    all_three,
    several_kinds,
    counts_from_a_period_end,
    with_a_holiday_clause,
    undecided,
]


# Second batch, written after the first batch's rules and committed before the reader was run
# on it: other leads, other days, bullets, reports named otherwise.
KINDS_2 = [
    Kind(
        "month",
        ("Báo cáo tình hình thực hiện hằng tháng", "Báo cáo công tác tháng"),
        ("từ ngày 20 của tháng trước đến ngày 19 của tháng báo cáo", monthly(19)),
        ("ngày 19 hằng tháng", monthly(19)),
        (
            ("trước ngày 24 hằng tháng", monthly(24), True),
            ("chậm nhất vào ngày 24 hằng tháng", monthly(24), True),
        ),
    ),
    Kind(
        "quarter",
        ("Báo cáo công tác quý", "Báo cáo kết quả thực hiện hằng quý"),
        ("từ ngày 20 của tháng trước kỳ báo cáo đến ngày 19 của tháng cuối quý", quarterly_on(19)),
        ("ngày 19 của tháng cuối quý", quarterly_on(19)),
        (
            ("chậm nhất vào ngày 23 của tháng cuối quý", quarterly_on(23), True),
            ("trước ngày 06 của tháng đầu quý sau", quarterly_on(6, (1, 4, 7, 10)), True),
        ),
    ),
    Kind(
        "half",
        ("Báo cáo sơ kết 6 tháng", "Báo cáo 06 tháng"),
        ("từ ngày 20 tháng 12 năm trước đến ngày 19 tháng 6 năm báo cáo", day(6, 19)),
        ("ngày 19 tháng 6", day(6, 19)),
        (
            ("trước ngày 23/6", day(6, 23), True),
            ("chậm nhất ngày 05 tháng 7", day(7, 5), True),
        ),
    ),
    Kind(
        "nine",
        ("Báo cáo 09 tháng", "Báo cáo chín tháng đầu năm"),
        ("từ ngày 20 tháng 12 năm trước đến ngày 19 tháng 9 năm báo cáo", day(9, 19)),
        ("ngày 19 tháng 9", day(9, 19)),
        (
            ("trước ngày 23/9", day(9, 23), True),
            ("chậm nhất ngày 23 tháng 9", day(9, 23), True),
        ),
    ),
    Kind(
        "year",
        ("Báo cáo tổng kết công tác năm", "Báo cáo cả năm"),
        ("từ ngày 20 tháng 12 năm trước đến ngày 19 tháng 12 năm báo cáo", day(12, 19)),
        ("ngày 19 tháng 12", day(12, 19)),
        (
            ("trước ngày 23/12", day(12, 23), True),
            ("chậm nhất ngày 23 tháng 12", day(12, 23), True),
        ),
    ),
]

SEND_LEADS_2 = [
    "Hạn cuối gửi báo cáo: {send}",
    "Báo cáo gửi về Phòng Văn hóa {send}",
    "Các thôn tổng hợp, gửi Ủy ban nhân dân xã {send}",
    "Nộp về Văn phòng {send}",
]
PERIOD_LEADS_2 = [
    "Số liệu được tính từ {period}",
    "Thời gian lấy số liệu báo cáo: {period}",
    "Kỳ báo cáo được tính {period}",
]
CUTOFF_LEADS_2 = [
    "Thời điểm chốt số liệu: {cut}",
    "Số liệu chốt vào {cut}",
    "Mốc chốt số liệu là {cut}",
]


def second_batch() -> Iterator[Probe]:
    """The first batch's families over other leads, days and names; and bulleted cells."""
    for kind in KINDS_2:
        period, p_expect = kind.period
        cut, c_expect = kind.cutoff
        for i, (send, expect, settled) in enumerate(kind.sends):
            for j, lead in enumerate(SEND_LEADS_2):
                name = kind.names[(i + j) % len(kind.names)]
                s = lead.format(send=send)
                yield Probe(f"{name}: {lower_first(s)}", expect, f"b2-send-{kind.key}", settled)
                p = PERIOD_LEADS_2[(i + j) % len(PERIOD_LEADS_2)].format(period=period)
                c = CUTOFF_LEADS_2[(i + j) % len(CUTOFF_LEADS_2)].format(cut=cut)
                yield Probe(f"{name}. {p}; {s}", expect, f"b2-period+send-{kind.key}", settled)
                yield Probe(f"{name}. {s}; {c}", expect, f"b2-send+cutoff-{kind.key}", settled)
                yield Probe(f"- {name}\n- {c}\n- {s}", expect, f"b2-bullets-{kind.key}", settled)
                yield Probe(
                    f"{name}: {lower_first(c)}, {lower_first(s)}",
                    expect,
                    f"b2-cutoff+send-{kind.key}",
                    settled,
                )
        for j, lead in enumerate(PERIOD_LEADS_2):
            name = kind.names[j % len(kind.names)]
            yield Probe(
                f"{name}: {lower_first(lead.format(period=period))}",
                p_expect,
                f"b2-period-{kind.key}",
            )
        for j, lead in enumerate(CUTOFF_LEADS_2):
            name = kind.names[j % len(kind.names)]
            yield Probe(
                f"{name}: {lower_first(lead.format(cut=cut))}", c_expect, f"b2-cutoff-{kind.key}"
            )


def second_undecided() -> Iterator[Probe]:
    """Second batch: words an officer must decide, REVIEW."""
    cells = [
        "Hạn cuối gửi báo cáo: ngày 23 của tháng cuối kỳ",
        "Nộp về Văn phòng trước ngày 06 của tháng đầu kỳ sau",
        "Số liệu chốt vào ngày cuối kỳ; gửi báo cáo sau đó 5 ngày",
        "Báo cáo gửi về Phòng Văn hóa ngày 24 tháng sau",
        "Báo cáo cả năm: chậm nhất ngày 23/12 hoặc ngày 10/01",
        "Thời điểm chốt số liệu do Ủy ban nhân dân huyện quyết định",
        "Báo cáo 09 tháng: không phải gửi nếu đã gửi báo cáo quý III",
    ]
    for cell in cells:
        yield Probe(cell, REVIEW, "b2-undecided")
    # A regular report and an ad hoc one: both (a flag as right).
    yield Probe(
        "Báo cáo công tác quý gửi trước ngày 23 của tháng cuối quý hoặc khi có yêu cầu đột xuất",
        (*quarterly_on(23), "ond:yeu_cau"),
        "b2-on-demand",
        settled=False,
    )


FAMILIES_2 = [second_batch, second_undecided]


# Found after the first run, against the corpus's own labels (written by others before any
# reader ran on them): "trước ngày 15 tháng 01 năm sau" beside a yearly report is labelled in
# the next year there ("trước ngày 01/10 năm sau" in a page of 2019 is 2020-10-01; "Báo cáo cả
# năm gửi trước ngày 10/01 của năm liền kề năm báo cáo" in 2016 is 2017-01-10). This pass's
# docstring misquoted that convention: its "năm sau" cells expected the day in 2026. They are
# left as written, not relabelled; the reader's reading of the same day in 2027 is named here as
# the corpus's, and not counted silent.
def _next_year_of(expect: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(e.replace("2026-", "2027-", 1) for e in expect)


def _next_year_known(v: Verdict) -> bool:
    cell = v.probe.cell
    next_year = "năm sau" in cell or "kết thúc năm" in cell
    if not next_year or v.flagged:
        return False
    if v.probe.expect == REVIEW:
        return v.got == ("2027-01-15",)  # "Gửi báo cáo trước ngày 15/01 năm sau"
    return v.got == _next_year_of(v.probe.expect)


# "Thời gian chốt số liệu theo hướng dẫn của cấp trên": expected REVIEW; the reader reads a
# cut-off set by an upper level's guidance (an event, 0 days), as the corpus reads "Thời gian
# chốt số liệu theo yêu cầu bằng văn bản của …" (on demand). Named, not relabelled.
KNOWN_SILENT: frozenset[str] = frozenset({"Thời gian chốt số liệu theo hướng dẫn của cấp trên"})


def known(found: list[Verdict]) -> frozenset[str]:
    return KNOWN_SILENT | {v.probe.cell for v in found if _next_year_known(v)}


PASS = Pass(
    FAMILIES + FAMILIES_2,
    RIGHT_SHARE,
    ignore=frozenset({"hol:previous", "hol:next"}),
    known=known,
)
test_no_cell_is_read_wrong_without_a_flag, test_most_cells_are_read_right = PASS.tests()


# Unit tests of the rules this pass made, with wordings of its own.
def _read(text: str) -> tuple[bool, tuple[str, ...]]:
    result = parse_timing(text, year=2026)
    got = tuple(t for t in reading(result.rules, 2026) if not t.startswith("hol:"))
    return result.review, got


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # A cut-off given as a day of each quarter's last month, beside the sending clause.
        (
            "Báo cáo quý. Mốc chốt số liệu: ngày 10 của tháng cuối quý; gửi về xã chậm nhất "
            "ngày 16 của tháng cuối quý",
            quarterly_on(16),
        ),
        # The same on two lines, the cut-off second (capitalised: a line of its own).
        (
            "Hằng quý gửi báo cáo chậm nhất ngày 16 của tháng cuối quý\nChốt số liệu vào ngày "
            "10 của tháng cuối quý",
            quarterly_on(16),
        ),
        # A monthly data period beside the sending clause.
        (
            "Báo cáo hằng tháng; kỳ báo cáo tính từ ngày 21 của tháng trước đến ngày 20 của "
            "tháng báo cáo; nộp trước ngày 25 hằng tháng",
            monthly(25),
        ),
        # A report's name heading the cell names the report of the clauses after it.
        (
            "Báo cáo 6 tháng đầu năm: số liệu tính từ ngày 01/12 năm trước đến ngày 31/5; gửi "
            "trước ngày 07 tháng 6",
            day(6, 7),
        ),
        # "của năm báo cáo" after the day is the day's year.
        (
            "Nộp báo cáo trước ngày 09 tháng 6 của năm báo cáo đối với báo cáo 6 tháng đầu năm",
            day(6, 9),
        ),
    ],
)
def test_a_data_clause_beside_a_sending_clause_is_set_aside(
    text: str, expect: tuple[str, ...]
) -> None:
    assert _read(text) == (False, tuple(sorted(expect)))


@pytest.mark.parametrize(
    "text",
    [
        # No clause sends: a cut-off beside another day still flags (hprobe4's rule).
        "Chốt số liệu ngày 30/5/2026, báo cáo trước ngày 05/6/2026",
        # A data period beside a day no clause sends.
        "Kỳ báo cáo từ 01/12/2025 đến 30/11/2026; ngày 02/12/2026",
    ],
)
def test_a_data_clause_beside_no_sending_clause_still_flags(text: str) -> None:
    assert _read(text)[0]


def test_a_cut_off_alone_is_read_as_before() -> None:
    assert _read("Thời gian chốt số liệu: ngày 10 của tháng cuối quý") == (False, quarterly_on(10))


if __name__ == "__main__":
    # uv run python -m tests.schedule.test_timing_probe15 [kind …] [--silent]; the cells named
    # (next year, or KNOWN_SILENT) counted and left out
    PASS.print_misses(set_aside_known=True)


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # The nine-month report: its name beside its sending day, and alone (its period's end).
        ("Báo cáo chín tháng đầu năm gửi về huyện trước ngày 22/9", day(9, 22)),
        ("Báo cáo 09 tháng", day(9, 30)),
        # A day of the first month of the next period, the report's kind named once.
        (
            "Báo cáo hằng quý, nộp trước ngày 08 của tháng đầu của kỳ tiếp theo",
            quarterly_on(8, (1, 4, 7, 10)),
        ),
        ("Báo cáo tháng: gửi chậm nhất ngày 06 tháng đầu tiên của kỳ sau", monthly(6)),
    ],
)
def test_report_kinds_and_next_periods(text: str, expect: tuple[str, ...]) -> None:
    assert _read(text) == (False, tuple(sorted(expect)))


@pytest.mark.parametrize(
    "text",
    [
        # No kind named, or two: which period is next, the cell does not say.
        "Gửi trước ngày 08 của tháng đầu tiên của kỳ kế tiếp",
        "Báo cáo quý, báo cáo năm: trước ngày 08 của tháng đầu tiên của kỳ kế tiếp",
    ],
)
def test_a_next_period_of_no_single_kind_flags(text: str) -> None:
    assert _read(text)[0]


def test_a_bulleted_report_name_heads_the_bullets_after_it() -> None:
    text = "- Báo cáo chín tháng\n- Số liệu chốt vào ngày 12 tháng 9\n- Gửi Phòng Nội vụ trước 21/9"
    assert _read(text) == (False, day(9, 21))


@pytest.mark.parametrize(
    "text",
    [
        # The first half's or the nine months' report beside a day it does not name, in a
        # clause of its own: the report's own end, or the day? Flagged, not both read.
        "Báo cáo 09 tháng; họp giao ban ngày 14/8/2026",
        "Báo cáo 6 tháng đầu năm; rà soát hồ sơ trước ngày 03/7/2026",
    ],
)
def test_a_half_or_nine_month_report_beside_another_day_flags(text: str) -> None:
    assert _read(text)[0]
