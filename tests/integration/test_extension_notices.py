"""Who is told of an extension (gia hạn), end to end on a seeded database of each test's
own: a request reaches every officer and chairman who may decide it (by e-mail through a
real SMTP server, and on their notifications page), a decision reaches the requester,
a withdrawal takes back the mails not yet sent, and nothing is sent twice."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from email.message import EmailMessage
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import post_form, sign_in
from tests.mail import Inbox, smtp_inbox
from tracker.app import create_app
from tracker.config import Settings
from tracker.deadlines.extensions import find_extension
from tracker.deadlines.tables import Occurrence
from tracker.notify.delivery import deliver_due
from tracker.notify.extension_news import tell_approvers, tell_requester
from tracker.notify.services import set_mode
from tracker.notify.tables import Outbox
from tracker.org.auth import set_password
from tracker.org.scope import Scope
from tracker.org.tables import Person

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)  # a Wednesday
BASE_URL = "https://theodoi.daison.example.vn"

OFFICER = "hoa.tt@daison.example.vn"  # Trần Thị Hoa
CHAIRMAN = "thang.pv@daison.example.vn"
LONG = "long.nh@daison.example.vn"  # Nguyễn Hữu Long, of an office that reports weekly
KIEN_AN = "lan.ttn@kienan.example.vn"  # an officer of another commune (and province)
KIEN_AN_CHAIRMAN = "phuoc.lv@kienan.example.vn"
PASSWORD = "mat-khau-gia-han"
REASON = "Chờ số liệu của Công an xã"

Client = AsyncTestClient[Any]


@pytest.fixture
def mailbox() -> Iterator[tuple[Inbox, int]]:
    with smtp_inbox() as box:
        yield box


@pytest.fixture
def mail_settings(seeded_rw: Settings, mailbox: tuple[Inbox, int]) -> Settings:
    return seeded_rw.with_changes(smtp_host="127.0.0.1", smtp_port=mailbox[1], base_url=BASE_URL)


@pytest.fixture
async def client(mail_settings: Settings) -> AsyncIterator[Client]:
    for email in (OFFICER, CHAIRMAN, LONG, KIEN_AN):
        assert await set_password(email, PASSWORD)
    app = create_app(mail_settings, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


def auth(email: str) -> tuple[str, str]:
    return (email, PASSWORD)


async def weekly_report() -> int:
    """Đại Sơn's weekly report due Thursday 09/04/2026 16:15."""
    row = (
        await Occurrence.select(Occurrence.id)
        .where((Occurrence.plan.key == "dai-son-2026") & (Occurrence.key == "tuan:2026-W15"))
        .first()
    )
    assert row is not None
    return int(row["id"])


async def ask(client: Client, occurrence_id: int, who: str = LONG) -> dict[str, Any]:
    asked = await client.post(
        f"/api/occurrences/{occurrence_id}/extensions",
        json={"due_date": "2026-04-10", "due_time": "16:15", "reason": REASON},
        auth=auth(who),
    )
    assert asked.status_code == 201, asked.text
    body: dict[str, Any] = asked.json()
    return body


async def rows(step: str) -> list[dict[str, Any]]:
    """The outbox rows of ``step``, with whom they are to, in the order written."""
    return list(
        await Outbox.select(
            Outbox.key, Outbox.channel, Outbox.state, Outbox.address, Outbox.occurrence,
            Outbox.person.email.as_alias("email"), Outbox.subject, Outbox.body_text,
        ).where(Outbox.step == step).order_by(Outbox.id)
    )  # fmt: skip


