"""The ``tracker`` command: serve, worker, db migrate, seed."""

from __future__ import annotations

import logging
import sys
from typing import Any

import click
from rich.console import Console
from rich.tree import Tree

from tracker.config import Settings, load_settings
from tracker.errors import TrackerError

console = Console()
err_console = Console(stderr=True)


def _settings(ctx: click.Context) -> Settings:
    settings: Settings = ctx.obj["settings"]
    return settings


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log more detail.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """tracker: kế hoạch, hạn công việc và nhắc việc cho UBND xã."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        ctx.obj = {"settings": load_settings()}
    except TrackerError as exc:
        err_console.print(f"[red]Lỗi cấu hình:[/red] {exc.message}")
        sys.exit(2)


@main.command()
@click.option("--check", is_flag=True, help="Only read and check the seed files; write nothing.")
@click.option("--show", "show", metavar="PLAN", help="Print one plan's tree and deadlines.")
@click.pass_context
def seed(ctx: click.Context, check: bool, show: str | None) -> None:
    """Load the units, demo people and seed plans (idempotent)."""
    from tracker.seeds import read_seed_set

    settings = _settings(ctx)
    try:
        seeds = read_seed_set(settings.seeds_dir)
        if show:
            _show_plan(settings, seeds, show)
            return
        if check:
            console.print(
                f"{len(seeds.units)} units, {len(seeds.people)} people, "
                f"{len(seeds.plans)} plans: "
                + ", ".join(f"{p.key} ({p.task_count} tasks)" for p in seeds.plans)
            )
            return
    except TrackerError as exc:
        err_console.print(f"[red]Lỗi:[/red] {exc.message}")
        sys.exit(1)


def _show_plan(settings: Settings, seeds: Any, key: str) -> None:
    from tracker.tasks.calendars import load_work_calendar
    from tracker.tasks.schedule import expand
    from tracker.vn import format_date, format_time

    plans = {p.key: p for p in seeds.plans}
    if key not in plans:
        raise TrackerError(f"There is no seed plan '{key}'; the plans are {', '.join(plans)}.")
    plan = plans[key]
    calendar = load_work_calendar(settings.calendars_dir)
    root = Tree(f"[bold]{plan.number}[/bold] {plan.title} ({plan.task_count} tasks)")
    stack = [(root, -1)]
    for task, depth in plan.walk():
        while stack[-1][1] >= depth:
            stack.pop()
        text = f"[cyan]{task.label or '·'}[/cyan] {task.content[:90]}"
        if task.kind == "task":
            text += f"\n  chủ trì: {', '.join(task.lead) or '—'}; phối hợp: {', '.join(task.coordinating) or '—'}"
            text += f"\n  thời gian: {task.timing!r} → {[r.to_dict() for r in task.rules]}"
            occurrences = expand(
                list(task.rules),
                period_start=plan.period_start,
                period_end=plan.period_end,
                calendar=calendar,
            )
            if occurrences:
                dues = [
                    format_date(o.due_date) + (f" {format_time(o.due_time)}" if o.due_time else "")
                    for o in occurrences
                ]
                shown = ", ".join(dues[:6]) + (f" … ({len(dues)})" if len(dues) > 6 else "")
                text += f"\n  hạn: {shown}"
        node = stack[-1][0].add(text)
        stack.append((node, depth))
    console.print(root)
