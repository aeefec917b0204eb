"""The full plan's overview: every item in the order of study, one line each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from advisor.core.wording import week_spans
from advisor.i18n import words_for
from advisor.pdf.styles import FRAME_WIDTH, INK, LINE, kept, para

CELL_PADDING = 12  # a table cell's left and right padding, together


def ranked_table(plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    """Every item in the plan's order (its rank): skill and domain, levels, hours, weeks,
    stage and priority. Cells are plain strings, cheap to lay out; a name or weeks too long
    for their column become a paragraph that wraps between words."""
    words = words_for(lang)
    header = words.phrase("#|Skill and domain|Level|Hours|Weeks|Priority").split("|")
    widths: list[float] = [8 * mm, 0, 15 * mm, 14 * mm, 21 * mm, 16 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    font, size = s["cell"].fontName, s["cell"].fontSize
    rows: list[list[Any]] = [header]
    for item in sorted(plan["items"], key=lambda i: int(i["rank"])):
        name = kept(f"{item['label']} · {item['domain_label']}")
        if item["is_prerequisite"]:
            name += " (" + words.phrase("prerequisite") + ")"
        rows.append(
            [
                str(item["rank"]),
                _cell(name, widths[1], s["cell"]),
                f"{item['current']} → {item['target']}",
                kept(words.number(item["hours"])),
                _cell(week_spans(item), widths[4], s["cell"]),
                kept(words.number(round(float(item["priority"]), 2))),
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, size),
                ("FONT", (0, 0), (-1, 0), s["head"].fontName, size),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f5f9")),
            ]
        )
    )
    return [para(words.phrase("The plan's items, in the order of study"), s["h2"]), table]


def _fits(text: str, width: float, style: ParagraphStyle) -> bool:
    return bool(stringWidth(text, style.fontName, style.fontSize) <= width - CELL_PADDING)


def _cell(text: str, width: float, style: ParagraphStyle) -> Any:
    """`text` as a plain string when it fits its column, else a paragraph that wraps (the
    weeks of an item in two stages, "11–20, 56–58", wrap after the comma)."""
    return text if _fits(text, width, style) else para(text, style)
