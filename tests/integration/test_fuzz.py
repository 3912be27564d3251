"""The API fuzzed from its own OpenAPI document (schemathesis): requests generated for
every operation, valid and invalid ones, as an officer of Đại Sơn signed in, must never
meet a server error, and every answer must be one the document describes (its status
listed, its content type and its body of the documented shape).

Bounded and derandomised: the same few examples an operation, every run (about 20 s on
SQLite, a minute on PostgreSQL, most of it seeding)."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from litestar.testing import AsyncTestClient
from schemathesis import GenerationMode, checks
from schemathesis.specs.openapi import checks as openapi_checks

from tests.conftest import TZ
from tests.forms import sign_in
from tracker.app import create_app
from tracker.config import Settings
from tracker.org.auth import set_password

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
OFFICER = "hoa.tt@daison.example.vn"  # officer of Đại Sơn: may read, import, record, complete
PASSWORD = "mat-khau-thu-nghiem"
EXAMPLES = {GenerationMode.POSITIVE: 15, GenerationMode.NEGATIVE: 10}

CHECKS = [
    checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_schema_conformance,
]


@dataclass
class Api:
    schema: Any
    cookies: dict[str, str]


@pytest.fixture(scope="module")
async def api(seeded: Settings) -> Api:
    """The app's own document, read through the app, and an officer's session (signed in
    once through the form: HTTP Basic would check the password, an argon2 hash, on every
    one of the few hundred requests). The fuzzer writes (events, feeds, completions): the
    module's seeded database is its alone."""
    assert await set_password(OFFICER, PASSWORD)
    app = create_app(seeded, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        client.follow_redirects = False
        signed_in = await sign_in(client, OFFICER, PASSWORD)
        assert signed_in.status_code in (302, 303), signed_in.text
        cookies = dict(client.cookies)
    return Api(schema=schemathesis.openapi.from_asgi("/schema/openapi.json", app), cookies=cookies)


def fuzz(operation: Any, cookies: dict[str, str], mode: GenerationMode) -> set[int]:
    """A few derandomised examples of one operation, valid ones or (``NEGATIVE``) ones
    the document rules out, each called and checked; the statuses they were answered
    with."""
    statuses: set[int] = set()

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES[mode],
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case) -> None:
        statuses.add(case.call_and_validate(cookies=cookies, checks=CHECKS).status_code)

    run()
    return statuses


async def test_every_generated_request_is_answered_without_a_server_error_and_as_documented(
    api: Api,
) -> None:
    operations = [result.ok() for result in api.schema.get_all_operations()]
    assert len(operations) >= 15
    failures, answered = [], {}
    for operation in operations:
        for mode in EXAMPLES:
            try:
                statuses = await asyncio.to_thread(fuzz, operation, api.cookies, mode)
            except Unsatisfiable:
                continue  # nothing to get wrong: no parameters, or strings taking anything
            except (Exception, BaseExceptionGroup) as exc:  # all operations', not the first's
                failures.append(f"{operation.label} ({mode.value}): {exc}")
            else:
                answered.setdefault(operation.label, set()).update(statuses)
    assert not failures, "\n\n".join(failures)
    # Signed in all along (no 401), and most operations got as far as doing their work.
    assert not [label for label, statuses in answered.items() if 401 in statuses]
    succeeded = [label for label, statuses in answered.items() if min(statuses) < 300]
    assert len(succeeded) >= len(operations) // 2, answered
