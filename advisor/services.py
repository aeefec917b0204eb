"""Use cases shared by the web views and the CLI; collaborators are passed in, never looked up."""

from __future__ import annotations

import json
import secrets
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from advisor import corpus, repository, resources, taxonomy_files
from advisor.core import serialize
from advisor.core.extraction import SkillMatcher, extract_skills, sentences_with, summary
from advisor.core.planning import Planner
from advisor.core.profile import Profile, ProfileError, parse_profile, resolve_skill_id
from advisor.core.progress import measure_progress
from advisor.core.taxonomy import Skill, Taxonomy
from advisor.models import PlanRecord

if TYPE_CHECKING:  # scikit-learn loads only where the model is fitted
    from advisor.core.scoring import RoleFitModel
from advisor.taxonomy_yaml import Problem


@dataclass(frozen=True)
class Health:
    """What `/healthz` reports: whether the database answered, and why not if it did not."""

    database_ok: bool
    detail: str = "ok"


def check_health(*, session: Session) -> Health:
    """Ask the database a trivial question; a failure is reported, not raised."""
    try:
        ok = repository.database_answers(session=session)
    except SQLAlchemyError as error:
        return Health(database_ok=False, detail=type(error).__name__)
    return Health(database_ok=ok, detail="ok" if ok else "unexpected answer")


def skills_data_path(configured: str | Path | None) -> Path:
    """The taxonomy folder to use: the configured one, else the bundled one."""
    return Path(configured) if configured else resources.skills_data_dir()


def check_taxonomy(folder: Path) -> list[Problem]:
    """Every problem in a taxonomy folder, with file, line and field."""
    return taxonomy_files.check_taxonomy(folder)


def load_taxonomy(folder: Path) -> Taxonomy:
    """The taxonomy in `folder`; raises `TaxonomyError` listing its problems."""
    return taxonomy_files.load_taxonomy(folder)


def taxonomy_summary(taxonomy: Taxonomy) -> str:
    """One line of counts a curator can eyeball after a check."""
    linked = sum(1 for s in taxonomy.skills.values() if s.esco)
    return (
        f"version {taxonomy.version}: {len(taxonomy.skills)} skills in "
        f"{len(Counter(s.domain for s in taxonomy.skills.values()))} domains, "
        f"{len(taxonomy.roles)} roles, {len(taxonomy.sources)} sources, "
        f"{linked} ESCO links"
    )


def export_taxonomy(taxonomy: Taxonomy, today: date | None = None) -> dict[str, Any]:
    """The whole taxonomy as JSON-ready data, each skill with its demand prior."""
    demand = taxonomy.demand_prior(today or date.today())
    return serialize.taxonomy_dict(taxonomy, demand)


# ---------------------------------------------------------------- plans


@dataclass(frozen=True)
class Advisor:
    """What every plan is computed with: loaded and fitted once per process, then shared."""

    taxonomy: Taxonomy
    model: RoleFitModel
    planner: Planner
    demand: Mapping[str, float]
    matcher: SkillMatcher


def build_advisor(folder: Path, today: date, demand: Mapping[str, float] | None = None) -> Advisor:
    """Load the taxonomy in `folder` and fit the role model on it (about a second)."""
    from advisor.core.scoring import fit_role_model

    taxonomy = load_taxonomy(folder)
    model = fit_role_model(taxonomy)
    signal = dict(demand) if demand is not None else taxonomy.demand_prior(today)
    planner = Planner(taxonomy, model, signal)
    return Advisor(taxonomy, model, planner, signal, SkillMatcher(taxonomy))


def new_plan_id() -> str:
    """An unguessable plan token: 192 random bits, URL-safe."""
    return secrets.token_urlsafe(24)


