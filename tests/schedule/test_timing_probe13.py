"""The cell reader (``parse_timing``) on cells that hold a condition, an exception or several
cases (thirteenth probing pass, hprobe13): exceptions ("trừ trường hợp …", "ngoại trừ …",
"riêng …", "không áp dụng đối với …"); cases ("đối với … thì chậm nhất …; đối với … thì …",
"trường hợp … thì …", "nếu … thì …", "hoặc …", "tùy theo …"); extensions and alternatives ("có
thể gia hạn thêm 10 ngày", "gia hạn không quá 01 lần", "hoặc theo yêu cầu của cấp trên", "hoặc
đột xuất khi có yêu cầu"); several deadlines for several units ("Xã: trước 10/6; huyện: trước
20/6", the villages before the commune, the commune before the district).

Each cell was written for this pass (none taken from the corpus) and its expected reading was
worked out from its words before the reader was run on any of them, in the corpus's terms
(``tests/plans/corpus/README.md``, "Labels"; the plan's year 2026):

- an exception or a condition that moves no deadline ("trừ trường hợp bất khả kháng", "nếu có
  vướng mắc thì báo cáo …", "tùy theo tình hình thực tế") beside a reading: the reading,
  unsettled (a flag as fair, the officer may ask whom it binds);
- a case or a unit given its own deadline beside the general one ("riêng xã A trước …",
  "đối với cấp xã …; đối với cấp huyện …", "Xã: …; Huyện: …"): the deadlines of every case,
  unsettled (the reading does not say which is whose, so a flag is as fair);
- two deadlines offered as alternatives for the same task, or a later one if a condition holds
  ("… hoặc trước ngày …", "trường hợp chưa hoàn thành thì trước …", "nếu … thì kéo dài đến …",
  "tùy theo … trước … hoặc …"): REVIEW, the officer must choose;
- an extension that may be granted ("có thể gia hạn thêm 10 ngày", "gia hạn không quá 01 lần"):
  the deadline as written, unsettled;
- "hoặc theo yêu cầu", "hoặc đột xuất khi có yêu cầu" beside a reading: the reading and the
  on-demand token (the corpus's convention), unsettled, the reading alone also taken;
- a period excepted from a cadence ("trừ tháng 2", "riêng quý IV trước …"): the cadence without
  it or with the excepted period's own day, unsettled; an exception that leaves the other
  periods with no day, or a period struck that is not in the cadence, REVIEW.

Seven batches, each committed before the reader was run on it (README, thirteenth pass): the
first eleven families, then cells whose exception or case is written in timing words, other
ways to offer a choice, days inside the exception or condition, every pair of eleven kinds of
reading (alternatives, a unit's "riêng", a condition), those pairs in other places, and with other connectives.

The property: every cell is read right or flagged, never silently wrong; and at least
``RIGHT_SHARE`` of them are read right.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date

from tests.schedule import probing
from tests.schedule.probing import (
    QUARTERLY,
    REVIEW,
    YEAR,
    Pass,
    Probe,
    day,
    rel,
)

RIGHT_SHARE = 0.5


def _outside(days: tuple[str, ...], skip: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(d for d in days if int(d[5:7]) not in skip)


def monthly(dom: int, skip: tuple[int, ...] = ()) -> tuple[str, ...]:
    """The ``dom`` of every month outside ``skip``."""
    return _outside(probing.monthly(dom), skip)


def month_ends(skip: tuple[int, ...] = ()) -> tuple[str, ...]:
    return _outside(probing.month_ends(), skip)


def weekly(weekday: int, skip_months: tuple[int, ...] = ()) -> tuple[str, ...]:
    """Every ``weekday`` (Monday 0) of the plan's year, outside ``skip_months``."""
    return _outside(probing.weekly(weekday), skip_months)


ON_DEMAND = ("ond:yeu_cau",)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# fmt: off

# Readings the reader reads right alone, to carry the words of each family.
BASES: list[tuple[str, tuple[str, ...]]] = [
    ("Trước ngày 15/3/2026", day(3, 15)),
    ("Chậm nhất ngày 20/4/2026", day(4, 20)),
    ("Hoàn thành trước 30/6/2026", day(6, 30)),
    ("Trong tháng 9/2026", day(9, 30)),
    ("Quý IV/2026", day(12, 31)),
    ("Hằng quý", QUARTERLY),
    ("Ngày 05 hằng tháng", monthly(5)),
    ("Từ ngày 01/10/2026 đến ngày 31/10/2026", day(10, 31)),
    ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", rel("ho_so_tiep_nhan", 5, True)),
]

# Exceptions and conditions that move no deadline.
EXCEPTIONS = [
    "trừ trường hợp bất khả kháng",
    "trừ trường hợp có văn bản chỉ đạo khác",
    "ngoại trừ các xã đã hoàn thành",
    "ngoại trừ trường hợp đặc biệt",
    "không áp dụng đối với các đơn vị đã được kiểm tra",
    "không áp dụng đối với xã đảo",
    "trừ các đơn vị sự nghiệp",
    "trừ những hồ sơ phải xác minh",
    "trường hợp đặc biệt do Chủ tịch UBND quyết định",
    "nếu có vướng mắc thì báo cáo kịp thời",
    "nếu có phát sinh thì báo cáo bổ sung",
    "tùy theo tình hình thực tế",
    "tùy theo điều kiện của từng địa phương",
    "tùy thuộc vào tình hình dịch bệnh",
]

