"""Server-rendered views of a plan: the levels chart (SVG geometry) and schedule periods."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from advisor.core.planning import Period
from advisor.web.i18n import fast_gettext

BAR_HEIGHT = 10
ROW_HEIGHT = 34
LABEL_WIDTH = 280
SCALE_WIDTH = 300
MAX_LEVEL = 5


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
