"""What a person takes away from the plan page: the two-page PDF, the full plan (linked with
its page count), the timeline (SVG and table), and the plan in a calendar, parsed back with
icalendar and imported by a second, independent parser (ical)."""

from __future__ import annotations

import io
import math
import re
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from html import unescape
from typing import Any

from babel.dates import format_time
from flask.testing import FlaskClient
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar
from pypdf import PdfReader

from tests.test_pdf import french_faults
from tests.web.test_flow import create_plan, step2


def plan_of(client: FlaskClient, location: str) -> dict[str, Any]:
    plan: dict[str, Any] = client.get(f"{location}.json").get_json()
    return plan


def french_plan(client: FlaskClient, **extra: str) -> str:
    form = {**step2(), "language": "fr", **extra}
    return str(client.post("/plans", data=form).headers["Location"])


def pages(body: bytes) -> int:
    return len(PdfReader(io.BytesIO(body)).pages)


def test_the_page_links_the_two_pdfs_and_the_full_plan_says_its_pages(
    client: FlaskClient,
) -> None:
    location = create_plan(client)
    page = client.get(location).get_data(as_text=True)
    summary = client.get(f"{location}.pdf")
    full = client.get(f"{location}.pdf?details=1")
    assert pages(summary.data) == 2
    count = pages(full.data)
    assert count > 2
    assert f"Full plan, {count} pages" in page
    assert f'href="{location}.pdf?details=1"' in page
    assert full.headers["Content-Disposition"].endswith('-full.pdf"')
    # The same bytes again: drawn once, kept.
    assert client.get(f"{location}.pdf?details=1").data == full.data


def test_the_timeline_on_the_page_agrees_with_the_pdf(client: FlaskClient) -> None:
    location = create_plan(client)
    plan = plan_of(client, location)
    page = client.get(location).get_data(as_text=True)
    svg = page.split('<svg class="timeline-chart"')[1].split("</svg>")[0]
    assert 'role="img"' in page and 'aria-labelledby="timeline-title timeline-desc"' in page
    bars = re.findall(r'<rect class="stage-(\w+)"', svg)
    assert len(bars) == sum(len(i["parts"]) for i in plan["items"])
    table = unescape(page.split('<table class="timeline-table">')[1].split("</table>")[0])
    pdf_text = PdfReader(io.BytesIO(client.get(f"{location}.pdf").data)).pages[0].extract_text()
    for item in plan["items"]:
        for part in item["parts"]:
            assert f"weeks {part['start_week']}–{part['end_week']}" in table
        assert f"{item['rank']}. {item['label']}" in table
        assert f"{item['rank']}. {item['label']}"[:20] in pdf_text
    for milestone in plan["milestones"]:
        when = datetime.fromisoformat(milestone["end_date"]).strftime("%B %-d, %Y")
        assert f"{milestone['title']} · {when}" in unescape(svg)
        assert f"{milestone['title']} · {when}" in " ".join(pdf_text.split())


def occurrences(text: str) -> list[Any]:
    """The calendar as a second, independent parser imports it, repeated events expanded."""
    calendar = IcsCalendarStream.calendar_from_ics(text)
    return list(calendar.timeline)


