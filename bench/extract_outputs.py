"""Every output of `SkillMatcher.find_all` over a fixed set of texts, to show that a change of
the matcher's speed changes none of its answers.

Run with `.venv/bin/python bench/extract_outputs.py OUT.jsonl` in the tree to measure, and again
with another tree's package first on the path (`PYTHONPATH=/path/to/other/tree`), then compare the
two files (`cmp`, or `--compare A B` for the first differences). The texts: the SkillSpan
documents of `bench/extract.py` and their sentences, Decorte's validation sentences, VDAB's
French names, the French development set, every string written in the tests, and seeded random
texts made of the taxonomy's names and ESCO's in both cases, with brackets, acronyms, French
articles and elisions, adjectives, accents, hyphens, odd spaces and punctuation. Each text is
read as "auto", "en" and "fr", in the same order in every run (the matcher's caches fill alike).
"""

from __future__ import annotations

import ast
import csv
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml
from corpus_text import documents, sentences
from shared_data import shared_data

import advisor
from advisor.core.extraction import SkillMatcher, esco_index
from advisor.resources import esco_index_file, skills_data_dir
from advisor.taxonomy.loading import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
DATA = shared_data()
RANDOM_TEXTS = 20_000
FILLERS = (
    "the and of de la des l' d' le les du au équipe team developers engineers meetings "
    "business commerciale of candidates modern moderne hybride robustes scalable Server Studio "
    "cost gradient linear animals health word cloud des APIs a an in sur pour avec"
).split()
PUNCTUATION = list(",.;:!?()[]/-–—_'’\"«»…•&+#@%€$*") + [" ", "  ", "\t", "\n", " ( ", ") "]


def test_strings() -> Iterator[str]:
    """Every string constant of three characters or more in the test files."""
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if len(node.value) >= 3:
                    yield node.value


def data_texts() -> Iterator[str]:
    gold = DATA / "benchmarks" / "decorte_validation" / "validation_gold.jsonl"
    for line in gold.read_text(encoding="utf-8").splitlines():
        yield json.loads(line)["sentence"]
    vdab = DATA / "benchmarks" / "vdab_fr" / "derived_ict_subset_fr.csv"
    with vdab.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield row["vdab_label_fr"]
    french = yaml.safe_load((ROOT / "bench" / "data" / "french_dev.yaml").read_text("utf-8"))
    for passage in french["passages"]:
        yield passage["text"]


def _variant(name: str, draw: random.Random) -> str:
    choice = draw.random()
    if choice < 0.15:
        return name.lower()
    if choice < 0.25:
        return name.upper()
    if choice < 0.35:
        return name + "s"
    if choice < 0.42:
        return name.title()
    if choice < 0.5:
        return name.replace(" ", draw.choice(["-", "  ", "/", "_", " "]))
    return name


def random_texts(names: list[str], count: int) -> Iterator[str]:
    """Seeded texts of names, small words and punctuation: the same in every run."""
    draw = random.Random(20_260_522)
    for _ in range(count):
        parts: list[str] = []
        for _ in range(draw.randint(1, 40)):
            roll = draw.random()
            if roll < 0.4:
                parts.append(_variant(draw.choice(names), draw))
            elif roll < 0.7:
                parts.append(draw.choice(FILLERS))
            elif roll < 0.8:
                acronym = draw.choice(names)
                parts.append(f"{acronym} ({''.join(w[:1].upper() for w in acronym.split())})")
            else:
                parts.append(draw.choice(PUNCTUATION))
        glue = draw.choice([" ", " ", " ", "", ", "])
        yield glue.join(parts)


def texts(names: list[str]) -> Iterator[str]:
    yield from dict.fromkeys(documents(20 * 1024 * 1024))  # each document of the corpus once
    yield from sentences()
    yield from data_texts()
    yield from test_strings()
    yield from random_texts(names, RANDOM_TEXTS)


def main(out: str) -> None:
    taxonomy = load_taxonomy(skills_data_dir())
    index = esco_index(json.loads(esco_index_file().read_text(encoding="utf-8")), taxonomy)
    matcher = SkillMatcher(taxonomy, index)
    own = {n for s in taxonomy.skills.values() for n in s.all_aliases()}
    names = sorted(own | {n for c in index.concepts.values() for n in c.names})
    print(f"advisor from {Path(advisor.__file__).parent}", file=sys.stderr)
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for text in texts(names):
            for language in ("auto", "en", "fr"):
                found, concepts = matcher.find_all(text, language)
                row = [[list(m) for m in found], [list(m) for m in concepts]]
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    print(f"{count} outputs written to {out}", file=sys.stderr)


def compare(first: str, second: str) -> None:
    """Report how many outputs differ, and the first few."""
    with open(first, encoding="utf-8") as a, open(second, encoding="utf-8") as b:
        rows = list(zip(a, b, strict=True))
    different = [(n, x, y) for n, (x, y) in enumerate(rows) if x != y]
    for number, old, new in different[:5]:
        print(f"output {number}:\n  {old.strip()}\n  {new.strip()}")
    mentions = sum(len(r[0]) + len(r[1]) for x, _ in rows for r in [json.loads(x)])
    print(f"{len(rows)} outputs ({mentions} mentions), {len(different)} different")
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--compare"]:
        compare(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1])
