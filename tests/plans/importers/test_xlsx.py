"""Excel plans, written here with openpyxl: a header below title rows, merged section rows,
two sheets, empty and header-less workbooks; and our own template, exported from every seed
plan and read back into the same tree."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import Font

from tracker.config import PROJECT_DIR
from tracker.org.directory import UnitDirectory, UnitEntry
from tracker.plans.documents import PlanDoc, TaskDoc
from tracker.plans.exports import plan_to_xlsx
from tracker.plans.importers.base import DocumentError, RawTask
from tracker.plans.importers.build import build_plan
from tracker.plans.importers.header import read_header
from tracker.plans.importers.xlsx import read_xlsx
from tracker.schedule.rules import rules_to_dicts
from tracker.seeds import read_seed_set

SEEDS = read_seed_set(PROJECT_DIR / "seeds")
UNIT_NAMES = {unit.code: unit.name for unit in SEEDS.units}
HEADER = ["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì",
          "Đơn vị phối hợp", "Dự kiến kết quả", "Ghi chú"]  # fmt: skip


def _outline(tasks: list[RawTask], depth: int = 0) -> list[tuple[int, str, str | None, str]]:
    out = []
    for task in tasks:
        out.append((depth, task.label, task.kind, task.content))
        out.extend(_outline(task.children, depth + 1))
    return out


def _plan_sheet(sheet: Any) -> None:
    """Title rows, the header on row 4, a merged Roman section row, a merged chủ trì cell."""
    sheet["A1"] = "ỦY BAN NHÂN DÂN XÃ LÊ LỢI"
    sheet["A2"] = "KẾ HOẠCH"
    sheet["A3"] = "Kiểm soát thủ tục hành chính năm 2022"
    sheet.append(HEADER)
    sheet.append(["I. Công tác chỉ đạo"])
    sheet.merge_cells("A5:G5")
    sheet["A5"].font = Font(bold=True)
    sheet.append([1, "Ban hành kế hoạch", "Quý I/2022", "UBND xã", "Văn phòng", "Kế hoạch"])
    sheet.append([2, "Rà soát thủ tục", "Thường xuyên", None, "Công chức", "Báo cáo"])
    sheet.merge_cells("D6:D7")
    sheet.append(["Nhiệm vụ khác"])
    sheet.merge_cells("A8:G8")
    sheet["A8"].font = Font(bold=True)
    sheet.append([1, "Tổng kết năm", "Trước 15/12/2022", "Văn phòng", None, "Báo cáo", "Gửi huyện"])


def test_a_sheet_with_its_header_below_title_rows_and_merged_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "KH"
    _plan_sheet(sheet)
    path = tmp_path / "ke-hoach.xlsx"
    book.save(path)

    plan = read_xlsx(path)

    assert plan.source == "ke-hoach.xlsx"
    assert plan.header_lines == [
        "ỦY BAN NHÂN DÂN XÃ LÊ LỢI",
        "KẾ HOẠCH",
        "Kiểm soát thủ tục hành chính năm 2022",
    ]
    # A bold heading with no number inside a Roman section groups the rows after it.
    assert _outline(plan.tasks) == [
        (0, "I", "section", "Công tác chỉ đạo"),
        (1, "1", None, "Ban hành kế hoạch"),
        (1, "2", None, "Rà soát thủ tục"),
        (1, "", "section", "Nhiệm vụ khác"),
        (2, "1", None, "Tổng kết năm"),
    ]
    one, two, group = plan.tasks[0].children
    assert (one.lead, one.coordinating, one.where) == (
        "UBND xã",
        "Văn phòng",
        "ke-hoach.xlsx, trang tính 'KH', hàng 6",
    )
    assert two.lead == "UBND xã"
    assert two.remark == 'Ô chủ trì gộp chung với hàng trên: dùng chung "UBND xã".'
    last = group.children[0]
    assert (last.timing, last.note) == ("Trước 15/12/2022", "Gửi huyện")


def test_a_plan_over_two_sheets_gives_one_node_a_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Phụ lục 1"
    _plan_sheet(first)
    second = book.create_sheet("Phụ lục 2")
    second.append(["Danh mục nhiệm vụ bổ sung"])
    second.append(HEADER)
    second.append([1, "Đối thoại với người dân", "Định kỳ 06 tháng/01 lần", "Chủ tịch UBND xã"])
    book.create_sheet("Trống")
    path = tmp_path / "hai-trang.xlsx"
    book.save(path)

    plan = read_xlsx(path)

    assert [(t.label, t.kind, t.content) for t in plan.tasks] == [
        ("", "section", "Phụ lục 1"),
        ("", "section", "Phụ lục 2"),
    ]
    assert [t.label for t in plan.tasks[0].children] == ["I"]
    assert plan.tasks[1].details == ["Danh mục nhiệm vụ bổ sung"]
    (task,) = plan.tasks[1].children
    assert (task.content, task.timing, task.lead, task.where) == (
        "Đối thoại với người dân",
        "Định kỳ 06 tháng/01 lần",
        "Chủ tịch UBND xã",
        "hai-trang.xlsx, trang tính 'Phụ lục 2', hàng 3",
    )


def test_an_empty_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "trong.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(DocumentError) as caught:
        read_xlsx(path)
    assert caught.value.message == (
        "trong.xlsx: tệp Excel không có dữ liệu (trang tính 'Sheet' để trống)."
    )


def test_a_sheet_without_a_header_row_is_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "KH"
    sheet.append(["Danh sách cán bộ đầu mối"])
    sheet.append(["Nguyễn Văn A", "Văn phòng"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    with pytest.raises(DocumentError) as caught:
        read_xlsx(path)
    assert caught.value.message == (
        "plan.xlsx, trang tính 'KH': không tìm thấy hàng tiêu đề (STT, Nội dung, Thời gian …) "
        "trong 30 hàng đầu."
    )


def test_a_file_that_is_no_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(DocumentError) as caught:
        read_xlsx(path)
    assert caught.value.message == "hong.xlsx: không phải tệp Excel (.xlsx) hợp lệ."


# --------------------------------------------------------------------------- our template


def _as_read(task: TaskDoc) -> dict[str, Any]:
    return {
        "key": task.key,
        "label": task.label,
        "alt_label": task.alt_label,
        "kind": task.kind,
        "content": task.content,
        "details": task.details,
        "lead": list(task.lead),
        "coordinating": list(task.coordinating),
        "output": task.output,
        "note": task.note,
        "remark": task.remark,
        "timing": task.timing,
        "rules": rules_to_dicts(task.rules),
        "schedule_note": task.schedule_note,
        "review": task.review,
        "children": [_as_read(child) for child in task.children],
    }


def _read(task: RawTask) -> dict[str, Any]:
    return {
        "key": task.key,
        "label": task.label,
        "alt_label": task.alt_label,
        "kind": task.kind,
        "content": task.content,
        "details": "\n".join(task.details),
        "lead": task.lead_codes,
        "coordinating": task.coordinating_codes,
        "output": task.output,
        "note": task.note,
        "remark": task.remark,
        "timing": task.timing,
        "rules": task.schedule,
        "schedule_note": task.schedule_note,
        "review": task.review,
        "children": [_read(child) for child in task.children],
    }


def _export(plan: PlanDoc, folder: Path) -> Path:
    path = folder / f"{plan.key}.xlsx"
    path.write_bytes(plan_to_xlsx(plan, UNIT_NAMES))
    return path


@pytest.mark.parametrize("plan", SEEDS.plans, ids=lambda plan: plan.key)
def test_an_exported_plan_reads_back_into_the_same_tree(plan: PlanDoc, tmp_path: Path) -> None:
    raw = read_xlsx(_export(plan, tmp_path))
    assert [_read(task) for task in raw.tasks] == [_as_read(task) for task in plan.tasks]
    fields = raw.details["fields"]
    assert (fields["Số"], fields["Tên kế hoạch"], fields["Mã đơn vị ban hành"]) == (
        plan.number,
        plan.title,
        plan.unit,
    )


@pytest.mark.parametrize("plan", SEEDS.plans, ids=lambda plan: plan.key)
def test_an_exported_plan_builds_the_same_plan_again(plan: PlanDoc, tmp_path: Path) -> None:
    directory = UnitDirectory(
        UnitEntry(u.code, u.name, u.kind, u.parent, u.aliases) for u in SEEDS.units
    )
    result = build_plan(read_xlsx(_export(plan, tmp_path)), directory)
    assert result.errors == []
    assert result.plan is not None
    assert (result.plan.unit, result.plan.number, result.plan.title) == (
        plan.unit,
        plan.number,
        plan.title,
    )

    # lead_text and coordinating_text come back as the unit names the template shows.
    def bare(task: TaskDoc) -> TaskDoc:
        return replace(task, lead_text="", coordinating_text="", children=())

    assert [(bare(t), d) for t, d in result.plan.walk()] == [(bare(t), d) for t, d in plan.walk()]


def test_a_task_flagged_for_review_keeps_its_flag_through_the_template(tmp_path: Path) -> None:
    plan = next(p for p in SEEDS.plans if p.key == "nhat-tan-2024")
    first = plan.tasks[0]
    reason = "Không đọc được thời gian của nhiệm vụ; chưa có hạn."
    flagged = replace(plan, tasks=(replace(first, children=(replace(first.children[0], review=reason), *first.children[1:])), *plan.tasks[1:]))  # fmt: skip
    directory = UnitDirectory(
        UnitEntry(u.code, u.name, u.kind, u.parent, u.aliases) for u in SEEDS.units
    )
    result = build_plan(read_xlsx(_export(flagged, tmp_path)), directory)
    assert result.plan is not None
    reviews = [(task.key, task.review) for task, _ in result.plan.walk() if task.review]
    assert reviews == [(first.children[0].key, reason)]


def test_the_template_shows_names_hides_its_technical_columns_and_freezes_the_header(
    tmp_path: Path,
) -> None:
    plan = next(p for p in SEEDS.plans if p.key == "nhat-tan-2024")
    book = openpyxl.load_workbook(_export(plan, tmp_path))
    sheet = book["Kế hoạch"]
    header = [cell.value for cell in sheet[7]]
    assert header[:7] == HEADER
    assert header[7:] == ["Cấp", "Mã nhiệm vụ", "Loại", "Số thứ tự 2", "Chi tiết", "Lịch (JSON)",
                          "Ghi chú lịch", "Mã đơn vị chủ trì", "Mã đơn vị phối hợp",
                          "Ghi chú khi nhập", "Cần xem lại"]  # fmt: skip
    assert sheet.freeze_panes == "A8"
    assert [sheet.column_dimensions[c].hidden for c in "AGHQ"] == [False, False, True, True]
    section, task = sheet[8], sheet[9]
    assert (section[0].value, section[1].value, section[0].font.b) == (
        "I",
        plan.tasks[0].content,
        True,
    )
    assert task[3].value == "; ".join(UNIT_NAMES[c] for c in plan.tasks[0].children[0].lead)
    assert json.loads(task[12].value) == rules_to_dicts(plan.tasks[0].children[0].rules)
    assert task[1].alignment.wrap_text


def test_a_row_an_officer_adds_to_the_template_is_read_from_its_words(tmp_path: Path) -> None:
    plan = next(p for p in SEEDS.plans if p.key == "nhat-tan-2024")
    path = _export(plan, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["Kế hoạch"]
    sheet.append(["3", "Tổ chức đối thoại", "Quý III/2024", "Văn phòng UBND", "", "Biên bản"])
    book.save(path)

    raw = read_xlsx(path)

    added = raw.tasks[-1].children[-1]
    assert (added.label, added.content, added.timing, added.lead) == (
        "3",
        "Tổ chức đối thoại",
        "Quý III/2024",
        "Văn phòng UBND",
    )
    # Nothing structured: the pipeline resolves the names and reads the timing.
    assert (added.key, added.lead_codes, added.coordinating_codes, added.schedule) == (
        "",
        None,
        [],
        None,
    )


def test_a_task_list_titled_danh_muc_with_excel_dates_and_a_total_row(tmp_path: Path) -> None:
    # No "KẾ HOẠCH" line: the capitalised "DANH MỤC …" row is the title and gives the year;
    # a two-row header ("Thời gian thực hiện" over "Bắt đầu", "Hoàn thành"); dates as Excel
    # dates; a budget column and its "Tổng cộng" row, which is no task.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "ỦY BAN NHÂN DÂN XÃ LÊ LỢI"
    sheet["A2"] = "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"
    sheet.append([])
    sheet.append(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện", None, "Kinh phí"])
    sheet.merge_cells("D4:E4")
    sheet.append([None, None, None, "Bắt đầu", "Hoàn thành", None])
    for column in "ABCF":
        sheet.merge_cells(f"{column}4:{column}5")
    sheet.append([1, "Nâng cấp mạng nội bộ", "Văn phòng", date(2026, 3, 1), date(2026, 6, 30), 50])
    sheet.append([2, "Số hóa hồ sơ", "Tư pháp", None, date(2026, 11, 15), 20])
    sheet.append([None, "Tổng cộng", None, None, None, "=SUM(F6:F7)"])
    for cell in ("D6", "E6", "E7"):
        sheet[cell].number_format = "dd/mm/yyyy"
    path = tmp_path / "danh-muc.xlsx"
    book.save(path)

    plan = read_xlsx(path)

    assert [(t.label, t.content, t.lead, t.timing) for t in plan.tasks] == [
        ("1", "Nâng cấp mạng nội bộ", "Văn phòng", "Từ 01/03/2026 đến 30/06/2026"),
        ("2", "Số hóa hồ sơ", "Tư pháp", "15/11/2026"),
    ]
    header = read_header(plan.header_lines)
    assert (header.title, header.year) == ("DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026", 2026)