CONDITIONS_BEFORE = [
    "Trường hợp có vướng mắc thì",
    "Nếu có khó khăn, vướng mắc thì",
    "Trong trường hợp cần thiết thì",
    "Đối với các xã chưa hoàn thành thì",
    "Tùy theo tình hình thực tế,",
    "Trừ trường hợp bất khả kháng,",
    "Ngoại trừ các đơn vị đã báo cáo,",
    "Riêng các trường học:",
]

TASKS = [
    "UBND các xã báo cáo",
    "Các phòng, ban gửi kết quả về UBND huyện",
    "Hoàn thành rà soát",
    "Nộp hồ sơ",
    "Tổng hợp, báo cáo Sở Nội vụ",
]


def exceptions_beside_a_reading() -> Iterator[Probe]:
    """An exception or a condition that moves no deadline: the reading (a flag as fair)."""
    for words in EXCEPTIONS:
        for base, expect in BASES:
            low = lower_first(base)
            for cell in (
                f"{base}, {words}",
                f"{base} ({words})",
                f"{base}; {words}",
                f"{base} - {words}",
                f"{upper_first(words)}, {low}",
                f"{upper_first(words)}: {low}",
            ):
                yield Probe(cell, expect, "exception", settled=False)
            for task in TASKS[:3]:
                yield Probe(f"{task} {low}, {words}", expect, "exception-task", settled=False)
                yield Probe(f"{task} {low} ({words})", expect, "exception-task", settled=False)


def conditions_before_a_task() -> Iterator[Probe]:
    """A condition opening the cell, then a task and its deadline: the deadline, unsettled."""
    for opening in CONDITIONS_BEFORE:
        for task in TASKS:
            for base, expect in BASES:
                yield Probe(
                    f"{opening} {lower_first(task)} {lower_first(base)}",
                    expect,
                    "condition",
                    settled=False,
                )


# Two deadlines for one task, one to be chosen: (first, second) dated readings.
PAIRS = [
    ("trước ngày 15/3/2026", "trước ngày 30/3/2026"),
    ("chậm nhất ngày 10/6/2026", "chậm nhất ngày 20/6/2026"),
    ("trong tháng 9/2026", "trong tháng 10/2026"),
    ("trước 31/7/2026", "trước 15/8/2026"),
    ("quý III/2026", "quý IV/2026"),
]

CHOICES = [
    "{a} hoặc {b}",
    "{A}; trường hợp chưa hoàn thành thì {b}",
    "{A}, trường hợp chưa hoàn thành thì {b}",
    "{A}; nếu chưa hoàn thành thì {b}",
    "{A}, nếu gặp khó khăn thì kéo dài đến {b2}",
    "{A}; trường hợp khó khăn có thể lùi đến {b2}",
    "{A} (trường hợp cần thiết có thể {b})",
    "Tùy theo tình hình, {a} hoặc {b}",
    "Tùy theo từng đơn vị: {a} hoặc {b}",
    "Nếu có kinh phí thì {a}, nếu không thì {b}",
    "Trường hợp thuận lợi: {a}; trường hợp khó khăn: {b}",
    "Nếu đủ điều kiện thì thực hiện {a}; nếu chưa đủ điều kiện thì {b}",
    "{A} hoặc chậm hơn nếu được UBND huyện đồng ý",
    "{A}, có thể điều chỉnh sang {b2} nếu cần",
]


def choices_between_deadlines() -> Iterator[Probe]:
    """Two deadlines to choose between, or a later one under a condition: REVIEW."""
    for a, b in PAIRS:
        b2 = b.removeprefix("trước ").removeprefix("chậm nhất ")
        for form in CHOICES:
            cell = form.format(a=a, b=b, A=upper_first(a), b2=b2)
            yield Probe(upper_first(cell), REVIEW, "choice")
            for task in TASKS[:3]:
                if form.startswith("{"):
                    yield Probe(f"{task} {cell}", REVIEW, "choice-task")


# A case or a unit given its own deadline: (words of the case, its deadline, expected).
OWN_CASES = [
    ("riêng xã A", "trước ngày 30/3/2026", day(3, 30)),
    ("riêng các xã vùng cao", "chậm nhất ngày 25/3/2026", day(3, 25)),
    ("riêng Trường THCS thị trấn", "trước 10/4/2026", day(4, 10)),
    ("đối với cấp huyện", "chậm nhất ngày 30/3/2026", day(3, 30)),
    ("đối với các đơn vị ở xa", "trước ngày 31/3/2026", day(3, 31)),
    ("trường hợp hồ sơ phải xác minh", "trước ngày 28/3/2026", day(3, 28)),
]


def cases_with_their_own_deadline() -> Iterator[Probe]:
    """A general deadline and a case's own: both deadlines (the reading does not say whose),
    unsettled."""
    general = [
        ("Trước ngày 15/3/2026", day(3, 15)),
        ("Chậm nhất ngày 20/3/2026", day(3, 20)),
        ("Các xã báo cáo trước ngày 15/3/2026", day(3, 15)),
        ("Nộp báo cáo chậm nhất ngày 20/3/2026", day(3, 20)),
    ]
    for base, first in general:
        for case, deadline, own in OWN_CASES:
            for sep in ("; ", ", ", " (", ". "):
                text = f"{case} {deadline}"
                if sep == ". ":
                    text = upper_first(text)
                cell = f"{base}{sep}{text}" + (")" if sep == " (" else "")
                yield Probe(cell, first + own, "own-case", settled=False)
            yield Probe(f"{base}; {case} thì {deadline}", first + own, "own-case", settled=False)
            yield Probe(
                f"{base}; {case} là {deadline.removeprefix('trước ').removeprefix('chậm nhất ')}",
                first + own, "own-case", settled=False,
            )


