"""A plan's items: each skill's parts placed in time, ranked by when its study starts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from advisor.core.planning.parts import Task
from advisor.core.planning.plan import Part, PlanItem
from advisor.core.planning.profile import Profile
from advisor.core.planning.role_staging import Staged
from advisor.core.planning.schedule import Placement
from advisor.core.taxonomy import Taxonomy


def plan_items(
    taxonomy: Taxonomy,
    order: list[Task],
    placements: tuple[Placement, ...],
    staged: Staged,
    profile: Profile,
) -> tuple[PlanItem, ...]:
    """One item per skill, its parts in time, ranked by when its study starts."""
    tasks = {t.key: t for t in order}
    parts: dict[str, list[Part]] = {}
    for place in placements:
        task = tasks[(place.skill, place.stage)]
        parts.setdefault(place.skill, []).append(
            Part(
                place.stage,
                task.target,
                place.hours,
                place.start_week(profile.hours_per_week),
                place.end_week(profile.hours_per_week),
            )
        )
    first_task = {t.skill: i for i, t in reversed(list(enumerate(order)))}
    ranked = sorted(parts, key=lambda s: (parts[s][0].start_week, first_task[s]))
    rank_of = {s: i for i, s in enumerate(ranked)}
    return tuple(
        _item(taxonomy, s, rank, parts[s], staged, rank_of, profile)
        for rank, s in enumerate(ranked, start=1)
    )


def _first_needs(
    taxonomy: Taxonomy,
    skill_id: str,
    first_target: int,
    staged: Staged,
    profile: Profile,
    rank_of: Mapping[str, int],
) -> tuple[str, ...]:
    """The plan items needed before the item starts: those of its first part (a second
    part may need more, level-aware, and waits for them; the schedule shows it)."""
    needed = {
        p.skill
        for p in taxonomy.skills[skill_id].prerequisites_for(first_target)
        if p.skill in staged.gaps and profile.level(p.skill) < p.level
    }
    return tuple(sorted(needed, key=rank_of.__getitem__))


def _item(
    taxonomy: Taxonomy,
    skill_id: str,
    rank: int,
    parts: list[Part],
    staged: Staged,
    rank_of: Mapping[str, int],
    profile: Profile,
) -> PlanItem:
    gap, transfer = staged.gaps[skill_id], staged.transfers[skill_id]
    skill = taxonomy.skills[skill_id]
    current = profile.level(skill_id)
    hours = sum(p.hours for p in parts)
    if transfer is not None:
        saved = skill.hours_between(current, gap.target) - hours
        transfer = replace(transfer, hours_saved=saved)
    priority, reasons = staged.priorities[skill_id]
    return PlanItem(
        rank=rank,
        skill=skill_id,
        domain=skill.domain,
        current=current,
        target=gap.target,
        importance=gap.importance,
        priority=priority,
        reasons=reasons,
        hours=hours,
        start_week=min(p.start_week for p in parts),
        end_week=max(p.end_week for p in parts),
        prerequisites=_first_needs(taxonomy, skill_id, parts[0].target, staged, profile, rank_of),
        unlocks=tuple(sorted(staged.waiting[skill_id], key=rank_of.__getitem__)),
        is_prerequisite=gap.is_prerequisite,
        stage=parts[0].stage,
        stage_target=parts[0].target,
        parts=tuple(parts),
        transfer=transfer,
    )


__all__ = ["plan_items"]
