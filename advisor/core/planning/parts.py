"""A skill's parts, one per stage: what each part climbs, what it waits for, and the order of
study (a topological order that takes the most pressing part among those ready to go)."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from advisor.core.planning.stage_targets import DEEPEN, READY
from advisor.core.taxonomy import Taxonomy

TaskKey = tuple[str, str]  # (skill, stage)


@dataclass(frozen=True)
class Task:
    """One stage's part of a skill: from `start` to `target` level, in `hours`."""

    skill: str
    stage: str
    start: int
    target: int
    hours: int

    @property
    def key(self) -> TaskKey:
        return (self.skill, self.stage)


def split_tasks(
    skill_id: str, current: int, target: int, ready_target: int | None, hours: Sequence[int]
) -> list[Task]:
    """A skill's parts: to its ready target (if any) then to its full target.

    `hours` is (hours of the whole climb after transfer, hours of the ready part before
    transfer, hours of the whole climb before transfer): the whole stays exact when split.
    """
    total, ready_base, full_base = hours
    if ready_target is None or ready_target <= current:
        return [Task(skill_id, DEEPEN, current, target, total)]
    if ready_target >= target or total < 2:
        return [Task(skill_id, READY, current, max(target, ready_target), total)]
    first = min(max(round(total * ready_base / max(full_base, 1)), 1), total - 1)
    return [
        Task(skill_id, READY, current, ready_target, first),
        Task(skill_id, DEEPEN, ready_target, target, total - first),
    ]


def task_needs(
    tasks: Sequence[Task], taxonomy: Taxonomy, levels: Mapping[str, int]
) -> dict[TaskKey, frozenset[TaskKey]]:
    """For each part, the parts that must be finished before it starts.

    A prerequisite is provided by the first part of that skill that reaches its level; a
    skill's second part waits for its first; the deepen stage waits for the ready stage.
    """
    by_skill: dict[str, list[Task]] = {}
    for task in tasks:
        by_skill.setdefault(task.skill, []).append(task)
    ready = frozenset(t.key for t in tasks if t.stage == READY)
    needs: dict[TaskKey, frozenset[TaskKey]] = {}
    for task in tasks:
        found = {
            _provider(by_skill[p.skill], p.level).key
            for p in taxonomy.skills[task.skill].prerequisites_for(task.target)
            if levels.get(p.skill, 0) < p.level and p.skill in by_skill
        }
        found |= {t.key for t in by_skill[task.skill] if t.target < task.target}
        if task.stage == DEEPEN:
            found |= ready
        needs[task.key] = frozenset(found - {task.key})
    return needs


def _provider(parts: list[Task], level: int) -> Task:
    return next((t for t in parts if t.target >= level), parts[-1])


def study_order(
    tasks: Sequence[Task],
    needs: Mapping[TaskKey, frozenset[TaskKey]],
    key: Callable[[Task], tuple[float | str, ...]],
) -> list[Task]:
    """A topological order that always takes the smallest `key` among the parts ready to go."""
    by_key = {t.key: t for t in tasks}
    blocked = {k: len(n) for k, n in needs.items()}
    waiting: dict[TaskKey, list[TaskKey]] = {k: [] for k in needs}
    for k, need in needs.items():
        for n in need:
            waiting[n].append(k)
    heap = [(key(by_key[k]), k) for k, n in blocked.items() if n == 0]
    heapq.heapify(heap)
    order: list[Task] = []
    while heap:
        _, k = heapq.heappop(heap)
        order.append(by_key[k])
        for other in waiting[k]:
            blocked[other] -= 1
            if blocked[other] == 0:
                heapq.heappush(heap, (key(by_key[other]), other))
    return order