UNITS = [
    ("Xã", "Huyện"), ("Cấp xã", "Cấp huyện"), ("Các thôn", "UBND xã"),
    ("Trường học", "Phòng GD&ĐT"), ("Các tổ dân phố", "Phường"),
]


def several_units() -> Iterator[Probe]:
    """A deadline for each unit: every deadline (a flag as fair)."""
    for first, second in UNITS:
        for a, b, expect in (
            ("trước 10/6/2026", "trước 20/6/2026", day(6, 10) + day(6, 20)),
            ("chậm nhất ngày 05/11/2026", "chậm nhất ngày 15/11/2026", day(11, 5) + day(11, 15)),
            ("ngày 05 hằng tháng", "ngày 10 hằng tháng", monthly(5) + monthly(10)),
            ("trước ngày 15/12/2026", "trước ngày 25/12/2026", day(12, 15) + day(12, 25)),
        ):
            fl, sl = lower_first(first), lower_first(second)
            for cell in (
                f"{first}: {a}; {sl}: {b}",
                f"{first}: {a}\n{second}: {b}",
                f"- {first}: {a}\n- {second}: {b}",
                f"{first} {a}; {sl} {b}",
                f"{first} {a}, {sl} {b}",
                f"Đối với {fl}: {a}; đối với {sl}: {b}",
                f"Đối với {fl} chậm nhất {a.removeprefix('trước ').removeprefix('chậm nhất ')}; "
                f"đối với {sl} chậm nhất {b.removeprefix('trước ').removeprefix('chậm nhất ')}",
                f"Đối với {fl} thì {a}, đối với {sl} thì {b}",
                f"{first} báo cáo {a}; {sl} tổng hợp báo cáo {b}",
            ):
                yield Probe(cell, expect, "units", settled=False)


def chains_of_reports() -> Iterator[Probe]:
    """The villages to the commune, the commune to the district, each on its day of the month:
    both monthly days (a flag as fair)."""
    for a, b in ((5, 10), (3, 7), (20, 25), (10, 15)):
        expect = monthly(a) + monthly(b)
        for cell in (
            f"Các thôn báo cáo về xã trước ngày {a}, xã tổng hợp báo cáo huyện trước ngày {b} hằng tháng",
            f"Hằng tháng, các thôn báo cáo xã trước ngày {a}; xã báo cáo huyện trước ngày {b}",
            f"Các tổ dân phố gửi phường trước ngày {a} hằng tháng, phường gửi quận trước ngày {b} hằng tháng",
            f"Thôn gửi xã trước ngày {a:02d} hàng tháng; xã tổng hợp gửi huyện trước ngày {b:02d} hàng tháng",
            f"Trường gửi Phòng trước ngày {a}, Phòng tổng hợp gửi Sở trước ngày {b} hằng tháng",
            f"Ngày {a} hằng tháng (thôn gửi xã), ngày {b} hằng tháng (xã gửi huyện)",
        ):
            yield Probe(cell, expect, "chain", settled=False)
        quarterly_cell = (
            f"Hằng quý, các xã báo cáo huyện trước ngày {a} của tháng cuối quý, "
            f"huyện báo cáo tỉnh trước ngày {b} của tháng cuối quý"
        )
        q = tuple(date(YEAR, m, d).isoformat() for m in (3, 6, 9, 12) for d in (a, b))
        yield Probe(quarterly_cell, q, "chain", settled=False)


EXTENSIONS = [
    "có thể gia hạn thêm 10 ngày",
    "có thể gia hạn thêm không quá 10 ngày",
    "gia hạn không quá 01 lần",
    "được gia hạn 01 lần, không quá 15 ngày",
    "trường hợp cần gia hạn phải có văn bản đề nghị",
    "có thể kéo dài thêm 05 ngày làm việc",
    "nếu cần thiết có thể gia hạn nhưng không quá 30 ngày",
    "được phép gia hạn một lần",
]


def extensions() -> Iterator[Probe]:
    """An extension that may be granted: the deadline as written, unsettled."""
    for words in EXTENSIONS:
        for base, expect in BASES:
            if base.startswith(("Hằng", "Ngày 05")):
                continue
            for cell in (f"{base}, {words}", f"{base} ({words})", f"{base}; {words}",
                         f"{base}. {upper_first(words)}"):
                yield Probe(cell, expect, "extension", settled=False)
            yield Probe(f"Nộp hồ sơ {lower_first(base)}, {words}", expect, "extension",
                        settled=False)


ON_DEMANDS = [
    "hoặc theo yêu cầu của cấp trên",
    "hoặc đột xuất khi có yêu cầu",
    "hoặc khi có yêu cầu",
    "hoặc đột xuất theo yêu cầu",
    "và đột xuất khi có yêu cầu",
    "hoặc theo yêu cầu của UBND huyện",
]