def body_of(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


# --------------------------------------------------------------------------- a request


async def test_a_request_tells_each_approver_once_by_mail_and_in_app(
    client: Client, mail_settings: Settings, mailbox: tuple[Inbox, int]
) -> None:
    report = await weekly_report()
    body = await ask(client, report)

    written = await rows("extension-request")
    # The officer and the chairman of Đại Sơn, each in the app and by e-mail; not the
    # requester, not Kiến An's officer or chairman (another province).
    assert sorted((r["email"], r["channel"]) for r in written) == sorted(
        [(OFFICER, "email"), (OFFICER, "inapp"), (CHAIRMAN, "email"), (CHAIRMAN, "inapp")]
    )
    assert {r["occurrence"] for r in written} == {report}
    assert all(r["key"].startswith(f"x{body['id']}:p") for r in written)
    assert {r["state"] for r in written if r["channel"] == "email"} == {"queued"}
    assert {r["state"] for r in written if r["channel"] == "inapp"} == {"sent"}

    # Asked again: the open request stands (409), and nothing more is written; writing
    # the same request's messages again (a retry) writes nothing either.
    again = await client.post(
        f"/api/occurrences/{report}/extensions",
        json={"due_date": "2026-04-10", "reason": REASON},
        auth=auth(LONG),
    )
    assert again.status_code == 409
    view = await find_extension(body["id"], Scope.system(), tz=TZ, now=NOW)
    assert await tell_approvers(view, settings=mail_settings, now=NOW) == 0
    assert len(await rows("extension-request")) == 4

    # A worker's pass delivers them through the SMTP server, once.
    delivered = await deliver_due(mail_settings, NOW)
    assert sorted(s["address"] for s in delivered.sent if s["channel"] == "email") == sorted(
        [OFFICER, CHAIRMAN]
    )
    box, _ = mailbox
    link = f"{BASE_URL}/occurrences/{report}#gia-han"
    for address, name in ((OFFICER, "Trần Thị Hoa"), (CHAIRMAN, None)):
        mail = box.wait_for(address, timeout=10)
        subject = str(mail["Subject"])
        assert subject.startswith("[Đề nghị gia hạn] ")
        # The plan is a draft without its number yet: it is named by its title.
        assert body["plan_number"] == "/KH-UBND"
        assert "KH “Kiểm soát thủ tục hành chính" in subject
        text = body_of(mail)
        if name is not None:
            assert f"Kính gửi {name}," in text
        assert "Nguyễn Hữu Long đề nghị gia hạn một nhiệm vụ; đề nghị đang chờ anh/chị duyệt." in (
            text
        )
        assert "Kế hoạch: Kiểm soát thủ tục hành chính" in text
        assert body["task_content"] in text
        assert "Hạn hiện tại: Thứ Năm, 09/04/2026 16:15" in text
        assert "Hạn đề nghị: Thứ Sáu, 10/04/2026 16:15" in text
        assert f"Lý do: {REASON}" in text
        assert f"Xem, duyệt hoặc từ chối đề nghị: {link}" in text
        html = mail.get_body(("html",))
        assert html is not None
        assert f'href="{link}"' in str(html.get_content())
    assert not [m for m in box.messages if LONG in str(m["To"]) or KIEN_AN in str(m["To"])]
    assert len(box.messages) == 2
    later = await deliver_due(mail_settings, NOW + dt.timedelta(hours=1))
    assert later.sent == []
    assert len(box.messages) == 2


async def test_every_way_of_asking_tells_the_approvers(
    client: Client, mail_settings: Settings
) -> None:
    """The occurrence page's form and the command line write the same messages as the API."""
    report = await weekly_report()
    browser = AsyncTestClient(app=client.app, base_url="https://testserver.local")
    async with browser:
        browser.follow_redirects = False
        assert (await sign_in(browser, LONG, PASSWORD)).status_code == 302
        page = await browser.get(f"/occurrences/{report}")
        assert 'id="gia-han"' in page.text
        posted = await post_form(
            browser,
            f"/occurrences/{report}/extensions",
            {"due_date": "2026-04-10", "due_time": "16:15", "reason": REASON},
        )
        assert posted.status_code in (302, 303), posted.text
    by_page = await rows("extension-request")
    assert sorted({r["email"] for r in by_page}) == sorted({OFFICER, CHAIRMAN})

    # Withdrawn, then asked again from the command line, as Long.
    withdrawn = await client.post(
        f"/api/extensions/{int(by_page[0]['key'].split(':')[0][1:])}/withdraw", auth=auth(LONG)
    )
    assert withdrawn.status_code == 200, withdrawn.text
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update({"TRACKER_DATA_DIR": str(mail_settings.data_dir),
                "TRACKER_DATABASE_URL": mail_settings.effective_database_url,
                "TRACKER_BASE_URL": BASE_URL, "COLUMNS": "200"})  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "extension", "request", str(report),
         "--date", "11/04/2026", "--reason", REASON, "--as", LONG,
         "--now", NOW.isoformat()],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr + result.stdout
    first = {r["key"] for r in by_page}
    by_cli = [r for r in await rows("extension-request") if r["key"] not in first]
    assert sorted((r["email"], r["channel"]) for r in by_cli) == sorted(
        [(OFFICER, "email"), (OFFICER, "inapp"), (CHAIRMAN, "email"), (CHAIRMAN, "inapp")]
    )
    assert all("Hạn đề nghị: Thứ Bảy, 11/04/2026" in r["body_text"] for r in by_cli)
    assert all(f"{BASE_URL}/occurrences/{report}#gia-han" in r["body_text"] for r in by_cli)


