"""The plan as a PDF a person can hand to a manager or a coach: `render_plan_pdf(plan)`.

It takes the plan's public JSON (self-contained: labels, descriptions, anchors, resources,
sources, all in the plan's language) and returns the bytes of the PDF. No Flask here: the CLI
and the web app both call it. A TTF font is embedded so French (é, à, ç, œ, ’, « », —) renders
and can be copied out of the document.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from advisor.core.explain import FACTOR_NAMES, percent, reasons_in_words
from advisor.core.words import word

FONT_CANDIDATES = (
    (
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
)
ACCENT = colors.HexColor("#0b57d0")
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#4a4a4a")
LINE = colors.HexColor("#c8c8c8")
MARGIN = 18 * mm


def _register_fonts() -> tuple[str, str]:
    """DejaVu from Debian's fonts-dejavu-core, else the Vera fonts ReportLab ships."""
    if "AdvisorSans" in pdfmetrics.getRegisteredFontNames():
        return "AdvisorSans", "AdvisorSans-Bold"
    for regular, bold in FONT_CANDIDATES:
        if regular.is_file() and bold.is_file():
            break
    else:
        import reportlab

        fonts = Path(reportlab.__file__).parent / "fonts"
        regular, bold = fonts / "Vera.ttf", fonts / "VeraBd.ttf"
    pdfmetrics.registerFont(TTFont("AdvisorSans", str(regular)))
    pdfmetrics.registerFont(TTFont("AdvisorSans-Bold", str(bold)))
    pdfmetrics.registerFontFamily(
        "AdvisorSans",
        normal="AdvisorSans",
        bold="AdvisorSans-Bold",
        italic="AdvisorSans",
        boldItalic="AdvisorSans-Bold",
    )
    return "AdvisorSans", "AdvisorSans-Bold"


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=9.5,
        leading=13,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=4,
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0),
        "head": ParagraphStyle(
            "head", parent=base, fontName=bold, fontSize=8.5, leading=11, spaceAfter=0
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=bold, fontSize=20, leading=25, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=bold,
            fontSize=13.5,
            leading=18,
            spaceBefore=10,
            spaceAfter=6,
            textColor=ACCENT,
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=bold, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3
        ),
        "big": ParagraphStyle("big", parent=base, fontName=bold, fontSize=15, leading=20),
    }


