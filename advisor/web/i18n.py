"""Languages of the interface: English and French, chosen by switch, then by the browser."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, current_app, request, session
from flask_babel import Babel, get_locale, get_translations

from advisor import resources
from advisor.i18n import words_for

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
    app.jinja_env.filters["percent"] = lambda share, language: words_for(language).percent(share)
    app.jinja_env.filters["number"] = lambda value, language: words_for(language).number(value)


def fast_gettext() -> Callable[..., str]:
    """A gettext bound to this request's catalogue, for strings repeated in long loops.

    Flask-Babel looks the catalogue up on every call; a plan page calls gettext hundreds of
    times, so views that loop fetch it once.
    """
    translations = get_translations()

    def translate(message: str, **values: object) -> str:
        text: str = translations.ugettext(message)
        return text % values if values else text

    return translate


def current_language() -> str:
    """The interface language of this request, as a plain code ("en" or "fr")."""
    return str(get_locale() or "en")
