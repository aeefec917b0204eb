"""Progress between two assessments of the same person: levels gained, hours done, fit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from advisor.core.taxonomy import Role, Taxonomy

if TYPE_CHECKING:  # scikit-learn loads only where a model is fitted
    from advisor.core.planning.role_fit import RoleFitModel


@dataclass(frozen=True)
class LevelChange:
    skill: str
    before: int
    after: int


@dataclass(frozen=True)
class Progress:
    """What changed since the previous plan, measured against the role of the new plan."""

    previous_plan: str
    levels_gained: tuple[LevelChange, ...]
    hours_done: int
    fit_before: float
    fit_after: float
    items_completed: tuple[str, ...]


def measure_progress(
    taxonomy: Taxonomy,
    model: RoleFitModel,
    previous: tuple[str, Mapping[str, int], Mapping[str, int]],
    current: Mapping[str, int],
    role_id: str,
    role: Role | None = None,
) -> Progress:
    """Compare `current` levels with the `previous` (plan id, levels, item targets).

    Hours done are the effort of the levels climbed; an item is completed when its skill now
    reaches the target the previous plan set. Old skill ids are moved to today's first.
    `role`, when given (a job ad), is measured against instead of the model's `role_id`.
    """

    def fit(levels: Mapping[str, int]) -> float:
        return role.fit_of(levels) if role else model.fit_of(levels, role_id)

    plan_id, before_levels, before_targets = previous
    before = taxonomy.migrate_assessments(_known(before_levels, taxonomy))
    targets = taxonomy.migrate_assessments(_known(before_targets, taxonomy))
    gained = tuple(
        LevelChange(s, before.get(s, 0), level)
        for s, level in sorted(current.items())
        if level > before.get(s, 0)
    )
    hours = sum(taxonomy.skills[c.skill].hours_between(c.before, c.after) for c in gained)
    completed = tuple(s for s, t in targets.items() if current.get(s, 0) >= t > before.get(s, 0))
    return Progress(
        previous_plan=plan_id,
        levels_gained=gained,
        hours_done=hours,
        fit_before=fit(before),
        fit_after=fit(current),
        items_completed=completed,
    )


def _known(levels: Mapping[str, int], taxonomy: Taxonomy) -> dict[str, int]:
    # A skill removed without a replacement has nothing left to compare with.
    result: dict[str, int] = {}
    for skill_id, level in levels.items():
        if skill_id in taxonomy.skills or skill_id in taxonomy.replaced_by:
            result[skill_id] = level
    return result