def alternatives_on_demand() -> Iterator[Probe]:
    """A reading or on demand: the reading and the on-demand token (the reading alone also
    taken), unsettled."""
    for words in ON_DEMANDS:
        for base, expect in BASES:
            for cell in (f"{base} {words}", f"{base}, {words}", f"{base} ({words})",
                         f"Báo cáo {lower_first(base)} {words}"):
                yield Probe(cell, expect + ON_DEMAND, "on-demand", settled=False,
                            also=(expect,))


def exceptions_to_cadences() -> Iterator[Probe]:
    """A period struck from a cadence or given its own day."""
    cases: list[tuple[str, tuple[str, ...], bool]] = [
        ("Ngày 10 hằng tháng (trừ tháng 2)", monthly(10, (2,)), True),
        ("Ngày 10 hằng tháng, trừ tháng 1 và tháng 2", monthly(10, (1, 2)), False),
        ("Ngày 10 hằng tháng (ngoại trừ tháng 12)", monthly(10, (12,)), False),
        ("Ngày 20 hằng tháng, riêng tháng 12 trước ngày 15/12/2026",
         monthly(20, (12,)) + day(12, 15), False),
        ("Trước ngày 20 hằng tháng (riêng tháng 12 là ngày 10)",
         monthly(20, (12,)) + day(12, 10), False),
        ("Hằng quý, riêng quý IV trước ngày 10/12/2026", QUARTERLY[:3] + day(12, 10), False),
        ("Hằng quý (trừ quý IV báo cáo năm)", QUARTERLY[:3], False),
        ("Trước ngày 15 tháng cuối quý, riêng quý IV trước ngày 05/12/2026",
         day(3, 15) + day(6, 15) + day(9, 15) + day(12, 5), False),
        ("Hằng tháng, riêng tháng 12 là ngày 10", REVIEW, True),
        ("Hằng tháng, trừ tháng 1", month_ends((1,)), False),
        ("Ngày 10 hằng tháng, trừ tháng 13", REVIEW, True),
        ("Hằng quý, trừ quý V", REVIEW, True),
        ("Ngày 31 hằng tháng, riêng tháng 2 là ngày cuối tháng", REVIEW, False),
        ("Ngày 10 hằng tháng; nếu trùng ngày nghỉ thì báo cáo vào ngày làm việc tiếp theo",
         monthly(10), False),
        ("Ngày 10 hằng tháng hoặc ngày 15 hằng tháng", REVIEW, True),
        ("Ngày 10 hoặc ngày 15 hằng tháng", REVIEW, True),
        ("Hằng quý hoặc 6 tháng", REVIEW, True),
        ("Hằng tháng hoặc hằng quý tùy theo yêu cầu", REVIEW, True),
        ("Hằng tháng (đối với xã) và hằng quý (đối với huyện)", month_ends() + QUARTERLY, False),
    ]
    for cell, expect, settled in cases:
        yield Probe(cell, expect, "cadence-exception", settled=settled)
        yield Probe(f"UBND xã báo cáo {lower_first(cell)}", expect, "cadence-exception",
                    settled=settled)


def struck_periods_on_a_day() -> Iterator[Probe]:
    """A single deadline and a period it is not in struck off: the deadline, unsettled; a
    struck period that holds the deadline: REVIEW (does the task happen at all?)."""
    for base, expect in BASES[:5]:
        for words in ("trừ tháng 12", "ngoại trừ quý IV", "không áp dụng trong tháng 6"):
            inside = (
                (words.endswith("tháng 6") and "30/6" in base)
                or (words.endswith("quý IV") and "IV" in base)
            )
            for cell in (f"{base}, {words}", f"{base} ({words})"):
                yield Probe(cell, REVIEW if inside else expect, "struck", settled=inside)


# Second batch, written after the first was run (none of it silent, most flagged): wordings
# where the exception's or the case's words are themselves timing words, so that nothing is
# left over to flag.
NV7 = rel("nhan_van_ban", 7)
NV7W = rel("nhan_van_ban", 7, True)
HS5W = rel("ho_so_tiep_nhan", 5, True)


