"""A plan (public JSON) as Markdown, in the plan's language, for `advisor plan --format md`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from advisor.core.wording.explanations import reasons_in_words
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
        "",
        words.phrase(
            "{hours} hours at {per_week} h/week: {weeks} weeks.",
            hours=plan["total_hours"],
            per_week=plan["hours_per_week"],
            weeks=plan["weeks"],
        ),
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
    for item in plan["items"]:
        lines += _item_section(item, words)
    return "\n".join(lines).rstrip() + "\n"


def _deadline_lines(plan: Mapping[str, Any], words: Words) -> list[str]:
    deadline = plan.get("deadline")
    if not deadline:
        return []
    if deadline["fits"]:
        return [
            "",
            words.phrase("The plan fits your deadline of {weeks} weeks.", weeks=deadline["weeks"]),
        ]
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    none = words.phrase("none in full")
    within = deadline.get("within", deadline.get("fitting_items", []))
    lines = [
        "",
        words.phrase(
            "The plan does not fit your deadline of {weeks} weeks; these first items do: {items}.",
            weeks=deadline["weeks"],
            items=", ".join(labels[s] for s in within) or none,
        ),
    ]
    reached = [s for s in deadline.get("stage_reached", []) if s not in within]
    if reached:
        lines.append(
            words.phrase(
                "By then, these reach their first-stage level: {items}.",
                items=", ".join(labels[s] for s in reached),
            )
        )
    return lines


def _milestone_lines(plan: Mapping[str, Any], words: Words) -> list[str]:
    """One line per milestone: its title, week and date, and its note when it has one."""
    lines: list[str] = []
    for milestone in plan.get("milestones", []):
        when = words.phrase(
            "week {week} ({day})",
            week=milestone["end_week"],
            day=words.date(date.fromisoformat(milestone["end_date"])),
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
        f"{item['hours']} | {item['start_week']}–{item['end_week']} | {stage} |"
    )


def _item_section(item: Mapping[str, Any], words: Words) -> list[str]:
    why = words.phrase("Why")
    reasons = item.get("reasons_in_words") or reasons_in_words(item["reasons"], words)
    lines = [
        f"### {item['rank']}. {item['label']}",
        "",
        item["description"],
        "",
        *([item["why_here"], ""] if item.get("why_here") else []),
        f"*{why}*{words.colon()}{reasons}.",
        "",
    ]
    if item["resources"]:
        heading = words.phrase("Resources")
        lines.append(f"*{heading}*{words.colon().rstrip()}")
        lines += [f"- [{r['title']}]({r['url']}) ({r['hours']:g} h)" for r in item["resources"]]
        lines.append("")
    return lines


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
