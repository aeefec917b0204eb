"""Reasons of a plan item in words, in the plan's language, for the page, the PDF and Markdown."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from advisor.core.wording import Words

FACTORS = ("gap", "importance", "demand", "unlocks", "effort")


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


def reason_sentence(reason: Mapping[str, Any], words: Words) -> str:
    """One reason of a plan item in words, e.g. "importance 5/5 for the role"."""
    factor, value = reason["factor"], float(reason["value"])
    count = round(value)
    if factor == "gap":
        return words.plural("{n} level to climb", "{n} levels to climb", count)
    if factor == "importance":
        return words.phrase("importance {value}/5 for the role", value=count)
    if factor == "demand":
        return words.phrase(
            "market demand {percent} (from the sources)", percent=words.percent(value)
        )
    if factor == "unlocks":
        return words.plural(
            "unlocks {n} other item of the plan", "unlocks {n} other items of the plan", count
        )
    return words.plural("{n} hour of effort", "{n} hours of effort", count)


def reasons_in_words(reasons: list[Mapping[str, Any]], words: Words) -> str:
    """The reasons, strongest contribution first, joined into one line."""
    # A factor that contributes nothing (nothing unlocked, no demand) is not a reason.
    ranked = sorted(
        (r for r in reasons if float(r["score"]) > 0),
        key=lambda r: -float(r["score"]) * float(r["weight"]),
    )
    separator = "\u202f; " if words.language == "fr" else "; "
    return separator.join(reason_sentence(r, words) for r in ranked)
