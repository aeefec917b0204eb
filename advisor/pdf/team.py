"""A team's dashboard as one A4 page for its coach: `render_team_pdf(summary)`.

It takes the team's public JSON (`advisor.core.wording.team_dict`: aggregates only, labels in
the team's language) and draws who the team is measured against, how many shared, the team's
coverage of the role, then the heatmap (one row a skill, a band of levels a cell, darker for
more people, the required level framed), the gaps many members share and the levels no one
reaches. Before five members shared it says how many more it waits for, and shows nothing
else. The page is measured before it is laid out: when the heatmap's rows do not all fit,
the most important are shown and the page says how many were left out (the CSV has them all).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from advisor.core.wording import first_names
from advisor.i18n import CatalogueWords, words_for
from advisor.pdf.document import PlanDocument
from advisor.pdf.styles import (
    FRAME_PADDING,
    FRAME_WIDTH,
    INK,
    LINE,
    MARGIN,
    MUTED,
    Paragraph,
    kept,
    para,
    plan_styles,
)
from advisor.pdf.summary import SLACK, height_of, lined_table

LEVELS = range(6)
SHARED_GAPS = 5
LONG_NAME = 40  # characters: a longer team name is set smaller, on two lines at most
MISSING_NAMED = 6
# The heatmap's colours: white for no one, then lighter to darker blue as a band holds a
# larger share of the members; its figures turn white on the darker cells.
EMPTY = colors.white
DARKEST = colors.HexColor("#0a3a8c")
LIGHTEST_SHARE = 0.14
WHITE_TEXT_FROM = 0.5
# The required level's frame.
MARK = colors.HexColor("#d93025")
MARK_WIDTH = 1.5
GRID_SIZE = 8
LEVEL_WIDTH = 14.5 * mm
REQUIRED_WIDTH = 17 * mm
LABEL_WIDTH = FRAME_WIDTH - REQUIRED_WIDTH - 6 * LEVEL_WIDTH
# One page, so no page number: the page's foot is the plan's margin, not the room for one.
PAGE_HEIGHT = A4[1] - 2 * MARGIN - 2 * FRAME_PADDING


def render_team_pdf(
    summary: Mapping[str, Any], link: str | None = None, *, day: date | None = None
) -> PlanDocument:
    """The one-page PDF of a team's `summary` and its number of pages (a `PlanDocument`).

    `link` is the dashboard's private address, printed at the foot of the page; `day` is the
    date printed (today by default)."""
    styles = team_styles()
    words = words_for(summary["language"])
    on = day or datetime.now(UTC).date()
    rows = list(summary["heatmap"]) if not summary["waiting_for"] else []
    shown = len(rows)
    while True:
        story = team_story(summary, styles, words, on, link, shown)
        while shown > 1 and height_of(story) > PAGE_HEIGHT - SLACK:
            shown -= 1
            story = team_story(summary, styles, words, on, link, shown)
        buffer = io.BytesIO()
        document = _document(buffer, summary, words)
        document.build(story)
        # The measure is kept on the safe side; should ReportLab still need a second page,
        # one row fewer is drawn again.
        if document.page <= 1 or shown <= 1:
            return PlanDocument(buffer.getvalue(), document.page)
        shown -= 1


def _document(buffer: io.BytesIO, summary: Mapping[str, Any], words: CatalogueWords) -> Any:
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=words.phrase("Team dashboard") + f" — {summary['name']}",
        author="advisor",
        subject=words.phrase("A team's skills against its target role, in aggregates only"),
        lang=words.language,
        creator="advisor",
    )


def team_styles() -> dict[str, ParagraphStyle]:
    """The plan's styles, and the tables' smaller cells."""
    s = plan_styles()
    return {
        **s,
        "title-long": ParagraphStyle("title-long", parent=s["title"], fontSize=15, leading=19),
        "grid": ParagraphStyle("grid", parent=s["cell"], fontSize=GRID_SIZE, leading=10),
        "grid-head": ParagraphStyle(
            "grid-head", parent=s["head"], fontSize=GRID_SIZE, leading=10, splitLongWords=0
        ),
        "grid-head-centred": ParagraphStyle(
            "grid-head-centred",
            parent=s["head"],
            fontSize=GRID_SIZE,
            leading=10,
            splitLongWords=0,
            alignment=TA_CENTER,
        ),
    }


def team_story(
    summary: Mapping[str, Any],
    s: dict[str, ParagraphStyle],
    words: CatalogueWords,
    day: date,
    link: str | None,
    rows_shown: int,
) -> list[Any]:
    """The page: its head, then what waits or the aggregates, then the privacy rule."""
    story: list[Any] = [
        para(words.phrase("Team dashboard"), s["kicker"]),
        para(summary["name"], s["title"] if len(summary["name"]) <= LONG_NAME else s["title-long"]),
        _facts_table(_facts(summary, words, day), s),
    ]
    if summary["waiting_for"] > 0:
        story += [Spacer(1, 3 * mm), para(_waiting(summary, words), s["big"])]
    elif summary["target_role"] is None or not summary["heatmap"]:
        story += [
            Spacer(1, 3 * mm),
            para(words.phrase("No target role to measure the team against yet."), s["body"]),
        ]
    else:
        story += _heatmap(summary, s, words, rows_shown)
        story += _shared_gaps(summary, s, words)
        story += _missing(summary, s, words)
    return story + _foot(link, s, words)


def _waiting(summary: Mapping[str, Any], words: CatalogueWords) -> str:
    return words.plural(
        "Waiting for {n} more member to share their ratings: nothing is shown before {min}.",
        "Waiting for {n} more members to share their ratings: nothing is shown before {min}.",
        int(summary["waiting_for"]),
        min=int(summary["rules"]["min_members"]),
    )


def _facts(summary: Mapping[str, Any], words: CatalogueWords, day: date) -> list[tuple[str, str]]:
    role = summary["target_role"]
    if role is None:
        aimed = words.phrase("None yet")
    elif role.get("chosen_by") == "members":
        aimed = words.phrase("{role} (the role most members aim for)", role=role["label"])
    else:
        aimed = str(role["label"])
    facts = [
        (words.phrase("Target role"), aimed),
        (words.phrase("Members who shared"), words.number(int(summary["members"]))),
    ]
    if summary["coverage"] is not None and not summary["waiting_for"]:
        coverage = words.phrase(
            "{share}, weighted by importance, mean of the members",
            share=words.percent(float(summary["coverage"])),
        )
        facts.append((words.phrase("Coverage of the role"), coverage))
    facts.append((words.phrase("Date"), words.date(day)))
    return facts


def _facts_table(facts: Sequence[tuple[str, str]], s: dict[str, ParagraphStyle]) -> Table:
    cells = [[para(key, s["head"]), para(value, s["cell"])] for key, value in facts]
    return lined_table(cells, [48 * mm, None])


def _heatmap(
    summary: Mapping[str, Any], s: dict[str, ParagraphStyle], words: CatalogueWords, shown: int
) -> list[Any]:
    """The heatmap's heading, what a cell means, the table of its first `shown` rows (the
    most important first), and how many rows were left out."""
    # The summary lists the rows most important first; the sort keeps that order for any.
    rows = sorted(summary["heatmap"], key=lambda r: (-int(r["importance"]), -int(r["required"])))
    story: list[Any] = [
        para(words.phrase("The team's levels, skill by skill"), s["h2"]),
        para(
            words.phrase(
                "Each cell counts the members at a level, from 0 to 5: the darker, the more "
                "people. The red frame marks the level the role requires."
            ),
            s["note"],
        ),
        Spacer(1, 1.5 * mm),
        _heat_table(rows[:shown], int(summary["members"]), s, words),
    ]
    left = len(rows) - shown
    if left > 0:
        story.append(
            para(
                words.plural(
                    "{n} less important skill is not shown here: see the CSV export.",
                    "{n} less important skills are not shown here: see the CSV export.",
                    left,
                ),
                s["note"],
            )
        )
    return story


def _shade(people: int, members: int) -> colors.Color:
    """White for no one; else lighter to darker as the band holds more of the members."""
    if people <= 0 or members <= 0:
        return EMPTY
    share = LIGHTEST_SHARE + (1 - LIGHTEST_SHARE) * min(1.0, people / members)
    return colors.linearlyInterpolatedColor(EMPTY, DARKEST, 0, 1, share)


def _heat_table(
    rows: Sequence[Mapping[str, Any]],
    members: int,
    s: dict[str, ParagraphStyle],
    words: CatalogueWords,
) -> Table:
    head = words.phrase("Skill|Required").split("|")
    cells: list[list[Any]] = [
        [
            para(head[0], s["grid-head"]),
            para(head[1], s["grid-head-centred"]),
            *[str(level) for level in LEVELS],
        ]
    ]
    commands: list[Any] = [
        ("FONT", (0, 0), (-1, -1), s["grid"].fontName, GRID_SIZE),
        ("FONT", (0, 0), (-1, 0), s["head"].fontName, GRID_SIZE),
        ("FONT", (1, 1), (1, -1), s["head"].fontName, GRID_SIZE),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (1, -1), 0.3, LINE),
        ("GRID", (2, 1), (-1, -1), 0.3, LINE),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (2, 0), (-1, -1), 2),
        ("RIGHTPADDING", (2, 0), (-1, -1), 2),
    ]
    for r, row in enumerate(rows, start=1):
        line: list[Any] = [para(row["label"], s["grid"]), str(row["required"]), *[""] * 6]
        for band in row["bands"]:
            low, high, people = int(band["low"]), int(band["high"]), int(band["people"])
            first, last = 2 + low, 2 + high
            # The figures are plain strings, one line each (a band of two levels or more has
            # the room of its columns): cheaper to lay out than paragraphs, and never wrapped.
            line[first] = kept(_band_text(low, high, people, words))
            share = people / members if members else 0
            ink = MUTED if not people else colors.white if share >= WHITE_TEXT_FROM else INK
            commands += [
                ("BACKGROUND", (first, r), (last, r), _shade(people, members)),
                ("TEXTCOLOR", (first, r), (first, r), ink),
            ]
            if last > first:
                commands.append(("SPAN", (first, r), (last, r)))
        cells.append(line)
    widths = [LABEL_WIDTH, REQUIRED_WIDTH, *[LEVEL_WIDTH] * len(LEVELS)]
    table = HeatTable(cells, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle(commands))
    table.marks = [
        _mark(r, int(row["required"]), row["bands"]) for r, row in enumerate(rows, start=1)
    ]
    return table


def _mark(row: int, level: int, bands: Sequence[Mapping[str, Any]]) -> tuple[int, int, bool, bool]:
    """Where the required level's frame goes: its row, its column, and whether its left and
    right sides are drawn (not inside a band, where they would cross the band's figure)."""
    band = next((b for b in bands if int(b["low"]) <= level <= int(b["high"])), None)
    left = band is None or int(band["low"]) == level
    right = band is None or int(band["high"]) == level
    return row, 2 + level, left, right


class HeatTable(Table):  # type: ignore[misc]
    """The heatmap: a table whose bands span their levels, with each row's required level
    framed over it. The frame is drawn apart from the table's lines, which ReportLab leaves
    out inside a span: its top and bottom always, its sides where a band does not cross them."""

    marks: Sequence[tuple[int, int, bool, bool]] = ()

    def draw(self) -> None:
        super().draw()
        canvas, inset = self.canv, MARK_WIDTH / 2 + 0.6
        canvas.saveState()
        canvas.setStrokeColor(MARK)
        canvas.setLineWidth(MARK_WIDTH)
        canvas.setLineCap(2)
        for row, column, left, right in self.marks:
            if row + 1 >= len(self._rowpositions) or column + 1 >= len(self._colpositions):
                continue
            x0 = self._colpositions[column] + inset
            x1 = self._colpositions[column + 1] - inset
            y0 = self._rowpositions[row + 1] + inset
            y1 = self._rowpositions[row] - inset
            canvas.line(x0, y0, x1, y0)
            canvas.line(x0, y1, x1, y1)
            if left:
                canvas.line(x0, y0, x0, y1)
            if right:
                canvas.line(x1, y0, x1, y1)
        canvas.restoreState()


def _band_text(low: int, high: int, people: int, words: CatalogueWords) -> str:
    """A band's count of people, and its levels when it holds more than one ("4 (levels
    3–4)"): a merged band is never mistaken for one level."""
    figure = words.number(people)
    if low == high:
        return figure
    levels = f"{low}–{high}"
    return words.phrase("{people} (levels {levels})", people=figure, levels=levels)


def _shared_gaps(
    summary: Mapping[str, Any], s: dict[str, ParagraphStyle], words: CatalogueWords
) -> list[Any]:
    """The gaps most shared (people × importance × hours), one course each for the group."""
    heading = para(words.phrase("Shared gaps"), s["h2"])
    gaps = list(summary["shared_gaps"])[:SHARED_GAPS]
    if not gaps:
        none = words.phrase(
            "No gap is shared by {n} members or more.", n=int(summary["rules"]["min_people"])
        )
        return [heading, para(none, s["body"])]
    head = words.phrase(
        "Skill|Required level|Members below it|One course|Saved by one group course"
    ).split("|")
    cells: list[list[Any]] = [
        [para(h, s["grid-head-centred" if n == 1 else "grid-head"]) for n, h in enumerate(head)]
    ]
    for gap in gaps:
        people = words.number(int(gap["people"]))
        if not gap["people_exact"]:
            people = words.phrase("at least {n}", n=people)
        cells.append(
            [
                para(gap["label"], s["grid"]),
                str(gap["required"]),
                kept(people),
                kept(words.phrase("{hours} h", hours=words.number(int(gap["course_hours"])))),
                kept(words.phrase("{hours} h", hours=words.number(int(gap["saved_hours"])))),
            ]
        )
    widths = [LABEL_WIDTH, REQUIRED_WIDTH, 26 * mm, 20 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    table = Table(cells, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (1, 1), (-1, -1), s["grid"].fontName, GRID_SIZE),
                ("ALIGN", (1, 0), (1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    note = words.phrase(
        "One course followed together instead of one each: it saves the hours of the other "
        "members' courses."
    )
    return [heading, table, Spacer(1, 1 * mm), para(note, s["note"])]


def _missing(
    summary: Mapping[str, Any], s: dict[str, ParagraphStyle], words: CatalogueWords
) -> list[Any]:
    """The levels no member reaches, one line a level: "No one is at level 4 or above in …"."""
    by_level: dict[int, list[str]] = {}
    for row in summary["missing"]:
        by_level.setdefault(int(row["level"]), []).append(words.quote(str(row["label"])))
    if not by_level:
        return []
    lines = [
        para(
            words.phrase(
                "No one is at level {level} or above in {skills}.",
                level=level,
                skills=first_names(names, words, MISSING_NAMED),
            ),
            s["lead"],
        )
        for level, names in sorted(by_level.items(), reverse=True)
    ]
    return [para(words.phrase("Levels missing from the team"), s["h2"]), *lines]


def _foot(link: str | None, s: dict[str, ParagraphStyle], words: CatalogueWords) -> list[Any]:
    """The privacy rule, then the dashboard's private link, said to be private."""
    rule = words.phrase(
        "Counts of 1 or 2 people are never shown: such levels are merged with their "
        "neighbours (a band such as 3–4)."
    )
    foot: list[Any] = [Spacer(1, 3 * mm), para(rule, s["small"])]
    if link:
        label = escape(kept(words.phrase("Dashboard online (private link):")))
        private = escape(
            kept(
                words.phrase(
                    "This link is private: whoever has it can see the dashboard and delete "
                    "the team."
                )
            )
        )
        address = escape(link, {'"': "&quot;"})
        foot.append(
            Paragraph(
                f'<b>{label}</b> <a href="{address}" color="#0b57d0">{address}</a><br/>{private}',
                s["small"],
            )
        )
    return foot
