"""``tracker units load-national`` and ``tracker demo national``: the provinces and communes
of the map after 01/7/2025 from ``vietnam-provinces``, each commune with the standard
offices; loading again adds nothing, units already there keep their codes and names, and
an imported plan finds its commune or asks to choose among the communes of its name."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import asyncpg
import docx
from click.testing import CliRunner, Result
from vietnam_provinces import Province, Ward

from tests.conftest import TZ
from tracker import db
from tracker.cli import main
from tracker.config import load_settings
from tracker.deadlines.services import materialize_plan
from tracker.notify.services import expander_for
from tracker.org.national import STANDARD_UNITS
from tracker.org.tables import Membership, Person, Unit
from tracker.plans.tables import Plan

NOW = "2026-06-30T17:00:00+07:00"
LAI_CHAU = next(p for p in Province.iter_all() if p.codename == "lai_chau")
LAI_CHAU_NAMES = {w.name for w in Ward.iter_by_province(LAI_CHAU.code)}


def cli(database: str, tmp_path: Path, *args: str) -> Result:
    env = {"TRACKER_DATA_DIR": str(tmp_path), "TRACKER_DATABASE_URL": database}
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result


async def _units(url: str) -> list[dict[str, Any]]:
    db.bind(db.make_engine(url))
    rows = await Unit.select(
        Unit.id, Unit.code, Unit.name, Unit.kind, Unit.path, Unit.depth, Unit.aliases,
        Unit.parent.code.as_alias("parent_code"),
    ).order_by(Unit.code).output(load_json=True)  # fmt: skip
    await db.close()
    return rows


def units(url: str) -> list[dict[str, Any]]:
    return asyncio.run(_units(url))


def said(result: Result) -> str:
    return " ".join(result.output.split())


def test_one_province_with_its_communes_and_their_standard_offices_loads_once(
    database: str, tmp_path: Path
) -> None:
    first = cli(database, tmp_path, "units", "load-national", "--province", "lai-chau")
    assert "Xã, phường, đặc khu thêm mới │ 38 │" in said(first)
    assert "Xã được thêm các cơ quan, chức danh chuẩn │ 38 │" in said(first)
    loaded = units(database)
    province = [u for u in loaded if u["code"] == "lai-chau"]
    assert [(u["name"], u["kind"], u["parent_code"]) for u in province] == [
        ("UBND tỉnh Lai Châu", "province", None)
    ]
    communes = [u for u in loaded if u["kind"] == "commune"]
    assert len(communes) == len(LAI_CHAU_NAMES) == 38
    # "UBND xã Lê Lợi" for "Xã Lê Lợi": the package's names, under the province.
    assert {u["name"].removeprefix("UBND ") for u in communes} == {
        n[0].lower() + n[1:] for n in LAI_CHAU_NAMES
    }
    assert all(u["parent_code"] == "lai-chau" and u["depth"] == 1 for u in communes)
    le_loi = next(u for u in communes if u["name"] == "UBND xã Lê Lợi")
    assert le_loi["code"] == "lai-chau.xa-le-loi"
    assert "UBND xã" in le_loi["aliases"]
    offices = {u["code"]: u for u in loaded if u["parent_code"] == le_loi["code"]}
    assert {code: (u["name"], u["kind"]) for code, u in offices.items()} == {
        "lai-chau.xa-le-loi.chu-tich": ("Chủ tịch UBND xã Lê Lợi", "position"),
        "lai-chau.xa-le-loi.pct": ("Phó Chủ tịch UBND xã Lê Lợi", "position"),
        "lai-chau.xa-le-loi.vp": ("Văn phòng HĐND và UBND xã Lê Lợi", "office"),
        "lai-chau.xa-le-loi.kinh-te": ("Phòng Kinh tế xã Lê Lợi", "office"),
        "lai-chau.xa-le-loi.vh-xh": ("Phòng Văn hóa - Xã hội xã Lê Lợi", "office"),
        "lai-chau.xa-le-loi.ttphvhcc": ("Trung tâm Phục vụ hành chính công xã Lê Lợi", "office"),
    }
    assert all(u["path"] == f"{le_loi['path']}{u['code']}/" for u in offices.values())
    assert len(loaded) == 1 + 38 * (1 + len(STANDARD_UNITS))

    again = cli(database, tmp_path, "units", "load-national", "--province", "lai-chau")
    assert "Tổng số đơn vị thêm mới │ 0 │" in said(again)
    assert "Xã, phường, đặc khu đã có từ trước │ 38 │" in said(again)
    assert units(database) == loaded


async def _add_by_hand(url: str) -> None:
    """Lai Châu renamed, and its xã Lê Lợi under a code and name of its own, with one
    office: what an officer may have made before the list was loaded."""
    db.bind(db.make_engine(url))
    province = Unit(code="lai-chau", name="Tỉnh Lai Châu (tự đặt)", kind="province",
                    path="/lai-chau/", depth=0)  # fmt: skip
    await province.save()
    commune = Unit(code="lai-chau.le-loi", name="UBND xã Lê Lợi", kind="commune",
                   parent=province.id, path="/lai-chau/lai-chau.le-loi/", depth=1)  # fmt: skip
    await commune.save()
    await Unit(code="lai-chau.le-loi.mot-cua", name="Bộ phận Một cửa", kind="office",
               parent=commune.id, path="/lai-chau/lai-chau.le-loi/lai-chau.le-loi.mot-cua/",
               depth=2).save()  # fmt: skip
    await db.close()


def test_units_already_there_keep_their_codes_names_and_offices(
    database: str, tmp_path: Path
) -> None:
    asyncio.run(_add_by_hand(database))
    before = {u["code"]: u for u in units(database)}
    result = cli(
        database, tmp_path, "units", "load-national", "--province", "lai-chau",
        "--province", "hai-phong",
    )  # fmt: skip
    assert "Xã, phường, đặc khu đã có từ trước │ 1 │" in said(result)
    after = {u["code"]: u for u in units(database)}
    assert all(after[code] == row for code, row in before.items())
    # No second Lê Lợi, and none of the standard offices: it has one of its own.
    assert [c for c, u in after.items() if u["name"] == "UBND xã Lê Lợi"] == ["lai-chau.le-loi"]
    assert [c for c in after if c.startswith("lai-chau.le-loi.")] == ["lai-chau.le-loi.mot-cua"]
    # Xã Đại Sơn takes the code the seeds and the demo give it, its offices the seeds'.
    assert after["hai-phong.dai-son"]["name"] == "UBND xã Đại Sơn"
    assert "hai-phong.xa-dai-son" not in after
    assert {"hai-phong.dai-son.vp", "hai-phong.dai-son.kinh-te"} <= set(after)
    assert sum(u["kind"] == "commune" for u in after.values()) == 38 + 114


async def _pg_clock(url: str) -> dt.datetime:
    connection = await asyncpg.connect(url)
    try:
        moment: dt.datetime = await connection.fetchval("SELECT clock_timestamp()")
    finally:
        await connection.close()
    return moment


async def _pg_statistics(url: str, table: str) -> tuple[dt.datetime | None, float, int]:
    """When ``table`` was last analyzed by hand (not by autovacuum), how many rows the
    planner believes it holds, and how many it holds."""
    connection = await asyncpg.connect(url)
    try:
        row = await connection.fetchrow(
            "SELECT s.last_analyze, c.reltuples FROM pg_stat_user_tables s"
            " JOIN pg_class c ON c.oid = s.relid WHERE s.schemaname = 'public'"
            " AND s.relname = $1",
            table,
        )
        count = await connection.fetchval(f'SELECT count(*) FROM "{table}"')
    finally:
        await connection.close()
    return row["last_analyze"], float(row["reltuples"]), int(count)


def sqlite_statistics(url: str, table: str) -> list[str]:
    """The rows ``sqlite_stat1`` holds for ``table`` (none before any ANALYZE)."""
    path = url.split("://", 1)[1].removeprefix("/")
    with sqlite3.connect(path) as connection:
        if not connection.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).fetchone():
            return []
        rows = connection.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = ?", (table,))
        return [r[0] for r in rows]


class Statistics:
    """Whether the planner's statistics of tables were made after this point."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = url.startswith("postgres")
        self.since = asyncio.run(_pg_clock(url)) if self.postgres else None

    def fresh(self, table: str) -> bool:
        if not self.postgres:
            return bool(sqlite_statistics(self.url, table))
        analyzed, believed, count = asyncio.run(_pg_statistics(self.url, table))
        assert self.since is not None
        return analyzed is not None and analyzed >= self.since and believed == count > 0


