"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json."""

from __future__ import annotations

from typing import Any

from advisor import __version__


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, **_json(_ref("Error"))}


TEXT = {
    "type": "object",
    "properties": {"en": {"type": "string"}, "fr": {"type": "string"}},
    "required": ["en", "fr"],
}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message", "fields"],
                "properties": {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "fields": {
                        "type": "object",
                        "additionalProperties": {"type": "string"},
                        "description": "each invalid field, named, with what is wrong",
                    },
                },
            }
        },
    },
    "Profile": {
        "type": "object",
        "required": ["hours_per_week"],
        "additionalProperties": False,
        "properties": {
            "language": {"type": "string", "enum": ["en", "fr"], "default": "en"},
            "target_role": {
                "type": ["string", "null"],
                "description": "a role id; null to have roles suggested",
            },
            "hours_per_week": {"type": "integer", "minimum": 1, "maximum": 60},
            "deadline_weeks": {"type": ["integer", "null"], "minimum": 1, "maximum": 520},
            "current_role": {"type": "string", "maxLength": 200},
            "assessments": {
                "type": "object",
                "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 5},
                "description": "skill id (full, replaced, or unambiguous short id) → level",
            },
            "experience": {"type": "string", "maxLength": 10000},
            "previous_plan": {
                "type": ["string", "null"],
                "description": "id of an earlier plan: the new one shows progress",
            },
        },
    },
    "Reason": {
        "type": "object",
        "required": ["factor", "value", "score", "weight"],
        "properties": {
            "factor": {
                "type": "string",
                "enum": ["gap", "importance", "demand", "unlocks", "effort"],
            },
            "value": {"type": "number"},
            "score": {"type": "number"},
            "weight": {"type": "number"},
        },
    },
    "PlanItem": {
        "type": "object",
        "required": [
            "rank",
            "skill",
            "label",
            "domain",
            "current",
            "target",
            "priority",
            "reasons",
            "hours",
            "start_week",
            "end_week",
            "prerequisites",
            "resources",
        ],
        "properties": {
            "rank": {"type": "integer"},
            "skill": {"type": "string"},
            "label": {"type": "string"},
            "domain": {"type": "string"},
            "current": {"type": "integer"},
            "target": {"type": "integer"},
            "priority": {"type": "number"},
            "reasons": {"type": "array", "items": _ref("Reason")},
            "hours": {"type": "integer"},
            "start_week": {"type": "integer"},
            "end_week": {"type": "integer"},
            "prerequisites": {"type": "array", "items": {"type": "string"}},
            "is_prerequisite": {"type": "boolean"},
            "resources": {"type": "array", "items": {"type": "object"}},
        },
    },
    "RoleFit": {
        "type": "object",
        "required": ["id", "label", "fit"],
        "properties": {
            "id": {"type": "string"},
            "label": {"type": "string"},
            "fit": {"type": "number", "minimum": 0, "maximum": 1},
        },
    },
    "Plan": {
        "type": "object",
        "required": [
            "id",
            "created_at",
            "taxonomy_version",
            "language",
            "target_role",
            "role_suggestions",
            "items",
            "total_hours",
            "weeks",
        ],
        "properties": {
            "id": {"type": "string"},
            "created_at": {"type": "string"},
            "taxonomy_version": {"type": "string"},
            "language": {"type": "string"},
            "target_role": _ref("RoleFit"),
            "role_suggestions": {"type": "array", "items": _ref("RoleFit")},
            "items": {"type": "array", "items": _ref("PlanItem")},
            "total_hours": {"type": "integer"},
            "weeks": {"type": "integer"},
            "hours_per_week": {"type": "integer"},
            "deadline": {"type": ["object", "null"]},
            "schedule": {"type": "array", "items": {"type": "object"}},
            "progress": {"type": ["object", "null"]},
        },
    },
    "WhatIfRequest": {
        "type": "object",
        "required": ["skill", "level"],
        "properties": {
            "skill": {"type": "string"},
            "level": {"type": "integer", "minimum": 0, "maximum": 5},
        },
    },
    "WhatIf": {
        "type": "object",
        "properties": {
            k: {"type": "number"}
            for k in (
                "fit_before",
                "fit_after",
                "hours_before",
                "hours_after",
                "weeks_before",
                "weeks_after",
            )
        },
    },
    "ExtractRequest": {
        "type": "object",
        "required": ["text"],
        "properties": {
            "text": {"type": "string", "maxLength": 200000},
            "lang": {"type": "string", "enum": ["auto", "en", "fr"]},
        },
    },
    "Extraction": {
        "type": "object",
        "required": ["language", "skills"],
        "properties": {
            "language": {"type": "string"},
            "skills": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "label", "count", "spans"],
                    "properties": {
                        "id": {"type": "string"},
                        "label": {"type": "string"},
                        "count": {"type": "integer"},
                        "spans": {
                            "type": "array",
                            "items": {"type": "array", "items": {"type": "integer"}},
                        },
                    },
                },
            },
        },
    },
    "Skill": {
        "type": "object",
        "required": ["id", "domain", "label", "description"],
        "properties": {
            "id": {"type": "string"},
            "domain": {"type": "string"},
            "label": TEXT,
            "description": TEXT,
            "aliases": {"type": "object"},
            "prerequisites": {"type": "array", "items": {"type": "object"}},
            "demand": {"type": "number"},
        },
    },
    "Role": {
        "type": "object",
        "required": ["id", "label", "requirements"],
        "properties": {
            "id": {"type": "string"},
            "label": TEXT,
            "description": TEXT,
            "requirements": {"type": "object"},
        },
    },
}

