"""iCal feeds through the app over HTTP, on a seeded database of each test's own: what a
subscribed calendar sees is what the API says, in bytes every strict client accepts, with
UIDs that survive a re-import, 304s, revocation at once, and no other unit's work.

Every feed is read back with three independent parsers: icalendar, recurring-ical-events
(what many servers use to expand a feed) and vobject.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import recurring_ical_events
import vobject
import yaml
from icalendar import Calendar
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tracker.app import create_app
from tracker.config import PROJECT_DIR, Settings, settings_env
from tracker.deadlines.tables import Occurrence
from tracker.notify import feeds
from tracker.notify.feeds import create_feed, regenerate_feed, revoke_feed
from tracker.notify.services import expander_for
from tracker.org.auth import set_password
from tracker.org.scope import Scope
from tracker.org.tables import Membership, Person, Unit
from tracker.plans.documents import plan_to_yaml
from tracker.plans.imports import import_document
from tracker.plans.services import find_plan, load_plan_doc
from tracker.plans.tables import Task
from tracker.schedule.calendars import load_work_calendar

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)  # a Wednesday
NOW_2023 = dt.datetime(2023, 6, 1, 9, 0, tzinfo=TZ)  # inside kien-an-2023
PLAN = "dai-son-2026"
COMMUNE = "hai-phong.dai-son"
TTPVHCC = "hai-phong.dai-son.ttphvhcc"
LONG = "long.nh@daison.example.vn"  # of the Văn phòng, which reports weekly (group co-quan-cm)
TUAN = "tuan.lm@daison.example.vn"  # Phòng Kinh tế
QUYNH = "quynh.vn@daison.example.vn"  # Trung tâm Phục vụ hành chính công
KIEN_AN = "lan.ttn@kienan.example.vn"
PASSWORD = "mat-khau-thu-nghiem"
TZID = "Asia/Ho_Chi_Minh"
CT = "text/calendar; charset=utf-8"
SEEDS = PROJECT_DIR / "seeds"
OCCURRENCE_LINK = re.compile(r"/occurrences/(\d+)$")

Clock = Callable[[], dt.datetime]


def _dai_son_people() -> list[str]:
    people = yaml.safe_load((SEEDS / "people" / "dai-son.yaml").read_text(encoding="utf-8"))
    return [p["email"] for p in people]


def _dai_son_units() -> list[str]:
    return _commune_units("dai-son", COMMUNE)


def _commune_units(stem: str, commune: str) -> list[str]:
    codes: list[str] = []

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            if node["code"] == commune or node["code"].startswith(commune + "."):
                codes.append(node["code"])
            walk(node.get("children") or [])

    walk(yaml.safe_load((SEEDS / "units" / f"{stem}.yaml").read_text(encoding="utf-8")))
    return codes


# --------------------------------------------------------------------------- helpers


def app_client(settings: Settings, clock: Clock = lambda: NOW) -> AsyncTestClient[Any]:
    feeds.CACHE.clear()  # the cache is per process; every test starts cold
    return AsyncTestClient(app=create_app(settings, clock=clock, bind_database=False))


async def token_for(kind: str, target: str, now: dt.datetime = NOW) -> str:
    named = {"person": "email", "unit": "unit_code", "plan": "plan_ref"}[kind]
    _, token = await create_feed(kind, **{named: target}, scope=Scope.system(), now=now)  # type: ignore[arg-type]
    return token


async def get_feed(
    client: AsyncTestClient[Any], token: str, *, todo: bool = False, encoding: str = "identity"
) -> httpx.Response:
    response = await client.get(
        f"/feeds/{token}.ics" + ("?type=todo" if todo else ""),
        headers={"Accept-Encoding": encoding},
    )
    assert response.status_code == 200, response.text
    return response


def items(cal: Calendar, component: str = "VEVENT") -> list[Any]:
    return list(cal.walk(component))


def occurrence_of(item: Any) -> int:
    """The occurrence an entry stands for, from its URL (the DESCRIPTION links it too)."""
    url = str(item["URL"])
    found = OCCURRENCE_LINK.search(url)
    assert found is not None, url
    assert url in str(item["DESCRIPTION"])
    return int(found[1])


def by_occurrence(cal: Calendar, component: str = "VEVENT") -> dict[int, Any]:
    entries = items(cal, component)
    mapped = {occurrence_of(e): e for e in entries}
    assert len(mapped) == len(entries), "an occurrence appears twice"
    return mapped


def window(now: dt.datetime) -> tuple[dt.date, dt.date]:
    today = now.date()
    return today - dt.timedelta(days=90), today + dt.timedelta(days=365)


def read_three_ways(body: bytes, now: dt.datetime, component: str = "VEVENT") -> Calendar:
    """The feed read by icalendar, expanded by recurring-ical-events over the feed's window
    and read by vobject; all three see the same entries with the same text."""
    cal = Calendar.from_ical(body)
    entries = items(cal, component)
    uids = [str(e["UID"]) for e in entries]
    assert len(uids) == len(set(uids)), [u for u, n in Counter(uids).items() if n > 1]
    start, end = window(now)
    expanded = recurring_ical_events.of(cal, components=[component]).between(
        start, end + dt.timedelta(days=2)
    )
    assert sorted(str(e["UID"]) for e in expanded) == sorted(uids)
    parsed = vobject.readOne(body.decode("utf-8"))
    others = parsed.contents.get(component.lower(), [])
    assert [o.uid.value for o in others] == uids
    assert [o.summary.value for o in others] == [str(e["SUMMARY"]) for e in entries]
    assert [o.description.value for o in others] == [str(e["DESCRIPTION"]) for e in entries]
    return cal


async def api_ids(client: AsyncTestClient[Any], now: dt.datetime, **query: str) -> set[int]:
    start, end = window(now)
    response = await client.get(
        "/api/occurrences", params={**query, "from": start.isoformat(), "to": end.isoformat()}
    )
    assert response.status_code == 200, response.text
    return {o["id"] for o in response.json()}


async def occurrence_row(plan: str, key: str) -> dict[str, Any]:
    row = (
        await Occurrence.select(*Occurrence.all_columns())
        .where((Occurrence.plan.key == plan) & (Occurrence.key == key))
        .first()
    )
    assert row is not None, key
    return row


async def weekly_report() -> dict[str, Any]:
    """The weekly report due Thursday 09/04/2026, 16:00–16:15."""
    return await occurrence_row(PLAN, "tuan:2026-W15")


async def complete(client: AsyncTestClient[Any], occurrence_id: int, email: str = LONG) -> None:
    assert await set_password(email, PASSWORD)
    response = await client.post(
        f"/api/occurrences/{occurrence_id}/complete",
        json={"evidence": "Báo cáo số 15/BC-VP ngày 08/04/2026"},
        auth=(email, PASSWORD),
    )
    assert response.status_code == 200, response.text


async def reimport(
    settings: Settings, folder: Path, edit: Callable[[str], str] = str, now: dt.datetime = NOW
) -> None:
    """Export the plan to YAML and import it back (``edit`` changes the text between)."""
    doc = await load_plan_doc((await find_plan(PLAN, Scope.system()))["id"])
    path = folder / f"{PLAN}.yaml"
    path.write_text(edit(plan_to_yaml(doc)), encoding="utf-8")
    outcome = await import_document(path, now=now, actor="test", deadlines=expander_for(settings))
    assert outcome.result.errors == []
    assert outcome.stored is not None


def when(value: Any) -> Any:
    return value.dt


# --------------------------------------------------------------------------- the API's set


async def test_every_dai_son_feed_parses_and_holds_what_the_api_lists(seeded_rw: Settings) -> None:
    settings = seeded_rw.with_changes(public_read=True)
    targets = (
        [("person", email, {"person": email}) for email in _dai_son_people()]
        + [("unit", code, {"unit": code}) for code in _dai_son_units()]
        + [("plan", PLAN, {"plan": PLAN})]
    )
    assert len(targets) > 20
    tokens = {target: await token_for(kind, target) for kind, target, _ in targets}
    seen_any = 0
    async with app_client(settings) as client:
        for _kind, target, query in targets:
            expected = await api_ids(client, NOW, **query)
            events = await get_feed(client, tokens[target])
            cal = read_three_ways(events.content, NOW)
            assert set(by_occurrence(cal)) == expected, target
            todos = await get_feed(client, tokens[target], todo=True)
            todo_cal = read_three_ways(todos.content, NOW, "VTODO")
            assert set(by_occurrence(todo_cal, "VTODO")) == expected, target
            assert items(todo_cal, "VEVENT") == []
            seen_any += bool(expected)
    # Most of Đại Sơn's people and units have work in the window: the comparison means something.
    assert seen_any >= 10


async def test_a_kien_an_feed_in_2023_holds_what_the_api_lists(seeded_rw: Settings) -> None:
    settings = seeded_rw.with_changes(public_read=True)
    person = await token_for("person", KIEN_AN, NOW_2023)
    plan = await token_for("plan", "kien-an-2023", NOW_2023)
    async with app_client(settings, lambda: NOW_2023) as client:
        expected = await api_ids(client, NOW_2023, person=KIEN_AN)
        assert expected
        cal = read_three_ways((await get_feed(client, person)).content, NOW_2023)
        assert set(by_occurrence(cal)) == expected
        todo_cal = read_three_ways(
            (await get_feed(client, person, todo=True)).content, NOW_2023, "VTODO"
        )
        assert set(by_occurrence(todo_cal, "VTODO")) == expected
        whole = await api_ids(client, NOW_2023, plan="kien-an-2023")
        plan_cal = read_three_ways((await get_feed(client, plan)).content, NOW_2023)
        assert set(by_occurrence(plan_cal)) == whole
        assert expected <= whole


@pytest.mark.parametrize("plan", ["le-loi-2022", "doan-ket-2022", "kien-an-2023", "nhat-tan-2024"])
async def test_every_feed_of_the_older_communes_holds_what_the_api_lists(
    seeded_rw: Settings, plan: str
) -> None:
    """Every demo person and unit of the communes whose plans are past, at a day in their
    plan's year: the feed holds exactly what the API lists for the same window."""
    header = yaml.safe_load((SEEDS / "plans" / f"{plan}.yaml").read_text(encoding="utf-8"))
    stem, commune = plan.rsplit("-", 1)[0], header["unit"]
    now = dt.datetime(header["year"], 6, 1, 9, 0, tzinfo=TZ)
    people = yaml.safe_load((SEEDS / "people" / f"{stem}.yaml").read_text(encoding="utf-8"))
    targets = (
        [("person", p["email"], {"person": p["email"]}) for p in people]
        + [("unit", code, {"unit": code}) for code in _commune_units(stem, commune)]
        + [("plan", plan, {"plan": plan})]
    )
    tokens = {target: await token_for(kind, target, now) for kind, target, _ in targets}
    seen_any = 0
    async with app_client(seeded_rw.with_changes(public_read=True), lambda: now) as client:
        for _kind, target, query in targets:
            expected = await api_ids(client, now, **query)
            cal = read_three_ways((await get_feed(client, tokens[target])).content, now)
            assert set(by_occurrence(cal)) == expected, target
            seen_any += bool(expected)
    assert seen_any >= 3


