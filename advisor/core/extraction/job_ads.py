"""A job ad read as a role: what it asks for, how much each skill weighs, at which level.

The ad's sections tell required from nice-to-have ("Requirements", "Must have", « Profil
recherché », « Compétences requises » against "Nice to have", "Bonus", « Un plus », « Souhaité »);
a skill the ad repeats or names in its title weighs more. Target levels come from the taxonomy
role closest to the ad, else a working level (3, or 2 for a nice-to-have). The result is a
`Role` with id "ad" that the planner plans for exactly as for any role.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from advisor.core.extraction.matcher import Mention, SkillMatcher
from advisor.core.taxonomy import Requirement, Role, Taxonomy, Text, fold_text

AD_ROLE_ID = "ad"
WORKING_LEVEL, NICE_LEVEL = 3, 2
IMPORTANCE = {"required": 4, "neutral": 3, "nice": 2}
TITLE_MAX = 90

# Words that make a short line a section heading (folded: lower case, no accents).
REQUIRED_WORDS = re.compile(
    r"\b(requirements?|required|must[ -]haves?|qualifications?|what you('ll| will)? bring|"
    r"what we('re| are) looking for|who you are|your profile|skills|essentials?|"
    r"profil( recherche)?|competences|exigences|prerequis|vous avez|votre profil|"
    r"indispensables?|requis|attendus)\b"
)
NICE_WORDS = re.compile(
    r"\b(nice[ -]to[ -]haves?|bonus|a plus|pluses|preferred|desirable|would be great|"
    r"un plus|les plus|souhaitee?s?|appreciee?s?|atouts?|idealement|optionnel|facultatif)\b"
)
# "Kafka is a plus", « Terraform serait un plus », "(nice to have)" inside one line.
INLINE_NICE = re.compile(
    r"\b(is a plus|are a plus|a plus|nice to have|bonus|un plus|serait un atout|souhaitee?s?|"
    r"appreciee?s?|is preferred|preferred)\b"
)
BULLET = re.compile(r"\s*(?:[-•–]|\*(?!\*)|\d+[.)])\s")
HEADING_WORDS = 6


@dataclass(frozen=True)
class AdRequirement:
    skill: str
    level: int
    importance: int
    required: bool


@dataclass(frozen=True)
class JobAd:
    """What an ad asks for, as a role to plan for, and what it names beyond the taxonomy."""

    title: str
    role: Role
    requirements: tuple[AdRequirement, ...]
    closest_role: str | None


def ad_title(text: str) -> str:
    """The ad's first line when it reads as a title (short, not a sentence), else ""."""
    first = next((line.strip(" #*\t") for line in text.splitlines() if line.strip()), "")
    if not first or len(first) > TITLE_MAX or first.endswith((".", "!", "?", ":", ",")):
        return ""
    return first


def section_kinds(text: str) -> list[tuple[int, str]]:
    """Where each section starts and its kind ("required", "nice" or "neutral"), in order."""
    kinds: list[tuple[int, str]] = [(0, "neutral")]
    offset = 0
    for line in text.splitlines(keepends=True):
        kind = heading_kind(line)
        if kind:
            kinds.append((offset, kind))
        offset += len(line)
    return kinds


def heading_kind(line: str) -> str | None:
    """The kind of section a line opens, or None when it is not a heading: a heading is short
    (at most six words), is no list item, and names requirements, nice-to-haves, or anything
    else when it ends with a colon or is a Markdown heading."""
    if BULLET.match(line):
        return None
    folded = fold_text(line).strip()
    bare = folded.strip("#* ").rstrip(":.!").strip("* ")
    if not bare or len(bare.split()) > HEADING_WORDS:
        return None
    if NICE_WORDS.search(bare):
        return "nice"
    if REQUIRED_WORDS.search(bare):
        return "required"
    return "neutral" if folded.endswith(":") or folded.startswith("#") else None


def _kind_at(kinds: list[tuple[int, str]], text: str, position: int) -> str:
    kind = next(k for start, k in reversed(kinds) if start <= position)
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = fold_text(text[line_start : line_end if line_end != -1 else len(text)])
    return "nice" if INLINE_NICE.search(line) else kind


def read_ad(text: str, taxonomy: Taxonomy, matcher: SkillMatcher) -> JobAd:
    """The ad as a role: each skill it mentions with an importance and a target level."""
    mentions = matcher.find(text)
    title = ad_title(text)
    kinds = section_kinds(text)
    weights = _weigh(text, mentions, kinds, title)
    closest = closest_role(taxonomy, {s: imp for s, (imp, _) in weights.items()})
    reference = taxonomy.roles[closest].requirements if closest else {}
    requirements = tuple(
        AdRequirement(
            skill,
            reference[skill].level
            if skill in reference
            else (WORKING_LEVEL if required else NICE_LEVEL),
            importance,
            required,
        )
        for skill, (importance, required) in sorted(
            weights.items(), key=lambda kv: (-kv[1][0], kv[0])
        )
    )
    # An untitled ad's label is worded by the caller, in the plan's language.
    role = Role(
        AD_ROLE_ID,
        Text(title, title),
        Text("", ""),
        {r.skill: Requirement(r.skill, r.level, r.importance) for r in requirements},
    )
    return JobAd(title, role, requirements, closest)


def _weigh(
    text: str, mentions: list[Mention], kinds: list[tuple[int, str]], title: str
) -> dict[str, tuple[int, bool]]:
    """Per skill: importance 1–5 (section, then +1 if repeated, +1 if in the title) and whether
    it is required (a nice-to-have is a skill named only in nice-to-have places)."""
    count: Counter[str] = Counter()
    seen_kinds: dict[str, set[str]] = {}
    title_end = text.find(title) + len(title) if title else 0
    in_title: set[str] = set()
    for mention in mentions:
        count[mention.skill] += 1
        if title and mention.start < title_end:
            in_title.add(mention.skill)
            continue
        seen_kinds.setdefault(mention.skill, set()).add(_kind_at(kinds, text, mention.start))
    weights = {}
    for skill, n in count.items():
        places = seen_kinds.get(skill, {"required"})
        kind = next(k for k in ("required", "neutral", "nice") if k in places)
        importance = IMPORTANCE[kind] + (n > 1) + (skill in in_title)
        weights[skill] = (min(importance, 5), kind != "nice")
    return weights


def closest_role(taxonomy: Taxonomy, asked: Mapping[str, int]) -> str | None:
    """The role whose requirements share the most importance with what the ad asks for."""
    best, best_score = None, 0.0
    for role in sorted(taxonomy.roles.values(), key=lambda r: r.id):
        shared = sum(
            min(asked[s], r.importance) for s, r in role.requirements.items() if s in asked
        )
        total = sum(r.importance for r in role.requirements.values()) or 1
        score = shared / total**0.5
        if score > best_score:
            best, best_score = role.id, score
    return best
