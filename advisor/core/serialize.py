"""Plain JSON-ready dictionaries of core values, in the shapes of the public interface."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from advisor.core.taxonomy import Skill, Taxonomy, Text


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
        "resources": [asdict(r) for r in skill.resources],
        "esco": asdict(skill.esco) if skill.esco else None,
        "onet": asdict(skill.onet) if skill.onet else None,
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
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "date": s.published.isoformat(),
                "url": s.url,
                "language": s.language,
                "summary": text_dict(s.summary),
                "figures": [text_dict(f) for f in s.figures],
                "skills": list(s.skills),
            }
            for s in taxonomy.sources.values()
        ],
        "replaced_by": {old: list(new) for old, new in taxonomy.replaced_by.items()},
    }
