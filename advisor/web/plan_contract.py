"""The plan as the API serves it (DESIGN §4), as pydantic models: the OpenAPI description's
`Plan` schema is generated from them, and the tests hold every plan the API answers against them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from advisor.web.contract import Language, Level, Open


class Reason(Open):
    factor: Literal["gap", "importance", "demand", "unlocks", "effort"]
    value: float
    score: float
    weight: float


class Resource(Open):
    title: str
    url: str
    kind: str
    language: Language
    hours: float


Stage = Literal["ready", "deepen"]


class Transfer(Open):
    """Effort saved on an item because the person is strong in related skills."""

    from_: list[str] = Field(alias="from", description="the related skills credited")
    share: float = Field(ge=0, le=0.5, description="share of the hours saved")
    hours_saved: int = Field(ge=0)


class Step(Open):
    """A small prerequisite studied at the start of an item's part, not as an item."""

    skill: str
    label: str
    current: Level
    target: Level
    hours: int = Field(description="hours of the person's own study")
    practice_hours: int = Field(0, description="hours of practice at work that go with it")


class Part(Open):
    """One stage of an item: to its stage target, in its weeks (its steps first)."""

    stage: Stage
    target: Level
    hours: int = Field(description="hours of the person's own study")
    start_week: int
    end_week: int
    steps: list[Step] = Field(default_factory=list)
    practice_hours: int = Field(0, description="hours of practice at work that go with it")


class PlanItem(Open):
    """Ranked in the order of study (rank 1 starts first)."""

    rank: int
    skill: str
    label: str
    domain: str
    current: Level
    target: Level
    priority: float
    reasons: list[Reason]
    hours: int
    start_week: int
    end_week: int
    prerequisites: list[str]
    resources: list[Resource]
    why_here: str = Field("", description="why the item is at this place, in plain words")
    reasons_in_words: str = ""
    stage: Stage = "deepen"
    stage_target: Level = Field(0, description="the first-pass target (the target if one pass)")
    stage_end_week: int = 0
    parts: list[Part] = Field(default_factory=list)
    transfer: Transfer | None = None
    target_anchor: str = Field("", description="what a person at exactly the target level does")
    stage_anchor: str = ""
    practice_hours: int = Field(
        0, description="hours of practice at work that go with the item's own study"
    )
    steps_in_words: str = Field("", description="the steps studied at its start, in words")
    practice_in_words: str = ""


class RoleFit(Open):
    id: str
    label: str
    fit: float = Field(ge=0, le=1)
    description: str = ""
    covered: list[str] = Field(
        default_factory=list, description="required skills the person already meets"
    )
    first_milestone_weeks: int | None = Field(
        None, description="weeks to the first milestone (ready for the role) at their hours"
    )


class Milestone(Open):
    """The end of a stage; the milestones come in order and name every item."""

    id: Stage
    title: str
    end_week: int
    end_date: str
    skills: list[str]
    moved: list[str] = Field(
        default_factory=list,
        description="core skills left to the next stage to keep this one short",
    )
    lowered: list[LoweredSkill] = Field(
        default_factory=list,
        description="core skills this stage takes below the working level, to keep it short",
    )
    note: str = ""


class LoweredSkill(Open):
    skill: str
    level: Level


class Deadline(Open):
    """Items after `week_marked` keep their weeks; they are listed in `after`."""

    weeks: int
    fits: bool
    within: list[str] = Field(description="skills fully done by the deadline")
    after: list[str] = Field(description="skills that end after it")
    week_marked: int
    stage_reached: list[str] = Field(
        default_factory=list, description="skills whose first-pass target is reached by then"
    )
    end_date: str | None = Field(None, description="ISO date: the last day of week `weeks`")
    parts_done: list[DeadlinePart] = Field(
        default_factory=list, description="every part (stage or step) done by the deadline"
    )
    in_progress: list[DeadlinePart] = Field(
        default_factory=list, description="the parts under way at the deadline, with `share`"
    )


class DeadlinePart(Open):
    skill: str
    stage: Stage
    target: Level
    item: str = Field(description="the item the part belongs to (itself, or the item a step is in)")
    share: float | None = Field(None, ge=0, le=1, description="share of its hours done by then")


class ImpliedFrom(Open):
    skill: str
    label: str
    level: Level


class Implied(Open):
    """A level the person's own ratings imply, counted as a floor."""

    skill: str
    label: str
    level: Level
    from_: ImpliedFrom = Field(alias="from", description="the rating it follows from")
    why: str


class Standing(Open):
    """Where the person stands on one skill of the target role, strengths included."""

    skill: str
    label: str
    level: Level = Field(description="the level counted (rated, or implied)")
    rated: Level | None = Field(description="the level the person gave, if any")
    target: Level = Field(description="the level the plan takes it to")
    role_level: Level
    importance: int = Field(ge=1, le=5)


class SkillLevel(Open):
    skill: str
    label: str
    level: Level


class OriginRole(Open):
    """The role the person comes from, as their current_role was read."""

    id: str
    label: str
    prefill: Literal["none", "typical"] = Field(
        "none", description="whether its typical levels stood in for skills left unrated"
    )
    typical_not_applied: list[SkillLevel] = Field(
        default_factory=list,
        description="its typical levels for skills the profile did not rate, left at 0 "
        '(send "prefill": "typical" to assume them)',
    )


class Assumed(Open):
    """Levels the plan assumed for skills the profile did not rate, and where they come from."""

    origin_role: str = Field(description="the origin role whose typical levels these are")
    label: str
    levels: list[SkillLevel]


class AdRequirement(Open):
    skill: str
    label: str
    level: Level
    importance: int = Field(ge=1, le=5)
    required: bool


class OutsideTaxonomy(Open):
    uri: str | None = None
    label: str


class TargetRole(RoleFit):
    """The role planned for; a plan made from a job ad says so and lists what the ad asks."""

    from_ad: bool = False
    requirements: list[AdRequirement] = Field(default_factory=list)
    outside_taxonomy: list[OutsideTaxonomy] = Field(default_factory=list)


class Plan(Open):
    """The output of a plan (DESIGN §4): self-contained, in the plan's language."""

    id: str
    created_at: str
    taxonomy_version: str
    language: Language
    target_role: TargetRole
    role_suggestions: list[RoleFit]
    items: list[PlanItem]
    total_hours: int
    weeks: int
    hours_per_week: int
    deadline: Deadline | None = None
    milestones: list[Milestone] = Field(default_factory=list)
    months: float | None = Field(None, description="weeks / 4.345, to the half month")
    end_date: str | None = Field(
        None, description="ISO date: the last day of the last week (week 1 starts on created_at)"
    )
    origin_role: OriginRole | None = None
    assumed: Assumed | None = Field(
        None, description='levels assumed with "prefill": "typical"; null when none were'
    )
    schedule: list[dict[str, object]] = Field(default_factory=list)
    progress: dict[str, object] | None = None
    practice_hours: int = Field(
        0, description="hours of practice at work that go with the own study of `total_hours`"
    )
    switch_week: int | None = Field(
        None, description="after this week the plan assumes the skills are used at work"
    )
    switch_note: str = ""
    implied: list[Implied] = Field(default_factory=list)
    standing: list[Standing] = Field(
        default_factory=list, description="every skill of the target role, strengths included"
    )
