"""The plan as a diary: the milestones and the deadline on their days, the week from which
practice at work goes with the study, and the person's own study in weekly blocks, from the
weekday and the time the person chose.

A week's study is what the schedule gives it (the person's own hours, at most two items a
week): each stage of each item, the steps studied at its start first, one after the other. A
day holds at most `DAY_MINUTES` of it (more only when the week's hours need more over seven
days), and never runs past midnight: the rest goes to the following days, at the same time.
After the switch week the plan counts the person's own study as a share of the effort and the
rest as practice at work; the calendar holds the own study only, and says so once. Built from
each item's `parts` and their `steps`, the `schedule`, the `milestones`, the `deadline` and the
`switch_week` of the plan's JSON. The shell turns it into an iCalendar file (`advisor.ics`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from advisor.core.errors import InvalidInput
from advisor.core.wording.dates import dated, deadline_day, plan_start
from advisor.core.wording.explanations import few_named, first_names
from advisor.core.wording.standing import week_start
from advisor.core.wording.timeline import stage_name
from advisor.core.wording.words import Words

SATURDAY = 5
DEFAULT_TIME = time(9, 0)
STEP_MINUTES = 5  # blocks are rounded to five minutes
DAY_MINUTES = 240  # a study day holds at most four hours, unless the week needs more
MIDNIGHT = 24 * 60
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LATEST_START = time(22, 0)
FIRST_YEAR, LAST_YEAR = 2000, 2199  # a plan lasts at most ten years: its dates stay in range


class InvalidCalendar(InvalidInput):
    """Calendar options (a start date, a weekday, a time) that cannot be used; `latest` is
    the latest start time that holds the plan's weeks, when the time given is too late."""

    def __init__(self, fields: Mapping[str, str], latest: time | None = None) -> None:
        super().__init__(fields)
        self.latest = latest


@dataclass(frozen=True)
class CalendarOptions:
    """When the person studies: week 1 from `start` (None: the plan's day), from `weekday`
    (0 is Monday) on, from `at`."""

    start: date | None = None
    weekday: int = SATURDAY
    at: time = DEFAULT_TIME


# The names `calendar_options` reads, as a query or the command line gives them.
CALENDAR_FIELDS = ("start", "weekday", "at")


def calendar_options(values: Mapping[str, object]) -> CalendarOptions:
    """`start` (YYYY-MM-DD), `weekday` (monday … sunday) and `at` (HH:MM) as given in a query
    or on the command line, each optional; `InvalidCalendar` names every wrong one."""
    errors: dict[str, str] = {}
    start, weekday, at = None, SATURDAY, DEFAULT_TIME
    given = {k: str(v).strip() for k, v in values.items() if v is not None and str(v).strip()}
    if "start" in given:
        try:
            start = date.fromisoformat(given["start"])
        except ValueError:
            errors["start"] = "must be a date written YYYY-MM-DD"
        else:
            if not FIRST_YEAR <= start.year <= LAST_YEAR:
                errors["start"] = f"must be a date from {FIRST_YEAR} to {LAST_YEAR}"
    if "weekday" in given:
        if given["weekday"].lower() in WEEKDAYS:
            weekday = WEEKDAYS.index(given["weekday"].lower())
        else:
            errors["weekday"] = "must be one of " + ", ".join(WEEKDAYS)
    if "at" in given:
        try:
            at = time.fromisoformat(given["at"])
        except ValueError:
            errors["at"] = "must be a time written HH:MM"
        else:
            if at > LATEST_START:
                errors["at"] = "must be 22:00 or earlier"
    if errors:
        raise InvalidCalendar(errors)
    return CalendarOptions(start, weekday, at.replace(second=0, microsecond=0))


@dataclass(frozen=True)
class Block:
    """A study session repeated every week `count` times from `first` (a local, floating
    time)."""

    key: str
    first: datetime
    minutes: int
    count: int
    summary: str
    description: str


@dataclass(frozen=True)
class DayEvent:
    """A milestone, the deadline or the switch to practice at work: a whole day."""

    key: str
    day: date
    summary: str
    description: str


@dataclass(frozen=True)
class Agenda:
    title: str
    start: date
    weekday: int
    at: time
    days: tuple[DayEvent, ...]
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class _Study:
    """What one stage of an item studies: a step at its start, or the item's own part."""

    key: str
    skill: str
    item: Mapping[str, Any]
    part: Mapping[str, Any]
    step: Mapping[str, Any] | None
    order: tuple[int, int, int, int]  # when it comes in a week it shares with others


@dataclass(frozen=True)
class _Session:
    study: _Study
    day: int  # days after the week's first study day
    offset: int  # minutes after the chosen time
    minutes: int


