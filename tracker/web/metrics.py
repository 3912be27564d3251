"""``/metrics``: the Prometheus text of this host's processes, and the outbox as the
database holds it at the moment of asking (shared by every host, so read, not counted).

Only callers from ``TRACKER_METRICS_ALLOW`` or with ``TRACKER_METRICS_TOKEN`` as a bearer
token read it; another token is refused (403), anyone else is told there is nothing here
(404)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from litestar import Request, Response, get
from litestar.di import NamedDependency
from prometheus_client import CONTENT_TYPE_LATEST
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from tracker.config import Settings
from tracker.errors import NotFoundError, PermissionDeniedError
from tracker.metrics import allowed, exposition
from tracker.notify.tables import Outbox
from tracker.org.guards import public

__all__ = ["metrics_endpoint"]


class _Outbox(Collector):
    """The outbox rows by channel and state, as read just now."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def collect(self) -> Iterator[Metric]:
        family = GaugeMetricFamily(
            "tracker_outbox_rows",
            "Số tin trong hộp thư đi, theo kênh và trạng thái (đọc từ cơ sở dữ liệu).",
            labels=["channel", "state"],
        )
        for row in self.rows:
            family.add_metric([row["channel"], row["state"]], float(row["count"]))
        yield family


async def _outbox_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = await Outbox.raw(
        "SELECT channel, state, COUNT(*) AS count FROM outbox GROUP BY channel, state "
        "ORDER BY channel, state"
    )
    return rows


@get("/metrics", guards=[public], include_in_schema=False)
async def metrics_endpoint(
    request: Request[Any, Any, Any], settings: NamedDependency[Settings]
) -> Response[bytes]:
    client = request.client.host if request.client else None
    verdict = allowed(settings, client, request.headers.get("authorization"))
    if verdict is None:
        raise NotFoundError("Không có trang này.")
    if verdict is False:
        raise PermissionDeniedError("Mã truy cập số liệu vận hành không đúng.")
    body = exposition(_Outbox(await _outbox_rows()))
    return Response(body, media_type=CONTENT_TYPE_LATEST)
