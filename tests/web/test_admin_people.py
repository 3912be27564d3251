"""``/admin/people`` and the one-time sign-in link, through the app's HTTP client as a
browser uses them: an officer adds a person, the invitation is in the outbox, the link
sets a password once and signs the person in; who may not is refused; locking an account
ends its sessions, its sign-in and its feeds."""

from __future__ import annotations

import datetime as dt
import re
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
from tracker.notify.channels import EmailChannel
from tracker.notify.channels.email import LINK_MARK
from tracker.notify.feeds import create_feed
from tracker.notify.tables import Outbox
from tracker.org.auth import set_password
from tracker.org.scope import Scope
from tracker.org.tables import Membership, Person, SignInLink

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
OFFICER = "hoa.tt@daison.example.vn"
CHAIRMAN = "thang.pv@daison.example.vn"
MEMBER = "quynh.vn@daison.example.vn"
LONG = "long.nh@daison.example.vn"
KIEN_AN_OFFICER = "lan.ttn@kienan.example.vn"
PASSWORD = "mat-khau-thu-nghiem"
NEW = "mai.nt@daison.example.vn"
KINH_TE = "hai-phong.dai-son.kinh-te"
VP = "hai-phong.dai-son.vp"
Client = AsyncTestClient[Any]


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def browsers(seeded_rw: Settings, clock: Clock) -> AsyncIterator[Callable[..., Any]]:
    for email in (OFFICER, CHAIRMAN, MEMBER, LONG, KIEN_AN_OFFICER):
        assert await set_password(email, PASSWORD)
    app = create_app(seeded_rw, clock=clock, bind_database=False)
    async with AsyncExitStack() as stack:

        async def open_one(email: str | None = None) -> Client:
            client = await stack.enter_async_context(AsyncTestClient(app=app))
            client.follow_redirects = False
            if email is not None:
                assert (await sign_in(client, email, PASSWORD)).status_code == 302
            return client

        yield open_one


NEW_PERSON = {
    "name": "Nguyễn Thị Mai",
    "title": "Chuyên viên Phòng Kinh tế",
    "email": NEW,
    "phone": "0225 3881 120",
    "role": "member",
    "units": [KINH_TE],
}


async def person_id(email: str) -> int:
    row = await Person.select(Person.id).where(Person.email == email).first()
    assert row is not None
    return int(row["id"])


async def the_link_mailed_to(email: str, settings: Settings) -> str:
    """The link in the newest invitation to ``email``, as the e-mail channel sends it."""
    row = (
        await Outbox.select()
        .where((Outbox.address == email) & (Outbox.step == "sign-in-link"))
        .order_by(Outbox.id, ascending=False)
        .output(load_json=True)
        .first()
    )
    assert row is not None, f"no sign-in mail to {email} in the outbox"
    assert row["channel"] == "email"
    # The stored mail holds no link, only its placeholder.
    assert LINK_MARK in row["body_text"]
    assert "/sign-in/" not in row["body_text"]
    assert "/sign-in/" not in row["body_html"]
    assert "/sign-in/" not in str(row["payload"])
    mail = EmailChannel().render(settings, row)
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    match = re.search(r"https?://\S+/sign-in/([A-Za-z0-9_-]+)", text)
    assert match is not None, text
    assert match.group(0) in mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    return "/sign-in/" + match.group(1)


