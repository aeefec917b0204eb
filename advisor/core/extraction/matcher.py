"""Finding skills in free text, English or French, with character spans into the original text.

Every label and alias of the taxonomy, and every ESCO name, is normalised (`normalise.py`:
Snowball stems, accents dropped, French articles left out, one character per token) once per
language and loaded into one Aho-Corasick automaton per language. A text is normalised the same
way in its own language and run through that language's automaton; each match is whole tokens,
mapped back to the words it covers in the original text. Candidates are then kept only when
they pass their checks: acronyms must match their exact case ("RAG", "RAGs", never "rag"),
context-dependent aliases ("Go", "Lambda") need a context word nearby, a person is not an
activity ("developers" is not "development"); an adjective may stand inside a term
(« l'ingénierie moderne des données »), an acronym and its expansion in brackets are one
mention; overlapping candidates give way to the longest one, and the precision rules refuse
teams, meetings, products and ordinary words out of their topic.
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
from advisor.core.extraction.language import detect_language, language_of_words
from advisor.core.extraction.normalise import (
    LANGUAGES,
    TOKEN_SIZE,
    Encoded,
    Normaliser,
    Vocabulary,
    lower_text,
)
from advisor.core.extraction.precision_rules import Candidate, contains_word
from advisor.core.taxonomy import Taxonomy, fold_text

CONTEXT_WINDOW = 120
ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&/+.-]*[A-Z0-9]$")
# What may follow an exact-case name in the text: its plural ("RAGs", "APIs", "Puppets").
PLURAL_ENDINGS = ("", "s", "es")
# The endings of a French verb made from an English noun (« monitorer », « benchmarké »).
FRENCH_VERB_ENDINGS = ("er", "e", "ee", "es", "ees", "ez", "ons", "ent", "ant")
# How far around an adjective standing inside a term the term is looked for (tokens on each
# side).
GAP_WINDOW = 8
# A word ending so names a person, not an activity: "developers" is not "development", even
# though both stem to `develop`.
PERSON_ENDINGS = {
    "en": ("er", "ers", "ist", "ists"),
    "fr": ("eur", "eurs", "euse", "euses", "iste", "istes"),
}


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
    preferred: bool = False

    @property
    def checked(self) -> bool:
        return self.exact_case or bool(self.context)

    last_word: str = ""
    single: bool = False
    acronym: bool = False

    def __post_init__(self) -> None:
        words = fold_text(self.written).split()
        object.__setattr__(self, "last_word", words[-1] if words else "")
        object.__setattr__(self, "single", len(words) == 1)
        object.__setattr__(
            self, "acronym", len(self.written) > 2 and bool(ACRONYM.match(self.written))
        )


# What the automaton holds for a normalised name: its length, the names that need no check,
# those that do, and whether it is also an adjective that may stand inside a term.
_Entry = tuple[int, tuple[_Name, ...], tuple[_Name, ...], bool]


class SkillMatcher:
    """All names of a taxonomy (and of ESCO's ICT skills when an index is given), normalised
    and compiled once per language into one automaton; `find` and `find_all` are then cheap
    per text."""

    def __init__(self, taxonomy: Taxonomy, esco: EscoIndex | None = None) -> None:
        self.taxonomy = taxonomy
        self.esco = esco or empty_index()
        vocabulary = Vocabulary()
        self._normalisers = {language: Normaliser(language, vocabulary) for language in LANGUAGES}
        names = (*_skill_names(taxonomy), *_esco_names(self.esco))
        self._automata = {
            language: _automaton(names, normaliser)
            for language, normaliser in self._normalisers.items()
        }

    def find(self, text: str, language: str = "auto") -> list[Mention]:
        """Every mention of a taxonomy skill in `text`, in order, overlaps resolved."""
        return self.find_all(text, language)[0]

    def find_all(self, text: str, language: str = "auto") -> tuple[list[Mention], list[Mention]]:
        """Mentions of taxonomy skills, and of ESCO concepts (their `skill` is the URI); the
        text is normalised as `language` ("en", "fr", or "auto" to tell)."""
        chunks = lower_text(text).split(" ")
        if language not in LANGUAGES:
            language = language_of_words(chunks)
        encoded = self._normalisers[language].chunks(chunks)
        folded = fold_text(text)
        skills, concepts = self._candidates(text, folded, encoded, language)
        if "(" in text:
            pairs = rules.expansion_pairs(text)
            skills = rules.with_expansions(skills, pairs)
            concepts = rules.with_expansions(concepts, pairs)
        linked = self.esco.linked
        if concepts:
            products = rules.product_names(text, concepts)
            skills = rules.outside_longer(skills, products, lambda s, u: linked.get(s) == u)
        # The rules on teams, meetings, products and topics judge what resolution kept: a name
        # they refuse takes the names inside it along ("machine learning developers").
        chosen = [c for c in rules.resolve(skills) if not rules.blocked(text, folded, c[0], c[1])]
        if concepts:
            concepts = rules.outside_longer(concepts, chosen, lambda u, s: linked.get(s) == u)
            concepts = [c for c in concepts if not rules.blocked(text, folded, c[0], c[1])]
        chosen, concepts = rules.in_topic(folded, chosen, concepts)
        found = [Mention(s, a, b, text[a:b]) for a, b, s in chosen]
        concepts += [(a, b, linked[s]) for a, b, s in chosen if s in linked]
        esco = [Mention(u, a, b, text[a:b]) for a, b, u in rules.resolve(concepts)]
        return found, esco

    def _candidates(
        self, text: str, folded: str, encoded: Encoded, language: str
    ) -> tuple[list[Candidate], list[Candidate]]:
        """The candidates of the automaton that pass their checks, skills and ESCO concepts
        apart, with the terms an adjective stands inside."""
        automaton = self._automata[language]
        form = encoded.encoded
        skills: list[Candidate] = []
        concepts: list[Candidate] = []
        gaps: list[int] = []
        for last, (size, unchecked, checked, gap) in automaton.iter(form):
            if gap:
                gaps.append(last)
            if unchecked or checked:
                span = encoded.span(last - size + 1, last + 1)
                _keep(text, folded, span, unchecked, checked, language, skills, concepts)
        for start, end, unchecked, checked in _inside_gaps(automaton, form, gaps):
            span = encoded.span(start, end)
            _keep(text, folded, span, unchecked, checked, language, skills, concepts, True)
        return skills, concepts


def _skill_names(taxonomy: Taxonomy) -> Iterator[_Name]:
    for skill in taxonomy.skills.values():
        folded_names = {fold_text(n) for n in skill.all_aliases()}
        for short, full in rules.SHORT_FORMS.items():
            if full in folded_names:
                yield _Name(skill.id, short, False, ())
        for name in skill.all_aliases():
            yield _Name(skill.id, name, bool(ACRONYM.match(name)), ())
        for name, words in skill.context_aliases.items():
            context = tuple(fold_text(w).strip() for w in words)
            # A context alias written with a capital ("Go", "Lambda") keeps its case.
            yield _Name(skill.id, name, name != name.lower(), context)


def _esco_names(index: EscoIndex) -> Iterator[_Name]:
    for concept in index.concepts.values():
        for name in concept.names:
            preferred = name in (concept.label.en, concept.label.fr)
            exact = name in concept.exact_case
            yield _Name(concept.uri, name, exact, (), esco=True, preferred=preferred)


def _variants(name: str) -> tuple[str, ...]:
    """The forms a name is matched under: as written, joined where it has a hyphen
    ("e-learning", "elearning"), and an acronym in the plural ("GPUs": Snowball leaves it)."""
    if len(" ".join(fold_text(name).split())) < 2:
        return ()
    forms = [name]
    if "-" in name:
        forms.append(name.replace("-", ""))
    if ACRONYM.match(name):
        forms.append(name + "s")
    return tuple(dict.fromkeys(forms))


def _automaton(names: tuple[_Name, ...], normaliser: Normaliser) -> ahocorasick.Automaton:
    """One automaton of every name normalised as `normaliser` does, and of the adjectives
    that may stand inside a term."""
    entries: dict[str, list[_Name]] = {}
    for name in names:
        for variant in _variants(name.written):
            key = normaliser.name(variant)
            if key:
                entries.setdefault(key, []).append(name)
    adjectives = {normaliser.name(word) for word in rules.INSIDE_TERMS}
    automaton = ahocorasick.Automaton()
    for key in entries.keys() | adjectives:
        found = _unambiguous(tuple(dict.fromkeys(entries.get(key, ()))))
        unchecked = tuple(n for n in found if not n.checked)
        checked = tuple(n for n in found if n.checked)
        automaton.add_word(key, (len(key), unchecked, checked, key in adjectives))
    automaton.make_automaton()
    return automaton


def _unambiguous(names: tuple[_Name, ...]) -> tuple[_Name, ...]:
    """The names under one normalised form, less ESCO's that would make it ambiguous: when
    several concepts share the form, only those whose preferred label it is keep it (as
    `scripts/build_esco_index.py` does for labels written alike)."""
    concepts = {n.target for n in names if n.esco}
    if len(concepts) < 2:
        return names
    preferred = {n.target for n in names if n.esco and n.preferred}
    return tuple(n for n in names if not n.esco or n.target in preferred)


def _inside_gaps(
    automaton: ahocorasick.Automaton, form: str, gaps: list[int]
) -> Iterator[tuple[int, int, tuple[_Name, ...], tuple[_Name, ...]]]:
    """Terms with one adjective inside them, as token spans of the encoding: the tokens around
    each adjective are matched again without it, and a name found across the place it stood
    is kept."""
    for gap_end in gaps:
        gap = gap_end + 1 - TOKEN_SIZE
        left_start = max(0, gap - GAP_WINDOW * TOKEN_SIZE)
        left = form[left_start:gap]
        window = left + form[gap_end + 1 : gap_end + 1 + GAP_WINDOW * TOKEN_SIZE]
        for last, (size, unchecked, checked, _) in automaton.iter(window):
            start, end = last - size + 1, last + 1
            if start < len(left) < end and (unchecked or checked):
                yield left_start + start, end - len(left) + gap_end + 1, unchecked, checked


def _accepts(name: _Name, text: str, folded: str, start: int, end: int) -> bool:
    # A text written all in lower case ("java sql heroku") says nothing by its case: an
    # acronym of three letters or more is read there as written.
    if name.exact_case and not (name.acronym and text.islower()):
        written = text[start:end]
        ending = written[len(name.written) :]
        if not written.startswith(name.written) or ending not in PLURAL_ENDINGS:
            return False
    if name.context:
        window = folded[max(0, start - CONTEXT_WINDOW) : end + CONTEXT_WINDOW]
        return any(contains_word(window, word) for word in name.context)
    return True


def _keep(
    text: str,
    folded: str,
    span: tuple[int, int],
    unchecked: tuple[_Name, ...],
    checked: tuple[_Name, ...],
    language: str,
    skills: list[Candidate],
    concepts: list[Candidate],
    gapped: bool = False,
) -> None:
    """Add the names of a match that pass their checks to the skills or the concepts."""
    start, end = span
    written = folded[start:end]
    last_word = written[written.rfind(" ") + 1 :]
    for name in unchecked:
        if _same_kind(name, last_word, language) and _same_word(name, written, language):
            (concepts if name.esco else skills).append((start, end, name.target))
    for name in checked:
        if (not gapped or not name.exact_case) and _accepts(name, text, folded, start, end):
            if _same_kind(name, last_word, language) and _same_word(name, written, language):
                (concepts if name.esco else skills).append((start, end, name.target))


def _same_word(name: _Name, written: str, language: str) -> bool:
    """Whether a one-word name is written as itself: in the singular or the plural, as a verb
    made from it with -iser/-ize (« conteneuriser », "containerized"), or in French as a
    verb made from an English -ing noun (« monitorer »). A word alone has no other word to
    confirm it, so the stem shared by "transformers" and « transformation », "profile" and
    "profiling", « supervision » and « superviser » is not enough."""
    if not name.single or written == name.last_word:
        return True
    word = name.last_word
    if written in (word + "s", word + "es", word + "x") or word in (
        written + "s",
        written + "es",
        written + "x",
    ):
        return True
    if word.endswith(("isation", "ization", "iser", "izer", "ise", "ize")):
        root = word[: max(word.rfind("is"), word.rfind("iz")) + 2]
        return written.startswith(root)
    if language == "fr" and word.endswith("ing"):
        return written.startswith(word[:-3]) and written.endswith(FRENCH_VERB_ENDINGS)
    return written[:-1] == word[:-1] and written[-1:] in "sxe" and word[-1:] in "sxe"


def _same_kind(name: _Name, last_word: str, language: str) -> bool:
    """Whether a match names what the name names: a person where the name says a person, an
    activity where it says an activity ("web developers" is not web development)."""
    if last_word == name.last_word:
        return True
    endings = PERSON_ENDINGS[language]
    return not last_word.endswith(endings) or name.last_word.endswith(endings)


def extract_skills(
    text: str, taxonomy: Taxonomy, language: str = "auto", matcher: SkillMatcher | None = None
) -> Extraction:
    """The skills `text` mentions, with spans; `language` "auto" detects English or French."""
    resolved = detect_language(text) if language not in LANGUAGES else language
    found, concepts = (matcher or SkillMatcher(taxonomy)).find_all(text, resolved)
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
