"""How well typed current roles are read as origin roles, at every threshold.

Run with `.venv/bin/python bench/role_matching.py`. Reads the test list
`tests/core/taxonomy/typed_roles.tsv` (typed role, expected origin role or "-"), reads each
entry with the shipped taxonomy's index, and prints, for thresholds from 0.50 to 0.95, how many
are right, how many are missed (a role left unrecognised) and how many are wrong (read as
another role, or a string that must match nothing read as a role). The chosen threshold
(`THRESHOLD` in advisor/core/taxonomy/origin_roles.py) must give no wrong reading; the list
then says which entries score closest to it on either side.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.core.taxonomy.origin_roles import (  # noqa: E402
    MARGIN,
    THRESHOLD,
    OriginRoleIndex,
    RoleReading,
)
from advisor.resources import skills_data_dir  # noqa: E402
from advisor.taxonomy.loading import load_taxonomy  # noqa: E402
from tests.core.taxonomy.typed_roles import TypedRole, typed_roles  # noqa: E402


def at_threshold(reading: RoleReading, threshold: float) -> str:
    """The role `reading` names at `threshold` (its score is kept whatever it was read at)."""
    leader = reading.candidates[0].id if reading.candidates else "-"
    runner_up = reading.runner_up
    if reading.score < threshold or reading.score - runner_up < MARGIN:
        return "-"
    return leader


def main() -> None:
    taxonomy = load_taxonomy(skills_data_dir())
    index = OriginRoleIndex(taxonomy.origin_roles.values())
    entries: list[tuple[TypedRole, RoleReading]] = [
        (entry, index.read(entry.typed)) for entry in typed_roles()
    ]
    print(f"{len(entries)} typed roles, margin {MARGIN}, chosen threshold {THRESHOLD}")
    print("threshold  right  missed  wrong")
    for step in range(50, 100, 2):
        threshold = step / 100
        got = [(e, at_threshold(r, threshold)) for e, r in entries]
        right = sum(e.expected == g for e, g in got)
        missed = sum(e.expected != "-" and g == "-" for e, g in got)
        wrong = sum(g not in ("-", e.expected) for e, g in got)
        mark = " <- chosen" if abs(threshold - THRESHOLD) < 0.01 else ""
        print(f"  {threshold:.2f}    {right / len(got):6.1%}  {missed:4}  {wrong:5}{mark}")
    nothing = [(r.score, e.typed) for e, r in entries if e.expected == "-"]
    roles = [(r.score, e.typed) for e, r in entries if e.expected != "-"]
    print("must match nothing, highest scores:", sorted(nothing, reverse=True)[:4])
    print("must be recognised, lowest scores:", sorted(roles)[:4])


if __name__ == "__main__":
    main()