def timing_words_in_the_case() -> Iterator[Probe]:
    # (cell, expect, settled, also)
    cases: list[tuple[str, tuple[str, ...], bool, tuple[tuple[str, ...], ...]]] = [
        ("Trước ngày 31/3 hằng năm, trừ năm 2026", REVIEW, True, ()),
        ("Trước ngày 31/3 hằng năm (trừ năm 2026)", REVIEW, True, ()),
        ("Trước ngày 31/3 hằng năm (riêng năm 2026 trước ngày 30/4/2026)", day(4, 30), False, ()),
        ("Trước ngày 31/3 hằng năm; riêng năm 2026 là ngày 30/4/2026", day(4, 30), False, ()),
        ("Quý I/2026 hoặc quý II/2026", REVIEW, True, ()),
        ("Tháng 3 hoặc tháng 4/2026", REVIEW, True, ()),
        ("Trong tháng 3/2026 hoặc tháng 4/2026", REVIEW, True, ()),
        ("Trước ngày 15/3/2026 hoặc 7 ngày sau khi nhận văn bản", REVIEW, True, ()),
        ("Trước ngày 15/3/2026 hoặc trong 7 ngày kể từ ngày nhận văn bản", REVIEW, True, ()),
        ("Trong tháng 3/2026 (nếu thời tiết thuận lợi), nếu không thì trong tháng 4/2026",
         REVIEW, True, ()),
        ("Từ 01/3 đến 15/3/2026 (đợt 1); trường hợp chưa đạt thì tổ chức đợt 2 từ 01/4 "
         "đến 15/4/2026", REVIEW, False, (day(3, 15) + day(4, 15),)),
        ("Không quá 10 ngày hoặc 15 ngày đối với trường hợp phức tạp", REVIEW, True, ()),
        ("Trong 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ hoặc 30 ngày đối với hồ sơ phải xác minh",
         REVIEW, True, ()),
        ("15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ (30 ngày đối với trường hợp phải xác minh)",
         REVIEW, True, ()),
        ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; trường hợp phức tạp 10 ngày làm việc",
         REVIEW, True, ()),
        ("03 ngày làm việc (trường hợp cần xác minh: không quá 10 ngày làm việc) kể từ ngày "
         "nhận đủ hồ sơ hợp lệ", REVIEW, True, ()),
        ("Trước ngày 15/3/2026; đối với hồ sơ bổ sung: 05 ngày làm việc kể từ ngày nhận đủ hồ "
         "sơ hợp lệ", day(3, 15) + HS5W, False, ()),
        ("Trước ngày 10/6/2026 (xã), trước ngày 20/6/2026 (huyện)", day(6, 10) + day(6, 20),
         False, ()),
        ("Xã trước 10/6, huyện trước 20/6/2026", day(6, 10) + day(6, 20), False, ()),
        ("Trước 15/3/2026 (đối với xã) và trước 30/3/2026 (đối với huyện)",
         day(3, 15) + day(3, 30), False, ()),
        ("Trước ngày 15/3/2026 và 30/3/2026 (nếu có phát sinh)", REVIEW, False,
         (day(3, 15) + day(3, 30),)),
        ("Báo cáo lần 1 trước 15/3/2026; nếu có thay đổi thì báo cáo bổ sung trước 30/3/2026",
         REVIEW, False, (day(3, 15) + day(3, 30),)),
        ("Trước ngày 15/3/2026, nếu không thì trước ngày 30/3/2026", REVIEW, True, ()),
        ("Trước 15/3/2026 hoặc muộn nhất là 30/3/2026", REVIEW, True, ()),
        ("Trước 15/3/2026 hoặc sớm hơn", day(3, 15), False, ()),
        ("Hạn chót 15/3/2026, không gia hạn", day(3, 15), False, ()),
        ("Trừ tháng 2, ngày 10 hằng tháng", monthly(10, (2,)), False, ()),
        ("Ngày 10 hằng tháng, trừ tháng có Tết Nguyên đán", REVIEW, True, ()),
        ("Ngày 5 hằng tháng, trừ các tháng nghỉ hè", REVIEW, True, ()),
        ("Ngày 5 hằng tháng (trừ thời gian nghỉ hè)", REVIEW, True, ()),
        ("Hằng tháng vào ngày 10 (tháng 12 vào ngày 5)", monthly(10, (12,)) + day(12, 5), False,
         ()),
        ("Thứ Hai hằng tuần, trừ tuần có ngày lễ", weekly(0), False, ()),
        ("Thứ Hai hằng tuần, trừ các tháng 7, 8", weekly(0, (7, 8)), False, ()),
        ("Thứ Hai hằng tuần (trừ tháng 7 và tháng 8)", weekly(0, (7, 8)), False, ()),
        ("Thứ Sáu hằng tuần, riêng tuần cuối tháng vào thứ Năm", REVIEW, True, ()),
        ("Trong 7 ngày kể từ ngày nhận văn bản, trừ ngày nghỉ", REVIEW, False, (NV7W,)),
        ("Trong 7 ngày kể từ ngày nhận văn bản (trừ ngày nghỉ lễ, Tết)", REVIEW, False, (NV7W,)),
        ("Trong 7 ngày kể từ ngày nhận văn bản, không kể ngày nghỉ", NV7W, False, ()),
        ("Trong 7 ngày kể từ ngày nhận văn bản hoặc theo yêu cầu", NV7 + ON_DEMAND, False,
         (NV7,)),
        ("Trong 7 ngày kể từ ngày nhận văn bản, trường hợp khẩn thì trong 3 ngày", REVIEW, True,
         ()),
        ("Trong 7 ngày kể từ ngày nhận văn bản (trường hợp khẩn: 03 ngày)", REVIEW, True, ()),
        ("Trước ngày 15/3/2026 (đối với báo cáo quý I) và trước ngày 15/6/2026 (đối với báo "
         "cáo 6 tháng)", day(3, 15) + day(6, 15), False, ()),
        ("Hằng quý, trừ quý I/2026 (đã báo cáo)", QUARTERLY[1:], False, ()),
        ("Hằng tháng từ tháng 3/2026, trừ tháng 6", month_ends((1, 2, 6)), False, ()),
        ("Hằng tháng (trước ngày 5) hoặc hằng quý (trước ngày 10 tháng đầu quý sau)", REVIEW,
         True, ()),
        ("Ngày 15/3/2026 hoặc ngày 16/3/2026 tùy theo lịch của lãnh đạo", REVIEW, True, ()),
        ("Ngày 15/3/2026 (nếu trùng lịch họp thì chuyển sang ngày 16/3/2026)", REVIEW, False,
         (day(3, 15),)),
        ("Tổ chức vào ngày 15/3/2026 hoặc ngày 22/3/2026", REVIEW, True, ()),
        ("Trước ngày 15/3/2026 (hoặc ngày làm việc tiếp theo nếu trùng ngày nghỉ)", day(3, 15),
         False, ()),
        ("Trước 15/3/2026 đối với xã loại I; trước 30/3/2026 đối với xã loại II, III",
         day(3, 15) + day(3, 30), False, ()),
        ("Chậm nhất 15/3/2026 (cấp xã); 30/3/2026 (cấp huyện); 15/4/2026 (cấp tỉnh)",
         day(3, 15) + day(3, 30) + day(4, 15), False, ()),
        ("Quý I/2026 (xã), quý II/2026 (huyện)", day(3, 31) + day(6, 30), False, ()),
        ("Tháng 3/2026 đối với khối trường học, tháng 4/2026 đối với khối cơ quan",
         day(3, 31) + day(4, 30), False, ()),
        ("Ngày 05 hằng tháng đối với thôn; ngày 10 hằng tháng đối với xã",
         monthly(5) + monthly(10), False, ()),
        ("Hằng quý đối với xã, 6 tháng một lần đối với huyện", QUARTERLY, False, ()),
        ("Trước ngày 15/3/2026 (trường hợp gia hạn: trước ngày 30/3/2026)", REVIEW, True, ()),
        ("Trước ngày 15/3/2026; được gia hạn đến ngày 30/3/2026 nếu có lý do chính đáng",
         REVIEW, True, ()),
        ("Trong 30 ngày kể từ ngày ký, có thể gia hạn thêm 15 ngày", rel("ky_van_ban", 30),
         False, ()),
        ("Trong tháng 3/2026, trừ các ngày thứ Bảy, Chủ nhật", day(3, 31), False, ()),
        ("Từ ngày 01/3/2026 đến ngày 31/3/2026 (trừ thứ Bảy, Chủ nhật)", day(3, 31), False, ()),
        ("Từ 01/3 đến 31/3/2026, riêng các xã vùng cao đến 15/4/2026", day(3, 31) + day(4, 15),
         False, ()),
        ("Đến hết 31/3/2026, riêng xã đảo đến hết 30/4/2026", day(3, 31) + day(4, 30), False,
         ()),
    ]
    for cell, expect, settled, also in cases:
        yield Probe(cell, expect, "batch2", settled=settled, also=also)
        yield Probe(f"UBND các xã báo cáo {lower_first(cell)}", expect, "batch2-task",
                    settled=settled, also=also)


