"""Whatever a client sends, the API answers with a JSON error or a plan, never a 500."""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ANSWERS = {201, 400, 413, 422}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=20,
)
profile_like = st.fixed_dictionaries(
    {},
    optional={
        "language": st.one_of(st.sampled_from(["en", "fr", "de", ""]), json_values),
        "target_role": st.one_of(st.sampled_from(["mlops-engineer", None, ""]), json_values),
        "hours_per_week": st.one_of(st.integers(-5, 100), json_values),
        "deadline_weeks": st.one_of(st.integers(-5, 1000), st.none(), json_values),
        "current_role": st.text(max_size=300),
        "experience": st.text(max_size=2000),
        "assessments": st.one_of(
            st.dictionaries(
                st.sampled_from(["python", "foundations.containers", "x", ""])
                | st.text(max_size=20),
                st.integers(-2, 8) | json_values,
                max_size=6,
            ),
            json_values,
        ),
        "previous_plan": st.one_of(st.none(), st.text(max_size=40), json_values),
    },
)


@pytest.mark.slow
@FUZZ
@given(profile_like)
def test_any_profile_gets_a_plan_or_a_json_error(client: FlaskClient, profile: object) -> None:
    response = client.post("/api/v1/plans", json=profile)
    assert response.status_code in ANSWERS, response.get_data(as_text=True)[:300]
    body = response.get_json()
    assert ("error" in body) == (response.status_code != 201)


@FUZZ
@given(json_values)
def test_any_json_document_gets_a_json_answer(client: FlaskClient, document: object) -> None:
    response = client.post("/api/v1/plans", json=document)
    assert response.status_code in ANSWERS
    assert response.is_json


@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes_get_a_json_error(client: FlaskClient, raw: bytes) -> None:
    response = client.post("/api/v1/plans", data=raw, content_type="application/json")
    assert response.status_code in ANSWERS
    assert response.is_json


def test_empty_and_huge_bodies(client: FlaskClient) -> None:
    assert (
        client.post("/api/v1/plans", data=b"", content_type="application/json").status_code == 400
    )
    huge = json.dumps({"hours_per_week": 5, "experience": "é" * 3_000_000})
    assert (
        client.post("/api/v1/plans", data=huge, content_type="application/json").status_code == 413
    )
    long_text = {"hours_per_week": 5, "experience": "x" * 10_001}
    response = client.post("/api/v1/plans", json=long_text)
    assert response.status_code == 422
    assert "experience" in response.get_json()["error"]["fields"]