def plan_agenda(
    plan: Mapping[str, Any], words: Words, options: CalendarOptions | None = None
) -> Agenda:
    """The agenda of `plan` when week 1 starts on `options.start` (the plan's day by default),
    with study from `options.weekday` (Saturday by default) at `options.at` (9:00).

    `InvalidCalendar` (on `at`) when the days from that time to midnight cannot hold the
    plan's busiest week."""
    options = options or CalendarOptions()
    first, weekday, at = options.start or plan_start(plan), options.weekday, options.at
    shift = first - plan_start(plan)
    weekly = _weekly_minutes(plan, _studies(plan))
    day_minutes = _day_minutes(weekly, at)
    runs: dict[tuple[str, int, int, int], list[int]] = {}  # (key, day, offset, minutes) → weeks
    studies: dict[str, _Study] = {}
    for week, load in sorted(weekly.items()):
        for session in _sessions(load, day_minutes):
            studies[session.study.key] = session.study
            place = (session.study.key, session.day, session.offset, session.minutes)
            runs.setdefault(place, []).append(week)
    blocks = [
        _block(studies[key], day, offset, minutes, weeks, first, weekday, at, words)
        for (key, day, offset, minutes), weeks in runs.items()
    ]
    flat = sorted((b for series in blocks for b in series), key=lambda b: (b.first, b.key))
    title = words.phrase("Learning plan") + f" — {plan['target_role']['label']}"
    return Agenda(title, first, weekday, at, _days(plan, words, shift), tuple(flat))


def _parts(item: Mapping[str, Any]) -> Sequence[Mapping[str, Any]]:
    # A plan saved before items had parts is one part: the item's own weeks.
    parts: Sequence[Mapping[str, Any]] = item.get("parts") or [
        {
            "stage": item.get("stage") or "ready",
            "target": item["target"],
            "hours": item["hours"],
            "start_week": item["start_week"],
            "end_week": item["end_week"],
        }
    ]
    return parts


def _studies(plan: Mapping[str, Any]) -> list[_Study]:
    """Every step and part of the plan, in the order of study within an item."""
    found = []
    for item in plan["items"]:
        for n, part in enumerate(_parts(item)):
            weeks = (int(part["start_week"]), int(part["end_week"]))
            base = f"{item['skill']}/{n}"
            for m, step in enumerate(part.get("steps") or []):
                key, order = f"{base}/{step['skill']}", (*weeks, int(item["rank"]), m)
                found.append(_Study(key, str(step["skill"]), item, part, step, order))
            order = (*weeks, int(item["rank"]), len(part.get("steps") or []))
            found.append(_Study(base, str(item["skill"]), item, part, None, order))
    return found


def _weekly_minutes(
    plan: Mapping[str, Any], studies: Sequence[_Study]
) -> dict[int, list[tuple[_Study, int]]]:
    """Week → what is studied that week, in the order of study, with its minutes.

    The minutes are the schedule's hours for the skill that week, given to the step or part
    of that skill whose weeks they fall in, each up to its own hours (a skill whose two stages
    meet in one week shares it); a plan without a schedule spreads each part's hours evenly
    over its weeks."""
    scheduled: dict[int, dict[str, float]] = {}
    for period in plan.get("schedule") or []:
        for week in range(int(period["first_week"]), int(period["last_week"]) + 1):
            scheduled.setdefault(week, {}).update(period["hours"])
    weeks: dict[int, list[tuple[_Study, int]]] = {}
    for study in studies:
        first, last = int(study.part["start_week"]), int(study.part["end_week"])
        left = float((study.step or study.part)["hours"])
        for week in range(first, last + 1):
            pool = scheduled.get(week, {}) if scheduled else {}
            if scheduled:
                hours = min(float(pool.get(study.skill, 0.0)), left)
                pool[study.skill] = float(pool.get(study.skill, 0.0)) - hours
            else:
                hours = left if study.step else float(study.part["hours"]) / (last - first + 1)
            left -= hours
            rounded = round(hours * 60 / STEP_MINUTES) * STEP_MINUTES
            if rounded > 0:
                weeks.setdefault(week, []).append((study, rounded))
    for load in weeks.values():
        load.sort(key=lambda entry: entry[0].order)
    return weeks