# --------------------------------------------------------------------------- a decision


async def test_an_approval_tells_the_requester_and_shows_on_their_notifications_page(
    client: Client, mail_settings: Settings, mailbox: tuple[Inbox, int]
) -> None:
    report = await weekly_report()
    body = await ask(client, report)
    approved = await client.post(
        f"/api/extensions/{body['id']}/approve", json={"note": "Đồng ý"}, auth=auth(OFFICER)
    )
    assert approved.status_code == 200, approved.text

    told = await rows("extension-decision")
    assert sorted((r["email"], r["channel"]) for r in told) == [(LONG, "email"), (LONG, "inapp")]
    assert told[0]["key"] == f"x{body['id']}:p{await person(LONG)}:approved"
    # The request's mails not yet sent are cancelled with the decision; in the app they stay.
    asked = await rows("extension-request")
    assert {r["state"] for r in asked if r["channel"] == "email"} == {"cancelled"}
    assert {r["state"] for r in asked if r["channel"] == "inapp"} == {"sent"}

    # Decided again: 409, and nothing more written; a retried write writes nothing.
    twice = await client.post(f"/api/extensions/{body['id']}/approve", auth=auth(CHAIRMAN))
    assert twice.status_code == 409
    view = await find_extension(body["id"], Scope.system(), tz=TZ, now=NOW)
    assert await tell_requester(view, settings=mail_settings, now=NOW) == 0
    assert len(await rows("extension-decision")) == 2

    delivered = await deliver_due(mail_settings, NOW)
    assert [s["address"] for s in delivered.sent if s["channel"] == "email"] == [LONG]
    box, _ = mailbox
    mail = box.wait_for(LONG, timeout=10)
    assert str(mail["Subject"]).startswith("[Gia hạn được duyệt] ")
    text = body_of(mail)
    assert "Kính gửi Nguyễn Hữu Long," in text
    assert "Đề nghị gia hạn của anh/chị đã được Trần Thị Hoa duyệt." in text
    assert (
        "Hạn làm việc mới: Thứ Sáu, 10/04/2026 16:15 (hạn ban đầu Thứ Năm, 09/04/2026 16:15)"
        in (text)
    )
    assert "Ghi chú: Đồng ý" in text
    assert f"{BASE_URL}/occurrences/{report}#gia-han" in text
    assert len(box.messages) == 1  # the approvers' mails were cancelled before they went

    # Long's notifications page: the decision, unread, leading to the extension part.
    async with AsyncTestClient(app=client.app, base_url="https://testserver.local") as browser:
        browser.follow_redirects = False
        assert (await sign_in(browser, LONG, PASSWORD)).status_code == 302
        page = await browser.get("/notifications")
        assert page.status_code == 200
        assert '<span class="count" title="1 thông báo chưa đọc">' in page.text
        assert "Bạn có <strong>1</strong> thông báo chưa đọc." in page.text
        assert f'<a href="/occurrences/{report}#gia-han">[Gia hạn được duyệt] ' in page.text
        assert "Trần Thị Hoa đã duyệt gia hạn; hạn mới Thứ Sáu, 10/04/2026 16:15. " in page.text
        assert "Ghi chú: Đồng ý" in page.text
    # The officer's page has the request.
    async with AsyncTestClient(app=client.app, base_url="https://testserver.local") as browser:
        browser.follow_redirects = False
        assert (await sign_in(browser, OFFICER, PASSWORD)).status_code == 302
        page = await browser.get("/notifications")
        assert f'<a href="/occurrences/{report}#gia-han">[Đề nghị gia hạn] ' in page.text
        assert (
            "Nguyễn Hữu Long đề nghị gia hạn từ Thứ Năm, 09/04/2026 16:15 đến Thứ Sáu, "
            f"10/04/2026 16:15: {REASON}"
        ) in page.text


