"""A plan in words, in the plan's language: why each item is where it is, and its reasons.

For the JSON, the page, the PDF and Markdown. Sentences say what a person can act on
("First: six other skills of your plan build on it."); the numbers behind them stay in the
item's `reasons` for a details view.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from advisor.core.planning import CORE_IMPORTANCE, READY, Milestone, PlanItem
from advisor.core.wording.words import Words

FACTORS = ("gap", "importance", "demand", "unlocks", "effort")
Label = Callable[[str], str]


def factor_name(factor: str, words: Words) -> str:
    """The name of a priority factor, as the method section lists them."""
    names = {
        "gap": words.phrase("Gap"),
        "importance": words.phrase("Importance"),
        "demand": words.phrase("Demand"),
        "unlocks": words.phrase("Unlocks"),
        "effort": words.phrase("Effort"),
    }
    return names[factor]


def importance_words(importance: int, words: Words) -> str:
    """O*NET's importance scale in words ("very important for the role")."""
    if importance >= 5:
        return words.phrase("essential for the role")
    if importance == 4:
        return words.phrase("very important for the role")
    if importance == 3:
        return words.phrase("important for the role")
    return words.phrase("useful for the role")


def needed_for_words(importance: int, words: Words) -> str:
    """The importance a prerequisite inherits, said as what it is needed for."""
    if importance >= 5:
        return words.phrase("needed for a skill essential for the role")
    if importance == 4:
        return words.phrase("needed for a very important skill of the role")
    return words.phrase("needed for another skill of the plan")


def demand_words(demand: float, words: Words) -> str:
    if demand >= 2 / 3:
        return words.phrase("much cited in recent articles")
    if demand >= 1 / 3:
        return words.phrase("cited in recent articles")
    return words.phrase("mentioned in the sources")


def reason_sentence(reason: Mapping[str, Any], words: Words, is_prerequisite: bool = False) -> str:
    """One reason of a plan item in words, e.g. "very important for the role"."""
    factor, value = reason["factor"], float(reason["value"])
    count = round(value)
    if factor == "gap":
        return words.plural("{n} level to climb", "{n} levels to climb", count)
    if factor == "importance" and is_prerequisite:
        return needed_for_words(count, words)
    if factor == "importance":
        return importance_words(count, words)
    if factor == "demand":
        return demand_words(value, words)
    if factor == "unlocks":
        return words.plural(
            "unlocks {n} other item of the plan", "unlocks {n} other items of the plan", count
        )
    return words.plural("{n} hour of effort", "{n} hours of effort", count)


def transfer_sentence(transfer: Mapping[str, Any], label: Label, words: Words) -> str:
    """The credit for related skills: "40% less effort: you already master threat modelling"."""
    return words.phrase(
        "{percent} less effort: you already master {skills}",
        percent=words.percent(float(transfer["share"])),
        skills=joined([words.quote(label(s)) for s in transfer["from"]], words),
    )


def reasons_in_words(
    reasons: Sequence[Mapping[str, Any]],
    words: Words,
    transfer: Mapping[str, Any] | None = None,
    label: Label | None = None,
    is_prerequisite: bool = False,
) -> str:
    """The reasons, strongest contribution first, joined into one line; the credit for
    related skills, when there is one and `label` names skills, comes last. A prerequisite
    the role does not ask for is said to be needed, not important in itself."""
    # A factor that contributes nothing (nothing unlocked, no demand) is not a reason.
    ranked = sorted(
        (r for r in reasons if float(r["score"]) > 0),
        key=lambda r: -float(r["score"]) * float(r["weight"]),
    )
    sentences = [reason_sentence(r, words, is_prerequisite) for r in ranked]
    if transfer and label:
        sentences.append(transfer_sentence(transfer, label, words))
    separator = "\u202f; " if words.language == "fr" else "; "
    return separator.join(sentences)


def joined(names: Sequence[str], words: Words) -> str:
    """ "A", "A and B", "A, B and C" in the plan's language."""
    if len(names) <= 1:
        return "".join(names)
    return words.phrase("{first} and {last}", first=", ".join(names[:-1]), last=names[-1])


def first_names(names: Sequence[str], words: Words, shown: int = 3) -> str:
    """The first few names and how many others: "A, B, C and 2 others", never a run-on list
    (the rest is in the plan's details)."""
    if len(names) <= shown + 1:
        return joined(list(names), words)
    others = words.plural("{n} other", "{n} others", len(names) - shown)
    return joined([*names[:shown], others], words)


def few_named(names: Sequence[str], words: Words, shown: int = 3) -> str:
    """How many skills, and the first few by name: "5 skills: A, B, C and 2 others"."""
    listed = first_names(names, words, shown)
    return words.plural("{n} skill: {names}", "{n} skills: {names}", len(names), names=listed)


