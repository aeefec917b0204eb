"""A person fills in the form in chromium, in English and in French, and manages their plan."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from advisor.resources import skills_data_dir
from advisor.taxonomy.loading import load_taxonomy
from tests.browser.conftest import new_page

pytestmark = pytest.mark.browser
TAXONOMY = load_taxonomy(skills_data_dir())
ROLE = "mlops-engineer"


def fill_step1(page: Page, base_url: str, hours: str = "8") -> None:
    page.goto(base_url + "/")
    page.fill("#current_role", "DevOps engineer")
    page.select_option("#target_role", ROLE)
    page.fill("#hours_per_week", hours)
    page.fill("#experience", "Kubernetes and Terraform in production; some Python.")
    # Wait for the answer page: a loaded server answers slowly, and counting its skills or its
    # errors before it has arrived would count those of the page the form was on.
    with page.expect_navigation():
        page.click("button[type=submit]")


def rate_every_skill(page: Page, level: int) -> int:
    """Click the level of every proposed skill, as a person would; returns how many."""
    skills = page.locator("fieldset.skill")
    for index in range(skills.count()):
        skills.nth(index).locator(f"input[type=radio][value='{level}']").check()
    return skills.count()


def submit_plan(page: Page) -> None:
    page.click("button.primary")
    page.wait_for_url(re.compile(r".*/plans/[A-Za-z0-9_-]{32}$"))


def test_english_flow_plan_download_reassess_delete(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    page = new_page(browser)
    fill_step1(page, base_url)
    expect(page.locator("h1")).to_have_text("Step 2 of 2: rate your skills")
    assert rate_every_skill(page, 1) >= 8
    submit_plan(page)
    role_label = TAXONOMY.roles[ROLE].label.en
    expect(page.locator("h1")).to_have_text(f"Your plan to become {role_label}")
    first = page.locator("ol.items > li").first
    expect(first.locator("h3")).not_to_be_empty()
    expect(first).to_contain_text("Why here:")
    expect(page.locator("svg.chart rect[fill='#0b57d0']").first).to_be_visible()

    with page.expect_download() as download:
        page.click("text=Download the plan (JSON)")
    saved = tmp_path / "plan.json"
    download.value.save_as(saved)
    plan = json.loads(saved.read_text(encoding="utf-8"))
    assert plan["target_role"]["id"] == ROLE and plan["items"]

    page.click("text=Reassess")
    expect(page.locator("fieldset.skill input[value='1']").first).to_be_checked()
    rate_every_skill(page, 3)
    submit_plan(page)
    expect(page.locator("#progress")).to_have_text("Your progress since the previous plan")

    plan_url = page.url
    page.click("text=Delete my data")
    page.click("text=Yes, delete everything")
    expect(page.locator(".flash")).to_contain_text("have been deleted")
    response = page.goto(plan_url)
    assert response is not None and response.status == 404


def test_french_flow_shows_french_labels(browser: Browser, base_url: str) -> None:
    page = new_page(browser, locale="fr-FR")
    page.goto(base_url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.check("input[name=language][value=fr]")
    page.select_option("#target_role", ROLE)
    page.fill("#hours_per_week", "5")
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Étape 2 sur 2 : évaluez vos compétences")
    rate_every_skill(page, 0)
    submit_plan(page)
    expect(page.locator("h1")).to_have_text(
        f"Votre plan pour devenir {TAXONOMY.roles[ROLE].label.fr}"
    )
    first_skill = page.locator("ol.items > li h3 .skill-name").first.inner_text()
    assert first_skill in {s.label.fr for s in TAXONOMY.skills.values()}


def test_invalid_input_keeps_what_was_typed(browser: Browser, base_url: str) -> None:
    page = new_page(browser)
    fill_step1(page, base_url, hours="0")
    expect(page.locator("#hours_per_week-error")).to_have_text(
        "Give a number of hours from 1 to 60."
    )
    expect(page.locator("#current_role")).to_have_value("DevOps engineer")
    expect(page.locator("#experience")).to_have_value(
        "Kubernetes and Terraform in production; some Python."
    )
    expect(page.locator("#target_role")).to_have_value(ROLE)

    page.fill("#hours_per_week", "8")
    page.click("button[type=submit]")
    skills = page.locator("fieldset.skill")
    skills.nth(0).locator("input[value='4']").check()  # one rated, the others left at 0
    page.fill("#extra-0-skill", "Basket weaving")
    page.select_option("#extra-0-level", "2")
    page.click("button.primary")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(skills.nth(0).locator("input[value='4']")).to_be_checked()
    expect(page.locator("#extra-0-skill")).to_have_value("Basket weaving")
    expect(page.locator("#extra-0-skill-error")).to_have_text(
        "No skill has this name; pick one from the list."
    )


def test_the_error_summary_counts_links_and_takes_the_focus(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser)
    fill_step1(page, base_url)
    page.click("details.answers summary")
    page.fill("#hours_per_week", "0")
    page.fill("#extra-1-skill", "Underwater basket weaving")
    page.select_option("#extra-1-level", "3")
    page.click("button.primary")
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("h2")).to_have_text("There are 2 problems to fix.")
    links = summary.locator("a")
    expect(links).to_have_count(2)
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [
        "#hours_per_week",
        "#extra-1-skill",
    ]
    links.nth(0).click()
    expect(page.locator("#hours_per_week")).to_be_focused()
    links.nth(1).click()
    expect(page.locator("#extra-1-skill")).to_be_focused()


def test_step2_is_short_and_prefilled_from_the_current_role(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser)
    fill_step1(page, base_url)
    assert page.locator("fieldset.skill").count() <= 20
    expect(page.locator("#prefilled-note")).to_contain_text("DevOps engineer")
    expect(page.locator("#unassessed-note")).to_contain_text("counts as level 0")
    expect(page.locator("fieldset.skill input:checked").first).to_be_visible()
    submit_plan(page)  # nothing else to answer: unanswered skills count as 0


def test_the_language_switch_changes_the_interface(browser: Browser, base_url: str) -> None:
    page = new_page(browser)
    page.goto(base_url + "/")
    page.click("text=Français")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text(
        "Quelles compétences de l’ère de l’IA apprendre maintenant ?"
    )


def test_keyboard_reaches_the_form_with_a_visible_focus(browser: Browser, base_url: str) -> None:
    page = new_page(browser)
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "hours_per_week":
            break
    assert page.evaluate("document.activeElement.id") == "hours_per_week"


def test_the_deadline_is_marked_in_the_schedule_with_what_fits_before_it(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser)
    page.goto(base_url + "/")
    page.select_option("#target_role", ROLE)
    page.fill("#hours_per_week", "4")
    page.fill("#deadline_weeks", "6")
    page.click("button[type=submit]")
    submit_plan(page)
    expect(page.locator(".plan-head .warning")).to_contain_text("does not fit your deadline")
    mark = page.locator("table.schedule tr.deadline-mark")
    expect(mark).to_have_count(1)
    expect(mark).to_contain_text("Your deadline: end of week 6")
    rows = page.locator("table.schedule tbody tr")
    weeks = [rows.nth(i).locator("th").inner_text() for i in range(rows.count())]
    marked = weeks.index("Deadline")
    assert weeks[marked - 1].split("–")[-1] == "6"  # the row before the mark ends in week 6
    expect(page.locator("#deadline ~ .deadline-lists .within li").first).to_be_visible()
    expect(page.locator("#deadline ~ .deadline-lists .after li").first).to_be_visible()
    page.click("text=What fits by the deadline")
    assert page.url.endswith("#deadline")


def test_a_suggested_role_is_chosen_and_the_old_plan_points_to_the_new_one(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser)
    fill_step1(page, base_url)
    submit_plan(page)
    old_url = page.url
    choose = page.locator(".suggestion a.button").first
    role_id = (choose.get_attribute("href") or "").rsplit("=", 1)[-1]
    choose.click()
    expect(page.locator("#target_role")).to_have_value(role_id)
    submit_plan(page)
    role_label = TAXONOMY.roles[role_id].label.en
    expect(page.locator("h1")).to_have_text(f"Your plan to become {role_label}")
    new_url = page.url
    page.goto(old_url)
    notice = page.locator(".notice.newer")
    expect(notice).to_contain_text("A newer version of this plan exists")
    notice.locator("a").click()
    assert page.url == new_url
