"""Telling English from French: which language's common words a text uses more."""

from __future__ import annotations

import re
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
# Enough words to tell a language; the rest of a long text does not change the answer. The
# first FIRST_WORDS decide alone when one language leads there by CLEAR_LEAD common words.
SAMPLE_WORDS = 600
FIRST_WORDS = 200
CLEAR_LEAD = 5
# +1 for a French common word, -1 for an English one (the two lists share none).
_LEANING = {word: 1 for word in STOP_WORDS["fr"]} | {word: -1 for word in STOP_WORDS["en"]}
assert not STOP_WORDS["fr"] & STOP_WORDS["en"]
# What tells a short text with no common word (« Gérer l'infrastructure TIC », « Déploiement
# Kubernetes ») as French: an elided article or pronoun, or a letter English does not use.
_FRENCH_SIGN = re.compile(r"(?:^|\s)(?:[ldjmnstc]|qu)'[^\W\d_]|[éèêàùçœâîôû]")


def detect_language(text: str) -> str:
    """ "fr" or "en", by which language's common words the text uses more (on a tie, by its
    French signs)."""
    return language_of_words(lower_text(text[:30_000]).split(" "))


def language_of_words(words: Sequence[str]) -> str:
    """ "fr" or "en" for a text cut at its spaces and lower-cased; on a tie (short texts often
    have no common word), French when it shows a French sign, else English."""
    lead = _leaning(words, 0, FIRST_WORDS)
    if abs(lead) < CLEAR_LEAD and len(words) > FIRST_WORDS:
        lead += _leaning(words, FIRST_WORDS, SAMPLE_WORDS)
    if lead == 0:
        return "fr" if _FRENCH_SIGN.search(" ".join(words[:FIRST_WORDS])) else "en"
    return "fr" if lead > 0 else "en"


def _leaning(words: Sequence[str], start: int, stop: int) -> int:
    """The French common words less the English ones among `words[start:stop]`."""
    lead = 0
    leaning = _LEANING
    for index in range(start, min(stop, len(words))):
        lead += leaning.get(words[index], 0)
    return lead
