"""Reading a plan document: stable task keys from the labels, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.errors import SeedError
from tracker.plans.documents import read_plan, task_keys

PLAN = """
key: thu
title: Kế hoạch thử
unit: tinh.xa
year: 2023
period: {start: 2023-01-01, end: 2023-12-31}
tasks:
  - label: I
    content: Phần một
    children:
      - {label: "-", content: Việc a, lead: [tinh.xa], timing: Thường xuyên, schedule: [{kind: continuous}]}
      - {label: "-", content: Việc b, lead: [tinh.xa], schedule: [{kind: deadline, due: 2023-03-31}]}
      - {label: "1", content: Việc c, lead: [tinh.xa], schedule: [{kind: deadline, due: 2023-06-30}]}
"""


@pytest.mark.parametrize(
    ("labels", "keys"),
    [
        (["I", "II", "III"], ["I", "II", "III"]),
        (["-", "-", "+"], ["-1", "-2", "+1"]),
        (["", "", "1"], ["#1", "#2", "1"]),
        (["a", "a", "b"], ["a1", "a2", "b"]),
    ],
)
def test_task_keys_come_from_labels_made_unique_among_siblings(
    labels: list[str], keys: list[str]
) -> None:
    assert task_keys(labels) == keys


def test_a_plan_reads_into_its_tree_with_keys_and_rules(tmp_path: Path) -> None:
    path = tmp_path / "thu.yaml"
    path.write_text(PLAN, encoding="utf-8")
    plan = read_plan(path, {"tinh.xa": object()})
    assert [(t.key, t.kind, d) for t, d in plan.walk()] == [
        ("I", "section", 0), ("I/-1", "task", 1), ("I/-2", "task", 1), ("I/1", "task", 1)
    ]  # fmt: skip
    assert plan.task_count == 3
    assert plan.depth == 2
    assert plan.tasks[0].children[1].rules[0].due.isoformat() == "2023-03-31"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("lead: [tinh.xa], timing", "lead: [tinh.xaa], timing"),
            "{path}, nhiệm vụ I/-1: đơn vị chủ trì 'tinh.xaa' không có trong danh sách đơn vị; có phải 'tinh.xa'?",
        ),
        (
            ("due: 2023-03-31", "due: 31/3/2023"),
            "{path}, nhiệm vụ I/-2, quy tắc 1, due: '31/3/2023' không phải ngày dạng YYYY-MM-DD.",
        ),
        (
            ("{kind: continuous}", "{kind: relative, event: cong_van}"),
            "{path}, nhiệm vụ I/-1, quy tắc r1: loại sự kiện 'cong_van' không hợp lệ; chỉ nhận qd_cong_bo_tthc, pakn_tiep_nhan, pakn_chuyen_den, ho_so_den_han, ho_so_tiep_nhan, tap_huan, thay_doi_nhan_su, huong_dan_cap_tren, yeu_cau, ky_hop, bau_cu, ky_van_ban, phe_duyet, ket_thuc, nhan_van_ban, su_kien",
        ),
        (
            ("content: Việc c,", "contents: Việc c,"),
            "{path}, nhiệm vụ I/1: không có trường contents; có phải 'content'?",
        ),
        (
            (
                "period: {start: 2023-01-01, end: 2023-12-31}",
                "period: {start: 2023-12-31, end: 2023-01-01}",
            ),
            "{path}: kỳ kế hoạch kết thúc trước khi bắt đầu.",
        ),
    ],
)
def test_a_malformed_plan_is_refused_naming_the_task(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = tmp_path / "thu.yaml"
    path.write_text(PLAN.replace(*change), encoding="utf-8")
    with pytest.raises(SeedError) as excinfo:
        read_plan(path, {"tinh.xa": object()})
    assert excinfo.value.message == message.format(path=path)


@pytest.mark.parametrize(
    ("lead", "hint"),
    [
        ("tinh.xa.tu-phapp", "; có phải 'tinh.xa.tu-phap'?"),  # the plan's own commune
        ("tinh.xb.ho-tichh", ""),  # near only another commune's unit: it is not named
    ],
)
def test_a_hint_for_an_unknown_unit_names_only_units_of_the_plans_own_commune(
    tmp_path: Path, lead: str, hint: str
) -> None:
    path = tmp_path / "thu.yaml"
    path.write_text(PLAN.replace("lead: [tinh.xa], timing", f"lead: [{lead}], timing"), "utf-8")
    units = dict.fromkeys(["tinh", "tinh.xa", "tinh.xa.tu-phap", "tinh.xb", "tinh.xb.ho-tich"], 1)
    with pytest.raises(SeedError) as refused:
        read_plan(path, units)
    assert refused.value.message == (
        f"{path}, nhiệm vụ I/-1: đơn vị chủ trì '{lead}' không có trong danh sách đơn vị{hint}"
    )


@pytest.mark.parametrize("year", ["99999", "0", "1900", "'2026'"])
def test_a_plan_for_a_year_no_calendar_covers_is_refused(tmp_path: Path, year: str) -> None:
    path = tmp_path / "thu.yaml"
    path.write_text(PLAN.replace("year: 2023", f"year: {year}"), "utf-8")
    with pytest.raises(SeedError) as refused:
        read_plan(path, {"tinh.xa": object()})
    assert refused.value.message == (
        f"{path}: 'year' phải là một năm từ 1990 đến 2100, ví dụ 2026."
    )
