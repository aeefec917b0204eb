"""Finding skills in free text, English or French, with character spans into the original text.

The text is folded one character for one character (lower case, accents dropped, typographic
apostrophes and hyphens normalised), so every position in the folded text is the same
position in the original. Every label and alias of the taxonomy is folded the same way and
loaded into one Aho-Corasick automaton; candidate matches are then kept only at word
boundaries (a plural `s`, `es` or `x` may follow), acronyms must match their exact case
("RAG", never "rag"), context-dependent aliases ("Go", "Lambda") need a context word nearby,
and overlapping candidates give way to the longest one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from advisor.core.taxonomy import Taxonomy

CONTEXT_WINDOW = 120
ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&/+.-]*[A-Z0-9]$")
PLURAL_ENDINGS = ("es", "s", "x")


def _fold_char(char: str) -> str:
    if char in "’‘ʼ`´":
        return "'"
    if char in "-‐‑‒–—_/":
        return " "
    if char.isspace():
        return " "
    base = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in base if not unicodedata.combining(c)) or char
    lowered = base.lower()
    return lowered[0] if lowered else char


# One character in, one character out, for everything a European text is likely to hold:
# str.translate then folds at C speed and keeps every offset.
FOLD_TABLE = {code: _fold_char(chr(code)) for code in range(0x2500) if len(chr(code)) == 1}
FOLD_TABLE = {k: v for k, v in FOLD_TABLE.items() if v != chr(k)}


def fold_text(text: str) -> str:
    """The text folded for matching; `len(fold_text(t)) == len(t)` always."""
    return text.translate(FOLD_TABLE)


def _is_word_char(char: str) -> bool:
    return char.isalnum()


@dataclass(frozen=True)
class Mention:
    """One mention of a skill: where it is in the original text, and how it was written."""

    skill: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Extraction:
    language: str
    mentions: tuple[Mention, ...]

    def counts(self) -> Counter[str]:
        return Counter(m.skill for m in self.mentions)


@dataclass(frozen=True)
class _Alias:
    skill: str
    written: str
    exact_case: bool
    context: tuple[str, ...]


class SkillMatcher:
    """All labels and aliases of a taxonomy, compiled once; `find` is then cheap per text."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, list[_Alias]] = {}
        for skill in taxonomy.skills.values():
            contexts = {
                a: tuple(fold_text(w).strip() for w in words)
                for a, words in skill.context_aliases.items()
            }
            for name in (*skill.all_aliases(), *contexts):
                folded = " ".join(fold_text(name).split())
                if len(folded) < 2:
                    continue
                alias = _Alias(
                    skill.id,
                    name,
                    bool(ACRONYM.match(name)) or name in contexts,
                    contexts.get(name, ()),
                )
                entries.setdefault(folded, []).append(alias)
        for folded, aliases in entries.items():
            self._automaton.add_word(folded, (folded, tuple(aliases)))
        self._automaton.make_automaton()

    def find(self, text: str) -> list[Mention]:
        """Every mention in `text`, in order, overlapping candidates resolved to the longest."""
        folded = fold_text(text)
        candidates: list[tuple[int, int, str]] = []
        for last, (key, aliases) in self._automaton.iter(folded):
            start = last - len(key) + 1
            if start > 0 and _is_word_char(folded[start - 1]):
                continue
            end = _word_end(folded, last + 1)
            if end is None:
                continue
            for alias in aliases:
                if self._accepts(alias, text, folded, start, last + 1):
                    candidates.append((start, end, alias.skill))
        return [Mention(s, a, b, text[a:b]) for a, b, s in _longest_first(candidates)]

    @staticmethod
    def _accepts(alias: _Alias, text: str, folded: str, start: int, end: int) -> bool:
        if alias.exact_case and text[start:end] != alias.written:
            return False
        if alias.context:
            window = folded[max(0, start - CONTEXT_WINDOW) : end + CONTEXT_WINDOW]
            return any(_contains_word(window, word) for word in alias.context)
        return True


def _word_end(folded: str, end: int) -> int | None:
    """Where the matched word ends (allowing a plural ending), or None if mid-word."""
    if end >= len(folded) or not _is_word_char(folded[end]):
        return end
    for ending in PLURAL_ENDINGS:
        stop = end + len(ending)
        if folded[end:stop] == ending and (stop >= len(folded) or not _is_word_char(folded[stop])):
            return stop
    return None


def _contains_word(window: str, word: str) -> bool:
    index = window.find(word)
    while index != -1:
        before = window[index - 1] if index > 0 else " "
        after = window[index + len(word)] if index + len(word) < len(window) else " "
        if not _is_word_char(before) and not _is_word_char(after):
            return True
        index = window.find(word, index + 1)
    return False


def _longest_first(candidates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest of overlapping candidates; on equal spans, one per skill."""
    chosen: list[tuple[int, int, str]] = []
    taken_until = -1
    for start, end, skill in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]), c[2])):
        if start >= taken_until:
            chosen.append((start, end, skill))
            taken_until = end
        elif chosen and (start, end) == chosen[-1][:2] and skill != chosen[-1][2]:
            chosen.append((start, end, skill))  # a declared ambiguous alias names both
    return chosen


# ---------------------------------------------------------------- language detection

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


def extract_skills(
    text: str, taxonomy: Taxonomy, language: str = "auto", matcher: SkillMatcher | None = None
) -> Extraction:
    """The skills `text` mentions, with spans; `language` "auto" detects English or French."""
    found = (matcher or SkillMatcher(taxonomy)).find(text)
    resolved = detect_language(text) if language == "auto" else language
    return Extraction(resolved, tuple(found))


def summary(extraction: Extraction, taxonomy: Taxonomy, **extra: Any) -> dict[str, Any]:
    """The public shape: `{"language", "skills": [{"id", "label", "count", "spans"}]}`."""
    spans: dict[str, list[list[int]]] = {}
    for mention in extraction.mentions:
        spans.setdefault(mention.skill, []).append([mention.start, mention.end])
    skills = [
        {
            "id": skill_id,
            "label": taxonomy.skills[skill_id].label.in_(extraction.language),
            "count": len(found),
            "spans": found,
        }
        for skill_id, found in sorted(spans.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    return {**extra, "language": extraction.language, "skills": skills}


def sentences_with(
    text: str, mentions: Iterable[Mention], limit: int = 3
) -> dict[str, tuple[str, ...]]:
    """For each skill, up to `limit` sentences of `text` that mention it (the evidence)."""
    bounds = [m.end() for m in re.finditer(r"[.!?](?:\s|$)|\n", text)]
    found: dict[str, list[str]] = {}
    for mention in mentions:
        start = max((b for b in bounds if b <= mention.start), default=0)
        end = min((b for b in bounds if b > mention.start), default=len(text))
        sentence = " ".join(text[start:end].split())
        kept = found.setdefault(mention.skill, [])
        if sentence and sentence not in kept and len(kept) < limit:
            kept.append(sentence[:500])
    return {skill: tuple(s) for skill, s in found.items()}
