"""A person's profile (the input of a plan) and its validation, field by field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from advisor.core import limits
from advisor.core.errors import InvalidProfile
from advisor.core.taxonomy import LANGUAGES, Taxonomy, UnknownSkill


@dataclass(frozen=True)
class Profile:
    """What a plan is computed from: levels are 0–5, hours per week 1–60."""

    language: str
    target_role: str | None
    hours_per_week: int
    assessments: Mapping[str, int] = field(default_factory=dict)
    deadline_weeks: int | None = None
    current_role: str = ""
    experience: str = ""
    target_ad: str = ""
    # "typical": the levels typical of the role the person comes from stand in for the skills
    # they did not rate (the plan says which); "none" leaves those at 0.
    prefill: str = "none"

    def level(self, skill_id: str) -> int:
        return self.assessments.get(skill_id, 0)

    def with_level(self, skill_id: str, level: int) -> Profile:
        """The same profile with one self-assessment changed (for what-if questions)."""
        return Profile(
            self.language,
            self.target_role,
            self.hours_per_week,
            {**self.assessments, skill_id: level},
            self.deadline_weeks,
            self.current_role,
            self.experience,
            self.target_ad,
            self.prefill,
        )

    def with_assumed(self, levels: Mapping[str, int]) -> Profile:
        """The same profile with `levels` standing in for skills it did not rate."""
        return replace(self, assessments={**levels, **self.assessments})

    def as_dict(self) -> dict[str, Any]:
        """The profile as the JSON object it was given as (for storage and reassessing)."""
        return {
            "language": self.language,
            "target_role": self.target_role,
            "hours_per_week": self.hours_per_week,
            "deadline_weeks": self.deadline_weeks,
            "current_role": self.current_role,
            "assessments": dict(self.assessments),
            "experience": self.experience,
            "target_ad": self.target_ad or None,
            "prefill": self.prefill,
        }


PROFILE_FIELDS = frozenset(
    ("language", "target_role", "hours_per_week", "deadline_weeks", "current_role")
    + ("assessments", "experience", "target_ad", "prefill")
)
# What may stand in for the skills a profile does not rate.
PREFILL_OPTIONS = ("none", "typical")


def parse_profile(data: Any, taxonomy: Taxonomy) -> Profile:
    """A `Profile` from JSON-like data, or `InvalidProfile` naming every invalid field.

    `target_ad` (a job ad's text) may replace `target_role`; giving both is an error.

    Skill ids may be given in full (`foundations.kubernetes`), under an id the taxonomy has
    since replaced, or by their short name (`kubernetes`) when that names exactly one skill.
    """
    if not isinstance(data, Mapping):
        raise InvalidProfile({"(body)": "a profile is a JSON object"})
    errors: dict[str, str] = {}
    unknown = sorted(set(data) - PROFILE_FIELDS)
    for name in unknown:
        errors[name] = "unknown field"
    language = _language(data.get("language", "en"), errors)
    role = _target_role(data.get("target_role"), taxonomy, errors)
    hours = _integer(
        data.get("hours_per_week"),
        "hours_per_week",
        limits.MIN_HOURS_PER_WEEK,
        limits.MAX_HOURS_PER_WEEK,
        errors,
    )
    deadline = data.get("deadline_weeks")
    if deadline is not None:
        deadline = _integer(
            deadline,
            "deadline_weeks",
            limits.MIN_DEADLINE_WEEKS,
            limits.MAX_DEADLINE_WEEKS,
            errors,
        )
    assessments = _assessments(data.get("assessments", {}), taxonomy, errors)
    current_role = _text(data.get("current_role", ""), "current_role", limits.MAX_ROLE_TEXT, errors)
    experience = _text(data.get("experience", ""), "experience", limits.MAX_EXPERIENCE, errors)
    ad = _text(data.get("target_ad") or "", "target_ad", limits.MAX_AD_TEXT, errors)
    if ad and data.get("target_role"):
        errors["target_ad"] = "give either target_role or target_ad, not both"
    prefill = data.get("prefill", "none")
    if prefill not in PREFILL_OPTIONS:
        errors["prefill"] = f"must be one of {', '.join(PREFILL_OPTIONS)}"
    if errors:
        raise InvalidProfile(errors)
    assert hours is not None
    return Profile(
        language, role, hours, assessments, deadline, current_role, experience, ad, str(prefill)
    )


def _language(value: Any, errors: dict[str, str]) -> str:
    if value in LANGUAGES:
        return str(value)
    errors["language"] = f"must be one of {', '.join(LANGUAGES)}"
    return "en"


def _target_role(value: Any, taxonomy: Taxonomy, errors: dict[str, str]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value in taxonomy.roles:
        return value
    errors["target_role"] = f"unknown role {value!r}"
    return None


def _integer(value: Any, name: str, low: int, high: int, errors: dict[str, str]) -> int | None:
    # bool is an int in Python, but `true` is not a number of hours.
    if isinstance(value, bool) or not isinstance(value, int):
        errors[name] = f"must be a whole number from {low} to {high}"
        return None
    if not low <= value <= high:
        errors[name] = f"must be from {low} to {high}, not {value}"
        return None
    return value


def _text(value: Any, name: str, limit: int, errors: dict[str, str]) -> str:
    if not isinstance(value, str):
        errors[name] = "must be text"
        return ""
    if len(value) > limit:
        errors[name] = f"must be at most {limit} characters"
    elif not is_unicode_text(value):
        errors[name] = INVALID_UNICODE
    return value.strip()


INVALID_UNICODE = "must be Unicode text (it holds a lone surrogate such as \\ud800)"


def is_unicode_text(text: str) -> bool:
    """Whether `text` can be stored and sent as UTF-8.

    JSON may spell half of a surrogate pair (`"\\ud800"`); Python decodes it into a string that
    no database, file or response can encode.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _assessments(value: Any, taxonomy: Taxonomy, errors: dict[str, str]) -> dict[str, int]:
    if not isinstance(value, Mapping):
        errors["assessments"] = "must be an object of skill id to level 0–5"
        return {}
    levels: dict[str, int] = {}
    for given, level in value.items():
        if level is None:  # "not assessed", as a form may send it: the same as leaving it out
            continue
        name = f"assessments.{given}"
        ids = resolve_skill_id(str(given), taxonomy)
        if not ids:
            errors[name] = f"unknown skill {given!r}"
            continue
        checked = _integer(level, name, limits.MIN_LEVEL, limits.MAX_LEVEL, errors)
        for skill_id in ids:
            if checked is not None:
                levels[skill_id] = max(checked, levels.get(skill_id, 0))
    return levels


def resolve_skill_id(given: str, taxonomy: Taxonomy) -> tuple[str, ...]:
    """Today's ids for `given` (full, replaced, or unambiguous short id); empty if none."""
    try:
        return taxonomy.resolve(given)
    except UnknownSkill:
        matches = [s for s in taxonomy.skills if s.split(".", 1)[1] == given]
        return (matches[0],) if len(matches) == 1 else ()
