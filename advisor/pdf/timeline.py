"""The timeline drawn with ReportLab graphics: one row per item, each stage a bar along the
weeks, the milestones and the deadline as vertical marks, months and weeks on the axis.

It draws `core.wording.Timeline`, the value the plan page draws as SVG: same rows, same bars,
same marks and dates.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from advisor.core.planning import READY
from advisor.core.wording import Mark, Timeline, Words
from advisor.pdf.styles import ACCENT, INK, LINE, MUTED, kept, register_fonts

STAGE_COLOURS = {READY: ACCENT, "deepen": colors.HexColor("#8fb0e8")}
DEADLINE = colors.HexColor("#b3261e")
SHADE = colors.HexColor("#f3f5f9")
LABEL_WIDTH = 50 * mm
TOP = 24  # two lines of mark labels
BOTTOM = 34  # the axis (weeks, months) and the legend
ROW_MIN, ROW_MAX = 8.5, 13.0
FONT_SIZE = 6.8


def rows_that_fit(timeline: Timeline, height: float) -> int:
    """How many rows a drawing of `height` points can hold at the smallest row height."""
    return max(int((height - TOP - BOTTOM) // ROW_MIN), 1)


def timeline_drawing(timeline: Timeline, width: float, height: float, words: Words) -> Drawing:
    """The timeline in a drawing `width` wide and at most `height` high (fold it first with
    `Timeline.first(rows_that_fit(...))`)."""
    regular, bold = register_fonts()
    count = max(len(timeline.rows), 1)
    row = min(max((height - TOP - BOTTOM) / count, ROW_MIN), ROW_MAX)
    drawn = Drawing(width, TOP + BOTTOM + row * count)
    left, right = LABEL_WIDTH, width - 4
    span = max(timeline.weeks, 1)

    def x(week: float) -> float:
        return float(left + (right - left) * week / span)

    top = drawn.height - TOP
    for n, item in enumerate(timeline.rows):
        y = top - (n + 1) * row
        if n % 2 == 0:
            drawn.add(Rect(0, y, width, row, fillColor=SHADE, strokeColor=None))
        name = f"{item.rank}. {item.label}" if not item.folded else item.label
        drawn.add(
            String(
                2,
                y + row * 0.3,
                _fitted(name, LABEL_WIDTH - 6, regular),
                fontName=bold if not item.folded and n < 5 else regular,
                fontSize=FONT_SIZE,
                fillColor=MUTED if item.folded else INK,
            )
        )
        for bar in item.bars:
            colour = STAGE_COLOURS.get(bar.stage, MUTED)
            start, end = x(bar.start_week - 1), x(bar.end_week)
            drawn.add(
                Rect(
                    start,
                    y + row * 0.2,
                    max(end - start, 1.2),
                    row * 0.6,
                    fillColor=colour,
                    strokeColor=None,
                )
            )
    bottom = top - count * row
    _axis(drawn, timeline, x, bottom, top, regular)
    _marks(drawn, timeline.marks, x, bottom, top, right, regular)
    caption = kept(words.phrase("Weeks of study"))
    drawn.add(String(2, bottom - 8, caption, fontName=regular, fontSize=6.3, fillColor=MUTED))
    _legend(drawn, timeline, bottom - 28, regular)
    return drawn


def _fitted(text: str, width: float, font: str) -> str:
    """`text`, cut with an ellipsis where it would run past `width` points."""
    text = kept(text)
    if stringWidth(text, font, FONT_SIZE) <= width:
        return text
    while text and stringWidth(text + "…", font, FONT_SIZE) > width:
        text = text[:-1]
    return text.rstrip() + "…"


Scale = Callable[[float], float]


def _axis(
    drawn: Drawing, timeline: Timeline, at: Scale, bottom: float, top: float, font: str
) -> None:
    drawn.add(
        Line(LABEL_WIDTH, bottom, at(timeline.weeks), bottom, strokeColor=INK, strokeWidth=0.6)
    )
    for tick in timeline.ticks:
        where = at(tick.week)
        drawn.add(Line(where, bottom, where, top, strokeColor=LINE, strokeWidth=0.3))
        drawn.add(
            String(
                where,
                bottom - 8,
                str(tick.week),
                fontName=font,
                fontSize=6.3,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
        drawn.add(
            String(
                where,
                bottom - 15,
                kept(tick.month),
                fontName=font,
                fontSize=6.3,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )


def _marks(
    drawn: Drawing,
    marks: tuple[Mark, ...],
    at: Scale,
    bottom: float,
    top: float,
    right: float,
    font: str,
) -> None:
    placed: list[tuple[float, float, int]] = []  # label extents already drawn, by line
    for mark in sorted(marks, key=lambda m: m.week):
        where = at(mark.week)
        colour = DEADLINE if mark.kind == "deadline" else INK
        drawn.add(
            Line(
                where,
                bottom,
                where,
                top + 4,
                strokeColor=colour,
                strokeWidth=0.9,
                strokeDashArray=[2, 1.5],
            )
        )
        text = kept(f"{mark.title} · {mark.when}")
        size = stringWidth(text, font, FONT_SIZE)
        anchor = (
            "end"
            if where + size / 2 > right
            else ("start" if where - size / 2 < LABEL_WIDTH else "middle")
        )
        first = {"end": where - size, "start": where, "middle": where - size / 2}[anchor]
        line = 0
        while any(lo < first + size + 4 and first < hi + 4 and n == line for lo, hi, n in placed):
            line += 1
        placed.append((first, first + size, line))
        drawn.add(
            String(
                where,
                top + 6 + 9 * (line % 2),
                text,
                fontName=font,
                fontSize=FONT_SIZE,
                fillColor=colour,
                textAnchor=anchor,
            )
        )


def _legend(drawn: Drawing, timeline: Timeline, y: float, font: str) -> None:
    where = LABEL_WIDTH
    for stage, name in timeline.stages:
        drawn.add(
            Rect(where, y - 0.5, 9, 6, fillColor=STAGE_COLOURS.get(stage, MUTED), strokeColor=None)
        )
        drawn.add(
            String(where + 12, y, kept(name), fontName=font, fontSize=FONT_SIZE, fillColor=INK)
        )
        where += 18 + stringWidth(kept(name), font, FONT_SIZE)
