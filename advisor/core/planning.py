"""The learning plan: which gaps to close, in what order, and in which weeks.

`Planner.build_plan` turns a profile into a `Plan` in four steps:
1. gaps: every skill of the target role below its target level, plus every prerequisite the
   person lacks for them (level-aware, transitively), flagged as such;
2. priority: a weighted sum of interpretable factors (see `FACTOR_WEIGHTS` and
   docs/ranking.md), kept as `reasons` on each item;
3. order: highest priority first, but never before the items it needs (a topological order);
4. schedule: `advisor.core.schedule` places the items in the person's weekly hours.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from advisor.core.limits import MAX_LEVEL
from advisor.core.profile import Profile
from advisor.core.schedule import Placement, place_items
from advisor.core.taxonomy import Role, Taxonomy

if TYPE_CHECKING:  # scikit-learn loads only where a model is fitted
    from advisor.core.scoring import RoleFitModel

# Weights of the priority factors; they sum to 1, so a priority is in [0, 1].
FACTOR_WEIGHTS: Mapping[str, float] = {
    "gap": 0.30,
    "importance": 0.30,
    "demand": 0.15,
    "unlocks": 0.15,
    "effort": 0.10,
}
# Hours per level at which the effort factor is one half: a typical week-end course.
EFFORT_HALF_HOURS = 20.0
# Unlocking this many other items earns the full unlocks factor.
UNLOCKS_FULL = 4


@dataclass(frozen=True)
class Reason:
    """One factor of a priority: its raw value, its score in [0, 1] and its weight."""

    factor: str
    value: float
    score: float
    weight: float

    @property
    def contribution(self) -> float:
        return self.score * self.weight


@dataclass(frozen=True)
class PlanItem:
    rank: int
    skill: str
    domain: str
    current: int
    target: int
    importance: int
    priority: float
    reasons: tuple[Reason, ...]
    hours: int
    start_week: int
    end_week: int
    prerequisites: tuple[str, ...]
    unlocks: tuple[str, ...]
    is_prerequisite: bool


@dataclass(frozen=True)
class RoleFit:
    role: str
    fit: float


@dataclass(frozen=True)
class DeadlineCheck:
    """Whether the plan fits the deadline, and if not, which top items do."""

    weeks: int
    fits: bool
    hours_available: int
    fitting_items: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    taxonomy_version: str
    language: str
    target_role: RoleFit
    suggestions: tuple[RoleFit, ...]
    items: tuple[PlanItem, ...]
    total_hours: int
    weeks: int
    hours_per_week: int
    deadline: DeadlineCheck | None
    placements: tuple[Placement, ...]
    assessments: Mapping[str, int]

    def item(self, skill_id: str) -> PlanItem | None:
        return next((i for i in self.items if i.skill == skill_id), None)


@dataclass(frozen=True)
class WhatIf:
    """The plan if one skill were at another level, against the plan as it is."""

    skill: str
    level: int
    fit_before: float
    fit_after: float
    hours_before: int
    hours_after: int
    weeks_before: int
    weeks_after: int
    plan: Plan


@dataclass(frozen=True)
class _Gap:
    target: int
    importance: int
    is_prerequisite: bool


class Planner:
    """Builds plans against one taxonomy, its fitted role model and a demand signal."""

    def __init__(
        self, taxonomy: Taxonomy, model: RoleFitModel, demand: Mapping[str, float]
    ) -> None:
        self.taxonomy = taxonomy
        self.model = model
        self.demand = demand

    def build_plan(self, profile: Profile, role: Role | None = None) -> Plan:
        """The ranked, scheduled plan for `profile` (same profile, same plan); `role`, when
        given (a job ad read as a role), replaces the profile's target role."""
        suggestions = self.suggest_roles(profile)
        role_id = role.id if role else profile.target_role or suggestions[0].role
        gaps = self._gaps(role_id, profile, role)
        needs = self._needs(gaps, profile)
        order, priorities = self._order(gaps, needs, profile)
        placements = place_items([(s, self._hours(s, gaps, profile)) for s in order], needs)
        items = self._items(order, priorities, gaps, needs, placements, profile)
        total = sum(i.hours for i in items)
        weeks = -(-total // profile.hours_per_week)
        return Plan(
            taxonomy_version=self.taxonomy.version,
            language=profile.language,
            target_role=RoleFit(role_id, self._fit(profile, role_id, role)),
            suggestions=suggestions,
            items=items,
            total_hours=total,
            weeks=weeks,
            hours_per_week=profile.hours_per_week,
            deadline=_deadline(items, profile),
            placements=placements,
            assessments=dict(profile.assessments),
        )

    def suggest_roles(self, profile: Profile, count: int = 3) -> tuple[RoleFit, ...]:
        """Best-fitting roles; on equal fit, the one needing fewer hours comes first."""
        fits = self.model.all_fits(profile.assessments)
        by_fit = sorted(fits, key=lambda r: (-round(fits[r], 6), r))
        ordered: list[str] = []
        # Hours are worked out only to break ties (a new profile ties on every role).
        for _, tied in groupby(by_fit, key=lambda r: round(fits[r], 6)):
            group = list(tied)
            if len(group) > 1:
                group.sort(key=lambda r: (self._hours_to_role(r, profile), r))
            ordered.extend(group)
            if len(ordered) >= count:
                break
        return tuple(RoleFit(r, fits[r]) for r in ordered[:count])

    def what_if(
        self, profile: Profile, skill_id: str, level: int, role: Role | None = None
    ) -> WhatIf:
        """Fit, hours and weeks if `skill_id` were at `level` ("raise Kubernetes to 3")."""
        before = self.build_plan(profile, role)
        changed = profile.with_level(skill_id, level)
        pinned = Profile(
            changed.language,
            before.target_role.role,
            changed.hours_per_week,
            changed.assessments,
            changed.deadline_weeks,
            changed.current_role,
            changed.experience,
            changed.target_ad,
        )
        after = self.build_plan(pinned, role)
        return WhatIf(
            skill_id,
            level,
            before.target_role.fit,
            after.target_role.fit,
            before.total_hours,
            after.total_hours,
            before.weeks,
            after.weeks,
            after,
        )

    # ------------------------------------------------------------ steps

    def _fit(self, profile: Profile, role_id: str, role: Role | None) -> float:
        if role is None:
            return self.model.fit_of(profile.assessments, role_id)
        return role_fit(role, profile.assessments)

    def _gaps(self, role_id: str, profile: Profile, role: Role | None = None) -> dict[str, _Gap]:
        role = role or self.taxonomy.role(role_id)
        gaps = {
            s: _Gap(r.level, r.importance, False)
            for s, r in role.requirements_for(profile.assessments).items()
            if profile.level(s) < r.level
        }
        stack = list(gaps)
        while stack:
            skill_id = stack.pop()
            for p in self.taxonomy.skills[skill_id].prerequisites_for(gaps[skill_id].target):
                if profile.level(p.skill) >= p.level:
                    continue
                known = gaps.get(p.skill)
                if known is None or known.target < p.level:
                    is_prerequisite = known.is_prerequisite if known else True
                    importance = known.importance if known else 0
                    gaps[p.skill] = _Gap(
                        max(p.level, known.target if known else 0), importance, is_prerequisite
                    )
                    stack.append(p.skill)
        return self._inherit_importance(gaps, profile)

    def _inherit_importance(self, gaps: dict[str, _Gap], profile: Profile) -> dict[str, _Gap]:
        """A prerequisite matters as much as the most important item waiting for it."""
        needs = self._needs(gaps, profile)
        waiting = _dependents(needs)
        result = dict(gaps)
        for skill_id, gap in gaps.items():
            if gap.is_prerequisite:
                inherited = max((gaps[d].importance for d in waiting[skill_id]), default=1)
                result[skill_id] = _Gap(gap.target, max(inherited, 1), True)
        return result

    def _needs(self, gaps: Mapping[str, _Gap], profile: Profile) -> dict[str, frozenset[str]]:
        """For each gap, the other gaps that must be closed first."""
        return {
            skill_id: frozenset(
                p.skill
                for p in self.taxonomy.skills[skill_id].prerequisites_for(gap.target)
                if p.skill in gaps and profile.level(p.skill) < p.level
            )
            for skill_id, gap in gaps.items()
        }

    def _order(
        self, gaps: Mapping[str, _Gap], needs: Mapping[str, frozenset[str]], profile: Profile
    ) -> tuple[list[str], dict[str, tuple[float, tuple[Reason, ...]]]]:
        """Highest priority first among the items whose prerequisites are already placed."""
        waiting = _dependents(needs)
        priorities = {s: self._priority(s, gaps[s], waiting[s], profile) for s in gaps}
        blocked = {s: len(n) for s, n in needs.items()}
        ready = [(-priorities[s][0], s) for s, n in blocked.items() if n == 0]
        heapq.heapify(ready)
        order: list[str] = []
        while ready:
            _, skill_id = heapq.heappop(ready)
            order.append(skill_id)
            for other, need in needs.items():
                if skill_id in need:
                    blocked[other] -= 1
                    if blocked[other] == 0:
                        heapq.heappush(ready, (-priorities[other][0], other))
        return order, priorities

    def _priority(
        self, skill_id: str, gap: _Gap, unlocked: frozenset[str], profile: Profile
    ) -> tuple[float, tuple[Reason, ...]]:
        current = profile.level(skill_id)
        hours = self.taxonomy.skills[skill_id].hours_between(current, gap.target)
        per_level = hours / max(gap.target - current, 1)
        raw = {
            "gap": (gap.target - current, (gap.target - current) / MAX_LEVEL),
            "importance": (gap.importance, gap.importance / 5),
            "demand": (self.demand.get(skill_id, 0.0), self.demand.get(skill_id, 0.0)),
            "unlocks": (len(unlocked), min(len(unlocked), UNLOCKS_FULL) / UNLOCKS_FULL),
            "effort": (hours, EFFORT_HALF_HOURS / (EFFORT_HALF_HOURS + per_level)),
        }
        reasons = tuple(
            Reason(f, float(v), round(s, 4), FACTOR_WEIGHTS[f]) for f, (v, s) in raw.items()
        )
        return round(sum(r.contribution for r in reasons), 4), reasons

    def _hours(self, skill_id: str, gaps: Mapping[str, _Gap], profile: Profile) -> int:
        skill = self.taxonomy.skills[skill_id]
        return skill.hours_between(profile.level(skill_id), gaps[skill_id].target)

    def _hours_to_role(self, role_id: str, profile: Profile) -> int:
        gaps = self._gaps(role_id, profile)
        return sum(self._hours(s, gaps, profile) for s in gaps)

    def _items(
        self,
        order: list[str],
        priorities: Mapping[str, tuple[float, tuple[Reason, ...]]],
        gaps: Mapping[str, _Gap],
        needs: Mapping[str, frozenset[str]],
        placements: tuple[Placement, ...],
        profile: Profile,
    ) -> tuple[PlanItem, ...]:
        placed = {p.skill: p for p in placements}
        waiting = _dependents(needs)
        items = []
        for rank, skill_id in enumerate(order, start=1):
            gap, where = gaps[skill_id], placed[skill_id]
            items.append(
                PlanItem(
                    rank=rank,
                    skill=skill_id,
                    domain=self.taxonomy.skills[skill_id].domain,
                    current=profile.level(skill_id),
                    target=gap.target,
                    importance=gap.importance,
                    priority=priorities[skill_id][0],
                    reasons=priorities[skill_id][1],
                    hours=where.hours,
                    start_week=where.start_week(profile.hours_per_week),
                    end_week=where.end_week(profile.hours_per_week),
                    prerequisites=tuple(sorted(needs[skill_id], key=order.index)),
                    unlocks=tuple(sorted(waiting[skill_id], key=order.index)),
                    is_prerequisite=gap.is_prerequisite,
                )
            )
        return tuple(items)


def role_fit(role: Role, levels: Mapping[str, int]) -> float:
    """The fit to a role outside the fitted model (a job ad), by the model's own formula."""
    wanted = role.requirements.values()
    total = sum(r.importance * r.level for r in wanted)
    covered = sum(r.importance * min(levels.get(r.skill, 0), r.level) for r in wanted)
    return covered / total if total else 1.0


def _dependents(needs: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """For each item, every item that waits for it, directly or through others."""
    direct: dict[str, set[str]] = {s: set() for s in needs}
    for skill_id, need in needs.items():
        for prerequisite in need:
            direct[prerequisite].add(skill_id)
    result: dict[str, frozenset[str]] = {}

    def walk(skill_id: str) -> frozenset[str]:
        if skill_id not in result:
            found: set[str] = set()
            for d in direct[skill_id]:
                found |= {d} | walk(d)
            result[skill_id] = frozenset(found)
        return result[skill_id]

    for skill_id in needs:
        walk(skill_id)
    return result


def _deadline(items: tuple[PlanItem, ...], profile: Profile) -> DeadlineCheck | None:
    """Does the plan end by the deadline? If not, the longest run of top items that would."""
    if profile.deadline_weeks is None:
        return None
    budget = profile.deadline_weeks * profile.hours_per_week
    fitting: list[str] = []
    spent = 0
    for item in items:  # rank order already puts prerequisites first
        spent += item.hours
        if spent > budget:
            break
        fitting.append(item.skill)
    fits = len(fitting) == len(items)
    return DeadlineCheck(profile.deadline_weeks, fits, budget, tuple(fitting))
