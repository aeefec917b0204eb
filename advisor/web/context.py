"""What views share: the app's fitted advisor, and the plan language for the interface."""

from __future__ import annotations

from datetime import date

from flask import Flask, current_app

from advisor import services

EXTENSION_KEY = "advisor.advisor"


def init_app(app: Flask) -> None:
    """Load the taxonomy and fit the role model once, when the app starts."""
    folder = services.skills_data_path(app.config.get("SKILLS_DATA"))
    app.extensions[EXTENSION_KEY] = services.build_advisor(folder, date.today())


def current_advisor() -> services.Advisor:
    advisor: services.Advisor = current_app.extensions[EXTENSION_KEY]
    return advisor
