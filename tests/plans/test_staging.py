"""Uploads kept between the preview and its confirmation: stored under names of ours in a
folder of their person's, within a quota, gone after an expiry, and never found with
another person's token."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import TZ
from tracker.errors import NotFoundError
from tracker.plans.importers.limits import DocumentTooLarge
from tracker.plans.imports import (
    STAGE_BYTES,
    STAGE_COUNT,
    STAGE_HOURS,
    discard_upload,
    stage_upload,
    staged_upload,
)

NOW = dt.datetime(2026, 1, 20, 9, 0, tzinfo=TZ)


def _staged(data_dir: Path, person: int) -> list[Path]:
    return sorted((data_dir / "imports" / f"p{person}").iterdir())


def test_an_upload_is_kept_under_a_name_of_ours_and_shown_under_its_own(tmp_path: Path) -> None:
    token = stage_upload(tmp_path, 7, "../../etc/Kế hoạch.xlsx", b"PK", NOW)
    path, name = staged_upload(tmp_path, 7, token, NOW)
    assert (path.name, name) == ("document.xlsx", "Kế hoạch.xlsx")
    assert path.parent == tmp_path / "imports" / "p7" / token
    assert path.read_bytes() == b"PK"


def test_another_persons_token_is_not_found(tmp_path: Path) -> None:
    token = stage_upload(tmp_path, 7, "a.yaml", b"key: a\n", NOW)
    with pytest.raises(NotFoundError):
        staged_upload(tmp_path, 8, token, NOW)
    assert staged_upload(tmp_path, 7, token, NOW)[1] == "a.yaml"


@pytest.mark.parametrize("token", ["../p7", "..", "", "x" * 24, "a/b" * 8])
def test_a_token_that_is_no_token_of_ours_is_not_found(tmp_path: Path, token: str) -> None:
    stage_upload(tmp_path, 7, "a.yaml", b"key: a\n", NOW)
    with pytest.raises(NotFoundError):
        staged_upload(tmp_path, 7, token, NOW)


def test_an_upload_expires_and_goes_at_the_next_staging(tmp_path: Path) -> None:
    old = stage_upload(tmp_path, 7, "cu.yaml", b"key: a\n", NOW)
    later = NOW + dt.timedelta(hours=STAGE_HOURS, minutes=1)
    with pytest.raises(NotFoundError):
        staged_upload(tmp_path, 7, old, later)
    stage_upload(tmp_path, 8, "moi.yaml", b"key: b\n", later)  # anyone's upload sweeps
    assert _staged(tmp_path, 7) == []


def test_a_person_keeps_at_most_the_quota_count_the_oldest_going_first(tmp_path: Path) -> None:
    tokens = [
        stage_upload(tmp_path, 7, f"{n}.yaml", b"key: a\n", NOW + dt.timedelta(minutes=n))
        for n in range(STAGE_COUNT + 3)
    ]
    kept = {p.name for p in _staged(tmp_path, 7)}
    assert kept == set(tokens[3:])
    stage_upload(tmp_path, 8, "khac.yaml", b"key: b\n", NOW)  # another person's quota
    assert len(_staged(tmp_path, 7)) == STAGE_COUNT


def test_a_person_keeps_at_most_the_quota_bytes(tmp_path: Path) -> None:
    big = b"x" * (STAGE_BYTES // 3)
    tokens = [
        stage_upload(tmp_path, 7, f"{n}.txt", big, NOW + dt.timedelta(minutes=n)) for n in range(4)
    ]
    kept = {p.name for p in _staged(tmp_path, 7)}
    assert kept == set(tokens[1:])
    total = sum(f.stat().st_size for p in _staged(tmp_path, 7) for f in p.iterdir())
    assert total <= STAGE_BYTES + 4 * 1024  # and the small meta.json files


def test_a_file_over_the_upload_limit_is_not_staged(tmp_path: Path) -> None:
    with pytest.raises(DocumentTooLarge) as caught:
        stage_upload(tmp_path, 7, "lon.docx", b"x" * (STAGE_BYTES // 3 + 1), NOW)
    assert caught.value.message.startswith("lon.docx: tệp quá lớn")
    assert not (tmp_path / "imports" / "p7").exists() or _staged(tmp_path, 7) == []


def test_a_used_upload_is_discarded(tmp_path: Path) -> None:
    token = stage_upload(tmp_path, 7, "a.yaml", b"key: a\n", NOW)
    discard_upload(tmp_path, 7, token)
    with pytest.raises(NotFoundError):
        staged_upload(tmp_path, 7, token, NOW)
