"""The plan as a PDF a person can hand to a manager or a coach: `render_plan_pdf(plan)`.

It takes the plan's public JSON (self-contained: labels, descriptions, anchors, resources,
sources, all in the plan's language) and returns the bytes of the PDF. No Flask here: the CLI
and the web app both call it. A TTF font is embedded so French (é, à, ç, œ, ’, « », —) renders
and can be copied out of the document.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, SimpleDocTemplate

from advisor.i18n import words_for
from advisor.pdf.details import footer, item_details, method_and_sources
from advisor.pdf.styles import MARGIN, plan_styles
from advisor.pdf.summary import summary_pages
from advisor.pdf.tables import chart, ranked_table, schedule


def render_plan_pdf(
    plan: Mapping[str, Any],
    link: str | None = None,
    labels: Mapping[str, str] | None = None,
    quotes: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> bytes:
    """The PDF of `plan` (public plan JSON): a two-page summary, then the details.

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
        bottomMargin=MARGIN + 4 * mm,
        title=title,
        author="advisor",
        subject=words.phrase("Skills plan for the AI shift, ranked and scheduled"),
        lang=lang,
        creator="advisor",
    )
    story = [
        *summary_pages(plan, styles, link, labels or {}),
        PageBreak(),
        *ranked_table(plan, styles, lang),
        *chart(plan, styles, lang),
        *schedule(plan, styles, lang),
        *item_details(plan, styles, lang, quotes or {}),
        *method_and_sources(plan, styles, lang),
    ]
    on_page = footer(lang, styles)
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