# --------------------------------------------------------------------------- UIDs


async def test_uids_survive_a_reimport_and_completed_work_keeps_its_uid(
    seeded_rw: Settings, tmp_path: Path
) -> None:
    token = await token_for("plan", PLAN)
    report = await weekly_report()
    async with app_client(seeded_rw) as client:
        before = by_occurrence(read_three_ways((await get_feed(client, token)).content, NOW))
        uids = {oid: str(e["UID"]) for oid, e in before.items()}
        assert report["id"] in uids
        # The UID is made of the plan's, the task's and the occurrence's keys.
        task = await Task.select(Task.key).where(Task.id == report["task"]).first()
        assert task is not None
        assert uids[report["id"]] == f"{PLAN}/{task['key']}/tuan:2026-W15@127.0.0.1"
        assert not str(before[report["id"]]["SUMMARY"]).startswith("✓ ")
        sequence = int(before[report["id"]]["SEQUENCE"])
        await complete(client, report["id"])
        await reimport(seeded_rw, tmp_path)
        raw = (await get_feed(client, token)).content
        after = by_occurrence(read_three_ways(raw, NOW))
        assert {oid: str(e["UID"]) for oid, e in after.items()} == uids
        assert len(re.findall(rb"\r\nUID:", raw)) == len(uids)
        done = after[report["id"]]
        assert str(done["SUMMARY"]).startswith("✓ ")
        assert int(done["SEQUENCE"]) > sequence
        # The seed loader run again changes no UID either.
        from tracker.seeds import load_seeds, read_seed_set

        await load_seeds(read_seed_set(seeded_rw.seeds_dir), seeded_rw, NOW)
        again = by_occurrence(read_three_ways((await get_feed(client, token)).content, NOW))
        assert {oid: str(e["UID"]) for oid, e in again.items()} == uids


