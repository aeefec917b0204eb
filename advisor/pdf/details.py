"""The full plan's details: each item with its levels, sources and resources, the method, the
sources, and the page footer.

Only a heading is kept with what follows it: a long item flows on to the next page rather than
leaving half a page empty before it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from advisor.core.wording import (
    FACTORS,
    bar_words,
    factor_name,
    first_names,
    item_bars,
    plan_start,
    reasons_in_words,
    stage_label,
    stage_name,
)
from advisor.i18n import CatalogueWords, words_for
from advisor.pdf.styles import MARGIN, MUTED, labelled, linked, para
from advisor.pdf.summary import resource_text


def item_details(
    plan: Mapping[str, Any],
    s: dict[str, ParagraphStyle],
    lang: str,
    quotes: Mapping[str, Sequence[tuple[str, str]]],
) -> list[Any]:
    """Each item: its heading, what it is, why here, its reasons, its levels, each stage's
    weeks and what it comes after, then what its sources say and its resources.

    One idea a paragraph, each one run of text (a label apart, drawn in bold; a resource a
    link as a whole): ReportLab breaks such paragraphs into lines many times faster than
    paragraphs with markup, and a paragraph split across two pages is broken again."""
    words = words_for(lang)
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    start = plan_start(plan)
    story: list[Any] = [
        *_implied(plan, s, words),
        para(words.phrase("Each skill in detail"), s["h2"]),
    ]
    line, note = s["line"], s["note"]
    for item in plan["items"]:
        story += [
            para(f"{item['rank']}. {item['label']}", s["h3"]),
            para(item["description"], line),
        ]
        if item.get("why_here"):
            story.append(labelled(words.phrase("Why here:"), item["why_here"], line))
        reasons = item.get("reasons_in_words") or reasons_in_words(item["reasons"], words)
        story.append(labelled(words.phrase("Reasons:"), reasons + ".", line))
        story += _levels(item, words, line)
        story += [
            labelled(
                stage_label(b.stage, words) + words.colon().rstrip(),
                bar_words(b, words) + ".",
                line,
            )
            for b in item_bars(item, start, words)
        ]
        if item["prerequisites"]:
            after = first_names([labels.get(p, p) for p in item["prerequisites"]], words, 6)
            story.append(labelled(words.phrase("Comes after:"), after + ".", line))
        story += [
            para(f"{words.quote(quote)} — {where}", note)
            for quote, where in quotes.get(item["skill"], ())
        ]
        story += [linked(resource_text(r, words), r["url"], note, "•") for r in item["resources"]]
    return story


def _implied(
    plan: Mapping[str, Any], s: dict[str, ParagraphStyle], words: CatalogueWords
) -> list[Any]:
    """Every level the person's ratings imply, each with the rating it follows from."""
    implied = plan.get("implied") or []
    if not implied:
        return []
    return [
        para(words.phrase("What your ratings imply"), s["h2"]),
        *[para(f["why"], s["line"]) for f in implied],
    ]


def _levels(item: Mapping[str, Any], words: CatalogueWords, style: ParagraphStyle) -> list[Any]:
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
            lines.append(labelled(f"{level} —", anchor, style))
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
    if plan.get("switch_note"):
        story.append(para(plan["switch_note"], s["body"]))
    sources = plan.get("sources", [])
    if sources:
        story.append(para(words.phrase("Sources"), s["h2"]))
        story += [
            linked(
                f"{src['title']} — {src['publisher']}, "
                f"{words.date(date.fromisoformat(src['date'][:10]))}. {src['url']}",
                src["url"],
                s["note"],
            )
            for src in sources
        ]
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