def plan_for_profile(
    advisor: Advisor,
    profile_data: Any,
    *,
    now: datetime,
    plan_id: str | None = None,
    previous: Mapping[str, Any] | None = None,
    demand: Mapping[str, float] | None = None,
) -> tuple[Profile, dict[str, Any]]:
    """Validate a profile and build its plan as public JSON; `ProfileError` names bad fields.

    With `previous` (an earlier plan's JSON), the plan carries the progress made since;
    `demand` replaces the sources' prior (with the signal refreshed from ingested articles).
    """
    profile = parse_profile(profile_data, advisor.taxonomy)
    planner = advisor.planner
    if demand is not None:
        planner = Planner(advisor.taxonomy, advisor.model, demand)
    plan = planner.build_plan(profile)
    progress = None
    if previous is not None:
        targets = {i["skill"]: i["target"] for i in previous.get("items", [])}
        progress = measure_progress(
            advisor.taxonomy,
            advisor.model,
            (str(previous["id"]), previous.get("assessments", {}), targets),
            profile.assessments,
            plan.target_role.role,
        )
    body = serialize.plan_dict(
        plan,
        advisor.taxonomy,
        plan_id=plan_id or new_plan_id(),
        created_at=now.isoformat(timespec="seconds"),
        progress=progress,
    )
    body["current_role"] = profile.current_role
    return profile, body


def what_if(advisor: Advisor, profile: Profile, skill_id: str, level: int) -> dict[str, Any]:
    """Fit, hours and weeks if one skill were at another level, as JSON."""
    ids = resolve_skill_id(skill_id, advisor.taxonomy)
    if len(ids) != 1:
        raise ProfileError({"skill": f"unknown skill {skill_id!r}"})
    if not 0 <= level <= 5:
        raise ProfileError({"level": "must be from 0 to 5"})
    result = advisor.planner.what_if(profile, ids[0], level)
    return {
        "skill": ids[0],
        "label": advisor.taxonomy.skills[ids[0]].label.in_(profile.language),
        "level": level,
        "current": profile.level(ids[0]),
        "fit_before": round(result.fit_before, 4),
        "fit_after": round(result.fit_after, 4),
        "hours_before": result.hours_before,
        "hours_after": result.hours_after,
        "weeks_before": result.weeks_before,
        "weeks_after": result.weeks_after,
    }


# ---------------------------------------------------------------- saved plans


class PlanNotFound(LookupError):
    """No plan has this token (never had, or its owner deleted it)."""


def create_plan(
    *,
    session: Session,
    advisor: Advisor,
    profile_data: Any,
    now: datetime,
    previous_token: str | None = None,
) -> dict[str, Any]:
    """Validate, plan and save in one transaction; a reassessment joins the earlier journey.

    Raises `ProfileError` (nothing saved) or `PlanNotFound` for an unknown previous plan.
    """
    previous = None
    if previous_token is not None:
        previous = repository.plan_by_token(session=session, token=previous_token)
        if previous is None:
            raise PlanNotFound(previous_token)
    earlier = json.loads(previous.body) if previous else None
    journey_id = previous.journey_id if previous else None
    demand = corpus.current_demand(session=session, fallback=advisor.demand)
    # End the read transaction before writing: on SQLite a reader that later writes fails
    # outright if another worker committed in between, instead of waiting its turn.
    session.rollback()
    profile, body = plan_for_profile(
        advisor, profile_data, now=now, previous=earlier, demand=demand
    )
    try:
        repository.add_plan(
            session=session,
            profile=profile_fields(profile),
            plan=body,
            journey_id=journey_id,
            now=now,
        )
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return body


def profile_fields(profile: Profile) -> dict[str, Any]:
    """A profile as the JSON object it was given as (for storage and for reassessing)."""
    return {
        "language": profile.language,
        "target_role": profile.target_role,
        "hours_per_week": profile.hours_per_week,
        "deadline_weeks": profile.deadline_weeks,
        "current_role": profile.current_role,
        "assessments": dict(profile.assessments),
        "experience": profile.experience,
    }


def _saved(session: Session, token: str) -> PlanRecord:
    record = repository.plan_by_token(session=session, token=token)
    if record is None:
        raise PlanNotFound(token)
    return record


def get_plan(*, session: Session, token: str) -> dict[str, Any]:
    """The saved plan JSON; raises `PlanNotFound`."""
    record = _saved(session, token)
    plan: dict[str, Any] = json.loads(record.body)
    return plan


def plan_exists(*, session: Session, token: str) -> bool:
    return repository.plan_exists(session=session, token=token)


