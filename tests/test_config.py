"""Settings: the address a server names in its links when TRACKER_BASE_URL is not set."""

from __future__ import annotations

import pytest

from tracker.config import load_settings, serving_at, settings_env


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
