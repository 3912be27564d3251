"""A workbook whose sheets are plans of their own ("KẾ HOẠCH …" over each, other numbers):
the plans found are listed (sheet, number, title, tasks), one is read alone when chosen, a
sheet the file has not is refused naming those it has; in .xlsx and .ods alike."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.org.test_directory import DIRECTORY_UNITS
from tests.plans.importers.odfs import cell, row, table, write_odf
from tracker.org.directory import UnitDirectory
from tracker.plans.importers.base import DocumentError, RawPlan
from tracker.plans.importers.build import ImportOptions, build_plan
from tracker.plans.importers.read import read_document

DIRECTORY = UnitDirectory(DIRECTORY_UNITS)
COLUMNS = ["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì"]
# Two plans of Kiến An kept in one workbook, a sheet each, and a sheet of notes.
PLANS = {
    "PCTT": ["Số: 31/KH-UBND", "Kiến An, ngày 10 tháng 02 năm 2026", "KẾ HOẠCH",
             "Phòng, chống thiên tai năm 2026"],
    "ATGT": ["Số: 32/KH-UBND", "Kiến An, ngày 12 tháng 02 năm 2026", "KẾ HOẠCH",
             "Bảo đảm trật tự an toàn giao thông năm 2026"],
}  # fmt: skip
TASKS = {
    "PCTT": [["1", "Kiện toàn ban chỉ huy", "Trong tháng 3/2026", "Văn phòng UBND xã"],
             ["2", "Diễn tập sơ tán dân", "Quý II/2026", "Văn phòng UBND xã"],
             ["3", "Tổng kết công tác", "Trước ngày 15/12/2026", "Văn phòng UBND xã"]],
    "ATGT": [["1", "Ra quân tuyên truyền", "Tháng 4/2026", "Văn phòng UBND xã"],
             ["2", "Sơ kết 6 tháng", "Trước ngày 20/6/2026", "Văn phòng UBND xã"]],
}  # fmt: skip
FOUND = [
    {"sheet": "PCTT", "number": "31/KH-UBND", "title": "Phòng, chống thiên tai năm 2026", "tasks": 3},
    {"sheet": "ATGT", "number": "32/KH-UBND",
     "title": "Bảo đảm trật tự an toàn giao thông năm 2026", "tasks": 2},
]  # fmt: skip


def plans_workbook(path: Path) -> Path:
    """The two plans a sheet each, as .xlsx or .ods by the path's suffix."""
    sheets = {
        name: [[line] for line in head] + [COLUMNS, *TASKS[name]] for name, head in PLANS.items()
    }
    if path.suffix == ".ods":
        body = "".join(
            table(name, *(row(*map(cell, r)) for r in rows), columns=len(COLUMNS))
            for name, rows in sheets.items()
        )
        return write_odf(path, body, kind="spreadsheet")
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for values in rows:
            sheet.append(values)
    book.save(path)
    return path


def _read(path: Path, sheet: str | None = None) -> RawPlan:
    document = read_document(path, DIRECTORY, sheet=sheet)
    assert isinstance(document, RawPlan)
    return document


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_the_plans_of_a_workbook_are_listed_and_the_combined_read_is_flagged(
    tmp_path: Path, suffix: str
) -> None:
    raw = _read(plans_workbook(tmp_path / f"hai-ke-hoach{suffix}"))
    result = build_plan(raw, DIRECTORY)
    assert result.sheet_plans == FOUND
    assert result.summary()["sheets"] == FOUND
    # The list goes with the result, never into the plan's details (nor the database).
    assert result.plan is not None
    assert "sheet_plans" not in result.plan.details
    [item] = [r for r in result.review if r.field == "trang tính"]
    assert "Để nhập, hãy chọn một trang tính" in item.reason


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_chosen_sheet_is_read_alone_as_its_own_plan(tmp_path: Path, suffix: str) -> None:
    path = plans_workbook(tmp_path / f"hai-ke-hoach{suffix}")
    raw = _read(path, sheet="ATGT")
    result = build_plan(raw, DIRECTORY, ImportOptions(sheet="ATGT"))
    assert result.plan is not None
    assert (result.plan.number, result.plan.title, result.plan.task_count) == (
        "32/KH-UBND", "Bảo đảm trật tự an toàn giao thông năm 2026", 2
    )  # fmt: skip
    assert [t.content for t in result.plan.tasks] == ["Ra quân tuyên truyền", "Sơ kết 6 tháng"]
    assert result.sheet_plans == []
    assert not [r for r in result.review if r.field == "trang tính"]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_sheet_the_file_has_not_is_refused_naming_its_sheets(tmp_path: Path, suffix: str) -> None:
    path = plans_workbook(tmp_path / f"hai-ke-hoach{suffix}")
    with pytest.raises(DocumentError) as refused:
        _read(path, sheet="Sheet9")
    assert "không có trang tính 'Sheet9'" in refused.value.message
    assert "các trang tính: 'PCTT', 'ATGT'." in refused.value.message


def test_a_sheet_given_for_a_file_without_sheets_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_text(
        "KẾ HOẠCH\nThử năm 2026\n1. Việc một, trước ngày 30/6/2026.\n", encoding="utf-8"
    )
    with pytest.raises(DocumentError) as refused:
        _read(path, sheet="PCTT")
    assert refused.value.message.startswith("ke-hoach.txt: chỉ tệp bảng tính (.xlsx, .ods)")
