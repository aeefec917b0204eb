"""The profile form: step 1 (who and what for), step 2 (skill levels), then the plan.

Every path asks what the plan will use. Step 1 reads the current role as typed, and asks when
it recognises none (or when the person wants to change how it was read). Step 2 asks the
target role's core, the strengths of the role the person comes from and the skills their
experience cites. Without a target, the best-fitting role's core is asked before its plan is
shown; choosing another role asks only what is new to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import force_locale
from flask_babel import gettext as _

from advisor.core.errors import InvalidProfile
from advisor.core.planning import ImpliedLevel, RoleFit
from advisor.core.taxonomy import RoleReading, read_current_role
from advisor.core.wording import Words, implied_sentence
from advisor.i18n import words_for
from advisor.services import jobads, plans, teams
from advisor.services.assessment import (
    ANSWERED,
    CORE,
    EARLIER,
    EXPERIENCE,
    STRENGTH,
    Questions,
    best_suggestion,
    questions,
    skill_by_name,
    skill_labels,
    unasked_core,
)
from advisor.web.context import current_advisor, current_store
from advisor.web.forms import (
    LEVEL_VALUES,
    SHARE,
    STEP1_FIELDS,
    SUGGEST,
    AdForm,
    AssessmentForm,
    ProfileForm,
    posted_rows,
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


def origin_choices(language: str) -> list[tuple[str, str]]:
    origins = current_advisor().taxonomy.origin_roles.values()
    return sorted(((o.id, o.label.in_(language)) for o in origins), key=lambda c: c[1].casefold())


def _with_choices(form: ProfileForm, language: str) -> ProfileForm:
    form.set_roles(role_choices(language), origin_choices(language))
    return form


@bp.get("/")
def start() -> ResponseReturnValue:
    """Step 1, prefilled from the query string when coming back to change an answer."""
    form = _with_choices(ProfileForm(formdata=request.args or None), current_language())
    if not request.args:
        form.language.data = current_language()
    return _render_step1(form)


def _render_step1(
    form: ProfileForm,
    question: RoleReading | None = None,
    carried: Mapping[str, Mapping[str, str]] | None = None,
    status: int = 200,
) -> tuple[str, int]:
    """Step 1; with `question`, the current role as it was read, and the list of origin roles
    to pick the closest from (step 2's answers so far travel along in `carried`)."""
    language = current_language()
    origins = current_advisor().taxonomy.origin_roles
    return (
        render_template(
            "profile/step1.html",
            **_invitation(form),
            form=form,
            error_list=error_list(form, {}) if status == 422 else [],
            question=question,
            origins=sorted(origins.values(), key=lambda o: o.label.in_(language).casefold()),
            language=language,
            carried=carried or {"levels": {}, "extras": {}},
        ),
        status,
    )


@bp.post("/assess")
def assess() -> ResponseReturnValue:
    """Check step 1 and read the current role; ask when it names no role advisor knows, else
    show the skills to rate, prefilled from the role the person comes from."""
    form = _with_choices(ProfileForm(), current_language())
    levels, extras = posted_rows(request.form)
    carried = {"levels": levels, "extras": extras}
    if not form.validate():
        return _render_step1(form, carried=carried, status=422)
    taxonomy = current_advisor().taxonomy
    typed = (form.current_role.data or "").strip()
    asked_about = typed == (form.checked_role.data or "").strip()
    picked = taxonomy.origin_roles.get(form.origin_role.data or "") if asked_about else None
    reading = read_current_role(taxonomy, typed)
    if picked is not None and picked is not reading.origin:
        # Picked from the list: the role box now says what advisor will read.
        form.current_role.data = picked.label.in_(current_language())
        reading = read_current_role(taxonomy, form.current_role.data)
    # Asked once per text typed, and only when there are roles to pick from.
    if typed and not reading.recognised and not asked_about and taxonomy.origin_roles:
        form.checked_role.data = typed
        return _render_step1(form, question=reading, carried=carried)
    step2 = AssessmentForm(formdata=None, data={name: form[name].data for name in STEP1_FIELDS})
    typed_levels = {s: int(v) for s, v in levels.items()}
    typed_levels.update(_named_levels(extras))
    # Answers carried back from step 2 are asked again, whatever the new role's questions.
    kept = [s for s, level in typed_levels.items() if level > 0]
    return _render_step2(step2, typed_levels, prefill=True, also=kept)


@bp.post("/revise")
def revise() -> ResponseReturnValue:
    """ "Change" beside how step 2 read the current role: step 1 again with everything typed,
    the list of origin roles open at the one that was read, and step 2's answers carried."""
    form = _with_choices(ProfileForm(), current_language())
    levels, extras = posted_rows(request.form)
    typed = (form.current_role.data or "").strip()
    reading = read_current_role(current_advisor().taxonomy, typed)
    form.origin_role.data = reading.origin.id if reading.origin else ""
    form.checked_role.data = typed
    return _render_step1(form, question=reading, carried={"levels": levels, "extras": extras})


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
    """Check step 2, save the plan, and show it at its private address (Post/Redirect/Get).

    Without a target role, the plan is for the best-fitting role: its core skills that step 2
    did not ask are asked first (the earlier answers kept), and the plan is for that role."""
    form = AssessmentForm()
    _with_choices(form, current_language())
    valid = form.validate()
    extras = _extra_skills(form)
    if not valid or any(e.form.errors for e in form.extra.entries):
        return _render_step2(form, _levels_typed(form)), 422
    profile = _profile_data(form, extras)
    if not profile["target_role"] and not profile["target_ad"]:
        asked = _ask_the_suggested_role(form, profile)
        if asked is not None:
            return asked
    invitation = _shared_with(form)
    try:
        plan = plans.create_plan(
            store=current_store(),
            advisor=current_advisor(),
            profile_data=profile,
            now=datetime.now(UTC),
            previous_token=form.previous.data or None,
            team_invitation=invitation,
        )
    except InvalidProfile as error:
        _put_errors_on_fields(form, error)
        return _render_step2(form, _levels_typed(form)), 422
    except plans.PlanNotFound:
        form.previous.data = ""
        form.form_errors.append(_("Your earlier plan was deleted; submit again for a new plan."))
        return _render_step2(form, _levels_typed(form)), 422
    except plans.TeamNotFound:
        form.team.data = ""
        form.form_errors.append(
            _("The team you were invited to was deleted; submit again for a plan of your own.")
        )
        return _render_step2(form, _levels_typed(form)), 422
    if invitation:
        with force_locale(plan["language"]):
            flash(_("Your ratings are shared with the team, never with your name."), "ok")
    return redirect(url_for("plans.show", token=plan["id"]), code=303)


def _shared_with(form: AssessmentForm) -> str | None:
    """The invitation of the team the person chose to share this plan's ratings with."""
    invitation = (form.team.data or "").strip()
    return invitation if invitation and form.share_with_team.data == SHARE else None


def _invitation(form: ProfileForm) -> dict[str, Any]:
    """The team the form's invitation joins, for the notice and the question of step 2; an
    invitation whose team was deleted is dropped, and the page says so."""
    token = (form.team.data or "").strip()
    if not token:
        return {"team": None, "lost_team": False}
    try:
        return {"team": teams.invitation(store=current_store(), token=token), "lost_team": False}
    except plans.TeamNotFound:
        form.team.data = ""
        return {"team": None, "lost_team": True}


def _ask_the_suggested_role(form: AssessmentForm, profile: dict[str, Any]) -> str | None:
    """Step 2 again for the best-fitting role when step 2 did not ask all of its core."""
    advisor = current_advisor()
    try:
        suggestion = best_suggestion(advisor, profile)
    except InvalidProfile:
        return None  # the plan's own validation names the fields
    answered = list(profile["assessments"])
    if not unasked_core(advisor, suggestion.role, answered):
        return None
    form.target_role.data = suggestion.role
    return _render_step2(
        form, _levels_typed(form), prefill=True, answered=answered, suggested=suggestion
    )


def reassess_form(
    token: str, saved: dict[str, Any], skills: Iterable[str], target: str | None = None
) -> ResponseReturnValue:
    """Step 2 prefilled with a saved profile, in the plan's language; submitting it links the
    new plan to `token`. A reassessment asks again about every skill of the earlier plan
    (`skills`); with `target` (another role, suggested by the plan) it asks only what is new
    to that role, the earlier answers kept apart."""
    data = {k: saved.get(k) for k in STEP1_FIELDS if k != "target_role"}
    data["target_role"] = target or saved.get("target_role") or SUGGEST
    data["previous"] = token
    form = AssessmentForm(formdata=None, data=data)
    levels = saved.get("assessments", {})
    language = str(saved.get("language") or current_language())
    with force_locale(language if language in LANGUAGE_NAMES else current_language()):
        if target and target != saved.get("target_role"):
            return _render_step2(form, levels, answered=list(levels))
        return _render_step2(form, levels, also=[*skills, *(s for s, n in levels.items() if n)])


def _render_step2(
    form: AssessmentForm,
    levels: Mapping[str, int],
    *,
    prefill: bool = False,
    also: Iterable[str] = (),
    answered: Iterable[str] = (),
    suggested: RoleFit | None = None,
) -> str:
    advisor = current_advisor()
    taxonomy = advisor.taxonomy
    language = _known_language(form)
    # An invalid form comes back here: only a role of the taxonomy may pick the skills shown.
    role_id = form.target_role.data if form.target_role.data in taxonomy.roles else None
    ad_text = (form.target_ad.data or "").strip()
    ad = jobads.job_ad(advisor, ad_text) if ad_text else None
    posted = [e.form.skill.data for e in form.levels.entries]
    answered = list(answered)
    asked = questions(
        advisor,
        role_id,
        language,
        current_role=form.current_role.data or "",
        experience=form.experience.data or "",
        also=[*also, *(s for s in posted if s not in answered)],
        answered=answered,
        role=ad.role if ad else None,
    )
    proposed = asked.skill_ids
    # For an ad, every level starts at 0 ("no exposure"): two clicks give a plan.
    zeros = {s: 0 for s in proposed} if ad and not form.levels.entries else {}
    typed = {**zeros, **(asked.prefilled if prefill else {}), **levels}
    # A skill already under "other skills" stays there rather than be asked twice.
    known = {*posted, *_extra_rows(form)}
    for skill_id in proposed:
        if skill_id not in known:
            form.levels.append_entry({"skill": skill_id, "level": _as_choice(typed.get(skill_id))})
    _with_choices(form, language)
    entries = {entry.form.skill.data: entry for entry in form.levels.entries}
    _prefill_extras(form, {s: lv for s, lv in levels.items() if s not in entries})
    names = {s.id: s.label.in_(language) for s in taxonomy.skills.values()}
    level_names = {level.level: level.label.in_(language) for level in taxonomy.levels}
    for entry in form.extra.entries:
        entry.form.name_levels(level_names)
    return render_template(
        "profile/step2.html",
        **_invitation(form),
        form=form,
        sections=asked.sections,
        headings=_headings(
            asked, taxonomy.roles.get(role_id or ""), ad, language, bool(form.previous.data)
        ),
        entries=entries,
        levels=taxonomy.levels,
        language=language,
        orphans=[e for s, e in entries.items() if s not in set(proposed)],
        cited=asked.cited,
        cited_beyond=asked.cited_beyond,
        reading=asked.reading,
        origin=asked.origin,
        presets=_presets(asked, language) if prefill else {},
        implies=_implies(list(entries), language),
        prefilled=prefill and bool(asked.prefilled),
        suggested=suggested,
        suggested_role=taxonomy.roles.get(suggested.role) if suggested else None,
        choosing=bool(answered) and suggested is None,
        role=taxonomy.roles.get(role_id or ""),
        ad_label=jobads.ad_label(ad, language) if ad else None,
        skill_names=sorted(set(names.values()), key=str.casefold),
        error_list=error_list(form, names),
    )


def _headings(
    asked: Questions, role: Any, ad: Any, language: str, reassessing: bool
) -> dict[str, str]:
    """The heading of each section of step 2, by why its skills are asked."""
    if ad is not None:
        core = _("What the job ad asks for")
    elif role is not None:
        core = _("What %(role)s needs", role=role.label.in_(language))
    else:
        core = _("Skills that tell the roles apart")
    origin = asked.origin.label.in_(language) if asked.origin else ""
    return {
        CORE: core,
        STRENGTH: _("Strengths of %(origin)s", origin=origin),
        EXPERIENCE: _("From your experience"),
        EARLIER: _("From your earlier plan") if reassessing else _("Your answers so far"),
        ANSWERED: _("Your earlier answers"),
    }


def _presets(asked: Questions, language: str) -> dict[str, str]:
    """Why a level is already chosen, under the skill: typical of the role the person comes
    from, or implied by another of its typical levels (which the plan counts as a floor)."""
    if asked.origin is None:
        return {}
    origin = asked.origin.label.in_(language)
    presets = {
        skill_id: _("Preselected: typical of %(origin)s (level %(n)s).", origin=origin, n=level)
        for skill_id, level in asked.prefilled.items()
    }
    words = words_for(language)
    labels = skill_labels(current_advisor(), language)
    for skill_id, floor in asked.implied.items():
        presets[skill_id] = implied_sentence(floor, lambda s: labels.get(s, s), words)
    return presets


def _implies(asked: Iterable[str | None], language: str) -> dict[str, dict[int, list[Any]]]:
    """For each skill on the page, the levels of the other skills on it that each of its
    levels implies, with the sentence that says so: `static/implied.js` raises them as the
    person rates (Kubernetes at 4: networking at 2), and the plan counts them as floors."""
    taxonomy = current_advisor().taxonomy
    words = words_for(language)
    labels = skill_labels(current_advisor(), language)
    on_page = {s for s in asked if s and s in taxonomy.skills}  # a posted form may name anything
    found: dict[str, dict[int, list[Any]]] = {}
    for source in sorted(on_page):
        for level in range(1, 6):
            needs = [
                [skill, needed, _implied_words(skill, needed, source, level, labels, words)]
                for skill, needed in sorted(taxonomy.prerequisite_closure(source, level).items())
                if skill in on_page and skill != source
            ]
            if needs:
                found.setdefault(source, {})[level] = needs
    return found


def _implied_words(
    skill: str, level: int, source: str, rated: int, labels: Mapping[str, str], words: Words
) -> str:
    floor = ImpliedLevel(skill, level, source, rated)
    return implied_sentence(floor, lambda s: labels.get(s, s), words)


def _known_language(form: ProfileForm) -> str:
    language = form.language.data
    return str(language) if language in LANGUAGE_NAMES else current_language()


def _as_choice(level: int | None) -> str | None:
    return None if level is None else str(level)


def _extra_rows(form: AssessmentForm) -> set[str]:
    """The skills named in the "other skills" rows."""
    taxonomy = current_advisor().taxonomy
    named = (skill_by_name(taxonomy, (e.form.skill.data or "").strip()) for e in form.extra)
    return {skill_id for skill_id in named if skill_id}


def _named_levels(extras: Mapping[str, str]) -> dict[str, int]:
    """ "Other skills" rows carried through step 1, matched to the taxonomy by name."""
    taxonomy = current_advisor().taxonomy
    found = {}
    for name, level in extras.items():
        skill_id = skill_by_name(taxonomy, name)
        if skill_id is not None and level in LEVEL_VALUES:
            found[skill_id] = int(level)
    return found


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


def _prefill_extras(form: AssessmentForm, extras: Mapping[str, int]) -> None:
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
