"""Credit for what people bring: a gap costs less when the person is strong in related skills.

Which skills are related is fitted offline (`scripts/fit_relatedness.py`, docs/relatedness.md)
and shipped as data; the shell reads it and passes a `Relatedness` in. Transfer only lowers the
hours of a gap, never a level: someone strong in threat modelling still starts AI threat
modelling where they said they are, they just climb faster.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# From this level a related skill is worth crediting ("competent": can work on their own).
STRONG_LEVEL = 3
# Share of a related skill's closeness that becomes saved effort, by the person's level in it.
LEVEL_FACTOR: Mapping[int, float] = {3: 0.35, 4: 0.5, 5: 0.65}
# Never more than half off: the new skill still has to be learnt.
MAX_SHARE = 0.5
# Below a tenth, the saving is noise; shares are rounded down to steps people can read.
MIN_SHARE = 0.1
SHARE_STEP = 0.05
# At most this many related skills are named in the reason.
MAX_SOURCES = 3


@dataclass(frozen=True)
class Relatedness:
    """How related two skills are, in [0, 1]; symmetric; unknown pairs are 0."""

    scores: Mapping[str, Mapping[str, float]] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Relatedness:
        """From the shipped file's shape, `{"related": {skill: {other: score}}}`, made symmetric."""
        scores: dict[str, dict[str, float]] = {}
        for skill_id, others in data.get("related", {}).items():
            for other, score in others.items():
                for a, b in ((skill_id, other), (other, skill_id)):
                    row = scores.setdefault(a, {})
                    row[b] = max(float(score), row.get(b, 0.0))
        return cls(scores)

    def related_to(self, skill_id: str) -> Mapping[str, float]:
        return self.scores.get(skill_id, {})


@dataclass(frozen=True)
class Transfer:
    """Effort saved on one gap: `share` of its hours, thanks to the `sources` skills."""

    sources: tuple[str, ...]
    share: float
    hours_saved: int = 0


def transfer_for(
    skill_id: str, levels: Mapping[str, int], relatedness: Relatedness
) -> Transfer | None:
    """The saving on `skill_id` from the person's strong related skills, or None.

    The best single related skill sets the share (closeness x the factor of the person's level
    in it, capped); savings do not add up, so five loosely related skills are not one expert.
    """
    credits = sorted(
        (
            (score * LEVEL_FACTOR[min(levels.get(other, 0), 5)], other)
            for other, score in relatedness.related_to(skill_id).items()
            if other != skill_id and levels.get(other, 0) >= STRONG_LEVEL
        ),
        key=lambda c: (-c[0], c[1]),
    )
    if not credits:
        return None
    share = min(_readable(credits[0][0]), MAX_SHARE)
    if share < MIN_SHARE:
        return None
    sources = tuple(other for credit, other in credits if credit >= MIN_SHARE)[:MAX_SOURCES]
    return Transfer(sources, share)


def _readable(share: float) -> float:
    """Rounded to a 5 % step, so a reason says "40 % less", not "39.2 % less"."""
    return round(math.floor(share / SHARE_STEP + 0.5) * SHARE_STEP, 2)


def reduced(hours: int, transfer: Transfer | None) -> int:
    """Hours left after a transfer; a level that costs something never becomes free."""
    if transfer is None or hours == 0:
        return hours
    return max(1, round(hours * (1 - transfer.share)))
