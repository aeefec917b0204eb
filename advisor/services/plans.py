"""Use cases of plans: compute one, save it, read it, ask what-if, erase a person's data."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from advisor.core.errors import InvalidQuestion
from advisor.core.limits import MAX_LEVEL, MIN_LEVEL
from advisor.core.planning import Profile, parse_profile, resolve_skill_id
from advisor.persistence import articles, plans, teams
from advisor.persistence.models import PlanRecord
from advisor.persistence.store import Store
from advisor.services import jobads
from advisor.services.advisor import Advisor
from advisor.services.plan_build import check_earlier_plan as check_earlier_plan
from advisor.services.plan_build import new_plan_id as new_plan_id
from advisor.services.plan_build import plan_for_profile as plan_for_profile

log = logging.getLogger(__name__)


class PlanNotFound(LookupError):
    """No plan has this token (never had, or its owner deleted it)."""


class TeamNotFound(LookupError):
    """No team has this token (never had, or its coach deleted it)."""


TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def _record(session: Session, token: str) -> PlanRecord | None:
    # Whatever was sent as a token reaches the database only if it could be one (a lone
    # surrogate, for one, cannot even be encoded for the query).
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    return plans.plan_by_token(session=session, token=token)


def _earlier(connection: Connection, token: str) -> tuple[str, int] | None:
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    return plans.plan_body_and_journey(session=connection, token=token)


def current_demand(store: Store, advisor: Advisor) -> dict[str, float]:
    """The demand signal stored by the last ingestion, else the sources' prior."""
    with store.query() as connection:
        return _demand(articles.stored_demand(session=connection), advisor)


def _demand(stored: Mapping[str, float], advisor: Advisor) -> dict[str, float]:
    if not stored:
        return dict(advisor.demand)
    return {skill_id: stored.get(skill_id, value) for skill_id, value in advisor.demand.items()}


def plan_json(plan: Mapping[str, Any]) -> str:
    """A plan as stored and served: compact JSON, UTF-8 kept as is (serialised once)."""
    return orjson.dumps(plan, option=orjson.OPT_NON_STR_KEYS).decode()


def create_plan(
    *,
    store: Store,
    advisor: Advisor,
    profile_data: Any,
    now: datetime,
    previous_token: str | None = None,
    team_invitation: str | None = None,
) -> dict[str, Any]:
    """Validate, plan and save; a reassessment joins the earlier plan's journey, and with
    `team_invitation` the journey shares its ratings with that team.

    Raises `InvalidProfile`, `PlanNotFound` (for an unknown previous plan) or `TeamNotFound`;
    either way nothing is saved. The plan is computed between a read and one write
    transaction.
    """
    return save_plan(
        store=store,
        advisor=advisor,
        profile_data=profile_data,
        now=now,
        previous_token=previous_token,
        team_invitation=team_invitation,
    )[0]


def save_plan(
    *,
    store: Store,
    advisor: Advisor,
    profile_data: Any,
    now: datetime,
    previous_token: str | None = None,
    team_invitation: str | None = None,
) -> tuple[dict[str, Any], str]:
    """`create_plan`, returning the plan's JSON text too (the text saved, to answer with);
    with `team_invitation`, the plan's journey shares its ratings with that team, in the same
    transaction (`TeamNotFound` for an unknown invitation, and nothing is saved).

    One read (the earlier plan, the team, the demand signal), the computation and the
    serialisation outside any transaction, then one short write of plain inserts.
    """
    earlier, journey_id, team_id = None, None, None
    with store.query() as connection:
        if team_invitation is not None:
            team_id = _team_id(connection, team_invitation)
        if previous_token is not None:
            record = _earlier(connection, previous_token)
            if record is None:
                raise PlanNotFound(previous_token)
            earlier, journey_id = json.loads(record[0]), record[1]
        demand = _demand(articles.stored_demand(session=connection), advisor)
    profile, body = plan_for_profile(
        advisor, profile_data, now=now, previous=earlier, demand=demand
    )
    text = plan_json(body)
    try:
        _insert(store, profile, body, text, journey_id, team_id, now)
    except IntegrityError:
        if team_id is None:
            raise
        raise TeamNotFound(team_invitation) from None  # the team was deleted meanwhile
    return body, text


def _team_id(connection: Connection, invitation: str) -> int:
    found = (
        teams.team_by_invitation(session=connection, token=invitation)
        if TOKEN_SHAPE.fullmatch(invitation)
        else None
    )
    if found is None:
        raise TeamNotFound(invitation)
    return found.id


def _insert(
    store: Store,
    profile: Profile,
    body: dict[str, Any],
    text: str,
    journey_id: int | None,
    team_id: int | None,
    now: datetime,
) -> None:
    """One write: the profile, its assessments, the plan, and the team membership if any."""
    with store.write() as session:
        journey = plans.insert_plan(
            session=session,
            profile=profile.as_dict(),
            token=body["id"],
            previous_token=(body.get("progress") or {}).get("previous_plan"),
            taxonomy_version=body["taxonomy_version"],
            language=body["language"],
            body=text,
            journey_id=journey_id,
            now=now,
        )
        if team_id is not None:
            teams.add_member(session=session, team_id=team_id, journey_id=journey, now=now)


def get_plan_json(*, store: Store, token: str) -> str:
    """The saved plan as the JSON text it was stored as; raises `PlanNotFound`."""
    page = plan_page(store=store, token=token)
    return page[0]


