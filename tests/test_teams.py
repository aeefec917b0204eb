"""Teams on real SQLite and PostgreSQL: create, join with a plan, the view its members'
newest ratings give, leave, erase a plan or a team, and what an unknown token gets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from advisor.core.errors import InvalidInput
from advisor.core.planning import MIN_SHARED, Band
from advisor.persistence.engine import make_engine, prepare
from advisor.persistence.plans import count_rows
from advisor.persistence.store import Store
from advisor.services import plans, teams
from advisor.services.advisor import Advisor, build_advisor

FIXTURE = Path(__file__).parent / "fixtures" / "taxonomy"
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
ROLE = "mlops-engineer"


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    engine = make_engine(database_url)
    prepare(engine)
    yield Store(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def advisor() -> Advisor:
    return build_advisor(FIXTURE, date(2026, 12, 7))


def profile(serving: int, language: str = "en", role: str = ROLE) -> dict[str, Any]:
    return {
        "language": language,
        "target_role": role,
        "hours_per_week": 5,
        "assessments": {"mlops.model-serving": serving, "foundations.python": 3},
    }


def new_team(store: Store, advisor: Advisor, **fields: Any) -> teams.TeamRow:
    data = {"name": "Ops to MLOps, spring cohort", "language": "fr", **fields}
    return teams.create_team(store=store, advisor=advisor, data=data, now=NOW)


def member(store: Store, advisor: Advisor, team: teams.TeamRow, serving: int) -> str:
    plan, _ = plans.save_plan(
        store=store,
        advisor=advisor,
        profile_data=profile(serving),
        now=NOW,
        team_invitation=team.invitation_token,
    )
    return str(plan["id"])


def serving_row(store: Store, advisor: Advisor, team: teams.TeamRow) -> Any:
    view = teams.dashboard(store=store, advisor=advisor, coach_token=team.coach_token).view
    return next(row for row in view.rows if row.skill == "mlops.model-serving")


def test_a_team_has_two_different_unguessable_links(store: Store, advisor: Advisor) -> None:
    first, second = new_team(store, advisor), new_team(store, advisor)
    tokens = {first.coach_token, first.invitation_token, second.coach_token}
    assert len(tokens) == 3 and all(len(t) >= 32 for t in tokens)
    opened = teams.dashboard(store=store, advisor=advisor, coach_token=first.coach_token)
    assert opened.team.name == "Ops to MLOps, spring cohort" and opened.team.language == "fr"
    with pytest.raises(teams.TeamNotFound):
        teams.dashboard(store=store, advisor=advisor, coach_token=first.invitation_token)


def test_bad_settings_name_every_field_and_save_nothing(store: Store, advisor: Advisor) -> None:
    data = {"name": " ", "language": "de", "target_role": "astronaut", "colour": "red"}
    with pytest.raises(InvalidInput) as raised:
        teams.create_team(store=store, advisor=advisor, data=data, now=NOW)
    assert set(raised.value.fields) == {"name", "language", "target_role", "colour"}
    with store.read() as session:
        assert count_rows(session=session)["team"] == 0


def test_nothing_is_shown_before_five_members_shared(store: Store, advisor: Advisor) -> None:
    team = new_team(store, advisor, target_role=ROLE)
    for serving in range(MIN_SHARED - 1):
        member(store, advisor, team, serving)
    view = teams.dashboard(store=store, advisor=advisor, coach_token=team.coach_token).view
    assert (view.members, view.waiting_for, view.rows, view.coverage) == (4, 1, (), None)
    member(store, advisor, team, 4)
    view = teams.dashboard(store=store, advisor=advisor, coach_token=team.coach_token).view
    assert view.waiting_for == 0 and view.rows and view.coverage is not None


def test_a_reassessment_updates_the_view_and_leaving_removes_the_member(
    store: Store, advisor: Advisor
) -> None:
    team = new_team(store, advisor, target_role=ROLE)
    tokens = [member(store, advisor, team, 0) for _ in range(5)]
    assert serving_row(store, advisor, team).bands[0] == Band(0, 0, 5)
    plans.save_plan(
        store=store, advisor=advisor, profile_data=profile(4), now=NOW, previous_token=tokens[0]
    )
    row = serving_row(store, advisor, team)
    # One person at 4 and four at 0: no split of the row keeps 3 people on each side.
    assert row.bands == (Band(0, 5, 5),)
    left = teams.leave(store=store, plan_token=tokens[1], invitation_token=team.invitation_token)
    assert left.name == team.name
    view = teams.dashboard(store=store, advisor=advisor, coach_token=team.coach_token).view
    assert view.members == 4 and view.waiting_for == 1
    with pytest.raises(teams.TeamNotFound):  # not a member any more
        teams.leave(store=store, plan_token=tokens[1], invitation_token=team.invitation_token)


def test_deleting_a_plan_removes_it_from_the_team_at_once(store: Store, advisor: Advisor) -> None:
    team = new_team(store, advisor)
    tokens = [member(store, advisor, team, 1) for _ in range(5)]
    plans.delete_plan(store=store, token=tokens[0])
    view = teams.dashboard(store=store, advisor=advisor, coach_token=team.coach_token).view
    assert view.members == 4
    assert teams.teams_of_plan(store=store, token=tokens[1])[0].name == team.name


def test_deleting_a_team_keeps_the_members_plans(store: Store, advisor: Advisor) -> None:
    team = new_team(store, advisor)
    tokens = [member(store, advisor, team, 2) for _ in range(3)]
    teams.delete_team(store=store, coach_token=team.coach_token)
    with store.read() as session:
        counted = count_rows(session=session)
    assert (counted["team"], counted["team_member"], counted["plan"]) == (0, 0, 3)
    assert all(plans.get_plan(store=store, token=t)["id"] == t for t in tokens)
    assert teams.teams_of_plan(store=store, token=tokens[0]) == []
    with pytest.raises(teams.TeamNotFound):
        teams.invitation(store=store, token=team.invitation_token)


def test_an_unknown_invitation_saves_no_plan(store: Store, advisor: Advisor) -> None:
    team = new_team(store, advisor)
    teams.delete_team(store=store, coach_token=team.coach_token)
    for token in (team.invitation_token, "x" * 32, "not a token\udc80"):
        with pytest.raises(plans.TeamNotFound):
            member(store, advisor, replace(team, invitation_token=token), 1)
    with store.read() as session:
        assert count_rows(session=session)["plan"] == 0


def test_without_a_target_the_view_is_of_the_role_most_members_aim_for(
    store: Store, advisor: Advisor
) -> None:
    team = new_team(store, advisor)
    for role in ("python-developer", ROLE, ROLE, "python-developer", ROLE):
        plans.save_plan(
            store=store,
            advisor=advisor,
            profile_data=profile(1, role=role),
            now=NOW,
            team_invitation=team.invitation_token,
        )
    opened = teams.dashboard(store=store, advisor=advisor, coach_token=team.coach_token)
    assert opened.view.role == ROLE and not opened.role_chosen
