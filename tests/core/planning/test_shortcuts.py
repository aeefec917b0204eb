"""The shortcuts a plan is built with give exactly what the long way gives, over random
profiles on the shipped taxonomy (see docs/performance.md)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.core.planning import Planner, Profile, RoleFitModel
from advisor.core.planning.gaps import find_gaps, gap_targets
from advisor.core.planning.stage_targets import with_prerequisites
from tests.core.planning.test_plan_properties import ROLES, SKILLS, TAXONOMY, profiles

PROPERTY = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(profile=profiles())
def test_one_persons_fits_are_predicts_to_the_last_bit(
    model: RoleFitModel, profile: Profile
) -> None:
    levels = {s: v for s, v in profile.assessments.items() if v > 0}
    predicted = model.predict([levels])[0]
    assert model.all_fits(levels) == {r: float(predicted[i]) for i, r in enumerate(model.role_ids_)}


@PROPERTY
@given(profile=profiles(), role=st.sampled_from(ROLES))
def test_gap_targets_are_the_targets_of_the_gaps(profile: Profile, role: str) -> None:
    gaps = find_gaps(TAXONOMY, TAXONOMY.role(role), profile.assessments)
    targets = gap_targets(TAXONOMY, TAXONOMY.role(role), profile.assessments)
    assert targets == {s: g.target for s, g in gaps.items()}


@PROPERTY
@given(profile=profiles(), role=st.sampled_from(ROLES))
def test_a_roles_ready_hours_need_no_full_staging(
    planner: Planner, profile: Profile, role: str
) -> None:
    stager = planner.stager
    staged = stager.stage(TAXONOMY.role(role), profile)
    assert stager.ready_hours(TAXONOMY.role(role), profile) == staged.ready_hours()


@PROPERTY
@given(
    levels=st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 5), max_size=30),
    wanted=st.lists(st.tuples(st.sampled_from(SKILLS), st.integers(1, 5)), min_size=1, max_size=6),
)
def test_prerequisites_of_a_set_are_the_highest_any_member_needs(
    levels: dict[str, int], wanted: list[tuple[str, int]]
) -> None:
    together = with_prerequisites(TAXONOMY, levels, dict(wanted))
    merged: dict[str, int] = {}
    for skill_id, level in dict(wanted).items():
        for s, t in with_prerequisites(TAXONOMY, levels, {skill_id: level}).items():
            merged[s] = max(merged.get(s, 0), t)
    assert together == merged
