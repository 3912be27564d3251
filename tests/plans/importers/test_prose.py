"""Prose plans: numbering at every level, PDF line breaks, implementation fields, duties per
unit, text tables, and the parts around the tasks (head, purpose, closing, signer)."""

from __future__ import annotations

from typing import Any

from tracker.plans.importers.base import RawPlan, RawTask
from tracker.plans.importers.prose import parse_prose, split_label

PLAN = """\
UBND XÃ AN THỊNH
Số: 15/KH-UBND

*An Thịnh, ngày 05 tháng 01 năm 2025*

## **KẾ HOẠCH**

### **Kiểm soát thủ tục hành chính năm 2025**

Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ;

Thực hiện Kế hoạch số 12/KH-UBND của UBND huyện; UBND xã xây dựng Kế hoạch như sau:

#### **I. MỤC ĐÍCH, YÊU CẦU**

1. Mục đích

- Nâng cao chất lượng giải quyết thủ tục hành chính.

## **II. NHIỆM VỤ**

### 1. Công tác chỉ đạo

- Ban hành văn bản chỉ đạo về:
+ Kiểm soát thủ tục hành chính;
+ Thực hiện cơ chế một cửa.
- Kiểm tra việc thực hiện (*định kỳ*).

**2. Rà soát thủ tục hành chính**

- Rà soát các thủ tục thuộc thẩm quyền của xã.
- Đề xuất phương án đơn giản hóa.
- Cơ quan chủ trì: Văn phòng UBND xã.
- Cơ quan phối hợp: Công chức Tư pháp - Hộ tịch.
- Sản phẩm: Báo cáo rà soát.
- Thời gian thực hiện: Trước ngày 30/6/2025.

3. Công khai thủ tục hành chính

* Cơ quan thực hiện:
- Các công chức chuyên môn cung cấp danh mục;
- Bộ phận Một cửa niêm yết.
- Thời gian thực hiện: Thường xuyên.

(Danh mục kèm theo)

4. Ứng dụng công nghệ thông tin

4.1. Dịch vụ công trực tuyến

a) Tiếp nhận hồ sơ trực tuyến.
b) Thanh toán trực tuyến.

4.2. Số hóa hồ sơ

Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.

### III. KINH PHÍ

Kinh phí do ngân sách xã bảo đảm.

### IV. TỔ CHỨC THỰC HIỆN

1. Văn phòng UBND xã

Tham mưu tổ chức triển khai, tổng hợp kết quả báo cáo UBND huyện.

2. Công chức Tư pháp - Hộ tịch

- Rà soát thủ tục lĩnh vực hộ tịch.
- Báo cáo kết quả rà soát.

3. Giao Công chức Văn phòng – Thống kê theo dõi, đôn đốc việc thực hiện Kế hoạch này.

Trên đây là Kế hoạch kiểm soát thủ tục hành chính năm 2025 của UBND xã./.

***Nơi nhận:***
- UBND huyện;
- Lưu: VT.

**KT. CHỦ TỊCH**
**PHÓ CHỦ TỊCH**

**Trần Văn Bình**

**PHỤ LỤC**

Danh mục lĩnh vực rà soát
(Kèm theo Kế hoạch số 15/KH-UBND)

STT Lĩnh vực Thời gian hoàn thành
1 Lĩnh vực Hộ tịch Trước ngày 31/3/2025
2 Lĩnh vực Chứng thực Quý II/2025
"""


def _tree(tasks: list[RawTask]) -> list[Any]:
    """The tree as nested (label, content, fields that are set, children)."""
    out: list[Any] = []
    for task in tasks:
        fields = {
            name: value
            for name in ("details", "lead", "coordinating", "output", "timing", "note", "kind")
            if (value := getattr(task, name))
        }
        entry: tuple[Any, ...] = (task.label, task.content, fields)
        out.append((*entry, _tree(task.children)) if task.children else entry)
    return out


def _read(text: str) -> RawPlan:
    return parse_prose(text.split("\n"), source="plan.md")


