"""HTTP API of the org app: the unit tree."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, get
from litestar.di import NamedDependency

from tracker.errors import ERROR_RESPONSES
from tracker.org.guards import readable
from tracker.org.schemas import UnitNode
from tracker.org.scope import Scope
from tracker.org.services import unit_tree

__all__ = ["UnitController"]


class UnitController(Controller):
    path = "/api/units"
    tags = ("Đơn vị",)
    guards = (readable,)

    @get("/", summary="Cây đơn vị (trong phạm vi của người xem)", responses=ERROR_RESPONSES)
    async def list_units(self, viewer: NamedDependency[Scope]) -> list[UnitNode]:
        tree: list[dict[str, Any]] = await unit_tree(viewer)
        return msgspec.convert(tree, list[UnitNode])
