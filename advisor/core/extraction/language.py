"""Telling English from French: which language's common words a text uses more."""

from __future__ import annotations

import re

from advisor.core.taxonomy import fold_text

STOP_WORDS = {
    "en": frozenset(
        "the and of to in is for with on that this are as be by an or from at it "
        "we you our your will can have has which their they more".split()
    ),
    "fr": frozenset(
        "le la les des et de du en un une pour dans est sur que qui avec par au aux "
        "ce ces nous vous plus pas sont leur être son ses".split()
    ),
}
WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """ "fr" or "en", by which language's common words the text uses more (English on a tie)."""
    words = WORD.findall(fold_text(text[:20_000]))
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in STOP_WORDS.items()}
    return "fr" if scores["fr"] > scores["en"] else "en"
