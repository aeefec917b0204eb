"""The precision rules of extraction: which candidate matches are not skill mentions, and which
of overlapping candidates is meant.

Every function takes the original text and its folded form (same length, same offsets) and
works on candidates `(start, end, target)`, where the target is a skill id or an ESCO URI.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from itertools import compress, pairwise

Candidate = tuple[int, int, str]
# How many spans name each target, or how to count them when needed (`resolve`).
Support = Counter[str] | Callable[[], Counter[str]]
# An acronym and its expansion: (short start, short end, long start, long end, end of the pair).
Pair = tuple[int, int, int, int, int]

# A name followed by one of these names people or a meeting, not a skill: "machine learning
# developers" is a team, "scrum meetings" a ritual.
PEOPLE_AND_MEETINGS_AFTER = frozenset(
    "team teams squad squads department departments developers engineers scientists "
    "specialists experts community communities guild guilds meeting meetings ceremony "
    "ceremonies event events meetup meetups standup standups".split()
)
# The same in French, where the noun comes first: « l'équipe data », « les réunions Scrum ».
PEOPLE_AND_MEETINGS_BEFORE = frozenset(
    "equipe equipes pole poles reunion reunions ceremonie ceremonies developpeurs "
    "ingenieurs experts communaute".split()
)
# A name followed by one of these (with its capital) is a product: "SQL Server", "R Studio".
PRODUCT_AFTER = frozenset("Server Studio Workbench Developer".split())
# Ordinary words that name a skill only in a topic's context: "optimisation" is mathematics for
# machine learning next to gradients or linear algebra, not in "cost optimisation".
MATHEMATICS = (
    "gradient gradients convex convexe loss perte algebra algebre calculus calcul mathematics "
    "mathematiques maths math stochastic stochastique linear lineaire descent descente "
    "probability probabilites statistics statistiques"
).split()
# Keyed by the word's root, so that the verbs made from it are gated too (« Optimisez le
# stockage », "optimize costs").
GATED: Mapping[str, tuple[str, ...]] = {
    "optimis": tuple(MATHEMATICS),
    "optimiz": tuple(MATHEMATICS),
}
_GATED_ROOT = len(next(iter(GATED)))
assert all(len(root) == _GATED_ROOT for root in GATED)
GATE_WINDOW = 80
# Short forms that stand for a longer name only in its topic: "cloud" is cloud computing in
# "migrate to the cloud on AWS", « le cloud public », "java cloud python", not in "word
# cloud". The short form is an ordinary word (below), kept near these words, any technical
# word or another skill.
CLOUD = (
    "aws azure gcp google amazon microsoft migration migrate migrer public private prive "
    "hybrid hybride native provider providers fournisseur fournisseurs hosting hebergement "
    "saas iaas paas infrastructure infrastructures deploy deployment deploiement kubernetes "
    "serverless"
).split()
SHORT_FORMS: Mapping[str, str] = {"cloud": "cloud computing"}
# Words that are a skill only in a technical text: "monitoring the animals' health", « la
# restauration collective », "shipping containers", « la supervision d'une équipe » name none.
# Such a word alone is kept when a technical word or another skill is near it.
ORDINARY_WORDS = frozenset(
    "monitoring supervision surveillance restauration sauvegarde sauvegarder backup routage "
    "routing switching commutation container conteneur transformer consensus database source "
    "statistique statistic statistics probabilite probability profiling profilage caching "
    "astreinte alerting pipeline agilite agility agile transformation metrologie torch jeton "
    "adapter passerelle capteur sensor drone informatique processor electronique electronics "
    "robotique robotics cloud".split()
)
# The ordinary words as they may be written: alone, or in the plural with -s or -x.
_ORDINARY_FORMS = ORDINARY_WORDS | {word + ending for word in ORDINARY_WORDS for ending in "sx"}
# Words of computer systems. Not "digital" nor « numérique »: they say the medium, and
# « la restauration numérique de films » or « la supervision numérique des chantiers » are not
# about backups or monitoring.
TECHNICAL_WORDS = (
    "software logiciel logiciels system systems systeme systemes server servers serveur "
    "serveurs network networks reseau reseaux cloud data donnees application applications "
    "infrastructure infrastructures code api apis it si informatique devops linux windows "
    "production deployment deploiement metrics metriques logs alerts alertes incident "
    "incidents security securite machine model models modele modeles kubernetes docker "
    "python java sql programming programmation developer developers developpeur "
    "developpeurs developpement development engineering ingenierie web "
    "technique technical technologies technology tech dev ops"
).split() + CLOUD
_TECHNICAL = tuple(TECHNICAL_WORDS)
TOPIC_WINDOW = 200
# Words that make a one-word name a matter of business or people, not of software: « l'agilité
# commerciale », "business agility", « la transformation organisationnelle », "the pipeline of
# candidates", "sales pipeline".
BUSINESS_WORDS = frozenset(
    "commercial commerciale commerciaux commerciales organisationnel organisationnelle "
    "organisationnels organisationnelles organisational organizational organisation "
    "organization business sales vente ventes managerial manageriale strategique strategic "
    "strategy strategie marketing rh hr talent talents candidate candidates candidat "
    "candidats recrutement recruitment recruiting hiring client clients customer customers "
    "financial financiere financier humaine humaines human people personnel culturelle "
    "cultural".split()
)
# Adjectives that may stand between the words of a term: « l'ingénierie moderne des
# données », "event-driven scalable architecture". Only words whose stem names no thing of
# their own (not "distributed": `distribut` is also "distribution").
INSIDE_TERMS = (
    "modern moderne hybrid hybride robust robuste scalable fiable reliable efficace "
    "efficient avancé advanced sécurisé"
).split()
# Words that an acronym's expansion may hold without a letter of their own ("Infrastructure
# as Code", « Système de Gestion de Base de Données »).
EXPANSION_FILLERS = frozenset(
    "of for and the as a an in on to de des du d la le les l et en pour par au aux a".split()
)
_SHORT_IN_BRACKETS = re.compile(r"\(\s*([A-Z][A-Za-z0-9&+.]{0,10}[A-Z0-9])(s?)\s*\)")
_SHORT_BEFORE = re.compile(r"(?<![\w.])([A-Z][A-Za-z0-9&+.]{0,10}[A-Z0-9])(s?)\s*$")
_LONG_IN_BRACKETS = re.compile(r"\(([^()]{3,120})\)")
_WORDS = re.compile(r"[^\W\d_]+")
# No name is longer than this many characters (for looking back from a position).
LONGEST_NAME = 120

_NEXT_WORD = re.compile(r" ([a-z]+)")
_NEXT_WORD_CASED = re.compile(r" ([A-Za-z]+)")
CONNECTORS = frozenset("de du des d la le les l the".split())


def blocked(text: str, folded: str, start: int, end: int) -> bool:
    """Whether the candidate at `start:end` is a team, a meeting, a product, a matter of
    business or people, or an ordinary word out of its topic rather than a skill."""
    # No word follows (a comma, a full stop, the end): none of the words after can tell.
    following = _NEXT_WORD.match(folded, end)
    next_word = ""
    if following:
        next_word = following[1]
        if next_word in PEOPLE_AND_MEETINGS_AFTER:
            return True
        # Words joined by a slash share the noun after them and the one before: "Scrum/Agile
        # teams", « l'équipe DevOps/SRE ».
        if text[end] == "/":
            after = _NEXT_WORD.match(folded, following.end())
            if after and after[1] in PEOPLE_AND_MEETINGS_AFTER:
                return True
        # A product's second word is a word of letters too ("SQL Server").
        if text[end + 1].isupper():
            cased = _NEXT_WORD_CASED.match(text, end)
            if cased and cased[1] in PRODUCT_AFTER:
                return True
    if start > 1 and text[start - 1] == "/":
        joined = folded.rfind(" ", 0, start - 1) + 1
        if _previous_word(folded, joined) in PEOPLE_AND_MEETINGS_BEFORE:
            return True
    previous = _previous_word(folded, start) if start else ""
    if previous in PEOPLE_AND_MEETINGS_BEFORE:
        return True
    # What is left concerns one word alone.
    if " " in folded[start:end]:
        return False
    if _business_sense(folded, following, next_word, previous):
        return True
    context = GATED.get(folded[start : start + _GATED_ROOT])
    if context is None:
        return False
    window = folded[max(0, start - GATE_WINDOW) : end + GATE_WINDOW]
    return not contains_any(window, context)


class Refusals:
    """`blocked` for the candidates of one text, judged once per span: a skill and the ESCO
    concept of the same words ("Python") share one verdict."""

    def __init__(self, text: str, folded: str) -> None:
        self.text, self.folded = text, folded
        self.verdicts: dict[tuple[int, int], bool] = {}

    def __call__(self, candidate: Candidate) -> bool:
        span = candidate[:2]
        verdict = self.verdicts.get(span)
        if verdict is None:
            verdict = self.verdicts[span] = blocked(
                self.text, self.folded, candidate[0], candidate[1]
            )
        return verdict


def business_sense(folded: str, start: int, end: int) -> bool:
    """Whether a one-word candidate is qualified as business or people: « agilité
    commerciale », "business agility", "pipeline of candidates"."""
    if " " in folded[start:end]:
        return False
    following = _NEXT_WORD.match(folded, end)
    next_word = following[1] if following else ""
    return _business_sense(folded, following, next_word, _previous_word(folded, start))


def _business_sense(
    folded: str, following: re.Match[str] | None, next_word: str, previous: str
) -> bool:
    """`business_sense` given the word after (`following`, its word `next_word`) and before."""
    if following and next_word in ("of", "de", "des", "du", "d"):
        after = _NEXT_WORD.match(folded, following.end())
        next_word = after[1] if after else ""
    return next_word in BUSINESS_WORDS or previous in BUSINESS_WORDS


def ordinary_word(folded: str) -> bool:
    """Whether these folded words are one of ORDINARY_WORDS, alone or in the plural."""
    return folded in _ORDINARY_FORMS


def in_topic(
    folded: str,
    skills: list[Candidate],
    concepts: list[Candidate],
    ordinary: set[tuple[int, int]] | None = None,
    transversal: frozenset[str] = frozenset(),
) -> tuple[list[Candidate], list[Candidate]]:
    """Skills and concepts less the ordinary words (ORDINARY_WORDS) with neither a technical
    word nor another skill near them. `ordinary` holds the spans of ordinary words among
    the candidates' when the caller knows them (most texts have none: nothing to look at); a
    span named only by `transversal` skills and concepts is no technical anchor."""
    if ordinary is not None and not ordinary:
        return skills, concepts
    # A skill and its concept share a span: each span is judged once.
    spans = {c[:2] for c in (*skills, *concepts)}
    if ordinary is None:
        ordinary = {span for span in spans if ordinary_word(folded[span[0] : span[1]])}
    weak = named_only_by((*skills, *concepts), transversal)
    refused = off_topic(folded, spans, ordinary, weak)
    if not refused:
        return skills, concepts
    return (
        [c for c in skills if c[:2] not in refused],
        [c for c in concepts if c[:2] not in refused],
    )


def named_only_by(names: Iterable[Candidate], transversal: frozenset[str]) -> set[tuple[int, int]]:
    """The spans all of whose names (skills or concepts) are `transversal`: management and
    people skills, « la conduite du changement », which say nothing of computer systems."""
    if not transversal:
        return set()
    weak: set[tuple[int, int]] = set()
    strong: set[tuple[int, int]] = set()
    for start, end, name in names:
        (weak if name in transversal else strong).add((start, end))
    return weak - strong


def off_topic(
    folded: str,
    spans: set[tuple[int, int]],
    ordinary: set[tuple[int, int]],
    weak: set[tuple[int, int]] | None = None,
) -> set[tuple[int, int]]:
    """The spans of `ordinary` words among the candidates' `spans` that `in_topic` refuses;
    the `weak` spans (a transversal skill) are no anchors for them."""
    ordinary = ordinary & spans
    if not ordinary:
        return ordinary
    anchors = sorted(spans - ordinary - (weak or set()))
    return {span for span in ordinary if not _technical_near(folded, span, anchors)}


def _technical_near(folded: str, span: tuple[int, int], anchors: list[tuple[int, int]]) -> bool:
    start, end = span
    # The first anchor starting at most TOPIC_WINDOW before: near when it starts at most as far
    # after (most often); else any anchor whose end is near, then the words around.
    first = bisect.bisect_left(anchors, (start - TOPIC_WINDOW,))
    if first < len(anchors) and anchors[first][0] <= start + TOPIC_WINDOW:
        return True
    if any(abs(a - start) <= TOPIC_WINDOW or abs(b - end) <= TOPIC_WINDOW for a, b in anchors):
        return True
    window = folded[max(0, start - TOPIC_WINDOW) : start] + " " + folded[end : end + TOPIC_WINDOW]
    return _technical_in(window)


def expansion_pairs(text: str) -> list[Pair]:
    """Acronyms and their expansions written side by side, either way round: "Retrieval-
    Augmented Generation (RAG)", « des APIs (Application Programming Interfaces) ». Each pair
    is `(short start, short end, long start, long end, end of the pair)`, the pair ending
    with its closing bracket; the expansion's words start with the acronym's letters in
    order (small words such as "as", « de » may have none)."""
    pairs: list[Pair] = []
    for match in _SHORT_IN_BRACKETS.finditer(text):
        letters = _letters(match[1])
        before = text[max(0, match.start() - 150) : match.start()]
        words = list(_WORDS.finditer(before))
        written = [w[0] for w in words]
        for first in range(len(words) - 1, max(-1, len(words) - 2 * len(letters) - 2), -1):
            if _spells(letters, written[first:]):
                offset = match.start() - len(before)
                long_end = offset + words[-1].end()
                if not text[long_end : match.start()].strip():
                    long_start = offset + words[first].start()
                    pairs.append((match.start(1), match.end(2), long_start, long_end, match.end()))
                break
    bracket = text.find("(")
    while bracket >= 0:
        short = _SHORT_BEFORE.search(text, max(0, bracket - 16), bracket)
        inside = _LONG_IN_BRACKETS.match(text, bracket) if short else None
        bracket = text.find("(", bracket + 1)
        if not short or not inside:
            continue
        letters = _letters(short[1])
        inner = list(_WORDS.finditer(inside[1]))
        for last in range(len(letters), min(len(inner), 2 * len(letters) + 2) + 1):
            if _spells(letters, [w[0] for w in inner[:last]]):
                offset = inside.start(1)
                pairs.append(
                    (
                        short.start(1),
                        short.end(2),
                        offset + inner[0].start(),
                        offset + inner[last - 1].end(),
                        inside.end(),
                    )
                )
                break
    return pairs


def _letters(short: str) -> str:
    return "".join(c for c in short.lower() if c.isalpha())


def _spells(letters: str, words: list[str]) -> bool:
    """Whether the words' initials give the letters, small words allowed to give none."""
    return len(letters) >= 2 and _spells_rest(letters, words)