def test_loading_the_national_list_leaves_the_planner_statistics_of_what_it_filled(
    database: str, tmp_path: Path
) -> None:
    # Without them PostgreSQL takes a table of thousands of new rows for an empty one
    # until autovacuum comes by, and plans nested loops over it.
    statistics = Statistics(database)
    assert not statistics.fresh("unit")
    cli(database, tmp_path, "units", "load-national", "--province", "lai-chau")
    assert statistics.fresh("unit")
    assert statistics.fresh("audit_entry")
    assert not statistics.fresh("occurrence")  # it filled nothing else


def _plan_document(path: Path, head: list[str]) -> Path:
    document = docx.Document()
    for line in head:
        document.add_paragraph(line)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    table = document.add_table(rows=0, cols=4)
    for values in (
        ["STT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì"],
        ["1", "Rà soát thủ tục hành chính", "Trước ngày 31/8/2026", "Văn phòng HĐND và UBND xã"],
        ["2", "Báo cáo kết quả", "Trước ngày 15/12/2026", "Phòng Kinh tế"],
    ):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    document.save(str(path))
    return path


def preview(database: str, tmp_path: Path, path: Path, *extra: str) -> dict[str, Any]:
    result = cli(database, tmp_path, "import", str(path), "--dry-run", "--json", *extra)
    summary: dict[str, Any] = json.loads(result.output)
    return summary


