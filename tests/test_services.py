"""Saved plans on real SQLite and PostgreSQL: create, read, reassess, erase, no half-writes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError
from sqlmodel import Session

from advisor import repository, services
from advisor.core.profile import ProfileError
from advisor.db import create_schema, make_engine

FIXTURE = Path(__file__).parent / "fixtures" / "taxonomy"
NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
PROFILE = {
    "language": "fr",
    "target_role": "mlops-engineer",
    "hours_per_week": 6,
    "current_role": "Administrateur système",
    "assessments": {"foundations.python": 2, "foundations.containers": 1},
    "experience": "J’administre des serveurs Linux et des conteneurs Docker.",
}


REFUSE_PLANS = {
    "sqlite": [
        "CREATE TRIGGER refuse_plans BEFORE INSERT ON plan BEGIN SELECT RAISE(ABORT, 'full'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'full'; END $$ "
        "LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_plans BEFORE INSERT ON plan FOR EACH ROW EXECUTE FUNCTION refuse()",
    ],
}


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    create_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@pytest.fixture(scope="module")
def advisor() -> services.Advisor:
    return services.build_advisor(FIXTURE, date(2026, 11, 24))


def test_a_created_plan_reads_back_the_same(session: Session, advisor: services.Advisor) -> None:
    plan = services.create_plan(session=session, advisor=advisor, profile_data=PROFILE, now=NOW)
    assert len(plan["id"]) >= 32  # 192 bits, URL-safe
    assert services.get_plan(session=session, token=plan["id"]) == plan
    assert plan["target_role"]["label"] == "Ingénieur·e MLOps"
    assert plan["items"][0]["rank"] == 1


def test_the_profile_is_kept_for_reassessment(session: Session, advisor: services.Advisor) -> None:
    plan = services.create_plan(session=session, advisor=advisor, profile_data=PROFILE, now=NOW)
    profile = services.get_profile(session=session, token=plan["id"])
    assert profile["assessments"] == PROFILE["assessments"]
    assert profile["experience"] == PROFILE["experience"]


def test_an_invalid_profile_writes_nothing(session: Session, advisor: services.Advisor) -> None:
    with pytest.raises(ProfileError):
        services.create_plan(
            session=session, advisor=advisor, profile_data={**PROFILE, "hours_per_week": 0}, now=NOW
        )
    assert set(repository.count_rows(session=session).values()) == {0}


def test_a_failure_inside_the_transaction_leaves_no_half_plan(
    session: Session, advisor: services.Advisor
) -> None:
    # The database itself refuses the last insert of the transaction (the plan row).
    for statement in REFUSE_PLANS[session.get_bind().dialect.name]:
        session.execute(text(statement))
    session.commit()
    with pytest.raises(DatabaseError):
        services.create_plan(session=session, advisor=advisor, profile_data=PROFILE, now=NOW)
    assert set(repository.count_rows(session=session).values()) == {0}


def test_a_reassessment_links_to_the_previous_plan_and_shows_progress(
    session: Session, advisor: services.Advisor
) -> None:
    first = services.create_plan(session=session, advisor=advisor, profile_data=PROFILE, now=NOW)
    better = {**PROFILE, "assessments": {"foundations.python": 3, "foundations.containers": 3}}
    second = services.create_plan(
        session=session, advisor=advisor, profile_data=better, now=NOW, previous_token=first["id"]
    )
    progress = second["progress"]
    assert progress["previous_plan"] == first["id"]
    assert {c["skill"]: (c["before"], c["after"]) for c in progress["levels_gained"]} == {
        "foundations.python": (2, 3),
        "foundations.containers": (1, 3),
    }
    assert progress["hours_done"] == 30 + (10 + 15)
    assert progress["fit_after"] > progress["fit_before"]
    assert set(progress["items_completed"]) == {"foundations.python", "foundations.containers"}


def test_deleting_erases_the_whole_journey(session: Session, advisor: services.Advisor) -> None:
    first = services.create_plan(session=session, advisor=advisor, profile_data=PROFILE, now=NOW)
    second = services.create_plan(
        session=session, advisor=advisor, profile_data=PROFILE, now=NOW, previous_token=first["id"]
    )
    other = services.create_plan(session=session, advisor=advisor, profile_data=PROFILE, now=NOW)
    services.delete_plan(session=session, token=second["id"])
    for token in (first["id"], second["id"]):
        with pytest.raises(services.PlanNotFound):
            services.get_plan(session=session, token=token)
    assert services.get_plan(session=session, token=other["id"]) == other
    assert repository.count_rows(session=session) == {
        "journey": 1,
        "profile": 1,
        "assessment": 2,
        "plan": 1,
    }


def test_an_unknown_token_is_not_found(session: Session) -> None:
    with pytest.raises(services.PlanNotFound):
        services.get_plan(session=session, token="x" * 32)


def test_saved_assessments_survive_a_renamed_merged_or_split_skill(
    session: Session, advisor: services.Advisor, tmp_path: Path
) -> None:
    first = services.create_plan(session=session, advisor=advisor, profile_data=PROFILE, now=NOW)
    # The next taxonomy version renames Python and merges it under a new id.
    renamed = tmp_path / "skills_data"
    shutil.copytree(FIXTURE, renamed)
    for path in renamed.rglob("*.yaml"):
        path.write_text(path.read_text().replace("foundations.python", "foundations.python-lang"))
    meta = renamed / "taxonomy.yaml"
    meta.write_text(
        meta.read_text()
        .replace('version: "test-1"', 'version: "test-2"')
        .replace("replaced_by:\n", "replaced_by:\n  foundations.python: foundations.python-lang\n")
    )
    newer = services.build_advisor(renamed, date(2026, 11, 24))
    saved = services.get_profile(session=session, token=first["id"])
    assert "foundations.python" in saved["assessments"]
    again = services.create_plan(
        session=session, advisor=newer, profile_data=saved, now=NOW, previous_token=first["id"]
    )
    assert again["assessments"]["foundations.python-lang"] == 2
    assert again["progress"]["levels_gained"] == []
    assert again["taxonomy_version"] == "test-2"