def _spells_rest(letters: str, words: list[str]) -> bool:
    if not words:
        return not letters
    if not letters:
        return all(w.lower() in EXPANSION_FILLERS for w in words)
    head, rest = words[0], words[1:]
    if head[0].lower() == letters[0] and _spells_rest(letters[1:], rest):
        return True
    return head.lower() in EXPANSION_FILLERS and _spells_rest(letters, rest)


def with_expansions(candidates: list[Candidate], pairs: list[Pair]) -> list[Candidate]:
    """Candidates where an acronym and its expansion are one mention: what either names
    exactly is named by the whole pair, and a name that covers only part of an expansion
    ("Application Programming" in "Application Programming Interfaces") is no mention."""
    for short_start, short_end, long_start, long_end, end in pairs:
        start = min(short_start, long_start)
        targets = {
            t
            for a, b, t in candidates
            if (a, b) == (short_start, short_end) or (a <= long_start and long_end <= b <= end)
        }
        candidates = [
            c
            for c in candidates
            if not (
                long_start <= c[0] and c[1] <= long_end and (c[0], c[1]) != (long_start, long_end)
            )
            or c[2] in targets
        ]
        present = {c for c in candidates if c[:2] == (start, end)}
        candidates += [(start, end, t) for t in sorted(targets) if (start, end, t) not in present]
    return sorted(candidates)


