"""What views share: the app's fitted advisor and its store, made once when the app starts."""

from __future__ import annotations

from datetime import date

from flask import Flask, current_app

from advisor.persistence.store import Store
from advisor.services.advisor import Advisor, build_advisor, skills_data_path, warm

ADVISOR_KEY, STORE_KEY = "advisor.advisor", "advisor.store"


def init_app(app: Flask, store: Store) -> None:
    """Load the taxonomy and fit the role model once; keep the store for every request."""
    folder = skills_data_path(app.config.get("SKILLS_DATA"))
    app.extensions[ADVISOR_KEY] = warm(build_advisor(folder, date.today()))
    app.extensions[STORE_KEY] = store


def current_advisor() -> Advisor:
    advisor: Advisor = current_app.extensions[ADVISOR_KEY]
    return advisor


def current_store() -> Store:
    store: Store = current_app.extensions[STORE_KEY]
    return store
