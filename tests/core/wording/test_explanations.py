"""Each item says in the plan's language why it is where it is, and what its level means."""

from __future__ import annotations

from dataclasses import replace

from advisor.core.planning import (
    Planner,
    Profile,
)
from advisor.core.taxonomy import Taxonomy
from advisor.core.wording import plan_dict
from advisor.i18n import words_for


def mlops(levels: dict[str, int] | None = None, **changes: object) -> Profile:
    return replace(Profile("en", "mlops-engineer", 10, levels or {}), **changes)  # type: ignore[arg-type]


def test_each_item_says_why_it_is_there_in_the_plans_language(
    small_planner: Planner, small_taxonomy: Taxonomy
) -> None:
    for language in ("en", "fr"):
        plan = small_planner.build_plan(mlops(language=language))
        body = plan_dict(
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
    body = plan_dict(
        plan, taxonomy, plan_id="p", created_at="2026-12-01T10:00:00", words=words_for("en")
    )
    for item in body["items"]:
        skill = taxonomy.skills[item["skill"]]
        if item["target"] in skill.anchors:
            assert item["target_anchor"] == skill.anchors[item["target"]].en
        if item["stage_target"] in skill.anchors:
            assert item["stage_anchor"] == skill.anchors[item["stage_target"]].en
