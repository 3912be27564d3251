"""The sentence reader (``find_timing``) on prose plans' task sentences (sixth probing pass,
hprobe6): a Word plan's body has no timing column, so each item's text and its detail lines
go to the reader whole, with every other date and number a sentence carries: the number and
day of the text it implements, a founding day, a data period, a day already past, a target
year, counts and percentages, document numbers with slashes.

Each sentence was written for this pass (none taken from the corpus) with its expected
reading worked out from what the words mean, in the corpus's terms (the sorted due dates
over the plan's year 2026, ``cont`` for continuous work), or:

- ``NONE``: the sentence gives the task no timing. Right when the reader finds none (the
  importer then flags the task as having no timing); a reading with a flag is flagged; a
  reading without one is silently wrong;
- ``REVIEW``: an officer would have to decide. Right when flagged or when nothing is read.

A reading marked unsettled is right as read or flagged (an officer may well ask which day).

The property: every sentence is read right or flagged, never silently wrong; and at least
``RIGHT_SHARE`` of them are read right. Deterministic (seeded), a few hundred sentences.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from tests.plans.corpus.corpus import reading
from tracker.schedule.timing import find_timing

YEAR = 2026
NONE: tuple[str, ...] = ("NONE",)
REVIEW: tuple[str, ...] = ("REVIEW",)
RIGHT_SHARE = 0.9
SEED = 6


@dataclass(frozen=True)
class Probe:
    sentence: str
    expect: tuple[str, ...]
    kind: str
    # False where a flag is as right as the reading (an officer might ask which day).
    settled: bool = True


def iso(day: date) -> str:
    return day.isoformat()


def monthly(day: int) -> tuple[str, ...]:
    return tuple(iso(date(YEAR, m, day)) for m in range(1, 13))


def quarterly(day: int, months: tuple[int, ...] = (3, 6, 9, 12)) -> tuple[str, ...]:
    return tuple(iso(date(YEAR, m, day)) for m in months)


def month_end(month: int, year: int = YEAR) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


# --- the parts of a sentence ---------------------------------------------------------------

DOERS = [
    "Văn phòng HĐND và UBND xã",
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "Công chức Tư pháp - Hộ tịch",
    "Công an xã",
    "Ban Chỉ huy Quân sự xã",
    "Trạm Y tế xã",
    "Các thôn, tổ dân phố",
    "Trung tâm Phục vụ hành chính công xã",
    "Các phòng, ban, đơn vị",
]

WORKS = [
    "tham mưu tổ chức Hội nghị sơ kết 6 tháng đầu năm",
    "rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo",
    "xây dựng kế hoạch tuyên truyền phổ biến giáo dục pháp luật",
    "kiểm tra công tác phòng cháy, chữa cháy tại các cơ sở kinh doanh",
    "tổng hợp kết quả thực hiện các chỉ tiêu kinh tế - xã hội",
    "triển khai tiêm chủng mở rộng cho trẻ em dưới 5 tuổi",
    "hướng dẫn các hộ gia đình đăng ký kê khai giá đất",
    "tổ chức tập huấn chuyển đổi số cho cán bộ, công chức",
]

# (words, the due day they give) for one deadline of the plan's year.
DEADLINE_DAYS = [date(YEAR, 7, 15), date(YEAR, 6, 30), date(YEAR, 11, 20), date(YEAR, 3, 31),
                 date(YEAR, 9, 5), date(YEAR, 12, 15)]  # fmt: skip


def deadline_words(day: date, rng: random.Random) -> str:
    written = rng.choice(
        [
            f"{day.day}/{day.month}/{day.year}",
            f"{day.day:02d}/{day.month:02d}/{day.year}",
            f"{day.day} tháng {day.month} năm {day.year}",
            f"{day.day}/{day.month}",
        ]
    )
    bound = rng.choice(
        [
            "hoàn thành trước ngày",
            "trước ngày",
            "chậm nhất ngày",
            "hoàn thành chậm nhất ngày",
            "xong trước ngày",
            "thời gian hoàn thành trước ngày",
            "báo cáo kết quả về UBND xã (qua Văn phòng) trước ngày",
            "gửi báo cáo về UBND xã chậm nhất ngày",
        ]
    )
    return f"{bound} {written}"


# Things a sentence cites or recalls that are no deadline of its task. Each keeps its dates
# out of the plan's deadlines.
CITED = [
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2026 của UBND tỉnh",
    "Căn cứ Quyết định số 1234/QĐ-UBND ngày 5/5/2026 của Chủ tịch UBND tỉnh",
    "Thực hiện Công văn số 567/UBND-VX ngày 20 tháng 4 năm 2026 của UBND huyện",
    "Theo Chỉ thị số 08/CT-TTg ngày 10/02/2026 của Thủ tướng Chính phủ",
    "Thực hiện Nghị định số 12/2026/NĐ-CP ngày 15/01/2026 của Chính phủ",
    "Căn cứ Thông tư số 05/2025/TT-BNV ngày 30/6/2025 của Bộ Nội vụ",
    "Thực hiện Nghị quyết số 03-NQ/ĐU ngày 08/01/2026 của Đảng ủy xã",
    "Thực hiện Kế hoạch số 89/KH-UBND ngày 25/02/2026",
    "Triển khai Quyết định số 2345/QĐ-UBND ngày 18/3/2026 về việc phê duyệt danh mục",
    "Căn cứ Luật Đất đai năm 2024",
]


def plan_sentences(rng: random.Random) -> Iterator[Probe]:
    """A doer, a work and a deadline in the sentence: the deadline is the task's."""
    for doer in DOERS:
        for work in rng.sample(WORKS, 3):
            day = rng.choice(DEADLINE_DAYS)
            yield Probe(f"{doer} {work}, {deadline_words(day, rng)}.", (iso(day),), "deadline")


