"""The seed set (units, demo people, the five plans): read and checked whole, then loaded.

Reading is pure apart from the files; :func:`load_seeds` writes through the
services, each part idempotent by its stable keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.config import Settings
from tracker.errors import SeedError
from tracker.notify.services import expander_for
from tracker.org.documents import PersonDoc, UnitDoc, read_people, read_units
from tracker.org.services import sync_people, sync_units
from tracker.plans.documents import PlanDoc, read_plan
from tracker.plans.services import store_plan

__all__ = ["SeedReport", "SeedSet", "load_seeds", "read_seed_set"]


@dataclass(frozen=True)
class SeedSet:
    units: list[UnitDoc]
    people: list[PersonDoc]
    plans: list[PlanDoc]


def read_seed_set(seeds_dir: Path) -> SeedSet:
    """Read every seed file under ``seeds_dir``; the first problem raises :class:`SeedError`."""
    if not seeds_dir.is_dir():
        raise SeedError(f"Không có thư mục dữ liệu mẫu {seeds_dir}.")
    units = read_units(sorted((seeds_dir / "units").glob("*.yaml")))
    by_code = {u.code: u for u in units}
    people = read_people(sorted((seeds_dir / "people").glob("*.yaml")), by_code)
    plans = [read_plan(path, by_code) for path in sorted((seeds_dir / "plans").glob("*.yaml"))]
    keys: dict[str, str] = {}
    for plan in plans:
        if plan.key in keys:
            raise SeedError(f"{plan.where}: khóa kế hoạch '{plan.key}' đã dùng ở {keys[plan.key]}.")
        keys[plan.key] = plan.where
    for plan in plans:
        if plan.parent_plan and plan.parent_plan not in keys:
            raise SeedError(
                f"{plan.where}: kế hoạch cấp trên '{plan.parent_plan}' không có trong dữ liệu mẫu."
            )
    return SeedSet(units=units, people=people, plans=plans)


@dataclass
class SeedReport:
    units: Any
    people: Any
    plans: dict[str, Any]

    @property
    def changed(self) -> bool:
        return bool(
            self.units.changed
            or self.people.changed
            or any(result.changed for result in self.plans.values())
        )


async def load_seeds(
    seeds: SeedSet,
    settings: Settings,
    now: dt.datetime,
    on_step: Callable[[], None] = lambda: None,
) -> SeedReport:
    """Write the seed set: units, then people, then each plan in its own transaction."""
    expander = expander_for(settings)
    units = await sync_units(seeds.units)
    on_step()
    people = await sync_people(seeds.people, now)
    on_step()
    plans = {}
    # Parents first, so a child plan can link to its parent.
    for plan in sorted(seeds.plans, key=lambda p: (bool(p.parent_plan), p.key)):
        plans[plan.key] = await store_plan(plan, deadlines=expander, actor="seed", now=now)
        on_step()
    return SeedReport(units=units, people=people, plans=plans)
