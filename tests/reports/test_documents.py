"""The reports that go upward, read back as an office would open them: the Word report
(python-docx) has the decree's header, the state's totals sentence with the API's numbers,
the overdue work by lead unit and the appendix equal to ``/api/compliance?by=unit``; the
workbook (openpyxl) has the same table with its totals and rates as formulas and the
overdue list; both come from the command line and from the download endpoints."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from docx import Document
from docx.document import Document as WordDocument
from docx.shared import Emu, Pt
from litestar.testing import AsyncTestClient
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.pdfbase.pdfmetrics import stringWidth

from tests.conftest import TZ
from tracker.app import create_app
from tracker.cli import main
from tracker.config import Settings
from tracker.deadlines.schemas import CompleteIn
from tracker.deadlines.tables import Occurrence
from tracker.notify.services import complete_work
from tracker.org.auth import set_password
from tracker.org.scope import Scope
from tracker.reports.documents import TEMPLATE, gather_report, place_name, render_docx
from tracker.reports.overdue import list_overdue
from tracker.reports.workbook import OVERDUE_SHEET, SUMMARY_SHEET
from tracker.schedule.calendars import load_work_calendar
from tracker.vn import format_number, format_percent

NOW = dt.datetime(2026, 6, 30, 17, 0, tzinfo=TZ)
LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
PASSWORD = "mat-khau-bao-cao"
CHAIRMAN = "thang.pv@daison.example.vn"
KIEN_AN = "phuoc.lv@kienan.example.vn"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COUNTS = ("total", "done_on_time", "done_late", "pending", "overdue")


@pytest.fixture(scope="module")
async def worked(seeded: Settings) -> Settings:
    """The demo with some work done, so that every number of the report differs: the
    worst overdue deadline done late, the next one done on time, and the first deadline
    still to come done early (done, but not yet due)."""
    for email in (CHAIRMAN, KIEN_AN):
        await set_password(email, PASSWORD)
    calendar = load_work_calendar(seeded.calendars_dir)
    overdue = await list_overdue(unit_path="/hai-phong/", as_of=NOW, tz=LOCAL, calendar=calendar)
    coming = (
        await Occurrence.select(Occurrence.id, Occurrence.deadline_at)
        .where((Occurrence.deadline_at > NOW) & (Occurrence.status == "open"))
        .order_by(Occurrence.deadline_at)
        .first()
    )
    assert coming is not None
    late, on_time = overdue[0], overdue[1]
    if isinstance(on_time.due, dt.datetime):
        on_time_at = on_time.due - dt.timedelta(hours=1)
    else:
        on_time_at = dt.datetime.combine(on_time.due, dt.time(9), tzinfo=LOCAL)
    for occurrence, when in (
        (late.occurrence, NOW - dt.timedelta(days=1)),
        (on_time.occurrence, on_time_at),
        (coming["id"], NOW - dt.timedelta(hours=2)),
    ):
        await complete_work(
            occurrence,
            CompleteIn(evidence="Báo cáo đã gửi (thử nghiệm)", completed_at=when),
            scope=Scope.system(),
            tz=LOCAL,
            now=NOW,
        )
    return seeded


@pytest.fixture
async def client(worked: Settings) -> Any:
    app = create_app(worked, clock=lambda: NOW, bind_database=False)
    async with AsyncTestClient(app=app) as client:
        yield client


async def _json(client: AsyncTestClient[Any], path: str, **params: Any) -> Any:
    response = await client.get(path, params=params, auth=(CHAIRMAN, PASSWORD))
    assert response.status_code == 200, response.text
    return response.json()


async def _download(client: AsyncTestClient[Any], path: str, **params: Any) -> bytes:
    response = await client.get(path, params=params, auth=(CHAIRMAN, PASSWORD))
    assert response.status_code == 200, response.text
    return response.content


def _paragraphs(word: WordDocument) -> list[str]:
    return [p.text for p in word.paragraphs]


def _sentence(totals: dict[str, Any]) -> str:
    """The state's totals sentence, written from the API's numbers."""
    n = {k: format_number(v) for k, v in totals.items() if isinstance(v, int)}
    done = format_number(totals["done_on_time"] + totals["done_late"])
    not_done = format_number(totals["pending"] + totals["overdue"])
    return (
        f"Tổng số {n['total']} nhiệm vụ có thời hạn trong kỳ báo cáo; {done} nhiệm vụ đến hạn"
        f" đã hoàn thành, đạt {format_percent(totals['done_rate'])} (đúng hạn:"
        f" {n['done_on_time']}, quá hạn: {n['done_late']}); chưa hoàn thành: {not_done}"
        f" (trong hạn: {n['pending']}, quá hạn: {n['overdue']})."
    )


@pytest.mark.parametrize(
    ("value", "text"), [(0, "0"), (999, "999"), (21914, "21.914"), (1234567, "1.234.567")]
)
def test_numbers_are_written_the_vietnamese_way(value: int, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("rate", "text"),
    [(0.9862, "98,62%"), (0.5, "50%"), (0.875, "87,5%"), (1.0, "100%"), (0.0, "0%"), (None, "—")],
)
def test_rates_are_written_the_vietnamese_way(rate: float | None, text: str) -> None:
    assert format_percent(rate) == text


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("UBND xã Đại Sơn", "Đại Sơn"),
        ("UBND thành phố Hải Phòng", "Hải Phòng"),
        ("Ủy ban nhân dân phường Kiến An", "Kiến An"),
        ("UBND tỉnh Hưng Yên", "Hưng Yên"),
    ],
)
def test_the_date_line_names_the_place_without_its_body(name: str, place: str) -> None:
    assert place_name(name) == place


async def test_the_word_report_reads_like_the_states(client: AsyncTestClient[Any]) -> None:
    counted = await _json(client, "/api/compliance", by="unit")
    totals = counted["totals"]
    assert all(totals[k] for k in ("done_on_time", "done_late", "pending"))
    assert totals["due"] != totals["done_on_time"] + totals["done_late"] + totals["overdue"]
    word = Document(io.BytesIO(await _download(client, "/api/compliance/report.docx")))

    header = word.tables[0]
    issuer, motto = (c.text for c in header.rows[0].cells)
    number, date_line = (c.text for c in header.rows[1].cells)
    assert issuer == "UBND XÃ ĐẠI SƠN"
    assert motto == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    assert number == "Số: …/BC-UBND"
    assert date_line == "Đại Sơn, ngày 30 tháng 6 năm 2026"
    assert header.rows[0].cells[0].paragraphs[0].runs[0].bold
    motto_run = header.rows[0].cells[1].paragraphs[1].runs[0]
    assert (motto_run.bold, motto_run.underline) == (True, True)
    assert header.rows[1].cells[1].paragraphs[0].runs[0].italic

    text = _paragraphs(word)
    title = text.index("BÁO CÁO")
    assert word.paragraphs[title].runs[0].bold
    assert text[title + 1] == "Tình hình thực hiện nhiệm vụ từ ngày 01/01/2026 đến ngày 31/12/2026"
    assert text[title + 2] == "(Số liệu tính đến 30/06/2026 17:00)"
    assert _sentence(totals) in text
    for heading in ("I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ",
                    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"):  # fmt: skip
        assert heading in text

    signer = word.tables[1].rows[0].cells
    assert signer[0].text.startswith("Nơi nhận:\n- UBND thành phố Hải Phòng;")
    assert signer[1].text.split("\n")[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert signer[1].text.split("\n")[-1] == "Phạm Văn Thắng"

    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    for margin, low, high in ((section.top_margin, 20, 25), (section.bottom_margin, 20, 25),
                              (section.left_margin, 30, 35), (section.right_margin, 15, 20)):  # fmt: skip
        assert low <= round(margin.mm) <= high
    normal = word.styles["Normal"].font
    assert normal.name == "Times New Roman"
    assert Pt(13) <= normal.size <= Pt(14)


# Word's and LibreOffice's cell padding when a table sets none: 0,19 cm each side.
CELL_PADDING_MM = 2 * 1.905


def _text_width_mm(text: str, size: float) -> float:
    """How wide ``text`` is in bold Times at ``size`` pt, by Adobe's Times-Bold metrics
    (wider than Times New Roman's, so on the safe side); the marks of Vietnamese letters
    sit above or below a letter of the same width."""
    plain = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    letters = "".join(c for c in plain if not unicodedata.combining(c))
    return float(stringWidth(letters, "Times-Bold", size)) * 25.4 / 72


async def test_the_motto_fits_on_one_line_of_the_header(client: AsyncTestClient[Any]) -> None:
    """Nghị định 30/2020, Phụ lục I: the issuing body in a narrow left column, the motto
    (12–13 pt, bold, upper case) on one line of the wider right one; the columns fill the
    width between the margins, for Word (cell widths) and LibreOffice (the table's grid)."""
    word = Document(io.BytesIO(await _download(client, "/api/compliance/report.docx")))
    header = word.tables[0]
    grid = [column.width.mm for column in header.columns]  # the table's grid
    for row in header.rows:
        assert [round(cell.width.mm) for cell in row.cells] == [round(w) for w in grid]
    left, right = grid
    section = word.sections[0]
    between = Emu(section.page_width - section.left_margin - section.right_margin).mm
    assert abs(left + right - between) < 1
    assert 55 <= left <= 65
    assert right >= 100
    motto = header.rows[0].cells[1].paragraphs[0]
    assert motto.text == motto.text.upper() == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    run = motto.runs[0]
    assert run.bold
    assert Pt(12) <= run.font.size <= Pt(13)
    assert _text_width_mm(motto.text, run.font.size.pt) + CELL_PADDING_MM < right
    # The issuing body's line, 13 pt bold, fits the left column too.
    issuer = header.rows[0].cells[0].paragraphs[0].runs[0]
    assert issuer.bold
    assert Pt(12) <= issuer.font.size <= Pt(13)
    assert _text_width_mm(issuer.text, issuer.font.size.pt) + CELL_PADDING_MM < left


async def test_the_overdue_work_is_listed_by_lead_unit(client: AsyncTestClient[Any]) -> None:
    counted = await _json(client, "/api/compliance", by="unit")
    word = Document(io.BytesIO(await _download(client, "/api/compliance/report.docx")))
    section = _section_two(word)
    overdue = counted["totals"]["overdue"]
    assert section[0] == f"Còn {format_number(overdue)} nhiệm vụ quá hạn chưa hoàn thành, cụ thể:"
    rows = {r["name"]: r["overdue"] for r in counted["rows"] if r["overdue"]}
    listed = {}
    for line in section[1:]:
        if line[0].isdigit():  # "1. Các cơ quan chuyên môn …: 22 nhiệm vụ quá hạn."
            name, _, count = line.partition(". ")[2].rpartition(": ")
            listed[name] = int(count.split()[0])
        else:
            assert line.startswith("- ")
            assert "ngày làm việc" in line
    assert listed == rows


def _section_two(word: WordDocument) -> list[str]:
    """The lines of "II. Tồn tại, hạn chế", up to the next heading."""
    text = _paragraphs(word)
    start = text.index("II. TỒN TẠI, HẠN CHẾ")
    end = text.index("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI")
    return text[start + 1 : end]


def _date(due: str) -> str:
    """dd/mm/yyyy of an API deadline ("2026-03-05" or "2026-03-05T16:15:00+07:00")."""
    return dt.date.fromisoformat(due[:10]).strftime("%d/%m/%Y")


async def test_a_task_late_many_times_is_one_line_with_its_first_and_last_dates(
    client: AsyncTestClient[Any],
) -> None:
    """A weekly report missed week after week is summarised: the task, how many of its
    deadlines are overdue, the first and the last (a task late once would name its one
    deadline)."""
    overdue = await _json(
        client, "/api/compliance/overdue", **{"from": "2026-01-01", "to": "2026-12-31"}
    )
    by_task: dict[int, list[dict[str, Any]]] = {}
    for item in overdue:
        by_task.setdefault(item["task"]["id"], []).append(item)
    assert any(len(items) > 2 for items in by_task.values())  # a repeated task is there
    word = Document(io.BytesIO(await _download(client, "/api/compliance/report.docx")))
    entries = [line for line in _section_two(word) if line.startswith("- ")]
    assert len(entries) == len(by_task)  # one line per task, not per deadline
    for items in by_task.values():
        task = items[0]["task"]["content"].rstrip(" .;:")
        mine = [line for line in entries if line.startswith(f"- {task}: ")]
        assert len(mine) == 1, task
        dues = [_date(due) for due in sorted(i["due"][:10] for i in items)]
        if len(items) > 1:
            summary = f"- {task}: {len(items)} hạn quá hạn, từ {dues[0]} đến {dues[-1]}; "
            assert mine[0].startswith(summary), mine[0]
            between = set(dues[1:-1]) - {dues[0], dues[-1]}
            assert not [d for d in between if d in mine[0]]  # the dates between are left out
        else:
            assert mine[0].startswith(f"- {task}: hạn {dues[0]}"), mine[0]


async def test_the_appendix_is_the_apis_table(client: AsyncTestClient[Any]) -> None:
    counted = await _json(client, "/api/compliance", by="unit")
    word = Document(io.BytesIO(await _download(client, "/api/compliance/report.docx")))
    table = word.tables[-1]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["STT", "Đơn vị", "Tổng số", "Đã hoàn thành", "Đã hoàn thành",
                        "Chưa hoàn thành", "Chưa hoàn thành", "Tỷ lệ hoàn thành"]  # fmt: skip
    assert cells[1][3:7] == ["Đúng hạn", "Quá hạn", "Trong hạn", "Quá hạn"]
    assert cells[1][:3] == cells[0][:3]  # merged down
    body, total = cells[2:-1], cells[-1]

    def shown(row: dict[str, Any]) -> list[str]:
        return [format_number(row[k]) for k in COUNTS] + [format_percent(row["done_rate"])]

    assert [r[0] for r in body] == [str(i) for i in range(1, len(counted["rows"]) + 1)]
    assert [r[1:] for r in body] == [[row["name"], *shown(row)] for row in counted["rows"]]
    assert total[1:] == ["Tổng cộng", *shown(counted["totals"])]


async def test_the_appendix_follows_the_grouping_asked_for(client: AsyncTestClient[Any]) -> None:
    counted = await _json(client, "/api/compliance", by="plan")
    word = Document(io.BytesIO(await _download(client, "/api/compliance/report.docx", by="plan")))
    table = word.tables[-1]
    assert table.rows[0].cells[1].text == "Kế hoạch"
    assert [r.cells[1].text for r in table.rows[2:-1]] == [r["name"] for r in counted["rows"]]
    assert "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO KẾ HOẠCH" in _paragraphs(word)


def _column(sheet: Worksheet, column: str, first: int, last: int) -> list[Any]:
    return [sheet[f"{column}{row}"].value for row in range(first, last + 1)]


async def test_the_workbook_has_the_table_with_formulas_and_the_overdue_list(
    client: AsyncTestClient[Any],
) -> None:
    counted = await _json(client, "/api/compliance", by="unit")
    overdue = await _json(
        client, "/api/compliance/overdue", **{"from": "2026-01-01", "to": "2026-12-31"}
    )
    book = load_workbook(io.BytesIO(await _download(client, "/api/compliance/report.xlsx")))
    assert book.sheetnames == [SUMMARY_SHEET, OVERDUE_SHEET]
    sheet = book[SUMMARY_SHEET]
    assert sheet.freeze_panes == "C6"
    assert (sheet["B4"].value, sheet["D4"].value, sheet["D5"].value) == (
        "Đơn vị",
        "Đã hoàn thành",
        "Đúng hạn",
    )
    assert "D4:E4" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["C"].width
    rows = counted["rows"]
    first, last = 6, 5 + len(rows)
    assert _column(sheet, "B", first, last) == [r["name"] for r in rows]
    for column, name in zip("CDEFGIJ", [*COUNTS, "due", "due_done"], strict=True):
        if name == "due_done":
            continue  # not in the API; its sum is checked through the rate below
        assert _column(sheet, column, first, last) == [r[name] for r in rows], name
    total = last + 1
    assert sheet[f"B{total}"].value == "Tổng cộng"
    for column, name in zip("CDEFGI", [*COUNTS, "due"], strict=True):
        formula = sheet[f"{column}{total}"].value
        assert formula == f"=SUM({column}{first}:{column}{last})"
        assert sum(_column(sheet, column, first, last)) == counted["totals"][name], name
    for row in range(first, total + 1):
        assert sheet[f"H{row}"].value == f'=IF(I{row}=0,"",J{row}/I{row})'
    done_due = sum(_column(sheet, "J", first, last))
    assert round(done_due / counted["totals"]["due"], 4) == counted["totals"]["done_rate"]

    listed = book[OVERDUE_SHEET]
    assert listed.freeze_panes == "A2"
    assert listed["B1"].value == "Nhiệm vụ"
    ids = [listed[f"I{row}"].value for row in range(2, listed.max_row + 1)]
    assert ids == [i["occurrence"] for i in overdue]
    assert [listed[f"G{row}"].value for row in range(2, listed.max_row + 1)] == [
        i["working_days_late"] for i in overdue
    ]


async def test_the_downloads_say_what_they_are_and_keep_to_the_callers_scope(
    client: AsyncTestClient[Any],
) -> None:
    for suffix, media_type in (("docx", DOCX), ("xlsx", XLSX)):
        response = await client.get(f"/api/compliance/report.{suffix}", auth=(CHAIRMAN, PASSWORD))
        assert response.status_code == 200
        assert response.headers["content-type"] == media_type
        disposition = response.headers["content-disposition"]
        plain, _, encoded = disposition.partition("; filename*=UTF-8''")
        assert (
            plain
            == f'attachment; filename="bao-cao-tinh-hinh-thuc-hien-dai-son-30-06-2026.{suffix}"'
        )
        assert unquote(encoded) == f"Báo cáo tình hình thực hiện - Đại Sơn - 30-06-2026.{suffix}"
        assert disposition.isascii()
        other = await client.get(
            f"/api/compliance/report.{suffix}",
            params={"unit": "hai-phong.dai-son"},
            auth=(KIEN_AN, PASSWORD),
        )
        assert other.status_code == 404
        assert (await client.get(f"/api/compliance/report.{suffix}")).status_code == 401
        wrong = await client.get(
            f"/api/compliance/report.{suffix}", params={"by": "nam"}, auth=(CHAIRMAN, PASSWORD)
        )
        assert wrong.status_code == 400
    own = await client.get("/api/compliance/report.docx", auth=(KIEN_AN, PASSWORD))
    assert Document(io.BytesIO(own.content)).tables[0].rows[0].cells[0].text == "UBND XÃ KIẾN AN"


async def test_an_office_changes_the_wording_in_the_template(
    worked: Settings, tmp_path: Path
) -> None:
    """The template is an ordinary Word file: a sentence changed in it, fields kept, is
    what the next report says."""
    template = tmp_path / "mau.docx"
    original = Document(str(TEMPLATE))
    for paragraph in original.paragraphs:
        if paragraph.text == "BÁO CÁO":
            paragraph.runs[0].text = "BÁO CÁO NHANH"
        if paragraph.text.startswith("Trên đây là báo cáo"):
            paragraph.runs[0].text = "Kính báo cáo {{ issuer }}. Tính đến {{ as_of }}."
    original.save(str(template))
    document = await gather_report(
        unit_path="/hai-phong/hai-phong.dai-son/", scope_name="UBND xã Đại Sơn",
        start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31), as_of=NOW, tz=LOCAL,
        calendar=load_work_calendar(worked.calendars_dir),
    )  # fmt: skip
    text = _paragraphs(Document(io.BytesIO(render_docx(document, template))))
    assert "BÁO CÁO NHANH" in text
    assert "Kính báo cáo UBND xã Đại Sơn. Tính đến 30/06/2026 17:00." in text


def test_the_command_line_writes_both_files(worked: Settings, tmp_path: Path) -> None:
    env = {
        "TRACKER_DATA_DIR": str(worked.data_dir),
        "TRACKER_DATABASE_URL": worked.effective_database_url,
    }
    runner = CliRunner()
    common = ["report", "compliance", "--unit", "hai-phong.dai-son", "--from", "01/01/2026",
              "--to", "31/12/2026", "--as-of", NOW.isoformat()]  # fmt: skip
    word_path, book_path = tmp_path / "bao-cao.docx", tmp_path / "bao-cao.xlsx"
    written = runner.invoke(main, [*common, "--format", "docx", "-o", str(word_path)], env=env)
    assert written.exit_code == 0, written.output
    assert "Đã ghi" in written.output
    word = Document(str(word_path))
    assert word.tables[0].rows[0].cells[0].text == "UBND XÃ ĐẠI SƠN"
    assert any(p.startswith("Tổng số ") for p in _paragraphs(word))
    written = runner.invoke(main, [*common, "--format", "xlsx", "-o", str(book_path)], env=env)
    assert written.exit_code == 0, written.output
    assert load_workbook(str(book_path)).sheetnames == [SUMMARY_SHEET, OVERDUE_SHEET]
    bad_day = runner.invoke(main, [*common[:4], "--from", "31/02/2026", "--format", "docx",
                                   "-o", str(word_path)], env=env)  # fmt: skip
    assert bad_day.exit_code == 2
    assert "--from '31/02/2026' không phải một ngày" in bad_day.output
    unknown = runner.invoke(main, ["report", "compliance", "--unit", "khong-co", "--format",
                                   "xlsx", "-o", str(book_path)], env=env)  # fmt: skip
    assert unknown.exit_code == 1
    assert "Không có đơn vị mã 'khong-co'" in unknown.output
