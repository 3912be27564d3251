"""The page "Việc của tôi" (``/me``): a signed-in person's own deadlines, the work of the
units they belong to (and of the groups that stand for them): overdue, due this week,
due in the next 30 days, and done recently; each row leads to its occurrence page, and
work that the person may record is marked done from the row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.response import Template

from tracker.config import Settings
from tracker.deadlines.progress import can_complete
from tracker.deadlines.read import OccurrenceView
from tracker.deadlines.services import list_occurrences
from tracker.org.guards import signed_in
from tracker.org.scope import Scope
from tracker.org.services import person_unit_ids
from tracker.plans.services import list_plans

__all__ = ["MyWork", "MyWorkController", "sort_my_work"]

AHEAD_DAYS = 30
RECENT_DAYS = 14


@dataclass
class MyWork:
    overdue: list[OccurrenceView] = field(default_factory=list)
    this_week: list[OccurrenceView] = field(default_factory=list)
    coming: list[OccurrenceView] = field(default_factory=list)
    done: list[OccurrenceView] = field(default_factory=list)


def sort_my_work(views: list[OccurrenceView], now: dt.datetime, tz: dt.tzinfo) -> MyWork:
    """Put each deadline in its list: overdue (oldest first), due by Sunday, due within
    :data:`AHEAD_DAYS`, done in the last :data:`RECENT_DAYS` (newest first)."""
    today = now.astimezone(tz).date()
    sunday = today + dt.timedelta(days=6 - today.weekday())
    ahead = today + dt.timedelta(days=AHEAD_DAYS)
    since = now - dt.timedelta(days=RECENT_DAYS)
    work = MyWork()
    for view in views:
        if view.stored_status == "done":
            if view.completed_at is not None and view.completed_at >= since:
                work.done.append(view)
            continue
        if not view.open:
            continue
        day = view.deadline.astimezone(tz).date()
        if view.deadline < now:
            work.overdue.append(view)
        elif day <= sunday:
            work.this_week.append(view)
        elif day <= ahead:
            work.coming.append(view)
    work.done.sort(key=lambda v: v.completed_at or now, reverse=True)
    return work


class MyWorkController(Controller):
    include_in_schema = False

    @get("/me", guards=[signed_in])
    async def me(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template:
        assert viewer.person_id is not None  # the guard lets only people through
        units = await person_unit_ids(viewer.person_id)
        plans = await list_plans(viewer)
        today = now.astimezone(settings.tz).date()
        views = await list_occurrences(
            tz=settings.tz,
            now=now,
            plan_ids=[p.id for p in plans if p.status != "draft"],
            unit_ids=units,
            end=today + dt.timedelta(days=AHEAD_DAYS),
        )
        work = sort_my_work(views, now, settings.tz)
        open_rows = work.overdue + work.this_week + work.coming
        mine = {v.id for v in open_rows if await can_complete(viewer, v)}
        context = {
            "viewer": viewer,
            "work": work,
            "mine": mine,
            "plans": {p.id: p for p in plans},
            "now": now.astimezone(settings.tz),
            "ahead": AHEAD_DAYS,
            "recent": RECENT_DAYS,
            "has_units": bool(units),
        }
        return Template("me.html", context=context)