# --------------------------------------------------------------------------- content


async def test_times_zones_all_day_events_and_vietnamese_text(seeded_rw: Settings) -> None:
    token = await token_for("plan", PLAN)
    unit = await token_for("unit", TTPVHCC)
    report = await weekly_report()
    async with app_client(seeded_rw) as client:
        raw = (await get_feed(client, token)).content
        cal = read_three_ways(raw, NOW)
        unit_raw = (await get_feed(client, unit)).content
        unit_cal = read_three_ways(unit_raw, NOW)
    # The Thursday report: 16:00–16:15 in Hà Nội time, with its zone in the calendar.
    event = by_occurrence(cal)[report["id"]]
    assert event["DTSTART"].params["TZID"] == TZID
    assert event["DTEND"].params["TZID"] == TZID
    start, end = when(event["DTSTART"]), when(event["DTEND"])
    assert start.tzinfo is not None
    assert (start.date(), start.hour, start.minute) == (dt.date(2026, 4, 9), 16, 0)
    assert (end.hour, end.minute) == (16, 15)
    assert end.utcoffset() == dt.timedelta(hours=7)
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20260409T160000\r\n" in raw
    assert b"DTEND;TZID=Asia/Ho_Chi_Minh:20260409T161500\r\n" in raw
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == [TZID]
    # Every entry against its row: all-day for a date deadline, ending the day after;
    # timed ones end at the deadline; the task's words exactly as stored.
    rows = {
        r["id"]: r
        for r in await Occurrence.select(
            *Occurrence.all_columns(),
            Occurrence.task.content.as_alias("content"),
            Occurrence.label,
        ).where(Occurrence.id.is_in(list(by_occurrence(cal))))
    }
    all_day = timed = 0
    for oid, entry in by_occurrence(cal).items():
        row = rows[oid]
        start, end = when(entry["DTSTART"]), when(entry["DTEND"])
        if row["due_at"] is None and row["extended_due_at"] is None:
            all_day += 1
            due = row["extended_due_date"] or row["due_date"]
            assert not isinstance(start, dt.datetime)
            assert end == due + dt.timedelta(days=1), oid
            assert start <= due
        else:
            timed += 1
            due_at = row["extended_due_at"] or row["due_at"]
            assert end == due_at, oid
            assert entry["DTEND"].params["TZID"] == TZID
        description = str(entry["DESCRIPTION"])
        assert row["content"] in description
        summary = str(entry["SUMMARY"])
        content = row["content"]
        assert (content if len(content) <= 90 else content[:87]) in summary
        if row["label"]:
            assert row["label"] in summary
    assert all_day > 0
    assert timed > 0
    # The calendar's own name, in Vietnamese.
    name = "Hạn công việc – Trung tâm Phục vụ hành chính công xã Đại Sơn"
    assert str(unit_cal["X-WR-CALNAME"]) == name
    assert vobject.readOne(unit_raw.decode("utf-8")).x_wr_calname.value == name
    # How often a subscribed client should fetch it again.
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in unit_raw
    assert b"\r\nX-PUBLISHED-TTL:PT1H\r\n" in unit_raw
    assert unit_cal["REFRESH-INTERVAL"].dt == dt.timedelta(hours=1)