# Third batch, written after the second's rule (a day or a count from an event, joined by
# "hoặc"): the same choice in other words and orders ("hay", "hoặc là", a count first, two
# counts, a cadence or a count).
def other_ways_to_offer_a_choice() -> Iterator[Probe]:
    firsts = [
        "Trước ngày 15/3/2026",
        "Chậm nhất ngày 20/4/2026",
        "Trong tháng 9/2026",
        "Hằng quý",
        "Ngày 05 hằng tháng",
    ]
    counts = [
        "trong 7 ngày kể từ ngày nhận văn bản",
        "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "30 ngày kể từ ngày ký",
        "chậm nhất 10 ngày sau khi kết thúc",
    ]
    joins = [" hoặc ", ", hoặc ", " hay ", " hoặc là ", " (hoặc ", "; hoặc "]
    for first in firsts:
        for count in counts:
            for join in joins:
                tail = ")" if join.startswith(" (") else ""
                yield Probe(f"{first}{join}{count}{tail}", REVIEW, "or-count")
                yield Probe(f"{upper_first(count)}{join}{lower_first(first)}{tail}", REVIEW,
                            "or-count")
    for a, b in PAIRS:
        for join in (" hay ", " hoặc là ", " hoặc/và "):
            yield Probe(upper_first(f"{a}{join}{b}"), REVIEW, "or-words")
            yield Probe(f"Nộp báo cáo {a}{join}{b}", REVIEW, "or-words")
    for cell in (
        "Trong 5 ngày kể từ ngày nhận văn bản hoặc 10 ngày kể từ ngày ký",
        "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ hoặc 03 ngày làm việc kể từ ngày ký",
        "Tùy trường hợp, 5 hoặc 10 ngày kể từ ngày nhận văn bản",
        "Trong 5 ngày hay 10 ngày kể từ ngày nhận văn bản",
        "Hằng tháng hay hằng quý",
        "Hằng tuần hay hằng tháng",
        "Thứ Hai hay thứ Ba hằng tuần",
        "Thứ Hai hoặc thứ Ba hằng tuần",
        "Ngày 10 hay ngày 15 hằng tháng",
        "Tháng 3 hay tháng 4/2026",
        "Quý I hay quý II/2026",
        "Năm 2026 hoặc năm 2027",
        "Trước ngày 15/3/2026 hoặc là trước ngày 30/3/2026",
    ):
        yield Probe(cell, REVIEW, "or-words")
        yield Probe(f"UBND xã báo cáo {lower_first(cell)}", REVIEW, "or-words")


