"""Use cases of job ads: read an ad as a role to plan for, and describe it in a plan."""

from __future__ import annotations

from typing import Any

from advisor.core.extraction import JobAd, extract_skills, read_ad
from advisor.core.planning import Profile
from advisor.i18n import words_for
from advisor.services.advisor import Advisor


def job_ad(advisor: Advisor, text: str) -> JobAd:
    """The ad in `text` read as a role (id "ad") against the advisor's taxonomy."""
    return read_ad(text, advisor.taxonomy, advisor.matcher)


def ad_label(ad: JobAd, language: str) -> str:
    """The ad's title, or "Job ad" in the plan's language when it has none."""
    return ad.title or words_for(language).phrase("Job ad")


def ad_target_role(advisor: Advisor, ad: JobAd, profile: Profile, fit: float) -> dict[str, Any]:
    """The plan's `target_role` for an ad: what it asks for, what the person already covers,
    and the ESCO skills it names that the taxonomy has no skill for (listed, not dropped)."""
    language = profile.language
    requirements = [
        {
            "skill": r.skill,
            "label": advisor.taxonomy.skills[r.skill].label.in_(language),
            "level": r.level,
            "importance": r.importance,
            "required": r.required,
        }
        for r in ad.requirements
    ]
    found = extract_skills(profile.target_ad, advisor.taxonomy, language, advisor.matcher)
    # What the taxonomy already understood in the same words is not "outside" it.
    understood = {(m.start, m.end) for m in found.mentions}
    outside = {
        m.skill: {"uri": m.skill, "label": advisor.esco.label(m.skill, language)}
        for m in found.esco
        if advisor.esco.outside(m.skill) and (m.start, m.end) not in understood
    }
    return {
        "id": ad.role.id,
        "label": ad_label(ad, language),
        "fit": round(fit, 4),
        "from_ad": True,
        "requirements": requirements,
        "outside_taxonomy": sorted(outside.values(), key=lambda o: o["label"].casefold()),
        "covered": [r.skill for r in ad.requirements if profile.level(r.skill) >= r.level],
    }
