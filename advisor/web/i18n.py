"""Languages of the interface: English and French, chosen by switch, then by the browser."""

from __future__ import annotations

from flask import Flask, current_app, request, session
from flask_babel import Babel, get_locale

from advisor import resources
from advisor.core.explain import percent

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


def select_locale() -> str:
    """The language the person chose with the switch, else the best of Accept-Language."""
    languages: tuple[str, ...] = current_app.config["LANGUAGES"]
    chosen = session.get("lang")
    if chosen in languages:
        return str(chosen)
    best = request.accept_languages.best_match(languages)
    return best or current_app.config["BABEL_DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    app.config.setdefault(
        "BABEL_TRANSLATION_DIRECTORIES", str(resources.PACKAGE_DIR / "translations")
    )
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals.update(LANGUAGE_NAMES=LANGUAGE_NAMES, get_locale=current_language)
    app.jinja_env.filters["percent"] = percent


def current_language() -> str:
    """The interface language of this request, as a plain code ("en" or "fr")."""
    return str(get_locale() or "en")