def _day_minutes(weekly: Mapping[int, Sequence[tuple[_Study, int]]], at: time) -> int:
    """How long a study day is: at most `DAY_MINUTES`, or the busiest week over seven days
    when that is more, and never past midnight."""
    busiest = max((sum(m for _, m in load) for load in weekly.values()), default=0)
    needed = _rounded_up(busiest / 7)
    until_midnight = MIDNIGHT - (at.hour * 60 + at.minute)
    if needed > until_midnight:
        latest = MIDNIGHT - needed
        raise InvalidCalendar(
            {
                "at": f"must be {latest // 60:02d}:{latest % 60:02d} or earlier: the plan's "
                f"busiest week has {busiest / 60:g} h, and a day's study ends by midnight"
            },
            latest=time(latest // 60, latest % 60),
        )
    return min(max(DAY_MINUTES, needed), until_midnight)


def _rounded_up(minutes: float) -> int:
    return int(math.ceil(minutes / STEP_MINUTES - 1e-9)) * STEP_MINUTES


def _sessions(load: Sequence[tuple[_Study, int]], day_minutes: int) -> list[_Session]:
    """A week's study laid out from its first study day on, one after the other, each day
    holding at most `day_minutes`: what does not fit goes on the next day."""
    sessions = []
    day, used = 0, 0
    for study, minutes in load:
        while minutes > 0:
            if used >= day_minutes:
                day, used = day + 1, 0
            piece = min(minutes, day_minutes - used)
            sessions.append(_Session(study, day, used, piece))
            used += piece
            minutes -= piece
    return sessions


def _block(
    study: _Study,
    day: int,
    offset: int,
    minutes: int,
    weeks: Sequence[int],
    first: date,
    weekday: int,
    at: time,
    words: Words,
) -> list[Block]:
    """The weeks a session keeps its day, time and length, as weekly series: one series for
    each run of consecutive weeks."""
    series: list[tuple[int, int]] = []  # first week, count
    for week in weeks:
        if series and sum(series[-1]) == week:
            series[-1] = (series[-1][0], series[-1][1] + 1)
        else:
            series.append((week, 1))
    summary, description = _block_words(study, words)
    return [
        Block(
            f"{study.key}/{start}/{day}",
            datetime.combine(_study_day(first, start, weekday) + timedelta(days=day), at)
            + timedelta(minutes=offset),
            minutes,
            count,
            summary,
            description,
        )
        for start, count in series
    ]


def _study_day(first: date, week: int, weekday: int) -> date:
    """The day of week `week` (which starts on `first` + 7 (week − 1)) that is `weekday`."""
    begins = week_start(first, week)
    return begins + timedelta(days=(weekday - begins.weekday()) % 7)


def _block_words(study: _Study, words: Words) -> tuple[str, str]:
    item, part, step = study.item, study.part, study.step
    stage = stage_name(str(part["stage"]), words).capitalize() + "."
    weeks = words.phrase(
        "Weeks {start}–{end} of your plan, {hours} h of your own study in all.",
        start=int(part["start_week"]),
        end=int(part["end_week"]),
        hours=words.number(
            float(part["hours"]) + sum(float(s["hours"]) for s in part.get("steps") or [])
        ),
    )
    if step is not None:
        summary = words.phrase(
            "{skill}: to level {level}, before {item}",
            skill=step["label"],
            level=int(step["target"]),
            item=item["label"],
        )
        studied = words.phrase(
            "Studied at the start of {item}, about {hours} h.",
            item=words.quote(str(item["label"])),
            hours=words.number(float(step["hours"])),
        )
        return summary, "\n".join([stage, studied, weeks])
    summary = words.phrase(
        "{skill}: to level {level}", skill=item["label"], level=int(part["target"])
    )
    lines = [stage, weeks]
    lines += [f"{r['title']} — {r['url']}" for r in item.get("resources", [])[:2]]
    return summary, "\n".join(lines)


def _days(plan: Mapping[str, Any], words: Words, shift: timedelta) -> tuple[DayEvent, ...]:
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    days = [
        DayEvent(
            f"milestone/{m.get('id', n)}",
            dated(plan, m.get("end_date"), int(m["end_week"])) + shift,
            words.phrase("Milestone: {title}", title=m.get("title", "")),
            few_named([labels.get(s, s) for s in m.get("skills", [])], words) + "."
            if m.get("skills")
            else str(m.get("note") or ""),
        )
        for n, m in enumerate(plan.get("milestones") or [])
        if plan["items"]
    ]
    switch = _switch_day(plan, words, shift)
    if switch:
        days.append(switch)
    deadline, due = plan.get("deadline"), deadline_day(plan)
    if deadline and due:
        within = [labels.get(s, s) for s in deadline.get("within", [])]
        if deadline["fits"]:
            said = words.phrase("The plan fits your deadline.")
        else:
            said = words.plural(
                "{n} skill done in full by then: {names}.",
                "{n} skills done in full by then: {names}.",
                len(within),
                names=first_names(within, words) or "—",
            )
        days.append(DayEvent("deadline", due + shift, words.phrase("Your deadline"), said))
    return tuple(days)


def _switch_day(plan: Mapping[str, Any], words: Words, shift: timedelta) -> DayEvent | None:
    """The first day after the switch week, when the plan starts counting practice at work:
    said once, here, since the study blocks hold the person's own study only."""
    week = int(plan.get("switch_week") or 0)
    if not plan.get("practice_hours") or not week or week >= int(plan.get("weeks") or 0):
        return None
    said = [
        str(plan.get("switch_note") or ""),
        words.phrase(
            "The study blocks of this calendar are your own study; the practice at work goes "
            "with the second stage, in your working hours, and is not in it."
        ),
    ]
    return DayEvent(
        "practice",
        week_start(plan_start(plan), week + 1) + shift,
        words.phrase("From this week: practice at work"),
        " ".join(s for s in said if s),
    )