async def test_an_officer_adds_a_person_who_sets_a_password_through_the_link_once(
    browsers: Callable[..., Any], seeded_rw: Settings
) -> None:
    officer = await browsers(OFFICER)
    added = await post_form(officer, "/admin/people/new", NEW_PERSON)
    assert added.status_code in (302, 303), added.text
    new_id = await person_id(NEW)
    assert added.headers["location"] == f"/admin/people/{new_id}?notice=added"
    listed = await officer.get("/admin/people")
    assert listed.status_code == 200
    assert "Nguyễn Thị Mai" in listed.text
    assert "Chưa đặt mật khẩu" in listed.text
    units = await Membership.select(Membership.unit.code.as_alias("code")).where(
        Membership.person == new_id
    )
    assert [u["code"] for u in units] == [KINH_TE]

    link = await the_link_mailed_to(NEW, seeded_rw)
    newcomer = await browsers()
    page = await newcomer.get(link)
    assert page.status_code == 200
    assert "Nguyễn Thị Mai" in page.text
    assert NEW in page.text
    assert page.headers["cache-control"] == "no-store"
    # Opening the page spent nothing; a bad form says why and spends nothing either.
    mismatch = await post_form(
        newcomer, link, {"password": "mat-khau-moi-1", "confirm": "khac-1234"}
    )
    assert mismatch.status_code == 422
    assert "Hai lần nhập mật khẩu không khớp nhau" in mismatch.text
    short = await post_form(newcomer, link, {"password": "ngan", "confirm": "ngan"})
    assert short.status_code == 422
    assert "ít nhất 8 ký tự" in short.text

    done = await post_form(
        newcomer, link, {"password": "mat-khau-moi-1", "confirm": "mat-khau-moi-1"}
    )
    assert done.status_code in (302, 303)
    assert (await newcomer.get("/calendar")).status_code == 200  # signed in

    again = await browsers()
    used = await again.get(link)
    assert used.status_code == 410
    assert "Đường dẫn này đã được dùng lúc 15:00 08/04/2026" in used.text
    replay = await post_form(
        again, link, {"password": "mat-khau-khac-2", "confirm": "mat-khau-khac-2"}
    )
    assert replay.status_code == 410
    assert (await sign_in(again, NEW, "mat-khau-khac-2")).status_code == 401
    assert (await sign_in(again, NEW, "mat-khau-moi-1")).status_code == 302

    actions = [
        r["action"]
        for r in await AuditEntry.select(AuditEntry.action)
        .where((AuditEntry.entity == "person") & (AuditEntry.entity_id == new_id))
        .order_by(AuditEntry.id)
    ]
    assert actions == ["add", "invite"]


async def test_an_expired_or_replaced_link_is_refused_and_says_so(
    browsers: Callable[..., Any], seeded_rw: Settings, clock: Clock
) -> None:
    officer = await browsers(OFFICER)
    assert (await post_form(officer, "/admin/people/new", NEW_PERSON)).status_code == 302
    first = await the_link_mailed_to(NEW, seeded_rw)
    new_id = await person_id(NEW)
    resent = await post_form(officer, f"/admin/people/{new_id}/invite")
    assert resent.headers["location"] == f"/admin/people/{new_id}?notice=sent"
    second = await the_link_mailed_to(NEW, seeded_rw)
    assert second != first
    stranger = await browsers()
    replaced = await stranger.get(first)
    assert replaced.status_code == 410
    assert "đã bị thay bằng đường dẫn mới hơn" in replaced.text

    clock.now = NOW + dt.timedelta(hours=24)
    expired = await stranger.get(second)
    assert expired.status_code == 410
    assert "Đường dẫn này đã hết hạn lúc 15:00 09/04/2026" in expired.text
    refused = await post_form(
        stranger, second, {"password": "mat-khau-moi-1", "confirm": "mat-khau-moi-1"}
    )
    assert refused.status_code == 410
    stored = await Person.select(Person.password_hash).where(Person.id == new_id).first()
    assert stored is not None
    assert stored["password_hash"] is None
    unknown = await stranger.get("/sign-in/" + "x" * 43)
    assert unknown.status_code == 404
    assert "không đúng" in unknown.text


