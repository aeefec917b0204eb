"""Extraction compiled with mypyc (`scripts/compile_extraction.py`, run by `make setup`) gives
the answers of its sources: the same texts are read in this process, where Python imports the
compiled modules, and in another that is made to import the sources beside them."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from advisor.core.extraction import SkillMatcher, esco_index, matcher
from advisor.resources import esco_index_file, skills_data_dir
from advisor.taxonomy.loading import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
# Run in the other process: a finder placed before Python's own, which gives extraction's
# modules their source file, so that the extension modules beside them are never loaded.
FROM_SOURCES = """
import importlib.util, json, os, sys

class Sources:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if not name.startswith("advisor.core.extraction.") or not path:
            return None
        for folder in path:
            source = os.path.join(folder, name.rpartition(".")[2] + ".py")
            if os.path.exists(source):
                return importlib.util.spec_from_file_location(name, source)
        return None

sys.meta_path.insert(0, Sources)
from advisor.core.extraction import matcher
assert matcher.__file__.endswith(".py"), matcher.__file__
from tests.test_compiled_extraction import answers
print(json.dumps(answers(json.load(sys.stdin))))
"""
# Put around the names, to give the rules their cases: brackets, French articles and
# elisions, people and teams after a name, capitals, slashes, an adjective inside a term.
FRAMES = (
    "Experience with {} and {} required.",
    "Vous maîtrisez {} ainsi que l'{} au quotidien.",
    "Our {} team ({}) is hiring developers.",
    "{} / {} engineers, moderne {} robuste.",
    "LA MISE EN PLACE DE {} ET DES {}",
    "the {}s of our {} platform, e.g. {} (see below).",
)


def texts() -> list[str]:
    """The French passages of `bench/data/`, and the taxonomy's names in frames, seeded."""
    found = []
    for name in ("french_dev.yaml", "french_heldout.yaml"):
        data = yaml.safe_load((ROOT / "bench" / "data" / name).read_text("utf-8"))
        found += [p["text"] for p in data["passages"]]
    taxonomy = load_taxonomy(skills_data_dir())
    names = sorted(
        {n for s in taxonomy.skills.values() for n in (*s.all_aliases(), *s.context_aliases)}
    )
    chosen = random.Random(20261207)
    for _ in range(1500):
        frame = chosen.choice(FRAMES)
        found.append(frame.format(*chosen.sample(names, frame.count("{}"))))
    return found


def answers(batch: list[str]) -> list[Any]:
    """Every mention the shipped matcher finds in each text, read as each language."""
    taxonomy = load_taxonomy(skills_data_dir())
    index = esco_index(json.loads(esco_index_file().read_text(encoding="utf-8")), taxonomy)
    finder = SkillMatcher(taxonomy, index)
    return [
        [list(map(list, found)) for found in finder.find_all(text, language)]
        for text in batch
        for language in ("auto", "en", "fr")
    ]


def test_compiled_extraction_answers_as_its_sources() -> None:
    # The README's commands always compile: a build that failed or was removed must show.
    assert matcher.__file__ and matcher.__file__.endswith(".so"), (
        "extraction is not compiled: run `make setup`"
    )
    batch = texts()
    run = subprocess.run(
        [sys.executable, "-c", FROM_SOURCES],
        input=json.dumps(batch),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    from_sources = json.loads(run.stdout)
    compiled = json.loads(json.dumps(answers(batch)))
    assert len(compiled) == 3 * len(batch)
    differing = [i for i, (a, b) in enumerate(zip(compiled, from_sources, strict=True)) if a != b]
    assert not differing, [batch[i // 3] for i in differing[:5]]
    assert sum(bool(found) for found, _ in compiled) > len(compiled) // 2