def cited_then_deadline(rng: random.Random) -> Iterator[Probe]:
    """A cited text's number and day, then the task's own deadline."""
    for cited in CITED:
        for _ in range(3):
            day = rng.choice(DEADLINE_DAYS)
            doer, work = rng.choice(DOERS), rng.choice(WORKS)
            yield Probe(
                f"{cited}, {doer} {work}, {deadline_words(day, rng)}.", (iso(day),), "cited"
            )


def cited_alone(rng: random.Random) -> Iterator[Probe]:
    """A cited text's number and day and nothing of the task's own: no timing."""
    for cited in CITED:
        doer, work = rng.choice(DOERS), rng.choice(WORKS)
        yield Probe(f"{cited}, {doer} {work}.", NONE, "cited alone")
        yield Probe(f"{doer} {work} theo {cited[0].lower()}{cited[1:]}.", NONE, "cited alone")


NOT_DEADLINES = [
    # a day already past
    "Ngày 10/3/2026, UBND xã đã tổ chức Hội nghị triển khai nhiệm vụ năm 2026",
    "Ngày 05 tháng 01 năm 2026, Ban Chỉ đạo xã đã họp phiên thứ nhất",
    "Từ ngày 01/01/2026 đến nay, xã đã cấp 125 giấy chứng nhận quyền sử dụng đất",
    "Năm 2025, toàn xã đã giải quyết 98% hồ sơ đúng hạn",
    # founding days and anniversaries far in the past
    "Tuyên truyền kỷ niệm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh (26/3/1931)",
    "Giáo dục truyền thống nhân kỷ niệm ngày thành lập Quân đội nhân dân Việt Nam 22/12/1944",
    # a data period, a target year, counts and percentages
    "Số liệu tính từ ngày 01/01/2026 đến ngày 30/6/2026",
    "Phấn đấu đến năm 2030 đạt 100% hộ gia đình sử dụng nước sạch",
    "Phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt 95% trở lên",
    "Tổ chức 03 lớp tập huấn cho 120 lượt cán bộ",
    "Tổ chức 2 đợt ra quân tổng vệ sinh môi trường",
    "Mở 01 lớp bồi dưỡng kiến thức quốc phòng cho 35 học viên",
    "Hỗ trợ 15 hộ nghèo xây mới nhà ở, mỗi hộ 40 triệu đồng",
    "Đảm bảo 100% thôn có tổ an ninh trật tự cơ sở",
    # the plan's own year and a stage of years in titles and aims
    "Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2026",
    "Triển khai Đề án chuyển đổi số giai đoạn 2026 - 2030",
    "Thực hiện các mục tiêu của Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025 - 2030",
    # document numbers with slashes and dashes that look like dates
    "Triển khai Thông tư số 12/2026/TT-BTC hướng dẫn quản lý kinh phí",
    "Thực hiện nghiêm Chỉ thị 08/CT-TTg về phòng, chống thiên tai",
    "Quán triệt Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ",
    "Áp dụng Quy chuẩn QCVN 01-1:2018/BYT về chất lượng nước sạch",
    "Theo Mẫu số 02/BC-UBND ban hành kèm theo Thông tư 01/2025/TT-BNV",
]


def not_deadlines(rng: random.Random) -> Iterator[Probe]:
    """Sentences whose dates and numbers are no deadline of the task: no timing."""
    for text in NOT_DEADLINES:
        yield Probe(f"{text}.", NONE, "not a deadline")


def not_deadline_then_deadline(rng: random.Random) -> Iterator[Probe]:
    """The same sentences with the task's own deadline after them."""
    for text in NOT_DEADLINES:
        day = rng.choice(DEADLINE_DAYS)
        yield Probe(f"{text}; {deadline_words(day, rng)}.", (iso(day),), "not a deadline + day")


def cadences(rng: random.Random) -> Iterator[Probe]:
    """Reports and meetings that repeat, said inside the sentence."""
    q17 = quarterly(17)
    for doer in DOERS:
        work = rng.choice(WORKS)
        for text, expect in (
            (f"{doer} báo cáo kết quả về UBND xã (qua Văn phòng) trước ngày 20 hằng tháng.",
             monthly(20)),
            (f"Hằng quý, {doer[0].lower()}{doer[1:]} báo cáo kết quả, chậm nhất ngày 17 của tháng"
             " cuối quý.", q17),
            (f"{doer} {work}; định kỳ báo cáo 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12).",
             (f"{YEAR}-06-15", f"{YEAR}-12-15")),
            (f"{doer} {work}, thực hiện thường xuyên.", ("cont",)),
            (f"{doer} {work} thường xuyên trong năm 2026.", ("cont",)),
            (f"{doer} tổng hợp, báo cáo kết quả trước ngày 25 tháng cuối quý.", quarterly(25)),
        ):  # fmt: skip
            yield Probe(text, expect, "cadence")


def periods(rng: random.Random) -> Iterator[Probe]:
    """Periods and windows as detail lines or inside the sentence."""
    for text, expect in (
        ("Thời gian: Quý III/2026.", (iso(date(YEAR, 9, 30)),)),
        ("Thời gian thực hiện: Quý II năm 2026.", (iso(date(YEAR, 6, 30)),)),
        ("Thời gian thực hiện: từ tháng 5 đến tháng 8/2026.", (iso(date(YEAR, 8, 31)),)),
        ("Thời gian thực hiện: Tháng 9/2026.", (iso(date(YEAR, 9, 30)),)),
        ("Thời gian: trong tháng 10 năm 2026.", (iso(date(YEAR, 10, 31)),)),
        ("Thời gian hoàn thành: trước ngày 30/9/2026.", (iso(date(YEAR, 9, 30)),)),
        ("Thời gian: từ ngày 01/6/2026 đến ngày 31/7/2026.", (iso(date(YEAR, 7, 31)),)),
        ("Tiến độ: hoàn thành trong Quý IV/2026.", (iso(date(YEAR, 12, 31)),)),
        ("Thời gian: Thường xuyên.", ("cont",)),
        ("Thời gian: Hằng tháng, trước ngày 25.", monthly(25)),
    ):
        yield Probe(text, expect, "period")
        doer, work = rng.choice(DOERS), rng.choice(WORKS)
        yield Probe(f"{doer} {work}. {text}", expect, "period after the sentence")


