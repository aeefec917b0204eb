"""Placing plan items in time: at most two in progress at once, in the person's weekly hours.

Items (or an item's parts, one per stage, keyed `(skill, stage)`) are first placed on a timeline
measured in study hours, which does not depend on the hours per week: the next part in study
order whose prerequisites are finished starts as soon as one of the two slots is free, and two
parts in progress share the time equally (one alone gets all the time). Weeks follow by
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
    """Where an item's part sits on the study-hours timeline: from `start` to `end` hours."""

    skill: str
    hours: int
    start: float
    end: float
    stage: str = ""

    def start_week(self, hours_per_week: int) -> int:
        return int(math.floor(self.start / hours_per_week + EPSILON)) + 1

    def end_week(self, hours_per_week: int) -> int:
        return max(
            int(math.ceil(self.end / hours_per_week - EPSILON)), self.start_week(hours_per_week)
        )


Key = tuple[str, str]  # (skill, stage)


def place_items(
    ordered: Sequence[tuple[Key, int]], needs: Mapping[Key, frozenset[Key]]
) -> tuple[Placement, ...]:
    """Placements of `ordered` ((skill, stage), hours) parts; `needs` must be acyclic."""
    remaining = {key: float(hours) for key, hours in ordered}
    pending = [key for key, _ in ordered]
    start: dict[Key, float] = {}
    end: dict[Key, float] = {}
    active: list[Key] = []
    now = 0.0
    while pending or active:
        _fill_slots(active, pending, needs, end, start, now)
        share = 1.0 / len(active)
        step = min(remaining[s] for s in active) / share
        for key in active:
            remaining[key] -= step * share
        now += step
        for key in [k for k in active if remaining[k] <= EPSILON]:
            active.remove(key)
            end[key] = now
    return tuple(Placement(k[0], h, start[k], end[k], k[1]) for k, h in ordered)


def _fill_slots(
    active: list[Key],
    pending: list[Key],
    needs: Mapping[Key, frozenset[Key]],
    finished: Mapping[Key, float],
    start: dict[Key, float],
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
