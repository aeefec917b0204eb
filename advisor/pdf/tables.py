"""The PDF's overview: the ranked table, the levels chart and the week-by-week schedule."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Table,
    TableStyle,
)

from advisor.core.wording import reasons_in_words, week_spans
from advisor.i18n import words_for
from advisor.pdf.styles import (
    ACCENT,
    INK,
    LINE,
    MUTED,
    Paragraph,
    kept,
    para,
    register_fonts,
    shortened,
)


def ranked_table(plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    words = words_for(lang)
    # One Paragraph per row (the cell that wraps: skill, domain, reasons); plain strings in the
    # others keep a long table cheap to lay out.
    header = words.phrase("#|Skill, domain and reasons|Level|Hours|Weeks|Priority").split("|")
    rows: list[list[Any]] = [header]
    for item in plan["items"]:
        name = item["label"] + (
            " (" + words.phrase("prerequisite") + ")" if item["is_prerequisite"] else ""
        )
        rows.append(
            [
                str(item["rank"]),
                Paragraph(
                    f"{escape(name)} "
                    f'<font color="#4a4a4a">· {escape(item["domain_label"])}</font><br/>'
                    '<font size="7.5" color="#4a4a4a">'
                    f"{escape(kept(reasons_in_words(item['reasons'], words)))}</font>",
                    s["cell"],
                ),
                f"{item['current']} → {item['target']}",
                str(item["hours"]),
                week_spans(item),
                f"{item['priority']:.2f}",
            ]
        )
    widths = [8 * mm, 96 * mm, 16 * mm, 16 * mm, 20 * mm, 18 * mm]
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
    return [para(words.phrase("Ranked skills, and why"), s["h2"]), table]


def chart(plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    words = words_for(lang)
    items = plan["items"][:25]
    if not items:
        return []
    regular, _ = register_fonts()
    height = 30 + 16 * len(items)
    drawing = Drawing(170 * mm, height + 36)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 62 * mm, 30, 100 * mm, height
    # Bars go bottom-up; reverse so the first priority is on top.
    chart.data = [[i["current"] for i in reversed(items)], [i["target"] for i in reversed(items)]]
    chart.categoryAxis.categoryNames = [shortened(i["label"], 34) for i in reversed(items)]
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
            62 * mm,
            4,
            words.phrase("grey: current level · blue: target level (0 to 5)"),
            fontName=regular,
            fontSize=7.5,
            fillColor=MUTED,
        )
    )
    title = words.phrase("Current and target levels") + (
        " (" + words.phrase("first 25 items") + ")" if len(plan["items"]) > 25 else ""
    )
    return [KeepTogether([para(title, s["h2"]), drawing])]


def schedule(plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    words = words_for(lang)
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
    rows: list[list[Any]] = [
        [
            para(words.phrase("Weeks"), s["head"]),
            para(words.phrase("Skills in progress (hours per week)"), s["head"]),
        ]
    ]
    for first, last, text in periods:
        span = str(first) if first == last else f"{first}–{last}"
        rows.append([span, para(text, s["cell"])])
    table = Table(rows, colWidths=[22 * mm, None], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (0, -1), s["cell"].fontName, s["cell"].fontSize),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [para(words.phrase("Week by week"), s["h2"]), table]
