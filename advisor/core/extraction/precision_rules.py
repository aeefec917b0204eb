"""The precision rules of extraction: which candidate matches are not skill mentions, and which
of overlapping candidates is meant.

Every function takes the original text and its folded form (same length, same offsets) and
works on candidates `(start, end, target)`, where the target is a skill id or an ESCO URI.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Mapping

Candidate = tuple[int, int, str]

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
GATED: Mapping[str, tuple[str, ...]] = {
    "optimisation": tuple(MATHEMATICS),
    "optimization": tuple(MATHEMATICS),
}
GATE_WINDOW = 80
# Short forms that stand for a longer name only in its topic's context: "cloud" is cloud
# computing in "migrate to the cloud on AWS", « le cloud public », not in "word cloud".
CLOUD = (
    "aws azure gcp google amazon microsoft migration migrate migrer public private prive "
    "hybrid hybride native provider providers fournisseur fournisseurs hosting hebergement "
    "saas iaas paas infrastructure infrastructures deploy deployment deploiement kubernetes "
    "serverless"
).split()
SHORT_FORMS: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "cloud": ("cloud computing", tuple(CLOUD)),
}
# No name is longer than this many characters (for looking back from a position).
LONGEST_NAME = 120

_NEXT_WORD = re.compile(r" ([a-z]+)")
_NEXT_WORD_CASED = re.compile(r" ([A-Za-z]+)")
CONNECTORS = frozenset("de du des d la le les l".split())


def blocked(text: str, folded: str, start: int, end: int) -> bool:
    """Whether the candidate at `start:end` is a team, a meeting, a product or an ordinary
    word out of its topic rather than a skill."""
    following = _NEXT_WORD.match(folded, end)
    if following and following[1] in PEOPLE_AND_MEETINGS_AFTER:
        return True
    if text[end + 1 : end + 2].isupper():
        cased = _NEXT_WORD_CASED.match(text, end)
        if cased and cased[1] in PRODUCT_AFTER:
            return True
    if start and _previous_word(folded, start) in PEOPLE_AND_MEETINGS_BEFORE:
        return True
    context = GATED.get(folded[start:end])
    if context is not None:
        window = folded[max(0, start - GATE_WINDOW) : end + GATE_WINDOW]
        return not any(contains_word(window, word) for word in context)
    return False


def _previous_word(folded: str, start: int) -> str:
    """The word before `start`, past French connectors: « l'équipe de la » gives "equipe"."""
    words = folded[max(0, start - 30) : start].replace("'", " ").split()
    while words and words[-1] in CONNECTORS:
        words.pop()
    return words[-1] if words else ""


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


def product_names(text: str, concepts: list[Candidate]) -> list[Candidate]:
    """The ESCO candidates written as product names: each word capitalised ("SQL Server")."""
    return [
        c
        for c in concepts
        if all(w[:1].isupper() or w[:1].isdigit() for w in text[c[0] : c[1]].split())
    ]


def outside_longer(
    inner: list[Candidate], outer: list[Candidate], same: Callable[[str, str], bool]
) -> list[Candidate]:
    """`inner` candidates minus those strictly inside a longer `outer` one that names something
    else: "SQL" inside the product "SQL Server", ESCO's "Google" inside "Google Cloud"."""
    if not outer or not inner:
        return inner
    ordered = sorted(outer)
    starts = [c[0] for c in ordered]
    kept = []
    for start, end, target in inner:
        first = bisect.bisect_left(starts, start - LONGEST_NAME)
        last = bisect.bisect_right(starts, start)
        inside = any(
            a <= start and end <= b and b - a > end - start and not same(target, other)
            for a, b, other in ordered[first:last]
        )
        if not inside:
            kept.append((start, end, target))
    return kept


def resolve(candidates: list[Candidate], keep_ties: bool = True) -> list[Candidate]:
    """Non-overlapping candidates, in order. A name inside a longer name gives way to it ("AWS"
    in "AWS Lambda"); of two names that only overlap, the one the text repeats elsewhere wins,
    then the longer; the same span named for two targets keeps both when `keep_ties`."""
    if _apart(candidates):
        return candidates
    unique = sorted(set(candidates), key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    support = Counter(target for _, _, target in unique)
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
            if _strength(candidate, support) > _strength(chosen[-1], support):
                span = chosen[-1][:2]
                while chosen and chosen[-1][:2] == span:
                    chosen.pop()
                if not chosen or candidate[0] >= chosen[-1][1]:
                    chosen.append(candidate)
            continue
        chosen.append(candidate)
    return chosen


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
