"""Checks across the taxonomy files: ids, references, the prerequisite graph, aliases, sources."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from advisor.core.taxonomy import fold
from advisor.taxonomy.lines import Problem, line_of
from advisor.taxonomy.schema import ParsedFolder, RoleModel, SkillModel


@dataclass(frozen=True)
class _Placed:
    """A skill with the file and raw document it came from."""

    skill: SkillModel
    file: str
    document: Any
    index: int

    def line(self, *path: Any) -> int:
        return line_of(self.document, ("skills", self.index, *path))


def cross_check(parsed: ParsedFolder) -> list[Problem]:
    """Problems that no single file shows: every check below, in file and line order."""
    placed = list(_placed_skills(parsed))
    skills = {p.skill.id: p for p in placed}
    problems = [
        *_duplicate_ids(placed),
        *_domains(parsed),
        *_prerequisites(placed, skills),
        *_cycles(placed, skills),
        *_aliases(parsed, placed),
        *_roles(parsed, skills),
        *_sources(parsed, placed),
        *_replacements(parsed, skills),
        *_origin_roles(parsed, skills),
        *_demand(parsed, skills),
    ]
    return sorted(problems)


def _placed_skills(parsed: ParsedFolder) -> Iterator[_Placed]:
    for name, model, document in parsed.skill_files:
        for index, skill in enumerate(model.skills):
            yield _Placed(skill, name, document, index)


def _duplicate_ids(placed: list[_Placed]) -> Iterator[Problem]:
    first: dict[str, _Placed] = {}
    for p in placed:
        if p.skill.id in first:
            other = first[p.skill.id]
            where = f"{other.file}:{other.line('id')}"
            yield Problem(p.file, p.line("id"), f"{p.skill.id}: id", f"id already used at {where}")
        else:
            first[p.skill.id] = p


def _domains(parsed: ParsedFolder) -> Iterator[Problem]:
    known = {d.id for d in parsed.domains[0].domains} if parsed.domains else set()
    for name, model, document in parsed.skill_files:
        if model.domain not in known:
            yield Problem(
                name,
                line_of(document, ("domain",)),
                "domain",
                f"unknown domain {model.domain!r} (domains.yaml has {sorted(known)})",
            )
        for index, skill in enumerate(model.skills):
            if skill.id.split(".")[0] != model.domain:
                line = line_of(document, ("skills", index, "id"))
                yield Problem(
                    name,
                    line,
                    f"{skill.id}: id",
                    f"id must start with the file's domain '{model.domain}.'",
                )


def _prerequisites(placed: list[_Placed], skills: dict[str, _Placed]) -> Iterator[Problem]:
    for p in placed:
        for i, prerequisite in enumerate(p.skill.prerequisites):
            field = f"{p.skill.id}: prerequisites.{i}.skill"
            if prerequisite.skill == p.skill.id:
                yield Problem(
                    p.file, p.line("prerequisites", i), field, "a skill cannot require itself"
                )
            elif prerequisite.skill not in skills:
                yield Problem(
                    p.file,
                    p.line("prerequisites", i),
                    field,
                    f"unknown skill {prerequisite.skill!r}",
                )


def _cycles(placed: list[_Placed], skills: dict[str, _Placed]) -> Iterator[Problem]:
    """Prerequisites must form a DAG; each cycle is reported once, at its first skill."""
    graph = {
        p.skill.id: [q.skill for q in p.skill.prerequisites if q.skill in skills] for p in placed
    }
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    reported: set[frozenset[str]] = set()

    def visit(node: str, path: list[str]) -> Iterator[Problem]:
        state[node] = 1
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :] + [nxt]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    start = skills[nxt]
                    yield Problem(
                        start.file,
                        start.line("prerequisites"),
                        f"{nxt}: prerequisites",
                        "prerequisites form a cycle: " + " → ".join(cycle),
                    )
            elif state.get(nxt) is None:
                yield from visit(nxt, path + [nxt])
        state[node] = 2

    for skill_id in graph:
        if skill_id not in state:
            yield from visit(skill_id, [skill_id])


def _aliases(parsed: ParsedFolder, placed: list[_Placed]) -> Iterator[Problem]:
    """A name may point at one skill only, unless taxonomy.yaml declares it ambiguous."""
    declared = {fold(a) for a in parsed.meta[0].ambiguous_aliases} if parsed.meta else set()
    owner: dict[str, str] = {}
    for p in placed:
        names = [("label", lang, getattr(p.skill.label, lang)) for lang in ("en", "fr")]
        for lang in ("en", "fr"):
            names += [("aliases", lang, a) for a in getattr(p.skill.aliases, lang)]
        for where, lang, name in names:
            key = fold(name)
            if key in declared or owner.get(key, p.skill.id) == p.skill.id:
                owner.setdefault(key, p.skill.id)
                continue
            yield Problem(
                p.file,
                p.line(where, lang),
                f"{p.skill.id}: {where}.{lang}",
                f"{name!r} is also a name of {owner[key]} (declare it in "
                "taxonomy.yaml ambiguous_aliases if both are meant)",
            )


def _roles(parsed: ParsedFolder, skills: dict[str, _Placed]) -> Iterator[Problem]:
    if parsed.roles is None:
        return
    model, document = parsed.roles
    seen: set[str] = set()
    for index, role in enumerate(model.roles):
        if role.id in seen:
            yield Problem(
                "roles.yaml",
                line_of(document, ("roles", index, "id")),
                f"{role.id}: id",
                "role id used twice",
            )
        seen.add(role.id)
        for skill_id in role.requirements:
            if skill_id not in skills:
                line = line_of(document, ("roles", index, "requirements", skill_id))
                yield Problem(
                    "roles.yaml", line, f"{role.id}: requirements.{skill_id}", "unknown skill"
                )
        yield from _role_sources(document, index, role)
        required = set(role.requirements)
        for g, group in enumerate(role.any_of):
            for i, skill_id in enumerate(group.skills):
                line = line_of(document, ("roles", index, "any_of", g, "skills", i))
                field = f"{role.id}: any_of.{group.id}"
                if skill_id not in skills:
                    yield Problem("roles.yaml", line, field, f"unknown skill {skill_id!r}")
                elif skill_id in required:
                    yield Problem("roles.yaml", line, field, f"{skill_id} is also required alone")
                required.add(skill_id)


def _role_sources(document: Any, index: int, role: RoleModel) -> Iterator[Problem]:
    """What a role's definition backs is among what the role requires."""
    asked = set(role.requirements) | {s for group in role.any_of for s in group.skills}
    for i, citation in enumerate(role.sources):
        for j, skill_id in enumerate(citation.skills):
            if skill_id not in asked:
                line = line_of(document, ("roles", index, "sources", i, "skills", j))
                field = f"{role.id}: sources.{i}.skills"
                yield Problem("roles.yaml", line, field, f"{skill_id} is not required by the role")


