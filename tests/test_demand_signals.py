"""The demand prior counts the market signals of demand.yaml, apart from the evidence: curating
a skill's citations leaves every plan's priorities where they were."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from advisor.taxonomy.files import check_taxonomy
from advisor.taxonomy.loading import load_taxonomy
from tests.conftest import FIXTURE_TAXONOMY

TODAY = date(2026, 11, 24)
SIGNALS = """signals:
- title: A survey of MLOps hiring
  date: '2026-11-24'
  skills: [mlops.model-serving, mlops.model-monitoring]
- title: An older article on Python
  date: '2024-11-24'
  skills: [foundations.python]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "skills_data"
    shutil.copytree(FIXTURE_TAXONOMY, copy)
    (copy / "demand.yaml").write_text(SIGNALS, encoding="utf-8")
    return copy


def test_the_prior_weighs_each_signal_by_its_age(folder: Path) -> None:
    demand = load_taxonomy(folder).demand_prior(TODAY)
    assert demand["mlops.model-serving"] == demand["mlops.model-monitoring"] == 1.0
    # Two years old: half the weight of this year's signal.
    assert demand["foundations.python"] == 0.5
    assert demand["foundations.containers"] == 0.0


def test_citations_do_not_move_the_prior_when_signals_exist(folder: Path) -> None:
    before = load_taxonomy(folder).demand_prior(TODAY)
    skills = folder / "skills" / "foundations.yaml"
    text = skills.read_text(encoding="utf-8")
    cited = (
        '      - {id: python-docs, quote: "Python is an easy to learn, powerful programming'
        ' language."}\n'
    )
    assert cited in text
    another = '      - {id: article-one, quote: "Python is named in this article about hiring."}\n'
    skills.write_text(text.replace(cited, cited + another, 1), encoding="utf-8")
    assert "article-one" in load_taxonomy(folder).skills["foundations.python"].sources
    assert load_taxonomy(folder).demand_prior(TODAY) == before


def test_without_signals_the_prior_counts_the_sources() -> None:
    taxonomy = load_taxonomy(FIXTURE_TAXONOMY)
    assert taxonomy.demand_signals == ()
    demand = taxonomy.demand_prior(TODAY)
    cited = {s for source in taxonomy.sources.values() for s in source.skills}
    assert max(demand.values()) == 1.0
    assert all(demand[s] > 0 for s in cited)


def test_a_signal_naming_an_unknown_skill_is_located(folder: Path) -> None:
    path = folder / "demand.yaml"
    path.write_text(
        SIGNALS.replace("[foundations.python]", "[foundations.cobol]"), encoding="utf-8"
    )
    line = path.read_text(encoding="utf-8").splitlines().index("  skills: [foundations.cobol]") + 1
    problems = check_taxonomy(folder)
    assert [(p.file, p.line, p.field, p.message) for p in problems] == [
        ("demand.yaml", line, "signals.1.skills.0", "unknown skill")
    ]


def test_a_signal_without_a_date_is_located(folder: Path) -> None:
    (folder / "demand.yaml").write_text(
        SIGNALS.replace("  date: '2024-11-24'\n", ""), encoding="utf-8"
    )
    problems = check_taxonomy(folder)
    assert len(problems) == 1
    assert problems[0].file == "demand.yaml"
    assert "date" in problems[0].field
