"""API shapes of the org app."""

from __future__ import annotations

import msgspec

__all__ = ["UnitNode", "UnitRef"]


class UnitRef(msgspec.Struct, kw_only=True):
    code: str
    name: str


class UnitNode(msgspec.Struct, kw_only=True):
    code: str
    name: str
    kind: str
    aliases: list[str]
    children: list[UnitNode]
