"""Use cases of the taxonomy files: check them, summarise them, export them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from advisor.core.taxonomy import (
    CuratorsReport,
    EvidenceFigures,
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
    "evidence_page",
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


@dataclass(frozen=True)
class DomainRow:
    """One line of the taxonomy page's table: a domain (or all of them) and its figures."""

    label: str
    figures: EvidenceFigures


@dataclass(frozen=True)
class CitedDefinition:
    """A published definition a role cites, and what of the role it backs."""

    title: str
    publisher: str
    url: str
    supports: str


@dataclass(frozen=True)
class RoleDefinitionsRow:
    label: str
    definitions: tuple[CitedDefinition, ...]


@dataclass(frozen=True)
class EvidencePage:
    """The curator's report in one language, with labels where the report has ids."""

    version: str
    domains: tuple[DomainRow, ...]
    total: EvidenceFigures
    hosts: tuple[tuple[str, int], ...]
    without_french_resource: tuple[str, ...]
    single_citation: tuple[str, ...]
    roles: tuple[RoleDefinitionsRow, ...]
    roles_without_definitions: int
    roles_under_defined: int


def evidence_page(taxonomy: Taxonomy, report: CuratorsReport, language: str) -> EvidencePage:
    """What the taxonomy page shows: `report`'s figures, skills and roles by their labels."""
    domain_labels = {d.id: d.label.in_(language) for d in taxonomy.domains}

    def skill_labels(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(taxonomy.skills[i].label.in_(language) for i in ids)

    roles = tuple(
        RoleDefinitionsRow(
            role.label.in_(language),
            tuple(
                CitedDefinition(
                    taxonomy.sources[cited.source].title,
                    taxonomy.sources[cited.source].publisher,
                    taxonomy.sources[cited.source].url,
                    cited.supports.in_(language),
                )
                for cited in role.sources
            ),
        )
        for role in taxonomy.roles.values()
    )
    return EvidencePage(
        version=report.version,
        domains=tuple(DomainRow(domain_labels[d], f) for d, f in report.domains),
        total=report.total,
        hosts=report.total.hosts,
        without_french_resource=skill_labels(report.total.without_french_resource),
        single_citation=skill_labels(report.total.single_citation),
        roles=roles,
        roles_without_definitions=len(report.roles_without_definitions),
        roles_under_defined=len(report.roles_under_defined),
    )
