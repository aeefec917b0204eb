"""The plan page: in the plan's language, with milestones and dates, the deadline, each item's
reasons and sources, the suggested roles, and a notice on an older version."""

from __future__ import annotations

import copy
import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from advisor.web.plans import render_plan_page
from tests.web.conftest import QUOTE
from tests.web.test_flow import create_plan, step2


def plan_of(client: FlaskClient, location: str) -> dict[str, Any]:
    plan: dict[str, Any] = client.get(f"{location}.json").get_json()
    return plan


def test_an_older_plan_links_to_its_newer_version(client: FlaskClient) -> None:
    location = create_plan(client, containers="1")
    assert "A newer version of this plan exists" not in client.get(location).get_data(True)
    form = step2(containers="3")
    form["previous"] = location.rsplit("/", 1)[1]
    newer = client.post("/plans", data=form).headers["Location"]
    page = client.get(location).get_data(as_text=True)
    assert "A newer version of this plan exists" in page
    assert f'href="{newer}">See the newer plan</a>' in page
    assert "A newer version of this plan exists" not in client.get(newer).get_data(True)


def test_the_page_speaks_the_plans_language_whatever_the_browser_says(
    client: FlaskClient,
) -> None:
    form = step2()
    form["language"] = "fr"
    location = client.post("/plans", data=form).headers["Location"]
    page = client.get(location, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="fr">' in page
    assert "Votre plan pour devenir Ingénieur·e MLOps" in page
    assert "Pourquoi à ce rang" in page and "Why here" not in page
    assert "Semaine par semaine" in page and "Week by week" not in page
    english = client.get(create_plan(client), headers={"Accept-Language": "fr"})
    assert '<html lang="en">' in english.get_data(as_text=True)


def test_the_total_is_given_in_weeks_months_and_an_end_date(client: FlaskClient) -> None:
    location = create_plan(client)
    plan = plan_of(client, location)
    page = client.get(location).get_data(as_text=True)
    found = re.search(
        r"(\d+) weeks, about ([\d.]+) months?\. You would finish on (\w+ \d+, \d{4})", page
    )
    assert found and int(found.group(1)) == plan["weeks"]
    assert 'id="milestones"' in page


def test_each_items_skill_shows_what_its_sources_say(wide_client: FlaskClient) -> None:
    form = step2()
    location = wide_client.post("/plans", data=form).headers["Location"]
    page = wide_client.get(location).get_data(as_text=True)
    assert f'<blockquote lang="fr"><p>“{QUOTE}”</p></blockquote>' in page
    assert "<cite>Un article sur le MLOps</cite></a>, Presse Exemple, June 1, 2024" in page
    assert 'href="https://example.org/mlops"' in page


def test_the_deadline_is_marked_with_what_fits_and_what_comes_after(client: FlaskClient) -> None:
    form = step2()
    form["deadline_weeks"] = "3"
    location = client.post("/plans", data=form).headers["Location"]
    page = client.get(location).get_data(as_text=True)
    assert 'class="deadline-mark"' in page and "Your deadline: end of week 3" in page
    assert "What fits by the deadline" in page and "After the deadline" in page


def contract_plan(plan: dict[str, Any]) -> dict[str, Any]:
    """A saved plan with the fields the planner adds for milestones, deadlines and transfer."""
    plan = copy.deepcopy(plan)
    skills = [i["skill"] for i in plan["items"]]
    plan.update(
        {
            "milestones": [
                {
                    "id": "ready",
                    "title": "Ready for the role",
                    "end_week": 5,
                    "end_date": "2027-01-04",
                    "skills": skills[:2],
                },
                {
                    "id": "deepen",
                    "title": "Going further",
                    "end_week": 9,
                    "end_date": "2027-02-01",
                    "skills": skills[2:],
                },
            ],
            "months": 1.5,
            "end_date": "2027-02-01",
            "origin_role": {"id": "ops", "label": "Operations technician"},
            "deadline": {
                "weeks": 6,
                "fits": False,
                "within": skills[:1],
                "after": skills[1:],
                "week_marked": 6,
            },
        }
    )
    first = plan["items"][0]
    first.update(
        {
            "why_here": "It comes first because everything else runs in containers.",
            "stage": "ready",
            "transfer": {"from": ["foundations.python"], "share": 0.4, "hours_saved": 12},
        }
    )
    for suggestion in plan["role_suggestions"]:
        suggestion.update(
            {
                "description": "Builds things.",
                "covered": ["foundations.python"],
                "first_milestone_weeks": 7,
            }
        )
    return plan


def test_milestones_deadline_transfer_and_suggestions_from_the_plan(
    app: Flask, client: FlaskClient
) -> None:
    plan = contract_plan(plan_of(client, create_plan(client)))
    with app.test_request_context():
        page = render_plan_page(plan, what_if=None)
    assert (
        '<strong>Ready for the role</strong> — <span class="when">end of week 5, January 4, 2027'
        in page
    )
    assert "Going further" in page and "February 1, 2027" in page
    assert "weeks, about 1.5 months. You would finish on February 1, 2027." in page
    assert "Coming from: Operations technician" in page
    assert "It comes first because everything else runs in containers." in page
    assert "You know “Python”: about 40% less effort. 12 h saved." in page
    assert "Your deadline: end of week 6" in page
    assert page.index("What fits by the deadline") < page.index("After the deadline")
    assert "You already cover: Python." in page and "ready in about 7 weeks" in page
    assert "/reassess?target_role=python-developer" in page
    assert "The role of this plan" in page


def test_a_suggested_role_can_be_chosen(client: FlaskClient) -> None:
    location = create_plan(client, python="3")
    page = client.get(f"{location}/reassess?target_role=python-developer").get_data(True)
    assert re.search(r'<option selected value="python-developer">', page)
    assert client.get(f"{location}/reassess?target_role=bogus").status_code == 200


def test_a_suggested_role_says_what_the_person_already_covers(client: FlaskClient) -> None:
    page = client.get(create_plan(client, python="4")).get_data(as_text=True)
    suggestion = page[page.index('id="role-python-developer"') :]
    assert "You already cover: Python." in suggestion[: suggestion.index("</li>")]
