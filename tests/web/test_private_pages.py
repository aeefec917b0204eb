"""Everything a plan token reaches stays out of caches: `Cache-Control: no-store` on each
page, download and API answer of a plan (issue 12, item 3), and absolute links built from
ADVISOR_PUBLIC_URL, never from the Host header a client sends (item 7)."""

from __future__ import annotations

import io

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from advisor.app import create_app
from tests.web.test_flow import STEP1, create_plan, step2

API_PROFILE = {"target_role": "mlops-engineer", "hours_per_week": 6}


def assert_no_store(response: object, what: str) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    assert headers.get("Cache-Control") == "no-store", what


def test_every_plan_page_and_download_is_no_store(client: FlaskClient) -> None:
    created = client.post("/plans", data=step2())
    assert_no_store(created, "POST /plans (its Location holds the token)")
    plan = created.headers["Location"]
    for path in (
        plan,
        f"{plan}.pdf",
        f"{plan}.json",
        f"{plan}/reassess",
        f"{plan}/delete",
        f"{plan}/what-if?skill=foundations.python&level=3",
        f"{plan}/what-if?skill=nothing&level=9",
        "/plans/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        f"/language/fr?next={plan}",
    ):
        assert_no_store(client.get(path), path)
    assert_no_store(client.post("/assess", data=STEP1), "POST /assess (shows the experience)")
    assert_no_store(client.post(f"{plan}/delete"), "POST delete")


def test_every_api_answer_about_a_plan_is_no_store(client: FlaskClient) -> None:
    created = client.post("/api/v1/plans", json=API_PROFILE)
    assert_no_store(created, "POST /api/v1/plans")
    token = created.get_json()["id"]
    path = f"/api/v1/plans/{token}"
    assert_no_store(client.get(path), "GET")
    answer = client.post(f"{path}/what-if", json={"skill": "foundations.python", "level": 4})
    assert_no_store(answer, "what-if")
    assert_no_store(client.delete(path), "DELETE")
    assert_no_store(client.get(path), "GET after DELETE (404)")


def test_the_public_taxonomy_may_be_cached(client: FlaskClient) -> None:
    assert "no-store" not in client.get("/api/v1/roles").headers.get("Cache-Control", "")


# ---------------------------------------------------------------- absolute links (item 7)


@pytest.fixture
def public_app(app_config: dict[str, object]) -> Flask:
    return create_app({**app_config, "PUBLIC_URL": "https://advisor.example/career"})


def test_the_public_url_builds_every_absolute_link(public_app: Flask) -> None:
    client = public_app.test_client()
    hostile = {"Host": "evil.example"}
    plan = create_plan(client)
    token = plan.rsplit("/", 1)[1]
    expected = f"https://advisor.example/career/plans/{token}"
    page = client.get(plan, headers=hostile).get_data(as_text=True)
    assert expected in page and "evil.example" not in page
    pdf = client.get(f"{plan}.pdf", headers=hostile).data
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    links = [
        a["/A"]["/URI"]
        for p in PdfReader(io.BytesIO(pdf)).pages
        for a in (x.get_object() for x in p.get("/Annots", []))
        if "/A" in a
    ]
    assert "evil.example" not in text + "".join(links)
    assert expected in links or expected.replace("https://", "") in text.replace("\n", "")
    created = client.post("/api/v1/plans", json=API_PROFILE, headers=hostile)
    new = created.get_json()["id"]
    assert created.headers["Location"] == f"https://advisor.example/career/api/v1/plans/{new}"


def test_without_a_public_url_links_come_from_the_request(client: FlaskClient) -> None:
    plan = create_plan(client)
    page = client.get(plan, base_url="https://advisor.test").get_data(as_text=True)
    assert f"https://advisor.test{plan}" in page
    created = client.post("/api/v1/plans", json=API_PROFILE)
    assert created.headers["Location"].endswith(f"/api/v1/plans/{created.get_json()['id']}")


def test_a_public_url_that_is_not_an_address_stops_start_up(app_config: dict[str, object]) -> None:
    from advisor.config import ConfigError

    with pytest.raises(ConfigError, match="PUBLIC_URL must be the address of the app"):
        create_app({**app_config, "PUBLIC_URL": "advisor.example"})