def _previous_word(folded: str, start: int) -> str:
    """The word before `start`, past French connectors: « l'équipe de la » gives "equipe"."""
    window = folded[start - 30 if start > 30 else 0 : start].replace("'", " ")
    # Most often the last word is no connector, and the rest of the window need not be cut.
    last = window.rsplit(None, 1)
    if not last:
        return ""
    if last[-1] not in CONNECTORS:
        return last[-1]
    words = window.split()
    while words and words[-1] in CONNECTORS:
        words.pop()
    return words[-1] if words else ""


@functools.cache
def any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of the words as a whole word (`contains_word` for all at once,
    in one pass)."""
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def contains_any(window: str, words: tuple[str, ...]) -> bool:
    """Whether one of `words` occurs in `window` as a whole word."""
    return _finder(words)(window)


# A run of letters and digits: what `any_word` takes as a whole word.
_RUN = re.compile(r"[^\W_]+")
# ASCII text with every character but letters and digits made a space: its runs are then its
# words for `str.split`, a few times faster than the pattern's.
_ASCII_RUNS = bytes(code if chr(code).isalnum() else 32 for code in range(128)) + bytes(
    range(128, 256)
)


@functools.cache
def _finder(words: tuple[str, ...]) -> Callable[[str], bool]:
    """`contains_any` for these words. When each is one run of letters and digits (most
    lists), a whole word of them is one of the window's runs: a set of them is looked up, some
    times faster than trying a pattern of a hundred alternatives at every character."""
    if all(_RUN.fullmatch(word) for word in words):
        runs = frozenset(words)

        def found(window: str) -> bool:
            if window.isascii():
                written = window.encode().translate(_ASCII_RUNS).decode().split()
                return not runs.isdisjoint(written)
            return not runs.isdisjoint(_RUN.findall(window))

        return found
    pattern = any_word(words)
    return lambda window: pattern.search(window) is not None


_technical_in = _finder(_TECHNICAL)


def contains_word(window: str, word: str) -> bool:
    """Whether `word` occurs in `window` as a whole word."""
    index = window.find(word)
    while index != -1:
        before = window[index - 1] if index > 0 else " "
        after = window[index + len(word)] if index + len(word) < len(window) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        index = window.find(word, index + 1)
    return False


def product_name(text: str, candidate: Candidate) -> bool:
    """Whether a candidate is written as a product name: each word capitalised ("SQL Server")."""
    return all(
        w[:1].isupper() or w[:1].isdigit() for w in text[candidate[0] : candidate[1]].split()
    )


def outside_longer(
    inner: list[Candidate], outer: list[Candidate], same: Callable[[str, Candidate], bool]
) -> list[Candidate]:
    """`inner` candidates minus those strictly inside a longer `outer` one that names something
    else (`same(inner target, outer candidate)` is false): "SQL" inside the product "SQL
    Server", ESCO's "Google" inside "Google Cloud"."""
    if not outer or not inner or not _nested(inner, outer):
        return inner
    ordered = sorted(outer)
    starts = [c[0] for c in ordered]
    kept = []
    for candidate in inner:
        start, end, target = candidate
        first = bisect.bisect_left(starts, start - LONGEST_NAME)
        last = bisect.bisect_right(starts, start)
        inside = any(
            other[0] <= start
            and end <= other[1]
            and other[1] - other[0] > end - start
            and not same(target, other)
            for other in ordered[first:last]
        )
        if not inside:
            kept.append(candidate)
    return kept


