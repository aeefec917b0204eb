"""The JSON API under /api/v1: taxonomy, plans, what-if, a plan's calendar, teams; errors
always in one JSON shape."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, Response, jsonify, request
from flask.typing import ResponseReturnValue

from advisor.core.errors import InvalidInput, InvalidProfile
from advisor.core.taxonomy import skill_dict
from advisor.core.wording import CALENDAR_FIELDS, InvalidCalendar, calendar_options
from advisor.ics import plan_ics
from advisor.services import corpus, plans, teams
from advisor.web import contract
from advisor.web.context import current_advisor, current_store
from advisor.web.errors import json_error
from advisor.web.links import external_url, location_url
from advisor.web.openapi import openapi_document
from advisor.web.security import private

bp = Blueprint("api", __name__, url_prefix="/api/v1")


class TooDeep(ValueError):
    """A JSON body nested deeper than Python's decoder can follow."""


def json_body() -> Any:
    """The request's JSON, or None when the body is not JSON; `TooDeep` for absurd nesting."""
    if not request.is_json:
        return None
    try:
        return request.get_json(silent=True)
    except RecursionError:
        raise TooDeep() from None


def bad_json() -> ResponseReturnValue:
    return json_error(
        400,
        "invalid_json",
        "the body must be a JSON object (Content-Type: application/json)",
        {"(body)": "not a JSON object"},
    )


@bp.errorhandler(TooDeep)
def too_deep(_: TooDeep) -> ResponseReturnValue:
    return json_error(
        400, "invalid_json", "the JSON body is nested too deeply", {"(body)": "nested too deeply"}
    )


def invalid(error: InvalidProfile) -> ResponseReturnValue:
    return json_error(422, "invalid_profile", "the profile has invalid fields", error.fields)


@bp.get("/skills")
def skills() -> ResponseReturnValue:
    advisor = current_advisor()
    domain = request.args.get("domain")
    listed = [s for s in advisor.taxonomy.skills.values() if domain in (None, s.domain)]
    return jsonify(
        {
            "version": advisor.taxonomy.version,
            "skills": [skill_dict(s, advisor.demand.get(s.id)) for s in listed],
        }
    )


@bp.get("/roles")
def roles() -> ResponseReturnValue:
    taxonomy = current_advisor().taxonomy
    body = [
        {
            "id": r.id,
            "label": {"en": r.label.en, "fr": r.label.fr},
            "description": {"en": r.description.en, "fr": r.description.fr},
            "requirements": {
                k: {"level": q.level, "importance": q.importance} for k, q in r.requirements.items()
            },
        }
        for r in taxonomy.roles.values()
    ]
    return jsonify({"version": taxonomy.version, "roles": body})


@bp.post("/plans")
@private
def create_plan() -> ResponseReturnValue:
    """A profile in, a plan out: 201 with a Location to read or delete it later."""
    data = json_body()
    if not isinstance(data, dict):
        return bad_json()
    previous = data.pop("previous_plan", None)
    invitation = data.pop("team_invitation", None)
    for name, value, kind in (
        ("previous_plan", previous, "plan id"),
        ("team_invitation", invitation, "team invitation"),
    ):
        if value is not None and not isinstance(value, str):
            return invalid(InvalidProfile({name: f"must be a {kind}"}))
    try:
        plan, text = plans.save_plan(
            store=current_store(),
            advisor=current_advisor(),
            profile_data=data,
            now=datetime.now(UTC),
            previous_token=previous,
            team_invitation=invitation,
        )
    except InvalidProfile as error:
        return invalid(error)
    except plans.PlanNotFound:
        return invalid(InvalidProfile({"previous_plan": "no plan has this id"}))
    except plans.TeamNotFound:
        return invalid(InvalidProfile({"team_invitation": "no team has this invitation"}))
    # The plan was serialised once to be saved; the same text answers the request.
    response = Response(text, status=201, mimetype="application/json")
    response.headers["Location"] = location_url("api.read_plan", token=plan["id"])
    return response


@bp.get("/plans/<token>")
@private
def read_plan(token: str) -> ResponseReturnValue:
    try:
        body = plans.get_plan_json(store=current_store(), token=token)
    except plans.PlanNotFound:
        return not_found()
    return Response(body, mimetype="application/json")


@bp.delete("/plans/<token>")
@private
def delete_plan(token: str) -> ResponseReturnValue:
    """Erase the plan, its journey, profiles and assessments; the id then answers 404."""
    try:
        plans.delete_plan(store=current_store(), token=token)
    except plans.PlanNotFound:
        return not_found()
    return Response(status=204)


