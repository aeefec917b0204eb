"""The error summary at the top of a form: every error, in page order, linked to its control."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_wtf import FlaskForm

from advisor.web.forms import STEP1_FIELDS, AssessmentForm, ProfileForm


@dataclass(frozen=True)
class FormError:
    """One line of the error summary: the control it links to, and what is wrong."""

    target: str
    label: str
    message: str


def error_list(form: FlaskForm, names: dict[str, str]) -> list[FormError]:
    """Every error of the form, in page order, each linked to the control to fix."""
    found = [FormError("", "", message) for message in form.form_errors]
    simple = STEP1_FIELDS if isinstance(form, ProfileForm) else [f.name for f in form]
    for name in simple:
        field = form[name]
        target = f"{field.id}-0" if field.type == "RadioField" else field.id
        found += [FormError(target, str(field.label.text), m) for m in field.errors]
    if isinstance(form, AssessmentForm):
        for entry in form.levels.entries:
            skill, level = entry.form.skill, entry.form.level
            label = names.get(skill.data, skill.data or "")
            found += [FormError(f"{level.id}-0", label, m) for m in level.errors]
        for index, entry in enumerate(form.extra.entries, start=1):
            label = _("Other skill %(n)s", n=index)
            for control in (entry.form.skill, entry.form.level):
                found += [FormError(control.id, label, m) for m in control.errors]
        share = form.share_with_team
        found += [FormError(f"{share.id}-0", str(share.label.text), m) for m in share.errors]
    return found
