"""The Monday summary e-mail (the first working day of the week), end to end against a real SMTP server (aiosmtpd): each
chairman and officer gets the four numbers of their commune's year, the units with the
most overdue work and the Word report attached, once a week, unless they turned it off."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from docx import Document
from litestar.testing import AsyncTestClient

from tests.conftest import TZ
from tests.mail import Inbox, smtp_inbox
from tracker.app import create_app
from tracker.cli import main
from tracker.config import Settings
from tracker.notify.delivery import deliver_due
from tracker.notify.tables import Outbox
from tracker.org.auth import set_password
from tracker.reports.compliance import count_compliance
from tracker.vn import format_number
from tracker.weekly import send_weekly, summary_week

MONDAY = dt.datetime(2026, 6, 29, 7, 45, tzinfo=TZ)
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
PASSWORD = "mat-khau-tuan"
CHAIRMAN = "thang.pv@daison.example.vn"  # Đại Sơn's chairman: turns the summary off
OFFICER = "hoa.tt@daison.example.vn"
# The chairmen and officers of the five demo communes (seeds/people).
RECIPIENTS = {
    OFFICER, CHAIRMAN, "anh.htn@doanket.example.vn", "toan.tv@doanket.example.vn",
    "lan.ttn@kienan.example.vn", "phuoc.lv@kienan.example.vn", "huyen.vtt@leloi.example.vn",
    "khai.nv@leloi.example.vn", "huong.ltt@nhattan.example.vn", "thanh.nd@nhattan.example.vn",
}  # fmt: skip
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    with smtp_inbox() as box:
        yield box


@pytest.mark.parametrize(
    ("moment", "week"),
    [
        ("2026-06-29T07:30:00", "2026-W27"),  # Monday, the first minute
        ("2026-06-29T17:59:00", "2026-W27"),
        ("2026-06-29T07:29:00", None),
        ("2026-06-29T18:00:00", None),  # the quiet hours
        ("2026-06-28T09:00:00", None),  # Sunday
        ("2026-06-30T09:00:00", None),  # Tuesday
        ("2026-06-29T00:45:00Z", "2026-W27"),  # 07:45 in Hà Nội
        ("2026-04-27T09:00:00", None),  # Giỗ Tổ, observed on Monday 27/04: not worked
        ("2026-04-28T07:30:00", "2026-W18"),  # so the week's summary goes on Tuesday
        ("2026-02-16T09:00:00", None),  # the week of Tết: nobody at work, no summary
        ("2026-02-23T09:00:00", "2026-W09"),  # then only the next week's
    ],
)
def test_the_summary_is_due_on_monday_mornings(
    settings: Settings, moment: str, week: str | None
) -> None:
    when = dt.datetime.fromisoformat(moment.replace("Z", "+00:00"))
    assert summary_week(when if when.tzinfo else when.replace(tzinfo=LOCAL), settings) == week


async def test_each_chairman_and_officer_gets_the_summary_once_unless_turned_off(
    seeded_rw: Settings, inbox: tuple[Inbox, int]
) -> None:
    box, port = inbox
    settings = seeded_rw.with_changes(smtp_host="127.0.0.1", smtp_port=port)
    await set_password(CHAIRMAN, PASSWORD)
    app = create_app(settings, clock=lambda: MONDAY, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        auth = (CHAIRMAN, PASSWORD)
        assert (await client.get("/api/me/weekly-summary", auth=auth)).json() == {"enabled": True}
        off = await client.put("/api/me/weekly-summary", json={"enabled": False}, auth=auth)
        assert off.json() == {"enabled": False}
        assert (await client.get("/api/me/weekly-summary", auth=auth)).json() == {"enabled": False}
        assert (await client.get("/api/me/weekly-summary")).status_code == 401

    sunday = await send_weekly(settings, MONDAY - dt.timedelta(days=1))
    assert (sunday.week, sunday.written) == (None, 0)
    run = await send_weekly(settings, MONDAY)
    assert (run.week, run.written) == ("2026-W27", len(RECIPIENTS) - 1)
    again = await send_weekly(settings, MONDAY + dt.timedelta(hours=2))
    assert (again.written, again.already) == (0, len(RECIPIENTS) - 1)
    delivered = await deliver_due(settings, MONDAY)
    assert len(delivered.sent) == len(RECIPIENTS) - 1
    assert {str(m["To"]) for m in box.messages} == RECIPIENTS - {CHAIRMAN}
    assert await Outbox.count().where(Outbox.step == "weekly") == len(RECIPIENTS) - 1

    mail = next(m for m in box.messages if str(m["To"]) == OFFICER)
    assert str(mail["Subject"]) == "Tình hình thực hiện nhiệm vụ đến 29/06/2026 – UBND xã Đại Sơn"
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    counts = await count_compliance(
        unit_path="/hai-phong/hai-phong.dai-son/", start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31), as_of=MONDAY, tz=LOCAL,
    )  # fmt: skip
    totals = counts.totals
    for line in (
        f"- Hoàn thành đúng hạn: {format_number(totals.done_on_time)}",
        f"- Hoàn thành quá hạn: {format_number(totals.done_late)}",
        f"- Chưa hoàn thành, trong hạn: {format_number(totals.pending)}",
        f"- Chưa hoàn thành, quá hạn: {format_number(totals.overdue)}",
    ):
        assert line in text.splitlines()
    worst = sorted((r for r in counts.rows if r.counts.overdue),
                   key=lambda r: (-r.counts.overdue, r.name))[:3]  # fmt: skip
    assert worst
    for place, row in enumerate(worst, start=1):
        assert f"{place}. {row.name}: {row.counts.overdue} nhiệm vụ quá hạn" in text
    html_part = mail.get_body(preferencelist=("html",))
    assert html_part is not None
    assert "<li>Chưa hoàn thành, quá hạn: <b>" in html_part.get_content()

    attached = list(mail.iter_attachments())
    assert [a.get_content_type() for a in attached] == [DOCX]
    assert attached[0].get_filename() == "Báo cáo tình hình thực hiện - Đại Sơn - 29-06-2026.docx"
    word = Document(io.BytesIO(attached[0].get_content()))
    assert word.tables[0].rows[0].cells[0].text == "UBND XÃ ĐẠI SƠN"
    assert any(
        p.text.startswith(f"Tổng số {format_number(totals.total)} nhiệm vụ")
        for p in word.paragraphs
    )
    kien_an = next(m for m in box.messages if str(m["To"]) == "phuoc.lv@kienan.example.vn")
    assert "UBND xã Kiến An" in str(kien_an["Subject"])


def test_the_command_line_sends_the_summary_by_hand(seeded_rw: Settings, tmp_path: Path) -> None:
    env = {
        "TRACKER_DATA_DIR": str(seeded_rw.data_dir),
        "TRACKER_DATABASE_URL": seeded_rw.effective_database_url,
    }
    runner = CliRunner()
    tuesday = runner.invoke(
        main, ["report", "weekly", "--now", "2026-06-30T09:00:00+07:00"], env=env
    )
    assert tuesday.exit_code == 1
    assert "chỉ gửi vào thứ Hai" in tuesday.output
    sent = runner.invoke(main, ["report", "weekly", "--now", MONDAY.isoformat()], env=env)
    assert sent.exit_code == 0, sent.output
    assert f"Tuần 2026-W27: {len(RECIPIENTS)} thư mới" in sent.output
    # Without an SMTP server the mails are files (the demo's mailbox).
    assert len(list((seeded_rw.data_dir / "mail").glob("*.eml"))) == len(RECIPIENTS)
    again = runner.invoke(main, ["report", "weekly", "--now", MONDAY.isoformat()], env=env)
    assert "0 thư mới" in again.output
