"""What enters a plan: the role's skills below target, and every prerequisite they lack.

A required skill's target is its planned level (`stage_targets.planned_level`): the role's
level where it needs the skill most, the working level where it only uses it.

Prerequisites are level-aware and followed transitively; one the role does not ask for is
flagged and matters as much as the most important gap waiting for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from advisor.core.planning.stage_targets import planned_level
from advisor.core.taxonomy import Role, Taxonomy

Levels = Mapping[str, int]
Needs = dict[str, frozenset[str]]


@dataclass(frozen=True)
class Gap:
    """A skill to climb to `target`; `importance` is the role's, or inherited by a prerequisite."""

    target: int
    importance: int
    is_prerequisite: bool


def find_gaps(taxonomy: Taxonomy, role: Role, levels: Levels) -> dict[str, Gap]:
    """The role's gaps for a person at `levels`, with the prerequisites they lack."""
    return gaps_and_needs(taxonomy, role, levels)[0]


def gaps_and_needs(
    taxonomy: Taxonomy, role: Role, levels: Levels
) -> tuple[dict[str, Gap], Needs, Needs]:
    """`find_gaps`, with what each gap needs first (`gap_needs`) and what waits for each
    (`dependents`), worked out once for all three."""
    gaps = {
        s: Gap(planned_level(r), r.importance, False)
        for s, r in role.requirements_for(levels).items()
        if levels.get(s, 0) < planned_level(r)
    }
    stack = list(gaps)
    while stack:
        skill_id = stack.pop()
        for p in taxonomy.skills[skill_id].prerequisites_for(gaps[skill_id].target):
            if levels.get(p.skill, 0) >= p.level:
                continue
            known = gaps.get(p.skill)
            if known is None or known.target < p.level:
                is_prerequisite = known.is_prerequisite if known else True
                importance = known.importance if known else 0
                target = max(p.level, known.target if known else 0)
                gaps[p.skill] = Gap(target, importance, is_prerequisite)
                stack.append(p.skill)
    # What needs what depends on the targets only, which inheriting importance leaves as is.
    needs = gap_needs(taxonomy, gaps, levels)
    waiting = dependents(needs)
    return _inherit_importance(gaps, waiting), needs, waiting


def gap_targets(taxonomy: Taxonomy, role: Role, levels: Levels) -> dict[str, int]:
    """The target levels of `find_gaps`, without the importance of each (what the hours to a
    role need: a tie between suggested roles is broken on them, for every tied role)."""
    targets = {
        s: planned_level(r)
        for s, r in role.requirements_for(levels).items()
        if levels.get(s, 0) < planned_level(r)
    }
    stack = list(targets)
    while stack:
        skill_id = stack.pop()
        for p in taxonomy.skills[skill_id].prerequisites_for(targets[skill_id]):
            if levels.get(p.skill, 0) < p.level and targets.get(p.skill, 0) < p.level:
                targets[p.skill] = p.level
                stack.append(p.skill)
    return targets


def _inherit_importance(gaps: dict[str, Gap], waiting: Needs) -> dict[str, Gap]:
    """A prerequisite matters as much as the most important item waiting for it."""
    result = dict(gaps)
    for skill_id, gap in gaps.items():
        if gap.is_prerequisite:
            inherited = max((gaps[d].importance for d in waiting[skill_id]), default=1)
            result[skill_id] = Gap(gap.target, max(inherited, 1), True)
    return result


def gap_needs(
    taxonomy: Taxonomy, gaps: Mapping[str, Gap], levels: Levels
) -> dict[str, frozenset[str]]:
    """For each gap, the other gaps that must be closed first."""
    return {
        skill_id: frozenset(
            p.skill
            for p in taxonomy.skills[skill_id].prerequisites_for(gap.target)
            if p.skill in gaps and levels.get(p.skill, 0) < p.level
        )
        for skill_id, gap in gaps.items()
    }


def dependents(needs: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
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
