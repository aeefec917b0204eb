"""The demand signal from ingested articles, and reading articles out of HTML and Markdown."""

from __future__ import annotations

from datetime import date

import pytest

from advisor.core.articles import from_html, from_markdown, from_plain_text
from advisor.core.demand import ArticleSkills, corpus_weight, demand_signal, document_frequency

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


def test_html_drops_scripts_styles_and_keeps_title_and_date() -> None:
    page = """<html><head><title>L’IA et le cloud</title>
    <meta property="article:published_time" content="2025-11-03T08:00:00Z">
    <style>p { color: red }</style></head>
    <body><script>var secret = "RAG";</script><h1>Titre</h1><p>Le RAG&nbsp;et le MLOps.</p>
    <p>Deuxième paragraphe.</p></body></html>"""
    article = from_html(page)
    assert article.title == "L’IA et le cloud"
    assert article.published == date(2025, 11, 3)
    assert "secret" not in article.text and "color" not in article.text
    assert "Le RAG et le MLOps." in article.text
    assert article.text.splitlines()[-1] == "Deuxième paragraphe."


def test_markdown_title_and_date() -> None:
    article = from_markdown("date: 2026-02-01\n\n# Serverless in 2026\n\nWe used **AWS Lambda**.")
    assert article.title == "Serverless in 2026"
    assert article.published == date(2026, 2, 1)
    assert "AWS Lambda" in article.text and "**" not in article.text


def test_plain_text_title_is_its_first_line() -> None:
    assert from_plain_text("\n  MLOps demand grows \n\nBody.").title == "MLOps demand grows"


def test_emerging_terms_are_recent_repeated_and_unknown() -> None:
    from advisor.core.emerging import emerging_terms

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


def test_a_plain_text_title_is_never_a_cut_sentence() -> None:
    long_sentence = "We are hiring engineers who deploy models " * 5 + "every day."
    assert from_plain_text(long_sentence + "\nMore.").title == ""
    assert from_plain_text("Our team runs Kubernetes.\nMore text.").title == ""


def test_titles_come_from_title_tag_first_heading_or_markdown_h1() -> None:

    assert from_html("<html><body><h2>Le MLOps</h2><p>Texte.</p></body></html>").title == "Le MLOps"
    assert from_html("<title> A  page </title><h1>Other</h1>").title == "A page"
    assert from_markdown("Intro line\n\n# The real title\n\nBody").title == "The real title"
    assert from_markdown("Setext title\n============\n\nBody").title == "Setext title"


def test_evidence_sentences_ignore_hard_wraps() -> None:
    from advisor.core.extraction import Mention
    from advisor.core.sentences import sentences_with

    text = (
        "We deploy our machine learning models to production every week with\n"
        "Kubernetes and Argo, e.g. for batch scoring. Then we monitor them.\n"
        "Skills\n- Kubernetes"
    )
    start = text.index("Kubernetes")
    mentions = [Mention("k8s", start, start + 10, "Kubernetes")]
    last = text.rindex("Kubernetes")
    mentions.append(Mention("k8s", last, last + 10, "Kubernetes"))
    assert sentences_with(text, mentions)["k8s"] == (
        "We deploy our machine learning models to production every week with Kubernetes and "
        "Argo, e.g. for batch scoring.",
        "- Kubernetes",
    )


def test_near_duplicate_articles_count_once_in_suggestions() -> None:
    from advisor.core.emerging import distinct_documents, emerging_terms

    story = "Agentic workflows spread across platform teams this autumn, says the survey. " * 3
    texts = [story, story + " Edited.", "Agentic workflows again, in another story entirely."]
    assert distinct_documents(texts) == [0, 2]
    terms = emerging_terms(texts, [TODAY] * 3, [], TODAY, top=50)
    counts = {t.term: t.documents for t in terms}
    assert counts["agentic workflows"] == 2
    assert all(t.term.count(" ") <= 1 for t in terms)  # single words and pairs
