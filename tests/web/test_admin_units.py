"""``/admin/units`` through the app's HTTP client: an officer adds an office and a group
under their commune, renames one (its code stays), sets aliases and a group's members;
another commune's officer is answered 404, a member 403. And the codes new units get."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import post_form, sign_in
from tracker.app import create_app
from tracker.audit import AuditEntry
from tracker.config import Settings
from tracker.org.auth import set_password
from tracker.org.services import load_directory, subtree_unit_ids
from tracker.org.tables import GroupMember, Unit
from tracker.org.tree import code_slug, parse_aliases

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
OFFICER = "hoa.tt@daison.example.vn"
MEMBER = "quynh.vn@daison.example.vn"
KIEN_AN_OFFICER = "lan.ttn@kienan.example.vn"
PASSWORD = "mat-khau-thu-nghiem"
DAI_SON = "hai-phong.dai-son"
VP = "hai-phong.dai-son.vp"
KINH_TE = "hai-phong.dai-son.kinh-te"
VH_XH = "hai-phong.dai-son.vh-xh"
Client = AsyncTestClient[Any]


@pytest.fixture
async def browsers(seeded_rw: Settings) -> AsyncIterator[Callable[..., Any]]:
    for email in (OFFICER, MEMBER, KIEN_AN_OFFICER):
        assert await set_password(email, PASSWORD)
    app = create_app(seeded_rw, clock=lambda: NOW, bind_database=False)
    async with AsyncExitStack() as stack:

        async def open_one(email: str) -> Client:
            client = await stack.enter_async_context(AsyncTestClient(app=app))
            client.follow_redirects = False
            assert (await sign_in(client, email, PASSWORD)).status_code == 302
            return client

        yield open_one


async def unit(code: str) -> dict[str, Any]:
    row = await Unit.select().where(Unit.code == code).output(load_json=True).first()
    assert row is not None, code
    return dict(row)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Phòng Nội vụ", "phong-noi-vu"),
        ("Đội Dân phòng xã", "doi-dan-phong-xa"),
        ("Tổ công tác 1/2026 (TTHC)", "to-cong-tac-1-2026-tthc"),
        ("Ban Chỉ đạo chuyển đổi số và cải cách hành chính xã Đại Sơn", "ban-chi-dao-chuyen-doi-so-va-cai-cach"),
        ("—", "don-vi"),
    ],
)  # fmt: skip
def test_a_code_is_made_from_the_name_in_plain_ascii(name: str, slug: str) -> None:
    assert code_slug(name) == slug


def test_aliases_are_read_from_a_comma_separated_field() -> None:
    assert parse_aliases(" Phòng Nội vụ, Nội vụ ,, Phòng Nội vụ ") == ["Phòng Nội vụ", "Nội vụ"]


async def test_an_officer_adds_renames_and_names_a_unit_whose_code_stays(
    browsers: Callable[..., Any],
) -> None:
    officer = await browsers(OFFICER)
    tree = await officer.get("/admin/units")
    assert tree.status_code == 200
    assert f"/admin/units/{KINH_TE}" in tree.text
    assert "an-giang" not in tree.text

    added = await post_form(officer, f"/admin/units/{DAI_SON}/add",
                            {"name": "Phòng Nội vụ", "kind": "office", "aliases": "Nội vụ"})  # fmt: skip
    code = f"{DAI_SON}.phong-noi-vu"
    assert added.status_code == 302, added.text
    assert added.headers["location"] == f"/admin/units/{code}?notice=unit-added"
    row = await unit(code)
    parent = await unit(DAI_SON)
    assert (row["name"], row["kind"], row["parent"], row["aliases"]) == (
        "Phòng Nội vụ", "office", parent["id"], ["Nội vụ"]
    )  # fmt: skip
    assert row["path"] == f"{parent['path']}{code}/"
    assert row["depth"] == parent["depth"] + 1

    # Under an office, a position: its code still starts with the commune's.
    sub = await post_form(officer, f"/admin/units/{code}/add",
                          {"name": "Công chức Nội vụ", "kind": "position", "aliases": ""})  # fmt: skip
    assert sub.headers["location"].startswith(f"/admin/units/{DAI_SON}.cong-chuc-noi-vu?")
    # A name another unit of the commune answers to is refused; a new name that makes
    # the same code (typed without its accents) gets a number.
    same = await post_form(
        officer, f"/admin/units/{VP}/add", {"name": "phòng nội vụ", "kind": "office"}
    )
    assert same.status_code == 400
    assert "Đã có đơn vị tên &#39;Phòng Nội vụ&#39;" in same.text
    alias = await post_form(officer, f"/admin/units/{VP}/add", {"name": "Nội vụ", "kind": "office"})
    assert alias.status_code == 400
    assert "đã là tên gọi khác của" in alias.text
    twin = await post_form(
        officer, f"/admin/units/{VP}/add", {"name": "Phong Noi Vu", "kind": "office"}
    )
    assert twin.headers["location"].startswith(f"/admin/units/{code}-2?")

    renamed = await post_form(officer, f"/admin/units/{code}",
                              {"name": "Phòng Nội vụ và Tư pháp", "aliases": "Nội vụ, Tư pháp"})  # fmt: skip
    assert renamed.status_code == 302
    row = await unit(code)
    assert row["name"] == "Phòng Nội vụ và Tư pháp"
    assert row["aliases"] == ["Nội vụ", "Tư pháp", "Phòng Nội vụ"]  # the old name is kept
    # Plans naming it either way find it, by the same code.
    directory = await load_directory()
    for name in ("Phòng Nội vụ và Tư pháp", "Tư pháp", "Phòng Nội vụ"):
        assert directory.find_one(name, DAI_SON) == code, name

    page = await officer.get(f"/admin/units/{code}")
    assert page.status_code == 200
    assert "Nội vụ, Tư pháp, Phòng Nội vụ" in page.text
    changes = [
        (r["action"], r["changes"])
        for r in await AuditEntry.select(AuditEntry.action, AuditEntry.changes)
        .where((AuditEntry.entity == "unit") & (AuditEntry.entity_id == row["id"]))
        .order_by(AuditEntry.id)
        .output(load_json=True)
    ]
    assert [a for a, _ in changes] == ["add", "rename"]
    assert changes[1][1]["name"] == ["Phòng Nội vụ", "Phòng Nội vụ và Tư pháp"]

    # The commune keeps its official name; its aliases may change.
    official = await post_form(
        officer, f"/admin/units/{DAI_SON}", {"name": "Xã khác", "aliases": ""}
    )
    assert official.status_code == 400
    assert "theo danh mục hành chính" in official.text
    assert (await unit(DAI_SON))["name"] == "UBND xã Đại Sơn"


async def test_a_group_stands_for_the_members_chosen(browsers: Callable[..., Any]) -> None:
    officer = await browsers(OFFICER)
    made = await post_form(officer, f"/admin/units/{DAI_SON}/add",
                           {"name": "Tổ công tác chuyển đổi số", "kind": "group"})  # fmt: skip
    group = f"{DAI_SON}.to-cong-tac-chuyen-doi-so"
    assert made.status_code == 302, made.text
    assert made.headers["location"].startswith(f"/admin/units/{group}?")
    saved = await post_form(officer, f"/admin/units/{group}/members", {"members": [KINH_TE, VH_XH]})
    assert saved.status_code == 302
    members = await GroupMember.select(GroupMember.member.code.as_alias("code")).where(
        GroupMember.group.code == group
    )
    assert sorted(m["code"] for m in members) == [KINH_TE, VH_XH]
    page = await officer.get(f"/admin/units/{group}")
    assert page.text.count("checked") == 2
    # Work given to the group is the members' work: a query for Phòng Kinh tế's work
    # takes in the group's.
    assert (await unit(group))["id"] in await subtree_unit_ids(KINH_TE)

    await post_form(officer, f"/admin/units/{group}/members", {"members": [VH_XH]})
    members = await GroupMember.select(GroupMember.member.code.as_alias("code")).where(
        GroupMember.group.code == group
    )
    assert [m["code"] for m in members] == [VH_XH]
    nested = await post_form(officer, f"/admin/units/{group}/members",
                             {"members": [f"{DAI_SON}.lanh-dao"]})  # fmt: skip
    assert nested.status_code == 400
    assert "Nhóm không chứa nhóm khác" in nested.text
    stranger = await post_form(officer, f"/admin/units/{group}/members",
                               {"members": ["an-giang.cho-moi.kien-an.vp-ubnd"]})  # fmt: skip
    assert stranger.status_code == 404
    # A group holds no units of its own.
    under = await post_form(
        officer, f"/admin/units/{group}/add", {"name": "Tổ A", "kind": "office"}
    )
    assert under.status_code == 400
    assert "không có đơn vị trực thuộc" in under.text


async def test_another_commune_is_404_and_a_member_is_403(browsers: Callable[..., Any]) -> None:
    other = await browsers(KIEN_AN_OFFICER)
    assert (await other.get(f"/admin/units/{VP}")).status_code == 404
    added = await post_form(
        other, f"/admin/units/{DAI_SON}/add", {"name": "Tổ lạ", "kind": "office"}
    )
    assert added.status_code == 404
    renamed = await post_form(other, f"/admin/units/{VP}", {"name": "Tên lạ", "aliases": ""})
    assert renamed.status_code == 404
    assert (await unit(VP))["name"] == "Văn phòng HĐND và UBND xã Đại Sơn"
    assert await Unit.count().where(Unit.name == "Tổ lạ") == 0

    member = await browsers(MEMBER)
    assert (await member.get(f"/admin/units/{VP}")).status_code == 403
    refused = await post_form(
        member, f"/admin/units/{DAI_SON}/add", {"name": "Tổ B", "kind": "office"}
    )
    assert refused.status_code == 403