def meetings(rng: random.Random) -> Iterator[Probe]:
    """A meeting's day, hour and place: the day is the task's."""
    for day in DEADLINE_DAYS[:4]:
        written = f"{day.day:02d}/{day.month:02d}/{day.year}"
        yield Probe(
            f"Hội nghị được tổ chức vào lúc 08 giờ 00 ngày {written} tại Hội trường UBND xã.",
            (f"{iso(day)}@08:00",),
            "meeting",
        )
        yield Probe(
            f"Tổ chức Hội nghị sơ kết vào ngày {written} tại Nhà văn hóa thôn Đông.",
            (iso(day),),
            "meeting",
        )


def past_then_task(rng: random.Random) -> Iterator[Probe]:
    """A day already past opening the sentence, then the task with or without its day."""
    for day in DEADLINE_DAYS:
        doer, work = rng.choice(DOERS), rng.choice(WORKS)
        yield Probe(
            f"Ngày 10/3/2026, UBND xã đã ban hành Kế hoạch số 21/KH-UBND; {doer} {work}.",
            NONE,
            "past day",
        )
        yield Probe(
            f"Ngày 10/3/2026, UBND xã đã ban hành Kế hoạch số 21/KH-UBND; {doer} {work}, "
            f"{deadline_words(day, rng)}.",
            (iso(day),),
            "past day + deadline",
        )


def data_period_then_report(rng: random.Random) -> Iterator[Probe]:
    """A report's data period beside the report's own day."""
    for day in (date(YEAR, 7, 5), date(YEAR, 7, 10)):
        yield Probe(
            f"Các thôn báo cáo kết quả (số liệu tính từ ngày 01/01/2026 đến ngày 30/6/2026) về "
            f"UBND xã trước ngày {day.day}/{day.month}/{day.year}.",
            (iso(day),),
            "data period",
        )
        yield Probe(
            f"Gửi báo cáo trước ngày {day.day:02d}/{day.month:02d}/{day.year}; số liệu báo cáo "
            "tính từ ngày 15/12/2025 đến ngày 14/6/2026.",
            (iso(day),),
            "data period",
        )


def targets(rng: random.Random) -> Iterator[Probe]:
    """A target year and a rate beside (or without) the task's deadline."""
    for year in (2027, 2028, 2030):
        yield Probe(
            f"Phấn đấu đến năm {year} có 100% thôn đạt chuẩn nông thôn mới kiểu mẫu.",
            NONE,
            "target",
        )
        yield Probe(
            f"Phấn đấu đến hết năm {year}, tỷ lệ hộ dân sử dụng dịch vụ công trực tuyến đạt 80%.",
            NONE,
            "target",
        )


def fractions_and_counts(rng: random.Random) -> Iterator[Probe]:
    """Counts written with a slash ("12/12 thôn", "9/19 tiêu chí") are no days."""
    for text in (
        "Phấn đấu 12/12 thôn đạt danh hiệu thôn văn hóa",
        "Duy trì 19/19 tiêu chí xã đạt chuẩn nông thôn mới",
        "Đến nay có 9/12 thôn đã thành lập tổ hòa giải",
        "Đạt 100% (10/10) trường học có tủ sách pháp luật",
        "Vận động 3/5 hộ còn lại ký cam kết không vi phạm hành lang an toàn giao thông",
        "Giảm 1/2 số vụ vi phạm so với cùng kỳ",
        "Tổ chức 02 buổi/tuần tập luyện văn nghệ cho đội văn nghệ thôn",
        "Bố trí 01 cán bộ trực 24/24 giờ trong dịp cao điểm",
        "Tổ chức trực 24/7 tại Trung tâm Phục vụ hành chính công",
    ):
        yield Probe(f"{text}.", NONE, "fraction")
        day = rng.choice(DEADLINE_DAYS)
        yield Probe(f"{text}, {deadline_words(day, rng)}.", (iso(day),), "fraction + day")


def marked_details(rng: random.Random) -> Iterator[Probe]:
    """An item's text with its detail lines as the importer joins them (their marks kept)."""
    for day in DEADLINE_DAYS:
        doer, work = rng.choice(DOERS), rng.choice(WORKS)
        written = f"{day.day}/{day.month}/{day.year}"
        yield Probe(
            f"{doer} {work} - Bước 1: rà soát, lập danh sách + Bước 2: tổng hợp, gửi Phòng Kinh tế "
            f"trước ngày {written}",
            (iso(day),),
            "details",
        )
        yield Probe(
            f"Tổ chức Hội thi tìm hiểu pháp luật năm 2026 - Đối tượng: cán bộ, công chức xã "
            f"- Thời gian tổ chức: ngày {written}",
            (iso(day),),
            "details",
        )


def windows_in_prose(rng: random.Random) -> Iterator[Probe]:
    """A drive or a month of action with its span: due at the span's end."""
    for text, end in (
        ("Tổ chức Tháng hành động vì trẻ em từ ngày 01/6 đến ngày 30/6/2026", date(YEAR, 6, 30)),
        ("Ra quân Tháng Thanh niên từ ngày 01/3/2026 đến ngày 31/3/2026", date(YEAR, 3, 31)),
        ("Tổ chức đợt cao điểm tấn công trấn áp tội phạm từ 15/11/2026 đến 15/12/2026",
         date(YEAR, 12, 15)),
        ("Tiếp nhận hồ sơ đăng ký từ ngày 10 tháng 8 đến hết ngày 25 tháng 8 năm 2026",
         date(YEAR, 8, 25)),
        ("Triển khai thu thuế sử dụng đất phi nông nghiệp trong tháng 7 và tháng 8 năm 2026",
         date(YEAR, 8, 31)),
        ("Thực hiện điều tra hộ nghèo trong Quý IV năm 2026", date(YEAR, 12, 31)),
        ("Hoàn thành việc số hóa hồ sơ hộ tịch trong năm 2026", date(YEAR, 12, 31)),
    ):  # fmt: skip
        yield Probe(f"{text}.", (iso(end),), "window")
        cited = rng.choice(CITED)
        yield Probe(f"{cited}, {text[0].lower()}{text[1:]}.", (iso(end),), "cited + window")


