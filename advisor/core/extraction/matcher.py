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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

from advisor.core.extraction import precision_rules as rules
from advisor.core.extraction.esco_concepts import EscoIndex, empty_index
from advisor.core.extraction.language import detect_language
from advisor.core.extraction.precision_rules import Candidate, contains_word
from advisor.core.taxonomy import Taxonomy, fold_text

CONTEXT_WINDOW = 120
ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&/+.-]*[A-Z0-9]$")
PLURAL_ENDINGS = ("es", "s", "x")


@dataclass(frozen=True)
class Mention:
    """One mention of a skill: where it is in the original text, and how it was written."""

    skill: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Extraction:
    """Mentions of taxonomy skills, and of ESCO concepts (there `Mention.skill` is a URI)."""

    language: str
    mentions: tuple[Mention, ...]
    esco: tuple[Mention, ...] = ()

    def counts(self) -> Counter[str]:
        return Counter(m.skill for m in self.mentions)


@dataclass(frozen=True)
class _Name:
    """One name to match: whose it is (a skill id, or an ESCO URI when `esco`), how it is
    written, whether its case must match, and the words one of which must be near it."""

    target: str
    written: str
    exact_case: bool
    context: tuple[str, ...]
    esco: bool = False

    @property
    def checked(self) -> bool:
        return self.exact_case or bool(self.context)


class SkillMatcher:
    """All names of a taxonomy (and of ESCO's ICT skills when an index is given), compiled once
    into one automaton; `find` and `find_all` are then cheap per text."""

    def __init__(self, taxonomy: Taxonomy, esco: EscoIndex | None = None) -> None:
        self.taxonomy = taxonomy
        self.esco = esco or empty_index()
        entries: dict[str, list[_Name]] = {}
        for name in (*_skill_names(taxonomy), *_esco_names(self.esco)):
            for folded in _variants(name.written):
                entries.setdefault(folded, []).append(name)
        self._automaton = ahocorasick.Automaton()
        for folded, names in entries.items():
            unchecked = tuple(n for n in names if not n.checked)
            checked = tuple(n for n in names if n.checked)
            self._automaton.add_word(folded, (len(folded), unchecked, checked))
        self._automaton.make_automaton()

    def find(self, text: str) -> list[Mention]:
        """Every mention of a taxonomy skill in `text`, in order, overlaps resolved."""
        return self.find_all(text)[0]

    def find_all(self, text: str) -> tuple[list[Mention], list[Mention]]:
        """Mentions of taxonomy skills, and of ESCO concepts (their `skill` is the URI)."""
        folded = fold_text(text)
        skills: list[Candidate] = []
        concepts: list[Candidate] = []
        for last, (size, unchecked, checked) in self._automaton.iter(folded):
            start = last - size + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            end = _word_end(folded, last + 1)
            if end is None:
                continue
            for name in unchecked:
                (concepts if name.esco else skills).append((start, end, name.target))
            for name in checked:
                if _accepts(name, text, folded, start, last + 1):
                    (concepts if name.esco else skills).append((start, end, name.target))
        linked = self.esco.linked
        if concepts:
            products = rules.product_names(text, concepts)
            skills = rules.outside_longer(skills, products, lambda s, u: linked.get(s) == u)
        # The rules on teams, meetings, products and topics judge what resolution kept: a name
        # they refuse takes the names inside it along ("machine learning developers").
        chosen = [c for c in rules.resolve(skills) if not rules.blocked(text, folded, c[0], c[1])]
        found = [Mention(s, a, b, text[a:b]) for a, b, s in chosen]
        if concepts:
            concepts = rules.outside_longer(concepts, chosen, lambda u, s: linked.get(s) == u)
            concepts = [c for c in concepts if not rules.blocked(text, folded, c[0], c[1])]
        concepts += [(a, b, linked[s]) for a, b, s in chosen if s in linked]
        esco = [Mention(u, a, b, text[a:b]) for a, b, u in rules.resolve(concepts)]
        return found, esco


