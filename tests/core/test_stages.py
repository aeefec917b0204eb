"""Staged targets, credit for related skills, the order's reasons, origin roles: by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from advisor.core import serialize
from advisor.core.origin import match_origin_role, typical_levels
from advisor.core.planning import Planner
from advisor.core.profile import Profile
from advisor.core.relatedness import Relatedness, transfer_for
from advisor.core.scoring import RoleFitModel
from advisor.core.stages import DEEPEN, READY
from advisor.core.taxonomy import Requirement, Taxonomy
from advisor.i18n import words_for


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


def test_a_first_stage_too_long_keeps_the_most_important_core_and_says_what_moved(
    small_planner: Planner,
) -> None:
    plan = small_planner.build_plan(mlops(hours_per_week=1, deadline_weeks=20))
    ready = plan.milestones[0]
    assert ready.budget_weeks == 20
    assert "mlops.model-serving" in ready.skills  # importance 5 stays
    assert ready.moved and "mlops.model-serving" not in ready.moved
    for moved in ready.moved:
        assert plan.item(moved).stage == DEEPEN  # type: ignore[union-attr]


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
    assert [i.skill for i in plan.items] == ["foundations.python", "foundations.containers"]
    assert plan.target_role.fit == pytest.approx(1 / 3)


def test_strong_related_skills_lower_the_effort_never_the_level(
    small_taxonomy: Taxonomy, small_model: RoleFitModel
) -> None:
    related = Relatedness.from_data(
        {"related": {"foundations.containers": {"mlops.model-serving": 0.8}}}
    )
    planner = Planner(small_taxonomy, small_model, {}, related)
    plain = Planner(small_taxonomy, small_model, {})
    strong = mlops({"foundations.containers": 4})
    serving, before = (
        planner.build_plan(strong).item("mlops.model-serving"),
        plain.build_plan(strong).item("mlops.model-serving"),
    )
    assert serving and before and serving.transfer
    assert serving.current == 0 == before.current
    assert serving.transfer.sources == ("foundations.containers",)
    assert serving.transfer.share == 0.4  # 0.8 closeness x 0.5 at level 4
    assert serving.hours == round(before.hours * 0.6)
    assert serving.transfer.hours_saved == before.hours - serving.hours


def test_transfer_is_capped_and_needs_a_strong_related_skill() -> None:
    related = Relatedness.from_data({"related": {"a": {"b": 1.0, "c": 0.9}}})
    assert transfer_for("a", {"b": 2}, related) is None  # level 2 is not strong
    assert transfer_for("a", {"b": 5}, related).share == 0.5  # type: ignore[union-attr]
    assert transfer_for("b", {"a": 3}, related).share == 0.35  # type: ignore[union-attr]


def test_each_item_says_why_it_is_there_in_the_plans_language(
    small_planner: Planner, small_taxonomy: Taxonomy
) -> None:
    for language in ("en", "fr"):
        plan = small_planner.build_plan(mlops(language=language))
        body = serialize.plan_dict(
            plan,
            small_taxonomy,
            plan_id="p",
            created_at="2026-12-01T10:00:00+00:00",
            words=words_for(language),
        )
        first = body["items"][0]
        assert first["why_here"].startswith("First:" if language == "en" else "D’abord\u00a0:")
        for item in body["items"]:
            assert item["why_here"] and "0." not in item["why_here"]
            assert (
                "(x)" not in item["reasons_in_words"] and "priorit" not in item["reasons_in_words"]
            )
        assert [m["id"] for m in body["milestones"]] == ["ready", "deepen"]
        assert body["end_date"] == body["milestones"][-1]["end_date"]
        assert body["months"] == round(body["weeks"] / 4.345 * 2) / 2


def test_the_target_anchor_describes_exactly_the_target_level(
    planner: Planner, taxonomy: Taxonomy
) -> None:
    plan = planner.build_plan(Profile("en", "llm-application-engineer", 8, {}))
    body = serialize.plan_dict(
        plan, taxonomy, plan_id="p", created_at="2026-12-01T10:00:00", words=words_for("en")
    )
    for item in body["items"]:
        skill = taxonomy.skills[item["skill"]]
        if item["target"] in skill.anchors:
            assert item["target_anchor"] == skill.anchors[item["target"]].en
        if item["stage_target"] in skill.anchors:
            assert item["stage_anchor"] == skill.anchors[item["stage_target"]].en


def test_current_roles_are_matched_in_english_or_french(taxonomy: Taxonomy) -> None:
    assert match_origin_role(taxonomy, "linux-sysadmin").id == "linux-sysadmin"  # type: ignore[union-attr]
    assert match_origin_role(taxonomy, "Admin sys").id == "linux-sysadmin"  # type: ignore[union-attr]
    found = match_origin_role(taxonomy, "Senior backend developer (fintech)")
    assert found is not None and found.id == "backend-developer"
    assert match_origin_role(taxonomy, "analyste SOC, banque").id == "soc-analyst"  # type: ignore[union-attr]
    assert match_origin_role(taxonomy, "astronaut") is None
    assert match_origin_role(taxonomy, "") is None
    assert typical_levels(taxonomy, "HPC engineer")["software-engineering.c-cpp"] == 4
    assert typical_levels(taxonomy, "astronaut") == {}


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


def test_the_shipped_relatedness_links_threat_modelling_to_its_ai_form(taxonomy: Taxonomy) -> None:
    from advisor.services.advisor import load_relatedness

    related = load_relatedness(taxonomy)
    assert (
        related.related_to("ai-security.ai-threat-modeling")["security-operations.threat-modeling"]
        >= 0.6
    )
    assert related.related_to("security-operations.threat-modeling")  # symmetric
    assert all(0 <= v <= 1 for row in related.scores.values() for v in row.values())
