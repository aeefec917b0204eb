"""Which skills the profile form asks about, and which ones a person's own words suggest."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.core.extraction import extract_skills
from advisor.core.taxonomy import Role, Skill
from advisor.services.advisor import Advisor


@dataclass(frozen=True)
class SkillGroup:
    """Skills to self-assess, under one domain heading."""

    domain: str
    label: str
    skills: tuple[Skill, ...]


# With no target role, the form asks about the skills most roles rely on.
SUGGEST_MIN_IMPORTANCE = 5


def skills_to_assess(
    advisor: Advisor, role_id: str | None, language: str, role: Role | None = None
) -> list[SkillGroup]:
    """The skills that matter for `role_id` (or for `role`, a job ad read as a role) and their
    prerequisites, grouped by domain.

    Without a role: the skills some role deems extremely important, so that the suggestion of
    a role rests on the skills that tell roles apart.
    """
    taxonomy = advisor.taxonomy
    chosen: set[str] = set()
    if role or role_id:
        wanted = role or taxonomy.role(str(role_id))
        for skill_id, requirement in wanted.requirements.items():
            chosen.add(skill_id)
            chosen.update(taxonomy.prerequisite_closure(skill_id, requirement.level))
    else:
        for role in taxonomy.roles.values():
            chosen.update(
                s for s, r in role.requirements.items() if r.importance >= SUGGEST_MIN_IMPORTANCE
            )
    groups = []
    for domain in taxonomy.domains:
        skills = sorted(
            (taxonomy.skills[s] for s in chosen if taxonomy.skills[s].domain == domain.id),
            key=lambda skill: skill.label.in_(language).casefold(),
        )
        if skills:
            groups.append(SkillGroup(domain.id, domain.label.in_(language), tuple(skills)))
    return groups


def suggested_skills(advisor: Advisor, experience: str, language: str) -> list[Skill]:
    """Skills an experience description mentions, for the form to suggest (never to apply)."""
    if not experience.strip():
        return []
    found = extract_skills(experience, advisor.taxonomy, language, advisor.matcher)
    ordered = dict.fromkeys(m.skill for m in found.mentions)
    return [advisor.taxonomy.skills[s] for s in ordered]
