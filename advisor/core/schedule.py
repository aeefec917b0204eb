"""Placing plan items in time: at most two in progress at once, in the person's weekly hours.

Items are first placed on a timeline measured in study hours, which does not depend on the
hours per week: the next item in rank order whose prerequisites are finished starts as soon as
one of the two slots is free, and two items in progress share the time equally. Weeks follow by
dividing by the hours per week, so more hours per week can never make a plan longer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SLOTS = 2
EPSILON = 1e-9


@dataclass(frozen=True)
class Placement:
    """Where an item sits on the study-hours timeline: from `start` to `end` hours."""

    skill: str
    hours: int
    start: float
    end: float

    def start_week(self, hours_per_week: int) -> int:
        return int(math.floor(self.start / hours_per_week + EPSILON)) + 1

    def end_week(self, hours_per_week: int) -> int:
        return max(
            int(math.ceil(self.end / hours_per_week - EPSILON)), self.start_week(hours_per_week)
        )


def place_items(
    ordered: Sequence[tuple[str, int]], needs: Mapping[str, frozenset[str]]
) -> tuple[Placement, ...]:
    """Placements of `ordered` (skill, hours) items; `needs` must be acyclic."""
    remaining = {skill: float(hours) for skill, hours in ordered}
    pending = [skill for skill, _ in ordered]
    start: dict[str, float] = {}
    end: dict[str, float] = {}
    active: list[str] = []
    now = 0.0
    while pending or active:
        _fill_slots(active, pending, needs, end, start, now)
        share = 1.0 / len(active)
        step = min(remaining[s] for s in active) / share
        for skill in active:
            remaining[skill] -= step * share
        now += step
        for skill in [s for s in active if remaining[s] <= EPSILON]:
            active.remove(skill)
            end[skill] = now
    return tuple(Placement(s, h, start[s], end[s]) for s, h in ordered)


def _fill_slots(
    active: list[str],
    pending: list[str],
    needs: Mapping[str, frozenset[str]],
    finished: Mapping[str, float],
    start: dict[str, float],
    now: float,
) -> None:
    while len(active) < SLOTS:
        ready = next((s for s in pending if all(n in finished for n in needs.get(s, ()))), None)
        if ready is None:
            break
        pending.remove(ready)
        active.append(ready)
        start[ready] = now
    if not active:
        raise ValueError("items wait for each other in a cycle")


def weekly_hours(placements: Sequence[Placement], hours_per_week: int) -> list[dict[str, float]]:
    """Hours spent on each item in each week (index 0 is week 1), for the schedule view."""
    events = sorted({0.0, *(p.start for p in placements), *(p.end for p in placements)})
    total_end = max((p.end for p in placements), default=0.0)
    weeks: list[dict[str, float]] = [
        {} for _ in range(int(math.ceil(total_end / hours_per_week - EPSILON)))
    ]
    for left, right in zip(events, events[1:], strict=False):
        running = [
            p.skill for p in placements if p.start <= left + EPSILON and p.end >= right - EPSILON
        ]
        if not running:
            continue
        _spread(weeks, left, right, running, hours_per_week)
    return weeks


def _spread(
    weeks: list[dict[str, float]], left: float, right: float, running: list[str], per_week: int
) -> None:
    cursor = left
    while cursor < right - EPSILON:
        week = int(cursor // per_week + EPSILON)
        boundary = min(right, (week + 1) * per_week)
        for skill in running:
            share = (boundary - cursor) / len(running)
            weeks[min(week, len(weeks) - 1)][skill] = (
                weeks[min(week, len(weeks) - 1)].get(skill, 0.0) + share
            )
        cursor = boundary
