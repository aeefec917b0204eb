"""The profile form: step 1 (who and what for), step 2 (skill levels), then the plan."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from wtforms.fields.choices import SelectChoice

from advisor.core.errors import InvalidProfile
from advisor.services import jobads, plans
from advisor.services.assessment import skills_to_assess, suggested_skills
from advisor.web.context import current_advisor, current_store
from advisor.web.forms import LEVEL_VALUES, SUGGEST, AdForm, AssessmentForm, ProfileForm
from advisor.web.i18n import LANGUAGE_NAMES, current_language
from advisor.web.security import no_store

bp = Blueprint("profile", __name__)
# The form's pages show what the person typed and its answers carry their new plan's token.
bp.after_request(no_store)
# Hours a week proposed when a plan starts from an ad, before the person says otherwise.
DEFAULT_HOURS = 5


def role_choices(language: str) -> list[tuple[str, str]]:
    roles = current_advisor().taxonomy.roles.values()
    return sorted(((r.id, r.label.in_(language)) for r in roles), key=lambda c: c[1].casefold())


@bp.get("/")
def start() -> ResponseReturnValue:
    """Step 1, prefilled from the query string when coming back to change an answer."""
    return _render_step1()


def _render_step1() -> str:
    form = ProfileForm(formdata=request.args or None)
    form.set_roles(role_choices(current_language()))
    if not request.args:
        form.language.data = current_language()
    return render_template("profile/step1.html", form=form)


@bp.post("/assess")
def assess() -> ResponseReturnValue:
    """Check step 1; then show the skills to rate for the chosen role."""
    form = ProfileForm()
    form.set_roles(role_choices(current_language()))
    if not form.validate():
        return render_template("profile/step1.html", form=form), 422
    step2 = AssessmentForm(formdata=None, data=_step1_data(form))
    return _render_step2(step2, {})


@bp.post("/ad")
def plan_for_ad() -> ResponseReturnValue:
    """ "Plan for this ad" under the skills found in an ad: the plan at once, from level 0 and
    a few hours a week; "Reassess" on the plan then rates each skill."""
    form = AdForm()
    if not form.validate():
        return redirect(url_for("articles.extract"), code=303)
    data = {
        "language": current_language(),
        "target_ad": form.target_ad.data,
        "hours_per_week": DEFAULT_HOURS,
    }
    try:
        plan = plans.create_plan(
            store=current_store(),
            advisor=current_advisor(),
            profile_data=data,
            now=datetime.now(UTC),
        )
    except InvalidProfile:
        return redirect(url_for("articles.extract"), code=303)
    return redirect(url_for("plans.show", token=plan["id"]), code=303)


@bp.post("/plans")
def create() -> ResponseReturnValue:
    """Check step 2, save the plan, and show it at its private address (Post/Redirect/Get)."""
    form = AssessmentForm()
    form.set_roles(role_choices(current_language()))
    _offer_extra_skills(form)
    if not form.validate():
        return _render_step2(form, _levels_typed(form)), 422
    try:
        plan = plans.create_plan(
            store=current_store(),
            advisor=current_advisor(),
            profile_data=_profile_data(form),
            now=datetime.now(UTC),
            previous_token=form.previous.data or None,
        )
    except InvalidProfile as error:
        _put_errors_on_fields(form, error)
        return _render_step2(form, _levels_typed(form)), 422
    except plans.PlanNotFound:
        form.previous.data = ""
        form.form_errors.append(_("Your earlier plan was deleted; submit again for a new plan."))
        return _render_step2(form, _levels_typed(form)), 422
    return redirect(url_for("plans.show", token=plan["id"]), code=303)


def reassess_form(token: str, saved: dict[str, Any]) -> ResponseReturnValue:
    """Step 2 prefilled with a saved profile; submitting it links the new plan to `token`."""
    data = {
        k: saved.get(k)
        for k in (
            "language",
            "current_role",
            "hours_per_week",
            "deadline_weeks",
            "experience",
            "target_ad",
        )
    }
    data["target_role"] = saved.get("target_role") or SUGGEST
    data["previous"] = token
    form = AssessmentForm(formdata=None, data=data)
    return _render_step2(form, saved.get("assessments", {}))


def _step1_data(form: ProfileForm) -> dict[str, Any]:
    return {
        name: form[name].data
        for name in (
            "language",
            "current_role",
            "target_role",
            "hours_per_week",
            "deadline_weeks",
            "experience",
            "target_ad",
        )
    }


def _render_step2(form: AssessmentForm, levels: dict[str, int]) -> str:
    advisor = current_advisor()
    language = _known_language(form)
    # An invalid form comes back here: only a role of the taxonomy may pick the skills shown.
    role_id = form.target_role.data if form.target_role.data in advisor.taxonomy.roles else None
    ad_text = (form.target_ad.data or "").strip()
    ad = jobads.job_ad(advisor, ad_text) if ad_text else None
    groups = skills_to_assess(advisor, role_id, language, ad.role if ad else None)
    proposed = [s.id for g in groups for s in g.skills]
    # For an ad, every level starts at 0 ("no exposure"): two clicks give a plan.
    typed = {**{s: (0 if ad else None) for s in proposed}, **levels}
    if not form.levels.entries:
        for skill_id in proposed:
            form.levels.append_entry({"skill": skill_id, "level": _as_choice(typed.get(skill_id))})
    form.set_roles(role_choices(language))
    _offer_extra_skills(form, exclude=set(proposed))
    entries = {entry.form.skill.data: entry for entry in form.levels.entries}
    extras_known = {s: lv for s, lv in levels.items() if s not in entries}
    _prefill_extras(form, extras_known)
    return render_template(
        "profile/step2.html",
        form=form,
        groups=groups,
        entries=entries,
        levels=advisor.taxonomy.levels,
        language=language,
        orphans=[e for s, e in entries.items() if s not in set(proposed)],
        suggested=suggested_skills(advisor, form.experience.data or "", language),
        proposed=set(proposed),
        role=advisor.taxonomy.roles.get(role_id or ""),
        ad_label=jobads.ad_label(ad, language) if ad else None,
    )


def _known_language(form: ProfileForm) -> str:
    language = form.language.data
    return str(language) if language in LANGUAGE_NAMES else current_language()


def _as_choice(level: int | None) -> str | None:
    return None if level is None else str(level)


def _offer_extra_skills(form: AssessmentForm, exclude: set[str] | None = None) -> None:
    language = _known_language(form)
    skills = current_advisor().taxonomy.skills.values()
    choices = sorted(
        ((s.id, s.label.in_(language)) for s in skills if s.id not in (exclude or set())),
        key=lambda c: c[1].casefold(),
    )
    for entry in form.extra.entries:
        entry.form.skill.choices = [
            SelectChoice("", "—"),
            *(SelectChoice(v, t) for v, t in choices),
        ]


def _prefill_extras(form: AssessmentForm, extras: dict[str, int]) -> None:
    empty = [e for e in form.extra.entries if not e.form.skill.data]
    for entry, (skill_id, level) in zip(empty, sorted(extras.items()), strict=False):
        entry.form.skill.data, entry.form.level.data = skill_id, str(level)


def _levels_typed(form: AssessmentForm) -> dict[str, int]:
    typed: dict[str, int] = {}
    # The form may be invalid: only the levels it offers are kept.
    for entry in form.levels.entries:
        if entry.form.level.data in LEVEL_VALUES:
            typed[entry.form.skill.data] = int(entry.form.level.data)
    return typed


def _profile_data(form: AssessmentForm) -> dict[str, Any]:
    assessments: dict[str, int] = {}
    for entry in form.levels.entries:
        assessments[entry.form.skill.data] = int(entry.form.level.data)
    for entry in form.extra.entries:
        if entry.form.skill.data:
            assessments[entry.form.skill.data] = int(entry.form.level.data or 0)
    return {
        "language": form.language.data,
        "target_role": form.target_role.data or None,
        "hours_per_week": form.hours_per_week.data,
        "deadline_weeks": form.deadline_weeks.data,
        "current_role": form.current_role.data or "",
        "assessments": assessments,
        "experience": form.experience.data or "",
        "target_ad": form.target_ad.data or None,
    }


def _put_errors_on_fields(form: AssessmentForm, error: InvalidProfile) -> None:
    """A service error names a profile field; show it next to the form field it came from."""
    for name, message in error.fields.items():
        if name.startswith("assessments."):
            skill_id = name.split(".", 1)[1]
            target = next(
                (e.form.level for e in form.levels.entries if e.form.skill.data == skill_id), None
            )
            target = target or next(
                (e.form.skill for e in form.extra.entries if e.form.skill.data == skill_id), None
            )
            if target is not None:
                target.errors = [*target.errors, message]
                continue
        if name in form:
            form[name].errors = [*form[name].errors, message]
        else:
            form.form_errors.append(f"{name}: {message}")