def _skill_names(taxonomy: Taxonomy) -> Iterator[_Name]:
    for skill in taxonomy.skills.values():
        folded_names = {fold_text(n) for n in skill.all_aliases()}
        for short, (full, context) in rules.SHORT_FORMS.items():
            if full in folded_names:
                yield _Name(skill.id, short, False, context)
        for name in skill.all_aliases():
            yield _Name(skill.id, name, bool(ACRONYM.match(name)), ())
        for name, words in skill.context_aliases.items():
            context = tuple(fold_text(w).strip() for w in words)
            # A context alias written with a capital ("Go", "Lambda") keeps its case.
            yield _Name(skill.id, name, name != name.lower(), context)


def _esco_names(index: EscoIndex) -> Iterator[_Name]:
    for concept in index.concepts.values():
        for name in concept.names:
            yield _Name(concept.uri, name, name in concept.exact_case, (), esco=True)


def _variants(name: str) -> tuple[str, ...]:
    """The folded forms a name is matched under: as written, joined where it has a hyphen
    ("e-learning", "elearning"), and singular when written in the plural."""
    folded = " ".join(fold_text(name).split())
    if len(folded) < 2:
        return ()
    forms = [folded]
    if "-" in name:
        forms.append(" ".join(fold_text(name.replace("-", "")).split()))
    if not ACRONYM.match(name) and len(folded) > 5 and folded.endswith("s"):
        if not folded.endswith(("ss", "us", "is")):
            forms.append(folded[:-1])
    return tuple(dict.fromkeys(forms))


def _accepts(name: _Name, text: str, folded: str, start: int, end: int) -> bool:
    if name.exact_case and text[start:end] != name.written:
        return False
    if name.context:
        window = folded[max(0, start - CONTEXT_WINDOW) : end + CONTEXT_WINDOW]
        return any(contains_word(window, word) for word in name.context)
    return True


def _word_end(folded: str, end: int) -> int | None:
    """Where the matched word ends (allowing a plural ending), or None if mid-word."""
    if end >= len(folded) or not folded[end].isalnum():
        return end
    for ending in PLURAL_ENDINGS:
        stop = end + len(ending)
        if folded[end:stop] == ending and (stop >= len(folded) or not folded[stop].isalnum()):
            return stop
    return None


def extract_skills(
    text: str, taxonomy: Taxonomy, language: str = "auto", matcher: SkillMatcher | None = None
) -> Extraction:
    """The skills `text` mentions, with spans; `language` "auto" detects English or French."""
    found, concepts = (matcher or SkillMatcher(taxonomy)).find_all(text)
    resolved = detect_language(text) if language == "auto" else language
    return Extraction(resolved, tuple(found), tuple(concepts))


def summary(
    extraction: Extraction, taxonomy: Taxonomy, esco: EscoIndex | None = None, **extra: Any
) -> dict[str, Any]:
    """The public shape: `{"language", "skills": [{"id", "label", "count", "spans"}], "esco":
    [{"uri", "label", "spans"}]}`; `esco` lists ESCO's ICT skills found, inside and beyond the
    taxonomy (a skill linked by exactMatch or closeMatch names its concept)."""
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
    return {
        **extra,
        "language": extraction.language,
        "skills": skills,
        "esco": esco_summary(extraction, esco or empty_index()),
    }


def esco_summary(extraction: Extraction, esco: EscoIndex) -> list[dict[str, Any]]:
    """ESCO concepts found, most mentioned first: `[{"uri", "label", "spans"}]`."""
    spans: dict[str, list[list[int]]] = {}
    for mention in extraction.esco:
        spans.setdefault(mention.skill, []).append([mention.start, mention.end])
    return [
        {"uri": uri, "label": esco.label(uri, extraction.language), "spans": found}
        for uri, found in sorted(spans.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
