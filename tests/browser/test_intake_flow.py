"""In chromium: the current role read as typed or asked about, the experience's skills asked,
a compact step 2 (measured at a desktop's and a phone's width), no page wider than a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import new_page
from tests.browser.test_accessibility import serious_violations

pytestmark = pytest.mark.browser
PHONE, DESKTOP = 390, 1280
SYSADMIN_FR = "administrateur systèmes Linux"


def start(page: Page, base_url: str, role: str, **fields: str) -> None:
    """Step 1 filled in as a person would, then submitted; waits for the answer page."""
    page.goto(base_url + "/")
    if fields.get("language"):
        page.check(f"input[name=language][value={fields['language']}]")
    page.fill("#current_role", role)
    page.select_option("#target_role", fields.get("target", "mlops-engineer"))
    page.fill("#hours_per_week", "6")
    page.fill("#experience", fields.get("experience", ""))
    with page.expect_navigation():
        page.click("form button.primary")


def width_and_height(page: Page) -> tuple[int, int]:
    size = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    return int(size[0]), int(size[1])


def test_a_french_plural_role_is_recognised_and_can_be_changed(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser, locale="fr-FR")
    start(page, base_url, SYSADMIN_FR, language="fr")
    expect(page.locator("#understood")).to_contain_text(
        "Vous avez écrit « administrateur systèmes Linux » : advisor y a lu "
        "« Administrateur·rice systèmes Linux »."
    )
    linux = page.locator("#skill-foundations\\.linux")
    expect(linux.locator("input[value='4']")).to_be_checked()
    expect(linux.locator(".preset")).to_contain_text("Présélectionné : habituel pour")
    page.locator("#skill-foundations\\.linux input[value='3']").check()
    with page.expect_navigation():
        page.click("#understood button")
    expect(page.locator(".question-summary")).to_be_focused()
    expect(page.locator("#origin_role")).to_have_value("linux-sysadmin")
    box = page.locator("#current_role")
    expect(box).to_have_value(SYSADMIN_FR)
    # The box shows what was typed in full, not cut at its edge.
    assert box.evaluate("e => e.scrollWidth <= e.clientWidth")
    page.select_option("#origin_role", "windows-sysadmin")
    with page.expect_navigation():
        page.click("form button.primary")
    understood = page.locator("#understood")
    expect(understood).to_contain_text("Poste actuel\u00a0: Administrateur·rice systèmes Windows.")
    expect(understood).not_to_contain_text("Vous avez écrit")
    # Every answer given before going back is kept, asked again if the new role does not ask it.
    expect(page.locator("#skill-foundations\\.linux input[value='3']")).to_be_checked()
    shell = page.locator("#skill-foundations\\.shell-scripting")
    expect(shell.locator("input[value='4']")).to_be_checked()


def test_an_unknown_role_is_offered_the_list_of_origin_roles(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser)
    start(page, base_url, "boulanger")
    question = page.locator(".question-summary")
    expect(question).to_be_focused()
    expect(question.locator("h2")).to_have_text("We did not recognise this role")
    options = page.locator("#origin_role option")
    assert options.count() == 16  # "keep what I typed" and the 15 origin roles
    assert serious_violations(page) == []
    page.select_option("#origin_role", "support-technician")
    with page.expect_navigation():
        page.click("form button.primary")
    expect(page.locator("#understood")).to_contain_text("Current role: IT support technician.")
    expect(page.locator("#current_role")).to_have_value("IT support technician")


def test_going_on_with_an_unknown_role_chooses_no_level(browser: Browser, base_url: str) -> None:
    page = new_page(browser)
    start(page, base_url, "astronaut")
    with page.expect_navigation():
        page.click("form button.primary")
    expect(page.locator("h1")).to_have_text("Step 2 of 2: rate your skills")
    expect(page.locator("#understood")).to_contain_text("advisor knows no role like it")
    expect(page.locator("fieldset.skill input:checked")).to_have_count(0)


def test_a_skill_cited_in_the_experience_is_asked_and_its_levels_explained(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser)
    start(page, base_url, "Linux sysadmin", experience="I also tune PostgreSQL every week.")
    section = page.locator("#questions-experience")
    expect(section.locator("h2")).to_have_text("From your experience")
    skill = section.locator("#skill-data-engineering\\.postgresql")
    expect(skill.locator("legend .cited")).to_have_text("from your experience")
    expect(skill.locator("input:checked")).to_have_count(0)  # never rated for the person
    expect(skill.locator(".meaning:visible")).to_have_count(0)
    # One click shows what a level means; the arrow keys walk through the others.
    skill.locator("label.level").nth(2).click()
    meaning = skill.locator(".meaning:visible")
    expect(meaning).to_have_count(1)
    expect(meaning).to_have_attribute("data-level", "2")
    page.keyboard.press("ArrowRight")
    expect(skill.locator("input[value='3']")).to_be_checked()
    expect(skill.locator(".meaning:visible")).to_have_attribute("data-level", "3")
    # Each option is tied to its description, each skill is a fieldset with its legend.
    for index in range(6):
        described = skill.locator("input[type=radio]").nth(index).get_attribute("aria-describedby")
        assert described and page.locator(f"#{described}").count() == 1
    fieldsets = page.locator("fieldset.skill")
    assert fieldsets.count() == page.locator("fieldset.skill > legend").count()
    assert serious_violations(page) == []


def test_enter_in_a_text_field_of_step_2_asks_for_the_plan(browser: Browser, base_url: str) -> None:
    page = new_page(browser)
    start(page, base_url, "Linux sysadmin")
    page.fill("#extra-0-skill", "Terraform")
    page.select_option("#extra-0-level", "3")
    page.focus("#extra-0-skill")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/plans/[A-Za-z0-9_-]{32}$"))


@pytest.mark.parametrize(("width", "most"), [(DESKTOP, 6_000), (PHONE, 12_000)])
def test_twenty_questions_fit_the_height_goal(
    browser: Browser, base_url: str, width: int, most: int
) -> None:
    page = new_page(browser, viewport={"width": width, "height": 800})
    start(page, base_url, "Linux system administrator", language="fr")
    assert page.locator("fieldset.skill").count() == 20
    page_width, height = width_and_height(page)
    assert page_width == width and height <= most, height


def test_no_page_is_wider_than_a_phone(browser: Browser, base_url: str) -> None:
    page = new_page(browser, locale="fr-FR", viewport={"width": PHONE, "height": 800})
    wide: dict[str, int] = {}

    def measure(name: str) -> None:
        page_width = width_and_height(page)[0]
        if page_width > PHONE:
            wide[name] = page_width

    page.goto(base_url + "/")
    measure("step 1")
    start(page, base_url, "boulanger", language="fr", target="")
    measure("step 1, role not recognised")
    page.select_option("#origin_role", "linux-sysadmin")
    with page.expect_navigation():
        page.click("form button.primary")
    measure("step 2")
    with page.expect_navigation():
        page.click("form button.primary")
    expect(page.locator("#suggested-lead")).to_be_visible()
    assert serious_violations(page) == []
    measure("step 2, the suggested role's core")
    with page.expect_navigation():
        page.click("form button.primary")
    plan_url = page.url
    measure("plan")
    header = page.locator(".site-nav a").first
    assert header.evaluate("e => e.getClientRects().length") == 1  # a link on one line
    page.goto(plan_url + "/what-if?skill=foundations.kubernetes&level=4")
    measure("what-if")
    page.goto(plan_url + "/reassess")
    measure("reassess")
    page.goto(plan_url)
    choose = page.locator(".suggestion a.button").first
    page.goto(base_url + (choose.get_attribute("href") or ""))
    expect(page.locator("#choosing-lead")).to_be_visible()
    measure("choose a suggested role")
    page.goto(plan_url + "/delete")
    measure("delete")
    page.goto(base_url + "/extract")
    measure("skills in an article")
    page.fill("#text", "Nous déployons des modèles sur Kubernetes avec Terraform.")
    with page.expect_navigation():
        page.click("form button.primary")
    measure("skills in an article, result")
    page.goto(base_url + "/plans/" + "x" * 32)
    measure("not found")
    assert wide == {}


def test_rating_a_skill_raises_the_levels_it_implies_with_the_reason(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser)
    start(page, base_url, "Linux sysadmin")
    python = page.locator("#skill-foundations\\.python")
    expect(python.locator("input[value='2']")).to_be_checked()  # typical of a sysadmin
    page.locator("#skill-mlops\\.ml-pipelines input[value='3']").check()
    # ML pipelines at 3 need Python at 3: raised, and said under Python.
    expect(python.locator("input[value='3']")).to_be_checked()
    expect(python.locator(".preset")).to_have_text(
        "“ML pipelines” at 3 needs “Python” at 3: counted as 3."
    )
    assert "skill-foundations.python-preset" in (python.get_attribute("aria-describedby") or "")
    # A level already above what is implied stays; the person may still change any level.
    linux = page.locator("#skill-foundations\\.linux")
    expect(linux.locator("input[value='4']")).to_be_checked()
    page.locator("#skill-mlops\\.model-monitoring input[value='2']").check()
    expect(linux.locator("input[value='4']")).to_be_checked()
    # The person's own answer stands: rated on the page, a skill is no longer raised for them.
    python.locator("input[value='1']").check()
    page.locator("#skill-mlops\\.ml-pipelines input[value='4']").check()
    expect(python.locator("input[value='1']")).to_be_checked()