def aims_and_stages(rng: random.Random) -> Iterator[Probe]:
    """Aims for later years and stages of several years: no deadline of the plan's year."""
    for text in (
        "Phấn đấu đến năm 2030, 100% hồ sơ công việc được xử lý trên môi trường mạng",
        "Phấn đấu đến cuối năm 2028 toàn xã không còn nhà tạm, nhà dột nát",
        "Phấn đấu trong giai đoạn 2026 - 2030 mỗi năm giảm 1,5% tỷ lệ hộ nghèo",
        "Mục tiêu đến năm 2027 xã đạt chuẩn nông thôn mới nâng cao",
        "Phấn đấu tới năm 2029 có 50% thôn đạt chuẩn thôn thông minh",
        "Thực hiện lộ trình đến năm 2030 xóa bỏ toàn bộ bếp than tổ ong",
    ):
        yield Probe(f"{text}.", NONE, "aim")


def past_reports(rng: random.Random) -> Iterator[Probe]:
    """A day reported as past, in the words a plan's review of last year uses."""
    for text in (
        "Ngày 15 tháng 3 năm 2026, UBND xã đã tổ chức ra mắt mô hình dân vận khéo",
        "Vào ngày 02/02/2026, Đảng ủy xã đã tổ chức kỷ niệm 96 năm Ngày thành lập Đảng",
        "Ngày 20/01/2026 Ban Chỉ đạo đã ban hành Quy chế hoạt động",
        "Trong tháng 01/2026, xã đã tổ chức 05 cuộc kiểm tra liên ngành",
        "Năm 2025 đã hoàn thành 100% chỉ tiêu giao quân",
        "Quý I/2026 đã giải quyết 215 hồ sơ thủ tục hành chính",
    ):
        yield Probe(f"{text}.", NONE, "past report")


def reviews_of_a_period(rng: random.Random) -> Iterator[Probe]:
    """A review meeting named by the period it reviews ("Hội nghị sơ kết 6 tháng đầu năm"): the
    period is the meeting's subject, not its deadline; the meeting's own day, when said, is."""
    for name in (
        "Hội nghị sơ kết 6 tháng đầu năm",
        "sơ kết công tác 6 tháng đầu năm 2026",
        "Hội nghị tổng kết công tác quý I/2026",
        "sơ kết 9 tháng thực hiện nhiệm vụ",
        "tổng kết 6 tháng cuối năm",
        "Hội nghị sơ kết quý III",
        "sơ kết tháng 6 năm 2026",
    ):
        doer = rng.choice(DOERS)
        yield Probe(f"{doer} tham mưu tổ chức {name}.", REVIEW, "review named")
        day = rng.choice(DEADLINE_DAYS)
        yield Probe(
            f"{doer} tham mưu tổ chức {name}, {deadline_words(day, rng)}.",
            (iso(day),),
            "review named + day",
        )
        yield Probe(
            f"Tổ chức {name} vào tháng 12/2026.", (iso(date(YEAR, 12, 31)),), "review named + day"
        )


def past_clauses(rng: random.Random) -> Iterator[Probe]:
    """A clause telling what was done (its verb after "đã"), then the task with its day."""
    for past in (
        "Ngày 15 tháng 3 năm 2026, UBND xã đã tổ chức ra mắt mô hình",
        "Ngày 20/01/2026 Ban Chỉ đạo đã ban hành Quy chế hoạt động",
        "Trong tháng 02/2026, xã đã tổ chức 05 cuộc kiểm tra liên ngành",
        "Quý I/2026 xã đã giải quyết 215 hồ sơ",
        "Vào ngày 05 tháng 01 năm 2026, Đảng ủy xã đã ban hành Nghị quyết chuyên đề",
        "Đến ngày 28/02/2026, toàn xã đã có 1.250 hộ đăng ký",
    ):
        day = rng.choice(DEADLINE_DAYS)
        doer, work = rng.choice(DOERS), rng.choice(WORKS)
        yield Probe(f"{past}; {doer} {work}.", NONE, "past clause")
        yield Probe(
            f"{past}; {doer} {work}, {deadline_words(day, rng)}.", (iso(day),), "past clause + day"
        )


def tasks_with_da(rng: random.Random) -> Iterator[Probe]:
    """Controls: "đã" elsewhere in the sentence does not unmake the task's own deadline."""
    for text, day in (
        ("Các thôn đã được giao chỉ tiêu tổ chức ra quân, hoàn thành trước ngày 30/6/2026",
         date(YEAR, 6, 30)),
        ("Trên cơ sở kết quả đã đạt được, Phòng Kinh tế tham mưu báo cáo trước ngày 15/11/2026",
         date(YEAR, 11, 15)),
        ("Hoàn thành trước ngày 31/8/2026 việc cập nhật các hồ sơ đã tiếp nhận",
         date(YEAR, 8, 31)),
    ):  # fmt: skip
        yield Probe(f"{text}.", (iso(day),), "đã elsewhere")


def data_periods_alone(rng: random.Random) -> Iterator[Probe]:
    """A report's data period with no day of the report: the data's end is no deadline."""
    for text in (
        "Báo cáo kết quả công tác cải cách hành chính, số liệu tính từ ngày 15/12/2025 đến ngày "
        "14/6/2026",
        "Thống kê số hộ tham gia bảo hiểm y tế (số liệu tính từ ngày 01/01/2026 đến ngày "
        "30/9/2026)",
        "Tổng hợp kết quả giải quyết hồ sơ; thời gian lấy số liệu từ ngày 01/10/2025 đến ngày "
        "30/9/2026",
    ):
        yield Probe(f"{text}.", REVIEW, "data period alone")


