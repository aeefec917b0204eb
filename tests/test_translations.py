"""Every interface string has a French translation, and the compiled catalogue is current."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
FR = ROOT / "advisor" / "translations" / "fr" / "LC_MESSAGES"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}


def french_catalog() -> Catalog:
    with (FR / "messages.po").open("rb") as handle:
        return read_po(handle, locale="fr")


def source_messages() -> set[str]:
    methods = [("advisor/**.py", "python"), ("templates/**.html", "jinja2")]
    found = extract_from_dir(str(ROOT), method_map=methods, keywords=KEYWORDS)
    return {message if isinstance(message, str) else message[0] for _, _, message, *_ in found}


def test_every_interface_string_has_a_french_translation() -> None:
    catalog = french_catalog()
    untranslated = sorted(
        m for m in source_messages() if not (catalog.get(m) and catalog.get(m).string)
    )
    assert untranslated == [], f"add French for these in messages.po: {untranslated}"


def test_no_translation_is_fuzzy() -> None:
    fuzzy = [m.id for m in french_catalog() if m.id and m.fuzzy]
    assert fuzzy == []


def test_compiled_catalogue_matches_the_po_file() -> None:
    with (FR / "messages.mo").open("rb") as handle:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(handle) if m.id}
    written = {_key(m.id): _key(m.string) for m in french_catalog() if m.id and m.string}
    assert compiled == written, "run `make translations` to recompile messages.mo"


def _key(value: object) -> object:
    # Plural messages come back as lists from one reader and tuples from the other.
    return tuple(value) if isinstance(value, list | tuple) else value


def test_placeholders_survive_translation() -> None:
    for message in french_catalog():
        if isinstance(message.id, str) and "%(" in message.id:
            assert sorted(_placeholders(message.id)) == sorted(_placeholders(message.string))


def _placeholders(text: str) -> list[str]:
    return [part.split(")")[0] for part in text.split("%(")[1:]]
