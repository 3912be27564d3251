"""Plans laid out as other provinces, districts and communes write them, built here as real
Word and Excel files and read through the whole pipeline (reader, units, timings): duties
listed per unit where a unit joins another's work ("Phối hợp với …"), the lead and its
partners in one column, and a column per quarter or per month marked with "x"."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table, _Cell

from tests.org.test_directory import DIRECTORY_UNITS, DS
from tracker.org.directory import UnitDirectory
from tracker.plans.documents import TaskDoc
from tracker.plans.importers.base import RawPlan
from tracker.plans.importers.build import ImportOptions, ImportResult, build_plan
from tracker.plans.importers.read import read_document

HEAD = ["ỦY BAN NHÂN DÂN", "XÃ ĐẠI SƠN", "Số: 31/KH-UBND", "Đại Sơn, ngày 12 tháng 01 năm 2026"]
VP, CA, QS, VHXH, KT = (f"{DS}.{c}" for c in ("vp", "cong-an", "quan-su", "vh-xh", "kinh-te"))


def _document(title: str) -> docx.document.Document:
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph().add_run(title).bold = True
    return document


def _row(table: Table, values: list[str]) -> tuple[_Cell, ...]:
    cells = table.add_row().cells
    for cell, value in zip(cells, values, strict=True):
        cell.text = value
    return cells


def _import(path: Path, **options: bool) -> ImportResult:
    directory = UnitDirectory(DIRECTORY_UNITS)
    raw = read_document(path, directory)
    assert isinstance(raw, RawPlan)
    result = build_plan(raw, directory, ImportOptions(**options))
    assert result.errors == []
    assert result.plan is not None
    return result


def _tasks(result: ImportResult) -> dict[str, TaskDoc]:
    assert result.plan is not None
    return {task.key: task for task, _ in result.plan.walk() if task.kind == "task"}


def test_a_duty_that_joins_another_units_work_is_led_by_that_unit(tmp_path: Path) -> None:
    document = _document("Bảo đảm an ninh trật tự dịp cuối năm 2026")
    for text in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Giữ vững an ninh trật tự trên địa bàn xã.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Công an xã:",
        "- Chủ trì lập phương án bảo vệ các điểm vui chơi; xong trước ngày 20/11/2026.",
        "- Phối hợp với Văn phòng HĐND và UBND xã thông tin trên loa truyền thanh; hằng tuần.",
        "2. Phòng Văn hóa - Xã hội: Phối hợp với Công an xã kiểm tra các quán karaoke, "
        "xong trước ngày 10/12/2026.",
        "3. Ban Chỉ huy Quân sự xã: phối hợp chặt chẽ với Công an xã tuần tra ban đêm; hằng tháng.",
        "4. Phòng Kinh tế:",
        "- Phối hợp với Tổ liên ngành của huyện rà soát giá cả; xong trước ngày 15/12/2026.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "an-ninh.docx"
    document.save(str(path))
    result = _import(path)
    units = {key: (task.lead, task.coordinating) for key, task in _tasks(result).items()}
    assert units == {
        "II/1/-1": ((CA,), ()),
        "II/1/-2": ((VP,), (CA,)),
        "II/2": ((CA,), (VHXH,)),
        "II/3": ((CA,), (QS,)),
        # The unit it joins is no unit of the list: the duty's own unit leads, flagged.
        "II/4/-1": ((KT,), ()),
    }
    tasks = _tasks(result)
    assert tasks["II/1/-2"].review == ""
    assert tasks["II/2"].review == ""
    assert "không nhận ra đơn vị chủ trì" in tasks["II/4/-1"].review


def test_headings_that_ask_a_body_or_name_the_culture_office_give_their_duties(
    tmp_path: Path,
) -> None:
    """ "Đề nghị Ủy ban MTTQ … và các đoàn thể" asks bodies the commune does not command;
    "Phòng Văn hóa - Xã hội" is an office, not "phỏng vấn" (folded alike)."""
    document = _document("Phân loại rác tại nguồn năm 2026")
    for text in (
        "I. PHÂN CÔNG NHIỆM VỤ",
        "1. Phòng Văn hóa - Xã hội",
        "- Biên soạn tài liệu hướng dẫn phân loại rác; xong trước ngày 30/5/2026.",
        "2. Đề nghị Ủy ban MTTQ Việt Nam xã và các đoàn thể",
        "- Vận động hội viên phân loại rác; thường xuyên.",
        "3. Phỏng vấn người dân về thói quen phân loại rác",
        "- Lập phiếu hỏi; xong trong tháng 4/2026.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "rac.docx"
    document.save(str(path))
    tasks = _tasks(_import(path, create_units=True))
    assert tasks["I/1/-1"].lead == (VHXH,)
    assert tasks["I/1/-1"].lead_text == "Phòng Văn hóa - Xã hội"
    assert tasks["I/2/-1"].lead_text == "Ủy ban MTTQ Việt Nam xã và các đoàn thể"
    assert len(tasks["I/2/-1"].lead) == 2
    assert tasks["I/3/-1"].lead == ()
