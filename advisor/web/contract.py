"""The bodies of the JSON API as pydantic models: the one declaration of the public contract.

The OpenAPI description's schemas are generated from these models, and their limits come from
`advisor.core.limits`, which the core's validation and the web forms read too. The core still
validates a profile itself (it names every bad field, in the API's error shape); the models
describe what it accepts and what a plan looks like, and the tests hold answers against them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from advisor.core import limits
from advisor.core.errors import InvalidInput

Level = Annotated[int, Field(ge=limits.MIN_LEVEL, le=limits.MAX_LEVEL)]
Language = Literal["en", "fr"]


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Open(BaseModel):
    """An answer body: clients must ignore fields they do not know (the contract grows)."""

    model_config = ConfigDict(extra="allow")


class ErrorDetail(Closed):
    code: str
    message: str
    fields: dict[str, str] = Field(description="each invalid field, named, with what is wrong")


class Error(Closed):
    error: ErrorDetail


class Profile(Closed):
    """The input of a plan (DESIGN §4)."""

    language: Language = "en"
    target_role: str | None = Field(None, description="a role id; null to have roles suggested")
    hours_per_week: int = Field(ge=limits.MIN_HOURS_PER_WEEK, le=limits.MAX_HOURS_PER_WEEK)
    deadline_weeks: int | None = Field(
        None, ge=limits.MIN_DEADLINE_WEEKS, le=limits.MAX_DEADLINE_WEEKS
    )
    current_role: str = Field(
        "",
        max_length=limits.MAX_ROLE_TEXT,
        description="the role the person holds, as they would write it (EN or FR), or an "
        "origin role's id; read as an origin role (the plan's origin_role)",
    )
    assessments: dict[str, Level] = Field(
        default_factory=dict,
        description="skill id (full, replaced, or unambiguous short id) → level 0–5",
    )
    experience: str = Field("", max_length=limits.MAX_EXPERIENCE)
    previous_plan: str | None = Field(
        None, description="id of an earlier plan of the same person: the new one shows progress"
    )
    team_invitation: str | None = Field(
        None,
        description="a team's invitation token: the person agrees to share this plan's ratings "
        "with that team (counted with the others', never named)",
    )
    target_ad: str | None = Field(
        None,
        max_length=limits.MAX_AD_TEXT,
        description="a job ad's text (English or French) to plan for, instead of target_role",
    )
    prefill: Literal["none", "typical"] = Field(
        "none",
        description='"typical": the levels typical of the origin role current_role names stand '
        "in for the skills assessments leaves out, and the plan lists them under assumed; "
        '"none": those skills count as 0, and the plan lists the typical levels it did not '
        "apply (origin_role.typical_not_applied)",
    )


class WhatIfRequest(Closed):
    skill: str
    level: Level


class WhatIf(Open):
    skill: str
    label: str
    level: Level
    current: Level
    fit_before: float
    fit_after: float
    hours_before: int
    hours_after: int
    weeks_before: int
    weeks_after: int


class ExtractRequest(Closed):
    text: str = Field(max_length=limits.MAX_EXTRACT_TEXT)
    lang: Literal["auto", "en", "fr"] = "auto"


class FoundSkill(Open):
    id: str
    label: str
    count: int
    spans: list[tuple[int, int]]


class FoundConcept(Open):
    """An ESCO ICT skill recognised in the text, inside or beyond the taxonomy."""

    uri: str
    label: str
    spans: list[tuple[int, int]]


class Extraction(Open):
    language: Language
    skills: list[FoundSkill]
    esco: list[FoundConcept] = Field(default_factory=list)


class Text(Closed):
    en: str
    fr: str


class Skill(Open):
    id: str
    domain: str
    label: Text
    description: Text
    demand: float | None = None


class SkillList(Open):
    version: str
    skills: list[Skill]


class Requirement(Open):
    level: Level
    importance: int = Field(ge=1, le=5)


class Role(Open):
    id: str
    label: Text
    description: Text
    requirements: dict[str, Requirement]


class RoleList(Open):
    version: str
    roles: list[Role]


class Evidence(Open):
    skill: str
    demand: float
    evidence: list[dict[str, object]]


class TeamRequest(Closed):
    """A new team (POST /api/v1/teams)."""

    name: str = Field(min_length=1, max_length=limits.MAX_TEAM_NAME)
    language: Language = "en"
    target_role: str | None = Field(
        None,
        description="a role id; null to measure the team against the role most members aim for",
    )


class TeamRole(Open):
    id: str
    label: str
    chosen_by: Literal["team", "members"] = Field(
        description='"team": the team\'s own target; "members": the role most members aim for'
    )


class TeamRules(Open):
    min_members: int = Field(description="members who shared before any aggregate is shown")
    min_people: int = Field(description="the smallest count of people ever shown, but 0")


class Band(Open):
    """`people` members at a level from `low` to `high`: levels of 1 or 2 people are merged
    with their neighbours, so `people` is 0 or at least `min_people`."""

    low: Level
    high: Level
    people: int = Field(ge=0)


class HeatmapRow(Open):
    skill: str
    label: str
    required: Level
    importance: int = Field(ge=1, le=5)
    bands: list[Band]
    below: int = Field(
        ge=0, description="people below the required level (a lower bound unless below_exact)"
    )
    below_exact: bool


class SharedGap(Open):
    skill: str
    label: str
    people: int = Field(ge=0)
    people_exact: bool
    required: Level
    importance: int = Field(ge=1, le=5)
    course_hours: int = Field(
        ge=0, description="one course, from the commonest level below the required one"
    )
    saved_hours: int = Field(
        ge=0, description="(people − 1) × course_hours: one course instead of one per person"
    )


class MissingLevel(Open):
    skill: str
    label: str
    level: Level = Field(description="no member is at this level or above")


class TeamLinks(Open):
    dashboard: str = Field(description="the coach's private page (keep it secret)")
    invitation: str = Field(description="the page members join from")


class TeamSummary(Open):
    """A team's view: aggregates only, empty until `rules.min_members` members shared."""

    name: str
    language: Language
    created_at: str
    target_role: TeamRole | None
    members: int = Field(ge=0, description="members who shared their ratings")
    waiting_for: int = Field(ge=0, description="members still needed before anything is shown")
    rules: TeamRules
    coverage: float | None = Field(None, ge=0, le=1)
    heatmap: list[HeatmapRow]
    shared_gaps: list[SharedGap]
    missing: list[MissingLevel]
    id: str = Field(description="the coach's token: GET and DELETE /api/v1/teams/{id}")
    invitation: str = Field(description="the invitation's token: join with it")
    links: TeamLinks


Body = TypeVar("Body", bound=BaseModel)


def parse_body(model: type[Body], data: object) -> Body:
    """`data` as `model`, or `InvalidInput` naming each wrong field as the API reports it."""
    try:
        return model.model_validate(data, strict=True)
    except ValidationError as error:
        fields = {
            ".".join(str(part) for part in e["loc"]) or "(body)": _in_our_words(e)
            for e in error.errors()
        }
        raise InvalidInput(fields) from None


def _in_our_words(error: Any) -> str:
    """pydantic's message, worded as the rest of the API words its errors."""
    context = error.get("ctx") or {}
    expected = str(context.get("expected", "")).replace("'", "")
    words = {
        "missing": "is required",
        "string_type": "must be text",
        "int_type": "must be a whole number",
        "extra_forbidden": "unknown field",
        "literal_error": f"must be {expected}",
        "string_too_long": f"must be at most {context.get('max_length')} characters",
        "greater_than_equal": f"must be at least {context.get('ge')}",
        "less_than_equal": f"must be at most {context.get('le')}",
    }
    return words.get(error["type"], str(error["msg"]))
