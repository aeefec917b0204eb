"""A skill's parts, one per stage: what each part climbs, what it waits for, and the order of
study: what the person came for first, each prerequisite right before the first part that needs
it, and small prerequisites studied as steps at the start of that part (docs/ranking.md)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from advisor.core.planning.stage_targets import DEEPEN, READY, STAGES
from advisor.core.taxonomy import Taxonomy

TaskKey = tuple[str, str]  # (skill, stage)


@dataclass(frozen=True)
class Task:
    """One stage's part of a skill: from `start` to `target` level, in `hours` of effort."""

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
    is_root: Callable[[Task], bool],
    key: Callable[[Task, int], tuple[float | str, ...]],
) -> list[Task]:
    """Stage by stage, what the role asks for (`is_root`) first: each time, the part with the
    smallest `key(part, hours)` among those left, where `hours` are its own and those of every
    part it still needs; each part comes right after what it still needs, depth first, so a
    prerequisite sits just before the first part that needs it rather than at the top."""
    by_key = {t.key: t for t in tasks}
    order: list[Task] = []
    done: set[TaskKey] = set()

    def visit(task_key: TaskKey) -> None:
        if task_key in done:
            return
        done.add(task_key)
        for need in sorted(needs[task_key], key=lambda n: key(by_key[n], by_key[n].hours)):
            visit(need)
        order.append(by_key[task_key])

    def hours_to(task_key: TaskKey) -> int:
        """The hours of a part and of every part it still needs, each counted once."""
        seen: set[TaskKey] = set()
        stack = [task_key]
        while stack:
            current = stack.pop()
            if current not in done and current not in seen:
                seen.add(current)
                stack.extend(needs[current])
        return sum(by_key[k].hours for k in seen)

    for stage in STAGES:
        left = [t for t in tasks if t.stage == stage]
        for roots_first in (True, False):
            group = [t for t in left if is_root(t) == roots_first]
            while group:
                visit(min(group, key=lambda t: key(t, hours_to(t.key))).key)
                group = [t for t in group if t.key not in done]
    return order


Block = tuple[Task, tuple[Task, ...]]


def with_steps(
    order: Sequence[Task],
    needs: Mapping[TaskKey, frozenset[TaskKey]],
    is_step: Callable[[Task], bool],
) -> list[Block]:
    """The order of study as blocks: each part with the small prerequisites (`is_step`) studied
    at its start, in order, instead of standing as parts of their own.

    A step goes with the first later part of its stage that needs it; one needed only by
    another step goes with that step's part. Nothing moves before what it needs, and a step
    only moves later, past parts that do not need it.
    """
    host: dict[TaskKey, TaskKey] = {}
    for index, task in enumerate(order):
        if not is_step(task):
            continue
        later = (t for t in order[index + 1 :] if t.stage == task.stage)
        found = next((t for t in later if task.key in needs[t.key]), None)
        if found is not None:
            host[task.key] = found.key

    def final(task_key: TaskKey) -> TaskKey:
        while task_key in host:
            task_key = host[task_key]
        return task_key

    steps: dict[TaskKey, list[Task]] = {}
    for task in order:
        if task.key in host:
            steps.setdefault(final(task.key), []).append(task)
    return [(t, tuple(steps.get(t.key, ()))) for t in order if t.key not in host]
