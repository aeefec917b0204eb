"""The profile form and the plan page through Flask's test client (the browser tests drive
the same flow in chromium)."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

STEP1 = {
    "language": "en",
    "current_role": "DevOps engineer",
    "target_role": "mlops-engineer",
    "hours_per_week": "6",
    "deadline_weeks": "",
    "experience": "I run Docker containers.",
}


def step2(**levels: str) -> dict[str, str]:
    skills = [
        "foundations.containers",
        "foundations.python",
        "mlops.model-monitoring",
        "mlops.model-serving",
    ]
    form = dict(STEP1)
    for index, skill in enumerate(skills):
        form[f"levels-{index}-skill"] = skill
        form[f"levels-{index}-level"] = levels.get(skill.split(".")[1], "0")
    return form


def create_plan(client: FlaskClient, **levels: str) -> str:
    response = client.post("/plans", data=step2(**levels))
    assert response.status_code == 303, response.get_data(as_text=True)
    return response.headers["Location"]


def test_step1_offers_the_roles_and_suggest(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert 'value="mlops-engineer"' in page and "Suggest one for me" in page
    assert '<label for="hours_per_week">' in page


def test_step1_errors_keep_what_was_typed(client: FlaskClient) -> None:
    response = client.post("/assess", data={**STEP1, "hours_per_week": "0"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Give a number of hours from 1 to 60." in page
    assert 'aria-invalid="true"' in page
    assert 'value="DevOps engineer"' in page and "I run Docker containers." in page


def test_step2_lists_the_skills_by_why_they_are_asked(client: FlaskClient) -> None:
    page = client.post("/assess", data=STEP1).get_data(as_text=True)
    assert '<h2 id="section-core">What MLOps engineer needs</h2>' in page
    assert '<span class="skill-label">Model serving</span>' in page
    # Each level's description is tied to its option, shown beneath it when chosen.
    serving = page.split('id="skill-mlops.model-serving"')[1].split("</fieldset>")[0]
    option = re.search(r'<input aria-describedby="([^"]+)"[^>]*value="3"', serving)
    assert option is not None
    assert f'id="{option.group(1)}">Deploys a model.</p>' in serving


def test_a_plan_is_created_and_shown_at_its_private_link(client: FlaskClient) -> None:
    location = create_plan(client, containers="2")
    assert re.fullmatch(r"/plans/[A-Za-z0-9_-]{32}", location)
    page = client.get(location).get_data(as_text=True)
    assert "Your plan to become MLOps engineer" in page
    assert "Why here:" in page and "<svg" in page and "Week by week" in page


def test_an_unanswered_skill_counts_as_level_0(client: FlaskClient) -> None:
    form = step2(containers="3")
    del form["levels-2-level"]
    location = client.post("/plans", data=form).headers["Location"]
    plan = client.get(f"{location}.json").get_json()
    assert plan["assessments"]["mlops.model-monitoring"] == 0
    assert plan["assessments"]["foundations.containers"] == 3


def test_step2_says_unanswered_skills_count_as_0(client: FlaskClient) -> None:
    page = client.post("/assess", data=STEP1).get_data(as_text=True)
    assert "A skill you leave unanswered counts as level 0" in page
    assert 'name="levels-0-level" required' not in page


def test_errors_are_counted_and_linked_at_the_top_with_everything_typed(
    client: FlaskClient,
) -> None:
    form = step2(containers="3")
    form.update({"hours_per_week": "0", "extra-0-skill": "Basket weaving", "extra-0-level": "2"})
    response = client.post("/plans", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    summary = page[
        page.index('class="error-summary"') : page.index(
            "</div>", page.index('class="error-summary"')
        )
    ]
    assert "There are 2 problems to fix." in summary
    assert 'href="#hours_per_week"' in summary and 'href="#extra-0-skill"' in summary
    assert "No skill has this name; pick one from the list." in summary
    assert re.search(r'value="3"[^>]*checked|checked[^>]*value="3"', page)
    assert 'value="Basket weaving"' in page


def test_another_skill_is_added_by_its_name(client: FlaskClient) -> None:
    form = step2()
    form.update({"extra-0-skill": "model SERVING", "extra-0-level": "2"})
    del form["levels-3-skill"], form["levels-3-level"]
    location = client.post("/plans", data=form).headers["Location"]
    assert client.get(f"{location}.json").get_json()["assessments"]["mlops.model-serving"] == 2
    page = client.post("/assess", data=STEP1).get_data(as_text=True)
    assert re.search(r'<input [^>]*id="extra-0-skill" list="all-skills"', page)
    assert '<option value="Model monitoring">' in page


def test_a_tampered_skill_id_is_refused_next_to_it(client: FlaskClient) -> None:
    form = step2()
    form["levels-1-skill"] = "evil.<script>"
    response = client.post("/plans", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "unknown skill" in page
    assert "<script>" not in page


def test_what_if_shows_the_effect(client: FlaskClient) -> None:
    location = create_plan(client)
    page = client.get(f"{location}/what-if?skill=foundations.containers&level=3").get_data(
        as_text=True
    )
    assert "With Containers at level 3: fit" in page


def test_reassess_is_prefilled_and_shows_progress(client: FlaskClient) -> None:
    location = create_plan(client, containers="1")
    token = location.rsplit("/", 1)[1]
    page = client.get(f"{location}/reassess").get_data(as_text=True)
    assert f'value="{token}"' in page
    form = step2(containers="3")
    form["previous"] = token
    new_location = client.post("/plans", data=form).headers["Location"]
    page = client.get(new_location).get_data(as_text=True)
    assert "Your progress since the previous plan" in page
    assert "Containers: 1 → 3" in page


def test_delete_erases_and_the_link_is_gone(client: FlaskClient) -> None:
    location = create_plan(client)
    assert "cannot be undone" in client.get(f"{location}/delete").get_data(as_text=True)
    response = client.post(f"{location}/delete")
    assert response.status_code == 303
    assert client.get(location).status_code == 404


def test_the_plan_json_downloads_with_a_file_name(client: FlaskClient) -> None:
    location = create_plan(client)
    response = client.get(f"{location}.json")
    assert response.status_code == 200
    assert (
        'attachment; filename="advisor-plan-mlops-engineer-'
        in response.headers["Content-Disposition"]
    )
    assert response.get_json()["target_role"]["id"] == "mlops-engineer"


def test_a_french_plan_is_in_french(client: FlaskClient) -> None:
    form = step2()
    form["language"] = "fr"
    location = client.post("/plans", data=form).headers["Location"]
    page = client.get(location, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Ingénieur·e MLOps" in page and "Mise en service de modèles" in page


def test_a_form_without_its_csrf_token_is_refused_in_words(app_config: dict[str, object]) -> None:
    from advisor.app import create_app

    app = create_app({**app_config, "WTF_CSRF_ENABLED": True})
    response = app.test_client().post("/assess", data=STEP1)
    assert response.status_code == 400
    assert "The form expired or did not come from this site." in response.get_data(as_text=True)
    app.extensions["advisor.store"].close()


def test_the_plan_pdf_downloads_with_a_meaningful_name(client: FlaskClient) -> None:
    location = create_plan(client)
    response = client.get(f"{location}.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert re.fullmatch(
        r'attachment; filename="advisor-plan-mlops-engineer-\d{4}-\d{2}-\d{2}\.pdf"', disposition
    )
    assert response.data.startswith(b"%PDF-")
    assert client.get("/plans/" + "x" * 32 + ".pdf").status_code == 404


def test_the_reused_blank_form_carries_each_visitors_own_token(
    app_config: dict[str, object],
) -> None:
    from advisor.app import create_app

    app = create_app({**app_config, "WTF_CSRF_ENABLED": True})
    tokens = []
    for _ in range(2):
        visitor = app.test_client()
        page = visitor.get("/").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
        assert token is not None
        tokens.append(token.group(1))
        answer = visitor.post("/assess", data={**STEP1, "csrf_token": token.group(1)})
        assert answer.status_code == 200
    assert tokens[0] != tokens[1]
    app.extensions["advisor.store"].close()


def test_a_deleted_plans_pdf_and_page_are_not_served_from_memory(client: FlaskClient) -> None:
    location = create_plan(client)
    assert client.get(location).status_code == 200
    assert client.get(f"{location}.pdf").status_code == 200
    client.post(f"{location}/delete")
    assert client.get(location).status_code == 404
    assert client.get(f"{location}.pdf").status_code == 404