async def test_titles_show_status_and_the_alarm_is_the_day_before(seeded_rw: Settings) -> None:
    token = await token_for("plan", PLAN)
    report = await weekly_report()
    last_week = await occurrence_row(PLAN, "tuan:2026-W14")
    day_deadline = (
        await Occurrence.select(Occurrence.id, Occurrence.due_date)
        .where(
            (Occurrence.plan.key == PLAN)
            & Occurrence.due_at.is_null()
            & Occurrence.extended_due_date.is_null()
            & (Occurrence.status == "open")
            & (Occurrence.due_date > NOW.date() + dt.timedelta(days=7))
        )
        .order_by(Occurrence.due_date)
        .first()
    )
    assert day_deadline is not None
    calendar = load_work_calendar(seeded_rw.calendars_dir)
    async with app_client(seeded_rw) as client:
        events = by_occurrence(read_three_ways((await get_feed(client, token)).content, NOW))
        assert str(events[last_week["id"]]["SUMMARY"]).startswith("Quá hạn: ")
        pending = events[report["id"]]
        assert not str(pending["SUMMARY"]).startswith(("Quá hạn: ", "✓ "))
        # The eve of the Thursday report, at 15:00.
        [alarm] = pending.walk("VALARM")
        assert when(alarm["TRIGGER"]) == dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
        assert str(alarm["ACTION"]) == "DISPLAY"
        # A date deadline: 08:00 one working day before.
        [alarm] = events[day_deadline["id"]].walk("VALARM")
        eve = calendar.add_working_days(day_deadline["due_date"], -1)
        assert when(alarm["TRIGGER"]) == dt.datetime.combine(eve, dt.time(8, 0), TZ)
        await complete(client, report["id"])
        events = by_occurrence(read_three_ways((await get_feed(client, token)).content, NOW))
        done = events[report["id"]]
        assert str(done["SUMMARY"]).startswith("✓ ")
        assert done.walk("VALARM") == []  # nothing left to remind of


# --------------------------------------------------------------------------- bytes and HTTP


