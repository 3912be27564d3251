"""Finding units by the names documents give them: exact, alias, normalised, partial, and
cells that name several units."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.config import PROJECT_DIR
from tracker.org.directory import UnitDirectory, UnitEntry, normalise_name
from tracker.seeds import read_seed_set

SEEDS = read_seed_set(PROJECT_DIR / "seeds")
DIRECTORY_UNITS = [UnitEntry(u.code, u.name, u.kind, u.parent, u.aliases) for u in SEEDS.units]

KA = "an-giang.cho-moi.kien-an"
NT = "hung-yen.tien-lu.nhat-tan"
DS = "hai-phong.dai-son"
DK = "hai-duong.huyen-chua-ro.doan-ket"


@pytest.fixture
def directory() -> UnitDirectory:
    return UnitDirectory(DIRECTORY_UNITS)


@pytest.mark.parametrize(
    ("cell", "within", "codes"),
    [
        ("UBND xã", KA, [KA]),
        ("- UBND xã,", KA, [KA]),
        ("UBND xã.", KA, [KA]),
        ("Văn phòng UBND xã", KA, [f"{KA}.vp-ubnd"]),
        ("van phong ubnd xa", KA, []),  # diacritics are data: no match without them
        ("CC Tư pháp – hộ tịch", KA, [f"{KA}.tp-ht"]),
        ("CC Tư pháp - Hộ tịch", KA, [f"{KA}.tp-ht"]),
        ("Văn phòng UBND xã (Bộ phận Một cửa xã)", KA, [f"{KA}.vp-ubnd", f"{KA}.bpmc"]),
        (
            "Phòng Văn hóa và Thông tin; Các đơn vị có liên quan",
            KA,
            ["an-giang.cho-moi.vhtt", f"{KA}.lien-quan"],
        ),
        ("UBND huyện", KA, ["an-giang.cho-moi"]),
        ("Văn phòng Thống kê", NT, [f"{NT}.vp-ubnd.vp-tk"]),
        ("Bộ phận một cửa, công chức chuyên môn", NT, [f"{NT}.mot-cua", f"{NT}.cong-chuc"]),
        ("Bộ phận tiếp nhận và trả kết quả", NT, [f"{NT}.mot-cua"]),
        ("Tài chính-Kế toán", NT, [f"{NT}.tc-kt"]),
        ("Văn phòng HĐND&UBND xã", DK, [f"{DK}.vp-hdnd-ubnd"]),
        ("Văn phòng HĐND và UBND xã", DK, [f"{DK}.vp-hdnd-ubnd"]),
        (
            "Các cơ quan chuyên môn UBND xã: Kinh tế, Văn hóa - xã hội, Văn phòng HĐND và UBND; Công an, Quân sự (nếu có).",
            DS,
            [f"{DS}.kinh-te", f"{DS}.vh-xh", f"{DS}.vp", f"{DS}.cong-an", f"{DS}.quan-su"],
        ),
        (
            "Các phòng chuyên môn UBND xã, Trung tâm phục vụ hành chính công.",
            DS,
            [f"{DS}.co-quan-cm", f"{DS}.ttphvhcc"],
        ),
        (
            "- Các phòng chuyên môn UBND xã rà soát, cung cấp danh mục, nội dung TTHC; - Trung tâm phục vụ hành chính công thực hiện công khai theo quy định.",
            DS,
            [f"{DS}.co-quan-cm", f"{DS}.ttphvhcc"],
        ),
    ],
)
def test_a_cell_names_its_units(
    directory: UnitDirectory, cell: str, within: str, codes: list[str]
) -> None:
    assert list(directory.resolve(cell, within).codes) == codes


def test_an_unknown_name_is_reported_with_the_nearest_names(directory: UnitDirectory) -> None:
    resolution = directory.resolve("Văn phòng UBND xa; Phòng Nội vụ", KA)
    assert resolution.codes == ()
    assert resolution.unknown == ("Văn phòng UBND xa", "Phòng Nội vụ")
    assert resolution.suggestions["Văn phòng UBND xa"][0] == "Văn phòng UBND xã Kiến An"


def test_names_are_looked_up_only_in_the_commune_and_above(directory: UnitDirectory) -> None:
    # Đại Sơn's "Trung tâm Phục vụ hành chính công" means nothing in Kiến An.
    assert directory.resolve("Trung tâm phục vụ hành chính công", KA).codes == ()
    assert directory.resolve("Trung tâm phục vụ hành chính công", DS).codes == (f"{DS}.ttphvhcc",)


def test_a_name_that_says_its_level_is_no_unit_of_another_level(
    directory: UnitDirectory,
) -> None:
    # Đại Sơn has no "Văn phòng UBND xã"; Hải Phòng's "Văn phòng UBND thành phố" differs
    # from it only by the place word, which the loose comparison drops. The commune's
    # office is not the city's: the name stays unknown, for the officer to choose.
    assert directory.resolve("Văn phòng UBND xã", DS).codes == ()
    assert directory.resolve("Văn phòng UBND thành phố", DS).codes == ("hai-phong.vp-ubnd",)
    # Plural names ("UBND các xã, thị trấn") are the unit above the communes.
    assert directory.resolve("UBND các xã, thị trấn", KA).codes == ("an-giang.cho-moi.cac-xa",)


def test_a_unit_created_during_an_import_is_found_afterwards(directory: UnitDirectory) -> None:
    assert directory.resolve("Tổ công nghệ số cộng đồng", KA).codes == ()
    directory.add(UnitEntry(f"{KA}.to-cnsc", "Tổ công nghệ số cộng đồng", "office", KA))
    assert directory.resolve("Tổ công nghệ số cộng đồng", KA).codes == (f"{KA}.to-cnsc",)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Văn phòng HĐND&UBND", "văn phòng hđnd và ubnd"),
        ("CC VP – TK", "công chức văn phòng thống kê"),
        ("Ủy ban nhân dân xã", "ubnd xã"),
        ("  Bộ phận  1 cửa ", "bộ phận một cửa"),
    ],
)
def test_names_compare_in_a_normal_form(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


def test_every_curated_unit_cell_of_the_seeds_resolves_but_three_judgement_calls(
    directory: UnitDirectory,
) -> None:
    # Where the curator read more than the cell says; the importer gives the cell's reading.
    judgements = {
        ("doan-ket-2022", "II/2/2.1/2.1.2/a/-1"),  # "lãnh đạo UBND xã": curated as the chairman
        ("doan-ket-2022", "III/6"),  # "… và công chức liên quan": curated without the group
        ("kien-an-2023", "PL/1/III/1"),  # "- UBND xã,": curated adds the civil servants in charge
    }
    misses = set()
    for plan in SEEDS.plans:
        for task, _ in plan.walk():
            for text, wanted in (
                (task.lead_text, task.lead),
                (task.coordinating_text, task.coordinating),
            ):
                if text and list(directory.resolve(text, plan.unit).codes) != list(wanted):
                    misses.add((plan.key, task.key))
    assert misses == judgements


def test_the_seed_folder_is_where_the_tests_read_it() -> None:
    assert Path(PROJECT_DIR / "seeds" / "units").is_dir()
