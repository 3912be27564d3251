"""Reports that go upward: ``tracker report compliance`` and ``tracker report weekly``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from tracker import db
from tracker.cli.common import console, fail, moment, run, settings_of
from tracker.notify.delivery import deliver_due
from tracker.org.scope import Scope
from tracker.org.services import visible_unit
from tracker.plans.services import find_plan
from tracker.reports.compliance import BY
from tracker.reports.documents import ComplianceDocument, gather_report, render_docx
from tracker.reports.workbook import render_xlsx
from tracker.schedule.calendars import load_work_calendar
from tracker.vn import parse_day
from tracker.weekly import WeeklyRun, send_weekly

__all__ = ["compliance", "report", "weekly"]


def _day(text: str | None, option: str) -> dt.date | None:
    """``--from``/``--to``: dd/mm/yyyy, as officers write dates (ISO is taken too)."""
    if not text:
        return None
    try:
        return parse_day(text)
    except ValueError:
        fail(f"{option} '{text}' không phải một ngày dạng dd/mm/yyyy, ví dụ 31/12/2026.", code=2)


@click.group(name="report")
def report() -> None:
    """Báo cáo gửi cấp trên."""


@report.command(name="compliance")
@click.option(
    "--unit", "unit_code", required=True, help="Mã đơn vị báo cáo, ví dụ hai-phong.dai-son."
)
@click.option("--plan", "plan_ref", help="Chỉ tính một kế hoạch (khóa hoặc số).")
@click.option("--from", "start_text", help="Hạn từ ngày (dd/mm/yyyy); mặc định đầu năm.")
@click.option("--to", "end_text", help="Hạn đến ngày (dd/mm/yyyy); mặc định cuối năm.")
@click.option("--as-of", "as_of_text", help="Số liệu tính đến lúc (ISO 8601); mặc định bây giờ.")
@click.option("--by", type=click.Choice(BY), default="unit", show_default=True,
              help="Phụ lục theo đơn vị, kế hoạch, xã …")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["docx", "xlsx"]), required=True,
              help="docx: báo cáo Word; xlsx: bảng tổng hợp Excel.")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Tệp ghi ra.")  # fmt: skip
@click.pass_context
def compliance(
    ctx: click.Context,
    unit_code: str,
    plan_ref: str | None,
    start_text: str | None,
    end_text: str | None,
    as_of_text: str | None,
    by: str,
    fmt: str,
    output: Path,
) -> None:
    """Báo cáo tình hình thực hiện nhiệm vụ (Word theo Nghị định 30/2020/NĐ-CP, hoặc Excel)."""
    settings = settings_of(ctx)
    as_of = moment(settings, as_of_text)
    year = as_of.astimezone(settings.tz).year
    start = _day(start_text, "--from") or dt.date(year, 1, 1)
    end = _day(end_text, "--to") or dt.date(year, 12, 31)
    scope = Scope.system()

    async def work() -> ComplianceDocument:
        await db.migrate()
        unit = await visible_unit(unit_code, scope)
        plan_ids = [(await find_plan(plan_ref, scope))["id"]] if plan_ref else None
        return await gather_report(
            unit_path=str(unit["path"]), scope_name=unit["name"], start=start, end=end,
            as_of=as_of, tz=settings.tz, calendar=load_work_calendar(settings.calendars_dir),
            by=by, plan_ids=plan_ids,
        )  # fmt: skip

    document = run(settings, work)
    content = render_docx(document) if fmt == "docx" else render_xlsx(document)
    try:
        output.write_bytes(content)
    except OSError as exc:
        fail(f"Không ghi được tệp {output}: {exc.strerror}.")
    totals = document.totals
    console.print(
        f"Đã ghi {output}: {totals.total} hạn, {totals.overdue} quá hạn, "
        f"{len(document.report.rows)} dòng phụ lục."
    )


@report.command(name="weekly")
@click.option("--now", "now_text", help="Thời điểm chạy (ISO 8601); mặc định bây giờ.")
@click.pass_context
def weekly(ctx: click.Context, now_text: str | None) -> None:
    """Viết và gửi thư tổng hợp sáng thứ Hai cho chủ tịch và cán bộ văn phòng (như tiến
    trình nền làm lúc 07:30 thứ Hai); chạy lại không gửi trùng."""
    settings = settings_of(ctx)
    now = moment(settings, now_text)

    async def work() -> tuple[WeeklyRun, int]:
        await db.migrate()
        run = await send_weekly(settings, now)
        delivered = await deliver_due(settings, now) if run.written else None
        return run, len(delivered.sent) if delivered else 0

    done, sent = run(settings, work)
    if done.week is None:
        fail(
            "Thư tổng hợp chỉ gửi vào thứ Hai (hoặc ngày làm việc đầu tuần khi thứ Hai nghỉ), "
            "từ 07:30 đến 18:00; dùng --now để chọn lúc khác."
        )
    console.print(
        f"Tuần {done.week}: {done.written} thư mới ({done.already} thư đã có từ trước), "
        f"{sent} thư đã gửi."
    )