def _origin_roles(parsed: ParsedFolder, skills: dict[str, _Placed]) -> Iterator[Problem]:
    """Origin roles have distinct ids and name known skills."""
    if parsed.origin_roles is None:
        return
    model, document = parsed.origin_roles
    seen: set[str] = set()
    for index, origin in enumerate(model.origin_roles):
        if origin.id in seen:
            line = line_of(document, ("origin_roles", index, "id"))
            yield Problem("origin_roles.yaml", line, f"{origin.id}: id", "id used twice")
        seen.add(origin.id)
        for skill_id in origin.typical:
            if skill_id not in skills:
                line = line_of(document, ("origin_roles", index, "typical", skill_id))
                field = f"{origin.id}: typical.{skill_id}"
                yield Problem("origin_roles.yaml", line, field, "unknown skill")


def _demand(parsed: ParsedFolder, skills: dict[str, _Placed]) -> Iterator[Problem]:
    """Demand signals name today's skills (a renamed skill's signals are renamed with it)."""
    if parsed.demand is None:
        return
    model, document = parsed.demand
    for index, signal in enumerate(model.signals):
        for i, skill_id in enumerate(signal.skills):
            if skill_id not in skills:
                line = line_of(document, ("signals", index, "skills", i))
                yield Problem("demand.yaml", line, f"signals.{index}.skills.{i}", "unknown skill")


def _sources(parsed: ParsedFolder, placed: list[_Placed]) -> Iterator[Problem]:
    """Each skill and role cites known sources, each source is cited, no id is used twice."""
    known: dict[str, str] = {}
    for name, model, document in parsed.source_files:
        for index, source in enumerate(model.sources):
            if source.id in known:
                yield Problem(
                    name,
                    line_of(document, ("sources", index, "id")),
                    f"{source.id}: id",
                    f"source id already used in {known[source.id]}",
                )
            known.setdefault(source.id, name)
    for p in placed:
        if not p.skill.sources:
            yield Problem(
                p.file, p.line("sources"), f"{p.skill.id}: sources", "every skill cites a source"
            )
        for i, source_id in enumerate(p.skill.source_ids()):
            if source_id not in known:
                field = f"{p.skill.id}: sources.{i}"
                yield Problem(p.file, p.line("sources", i), field, f"unknown source {source_id!r}")
    yield from _role_citations(parsed, known)
    cited = {s for p in placed for s in p.skill.source_ids()}
    if parsed.roles:
        cited |= {c.id for role in parsed.roles[0].roles for c in role.sources}
    for name, model, document in parsed.source_files:
        for index, source in enumerate(model.sources):
            if source.id not in cited:
                line = line_of(document, ("sources", index, "id"))
                yield Problem(name, line, f"{source.id}: id", "no skill or role cites this source")


def _role_citations(parsed: ParsedFolder, known: dict[str, str]) -> Iterator[Problem]:
    if parsed.roles is None:
        return
    model, document = parsed.roles
    for index, role in enumerate(model.roles):
        for i, citation in enumerate(role.sources):
            if citation.id not in known:
                line = line_of(document, ("roles", index, "sources", i))
                field = f"{role.id}: sources.{i}"
                yield Problem("roles.yaml", line, field, f"unknown source {citation.id!r}")


def _replacements(parsed: ParsedFolder, skills: dict[str, _Placed]) -> Iterator[Problem]:
    """Old ids must be retired, and lead to current skills."""
    if parsed.meta is None:
        return
    model, document = parsed.meta
    for old_id, new in model.replaced_by.items():
        line, field = line_of(document, ("replaced_by", old_id)), f"replaced_by.{old_id}"
        if old_id in skills:
            yield Problem("taxonomy.yaml", line, field, "a current skill id cannot be replaced")
        for target in [new] if isinstance(new, str) else new:
            if target not in skills and target not in model.replaced_by:
                yield Problem(
                    "taxonomy.yaml", line, field, f"replacement {target!r} is not a skill"
                )
