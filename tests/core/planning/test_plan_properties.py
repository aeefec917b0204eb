"""Properties of every plan, over random valid profiles on the shipped taxonomy."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.core.planning import DEEPEN, READY, READY_WEEKS, Plan, Planner, Profile
from advisor.core.taxonomy import Taxonomy
from advisor.taxonomy.loading import load_taxonomy
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
        for p in TAXONOMY.skills[item.skill].prerequisites_for(item.stage_target):
            if profile.level(p.skill) < p.level:  # needed to start: ranked before
                assert p.skill in item.prerequisites
                assert plan.item(p.skill).rank < item.rank  # type: ignore[union-attr]
        for part in item.parts:  # each stage of an item waits for what that stage needs
            for p in TAXONOMY.skills[item.skill].prerequisites_for(part.target):
                if profile.level(p.skill) < p.level:
                    before = plan.item(p.skill)
                    assert before is not None, f"{p.skill} missing for {item.skill}"
                    assert before.target >= p.level
                    done = min(q.end_week for q in before.parts if q.target >= p.level)
                    assert done <= part.start_week


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
    assert fast.milestones[0].end_week <= max(slow.milestones[0].end_week, READY_WEEKS)
    # With more hours the first stage may hold more of the core, which moves other skills;
    # with the same stages, no skill ends later.
    if [m.skills for m in fast.milestones] == [m.skills for m in slow.milestones]:
        for item in fast.items:
            assert item.end_week <= slow.item(item.skill).end_week  # type: ignore[union-attr]


@PROPERTY
@given(profiles())
def test_the_same_profile_always_gives_the_same_plan(planner: Planner, profile: Profile) -> None:
    assert planner.build_plan(profile) == planner.build_plan(profile)


@PROPERTY
@given(profiles())
def test_the_schedule_periods_account_for_every_hour(planner: Planner, profile: Profile) -> None:
    from advisor.core.planning import schedule_periods

    plan = planner.build_plan(profile)
    periods = schedule_periods(plan.placements, plan.hours_per_week)
    scheduled = sum((p.last_week - p.first_week + 1) * sum(h for _, h in p.hours) for p in periods)
    assert abs(scheduled - plan.total_hours) <= 0.05 * len(periods) + 0.01
    for before, after in zip(periods, periods[1:], strict=False):
        assert before.last_week < after.first_week
    for period in periods:  # several items can share a week when one ends and the next starts
        assert sum(h for _, h in period.hours) <= plan.hours_per_week + 0.01


@PROPERTY
@given(profiles())
def test_milestones_come_in_order_and_name_every_item(planner: Planner, profile: Profile) -> None:
    plan = planner.build_plan(profile)
    ids = [m.id for m in plan.milestones]
    assert ids in ([READY], [READY, DEEPEN])
    assert [m.end_week for m in plan.milestones] == sorted(m.end_week for m in plan.milestones)
    named = {s for m in plan.milestones for s in m.skills}
    assert named == {i.skill for i in plan.items}
    for milestone in plan.milestones:
        for skill in milestone.skills:
            part = next(p for p in plan.item(skill).parts if p.stage == milestone.id)  # type: ignore[union-attr]
            assert part.end_week <= milestone.end_week
    if plan.items:
        assert plan.milestones[-1].end_week == plan.weeks


@PROPERTY
@given(profiles())
def test_nothing_is_scheduled_past_the_deadline_without_being_marked(
    planner: Planner, profile: Profile
) -> None:
    plan = planner.build_plan(profile)
    if profile.deadline_weeks is None:
        assert plan.deadline is None
        return
    deadline = plan.deadline
    assert deadline is not None and deadline.week_marked == profile.deadline_weeks
    assert set(deadline.within).isdisjoint(deadline.after)
    assert set(deadline.within) | set(deadline.after) == {i.skill for i in plan.items}
    for item in plan.items:
        assert (item.skill in deadline.after) == (item.end_week > profile.deadline_weeks)
    assert deadline.fits == (not deadline.after) == (plan.weeks <= profile.deadline_weeks)


@PROPERTY
@given(profiles())
def test_credit_for_related_skills_only_lowers_hours_and_never_a_level(
    planner: Planner, profile: Profile
) -> None:
    plan = planner.build_plan(profile)
    for item in plan.items:
        full = TAXONOMY.skills[item.skill].hours_between(item.current, item.target)
        assert item.current == profile.level(item.skill)
        if item.transfer is None:
            assert item.hours == full
        else:
            assert 0 < item.transfer.share <= 0.5
            assert full * 0.5 - 1 <= item.hours < full
            assert item.transfer.hours_saved == full - item.hours
            assert all(profile.level(s) >= 3 for s in item.transfer.sources)