async def test_a_refusal_tells_the_requester_why(
    client: Client, mail_settings: Settings, mailbox: tuple[Inbox, int]
) -> None:
    report = await weekly_report()
    body = await ask(client, report)
    refused = await client.post(
        f"/api/extensions/{body['id']}/refuse",
        json={"note": "Số liệu đã có từ tuần trước"},
        auth=auth(CHAIRMAN),
    )
    assert refused.status_code == 200, refused.text
    told = await rows("extension-decision")
    assert {(r["email"], r["key"].rsplit(":", 1)[1]) for r in told} == {(LONG, "refused")}
    assert {r["state"] for r in await rows("extension-request") if r["channel"] == "email"} == {
        "cancelled"
    }
    await deliver_due(mail_settings, NOW)
    box, _ = mailbox
    mail = box.wait_for(LONG, timeout=10)
    assert str(mail["Subject"]).startswith("[Gia hạn bị từ chối] ")
    text = body_of(mail)
    assert "Đề nghị gia hạn của anh/chị đã bị Phạm Văn Thắng từ chối." in text
    assert "Hạn vẫn giữ nguyên: Thứ Năm, 09/04/2026 16:15" in text
    assert "Lý do từ chối: Số liệu đã có từ tuần trước" in text
    assert len(box.messages) == 1


async def test_an_approval_keeps_an_earlier_refusal_not_yet_mailed(
    client: Client, mail_settings: Settings, mailbox: tuple[Inbox, int]
) -> None:
    """A refusal, then a second request approved before the refusal's mail went: the
    approval cancels the old deadline's reminders and the request's mails, never the
    earlier decision, which stays true; the requester gets both, in order."""
    report = await weekly_report()
    first = await ask(client, report)
    refused = await client.post(
        f"/api/extensions/{first['id']}/refuse", json={"note": "Thiếu lý do"}, auth=auth(CHAIRMAN)
    )
    assert refused.status_code == 200, refused.text
    second = await ask(client, report)
    approved = await client.post(
        f"/api/extensions/{second['id']}/approve", json={"note": "Đồng ý"}, auth=auth(OFFICER)
    )
    assert approved.status_code == 200, approved.text
    told = [r for r in await rows("extension-decision") if r["channel"] == "email"]
    assert [(r["key"].rsplit(":", 1)[1], r["state"]) for r in told] == [
        ("refused", "queued"),
        ("approved", "queued"),
    ]
    assert {r["state"] for r in await rows("extension-request") if r["channel"] == "email"} == {
        "cancelled"
    }
    await deliver_due(mail_settings, NOW)
    box, _ = mailbox
    with box.lock:
        box.lock.wait_for(lambda: len(box.messages) >= 2, 10)
    subjects = sorted(str(m["Subject"]).split("]")[0] + "]" for m in box.messages)
    assert subjects == ["[Gia hạn bị từ chối]", "[Gia hạn được duyệt]"]


async def test_a_withdrawn_request_takes_back_the_mails_not_yet_sent(
    client: Client, mail_settings: Settings, mailbox: tuple[Inbox, int]
) -> None:
    report = await weekly_report()
    body = await ask(client, report)
    withdrawn = await client.post(f"/api/extensions/{body['id']}/withdraw", auth=auth(LONG))
    assert withdrawn.status_code == 200, withdrawn.text
    asked = await rows("extension-request")
    assert {r["state"] for r in asked if r["channel"] == "email"} == {"cancelled"}
    assert {r["state"] for r in asked if r["channel"] == "inapp"} == {"sent"}
    assert await rows("extension-decision") == []  # nobody is told of a withdrawal
    assert (await deliver_due(mail_settings, NOW)).sent == []
    assert mailbox[0].messages == []


async def test_an_officer_who_asks_is_not_told_of_their_own_request(client: Client) -> None:
    report = await weekly_report()
    await ask(client, report, who=OFFICER)
    assert sorted({r["email"] for r in await rows("extension-request")}) == [CHAIRMAN]


# --------------------------------------------------------------------------- settings


async def test_settings_a_reminder_obeys_are_obeyed(client: Client) -> None:
    """A person on "escalations" still hears of what waits for their decision; a plan
    turned off tells nobody (the request still waits on /compliance)."""
    report = await weekly_report()
    await set_mode("escalations", email=CHAIRMAN, now=NOW)
    body = await ask(client, report)
    assert sorted({r["email"] for r in await rows("extension-request")}) == sorted(
        [OFFICER, CHAIRMAN]
    )
    assert (await client.post(f"/api/extensions/{body['id']}/withdraw", auth=auth(LONG))).is_success
    await set_mode("off", plan="dai-son-2026", now=NOW)
    second = await ask(client, report)
    assert [r for r in await rows("extension-request") if f"x{second['id']}:" in r["key"]] == []


async def person(email: str) -> int:
    row = await Person.select(Person.id).where(Person.email == email).first()
    assert row is not None
    return int(row["id"])
