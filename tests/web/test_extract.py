"""The extraction page and API, and skills suggested from the experience text."""

from __future__ import annotations

import io
import re

from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.test_flow import STEP1


def test_the_api_finds_skills_with_spans(client: FlaskClient) -> None:
    text = "Python et des conteneurs Docker pour le déploiement de modèles."
    body = client.post("/api/v1/extract", json={"text": text}).get_json()
    assert body["language"] == "fr"
    found = {s["id"]: s for s in body["skills"]}
    assert set(found) == {"foundations.python", "foundations.containers", "mlops.model-serving"}
    start, end = found["mlops.model-serving"]["spans"][0]
    assert text[start:end] == "déploiement de modèles"


def test_the_api_names_bad_fields(client: FlaskClient) -> None:
    missing = client.post("/api/v1/extract", json={"lang": "en"})
    assert missing.status_code == 422
    assert missing.get_json()["error"]["fields"] == {"text": "is required"}
    bad_lang = client.post("/api/v1/extract", json={"text": "x", "lang": "de"})
    assert bad_lang.get_json()["error"]["fields"] == {"lang": "must be auto, en or fr"}


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(max_size=2000),
        st.just(""),
        st.text(min_size=1, max_size=5).map(lambda s: s * 20000),
    )
)
def test_any_text_gets_an_answer_not_a_500(client: FlaskClient, text: str) -> None:
    response = client.post("/api/v1/extract", json={"text": text, "lang": "auto"})
    assert response.status_code in {200, 413, 422}
    assert response.is_json


def test_evidence_of_a_skill(client: FlaskClient) -> None:
    body = client.get("/api/v1/skills/foundations.python/evidence").get_json()
    assert body["skill"] == "foundations.python" and body["evidence"] == []
    assert client.get("/api/v1/skills/nope.nope/evidence").status_code == 404


def test_the_page_highlights_mentions(client: FlaskClient) -> None:
    page = client.post("/extract", data={"text": "We run Docker & <b>Python</b>.", "lang": "auto"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert '<mark title="Containers">Docker</mark>' in html
    assert "&lt;b&gt;" in html  # the pasted text is shown, never interpreted


def test_the_page_reads_an_uploaded_html_file(client: FlaskClient) -> None:
    upload = (
        io.BytesIO(b"<html><body><script>Docker</script><p>Python</p></body></html>"),
        "a.html",
    )
    html = client.post(
        "/extract", data={"upload": upload, "lang": "en"}, content_type="multipart/form-data"
    ).get_data(as_text=True)
    assert '<mark title="Python">Python</mark>' in html and "Docker</mark>" not in html


def test_an_empty_submission_is_a_field_error(client: FlaskClient) -> None:
    response = client.post("/extract", data={"text": "", "lang": "auto"})
    assert response.status_code == 422
    assert "Paste a text or choose a file." in response.get_data(as_text=True)


def test_skills_the_experience_cites_are_asked_never_rated(client: FlaskClient) -> None:
    page = client.post(
        "/assess", data={**STEP1, "experience": "I deploy Docker containers and Python."}
    )
    html = page.get_data(as_text=True)
    asked = re.findall(r'name="levels-\d+-skill" type="hidden" value="([^"]+)"', html)
    assert {"foundations.containers", "foundations.python"} <= set(asked)
    assert html.count("from your experience</span>") == 2
    assert '<h2 id="section-experience">From your experience</h2>' in html
    assert "checked" not in html.split('id="section-core"')[1]  # nothing is rated for the person
