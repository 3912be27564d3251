"""The five seed documents read by ``read_text`` against their curated transcriptions.

The raw tree must have the curated label tree and, task by task, the curated content,
details, timing, lead (lead_text), coordinating (coordinating_text), output and note. Where
the reader differs on purpose, the difference is listed below with its reason, and the
test asserts that the differences are exactly those: a new one fails, and so does a listed
one that went away.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import pytest

from tests.conftest import SHARED_SEEDS
from tracker.config import PROJECT_DIR
from tracker.plans.documents import PlanDoc, TaskDoc, read_plan, task_keys
from tracker.plans.importers.appendix import attach_appendix_tables
from tracker.plans.importers.base import RawPlan, RawTask
from tracker.plans.importers.text import read_text

pytestmark = pytest.mark.needs_shared_seeds

# Our field → the curated field.
FIELDS = {
    "kind": "kind",
    "content": "content",
    "details": "details",
    "timing": "timing",
    "lead": "lead_text",
    "coordinating": "coordinating_text",
    "output": "output",
    "note": "note",
}

PROSE_TIMING = (
    "a timing written inside the sentence: only fields and table cells fill timing, "
    "the pipeline reads the content"
)
SENTENCE_UNIT = (
    "the curator read the unit from the sentence; the reader takes units only from "
    "fields, cells and headings that name a unit"
)
SENTENCE_OUTPUT = "the curator read the output from the sentence; the document has no output field"
UNIT_BULLETS = (
    "a heading that names a unit over bullets: each bullet is a task of that unit (as "
    "Đoàn Kết III.2 and III.5, and as this document's own II.1 and II.8); the curator kept "
    "one task with the bullets as details"
)

PARTNER_FIRST = (
    "a unit's duty 'Phối hợp với X …' is X's task with the unit coordinating: the reader gives "
    "the heading's unit as coordinator and the builder finds X; the curator kept the heading's "
    "unit as the lead"
)

DIFFERENCES: dict[str, dict[tuple[str, str], str]] = {
    "le-loi-2022": {
        ("II/2/-1/+5", "timing"): PROSE_TIMING,
        ("II/2/-2/+4", "timing"): PROSE_TIMING,
        ("II/2/-2/+6", "timing"): PROSE_TIMING,
        ("IV/2", "timing"): PROSE_TIMING,
        ("IV/4", "timing"): PROSE_TIMING,
        ("IV/2", "lead"): SENTENCE_UNIT,
        ("IV/3", "lead"): SENTENCE_UNIT,
        ("IV/3", "coordinating"): SENTENCE_UNIT,
        ("IV/4", "lead"): SENTENCE_UNIT
        + "; the reader gives this unit as the plan's default lead instead",
    },
    "doan-ket-2022": {
        ("II/1/1.2/-5", "timing"): PROSE_TIMING,
        ("II/2/2.1/2.1.1/+1", "timing"): PROSE_TIMING,
        ("II/2/2.1/2.1.1/+3", "timing"): PROSE_TIMING,
        ("II/2/2.1/2.1.2/b/-2", "timing"): PROSE_TIMING,
        ("II/2/2.1/2.1.2/c/-3", "timing"): PROSE_TIMING,
        ("II/2/2.1/2.1.2/c/-5", "timing"): PROSE_TIMING,
        ("III/1", "timing"): PROSE_TIMING,
        ("III/3", "timing"): PROSE_TIMING,
        ("III/5/-3", "timing"): PROSE_TIMING,
        ("III/5/-5", "timing"): PROSE_TIMING,
        ("III/5/-6", "timing"): PROSE_TIMING,
        ("III/6", "timing"): PROSE_TIMING,
        ("III/1", "coordinating"): SENTENCE_UNIT,
        ("III/2/-4", "lead"): PARTNER_FIRST,
        ("III/2/-4", "coordinating"): PARTNER_FIRST,
        ("III/4", "coordinating"): SENTENCE_UNIT,
        ("III/6", "coordinating"): SENTENCE_UNIT,
    },
    "dai-son-2026": {
        ("II/2/b", "note"): (
            "the parenthetical line after b)'s fields is the document's note on b); the "
            "curator described it in the remark"
        ),
        ("II/8/-1", "timing"): PROSE_TIMING,
        ("II/8/-2", "timing"): PROSE_TIMING,
        ("IV/3", "timing"): PROSE_TIMING,
        ("IV/1", "kind"): UNIT_BULLETS,
        ("IV/1", "details"): UNIT_BULLETS,
        ("IV/1/-1", "node"): UNIT_BULLETS,
        ("IV/1/-2", "node"): UNIT_BULLETS,
        ("IV/2", "kind"): UNIT_BULLETS,
        ("IV/2", "details"): UNIT_BULLETS,
        ("IV/2/-1", "node"): UNIT_BULLETS,
        ("IV/2/-2", "node"): UNIT_BULLETS,
        ("IV/2/-3", "node"): UNIT_BULLETS,
    },
    "kien-an-2023": {
        **{
            (f"II/{n}", "note"): (
                "the curator's cross-reference to the appendix tables, not the document's words"
            )
            for n in range(1, 8)
        },
        ("IV/1", "output"): SENTENCE_OUTPUT,
        ("IV/3", "output"): SENTENCE_OUTPUT,
    },
    "nhat-tan-2024": {},
}

# Tasks whose every field matches the curated one, as the report counts them.
MATCHING_TASKS = {
    "le-loi-2022": (55, 61),
    "doan-ket-2022": (31, 45),
    "dai-son-2026": (13, 19),
    "kien-an-2023": (47, 49),
    "nhat-tan-2024": (18, 18),
}

PLANS = {key: read_plan(PROJECT_DIR / "seeds" / "plans" / f"{key}.yaml") for key in DIFFERENCES}


@cache
def _read(key: str) -> RawPlan:
    return read_text(SHARED_SEEDS / PLANS[key].source["file"])


@cache
def _tree(key: str) -> RawPlan:
    """The document as read, its appendix tables under the items that point to them (the
    pipeline's first step), as the curated plans keep them."""
    raw = copy.deepcopy(_read(key))
    attach_appendix_tables(raw)
    return raw


def _keyed(tasks: list[Any], prefix: str = "") -> dict[str, Any]:
    """Every node by its path of label keys (the curated key scheme), in document order."""
    out: dict[str, Any] = {}
    for task, segment in zip(tasks, task_keys([t.label for t in tasks]), strict=True):
        key = f"{prefix}/{segment}" if prefix else segment
        out[key] = task
        out.update(_keyed(list(task.children), key))
    return out


def _ours(task: RawTask, name: str) -> str:
    if name == "kind":
        return task.kind or ("section" if task.children else "task")
    value = getattr(task, name)
    return "\n".join(value) if isinstance(value, list) else str(value)


def _theirs(task: TaskDoc, name: str) -> str:
    return str(getattr(task, FIELDS[name]))


def _differences(raw: RawPlan, plan: PlanDoc) -> dict[tuple[str, str], tuple[str, str]]:
    ours, theirs = _keyed(raw.tasks), _keyed(list(plan.tasks))
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for key in ours.keys() ^ theirs.keys():
        found[key, "node"] = ("present" if key in ours else "", "present" if key in theirs else "")
    for key in ours.keys() & theirs.keys():
        for name in FIELDS:
            mine, curated = _ours(ours[key], name), _theirs(theirs[key], name)
            if mine != curated:
                found[key, name] = (mine, curated)
    return found


@pytest.mark.parametrize("key", sorted(DIFFERENCES))
def test_the_raw_tree_is_the_curated_one_but_for_the_listed_differences(key: str) -> None:
    found = _differences(_tree(key), PLANS[key])
    unexpected = {k: v for k, v in found.items() if k not in DIFFERENCES[key]}
    gone = sorted(k for k in DIFFERENCES[key] if k not in found)
    assert unexpected == {}
    assert gone == []


@pytest.mark.parametrize("key", sorted(DIFFERENCES))
def test_tasks_matching_the_curated_ones_field_for_field(key: str) -> None:
    raw, plan = _tree(key), PLANS[key]
    ours, theirs = _keyed(raw.tasks), _keyed(list(plan.tasks))
    tasks = [k for k, t in theirs.items() if t.kind == "task"]
    matching = [
        k
        for k in tasks
        if k in ours and all(_ours(ours[k], n) == _theirs(theirs[k], n) for n in FIELDS)
    ]
    assert (len(matching), len(tasks)) == MATCHING_TASKS[key]


@pytest.mark.parametrize("key", sorted(DIFFERENCES))
def test_every_node_says_where_it_is(key: str) -> None:
    assert [t.content for t, _ in _read(key).walk() if not t.where] == []


@pytest.mark.parametrize("key", sorted(DIFFERENCES))
def test_the_head_holds_the_bases_and_the_preamble(key: str) -> None:
    plan, raw = PLANS[key], _read(key)
    wanted = list(plan.details.get("bases", [])) + str(plan.details.get("preamble", "")).split("\n")
    assert [line for line in wanted if line and line not in raw.header_lines] == []


@pytest.mark.parametrize(
    ("key", "name"),
    [
        (key, name)
        for key in sorted(DIFFERENCES)
        for name in ("purpose", "funding", "closing", "recipients", "decision")
        # Lê Lợi: the curator spread each bracketed group note over the lines it brackets.
        # Đại Sơn: the curator kept the section headings in purpose and funding.
        if (key, name)
        not in {
            ("le-loi-2022", "recipients"),
            ("dai-son-2026", "purpose"),
            ("dai-son-2026", "funding"),
        }
    ],
)
def test_the_text_sections_are_the_curated_ones(key: str, name: str) -> None:
    curated = PLANS[key].details.get(name)
    if isinstance(curated, dict):  # Nhật Tân: the decision's articles
        curated = curated["articles"]
    if isinstance(curated, str):
        curated = curated.strip()
    assert _read(key).details.get(name) == curated


@pytest.mark.parametrize("key", ["le-loi-2022", "kien-an-2023", "dai-son-2026", "doan-ket-2022"])
def test_the_signer(key: str) -> None:
    signer = _read(key).details["signer"]
    curated = PLANS[key].details["signer"]
    assert signer["name"] == curated["name"]
    assert " ".join(filter(None, [signer.get("on_behalf"), signer["title"]])) in (
        curated["title"],
        f"{curated.get('on_behalf')} {curated['title']}",
    )


def test_the_unit_charged_with_the_whole_plan_is_the_default_lead() -> None:
    leads = {key: _read(key).default_lead for key in sorted(DIFFERENCES)}
    assert leads == {
        "dai-son-2026": "Trung tâm Phục vụ hành chính công",
        "doan-ket-2022": "",
        "kien-an-2023": "Công chức Văn phòng – thống kê",
        "le-loi-2022": "Công chức Văn phòng – Thống kê",
        "nhat-tan-2024": "Công chức văn phòng thống kê xã",
    }


def test_timings_left_in_the_sentences_are_counted() -> None:
    """The pipeline finds these in the content; the reader leaves them out on purpose."""
    counts = {
        key: sum(1 for (_, name), why in table.items() if name == "timing" and why == PROSE_TIMING)
        for key, table in DIFFERENCES.items()
    }
    assert counts == {
        "le-loi-2022": 5,
        "doan-ket-2022": 12,
        "dai-son-2026": 3,
        "kien-an-2023": 0,
        "nhat-tan-2024": 0,
    }


def test_the_appendix_tables_hang_under_the_appendix_by_their_heading_numbers() -> None:
    raw = _read("kien-an-2023")
    appendix = next(t for t in raw.tasks if t.label == "PL")
    assert [(t.label, t.where) for t in appendix.children] == [
        ("1", "dòng 72"),
        ("2", "dòng 103"),
        ("3", "dòng 136"),
        ("4", "dòng 153"),
        ("5", "dòng 163"),
        ("6", "dòng 187"),
    ]


def test_the_decision_before_a_pdf_table_is_the_head() -> None:
    raw = _read("nhat-tan-2024")
    assert raw.header_lines[0] == "Số: 12/QĐ-UBND Nhật Tân, ngày 18 tháng 01 năm 2024"
    assert PLANS["nhat-tan-2024"].title in raw.header_lines
    assert raw.details["decision"].startswith("Điều 1. Ban hành kèm theo Quyết định này")