def test_the_calendar_round_trips_through_two_parsers(client: FlaskClient) -> None:
    location = create_plan(client)
    plan = plan_of(client, location)
    answer = client.get(f"{location}.ics?start=2027-01-04&weekday=wednesday&at=18:30")
    assert answer.status_code == 200 and answer.mimetype == "text/calendar"
    assert answer.headers["Content-Disposition"].endswith('.ics"')
    text = answer.get_data(as_text=True)
    assert plan["id"] not in text  # a shared calendar never carries the private token
    parsed = Calendar.from_ical(text)
    events = parsed.walk("VEVENT")
    assert str(parsed["PRODID"]) == "-//advisor//learning plan//EN"
    assert len({str(e["UID"]) for e in events}) == len(events)
    # The same events, read again by ical and expanded week by week.
    seen = occurrences(text)
    study = [e for e in seen if isinstance(e.start, datetime)]
    days = [e for e in seen if not isinstance(e.start, datetime)]
    assert min(e.start for e in study) == datetime(2027, 1, 6, 18, 30)
    # Each week's study from its Wednesday at 18:30 on, at most 4 h a day, the rest on the
    # days after, each block ending by midnight; the week's own study as the schedule says.
    per_day: dict[date, float] = defaultdict(float)
    per_week: dict[int, float] = defaultdict(float)
    for event in study:
        hours = (event.end - event.start) / timedelta(hours=1)
        assert event.end <= datetime.combine(event.start.date() + timedelta(days=1), time(0))
        assert event.start.time() >= time(18, 30)
        per_day[event.start.date()] += hours
        per_week[(event.start.date() - date(2027, 1, 6)).days // 7 + 1] += hours
    assert max(per_day.values()) <= 4
    for week in per_week:
        wednesday = date(2027, 1, 6) + timedelta(weeks=week - 1)
        assert any(e.start == datetime.combine(wednesday, time(18, 30)) for e in study)
    scheduled = {
        week: sum(period["hours"].values())
        for period in plan["schedule"]
        for week in range(period["first_week"], period["last_week"] + 1)
    }
    assert len(per_week) == plan["weeks"] == len(scheduled)
    assert all(abs(per_week[w] - scheduled[w]) <= 0.1 * len(plan["items"]) for w in scheduled)
    assert max(per_week.values()) <= plan["hours_per_week"] + 0.1
    # Each milestone on its date, moved with the chosen start (the plan was made on another day).
    shift = date(2027, 1, 4) - date.fromisoformat(plan["created_at"][:10])
    for milestone in plan["milestones"]:
        day = date.fromisoformat(milestone["end_date"]) + shift
        assert any(e.start == day and milestone["title"] in e.summary for e in days)
    # icalendar reads back what ical expanded: the same number of study occurrences.
    counts = sum(int(e["RRULE"]["COUNT"][0]) if "RRULE" in e else 1 for e in events)
    assert counts == len(seen)


def test_the_calendar_defaults_are_stated_and_used(client: FlaskClient) -> None:
    location = create_plan(client)
    plan = plan_of(client, location)
    page = client.get(location).get_data(as_text=True)
    made = date.fromisoformat(plan["created_at"][:10])
    assert "Unless you choose otherwise" in page and "on Saturdays at 9:00" in page
    assert f'value="{made.isoformat()}"' in page
    study = [e for e in occurrences(client.get(f"{location}.ics").get_data(True)) if e.start]
    first = min(e.start for e in study if isinstance(e.start, datetime))
    assert first.weekday() == 5 and first.time().hour == 9
    assert made <= first.date() < made + timedelta(days=7)


def test_wrong_calendar_choices_are_said_beside_their_fields(client: FlaskClient) -> None:
    location = create_plan(client)
    answer = client.get(f"{location}.ics?start=31/12/2026&weekday=someday&at=23:30")
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert 'id="calendar-start-error"' in page and "Give the first day of week 1" in page
    assert 'id="calendar-weekday-error"' in page and 'id="calendar-at-error"' in page
    assert 'value="31/12/2026"' in page  # what was typed is kept


def test_a_start_too_late_for_the_weeks_hours_is_said_beside_the_field(
    client: FlaskClient,
) -> None:
    location = str(client.post("/plans", data={**step2(), "hours_per_week": "40"}).location)
    plan = plan_of(client, location)
    busiest = max(sum(period["hours"].values()) for period in plan["schedule"])
    # A seventh of the busiest week, to five minutes, must end by midnight.
    latest = 24 * 60 - 5 * math.ceil(busiest * 60 / 7 / 5)
    assert latest < 22 * 60
    late = f"{(latest + 5) // 60:02d}:{(latest + 5) % 60:02d}"
    answer = client.get(f"{location}.ics?at={late}")
    assert answer.status_code == 400
    page = unescape(answer.get_data(as_text=True))
    assert 'id="calendar-at-error"' in page and f'value="{late}"' in page
    said = format_time(time(latest // 60, latest % 60), format="short", locale="en")
    assert f"Start at {said} at the latest: a day's study ends by midnight" in page
    api = client.get(f"/api/v1/plans/{plan['id']}/calendar?at={late}")
    assert api.status_code == 422 and set(api.get_json()["error"]["fields"]) == {"at"}
    # At the latest time itself, every block ends by midnight.
    fits = client.get(f"{location}.ics?at={latest // 60:02d}:{latest % 60:02d}")
    study = [e for e in occurrences(fits.get_data(True)) if isinstance(e.start, datetime)]
    assert study and all(e.end.time() == time(0) or e.end.date() == e.start.date() for e in study)


def test_a_french_calendar_is_in_french(client: FlaskClient) -> None:
    location = french_plan(client)
    text = client.get(f"{location}.ics").get_data(as_text=True)
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(text).walk("VEVENT")]
    assert any(s.startswith("Jalon\u00a0: ") for s in summaries)
    assert any("jusqu’au niveau" in s for s in summaries)


def test_the_api_gives_the_calendar_and_names_wrong_fields(client: FlaskClient) -> None:
    created = client.post(
        "/api/v1/plans", json={"target_role": "mlops-engineer", "hours_per_week": 5}
    )
    token = created.get_json()["id"]
    answer = client.get(f"/api/v1/plans/{token}/calendar?weekday=monday&at=07:00")
    assert answer.status_code == 200 and answer.mimetype == "text/calendar"
    study = [e for e in occurrences(answer.get_data(True)) if isinstance(e.start, datetime)]
    assert {(e.start.weekday(), e.start.hour) for e in study} >= {(0, 7)}
    wrong = client.get(f"/api/v1/plans/{token}/calendar?start=soon&weekday=1")
    assert wrong.status_code == 422
    assert set(wrong.get_json()["error"]["fields"]) == {"start", "weekday"}
    assert client.get(f"/api/v1/plans/{'x' * 32}/calendar").status_code == 404
    described = client.get("/api/v1/openapi.json").get_json()
    assert "/api/v1/plans/{token}/calendar" in described["paths"]


# A no-break space belongs before « : ; ! ? » in French; the page keeps it, so this reads it.
PAGE_COLON = re.compile(r"(?<![\u00a0\u202f])[:;!?](?![/\d])")


def test_the_french_page_is_french_to_the_last_digit(client: FlaskClient) -> None:
    location = french_plan(client, deadline_weeks="3")
    page = client.get(location).get_data(as_text=True)
    article = page.split('<article class="plan"')[1].split("</article>")[0]
    text = unescape(
        re.sub(r"<[^>]+>", " ", re.sub(r"<(svg|script|style)\b.*?</\1>", " ", article, flags=re.S))
    )
    text = re.sub(r"https?://\S+", "", text)
    assert french_faults(text) == []
    prose = re.sub(r"\d{1,2}:\d{2}", "", text)
    bad = [prose[max(m.start() - 25, 0) : m.end() + 5] for m in PAGE_COLON.finditer(prose)]
    assert bad == [], bad
