"""Passwords are hashed with argon2id at argon2-cffi's defaults (RFC 9106's low-memory
profile) in the service; the test suite's switch lowers the cost for its own thousands of
sign-ins, and a hash made either way verifies at its own parameters."""

from __future__ import annotations

import os

from tracker.org.auth import CHEAP_HASHES_FOR_TESTS, hasher_for


def test_the_service_hashes_with_argon2id_at_64_mib_and_three_passes() -> None:
    made = hasher_for({}).hash("mat-khau-dich-vu")
    assert made.startswith("$argon2id$v=19$m=65536,t=3,p=4$"), made
    assert (
        hasher_for({CHEAP_HASHES_FOR_TESTS: "0"})
        .hash("x" * 8)
        .startswith("$argon2id$v=19$m=65536,")
    )


def test_the_suites_switch_is_on_here_and_cheap_hashes_verify_anywhere() -> None:
    assert os.environ.get(CHEAP_HASHES_FOR_TESTS) == "1"  # set by tests/conftest.py
    cheap = hasher_for({CHEAP_HASHES_FOR_TESTS: "1"})
    made = cheap.hash("mat-khau-kiem-thu")
    assert made.startswith("$argon2id$v=19$m=1024,t=1,p=1$"), made
    assert hasher_for({}).verify(made, "mat-khau-kiem-thu")
    assert cheap.verify(hasher_for({}).hash("mat-khau-dich-vu"), "mat-khau-dich-vu")
