"""Server-rendered views of a plan: the levels chart and the timeline (SVG geometry, with the
timeline's table alternative) and schedule periods."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from advisor.core.planning import READY, Period
from advisor.core.wording import Bar, Timeline, Words, bar_words, stage_label
from advisor.web.i18n import fast_gettext

BAR_HEIGHT = 10
ROW_HEIGHT = 34
LABEL_WIDTH = 280
SCALE_WIDTH = 300
MAX_LEVEL = 5
DEEPEN = "deepen"


@dataclass(frozen=True)
class ChartRow:
    label: str
    y: int
    current_width: int
    target_width: int
    current: int
    target: int
    current_title: str
    target_title: str


@dataclass(frozen=True)
class LevelsChart:
    rows: tuple[ChartRow, ...]
    width: int
    height: int
    label_width: int
    step: int

    @property
    def ticks(self) -> list[tuple[int, int]]:
        return [(level, self.label_width + level * self.step) for level in range(MAX_LEVEL + 1)]


def levels_chart(items: list[dict[str, Any]], language: str) -> LevelsChart:
    """Two bars per skill: where the person is, and where the plan takes them. `items` are
    the plan's `standing` (every skill of the target, strengths included), or its items for
    a plan saved before it had one."""
    step = SCALE_WIDTH // MAX_LEVEL
    _ = fast_gettext()
    rows = tuple(
        ChartRow(
            label=_shorten(item["label"], 34),
            y=20 + index * ROW_HEIGHT,
            current_width=_current(item) * step,
            target_width=item["target"] * step,
            current=_current(item),
            target=item["target"],
            current_title=_("current %(n)s", n=_current(item)),
            target_title=_("target %(n)s", n=item["target"]),
        )
        for index, item in enumerate(items)
    )
    height = 40 + len(rows) * ROW_HEIGHT
    return LevelsChart(rows, LABEL_WIDTH + SCALE_WIDTH + 20, height, LABEL_WIDTH, step)


def _current(row: dict[str, Any]) -> int:
    return int(row["level"] if "level" in row else row["current"])


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def schedule_periods(plan: dict[str, Any]) -> list[Period]:
    """The plan's schedule periods (consecutive identical weeks already folded together)."""
    return [
        Period(p["first_week"], p["last_week"], tuple(sorted(p["hours"].items())))
        for p in plan.get("schedule", [])
    ]


TIMELINE_LABEL_WIDTH = 250
TIMELINE_WIDTH = 600
TIMELINE_ROW = 22
TIMELINE_TOP = 46  # two lines of mark labels
TIMELINE_BOTTOM = 40  # weeks and months


@dataclass(frozen=True)
class TimelineBar:
    x: float
    width: float
    stage: str
    title: str


@dataclass(frozen=True)
class TimelineRow:
    label: str
    y: int
    bars: tuple[TimelineBar, ...]
    cells: tuple[str, str]  # the table's two stage columns, in words ("—" when absent)
    name: str = ""  # the whole label, for the table


@dataclass(frozen=True)
class TimelineMark:
    x: float
    kind: str
    label: str
    line: int


@dataclass(frozen=True)
class TimelineChart:
    """The timeline's geometry for the page's SVG, and its table alternative."""

    rows: tuple[TimelineRow, ...]
    marks: tuple[TimelineMark, ...]
    ticks: tuple[tuple[float, int, str], ...]
    stages: tuple[tuple[str, str], ...]
    width: int
    height: int
    left: int
    top: int
    bottom: int


