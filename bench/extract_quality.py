"""Extraction quality against people's annotations, beside a plain ESCO-label dictionary pass.

Run with `.venv/bin/python bench/extract_quality.py`. Two data sets:

- English, the development data: job-ad sentences annotated with ESCO skills (Decorte et al.,
  2022, validation split, `validation_gold.jsonl`); rules were tuned on it and on nothing else.
- French, a check: VDAB's French skill names mapped to ESCO ICT skills by exact or close match
  (`derived_ict_subset_fr.csv`, evaluation only); each name is one "text" whose gold is the URIs
  the crosswalk maps it to (72 names map to several; "per row" also prints the older scoring,
  one text per row, where naming both concepts of such a name counted a false positive).
- French, a development set: short passages of French job ads and tech articles, quoted with
  their source and annotated with the taxonomy skills they name (`bench/data/french_dev.yaml`);
  scored on taxonomy skill ids.
- French, held out: passages of the same kind from other pages, annotated the same way but
  never read while writing names or rules (`bench/data/french_heldout.yaml`).
- English, held out: SkillSpan's train sentences (tech and house, none of them in Decorte's
  validation split), annotated with skill and knowledge spans but no ESCO concept: how many
  sentences without any span get a prediction, and how many predictions fall inside a span.

Each is scored in two universes: within the taxonomy's links (gold and answers restricted to
the ESCO URIs some skill links to) and over all of ESCO's ICT skills. Three systems:
"taxonomy" maps the taxonomy skills found through their `esco` links (any relation);
"advisor" is the `esco` list of the extraction (ESCO names that pass the precision rules and
the concepts behind exactMatch/closeMatch links); "dictionary" matches every preferred and
alternative ESCO ICT label, case-insensitively at word boundaries, with no other rule.
Precision, recall and F1 are micro-averaged over texts.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path

import ahocorasick
import yaml
from shared_data import shared_data

from advisor.core.extraction import SkillMatcher, esco_index
from advisor.core.taxonomy import fold_text
from advisor.resources import esco_index_file, skills_data_dir
from advisor.taxonomy.loading import load_taxonomy

DATA = shared_data()
GOLD = DATA / "benchmarks" / "decorte_validation" / "validation_gold.jsonl"
VDAB = DATA / "benchmarks" / "vdab_fr" / "derived_ict_subset_fr.csv"
ESCO_ICT = DATA / "esco" / "esco_ict_skills_en_fr.csv"
SKILLSPAN = DATA / "benchmarks" / "skillspan"
FRENCH_DEV = Path(__file__).resolve().parent / "data" / "french_dev.yaml"
FRENCH_HELD_OUT = Path(__file__).resolve().parent / "data" / "french_heldout.yaml"

System = Callable[[str], set[str]]


def dictionary() -> System:
    """Every ESCO ICT label, folded, matched at word boundaries: the baseline."""
    names: dict[str, set[str]] = {}
    with ESCO_ICT.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            labels = " | ".join(
                row[k]
                for k in ("preferredLabel_en", "altLabels_en", "preferredLabel_fr", "altLabels_fr")
            )
            for label in labels.split(" | "):
                key = " ".join(fold_text(label).split())
                if len(key) >= 2:
                    names.setdefault(key, set()).add(row["conceptUri"])
    automaton = ahocorasick.Automaton()
    for key, uris in names.items():
        automaton.add_word(key, (len(key), frozenset(uris)))
    automaton.make_automaton()

    def run(text: str) -> set[str]:
        folded, found = fold_text(text), set()
        for end, (size, uris) in automaton.iter(folded):
            start = end - size + 1
            before = folded[start - 1] if start > 0 else " "
            after = folded[end + 1] if end + 1 < len(folded) else " "
            if not before.isalnum() and not after.isalnum():
                found |= uris
        return found

    return run


def score(texts: Iterable[tuple[str, set[str]]], system: System, universe: set[str] | None):
    tp = fp = fn = 0
    for text, gold in texts:
        found = system(text)
        if universe is not None:
            gold, found = gold & universe, found & universe
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, fp, fn


def skillspan_sentences(names: tuple[str, ...]) -> list[tuple[str, list[tuple[int, int]]]]:
    """SkillSpan sentences (tokens joined by spaces) with the character spans of their skill
    and knowledge annotations."""
    found = []
    for name in names:
        tokens: list[tuple[str, bool, bool]] = []
        lines = (SKILLSPAN / name).read_text(encoding="utf-8").splitlines() + [""]
        for line in lines:
            if line.strip() and not line.startswith("#"):
                token, skill, knowledge = (line.split("\t") + ["O", "O"])[:3]
                tokens.append((token, skill != "O", knowledge != "O"))
                continue
            if tokens:
                text, spans, position = "", [], 0
                for token, skill, knowledge in tokens:
                    start = position
                    text += token + " "
                    position += len(token) + 1
                    if skill or knowledge:
                        spans.append((start, start + len(token)))
                found.append((text.rstrip(), spans))
            tokens = []
    return found


def held_out(matcher: SkillMatcher, english: list[tuple[str, set[str]]]) -> None:
    """False alarms and predictions outside any annotated span on SkillSpan's train files."""
    seen = {t for t, _ in english}
    rows = [
        r
        for r in skillspan_sentences(("skillspan_tech_train.conll", "skillspan_house_train.conll"))
        if r[0] not in seen
    ]
    empty = [t for t, spans in rows if not spans]
    alarms = sum(bool(matcher.find_all(t)[1]) for t in empty)
    inside = total = 0
    for text, spans in rows:
        for mention in matcher.find_all(text)[1]:
            total += 1
            inside += any(a < mention.end and mention.start < b for a, b in spans)
    print(
        f"SkillSpan train (held out): ICT skill found in {alarms} of {len(empty)} sentences "
        f"without any skill or knowledge span ({alarms / len(empty):.1%}); "
        f"{inside} of {total} ESCO mentions inside an annotated span ({inside / total:.1%})"
    )


