"""Posting the pages' forms as a browser does: each carries the CSRF token the service
put in the page (tied to the session once signed in, to a cookie of the browser before)."""

from __future__ import annotations

import re
from typing import Any

import httpx
from litestar.testing import AsyncTestClient

CSRF_INPUT = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


async def form_token(client: AsyncTestClient[Any], page: str = "/login") -> str:
    """The token the forms of ``page`` carry (the sign-in page answers everyone)."""
    response = await client.get(page)
    match = CSRF_INPUT.search(response.text)
    assert match is not None, f"{page} has no form with a CSRF token"
    return match.group(1)


async def post_form(
    client: AsyncTestClient[Any], path: str, data: dict[str, str] | None = None, **kwargs: Any
) -> httpx.Response:
    """POST ``data`` to ``path`` as a page's form does, with the token."""
    form = {**(data or {}), "csrf_token": await form_token(client)}
    return await client.post(path, data=form, **kwargs)


async def sign_in(
    client: AsyncTestClient[Any], email: str, password: str, next: str = "/", **kwargs: Any
) -> httpx.Response:
    """Sign in through the form, as a browser does."""
    form = {"email": email, "password": password, "next": next}
    return await post_form(client, "/login", form, **kwargs)


async def sign_out(client: AsyncTestClient[Any]) -> httpx.Response:
    return await post_form(client, "/logout")
