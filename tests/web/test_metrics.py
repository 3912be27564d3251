"""/metrics through the app's own HTTP client: who may read it (an allowed network, the
bearer token; 403 for a wrong token, 404 for anyone else), and what it says, read back
with prometheus-client's own parser: the outbox by channel and state as the database
holds it, request latency by route template, feed builds and cache hits, the reminder
pass and the deliveries by channel. Also the X-Request-ID echo and the JSON log lines."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from typing import Any

import httpx
import pytest
from litestar.testing import AsyncTestClient
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import TZ
from tests.forms import sign_in
from tracker.app import create_app
from tracker.config import Settings
from tracker.logs import JsonLines
from tracker.notify import feeds, jobs
from tracker.notify.feeds import create_feed
from tracker.notify.tables import Outbox
from tracker.org.scope import Scope
from tracker.plans.tables import Plan

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
TOKEN = "metrics-token-for-the-tests-0123456789"


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of the exposition, by name and sorted labels."""
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[sample.name, tuple(sorted(sample.labels.items()))] = sample.value
    return found


def total(text: str, name: str, **labels: str) -> float:
    """The sum of the samples called ``name`` whose labels include ``labels``."""
    return sum(
        value
        for (sample, sample_labels), value in samples(text).items()
        if sample == name and set(labels.items()) <= set(sample_labels)
    )


def _app(settings: Settings, **changes: Any) -> Any:
    feeds.CACHE.clear()
    return create_app(settings.with_changes(**changes), clock=lambda: NOW, bind_database=False)


async def _scrape(app: Any, client: tuple[str, int], **headers: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app, client=client)
    async with httpx.AsyncClient(transport=transport, base_url="http://tracker.test") as http:
        return await http.get("/metrics", headers=headers)


async def test_only_allowed_networks_or_the_token_read_the_metrics(seeded: Settings) -> None:
    app = _app(seeded, metrics_allow=("10.0.0.0/8", "::1/128"), metrics_token=TOKEN)
    assert (await _scrape(app, ("10.2.3.4", 5000))).status_code == 200
    assert (await _scrape(app, ("::1", 5000))).status_code == 200
    assert (await _scrape(app, ("::ffff:10.9.9.9", 5000))).status_code == 200
    outside = await _scrape(app, ("192.0.2.7", 5000))
    assert outside.status_code == 404
    assert "tracker_" not in outside.text
    with_token = await _scrape(app, ("192.0.2.7", 5000), authorization=f"Bearer {TOKEN}")
    assert with_token.status_code == 200
    assert with_token.headers["content-type"].startswith("text/plain")
    wrong = await _scrape(app, ("192.0.2.7", 5000), authorization=f"Bearer {TOKEN[:-1]}x")
    assert wrong.status_code == 403
    assert "tracker_" not in wrong.text
    # Without a configured token, no token opens it.
    no_token = _app(seeded, metrics_allow=(), metrics_token="")
    assert (await _scrape(no_token, ("127.0.0.1", 1), authorization="Bearer ")).status_code == 403
    assert (await _scrape(no_token, ("127.0.0.1", 1))).status_code == 404


async def test_the_outbox_is_read_from_the_database_by_channel_and_state(
    seeded_rw: Settings,
) -> None:
    def row(key: str, channel: str, state: str) -> Outbox:
        return Outbox(key=key, channel=channel, state=state, next_attempt_at=NOW, created_at=NOW)

    await Outbox.insert(
        row("a", "email", "queued"), row("b", "email", "queued"), row("c", "email", "failed"),
        row("d", "webhook", "sent"),
    )  # fmt: skip
    app = _app(seeded_rw, metrics_token=TOKEN)
    async with AsyncTestClient(app=app) as client:
        response = await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    text = response.text
    assert total(text, "tracker_outbox_rows", channel="email", state="queued") == 2
    assert total(text, "tracker_outbox_rows", channel="email", state="failed") == 1
    assert total(text, "tracker_outbox_rows", channel="webhook", state="sent") == 1
    assert total(text, "tracker_outbox_rows", state="sending") == 0


