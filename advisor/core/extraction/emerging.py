"""Emerging terms: phrases frequent in recent articles that no skill label or alias covers.

A curator reviews them to decide whether the taxonomy lacks a skill or an alias. Terms are
single words and pairs of words weighted by TF-IDF (scikit-learn), each document weighted by its
recency, and kept only when at least `min_documents` articles use them. Near-duplicate articles
(the same story syndicated or lightly edited) count once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from advisor.core.taxonomy import fold

HALF_LIFE_DAYS = 180.0
# Two articles sharing this share of their 5-word shingles are one story told twice.
NEAR_DUPLICATE = 0.8
SHINGLE = 5
# Function words of French and English that never make a skill on their own.
STOP_WORDS = frozenset(
    """
a about above after again all also an and any are as at be been being but by can could did do
does doing during each few for from had has have having he her here hers him his how i if in
into is it its just may more most must new no nor not now of off on once one only or other our
out over own same she should so some such than that the their them then there these they this
those through to too under until up use used using very was we were what when where which
while who will with would you your yet many much well via per within without across among
au aux avec ce ces cet cette dans de des du elle en entre est et etc eux il ils je la le les
leur leurs lui mais me meme mes moi mon ne nos notre nous on ou par pas plus pour qu que qui
sa sans se ses si son sont sous sur ta te tes toi ton tous tout toute toutes tu un une vos
votre vous ete etre fait faire peut peuvent aussi comme donc alors ainsi deja encore tres
selon chez dont lors afin cela ceci celle celles ceux leur avoir ont sera seront
""".split()
)
TOKEN = r"(?u)\b[^\W\d_][\w+#.-]*[\w+#]\b"


@dataclass(frozen=True)
class EmergingTerm:
    term: str
    score: float
    documents: int


def _analyzer_tokens(text: str) -> list[str]:
    return [t for t in re.findall(TOKEN, fold(text)) if t not in STOP_WORDS]


def emerging_terms(
    texts: Sequence[str],
    published: Sequence[date],
    known_names: Iterable[str],
    today: date,
    *,
    top: int = 30,
    min_documents: int = 2,
) -> list[EmergingTerm]:
    """The `top` phrases of recent texts that match no known name, best first."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    distinct = distinct_documents(texts)
    texts = [texts[i] for i in distinct]
    published = [published[i] for i in distinct]
    if not texts:
        return []
    known = {fold(name) for name in known_names}
    vectorizer = TfidfVectorizer(
        analyzer=lambda text: _ngrams(_analyzer_tokens(text)), sublinear_tf=True, norm="l2"
    )
    matrix = vectorizer.fit_transform(texts)
    weights = [math.pow(0.5, max((today - day).days, 0) / HALF_LIFE_DAYS) for day in published]
    scores = matrix.T.multiply(weights).sum(axis=1).A1
    documents = (matrix > 0).sum(axis=0).A1
    terms = vectorizer.get_feature_names_out()
    # On equal scores the longer phrase comes first, and then hides its own parts.
    ranked = sorted(
        range(len(terms)), key=lambda i: (-round(scores[i], 6), -terms[i].count(" "), terms[i])
    )
    found: list[EmergingTerm] = []
    for index in ranked:
        term = str(terms[index])
        if documents[index] < min_documents or _is_known(term, known):
            continue
        if any(f" {term} " in f" {kept.term} " for kept in found):
            continue
        found.append(EmergingTerm(term, round(float(scores[index]), 4), int(documents[index])))
        if len(found) == top:
            break
    return found


def distinct_documents(texts: Sequence[str]) -> list[int]:
    """Indexes of the texts to count: of near-duplicates, only the first."""
    kept: list[tuple[int, frozenset[int]]] = []
    for index, text in enumerate(texts):
        tokens = re.findall(r"\w+", fold(text))
        shingles = frozenset(
            hash(" ".join(tokens[i : i + SHINGLE]))
            for i in range(max(len(tokens) - SHINGLE, 0) + 1)
        )
        if not any(_similar(shingles, other) for _, other in kept):
            kept.append((index, shingles))
    return [index for index, _ in kept]


def _similar(a: frozenset[int], b: frozenset[int]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= NEAR_DUPLICATE


def _ngrams(tokens: list[str]) -> list[str]:
    """Single words and pairs of neighbouring words."""
    return tokens + [" ".join(pair) for pair in zip(tokens, tokens[1:], strict=False)]


def _is_known(term: str, known: set[str]) -> bool:
    """A term is known when it is a name, or a part of one ("model" is part of "model serving")."""
    return term in known or any(
        term in name.split() or f" {term} " in f" {name} " for name in known
    )
