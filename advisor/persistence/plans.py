"""Queries on saved plans: a session in (keyword-only), values or table rows out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, Table, delete, insert, text
from sqlmodel import Session, SQLModel, select

from advisor.persistence.models import (
    AssessmentRecord,
    Journey,
    PlanPdf,
    PlanRecord,
    ProfileRecord,
    TeamMember,
)


def database_answers(*, session: Session) -> bool:
    """True when a trivial query round-trips; used by the health check."""
    answer: object = session.execute(text("SELECT 1")).scalar_one()
    return answer == 1


def insert_plan(
    *,
    session: Session,
    profile: Mapping[str, Any],
    token: str,
    previous_token: str | None,
    taxonomy_version: str,
    language: str,
    body: str,
    journey_id: int | None,
    now: datetime,
) -> int:
    """Stage a profile, its assessments and its plan (the caller commits, once): a new journey
    unless `journey_id` names one, whose id is returned. Plain inserts, no object tracking:
    nothing is read back but the new ids, so the write transaction stays short."""
    if journey_id is None:
        journey_id = _insert(session, Journey, created_at=now)
    profile_id = _insert(
        session,
        ProfileRecord,
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
    rows = [
        {"profile_id": profile_id, "skill_id": skill_id, "level": level}
        for skill_id, level in sorted(profile.get("assessments", {}).items())
    ]
    if rows:
        session.execute(insert(_table(AssessmentRecord)), rows)
    session.execute(
        insert(_table(PlanRecord)).values(
            token=token,
            journey_id=journey_id,
            profile_id=profile_id,
            previous_token=previous_token,
            created_at=now,
            taxonomy_version=taxonomy_version,
            language=language,
            body=body,
        )
    )
    return journey_id


def _table(model: type[SQLModel]) -> Table:
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


def _insert(session: Session, model: type[SQLModel], **values: Any) -> int:
    """Insert one row and return its new id."""
    result = session.execute(insert(_table(model)).values(**values))
    key = cast("CursorResult[Any]", result).inserted_primary_key
    assert key is not None
    return int(key[0])


def plan_body_and_journey(*, session: Session | Connection, token: str) -> tuple[str, int] | None:
    """The JSON text of the plan with this token and its journey's id."""
    query = select(PlanRecord.body, PlanRecord.journey_id).where(PlanRecord.token == token)
    row = session.execute(query).first()
    return None if row is None else (str(row[0]), int(row[1]))


def plan_by_token(*, session: Session, token: str) -> PlanRecord | None:
    """The plan with this token (an indexed look-up: the token's 192 bits are the secret)."""
    return session.exec(select(PlanRecord).where(PlanRecord.token == token)).first()


# The newest plan made by reassessing plan `p`, looked up within its journey (indexed).
_NEWER = (
    "(SELECT n.token FROM plan n WHERE n.journey_id = p.journey_id AND n.previous_token = p.token"
    " ORDER BY n.id DESC LIMIT 1)"
)
_HEAD = text(f"SELECT p.id, {_NEWER} FROM plan p WHERE p.token = :token")  # noqa: S608
_PAGE = text(f"SELECT p.body, {_NEWER} FROM plan p WHERE p.token = :token")  # noqa: S608


def plan_head(*, session: Session | Connection, token: str) -> tuple[bool, str | None]:
    """Whether a plan has this token, and the token of its newer version: one indexed query,
    without the plan's body."""
    row = session.execute(_HEAD, {"token": token}).first()
    return (False, None) if row is None else (True, row[1])


def plan_page(*, session: Session | Connection, token: str) -> tuple[str, str | None] | None:
    """The plan's JSON text and the token of its newer version, in one query; None when no
    plan has this token."""
    row = session.execute(_PAGE, {"token": token}).first()
    return None if row is None else (str(row[0]), row[1])


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


@dataclass(frozen=True)
class StoredPdf:
    """A plan with one of its kept PDFs, if any: for which link, taxonomy and layout it was
    drawn, and its pages."""

    plan_id: int
    plan: str
    link: str
    taxonomy_version: str
    layout: str
    pages: int
    body: bytes | None


def stored_pdf(*, session: Session | Connection, token: str, kind: str) -> StoredPdf | None:
    """The plan with this token and its kept PDF of `kind` (one query); None when no plan
    has the token."""
    row = session.execute(_PDF, {"token": token, "kind": kind}).first()
    if row is None:
        return None
    body = None if row[6] is None else bytes(row[6])
    return StoredPdf(
        int(row[0]), str(row[1]), row[2] or "", row[3] or "", row[4] or "", int(row[5] or 0), body
    )


_PDF = text(
    "SELECT p.id, p.body, d.link, d.taxonomy_version, d.layout, d.pages, d.body FROM plan p"
    " LEFT JOIN plan_pdf d ON d.plan_id = p.id AND d.kind = :kind WHERE p.token = :token"
)


def keep_pdf(
    *,
    session: Session,
    plan_id: int,
    kind: str,
    link: str,
    taxonomy_version: str,
    layout: str,
    pages: int,
    body: bytes,
    now: datetime,
) -> None:
    """Stage the plan's PDF of `kind`, replacing any kept for another link, taxonomy or
    layout."""
    session.execute(
        delete(PlanPdf).where(PlanPdf.plan_id == plan_id, PlanPdf.kind == kind)  # type: ignore[arg-type]
    )
    session.execute(
        insert(_table(PlanPdf)).values(
            plan_id=plan_id,
            kind=kind,
            link=link,
            taxonomy_version=taxonomy_version,
            layout=layout,
            pages=pages,
            created_at=now,
            body=body,
        )
    )


def delete_journey(*, session: Session, journey_id: int) -> None:
    """Stage the erasure of a journey: its plans (and their kept PDFs), profiles and
    assessments, and its memberships of teams."""
    session.execute(delete(TeamMember).where(TeamMember.journey_id == journey_id))  # type: ignore[arg-type]
    plan_ids = select(PlanRecord.id).where(PlanRecord.journey_id == journey_id)
    session.execute(delete(PlanPdf).where(PlanPdf.plan_id.in_(plan_ids)))  # type: ignore[attr-defined]
    profiles = select(ProfileRecord.id).where(ProfileRecord.journey_id == journey_id)
    session.execute(delete(AssessmentRecord).where(AssessmentRecord.profile_id.in_(profiles)))  # type: ignore[attr-defined]
    session.execute(delete(PlanRecord).where(PlanRecord.journey_id == journey_id))  # type: ignore[arg-type]
    session.execute(delete(ProfileRecord).where(ProfileRecord.journey_id == journey_id))  # type: ignore[arg-type]
    session.execute(delete(Journey).where(Journey.id == journey_id))  # type: ignore[arg-type]


def count_rows(*, session: Session) -> dict[str, int]:
    """Rows per table: what tests and operators check after an erasure."""
    tables = ("journey", "profile", "assessment", "plan", "plan_pdf", "team", "team_member")
    return {
        name: int(session.execute(text(f"SELECT COUNT(*) FROM {name}")).scalar_one())
        for name in tables
    }
