"""The compiled taxonomy cache: used when the files are unchanged, rebuilt when they change or
when the cache file is damaged, and never needed (deleting it loses nothing)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from advisor.taxonomy.compiled import cache_dir, content_key, load_compiled
from advisor.taxonomy.loading import load_taxonomy
from tests.conftest import FIXTURE_TAXONOMY


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "skills_data"
    shutil.copytree(FIXTURE_TAXONOMY, copy)
    return copy


def test_a_built_taxonomy_is_kept_and_read_back(folder: Path) -> None:
    built = load_taxonomy(folder)
    cached = list(cache_dir().glob("taxonomy-*.pickle"))
    assert [p.name for p in cached] == [f"taxonomy-{content_key(folder)}.pickle"]

    def must_not_build(_: Path) -> None:
        raise AssertionError("the cache was not used")

    assert load_compiled(folder, must_not_build) == built  # type: ignore[arg-type]


def test_a_changed_file_gives_a_new_key_and_new_values(folder: Path) -> None:
    before = content_key(folder)
    meta = folder / "taxonomy.yaml"
    meta.write_text(meta.read_text().replace('version: "test-1"', 'version: "test-2"'))
    assert content_key(folder) != before
    assert load_taxonomy(folder).version == "test-2"


def test_a_damaged_cache_file_is_rebuilt(folder: Path) -> None:
    built = load_taxonomy(folder)
    damaged = cache_dir() / f"taxonomy-{content_key(folder)}.pickle"
    damaged.write_bytes(b"not a pickle")
    calls: list[Path] = []

    def build(directory: Path) -> object:
        calls.append(directory)
        return built

    assert load_compiled(folder, build) == built  # type: ignore[arg-type]
    assert calls == [folder]
    assert load_compiled(folder, build) == built  # type: ignore[arg-type]
    assert calls == [folder]  # the rewritten file is read back
