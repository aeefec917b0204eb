"""A plan's milestones (ready for the role, then the role's full level) and its deadline check."""

from __future__ import annotations

from advisor.core.planning.plan import (
    DeadlineCheck,
    Milestone,
    PartDone,
    PartInProgress,
    PlanItem,
)
from advisor.core.planning.profile import Profile
from advisor.core.planning.schedule import Placement
from advisor.core.planning.stage_targets import DEEPEN, READY, ReadySet


def milestones_of(items: tuple[PlanItem, ...], ready: ReadySet) -> tuple[Milestone, ...]:
    """Ready for the role (the core at a working level), then the role's full level.

    The first is always there: in week 0 with no skills when the person is ready already.
    The second is there when something is left after the first. Together they name every item.
    """
    ready_parts = [(i.skill, p) for i in items for p in i.parts if p.stage == READY]
    later_parts = [(i.skill, p) for i in items for p in i.parts if p.stage == DEEPEN]
    milestones = [
        Milestone(
            READY,
            max((p.end_week for _, p in ready_parts), default=0),
            tuple(dict.fromkeys(s for s, _ in ready_parts)),
            ready.moved,
            ready.budget_weeks,
            ready.lowered,
        )
    ]
    if later_parts:
        end = max(p.end_week for _, p in later_parts)
        milestones.append(Milestone(DEEPEN, end, tuple(dict.fromkeys(s for s, _ in later_parts))))
    return tuple(milestones)


def deadline_check(
    items: tuple[PlanItem, ...], placements: tuple[Placement, ...], profile: Profile
) -> DeadlineCheck | None:
    """What the deadline holds: the items fully done by then and those after it (keeping their
    weeks), the items whose first stage is done, every part (stage or step) done, and the
    parts under way at the deadline with the share of their hours done."""
    if profile.deadline_weeks is None:
        return None
    weeks = profile.deadline_weeks
    hours = weeks * profile.hours_per_week
    within = tuple(i.skill for i in items if i.end_week <= weeks)
    after = tuple(i.skill for i in items if i.end_week > weeks)
    reached = tuple(i.skill for i in items if i.stage == READY and i.stage_end_week <= weeks)
    targets = {(s.skill, p.stage): s.target for i in items for p in i.parts for s in p.steps}
    targets |= {(i.skill, p.stage): p.target for i in items for p in i.parts}
    done = tuple(
        PartDone(p.skill, p.stage, targets[(p.skill, p.stage)], p.item)
        for p in placements
        if p.end <= hours
    )
    going = tuple(
        PartInProgress(
            p.skill, p.stage, targets[(p.skill, p.stage)], p.item, (hours - p.start) / p.hours
        )
        for p in placements
        if p.start < hours < p.end
    )
    return DeadlineCheck(
        weeks=weeks,
        fits=not after,
        hours_available=hours,
        fitting_items=within,
        within=within,
        after=after,
        week_marked=weeks,
        stage_reached=reached,
        parts_done=done,
        in_progress=going,
    )
