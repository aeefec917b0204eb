"""The skills taxonomy as values: skills, domains, levels, roles, sources, and their lookups.

Built by `advisor.taxonomy.files` from the YAML in `skills_data/`; everything here is immutable
and computed from what it is given, so a taxonomy can be shared across threads and requests.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Language = Literal["en", "fr"]
LANGUAGES: tuple[Language, ...] = ("en", "fr")
# Half-life of an article's weight in the demand prior: a two-year-old article counts half.
DEMAND_HALF_LIFE_DAYS = 730.0


class UnknownSkill(KeyError):
    """A skill id that the taxonomy does not have (and that no `replaced_by` entry maps)."""


class UnknownRole(KeyError):
    """A role id that the taxonomy does not have."""


@dataclass(frozen=True)
class Text:
    """A text in both languages of the product."""

    en: str
    fr: str

    def in_(self, language: str) -> str:
        """The text in `language`, falling back to English for any other code."""
        return self.fr if language == "fr" else self.en


@dataclass(frozen=True)
class Prerequisite:
    """`skill` at `level` is needed before this skill can be taken to `from_level` or above."""

    skill: str
    level: int
    from_level: int = 1


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    kind: str
    language: str
    hours: float
    cost: Literal["free", "paid"] = "free"


@dataclass(frozen=True)
class EscoLink:
    uri: str
    relation: Literal["exactMatch", "closeMatch", "broadMatch"]
    label: str = ""


@dataclass(frozen=True)
class OnetFlag:
    """O*NET's view of the technology: listed as a Hot Technology and/or In Demand."""

    example: str
    hot_technology: bool
    in_demand: bool


@dataclass(frozen=True)
class Skill:
    id: str
    domain: str
    label: Text
    description: Text
    aliases: Mapping[str, tuple[str, ...]]
    anchors: Mapping[int, Text]
    prerequisites: tuple[Prerequisite, ...]
    effort_hours: tuple[int, ...]
    resources: tuple[Resource, ...] = ()
    esco: EscoLink | None = None
    onet: OnetFlag | None = None
    sources: tuple[str, ...] = ()
    context_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    quotes: Mapping[str, str] = field(default_factory=dict)
    # For a quote that names the skill otherwise than by its names: the words that do.
    quote_names: Mapping[str, str] = field(default_factory=dict)

    def hours_between(self, current: int, target: int) -> int:
        """Effort to climb from `current` to `target` (0 when already there)."""
        return sum(self.effort_hours[max(current, 0) : max(target, 0)])

    def prerequisites_for(self, target: int) -> tuple[Prerequisite, ...]:
        """The prerequisites that apply when aiming at `target` in this skill."""
        return tuple(p for p in self.prerequisites if p.from_level <= target)

    def anchor(self, level: int) -> Text | None:
        """What a person at `level` can do, or at the nearest level below that has a description."""
        for candidate in range(level, 0, -1):
            if candidate in self.anchors:
                return self.anchors[candidate]
        return None

    def all_aliases(self, language: str | None = None) -> tuple[str, ...]:
        """Labels and aliases, in one language or both, in a stable order."""
        languages = LANGUAGES if language is None else (language,)
        names: list[str] = []
        for lang in languages:
            names.append(self.label.in_(lang))
            names.extend(self.aliases.get(lang, ()))
        return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class Domain:
    id: str
    label: Text
    description: Text


@dataclass(frozen=True)
class Level:
    level: int
    label: Text
    anchor: Text


@dataclass(frozen=True)
class Requirement:
    """What a role asks of one skill: a target level 0–5 and an importance 1–5 (O*NET scale)."""

    skill: str
    level: int
    importance: int


@dataclass(frozen=True)
class Alternatives:
    """Any one of several interchangeable skills (AWS, Azure or Google Cloud) at a level."""

    id: str
    label: Text
    skills: tuple[str, ...]
    level: int
    importance: int


@dataclass(frozen=True)
class RoleSource:
    """A published definition of a role (an exam guide, an occupation profile, a job-ad study)
    and what of the role's requirements it backs."""

    source: str
    quote: str
    supports: Text
    skills: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    id: str
    label: Text
    description: Text
    requirements: Mapping[str, Requirement]
    onet_soc: str | None = None
    alternatives: tuple[Alternatives, ...] = ()
    sources: tuple[RoleSource, ...] = ()

    def fit_of(self, levels: Mapping[str, int]) -> float:
        """The share of the role's importance-weighted levels a person covers, in [0, 1]: the
        formula of `scoring.RoleFitModel`, for a role the model was not fitted on (a job ad)."""
        requirements = self.requirements_for(levels).values()
        total = sum(r.importance * r.level for r in requirements)
        covered = sum(r.importance * min(levels.get(r.skill, 0), r.level) for r in requirements)
        return covered / total if total else 1.0

    def requirements_for(self, levels: Mapping[str, int]) -> dict[str, Requirement]:
        """The role's requirements for a person: of each group of alternatives, the skill the
        person is strongest in counts (the first listed when none is stronger)."""
        resolved = dict(self.requirements)
        for group in self.alternatives:
            chosen = max(group.skills, key=lambda s: (levels.get(s, 0), -group.skills.index(s)))
            resolved[chosen] = Requirement(chosen, group.level, group.importance)
        return resolved


