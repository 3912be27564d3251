"""From a raw document tree to a plan: header, issuing unit, units, timings, review items."""

from __future__ import annotations

from datetime import date

from tests.org.test_directory import DIRECTORY_UNITS, KA
from tracker.org.directory import UnitDirectory, UnitEntry
from tracker.plans.documents import KnownPlan, StoredPlan
from tracker.plans.importers.base import RawPlan, RawTask
from tracker.plans.importers.build import ImportOptions, build_plan, default_key, slug

HEAD = [
    "Số: 7/KH-UBND",
    "Kiến An, ngày 10 tháng 01 năm 2024",
    "KẾ HOẠCH",
    "Thử nhập kế hoạch năm 2024",
]


def plan(*tasks: RawTask, head: list[str] | None = None, default_lead: str = "") -> RawPlan:
    return RawPlan(
        source="thu.txt",
        header_lines=HEAD if head is None else head,
        tasks=list(tasks),
        default_lead=default_lead,
    )


def directory() -> UnitDirectory:
    return UnitDirectory(DIRECTORY_UNITS)


def test_a_plan_is_built_with_units_and_timings_read() -> None:
    raw = plan(
        RawTask(label="I", content="Phần một", children=[
            RawTask(label="1", content="Ban hành kế hoạch", lead="Văn phòng UBND xã", coordinating="Các đơn vị có liên quan", timing="Trong tháng 01/2024"),
            RawTask(label="2", content="Báo cáo quý", lead="UBND xã", timing="Hàng quý"),
        ]),
    )  # fmt: skip
    result = build_plan(raw, directory())
    assert result.errors == []
    doc = result.plan
    assert doc is not None
    assert (doc.key, doc.unit, doc.year, doc.number) == ("kien-an-2024", KA, 2024, "7/KH-UBND")
    assert (doc.period_start, doc.period_end) == (date(2024, 1, 10), date(2024, 12, 31))
    first, second = doc.tasks[0].children
    assert (first.key, first.lead, first.coordinating) == (
        "I/1",
        (f"{KA}.vp-ubnd",),
        (f"{KA}.lien-quan",),
    )
    assert [r.to_dict() for r in first.rules] == [
        {"kind": "deadline", "key": "r1", "due": "2024-01-31", "start": "2024-01-01"}
    ]
    assert second.rules[0].rrule == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1"
    assert result.review == []
    assert result.summary()["tasks"] == 2


def test_a_year_alone_in_the_timing_cell_is_that_year() -> None:
    # "2024" as a "Năm hoàn thành" column or a spreadsheet's number holds it.
    raw = plan(RawTask(label="1", content="Số hóa hồ sơ", lead="Văn phòng UBND xã", timing="2024"))
    result = build_plan(raw, directory())
    assert result.plan is not None
    assert [r.to_dict() for r in result.plan.tasks[0].rules] == [
        {"kind": "deadline", "key": "r1", "due": "2024-12-31", "start": "2024-01-01"}
    ]
    assert result.review == []


def test_an_unknown_unit_is_a_review_item_with_suggestions() -> None:
    result = build_plan(
        plan(RawTask(label="1", content="Việc", lead="Văn phòng UBND xa", timing="Thường xuyên")),
        directory(),
    )
    assert result.plan is not None
    assert result.plan.tasks[0].lead == ()
    [item] = result.review
    assert (item.where, item.field, item.text) == ("nhiệm vụ 1", "chủ trì", "Văn phòng UBND xa")
    assert item.reason == (
        "Đơn vị 'Văn phòng UBND xa' không có trong danh sách đơn vị; gần giống: Văn phòng UBND xã Kiến An, "
        "Văn phòng HĐND và UBND tỉnh An Giang, Văn phòng HĐND và UBND huyện Chợ Mới."
    )
    assert item.suggestions[0] == "Văn phòng UBND xã Kiến An"


def test_with_create_units_an_unknown_unit_is_made_under_the_commune() -> None:
    raw = plan(
        RawTask(label="1", content="Việc", lead="Tổ công nghệ số cộng đồng", timing="Thường xuyên"),
        RawTask(
            label="2",
            content="Việc khác",
            coordinating="Tổ công nghệ số cộng đồng",
            timing="Thường xuyên",
        ),
    )
    result = build_plan(raw, directory(), ImportOptions(create_units=True))
    assert [(u.code, u.kind, u.parent) for u in result.new_units] == [
        (f"{KA}.to-cong-nghe-so-cong-dong", "office", KA)
    ]
    assert result.plan is not None
    assert (
        result.plan.tasks[0].lead
        == result.plan.tasks[1].coordinating
        == (f"{KA}.to-cong-nghe-so-cong-dong",)
    )


