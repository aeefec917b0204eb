"""A plan's items: each skill's parts placed in time, ranked by when its study starts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from advisor.core.planning.parts import Task
from advisor.core.planning.plan import Part, PlanItem, Step
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
    """One item per skill studied on its own, its parts in time with the steps studied at
    their start, ranked by when its study starts."""
    tasks = {t.key: t for t in order}
    hours_per_week = profile.hours_per_week
    parts: dict[str, list[Part]] = {}
    steps: list[Step] = []
    first_week = 0
    for place in placements:
        task = tasks[(place.skill, place.stage)]
        if not steps:
            first_week = place.start_week(hours_per_week)
        if place.skill != place.item:
            steps.append(Step(place.skill, task.start, task.target, place.hours, place.practice))
            continue
        end_week = place.end_week(hours_per_week)
        part = Part(
            place.stage,
            task.target,
            place.hours,
            first_week,
            end_week,
            tuple(steps),
            place.practice,
        )
        parts.setdefault(place.skill, []).append(part)
        steps = []
    position = {p.skill: i for i, p in reversed(list(enumerate(placements)))}
    ranked = sorted(parts, key=lambda s: (parts[s][0].start_week, position[s]))
    return tuple(
        _item(taxonomy, s, rank, parts[s], staged, position, profile)
        for rank, s in enumerate(ranked, start=1)
    )


def _first_needs(
    taxonomy: Taxonomy,
    skill_id: str,
    first: Part,
    staged: Staged,
    profile: Profile,
    rank_of: Mapping[str, int],
) -> tuple[str, ...]:
    """What the item needs before it starts and does not study as a step: the needs of its
    first part (a second part may need more, level-aware, and waits for them; the schedule
    shows it)."""
    inside = {step.skill for step in first.steps}
    needed = {
        p.skill
        for p in taxonomy.skills[skill_id].prerequisites_for(first.target)
        if p.skill in staged.gaps and profile.level(p.skill) < p.level and p.skill not in inside
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
        effort = hours + sum(p.practice_hours for p in parts)
        saved = skill.hours_between(current, gap.target) - effort
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
        prerequisites=_first_needs(taxonomy, skill_id, parts[0], staged, profile, rank_of),
        unlocks=tuple(sorted(staged.waiting[skill_id], key=rank_of.__getitem__)),
        is_prerequisite=gap.is_prerequisite,
        stage=parts[0].stage,
        stage_target=parts[0].target,
        parts=tuple(parts),
        transfer=transfer,
    )


__all__ = ["plan_items"]
