"""Implied levels: what a person's ratings say about the skills they did not rate.

A rated level implies the prerequisites that level needs, level-aware and transitively as the
prerequisites are written: someone at Kubernetes 4 has networking at 2, since Kubernetes from
level 3 needs networking at 2. The planner counts an implied level as a floor: a plan never
starts a skill below what the person's own ratings imply, and says so with the rating it follows
from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from advisor.core.taxonomy import Taxonomy


@dataclass(frozen=True)
class ImpliedLevel:
    """`skill` counted at `level` because `source` is rated at `source_level`."""

    skill: str
    level: int
    source: str
    source_level: int


def implied_levels(taxonomy: Taxonomy, rated: Mapping[str, int]) -> dict[str, ImpliedLevel]:
    """The floors `rated` implies, for every skill rated (or unrated) below one of them.

    Of several ratings implying the same skill, the one implying the highest level is named;
    on a tie, the highest rating, then the first skill id.
    """
    found: dict[str, ImpliedLevel] = {}
    for source in sorted(rated, key=lambda s: (-rated[s], s)):
        level = rated[source]
        if level <= 0 or source not in taxonomy.skills:
            continue
        for skill, needed in sorted(taxonomy.prerequisite_closure(source, level).items()):
            if needed <= rated.get(skill, 0):
                continue
            known = found.get(skill)
            if known is None or needed > known.level:
                found[skill] = ImpliedLevel(skill, needed, source, level)
    return dict(sorted(found.items()))


def with_floors(rated: Mapping[str, int], implied: Mapping[str, ImpliedLevel]) -> dict[str, int]:
    """The levels a plan counts: each rating, raised to what the other ratings imply."""
    levels = dict(rated)
    for skill, floor in implied.items():
        levels[skill] = max(levels.get(skill, 0), floor.level)
    return levels