def test_a_markdown_plan_is_read_whole() -> None:
    plan = _read(PLAN)
    assert _tree(plan.tasks) == [
        ("II", "NHIỆM VỤ", {"kind": "section"}, [
            ("1", "Công tác chỉ đạo", {}, [
                ("-", "Ban hành văn bản chỉ đạo về:", {}, [
                    ("+", "Kiểm soát thủ tục hành chính;", {}),
                    ("+", "Thực hiện cơ chế một cửa.", {}),
                ]),
                ("-", "Kiểm tra việc thực hiện (định kỳ).", {}),
            ]),
            ("2", "Rà soát thủ tục hành chính", {
                "details": [
                    "- Rà soát các thủ tục thuộc thẩm quyền của xã.",
                    "- Đề xuất phương án đơn giản hóa.",
                ],
                "lead": "Văn phòng UBND xã.",
                "coordinating": "Công chức Tư pháp - Hộ tịch.",
                "output": "Báo cáo rà soát.",
                "timing": "Trước ngày 30/6/2025.",
            }),
            ("3", "Công khai thủ tục hành chính", {
                "lead": "- Các công chức chuyên môn cung cấp danh mục; - Bộ phận Một cửa niêm yết.",
                "timing": "Thường xuyên.",
                "note": "(Danh mục kèm theo)",
            }),
            ("4", "Ứng dụng công nghệ thông tin", {}, [
                ("4.1", "Dịch vụ công trực tuyến", {}, [
                    ("a", "Tiếp nhận hồ sơ trực tuyến.", {}),
                    ("b", "Thanh toán trực tuyến.", {}),
                ]),
                ("4.2", "Số hóa hồ sơ", {}, [
                    ("", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.", {}),
                ]),
            ]),
        ]),
        ("IV", "TỔ CHỨC THỰC HIỆN", {"kind": "section"}, [
            ("1", "Tham mưu tổ chức triển khai, tổng hợp kết quả báo cáo UBND huyện.",
             {"lead": "Văn phòng UBND xã"}),
            ("2", "Công chức Tư pháp - Hộ tịch", {}, [
                ("-", "Rà soát thủ tục lĩnh vực hộ tịch.", {"lead": "Công chức Tư pháp - Hộ tịch"}),
                ("-", "Báo cáo kết quả rà soát.", {"lead": "Công chức Tư pháp - Hộ tịch"}),
            ]),
            ("3", "Giao Công chức Văn phòng – Thống kê theo dõi, đôn đốc việc thực hiện Kế hoạch này.", {}),
        ]),
        ("PL", "Danh mục lĩnh vực rà soát", {
            "details": ["(Kèm theo Kế hoạch số 15/KH-UBND)"], "kind": "section",
        }, [
            ("1", "Lĩnh vực Hộ tịch", {"timing": "Trước ngày 31/3/2025"}),
            ("2", "Lĩnh vực Chứng thực", {"timing": "Quý II/2025"}),
        ]),
    ]  # fmt: skip


def test_the_parts_around_the_tasks() -> None:
    plan = _read(PLAN)
    assert plan.header_lines == [
        "UBND XÃ AN THỊNH",
        "Số: 15/KH-UBND",
        "An Thịnh, ngày 05 tháng 01 năm 2025",
        "KẾ HOẠCH",
        "Kiểm soát thủ tục hành chính năm 2025",
        "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ;",
        "Thực hiện Kế hoạch số 12/KH-UBND của UBND huyện; UBND xã xây dựng Kế hoạch như sau:",
    ]
    assert plan.details == {
        "purpose": "1. Mục đích\n- Nâng cao chất lượng giải quyết thủ tục hành chính.",
        "funding": "Kinh phí do ngân sách xã bảo đảm.",
        "closing": "Trên đây là Kế hoạch kiểm soát thủ tục hành chính năm 2025 của UBND xã./.",
        "recipients": ["UBND huyện;", "Lưu: VT."],
        "signer": {"on_behalf": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Trần Văn Bình"},
    }
    assert plan.default_lead == "Công chức Văn phòng – Thống kê"
    assert plan.review == []


def test_every_node_names_its_line() -> None:
    plan = _read(PLAN)
    where = {task.content: task.where for task, _ in plan.walk()}
    lines = PLAN.split("\n")
    assert where["NHIỆM VỤ"] == f"dòng {lines.index('## **II. NHIỆM VỤ**') + 1}"
    assert (
        where["Rà soát thủ tục hành chính"]
        == f"dòng {lines.index('**2. Rà soát thủ tục hành chính**') + 1}"
    )
    assert where["Lĩnh vực Chứng thực"] == f"dòng {len(lines) - 1}"


# As PDF extraction gives it: a space where a line wrapped, blank lines anywhere.
PDF_TEXT = "\n".join(
    [
        "II. NỘI DUNG",
        "1. Xây dựng và hoàn thiện thể chế về kiểm soát thủ tục hành ",
        "chính",
        "- Tham gia ý kiến dự thảo Thông tư số 01/2018/TT-",
        "VPCP của Văn phòng Chính phủ hướng dẫn thi hành một số quy định của Nghị ",
        "",
        "định số 61/2018/NĐ-CP, trong đó có quy định tại khoản 2 Điều 5 và ",
        "2. Điều 7 của Nghị định.",
        "2. Ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính",
        "Tiếp tục thực hiện dịch vụ công trực tuyến mức độ 3, mức độ 4 đảm bảo chỉ ",
        "",
        "tiêu giao",
        "Triển khai giải quyết thủ tục hành chính trên môi trường điện tử của tỉnh ",
        "Hải Dương và của huyện.",
        "",
    ]
)


def test_pdf_line_breaks_are_joined_and_paragraphs_kept_apart() -> None:
    plan = _read(PDF_TEXT)
    assert _tree(plan.tasks) == [
        ("II", "NỘI DUNG", {"kind": "section"}, [
            ("1", "Xây dựng và hoàn thiện thể chế về kiểm soát thủ tục hành chính", {}, [
                ("-", "Tham gia ý kiến dự thảo Thông tư số 01/2018/TT- VPCP của Văn phòng Chính "
                 "phủ hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP, trong "
                 "đó có quy định tại khoản 2 Điều 5 và 2. Điều 7 của Nghị định.", {}),
            ]),
            ("2", "Ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính", {}, [
                ("", "Tiếp tục thực hiện dịch vụ công trực tuyến mức độ 3, mức độ 4 đảm bảo chỉ "
                 "tiêu giao", {}),
                ("", "Triển khai giải quyết thủ tục hành chính trên môi trường điện tử của tỉnh "
                 "Hải Dương và của huyện.", {}),
            ]),
        ]),
    ]  # fmt: skip


def test_word_paragraphs_with_soft_breaks_keep_their_numbers() -> None:
    paragraphs = [
        "II. NỘI DUNG",
        "1. Trung tâm Phục vụ hành chính công: Chủ trì, hướng dẫn, đôn đốc, kiểm tra các "
        "phòng chuyên môn tổ chức thực hiện Kế hoạch này.",
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
    ]
    plan = parse_prose(paragraphs, source="plan.docx")
    task = plan.tasks[0].children[0]
    assert (task.lead, task.where) == ("Trung tâm Phục vụ hành chính công", "dòng 2")
    assert plan.default_lead == "Trung tâm Phục vụ hành chính công"
    assert plan.details["signer"] == {"on_behalf": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH"}


def test_the_unit_that_leads_the_plans_deployment_is_charged_with_it() -> None:
    # "Chủ trì, tham mưu UBND xã triển khai Kế hoạch;" charges the unit with this plan (it
    # was found only with "thực hiện Kế hoạch này"); a plan named after "Kế hoạch" is another.
    def charged(duty: str) -> str:
        paragraphs = ["II. NỘI DUNG", "1. Tổ chức tuyên truyền pháp luật.", "III. TỔ CHỨC THỰC HIỆN",
                      f"1. Văn phòng HĐND và UBND xã: {duty}"]  # fmt: skip
        return parse_prose(paragraphs, source="plan.docx").default_lead

    for duty in (
        "Chủ trì, tham mưu UBND xã triển khai Kế hoạch; tổng hợp báo cáo kết quả.",
        "Chủ trì, tham mưu triển khai thực hiện Kế hoạch này.",
        "Chủ trì tham mưu triển khai Kế hoạch.",
    ):
        assert charged(duty) == "Văn phòng HĐND và UBND xã", duty
    assert charged("Chủ trì, tham mưu triển khai Kế hoạch phòng, chống thiên tai.") == ""


def test_a_section_of_unknown_role_is_read_as_tasks_and_flagged() -> None:
    plan = _read("I. CHẾ ĐỘ BÁO CÁO\n1. Báo cáo quý.\n")
    assert [(t.label, t.content) for t, _ in plan.walk()] == [
        ("I", "CHẾ ĐỘ BÁO CÁO"),
        ("1", "Báo cáo quý."),
    ]
    assert [(r.where, r.field, r.text) for r in plan.review] == [
        ("dòng 1", "section", "CHẾ ĐỘ BÁO CÁO")
    ]


def test_labels_are_split_off_headings() -> None:
    assert split_label("## **2. Thực hiện cơ chế một cửa**") == ("2", "Thực hiện cơ chế một cửa")
    assert split_label("- + Cơ quan chủ trì: Văn phòng") == ("+", "Cơ quan chủ trì: Văn phòng")
    assert split_label("### ***2.1.1. Mục tiêu***") == ("2.1.1", "Mục tiêu")
    assert split_label("#### **IV. TỔ CHỨC THỰC HIỆN**") == ("IV", "TỔ CHỨC THỰC HIỆN")
    assert split_label("c) Cán bộ làm việc") == ("c", "Cán bộ làm việc")
    assert split_label("*(Chi tiết phụ lục kèm theo)*") == ("", "(Chi tiết phụ lục kèm theo)")
    assert split_label("2021.") == ("", "2021.")


def test_fields_under_a_bullet_describe_that_bullet() -> None:
    plan = _read(
        "II. NHIỆM VỤ\n"
        "1. Công khai thủ tục hành chính\n"
        "- Niêm yết tại Bộ phận Một cửa\n"
        "+ Chủ trì: Bộ phận Một cửa\n"
        "+ Thời hạn: Thường xuyên\n"
        "- Đăng trên Trang thông tin điện tử\n"
        "+ Chủ trì: Văn phòng UBND xã\n"
    )
    assert _tree(plan.tasks[0].children) == [
        ("1", "Công khai thủ tục hành chính", {}, [
            ("-", "Niêm yết tại Bộ phận Một cửa", {"lead": "Bộ phận Một cửa", "timing": "Thường xuyên"}),
            ("-", "Đăng trên Trang thông tin điện tử", {"lead": "Văn phòng UBND xã"}),
        ]),
    ]  # fmt: skip


def test_field_names_are_read_as_column_titles_are() -> None:
    plan = _read(
        "II. NHIỆM VỤ\n"
        "1. Rà soát quy chế làm việc\n"
        "- Đơn vị tham mưu: Văn phòng UBND xã\n"
        "- Cơ quan, đơn vị phối hợp: Công chức Tư pháp – hộ tịch\n"
        "- Hình thức văn bản: Quyết định\n"
        "- Thời hạn hoàn thành: Quý II/2026\n"
        "- Kinh phí: ngân sách xã\n"
    )
    [item] = plan.tasks[0].children
    assert (item.lead, item.coordinating, item.output, item.timing) == (
        "Văn phòng UBND xã", "Công chức Tư pháp – hộ tịch", "Quyết định", "Quý II/2026"
    )  # fmt: skip
    assert item.details == ["- Kinh phí: ngân sách xã"]


def test_an_appendix_titled_on_its_own_line_and_numbers_before_digits() -> None:
    plan = _read(
        "II. NỘI DUNG\n"
        "1) 100% hồ sơ được giải quyết đúng hạn.\n"
        "2) Kinh phí 2.5 tỷ đồng.\n"
        "PHỤ LỤC I: DANH MỤC THỦ TỤC\n"
        "(Kèm theo Kế hoạch)\n"
        "- Thủ tục đăng ký khai sinh.\n"
    )
    assert _tree(plan.tasks) == [
        ("II", "NỘI DUNG", {"kind": "section"}, [
            ("1", "100% hồ sơ được giải quyết đúng hạn.", {}),
            ("2", "Kinh phí 2.5 tỷ đồng.", {}),
        ]),
        ("PL", "DANH MỤC THỦ TỤC", {"details": ["(Kèm theo Kế hoạch)"], "kind": "section"}, [
            ("-", "Thủ tục đăng ký khai sinh.", {}),
        ]),
    ]  # fmt: skip


PARTS = """\
UBND XÃ AN THỊNH
Số: 16/KH-UBND
KẾ HOẠCH
Phổ biến, giáo dục pháp luật năm 2025
A. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức pháp luật của nhân dân.
B. NỘI DUNG
I. Tuyên truyền
1. Tổ chức hội nghị phổ biến pháp luật.
- Thời gian thực hiện: Quý II/2025.
II. Kiểm tra
1. Kiểm tra việc thực hiện kế hoạch.
- Thời gian thực hiện: Trước ngày 15/11/2025.
"""


def test_lettered_parts_hold_the_roman_sections() -> None:
    # "A. MỤC ĐÍCH", "B. NỘI DUNG": parts above the Roman sections. The title ends before
    # the first part; the purpose part is text; the Roman sections are the tasks part's items.
    plan = _read(PARTS)
    assert plan.header_lines[-1] == "Phổ biến, giáo dục pháp luật năm 2025"
    assert plan.details["purpose"] == "1. Nâng cao nhận thức pháp luật của nhân dân."
    assert _tree(plan.tasks) == [
        ("B", "NỘI DUNG", {"kind": "section"}, [
            ("I", "Tuyên truyền", {}, [
                ("1", "Tổ chức hội nghị phổ biến pháp luật.", {"timing": "Quý II/2025."}),
            ]),
            ("II", "Kiểm tra", {}, [
                ("1", "Kiểm tra việc thực hiện kế hoạch.", {"timing": "Trước ngày 15/11/2025."}),
            ]),
        ]),
    ]  # fmt: skip
    assert plan.review == []
