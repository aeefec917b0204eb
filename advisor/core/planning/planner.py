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
4. order: stage by stage, what the role asks for first, most important first, each part right
   after what it still needs; small prerequisites become steps at the start of the part that
   needs them (`parts`);
5. schedule: `schedule` places the blocks one after the other in whole weeks, at most two
   items in a week, the first stage trimmed until it ends within its weeks; `ranked_items`
   makes one item per skill from its placed parts, and `milestones` closes each stage.

Before all this, the levels the person's ratings imply count as floors (`implied`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from itertools import groupby
from typing import TYPE_CHECKING

from advisor.core.planning.gaps import gap_targets
from advisor.core.planning.implied import implied_levels, with_floors
from advisor.core.planning.milestones import deadline_check, milestones_of
from advisor.core.planning.parts import Task, study_order, with_steps
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
from advisor.core.planning.priority import FACTOR_WEIGHTS
from advisor.core.planning.profile import Profile
from advisor.core.planning.ranked_items import plan_items
from advisor.core.planning.relatedness import Relatedness
from advisor.core.planning.role_staging import Staged, Stager, ready_weeks
from advisor.core.planning.schedule import Placement, place_blocks
from advisor.core.planning.stage_targets import CORE_IMPORTANCE, READY
from advisor.core.taxonomy import Role, Taxonomy, match_origin_role

if TYPE_CHECKING:  # scikit-learn loads only where a model is fitted
    from advisor.core.planning.role_fit import RoleFitModel

