"""A plan's head: number, place and date, title, year, the plan it implements, its issuer."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import SHARED_SEEDS
from tracker.plans.importers.header import read_header


def test_a_typical_head() -> None:
    header = read_header(
        [
            "UỶ BAN NHÂN DÂN",
            "XÃ AN BÌNH",
            "Số: 45/KH-UBND",
            "An Bình, ngày 05 tháng 3 năm 2025",
            "KẾ HOẠCH",
            "Rà soát, đơn giản hóa thủ tục hành chính",
            "năm 2025",
            "Thực hiện Kế hoạch số 182/KH-UBND ngày 06/02/2025 của UBND huyện; UBND xã xây dựng …",
        ]
    )
    assert header.number == "45/KH-UBND"
    assert header.doc_type == "KH"
    assert (header.place, header.issued, header.year) == ("An Bình", date(2025, 3, 5), 2025)
    assert header.title == "Rà soát, đơn giản hóa thủ tục hành chính năm 2025"
    assert header.parent_number == "182/KH-UBND"
    assert header.parent_ref == "Kế hoạch số 182/KH-UBND ngày 06/02/2025 của UBND huyện"
    assert header.issuer == "XÃ AN BÌNH"


def test_a_work_programme_is_titled_by_its_own_kind() -> None:
    # No "KẾ HOẠCH": "CHƯƠNG TRÌNH CÔNG TÁC …" in capitals is the title, whole, and its year
    # (written in capitals) the plan's; a sentence that opens with "Chương trình" is not.
    header = read_header(
        [
            "UBND XÃ AN BÌNH",
            "Số: 02/CTr-UBND",
            "An Bình, ngày 28 tháng 12 năm 2025",
            "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026",
            "CỦA ỦY BAN NHÂN DÂN XÃ",
            "I. MỤC TIÊU",
        ]
    )
    assert header.title == "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026 CỦA ỦY BAN NHÂN DÂN XÃ"
    assert header.year == 2026
    assert read_header(["Chương trình công tác năm 2026 được ban hành kèm theo"]).title == ""


def test_a_title_that_opens_with_thuc_hien_is_a_title() -> None:
    # "Thực hiện" ends the title only when it cites a text ("Thực hiện Kế hoạch số …").
    header = read_header(
        [
            "KẾ HOẠCH",
            "Thực hiện công tác chuyển đổi số năm 2026",
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND thành phố;",
        ]
    )
    assert (header.title, header.year) == ("Thực hiện công tác chuyển đổi số năm 2026", 2026)
    assert header.parent_number == "12/KH-UBND"


@pytest.mark.parametrize(
    "letterhead",
    ["UBND XÃ AN BÌNH", "ĐẢNG ỦY XÃ AN BÌNH", "HĐND XÃ AN BÌNH", "ỦY BAN NHÂN DÂN XÃ AN BÌNH"],
)
def test_an_abbreviated_letterhead_names_the_commune(letterhead: str) -> None:
    # "UBND XÃ …" on one line, as spreadsheets and many letterheads write it.
    assert read_header([letterhead, "Số: 9/KH-UBND"]).issuer == "XÃ AN BÌNH"


def test_a_blank_day_and_a_blank_number_stay_blank() -> None:
    header = read_header(
        ["Số: /KH-UBND", "Đại Sơn, ngày tháng 3 năm 2026", "KẾ HOẠCH", "Kiểm soát TTHC"]
    )
    assert (header.number, header.issued, header.year) == ("/KH-UBND", None, 2026)
    assert header.issued_text == "Đại Sơn, ngày tháng 3 năm 2026"


@pytest.mark.parametrize(
    ("issuer", "place"),
    [
        ("XÃ PA Ủ", "Pa Ủ"),  # a one-letter syllable
        ("XÃ SƠN KIM 1", "Sơn Kim 1"),  # a number, as after the 2025 merger
        ("XÃ CƯ M’GAR", "Cư M’gar"),  # an apostrophe inside a word
        ("XÃ EA H'LEO", "Ea H'leo"),
        ("XÃ ĐẮK SONG", "Đắk song"),  # a word written small
    ],
)
def test_every_kind_of_commune_name_is_read_in_the_head(issuer: str, place: str) -> None:
    header = read_header([f"ỦY BAN NHÂN DÂN {issuer}", f"{place}, ngày 05 tháng 3 năm 2026"])
    assert (header.issuer, header.place, header.issued) == (issuer, place, date(2026, 3, 5))


def test_the_head_of_every_commune_in_the_country_is_read() -> None:
    from vietnam_provinces import Province, Ward

    unread = []
    for province in Province.iter_all():
        for ward in Ward.iter_by_province(province.code):
            kind, _, name = " ".join(ward.name.split()).partition(" ")
            if kind != "Xã":
                continue
            header = read_header(
                [f"ỦY BAN NHÂN DÂN XÃ {name.upper()}", f"{name}, ngày 05 tháng 3 năm 2026"]
            )
            if (header.issuer, header.place, header.issued) != (
                f"XÃ {name.upper()}",
                name,
                date(2026, 3, 5),
            ):
                unread.append(ward.name)
    assert unread == []


def test_the_place_starts_at_its_first_capital_and_a_date_that_cannot_be_is_no_date() -> None:
    header = read_header(["Kế hoạch ban hành tại Lê Lợi, ngày 31 tháng 2 năm 2026"])
    assert (header.place, header.issued, header.issued_month, header.year) == (
        "Lê Lợi",
        None,
        2,
        2026,
    )
    assert read_header(["Lê Lợi, ngày 3 tháng 13 năm 2026"]).issued_month is None


@pytest.mark.needs_shared_seeds
@pytest.mark.parametrize(
    ("name", "number", "place", "issued", "parent_number"),
    [
        ("000_7369429e4135565b.txt", "/KH-UBND", "Lê Lợi", date(2022, 2, 28), "418/QĐ-UBND"),
        ("001_ee5c268f452ffc27.txt", "/KH-UBND", "Đoàn Kết", date(2022, 3, 23), ""),
        ("002_72cf5e278b90568b.txt", "12/QĐ-UBND", "Nhật Tân", date(2024, 1, 18), "88/QĐ-UBND"),
        ("003_06d5744d0e34bb3c.txt", "96/KH-UBND", "Kiến An", date(2023, 2, 28), "182/KH-UBND"),
        ("004_b791a14ea9cfe78f.txt", "/KH-UBND", "Đại Sơn", None, "714/QĐ-UBND"),
    ],
)
def test_the_seed_documents_heads(
    name: str, number: str, place: str, issued: date | None, parent_number: str
) -> None:
    header = read_header((SHARED_SEEDS / name).read_text(encoding="utf-8").splitlines()[:130])
    assert (header.number, header.place, header.issued, header.parent_number) == (
        number,
        place,
        issued,
        parent_number,
    )


def test_every_commune_of_the_country_is_found_from_its_head() -> None:
    """The head of a plan of any of the 3,321 communes, wards and special zones finds
    it among them all: by its name alone when no other has that name, else by the
    province the head also names; a shared name never picks one silently."""
    from tracker.org.directory import UnitDirectory, UnitEntry, normalise_name
    from tracker.org.national import national_targets
    from tracker.plans.importers.build import ImportOptions, _issuing_unit

    targets = national_targets()
    assert len(targets) == 3321
    provinces = {t.province: (t.province_name, t.province_kind) for t in targets}
    entries = [UnitEntry(code, name, kind, None) for code, (name, kind) in provinces.items()]
    entries += [
        UnitEntry(t.code, t.unit_name, "commune", t.province, tuple(t.aliases())) for t in targets
    ]
    directory = UnitDirectory(entries)
    by_name: dict[str, list[str]] = {}
    for t in targets:
        by_name.setdefault(normalise_name(t.full_name), []).append(t.code)
    wrong = []
    for t in targets:
        full = t.full_name[0].upper() + t.full_name[1:]
        lines = [f"ỦY BAN NHÂN DÂN {full.upper()}", f"{t.name}, ngày 05 tháng 3 năm 2026"]
        header = read_header(lines)
        alone = _issuing_unit(header, lines, directory, ImportOptions())
        shared = len(by_name[normalise_name(t.full_name)]) > 1
        if (alone.code != t.code) if not shared else (alone.code or t.code not in alone.candidates):
            wrong.append(("alone", t.code, alone.code, alone.problem))
        province = t.province_name.removeprefix("UBND ").upper()
        placed_lines = [province, *lines]
        placed = _issuing_unit(read_header(placed_lines), placed_lines, directory, ImportOptions())
        if placed.code != t.code:
            wrong.append(("placed", t.code, placed.code, placed.problem))
    assert wrong == [], (len(wrong), wrong[:12])
