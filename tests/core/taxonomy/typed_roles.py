"""The list of current roles as people type them (`typed_roles.tsv`), read once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

LIST = Path(__file__).with_name("typed_roles.tsv")


@dataclass(frozen=True)
class TypedRole:
    typed: str
    expected: str  # an origin role's id, or "-" for a string that must match nothing
    variant: str
    line: int


def typed_roles() -> list[TypedRole]:
    entries = []
    for number, line in enumerate(LIST.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            typed, expected, variant = line.split("\t")
            entries.append(TypedRole(typed, expected, variant, number))
    return entries
