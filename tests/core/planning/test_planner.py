"""The plan on a small taxonomy where every number can be checked by hand."""

from __future__ import annotations

import pytest

from advisor.core.planning import FACTOR_WEIGHTS, Planner, Profile, RoleFitModel
from advisor.core.taxonomy import Taxonomy


def profile(levels: dict[str, int] | None = None) -> Profile:
    return Profile("en", "mlops-engineer", 10, levels or {})


def test_no_target_role_plans_for_the_best_suggestion(small_planner: Planner) -> None:
    plan = small_planner.build_plan(Profile("en", None, 10, {"foundations.python": 3}))
    assert plan.suggestions[0].role == "python-developer"
    assert plan.target_role.role == "python-developer"


def test_skills_at_target_are_not_in_the_plan(small_planner: Planner) -> None:
    plan = small_planner.build_plan(profile({"foundations.containers": 3}))
    assert plan.item("foundations.containers") is None


def test_a_missing_prerequisite_enters_the_plan_first_and_flagged(small_planner: Planner) -> None:
    # The Python developer role does not ask for serving; serving needs containers ≥ 2.
    plan = small_planner.build_plan(Profile("en", "mlops-engineer", 10, {"foundations.python": 3}))
    serving = plan.item("mlops.model-serving")
    containers = plan.item("foundations.containers")
    assert serving and containers
    assert containers.rank < serving.rank
    assert "foundations.containers" in serving.prerequisites


def test_prerequisite_levels_are_level_aware(
    small_taxonomy: Taxonomy, small_model: RoleFitModel
) -> None:
    planner = Planner(small_taxonomy, small_model, {})
    # Containers to level 2 for the Python developer needs no Python; to 3 it needs Python 1.
    plan = planner.build_plan(Profile("en", "python-developer", 10, {"foundations.python": 0}))
    containers = plan.item("foundations.containers")
    assert containers is not None and containers.prerequisites == ()


def test_every_item_explains_its_priority(small_planner: Planner) -> None:
    plan = small_planner.build_plan(profile())
    for item in plan.items:
        assert [r.factor for r in item.reasons] == list(FACTOR_WEIGHTS)
        assert item.priority == pytest.approx(sum(r.contribution for r in item.reasons), abs=1e-3)
        assert 0 <= item.priority <= 1


def test_hours_are_the_effort_of_the_levels_to_climb(small_planner: Planner) -> None:
    plan = small_planner.build_plan(profile({"mlops.model-serving": 1}))
    serving = plan.item("mlops.model-serving")
    assert serving is not None and serving.hours == 12 + 20 + 30


def test_never_more_than_two_items_in_progress(small_planner: Planner) -> None:
    plan = small_planner.build_plan(Profile("en", "mlops-engineer", 3, {}))
    for moment in {p.start for p in plan.placements}:
        running = [p for p in plan.placements if p.start <= moment < p.end]
        assert len(running) <= 2


def test_a_deadline_too_short_names_every_part_done_by_then_and_the_one_under_way(
    small_planner: Planner,
) -> None:
    plan = small_planner.build_plan(Profile("en", "mlops-engineer", 5, {}, deadline_weeks=8))
    deadline = plan.deadline
    assert deadline is not None and not deadline.fits
    assert deadline.hours_available == 40
    first = plan.items[0]
    assert (first.skill, first.parts[0].stage) in {(p.skill, p.stage) for p in deadline.parts_done}
    done = {(p.skill, p.stage) for p in deadline.parts_done}
    assert sum(p.hours for p in plan.placements if (p.skill, p.stage) in done) <= 40
    assert list(deadline.within) == [i.skill for i in plan.items if i.end_week <= 8]
    assert len(deadline.in_progress) <= 1
    for going in deadline.in_progress:
        placed = next(
            p for p in plan.placements if (p.skill, p.stage) == (going.skill, going.stage)
        )
        assert going.share == (40 - placed.start) / placed.hours


def test_a_generous_deadline_fits(small_planner: Planner) -> None:
    plan = small_planner.build_plan(Profile("en", "mlops-engineer", 40, {}, deadline_weeks=52))
    assert plan.deadline is not None and plan.deadline.fits


def test_what_if_raises_fit_and_lowers_hours(small_planner: Planner) -> None:
    result = small_planner.what_if(profile(), "foundations.containers", 3)
    assert result.fit_after > result.fit_before
    assert result.hours_after < result.hours_before
