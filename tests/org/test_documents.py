"""Reading unit trees and people: the whole file is checked, and each problem is one
sentence naming the file and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.errors import SeedError
from tracker.org.documents import read_people, read_units


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


PROVINCE = """
- code: tinh
  name: UBND tỉnh Thử
  kind: province
  children:
    - code: tinh.xa
      name: UBND xã Thử
      kind: commune
      aliases: [UBND xã]
"""


def test_a_subtree_in_another_file_hangs_under_its_parent(tmp_path: Path) -> None:
    commune = write(
        tmp_path,
        "b.yaml",
        "- parent: tinh.xa\n  code: tinh.xa.vp\n  name: Văn phòng\n  kind: office\n",
    )
    units = read_units([commune, write(tmp_path, "a.yaml", PROVINCE)])
    assert [(u.code, u.parent) for u in units] == [
        ("tinh", None), ("tinh.xa", "tinh"), ("tinh.xa.vp", "tinh.xa")
    ]  # fmt: skip


def test_an_unknown_parent_is_named_with_the_nearest_code(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "b.yaml",
        "- parent: tinh.xaa\n  code: tinh.xa.vp\n  name: Văn phòng\n  kind: office\n",
    )
    with pytest.raises(SeedError) as excinfo:
        read_units([write(tmp_path, "a.yaml", PROVINCE), path])
    assert excinfo.value.message == (
        f"{path}, đơn vị 'tinh.xa.vp': đơn vị cha 'tinh.xaa' không có trong danh sách đơn vị; có phải 'tinh.xa'?"
    )


def test_a_code_used_twice_names_both_places(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", PROVINCE)
    second = write(tmp_path, "b.yaml", "- code: tinh\n  name: Khác\n  kind: province\n")
    with pytest.raises(SeedError) as excinfo:
        read_units([first, second])
    assert (
        excinfo.value.message
        == f"{second}, đơn vị 'tinh': mã này đã được dùng ở {first}, đơn vị 'tinh'."
    )


def test_a_name_may_point_to_one_unit_only_within_a_commune_and_above(tmp_path: Path) -> None:
    clash = write(
        tmp_path, "b.yaml",
        "- parent: tinh.xa\n  code: tinh.xa.vp\n  name: Văn phòng\n  kind: office\n  aliases: [ubnd XÃ]\n",
    )  # fmt: skip
    with pytest.raises(SeedError) as excinfo:
        read_units([write(tmp_path, "a.yaml", PROVINCE), clash])
    assert excinfo.value.message == (
        f"{clash}, đơn vị 'tinh.xa.vp': tên 'ubnd XÃ' đã dùng cho đơn vị 'tinh.xa'; "
        "một tên chỉ được trỏ tới một đơn vị trong 'tinh.xa' và các cấp trên."
    )


def test_the_same_alias_in_two_communes_is_fine(tmp_path: Path) -> None:
    other = write(
        tmp_path,
        "b.yaml",
        "- parent: tinh\n  code: tinh.xa2\n  name: UBND xã Khác\n  kind: commune\n  aliases: [UBND xã]\n",
    )
    assert len(read_units([write(tmp_path, "a.yaml", PROVINCE), other])) == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- code: x\n  name: X\n  kind: hamlet\n",
            "{path}, đơn vị 'x': loại đơn vị 'hamlet' không hợp lệ; chỉ nhận province, city, district, commune, office, position, group, body",
        ),
        (
            "- code: x\n  name: X\n  kind: office\n  members: [y]\n",
            "{path}, đơn vị 'x': chỉ đơn vị loại group mới có members.",
        ),
        ("- code: x\n  kind: office\n", "{path}, đơn vị 'x': thiếu trường 'name'."),
        (
            "- code: x\n  name: X\n  kind: office\n  colour: red\n",
            "{path}, đơn vị 'x': không có trường colour.",
        ),
        (
            "- code: x\n  name: [X\n",
            "{path}, dòng 3: không đọc được YAML (expected ',' or ']', but got '<stream end>').",
        ),
    ],
)
def test_a_malformed_unit_file_is_refused_by_name(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(SeedError) as excinfo:
        read_units([path])
    assert excinfo.value.message == message.format(path=path)


def test_people_must_name_known_units_and_roles(tmp_path: Path) -> None:
    units = read_units([write(tmp_path, "a.yaml", PROVINCE)])
    codes = [u.code for u in units]
    good = write(
        tmp_path,
        "p.yaml",
        "- name: Trần Văn An\n  email: An@Thu.example.vn\n  role: officer\n  units: [tinh.xa]\n",
    )
    [person] = read_people([good], codes)
    assert (person.email, person.units) == ("an@thu.example.vn", ("tinh.xa",))
    bad = write(tmp_path, "q.yaml", "- name: B\n  email: b@thu.example.vn\n  role: boss\n")
    with pytest.raises(SeedError) as excinfo:
        read_people([bad], codes)
    assert excinfo.value.message == (
        f"{bad}, người dùng 'b@thu.example.vn': vai trò 'boss' không hợp lệ; chỉ nhận officer, member, chairman, viewer."
    )
    lost = write(
        tmp_path,
        "r.yaml",
        "- name: C\n  email: c@thu.example.vn\n  role: member\n  units: [tinh.xa.vp]\n",
    )
    with pytest.raises(SeedError) as excinfo:
        read_people([lost], codes)
    assert excinfo.value.message == (
        f"{lost}, người dùng 'c@thu.example.vn': đơn vị 'tinh.xa.vp' không có trong danh sách đơn vị; có phải 'tinh.xa'?"
    )


def test_a_unit_code_is_lower_case_ascii_with_dots_and_hyphens(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", "- code: Xã_Thử\n  name: X\n  kind: commune\n")
    with pytest.raises(SeedError) as excinfo:
        read_units([path])
    assert excinfo.value.message == (
        f"{path}, đơn vị 'Xã_Thử': mã đơn vị chỉ gồm chữ thường không dấu, chữ số, dấu chấm và "
        "gạch nối (ví dụ 'hai-phong.dai-son')."
    )
