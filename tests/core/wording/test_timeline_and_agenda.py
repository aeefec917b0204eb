"""The timeline and the agenda read each item's parts, the milestones and the deadline of the
plan's JSON: one week has one date everywhere, the study blocks fill the person's hours."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from advisor.core.errors import InvalidInput
from advisor.core.planning import Planner, Profile
from advisor.core.taxonomy import Taxonomy
from advisor.core.wording import (
    DAY_MINUTES,
    Agenda,
    CalendarOptions,
    InvalidCalendar,
    calendar_options,
    few_named,
    plan_agenda,
    plan_dict,
    plan_timeline,
    week_end,
)
from advisor.i18n import words_for

MADE = "2026-11-24T10:00:00+00:00"  # a Tuesday


def part(stage: str, target: int, hours: float, start: int, end: int) -> dict[str, Any]:
    return {"stage": stage, "target": target, "hours": hours, "start_week": start, "end_week": end}


def hand_plan() -> dict[str, Any]:
    """Two skills at 6 h a week: A in two stages, B between them, sharing week 3 with A, and
    Gamma studied as a step at the start of B; practice at work counted after week 4."""
    beta = part("deepen", 2, 7, 3, 4)
    beta["steps"] = [{"skill": "c", "label": "Gamma", "current": 0, "target": 1, "hours": 2}]
    return {
        "id": "token-that-must-not-leak",
        "created_at": MADE,
        "language": "en",
        "target_role": {"label": "MLOps engineer"},
        "weeks": 6,
        "hours_per_week": 6,
        "switch_week": 4,
        "practice_hours": 21,
        "switch_note": "From week 5, the plan assumes you use these skills at work.",
        "items": [
            {
                "rank": 1,
                "skill": "a",
                "label": "Alpha",
                "parts": [part("ready", 2, 15, 1, 3), part("deepen", 3, 9, 5, 6)],
                "resources": [{"title": "Docs", "url": "https://example.org/a"}],
            },
            {"rank": 2, "skill": "b", "label": "Beta", "parts": [beta], "resources": []},
        ],
        "schedule": [
            {"first_week": 1, "last_week": 2, "hours": {"a": 6.0}},
            {"first_week": 3, "last_week": 3, "hours": {"a": 3.0, "c": 2.0, "b": 1.0}},
            {"first_week": 4, "last_week": 4, "hours": {"b": 6.0}},
            {"first_week": 5, "last_week": 5, "hours": {"a": 6.0}},
            {"first_week": 6, "last_week": 6, "hours": {"a": 3.0}},
        ],
        "milestones": [
            {
                "id": "ready",
                "title": "Ready",
                "end_week": 3,
                "end_date": "2026-12-14",
                "skills": ["a"],
            },
            {"id": "deepen", "title": "Full", "end_week": 6, "skills": ["a", "b"]},
        ],
        "deadline": {"weeks": 4, "fits": False, "within": ["b"], "after": ["a"]},
    }


def sessions(agenda: Agenda) -> dict[date, list[tuple[datetime, int, str]]]:
    """Every study session, repeated series expanded, by day."""
    found: dict[date, list[tuple[datetime, int, str]]] = defaultdict(list)
    for block in agenda.blocks:
        for n in range(block.count):
            first = block.first + timedelta(weeks=n)
            found[first.date()].append((first, block.minutes, block.summary))
    return {day: sorted(found[day]) for day in sorted(found)}


def test_a_week_ends_six_days_after_it_starts() -> None:
    start = date(2026, 11, 24)
    assert week_end(start, 1) == date(2026, 11, 30)
    assert week_end(start, 3) == date(2026, 12, 14)


def test_the_timeline_has_a_bar_per_part_and_the_marks_on_their_days() -> None:
    timeline = plan_timeline(hand_plan(), words_for("en"))
    alpha, beta = timeline.rows
    assert [(b.stage, b.start_week, b.end_week) for b in alpha.bars] == [
        ("ready", 1, 3),
        ("deepen", 5, 6),
    ]
    assert alpha.bars[0].start_day == date(2026, 11, 24)
    assert alpha.bars[1].end_day == date(2027, 1, 4)
    assert [(b.stage, b.start_week) for b in beta.bars] == [("deepen", 3)]
    marks = {m.title: (m.week, m.day) for m in timeline.marks}
    # The JSON's date where it gives one, the one rule otherwise: the same day either way.
    assert marks == {
        "Ready": (3, date(2026, 12, 14)),
        "Full": (6, date(2027, 1, 4)),
        "Deadline": (4, date(2026, 12, 21)),
    }
    assert timeline.ticks[0].week == 0 and timeline.ticks[0].month == "Nov 2026"
    assert [s for s, _ in timeline.stages] == ["ready", "deepen"]


def test_a_folded_timeline_keeps_the_first_rows_and_sums_the_rest() -> None:
    words = words_for("fr")
    timeline = plan_timeline(hand_plan(), words).first(1, words)
    (row,) = timeline.rows
    assert row.folded == 2 and row.label == "2 autres éléments"
    assert {(b.stage, b.start_week, b.end_week) for b in row.bars} == {
        ("ready", 1, 3),
        ("deepen", 3, 6),
    }


def test_milestones_count_their_skills_and_name_the_first_few() -> None:
    words = words_for("fr")
    names = ["A", "B", "C", "D", "E", "F"]
    assert few_named(names, words) == "6 compétences\u00a0: A, B, C et 3 autres"
    assert few_named(names[:4], words) == "4 compétences\u00a0: A, B, C et D"
    assert few_named(names[:1], words) == "1 compétence\u00a0: A"


def test_the_study_blocks_fill_the_scheduled_hours_one_after_the_other() -> None:
    plan = hand_plan()
    options = CalendarOptions(date(2027, 1, 4), 2, time(18, 30))  # Wednesdays at 18:30
    by_day = sessions(plan_agenda(plan, words_for("en"), options))
    # Week 1 starts on Monday 4 January: its Wednesday is the 6th; a day holds 4 h at most,
    # so a 6-hour week is Wednesday 18:30–22:30 and Thursday 18:30–20:30.
    assert min(by_day) == date(2027, 1, 6)
    assert {day.weekday() for day in by_day} == {2, 3}
    expected = {1: 360, 2: 360, 3: 360, 4: 360, 5: 360, 6: 180}
    for week, minutes in expected.items():
        wednesday = date(2027, 1, 6) + timedelta(weeks=week - 1)
        days = [d for d in by_day if 0 <= (d - wednesday).days < 7]
        assert sum(m for d in days for _, m, _ in by_day[d]) == minutes
        for day in days:
            assert sum(m for _, m, _ in by_day[day]) <= DAY_MINUTES
            # One after the other, from 18:30, and never past midnight.
            blocks = by_day[day]
            assert blocks[0][0].time() == time(18, 30)
            for (start, length, _), (after, _, _) in zip(blocks, blocks[1:], strict=False):
                assert start + timedelta(minutes=length) == after
            end = blocks[-1][0] + timedelta(minutes=blocks[-1][1])
            assert end <= datetime.combine(day + timedelta(days=1), time(0, 0))
    # Week 3: Alpha's last hours, then Gamma, the step studied at the start of Beta, then Beta.
    week3 = by_day[date(2027, 1, 20)]
    assert [(m, s) for _, m, s in week3] == [
        (180, "Alpha: to level 2"),
        (60, "Gamma: to level 1, before Beta"),
    ]
    assert [(m, s) for _, m, s in by_day[date(2027, 1, 21)]] == [
        (60, "Gamma: to level 1, before Beta"),
        (60, "Beta: to level 2"),
    ]
    assert {s for b in by_day.values() for *_, s in b} == {
        "Alpha: to level 2",
        "Alpha: to level 3",
        "Beta: to level 2",
        "Gamma: to level 1, before Beta",
    }


def test_a_late_start_spreads_the_week_or_is_refused_with_the_latest_time() -> None:
    plan = hand_plan()
    late = sessions(plan_agenda(plan, words_for("en"), CalendarOptions(at=time(22, 0))))
    # From 22:00 a day holds two hours: a 6-hour week takes three days, each ending at midnight.
    assert max(len(s) for s in late.values()) <= 2
    for day, blocks in late.items():
        end = blocks[-1][0] + timedelta(minutes=blocks[-1][1])
        assert end <= datetime.combine(day + timedelta(days=1), time(0, 0))
    busy = {**plan, "hours_per_week": 20}
    busy["schedule"] = [{"first_week": 1, "last_week": 3, "hours": {"a": 20.0}}]
    busy["items"] = [{**plan["items"][0], "parts": [part("ready", 2, 60, 1, 3)]}]
    with pytest.raises(InvalidCalendar) as refused:
        plan_agenda(busy, words_for("en"), CalendarOptions(at=time(21, 30)))
    # 20 hours over seven days is 2 h 55 a day: from 21:05 at the latest.
    assert refused.value.latest == time(21, 5)
    assert set(refused.value.fields) == {"at"}
    assert plan_agenda(busy, words_for("en"), CalendarOptions(at=time(21, 5))).blocks


def test_the_days_move_with_the_chosen_start() -> None:
    plan = hand_plan()
    words = words_for("en")
    days = {d.key: d.day for d in plan_agenda(plan, words).days}
    assert days == {
        "milestone/ready": date(2026, 12, 14),
        "milestone/deepen": date(2027, 1, 4),
        "deadline": date(2026, 12, 21),
        # Said once: from week 5 on, practice at work goes with the own study.
        "practice": date(2026, 12, 22),
    }
    later = plan_agenda(plan, words, CalendarOptions(start=date(2026, 12, 1)))
    assert {d.key: d.day for d in later.days}["milestone/ready"] == date(2026, 12, 21)
    deadline = next(d for d in later.days if d.key == "deadline")
    assert deadline.description == "1 skill done in full by then: Beta."


def test_calendar_options_name_every_wrong_field() -> None:
    assert calendar_options({}) == CalendarOptions()
    given = calendar_options({"start": "2027-01-04", "weekday": "Monday", "at": "07:15"})
    assert given == CalendarOptions(date(2027, 1, 4), 0, time(7, 15))
    with pytest.raises(InvalidCalendar) as raised:
        calendar_options({"start": "04/01/2027", "weekday": "someday", "at": "25:00"})
    assert set(raised.value.fields) == {"start", "weekday", "at"}
    assert isinstance(raised.value, InvalidInput)
    with pytest.raises(InvalidCalendar) as late:
        calendar_options({"at": "23:30", "start": "9999-01-01"})
    assert set(late.value.fields) == {"at", "start"}


@pytest.mark.parametrize("hours", [3, 8, 15])
def test_a_real_plans_blocks_add_up_to_its_schedule(taxonomy: Taxonomy, hours: int) -> None:
    from advisor.core.planning import fit_role_model

    planner = Planner(taxonomy, fit_role_model(taxonomy), taxonomy.demand_prior(date(2026, 11, 24)))
    made = planner.build_plan(Profile("fr", "mlops-engineer", hours, {"foundations.linux": 4}))
    plan = plan_dict(made, taxonomy, plan_id="p", created_at=MADE, words=words_for("fr"))
    agenda = plan_agenda(plan, words_for("fr"))
    by_day = sessions(agenda)
    first_day = min(by_day)
    weekly: dict[int, int] = defaultdict(int)
    for day, blocks in by_day.items():
        weekly[(day - first_day).days // 7 + 1] += sum(m for _, m, _ in blocks)
        assert sum(m for _, m, _ in blocks) <= DAY_MINUTES
    scheduled = sum(
        sum(period["hours"].values()) * (period["last_week"] - period["first_week"] + 1)
        for period in plan["schedule"]
    )
    # Every scheduled hour of own study is in a block (steps included), to the rounding of
    # each block to five minutes; the practice at work is not.
    occurrences = sum(b.count for b in agenda.blocks)
    assert abs(sum(weekly.values()) - scheduled * 60) <= 2.5 * occurrences
    assert abs(scheduled - plan["total_hours"]) < 0.5
    assert max(weekly.values()) <= hours * 60 + 5
    assert len(weekly) == plan["weeks"]
    steps = {s["label"] for i in plan["items"] for p in i["parts"] for s in p["steps"]}
    summaries = {b.summary for b in agenda.blocks}
    assert steps and all(any(s.startswith(f"{step}\u00a0:") for s in summaries) for step in steps)
    # Milestones on the dates the JSON gives.
    days = {d.key: d.day.isoformat() for d in agenda.days}
    for milestone in plan["milestones"]:
        assert days[f"milestone/{milestone['id']}"] == milestone["end_date"]
