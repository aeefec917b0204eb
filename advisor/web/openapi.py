"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.

Its schemas are generated from the pydantic models of `advisor.web.contract`; this module only
lists the paths, their parameters and which model each answer carries.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic.json_schema import models_json_schema

from advisor import __version__
from advisor.core.wording import WEEKDAYS
from advisor.web import contract
from advisor.web.plan_contract import Plan

# Every body the API takes or gives, in the order the description lists them.
MODELS: tuple[type[Any], ...] = (
    contract.Error,
    contract.Profile,
    Plan,
    contract.WhatIfRequest,
    contract.WhatIf,
    contract.ExtractRequest,
    contract.Extraction,
    contract.SkillList,
    contract.RoleList,
    contract.Evidence,
    contract.TeamRequest,
    contract.TeamSummary,
)

REF = "#/components/schemas/{model}"


def _ref(model: type[Any]) -> dict[str, str]:
    return {"$ref": REF.format(model=model.__name__)}


def _json(model: type[Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": _ref(model)}}}


def _answer(description: str, model: type[Any]) -> dict[str, Any]:
    return {"description": description, **_json(model)}


def _errors(*codes: str) -> dict[str, Any]:
    meaning = {
        "400": "the body is not a JSON object",
        "404": "no such plan, team or skill",
        "413": "request body too large",
        "422": "invalid fields, each named in error.fields",
        "429": "too many requests (Retry-After says when to come back)",
    }
    return {code: _answer(meaning[code], contract.Error) for code in (*codes, "429")}


TOKEN = {
    "name": "token",
    "in": "path",
    "required": True,
    "schema": {"type": "string"},
    "description": "the plan's unguessable id",
}


COACH = {
    "name": "token",
    "in": "path",
    "required": True,
    "schema": {"type": "string"},
    "description": "the coach's unguessable token (the team's id)",
}


def _query(name: str, fmt: str | None, description: str) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", **({"format": fmt} if fmt else {})}
    return {"name": name, "in": "query", "schema": schema, "description": description}


def _paths() -> dict[str, Any]:
    body = {"required": True}
    return {
        "/api/v1/skills": {
            "get": {
                "summary": "The skills of the taxonomy, each with its demand",
                "parameters": [{"name": "domain", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": _answer("skills", contract.SkillList), **_errors()},
            }
        },
        "/api/v1/roles": {
            "get": {
                "summary": "The target roles and what they require",
                "responses": {"200": _answer("roles", contract.RoleList), **_errors()},
            }
        },
        "/api/v1/plans": {
            "post": {
                "summary": "Build and save a plan from a profile",
                "requestBody": {**body, **_json(contract.Profile)},
                "responses": {
                    "201": {
                        **_answer("the plan; Location names it", Plan),
                        "headers": {"Location": {"schema": {"type": "string"}}},
                    },
                    **_errors("400", "413", "422"),
                },
            }
        },
        "/api/v1/plans/{token}": {
            "get": {
                "summary": "Read a saved plan",
                "parameters": [TOKEN],
                "responses": {"200": _answer("the plan", Plan), **_errors("404")},
            },
            "delete": {
                "summary": "Erase a plan, its journey, profiles and assessments",
                "parameters": [TOKEN],
                "responses": {"204": {"description": "erased"}, **_errors("404")},
            },
        },
        "/api/v1/plans/{token}/calendar": {
            "get": {
                "summary": "The plan as an iCalendar file: milestones, deadline, weekly study",
                "parameters": [
                    TOKEN,
                    _query("start", "date", "the first day of week 1 (default: the plan's day)"),
                    {
                        **_query(
                            "weekday", None, "the day of the study blocks (default: saturday)"
                        ),
                        "schema": {"type": "string", "enum": list(WEEKDAYS)},
                    },
                    {
                        **_query("at", None, "when the study blocks start, HH:MM (default 09:00)"),
                        "schema": {"type": "string", "pattern": "^([01][0-9]|2[0-2]):[0-5][0-9]$"},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "the plan's calendar (RFC 5545)",
                        "content": {"text/calendar": {"schema": {"type": "string"}}},
                    },
                    **_errors("404", "422"),
                },
            }
        },
        "/api/v1/plans/{token}/what-if": {
            "post": {
                "summary": "Fit, hours and weeks if one skill were at another level",
                "parameters": [TOKEN],
                "requestBody": {**body, **_json(contract.WhatIfRequest)},
                "responses": {
                    "200": _answer("before and after", contract.WhatIf),
                    **_errors("400", "404", "413", "422"),
                },
            }
        },
        "/api/v1/extract": {
            "post": {
                "summary": "Skills mentioned in a text, with character spans",
                "requestBody": {**body, **_json(contract.ExtractRequest)},
                "responses": {
                    "200": _answer("skills found", contract.Extraction),
                    **_errors("400", "413", "422"),
                },
            }
        },
        "/api/v1/skills/{skill_id}/evidence": {
            "get": {
                "summary": "A skill's demand and the article sentences that mention it",
                "parameters": [
                    {
                        "name": "skill_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": _answer("demand and evidence", contract.Evidence),
                    **_errors("404"),
                },
            }
        },
        "/api/v1/teams": {
            "post": {
                "summary": "Create a team: its summary, with the coach's token and the invitation",
                "requestBody": {**body, **_json(contract.TeamRequest)},
                "responses": {
                    "201": {
                        **_answer("the team; Location names its summary", contract.TeamSummary),
                        "headers": {"Location": {"schema": {"type": "string"}}},
                    },
                    **_errors("400", "413", "422"),
                },
            }
        },
        "/api/v1/teams/{token}": {
            "get": {
                "summary": "A team's summary: aggregates of its members' ratings only",
                "parameters": [COACH],
                "responses": {
                    "200": _answer("the summary", contract.TeamSummary),
                    **_errors("404"),
                },
            },
            "delete": {
                "summary": "Erase a team, its links and memberships (never the members' plans)",
                "parameters": [COACH],
                "responses": {"204": {"description": "erased"}, **_errors("404")},
            },
        },
        "/api/v1/openapi.json": {
            "get": {
                "summary": "This description",
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    }


@functools.cache
def openapi_document() -> dict[str, Any]:
    """The whole description, built once per process from the models."""
    _, definitions = models_json_schema(
        [(model, "validation") for model in MODELS], ref_template=REF
    )
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "advisor API",
            "version": __version__,
            "description": "Ranked, explained, scheduled skill plans for the AI shift.",
        },
        "paths": _paths(),
        "components": {"schemas": definitions["$defs"]},
    }
