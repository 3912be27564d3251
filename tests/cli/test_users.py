"""``tracker user`` as an operator runs it, in a process of its own against the seeded
database: add a person (their invitation mailed and its link printed), list, send a new
link, lock and unlock; the printed link works in the app, once."""

from __future__ import annotations

import datetime as dt
import email
import json
import os
import re
import subprocess
import sys
from email.message import EmailMessage
from email.policy import default
from typing import Any
from urllib.parse import urlsplit

from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.forms import post_form, sign_in
from tracker.app import create_app
from tracker.config import Settings

NOW = dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ)
NEW = "mai.nt@daison.example.vn"
KINH_TE = "hai-phong.dai-son.kinh-te"
LINK = re.compile(r"(https?://\S+/sign-in/[A-Za-z0-9_-]+)")


def tracker(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env.update({"TRACKER_DATA_DIR": str(settings.data_dir),
                "TRACKER_DATABASE_URL": settings.effective_database_url, "COLUMNS": "200"})  # fmt: skip
    return subprocess.run([sys.executable, "-m", "tracker", *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip


def printed_link(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    match = LINK.search(result.stdout)
    assert match is not None, result.stdout
    return urlsplit(match.group(1)).path


def mailed_links(settings: Settings) -> list[str]:
    """The sign-in links in the mails written to the data directory (no SMTP server)."""
    found = []
    for path in sorted((settings.data_dir / "mail").glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=default)
        assert isinstance(message, EmailMessage)
        body = message.get_body(("plain",))
        assert body is not None
        found += [urlsplit(u).path for u in LINK.findall(body.get_content())]
    return found


def listed(settings: Settings) -> dict[str, Any]:
    result = tracker(settings, "user", "list", "--unit", "hai-phong.dai-son", "--json")
    assert result.returncode == 0, result.stderr
    return {p["email"]: p for p in json.loads(result.stdout)}


async def test_the_command_line_adds_lists_invites_and_locks_people(seeded_rw: Settings) -> None:
    added = tracker(seeded_rw, "user", "add", NEW, "--name", "Nguyễn Thị Mai",
                    "--title", "Chuyên viên", "--unit", KINH_TE, "--head", KINH_TE)  # fmt: skip
    first = printed_link(added)
    assert "Đã thêm Nguyễn Thị Mai <mai.nt@daison.example.vn>." in added.stdout
    assert mailed_links(seeded_rw) == [first]  # the mail went out with the same link
    person = listed(seeded_rw)[NEW]
    assert (person["role"], person["units"], person["heads"]) == ("member", [KINH_TE], [KINH_TE])
    assert (person["active"], person["has_password"]) == (True, False)

    second = printed_link(tracker(seeded_rw, "user", "invite", NEW))
    assert second != first

    app = create_app(seeded_rw, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as browser:
        browser.follow_redirects = False
        assert (await browser.get(first)).status_code == 410  # replaced
        form = {"password": "mat-khau-moi-1", "confirm": "mat-khau-moi-1"}
        assert (await post_form(browser, second, form)).status_code == 302
        assert (await browser.get(second)).status_code == 410  # used

        locked = tracker(seeded_rw, "user", "deactivate", NEW)
        assert locked.returncode == 0, locked.stderr
        assert listed(seeded_rw)[NEW]["active"] is False
        assert (await browser.get("/calendar")).status_code in (302, 303)  # the session ended
        assert (await sign_in(browser, NEW, "mat-khau-moi-1")).status_code == 401
        assert tracker(seeded_rw, "user", "activate", NEW).returncode == 0
        assert (await sign_in(browser, NEW, "mat-khau-moi-1")).status_code == 302

    unknown = tracker(seeded_rw, "user", "add", "x@daison.example.vn", "--name", "X",
                      "--unit", "khong-co")  # fmt: skip
    assert unknown.returncode == 1
    assert "Không có đơn vị mã 'khong-co'" in unknown.stderr
    twice = tracker(seeded_rw, "user", "add", NEW, "--name", "Mai", "--unit", KINH_TE)
    assert twice.returncode == 1
    assert "đã có người dùng khác" in twice.stderr
    nobody = tracker(seeded_rw, "user", "invite", "khong-co@daison.example.vn")
    assert nobody.returncode == 1
    assert "Không có người dùng nào có địa chỉ e-mail" in nobody.stderr