# What a source is, from the publisher's own documentation to a blog post. The first five are
# primary: the publisher speaks of its own product, law, research or data, or authors speak
# through an edited book.
SOURCE_KINDS = ("official", "standard", "paper", "report", "book", "press", "blog")
PRIMARY_KINDS = frozenset({"official", "standard", "paper", "report", "book"})


@dataclass(frozen=True)
class OriginRole:
    """A role people come from, with the levels typical after a few years in it."""

    id: str
    label: Text
    aliases: Mapping[str, tuple[str, ...]]
    description: Text
    typical: Mapping[str, int]

    def names(self) -> tuple[str, ...]:
        """Labels and aliases in both languages, for matching what a person typed."""
        labels = (self.label.en, self.label.fr)
        return tuple(
            dict.fromkeys((*labels, *self.aliases.get("en", ()), *self.aliases.get("fr", ())))
        )


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    published: date
    url: str
    language: str
    summary: Text
    figures: tuple[Text, ...]
    skills: tuple[str, ...]
    kind: str | None = None
    roles: tuple[str, ...] = ()

    @property
    def primary(self) -> bool:
        """Whether the source is the publisher speaking of its own product, law or research."""
        return self.kind in PRIMARY_KINDS


@dataclass(frozen=True)
class DemandSignal:
    """A dated mention of skills in the market (an article, a report, a page), which the demand
    prior counts; kept apart from the evidence skills cite, so that curating citations does not
    move plans."""

    title: str
    published: date
    skills: tuple[str, ...]


@dataclass(frozen=True)
class Taxonomy:
    """The whole taxonomy, with lookups by id and alias and the prerequisite graph."""

    version: str
    domains: tuple[Domain, ...]
    levels: tuple[Level, ...]
    skills: Mapping[str, Skill]
    roles: Mapping[str, Role]
    sources: Mapping[str, Source]
    replaced_by: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguous_aliases: frozenset[str] = frozenset()
    origin_roles: Mapping[str, OriginRole] = field(default_factory=dict)
    # The market signals of `demand.yaml`; without them, the demand prior counts the sources.
    demand_signals: tuple[DemandSignal, ...] = ()

    def skill(self, skill_id: str) -> Skill:
        """The skill `skill_id`, following a rename or merge; raises `UnknownSkill`."""
        resolved = self.resolve(skill_id)
        if len(resolved) != 1:
            raise UnknownSkill(skill_id)
        return self.skills[resolved[0]]

    def role(self, role_id: str) -> Role:
        try:
            return self.roles[role_id]
        except KeyError:
            raise UnknownRole(role_id) from None

    def domain(self, domain_id: str) -> Domain:
        return next(d for d in self.domains if d.id == domain_id)

    def resolve(self, skill_id: str) -> tuple[str, ...]:
        """Current ids for a possibly old id: itself, its rename, or the parts it was split into."""
        seen: set[str] = set()
        frontier = [skill_id]
        current: list[str] = []
        while frontier:
            candidate = frontier.pop(0)
            if candidate in seen:
                continue
            seen.add(candidate)
            if candidate in self.skills:
                current.append(candidate)
            elif candidate in self.replaced_by:
                frontier.extend(self.replaced_by[candidate])
            else:
                raise UnknownSkill(skill_id)
        return tuple(dict.fromkeys(current))

    def migrate_assessments(self, assessments: Mapping[str, int]) -> dict[str, int]:
        """Self-assessments saved under older ids, moved to today's ids.

        A renamed skill keeps its level; a split skill gives its level to every part; when two
        old skills merge into one, the higher level wins. Ids unknown to this taxonomy and to
        `replaced_by` raise `UnknownSkill`.
        """
        migrated: dict[str, int] = {}
        for old_id, level in assessments.items():
            for new_id in self.resolve(old_id):
                migrated[new_id] = max(level, migrated.get(new_id, 0))
        return migrated

    def prerequisite_closure(self, skill_id: str, target: int) -> dict[str, int]:
        """Every skill needed, transitively, to take `skill_id` to `target`, with its level.

        The result does not include `skill_id` itself; where a skill is needed at several
        levels, the highest wins.
        """
        needed: dict[str, int] = {}
        stack = [(p.skill, p.level) for p in self.skill(skill_id).prerequisites_for(target)]
        while stack:
            prerequisite, level = stack.pop()
            if needed.get(prerequisite, 0) >= level:
                continue
            needed[prerequisite] = level
            deeper = self.skills[prerequisite].prerequisites_for(level)
            stack.extend((p.skill, p.level) for p in deeper)
        return needed

    def demand_prior(self, today: date) -> dict[str, float]:
        """Market demand of each skill in [0, 1] from the demand signals that mention it (or,
        in a taxonomy without any, from the sources that support it).

        Each signal weighs `0.5 ** (age / half-life)`; a skill's score is the sum of its
        signals' weights, divided by the largest such sum so the most mentioned skill is 1.
        """
        signals = self.demand_signals or tuple(
            DemandSignal(s.title, s.published, s.skills) for s in self.sources.values()
        )
        totals = {skill_id: 0.0 for skill_id in self.skills}
        for signal in signals:
            age_days = max((today - signal.published).days, 0)
            weight = math.pow(0.5, age_days / DEMAND_HALF_LIFE_DAYS)
            for skill_id in signal.skills:
                if skill_id in totals:
                    totals[skill_id] += weight
        top = max(totals.values(), default=0.0) or 1.0
        return {skill_id: round(total / top, 4) for skill_id, total in totals.items()}
