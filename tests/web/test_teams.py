"""Teams through Flask's test client: the new-team form, the invitation through both steps
with the choice to share, the dashboard and its exports, leaving, erasing, the API, and what
every new route answers to a guessed, malformed or wrong-kind token."""

from __future__ import annotations

import csv
import io
import re

import pytest
from flask.testing import FlaskClient

from tests.web.test_flow import step2
from tests.web.test_step2 import checked

TEAM = {"name": "Support to MLOps", "language": "en", "target_role": "mlops-engineer"}


def new_team(client: FlaskClient, **fields: str) -> tuple[str, str]:
    """The dashboard's address and the invitation's, as the dashboard shows them."""
    response = client.post("/teams/new", data={**TEAM, **fields})
    assert response.status_code == 303, response.get_data(as_text=True)
    dashboard = response.headers["Location"]
    page = client.get(dashboard).get_data(as_text=True)
    found = re.search(r'href="http://localhost(/join/[A-Za-z0-9_-]{32})"', page)
    assert found is not None
    return dashboard, found.group(1)


def join(client: FlaskClient, invitation: str, share: str = "share", serving: str = "0") -> str:
    """A member's plan made through the invitation (rating model serving): its address."""
    form = {
        **step2(**{"model-serving": serving}),
        "team": invitation.rsplit("/", 1)[1],
        "share_with_team": share,
    }
    response = client.post("/plans", data=form)
    assert response.status_code == 303, response.get_data(as_text=True)
    return str(response.headers["Location"])