def aims_beside(rng: random.Random) -> Iterator[Probe]:
    """An aim's year or rate beside the task: flagged or left; a day still the task's."""
    for text in (
        "Phấn đấu đến cuối năm 2027 hoàn thành cứng hóa đường giao thông nông thôn",
        "Mục tiêu đến hết năm 2028 giảm tỷ lệ hộ nghèo xuống dưới 2%",
        "Phấn đấu mỗi năm giảm 1% tỷ lệ hộ nghèo",
        "Phấn đấu hằng năm có trên 90% gia đình đạt danh hiệu gia đình văn hóa",
    ):
        yield Probe(f"{text}.", REVIEW, "aim")
    for text, day in (
        ("Phấn đấu đến hết năm 2026 có 100% hồ sơ được số hóa", date(YEAR, 12, 31)),
        ("Phấn đấu hoàn thành trước ngày 30/9/2026", date(YEAR, 9, 30)),
        ("Phấn đấu hoàn thành việc cấp giấy chứng nhận chậm nhất ngày 15/12/2026",
         date(YEAR, 12, 15)),
    ):  # fmt: skip
        yield Probe(f"{text}.", (iso(day),), "aim with a day")


def numbers_after_bounds(rng: random.Random) -> Iterator[Probe]:
    """Counts, areas and amounts with a slash or a dot after a word that may bound a day
    ("trong 9/12 thôn", "đến 30.6 triệu đồng"): no days."""
    for text in (
        "Triển khai mô hình phân loại rác tại nguồn trong 9/12 thôn",
        "Nhân rộng mô hình đến 10/12 thôn còn lại",
        "Trồng mới rừng tập trung trong 12.5 ha đất quy hoạch",
        "Nâng thu nhập bình quân đầu người đến 30.6 triệu đồng",
        "Duy trì tỷ lệ tham gia bảo hiểm y tế trên 95.5% dân số",
        "Hoàn thành 8/10 chỉ tiêu chủ yếu về kinh tế",
        "Hoàn thành cấp 15/20 giấy chứng nhận còn tồn đọng",
        "Giải ngân vốn đầu tư công trong 2.5 tỷ đồng được giao",
        "Vào 3/4 số hộ gia đình để khảo sát nhu cầu",
    ):
        yield Probe(f"{text}.", NONE, "number after a bound")
        day = rng.choice(DEADLINE_DAYS)
        yield Probe(f"{text}, {deadline_words(day, rng)}.", (iso(day),), "number + day")


def births_and_records(rng: random.Random) -> Iterator[Probe]:
    """A span that picks people or records (born, received) is no window of the task."""
    for text in (
        "Tiêm vắc xin sởi cho trẻ sinh từ ngày 01/01/2025 đến ngày 30/6/2026",
        "Rà soát hồ sơ tiếp nhận từ ngày 01/3/2026 đến ngày 31/5/2026 còn tồn đọng",
        "Khám tuyển nghĩa vụ quân sự cho công dân sinh năm 2008",
        "Cấp thẻ bảo hiểm y tế cho trẻ em sinh từ ngày 01/10/2025 đến ngày 31/3/2026",
    ):
        yield Probe(f"{text}.", REVIEW, "picked by a span")
        day = rng.choice(DEADLINE_DAYS[2:])
        yield Probe(f"{text}, {deadline_words(day, rng)}.", (iso(day),), "picked + day")


def days_of_note(rng: random.Random) -> Iterator[Probe]:
    """Holidays and founding days the work is for: the day itself, or a flag."""
    for text, day in (
        ("Tổ chức các hoạt động chào mừng Ngày Quốc tế Phụ nữ 8/3", date(YEAR, 3, 8)),
        ("Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư ngày 18/11/2026",
         date(YEAR, 11, 18)),
        ("Treo cờ Tổ quốc dịp Quốc khánh 2/9", date(YEAR, 9, 2)),
        ("Tổ chức Lễ ra quân Tết trồng cây vào ngày 15/02/2026", date(YEAR, 2, 15)),
    ):  # fmt: skip
        yield Probe(f"{text}.", (iso(day),), "day of note", settled=False)
    for text in (
        "Kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2026)",
        "Tuyên truyền kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2026)",
        "Giáo dục truyền thống nhân kỷ niệm ngày thành lập Hội Nông dân Việt Nam (14/10/1930)",
    ):
        yield Probe(f"{text}.", REVIEW, "anniversary")


def hours_and_places(rng: random.Random) -> Iterator[Probe]:
    """A meeting's hour, day and place as a plan's body writes them."""
    for day in DEADLINE_DAYS[:3]:
        written = f"{day.day:02d}/{day.month:02d}/{day.year}"
        yield Probe(
            f"Thời gian: 14 giờ 00, ngày {written}; địa điểm: Hội trường UBND xã.",
            (f"{iso(day)}@14:00",),
            "hour and place",
            settled=False,
        )
        yield Probe(
            f"Hội nghị tổ chức trong 01 ngày, ngày {written}, tại Nhà văn hóa xã.",
            (iso(day),),
            "hour and place",
            settled=False,
        )
        yield Probe(
            f"Các thôn gửi danh sách về Văn phòng trước 17 giờ ngày {written}.",
            (f"{iso(day)}@17:00",),
            "hour and place",
            settled=False,
        )


def counts_from_events(rng: random.Random) -> Iterator[Probe]:
    """A count of days from an event, inside the sentence."""
    for text, token in (
        ("Công chức Tư pháp niêm yết thủ tục hành chính trong thời hạn 05 ngày làm việc kể từ "
         "ngày nhận được quyết định công bố", "rel:qd_cong_bo_tthc:+5w"),
        ("Giải quyết hồ sơ trong vòng 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
         "rel:ho_so_tiep_nhan:+3w"),
    ):  # fmt: skip
        yield Probe(f"{text}.", (token,), "count from an event", settled=False)
        cited = rng.choice(CITED[:5])
        yield Probe(f"{cited}, {text[0].lower()}{text[1:]}.", (token,), "count from an event",
                    settled=False)  # fmt: skip


