"""What the plan page shows, prepared once per page in the plan's language: milestones with
dates, the deadline, each item's reasons, transfer credit and sources, the suggested roles.

Plans saved before milestones, dates and transfer credit existed read with fallbacks, so every
saved plan still opens.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from babel.dates import format_time, get_day_names
from flask_babel import ngettext

from advisor.core.planning import Period, months_of
from advisor.core.taxonomy import Role, Taxonomy
from advisor.core.wording import (
    DAY_MINUTES,
    WEEKDAYS,
    CalendarOptions,
    dated,
    deadline_day,
    factor_name,
    few_named,
    plan_start,
    reasons_in_words,
    week_spans,
)
from advisor.i18n import CatalogueWords
from advisor.web.quotes import Quote, quotes

Gettext = Callable[..., str]


@dataclass(frozen=True)
class Milestone:
    id: str
    title: str
    end_week: int
    when: str
    skills: list[str]
    note: str = ""
    named: str = ""  # how many skills, the first few by name


@dataclass(frozen=True)
class DeadlineView:
    weeks: int
    fits: bool
    week: int
    when: str
    within: list[str]
    after: list[str]
    parts_done: list[str] = field(default_factory=list)
    in_progress: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ScheduleRow:
    weeks: str
    hours: tuple[tuple[str, str], ...]  # skill, hours a week in the plan's language
    deadline: str = ""


@dataclass(frozen=True)
class Suggestion:
    id: str
    label: str
    fit: float
    description: str
    covered: list[str]
    first_milestone: str
    is_target: bool


@dataclass(frozen=True)
class ItemView:
    item: Mapping[str, Any]
    why: str
    meta: str
    stage: str
    transfer: str
    reasons: list[tuple[str, str, str, str]]
    anchor_title: str
    priority: str = ""
    resources: list[tuple[Mapping[str, Any], str]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def _day(plan: Mapping[str, Any], iso: str | None, week: int) -> date:
    return dated(plan, iso, week)


def total(plan: Mapping[str, Any], words: CatalogueWords) -> dict[str, Any]:
    """Weeks, months and the end date of the whole plan."""
    weeks = int(plan["weeks"])
    months = float(plan.get("months") or months_of(weeks) or 0.5)
    return {
        "weeks": weeks,
        "months": ngettext(
            "about %(months)s month",
            "about %(months)s months",
            1 if months <= 1 else 2,
            months=words.number(months),
        ),
        "end": words.date(_day(plan, plan.get("end_date"), weeks)),
    }


def milestones(
    plan: Mapping[str, Any], labels: Mapping[str, str], words: CatalogueWords, _: Gettext
) -> list[Milestone]:
    """The plan's milestones with their dates; an older plan gets one: ready for the role."""
    found = plan.get("milestones") or [
        {
            "id": "ready",
            "title": _("Ready for the role"),
            "end_week": plan["weeks"],
            "skills": [i["skill"] for i in plan["items"]],
        }
    ]
    return [
        Milestone(
            id=str(m.get("id", "")),
            title=str(m.get("title", "")),
            end_week=int(m.get("end_week", 0)),
            when=words.date(_day(plan, m.get("end_date"), int(m.get("end_week", 0)))),
            skills=[labels.get(s, s) for s in m.get("skills", [])],
            note=str(m.get("note", "")),
            named=few_named([labels.get(s, s) for s in m.get("skills", [])], words) + "."
            if m.get("skills")
            else "",
        )
        for m in found
        if plan["items"]
    ]


def deadline(
    plan: Mapping[str, Any], labels: Mapping[str, str], words: CatalogueWords, _: Gettext
) -> DeadlineView | None:
    """What fits by the deadline (every part done by then, and the one under way with its
    share), and what comes after it; None without a deadline."""
    given = plan.get("deadline")
    if not given:
        return None
    items = [i["skill"] for i in plan["items"]]
    within = list(given.get("within", given.get("fitting_items", [])))
    after = list(given.get("after", [s for s in items if s not in within]))
    week = int(given.get("week_marked") or given["weeks"])
    return DeadlineView(
        weeks=int(given["weeks"]),
        fits=bool(given["fits"]),
        week=week,
        when=words.date(deadline_day(plan) or _day(plan, None, week)),
        within=[labels.get(s, s) for s in within],
        after=[labels.get(s, s) for s in after],
        parts_done=[_part(p, labels, _) for p in given.get("parts_done", [])],
        in_progress=[
            _("%(part)s: %(share)s done", part=_part(p, labels, _), share=words.percent(p["share"]))
            for p in given.get("in_progress", [])
        ],
    )


def _part(part: Mapping[str, Any], labels: Mapping[str, str], _: Gettext) -> str:
    """A part of the plan by its skill and the level it reaches ("Docker to level 2")."""
    name = labels.get(part["skill"], part["skill"])
    return _("%(skill)s to level %(level)s", skill=name, level=part["target"])


def schedule_rows(
    periods: list[Period], mark: DeadlineView | None, words: CatalogueWords, _: Gettext
) -> list[ScheduleRow]:
    """The schedule's periods, split at the deadline week so a row can mark it."""
    rows: list[ScheduleRow] = []
    marked = mark is None
    for period in periods:
        spans = [(period.first_week, period.last_week)]
        if mark and period.first_week <= mark.week < period.last_week:
            spans = [(period.first_week, mark.week), (mark.week + 1, period.last_week)]
        hours = tuple((skill, words.number(h)) for skill, h in period.hours)
        for first, last in spans:
            rows.append(ScheduleRow(_span(first, last), hours))
            if not marked and mark is not None and last >= mark.week:
                rows.append(_deadline_row(mark, _))
                marked = True
    if not marked and mark is not None:
        rows.append(_deadline_row(mark, _))
    return rows


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _deadline_row(mark: DeadlineView, _: Gettext) -> ScheduleRow:
    text = _("Your deadline: end of week %(week)s, %(date)s", week=mark.week, date=mark.when)
    return ScheduleRow("", (), deadline=text)


