"""The JSON API: shapes, status codes, errors that name fields, limits and headers."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from openapi_spec_validator import validate

from advisor.app import create_app
from advisor.web import contract
from advisor.web.plan_contract import Plan

PROFILE = {
    "language": "en",
    "target_role": "mlops-engineer",
    "hours_per_week": 8,
    "assessments": {"python": 3, "foundations.containers": 1},
}


def test_openapi_description_is_valid_3_1(client: FlaskClient) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"] == "3.1.0"
    validate(document)
    assert {"/api/v1/plans", "/api/v1/plans/{token}", "/api/v1/skills"} <= set(document["paths"])


def test_skills_and_roles(client: FlaskClient) -> None:
    skills = client.get("/api/v1/skills").get_json()
    assert {s["id"] for s in skills["skills"]} >= {"foundations.python", "mlops.model-serving"}
    assert all(0 <= s["demand"] <= 1 for s in skills["skills"])
    only = client.get("/api/v1/skills?domain=mlops").get_json()["skills"]
    assert {s["domain"] for s in only} == {"mlops"}
    roles = client.get("/api/v1/roles").get_json()["roles"]
    assert {r["id"] for r in roles} == {"mlops-engineer", "python-developer"}


def test_create_read_delete(client: FlaskClient) -> None:
    created = client.post("/api/v1/plans", json=PROFILE)
    assert created.status_code == 201
    plan = created.get_json()
    assert created.headers["Location"] == f"/api/v1/plans/{plan['id']}"
    assert plan["assessments"] == {"foundations.python": 3, "foundations.containers": 1}
    assert client.get(created.headers["Location"]).get_json() == plan
    assert client.delete(created.headers["Location"]).status_code == 204
    gone = client.get(created.headers["Location"])
    assert gone.status_code == 404
    assert gone.get_json()["error"]["code"] == "not_found"


def test_invalid_fields_are_named(client: FlaskClient) -> None:
    response = client.post(
        "/api/v1/plans",
        json={"hours_per_week": 0, "assessments": {"kubernetes-ish": 2, "python": 6}},
    )
    assert response.status_code == 422
    fields = response.get_json()["error"]["fields"]
    assert set(fields) == {"hours_per_week", "assessments.kubernetes-ish", "assessments.python"}


def test_a_body_that_is_not_json_is_a_400(client: FlaskClient) -> None:
    for kwargs in (
        {"data": "hours=8"},
        {"data": "[1, 2", "content_type": "application/json"},
        {"json": [1, 2]},
    ):
        response = client.post("/api/v1/plans", **kwargs)  # type: ignore[arg-type]
        assert response.status_code == 400
        assert response.get_json()["error"]["code"] == "invalid_json"


def test_a_huge_body_is_a_413_in_json(client: FlaskClient) -> None:
    response = client.post(
        "/api/v1/plans", data="x" * (3 * 1024 * 1024), content_type="application/json"
    )
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "request_entity_too_large"


def test_reassessing_through_the_api_links_plans(client: FlaskClient) -> None:
    first = client.post("/api/v1/plans", json=PROFILE).get_json()
    second = client.post(
        "/api/v1/plans",
        json={**PROFILE, "previous_plan": first["id"], "assessments": {"python": 4}},
    ).get_json()
    assert second["progress"]["previous_plan"] == first["id"]
    missing = client.post("/api/v1/plans", json={**PROFILE, "previous_plan": "nope"})
    assert missing.status_code == 422
    assert missing.get_json()["error"]["fields"] == {"previous_plan": "no plan has this id"}


def test_what_if(client: FlaskClient) -> None:
    plan = client.post("/api/v1/plans", json=PROFILE).get_json()
    answer = client.post(
        f"/api/v1/plans/{plan['id']}/what-if", json={"skill": "foundations.containers", "level": 3}
    ).get_json()
    assert answer["fit_after"] > answer["fit_before"]
    bad = client.post(f"/api/v1/plans/{plan['id']}/what-if", json={"skill": "x", "level": 9})
    assert bad.status_code == 422


def test_the_api_is_rate_limited(app_config: dict[str, object]) -> None:
    app: Flask = create_app(
        {**app_config, "RATELIMIT_ENABLED": True, "API_RATE_LIMIT": "3 per minute"}
    )
    client = app.test_client()
    codes = [client.get("/api/v1/roles").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert client.get("/api/v1/roles").get_json()["error"]["code"] == "too_many_requests"
    app.extensions["advisor.store"].close()


def test_security_headers_on_pages_and_api(client: FlaskClient) -> None:
    for path in ("/", "/api/v1/roles", "/no-such-page"):
        headers = client.get(path).headers
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"


def test_answers_match_the_published_contract(client: FlaskClient) -> None:
    # The OpenAPI schemas are generated from these models; the answers must validate.
    created = client.post(
        "/api/v1/plans",
        json={"target_role": "mlops-engineer", "hours_per_week": 6, "language": "fr"},
    )
    Plan.model_validate(created.get_json())
    extraction = client.post("/api/v1/extract", json={"text": "Kubernetes et Python"})
    contract.Extraction.model_validate(extraction.get_json())
    contract.SkillList.model_validate(client.get("/api/v1/skills").get_json())
    contract.RoleList.model_validate(client.get("/api/v1/roles").get_json())


def test_unknown_fields_of_a_request_body_are_named(client: FlaskClient) -> None:
    answer = client.post("/api/v1/extract", json={"text": "x", "colour": "blue"})
    assert answer.status_code == 422
    assert "colour" in answer.get_json()["error"]["fields"]
