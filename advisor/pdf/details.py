"""The PDF's details: each item with its resources, the method, sources, and the page footer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
)

from advisor.core.wording import FACTORS, factor_name
from advisor.i18n import words_for
from advisor.pdf.styles import MARGIN, MUTED, Paragraph, para


def item_details(
    plan: Mapping[str, Any],
    s: dict[str, ParagraphStyle],
    lang: str,
    quotes: Mapping[str, Sequence[tuple[str, str]]],
) -> list[Any]:
    words = words_for(lang)
    # Quotation marks as each language sets them, with French's no-break spaces inside.
    opening, closing = ("«\u00a0", "\u00a0»") if lang == "fr" else ("“", "”")
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    story: list[Any] = [PageBreak(), para(words.phrase("Each skill in detail"), s["h2"])]
    for item in plan["items"]:
        lines = [escape(item["description"])]
        if item.get("target_anchor"):
            lines.append(
                "<b>"
                + escape(words.phrase("At level {level} you can:", level=item["target"]))
                + "</b> "
                f"{escape(item['target_anchor'])}"
            )
        if item["prerequisites"]:
            after = ", ".join(labels.get(p, p) for p in item["prerequisites"])
            heading = escape(words.phrase("Comes after:"))
            lines.append(f"<b>{heading}</b> {escape(after)}")
        for quote, where in quotes.get(item["skill"], ()):
            lines.append(f"<i>{opening}{escape(quote)}{closing}</i> — {escape(where)}")
        resources = "<br/>".join(
            f'• <a href="{escape(r["url"])}" color="#0b57d0">{escape(r["title"])}</a> '
            f'<font color="#4a4a4a">({escape(r["language"].upper())}, {r["hours"]:g} h) '
            f"{escape(r['url'])}</font>"
            for r in item["resources"]
        )
        block = [
            para(f"{item['rank']}. {item['label']}", s["h3"]),
            Paragraph("<br/>".join(lines), s["body"]),
        ]
        if resources:
            block.append(Paragraph(resources, s["small"]))
        story.append(KeepTogether(block))
    return story


def method_and_sources(
    plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str
) -> list[Any]:
    words = words_for(lang)
    story: list[Any] = [
        para(words.phrase("How the ranking works"), s["h2"]),
        para(
            words.phrase(
                "Your fit is the share of the role's importance-weighted levels you already have. "
                "Each gap gets a priority from five factors with fixed weights; an item never "
                "comes before the skills it builds on. Items are scheduled at most two at a "
                "time into your weekly hours."
            ),
            s["body"],
        ),
    ]
    factors = ", ".join(factor_name(f, words).lower() for f in FACTORS)
    story.append(para(words.phrase("Factors: {factors}.", factors=factors), s["body"]))
    sources = plan.get("sources", [])
    if sources:
        story.append(para(words.phrase("Sources"), s["h2"]))
        for src in sources:
            story.append(
                Paragraph(
                    f"{escape(src['title'])} — {escape(src['publisher'])}, {escape(src['date'])}. "
                    f'<a href="{escape(src["url"])}" color="#0b57d0">{escape(src["url"])}</a>',
                    s["small"],
                )
            )
    story.append(para(words.phrase("Attribution"), s["h2"]))
    if any(i.get("esco") for i in plan["items"]):
        story.append(
            para(
                words.phrase(
                    "This service uses the ESCO classification of the European Commission."
                ),
                s["small"],
            )
        )
    if any(i.get("onet") for i in plan["items"]):
        story.append(
            para(
                words.phrase(
                    "Technology demand flags come from O*NET 29.2 (U.S. Department of Labor, "
                    "Employment and Training Administration), CC BY 4.0; modified by advisor."
                ),
                s["small"],
            )
        )
    return story


def footer(lang: str, s: dict[str, ParagraphStyle]) -> Any:
    """Page numbers; the private link is not repeated here, so pages 2 onwards can be shared."""
    words = words_for(lang)
    regular = s["small"].fontName

    def draw(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, words.phrase("Page {n}", n=document.page))
        canvas.restoreState()

    return draw
