"""Plain JSON-ready dictionaries of taxonomy values: skills, roles, sources, resources."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from advisor.core.taxonomy.values import EscoLink, OnetFlag, Resource, Skill, Source, Taxonomy, Text


def text_dict(text: Text) -> dict[str, str]:
    return {"en": text.en, "fr": text.fr}


def skill_dict(skill: Skill, demand: float | None = None) -> dict[str, Any]:
    """A skill as `advisor taxonomy export` and `GET /api/v1/skills` show it."""
    return {
        "id": skill.id,
        "domain": skill.domain,
        "label": text_dict(skill.label),
        "aliases": {lang: list(names) for lang, names in skill.aliases.items()},
        "description": text_dict(skill.description),
        "anchors": {str(level): text_dict(t) for level, t in sorted(skill.anchors.items())},
        "prerequisites": [asdict(p) for p in skill.prerequisites],
        "effort_hours": list(skill.effort_hours),
        "resources": [resource_dict(r) for r in skill.resources],
        "esco": esco_dict(skill.esco),
        "onet": onet_dict(skill.onet),
        "sources": list(skill.sources),
        **({"demand": demand} if demand is not None else {}),
    }


def taxonomy_dict(taxonomy: Taxonomy, demand: dict[str, float] | None = None) -> dict[str, Any]:
    """The whole taxonomy: version, domains, levels, skills, roles, sources, replacements."""
    demand = demand or {}
    return {
        "version": taxonomy.version,
        "domains": [
            {"id": d.id, "label": text_dict(d.label), "description": text_dict(d.description)}
            for d in taxonomy.domains
        ],
        "levels": [
            {"level": lv.level, "label": text_dict(lv.label), "anchor": text_dict(lv.anchor)}
            for lv in taxonomy.levels
        ],
        "skills": [skill_dict(s, demand.get(s.id)) for s in taxonomy.skills.values()],
        "roles": [
            {
                "id": r.id,
                "label": text_dict(r.label),
                "description": text_dict(r.description),
                "onet_soc": r.onet_soc,
                "requirements": {
                    q.skill: {"level": q.level, "importance": q.importance}
                    for q in r.requirements.values()
                },
            }
            for r in taxonomy.roles.values()
        ],
        "sources": [
            {
                **source_dict(s),
                "summary": text_dict(s.summary),
                "figures": [text_dict(f) for f in s.figures],
                "skills": list(s.skills),
            }
            for s in taxonomy.sources.values()
        ],
        "replaced_by": {old: list(new) for old, new in taxonomy.replaced_by.items()},
    }


def source_dict(source: Source) -> dict[str, Any]:
    """Where a fact comes from: enough to cite it (title, publisher, date, address)."""
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.published.isoformat(),
        "url": source.url,
        "language": source.language,
    }


# Built by hand rather than with dataclasses.asdict, which deep-copies and is slow on a hot path.
def resource_dict(resource: Resource) -> dict[str, Any]:
    return {
        "title": resource.title,
        "url": resource.url,
        "kind": resource.kind,
        "language": resource.language,
        "hours": resource.hours,
        "cost": resource.cost,
    }


def esco_dict(link: EscoLink | None) -> dict[str, Any] | None:
    return {"uri": link.uri, "relation": link.relation, "label": link.label} if link else None


def onet_dict(flag: OnetFlag | None) -> dict[str, Any] | None:
    if flag is None:
        return None
    return {
        "example": flag.example,
        "hot_technology": flag.hot_technology,
        "in_demand": flag.in_demand,
    }


class SkillShapes:
    """What a plan item copies from its skill whatever the plan (resources, ESCO and O*NET
    links; label, domain, description in each language), shaped once per taxonomy.

    Plans share these values: they are read, serialised and shown, never changed.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._links: dict[str, dict[str, Any]] = {}
        self._texts: dict[tuple[str, str], dict[str, str]] = {}

    def precompute(self, languages: tuple[str, ...]) -> SkillShapes:
        """Shape every skill now (at start-up) rather than at its first plan."""
        for skill_id in self.taxonomy.skills:
            self.links(skill_id)
            for language in languages:
                self.texts(skill_id, language)
        return self

    def links(self, skill_id: str) -> dict[str, Any]:
        """`resources`, `esco` and `onet` of a plan item."""
        shape = self._links.get(skill_id)
        if shape is None:
            skill = self.taxonomy.skills[skill_id]
            shape = {
                "resources": [resource_dict(r) for r in skill.resources],
                "esco": esco_dict(skill.esco),
                "onet": onet_dict(skill.onet),
            }
            self._links[skill_id] = shape
        return shape

    def texts(self, skill_id: str, language: str) -> dict[str, str]:
        """`label`, `domain_label` and `description` of a plan item in `language`."""
        shape = self._texts.get((skill_id, language))
        if shape is None:
            skill = self.taxonomy.skills[skill_id]
            shape = {
                "label": skill.label.in_(language),
                "domain_label": self.taxonomy.domain(skill.domain).label.in_(language),
                "description": skill.description.in_(language),
            }
            self._texts[(skill_id, language)] = shape
        return shape
