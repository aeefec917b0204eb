"""The plan in words, in the plan's language: why each item sits where it is and its reasons in
sentences, milestone titles and notes, the plan as the public JSON (DESIGN §4), as Markdown,
its timeline (for the PDF and the page) and its agenda (for a calendar); and a team's view as
JSON and CSV.

It reads the plan's values and never computes a plan. Sentences come through `Words`, which the
shell builds from the Babel catalogues (`advisor.i18n`); nothing here reads a catalogue.
"""

from advisor.core.wording.agenda import (
    CALENDAR_FIELDS,
    DAY_MINUTES,
    WEEKDAYS,
    Agenda,
    Block,
    CalendarOptions,
    DayEvent,
    InvalidCalendar,
    calendar_options,
    plan_agenda,
)
from advisor.core.wording.dates import dated, deadline_day, plan_start
from advisor.core.wording.explanations import (
    FACTORS,
    factor_name,
    few_named,
    first_names,
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
from advisor.core.wording.standing import implied_sentence, week_end, week_spans, week_start
from advisor.core.wording.team import CSV_COLUMNS, team_csv, team_dict
from advisor.core.wording.timeline import (
    Bar,
    Mark,
    Row,
    Tick,
    Timeline,
    bar_words,
    item_bars,
    plan_timeline,
    stage_label,
    stage_name,
)
from advisor.core.wording.words import Words

__all__ = [
    "CALENDAR_FIELDS",
    "CSV_COLUMNS",
    "DAY_MINUTES",
    "FACTORS",
    "WEEKDAYS",
    "Agenda",
    "Bar",
    "Block",
    "CalendarOptions",
    "DayEvent",
    "InvalidCalendar",
    "Mark",
    "Row",
    "Tick",
    "Timeline",
    "Words",
    "bar_words",
    "calendar_options",
    "cited_sources",
    "dated",
    "deadline_day",
    "factor_name",
    "few_named",
    "first_names",
    "implied_sentence",
    "item_bars",
    "milestone_note",
    "milestone_title",
    "plan_agenda",
    "plan_dict",
    "practice_in_words",
    "plan_markdown",
    "plan_start",
    "plan_timeline",
    "progress_dict",
    "reasons_in_words",
    "schedule_dict",
    "stage_label",
    "stage_name",
    "steps_in_words",
    "switch_note",
    "team_csv",
    "team_dict",
    "week_end",
    "week_spans",
    "week_start",
    "why_here",
]
