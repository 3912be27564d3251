"""Text files: the encoding, clear refusals, and the layout found before reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.plans.importers.base import DocumentError
from tracker.plans.importers.text import read_text

PROSE = "II. NỘI DUNG\n1. Rà soát thủ tục hành chính.\n2. Công khai thủ tục hành chính.\n"


def _write(tmp_path: Path, data: bytes, name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    # "II. NỘI DUNG" saved as Windows-1258: Ô, then a combining dot below.
    path = _write(tmp_path, b"II. N\xd4\xf2I DUNG\n")
    with pytest.raises(DocumentError) as caught:
        read_text(path)
    assert caught.value.message == (
        "plan.txt: không đọc được tệp văn bản (byte 0xd4 ở vị trí 5 không phải mã UTF-8)."
    )


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "plan.md")
    with pytest.raises(DocumentError) as caught:
        read_text(path)
    assert caught.value.message == (
        "plan.md: không đọc được tệp văn bản (tệp chứa dữ liệu nhị phân, không phải văn bản)."
    )


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_their_mark_are_read(tmp_path: Path, codec: str) -> None:
    """Notepad's "Unicode" and Excel's "Unicode Text" write UTF-16 with a byte-order mark."""
    data = PROSE.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    plan = read_text(_write(tmp_path, data))
    assert [t.content for t, _ in plan.walk()] == [
        "NỘI DUNG",
        "Rà soát thủ tục hành chính.",
        "Công khai thủ tục hành chính.",
    ]


def test_utf16_without_its_mark_or_broken_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        read_text(_write(tmp_path, PROSE.encode("utf-16-le")))
    assert caught.value.message == (
        "plan.txt: không đọc được tệp văn bản (tệp chứa dữ liệu nhị phân, không phải văn bản)."
    )
    with pytest.raises(DocumentError) as caught:
        read_text(_write(tmp_path, PROSE.encode("utf-16")[:-1]))
    assert caught.value.message.startswith(
        "plan.txt: không đọc được tệp văn bản (tệp mã UTF-16 hỏng từ byte thứ "
    )


def test_a_byte_order_mark_and_windows_line_ends_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path, PROSE.replace("\n", "\r\n").encode("utf-8-sig"))
    plan = read_text(path)
    assert plan.source == "plan.txt"
    assert [(t.label, t.content, t.where) for t, _ in plan.walk()] == [
        ("II", "NỘI DUNG", "dòng 1"),
        ("1", "Rà soát thủ tục hành chính.", "dòng 2"),
        ("2", "Công khai thủ tục hành chính.", "dòng 3"),
    ]


def test_a_text_without_tasks_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "KẾ HOẠCH\nKiểm soát thủ tục hành chính\n".encode())
    with pytest.raises(DocumentError) as caught:
        read_text(path)
    assert caught.value.message == (
        "plan.txt: không tìm thấy nhiệm vụ nào (không có mục Nội dung, Nhiệm vụ, "
        "Tổ chức thực hiện hay bảng nhiệm vụ)."
    )


HEADER = "Stt\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú"
TABLES = f"""\
## **II. NỘI DUNG**

1. Kiểm soát thủ tục hành chính.

**PHỤ LỤC**

**Nội dung thực hiện Kế hoạch**
(Kèm theo Kế hoạch số 01/KH-UBND)

**1. Kiểm soát thủ tục hành chính**

{HEADER}
<b>I</b>\t<b>Xây dựng văn bản</b>\t\t\t\t
1\tKế hoạch kiểm soát thủ tục hành chính\tVăn phòng UBND xã\tCông chức liên quan\tTrước 28/02/2025\t

{HEADER}
2\tBáo cáo kiểm soát thủ tục hành chính\tVăn phòng UBND xã\t\tHàng quý\t

### 2. Truyền thông

I\t<b>Truyền thông về kiểm soát thủ tục hành chính</b>\t\t\t\t
1\tTuyên truyền trên Đài truyền thanh xã\tUBND xã\tĐài truyền thanh xã\tThường xuyên\t
"""


def test_tab_separated_tables_hang_under_the_appendix_one_node_each(tmp_path: Path) -> None:
    plan = read_text(_write(tmp_path, TABLES.encode(), "plan.md"))
    appendix = plan.tasks[-1]
    assert (appendix.label, appendix.content, appendix.details) == (
        "PL",
        "Nội dung thực hiện Kế hoạch",
        ["(Kèm theo Kế hoạch số 01/KH-UBND)"],
    )
    tables = [(t.label, t.content, t.where) for t in appendix.children]
    assert tables == [
        ("1", "Kiểm soát thủ tục hành chính", "dòng 10"),
        ("2", "Truyền thông", "dòng 19"),
    ]
    # The second table has no header row of its own: it goes on with the first one's columns.
    rows = [
        (t.label, t.content, t.lead, t.timing)
        for table in appendix.children
        for section in table.children
        for t in section.children
    ]
    assert rows == [
        ("1", "Kế hoạch kiểm soát thủ tục hành chính", "Văn phòng UBND xã", "Trước 28/02/2025"),
        ("2", "Báo cáo kiểm soát thủ tục hành chính", "Văn phòng UBND xã", "Hàng quý"),
        ("1", "Tuyên truyền trên Đài truyền thanh xã", "UBND xã", "Thường xuyên"),
    ]
    assert [t.content for t in plan.tasks[0].children] == ["Kiểm soát thủ tục hành chính."]


def test_messages_name_the_file_as_the_officer_knows_it(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\x00\x01", "a1b2c3.txt")
    with pytest.raises(DocumentError) as caught:
        read_text(path, name="ke-hoach.txt")
    assert caught.value.message.startswith("ke-hoach.txt: không đọc được tệp văn bản (")


def test_a_few_tabs_in_prose_make_no_table(tmp_path: Path) -> None:
    text = (
        PROSE + "Trên đây là Kế hoạch./.\nNơi nhận:\n- UBND huyện;\t\tĐể báo cáo\n- Lưu: VT.\t\t\n"
    )
    plan = read_text(_write(tmp_path, text.encode()))
    assert [t.label for t, _ in plan.walk()] == ["II", "1", "2"]
    assert plan.details["recipients"] == ["UBND huyện; — Để báo cáo", "Lưu: VT."]


def test_tables_without_task_sections_are_the_plan(tmp_path: Path) -> None:
    text = f"KẾ HOẠCH\nKiểm soát thủ tục hành chính\n\n{HEADER}\n1\tBáo cáo quý\tUBND xã\t\tHàng quý\t\n"
    plan = read_text(_write(tmp_path, text.encode()))
    [table] = plan.tasks
    assert (table.label, table.content) == ("1", "")
    assert [(t.label, t.content, t.timing) for t in table.children] == [
        ("1", "Báo cáo quý", "Hàng quý")
    ]
    assert plan.header_lines == ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính"]
