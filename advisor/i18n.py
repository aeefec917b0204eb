"""The Babel catalogues as `Words` for a language: one translation system for the web pages,
the plan's reasons, the PDF, the Markdown export and the CLI."""

from __future__ import annotations

import functools
import re
from datetime import date

from babel.dates import format_date, format_interval
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

from advisor.resources import PACKAGE_DIR

TRANSLATIONS_DIR = PACKAGE_DIR / "translations"
LANGUAGES = ("en", "fr")


class CatalogueWords:
    """`advisor.core.wording.Words` backed by the `messages` catalogue of one language."""

    def __init__(self, language: str, translations: NullTranslations) -> None:
        self.language = language
        self._translations = translations

    def phrase(self, message: str, **values: object) -> str:
        translated = self._translations.gettext(message)
        return translated.format(**values) if values else translated

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        return self._translations.ngettext(singular, plural, n).format(n=n, **values)

    def percent(self, share: float) -> str:
        return _percent(share, self.language)

    def number(self, value: float) -> str:
        return _number(value, self.language)

    def month(self, day: date) -> str:
        return _month(day.year, day.month, self.language)

    def interval(self, first: date, last: date) -> str:
        return _interval(first, last, self.language)

    def date(self, day: date) -> str:
        written = format_date(day, format="long", locale=self.language)
        # French writes the first day of a month as an ordinal: « 1er décembre ».
        if self.language == "fr" and day.day == 1:
            written = "1er" + written[1:]
        return written

    def quote(self, name: str) -> str:
        # A skill's label is a title: quoted, it reads inside a sentence without an article.
        return f"«\u00a0{name}\u00a0»" if self.language == "fr" else f"“{name}”"

    def colon(self) -> str:
        return "\u00a0: " if self.language == "fr" else ": "


# Plans write the same few shares and numbers again and again: each is formatted once per
# process (Babel's formatting costs tens of microseconds a call).
@functools.lru_cache(maxsize=4096)
def _percent(share: float, language: str) -> str:
    return format_percent(share, locale=language)


@functools.lru_cache(maxsize=4096)
def _number(value: float, language: str) -> str:
    return format_decimal(value, locale=language)


@functools.lru_cache(maxsize=1024)
def _month(year: int, month: int, language: str) -> str:
    return format_date(date(year, month, 1), format="MMM y", locale=language)


@functools.lru_cache(maxsize=4096)
def _interval(first: date, last: date, language: str) -> str:
    written = format_interval(first, last, "yMMMd", locale=language)
    if language == "fr":
        # The first day of a month is an ordinal in French, abbreviated or not: « 1er déc. ».
        if first.day == 1:
            written = re.sub(r"^1(?=\D)", "1er", written)
        if last.day == 1 and (first.month, first.year) != (last.month, last.year):
            written = re.sub(r"(–\s*)1(?=\D)", r"\g<1>1er", written)
    return written


@functools.cache
def words_for(language: str) -> CatalogueWords:
    """The words of `language` ("en" or "fr"; anything else is English), loaded once."""
    code = language if language in LANGUAGES else "en"
    translations = Translations.load(str(TRANSLATIONS_DIR), [code], domain="messages")
    return CatalogueWords(code, translations)
