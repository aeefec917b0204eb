"""Staged targets: first the role's core at a working level ("ready"), then the full levels.

A role's core skills are those of importance 4 or 5. The ready stage takes each of them to
`min(role level, WORKING_LEVEL)`, with every prerequisite it lacks for that; it is meant to be
reachable in `READY_WEEKS` at the person's hours (or by their deadline, if sooner): when it is
not, the core skills are taken most important first while they fit, the others move to the
later stage, and the plan says which. The deepen stage takes everything to the role's full
level. A skill can have a part in each stage; every part of the later stage waits for the whole
ready stage, which costs no time (one skill in progress gets all the hours) and makes the first
milestone as early as it can be.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from advisor.core.taxonomy import Requirement, Taxonomy

READY, DEEPEN = "ready", "deepen"
STAGES = (READY, DEEPEN)
WORKING_LEVEL = 3
CORE_IMPORTANCE = 4
READY_WEEKS = 26


@dataclass(frozen=True)
class ReadySet:
    """The ready stage's targets, and the core skills moved out of it to keep it short
    (entirely: one that another core skill needs stays, at the level needed)."""

    targets: Mapping[str, int]
    moved: tuple[str, ...]
    budget_weeks: int


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
) -> ReadySet:
    """The ready stage: core skills taken most important first, each with what it lacks, as
    long as the stage fits `budget_hours`; the others move to the later stage.

    `cost(skill, level)` is the hours from the person's level to `level`, transfer included.
    The most important core skill always stays, even alone over budget, so there is a first
    milestone; a less important one that fits still enters after a bigger one did not.
    """
    kept: dict[str, int] = {}
    kept_targets: dict[str, int] = {}
    moved: list[str] = []
    for root in sorted(roots, key=most_important_first):
        # The prerequisites of a set are, skill by skill, the highest level any of its members
        # needs: each root's are worked out once and merged into those already kept.
        trial = dict(kept_targets)
        for skill_id, level in with_prerequisites(taxonomy, levels, {root: roots[root]}).items():
            if trial.get(skill_id, 0) < level:
                trial[skill_id] = level
        if not kept or sum(cost(s, t) for s, t in trial.items()) <= budget_hours:
            kept[root], kept_targets = roots[root], trial
        else:
            moved.append(root)
    targets = with_prerequisites(taxonomy, levels, kept)
    # A core skill that another one needs stays in the first stage, at the level needed there.
    left = tuple(s for s in moved if s not in targets)
    return ReadySet(targets, left, budget_weeks)
