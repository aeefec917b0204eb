"""What the plan says of the person's own answers: the levels their ratings imply, where they
stand on every skill of the role, the steps and practice inside items, and one date a week."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from flask.testing import FlaskClient

PROFILE = {
    "language": "en",
    "target_role": "mlops-engineer",
    "hours_per_week": 4,
    "assessments": {"mlops.model-serving": 2},
}


def planned(client: FlaskClient, **changes: Any) -> tuple[dict[str, Any], str]:
    created = client.post("/api/v1/plans", json={**PROFILE, **changes})
    assert created.status_code == 201, created.get_json()
    plan: dict[str, Any] = created.get_json()
    page = client.get(f"/plans/{plan['id']}").get_data(as_text=True)
    return plan, page


def test_a_rating_implies_its_prerequisites_and_the_plan_says_so(client: FlaskClient) -> None:
    plan, page = planned(client)
    implied = {f["skill"]: f for f in plan["implied"]}
    # Model serving at 2 needs containers and Python at 2: neither starts from zero.
    assert implied["foundations.containers"]["level"] == 2
    assert implied["foundations.containers"]["from"] == {
        "skill": "mlops.model-serving",
        "label": "Model serving",
        "level": 2,
    }
    why = implied["foundations.containers"]["why"]
    assert why == "“Model serving” at 2 needs “Containers” at 2: counted as 2."
    for item in plan["items"]:
        if item["skill"] in implied:
            assert item["current"] >= implied[item["skill"]]["level"]
    assert "What your ratings imply" in page and why in page
    assert plan["assessments"] == {"mlops.model-serving": 2}  # what was rated, unchanged


def test_the_chart_shows_every_skill_of_the_role_strengths_included(client: FlaskClient) -> None:
    plan, page = planned(client, assessments={"foundations.python": 5})
    standing = {s["skill"]: s for s in plan["standing"]}
    role = {"mlops.model-serving", "mlops.model-monitoring", "foundations.containers"}
    assert set(standing) == role | {"foundations.python"}
    assert standing["foundations.python"]["level"] == 5  # a strength, not a plan item
    assert "foundations.python" not in {i["skill"] for i in plan["items"]}
    chart = page[page.index('id="chart-title"') : page.index('id="schedule"')]
    assert ">Python</text>" in chart and "current 5" in chart


def test_the_second_stage_says_what_comes_from_practice_at_work(client: FlaskClient) -> None:
    plan, page = planned(client, hours_per_week=1)
    assert plan["switch_week"] == 26 and plan["practice_hours"] > 0
    assert plan["switch_note"].startswith("From week 27, the plan assumes you use these skills")
    assert plan["switch_note"] in page
    practised = [i for i in plan["items"] if i["practice_hours"]]
    assert practised and all(i["practice_in_words"] in page for i in practised)
    effort = sum(i["hours"] + i["practice_hours"] for i in plan["items"])
    steps = [s for i in plan["items"] for p in i["parts"] for s in p["steps"]]
    effort += sum(s["hours"] + s["practice_hours"] for s in steps)
    assert plan["total_hours"] + plan["practice_hours"] == effort


def test_a_week_has_one_date_in_the_json_and_on_the_page(client: FlaskClient) -> None:
    plan, page = planned(client, deadline_weeks=6)
    start = date.fromisoformat(plan["created_at"][:10])

    def last_day(week: int) -> str:
        return (start + timedelta(days=7 * week - 1)).isoformat()

    assert plan["deadline"]["end_date"] == last_day(6)
    for milestone in plan["milestones"]:
        assert milestone["end_date"] == last_day(milestone["end_week"])
    assert plan["end_date"] == last_day(plan["weeks"])
    day = date.fromisoformat(plan["deadline"]["end_date"])
    written = f"{day:%B} {day.day}, {day.year}"
    assert len(re.findall(rf"end of week 6, {written}", page)) >= 1
    ready = plan["milestones"][0]
    assert ready["end_week"] <= 6  # the first milestone never ends after the deadline


def test_the_deadline_lists_every_stage_done_and_the_one_under_way(client: FlaskClient) -> None:
    plan, page = planned(client, deadline_weeks=6)
    deadline = plan["deadline"]
    assert deadline["parts_done"] and "Every stage done by then" in page
    for going in deadline["in_progress"]:
        assert 0 < going["share"] < 1
        assert "Under way at the deadline" in page
