"""A saved plan: its page, its JSON, what-if, reassessment and erasure, by private token."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from babel.dates import format_time
from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    get_flashed_messages,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import force_locale
from flask_babel import gettext as _

from advisor.core.errors import InvalidInput
from advisor.core.wording import CALENDAR_FIELDS, InvalidCalendar, calendar_options, plan_timeline
from advisor.i18n import words_for
from advisor.ics import plan_ics
from advisor.pdf import LAYOUT as PDF_LAYOUT
from advisor.pdf import render_plan_document
from advisor.services import plans, teams
from advisor.services.assessment import skill_labels, skill_quotes
from advisor.web import charts, planview
from advisor.web.context import current_advisor, current_store
from advisor.web.i18n import fast_gettext
from advisor.web.links import base_url, external_url
from advisor.web.pagecache import pages_of
from advisor.web.profile import reassess_form
from advisor.web.security import no_store

bp = Blueprint("plans", __name__, url_prefix="/plans")
# Every address here holds a plan token, so every answer (404s included) stays out of caches.
bp.after_request(no_store)


def load(token: str) -> dict[str, Any]:
    try:
        return plans.get_plan(store=current_store(), token=token)
    except plans.PlanNotFound:
        abort(404)


@bp.get("/<token>")
def show(token: str) -> ResponseReturnValue:
    """The plan, in its own language; an older version says that a newer one exists.

    A plan never changes (a reassessment is a new plan), so its rendered page is kept by this
    process; whether the plan still exists, and whether a newer version does, is asked of the
    database on every request (one indexed query), so an erased plan is never shown again.
    """
    store, pages = current_store(), pages_of("plans")
    # The page is in the plan's language whatever the interface's, so the key needs no language.
    key = (token, base_url())
    kept = pages.get(key)
    try:
        if kept is not None:
            newer = plans.plan_head(store=store, token=token)
            shared = teams.teams_of_plan(store=store, token=token)
            if kept[0] == (newer or "", _names(shared)):
                cached: str = kept[1]
                return cached
        text, newer = plans.plan_page(store=store, token=token)
    except plans.PlanNotFound:
        abort(404)
    shared = teams.teams_of_plan(store=store, token=token)
    # A page showing a one-off message is not reused (the template shows the same list).
    one_off = get_flashed_messages(with_categories=True)
    page = render_plan_page(json.loads(text), what_if=None, newer=newer, shared=shared)
    if not one_off:
        pages.put(key, ((newer or "", _names(shared)), page))
    return page


def _names(shared: list[teams.TeamRow]) -> tuple[str, ...]:
    """What of the plan's teams its page shows: leaving one draws the page again."""
    return tuple(t.invitation_token for t in shared)


def render_plan_page(
    plan: dict[str, Any],
    what_if: dict[str, Any] | None,
    newer: str | None = None,
    shared: list[teams.TeamRow] | None = None,
) -> str:
    """The plan page in the plan's language, whatever the interface language: the page and the
    plan it shows never disagree. `shared`: the teams its ratings are shared with."""
    with force_locale(plan["language"]):
        context = page_context(plan, what_if, newer)
        return render_template("plans/plan.html", **context, teams=shared or [])


@bp.get("/<token>/what-if")
def what_if(token: str) -> ResponseReturnValue:
    """The plan page with the answer to "what if this skill were at that level?"."""
    plan, advisor = load(token), current_advisor()
    profile = plans.saved_profile(store=current_store(), advisor=advisor, token=token)
    try:
        level = int(request.args.get("level", ""))
        answer = plans.what_if(advisor, profile, request.args.get("skill", ""), level)
    except (ValueError, InvalidInput):
        with force_locale(plan["language"]):
            flash(_("Choose a skill of the plan and a level from 0 to 5."), "error")
        return redirect(url_for("plans.show", token=token, _anchor="what-if"))
    shared = teams.teams_of_plan(store=current_store(), token=token)
    return render_plan_page(plan, what_if=answer, shared=shared)


@bp.get("/<token>.json")
def download_json(token: str) -> ResponseReturnValue:
    plan = load(token)
    body = json.dumps(plan, ensure_ascii=False, indent=2)
    name = f"advisor-plan-{plan['target_role']['id']}-{plan['created_at'][:10]}.json"
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def plan_document(token: str, kind: str) -> tuple[dict[str, Any], plans.Drawn]:
    """The plan and its PDF of `kind` (summary or full plan), in the plan's language: drawn
    once per plan, then read from the database. Raises `PlanNotFound`."""
    advisor, link = current_advisor(), external_url("plans.show", token=token)

    def render(plan: dict[str, Any]) -> plans.Drawn:
        labels = skill_labels(advisor, plan["language"])
        quotes = skill_quotes(advisor, plan)
        drawn = render_plan_document(
            plan, link=link, labels=labels, quotes=quotes, details=kind == plans.DETAILS
        )
        return plans.Drawn(drawn.body, drawn.pages)

    return plans.plan_pdf(
        store=current_store(),
        token=token,
        link=link,
        taxonomy_version=advisor.taxonomy.version,
        layout=PDF_LAYOUT,
        render=render,
        now=datetime.now(UTC),
        kind=kind,
    )