def test_a_task_without_a_lead_takes_the_plans_executor_for_review() -> None:
    result = build_plan(
        plan(
            RawTask(label="1", content="Việc", timing="Thường xuyên"),
            default_lead="Văn phòng UBND xã",
        ),
        directory(),
    )
    assert result.plan is not None
    assert result.plan.tasks[0].lead == (f"{KA}.vp-ubnd",)
    assert [i.reason for i in result.review] == [
        "Văn bản không nêu chủ trì cho nhiệm vụ này; tạm lấy đơn vị được giao tổ chức thực hiện kế hoạch."
    ]


def test_timing_is_read_from_the_sentence_when_there_is_no_timing_cell() -> None:
    raw = plan(
        RawTask(label="-", content="Báo cáo định kỳ hằng quý về UBND huyện theo quy định", lead="UBND xã"),
        RawTask(label="-", content="Tuyên truyền về cải cách thủ tục hành chính", lead="UBND xã"),
    )  # fmt: skip
    result = build_plan(raw, directory())
    assert result.plan is not None
    quarterly, continuous = result.plan.tasks
    assert quarterly.rules[0].rrule == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=14"
    assert [r.kind for r in continuous.rules] == ["continuous"]
    assert [(i.where, i.reason) for i in result.review] == [
        ("nhiệm vụ -2", "Văn bản không ghi thời gian; tạm coi là việc thường xuyên.")
    ]


def test_a_sentence_whose_dates_are_no_deadline_says_why_it_has_none() -> None:
    # A data period, a day told as done: no deadline read (hprobe6), and the note says what
    # the sentence held, so the officer sees why.
    raw = plan(
        RawTask(label="-", lead="UBND xã",
                content="Báo cáo kết quả, số liệu tính từ ngày 15/12/2023 đến ngày 14/6/2024"),
        RawTask(label="-", lead="UBND xã",
                content="Ngày 10/3/2024, UBND xã đã ban hành Quy chế; các thôn triển khai."),
    )  # fmt: skip
    result = build_plan(raw, directory())
    assert result.plan is not None
    assert [[r.kind for r in t.rules] for t in result.plan.tasks] == [["continuous"]] * 2
    reasons = [i.reason for i in result.review]
    assert reasons[0].startswith("Văn bản không ghi thời gian; tạm coi là việc thường xuyên. ")
    assert "kỳ số liệu" in reasons[0]
    assert reasons[1] == "Văn bản không ghi thời gian; tạm coi là việc thường xuyên."


def test_a_task_no_unit_leads_is_a_review_item() -> None:
    # Nobody would be reminded of it: the officer chooses its lead.
    result = build_plan(
        plan(RawTask(label="1", content="Tổng kết", timing="Tháng 12/2024")), directory()
    )
    assert result.plan is not None
    assert result.plan.tasks[0].lead == ()
    assert [(i.where, i.field, i.reason) for i in result.review] == [
        ("nhiệm vụ 1", "chủ trì", "Văn bản không nêu đơn vị chủ trì nhiệm vụ này; hãy chọn đơn vị chủ trì.")
    ]  # fmt: skip
    assert result.plan.tasks[0].review


def test_an_unreadable_timing_is_kept_for_review() -> None:
    result = build_plan(
        plan(
            RawTask(label="1", content="Việc", lead="UBND xã", timing="Tham dự Hội nghị, Hội thảo")
        ),
        directory(),
    )
    assert result.plan is not None
    assert result.plan.tasks[0].rules == ()
    assert [(i.field, i.text, i.reason) for i in result.review] == [
        ("thời gian", "Tham dự Hội nghị, Hội thảo", "Không nhận ra thời hạn nào.")
    ]
    # Listed apart, for a real import to refuse, and carried on the task as its flag.
    assert result.unreadable == result.review
    assert result.summary()["unreadable"][0]["text"] == "Tham dự Hội nghị, Hội thảo"
    assert result.plan.tasks[0].review == "Không nhận ra thời hạn nào."


