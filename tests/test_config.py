"""Settings: the address a server names in its links when TRACKER_BASE_URL is not set."""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import BACKENDS
from tracker import db
from tracker.config import load_settings, serving_at, settings_env
from tracker.errors import ConfigError
from tracker.notify.tables import DataVersion


@pytest.mark.parametrize(
    ("host", "port", "expected"),
    [
        ("127.0.0.1", 9123, "http://127.0.0.1:9123"),
        ("tracker.local", 8080, "http://tracker.local:8080"),
        ("0.0.0.0", 8001, "http://127.0.0.1:8001"),
        ("::", 8002, "http://127.0.0.1:8002"),
        ("::1", 8003, "http://[::1]:8003"),
    ],
)
def test_a_server_without_a_base_url_links_to_the_address_it_listens_on(
    host: str, port: int, expected: str
) -> None:
    settings = serving_at(load_settings(env={}), host, port)
    assert settings.base_url == expected
    # The web workers and the queue worker started beside it see the same address.
    assert settings_env(settings)["TRACKER_BASE_URL"] == expected
    assert load_settings(env=settings_env(settings)).base_url == expected


def test_a_base_url_that_was_set_is_kept_whatever_the_port() -> None:
    settings = load_settings(env={"TRACKER_BASE_URL": "https://tracker.daison.gov.vn/"})
    assert settings.base_url_set
    assert serving_at(settings, "0.0.0.0", 9000).base_url == "https://tracker.daison.gov.vn"


def test_without_a_server_the_default_address_stays() -> None:
    settings = load_settings(env={})
    assert not settings.base_url_set
    assert settings.base_url == "http://127.0.0.1:8000"


def test_the_database_pool_size_is_read_and_handed_to_child_processes() -> None:
    settings = load_settings(env={"TRACKER_DATABASE_POOL": "3"})
    assert settings.database_pool == 3
    assert load_settings(env=settings_env(settings)).database_pool == 3
    assert load_settings(env={}).database_pool == 10
    with pytest.raises(ConfigError) as excinfo:
        load_settings(env={"TRACKER_DATABASE_POOL": "0"})
    assert excinfo.value.message == "TRACKER_DATABASE_POOL '0' phải là số nguyên từ 1 trở lên."


@pytest.mark.parametrize("backend", [b for b in BACKENDS if b == "postgres"])
async def test_a_process_holds_no_more_postgresql_connections_than_its_pool(
    backend: str, postgres_ready: str
) -> None:
    """Every web process and worker holds its own pool, and the server's connections are
    shared by all of them: six queries at once through a pool of two use two connections."""
    db.bind(db.make_engine(postgres_ready))
    await db.open_pool(2)
    try:

        async def backend_pid() -> int:
            rows = await DataVersion.raw("SELECT pg_backend_pid() AS pid FROM pg_sleep(0.3)")
            return int(rows[0]["pid"])

        pids = await asyncio.gather(*(backend_pid() for _ in range(6)))
        assert len(set(pids)) == 2
    finally:
        await db.close()