async def test_another_commune_sees_nothing_and_a_member_may_not_open_admin(
    browsers: Callable[..., Any],
) -> None:
    long_id = await person_id(LONG)
    other = await browsers(KIEN_AN_OFFICER)
    listed = await other.get("/admin/people")
    assert listed.status_code == 200
    assert "Nguyễn Hữu Long" not in listed.text
    assert "Trần Thị Ngọc Lan" in listed.text
    assert (await other.get(f"/admin/people/{long_id}")).status_code == 404
    changed = await post_form(other, f"/admin/people/{long_id}", {**NEW_PERSON, "email": LONG})
    assert changed.status_code == 404
    assert (await post_form(other, f"/admin/people/{long_id}/deactivate")).status_code == 404
    assert (await post_form(other, f"/admin/people/{long_id}/invite")).status_code == 404
    into_dai_son = await post_form(other, "/admin/people/new", NEW_PERSON)
    assert into_dai_son.status_code == 404
    assert f"Không có đơn vị mã &#39;{KINH_TE}&#39;" in into_dai_son.text
    assert await Person.count().where(Person.email == NEW) == 0
    active = await Person.select(Person.active).where(Person.id == long_id).first()
    assert active == {"active": True}

    member = await browsers(MEMBER)
    for path in ("/admin", "/admin/people", "/admin/people/new", "/admin/units"):
        assert (await member.get(path)).status_code == 403, path
    assert (await post_form(member, "/admin/people/new", NEW_PERSON)).status_code == 403
    assert "Quản trị" not in (await member.get("/units")).text  # not in the menu either

    anonymous = await browsers()
    asked = await anonymous.get("/admin/people")
    assert asked.status_code in (302, 303)
    assert asked.headers["location"].startswith("/login")


async def test_an_officer_may_not_make_or_change_a_chairman_nor_lock_themselves_out(
    browsers: Callable[..., Any],
) -> None:
    officer = await browsers(OFFICER)
    made = await post_form(officer, "/admin/people/new", {**NEW_PERSON, "role": "chairman"})
    assert made.status_code == 403
    assert "Bạn không thể giao vai trò chủ tịch" in made.text
    chairman_id = await person_id(CHAIRMAN)
    page = await officer.get(f"/admin/people/{chairman_id}")
    assert page.status_code == 200
    assert "không thay đổi được" in page.text
    locked = await post_form(officer, f"/admin/people/{chairman_id}/deactivate")
    assert locked.status_code == 403
    own = await post_form(officer, f"/admin/people/{await person_id(OFFICER)}/deactivate")
    assert own.status_code == 403
    assert "tự khóa" in own.text

    # The chairman may make a chairman.
    chairman = await browsers(CHAIRMAN)
    added = await post_form(chairman, "/admin/people/new", {**NEW_PERSON, "role": "chairman"})
    assert added.status_code == 302
    role = await Person.select(Person.role).where(Person.email == NEW).first()
    assert role == {"role": "chairman"}


async def test_changing_a_person_keeps_the_audit_log(browsers: Callable[..., Any]) -> None:
    officer = await browsers(OFFICER)
    long_id = await person_id(LONG)
    form = {"name": "Nguyễn Hữu Long", "title": "Phó Chánh Văn phòng", "email": LONG,
            "phone": "0225 3881 102", "role": "member", "units": [VP, KINH_TE], "heads": [KINH_TE]}  # fmt: skip
    saved = await post_form(officer, f"/admin/people/{long_id}", form)
    assert saved.status_code == 302, saved.text
    rows = await Membership.select(Membership.unit.code.as_alias("code"), Membership.is_head).where(
        Membership.person == long_id
    )
    assert {r["code"]: r["is_head"] for r in rows} == {VP: False, KINH_TE: True}
    entry = (
        await AuditEntry.select(AuditEntry.actor, AuditEntry.action, AuditEntry.changes)
        .where((AuditEntry.entity == "person") & (AuditEntry.entity_id == long_id))
        .output(load_json=True)
        .first()
    )
    assert entry is not None
    assert entry["action"] == "change"
    assert entry["actor"] == f"person:{await person_id(OFFICER)}"
    assert entry["changes"]["title"] == ["Chánh Văn phòng HĐND và UBND xã", "Phó Chánh Văn phòng"]
    assert entry["changes"]["heads"] == [[VP], [KINH_TE]]
    bad = await post_form(
        officer, f"/admin/people/{long_id}", {**form, "email": "khong-phai-email"}
    )
    assert bad.status_code == 400
    assert "Địa chỉ e-mail &#39;khong-phai-email&#39; không hợp lệ" in bad.text
    taken = await post_form(officer, f"/admin/people/{long_id}", {**form, "email": MEMBER})
    assert taken.status_code == 409


