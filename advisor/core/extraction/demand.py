"""The market-demand signal: how often recent articles mention a skill, blended with the prior.

Each ingested article that mentions a skill counts once for it (document frequency), weighted
by its age: `0.5 ** (age in days / half-life)`. The counts are scaled so the most-mentioned
skill is 1, then blended with the prior computed from `sources.yaml`, so a handful of ingested
articles nudges the signal rather than replacing the curated sources.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

ARTICLE_HALF_LIFE_DAYS = 365.0
# How much the ingested corpus weighs against the sources' prior once it is large enough.
CORPUS_WEIGHT = 0.5
# Below this many articles the corpus weighs proportionally less (10 articles: a fifth).
CORPUS_FULL_WEIGHT_AT = 50


@dataclass(frozen=True)
class ArticleSkills:
    """The skills one ingested article mentions, and when it was published (or ingested)."""

    published: date
    skills: frozenset[str]


def corpus_weight(articles: int) -> float:
    """The corpus's share of the blend, growing with its size up to `CORPUS_WEIGHT`."""
    return CORPUS_WEIGHT * min(articles, CORPUS_FULL_WEIGHT_AT) / CORPUS_FULL_WEIGHT_AT


def document_frequency(articles: Iterable[ArticleSkills], today: date) -> dict[str, float]:
    """Recency-weighted count of the articles mentioning each skill, scaled to [0, 1]."""
    totals: dict[str, float] = {}
    for article in articles:
        age = max((today - article.published).days, 0)
        weight = math.pow(0.5, age / ARTICLE_HALF_LIFE_DAYS)
        for skill_id in article.skills:
            totals[skill_id] = totals.get(skill_id, 0.0) + weight
    top = max(totals.values(), default=0.0) or 1.0
    return {skill_id: total / top for skill_id, total in totals.items()}


def demand_signal(
    prior: Mapping[str, float], articles: list[ArticleSkills], today: date
) -> dict[str, float]:
    """Demand of every skill of the prior, in [0, 1]: prior and corpus, blended."""
    share = corpus_weight(len(articles))
    frequency = document_frequency(articles, today)
    return {
        skill_id: round((1 - share) * value + share * frequency.get(skill_id, 0.0), 4)
        for skill_id, value in prior.items()
    }
