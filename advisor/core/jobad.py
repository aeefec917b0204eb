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

from advisor.core.extraction import Mention, SkillMatcher, fold_text
from advisor.core.taxonomy import Requirement, Role, Taxonomy, Text

AD_ROLE_ID = "ad"
WORKING_LEVEL, NICE_LEVEL = 3, 2
IMPORTANCE = {"required": 4, "neutral": 3, "nice": 2}
TITLE_MAX = 90

_REQUIRED = (
    r"requirements?|required( skills)?|must[ -]haves?|qualifications?|what you (will )?bring|"
    r"what we( are|'re) looking for|your profile|(key )?skills( required)?|essential|"
    r"profil( recherche)?|competences( requises| attendues| techniques)?|exigences|prerequis|"
    r"vous avez|votre profil|indispensables?|requis"
)
_NICE = (
    r"nice[ -]to[ -]haves?|bonus( points)?|a plus|pluses|preferred( qualifications)?|"
    r"desirable|would be a plus|un plus|souhaitee?s?|appreciee?s?|serait un plus|atouts?|"
    r"optionnel|facultatif"
)
HEADING_REQUIRED = re.compile(rf"^[#*\s-]*({_REQUIRED})\s*[:.!]?\s*\**$")
HEADING_NICE = re.compile(rf"^[#*\s-]*({_NICE})\s*[:.!]?\s*\**$")
# "Kafka is a plus", « Terraform serait un plus », "(nice to have)" inside one line.
INLINE_NICE = re.compile(
    r"\b(is a plus|are a plus|a plus|nice to have|bonus|un plus|serait un atout|souhaitee?s?|"
    r"appreciee?s?|is preferred|preferred)\b"
)
# Any other short line ending with a colon, or a Markdown heading, starts a neutral section.
OTHER_HEADING = re.compile(r"^(#+\s.*|[^.!?]{2,60}:)\s*$")


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
        folded = fold_text(line).strip()
        if HEADING_NICE.match(folded):
            kinds.append((offset, "nice"))
        elif HEADING_REQUIRED.match(folded):
            kinds.append((offset, "required"))
        elif OTHER_HEADING.match(folded):
            kinds.append((offset, "neutral"))
        offset += len(line)
    return kinds


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
