"""Use cases of the taxonomy files: check them, summarise them, export them."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from advisor.core.taxonomy import (
    Taxonomy,
    curators_report,
    report_dict,
    report_text,
    taxonomy_dict,
)
from advisor.taxonomy.files import check_taxonomy
from advisor.taxonomy.lines import Problem
from advisor.taxonomy.loading import load_taxonomy

__all__ = [
    "Problem",
    "check_taxonomy",
    "curators_report",
    "export_taxonomy",
    "load_taxonomy",
    "report_dict",
    "report_text",
    "taxonomy_summary",
]


def taxonomy_summary(taxonomy: Taxonomy) -> str:
    """One line of counts a curator can eyeball after a check."""
    linked = sum(1 for s in taxonomy.skills.values() if s.esco)
    close = sum(1 for s in taxonomy.skills.values() if s.esco and s.esco.relation != "broadMatch")
    return (
        f"version {taxonomy.version}: {len(taxonomy.skills)} skills in "
        f"{len(Counter(s.domain for s in taxonomy.skills.values()))} domains, "
        f"{len(taxonomy.roles)} roles, {len(taxonomy.origin_roles)} origin roles, "
        f"{len(taxonomy.sources)} sources, {linked} ESCO links ({close} exact or close)"
    )


def export_taxonomy(taxonomy: Taxonomy, today: date | None = None) -> dict[str, Any]:
    """The whole taxonomy as JSON-ready data, each skill with its demand prior."""
    demand = taxonomy.demand_prior(today or date.today())
    return taxonomy_dict(taxonomy, demand)
