"""Step 2 is a form a person can finish: few questions, levels prefilled from the role they
come from, unanswered skills at 0, any other skill added by name."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from advisor.services.assessment import MAX_QUESTIONS

STEP1 = {
    "language": "en",
    "current_role": "Ops tech",
    "target_role": "wide-role",
    "hours_per_week": "6",
    "deadline_weeks": "",
    "experience": "",
}


def asked(page: str) -> list[str]:
    return re.findall(r'name="levels-\d+-skill" type="hidden" value="([^"]+)"', page)


def checked(page: str, index: int) -> str | None:
    found = re.search(
        rf'<input [^>]*checked id="levels-{index}-level-\d" name="levels-{index}-level"'
        rf'[^>]*value="(\d)"',
        page,
    )
    return found.group(1) if found else None


def test_a_role_with_many_skills_asks_at_most_twenty_questions(wide_client: FlaskClient) -> None:
    for role in ("wide-role", ""):
        for current in ("Ops tech", ""):
            page = wide_client.post(
                "/assess", data={**STEP1, "target_role": role, "current_role": current}
            ).get_data(as_text=True)
            assert 0 < len(asked(page)) <= MAX_QUESTIONS, (role, current)


def test_the_core_skills_and_every_any_of_choice_are_asked(wide_client: FlaskClient) -> None:
    skills = asked(wide_client.post("/assess", data=STEP1).get_data(as_text=True))
    assert {"wide.skill-29", "wide.skill-30"} <= set(skills)  # "any one of" a cloud
    assert "wide.skill-01" in skills  # importance 5
    assert "wide.skill-28" not in skills  # not required by the role


def test_the_origin_roles_strengths_are_prefilled_with_a_note(wide_client: FlaskClient) -> None:
    page = wide_client.post("/assess", data=STEP1).get_data(as_text=True)
    skills = asked(page)
    assert "wide.skill-25" in skills and "foundations.containers" in skills
    assert checked(page, skills.index("wide.skill-25")) == "4"
    assert checked(page, skills.index("foundations.containers")) == "3"
    assert checked(page, skills.index("wide.skill-01")) is None
    assert 'id="prefilled-note"' in page
    assert "they are typical of the role you gave (Operations technician)" in page
    assert "Preselected: typical of Operations technician (level 4)." in page


def test_without_a_known_current_role_nothing_is_prefilled(wide_client: FlaskClient) -> None:
    page = wide_client.post("/assess", data={**STEP1, "current_role": "astronaut"}).get_data(
        as_text=True
    )
    assert 'id="prefilled-note"' not in page
    assert not re.search(r'checked id="levels-', page)


def test_a_french_current_role_alias_is_recognised(wide_client: FlaskClient) -> None:
    page = wide_client.post(
        "/assess",
        data={**STEP1, "language": "fr", "current_role": "Technicien exploitation"},
        headers={"Accept-Language": "fr"},
    ).get_data(as_text=True)
    assert "Technicien·ne d’exploitation" in page and 'id="prefilled-note"' in page


def test_a_reassessment_asks_again_about_every_skill_of_the_plan(
    wide_client: FlaskClient,
) -> None:
    page = wide_client.post("/assess", data=STEP1).get_data(as_text=True)
    form = {**STEP1}
    for index, skill in enumerate(asked(page)):
        form[f"levels-{index}-skill"], form[f"levels-{index}-level"] = skill, "0"
    form.update({"extra-0-skill": "Wide skill 28", "extra-0-level": "2"})
    location = wide_client.post("/plans", data=form).headers["Location"]
    plan = wide_client.get(f"{location}.json").get_json()
    again = asked(wide_client.get(f"{location}/reassess").get_data(as_text=True))
    assert {item["skill"] for item in plan["items"]} <= set(again)
    assert "wide.skill-28" in again  # rated under "other skills" before, asked now


def test_a_level_the_typical_levels_imply_is_preselected_with_its_reason(
    app_config: dict[str, object],
) -> None:
    from advisor.app import create_app
    from advisor.resources import skills_data_dir

    app = create_app({**app_config, "SKILLS_DATA": str(skills_data_dir())})
    try:
        client = app.test_client()
        form = {**STEP1, "current_role": "HPC engineer", "target_role": "mlops-engineer"}
        page = client.post("/assess", data=form).get_data(as_text=True)
    finally:
        app.extensions["advisor.store"].close()
    skills = asked(page)
    # An HPC engineer's typical GPU computing at 3 needs Docker at 2: Docker is preselected at 2
    # with that reason (the person can change it), though Docker is not typical of the role.
    assert "foundations.docker" in skills
    assert checked(page, skills.index("foundations.docker")) == "2"
    assert "“GPU computing for AI” at 3 needs “Containers with Docker” at 2: counted as 2." in page
