"""The seed set: read whole, loaded twice with nothing changed the second time, and the
same content on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import PG_URL, TZ, _truncate_postgres, copy_sqlite
from tests.dump import dump
from tracker import db
from tracker.config import Settings
from tracker.seeds import load_seeds, read_seed_set

SEED_NOW = dt.datetime(2026, 3, 2, 8, 0, tzinfo=TZ)


async def _load(settings: Settings) -> object:
    return await load_seeds(read_seed_set(settings.seeds_dir), settings, SEED_NOW)


def test_the_seed_set_holds_the_five_plans(settings: Settings) -> None:
    seeds = read_seed_set(settings.seeds_dir)
    assert sorted(p.key for p in seeds.plans) == [
        "dai-son-2026", "doan-ket-2022", "kien-an-2023", "le-loi-2022", "nhat-tan-2024",
    ]  # fmt: skip
    communes = {u.code for u in seeds.units if u.kind == "commune"}
    assert communes == {
        "hai-duong.gia-loc.le-loi",
        "hai-duong.huyen-chua-ro.doan-ket",
        "hung-yen.tien-lu.nhat-tan",
        "an-giang.cho-moi.kien-an",
        "hai-phong.dai-son",
    }
    for commune in communes:
        roles = {p.role for p in seeds.people if any(u.startswith(commune) for u in p.units)}
        assert {"officer", "chairman", "member"} <= roles, commune


async def test_seeds_load_twice_and_the_second_load_changes_nothing(
    database: str, settings: Settings
) -> None:
    first = await _load(settings)
    assert first.changed  # type: ignore[attr-defined]
    after_first = await dump()
    second = await _load(settings)
    assert not second.changed  # type: ignore[attr-defined]
    assert await dump() == after_first
    assert len(after_first["plans"]) == 5
    assert after_first["audit_entries"] > 0


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="TRACKER_TEST_DATABASE_URL is not set")
async def test_sqlite_and_postgres_hold_identical_seed_data(
    postgres_ready: str, sqlite_template: Path, tmp_path: Path, settings: Settings
) -> None:
    dumps = []
    for url in (f"sqlite:///{tmp_path / 'a.db'}", postgres_ready):
        if url.startswith("sqlite"):
            copy_sqlite(sqlite_template, tmp_path / "a.db")
        db.bind(db.make_engine(url))
        if url == postgres_ready:
            await _truncate_postgres()
        await _load(settings)
        await _load(settings)
        dumps.append(await dump())
    sqlite_dump, postgres_dump = dumps
    for part in sqlite_dump:
        assert sqlite_dump[part] == postgres_dump[part], part
