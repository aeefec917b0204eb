"""Staged targets: the core at a working level first, trimmed to fit, then the full level."""

from __future__ import annotations

from dataclasses import replace

import pytest

from advisor.core.planning import (
    DEEPEN,
    READY,
    Planner,
    Profile,
)
from advisor.core.taxonomy import Requirement, Taxonomy


def mlops(levels: dict[str, int] | None = None, **changes: object) -> Profile:
    return replace(Profile("en", "mlops-engineer", 10, levels or {}), **changes)  # type: ignore[arg-type]


def test_the_core_reaches_a_working_level_first_then_the_full_level(
    small_planner: Planner,
) -> None:
    # Serving (level 4, importance 5) is core: level 3 in the first stage, 4 in the second.
    plan = small_planner.build_plan(mlops())
    serving = plan.item("mlops.model-serving")
    python = plan.item("foundations.python")
    assert serving and python
    assert (serving.stage, serving.stage_target, serving.target) == (READY, 3, 4)
    assert [p.stage for p in serving.parts] == [READY, DEEPEN]
    ready, deepen = plan.milestones
    assert (ready.id, deepen.id) == (READY, DEEPEN)
    assert serving.parts[0].end_week <= ready.end_week < serving.parts[1].end_week
    # Python (importance 3) is not core, but serving needs it at 2: it enters the first stage.
    assert python.stage == READY and python.stage_target == 2 and python.target == 3


def test_a_first_stage_too_long_is_trimmed_to_its_weeks_and_says_what_moved(
    small_planner: Planner,
) -> None:
    plan = small_planner.build_plan(mlops(hours_per_week=1, deadline_weeks=20))
    ready = plan.milestones[0]
    assert ready.budget_weeks == 20
    assert ready.skills and ready.end_week <= 20
    assert ready.moved
    for moved in ready.moved:
        assert moved not in ready.skills
        assert plan.item(moved).stage == DEEPEN  # type: ignore[union-attr]
    # The most important core skill that fits only below its working level is taken there.
    for skill, level in ready.lowered:
        part = plan.item(skill).parts[0]  # type: ignore[union-attr]
        assert part.stage == READY and part.target == level < 3


def test_a_deadline_too_short_lists_what_is_done_by_then_and_what_comes_after(
    small_planner: Planner,
) -> None:
    plan = small_planner.build_plan(mlops(hours_per_week=5, deadline_weeks=8))
    deadline = plan.deadline
    assert deadline is not None and not deadline.fits and deadline.week_marked == 8
    assert deadline.hours_available == 40
    for item in plan.items:
        assert (item.skill in deadline.within) == (item.end_week <= 8)
    assert set(deadline.within) | set(deadline.after) == {i.skill for i in plan.items}
    assert deadline.fitting_items == deadline.within


def test_an_explicit_role_replaces_the_profiles_target(small_planner: Planner) -> None:
    from advisor.core.taxonomy import Role, Text

    ad = Role(
        "from-an-ad",
        Text("From an ad", "D’une annonce"),
        Text("What the ad asks.", "Ce que l’annonce demande."),
        {"foundations.containers": Requirement("foundations.containers", 3, 5)},
    )
    plan = small_planner.build_plan(mlops({"foundations.containers": 1}), ad)
    assert plan.target_role.role == "from-an-ad" and plan.role is ad
    # Python, which containers need, is a small prerequisite: a step at the start of the item.
    assert [i.skill for i in plan.items] == ["foundations.containers"]
    assert [s.skill for s in plan.items[0].steps] == ["foundations.python"]
    assert plan.target_role.fit == pytest.approx(1 / 3)


def test_the_origin_role_is_named_in_the_plan_but_its_levels_are_not_applied(
    planner: Planner,
) -> None:
    plan = planner.build_plan(
        Profile("en", "ai-platform-sre", 8, {}, current_role="Linux administrator")
    )
    assert plan.origin_role == "linux-sysadmin"
    assert plan.assessments == {}
    assert plan.item("foundations.linux") is not None  # still planned from level 0


def test_not_assessed_and_zero_give_the_same_suggestions(
    planner: Planner, taxonomy: Taxonomy
) -> None:
    sparse = Profile("en", None, 8, {"foundations.python": 3})
    full = replace(sparse, assessments={s: 0 for s in taxonomy.skills} | {"foundations.python": 3})
    assert planner.suggest_roles(sparse) == planner.suggest_roles(full)
    suggestion = planner.suggest_roles(sparse)[0]
    assert suggestion.first_milestone_weeks is not None and suggestion.first_milestone_weeks > 0
    assert "foundations.python" in suggestion.covered or suggestion.covered == ()
