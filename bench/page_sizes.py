"""How tall step 2 is and how wide every page is, measured in Debian's chromium.

Run with `.venv/bin/python bench/page_sizes.py` (needs `/usr/bin/chromium`). The app is served
in-process on a scratch SQLite file. A Linux system administrator aiming at MLOps engineer gets
20 questions on step 2 (and more when the experience text cites skills): the script measures
that page's height at 1280 px and 390 px wide, in English and French, then
walks every page of the product (step 1, its errors, a role it does not recognise, step 2, the
questions of a suggested role, the plan, what-if, reassessment, choosing a suggested role,
deletion, the article page and its result, a 404) at 390 px and
prints each page's width. Goals: step 2 ≤ 6,000 px on the desktop, ≤ 12,000 px on the phone;
no page wider than the 390 px viewport.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.app import create_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE, DESKTOP = 390, 1280
STEP1 = {
    "#current_role": "Linux system administrator",
    "#hours_per_week": "6",
    "#experience": "Fifteen years of Linux administration, shell scripting and Ansible; "
    "Docker and Kubernetes in production, observability with Prometheus.",
}
TARGET = "mlops-engineer"
ARTICLE = "MLOps teams deploy models on Kubernetes with Terraform and watch them with Prometheus."


def serve() -> tuple[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="advisor-sizes-"))
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "page-sizes-secret-0123456789",
            "INSTANCE_PATH": str(folder / "instance"),
            "DATABASE_URL": f"sqlite:///{folder / 'sizes.sqlite3'}",
            "RATELIMIT_ENABLED": False,
        }
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.port}", server


def size(page: Page) -> dict[str, int]:
    width, height = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    return {"width": int(width), "height": int(height)}


def step2(page: Page, base: str, language: str = "en", experience: bool = True) -> None:
    page.goto(base + "/")
    page.check(f"input[name=language][value={language}]")
    for selector, value in STEP1.items():
        page.fill(selector, value if experience or selector != "#experience" else "")
    page.select_option("#target_role", TARGET)
    with page.expect_navigation():
        page.click("form button[type=submit]")


def submit(page: Page) -> None:
    with page.expect_navigation():
        page.click("form button.primary")
    page.wait_for_url(re.compile(r".*/plans/[A-Za-z0-9_-]{32}$"))


def pages_at(page: Page, base: str) -> dict[str, dict[str, int]]:
    """Every page a person meets, in the order they meet it, at the page's viewport."""
    found: dict[str, dict[str, int]] = {}
    page.goto(base + "/")
    found["step 1"] = size(page)
    page.fill("#hours_per_week", "0")
    with page.expect_navigation():
        page.click("form button[type=submit]")
    found["step 1 with errors"] = size(page)
    page.goto(base + "/")
    page.fill("#current_role", "boulanger")
    page.fill("#hours_per_week", "6")
    with page.expect_navigation():
        page.click("form button[type=submit]")
    found["step 1, role not recognised"] = size(page)
    if page.locator("#origin_role").count():
        page.select_option("#origin_role", "support-technician")
        with page.expect_navigation():
            page.click("form button.primary")
        found["step 2, no target"] = size(page)
        with page.expect_navigation():
            page.click("form button.primary")
        found["step 2, the suggested role's core"] = size(page)
    step2(page, base)
    found["step 2"] = size(page)
    submit(page)
    plan_url = page.url
    found["plan"] = size(page)
    page.goto(plan_url + "/what-if?skill=foundations.kubernetes&level=4")
    found["plan with what-if"] = size(page)
    page.goto(plan_url + "/reassess")
    found["reassess"] = size(page)
    page.goto(plan_url)
    choose = page.locator(".suggestion a.button").first
    if choose.count():
        page.goto(base + (choose.get_attribute("href") or ""))
        found["choose a suggested role"] = size(page)
    page.goto(plan_url + "/delete")
    found["delete"] = size(page)
    page.goto(base + "/extract")
    found["skills in an article"] = size(page)
    page.fill("#text", ARTICLE)
    with page.expect_navigation():
        page.click("form button[type=submit]")
    found["skills in an article, result"] = size(page)
    page.goto(base + "/plans/" + "x" * 32)
    found["not found"] = size(page)
    return found


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    base, server = serve()
    report: dict[str, Any] = {}
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for language in ("en", "fr"):
            for experience in (False, True):
                for width in (DESKTOP, PHONE):
                    context = browser.new_context(viewport={"width": width, "height": 800})
                    page = context.new_page()
                    step2(page, base, language, experience)
                    questions = page.locator("fieldset.skill").count()
                    cited = ", experience cited" if experience else ""
                    name = f"step 2 ({language}{cited}) at {width} px"
                    report[name] = {"questions": questions, **size(page)}
                    context.close()
        page = browser.new_context(viewport={"width": PHONE, "height": 800}).new_page()
        report["pages at 390 px"] = pages_at(page, base)
        browser.close()
    server.shutdown()
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
