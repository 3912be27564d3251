"""Plans in and out: ``tracker import`` (Word, Excel, OpenDocument, text, YAML) and ``tracker export``
(YAML or the Excel template, both of which import back unchanged)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table
from rich.tree import Tree

from tracker import db
from tracker.cli.common import console, current_time, err_console, fail, run, settings_of
from tracker.notify.services import expander_for
from tracker.org.scope import Scope
from tracker.org.services import unit_tree
from tracker.plans.documents import PlanDoc, plan_to_yaml
from tracker.plans.exports import plan_to_xlsx
from tracker.plans.importers.build import ImportOptions
from tracker.plans.imports import ImportOutcome, import_document
from tracker.plans.services import find_plan, load_plan_doc

__all__ = ["export_command", "import_command"]


@click.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ xem trước, không ghi gì.")
@click.option("--json", "as_json", is_flag=True, help="In tóm tắt dạng JSON.")
@click.option("--unit", help="Mã đơn vị ban hành, khi văn bản không nêu rõ.")
@click.option("--key", help="Khóa của kế hoạch (mặc định: tên xã và năm).")
@click.option("--year", type=int, help="Năm của kế hoạch, khi văn bản không nêu rõ.")
@click.option(
    "--create-units", is_flag=True, help="Tạo đơn vị mới cho các tên chưa có trong danh sách."
)
@click.option(
    "--accept-review",
    is_flag=True,
    help="Vẫn ghi các nhiệm vụ không đọc được thời gian: chưa có hạn, đánh dấu cần xem lại.",
)
@click.option(
    "--sheet",
    help="Trang tính cần nhập, khi mỗi trang tính của tệp bảng tính là một kế hoạch riêng.",
)
@click.pass_context
def import_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    dry_run: bool,
    as_json: bool,
    unit: str | None,
    key: str | None,
    year: int | None,
    create_units: bool,
    accept_review: bool,
    sheet: str | None,
) -> None:
    """Nhập kế hoạch từ tệp Word (.docx, .doc), PDF, Excel (.xlsx, .csv), LibreOffice (.odt, .ods), văn bản (.txt, .md) hoặc YAML."""
    settings = settings_of(ctx)
    if key and len(paths) > 1:
        fail("Tùy chọn --key chỉ dùng khi nhập một tệp.")
    if sheet is not None and len(paths) > 1:
        fail("Tùy chọn --sheet chỉ dùng khi nhập một tệp.")
    options = ImportOptions(
        unit=unit,
        key=key,
        year=year,
        create_units=create_units,
        accept_review=accept_review,
        sheet=sheet,
    )

    async def work() -> list[ImportOutcome]:
        await db.migrate()
        outcomes = []
        with Progress(console=err_console, transient=True, disable=len(paths) < 2) as progress:
            bar = progress.add_task("Nhập kế hoạch", total=len(paths))
            for path in paths:
                outcomes.append(
                    await import_document(
                        path,
                        now=current_time(settings),
                        deadlines=expander_for(settings),
                        actor="cli",
                        options=options,
                        dry_run=dry_run,
                    )
                )
                progress.advance(bar)
        return outcomes

    outcomes = run(settings, work)
    summaries = [o.summary() for o in outcomes]
    if as_json:
        click.echo(
            json.dumps(
                summaries[0] if len(summaries) == 1 else summaries,
                ensure_ascii=False,
                indent=2,
                default=str,
            )
        )
    else:
        for outcome in outcomes:
            _print_import(outcome, dry_run)
    if any(s["errors"] for s in summaries):
        sys.exit(1)


def _print_import(outcome: ImportOutcome, dry_run: bool) -> None:
    result = outcome.result
    console.rule(result.source)
    for error in result.errors:
        err_console.print(f"[red]Lỗi:[/red] {error}")
    if result.sheet_plans:
        sheets = Table(title=f"Các kế hoạch trong tệp ({len(result.sheet_plans)} trang tính)")
        for column in ("Trang tính", "Số", "Tên kế hoạch", "Nhiệm vụ"):
            sheets.add_column(column)
        for found in result.sheet_plans:
            sheets.add_row(
                escape(found["sheet"]), escape(found["number"] or "—"), escape(found["title"]),
                str(found["tasks"]),
            )  # fmt: skip
        console.print(sheets)
        console.print("Mỗi lần nhập một kế hoạch: thêm --sheet TÊN_TRANG_TÍNH.")
    if result.plan is None:
        return
    plan = result.plan
    root = Tree(f"[bold]{plan.number or plan.key}[/bold] {plan.title} ({plan.task_count} nhiệm vụ)")
    stack = [(root, -1)]
    for task, depth in plan.walk():
        while stack[-1][1] >= depth:
            stack.pop()
        rules = ", ".join(r.kind for r in task.rules)
        text = f"[cyan]{task.label or '·'}[/cyan] {task.content[:80]}"
        if task.kind == "task":
            lead = ", ".join(task.lead) or escape(task.lead_text) or "chưa có chủ trì"
            text += f" [dim]({lead}; {rules})[/dim]"
        node = stack[-1][0].add(text)
        stack.append((node, depth))
    console.print(root)
    if result.review:
        table = Table(title=f"Cần xem lại ({len(result.review)})")
        for column in ("Vị trí", "Mục", "Nội dung", "Lý do"):
            table.add_column(column)
        for item in result.review:
            table.add_row(item.where, item.field, item.text, item.reason)
        console.print(table)
    if result.unreadable and dry_run:
        console.print(
            f"[yellow]{len(result.unreadable)} nhiệm vụ không đọc được thời gian:[/yellow] "
            "khi nhập thật, cần sửa văn bản hoặc thêm --accept-review."
        )
    if outcome.stored is not None and outcome.written:
        console.print(
            f"Đã ghi kế hoạch {plan.key}: nhiệm vụ {outcome.stored.tasks}; hạn {outcome.stored.occurrences}."
        )
    elif dry_run:
        if outcome.stored is not None:
            what = "tạo mới" if outcome.stored.plan_created else "cập nhật"
            console.print(
                f"Nếu ghi, sẽ {what} kế hoạch {plan.key}: nhiệm vụ {outcome.stored.tasks}; "
                f"hạn {outcome.stored.occurrences}."
            )
        console.print("Xem trước: chưa ghi gì.")


@click.command(name="export")
@click.argument("plan")
@click.option(
    "--format", "fmt", type=click.Choice(["yaml", "xlsx"]), default="yaml", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp kết quả (mặc định: KHÓA.yaml hoặc KHÓA.xlsx; '-' để in YAML ra màn hình).")  # fmt: skip
@click.pass_context
def export_command(ctx: click.Context, plan: str, fmt: str, output: Path | None) -> None:
    """Xuất kế hoạch PLAN (mã số hoặc khóa) ra YAML hoặc mẫu Excel nhập lại được."""
    settings = settings_of(ctx)

    async def work() -> tuple[PlanDoc, dict[str, str]]:
        row = await find_plan(plan, Scope.system())
        names: dict[str, str] = {}

        def collect(nodes: list[dict[str, Any]]) -> None:
            for node in nodes:
                names[node["code"]] = node["name"]
                collect(node["children"])

        collect(await unit_tree(Scope.system()))
        return await load_plan_doc(row["id"]), names

    doc, names = run(settings, work)
    if fmt == "yaml":
        text = plan_to_yaml(doc)
        if output is not None and str(output) == "-":
            click.echo(text, nl=False)
            return
        target = output or Path(f"{doc.key}.yaml")
        target.write_text(text, encoding="utf-8")
    else:
        target = output or Path(f"{doc.key}.xlsx")
        target.write_bytes(plan_to_xlsx(doc, names))
    console.print(f"Đã xuất {doc.key} ra {target}")
