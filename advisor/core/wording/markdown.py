"""A plan (public JSON) as Markdown, in the plan's language, for `advisor plan --format md`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from advisor.core.wording.dates import dated, deadline_day, plan_start
from advisor.core.wording.explanations import reasons_in_words
from advisor.core.wording.standing import week_spans
from advisor.core.wording.timeline import bar_words, item_bars, stage_label
from advisor.core.wording.words import Words


def plan_markdown(plan: Mapping[str, Any], words: Words) -> str:
    """The whole plan in `words` (the plan's language): role and fit, totals, deadline,
    milestones, items in the order of study with why they are there, reasons and resources."""
    role = plan["target_role"]
    title, target = words.phrase("Learning plan"), words.phrase("Target role")
    suggested, ranked = (
        words.phrase("Best-fitting roles"),
        words.phrase("Skills in the order of study"),
    )
    lines = [
        f"# {title} — {role['label']}",
        "",
        f"**{target}**{words.colon()}{role['label']}. "
        + words.phrase(
            "You already cover {fit} of what this role needs, weighted by importance.",
            fit=words.percent(role["fit"]),
        ),
        *_ad_lines(role, words),
        *_origin_lines(plan, words),
        "",
        words.phrase(
            "{hours} hours at {per_week} h/week: {weeks} weeks.",
            hours=words.number(plan["total_hours"]),
            per_week=words.number(plan["hours_per_week"]),
            weeks=words.number(plan["weeks"]),
        )
        + " "
        + words.phrase(
            "You would finish on {date}.",
            date=words.date(dated(plan, plan.get("end_date"), int(plan["weeks"]))),
        ),
        *_practice_lines(plan, words),
        *_implied_lines(plan, words),
        *_deadline_lines(plan, words),
        *_milestone_lines(plan, words),
        "",
        f"## {suggested}",
        "",
        *[
            f"- {s['label']}{words.colon()}{words.percent(s['fit'])}"
            for s in plan["role_suggestions"]
        ],
        "",
        f"## {ranked}",
        "",
        words.phrase("| # | Skill | Level | Hours | Weeks | Stage |"),
        "|---|---|---|---|---|---|",
        *[_row(item, words) for item in plan["items"]],
        "",
    ]
    start = plan_start(plan)
    for item in plan["items"]:
        lines += _item_section(item, words, start)
    return "\n".join(lines).rstrip() + "\n"


def _origin_lines(plan: Mapping[str, Any], words: Words) -> list[str]:
    """Where the person comes from, and what its typical levels did: assumed for the skills
    they did not rate, or available and not applied (those skills count as 0)."""
    origin = plan.get("origin_role")
    if not origin:
        return []
    coming_from = words.phrase("Coming from")
    coming = f"**{coming_from}**{words.colon()}{origin['label']}."
    assumed = (plan.get("assumed") or {}).get("levels") or []
    available = origin.get("typical_not_applied") or []
    if assumed:
        return [
            "",
            coming
            + " "
            + words.plural(
                "Its typical level stands in for {n} skill you did not rate: {levels}.",
                "Its typical levels stand in for {n} skills you did not rate: {levels}.",
                len(assumed),
                levels=_levels_text(assumed, words),
            ),
        ]
    if available:
        return [
            "",
            coming
            + " "
            + words.plural(
                "Its typical level for {n} skill you did not rate was not applied, so that skill "
                'counts as 0: {levels}. Send `"prefill": "typical"` to assume it.',
                "Its typical levels for {n} skills you did not rate were not applied, so those "
                'skills count as 0: {levels}. Send `"prefill": "typical"` to assume them.',
                len(available),
                levels=_levels_text(available, words),
            ),
        ]
    return ["", coming]


def _levels_text(levels: list[Mapping[str, Any]], words: Words) -> str:
    return ", ".join(
        words.phrase("{skill} (level {level})", skill=entry["label"], level=entry["level"])
        for entry in levels
    )


def _practice_lines(plan: Mapping[str, Any], words: Words) -> list[str]:
    """The practice at work the plan counts after its switch week, and why."""
    if not plan.get("practice_hours"):
        return []
    hours = words.number(plan["practice_hours"])
    if plan.get("switch_note"):
        # The note says from which week: the line does not say it twice.
        line = words.phrase("With it, {hours} h of practice at work.", hours=hours)
        return ["", f"{line} {plan['switch_note']}"]
    week = int(plan.get("switch_week") or 0) + 1
    return [
        "",
        words.phrase(
            "With it, {hours} h of practice at work, from week {week}.", hours=hours, week=week
        ),
    ]


def _deadline_lines(plan: Mapping[str, Any], words: Words) -> list[str]:
    deadline = plan.get("deadline")
    if not deadline:
        return []
    due = words.date(deadline_day(plan) or plan_start(plan))
    if deadline["fits"]:
        return [
            "",
            words.phrase(
                "The plan fits your deadline of {weeks} weeks ({date}).",
                weeks=deadline["weeks"],
                date=due,
            ),
        ]
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    labels |= {
        step["skill"]: step["label"]
        for i in plan["items"]
        for part in i.get("parts", [])
        for step in part.get("steps", [])
    }
    none = words.phrase("none in full")
    within = deadline.get("within", deadline.get("fitting_items", []))
    lines = [
        "",
        words.phrase(
            "The plan does not fit your deadline of {weeks} weeks; these first items do: {items}.",
            weeks=deadline["weeks"],
            items=", ".join(labels[s] for s in within) or none,
        )
        + " "
        + words.phrase("Your deadline: {date}.", date=due),
    ]
    parts = [
        words.phrase("{skill} to level {level}", skill=_name(p, labels), level=p["target"])
        for p in deadline.get("parts_done", [])
    ]
    if parts:
        lines.append(words.phrase("Every stage done by then: {parts}.", parts=", ".join(parts)))
    for going in deadline.get("in_progress", []):
        lines.append(
            words.phrase(
                "Under way at the deadline: {skill} to level {level}, {share} done.",
                skill=_name(going, labels),
                level=going["target"],
                share=words.percent(float(going["share"])),
            )
        )
    reached = [s for s in deadline.get("stage_reached", []) if s not in within]
    if reached:
        lines.append(
            words.phrase(
                "By then, these reach their first-stage level: {items}.",
                items=", ".join(labels[s] for s in reached),
            )
        )
    return lines


def _name(part: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    return labels.get(str(part["skill"]), str(part["skill"]))


def _implied_lines(plan: Mapping[str, Any], words: Words) -> list[str]:
    """The levels the person's ratings imply, each with why, as counted by the plan."""
    implied = plan.get("implied") or []
    if not implied:
        return []
    title = words.phrase("What your ratings imply")
    return ["", f"**{title}**{words.colon().rstrip()}", *[f"- {f['why']}" for f in implied]]


def _milestone_lines(plan: Mapping[str, Any], words: Words) -> list[str]:
    """One line per milestone: its title, week and date, and its note when it has one."""
    lines: list[str] = []
    for milestone in plan.get("milestones", []):
        week = int(milestone["end_week"])
        when = words.phrase(
            "week {week} ({day})",
            week=week,
            day=words.date(dated(plan, milestone.get("end_date"), week)),
        )
        note = f" {milestone['note']}" if milestone.get("note") else ""
        lines.append(f"- **{milestone['title']}**{words.colon()}{when}.{note}")
    return ["", *lines] if lines else []


def _row(item: Mapping[str, Any], words: Words) -> str:
    prerequisite = words.phrase("prerequisite")
    flag = f" ({prerequisite})" if item["is_prerequisite"] else ""
    stage = words.phrase("first") if item.get("stage") == "ready" else words.phrase("second")
    return (
        f"| {item['rank']} | {item['label']}{flag} | {item['current']} → {item['target']} | "
        f"{words.number(item['hours'])} | {week_spans(item)} | {stage} |"
    )


def _item_section(item: Mapping[str, Any], words: Words, start: date) -> list[str]:
    why = words.phrase("Why")
    reasons = item.get("reasons_in_words") or reasons_in_words(item["reasons"], words)
    # Each stage with its weeks, the steps studied at its start and their hours in its line.
    stages = [
        f"- *{stage_label(bar.stage, words)}*{words.colon()}{bar_words(bar, words)}."
        for bar in item_bars(item, start, words)
    ]
    lines = [
        f"### {item['rank']}. {item['label']}",
        "",
        item["description"],
        "",
        *([item["why_here"], ""] if item.get("why_here") else []),
        *stages,
        "",
        *([item["practice_in_words"], ""] if item.get("practice_in_words") else []),
        f"*{why}*{words.colon()}{reasons}.",
        "",
    ]
    if item["resources"]:
        heading = words.phrase("Resources")
        lines.append(f"*{heading}*{words.colon().rstrip()}")
        lines += [f"- [{r['title']}]({r['url']}) ({_about(r, words)})" for r in item["resources"]]
        lines.append("")
    return lines


def _about(resource: Mapping[str, Any], words: Words) -> str:
    """ "EN, 8 h": a resource's language and hours, as the PDF says them."""
    return words.phrase(
        "{language}, {hours} h",
        language=str(resource["language"]).upper(),
        hours=words.number(float(resource["hours"])),
    )


def _ad_lines(role: Mapping[str, Any], words: Words) -> list[str]:
    """For a plan made from a job ad: how many skills it asks for, how many are covered."""
    if not role.get("from_ad"):
        return []
    asked = len(role.get("requirements", []))
    covered = len(role.get("covered", []))
    return [
        "",
        words.plural(
            "This ad asks for {n} skill; you already cover {covered}.",
            "This ad asks for {n} skills; you already cover {covered}.",
            asked,
            covered=covered,
        ),
    ]
