"""The plan as an iCalendar file (RFC 5545) for a person's calendar: `plan_ics(plan, options)`.

It writes the agenda the core made (`core.wording.plan_agenda`): each milestone and the
deadline as a whole-day event, and each stage's study blocks as a weekly repeated event
(RRULE, COUNT) at a floating local time, so 9:00 stays 9:00 in whatever zone the calendar is.
Event identifiers are derived from a digest of the plan's token, never the token itself: a
calendar is often shared, the token opens the plan.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from icalendar import Calendar, Event

from advisor.core.wording import Agenda, CalendarOptions, plan_agenda
from advisor.i18n import words_for

PRODID = "-//advisor//learning plan//EN"


def plan_ics(plan: Mapping[str, Any], options: CalendarOptions | None = None) -> bytes:
    """The .ics file of `plan` (public JSON), in the plan's language."""
    agenda = plan_agenda(plan, words_for(plan["language"]), options)
    return plan_calendar(agenda, str(plan["id"]), datetime.fromisoformat(plan["created_at"]))


def plan_calendar(agenda: Agenda, plan_id: str, made: datetime) -> bytes:
    """The agenda as the bytes of an .ics file; `made` (the plan's creation) stamps every
    event, so one plan always gives the same file."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", agenda.title)
    stamp = made.astimezone(UTC)
    prefix = hashlib.sha256(plan_id.encode("utf-8")).hexdigest()[:20]
    for day in agenda.days:
        event = Event()
        event.add("uid", f"{prefix}-{day.key}@advisor")
        event.add("dtstamp", stamp)
        event.add("dtstart", day.day)
        event.add("dtend", day.day + timedelta(days=1))
        event.add("summary", day.summary)
        event.add("description", day.description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    for block in agenda.blocks:
        event = Event()
        event.add("uid", f"{prefix}-{block.key}@advisor")
        event.add("dtstamp", stamp)
        event.add("dtstart", block.first)
        event.add("duration", timedelta(minutes=block.minutes))
        if block.count > 1:
            event.add("rrule", {"freq": "weekly", "count": block.count})
        event.add("summary", block.summary)
        event.add("description", block.description)
        calendar.add_component(event)
    body: bytes = calendar.to_ical()
    return body
