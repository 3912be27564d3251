"""Huey jobs of the notify app.

For now one periodic tick a minute, which only logs: the reminder issue gives it
work. Huey's crontab runs in UTC; the domain decides what is due in local time,
so the tick runs every minute and asks the rules.
"""

from __future__ import annotations

import logging

from huey import crontab

from tracker.queue import huey

__all__ = ["tick"]

logger = logging.getLogger(__name__)


@huey.periodic_task(crontab(minute="*"), name="tracker.tick")
def tick() -> None:
    logger.debug("tick")
