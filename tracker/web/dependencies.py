"""Request-level dependencies shared by API handlers and pages: settings, clock, scope,
and what turns a stored plan into deadlines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from litestar import Request
from litestar.datastructures import State

from tracker.config import Settings
from tracker.deadlines.services import Expander
from tracker.notify.services import expander_for
from tracker.org.guards import viewer_of
from tracker.org.scope import Scope
from tracker.org.throttle import SignInLimits

__all__ = [
    "provide_now",
    "provide_plan_deadlines",
    "provide_scope",
    "provide_settings",
    "provide_sign_in_limits",
]


def provide_settings(state: State) -> Settings:
    settings: Settings = state.settings
    return settings


def provide_now(state: State) -> dt.datetime:
    """The current time in the service's time zone; tests fix it through ``state.clock``."""
    now: dt.datetime = state.clock()
    return now


async def provide_scope(request: Request[Any, Any, Any]) -> Scope:
    """The caller's scope, as the route's guard worked it out."""
    return await viewer_of(request)


def provide_plan_deadlines(state: State) -> Expander:
    """Storing a plan expands its deadlines with the reminder policy's look-ahead."""
    return expander_for(state.settings)


def provide_sign_in_limits(state: State) -> SignInLimits:
    """How many wrong passwords are let through; tests make them tighter or looser."""
    limits: SignInLimits = state.sign_in_limits
    return limits
