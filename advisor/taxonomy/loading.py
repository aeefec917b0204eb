"""Loading a taxonomy folder: from the compiled cache when its files are unchanged, so a
command or a worker neither parses the YAML nor imports what parses and checks it."""

from __future__ import annotations

import functools
from pathlib import Path

from advisor.core.taxonomy import Taxonomy
from advisor.taxonomy.compiled import load_compiled


def load_taxonomy(directory: Path) -> Taxonomy:
    """The taxonomy in `directory`, read once per content; raises `TaxonomyError` if unsound."""
    fingerprint = tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(directory.rglob("*.yaml"))
    )
    return _load_cached(str(directory), fingerprint)


@functools.lru_cache(maxsize=4)
def _load_cached(directory: str, _fingerprint: tuple[tuple[str, int, int], ...]) -> Taxonomy:
    return load_compiled(Path(directory), _parse_and_build)


def _parse_and_build(directory: Path) -> Taxonomy:
    from advisor.taxonomy.files import parse_and_build

    return parse_and_build(directory)
