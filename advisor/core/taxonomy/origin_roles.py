"""Where a person comes from: their current role matched to an origin role, and its typical levels.

The typical levels only prefill the self-assessment form, which the person confirms or changes;
a plan never applies them silently.
"""

from __future__ import annotations

import re

from advisor.core.taxonomy.folding import fold
from advisor.core.taxonomy.values import OriginRole, Taxonomy

# Punctuation that separates words in what people type ("Admin sys (Linux), banque").
SEPARATORS = re.compile(r"[,;:()/!?\[\]«»\"]+")


def match_origin_role(taxonomy: Taxonomy, current_role: str) -> OriginRole | None:
    """The origin role that `current_role` names: its id, a label or an alias in EN or FR.

    Free text may say more than the name ("Senior Linux administrator at a bank"): then the
    longest name found inside it wins, whole words only; ties go to the first role listed.
    """
    text = _words(current_role)
    if not text:
        return None
    if current_role.strip() in taxonomy.origin_roles:
        return taxonomy.origin_roles[current_role.strip()]
    best: tuple[int, OriginRole] | None = None
    padded = f" {text} "
    for origin in taxonomy.origin_roles.values():
        for name in origin.names():
            folded = _words(name)
            if folded and f" {folded} " in padded and (best is None or len(folded) > best[0]):
                best = (len(folded), origin)
    return best[1] if best else None


def typical_levels(taxonomy: Taxonomy, current_role: str) -> dict[str, int]:
    """The levels typical of `current_role`'s origin role, to prefill the form; {} if none."""
    origin = match_origin_role(taxonomy, current_role)
    return dict(origin.typical) if origin else {}


def _words(text: str) -> str:
    return " ".join(SEPARATORS.sub(" ", fold(text)).split())
