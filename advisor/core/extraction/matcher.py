"""Finding skills in free text, English or French, with character spans into the original text.

Every label and alias of the taxonomy, and every ESCO name, is normalised (`normalise.py`:
Snowball stems, accents dropped, French articles left out, three characters per token) once per
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

import functools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import ahocorasick

from advisor.core.extraction import precision_rules as rules
from advisor.core.extraction.esco_concepts import EscoIndex, empty_index, transversal_skills
from advisor.core.extraction.language import detect_language, language_of_words
from advisor.core.extraction.normalise import (
    CACHE_LIMIT,
    LANGUAGES,
    TOKEN_SIZE,
    Encoded,
    Normaliser,
    lowered_and_folded,
)
from advisor.core.extraction.precision_rules import Candidate, contains_any
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


class Mention(NamedTuple):
    """One mention of a skill: where it is in the original text, and how it was written (a
    named tuple: texts give dozens, and a tuple is the cheapest record to make)."""

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


# What the automaton holds for a normalised name: its length in the encoding, its rank (for the
# cache of decisions), its names (those that need no check first), and whether it is also an
# adjective that may stand inside a term.
_Entry = tuple[int, int, tuple[_Name, ...], bool]
# What a match's words decide for its names: the skills and the concepts it names, the names
# that still need a context word near the match, whether the words are an ordinary word
# (`rules.ORDINARY_WORDS`), and the concepts with those the skills link to (`_with_links`).
_Decision = tuple[tuple[str, ...], tuple[str, ...], tuple[_Name, ...], bool, tuple[str, ...]]
# A mention's start, to put mentions in the order of the text.
_START = operator.itemgetter(1)
# A match's span and what it names: skills and ESCO concepts, each sorted, and the concepts
# with those the skills link to (what a span that overlaps no other reports).
_Named = tuple[int, int, tuple[str, ...], tuple[str, ...], tuple[str, ...]]


class SkillMatcher:
    """All names of a taxonomy (and of ESCO's ICT skills when an index is given), normalised
    and compiled once per language into one automaton; `find` and `find_all` are then cheap
    per text."""

    def __init__(self, taxonomy: Taxonomy, esco: EscoIndex | None = None) -> None:
        self.taxonomy = taxonomy
        self.esco = esco or empty_index()
        # Skills outside ICT, and the concepts they link to: no sign of a technical text.
        transversal = transversal_skills(taxonomy, self.esco)
        linked = self.esco.linked
        self._transversal = transversal | {linked[s] for s in transversal if s in linked}
        self._normalisers = {language: Normaliser(language) for language in LANGUAGES}
        names = (*_skill_names(taxonomy), *_esco_names(self.esco))
        self._automata = {
            language: _automaton(names, normaliser)
            for language, normaliser in self._normalisers.items()
        }
        # What the words of a match decide, by entry, words as written and whether the whole
        # text is in lower case: the same few words recur from text to text.
        self._decisions: dict[str, dict[tuple[int, str, bool], _Decision]] = {
            language: {} for language in LANGUAGES
        }
        # Whether words are the preferred label of one of the concepts a span names.
        self._direct: dict[tuple[str, tuple[str, ...]], bool] = {}

    def find(self, text: str, language: str = "auto") -> list[Mention]:
        """Every mention of a taxonomy skill in `text`, in order, overlaps resolved."""
        return self.find_all(text, language)[0]

    def find_all(self, text: str, language: str = "auto") -> tuple[list[Mention], list[Mention]]:
        """Mentions of taxonomy skills, and of ESCO concepts (their `skill` is the URI); the
        text is normalised as `language` ("en", "fr", or "auto" to tell)."""
        lowered, folded = lowered_and_folded(text)
        chunks = lowered.split(" ")
        if language not in LANGUAGES:
            language = language_of_words(chunks)
        encoded = self._normalisers[language].chunks(chunks)
        named, ordinary = self._named(text, folded, encoded, language)
        if not named:
            return [], []
        pairs = rules.expansion_pairs(text) if "(" in text else []
        if pairs:
            return self._resolved(text, folded, named, pairs, ordinary)
        return self._judged(text, folded, _places(named), ordinary)

    def _judged(
        self, text: str, folded: str, places: list[list[_Named]], ordinary: set[tuple[int, int]]
    ) -> tuple[list[Mention], list[Mention]]:
        """Mentions place by place: a span that overlaps no other is judged alone and keeps
        all it names, its concepts with its skills' links; the names of a place where several
        overlap are resolved by evidence before the rules judge them."""
        if all(len(place) == 1 for place in places):
            return self._apart(text, folded, places, ordinary)
        linked = self.esco.linked
        overlapping = {
            index: _contenders(text, place, linked)
            for index, place in enumerate(places)
            if len(place) > 1
        }
        # Where names only overlap, the one the text repeats elsewhere wins (counted only
        # then: seldom).
        support = functools.partial(_support, places, overlapping)
        refused = rules.Refusals(text, folded)
        alone: list[_Named] = []
        chosen: list[Candidate] = []
        concepts: list[Candidate] = []
        for index, place in enumerate(places):
            contending = overlapping.get(index)
            if contending is None:
                span = place[0]
                if not rules.blocked(text, folded, span[0], span[1]):
                    alone.append(span)
                continue
            # The rules on teams, meetings, products and topics judge what resolution kept: a
            # name they refuse takes the names inside it along ("machine learning developers").
            candidates, named = contending
            kept = [c for c in rules.resolve(candidates, support=support) if not refused(c)]
            named = rules.outside_longer(named, kept, lambda u, s: linked.get(s[2]) == u)
            chosen += kept
            concepts += [c for c in named if not refused(c)]
        if ordinary:
            spans = {span[:2] for span in alone} | {c[:2] for c in (*chosen, *concepts)}
            weak = rules.named_only_by((*_names_of(alone), *chosen, *concepts), self._transversal)
            off = rules.off_topic(folded, spans, ordinary, weak)
            if off:
                alone = [span for span in alone if span[:2] not in off]
                chosen = [c for c in chosen if c[:2] not in off]
                concepts = [c for c in concepts if c[:2] not in off]
        # Only the concepts of the places where names overlap need resolving; the targets of
        # all are counted if two are weighed.
        concepts = self._linked(text, chosen, concepts)
        counted = functools.partial(_concept_support, alone, concepts)
        concepts = rules.resolve(concepts, support=counted)
        found, esco = _spoken(text, alone)
        new = tuple.__new__
        found += [new(Mention, (s, a, b, text[a:b])) for a, b, s in chosen]
        esco += [new(Mention, (u, a, b, text[a:b])) for a, b, u in concepts]
        # In the order of the text; the places are apart, and a span's names stay in order.
        found.sort(key=_START)
        esco.sort(key=_START)
        return found, esco

    def _apart(
        self, text: str, folded: str, places: list[list[_Named]], ordinary: set[tuple[int, int]]
    ) -> tuple[list[Mention], list[Mention]]:
        """`_judged` where no two spans overlap (most texts): each span is judged alone and
        keeps all it names, its concepts with its skills' links (no span is judged twice: the
        rules need no cache of verdicts); an ordinary word is then judged in its topic."""
        blocked = rules.blocked
        kept = [span for (span,) in places if not blocked(text, folded, span[0], span[1])]
        if ordinary:
            weak = rules.named_only_by(_names_of(kept), self._transversal)
            refused = rules.off_topic(folded, {(a, b) for a, b, *_ in kept}, ordinary, weak)
            if refused:
                kept = [span for span in kept if span[:2] not in refused]
        return _spoken(text, kept)

    def _resolved(
        self,
        text: str,
        folded: str,
        named: list[_Named],
        pairs: list[rules.Pair],
        ordinary: set[tuple[int, int]],
    ) -> tuple[list[Mention], list[Mention]]:
        """Mentions where names overlap, stand inside acronym pairs or across an adjective:
        each name a candidate, overlaps resolved by evidence before the rules judge them."""
        skills = [(a, b, t) for a, b, targets, _, _ in named for t in targets]
        concepts = [(a, b, u) for a, b, _, uris, _ in named for u in uris]
        if pairs:
            skills = rules.with_expansions(skills, pairs)
            concepts = rules.with_expansions(concepts, pairs)
        linked = self.esco.linked
        # A skill inside a longer product name that ESCO knows as another concept is the
        # product: "SQL" in "SQL Server".
        skills = rules.outside_longer(
            skills,
            concepts,
            lambda s, c: linked.get(s) == c[2] or not rules.product_name(text, c),
        )
        # The rules on teams, meetings, products and topics judge what resolution kept: a name
        # they refuse takes the names inside it along ("machine learning developers").
        refused = rules.Refusals(text, folded)
        # The spans that overlap others among all that is named (few): only these need
        # resolving, for the skills and for the concepts (a link is at its skill's span).
        contested = rules.contested_spans(skills + concepts)
        chosen = [c for c in rules.resolve(skills, contested=contested) if not refused(c)]
        if concepts:
            concepts = rules.outside_longer(concepts, chosen, lambda u, s: linked.get(s[2]) == u)
            concepts = [c for c in concepts if not refused(c)]
        return self._mentions(text, folded, chosen, concepts, ordinary, contested)

    def _mentions(
        self,
        text: str,
        folded: str,
        chosen: list[Candidate],
        concepts: list[Candidate],
        ordinary: set[tuple[int, int]],
        contested: set[tuple[int, int]] | None = None,
    ) -> tuple[list[Mention], list[Mention]]:
        """The mentions of the skills and concepts kept, less ordinary words out of a technical
        text; a skill found names the concept it links to precisely, unless its words name
        an ESCO concept themselves ("CSS" is ESCO's *CSS*, not the front-end design the
        taxonomy's web front-end skill links to). `ordinary` holds the spans of ordinary words
        (`_named`). The concepts are resolved at the `contested` spans only, when these are
        known to hold all the overlaps: each other span keeps them all."""
        chosen, concepts = rules.in_topic(folded, chosen, concepts, ordinary, self._transversal)
        # Made as tuples are: a named tuple's own constructor is a call of Python's.
        new = tuple.__new__
        found = [new(Mention, (s, a, b, text[a:b])) for a, b, s in chosen]
        concepts = rules.resolve(self._linked(text, chosen, concepts), contested=contested)
        esco = [new(Mention, (u, a, b, text[a:b])) for a, b, u in concepts]
        return found, esco

    def _linked(
        self, text: str, chosen: list[Candidate], concepts: list[Candidate]
    ) -> list[Candidate]:
        """The concepts with those the skills chosen link to (`_with_links` for candidates)."""
        linked = self.esco.linked
        named = set(concepts)
        at: dict[tuple[int, int], tuple[str, ...]] | None = None
        links: list[Candidate] = []
        for a, b, s in chosen:
            link = linked.get(s)
            if link is None:
                continue
            # Words that name the linked concept themselves (most) need no look.
            if (a, b, link) not in named:
                at = at if at is not None else _by_span(concepts)
                others = at.get((a, b))
                if others and self._named_directly(text[a:b], others):
                    continue
            links.append((a, b, link))
        return concepts + links

    def _with_links(
        self, written: str, skills: tuple[str, ...], concepts: tuple[str, ...]
    ) -> tuple[str, ...]:
        """The concepts words name and those their skills link to, sorted: what `_mentions`
        gives a span that overlaps no other (a skill names its linked concept unless the words
        name another themselves)."""
        linked = self.esco.linked
        links = [
            link
            for link in map(linked.get, skills)
            if link is not None
            and (link in concepts or not concepts or not self._named_directly(written, concepts))
        ]
        return tuple(sorted({*concepts, *links})) if links else concepts

    def _named_directly(self, written: str, uris: tuple[str, ...]) -> bool:
        """Whether `written` is the preferred label of one of these ESCO concepts, in either
        language: the words then name that concept, not what a taxonomy skill links to. Kept
        by words and concepts: the same few recur ("CSS" and ESCO's *CSS*)."""
        key = (written, uris)
        found = self._direct.get(key)
        if found is None:
            if len(self._direct) >= CACHE_LIMIT:
                self._direct.clear()
            found = self._direct[key] = self._labelled(written, uris)
        return found

    def _labelled(self, written: str, uris: tuple[str, ...]) -> bool:
        """`_named_directly`, uncached."""
        for normaliser in self._normalisers.values():
            keys = normaliser.keys(written)
            for uri in uris:
                label = self.esco.concepts[uri].label
                if keys in (normaliser.keys(label.en), normaliser.keys(label.fr)):
                    return True
        return False

    def _named(
        self, text: str, folded: str, encoded: Encoded, language: str
    ) -> tuple[list[_Named], set[tuple[int, int]]]:
        """What each match of the automaton names once its checks are passed, in the order of
        the matches, then the terms with an adjective inside them; and the spans of those that
        are ordinary words."""
        automaton = self._automata[language]
        decisions = self._decisions[language]
        if len(decisions) >= CACHE_LIMIT:
            decisions.clear()
        lower_case = text.islower()
        named: list[_Named] = []
        ordinary: set[tuple[int, int]] = set()
        gaps: list[int] = []
        spans = encoded.matches()
        for last, (size, rank, names, gap) in automaton.iter(
            encoded.spaced, ignore_white_space=True
        ):
            if gap:
                gaps.append(last)
            if not names:
                continue
            start, end = spans.span(last, size)
            written = text[start:end]
            key = (rank, written, lower_case)
            decision = decisions.get(key)
            if decision is None:
                found = _decide(names, written, lower_case, language)
                decision = decisions[key] = (*found, self._with_links(written, *found[:2]))
            skills, concepts, contextual, plain, esco = decision
            if contextual:
                skills, concepts = _with_context(folded, start, end, decision[:3])
                esco = self._with_links(written, skills, concepts)
            if skills or concepts:
                named.append((start, end, skills, concepts, esco))
                if plain:
                    ordinary.add((start, end))
        if not gaps:
            return named, ordinary
        for last, size, names in _inside_gaps(automaton, encoded, gaps):
            start, end = spans.span(last, size)
            written = text[start:end]
            skills, concepts, contextual, plain = _decide(
                names, written, lower_case, language, gapped=True
            )
            skills, concepts = _with_context(folded, start, end, (skills, concepts, contextual))
            if skills or concepts:
                named.append(
                    (start, end, skills, concepts, self._with_links(written, skills, concepts))
                )
                if plain:
                    ordinary.add((start, end))
        return named, ordinary


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
    that may stand inside a term; the normaliser learns the names' tokens."""
    entries: dict[tuple[str, ...], list[_Name]] = {}
    for name in names:
        for variant in _variants(name.written):
            keys = normaliser.keys(variant)
            if keys:
                entries.setdefault(keys, []).append(name)
    adjectives = {normaliser.keys(word) for word in rules.INSIDE_TERMS}
    normaliser.learn([*entries, *adjectives])
    automaton = ahocorasick.Automaton()
    for rank, keys in enumerate(sorted(entries.keys() | adjectives, key=normaliser.rank)):
        found = _unambiguous(tuple(dict.fromkeys(entries.get(keys, ()))))
        # The names that need no check of case or context first, as they are decided first.
        ordered = tuple(n for n in found if not n.checked) + tuple(n for n in found if n.checked)
        code = normaliser.encode(keys)
        automaton.add_word(code, (len(code), rank, ordered, keys in adjectives))
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
    automaton: ahocorasick.Automaton, encoded: Encoded, gaps: list[int]
) -> Iterator[tuple[int, int, tuple[_Name, ...]]]:
    """Terms with one adjective inside them, as matches of `encoded.spaced` (last character,
    length in codes, the adjective's included): the codes around each adjective are matched
    again without it, and a name found across the place it stood is kept."""
    width = GAP_WINDOW * TOKEN_SIZE
    for gap_end in gaps:
        left = encoded.codes_before(gap_end + 1 - TOKEN_SIZE, width)
        window = left + encoded.codes_after(gap_end, width)
        for last, (size, _, names, _) in automaton.iter(window):
            if last - size + 1 < len(left) <= last and names:
                yield encoded.after(gap_end, last + 1 - len(left)), size + TOKEN_SIZE, names


def _decide(
    names: tuple[_Name, ...], written: str, lower_case: bool, language: str, gapped: bool = False
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[_Name, ...], bool]:
    """What a match written so decides for each of its names: named, refused, or named if a
    context word is near. A text written all in lower case ("java sql heroku") says nothing by
    its case: an acronym of three letters or more is read there as written. A name whose case
    must match does not stand on both sides of an adjective."""
    folded = fold_text(written)
    last_word = folded[folded.rfind(" ") + 1 :]
    skills: list[str] = []
    concepts: list[str] = []
    contextual: list[_Name] = []
    for name in names:
        if name.exact_case:
            if gapped:
                continue
            if not (name.acronym and lower_case):
                ending = written[len(name.written) :]
                if not written.startswith(name.written) or ending not in PLURAL_ENDINGS:
                    continue
        if not _same_kind(name, last_word, language) or not _same_word(name, folded, language):
            continue
        if name.context:
            contextual.append(name)
        else:
            (concepts if name.esco else skills).append(name.target)
    return (
        tuple(sorted(set(skills))),
        tuple(sorted(set(concepts))),
        tuple(contextual),
        rules.ordinary_word(folded),
    )


def _contenders(
    text: str, place: list[_Named], linked: Mapping[str, str]
) -> tuple[list[Candidate], list[Candidate]]:
    """The skills and the concepts of a place where names overlap, less a skill inside a
    longer product name that ESCO knows as another concept: "SQL" in "SQL Server"."""
    concepts = [(a, b, u) for a, b, _, uris, _ in place for u in uris]
    skills = rules.outside_longer(
        [(a, b, t) for a, b, targets, _, _ in place for t in targets],
        concepts,
        lambda s, c: linked.get(s) == c[2] or not rules.product_name(text, c),
    )
    return skills, concepts


def _names_of(spans: Iterable[_Named]) -> Iterator[Candidate]:
    """Each span's skills and concepts (with its skills' links), one candidate a name."""
    for start, end, targets, _, concepts in spans:
        for name in (*targets, *concepts):
            yield start, end, name


def _spoken(text: str, spans: list[_Named]) -> tuple[list[Mention], list[Mention]]:
    """The mentions of spans kept alone: their skills, and their concepts with their skills'
    links."""
    # Made as tuples are: a named tuple's own constructor is a call of Python's.
    new = tuple.__new__
    found: list[Mention] = []
    named: list[Mention] = []
    for start, end, targets, _, esco in spans:
        written = text[start:end]
        # Loops rather than comprehensions: a span names one or two, and a comprehension
        # costs a call of its own.
        for target in targets:
            found.append(new(Mention, (target, start, end, written)))
        for uri in esco:
            named.append(new(Mention, (uri, start, end, written)))
    return found, named


def _concept_support(alone: list[_Named], concepts: list[Candidate]) -> Counter[str]:
    """The spans naming each concept over the whole text: those of the spans alone, and the
    candidates of the places where names overlap."""
    support = Counter(uri for span in alone for uri in span[4])
    support.update(uri for _, _, uri in set(concepts))
    return support


def _support(
    places: list[list[_Named]], overlapping: dict[int, tuple[list[Candidate], list[Candidate]]]
) -> Counter[str]:
    """The spans naming each skill over the whole text: those of the places where one span
    stands alone, and the candidates of the places where several overlap."""
    support = Counter(t for place in places if len(place) == 1 for t in place[0][2])
    support.update(t for skills, _ in overlapping.values() for _, _, t in set(skills))
    return support


def _by_span(candidates: list[Candidate]) -> dict[tuple[int, int], tuple[str, ...]]:
    """The targets of the candidates, by span, in their order."""
    found: dict[tuple[int, int], tuple[str, ...]] = {}
    for start, end, target in candidates:
        found[start, end] = (*found.get((start, end), ()), target)
    return found


def _places(named: list[_Named]) -> list[list[_Named]]:
    """The spans in order, those that overlap grouped together: one place each."""
    places: list[list[_Named]] = []
    reach = -1
    for span in sorted(named):
        if span[0] < reach:
            places[-1].append(span)
            reach = max(reach, span[1])
        else:
            places.append([span])
            reach = span[1]
    return places


def _with_context(
    folded: str,
    start: int,
    end: int,
    decision: tuple[tuple[str, ...], tuple[str, ...], tuple[_Name, ...]],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The skills and concepts a match names, with those of its names that need a context
    word when one is near."""
    skills, concepts, contextual = decision
    window = folded[max(0, start - CONTEXT_WINDOW) : end + CONTEXT_WINDOW]
    near = [name for name in contextual if contains_any(window, name.context)]
    if not near:
        return skills, concepts
    return (
        tuple(sorted({*skills, *(n.target for n in near if not n.esco)})),
        tuple(sorted({*concepts, *(n.target for n in near if n.esco)})),
    )


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
