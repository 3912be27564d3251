"""``tracker demo communes N`` and ``tracker demo history``: real communes of Hải Phòng,
each with Đại Sơn's units, people, plan and a history, added once; the copies are what
the store would have made of the same plan."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from vietnam_provinces import Province, Ward

from tests.conftest import TZ
from tracker import db
from tracker.cli import main
from tracker.cli.common import run
from tracker.cli.serve import _prepare as prepare
from tracker.config import load_settings
from tracker.deadlines.services import materialize_plan
from tracker.deadlines.tables import Occurrence
from tracker.demo.communes import city_targets, load_template
from tracker.demo.history import COPY_MARK, MARKER
from tracker.notify.services import expander_for
from tracker.org.tables import Membership, Person, Unit
from tracker.plans.tables import Plan, Task, TaskUnit

NOW = "2026-06-30T17:00:00+07:00"


def env_for(data_dir: Path) -> dict[str, str]:
    return {"TRACKER_DATA_DIR": str(data_dir)}


def test_hai_phong_has_its_real_communes_less_the_seeded_one(tmp_path: Path) -> None:
    settings = load_settings(env=env_for(tmp_path))
    targets = city_targets(load_template(settings, expander_for(settings)))
    city = next(p for p in Province.iter_all() if p.codename == "hai_phong")
    real = {w.name for w in Ward.iter_by_province(city.code)}
    assert len(real) == 114  # the map after 01/7/2025
    assert len(targets) == 113
    assert {f"{t.division[0].upper()}{t.division[1:]} {t.name}" for t in targets} == real - {
        "Xã Đại Sơn"
    }
    assert len({t.code for t in targets}) == len({t.plan_key for t in targets}) == 113
    assert all(t.code.startswith("hai-phong.") for t in targets)


async def stored(url: str) -> dict[str, object]:
    db.bind(db.make_engine(url))
    plans = await Plan.select(Plan.id, Plan.key, Plan.source, Plan.unit.code.as_alias("unit"))
    communes = await Unit.select(Unit.code, Unit.name, Unit.path).where(Unit.kind == "commune")
    counts = {}
    for plan in plans:
        counts[plan["key"]] = {
            "deadlines": await Occurrence.count().where(Occurrence.plan == plan["id"]),
            "done": await Occurrence.count().where(
                (Occurrence.plan == plan["id"]) & (Occurrence.status == "done")
            ),
            "tasks": await Task.count().where(Task.plan == plan["id"]),
            "passed": await Occurrence.count().where(
                (Occurrence.plan == plan["id"])
                & (Occurrence.deadline_at <= dt.datetime.fromisoformat(NOW))
            ),
        }
    marked = await Occurrence.select(Occurrence.evidence).where(Occurrence.status == "done")
    leads = await TaskUnit.select(TaskUnit.unit.code.as_alias("code"))
    people = await Person.select(Person.email, Person.role)
    heads = await Membership.select(Membership.unit.code.as_alias("code")).where(
        Membership.is_head == True  # noqa: E712
    )
    await db.close()
    return {
        "plans": plans, "communes": communes, "counts": counts, "marked": marked,
        "leads": leads, "people": people, "heads": heads,
    }  # fmt: skip


def test_tracker_demo_communes_3_adds_three_communes_with_a_plan_and_a_history(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    env = env_for(tmp_path / "data")
    result = runner.invoke(main, ["demo", "communes", "3", "--now", NOW], env=env)
    assert result.exit_code == 0, result.output
    assert "Xã mới" in result.output
    url = f"sqlite:///{tmp_path / 'data' / 'tracker.db'}"
    found = asyncio.run(stored(url))

    communes = found["communes"]
    assert isinstance(communes, list)
    assert len(communes) == 3
    assert all(c["path"].startswith("/hai-phong/") for c in communes)
    assert all(c["name"].startswith("UBND ") for c in communes)
    plans = found["plans"]
    assert isinstance(plans, list)
    assert len(plans) == 3
    assert {p["unit"] for p in plans} == {c["code"] for c in communes}
    assert all(p["source"] and COPY_MARK in str(p["source"]) for p in plans)
    counts = found["counts"]
    assert isinstance(counts, dict)
    settings = load_settings(env=env)
    template = load_template(settings, expander_for(settings))
    for plan in plans:
        # Đại Sơn's plan whole: its task tree, its deadlines, a history of those passed.
        got = counts[plan["key"]]
        assert got["tasks"] == len(list(template.plan.walk()))
        assert got["deadlines"] == sum(len(specs) for specs in template.specs.values())
        assert 0.6 * got["passed"] <= got["done"] < got["passed"]
    marked = found["marked"]
    assert isinstance(marked, list)
    assert all(m["evidence"].endswith(MARKER) for m in marked)
    # The tasks name the new commune's units, never Đại Sơn's.
    leads = found["leads"]
    assert isinstance(leads, list)
    assert not any(row["code"].startswith("hai-phong.dai-son") for row in leads)
    people = found["people"]
    assert isinstance(people, list)
    assert len(people) == 18
    assert sorted({p["role"] for p in people}) == ["chairman", "member", "officer"]

    again = runner.invoke(main, ["demo", "communes", "3", "--now", NOW], env=env)
    assert again.exit_code == 0, again.output
    assert asyncio.run(stored(url)) == found

    too_many = runner.invoke(main, ["demo", "communes", "200"], env=env)
    assert too_many.exit_code == 1
    assert "chỉ thêm được tối đa 113, không phải 200" in too_many.output


def test_a_copy_is_what_the_store_would_have_made(tmp_path: Path) -> None:
    """Expanding a copied plan through the service changes nothing: the bulk copy wrote
    the same deadlines, with the same assignees."""
    env = env_for(tmp_path / "data")
    assert CliRunner().invoke(main, ["seed"], env=env).exit_code == 0
    result = CliRunner().invoke(main, ["demo", "communes", "2", "--now", NOW], env=env)
    assert result.exit_code == 0, result.output
    settings = load_settings(env=env)

    async def expand_copies() -> list[str]:
        db.bind(db.make_engine(settings.effective_database_url))
        expander = expander_for(settings)
        out = []
        for plan in await Plan.select(Plan.id, Plan.key).where(Plan.key.like("hai-phong-%")):
            counts = await materialize_plan(
                plan["id"], expander=expander, actor="cli", now=dt.datetime.now(TZ)
            )
            out.append(f"{plan['key']}: {counts.changed}")
        await db.close()
        return out

    assert sorted(asyncio.run(expand_copies())) == sorted(
        f"{t.plan_key}: 0"
        for t in city_targets(load_template(settings, expander_for(settings)))[:2]
    )


def test_tracker_demo_history_records_once(tmp_path: Path) -> None:
    runner = CliRunner()
    env = env_for(tmp_path / "data")
    assert runner.invoke(main, ["seed"], env=env).exit_code == 0
    first = runner.invoke(main, ["demo", "history", "--now", NOW], env=env)
    assert first.exit_code == 0, first.output
    assert "Đã ghi các thay đổi." in first.output
    second = runner.invoke(main, ["demo", "history", "--now", NOW], env=env)
    assert second.exit_code == 0, second.output
    said = " ".join(second.output.split())
    assert "0 ghi hoàn thành đúng hạn, 0 hoàn thành quá hạn" in said
    assert "Không có thay đổi." in said


def test_serve_demo_seeds_an_empty_database_with_a_history_once(tmp_path: Path) -> None:
    """What ``serve --demo`` does before serving: seed, record the history up to now, and
    list every demo person's password, the viewers among them; a second start finds
    plans and leaves them alone."""
    settings = load_settings(env=env_for(tmp_path / "data"))

    async def done() -> list[str]:
        rows = await Occurrence.select(Occurrence.evidence).where(Occurrence.status == "done")
        return sorted(r["evidence"] for r in rows)

    run(settings, lambda: prepare(settings, True))
    first = run(settings, done)
    assert len(first) > 100
    assert all(evidence.endswith(MARKER) for evidence in first)
    listed = (settings.data_dir / "demo-passwords.txt").read_text(encoding="utf-8")
    for viewer in ("tam.btt@haiphong.example.vn", "yen.dth@haiduong.example.vn"):
        line = next(line for line in listed.splitlines() if line.startswith(viewer + "\t"))
        assert "chỉ xem" in line
    run(settings, lambda: prepare(settings, True))
    assert run(settings, done) == first
