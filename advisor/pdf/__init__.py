"""The plan as a PDF a person can hand to a manager or a coach: `render_plan_pdf(plan)`.

It takes the plan's public JSON (self-contained: labels, descriptions, anchors, resources,
sources, all in the plan's language) and returns the bytes of the PDF. By default the PDF is
two pages — who, the fit, the milestones and the timeline; then the first items in words —
and `details=True` adds the items in the order of study, then every item's levels, resources
and sources, the method and the sources (the full plan). No Flask here: the CLI and the web
app both call it. A TTF font is embedded so French (é, à, ç, œ, ’, « », —) renders and can be
copied out.

`render_team_pdf(summary)` draws a team's dashboard (its public JSON) as one page.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import PageBreak, SimpleDocTemplate

from advisor.i18n import words_for
from advisor.pdf.details import footer, item_details, method_and_sources
from advisor.pdf.document import PlanDocument
from advisor.pdf.styles import BOTTOM_MARGIN, MARGIN, plan_styles
from advisor.pdf.summary import summary_pages
from advisor.pdf.tables import ranked_table
from advisor.pdf.team import render_team_pdf

# Kept with a stored PDF: a PDF drawn by an earlier layout is drawn again.
LAYOUT = "3"
TEAM_LAYOUT = "1"

__all__ = [
    "LAYOUT",
    "TEAM_LAYOUT",
    "PlanDocument",
    "render_plan_document",
    "render_plan_pdf",
    "render_team_pdf",
]


def render_plan_pdf(
    plan: Mapping[str, Any],
    link: str | None = None,
    labels: Mapping[str, str] | None = None,
    quotes: Mapping[str, Sequence[tuple[str, str]]] | None = None,
    *,
    details: bool = False,
) -> bytes:
    """The PDF of `plan` (public plan JSON): the two-page summary, or the full plan."""
    return render_plan_document(plan, link, labels, quotes, details=details).body


def render_plan_document(
    plan: Mapping[str, Any],
    link: str | None = None,
    labels: Mapping[str, str] | None = None,
    quotes: Mapping[str, Sequence[tuple[str, str]]] | None = None,
    *,
    details: bool = False,
) -> PlanDocument:
    """The PDF of `plan` and its number of pages.

    `link` is the plan's private address, printed on page 1 only; `labels` names skills the
    plan's items do not (the person's strengths), by id, in the plan's language; `quotes` are
    what each skill's sources say, (quote, where from), shown with the skill's details.
    """
    styles = plan_styles()
    lang = plan["language"]
    words = words_for(lang)
    buffer = io.BytesIO()
    title = words.phrase("Learning plan") + f" — {plan['target_role']['label']}"
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=title,
        author="advisor",
        subject=words.phrase("Skills plan for the AI shift, ranked and scheduled"),
        lang=lang,
        creator="advisor",
    )
    story = summary_pages(plan, styles, link, labels or {})
    if details:
        story += [
            PageBreak(),
            *ranked_table(plan, styles, lang),
            *item_details(plan, styles, lang, quotes or {}),
            *method_and_sources(plan, styles, lang),
        ]
    on_page = footer(lang, styles)
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return PlanDocument(buffer.getvalue(), document.page)
