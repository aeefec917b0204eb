"""The priority of a gap: a weighted sum of interpretable factors, kept as `reasons`.

See `FACTOR_WEIGHTS` and docs/ranking.md. Every factor is in [0, 1] and the weights sum to 1, so
a priority is in [0, 1] too.
"""

from __future__ import annotations

from collections.abc import Mapping

from advisor.core.limits import MAX_LEVEL
from advisor.core.planning.gaps import Gap
from advisor.core.planning.plan import Reason
from advisor.core.planning.relatedness import Transfer, reduced

# Weights of the priority factors; they sum to 1, so a priority is in [0, 1].
FACTOR_WEIGHTS: Mapping[str, float] = {
    "gap": 0.30,
    "importance": 0.30,
    "demand": 0.15,
    "unlocks": 0.15,
    "effort": 0.10,
}
# Hours per level at which the effort factor is one half: a typical week-end course.
EFFORT_HALF_HOURS = 20.0
# Unlocking this many other items earns the full unlocks factor.
UNLOCKS_FULL = 4

Priorities = Mapping[str, tuple[float, tuple[Reason, ...]]]


def priority(
    gap: Gap,
    current: int,
    climb: int,
    demand: float,
    unlocked: int,
    transfer: Transfer | None,
) -> tuple[float, tuple[Reason, ...]]:
    """The priority of a gap from `current` to `gap.target` costing `climb` hours (before any
    credit for related skills), with `unlocked` items waiting for it, and its reasons."""
    hours = reduced(climb, transfer)
    # Per level, before rounding: raising one's own level never makes a skill look cheaper.
    share = transfer.share if transfer else 0.0
    per_level = climb * (1 - share) / max(gap.target - current, 1)
    raw = {
        "gap": (gap.target - current, (gap.target - current) / MAX_LEVEL),
        "importance": (gap.importance, gap.importance / 5),
        "demand": (demand, demand),
        "unlocks": (unlocked, min(unlocked, UNLOCKS_FULL) / UNLOCKS_FULL),
        "effort": (hours, EFFORT_HALF_HOURS / (EFFORT_HALF_HOURS + per_level)),
    }
    reasons = tuple(
        Reason(f, float(v), round(s, 4), FACTOR_WEIGHTS[f]) for f, (v, s) in raw.items()
    )
    return round(sum(r.contribution for r in reasons), 4), reasons