TOKEN = {
    "name": "token",
    "in": "path",
    "required": True,
    "schema": {"type": "string"},
    "description": "the plan's unguessable id",
}
COMMON_ERRORS = {"429": _error("too many requests"), "413": _error("request body too large")}


def _paths() -> dict[str, Any]:
    return {
        "/api/v1/skills": {
            "get": {
                "summary": "The skills of the taxonomy, each with its demand",
                "parameters": [{"name": "domain", "in": "query", "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "skills",
                        **_json(
                            {
                                "type": "object",
                                "properties": {
                                    "version": {"type": "string"},
                                    "skills": {"type": "array", "items": _ref("Skill")},
                                },
                            }
                        ),
                    },
                    "429": COMMON_ERRORS["429"],
                },
            }
        },
        "/api/v1/roles": {
            "get": {
                "summary": "The target roles and what they require",
                "responses": {
                    "200": {
                        "description": "roles",
                        **_json(
                            {
                                "type": "object",
                                "properties": {
                                    "version": {"type": "string"},
                                    "roles": {"type": "array", "items": _ref("Role")},
                                },
                            }
                        ),
                    },
                    "429": COMMON_ERRORS["429"],
                },
            }
        },
        "/api/v1/plans": {
            "post": {
                "summary": "Build and save a plan from a profile",
                "requestBody": {"required": True, **_json(_ref("Profile"))},
                "responses": {
                    "201": {
                        "description": "the plan; Location names it",
                        "headers": {"Location": {"schema": {"type": "string"}}},
                        **_json(_ref("Plan")),
                    },
                    "400": _error("the body is not a JSON object"),
                    "422": _error("invalid fields, each named in error.fields"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v1/plans/{token}": {
            "get": {
                "summary": "Read a saved plan",
                "parameters": [TOKEN],
                "responses": {
                    "200": {"description": "the plan", **_json(_ref("Plan"))},
                    "404": _error("no such plan"),
                    "429": COMMON_ERRORS["429"],
                },
            },
            "delete": {
                "summary": "Erase a plan, its journey, profiles and assessments",
                "parameters": [TOKEN],
                "responses": {
                    "204": {"description": "erased"},
                    "404": _error("no such plan"),
                    "429": COMMON_ERRORS["429"],
                },
            },
        },
        "/api/v1/plans/{token}/what-if": {
            "post": {
                "summary": "Fit, hours and weeks if one skill were at another level",
                "parameters": [TOKEN],
                "requestBody": {"required": True, **_json(_ref("WhatIfRequest"))},
                "responses": {
                    "200": {"description": "before and after", **_json(_ref("WhatIf"))},
                    "400": _error("the body is not a JSON object"),
                    "404": _error("no such plan"),
                    "422": _error("invalid fields"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v1/extract": {
            "post": {
                "summary": "Skills mentioned in a text, with character spans",
                "requestBody": {"required": True, **_json(_ref("ExtractRequest"))},
                "responses": {
                    "200": {"description": "skills found", **_json(_ref("Extraction"))},
                    "400": _error("the body is not a JSON object"),
                    "422": _error("invalid fields"),
                    **COMMON_ERRORS,
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
                    "200": {"description": "demand and evidence", **_json({"type": "object"})},
                    "404": _error("no such skill"),
                    "429": COMMON_ERRORS["429"],
                },
            }
        },
        "/api/v1/openapi.json": {
            "get": {
                "summary": "This description",
                "responses": {"200": {"description": "OpenAPI 3.1", **_json({"type": "object"})}},
            }
        },
    }


def openapi_document() -> dict[str, Any]:
    """The whole description (new paths are added to `_paths` with their errors)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "advisor API",
            "version": __version__,
            "description": "Ranked, explained, scheduled skill plans for the AI shift.",
        },
        "paths": _paths(),
        "components": {"schemas": SCHEMAS},
    }
