"""Rebuild corpus.jsonl from phrases.txt, then print the reader's score on the TUNE part only,
and its failures there. The holdout is measured by tests/plans/test_corpus.py; its failures are
not printed here, on purpose (README.md).

    uv run python -m tests.plans.corpus.build            # rebuild and score the tune part
    uv run python -m tests.plans.corpus.build --show "trước ngày 15/6" --year 2025
"""

from __future__ import annotations

import argparse
from collections import Counter

from tests.plans.corpus.corpus import HOLDOUT, TUNE, build, judge, reading, write
from tracker.schedule.timing import parse_timing


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", help="print the reader's output for one phrase")
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    if args.show:
        result = parse_timing(args.show, year=args.year)
        for rule in result.rules:
            print("  ", rule.to_dict())
        print("   review:", result.review, result.reason)
        print("   reading:", " ".join(reading(result.rules, args.year)))
        return
    records = build()
    write(records)
    parts = Counter(r["part"] for r in records)
    print(f"{len(records)} phrases: {parts[TUNE]} tune, {parts[HOLDOUT]} holdout")
    verdicts = [judge(r) for r in records if r["part"] == TUNE]
    right = sum(v.right for v in verdicts)
    silent = [v for v in verdicts if v.silently_wrong]
    print(
        f"tune: {right}/{len(verdicts)} right ({right / max(len(verdicts), 1):.1%}), "
        f"{len(silent)} wrong without a flag"
    )
    if args.quiet:
        return
    for v in verdicts:
        if v.right:
            continue
        tag = "SILENT" if v.silently_wrong else "flagged"
        expect = v.record["expect"]
        want = "REVIEW" if expect["review"] else _short(expect["reading"])
        print(
            f"[{tag}] {v.record['phrase']}\n    want {want}\n    got  {_short(v.got)} | {v.reason}"
        )


def _short(tokens: list[str]) -> str:
    if len(tokens) <= 8:
        return " ".join(tokens)
    return f"{' '.join(tokens[:3])} … {tokens[-1]} ({len(tokens)})"


if __name__ == "__main__":
    main()
