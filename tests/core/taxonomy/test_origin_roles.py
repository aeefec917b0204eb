"""Reading what people type as their current role as one of the roles they come from."""

from __future__ import annotations

import pytest

from advisor.core.taxonomy import (
    MARGIN,
    THRESHOLD,
    OriginRoleIndex,
    Taxonomy,
    assumed_levels,
    match_origin_role,
    read_current_role,
    typical_levels,
)
from tests.core.taxonomy.typed_roles import typed_roles

ENTRIES = typed_roles()


def test_the_list_is_long_enough_and_covers_each_way_of_writing() -> None:
    roles = [e for e in ENTRIES if e.expected != "-"]
    nothing = [e for e in ENTRIES if e.expected == "-"]
    assert len(roles) >= 60 and len(nothing) >= 15
    variants = " ".join(e.variant for e in roles)
    for kind in ("plural", "feminine", "inclusive", "word order", "slip", "abbreviation"):
        assert kind in variants, kind
    assert {"boulanger", "astronaut", "Chef de cuisine"} <= {e.typed for e in nothing}


def test_the_list_is_read_right_at_least_95_percent_and_never_wrong(taxonomy: Taxonomy) -> None:
    index = OriginRoleIndex(taxonomy.origin_roles.values())
    wrong, missed = [], []
    for entry in ENTRIES:
        found = index.read(entry.typed).origin
        got = found.id if found else "-"
        if got != entry.expected:
            (missed if got == "-" else wrong).append((entry.line, entry.typed, got))
    assert wrong == []
    assert 1 - len(missed) / len(ENTRIES) >= 0.95, missed


def test_the_threshold_lies_between_what_must_match_nothing_and_what_must_match(
    taxonomy: Taxonomy,
) -> None:
    """Chosen halfway: moving it by a few hundredths on either side changes no answer (a
    string refused because two roles tie is refused by the margin, whatever the threshold)."""
    index = OriginRoleIndex(taxonomy.origin_roles.values())
    readings = [(e, index.read(e.typed)) for e in ENTRIES]
    recognised = [r.score for e, r in readings if e.expected != "-" and r.origin]
    leading = [
        r.score for e, r in readings if e.expected == "-" and r.score - r.runner_up >= MARGIN
    ]
    assert max(leading) + 0.03 < THRESHOLD < min(recognised) - 0.03


def test_windows_sysadmin_is_not_read_as_a_linux_administrator(taxonomy: Taxonomy) -> None:
    reading = read_current_role(taxonomy, "Windows sysadmin")
    assert reading.origin is not None and reading.origin.id == "windows-sysadmin"
    assert reading.candidates[1].id == "linux-sysadmin"
    linux = read_current_role(taxonomy, "sysadmin")
    assert linux.origin is not None and linux.origin.id == "linux-sysadmin"


def test_a_reading_says_which_name_it_matched_and_how_well(taxonomy: Taxonomy) -> None:
    reading = read_current_role(taxonomy, "administrateur systèmes Linux")
    assert reading.recognised and reading.score == pytest.approx(1.0)
    assert reading.name == "Linux system administrator"  # the same concepts, listed first
    slip = read_current_role(taxonomy, "adminstrateur système")
    assert slip.origin is not None and slip.origin.id == "linux-sysadmin"


def test_an_ambiguous_title_is_not_recognised_but_offers_the_closest_roles(
    taxonomy: Taxonomy,
) -> None:
    reading = read_current_role(taxonomy, "ingénieur système")
    assert reading.origin is None
    assert {c.id for c in reading.candidates[:2]} == {"linux-sysadmin", "windows-sysadmin"}
    assert read_current_role(taxonomy, "boulanger").candidates == ()


def test_every_name_of_an_origin_role_reads_as_that_role(taxonomy: Taxonomy) -> None:
    for origin in taxonomy.origin_roles.values():
        for name in origin.names():
            assert match_origin_role(taxonomy, name) is origin, name
        assert match_origin_role(taxonomy, origin.id) is origin


def test_current_roles_are_matched_in_english_or_french(taxonomy: Taxonomy) -> None:
    assert match_origin_role(taxonomy, "linux-sysadmin").id == "linux-sysadmin"  # type: ignore[union-attr]
    assert match_origin_role(taxonomy, "Admin sys").id == "linux-sysadmin"  # type: ignore[union-attr]
    found = match_origin_role(taxonomy, "Senior backend developer (fintech)")
    assert found is not None and found.id == "backend-developer"
    assert match_origin_role(taxonomy, "analyste SOC, banque").id == "soc-analyst"  # type: ignore[union-attr]
    assert match_origin_role(taxonomy, "astronaut") is None
    assert match_origin_role(taxonomy, "") is None
    assert match_origin_role(taxonomy, "   ") is None
    assert typical_levels(taxonomy, "HPC engineer")["software-engineering.c-cpp"] == 4
    assert typical_levels(taxonomy, "astronaut") == {}


def test_the_index_is_fitted_once_per_taxonomy(taxonomy: Taxonomy) -> None:
    from advisor.core.taxonomy.origin_roles import origin_role_index

    assert origin_role_index(taxonomy) is origin_role_index(taxonomy)


def test_assumed_levels_are_the_typical_levels_of_skills_left_unrated(
    taxonomy: Taxonomy,
) -> None:
    origin = taxonomy.origin_roles["linux-sysadmin"]
    assumed = assumed_levels(origin, {"foundations.linux": 2})
    assert "foundations.linux" not in assumed
    assert assumed["foundations.shell-scripting"] == origin.typical["foundations.shell-scripting"]
    assert assumed_levels(None, {}) == {}
