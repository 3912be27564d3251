"""The seed plans are faithful to their documents in ../shared/seeds: the source file is the
one named (by checksum), and every cell of every task is the document's own words.

"Verbatim" allows what the seeds README allows: line breaks joined, HTML tags and markdown
emphasis dropped, and a cell split by a page break (its pieces found in order, at most
three). Skipped, with the reason, where the documents folder is absent.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest

from tests.conftest import SHARED_SEEDS
from tracker.config import PROJECT_DIR
from tracker.plans.documents import PlanDoc
from tracker.seeds import read_seed_set

pytestmark = pytest.mark.needs_shared_seeds

PLANS = {p.key: p for p in read_seed_set(PROJECT_DIR / "seeds").plans}
FIELDS = ("content", "timing", "output", "note", "lead_text", "coordinating_text")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"<[^>]+>", " ", text)  # HTML fragments of the tab-separated tables
    text = re.sub(r"[*#]+", "", text)  # markdown headings and emphasis
    return " ".join(text.split())


def _pieces(cell: str, source: str, most: int = 3) -> list[str] | None:
    """Split ``cell`` into the fewest word runs found in ``source`` in order, or None."""
    words = cell.split()
    pieces: list[str] = []
    start, at = 0, 0
    while start < len(words):
        end = len(words)
        while end > start and source.find(" ".join(words[start:end]), at) < 0:
            end -= 1
        if end == start:
            return None
        piece = " ".join(words[start:end])
        at = source.find(piece, at) + len(piece)
        pieces.append(piece)
        start = end
    return pieces if len(pieces) <= most else None


def _source(plan: PlanDoc) -> str:
    return (SHARED_SEEDS / plan.source["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("key", sorted(PLANS))
def test_the_source_document_is_the_one_transcribed(key: str) -> None:
    plan = PLANS[key]
    digest = hashlib.sha256((SHARED_SEEDS / plan.source["file"]).read_bytes()).hexdigest()
    assert digest == plan.source["sha256"]


@pytest.mark.parametrize("key", sorted(PLANS))
def test_every_task_cell_is_the_documents_own_words(key: str) -> None:
    plan = PLANS[key]
    source = normalise(_source(plan))
    problems = []
    for task, _ in plan.walk():
        if task.kind != "task":
            continue
        for name in FIELDS:
            value = normalise(getattr(task, name))
            # Two phrases of one sentence may be joined with "…" (Đoàn Kết III.1).
            for part in (p.strip() for p in value.split("…")):
                if part and _pieces(part, source) is None:
                    problems.append(f"{task.key} {name}: {part[:80]!r}")
    assert problems == []


def test_the_table_plans_have_every_row() -> None:
    kien_an = [t for t, _ in PLANS["kien-an-2023"].walk() if t.kind == "task" and t.alt_label]
    # Stt runs 1-14, 1-11, 1-6, 1-4, 1-8 and 9-11 over the six appendix tables.
    assert len(kien_an) == 46
    source = normalise(_source(PLANS["kien-an-2023"]))
    for task in kien_an:
        assert normalise(task.content)[:40] in source
    nhat_tan = [t for t, _ in PLANS["nhat-tan-2024"].walk() if t.kind == "task"]
    assert len(nhat_tan) == 18
    # Lê Lợi's appendix is the table of the item that points to it ("Chi tiết, có Phụ lục I").
    # Lê Lợi's appendix is the table of the item that points to it ("Chi tiết, có Phụ lục I"),
    # its rows keyed as in the appendix.
    le_loi_appendix = [t for t, _ in PLANS["le-loi-2022"].walk() if t.key.startswith("PL/")]
    assert [t.content for t in le_loi_appendix][:2] == [
        "Lĩnh vực đường thủy nội địa",
        "Lĩnh vực thi đua khen thưởng",
    ]
    assert len(le_loi_appendix) == 27
