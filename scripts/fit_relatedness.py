"""Fit which skills are related, and write advisor/core/data/relatedness.json.

Usage: python scripts/fit_relatedness.py [--data ../shared/data] [--check]

A skill is described by two things: the job-ad passages that mention it (SkillSpan and Decorte
sentences, matched with the taxonomy's labels and aliases) and its own words (labels, aliases,
description and level descriptions). Both become columns of one skill x feature matrix, which a
TruncatedSVD reduces to a few dozen dimensions; related skills are close by cosine. ESCO's
skill-to-skill relations (through the skills' `esco` links) and the prerequisite links then
raise the score of pairs they name. Only the result ships: each skill's closest skills, rounded.
The ESCO relations are not used by the SVD, so they serve as a held-out check (`--check`).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import normalize

from advisor.core.extraction import SkillMatcher
from advisor.core.taxonomy import Taxonomy
from advisor.taxonomy.loading import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "advisor" / "core" / "data" / "relatedness.json"
COMPONENTS = 96
WINDOW = 3  # consecutive job-ad sentences that make one passage
# Weight of the job-ad block against the skill's own words: the ads name fewer than half of the
# skills, and at full weight they blur the rest (docs/relatedness.md has the comparison).
MENTIONS_WEIGHT = 0.25
ESCO_SCORE = 0.5  # floor of a pair ESCO relates
PREREQUISITE_SCORE = 0.4  # floor of a pair linked by a prerequisite
KEEP = 8  # closest skills kept per skill
MINIMUM = 0.3
SEED = 14


def skillspan_passages(folder: Path) -> Iterator[str]:
    for path in sorted(folder.glob("*.conll")):
        sentences, tokens = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                tokens.append(line.split("\t")[0])
            elif tokens:
                sentences.append(" ".join(tokens))
                tokens = []
        for i in range(0, len(sentences), WINDOW):
            yield " ".join(sentences[i : i + WINDOW])


def decorte_sentences(folder: Path) -> Iterator[str]:
    seen: set[str] = set()
    for path in sorted(folder.glob("*_annotations.csv")):
        with path.open(encoding="utf-8") as file:
            for row in csv.DictReader(file):
                if row["sentence"] not in seen:
                    seen.add(row["sentence"])
                    yield row["sentence"]


def mention_matrix(taxonomy: Taxonomy, passages: list[str]) -> sparse.csr_matrix:
    """Skills x passages, 1 where the passage names the skill, tf-idf weighted."""
    matcher = SkillMatcher(taxonomy)
    index = {s: i for i, s in enumerate(taxonomy.skills)}
    rows, cols = [], []
    for j, text in enumerate(passages):
        for skill_id in {m.skill for m in matcher.find(text)}:
            rows.append(index[skill_id])
            cols.append(j)
    counts = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(index), len(passages))
    )
    weighted: sparse.csr_matrix = TfidfTransformer().fit_transform(counts)
    return weighted


def own_words(taxonomy: Taxonomy) -> sparse.csr_matrix:
    """Skills x terms of each skill's own labels, aliases, description and level texts."""
    texts = [
        " ".join(
            (
                *s.all_aliases(),
                s.description.en,
                s.description.fr,
                *(a.en for a in s.anchors.values()),
            )
        )
        for s in taxonomy.skills.values()
    ]
    vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=(1, 2), max_df=0.1)
    matrix: sparse.csr_matrix = vectorizer.fit_transform(texts)
    return matrix


def embed(mentions: sparse.csr_matrix, words: sparse.csr_matrix) -> NDArray[np.float64]:
    """Both blocks, the mentions down-weighted, reduced by SVD, rows of unit length."""
    joined = sparse.hstack([MENTIONS_WEIGHT * normalize(mentions), normalize(words)]).tocsr()
    reduced = TruncatedSVD(n_components=COMPONENTS, random_state=SEED).fit_transform(joined)
    result: NDArray[np.float64] = normalize(reduced)
    return result


def esco_pairs(taxonomy: Taxonomy, relations: Path, *, broad: bool) -> set[frozenset[str]]:
    """Pairs of our skills whose ESCO concepts are the same or related (essential/optional);
    with `broad`, links to a broader ESCO concept count too (they say less: "cloud technologies"
    is the concept of AWS, Trainium and serverless alike)."""
    by_uri: dict[str, list[str]] = {}
    for skill in taxonomy.skills.values():
        if skill.esco and (broad or skill.esco.relation != "broadMatch"):
            by_uri.setdefault(skill.esco.uri, []).append(skill.id)
    pairs: set[frozenset[str]] = set()
    for same in by_uri.values():
        pairs |= {frozenset((a, b)) for a in same for b in same if a < b}
    with relations.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            for a in by_uri.get(row["originalSkillUri"], ()):
                for b in by_uri.get(row["relatedSkillUri"], ()):
                    if a != b:
                        pairs.add(frozenset((a, b)))
    return pairs