def item_views(
    plan: Mapping[str, Any],
    labels: Mapping[str, str],
    taxonomy: Taxonomy,
    words: CatalogueWords,
    _: Gettext,
) -> list[ItemView]:
    """Each item in the order of study, with why it comes there in plain words."""
    stages = {"ready": _("for the role"), "deepen": _("to go further")}
    views = []
    for item in plan["items"]:
        meta = " · ".join(
            [
                item["domain_label"],
                _("level %(current)s → %(target)s", current=item["current"], target=item["target"]),
                _("%(hours)s h", hours=words.number(item["hours"])),
                _weeks(item, _),
            ]
        )
        views.append(
            ItemView(
                item=item,
                why=item.get("why_here") or reasons_in_words(item["reasons"], words) + ".",
                meta=meta,
                stage=stages.get(str(item.get("stage", "")), ""),
                transfer=_transfer(item.get("transfer"), labels, words, _),
                reasons=[
                    (
                        factor_name(r["factor"], words),
                        words.number(round(float(r["value"]), 2)),
                        words.number(round(float(r["score"]), 2)),
                        words.number(round(float(r["weight"]), 2)),
                    )
                    for r in item["reasons"]
                ],
                anchor_title=_("Level %(n)s, the target:", n=item["target"]),
                priority=words.number(round(float(item["priority"]), 2)),
                resources=[(r, words.number(float(r["hours"]))) for r in item["resources"]],
                quotes=quotes(taxonomy, item["skill"], words),
            )
        )
    return views


def _weeks(item: Mapping[str, Any], _: Gettext) -> str:
    """ "weeks 9–11, 50", or "week 50" when the item takes one week."""
    spans = week_spans(item)
    if spans.isdigit():
        return _("week %(week)s", week=spans)
    return _("weeks %(spans)s", spans=spans)


def _transfer(
    transfer: Mapping[str, Any] | None,
    labels: Mapping[str, str],
    words: CatalogueWords,
    _: Gettext,
) -> str:
    if not transfer or not transfer.get("from"):
        return ""
    known = ", ".join(words.quote(labels.get(s, s)) for s in transfer["from"])
    text = _(
        "You know %(skills)s: about %(share)s less effort.",
        skills=known,
        share=words.percent(float(transfer.get("share", 0))),
    )
    saved = transfer.get("hours_saved")
    if saved:
        # One number, its agreement: « 1 h gagnée », « 6 h gagnées ».
        hours = words.number(saved)
        text += " " + ngettext(
            "%(hours)s h saved.", "%(hours)s h saved.", max(int(saved), 1), hours=hours
        )
    return text


def _covered(role: Role | None, levels: Mapping[str, int]) -> list[str]:
    """The role's requirements the person already meets (for plans saved without the list)."""
    if role is None:
        return []
    met = role.requirements_for(levels).values()
    return [r.skill for r in met if r.level > 0 and levels.get(r.skill, 0) >= r.level]


def suggestions(
    plan: Mapping[str, Any], labels: Mapping[str, str], taxonomy: Taxonomy, _: Gettext
) -> list[Suggestion]:
    """The roles that fit best, each with what it is, what the person already covers, and
    how soon they could be ready for it."""
    language, target = plan["language"], plan["target_role"]["id"]
    found = []
    for s in plan.get("role_suggestions", []):
        role = taxonomy.roles.get(s["id"])
        description = s.get("description") or (role.description.in_(language) if role else "")
        weeks = s.get("first_milestone_weeks")
        covered = s["covered"] if "covered" in s else _covered(role, plan.get("assessments", {}))
        found.append(
            Suggestion(
                id=s["id"],
                label=s["label"],
                fit=float(s["fit"]),
                description=description,
                covered=[labels.get(c, c) for c in covered],
                first_milestone=_("ready in about %(weeks)s weeks", weeks=weeks) if weeks else "",
                is_target=s["id"] == target,
            )
        )
    return found


@dataclass(frozen=True)
class CalendarForm:
    """The plan page's calendar form: the values shown (as asked, else the defaults), the
    weekdays to choose from in the plan's language, and the errors beside the fields."""

    start: str
    weekday: str
    at: str
    weekdays: list[tuple[str, str]]
    defaults: str
    errors: dict[str, str]


def calendar_form(
    plan: Mapping[str, Any],
    words: CatalogueWords,
    asked: Mapping[str, str | None],
    errors: Mapping[str, str],
) -> CalendarForm:
    names = get_day_names("wide", locale=words.language)
    weekdays = [(name, names[n]) for n, name in enumerate(WEEKDAYS)]
    first = plan_start(plan)
    defaults = CalendarOptions()
    default_time = format_time(defaults.at, format="short", locale=words.language)
    return CalendarForm(
        start=asked.get("start") or first.isoformat(),
        weekday=(asked.get("weekday") or WEEKDAYS[defaults.weekday]).lower(),
        at=asked.get("at") or defaults.at.strftime("%H:%M"),
        weekdays=weekdays,
        defaults=words.phrase(
            "Unless you choose otherwise: from {date}, the plan's day, on {weekday}s at {time}.",
            date=words.date(first),
            weekday=names[defaults.weekday],
            time=default_time,
        )
        + " "
        + words.phrase(
            "A day holds at most {hours} h of study: the rest of the week's hours go on the "
            "following days, at the same time, and never past midnight.",
            hours=words.number(DAY_MINUTES / 60),
        ),
        errors=dict(errors),
    )
