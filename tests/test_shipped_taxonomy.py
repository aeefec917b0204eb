"""The taxonomy shipped in skills_data/ is sound and as broad as the product promises."""

from __future__ import annotations

from collections import Counter

from advisor.resources import skills_data_dir
from advisor.taxonomy.files import check_taxonomy
from advisor.taxonomy.loading import load_taxonomy

TAXONOMY = load_taxonomy(skills_data_dir())


def test_the_shipped_taxonomy_passes_every_check() -> None:
    assert check_taxonomy(skills_data_dir()) == []


def test_it_is_broad_enough() -> None:
    domains = Counter(s.domain for s in TAXONOMY.skills.values())
    assert len(TAXONOMY.skills) >= 230
    assert len(domains) >= 13 and min(domains.values()) >= 10
    assert len(TAXONOMY.roles) >= 12
    assert len(TAXONOMY.origin_roles) >= 10
    assert len(TAXONOMY.sources) >= 25


def test_what_career_changers_bring_can_be_rated() -> None:
    # The skills of the people the product is for: support, admins, developers, analysts.
    for skill_id in (
        "it-operations.windows-server",
        "it-operations.active-directory",
        "it-operations.powershell",
        "it-operations.virtualization",
        "it-operations.itsm",
        "it-operations.it-support",
        "professional.project-management",
        "software-engineering.software-testing",
        "security-operations.incident-response",
        "security-operations.vulnerability-management",
        "security-operations.threat-modeling",
        "software-engineering.java",
        "software-engineering.csharp",
        "software-engineering.javascript",
        "software-engineering.c-cpp",
        "data-engineering.bi-dashboards",
        "it-operations.configuration-management",
        "foundations.tensorflow",
    ):
        assert skill_id in TAXONOMY.skills, skill_id


def test_every_skill_is_described_at_each_level_and_cites_with_quotes() -> None:
    for skill in TAXONOMY.skills.values():
        assert sorted(skill.anchors) == [1, 2, 3, 4, 5], skill.id
        assert skill.sources and set(skill.quotes) == set(skill.sources), skill.id
        assert all(r.cost in ("free", "paid") for r in skill.resources), skill.id


def test_esco_links_are_close_for_many_skills() -> None:
    close = [s for s in TAXONOMY.skills.values() if s.esco and s.esco.relation != "broadMatch"]
    assert len(close) >= 60


def test_sources_are_in_both_languages_and_include_the_founding_article() -> None:
    languages = Counter(s.language for s in TAXONOMY.sources.values())
    assert languages["fr"] >= 10 and languages["en"] >= 10
    assert any("Grande Réinitialisation" in s.title for s in TAXONOMY.sources.values())


def test_most_skills_are_linked_to_esco_and_all_cite_a_source() -> None:
    linked = [s for s in TAXONOMY.skills.values() if s.esco]
    assert len(linked) / len(TAXONOMY.skills) >= 0.4
    assert all(s.sources for s in TAXONOMY.skills.values())


def test_the_demand_prior_comes_from_the_market_signals() -> None:
    from datetime import date

    demand = TAXONOMY.demand_prior(date(2026, 11, 24))
    assert max(demand.values()) == 1.0
    assert len(set(demand.values())) > 10  # computed, not one typed-in constant
    # From demand.yaml, not from the evidence: every skill a signal names is in the prior.
    assert TAXONOMY.demand_signals
    mentioned = {s for signal in TAXONOMY.demand_signals for s in signal.skills}
    assert {s for s, v in demand.items() if v > 0} <= mentioned


def test_every_role_asks_for_skills_of_several_domains() -> None:
    for role in TAXONOMY.roles.values():
        # A group of interchangeable skills ("any one of AWS, Azure, GCP") asks for one skill.
        asked = len(role.requirements) + len(role.alternatives)
        assert 10 <= asked <= 20, role.id
        assert len({TAXONOMY.skills[s].domain for s in role.requirements}) >= 2