def why_here(item: PlanItem, label: Label, words: Words, ready: Milestone | None = None) -> str:
    """Why the item sits at its place in the order, in one or two plain sentences.

    `ready` is the plan's first milestone, to say when a core skill was left for later.
    """
    unlocked = len(item.unlocks)
    if item.rank == 1 and not item.is_prerequisite:
        first = _first(unlocked, words)
    elif item.is_prerequisite and item.unlocks:
        first = words.phrase("Needed before {skill}.", skill=words.quote(label(item.unlocks[0])))
    elif item.stage == READY:
        first = _core(item, label, words)
    else:
        first = _later(item, words, ready)
    if item.stage == READY and item.stage_target < item.target:
        second = words.phrase("Level {level} comes in the second stage.", level=item.target)
        return f"{first} {second}"
    return first


def steps_in_words(item: PlanItem, label: Label, words: Words) -> str:
    """The small prerequisites studied at the start of the item, or "" when there are none:
    "Before “Model serving”: “REST APIs” to level 2, about 4 h."."""
    steps = [
        words.phrase(
            "{skill} to level {level}, about {hours} h",
            skill=words.quote(label(step.skill)),
            level=step.target,
            hours=step.hours,
        )
        for step in item.steps
    ]
    if not steps:
        return ""
    return words.phrase(
        "Before {skill}: {steps}.", skill=words.quote(label(item.skill)), steps=joined(steps, words)
    )


def _first(unlocked: int, words: Words) -> str:
    if unlocked:
        return words.plural(
            "First: {n} other skill of your plan builds on it.",
            "First: {n} other skills of your plan build on it.",
            unlocked,
        )
    return words.phrase("First: what the role needs most, with nothing to learn before it.")


def _core(item: PlanItem, label: Label, words: Words) -> str:
    if item.prerequisites:
        return words.phrase(
            "Core of the role, right after {skills}: the first stage takes you to level {level}.",
            skills=joined([words.quote(label(s)) for s in item.prerequisites[-2:]], words),
            level=item.stage_target,
        )
    return words.phrase(
        "Core of the role: the first stage takes you to level {level}.", level=item.stage_target
    )


def _later(item: PlanItem, words: Words, ready: Milestone | None) -> str:
    if ready and ready.budget_weeks and item.skill in ready.moved:
        return words.plural(
            "Core of the role, left to the second stage so that the first fits in {n} week.",
            "Core of the role, left to the second stage so that the first fits in {n} weeks.",
            ready.budget_weeks,
        )
    if item.importance >= CORE_IMPORTANCE:
        return words.phrase(
            "Core of the role, already at a working level: this takes it to level {level}.",
            level=item.target,
        )
    if item.importance >= 3:
        return words.phrase("After the core: useful for the role, less central.")
    return words.phrase("Last: a plus for the role.")


def milestone_title(milestone: Milestone, words: Words) -> str:
    if milestone.id == READY:
        return words.phrase("Ready for the role")
    return words.phrase("The role's full level")


def milestone_note(milestone: Milestone, words: Words, label: Label | None = None) -> str:
    """What a trimmed first stage left for later or took to a lower level, in words; empty
    when nothing moved."""
    if milestone.id == READY and not milestone.skills and milestone.moved:
        return words.plural(
            "No core skill fits in {n} week at your hours: the plan starts with the next stage.",
            "No core skill fits in {n} weeks at your hours: the plan starts with the next stage.",
            milestone.budget_weeks or 0,
        )
    if milestone.id == READY and not milestone.skills:
        return words.phrase("Your level is already a working level in every core skill.")
    if milestone.budget_weeks is None:
        return ""
    notes = []
    if milestone.moved:
        notes.append(
            words.plural(
                "To keep this stage within {weeks} weeks, {n} core skill moves to the next one.",
                "To keep this stage within {weeks} weeks, {n} core skills move to the next one.",
                len(milestone.moved),
                weeks=milestone.budget_weeks,
            )
        )
    for skill, level in milestone.lowered:
        name = words.quote(label(skill)) if label else skill
        notes.append(
            words.phrase(
                "For the same reason, this stage takes {skill} to level {level} only.",
                skill=name,
                level=level,
            )
        )
    return " ".join(notes)


def practice_in_words(item: PlanItem, words: Words) -> str:
    """How an item's effort splits once the plan assumes the person uses the skill at work,
    or "" when it is all the person's own study."""
    practice = item.practice_hours
    if not practice:
        return ""
    return words.phrase(
        "Of its {effort} hours, about {hours} are your own study; the other {practice} come "
        "from practice at work.",
        effort=item.hours + practice + sum(s.hours + s.practice_hours for s in item.steps),
        hours=item.hours + sum(s.hours for s in item.steps),
        practice=practice + sum(s.practice_hours for s in item.steps),
    )


def switch_note(switch_week: int, share: float, words: Words) -> str:
    """The plan's assumption about work after its first weeks, in one sentence."""
    return words.phrase(
        "From week {week}, the plan assumes you use these skills at work (in the new role, or "
        "on projects of your current job): most of what you learn then comes from the work "
        "itself, and the plan counts your own study, {share} of the effort.",
        week=switch_week + 1,
        share=words.percent(share),
    )
