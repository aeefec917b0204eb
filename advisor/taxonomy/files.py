"""Reading `skills_data/`: YAML with line numbers, schema checks, cross-file checks, a Taxonomy.

Every problem is reported with its file, line and field, so a curator can go straight to it;
the loader refuses a taxonomy with any problem rather than serving half of one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from advisor.core.taxonomy import (
    Alternatives,
    DemandSignal,
    Domain,
    EscoLink,
    Level,
    OnetFlag,
    OriginRole,
    Prerequisite,
    Requirement,
    Resource,
    Role,
    RoleSource,
    Skill,
    Source,
    Taxonomy,
    Text,
    fold,
)
from advisor.taxonomy import schema
from advisor.taxonomy.checks import cross_check
from advisor.taxonomy.evidence import check_evidence
from advisor.taxonomy.lines import Problem, TaxonomyError, read_yaml, validate
from advisor.taxonomy.writing import check_writing, origin_role_names

Model = TypeVar("Model", bound=BaseModel)


# ---------------------------------------------------------------- loading a folder


def check_taxonomy(directory: Path) -> list[Problem]:
    """Every problem in the taxonomy folder, its writing included (empty when it is sound).

    Loading checks only what the program relies on; the writing and evidence rules are the
    curator's gate (`advisor taxonomy check`, and a test over the shipped files)."""
    parsed, problems = _parse_folder(directory)
    if problems:
        return sorted(problems)
    skills = {s.id: _skill(s, f.domain) for _, f, _ in parsed.skill_files for s in f.skills}
    problems = cross_check(parsed)
    found = [*problems, *check_writing(parsed), *check_evidence(parsed, skills)]
    if not problems:  # the origin roles' names are read once the taxonomy builds
        found += origin_role_names(parsed, build_taxonomy(parsed).origin_roles)
    return sorted(found)


def parse_and_build(directory: Path) -> Taxonomy:
    """The taxonomy parsed and checked from its YAML (what the compiled cache keeps)."""
    parsed, problems = _parse_folder(directory)
    if not problems:
        problems = cross_check(parsed)
    if problems:
        raise TaxonomyError(problems)
    return build_taxonomy(parsed)


def _parse_folder(directory: Path) -> tuple[schema.ParsedFolder, list[Problem]]:
    problems: list[Problem] = []
    parsed = schema.ParsedFolder(
        meta=_parse_file(directory, "taxonomy.yaml", schema.TaxonomyFileModel, problems),
        levels=_parse_file(directory, "levels.yaml", schema.LevelsFileModel, problems),
        domains=_parse_file(directory, "domains.yaml", schema.DomainsFileModel, problems),
        roles=_parse_file(directory, "roles.yaml", schema.RolesFileModel, problems),
    )
    if (directory / "origin_roles.yaml").is_file():
        parsed.origin_roles = _parse_file(
            directory, "origin_roles.yaml", schema.OriginRolesFileModel, problems
        )
    if (directory / "demand.yaml").is_file():
        parsed.demand = _parse_file(directory, "demand.yaml", schema.DemandFileModel, problems)
    # sources.yaml holds the articles; sources/*.yaml may add more, one file per subject.
    source_names = ["sources.yaml"] + [
        f"sources/{p.name}" for p in sorted((directory / "sources").glob("*.yaml"))
    ]
    for name in source_names:
        sources = _parse_file(directory, name, schema.SourcesFileModel, problems)
        if sources is not None:
            parsed.source_files.append((name, *sources))
    skill_paths = sorted((directory / "skills").glob("*.yaml"))
    if not skill_paths:
        problems.append(Problem("skills/", 1, "(folder)", "no skill files (skills/*.yaml)"))
    for path in skill_paths:
        name = f"skills/{path.name}"
        result = _parse_file(directory, name, schema.SkillFileModel, problems)
        if result is not None:
            parsed.skill_files.append((name, *result))
    return parsed, problems


def _parse_file(
    directory: Path, name: str, model: type[Model], problems: list[Problem]
) -> tuple[Model, Any] | None:
    """The validated model and raw document of one file, or None with its problems recorded."""
    path = directory / name
    if not path.is_file():
        problems.append(Problem(name, 1, "(file)", "file is missing"))
        return None
    document, read_problems = read_yaml(path, name)
    problems.extend(read_problems)
    if document is None:
        return None
    validated, schema_problems = validate(model, document, name)
    problems.extend(schema_problems)
    return (validated, document) if validated is not None else None


# ---------------------------------------------------------------- building the values


