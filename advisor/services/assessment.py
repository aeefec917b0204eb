"""Which skills the profile form asks about, which levels the person's current role suggests,
and which skills their own words mention."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from advisor.core.extraction import extract_skills
from advisor.core.planning import ImpliedLevel, RoleFit, implied_levels, parse_profile
from advisor.core.taxonomy import (
    OriginRole,
    Requirement,
    Role,
    RoleReading,
    Skill,
    Taxonomy,
    fold,
    match_origin_role,
    read_current_role,
)
from advisor.i18n import words_for
from advisor.services.advisor import Advisor

# A form a person finishes: at most this many questions about the role and where the person
# comes from, unless they add skills themselves.
MAX_QUESTIONS = 20
# The skills the person's own words cite are asked too, up to this many questions in all.
MAX_WITH_EXPERIENCE = 30
# Of a target role, the form asks about the skills rated "very important" (4) or more.
CORE_IMPORTANCE = 4
# Slots kept for the strengths of the role the person comes from.
ORIGIN_SLOTS = 6

# Why a skill is asked, in the order step 2 shows them.
CORE = "core"  # the target role needs it (or, without one, it tells the roles apart)
STRENGTH = "strength"  # the role the person comes from is strong in it
EXPERIENCE = "experience"  # the person's experience text cites it
EARLIER = "earlier"  # the earlier plan holds it (a reassessment)
ANSWERED = "answered"  # already answered, carried over to another role's questions
REASONS = (CORE, STRENGTH, EXPERIENCE, EARLIER, ANSWERED)


@dataclass(frozen=True)
class QuestionSection:
    """Skills to self-assess, asked for one reason (`REASONS`)."""

    reason: str
    skills: tuple[Skill, ...]


@dataclass(frozen=True)
class Questions:
    """The skills step 2 asks about, why, and the levels prefilled from the person's current
    role as it was read; `cited` are the skills the experience text mentions (asked, never
    rated for the person), `cited_beyond` those past the budget."""

    sections: list[QuestionSection]
    reading: RoleReading
    prefilled: Mapping[str, int] = field(default_factory=dict)
    cited: frozenset[str] = frozenset()
    cited_beyond: tuple[Skill, ...] = ()
    # Prefilled levels that the role's typical levels imply (Kubernetes at 4: networking at 2),
    # with the rating each follows from; the plan counts them as floors.
    implied: Mapping[str, ImpliedLevel] = field(default_factory=dict)

    @property
    def origin(self) -> OriginRole | None:
        return self.reading.origin

    @property
    def skill_ids(self) -> list[str]:
        return [s.id for section in self.sections for s in section.skills]

    def section(self, reason: str) -> QuestionSection | None:
        return next((s for s in self.sections if s.reason == reason), None)


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
    experience: str = "",
    also: Iterable[str] = (),
    answered: Iterable[str] = (),
    role: Role | None = None,
) -> Questions:
    """What step 2 asks: the target role's core skills (or, without one, the skills that best
    tell roles apart), then the strengths of the person's current role, at most
    `MAX_QUESTIONS` together; then the skills the experience text cites, up to
    `MAX_WITH_EXPERIENCE`. `also` (a reassessment's skills) are always asked; with
    `answered` (answers carried over to another role), only the role's core skills not yet
    answered are asked, the answers kept apart. `role`, a
    job ad read as a role, is asked about whole: an ad names only what it wants."""
    taxonomy = advisor.taxonomy
    reading = read_current_role(taxonomy, current_role)
    origin = reading.origin
    done = [s for s in dict.fromkeys(answered) if s in taxonomy.skills]
    target = role or (taxonomy.role(role_id) if role_id else None)
    if role is not None:
        core = _core_skills(role, minimum=1)
    elif target is not None:
        core = _core_skills(target)
    else:
        core = _telling_skills(taxonomy)
    # Answers carried over to another role: only what that role needs is new to ask.
    strengths = [] if done else _strengths(origin, _plan_uses(taxonomy, target))
    core = [s for s in core if s not in done][: MAX_QUESTIONS - min(ORIGIN_SLOTS, len(strengths))]
    reasons = dict.fromkeys(core, CORE)
    for skill_id in strengths:
        if len(reasons) >= MAX_QUESTIONS:
            break
        reasons.setdefault(skill_id, STRENGTH)
    cited = [s.id for s in suggested_skills(advisor, experience, language)]
    if done:
        cited = [s for s in cited if s in reasons]
    for skill_id in cited:
        if skill_id in reasons or skill_id in done:
            continue
        if len(reasons) >= MAX_WITH_EXPERIENCE:
            break
        reasons[skill_id] = EXPERIENCE
    for skill_id in also:
        if skill_id in taxonomy.skills and skill_id not in done:
            reasons.setdefault(skill_id, EARLIER)
    for skill_id in done:
        reasons.setdefault(skill_id, ANSWERED)
    typical = dict(origin.typical) if origin else {}
    prefilled = {s: typical[s] for s in reasons if s in typical}
    floors = implied_levels(taxonomy, typical)
    implied = {s: f for s, f in floors.items() if s in reasons and f.level > typical.get(s, 0)}
    prefilled |= {s: f.level for s, f in implied.items()}
    beyond = tuple(taxonomy.skills[s] for s in cited if s not in reasons)  # past the budget
    return Questions(
        _sections(taxonomy, reasons, language),
        reading,
        prefilled,
        frozenset(cited),
        beyond,
        implied,
    )


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


def _strengths(origin: OriginRole | None, used: set[str]) -> list[str]:
    """The origin role's typical skills: those the plan will use first (a sysadmin aiming at
    MLOps is asked about Git, which CI/CD builds on, before backups), then by level."""
    if origin is None:
        return []
    return sorted(origin.typical, key=lambda s: (s not in used, -origin.typical[s], s))


def _plan_uses(taxonomy: Taxonomy, role: Role | None) -> set[str]:
    """The skills a plan for `role` may hold: its requirements and everything they build on."""
    if role is None:
        return set()
    used: set[str] = set()
    for requirement in role.requirements_for({}).values():
        used.add(requirement.skill)
        used.update(taxonomy.prerequisite_closure(requirement.skill, requirement.level))
    for group in role.alternatives:
        for skill_id in group.skills:
            used.add(skill_id)
            used.update(taxonomy.prerequisite_closure(skill_id, group.level))
    return used


def _sections(
    taxonomy: Taxonomy, reasons: Mapping[str, str], language: str
) -> list[QuestionSection]:
    """The skills by reason, each section ordered by domain, then by label."""
    domains = {domain.id: n for n, domain in enumerate(taxonomy.domains)}

    def order(skill: Skill) -> tuple[int, str]:
        return domains.get(skill.domain, len(domains)), skill.label.in_(language).casefold()

    sections = []
    for reason in REASONS:
        skills = sorted((taxonomy.skills[s] for s, r in reasons.items() if r == reason), key=order)
        if skills:
            sections.append(QuestionSection(reason, tuple(skills)))
    return sections


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
    """For each skill of a plan, what its sources say: (quote, "publisher, title, date"), the
    date written in the plan's language."""
    taxonomy = advisor.taxonomy
    found: dict[str, list[tuple[str, str]]] = {}
    for item in plan.get("items", []):
        skill = taxonomy.skills.get(item["skill"])
        for source_id, quote in skill.quotes.items() if skill else ():
            source = taxonomy.sources.get(source_id)
            if source is not None:
                when = words_for(plan.get("language", "en")).date(source.published)
                where = f"{source.publisher}, {source.title}, {when}"
                found.setdefault(item["skill"], []).append((quote, where))
    return found


def suggested_skills(advisor: Advisor, experience: str, language: str) -> list[Skill]:
    """Skills an experience description mentions, for the form to suggest (never to apply)."""
    if not experience.strip():
        return []
    found = extract_skills(experience, advisor.taxonomy, language, advisor.matcher)
    ordered = dict.fromkeys(m.skill for m in found.mentions)
    return [advisor.taxonomy.skills[s] for s in ordered]


def best_suggestion(advisor: Advisor, profile_data: Mapping[str, Any]) -> RoleFit:
    """The role a profile without a target is planned for (the best-fitting suggestion);
    `InvalidProfile` when the profile is not valid."""
    profile = parse_profile(profile_data, advisor.taxonomy)
    return advisor.planner.suggest_roles(profile, 1)[0]


def unasked_core(advisor: Advisor, role_id: str, answered: Iterable[str]) -> list[str]:
    """The core skills of `role_id` (those step 2 asks about) that `answered` leaves out."""
    done = set(answered)
    return [s for s in _core_skills(advisor.taxonomy.role(role_id)) if s not in done]
