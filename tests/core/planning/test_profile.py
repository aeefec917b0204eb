"""A profile's validation, field by field."""

from __future__ import annotations

import pytest

from advisor.core.errors import InvalidProfile
from advisor.core.planning import parse_profile
from advisor.core.taxonomy import Taxonomy


def test_profile_errors_name_every_field(small_taxonomy: Taxonomy) -> None:
    with pytest.raises(InvalidProfile) as caught:
        parse_profile(
            {
                "language": "de",
                "target_role": "astronaut",
                "hours_per_week": 0,
                "assessments": {"nope": 2, "python": 9},
                "extra": 1,
            },
            small_taxonomy,
        )
    assert set(caught.value.fields) == {
        "language",
        "target_role",
        "hours_per_week",
        "assessments.nope",
        "assessments.python",
        "extra",
    }
    assert caught.value.fields["hours_per_week"] == "must be from 1 to 60, not 0"


def test_profile_accepts_short_and_replaced_skill_ids(small_taxonomy: Taxonomy) -> None:
    parsed = parse_profile(
        {"hours_per_week": 5, "assessments": {"python": 2, "foundations.docker-basics": 3}},
        small_taxonomy,
    )
    assert parsed.assessments == {"foundations.python": 2, "foundations.containers": 3}


def test_hours_per_week_must_be_a_number(small_taxonomy: Taxonomy) -> None:
    for bad in (True, "8", 8.5, None, 61):
        with pytest.raises(InvalidProfile) as caught:
            parse_profile({"hours_per_week": bad}, small_taxonomy)
        assert "hours_per_week" in caught.value.fields


def test_a_skill_not_assessed_is_left_out_of_the_profile(small_taxonomy: Taxonomy) -> None:
    parsed = parse_profile(
        {"hours_per_week": 5, "assessments": {"python": None, "foundations.containers": 2}},
        small_taxonomy,
    )
    assert parsed.assessments == {"foundations.containers": 2}