def text(model: schema.TextModel) -> Text:
    return Text(en=model.en, fr=model.fr)


def build_taxonomy(parsed: schema.ParsedFolder) -> Taxonomy:
    """Turn validated files into the core's immutable values."""
    assert parsed.meta and parsed.levels and parsed.domains and parsed.roles
    meta, levels, domains = parsed.meta[0], parsed.levels[0], parsed.domains[0]
    skills = {s.id: _skill(s, f.domain) for _, f, _ in parsed.skill_files for s in f.skills}
    citing: dict[str, list[str]] = {}
    for skill in skills.values():
        for source_id in skill.sources:
            citing.setdefault(source_id, []).append(skill.id)
    roles = {r.id: _role(r) for r in parsed.roles[0].roles}
    defining: dict[str, list[str]] = {}
    for role in roles.values():
        for citation in role.sources:
            defining.setdefault(citation.source, []).append(role.id)
    all_sources = [s for _, f, _ in parsed.source_files for s in f.sources]
    origins = parsed.origin_roles[0].origin_roles if parsed.origin_roles else []
    return Taxonomy(
        version=meta.version,
        domains=tuple(Domain(d.id, text(d.label), text(d.description)) for d in domains.domains),
        levels=tuple(Level(lv.level, text(lv.label), text(lv.anchor)) for lv in levels.levels),
        skills=skills,
        roles=roles,
        sources={
            s.id: _source(s, tuple(citing.get(s.id, ())), tuple(defining.get(s.id, ())))
            for s in all_sources
        },
        replaced_by={
            old: (new,) if isinstance(new, str) else tuple(new)
            for old, new in meta.replaced_by.items()
        },
        ambiguous_aliases=frozenset(fold(a) for a in meta.ambiguous_aliases),
        origin_roles={o.id: _origin(o) for o in origins},
        demand_signals=tuple(
            DemandSignal(s.title, s.date, tuple(s.skills))
            for s in (parsed.demand[0].signals if parsed.demand else [])
        ),
    )


def _skill(model: schema.SkillModel, domain: str) -> Skill:
    anchors = model.anchors
    return Skill(
        id=model.id,
        domain=domain,
        label=text(model.label),
        description=text(model.description),
        aliases={"en": tuple(model.aliases.en), "fr": tuple(model.aliases.fr)},
        context_aliases={k: tuple(v) for k, v in model.context_aliases.items()},
        anchors={level: text(t) for level, t in anchors.by_level().items()},
        prerequisites=tuple(
            Prerequisite(p.skill, p.level, p.from_level) for p in model.prerequisites
        ),
        effort_hours=tuple(model.effort_hours),
        resources=tuple(
            Resource(r.title, r.url, r.kind, r.language, r.hours, r.cost) for r in model.resources
        ),
        esco=EscoLink(model.esco.uri, model.esco.relation, model.esco.label)
        if model.esco
        else None,
        onet=OnetFlag(model.onet.example, model.onet.hot_technology, model.onet.in_demand)
        if model.onet
        else None,
        sources=tuple(model.source_ids()),
        quotes={c.id: c.quote for c in model.sources},
        quote_names={c.id: c.names for c in model.sources if c.names},
    )


def _role(model: schema.RoleModel) -> Role:
    requirements = {
        skill_id: Requirement(skill_id, r.level, r.importance)
        for skill_id, r in model.requirements.items()
    }
    alternatives = tuple(
        Alternatives(a.id, text(a.label), tuple(a.skills), a.level, a.importance)
        for a in model.any_of
    )
    sources = tuple(
        RoleSource(c.id, c.quote, text(c.supports), tuple(c.skills)) for c in model.sources
    )
    return Role(
        model.id,
        text(model.label),
        text(model.description),
        requirements,
        model.onet_soc,
        alternatives,
        sources,
    )


def _origin(model: schema.OriginRoleModel) -> OriginRole:
    return OriginRole(
        id=model.id,
        label=text(model.label),
        aliases={"en": tuple(model.aliases.en), "fr": tuple(model.aliases.fr)},
        description=text(model.description),
        typical=dict(model.typical),
    )


def _source(model: schema.SourceModel, skills: tuple[str, ...], roles: tuple[str, ...]) -> Source:
    return Source(
        id=model.id,
        title=model.title,
        publisher=model.publisher,
        published=model.date,
        url=model.url,
        language=model.language,
        summary=text(model.summary),
        figures=tuple(text(f) for f in model.figures),
        skills=skills,
        kind=model.kind,
        roles=roles,
    )
