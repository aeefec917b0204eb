"""The learning plan: which gaps to close, in what order, and in which weeks.

`Planner.build_plan` turns a profile into a `Plan` in five steps:
1. gaps (`advisor.core.gaps`): every skill of the target role below its target level, plus
   every prerequisite the person lacks for them (level-aware, transitively); a gap costs fewer hours
   when the person is strong in related skills (`advisor.core.relatedness`);
2. priority: a weighted sum of interpretable factors (see `FACTOR_WEIGHTS` and
   docs/ranking.md), kept as `reasons` on each item;
3. stages: the role's core to a working level first ("ready"), then every skill to the role's
   full level ("deepen"), see `advisor.core.stages`;
4. order: stage by stage, foundations that many items build on first, then by priority, never
   before what an item needs (a topological order);
5. schedule: `advisor.core.schedule` places the parts in the person's weekly hours.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from itertools import groupby
from typing import TYPE_CHECKING

from advisor.core.gaps import Gap, dependents, find_gaps, gap_needs
from advisor.core.limits import MAX_LEVEL
from advisor.core.origin import match_origin_role
from advisor.core.plan import (
    DeadlineCheck,
    Milestone,
    Part,
    Plan,
    PlanItem,
    Reason,
    RoleFit,
    WhatIf,
    deadline_check,
    milestones_of,
)
from advisor.core.profile import Profile
from advisor.core.relatedness import Relatedness, Transfer, reduced, transfer_for
from advisor.core.schedule import Placement, place_items
from advisor.core.stages import (
    READY,
    READY_WEEKS,
    STAGES,
    ReadySet,
    Task,
    TaskKey,
    core_roots,
    ready_set,
    split_tasks,
    study_order,
    task_needs,
)
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
# A foundation that this many other items build on is studied first in its stage.
UNLOCKS_EARLY = 3


Priorities = Mapping[str, tuple[float, tuple[Reason, ...]]]


@dataclass(frozen=True)
class _Staged:
    """Everything worked out about a role's gaps before they are placed in time."""

    gaps: Mapping[str, Gap]
    needs: Mapping[str, frozenset[str]]
    priorities: Priorities
    transfers: Mapping[str, Transfer | None]
    ready: ReadySet
    tasks: tuple[Task, ...]
    task_needs: Mapping[TaskKey, frozenset[TaskKey]]

    def ready_hours(self) -> int:
        return sum(t.hours for t in self.tasks if t.stage == READY)


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

    def build_plan(self, profile: Profile, role: Role | None = None) -> Plan:
        """The staged, ranked, scheduled plan for `profile` (same profile, same plan).

        `role` replaces the profile's target role (a role made from a job ad, say); without
        either, the plan is for the best-fitting suggested role.
        """
        suggestions = self.suggest_roles(profile)
        role = role or self.taxonomy.role(profile.target_role or suggestions[0].role)
        staged = self._stage(role, profile)
        order = study_order(staged.tasks, staged.task_needs, self._task_key(staged))
        placements = place_items([(t.key, t.hours) for t in order], staged.task_needs)
        items = self._items(order, placements, staged, profile)
        total = sum(i.hours for i in items)
        origin = match_origin_role(self.taxonomy, profile.current_role)
        return Plan(
            taxonomy_version=self.taxonomy.version,
            language=profile.language,
            target_role=self._role_fit(role, profile, staged),
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
        fits = self.model.all_fits(_assessed(profile))
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
        return tuple(self._role_fit(self.taxonomy.role(r), profile) for r in ordered[:count])

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

    def _role_fit(self, role: Role, profile: Profile, staged: _Staged | None = None) -> RoleFit:
        levels = _assessed(profile)
        requirements = role.requirements_for(levels)
        covered = tuple(sorted(s for s, r in requirements.items() if profile.level(s) >= r.level))
        staged = staged or self._stage(role, profile)
        ready_weeks = -(-staged.ready_hours() // profile.hours_per_week)
        return RoleFit(role.id, self._fit(role, levels), covered, ready_weeks)

    def _fit(self, role: Role, levels: Mapping[str, int]) -> float:
        if self.taxonomy.roles.get(role.id) is role:
            return self.model.fit_of(levels, role.id)

        return role.fit_of(levels)  # a role made elsewhere (a job ad), unknown to the model

    def _stage(self, role: Role, profile: Profile) -> _Staged:
        gaps = find_gaps(self.taxonomy, role, profile.assessments)
        needs = gap_needs(self.taxonomy, gaps, profile.assessments)
        waiting = dependents(needs)
        levels = profile.assessments
        transfers = {s: self._transfer(s, gaps[s], profile) for s in gaps}
        priorities = {
            s: self._priority(s, gaps[s], waiting[s], profile, transfers[s]) for s in gaps
        }
        budget = min(READY_WEEKS, profile.deadline_weeks or READY_WEEKS)
        ready = ready_set(
            self.taxonomy,
            levels,
            core_roots(role.requirements_for(levels), levels),
            lambda s, t: reduced(self._climb(s, profile, t), transfers.get(s)),
            budget * profile.hours_per_week,
            lambda s: (-gaps[s].importance, -priorities[s][0], s),
            budget,
        )
        tasks = tuple(self._tasks(gaps, transfers, ready, profile))
        return _Staged(
            gaps,
            needs,
            priorities,
            transfers,
            ready,
            tasks,
            task_needs(tasks, self.taxonomy, levels),
        )

    def _transfer(self, skill_id: str, gap: Gap, profile: Profile) -> Transfer | None:
        """The credit for related skills, if it saves at least an hour."""
        transfer = transfer_for(skill_id, profile.assessments, self.relatedness)
        full = self._climb(skill_id, profile, gap.target)
        return transfer if reduced(full, transfer) < full else None

    def _tasks(
        self,
        gaps: Mapping[str, Gap],
        transfers: Mapping[str, Transfer | None],
        ready: ReadySet,
        profile: Profile,
    ) -> list[Task]:
        tasks: list[Task] = []
        for skill_id, gap in gaps.items():
            full = self._climb(skill_id, profile, gap.target)
            first = ready.targets.get(skill_id)
            first_hours = self._climb(skill_id, profile, first) if first else 0
            hours = (reduced(full, transfers[skill_id]), first_hours, full)
            tasks.extend(split_tasks(skill_id, profile.level(skill_id), gap.target, first, hours))
        return tasks

    def _climb(self, skill_id: str, profile: Profile, target: int) -> int:
        return self.taxonomy.skills[skill_id].hours_between(profile.level(skill_id), target)

    def _task_key(self, staged: _Staged) -> _TaskKeyFunction:
        waiting = dependents(staged.needs)

        def key(task: Task) -> tuple[float | str, ...]:
            early = 0 if len(waiting[task.skill]) >= UNLOCKS_EARLY else 1
            priority = staged.priorities[task.skill][0]
            return (STAGES.index(task.stage), early, -priority, task.skill)

        return key

    def _priority(
        self,
        skill_id: str,
        gap: Gap,
        unlocked: frozenset[str],
        profile: Profile,
        transfer: Transfer | None,
    ) -> tuple[float, tuple[Reason, ...]]:
        current = profile.level(skill_id)
        hours = reduced(self._climb(skill_id, profile, gap.target), transfer)
        # Per level, before rounding: raising one's own level never makes a skill look cheaper.
        share = transfer.share if transfer else 0.0
        base = self._climb(skill_id, profile, gap.target) * (1 - share)
        per_level = base / max(gap.target - current, 1)
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

    def _hours_to_role(self, role_id: str, profile: Profile) -> int:
        gaps = find_gaps(self.taxonomy, self.taxonomy.role(role_id), profile.assessments)
        return sum(self._climb(s, profile, g.target) for s, g in gaps.items())

    def _items(
        self,
        order: list[Task],
        placements: tuple[Placement, ...],
        staged: _Staged,
        profile: Profile,
    ) -> tuple[PlanItem, ...]:
        """One item per skill, its parts in time, ranked by when its study starts."""
        parts: dict[str, list[Part]] = {}
        for place in placements:
            parts.setdefault(place.skill, []).append(_part(place, order, profile.hours_per_week))
        first_task = {t.skill: i for i, t in reversed(list(enumerate(order)))}
        ranked = sorted(parts, key=lambda s: (parts[s][0].start_week, first_task[s]))
        rank_of = {s: i for i, s in enumerate(ranked)}
        waiting = dependents(staged.needs)
        return tuple(
            self._item(s, rank, parts[s], staged, waiting, rank_of, profile)
            for rank, s in enumerate(ranked, start=1)
        )

    def _first_needs(
        self,
        skill_id: str,
        first_target: int,
        staged: _Staged,
        profile: Profile,
        rank_of: Mapping[str, int],
    ) -> tuple[str, ...]:
        """The plan items needed before the item starts: those of its first part (a second
        part may need more, level-aware, and waits for them; the schedule shows it)."""
        needed = {
            p.skill
            for p in self.taxonomy.skills[skill_id].prerequisites_for(first_target)
            if p.skill in staged.gaps and profile.level(p.skill) < p.level
        }
        return tuple(sorted(needed, key=rank_of.__getitem__))

    def _item(
        self,
        skill_id: str,
        rank: int,
        parts: list[Part],
        staged: _Staged,
        waiting: Mapping[str, frozenset[str]],
        rank_of: Mapping[str, int],
        profile: Profile,
    ) -> PlanItem:
        gap, transfer = staged.gaps[skill_id], staged.transfers[skill_id]
        hours = sum(p.hours for p in parts)
        if transfer is not None:
            saved = self._climb(skill_id, profile, gap.target) - hours
            transfer = replace(transfer, hours_saved=saved)
        return PlanItem(
            rank=rank,
            skill=skill_id,
            domain=self.taxonomy.skills[skill_id].domain,
            current=profile.level(skill_id),
            target=gap.target,
            importance=gap.importance,
            priority=staged.priorities[skill_id][0],
            reasons=staged.priorities[skill_id][1],
            hours=hours,
            start_week=min(p.start_week for p in parts),
            end_week=max(p.end_week for p in parts),
            prerequisites=self._first_needs(skill_id, parts[0].target, staged, profile, rank_of),
            unlocks=tuple(sorted(waiting[skill_id], key=rank_of.__getitem__)),
            is_prerequisite=gap.is_prerequisite,
            stage=parts[0].stage,
            stage_target=parts[0].target,
            parts=tuple(parts),
            transfer=transfer,
        )


_TaskKeyFunction = Callable[[Task], tuple[float | str, ...]]


def _assessed(profile: Profile) -> dict[str, int]:
    """The levels the person gave, without the zeros (not assessed and 0 mean the same)."""
    return {s: level for s, level in profile.assessments.items() if level > 0}


def _part(place: Placement, order: list[Task], hours_per_week: int) -> Part:
    task = next(t for t in order if t.key == (place.skill, place.stage))
    return Part(
        place.stage,
        task.target,
        place.hours,
        place.start_week(hours_per_week),
        place.end_week(hours_per_week),
    )


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
