"""What the core needs to put a plan into words: translated sentences, plurals, numbers, dates.

The core never reads a catalogue itself (that is I/O): callers pass a `Words` for the plan's
language, built from the same Babel catalogues as the web interface (`advisor.i18n`). Messages
are written in English with `{name}` placeholders, and marked for extraction by the method
names `phrase` and `plural`.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol


class Words(Protocol):
    """Sentences and figures in one language."""

    language: str

    def phrase(self, message: str, **values: object) -> str:
        """`message` translated, then its `{name}` placeholders filled."""
        ...

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The form of `singular`/`plural` that fits `n` in this language, filled (n included)."""
        ...

    def percent(self, share: float) -> str:
        """A share from 0 to 1 as a percentage: "62%" in English, "62 %" in French."""
        ...

    def number(self, value: float) -> str:
        """A number with this language's separators ("1,261.5" or "1 261,5")."""
        ...

    def month(self, day: date) -> str:
        """The month and year of `day`, short, for a time axis: "Dec 2026", « déc. 2026 »."""
        ...

    def interval(self, first: date, last: date) -> str:
        """From `first` to `last`, short: "Dec 6 – 19, 2026", « 6–19 déc. 2026 »."""
        ...

    def date(self, day: date) -> str:
        """A date in full: "1 December 2026", « 1er décembre 2026 »."""
        ...

    def quote(self, name: str) -> str:
        """A name quoted inside a sentence: “Threat modelling”, « Modélisation des menaces »."""
        ...

    def colon(self) -> str:
        """ ": " in English; a no-break space before the colon in French."""
        ...
