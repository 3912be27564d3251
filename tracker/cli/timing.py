"""``tracker timing``: read one timing phrase and list the deadlines it gives."""

from __future__ import annotations

import datetime as dt
import json

import click

from tracker.cli.common import console, current_time, settings_of
from tracker.schedule.calendars import load_work_calendar
from tracker.schedule.timing.preview import preview_timing

__all__ = ["timing"]


@click.command()
@click.argument("phrase")
@click.option("--year", type=int, help="Năm của kế hoạch (mặc định: năm nay).")
@click.option("--event-date", type=click.DateTime(formats=["%Y-%m-%d", "%d/%m/%Y"]),
              help="Ngày xảy ra sự kiện, cho các thời hạn tính từ sự kiện.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.pass_context
def timing(
    ctx: click.Context, phrase: str, year: int | None, event_date: dt.datetime | None, as_json: bool
) -> None:
    """Đọc một cụm thời gian (PHRASE) và liệt kê các hạn của nó trong năm."""
    settings = settings_of(ctx)
    data = preview_timing(
        phrase,
        year=year or current_time(settings).year,
        event_date=event_date.date() if event_date else None,
        calendar=load_work_calendar(settings.calendars_dir),
        tz=settings.tz,
    )
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console.print(f"[bold]{phrase}[/bold]")
    for rule in data["rules"]:
        console.print(f"  quy tắc: {rule}")
    for occ in data["occurrences"]:
        start = f"{occ['start']} → " if occ["start"] else ""
        console.print(f"  {occ['label']}: {start}{occ['due']}")
    if data["review"]:
        console.print(f"[yellow]Cần xem lại:[/yellow] {data['reason']}")
    if data["caution"]:
        console.print(f"[yellow]Lưu ý:[/yellow] {data['caution']}")
