"""The privacy rules of a team's view, as properties: nothing before five members, no count of
1 or 2 people, and nothing inside a band that even a reader who knows the rule can work out."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.core.limits import MAX_LEVEL
from advisor.core.planning import MIN_CELL, MIN_SHARED, Band, bands_of, team_view
from advisor.core.taxonomy import Taxonomy

LEVELS = MAX_LEVEL + 1
counts = st.lists(st.integers(0, 40), min_size=LEVELS, max_size=LEVELS).filter(
    lambda c: sum(c) >= MIN_SHARED
)


@given(counts)
def test_bands_cover_every_level_once_and_every_person(people: list[int]) -> None:
    found = bands_of(people)
    assert [b.low for b in found] == [0, *(b.high + 1 for b in found[:-1])]
    assert found[-1].high == MAX_LEVEL
    assert sum(b.people for b in found) == sum(people)
    for band in found:
        assert band.people == sum(people[band.low : band.high + 1])


@given(counts)
def test_no_band_holds_one_or_two_people(people: list[int]) -> None:
    assert all(b.people == 0 or b.people >= MIN_CELL for b in bands_of(people))


@given(counts)
def test_a_level_is_shown_alone_whenever_it_can_be(people: list[int]) -> None:
    """Merging is the exception: a row without 1s and 2s is shown level by level."""
    if not any(0 < n < MIN_CELL for n in people):
        assert bands_of(people) == tuple(Band(n, n, c) for n, c in enumerate(people))


def rows_of(members: int) -> Iterator[tuple[int, ...]]:
    """Every way `members` people can spread over the levels."""
    for cuts in itertools.combinations(range(members + LEVELS - 1), LEVELS - 1):
        edges = (-1, *cuts, members + LEVELS - 1)
        yield tuple(b - a - 1 for a, b in itertools.pairwise(edges))


@pytest.mark.parametrize("members", range(MIN_SHARED, 13))
def test_no_level_inside_a_band_can_be_worked_out(members: int) -> None:
    """A reader who knows the rule and the number of members lists every row that shows the
    same bands: inside each band of several levels, every level takes two counts or more."""
    alike: dict[tuple[Band, ...], list[tuple[int, ...]]] = {}
    for row in rows_of(members):
        alike.setdefault(bands_of(row), []).append(row)
    for shown, rows in alike.items():
        for band in (b for b in shown if b.high > b.low):
            for level in range(band.low, band.high + 1):
                assert len({row[level] for row in rows}) >= 2, (shown, level)


ratings = st.dictionaries(
    st.sampled_from(["mlops.model-serving", "foundations.python", "foundations.containers"]),
    st.integers(0, MAX_LEVEL),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(ratings, max_size=MIN_SHARED - 1))
def test_fewer_than_five_members_show_nothing(
    small_taxonomy: Taxonomy, members: list[dict[str, int]]
) -> None:
    view = team_view(small_taxonomy, small_taxonomy.roles["mlops-engineer"], members)
    assert (view.rows, view.shared_gaps, view.coverage) == ((), (), None)
    assert view.waiting_for == MIN_SHARED - len(members)


@settings(max_examples=60, deadline=None)
@given(st.lists(ratings, min_size=MIN_SHARED, max_size=30))
def test_every_figure_comes_from_the_bands(
    small_taxonomy: Taxonomy, members: list[dict[str, int]]
) -> None:
    view = team_view(small_taxonomy, small_taxonomy.roles["mlops-engineer"], members)
    assert view.waiting_for == 0 and view.coverage is not None and 0 <= view.coverage <= 1
    for row in view.rows:
        assert row.below == sum(b.people for b in row.bands if b.high < row.required)
        assert row.below_exact == (not any(b.low < row.required <= b.high for b in row.bands))
    for gap in view.shared_gaps:
        assert gap.people >= MIN_CELL
        assert gap.saved_hours == (gap.people - 1) * gap.course_hours
    weights = [gap.weight for gap in view.shared_gaps]
    assert weights == sorted(weights, reverse=True)
    for row in view.missing:
        assert all(b.people == 0 for b in row.bands if b.high >= row.required)
