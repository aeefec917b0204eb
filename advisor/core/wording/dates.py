"""A plan's dates as its JSON gives them: the day it was made (the first day of week 1), and
the end of each milestone, of the plan and of the deadline. The page, the PDF, the timeline
and the calendar read those dates, and fall back on the one rule that dates a week
(`standing.week_end`) only for plans saved before a date existed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from advisor.core.wording.standing import week_end


def plan_start(plan: Mapping[str, Any]) -> date:
    """The day the plan was made, the first day of its week 1."""
    return date.fromisoformat(str(plan["created_at"])[:10])


def dated(plan: Mapping[str, Any], iso: object, week: int) -> date:
    """The date the plan's JSON gives (`iso`), else the end of `week` by the rule above."""
    if isinstance(iso, str) and iso:
        return date.fromisoformat(iso[:10])
    return week_end(plan_start(plan), week)


def deadline_day(plan: Mapping[str, Any]) -> date | None:
    """The last day before the deadline, from the plan's JSON; None without a deadline."""
    given = plan.get("deadline")
    if not given:
        return None
    return dated(plan, given.get("end_date"), int(given["weeks"]))
