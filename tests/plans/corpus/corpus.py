"""The timing corpus: real phrases from public documents, labelled by hand (see README.md).

``phrases.txt`` is what a person writes; ``build.py`` turns it into ``corpus.jsonl``, one
record per phrase with its id and its part ("tune" or "holdout"). This module reads both,
and compares what the reader makes of a phrase with its label, in one comparable form:
the set of due dates (and times) over the record's year, plus one token per rule that has
no dates of its own (``rel:<event>:<offset><w|c>``, ``cont``, ``ond:<event>``).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from dateutil.rrule import rrulestr

from tracker.schedule.expand import expand
from tracker.schedule.rules import Rule
from tracker.schedule.timing import parse_timing
from tracker.schedule.workdays import WorkCalendar

HERE = Path(__file__).parent
SOURCE = HERE / "phrases.txt"
CORPUS = HERE / "corpus.jsonl"
TUNE, HOLDOUT = "tune", "holdout"


def record_id(source: str, context: str) -> str:
    """From the source and the sentence, not the phrase: moving the [[ ]] inside a sentence
    (a phrase cut tighter or wider) keeps the record's id, hence its part of the split."""
    return "c" + hashlib.sha1(f"{source}\n{context}".encode()).hexdigest()[:10]


def part_of(record_id_: str) -> str:
    """The split, made once and for good: a third of the ids, by their own hash, are held out."""
    digest = int(hashlib.sha1(record_id_.encode()).hexdigest(), 16)
    return HOLDOUT if digest % 3 == 0 else TUNE


def parse_source(text: str) -> list[dict[str, Any]]:
    """``phrases.txt`` into records (without their part), in the order written."""
    records: list[dict[str, Any]] = []
    source, year = "", 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@ "):
            url, _, year_text = line[2:].rpartition(" | ")
            source, year = url.strip(), int(year_text)
            continue
        body, sep, expect = line.rpartition(" => ")
        found = re.search(r"\[\[(.+?)\]\]", body)
        if not sep or not found or not source:
            raise ValueError(f"phrases.txt, dòng {number}: không đúng dạng: {line!r}")
        phrase = found.group(1).strip()
        context = (body[: found.start()] + found.group(1) + body[found.end() :]).strip()
        records.append(
            {
                "id": record_id(source, context),
                "phrase": phrase,
                "context": context,
                "source": source,
                "year": year,
                "expect": parse_expect(expect.strip(), year, number),
            }
        )
    ids = [r["id"] for r in records]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"phrases.txt: cụm trùng nhau ({', '.join(sorted(duplicates))}).")
    return records


def parse_expect(text: str, year: int, line: int) -> dict[str, Any]:
    """ "R: why" → must review; else tokens: dates (MM-DD or YYYY-MM-DD, optionally @HH:MM),
    ``rr:RRULE[@HH:MM]`` (shorthand for its dates over the year), ``rel:…``, ``cont``, ``ond:…``."""
    if text.startswith("R:"):
        return {"review": True, "why": text[2:].strip()}
    tokens: set[str] = set()
    for token in text.split():
        moment = ""
        if "@" in token and not token.startswith(("rel:", "ond:")):
            token, moment = token.split("@", 1)
            moment = "@" + moment
        if token.startswith("rr:"):
            rule = rrulestr(token[3:], dtstart=date(year, 1, 1))
            for day in rule.between(date_time(year, 1, 1), date_time(year, 12, 31), inc=True):
                tokens.add(day.date().isoformat() + moment)
        elif re.fullmatch(r"\d{2}-\d{2}", token):
            tokens.add(f"{year}-{token}{moment}")
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", token):
            tokens.add(token + moment)
        elif re.fullmatch(r"rel:[a-z_]+:[+-]\d+[wc]|cont|ond:[a-z_]+|hol:previous", token):
            tokens.add(token)
        else:
            raise ValueError(f"phrases.txt, dòng {line}: không hiểu nhãn {token!r}")
    return {"review": False, "reading": sorted(tokens)}


def date_time(year: int, month: int, day: int) -> Any:
    from datetime import datetime

    return (
        datetime(year, month, day, 23, 59, 59)
        if (month, day) == (12, 31)
        else datetime(year, month, day)
    )


def reading(rules: tuple[Rule, ...] | list[Rule], year: int) -> list[str]:
    """The comparable form of a reader's rules over ``year``."""
    tokens: set[str] = set()
    dated = [r for r in rules if r.kind in ("deadline", "recurring")]
    for occurrence in expand(
        dated,
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        calendar=WorkCalendar(),
    ):
        moment = f"@{occurrence.due_time:%H:%M}" if occurrence.due_time else ""
        tokens.add(occurrence.nominal_date.isoformat() + moment)
    for rule in rules:
        if rule.kind == "relative":
            tokens.add(f"rel:{rule.event}:{rule.offset:+d}{'w' if rule.days == 'working' else 'c'}")
        elif rule.kind == "continuous":
            tokens.add("cont")
        elif rule.kind == "on_demand":
            tokens.add(f"ond:{rule.event}")
        if rule.holiday == "previous":
            tokens.add("hol:previous")
    return sorted(tokens)


@dataclass(frozen=True)
class Verdict:
    record: dict[str, Any]
    right: bool
    flagged: bool  # the reader asked for a review
    got: list[str]
    reason: str

    @property
    def silently_wrong(self) -> bool:
        return not self.right and not self.flagged


def judge(record: dict[str, Any]) -> Verdict:
    result = parse_timing(record["phrase"], year=record["year"])
    got = reading(result.rules, record["year"])
    expect = record["expect"]
    right = result.review if expect["review"] else not result.review and got == expect["reading"]
    return Verdict(record, right, result.review, got, result.reason)


@cache
def verdicts(part: str) -> tuple[Verdict, ...]:
    """Every record of ``part`` judged, once per process: the corpus test and the rewrite and
    insertion tests (tests/schedule/test_timing_meta*.py, the tune part only) share them."""
    return tuple(judge(r) for r in load() if r["part"] == part)


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]


def build() -> list[dict[str, Any]]:
    records = parse_source(SOURCE.read_text(encoding="utf-8"))
    for record in records:
        record["part"] = part_of(record["id"])
    return records


def write(records: list[dict[str, Any]]) -> None:
    CORPUS.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
