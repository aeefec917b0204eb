"""The plan in words, in the plan's language: why each item sits where it is and its reasons in
sentences, milestone titles and notes, the plan as the public JSON (DESIGN §4), and as Markdown.

It reads the plan's values and never computes a plan. Sentences come through `Words`, which the
shell builds from the Babel catalogues (`advisor.i18n`); nothing here reads a catalogue.
"""

from advisor.core.wording.explanations import (
    FACTORS,
    factor_name,
    milestone_note,
    milestone_title,
    practice_in_words,
    reasons_in_words,
    steps_in_words,
    switch_note,
    why_here,
)
from advisor.core.wording.markdown import plan_markdown
from advisor.core.wording.plan_json import cited_sources, plan_dict, progress_dict, schedule_dict
from advisor.core.wording.standing import implied_sentence, week_end, week_spans
from advisor.core.wording.words import Words

__all__ = [
    "FACTORS",
    "Words",
    "cited_sources",
    "factor_name",
    "implied_sentence",
    "milestone_note",
    "milestone_title",
    "plan_dict",
    "practice_in_words",
    "plan_markdown",
    "progress_dict",
    "reasons_in_words",
    "schedule_dict",
    "steps_in_words",
    "switch_note",
    "week_end",
    "week_spans",
    "why_here",
]