def test_a_timing_read_with_a_doubt_flags_its_task_but_is_not_unreadable() -> None:
    result = build_plan(
        plan(
            RawTask(label="1", content="Việc đầu năm", lead="UBND xã", timing="Đầu năm"),
            RawTask(label="2", content="Việc rõ", lead="UBND xã", timing="Trước ngày 31/8/2024"),
        ),
        directory(),
    )
    assert result.plan is not None
    doubtful, clear = result.plan.tasks
    assert doubtful.rules != ()
    assert doubtful.review != ""
    assert [i.reason for i in result.review] == [doubtful.review]
    assert (clear.review, result.unreadable) == ("", [])


def test_a_day_before_the_plans_year_is_read_as_written_and_put_to_the_officer() -> None:
    # The reader reads "Trước ngày 31/8/2023" right (a caution, not a doubt); in a plan of
    # 2024 it is most often last year's plan copied with its dates: a review item says so.
    result = build_plan(
        plan(RawTask(label="1", content="Việc cũ", lead="UBND xã", timing="Trước ngày 31/8/2023")),
        directory(),
    )
    assert result.plan is not None
    [task] = result.plan.tasks
    assert [r.due for r in task.rules] == [date(2023, 8, 31)]
    assert task.review == "Hạn thuộc năm 2023, trước năm của kế hoạch (2024)."
    assert [(i.field, i.text, i.reason) for i in result.review] == [
        ("thời gian", "Trước ngày 31/8/2023", task.review)
    ]
    assert result.unreadable == []


def test_per_assignee_deadlines_are_given_to_unit_codes() -> None:
    cell = "- Trước ngày 10/3/2024 (UBND xã,) - Trước ngày 15/3/2024 (Công chức phụ trách)."
    result = build_plan(
        plan(RawTask(label="1", content="Rà soát", lead="UBND xã", timing=cell)), directory()
    )
    assert result.plan is not None
    assert [r.assignee for r in result.plan.tasks[0].rules] == [KA, f"{KA}.cong-chuc"]


def test_an_unknown_commune_still_reads_the_whole_tree_with_the_commune_to_choose_first() -> None:
    raw = plan(
        RawTask(label="I", content="Phần một", children=[
            RawTask(label="1", content="Ban hành kế hoạch", lead="Văn phòng UBND xã", timing="Trong tháng 01/2024"),
            RawTask(label="2", content="Báo cáo quý", lead="UBND xã", timing="Theo kế hoạch của tỉnh"),
        ]),
        head=["Bình Yên, ngày 10 tháng 01 năm 2024"],
    )  # fmt: skip
    result = build_plan(raw, directory())
    assert result.errors == []
    assert result.plan is not None
    assert (result.plan.unit, result.plan.key, result.plan.task_count) == ("", "binh-yen-2024", 2)
    first, _ = result.plan.tasks[0].children
    # Units stay as the document's names; timings are read as for any plan.
    assert (first.lead, first.lead_text) == ((), "Văn phòng UBND xã")
    assert [r.to_dict() for r in first.rules] == [
        {"kind": "deadline", "key": "r1", "due": "2024-01-31", "start": "2024-01-01"}
    ]
    choose, *rest = result.review
    assert (choose.where, choose.field, choose.text) == ("kế hoạch", "đơn vị ban hành", "Bình Yên")
    assert (
        choose.reason
        == result.unit_problem
        == (
            "Không xác định được đơn vị ban hành (Bình Yên); hãy chọn đơn vị ban hành (tùy chọn --unit)."
        )
    )
    assert choose.suggestions == ()
    # No unit is reported unknown: there is no commune yet to look them up in.
    assert [r.field for r in rest] == ["thời gian"]
    assert result.summary()["unit"] is None
    chosen = build_plan(raw, directory(), ImportOptions(unit=KA))
    assert chosen.plan is not None
    assert chosen.plan.unit == KA
    assert chosen.plan.tasks[0].children[0].lead == (f"{KA}.vp-ubnd",)
    assert chosen.unit_problem == ""
    assert chosen.summary()["unit"] == KA


def test_a_year_or_tasks_missing_stay_errors_naming_the_commune_too() -> None:
    result = build_plan(plan(head=["Bình Yên, ngày 10 tháng 01 năm 2024"]), directory())
    assert result.plan is None
    assert result.errors == [
        "thu.txt: Không xác định được đơn vị ban hành (Bình Yên); hãy chọn đơn vị ban hành (tùy chọn --unit).",
        "thu.txt: không tìm thấy nhiệm vụ nào trong văn bản.",
    ]


