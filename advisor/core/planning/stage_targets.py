"""Staged targets: first the role's core at a working level ("ready"), then the planned levels.

A role's core skills are those of importance 4 or 5. The ready stage takes them to
`min(planned level, WORKING_LEVEL)`, with every prerequisite they lack for that, and must fit
`READY_WEEKS` at the person's hours (or their deadline, if sooner): it holds as much of the core
as fits, what the role needs most first (`ready_set`), the other core skills move to the later
stage, and the plan says which. The deepen stage takes everything to its planned level: the
role's level for what it needs most (importance 5), at most the working level for the rest. A
skill can have a part in each stage; every part of the later stage waits for the whole ready
stage, which makes the first milestone as early as it can be.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from advisor.core.taxonomy import Requirement, Taxonomy

READY, DEEPEN = "ready", "deepen"
STAGES = (READY, DEEPEN)
WORKING_LEVEL = 3
CORE_IMPORTANCE = 4
READY_WEEKS = 26
# Only what a role needs most is planned beyond the working level.
FULL_LEVEL_IMPORTANCE = 5


@dataclass(frozen=True)
class ReadySet:
    """The ready stage's targets, and the core skills moved out of it to keep it short
    (entirely: one that another core skill needs stays, at the level needed)."""

    targets: Mapping[str, int]
    moved: tuple[str, ...]
    budget_weeks: int
    lowered: tuple[tuple[str, int], ...] = ()


def planned_level(requirement: Requirement) -> int:
    """The level a plan takes a required skill to: the role's level where the role needs it
    most (importance 5), at most the working level where it only uses it."""
    if requirement.importance >= FULL_LEVEL_IMPORTANCE:
        return requirement.level
    return min(requirement.level, WORKING_LEVEL)


def core_roots(
    requirements: Mapping[str, Requirement], levels: Mapping[str, int]
) -> dict[str, int]:
    """Core skills of the role below their working level, with that level."""
    return {
        s: min(r.level, WORKING_LEVEL)
        for s, r in requirements.items()
        if r.importance >= CORE_IMPORTANCE and levels.get(s, 0) < min(r.level, WORKING_LEVEL)
    }


def with_prerequisites(
    taxonomy: Taxonomy, levels: Mapping[str, int], wanted: Mapping[str, int]
) -> dict[str, int]:
    """`wanted` plus every prerequisite the person lacks for it, transitively, at its level."""
    targets = dict(wanted)
    stack = list(wanted.items())
    while stack:
        skill_id, level = stack.pop()
        for p in taxonomy.skills[skill_id].prerequisites_for(level):
            if levels.get(p.skill, 0) < p.level and targets.get(p.skill, 0) < p.level:
                targets[p.skill] = p.level
                stack.append((p.skill, p.level))
    return targets


def ready_set(
    taxonomy: Taxonomy,
    levels: Mapping[str, int],
    roots: Mapping[str, int],
    cost: Callable[[str, int], int],
    budget_hours: int,
    most_important_first: Callable[[str], tuple[float | str, ...]],
    budget_weeks: int,
    weight: Callable[[str], float] | None = None,
) -> ReadySet:
    """The ready stage: as much of the role's core as fits `budget_hours`, each core skill with
    what it lacks; the others move to the later stage.

    The most important core skill that fits comes first (`most_important_first`): when it
    does not fit at its working level, it is taken to the highest level below that does, so
    there is a first milestone whenever one level of one core skill fits. Then, while
    anything fits, the most important core skills that fit come first (the first element of
    `most_important_first`, the importance), and among them the one that adds the most
    `weight` (importance-weighted levels) per hour it adds, its prerequisites included: the
    stage covers as much of the core as its weeks allow, what the role needs most first.
    `cost(skill, level)` is the hours from the person's level to `level`, transfer included.
    """
    weight = weight or (lambda _: 1.0)
    cost = functools.cache(cost)  # the same (skill, level) is asked for again and again
    keys = {r: most_important_first(r) for r in roots}
    ordered = sorted(roots, key=keys.__getitem__)
    wanted = {r: with_prerequisites(taxonomy, levels, {r: roots[r]}) for r in ordered}
    kept: dict[str, int] = {}
    lowered: list[tuple[str, int]] = []
    kept_targets = _first_root(taxonomy, levels, ordered, roots, cost, budget_hours, kept, lowered)
    spent = _hours(kept_targets, cost)
    left = [r for r in ordered if r not in kept]
    while left:
        best: tuple[tuple[float | str, float], str, int] | None = None
        for root in left:
            added = _added(kept_targets, wanted[root], cost)
            if spent + added > budget_hours:
                continue
            rank = (keys[root][0], -weight(root) / max(added, 1))
            if best is None or rank < best[0]:
                best = (rank, root, added)
        if best is None:
            break
        _, root, added = best
        kept_targets = _merged(kept_targets, wanted[root])
        kept[root], spent = roots[root], spent + added
        left.remove(root)
    targets = with_prerequisites(taxonomy, levels, kept)
    # A core skill that another one needs stays in the first stage, at the level needed there.
    moved = tuple(s for s in ordered if s not in kept and s not in targets)
    return ReadySet(targets, moved, budget_weeks, tuple(lowered))


def _added(
    kept: Mapping[str, int], wanted: Mapping[str, int], cost: Callable[[str, int], int]
) -> int:
    """The hours `wanted` adds to what is kept: for each skill, from the level kept (if any)
    to the higher level wanted."""
    added = 0
    for skill_id, level in wanted.items():
        before = kept.get(skill_id, 0)
        if level > before:
            added += cost(skill_id, level) - (cost(skill_id, before) if before else 0)
    return added


def _first_root(
    taxonomy: Taxonomy,
    levels: Mapping[str, int],
    ordered: list[str],
    roots: Mapping[str, int],
    cost: Callable[[str, int], int],
    budget_hours: int,
    kept: dict[str, int],
    lowered: list[tuple[str, int]],
) -> dict[str, int]:
    """The most important core skill that fits at all, at its working level or the highest
    level below it that fits; it is kept in `kept` (and `lowered`), its targets returned."""
    for root in ordered:
        for level in range(roots[root], levels.get(root, 0), -1):
            trial = with_prerequisites(taxonomy, levels, {root: level})
            if _hours(trial, cost) <= budget_hours:
                kept[root] = level
                if level < roots[root]:
                    lowered.append((root, level))
                return trial
    return {}


def _hours(targets: Mapping[str, int], cost: Callable[[str, int], int]) -> int:
    return sum(cost(s, t) for s, t in targets.items())


def _merged(kept: Mapping[str, int], wanted: Mapping[str, int]) -> dict[str, int]:
    """The prerequisites of a set are, skill by skill, the highest level any of its members
    needs: each root's are worked out once and merged into those already kept."""
    trial = dict(kept)
    for skill_id, level in wanted.items():
        if trial.get(skill_id, 0) < level:
            trial[skill_id] = level
    return trial
