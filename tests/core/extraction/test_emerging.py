"""Emerging terms: recent, repeated phrases that no skill names."""

from __future__ import annotations

from datetime import date

TODAY = date(2026, 11, 24)


def test_emerging_terms_are_recent_repeated_and_unknown() -> None:
    from advisor.core.extraction import emerging_terms

    texts = [
        "Teams adopt agentic workflows and model context protocol servers.",
        "Agentic workflows need guardrails and context engineering.",
        "L’ingénierie du contexte remplace le prompt engineering dans les agentic workflows.",
        "Context engineering is the new prompt engineering.",
        "Hadoop clusters, Hadoop clusters everywhere.",
        "Hadoop clusters again.",
    ]
    published = [date(2026, 11, 1)] * 4 + [date(2016, 1, 1)] * 2
    known = ["prompt engineering", "guardrails", "model context protocol"]
    terms = [t.term for t in emerging_terms(texts, published, known, TODAY, top=3)]
    assert set(terms[:2]) == {"agentic workflows", "context engineering"}
    assert "workflows" not in terms and "prompt engineering" not in terms
    assert "hadoop clusters" not in terms[:2]  # frequent, but ten years old


def test_near_duplicate_articles_count_once_in_suggestions() -> None:
    from advisor.core.extraction.emerging import distinct_documents, emerging_terms

    story = "Agentic workflows spread across platform teams this autumn, says the survey. " * 3
    texts = [story, story + " Edited.", "Agentic workflows again, in another story entirely."]
    assert distinct_documents(texts) == [0, 2]
    terms = emerging_terms(texts, [TODAY] * 3, [], TODAY, top=50)
    counts = {t.term: t.documents for t in terms}
    assert counts["agentic workflows"] == 2
    assert all(t.term.count(" ") <= 1 for t in terms)  # single words and pairs
