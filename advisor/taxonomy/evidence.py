"""Checks of the taxonomy's evidence, as a curator reading every citation would make them: each
source on its publisher's own page and saying what it is, each quote long enough to say
something and naming the skill it supports, each role defined by published definitions, and
the skills a role cannot do without backed by two publishers."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from advisor.core.taxonomy import (
    DEFINITIONS_PER_ROLE,
    MIN_QUOTE_WORDS,
    SOURCE_KINDS,
    Skill,
    fold,
    misplaced,
    names_skill,
    quote_words,
)
from advisor.taxonomy.lines import Problem, line_of
from advisor.taxonomy.schema import ParsedFolder, SourceModel

# A skill that a role needs at this importance rests on two publishers, not one.
ESSENTIAL = 5


def check_evidence(parsed: ParsedFolder, skills: Mapping[str, Skill]) -> Iterator[Problem]:
    """Every evidence fault of the folder, located at its file, line and field; `skills` are
    the folder's skills as values (what a quote must name)."""
    publishers: dict[str, str] = {}
    for name, model, document in parsed.source_files:
        for index, source in enumerate(model.sources):
            publishers[source.id] = source.publisher.casefold()
            yield from _source(name, document, index, source)
    yield from _quotes(parsed, skills)
    yield from _role_definitions(parsed)
    yield from _essential_skills(parsed, publishers)


def _source(name: str, document: Any, index: int, source: SourceModel) -> Iterator[Problem]:
    def at(field: str, message: str) -> Problem:
        line = line_of(document, ("sources", index, field))
        return Problem(name, line, f"{source.id}: {field}", message)

    if source.kind not in SOURCE_KINDS:
        yield at("kind", f"every source says what it is: kind one of {', '.join(SOURCE_KINDS)}")
    reason = misplaced(source.url)
    if reason:
        yield at("url", reason)
    if source.kind == "blog" and not source.why_cited:
        yield at("why_cited", "a blog is cited only where it is the best evidence: say why")


def _quotes(parsed: ParsedFolder, skills: Mapping[str, Skill]) -> Iterator[Problem]:
    for name, model, document in parsed.skill_files:
        for index, model_skill in enumerate(model.skills):
            skill = skills[model_skill.id]
            for i, citation in enumerate(model_skill.sources):
                path = ("skills", index, "sources", i, "quote")
                field = f"{skill.id}: sources.{i}.quote"
                line = line_of(document, path)
                words = quote_words(citation.quote)
                if words < MIN_QUOTE_WORDS:
                    yield Problem(
                        name,
                        line,
                        field,
                        f"a quote of {words} word(s) cannot show the source discusses the skill "
                        f"(at least {MIN_QUOTE_WORDS})",
                    )
                if citation.names and fold(citation.names) not in fold(citation.quote):
                    yield Problem(
                        name,
                        line_of(document, ("skills", index, "sources", i, "names")),
                        f"{skill.id}: sources.{i}.names",
                        f"{citation.names!r} is not in the quote",
                    )
                elif not citation.names and not names_skill(citation.quote, skill):
                    yield Problem(
                        name,
                        line,
                        field,
                        f"the quote names nothing of {skill.id} (its label, an alias, or the "
                        "tool it is about): quote a sentence that does, cite another source, or "
                        "say in `names` which of its words name the skill",
                    )


def _role_definitions(parsed: ParsedFolder) -> Iterator[Problem]:
    if parsed.roles is None:
        return
    model, document = parsed.roles
    for index, role in enumerate(model.roles):
        cited = {c.id for c in role.sources}
        if len(cited) < DEFINITIONS_PER_ROLE:
            line = line_of(document, ("roles", index, "sources"))
            yield Problem(
                "roles.yaml",
                line,
                f"{role.id}: sources",
                f"a role cites at least {DEFINITIONS_PER_ROLE} published definitions (exam "
                f"guides, occupation profiles, job-ad studies); it cites {len(cited)}",
            )
        for i, citation in enumerate(role.sources):
            words = quote_words(citation.quote)
            if words < MIN_QUOTE_WORDS:
                line = line_of(document, ("roles", index, "sources", i, "quote"))
                yield Problem(
                    "roles.yaml",
                    line,
                    f"{role.id}: sources.{i}.quote",
                    f"a quote of {words} word(s) cannot show what the definition says "
                    f"(at least {MIN_QUOTE_WORDS})",
                )


def _essential_skills(parsed: ParsedFolder, publishers: dict[str, str]) -> Iterator[Problem]:
    """A skill some role needs at importance 5 cites two sources of different publishers."""
    if parsed.roles is None:
        return
    needing: dict[str, str] = {}
    for role in parsed.roles[0].roles:
        for skill_id, requirement in role.requirements.items():
            if requirement.importance >= ESSENTIAL:
                needing.setdefault(skill_id, role.id)
        for group in role.any_of:
            if group.importance >= ESSENTIAL:
                for skill_id in group.skills:
                    needing.setdefault(skill_id, role.id)
    for name, model, document in parsed.skill_files:
        for index, skill in enumerate(model.skills):
            if skill.id not in needing:
                continue
            distinct = {publishers.get(c.id, c.id) for c in skill.sources}
            if len(distinct) < 2:
                yield Problem(
                    name,
                    line_of(document, ("skills", index, "sources")),
                    f"{skill.id}: sources",
                    f"{needing[skill.id]} needs this skill at importance {ESSENTIAL}: cite "
                    "sources of two different publishers",
                )
