"""The French passage sets extraction is measured on (`bench/data/`): each passage is a short
quote with its whole source, annotated with skills the shipped taxonomy has, and the two sets
share no page, so that the held-out one stays out of the development one's sample."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor.resources import skills_data_dir
from advisor.taxonomy.loading import load_taxonomy

DATA = Path(__file__).resolve().parent.parent / "bench" / "data"
SETS = ("french_dev.yaml", "french_heldout.yaml")
# A short quote: a sentence or two, never a page.
MOST_WORDS = 60


def passages(name: str) -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = yaml.safe_load((DATA / name).read_text("utf-8"))["passages"]
    return loaded


@pytest.mark.parametrize("name", SETS)
def test_each_passage_is_a_short_quote_with_its_source(name: str) -> None:
    for passage in passages(name):
        source = passage["source"]
        assert source["publisher"] and source["title"], passage
        assert source["url"].startswith(("https://", "http://")), passage
        assert "date" in source, passage
        assert 0 < len(passage["text"].split()) <= MOST_WORDS, passage


@pytest.mark.parametrize("name", SETS)
def test_each_passage_names_skills_of_the_taxonomy(name: str) -> None:
    known = load_taxonomy(skills_data_dir()).skills
    for passage in passages(name):
        unknown = [s for s in passage["skills"] if s not in known]
        assert not unknown, (unknown, passage["text"])
    assert any(not p["skills"] for p in passages(name)), "no passage tests false alarms"


def test_the_held_out_set_shares_no_page_with_the_development_set() -> None:
    development = {p["source"]["url"] for p in passages("french_dev.yaml")}
    held_out = {p["source"]["url"] for p in passages("french_heldout.yaml")}
    assert not development & held_out
