"""Where a person lands after signing in without a page to return to: who decides or
watches (chairmen, officers, viewers) on the compliance page; who does the work on
"Việc của tôi"."""

from __future__ import annotations

from tracker.org.services import scope_for_person

__all__ = ["LANDS_ON_COMPLIANCE", "landing_for"]

LANDS_ON_COMPLIANCE = ("chairman", "officer", "viewer")


async def landing_for(person_id: int) -> str:
    scope = await scope_for_person(person_id)
    if scope is None:
        return "/"
    return "/compliance" if scope.role in LANDS_ON_COMPLIANCE else "/me"