def _nested(inner: list[Candidate], outer: list[Candidate]) -> bool:
    """Whether two distinct spans of the candidates overlap (else none is inside another)."""
    spans = sorted({c[:2] for c in inner} | {c[:2] for c in outer})
    return any(b[0] < a[1] for a, b in pairwise(spans))


def resolve(
    candidates: list[Candidate],
    keep_ties: bool = True,
    support: Support | None = None,
    contested: set[tuple[int, int]] | None = None,
) -> list[Candidate]:
    """Non-overlapping candidates, in order. A name inside a longer name gives way to it ("AWS"
    in "AWS Lambda"); of two names that only overlap, the one the text repeats elsewhere wins,
    then the longer; the same span named for two targets keeps both when `keep_ties`. `support`
    counts the spans naming each target in the whole text, when `candidates` are only part of
    it (the overlapping names of one place), or counts them when called. When `contested`
    holds every span that overlaps another, the candidates at the other spans are kept as
    they are, unresolved (with ties)."""
    if contested is not None and keep_ties:
        return _resolve_contested(candidates, contested, support)
    if _apart(candidates):
        return candidates
    unique = sorted(set(candidates), key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    return _resolved(unique, keep_ties, support, unique)


def contested_spans(candidates: list[Candidate]) -> set[tuple[int, int]]:
    """The spans of the candidates that overlap another's (`resolve`'s `contested`)."""
    contested: set[tuple[int, int]] = set()
    group: list[tuple[int, int]] = []
    reach = -1
    for span in sorted(set(map(_SPAN, candidates))):
        if span[0] >= reach:
            if len(group) > 1:
                contested.update(group)
            group = []
        group.append(span)
        reach = max(reach, span[1])
    if len(group) > 1:
        contested.update(group)
    return contested


def _resolve_contested(
    candidates: list[Candidate], contested: set[tuple[int, int]], support: Support | None
) -> list[Candidate]:
    """`resolve` where only the `contested` spans overlap (the few places where names do):
    only theirs need sorting by length and resolving; the rest keep all they name, their
    targets counted with the others' only if two names are to be weighed."""
    if not contested:
        return sorted(set(candidates))
    inside = list(map(contested.__contains__, map(_SPAN, candidates)))
    settled = set(compress(candidates, map(operator.not_, inside)))
    disputed = set(compress(candidates, inside))
    if not disputed:
        return sorted(settled)
    unique = sorted(disputed, key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    return sorted(settled.union(_resolved(unique, True, support, [*settled, *unique])))


def _resolved(
    unique: list[Candidate],
    keep_ties: bool,
    support: Support | None,
    counted: list[Candidate],
) -> list[Candidate]:
    """`resolve` of distinct candidates sorted by start, longest first; `support` is counted
    over `counted` when none is given, and only when two overlapping names are to be
    weighed (seldom)."""
    counts, count = (support, None) if isinstance(support, Counter) else (None, support)
    outer: list[Candidate] = []
    reach, reach_span = -1, (-1, -1)
    for candidate in unique:
        span = candidate[:2]
        if candidate[1] <= reach and span != reach_span:
            continue
        if candidate[1] > reach:
            reach, reach_span = candidate[1], span
        outer.append(candidate)
    chosen: list[Candidate] = []
    for candidate in outer:
        if chosen and candidate[:2] == chosen[-1][:2]:
            if keep_ties:
                chosen.append(candidate)
            continue
        if chosen and candidate[0] < chosen[-1][1]:
            if counts is None:
                counts = count() if count else Counter(t for _, _, t in counted)
            if _strength(candidate, counts) > _strength(chosen[-1], counts):
                span = chosen[-1][:2]
                while chosen and chosen[-1][:2] == span:
                    chosen.pop()
                if not chosen or candidate[0] >= chosen[-1][1]:
                    chosen.append(candidate)
            continue
        chosen.append(candidate)
    return chosen


# A candidate's span, `candidate[:2]` without a call of Python's.
_SPAN = operator.itemgetter(0, 1)


def _apart(candidates: list[Candidate]) -> bool:
    """Whether the candidates are already in order and overlap nowhere (the common case)."""
    previous_end = -1
    for start, end, _ in candidates:
        if start < previous_end:
            return False
        previous_end = end
    return True


def _strength(candidate: Candidate, support: Counter[str]) -> tuple[int, int]:
    return support[candidate[2]], candidate[1] - candidate[0]