@bp.get("/plans/<token>/calendar")
@private
def calendar(token: str) -> ResponseReturnValue:
    """The plan as an iCalendar file: `start` (YYYY-MM-DD), `weekday` (monday … sunday) and
    `at` (HH:MM) say when week 1 starts and when the weekly study blocks are."""
    try:
        plan = plans.get_plan(store=current_store(), token=token)
    except plans.PlanNotFound:
        return not_found()
    try:
        asked = {name: request.args.get(name) for name in CALENDAR_FIELDS}
        body = plan_ics(plan, calendar_options(asked))
    except InvalidCalendar as error:
        return json_error(422, "invalid_request", "the request has invalid fields", error.fields)
    return Response(body, mimetype="text/calendar")


@bp.post("/plans/<token>/what-if")
@private
def what_if(token: str) -> ResponseReturnValue:
    """`{"skill", "level"}` → fit, hours and weeks before and after."""
    data = json_body()
    if not isinstance(data, dict):
        return bad_json()
    advisor = current_advisor()
    try:
        profile = plans.saved_profile(store=current_store(), advisor=advisor, token=token)
    except plans.PlanNotFound:
        return not_found()
    try:
        question = contract.parse_body(contract.WhatIfRequest, data)
        return jsonify(plans.what_if(advisor, profile, question.skill, question.level))
    except InvalidInput as error:
        return json_error(422, "invalid_request", "the request has invalid fields", error.fields)


@bp.post("/extract")
def extract() -> ResponseReturnValue:
    """`{"text", "lang"?}` → the skills the text mentions, with spans."""
    data = json_body()
    if not isinstance(data, dict):
        return bad_json()
    try:
        request_body = contract.parse_body(contract.ExtractRequest, data)
        text, lang = request_body.text, request_body.lang
        return jsonify(corpus.extract_text(current_advisor(), text, lang))
    except InvalidInput as error:
        return json_error(422, "invalid_request", "the request has invalid fields", error.fields)


@bp.get("/skills/<skill_id>/evidence")
def evidence(skill_id: str) -> ResponseReturnValue:
    """The skill's demand and the sentences of ingested articles that mention it."""
    advisor = current_advisor()
    if skill_id not in advisor.taxonomy.skills:
        return json_error(404, "not_found", f"no skill {skill_id!r}")
    return jsonify(corpus.evidence(store=current_store(), advisor=advisor, skill_id=skill_id))


@bp.post("/teams")
@private
def create_team() -> ResponseReturnValue:
    """`{"name", "language"?, "target_role"?}` → 201 with the team's summary and its links."""
    data = json_body()
    if not isinstance(data, dict):
        return bad_json()
    try:
        contract.parse_body(contract.TeamRequest, data)
        team = teams.create_team(
            store=current_store(), advisor=current_advisor(), data=data, now=datetime.now(UTC)
        )
    except InvalidInput as error:
        return json_error(422, "invalid_request", "the request has invalid fields", error.fields)
    response = jsonify(_team_summary(team.coach_token))
    response.status_code = 201
    response.headers["Location"] = location_url("api.read_team", token=team.coach_token)
    return response


@bp.get("/teams/<token>")
@private
def read_team(token: str) -> ResponseReturnValue:
    """The team's summary: aggregates only, by the coach's token."""
    try:
        return jsonify(_team_summary(token))
    except plans.TeamNotFound:
        return json_error(404, "not_found", "no team has this id (it may have been deleted)")


@bp.delete("/teams/<token>")
@private
def delete_team(token: str) -> ResponseReturnValue:
    try:
        teams.delete_team(store=current_store(), coach_token=token)
    except plans.TeamNotFound:
        return json_error(404, "not_found", "no team has this id (it may have been deleted)")
    return Response(status=204)


def _team_summary(token: str) -> dict[str, Any]:
    """The summary with the team's two tokens and links; raises `TeamNotFound`."""
    team, summary = teams.summary(
        store=current_store(), advisor=current_advisor(), coach_token=token
    )
    links = {
        "dashboard": external_url("teams.dashboard", token=team.coach_token),
        "invitation": external_url("teams.join", token=team.invitation_token),
    }
    return {**summary, "id": team.coach_token, "invitation": team.invitation_token, "links": links}


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    return jsonify(openapi_document())


def not_found() -> ResponseReturnValue:
    return json_error(404, "not_found", "no plan has this id (it may have been deleted)")
