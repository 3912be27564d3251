"""``tracker import --dry-run`` on a Word plan laid out as other communes write it: its
title opening with "Thực hiện Chương trình …" is the plan's title, and the sentence that
closes a lettered list is no task under its last item."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.plans.importers.test_plan_leftovers import prose_plan
from tracker.cli import main
from tracker.config import Settings


def test_the_dry_run_shows_the_title_and_the_list_closed(seeded: Settings, tmp_path: Path) -> None:
    path = prose_plan(tmp_path / "chuyen-doi-so.docx")
    env = {
        "TRACKER_DATA_DIR": str(seeded.data_dir),
        "TRACKER_DATABASE_URL": seeded.effective_database_url,
        "COLUMNS": "200",
    }
    runner = CliRunner()
    shown = runner.invoke(main, ["import", str(path), "--dry-run", "--key", "cds-2026"], env=env)
    assert shown.exit_code == 0, shown.output
    assert "31/KH-UBND Thực hiện Chương trình chuyển đổi số của xã năm 2026" in shown.output
    assert "Xem trước: chưa ghi gì." in shown.output
    summary = json.loads(
        runner.invoke(
            main, ["import", str(path), "--dry-run", "--json", "--key", "cds-2026"], env=env
        ).output
    )
    # II, its item 1 with a) and b), item 2, III and its sentence: the closing sentence
    # is no task of its own.
    assert (summary["plan"], summary["unit"], summary["tasks"]) == (
        "cds-2026",
        "hai-phong.dai-son",
        4,
    )
    closing = [item for item in summary["review"] if "nội dung trên" in item["text"]]
    assert [item["field"] for item in closing] == ["chủ trì"]
