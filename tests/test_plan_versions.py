"""A reassessed plan knows its newer version (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from advisor.persistence.engine import make_engine, prepare
from advisor.persistence.store import Store
from advisor.services import plans
from advisor.services.advisor import Advisor, build_advisor
from tests.conftest import FIXTURE_TAXONOMY

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PROFILE = {"language": "en", "target_role": "mlops-engineer", "hours_per_week": 6}


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    engine = make_engine(database_url)
    prepare(engine)
    yield Store(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def advisor() -> Advisor:
    return build_advisor(FIXTURE_TAXONOMY, date(2026, 12, 1))


def create(store: Store, advisor: Advisor, previous: str | None = None) -> str:
    plan = plans.create_plan(
        store=store, advisor=advisor, profile_data=PROFILE, now=NOW, previous_token=previous
    )
    return str(plan["id"])


def test_each_version_points_to_the_next_one(store: Store, advisor: Advisor) -> None:
    first = create(store, advisor)
    assert plans.newer_plan_token(store=store, token=first) is None
    second = create(store, advisor, previous=first)
    third = create(store, advisor, previous=second)
    other = create(store, advisor)  # another person's plan is no version of these
    assert plans.newer_plan_token(store=store, token=first) == second
    assert plans.newer_plan_token(store=store, token=second) == third
    assert plans.newer_plan_token(store=store, token=third) is None
    assert plans.newer_plan_token(store=store, token=other) is None


def test_an_unknown_plan_has_no_versions(store: Store) -> None:
    with pytest.raises(plans.PlanNotFound):
        plans.newer_plan_token(store=store, token="x" * 32)
