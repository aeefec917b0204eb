"""The full plan's details: each item with its levels, sources and resources, the method, the
sources, and the page footer.

Only a heading is kept with what follows it: a long item flows on to the next page rather than
leaving half a page empty before it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from advisor.core.wording import (
    FACTORS,
    factor_name,
    first_names,
    reasons_in_words,
    stage_name,
)
from advisor.i18n import CatalogueWords, words_for
from advisor.pdf.styles import MARGIN, MUTED, Paragraph, kept, para
from advisor.pdf.summary import resource_markup


def item_details(
    plan: Mapping[str, Any],
    s: dict[str, ParagraphStyle],
    lang: str,
    quotes: Mapping[str, Sequence[tuple[str, str]]],
) -> list[Any]:
    """Each item: its heading, then what it is, why here, its levels and what it comes after
    in one paragraph, then what its sources say and its resources in another."""
    words = words_for(lang)
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    story: list[Any] = [para(words.phrase("Each skill in detail"), s["h2"])]
    for item in plan["items"]:
        lines = [escape(kept(item["description"]))]
        if item.get("why_here"):
            lines.append(_named(words.phrase("Why here:"), item["why_here"]))
        reasons = item.get("reasons_in_words") or reasons_in_words(item["reasons"], words)
        lines.append(_named(words.phrase("Reasons:"), reasons + "."))
        lines += _levels(item, words)
        if item["prerequisites"]:
            after = first_names([labels.get(p, p) for p in item["prerequisites"]], words, 6)
            lines.append(_named(words.phrase("Comes after:"), after + "."))
        notes = [
            f"{escape(kept(words.quote(quote)))} — {escape(kept(where))}"
            for quote, where in quotes.get(item["skill"], ())
        ]
        notes += ["• " + resource_markup(r, words) for r in item["resources"]]
        story += [
            para(f"{item['rank']}. {item['label']}", s["h3"]),
            Paragraph("<br/>".join(lines), s["body"]),
        ]
        if notes:
            story.append(Paragraph("<br/>".join(notes), s["small"]))
    return story


def _named(name: str, text: str) -> str:
    return f"<b>{escape(kept(name))}</b> {escape(kept(text))}"


def _levels(item: Mapping[str, Any], words: CatalogueWords) -> list[str]:
    """What someone can do at each level the item's stages reach: "Level 2 — Has put…"."""
    anchors = {int(item.get("stage_target") or 0): item.get("stage_anchor") or ""}
    anchors[int(item["target"])] = item.get("target_anchor") or ""
    parts = item.get("parts") or [{"stage": item.get("stage") or "ready", "target": item["target"]}]
    lines = []
    for part in parts:
        anchor = anchors.get(int(part["target"]), "")
        if anchor:
            level = words.phrase(
                "Level {level} ({stage})",
                level=part["target"],
                stage=stage_name(str(part["stage"]), words),
            )
            lines.append(f"<b>{escape(kept(level))}</b> — {escape(kept(anchor))}")
    return lines


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
        listed = "<br/>".join(
            f"{escape(kept(src['title']))} — {escape(kept(src['publisher']))}, "
            f"{escape(words.date(date.fromisoformat(src['date'][:10])))}. "
            f'<a href="{escape(src["url"])}" color="#0b57d0">{escape(src["url"])}</a>'
            for src in sources
        )
        story += [para(words.phrase("Sources"), s["h2"]), Paragraph(listed, s["small"])]
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
