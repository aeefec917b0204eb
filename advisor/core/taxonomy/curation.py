"""The curator's report: how defensible the taxonomy's evidence is, per domain and in total.

Read as a curator reads the files: how many citations come from primary sources, how many
quotes show the skill they support, which hosts the sources sit on, which skills a French reader
has nothing to learn from, which rest on one citation, and which roles cite no definition.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from advisor.core.taxonomy.evidence import (
    MIN_QUOTE_WORDS,
    misplaced,
    names_skill,
    publisher_host,
    quote_words,
)
from advisor.core.taxonomy.values import SOURCE_KINDS, Skill, Taxonomy

# A role is defined when it cites this many published definitions.
DEFINITIONS_PER_ROLE = 2


@dataclass(frozen=True)
class EvidenceFigures:
    """The figures of a set of skills (one domain, or all of them)."""

    skills: int
    citations: int
    primary_citations: int
    quotes_naming_skill: int
    # Of those, the quotes whose naming words a curator points out (`names` in the files).
    quotes_named_by_curator: int
    short_quotes: int
    misplaced_sources: int
    sources_without_kind: int
    hosts: tuple[tuple[str, int], ...]
    without_french_resource: tuple[str, ...]
    single_citation: tuple[str, ...]

    @property
    def primary_share(self) -> float:
        return self.primary_citations / self.citations if self.citations else 0.0

    @property
    def naming_share(self) -> float:
        return self.quotes_naming_skill / self.citations if self.citations else 0.0


@dataclass(frozen=True)
class RoleDefinitions:
    role: str
    definitions: int


@dataclass(frozen=True)
class CuratorsReport:
    version: str
    domains: tuple[tuple[str, EvidenceFigures], ...]
    total: EvidenceFigures
    roles: tuple[RoleDefinitions, ...]

    @property
    def roles_without_definitions(self) -> tuple[str, ...]:
        """Roles that cite no published definition at all."""
        return tuple(r.role for r in self.roles if r.definitions == 0)

    @property
    def roles_under_defined(self) -> tuple[str, ...]:
        """Roles that cite fewer published definitions than a review needs."""
        return tuple(r.role for r in self.roles if r.definitions < DEFINITIONS_PER_ROLE)


def curators_report(taxonomy: Taxonomy) -> CuratorsReport:
    """The report of the whole taxonomy, its domains in display order."""
    by_domain = {
        d.id: [s for s in taxonomy.skills.values() if s.domain == d.id] for d in taxonomy.domains
    }
    roles = tuple(
        RoleDefinitions(r.id, len({c.source for c in r.sources})) for r in taxonomy.roles.values()
    )
    # Whether a quote names its skill is read once per citation, for its domain and the total.
    naming = _naming(taxonomy, taxonomy.skills.values())
    return CuratorsReport(
        version=taxonomy.version,
        domains=tuple((d, figures(taxonomy, skills, naming)) for d, skills in by_domain.items()),
        total=figures(taxonomy, taxonomy.skills.values(), naming),
        roles=roles,
    )


def _naming(taxonomy: Taxonomy, skills: Iterable[Skill]) -> dict[tuple[str, str], bool]:
    """For each citation (skill id, source id): whether its quote names the skill by itself."""
    return {(s.id, i): names_skill(s.quotes.get(i, ""), s) for s in skills for i in s.sources}


def figures(
    taxonomy: Taxonomy,
    skills: Iterable[Skill],
    naming: Mapping[tuple[str, str], bool] | None = None,
) -> EvidenceFigures:
    """The evidence figures of `skills`, counting each citation (a skill's use of a source).

    `naming` is what `_naming` reads of these skills' citations, when the caller has it already."""
    listed = sorted(skills, key=lambda s: s.id)
    citations = [(s, taxonomy.sources[i], s.quotes.get(i, "")) for s in listed for i in s.sources]
    named = naming if naming is not None else _naming(taxonomy, listed)
    cited = {source.id: source for _, source, _ in citations}.values()
    return EvidenceFigures(
        skills=len(listed),
        citations=len(citations),
        primary_citations=sum(1 for _, source, _ in citations if source.primary),
        quotes_naming_skill=sum(
            1
            for skill, source, _ in citations
            if named[skill.id, source.id] or source.id in skill.quote_names
        ),
        quotes_named_by_curator=sum(
            1
            for skill, source, _ in citations
            if source.id in skill.quote_names and not named[skill.id, source.id]
        ),
        short_quotes=sum(1 for _, _, quote in citations if quote_words(quote) < MIN_QUOTE_WORDS),
        misplaced_sources=sum(1 for source in cited if misplaced(source.url)),
        sources_without_kind=sum(1 for source in cited if source.kind not in SOURCE_KINDS),
        hosts=tuple(
            sorted(
                Counter(publisher_host(source.url) for source in cited).items(),
                key=lambda item: (-item[1], item[0]),
            )
        ),
        without_french_resource=tuple(
            s.id for s in listed if not any(r.language == "fr" for r in s.resources)
        ),
        single_citation=tuple(s.id for s in listed if len(s.sources) == 1),
    )


def figures_dict(figures: EvidenceFigures) -> dict[str, object]:
    """The figures as JSON-ready data: counts, shares rounded to the per mille, lists."""
    return {
        "skills": figures.skills,
        "citations": figures.citations,
        "primary_citations": figures.primary_citations,
        "primary_share": round(figures.primary_share, 3),
        "quotes_naming_skill": figures.quotes_naming_skill,
        "naming_share": round(figures.naming_share, 3),
        "quotes_named_by_curator": figures.quotes_named_by_curator,
        "short_quotes": figures.short_quotes,
        "misplaced_sources": figures.misplaced_sources,
        "sources_without_kind": figures.sources_without_kind,
        "sources_per_host": dict(figures.hosts),
        "skills_without_french_resource": list(figures.without_french_resource),
        "skills_with_single_citation": list(figures.single_citation),
    }


def report_dict(report: CuratorsReport) -> dict[str, object]:
    """The whole report as `advisor taxonomy report --format json` prints it."""
    return {
        "version": report.version,
        "total": figures_dict(report.total),
        "domains": {domain: figures_dict(f) for domain, f in report.domains},
        "roles": {r.role: {"definitions": r.definitions} for r in report.roles},
        "roles_without_definitions": list(report.roles_without_definitions),
        "roles_under_two_definitions": list(report.roles_under_defined),
    }


_COLUMNS = (
    ("skills", 6),
    ("citations", 9),
    ("primary", 7),
    ("naming", 6),
    ("<8 words", 8),
    ("mirrors", 7),
    ("no kind", 7),
    ("no FR", 5),
    ("1 citation", 10),
)


def report_text(report: CuratorsReport, hosts_shown: int = 12) -> str:
    """The report as a table a curator reads in a terminal, then the lists behind its counts."""
    width = max(len(d) for d, _ in report.domains) if report.domains else 5
    header = "domain".ljust(width) + "".join(f"  {name:>{w}}" for name, w in _COLUMNS)
    lines = [f"Curator's report, taxonomy {report.version}", "", header]
    for name, f in (*report.domains, ("total", report.total)):
        cells = (
            f.skills,
            f.citations,
            f"{f.primary_share:.0%}",
            f"{f.naming_share:.0%}",
            f.short_quotes,
            f.misplaced_sources,
            f.sources_without_kind,
            len(f.without_french_resource),
            len(f.single_citation),
        )
        row = "".join(f"  {cell!s:>{w}}" for cell, (_, w) in zip(cells, _COLUMNS, strict=True))
        lines.append(name.ljust(width) + row)
    total = report.total
    shown = ", ".join(f"{host} {n}" for host, n in total.hosts[:hosts_shown])
    lines += [
        "",
        "primary: share of citations from official documentation, standards and laws, books, "
        "peer-reviewed papers and first-party reports; naming: share of quotes that name "
        f"their skill ({total.quotes_named_by_curator} of them by words a curator points out)",
        "",
        f"Sources per publisher host ({len(total.hosts)} hosts): {shown}"
        + (", …" if len(total.hosts) > hosts_shown else ""),
        _listed("Skills without a French resource", total.without_french_resource),
        _listed("Skills with a single citation", total.single_citation),
        f"Roles without cited definitions: {len(report.roles_without_definitions)} "
        f"of {len(report.roles)}"
        + (
            f" ({', '.join(report.roles_without_definitions)})"
            if report.roles_without_definitions
            else ""
        ),
        _listed(
            f"Roles citing fewer than {DEFINITIONS_PER_ROLE} definitions",
            report.roles_under_defined,
        ),
    ]
    return "\n".join(lines)


def _listed(title: str, ids: tuple[str, ...]) -> str:
    return f"{title} ({len(ids)})" + (": " + ", ".join(ids) if ids else "")
