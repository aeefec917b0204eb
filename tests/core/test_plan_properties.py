"""Properties of every plan, over random valid profiles on the shipped taxonomy."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.core.planning import Plan, Planner
from advisor.core.profile import Profile
from advisor.core.taxonomy import Taxonomy
from advisor.taxonomy.files import load_taxonomy
from tests.core.conftest import SHIPPED

TAXONOMY: Taxonomy = load_taxonomy(SHIPPED)
SKILLS = sorted(TAXONOMY.skills)
ROLES = sorted(TAXONOMY.roles)
PROPERTY = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    role = draw(st.one_of(st.none(), st.sampled_from(ROLES)))
    rated = draw(st.lists(st.sampled_from(SKILLS), max_size=40, unique=True))
    levels = {s: draw(st.integers(0, 5)) for s in rated}
    hours = draw(st.integers(1, 60))
    deadline = draw(st.one_of(st.none(), st.integers(1, 104)))
    return Profile(draw(st.sampled_from(["en", "fr"])), role, hours, levels, deadline)


def pinned(profile: Profile, plan: Plan) -> Profile:
    """The same profile with the role the plan chose, so a change cannot switch roles."""
    return replace(profile, target_role=plan.target_role.role)


@PROPERTY
@given(profiles())
def test_no_skill_at_or_above_its_target_is_a_plan_item(planner: Planner, profile: Profile) -> None:
    plan = planner.build_plan(profile)
    role = TAXONOMY.role(plan.target_role.role)
    for item in plan.items:
        assert item.current == profile.level(item.skill) < item.target
    planned = {i.skill for i in plan.items}
    for skill_id, requirement in role.requirements.items():
        if profile.level(skill_id) >= requirement.level and skill_id in planned:
            assert (
                plan.item(skill_id).is_prerequisite
                or plan.item(skill_id).target > requirement.level
            )  # type: ignore[union-attr]


@PROPERTY
@given(profiles())
def test_every_item_comes_after_its_missing_prerequisites(
    planner: Planner, profile: Profile
) -> None:
    plan = planner.build_plan(profile)
    for item in plan.items:
        for p in TAXONOMY.skills[item.skill].prerequisites_for(item.target):
            if profile.level(p.skill) < p.level:
                before = plan.item(p.skill)
                assert before is not None, f"{p.skill} missing for {item.skill}"
                assert before.rank < item.rank
                assert before.target >= p.level
                assert before.end_week <= item.start_week


@PROPERTY
@given(profiles(), st.data())
def test_raising_one_level_never_helps_that_skill_or_hurts_fit_or_hours(
    planner: Planner, profile: Profile, data: st.DataObject
) -> None:
    before = planner.build_plan(profile)
    base = pinned(profile, before)
    skill = data.draw(st.sampled_from([i.skill for i in before.items] or SKILLS))
    raised = base.with_level(skill, data.draw(st.integers(profile.level(skill), 5)))
    after = planner.build_plan(raised)
    old, new = before.item(skill), after.item(skill)
    if old is not None and new is not None:
        assert new.priority <= old.priority
    assert after.target_role.fit >= before.target_role.fit
    assert after.total_hours <= before.total_hours


@PROPERTY
@given(profiles(), st.integers(1, 60))
def test_more_hours_per_week_never_lengthens_the_schedule(
    planner: Planner, profile: Profile, extra: int
) -> None:
    slow = planner.build_plan(profile)
    fast = planner.build_plan(
        replace(pinned(profile, slow), hours_per_week=min(60, profile.hours_per_week + extra))
    )
    assert fast.weeks <= slow.weeks
    for item in fast.items:
        assert item.end_week <= slow.item(item.skill).end_week  # type: ignore[union-attr]


@PROPERTY
@given(profiles())
def test_the_same_profile_always_gives_the_same_plan(planner: Planner, profile: Profile) -> None:
    assert planner.build_plan(profile) == planner.build_plan(profile)


@PROPERTY
@given(profiles())
def test_the_schedule_periods_account_for_every_hour(planner: Planner, profile: Profile) -> None:
    from advisor.core.schedule import schedule_periods

    plan = planner.build_plan(profile)
    periods = schedule_periods(plan.placements, plan.hours_per_week)
    scheduled = sum((p.last_week - p.first_week + 1) * sum(h for _, h in p.hours) for p in periods)
    assert abs(scheduled - plan.total_hours) <= 0.05 * len(periods) + 0.01
    for before, after in zip(periods, periods[1:], strict=False):
        assert before.last_week < after.first_week
    for period in periods:  # several items can share a week when one ends and the next starts
        assert sum(h for _, h in period.hours) <= plan.hours_per_week + 0.01
