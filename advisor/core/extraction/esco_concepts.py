"""ESCO's ICT skills as values: each concept's URI, preferred labels and the names to match.

The index is built offline from ESCO by `scripts/build_esco_index.py` (only the names that pass
its precision rules are kept) and handed in by the shell as plain data; nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from advisor.core.taxonomy import Taxonomy, Text

# Links precise enough to say that a mention of the skill is a mention of the ESCO concept.
PRECISE_RELATIONS = ("exactMatch", "closeMatch")


@dataclass(frozen=True)
class EscoConcept:
    uri: str
    label: Text
    names: tuple[str, ...]
    exact_case: frozenset[str]


@dataclass(frozen=True)
class EscoIndex:
    """ESCO concepts by URI; `linked` maps each taxonomy skill to the concept it matches."""

    concepts: Mapping[str, EscoConcept]
    linked: Mapping[str, str]
    linked_uris: frozenset[str] = frozenset()

    def label(self, uri: str, language: str) -> str:
        concept = self.concepts.get(uri)
        return concept.label.in_(language) if concept else uri

    def outside(self, uri: str) -> bool:
        """Whether no skill of the taxonomy links precisely to this concept."""
        return uri not in self.linked_uris


def esco_index(data: Mapping[str, Any], taxonomy: Taxonomy) -> EscoIndex:
    """The index from the JSON document of `scripts/build_esco_index.py` and a taxonomy."""
    prefix = str(data.get("uri_prefix", ""))
    concepts = {}
    for row in data.get("concepts", ()):
        uri = prefix + str(row["id"])
        concepts[uri] = EscoConcept(
            uri,
            Text(str(row["en"]), str(row["fr"])),
            tuple(str(n) for n in row["names"]),
            frozenset(str(n) for n in row.get("exact", ())),
        )
    linked = {
        skill.id: skill.esco.uri
        for skill in taxonomy.skills.values()
        if skill.esco and skill.esco.relation in PRECISE_RELATIONS
    }
    for skill_id, uri in linked.items():
        if uri not in concepts:
            label = taxonomy.skills[skill_id].esco
            name = label.label if label and label.label else uri
            concepts[uri] = EscoConcept(uri, Text(name, name), (), frozenset())
    return EscoIndex(concepts, linked, frozenset(linked.values()))


def transversal_skills(taxonomy: Taxonomy, index: EscoIndex) -> frozenset[str]:
    """The skills the taxonomy links (by any relation) to an ESCO concept outside the ICT
    skills: change management, stakeholder communication, project management, the AI Act's
    compliance. They are skills, but no sign that a text is about computer systems. Empty
    without an index, which is what tells ICT apart."""
    ict = {uri for uri, concept in index.concepts.items() if concept.names}
    if not ict:
        return frozenset()
    return frozenset(
        skill.id for skill in taxonomy.skills.values() if skill.esco and skill.esco.uri not in ict
    )


def empty_index() -> EscoIndex:
    return EscoIndex({}, {})
