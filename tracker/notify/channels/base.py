"""What every channel is: a name as the outbox stores it, the people it reaches, and a
way to send the outbox rows written for it. Also the one error a send reports."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from tracker.config import Settings
    from tracker.notify.people import PeopleIndex, PersonInfo

__all__ = [
    "Channel",
    "DeliveryError",
    "OnResult",
    "OutboxRow",
    "UnknownChannelError",
    "unsendable",
]

# One row of the outbox, as ``Outbox.select().output(load_json=True)`` gives it.
OutboxRow = dict[str, Any]


class DeliveryError(Exception):
    """A message that did not go out; ``permanent`` when trying again cannot help (the
    server refused the address), else it is retried later."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent


class UnknownChannelError(DeliveryError):
    """An outbox row names a channel no module registers: it can never be sent."""

    def __init__(self, channel: str) -> None:
        super().__init__(
            f"Kênh gửi '{channel}' không có trong sổ kênh của hệ thống, nên tin này không "
            "được gửi đi.",
            permanent=True,
        )
        self.channel = channel


def unsendable(exc: BaseException) -> DeliveryError:
    """The permanent failure of one message whose making or sending raised what no channel
    expects (a header the mail library refuses, a stored payload of the wrong shape):
    trying it again would raise again, so it fails alone and says why."""
    detail = " ".join(str(exc).split())[:300] or "không rõ chi tiết"
    return DeliveryError(
        f"Không tạo hoặc gửi được tin này ({type(exc).__name__}: {detail}); tin bị bỏ riêng, "
        "các tin khác vẫn được gửi.",
        permanent=True,
    )


OnResult = Callable[[int, DeliveryError | None], Awaitable[None]]


class Channel(Protocol):
    """A way a message reaches a person. The outbox's ``channel`` column holds ``name``,
    or ``name:target`` when the channel has several targets (``webhook:12``)."""

    @property
    def name(self) -> str: ...

    @property
    def delivered_when_written(self) -> bool:
        """True when writing the outbox row is the delivery (in-app)."""
        ...

    def destinations(self, person: PersonInfo, people: PeopleIndex) -> list[tuple[str, str]]:
        """The (stored channel, address) pairs by which this channel reaches ``person``;
        none when it does not reach them."""
        ...

    async def send(
        self, settings: Settings, rows: Sequence[OutboxRow], on_result: OnResult
    ) -> None:
        """Send ``rows`` (all of this channel), calling ``on_result(index, error)`` after
        each. A row given no result (the server went away first) goes back to the queue."""
        ...
