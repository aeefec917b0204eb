"""axe-core finds no serious or critical violation on the form, its error page and the plan."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.browser.conftest import new_page
from tests.browser.test_plan_flow import fill_step1, rate_every_skill, submit_plan

pytestmark = pytest.mark.browser


def serious_violations(page: Page) -> list[dict[str, Any]]:
    results = Axe().run(page)
    violations: list[dict[str, Any]] = results.response["violations"]
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.mark.parametrize("locale", ["en-GB", "fr-FR"])
def test_the_form_has_no_serious_violation(browser: Browser, base_url: str, locale: str) -> None:
    page = new_page(browser, locale=locale)
    page.goto(base_url + "/")
    assert serious_violations(page) == []
    fill_step1(page, base_url)
    assert serious_violations(page) == []


def test_the_form_with_errors_has_no_serious_violation(browser: Browser, base_url: str) -> None:
    page = new_page(browser)
    fill_step1(page, base_url, hours="0")
    assert page.locator(".error").count() >= 1
    assert serious_violations(page) == []


def test_the_plan_page_has_no_serious_violation(browser: Browser, base_url: str) -> None:
    page = new_page(browser)
    fill_step1(page, base_url)
    rate_every_skill(page, 1)
    submit_plan(page)
    assert serious_violations(page) == []


def test_step2_with_its_error_summary_has_no_serious_violation(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser)
    fill_step1(page, base_url)
    page.fill("#extra-0-skill", "Basket weaving")
    page.click("button.primary")
    assert page.locator(".error-summary a").count() == 1
    assert serious_violations(page) == []
