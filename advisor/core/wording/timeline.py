"""The plan's timeline: when each stage of each item is studied, along the weeks, with the
milestones and the deadline as marks. The PDF draws it with ReportLab, the plan page as SVG
with a table beside it: both read this one value, so the page and the PDF agree.

It is built from each item's `parts` (one per stage, each with its own weeks) and the plan's
`milestones` and `deadline`, as the plan's JSON gives them: when the planner schedules
differently, the timeline follows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from advisor.core.wording.dates import dated, deadline_day, plan_start
from advisor.core.wording.explanations import joined
from advisor.core.wording.standing import week_end, week_start
from advisor.core.wording.words import Words

READY, DEEPEN = "ready", "deepen"
# Steps between two ticks of the week axis, in weeks: a quarter is 13 weeks, a year 52.
TICK_STEPS = (1, 2, 4, 8, 13, 26, 52, 104)
MAX_TICKS = 8


@dataclass(frozen=True)
class Bar:
    """One stage of one item: from the first day of `start_week` to the last of `end_week`,
    `hours` of the person's own study, the steps studied at its start included (`steps`, in
    words), and `practice` hours of practice at work with it."""

    stage: str
    target: int
    hours: float
    start_week: int
    end_week: int
    start_day: date
    end_day: date
    steps: tuple[str, ...] = ()  # "“REST APIs” to level 2 (4 h)"
    practice: float = 0.0


@dataclass(frozen=True)
class Row:
    """One item of the plan (or, with `folded` > 0, that many more items at the end)."""

    rank: int
    label: str
    bars: tuple[Bar, ...]
    folded: int = 0


@dataclass(frozen=True)
class Mark:
    """A milestone or the deadline, at the end of week `week`."""

    kind: str
    title: str
    week: int
    day: date
    when: str


@dataclass(frozen=True)
class Tick:
    """The boundary after `week` weeks of study (0: the plan's first day), and its month."""

    week: int
    month: str


@dataclass(frozen=True)
class Timeline:
    weeks: int
    rows: tuple[Row, ...]
    marks: tuple[Mark, ...]
    ticks: tuple[Tick, ...]
    stages: tuple[tuple[str, str], ...]

    def first(self, count: int, words: Words) -> Timeline:
        """At most `count` rows: the first items, then one row for all the others."""
        if len(self.rows) <= count:
            return self
        kept, rest = self.rows[: max(count - 1, 0)], self.rows[max(count - 1, 0) :]
        return replace(self, rows=(*kept, _folded(rest, words)))


def plan_timeline(plan: Mapping[str, Any], words: Words) -> Timeline:
    """The timeline of `plan` (public JSON), its words in the plan's language."""
    start = plan_start(plan)
    rows = tuple(
        Row(int(item["rank"]), str(item["label"]), item_bars(item, start, words))
        for item in plan["items"]
    )
    weeks = max([int(plan.get("weeks") or 0), *(b.end_week for r in rows for b in r.bars)])
    present = {b.stage for r in rows for b in r.bars}
    return Timeline(
        weeks=weeks,
        rows=rows,
        marks=_marks(plan, words),
        ticks=_ticks(start, weeks, words),
        stages=tuple((s, stage_name(s, words)) for s in (READY, DEEPEN) if s in present),
    )


def stage_name(stage: str, words: Words) -> str:
    if stage == READY:
        return words.phrase("first stage: ready for the role")
    return words.phrase("second stage: the role's full level")


def stage_label(stage: str, words: Words) -> str:
    """The stage's short name: "First stage", "Second stage"."""
    return words.phrase("First stage") if stage == READY else words.phrase("Second stage")


def bar_words(bar: Bar, words: Words) -> str:
    """ "weeks 9–15 (Feb 1 – Mar 21, 2027), to level 3, 54 h", for a line, a table or a title;
    with the practice at work that goes with it, and the steps studied first."""
    values = {
        "weeks": weeks_words(bar.start_week, bar.end_week, words),
        "dates": words.interval(bar.start_day, bar.end_day),
        "level": bar.target,
        "hours": words.number(bar.hours),
    }
    if bar.practice:
        said = words.phrase(
            "{weeks} ({dates}), to level {level}: {hours} h of your own study and {practice} h "
            "of practice at work",
            practice=words.number(bar.practice),
            **values,
        )
    else:
        said = words.phrase("{weeks} ({dates}), to level {level}, {hours} h", **values)
    if bar.steps:
        said += words.phrase(", starting with {steps}", steps=joined(bar.steps, words))
    return said


def weeks_words(first: int, last: int, words: Words) -> str:
    """ "weeks 9–15", or "week 9" for one week."""
    if first == last:
        return words.phrase("week {week}", week=first)
    return words.phrase("weeks {start}–{end}", start=first, end=last)


def item_bars(item: Mapping[str, Any], start: date, words: Words | None = None) -> tuple[Bar, ...]:
    """The item's stages as bars; `start` is the plan's first day; `words` names the steps."""
    # A plan saved before items had parts is one part: the item's own weeks.
    parts: Sequence[Mapping[str, Any]] = item.get("parts") or [
        {
            "stage": item.get("stage") or READY,
            "target": item["target"],
            "hours": item["hours"],
            "start_week": item["start_week"],
            "end_week": item["end_week"],
        }
    ]
    return tuple(
        Bar(
            stage=str(p["stage"]),
            target=int(p["target"]),
            hours=float(p["hours"]) + sum(float(s["hours"]) for s in p.get("steps") or []),
            start_week=int(p["start_week"]),
            end_week=int(p["end_week"]),
            start_day=week_start(start, int(p["start_week"])),
            end_day=week_end(start, int(p["end_week"])),
            steps=tuple(_step_words(s, words) for s in p.get("steps") or []) if words else (),
            practice=float(p.get("practice_hours") or 0)
            + sum(float(s.get("practice_hours") or 0) for s in p.get("steps") or []),
        )
        for p in parts
    )


def _step_words(step: Mapping[str, Any], words: Words) -> str:
    """ "“REST APIs” to level 2 (4 h)" """
    return words.phrase(
        "{skill} to level {level} ({hours} h)",
        skill=words.quote(str(step["label"])),
        level=step["target"],
        hours=words.number(float(step["hours"])),
    )


def _marks(plan: Mapping[str, Any], words: Words) -> tuple[Mark, ...]:
    marks = [
        Mark(
            "milestone",
            str(m.get("title", "")),
            int(m["end_week"]),
            day := dated(plan, m.get("end_date"), int(m["end_week"])),
            words.date(day),
        )
        for m in plan.get("milestones") or []
        if plan["items"]
    ]
    deadline = plan.get("deadline")
    due = deadline_day(plan)
    if deadline and due:
        title = words.phrase("Deadline")
        marks.append(Mark("deadline", title, int(deadline["weeks"]), due, words.date(due)))
    return tuple(marks)


def _ticks(start: date, weeks: int, words: Words) -> tuple[Tick, ...]:
    step = next((s for s in TICK_STEPS if weeks / s <= MAX_TICKS), TICK_STEPS[-1])
    return tuple(
        Tick(week, words.month(week_start(start, week + 1))) for week in range(0, weeks + 1, step)
    )


def _folded(rows: Sequence[Row], words: Words) -> Row:
    """The last items as one row: each stage from its first week in them to its last."""
    bars = [b for r in rows for b in r.bars]
    merged = []
    for stage in (READY, DEEPEN):
        of_stage = [b for b in bars if b.stage == stage]
        if of_stage:
            first = min(of_stage, key=lambda b: b.start_week)
            last = max(of_stage, key=lambda b: b.end_week)
            merged.append(
                Bar(
                    stage,
                    max(b.target for b in of_stage),
                    sum(b.hours for b in of_stage),
                    first.start_week,
                    last.end_week,
                    first.start_day,
                    last.end_day,
                    practice=sum(b.practice for b in of_stage),
                )
            )
    label = words.plural("{n} more item", "{n} more items", len(rows))
    return Row(rows[0].rank, label, tuple(merged), folded=len(rows))
