"""The profile form, in two steps: who you are and what you aim for, then your skill levels.

Forms check fields only; whether a role or skill id exists is the taxonomy's business, so the
views pass the choices in and the services' errors come back onto the fields.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional

LEVEL_CHOICES = [SelectChoice(str(n), str(n)) for n in range(6)]
EXTRA_ROWS = 5
SUGGEST = ""


class ProfileForm(FlaskForm):  # type: ignore[misc]
    """Step 1: language, current and target role, time, deadline, experience."""

    language = RadioField(
        _l("Language of your plan"),
        choices=[SelectChoice("en", "English"), SelectChoice("fr", "Français")],
        validators=[InputRequired(message=_l("Choose the language of your plan."))],
    )
    current_role = StringField(
        _l("Your current role"),
        validators=[Optional(), Length(max=200)],
        description=_l("For example: support technician, system administrator."),
    )
    target_role = SelectField(_l("Role you aim for"), choices=[], validate_choice=True)
    hours_per_week = IntegerField(
        _l("Hours you can study each week"),
        validators=[
            InputRequired(message=_l("Give the hours you can study each week.")),
            NumberRange(min=1, max=60, message=_l("Give a number of hours from 1 to 60.")),
        ],
    )
    deadline_weeks = IntegerField(
        _l("Deadline in weeks (optional)"),
        validators=[
            Optional(),
            NumberRange(min=1, max=520, message=_l("Give a number of weeks from 1 to 520.")),
        ],
    )
    experience = TextAreaField(
        _l("Your experience in a few lines (optional)"),
        validators=[Optional(), Length(max=10_000)],
        description=_l("Skills you mention are suggested in the next step, never applied."),
    )

    def set_roles(self, roles: Sequence[tuple[str, str]]) -> None:
        """Offer the roles of the taxonomy, after "suggest one for me"."""
        suggest = SelectChoice(SUGGEST, str(_l("Suggest one for me")))
        self.target_role.choices = [suggest, *(SelectChoice(v, label) for v, label in roles)]


class LevelForm(Form):  # type: ignore[misc]
    """One self-assessed skill: its id travels in a hidden field, its level in radios; a skill
    left unanswered counts as level 0."""

    skill = HiddenField()
    level = RadioField(choices=LEVEL_CHOICES, validators=[Optional()])


class ExtraSkillForm(Form):  # type: ignore[misc]
    """A skill the person adds beyond those proposed, found by typing its name (the view
    matches the name to the taxonomy)."""

    skill = StringField(_l("Skill"), validators=[Optional(), Length(max=200)])
    level = SelectField(
        _l("Level"),
        choices=[SelectChoice("", "—"), *LEVEL_CHOICES[1:]],
        default="",
        validate_choice=True,
    )


class AssessmentForm(ProfileForm):
    """Step 2: the step-1 answers travel along, plus one level per proposed skill."""

    levels = FieldList(FormField(LevelForm))
    extra = FieldList(FormField(ExtraSkillForm), min_entries=EXTRA_ROWS, max_entries=EXTRA_ROWS)
    previous = HiddenField()
