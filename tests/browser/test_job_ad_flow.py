"""A job ad pasted in chromium gives a plan in two clicks, in English and in French."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import new_page
from tests.browser.test_accessibility import serious_violations

pytestmark = pytest.mark.browser
AD_EN = """Senior MLOps engineer

Requirements:
- Python and Docker in production
- Kubernetes, CI/CD pipelines
- Experiment tracking with MLflow

Nice to have:
- Terraform
- Haskell
"""
AD_FR = """Ingénieur MLOps

Profil recherché :
- Python et Docker en production
- Kubernetes, pipelines CI/CD
- Suivi des expériences avec MLflow

Un plus :
- Terraform
"""
PLAN_URL = re.compile(r".*/plans/[A-Za-z0-9_-]{32}$")


def test_an_english_ad_on_extract_gives_a_plan_in_two_clicks(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser)
    page.goto(base_url + "/extract")
    page.fill("#text", AD_EN)
    page.click("text=Find the skills")  # first click
    assert serious_violations(page) == []
    page.click("text=Plan for this ad")  # second click
    page.wait_for_url(PLAN_URL)
    expect(page.locator("h1")).to_have_text("Your plan for this job ad: Senior MLOps engineer")
    expect(page.locator(".ad-summary")).to_contain_text("This ad asks for")
    expect(page.locator(".ad-summary")).to_contain_text("you already cover 0.")
    expect(page.locator(".ad-outside")).to_contain_text("Haskell")
    expect(page.locator("ol.items > li").first).to_be_visible()
    assert serious_violations(page) == []


def test_a_french_ad_on_step_1_gives_a_plan_in_two_clicks(browser: Browser, base_url: str) -> None:
    page = new_page(browser, locale="fr-FR")
    page.goto(base_url + "/")
    page.check("input[name=language][value=fr]")
    page.fill("#target_ad", AD_FR)
    page.fill("#hours_per_week", "6")
    page.click("button[type=submit]")  # first click
    expect(page.locator("p.lead")).to_contain_text("Voici les compétences que demande l’offre")
    page.click("button.primary")  # second click: every level starts at 0
    page.wait_for_url(PLAN_URL)
    expect(page.locator("h1")).to_have_text(
        "Votre plan pour cette offre d’emploi : Ingénieur MLOps"
    )
    expect(page.locator(".ad-summary")).to_contain_text("Cette offre demande")