def weekly_and_monthly(rng: random.Random) -> Iterator[Probe]:
    """Weekly and monthly reports in a sentence."""
    thursdays = []
    day = date(YEAR, 1, 1)
    while day.year == YEAR:
        if day.weekday() == 3:
            thursdays.append(f"{iso(day)}@16:00")
        day += timedelta(days=1)
    for doer in DOERS[:4]:
        yield Probe(
            f"{doer} báo cáo tuần trước 16 giờ thứ Năm hằng tuần.",
            tuple(thursdays),
            "weekly",
            settled=False,
        )
        yield Probe(
            f"Định kỳ hằng tháng (trước ngày 22), {doer[0].lower()}{doer[1:]} báo cáo kết quả.",
            monthly(22),
            "monthly",
        )


def more_shapes(rng: random.Random) -> Iterator[Probe]:
    """Other days and numbers a plan's body holds beside (or without) the task's timing."""
    none = (
        "Tăng 10% số hồ sơ trực tuyến so với cùng kỳ năm 2025",
        "Thu ngân sách tăng 5% so với năm 2025",
        "Từ đầu năm đến nay, xã đã tiếp nhận 540 hồ sơ",
        "Kể từ ngày 01/7/2025 đến nay, xã đã vận hành mô hình chính quyền hai cấp",
        "Công khai thủ tục mã số 1.004227 và 2.000794 tại Bộ phận Một cửa",
        "Duy trì hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015",
        "Liên hệ đường dây nóng 0236.3.822.822 để phản ánh",
        "Tổ chức Đại hội Chi bộ nhiệm kỳ 2025 - 2030",
        "Tập huấn cho đội ngũ tuyên truyền viên tại số 15/6 đường Lê Lợi",
        "Tổ chức Tháng hành động vì an toàn thực phẩm năm 2026",
    )
    for text in none:
        yield Probe(f"{text}.", NONE, "more: none")
        day = rng.choice(DEADLINE_DAYS)
        yield Probe(f"{text}; {deadline_words(day, rng)}.", (iso(day),), "more: none + day")
    for text, expect, settled in (
        ("Tổ chức bầu cử đại biểu HĐND xã nhiệm kỳ 2026 - 2031 vào ngày 15/3/2026",
         (iso(date(YEAR, 3, 15)),), True),
        ("Khai giảng lớp bồi dưỡng vào sáng thứ Hai, ngày 06/7/2026", (iso(date(YEAR, 7, 6)),), True),
        ("Giai đoạn 1 (từ tháng 4 đến tháng 6/2026) khảo sát; giai đoạn 2 (từ tháng 7 đến tháng "
         "12/2026) triển khai", (iso(date(YEAR, 6, 30)), iso(date(YEAR, 12, 31))), True),
        ("Dự kiến tổ chức vào ngày 20/8/2026", (iso(date(YEAR, 8, 20)),), False),
        ("Thực hiện Luật Dữ liệu có hiệu lực từ ngày 01/7/2025", REVIEW, True),
        ("Tổ chức Giải bóng đá chào mừng ngày thành lập Đoàn 26/3", (iso(date(YEAR, 3, 26)),),
         False),
        ("Sau ngày 30/6/2026, các thôn không tiếp nhận hồ sơ giấy", REVIEW, True),
        ("Chậm nhất đến ngày 31/10/2026 phải hoàn thành việc bàn giao", (iso(date(YEAR, 10, 31)),),
         True),
        ("Thực hiện theo Kế hoạch số 10/KH-UBND ngày 05/01/2026 (hoàn thành trước ngày "
         "30/6/2026)", (iso(date(YEAR, 6, 30)),), True),
    ):  # fmt: skip
        yield Probe(f"{text}.", expect, "more: dated", settled)
    # Office hours on working days are hours of service: continuous work (the convention
    # decided blind after round thirty-five, hconv; a day's due at the span's end before).
    yield Probe(
        "Bộ phận Một cửa làm việc từ 7 giờ 00 đến 17 giờ 00 các ngày làm việc trong tuần.",
        ("cont",),
        "more: dated",
    )
    for text in (
        "Trong quý I/2026 vừa qua, xã tiếp nhận 200 hồ sơ",
        "Tháng 02/2026 vừa qua, toàn xã ra quân 03 đợt",
        "Năm 2025 vừa qua, xã hoàn thành 18/19 chỉ tiêu",
        "Thời gian qua, nhất là từ tháng 01/2026, tình hình vi phạm giảm",
        "Triển khai Kế hoạch 123/KH-UBND ngày 5/3/2026 của UBND tỉnh",
        "Thực hiện Công văn số 1234/UBND-NC ngày 5/3 của UBND huyện",
        "Trên cơ sở Tờ trình số 12/TTr-VP ngày 10/6/2026 của Văn phòng",
        "Hồ sơ nộp trước năm 2026 được giải quyết theo quy định cũ",
    ):
        yield Probe(f"{text}.", NONE, "more: none")
        day = rng.choice(DEADLINE_DAYS)
        yield Probe(f"{text}; {deadline_words(day, rng)}.", (iso(day),), "more: none + day")
    for text, expect in (
        ("Tổ chức 02 đợt: đợt 1 trong tháng 4, đợt 2 trong tháng 10/2026",
         (iso(date(YEAR, 4, 30)), iso(date(YEAR, 10, 31)))),
        ("Tổ chức kiểm tra trong các ngày 15, 16/7/2026", (iso(date(YEAR, 7, 15)), iso(date(YEAR, 7, 16)))),
        ("Năm 2026, UBND xã tập trung chỉ đạo cải cách hành chính", NONE),
    ):  # fmt: skip
        yield Probe(f"{text}.", expect, "more: dated")


