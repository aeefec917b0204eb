"""A plan for a job ad, through the API and the pages: the ad replaces the role."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

AD_EN = """MLOps engineer

Requirements:
- Python and Docker in production
- Model serving at scale; model serving is what we do

Nice to have:
- Model monitoring
- Haskell
"""
AD_FR = """Ingénieur MLOps

Profil recherché :
- Python, conteneurisation
- Mise en service de modèles

Un plus :
- supervision des modèles
"""


def plan_for(client: FlaskClient, ad: str, **extra: object) -> dict[str, object]:
    body = {"language": "en", "hours_per_week": 6, "target_ad": ad, **extra}
    response = client.post("/api/v1/plans", json=body)
    assert response.status_code == 201, response.get_json()
    plan: dict[str, object] = response.get_json()
    return plan


def test_a_plan_targets_what_the_ad_asks_for(client: FlaskClient) -> None:
    plan = plan_for(client, AD_EN, assessments={"python": 3})
    role = plan["target_role"]
    assert isinstance(role, dict)
    assert role["id"] == "ad" and role["from_ad"] is True and role["label"] == "MLOps engineer"
    asked = {r["skill"]: r for r in role["requirements"]}
    assert set(asked) == {
        "foundations.python",
        "foundations.containers",
        "mlops.model-serving",
        "mlops.model-monitoring",
    }
    # Repeated in the required section: weighs more; levels come from the closest role.
    assert asked["mlops.model-serving"]["importance"] == 5
    assert asked["mlops.model-serving"]["level"] == 4
    assert asked["mlops.model-monitoring"]["required"] is False
    assert len(role["covered"]) == 1  # Python 3 meets the MLOps role's level 3
    assert {o["label"] for o in role["outside_taxonomy"]} == {"Haskell"}
    assert {i["skill"] for i in plan["items"]} >= {"mlops.model-serving"}  # type: ignore[union-attr]


def test_a_french_ad_gives_the_same_skills(client: FlaskClient) -> None:
    plan = plan_for(client, AD_FR, language="fr")
    role = plan["target_role"]
    assert isinstance(role, dict)
    assert {r["skill"] for r in role["requirements"]} == {
        "foundations.python",
        "foundations.containers",
        "mlops.model-serving",
        "mlops.model-monitoring",
    }
    monitoring = next(r for r in role["requirements"] if r["skill"] == "mlops.model-monitoring")
    assert monitoring["required"] is False


def test_role_and_ad_together_are_refused_naming_the_field(client: FlaskClient) -> None:
    response = client.post(
        "/api/v1/plans",
        json={"hours_per_week": 6, "target_role": "mlops-engineer", "target_ad": AD_EN},
    )
    assert response.status_code == 422
    assert set(response.get_json()["error"]["fields"]) == {"target_ad"}


def test_an_ad_longer_than_the_limit_is_refused(client: FlaskClient) -> None:
    response = client.post("/api/v1/plans", json={"hours_per_week": 6, "target_ad": "x" * 20_001})
    assert response.status_code == 422
    assert "20000" in response.get_json()["error"]["fields"]["target_ad"]


def test_reassessing_an_ad_plan_keeps_the_ad(client: FlaskClient) -> None:
    first = plan_for(client, AD_EN)
    again = client.post(
        "/api/v1/plans",
        json={
            "hours_per_week": 6,
            "target_ad": AD_EN,
            "assessments": {"python": 3},
            "previous_plan": first["id"],
        },
    )
    assert again.status_code == 201
    progress = again.get_json()["progress"]
    assert progress["fit_after"] > progress["fit_before"]
    page = client.get(f"/plans/{first['id']}/reassess")
    assert "MLOps engineer" in page.get_data(as_text=True)  # the ad travels with the form


def test_the_plan_page_says_what_the_ad_asks_and_what_is_covered(client: FlaskClient) -> None:
    plan = plan_for(client, AD_EN, assessments={"python": 3})
    html = client.get(f"/plans/{plan['id']}").get_data(as_text=True)
    assert "This ad asks for 4 skills; you already cover 1." in html
    assert "Haskell" in html


def test_extract_offers_a_plan_for_the_ad(client: FlaskClient) -> None:
    html = client.post("/extract", data={"text": AD_EN, "lang": "auto"}).get_data(as_text=True)
    assert "Plan for this ad" in html
    created = client.post("/ad", data={"target_ad": AD_EN})
    assert created.status_code == 303
    page = client.get(created.headers["Location"]).get_data(as_text=True)
    assert "Your plan for this job ad: MLOps engineer" in page


def test_step_1_with_an_ad_proposes_its_skills_at_level_0(client: FlaskClient) -> None:
    step2 = client.post(
        "/assess",
        data={"language": "en", "target_role": "", "target_ad": AD_EN, "hours_per_week": "5"},
    )
    assert step2.status_code == 200
    text = step2.get_data(as_text=True)
    assert "the job ad “MLOps engineer” asks for" in text
    assert len(re.findall(r'<input [^>]*checked id="levels-\d+-level-0"', text)) >= 4


def test_step_1_refuses_a_role_and_an_ad_together(client: FlaskClient) -> None:
    response = client.post(
        "/assess",
        data={
            "language": "en",
            "target_role": "mlops-engineer",
            "target_ad": AD_EN,
            "hours_per_week": "5",
        },
    )
    assert response.status_code == 422
    assert "Choose a role or paste a job ad, not both." in response.get_data(as_text=True)


def test_extract_lists_esco_skills(client: FlaskClient) -> None:
    found = client.post("/api/v1/extract", json={"text": "Python, Haskell and Erlang."})
    concepts = {c["label"]: c["spans"] for c in found.get_json()["esco"]}
    assert concepts["Haskell"] == [[8, 15]] and concepts["Erlang"] == [[20, 26]]


def test_what_if_on_an_ad_plan_measures_against_the_ad(client: FlaskClient) -> None:
    plan = plan_for(client, AD_EN)
    answer = client.post(
        f"/api/v1/plans/{plan['id']}/what-if", json={"skill": "mlops.model-serving", "level": 4}
    )
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["fit_after"] > body["fit_before"] and body["hours_after"] < body["hours_before"]
