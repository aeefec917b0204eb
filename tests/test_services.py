"""Saved plans on real SQLite and PostgreSQL: create, read, reassess, erase, no half-writes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from advisor.core.errors import InvalidProfile
from advisor.persistence.engine import make_engine, prepare
from advisor.persistence.plans import count_rows
from advisor.persistence.store import Store
from advisor.services import plans
from advisor.services.advisor import Advisor, build_advisor

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
def store(database_url: str) -> Iterator[Store]:
    engine = make_engine(database_url)
    prepare(engine)
    yield Store(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def advisor() -> Advisor:
    return build_advisor(FIXTURE, date(2026, 11, 24))


def rows(store: Store) -> dict[str, int]:
    with store.read() as session:
        return count_rows(session=session)


def test_a_created_plan_reads_back_the_same(store: Store, advisor: Advisor) -> None:
    plan = plans.create_plan(store=store, advisor=advisor, profile_data=PROFILE, now=NOW)
    assert len(plan["id"]) >= 32  # 192 bits, URL-safe
    assert plans.get_plan(store=store, token=plan["id"]) == plan
    assert plan["target_role"]["label"] == "Ingénieur·e MLOps"
    assert plan["items"][0]["rank"] == 1


def test_a_plan_keeps_to_the_published_contract(advisor: Advisor) -> None:
    from advisor.web.plan_contract import Plan

    _, body = plans.plan_for_profile(advisor, {**PROFILE, "deadline_weeks": 4}, now=NOW)
    parsed = Plan.model_validate(body)
    assert [m.id for m in parsed.milestones] == ["ready", "deepen"]
    assert parsed.milestones[0].end_date == "2026-12-01" or parsed.milestones[0].end_week > 1
    assert parsed.deadline is not None and parsed.deadline.week_marked == 4
    assert parsed.end_date is not None and parsed.months is not None
    assert all(item.why_here for item in parsed.items)
    assert body["items"][0]["why_here"].startswith("D’abord")
    assert {s.first_milestone_weeks is not None for s in parsed.role_suggestions} == {True}


def test_the_profile_is_kept_for_reassessment(store: Store, advisor: Advisor) -> None:
    plan = plans.create_plan(store=store, advisor=advisor, profile_data=PROFILE, now=NOW)
    profile = plans.get_profile(store=store, token=plan["id"])
    assert profile["assessments"] == PROFILE["assessments"]
    assert profile["experience"] == PROFILE["experience"]


def test_an_invalid_profile_writes_nothing(store: Store, advisor: Advisor) -> None:
    with pytest.raises(InvalidProfile):
        plans.create_plan(
            store=store, advisor=advisor, profile_data={**PROFILE, "hours_per_week": 0}, now=NOW
        )
    assert set(rows(store).values()) == {0}


def test_a_failure_inside_the_transaction_leaves_no_half_plan(
    store: Store, advisor: Advisor
) -> None:
    # The database itself refuses the last insert of the transaction (the plan row).
    with store.write() as session:
        for statement in REFUSE_PLANS[store.engine.dialect.name]:
            session.execute(text(statement))
    with pytest.raises(DatabaseError):
        plans.create_plan(store=store, advisor=advisor, profile_data=PROFILE, now=NOW)
    assert set(rows(store).values()) == {0}


def test_a_reassessment_links_to_the_previous_plan_and_shows_progress(
    store: Store, advisor: Advisor
) -> None:
    first = plans.create_plan(store=store, advisor=advisor, profile_data=PROFILE, now=NOW)
    better = {**PROFILE, "assessments": {"foundations.python": 3, "foundations.containers": 3}}
    second = plans.create_plan(
        store=store, advisor=advisor, profile_data=better, now=NOW, previous_token=first["id"]
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


def test_deleting_erases_the_whole_journey(store: Store, advisor: Advisor) -> None:
    first = plans.create_plan(store=store, advisor=advisor, profile_data=PROFILE, now=NOW)
    second = plans.create_plan(
        store=store, advisor=advisor, profile_data=PROFILE, now=NOW, previous_token=first["id"]
    )
    other = plans.create_plan(store=store, advisor=advisor, profile_data=PROFILE, now=NOW)
    plans.delete_plan(store=store, token=second["id"])
    for token in (first["id"], second["id"]):
        with pytest.raises(plans.PlanNotFound):
            plans.get_plan(store=store, token=token)
    assert plans.get_plan(store=store, token=other["id"]) == other
    assert rows(store) == {
        "journey": 1,
        "profile": 1,
        "assessment": 2,
        "plan": 1,
        "plan_pdf": 0,
        "team": 0,
        "team_member": 0,
    }


def _pdf_args(
    token: str,
    drawn: list[str],
    link: str = "https://a.example/plans/t",
    kind: str = plans.SUMMARY,
    layout: str = "2",
) -> Any:
    def render(plan: dict[str, Any]) -> plans.Drawn:
        drawn.append(plan["id"])
        return plans.Drawn(b"%PDF-1.4 " + kind.encode() + plan["id"].encode(), 2)

    return {
        "token": token,
        "link": link,
        "taxonomy_version": "v1",
        "layout": layout,
        "render": render,
        "now": NOW,
        "kind": kind,
    }


def test_a_plans_pdf_is_drawn_once_then_read_from_the_database(
    store: Store, advisor: Advisor
) -> None:
    plan = plans.create_plan(store=store, advisor=advisor, profile_data=PROFILE, now=NOW)
    drawn: list[str] = []
    first = plans.plan_pdf(store=store, **_pdf_args(plan["id"], drawn))
    # Another worker (another Store on the same database) reads the same bytes.
    again = plans.plan_pdf(store=Store(store.engine), **_pdf_args(plan["id"], drawn))
    assert first == again == (plan, plans.Drawn(b"%PDF-1.4 summary" + plan["id"].encode(), 2))
    assert drawn == [plan["id"]]
    assert rows(store)["plan_pdf"] == 1
    # Served from another address, the PDF prints another link: drawn again, and replaced.
    plans.plan_pdf(store=store, **_pdf_args(plan["id"], drawn, "https://b.example/plans/t"))
    assert drawn == [plan["id"]] * 2
    assert rows(store)["plan_pdf"] == 1
    # Drawn by another version of the layout: drawn again.
    other = _pdf_args(plan["id"], drawn, "https://b.example/plans/t", layout="3")
    plans.plan_pdf(store=store, **other)
    assert drawn == [plan["id"]] * 3
    # The full plan is kept beside the summary, with its pages.
    full = _pdf_args(plan["id"], drawn, "https://b.example/plans/t", plans.DETAILS, "3")
    _, kept = plans.plan_pdf(store=store, **full)
    _, again_full = plans.plan_pdf(store=Store(store.engine), **full)
    assert kept == again_full and kept.body.startswith(b"%PDF-1.4 details")
    assert drawn == [plan["id"]] * 4
    assert rows(store)["plan_pdf"] == 2


def test_erasing_a_journey_erases_its_kept_pdfs(store: Store, advisor: Advisor) -> None:
    first = plans.create_plan(store=store, advisor=advisor, profile_data=PROFILE, now=NOW)
    second = plans.create_plan(
        store=store, advisor=advisor, profile_data=PROFILE, now=NOW, previous_token=first["id"]
    )
    other = plans.create_plan(store=store, advisor=advisor, profile_data=PROFILE, now=NOW)
    drawn: list[str] = []
    for plan in (first, second, other):
        plans.plan_pdf(store=store, **_pdf_args(plan["id"], drawn))
    assert rows(store)["plan_pdf"] == 3
    plans.delete_plan(store=store, token=first["id"])
    assert rows(store)["plan_pdf"] == 1
    with store.query() as connection:
        kept = connection.execute(text("SELECT body FROM plan_pdf")).scalars().all()
    assert [bytes(b) for b in kept] == [b"%PDF-1.4 summary" + other["id"].encode()]
    for token in (first["id"], second["id"]):
        with pytest.raises(plans.PlanNotFound):
            plans.plan_pdf(store=store, **_pdf_args(token, drawn))


def test_an_unknown_token_is_not_found(store: Store) -> None:
    with pytest.raises(plans.PlanNotFound):
        plans.get_plan(store=store, token="x" * 32)


def test_saved_assessments_survive_a_renamed_merged_or_split_skill(
    store: Store, advisor: Advisor, tmp_path: Path
) -> None:
    first = plans.create_plan(store=store, advisor=advisor, profile_data=PROFILE, now=NOW)
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
    newer = build_advisor(renamed, date(2026, 11, 24))
    saved = plans.get_profile(store=store, token=first["id"])
    assert "foundations.python" in saved["assessments"]
    again = plans.create_plan(
        store=store, advisor=newer, profile_data=saved, now=NOW, previous_token=first["id"]
    )
    assert again["assessments"]["foundations.python-lang"] == 2
    assert again["progress"]["levels_gained"] == []
    assert again["taxonomy_version"] == "test-2"
