"""Extraction throughput against the floor of any dictionary matcher.

Run with `.venv/bin/python bench/extract.py`. Over the SkillSpan job-ad sentences repeated to
at least 20 MB, in one process: advisor's matcher (folding, boundaries, acronym case, context,
the precision rules, overlap resolution, ESCO's ICT names beside the taxonomy's) against a bare
pyahocorasick pass of the same lower-cased names (taxonomy and ESCO) over the same lower-cased
text. The matcher is what Python imports: compiled with mypyc after `make setup`, its sources
otherwise (the first lines say which). Each round times both, interleaved, in CPU time (this
machine is shared: wall time swings with other loads); the ratio is the median of the rounds'
ratios. Goal: ratio ≥ 0.3.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

import ahocorasick
from corpus_text import documents

from advisor.core.extraction import SkillMatcher, esco_index
from advisor.resources import esco_index_file, skills_data_dir
from advisor.taxonomy.loading import load_taxonomy

MIN_BYTES = 20 * 1024 * 1024
ROUNDS = 5


def bare_automaton(names: list[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name.lower(), name)
    automaton.make_automaton()
    return automaton


def timed(function, docs: list[str]) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    started = time.process_time()
    hits = sum(function(doc) for doc in docs)
    return time.process_time() - started, hits


def compare(label: str, matcher: SkillMatcher, names: list[str], docs: list[str]) -> None:
    """Time the matcher and the bare automaton over the same names, round by round."""
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    bare = bare_automaton(names)
    ours, floor = [], []
    for _ in range(ROUNDS):
        seconds, found = timed(lambda d: sum(map(len, matcher.find_all(d))), docs)
        ours.append(seconds)
        seconds, raw = timed(lambda d: sum(1 for _ in bare.iter(d.lower())), docs)
        floor.append(seconds)
    ours_s, floor_s = statistics.median(ours), statistics.median(floor)
    ratio = statistics.median(f / o for f, o in zip(floor, ours, strict=True))
    print(f"{label}: {len(names)} names")
    print(f"  advisor matcher : {megabytes / ours_s:7.1f} MB/s  ({found} mentions)")
    print(f"  bare automaton  : {megabytes / floor_s:7.1f} MB/s  ({raw} raw hits)")
    print(f"  ratio           : {ratio:7.2f} of the bare pass (median of {ROUNDS} rounds)")


def main() -> None:
    taxonomy = load_taxonomy(skills_data_dir())
    index = esco_index(json.loads(esco_index_file().read_text(encoding="utf-8")), taxonomy)
    own = {n for s in taxonomy.skills.values() for n in s.all_aliases()}
    docs = documents(MIN_BYTES)
    megabytes = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    print(f"corpus: {megabytes:.1f} MB in {len(docs)} documents")
    module = sys.modules[SkillMatcher.__module__].__file__ or ""
    built = "compiled with mypyc" if module.endswith(".so") else "its Python sources"
    print(f"matcher: {built} ({module})")
    names = sorted(own | {n for c in index.concepts.values() for n in c.names})
    compare("taxonomy and ESCO (what advisor runs)", SkillMatcher(taxonomy, index), names, docs)
    compare("taxonomy only", SkillMatcher(taxonomy), sorted(own), docs)


if __name__ == "__main__":
    main()
