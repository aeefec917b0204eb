"""Queries on teams and their members: a session in (keyword-only), values out."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, text
from sqlmodel import Session

from advisor.persistence.models import PlanRecord, Team, TeamMember


@dataclass(frozen=True)
class TeamRow:
    """A team as the shell shows it; the tokens are its two links."""

    id: int
    coach_token: str
    invitation_token: str
    name: str
    language: str
    target_role: str | None
    created_at: datetime


_TEAM = select(
    Team.id,  # type: ignore[call-overload]
    Team.coach_token,
    Team.invitation_token,
    Team.name,
    Team.language,
    Team.target_role,
    Team.created_at,
)


def _team(connection: Session | Connection, where: object) -> TeamRow | None:
    row = connection.execute(_TEAM.where(where)).first()
    return None if row is None else TeamRow(*row)


def team_by_coach(*, session: Session | Connection, token: str) -> TeamRow | None:
    """The team whose dashboard this token opens (a unique, indexed column)."""
    return _team(session, Team.coach_token == token)


def team_by_invitation(*, session: Session | Connection, token: str) -> TeamRow | None:
    """The team this invitation joins."""
    return _team(session, Team.invitation_token == token)


def insert_team(
    *,
    session: Session,
    coach_token: str,
    invitation_token: str,
    name: str,
    language: str,
    target_role: str | None,
    now: datetime,
) -> None:
    """Stage a new team (the caller commits)."""
    session.execute(
        insert(Team).values(
            coach_token=coach_token,
            invitation_token=invitation_token,
            name=name,
            language=language,
            target_role=target_role,
            created_at=now,
        )
    )


def delete_team(*, session: Session, team_id: int) -> None:
    """Stage the erasure of a team and its memberships; the members' journeys stay."""
    session.execute(delete(TeamMember).where(TeamMember.team_id == team_id))  # type: ignore[arg-type]
    session.execute(delete(Team).where(Team.id == team_id))  # type: ignore[arg-type]


def add_member(*, session: Session, team_id: int, journey_id: int, now: datetime) -> None:
    """Stage a journey's joining a team; joining twice keeps the first membership."""
    known = session.execute(
        select(TeamMember.team_id).where(  # type: ignore[call-overload]
            TeamMember.team_id == team_id, TeamMember.journey_id == journey_id
        )
    ).first()
    if known is None:
        session.execute(
            insert(TeamMember).values(team_id=team_id, journey_id=journey_id, joined_at=now)
        )


def remove_member(*, session: Session, team_id: int, journey_id: int) -> bool:
    """Stage a journey's leaving a team; False when it was not a member."""
    result = session.execute(
        delete(TeamMember).where(
            TeamMember.team_id == team_id,  # type: ignore[arg-type]
            TeamMember.journey_id == journey_id,  # type: ignore[arg-type]
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def journey_of_plan(*, session: Session | Connection, token: str) -> int | None:
    """The journey of the plan with this token."""
    row = session.execute(
        select(PlanRecord.journey_id).where(PlanRecord.token == token)  # type: ignore[call-overload]
    ).first()
    return None if row is None else int(row[0])


_TEAMS_OF_PLAN = text(
    "SELECT t.id, t.coach_token, t.invitation_token, t.name, t.language, t.target_role,"
    " t.created_at FROM plan p JOIN team_member m ON m.journey_id = p.journey_id"
    " JOIN team t ON t.id = m.team_id WHERE p.token = :token ORDER BY m.joined_at, t.id"
)


def teams_of_plan(*, session: Session | Connection, token: str) -> list[TeamRow]:
    """The teams the plan's journey shares its ratings with."""
    rows = session.execute(_TEAMS_OF_PLAN, {"token": token}).all()
    return [TeamRow(*row) for row in rows]


# Each member's newest profile (the last assessment they made), its target and its ratings.
_RATINGS = text(
    "SELECT p.id, p.target_role, a.skill_id, a.level FROM team_member m"
    " JOIN profile p ON p.id = (SELECT MAX(q.id) FROM profile q WHERE q.journey_id = m.journey_id)"
    " LEFT JOIN assessment a ON a.profile_id = p.id WHERE m.team_id = :team"
)


@dataclass(frozen=True)
class MemberRatings:
    """One member's newest ratings, and the role their plan aims for."""

    target_role: str | None
    ratings: dict[str, int]


def member_ratings(*, session: Session | Connection, team_id: int) -> list[MemberRatings]:
    """The newest ratings of every member, in no particular order (members are never named,
    nor listed in the order they joined)."""
    targets: dict[int, str | None] = {}
    ratings: dict[int, dict[str, int]] = defaultdict(dict)
    for profile_id, target, skill_id, level in session.execute(_RATINGS, {"team": team_id}):
        targets[profile_id] = target
        if skill_id is not None:
            ratings[profile_id][skill_id] = int(level)
    ordered = sorted(targets, key=lambda p: sorted(ratings[p].items()))
    return [MemberRatings(targets[p], ratings[p]) for p in ordered]