def french_passages(matcher: SkillMatcher, path: Path, name: str) -> None:
    """P/R/F1 on a French set of quoted passages, on taxonomy skill ids; and how many of its
    passages that name no skill get one."""
    passages = yaml.safe_load(path.read_text(encoding="utf-8"))["passages"]
    texts = [(p["text"], set(p["skills"])) for p in passages]
    p, r, f, tp, fp, fn = score(texts, lambda t: {m.skill for m in matcher.find(t)}, None)
    empty = [t for t, g in texts if not g]
    wrong = sum(bool(matcher.find(t)) for t in empty)
    print(
        f"| FR {name} ({len(texts)} passages) | taxonomy skills | advisor | {p:.3f} | {r:.3f} | "
        f"{f:.3f} | {tp} / {fp} / {fn} |"
    )
    print(f"FR {name}: a skill found in {wrong} of {len(empty)} passages that name none")


def main() -> None:
    taxonomy = load_taxonomy(skills_data_dir())
    index = esco_index(json.loads(esco_index_file().read_text(encoding="utf-8")), taxonomy)
    matcher = SkillMatcher(taxonomy, index)
    links = {s.id: s.esco.uri for s in taxonomy.skills.values() if s.esco}
    linked = set(links.values())

    def by_links(text: str) -> set[str]:
        return {links[m.skill] for m in matcher.find(text) if m.skill in links}

    def advisor(text: str) -> set[str]:
        return {m.skill for m in matcher.find_all(text)[1]}

    systems = {"taxonomy": by_links, "advisor": advisor, "dictionary": dictionary()}
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    english = [(r["sentence"], set(r["ict_gold_uris"])) for r in rows]
    with VDAB.open(encoding="utf-8") as handle:
        crosswalk = [
            (r["vdab_label_fr"], {r["esco_uri"]})
            for r in csv.DictReader(handle)
            if r["relation"] in ("skos:exactMatch", "skos:closeMatch")
        ]
    by_name: dict[str, set[str]] = {}
    for name, uris in crosswalk:
        by_name.setdefault(name, set()).update(uris)
    french = list(by_name.items())
    print(
        f"{len(linked)} ESCO URIs linked by {len(links)} skills; {len(index.concepts)} in the index"
    )
    print(f"EN: {len(english)} Decorte validation sentences; FR: {len(french)} VDAB names")
    print("| data | universe | system | precision | recall | F1 | tp / fp / fn |")
    print("|---|---|---|---|---|---|---|")
    p, r, f, tp, fp, fn = score(crosswalk, advisor, linked)
    print(
        f"FR VDAB per row ({len(crosswalk)} rows), taxonomy links, advisor: "
        f"F1 {f:.3f} ({tp} / {fp} / {fn})"
    )
    for data, texts in (("EN Decorte (dev)", english), ("FR VDAB (check)", french)):
        for universe_name, universe in (("taxonomy links", linked), ("all ICT", None)):
            for name, system in systems.items():
                if name == "taxonomy" and universe is None:
                    continue
                p, r, f, tp, fp, fn = score(texts, system, universe)
                print(
                    f"| {data} | {universe_name} | {name} | {p:.3f} | {r:.3f} | {f:.3f} | "
                    f"{tp} / {fp} / {fn} |"
                )
    french_passages(matcher, FRENCH_DEV, "dev set")
    french_passages(matcher, FRENCH_HELD_OUT, "held-out set")
    empty = [(t, g) for t, g in english if not g]
    for name, system in systems.items():
        wrong = sum(bool(system(t)) for t, _ in empty)
        print(f"{name}: ICT skill found in {wrong} of {len(empty)} EN sentences without ICT gold")
    held_out(matcher, english)


if __name__ == "__main__":
    main()