def test_the_form_keeps_what_was_typed_and_names_each_problem(client: FlaskClient) -> None:
    response = client.post("/teams/new", data={"name": "", "language": "", "target_role": "x"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Give the team a name." in page and "Choose the language of the dashboard." in page
    assert "Not a valid choice" in page
    long = client.post("/teams/new", data={**TEAM, "name": "n" * 101})
    assert long.status_code == 422 and 'value="' + "n" * 101 + '"' in long.get_data(as_text=True)


def test_a_name_with_control_characters_is_refused(client: FlaskClient) -> None:
    response = client.post("/teams/new", data={**TEAM, "name": "Ops\x00team"})
    assert response.status_code == 422
    assert "must be printable text on one line" in response.get_data(as_text=True)


def test_the_invitation_leads_through_both_steps_to_the_choice(client: FlaskClient) -> None:
    _, invitation = new_team(client)
    page = client.get(invitation).get_data(as_text=True)
    assert "You are invited to the team “Support to MLOps”" in page
    start = re.search(r'href="(/\?[^"]+)"', page)
    assert start is not None
    step1 = client.get(start.group(1).replace("&amp;", "&")).get_data(as_text=True)
    token = invitation.rsplit("/", 1)[1]
    assert f'name="team" type="hidden" value="{token}"' in step1
    assert 'value="mlops-engineer" selected' in step1 or 'selected value="mlops-engineer"' in step1
    answered = client.post("/assess", data={**step2(), "team": token}).get_data(as_text=True)
    assert "Share this plan's ratings with the team “Support to MLOps”?" in answered


def test_without_a_choice_nothing_is_saved_and_everything_is_kept(client: FlaskClient) -> None:
    dashboard, invitation = new_team(client)
    form = {**step2(**{"model-serving": "3"}), "team": invitation.rsplit("/", 1)[1]}
    response = client.post("/plans", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Choose whether your ratings are shared with the team." in page
    assert checked(page, 3) == "3"  # model serving, as rated
    assert 'id="team-members">0<' in client.get(dashboard).get_data(as_text=True)


def test_declining_saves_a_plan_the_team_never_counts(client: FlaskClient) -> None:
    dashboard, invitation = new_team(client)
    plan = join(client, invitation, share="keep")
    assert "Your ratings count in the team" not in client.get(plan).get_data(as_text=True)
    assert 'id="team-members">0<' in client.get(dashboard).get_data(as_text=True)


def test_five_members_show_the_heatmap_and_one_leaving_hides_it(client: FlaskClient) -> None:
    dashboard, invitation = new_team(client)
    plans = [join(client, invitation, serving=str(n % 2 * 3)) for n in range(5)]
    page = client.get(dashboard).get_data(as_text=True)
    assert 'id="team-members">5<' in page and 'id="heatmap-table"' in page
    assert "<svg" in page and "Gaps many people share" in page
    shown = client.get(plans[0]).get_data(as_text=True)
    assert "Your ratings count in the team “Support to MLOps”" in shown
    leave = re.search(r'href="(/plans/[^"]+/leave)"', shown)
    assert leave is not None
    assert "Leave the team “Support to MLOps”?" in client.get(leave.group(1)).get_data(as_text=True)
    assert client.post(leave.group(1)).status_code == 303
    assert "Your ratings count in the team" not in client.get(plans[0]).get_data(as_text=True)
    page = client.get(dashboard).get_data(as_text=True)
    assert 'id="team-members">4<' in page and "Waiting for 1 more member" in page
    assert 'id="heatmap-table"' not in page
    assert client.post(leave.group(1)).status_code == 404  # left already


def test_no_count_of_one_or_two_reaches_the_page_or_the_csv(client: FlaskClient) -> None:
    dashboard, invitation = new_team(client)
    for serving in ("0", "0", "0", "0", "4", "5"):  # one at 4, one at 5
        join(client, invitation, serving=serving)
    page = client.get(dashboard).get_data(as_text=True)
    row = page.split("Model serving <span")[1].split("</tr>")[0]
    cells = re.findall(r"<td[^>]*>(?:<strong>)?(\d+)", row)
    assert cells and all(int(n) == 0 or int(n) >= 3 for n in cells)
    assert "levels 3–5" in row or "levels 4–5" in row or "levels 0–5" in row
    body = client.get(f"{dashboard}.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows and all(int(r["people"]) == 0 or int(r["people"]) >= 3 for r in rows)
    assert {r["section"] for r in rows} >= {"members", "heatmap"}


def test_deleting_a_plan_removes_it_from_the_team(client: FlaskClient) -> None:
    dashboard, invitation = new_team(client)
    plan = join(client, invitation)
    assert client.post(f"{plan}/delete").status_code == 303
    assert 'id="team-members">0<' in client.get(dashboard).get_data(as_text=True)


def test_deleting_the_team_keeps_the_plans_and_kills_both_links(client: FlaskClient) -> None:
    dashboard, invitation = new_team(client)
    plan = join(client, invitation)
    assert "Delete the team “Support to MLOps”?" in client.get(f"{dashboard}/delete").get_data(
        as_text=True
    )
    assert client.post(f"{dashboard}/delete").status_code == 303
    assert client.get(dashboard).status_code == 404
    assert client.get(invitation).status_code == 404
    assert client.get(plan).status_code == 200
    assert "Your ratings count in the team" not in client.get(plan).get_data(as_text=True)


def test_a_team_deleted_while_a_member_fills_the_form_saves_no_plan(client: FlaskClient) -> None:
    dashboard, invitation = new_team(client)
    client.post(f"{dashboard}/delete")
    form = {**step2(), "team": invitation.rsplit("/", 1)[1], "share_with_team": "share"}
    response = client.post("/plans", data=form)
    assert response.status_code == 422
    assert "The team you were invited to was deleted" in response.get_data(as_text=True)


def test_the_dashboard_is_in_the_teams_language(client: FlaskClient) -> None:
    dashboard, _ = new_team(client, language="fr")
    page = client.get(dashboard).get_data(as_text=True)
    assert "Tableau de bord de l’équipe" in page and '<html lang="fr">' in page


GUESSES = [
    "A" * 32,
    "short",
    "x" * 65,
    "%00" * 20,
    "..%2F..%2Fetc%2Fpasswd",
    "%F0%9F%98%80" * 16,
    "%ED%A0%80" * 16,
]


@pytest.mark.parametrize("guess", GUESSES)
def test_a_guessed_token_gets_404_on_every_route(client: FlaskClient, guess: str) -> None:
    plan = join(client, new_team(client)[1]).rsplit("/", 1)[1]
    for path in (
        f"/teams/{guess}",
        f"/teams/{guess}.csv",
        f"/teams/{guess}.pdf",
        f"/teams/{guess}/delete",
        f"/join/{guess}",
        f"/plans/{plan}/teams/{guess}/leave",
        f"/plans/{guess}/teams/{guess}/leave",
        f"/api/v1/teams/{guess}",
    ):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/teams/{guess}/delete").status_code == 404
    assert client.post(f"/plans/{plan}/teams/{guess}/leave").status_code == 404
    assert client.delete(f"/api/v1/teams/{guess}").status_code == 404


def test_a_token_of_the_wrong_kind_opens_nothing(client: FlaskClient) -> None:
    dashboard, invitation = new_team(client)
    coach, guest = dashboard.rsplit("/", 1)[1], invitation.rsplit("/", 1)[1]
    plan = join(client, invitation).rsplit("/", 1)[1]
    for path in (f"/teams/{guest}", f"/teams/{plan}", f"/join/{coach}", f"/join/{plan}"):
        assert client.get(path).status_code == 404, path
    assert client.get(f"/api/v1/teams/{guest}").status_code == 404
    assert client.post(f"/plans/{plan}/teams/{coach}/leave").status_code == 404
    assert client.post(f"/teams/{guest}/delete").status_code == 404
    assert client.get(dashboard).status_code == 200  # nothing above erased it


def test_every_team_page_stays_out_of_caches(client: FlaskClient) -> None:
    dashboard, invitation = new_team(client)
    for path in (dashboard, f"{dashboard}.csv", invitation, "/teams/new", f"/teams/{'A' * 32}"):
        assert client.get(path).headers["Cache-Control"] == "no-store", path


def test_the_api_creates_reads_and_erases_a_team(client: FlaskClient) -> None:
    created = client.post("/api/v1/teams", json={"name": "Cohort", "language": "fr"})
    assert created.status_code == 201
    body = created.get_json()
    assert created.headers["Location"] == f"/api/v1/teams/{body['id']}"
    assert (body["members"], body["waiting_for"], body["target_role"]) == (0, 5, None)
    assert body["links"]["invitation"].endswith(f"/join/{body['invitation']}")
    profile = {"language": "en", "target_role": "mlops-engineer", "hours_per_week": 5}
    for _ in range(5):
        plan = client.post("/api/v1/plans", json={**profile, "team_invitation": body["invitation"]})
        assert plan.status_code == 201
    read = client.get(f"/api/v1/teams/{body['id']}").get_json()
    assert read["members"] == 5 and read["target_role"]["chosen_by"] == "members"
    assert read["heatmap"][0]["bands"] and read["coverage"] == 0
    assert client.delete(f"/api/v1/teams/{body['id']}").status_code == 204
    assert client.get(f"/api/v1/teams/{body['id']}").status_code == 404


def test_the_api_names_each_bad_field(client: FlaskClient) -> None:
    answer = client.post("/api/v1/teams", json={"name": 3, "language": "de", "size": 1})
    assert answer.status_code == 422
    assert set(answer.get_json()["error"]["fields"]) == {"name", "language", "size"}
    role = client.post("/api/v1/teams", json={"name": "x", "target_role": "astronaut"})
    assert role.get_json()["error"]["fields"] == {"target_role": "must be a role id, or null"}
    joined = client.post(
        "/api/v1/plans",
        json={"language": "en", "hours_per_week": 5, "team_invitation": "A" * 32},
    )
    assert joined.status_code == 422
    assert joined.get_json()["error"]["fields"] == {
        "team_invitation": "no team has this invitation"
    }


def test_the_openapi_description_has_the_team_routes(client: FlaskClient) -> None:
    document = client.get("/api/v1/openapi.json").get_json()
    assert {"/api/v1/teams", "/api/v1/teams/{token}"} <= set(document["paths"])
    assert {"TeamRequest", "TeamSummary", "Band"} <= set(document["components"]["schemas"])
