"""Which skills step 2 asks about, and which origin role a typed current role names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from advisor.services.advisor import Advisor, build_advisor
from advisor.services.assessment import (
    MAX_QUESTIONS,
    origin_levels,
    origin_role,
    questions,
    skill_by_name,
)
from tests.web.conftest import write_wide_taxonomy


@pytest.fixture(scope="module")
def advisor(tmp_path_factory: pytest.TempPathFactory) -> Advisor:
    folder = write_wide_taxonomy(Path(tmp_path_factory.mktemp("wide")) / "taxonomy")
    return build_advisor(folder, date(2026, 12, 1))


@pytest.mark.parametrize(
    "typed",
    [
        "ops-person",
        "Operations technician",
        "OPS TECH",
        "senior ops tech, night shift",
        "Technicien·ne d’exploitation",
    ],
)
def test_a_current_role_is_matched_by_id_label_or_alias(advisor: Advisor, typed: str) -> None:
    found = origin_role(advisor.taxonomy, typed)
    assert found is not None and found.id == "ops-person"


def test_an_unknown_current_role_prefills_nothing(advisor: Advisor) -> None:
    assert origin_role(advisor.taxonomy, "astronaut") is None
    assert origin_levels(advisor, "astronaut") == {} and origin_levels(advisor, "") == {}
    assert origin_levels(advisor, "ops tech")["wide.skill-25"] == 4


def test_core_skills_come_first_and_strengths_fill_up_to_the_limit(advisor: Advisor) -> None:
    asked = questions(advisor, "wide-role", "en", current_role="ops tech")
    assert len(asked.skill_ids) == MAX_QUESTIONS
    assert {"wide.skill-25", "foundations.containers"} <= set(asked.skill_ids)
    assert asked.prefilled["wide.skill-25"] == 4
    assert set(asked.prefilled) <= set(asked.skill_ids)


def test_a_reassessment_adds_its_skills_beyond_the_limit(advisor: Advisor) -> None:
    also = [f"wide.skill-{n:02d}" for n in range(1, 31)]
    asked = questions(advisor, "wide-role", "en", also=[*also, "not.a-skill"])
    assert set(also) <= set(asked.skill_ids) and "not.a-skill" not in asked.skill_ids


def test_a_skill_is_found_by_label_in_either_language_or_alias(advisor: Advisor) -> None:
    assert skill_by_name(advisor.taxonomy, "  model serving ") == "mlops.model-serving"
    assert skill_by_name(advisor.taxonomy, "Mise en service de modèles") == "mlops.model-serving"
    assert skill_by_name(advisor.taxonomy, "docker") == "foundations.containers"
    assert skill_by_name(advisor.taxonomy, "") is None
