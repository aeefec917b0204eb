"""Hostile input to the forms and the API gets a page or an error naming the field, never a
500 (issue 12, item 2): each case a fuzzer found, then a fuzzer over every form route."""

from __future__ import annotations

import json
import string

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.test_flow import STEP1, create_plan, step2

FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def test_an_unknown_target_role_is_an_error_on_the_form(client: FlaskClient) -> None:
    response = client.post("/plans", data={**step2(), "target_role": "bogus"})
    assert response.status_code == 422
    assert 'aria-invalid="true"' in response.get_data(as_text=True)


def test_a_level_that_is_not_a_number_is_an_error_on_the_form(client: FlaskClient) -> None:
    response = client.post("/plans", data={**step2(), "levels-0-level": "x"})
    assert response.status_code == 422
    assert 'id="levels-0-level-error">Not a valid choice.' in response.get_data(as_text=True)


@pytest.mark.parametrize("index", ["²", "٣", "9" * 5000, "-1", " 1", "1_0"])
def test_odd_list_indexes_are_ignored(client: FlaskClient, index: str) -> None:
    form = {**step2(), f"levels-{index}-skill": "foundations.python", f"levels-{index}-level": "2"}
    for path in ("/plans", "/assess"):
        assert client.post(path, data=form).status_code in {200, 303, 422}


def test_a_line_break_in_the_language_switch_target_goes_home(client: FlaskClient) -> None:
    for target in ("/%0d%0aSet-Cookie:x=1", "/%0a", "/\\evil.example", "/%09/evil.example"):
        response = client.get(f"/language/fr?next={target}")
        assert response.status_code == 302
        assert response.headers["Location"] == "/"


@pytest.mark.parametrize("path", ["/api/v1/extract", "/api/v1/plans"])
@pytest.mark.parametrize("opening,closing", [("[", "]"), ('{"a":', "}")])
def test_deeply_nested_json_is_a_400(
    client: FlaskClient, path: str, opening: str, closing: str
) -> None:
    body = opening * 2000 + "1" + closing * 2000
    response = client.post(path, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["fields"] == {"(body)": "nested too deeply"}


@pytest.mark.parametrize("field", ["experience", "current_role"])
def test_lone_surrogates_are_refused_with_the_field_named(client: FlaskClient, field: str) -> None:
    profile = {"target_role": "mlops-engineer", "hours_per_week": 5, field: "ok \ud800"}
    body = json.dumps(profile)  # ensure_ascii writes the surrogate as \ud800
    response = client.post("/api/v1/plans", data=body, content_type="application/json")
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]


def test_a_previous_plan_id_with_surrogates_is_not_found(client: FlaskClient) -> None:
    body = '{"target_role": "mlops-engineer", "hours_per_week": 5, "previous_plan": "\\udfff"}'
    response = client.post("/api/v1/plans", data=body, content_type="application/json")
    assert response.status_code == 422
    assert "previous_plan" in response.get_json()["error"]["fields"]


def test_surrogates_in_a_text_to_extract_are_refused(client: FlaskClient) -> None:
    body = '{"text": "Kubernetes \\ud800"}'
    response = client.post("/api/v1/extract", data=body, content_type="application/json")
    assert response.status_code == 422
    assert "text" in response.get_json()["error"]["fields"]


# ---------------------------------------------------------------- fuzzing the form routes

FIELDS = [*STEP1, "previous", "csrf_token", "lang", "text"]
texts = st.text(max_size=40) | st.sampled_from(
    ["", "0", "5", "-1", "99999999999", "mlops-engineer"]
)
indexes = st.sampled_from(["0", "1", "²", "9" * 5000, "-1", "x", ""]) | st.text(
    string.digits, max_size=6
)
list_fields = st.builds(
    lambda kind, index, part: f"{kind}-{index}-{part}",
    st.sampled_from(["levels", "extra"]),
    indexes,
    st.sampled_from(["skill", "level", "x", ""]),
)
form_data = st.dictionaries(
    st.sampled_from(FIELDS) | list_fields | st.text(max_size=12), texts, max_size=12
)


def assert_handled(status: int) -> None:
    assert status < 500


@FUZZ
@given(form_data)
def test_any_step1_form_is_answered(client: FlaskClient, data: dict[str, str]) -> None:
    assert_handled(client.post("/assess", data=data).status_code)


@pytest.mark.slow
@FUZZ
@given(form_data)
def test_any_step2_form_is_answered(client: FlaskClient, data: dict[str, str]) -> None:
    assert_handled(client.post("/plans", data={**step2(), **data}).status_code)
    assert_handled(client.post("/plans", data=data).status_code)


@FUZZ
@given(form_data)
def test_any_query_string_on_the_home_page_is_answered(
    client: FlaskClient, data: dict[str, str]
) -> None:
    assert_handled(client.get("/", query_string=data).status_code)


@FUZZ
@given(st.text(max_size=8), st.text(max_size=60))
def test_any_language_switch_is_answered(client: FlaskClient, code: str, target: str) -> None:
    response = client.get("/language/fr", query_string={"next": target})
    assert_handled(response.status_code)
    assert "\n" not in response.headers.get("Location", "")
    assert_handled(client.get("/language/" + code.replace("/", "")).status_code)


@pytest.fixture
def plan(client: FlaskClient) -> str:
    """The address of a saved plan (made once per test, shared by its examples)."""
    return create_plan(client)


@FUZZ
@given(st.dictionaries(st.sampled_from(["skill", "level", "x"]), texts, max_size=3))
def test_any_what_if_question_is_answered(
    client: FlaskClient, plan: str, query: dict[str, str]
) -> None:
    assert_handled(client.get(f"{plan}/what-if", query_string=query).status_code)


@FUZZ
@given(form_data, st.binary(max_size=200), st.text(max_size=20))
def test_any_extract_form_is_answered(
    client: FlaskClient, data: dict[str, str], upload: bytes, name: str
) -> None:
    import io

    fields: dict[str, object] = dict(data)
    fields["upload"] = (io.BytesIO(upload), name or "a.txt")
    assert_handled(client.post("/extract", data=fields).status_code)


@FUZZ
@given(st.text(max_size=300), st.sampled_from(["auto", "en", "fr", "de", ""]))
def test_any_text_to_the_extract_api_is_answered(client: FlaskClient, text: str, lang: str) -> None:
    body = json.dumps({"text": text, "lang": lang})
    response = client.post("/api/v1/extract", data=body, content_type="application/json")
    assert response.status_code in {200, 400, 413, 422}
