"""Checks of the taxonomy's writing: French typography, labels pasted into level descriptions,
and level descriptions that are one shared sentence with a different name in each skill."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from advisor.core.taxonomy import (
    OriginRole,
    OriginRoleIndex,
    accuracy_as_precision,
    french_faults,
    pasted_label,
    without_label,
)
from advisor.taxonomy.lines import Problem, line_of
from advisor.taxonomy.schema import ParsedFolder, SkillModel, TextModel


def check_writing(parsed: ParsedFolder) -> Iterator[Problem]:
    """Every writing fault of the folder, located at its file, line and field."""
    seen: dict[tuple[int, str, str], str] = {}
    for name, model, document in parsed.skill_files:
        for index, skill in enumerate(model.skills):
            yield from _skill_writing(name, document, index, skill, seen)
    yield from _other_files(parsed)


def _skill_writing(
    name: str,
    document: Any,
    index: int,
    skill: SkillModel,
    seen: dict[tuple[int, str, str], str],
) -> Iterator[Problem]:
    def problem(path: tuple[Any, ...], message: str) -> Problem:
        field = f"{skill.id}: {'.'.join(str(p) for p in path)}"
        return Problem(name, line_of(document, ("skills", index, *path)), field, message)

    for field, text in (("label", skill.label.fr), ("description", skill.description.fr)):
        for fault in french_faults(text):
            yield problem((field, "fr"), fault)
    for fault in accuracy_as_precision(skill.description.en, skill.description.fr):
        yield problem(("description", "fr"), fault)
    labels = (skill.label.en, skill.label.fr, *skill.aliases.en, *skill.aliases.fr)
    for level, anchor in skill.anchors.by_level().items():
        for lang in ("en", "fr"):
            text, path = getattr(anchor, lang), ("anchors", str(level), lang)
            if lang == "fr":
                for fault in french_faults(text) + accuracy_as_precision(anchor.en, text):
                    yield problem(path, fault)
            own_label = getattr(skill.label, lang)
            if pasted_label(text, own_label):
                yield problem(path, f"the label {own_label!r} is pasted in with its capital")
            key = (level, lang, without_label(text, labels))
            if key in seen and seen[key] != skill.id:
                yield problem(path, f"the same sentence as {seen[key]}'s, with the name changed")
            seen.setdefault(key, skill.id)


def _other_files(parsed: ParsedFolder) -> Iterator[Problem]:
    """French faults in the descriptions of roles, domains, levels and sources."""
    texts: list[tuple[str, Any, tuple[Any, ...], TextModel]] = []
    if parsed.roles:
        model, document = parsed.roles
        for i, role in enumerate(model.roles):
            texts += [("roles.yaml", document, ("roles", i, "description"), role.description)]
    if parsed.origin_roles:
        model_o, document = parsed.origin_roles
        for i, origin in enumerate(model_o.origin_roles):
            path = ("origin_roles", i, "description")
            texts += [("origin_roles.yaml", document, path, origin.description)]
    if parsed.domains:
        model_d, document = parsed.domains
        for i, domain in enumerate(model_d.domains):
            texts += [("domains.yaml", document, ("domains", i, "description"), domain.description)]
    if parsed.levels:
        model_l, document = parsed.levels
        for i, level in enumerate(model_l.levels):
            texts += [("levels.yaml", document, ("levels", i, "anchor"), level.anchor)]
    for name, model_s, document in parsed.source_files:
        for i, source in enumerate(model_s.sources):
            texts += [(name, document, ("sources", i, "summary"), source.summary)]
    for name, document, path, text in texts:
        for fault in french_faults(text.fr):
            yield Problem(name, line_of(document, (*path, "fr")), ".".join(map(str, path)), fault)


def origin_role_names(parsed: ParsedFolder, origins: Mapping[str, OriginRole]) -> Iterator[Problem]:
    """Each label and alias of an origin role reads as that role when a person types it: a
    name read as another role, or as none, would prefill the wrong levels (or none)."""
    if parsed.origin_roles is None:
        return
    model, document = parsed.origin_roles
    index = OriginRoleIndex(origins.values())
    for i, origin in enumerate(model.origin_roles):
        named: list[tuple[tuple[Any, ...], str]] = [
            (("label", "en"), origin.label.en),
            (("label", "fr"), origin.label.fr),
        ]
        for lang in ("en", "fr"):
            aliases = getattr(origin.aliases, lang)
            named += [(("aliases", lang, j), alias) for j, alias in enumerate(aliases)]
        for path, name in named:
            read = index.read(name).origin
            if read is None or read.id != origin.id:
                line = line_of(document, ("origin_roles", i, *path))
                field = f"{origin.id}: {'.'.join(str(p) for p in path)}"
                as_what = f"as {read.id}" if read else "as no role (too close to another)"
                yield Problem("origin_roles.yaml", line, field, f"{name!r} reads {as_what}")
