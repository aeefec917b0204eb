"""The costly routes are rate limited like the API, with a friendly page in the person's
language when the limit is reached (issue 12, item 4)."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from advisor.app import create_app
from tests.web.test_flow import STEP1, create_plan, step2


@pytest.fixture
def limited(app_config: dict[str, object]) -> Flask:
    return create_app(
        {
            **app_config,
            "RATELIMIT_ENABLED": True,
            "FORM_RATE_LIMIT": "3 per minute",
            "EXTRACT_RATE_LIMIT": "2 per minute",
            "PDF_RATE_LIMIT": "2 per minute",
        }
    )


def test_the_form_posts_share_one_limit(limited: Flask) -> None:
    client = limited.test_client()
    assert client.post("/assess", data=STEP1).status_code == 200
    assert client.post("/plans", data=step2()).status_code == 303
    assert client.post("/plans", data=step2()).status_code == 303
    refused = client.post("/plans", data=step2())
    assert refused.status_code == 429
    assert "Retry-After" in refused.headers
    page = refused.get_data(as_text=True)
    assert "Too many requests" in page and "please wait a minute" in page
    assert client.post("/assess", data=STEP1).status_code == 429
    assert client.post("/revise", data=STEP1).status_code == 429
    assert client.get("/").status_code == 200  # reading the form is never limited


def test_the_limit_page_is_in_french_for_a_french_reader(limited: Flask) -> None:
    client = limited.test_client()
    french = {"Accept-Language": "fr"}
    for _ in range(3):
        client.post("/assess", data=STEP1, headers=french)
    page = client.post("/assess", data=STEP1, headers=french).get_data(as_text=True)
    assert "Trop de requêtes" in page


def test_the_article_analysis_is_limited(limited: Flask) -> None:
    client = limited.test_client()
    for _ in range(2):
        assert client.post("/extract", data={"text": "Kubernetes", "lang": "en"}).status_code == 200
    assert client.post("/extract", data={"text": "Kubernetes", "lang": "en"}).status_code == 429
    assert client.get("/extract").status_code == 200


def test_pdf_downloads_are_limited(app_config: dict[str, object], limited: Flask) -> None:
    unlimited = create_app(app_config)  # the same database, without limits
    plan = create_plan(unlimited.test_client())
    client = limited.test_client()
    assert [client.get(f"{plan}.pdf").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get(plan).status_code == 200


def test_the_api_keeps_its_json_429(app_config: dict[str, object]) -> None:
    app = create_app({**app_config, "RATELIMIT_ENABLED": True, "API_RATE_LIMIT": "1 per minute"})
    client: FlaskClient = app.test_client()
    client.get("/api/v1/roles")
    refused = client.get("/api/v1/roles")
    assert refused.status_code == 429
    assert refused.get_json()["error"]["code"] == "too_many_requests"


def test_every_limit_counts_in_the_configured_store(limited: Flask) -> None:
    limiter = limited.extensions["limiter"]
    limiters = limiter if isinstance(limiter, set) else {limiter}
    assert {lim._storage_uri for lim in limiters} == {limited.config["RATELIMIT_STORAGE_URI"]}