# Fourth batch, written after the third's rules: days and periods inside the exception or
# the condition itself (a day struck from a window, a condition dated, a document cited), and
# several units each with a count.
def dated_exceptions_and_conditions() -> Iterator[Probe]:
    nv = "kể từ ngày nhận văn bản"
    cases: list[tuple[str, tuple[str, ...], bool, tuple[tuple[str, ...], ...]]] = [
        ("Từ 01/3 đến 31/3/2026, trừ ngày 15/3/2026", day(3, 31), False, ()),
        ("Từ ngày 01/3/2026 đến ngày 31/3/2026 (trừ ngày 08/3/2026)", day(3, 31), False, ()),
        ("Ngày 10 hằng tháng, trừ tháng 2/2026", monthly(10, (2,)), False, ()),
        ("Ngày 10 hằng tháng, riêng tháng 2/2026 là ngày 15/2/2026",
         monthly(10, (2,)) + day(2, 15), False, ()),
        ("Trước ngày 15/3/2026 (đối với các xã: trước ngày 10/3/2026)", day(3, 10) + day(3, 15),
         False, ()),
        ("Quý I/2026 (trừ tháng 1/2026)", day(3, 31), False, ()),
        ("Hằng quý, không áp dụng đối với quý IV/2026", QUARTERLY[:3], False, ()),
        ("Hằng quý; riêng quý IV/2026 gộp vào báo cáo năm, trước ngày 15/12/2026",
         QUARTERLY[:3] + day(12, 15), False, ()),
        ("Ngày 5 hằng tháng; nếu ngày 5 trùng Chủ nhật thì báo cáo vào ngày 6", monthly(5), False,
         ()),
        ("Trước ngày 15/3/2026, trường hợp ngày 15/3/2026 là ngày nghỉ thì vào ngày làm việc kế "
         "tiếp", day(3, 15), False, ()),
        (f"Trước 15/3/2026; trường hợp văn bản đến sau ngày 10/3/2026 thì trong 5 ngày {nv}",
         REVIEW, True, ()),
        ("Hằng quý hoặc trước ngày 15/12/2026", REVIEW, True, ()),
        (f"Xã: trong 5 ngày {nv}; huyện: trong 10 ngày {nv}",
         rel("nhan_van_ban", 5) + rel("nhan_van_ban", 10), False, ()),
        ("Các thôn báo cáo xã trước ngày 5, xã báo cáo huyện trước ngày 10 của tháng cuối quý",
         tuple(date(YEAR, m, d).isoformat() for m in (3, 6, 9, 12) for d in (5, 10)), False, ()),
        ("Trước ngày 15/3/2026 (riêng nội dung 2: trước ngày 30/4/2026)", day(3, 15) + day(4, 30),
         False, ()),
        ("Trước 15/3/2026 - riêng xã A: 30/3/2026", day(3, 15) + day(3, 30), False, ()),
        ("Trừ xã A (đã hoàn thành năm 2025), các xã còn lại trước 15/3/2026", day(3, 15), False,
         ()),
        ("Trước ngày 15/3/2026 (trừ các xã đã hoàn thành trong năm 2025)", day(3, 15), False, ()),
        ("Trước ngày 15/3/2026, trừ những nội dung đã báo cáo tại Báo cáo số 12/BC-UBND ngày "
         "10/01/2026", day(3, 15), False, ()),
        ("Trước ngày 15/3/2026, không áp dụng đối với hồ sơ nộp trước ngày 01/01/2026",
         day(3, 15), False, ()),
        ("Áp dụng từ ngày 01/01/2026, trừ trường hợp đã nộp hồ sơ trước ngày đó", REVIEW, True,
         ()),
        ("Đối với hồ sơ nộp trước ngày 01/3/2026: trước ngày 15/3/2026; hồ sơ nộp sau ngày "
         "01/3/2026: 10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", REVIEW, False,
         (day(3, 15) + rel("ho_so_tiep_nhan", 10),)),
        ("Nếu nhận văn bản trước ngày 10 thì báo cáo trước ngày 15 cùng tháng", REVIEW, True, ()),
        ("Trước ngày 15/3/2026 (nếu trùng ngày nghỉ thì lùi sang ngày làm việc tiếp theo)",
         day(3, 15), False, ()),
        ("Trước ngày 15/3/2026 nếu được phân bổ kinh phí trước ngày 01/3/2026", day(3, 15), False,
         ()),
        ("Khi có kinh phí, trước ngày 15/3/2026", day(3, 15), False, ()),
        ("Trường hợp chưa có hướng dẫn trước ngày 01/3/2026 thì thực hiện trước ngày 15/3/2026",
         day(3, 15), False, ()),
        ("Chậm nhất ngày 15/3/2026 hoặc ngay khi có kết quả", REVIEW, True, ()),
        ("Trước ngày 15/3/2026 hoặc sau khi có ý kiến của UBND huyện", REVIEW, True, ()),
        ("Trước ngày 15/3/2026, tùy theo tiến độ có thể sớm hơn", day(3, 15), False, ()),
        ("Tháng 3/2026 (có thể sớm hơn hoặc muộn hơn tùy tình hình)", REVIEW, True, ()),
        ("Trong quý I/2026, trường hợp chưa hoàn thành thì trong quý II/2026", REVIEW, True, ()),
        ("Năm 2026; riêng các xã khó khăn hoàn thành trong năm 2027", REVIEW, False,
         (day(12, 31),)),
        ("Trước ngày 15/3/2026 (các xã), 25/3/2026 (các phường)", day(3, 15) + day(3, 25), False,
         ()),
        ("Trước 15/3/2026 hoặc 30/3/2026 tùy đơn vị", REVIEW, True, ()),
        ("Trước 15/3/2026, trễ nhất 30/3/2026", REVIEW, True, ()),
        ("Ngày 15/3/2026 (dự phòng ngày 22/3/2026 nếu thời tiết xấu)", REVIEW, False,
         (day(3, 15),)),
        ("Thứ Hai hằng tuần; nếu trùng ngày lễ thì thứ Ba", weekly(0), False, ()),
    ]
    for cell, expect, settled, also in cases:
        yield Probe(cell, expect, "batch4", settled=settled, also=also)
        yield Probe(f"Các đơn vị báo cáo {lower_first(cell)}", expect, "batch4-task",
                    settled=settled, also=also)
        yield Probe(f"{cell}.", expect, "batch4-dot", settled=settled, also=also)


