"""The measurement behind the choice of matching engine (docs/extraction.md).

Run with `.venv/bin/python bench/extract_engines.py`. Same folded text (SkillSpan sentences
repeated to 20 MB) and the same folded names for each engine; each engine only finds the raw
candidate matches at word boundaries, the part where engines differ.
"""

from __future__ import annotations

import re
import time

import ahocorasick
from corpus_text import documents

from advisor.core.taxonomy import fold_text
from advisor.resources import skills_data_dir
from advisor.taxonomy.loading import load_taxonomy

MIN_BYTES = 20 * 1024 * 1024


def main() -> None:
    taxonomy = load_taxonomy(skills_data_dir())
    names = sorted(
        {" ".join(fold_text(n).split()) for s in taxonomy.skills.values() for n in s.all_aliases()},
        key=len,
        reverse=True,
    )
    text = "\n".join(fold_text(d) for d in documents(MIN_BYTES))
    megabytes = len(text.encode()) / 1e6

    started = time.perf_counter()
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?:es|s|x)?(?!\w)")
    compiled = time.perf_counter() - started
    started = time.perf_counter()
    regex_hits = sum(1 for _ in pattern.finditer(text))
    regex_s = time.perf_counter() - started

    started = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, name)
    automaton.make_automaton()
    built = time.perf_counter() - started
    started = time.perf_counter()
    aho_hits = 0
    for end, name in automaton.iter(text):
        start = end - len(name) + 1
        if (start == 0 or not text[start - 1].isalnum()) and (
            end + 1 >= len(text) or not text[end + 1].isalnum() or text[end + 1] in "sx"
        ):
            aho_hits += 1
    aho_s = time.perf_counter() - started

    print(f"{len(names)} names, {megabytes:.1f} MB of folded text")
    print("| engine | build | MB/s | candidates |")
    print("|---|---|---|---|")
    print(
        f"| compiled regular expression (one alternation) | {compiled * 1000:.0f} ms | "
        f"{megabytes / regex_s:.1f} | {regex_hits} |"
    )
    print(
        f"| Aho-Corasick automaton (pyahocorasick) + boundary checks | {built * 1000:.0f} ms | "
        f"{megabytes / aho_s:.1f} | {aho_hits} |"
    )


if __name__ == "__main__":
    main()
