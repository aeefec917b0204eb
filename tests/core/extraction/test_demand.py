"""The demand signal from ingested articles, weighed by age and blended with the prior."""

from __future__ import annotations

from datetime import date

import pytest

from advisor.core.extraction.demand import (
    ArticleSkills,
    corpus_weight,
    demand_signal,
    document_frequency,
)

TODAY = date(2026, 11, 24)


def test_recent_articles_weigh_more_than_old_ones() -> None:
    articles = [
        ArticleSkills(date(2026, 11, 1), frozenset({"rag"})),
        ArticleSkills(date(2024, 11, 1), frozenset({"spark"})),
    ]
    frequency = document_frequency(articles, TODAY)
    assert frequency["rag"] == 1.0
    assert frequency["spark"] == pytest.approx(0.25, abs=0.02)  # two half-lives older


def test_an_article_counts_once_per_skill_however_often_it_mentions_it() -> None:
    once = [ArticleSkills(TODAY, frozenset({"rag", "spark"}))]
    assert document_frequency(once, TODAY) == {"rag": 1.0, "spark": 1.0}


def test_a_few_articles_nudge_the_prior_a_large_corpus_moves_it() -> None:
    prior = {"rag": 0.2, "spark": 0.8}
    few = [ArticleSkills(TODAY, frozenset({"rag"}))] * 5
    many = [ArticleSkills(TODAY, frozenset({"rag"}))] * 80
    nudged, moved = demand_signal(prior, few, TODAY), demand_signal(prior, many, TODAY)
    assert prior["rag"] < nudged["rag"] < moved["rag"]
    assert moved["spark"] == pytest.approx(0.4)
    assert demand_signal(prior, [], TODAY) == prior
    assert corpus_weight(1000) == 0.5
