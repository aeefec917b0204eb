"""Queries on saved plans: a session in (keyword-only), values or table rows out."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, text
from sqlmodel import Session, select

from advisor.core.serialize import plan_json
from advisor.persistence.models import AssessmentRecord, Journey, PlanRecord, ProfileRecord


def database_answers(*, session: Session) -> bool:
    """True when a trivial query round-trips; used by the health check."""
    answer: object = session.execute(text("SELECT 1")).scalar_one()
    return answer == 1


def add_plan(
    *,
    session: Session,
    profile: Mapping[str, Any],
    plan: Mapping[str, Any],
    journey_id: int | None,
    now: datetime,
) -> PlanRecord:
    """Stage a profile, its assessments and its plan (the caller commits, once)."""
    if journey_id is None:
        journey = Journey(created_at=now)
        session.add(journey)
        session.flush()
        journey_id = journey.id
    assert journey_id is not None
    record = ProfileRecord(
        journey_id=journey_id,
        created_at=now,
        language=profile["language"],
        current_role=profile.get("current_role", ""),
        target_role=profile.get("target_role"),
        hours_per_week=profile["hours_per_week"],
        deadline_weeks=profile.get("deadline_weeks"),
        experience=profile.get("experience", ""),
        target_ad=profile.get("target_ad") or None,
    )
    session.add(record)
    session.flush()
    assert record.id is not None
    for skill_id, level in sorted(profile.get("assessments", {}).items()):
        session.add(AssessmentRecord(profile_id=record.id, skill_id=skill_id, level=level))
    saved = PlanRecord(
        token=plan["id"],
        journey_id=journey_id,
        profile_id=record.id,
        previous_token=(plan.get("progress") or {}).get("previous_plan"),
        created_at=now,
        taxonomy_version=plan["taxonomy_version"],
        language=plan["language"],
        body=plan_json(plan),
    )
    session.add(saved)
    return saved


def plan_by_token(*, session: Session, token: str) -> PlanRecord | None:
    """The plan with this token (an indexed look-up: the token's 192 bits are the secret)."""
    return session.exec(select(PlanRecord).where(PlanRecord.token == token)).first()


def newer_plan_token(*, session: Session, plan: PlanRecord) -> str | None:
    """The token of the plan made by reassessing `plan`, if any (looked up within its journey,
    whose index keeps the query small)."""
    query = select(PlanRecord.token).where(
        PlanRecord.journey_id == plan.journey_id, PlanRecord.previous_token == plan.token
    )
    found = session.execute(query.order_by(PlanRecord.id.desc())).first()  # type: ignore[union-attr]
    return None if found is None else str(found[0])


def profile_of(*, session: Session, plan: PlanRecord) -> tuple[ProfileRecord, dict[str, int]]:
    """The profile a plan was computed from, with its assessments."""
    profile = session.get(ProfileRecord, plan.profile_id)
    assert profile is not None
    rows = session.exec(select(AssessmentRecord).where(AssessmentRecord.profile_id == profile.id))
    return profile, {row.skill_id: row.level for row in rows}


def delete_journey(*, session: Session, journey_id: int) -> None:
    """Stage the erasure of a journey: its plans, profiles and assessments."""
    profiles = select(ProfileRecord.id).where(ProfileRecord.journey_id == journey_id)
    session.execute(delete(AssessmentRecord).where(AssessmentRecord.profile_id.in_(profiles)))  # type: ignore[attr-defined]
    session.execute(delete(PlanRecord).where(PlanRecord.journey_id == journey_id))  # type: ignore[arg-type]
    session.execute(delete(ProfileRecord).where(ProfileRecord.journey_id == journey_id))  # type: ignore[arg-type]
    session.execute(delete(Journey).where(Journey.id == journey_id))  # type: ignore[arg-type]


def count_rows(*, session: Session) -> dict[str, int]:
    """Rows per table: what tests and operators check after an erasure."""
    tables = ("journey", "profile", "assessment", "plan")
    return {
        name: int(session.execute(text(f"SELECT COUNT(*) FROM {name}")).scalar_one())
        for name in tables
    }
