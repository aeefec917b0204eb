"""A plan (public JSON) as Markdown, in the plan's language, for `advisor plan --format md`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from advisor.core.explain import percent, reasons_in_words
from advisor.core.words import colon, word


def plan_markdown(plan: Mapping[str, Any]) -> str:
    """The whole plan: role and fit, totals, deadline, ranked items with reasons and resources."""
    lang = plan["language"]
    role = plan["target_role"]
    lines = [
        f"# {word('title', lang)} — {role['label']}",
        "",
        f"**{word('target_role', lang)}**{colon(lang)}{role['label']}. "
        + word("fit_sentence", lang, fit=percent(role["fit"], lang)),
        "",
        word(
            "totals",
            lang,
            hours=plan["total_hours"],
            per_week=plan["hours_per_week"],
            weeks=plan["weeks"],
        ),
        *_deadline_lines(plan, lang),
        "",
        f"## {word('suggestions', lang)}",
        "",
        *[
            f"- {s['label']}{colon(lang)}{percent(s['fit'], lang)}"
            for s in plan["role_suggestions"]
        ],
        "",
        f"## {word('ranked', lang)}",
        "",
        word("md_columns", lang),
        "|---|---|---|---|---|---|",
        *[_row(item, lang) for item in plan["items"]],
        "",
    ]
    for item in plan["items"]:
        lines += _item_section(item, lang)
    return "\n".join(lines).rstrip() + "\n"


def _deadline_lines(plan: Mapping[str, Any], lang: str) -> list[str]:
    deadline = plan.get("deadline")
    if not deadline:
        return []
    if deadline["fits"]:
        return ["", word("deadline_ok", lang, weeks=deadline["weeks"])]
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    fitting = ", ".join(labels[s] for s in deadline["fitting_items"]) or word("none", lang)
    return ["", word("deadline_no", lang, weeks=deadline["weeks"], items=fitting)]


def _row(item: Mapping[str, Any], lang: str) -> str:
    flag = f" ({word('prerequisite', lang)})" if item["is_prerequisite"] else ""
    return (
        f"| {item['rank']} | {item['label']}{flag} | {item['current']} → {item['target']} | "
        f"{item['hours']} | {item['start_week']}–{item['end_week']} | {item['priority']:.2f} |"
    )


def _item_section(item: Mapping[str, Any], lang: str) -> list[str]:
    lines = [
        f"### {item['rank']}. {item['label']}",
        "",
        item["description"],
        "",
        f"*{word('why', lang)}*{colon(lang)}{reasons_in_words(item['reasons'], lang)}.",
        "",
    ]
    if item["resources"]:
        lines.append(f"*{word('resources', lang)}*{colon(lang).rstrip()}")
        lines += [f"- [{r['title']}]({r['url']}) ({r['hours']:g} h)" for r in item["resources"]]
        lines.append("")
    return lines
