"""The profile form, in two steps: who you are and what you aim for, then your skill levels.

Forms check fields only; whether a role or skill id exists is the taxonomy's business, so the
views pass the choices in and the services' errors come back onto the fields.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

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
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from advisor.core import limits
from advisor.core.limits import MAX_AD_TEXT, MAX_FORM_INDEX_DIGITS

LEVEL_CHOICES = [SelectChoice(str(n), str(n)) for n in range(6)]
LEVEL_VALUES = frozenset(choice.value for choice in LEVEL_CHOICES)
ROW_INDEX = re.compile(rf"[0-9]{{1,{MAX_FORM_INDEX_DIGITS}}}")
EXTRA_ROWS = 5
# The answers of step 1, which travel along through step 2.
STEP1_FIELDS = (
    "team",
    "language",
    "current_role",
    "target_role",
    "hours_per_week",
    "deadline_weeks",
    "experience",
    "target_ad",
)
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
        validators=[Optional(), Length(max=limits.MAX_ROLE_TEXT)],
        description=_l(
            "As you would write it, in English or French: for example “administratrice "
            "systèmes Linux”, helpdesk technician, PostgreSQL DBA."
        ),
    )
    # Asked only when the current role was not recognised, or to change how it was read.
    origin_role = SelectField(
        _l("The role closest to yours"), choices=[], default="", validate_choice=True
    )
    # The current role as typed when that question was asked: asked once for the same text.
    checked_role = HiddenField(validators=[Optional(), Length(max=limits.MAX_ROLE_TEXT)])
    target_role = SelectField(_l("Role you aim for"), choices=[], validate_choice=True)
    target_ad = TextAreaField(
        _l("Plan for a job ad"),
        validators=[Optional(), Length(max=MAX_AD_TEXT)],
        description=_l(
            "Instead of choosing a role, paste a job ad (English or French): the plan targets "
            "what it asks for."
        ),
    )
    hours_per_week = IntegerField(
        _l("Hours you can study each week"),
        validators=[
            InputRequired(message=_l("Give the hours you can study each week.")),
            NumberRange(
                min=limits.MIN_HOURS_PER_WEEK,
                max=limits.MAX_HOURS_PER_WEEK,
                message=_l(
                    "Give a number of hours from %(low)s to %(high)s.",
                    low=limits.MIN_HOURS_PER_WEEK,
                    high=limits.MAX_HOURS_PER_WEEK,
                ),
            ),
        ],
    )
    deadline_weeks = IntegerField(
        _l("Deadline in weeks (optional)"),
        validators=[
            Optional(),
            NumberRange(
                min=limits.MIN_DEADLINE_WEEKS,
                max=limits.MAX_DEADLINE_WEEKS,
                message=_l(
                    "Give a number of weeks from %(low)s to %(high)s.",
                    low=limits.MIN_DEADLINE_WEEKS,
                    high=limits.MAX_DEADLINE_WEEKS,
                ),
            ),
        ],
    )
    # The invitation of the team the person was invited to, carried to step 2's question.
    team = HiddenField(validators=[Optional(), Length(max=64)])
    experience = TextAreaField(
        _l("Your experience in a few lines (optional)"),
        validators=[Optional(), Length(max=limits.MAX_EXPERIENCE)],
        description=_l("Skills you mention are suggested in the next step, never applied."),
    )

    def validate_target_ad(self, field: TextAreaField) -> None:
        if (field.data or "").strip() and self.target_role.data:
            raise ValidationError(_l("Choose a role or paste a job ad, not both."))

    def set_roles(
        self, roles: Sequence[tuple[str, str]], origins: Sequence[tuple[str, str]] = ()
    ) -> None:
        """Offer the roles of the taxonomy, after "suggest one for me", and the roles people
        come from, after "keep what I typed"."""
        suggest = SelectChoice(SUGGEST, str(_l("Suggest one for me")))
        self.target_role.choices = [suggest, *(SelectChoice(v, label) for v, label in roles)]
        keep = SelectChoice("", str(_l("None of these: keep what I typed")))
        self.origin_role.choices = [keep, *(SelectChoice(v, label) for v, label in origins)]


class RowList(FieldList):  # type: ignore[misc]
    """A FieldList that reads only plain, short row numbers from the submitted names.

    WTForms takes any name part for which `str.isdigit()` holds, and then `int()` fails on
    "²" or on a 5,000-digit number; such names are not rows of ours, so they are ignored.
    """

    @classmethod
    def _extract_indices(cls, prefix: str, formdata: Mapping[str, Any]) -> Iterator[int]:
        offset = len(prefix) + 1
        for name in formdata:
            if name.startswith(prefix + "-"):
                index = name[offset:].split("-", 1)[0]
                if ROW_INDEX.fullmatch(index):
                    yield int(index)


class AdForm(FlaskForm):  # type: ignore[misc]
    """ "Plan for this ad" under the skills found in a pasted ad: the ad travels hidden."""

    target_ad = HiddenField(validators=[InputRequired(), Length(max=MAX_AD_TEXT)])


class LevelForm(Form):  # type: ignore[misc]
    """One self-assessed skill: its id travels in a hidden field, its level in radios; a skill
    left unanswered counts as level 0."""

    skill = HiddenField()
    level = RadioField(choices=LEVEL_CHOICES, validators=[Optional()])


class ExtraSkillForm(Form):  # type: ignore[misc]
    """A skill the person adds beyond those proposed, found by typing its name (the view
    matches the name to the taxonomy, and names the levels in the form's language)."""

    skill = StringField(_l("Skill"), validators=[Optional(), Length(max=limits.MAX_ROLE_TEXT)])
    level = SelectField(
        _l("Level"),
        choices=[SelectChoice("", "—"), *LEVEL_CHOICES[1:]],
        default="",
        validate_choice=True,
    )

    def name_levels(self, names: Mapping[int, str]) -> None:
        """Show each level as "2 · Advanced beginner" rather than a bare number."""
        self.level.choices = [
            SelectChoice("", "—"),
            *(
                SelectChoice(c.value, f"{c.value} · {names[int(c.value)]}")
                for c in LEVEL_CHOICES[1:]
            ),
        ]


SHARE, KEEP = "share", "keep"


class AssessmentForm(ProfileForm):
    """Step 2: the step-1 answers travel along, plus one level per proposed skill; invited to
    a team, the person also says whether the plan's ratings are shared with it."""

    levels = RowList(FormField(LevelForm))
    extra = RowList(FormField(ExtraSkillForm), min_entries=EXTRA_ROWS, max_entries=EXTRA_ROWS)
    previous = HiddenField()
    share_with_team = RadioField(
        _l("Share with the team"),
        choices=[
            SelectChoice(SHARE, _l("Share my ratings with the team, counted with the others")),
            SelectChoice(KEEP, _l("Do not share: my plan stays mine alone")),
        ],
        # Asked only of someone invited to a team: the check below, not the choices', applies.
        validate_choice=False,
    )

    def validate_share_with_team(self, field: RadioField) -> None:
        if (self.team.data or "").strip() and field.data not in (SHARE, KEEP):
            raise ValidationError(_l("Choose whether your ratings are shared with the team."))


class TeamForm(FlaskForm):  # type: ignore[misc]
    """A new team: its name, the language of its dashboard and exports, its target role."""

    name = StringField(
        _l("Name of the team"),
        validators=[
            InputRequired(message=_l("Give the team a name.")),
            Length(max=limits.MAX_TEAM_NAME),
        ],
        description=_l(
            "Members see it when they are invited, for example “Support to cloud, 2027”."
        ),
    )
    language = RadioField(
        _l("Language of the dashboard and its exports"),
        choices=[SelectChoice("en", "English"), SelectChoice("fr", "Français")],
        validators=[InputRequired(message=_l("Choose the language of the dashboard."))],
    )
    target_role = SelectField(_l("Role the team aims for"), choices=[], validate_choice=True)

    def set_roles(self, roles: Sequence[tuple[str, str]]) -> None:
        """Offer the roles of the taxonomy, after "the role most members aim for"."""
        most = SelectChoice("", str(_l("The role most members aim for")))
        self.target_role.choices = [most, *(SelectChoice(v, label) for v, label in roles)]


ROW_FIELD = re.compile(rf"(levels|extra)-([0-9]{{1,{MAX_FORM_INDEX_DIGITS}}})-(skill|level)")


def posted_rows(formdata: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """The levels of step 2 carried through step 1 (to change the current role without losing
    the answers): skill id → level of the proposed skills, and typed name → level of the
    "other skills" rows; rows without a level are left out."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for name in formdata:
        found = ROW_FIELD.fullmatch(name)
        if found:
            kind, index, part = found.groups()
            rows.setdefault((kind, index), {})[part] = str(formdata.get(name, "")).strip()
    levels: dict[str, str] = {}
    extras: dict[str, str] = {}
    for (kind, _), row in sorted(rows.items()):
        skill, level = row.get("skill", ""), row.get("level", "")
        if skill and level in LEVEL_VALUES:
            (levels if kind == "levels" else extras)[skill] = level
    return levels, extras
