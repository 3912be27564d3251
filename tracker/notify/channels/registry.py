"""The channel registry: which module sends the outbox rows of each stored channel
name. A name the registry does not know is an error, never a message quietly dropped."""

from __future__ import annotations

from tracker.notify.channels.base import Channel, UnknownChannelError

__all__ = ["channel_of", "register", "registered"]

_CHANNELS: dict[str, Channel] = {}


def register(channel: Channel) -> Channel:
    """Add ``channel``; its name must be new and hold no ":" (that separates a target)."""
    if ":" in channel.name or channel.name in _CHANNELS:
        raise ValueError(f"Kênh '{channel.name}' trùng tên hoặc có dấu ':' trong tên.")
    _CHANNELS[channel.name] = channel
    return channel


def registered() -> tuple[Channel, ...]:
    """Every channel, in the order registered: the order a message lists them."""
    return tuple(_CHANNELS.values())


def channel_of(stored: str) -> Channel:
    """The channel that sends outbox rows whose ``channel`` column is ``stored``
    (``"email"``, ``"webhook:12"``); :class:`UnknownChannelError` when none does."""
    channel = _CHANNELS.get(stored.partition(":")[0])
    if channel is None:
        raise UnknownChannelError(stored)
    return channel