def get_plan_json(*, session: Session, token: str) -> str:
    """The saved plan as the JSON text it was stored as; raises `PlanNotFound`."""
    return _saved(session, token).body


def get_profile(*, session: Session, token: str) -> dict[str, Any]:
    """The profile a saved plan was made from, to prefill a reassessment."""
    record = _saved(session, token)
    profile, assessments = repository.profile_of(session=session, plan=record)
    return {
        "language": profile.language,
        "target_role": profile.target_role,
        "hours_per_week": profile.hours_per_week,
        "deadline_weeks": profile.deadline_weeks,
        "current_role": profile.current_role,
        "assessments": assessments,
        "experience": profile.experience,
    }


def delete_plan(*, session: Session, token: str) -> None:
    """Erase the plan, every plan of the same journey, their profiles and assessments."""
    record = _saved(session, token)
    try:
        repository.delete_journey(session=session, journey_id=record.journey_id)
        session.commit()
    except BaseException:
        session.rollback()
        raise


# ---------------------------------------------------------------- the profile form


@dataclass(frozen=True)
class SkillGroup:
    """Skills to self-assess, under one domain heading."""

    domain: str
    label: str
    skills: tuple[Skill, ...]


# With no target role, the form asks about the skills most roles rely on.
SUGGEST_MIN_IMPORTANCE = 5


def skills_to_assess(advisor: Advisor, role_id: str | None, language: str) -> list[SkillGroup]:
    """The skills that matter for `role_id` and their prerequisites, grouped by domain.

    Without a role: the skills some role deems extremely important, so that the suggestion of
    a role rests on the skills that tell roles apart.
    """
    taxonomy = advisor.taxonomy
    chosen: set[str] = set()
    if role_id:
        for skill_id, requirement in taxonomy.role(role_id).requirements.items():
            chosen.add(skill_id)
            chosen.update(taxonomy.prerequisite_closure(skill_id, requirement.level))
    else:
        for role in taxonomy.roles.values():
            chosen.update(
                s for s, r in role.requirements.items() if r.importance >= SUGGEST_MIN_IMPORTANCE
            )
    groups = []
    for domain in taxonomy.domains:
        skills = sorted(
            (taxonomy.skills[s] for s in chosen if taxonomy.skills[s].domain == domain.id),
            key=lambda skill: skill.label.in_(language).casefold(),
        )
        if skills:
            groups.append(SkillGroup(domain.id, domain.label.in_(language), tuple(skills)))
    return groups


# ---------------------------------------------------------------- extraction


MAX_EXTRACT_CHARACTERS = 200_000


def extract_text(advisor: Advisor, text: str, language: str = "auto") -> dict[str, Any]:
    """The skills a text mentions, in the public shape, with spans into the text."""
    if language not in ("auto", "en", "fr"):
        raise ProfileError({"lang": "must be auto, en or fr"})
    if len(text) > MAX_EXTRACT_CHARACTERS:
        raise ProfileError({"text": f"must be at most {MAX_EXTRACT_CHARACTERS} characters"})
    extraction = extract_skills(text, advisor.taxonomy, language, advisor.matcher)
    return summary(extraction, advisor.taxonomy)


def finder(advisor: Advisor) -> corpus.Finder:
    """The skill finder ingestion uses: counts and evidence sentences per skill."""

    def find(text: str, language: str) -> corpus.Found:
        extraction = extract_skills(text, advisor.taxonomy, language, advisor.matcher)
        evidence = sentences_with(text, extraction.mentions)
        counts = extraction.counts()
        return corpus.Found(
            extraction.language, {s: (counts[s], evidence.get(s, ())) for s in counts}
        )

    return find


def suggested_skills(advisor: Advisor, experience: str, language: str) -> list[Skill]:
    """Skills an experience description mentions, for the form to suggest (never to apply)."""
    if not experience.strip():
        return []
    found = extract_skills(experience, advisor.taxonomy, language, advisor.matcher)
    ordered = dict.fromkeys(m.skill for m in found.mentions)
    return [advisor.taxonomy.skills[s] for s in ordered]