def _national() -> UnitDirectory:
    """The seed units and the national list's communes of one name in two provinces."""
    return UnitDirectory([
        *DIRECTORY_UNITS,
        UnitEntry("thai-binh", "Tỉnh Thái Bình", "province", None),
        UnitEntry("thai-binh.binh-yen", "Xã Bình Yên", "commune", "thai-binh"),
        UnitEntry("ha-noi", "Thành phố Hà Nội", "city", None),
        UnitEntry("ha-noi.binh-yen", "Xã Bình Yên", "commune", "ha-noi"),
        UnitEntry("ha-noi.binh-yen-2", "Xã Bình Yến", "commune", "ha-noi"),
    ])  # fmt: skip


def test_with_the_national_list_the_heads_name_finds_its_candidates() -> None:
    task = RawTask(label="1", content="Việc", lead="Văn phòng UBND xã", timing="Hàng quý")
    head = ["UBND XÃ BÌNH YÊN", "Bình Yên, ngày 10 tháng 01 năm 2024"]
    result = build_plan(plan(task, head=head), _national())
    assert result.plan is not None
    assert result.plan.unit == ""
    choose = result.review[0]
    assert choose.suggestions == ("thai-binh.binh-yen", "ha-noi.binh-yen")
    assert choose.reason == (
        "Có 2 xã tên 'Bình Yên'; hãy chọn đơn vị ban hành (tùy chọn --unit). Các xã có thể "
        "là: Xã Bình Yên, Tỉnh Thái Bình (thai-binh.binh-yen); Xã Bình Yên, Thành phố Hà Nội "
        "(ha-noi.binh-yen)."
    )


def test_the_province_named_in_the_head_tells_communes_of_one_name_apart() -> None:
    task = RawTask(label="1", content="Việc", timing="Hàng quý")
    head = ["UBND THÀNH PHỐ HÀ NỘI", "UBND XÃ BÌNH YÊN", "Bình Yên, ngày 10 tháng 01 năm 2024"]
    result = build_plan(plan(task, head=head), _national())
    assert result.plan is not None
    assert result.plan.unit == "ha-noi.binh-yen"


def test_a_name_close_to_known_communes_lists_them() -> None:
    task = RawTask(label="1", content="Việc", timing="Hàng quý")
    result = build_plan(plan(task, head=["Bình Yen, ngày 10 tháng 01 năm 2024"]), _national())
    assert result.plan is not None
    assert set(result.review[0].suggestions) == {
        "thai-binh.binh-yen", "ha-noi.binh-yen", "ha-noi.binh-yen-2",
    }  # fmt: skip


def test_a_chosen_code_that_does_not_exist_is_the_problem_named() -> None:
    task = RawTask(label="1", content="Việc", timing="Hàng quý")
    result = build_plan(plan(task), directory(), ImportOptions(unit="khong-co"))
    assert result.plan is not None
    assert result.unit_problem == "Không có đơn vị mã 'khong-co'."


def test_a_document_without_tasks_is_an_error() -> None:
    result = build_plan(plan(), directory())
    assert result.errors == ["thu.txt: không tìm thấy nhiệm vụ nào trong văn bản."]


def test_slugs_are_ascii() -> None:
    assert slug("Lê Lợi") == "le-loi"
    assert slug("Đoàn Kết") == "doan-ket"
    assert slug("  Bộ phận Một cửa (xã) ") == "bo-phan-mot-cua-xa"


def test_the_parent_plan_is_linked_by_number_and_issuer_never_by_number_alone() -> None:
    district = KA.rsplit(".", 1)[0]
    ref = "Thực hiện Kế hoạch số 182/KH-UBND ngày 06 tháng 02 năm 2024 của Ủy ban nhân dân huyện Chợ Mới tổ chức hoạt động kiểm soát thủ tục hành chính"
    raw = plan(
        RawTask(label="1", content="Việc", lead="UBND xã", timing="Năm 2024"), head=[*HEAD, ref]
    )
    issued = date(2024, 2, 6)
    # Every commune numbers its plans from 1: the same number of another unit is no parent.
    other_commune = KnownPlan("182/KH-UBND", "xa-khac-2024", f"{district}.xa-khac", issued)
    the_district = KnownPlan("182/KH-UBND", "cho-moi-2024", district, issued)
    older = KnownPlan("182/KH-UBND", "cho-moi-2023", district, date(2023, 2, 6))

    def parent(*known: KnownPlan) -> str:
        result = build_plan(raw, directory(), known_plans=known)
        assert result.plan is not None
        assert "182/KH-UBND" in result.plan.parent_ref
        return result.plan.parent_plan

    assert parent(other_commune, the_district, older) == "cho-moi-2024"
    assert parent(other_commune) == ""
    assert parent(older) == ""
    assert parent() == ""