async def test_the_bytes_are_what_strict_clients_want(seeded_rw: Settings) -> None:
    tokens = [await token_for("plan", PLAN), await token_for("unit", TTPVHCC)]
    async with app_client(seeded_rw) as client:
        answers = [await get_feed(client, t, todo=todo) for t in tokens for todo in (False, True)]
        # Compressed only for a client that asks, and then the same bytes.
        zipped = await get_feed(client, tokens[0], encoding="gzip, deflate")
        assert zipped.headers["content-encoding"] == "gzip"
        assert int(zipped.headers["content-length"]) < len(answers[0].content)
        assert zipped.content == answers[0].content  # httpx undoes the gzip
        assert zipped.headers["vary"] == "Accept-Encoding"
    folded = 0
    for answer in answers:
        assert answer.headers["content-type"] == CT
        assert "content-encoding" not in answer.headers
        assert int(answer.headers["content-length"]) == len(answer.content)
        body = answer.content
        assert body.startswith(b"BEGIN:VCALENDAR\r\n")
        assert body.endswith(b"END:VCALENDAR\r\n")
        assert b"\n" not in body.replace(b"\r\n", b"")
        assert b"\r" not in body.replace(b"\r\n", b"")
        lines = body.split(b"\r\n")[:-1]
        for line in lines:
            assert len(line) <= 75, line
            line.decode("utf-8", errors="strict")  # no character cut in two
        continued = [line for line in lines if line.startswith(b" ")]
        folded += len(continued)
        # Folds fall next to multi-byte Vietnamese characters, and still split none.
        assert any(line[1:2] >= b"\x80" or line[-1:] >= b"\x80" for line in continued)
    assert folded > 100


