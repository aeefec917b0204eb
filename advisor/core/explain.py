"""Reasons and figures in words, in English or French, for the plan page, PDF and Markdown.

These are domain sentences rather than interface strings: the PDF and the CLI render them
without Flask, so both languages live here, next to the factors they explain.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

REASON_SENTENCES: Mapping[str, Mapping[str, str]] = {
    "gap": {
        "en": "{value:g} level(s) to climb",
        "fr": "{value:g} niveau(x) à gravir",
    },
    "importance": {
        "en": "importance {value:g}/5 for the role",
        "fr": "importance {value:g}/5 pour le poste",
    },
    "demand": {
        "en": "market demand {percent} (from the sources)",
        "fr": "demande du marché {percent} (d’après les sources)",
    },
    "unlocks": {
        "en": "unlocks {value:g} other item(s) of the plan",
        "fr": "débloque {value:g} autre(s) élément(s) du plan",
    },
    "effort": {
        "en": "{value:g} hours of effort",
        "fr": "{value:g} heures d’effort",
    },
}

FACTOR_NAMES: Mapping[str, Mapping[str, str]] = {
    "gap": {"en": "Gap", "fr": "Écart"},
    "importance": {"en": "Importance", "fr": "Importance"},
    "demand": {"en": "Demand", "fr": "Demande"},
    "unlocks": {"en": "Unlocks", "fr": "Débloque"},
    "effort": {"en": "Effort", "fr": "Effort"},
}


def percent(value: float, language: str) -> str:
    """62 % in French typography (narrow no-break space), 62% in English."""
    whole = round(value * 100)
    return f"{whole}\u202f%" if language == "fr" else f"{whole}%"


def reason_sentence(reason: Mapping[str, Any], language: str) -> str:
    """One reason of a plan item in words, e.g. "importance 5/5 for the role"."""
    template = REASON_SENTENCES[reason["factor"]]["fr" if language == "fr" else "en"]
    value = float(reason["value"])
    return template.format(value=value, percent=percent(value, language))


def reasons_in_words(reasons: list[Mapping[str, Any]], language: str) -> str:
    """The reasons, strongest contribution first, joined into one line."""
    # A factor that contributes nothing (nothing unlocked, no demand) is not a reason.
    ranked = sorted(
        (r for r in reasons if float(r["score"]) > 0),
        key=lambda r: -float(r["score"]) * float(r["weight"]),
    )
    separator = "\u202f; " if language == "fr" else "; "
    return separator.join(reason_sentence(r, language) for r in ranked)
