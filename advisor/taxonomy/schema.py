"""The shape of the YAML files in `skills_data/`, as pydantic models (one per kind of file)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SkillId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+\.[a-z0-9-]+$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Level = Annotated[int, Field(ge=0, le=5)]
PositiveLevel = Annotated[int, Field(ge=1, le=5)]
Importance = Annotated[int, Field(ge=1, le=5)]


def well_formed_url(url: str) -> str:
    """An absolute http(s) URL with a host name and no spaces."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or "." not in parts.netloc or " " in url:
        raise ValueError(f"not a well-formed http(s) URL: {url!r}")
    return url


Url = Annotated[str, AfterValidator(well_formed_url)]
# official documentation, standard or law, peer-reviewed paper, first-party report, edited book,
# press article, blog
SourceKind = Literal["official", "standard", "paper", "report", "book", "press", "blog", "article"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextModel(Strict):
    en: Name
    fr: Name


class AliasesModel(Strict):
    en: list[Name] = Field(min_length=1)
    fr: list[Name] = Field(min_length=1)


class PrerequisiteModel(Strict):
    skill: SkillId
    level: PositiveLevel
    from_level: PositiveLevel = 1


class ResourceModel(Strict):
    title: Name
    url: Url
    kind: Literal["docs", "course", "tutorial", "book", "guide", "video", "standard"]
    language: Literal["en", "fr"]
    hours: float = Field(gt=0, le=500)
    cost: Literal["free", "paid"]


class EscoModel(Strict):
    uri: Annotated[
        str, StringConstraints(pattern=r"^http://data\.europa\.eu/esco/skill/[0-9a-f-]+$")
    ]
    relation: Literal["exactMatch", "closeMatch", "broadMatch"]
    label: str = ""


class OnetModel(Strict):
    example: Name
    hot_technology: bool
    in_demand: bool


class AnchorsModel(Strict):
    """What a person at each level has done or can do with the skill (YAML keys 1 to 5)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    novice: TextModel = Field(alias="1")
    advanced_beginner: TextModel = Field(alias="2")
    competent: TextModel = Field(alias="3")
    proficient: TextModel = Field(alias="4")
    expert: TextModel = Field(alias="5")

    def by_level(self) -> dict[int, TextModel]:
        levels = (self.novice, self.advanced_beginner, self.competent, self.proficient, self.expert)
        return dict(enumerate(levels, start=1))


Quote = Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=400)]


class CitationModel(Strict):
    """A source that discusses the skill, with the words of its page that show it does."""

    id: Slug
    quote: Quote
    # The words of the quote that name the skill, when it names it otherwise than by the
    # skill's label or aliases ("AI incidents" for AI incident response); checked to be there.
    names: Name | None = None

    @field_validator("quote")
    @classmethod
    def _short(cls, quote: str) -> str:
        if len(quote.split()) > 40:
            raise ValueError(f"a quote has at most 40 words ({len(quote.split())} here)")
        return quote


class SkillModel(Strict):
    id: SkillId
    label: TextModel
    aliases: AliasesModel
    context_aliases: dict[Name, list[Name]] = Field(default_factory=dict)
    description: TextModel
    anchors: AnchorsModel
    prerequisites: list[PrerequisiteModel] = Field(default_factory=list)
    effort_hours: list[Annotated[int, Field(gt=0, le=1000)]] = Field(min_length=5, max_length=5)
    resources: list[ResourceModel] = Field(min_length=1, max_length=4)
    esco: EscoModel | None = None
    onet: OnetModel | None = None
    sources: list[CitationModel] = Field(default_factory=list)

    def source_ids(self) -> list[str]:
        return [s.id for s in self.sources]

    @field_validator("effort_hours")
    @classmethod
    def _climbing_gets_harder(cls, hours: list[int]) -> list[int]:
        # The planner relies on it: a higher level never costs fewer hours than a lower one.
        if any(later < earlier for earlier, later in zip(hours, hours[1:], strict=False)):
            raise ValueError(f"effort hours must not decrease from one level to the next: {hours}")
        return hours


class SkillFileModel(Strict):
    domain: Slug
    skills: list[SkillModel] = Field(min_length=1)


class RequirementModel(Strict):
    level: Level
    importance: Importance


class AlternativesModel(Strict):
    """Any one of several interchangeable skills (AWS, Azure or GCP): the strongest counts."""

    id: Slug
    label: TextModel
    skills: list[SkillId] = Field(min_length=2)
    level: PositiveLevel
    importance: Importance


class RoleCitationModel(CitationModel):
    """A published definition of the role, with what of its requirements the definition backs."""

    supports: TextModel
    skills: list[SkillId] = Field(default_factory=list)


class RoleModel(Strict):
    id: Slug
    label: TextModel
    description: TextModel
    onet_soc: str | None = None
    requirements: dict[SkillId, RequirementModel] = Field(min_length=1)
    any_of: list[AlternativesModel] = Field(default_factory=list)
    sources: list[RoleCitationModel] = Field(default_factory=list)


class RolesFileModel(Strict):
    roles: list[RoleModel] = Field(min_length=1)


class SourceModel(Strict):
    """An article, report or official page; the skills it supports are those that cite it."""

    id: Slug
    title: Name
    publisher: Name
    date: date
    date_precision: Literal["day", "month", "year"] = "day"
    url: Url
    language: Literal["en", "fr"]
    # Optional here so that loading never fails on it; `taxonomy check` requires it.
    kind: SourceKind | None = None
    why_cited: Name | None = None
    summary: TextModel
    figures: list[TextModel] = Field(default_factory=list)


class SourcesFileModel(Strict):
    sources: list[SourceModel] = Field(min_length=1)


class DemandSignalModel(Strict):
    """A dated mention of skills in the market, counted by the demand prior."""

    title: Name
    date: date
    skills: list[SkillId] = Field(min_length=1)


class DemandFileModel(Strict):
    signals: list[DemandSignalModel] = Field(min_length=1)


class OriginRoleModel(Strict):
    """A role people come from, with the levels typical of someone who has held it."""

    id: Slug
    label: TextModel
    aliases: AliasesModel
    description: TextModel
    typical: dict[SkillId, PositiveLevel] = Field(min_length=3)


class OriginRolesFileModel(Strict):
    origin_roles: list[OriginRoleModel] = Field(min_length=1)


class LevelModel(Strict):
    level: Level
    label: TextModel
    anchor: TextModel


class LevelsFileModel(Strict):
    levels: list[LevelModel] = Field(min_length=6, max_length=6)


class DomainModel(Strict):
    id: Slug
    label: TextModel
    description: TextModel


class DomainsFileModel(Strict):
    domains: list[DomainModel] = Field(min_length=1)


class TaxonomyFileModel(Strict):
    version: Name
    replaced_by: dict[SkillId, SkillId | list[SkillId]] = Field(default_factory=dict)
    ambiguous_aliases: list[Name] = Field(default_factory=list)


@dataclass
class ParsedFolder:
    """Each file's validated model with its raw document (kept for line look-ups)."""

    meta: tuple[TaxonomyFileModel, Any] | None = None
    levels: tuple[LevelsFileModel, Any] | None = None
    domains: tuple[DomainsFileModel, Any] | None = None
    roles: tuple[RolesFileModel, Any] | None = None
    origin_roles: tuple[OriginRolesFileModel, Any] | None = None
    demand: tuple[DemandFileModel, Any] | None = None
    source_files: list[tuple[str, SourcesFileModel, Any]] = field(default_factory=list)
    skill_files: list[tuple[str, SkillFileModel, Any]] = field(default_factory=list)
