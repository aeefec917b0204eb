"""The plan as a diary: the milestones and the deadline on their days, and a weekly study block
for each stage of each item, on the weekday and at the time the person chose.

Each stage's block lasts what the schedule gives that skill each week (the person's weekly
hours, shared by at most two skills); two blocks of one week follow each other rather than
overlap. Built from each item's `parts`, the `schedule`, the `milestones` and the `deadline` of
the plan's JSON. The shell turns it into an iCalendar file (`advisor.ics`).
"""

from __future__ import annotations

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
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LATEST_START = time(22, 0)
FIRST_YEAR, LAST_YEAR = 2000, 2199  # a plan lasts at most ten years: its dates stay in range


class InvalidCalendar(InvalidInput):
    """Calendar options (a start date, a weekday, a time) that cannot be used."""


@dataclass(frozen=True)
class CalendarOptions:
    """When the person studies: week 1 from `start` (None: the plan's day), on `weekday`
    (0 is Monday), from `at`."""

    start: date | None = None
    weekday: int = SATURDAY
    at: time = DEFAULT_TIME


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
    """A study block repeated every week `count` times from `first` (a local, floating time)."""

    key: str
    first: datetime
    minutes: int
    count: int
    summary: str
    description: str


@dataclass(frozen=True)
class DayEvent:
    """A milestone or the deadline: a whole day."""

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
class _Stage:
    key: str
    item: Mapping[str, Any]
    part: Mapping[str, Any]


def plan_agenda(
    plan: Mapping[str, Any], words: Words, options: CalendarOptions | None = None
) -> Agenda:
    """The agenda of `plan` when week 1 starts on `options.start` (the plan's day by default),
    with study on `options.weekday` (Saturday by default) from `options.at` (9:00)."""
    options = options or CalendarOptions()
    first, weekday, at = options.start or plan_start(plan), options.weekday, options.at
    shift = first - plan_start(plan)
    stages = [
        _Stage(f"{item['skill']}/{n}", item, part)
        for item in plan["items"]
        for n, part in enumerate(_parts(item))
    ]
    minutes = _weekly_minutes(plan, stages)
    blocks: list[Block] = []
    for stage in stages:
        blocks += _blocks(stage, minutes, first, weekday, at, words)
    blocks.sort(key=lambda b: (b.first, b.key))
    title = words.phrase("Learning plan") + f" — {plan['target_role']['label']}"
    return Agenda(title, first, weekday, at, _days(plan, words, shift), tuple(blocks))


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


def _weekly_minutes(
    plan: Mapping[str, Any], stages: Sequence[_Stage]
) -> dict[int, list[tuple[str, int]]]:
    """Week → the stages studied that week, in the plan's order, with their minutes.

    The minutes are the schedule's hours for the skill that week; a plan without a schedule
    spreads each stage's hours evenly over its weeks."""
    scheduled: dict[int, dict[str, float]] = {}
    for period in plan.get("schedule") or []:
        for week in range(int(period["first_week"]), int(period["last_week"]) + 1):
            scheduled.setdefault(week, {}).update(period["hours"])
    weeks: dict[int, list[tuple[str, int]]] = {}
    for stage in stages:
        first, last = int(stage.part["start_week"]), int(stage.part["end_week"])
        even = float(stage.part["hours"]) / max(last - first + 1, 1)
        for week in range(first, last + 1):
            hours = scheduled[week].get(stage.item["skill"], 0.0) if scheduled else even
            rounded = round(hours * 60 / STEP_MINUTES) * STEP_MINUTES
            taken = any(key.split("/")[0] == stage.item["skill"] for key, _ in weeks.get(week, []))
            if rounded > 0 and not taken:
                weeks.setdefault(week, []).append((stage.key, rounded))
    return weeks


def _blocks(
    stage: _Stage,
    weekly: Mapping[int, Sequence[tuple[str, int]]],
    first: date,
    weekday: int,
    at: time,
    words: Words,
) -> list[Block]:
    """The stage's weeks folded into series: consecutive weeks with the same length and the
    same place in the day make one weekly repeated block."""
    runs: list[tuple[int, int, int, int]] = []  # first week, count, offset, minutes
    for week in range(int(stage.part["start_week"]), int(stage.part["end_week"]) + 1):
        offset = 0
        for key, minutes in weekly.get(week, []):
            if key == stage.key:
                last = runs[-1] if runs else None
                if last and last[0] + last[1] == week and last[2:] == (offset, minutes):
                    runs[-1] = (last[0], last[1] + 1, offset, minutes)
                else:
                    runs.append((week, 1, offset, minutes))
                break
            offset += minutes
    summary, description = _block_words(stage, words)
    return [
        Block(
            f"{stage.key}/{week}",
            datetime.combine(_study_day(first, week, weekday), at) + timedelta(minutes=offset),
            minutes,
            count,
            summary,
            description,
        )
        for week, count, offset, minutes in runs
    ]


def _study_day(first: date, week: int, weekday: int) -> date:
    """The day of week `week` (which starts on `first` + 7 (week − 1)) that is `weekday`."""
    begins = week_start(first, week)
    return begins + timedelta(days=(weekday - begins.weekday()) % 7)


def _block_words(stage: _Stage, words: Words) -> tuple[str, str]:
    item, part = stage.item, stage.part
    summary = words.phrase(
        "{skill}: to level {level}", skill=item["label"], level=int(part["target"])
    )
    lines = [
        stage_name(str(part["stage"]), words).capitalize() + ".",
        words.phrase(
            "Weeks {start}–{end} of your plan, {hours} h in all.",
            start=int(part["start_week"]),
            end=int(part["end_week"]),
            hours=words.number(float(part["hours"])),
        ),
    ]
    lines += [f"{r['title']} — {r['url']}" for r in item.get("resources", [])[:2]]
    return summary, "\n".join(lines)


def _days(plan: Mapping[str, Any], words: Words, shift: timedelta) -> tuple[DayEvent, ...]:
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    days = [
        DayEvent(
            f"milestone/{m.get('id', n)}",
            dated(plan, m.get("end_date"), int(m["end_week"])) + shift,
            words.phrase("Milestone: {title}", title=m.get("title", "")),
            few_named([labels.get(s, s) for s in m.get("skills", [])], words) + ".",
        )
        for n, m in enumerate(plan.get("milestones") or [])
        if plan["items"]
    ]
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