def render_plan_pdf(plan: Mapping[str, Any], link: str | None = None) -> bytes:
    """The PDF of `plan` (public plan JSON); `link` is the plan's address, printed on each page."""
    styles = _styles()
    lang = plan["language"]
    buffer = io.BytesIO()
    title = f"{word('title', lang)} — {plan['target_role']['label']}"
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=title,
        author="advisor",
        subject=word("subject", lang),
        lang=lang,
        creator="advisor",
    )
    story = [
        *_first_page(plan, styles, lang, link),
        PageBreak(),
        *_ranked_table(plan, styles, lang),
        *_chart(plan, styles, lang),
        *_schedule(plan, styles, lang),
        *_item_details(plan, styles, lang),
        *_method_and_sources(plan, styles, lang),
    ]
    footer = _footer(lang, link, styles)
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _first_page(
    plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str, link: str | None
) -> list[Any]:
    role = plan["target_role"]
    created = plan["created_at"][:10]
    facts = [
        (word("target_role", lang), role["label"]),
        (word("date", lang), _date(created, lang)),
        (word("fit", lang), percent(role["fit"], lang)),
        (word("total_hours", lang), f"{plan['total_hours']} h"),
        (word("hours_per_week", lang), f"{plan['hours_per_week']} h"),
        (word("weeks", lang), str(plan["weeks"])),
    ]
    if plan.get("current_role"):
        facts.insert(0, (word("current_role", lang), plan["current_role"]))
    table = Table(
        [[_p(k, s["head"]), _p(v, s["cell"])] for k, v in facts],
        colWidths=[55 * mm, None],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story: list[Any] = [
        _p(word("title", lang), s["title"]),
        _p(role["label"], s["big"]),
        Spacer(1, 4 * mm),
        _p(word("fit_sentence", lang, fit=percent(role["fit"], lang)), s["body"]),
        Spacer(1, 2 * mm),
        table,
        *_deadline(plan, s, lang),
        _p(word("top_three", lang), s["h2"]),
    ]
    for item in plan["items"][:3]:
        story.append(
            _p(
                f"{item['rank']}. {item['label']} — {item['current']} → {item['target']}, "
                f"{item['hours']} h",
                s["h3"],
            )
        )
        story.append(_p(reasons_in_words(item["reasons"], lang) + ".", s["body"]))
    if not plan["items"]:
        story.append(_p(word("nothing", lang), s["body"]))
    if plan.get("progress"):
        story += _progress(plan["progress"], s, lang)
    if link:
        story += [
            Spacer(1, 4 * mm),
            Paragraph(
                f'{escape(word("link", lang))} <a href="{escape(link)}" color="#0b57d0">'
                f"{escape(link)}</a>",
                s["small"],
            ),
        ]
    return story


def _deadline(plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    deadline = plan.get("deadline")
    if not deadline:
        return []
    if deadline["fits"]:
        return [
            Spacer(1, 2 * mm),
            _p(word("deadline_ok", lang, weeks=deadline["weeks"]), s["body"]),
        ]
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    fitting = ", ".join(labels[x] for x in deadline["fitting_items"]) or word("none", lang)
    return [
        Spacer(1, 2 * mm),
        _p(word("deadline_no", lang, weeks=deadline["weeks"], items=fitting), s["body"]),
    ]


def _progress(progress: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    gained = ", ".join(
        f"{c['label']} {c['before']} → {c['after']}" for c in progress["levels_gained"]
    )
    return [
        _p(word("progress", lang), s["h2"]),
        _p(
            word(
                "progress_fit",
                lang,
                before=percent(progress["fit_before"], lang),
                after=percent(progress["fit_after"], lang),
                hours=progress["hours_done"],
            ),
            s["body"],
        ),
        _p(gained or word("no_gain", lang), s["body"]),
    ]


def _ranked_table(plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    # Only the cells that wrap are Paragraphs; plain strings keep a long table cheap to lay out.
    header = word("columns", lang).split("|")
    rows: list[list[Any]] = [header]
    for item in plan["items"]:
        name = item["label"] + (
            f" ({word('prerequisite', lang)})" if item["is_prerequisite"] else ""
        )
        rows.append(
            [
                str(item["rank"]),
                Paragraph(
                    f'{escape(name)}<br/><font size="7.5" color="#4a4a4a">'
                    f"{escape(reasons_in_words(item['reasons'], lang))}</font>",
                    s["cell"],
                ),
                Paragraph(escape(item["domain_label"]), s["cell"]),
                f"{item['current']} → {item['target']}",
                str(item["hours"]),
                f"{item['start_week']}–{item['end_week']}",
                f"{item['priority']:.2f}",
            ]
        )
    widths = [8 * mm, 62 * mm, 28 * mm, 16 * mm, 16 * mm, 20 * mm, 18 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), s["cell"].fontName, 8.5),
                ("FONT", (0, 0), (-1, 0), s["head"].fontName, 8.5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f5f9")),
            ]
        )
    )
    return [_p(word("ranked", lang), s["h2"]), table]


def _chart(plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    items = plan["items"][:25]
    if not items:
        return []
    regular, _ = _register_fonts()
    height = 30 + 16 * len(items)
    drawing = Drawing(170 * mm, height + 36)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 62 * mm, 30, 100 * mm, height
    # Bars go bottom-up; reverse so the first priority is on top.
    chart.data = [[i["current"] for i in reversed(items)], [i["target"] for i in reversed(items)]]
    chart.categoryAxis.categoryNames = [_short(i["label"], 34) for i in reversed(items)]
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 5, 1
    chart.valueAxis.labels.fontName = regular
    chart.bars[0].fillColor, chart.bars[1].fillColor = MUTED, ACCENT
    chart.bars.strokeColor = None
    drawing.add(chart)
    drawing.add(
        String(
            62 * mm, 4, word("chart_legend", lang), fontName=regular, fontSize=7.5, fillColor=MUTED
        )
    )
    title = word("chart", lang) + (
        f" ({word('first_25', lang)})" if len(plan["items"]) > 25 else ""
    )
    return [KeepTogether([_p(title, s["h2"]), drawing])]


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _schedule(plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    periods = [
        (
            p["first_week"],
            p["last_week"],
            "; ".join(f"{labels.get(k, k)} ({v:g} h)" for k, v in sorted(p["hours"].items())),
        )
        for p in plan.get("schedule", [])
    ]
    if not periods:
        return []
    rows = [[_p(word("weeks", lang), s["head"]), _p(word("in_progress", lang), s["head"])]]
    for first, last, text in periods:
        span = str(first) if first == last else f"{first}–{last}"
        rows.append([_p(span, s["cell"]), _p(text, s["cell"])])
    table = Table(rows, colWidths=[22 * mm, None], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [_p(word("schedule", lang), s["h2"]), table]


def _item_details(plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    story: list[Any] = [PageBreak(), _p(word("details", lang), s["h2"])]
    for item in plan["items"]:
        lines = [escape(item["description"])]
        if item.get("target_anchor"):
            lines.append(
                f"<b>{escape(word('anchor', lang, level=item['target']))}</b> "
                f"{escape(item['target_anchor'])}"
            )
        if item["prerequisites"]:
            after = ", ".join(labels.get(p, p) for p in item["prerequisites"])
            lines.append(f"<b>{escape(word('after', lang))}</b> {escape(after)}")
        resources = "<br/>".join(
            f'• <a href="{escape(r["url"])}" color="#0b57d0">{escape(r["title"])}</a> '
            f'<font color="#4a4a4a">({escape(r["language"].upper())}, {r["hours"]:g} h) '
            f"{escape(r['url'])}</font>"
            for r in item["resources"]
        )
        block = [
            _p(f"{item['rank']}. {item['label']}", s["h3"]),
            Paragraph("<br/>".join(lines), s["body"]),
        ]
        if resources:
            block.append(Paragraph(resources, s["small"]))
        story.append(KeepTogether(block))
    return story


def _method_and_sources(
    plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str
) -> list[Any]:
    story: list[Any] = [_p(word("method", lang), s["h2"]), _p(word("method_text", lang), s["body"])]
    factors = ", ".join(
        FACTOR_NAMES[f][lang if lang == "fr" else "en"].lower()
        for f in ("gap", "importance", "demand", "unlocks", "effort")
    )
    story.append(_p(word("factors", lang, factors=factors), s["body"]))
    sources = plan.get("sources", [])
    if sources:
        story.append(_p(word("sources", lang), s["h2"]))
        for src in sources:
            story.append(
                Paragraph(
                    f"{escape(src['title'])} — {escape(src['publisher'])}, {escape(src['date'])}. "
                    f'<a href="{escape(src["url"])}" color="#0b57d0">{escape(src["url"])}</a>',
                    s["small"],
                )
            )
    story.append(_p(word("attribution", lang), s["h2"]))
    if any(i.get("esco") for i in plan["items"]):
        story.append(_p(word("esco", lang), s["small"]))
    if any(i.get("onet") for i in plan["items"]):
        story.append(_p(word("onet", lang), s["small"]))
    return story


def _footer(lang: str, link: str | None, s: dict[str, ParagraphStyle]) -> Any:
    regular = s["small"].fontName

    def draw(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, word("page", lang, n=document.page))
        if link:
            canvas.drawString(MARGIN, 10 * mm, _short(link, 90))
            canvas.linkURL(link, (MARGIN, 9 * mm, A4[0] / 2, 13 * mm), relative=0)
        canvas.restoreState()

    return draw


def _date(iso: str, lang: str) -> str:
    day = date.fromisoformat(iso)
    if lang == "fr":
        return f"{day.day} {word('months', lang).split()[day.month - 1]} {day.year}"
    return f"{word('months', lang).split()[day.month - 1]} {day.day}, {day.year}"