# Fifth batch, written after the fourth's rule: every pair of eleven kinds of reading (a day,
# a month, a quarter, a year, a window, cadences weekly to yearly, counts from events) offered
# as alternatives, one given to a unit with "riêng", and one under a condition.
READINGS: list[tuple[str, tuple[str, ...]]] = [
    ("trước ngày 15/3/2026", day(3, 15)),
    ("trong tháng 4/2026", day(4, 30)),
    ("quý III/2026", day(9, 30)),
    ("hằng quý", QUARTERLY),
    ("ngày 05 hằng tháng", monthly(5)),
    ("thứ Sáu hằng tuần", weekly(4)),
    ("trước ngày 31/3 hằng năm", day(3, 31)),
    ("từ ngày 01/10/2026 đến ngày 31/10/2026", day(10, 31)),
    ("trong 7 ngày kể từ ngày nhận văn bản", NV7),
    ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", HS5W),
    ("năm 2026", day(12, 31)),
]


def pairs_of_readings() -> Iterator[Probe]:
    for (a, first), (b, second) in itertools.permutations(READINGS, 2):
        for join in (" hoặc ", " hay ", ", hoặc ", " hoặc là "):
            yield Probe(upper_first(f"{a}{join}{b}"), REVIEW, "pair-or")
            yield Probe(f"Báo cáo {a}{join}{b}", REVIEW, "pair-or")
        for cell in (f"{upper_first(a)}; riêng xã A: {b}", f"{upper_first(a)} (riêng xã A {b})"):
            yield Probe(cell, first + second, "pair-unit", settled=False)
        for cond in ("nếu chưa hoàn thành thì", "trường hợp có vướng mắc thì"):
            yield Probe(f"{upper_first(a)}; {cond} {b}", REVIEW, "pair-condition")


# Sixth batch, written after the fifth's rules: the same pairs with the alternative in
# brackets or on a new line, the urgent case after a comma, and a unit's case with "thì".
def pairs_in_other_places() -> Iterator[Probe]:
    for (a, first), (b, second) in itertools.permutations(READINGS, 2):
        yield Probe(f"{upper_first(a)} (hoặc {b})", REVIEW, "pair2-or")
        yield Probe(f"{upper_first(a)}\nhoặc {b}", REVIEW, "pair2-or")
        yield Probe(f"{upper_first(a)}, trường hợp khẩn thì {b}", REVIEW, "pair2-condition")
        yield Probe(
            f"{upper_first(a)}; đối với xã A thì {b}", first + second, "pair2-unit", settled=False
        )


# Seventh batch, written after the merge with main at e512476: the pairs with other
# connectives ("hoặc chậm nhất", "hoặc muộn nhất", "hay là", "tùy theo … mà … hoặc …"), and
# two units on two bulleted lines.
def pairs_with_other_connectives() -> Iterator[Probe]:
    for (a, first), (b, second) in itertools.permutations(READINGS, 2):
        for cell in (
            f"{upper_first(a)} hoặc chậm nhất {b}",
            f"{upper_first(a)} hay là {b}",
            f"Tùy theo khối lượng công việc mà {a} hoặc {b}",
        ):
            yield Probe(cell, REVIEW, "pair3-or")
        yield Probe(
            f"- Xã A: {a}\n- Xã B: {b}", first + second, "pair3-unit", settled=False
        )


FAMILIES: list[Callable[[], Iterator[Probe]]] = [
    exceptions_beside_a_reading,
    conditions_before_a_task,
    choices_between_deadlines,
    cases_with_their_own_deadline,
    several_units,
    chains_of_reports,
    extensions,
    alternatives_on_demand,
    exceptions_to_cadences,
    struck_periods_on_a_day,
    timing_words_in_the_case,
    other_ways_to_offer_a_choice,
    dated_exceptions_and_conditions,
    pairs_of_readings,
    pairs_in_other_places,
    pairs_with_other_connectives,
]

# fmt: on


KNOWN_SILENT: frozenset[str] = frozenset()


PASS = Pass(
    FAMILIES, RIGHT_SHARE, ignore=frozenset({"hol:previous", "hol:next"}), known=KNOWN_SILENT
)
test_no_cell_is_read_wrong_without_a_flag, test_most_cells_are_read_right = PASS.tests()


if __name__ == "__main__":
    # uv run python -m tests.schedule.test_timing_probe13 [kind …] [--silent]
    PASS.print_misses()