def test_a_reference_without_issuer_links_only_on_the_same_day_of_issue() -> None:
    ref = "Thực hiện Kế hoạch số 15/KH-UBND ngày 02/01/2024 về cải cách hành chính"
    raw = plan(
        RawTask(label="1", content="Việc", lead="UBND xã", timing="Năm 2024"), head=[*HEAD, ref]
    )
    same_day = KnownPlan("15/KH-UBND", "ka-cchc-2024", KA, date(2024, 1, 2))
    other_day = KnownPlan("15/KH-UBND", "ka-cchc-2023", KA, date(2023, 1, 2))
    linked = build_plan(raw, directory(), known_plans=[same_day, other_day])
    assert linked.plan is not None
    assert linked.plan.parent_plan == "ka-cchc-2024"
    alone = build_plan(raw, directory(), known_plans=[other_day])
    assert alone.plan is not None
    assert alone.plan.parent_plan == ""


def test_a_default_key_never_names_another_units_plan() -> None:
    assert default_key("hai-phong.dai-son", 2026, {}) == "dai-son-2026"
    own = {"dai-son-2026": StoredPlan("hai-phong.dai-son", "21/KH-UBND", "Chuyển đổi số")}
    assert default_key("hai-phong.dai-son", 2026, own, "21/KH-UBND", "Chuyển đổi số") == (
        "dai-son-2026"
    )
    # A commune of the same name in another province already holds the short key.
    taken = {"dai-son-2026": StoredPlan("nghe-an.do-luong.dai-son", "21/KH-UBND")}
    assert default_key("hai-phong.dai-son", 2026, taken, "21/KH-UBND") == ("hai-phong-dai-son-2026")


def test_a_second_plan_of_the_commune_and_year_gets_its_own_key() -> None:
    """A commune issues many plans a year: the second one imported without a key must not
    take the first one's key (saving would replace it), and each document imported again
    finds the key it got the first time."""
    commune = "hai-phong.dai-son"
    stored = {"dai-son-2026": StoredPlan(commune, "/KH-UBND", "Kiểm soát thủ tục hành chính")}
    second = default_key(commune, 2026, stored, "21/KH-UBND", "Chuyển đổi số")
    assert second == "dai-son-2026-21-kh-ubnd"
    stored[second] = StoredPlan(commune, "21/KH-UBND", "Chuyển đổi số")
    # Again, with its title corrected: the number tells it is the same document.
    assert default_key(commune, 2026, stored, "21/KH-UBND", "Chuyển đổi số năm 2026") == second
    # The first one again (no number with digits): its title tells it.
    assert default_key(commune, 2026, stored, "/KH-UBND", "Kiểm soát thủ tục hành chính") == (
        "dai-son-2026"
    )
    # A document without a number is told by its title's first words.
    third = default_key(commune, 2026, stored, "", "Phòng, chống thiên tai năm 2026")
    assert third == "dai-son-2026-phong-chong-thien-tai-nam-2026"
    # A key the document's own part would give, held by another of the commune's
    # documents, is never taken: a counter follows.
    stored[third] = StoredPlan(commune, "30/KH-UBND", "Khác")
    assert default_key(commune, 2026, stored, "", "Phòng, chống thiên tai năm 2026") == (
        f"{third}-2"
    )
    # In the province where the short key is another commune's, the whole code leads.
    other = {"dai-son-2026": StoredPlan("nghe-an.do-luong.dai-son", "1/KH-UBND", "A")}
    other["hai-phong-dai-son-2026"] = StoredPlan(commune, "2/KH-UBND", "B")
    assert default_key(commune, 2026, other, "3/KH-UBND", "C") == (
        "hai-phong-dai-son-2026-3-kh-ubnd"
    )
