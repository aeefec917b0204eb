"""A plan (public JSON) as Markdown, in the plan's language, for `advisor plan --format md`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from advisor.core.explain import percent, reasons_in_words

WORDS: Mapping[str, Mapping[str, str]] = {
    "title": {"en": "Learning plan", "fr": "Plan d’apprentissage"},
    "target": {"en": "Target role", "fr": "Poste visé"},
    "fit": {
        "en": "You already cover {fit} of what this role needs, weighted by importance.",
        "fr": "Vous couvrez déjà {fit} de ce qu’exige ce poste, pondéré par l’importance.",
    },
    "totals": {
        "en": "{hours} hours at {per_week} h/week: {weeks} weeks.",
        "fr": "{hours} heures à {per_week} h/semaine : {weeks} semaines.",
    },
    "suggestions": {"en": "Best-fitting roles", "fr": "Postes les plus proches"},
    "ranked": {"en": "Ranked skills", "fr": "Compétences par priorité"},
    "columns": {
        "en": "| # | Skill | Level | Hours | Weeks | Priority |",
        "fr": "| # | Compétence | Niveau | Heures | Semaines | Priorité |",
    },
    "why": {"en": "Why", "fr": "Pourquoi"},
    "resources": {"en": "Resources", "fr": "Ressources"},
    "prerequisite": {"en": "(prerequisite)", "fr": "(prérequis)"},
    "deadline_ok": {
        "en": "The plan fits your deadline of {weeks} weeks.",
        "fr": "Le plan tient dans votre échéance de {weeks} semaines.",
    },
    "deadline_no": {
        "en": "The plan does not fit your deadline of {weeks} weeks; these first "
        "items do: {items}.",
        "fr": "Le plan ne tient pas dans votre échéance de {weeks} semaines ; ces "
        "premiers éléments y tiennent : {items}.",
    },
    "none": {"en": "none", "fr": "aucun"},
}


def colon(language: str) -> str:
    """French sets a (narrow) no-break space before a colon; English does not."""
    return "\u202f: " if language == "fr" else ": "


def word(key: str, language: str, **values: Any) -> str:
    return WORDS[key]["fr" if language == "fr" else "en"].format(**values)


def plan_markdown(plan: Mapping[str, Any]) -> str:
    """The whole plan: role and fit, totals, deadline, ranked items with reasons and resources."""
    lang = plan["language"]
    role = plan["target_role"]
    lines = [
        f"# {word('title', lang)} — {role['label']}",
        "",
        f"**{word('target', lang)}**{colon(lang)}{role['label']}. "
        + word("fit", lang, fit=percent(role["fit"], lang)),
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
        word("columns", lang),
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
    flag = f" {word('prerequisite', lang)}" if item["is_prerequisite"] else ""
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
