"""Where advisor's bundled files are: `templates/`, `skills_data/` and the ESCO index.

In an installed wheel they sit inside the package (hatchling's `force-include` puts them there);
in a source checkout they sit beside the package, at the top of the repository. This module is
the only place that knows both layouts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


class ResourceNotFound(RuntimeError):
    """A bundled folder is missing from both the installed and the checkout layout."""


def _candidates(name: str) -> Iterator[Path]:
    # Installed wheel first: a checkout that also has a wheel-style copy should use the copy
    # the package was built with.
    yield PACKAGE_DIR / name
    checkout_root = PACKAGE_DIR.parent
    if (checkout_root / "pyproject.toml").is_file():
        yield checkout_root / name


def find_bundled(name: str) -> Path:
    """The folder `name` ("templates" or "skills_data") in whichever layout this install has."""
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(c) for c in _candidates(name))
    raise ResourceNotFound(f"advisor cannot find its {name}/ folder (looked in {searched})")


def templates_dir() -> Path:
    """The Jinja templates of the web app and of the Markdown plan export."""
    return find_bundled("templates")


def esco_index_file() -> Path:
    """ESCO's ICT skills as the extractor matches them (built by scripts/build_esco_index.py)."""
    return PACKAGE_DIR / "data" / "esco_ict.json"


def skills_data_dir() -> Path:
    """The bundled skills taxonomy (YAML files edited by curators)."""
    return find_bundled("skills_data")


def relatedness_file() -> Path:
    """Which skills are related, fitted by scripts/fit_relatedness.py and shipped with the code."""
    return PACKAGE_DIR / "core" / "data" / "relatedness.json"
