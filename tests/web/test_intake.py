"""Every path of the form asks what the plan will use, on the shipped taxonomy: the current
role read as typed (or asked about), the skills the experience cites, the suggested role's core
before its plan, only what is new to another role, levels named, the plan's language kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from advisor.app import create_app
from advisor.resources import skills_data_dir

STEP1 = {
    "language": "en",
    "current_role": "administrateur systèmes Linux",
    "target_role": "mlops-engineer",
    "hours_per_week": "6",
    "deadline_weeks": "",
    "experience": "",
}


@pytest.fixture(scope="module")
def shipped_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    folder = Path(tmp_path_factory.mktemp("intake"))
    application = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key-not-for-production",
            "INSTANCE_PATH": str(folder / "instance"),
            "DATABASE_URL": f"sqlite:///{folder / 'intake.sqlite3'}",
            "WTF_CSRF_ENABLED": False,
            "SKILLS_DATA": str(skills_data_dir()),
            "RATELIMIT_ENABLED": False,
        }
    )
    yield application
    application.extensions["advisor.store"].close()


@pytest.fixture
def client(shipped_app: Flask) -> FlaskClient:
    return shipped_app.test_client()


def asked(page: str) -> list[str]:
    return re.findall(r'name="levels-\d+-skill" type="hidden" value="([^"]+)"', page)


def checked_levels(page: str) -> dict[str, str]:
    """Skill id → the level already chosen for it on a step 2 page."""
    skills = dict(re.findall(r'name="levels-(\d+)-skill" type="hidden" value="([^"]+)"', page))
    found = re.findall(r'<input [^>]*checked id="levels-(\d+)-level-\d"[^>]*value="(\d)"', page)
    return {skills[index]: level for index, level in found}


def answer_all(page: str, form: dict[str, str]) -> dict[str, str]:
    """The step 2 form as a person leaves it: each question at its chosen level, else 0."""
    chosen = checked_levels(page)
    answers = dict(form)
    for index, skill in enumerate(asked(page)):
        answers[f"levels-{index}-skill"] = skill
        answers[f"levels-{index}-level"] = chosen.get(skill, "0")
    return answers


def test_a_french_plural_role_is_read_and_said_on_step_2(client: FlaskClient) -> None:
    page = client.post("/assess", data=STEP1).get_data(as_text=True)
    assert (
        "You said “administrateur systèmes Linux”: advisor read Linux system administrator." in page
    )
    assert checked_levels(page)["foundations.linux"] == "4"
    assert 'formaction="/revise"' in page


def test_the_strengths_the_plan_builds_on_are_asked_first(client: FlaskClient) -> None:
    """Of a Linux administrator's twelve typical skills, nine fit beside MLOps's core: Git,
    which CI/CD builds on, is asked; server virtualisation, which no MLOps skill needs, is the
    one left out (the plan says it was not applied)."""
    page = client.post("/assess", data=STEP1).get_data(as_text=True)
    strengths = asked(page.split('id="section-strength"')[1].split("</section>")[0])
    assert "foundations.git" in strengths and checked_levels(page)["foundations.git"] == "2"
    assert "it-operations.virtualization" not in asked(page)


def test_an_unknown_role_is_asked_about_with_the_list_of_origin_roles(
    client: FlaskClient,
) -> None:
    response = client.post("/assess", data={**STEP1, "current_role": "boulanger"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "We did not recognise this role" in page
    assert page.count('<option value="linux-sysadmin"') == 1
    assert 'name="checked_role" type="hidden" value="boulanger"' in page
    # Going on with what was typed: step 2, nothing chosen for the person.
    again = client.post(
        "/assess", data={**STEP1, "current_role": "boulanger", "checked_role": "boulanger"}
    )
    text = again.get_data(as_text=True)
    assert "Step 2 of 2" in text and checked_levels(text) == {}
    assert "advisor knows no role like it" in text


def test_a_role_picked_from_the_list_is_what_step_2_reads(client: FlaskClient) -> None:
    page = client.post(
        "/assess",
        data={
            **STEP1,
            "current_role": "ingénieur système",
            "checked_role": "ingénieur système",
            "origin_role": "windows-sysadmin",
        },
    ).get_data(as_text=True)
    assert "Current role: Windows system administrator." in page
    assert checked_levels(page)["it-operations.windows-server"] == "4"


def test_the_closest_roles_come_first_for_an_ambiguous_title(client: FlaskClient) -> None:
    page = client.post("/assess", data={**STEP1, "current_role": "ingénieur système"}).get_data(
        as_text=True
    )
    closest = page.split("Closest to what you typed")[1].split("</optgroup>")[0]
    assert "linux-sysadmin" in closest and "windows-sysadmin" in closest


def test_change_goes_back_to_step_1_and_keeps_the_answers(client: FlaskClient) -> None:
    step2 = client.post("/assess", data=STEP1).get_data(as_text=True)
    form = answer_all(step2, STEP1)
    form["levels-0-level"] = "5"
    first = asked(step2)[0]
    page = client.post("/revise", data=form).get_data(as_text=True)
    assert "How advisor read your current role" in page
    assert '<option value="linux-sysadmin" selected>' in page
    assert 'value="administrateur systèmes Linux"' in page  # the box keeps it in full
    carried = {
        key: value
        for key, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page)
    }
    resumed = client.post(
        "/assess",
        data={
            **STEP1,
            **carried,
            "checked_role": STEP1["current_role"],
            "origin_role": "linux-sysadmin",
        },
    ).get_data(as_text=True)
    assert checked_levels(resumed)[first] == "5"


def test_skills_cited_in_the_experience_are_asked_after_the_rest(client: FlaskClient) -> None:
    experience = "Linux and shell scripting for years; I also tune PostgreSQL and write Java."
    page = client.post("/assess", data={**STEP1, "experience": experience}).get_data(as_text=True)
    assert re.findall(r'<h2 id="section-([a-z]+)">', page) == ["core", "strength", "experience"]
    cited = page.split('id="section-experience"')[1].split("</section>")[0]
    assert set(asked(cited)) == {"data-engineering.postgresql", "software-engineering.java"}
    assert cited.count("from your experience") == 2
    assert not set(asked(cited)) & set(checked_levels(page))  # never rated for the person
    strengths = page.split('id="section-strength"')[1].split("</section>")[0]
    linux = strengths.split('id="skill-foundations.linux"')[1].split("</fieldset>")[0]
    assert "from your experience" in linux  # cited, and asked where it already was


def test_other_skills_rows_name_the_levels(client: FlaskClient) -> None:
    page = client.post("/assess", data=STEP1).get_data(as_text=True)
    assert '<option value="2">2 · Advanced beginner</option>' in page
    french = client.post("/assess", data={**STEP1, "language": "fr"}).get_data(as_text=True)
    assert '<option value="2">2 · Débutant avancé</option>' in french


def test_without_a_target_the_suggested_roles_core_is_asked_before_its_plan(
    client: FlaskClient,
) -> None:
    start = {**STEP1, "target_role": ""}
    step2 = client.post("/assess", data=start).get_data(as_text=True)
    first = client.post("/plans", data=answer_all(step2, start))
    assert first.status_code == 200
    page = first.get_data(as_text=True)
    assert "From your answers, the role that fits you best is" in page
    role = re.search(r'<option selected value="([a-z0-9-]+)">', page.split('id="target_role"')[1])
    assert role is not None
    new = [s for s in asked(page) if s not in asked(step2)]
    assert new, "the suggested role's core skills that step 2 did not ask"
    earlier = page.split('class="domain earlier-answers"')[1].split("</details>")[0]
    assert all(f'value="{s}"' in earlier for s in asked(step2))
    done = client.post("/plans", data=answer_all(page, {**start, "target_role": role.group(1)}))
    assert done.status_code == 303
    plan = client.get(f"{done.headers['Location']}.json").get_json()
    assert plan["target_role"]["id"] == role.group(1)
    roles = {r["id"]: r for r in client.get("/api/v1/roles").get_json()["roles"]}
    needs = roles[role.group(1)]["requirements"]
    core = {skill for skill, r in needs.items() if r["importance"] >= 4}
    assert core <= set(plan["assessments"])  # nothing of the role's core was left unasked


def test_choosing_another_role_asks_only_what_is_new_to_it(client: FlaskClient) -> None:
    step2 = client.post("/assess", data=STEP1).get_data(as_text=True)
    location = client.post("/plans", data=answer_all(step2, STEP1)).headers["Location"]
    page = client.get(f"{location}/reassess?target_role=ai-governance-lead").get_data(as_text=True)
    assert "You chose AI governance lead" in page or "only the skills it needs" in page
    shown = page.split('class="domain earlier-answers"')[0]
    assert not set(asked(shown)) & set(asked(step2))  # no earlier question asked again
    assert len(asked(shown)) <= 20


def test_a_reassessment_is_in_the_plans_language(client: FlaskClient) -> None:
    start = {**STEP1, "language": "fr"}
    step2 = client.post("/assess", data=start).get_data(as_text=True)
    location = client.post("/plans", data=answer_all(step2, start)).headers["Location"]
    fresh = client.application.test_client()
    page = fresh.get(f"{location}/reassess", headers={"Accept-Language": "en"}).get_data(
        as_text=True
    )
    assert '<html lang="fr">' in page
    assert "Étape 2 sur 2" in page and "Step 2 of 2" not in page


SYSADMIN = {
    "language": "en",
    "target_role": "mlops-engineer",
    "hours_per_week": 6,
    "current_role": "Linux system administrator",
}


def test_the_api_says_typical_levels_were_available_and_not_applied(
    client: FlaskClient,
) -> None:
    plan = client.post("/api/v1/plans", json=SYSADMIN).get_json()
    origin = plan["origin_role"]
    assert origin["id"] == "linux-sysadmin" and origin["prefill"] == "none"
    levels = {e["skill"]: e["level"] for e in origin["typical_not_applied"]}
    assert levels["foundations.linux"] == 4 and plan["assumed"] is None
    assert plan["assessments"] == {}


def test_the_api_applies_typical_levels_when_asked_and_says_from_where(
    client: FlaskClient,
) -> None:
    rated = {**SYSADMIN, "assessments": {"foundations.linux": 2}}
    plain = client.post("/api/v1/plans", json=rated).get_json()
    plan = client.post("/api/v1/plans", json={**rated, "prefill": "typical"}).get_json()
    assumed = plan["assumed"]
    assert assumed["origin_role"] == "linux-sysadmin"
    assert assumed["label"] == "Linux system administrator"
    levels = {e["skill"]: e["level"] for e in assumed["levels"]}
    assert "foundations.linux" not in levels  # rated by the person: never replaced
    assert levels["foundations.shell-scripting"] == 4
    assert plan["assessments"]["foundations.linux"] == 2
    assert plan["assessments"]["foundations.shell-scripting"] == 4
    assert plan["origin_role"]["typical_not_applied"] == []
    assert plan["target_role"]["fit"] > plain["target_role"]["fit"]
    assert plan["total_hours"] < plain["total_hours"]


def test_an_unknown_prefill_is_refused_with_its_field_named(client: FlaskClient) -> None:
    response = client.post("/api/v1/plans", json={**SYSADMIN, "prefill": "all"})
    assert response.status_code == 422
    assert "prefill" in response.get_json()["error"]["fields"]


def test_the_openapi_describes_prefill_and_assumed(client: FlaskClient) -> None:
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    prefill = schemas["Profile"]["properties"]["prefill"]
    assert prefill["enum"] == ["none", "typical"] and prefill["default"] == "none"
    assert "assumed" in schemas["Plan"]["properties"]
    assert "typical_not_applied" in schemas["OriginRole"]["properties"]
