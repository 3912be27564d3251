"""The in-app channel: a message is delivered by being written to the outbox, where
``GET /api/me/notifications`` lists it for its person. Everyone has it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tracker.config import Settings
from tracker.notify.channels.base import OnResult, OutboxRow

if TYPE_CHECKING:
    from tracker.notify.people import PeopleIndex, PersonInfo

__all__ = ["IN_APP", "InAppChannel"]

IN_APP = "inapp"


class InAppChannel:
    """Everyone's notifications in the app; written is delivered."""

    name = IN_APP
    delivered_when_written = True

    def destinations(self, person: PersonInfo, people: PeopleIndex) -> list[tuple[str, str]]:
        return [(IN_APP, "")]

    async def send(
        self, settings: Settings, rows: Sequence[OutboxRow], on_result: OnResult
    ) -> None:
        # Written rows are already sent; one queued by hand is delivered just the same.
        for index in range(len(rows)):
            await on_result(index, None)