def prerequisite_pairs(taxonomy: Taxonomy) -> set[frozenset[str]]:
    return {
        frozenset((s.id, p.skill))
        for s in taxonomy.skills.values()
        for p in s.prerequisites
        if p.skill != s.id
    }


def auc(
    vectors: NDArray[np.float64], ids: list[str], positives: set[frozenset[str]]
) -> tuple[float, int]:
    """AUC of cosine for `positives` against as many random other pairs."""
    index = {s: i for i, s in enumerate(ids)}
    rng = random.Random(SEED)
    negatives: set[frozenset[str]] = set()
    while len(negatives) < 5 * len(positives):
        pair = frozenset(rng.sample(ids, 2))
        if pair not in positives:
            negatives.add(pair)
    pairs = [*positives, *negatives]
    scores = [float(vectors[index[a]] @ vectors[index[b]]) for a, b in map(sorted, pairs)]
    labels = [1] * len(positives) + [0] * len(negatives)
    return float(roc_auc_score(labels, scores)), len(positives)


def precision_at(
    vectors: NDArray[np.float64], ids: list[str], positives: set[frozenset[str]], k: int
) -> float:
    """Of each skill's k closest skills, the share that `positives` pairs it with
    (over skills that have at least one such pair)."""
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -1.0)
    hits, total = 0, 0
    for i, skill_id in enumerate(ids):
        partners = {other for p in positives if skill_id in p for other in p if other != skill_id}
        if not partners:
            continue
        top = np.argsort(-similarity[i])[:k]
        hits += sum(ids[j] in partners for j in top)
        total += min(k, len(partners))
    return hits / total if total else 0.0


def related(
    vectors: NDArray[np.float64],
    ids: list[str],
    floors: dict[frozenset[str], float],
) -> dict[str, dict[str, float]]:
    similarity = np.clip(vectors @ vectors.T, 0.0, 1.0)
    result: dict[str, dict[str, float]] = {}
    for i, skill_id in enumerate(ids):
        scores = {
            other: max(float(similarity[i, j]), floors.get(frozenset((skill_id, other)), 0.0))
            for j, other in enumerate(ids)
            if other != skill_id
        }
        best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:KEEP]
        kept = {other: round(score, 2) for other, score in best if score >= MINIMUM}
        if kept:
            result[skill_id] = kept
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--check", action="store_true", help="print the held-out figures")
    args = parser.parse_args()
    taxonomy = load_taxonomy(ROOT / "skills_data")
    benchmarks = args.data / "benchmarks"
    passages = [
        *skillspan_passages(benchmarks / "skillspan"),
        *decorte_sentences(benchmarks / "decorte_validation"),
    ]
    mentions = mention_matrix(taxonomy, passages)
    vectors = embed(mentions, own_words(taxonomy))
    ids = list(taxonomy.skills)
    relations = args.data / "esco" / "skillSkillRelations_en.csv"
    esco = esco_pairs(taxonomy, relations, broad=False)
    prerequisites = prerequisite_pairs(taxonomy)
    if args.check:
        mentioned = int((mentions.getnnz(axis=1) > 0).sum())
        print(f"passages: {len(passages)}; skills mentioned in them: {mentioned}/{len(ids)}")
        checks = (
            ("ESCO-related, broad links included", esco_pairs(taxonomy, relations, broad=True)),
            ("ESCO-related, exact and close links", esco),
            ("prerequisite", prerequisites),
        )
        for name, pairs in checks:
            score, count = auc(vectors, ids, pairs)
            p5 = precision_at(vectors, ids, pairs, 5)
            print(f"{name} pairs: {count}; AUC vs random pairs {score:.3f}; precision@5 {p5:.3f}")
    floors = {p: ESCO_SCORE for p in esco}
    for p in prerequisites:
        floors[p] = max(floors.get(p, 0.0), PREREQUISITE_SCORE)
    body = {
        "taxonomy_version": taxonomy.version,
        "method": f"tf-idf mentions x {MENTIONS_WEIGHT} + own words, TruncatedSVD({COMPONENTS}), "
        "cosine; "
        f"ESCO relation floor {ESCO_SCORE}, prerequisite floor {PREREQUISITE_SCORE}",
        "related": related(vectors, ids, floors),
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(body, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(body['related'])} skills")


if __name__ == "__main__":
    main()
