"""How fast the timing reader reads: the CPU time of ``find_timing`` over 3,000 sentences
of the timing corpus (each record's sentence, repeated in order to reach the count), and of
``parse_timing`` (a plan's timing cells) over every corpus phrase, best of three runs each.

    uv run python bench/timing_reader.py [--sentences 3000] [--repeat 3] [--json]

The sentences are the corpus's own (``tests/plans/corpus/corpus.jsonl``), both parts: only
the time is measured, no reading is compared with any label. The aim (issue 12): each
round of rules must not make the reader much slower than the round before. Figures are
printed, not asserted.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from tracker.schedule.timing import find_timing, parse_timing

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "plans" / "corpus" / "corpus.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=3000, help="số câu đọc mỗi lượt")
    parser.add_argument("--repeat", type=int, default=3, help="số lượt, lấy lượt nhanh nhất")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    args = parser.parse_args()
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    cycle = itertools.cycle([(r["context"], r["year"]) for r in records if line_ok(r)])
    sentences = list(itertools.islice(cycle, args.sentences))
    phrases = [(r["phrase"], r["year"]) for r in records]
    best = _best(args.repeat, lambda: [find_timing(t, year=y) for t, y in sentences])
    cells = _best(args.repeat, lambda: [parse_timing(t, year=y) for t, y in phrases])
    figures = {
        "sentences": len(sentences),
        "cpu_seconds_best": round(best, 3),
        "per_sentence_ms": round(1000 * best / len(sentences), 3),
        # parse_timing, the path of a plan's timing cells: every corpus phrase once.
        "cells": len(phrases),
        "cells_cpu_seconds_best": round(cells, 3),
        "per_cell_ms": round(1000 * cells / len(phrases), 3),
        "load_average": round(os.getloadavg()[0], 2),
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(
        f"find_timing: {figures['sentences']} câu, {best:.2f} s CPU (nhanh nhất trong "
        f"{args.repeat} lượt), {figures['per_sentence_ms']} ms/câu; parse_timing: "
        f"{figures['cells']} ô, {cells:.2f} s, {figures['per_cell_ms']} ms/ô; "
        f"tải trung bình {figures['load_average']}"
    )


def _best(repeat: int, work: Callable[[], object]) -> float:
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        runs.append(time.process_time() - start)
    return min(runs)


def line_ok(record: dict[str, object]) -> bool:
    return bool(record.get("context"))


if __name__ == "__main__":
    main()
