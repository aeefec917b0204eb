"""Where the team's reference data is: `shared/data` beside the repository, or beside one of
its parent folders (a work tree such as `wt/<name>/` sits one level deeper than the main one)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_data() -> Path:
    """`$SHARED_DATA` when set, else the first `shared/data` folder found beside the repository
    or one of its parents."""
    if os.environ.get("SHARED_DATA"):
        return Path(os.environ["SHARED_DATA"])
    for folder in ROOT.parents:
        candidate = folder / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "data"
