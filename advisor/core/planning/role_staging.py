"""Staging a role's gaps for a person: gaps, priorities, the ready stage and the parts of each
skill (steps 1 to 3 of `planner`), and the hours of a role's ready stage alone."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from advisor.core.planning.gaps import Gap, gaps_and_needs
from advisor.core.planning.parts import Task, TaskKey, split_tasks, task_needs
from advisor.core.planning.plan import Reason
from advisor.core.planning.priority import Priorities, priority
from advisor.core.planning.profile import Profile
from advisor.core.planning.relatedness import Relatedness, Transfer, reduced, transfer_for
from advisor.core.planning.stage_targets import (
    READY,
    READY_WEEKS,
    ReadySet,
    core_roots,
    ready_set,
)
from advisor.core.taxonomy import Role, Taxonomy


@dataclass(frozen=True)
class Staged:
    """Everything worked out about a role's gaps before they are placed in time."""

    gaps: Mapping[str, Gap]
    needs: Mapping[str, frozenset[str]]
    waiting: Mapping[str, frozenset[str]]
    priorities: Priorities
    transfers: Mapping[str, Transfer | None]
    ready: ReadySet
    tasks: tuple[Task, ...]
    task_needs: Mapping[TaskKey, frozenset[TaskKey]]

    def ready_hours(self) -> int:
        return sum(t.hours for t in self.tasks if t.stage == READY)


def ready_weeks(profile: Profile) -> int:
    """The weeks the first milestone must fit in: half a year, or the deadline if sooner."""
    return min(READY_WEEKS, profile.deadline_weeks or READY_WEEKS)


class Stager:
    """Stages roles against one taxonomy, a demand signal and the relatedness of skills."""

    def __init__(
        self, taxonomy: Taxonomy, demand: Mapping[str, float], relatedness: Relatedness
    ) -> None:
        self.taxonomy = taxonomy
        self.demand = demand
        self.relatedness = relatedness

    def stage(self, role: Role, profile: Profile, budget_hours: int | None = None) -> Staged:
        """Gaps, priorities, the ready stage (within `budget_hours` when given, else the
        stage's weeks at the person's hours) and every part, with what each waits for."""
        levels = profile.assessments
        gaps, needs, waiting = gaps_and_needs(self.taxonomy, role, levels)
        climbs = {s: self.climb(s, profile, g.target) for s, g in gaps.items()}
        transfers = {s: self._transfer(s, climbs[s], profile) for s in gaps}
        priorities = {
            s: self._priority(s, gaps, climbs, waiting, transfers[s], profile) for s in gaps
        }
        ready = self._ready(
            role, profile, gaps, transfers.get, lambda s: priorities[s][0], budget_hours
        )
        tasks: list[Task] = []
        for skill_id in gaps:
            tasks.extend(self._split(skill_id, gaps, climbs, transfers[skill_id], ready, profile))
        return Staged(
            gaps,
            needs,
            waiting,
            priorities,
            transfers,
            ready,
            tuple(tasks),
            task_needs(tuple(tasks), self.taxonomy, levels),
        )

    def ready_hours(self, role: Role, profile: Profile) -> int:
        """`_stage(role, profile).ready_hours()`, working out only what the ready stage needs
        (a suggested role shows when its first milestone would be reached)."""
        levels = profile.assessments
        gaps, _, waiting = gaps_and_needs(self.taxonomy, role, levels)
        climbs = {s: self.climb(s, profile, g.target) for s, g in gaps.items()}
        transfers: dict[str, Transfer | None] = {}

        def transfer_of(skill_id: str) -> Transfer | None:
            if skill_id not in gaps:
                return None
            if skill_id not in transfers:
                transfers[skill_id] = self._transfer(skill_id, climbs[skill_id], profile)
            return transfers[skill_id]

        def priority_of(skill_id: str) -> float:
            transfer = transfer_of(skill_id)
            return self._priority(skill_id, gaps, climbs, waiting, transfer, profile)[0]

        ready = self._ready(role, profile, gaps, transfer_of, priority_of)
        return sum(
            t.hours
            for s in ready.targets
            if s in gaps
            for t in self._split(s, gaps, climbs, transfer_of(s), ready, profile)
            if t.stage == READY
        )

    def _priority(
        self,
        skill_id: str,
        gaps: Mapping[str, Gap],
        climbs: Mapping[str, int],
        waiting: Mapping[str, frozenset[str]],
        transfer: Transfer | None,
        profile: Profile,
    ) -> tuple[float, tuple[Reason, ...]]:
        demand = self.demand.get(skill_id, 0.0)
        unlocked = len(waiting[skill_id])
        current = profile.level(skill_id)
        return priority(gaps[skill_id], current, climbs[skill_id], demand, unlocked, transfer)

    def _ready(
        self,
        role: Role,
        profile: Profile,
        gaps: Mapping[str, Gap],
        transfer_of: Callable[[str], Transfer | None],
        priority_of: Callable[[str], float],
        budget_hours: int | None = None,
    ) -> ReadySet:
        levels = profile.assessments
        budget = ready_weeks(profile)
        return ready_set(
            self.taxonomy,
            levels,
            core_roots(role.requirements_for(levels), levels),
            lambda s, t: reduced(self.climb(s, profile, t), transfer_of(s)),
            budget * profile.hours_per_week if budget_hours is None else budget_hours,
            lambda s: (-gaps[s].importance, -priority_of(s), s),
            budget,
            lambda s: gaps[s].importance * (gaps[s].target - profile.level(s)),
        )

    def _split(
        self,
        skill_id: str,
        gaps: Mapping[str, Gap],
        climbs: Mapping[str, int],
        transfer: Transfer | None,
        ready: ReadySet,
        profile: Profile,
    ) -> list[Task]:
        first = ready.targets.get(skill_id)
        first_hours = self.climb(skill_id, profile, first) if first else 0
        hours = (reduced(climbs[skill_id], transfer), first_hours, climbs[skill_id])
        current = profile.level(skill_id)
        return split_tasks(skill_id, current, gaps[skill_id].target, first, hours)

    def _transfer(self, skill_id: str, full: int, profile: Profile) -> Transfer | None:
        """The credit for related skills, if it saves at least an hour."""
        transfer = transfer_for(skill_id, profile.assessments, self.relatedness)
        return transfer if reduced(full, transfer) < full else None

    def climb(self, skill_id: str, profile: Profile, target: int) -> int:
        return self.taxonomy.skills[skill_id].hours_between(profile.level(skill_id), target)
