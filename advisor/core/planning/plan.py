"""The plan as values: items with their parts and reasons, milestones, the deadline check.

Built by `Planner` (`planner`); read by the serialiser, the PDF and the page. Frozen,
so a plan can be shared and compared (the same profile gives an equal plan).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from advisor.core.planning.implied import ImpliedLevel
from advisor.core.planning.relatedness import Transfer
from advisor.core.planning.schedule import Placement
from advisor.core.planning.stage_targets import DEEPEN
from advisor.core.taxonomy import Role


@dataclass(frozen=True)
class Reason:
    """One factor of a priority: its raw value, its score in [0, 1] and its weight."""

    factor: str
    value: float
    score: float
    weight: float

    @property
    def contribution(self) -> float:
        return self.score * self.weight


@dataclass(frozen=True)
class Step:
    """A small prerequisite studied at the start of an item's part rather than as an item of
    its own: `skill` from `start` to `target`, in `hours` (and `practice_hours` at work)."""

    skill: str
    start: int
    target: int
    hours: int
    practice_hours: int = 0


@dataclass(frozen=True)
class Part:
    """One stage of an item: up to `target`, in `hours` of own study, from `start_week` to
    `end_week`, with `practice_hours` at work in the role (second stage); its `steps` (small
    prerequisites) come first, in those weeks, and their hours are their own."""

    stage: str
    target: int
    hours: int
    start_week: int
    end_week: int
    steps: tuple[Step, ...] = ()
    practice_hours: int = 0


@dataclass(frozen=True)
class PlanItem:
    rank: int
    skill: str
    domain: str
    current: int
    target: int
    importance: int
    priority: float
    reasons: tuple[Reason, ...]
    hours: int
    start_week: int
    end_week: int
    prerequisites: tuple[str, ...]
    unlocks: tuple[str, ...]
    is_prerequisite: bool
    stage: str = DEEPEN
    stage_target: int = 0
    parts: tuple[Part, ...] = ()
    transfer: Transfer | None = None

    @property
    def stage_end_week(self) -> int:
        """The week the first-pass target is reached."""
        return self.parts[0].end_week if self.parts else self.end_week

    @property
    def practice_hours(self) -> int:
        """The item's practice at work, in the role (second stage)."""
        return sum(p.practice_hours for p in self.parts)

    @property
    def steps(self) -> tuple[Step, ...]:
        """The small prerequisites studied inside this item, in the order of study."""
        return tuple(step for part in self.parts for step in part.steps)


@dataclass(frozen=True)
class RoleFit:
    """A role and how well the person fits it, with what they already cover."""

    role: str
    fit: float
    covered: tuple[str, ...] = ()
    first_milestone_weeks: int | None = None


@dataclass(frozen=True)
class Milestone:
    """The end of a stage: which skills it takes to their stage target, by which week.

    `moved` are core skills left to the later stage so the first stays within `budget_weeks`;
    `lowered` the core skills it takes to a lower level than the working level, for the same
    reason, with that level.
    """

    id: str
    end_week: int
    skills: tuple[str, ...]
    moved: tuple[str, ...] = ()
    budget_weeks: int | None = None
    lowered: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class DeadlineCheck:
    """Whether the plan fits the deadline, and if not, which items are done by then.

    `within` are the items fully done by the deadline, `after` the others (they keep their
    weeks); `stage_reached` are those whose first-pass target is reached by then.
    `fitting_items` repeats `within` for readers of the first version of the contract.
    """

    weeks: int
    fits: bool
    hours_available: int
    fitting_items: tuple[str, ...]
    within: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    week_marked: int = 0
    stage_reached: tuple[str, ...] = ()
    parts_done: tuple[PartDone, ...] = ()
    in_progress: tuple[PartInProgress, ...] = ()


@dataclass(frozen=True)
class PartDone:
    """A part of the plan (an item's stage, or a step inside one) done by the deadline."""

    skill: str
    stage: str
    target: int
    item: str


@dataclass(frozen=True)
class PartInProgress:
    """A part under way when the deadline comes, with the share of its hours done by then."""

    skill: str
    stage: str
    target: int
    item: str
    share: float


@dataclass(frozen=True)
class Plan:
    taxonomy_version: str
    language: str
    target_role: RoleFit
    suggestions: tuple[RoleFit, ...]
    items: tuple[PlanItem, ...]
    total_hours: int
    weeks: int
    hours_per_week: int
    deadline: DeadlineCheck | None
    placements: tuple[Placement, ...]
    assessments: Mapping[str, int]
    role: Role | None = None
    milestones: tuple[Milestone, ...] = ()
    origin_role: str | None = None
    implied: tuple[ImpliedLevel, ...] = ()
    practice_hours: int = 0
    switch_week: int = 0

    def item(self, skill_id: str) -> PlanItem | None:
        return next((i for i in self.items if i.skill == skill_id), None)


@dataclass(frozen=True)
class WhatIf:
    """The plan if one skill were at another level, against the plan as it is."""

    skill: str
    level: int
    fit_before: float
    fit_after: float
    hours_before: int
    hours_after: int
    weeks_before: int
    weeks_after: int
    plan: Plan
