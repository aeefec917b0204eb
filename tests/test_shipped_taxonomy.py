"""The taxonomy shipped in skills_data/ is sound and as broad as the product promises."""

from __future__ import annotations

from collections import Counter

from advisor.resources import skills_data_dir
from advisor.taxonomy.files import check_taxonomy, load_taxonomy

TAXONOMY = load_taxonomy(skills_data_dir())


def test_the_shipped_taxonomy_passes_every_check() -> None:
    assert check_taxonomy(skills_data_dir()) == []


def test_it_is_broad_enough() -> None:
    domains = Counter(s.domain for s in TAXONOMY.skills.values())
    assert len(TAXONOMY.skills) >= 180
    assert len(domains) >= 10 and min(domains.values()) >= 10
    assert len(TAXONOMY.roles) >= 12
    assert len(TAXONOMY.sources) >= 25


def test_sources_are_in_both_languages_and_include_the_founding_article() -> None:
    languages = Counter(s.language for s in TAXONOMY.sources.values())
    assert languages["fr"] >= 10 and languages["en"] >= 10
    assert any("Grande Réinitialisation" in s.title for s in TAXONOMY.sources.values())


def test_most_skills_are_linked_to_esco_and_all_cite_a_source() -> None:
    linked = [s for s in TAXONOMY.skills.values() if s.esco]
    assert len(linked) / len(TAXONOMY.skills) >= 0.4
    assert all(s.sources for s in TAXONOMY.skills.values())


def test_the_demand_prior_comes_from_the_sources() -> None:
    from datetime import date

    demand = TAXONOMY.demand_prior(date(2026, 11, 24))
    assert max(demand.values()) == 1.0
    assert len(set(demand.values())) > 10  # computed, not one typed-in constant


def test_every_role_asks_for_skills_of_several_domains() -> None:
    for role in TAXONOMY.roles.values():
        assert 10 <= len(role.requirements) <= 20
        assert len({TAXONOMY.skills[s].domain for s in role.requirements}) >= 2
