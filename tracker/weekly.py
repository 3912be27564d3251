"""The weekly summary by e-mail: each Monday from 07:30 local time (the next working day
when Monday is off), every chairman and officer gets, for their commune (or district,
province, city), the four numbers of the year so far, the three units (or communes) with
the most overdue work, and the Word report attached; through the outbox, so it is sent, retried and recorded like every
reminder. A person may turn it off (``PUT /api/me/weekly-summary``).

It lives at the top (layer 6) because it joins two areas that may not import each
other: the reports say what the summary holds, notify says who gets it and sends it.
The worker runs :func:`weekly_tick` every minute; outside those hours it does
nothing, and a summary already written for the week is never written twice.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from dataclasses import dataclass

from huey import crontab

from tracker.config import Settings
from tracker.notify.delivery import deliver_due
from tracker.notify.jobs import bound_settings, job_settings
from tracker.notify.policy import DIGEST_TIME, QUIET_START
from tracker.notify.summaries import (
    Recipient,
    queue_summary,
    summary_key,
    weekly_keys_written,
    weekly_recipients,
)
from tracker.org.tables import Unit
from tracker.queue import huey, run_async
from tracker.reports.compliance import Row
from tracker.reports.documents import (
    DOCX_TYPE,
    ComplianceDocument,
    gather_report,
    render_docx,
    report_filename,
)
from tracker.schedule.calendars import load_work_calendar
from tracker.vn import format_date, format_datetime, format_number, format_percent

__all__ = ["WEEKLY_TIME", "WeeklyRun", "send_weekly", "summary_week", "weekly_tick"]

logger = logging.getLogger(__name__)

WEEKLY_TIME = DIGEST_TIME  # Monday 07:30, with the day's digest
WORST = 3


def summary_week(now: dt.datetime, settings: Settings) -> str | None:
    """The ISO week ("2026-W27") whose summary is due at ``now``: on the week's first
    working day (Monday, or the day after a Monday off) from 07:30 until the quiet hours;
    None at any other time, and all week when the whole week is off (Tết)."""
    local = now.astimezone(settings.tz)
    monday = local.date() - dt.timedelta(days=local.weekday())
    first = load_work_calendar(settings.calendars_dir).next_working_day(monday)
    if local.date() != first or not WEEKLY_TIME <= local.time() < QUIET_START:
        return None
    year, week, _ = local.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class WeeklyRun:
    week: str | None
    written: int = 0
    already: int = 0


async def send_weekly(settings: Settings, now: dt.datetime) -> WeeklyRun:
    """Write this week's summaries that are not written yet (nothing outside Monday's
    hours). Chairmen and officers of one commune share one report."""
    week = summary_week(now, settings)
    if week is None:
        return WeeklyRun(week=None)
    done = await weekly_keys_written(week)
    recipients = await weekly_recipients()
    todo = [r for r in recipients if summary_key(r.id, r.path, week) not in done]
    reports: dict[str, tuple[ComplianceDocument, bytes]] = {}
    written = 0
    for recipient in todo:
        if recipient.path not in reports:
            document = await _report(settings, recipient.path, now)
            reports[recipient.path] = (document, render_docx(document))
        document, word = reports[recipient.path]
        subject, text, body = summary_message(document, recipient, settings)
        written += await queue_summary(
            recipient, week, subject=subject, text=text, html=body, now=now,
            attachments=[(report_filename(document, "docx"), DOCX_TYPE, word)],
        )  # fmt: skip
    return WeeklyRun(week=week, written=written, already=len(recipients) - len(todo))


async def _report(settings: Settings, path: str, now: dt.datetime) -> ComplianceDocument:
    """The year so far of the unit at ``path``: by lead unit for a commune, by commune
    for a district, province or city."""
    unit = await Unit.select(Unit.name, Unit.kind).where(Unit.path == path).first()
    year = now.astimezone(settings.tz).year
    return await gather_report(
        unit_path=path, scope_name=unit["name"] if unit else "",
        start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), as_of=now, tz=settings.tz,
        calendar=load_work_calendar(settings.calendars_dir),
        by="unit" if unit is None or unit["kind"] == "commune" else "commune",
    )  # fmt: skip


def worst_rows(document: ComplianceDocument) -> list[Row]:
    """The rows with the most overdue work, at most three, none without any."""
    late = [row for row in document.report.rows if row.counts.overdue]
    return sorted(late, key=lambda row: (-row.counts.overdue, row.name))[:WORST]


def summary_message(
    document: ComplianceDocument, recipient: Recipient, settings: Settings
) -> tuple[str, str, str]:
    """The subject, text and HTML of one person's summary."""
    issuer = document.issuer.name or document.scope_name
    totals = document.totals
    as_of = document.as_of_local
    subject = f"Tình hình thực hiện nhiệm vụ đến {format_date(as_of.date())} – {issuer}"
    numbers = [
        ("Hoàn thành đúng hạn", totals.done_on_time),
        ("Hoàn thành quá hạn", totals.done_late),
        ("Chưa hoàn thành, trong hạn", totals.pending),
        ("Chưa hoàn thành, quá hạn", totals.overdue),
    ]
    rate = (
        f"Tỷ lệ hoàn thành trên {format_number(totals.due)} nhiệm vụ đã đến hạn: "
        f"{format_percent(totals.done_rate)}."
    )
    worst = [f"{row.name}: {format_number(row.counts.overdue)} nhiệm vụ quá hạn"
             for row in worst_rows(document)]  # fmt: skip
    kind = "đơn vị" if document.by == "unit" else "xã, phường"
    opening = (
        f"Tình hình thực hiện nhiệm vụ năm {document.report.start.year} của {issuer}, "
        f"tính đến {format_datetime(as_of, with_weekday=False)}:"
    )
    worst_title = f"Các {kind} có nhiều nhiệm vụ quá hạn nhất:"
    nobody_late = f"Không có {kind} nào có nhiệm vụ quá hạn."
    attached = "Báo cáo chi tiết (mẫu Nghị định 30/2020/NĐ-CP) được đính kèm thư này."
    turn_off = (
        'Không muốn nhận thư này nữa: gửi PUT {"enabled": false} tới '
        f"{settings.base_url}/api/me/weekly-summary."
    )
    lines = [f"Kính gửi {recipient.name},", "", opening]
    lines += [f"- {label}: {format_number(n)}" for label, n in numbers]
    lines += [rate, ""]
    lines += (
        [worst_title, *[f"{i}. {w}" for i, w in enumerate(worst, 1)]] if worst else [nobody_late]
    )
    lines += ["", attached, turn_off]
    e = html.escape
    body = "".join(
        [
            f"<p>Kính gửi {e(recipient.name)},</p><p>{e(opening)}</p><ul>",
            *[f"<li>{e(label)}: <b>{format_number(n)}</b></li>" for label, n in numbers],
            f"</ul><p>{e(rate)}</p>",
            (f"<p>{e(worst_title)}</p><ol>" + "".join(f"<li>{e(w)}</li>" for w in worst) + "</ol>")
            if worst
            else f"<p>{e(nobody_late)}</p>",
            f"<p>{e(attached)}</p><p><small>{e(turn_off)}</small></p>",
        ]
    )
    return subject, "\n".join(lines) + "\n", body


@huey.periodic_task(crontab(minute="*"), name="tracker.weekly")
def weekly_tick() -> None:
    """Every minute: on Monday from 07:30, this week's summaries not yet written, then
    their delivery (the reminder tick delivers any left over)."""
    settings = job_settings()
    now = dt.datetime.now(settings.tz)
    if summary_week(now, settings) is None:
        return

    async def work() -> WeeklyRun:
        await bound_settings()
        run = await send_weekly(settings, now)
        if run.written:
            await deliver_due(settings, now)
        return run

    run = run_async(work)
    if run.written:
        logger.info("Thư tổng hợp tuần %s: %s thư mới", run.week, run.written)
