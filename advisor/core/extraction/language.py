"""Telling English from French: which language's common words a text uses more."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.core.extraction.normalise import lower_text

STOP_WORDS = {
    "en": frozenset(
        "the and of to in is for with on that this are as be by an or from at it "
        "we you our your will can have has which their they more".split()
    ),
    "fr": frozenset(
        "le la les des et de du en un une pour dans est sur que qui avec par au aux "
        "ce ces nous vous plus pas sont leur être etre son ses".split()
    ),
}
# Enough words to tell a language; the rest of a long text does not change the answer.
SAMPLE_WORDS = 600


def detect_language(text: str) -> str:
    """ "fr" or "en", by which language's common words the text uses more (English on a tie)."""
    return language_of_words(lower_text(text[:30_000]).split(" "))


def language_of_words(words: Sequence[str]) -> str:
    """ "fr" or "en" for a text cut at its spaces and lower-cased (English on a tie)."""
    sample = words[:SAMPLE_WORDS]
    french = sum(map(STOP_WORDS["fr"].__contains__, sample))
    english = sum(map(STOP_WORDS["en"].__contains__, sample))
    return "fr" if french > english else "en"
