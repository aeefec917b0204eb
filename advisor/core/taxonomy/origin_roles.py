"""Where a person comes from: their current role, as they typed it, read as an origin role.

Each origin role's labels and aliases (EN and FR) are reduced to concepts (`job_titles`); a
typed role is reduced the same way and compared with every name by the concepts they share,
each weighted by how few origin roles use it ("linux" tells more than "engineer"): the
harmonic mean of the share of the name that was typed (recall) and the share of what was
typed that the name explains (precision). Recall lets extra words pass only when they name
no role; precision keeps "Windows sysadmin" from reading as the Linux "sysadmin". A role is
recognised when its best name scores at least `THRESHOLD` and clearly ahead of every other
role (`MARGIN`); the threshold is chosen on the list of typed roles in
`tests/core/taxonomy/typed_roles.tsv`.

The typical levels only prefill the self-assessment form, which the person confirms or changes;
a plan applies them only when asked to (`"prefill": "typical"`), and says so.
"""

from __future__ import annotations

import math
import threading
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from advisor.core.taxonomy.job_titles import Vocabulary
from advisor.core.taxonomy.values import OriginRole, Taxonomy

# Chosen on the test list (bench/role_matching.py sweeps it): halfway between the best score
# of a string that must match nothing (0.70, "Data scientist") and the lowest score of a role
# that must be recognised (0.78, "helpdesk").
THRESHOLD = 0.74
# The best role must lead the next one by this much, or the title is ambiguous
# (« ingénieur système » is as much Linux as Windows).
MARGIN = 0.1
# Roles scoring this much are offered first when nothing was recognised.
CANDIDATE_FLOOR = 0.4


@dataclass(frozen=True)
class RoleReading:
    """What a typed current role was read as: the origin role (None below the threshold or
    when two roles tie), its score, the name it matched best, and the closest roles."""

    typed: str
    origin: OriginRole | None
    score: float = 0.0
    name: str = ""
    candidates: tuple[OriginRole, ...] = field(default_factory=tuple)
    # The score of the second-best role (how clearly the best one leads).
    runner_up: float = 0.0

    @property
    def recognised(self) -> bool:
        return self.origin is not None


@dataclass(frozen=True)
class _Name:
    role: OriginRole
    text: str
    concepts: frozenset[str]
    weight: float
    # Every concept of the role's names: a typed word another name of the role explains
    # ("network engineer (Cisco)", "Cisco engineer") is no sign of another role.
    role_concepts: frozenset[str]


class OriginRoleIndex:
    """Origin roles' names as weighted concepts, fitted once from the taxonomy's values."""

    def __init__(self, origin_roles: Iterable[OriginRole]) -> None:
        roles = list(origin_roles)
        self.by_id = {role.id: role for role in roles}
        self.vocabulary = Vocabulary(name for role in roles for name in role.names())
        concepts = {
            role.id: {name: self.vocabulary.concepts(name) for name in role.names()}
            for role in roles
        }
        spread: dict[str, int] = {}
        for names in concepts.values():
            for concept in {c for found in names.values() for c in found}:
                spread[concept] = spread.get(concept, 0) + 1
        count = max(len(roles), 1)
        self.weights = {c: math.log(1 + count / n) for c, n in spread.items()}
        # Words that name nothing still say something the role's names do not: together they
        # count as much as the least telling concept ("engineer"), so "Data scientist" is not
        # read as a data analyst on the strength of "data" alone, while an employer and a city
        # after a full title ("sysadmin Linux chez OVH à Roubaix") cost no more than one word.
        self.unknown_weight = min(self.weights.values(), default=0.0)
        whole = {
            role_id: frozenset(c for found in names.values() for c in found)
            for role_id, names in concepts.items()
        }
        self.names = [
            _Name(role, text, frozenset(found), self._weight(found), whole[role.id])
            for role in roles
            for text, found in concepts[role.id].items()
            if found
        ]

    def _weight(self, concepts: Iterable[str]) -> float:
        return sum(self.weights.get(c, 0.0) for c in set(concepts))

    def read(self, typed: str) -> RoleReading:
        """`typed` read as an origin role, or not recognised (with the closest roles)."""
        text = typed.strip()
        if text in self.by_id:
            return RoleReading(typed, self.by_id[text], 1.0, text, (self.by_id[text],))
        words = self.vocabulary.read(text)
        wanted = frozenset(c for c in words.concepts if c in self.weights)
        if not wanted:
            return RoleReading(typed, None)
        unknown = bool(words.unknown) or bool(set(words.concepts) - wanted)
        best = self._best_by_role(wanted, self.unknown_weight if unknown else 0.0)
        ranked = sorted(best.values(), key=lambda found: -found[0])
        candidates = tuple(n.role for s, n in ranked[:3] if s >= CANDIDATE_FLOOR)
        score, name = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
        if score < THRESHOLD or score - runner_up < MARGIN:
            return RoleReading(typed, None, score, "", candidates, runner_up)
        return RoleReading(typed, name.role, score, name.text, candidates, runner_up)

    def _best_by_role(
        self, wanted: frozenset[str], unexplained: float = 0.0
    ) -> dict[str, tuple[float, _Name]]:
        typed_weight = self._weight(wanted) + unexplained
        best: dict[str, tuple[float, _Name]] = {}
        for name in self.names:
            shared = self._weight(name.concepts & wanted)
            if not shared:
                continue
            recall = shared / name.weight
            precision = self._weight(name.role_concepts & wanted) / typed_weight
            score = 2 * recall * precision / (recall + precision)
            if score > best.get(name.role.id, (0.0,))[0]:
                best[name.role.id] = (score, name)
        return best


_INDEXES: dict[int, tuple[weakref.ref[Taxonomy], OriginRoleIndex]] = {}
_LOCK = threading.Lock()


def origin_role_index(taxonomy: Taxonomy) -> OriginRoleIndex:
    """The index of `taxonomy`'s origin roles, fitted at its first use and kept while the
    taxonomy lives (a taxonomy never changes)."""
    with _LOCK:
        kept = _INDEXES.get(id(taxonomy))
        if kept is not None and kept[0]() is taxonomy:
            return kept[1]
        index = OriginRoleIndex(taxonomy.origin_roles.values())
        key = id(taxonomy)
        _INDEXES[key] = (weakref.ref(taxonomy, lambda _: _INDEXES.pop(key, None)), index)
        return index


def read_current_role(taxonomy: Taxonomy, current_role: str) -> RoleReading:
    """What `current_role`, as the person typed it, was read as (see the module's note)."""
    return origin_role_index(taxonomy).read(current_role)


def match_origin_role(taxonomy: Taxonomy, current_role: str) -> OriginRole | None:
    """The origin role `current_role` names: its id, or a title read as one of its labels or
    aliases in EN or FR; None when none is recognised."""
    return read_current_role(taxonomy, current_role).origin


def typical_levels(taxonomy: Taxonomy, current_role: str) -> dict[str, int]:
    """The levels typical of `current_role`'s origin role, to prefill the form; {} if none."""
    origin = match_origin_role(taxonomy, current_role)
    return dict(origin.typical) if origin else {}


def assumed_levels(origin: OriginRole | None, rated: Mapping[str, int]) -> dict[str, int]:
    """The typical levels of `origin` for the skills the person did not rate."""
    if origin is None:
        return {}
    return {skill: level for skill, level in origin.typical.items() if skill not in rated}
