"""The API fuzzed from its own OpenAPI document (schemathesis): requests generated for
every operation, as an officer of Đại Sơn signed in with HTTP Basic, must never meet a
server error, and every answer must be one the document describes (its status listed,
its body of the documented shape, a 405 with its Allow header).

Bounded and derandomised: the same few examples an operation, every run, in well under
a minute on SQLite."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks
from schemathesis.specs.openapi import checks as openapi_checks

from tests.conftest import TZ
from tracker.app import create_app
from tracker.config import Settings
from tracker.org.auth import set_password

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
OFFICER = "hoa.tt@daison.example.vn"  # officer of Đại Sơn: may read, import, record, complete
PASSWORD = "mat-khau-thu-nghiem"
EXAMPLES = 12

CHECKS = [
    checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_schema_conformance,
]


@pytest.fixture(scope="module")
async def api_schema(seeded: Settings) -> Any:
    """The app's own document, read through the app. The fuzzer writes (events, feeds,
    completions): the module's seeded database is its alone."""
    assert await set_password(OFFICER, PASSWORD)
    app = create_app(seeded, clock=lambda: NOW, bind_database=False)
    return schemathesis.openapi.from_asgi("/schema/openapi.json", app)


def fuzz(operation: Any) -> None:
    """A few derandomised examples of one operation, each called and checked."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(auth=(OFFICER, PASSWORD), checks=CHECKS)

    run()


async def test_every_generated_request_is_answered_without_a_server_error_and_as_documented(
    api_schema: Any,
) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    failures = []
    for operation in operations:
        try:
            await asyncio.to_thread(fuzz, operation)
        except (Exception, BaseExceptionGroup) as exc:  # every operation's, not the first only
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)
