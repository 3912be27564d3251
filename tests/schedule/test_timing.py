"""The timing parser, table-driven: each phrase, expanded over 2024 (or its own year) on the
official calendar, against occurrences worked out by hand.

Relative and on-demand rules are given one event of every kind on Monday 04/03/2024. An
occurrence reads "2024-06-30", a window "2024-04-01..2024-06-30", a timed one
"2024-01-04 16:00-16:15", and more than six of them "52× 2024-01-04 … 2024-12-26".
A continuous rule, which has no occurrence, reads "continuous". A trailing "?" means the
parser must flag the phrase for review (its best reading is still checked); a trailing "!"
that it reads a date due before the plan's year as written, with a caution.

2024: Tết 08-14/02, Giỗ Tổ Thursday 18/04, 29/04-01/05 off with Saturday 04/05 worked,
02-03/09 off. 30/06, 31/03, 14/09, 14/12 and 30/11/2024 fall on weekends.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.schedule.events import EVENT_KINDS
from tracker.schedule.expand import EventFact, expand
from tracker.schedule.timing import find_timing, looks_like_timing, parse_timing
from tracker.schedule.workdays import WorkCalendar

EVENTS = [EventFact(key=k, kind=k, on=date(2024, 3, 4)) for k in EVENT_KINDS]

CASES: list[tuple[str, str]] = [
    # --- dates in every common form
    ("Trước ngày 31/8/2022", "2022-08-31!"),
    ("Trước ngày 31/08/2024", "2024-08-31"),
    ("Trước 10/3/2023", "2023-03-10!"),
    ("trước ngày 5/1/2025", "2025-01-05"),
    ("31/8", "2024-08-31"),
    ("Trước ngày 31/8", "2024-08-31"),
    ("7.2.2021", "2021-02-07?"),
    ("Trước ngày 7.2.2024", "2024-02-07"),
    ("15-4-2019", "2019-04-15?"),
    ("Trước 15-4", "2024-04-15"),
    ("ngày 15 tháng 6 năm 2024", "2024-06-15"),
    ("Trước ngày 15 tháng 6 năm 2024", "2024-06-15"),
    ("ngày 15 tháng 6", "2024-06-15"),
    ("Ngày 30/9/2024", "2024-09-30"),
    ("trước ngày 01/10/24", "2024-10-01"),
    ("Trước ngày 05/3/2024", "2024-03-05"),
    ("trước ngày 5/3/2024", "2024-03-05"),
    # --- deadline verbs
    ("Chậm nhất ngày 30/6/2024", "2024-06-30"),
    ("Chậm nhất là ngày 30/6/2024", "2024-06-30"),
    ("chậm nhất 15/7/2024", "2024-07-15"),
    ("Hoàn thành trước 15/11/2024", "2024-11-15"),
    ("Hoàn thành trước ngày 15/11/2024", "2024-11-15"),
    ("Hoàn thành trong tháng 11/2024", "2024-11-01..2024-11-30"),
    ("Xong trước 30/12/2024", "2024-12-30"),
    ("Hạn chót 20/5/2024", "2024-05-20"),
    ("Không quá ngày 20/5/2024", "2024-05-20"),
    ("Đến ngày 20/5/2024", "2024-05-20"),
    ("Từ ngày 01/3/2024 đến ngày 15/4/2024", "2024-03-01..2024-04-15"),
    ("từ 01/3 đến 15/4/2024", "2024-03-01..2024-04-15"),
    # --- months
    ("trước tháng 10/2024", "2024-09-30"),
    ("Trước tháng 3/2024", "2024-02-29"),
    ("Trước tháng 1/2025", "2024-12-31"),
    ("Trong tháng 01/2024", "2024-01-01..2024-01-31"),
    ("Trong tháng 1/2024", "2024-01-01..2024-01-31"),
    ("trong tháng 2 năm 2024", "2024-02-01..2024-02-29"),
    ("Tháng 6/2024", "2024-06-01..2024-06-30"),
    ("Tháng 6", "2024-06-01..2024-06-30"),
    ("tháng 12 năm 2024", "2024-12-01..2024-12-31"),
    ("Cuối tháng 6/2024", "2024-06-30"),
    ("01/2024", "2024-01-01..2024-01-31"),
    ("Tháng 3-5/2024", "2024-03-01..2024-05-31"),
    ("từ tháng 3 đến tháng 5 năm 2024", "2024-03-01..2024-05-31"),
    ("Đầu tháng 4/2024", "2024-04-01..2024-04-30?"),
    # --- quarters and halves
    ("Quý I/2023", "2023-01-01..2023-03-31?"),
    ("Quý 1/2023", "2023-01-01..2023-03-31?"),
    ("quý I.2023", "2023-01-01..2023-03-31?"),
    ("Quý I năm 2023", "2023-01-01..2023-03-31?"),
    ("Quý IV/2024", "2024-10-01..2024-12-31"),
    ("quý II", "2024-04-01..2024-06-30"),
    ("Quý II, III/2023", "2023-04-01..2023-06-30 2023-07-01..2023-09-30?"),
    ("Quý III và Quý IV năm 2024", "2024-07-01..2024-09-30 2024-10-01..2024-12-31"),
    ("Quý 2, 3/2024", "2024-04-01..2024-06-30 2024-07-01..2024-09-30"),
    ("Trước quý III/2024", "2024-06-30"),
    ("Trước quý I/2024", "2023-12-31?"),
    ("6 tháng đầu năm", "2024-01-01..2024-06-30"),
    ("6 tháng đầu năm 2024", "2024-01-01..2024-06-30"),
    ("06 tháng cuối năm", "2024-07-01..2024-12-31"),
    ("6 tháng cuối năm 2024", "2024-07-01..2024-12-31"),
    ("9 tháng đầu năm", "2024-01-01..2024-09-30"),
    # --- years
    ("Năm 2023", "2023-01-01..2023-12-31?"),
    ("Trong năm 2023", "2023-01-01..2023-12-31?"),
    ("Trong năm", "2024-01-01..2024-12-31"),
    ("trong năm 2024.", "2024-01-01..2024-12-31"),
    ("cuối năm", "2024-12-31"),
    ("Cuối năm 2024", "2024-12-31"),
    ("đầu năm", "2024-01-01..2024-03-31?"),
    ("Giữa năm 2024", "2024-06-30?"),
    ("năm 2024-2025", "2024-01-01..2025-12-31"),
    # --- weekly
    ("Hằng tuần", "52× 2024-01-05 … 2024-12-27"),
    ("hàng tuần", "52× 2024-01-05 … 2024-12-27"),
    ("Thứ Năm hằng tuần", "52× 2024-01-04 … 2024-12-26"),
    ("thứ 5 hàng tuần", "52× 2024-01-04 … 2024-12-26"),
    ("Thứ Sáu hằng tuần", "52× 2024-01-05 … 2024-12-27"),
    ("Chủ nhật hàng tuần", "52× 2024-01-08 … 2024-12-30"),
    ("Sáng thứ Hai hằng tuần", "53× 2024-01-02 … 2024-12-30"),
    ("thứ Hai hàng tuần", "53× 2024-01-02 … 2024-12-30"),
    ("Mỗi tuần", "52× 2024-01-05 … 2024-12-27"),
    ("Thứ Sáu", "52× 2024-01-05 … 2024-12-27?"),
    (
        "từ 16 giờ đến 16 giờ 15 phút ngày thứ Năm hằng tuần",
        "52× 2024-01-04 16:00-16:15 … 2024-12-26 16:00-16:15",
    ),
    (
        "Báo cáo tuần từ 16 giờ đến 16 giờ 15 phút ngày thứ Năm hằng tuần",
        "52× 2024-01-04 16:00-16:15 … 2024-12-26 16:00-16:15",
    ),
    ("16h30 thứ 5 hằng tuần", "52× 2024-01-04 16:30 … 2024-12-26 16:30"),
    ("7h30' sáng thứ Hai hằng tuần", "53× 2024-01-02 07:30 … 2024-12-30 07:30"),
    ("trước 10 giờ thứ Sáu hằng tuần", "52× 2024-01-05 10:00 … 2024-12-27 10:00"),
    ("Thứ Sáu hằng tuần lúc 15h", "52× 2024-01-05 15:00 … 2024-12-27 15:00"),
    ("từ 8h đến 11h30 thứ Ba hàng tuần", "53× 2024-01-02 08:00-11:30 … 2024-12-31 08:00-11:30"),
    # --- monthly
    ("Hằng tháng", "12× 2024-01-31 … 2024-12-31"),
    ("hàng tháng", "12× 2024-01-31 … 2024-12-31"),
    ("Mỗi tháng", "12× 2024-01-31 … 2024-12-31"),
    ("01 lần/tháng", "12× 2024-01-31 … 2024-12-31"),
    ("Ngày 05 hàng tháng", "12× 2024-01-05 … 2024-12-05"),
    ("ngày 5 hằng tháng", "12× 2024-01-05 … 2024-12-05"),
    ("trước ngày 15 hằng tháng", "12× 2024-01-15 … 2024-12-16"),
    ("chậm nhất ngày 20 hằng tháng", "12× 2024-01-22 … 2024-12-20"),
    ("Hàng tháng (trước ngày 20)", "12× 2024-01-22 … 2024-12-20"),
    ("ngày 15 và 25 hàng tháng", "24× 2024-01-15 … 2024-12-25"),
    ("Báo cáo hằng tháng, theo quy định", "12× 2024-01-15 … 2024-12-16"),
    ("Hằng tháng, theo quy định", "12× 2024-01-31 … 2024-12-31"),
    ("Báo cáo tháng theo kỳ báo cáo", "12× 2024-01-15 … 2024-12-16"),
    ("tuần thứ hai của tháng", "12× 2024-01-12 … 2024-12-13"),
    ("thứ Sáu của tuần cuối tháng", "12× 2024-01-26 … 2024-12-27"),
    ("16 giờ ngày 20 hằng tháng", "12× 2024-01-22 16:00 … 2024-12-20 16:00"),
    # --- quarterly
    ("Hàng quý", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("Hằng quý", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("Mỗi quý", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("Định kỳ hàng quý", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("01 lần/quý", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    (
        "Hàng quý, chậm nhất ngày 17 của tháng cuối quý",
        "2024-03-18 2024-06-17 2024-09-17 2024-12-17",
    ),
    ("chậm nhất là ngày 17 của tháng cuối quý", "2024-03-18 2024-06-17 2024-09-17 2024-12-17"),
    ("chậm nhất ngày 20 của tháng cuối quý", "2024-03-20 2024-06-20 2024-09-20 2024-12-20"),
    ("Hàng quý (ngày 15 của tháng cuối quý)", "2024-03-15 2024-06-17 2024-09-16 2024-12-16"),
    ("Định kỳ hàng quý theo quy định", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("Báo cáo định kỳ hàng quý theo quy định", "2024-03-14 2024-06-14 2024-09-16 2024-12-16"),
    ("Báo cáo định kỳ", "2024-03-14 2024-06-14 2024-09-16 2024-12-16?"),
    ("Báo cáo quý theo kỳ báo cáo", "2024-03-14 2024-06-14 2024-09-16 2024-12-16"),
    ("ngày 10 tháng đầu quý", "2024-01-10 2024-04-10 2024-07-10 2024-10-10"),
    # --- half-yearly and yearly
    ("02 lần/năm", "2024-07-01 2024-12-31"),
    ("2 lần/năm", "2024-07-01 2024-12-31"),
    ("Định kỳ 06 tháng/ 01 lần", "2024-07-01 2024-12-31"),
    ("định kỳ 6 tháng", "2024-07-01 2024-12-31"),
    ("06 tháng/lần", "2024-07-01 2024-12-31"),
    ("6 tháng một lần", "2024-07-01 2024-12-31"),
    ("Hằng năm", "2024-12-31"),
    ("hàng năm", "2024-12-31"),
    ("Mỗi năm", "2024-12-31"),
    ("01 lần/năm", "2024-12-31"),
    ("một lần mỗi năm", "2024-12-31"),
    ("Báo cáo hằng năm theo quy định", "2024-12-16"),
    ("Hằng năm theo quy định", "2024-12-31"),
    ("Trước 15/12 hằng năm", "2024-12-16"),
    ("Trước 15/6 và 15/12 hằng năm", "2024-06-17 2024-12-16"),
    ("Báo cáo 6 tháng trước ngày 15/6, báo cáo năm trước ngày 15/12", "2024-06-17 2024-12-16"),
    ("định kỳ 6 tháng, 1 năm", "2024-07-01 2024-12-31"),
    # --- several cadences in one cell
    (
        "Định kỳ hàng quý, 01 năm theo quy định hoặc đột xuất khi có yêu cầu",
        "2024-03-04 2024-04-01 2024-07-01 2024-09-30 2024-12-31 2024-12-31",
    ),
    (
        "Báo cáo định kỳ hàng quý, 01 năm theo quy định hoặc đột xuất khi có yêu cầu",
        "2024-03-04 2024-03-14 2024-06-14 2024-09-16 2024-12-16 2024-12-16",
    ),
    ("hàng tháng, quý hoặc đột xuất", "17× 2024-01-31 … 2024-12-31"),
    ("định kỳ hằng tuần, tháng, quý, năm", "69× 2024-01-05 … 2024-12-31"),
    ("Hàng quý và hàng năm", "2024-04-01 2024-07-01 2024-09-30 2024-12-31 2024-12-31"),
    # --- holiday clause
    (
        "16h30 thứ 5 hằng tuần, nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo",
        "52× 2024-01-04 16:30 … 2024-12-26 16:30",
    ),
    (
        "Ngày 30 hằng tháng, nếu trùng ngày nghỉ thì chuyển sang ngày làm việc trước đó",
        "11× 2024-01-30 … 2024-12-30?",
    ),
    (
        "Hàng quý; nếu trùng ngày nghỉ lễ thì lùi sang ngày làm việc liền trước",
        "2024-03-29 2024-06-28 2024-09-30 2024-12-31",
    ),
    # --- relative (event on Monday 04/03/2024)
    ("Trong thời gian 10 ngày kể từ ngày tiếp nhận phản ánh", "2024-03-14"),
    ("trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ", "2024-03-11"),
    ("trong vòng 3 ngày làm việc kể từ khi nhận được văn bản chuyển phản ánh", "2024-03-07"),
    ("sau từ 5 đến 7 ngày kể từ khi có Quyết định công bố danh mục TTHC", "2024-03-11..2024-03-11"),
    ("sau 7 ngày kể từ khi có quyết định công bố", "2024-03-11"),
    ("Trước 01 ngày của hồ sơ đến hạn trả kết quả", "2024-03-01"),
    ("trước 2 ngày làm việc so với ngày hồ sơ đến hạn", "2024-02-29"),
    ("Khi cấp trên tổ chức các lớp tập huấn, bồi dưỡng.", "2024-03-04"),
    ("Khi có thay đổi nhân sự", "2024-03-04"),
    ("Khi nhận được văn bản chuyển phản ánh, kiến nghị", "2024-03-04"),
    ("Khi có hướng dẫn của cấp trên", "2024-03-04"),
    ("Theo chỉ đạo của cấp trên", "2024-03-04"),
    ("chậm nhất 15 ngày kể từ ngày nhận được phản ánh", "2024-03-19"),
    ("Khi có sự cố", "2024-03-04"),  # any other event keeps its words (su_kien)
    # --- continuous and on demand
    ("Thường xuyên", "continuous"),
    ("thường xuyên", "continuous"),
    ("THƯỜNG XUYÊN", "continuous"),
    # Read here with the year 2024: work all along another year than the plan's flags
    # (round fifteen); the seed plan of 2026 reads it without a flag.
    ("Thường xuyên trong năm 2026.", "continuous?"),
    ("Theo dõi: thường xuyên;", "continuous"),
    ("Thực hiện thường xuyên, liên tục", "continuous"),
    ("Liên tục", "continuous"),
    ("Quanh năm", "continuous"),  # all year round
    ("Hằng ngày", "continuous"),
    # Flagged since the seventh probing pass: a procedure's "the same day" (seed plan 001:
    # "trả kết quả ngay trong ngày") more often than work every day.
    ("Ngay trong ngày", "continuous?"),
    ("Cả năm 2024", "continuous"),
    ("Theo yêu cầu", "2024-03-04"),
    ("Theo yêu cầu, đột xuất", "2024-03-04"),
    ("Đột xuất", "2024-03-04"),
    ("Khi có yêu cầu", "2024-03-04"),
    ("đột xuất khi có yêu cầu", "2024-03-04"),
    ("Thường xuyên (Trước 01 ngày của hồ sơ đến hạn trả kết quả).", "2024-03-01 continuous"),
    ("Thường xuyên khi có thay đổi hoặc phân công lại công tác tại xã", "2024-03-04 continuous"),
    ("Thường xuyên; báo cáo hằng quý", "2024-04-01 2024-07-01 2024-09-30 2024-12-31 continuous"),
    # --- per assignee
    (
        "- Trước ngày 10/3/2023 (UBND xã,) - Trước ngày 15/3/2023 (Công chức phụ trách).",
        "2023-03-10 @UBND xã 2023-03-15 @Công chức phụ trách!",
    ),
    (
        "Trước 20/5/2024 (Văn phòng); trước 30/5/2024 (Các bộ phận chuyên môn)",
        "2024-05-20 @Văn phòng 2024-05-30 @Các bộ phận chuyên môn",
    ),
    # --- windows with a report date inside
    ("Trong tháng 9/2026 (báo cáo trước ngày 10/9/2026)", "2026-09-01..2026-09-10"),
    (
        "Trong tháng 9/2026 (báo cáo trước ngày 10/9/2026) và thực hiện thường xuyên trong năm 2026.",
        "2026-09-01..2026-09-10 continuous?",  # read with 2024: another year's work flags
    ),
    ("Quý II/2024, báo cáo trước 20/6/2024", "2024-04-01..2024-06-20"),
    # --- text as documents give it
    ("Trong tháng \n01/2024", "2024-01-01..2024-01-31"),
    (
        "Định kỳ hàng\n\nquý, 01 năm theo\n\nquy định hoặc\n\nđột xuất khi có\n\nyêu cầu",
        "2024-03-04 2024-04-01 2024-07-01 2024-09-30 2024-12-31 2024-12-31",
    ),
    ("  Trước   ngày   31/8/2022  ", "2022-08-31!"),
    ("TRƯỚC NGÀY 31/8/2022", "2022-08-31!"),
    ("truoc ngay 31/8/2022", "2022-08-31!"),
    ("Trươc ngay 31/8/2022", "2022-08-31?!"),
    ("thuong xuyen", "continuous"),
    ("hang quy", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("Thu Nam hang tuan", "52× 2024-01-04 … 2024-12-26"),
    ("Quy II/2024", "2024-04-01..2024-06-30"),
    ("- Trước ngày <b>10/3/2023</b>", "2023-03-10!"),
    ("**Trước ngày 31/8/2022**", "2022-08-31!"),
    # --- what must be flagged
    ("Tham dự Hội nghị, Hội thảo, tọa đàm, ...", "?"),
    ("theo kế hoạch của huyện", "?"),
    ("", "?"),
    ("ngày 05", "?"),
    ("Tuần đầu tiên của tháng 3/2024", "2024-03-01..2024-03-31?"),
    ("Trước ngày 31/8/2022, ưu tiên sớm hơn", "2022-08-31?!"),
    ("thường kỳ", "2024-04-01 2024-07-01 2024-09-30 2024-12-31?"),
    ("Định kỳ", "2024-04-01 2024-07-01 2024-09-30 2024-12-31?"),
    # round five: after an event, by how long unsaid, is flagged like "trước khi …"
    ("Sau khi hoàn thành việc xây dựng trụ sở", "2024-03-04?"),
    ("31/2/2024", "?"),
    # --- met in other communes' plans: a month or quarter every year, counts per period,
    # ranges across years, the nth weekday, reports named by their period, stray marks
    ("Tháng 11 hằng năm", "2024-12-02"),
    ("Quý I hằng năm", "2024-04-01"),
    ("Hằng năm vào tháng 3", "2024-04-01"),
    ("Tháng 13 hằng năm", "2024-12-31?"),
    ("Trước 15 tháng 8 năm 2024", "2024-08-15"),
    ("Tháng 10/2024 đến tháng 12/2024", "2024-10-01..2024-12-31"),
    ("Tháng 12/2023 - Tháng 1/2024", "2023-12-01..2024-01-31"),
    ("01/01/2024 - 31/03/2024", "2024-01-01..2024-03-31"),
    ("Ngày 10/3 - 15/3/2024", "2024-03-10..2024-03-15"),
    ("Tr\u00adước ngày 30/6/2024", "2024-06-30"),  # a soft hyphen inside a word, from Word
    ("Dự kiến tháng 9/2024", "2024-09-01..2024-09-30"),
    ("Hết năm 2024", "2024-01-01..2024-12-31"),
    ("06 tháng 01 lần", "2024-07-01 2024-12-31"),
    ("12 lần/năm", "12× 2024-01-31 … 2024-12-31"),
    ("3 tháng/lần", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("01 lần/tuần", "52× 2024-01-05 … 2024-12-27"),
    ("Tổ chức 02 đợt/năm", "2024-07-01 2024-12-31"),
    ("4 lần/năm", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("Tuần đầu tiên của tháng", "12× 2024-01-05 … 2024-12-06"),
    ("Thứ Hai tuần đầu tiên hàng tháng", "12× 2024-01-02 … 2024-12-02"),
    ("Ngày thứ Hai đầu tiên của tháng", "12× 2024-01-02 … 2024-12-02"),
    ("thứ Sáu cuối cùng hằng tháng", "12× 2024-01-26 … 2024-12-27"),
    ("Trước 25/12/2024 (báo cáo năm)", "2024-12-25"),
    ("Cuối quý II/2024", "2024-06-30"),
    ("Đầu quý II/2024", "2024-04-01..2024-06-30?"),
    ("Chậm nhất 03 ngày trước khi tổ chức hội nghị", "2024-03-01"),
    ("Khi phát sinh", "2024-03-04"),
    ("Khi có thủ tục hành chính mới ban hành", "2024-03-04"),
    ("trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ", "2024-03-11"),
    ("Năm 2023, 2024", "2023-01-01..2023-12-31?"),
    ("Trước khi tổ chức hội nghị", "2024-03-01?"),
    ("Trước khi tổ chức hội nghị 05 ngày", "2024-02-28"),
    # An event's day named by words, by how much before unsaid: as "trước khi …", flagged.
    ("Trước ngày khai mạc kỳ họp HĐND xã", "2024-03-01?"),
    ("Hoàn thành trước ngày tổ chức Đại hội Đoàn", "2024-03-01?"),
    # … but a day of a period or of the week, or a named day with its date, is no event.
    ("Trước ngày cuối tháng", "12× 2024-01-31 … 2024-12-31?"),
    ("Trước ngày Quốc tế Phụ nữ (8/3/2024)", "2024-03-08"),
    # "mùng" beside a monthly cadence, no lunar word in the cell: the solar day.
    ("Nộp báo cáo vào ngày mùng 5 hằng tháng", "12× 2024-01-05 … 2024-12-05"),
    ("Từ mồng 3 đến ngày 10 hàng tháng", "12× 2024-01-10 … 2024-12-10"),
    # A period's end said before its cadence; without "mỗi", every period offered, flagged.
    ("Báo cáo vào cuối mỗi quý", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("ngày cuối cùng của mỗi quý", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("Cuối hằng tháng", "12× 2024-01-31 … 2024-12-31"),
    # "ngày cuối cùng của tháng" names the month's last day as a rule's day: every month's
    # (hsweep); "cuối tháng", "cuối quý" alone may be this one's end, and flag.
    ("gửi vào ngày cuối cùng của tháng", "12× 2024-01-31 … 2024-12-31"),
    ("Cuối quý", "2024-04-01 2024-07-01 2024-09-30 2024-12-31?"),
    ("cuối quý II", "2024-06-30"),
    # The count after an event named without "khi" or "ngày".
    ("Trước kỳ họp HĐND xã 10 ngày", "2024-02-23"),
    ("Gửi tài liệu trước phiên họp ít nhất 03 ngày làm việc", "2024-02-28"),
    ("Từ 01/01/2024", "continuous"),
    ("Từ tháng 4/2024", "continuous"),
    ("tháng 3-2024", "2024-03-01..2024-03-31"),
    ("Hạn cuối: 31/3/2024", "2024-03-31"),
    ("Họp giao ban vào 8h00 thứ Hai hằng tuần", "53× 2024-01-02 08:00 … 2024-12-30 08:00"),
    ("Từ năm 2024 trở đi", "continuous"),
    ("Khi có phát sinh", "2024-03-04"),
    ("Trước ngày 31 tháng 01 hằng năm", "2024-01-31"),
    ("ngày 31 tháng 12 hàng năm", "2024-12-31"),
    ("Từ ngày 15 đến ngày 20 hằng tháng", "12× 2024-01-22 … 2024-12-20"),
    ("Từ ngày 01 - 05 hàng tháng", "12× 2024-01-05 … 2024-12-05"),
    ("Trước ngày 20 tháng 3, 6, 9, 12", "2024-03-20 2024-06-20 2024-09-20 2024-12-20"),
    ("Tháng 3, 6, 9, 12 hằng năm", "2024-04-01 2024-07-01 2024-09-30 2024-12-31"),
    ("Sáng thứ Hai tuần đầu tiên của tháng", "12× 2024-01-02 … 2024-12-02"),
    ("Từ 20-30/5/2024", "2024-05-20..2024-05-30"),
    ("Ngày 20-25/5/2024", "2024-05-20..2024-05-25"),
    ("Đợt 1: trước 30/6/2024; Đợt 2: trước 30/11/2024", "2024-06-30 2024-11-30"),
    ("Năm 2024: Quý III", "2024-07-01..2024-09-30"),
    ("Hằng năm (từ năm 2024)", "2024-12-31"),
    ("Hằng quý (từ quý II/2024)", "2024-07-01 2024-09-30 2024-12-31"),
    ("Bắt đầu từ quý II/2024", "continuous"),
    # --- numbers followed by their words, as legal texts write them; words that disagree stay
    ("chậm nhất ngày 10 (mười) của tháng cuối quý", "2024-03-11 2024-06-10 2024-09-10 2024-12-10"),
    ("ngày 20 (hai mươi) tháng 12 (mười hai)", "2024-12-20"),
    ("Trước ngày 25 (hai mươi lăm) tháng 3", "2024-03-25"),
    ("ngày 20 (mười) tháng 12", "2024-12-01..2024-12-31?"),
    # --- a report's name beside its own yearly day is no second deadline
    ("Báo cáo năm gửi trước ngày 20/11 hằng năm", "2024-11-20"),
    ("Báo cáo năm: trước ngày 20/11 hằng năm", "2024-11-20"),
    ("Báo cáo định kỳ 6 tháng: thời hạn gửi báo cáo chậm nhất vào ngày 15/6", "2024-06-17"),
    # --- the year after, and the quarter after the one reported on
    ("trước ngày 31/01 năm sau", "2025-01-31"),
    ("chậm nhất ngày 31/3 của năm liền kề", "2025-03-31"),
    ("chậm nhất ngày 15 tháng 01 của năm sau năm báo cáo", "2025-01-15"),
    ("Trong tháng 01 năm sau", "2025-01-01..2025-01-31"),
    ("Báo cáo năm gửi trước ngày 31/01 năm sau", "2024-01-31"),
    (
        "Báo cáo quý gửi trước ngày 10 tháng cuối cùng của mỗi quý",
        "2024-03-11 2024-06-10 2024-09-10 2024-12-10",
    ),
    ("trước ngày 15 tháng cuối quý sau quý báo cáo", "2024-03-15 2024-06-17 2024-09-16 2024-12-16"),
    (
        "Báo cáo quý: ngày 15 của tháng đầu quý tiếp theo",
        "2024-01-15 2024-04-15 2024-07-15 2024-10-15",
    ),
    ("ngày 20 của tháng thứ hai trong quý", "2024-02-20 2024-05-20 2024-08-20 2024-11-20"),
    # --- days of one month written once; a yearly window; a start; a time after "đến"
    ("Từ ngày 15 đến 21-4", "2024-04-15..2024-04-21"),
    ("từ ngày 12 đến 19-11-2024", "2024-11-12..2024-11-19"),
    ("Ngày 15 và 16-7", "2024-07-15 2024-07-16"),
    ("vào ngày 21 và ngày 22 tháng 11 năm 2024", "2024-11-21 2024-11-22"),
    ("Từ ngày 1 tháng 11 đến ngày 31 tháng 12 hàng năm", "2024-12-31"),
    ("trước ngày 01 tháng 3 năm hàng năm", "2024-03-01"),
    ("chậm nhất đến 17 giờ 30 phút ngày 30/8", "2024-08-30 17:30"),
    ("Chiều 24/7", "2024-07-24"),
    ("chậm nhất là 05 ngày làm việc, kể từ ngày HĐND cấp tỉnh phê chuẩn", "2024-03-11"),
    # --- a lunar date in brackets beside the solar one: taken when it agrees, else asked
    ("Thứ Bảy 11/01/2025 (nhằm 12/12 ÂL)", "2025-01-11"),
    ("Thứ Bảy 11/01/2025 (nhằm 13/12 ÂL)", "2025-01-11?"),
    ("từ 11- 21/11 (10/10 âl)", "2024-11-11..2024-11-21?"),
    # --- round four: the task's own words explain themselves, timing words never do
    ("gửi về Sở Nội vụ trước ngày 5/3", "2024-03-05"),
    ("gửi lại sau trước ngày 5/3", "2024-03-05?"),
    ("có hiệu lực từ ngày 5-7", "continuous"),
    ("hết hiệu lực từ ngày 5-7", "continuous?"),
    ("Tuần thứ 10 từ ngày 04/03/2024 đến ngày 08/03/2024", "2024-03-04..2024-03-08"),
    ("Tuần thứ 11 từ ngày 04/03/2024 đến ngày 08/03/2024", "2024-03-04..2024-03-08?"),
    ("ngày 20 tháng sau", "?"),
    # --- round five: the task's clause around a timing explains itself, a clause between two
    # readings or holding a timing word never does; ranges from now, from a month, to
    # "trước"; a start naming its weekday; an entry into force; a lunar aside led by "ngày"
    ("đi làm thứ Bảy, ngày 2/3/2024", "2024-03-02"),
    ("nghỉ bù thứ Bảy, ngày 2/3/2024", "2024-03-02?"),
    ("trổ tập trung từ 10/4 đến 25/4/2024", "2024-04-10..2024-04-25?"),
    ("từ 7h30 và quản lý học sinh đến 17h30 hàng ngày", "continuous?"),
    ("từ nay đến 31/8/2024", "2024-08-31"),
    ("bắt đầu từ tháng 8 đến ngày 25/9/2024", "2024-08-01..2024-09-25"),
    ("từ 7/11 đến trước ngày 20/11/2024", "2024-11-07..2024-11-20"),
    ("Đến thời điểm ngày 21/3/2024", "2024-03-21"),
    ("(hiệu lực từ ngày 15-2)", "continuous"),
    ("từ thứ Hai, ngày 4/3/2024", "continuous"),
    ("từ thứ Ba, ngày 4/3/2024", "continuous?"),
    ("vào ngày 19/04/2024 (ngày 11/3 âm lịch)", "2024-04-19"),
    ("vào ngày 19/04/2024 (ngày 12/3 âm lịch)", "2024-04-19?"),
    ("Ngay sau khi niêm yết", "2024-03-04?"),
    ("sáu tháng đầu năm 2024", "2024-01-01..2024-06-30"),
    ("thứ hai ngày 4/3/2024", "2024-03-04"),
    ("hai ngày 04 và 05/3/2024", "2024-03-04 2024-03-05"),
    ("bảy giờ sáng ngày 5/3/2024", "2024-03-05 07:00"),
    (
        "chậm nhất là ngày thứ hai mươi của tháng tiếp theo tháng phát sinh nghĩa vụ thuế",
        "12× 2024-01-22 … 2024-12-20",
    ),
    (
        "chậm nhất là ngày thứ ba mươi của quý tiếp theo quý phát sinh nghĩa vụ thuế",
        "2024-01-30 2024-05-02 2024-07-30 2024-10-30",
    ),
    (
        "chậm nhất là ngày cuối cùng của tháng đầu quý tiếp theo liền kề quý phát sinh nghĩa vụ thuế",
        "2024-01-31 2024-05-02 2024-07-31 2024-10-31",
    ),
    (
        "chậm nhất là 15 ngày, kể từ ngày kết thúc quý",
        "2024-01-15 2024-04-15 2024-07-15 2024-10-15",
    ),
    ("tổ chức bầu cử trước 2 ngày", "2024-03-01"),
    ("30 ngày bắt đầu từ ngày 1.7.2024", "2024-07-01..2024-07-30"),
    ("Gieo đầu tháng 11 đến 25/11", "2024-11-01..2024-11-25"),
    ("từ 10/2 trở đi", "continuous"),
    ("đến hết tháng 4", "2024-04-01..2024-04-30"),
    (
        # Hours of service on every working day: continuous work (hconv's convention).
        "07 giờ 00' đến 08 giờ 00' tất cả các ngày làm việc trong tuần",
        "continuous",
    ),
    # A window of hours every day: a deadline each day, or hours of service? (hconv)
    ("hàng ngày từ 11h đến 14h", "continuous?"),
    # A bound, an hour and "hàng ngày", nothing else: a daily deadline (hsweep).
    ("hàng ngày trước 16 giờ", "366× 2024-01-01 16:00 … 2024-12-31 16:00"),
    (
        "Tính từ ngày 15/12 năm trước kỳ báo cáo đến ngày 14/12 của kỳ báo cáo",
        "2023-12-15..2024-12-14",
    ),
    (
        "từ thứ Bảy 10/2/2024 (tức mùng 1 tháng Giêng, năm Giáp Thìn) đến hết thứ Tư 14/2/2024",
        "2024-02-10..2024-02-14",
    ),
    ("Sáng mùng 10/2 (mùng 1 tháng Giêng)", "2024-02-10"),
    ("Sáng mùng 10/2", "2024-02-10?"),
    ("ít nhất sáu tháng/lần", "2024-07-01 2024-12-31"),
]


def _describe(calendar: WorkCalendar, text: str) -> str:
    result = parse_timing(text, year=2024)
    occurrences = expand(
        list(result.rules),
        period_start=date(2024, 1, 1),
        period_end=date(2024, 12, 31),
        calendar=calendar,
        events=EVENTS,
    )
    tokens = []
    for occ in occurrences:
        token = occ.due_date.isoformat()
        if (occ.start_date and occ.start_date != occ.due_date) or (
            occ.start_date
            and occ.start_time
            and occ.kind == "deadline"
            and occ.start_date == occ.due_date
            and not occ.due_time
        ):
            token = f"{occ.start_date.isoformat()}..{token}"
        if occ.kind == "relative" and occ.start_date and occ.start_date == occ.due_date:
            token = f"{occ.start_date.isoformat()}..{token}"
        if occ.due_time:
            token += (
                f" {occ.start_time:%H:%M}-{occ.due_time:%H:%M}"
                if occ.start_time
                else f" {occ.due_time:%H:%M}"
            )
        if occ.assignee:
            token += f" @{occ.assignee}"
        tokens.append(token)
    if len(tokens) > 6:
        tokens = [f"{len(tokens)}× {tokens[0]} … {tokens[-1]}"]
    if any(r.kind == "continuous" for r in result.rules):
        tokens.append("continuous")
    return " ".join(tokens) + ("?" if result.review else "") + ("!" if result.caution else "")


def test_there_are_at_least_150_distinct_phrases() -> None:
    phrases = [p for p, _ in CASES]
    assert len(set(phrases)) == len(phrases) >= 150


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_each_phrase_gives_its_occurrences(
    calendar: WorkCalendar, text: str, expected: str
) -> None:
    assert _describe(calendar, text) == expected


def test_a_start_without_an_end_is_continuous_work_from_that_day() -> None:
    assert [(r.kind, r.start) for r in parse_timing("Từ 01/01/2024", year=2024).rules] == [
        ("continuous", date(2024, 1, 1))
    ]
    worded = parse_timing("từ ngày 01 tháng 12 năm 2024", year=2024)
    assert [(r.kind, r.start) for r in worded.rules] == [("continuous", date(2024, 12, 1))]
    assert not worded.review
    assert [(r.kind, r.start) for r in parse_timing("Từ tháng 4/2024", year=2024).rules] == [
        ("continuous", date(2024, 4, 1))
    ]
    ranged = parse_timing("Từ tháng 4 đến tháng 6/2024", year=2024).rules
    assert [(r.kind, r.start, r.due) for r in ranged] == [
        ("deadline", date(2024, 4, 1), date(2024, 6, 30))
    ]


def test_a_year_alone_is_that_year_and_a_number_is_not() -> None:
    # As a "Năm hoàn thành" column or a spreadsheet's number cell holds it.
    for text in ("2027", " 2027 ", "2027."):
        result = parse_timing(text, year=2026)
        assert not result.review, text
        assert [(r.start, r.due) for r in result.rules] == [(date(2027, 1, 1), date(2027, 12, 31))]
    assert parse_timing("1999", year=2026).review  # before the plan's year, as "Năm 1999"
    for text in ("2026-2027", "20261", "226", "3000"):
        assert parse_timing(text, year=2026).review, text
    # In a sentence a year alone is the plan's year or a text's, never a deadline.
    assert not find_timing("Kế hoạch này thực hiện 2026", year=2026).rules


def test_a_review_always_says_why_in_vietnamese() -> None:
    result = parse_timing("Tham dự Hội nghị, Hội thảo, tọa đàm, ...", year=2024)
    assert result.review
    assert result.reason == "Không nhận ra thời hạn nào."
    result = parse_timing("Trước ngày 31/8/2022, ưu tiên sớm hơn", year=2022)
    assert result.reason == "Chưa hiểu phần 'ưu tiên sớm hơn'."


def test_a_date_without_its_year_needs_the_plans_year() -> None:
    result = parse_timing("Trước ngày 31/8")
    assert result.review
    assert not result.rules
    assert result.reason == "'Trước ngày 31/8' không nêu năm và chưa biết năm của kế hoạch."


def test_the_task_text_names_the_day_of_a_bare_cadence() -> None:
    context = "Báo cáo định kỳ hàng quý: gửi báo cáo về UBND huyện chậm nhất là ngày 17 của tháng cuối quý."
    [rule] = parse_timing("Hàng quý", year=2023, context=context).rules
    assert rule.rrule == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=17"


def test_the_task_text_names_what_was_received() -> None:
    [rule] = parse_timing(
        "Trong thời gian 10 ngày kể từ ngày tiếp nhận", year=2023,
        context="Tiếp nhận và xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính.",
    ).rules  # fmt: skip
    assert (rule.kind, rule.event, rule.offset) == ("relative", "pakn_tiep_nhan", 10)
    unknown = parse_timing("Trong thời gian 10 ngày kể từ ngày tiếp nhận", year=2023)
    assert unknown.review
    assert not unknown.rules


@pytest.mark.parametrize(
    "text", ["Mùng 1 và rằm hằng tháng", "mùng 1 hằng tháng âm lịch", "Dâng hương mùng 5/5"]
)
def test_mung_of_the_lunar_calendar_or_with_its_month_is_left_to_review(text: str) -> None:
    assert parse_timing(text, year=2024).review


def test_a_count_from_a_day_without_ke_is_left_to_review() -> None:
    # "kể từ ngày D" leaves D out (art. 147); "trong 45 ngày từ 1/3" may count it: flagged.
    assert parse_timing("Đóng cửa trong 45 ngày từ 1/3", year=2024).review
    assert not parse_timing("Trong 45 ngày kể từ ngày 1/3", year=2024).review


def test_the_last_working_day_of_each_month_moves_back_before_a_day_off() -> None:
    (rule,) = parse_timing("ngày làm việc cuối cùng hằng tháng", year=2024).rules
    assert (rule.rrule, rule.holiday) == ("FREQ=MONTHLY;BYMONTHDAY=-1", "previous")


def test_a_result_serialises_to_the_cli_contract() -> None:
    data = parse_timing("Thứ Năm hằng tuần", year=2026).to_dict()
    assert data == {
        "text": "Thứ Năm hằng tuần",
        "rules": [{"kind": "recurring", "key": "r1", "rrule": "FREQ=WEEKLY;BYDAY=TH"}],
        "review": False,
        "reason": "",
        "caution": "",
    }


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        (
            "Tiếp tục triển khai thực hiện Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng Chính phủ;",
            [],
        ),
        ("Kế hoạch kiểm soát TTHC năm 2022; Kế hoạch rà soát, đánh giá TTHC", []),
        (
            "Tham dự giao ban định kỳ 6 tháng, 1 năm để triển khai công tác theo quy định;",
            ["recurring", "recurring"],
        ),
        ("Hợp đồng chức danh Văn hóa thường xuyên, kịp thời tuyên truyền", ["continuous"]),
        (
            "định kỳ hàng quý, chủ trì, phối hợp với bộ phận Một cửa tiến hành tự đánh giá",
            ["recurring"],
        ),
        (
            "Báo cáo trung thực số liệu hàng tháng, quý hoặc đột xuất về Cán bộ đầu mối",
            ["recurring", "recurring", "on_demand"],
        ),
        (
            "Thực hiện việc đổi mới chính sách tiền lương (khi có hướng dẫn của cấp trên).",
            ["relative"],
        ),
        ("Hoàn thành trước ngày 30/6/2024 việc số hóa hồ sơ", ["deadline"]),
    ],
)
def test_timing_inside_a_sentence_is_found_and_nothing_else(
    sentence: str, kinds: list[str]
) -> None:
    result = find_timing(sentence, year=2024)
    assert [r.kind for r in result.rules] == kinds
    assert not result.review


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        # A year its words bound is a deadline in a sentence too: the year's end.
        ("Tổ chức Hội nghị tổng kết vào cuối năm 2024.", date(2024, 12, 31)),
        ("Tổng kết việc thực hiện Kế hoạch vào cuối năm.", date(2024, 12, 31)),
        ("Hoàn thành trong năm 2024.", date(2024, 12, 31)),
        ("Phấn đấu đến hết năm 2024, 100% hồ sơ được giải quyết đúng hạn.", date(2024, 12, 31)),
        ("Hoàn thành trước cuối năm 2025 việc số hóa hồ sơ", date(2025, 12, 31)),
        # A year alone names the plan's year or a law's: nothing.
        ("Tuyên truyền Luật Đất đai năm 2024 trên loa truyền thanh.", None),
        ("Kế hoạch thực hiện nhiệm vụ trong năm 2024.", None),
        ("Đến năm 2025, 100% xã đạt chuẩn.", None),
    ],
)
def test_a_bounded_year_in_a_sentence_is_its_end(sentence: str, due: date | None) -> None:
    result = find_timing(sentence, year=2024)
    assert [r.due for r in result.rules] == ([due] if due else [])
    assert not result.review


def test_a_year_joined_to_a_bounded_one_is_bound_too() -> None:
    # It was left unread and the sentence read as the first year's end, without a flag.
    result = find_timing("Tổ chức vào cuối năm 2024 và đầu năm 2025.", year=2024)
    assert [r.due for r in result.rules] == [date(2024, 12, 31), date(2025, 3, 31)]
    assert result.review  # "đầu năm" says no day
    assert not find_timing("Tuyên truyền Luật Đất đai năm 2024 và năm 2025.", year=2024).rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trong tháng 01/2024", True), ("Thường xuyên", True), ("Văn phòng Thống kê", False),
        ("Các bộ phận chuyên môn", False), ("Khi cấp trên tổ chức", True), ("UBND xã", False),
    ],
)  # fmt: skip
def test_looks_like_timing_tells_timing_cells_from_unit_cells(text: str, expected: bool) -> None:
    assert looks_like_timing(text) is expected


# --------------------------------------------------------------------------- properties


_WORDS = st.sampled_from(
    [
        "trước",
        "ngày",
        "tháng",
        "năm",
        "quý",
        "hàng",
        "hằng",
        "tuần",
        "thứ",
        "Năm",
        "Sáu",
        "chậm",
        "nhất",
        "kể",
        "từ",
        "khi",
        "sau",
        "đến",
        "thường",
        "xuyên",
        "đột",
        "xuất",
        "yêu",
        "cầu",
        "giờ",
        "phút",
        "lần",
        "/",
        "-",
        ".",
        ",",
        ";",
        "(",
        ")",
        "31/8",
        "15",
        "2024",
        "II",
        "IV",
        "17",
        "nếu",
        "trùng",
        "nghỉ",
        "chuyển",
        "làm",
        "việc",
        "tiếp",
        "theo",
        "cuối",
        "đầu",
        "quy",
        "định",
        "xã",
        "UBND",
        # the normalisations made after round eight: old spellings, abbreviations, counts
        "qui",
        "quí",
        "kì",
        "Q3/2024",
        "T10",
        "2024-06-15",
        "mỗi",
        "lần",
        "đợt",
        "Đợt 1:",
        "hoãn",
        "số 15/KH-UBND",
        "thượng tuần",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=14).map(" ".join))
def test_garbled_timing_words_never_raise_and_give_rules_or_a_review(text: str) -> None:
    result = parse_timing(text, year=2024)
    assert result.rules or result.review
    if result.review:
        assert result.reason


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_never_raises_and_gives_rules_or_a_review(text: str) -> None:
    result = parse_timing(text, year=2024)
    assert result.rules or result.review
