"""The database tables (SQLModel), all in one module so the schema reads in one place.

A person's data is a *journey*: the profile they filled in, each assessment of their skills,
and each plan computed from them. Reassessing adds to the same journey; "Delete my data"
erases the journey and everything in it. Nothing links a journey to an identity: the only key
a person holds is the unguessable token of a plan.

A *team* is a coach's group: a journey shared with it is one member, counted in aggregates
only. Leaving a team, or deleting one's plan, removes the membership; deleting the team
removes it and its memberships, never the members' journeys.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

metadata = SQLModel.metadata


class Journey(SQLModel, table=True):
    """One person's run of plans; deleting it deletes everything below it."""

    __tablename__ = "journey"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime


class ProfileRecord(SQLModel, table=True):
    """What the person told us about themselves when asking for one plan."""

    __tablename__ = "profile"

    id: int | None = Field(default=None, primary_key=True)
    journey_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("journey.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    created_at: datetime
    language: str = Field(max_length=2)
    current_role: str = Field(default="", max_length=200)
    target_role: str | None = Field(default=None, max_length=80)
    hours_per_week: int
    deadline_weeks: int | None = None
    experience: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # The job ad planned for, when the person gave one instead of a role.
    target_ad: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class AssessmentRecord(SQLModel, table=True):
    """One self-assessed level of one skill, as given in one profile."""

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("profile_id", "skill_id"),)

    id: int | None = Field(default=None, primary_key=True)
    profile_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("profile.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    skill_id: str = Field(max_length=120)
    level: int


class PlanRecord(SQLModel, table=True):
    """A computed plan, kept as the public JSON it was served as."""

    __tablename__ = "plan"

    id: int | None = Field(default=None, primary_key=True)
    token: str = Field(sa_column=Column(String(64), unique=True, nullable=False, index=True))
    journey_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("journey.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    profile_id: int = Field(
        sa_column=Column(Integer, ForeignKey("profile.id", ondelete="CASCADE"), nullable=False)
    )
    previous_token: str | None = Field(default=None, max_length=64)
    created_at: datetime
    taxonomy_version: str = Field(max_length=40)
    language: str = Field(max_length=2)
    body: str = Field(sa_column=Column(Text, nullable=False))


class PlanPdf(SQLModel, table=True):
    """A plan's PDF as first rendered — the two-page summary (`kind` "summary") or the full
    plan ("details") — for the link it prints, the taxonomy that named its skills and the
    layout that drew it, with its number of pages: a plan never changes, so each document is
    drawn once, and erased with its journey."""

    __tablename__ = "plan_pdf"

    plan_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    kind: str = Field(sa_column=Column(String(10), primary_key=True, nullable=False))
    link: str = Field(sa_column=Column(Text, nullable=False))
    taxonomy_version: str = Field(max_length=40)
    layout: str = Field(max_length=10)
    pages: int
    created_at: datetime
    body: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Team(SQLModel, table=True):
    """A coach's group: the dashboard opens with `coach_token`, members join with
    `invitation_token` (both unguessable, neither opens the other's page)."""

    __tablename__ = "team"

    id: int | None = Field(default=None, primary_key=True)
    coach_token: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    invitation_token: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    name: str = Field(max_length=100)
    language: str = Field(max_length=2)
    target_role: str | None = Field(default=None, max_length=80)
    created_at: datetime


class TeamMember(SQLModel, table=True):
    """A journey whose ratings (those of its newest plan) are shared with a team."""

    __tablename__ = "team_member"

    team_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("team.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    journey_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey("journey.id", ondelete="CASCADE"),
            primary_key=True,
            nullable=False,
            index=True,
        )
    )
    joined_at: datetime


class Article(SQLModel, table=True):
    """An ingested article: counted once however often it is ingested (by content hash)."""

    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(sa_column=Column(String(64), unique=True, nullable=False, index=True))
    title: str = Field(max_length=300)
    published: date | None = None
    language: str = Field(max_length=2)
    source: str = Field(max_length=500)
    characters: int
    ingested_at: datetime
    # Kept for finding emerging terms; plain text, scripts and markup already dropped.
    text: str = Field(sa_column=Column(Text, nullable=False, default=""))


class Mention(SQLModel, table=True):
    """How often an article mentions a skill, with the sentences that do (the evidence)."""

    __tablename__ = "mention"
    __table_args__ = (UniqueConstraint("article_id", "skill_id"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    skill_id: str = Field(sa_column=Column(String(120), nullable=False, index=True))
    count: int
    evidence: str = Field(sa_column=Column(Text, nullable=False, default=""))


class SkillDemand(SQLModel, table=True):
    """The demand signal as last computed from the sources and the ingested articles."""

    __tablename__ = "skill_demand"

    skill_id: str = Field(sa_column=Column(String(120), primary_key=True))
    value: float
    articles: int
    computed_at: datetime
