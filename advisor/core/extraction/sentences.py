"""Sentences of a text, for evidence: where they end, and which ones mention each skill."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisor.core.extraction.matcher import Mention

# A sentence ends after . ! ? unless a lower-case word follows ("e.g. pandas"). A line break
# ends one only when it is not a hard wrap: a blank line, a bullet or number next, a line before
# that ends with punctuation or a colon, or a short line before (a heading, a list item).
END_MARK = re.compile(r"[.!?]+(?=\s+[^\sa-z]|\s*$)")
LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–]\s|\d+[.)]\s|\n)")
WRAPPED_LINE = 50


def sentence_bounds(text: str) -> list[int]:
    """The offsets where sentences of `text` end; a hard-wrapped sentence stays one."""
    bounds = {m.end() for m in END_MARK.finditer(text)}
    line_start = 0
    for index in _line_breaks(text):
        line = text[line_start:index].strip()
        if (
            len(line) < WRAPPED_LINE
            or line.endswith((".", "!", "?", ":", ";"))
            or LIST_ITEM.match(text, index + 1)
        ):
            bounds.add(index + 1)
        line_start = index + 1
    return sorted(bounds)


def _line_breaks(text: str) -> Iterator[int]:
    index = text.find("\n")
    while index != -1:
        yield index
        index = text.find("\n", index + 1)


def sentences_with(
    text: str, mentions: Iterable[Mention], limit: int = 3
) -> dict[str, tuple[str, ...]]:
    """For each skill, up to `limit` sentences of `text` that mention it (the evidence)."""
    bounds = sentence_bounds(text)
    found: dict[str, list[str]] = {}
    for mention in mentions:
        index = bisect.bisect_right(bounds, mention.start)
        start = bounds[index - 1] if index else 0
        end = bounds[index] if index < len(bounds) else len(text)
        sentence = " ".join(text[start:end].split())
        kept = found.setdefault(mention.skill, [])
        if sentence and sentence not in kept and len(kept) < limit:
            kept.append(sentence[:500])
    return {skill: tuple(s) for skill, s in found.items()}
