"""What a skill's sources say, quoted on the plan page with where each quote comes from."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.core.taxonomy import Taxonomy
from advisor.i18n import CatalogueWords


@dataclass(frozen=True)
class Quote:
    text: str
    language: str
    title: str
    publisher: str
    when: str
    url: str


def quotes(taxonomy: Taxonomy, skill_id: str, words: CatalogueWords) -> list[Quote]:
    """The words of the sources that show a skill matters, with where they come from."""
    skill = taxonomy.skills.get(skill_id)
    if skill is None:
        return []
    found = []
    for source_id, text in skill.quotes.items():
        source = taxonomy.sources.get(source_id)
        if source is not None:
            found.append(
                Quote(
                    text,
                    source.language,
                    source.title,
                    source.publisher,
                    words.date(source.published),
                    source.url,
                )
            )
    return found