def test_an_imported_plan_finds_its_commune_or_asks_among_those_of_its_name(
    database: str, tmp_path: Path
) -> None:
    cli(database, tmp_path, "units", "load-national", "--province", "lai-chau",
        "--province", "hung-yen")  # fmt: skip
    date_line = "Lê Lợi, ngày 05 tháng 3 năm 2026"
    shared = _plan_document(tmp_path / "le-loi.docx", ["ỦY BAN NHÂN DÂN XÃ LÊ LỢI", date_line])
    asked = preview(database, tmp_path, shared)
    assert asked["unit"] is None
    choose = asked["review"][0]
    assert choose["field"] == "đơn vị ban hành"
    assert sorted(choose["suggestions"]) == ["hung-yen.xa-le-loi", "lai-chau.xa-le-loi"]
    assert choose["reason"].startswith("Có 2 xã tên 'Lê Lợi'; hãy chọn đơn vị ban hành")
    assert "UBND xã Lê Lợi, UBND tỉnh Hưng Yên (hung-yen.xa-le-loi)" in choose["reason"]

    # Chosen, its units are the commune's standard offices.
    chosen = preview(database, tmp_path, shared, "--unit", "hung-yen.xa-le-loi")
    assert chosen["unit"] == "hung-yen.xa-le-loi"
    assert chosen["plan"] == "xa-le-loi-2026"
    assert chosen["review"] == []
    assert chosen["errors"] == []

    # The province the head names picks one.
    placed = _plan_document(
        tmp_path / "hy.docx", ["UBND TỈNH HƯNG YÊN", "ỦY BAN NHÂN DÂN XÃ LÊ LỢI", date_line]
    )
    assert preview(database, tmp_path, placed)["unit"] == "hung-yen.xa-le-loi"

    # A name only one commune has finds it.
    lone = next(n for n in sorted(LAI_CHAU_NAMES) if n.startswith("Xã ") and n != "Xã Lê Lợi")
    head = [f"ỦY BAN NHÂN DÂN {lone.upper()}", f"{lone[3:]}, ngày 05 tháng 3 năm 2026"]
    found = preview(database, tmp_path, _plan_document(tmp_path / "lone.docx", head))
    assert found["unit"].startswith("lai-chau.xa-")
    assert found["errors"] == []


async def _demo_counts(url: str) -> dict[str, Any]:
    db.bind(db.make_engine(url))
    plans = await Plan.select(Plan.key, Plan.unit.code.as_alias("unit"), Plan.title)
    out = {
        "communes": await Unit.count().where(Unit.kind == "commune"),
        "plans": sorted((p["key"], p["unit"], p["title"]) for p in plans),
        "people": await Person.count(),
        "heads": await Membership.count().where(Membership.is_head == True),  # noqa: E712
    }
    await db.close()
    return out


async def _expanded_again(url: str, data_dir: Path, key: str) -> int:
    settings = load_settings(env={"TRACKER_DATA_DIR": str(data_dir)})
    db.bind(db.make_engine(url))
    plan = await Plan.select(Plan.id).where(Plan.key == key).first()
    assert plan is not None
    counts = await materialize_plan(
        plan["id"], expander=expander_for(settings), actor="cli", now=dt.datetime.now(TZ)
    )
    await db.close()
    return counts.changed


def test_tracker_demo_national_on_one_province_with_two_plans_each(
    database: str, tmp_path: Path
) -> None:
    statistics = Statistics(database)
    first = cli(database, tmp_path, "demo", "national", "--province", "lai-chau", "--plans",
                "2", "--now", NOW)  # fmt: skip
    assert "Xã mới có người dùng và kế hoạch │ 38 │" in said(first)
    assert all(statistics.fresh(t) for t in ("unit", "person", "plan", "task", "occurrence"))
    found = asyncio.run(_demo_counts(database))
    assert found["communes"] == 38
    assert found["people"] == 38 * 6
    # The chairman heads the commune, four heads of offices theirs; the officer heads none.
    assert found["heads"] == 38 * 5
    plans = found["plans"]
    assert len(plans) == 76
    assert ("lai-chau-xa-le-loi-2026", "lai-chau.xa-le-loi") in {p[:2] for p in plans}
    second = next(p for p in plans if p[0] == "lai-chau-xa-le-loi-2026-2")
    assert second[1] == "lai-chau.xa-le-loi"
    assert second[2].endswith("(bản 2)")
    assert all("Lê Lợi" in title for key, _, title in plans if "xa-le-loi" in key)

    # What COPY (PostgreSQL) or the INSERTs wrote is what the store would have: expanding
    # a copy through the service changes nothing.
    assert asyncio.run(_expanded_again(database, tmp_path, "lai-chau-xa-le-loi-2026-2")) == 0

    again = cli(database, tmp_path, "demo", "national", "--province", "lai-chau", "--now", NOW)
    assert "Đã có từ trước │ 38 │" in said(again)
    assert asyncio.run(_demo_counts(database)) == found


def test_an_unknown_province_is_refused_with_the_codes(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["units", "load-national", "--province", "hai-duong"],
        env={"TRACKER_DATA_DIR": str(tmp_path)},
    )  # fmt: skip
    assert result.exit_code == 1
    assert "Không có tỉnh, thành phố mã 'hai-duong'" in said(result)
    assert "lai-chau" in result.output
    assert not (tmp_path / "tracker.db").exists()
