"""The learning plan: which gaps to close, in what order, and in which weeks.

`Planner.build_plan` turns a profile into a `Plan` in five steps:
1. gaps (`gaps`): every skill of the target role below its target level, plus
   every prerequisite the person lacks for them (level-aware, transitively); a gap costs fewer hours
   when the person is strong in related skills (`relatedness`);
2. priority: a weighted sum of interpretable factors (`priority`, see
   docs/ranking.md), kept as `reasons` on each item;
3. stages: the role's core to a working level first ("ready"), then every skill to the role's
   full level ("deepen"), see `stage_targets`; each skill's parts, one per stage (`parts`;
   steps 1 to 3 for one role: `role_staging`);
4. order: stage by stage, foundations that many items build on first, then by priority, never
   before what an item needs (a topological order);
5. schedule: `schedule` places the parts in the person's weekly hours; `ranked_items` makes
   one item per skill from its placed parts, and `milestones` closes each stage.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from itertools import groupby
from typing import TYPE_CHECKING

from advisor.core.planning.gaps import gap_targets
from advisor.core.planning.milestones import deadline_check, milestones_of
from advisor.core.planning.parts import Task, study_order
from advisor.core.planning.plan import (
    DeadlineCheck,
    Milestone,
    Part,
    Plan,
    PlanItem,
    Reason,
    RoleFit,
    WhatIf,
)
from advisor.core.planning.priority import FACTOR_WEIGHTS, UNLOCKS_EARLY
from advisor.core.planning.profile import Profile
from advisor.core.planning.ranked_items import plan_items
from advisor.core.planning.relatedness import Relatedness
from advisor.core.planning.role_staging import Staged, Stager
from advisor.core.planning.schedule import place_items
from advisor.core.planning.stage_targets import STAGES
from advisor.core.taxonomy import Role, Taxonomy, match_origin_role

if TYPE_CHECKING:  # scikit-learn loads only where a model is fitted
    from advisor.core.planning.role_fit import RoleFitModel

Fits = Mapping[str, float]


class Planner:
    """Builds plans against one taxonomy, its fitted role model, a demand signal and the
    relatedness of skills (empty: no credit for related skills)."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        model: RoleFitModel,
        demand: Mapping[str, float],
        relatedness: Relatedness | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        self.model = model
        self.demand = demand
        self.relatedness = relatedness or Relatedness()
        self.stager = Stager(taxonomy, demand, self.relatedness)

    def build_plan(self, profile: Profile, role: Role | None = None) -> Plan:
        """The staged, ranked, scheduled plan for `profile` (same profile, same plan).

        `role` replaces the profile's target role (a role made from a job ad, say); without
        either, the plan is for the best-fitting suggested role.
        """
        fits = self.model.all_fits(_assessed(profile))
        # The plan's role is staged once, whether it is also suggested or not.
        staged_roles: dict[str, Staged] = {}
        if role is None and profile.target_role:
            role = self.taxonomy.role(profile.target_role)
        if role is not None and self.taxonomy.roles.get(role.id) is role:
            staged_roles[role.id] = self.stager.stage(role, profile)
        suggestions = self._suggest(profile, fits, 3, staged_roles)
        role = role or self.taxonomy.role(suggestions[0].role)
        staged = staged_roles.get(role.id) or self.stager.stage(role, profile)
        order = study_order(staged.tasks, staged.task_needs, self._task_key(staged))
        placements = place_items([(t.key, t.hours) for t in order], staged.task_needs)
        items = plan_items(self.taxonomy, order, placements, staged, profile)
        total = sum(i.hours for i in items)
        origin = match_origin_role(self.taxonomy, profile.current_role)
        return Plan(
            taxonomy_version=self.taxonomy.version,
            language=profile.language,
            target_role=self._role_fit(role, profile, fits, staged),
            suggestions=suggestions,
            items=items,
            total_hours=total,
            weeks=-(-total // profile.hours_per_week),
            hours_per_week=profile.hours_per_week,
            deadline=deadline_check(items, profile),
            placements=placements,
            assessments=dict(profile.assessments),
            role=role,
            milestones=milestones_of(items, staged.ready),
            origin_role=origin.id if origin else None,
        )

    def suggest_roles(self, profile: Profile, count: int = 3) -> tuple[RoleFit, ...]:
        """Best-fitting roles; on equal fit, the one needing fewer hours comes first.

        A skill not assessed counts as level 0, so the same answers give the same suggestions
        whether they came from the form (every skill, most at 0) or the API (a few skills).
        """
        return self._suggest(profile, self.model.all_fits(_assessed(profile)), count, {})

    def _suggest(
        self, profile: Profile, fits: Fits, count: int, staged: dict[str, Staged]
    ) -> tuple[RoleFit, ...]:
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
        return tuple(
            self._role_fit(self.taxonomy.role(r), profile, fits, staged.get(r))
            for r in ordered[:count]
        )

    def what_if(
        self, profile: Profile, skill_id: str, level: int, role: Role | None = None
    ) -> WhatIf:
        """Fit, hours and weeks if `skill_id` were at `level` ("raise Kubernetes to 3")."""
        before = self.build_plan(profile, role)
        changed = profile.with_level(skill_id, level)
        pinned = replace(changed, target_role=before.target_role.role)
        after = self.build_plan(pinned, before.role)
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

    def _role_fit(
        self, role: Role, profile: Profile, fits: Fits, staged: Staged | None = None
    ) -> RoleFit:
        levels = _assessed(profile)
        requirements = role.requirements_for(levels)
        covered = tuple(sorted(s for s, r in requirements.items() if profile.level(s) >= r.level))
        hours = staged.ready_hours() if staged else self.stager.ready_hours(role, profile)
        ready_weeks = -(-hours // profile.hours_per_week)
        known = self.taxonomy.roles.get(role.id) is role
        # A role made elsewhere (a job ad) is unknown to the model.
        fit = fits[role.id] if known else role.fit_of(levels)
        return RoleFit(role.id, fit, covered, ready_weeks)

    def _task_key(self, staged: Staged) -> _TaskKeyFunction:
        waiting = staged.waiting

        def key(task: Task) -> tuple[float | str, ...]:
            early = 0 if len(waiting[task.skill]) >= UNLOCKS_EARLY else 1
            priority = staged.priorities[task.skill][0]
            return (STAGES.index(task.stage), early, -priority, task.skill)

        return key

    def _hours_to_role(self, role_id: str, profile: Profile) -> int:
        targets = gap_targets(self.taxonomy, self.taxonomy.role(role_id), profile.assessments)
        return sum(self.stager.climb(s, profile, target) for s, target in targets.items())


_TaskKeyFunction = Callable[[Task], tuple[float | str, ...]]


def _assessed(profile: Profile) -> dict[str, int]:
    """The levels the person gave, without the zeros (not assessed and 0 mean the same)."""
    return {s: level for s, level in profile.assessments.items() if level > 0}


__all__ = [
    "FACTOR_WEIGHTS",
    "DeadlineCheck",
    "Milestone",
    "Part",
    "Plan",
    "PlanItem",
    "Planner",
    "Reason",
    "RoleFit",
    "WhatIf",
]
