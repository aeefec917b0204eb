"""Which skills the profile form asks about, which levels the person's current role suggests,
and which skills their own words mention."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from advisor.core.extraction import extract_skills
from advisor.core.taxonomy import (
    OriginRole,
    Requirement,
    Role,
    Skill,
    Taxonomy,
    fold,
    match_origin_role,
)
from advisor.services.advisor import Advisor

# A form a person finishes: at most this many questions unless they add skills themselves.
MAX_QUESTIONS = 20
# Of a target role, the form asks about the skills rated "very important" (4) or more.
CORE_IMPORTANCE = 4
# Slots kept for the strengths of the role the person comes from.
ORIGIN_SLOTS = 6


@dataclass(frozen=True)
class SkillGroup:
    """Skills to self-assess, under one domain heading."""

    domain: str
    label: str
    skills: tuple[Skill, ...]


@dataclass(frozen=True)
class Questions:
    """The skills step 2 asks about, and the levels prefilled from the person's current role."""

    groups: list[SkillGroup]
    origin: OriginRole | None = None
    prefilled: Mapping[str, int] = field(default_factory=dict)

    @property
    def skill_ids(self) -> list[str]:
        return [s.id for g in self.groups for s in g.skills]


def origin_role(taxonomy: Taxonomy, current_role: str) -> OriginRole | None:
    """The origin role a person's "current role" names (see `match_origin_role`)."""
    return match_origin_role(taxonomy, current_role)


def origin_levels(advisor: Advisor, current_role: str) -> dict[str, int]:
    """The typical levels of the origin role `current_role` names ({} when it names none)."""
    origin = origin_role(advisor.taxonomy, current_role)
    return dict(origin.typical) if origin else {}


def questions(
    advisor: Advisor,
    role_id: str | None,
    language: str,
    *,
    current_role: str = "",
    also: Iterable[str] = (),
    role: Role | None = None,
) -> Questions:
    """What step 2 asks: the target role's core skills (or, without one, the skills that best
    tell roles apart), then the strengths of the person's current role, at most
    `MAX_QUESTIONS` together; `also` (a reassessment's skills) are always asked. `role`, a job
    ad read as a role, is asked about whole: an ad names only what it wants."""
    taxonomy = advisor.taxonomy
    origin = origin_role(taxonomy, current_role)
    strengths = _strengths(origin)
    if role is not None:
        core = _core_skills(role, minimum=1)
    elif role_id:
        core = _core_skills(taxonomy.role(role_id))
    else:
        core = _telling_skills(taxonomy)
    core = core[: MAX_QUESTIONS - min(ORIGIN_SLOTS, len(strengths))]
    chosen = list(dict.fromkeys(core))
    for skill_id in strengths:
        if len(chosen) >= MAX_QUESTIONS:
            break
        if skill_id not in chosen:
            chosen.append(skill_id)
    chosen.extend(s for s in also if s in taxonomy.skills and s not in chosen)
    prefilled = {s: origin.typical[s] for s in chosen if origin and s in origin.typical}
    return Questions(_grouped(taxonomy, set(chosen), language), origin, prefilled)


def _core_skills(role: Role, minimum: int = CORE_IMPORTANCE) -> list[str]:
    """The role's skills of importance `minimum` or more, most important first; of an "any one
    of" group, every skill, so that the person can say which one they know."""
    weighted = [(r.importance, r.level, r.skill) for r in role.requirements.values()]
    for group in role.alternatives:
        weighted += [(group.importance, group.level, s) for s in group.skills]
    ranked = sorted((w for w in weighted if w[0] >= minimum), key=lambda w: (-w[0], -w[1]))
    return list(dict.fromkeys(skill for _, _, skill in ranked))


def _telling_skills(taxonomy: Taxonomy) -> list[str]:
    """Skills ordered by how much the roles disagree about them (spread of level × importance),
    so that a role can be suggested from few answers."""
    roles = list(taxonomy.roles.values())
    if not roles:
        return []
    spread: dict[str, float] = {}
    for skill_id in taxonomy.skills:
        weights = [_weight(role.requirements_for({}), skill_id) for role in roles]
        if any(weights):
            spread[skill_id] = statistics.pstdev(weights)
    return sorted(spread, key=lambda s: (-spread[s], s))


def _weight(requirements: Mapping[str, Requirement], skill_id: str) -> float:
    requirement = requirements.get(skill_id)
    return float(requirement.level * requirement.importance) if requirement else 0.0


def _strengths(origin: OriginRole | None) -> list[str]:
    if origin is None:
        return []
    return sorted(origin.typical, key=lambda s: (-origin.typical[s], s))


def _grouped(taxonomy: Taxonomy, chosen: set[str], language: str) -> list[SkillGroup]:
    groups = []
    for domain in taxonomy.domains:
        skills = sorted(
            (taxonomy.skills[s] for s in chosen if taxonomy.skills[s].domain == domain.id),
            key=lambda skill: skill.label.in_(language).casefold(),
        )
        if skills:
            groups.append(SkillGroup(domain.id, domain.label.in_(language), tuple(skills)))
    return groups


def skill_by_name(taxonomy: Taxonomy, name: str) -> str | None:
    """The id of the skill whose id or label (EN or FR), else alias, is `name`; else None."""
    typed = fold(name)
    if not typed:
        return None
    skills = taxonomy.skills.values()
    by_label = (s.id for s in skills if typed in (fold(s.id), fold(s.label.en), fold(s.label.fr)))
    by_alias = (s.id for s in skills if any(typed == fold(n) for n in s.all_aliases()))
    return next(by_label, None) or next(by_alias, None)


def skill_labels(advisor: Advisor, language: str) -> dict[str, str]:
    """Every skill's label in `language`, by id."""
    return {s.id: s.label.in_(language) for s in advisor.taxonomy.skills.values()}


def skill_quotes(advisor: Advisor, plan: Mapping[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """For each skill of a plan, what its sources say: (quote, "publisher, title, date")."""
    taxonomy = advisor.taxonomy
    found: dict[str, list[tuple[str, str]]] = {}
    for item in plan.get("items", []):
        skill = taxonomy.skills.get(item["skill"])
        for source_id, quote in skill.quotes.items() if skill else ():
            source = taxonomy.sources.get(source_id)
            if source is not None:
                where = f"{source.publisher}, {source.title}, {source.published.isoformat()}"
                found.setdefault(item["skill"], []).append((quote, where))
    return found


def suggested_skills(advisor: Advisor, experience: str, language: str) -> list[Skill]:
    """Skills an experience description mentions, for the form to suggest (never to apply)."""
    if not experience.strip():
        return []
    found = extract_skills(experience, advisor.taxonomy, language, advisor.matcher)
    ordered = dict.fromkeys(m.skill for m in found.mentions)
    return [advisor.taxonomy.skills[s] for s in ordered]
