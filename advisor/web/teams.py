"""Teams: a coach creates one, members join through its invitation, the coach reads the
dashboard (page, CSV, PDF) by its private link; a member leaves from their plan page.

The dashboard is in the team's language whatever the interface's, as a plan is in its own. Every
address holds a token, so every answer stays out of caches; an unknown token and a token of
the wrong kind (an invitation for a dashboard, a plan's for either) get the same 404.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import force_locale
from flask_babel import gettext as _

from advisor.core.errors import InvalidInput
from advisor.core.wording import team_csv
from advisor.i18n import words_for
from advisor.pdf import render_team_pdf
from advisor.services import plans, teams
from advisor.web import charts
from advisor.web.context import current_advisor, current_store
from advisor.web.forms import TeamForm
from advisor.web.i18n import current_language
from advisor.web.links import external_url
from advisor.web.profile import role_choices
from advisor.web.security import no_store
from advisor.web.summary import error_list

bp = Blueprint("teams", __name__)
bp.after_request(no_store)


@bp.get("/teams/new")
def new() -> ResponseReturnValue:
    form = TeamForm(formdata=None)
    form.language.data = current_language()
    return _render_new(form)


def _render_new(form: TeamForm, status: int = 200) -> tuple[str, int]:
    form.set_roles(role_choices(current_language()))
    errors = error_list(form, {}) if status == 422 else []
    return render_template("teams/new.html", form=form, error_list=errors), status


@bp.post("/teams/new")
def create() -> ResponseReturnValue:
    """Check the form, save the team, and open its dashboard (Post/Redirect/Get)."""
    form = TeamForm()
    form.set_roles(role_choices(current_language()))
    if not form.validate():
        return _render_new(form, 422)
    data = {
        "name": form.name.data,
        "language": form.language.data,
        "target_role": form.target_role.data or None,
    }
    try:
        team = teams.create_team(
            store=current_store(), advisor=current_advisor(), data=data, now=datetime.now(UTC)
        )
    except InvalidInput as error:
        for name, message in error.fields.items():
            target = form[name] if name in form else form.name
            target.errors = [*target.errors, message]
        return _render_new(form, 422)
    with force_locale(team.language):
        flash(
            _("Team created. Keep this page's address: it is the only key to the dashboard."), "ok"
        )
    return redirect(url_for("teams.dashboard", token=team.coach_token), code=303)


def _summary(token: str) -> tuple[teams.TeamRow, dict[str, Any]]:
    try:
        return teams.summary(store=current_store(), advisor=current_advisor(), coach_token=token)
    except plans.TeamNotFound:
        abort(404)


@bp.get("/teams/<token>")
def dashboard(token: str) -> ResponseReturnValue:
    """The coach's view of the team, in the team's language."""
    team, summary = _summary(token)
    language = summary["language"]
    with force_locale(language):
        return render_template(
            "teams/dashboard.html",
            summary=summary,
            token=token,
            chart=charts.heatmap_chart(summary, words_for(language)),
            words=words_for(language),
            band_levels=charts.band_levels,
            invitation=external_url("teams.join", token=team.invitation_token),
            link=external_url("teams.dashboard", token=token),
        )


@bp.get("/teams/<token>.csv")
def download_csv(token: str) -> ResponseReturnValue:
    """The dashboard's aggregates as CSV (UTF-8 with a byte-order mark, which spreadsheets
    need to read accents)."""
    _, summary = _summary(token)
    name = f"advisor-team-{datetime.now(UTC).date().isoformat()}.csv"
    return Response(
        "\ufeff" + team_csv(summary),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/teams/<token>.pdf")
def download_pdf(token: str) -> ResponseReturnValue:
    """The dashboard on one page, in the team's language."""
    _, summary = _summary(token)
    drawn = render_team_pdf(summary, link=external_url("teams.dashboard", token=token))
    name = f"advisor-team-{datetime.now(UTC).date().isoformat()}.pdf"
    return Response(
        drawn.body,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/teams/<token>/delete")
def confirm_delete(token: str) -> ResponseReturnValue:
    _, summary = _summary(token)
    with force_locale(summary["language"]):
        return render_template("teams/delete.html", summary=summary, token=token)


@bp.post("/teams/<token>/delete")
def delete(token: str) -> ResponseReturnValue:
    """Erase the team, its links and memberships; the members keep their plans."""
    try:
        teams.delete_team(store=current_store(), coach_token=token)
    except plans.TeamNotFound:
        abort(404)
    flash(_("The team is deleted. Its members keep their plans."), "ok")
    return redirect(url_for("teams.new"), code=303)


@bp.get("/join/<token>")
def join(token: str) -> ResponseReturnValue:
    """The invitation: what the team is, what sharing means, then the usual two steps."""
    try:
        team = teams.invitation(store=current_store(), token=token)
    except plans.TeamNotFound:
        abort(404)
    role = current_advisor().taxonomy.roles.get(team.target_role or "")
    start = url_for(
        "profile.start",
        team=token,
        language=team.language,
        target_role=team.target_role or "",
    )
    with force_locale(team.language):
        return render_template("teams/join.html", team=team, role=role, start=start)


@bp.get("/plans/<token>/teams/<invitation>/leave")
def confirm_leave(token: str, invitation: str) -> ResponseReturnValue:
    """ "Leave the team?" under the plan (the plan page is kept rendered, so the form with
    its CSRF token is on a page of its own)."""
    try:
        plan = plans.get_plan(store=current_store(), token=token)
        shared = teams.teams_of_plan(store=current_store(), token=token)
    except plans.PlanNotFound:
        abort(404)
    team = next((t for t in shared if t.invitation_token == invitation), None)
    if team is None:
        abort(404)
    with force_locale(plan["language"]):
        return render_template("teams/leave.html", team=team, token=token)


@bp.post("/plans/<token>/teams/<invitation>/leave")
def leave(token: str, invitation: str) -> ResponseReturnValue:
    """Stop sharing the plan's ratings with a team; the plan stays."""
    try:
        plan = plans.get_plan(store=current_store(), token=token)
        team = teams.leave(store=current_store(), plan_token=token, invitation_token=invitation)
    except (plans.PlanNotFound, plans.TeamNotFound):
        abort(404)
    with force_locale(plan["language"]):
        flash(
            _("You left the team “%(team)s”: your ratings no longer count in it.", team=team.name),
            "ok",
        )
    return redirect(url_for("plans.show", token=token), code=303)
