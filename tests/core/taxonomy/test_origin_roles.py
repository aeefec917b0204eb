"""Matching what people type as their current role to the roles they come from."""

from __future__ import annotations

from advisor.core.taxonomy import Taxonomy, match_origin_role, typical_levels


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