_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def in_words(text: str) -> str:
    """The text with each written date "d/m/yyyy" as "ngày d tháng m năm yyyy" (without a
    second "ngày" where one stands before it)."""
    text = re.sub(r"(?i)\b(ngày)\s+(?=\d{1,2}/\d{1,2}/\d{4})", "", text)
    return _SLASHED.sub(lambda m: f"ngày {m[1]} tháng {m[2]} năm {m[3]}", text)


def worded_dates(rng: random.Random) -> Iterator[Probe]:
    """The same days written in words ("ngày 5 tháng 5 năm 2026"), as most Word plans do."""
    for text in [*CITED, *NOT_DEADLINES]:
        worded = in_words(text)
        if worded == text:
            continue
        doer, work = rng.choice(DOERS), rng.choice(WORKS)
        yield Probe(f"{worded}, {doer} {work}.", NONE, "worded")
        day = rng.choice(DEADLINE_DAYS)
        yield Probe(
            f"{worded}; {doer} {work}, hoàn thành trước ngày {day.day} tháng {day.month} năm "
            f"{day.year}.",
            (iso(day),),
            "worded + day",
        )
    for text in (
        "Quy chế được UBND xã phê duyệt ngày 05 tháng 02 năm 2026",
        "Kế hoạch được ban hành ngày 10 tháng 3 năm 2026",
        "Ban Chỉ đạo được thành lập ngày 12 tháng 01 năm 2026",
        "Hội nghị trực tuyến toàn quốc ngày 20 tháng 02 năm 2026 đã quán triệt",
        "Trên cơ sở kết quả kiểm tra ngày 25 tháng 02 năm 2026 của Đoàn kiểm tra huyện",
    ):
        yield Probe(f"{text}.", NONE, "worded")
        day = rng.choice(DEADLINE_DAYS)
        yield Probe(f"{text}; {deadline_words(day, rng)}.", (iso(day),), "worded + day")


def periods_as_names(rng: random.Random) -> Iterator[Probe]:
    """A period naming what a plan, a result or a review is about ("Kế hoạch kiểm tra quý
    III/2026", "đánh giá kết quả quý I/2026"): not the task's deadline."""
    for text in (
        "Xây dựng Kế hoạch kiểm tra quý III/2026",
        "Đánh giá kết quả thực hiện nhiệm vụ quý I/2026",
        "Tổng hợp số liệu tháng 6/2026 về tình hình dân số",
        "Xây dựng Chương trình công tác tháng 8/2026 của UBND xã",
        "Phân tích kết quả 6 tháng đầu năm 2026",
        "Kiểm điểm việc thực hiện nhiệm vụ quý II năm 2026",
    ):
        yield Probe(f"{text}.", REVIEW, "period as a name")
        day = rng.choice(DEADLINE_DAYS[2:])
        yield Probe(f"{text}, {deadline_words(day, rng)}.", (iso(day),), "period as a name + day")
    for text, expect in (
        ("Chi trả trợ cấp tháng 7/2026 cho đối tượng bảo trợ xã hội", (iso(date(YEAR, 7, 31)),)),
        ("Tổ chức kiểm tra trong quý III/2026", (iso(date(YEAR, 9, 30)),)),
        ("Quý IV/2026 tổ chức tổng kết", (iso(date(YEAR, 12, 31)),)),
    ):
        yield Probe(f"{text}.", expect, "period as a name", settled=False)


def reports_and_details(rng: random.Random) -> Iterator[Probe]:
    """Reports named by their period beside their own day, and detail lines joined as the
    importer joins them (their marks kept)."""
    for text, expect in (
        ("Hằng tháng, trước ngày 20, các thôn báo cáo số liệu của tháng", monthly(20)),
        ("Báo cáo kết quả hằng quý (trước ngày 15 tháng cuối quý)", quarterly(15)),
        ("Báo cáo kết quả quý I/2026 trước ngày 15/3/2026", (iso(date(YEAR, 3, 15)),)),
        ("Sơ kết 6 tháng đầu năm trước ngày 15/7/2026, tổng kết năm trước ngày 15/12/2026",
         (iso(date(YEAR, 7, 15)), iso(date(YEAR, 12, 15)))),
        ("Xây dựng Kế hoạch năm 2027, trình UBND xã trước ngày 15/12/2026",
         (iso(date(YEAR, 12, 15)),)),
        ("Đánh giá, xếp loại chất lượng cán bộ năm 2026, hoàn thành trước ngày 31/12/2026",
         (iso(date(YEAR, 12, 31)),)),
        ("Tổ chức tập huấn - Đối tượng: 50 cán bộ, công chức - Thời gian: tháng 8/2026",
         (iso(date(YEAR, 8, 31)),)),
        ("Rà soát hồ sơ tồn đọng - Các hồ sơ đã tiếp nhận được phân loại - Hoàn thành trước "
         "ngày 30/6/2026", (iso(date(YEAR, 6, 30)),)),
        ("Cập nhật dữ liệu dân cư + Các thôn đã gửi danh sách: trước ngày 15/7/2026 tổng hợp",
         (iso(date(YEAR, 7, 15)),)),
        ("Kiện toàn tổ công nghệ số - Ngày 10/3/2026 UBND xã đã ban hành Quyết định thành lập "
         "- Rà soát thành viên trước ngày 30/9/2026", (iso(date(YEAR, 9, 30)),)),
    ):  # fmt: skip
        yield Probe(f"{text}.", expect, "report or details")


FAMILIES = [
    plan_sentences,
    cited_then_deadline,
    cited_alone,
    not_deadlines,
    not_deadline_then_deadline,
    cadences,
    periods,
    meetings,
    past_then_task,
    data_period_then_report,
    targets,
    fractions_and_counts,
    marked_details,
    windows_in_prose,
    aims_and_stages,
    past_reports,
    reviews_of_a_period,
    past_clauses,
    tasks_with_da,
    data_periods_alone,
    aims_beside,
    numbers_after_bounds,
    births_and_records,
    days_of_note,
    hours_and_places,
    counts_from_events,
    weekly_and_monthly,
    more_shapes,
    worded_dates,
    periods_as_names,
    reports_and_details,
]