async def test_etags_and_dates_answer_304_and_head_matches_get(seeded_rw: Settings) -> None:
    token = await token_for("unit", TTPVHCC)
    path = f"/feeds/{token}.ics"
    async with app_client(seeded_rw) as client:

        async def fetch(*, head: bool = False, **headers: str) -> httpx.Response:
            headers = {"Accept-Encoding": "identity", **headers}
            if head:
                return await client.head(path, headers=headers)
            return await client.get(path, headers=headers)

        first = await get_feed(client, token)
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
        for header in (etag, f'"nope", {etag}', f"W/{etag}", f'W/"x",W/{etag}', "*"):
            answer = await fetch(**{"If-None-Match": header})
            assert answer.status_code == 304, header
            assert answer.content == b""
            assert answer.headers["etag"] == etag
        changed = await fetch(**{"If-None-Match": '"nope"'})
        assert changed.status_code == 200
        assert changed.content == first.content
        # If-None-Match decides when both are sent.
        both = await fetch(**{"If-None-Match": '"nope"', "If-Modified-Since": modified})
        assert both.status_code == 200
        same_date = await fetch(**{"If-Modified-Since": modified})
        assert same_date.status_code == 304
        later = parsedate_to_datetime(modified) + dt.timedelta(hours=1)
        assert (
            await fetch(**{"If-Modified-Since": format_datetime(later, usegmt=True)})
        ).status_code == 304
        older = parsedate_to_datetime(modified) - dt.timedelta(seconds=1)
        before = await fetch(**{"If-Modified-Since": format_datetime(older, usegmt=True)})
        assert before.status_code == 200
        assert before.content == first.content
        # The tag a gzip client was given matches too (a weak comparison).
        zipped = await get_feed(client, token, encoding="gzip")
        assert zipped.headers["etag"] != etag
        again = await client.get(
            path, headers={"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["etag"]}
        )
        assert again.status_code == 304
        head = await fetch(head=True)
        assert head.status_code == 200
        assert head.content == b""
        for name in ("etag", "content-type", "content-length", "last-modified"):
            assert head.headers[name] == first.headers[name], name
        assert int(first.headers["content-length"]) == len(first.content)
        head_304 = await fetch(head=True, **{"If-None-Match": etag})
        assert head_304.status_code == 304


async def test_todo_items_carry_due_status_and_completion(seeded_rw: Settings) -> None:
    token = await token_for("plan", PLAN)
    report = await weekly_report()
    async with app_client(seeded_rw) as client:
        todos = by_occurrence(
            read_three_ways((await get_feed(client, token, todo=True)).content, NOW, "VTODO"),
            "VTODO",
        )
        for todo in todos.values():
            assert "DUE" in todo
            assert str(todo["STATUS"]) == "NEEDS-ACTION"
            assert int(todo["PERCENT-COMPLETE"]) == 0
            assert "COMPLETED" not in todo
        open_one = todos[report["id"]]
        assert when(open_one["DUE"]) == dt.datetime(2026, 4, 9, 16, 15, tzinfo=TZ)
        assert open_one["DUE"].params["TZID"] == TZID
        await complete(client, report["id"])
        raw = (await get_feed(client, token, todo=True)).content
        done = by_occurrence(read_three_ways(raw, NOW, "VTODO"), "VTODO")[report["id"]]
        assert str(done["STATUS"]) == "COMPLETED"
        assert int(done["PERCENT-COMPLETE"]) == 100
        assert when(done["COMPLETED"]) == NOW
        assert str(done["SUMMARY"]).startswith("✓ ")
        others = vobject.readOne(raw.decode("utf-8")).contents["vtodo"]
        [mine] = [o for o in others if o.uid.value == str(done["UID"])]
        assert mine.status.value == "COMPLETED"


# --------------------------------------------------------------------------- tokens


async def test_revoked_unknown_and_malformed_tokens_answer_404(seeded_rw: Settings) -> None:
    feed, token = await create_feed("unit", unit_code=TTPVHCC, scope=Scope.system(), now=NOW)
    async with app_client(seeded_rw) as client:
        await get_feed(client, token)  # served, so now cached
        await get_feed(client, token, todo=True)
        await revoke_feed(feed.id, scope=Scope.system(), now=NOW)
        assert (await client.get(f"/feeds/{token}.ics")).status_code == 404
        assert (await client.get(f"/feeds/{token}.ics?type=todo")).status_code == 404
        assert (await client.head(f"/feeds/{token}.ics")).status_code == 404
        assert (await client.get(f"/feeds/{'x' * 32}.ics")).status_code == 404
        # A new token for the same unit works; the old one stays dead.
        _, other = await create_feed("unit", unit_code=TTPVHCC, scope=Scope.system(), now=NOW)
        assert (await client.get(f"/feeds/{other}")).status_code == 404  # no ".ics"
        assert (await client.get("/feeds/.ics")).status_code == 404
        await get_feed(client, other)
        assert (await client.get(f"/feeds/{token}.ics")).status_code == 404
        # Regenerating revokes the old token at once too.
        owner = await Person.select(Person.id).where(Person.email == QUYNH).first()
        assert owner is not None
        mine, mine_token = await create_feed(
            "person", email=QUYNH, scope=Scope.system(), created_by=owner["id"], now=NOW
        )
        await get_feed(client, mine_token)
        _, fresh = await regenerate_feed(mine.id, scope=Scope.system(), now=NOW)
        assert (await client.get(f"/feeds/{mine_token}.ics")).status_code == 404
        await get_feed(client, fresh)


async def test_a_deactivated_persons_feeds_and_the_unit_feeds_they_made_answer_404(
    seeded_rw: Settings,
) -> None:
    quynh = await Person.select(Person.id).where(Person.email == QUYNH).first()
    tuan = await Person.select(Person.id).where(Person.email == TUAN).first()
    assert quynh is not None
    assert tuan is not None
    _, own = await create_feed(
        "person", email=QUYNH, scope=Scope.system(), created_by=quynh["id"], now=NOW
    )
    _, unit_made = await create_feed(
        "unit", unit_code=TTPVHCC, scope=Scope.system(), created_by=quynh["id"], now=NOW
    )
    _, plan_made = await create_feed(
        "plan", plan_ref=PLAN, scope=Scope.system(), created_by=quynh["id"], now=NOW
    )
    _, other = await create_feed(
        "person", email=TUAN, scope=Scope.system(), created_by=tuan["id"], now=NOW
    )
    _, other_unit = await create_feed(
        "unit", unit_code=TTPVHCC, scope=Scope.system(), created_by=tuan["id"], now=NOW
    )
    _, from_cli = await create_feed("unit", unit_code=TTPVHCC, scope=Scope.system(), now=NOW)
    theirs = (own, unit_made, plan_made)
    others = (other, other_unit, from_cli)
    async with app_client(seeded_rw) as client:
        for token in (*theirs, *others):
            await get_feed(client, token)  # served, so now cached in this process
        await Person.update({Person.active: False}).where(Person.id == quynh["id"])
        for token in theirs:
            assert (await client.get(f"/feeds/{token}.ics")).status_code == 404
            assert (await client.get(f"/feeds/{token}.ics?type=todo")).status_code == 404
        for token in others:
            await get_feed(client, token)
        # Given their account back, their links work again.
        await Person.update({Person.active: True}).where(Person.id == quynh["id"])
        for token in theirs:
            await get_feed(client, token)


async def test_a_person_revokes_their_own_feed_through_the_api(seeded_rw: Settings) -> None:
    assert await set_password(QUYNH, PASSWORD)
    async with app_client(seeded_rw) as client:
        made = await client.post("/api/me/feeds", json={"kind": "person"}, auth=(QUYNH, PASSWORD))
        assert made.status_code == 201, made.text
        url = made.json()["url"]
        assert made.json()["webcal"] == url.replace("http://", "webcal://", 1)
        path = "/" + url.split("/", 3)[3]
        assert (await client.get(path)).status_code == 200
        revoked = await client.post(
            f"/api/me/feeds/{made.json()['id']}/revoke", auth=(QUYNH, PASSWORD)
        )
        assert revoked.status_code == 200, revoked.text
        assert (await client.get(path)).status_code == 404


async def _unit_codes(email: str) -> list[str]:
    person = await Person.select(Person.id).where(Person.email == email).first()
    assert person is not None
    rows = await Membership.select(Membership.unit.code.as_alias("code")).where(
        Membership.person == person["id"]
    )
    return [r["code"] for r in rows]


async def test_a_persons_feed_never_shows_another_units_work(seeded_rw: Settings) -> None:
    settings = seeded_rw.with_changes(public_read=True)
    pairs = [(QUYNH, TUAN), (TUAN, QUYNH), (LONG, QUYNH)]
    tokens = {email: await token_for("person", email) for email in (QUYNH, TUAN, LONG)}
    async with app_client(settings) as client:
        for mine, theirs in pairs:
            own = set()
            for code in await _unit_codes(mine):
                own |= await api_ids(client, NOW, unit=code)
            other = set()
            for code in await _unit_codes(theirs):
                other |= await api_ids(client, NOW, unit=code)
            shown = set(
                by_occurrence(read_three_ways((await get_feed(client, tokens[mine])).content, NOW))
            )
            assert shown
            assert shown <= own
            assert other - own, (mine, theirs)
            assert not shown & (other - own)


async def test_communes_never_see_each_others_work(seeded_rw: Settings) -> None:
    # A window wide enough to hold Kiến An's 2023 plan and Đại Sơn's 2026 one at once.
    settings = seeded_rw.with_changes(feed_past_days=4000, feed_future_days=4000)
    kien_an = await token_for("person", KIEN_AN)
    dai_son = await token_for("person", LONG)
    commune = await token_for("unit", COMMUNE)
    kien_an_commune = "an-giang.cho-moi.kien-an"
    communes = {
        r["code"]: r["path"]
        for r in await Unit.select(Unit.code, Unit.path).where(
            Unit.code.is_in([COMMUNE, kien_an_commune])
        )
    }
    assert len(communes) == 2

    async def communes_shown(token: str) -> set[str]:
        body = (await get_feed(client, token)).content
        ids = list(by_occurrence(Calendar.from_ical(body)))
        assert ids
        rows = await Occurrence.select(Occurrence.plan.unit.path.as_alias("path")).where(
            Occurrence.id.is_in(ids)
        )
        return {
            next((c for c, p in communes.items() if r["path"].startswith(p)), "elsewhere")
            for r in rows
        }

    async with app_client(settings) as client:
        assert await communes_shown(kien_an) == {kien_an_commune}
        assert await communes_shown(dai_son) == {COMMUNE}
        assert await communes_shown(commune) == {COMMUNE}


# --------------------------------------------------------------------------- cache


async def test_the_etag_changes_with_the_data_and_only_then(
    seeded_rw: Settings, tmp_path: Path
) -> None:
    token = await token_for("plan", PLAN)
    report = await weekly_report()
    thursday = dt.datetime(2026, 4, 9, 16, 0, tzinfo=TZ)
    clock = [thursday]
    async with app_client(seeded_rw, lambda: clock[0]) as client:
        first = await get_feed(client, token)
        second = await get_feed(client, token)
        assert second.headers["etag"] == first.headers["etag"]
        assert second.content == first.content
        clock[0] = thursday + dt.timedelta(minutes=10)  # nothing changes by 16:10
        later = await get_feed(client, token)
        assert later.headers["etag"] == first.headers["etag"]
        assert later.content == first.content
        # The deadline passes: the report's title turns "Quá hạn".
        clock[0] = report["deadline_at"] + dt.timedelta(minutes=1)
        passed = await get_feed(client, token)
        assert passed.headers["etag"] != first.headers["etag"]
        entry = by_occurrence(Calendar.from_ical(passed.content))[report["id"]]
        assert str(entry["SUMMARY"]).startswith("Quá hạn: ")
        before = by_occurrence(Calendar.from_ical(first.content))[report["id"]]
        assert not str(before["SUMMARY"]).startswith("Quá hạn: ")
        assert parsedate_to_datetime(passed.headers["last-modified"]) > parsedate_to_datetime(
            first.headers["last-modified"]
        )
        stale = await client.get(
            f"/feeds/{token}.ics", headers={"If-None-Match": first.headers["etag"]}
        )
        assert stale.status_code == 200
        # Completing work changes it.
        clock[0] = NOW
        feeds.CACHE.clear()
        base = await get_feed(client, token)
        await complete(client, report["id"])
        completed = await get_feed(client, token)
        assert completed.headers["etag"] != base.headers["etag"]
        assert (await get_feed(client, token)).headers["etag"] == completed.headers["etag"]
        # A re-import that changes a task's words changes it, and the words show.
        task = await Task.select(Task.content).where(Task.id == report["task"]).first()
        assert task is not None
        old = "định kỳ hằng tuần"
        assert old in task["content"]
        new = "định kỳ mỗi tuần một lần"
        clock[0] = NOW + dt.timedelta(minutes=5)
        await reimport(seeded_rw, tmp_path, lambda text: text.replace(old, new), clock[0])
        reworded = await get_feed(client, token)
        assert reworded.headers["etag"] != completed.headers["etag"]
        entry = by_occurrence(Calendar.from_ical(reworded.content))[report["id"]]
        assert new in str(entry["DESCRIPTION"])
        assert old not in str(entry["DESCRIPTION"])
        # A client that only sends the date it was given is not told "not modified".
        assert parsedate_to_datetime(reworded.headers["last-modified"]) == clock[0]
        since = {"If-Modified-Since": completed.headers["last-modified"]}
        assert (await client.get(f"/feeds/{token}.ics", headers=since)).status_code == 200
        # The entry itself says it changed.
        assert when(entry["LAST-MODIFIED"]) == clock[0]


# --------------------------------------------------------------------------- command line


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update(settings_env(settings))
    env["COLUMNS"] = "200"  # the error line is not wrapped
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def test_the_command_line_makes_and_revokes_feed_urls(seeded_rw: Settings) -> None:
    made = _cli(seeded_rw, "feed-url", "--unit", TTPVHCC)
    assert made.returncode == 0, made.stderr
    url, webcal = made.stdout.splitlines()
    assert re.fullmatch(r"https?://[^/]+/feeds/[A-Za-z0-9_-]{32}\.ics", url)
    assert webcal == re.sub(r"^https?://", "webcal://", url)
    found = re.search(r"Đường dẫn số (\d+)", made.stderr)
    assert found is not None
    path = "/" + url.split("/", 3)[3]
    async with app_client(seeded_rw) as client:
        answer = await client.get(path)
        assert answer.status_code == 200
        assert "X-WR-CALNAME:Hạn công việc – Trung tâm Phục vụ hành chính" in answer.text
        todo = _cli(seeded_rw, "feed-url", "--plan", PLAN, "--todo")
        assert todo.returncode == 0, todo.stderr
        assert todo.stdout.splitlines()[0].endswith(".ics?type=todo")
        assert (
            b"BEGIN:VTODO"
            in (await client.get("/" + todo.stdout.split("/", 3)[3].split()[0])).content
        )
        revoked = _cli(seeded_rw, "feed-revoke", found[1])
        assert revoked.returncode == 0, revoked.stderr
        assert (await client.get(path)).status_code == 404  # though this process cached it
    unknown = _cli(seeded_rw, "feed-url", "--person", "khong-co@daison.example.vn")
    assert unknown.returncode == 1
    assert (
        "Không có người dùng nào có địa chỉ e-mail 'khong-co@daison.example.vn'" in unknown.stderr
    )
    for args in ([], ["--unit", TTPVHCC, "--plan", PLAN]):
        wrong = _cli(seeded_rw, "feed-url", *args)
        assert wrong.returncode == 2, args
        assert "Chọn đúng một trong --person EMAIL, --unit CODE hoặc --plan REF" in wrong.stderr


async def test_a_change_without_a_timestamp_of_its_own_moves_last_modified(
    seeded_rw: Settings,
) -> None:
    """A membership carries no date: the data version's own time dates it, so a client
    that sends only If-Modified-Since still downloads the feed that changed."""
    # The real clock, as the triggers use it.
    token = await token_for("person", QUYNH, dt.datetime.now(TZ))
    async with app_client(seeded_rw, lambda: dt.datetime.now(TZ)) as client:
        before = await get_feed(client, token)
        since = before.headers["last-modified"]
        assert (await client.get(f"/feeds/{token}.ics", headers={"If-Modified-Since": since})).status_code == 304  # fmt: skip
        # HTTP dates count whole seconds: a change in the same second as the last one
        # is told by the ETag alone.
        await asyncio.sleep(1.1)
        person = await Person.select(Person.id).where(Person.email == QUYNH).first()
        unit = await Unit.select(Unit.id).where(Unit.code == "hai-phong.dai-son.vp").first()
        await Membership.insert(Membership(person=person["id"], unit=unit["id"]))
        after = await client.get(f"/feeds/{token}.ics", headers={"If-Modified-Since": since})
        assert after.status_code == 200
        assert parsedate_to_datetime(after.headers["last-modified"]) > parsedate_to_datetime(since)
        assert after.headers["etag"] != before.headers["etag"]