def get_plan(*, store: Store, token: str) -> dict[str, Any]:
    """The saved plan as JSON data; raises `PlanNotFound`."""
    plan: dict[str, Any] = json.loads(get_plan_json(store=store, token=token))
    return plan


def plan_head(*, store: Store, token: str) -> str | None:
    """The token of the newer version of plan `token`, else None; raises `PlanNotFound` when no
    plan has `token`. One indexed query that reads no plan body: asked on every page view."""
    _require_shape(token)
    with store.query() as connection:
        found, newer = plans.plan_head(session=connection, token=token)
    if not found:
        raise PlanNotFound(token)
    return newer


def plan_page(*, store: Store, token: str) -> tuple[str, str | None]:
    """The plan's JSON text and the token of its newer version, in one query; raises
    `PlanNotFound`."""
    _require_shape(token)
    with store.query() as connection:
        page = plans.plan_page(session=connection, token=token)
    if page is None:
        raise PlanNotFound(token)
    return page


@dataclass(frozen=True)
class Drawn:
    """A PDF as its renderer drew it, and its number of pages."""

    body: bytes
    pages: int


SUMMARY, DETAILS = "summary", "details"


def plan_pdf(
    *,
    store: Store,
    token: str,
    link: str,
    taxonomy_version: str,
    layout: str,
    render: Callable[[dict[str, Any]], Drawn],
    now: datetime,
    kind: str = SUMMARY,
) -> tuple[dict[str, Any], Drawn]:
    """The plan and its PDF of `kind` (the two-page summary, or the full plan), drawn by
    `render` the first time and then kept in the database (every worker reads the same bytes;
    erasing the plan erases them). A PDF drawn for another link (another public address),
    taxonomy (its skills' names) or layout (another version of the renderer) is drawn again.
    Raises `PlanNotFound`."""
    _require_shape(token)
    with store.query() as connection:
        found = plans.stored_pdf(session=connection, token=token, kind=kind)
    if found is None:
        raise PlanNotFound(token)
    plan: dict[str, Any] = json.loads(found.plan)
    fresh = (found.link, found.taxonomy_version, found.layout) == (link, taxonomy_version, layout)
    if found.body is not None and fresh:
        return plan, Drawn(found.body, found.pages)
    drawn = render(plan)
    try:
        with store.write() as session:
            plans.keep_pdf(
                session=session,
                plan_id=found.plan_id,
                kind=kind,
                link=link,
                taxonomy_version=taxonomy_version,
                layout=layout,
                pages=drawn.pages,
                body=drawn.body,
                now=now,
            )
    except IntegrityError:
        pass  # another worker kept it first, or the plan was erased meanwhile: nothing kept
    return plan, drawn


def newer_plan_token(*, store: Store, token: str) -> str | None:
    """The token of the newer version of plan `token` (its reassessment), else None; raises
    `PlanNotFound` when no plan has `token`."""
    return plan_head(store=store, token=token)


def get_profile(*, store: Store, token: str) -> dict[str, Any]:
    """The profile a saved plan was made from, to prefill a reassessment or ask what-if."""
    with store.read() as session:
        record = _record(session, token)
        if record is None:
            raise PlanNotFound(token)
        profile, assessments = plans.profile_of(session=session, plan=record)
        return Profile(
            language=profile.language,
            target_role=profile.target_role,
            hours_per_week=profile.hours_per_week,
            assessments=assessments,
            deadline_weeks=profile.deadline_weeks,
            current_role=profile.current_role,
            experience=profile.experience,
            target_ad=profile.target_ad or "",
        ).as_dict()


def delete_plan(*, store: Store, token: str) -> None:
    """Erase the plan, every plan of the same journey, their profiles and assessments.

    One transaction: either all of the person's data goes, or none of it; then the store is
    scrubbed so that no file keeps a copy.
    """
    with store.write() as session:
        record = _record(session, token)
        if record is None:
            raise PlanNotFound(token)
        plans.delete_journey(session=session, journey_id=record.journey_id)
    if not store.scrub():
        log.warning("erased data stay in the write-ahead log until its next checkpoint")


def what_if(advisor: Advisor, profile: Profile, skill_id: str, level: int) -> dict[str, Any]:
    """Fit, hours and weeks if one skill were at another level, as JSON."""
    ids = resolve_skill_id(skill_id, advisor.taxonomy)
    if len(ids) != 1:
        raise InvalidQuestion({"skill": f"unknown skill {skill_id!r}"})
    if not MIN_LEVEL <= level <= MAX_LEVEL:
        raise InvalidQuestion({"level": f"must be from {MIN_LEVEL} to {MAX_LEVEL}"})
    role = jobads.job_ad(advisor, profile.target_ad).role if profile.target_ad else None
    result = advisor.planner.what_if(profile, ids[0], level, role)
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


def saved_profile(*, store: Store, advisor: Advisor, token: str) -> Profile:
    """The saved profile of a plan as a `Profile` value; raises `PlanNotFound`."""
    return parse_profile(get_profile(store=store, token=token), advisor.taxonomy)


def _require_shape(token: str) -> None:
    """`PlanNotFound` at once for what cannot be a token: no query is spent on it."""
    if not TOKEN_SHAPE.fullmatch(token):
        raise PlanNotFound(token)
