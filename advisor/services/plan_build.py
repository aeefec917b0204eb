"""Computing a plan from a profile, without the store: what `advisor plan` needs, so that
command imports no database layer (the use cases that save plans are in `services.plans`)."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from advisor.core.errors import InvalidPlan
from advisor.core.planning import Profile, measure_progress, parse_profile
from advisor.core.taxonomy import Role, assumed_levels, match_origin_role
from advisor.core.wording import plan_dict
from advisor.i18n import words_for
from advisor.services.advisor import Advisor


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
    role: Role | None = None,
) -> tuple[Profile, dict[str, Any]]:
    """Validate a profile and build its plan as public JSON; `InvalidProfile` names bad fields.

    With `previous` (an earlier plan's JSON), the plan carries the progress made since;
    `demand` replaces the sources' prior (with the signal refreshed from ingested articles);
    `role` replaces the profile's target role (a role made from a job ad). With
    `"prefill": "typical"`, the levels typical of the role the person comes from stand in for
    the skills they did not rate; the plan lists them under `assumed`, and the profile returned
    (the one saved) holds them, so a reassessment asks the person to confirm them.
    """
    if previous is not None:
        check_earlier_plan(previous)
    profile = parse_profile(profile_data, advisor.taxonomy)
    assumed: dict[str, int] = {}
    if profile.prefill == "typical":
        origin = match_origin_role(advisor.taxonomy, profile.current_role)
        assumed = assumed_levels(origin, profile.assessments)
        profile = profile.with_assumed(assumed)
    prior = demand is None or demand == advisor.demand
    planner = advisor.planner if prior else advisor.with_demand(demand or {})
    # A job ad is read with the skill matcher, built and imported only when one is given.
    jobads = _jobads() if profile.target_ad else None
    ad = jobads.job_ad(advisor, profile.target_ad) if jobads and not role else None
    role = ad.role if ad else role
    plan = planner.build_plan(profile, role)
    progress = None
    if previous is not None:
        targets = {i["skill"]: i["target"] for i in previous.get("items", [])}
        progress = measure_progress(
            advisor.taxonomy,
            advisor.model,
            (str(previous["id"]), previous.get("assessments", {}), targets),
            profile.assessments,
            plan.target_role.role,
            role,
        )
    body = plan_dict(
        plan,
        advisor.taxonomy,
        plan_id=plan_id or new_plan_id(),
        created_at=now.isoformat(timespec="seconds"),
        words=words_for(profile.language),
        progress=progress,
        role=role,
        shapes=advisor.shapes,
        assumed=assumed,
    )
    if jobads is not None and ad is not None:
        ad_role = jobads.ad_target_role(advisor, ad, profile, plan.target_role.fit)
        body["target_role"] = {**body["target_role"], **ad_role}
    body["current_role"] = profile.current_role
    return profile, body


def check_earlier_plan(document: Any) -> None:
    """`InvalidPlan` unless `document` has the shape of a plan (the progress reads it).

    A file passed by mistake (the profile, `[]`, `{"id": "x"}`) must be refused, not produce a
    progress report against nothing.
    """
    if not isinstance(document, Mapping):
        raise InvalidPlan({"(plan)": "a plan is a JSON object"})
    problems: dict[str, str] = {}
    if not isinstance(document.get("id"), str):
        problems["id"] = "missing (a plan has its id)"
    items = document.get("items")
    if not isinstance(items, list) or not all(_is_plan_item(i) for i in items):
        problems["items"] = "missing or not a list of plan items"
    if not isinstance(document.get("assessments", {}), Mapping):
        problems["assessments"] = "must be an object of skill id to level"
    if problems:
        raise InvalidPlan(problems)


def _is_plan_item(item: Any) -> bool:
    return (
        isinstance(item, Mapping)
        and isinstance(item.get("skill"), str)
        and isinstance(item.get("target"), int)
    )


def _jobads() -> Any:
    from advisor.services import jobads

    return jobads
