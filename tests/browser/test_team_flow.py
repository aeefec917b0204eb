"""A coach creates a team in chromium, five people join it in French and English, the coach
reads the heatmap (checked by axe), one member leaves and the dashboard says so."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import new_page
from tests.browser.test_accessibility import serious_violations
from tests.browser.test_plan_flow import ROLE, rate_every_skill, submit_plan

pytestmark = pytest.mark.browser


def create_team(page: Page, base_url: str) -> str:
    page.goto(base_url + "/teams/new")
    page.fill("#name", "Du support au MLOps")
    page.check("input[name=language][value=fr]")
    page.select_option("#target_role", ROLE)
    with page.expect_navigation():
        page.click("button.primary")
    expect(page.locator("h1")).to_have_text("Du support au MLOps")
    return page.url


def join(browser: Browser, invitation: str, locale: str, level: int) -> Page:
    """One member: the invitation, both steps in the interface's language, "share", the plan."""
    page = new_page(browser, locale=locale)
    page.goto(invitation)
    with page.expect_navigation():
        page.click("a.primary-link")
    expect(page.locator("#team-invited")).to_contain_text("Du support au MLOps")
    page.check(f"input[name=language][value={locale[:2]}]")
    page.fill("#current_role", "technicienne support N2" if locale == "fr-FR" else "Helpdesk")
    page.fill("#hours_per_week", "5")
    with page.expect_navigation():
        page.click("button[type=submit]")
    rate_every_skill(page, level)
    page.check("input[name=share_with_team][value=share]")
    submit_plan(page)
    expect(page.locator(".team-share")).to_contain_text("Du support au MLOps")
    return page


def test_five_join_the_coach_sees_the_heatmap_and_a_departure(
    browser: Browser, base_url: str
) -> None:
    coach = new_page(browser, locale="fr-FR")
    dashboard = create_team(coach, base_url)
    invitation = coach.locator("#team-invitation a").get_attribute("href")
    assert invitation and re.search(r"/join/[A-Za-z0-9_-]{32}$", invitation)
    expect(coach.locator("#team-waiting")).to_contain_text("5")
    members = [
        join(browser, invitation, locale, level)
        for locale, level in zip(
            ["fr-FR", "en-GB", "fr-FR", "en-GB", "fr-FR"], [1, 1, 2, 3, 3], strict=True
        )
    ]
    coach.goto(dashboard)
    expect(coach.locator("#team-members")).to_have_text("5")
    expect(coach.locator("svg.heatmap rect").first).to_be_visible()
    expect(coach.locator("#heatmap-table tbody tr").first).to_be_visible()
    counts = coach.locator("#heatmap-table td").all_inner_texts()
    figures = [int(re.match(r"\d+", text).group()) for text in counts]  # type: ignore[union-attr]
    assert figures and all(n == 0 or n >= 3 for n in figures)
    assert serious_violations(coach) == []

    leaving = members[0]
    with leaving.expect_navigation():
        leaving.click(".team-share a")
    with leaving.expect_navigation():
        leaving.click("button.danger")
    expect(leaving.locator(".flash")).to_contain_text("Du support au MLOps")
    expect(leaving.locator(".team-share")).to_have_count(0)
    coach.reload()
    expect(coach.locator("#team-members")).to_have_text("4")
    expect(coach.locator("#team-waiting")).to_be_visible()
    expect(coach.locator("svg.heatmap")).to_have_count(0)
    assert serious_violations(coach) == []
