"""Input at the edges: ids past what the database holds, plan references that only look
like numbers, malformed parameters, wrong methods, bodies too large. Each is answered
with a 4xx in Vietnamese and the one error body ``{"error", "status"}`` the OpenAPI
document describes for every route; none reaches the database as a 500."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar import Litestar, get
from litestar.testing import AsyncTestClient
from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

from tests.conftest import TZ
from tracker.app import create_app
from tracker.config import Settings
from tracker.org.auth import set_password
from tracker.org.guards import public
from tracker.web.errors import EXCEPTION_HANDLERS, validation_message

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
OFFICER = "hoa.tt@daison.example.vn"  # officer of Đại Sơn
PASSWORD = "mat-khau-thu-nghiem"
AUTH = (OFFICER, PASSWORD)
LONG = "long.nh@daison.example.vn"  # of Đại Sơn's office, which leads the weekly report
KIEN_AN = "an-giang.cho-moi.kien-an"  # another commune
ERROR_STATUSES = {"400", "401", "403", "404", "405", "413", "422", "429"}


@pytest.fixture(scope="module")
async def app(seeded: Settings) -> Litestar:
    assert await set_password(OFFICER, PASSWORD)
    return create_app(seeded, clock=lambda: NOW, bind_database=False)


@pytest.fixture(scope="module")
async def client(app: Litestar) -> AsyncIterator[AsyncTestClient[Any]]:
    async with AsyncTestClient(app=app) as client:
        client.follow_redirects = False
        yield client


def _int_routes(app: Litestar) -> list[tuple[str, str]]:
    """(method, path) of every route with an integer in its path."""
    found = []
    for route in app.routes:
        if ":int}" not in route.path:
            continue
        for method in sorted(route.methods):
            if method not in ("OPTIONS", "HEAD"):
                found.append((method, route.path))
    return found


# --------------------------------------------------------------------------- ids


async def test_every_integer_route_answers_an_id_past_the_database_with_a_404(
    app: Litestar, client: AsyncTestClient[Any]
) -> None:
    routes = _int_routes(app)
    # the API's occurrence, completion, notification and feed routes, and the pages'
    assert len(routes) >= 9, routes
    for method, path in routes:
        for number in (2**63, 10**30, 2**31, -1):
            url = re.sub(r"\{\w+:int\}", str(number), path)
            response = await client.request(method, url, auth=AUTH, json={"evidence": "x"})
            assert response.status_code == 404, f"{method} {url}: {response.text[:300]}"
            if url.startswith("/api/"):
                body = response.json()
                assert body["status"] == 404
                assert body["error"].startswith("Không có ")
                assert str(number) in body["error"]
            else:
                assert "Không có " in response.text


@pytest.mark.parametrize("ref", ["³", "٣", "١٢", "1e5", "0", "-1", str(2**63), str(10**30)])
async def test_a_plan_reference_that_only_looks_like_a_number_is_a_key_nobody_has(
    client: AsyncTestClient[Any], ref: str
) -> None:
    expected = {"error": f"Không có kế hoạch '{ref}' (hoặc bạn không có quyền xem).", "status": 404}
    for url, params in (
        (f"/api/plans/{ref}", None),
        (f"/api/plans/{ref}/tasks", None),
        ("/api/occurrences", {"plan": ref}),
    ):
        response = await client.get(url, params=params, auth=AUTH)
        assert (response.status_code, response.json()) == (404, expected), url
    page = await client.get(f"/plans/{ref}", auth=AUTH)
    assert page.status_code == 404


async def test_a_plan_is_still_found_by_its_id_in_ascii_digits(
    client: AsyncTestClient[Any],
) -> None:
    plans = (await client.get("/api/plans", auth=AUTH)).json()
    plan = next(p for p in plans if p["key"] == "dai-son-2026")
    response = await client.get(f"/api/plans/{plan['id']}", auth=AUTH)
    assert (response.status_code, response.json()["key"]) == (200, "dai-son-2026")
    # The same number in Arabic-Indic digits is a key no plan has, not that plan.
    other = str(plan["id"]).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert (await client.get(f"/api/plans/{other}", auth=AUTH)).status_code == 404


async def test_a_year_no_date_can_hold_is_refused_by_name_before_any_import(
    client: AsyncTestClient[Any],
) -> None:
    for year in ("99999", str(10**30), "-5"):
        response = await client.post(
            "/api/imports",
            files={"file": ("ke-hoach.txt", "I. Phần chung\n1. Việc\n".encode(), "text/plain")},
            data={"dry_run": "true", "year": year},
            auth=AUTH,
        )
        assert response.status_code == 400, response.text
        assert response.json() == {
            "error": f"Trường 'year': năm '{year}' không dùng được; hãy ghi một năm từ 1990 "
            "đến 2100, ví dụ 2026.",
            "status": 400,
        }


# --------------------------------------------------------------------------- error bodies


async def test_the_openapi_document_is_valid_and_lists_the_error_body_for_every_route(
    client: AsyncTestClient[Any],
) -> None:
    document = (await client.get("/schema/openapi.json")).json()
    OPENAPI_31_VALIDATOR.validate(document)
    body = document["components"]["schemas"]["ErrorBody"]
    assert set(body["required"]) == {"error", "status"}
    assert not [p for p in document["paths"] if p.startswith("/schema")]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            assert set(responses) >= ERROR_STATUSES, f"{method} {path}"
            for status in ERROR_STATUSES:
                schema = responses[status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (method, path, status)


@pytest.mark.parametrize(
    ("method", "url", "json", "message"),
    [
        ("GET", "/api/occurrences?from=hom-qua", None,
         "Yêu cầu không hợp lệ: 'from' (chuỗi truy vấn) không hợp lệ."),
        ("GET", "/api/me/notifications?limit=100000", None,
         "Yêu cầu không hợp lệ: 'limit' (chuỗi truy vấn) không hợp lệ."),
        ("PUT", "/api/me/notify-mode", {"mode": 5},
         "Yêu cầu không hợp lệ: 'mode' (nội dung) không hợp lệ."),
        ("POST", "/api/events", {"date": "2026-04-08"},
         "Yêu cầu không hợp lệ: 'kind' (nội dung) bị thiếu."),
    ],
)  # fmt: skip
async def test_a_malformed_parameter_is_named_in_vietnamese_in_the_one_error_body(
    client: AsyncTestClient[Any], method: str, url: str, json: Any, message: str
) -> None:
    response = await client.request(method, url, json=json, auth=AUTH)
    assert response.status_code == 400
    assert response.json() == {"error": message, "status": 400}


async def test_a_method_a_path_does_not_take_is_a_405_with_allow(
    client: AsyncTestClient[Any],
) -> None:
    response = await client.delete("/api/plans", auth=AUTH)
    assert response.status_code == 405
    assert set(response.headers["allow"].replace(" ", "").split(",")) == {"GET", "OPTIONS"}
    body = response.json()
    assert body["status"] == 405
    assert body["error"].startswith("Đường dẫn này không nhận DELETE; chỉ nhận ")


async def test_a_body_past_the_limit_is_a_413_in_vietnamese(client: AsyncTestClient[Any]) -> None:
    huge = b'{"mode": "' + b"a" * (10 * 1024 * 1024 + 1) + b'"}'
    response = await client.put(
        "/api/me/notify-mode",
        content=huge,
        headers={"content-type": "application/json"},
        auth=AUTH,
    )
    assert response.status_code == 413
    assert response.json() == {"error": "Nội dung gửi lên quá lớn.", "status": 413}


async def test_a_form_with_too_many_parts_is_a_413_in_vietnamese(
    client: AsyncTestClient[Any],
) -> None:
    response = await client.post(
        "/api/imports",
        files={"file": ("ke-hoach.txt", b"I. Phan\n", "text/plain")},
        data={f"f{i}": "x" for i in range(1100)},
        auth=AUTH,
    )
    assert response.status_code == 413
    assert response.json() == {"error": "Nội dung gửi lên quá lớn.", "status": 413}


async def test_an_unforeseen_failure_is_logged_and_answered_without_the_servers_insides() -> None:
    @get("/api/hong", guards=[public])
    async def broken() -> None:
        raise RuntimeError("/srv/tracker/data/tracker.db: disk I/O error")

    async with AsyncTestClient(
        app=Litestar([broken], exception_handlers=EXCEPTION_HANDLERS)
    ) as client:
        response = await client.get("/api/hong")
    assert response.status_code == 500
    assert response.json() == {
        "error": "Máy chủ gặp lỗi khi xử lý yêu cầu này; hãy thử lại sau.",
        "status": 500,
    }


def test_validation_details_without_a_key_still_make_a_sentence() -> None:
    assert validation_message(None) == (
        "Yêu cầu không hợp lệ: nội dung hoặc tham số không đọc được."
    )
    assert validation_message([{"message": "x", "source": "body"}]) == (
        "Yêu cầu không hợp lệ: phần nội dung không hợp lệ."
    )


# --------------------------------------------------------------------------- scope leaks


@pytest.mark.parametrize(
    ("name", "unknown", "elsewhere", "message"),
    [
        ("unit", "hai-phong.khong-co", KIEN_AN,
         "Không có đơn vị mã '{}' (hoặc bạn không có quyền xem)."),
        ("person", "khong.co@daison.example.vn", "lan.ttn@kienan.example.vn",
         "Không có người dùng nào có địa chỉ e-mail '{}' (hoặc bạn không có quyền xem)."),
    ],
)  # fmt: skip
async def test_an_occurrence_filter_answers_alike_for_what_does_not_exist_and_what_is_out_of_sight(
    client: AsyncTestClient[Any], name: str, unknown: str, elsewhere: str, message: str
) -> None:
    for value in (unknown, elsewhere):
        response = await client.get("/api/occurrences", params={name: value}, auth=AUTH)
        assert (response.status_code, response.json()) == (
            404,
            {"error": message.format(value), "status": 404},
        ), value


@pytest.mark.parametrize(("name", "value"), [("unit", "hai-phong.dai-son"), ("person", LONG)])
async def test_an_occurrence_filter_within_sight_still_lists_its_work(
    client: AsyncTestClient[Any], name: str, value: str
) -> None:
    response = await client.get("/api/occurrences", params={name: value}, auth=AUTH)
    assert response.status_code == 200
    assert response.json()