def timeline_chart(timeline: Timeline, words: Words) -> TimelineChart:
    """The same timeline as the PDF's (`core.wording.plan_timeline`), drawn in SVG units:
    one row per item, a bar per stage, the milestones and the deadline as marks."""
    left, right = TIMELINE_LABEL_WIDTH, TIMELINE_LABEL_WIDTH + TIMELINE_WIDTH
    span = max(timeline.weeks, 1)

    def x(week: float) -> float:
        return round(left + TIMELINE_WIDTH * week / span, 1)

    rows = tuple(
        TimelineRow(
            label=_shorten(f"{row.rank}. {row.label}", 40),
            y=TIMELINE_TOP + n * TIMELINE_ROW,
            bars=tuple(
                TimelineBar(
                    x(bar.start_week - 1),
                    max(x(bar.end_week) - x(bar.start_week - 1), 2),
                    bar.stage,
                    f"{row.label} — {stage_label(bar.stage, words)}{words.colon()}"
                    + bar_words(bar, words),
                )
                for bar in row.bars
            ),
            cells=(_stage_cell(row.bars, READY, words), _stage_cell(row.bars, DEEPEN, words)),
            name=f"{row.rank}. {row.label}",
        )
        for n, row in enumerate(timeline.rows)
    )
    bottom = TIMELINE_TOP + len(rows) * TIMELINE_ROW
    marks: list[TimelineMark] = []
    lines: list[tuple[float, int]] = []
    for mark in sorted(timeline.marks, key=lambda m: m.week):
        where = x(mark.week)
        # Two marks close together: the second label goes on the other line.
        line = 1 if lines and abs(where - lines[-1][0]) < 260 and lines[-1][1] == 0 else 0
        lines.append((where, line))
        label = f"{mark.title} · {mark.when}"
        marks.append(TimelineMark(min(where, right), mark.kind, label, line))
    return TimelineChart(
        rows=rows,
        marks=tuple(marks),
        ticks=tuple((x(t.week), t.week, t.month) for t in timeline.ticks),
        stages=timeline.stages,
        width=right + 10,
        height=bottom + TIMELINE_BOTTOM,
        left=left,
        top=TIMELINE_TOP,
        bottom=bottom,
    )


def _stage_cell(bars: tuple[Bar, ...], stage: str, words: Words) -> str:
    found = [bar_words(b, words) for b in bars if b.stage == stage]
    return ("\u00a0; " if words.language == "fr" else "; ").join(found) or "—"


HEAT_LABEL_WIDTH = 250
HEAT_CELL = 58
HEAT_ROW = 30
HEAT_TOP = 28
# From no one to everyone, each shade with the ink its figure is written in (contrast ≥ 4.5:1).
HEAT_SHADES = (
    ("#ffffff", "#4a4a4a"),
    ("#dbe6fb", "#1a1a1a"),
    ("#a9c4f5", "#1a1a1a"),
    ("#6f9be8", "#1a1a1a"),
    ("#1f5fc4", "#ffffff"),
    ("#0b3f99", "#ffffff"),
)


@dataclass(frozen=True)
class HeatCell:
    x: int
    width: int
    people: int
    fill: str
    ink: str
    title: str


@dataclass(frozen=True)
class HeatChartRow:
    label: str
    y: int
    required_x: int
    cells: tuple[HeatCell, ...]


@dataclass(frozen=True)
class HeatChart:
    rows: tuple[HeatChartRow, ...]
    width: int
    height: int
    label_width: int
    cell: int

    @property
    def columns(self) -> list[tuple[int, int]]:
        """Each level and the middle of its column, for the axis."""
        return [(n, self.label_width + n * self.cell + self.cell // 2) for n in range(6)]


def heatmap_chart(summary: dict[str, Any], words: Words) -> HeatChart:
    """The team's heatmap as SVG geometry: a row per skill, a column per level, a band of
    merged levels drawn as one wide cell, shaded by its share of the members; a thick line
    before the level the role requires."""
    members = max(int(summary["members"]), 1)
    rows = []
    for index, row in enumerate(summary["heatmap"]):
        y = HEAT_TOP + index * HEAT_ROW
        cells = tuple(_heat_cell(band, members, words) for band in row["bands"])
        required_x = HEAT_LABEL_WIDTH + row["required"] * HEAT_CELL
        rows.append(HeatChartRow(_shorten(row["label"], 34), y, required_x, cells))
    height = HEAT_TOP + len(rows) * HEAT_ROW + 6
    return HeatChart(
        tuple(rows), HEAT_LABEL_WIDTH + 6 * HEAT_CELL + 4, height, HEAT_LABEL_WIDTH, HEAT_CELL
    )


def band_levels(band: dict[str, Any], words: Words) -> str:
    """ "level 3" or "levels 3–4", in words."""
    if band["low"] == band["high"]:
        return words.phrase("level {n}", n=band["low"])
    return words.phrase("levels {low}–{high}", low=band["low"], high=band["high"])


def _heat_cell(band: dict[str, Any], members: int, words: Words) -> HeatCell:
    people = int(band["people"])
    shade = 0 if people == 0 else min(5, 1 + (people * 5 - 1) // members)
    fill, ink = HEAT_SHADES[shade]
    title = words.plural(
        "{levels}: {n} person", "{levels}: {n} people", people, levels=band_levels(band, words)
    )
    return HeatCell(
        HEAT_LABEL_WIDTH + band["low"] * HEAT_CELL,
        (band["high"] - band["low"] + 1) * HEAT_CELL,
        people,
        fill,
        ink,
        title,
    )
