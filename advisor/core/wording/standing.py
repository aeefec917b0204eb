"""Where the person stands, in the plan's JSON: every skill of the target role with the level
counted, the levels their ratings imply and why, the deadline's parts, and the date of a week.

A week has one date everywhere: week N of a plan made on day D ends on D + 7N − 1 days (week 1
is D to D + 6), and the page, the PDF and the Markdown read that date from the JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from advisor.core.planning import DeadlineCheck, ImpliedLevel, planned_level
from advisor.core.taxonomy import Role
from advisor.core.wording.words import Words

Label = Callable[[str], str]


def week_start(start: date, week: int) -> date:
    """The first day of week `week` of a plan made on `start` (week 1 starts on `start`)."""
    return start + timedelta(days=7 * (week - 1))


def week_end(start: date, week: int) -> date:
    """The last day of week `week` of a plan made on `start` (the day itself for week 0)."""
    return start + timedelta(days=max(7 * week - 1, 0))


def week_spans(item: Mapping[str, Any]) -> str:
    """An item's weeks, stage by stage: "9–11, 50" for a first stage in weeks 9 to 11 and a
    second in week 50 (an item saved without parts: its first and last week)."""
    parts = item.get("parts") or [item]
    spans = []
    for part in parts:
        first, last = int(part["start_week"]), int(part["end_week"])
        spans.append(str(first) if first == last else f"{first}–{last}")
    return ", ".join(spans)


def implied_dicts(
    implied: tuple[ImpliedLevel, ...], label: Label, words: Words
) -> list[dict[str, Any]]:
    """Each floor with the rating it follows from, and the sentence that says so."""
    return [
        {
            "skill": floor.skill,
            "label": label(floor.skill),
            "level": floor.level,
            "from": {
                "skill": floor.source,
                "label": label(floor.source),
                "level": floor.source_level,
            },
            "why": implied_sentence(floor, label, words),
        }
        for floor in implied
    ]


def implied_sentence(floor: ImpliedLevel, label: Label, words: Words) -> str:
    """ "“Kubernetes” at 4 needs “Networking fundamentals” at 2: counted as 2." """
    return words.phrase(
        "{source} at {source_level} needs {skill} at {level}: counted as {level}.",
        source=words.quote(label(floor.source)),
        source_level=floor.source_level,
        skill=words.quote(label(floor.skill)),
        level=floor.level,
    )


def standing_dicts(
    role: Role, levels: Mapping[str, int], rated: Mapping[str, int], label: Label
) -> list[dict[str, Any]]:
    """Every skill the role asks for, strengths included, most important first: the level
    counted (rated, or implied), the level the plan takes it to and the role's own level."""
    requirements = role.requirements_for(levels)
    ordered = sorted(requirements.values(), key=lambda r: (-r.importance, r.skill))
    return [
        {
            "skill": r.skill,
            "label": label(r.skill),
            "level": levels.get(r.skill, 0),
            "rated": rated.get(r.skill),
            "target": max(planned_level(r), levels.get(r.skill, 0)),
            "role_level": r.level,
            "importance": r.importance,
        }
        for r in ordered
    ]


def deadline_dict(deadline: DeadlineCheck | None, start: date) -> dict[str, Any] | None:
    """The deadline check, its date, and the shares of the parts under way rounded."""
    if deadline is None:
        return None
    return {
        "weeks": deadline.weeks,
        "end_date": week_end(start, deadline.weeks).isoformat(),
        "fits": deadline.fits,
        "hours_available": deadline.hours_available,
        "fitting_items": list(deadline.fitting_items),
        "within": list(deadline.within),
        "after": list(deadline.after),
        "week_marked": deadline.week_marked,
        "stage_reached": list(deadline.stage_reached),
        "parts_done": [
            {"skill": p.skill, "stage": p.stage, "target": p.target, "item": p.item}
            for p in deadline.parts_done
        ],
        "in_progress": [
            {
                "skill": p.skill,
                "stage": p.stage,
                "target": p.target,
                "item": p.item,
                "share": round(p.share, 2),
            }
            for p in deadline.in_progress
        ],
    }
