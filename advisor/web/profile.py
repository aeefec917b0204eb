"""The profile form: step 1 (who and what for), step 2 (skill levels), then the plan."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from advisor.core.errors import InvalidProfile
from advisor.services import jobads, plans
from advisor.services.assessment import questions, skill_by_name, suggested_skills
from advisor.web.context import current_advisor, current_store
from advisor.web.forms import (
    LEVEL_VALUES,
    STEP1_FIELDS,
    SUGGEST,
    AdForm,
    AssessmentForm,
    ProfileForm,
)
from advisor.web.i18n import LANGUAGE_NAMES, current_language
from advisor.web.security import no_store
from advisor.web.summary import error_list

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
    return render_template("profile/step1.html", form=form, error_list=[])


@bp.post("/assess")
def assess() -> ResponseReturnValue:
    """Check step 1; then show the skills to rate, prefilled from the role the person gave."""
    form = ProfileForm()
    form.set_roles(role_choices(current_language()))
    if not form.validate():
        errors = error_list(form, {})
        return render_template("profile/step1.html", form=form, error_list=errors), 422
    step2 = AssessmentForm(formdata=None, data={name: form[name].data for name in STEP1_FIELDS})
    return _render_step2(step2, {}, prefill=True)


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
    valid = form.validate()
    extras = _extra_skills(form)
    if not valid or any(e.form.errors for e in form.extra.entries):
        return _render_step2(form, _levels_typed(form)), 422
    try:
        plan = plans.create_plan(
            store=current_store(),
            advisor=current_advisor(),
            profile_data=_profile_data(form, extras),
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


def reassess_form(
    token: str, saved: dict[str, Any], skills: Iterable[str], target: str | None = None
) -> ResponseReturnValue:
    """Step 2 prefilled with a saved profile, asking again about every skill of the earlier plan
    (`skills`); submitting it links the new plan to `token`. `target` replaces the saved target
    role (a role the plan suggested)."""
    data = {k: saved.get(k) for k in STEP1_FIELDS if k != "target_role"}
    data["target_role"] = target or saved.get("target_role") or SUGGEST
    data["previous"] = token
    form = AssessmentForm(formdata=None, data=data)
    levels = saved.get("assessments", {})
    return _render_step2(form, levels, also=[*skills, *(s for s, n in levels.items() if n > 0)])


def _render_step2(
    form: AssessmentForm,
    levels: dict[str, int],
    *,
    prefill: bool = False,
    also: Iterable[str] = (),
) -> str:
    advisor = current_advisor()
    language = _known_language(form)
    # An invalid form comes back here: only a role of the taxonomy may pick the skills shown.
    role_id = form.target_role.data if form.target_role.data in advisor.taxonomy.roles else None
    ad_text = (form.target_ad.data or "").strip()
    ad = jobads.job_ad(advisor, ad_text) if ad_text else None
    posted = [e.form.skill.data for e in form.levels.entries]
    asked = questions(
        advisor,
        role_id,
        language,
        current_role=form.current_role.data or "",
        also=[*also, *posted],
        role=ad.role if ad else None,
    )
    proposed = asked.skill_ids
    if not form.levels.entries:
        # For an ad, every level starts at 0 ("no exposure"): two clicks give a plan.
        zeros = {s: 0 for s in proposed} if ad else {}
        typed = {**zeros, **(asked.prefilled if prefill else {}), **levels}
        for skill_id in proposed:
            form.levels.append_entry({"skill": skill_id, "level": _as_choice(typed.get(skill_id))})
    form.set_roles(role_choices(language))
    entries = {entry.form.skill.data: entry for entry in form.levels.entries}
    _prefill_extras(form, {s: lv for s, lv in levels.items() if s not in entries})
    names = {s.id: s.label.in_(language) for s in advisor.taxonomy.skills.values()}
    return render_template(
        "profile/step2.html",
        form=form,
        groups=asked.groups,
        entries=entries,
        levels=advisor.taxonomy.levels,
        language=language,
        orphans=[e for s, e in entries.items() if s not in set(proposed)],
        suggested=suggested_skills(advisor, form.experience.data or "", language),
        proposed=set(proposed),
        role=advisor.taxonomy.roles.get(role_id or ""),
        ad_label=jobads.ad_label(ad, language) if ad else None,
        origin=asked.origin,
        typical={
            skill_id: _(
                "Typical for %(origin)s: level %(n)s.",
                origin=asked.origin.label.in_(language),
                n=level,
            )
            for skill_id, level in asked.prefilled.items()
            if asked.origin
        },
        prefilled=prefill and bool(asked.prefilled),
        skill_names=sorted(set(names.values()), key=str.casefold),
        error_list=error_list(form, names),
    )


def _known_language(form: ProfileForm) -> str:
    language = form.language.data
    return str(language) if language in LANGUAGE_NAMES else current_language()


def _as_choice(level: int | None) -> str | None:
    return None if level is None else str(level)


def _extra_skills(form: AssessmentForm) -> dict[str, int]:
    """The skills typed under "other skills", matched to the taxonomy by name; a name that
    matches none, or a skill without a level, gets an error on its field."""
    taxonomy = current_advisor().taxonomy
    found: dict[str, int] = {}
    for entry in form.extra.entries:
        name = (entry.form.skill.data or "").strip()
        if not name:
            continue
        skill_id = skill_by_name(taxonomy, name)
        if skill_id is None:
            entry.form.skill.errors = [_("No skill has this name; pick one from the list.")]
        elif entry.form.level.data in (None, "", "None"):
            entry.form.level.errors = [_("Choose a level from 1 to 5 for this skill.")]
        else:
            found[skill_id] = int(entry.form.level.data)
    return found


def _prefill_extras(form: AssessmentForm, extras: dict[str, int]) -> None:
    language = _known_language(form)
    skills = current_advisor().taxonomy.skills
    empty = [e for e in form.extra.entries if not e.form.skill.data]
    known = sorted((s, lv) for s, lv in extras.items() if s in skills and lv > 0)
    for entry, (skill_id, level) in zip(empty, known, strict=False):
        entry.form.skill.data = skills[skill_id].label.in_(language)
        entry.form.level.data = str(level)


def _levels_typed(form: AssessmentForm) -> dict[str, int]:
    typed: dict[str, int] = {}
    # The form may be invalid: only the levels it offers are kept.
    for entry in form.levels.entries:
        if entry.form.level.data in LEVEL_VALUES:
            typed[entry.form.skill.data] = int(entry.form.level.data)
    return typed


def _profile_data(form: AssessmentForm, extras: dict[str, int]) -> dict[str, Any]:
    """The profile to plan from; a proposed skill left unanswered counts as level 0."""
    assessments = {
        entry.form.skill.data: int(entry.form.level.data or 0) for entry in form.levels.entries
    }
    assessments.update(extras)
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
            if target is not None:
                target.errors = [*target.errors, message]
                continue
        if name in form:
            form[name].errors = [*form[name].errors, message]
        else:
            form.form_errors.append(f"{name}: {message}")
