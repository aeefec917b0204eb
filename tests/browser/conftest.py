"""A real chromium (Debian's) driven by Playwright against the app served in-process."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
from werkzeug.serving import make_server

from advisor.app import create_app
from tests.conftest import poll_until, require_binary

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = require_binary("chromium")
    browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, str]]:
    """The app on the shipped taxonomy, CSRF on, served on a free port of 127.0.0.1, once per
    run: each test opens its own browser context (cookies, session) and makes its own plans."""
    folder: Path = tmp_path_factory.mktemp("browser")
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "browser-test-secret-0123456789",
            "INSTANCE_PATH": str(folder / "instance"),
            "DATABASE_URL": f"sqlite:///{folder / 'browser.sqlite3'}",
            # Every test is a person at 127.0.0.1 within the same few minutes: the form's limit
            # would refuse the later ones (the limits have their own tests, in tests/web).
            "RATELIMIT_ENABLED": False,
        }
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.port}"

    def answers() -> bool:
        with urlopen(base + "/healthz", timeout=5) as response:
            return bool(response.status == 200)

    poll_until(answers, deadline=60, failure=lambda: "the server never answered /healthz")
    yield app, base
    server.shutdown()
    app.extensions["advisor.store"].close()


@pytest.fixture
def base_url(live_app: tuple[Flask, str]) -> str:
    return live_app[1]


def new_page(browser: Browser, locale: str = "en-GB", **options: Any) -> Page:
    context = browser.new_context(locale=locale, accept_downloads=True, **options)
    return context.new_page()
