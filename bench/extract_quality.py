"""Extraction quality on job-ad sentences annotated with ESCO skills (Decorte et al., 2022).

Run with `.venv/bin/python bench/extract_quality.py`. Skills found are mapped to ESCO URIs through
each skill's `esco` link. Against the ICT gold restricted to URIs some skill links to: precision,
recall and F1 (micro-averaged over sentences); and the share of sentences without ICT gold where
anything is found (false-positive rate).
"""

from __future__ import annotations

import json
from pathlib import Path

from advisor.core.extraction import SkillMatcher
from advisor.resources import skills_data_dir
from advisor.taxonomy.files import load_taxonomy

GOLD = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "data"
    / "benchmarks"
    / "decorte_validation"
    / "validation_gold.jsonl"
)


def main() -> None:
    taxonomy = load_taxonomy(skills_data_dir())
    matcher = SkillMatcher(taxonomy)
    uri_of = {s.id: s.esco.uri for s in taxonomy.skills.values() if s.esco}
    linked = set(uri_of.values())
    tp = fp = fn = 0
    empty = empty_with_finds = 0
    scored = 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        found = {uri_of[m.skill] for m in matcher.find(row["sentence"]) if m.skill in uri_of}
        if not row["ict_gold_uris"]:
            empty += 1
            empty_with_finds += bool(found)
            continue
        gold = set(row["ict_gold_uris"]) & linked
        if not gold and not found:
            continue
        scored += 1
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{len(linked)} distinct ESCO URIs linked by {len(uri_of)} skills")
    print(
        f"ICT gold (restricted to linked URIs), {scored} sentences scored: "
        f"precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"
    )
    print(
        f"sentences without ICT gold: {empty}; with a skill found anyway: {empty_with_finds} "
        f"({empty_with_finds / empty:.1%} false-positive rate)"
    )


if __name__ == "__main__":
    main()