async def test_locking_an_account_ends_its_sessions_sign_in_and_feeds(
    browsers: Callable[..., Any],
) -> None:
    long_id = await person_id(LONG)
    _, token = await create_feed("person", email=LONG, scope=Scope.system(), now=NOW)
    target = await browsers(LONG)
    assert (await target.get("/calendar")).status_code == 200
    assert (await target.get(f"/feeds/{token}.ics")).status_code == 200

    officer = await browsers(OFFICER)
    locked = await post_form(officer, f"/admin/people/{long_id}/deactivate")
    assert locked.headers["location"] == f"/admin/people/{long_id}?notice=locked"
    assert (await target.get("/calendar")).status_code in (302, 303)  # signed out
    assert (await sign_in(await browsers(), LONG, PASSWORD)).status_code == 401
    assert (await target.get(f"/feeds/{token}.ics")).status_code == 404
    # No sign-in link either, until unlocked.
    refused = await post_form(officer, f"/admin/people/{long_id}/invite")
    assert refused.status_code == 400
    assert "đang bị khóa" in refused.text
    assert await SignInLink.count().where(SignInLink.person == long_id) == 0

    unlocked = await post_form(officer, f"/admin/people/{long_id}/activate")
    assert unlocked.headers["location"] == f"/admin/people/{long_id}?notice=unlocked"
    assert (await sign_in(await browsers(), LONG, PASSWORD)).status_code == 302
    actions = [
        r["action"]
        for r in await AuditEntry.select(AuditEntry.action)
        .where((AuditEntry.entity == "person") & (AuditEntry.entity_id == long_id))
        .order_by(AuditEntry.id)
    ]
    assert actions == ["deactivate", "reactivate"]


async def test_a_new_password_ends_the_sessions_opened_with_the_old_one(
    browsers: Callable[..., Any], seeded_rw: Settings, clock: Clock
) -> None:
    """A reset link, and a password set from the command line, end every session the
    person had (someone who knew the old password is signed out), not only the cookie of
    the browser that sets the new one."""
    elsewhere = await browsers(MEMBER)  # signed in with the old password, on another device
    assert (await elsewhere.get("/calendar")).status_code == 200
    officer = await browsers(OFFICER)
    member_id = await person_id(MEMBER)
    sent = await post_form(officer, f"/admin/people/{member_id}/invite", {})
    assert sent.status_code in (302, 303), sent.text
    link = await the_link_mailed_to(MEMBER, seeded_rw)
    resetter = await browsers()
    done = await post_form(
        resetter, link, {"password": "mat-khau-dat-lai-1", "confirm": "mat-khau-dat-lai-1"}
    )
    assert done.status_code in (302, 303)
    assert (await resetter.get("/calendar")).status_code == 200  # the new session lives
    old = await elsewhere.get("/calendar")
    assert old.status_code in (302, 303, 401), old.status_code  # the old one has ended
    assert (await sign_in(await browsers(), MEMBER, PASSWORD)).status_code == 401

    # The command line's `tracker user password` goes through set_password: same rule.
    assert await set_password(MEMBER, "mat-khau-tu-lenh-2", clock.now)
    after = await resetter.get("/calendar")
    assert after.status_code in (302, 303, 401), after.status_code
    assert (await sign_in(await browsers(), MEMBER, "mat-khau-tu-lenh-2")).status_code == 302