@bp.get("/<token>.pdf")
def download_pdf(token: str) -> ResponseReturnValue:
    """The plan as a PDF named after the role and the day: two pages for a manager, or with
    `?details=1` the full plan (every item's levels, resources and sources)."""
    details = request.args.get("details", "") in ("1", "true", "yes")
    try:
        plan, drawn = plan_document(token, plans.DETAILS if details else plans.SUMMARY)
    except plans.PlanNotFound:
        abort(404)
    name = file_name(plan, "pdf", "full" if details else "")
    return Response(
        drawn.body,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/<token>.ics")
def download_ics(token: str) -> ResponseReturnValue:
    """The plan in a calendar: the milestones and the deadline on their days, and each
    stage's weekly study blocks from `start`, on `weekday`, at `at` (defaults: the plan's
    day, Saturdays, 9:00). Wrong values: the plan page again, the errors beside the fields."""
    plan = load(token)
    asked = {name: request.args.get(name) for name in CALENDAR_FIELDS}
    try:
        body = plan_ics(plan, calendar_options(asked))
    except InvalidCalendar as error:
        with force_locale(plan["language"]):
            page = render_template(
                "plans/plan.html",
                **page_context(plan, None, calendar=(asked, calendar_errors(error, plan))),
            )
        return page, 400
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="{file_name(plan, "ics")}"'},
    )


def calendar_errors(error: InvalidCalendar, plan: dict[str, Any]) -> dict[str, str]:
    """Each wrong calendar field's message, in the page's language."""
    messages = {
        "start": _("Give the first day of week 1 as a date."),
        "weekday": _("Choose a day of the week."),
        "at": _("Give a time of day, at the latest 22:00."),
    }
    if error.latest is not None:
        # The time is a time, but the days from it to midnight cannot hold the plan's weeks.
        messages["at"] = _(
            "Start at %(time)s at the latest: a day's study ends by midnight, and your plan "
            "has weeks of %(hours)s h.",
            time=format_time(error.latest, format="short", locale=plan["language"]),
            hours=words_for(plan["language"]).number(plan["hours_per_week"]),
        )
    return {name: messages[name] for name in error.fields if name in messages}


def file_name(plan: dict[str, Any], extension: str, variant: str = "") -> str:
    """advisor-plan-mlops-engineer-2026-11-24.pdf: what it is, for which role, from when."""
    suffix = f"-{variant}" if variant else ""
    return f"advisor-plan-{plan['target_role']['id']}-{plan['created_at'][:10]}{suffix}.{extension}"


@bp.get("/<token>/reassess")
def reassess(token: str) -> ResponseReturnValue:
    """Step 2 again, every skill of the plan included; `?target_role=` picks a suggested role."""
    try:
        saved = plans.get_profile(store=current_store(), token=token)
    except plans.PlanNotFound:
        abort(404)
    plan = load(token)
    target = request.args.get("target_role", "")
    chosen = target if target in current_advisor().taxonomy.roles else None
    # The typical levels the plan did not apply are asked too (the plan page says so).
    unrated = (plan.get("origin_role") or {}).get("typical_not_applied") or []
    skills = [*(i["skill"] for i in plan["items"]), *(e["skill"] for e in unrated)]
    return reassess_form(token, saved, skills, chosen)


@bp.get("/<token>/delete")
def confirm_delete(token: str) -> ResponseReturnValue:
    plan = load(token)
    return render_template("plans/delete.html", plan=plan, token=token)


@bp.post("/<token>/delete")
def delete(token: str) -> ResponseReturnValue:
    try:
        plans.delete_plan(store=current_store(), token=token)
    except plans.PlanNotFound:
        abort(404)
    flash(_("Your plan and everything you entered for it have been deleted."), "ok")
    return redirect(url_for("profile.start"), code=303)


def page_context(
    plan: dict[str, Any],
    what_if: dict[str, Any] | None,
    newer: str | None = None,
    calendar: tuple[dict[str, str | None], dict[str, str]] | None = None,
) -> dict[str, Any]:
    """Everything the plan page shows, in the plan's language, with loop strings prepared;
    `calendar` is what was asked for the calendar and what was wrong with it."""
    words = words_for(plan["language"])
    taxonomy = current_advisor().taxonomy
    labels = {
        **skill_labels(current_advisor(), plan["language"]),
        **{item["skill"]: item["label"] for item in plan["items"]},
    }
    _ = fast_gettext()
    deadline = planview.deadline(plan, labels, words, _)
    return {
        "plan": plan,
        "token": plan["id"],
        "labels": labels,
        "newer_url": url_for("plans.show", token=newer) if newer else None,
        "origin": (plan.get("origin_role") or {}).get("label"),
        "total": planview.total(plan, words),
        "milestones": planview.milestones(plan, labels, words, _),
        "deadline": deadline,
        "items": planview.item_views(plan, labels, taxonomy, words, _),
        "suggestions": planview.suggestions(plan, labels, taxonomy, _),
        "chart": charts.levels_chart(plan.get("standing") or plan["items"], plan["language"]),
        "timeline": charts.timeline_chart(plan_timeline(plan, words), words),
        "schedule": planview.schedule_rows(charts.schedule_periods(plan), deadline, words, _),
        "what_if": what_if,
        "separator": "\u00a0; " if plan["language"] == "fr" else "; ",
        "plan_url": external_url("plans.show", token=plan["id"]),
        "full_pages": plan_document(plan["id"], plans.DETAILS)[1].pages if plan["items"] else 0,
        "calendar": planview.calendar_form(plan, words, *(calendar or ({}, {}))),
    }
