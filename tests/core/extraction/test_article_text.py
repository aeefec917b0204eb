"""Reading an article's title, date and text out of HTML, Markdown and plain text."""

from __future__ import annotations

from datetime import date

from advisor.core.extraction.article_text import from_html, from_markdown, from_plain_text


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


def test_a_plain_text_title_is_never_a_cut_sentence() -> None:
    long_sentence = "We are hiring engineers who deploy models " * 5 + "every day."
    assert from_plain_text(long_sentence + "\nMore.").title == ""
    assert from_plain_text("Our team runs Kubernetes.\nMore text.").title == ""


def test_titles_come_from_title_tag_first_heading_or_markdown_h1() -> None:

    assert from_html("<html><body><h2>Le MLOps</h2><p>Texte.</p></body></html>").title == "Le MLOps"
    assert from_html("<title> A  page </title><h1>Other</h1>").title == "A page"
    assert from_markdown("Intro line\n\n# The real title\n\nBody").title == "The real title"
    assert from_markdown("Setext title\n============\n\nBody").title == "Setext title"