Fits = Mapping[str, float]
# A prerequisite the role does not ask for and that takes at most this many hours is studied as
# a step of the part that needs it: an evening or two, not an item of its own.
STEP_HOURS = 20
# The first stage is trimmed at most this many times to end within its weeks.
MAX_TRIMS = 8


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
        either, the plan is for the best-fitting suggested role. The levels the person's
        ratings imply count as floors (`implied`), and the plan says which.
        """
        implied = implied_levels(self.taxonomy, profile.assessments)
        counted = replace(profile, assessments=with_floors(profile.assessments, implied))
        fits = self.model.all_fits(_assessed(counted))
        if role is None and counted.target_role:
            role = self.taxonomy.role(counted.target_role)
        suggestions = self._suggest(counted, fits, 3)
        role = role or self.taxonomy.role(suggestions[0].role)
        staged, placements = self._scheduled(role, counted)
        order = list(staged.tasks)
        items = plan_items(self.taxonomy, order, placements, staged, counted)
        milestones = milestones_of(items, staged.ready)
        target = self._role_fit(role, counted, fits, milestones[0].end_week)
        origin = match_origin_role(self.taxonomy, profile.current_role)
        return Plan(
            taxonomy_version=self.taxonomy.version,
            language=profile.language,
            target_role=target,
            # The planned role reads the same in the suggestions as at the top of the plan.
            suggestions=tuple(target if s.role == role.id else s for s in suggestions),
            items=items,
            total_hours=sum(p.hours for p in placements),
            weeks=max((p.end_week(counted.hours_per_week) for p in placements), default=0),
            hours_per_week=profile.hours_per_week,
            deadline=deadline_check(items, placements, counted),
            placements=placements,
            assessments=dict(profile.assessments),
            role=role,
            milestones=milestones,
            origin_role=origin.id if origin else None,
            implied=tuple(implied.values()),
            practice_hours=sum(p.practice for p in placements),
            switch_week=ready_weeks(counted),
        )

    def suggest_roles(self, profile: Profile, count: int = 3) -> tuple[RoleFit, ...]:
        """Best-fitting roles; on equal fit, the one needing fewer hours comes first.

        A skill not assessed counts as level 0, so the same answers give the same suggestions
        whether they came from the form (every skill, most at 0) or the API (a few skills).
        """
        implied = implied_levels(self.taxonomy, profile.assessments)
        counted = replace(profile, assessments=with_floors(profile.assessments, implied))
        return self._suggest(counted, self.model.all_fits(_assessed(counted)), count)

    def _scheduled(self, role: Role, profile: Profile) -> tuple[Staged, tuple[Placement, ...]]:
        """The role staged and placed in weeks, its first stage trimmed until it ends within
        its weeks (half a year, or the deadline): the schedule's week boundaries can add a
        few hours to what the stage's hours alone would take."""
        budget_weeks = ready_weeks(profile)
        hours_per_week = profile.hours_per_week
        budget = budget_weeks * hours_per_week
        staged = self.stager.stage(role, profile)
        for _ in range(MAX_TRIMS):
            placements = self._placed(staged, hours_per_week, budget_weeks)
            ready_end = max((p.end for p in placements if p.stage == READY), default=0)
            if ready_end <= budget_weeks * hours_per_week:
                return staged, placements
            budget -= int(ready_end) - budget_weeks * hours_per_week
            staged = self.stager.stage(role, profile, max(budget, 0))
        staged = self.stager.stage(role, profile, 0)
        return staged, self._placed(staged, hours_per_week, budget_weeks)

    def _placed(
        self, staged: Staged, hours_per_week: int, switch_week: int
    ) -> tuple[Placement, ...]:
        order = study_order(
            staged.tasks, staged.task_needs, self._is_root(staged), self._key(staged)
        )
        blocks = with_steps(order, staged.task_needs, self._is_step(staged))
        return place_blocks(
            [(t.key, t.hours, [(s.key, s.hours) for s in steps]) for t, steps in blocks],
            hours_per_week,
            switch_week,
        )

    def _suggest(self, profile: Profile, fits: Fits, count: int) -> tuple[RoleFit, ...]:
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
        return tuple(self._role_fit(self.taxonomy.role(r), profile, fits) for r in ordered[:count])

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
        self, role: Role, profile: Profile, fits: Fits, ready_week: int | None = None
    ) -> RoleFit:
        """How the person fits `role`, and the week of its first milestone: `ready_week` when
        the role is planned, else its first stage's hours at the person's pace (the plan of
        that role may add a few hours where its blocks meet week boundaries)."""
        levels = _assessed(profile)
        requirements = role.requirements_for(levels)
        covered = tuple(sorted(s for s, r in requirements.items() if profile.level(s) >= r.level))
        if ready_week is None:  # a role only suggested: its first stage's hours, in weeks
            ready_week = -(-self.stager.ready_hours(role, profile) // profile.hours_per_week)
        known = self.taxonomy.roles.get(role.id) is role
        # A role made elsewhere (a job ad) is unknown to the model.
        fit = fits[role.id] if known else role.fit_of(levels)
        return RoleFit(role.id, fit, covered, ready_week)

    def _is_root(self, staged: Staged) -> Callable[[Task], bool]:
        """A part of what the role asks for, rather than of a prerequisite only."""
        return lambda task: not staged.gaps[task.skill].is_prerequisite

    def _key(self, staged: Staged) -> Callable[[Task, int], tuple[float | str, ...]]:
        """The core of the role first; then what brings the most of the role per hour: the
        part's levels weighted by their importance, over its hours and those of what it
        still needs (the weighted shortest job first); on a tie, the higher priority."""

        def key(task: Task, hours: int) -> tuple[float | str, ...]:
            gap = staged.gaps[task.skill]
            per_hour = gap.importance * (task.target - task.start) / max(hours, 1)
            core = gap.importance >= CORE_IMPORTANCE
            return (not core, -per_hour, -staged.priorities[task.skill][0], task.skill)

        return key

    def _is_step(self, staged: Staged) -> Callable[[Task], bool]:
        """A prerequisite the role does not ask for, small and in one part: studied as a step
        at the start of the part that needs it."""
        parts: dict[str, int] = {}
        for task in staged.tasks:
            parts[task.skill] = parts.get(task.skill, 0) + 1

        def is_step(task: Task) -> bool:
            gap = staged.gaps[task.skill]
            return gap.is_prerequisite and parts[task.skill] == 1 and task.hours <= STEP_HOURS

        return is_step

    def _hours_to_role(self, role_id: str, profile: Profile) -> int:
        targets = gap_targets(self.taxonomy, self.taxonomy.role(role_id), profile.assessments)
        return sum(self.stager.climb(s, profile, target) for s, target in targets.items())


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
