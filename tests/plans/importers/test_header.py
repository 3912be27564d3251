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


def test_a_blank_day_and_a_blank_number_stay_blank() -> None:
    header = read_header(
        ["Số: /KH-UBND", "Đại Sơn, ngày tháng 3 năm 2026", "KẾ HOẠCH", "Kiểm soát TTHC"]
    )
    assert (header.number, header.issued, header.year) == ("/KH-UBND", None, 2026)
    assert header.issued_text == "Đại Sơn, ngày tháng 3 năm 2026"


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
