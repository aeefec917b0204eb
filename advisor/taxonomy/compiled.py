"""The compiled taxonomy: a folder's checked and built values, kept in a cache file keyed by the
hash of the files' content, so commands and workers skip parsing and checking the YAML.

The cache is safe to delete and rebuilt on any change: a different file, a different advisor
version or Python version gives a different key, and a file that cannot be read back is simply
built again. It lives in ADVISOR_CACHE_DIR, else $XDG_CACHE_HOME/advisor, else ~/.cache/advisor;
where that cannot be written, the taxonomy is built each time as before.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from advisor import __version__
from advisor.core.taxonomy import Taxonomy

# Raised whenever the shape of the pickled values changes.
FORMAT = "5"


def cache_dir() -> Path:
    """Where compiled taxonomies are kept."""
    configured = os.environ.get("ADVISOR_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "advisor"


def content_key(directory: Path) -> str:
    """A hash of every YAML file's path and bytes, and of what reads them."""
    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    for path in sorted(directory.rglob("*.yaml")):
        digest.update(str(path.relative_to(directory)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def load_compiled(directory: Path, build: Callable[[Path], Taxonomy]) -> Taxonomy:
    """The taxonomy of `directory` from the cache, or built by `build` and then cached."""
    cached = cache_dir() / f"taxonomy-{content_key(directory)}.pickle"
    try:
        with cached.open("rb") as stream:
            taxonomy = pickle.load(stream)
        if isinstance(taxonomy, Taxonomy):
            return taxonomy
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass  # missing, unreadable or from another code version: build it again
    taxonomy = build(directory)
    _write(cached, taxonomy)
    return taxonomy


def _write(target: Path, taxonomy: Taxonomy) -> None:
    # Written to a temporary file then renamed, so a reader never sees half a file.
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, delete=False) as stream:
            pickle.dump(taxonomy, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(stream.name, target)
    except OSError:
        pass  # a read-only home or cache: the taxonomy is still usable, just not kept
