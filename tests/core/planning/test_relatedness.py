"""Credit for related skills: it lowers hours, never a level, and is capped."""

from __future__ import annotations

from dataclasses import replace

from advisor.core.planning import (
    Planner,
    Profile,
    Relatedness,
    RoleFitModel,
    transfer_for,
)
from advisor.core.taxonomy import Taxonomy


def mlops(levels: dict[str, int] | None = None, **changes: object) -> Profile:
    return replace(Profile("en", "mlops-engineer", 10, levels or {}), **changes)  # type: ignore[arg-type]


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


def test_the_shipped_relatedness_links_threat_modelling_to_its_ai_form(taxonomy: Taxonomy) -> None:
    from advisor.services.advisor import load_relatedness

    related = load_relatedness(taxonomy)
    assert (
        related.related_to("ai-security.ai-threat-modeling")["security-operations.threat-modeling"]
        >= 0.6
    )
    assert related.related_to("security-operations.threat-modeling")  # symmetric
    assert all(0 <= v <= 1 for row in related.scores.values() for v in row.values())