def probes() -> list[Probe]:
    rng = random.Random(SEED)
    seen: dict[str, Probe] = {}
    for family in FAMILIES:
        for item in family(rng):
            sentence = " ".join(item.sentence.split())
            expect = tuple(sorted(item.expect))
            seen.setdefault(sentence, Probe(sentence, expect, item.kind, item.settled))
    return list(seen.values())


@dataclass(frozen=True)
class Verdict:
    probe: Probe
    right: bool
    flagged: bool
    got: tuple[str, ...]
    reason: str


def judge(item: Probe) -> Verdict:
    """A sentence read to no timing at all is flagged by the importer ("Văn bản không ghi
    thời gian"): right where none was expected or a review was, flagged otherwise."""
    result = find_timing(item.sentence, year=YEAR)
    got = tuple(reading(result.rules, YEAR))
    nothing = not result.rules
    flagged = result.review or nothing
    if item.expect in (NONE, REVIEW):
        right = nothing if item.expect == NONE else flagged
    else:
        right = (not flagged and got == item.expect) or (flagged and not item.settled)
    return Verdict(item, right, flagged, got, result.reason)


def verdicts() -> list[Verdict]:
    return [judge(item) for item in probes()]


def summary(found: list[Verdict]) -> str:
    right = sum(v.right for v in found)
    silent = sum(not v.right and not v.flagged for v in found)
    flagged = len(found) - right - silent
    return f"{len(found)} sentences: {right} right, {flagged} flagged, {silent} silently wrong"


def _short(items: tuple[str, ...]) -> str:
    return " ".join(items) if len(items) <= 4 else f"{' '.join(items[:2])} … ({len(items)})"


@pytest.fixture(scope="module")
def all_verdicts() -> list[Verdict]:
    return verdicts()


def test_the_probes_are_a_few_hundred_distinct_sentences() -> None:
    found = probes()
    assert 250 <= len(found) <= 1000
    assert probes() == found


def test_no_sentence_is_read_wrong_without_a_flag(all_verdicts: list[Verdict]) -> None:
    silent = [v for v in all_verdicts if not v.right and not v.flagged]
    shown = "\n".join(
        f"{v.probe.sentence!r}: want {_short(v.probe.expect)}, got {_short(v.got)}"
        for v in silent[:20]
    )
    assert not silent, f"{summary(all_verdicts)}\n{shown}"


def test_most_sentences_are_read_right(all_verdicts: list[Verdict]) -> None:
    right = sum(v.right for v in all_verdicts)
    assert right >= RIGHT_SHARE * len(all_verdicts), summary(all_verdicts)


if __name__ == "__main__":  # uv run python -m tests.schedule.test_timing_prose [kind …]
    import sys
    from collections import Counter

    found = verdicts()
    print(summary(found))
    misses = Counter(v.probe.kind for v in found if not v.right)
    print("misses by kind:", dict(misses.most_common()))
    for v in found:
        if v.right or (len(sys.argv) > 1 and v.probe.kind not in sys.argv[1:]):
            continue
        tag = "flagged" if v.flagged else "SILENT"
        print(f"[{tag}] {v.probe.kind}: {v.probe.sentence}")
        print(f"    want {_short(v.probe.expect)}\n    got  {_short(v.got)} | {v.reason}")


# An hour between a sentence's bound and its day (the lead, after round nineteen's helper saw
# "trước 17 giờ ngày X" left unread in a sentence): the day is the deadline, at that hour; a span
# of hours names its day too. A clause told as done stays set aside as it is without the hour.
@pytest.mark.parametrize(
    ("sentence", "due", "times"),
    [
        ("Phòng Kinh tế báo cáo UBND xã trước 17 giờ ngày 15/3/2026.", "2026-03-15", (None, "17:00")),
        ("Các thôn gửi danh sách về UBND xã trước 17 giờ, ngày 15/3.", "2026-03-15", (None, "17:00")),
        ("UBND xã tổ chức hội nghị vào 8 giờ ngày 20/3/2026.", "2026-03-20", (None, "08:00")),
        ("Nộp hồ sơ chậm nhất 16 giờ 30 phút ngày 5 tháng 5 năm 2026.", "2026-05-05", (None, "16:30")),
        ("Hoàn thành trước 17h00 ngày 30/6/2026.", "2026-06-30", (None, "17:00")),
        ("Từ 7 giờ 30 đến 11 giờ ngày 12/4/2026, các thôn ra quân dọn vệ sinh.", "2026-04-12", ("07:30", "11:00")),
    ],
)  # fmt: skip
def test_an_hour_between_the_bound_and_the_day_is_the_deadline_of_the_sentence(
    sentence: str, due: str, times: tuple[str | None, str]
) -> None:
    result = find_timing(sentence, year=YEAR)
    assert not result.review, result.reason
    [rule] = [r.to_dict() for r in result.rules]
    assert (rule["due"], rule.get("start_time"), rule["due_time"]) == (due, *times)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thực hiện Kế hoạch số 12/KH-UBND, vào 8 giờ ngày 5/3/2026 UBND xã đã tổ chức hội nghị.",
        "Vào lúc 8 giờ ngày 5/3/2026, UBND xã đã tổ chức hội nghị triển khai.",
        "Hội nghị lúc 8 giờ ngày 10/3/2026 đã kết thúc tốt đẹp.",
    ],
)
def test_an_hour_and_a_day_told_as_done_give_no_deadline(sentence: str) -> None:
    result = find_timing(sentence, year=YEAR)
    assert not result.rules
    assert result.review  # the hour is left, bound to nothing: the task is looked at
