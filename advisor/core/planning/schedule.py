"""Placing the plan in weeks: one block of study after the other, whole weeks for each part,
and at most two items in progress in any week, in the person's own hours of study.

Until the switch week (the first milestone's weeks: half a year, or the deadline if sooner)
every hour of effort is an hour of the person's own study. After it, the plan assumes the
person uses these skills at work (in the new role, or on projects of their current job): most
of what is learnt then comes from the work itself (the 70-20-10 rule of thumb of the Center for
Creative Leadership puts 70 % on assignments), so the person's own study is
`STUDY_SHARE_IN_ROLE` of that effort and the rest is practice at work. The switch is a week,
not a list of skills, so the split depends on time alone.

A block is an item's part with the small prerequisites studied at its start (its steps). Blocks
follow each other in the order of study, each starting where the previous one ended, so a part
runs in consecutive weeks and the hours of a week are never left idle, with one exception: a
week holds at most `IN_PROGRESS` items, so when the week a block would start in already holds
that many, it starts the next week. Hours are whole numbers, and so is every position on the
timeline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# At most this many items are studied in any one week.
IN_PROGRESS = 2
# After the switch week, the person's own study is this share of the effort (70-20-10).
STUDY_SHARE_IN_ROLE = 0.3
EPSILON = 1e-9


@dataclass(frozen=True)
class Placement:
    """Where a part sits on the timeline of the person's own study hours, from `start` to
    `end` (`hours` of own study); `effort` is the part's whole effort, the rest of it practice
    at work; `item` is the item it belongs to (the skill itself, or the item a step is studied
    in)."""

    skill: str
    hours: int
    start: float
    end: float
    stage: str = ""
    item: str = ""
    effort: int = 0

    @property
    def practice(self) -> int:
        """Hours of practice at work that go with the part's own study."""
        return max(self.effort - self.hours, 0)

    def start_week(self, hours_per_week: int) -> int:
        return int(self.start // hours_per_week) + 1

    def end_week(self, hours_per_week: int) -> int:
        return max(-int(-self.end // hours_per_week), self.start_week(hours_per_week))


Key = tuple[str, str]  # (skill, stage)
# A part (key, hours) with its steps, studied first.
BlockHours = tuple[Key, int, Sequence[tuple[Key, int]]]


def place_blocks(
    blocks: Sequence[BlockHours],
    hours_per_week: int,
    switch_week: int | None = None,
    limit: int = IN_PROGRESS,
) -> tuple[Placement, ...]:
    """Placements of every step and part of `blocks` (hours of effort), in order, in the
    person's own hours (see the module's docstring); no switch: all of it is own study."""
    switch = None if switch_week is None else switch_week * hours_per_week
    placements: list[Placement] = []
    now = 0
    in_week: set[str] = set()  # the items in the week `now` lies in
    for key, effort, steps in blocks:
        item = key[0]
        if now % hours_per_week == 0:
            in_week = set()
        if item not in in_week and len(in_week) >= limit:
            now += hours_per_week - now % hours_per_week
            in_week = set()
        first_week = now // hours_per_week
        for (skill, stage), step_effort in [*steps, (key, effort)]:
            own = _own_hours(now, step_effort, switch)
            placements.append(Placement(skill, own, now, now + own, stage, item, step_effort))
            now += own
        in_week = in_week | {item} if (now - 1) // hours_per_week == first_week else {item}
    return tuple(placements)


def _own_hours(start: int, effort: int, switch: int | None) -> int:
    """The person's own hours for `effort` hours starting at `start`: all of it before the
    switch, `STUDY_SHARE_IN_ROLE` of what lies after it (at least an hour)."""
    if switch is None or start + effort <= switch:
        return effort
    before = max(switch - start, 0)
    return before + max(1, round((effort - before) * STUDY_SHARE_IN_ROLE))


@dataclass(frozen=True)
class Period:
    """Consecutive weeks in which the same items progress at the same hours per week."""

    first_week: int
    last_week: int
    hours: tuple[tuple[str, float], ...]


def schedule_periods(placements: Sequence[Placement], hours_per_week: int) -> list[Period]:
    """The week-by-week schedule, with runs of identical weeks folded into one period.

    Between two start or end events the same items run, each at an equal share of the
    hours, so whole weeks inside such a stretch are identical; only the weeks an event falls
    in are pieced together.
    """
    weeks: dict[int, dict[str, float]] = {}
    runs: list[Period] = []
    events = sorted({0.0, *(p.start for p in placements), *(p.end for p in placements)})
    for left, right in zip(events, events[1:], strict=False):
        running = [
            p.skill for p in placements if p.start <= left + EPSILON and p.end >= right - EPSILON
        ]
        if not running or right - left <= EPSILON:
            continue
        share = 1.0 / len(running)
        first_full = math.ceil(left / hours_per_week - EPSILON)
        last_full = math.floor(right / hours_per_week + EPSILON)  # exclusive
        if first_full > last_full:  # the stretch lies inside one week
            _add(weeks, int(left // hours_per_week + EPSILON), running, (right - left) * share)
            continue
        if left < first_full * hours_per_week - EPSILON:
            _add(weeks, first_full - 1, running, (first_full * hours_per_week - left) * share)
        if first_full < last_full:
            pace = tuple(sorted((s, round(hours_per_week * share, 2)) for s in running))
            runs.append(Period(first_full + 1, last_full, pace))
        if right > last_full * hours_per_week + EPSILON:
            _add(weeks, last_full, running, (right - last_full * hours_per_week) * share)
    pieces = runs + [
        Period(w + 1, w + 1, tuple(sorted((s, round(h, 2)) for s, h in load.items())))
        for w, load in weeks.items()
    ]
    return _merge(sorted(pieces, key=lambda p: p.first_week))


def _add(weeks: dict[int, dict[str, float]], week: int, running: list[str], hours: float) -> None:
    load = weeks.setdefault(week, {})
    for skill in running:
        load[skill] = load.get(skill, 0.0) + hours


def _merge(pieces: list[Period]) -> list[Period]:
    merged: list[Period] = []
    for piece in pieces:
        last = merged[-1] if merged else None
        if last and last.hours == piece.hours and last.last_week + 1 == piece.first_week:
            merged[-1] = Period(last.first_week, piece.last_week, last.hours)
        else:
            merged.append(piece)
    return merged


# Weeks in an average month (365.25 / 12 / 7), for "about 5.5 months".
WEEKS_PER_MONTH = 4.345


def months_of(weeks: int) -> float:
    """`weeks` as months, to the nearest half month."""
    return round(weeks / WEEKS_PER_MONTH * 2) / 2
