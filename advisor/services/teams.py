"""Use cases of teams: create one, open its dashboard, join, leave, erase.

A team holds no one's plan: it points at the journeys whose owners chose to share their
ratings, and its dashboard aggregates their newest ratings only (`advisor.core.planning.team`).
The coach's token opens the dashboard; the invitation token only joins.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from advisor.core.planning import TeamSettings, TeamView, parse_team, team_view
from advisor.core.wording import team_dict
from advisor.persistence import teams
from advisor.persistence.store import Store
from advisor.persistence.teams import TeamRow
from advisor.services.advisor import Advisor
from advisor.services.plans import TOKEN_SHAPE, PlanNotFound, TeamNotFound

__all__ = [
    "Dashboard",
    "TeamNotFound",
    "TeamRow",
    "create_team",
    "dashboard",
    "delete_team",
    "invitation",
    "join",
    "leave",
    "summary",
    "teams_of_plan",
]


def _token() -> str:
    """An unguessable token: 192 random bits, URL-safe, as a plan's."""
    return secrets.token_urlsafe(24)


def create_team(*, store: Store, advisor: Advisor, data: Any, now: datetime) -> TeamRow:
    """Validate and save a team with its two links; raises `InvalidInput` naming the fields."""
    settings: TeamSettings = parse_team(data, advisor.taxonomy)
    coach, invitation = _token(), _token()
    with store.write() as session:
        teams.insert_team(
            session=session,
            coach_token=coach,
            invitation_token=invitation,
            name=settings.name,
            language=settings.language,
            target_role=settings.target_role,
            now=now,
        )
    return TeamRow(
        0, coach, invitation, settings.name, settings.language, settings.target_role, now
    )


def _by_coach(connection: Session | Connection, token: str) -> TeamRow:
    found = teams.team_by_coach(session=connection, token=token) if _shaped(token) else None
    if found is None:
        raise TeamNotFound(token)
    return found


def _shaped(token: str) -> bool:
    # What cannot be a token never reaches the database (a lone surrogate cannot be encoded).
    return bool(TOKEN_SHAPE.fullmatch(token))


def invitation(*, store: Store, token: str) -> TeamRow:
    """The team an invitation joins; raises `TeamNotFound`."""
    with store.query() as connection:
        found = (
            teams.team_by_invitation(session=connection, token=token) if _shaped(token) else None
        )
    if found is None:
        raise TeamNotFound(token)
    return found


@dataclass(frozen=True)
class Dashboard:
    """A team and the view of its members' ratings; `role_chosen` says whether the role is
    the team's own or the one most members aim for."""

    team: TeamRow
    view: TeamView
    role_chosen: bool


def dashboard(*, store: Store, advisor: Advisor, coach_token: str) -> Dashboard:
    """The team's view: its members' newest ratings against its target role (or, without
    one, the role most of them aim for). Raises `TeamNotFound`."""
    with store.query() as connection:
        team = _by_coach(connection, coach_token)
        members = teams.member_ratings(session=connection, team_id=team.id)
    role_id = team.target_role or _commonest_target([m.target_role for m in members])
    role = advisor.taxonomy.roles.get(role_id or "")
    view = team_view(advisor.taxonomy, role, [m.ratings for m in members])
    return Dashboard(team, view, team.target_role is not None)


def summary(*, store: Store, advisor: Advisor, coach_token: str) -> tuple[TeamRow, dict[str, Any]]:
    """The team and its dashboard as public JSON, in the team's language
    (`advisor.core.wording.team`); raises `TeamNotFound`."""
    found = dashboard(store=store, advisor=advisor, coach_token=coach_token)
    return found.team, team_dict(
        name=found.team.name,
        language=found.team.language,
        created_at=found.team.created_at,
        view=found.view,
        taxonomy=advisor.taxonomy,
        role_chosen=found.role_chosen,
    )


def _commonest_target(targets: list[str | None]) -> str | None:
    counted = Counter(t for t in targets if t)
    if not counted:
        return None
    return min(counted, key=lambda role: (-counted[role], role))


def delete_team(*, store: Store, coach_token: str) -> None:
    """Erase a team, its links and memberships; the members' plans stay theirs."""
    with store.write() as session:
        team = _by_coach(session, coach_token)
        teams.delete_team(session=session, team_id=team.id)
    store.scrub()


def join(*, store: Store, invitation_token: str, plan_token: str, now: datetime) -> TeamRow:
    """Share the journey of a plan with the team of an invitation. Raises `TeamNotFound` or
    `PlanNotFound`; either way nothing is written."""
    try:
        with store.write() as session:
            team = _invited(session, invitation_token)
            journey = _journey(session, plan_token)
            teams.add_member(session=session, team_id=team.id, journey_id=journey, now=now)
    except IntegrityError:
        raise TeamNotFound(invitation_token) from None  # deleted meanwhile
    return team


def _invited(session: Session, token: str) -> TeamRow:
    found = teams.team_by_invitation(session=session, token=token) if _shaped(token) else None
    if found is None:
        raise TeamNotFound(token)
    return found


def _journey(session: Session | Connection, plan_token: str) -> int:
    journey = (
        teams.journey_of_plan(session=session, token=plan_token) if _shaped(plan_token) else None
    )
    if journey is None:
        raise PlanNotFound(plan_token)
    return journey


def leave(*, store: Store, plan_token: str, invitation_token: str) -> TeamRow:
    """Stop sharing a plan's journey with a team (named by its invitation, which the member
    knows: the plan page never holds the coach's link). Raises `PlanNotFound` or
    `TeamNotFound` (also when the journey was not a member)."""
    with store.write() as session:
        team = _invited(session, invitation_token)
        journey = _journey(session, plan_token)
        if not teams.remove_member(session=session, team_id=team.id, journey_id=journey):
            raise TeamNotFound(invitation_token)
    return team


def teams_of_plan(*, store: Store, token: str) -> list[TeamRow]:
    """The teams a plan's journey shares its ratings with (none for an unknown token)."""
    if not _shaped(token):
        return []
    with store.query() as connection:
        return teams.teams_of_plan(session=connection, token=token)
