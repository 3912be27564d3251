"""Items that point to an appendix table hold its rows: by the table's number, by an
appendix that is one table, by a table's title; an "other contents" item takes the tables
left and an item with no table its own row. The Kiến An seed's section II holds its
tables, and every leaf of it has a lead."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED_SEEDS
from tests.org.test_directory import DIRECTORY_UNITS, KA
from tracker.org.directory import UnitDirectory
from tracker.plans.importers.appendix import attach_appendix_tables
from tracker.plans.importers.base import RawPlan, RawTask
from tracker.plans.importers.build import build_plan
from tracker.plans.importers.text import read_text

HEAD = ["Số: 7/KH-UBND", "Kiến An, ngày 10 tháng 01 năm 2024", "KẾ HOẠCH", "Thử năm 2024"]


def row(label: str, content: str, lead: str = "Văn phòng UBND xã") -> RawTask:
    return RawTask(label=label, content=content, lead=lead, timing="Trước ngày 30/6/2024")


def table(label: str, title: str, *rows: RawTask) -> RawTask:
    return RawTask(label=label, content=title, kind="section", children=list(rows))


def appendix(*children: RawTask, title: str = "Danh mục nhiệm vụ") -> RawTask:
    return RawTask(label="PL", content=title, kind="section", details=["(Kèm theo Kế hoạch)"],
                   children=list(children))  # fmt: skip


def test_an_item_naming_its_table_holds_the_tables_rows() -> None:
    item = RawTask(label="2", content="Cải cách thủ tục hành chính. Chi tiết tại Phụ lục, bảng 2.")
    raw = RawPlan("thu.txt", tasks=[
        RawTask(label="II", content="NỘI DUNG", children=[RawTask(label="1", content="Việc một", timing="Hàng quý"), item]),
        appendix(table("1", "Bảng một", row("1", "Hàng một")), table("2", "Bảng hai", row("1", "Rà soát"), row("2", "Công bố"))),
    ])  # fmt: skip
    review = attach_appendix_tables(raw)
    assert review == []  # a table's number is certain
    assert (item.kind, [c.content for c in item.children]) == ("section", ["Rà soát", "Công bố"])
    assert item.remark == "Các nhiệm vụ con là Phụ lục, bảng 2 (Bảng hai)."
    # Table 1 nobody named stays in the appendix.
    assert [t.label for t in raw.tasks[1].children] == ["1"]


def test_an_appendix_that_is_one_table_goes_to_the_item_pointing_to_it() -> None:
    item = RawTask(
        label="+", content="Tổ chức rà soát thủ tục hành chính (chi tiết tại Phụ lục I kèm theo)."
    )
    raw = RawPlan("thu.txt", tasks=[
        RawTask(label="II", content="NỘI DUNG", children=[item]),
        appendix(row("1", "Lĩnh vực đất đai"), row("2", "Lĩnh vực hộ tịch"), title="Rà soát năm 2024"),
    ])  # fmt: skip
    [note] = attach_appendix_tables(raw)
    assert [c.content for c in item.children] == ["Lĩnh vực đất đai", "Lĩnh vực hộ tịch"]
    assert [t.label for t in raw.tasks] == ["II"]  # the emptied appendix goes
    assert raw.details["appendix_title"] == "Rà soát năm 2024\n(Kèm theo Kế hoạch)"
    assert (note.field, note.reason) == (
        "phụ lục",
        "Các nhiệm vụ con lấy từ bảng của phụ lục mà mục này trỏ tới; hãy kiểm tra.",
    )


def test_items_under_a_reference_take_their_tables_by_title_then_the_rest() -> None:
    items = [
        RawTask(label="1", content="Thực hiện các nhiệm vụ kiểm soát thủ tục hành chính."),
        RawTask(label="2", content="Công tác truyền thông về cải cách thủ tục hành chính."),
        RawTask(label="3", content="Tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, cá nhân."),
        RawTask(label="4", content="Các nội dung khác về cải cách thủ tục hành chính."),
    ]
    raw = RawPlan("thu.txt", tasks=[
        RawTask(label="II", content="NỘI DUNG", note="(Chi tiết phụ lục kèm theo)", children=items),
        appendix(
            # The appendix numbers its tables in its own order.
            table("1", "Công tác truyền thông về cải cách thủ tục hành chính", row("1", "Tuyên truyền")),
            table("2", "Thực hiện các nhiệm vụ kiểm soát thủ tục hành chính",
                  row("1", "Ban hành kế hoạch"), row("2", "Tiếp nhận và xử lý phản ánh, kiến nghị của cá nhân, tổ chức.")),
            table("3", "Báo cáo, kiểm tra", row("1", "Báo cáo quý")),
        ),
    ])  # fmt: skip
    review = attach_appendix_tables(raw)
    assert [[c.content for c in i.children] for i in items] == [
        ["Ban hành kế hoạch"],
        ["Tuyên truyền"],
        ["Tiếp nhận và xử lý phản ánh, kiến nghị của cá nhân, tổ chức."],
        ["Báo cáo quý"],
    ]
    assert all(i.kind == "section" for i in items)
    assert [t.label for t in raw.tasks] == ["II"]
    # Every match by words is for the officer to check.
    assert len(review) == 4
    assert all(r.reason.endswith("hãy kiểm tra.") for r in review)


def test_a_reference_to_a_table_that_is_not_there_moves_nothing() -> None:
    item = RawTask(label="1", content="Rà soát (Chi tiết tại Phụ lục, bảng 9).")
    raw = RawPlan("thu.txt", tasks=[item, appendix(table("1", "Bảng một", row("1", "Hàng")))])
    [note] = attach_appendix_tables(raw)
    assert item.children == []
    assert note.reason == (
        "Mục này trỏ tới Phụ lục, bảng 9, nhưng phụ lục không có bảng số đó; chưa gắn bảng nào."
    )
    assert [t.label for t in raw.tasks] == ["1", "PL"]


def test_without_an_appendix_a_reference_changes_nothing() -> None:
    raw = RawPlan(
        "thu.txt", tasks=[RawTask(label="1", content="Rà soát (Chi tiết tại Phụ lục, bảng 2).")]
    )
    assert attach_appendix_tables(raw) == []
    assert raw.tasks[0].children == []


def test_the_built_item_is_a_section_whose_tasks_have_their_leads() -> None:
    item = RawTask(label="1", content="Rà soát thủ tục hành chính. Chi tiết tại Phụ lục, bảng 1.")
    raw = RawPlan("thu.txt", header_lines=HEAD, tasks=[
        RawTask(label="II", content="NỘI DUNG", children=[item]),
        appendix(table("1", "Rà soát", row("1", "Rà soát lĩnh vực hộ tịch", "CC Tư pháp – hộ tịch"))),
    ])  # fmt: skip
    result = build_plan(raw, UnitDirectory(DIRECTORY_UNITS))
    assert result.plan is not None
    [section] = result.plan.tasks
    [held] = section.children
    assert (held.key, held.kind) == ("II/1", "section")
    # The row keeps its appendix key: a plan imported before the move finds it again.
    assert [(t.key, t.lead) for t in held.children] == [("PL/1/1", (f"{KA}.tp-ht",))]
    # The raw document given is left as it was.
    assert item.children == []


@pytest.mark.needs_shared_seeds
def test_kien_an_section_ii_holds_its_tables_and_every_leaf_has_a_lead() -> None:
    raw = read_text(SHARED_SEEDS / "003_06d5744d0e34bb3c.txt")
    result = build_plan(raw, UnitDirectory(DIRECTORY_UNITS))
    assert result.plan is not None
    [section] = [t for t in result.plan.tasks if t.label == "II"]
    assert [(c.label, c.kind, len(c.children)) for c in section.children] == [
        ("1", "section", 3), ("2", "section", 3), ("3", "section", 1), ("4", "section", 3),
        ("5", "section", 2), ("6", "section", 1), ("7", "section", 2),
    ]  # fmt: skip
    assert [t.label for t in result.plan.tasks] == ["II", "IV"]
    leaves = [t for t, _ in result.plan.walk() if not t.children]
    assert [t.key for t in leaves if not t.lead] == []
    assert len(leaves) == 49