async def test_requests_are_timed_by_route_template_and_feeds_counted(seeded_rw: Settings) -> None:
    plan = await Plan.select(Plan.id).first()
    assert plan is not None
    _, token = await create_feed(
        "unit", unit_code="hai-phong.dai-son", scope=Scope.system(), now=NOW
    )
    app = _app(seeded_rw, metrics_token=TOKEN, public_read=True)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    async with AsyncTestClient(app=app) as client:
        before = (await client.get("/metrics", headers=auth)).text
        for _ in range(2):
            assert (await client.get(f"/api/plans/{plan['id']}")).status_code == 200
        assert (await client.get("/no/such/page/12345")).status_code == 404
        for _ in range(3):
            assert (await client.get(f"/feeds/{token}.ics")).status_code == 200
        after = (await client.get("/metrics", headers=auth)).text
    name = "tracker_http_request_duration_seconds_count"

    def grew(**labels: str) -> float:
        return total(after, name, **labels) - total(before, name, **labels)

    routes = {dict(k[1]).get("route") for k in samples(after) if k[0] == name}
    assert grew(route="/api/plans/{ref}", method="GET", status="200") == 2, routes
    assert grew(route="unmatched", status="404") == 1
    assert grew(route="/feeds/{filename}") == 3
    # No raw path is ever a label: neither the plan's id nor the feed's token.
    assert f"/api/plans/{plan['id']}" not in after
    assert token[:10] not in after
    assert (
        total(after, "tracker_feed_builds_total") - total(before, "tracker_feed_builds_total") == 1
    )
    hits = "tracker_feed_cache_hits_total"
    assert total(after, hits) - total(before, hits) == 2


async def test_a_pass_and_its_deliveries_are_counted(
    seeded_rw: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The jobs of this process use these settings and the database the test bound.
    monkeypatch.setitem(jobs._state, "settings", seeded_rw)
    monkeypatch.setitem(jobs._state, "bound", True)
    app = _app(seeded_rw, metrics_token=TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    async with AsyncTestClient(app=app) as client:
        before = (await client.get("/metrics", headers=auth)).text
        written, sent = await jobs.run_pass(NOW)
        after = (await client.get("/metrics", headers=auth)).text
    assert written > 0  # the seeded plans have work due in April
    passes = "tracker_reminder_pass_duration_seconds_count"
    assert total(after, passes) - total(before, passes) == 1
    tried = "tracker_deliveries_total"
    assert total(after, tried, result="sent") - total(before, tried, result="sent") == sent
    assert total(after, tried, channel="email") > total(before, tried, channel="email")


async def test_each_response_carries_a_request_id(settings: Settings) -> None:
    app = create_app(settings, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        given = await client.get("/healthz", headers={"X-Request-ID": "proxy-abc.123:7"})
        assert given.headers["x-request-id"] == "proxy-abc.123:7"
        made = (await client.get("/healthz")).headers["x-request-id"]
        again = (await client.get("/healthz")).headers["x-request-id"]
        assert len(made) == 32
        assert made != again
        insane = "a b<script>" * 20  # spaces, markup, too long: replaced, never echoed
        echoed = (await client.get("/healthz", headers={"X-Request-ID": insane})).headers
        assert len(echoed["x-request-id"]) == 32
        assert "<" not in echoed["x-request-id"]
        # Errors too, outside any route: a 404 has its id.
        missing = await client.get("/nothing-here", headers={"X-Request-ID": "req-404"})
        assert missing.status_code == 404
        assert missing.headers["x-request-id"] == "req-404"


async def test_json_lines_carry_the_request_id_of_the_request_being_handled(
    database: str, settings: Settings
) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLines())
    root = logging.getLogger("tracker")
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        app = create_app(settings.with_changes(database_url=database), bind_database=False)
        async with AsyncTestClient(app=app) as client:
            response = await sign_in(
                client, "nobody@example.vn", "sai-mat-khau", headers={"X-Request-ID": "login-7"}
            )
            assert response.status_code in (200, 400, 401, 403), response.text
        logging.getLogger("tracker.test").info("ngoài yêu cầu: %s", "không có mã")
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    refused = [line for line in lines if line["message"].startswith("Đăng nhập sai")]
    assert len(refused) == 1, lines
    assert refused[0]["request_id"] == "login-7"
    assert refused[0]["level"] == "INFO"
    assert refused[0]["logger"] == "tracker.org.auth"
    assert "nobody@example.vn" in refused[0]["message"]
    assert dt.datetime.fromisoformat(refused[0]["time"]).tzinfo is not None
    outside = lines[-1]
    assert outside["message"] == "ngoài yêu cầu: không có mã"
    assert "request_id" not in outside
